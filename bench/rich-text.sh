#!/usr/bin/env bash
# What inline marks cost, on 127.0.0.1 only: the uncached render time (Server-Timing, median of 1,000 renders
# each) of a story of 200 marked-up paragraphs against the same story without marks, and the size of the
# stored body with and without marks. Rerunnable; never part of the tests.
#
#   bench/rich-text.sh                 PORT=8120 PARAGRAPHS=200 COUNT=1000 bench/rich-text.sh
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8120}
data=$(mktemp -d /tmp/masthead-rich-text-bench.XXXXXX)
out=$(mktemp -d /tmp/masthead-rich-text-out.XXXXXX)
base="http://127.0.0.1:$port"

source <(sed -n '/^java_major()/,/^}/p;/^find_jdk()/,/^}/p' masthead)
export JAVA_HOME=$(find_jdk)

mvn -B -ntp -q -DskipTests package
mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$out/classpath.txt"
classpath="target/classes:$(cat "$out/classpath.txt")"
rm -rf target/bench-classes
"$JAVA_HOME/bin/javac" --release 21 -parameters -d target/bench-classes -cp "$classpath" -proc:none $(find bench/src -name '*.java')

"$JAVA_HOME/bin/java" -Xmx512m --enable-native-access=ALL-UNNAMED -cp "target/bench-classes:$classpath" \
    org.masthead.bench.BenchMasthead --server.port="$port" --masthead.data-dir="$data" \
    --masthead.bench.stories="${STORIES:-500}" --logging.structured.format.console= >"$out/masthead.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT
until status=$(curl -fsS "$base/bench/status" 2>/dev/null) && [[ $status == ready* ]]; do
    kill -0 "$pid" 2>/dev/null || { echo "Masthead stopped:"; tail -30 "$out/masthead.log"; exit 1; }
    sleep 2
done
curl -fsS "$base/bench/rich-text?paragraphs=${PARAGRAPHS:-200}&count=${COUNT:-1000}&warmup=${WARMUP:-200}" \
    | tee "$out/rich-text.txt"
echo "raw output in $out"
