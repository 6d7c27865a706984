"""A bare currency name read as the one currency of its family the document names:
"1,000 CFA francs ..., up 250 francs", "30 billion Australian dollars, up 2 billion
dollars".

The quantity grammar gives "francs" the Swiss franc and "dollars" the US dollar,
whatever the story is about; the summary's "250 francs" then meets no figure of the
CFA francs it works from. Where the document names exactly one currency of the
family ("CFA francs", "Hong Kong dollars") and never the default's own qualified
name ("Swiss francs", "US dollars"), its bare names are that currency.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from ..model import Claim, Document
from ..text import wordlists


@cache
def _families() -> frozenset[str]:
    return frozenset(wordlists.data("currencies.json")["families"])


def _family(surface_unit: str) -> tuple[str, bool] | None:
    """(family word, whether the name is qualified) of a currency's written name:
    "Australian dollars" -> ("dollars", True); "dollars" -> ("dollars", False)."""
    words = surface_unit.lower().split()
    if not words or words[-1] not in _families():
        return None
    return words[-1].rstrip("s"), len(words) > 1


def name_families(doc: Document, quantities: list[Claim]) -> list[Claim]:
    """``quantities`` with each bare family name read as the document's one named
    currency of that family, as above."""
    named: dict[str, list[Claim]] = {}
    bare: list[Claim] = []
    for c in quantities:
        q = c.quantity
        if q is None or not q.dimension.startswith("currency:"):
            continue
        got = _family(q.surface_unit)
        if got is None:
            continue
        if got[1]:
            named.setdefault(got[0], []).append(c)
        else:
            bare.append(c)
    if not bare or not named:
        return quantities  # most texts: no bare name, or none to read it by
    renamed: dict[int, Claim] = {}
    for c in bare:
        q = c.quantity
        assert q is not None
        family = _family(q.surface_unit)
        assert family is not None
        codes = {n.quantity.dimension: n for n in named.get(family[0], ()) if n.quantity}
        if len(codes) != 1:
            continue  # none named, or two ("US dollars" and "Australian dollars")
        dimension, model = next(iter(codes.items()))
        if dimension != q.dimension and model.quantity is not None:
            renamed[id(c)] = replace(c, quantity=replace(q, dimension=dimension,
                                                         unit=model.quantity.unit))
    return [renamed.get(id(c), c) for c in quantities]
