"""The story's own date: a dateline near the top, else the latest full date.

A year-less date elsewhere takes the year that puts it on or before this one.
"""

from __future__ import annotations

import re
from datetime import date

from ...model import Document
from .atoms import _Atom
from .scan import _atoms

HEAD_CHARS = 2000  # datelines sit above the story; further down a bare date is a caption
OPENING_CHARS = 160  # "CANBERRA, Feb. 23, 2023 -": a story's own date opens it
_DATELINE_END = re.compile(r"\s{0,3}(?:[-–—:|(]|\n)")  # what follows an inline dateline


# A dateline is a short line. Looking no further than this for its ends keeps a
# long line of many dates linear (the whole line was scanned once per date).
_DATELINE_REACH = 80


def _is_dateline(text: str, atom: _Atom) -> bool:
    if atom.kind != "day" or not atom.has_year:
        return False
    if atom.start < OPENING_CHARS and _is_inline_dateline(text, atom):
        return True
    ls = text.rfind("\n", max(0, atom.start - _DATELINE_REACH), atom.start) + 1
    if ls == 0 and atom.start > _DATELINE_REACH:
        return False
    le = text.find("\n", atom.end, atom.end + _DATELINE_REACH)
    if le < 0:
        if len(text) > atom.end + _DATELINE_REACH:
            return False
        le = len(text)
    line = text[ls:le].strip().rstrip(".")
    inner = text[atom.start:atom.end]
    rest = line.replace(inner, "", 1).strip(" |-–—:")
    # "Updated Jan 23, 2024" and "By AiBot | Jan 23, 2024" still date the story
    return not rest or rest.lower() in {"updated", "published", "posted"}


# The place an inline dateline opens with: "WASHINGTON,", "Washington, DC,",
# "CANBERRA (Reuters),". Bounded, no nested repetition: linear.
# A full stop only after a capital ("D.C."): "Sales rose. Washington," is no place.
_PLACE_BEFORE = re.compile(r"[A-Z](?:[A-Z]\.|[A-Za-z ,'&()/-]){0,60},\s{0,3}$")


_DASH_AFTER = re.compile(r"\s{0,3}[-–—]")


def _is_inline_dateline(text: str, atom: _Atom) -> bool:
    """A full date opening the story after its place and before a dash:
    "Washington, DC, July 30, 2010--The U.S. economy ...". It dates the story,
    not the event of its sentence."""
    if atom.kind != "day" or not atom.has_year or atom.start >= OPENING_CHARS:
        return False
    ls = text.rfind("\n", 0, atom.start) + 1
    return (
        _PLACE_BEFORE.fullmatch(text, ls, atom.start) is not None
        and _DASH_AFTER.match(text, atom.end) is not None
    )


def _full_date_atoms(text: str) -> list[_Atom]:
    return [a for a in _atoms(text, None) if a.kind == "day" and a.has_year]


def datelines(doc: Document) -> list[tuple[int, int, date]]:
    """(start, end, date) of every line that holds only a full date."""
    return [
        (a.start, a.end, a.first)
        for a in _full_date_atoms(doc.text)
        if _is_dateline(doc.text, a)
    ]


def dated_at_head(doc: Document) -> bool:
    """Whether the text gives its own date near the top (a dateline, or "CANBERRA,
    Feb. 23, 2023 -" opening the story): else its reference date is only the
    latest date it mentions, often a past event's."""
    text = doc.text
    return any(
        a.start < OPENING_CHARS and (
            _is_dateline(text, a) or (
                _DATELINE_END.match(text, a.end) is not None and _opens_line(text, a)
            )
        )
        for a in _full_date_atoms(text)
    )


def dated_near_top(doc: Document) -> bool:
    """Whether the text writes a full date in its opening (a byline's "October 2,
    2006", a dateline): a relative date was then told from a date the text gives
    as its own, not from the latest event it mentions further down."""
    return dated_at_head(doc) or any(a.start < OPENING_CHARS for a in _full_date_atoms(doc.text))


# Before a date that opens a line: a place ("WASHINGTON,"), a time ("12:06 JST,"), a
# byline's bar, "Updated" -- no running words of a sentence ("topping the drop on")
_HEAD_WORDS = frozenset(("updated", "published", "posted", "modified", "last"))
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
LINE_OPENING_MAX = 60


def _opens_line(text: str, a: _Atom) -> bool:
    """The date opens its line, after a place, a time or a byline at most:
    "12:06 JST, August 5, 2024 (updated ...)", not "- ... topping the drop on
    Oct. 20, 1987" at the end of a summary's first bullet."""
    ls = text.rfind("\n", 0, a.start) + 1
    if a.start - ls > LINE_OPENING_MAX:
        return False
    return all(w in _HEAD_WORDS for w in _LOWER_WORD.findall(text, ls, a.start))


def reference_date(doc: Document) -> date | None:
    """The story's date: the last dateline near the top, else the latest full date in the text.

    The last head dateline is the one sitting right above the story; an earlier
    one is usually the site's own publishing stamp.
    """
    full = _full_date_atoms(doc.text)
    head = [a.first for a in full if a.start < HEAD_CHARS and _is_dateline(doc.text, a)]
    if head:
        return head[-1]
    return max((a.first for a in full), default=None)
