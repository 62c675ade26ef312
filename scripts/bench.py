#!/usr/bin/env python3
"""Benchmark Gazette against Hugo on synthetic digests of 1,000, 10,000 and 100,000 papers.

For each size: generate the digest (scripts/gen_digest.py), build it with `gazette build --timings
--no-topic-map` (a full fit every run) under /usr/bin/time -v (wall, CPU, peak memory), and build
the same papers, topics and related papers (from Gazette's own papers.json and topics.json) as two
Hugo sites:
- the minimal site: one Markdown page per paper with front matter, topics as a taxonomy, minimal
  layouts for a paper, a topic list and the home;
- the site a Hugo user would build for this digest: a page per paper with its five related papers
  (Hugo's related-content index on topics and keywords), previous and next links, paginated topic
  pages with an RSS feed each, a paginated list of all papers, and search by Pagefind over the
  output (the pip package `pagefind[bin]`, installed into .venv/bench).
It also times a second Gazette build with nothing changed and measures where Gazette's bytes go
(scripts/output_bytes.py). Every build runs --runs times (default 3; the realistic Hugo site
--realistic-runs times, and not above --realistic-max papers, since it takes minutes at 10,000); the
table shows medians. Run through `make bench`, which builds gazette in release mode and installs
Hugo from Debian first.

usage: bench.py [--sizes 1000,10000,100000] [--runs 3] [--realistic-runs 3] [--realistic-max 10000] [--out bench-out]
"""
import argparse
import html
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import output_bytes  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GAZETTE = os.path.join(ROOT, ".build", "release", "gazette")
VENV = os.path.join(ROOT, ".venv", "bench")

HUGO_LAYOUTS = {
    "_default/baseof.html": "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>"
                            "<body><header><a href=\"{{ \"/\" | relURL }}\">{{ .Site.Title }}</a></header>"
                            "<main>{{ block \"main\" . }}{{ end }}</main></body></html>\n",
    "_default/single.html": "{{ define \"main\" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format \"Jan 2, 2006\" }}"
                            " · {{ .Params.upvotes }} upvotes</p>{{ .Content }}<ul>{{ range .Params.topics }}"
                            "<li><a href=\"{{ (printf \"topics/%s\" (urlize .)) | relURL }}\">{{ . }}</a></li>{{ end }}</ul>"
                            "</article>{{ end }}\n",
    "_default/list.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">"
                          "{{ .Title }}</a> {{ .Date.Format \"Jan 2, 2006\" }}</li>{{ end }}</ul>{{ end }}\n",
    "_default/terms.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}<li>"
                           "<a href=\"{{ .Page.RelPermalink }}\">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}\n",
    "index.html": "{{ define \"main\" }}<h1>{{ .Site.Title }}</h1><ul>{{ range .Site.Taxonomies.topics.ByCount }}<li>"
                  "<a href=\"{{ .Page.RelPermalink }}\">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}\n",
}

# The site a Hugo user would build for the digest: related papers from Hugo's index on topics and
# keywords, previous/next in the section, paginated topic pages (and all papers) with RSS, and a
# body Pagefind indexes.
REALISTIC_CONFIG = """baseURL = "http://127.0.0.1/"
title = "Gazette benchmark"
relativeURLs = true
paginate = 500
disableKinds = ["sitemap", "robotsTXT"]
[taxonomies]
  topic = "topics"
[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML", "RSS"]
  taxonomy = ["HTML"]
  term = ["HTML", "RSS"]
[related]
  includeNewer = true
  threshold = 80
  toLower = true
  [[related.indices]]
    name = "topics"
    weight = 100
  [[related.indices]]
    name = "keywords"
    weight = 80
"""

