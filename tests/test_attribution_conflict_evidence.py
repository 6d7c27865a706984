"""DQ301 needs evidence of a swap: a speaker the sources never name, or a quotation
the sources give word for word to someone else.

Real LLM summaries (FaithBench / RAGTruth) credit paraphrased statements to an
organisation or person the article does mention; the article credits nearby
sentences to somebody else. Those rows must stay silent.
"""

from __future__ import annotations

import pytest

from discrepancy.checks.attributions import find_attribution_findings
from discrepancy.model import Document
from discrepancy.recognizers.attributions import extract_attributions
from discrepancy.recognizers.dates import extract_dates


def _conflicts(target: str, source: str) -> list[str]:
    t = Document.from_text(target, id="t")
    s = Document.from_text(source, id="s")
    tc = extract_dates(t) + extract_attributions(t)
    sc = extract_dates(s) + extract_attributions(s)
    return [f.message for f in find_attribution_findings(t, tc, [(s, sc)]) if f.kind == "conflict"]


# (summary sentence, source passage): the summary's speaker is named in the source.
SILENT = [
    pytest.param(
        "The Federal Aviation Administration initially reported a pressurisation issue, but "
        "then issued a statement that did not reference any pressurisation problems.",
        "Minutes later, Johnson says, the attendant announced there was a pressurization problem "
        "and told passengers to prepare for the emergency landing. The Federal Aviation "
        "Administration on Wednesday initially reported a pressurization problem with SkyWest "
        "Flight 5622, and said it would investigate. It later issued a statement that did not "
        "reference any pressurization issues.",
        id="organisation-beside-a-passenger",
    ),
    pytest.param(
        "Human Rights Watch said the abuse by ISIS forces amounts to war crimes.",
        "An investigation by Human Rights Watch found \"a system of organized rape and sexual "
        "assault, sexual slavery, and forced marriage by ISIS forces,\" actions that the group "
        "says \"are war crimes and may be crimes against humanity.\"",
        id="organisation-called-the-group",
    ),
    pytest.param(
        "The airstrikes resumed after Houthi rebels attacked a Yemeni government brigade, "
        "Houthi rebels said.",
        "Houthi rebels have seized the city. But less than 24 hours later, after rebel forces "
        "attacked a Yemeni government military brigade, the airstrikes resumed, according to "
        "security sources in Taiz.",
        id="group-named-elsewhere-in-article",
    ),
]


@pytest.mark.parametrize(("summary", "source"), SILENT)
def test_a_speaker_the_sources_name_is_no_swap(summary: str, source: str) -> None:
    assert _conflicts(summary, source) == []


# (summary sentence, source passage, the speaker the message must name)
FLAGGED = [
    pytest.param(
        "\"Every tonne we move by rail is a tonne not clogging up the motorway,\" said Humber "
        "Ports Group chief executive Simon Blake.",
        "\"Every tonne we move by rail is a tonne not clogging up the motorway,\" Rail Minister "
        "Helen Ashworth said in a statement.\n\nSimon Blake, chief executive of Humber Ports "
        "Group, said the line would help the port compete.",
        "Helen Ashworth",
        id="verbatim-quote-moved-to-a-named-person",
    ),
]


# A quotation opening a sentence before its credit: fixtures/pairs/courier_strike_leeds.
@pytest.mark.parametrize(("summary", "source", "named"), FLAGGED)
def test_a_quote_given_word_for_word_to_another_is_a_swap(
    summary: str, source: str, named: str
) -> None:
    got = _conflicts(summary, source)
    assert len(got) == 1 and named in got[0]


@pytest.mark.parametrize(("summary", "source", "flagged"), [
    pytest.param(
        "Representative Anthony D'Esposito, backed by other NY Republicans, claims Santos is "
        "unfit to serve.",
        "The justification for this move according to Representative Anthony D'Esposito of New "
        "York is that Santos is unfit to serve.",
        False,
        id="apostrophe-in-a-surname",
    ),
    pytest.param(
        "Representative Anthony D'Angelo claims Santos is unfit to serve.",
        "The justification for this move according to Representative Anthony D'Esposito of New "
        "York is that Santos is unfit to serve.",
        True,
        id="another-apostrophe-surname",
    ),
])
def test_a_speaker_named_with_an_apostrophe(summary: str, source: str, flagged: bool) -> None:
    t = Document.from_text(summary, id="t")
    s = Document.from_text(source, id="s")
    sc = extract_dates(s) + extract_attributions(s)
    found = find_attribution_findings(t, extract_dates(t) + extract_attributions(t), [(s, sc)])
    # unnamed in the sources: unsupported, or a conflict with the source's speaker
    assert bool(found) is flagged
