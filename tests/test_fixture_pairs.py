"""Dates and attributions on the fixture pairs: every planted date or attribution
error is found with its category and kind, and a faithful summary raises no date
or attribution finding an editor would have to chase (medium or above)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

import discrepancy
from discrepancy import Document
from discrepancy.model import SEVERITY_RANK, Finding

PAIRS = Path(__file__).resolve().parent.parent / "fixtures" / "pairs"
STORIES = sorted(p.name for p in PAIRS.iterdir() if (p / "expected.json").is_file())
CATEGORIES = ("date", "attribution")


def _expected(story: str) -> dict:
    return json.loads((PAIRS / story / "expected.json").read_text("utf-8"))


@cache
def _report(story: str, target: str) -> discrepancy.Report:
    exp = _expected(story)
    sources = [Document.from_path(str(PAIRS / story / s)) for s in exp["sources"]]
    return discrepancy.check(Document.from_path(str(PAIRS / story / target)), sources)


def _ours(report: discrepancy.Report) -> list[Finding]:
    return [f for f in report.findings if f.category in CATEGORIES]


PLANTED = [
    pytest.param(story, p, id=f"{story}:{p['claim_text'][:40]}")
    for story in STORIES
    for p in _expected(story)["planted"]
    if p["category"] in CATEGORIES
]


@pytest.mark.parametrize(("story", "planted"), PLANTED)
def test_planted_date_and_attribution_errors_are_found(story: str, planted: dict) -> None:
    exp = _expected(story)
    report = _report(story, exp["target"])
    text = report.documents[0].text
    at = text.find(planted["claim_text"])
    assert at >= 0, "claim_text is not in the target"
    lo, hi = at, at + len(planted["claim_text"])
    hits = [
        f for f in _ours(report)
        if f.claim.start < hi and lo < f.claim.end  # the finding's span overlaps the claim
    ]
    assert hits, f"nothing found for {planted['claim_text']!r}: {_describe(_ours(report))}"
    assert any(
        (f.category, f.kind) == (planted["category"], planted["kind"]) for f in hits
    ), _describe(hits)


@pytest.mark.parametrize("story", STORIES)
def test_faithful_summary_raises_no_date_or_attribution_finding(story: str) -> None:
    exp = _expected(story)
    report = _report(story, exp["clean_target"])
    loud = [f for f in _ours(report) if SEVERITY_RANK[f.severity] >= SEVERITY_RANK["medium"]]
    assert loud == [], _describe(loud)


@pytest.mark.parametrize("story", STORIES)
def test_must_not_flag_entries_raise_no_date_or_attribution_finding(story: str) -> None:
    exp = _expected(story)
    for entry in exp.get("must_not_flag", []):
        report = _report(story, entry["file"])
        text = report.documents[0].text
        at = text.find(entry["claim_text"])
        if at < 0:
            continue
        lo, hi = at, at + len(entry["claim_text"])
        wrong = [f for f in _ours(report) if f.claim.start < hi and lo < f.claim.end]
        assert wrong == [], _describe(wrong)


def _describe(findings: list[Finding]) -> str:
    return "; ".join(
        f"{f.code} {f.kind} {f.severity} {f.claim.text!r}: {f.message}" for f in findings
    )


FILES = sorted(
    str(p.relative_to(PAIRS))
    for p in PAIRS.glob("*/*")
    if p.suffix in (".txt", ".md", ".html")
)


@pytest.mark.parametrize("name", FILES)
def test_fixture_checked_against_itself_has_no_date_or_attribution_finding(name: str) -> None:
    path = str(PAIRS / name)
    report = discrepancy.check(Document.from_path(path), [Document.from_path(path)])
    wrong = [f for f in _ours(report) if f.kind != "internal"]
    assert wrong == [], _describe(wrong)