REALISTIC_LAYOUTS = {
    "_default/baseof.html": "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }} · {{ .Site.Title }}</title>"
                            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                            "{{ with .OutputFormats.Get \"rss\" }}<link rel=\"alternate\" type=\"application/rss+xml\" href=\"{{ .RelPermalink }}\">{{ end }}"
                            "<link rel=\"stylesheet\" href=\"{{ \"pagefind/pagefind-ui.css\" | relURL }}\"></head>"
                            "<body><header><a href=\"{{ \"/\" | relURL }}\">{{ .Site.Title }}</a> <a href=\"{{ \"papers/\" | relURL }}\">Papers</a>"
                            " <a href=\"{{ \"topics/\" | relURL }}\">Topics</a><div id=\"search\"></div></header>"
                            "<main>{{ block \"main\" . }}{{ end }}</main>"
                            "<script src=\"{{ \"pagefind/pagefind-ui.js\" | relURL }}\"></script></body></html>\n",
    "_default/single.html": "{{ define \"main\" }}<article data-pagefind-body><h1>{{ .Title }}</h1><p>{{ .Date.Format \"Jan 2, 2006\" }}"
                            " · {{ .Params.upvotes }} upvotes · {{ .Params.authors }} authors</p>{{ .Content }}"
                            "<h2>Topics</h2><ul>{{ range .GetTerms \"topics\" }}<li><a href=\"{{ .RelPermalink }}\">{{ .LinkTitle }}</a></li>{{ end }}</ul>"
                            "</article>"
                            "<nav>{{ with .PrevInSection }}<a rel=\"prev\" href=\"{{ .RelPermalink }}\">← {{ .Title }}</a>{{ end }}"
                            " {{ with .NextInSection }}<a rel=\"next\" href=\"{{ .RelPermalink }}\">{{ .Title }} →</a>{{ end }}</nav>"
                            "{{ $related := .Site.RegularPages.Related . | first 5 }}{{ with $related }}<h2>Related papers</h2><ul>"
                            "{{ range . }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ .Date.Format \"Jan 2, 2006\" }}</li>{{ end }}</ul>{{ end }}"
                            "{{ end }}\n",
    "_default/list.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ $pager := .Paginate .Pages }}<ul>{{ range $pager.Pages }}<li>"
                          "<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ .Date.Format \"Jan 2, 2006\" }}<p>{{ .Summary }}</p></li>{{ end }}</ul>"
                          "{{ template \"_internal/pagination.html\" . }}{{ end }}\n",
    "_default/terms.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}<li>"
                           "<a href=\"{{ .Page.RelPermalink }}\">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}\n",
    "index.html": "{{ define \"main\" }}<h1>{{ .Site.Title }}</h1><ul>{{ range .Site.Taxonomies.topics.ByCount }}<li>"
                  "<a href=\"{{ .Page.RelPermalink }}\">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>"
                  "<h2>Latest</h2><ul>{{ range first 10 .Site.RegularPages.ByDate.Reverse }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n",
}


