"""discrepancy: check the figures, dates and attributions in one text against others."""

from __future__ import annotations

from . import model
from .checks.engine import check
from .figure_table import FigureTable, compare
from .model import Claim, Document, Finding, Match, Quantity, Report
from .options import Options
from .recognizers.extract import extract
from .report import records as _records
from .text import load as _load

# The records' convenience methods (Document.from_path, Report.to_dict, ...) are done
# by these stages; the model may not import them itself (see ``model.provide``).
model.provide(
    document_from_text=_load.document_from_text,
    load_document=_load.load_document,
    report_to_dict=_records.report_to_dict,
    report_to_frame=_records.report_to_frame,
)

__version__ = "0.1.0"

__all__ = [
    "Claim", "Document", "FigureTable", "Finding", "Match", "Options", "Quantity", "Report",
    "check", "compare", "extract", "__version__",
]
