# What the test suite needs from the machine beyond a JDK and Maven. `./masthead test` sources this
# file and runs every need in TEST_NEEDS before Maven starts, so a fresh machine, a developer's and CI
# take the same path. A need finds what it wants, installs it where it can (Debian packages, as root,
# with no standard input), or stops the run with one line saying what to install; nothing is skipped
# silently.
#
# To add a need: write a function `need_NAME` here and add NAME to TEST_NEEDS. It returns 0 when
# the machine has it (exporting whatever the tests read to find it) and 1, after `missing "..."`,
# when the tests cannot run without it. Helpers: `found CMD...` (first command on PATH),
# `debian_install PKG...` (installs when allowed), `note "..."` (one informative line).
#
# Settings (environment):
#   MASTHEAD_TEST_INSTALL=no      never install anything; only find, or say what to install
#   MASTHEAD_CHROMIUM=/path       the Chromium to drive instead of the one found on PATH
#   MASTHEAD_FEEDPARSER_PYTHON    a python3 that can import feedparser, instead of the one found
#   MASTHEAD_TEST_POSTGRES_URL    the PostgreSQL the integration tests run on a second time; found on
#                                 127.0.0.1:5432 when unset; set it to "off" for SQLite only
#   MASTHEAD_VARNISHD=/path       the varnishd (with varnish-modules' xkey) the purge tests start in front of
#                                 Masthead, instead of /usr/sbin/varnishd
#   MASTHEAD_HAPROXY=/path        the HAProxy the cluster test (PostgreSQL only) starts in front of two nodes

TEST_NEEDS=(chromium feedparser postgresql varnish haproxy)

note() {
    echo "./masthead test: $*" >&2
}

missing() {
    echo "./masthead test: $*" >&2
    return 1
}

# The first of the given commands on PATH that is an executable file, as a full path.
found() {
    local name folder
    for name in "$@"; do
        local IFS=:
        for folder in $PATH; do
            if [[ -f ${folder:-.}/$name && -x ${folder:-.}/$name ]]; then
                echo "${folder:-.}/$name"
                return 0
            fi
        done
    done
    return 1
}

# Whether this run may install Debian packages: as root (or with passwordless sudo), with apt-get.
may_install() {
    [[ ${MASTHEAD_TEST_INSTALL:-yes} != no ]] || return 1
    command -v apt-get >/dev/null 2>&1 || return 1
    [[ $(id -u) == 0 ]] || sudo -n true 2>/dev/null
}

APT_UPDATED=""
debian_install() {
    may_install || return 1
    local sudo=()
    [[ $(id -u) == 0 ]] || sudo=(sudo -n)
    note "installing Debian packages: $*"
    if [[ -z $APT_UPDATED ]]; then
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null >&2 || return 1
        APT_UPDATED=yes
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" \
        </dev/null >/dev/null || return 1
    hash -r
}

# Browser tests (*BrowserIT) drive a Chromium through Playwright; nothing downloads a browser of its own.
need_chromium() {
    local chromium=${MASTHEAD_CHROMIUM:-}
    if [[ -n $chromium && ! -x $chromium ]]; then
        missing "MASTHEAD_CHROMIUM=$chromium is not an executable file."
        return 1
    fi
    [[ -n $chromium ]] || chromium=$(found chromium chromium-browser) || true
    if [[ -z $chromium ]] && debian_install chromium chromium-driver; then
        chromium=$(found chromium chromium-browser) || true
    fi
    if [[ -z $chromium ]]; then
        missing "the browser tests need Chromium and none was found or could be installed: install Debian's" \
            "chromium and chromium-driver (as root: apt-get install chromium chromium-driver), or set" \
            "MASTHEAD_CHROMIUM to a Chromium binary."
        return 1
    fi
    export MASTHEAD_CHROMIUM=$chromium
}

# The feed tests read every feed back with feedparser, as many feed readers do (Debian's python3-feedparser).
need_feedparser() {
    local python=${MASTHEAD_FEEDPARSER_PYTHON:-}
    if [[ -z $python ]]; then
        python=$(feedparser_python) || true
    fi
    if [[ -z $python ]] && debian_install python3-feedparser; then
        python=$(feedparser_python) || true
    fi
    if [[ -z $python ]] || ! "$python" -c 'import feedparser' </dev/null >/dev/null 2>&1; then
        missing "the feed tests read feeds back with feedparser and found no python3 that has it: install" \
            "Debian's python3-feedparser (as root: apt-get install python3-feedparser), or set" \
            "MASTHEAD_FEEDPARSER_PYTHON to a python3 that can import feedparser."
        return 1
    fi
    export MASTHEAD_FEEDPARSER_PYTHON=$python
}

feedparser_python() {
    local python
    for python in /usr/bin/python3 $(found python3); do
        if [[ -x $python ]] && "$python" -c 'import feedparser' </dev/null >/dev/null 2>&1; then
            echo "$python"
            return 0
        fi
    done
    return 1
}

