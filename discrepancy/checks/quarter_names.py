"""Fiscal quarters a summary names that no source names.

An earnings call and its articles name the quarter they report in a handful of
forms ("the third quarter", "Q3", "3Q20", "third-quarter revenue"). When the
sources name quarters, one of them in a sentence about money or
percentages, and none names the summary's in any form, the summary moved the
period: "AutoNation reported strong results for Q2 2020" for a call about the
third quarter of 2020. The words around the quarter need not match: a call's
quarters are all about the same things.

Left alone, because the name alone cannot settle them:
* sources that count quarters relatively ("the prior quarter", "next
  quarter", "sequentially"): the summary may name the quarter they mean;
* sources that name no quarter in a sentence about money or percentages
  (sports: "scored ten points in the fourth quarter" for "in the final
  quarter");
* a year-qualified quarter a source date overlaps ("between July and
  September 2020");
* halves ("the first half" is also a match's).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Claim, Document, Finding, Period
from .base import Code
from .findings import make_finding, sentence_of

QUARTER_NAME = re.compile(
    r"\b(?:(first|second|third|fourth)[-\s]quarter|Q([1-4])|([1-4])Q|([1-4])(?:st|nd|rd|th)[-\s]quarter)(?!\w)",
    re.IGNORECASE,
)
# What a change is measured against: the quarter before, or the same period a
# year before ("up 5% sequentially" is not "up 5% year over year")
SEQUENTIAL = re.compile(
    r"\b(?:sequential(?:ly)?|quarter[-\s]+(?:over|on)[-\s]+quarter|q/q|qoq"
    r"|(?:prior|previous|preceding|last|linked)[-\s]+quarter)\b",
    re.IGNORECASE,
)
YEAR_AGO = re.compile(
    r"\b(?:year[-\s]+(?:over|on)[-\s]+year|y/y|yoy|year[-\s]+ago|a\s+year\s+(?:ago|earlier)"
    r"|(?:prior|previous|last)[-\s]+year|same\s+(?:quarter|period)\s+(?:of\s+|in\s+)?last\s+year"
    r"|(?:on\s+an?\s+)?annual\s+basis)\b",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\b(?:next|last|prior|previous|preceding|coming|following|linked|sequential)"
    r"[-\s]+quarters?\b|\bsequential(?:ly)?\b|\bquarter[-\s]+(?:over|on|to)[-\s]+quarter\b",
    re.IGNORECASE,
)
_ORDINALS = ("first", "second", "third", "fourth")
_QUARTERS_LISTED = re.compile(
    r"\b(?:first|second|third|fourth)(?:,\s(?:first|second|third|fourth)){0,2},?\s(?:and|&)\s"
    r"(?:first|second|third|fourth)\squarters\b",
    re.IGNORECASE,
)
_ORDINAL_WORD = re.compile(r"first|second|third|fourth", re.IGNORECASE)
_QUARTER_MONTHS = re.compile(
    r"\b(first|last|final)\s(?:three|3)\smonths\s(?:of|in)\b", re.IGNORECASE
)


def quarter_number(m: re.Match[str]) -> int:
    """1..4 for a match of ``QUARTER_NAME`` in any of its forms."""
    if m.group(1):
        return _ORDINALS.index(m.group(1).lower()) + 1
    return int(m.group(2) or m.group(3) or m.group(4))


def _money_sentences(doc: Document, claims: Sequence[Claim]) -> set[int]:
    return {
        c.sentence for c in claims
        if c.quantity is not None and c.doc == doc.id
        and (c.quantity.dimension.startswith("currency:") or c.quantity.dimension == "percent")
    }


def _named(doc: Document, claims: Sequence[Claim]) -> dict[int, Claim]:
    """The quarters a source names, each with its first mention, when one of
    them is named in a sentence about money or percentages (a text about a
    company's periods, not a game's); else none."""
    money = _money_sentences(doc, claims)
    named: dict[int, Claim] = {}
    about_money = False
    for sent in doc.sentences:
        for m in QUARTER_NAME.finditer(sent.text):
            about_money = about_money or sent.index in money
            a, b = sent.start + m.start(), sent.start + m.end()
            named.setdefault(quarter_number(m), Claim(
                doc=doc.id, category="date", text=doc.text[a:b], start=a, end=b,
                sentence=sent.index))
    return named if about_money else {}


def unnamed_quarters(
    target: Document,
    target_claims: Sequence[Claim],
    sources: Sequence[tuple[Document, Sequence[Claim]]],
    code: Code,
) -> list[Finding]:
    """``code`` (unsupported) for each quarter of the target no source names,
    where the sources name others about money."""
    if QUARTER_NAME.search(target.text) is None:
        return []
    named = _source_quarters(sources)
    if not named:
        return []
    every = {quarter_number(m) for doc, _ in sources for m in QUARTER_NAME.finditer(doc.text)}
    every |= {  # "the first three months of the year" names the first quarter
        1 if m.group(1).lower() == "first" else 4
        for doc, _ in sources for m in _QUARTER_MONTHS.finditer(doc.text)
    }
    every |= {  # "the first and second quarters" names both
        _ORDINALS.index(w.lower()) + 1
        for doc, _ in sources for m in _QUARTERS_LISTED.finditer(doc.text)
        for w in _ORDINAL_WORD.findall(m.group())
    }
    dates = [c for c in target_claims if c.category == "date"]
    periods = _finer_than_years(sources)
    out: list[Finding] = []
    seen: set[int] = set()
    for m in QUARTER_NAME.finditer(target.text):
        n = quarter_number(m)
        if n in every or n in seen:
            continue
        claim = next((c for c in dates if c.start <= m.start() and m.end() <= c.end), None)
        if claim is not None and _dated_by(claim, periods):
            continue
        seen.add(n)
        if claim is None:
            claim = Claim(doc=target.id, category="date", text=m.group(), start=m.start(),
                          end=m.end(), sentence=_sentence_index(target, m.start()))
        names = ", ".join(f"the {_ORDINALS[k - 1]} quarter" for k in sorted(named))
        out.append(make_finding(
            code, "medium",
            f'No source names "{m.group()}" ({_ORDINALS[n - 1]} quarter); '
            f"the sources report {names}.",
            claim, tuple(named[k] for k in sorted(named)), sentence_text=sentence_of(target, claim),
        ))
    return out


def _source_quarters(sources: Sequence[tuple[Document, Sequence[Claim]]]) -> dict[int, Claim]:
    """The quarters the sources name about money, each with its first mention;
    none when a source counts quarters relatively."""
    named: dict[int, Claim] = {}
    for doc, claims in sources:
        if _RELATIVE.search(doc.text):
            return {}
        for k, c in _named(doc, claims).items():
            named.setdefault(k, c)
    return named


def _finer_than_years(sources: Sequence[tuple[Document, Sequence[Claim]]]) -> list[Period]:
    return [
        c.period for _, cl in sources for c in cl
        if c.category == "date" and c.period is not None
        and c.period.granularity not in ("year", "years")
    ]


def _dated_by(claim: Claim, periods: list[Period]) -> bool:
    """A year-qualified quarter a source date overlaps ("between April and June 2020")."""
    p = claim.period
    return p is not None and any(q.start <= p.end and p.start <= q.end for q in periods)


def _sentence_index(doc: Document, at: int) -> int:
    sent = doc.sentence_at(at)
    return sent.index if sent is not None else 0