def timed(command, cwd=None):
    """Runs `command` under /usr/bin/time -v: (wall s, cpu s, peak MiB, stdout, stderr)."""
    result = subprocess.run(["/usr/bin/time", "-v"] + command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    stats = {}
    for line in result.stderr.splitlines():
        if ":" in line:
            key, _, value = line.strip().rpartition(": ")
            stats[key] = value
    wall = stats["Elapsed (wall clock) time (h:mm:ss or m:ss)"]
    parts = [float(p) for p in wall.split(":")]
    seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
    cpu = float(stats["User time (seconds)"]) + float(stats["System time (seconds)"])
    return seconds, cpu, int(stats["Maximum resident set size (kbytes)"]) / 1024, result.stdout, result.stderr


def tree_size(path):
    files = 0
    size = 0
    for folder, _, names in os.walk(path):
        for name in names:
            files += 1
            size += os.path.getsize(os.path.join(folder, name))
    return files, size


MINIMAL_CONFIG = ('baseURL = "http://127.0.0.1/"\ntitle = "Gazette benchmark"\nrelativeURLs = true\n'
                  'disableKinds = ["RSS", "sitemap", "robotsTXT"]\n[taxonomies]\n  topic = "topics"\n')


ABSTRACT = re.compile(r'<div class="abstract">(.*?)</div>', re.S)
TAG = re.compile(r"<[^>]+>")


def abstract(output, paper):
    """The paper's abstract as plain text, from its page in the Gazette build at `output`
    (papers.json leaves the abstracts to the pages)."""
    page = open(os.path.join(output, "papers", paper["id"], "index.html"), encoding="utf-8").read()
    found = ABSTRACT.search(page)
    return html.unescape(TAG.sub("", found.group(1))).strip() if found else ""


def keywords(paper, text, topic_terms):
    """The terms of the paper's topics (Gazette's topics.json) that its title or abstract uses: what a
    Hugo user would put in `keywords` for the related-content index."""
    text = (paper["title"] + " " + text).lower()
    found = []
    for topic in paper["topics"]:
        for term in topic_terms.get(topic["id"], []):
            if term not in found and term in text:
                found.append(term)
    return found[:8]


def hugo_site(output, directory, realistic=False):
    """Writes the papers of the Gazette build in `output` (its papers.json and topics.json) as a Hugo
    site: the minimal one, or the one a Hugo user would build."""
    if os.path.exists(directory):
        shutil.rmtree(directory)
    os.makedirs(os.path.join(directory, "content", "papers"))
    with open(os.path.join(directory, "hugo.toml"), "w") as f:
        f.write(REALISTIC_CONFIG if realistic else MINIMAL_CONFIG)
    gazette_topics = json.load(open(os.path.join(output, "topics.json")))
    topic_terms = {t["id"]: [term["term"].lower() for term in t["terms"]] for t in gazette_topics}
    topic_names = {t["id"]: t["name"] for t in gazette_topics}
    for path, text in (REALISTIC_LAYOUTS if realistic else HUGO_LAYOUTS).items():
        full = os.path.join(directory, "layouts", path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(text)
    for paper in json.load(open(os.path.join(output, "papers.json"))):
        text = abstract(output, paper)
        topics = [topic_names[t["id"]] for t in paper["topics"]]
        front = {"title": paper["title"], "date": paper.get("published") or "2024-01-01",
                 "upvotes": paper.get("upvotes") or 0, "topics": topics}
        if realistic:
            front["keywords"] = keywords(paper, text, topic_terms)
            front["authors"] = paper.get("authors") or 0
        with open(os.path.join(directory, "content", "papers", paper["id"] + ".md"), "w") as f:
            f.write("---\n" + json.dumps(front) + "\n---\n\n" + text.replace("<", "&lt;") + "\n")


def remove_outputs(directory):
    """Deletes the built sites and the Hugo sites (a file per paper) under `directory`, not the
    generated dumps; true if there were any."""
    removed = False
    for entry in os.listdir(directory):
        if entry.startswith("public-") or entry.startswith("hugo-") or entry == ".gazette-cache":
            shutil.rmtree(os.path.join(directory, entry))
            removed = True
    return removed


def pagefind():
    """The Pagefind command of the bench's own environment, installed there on first use."""
    binary = os.path.join(VENV, "bin", "python")
    if not os.path.exists(binary):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    if subprocess.run([binary, "-c", "import pagefind_bin"], capture_output=True).returncode != 0:
        subprocess.run([binary, "-m", "pip", "install", "--quiet", "pagefind[bin]"], check=True)
    return [binary, "-m", "pagefind"]


def table_lines(rows):
    """The results table in Markdown: a row per site and size."""
    lines = ["| papers | site | wall s | CPU s | peak MiB | files | MB written | Gazette's ratio | runs |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---:|"]
    for n, tool, wall, cpu, peak, files, size, ratio, count in rows:
        lines.append(f"| {n:,} | {tool} | {wall:.2f} | {cpu:.2f} | {peak:.0f} | {files:,} | {size / 1e6:.1f} | "
                     + (f"{ratio:.2f}" if ratio is not None else "") + f" | {count} |")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--realistic-runs", type=int, help="runs of the realistic Hugo site and Pagefind (default --runs)")
    parser.add_argument("--realistic-max", type=int, default=10000, help="build the realistic Hugo site only up to this many papers")
    parser.add_argument("--out", default=os.path.join(ROOT, "bench-out"))
    parser.add_argument("--settle", type=float, default=65, help="seconds to wait after deleting a previous bench's outputs")
    args = parser.parse_args()
    realistic_runs = args.realistic_runs or args.runs
    os.makedirs(args.out, exist_ok=True)
    # Every run writes a fresh directory, and the outputs are deleted only once the table is printed.
    # On this VM's ext4 (no journal), creating files after a large deletion costs several times more
    # for many minutes: 5,000 directories with a file each took 0.21 s on a settled disk, 0.67 s right
    # after deleting a 13 GB bench output and still 0.53 s three minutes later. Deleting before timing
    # would measure the disk's recent history rather than the generators.
    leftovers = remove_outputs(args.out)
    os.sync()
    if leftovers:
        print(f"note: removed outputs of an unfinished bench; waiting {args.settle:.0f} s for the disk to settle", flush=True)
        time.sleep(args.settle)
    sizes = [int(s) for s in args.sizes.split(",")]
    find = pagefind() if any(n <= args.realistic_max for n in sizes) else None
    median = statistics.median
    rows, breakdowns = [], []
    for n in sizes:
        content = os.path.join(args.out, f"content-{n}")
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "gen_digest.py"), str(n), content,
                        "--source", os.path.join(ROOT, "content")], check=True)
        runs, stages, hugo_runs, real_runs, find_runs = [], [], [], [], []
        site = os.path.join(args.out, f"hugo-{n}")
        real_site = os.path.join(args.out, f"hugo-realistic-{n}")
        gazette = [GAZETTE, "build", "--no-topic-map", "--content", content, "--templates", os.path.join(ROOT, "templates")]
        # Runs alternate between the tools, and each starts with nothing waiting to be written back,
        # so neither pays for the other's writes (a 100k site is 2 GB of dirty pages).
        for run in range(args.runs):
            output = os.path.join(args.out, f"public-{n}-{run + 1}")
            os.sync()
            wall, cpu, peak, out, err = timed(gazette + ["--output", output, "--timings"])
            if run == 0:
                for line in err.splitlines():
                    if "host limit" in line:
                        print(f"{n} papers: {line}", flush=True)
            runs.append((wall, cpu, peak))
            stages.append({m.group(1): float(m.group(2)) for m in re.finditer(r"^\s+(\w+)\s+([\d.]+) s$", out, re.M)})
            if run == 0:
                first_output = output
                hugo_site(output, site)
                if n <= args.realistic_max:
                    hugo_site(output, real_site, realistic=True)
            public = os.path.join(site, f"public-{run + 1}")
            os.sync()
            hugo_runs.append(timed(["hugo", "--quiet", "--source", site, "--destination", public])[:3])
            if n <= args.realistic_max and run < realistic_runs:
                real_public = os.path.join(real_site, f"public-{run + 1}")
                os.sync()
                real_runs.append(timed(["hugo", "--quiet", "--source", real_site, "--destination", real_public])[:3])
                os.sync()
                find_runs.append(timed(find + ["--site", real_public])[:3])
        files, size = tree_size(output)
        breakdowns.append((n, output_bytes.table(output_bytes.measure(output), n)))
        os.sync()
        rebuilds = [timed(gazette + ["--output", first_output])[0] for _ in range(args.runs)]
        stage_medians = {k: median([s.get(k, 0) for s in stages]) for k in stages[0]}
        g_wall = median([r[0] for r in runs])
        h_wall = median([r[0] for r in hugo_runs])

        def row(tool, timings, tree, ratio):
            return (n, tool, median([r[0] for r in timings]), median([r[1] for r in timings]), median([r[2] for r in timings]),
                    *tree, ratio, len(timings))
        rows.append(row("Gazette", runs, (files, size), None))
        rows.append(row("Hugo, minimal site", hugo_runs, tree_size(public), g_wall / h_wall))
        if real_runs:
            # Pagefind writes its index into the site: the realistic site alone is the rest.
            real_files, real_size = tree_size(real_public)
            index_files, index_size = tree_size(os.path.join(real_public, "pagefind"))
            r_wall, f_wall = median([r[0] for r in real_runs]), median([r[0] for r in find_runs])
            rows.append(row("Hugo, realistic site", real_runs, (real_files - index_files, real_size - index_size), g_wall / r_wall))
            rows.append(row("Pagefind over it", find_runs, (index_files, index_size), None))
            both = [(a[0] + b[0], a[1] + b[1], max(a[2], b[2])) for a, b in zip(real_runs, find_runs)]
            rows.append(row("Hugo realistic + Pagefind", both, (real_files, real_size), g_wall / (r_wall + f_wall)))
        print(f"{n} papers: gazette stages (median s): " + ", ".join(f"{k} {v:.3f}" for k, v in stage_medians.items())
              + f"; unchanged rebuild {median(rebuilds):.2f} s", flush=True)
        # Each size's rows as soon as they are known, so a long run that fails later still tells.
        for line in table_lines([r for r in rows if r[0] == n])[2:]:
            print(line, flush=True)
    print()
    print("\n".join(table_lines(rows)))
    for n, table in breakdowns:
        print(f"\nGazette's output at {n:,} papers, by kind:\n{table}")
    print(f"\nmedians; {os.cpu_count()} cores; the last row's files and MB are the realistic site with Pagefind's index;"
          f" outputs and Hugo sites now deleted (the generated dumps stay in {args.out})")
    remove_outputs(args.out)


if __name__ == "__main__":
    main()
