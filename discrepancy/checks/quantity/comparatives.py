"""A figure's comparison turned: "78% less likely to die prematurely" where the
source says "78% more likely to die prematurely".

The number is the same on both sides, so it passes as written; the word after it
that says which way the comparison goes ("more likely", "higher", "fewer") is the
claim. Where a source writes the number with the opposite word and never with the
summary's, the summary turned it. Patterns are fixed words after a number:
linear.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Claim, Document, Finding
from ..findings import make_finding, sentence_of
from .conflict import CONFLICT

_OPPOSITE = {
    "more": "less", "less": "more", "higher": "lower", "lower": "higher",
    "greater": "smaller", "smaller": "greater", "larger": "smaller", "fewer": "more",
    "bigger": "smaller", "cheaper": "dearer", "dearer": "cheaper",
}
# "78% more likely", "78 percent less likely", "20% higher", "3.5 times more likely"
_COMPARED = re.compile(
    r"(?<![\d.,])(\d+(?:\.\d+)?)\s?(?:%|per\s?cent|percent)\s(more|less|higher|lower|greater"
    r"|smaller|larger|fewer|bigger|cheaper|dearer)\b",
    re.IGNORECASE,
)


def _compared(text: str) -> list[tuple[str, str, int, int]]:
    """(number, comparative, start, end) of each percent a comparative follows."""
    return [(m.group(1), m.group(2).lower(), m.start(), m.end()) for m in _COMPARED.finditer(text)]


def turned_comparisons(
    target: Document, docs: Sequence[Document], figures: Sequence[Claim]
) -> list[Finding]:
    """A DQ101 finding on each percent of the summary whose comparative a source
    writes only the other way round for that number."""
    mine = _compared(target.text)
    if not mine:
        return []
    told: dict[str, dict[str, tuple[Document, int, int]]] = {}
    for d in docs:
        for number, word, a, b in _compared(d.text):
            told.setdefault(number, {}).setdefault(word, (d, a, b))
    out: list[Finding] = []
    for number, word, a, b in mine:
        theirs = told.get(number, {})
        other = theirs.get(_OPPOSITE.get(word, ""))
        if word in theirs or other is None:
            continue
        d, sa, sb = other
        claim = next((f for f in figures if f.start <= a < f.end), None)
        if claim is None:
            continue
        evidence = Claim(doc=d.id, category="quantity", text=d.text[sa:sb], start=sa, end=sb,
                         sentence=(s.index if (s := d.sentence_at(sa)) else 0))
        out.append(make_finding(
            CONFLICT, "medium",
            f'"{target.text[a:b]}" turns the comparison: the source says "{d.text[sa:sb]}".',
            claim, (evidence,), sentence_text=sentence_of(target, claim),
        ))
    return out
