#!/usr/bin/env python3
"""Agreement between the full labelling and the independent second labelling.

Usage: agreement.py LABELS.tsv SECOND.tsv

Both files: a header `id<TAB>primary<TAB>secondary<TAB>title`, then a line per paper (secondary:
empty or label ids joined by `;`). Prints, over the papers both files label: raw agreement on the
primary label, Cohen's kappa on the primary label, and the share of papers where each labeller's
primary label is among the other's labels (primary or secondary). Needs only the standard library.
"""

from __future__ import annotations

import sys
from collections import Counter


def read_labels(path: str) -> dict[str, tuple[str, set[str]]]:
    """id -> (primary, all labels), from a labels file with a header line."""
    labels: dict[str, tuple[str, set[str]]] = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            fields = line.rstrip("\n").split("\t")
            if number == 1 and fields[0] == "id":
                continue
            if len(fields) < 2 or not fields[1]:
                sys.exit(f"{path}:{number}: expected id, primary, secondary, title")
            secondary = [s for s in fields[2].split(";") if s] if len(fields) > 2 else []
            labels[fields[0]] = (fields[1], {fields[1], *secondary})
    return labels


def cohen_kappa(a: list[str], b: list[str]) -> float:
    """Cohen's kappa of two labellings of the same items."""
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[c] * cb[c] for c in set(ca) | set(cb)) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    first, second = read_labels(sys.argv[1]), read_labels(sys.argv[2])
    shared = sorted(set(first) & set(second))
    if not shared:
        sys.exit("no paper is labelled in both files")
    a = [first[i][0] for i in shared]
    b = [second[i][0] for i in shared]
    agree = sum(x == y for x, y in zip(a, b))
    loose = sum(first[i][0] in second[i][1] and second[i][0] in first[i][1] for i in shared)
    print(f"papers labelled twice: {len(shared)}")
    print(f"primary label agreement: {agree}/{len(shared)} = {agree / len(shared):.3f}")
    print(f"Cohen's kappa (primary): {cohen_kappa(a, b):.3f}")
    print(f"each primary among the other's labels: {loose}/{len(shared)} = {loose / len(shared):.3f}")
    confusions = Counter((x, y) for x, y in zip(a, b) if x != y)
    print("most frequent disagreements (full labelling → second):")
    for (x, y), count in confusions.most_common(10):
        print(f"  {x} → {y}: {count}")


if __name__ == "__main__":
    main()
