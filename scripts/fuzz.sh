#!/usr/bin/env bash
# Fuzzes the dump parser and the Markdown rendering of titles and abstracts with libFuzzer and
# AddressSanitizer. FUZZ_SECONDS (default 300) bounds the run. The corpus is seeded from the real
# dumps (whole, and cut into overlapping windows of lines, roughly an entry or two each) and the
# test fixtures; it lives in .build-fuzz/, out of git. Crashes land in .build-fuzz/crashes/: copy
# each into Tests/Fixtures/Fuzz/ so FuzzRegressionTests replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${FUZZ_SECONDS:-300}"
SCRATCH=.build-fuzz
GAZETTE_FUZZ=1 swift build --scratch-path "$SCRATCH" --product GazetteFuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xlinker --export-dynamic
BIN="$(GAZETTE_FUZZ=1 swift build --scratch-path "$SCRATCH" --product GazetteFuzz --show-bin-path \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xlinker --export-dynamic)/GazetteFuzz"

CORPUS="$SCRATCH/corpus"
SEEDS="$SCRATCH/seeds"
mkdir -p "$CORPUS" "$SEEDS" "$SCRATCH/crashes"
rm -rf "$SEEDS"/*
for dump in content/dumps/*.txt Tests/Fixtures/Dumps/*.txt Tests/Fixtures/Site/content/dumps/*.txt Tests/Fixtures/Fuzz/*; do
    [ -f "$dump" ] || continue
    name="$(basename "$dump")"
    cp "$dump" "$SEEDS/whole-$name"
    # Windows of 16 lines every 8 lines: an entry or two in each layout.
    lines=$(wc -l < "$dump")
    for ((start = 1; start <= lines; start += 8)); do
        sed -n "${start},$((start + 15))p" "$dump" > "$SEEDS/$name-$start"
    done
done
echo "fuzz: $(ls "$SEEDS" | wc -l) seed inputs, running for ${SECONDS_TO_RUN}s"
"$BIN" "$CORPUS" "$SEEDS" -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$SCRATCH/crashes/" -print_final_stats=1
