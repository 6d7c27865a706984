"""The recognizers, in the order they run.

Order matters: each recognizer sees what the ones above it found. Dates run
first so a figure inside a date phrase stays the date's; table rows before the
prose figures, so a row is read once, as a row. Adding a recognizer is its
module plus one line here.
"""

from __future__ import annotations

from ..model import Claim, Document
from .anniversaries import AnniversaryRecognizer
from .attributions import AttributionRecognizer
from .base import Context, Recognizer
from .dates import DateRecognizer
from .duration_parts import DurationPartsRecognizer
from .later_dates import LaterDateRecognizer
from .quantities import extract_quantities
from .streaks import StreakRecognizer
from .tables import TableRecognizer
from .unit_durations import UnitDurationRecognizer


class QuantityRecognizer(Recognizer):
    """Figures in prose, outside the spans and rows taken above."""

    name = "quantities"
    category = "quantity"

    def recognize(self, doc: Document, context: Context) -> list[Claim]:
        taken, rows = context.prose_spans(), context.row_sentences()
        return [
            q for q in extract_quantities(doc)
            if not taken.overlaps(q) and q.sentence not in rows
        ]


RECOGNIZERS: tuple[Recognizer, ...] = (
    DateRecognizer(),
    TableRecognizer(),
    AnniversaryRecognizer(),
    StreakRecognizer(),
    DurationPartsRecognizer(),
    UnitDurationRecognizer(),
    QuantityRecognizer(),
    LaterDateRecognizer(),
    AttributionRecognizer(),
)
