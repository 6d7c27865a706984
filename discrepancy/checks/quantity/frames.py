"""What a count of people is a count of: killed, injured, missing, rescued,
arrested, evacuated, laid off (``data/event_frames.txt``).

Counted nouns do not say it ("people", "passengers") and the words of a whole
sentence mix it ("12 people were killed and 40 injured" holds both), so a
figure's frame is the nearest frame word in its own clause: after it, or
before it, never past another number. Two figures with different frames are
not the same statement, whatever their numbers: "the crash killed 40 people"
is no restatement of "40 injured", and "the fire killed four people" none of
"firefighters rescued four people". Only the few words next to the figure
count: "killed 40 people", "12 people were killed", "40 injured".
"""

from __future__ import annotations

import re
from functools import cache

from ...model import Claim, Document
from ...text import wordlists

# Words looked at each side: a frame word further off belongs to another noun
# ("arrested the gunman who executed seven": the seven are not arrested).
REACH_BEFORE = 2
REACH_AFTER = 3
_TOKEN = re.compile(r"[a-z]+|\d[\d,.]*|[;:()]", re.IGNORECASE)


@cache
def _frames() -> dict[str, str]:
    return {w: frame for frame, words in wordlists.sections("event_frames.txt").items()
            for w in words}


# An apposition right after the figure, which the verb comes after: "Eight people,
# a Greyhound driver and seven passengers, died". Bounded, no nesting: linear.
_APPOSITION = re.compile(r",[ ][^,;:()\n]{1,60},[ ]")


def frame_at(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> str | None:
    """The frame of the figure at ``text[start:end]``, within ``text[lo:hi]``."""
    hi = len(text) if hi is None else hi
    frames = _frames()
    before = _TOKEN.findall(text, max(lo, start - 24), start)[-REACH_BEFORE:]
    if (m := _APPOSITION.match(text, end, hi)) is not None:
        end = m.end()
    more = _TOKEN.findall(text, end, min(hi, end + 60))[:REACH_AFTER + JOINED_REACH]
    after = more[:REACH_AFTER]
    found_after = _first(after, frames)
    if found_after is not None:
        found_after = (found_after[0], _joined(more, found_after, frames))
    found_before = _first(list(reversed(before)), frames, back=True)
    if found_after is None or found_before is None:
        got = found_after or found_before
        return got[1] if got else None
    return found_after[1] if found_after[0] <= found_before[0] else found_before[1]


JOINED_REACH = 3  # words after a frame word read for a second one it is joined to
_JOINS = frozenset(("and", "or"))
# ... over the hedge of the second: "missing and presumed dead"
_HEDGES = frozenset(("presumed", "feared", "believed", "probably", "likely"))


def _joined(words: list[str], found: tuple[int, str], frames: dict[str, str]) -> str:
    """The frame word at ``found`` with a second one joined to it: "missing and
    presumed dead" is death and missing ("missing+death"), and meets either."""
    k, frame = found
    rest = [w.lower() for w in words[k + 1:k + 1 + JOINED_REACH]]
    if not rest or rest[0] not in _JOINS:
        return frame
    for w in rest[1:]:
        if w in _HEDGES:
            continue
        other = frames.get(w)
        return frame if other is None or other == frame else "+".join(sorted((frame, other)))
    return frame


# Words that end a look back: "14 people were killed and 6,165 others admitted
# to hospitals" -- the 6,165 are not killed.
_CONJUNCTIONS = frozenset(("and", "or", "but", "while", "whereas"))


def _first(
    words: list[str], frames: dict[str, str], back: bool = False
) -> tuple[int, str] | None:
    """(distance, frame) of the first frame word, up to another number or a clause
    mark (``back``: or a conjunction)."""
    for k, w in enumerate(words):
        if w[0].isdigit() or w in (";", ":", "(", ")"):
            return None
        if back and w.lower() in _CONJUNCTIONS:
            return None
        frame = frames.get(w.lower())
        if frame is not None:
            return k, frame
    return None


def claim_frame(doc: Document, c: Claim) -> str | None:
    """The frame of a count of ``doc``; None for other figures or none found."""
    if c.quantity is None or c.quantity.dimension != "count":
        return None
    # the counted noun inside the figure's own span says it first: "at least 66
    # deaths", "40 fatalities"
    own = _first(_TOKEN.findall(c.quantity.surface_unit), _frames())
    if own is not None:
        return own[1]
    if 0 <= c.sentence < len(doc.sentences):
        s = doc.sentences[c.sentence]
        return frame_at(doc.text, c.start, c.end, s.start, s.end)
    return frame_at(doc.text, c.start, c.end)


def clash(a: str | None, b: str | None) -> bool:
    """Two frames that cannot be one statement's (a joined frame meets either of its
    two)."""
    return a is not None and b is not None and not same_frame(a, b)


def same_frame(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and not set(a.split("+")).isdisjoint(b.split("+"))
