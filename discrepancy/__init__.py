"""discrepancy: check the figures, dates and attributions in one text against others."""

from __future__ import annotations

from .checks.engine import check
from .figure_table import FigureTable, compare
from .model import Claim, Document, Finding, Match, Quantity, Report
from .options import Options
from .recognizers.extract import extract

__version__ = "0.1.0"

__all__ = [
    "Claim", "Document", "FigureTable", "Finding", "Match", "Options", "Quantity", "Report",
    "check", "compare", "extract", "__version__",
]
