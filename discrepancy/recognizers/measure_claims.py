"""One figure in a unit, as a claim: the record the small recognizers of
durations (anniversaries, streaks, "a year and a half") make of a phrase."""

from __future__ import annotations

from ..model import Claim, Document, Quantity
from ..text import units
from ..text.words import sentence_context


def measure_claim(
    doc: Document, start: int, end: int, value: float, info: units.UnitInfo,
    surface_value: str, surface_unit: str, subject: str = "",
    attributes: tuple[str, ...] = (),
) -> Claim:
    """The exact figure ``value`` (in ``info``'s unit as written) of
    ``doc.text[start:end]``, in canonical units, with its sentence's context."""
    v = units.to_canonical(value, info)
    sent = doc.sentence_at(start)
    return Claim(
        doc=doc.id, category="quantity", text=doc.text[start:end], start=start, end=end,
        sentence=sent.index if sent else 0, subject=subject,
        context=sentence_context(sent.text) if sent else (),
        quantity=Quantity(
            low=v, high=v, value=v, unit=info.unit, dimension=info.dimension,
            qualifier="exact", subject=subject, attributes=attributes,
            surface_value=surface_value, surface_unit=surface_unit,
        ),
    )
