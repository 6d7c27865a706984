"""Quotations a summary copies word for word from its sources.

A quotation's words have one reading: the speaker's. A summary that copies them
copies whatever figure or relative date they hold, whatever the story's own
dates make of it elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Document
from ..recognizers.attributions import canonical_text

# Bounded quotation, no nesting: linear
QUOTED = re.compile(r'["“]([^"“”\n]{1,400})["”]')
SQUASH = re.compile(r"[^a-z0-9]+")
QUOTE_MIN_WORDS = 4  # shorter quotes ("no mas") are phrases, not someone's statement
QUOTE_MIN_CHARS = 12  # letters and digits of a quotation looked up
QUOTES_LOOKED_UP = 200  # distinct quotations looked up in the sources per target


def squash(text: str) -> str:
    """Lowercase letters and digits only: "Rogue Valley Ledger" -> "roguevalleyledger"."""
    return SQUASH.sub("", canonical_text(text))


def squashed_sources(docs: Sequence[Document]) -> str:
    """All source text squashed, one document after another."""
    return " ".join(squash(d.text) for d in docs)


def verbatim_quotes(text: str, squashed: str) -> list[tuple[int, int]]:
    """The spans of ``text``'s quotations (four words or more) that a source
    writes word for word; at most ``QUOTES_LOOKED_UP`` are looked up."""
    out: list[tuple[int, int]] = []
    for looked, m in enumerate(QUOTED.finditer(text)):
        if looked >= QUOTES_LOOKED_UP:
            break
        if len(m.group(1).split()) < QUOTE_MIN_WORDS:
            continue
        key = squash(m.group(1))
        if len(key) >= QUOTE_MIN_CHARS and key in squashed:
            out.append(m.span(1))
    return out
