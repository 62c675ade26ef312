#!/usr/bin/env python3
"""Time an incremental Gazette build against full builds of the same digest, side by side.

A digest of N papers grows by one dump of 50 (scripts/gen_digest.py generates N + 50 papers, 400 a
dump, so the last dump holds the 50 newest in generation order). First the N-paper digest is built
as a maintainer's first build would be (it records content/topics.map and the build cache), and that
state is kept. Then, each run, with the 50-paper dump added:
- full, with the map: `gazette build --no-cache` into a fresh directory, from the map of the N-paper
  build (what a CI job without a cache does);
- full, fresh fit: `gazette build --no-cache --no-topic-map` into a fresh directory (the bench's
  main rows);
- incremental: `gazette build` into the previous output with its cache, both restored to the
  N-paper state first;
- Hugo, the minimal site of `bench.py` made from the grown digest's papers, built in full into a
  fresh directory: Hugo has no incremental build outside `hugo server`'s memory, so a maintainer's
  rebuild after an issue is this.
Before each incremental run the bench waits --settle seconds: this VM's ext4 (no journal) makes file
creation several times slower for about a minute after files are deleted, and restoring the
previous output deletes the files the last run wrote.

usage: bench_incremental.py [--sizes 10000,100000] [--runs 3] [--settle 65] [--out bench-out]
"""
import argparse
import filecmp
import os
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import GAZETTE, ROOT, hugo_site, timed  # noqa: E402

NEW_PAPERS = 50
PER_DUMP = 400


def mirror(source, target):
    """Makes `target` hold exactly the files of `source`, copying only what differs (by size and
    modification time, which the copy keeps). Copies, not hard links: gazette overwrites a file in
    place only when nothing else links to it, and the bench must time that path."""
    wanted = set()
    for folder, _, names in os.walk(source):
        relative = os.path.relpath(folder, source)
        os.makedirs(os.path.join(target, relative), exist_ok=True)
        for name in names:
            path = os.path.normpath(os.path.join(relative, name))
            wanted.add(path)
            a, b = os.path.join(source, path), os.path.join(target, path)
            sa = os.stat(a)
            if os.path.exists(b):
                sb = os.stat(b)
                if sb.st_size == sa.st_size and sb.st_mtime_ns == sa.st_mtime_ns and sb.st_nlink == 1:
                    continue
                os.unlink(b)
            shutil.copy2(a, b)
    for folder, _, names in os.walk(target, topdown=False):
        relative = os.path.relpath(folder, target)
        for name in names:
            if os.path.normpath(os.path.join(relative, name)) not in wanted:
                os.unlink(os.path.join(folder, name))
        if relative != "." and not os.listdir(folder):
            os.rmdir(folder)


def measure(n, runs, settle, out):
    base = os.path.join(out, f"grow-{n}")
    content = os.path.join(base, "content")
    templates = os.path.join(ROOT, "templates")
    if os.path.exists(base):
        shutil.rmtree(base)
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "gen_digest.py"), str(n + NEW_PAPERS), content,
                    "--source", os.path.join(ROOT, "content"), "--per-dump", str(PER_DUMP)], check=True)
    dumps = os.path.join(content, "dumps")
    new_dump = sorted(os.listdir(dumps))[-1]
    aside = os.path.join(base, new_dump)
    shutil.move(os.path.join(dumps, new_dump), aside)
    output, cache = os.path.join(base, "public"), os.path.join(base, ".gazette-cache")
    build = [GAZETTE, "build", "--content", content, "--templates", templates]
    first = timed(build + ["--output", output, "--timings"])
    # The N-paper state every run starts from: copies of the output, the cache and the map.
    mirror(output, os.path.join(base, "saved-public"))
    mirror(cache, os.path.join(base, "saved-cache"))
    map_path = os.path.join(content, "topics.map")
    shutil.copy(map_path, os.path.join(base, "saved-topics.map"))
    shutil.copy(aside, os.path.join(dumps, new_dump))
    fulls, fresh, hugos, increments, written = [], [], [], [], []
    hugo = os.path.join(base, "hugo")
    for run in range(runs):
        shutil.copy(os.path.join(base, "saved-topics.map"), map_path)
        os.sync()
        fulls.append(timed(build + ["--no-cache", "--output", os.path.join(base, f"full-{run}")])[:3])
        os.sync()
        fresh.append(timed(build + ["--no-cache", "--no-topic-map", "--output", os.path.join(base, f"fresh-{run}")])[:3])
        if run == 0:
            hugo_site(os.path.join(base, "full-0"), hugo)
        os.sync()
        hugos.append(timed(["hugo", "--quiet", "--source", hugo, "--destination", os.path.join(hugo, f"public-{run}")])[:3])
        shutil.copy(os.path.join(base, "saved-topics.map"), map_path)
        mirror(os.path.join(base, "saved-public"), output)
        mirror(os.path.join(base, "saved-cache"), cache)
        os.sync()
        time.sleep(settle)
        wall, cpu, peak, stdout, _ = timed(build + ["--output", output])
        increments.append((wall, cpu, peak))
        written.append(stdout.strip().splitlines()[-1])
    # The incremental build's output must be the full build's, byte for byte.
    mismatch = filecmp.dircmp(output, os.path.join(base, "full-0"))
    same = not (mismatch.left_only or mismatch.right_only or mismatch.diff_files) and all(
        not (d.left_only or d.right_only or d.diff_files) for d in _subdirs(mismatch))
    return first, fulls, fresh, hugos, increments, written[-1], same


def _subdirs(comparison):
    for sub in comparison.subdirs.values():
        yield sub
        yield from _subdirs(sub)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--settle", type=float, default=65)
    parser.add_argument("--out", default=os.path.join(ROOT, "bench-out"))
    parser.add_argument("--keep", action="store_true", help="keep the outputs")
    args = parser.parse_args()
    median = statistics.median
    # `make bench` runs this right after bench.py has deleted its outputs (a file per paper): let the
    # disk settle first, or the first builds would pay for those deletions (see bench.py).
    os.sync()
    time.sleep(args.settle)
    lines = ["| papers | build | wall s | CPU s | peak MiB | share of the full build with the map | runs |", "|---:|---|---:|---:|---:|---:|---:|"]
    for n in [int(s) for s in args.sizes.split(",")]:
        first, fulls, fresh, hugos, increments, summary, same = measure(n, args.runs, args.settle, args.out)
        full_wall = median([r[0] for r in fulls])
        for label, rows in [("full, from the map, no cache", fulls), ("full, fresh fit, no cache", fresh),
                            ("Hugo, minimal site, full build", hugos), (f"incremental, +{NEW_PAPERS} papers", increments)]:
            wall = median([r[0] for r in rows])
            lines.append(f"| {n:,} | {label} | {wall:.2f} | {median([r[1] for r in rows]):.2f} | {median([r[2] for r in rows]):.0f} | "
                         f"{wall / full_wall:.2f} | {len(rows)} |")
        hugo_wall = median([r[0] for r in hugos])
        print(f"{n:,} papers: first build {first[0]:.2f} s; last incremental build: {summary}; "
              f"its output {'equals' if same else 'DIFFERS FROM'} the full build's; incremental / Hugo's rebuild "
              f"{median([r[0] for r in increments]) / hugo_wall:.2f}, Gazette's full build with the map / Hugo's {full_wall / hugo_wall:.2f}", flush=True)
        print("\n".join(lines[-4:]), flush=True)
        if not args.keep:
            shutil.rmtree(os.path.join(args.out, f"grow-{n}"))
    print()
    print("\n".join(lines))
    print(f"\nmedians; {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
