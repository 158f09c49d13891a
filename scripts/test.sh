#!/usr/bin/env bash
# `npm test`: lint, type-check, unit/integration tests, then end-to-end tests in Debian's Chromium
# against the production build.
set -euo pipefail
cd "$(dirname "$0")/.."

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium_path" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get > /dev/null; then
    echo "Installing Debian's Chromium for the end-to-end tests…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null
  else
    echo "The end-to-end tests need Chromium at $chromium_path: run 'sudo apt-get install -y chromium' (or set CHROMIUM_PATH)." >&2
    exit 1
  fi
fi

echo "== lint"
npm run --silent lint
echo "== typecheck"
npm run --silent typecheck
echo "== unit and integration tests"
npm run --silent test:unit
echo "== end-to-end tests"
# Types were checked above; the build need not check them again.
SKIP_BUILD_TYPECHECK=1 npm run --silent test:e2e
