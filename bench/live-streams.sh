#!/usr/bin/env bash
# Live blogs under load, on 127.0.0.1 only:
#   bench/live-streams.sh [streams] [entries]     (5000 streams, 40 entries by default; PORT=8115)
# JFR=FILE records the server and CLIENT_JFR=FILE the load client (profile settings); HISTO=FILE writes the server's
# class histogram with the streams open, for what holds their memory.
# Starts Masthead (-Xmx1g) on a fresh demo database, measures the story page with wrk (-t2 -c64 -d15s) alone,
# opens an admin account of its own with ./masthead create-admin (the load client signs in with it and makes a
# personal access token with the publish scope, sent as a bearer token), opens the streams of the demo live blog
# with bench/live/LiveLoad.java, reports the server's memory per stream (resident, and live heap after a full
# collection), measures the story page again while the streams are open, first with nothing posted, then while
# entries are posted (one every 400 ms through the admin API, for as long as wrk runs) with the CPU the server and
# the load client take meanwhile, and reports entry-to-reader latency p50/p99. Then nine streams in ten reconnect at
# once with Last-Event-ID while more entries are posted, as after a restart: how many were turned away with 503, how
# long until all were back, the latency of those entries for the streams that came back and for those that stayed,
# and whether every stream got every entry. Needs wrk.
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

# each open stream holds about 108 KB of heap, nearly all of it Tomcat's buffers for the connection (socket, request
# and response): 5,000 streams take some 530 MB on top of the application, more than a 512 MB heap has
# JFR=FILE records the server (profile settings) and writes the recording there after the run with entries
"$java_home/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g \
    ${JFR:+-XX:StartFlightRecording=name=bench,settings=profile} -jar target/masthead.jar \
    --server.port="$port" --masthead.data-dir="$data" --logging.structured.format.console= \
    --server.tomcat.max-connections=12000 --server.tomcat.accept-count=2000 \
    >"$data/masthead.log" 2>&1 &
pid=$!
# a server still holding thousands of streams may take long to stop: 30 s, then it is killed
trap 'kill $pid 2>/dev/null; for _ in $(seq 60); do kill -0 $pid 2>/dev/null || break; sleep 0.5; done;
      kill -9 $pid 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -fsS "http://127.0.0.1:$port/en/" 2>/dev/null | grep -q 'the-power-grid-in-winter-live'; do
    kill -0 $pid 2>/dev/null || { echo "Masthead did not start:"; tail -20 "$data/masthead.log"; exit 1; }
    sleep 0.2
done
# an account of its own, so the run needs no first admin's password (a demo database has none to give)
admin="bench-$$"
password=$(./masthead create-admin "$admin" --masthead.data-dir="$data" | sed -n 's/.* one-time password \([^ ]*\) .*/\1/p')
[ -n "$password" ] || { echo "create-admin gave no password"; exit 1; }
story=$(curl -fsS "http://127.0.0.1:$port/en/" | grep -o 'href="/en/[a-z-]*/[a-z0-9-]*-[0-9]*"' | sed -n 1p | cut -d'"' -f2)
echo "story page: $story"
wrk -t2 -c64 -d5s "http://127.0.0.1:$port$story" >/dev/null
echo "== story page without streams"
wrk -t2 -c64 -d15s --latency "http://127.0.0.1:$port$story" | grep -E "Requests/sec|99%|Latency  "

out="$data/load.out"
"$java_home/bin/java" -Xmx1g ${CLIENT_JFR:+-XX:StartFlightRecording=filename=$CLIENT_JFR,settings=profile} bench/live/LiveLoad.java "http://127.0.0.1:$port" "$admin" "$password" "$pid" \
    "$streams" "$entries" 400 20000 >"$out" 2>&1 &
load=$!
until grep -q READY "$out" 2>/dev/null; do
    kill -0 $load 2>/dev/null || { cat "$out"; exit 1; }
    sleep 0.5
done
grep -v READY "$out"
echo "== story page with $streams streams open, nothing posted"
wrk -t2 -c64 -d15s --latency "http://127.0.0.1:$port$story" | grep -E "Requests/sec|99%|Latency  "
if [ -n "${HISTO:-}" ]; then "$java_home/bin/jcmd" $pid GC.class_histogram >"$HISTO"; fi
until grep -q POSTING "$out"; do sleep 0.2; done
echo "== story page with $streams streams open and entries being posted"
# the CPU the server and the load client take meanwhile (both on this machine, beside wrk)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
server_cpu=$(cpu $pid); load_cpu=$(cpu $load); started=$(date +%s%N)
wrk -t2 -c64 -d15s --latency "http://127.0.0.1:$port$story" | grep -E "Requests/sec|99%|Latency  "
ticks=$(getconf CLK_TCK); took=$(( ($(date +%s%N) - started) / 1000000 ))
awk -v s=$(( $(cpu $pid) - server_cpu )) -v l=$(( $(cpu $load) - load_cpu )) -v t=$ticks -v ms=$took \
    'BEGIN { printf "CPU meanwhile (cores busy): server %.2f, load client %.2f, of %d\n", s / t / (ms / 1000), l / t / (ms / 1000), '"$(nproc)"' }'
if [ -n "${JFR:-}" ]; then "$java_home/bin/jcmd" $pid JFR.dump name=bench filename="$JFR" >/dev/null && echo "recording: $JFR"; fi
wait $load || true
grep -E "entry to reader|storm|post |stream answered" "$out" || cat "$out"
echo "streams still open on the server: $(curl -fsS "http://127.0.0.1:$port/actuator/prometheus" 2>/dev/null | grep '^masthead_live_streams' || echo '?')"