# The integration tests run a second time on PostgreSQL when one answers; a stopped local cluster is
# started. Without one they run on SQLite only, and this says so.
need_postgresql() {
    if [[ ${MASTHEAD_TEST_POSTGRES_URL:-} == off ]]; then
        unset MASTHEAD_TEST_POSTGRES_URL
        note "MASTHEAD_TEST_POSTGRES_URL=off: the tests run on SQLite only."
        return 0
    fi
    if [[ -n ${MASTHEAD_TEST_POSTGRES_URL:-} ]]; then
        note "the integration tests also run on the PostgreSQL of MASTHEAD_TEST_POSTGRES_URL."
        return 0
    fi
    local ready=(pg_isready -h 127.0.0.1 -p 5432 -q)
    if command -v pg_ctlcluster >/dev/null 2>&1 && ! "${ready[@]}" 2>/dev/null && [[ $(id -u) == 0 ]]; then
        local version
        for version in $(ls /etc/postgresql 2>/dev/null); do
            pg_ctlcluster --skip-systemctl-redirect "$version" main start </dev/null >/dev/null 2>&1 || true
        done
        local _
        for _ in $(seq 1 20); do "${ready[@]}" 2>/dev/null && break; sleep 0.5; done
    fi
    if command -v pg_isready >/dev/null 2>&1 && "${ready[@]}" 2>/dev/null; then
        export MASTHEAD_TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:5432/test?user=postgres'
        note "PostgreSQL answers on 127.0.0.1:5432: the integration tests also run on it."
    else
        note "no PostgreSQL on 127.0.0.1:5432: the tests run on SQLite only."
    fi
}

# The purge tests start Debian's varnishd with the xkey module (varnish-modules) in front of Masthead.
need_varnish() {
    local varnishd=${MASTHEAD_VARNISHD:-}
    if [[ -n $varnishd && ! -x $varnishd ]]; then
        missing "MASTHEAD_VARNISHD=$varnishd is not an executable file."
        return 1
    fi
    [[ -n $varnishd ]] || varnishd=$(varnish_with_xkey) || true
    if [[ -z $varnishd ]] && debian_install varnish varnish-modules; then
        varnishd=$(varnish_with_xkey) || true
    fi
    if [[ -z $varnishd ]]; then
        missing "the purge tests need varnishd with the xkey module and found none or could not install it:" \
            "install Debian's varnish and varnish-modules (as root: apt-get install varnish varnish-modules), or set" \
            "MASTHEAD_VARNISHD to a varnishd that has xkey."
        return 1
    fi
    export MASTHEAD_VARNISHD=$varnishd
}

# A varnishd whose module folder has xkey.
varnish_with_xkey() {
    local varnishd
    for varnishd in /usr/sbin/varnishd $(found varnishd); do
        if [[ -x $varnishd ]] && compgen -G "/usr/lib/*/varnish/vmods/libvmod_xkey.so" >/dev/null; then
            echo "$varnishd"
            return 0
        fi
    done
    return 1
}

# Whether the Maven arguments leave out the browser tests (then Chromium is not needed).
browser_tests_skipped() {
    local arg
    for arg in "$@"; do
        case "$arg" in
            -DskipTests | -DskipTests=true | -DskipITs | -DskipITs=true | -Dit.test=None | -Dmaven.test.skip=true) return 0 ;;
        esac
    done
    return 1
}

# The cluster test, which runs on PostgreSQL only, starts HAProxy with the shipped configuration in front of two nodes.
need_haproxy() {
    [[ -n ${MASTHEAD_TEST_POSTGRES_URL:-} ]] || return 0
    local haproxy=${MASTHEAD_HAPROXY:-}
    if [[ -n $haproxy ]]; then
        [[ -x $haproxy ]] && return 0
        missing "MASTHEAD_HAPROXY=$haproxy is not an executable file."
        return 1
    fi
    haproxy=$(found haproxy) || { [[ -x /usr/sbin/haproxy ]] && haproxy=/usr/sbin/haproxy; } || true
    if [[ -z $haproxy ]] && debian_install haproxy; then
        haproxy=$(found haproxy) || { [[ -x /usr/sbin/haproxy ]] && haproxy=/usr/sbin/haproxy; } || true
    fi
    if [[ -z $haproxy ]]; then
        missing "the cluster test on PostgreSQL needs HAProxy and found none or could not install it:" \
            "install Debian's haproxy (as root: apt-get install haproxy), set MASTHEAD_HAPROXY to one," \
            "or run on SQLite only with MASTHEAD_TEST_POSTGRES_URL=off."
        return 1
    fi
    export MASTHEAD_HAPROXY=$haproxy
}

# Runs every need; stops at the first one the tests cannot do without.
check_test_needs() {
    local need
    for need in "${TEST_NEEDS[@]}"; do
        if [[ $need == chromium ]] && browser_tests_skipped "$@"; then
            continue
        fi
        "need_$need" || return 1
    done
}
