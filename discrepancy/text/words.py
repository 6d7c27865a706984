"""A sentence as a bag of words: the matching keys recognizers and checks share.

Two bags, for two uses:

* event stems (``stem``, ``word_spans``, ``content_stems``): a crude stem, then a
  synonym group ("exported" -> "ship"), function words dropped. They key events
  and statements; deliberately crude but identical on both sides of a
  comparison, which is all a matching key needs.
* noun lemmas (``sentence_context``, ``sentence_lemmas``): the singular of each
  content word, for what a figure counts and what its sentence is about.

The two stopword lists differ on purpose: ``stopwords.txt`` also ends counted-noun
phrases, so it holds ~90 words an event key keeps, and ``event_stopwords.txt``
drops speech words ("told", "according") a statement key must not hold. One
merged list would change both keys.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import filterfalse

from .lemmas import lemma, stopwords
from .wordlists import lines, words

__all__ = [
    "stem", "word_spans", "content_stems", "sentence_context", "sentence_lemmas",
]


# ------------------------------------------------------------------ event stems

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9.'’\-]{0,40}")
_VOWELS = set("aeiou")


def _event_stopwords() -> frozenset[str]:
    return words("event_stopwords.txt")


@cache
def _event_synonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for ln in lines("event_synonyms.txt"):
        canon, _, rest = ln.partition(":")
        c = _raw_stem(canon.strip())
        out[c] = c
        for v in rest.split(","):
            if v.strip():
                out[_raw_stem(v.strip())] = c
    return out


def _raw_stem(word: str) -> str:
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.replace(".", "").replace("'", "")
    w = _singular(w)
    w = _without_verb_ending(w)
    # "shipp" (from "shipping") and "ship" must meet
    if len(w) >= 4 and w[-1] == w[-2] and w[-1] not in _VOWELS and w[-1].isalpha():
        w = w[:-1]
    return w


def _singular(w: str) -> str:
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith("sses"):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _without_verb_ending(w: str) -> str:
    if len(w) >= 6 and w.endswith("ing"):
        return w[:-3]
    if len(w) >= 6 and w.endswith("ed"):
        return w[:-2]
    if len(w) >= 5 and w.endswith("e"):
        return w[:-1]
    return w


@lru_cache(maxsize=65536)  # news reuses its words; stemming each once is enough
def stem(word: str) -> str:
    """Matching key of one word: crude stem, then synonym group ("exported" -> "ship")."""
    w = _raw_stem(word)
    return _event_synonyms().get(w, w)


@lru_cache(maxsize=65536)  # as ``stem``: one lookup per word, not five steps
def _word_key(found: str) -> tuple[int, str] | None:
    """(length, stem) of a word as ``_WORD`` finds it, its trailing marks cut;
    None for a function word."""
    raw = found.rstrip(".'’-")
    stops = _event_stopwords()
    if not raw or raw.lower() in stops:
        return None
    s = stem(raw)
    return (len(raw), s) if s and s not in stops else None


def word_spans(text: str, base: int = 0) -> list[tuple[int, int, str]]:
    """(start, end, stem) of every content word; function words dropped."""
    out: list[tuple[int, int, str]] = []
    for m in _WORD.finditer(text):
        key = _word_key(m.group())
        if key is not None:
            start = base + m.start()
            out.append((start, start + key[0], key[1]))
    return out


def content_stems(text: str) -> list[str]:
    """The event stems of ``text``, in order, repeats kept."""
    # word_spans' keys without their spans: the words by findall and their (cached)
    # keys by map, no match object nor offset per word
    return [k[1] for k in map(_word_key, _WORD.findall(text)) if k is not None]


# ------------------------------------------------------------------ noun lemmas

# word tokens of two letters or more (the quantity grammar's word tokens)
_LEMMA_WORD = re.compile(r"[^\W\d_]{2,}")
# ... the same in a text of ASCII only, where a letter is [a-zA-Z]: the engine tests a
# range, not three Unicode categories a character
_ASCII_LEMMA_WORD = re.compile(r"[a-zA-Z]{2,}")


@cache
def _places() -> tuple[re.Pattern[str], dict[str, str]]:
    """Names of a place, each with its canonical token ("U.S.", "United States" ->
    "=us"), from ``place_names.txt``. Short codes count only in capitals ("US",
    "UK": "us" is a pronoun)."""
    names: dict[str, str] = {}
    for ln in lines("place_names.txt"):
        canon, _, rest = ln.partition(":")
        for alias in [canon, *rest.split(",")]:
            alias = alias.strip()
            if alias:
                names[alias] = "=" + canon.strip().replace(" ", "_")
    alts = []
    for alias in sorted(names, key=len, reverse=True):
        if len(alias) <= 4 and "." not in alias and " " not in alias:
            alts.append(re.escape(alias.upper()))
        else:
            alts.append("(?i:" + re.escape(alias) + ")")
    rx = re.compile(rf"(?<![\w.])(?:{'|'.join(alts)})(?![\w])")
    return rx, {k.lower(): v for k, v in names.items()}


def place_tokens(text: str) -> list[str]:
    """The canonical tokens of the places ``text`` names, in order: "the U.S." and
    "the United States" share one ("=us"), so two sentences about the same country
    share a word however each writes it."""
    rx, canon = _places()
    return [canon[m.group().lower()] for m in rx.finditer(text)]


def sentence_context(text: str) -> tuple[str, ...]:
    """Content-word lemmas of a sentence, in order, each once (for matching)."""
    stop = stopwords()
    # lower-cased in one call
    low = text.lower()
    words = (_ASCII_LEMMA_WORD if low.isascii() else _LEMMA_WORD).findall(low)
    # each word once before its lemma: a sentence repeats "the", "of", names; mapped
    # in C (``lemma`` is a cache: most words cost no Python call)
    found = map(lemma, filterfalse(stop.__contains__, dict.fromkeys(words)))
    return tuple(dict.fromkeys([*found, *place_tokens(text)]))


def sentence_lemmas(text: str) -> frozenset[str]:
    """Content-word lemmas of a sentence as a set, spelled numbers dropped."""
    from .numbers import is_number_word

    stop = stopwords()
    if text.isascii():
        # lower-cased in one call, each word once (the checks ask this of the words
        # around every figure); outside ASCII a letter may change length when lowered
        words = dict.fromkeys(_ASCII_LEMMA_WORD.findall(text.lower()))
    else:
        words = dict.fromkeys(m.group().lower() for m in _LEMMA_WORD.finditer(text))
    found = frozenset(lemma(w) for w in words if w not in stop and not is_number_word(w))
    places = place_tokens(text)
    return found | frozenset(places) if places else found


@cache
def _same_event() -> dict[str, str]:
    groups = (line.split() for line in lines("same_event_words.txt"))
    return {w: g[0] for g in groups for w in g}


def with_event_names(lemmas: frozenset[str]) -> frozenset[str]:
    """``lemmas`` and the group name of each word that names an event another way:
    "deaths" beside a number is the "died" beside it in the source."""
    same = _same_event()
    names = {same[w] for w in lemmas if w in same}
    return lemmas | names if names else lemmas
