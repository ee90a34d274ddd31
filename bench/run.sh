#!/usr/bin/env bash
# The load benchmark, on 127.0.0.1 only. Rerunnable; never part of the tests. Masthead runs with its shipped
# configuration: the only arguments added are the port, the data folder, the generator's story count and, for
# the uncached figures, masthead.cache.enabled=false.
#
#   bench/run.sh                                 100,000 generated stories on SQLite in a fresh temporary folder
#   BENCH_DATA=/tmp/masthead-bench bench/run.sh  keep the SQLite folder: a rerun skips the generation
#   PG_URL=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=bench PG_USER=postgres bench/run.sh
#                                                also the uncached figures on PostgreSQL (the schema is kept:
#                                                a rerun skips the generation)
#   PEERS=../shared/peers bench/run.sh           also WordPress (set up beforehand with its setup-wordpress.sh),
#                                                measured in the same run with the same wrk settings; WP_POST
#                                                names the post's path (default: where /?p=500 redirects)
#   PREPARE_ONLY=1 bench/run.sh                  only generate the archives (SQLite, and PostgreSQL with PG_URL)
#   BUILD=0 bench/run.sh                         measure the last build (target/) instead of building first
#   UNCACHED_ONLY=1 bench/run.sh                 only the figures with the page cache off (and the peers)
#   SOAK=30m bench/run.sh                        also the soak: 64 connections for that long over SOAK_ADDRESSES (10,000)
#                                                distinct addresses drawn with a long tail, heap after GC and resident
#                                                memory sampled every SOAK_SAMPLE seconds (30); SOAK_ONLY=1 skips the rest
#   STORIES=20000 PORT=18810 NGINX_PORT=18811 DURATION=15s STAMPEDE_SECONDS=60 bench/run.sh
#
# Measured, each with wrk -t2 --latency for DURATION after a warm-up that lasts until Masthead's JIT compilers are
# done with the page, CPU of the whole machine alongside:
#   1. page cache hits (story identity and gzip, home, section; 64 connections) and nginx serving the same
#      bytes of the story page (identity, and Masthead's own gzip bytes through gzip_static), with the ratios;
#   2. breaking news: 256 connections over the home, section and story pages while a story is published every
#      second for STAMPEDE_SECONDS, with the renders per publication from Masthead's meters;
#   3. publish-to-visible and publish-to-searchable latency;
#   4. with the page cache off: story (64 and 1 connections), home, section, search page, search API;
#   5. with PG_URL, story and home with the page cache off on PostgreSQL;
#   6. with PEERS, WordPress post and home (no page cache);
#   7. with SOAK, the soak run (page cache on, as shipped);
# then one table with every figure and ratio. Raw outputs land in $OUT (printed at the end).
# Needs wrk and nginx (nginx-light), and psql for PG_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18810}
nginx_port=${NGINX_PORT:-18811}
stories=${STORIES:-100000}
duration=${DURATION:-15s}
stampede_seconds=${STAMPEDE_SECONDS:-60}
data=${BENCH_DATA:-$(mktemp -d /tmp/masthead-bench-data.XXXXXX)}
out=${OUT:-$(mktemp -d /tmp/masthead-bench-out.XXXXXX)}
mkdir -p "$data" "$out"
base="http://127.0.0.1:$port"
rows="$out/table.tsv"
: >"$rows"

source <(sed -n '/^java_major()/,/^}/p;/^find_jdk()/,/^}/p' masthead)
export JAVA_HOME=$(find_jdk)

if [ "${BUILD:-1}" != 0 ]; then
    echo "== build"
    mvn -B -ntp -q -DskipTests package
fi
mvn -B -ntp -q -o dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$out/classpath.txt" \
    || mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$out/classpath.txt"
classpath="target/classes:$(cat "$out/classpath.txt")"
rm -rf target/bench-classes
"$JAVA_HOME/bin/javac" --release 21 -parameters -d target/bench-classes -cp "$classpath" -proc:none $(find bench/src -name '*.java')

pid=""
nginx_dir=$(mktemp -d /tmp/masthead-bench-nginx.XXXXXX)
stop_masthead() {
    if [ -n "$pid" ]; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        pid=""
    fi
}
cleanup() {
    [ -f "$nginx_dir/nginx.pid" ] && kill "$(cat "$nginx_dir/nginx.pid")" 2>/dev/null || true
    stop_masthead
    rm -rf "$nginx_dir"
    [ -n "${BENCH_DATA:-}" ] || rm -rf "$data"
}
trap cleanup EXIT

