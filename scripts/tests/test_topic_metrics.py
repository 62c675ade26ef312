"""Hand-computed cases for scripts/topic_metrics.py (run by `make test` through tests-browser/run.sh)."""

import math
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import topic_metrics as tm  # noqa: E402


# BCubed ---------------------------------------------------------------------


def test_bcubed_five_items_by_hand():
    # Cluster A = {1,2,3,4}, B = {5}; class x = {1,2}, y = {3,4,5}.
    # Precision: items 1-4 are in A, half of which shares each one's class: 4 x 1/2; item 5: 1/1.
    #   P = (0.5 * 4 + 1) / 5 = 3/5.
    # Recall: items 1,2 (class x, 2 items) have both in A: 1 each; items 3,4 (class y, 3 items)
    #   have 2 of y in A: 2/3 each; item 5 has 1 of y in B: 1/3.  R = (2 + 4/3 + 1/3) / 5 = 11/15.
    # F1 = 2 P R / (P + R) = 2 * (9/15) * (11/15) / (20/15) = 0.66.
    p, r, f = tm.bcubed(["A", "A", "A", "A", "B"], ["x", "x", "y", "y", "y"])
    assert p == pytest.approx(3 / 5)
    assert r == pytest.approx(11 / 15)
    assert f == pytest.approx(0.66)


def test_bcubed_extremes():
    classes = ["x", "x", "y", "y", "y"]
    assert tm.bcubed([7, 7, 3, 3, 3], classes) == pytest.approx((1.0, 1.0, 1.0))
    # One catch-all cluster: full recall, precision = (2*(2/5) + 3*(3/5)) / 5 = 13/25.
    p, r, _ = tm.bcubed([0] * 5, classes)
    assert (p, r) == pytest.approx((13 / 25, 1.0))
    # Singletons: full precision, recall = (2*(1/2) + 3*(1/3)) / 5 = 2/5.
    p, r, _ = tm.bcubed([0, 1, 2, 3, 4], classes)
    assert (p, r) == pytest.approx((1.0, 2 / 5))


def test_contingency_counts():
    table = tm.contingency(["a", "a", "b", "a"], ["x", "y", "y", "y"])
    assert table.tolist() == [[1, 2], [0, 1]]


# Majority labels and hit@any --------------------------------------------------


def test_majority_label_votes_then_alphabet():
    topics = [0, 0, 0, 1, 1, None]
    labels = ["z", "z", "a", "m", "b", "q"]
    # Topic 0: z has 2 votes and beats a; topic 1: m and b tie, b is alphabetically first.
    assert tm.majority_labels(topics, labels) == {0: "z", 1: "b"}


def test_hit_rates_with_tie_and_secondary():
    # Topic 0's members have primaries "reasoning" and "evaluation": a tie, so the majority is
    # "evaluation".  Topic 1's majority is "semantics".
    majority = tm.majority_labels([0, 0, 1], ["reasoning", "evaluation", "semantics"])
    assert majority == {0: "evaluation", 1: "semantics"}
    paper_topics = [
        [0],  # own {reasoning}: topic 0 says evaluation -> miss, no secondary
        [0],  # own {evaluation}: hit
        [1],  # own {semantics}: hit
        [0, 1],  # own {reasoning, semantics}: primary misses, secondary topic 1 hits
        [],  # no topic at all: miss
        [2],  # a topic without a majority label: miss
    ]
    own = [{"reasoning"}, {"evaluation"}, {"semantics"}, {"reasoning", "semantics"}, {"semantics"}, {"x"}]
    hit, hit_secondary = tm.hit_rates(paper_topics, own, majority)
    assert hit == pytest.approx(2 / 6)
    assert hit_secondary == pytest.approx(3 / 6)


def test_secondary_topics_half_of_max_at_most_two():
    weights = np.array(
        [
            [0.50, 0.30, 0.25, 0.10],  # 0.30 and 0.25 reach 0.5 x 0.50; 0.10 does not
            [0.20, 0.20, 0.20, 0.20],  # all tie: two lowest indices besides the primary
            [0.00, 0.00, 0.00, 0.00],  # no weight: none
            [0.10, 0.40, 0.00, 0.05],  # primary is not the argmax here: 1 still qualifies
        ]
    )
    primary = np.array([0, 2, 0, 0])
    assert tm.secondary_topics(weights, primary) == [[1, 2], [0, 1], [], [1]]


def test_size_stats():
    stats = tm.size_stats([3, 10, 7], 20)
    assert stats == {"largest_share": 0.5, "smallest": 3, "sizes": [10, 7, 3]}


