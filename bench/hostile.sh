#!/usr/bin/env bash
# Hostile-input corpus, sqlmap and nothing else, against a fresh local Masthead (127.0.0.1 only):
#   bench/hostile.sh [corpus|sqlmap|all]      (PORT=8131 by default, the webhook receiver on PORT+1; LIMIT=n payloads;
#                                              SQLMAP_SETS="reader newsroom admin" or a part of it)
# Starts the jar on port 8131 with a new data folder (demo newsroom, webhooks to loopback allowed), reads the
# first admin's one-time password from its standard output, runs bench/hostile/corpus.py (counts payloads
# that reach an output as live markup or break it, and answers >= 500) and/or sqlmap (Debian package) on the
# search, listing and API parameters (anonymous, with a signed-in newsroom session, and with an admin API
# token), then stops the server. Raw outputs land in target/hostile/.
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
    # a signed-in newsroom session (its cookie) and an admin API token, made the way people make them (the corpus
    # makes as many tokens as an account may hold: run sqlmap on its own instance, `bench/hostile.sh sqlmap`)
    read -r cookie token < <(PYTHONPATH=bench/hostile python3 - "$base" "$password" <<'PY'
import re, sys
from corpus import Client
staff = Client(sys.argv[1])
staff.get("/newsroom/login")
staff.form("/newsroom/login", [("username", "admin"), ("password", sys.argv[2])])
staff.get("/newsroom/account")
_, _, page = staff.form("/newsroom/account/tokens", [("name", "sqlmap"), ("scopes", "read"), ("scopes", "write")])
cookie = ";".join(f"{c.name}={c.value}" for c in staff.jar)
print(cookie, re.search(r'id="new-token">([^<]+)<', page).group(1))
PY
)
    [[ -n $cookie && -n $token ]] || { echo "no newsroom session or token for sqlmap" >&2; exit 1; }
    run_sqlmap() { # name, then sqlmap arguments
        local name=$1; shift
        sqlmap "$@" --batch --threads=2 --time-sec=2 --timeout=15 --retries=1 --output-dir="$out/sqlmap" \
            --disable-coloring >"$out/sqlmap-$name.txt" 2>&1 || true
        local verdict
        verdict=$(grep -E "all tested parameters do not appear to be injectable|is vulnerable|might be injectable|appears to be .* injectable|parameter '.*' is .*injectable" "$out/sqlmap-$name.txt" | tail -1)
        local tested
        tested=$(grep -cE "testing '" "$out/sqlmap-$name.txt" || true)
        echo "sqlmap $name ($tested techniques tried): ${verdict:-see $out/sqlmap-$name.txt}" | tee -a "$out/sqlmap.txt"
    }
    : >"$out/sqlmap.txt"
    sets=${SQLMAP_SETS:-reader newsroom admin}   # a part of them, to keep one run short
    if [[ $sets == *reader* ]]; then
    # the reader site and the public APIs, anonymous (query parameters and, at level 3, User-Agent and Referer)
    for target in "$base/en/search?q=energy&section=$section&tag=x&month=2026-11&sort=date&page=1" \
                  "$base/en/search/suggest?q=ener" \
                  "$base/api/v1/search?q=energy&language=en&section=$section&tag=x&page=1" \
                  "$base/api/v1/stories?language=en&section=$section&tag=x&author=y&updated_since=2026-01-01T00:00:00Z&limit=5" \
                  "$base/en/$section/?page=1"; do
        run_sqlmap "$(echo "$target" | sed 's#http://127.0.0.1:[0-9]*/##; s#[^a-z0-9]#_#g' | cut -c1-40)" \
            -u "$target" --level=3 --risk=2
    done
    fi
    if [[ $sets == *newsroom* ]]; then
    # the newsroom, signed in: the story list's filters, the newsroom search, tag and media search, the audit log
    # (the session cookie itself is left alone, or every later request would be signed out)
    for target in "$base/newsroom/stories?status=DRAFT&language=en&section=1&author=1&q=energy&sort=saved&offset=0" \
                  "$base/newsroom/search?q=energy&lang=en&status=PUBLISHED&sort=date&page=1" \
                  "$base/newsroom/tags?q=ene" "$base/newsroom/media?q=photo" \
                  "$base/newsroom/admin/audit?action=story.publish&actor=admin"; do
        run_sqlmap "$(echo "$target" | sed 's#http://127.0.0.1:[0-9]*/##; s#[^a-z0-9]#_#g' | cut -c1-40)" \
            -u "$target" --cookie="$cookie" --skip="JSESSIONID,SESSION" --level=2 --risk=2
    done
    fi
    if [[ $sets == *admin* ]]; then
    # the admin API with a token: a story by id in the path, the tag search, and a JSON body that creates a tag
    run_sqlmap admin_api_story -u "$base/api/v1/admin/stories/1*" -H "Authorization: Bearer $token" --level=2 --risk=2
    run_sqlmap admin_api_tags -u "$base/api/v1/admin/tags?q=ene" -H "Authorization: Bearer $token" --level=2 --risk=2
    run_sqlmap admin_api_tag_json -u "$base/api/v1/admin/tags" -H "Authorization: Bearer $token" \
        --data='{"slug":"","name":{"uk":"proba","en":"probe","ru":"proba"},"description":{"en":"d"}}' --level=2 --risk=2
    fi
fi
exit $status
