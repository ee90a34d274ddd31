#!/usr/bin/env bash
# Import benchmark: generates a WordPress export of GROUPS translation groups (WPML, a post in uk, en and ru each:
# 3 x GROUPS posts) that show IMAGES images from a local uploads folder, imports it with `./masthead import` in a
# JVM of -Xmx512m into a fresh SQLite database, and reports items/s, total time and peak heap (from the GC log).
#   bench/import.sh [groups=33334] [images=5000]
# Run it under /work/bin/bench-lock on a shared machine. The database and files stay in target/bench-import.
set -euo pipefail
cd "$(dirname "$0")/.."
GROUP_COUNT=${1:-33334}
IMAGES=${2:-5000}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
mvn -B -q -o -DskipTests package
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
work=target/bench-import
rm -rf "$work"
mkdir -p "$work/data" "$work/uploads"
start=$(date +%s.%N)
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.masthead.imports.GeneratedExport \
    "$work/export.xml" "$GROUP_COUNT" "$IMAGES" "$work/uploads"
echo "generated $(( GROUP_COUNT * 3 )) posts and $IMAGES images in $(echo "$(date +%s.%N) - $start" | bc) s ($(du -h "$work/export.xml" | cut -f1))"
start=$(date +%s.%N)
java -Xmx512m -Xlog:gc:file="$work/gc.log" --enable-native-access=ALL-UNNAMED -jar target/masthead.jar import wordpress \
    "$work/export.xml" --media "$work/uploads" --report "$work/report" --masthead.data-dir="$work/data" \
    2> "$work/progress.txt" || status=$?
elapsed=$(echo "$(date +%s.%N) - $start" | bc)
tail -1 "$work/progress.txt" || true
posts=$(grep -c ',post,\(imported\|updated\|unchanged\),' "$work/report.csv" || true)
images=$(grep -c ',image,imported,' "$work/report.csv" || true)
peak=$(grep -o '[0-9]*M->' "$work/gc.log" | sed 's/M->//' | sort -n | tail -1)
printf 'posts %s, images %s, total %.1f s, %.0f items/s, peak heap %s MB (exit %s)\n' "$posts" "$images" "$elapsed" \
    "$(echo "($posts + $images) / $elapsed" | bc -l)" "${peak:-?}" "${status:-0}"
