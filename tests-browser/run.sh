#!/usr/bin/env bash
# The browser test suite: installs what it needs (Debian chromium, chromium-driver and a Java
# runtime for the Nu HTML checker; Python packages in .venv/), builds the default content with the
# debug binary and runs the pytest suite against it in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=""
for p in chromium chromium-driver default-jre-headless; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
# A Java already on the machine is enough for the checker.
if command -v java >/dev/null 2>&1; then missing="${missing/ default-jre-headless/}"; fi
# Debian's python3 makes virtual environments only with python3-venv.
if ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then missing="$missing python3-venv"; fi
if [ -n "$missing" ]; then
    echo "Installing missing packages:$missing"
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
fi

if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
stamp=.venv/.browser-requirements
if ! cmp -s tests-browser/requirements.txt "$stamp"; then
    .venv/bin/pip install -q -r tests-browser/requirements.txt
    cp tests-browser/requirements.txt "$stamp"
fi

# The topic-quality measures (scripts/topic_metrics.py): hand-computed cases, numpy only.
.venv/bin/python -m pytest -q scripts/tests

${SWIFT:-swift} build --product gazette
site="$(mktemp -d)/public"
trap 'rm -rf "$(dirname "$site")"' EXIT
.build/debug/gazette build --content content --output "$site" --templates templates --quiet
# The same content with 60 papers per page, so that every long list is split into pages.
paged="$(dirname "$site")/paged"
cp -r content "$paged-content"
printf '\npaginate: 60\n' >> "$paged-content/site.yml"
.build/debug/gazette build --content "$paged-content" --output "$paged" --templates templates --quiet
GAZETTE_SITE="$site" GAZETTE_PAGED_SITE="$paged" .venv/bin/python -m pytest -q tests-browser "$@"