start_masthead() { # log-name, data folder, extra arguments...
    local log="$out/masthead-$1.log" folder=$2
    shift 2
    local started=$(date +%s)
    "$JAVA_HOME/bin/java" -Xmx512m --enable-native-access=ALL-UNNAMED -cp "target/bench-classes:$classpath" \
        org.masthead.bench.BenchMasthead --server.port="$port" --masthead.data-dir="$folder" \
        --masthead.bench.stories="$stories" --logging.structured.format.console= "$@" >"$log" 2>&1 &
    pid=$!
    until status=$(curl -fsS "$base/bench/status" 2>/dev/null) && [[ $status == ready* ]]; do
        kill -0 "$pid" 2>/dev/null || { echo "Masthead stopped:"; tail -30 "$log"; exit 1; }
        sleep 2
    done
    echo "ready after $(( $(date +%s) - started )) s: $status"
    grep -o 'Generated [0-9]* of [0-9]* stories in [0-9]* s' "$log" | tail -1 || true
    story=$(sed 's/.* story=//' <<<"$status" | tr -d '\n')
    section="/en/$(cut -d/ -f3 <<<"$story")/"
}

cpu_ticks() { awk '/^cpu / {print $2+$3+$4+$6+$7+$8, $2+$3+$4+$5+$6+$7+$8}' /proc/stat; }

# Seconds Masthead's JIT compilers have spent so far (0 when Masthead is not running: a peer is measured).
compile_seconds() {
    if [ -z "$pid" ]; then
        echo 0
        return
    fi
    { "$JAVA_HOME/bin/jstat" -compiler "$pid" 2>/dev/null || true; } | awk 'NR == 2 { seconds = $4 } END { print seconds + 0 }'
}

# warm_up url connections threads [wrk options...]: loads the page in rounds of 5 s until a round adds under a
# quarter of a second of JIT compilation (at most 12 rounds). A page measured while C2 still compiles its code
# path measures the compiler: after one round of 5 s an uncached story page at 64 connections had C2 busy for half
# a core 20 s longer, and 1,445 req/s there became 4,021 once it was done.
warm_up() {
    local url=$1 connections=$2 threads=$3 round before after
    shift 3
    for round in $(seq 12); do
        before=$(compile_seconds)
        wrk -t"$threads" -c"$connections" -d5s "$@" "$url" >/dev/null   # also fills caches, opens connections
        after=$(compile_seconds)
        awk -v b="$before" -v a="$after" 'BEGIN { exit !(a - b < 0.25) }' && break
    done
    echo "warm after $(( round * 5 )) s (JIT: $after s of compilation so far)"
}

# run_wrk label url connections [wrk options...]: one measured run, a row of the table
run_wrk() {
    local label=$1 url=$2 connections=$3
    shift 3
    local file="$out/wrk-${label// /_}.txt" threads=$(( connections < 2 ? connections : 2 ))
    warm_up "$url" "$connections" "$threads" "$@"
    local before after
    before=$(cpu_ticks)
    wrk -t$threads -c"$connections" -d"$duration" --latency "$@" "$url" >"$file"
    after=$(cpu_ticks)
    echo "--- $label, $connections connections: wrk -t$threads -c$connections -d$duration --latency $* $url"
    cat "$file"
    row "$label" "$connections" "$file" "$before" "$after"
}

row() { # label connections wrk-output cpu-before cpu-after
    local cpu
    cpu=$(awk -v b="$4" -v a="$5" 'BEGIN { split(b, x, " "); split(a, y, " ");
        printf "%.0f", 100 * (y[1] - x[1]) / (y[2] - x[2]) }')
    awk -v label="$1" -v c="$2" -v cpu="$cpu" '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /Requests\/sec/ { rps = $2 }
        /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
        /Non-2xx/ { errors += $NF } /Socket errors/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
        END { printf "%s\t%s\t%.0f\t%.2f\t%.2f\t%d\t%s\n", label, c, rps, p50, p99, errors, cpu }' "$3" >>"$rows"
}

rps_of() { awk -F'\t' -v l="$1" '$1 == l { print $3 }' "$rows"; }

