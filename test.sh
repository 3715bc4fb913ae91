#!/usr/bin/env bash
# Everything the project tests: services up (installed when missing), build, every test project.
# Prints one closing line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"
source scripts/env.sh
scripts/services start
say "building (Release)"
dotnet build Transparency.sln -c Release -v quiet -nologo -clp:ErrorsOnly
if [ -x tests/node/setup.sh ]; then tests/node/setup.sh; fi
results="$(mktemp -d)"
status=0
for project in tests/*/*.Tests.csproj; do
  name="$(basename "$project" .csproj)"
  say "testing $name"
  if ! dotnet test "$project" -c Release --no-build -nologo -v quiet \
       --logger "trx;LogFileName=$results/$name.trx" --logger "console;verbosity=minimal"; then
    status=1
  fi
done
# Sum the TRX counters so the run closes on one plain line.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ]; then echo "no test ran" >&2; status=1; fi
exit $status
