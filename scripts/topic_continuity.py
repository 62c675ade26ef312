#!/usr/bin/env python3
"""How well topics last as a digest grows: `gazette build` run twice in the same folder, before and
after new dumps arrive, with the topic map kept in between (issue 15's targets).

1. The default content: dumps 1-4, then 1-5.
2. The labelled papers (scripts/topic-labels/labels.tsv), shuffled and split so the digest grows by
   3%, 10% and about 100%; the new papers' topics are scored against the readers' labels, beside a
   full refit of the grown digest (`--no-topic-map`).
3. A synthetic digest of 10,000 papers (scripts/gen_digest.py) growing by 1%, 5% and 10%, and one of
   5,500 growing to 10,000.

For each growth it reports the share of earlier papers that keep their main topic, whether every
earlier topic URL and feed URL still resolves, whether kept topics kept their names, and what was
born and retired; and what readers of the earlier papers' pages see change: how many of those pages
differ in any byte, how many related-paper lists changed, and how many of those changes bring in a
new paper (the rest are reorderings and swaps among earlier papers, from term weights shifting).

usage: topic_continuity.py [--gazette .build/release/gazette] [--content content] [--work DIR] [--skip-synthetic]
"""
import argparse
import collections
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def read_map(path):
    topics, papers = {}, {}
    current = None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("topic "):
            _, tid, slug = line.split(" ")
            current = topics[int(tid)] = {"slug": slug, "name": None, "retired": False}
        elif line.startswith("name ") and current is not None:
            current["name"] = line[5:]
        elif line.startswith("retired-into ") and current is not None:
            current["retired"] = True
        elif line.startswith("paper "):
            _, slug, tid = line.split(" ")[:3]
            papers[slug] = int(tid)
    return topics, papers


def build(gazette, content, output, *extra):
    run = subprocess.run([gazette, "build", "--content", content, "--output", output, "--templates",
                          os.path.join(os.path.dirname(HERE), "templates"), "--quiet", *extra],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"gazette build failed on {content}:\n{run.stderr}")


def growth(gazette, work, name, base_dumps, new_dumps, site_dir, labels=None):
    """Builds `base_dumps`, then adds `new_dumps` and builds again in the same folders."""
    content, output = os.path.join(work, name, "content"), os.path.join(work, name, "public")
    shutil.rmtree(os.path.join(work, name), ignore_errors=True)
    os.makedirs(os.path.join(content, "dumps"))
    shutil.copy(os.path.join(site_dir, "site.yml"), content)
    if os.path.isdir(os.path.join(site_dir, "pages")):
        shutil.copytree(os.path.join(site_dir, "pages"), os.path.join(content, "pages"))
    for path in base_dumps:
        shutil.copy(path, os.path.join(content, "dumps"))
    build(gazette, content, output)
    before_topics, before_papers = read_map(os.path.join(content, "topics.map"))
    before_pages = paper_pages(output)
    for path in new_dumps:
        shutil.copy(path, os.path.join(content, "dumps"))
    build(gazette, content, output)
    after_topics, after_papers = read_map(os.path.join(content, "topics.map"))
    after_pages = paper_pages(output)
    kept = sum(1 for slug, tid in before_papers.items() if after_papers.get(slug) == tid)
    earlier = sum(1 for slug in before_papers if slug in after_papers)
    live_before = {tid: t for tid, t in before_topics.items() if not t["retired"]}
    urls = [os.path.join(output, "topics", t["slug"], f) for t in live_before.values() for f in ("index.html", "feed.xml")]
    resolving = sum(os.path.isfile(u) for u in urls)
    kept_ids = [tid for tid in live_before if tid in after_topics and not after_topics[tid]["retired"]]
    names_kept = sum(after_topics[tid]["name"] == live_before[tid]["name"] for tid in kept_ids)
    born = [t["name"] for tid, t in after_topics.items() if tid not in before_topics]
    retired = [t["name"] for tid, t in after_topics.items() if t["retired"] and tid in live_before]
    result = {
        "growth": name, "earlier": earlier, "new": len(after_papers) - earlier,
        "grow_pct": 100 * (len(after_papers) - earlier) / max(1, earlier),
        "kept_pct": 100 * kept / max(1, earlier),
        "urls": f"{resolving}/{len(urls)}", "names_kept": f"{names_kept}/{len(kept_ids)}",
        "topics": f"{len(live_before)} → {sum(1 for t in after_topics.values() if not t['retired'])}",
        "born": born, "retired": retired,
        "pages": page_changes(before_pages, after_pages),
    }
    if labels is not None:
        new = [slug for slug in after_papers if slug not in before_papers]
        result["continued"] = label_hits(after_papers, new, labels)
        refit_output = output + "-refit"
        build(gazette, content, refit_output, "--no-topic-map")
        result["refit"] = label_hits(primary_topics(refit_output), new, labels)
    return result