# c-TF-IDF, NPMI, diversity ----------------------------------------------------


def test_ctfidf_prefers_term_only_one_class_uses():
    docs = [
        ["model", "model", "grokking"],
        ["model", "grokking"],
        ["model", "model", "metaphor"],
        ["model", "idiom"],
    ]
    top = tm.ctfidf_top_terms(docs, ["g", "g", "f", "f"], top_n=2)
    # Class g: model 3/5, grokking 2/5; class f: model 3/5, metaphor 1/5, idiom 1/5.  A = 5.
    # idf(model) = log(1 + 5/6), idf(grokking) = log(1 + 5/2), idf(metaphor) = idf(idiom) = log 6.
    # g: grokking 0.4 * log 3.5 = 0.501 > model 0.6 * log(11/6) = 0.364.
    # f: metaphor = idiom = 0.2 * log 6 = 0.358 < model 0.364, so model leads, then the tie goes
    #    to the alphabetically first: idiom.
    assert top == {"g": ["grokking", "model"], "f": ["model", "idiom"]}


def test_ctfidf_exact_scores_and_unassigned_docs():
    # A doc without a class is left out: "noise" never appears.
    docs = [["a", "b"], ["a", "c"], ["noise"]]
    top = tm.ctfidf_top_terms(docs, [0, 1, None], top_n=10)
    # Each class: 2 tokens, A = 2; f_a = 2 -> log 2, f_b = f_c = 1 -> log 3: b and c lead.
    assert top == {0: ["b", "a"], 1: ["c", "a"]}


def test_npmi_by_hand():
    docs = [["x", "y", "w"], ["x", "y"], ["z", "w"], ["z"]]
    co = tm.Cooccurrence(docs)
    # x,y: always together, p = 1/2 each and jointly -> log(0.5/0.25) / -log 0.5 = 1.
    assert co.topic_npmi(["x", "y"]) == pytest.approx(1.0)
    # x,w: p(x,w) = 1/4 = p(x) p(w): independent -> 0.
    assert co.topic_npmi(["x", "w"]) == pytest.approx(0.0)
    # x,y,z: pairs 1, -1 (x,z never together), -1 (y,z) -> -1/3.
    assert co.topic_npmi(["x", "y", "z"]) == pytest.approx(-1 / 3)
    # An unknown term scores -1 with everything; a single term has no pairs.
    assert co.topic_npmi(["x", "nowhere"]) == pytest.approx(-1.0)
    assert math.isnan(co.topic_npmi(["x"]))
    assert tm.mean_npmi([0.5, math.nan, 0.1]) == pytest.approx(0.3)


def test_diversity():
    assert tm.diversity([["a", "b"], ["b", "c"]], top_n=2) == pytest.approx(3 / 4)
    # A short list lowers the score.
    assert tm.diversity([["a", "b"], ["c"]], top_n=2) == pytest.approx(3 / 4)


# Labels file ----------------------------------------------------------------


def test_parse_labels():
    text = (
        "id\tprimary\tsecondary\ttitle\n"
        "p1\treasoning\tevaluation;generalization\tA title\n"
        "p2\tsemantics\t\tAnother\n"
        "\n"
        "p3\talignment\talignment;training;training\tRepeats\n"
    )
    labels = tm.parse_labels(text)
    assert labels.primary == {"p1": "reasoning", "p2": "semantics", "p3": "alignment"}
    assert labels.secondary == {"p1": ("evaluation", "generalization"), "p2": (), "p3": ("training",)}
    assert labels.own("p1") == {"reasoning", "evaluation", "generalization"}
    assert labels.distinct_primary == ["alignment", "reasoning", "semantics"]
    assert len(labels.warnings) == 2


def test_parse_labels_without_secondary_column_or_title():
    labels = tm.parse_labels("id\tprimary\np1\tother\n")
    assert labels.secondary == {"p1": ()}


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "empty file"),
        ("paper\tprimary\np1\tx\n", "no 'id' column"),
        ("id\tprimary\tsecondary\np1\tx\t\np1\ty\t\n", "appears twice"),
        ("id\tprimary\tsecondary\np1\n", "columns"),
        ("id\tprimary\tsecondary\np1\t\t\n", "bad primary"),
        ("id\tprimary\tsecondary\n", "no labelled papers"),
    ],
)
def test_parse_labels_errors(text, message):
    with pytest.raises(tm.LabelsError, match=message):
        tm.parse_labels(text)
