"""Baselines: accept today's findings, report only new ones."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from test_report_helpers import sample_report

from discrepancy.app.baseline import apply_baseline, baseline_text, read_baseline, write_baseline
from discrepancy.errors import InputError


def test_round_trip_hides_every_known_finding(tmp_path: Path) -> None:
    report = sample_report()
    path = tmp_path / "baseline.json"
    write_baseline(path, report)
    known = read_baseline(path)
    assert known == {f.fingerprint for f in report.findings}
    shown, hidden = apply_baseline(report, known)
    assert shown.findings == () and hidden == 3


def test_new_finding_is_still_reported(tmp_path: Path) -> None:
    report = sample_report()
    old = replace(report, findings=report.findings[1:])
    path = tmp_path / "baseline.json"
    write_baseline(path, old)
    shown, hidden = apply_baseline(report, read_baseline(path))
    assert shown.findings == report.findings[:1] and hidden == 2


def test_baseline_is_readable_and_deterministic() -> None:
    report = sample_report()
    text = baseline_text(report)
    assert text == baseline_text(replace(report, findings=tuple(reversed(report.findings))))
    data = json.loads(text)
    assert data["version"] == 1 and data["tool"] == "discrepancy"
    entry = data["findings"][0]
    assert set(entry) == {"fingerprint", "code", "doc", "claim"}


def test_fingerprints_survive_edits_elsewhere_in_the_document() -> None:
    from test_report_helpers import TARGET_TEXT

    before = {f.fingerprint for f in sample_report().findings}
    after = {f.fingerprint for f in sample_report("Breaking.\n\n" + TARGET_TEXT).findings}
    assert before == after


@pytest.mark.parametrize(("content", "message"), [
    (None, "no such baseline file"),
    ("{", "not valid JSON"),
    ("[]", "not a discrepancy baseline"),
    ('{"tool": "discrepancy", "version": 9, "findings": []}', "version 9 is not supported"),
    ('{"tool": "discrepancy", "version": 1, "findings": [{}]}', "without a fingerprint"),
])
def test_bad_baselines_are_input_errors(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_baseline(path)
