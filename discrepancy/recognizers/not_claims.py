"""Numbers in a text that are not claims about the world.

Each rule is named for what it recognizes and is applied where figures are read
(``extract``) and where stray numbers are collected (``compare.stray_figures``),
so a number dropped here is dropped everywhere:

* ``list_marker``: the "1." or "2)" that numbers a list item;
* ``about_the_text``: a count of the summary's own words, sentences or topics
  ("Here is a summary in 200 words", "The passage covers two main topics");
* ``part_of_a_name``: the number in "Route 495", "Flight 5622", "Section 8";
* ``one_named``: "One resident, Maria Lopez, said": one of them, named, no count;
* ``set_scores``: the numbers of a run of set scores, "7-6 (5) 1-6 7-6 (4)" (tallies
  read the pairs as scores).

Stray numbers (no claim read them) have no subject yet, so the words after
them stand in for it (``stray_is_claim``).
"""

from __future__ import annotations

import math
import re
from functools import cache

from ..model import Claim, Document
from ..text.lemmas import lemma
from ..text.numbers import parse_number
from ..text.wordlists import data

# A list item's number: at the start of a line, after optional indentation,
# a bullet or a Markdown heading mark; one or two digits, then "." or ")" and a space.
_LIST_MARKER = re.compile(r"(?:^|\n)[ \t]{0,8}(?:[-*•#][ \t]{1,4})?\(?\d{1,2}[.)][ \t]")
_WORD = re.compile(r"[a-z]+")


_WORD_BEFORE = re.compile(r"([A-Za-z&]+)(\.?)[ \t]{1,3}$")
STRAY_HEAD_WORDS = 3  # "two unrelated pieces": the counted noun within three words


@cache
def _meta_words() -> dict[str, frozenset[str]]:
    raw = data("meta_text.json")
    return {k: frozenset(v) for k, v in raw.items() if not k.startswith("_")}


