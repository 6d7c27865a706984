"""Durations written in parts, read whole before the quantity scanner: "a year and
a half" (``and_a_half``), "one hour and 17 minutes" and "2:08:51"
(``compound_durations``). One recognizer for both: most texts hold neither, and
one pass of the registry for the two cost as much as either."""

from __future__ import annotations

from ..model import Claim, Document
from .and_a_half import extract_and_a_half
from .base import Context, Recognizer
from .compound_durations import extract_compound_durations


class DurationPartsRecognizer(Recognizer):
    """Durations in parts as one figure each, outside table rows."""

    name = "duration_parts"
    category = "quantity"

    def recognize(self, doc: Document, context: Context) -> list[Claim]:
        found = extract_and_a_half(doc)
        found += extract_compound_durations(doc)
        if not found:
            return found
        return context.outside_rows(sorted(found, key=lambda c: c.start))
