#!/usr/bin/env bash
# Refreshes docs/screenshots/*.png (shown in the README) from a running Masthead.
#   scripts/screenshots.sh [base-url]      default http://localhost:8080
# Needs Debian's chromium (apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-http://localhost:8080}
out=docs/screenshots
mkdir -p "$out"
story=$(curl -fsS "$base/en/" | grep -o 'href="/en/[a-z-]*/[a-z0-9-]*-[0-9]*"' | sed -n 1p | cut -d'"' -f2)
[[ -n "$story" ]] || { echo "No story link on $base/en/: is Masthead running with the demo newsroom?" >&2; exit 1; }

shoot() {   # name path width height
    local profile; profile=$(mktemp -d)
    chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
        --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$profile" \
        --window-size="$3,$4" --screenshot="$out/$1.png" "$base$2" 2>/dev/null
    rm -rf "$profile"
    echo "$out/$1.png  <-  $base$2"
}
shoot home /uk/ 1280 1500
shoot story "$story" 1280 1700
shoot story-mobile "${story/\/en\//\/ru\/}" 390 1400
