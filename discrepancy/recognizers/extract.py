"""All claims of one document: quantities, dates, attributions and table rows."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache

from ..model import Claim, Document


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
    from ..text.load import document_from_text

    return document_from_text(doc, id=id, role=role)  # type: ignore[arg-type]


class _Spans:
    """Spans to test claims against in O(log n) each: sorted starts and the running
    maximum of ends (testing every quantity against every date was quadratic)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.max_end: list[int] = []
        reach = -1
        for _, b in ordered:
            reach = max(reach, b)
            self.max_end.append(reach)

    def overlaps(self, c: Claim) -> bool:
        """Whether some span has ``a < c.end`` and ``c.start < b``."""
        i = bisect_left(self.starts, c.end)  # spans [0, i) start before the claim ends
        return i > 0 and self.max_end[i - 1] > c.start


def extract(doc: Document | str) -> list[Claim]:
    """Every claim in ``doc``, ordered by position."""
    return list(_extract_cached(as_document(doc)))


# Checking many targets against the same sources extracts each source once.
# Documents are frozen and hash by content, so a cached result cannot go stale.
@lru_cache(maxsize=128)
def _extract_cached(document: Document) -> tuple[Claim, ...]:
    return tuple(_extract(document))


def _extract(document: Document) -> list[Claim]:
    from .anniversaries import extract_anniversaries
    from .attributions import extract_attributions
    from .dates import extract_dates, reference_date
    from .heights import merge_heights
    from .not_claims import is_claim
    from .quantities import extract_quantities
    from .tables import extract_table_claims
    from .timeframes import attach_time_frames

    dates = extract_dates(document, reference_date(document))
    date_spans = [(d.start, d.end) for d in dates]
    table = extract_table_claims(document)
    table_lines = {c.sentence for c in table}
    # A duration inside a date phrase ("over the past two months") is a time
    # frame, not a figure; a table row is read once, as a row.
    anniversaries = [
        a for a in extract_anniversaries(document) if a.sentence not in table_lines
    ]
    taken = _Spans(date_spans + [(a.start, a.end) for a in anniversaries])
    quantities = anniversaries + [
        q for q in extract_quantities(document)
        if not taken.overlaps(q) and q.sentence not in table_lines
    ]
    quantities = merge_heights(document, [q for q in quantities if is_claim(document, q)])
    quantities = attach_time_frames(document, quantities + table, dates)
    claims = quantities + dates + extract_attributions(document)
    return sorted(claims, key=lambda c: (c.start, c.end, c.category))


def with_doc(claims: list[Claim], doc_id: str) -> list[Claim]:
    return [c if c.doc == doc_id else replace(c, doc=doc_id) for c in claims]
