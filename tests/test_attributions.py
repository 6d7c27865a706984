"""Attribution helpers and the attribution and date comparers on the seeds. The
sentence rows are in ``tests/corpora/recognizers/attributions.yaml`` and
``tests/corpora/checks/DQ3*.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from discrepancy.checks.attributions import find_attribution_findings
from discrepancy.checks.dates import find_date_findings
from discrepancy.model import Claim, Document
from discrepancy.recognizers.attributions import (
    canonical_entity,
    entity_keys,
    extract_attributions,
    is_vague,
    person_name,
    same_person,
    speaker_kind,
)
from discrepancy.recognizers.dates import extract_dates

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_statement_subject_leaves_out_the_speaker() -> None:
    doc = Document.from_text(
        "Analysts told The Wall Street Journal that North Korea exported 800 rail cars."
    )
    (c,) = extract_attributions(doc)
    words = c.subject.split()
    assert "rail" in words and "journal" not in words and "analyst" not in words


@pytest.mark.parametrize(
    ("surface", "vague"),
    [
        ("analysts", True),
        ("A senior U.S. defense official", True),
        ("Western officials", True),
        ("U.S. and South Korean intelligence estimates", True),
        ("The British government", False),
        ("Ukrainian military intelligence chief Kyrylo Budanov", False),
        ("The U.S. Embassy in Georgia", False),
        # counted back-references name parties already named
        ("The two countries", True),
        # "the company said" points back at a firm named earlier
        ("The company", True),
        ("the firm", True),
        ("Leeds City Council", False),
        ("Both sides", True),
        ("The two Koreas' defence ministries", False),
    ],
)
def test_vague_speakers(surface: str, vague: bool) -> None:
    assert is_vague(surface) is vague


def test_entity_normalization() -> None:
    assert canonical_entity("The British government") == "uk government"
    assert canonical_entity("the United Kingdom government") == "uk government"
    assert canonical_entity("The U.S. State Department") == "us state department"
    assert canonical_entity("United States State Department") == "us state department"
    assert entity_keys("Ukrainian military intelligence chief Kyrylo Budanov") == ["budanov"]
    assert entity_keys("The British government") == ["uk"]
    assert speaker_kind("Bloomberg News") == "outlet"
    assert speaker_kind("The White House") == "government"
    assert speaker_kind("Kyrylo Budanov") == "person"


# ---------------------------------------------------------------- seed pair


def _load(name: str, id: str) -> tuple[Document, list[Claim]]:
    doc = Document.from_text((SEEDS / name).read_text("utf-8"), id=id)
    return doc, extract_dates(doc) + extract_attributions(doc)


@pytest.fixture(scope="module")
def seed_pair() -> tuple[tuple[Document, list[Claim]], tuple[Document, list[Claim]]]:
    return _load("000_49d02485ee17d19b.txt", "summary"), _load("004_1f1aacc786a3892f.txt", "src")


def test_seed_attribution_findings(seed_pair) -> None:  # type: ignore[no-untyped-def]
    (t, tc), source = seed_pair
    found = find_attribution_findings(t, tc, [source])
    by_kind = {(f.kind, f.claim.attribution.speaker_surface): f for f in found}  # type: ignore[union-attr]
    unsupported = {s for k, s in by_kind if k == "unsupported"}
    conflicts = {s for k, s in by_kind if k == "conflict"}
    assert "The U.S. Embassy in Georgia" in unsupported
    assert "Ukrainian military intelligence chief Kyrylo Budanov" in unsupported
    assert {"the British government", "Analysts"} <= conflicts
    wsj = by_kind[("conflict", "Analysts")]
    assert '"The Wall Street Journal"' in wsj.message and '"Bloomberg News"' in wsj.message
    assert wsj.severity == "high" and wsj.code == "DQ301"
    british = by_kind[("conflict", "the British government")]
    assert "State Department" in british.message
    assert all(f.severity in ("medium", "high") for f in found)
    # generic speakers are never reported at medium or above
    assert not any(
        f.claim.attribution is not None and is_vague(f.claim.attribution.speaker_surface)
        and not f.claim.attribution.outlet and f.severity != "low"
        for f in found
    )


def test_seed_date_findings(seed_pair) -> None:  # type: ignore[no-untyped-def]
    (t, tc), source = seed_pair
    found = find_date_findings(t, tc, [source])
    kinds = {(f.kind, f.claim.text) for f in found}
    assert ("conflict", "between September 2022 and January 2023") in kinds
    assert ("internal", "Jan 23, 2024") in kinds
    conflict = next(f for f in found if f.kind == "conflict")
    assert conflict.evidence[0].text == "since September"
    assert conflict.code == "DQ201"


@pytest.mark.parametrize("name", ["000_49d02485ee17d19b.txt", "004_1f1aacc786a3892f.txt"])
def test_document_against_itself_has_no_conflicts(name: str) -> None:
    doc, claims = _load(name, "self")
    found = find_attribution_findings(doc, claims, [(doc, claims)])
    found += find_date_findings(doc, claims, [(doc, claims)])
    assert [f for f in found if f.kind in ("conflict", "unsupported")] == []


def test_single_dateline_is_not_internal() -> None:
    doc = Document.from_text("Jan 23, 2024\n\nTalks resumed on Monday in Geneva.\n")
    claims = extract_dates(doc)
    assert find_date_findings(doc, claims, []) == []


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(
    ["The", "U.S.", "State", "Department", "said", "told", "The", "Wall", "Street", "Journal",
     "according", "to", "analysts", "quoted", "estimates", "that", ",", ".", "the", "Reuters",
     "in", "Georgia", "'s", "report"]), max_size=40))
def test_spans_are_exact_on_any_word_salad(words: list[str]) -> None:
    text = " ".join(words) or "x"
    doc = Document.from_text(text)
    for c in extract_attributions(doc):
        assert doc.text[c.start:c.end] == c.text
        a = c.attribution
        assert a is not None and doc.text[a.speaker_start:a.speaker_end] == a.speaker_surface


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("finance chief Lars Brenner", "chief financial officer Lars Brenner", True),
        ("Carvalho", "Interior Minister Marta Carvalho", True),
        ("Simon Blake", "Humber Ports Group chief executive Simon Blake", True),
        ("Rail Minister Helen Ashworth", "Humber Ports Group chief executive Simon Blake", False),
        ("Marta Carvalho", "Rui Carvalho", False),
    ],
)
def test_people_are_matched_by_name_not_title(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same


def test_companies_and_services_are_not_people() -> None:
    assert speaker_kind("German car-parts maker Vestrand AG") != "person"
    assert speaker_kind("The National Weather Service") != "person"
    assert speaker_kind("campaign group Public Spending Watch") != "person"
    assert speaker_kind("The Trussell Trust") != "person"  # people take no article
    assert speaker_kind("Save the Children Fund") != "person"
    assert person_name("finance chief Lars Brenner") == ("lars", "brenner")


