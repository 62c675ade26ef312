#!/usr/bin/env bash
# Measure Gazette's inferred topics against scikit-learn NMF and k-means on
# the same corpus and features.  Arguments are passed on to topic_quality.py
# (--verbose lists every topic, --strict exits 1 if a target fails).
set -euo pipefail

cd "$(dirname "$0")/.."

# The Python peers live in a private, git-ignored virtualenv so nothing is
# installed system-wide.
venv=.venv/topic-quality
if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import sklearn' 2>/dev/null; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check scikit-learn
fi

swift build -c release --product gazette
.build/release/gazette topics --json .build/topics-analysis.json content

exec "$venv/bin/python" scripts/topic_quality.py .build/topics-analysis.json "$@"
