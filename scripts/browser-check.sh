#!/usr/bin/env bash
# Builds the hostile fixture site (Tests/Fixtures/Hostile) with the debug gazette and opens every
# page in headless Chromium (scripts/browser_check.py). Installs chromium from apt if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
fi
swift build --product gazette
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
"$(swift build --show-bin-path)/gazette" build --quiet --content Tests/Fixtures/Hostile/content \
    --output "$OUT/public" --templates templates
python3 scripts/browser_check.py "$OUT/public" chromium
