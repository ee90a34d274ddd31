#!/usr/bin/env bash
# Import benchmark: generates a WordPress export of GROUPS translation groups (WPML, a post in uk, en and ru each:
# 3 x GROUPS posts) that show IMAGES images from a local uploads folder, imports it with `./masthead import` in a
# JVM of -Xmx512m into a fresh SQLite database, then starts Masthead (-Xmx512m, on 127.0.0.1:$PORT, 8170 unless
# set) on that database and times until every outbox consumer (search index, translation state, page cache and
# the rest) has caught up. Reports the import's time, posts/s and images/s, its peak heap (from the GC log), the
# catch-up's time, and posts and images per second over both.
#   bench/import.sh [groups=33334] [images=5000]
# Run it under /work/bin/bench-lock on a shared machine. The database and files stay in target/bench-import.
set -euo pipefail
cd "$(dirname "$0")/.."
GROUP_COUNT=${1:-33334}
IMAGES=${2:-5000}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
if [[ -z ${JAR:-} ]]; then
    mvn -B -q -o -DskipTests package
fi
jar=${JAR:-target/masthead.jar}
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
work=target/bench-import
rm -rf "$work"
mkdir -p "$work/data" "$work/uploads"
start=$(date +%s.%N)
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.masthead.imports.GeneratedExport \
    "$work/export.xml" "$GROUP_COUNT" "$IMAGES" "$work/uploads"
echo "generated $(( GROUP_COUNT * 3 )) posts and $IMAGES images in $(echo "$(date +%s.%N) - $start" | bc) s ($(du -h "$work/export.xml" | cut -f1))"
start=$(date +%s.%N)
java -Xmx512m -Xlog:gc:file="$work/gc.log" ${IMPORT_JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED -jar "$jar" import wordpress \
    "$work/export.xml" --media "$work/uploads" --report "$work/report" --masthead.data-dir="$work/data" \
    2> "$work/progress.txt" || status=$?
elapsed=$(echo "$(date +%s.%N) - $start" | bc)
tail -1 "$work/progress.txt" || true
posts=$(grep -c ',post,\(imported\|updated\|unchanged\),' "$work/report.csv" || true)
images=$(grep -c ',image,imported,' "$work/report.csv" || true)
peak=$(grep -o '[0-9]*M->' "$work/gc.log" | sed 's/M->//' | sort -n | tail -1)
printf 'import: posts %s, images %s, %.1f s, %.0f posts/s, %.0f images/s, peak heap %s MB (exit %s)\n' "$posts" "$images" \
    "$elapsed" "$(echo "$posts / $elapsed" | bc -l)" "$(echo "$images / $elapsed" | bc -l)" "${peak:-?}" "${status:-0}"
# the nine consumers that OutboxConsumers declares, each with its cursor
catchup=$(python3 bench/outbox/backlog.py --catch-up 9 --name catch-up --jar "$jar" --java "$JAVA_HOME/bin/java" \
    --port "${PORT:-8170}" --data "$work/data")
echo "$catchup"
caught=$(echo "$catchup" | sed -n 's/.*caught up \([0-9.]*\) s.*/\1/p')
total=$(echo "$elapsed + $caught" | bc -l)
printf 'import and catch-up: %.1f s, %.0f posts/s, %.0f items/s\n' "$total" "$(echo "$posts / $total" | bc -l)" \
    "$(echo "($posts + $images) / $total" | bc -l)"
