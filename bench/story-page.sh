#!/usr/bin/env bash
# Start-up time and story page throughput, on 127.0.0.1 only.
#   bench/story-page.sh            builds the jar, starts it on a fresh demo database, measures
# Prints: time from the start command to the first served page, then wrk -t2 -c64 -d15s on a story page.
# Needs wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18080}
data=$(mktemp -d)
./masthead package >/dev/null
source <(sed -n '/^java_major()/,/^}/p;/^find_jdk()/,/^}/p' masthead)
java_home=$(find_jdk)

start=$(date +%s%N)
"$java_home/bin/java" --enable-native-access=ALL-UNNAMED -Xmx512m -jar target/masthead.jar \
    --server.port="$port" --masthead.data-dir="$data" --logging.structured.format.console= \
    >"$data/masthead.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
# the first page that shows a demo story: the server is up and the newsroom is seeded
until curl -fsS "http://127.0.0.1:$port/en/" 2>/dev/null | grep -q 'href="/en/[a-z-]*/[a-z0-9-]*-[0-9]*"'; do
    kill -0 $pid 2>/dev/null || { echo "Masthead did not start:"; tail -20 "$data/masthead.log"; exit 1; }
    sleep 0.05
done
echo "start to first page (fresh database, demo seeded): $(( ($(date +%s%N) - start) / 1000000 )) ms"

story=$(curl -fsS "http://127.0.0.1:$port/en/" | grep -o 'href="/en/[a-z-]*/[a-z0-9-]*-[0-9]*"' | sed -n 1p | cut -d'"' -f2)
echo "story page: $story"
wrk -t2 -c64 -d5s "http://127.0.0.1:$port$story" >/dev/null   # warm-up: JIT and connection pool
wrk -t2 -c64 -d15s --latency "http://127.0.0.1:$port$story"