print_rows() { # label-width: every row so far, as one table
    local width=$1 label connections rps p50 p99 errors cpu
    printf "%-${width}s %5s %10s %9s %9s %7s %5s\n" page conns req/s p50 p99 errors cpu%
    while IFS=$'\t' read -r label connections rps p50 p99 errors cpu; do
        printf "%-${width}s %5s %10s %9s %9s %7s %5s\n" "$label" "$connections" "$rps" "$p50" "$p99" "$errors" "$cpu"
    done <"$rows"
}

echo "== SQLite: Masthead as shipped, $stories generated stories (data in $data)"
start_masthead sqlite "$data"
if [ -n "${PREPARE_ONLY:-}" ] || [ -n "${UNCACHED_ONLY:-}" ] || [ -n "${SOAK_ONLY:-}" ]; then
    stop_masthead
fi
if [ -z "${PREPARE_ONLY:-}" ] && [ -z "${UNCACHED_ONLY:-}" ] && [ -z "${SOAK_ONLY:-}" ]; then
    echo "== nginx serving the bytes of $story on port $nginx_port"
    mkdir -p "$nginx_dir/www"
    curl -fsS "$base$story" >"$nginx_dir/www/story.html"
    curl -fsS -H 'Accept-Encoding: gzip' "$base$story" >"$nginx_dir/www/story.html.gz"
    gzip -t "$nginx_dir/www/story.html.gz"
    chmod 755 "$nginx_dir" "$nginx_dir/www" && chmod 644 "$nginx_dir/www/"*
    cat >"$nginx_dir/nginx.conf" <<CONF
worker_processes auto;
daemon on;
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/error.log;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    default_type text/html;
    gzip_static on;
    gzip_vary on;
    client_body_temp_path $nginx_dir/tmp; proxy_temp_path $nginx_dir/tmp; fastcgi_temp_path $nginx_dir/tmp;
    uwsgi_temp_path $nginx_dir/tmp; scgi_temp_path $nginx_dir/tmp;
    server {
        listen 127.0.0.1:$nginx_port;
        root $nginx_dir/www;
    }
}
CONF
    /usr/sbin/nginx -c "$nginx_dir/nginx.conf" -p "$nginx_dir" -e "$nginx_dir/error.log" 2>/dev/null
    for attempt in $(seq 50); do
        curl -fsS -o /dev/null "http://127.0.0.1:$nginx_port/story.html" 2>/dev/null && break
        [ "$attempt" -lt 50 ] || { echo "nginx does not serve the copy:"; cat "$nginx_dir/error.log"; exit 1; }
        sleep 0.1
    done
    nginx_story="http://127.0.0.1:$nginx_port/story.html"
    identity_bytes=$(stat -c %s "$nginx_dir/www/story.html")
    gzip_bytes=$(stat -c %s "$nginx_dir/www/story.html.gz")

    echo "== page cache hits and nginx"
    gz=(-H 'Accept-Encoding: gzip')
    run_wrk "story hit" "$base$story" 64
    run_wrk "nginx story" "$nginx_story" 64
    run_wrk "story hit gzip" "$base$story" 64 "${gz[@]}"
    run_wrk "nginx story gzip" "$nginx_story" 64 "${gz[@]}"
    run_wrk "home hit" "$base/en/" 64
    run_wrk "section hit" "$base$section" 64

    echo "== breaking news: 256 connections on home, section and story while a story is published every second"
    cat >"$out/pages.lua" <<'LUA'
