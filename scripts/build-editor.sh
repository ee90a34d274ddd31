#!/usr/bin/env bash
# Builds the newsroom's toolbar editor (src/main/editor) into one file served from the jar,
# src/main/resources/static/newsroom/js/editor.js. The result is committed, so that building and running
# Masthead needs no Node.js; rerun this after changing src/main/editor and commit both.
# Needs Node.js 20+ and npm; the packages come in by npm ci from the versions in package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/../src/main/editor"
npm ci --no-audit --no-fund >/dev/null
out=../resources/static/newsroom/js/editor.js
mkdir -p "$(dirname "$out")"
versions=$(node -e 'const l=require("./package-lock.json").packages;console.log(Object.keys(l).filter(k=>k&&!l[k].dev).map(k=>k.replace(/^node_modules\//,"")+"@"+l[k].version).sort().join(" "))')
./node_modules/.bin/esbuild editor.js --bundle --minify --format=iife --target=es2020 --legal-comments=eof \
    --banner:js="/* Masthead newsroom editor, built by scripts/build-editor.sh from src/main/editor with: $versions */" \
    --outfile="$out"
echo "built $out ($(wc -c < "$out") bytes) with $versions"
