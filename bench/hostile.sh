#!/usr/bin/env bash
# Hostile-input corpus, sqlmap and nothing else, against a fresh local Masthead (127.0.0.1 only):
#   bench/hostile.sh [corpus|sqlmap|all]      (PORT=8131 by default, the webhook receiver on PORT+1; LIMIT=n payloads)
# Starts the jar on port 8131 with a new data folder (demo newsroom, webhooks to loopback allowed), reads the
# first admin's one-time password from its standard output, runs bench/hostile/corpus.py (counts payloads
# that reach an output as live markup or break it, and answers >= 500) and/or sqlmap (Debian package) on the
# search, listing and API parameters, then stops the server. Raw outputs land in target/hostile/.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
port=${PORT:-8131}
out=target/hostile; mkdir -p "$out"
data=$(mktemp -d /tmp/masthead-hostile-XXXXXX)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[[ -f target/masthead.jar ]] || ./masthead package >/dev/null
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx512m -jar target/masthead.jar --server.port="$port" \
    --masthead.data-dir="$data" --masthead.distribution.webhooks.allow-private-targets=true \
    --masthead.distribution.webhooks.first-retry=1h --logging.structured.format.console= >"$out/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 180); do
    curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break; sleep 1
done
password=$(sed -n 's/^First admin account: admin *one-time password: \([^ ]*\).*/\1/p' "$out/server.log" | head -1)
[[ -n $password ]] || { echo "no first-admin password in $out/server.log" >&2; exit 1; }
status=0
if [[ $what == corpus || $what == all ]]; then
    python3 bench/hostile/corpus.py --port "$port" --webhook-port "${WEBHOOK_PORT:-$((port + 1))}" --password "$password" \
        ${LIMIT:+--limit "$LIMIT"} | tee "$out/corpus.txt" || status=1
fi
if [[ $what == sqlmap || $what == all ]]; then
    command -v sqlmap >/dev/null || { echo "sqlmap is not installed (apt-get install sqlmap)" >&2; exit 1; }
    base="http://127.0.0.1:$port"
    section=$(curl -fsS "$base/api/v1/sections" | python3 -c 'import json,sys; d=json.load(sys.stdin); d=d.get("items", d) if isinstance(d, dict) else d; print(d[0]["slug"])')
    for target in "$base/en/search?q=energy&section=$section&tag=x&month=2026-11&sort=date&page=1" \
                  "$base/en/search/suggest?q=ener" \
                  "$base/api/v1/search?q=energy&language=en&section=$section&tag=x&page=1" \
                  "$base/api/v1/stories?language=en&section=$section&tag=x&author=y&updated_since=2026-01-01T00:00:00Z&limit=5" \
                  "$base/en/$section/?page=1"; do
        name=$(echo "$target" | sed 's#http://127.0.0.1:[0-9]*/##; s#[^a-z0-9]#_#g' | cut -c1-40)
        sqlmap -u "$target" --batch --level=3 --risk=2 --threads=2 --time-sec=2 --timeout=15 --retries=1 \
            --output-dir="$out/sqlmap" --disable-coloring >"$out/sqlmap-$name.txt" 2>&1 || true
        verdict=$(grep -E "all tested parameters do not appear to be injectable|is vulnerable|might be injectable|appears to be .* injectable" "$out/sqlmap-$name.txt" | tail -1)
        echo "sqlmap $target: ${verdict:-see $out/sqlmap-$name.txt}" | tee -a "$out/sqlmap.txt"
    done
fi
exit $status
