"""A summary's own move that goes the wrong way: "Turnout was 78.2 per cent, up
from 82.2 per cent", "shares fell to $12 from $9". The level and the base are both
written in one clause, so the move contradicts itself whatever the sources say.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ...model import Claim, Quantity
from .agreement import agree, known

# Between a level and its base: up to four words of what it counts (" of enrolled
# voters"), then ", up from", "- down from", " higher than", "an increase from".
# Bounded repeats: linear.
_BETWEEN = re.compile(
    r"(?:\s[A-Za-z'-]{1,20}){0,4},?\s(?:[-–—]\s)?(?:(?P<up>up|higher|an\sincrease|a\srise)|(?P<down>down|lower"
    r"|a\sdecrease|a\sdrop|a\sfall|a\sdecline))\s(?:from|than)\s(?:about\s|around\s)?",
    re.IGNORECASE,
)
# Verbs of a move, by its direction
_MOVED = (
    r"\b(?:(?P<up>rose|risen|rising|increased|climbed|grew|jumped|surged|soared|gained|leapt"
    r"|leaped)|(?P<down>fell|fallen|falling|decreased|declined|dropped|slipped|slumped|shrank"
    r"|plunged))"
)
# "rose to $5 million from $7 million": the verb before the level, "from" between
_VERB_BEFORE = re.compile(_MOVED + r"\s(?:\w+\s){0,2}to\s$", re.IGNORECASE)
# A figure restated in another measure: "$291 million, or $1.14 a share"
_RESTATED = re.compile(r",?\s(?:or|and)\s")
_FROM = re.compile(r"\s(?:from|compared\swith)\s")
VERB_REACH = 40  # characters before a level read for the verb of its move


def turned_moves(text: str, claims: Sequence[Claim], tolerance: float) -> Iterator[
    tuple[Claim, Claim, str]
]:
    """(level, base, direction said) for each move of one clause whose level lies on
    the wrong side of its base."""
    ordered = sorted(claims, key=lambda c: c.start)
    for i, (a, b) in enumerate(zip(ordered, ordered[1:], strict=False)):
        if i > 0 and _RESTATED.fullmatch(text, ordered[i - 1].end, a.start):
            a = ordered[i - 1]  # "$291 million, or $1.14 a share, up from $58 million"
        qa, qb = a.quantity, b.quantity
        if qa is None or qb is None or a.sentence != b.sentence or not _comparable(qa, qb):
            continue
        if a.subject and b.subject and a.subject != b.subject:
            continue  # "7.62 million treatments for 6.39 million patients, up from 7.60 million
            # treatments and 6.37 million patients": pairs set side by side
        if _increment(text, a):
            continue  # "three more bodies were recovered, up from 21": the rise, not the level
        said = _direction(text, a, b)
        if said is None:
            said = _from_to(text, a, b)
            if said is not None:
                a, b, qa, qb = b, a, qb, qa  # "fell from $131.69 to $204.78": the level last
        if said is None or agree(qa, qb, tolerance):
            continue
        if (said == "up" and qa.high < qb.low) or (said == "down" and qa.low > qb.high):
            yield a, b, said


# A figure that is an increment: "three more bodies", "another 12". Fixed words: linear.
_MORE_AFTER = re.compile(r"\s{1,2}(?:more|additional|extra|further|new)\b", re.IGNORECASE)
_ANOTHER_BEFORE = re.compile(r"\b(?:another|an\s{1,2}additional|a\s{1,2}further)\s{1,2}$", re.I)


def _increment(text: str, c: Claim) -> bool:
    return (
        _MORE_IN.search(c.text) is not None or _MORE_AFTER.match(text, c.end) is not None
        or _ANOTHER_BEFORE.search(text, max(0, c.start - 14), c.start) is not None
    )


_MORE_IN = re.compile(r"\s(?:more|additional|extra|further)\b", re.IGNORECASE)


def _comparable(a: Quantity, b: Quantity) -> bool:
    return (
        known(a) and known(b) and a.dimension == b.dimension and a.unit == b.unit
        and a.change == "=" == b.change
        and a.qualifier in ("exact", "approx") and b.qualifier in ("exact", "approx")
    )


# "fell from $131.69 in 2021 to $204.78": a verb of direction, the base after
# "from", perhaps its year, then "to" and the level. Bounded: linear.
_FROM_BEFORE = re.compile(_MOVED + r"\s(?:\w+\s){0,2}from\s$", re.IGNORECASE)
_TO_BETWEEN = re.compile(r"(?:\s(?:in|at\sthe\send\sof)\s(?:19|20)\d\d)?,?\sto\s")


def _way(m: re.Match[str] | None) -> str | None:
    """"up" or "down", by the group of the pattern that matched."""
    if m is None:
        return None
    return "up" if m.group("up") else "down"


def _from_to(text: str, a: Claim, b: Claim) -> str | None:
    if _TO_BETWEEN.fullmatch(text, a.end, b.start) is None:
        return None
    return _way(_FROM_BEFORE.search(text, max(0, a.start - VERB_REACH), a.start))


def _direction(text: str, a: Claim, b: Claim) -> str | None:
    m = _BETWEEN.fullmatch(text, a.end, b.start)
    if m is not None:
        return _way(m)
    if _FROM.fullmatch(text, a.end, b.start) is None:
        return None
    return _way(_VERB_BEFORE.search(text, max(0, a.start - VERB_REACH), a.start))


# A count's own list in brackets right after it: "three British writers (Howard
# Jacobson, Ali Smith)". Bounded: linear.
_LIST_AFTER = re.compile(r"\s?\(([^()\n]{3,200})\)")
# "six states — Ondo, Bauchi, Edo, Taraba and Ebonyi — carrying", "four field workers:
# Chris Haas, who tags coyotes; Joan Venette, ...; and Eloise Tavares, ...". Bounded: linear.
_DASHED_AFTER = re.compile(r"\s?[\u2014\u2013]\s?([^\u2014\u2013\n]{3,200}?)\s?[\u2014\u2013]")
# ... with a short verb phrase before the colon: "three council members won outright:
# Delia Garza in District 2 and Ann Kitchen in District 5"
_COLON_AFTER = re.compile(r"(?:\s[a-z]+){0,3}?\s?:\s([^:.\n]{3,300})(?=\.(?:\s|$)|$)")
_ITEM_SPLIT = re.compile(r",\s(?:and\s)?|\sand\s")
_SEMICOLON_ITEMS = re.compile(r";\s(?:and\s)?")
_SOME_OF = re.compile(r"\b(?:including|such\sas|e\.g\.|among\sthem|like|incl\.|etc)\b",
                      re.IGNORECASE)
LIST_COUNT_MAX = 12


def miscounted_lists(text: str, claims: Sequence[Claim]) -> Iterator[tuple[Claim, int, str]]:
    """(count, items, the list) for each small count whose list of names right after
    it (in brackets, between dashes, or after a colon) holds another number of names:
    "three British writers (Howard Jacobson, Ali Smith)", "six states — Ondo, Bauchi,
    Edo, Taraba and Ebonyi —". A list of examples ("including ...") is no count."""
    for c in claims:
        q = c.quantity
        if q is None or q.dimension != "count" or q.qualifier != "exact" or not c.subject:
            continue
        if not (2 <= q.value <= LIST_COUNT_MAX and q.value == int(q.value)):
            continue
        m = (_LIST_AFTER.match(text, c.end) or _DASHED_AFTER.match(text, c.end)
             or _COLON_AFTER.match(text, c.end))
        if m is None or _SOME_OF.search(m.group(1)):
            continue
        items = _items(m.group(1))
        if len(items) >= 2 and len(items) != q.value and all(i[0].isupper() for i in items):
            yield c, len(items), m.group(1).strip()


