"""The phrases around a speech verb: who is speaking, read from the tokens.

Every phrase is at most ``MAX_NP`` words and every scan is bounded, so long
sentences cost linear time.
"""

from __future__ import annotations

import re
from functools import cache, partial
from itertools import accumulate
from typing import NamedTuple

from ...model import Document, Sentence
from ...text.wordlists import sections
from .entities import is_outlet
from .vocabulary import (
    _CONNECTORS,
    _DAY_PARTS,
    _DETERMINERS,
    _INVERTED_END,
    _NP_STOP,
    _PRONOUNS,
    _QUOTES,
    _SKIP_BEFORE_VERB,
    _SPEAKER_HEADS,
    _TIME_WORDS,
    _speech_verbs,
    _vague_heads,
)

MAX_NP = 8  # a speaker phrase longer than this is a clause, not a name
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,4}|[A-Za-z0-9][A-Za-z0-9\-’']{0,40}(?:\.(?=[A-Za-z]))?|[^\sA-Za-z0-9]"
)
APPOSITIVE_MAX = 14  # tokens between the commas of "X, the spokesman, said"
# compiled here, not by name at each call (a lookup in re's cache per token)
_DAY_NUMBER = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")


class _Tok(NamedTuple):
    """One token of a sentence. A named tuple, not a frozen dataclass: a sentence
    with a speech word makes one per token, and a frozen dataclass sets each field
    through ``object.__setattr__`` (tokens of the NewsQuant dev sentences that
    hold one: 2.1 -> 1.6 ms)."""

    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()


_LETTERS = re.compile(r"[A-Za-z]+")


@cache
def _triggers() -> frozenset[str]:
    """Words without which a sentence holds no attribution (speech verbs are all letters)."""
    return frozenset(_speech_verbs()) | {"according", "According", "ACCORDING"}


# The same tokens as _TOKEN, captured, for ``re.split``: _TOKEN takes every character
# but a space, so the text between two tokens is only spaces and the lengths of the
# parts give every offset (no match object per token).
_TOKEN_PARTS = re.compile(f"({_TOKEN.pattern})")
_new_tok = partial(tuple.__new__, _Tok)  # ``_Tok._make`` without a Python call per token


def _tokens(doc: Document, sent: Sentence) -> list[_Tok]:
    parts = _TOKEN_PARTS.split(sent.text)
    at = list(accumulate(map(len, parts), initial=sent.start))
    return list(map(_new_tok, zip(at[1:-1:2], at[2::2], parts[1::2], strict=True)))


