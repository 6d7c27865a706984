"""A news fraction that is an ordinal before a noun: "a fifth championship", "a
third straight major".

The recognizer reads "a third" as a part (0.33) wherever it stands, so that an
edited "a fifth term" for the source's "a third term" still shows. Where no
source names the noun with an ordinal at all ("would tie Indiana with five
championships"), the summary counted for itself, and "no source gives 0.2" is
no finding an editor can use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ...model import Claim
from ...text.lemmas import lemma

_ORDINAL_BEFORE = re.compile(
    r"^(?:a|an|one)\s+(?:third|fifth|sixth|eighth|tenth)\s+(?!of\b|more\b|less\b|fewer\b|as\b)\w",
    re.IGNORECASE,
)
# an ordinal word or figure, then the noun or a word and the noun (both checked)
_ORDINAL = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|\d{1,3}(?:st|nd|rd|th))\s+([^\W\d_]+)(?:\s+([^\W\d_]+))?",
    re.IGNORECASE,
)


def is_ordinal_part(c: Claim) -> bool:
    """The claim reads "a third <noun>": an ordinal the recognizer took as a part."""
    return bool(c.subject) and _ORDINAL_BEFORE.match(c.text) is not None


def ordinal_named(c: Claim, texts: Iterable[str]) -> bool:
    """Whether a source names the claim's noun after an ordinal ("his third major
    in succession", "a second term")."""
    noun = lemma(c.subject.split()[-1]) if c.subject else ""
    if not noun:
        return False
    for text in texts:
        for m in _ORDINAL.finditer(text):
            if lemma(m.group(1)) == noun or (m.group(2) and lemma(m.group(2)) == noun):
                return True
    return False


_ARTICLE_PART = re.compile(r"(?:a|an)\s+(third|fifth|sixth|eighth|tenth)\b", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w-]*)")


RESTATED_LOOKS = 200  # phrases sought in the sources per check: bounded work


def ordinal_restated(
    text: str, c: Claim, sources: Sequence[str], seen: dict[str, bool] | None = None
) -> bool:
    """"a sixth chart-topping album" where a source writes "her sixth
    chart-topping album": the same ordinal before the same word, whatever
    article stands before it. ``seen``: answers by phrase, for one check."""
    m = _ARTICLE_PART.match(text, c.start, c.end)
    if m is None:
        return False
    nxt = _NEXT_WORD.match(text, m.end())
    if nxt is None or nxt.group(1).lower() in ("of", "more", "less", "fewer", "as"):
        return False
    key = f"{m.group(1)} {nxt.group(1)}".lower()
    seen = {} if seen is None else seen
    if key not in seen:
        if len(seen) >= RESTATED_LOOKS:
            return False
        said = re.compile(rf"\b{m.group(1)}\s+{re.escape(nxt.group(1))}\b", re.IGNORECASE)
        seen[key] = any(said.search(t) for t in sources)
    return seen[key]


_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}
COUNTED_ORDINAL_MAX = 100


_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_TENTHS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
           "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100}


def ordinal_value(word: str) -> int | None:
    """"fifth" -> 5, "19th" -> 19, "twenty-first" -> 21; None for anything else."""
    low = word.lower()
    if low in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[low]
    if low in _TENTHS:
        return _TENTHS[low]
    tens, _, unit = low.replace(" ", "-").partition("-")
    if tens in _TENS and unit in _ORDINAL_WORDS and _ORDINAL_WORDS[unit] < 10:
        return _TENS[tens] + _ORDINAL_WORDS[unit]
    if low[:-2].isdigit() and low[-2:] in ("st", "nd", "rd", "th"):
        return int(low[:-2])
    return None


def counted_by_ordinal(c: Claim, texts: Iterable[str]) -> bool:
    """A small count a source gives as an ordinal of the same noun: "a record fifth
    point" for "five points", "its 18th day in theaters" for "after 18 days", "his
    19th win" for "won 19": the reader counted up to the ordinal."""
    q = c.quantity
    noun = lemma(c.subject.split()[-1]) if c.subject else ""
    if q is None or not noun or q.dimension != "count" or q.qualifier != "exact":
        return False
    if not (0 < q.value <= COUNTED_ORDINAL_MAX and q.value == int(q.value)):
        return False
    for text in texts:
        for m in _ORDINAL.finditer(text):
            nouns = {lemma(m.group(1))} | ({lemma(m.group(2))} if m.group(2) else set())
            if noun in nouns and ordinal_value(m.group(0).split()[0]) == q.value:
                return True
    return False


_ORDINAL_ALONE = re.compile(
    r"\b(?:(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ])?"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth"
    r"|(?:twen|thir|for|fif|six|seven|eigh|nine)tieth|hundredth|\d{1,3}(?:st|nd|rd|th))\b",
    re.IGNORECASE,
)


def ordinals_in(text: str) -> Iterable[tuple[int, int]]:
    """(value, offset) of each ordinal ``text`` writes ("his tenth in total": 10),
    up to ``COUNTED_ORDINAL_MAX``."""
    for m in _ORDINAL_ALONE.finditer(text):
        value = ordinal_value(m.group())
        if value is not None and 0 < value <= COUNTED_ORDINAL_MAX:
            yield value, m.start()
