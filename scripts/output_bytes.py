#!/usr/bin/env python3
"""Where the bytes of a built digest go: files and bytes per kind of output.

Kinds: paper pages, all-papers lists, topic pages, archive, issues, the search index, feeds, data
exports (papers.json, topics.json) and the rest (home, assets, 404, pages, sitemap). Inside HTML
pages it also counts the bytes of paper cards (`<article class="paper-card" ...>`), the part of a
list repeated on every list that shows a paper, and of the related-paper lists on paper pages.

usage: output_bytes.py PUBLIC_DIR [--papers N] [--json]
"""
import argparse
import json
import os
import re

CARD = re.compile(rb'<article class="paper-card".*?</article>', re.S)
KINDS = ["paper pages", "all-papers lists", "topic pages", "archive", "issues", "search index", "feeds",
         "exports", "redirects", "other"]


def kind(path):
    """The kind of output at `path` (relative to the site root, with forward slashes)."""
    parts = path.split("/")
    if path.endswith(".xml") and (path == "feed.xml" or parts[0] == "topics"):
        return "feeds"
    if path in ("papers.json", "topics.json"):
        return "exports"
    if parts[0] == "search":
        return "search index"
    if parts[0] == "papers":
        if path == "papers/index.html" or parts[1] in ("page", "upvotes"):
            return "all-papers lists"
        return "paper pages"
    if parts[0] == "topics":
        return "topic pages"
    if parts[0] == "archive":
        return "archive"
    if parts[0] == "dumps":
        return "issues"
    return "other"


def measure(root):
    """{kind: [files, bytes, card bytes]} for the site under `root`."""
    totals = {k: [0, 0, 0] for k in KINDS}
    for folder, _, names in os.walk(root):
        for name in names:
            full = os.path.join(folder, name)
            rel = os.path.relpath(full, root).replace(os.sep, "/")
            size = os.path.getsize(full)
            k = kind(rel)
            cards = 0
            if name.endswith(".html"):
                data = open(full, "rb").read()
                if k == "topic pages" and b'http-equiv="refresh"' in data:
                    k = "redirects"
                cards = sum(len(m.group(0)) for m in CARD.finditer(data))
            entry = totals[k]
            entry[0] += 1
            entry[1] += size
            entry[2] += cards
    return totals


def table(totals, papers=None):
    files = sum(v[0] for v in totals.values())
    size = sum(v[1] for v in totals.values())
    lines = ["| kind | files | MB | of which cards MB | share |", "|---|---:|---:|---:|---:|"]
    for k in KINDS:
        f, b, c = totals[k]
        if f:
            lines.append(f"| {k} | {f:,} | {b / 1e6:.1f} | {c / 1e6:.1f} | {100 * b / max(size, 1):.0f}% |")
    lines.append(f"| total | {files:,} | {size / 1e6:.1f} | {sum(v[2] for v in totals.values()) / 1e6:.1f} | 100% |")
    if papers:
        lines.append(f"\n{files / papers:.3f} files and {size / papers / 1e3:.1f} KB per paper ({papers:,} papers)")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("public")
    parser.add_argument("--papers", type=int)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    totals = measure(args.public)
    papers = args.papers
    if papers is None and os.path.exists(os.path.join(args.public, "papers.json")):
        papers = len(json.load(open(os.path.join(args.public, "papers.json"))))
    print(json.dumps(totals) if args.json else table(totals, papers))


if __name__ == "__main__":
    main()
