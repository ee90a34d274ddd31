#!/usr/bin/env bash
# Live blogs under load, on 127.0.0.1 only:
#   bench/live-streams.sh [streams] [entries]     (5000 streams, 40 entries by default; PORT=8115)
# Starts Masthead (-Xmx512m) on a fresh demo database, measures the story page with wrk (-t2 -c64 -d15s) alone,
# then opens the streams of the demo live blog with bench/live/LiveLoad.java, reports the server's memory per
# stream (resident, and live heap after a full collection), measures the story page again while the streams are
# open and entries are posted (one every 400 ms through the admin API, for as long as wrk runs), and reports
# entry-to-reader latency p50/p99. Needs wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
streams=${1:-5000}
entries=${2:-40}
port=${PORT:-8115}
data=$(mktemp -d)
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
[ -f target/masthead.jar ] || ./masthead package >/dev/null
source <(sed -n '/^java_major()/,/^}/p;/^find_jdk()/,/^}/p' masthead)
java_home=$(find_jdk)

"$java_home/bin/java" --enable-native-access=ALL-UNNAMED -Xmx512m -jar target/masthead.jar \
    --server.port="$port" --masthead.data-dir="$data" --logging.structured.format.console= \
    --server.tomcat.max-connections=12000 --server.tomcat.accept-count=2000 \
    >"$data/masthead.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -fsS "http://127.0.0.1:$port/en/" 2>/dev/null | grep -q 'the-power-grid-in-winter-live'; do
    kill -0 $pid 2>/dev/null || { echo "Masthead did not start:"; tail -20 "$data/masthead.log"; exit 1; }
    sleep 0.2
done
password=$(grep -o 'one-time password: [^ ]*' "$data/masthead.log" | awk '{print $3}')
story=$(curl -fsS "http://127.0.0.1:$port/en/" | grep -o 'href="/en/[a-z-]*/[a-z0-9-]*-[0-9]*"' | sed -n 1p | cut -d'"' -f2)
echo "story page: $story"
wrk -t2 -c64 -d5s "http://127.0.0.1:$port$story" >/dev/null
echo "== story page without streams"
wrk -t2 -c64 -d15s --latency "http://127.0.0.1:$port$story" | grep -E "Requests/sec|99%|Latency  "

out="$data/load.out"
"$java_home/bin/java" -Xmx1g bench/live/LiveLoad.java "http://127.0.0.1:$port" admin "$password" "$pid" \
    "$streams" "$entries" 400 >"$out" 2>&1 &
load=$!
until grep -q READY "$out" 2>/dev/null; do
    kill -0 $load 2>/dev/null || { cat "$out"; exit 1; }
    sleep 0.5
done
grep -v READY "$out"
until grep -q POSTING "$out"; do sleep 0.2; done
echo "== story page with $streams streams open and entries being posted"
wrk -t2 -c64 -d15s --latency "http://127.0.0.1:$port$story" | grep -E "Requests/sec|99%|Latency  "
wait $load || true
grep -E "entry to reader|post " "$out" || cat "$out"
echo "streams still open on the server: $(curl -fsS "http://127.0.0.1:$port/actuator/prometheus" 2>/dev/null | grep '^masthead_live_streams' || echo '?')"
