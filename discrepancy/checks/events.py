"""What names an event in a passage: its content stems, less the words of the
story's topic, numbers and date words. The date and attribution checks match
passages by these keys (``text.similarity`` scores them)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from ..model import Document
from ..text.words import content_stems

COMMON_SHARE = 0.4  # a stem in more than this share of sentences is topic, not event
MIN_SENTENCES_FOR_TOPIC = 10
_NUMERIC = re.compile(r"^[\d,.\-]+$|^\d")


@cache
def _date_words() -> frozenset[str]:
    """Stems that date an event rather than name it (read on first use: the
    stemmer's data is not loaded by ``import discrepancy``)."""
    return frozenset(
        content_stems(
            "january february march april may june july august september october november "
            "december monday tuesday wednesday thursday friday saturday sunday week month year "
            "day mid-october mid-september mid-november early late morning afternoon evening night"
        )
    )


def common_stems(docs: Iterable[Document], share: float = COMMON_SHARE) -> frozenset[str]:
    """Stems found in more than ``share`` of all sentences of ``docs``."""
    df: Counter[str] = Counter()
    n = 0
    for d in docs:
        for s in d.sentences:
            n += 1
            df.update(set(content_stems(s.text)))
    if n < MIN_SENTENCES_FOR_TOPIC:
        return frozenset()  # too little text to tell the topic from the event
    return frozenset(w for w, c in df.items() if c / n > share)


def event_key(words: Iterable[str], common: frozenset[str]) -> list[str]:
    """Sorted unique stems that identify an event: no topic words, numbers or date words."""
    date_words = _date_words()
    return sorted(
        {
            w
            for w in words
            if w not in common and w not in date_words and not _NUMERIC.match(w) and len(w) > 1
        }
    )