def paper_pages(output):
    """Each paper's related list (slugs) and the hash of its page, by slug."""
    papers = json.load(open(os.path.join(output, "papers.json"), encoding="utf-8"))
    pages = {}
    for p in papers:
        with open(os.path.join(output, "papers", p["id"], "index.html"), "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        pages[p["id"]] = (digest, [papers[i]["id"] for i in p["related"]])
    return pages


def page_changes(before, after):
    """Of the earlier papers' pages: changed in any byte, related list changed, and that list
    changed with a new paper in it."""
    earlier = [slug for slug in before if slug in after]
    new = set(after) - set(before)
    changed = [s for s in earlier if before[s][0] != after[s][0]]
    related = [s for s in earlier if before[s][1] != after[s][1]]
    with_new = [s for s in related if new & set(after[s][1])]
    share = lambda part: round(100 * len(part) / max(1, len(earlier)), 1)
    return {"changed_pct": share(changed), "related_pct": share(related), "related_new_pct": share(with_new)}


def primary_topics(output):
    papers = json.load(open(os.path.join(output, "papers.json"), encoding="utf-8"))
    return {p["id"]: next(t["id"] for t in p["topics"] if t.get("primary")) for p in papers if p["topics"]}


def label_hits(assignment, new, labels):
    """For the new papers: does the label most of their topic's papers carry match theirs?"""
    by_topic = collections.defaultdict(collections.Counter)
    for slug, topic in assignment.items():
        if slug in labels:
            by_topic[topic][labels[slug][0]] += 1
    majority = {topic: counts.most_common(1)[0][0] for topic, counts in by_topic.items()}
    scored = [slug for slug in new if slug in labels and slug in assignment]
    primary = sum(majority.get(assignment[s]) == labels[s][0] for s in scored)
    anyl = sum(majority.get(assignment[s]) in labels[s] for s in scored)
    return {"papers": len(scored), "hit_primary": round(primary / max(1, len(scored)), 3), "hit_any": round(anyl / max(1, len(scored)), 3)}


def write_dump(path, papers):
    with open(path, "w", encoding="utf-8") as f:
        for p in papers:
            f.write(f"{p['title']}\n\n{p['abstract']}\n\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gazette", default=".build/release/gazette")
    parser.add_argument("--content", default="content")
    parser.add_argument("--work", default=None)
    parser.add_argument("--skip-synthetic", action="store_true")
    parser.add_argument("--json", default=None)
    args = parser.parse_args()
    gazette = os.path.abspath(args.gazette)
    work = args.work or tempfile.mkdtemp(prefix="gazette-continuity-")
    os.makedirs(work, exist_ok=True)
    results = []

    dumps = sorted(os.path.join(args.content, "dumps", f) for f in os.listdir(os.path.join(args.content, "dumps")) if f.endswith(".txt"))
    results.append(growth(gazette, work, "default dumps 1-4 → 1-5", dumps[:-1], dumps[-1:], args.content))

    labels = {}
    for line in open(os.path.join(HERE, "topic-labels", "labels.tsv"), encoding="utf-8").read().splitlines()[1:]:
        slug, primary, secondary, _ = line.split("\t", 3)
        labels[slug] = [primary] + [s for s in secondary.split(",") if s]
    # The papers' titles and abstracts as Gazette reads them (papers.json leaves the abstracts out).
    analysis = os.path.join(work, "analysis.json")
    subprocess.run([gazette, "topics", args.content, "--topics", "1", "--json", analysis], check=True, capture_output=True)
    papers = [p for p in json.load(open(analysis, encoding="utf-8"))["papers"] if p.get("abstract")]
    random.Random(20261129).shuffle(papers)
    for label, base_share in (("labelled +3%", 1 / 1.03), ("labelled +10%", 1 / 1.10), ("labelled +100%", 0.5)):
        cut = round(len(papers) * base_share)
        split_dir = os.path.join(work, "split-" + label.split("+")[1].rstrip("%"))
        os.makedirs(split_dir, exist_ok=True)
        base, new = os.path.join(split_dir, "base.txt"), os.path.join(split_dir, "new.txt")
        write_dump(base, papers[:cut])
        write_dump(new, papers[cut:])
        results.append(growth(gazette, work, label, [base], [new], args.content, labels))

    if not args.skip_synthetic:
        synthetic = os.path.join(work, "synthetic")
        subprocess.run([sys.executable, os.path.join(HERE, "gen_digest.py"), "11000", synthetic, "--source", args.content, "--per-dump", "100"], check=True)
        generated = sorted(os.path.join(synthetic, "dumps", f) for f in os.listdir(os.path.join(synthetic, "dumps")))
        for extra in (1, 5, 10):
            results.append(growth(gazette, work, f"synthetic 10k +{extra}%", generated[:100], generated[100:100 + extra], synthetic))
        results.append(growth(gazette, work, "synthetic 5.5k → 10k", generated[:55], generated[55:100], synthetic))

    print("| growth | earlier papers | new | growth | earlier papers keeping their topic | earlier topic + feed URLs resolving | kept topics keeping their name | topics | born | retired |")
    print("|---|---:|---:|---:|---:|---:|---:|---|---|---|")
    for r in results:
        print(f"| {r['growth']} | {r['earlier']} | {r['new']} | {r['grow_pct']:.1f}% | {r['kept_pct']:.1f}% | {r['urls']} | {r['names_kept']} | {r['topics']} | "
              f"{', '.join(r['born']) or '–'} | {', '.join(r['retired']) or '–'} |")
    print("\nThe earlier papers' pages after the growth (share of those pages):")
    print("| growth | page changed | related list changed | related list changed by a new paper joining it | changed by term weights alone |")
    print("|---|---:|---:|---:|---:|")
    for r in results:
        p = r["pages"]
        print(f"| {r['growth']} | {p['changed_pct']:.1f}% | {p['related_pct']:.1f}% | {p['related_new_pct']:.1f}% | {p['related_pct'] - p['related_new_pct']:.1f}% |")
    scored = [r for r in results if "continued" in r]
    if scored:
        print("\nNew papers against the readers' labels (label most of the topic's papers carry = the paper's own):")
        print("| growth | new papers scored | continued: primary | continued: any label | full refit: primary | full refit: any label |")
        print("|---|---:|---:|---:|---:|---:|")
        for r in scored:
            c, f = r["continued"], r["refit"]
            print(f"| {r['growth']} | {c['papers']} | {c['hit_primary']:.3f} | {c['hit_any']:.3f} | {f['hit_primary']:.3f} | {f['hit_any']:.3f} |")
    if args.json:
        json.dump(results, open(args.json, "w"), indent=1)


if __name__ == "__main__":
    main()
