#!/usr/bin/env bash
# Installs code-server (the VS Code server and its browser workbench) into a cache
# folder outside git, so the end-to-end tests and `npm start` can run a real VS Code
# without downloading one. Only the npm registry and Debian's apt are used.
#
#   scripts/setup-code-server.sh [DIR]        DIR defaults to <repo>/.cache/code-server
#
#   CODE_SERVER_VERSION   defaults to 4.100.3 (VS Code 1.100.3, the last line that runs on Node 20)
#   SKIP_APT=1            never call apt-get; fail if a system package is missing
#   NO_CHROMIUM=1         do not install chromium (only `npm start` needs no browser)
#
# Idempotent: a finished install writes DIR/.setup-ok holding the version; a re-run with
# the stamp present only checks that the install still works (about a second).
# code-server's own install scripts download prebuilt binaries from GitHub, so they are
# skipped (--ignore-scripts) and their work is done here step by step instead.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-$repo/.cache/code-server}"
version="${CODE_SERVER_VERSION:-4.100.3}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
cs="$dir/node_modules/code-server"
vs="$cs/lib/vscode"
stamp="$dir/.setup-ok"
log="$dir/setup.log"
started=$(date +%s)

say() { echo "setup-code-server [$(( $(date +%s) - started ))s] $*"; }

# Runs one step with its output in the log; on failure prints the log's tail and stops.
quietly() {
  echo "\$ (cd $PWD; $*)" >>"$log"
  if ! "$@" >>"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "setup-code-server: step failed: $* (log: $log)" >&2
    exit 1
  fi
}

# --- system packages ----------------------------------------------------------
install_system_packages() {
  local missing=()
  [ -f /usr/include/krb5.h ] || [ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
  command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
  command -v make >/dev/null 2>&1 || missing+=(make)
  command -v g++ >/dev/null 2>&1 || missing+=(g++)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  if [ "${NO_CHROMIUM:-0}" != 1 ] && ! command -v chromium >/dev/null 2>&1; then missing+=(chromium); fi
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "${SKIP_APT:-0}" = 1 ]; then
    echo "setup-code-server: missing system packages: ${missing[*]} (SKIP_APT=1)" >&2
    exit 1
  fi
  local sudo=()
  if [ "$(id -u)" != 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "setup-code-server: missing system packages: ${missing[*]}; run as root or: sudo apt-get install ${missing[*]}" >&2
      exit 1
    fi
    sudo=(sudo)
  fi
  say "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq >>"$log" 2>&1
  # chromium needs its recommended fonts to render text, so recommends stay on
  quietly "${sudo[@]}" apt-get install -y -qq "${missing[@]}"
}

# --- checks -------------------------------------------------------------------
# The version code-server reports, read by its pattern (first runs print other lines before it).
reported_version() {
  bash "$repo/scripts/lib/code-server-version.sh" "$dir" 2>>"$log"
}

works() {
  local failed=""
  [ -x "$dir/node_modules/.bin/code-server" ] || failed="launcher"
  [ -x "$vs/node_modules/@vscode/ripgrep/bin/rg" ] || failed="$failed ripgrep"
  [ -L "$vs/node_modules.asar" ] || failed="$failed node_modules.asar"
  [ -d "$vs/extensions/node_modules/typescript" ] || failed="$failed built-in-extension-deps"
  (cd "$vs" && node -e '
    const natives = ["@parcel/watcher", "@vscode/spdlog", "kerberos", "native-watchdog", "@vscode/deviceid", "node-pty"];
    for (const name of natives) require(name);') >>"$log" 2>&1 || failed="$failed native-addons"
  (cd "$cs" && node -e 'require("argon2")') >>"$log" 2>&1 || failed="$failed argon2"
  local reported
  reported="$(reported_version)"
  [ "$reported" = "$version" ] || failed="$failed version(${reported:-none})"
  [ -z "$failed" ] && return 0
  echo "setup-code-server: not ready:$failed" >>"$log"
  [ "${1:-}" = loud ] && echo "setup-code-server: not ready:$failed" >&2
  return 1
}

: >>"$log"
install_system_packages
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$version" ] && works; then
  say "code-server $version is ready in $dir"
  exit 0
fi
rm -f "$stamp"
: >"$log"

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$version" = 4.100.3 ] && [ "$node_major" != 20 ]; then
  echo "setup-code-server: code-server $version runs on Node 20, found $(node --version)" >&2
  exit 1
fi

# Native addons are built here against the local Node headers; never fetch prebuilt ones.
export npm_config_build_from_source=true
export npm_config_jobs="${npm_config_jobs:-max}"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then export npm_config_nodedir=/usr; fi

say "npm install code-server@$version"
cd "$dir"
[ -f package.json ] || echo '{ "name": "code-server-cache", "private": true }' >package.json
quietly npm install --ignore-scripts --save-exact "code-server@$version"

say "install VS Code's runtime dependencies"
cd "$vs"
quietly npm install --omit=dev --ignore-scripts

say "build native addons"
quietly npm rebuild @vscode/spdlog kerberos native-watchdog @vscode/deviceid @parcel/watcher

# node-pty's own install runs `npx node-gyp`, which npm refuses without a prompt,
# so it is built with the node-gyp that ships inside npm.
say "build node-pty"
gyp="$(npm root -g 2>/dev/null)/npm/node_modules/node-gyp/bin/node-gyp.js"
cd "$vs/node_modules/node-pty"
if [ -f "$gyp" ]; then quietly node "$gyp" rebuild; else quietly npx --yes node-gyp rebuild; fi

# @vscode/ripgrep would download rg from GitHub; Debian's rg does the same job.
mkdir -p "$vs/node_modules/@vscode/ripgrep/bin"
ln -sfn "$(command -v rg)" "$vs/node_modules/@vscode/ripgrep/bin/rg"
# links that code-server's postinstall creates
ln -sfn node_modules "$vs/node_modules.asar"
ln -sfn code-linux.sh "$vs/bin/remote-cli/code-server"
ln -sfn browser-linux.sh "$vs/bin/helpers/browser.sh"

say "install the built-in extensions' shared dependencies"
cd "$vs/extensions"
quietly npm install --omit=dev --ignore-scripts
quietly node ./postinstall.mjs

say "build argon2"
cd "$dir"
quietly npm rebuild argon2

if ! works loud; then
  echo "setup-code-server: the install does not work; see $log" >&2
  exit 1
fi
echo "$version" >"$stamp"
say "installed code-server $(reported_version)"