def _np_before(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """Token range [a, b) of the speaker phrase ending just before index ``i``."""
    j = _before_adverbs_and_days(toks, i - 1)
    b = j + 1
    words = 0
    while j >= 0 and words < MAX_NP:
        t = toks[j]
        if t.text in ("'s", "’s"):
            j -= 1
            continue
        if t.text == "&" and j > 0 and toks[j - 1].is_cap and j + 1 < b:
            j -= 1  # "Marks & Spencer", "Procter & Gamble": one name
            words += 1
            continue
        if not t.is_word:
            break
        low = t.low
        if low in _DETERMINERS:
            if _article_inside(toks, j):
                j -= 2
                words += 2
                continue
            j -= 1
            break
        if low in _CONNECTORS:
            if _connector_inside(toks, j, b):
                j -= 1
                words += 1
                continue
            break
        if _ends_phrase_before(t):
            break
        j -= 1
        words += 1
    a = j + 1
    while a < b and toks[a].low in _CONNECTORS:
        a += 1
    return (a, b) if a < b else None


def _before_adverbs_and_days(toks: list[_Tok], j: int) -> int:
    """The last token of the speaker, skipping "also", "on Friday", "on January 22"
    between it and the verb."""
    # "Bloomberg News on Friday quoted", "The White House also said"
    while j >= 0 and toks[j].is_word and toks[j].low in _SKIP_BEFORE_VERB:
        j -= 1
    while j >= 0 and _DAY_NUMBER.fullmatch(toks[j].low):
        j -= 1  # "on January 22", "on Sept. 18" between speaker and verb
        if j >= 1 and toks[j].text == "." and toks[j - 1].low in _months():
            j -= 1
        if j >= 0 and (toks[j].low in _SKIP_BEFORE_VERB or toks[j].low in _months()):
            j -= 1
        if j >= 0 and toks[j].low == "on":
            j -= 1
    return j


@cache
def _months() -> frozenset[str]:
    """Month names and abbreviations, from the date words (``data/date_words.txt``)."""
    return frozenset(line.split()[0] for line in sections("date_words.txt").get("month", ()))


# built once, not a union per call
_STOP_PRONOUN_DETERMINER = _NP_STOP | _PRONOUNS | _DETERMINERS


def _article_inside(toks: list[_Tok], j: int) -> bool:
    """"spokesperson for the ministry": an article after "of"/"for" is inside."""
    prev = toks[j - 1].low if j > 0 else ""
    head = toks[j - 2] if j > 1 else None
    return prev in ("of", "for", "at") and head is not None and head.is_word and (
        head.low not in _STOP_PRONOUN_DETERMINER
    )


def _connector_inside(toks: list[_Tok], j: int, b: int) -> bool:
    """"Embassy in Georgia": a connector joins two capitalized parts only;
    "Naomi Fitch of campaign group X": "of" after a name joins its employer."""
    return j + 1 < b and j > 0 and toks[j - 1].is_cap and (
        toks[j + 1].is_cap or toks[j].low == "of"
    )


def _ends_phrase_before(t: _Tok) -> bool:
    """A verb, subordinator, pronoun or time word ends the phrase scanning back
    ("On Monday evening authorities confirmed"; "Evening Standard" is a name)."""
    low = t.low
    if low in _NP_STOP or low in _PRONOUNS or t.text in _speech_verbs():
        return True
    return low in _TIME_WORDS and not (t.is_cap and low in _DAY_PARTS)


def _np_after(toks: list[_Tok], i: int, caps_only: bool = False) -> tuple[int, int] | None:
    """Token range [a, b) of the phrase starting at index ``i`` (outlet, quoted speaker)."""
    j = i
    if j < len(toks) and toks[j].low in _DETERMINERS:
        j += 1
    words = 0
    while j < len(toks) and words < MAX_NP:
        t = toks[j]
        if not t.is_word:
            if t.text == "." and j > i and toks[j - 1].is_cap and len(toks[j - 1].text) <= 3:
                j += 1
                continue
            break
        low = t.low
        if caps_only and not t.is_cap:
            break
        if low == "and":
            # "U.S. and South Korean intelligence": "and" joins names, not clauses
            if j + 1 < len(toks) and toks[j + 1].is_cap:
                j += 1
                continue
            break
        if t.text in _speech_verbs():
            # "intelligence estimates that": a plural noun here, and the phrase's head
            nxt = toks[j + 1].low if j + 1 < len(toks) else ""
            if t.text.endswith("s") and nxt in ("that", "of") and words:
                j += 1
                words += 1
            break
        if low in _NP_STOP or low in _PRONOUNS:
            break
        j += 1
        words += 1
    return (i, j) if j > i and words else None


def _plausible_speaker(toks: list[_Tok], a: int, b: int, sentence_start: int,
                       names: frozenset[str] = frozenset()) -> bool:
    ws = toks[a:b]
    if not ws or ws[-1].low in _PRONOUNS:
        return False
    head = ws[-1].low
    if head in _SPEAKER_HEADS or head in _vague_heads():
        return True
    surface = " ".join(t.text for t in ws)
    if is_outlet(surface):
        return True
    # a capital that is not merely the sentence's first word marks a name; so
    # does a first word the document capitalizes mid-sentence too ("Brenner said")
    first = _first_word_start(toks, sentence_start)
    return any(t.is_cap and (t.start not in first or t.text in names) for t in ws)


_MARKS = frozenset(("-", "*", "•", "–", "—", "·", ">", "#"))
LABEL_WORDS_MAX = 3  # words of a "Key point:" label before a line's first word


def _first_word_start(toks: list[_Tok], sentence_start: int) -> frozenset[int]:
    """Where the sentence's first word starts, past a list marker ("- One survivor
    told ...") or a short label ("Evidence: Lab tests ..."): its capital is the
    line's, no name's."""
    if sentence_start < 0 or not toks or toks[0].start != sentence_start:
        return frozenset((sentence_start,))
    k = 0
    while k < len(toks) and (toks[k].text in _MARKS or toks[k].text.isdigit()
                             or toks[k].text in (".", ")")):
        k += 1
    out = {sentence_start}
    if k < len(toks):
        out.add(toks[k].start)
    colon = next((j for j in range(k, min(len(toks), k + LABEL_WORDS_MAX + 1))
                  if toks[j].text == ":"), None)
    if colon is not None and colon + 1 < len(toks):
        out.add(toks[colon + 1].start)
    return frozenset(out)


def _appositive(toks: list[_Tok], comma: int) -> tuple[int, int] | None:
    """Speaker of "X, the spokesman, said" / "X, 52, told": the phrase before the
    comma that opens the appositive ending at ``comma``."""
    for k in range(comma - 1, max(-1, comma - APPOSITIVE_MAX), -1):
        t = toks[k]
        if t.text in _QUOTES or t.text in (".", "!", "?", ";", ":", "(", ")"):
            return None
        if t.text == ",":
            return _np_before(toks, k) if k < comma - 1 else None
    return None


_PLACE_PREPOSITIONS = frozenset((
    "at", "in", "on", "during", "from", "after", "before", "outside", "inside", "near",
    "while", "when", "last", "this", "earlier", "later", "today", "yesterday",
))


def _np_inverted(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """The speaker after an inverted verb: '"...," said Rail Minister Helen Ashworth.'
    Never a place or time after a preposition: "..., said at UC San Diego that"."""
    if i < len(toks) and toks[i].low in _PLACE_PREPOSITIONS:
        return None
    np = _np_after(toks, i)
    if np is None:
        return None
    a, b = np
    for k in range(a + 1, b):
        if toks[k].low in _INVERTED_END:
            b = k
            break
    while b > a + 1 and toks[b - 1].low in _SKIP_BEFORE_VERB:
        b -= 1
    return (a, b)


def _capitalized_object(toks: list[_Tok], i: int) -> bool:
    """ "told Reuters", "told the Financial Times" (not "told reporters")."""
    if i < len(toks) and toks[i].low in _DETERMINERS:
        i += 1
    return i < len(toks) and toks[i].is_cap


def _surface(doc: Document, toks: list[_Tok], a: int, b: int) -> tuple[int, int, str]:
    s, e = toks[a].start, toks[b - 1].end
    return s, e, doc.text[s:e]
