"""Numbers no extracted claim covers ("executed six"), and small counts that
point back ("the two countries") or count what an article lists."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import cache

from ...model import Claim, Document, Quantity
from ...recognizers.base import Spans
from ...recognizers.not_claims import stray_is_claim
from ...text import wordlists
from ...text.months import day_run_before, month_of_day
from ...text.numbers import parse_number
from .written import STRAY_WORDS

# never after "90+" (stoppage time, "(90+3)")
_STRAY_DIGITS = re.compile(
    r"(?<![\w.,:+])(?<![^\W\d_]-)(?<!\w\()\d+(?:,\d{3})*(?:\.\d+)?(?![\w%]|[.,:]\d)"
)
# In tokenised text ("police , who") "1, 000" is one number; elsewhere "737, 767"
# is a list of two.
_STRAY_DIGITS_TOKENISED = re.compile(
    r"(?<![\w.,:+])(?<![^\W\d_]-)(?<!\w\()\d+(?:(?:,|, )\d{3})*(?:\.\d+)?(?![\w%]|[.,:]\d)"
)
_TOKENISED = re.compile(r"\w , \w|\w \.(?!\S)|\w 's\b")
# Numbers that label ("Table 1", "No. 3"), rank ("Britain's number two building
# society", "No 10") or point back ("the two partners").
_LABEL_BEFORE = re.compile(
    r"\b(?:table|figure|fig\.|chart|no\.|nos?|number|article|section|chapter|page|part|phase|annex"
    r"|appendix|item|step|paragraph|map|exhibit)\s?$",
    re.IGNORECASE,
)
_LAST_WORD = re.compile(r"([^\W\d_]+)\s$")


def _identifier_before(before: str) -> bool:
    """A word that numbers what follows it ("Lap 1", "game 7", "Stage 3"), as the
    quantity recognizers read it (``identifier_words``)."""
    m = _LAST_WORD.search(before)
    return m is not None and m.group(1).lower() in _identifier_words()


def _year(v: float) -> bool:
    """A number that reads as a year: "Euro 2016" names a tournament by its year,
    which a source may contradict; "Lap 1" and "Game 7" label."""
    return v == int(v) and YEAR_MIN <= v <= YEAR_MAX


YEAR_MIN, YEAR_MAX = 1800, 2100


@cache
def _identifier_words() -> frozenset[str]:
    return frozenset(wordlists.data("context_words.json")["identifier_words"])


# "the two countries", "the other six", "all six": things already named
_ANAPHORA_BEFORE = re.compile(
    r"\b(?:(?:the|these|those)(?:\s(?:other|remaining))?|all)\s$", re.IGNORECASE
)
# a bare count after "all" ("all three are nominated") counts what was just named
_ALL_BEFORE = re.compile(r"\ball\s$", re.IGNORECASE)
# Counts a reader makes by counting what an article lists: "two shootings",
# "six authors". Larger counts are figures an article states.
LISTED_COUNT_MAX = 12
_ERA_AFTER = re.compile(r"\s?(?:A\.D\.|AD\b|B\.C\.(?:E\.)?|BCE?\b|C\.E\.|CE\b)")
_NUMBER_WORD_HYPHEN = re.compile(r"\b(?:one|two|three)-$", re.IGNORECASE)
ANAPHORA_MAX = 10  # "the two countries" points back; "the 300 workers" is a figure
LAST_DAY = 31


_OPEN_PAREN = re.compile(r"\(\s*(?:about|around|roughly|approximately|some|nearly|~|≈)?\s*$",
                         re.IGNORECASE)
CONVERSION_GAP = 3  # characters between a figure and the parenthesis converting it


def is_conversion(doc: Document, c: Claim, claims: Sequence[Claim]) -> bool:
    """Money in parentheses right after money in another currency: "3.5 billion
    yuan ($540 million)" converts the first figure at some rate, which a summary
    adds and no source need give."""
    q = c.quantity
    if q is None or not q.dimension.startswith("currency:"):
        return False
    m = _OPEN_PAREN.search(doc.text, max(0, c.start - 20), c.start)
    if m is None:
        return False
    return any(
        o.quantity is not None and o.quantity.dimension.startswith("currency:")
        and o.quantity.dimension != q.dimension and 0 <= m.start() - o.end <= CONVERSION_GAP
        for o in claims
    )


def is_anaphoric(doc: Document, c: Claim) -> bool:
    """A small count after "the"/"these"/"those" ("the two countries") refers to
    things already named; no source need count them for it to hold."""
    q = c.quantity
    if q is None or q.qualifier != "exact" or not 0 < q.value <= ANAPHORA_MAX:
        return False
    return _ANAPHORA_BEFORE.search(doc.text[max(0, c.start - 16):c.start]) is not None


def stray_figures(
    doc: Document, claims: Sequence[Claim], taken: Sequence[tuple[int, int]] = ()
) -> list[Claim]:
    """Numbers in ``doc`` that no extracted claim covers ("recall 20 Endurance
    pickups", "executed six"), as bare counts; ``taken``: spans checked as
    something else (the scores of ``tallies``).

    They have no subject or unit, so they can only be found unsupported, and
    only when no source writes the number at all.
    """
    covered = Spans(
        [(c.start, c.end) for c in claims if c.category in ("quantity", "date")] + list(taken)
    )
    out: list[Claim] = []
    digits = _STRAY_DIGITS_TOKENISED if _TOKENISED.search(doc.text) else _STRAY_DIGITS
    for rx in (digits, STRAY_WORDS):
        for m in rx.finditer(doc.text):
            a, b = m.span()
            if covered.contains(a, b):
                continue
            text = m.group()
            v = parse_number(text.replace(", ", ","))
            if v is None or not math.isfinite(v):
                continue
            before = doc.text[max(0, a - 12):a]
            anaphora = _ANAPHORA_BEFORE.search(before) or _ALL_BEFORE.search(before)
            if _LABEL_BEFORE.search(before) or (_identifier_before(before) and not _year(v)) or (
                v <= ANAPHORA_MAX and anaphora
            ):
                continue  # "Table 1", "Lap 1", "between the two partners": no figure
            if v <= LAST_DAY and day_run_before(doc.text, a):
                continue  # "from September 6 to 14": a day
            if _NUMBER_WORD_HYPHEN.search(before):
                continue  # "a one-two for the team": a finish, no count
            if _ERA_AFTER.match(doc.text, b):
                continue  # "conquered in 43 A.D.": a year
            sent = doc.sentence_at(a)
            if not stray_is_claim(doc, a, b, sent.index if sent else -1):
                continue
            q = Quantity(low=v, high=v, value=v, qualifier="exact", surface_value=text,
                         tolerance=0.0)
            out.append(Claim(doc=doc.id, category="quantity", text=text, start=a, end=b,
                             sentence=sent.index if sent else 0, quantity=q))
    out.extend(_ordinals(doc, covered))
    return sorted(out, key=lambda c: c.start)


# An ordinal in digits: "in the 61st minute", "his 3rd title". Linear.
_ORDINAL_DIGITS = re.compile(r"(?<![\w.,])(\d{1,3})(?:st|nd|rd|th)\b")
ORDINAL = "ordinal"  # the surface unit that marks a stray ordinal


def _ordinals(doc: Document, covered: Spans) -> list[Claim]:
    """Ordinals in digits no claim covers, as their number: a rank or a minute a
    source may give another way ("the 51st minute"), so checked only for the number
    being written somewhere at all (``unsupported.stray_findings``)."""
    out = []
    for m in _ORDINAL_DIGITS.finditer(doc.text):
        a, b = m.span()
        if covered.contains(a, b) or day_run_before(doc.text, a) or month_of_day(doc.text, a, b):
            continue  # "June 21st": a day
        v = float(m.group(1))
        sent = doc.sentence_at(a)
        q = Quantity(low=v, high=v, value=v, qualifier="exact", surface_value=m.group(),
                     surface_unit=ORDINAL, tolerance=0.0)
        out.append(Claim(doc=doc.id, category="quantity", text=m.group(), start=a, end=b,
                         sentence=sent.index if sent else 0, quantity=q))
    return out
