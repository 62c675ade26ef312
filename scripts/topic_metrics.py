"""Measures for comparing topic groupings with labels made by reading the papers.

Needs only numpy; scripts/topic_quality.py runs the models and prints the report, and
scripts/tests/test_topic_metrics.py checks these functions on small hand-computed cases.

Every measure compares a *partition* of the papers (each paper's primary topic) with the readers'
labels (each paper's primary label, plus up to two secondary labels), or judges the terms that
describe each topic.  Papers without a label are left out of the label measures; papers without a
topic are one "unassigned" group.

NMI (computed with scikit-learn in topic_quality.py)
    Normalised mutual information between topics and primary labels, arithmetic normalisation.
    0 = the grouping tells nothing about the label, 1 = the same partition (up to renaming).
ARI (scikit-learn)
    Adjusted Rand index: agreement on which pairs of papers share a group, corrected so that a
    random grouping scores about 0 (it can be negative); 1 = the same partition.
BCubed precision, recall, F1                                             `bcubed`
    Per paper: precision = share of its topic that has its primary label, recall = share of its
    label's papers that are in its topic; each averaged over papers, F1 = their harmonic mean.
    Unlike NMI it punishes one catch-all topic (low precision) and shredding (low recall) directly.
majority label                                                           `majority_labels`
    A topic's most common primary label among its primary members (ties: alphabetically first).
    A topic with no labelled member has none.
hit@any                                                                  `hit_rates`
    Share of papers whose primary topic's majority label is one of the paper's own labels
    (primary or secondary): would a reader looking for this paper's shelf find it in its topic?
hit@any with secondary topics                                            `hit_rates`
    Share of papers for which the majority label of ANY of its topics (primary or secondary) is
    one of its own labels.  Soft models get secondary topics by `secondary_topics`: a topic counts
    if its weight is >= 0.5 x the paper's largest weight (at most two besides the primary).
topic sizes                                                              `size_stats`
    Largest share (largest topic / all papers; catches a catch-all topic), smallest topic (catches
    topics too small to be worth a page) and all sizes, largest first.
top terms (c-TF-IDF)                                                     `ctfidf_top_terms`
    Every system's top ten terms come from its partition by the same rule, BERTopic's class-based
    TF-IDF: per topic, a term's count / the topic's token count, times log(1 + A / f_t), with A the
    average topic length in tokens and f_t the term's count over all topics.  So NPMI and
    diversity compare the groupings, not the systems' own ways of picking terms.
NPMI                                                                     `Cooccurrence`
    Coherence of a topic's top terms from document co-occurrence over the corpus: for a pair,
    log(p(i,j) / (p(i) p(j))) / -log p(i,j), -1 if the terms never share a paper, 1 if both are in
    every paper; a topic scores the mean over its pairs, a system the mean over its topics.
diversity                                                                `diversity`
    Unique terms across all topics' top-ten lists / (10 k): 1.0 means no two topics share a term.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from typing import Hashable, Iterable, Mapping, Sequence

import numpy as np

TOP_N = 10


# --------------------------------------------------------------------------
# Labels file


class LabelsError(ValueError):
    """The labels file cannot be used (the message names the line)."""


@dataclass
class Labels:
    primary: dict[str, str]  # paper id -> primary label
    secondary: dict[str, tuple[str, ...]]  # paper id -> secondary labels (may be empty)
    warnings: list[str] = field(default_factory=list)

    def own(self, paper_id: str) -> set[str]:
        """The paper's labels, primary and secondary."""
        return {self.primary[paper_id], *self.secondary[paper_id]}

    @property
    def distinct_primary(self) -> list[str]:
        return sorted(set(self.primary.values()))


def parse_labels(text: str, source: str = "labels") -> Labels:
    """Parse a tab-separated labels file.

    The first line is a header naming the columns; `id` and `primary` are required, `secondary`
    (empty, or label ids joined by ';') is optional and other columns (such as `title`) are
    ignored.  Blank lines are skipped.  A repeated id, an empty or spaced label, or a missing
    column is an error; a secondary label repeating the primary (or itself) is dropped with a
    warning.
    """
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise LabelsError(f"{source}: empty file (expected a header line: id<TAB>primary<TAB>secondary<TAB>title)")
    header = [h.strip().lower() for h in lines[0].split("\t")]
    for required in ("id", "primary"):
        if required not in header:
            raise LabelsError(f"{source}:1: header has no '{required}' column (got: {lines[0]!r})")
    col_id, col_primary = header.index("id"), header.index("primary")
    col_secondary = header.index("secondary") if "secondary" in header else None
    needed = max(col_id, col_primary) + 1

    labels = Labels(primary={}, secondary={})
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) < needed:
            raise LabelsError(f"{source}:{number}: expected at least {needed} tab-separated columns, got {len(cells)}")
        paper, primary = cells[col_id].strip(), cells[col_primary].strip()
        if not paper:
            raise LabelsError(f"{source}:{number}: empty id")
        if paper in labels.primary:
            raise LabelsError(f"{source}:{number}: id {paper!r} appears twice")
        if not primary or any(c.isspace() for c in primary):
            raise LabelsError(f"{source}:{number}: bad primary label {primary!r} for {paper!r}")
        raw = cells[col_secondary].strip() if col_secondary is not None and col_secondary < len(cells) else ""
        secondary: list[str] = []
        for label in (s.strip() for s in raw.split(";")):
            if not label:
                continue
            if any(c.isspace() for c in label):
                raise LabelsError(f"{source}:{number}: bad secondary label {label!r} for {paper!r}")
            if label == primary or label in secondary:
                labels.warnings.append(f"{source}:{number}: secondary label {label!r} repeated for {paper!r}, dropped")
                continue
            secondary.append(label)
        labels.primary[paper] = primary
        labels.secondary[paper] = tuple(secondary)
    if not labels.primary:
        raise LabelsError(f"{source}: no labelled papers after the header")
    return labels


