#!/usr/bin/env bash
# Size limits: builds three generated inputs with the release gazette under /usr/bin/time -v and
# prints each run's outcome, wall time and peak memory (maximum resident set size).
#   big:     a 200 MB dump (the real dumps repeated; repeated papers merge into one)
#   longline: a dump whose abstract is a single 10 MB line
#   tiny:    a million tiny entries, each a distinct paper (beyond the limit: a clear error)
#   atlimit: 250,000 tiny entries, as many distinct papers as a site may hold (slow: minutes)
# Inputs live in $STRESS_DIR (default /tmp/gazette-stress) and are made once.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
GAZETTE="$ROOT/.build/release/gazette"
[ -x "$GAZETTE" ] || { echo "stress: build first (make build)"; exit 1; }
DIR="${STRESS_DIR:-/tmp/gazette-stress}"
TIMEOUT="${STRESS_TIMEOUT:-900}"
mkdir -p "$DIR"

make_content() { # name
    mkdir -p "$DIR/$1/dumps"
    printf 'title: Stress %s\n' "$1" > "$DIR/$1/site.yml"
}

if [ ! -f "$DIR/big/dumps/big.txt" ]; then
    make_content big
    python3 - "$DIR/big/dumps/big.txt" content/dumps/*.txt <<'PY'
import sys
out, sources = sys.argv[1], sys.argv[2:]
text = "".join(open(p, encoding="utf-8").read() + "\n" for p in sources).encode()
with open(out, "wb") as f:
    written = 0
    while written < 200 * 1024 * 1024:
        f.write(text)
        written += len(text)
PY
fi
if [ ! -f "$DIR/longline/dumps/long.txt" ]; then
    make_content longline
    python3 - "$DIR/longline/dumps/long.txt" content/dumps/000_48959ad0092a66c6.txt <<'PY'
import sys, random
random.seed(7)
words = open(sys.argv[2], encoding="utf-8").read().split()
line = []
size = 0
while size < 10 * 1024 * 1024:
    w = random.choice(words)
    line.append(w)
    size += len(w) + 1
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("A Paper With a Very Long Abstract\n\n" + " ".join(line) + "\n\n")
    f.write(open(sys.argv[2], encoding="utf-8").read())
PY
fi
if [ ! -f "$DIR/tiny/dumps/tiny.txt" ]; then
    make_content tiny
    python3 - "$DIR/tiny/dumps/tiny.txt" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(1_000_000):
        f.write(f"Paper {i}\n\nWe study item {i}. It works. See more.\n\n")
PY
fi

if [ ! -f "$DIR/atlimit/dumps/atlimit.txt" ]; then
    make_content atlimit
    python3 - "$DIR/atlimit/dumps/atlimit.txt" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(250_000):
        f.write(f"Paper {i} on topic {i % 37}\n\nWe study item {i} and theme {i % 37}. It works. See more.\n\n")
PY
fi

for case in ${STRESS_CASES:-big longline tiny atlimit}; do
    rm -rf "$DIR/$case-public"
    start=$(date +%s.%N)
    set +e
    timeout "$TIMEOUT" /usr/bin/time -v "$GAZETTE" build --quiet --content "$DIR/$case" --output "$DIR/$case-public" \
        --templates templates > "$DIR/$case.log" 2>&1
    status=$?
    set -e
    end=$(date +%s.%N)
    peak=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$DIR/$case.log")
    size=$(du -sh "$DIR/$case/dumps" | cut -f1)
    if [ "$status" -eq 0 ]; then outcome="built $(find "$DIR/$case-public" -name index.html | wc -l) pages"
    elif [ "$status" -eq 124 ]; then outcome="TIMED OUT after ${TIMEOUT}s"
    else outcome="$(grep -m1 'error' "$DIR/$case.log" | cut -c1-200)"; fi
    printf '%-9s input %-5s exit %-3s %6.1f s  peak %6d MB  %s\n' "$case" "$size" "$status" \
        "$(awk "BEGIN { print $end - $start }")" "$(( ${peak:-0} / 1024 ))" "$outcome"
done
