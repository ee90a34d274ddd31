#!/usr/bin/env bash
# Fault runs on this machine (127.0.0.1 only), each on a fresh data folder, bounded in time:
#   bench/faults.sh [crash|outage|outage-postgres|diskfull|all]
# crash: SIGKILL during 8 concurrent writers + schedules falling due while down; outage: the SQLite file
# locked by another process for 30 s; outage-postgres: PostgreSQL reached through a TCP relay (port 8135)
# that is cut for 30 s (a database masthead_issue13_faults is created on 127.0.0.1:5432 and dropped after);
# diskfull: the media folder on a 4 MB tmpfs. Results print one line each; logs land in target/faults/.
# PORT (8133) and RELAY_PORT (8135) choose the ports used.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH=$JAVA_HOME/bin:$PATH
[[ -f target/masthead.jar ]] || ./masthead package >/dev/null
out=target/faults; mkdir -p "$out"
what=${1:-all}
status=0
run() { # name, then arguments for faults.py
    local name=$1; shift
    local data; data=$(mktemp -d /tmp/masthead-faults-XXXXXX)
    python3 bench/faults/faults.py "$name" --data "$data" --log "$out/$name-$(date +%s).log" \
        --port "${PORT:-8133}" --relay-port "${RELAY_PORT:-8135}" "$@" || status=1
    rm -rf "$data"
}
if [[ $what == crash || $what == all ]]; then run crash; fi
if [[ $what == outage || $what == all ]]; then run outage; fi
if [[ $what == outage-postgres || $what == all ]]; then
    db=masthead_issue13_faults
    psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" -c "create database $db" postgres
    run outage --postgres "$db"
    psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" postgres
fi
if [[ $what == diskfull || $what == all ]]; then
    media=$(mktemp -d /tmp/masthead-faults-media-XXXXXX)
    mount -t tmpfs -o size=4m tmpfs "$media"
    run diskfull --media "$media" || true
    umount "$media"; rmdir "$media"
fi
exit $status
