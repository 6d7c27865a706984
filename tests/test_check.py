"""End to end on the seed pair and the fixture pairs: what an editor must see."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import discrepancy
from discrepancy import Document
from discrepancy.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SUMMARY = ROOT / "seeds" / "000_49d02485ee17d19b.txt"
SOURCE = ROOT / "seeds" / "004_1f1aacc786a3892f.txt"


@pytest.fixture(scope="module")
def seed_report() -> discrepancy.Report:
    return discrepancy.check(Document.from_path(str(SUMMARY)), [Document.from_path(str(SOURCE))])


def _find(report, kind, category, claim_has, evidence_has=None):
    for f in report.findings:
        if f.kind != kind or f.category != category or claim_has not in f.claim.text:
            continue
        if evidence_has is None or any(evidence_has in e.text for e in f.evidence):
            return f
    raise AssertionError(
        f"no {kind} {category} finding on {claim_has!r}; found: "
        + "; ".join(f"{f.kind}/{f.category}: {f.claim.text!r}" for f in report.findings)
    )


def test_inflated_shell_count_is_a_high_conflict(seed_report) -> None:
    f = _find(seed_report, "conflict", "quantity", "20 million+", "two million")
    assert f.severity == "high"
    assert f.ratio == pytest.approx(10, rel=0.01)
    assert f.evidence[0].doc != f.claim.doc


def test_rail_car_figures_contradict_each_other_inside_the_summary(seed_report) -> None:
    f = _find(seed_report, "internal", "quantity", "dozens of rail cars", "more than 800 rail cars")
    assert f.severity == "high"


def test_tons_per_rail_car_is_unsupported(seed_report) -> None:
    f = _find(seed_report, "unsupported", "quantity", "25-30 tons")
    assert f.evidence == ()


def test_no_spurious_conflicts_between_different_things(seed_report) -> None:
    for f in seed_report.findings:
        if f.category != "quantity" or f.kind == "unsupported":
            continue
        subjects = {f.claim.subject, *(e.subject for e in f.evidence)}
        texts = [f.claim.text, *(e.text for e in f.evidence)]
        assert not any("container" in t for t in texts), texts
        assert len(subjects) >= 1


def test_labels_and_back_references_are_not_figures(seed_report) -> None:
    # "Table 1." labels a table; "the two countries" and "the two heavily
    # sanctioned partners" point back at Russia and North Korea.
    flagged = [f.claim.text for f in seed_report.findings if f.severity != "low"]
    assert "1" not in flagged
    assert not any("two" in t.lower() for t in flagged), flagged


def test_a_document_checked_against_itself_reports_nothing() -> None:
    for path in (SUMMARY, SOURCE):
        doc = Document.from_path(str(path))
        report = discrepancy.check(doc, [doc])
        bad = [f for f in report.findings if f.kind in ("conflict", "unsupported")]
        assert bad == [], [(f.code, f.claim.text) for f in bad]


def test_report_dict_frame_and_findings_agree(seed_report) -> None:
    d = seed_report.to_dict()
    frame = seed_report.to_frame()
    assert d["version"] == 1
    fingerprints = [f.fingerprint for f in seed_report.findings]
    assert [r["fingerprint"] for r in d["findings"]] == fingerprints
    assert list(frame["fingerprint"]) == fingerprints
    assert {x["role"] for x in d["documents"]} == {"target", "source"}
    for rec in d["findings"]:
        assert rec["kind"] in ("conflict", "unsupported", "internal")
        assert rec["claim"]["line"] >= 1 and rec["claim"]["column"] >= 1
        text = SUMMARY.read_text(encoding="utf-8")
        assert text[rec["claim"]["start"] : rec["claim"]["end"]] == rec["claim"]["text"]
    json.dumps(d)  # serializable as is


def test_check_is_deterministic() -> None:
    a = discrepancy.check(SUMMARY.read_text(encoding="utf-8"), [SOURCE.read_text(encoding="utf-8")])
    b = discrepancy.check(SUMMARY.read_text(encoding="utf-8"), [SOURCE.read_text(encoding="utf-8")])
    assert json.dumps(a.to_dict(), sort_keys=True) == json.dumps(b.to_dict(), sort_keys=True)


def test_fingerprints_survive_edits_elsewhere() -> None:
    text = SUMMARY.read_text(encoding="utf-8")
    source = SOURCE.read_text(encoding="utf-8")
    before = discrepancy.check(text, [source])
    after = discrepancy.check("EDITOR'S NOTE: updated.\n\n" + text, [source])
    fp = {f.fingerprint for f in before.findings if "20 million+" in f.claim.text}
    assert fp and fp <= {f.fingerprint for f in after.findings}


def test_extract_returns_claims_of_every_category() -> None:
    claims = discrepancy.extract(SUMMARY.read_text(encoding="utf-8"))
    assert {c.category for c in claims} == {"quantity", "date", "attribution"}
    shells = [c for c in claims if c.quantity and "20 million" in c.text]
    assert shells and shells[0].quantity.low == 20_000_000


def test_readme_shows_what_make_demo_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    # The README's sample output is the real output of `make demo`, kept honest.
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, [
        "check", "seeds/000_49d02485ee17d19b.txt", "--against", "seeds/004_1f1aacc786a3892f.txt",
    ], env={"COLUMNS": "100"})
    assert result.exit_code == 1
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    summary = result.output.strip().splitlines()[-1]
    assert summary in readme
    sample = readme.split("make demo` prints", 1)[1].split("```")[1]
    rows = [ln for ln in sample.splitlines() if ln.startswith("│")]
    assert rows and all(row in result.output for row in rows)


def test_one_verdict_per_figure(seed_report) -> None:
    # "dozens of rail cars" contradicts the summary's own "more than 800": the
    # internal conflict is shown, not also a weaker "no source gives it".
    on_dozens = [f.kind for f in seed_report.findings if f.claim.text == "dozens of rail cars"]
    assert on_dozens == ["internal"]
