#!/usr/bin/env bash
# Installs the Node peers the tests drive (graphql-js, graphql-http's audit) from the lockfile.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules/graphql ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  printf '\033[1m==>\033[0m %s\n' "installing Node test peers (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