local paths = {}
for path in string.gmatch(os.getenv("BENCH_PATHS"), "%S+") do paths[#paths + 1] = path end
local n = 0
request = function()
    n = n + 1
    return wrk.format("GET", paths[n % #paths + 1])
end
LUA
    export BENCH_PATHS="/en/ $section $story"
    wrk -t2 -c256 -d5s -s "$out/pages.lua" "$base" >/dev/null
    curl -fsS "$base/actuator/prometheus" >"$out/metrics-before-stampede.txt"
    before=$(cpu_ticks)
    curl -fsS "$base/bench/publish-every?count=$stampede_seconds&intervalMillis=1000" >"$out/stampede-publishes.txt" &
    publisher=$!
    wrk -t2 -c256 -d"${stampede_seconds}s" --latency -s "$out/pages.lua" "$base" >"$out/wrk-stampede.txt"
    wait "$publisher"
    after=$(cpu_ticks)
    curl -fsS "$base/actuator/prometheus" >"$out/metrics-after-stampede.txt"
    echo "--- stampede: wrk -t2 -c256 -d${stampede_seconds}s --latency -s pages.lua (BENCH_PATHS=$BENCH_PATHS)"
    cat "$out/wrk-stampede.txt" "$out/stampede-publishes.txt"
    row "stampede (home/section/story, a publication a second)" 256 "$out/wrk-stampede.txt" "$before" "$after"
    outcomes() { # metrics-file -> "hit=… stale=… wait=… miss=… pass=…"
        awk -F'[{}" ]+' '/^masthead_cache_requests_total\{/ { for (i = 1; i < NF; i++) if ($i == "outcome=") o = $(i + 1);
            printf "%s=%s ", o, $NF }' "$1"
    }
    echo "cache outcomes before: $(outcomes "$out/metrics-before-stampede.txt")" | tee "$out/stampede-outcomes.txt"
    echo "cache outcomes after:  $(outcomes "$out/metrics-after-stampede.txt")" | tee -a "$out/stampede-outcomes.txt"

    echo "== publish-to-visible and publish-to-searchable"
    curl -fsS "$base/bench/publish-latency?count=100" | tee "$out/publish-latency.txt"
    curl -fsS "$base/bench/search-latency?count=100" | tee "$out/search-latency.txt"
    grep -E '^Vm(RSS|HWM)' "/proc/$pid/status" | tr '\n' ' ' >"$out/memory-cache-on.txt"
    stop_masthead
fi
soak() { # the long run over many addresses: errors, heap after GC and resident memory over time
    echo "== soak: 64 connections for $SOAK over ${SOAK_ADDRESSES:-10000} addresses"
    curl -fsS "$base/bench/addresses?count=${SOAK_ADDRESSES:-10000}" >"$out/soak-addresses.txt"
    cat >"$out/soak.lua" <<'LUA'
local paths = {}
for line in io.lines(os.getenv("SOAK_FILE")) do paths[#paths + 1] = line end
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
request = function()
    -- a long tail: the first addresses (home, sections, newest stories) most often, every one now and then
    local i = math.floor(#paths * math.random() ^ 3) + 1
    return wrk.format("GET", paths[i])
end
LUA
    local samples="$out/soak-samples.tsv" interval=${SOAK_SAMPLE:-30}
    printf 'seconds\theap_after_gc_mb\told_gen_mb\theap_used_mb\trss_mb\tcached_pages\n' >"$samples"
    sample() {
        curl -fsS "$base/actuator/prometheus" 2>/dev/null | awk -v t="$1" -v rss="$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")" '
            /^jvm_gc_live_data_size_bytes / { live = $2 }
            /^jvm_memory_used_bytes\{.*area="heap"/ { heap += $2; if ($0 ~ /Old Gen/) old = $2 }
            /^cache_size\{.*cache="pages"/ { pages = $2 }
            END { printf "%d\t%.0f\t%.0f\t%.0f\t%.0f\t%d\n", t, live / 1048576, old / 1048576, heap / 1048576, rss / 1024, pages }' >>"$samples"
    }
    (started=$(date +%s); while sleep "$interval"; do sample $(( $(date +%s) - started )); done) &
    local sampler=$!
    before=$(cpu_ticks)
    SOAK_FILE="$out/soak-addresses.txt" wrk -t2 -c64 -d"$SOAK" --latency -s "$out/soak.lua" "$base" >"$out/wrk-soak.txt"
    after=$(cpu_ticks)
    kill "$sampler" 2>/dev/null || true
    wait "$sampler" 2>/dev/null || true
    echo "--- soak: wrk -t2 -c64 -d$SOAK --latency -s soak.lua ($(wc -l <"$out/soak-addresses.txt") addresses)"
    cat "$out/wrk-soak.txt" "$samples"
    row "soak $SOAK, $(wc -l <"$out/soak-addresses.txt") addresses (long tail)" 64 "$out/wrk-soak.txt" "$before" "$after"
    awk -F'\t' 'NR == 2 { first = $2; rss1 = $5 } NR > 1 { last = $2; rss = $5; if ($2 > max) max = $2; if ($5 > maxrss) maxrss = $5 }
        END { if (NR > 1) printf "soak: heap after GC %s MB at the first sample, %s MB at the last, at most %s MB; resident memory %s MB first, %s MB last, at most %s MB\n", first, last, max, rss1, rss, maxrss }' \
        "$samples" | tee "$out/soak-summary.txt"
}

if [ -n "${SOAK:-}" ] && [ -z "${PREPARE_ONLY:-}" ]; then
    echo "== SQLite, page cache on: soak"
    start_masthead sqlite-soak "$data"
    soak
    stop_masthead
fi
[ -z "${SOAK_ONLY:-}" ] || { echo; cat "$rows"; cat "$out/soak-summary.txt"; echo "raw outputs: $out"; exit 0; }

if [ -z "${PREPARE_ONLY:-}" ]; then
    echo "== SQLite, page cache off"
    start_masthead sqlite-uncached "$data" --masthead.cache.enabled=false
    run_wrk "story uncached" "$base$story" 64
    run_wrk "story uncached, 1 connection" "$base$story" 1
    run_wrk "home uncached" "$base/en/" 64
    run_wrk "section uncached" "$base$section" 64
    run_wrk "search page uncached" "$base/en/search?q=energy" 64
    run_wrk "search API uncached" "$base/api/v1/search?q=energy&language=en" 64
    grep -E '^Vm(RSS|HWM)' "/proc/$pid/status" | tr '\n' ' ' >"$out/memory-cache-off.txt"
    stop_masthead
fi

if [ -n "${PG_URL:-}" ]; then
    echo "== PostgreSQL, page cache off ($PG_URL)"
    schema=$(sed -n 's/.*currentSchema=\([a-z0-9_]*\).*/\1/p' <<<"$PG_URL")
    if [ -n "$schema" ]; then
        psql "$(sed 's/^jdbc://; s/[?].*//' <<<"$PG_URL")" -U "${PG_USER:-postgres}" -qc "create schema if not exists $schema"
    fi
    MASTHEAD_DB_URL="$PG_URL" MASTHEAD_DB_USER="${PG_USER:-postgres}" MASTHEAD_DB_PASSWORD="${PG_PASSWORD:-}" \
        start_masthead postgres "$data/postgres" --spring.profiles.active=postgres --masthead.cache.enabled=false
    if [ -z "${PREPARE_ONLY:-}" ]; then
        run_wrk "PostgreSQL story uncached" "$base$story" 64
        run_wrk "PostgreSQL home uncached" "$base/en/" 64
    fi
    stop_masthead
fi
[ -z "${PREPARE_ONLY:-}" ] || { echo "prepared"; exit 0; }

if [ -n "${PEERS:-}" ]; then
    echo "== WordPress (no page cache), same wrk settings"
    wp=http://127.0.0.1:${WP_PORT:-8082}
    wp_post=${WP_POST:-$(curl -fsS "$wp/?p=500" -o /dev/null -w '%{redirect_url}' | sed "s|^http://[^/]*||")}
    run_wrk "WordPress post" "$wp${wp_post:-/?p=500}" 64
    run_wrk "WordPress home" "$wp/" 64
fi

echo
echo "== summary (one run; req/s, latency in ms, errors = non-2xx + socket errors, CPU = whole machine)"
print_rows 58
ratio() { awk -v a="$(rps_of "$2")" -v b="$(rps_of "$3")" -v l="$1" 'BEGIN { if (a && b) printf "%-58s %.2f×\n", l, a / b }'; }
echo
ratio "story hit / nginx, identity (${identity_bytes:-?} bytes)" "story hit" "nginx story"
ratio "story hit / nginx, gzip (${gzip_bytes:-?} bytes)" "story hit gzip" "nginx story gzip"
ratio "story uncached / WordPress post" "story uncached" "WordPress post"
ratio "home uncached / WordPress home" "home uncached" "WordPress home"
ratio "PostgreSQL story uncached / WordPress post" "PostgreSQL story uncached" "WordPress post"
cat "$out/stampede-publishes.txt" "$out/stampede-outcomes.txt" "$out/publish-latency.txt" "$out/search-latency.txt" \
    "$out/soak-summary.txt" 2>/dev/null || true
echo "resident memory, cache on: $(cat "$out/memory-cache-on.txt" 2>/dev/null)"
echo "resident memory, cache off: $(cat "$out/memory-cache-off.txt")"
echo "raw outputs: $out"
