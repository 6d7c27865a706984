"""Numbers and content words as a text writes them: digits, digits times a scale
word, spelled numbers, and the words beside each number."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from functools import cache, lru_cache

from ...model import Claim, Document
from ...text import wordlists
from ...text.numbers import parse_digits, parse_number, scale_of, spelled_value
from ...text.words import sentence_lemmas, with_event_names

NUM_TOKEN = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[a-z]+")
SCALED = re.compile(
    r"\s?(thousand|million|billion|trillion|bn|tn|m|k|lakhs?|crores?|cr)\b", re.IGNORECASE
)
# Tokenised CNN/DM text writes "1, 000" and "£" as "#".
SPLIT_THOUSANDS = re.compile(r"(?<=\d), (?=\d{3}\b)")
# Thousands set apart by spaces ("per 100 000", "6 083 murders"): read as the
# one number too, beside its groups (two numbers side by side stay readable).
# One repetition of a fixed group: linear.
SPACED_RUN = re.compile(r"(?<![\d,.])\d{1,3}(?: \d{3})+(?![\d,.]?\d)")
STRAY_WORDS = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1024)
def text_numbers(text: str) -> frozenset[float]:
    """Every number written in ``text``: digits (and digits times a scale word:
    "1.5m" gives 1.5 and 1,500,000), spaced thousands ("100 000") and spelled
    numbers ("seven", "twenty-one")."""
    # cached: the checks of one summary ask it of the same source sentences and
    # texts several times each (one in three calls was new)
    text = SPLIT_THOUSANDS.sub(",", text)
    out: set[float] = set()
    if " " in text:
        out.update(float(m.group().replace(" ", "")) for m in SPACED_RUN.finditer(text))
    for m in NUM_TOKEN.finditer(text):
        raw = m.group().rstrip(".,")
        v = parse_digits(raw)
        if v is None:
            v = parse_digits(raw.replace(",", ""))
        if v is None:
            continue
        out.add(v)
        sm = SCALED.match(text, m.end())
        if sm:
            scale = scale_of(sm.group(1))
            if scale:
                out.add(v * scale)
    words = _WORD.findall(text.lower())
    times = _times_words()
    for i in range(len(words)):
        got = spelled_value(words[i : i + 4])
        if got is not None:
            out.add(got[0])
        elif words[i] in times:
            out.add(times[words[i]])  # "scored twice": two goals
        elif words[i] == "half" and _half_a_share(words, i):
            out.add(0.5)  # "6,100 park rangers of which half carry arms"
    return frozenset(out)


# Words before a bare "half" that make it a share of something ("of which half carry
# arms", "nearly half of voters"); "the second half", "a half-time lead" are no share.
_SHARE_BEFORE_HALF = frozenset((
    "which", "whom", "them", "those", "about", "nearly", "almost", "roughly", "around",
    "some", "than", "just", "over", "under", "only", "barely", "fully", "least", "most",
))


def _half_a_share(words: list[str], i: int) -> bool:
    return (i > 0 and words[i - 1] in _SHARE_BEFORE_HALF) or (
        i + 1 < len(words) and words[i + 1] == "of" and (i == 0 or words[i - 1] not in (
            "first", "second", "the", "a", "an", "one", "other", "latter", "former"
        ))
    )


@cache
def _times_words() -> dict[str, float]:
    return {k: float(v) for k, v in wordlists.data("number_words.json")["times_words"].items()}


_TIMES = re.compile(r"\b(?:once|twice|thrice)\b", re.IGNORECASE)

# Words each side of a number that say what it is about ("Hardy, 89", "led at
# halftime 36-25", "died. He was 59"); further off, words belong to the rest of
# the sentence ("executed seven in a pool hall massacre. He fired from no more
# than six feet away" says nothing of six people).
SURROUNDING_WORDS = 4
SURROUNDING_CHARS = 60  # enough for four words; bounds the scan
ANY_WORD = re.compile(r"[^\W_]+")


def surroundings(
    text: str, start: int, end: int, words: int = SURROUNDING_WORDS
) -> frozenset[str]:
    """Content lemmas of the few words around ``text[start:end]``, the span left out."""
    reach = SURROUNDING_CHARS * words // SURROUNDING_WORDS
    before = ANY_WORD.findall(text, max(0, start - reach), start)
    after = ANY_WORD.findall(text, end, end + reach)
    return with_event_names(sentence_lemmas(" ".join(before[-words:] + after[:words])))


def numbers_with_surroundings(text: str) -> Iterator[tuple[int, float, frozenset[str]]]:
    """Every number written in ``text`` (digits, and digits times a scale word;
    spelled numbers up to "ninety-nine") with its offset and the content lemmas
    around it. Offsets are into ``text`` (the thousands fix keeps lengths)."""
    text = SPLIT_THOUSANDS.sub(",", text)
    for m in NUM_TOKEN.finditer(text):
        raw = m.group().rstrip(".,")
        v = parse_digits(raw)
        if v is None:
            v = parse_digits(raw.replace(",", ""))
        if v is None or not math.isfinite(v):
            continue
        words = surroundings(text, m.start(), m.end())
        yield m.start(), v, words
        sm = SCALED.match(text, m.end())
        scale = scale_of(sm.group(1)) if sm else None
        if scale:
            yield m.start(), v * scale, words
    for m in STRAY_WORDS.finditer(text):
        v = parse_number(m.group())
        if v is not None:
            yield m.start(), v, surroundings(text, m.start(), m.end())
    for m in _TIMES.finditer(text):
        yield m.start(), _times_words()[m.group().lower()], surroundings(text, m.start(), m.end())


def words_about(doc: Document, c: Claim, words: int) -> frozenset[str]:
    """Content lemmas of up to ``words`` words each side of a figure within its
    sentence, and the noun it counts: what the figure is about. A sentence with no
    words of its own beside the figure ("More than 10,000 have not survived.")
    takes the end of the sentence before ("... have fought Ebola infections.")."""
    sent = doc.sentences[c.sentence] if 0 <= c.sentence < len(doc.sentences) else None
    lo, hi = (sent.start, sent.end) if sent is not None else (0, len(doc.text))
    reach = SURROUNDING_CHARS * words // SURROUNDING_WORDS  # bounds the scan
    before = ANY_WORD.findall(doc.text, max(lo, c.start - reach), c.start)[-words:]
    after = ANY_WORD.findall(doc.text, c.end, min(hi, c.end + reach))[:words]
    around = sentence_lemmas(" ".join(before + after))
    if len(around) < 2 and sent is not None and c.sentence > 0:
        prev = doc.sentences[c.sentence - 1]
        tail = ANY_WORD.findall(doc.text, max(prev.start, prev.end - reach), prev.end)[-words:]
        around |= sentence_lemmas(" ".join(tail))
    # the counted noun, not the unit: "percent" says nothing of what is measured
    return with_event_names(around | sentence_lemmas(c.subject))
