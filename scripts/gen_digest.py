#!/usr/bin/env python3
"""Generate a synthetic digest of N papers from the shipped dumps, deterministically.

Each synthetic paper starts from a real paper: its title is varied so every paper is distinct, its
abstract recombines the real paper's sentences with a couple taken from another real paper (so topic
inference has real text to work on), and its date and upvotes are spread over a few years. The papers
are written as dump files in the three real layouts (blank-line separated with page chrome and a
capture date; no blank lines with `Subscribe` glued to the first title; entries followed by
`• N authors`, `·` and `Mon D, YYYY [upvotes]`), a few hundred papers per dump.

usage: gen_digest.py N OUT_DIR [--source content]
OUT_DIR receives site.yml, dumps/*.txt and pages/about.md (a content directory).
"""
import argparse
import os
import random
import re
import shutil
import sys

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
CHROME = ["Get trending papers in your email inbox!", "Subscribe", "Daily Papers", "byAK and the research community"]
META = re.compile(r"^\s*(•\s*\d+ authors?|·|(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}( \d+)?)\s*$")
VARIANTS = ["Revisited", "at Scale", "in Practice", "Beyond English", "for Low-Resource Settings", "Under Distribution Shift",
            "with Fewer Labels", "from First Principles", "in the Wild", "for Small Models", "Without Supervision", "Made Simple"]


def real_papers(source):
    """(title, abstract) pairs of the real dumps: a title line followed by a long abstract line."""
    papers = []
    seen = set()
    dumps = os.path.join(source, "dumps")
    for name in sorted(os.listdir(dumps)):
        lines = [l.strip() for l in open(os.path.join(dumps, name), encoding="utf-8", errors="replace")]
        lines = [l[len("Subscribe"):] if l.startswith("Subscribe") and l != "Subscribe" else l for l in lines]
        lines = [l for l in lines if l and l not in CHROME and l != "new" and not META.match(l)
                 and not re.match(r"^[A-Z][a-z]{2} \d{1,2}$", l)]
        for title, abstract in zip(lines, lines[1:]):
            if len(title) < 200 and len(abstract) > 200 and title.lower() not in seen:
                seen.add(title.lower())
                papers.append((title, abstract))
    return papers


def sentences(text):
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text) if s]


def synthesize(n, papers, rng):
    for i in range(n):
        title, abstract = papers[i % len(papers)]
        other = papers[rng.randrange(len(papers))][1]
        round_ = i // len(papers)
        if round_:
            title = f"{title}: {VARIANTS[round_ % len(VARIANTS)]} ({round_})"
        own = sentences(abstract)
        mixed = own[:1] + rng.sample(own[1:], len(own) - 1) if len(own) > 1 else own
        borrowed = sentences(other)
        mixed = mixed + rng.sample(borrowed, min(2, len(borrowed)))
        year = 2020 + rng.randrange(6)
        date = f"{MONTHS[rng.randrange(12)]} {1 + rng.randrange(28)}, {year}"
        upvotes = rng.choice([None, None, rng.randrange(1, 300)])
        yield title, " ".join(mixed), 1 + rng.randrange(12), date, upvotes


def write_dump(path, layout, entries, capture):
    with open(path, "w", encoding="utf-8") as f:
        if layout == 0:
            f.write("new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\n"
                    "byAK and the research community\n\n" + capture + "\n\n")
            for title, abstract, *_ in entries:
                f.write(f"{title}\n\n{abstract}\n\n")
        elif layout == 1:
            f.write("Get trending papers in your email inbox once a day!\nGet trending papers in your email inbox!\nSubscribe")
            for title, abstract, *_ in entries:
                f.write(f"{title}\n{abstract}\n")
        else:
            f.write("new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\n"
                    "byAK and the research community\n\n" + capture + "\n\n")
            for title, abstract, authors, date, upvotes in entries:
                votes = f" {upvotes}" if upvotes else ""
                f.write(f"{title}\n\n{abstract}\n\n  • {authors} authors\n·\n{date}{votes}\n\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out")
    parser.add_argument("--source", default="content")
    parser.add_argument("--per-dump", type=int, default=400)
    args = parser.parse_args()
    rng = random.Random(20261124)
    papers = real_papers(args.source)
    if not papers:
        sys.exit(f"no papers found in {args.source}/dumps")
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.makedirs(os.path.join(args.out, "dumps"))
    shutil.copytree(os.path.join(args.source, "pages"), os.path.join(args.out, "pages"))
    shutil.copy(os.path.join(args.source, "site.yml"), os.path.join(args.out, "site.yml"))
    entries = list(synthesize(args.count, papers, rng))
    for d, start in enumerate(range(0, len(entries), args.per_dump)):
        capture = f"{MONTHS[d % 12]} {1 + d % 28}"
        write_dump(os.path.join(args.out, "dumps", f"{d:05d}.txt"), d % 3, entries[start:start + args.per_dump], capture)


if __name__ == "__main__":
    main()
