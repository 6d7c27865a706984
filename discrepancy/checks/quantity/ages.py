"""A person's age told otherwise: "Rhodri Giggs, 41, was found guilty" where the
source gives "Rhodri Giggs, 40," and 41 is someone else's age or another number.

An age whose number the sources write elsewhere passes as written, so a swapped
age goes unseen. An age in apposition belongs to the word before it ("Giggs,
40,"), and "a 20-year-old army specialist Caleb Barnes" to the last word of the
name after it. Where a source gives the same person an age, and none of the
sources' sentences naming that person writes the summary's number, the summary's
age is set against the source's. Words that name nobody in particular ("a woman,
34,") are no owner (``data/age_owners.txt``). Works on lowercase tokenised text
too ("cheryl silvonek , 54 ,"). Patterns start at word starts and read bounded
runs: linear.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ...model import Claim, Document, Finding, Quantity
from ...text import wordlists
from ...text.lemmas import stopwords
from ...text.months import calendar_words
from ..findings import make_finding, sentence_of
from .conflict import CONFLICT

AGE_MAX = 115
YEAR = 31557600.0  # a Julian year in seconds, the unit of durations
NAME_WORDS_AFTER = 5  # words after "40-year-old" read for the name it describes
# "Giggs, 40," / "Giggs , aged 40 ," / "Giggs, 40, and"; not "40,000" nor "40.5"
_APPOSED = re.compile(
    r"(?<![\w'’-])([A-Za-z][\w'’-]{0,40})\s?,\s(?:aged\s)?(\d{1,3})\s?"
    r"(?=,(?!\d)|;|\)|\.(?:\s|$)|\sand\s|\sor\s)"
)
_YEAR_OLD = re.compile(r"(?<![\w.,])(\d{1,3})[-\s]years?[-\s]old\b")
_WORD_AFTER = re.compile(r"\s+([A-Za-z][\w'’.-]{0,40})")


@cache
def _generic() -> frozenset[str]:
    return wordlists.sections("age_owners.txt")["generic"]


def _owner(word: str) -> str | None:
    w = word.lower().strip(".'’")
    head = w.split("-")[0]  # "mother-of-two"
    if not w or w in stopwords() or w in calendar_words() or head in _generic() or w in _generic():
        return None
    return w


def _name_after(text: str, at: int) -> str | None:
    """The last word of the name after "40-year-old": "army spc caleb barnes" gives
    barnes; in capitalised text the run of capitals ("his 41-year-old brother
    Ryan's affair" gives ryan), up to a small word or a mark."""
    last, capitals = None, False
    for _ in range(NAME_WORDS_AFTER):
        m = _WORD_AFTER.match(text, at)
        if m is None or m.group(1).lower() in stopwords():
            break
        word, at = m.group(1), m.end()
        if not capitals and _owner(word) is None:
            return None  # "a 92-year-old man living nearby": nobody named
        if word[0].isupper():
            last, capitals = word, True
        elif capitals:
            break
        else:
            last = word
        if word.endswith(("'s", "’s", ".")):
            break
    if last is None:
        return None
    return _owner(re.sub(r"['’]s$", "", last))


def ages_in(text: str, unnamed: bool = False) -> list[tuple[str, int, int, int]]:
    """(owner, age, start, end of the number) of each age the text gives a named
    person; with ``unnamed``, ages of nobody named too, with owner ""."""
    out = []
    for m in _APPOSED.finditer(text):
        owner = _owner(re.sub(r"['’]s$", "", m.group(1)))
        age = int(m.group(2))
        if (owner is not None or unnamed) and 0 < age <= AGE_MAX:
            out.append((owner or "", age, m.start(2), m.end(2)))
    for m in _YEAR_OLD.finditer(text):
        owner = _name_after(text, m.end())
        age = int(m.group(1))
        if (owner is not None or unnamed) and 0 < age <= AGE_MAX:
            out.append((owner or "", age, m.start(1), m.end(1)))
    return out


def _writes_near(doc: Document, owner: str, age: int, others: set[tuple[str, int]]) -> bool:
    """A sentence naming the owner writes the number in any sense ("Tsarnaev was
    19 at the time"), other than as another person's age (``others``: document
    and offset)."""
    name = re.compile(rf"(?<![\w'’-]){re.escape(owner)}(?![\w'’-])", re.IGNORECASE)
    number = re.compile(rf"(?<![\d.,]){age}(?![\d]|[.,]\d)")
    for s in doc.sentences:
        if name.search(s.text) is None:
            continue
        if any((doc.id, s.start + m.start()) not in others for m in number.finditer(s.text)):
            return True
    return False


def age_findings(
    target: Document, docs: Sequence[Document], figures: Sequence[Claim]
) -> list[Finding]:
    """A DQ101 finding on each age the summary gives a named person where a source
    gives that person another age and writes the summary's nowhere beside the name."""
    mine = ages_in(target.text)
    if not mine:
        return []  # the sources are read only for a summary's own ages
    told: dict[str, list[tuple[Document, int, int, int]]] = {}
    for d in docs:
        for owner, age, a, b in ages_in(d.text, unnamed=True):
            told.setdefault(owner, []).append((d, age, a, b))
    out: list[Finding] = []
    for owner, age, a, b in mine:
        # an age of nobody named ("his 41-year-old brother") is still someone's
        theirs = told.get(owner)
        if not theirs or any(v == age for _, v, _, _ in theirs):
            continue
        others = {
            (d.id, x) for o, xs in told.items() if o != owner for d, v, x, _ in xs if v == age
        }
        if any(_writes_near(d, owner, age, others) for d in docs):
            continue
        d, v, sa, sb = theirs[0]
        claim = _figure_at(target, figures, a, b, age)
        evidence = _age_claim(d, sa, sb, v)
        out.append(make_finding(
            CONFLICT, "medium",
            f"\"{target.text[a:b]}\" disagrees with a source: it gives {owner.title()}'s age "
            f"as \"{d.text[sa:sb]}\".",
            claim, (evidence,), sentence_text=sentence_of(target, claim),
        ))
    return out


def _figure_at(doc: Document, figures: Sequence[Claim], a: int, b: int, age: int) -> Claim:
    """The summary's figure holding the age, or the age alone."""
    return next((f for f in figures if f.start <= a and b <= f.end), None) or _age_claim(
        doc, a, b, age
    )


def _age_claim(doc: Document, start: int, end: int, age: int) -> Claim:
    sent = doc.sentence_at(start)
    v = age * YEAR
    q = Quantity(low=v, high=v, value=v, unit="second", dimension="duration",
                 attributes=("age",), surface_value=doc.text[start:end], surface_unit="years")
    return Claim(doc=doc.id, category="quantity", text=doc.text[start:end], start=start,
                 end=end, sentence=sent.index if sent else 0, quantity=q)
