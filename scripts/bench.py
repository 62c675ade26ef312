#!/usr/bin/env python3
"""Benchmark Gazette against Hugo on synthetic digests of 1,000, 10,000 and 100,000 papers.

For each size: generate the digest (scripts/gen_digest.py), build it with `gazette build --timings`
under /usr/bin/time -v (wall, CPU, peak memory), build the same papers as a Hugo site (one Markdown
page per paper with front matter, topics as a taxonomy, minimal layouts for a paper, a topic list
and the home), and time a second Gazette build with nothing changed. Every build runs --runs times
(default 3); the table shows medians. Run through `make bench`, which builds gazette in release
mode and installs Hugo from Debian first.

usage: bench.py [--sizes 1000,10000,100000] [--runs 3] [--out bench-out]
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GAZETTE = os.path.join(ROOT, ".build", "release", "gazette")

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


def timed(command, cwd=None):
    """Runs `command` under /usr/bin/time -v: (wall s, cpu s, peak MiB, stdout)."""
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
    return seconds, cpu, int(stats["Maximum resident set size (kbytes)"]) / 1024, result.stdout


def tree_size(path):
    files = 0
    size = 0
    for folder, _, names in os.walk(path):
        for name in names:
            files += 1
            size += os.path.getsize(os.path.join(folder, name))
    return files, size


def hugo_site(papers_json, directory):
    """Writes the papers of a Gazette build as a Hugo site."""
    if os.path.exists(directory):
        shutil.rmtree(directory)
    os.makedirs(os.path.join(directory, "content", "papers"))
    with open(os.path.join(directory, "hugo.toml"), "w") as f:
        f.write('baseURL = "http://127.0.0.1/"\ntitle = "Gazette benchmark"\nrelativeURLs = true\n'
                'disableKinds = ["RSS", "sitemap", "robotsTXT"]\n[taxonomies]\n  topic = "topics"\n')
    for path, text in HUGO_LAYOUTS.items():
        full = os.path.join(directory, "layouts", path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(text)
    for paper in json.load(open(papers_json)):
        topics = [t["name"] for t in paper["topics"]]
        front = {"title": paper["title"], "date": paper.get("published") or "2024-01-01",
                 "upvotes": paper.get("upvotes") or 0, "topics": topics}
        with open(os.path.join(directory, "content", "papers", paper["id"] + ".md"), "w") as f:
            f.write("---\n" + json.dumps(front) + "\n---\n\n" + (paper.get("abstract") or "").replace("<", "&lt;") + "\n")


def remove_outputs(directory):
    """Deletes the built sites and the Hugo sites (a file per paper) under `directory`, not the
    generated dumps; true if there were any."""
    removed = False
    for entry in os.listdir(directory):
        if entry.startswith("public-") or entry.startswith("hugo-"):
            shutil.rmtree(os.path.join(directory, entry))
            removed = True
    return removed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", default=os.path.join(ROOT, "bench-out"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    # Every run writes a fresh directory, and the outputs are deleted only once the table is printed.
    # On this VM's ext4 (no journal), creating files after a large deletion costs several times more
    # for many minutes: 5,000 directories with a file each took 0.21 s on a settled disk, 0.67 s right
    # after deleting a 13 GB bench output and still 0.53 s three minutes later. Deleting before timing
    # would measure the disk's recent history rather than the generators.
    leftovers = remove_outputs(args.out)
    os.sync()
    if leftovers:
        print("note: removed outputs of an unfinished bench; the figures may be inflated for a few minutes", flush=True)
    rows = []
    for n in [int(s) for s in args.sizes.split(",")]:
        content = os.path.join(args.out, f"content-{n}")
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "gen_digest.py"), str(n), content,
                        "--source", os.path.join(ROOT, "content")], check=True)
        runs, stages, hugo_runs = [], [], []
        site = os.path.join(args.out, f"hugo-{n}")
        # Runs alternate between the tools, and each starts with nothing waiting to be written back,
        # so neither pays for the other's writes (a 100k site is 2 GB of dirty pages).
        for run in range(args.runs):
            output = os.path.join(args.out, f"public-{n}-{run + 1}")
            os.sync()
            wall, cpu, peak, out = timed([GAZETTE, "build", "--content", content, "--output", output,
                                          "--templates", os.path.join(ROOT, "templates"), "--timings"])
            runs.append((wall, cpu, peak))
            stages.append({m.group(1): float(m.group(2)) for m in re.finditer(r"^\s+(\w+)\s+([\d.]+) s$", out, re.M)})
            if run == 0:
                hugo_site(os.path.join(output, "papers.json"), site)
            public = os.path.join(site, f"public-{run + 1}")
            os.sync()
            hugo_runs.append(timed(["hugo", "--quiet", "--source", site, "--destination", public])[:3])
        files, size = tree_size(output)
        os.sync()
        rebuilds = [timed([GAZETTE, "build", "--content", content, "--output", output,
                           "--templates", os.path.join(ROOT, "templates")])[0] for _ in range(args.runs)]
        hugo_files, hugo_size = tree_size(public)
        median = lambda values: statistics.median(values)
        stage_medians = {k: median([s.get(k, 0) for s in stages]) for k in stages[0]}
        g_wall, h_wall = median([r[0] for r in runs]), median([r[0] for r in hugo_runs])
        rows.append((n, "gazette", g_wall, median([r[1] for r in runs]), median([r[2] for r in runs]), files, size, g_wall / h_wall))
        rows.append((n, "hugo", h_wall, median([r[1] for r in hugo_runs]), median([r[2] for r in hugo_runs]), hugo_files, hugo_size, None))
        print(f"{n} papers: gazette stages (median s): " + ", ".join(f"{k} {v:.3f}" for k, v in stage_medians.items())
              + f"; unchanged rebuild {median(rebuilds):.2f} s", flush=True)
    print()
    print("| papers | tool | wall s | CPU s | peak MiB | files | MB written | gazette/hugo |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for n, tool, wall, cpu, peak, files, size, ratio in rows:
        print(f"| {n:,} | {tool} | {wall:.2f} | {cpu:.2f} | {peak:.0f} | {files:,} | {size / 1e6:.1f} | "
              + (f"{ratio:.2f}" if ratio is not None else "") + " |")
    print(f"\nmedian of {args.runs} runs each; {os.cpu_count()} cores; outputs and Hugo sites now deleted (the generated dumps stay in {args.out})")
    remove_outputs(args.out)


if __name__ == "__main__":
    main()
