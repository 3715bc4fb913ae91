#!/usr/bin/env bash
# The main job: services up, schema migrated, demo data seeded when the store is empty,
# then the API host in the foreground on http://127.0.0.1:5080 with the projection daemon running.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/env.sh
scripts/services start
say "building the API host (Release)"
dotnet build api/Transparency.Api -c Release -v quiet -nologo -clp:ErrorsOnly
api=(dotnet api/Transparency.Api/bin/Release/net10.0/Transparency.Api.dll)
say "migrating the store"
"${api[@]}" migrate
if [ "$("${api[@]}" store stats --json | sed -n 's/.*"eventCount": *\([0-9]*\).*/\1/p')" = "0" ]; then
  say "seeding demo data (${SEED_CASES:-20000} cases)"
  "${api[@]}" seed --cases "${SEED_CASES:-20000}"
fi
say "serving on http://127.0.0.1:5080 (health: /health) — Ctrl-C to stop"
exec "${api[@]}" serve --urls http://127.0.0.1:5080