def list_marker(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the number of a list item ("1. Anne Rice")."""
    if end - start > 2 or end >= len(text) or text[end] not in ".)":
        return False
    line = text.rfind("\n", max(0, start - 16), start) + 1
    if line == 0 and start > 16:
        return False
    m = _LIST_MARKER.match(text, line - 1 if line else 0)
    return m is not None and m.end() - 2 <= end <= m.end()


def about_the_text(doc: Document, claim: Claim) -> bool:
    """Whether a figure counts the words, sentences or topics of the text itself."""
    q = claim.quantity
    if q is None or q.dimension != "count" or not claim.subject:
        return False
    return _meta_head(doc, claim.sentence, [claim.subject.split()[-1]])


def _meta_head(doc: Document, sentence: int, words: list[str]) -> bool:
    meta = _meta_words()
    heads = {lemma(w.lower()) for w in words}
    if not heads.isdisjoint(meta["always"]):
        return True
    if heads.isdisjoint(meta["with_anchor"]) or not 0 <= sentence < len(doc.sentences):
        return False
    said = set(_WORD.findall(doc.sentences[sentence].text.lower()))
    return not said.isdisjoint(meta["anchors"])


@cache
def _count_label() -> re.Pattern[str]:
    labels = sorted(_meta_words()["count_labels"], key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace("\\ ", r"\s") for w in labels)
    return re.compile(rf"\b(?:{alternation})\s?[:=]\s?$", re.IGNORECASE)


def labelled_count(text: str, start: int) -> bool:
    """Whether the number at ``start`` follows a label of the text's own length
    ("(Word count: 45)")."""
    label = _count_label()  # compiled on the first figure (the warm-up's), not the first label
    # The label's ":" or "=" ends at most three characters before the number (a
    # space, or a line's end that "$" may match before): without one, no label
    # precedes it, and most figures are spared the search of the labels.
    tail = text[max(0, start - 3):start]
    if ":" not in tail and "=" not in tail:
        return False
    return label.search(text, max(0, start - 24), start) is not None


def part_of_a_name(text: str, start: int) -> bool:
    """Whether the number at ``start`` follows a noun it names ("Route 495")."""
    m = _WORD_BEFORE.search(text, max(0, start - 24), start)
    if m is not None and m.group(2) and text[start:start + 1].isupper():
        return False  # "... on the flight. Fifteen passengers": a new sentence
    return m is not None and m.group(1).lower() in _meta_words()["identifiers"]


def is_claim(doc: Document, claim: Claim) -> bool:
    """A figure read from ``doc`` that states something about the world."""
    return not (
        list_marker(doc.text, claim.start, claim.end)
        or labelled_count(doc.text, claim.start)
        or about_the_text(doc, claim)
        or race_name(doc.text, claim)
        or one_named(doc.text, claim)
        or (claim.quantity is not None and claim.quantity.dimension == "count"
            and (part_of_a_name(doc.text, claim.start)
                 or phone_or_odds(doc.text, claim.start, claim.end)
                 or set_scores(doc.text, claim.start, claim.end)
                 or rate_base(doc.text, claim.start, claim.quantity.value)))
    )


# "0.19 per 100 million vehicle miles", "12 deaths per 100,000 people": the base a
# rate is given per, no count of anything
_PER_BEFORE = re.compile(r"\b(?:per|every)\s{1,3}$", re.IGNORECASE)


def rate_base(text: str, start: int, value: float) -> bool:
    """Whether the number at ``start`` is a rate's base: a power of ten after "per"."""
    if not value >= 10 or _PER_BEFORE.search(text, max(0, start - 8), start) is None:
        return False
    k = round(math.log10(value))
    return math.isclose(value, 10.0 ** k, rel_tol=1e-9)


# "One patient, 14-year-old Sabbir, was admitted": a name set off after "one" and
# its noun picks out one of them, as "one of the patients" does; no count of them.
_NAME_SET_OFF = re.compile(
    r",\s{1,3}(?:(?:a|an|the)\s{1,3})?(?:\d{1,3}-year-old\s{1,3})?"
    r"(?:[A-Z][a-z]+\.?\s{1,3})?[A-Z][\w'’-]+,"
)


def one_named(text: str, claim: Claim) -> bool:
    """A spelled "one" and its noun, then a person's name between commas."""
    if claim.text[:4].lower() != "one " or text[claim.end:claim.end + 1] != ",":
        return False
    q = claim.quantity
    return (
        q is not None and q.dimension == "count" and q.low == q.high == 1
        and _NAME_SET_OFF.match(text, claim.end) is not None
    )


# A race named by its distance: "the 200m freestyle", "the 110-metre hurdles",
# "the 4x100m relay" -- the event, not a length anyone ran or swam
_RACE_AFTER = re.compile(
    r"\s{0,2}(?:-\s?)?(?:freestyle|free|breaststroke|breast|butterfly|fly|backstroke|"
    r"medley|individual medley|im|hurdles|steeplechase|relay|dash|sprint)\b",
    re.IGNORECASE,
)


# ... or two distances of one event: "the 50m and 100m butterfly"
_ANOTHER_DISTANCE = re.compile(
    r"\s{0,2}(?:,|and|or|&)\s{1,3}\d{2,5}\s?-?\s?(?:m|metres?|meters?|km)\b", re.IGNORECASE
)


def race_name(text: str, claim: Claim) -> bool:
    """A length right before a swimming or running event's name."""
    q = claim.quantity
    if q is None or q.dimension != "length":
        return False
    end = claim.end
    another = _ANOTHER_DISTANCE.match(text, end)
    if another is not None:
        end = another.end()
    return _RACE_AFTER.match(text, end) is not None


# A telephone number: "(313) 596-1800", "412-323-7800", "1-800-273-8255",
# "0800 123 4567". Bounded repetition: linear on any text.
_PHONE = re.compile(
    r"(?<!\d)(?:\+?\d{1,3}[-. ])?(?:\(\d{3}\)\s?|\d{3}[-. ])\d{3}[-. ]\d{4}(?!\d)"
    r"|(?<!\d)0\d{3,4} \d{3} \d{3,4}(?!\d)"
)
# Betting odds: "at 3/1", "a 5-2 favourite", "odds of 10/1".
_ODDS = re.compile(
    r"(?:\b(?:at|odds of|priced at|price of)\s+)(\d{1,3}[/-]\d{1,3})\b"
    r"|\b(\d{1,3}[/-]\d{1,3})\s+(?:favou?rites?|shot|outsider|joint-favou?rite)\b",
    re.IGNORECASE,
)


# A short number to call: "call 911", "dial 999", "ring police on 101".
_CALL = re.compile(
    r"\b(?:call|dial|ring|text|phone)(?:ing|ed|s)?\s+(?:\w+\s+on\s+|on\s+)?(\d{3,5})\b",
    re.IGNORECASE,
)
INSIDE_REACH = 24  # how far around a number ``_inside`` looks for the match holding it


def _inside(
    rx: re.Pattern[str], text: str, start: int, end: int, reach: int = INSIDE_REACH
) -> bool:
    """Whether a match of ``rx`` near ``start`` (its group 1 when it has one)
    covers ``text[start:end]``."""
    lo = max(0, start - reach)
    for m in rx.finditer(text, lo, min(len(text), end + reach)):
        a, b = (m.start(1), m.end(1)) if m.lastindex and m.group(1) is not None else m.span()
        if a <= start and end <= b:
            return True
    return False


# What every match of each pattern above holds, tested first on the window
# ``_inside`` reads (most figures are near none of them, and these tests cost a
# fraction of the patterns): a phone number's "555-1234" or "123 456"; the odds'
# "/" or "-"; the verb of a number to call. IGNORECASE lets "ı" and "İ" match "i"
# ("dıal"), which lower() does not give: a text not in ASCII runs the pattern.
_PHONE_DIGITS = re.compile(r"\d{3}[-. ]\d{3}")
_CALL_VERBS = ("call", "dial", "ring", "text", "phone")


def phone_or_odds(text: str, start: int, end: int) -> bool:
    """The number is part of a telephone number, a number to call or betting
    odds: no figure. (Clock times stay figures: "between midnight and 4 am local
    time" is a time no source gave.)"""
    lo, hi = max(0, start - INSIDE_REACH), min(len(text), end + INSIDE_REACH)
    if _PHONE_DIGITS.search(text, lo, hi) and _inside(_PHONE, text, start, end):
        return True
    window = text[lo:hi]
    if not window.isascii() or any(v in window.lower() for v in _CALL_VERBS):
        if _inside(_CALL, text, start, end):
            return True
    return ("/" in window or "-" in window) and _inside(_ODDS, text, start, end)


# A run of set or game scores: "7-6 (5) 1-6 7-6 (4) 4-6 13-12 (3)", "6-4, 3-6, 7-5":
# two or more pairs, each maybe with its tie-break. Read by tallies as scores; as
# figures they were ranges ("1-6" holding any count from one to six). Bounded
# repetition, no nesting: linear.
_SET = r"\d{1,2}[-–]\d{1,2}(?:[ ]?\(\d{1,2}\))?"
_SET_SCORES = re.compile(rf"(?<![\w.,/-]){_SET}(?:,?[ ]{_SET}){{1,5}}(?![\w%/-])")
SET_SCORES_REACH = 60  # characters of a run before the number it holds


def set_scores(text: str, start: int, end: int) -> bool:
    """The number is part of a run of set scores: no figure of its own."""
    lo = max(0, start - SET_SCORES_REACH)
    if "-" not in text[lo:end + 8] and "–" not in text[lo:end + 8]:
        return False
    return _inside(_SET_SCORES, text, start, end, SET_SCORES_REACH)


def blank_set_scores(text: str) -> str:
    """``text`` with its runs of set scores as spaces (same length): the numbers a
    sentence writes, without the tie-breaks and games no one counts."""
    if "-" not in text and "–" not in text:
        return text
    return _SET_SCORES.sub(lambda m: " " * len(m.group()), text)


_POINT_LABEL = re.compile(r"[-–]point\s+([A-Za-z]+)")


def stray_is_claim(doc: Document, start: int, end: int, sentence: int) -> bool:
    """``is_claim`` for a number no recognizer read: the words after it stand in
    for the counted thing."""
    if list_marker(doc.text, start, end) or part_of_a_name(doc.text, start):
        return False
    if phone_or_odds(doc.text, start, end) or set_scores(doc.text, start, end):
        return False
    value = parse_number(doc.text[start:end].replace(",", ""))
    if value is not None and rate_base(doc.text, start, value):
        return False
    if labelled_count(doc.text, start):
        return False
    after = doc.text[end:end + 48]
    m = _POINT_LABEL.match(after)
    if m is not None and m.group(1).lower() in data("quantity_words.json")["point_label_nouns"]:
        return False  # "its 3-point attempts": a kind of shot
    words = [w for w in re.findall(r"[A-Za-z]+", after)[:STRAY_HEAD_WORDS]]
    return not (words and _meta_head(doc, sentence, words))
