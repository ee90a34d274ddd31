#!/usr/bin/env bash
# The page-cache benchmark, on 127.0.0.1 only. Rerunnable; never part of the tests.
#
#   bench/run.sh                         100,000 generated stories in a fresh temporary data folder
#   STORIES=20000 bench/run.sh           fewer stories
#   BENCH_DATA=/tmp/masthead-bench bench/run.sh   keep the data folder: a rerun skips the generation
#   PORT=18810 NGINX_PORT=18811 DURATION=15s bench/run.sh
#
# It builds Masthead, starts it (-Xmx512m) with the generator and loopback-only measuring endpoints
# of bench/src, waits until the archive is written and the outbox consumers caught up, then:
#   1. wrk (2 threads; 64 and 256 connections; DURATION each) against a story page, the home page, a
#      section page, the English RSS feed and a search page;
#   2. the same story page's HTML as a static file from nginx, alternating with Masthead runs, and
#      the Masthead/nginx throughput ratio;
#   3. publish-to-visible and publish-to-searchable latency over 100 publishes each, uncached story
#      render time (Server-Timing),
#      resident memory.
# Raw outputs land in $OUT (printed at the end). Needs wrk and nginx (nginx-light) installed.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18810}
nginx_port=${NGINX_PORT:-18811}
stories=${STORIES:-100000}
duration=${DURATION:-15s}
data=${BENCH_DATA:-$(mktemp -d /tmp/masthead-bench-data.XXXXXX)}
out=${OUT:-$(mktemp -d /tmp/masthead-bench-out.XXXXXX)}
mkdir -p "$data" "$out"
base="http://127.0.0.1:$port"

source <(sed -n '/^java_major()/,/^}/p;/^find_jdk()/,/^}/p' masthead)
export JAVA_HOME=$(find_jdk)

echo "== build"
mvn -B -ntp -q -DskipTests package
mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$out/classpath.txt"
classpath="target/classes:$(cat "$out/classpath.txt")"
rm -rf target/bench-classes
"$JAVA_HOME/bin/javac" --release 21 -parameters -d target/bench-classes -cp "$classpath" -proc:none $(find bench/src -name '*.java')

echo "== start Masthead with $stories generated stories (data in $data)"
started=$(date +%s)
"$JAVA_HOME/bin/java" -Xmx512m --enable-native-access=ALL-UNNAMED -cp "target/bench-classes:$classpath" \
    org.masthead.bench.BenchMasthead --server.port="$port" --masthead.data-dir="$data" \
    --masthead.bench.stories="$stories" --logging.structured.format.console= \
    --server.tomcat.max-keep-alive-requests=1000 >"$out/masthead.log" 2>&1 &
pid=$!
nginx_dir=$(mktemp -d /tmp/masthead-bench-nginx.XXXXXX)
cleanup() {
    [ -f "$nginx_dir/nginx.pid" ] && kill "$(cat "$nginx_dir/nginx.pid")" 2>/dev/null || true
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    rm -rf "$nginx_dir"
    [ -n "${BENCH_DATA:-}" ] || rm -rf "$data"
}
trap cleanup EXIT
until status=$(curl -fsS "$base/bench/status" 2>/dev/null) && [[ $status == ready* ]]; do
    kill -0 "$pid" 2>/dev/null || { echo "Masthead stopped:"; tail -30 "$out/masthead.log"; exit 1; }
    sleep 2
done
echo "ready after $(( $(date +%s) - started )) s: $status"
echo "generation: $(grep -o 'Generated [0-9]* of [0-9]* stories in [0-9]* s' "$out/masthead.log" | tail -1)"

story=$(sed 's/.* story=//' <<<"$status" | tr -d '\n')
section="/en/$(cut -d/ -f3 <<<"$story")/"
declare -A targets=([story]="$story" [home]="/en/" [section]="$section")
# feeds and search arrive with other work: measured when the address answers
for feed in /en/feed/rss.xml /en/feed/atom.xml; do
    if curl -fsS -o /dev/null "$base$feed" 2>/dev/null; then targets[feed]=$feed; break; fi
done
if curl -fsS -o /dev/null "$base/en/search?q=energy" 2>/dev/null; then targets[search]="/en/search?q=energy"; fi
for name in feed search; do [ -n "${targets[$name]:-}" ] || echo "no $name page in this build: not measured"; done

echo "== nginx static copy of $story on port $nginx_port"
mkdir -p "$nginx_dir/www"
curl -fsS "$base$story" >"$nginx_dir/www/story.html"
# nginx workers may run as an unprivileged user: let them read the copy
chmod 755 "$nginx_dir" "$nginx_dir/www" && chmod 644 "$nginx_dir/www/story.html"
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
    keepalive_requests 1000;
    default_type text/html;
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

run_wrk() { # name url connections
    local file="$out/wrk-$1-c$3.txt"
    wrk -t2 -c"$3" -d"$duration" --latency "$2" >"$file"
    echo "--- $1, $3 connections: $2"
    cat "$file"
}
rps() { awk '/Requests\/sec/ {print $2}' "$out/wrk-$1-c$2.txt"; }

echo "== warm-up (JIT, caches, connections)"
for name in "${!targets[@]}"; do wrk -t2 -c64 -d5s "$base${targets[$name]}" >/dev/null; done
wrk -t2 -c64 -d5s "http://127.0.0.1:$nginx_port/story.html" >/dev/null

echo "== wrk"
for connections in 64 256; do
    run_wrk story "$base$story" $connections
    run_wrk nginx "http://127.0.0.1:$nginx_port/story.html" $connections
done
for name in home section feed search; do
    [ -n "${targets[$name]:-}" ] || continue
    for connections in 64 256; do run_wrk "$name" "$base${targets[$name]}" $connections; done
done

echo "== publish-to-visible and uncached render"
curl -fsS "$base/bench/publish-latency?count=100" | tee "$out/publish-latency.txt"
curl -fsS "$base/bench/search-latency?count=100" | tee "$out/search-latency.txt"
curl -fsS "$base/bench/render-timing?count=1000&warmup=2000" | tee "$out/render-timing.txt"
grep -E '^Vm(RSS|HWM)' "/proc/$pid/status" | tee "$out/memory.txt"

echo "== summary"
for connections in 64 256; do
    awk -v m="$(rps story $connections)" -v n="$(rps nginx $connections)" -v c=$connections \
        'BEGIN { printf "story page, %d connections: Masthead %.0f req/s, nginx %.0f req/s, ratio %.2f\n", c, m, n, m / n }'
done
for file in "$out"/wrk-*.txt; do
    printf '%-28s %12s req/s' "$(basename "$file" .txt)" "$(awk '/Requests\/sec/ {print $2}' "$file")"
    if grep -qE 'Socket errors|Non-2xx' "$file"; then echo "  ERRORS: $(grep -E 'Socket errors|Non-2xx' "$file" | tr '\n' ' ')"; else echo "  no errors"; fi
done
cat "$out/publish-latency.txt" "$out/search-latency.txt" "$out/render-timing.txt"
echo "resident memory: $(tr '\n' ' ' <"$out/memory.txt")"
echo "raw outputs: $out"
