"""All claims of one document: the registry's recognizers run in order, then
the post-stages of the figures (not-claims filter, heights merge, time frames)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache, lru_cache

from ..model import Claim, Document
from .base import Context
from .base import Spans as _Spans  # noqa: F401 (tests on other branches import it here)


def as_document(
    doc: Document | str, id: str = "doc", role: str = "source", *, argument: str = "doc"
) -> Document:
    """``doc`` itself, or a Document of the text ``doc``; ``argument`` names the
    caller's parameter in the TypeError a wrong type gets (not an AttributeError
    from deep inside a recognizer)."""
    if isinstance(doc, Document):
        return doc
    if not isinstance(doc, str):
        raise TypeError(
            f"{argument} must be a str (the text) or a Document, not {type(doc).__name__}"
        )
    return _document_of_text(doc, id, role)


# A batch checks many targets against the same source texts: each is split into
# sentences once (a tenth of a check was re-splitting them). Documents are frozen,
# so a shared one cannot change under a caller.
@lru_cache(maxsize=128)
def _document_of_text(text: str, id: str, role: str) -> Document:
    from ..text.load import document_from_text

    return document_from_text(text, id=id, role=role)  # type: ignore[arg-type]


def extract(doc: Document | str) -> list[Claim]:
    """Every claim in ``doc``, ordered by position."""
    return list(_extract_cached(as_document(doc)))


# Checking many targets against the same sources extracts each source once.
# Documents are frozen and hash by content, so a cached result cannot go stale.
@lru_cache(maxsize=128)
def _extract_cached(document: Document) -> tuple[Claim, ...]:
    return tuple(_extract(document))


class _Stages:
    """The modules of the recognizers and of the post-stages of the figures,
    imported on first use (``import discrepancy`` stays light) and then held: an
    import statement in a function runs the import machinery at every call, four
    per document. Their functions are still looked up at each call, so a test
    that replaces one (or the registry's tuple) is heard."""

    def __init__(self) -> None:
        from . import (
            currency_families,
            elided_money,
            elided_scales,
            gapped_counts,
            heights,
            listed_units,
            not_claims,
            registry,
            timeframes,
        )

        self.registry = registry
        self.currency_families = currency_families
        self.heights = heights
        self.elided_money = elided_money
        self.elided_scales = elided_scales
        self.gapped_counts = gapped_counts
        self.listed_units = listed_units
        self.not_claims = not_claims
        self.timeframes = timeframes


@cache
def _stages() -> _Stages:
    return _Stages()


def _extract(document: Document) -> list[Claim]:
    context = Context()
    for recognizer in _stages().registry.RECOGNIZERS:
        context = context.then(recognizer, recognizer.recognize(document, context))
    claims = _figure_post_stages(document, context) + [
        c for r, cs in context.found if r.category != "quantity" for c in cs
    ]
    return sorted(claims, key=lambda c: (c.start, c.end, c.category))


def _figure_post_stages(document: Document, context: Context) -> list[Claim]:
    """The post-stages of the figures: the not-claims filter, the heights merge,
    the money carried across a full stop and a list's unit to its bare figures
    (prose only), a bare currency name read by the document's named one, then the
    time frames (rows
    keep their caption's)."""
    stages = _stages()
    is_claim = stages.not_claims.is_claim
    figures = [r for r in context.found if r[0].category == "quantity"]
    prose = [c for r, cs in figures if r.prose for c in cs if is_claim(document, c)]
    rows = [c for r, cs in figures if not r.prose for c in cs]
    merged = stages.listed_units.carry_list_units(document, stages.elided_money.carry_money(
        document, stages.heights.merge_heights(document, prose)
    ))
    merged = stages.gapped_counts.gapped_counts(document, merged)
    merged = stages.elided_scales.carry_scales(document, merged)
    merged = stages.currency_families.name_families(document, merged)
    return stages.timeframes.attach_time_frames(document, merged + rows, context.claims("date"))


def with_doc(claims: list[Claim], doc_id: str) -> list[Claim]:
    return [c if c.doc == doc_id else replace(c, doc=doc_id) for c in claims]
