"""Attribution extraction on news sentences; the attribution and date comparers on the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import discrepancy
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


def _pair(target: str, source: str) -> list[str]:
    t = Document.from_text(target, id="t")
    s = Document.from_text(source, id="s")
    tc = extract_dates(t) + extract_attributions(t)
    sc = extract_dates(s) + extract_attributions(s)
    found = find_attribution_findings(t, tc, [(s, sc)]) + find_date_findings(t, tc, [(s, sc)])
    return [f"{f.kind}: {f.message}" for f in found]


def test_outlet_is_not_contradicted_by_a_person() -> None:
    got = _pair(
        "Analysts told The Wall Street Journal that rail cars moved munitions to the depot.",
        "Spokesman John Kirby told reporters that rail cars moved munitions to the depot.",
    )
    assert got == [
        'unsupported: No source mentions the outlet "The Wall Street Journal" this is '
        "attributed to."
    ]


def test_swapped_outlet_is_a_conflict() -> None:
    got = _pair(
        "Officials told Reuters that 300 rail cars carried munitions to the depot at Tikhoretsk.",
        "Officials told Bloomberg News that 300 rail cars carried munitions to the Tikhoretsk "
        "depot.",
    )
    assert got == ['conflict: Summary attributes this to "Reuters"; the source cites '
                   '"Bloomberg News".']


def test_same_speaker_with_alias_is_supported() -> None:
    got = _pair(
        "Jan 23, 2024\n\nThe UK government said the vessels docked at Nakhodka port.",
        "Jan 24, 2024\n\nThe British government said the ships docked at the port of Nakhodka.",
    )
    assert got == []


def test_period_evidence_prefers_a_period() -> None:
    got = _pair(
        "Feb 24, 2024\n\nNorth Korea shipped containers of munitions to the Vostochny terminal "
        "between March 2022 and May 2022.",
        "Feb 24, 2024\n\nThe department said on Friday that North Korea shipped containers of "
        "munitions to the Vostochny terminal since September.",
    )
    assert len(got) == 1 and '"since September"' in got[0]


def _speakers(text: str) -> list[tuple[str, str]]:
    out = []
    for c in extract_attributions(Document.from_text(text)):
        assert c.attribution is not None
        out.append((c.text, c.attribution.speaker_surface))
    return out


def test_pronoun_speaker_is_the_last_named_person_of_the_paragraph() -> None:
    got = _speakers(
        "Interior Minister Marta Carvalho announced an aid package. \"No one will be left "
        "alone,\" she said.\n\n\"The water rose fast,\" he said."
    )
    assert got == [
        ("Interior Minister Marta Carvalho", "Interior Minister Marta Carvalho"),
        ("she", "Interior Minister Marta Carvalho"),
    ]  # "he" opens a new paragraph with nobody named: no speaker


def test_bare_surname_takes_the_full_name_and_may_open_a_sentence() -> None:
    got = _speakers(
        "Orders fell, chief financial officer Lars Brenner said. Brenner said the cuts "
        "would save money. Carvalho said little."
    )
    assert got[0] == ("chief financial officer Lars Brenner",
                      "chief financial officer Lars Brenner")
    assert got[1] == ("Brenner", "chief financial officer Lars Brenner")
    assert len(got) == 2  # "Carvalho" is named nowhere mid-sentence: maybe no name at all


def test_time_words_end_a_speaker_phrase() -> None:
    assert _speakers("On Monday evening authorities confirmed seven deaths.") == [
        ("authorities", "authorities")
    ]


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


def test_paraphrased_title_is_the_same_speaker() -> None:
    got = _pair(
        "Orders for electric drive units were down by about 33%, according to finance chief "
        "Lars Brenner.",
        "Orders for electric drive units were down by roughly a third from a year earlier, "
        "chief financial officer Lars Brenner said.",
    )
    assert got == []


def test_quote_sentence_belongs_to_the_speaker_where_it_closes() -> None:
    got = _pair(
        "Joaquim Ferreira told Lusa that the water came up to the first floor in twenty "
        "minutes.",
        "Interior Minister Marta Carvalho said aid was approved for families.\n\n"
        "\"It came up to the first floor in twenty minutes. We climbed onto the roof,\" "
        "Joaquim Ferreira, 67, told the Lusa news agency.",
    )
    assert got == []


def test_quote_moved_to_another_speaker_is_a_conflict() -> None:
    got = _pair(
        "\"Every tonne we move by rail is a tonne not clogging up the motorway,\" said Humber "
        "Ports Group chief executive Simon Blake.",
        "\"Every tonne we move by rail is a tonne not clogging up the motorway,\" Rail Minister "
        "Helen Ashworth said in a statement.\n\nSimon Blake, chief executive of Humber Ports "
        "Group, said the line would help the port compete.",
    )
    assert got == ['conflict: Summary attributes this to "Humber Ports Group chief executive '
                   'Simon Blake"; the source cites "Rail Minister Helen Ashworth".']


def test_outlet_named_nowhere_for_sourced_words_is_a_conflict() -> None:
    got = _pair(
        "\"We are not seeing the recovery in electric vehicle volumes,\" chief executive "
        "Katrin Oberholz told the Financial Times.",
        "\"We are not seeing the recovery in electric vehicle volumes,\" Oberholz told "
        "analysts on a conference call.",
    )
    assert len(got) == 1 and got[0].startswith("conflict:") and "Financial Times" in got[0]


def test_outlet_named_only_in_the_sources_address_is_supported() -> None:
    got = _pair(
        "\"We had maybe ten minutes,\" evacuee Carla Medina, 52, told the Rogue Valley Ledger.",
        "\"We had maybe ten minutes,\" said Medina, 52.\n\nContact: "
        "jellis@roguevalleyledger.example",
    )
    assert got == []


def test_people_sharing_a_scene_are_not_swapped_quotes() -> None:
    got = _pair(
        "At the strike tent outside the container terminal, crane operator Jakub Mazur, 41, "
        "said workers were not ignoring the damage.",
        "\"They are not asking for a favour,\" union chairman Tomasz Wrona said at a rally "
        "outside the container terminal on Monday.",
    )
    assert not any(g.startswith("conflict") for g in got)


def test_a_pronoun_never_resolves_to_an_organisation() -> None:
    # "He" after "The Trussell Trust claimed": no person named yet, so no speaker
    # to set against the source's "Mr Duncan Smith".
    summary = ("The Trussell Trust claimed that 1 million people are being fed from food banks . "
               "But Tory benefits chief Iain Duncan Smith questioned the numbers . He said the "
               "best way to help families was to get people into work .")
    source = ("The Trussell Trust said more than a million people used food banks. Work and "
              "Pensions Secretary Iain Duncan Smith questioned the figures. Mr Duncan Smith said "
              "the best way to help families was to get people into work.")
    report = discrepancy.check(summary, [source])
    assert [f for f in report.findings if f.code == "DQ301"] == []
