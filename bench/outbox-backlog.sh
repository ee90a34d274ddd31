#!/usr/bin/env bash
# Outbox catch-up: how long Masthead takes to work through a backlog of outbox events on start-up.
#   bench/outbox-backlog.sh [events] [git-ref...]
# For this tree's jar, and for the jar of every git ref given (for example main, to compare), on 127.0.0.1:8118:
# starts on a fresh demo database and waits until every consumer has caught up, stops, writes copies of the
# demo's own events (the same mix of saves, publications and site changes) until `events` (10000) are
# pending, starts again and reports the time from the start command to readiness and to every consumer's
# cursor reaching the newest event (JARS="name:path ..." measures prebuilt jars instead of this tree's).
# The database is SQLite; the search index, translation state, page cache
# and webhooks do the work the events ask for. Needs python3 and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-10000}
shift || true
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
work=$(mktemp -d /tmp/masthead-backlog-XXXXXX)
trap 'rm -rf "$work"' EXIT
jars=()
if [[ -n ${JARS:-} ]]; then
    # prebuilt: JARS="name:path name:path"
    read -ra jars <<<"$JARS"
else
    ./masthead package >/dev/null
    cp target/masthead.jar "$work/this.jar"
    jars+=("this:$work/this.jar")
fi
for ref in "$@"; do
    src="$work/src-$ref"
    mkdir -p "$src"
    git archive "$ref" | tar -x -C "$src"
    (cd "$src" && ./masthead package >/dev/null)
    cp "$src/target/masthead.jar" "$work/$ref.jar"
    rm -rf "$src"
    jars+=("$ref:$work/$ref.jar")
done
for entry in "${jars[@]}"; do
    python3 bench/outbox/backlog.py --name "${entry%%:*}" --jar "${entry#*:}" --java "$JAVA_HOME/bin/java" \
        --events "$events" --port "${PORT:-8118}" --data "$work/data-${entry%%:*}"
done
