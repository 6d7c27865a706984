"""A small English noun singularizer, enough to compare counted nouns.

A real lemmatizer (spaCy, NLTK) would cost a model load and milliseconds per
sentence; counted nouns in news are overwhelmingly regular plurals, so suffix
rules plus an exceptions data file get them right at dictionary-lookup speed.
"""

from __future__ import annotations

from functools import cache, lru_cache

from . import wordlists

__all__ = ["lemma", "lemma_phrase", "is_plural", "stopwords"]


@cache
def _table() -> tuple[dict[str, str], frozenset[str]]:
    data = wordlists.data("noun_lemmas.json")
    return dict(data["irregular"]), frozenset(w.lower() for w in data["invariant"])


@cache
def _american() -> dict[str, str]:
    return dict(line.split()[:2] for line in wordlists.lines("spelling_variants.txt"))


@cache
def stopwords() -> frozenset[str]:
    return wordlists.words("stopwords.txt")


_KEEP_ENDINGS = ("ss", "us", "is", "ous", "ics", "'s", "’s")
_ES_ENDINGS = ("ches", "shes", "xes", "zzes", "sses")


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """Singular lowercase form of an English noun: ``"entities"`` -> ``"entity"``,
    spelled the American way (``spelling_variants.txt``): ``"councillors"`` ->
    ``"councilor"``."""
    w = _singular(word)
    return _american().get(w, w)


def _singular(word: str) -> str:
    w = word.strip().lower()
    irregular, invariant = _table()
    if w in irregular:
        return irregular[w]
    if w in invariant or len(w) <= 3 or not w.isascii():
        return w
    if w.endswith("men") and len(w) > 5:
        return w[:-3] + "man"  # freshmen, linesmen ("specimen", "abdomen": invariant)
    if not w.endswith("s"):
        return w
    if w.endswith(_KEEP_ENDINGS):
        return w
    if "-" in w:
        # "first-team players": only the last part inflects.
        head, _, tail = w.rpartition("-")
        return f"{head}-{_singular(tail)}" if tail else w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("sses"):
        return w[:-2]
    if w.endswith(_ES_ENDINGS):
        return w[:-2]
    if w.endswith("oes") and len(w) > 5:
        return w[:-2]  # potatoes, heroes; shoes/toes are exceptions
    if w.endswith("yses"):
        return w[:-4] + "ysis"
    return w[:-1]


@cache
def _plurals() -> dict[str, str]:
    irregular, _ = _table()
    return {single: plural for plural, single in irregular.items()}


def plural(word: str) -> str:
    """Plural of a singular lowercase noun, for display: "rail car" -> "rail cars"
    (the last word inflects, of each side of "and"). The inverse of ``lemma`` on the
    words it knows."""
    if " and " in word:
        return " and ".join(plural(part) for part in word.split(" and "))
    head, sep, last = word.rpartition(" ")
    irregular, invariant = _table()
    out = _plurals().get(last)
    if out is None:
        if not last or last in invariant or is_plural(last) or not last.isalpha():
            out = last
        elif last.endswith("y") and len(last) > 2 and last[-2] not in "aeiou":
            out = last[:-1] + "ies"
        elif last.endswith(("s", "x", "z", "ch", "sh")):
            out = last + "es"
        else:
            out = last + "s"
    return f"{head}{sep}{out}"


def is_plural(word: str) -> bool:
    """Whether ``word`` looks like a plural noun (its lemma differs from it)."""
    w = word.lower()
    irregular, invariant = _table()
    if w in irregular:
        return True
    return lemma(w) != w


def lemma_phrase(text: str) -> str:
    """Lemmatize every word of a short noun phrase: ``"Rail Cars"`` -> ``"rail car"``."""
    return " ".join(lemma(w) for w in text.split())
