#!/usr/bin/env bash
# Search benchmark: indexes synthetic stories (default 1,000,000 in uk/en/ru) with a 1 GB heap and reports
# indexing throughput, index size and query latency percentiles.
#   bench/search.sh [stories] [threads] [queries]
# With stories 0 it only times queries, on the index an earlier run left in target/bench-search-index.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mvn -B -q -o -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
rm -rf target/bench-classes
[[ "${1:-1000000}" == 0 ]] || rm -rf target/bench-search-index
mkdir -p target/bench-classes
# a private copy of the application classes, so a rebuild of target/ cannot change them mid-run
cp -r target/classes/. target/bench-classes/
classpath="target/bench-classes:$(cat target/bench-classpath.txt)"
"$JAVA_HOME/bin/javac" -d target/bench-classes -cp "$classpath" $(find bench/search -name '*.java')
exec "$JAVA_HOME/bin/java" -Xms1g -Xmx1g --enable-native-access=ALL-UNNAMED -cp "$classpath" org.masthead.bench.SearchBenchmark \
    "${1:-1000000}" target/bench-search-index "${2:-2}" "${3:-4000}"
