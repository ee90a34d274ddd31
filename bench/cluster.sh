#!/usr/bin/env bash
# The cluster benchmark, on 127.0.0.1 only. Rerunnable; never part of the tests. Two Masthead nodes with the shipped
# configuration (--spring.profiles.active=postgres, masthead.media.store=s3) on one PostgreSQL schema, their images
# in one bucket of s3proxy (over the in-memory blob store, as the tests start it), behind Debian's HAProxy with the
# shipped deploy/haproxy/haproxy.cfg; the demo newsroom is seeded by the first node. HAProxy listens twice: in front
# of both nodes and in front of the first alone, so both figures come from the same nodes in the same run.
#
#   bench/cluster.sh
#   DURATION=15s PG=postgresql://127.0.0.1:5432/test PG_USER=postgres SCHEMA=clusterbench bench/cluster.sh
#   PORTS="8185 8186 8187 8188 8189" bench/cluster.sh     HAProxy to both, HAProxy to one, s3proxy, node 1, node 2
#
# Measured, each with wrk -t2 -c64 --latency for DURATION after the load benchmark's warm-up (rounds of 5 s until the
# JIT compilers of the running nodes together are done with the page), CPU of the whole machine alongside:
#   1. page cache on (as shipped): story and home pages through HAProxy to two nodes and to one node;
#   2. page cache off (masthead.cache.enabled=false, both nodes started again): the same four;
#   3. images: one variant (/media/{id}/{width}.jpg, the first the home page shows) from one node on S3 as shipped
#      (the node keeps recently served bytes in memory), from one node on S3 with that memory off
#      (masthead.media.s3.cache-size=0), and from one node on its disk store (a schema of its own, seeded alike);
# then one table with every figure, the two-node/one-node ratios and the S3/disk ratios. Raw outputs land in $OUT.
#
# On a machine of two cores the two nodes, HAProxy, PostgreSQL and wrk share those two cores, so two nodes cannot
# serve twice what one serves, and here they serve less: one node already keeps both cores busy, and the second adds
# its own JIT compilers, garbage collector and database connections (a pool each) on the same cores, while each node
# warms its caches on half the requests. The ratio says what a second node costs on a shared machine, not what a
# second machine would give; the CPU column shows the machine saturated in both runs.
# Needs wrk, haproxy and psql (Debian: wrk haproxy postgresql-client).
set -euo pipefail
cd "$(dirname "$0")/.."
read -r two_port one_port s3_port node1_port node2_port <<<"${PORTS:-8185 8186 8187 8188 8189}"
duration=${DURATION:-15s}
pg=${PG:-postgresql://127.0.0.1:5432/test}
pg_user=${PG_USER:-postgres}
schema=${SCHEMA:-clusterbench}
out=${OUT:-$(mktemp -d /tmp/masthead-cluster-out.XXXXXX)}
work=$(mktemp -d /tmp/masthead-cluster.XXXXXX)
mkdir -p "$out"
rows="$out/table.tsv"
: >"$rows"

source <(sed -n '/^java_major()/,/^}/p;/^find_jdk()/,/^}/p' masthead)
export JAVA_HOME=$(find_jdk)
# the measuring helpers of the load benchmark: run_wrk (a warm-up, then one measured run and a row of the table)
source <(sed -n '/^cpu_ticks()/p;/^warm_up()/,/^}/p;/^run_wrk()/,/^}/p;/^row()/,/^}/p;/^rps_of()/p;/^print_rows()/,/^}/p;/^ratio()/p' bench/run.sh)

echo "== build"
mvn -B -ntp -q -o -DskipTests compile
mvn -B -ntp -q -o dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$out/classpath.txt"
mvn -B -ntp -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/test-classpath.txt"
# a private copy of the application classes, so a rebuild of target/ cannot change them mid-run
cp -r target/classes "$work/classes"
classpath="$work/classes:$(cat "$out/classpath.txt")"

pids=()
declare -A node_pid
cleanup() {
    for pid in "${node_pid[@]}" "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${node_pid[@]}" "${pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT

await() { # what url pid log: until the address answers 200 or the process stops
    local what=$1 url=$2 pid=$3 log=$4 started=$(date +%s)
    until curl -fsS -o /dev/null "$url" 2>/dev/null; do
        kill -0 "$pid" 2>/dev/null || { echo "$what stopped:"; tail -30 "$log"; exit 1; }
        sleep 1
    done
    echo "$what ready after $(( $(date +%s) - started )) s"
}

echo "== s3proxy on port $s3_port, in-memory blob store"
secret="secret-$RANDOM$RANDOM"
cat >"$work/s3proxy.properties" <<PROPERTIES
s3proxy.endpoint=http://127.0.0.1:$s3_port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=masthead-bench
s3proxy.credential=$secret
jclouds.provider=transient
jclouds.identity=identity
jclouds.credential=credential
PROPERTIES
"$JAVA_HOME/bin/java" -Xmx512m -cp "$(cat "$out/test-classpath.txt")" org.gaul.s3proxy.Main \
    --properties "$work/s3proxy.properties" >"$out/s3proxy.log" 2>&1 &
pids+=($!)
# an anonymous request is refused (403) once it listens
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$s3_port/")" = 403 ]; do
    kill -0 "${pids[-1]}" 2>/dev/null || { tail -30 "$out/s3proxy.log"; exit 1; }
    sleep 0.5
done

fresh_schema() {
    psql "$pg" -U "$pg_user" -q -c "set client_min_messages = warning" -c "drop schema if exists $1 cascade" \
        -c "create schema $1" >/dev/null
}
s3_settings=(--masthead.media.store=s3 --masthead.media.s3.endpoint="http://127.0.0.1:$s3_port"
    --masthead.media.s3.bucket=masthead --masthead.media.s3.path-style=true
    --masthead.media.s3.access-key=masthead-bench --masthead.media.s3.create-bucket=true)

start_node() { # name port schema, then Masthead's arguments: starts it in the background
    local name=$1 port=$2 node_schema=$3
    shift 3
    mkdir -p "$work/$name"
    MASTHEAD_DB_URL="jdbc:$pg?currentSchema=$node_schema" MASTHEAD_DB_USER="$pg_user" MASTHEAD_DB_PASSWORD= \
        MASTHEAD_MEDIA_S3_SECRET_KEY="$secret" \
        "$JAVA_HOME/bin/java" -Xmx512m --enable-native-access=ALL-UNNAMED -cp "$classpath" org.masthead.MastheadApplication \
        --server.port="$port" --masthead.data-dir="$work/$name" --spring.profiles.active=postgres \
        --logging.structured.format.console= "$@" >>"$out/node-$name.log" 2>&1 &
    node_pid[$name]=$!
}
await_node() { # name port
    await "node $1" "http://127.0.0.1:$2/actuator/health/readiness" "${node_pid[$1]}" "$out/node-$1.log"
}
# Seconds the JIT compilers of every running node have spent so far, for the warm-up: through HAProxy a page
# warms both nodes at once.
compile_seconds() {
    local total=0 pid
    for pid in "${node_pid[@]}"; do
        total=$({ "$JAVA_HOME/bin/jstat" -compiler "$pid" 2>/dev/null || true; } \
            | awk -v total="$total" 'NR == 2 { seconds = $4 } END { print total + seconds }')
    done
    echo "$total"
}
stop_node() {
    kill "${node_pid[$1]}" 2>/dev/null || true
    wait "${node_pid[$1]}" 2>/dev/null || true
    unset "node_pid[$1]"
}

haproxy_pid=""
start_haproxy() { # the shipped configuration: its frontend to both nodes, and a copy of its backend to the first
    local shipped=deploy/haproxy/haproxy.cfg
    {
        grep -v '^ *server ' "$shipped" | sed "s/^\( *\)bind :80$/\1bind 127.0.0.1:$two_port/"
        echo "    server masthead1 127.0.0.1:$node1_port check"
        echo "    server masthead2 127.0.0.1:$node2_port check"
        echo
        echo "frontend site-one-node"
        echo "    bind 127.0.0.1:$one_port"
        echo "    default_backend masthead-one-node"
        echo
        sed -n '/^backend masthead$/,$p' "$shipped" | grep -v '^ *server ' | sed 's/^backend masthead$/backend masthead-one-node/'
        echo "    server masthead1 127.0.0.1:$node1_port check"
    } >"$out/haproxy.cfg"
    # -n: a connection limit this machine's descriptors allow, over the shipped global maxconn
    /usr/sbin/haproxy -db -n 4000 -f "$out/haproxy.cfg" >>"$out/haproxy.log" 2>&1 &
    haproxy_pid=$!
    pids+=("$haproxy_pid")
    # both servers checked up: four readiness answers in a row through the two-node frontend
    local answered=0
    until [ "$answered" -ge 4 ]; do
        kill -0 "$haproxy_pid" 2>/dev/null || { cat "$out/haproxy.log"; exit 1; }
        if curl -fsS -o /dev/null "http://127.0.0.1:$two_port/actuator/health/readiness" 2>/dev/null; then
            answered=$((answered + 1))
        else
            answered=0
            sleep 0.5
        fi
    done
}
stop_haproxy() {
    kill "$haproxy_pid" 2>/dev/null || true
    wait "$haproxy_pid" 2>/dev/null || true
}

pages() { # label-suffix: story and home through HAProxy to two nodes and to one node
    local two="http://127.0.0.1:$two_port" one="http://127.0.0.1:$one_port"
    run_wrk "story $1, two nodes" "$two$story" 64
    run_wrk "story $1, one node" "$one$story" 64
    run_wrk "home $1, two nodes" "$two/en/" 64
    run_wrk "home $1, one node" "$one/en/" 64
}

first_image() { # port: the first image variant the home page shows
    curl -fsS "http://127.0.0.1:$1/en/" | grep -oE '/media/[0-9]+/[0-9]+\.jpg' | head -1
}

echo "== two nodes on PostgreSQL (schema $schema), images in s3proxy, page cache on"
fresh_schema "$schema"
start_node node1 "$node1_port" "$schema" "${s3_settings[@]}"
await_node node1 "$node1_port"
start_node node2 "$node2_port" "$schema" "${s3_settings[@]}"
await_node node2 "$node2_port"
start_haproxy
# a story of the economy section: an ordinary story page (the live blog, in another section, is a page of its own)
story=$(curl -fsS "http://127.0.0.1:$node1_port/en/" | grep -oE 'href="/en/economy/[a-z0-9-]+-[0-9]+"' | head -1 \
    | sed 's/^href="//; s/"$//')
[ -n "$story" ] || { echo "no story link on the home page"; exit 1; }
image=$(first_image "$node1_port")
[ -n "$image" ] || { echo "no image on the home page"; exit 1; }
echo "story $story, image $image ($(curl -fsS "http://127.0.0.1:$node1_port$image" | wc -c) bytes)"
pages "hit"
run_wrk "image, S3 (node memory as shipped)" "http://127.0.0.1:$node1_port$image" 64

echo "== page cache off (masthead.cache.enabled=false): both nodes started again"
stop_haproxy
stop_node node2
stop_node node1
start_node node1 "$node1_port" "$schema" "${s3_settings[@]}" --masthead.cache.enabled=false
start_node node2 "$node2_port" "$schema" "${s3_settings[@]}" --masthead.cache.enabled=false
await_node node1 "$node1_port"
await_node node2 "$node2_port"
start_haproxy
pages "uncached"
stop_haproxy
stop_node node2
stop_node node1

echo "== images: one node on S3 without its memory of served bytes, one node on its disk store (schema ${schema}_disk)"
fresh_schema "${schema}_disk"
start_node node1 "$node1_port" "$schema" "${s3_settings[@]}" --masthead.media.s3.cache-size=0B
start_node disk "$node2_port" "${schema}_disk" --masthead.media.store=disk
await_node node1 "$node1_port"
await_node disk "$node2_port"
disk_image=$(first_image "$node2_port")
echo "disk image $disk_image ($(curl -fsS "http://127.0.0.1:$node2_port$disk_image" | wc -c) bytes)"
run_wrk "image, S3 (node memory off)" "http://127.0.0.1:$node1_port$image" 64
run_wrk "image, disk" "http://127.0.0.1:$node2_port$disk_image" 64

echo
echo "== summary (one run; req/s, latency in ms, errors = non-2xx + socket errors, CPU = whole machine, $(nproc) cores)"
print_rows 44
echo
for page in "story hit" "home hit" "story uncached" "home uncached"; do
    ratio "$page: two nodes / one node" "$page, two nodes" "$page, one node"
done
ratio "image: S3 (node memory as shipped) / disk" "image, S3 (node memory as shipped)" "image, disk"
ratio "image: S3 (node memory off) / disk" "image, S3 (node memory off)" "image, disk"
echo "raw outputs: $out"
