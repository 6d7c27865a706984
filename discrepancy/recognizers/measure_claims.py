"""One figure in a unit, as a claim: the record the small recognizers of
durations (anniversaries, streaks, "a year and a half") make of a phrase."""

from __future__ import annotations

from ..model import Claim, Document, Quantity
from ..text import units
from ..text.words import sentence_context
from .quantities.assemble import interval

# The NewsQuant change code of a bound (as the quantity scanner writes it).
_CHANGE = {"approx": "~", "more_than": ">", "at_least": ">", "less_than": "<", "at_most": "<"}


def measure_claim(
    doc: Document, start: int, end: int, value: float, info: units.UnitInfo,
    surface_value: str, surface_unit: str, subject: str = "",
    attributes: tuple[str, ...] = (), qualifier: str = "exact", tolerance: float = 0.0,
) -> Claim:
    """The figure ``value`` (in ``info``'s unit as written) of ``doc.text[start:end]``,
    in canonical units, with its sentence's context: exact unless ``qualifier``
    says otherwise ("more than a year" is open above, "about a decade" widened)."""
    v = units.to_canonical(value, info)
    low, high, tolerance = interval(qualifier, v, v, tolerance)
    sent = doc.sentence_at(start)
    return Claim(
        doc=doc.id, category="quantity", text=doc.text[start:end], start=start, end=end,
        sentence=sent.index if sent else 0, subject=subject,
        context=sentence_context(sent.text) if sent else (),
        quantity=Quantity(
            low=low, high=high, value=v, unit=info.unit, dimension=info.dimension,
            qualifier=qualifier, change=_CHANGE.get(qualifier, "="), subject=subject,
            attributes=attributes, tolerance=tolerance,
            surface_value=surface_value, surface_unit=surface_unit,
        ),
    )
