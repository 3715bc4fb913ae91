# Sourced by the scripts: where the project's services are. Set TRANSPARENCY_PG or
# TRANSPARENCY_REDIS beforehand to point the project at an existing server instead.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${TRANSPARENCY_DATA:-$ROOT/.data}"
PG_PORT="${TRANSPARENCY_PG_PORT:-55432}"
REDIS_PORT="${TRANSPARENCY_REDIS_PORT:-56379}"
PG_BIN="${TRANSPARENCY_PG_BIN:-/usr/lib/postgresql/15/bin}"
# Decided once, by the first script that sources this file: later scripts (test.sh calling
# scripts/services) see the defaults exported below and must not mistake them for the user's own.
if [ -z "${TRANSPARENCY_EXTERNAL_DECIDED:-}" ]; then
  if [ -n "${TRANSPARENCY_PG:-}" ]; then PG_EXTERNAL=1; else PG_EXTERNAL=0; fi
  if [ -n "${TRANSPARENCY_REDIS:-}" ]; then REDIS_EXTERNAL=1; else REDIS_EXTERNAL=0; fi
  export TRANSPARENCY_EXTERNAL_DECIDED=1 TRANSPARENCY_PG_EXTERNAL=$PG_EXTERNAL TRANSPARENCY_REDIS_EXTERNAL=$REDIS_EXTERNAL
else
  PG_EXTERNAL="${TRANSPARENCY_PG_EXTERNAL:-0}" REDIS_EXTERNAL="${TRANSPARENCY_REDIS_EXTERNAL:-0}"
fi
export TRANSPARENCY_PG="${TRANSPARENCY_PG:-Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=transparency}"
export TRANSPARENCY_REDIS="${TRANSPARENCY_REDIS:-127.0.0.1:$REDIS_PORT}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
say() { printf '\033[1m==>\033[0m %s\n' "$*"; }
# The secret key of the resident-ID match hash (see api/Transparency.Api/Hosting/Settings.cs).
if [ -z "${TRANSPARENCY_MATCH_KEY:-}" ] && [ -z "${TRANSPARENCY_MATCH_KEY_FILE:-}" ]; then
  export TRANSPARENCY_MATCH_KEY_FILE="$DATA/match.key"
  if [ ! -s "$TRANSPARENCY_MATCH_KEY_FILE" ]; then
    mkdir -p "$DATA" && (umask 077 && head -c 32 /dev/urandom | base64 > "$TRANSPARENCY_MATCH_KEY_FILE")
  fi
fi
