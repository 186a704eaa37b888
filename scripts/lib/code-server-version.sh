#!/usr/bin/env bash
# Prints the version of the code-server installed in DIR (empty when it reports none), for setup-code-server.sh.
#
#   scripts/lib/code-server-version.sh DIR
#
# On its first start in a HOME, code-server prints other lines before the version ("[<time>] info  Wrote default
# config file to ~/.config/code-server/config.yaml"), so the version is the line of the form
# "4.100.3 <commit> with Code 1.100.3", wherever it comes. A config file of our own in DIR keeps the check from
# writing one into the user's HOME. code-server's stderr is left to the caller.
set -uo pipefail
dir="$1"
[ -f "$dir/version-check.yaml" ] || printf 'auth: none\n' >"$dir/version-check.yaml"
"$dir/node_modules/.bin/code-server" --config "$dir/version-check.yaml" --version \
  | sed -nE 's/^([0-9]+\.[0-9]+\.[0-9]+[^ ]*) [0-9a-f]{7,40}( .*)?$/\1/p' | head -n 1
exit 0