# --------------------------------------------------------------------------
# Partition measures


def factorize(values: Sequence[Hashable]) -> tuple[np.ndarray, list[Hashable]]:
    """Integer codes for the values, by order of first appearance, and the distinct values."""
    index: dict[Hashable, int] = {}
    codes = np.fromiter((index.setdefault(v, len(index)) for v in values), dtype=np.int64, count=len(values))
    return codes, list(index)


def contingency(clusters: Sequence[Hashable], classes: Sequence[Hashable]) -> np.ndarray:
    """Counts[c, l] = number of items in cluster c with class l (rows and columns by first appearance)."""
    if len(clusters) != len(classes):
        raise ValueError(f"{len(clusters)} clusters for {len(classes)} classes")
    ci, _ = factorize(clusters)
    li, _ = factorize(classes)
    n_c, n_l = (int(ci.max()) + 1, int(li.max()) + 1) if len(ci) else (0, 0)
    return np.bincount(ci * n_l + li, minlength=n_c * n_l).reshape(n_c, n_l)


def bcubed(clusters: Sequence[Hashable], classes: Sequence[Hashable]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 (Amigo et al. 2009) of a hard clustering against classes.

    With n[c,l] items of class l in cluster c, the items of that cell each have precision
    n[c,l] / |c| and recall n[c,l] / |l|, so the sums over items are sum n[c,l]^2 / |c| and
    sum n[c,l]^2 / |l|.
    """
    table = contingency(clusters, classes).astype(float)
    n = table.sum()
    if n == 0:
        return math.nan, math.nan, math.nan
    squares = table**2
    precision = float((squares / table.sum(axis=1, keepdims=True)).sum() / n)
    recall = float((squares / table.sum(axis=0, keepdims=True)).sum() / n)
    f1 = 2 * precision * recall / (precision + recall)
    return precision, recall, f1


def majority_labels(topics: Sequence[Hashable], primary_labels: Sequence[str]) -> dict[Hashable, str]:
    """Each topic's most common primary label among its members; ties go to the alphabetically first.

    `topics[i]` is paper i's primary topic (None: no topic, ignored) and `primary_labels[i]` its
    primary label.  Topics with no member do not appear in the result.
    """
    counts: dict[Hashable, Counter] = {}
    for topic, label in zip(topics, primary_labels, strict=True):
        if topic is not None:
            counts.setdefault(topic, Counter())[label] += 1
    return {topic: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for topic, c in counts.items()}


def hit_rates(
    paper_topics: Sequence[Sequence[Hashable]],
    own_labels: Sequence[Iterable[str]],
    majority: Mapping[Hashable, str],
) -> tuple[float, float]:
    """(hit@any, hit@any with secondary topics).

    `paper_topics[i]` lists paper i's topics, primary first (empty: no topic, a miss);
    `own_labels[i]` its labels, primary and secondary.  A topic without a majority label never hits.
    """
    if len(paper_topics) != len(own_labels):
        raise ValueError(f"{len(paper_topics)} topic lists for {len(own_labels)} label sets")
    if not paper_topics:
        return math.nan, math.nan
    primary_hits = any_hits = 0
    for topics, own in zip(paper_topics, own_labels):
        own = set(own)
        hits = [majority.get(t) in own for t in topics]
        primary_hits += bool(hits and hits[0])
        any_hits += any(hits)
    n = len(paper_topics)
    return primary_hits / n, any_hits / n


def secondary_topics(weights: np.ndarray, primary: np.ndarray, ratio: float = 0.5, limit: int = 2) -> list[list[int]]:
    """Secondary topics of soft memberships: topics other than the primary whose weight is
    >= ratio x the row's largest weight (and > 0), heaviest first (ties: lower index), at most `limit`."""
    weights = np.asarray(weights, dtype=float)
    result = []
    for row, p in zip(weights, primary):
        top = row.max() if row.size else 0.0
        if top <= 0:
            result.append([])
            continue
        keep = np.flatnonzero((row >= ratio * top) & (row > 0))
        keep = keep[keep != p]
        keep = keep[np.lexsort((keep, -row[keep]))]
        result.append([int(j) for j in keep[:limit]])
    return result


def size_stats(sizes: Sequence[int], n_papers: int) -> dict:
    """Largest share, smallest size and all sizes (largest first) of a list of topic sizes."""
    ordered = sorted((int(s) for s in sizes), reverse=True)
    return {
        "largest_share": ordered[0] / n_papers if ordered and n_papers else math.nan,
        "smallest": ordered[-1] if ordered else 0,
        "sizes": ordered,
    }


# --------------------------------------------------------------------------
# Term measures


def ctfidf_top_terms(
    docs: Sequence[Sequence[str]], classes: Sequence[Hashable], top_n: int = TOP_N
) -> dict[Hashable, list[str]]:
    """Top terms of each class by class-based TF-IDF (BERTopic's c-TF-IDF).

    All of a class's documents are one bag of tokens.  Score of term t in class c:
    (count(t, c) / tokens in c) x log(1 + A / f_t), where A = average tokens per class and f_t =
    count of t over all classes.  Only positive scores count; ties go to the alphabetically first
    term.  Documents whose class is None are left out; classes with no tokens get no terms.
    """
    if len(docs) != len(classes):
        raise ValueError(f"{len(docs)} documents for {len(classes)} classes")
    kept = [(c, d) for c, d in zip(classes, docs) if c is not None]
    class_codes, class_values = factorize([c for c, _ in kept])
    vocab = sorted({t for _, d in kept for t in d})
    index = {t: i for i, t in enumerate(vocab)}
    counts = np.zeros((len(class_values), len(vocab)))
    rows = np.repeat(class_codes, [len(d) for _, d in kept])
    cols = np.fromiter((index[t] for _, d in kept for t in d), dtype=np.int64, count=len(rows))
    np.add.at(counts, (rows, cols), 1.0)

    lengths = counts.sum(axis=1)
    result: dict[Hashable, list[str]] = {c: [] for c in class_values}
    if not vocab:
        return result
    average = lengths.mean()
    totals = counts.sum(axis=0)
    idf = np.log1p(average / totals)
    with np.errstate(invalid="ignore", divide="ignore"):
        scores = np.where(lengths[:, None] > 0, counts / lengths[:, None], 0.0) * idf
    order_index = np.arange(len(vocab))  # vocab is sorted: index order is alphabetical order
    for c, value in enumerate(class_values):
        row = scores[c]
        order = np.lexsort((order_index, -row))
        result[value] = [vocab[i] for i in order[:top_n] if row[i] > 0]
    return result


def npmi(p_ij: float, p_i: float, p_j: float) -> float:
    """Normalised PMI of a pair from its joint and single probabilities."""
    if p_ij <= 0:
        return -1.0
    if p_ij >= 1:
        return 1.0
    return math.log(p_ij / (p_i * p_j)) / -math.log(p_ij)


class Cooccurrence:
    """Which documents contain each term (a term counts once per document)."""

    def __init__(self, docs: Sequence[Iterable[str]]):
        self.n_docs = len(docs)
        postings: dict[str, set[int]] = {}
        for d, terms in enumerate(docs):
            for t in set(terms):
                postings.setdefault(t, set()).add(d)
        self.postings = {t: frozenset(s) for t, s in postings.items()}

    def topic_npmi(self, terms: Sequence[str]) -> float:
        """Mean NPMI over all pairs of the terms; nan with fewer than two terms.  A term no
        document contains makes each of its pairs score -1."""
        if len(terms) < 2 or self.n_docs == 0:
            return math.nan
        n = self.n_docs
        empty: frozenset[int] = frozenset()
        scores = []
        for a, b in combinations(terms, 2):
            da, db = self.postings.get(a, empty), self.postings.get(b, empty)
            scores.append(npmi(len(da & db) / n, len(da) / n, len(db) / n))
        return float(np.mean(scores))


def mean_npmi(scores: Iterable[float]) -> float:
    """Mean of the topics' NPMI, leaving out topics with no score (nan)."""
    kept = [s for s in scores if not math.isnan(s)]
    return float(np.mean(kept)) if kept else math.nan


def diversity(top_terms: Sequence[Sequence[str]], top_n: int = TOP_N) -> float:
    """Unique terms across the topics' top-term lists / (top_n x number of topics).  Lists shorter
    than top_n lower the score instead of being excused."""
    if not top_terms:
        return math.nan
    unique = {t for terms in top_terms for t in terms}
    return len(unique) / (top_n * len(top_terms))
