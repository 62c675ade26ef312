"""Hand-computed cases for the page-change figures of scripts/topic_continuity.py (run by `make test`
through tests-browser/run.sh)."""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import topic_continuity as tc  # noqa: E402


def test_page_changes_counts_earlier_pages_only_and_tells_new_papers_from_weights():
    before = {
        "a": ("h-a", ["b", "c"]),
        "b": ("h-b", ["a", "c"]),
        "c": ("h-c", ["a", "b"]),
        "d": ("h-d", ["a", "b"]),
    }
    after = {
        "a": ("h-a2", ["new", "b"]),  # a new paper joined its list
        "b": ("h-b2", ["c", "a"]),  # reordered among earlier papers
        "c": ("h-c2", ["a", "b"]),  # page changed, list did not
        "d": ("h-d", ["a", "b"]),  # untouched
        "new": ("h-new", ["a", "b"]),  # not an earlier paper: not counted
    }
    assert tc.page_changes(before, after) == {"changed_pct": 75.0, "related_pct": 50.0, "related_new_pct": 25.0}


def test_page_changes_leaves_out_papers_gone_from_the_later_build():
    before = {"a": ("1", ["b"]), "b": ("2", ["a"])}
    after = {"a": ("1", ["c"]), "c": ("3", ["a"])}
    assert tc.page_changes(before, after) == {"changed_pct": 0.0, "related_pct": 100.0, "related_new_pct": 100.0}


def test_paper_pages_reads_related_slugs_and_hashes_pages(tmp_path):
    papers = [{"id": "one", "related": [1]}, {"id": "two", "related": [0]}]
    (tmp_path / "papers.json").write_text(json.dumps(papers))
    for slug, body in (("one", "<p>1</p>"), ("two", "<p>2</p>")):
        (tmp_path / "papers" / slug).mkdir(parents=True)
        (tmp_path / "papers" / slug / "index.html").write_text(body)
    pages = tc.paper_pages(str(tmp_path))
    assert pages["one"][1] == ["two"] and pages["two"][1] == ["one"]
    assert pages["one"][0] != pages["two"][0]
