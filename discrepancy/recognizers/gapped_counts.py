"""Counts whose noun is left to the figure before them in a list of named owners:
"Sullinger had 14 points and Zeller 19", "Smith had 20 points, Jones 15 and Brown 12".

English gaps the verb and the noun after the first item; the quantity grammar
reads "Zeller 19" as a name's number ("Route 9") and leaves it out, so a summary
that swaps the two players' points has one figure to check, and a source that
writes its box score that way gives no figure for the second player. A bare
whole number right after a capitalised name, in the run of ", Name N" / "and Name
N" items that follows a count of a noun in the same sentence, and closing its
item (a comma, "and", a full stop), counts that noun. Fixed patterns: linear.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Claim, Document

# One item of the run: ", Zeller 19", " and Brown 12", " while Jones 15". A name is
# one to three capitalised words; the number closes the item. Bounded: linear.
_ITEM = re.compile(
    r"(?:,\s{1,2}(?:and\s{1,2}|while\s{1,2})?|\s{1,2}(?:and|while)\s{1,2})"
    r"(?:[A-Z][\w'’.-]*\s{1,2}){1,3}(\d{1,3})(?=\s{0,2}(?:[,.;:)]|and\b|$))"
)
GAP_MAX = 4  # items read after one count


def _anchor(c: Claim) -> bool:
    q = c.quantity
    return (
        q is not None and q.dimension == "count" and bool(c.subject) and q.qualifier == "exact"
        and bool(q.surface_unit)
    )


def gapped_counts(doc: Document, quantities: list[Claim]) -> list[Claim]:
    """``quantities`` with the gapped counts after each count of a noun added."""
    if not any(_anchor(c) for c in quantities):
        return quantities
    taken = [(c.start, c.end) for c in quantities]
    added: list[Claim] = []
    ends = {c.end for c in quantities if c.quantity is not None and c.subject}
    for c in quantities:
        if not _anchor(c) or _second_of_two(doc.text, c, ends):
            continue
        sent = doc.sentence_at(c.start)
        if sent is None:
            continue
        at = c.end
        for _ in range(GAP_MAX):
            m = _ITEM.match(doc.text, at, sent.end)
            if m is None:
                break
            a, b = m.span(1)
            if not any(x < b and a < y for x, y in taken):
                added.append(_gapped(c, doc.text[a:b], a, b))
                taken.append((a, b))
            at = b
    return quantities if not added else sorted(quantities + added, key=lambda c: (c.start, c.end))


# what joins two counts of one owner: "20 points and 11 rebounds", "20 points, 11 rebounds"
_JOINED = re.compile(r"\s{0,2}(?:,|and|,\s{1,2}and)\s{1,2}$")
JOIN_REACH = 8


def _second_of_two(text: str, c: Claim, ends: set[int]) -> bool:
    """The count follows another count of its owner ("20 points and 11 rebounds,
    Jones 15"): which noun the gap leaves out is anyone's guess."""
    return any(
        e in ends and _JOINED.match(text, e, c.start) is not None
        for e in range(max(0, c.start - JOIN_REACH), c.start)
    )


def _gapped(c: Claim, written: str, start: int, end: int) -> Claim:
    q = c.quantity
    assert q is not None
    value = float(written)
    return replace(c, text=written, start=start, end=end, quantity=replace(
        q, low=value, high=value, value=value, surface_value=written, surface_unit="",
        attributes=(*q.attributes, "gapped"),
    ))
