#!/usr/bin/env bash
# OpenSearch beside the embedded index, in one run on the search benchmark's synthetic stories: indexing rate
# (through the rebuild path of ./masthead reindex), query latency percentiles, and write-to-searchable for 100
# publishes one at a time. Starts its own OpenSearch node (the tests' node: Maven Central's org.opensearch:opensearch
# with the Netty transport and the common analysis module, single node, 127.0.0.1:8196, a 1 GB heap) and stops it.
#   bench/opensearch.sh [stories] [threads] [queries]      (defaults: 100000 2 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
stories=${1:-100000}
threads=${2:-2}
queries=${3:-2000}
port=8196

mvn -B -q -o -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p target/opensearch
mvn -B -q -ntp -f src/test/opensearch/pom.xml dependency:build-classpath \
    -Dmdep.outputFile="$PWD/target/opensearch/bench-classpath.txt"
rm -rf target/bench-classes target/bench-search-index target/opensearch/bench-node
mkdir -p target/bench-classes
cp -r target/classes/. target/bench-classes/
classpath="target/bench-classes:$(cat target/bench-classpath.txt)"
"$JAVA_HOME/bin/javac" -d target/bench-classes -cp "$classpath" $(find bench/search -name '*.java')

# the node reads its standard input and stops when it closes: the FIFO stays open until this script ends
fifo=$(mktemp -u)
mkfifo "$fifo"
"$JAVA_HOME/bin/java" -Xms1g -Xmx1g --enable-native-access=ALL-UNNAMED \
    -cp "$(cat target/opensearch/bench-classpath.txt)" src/test/opensearch/OpenSearchNode.java \
    target/opensearch/bench-node "$port" $((port + 1)) <"$fifo" >target/opensearch/bench-node.log 2>&1 &
node=$!
exec 3>"$fifo"
rm -f "$fifo"
trap 'exec 3>&-; wait $node 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$port/_cluster/health?wait_for_status=green&timeout=1s" >/dev/null 2>&1 && break
    kill -0 $node 2>/dev/null || { tail -40 target/opensearch/bench-node.log; exit 1; }
    sleep 0.5
done

run() {
    "$JAVA_HOME/bin/java" -Xms1g -Xmx1g --enable-native-access=ALL-UNNAMED -cp "$classpath" \
        org.masthead.bench.SearchBenchmark "$stories" target/bench-search-index "$threads" "$queries" "$@"
}
echo "== embedded Lucene"
run
echo
echo "== OpenSearch $(curl -s "http://127.0.0.1:$port/" | sed -n 's/.*"number" : "\(.*\)".*/\1/p')"
run "http://127.0.0.1:$port"