def _items(listed: str) -> list[str]:
    """The items of a list: by semicolons where it has them ("Chris Haas, who tags
    coyotes and bobcats; Joan Venette, ..."), else by commas and "and"."""
    split = _SEMICOLON_ITEMS if ";" in listed else _ITEM_SPLIT
    return [i.strip() for i in split.split(listed) if i.strip()]


# "lost 40 of its 41 seats in Scotland, leaving it with just two MPs": a part of a
# whole, then what it leaves. Fixed words between, bounded: linear.
_PART_OF_WHOLE = re.compile(r"\s(?:out\s)?of\s(?:its|their|his|her|the)?\s?$")
_LEAVING = re.compile(r",?\s(?:leaving|to\sleave|which\sleaves|and\sleft)\s(?:\w+\s){0,3}$")
REST_REACH = 80


def miscounted_rests(
    text: str, claims: Sequence[Claim]
) -> Iterator[tuple[Claim, Claim, Claim, float]]:
    """(rest, part, whole, the whole less its part) for each count a summary gives as what a part
    of a whole leaves, when it is not that: "lost 40 of its 41 seats ..., leaving it
    with just two MPs there" (41 less 40 is one)."""
    counts = sorted(
        (c for c in claims if c.quantity is not None and c.quantity.dimension == "count"
         and c.quantity.qualifier == "exact"),
        key=lambda c: c.start,
    )
    for part, whole, rest in zip(counts, counts[1:], counts[2:], strict=False):
        if not (part.sentence == whole.sentence == rest.sentence):
            continue
        if _PART_OF_WHOLE.search(text, part.end, whole.start) is None:
            continue
        if rest.start - whole.end > REST_REACH or _LEAVING.search(
            text, whole.end, rest.start
        ) is None:
            continue
        assert part.quantity is not None and whole.quantity is not None
        assert rest.quantity is not None
        left = whole.quantity.value - part.quantity.value
        if 0 <= left != rest.quantity.value:
            yield rest, part, whole, left
