#!/usr/bin/env bash
# Runs every test: unit, bUnit, the real host over HTTP, and the browser journeys in headless Chromium.
# Installs Debian's chromium first when it is missing. Prints "N passed, N failed, N skipped" last.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null \
    || { echo "Could not install chromium: the browser tests will fail." >&2; }
fi

results="TestResults/run-$(date +%s)"
rm -rf "$results"
# A browser journey that fails once is run again; the ones that passed only then are listed here and printed below.
retried="RmaBackOffice.Tests/TestResults/retried-journeys.log"
rm -f "$retried"
dotnet test RmaBackOffice.sln --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done

if [ "$files" -eq 0 ] || [ $((passed + failed + skipped)) -eq 0 ]; then
  echo "No test results were found: treating the run as failed."
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi
[ "$failed" -gt 0 ] && status=1
if [ -s "$retried" ]; then
  echo "Browser journeys that passed only on their second attempt (a race to chase):"
  sed 's/^/  /' "$retried"
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
