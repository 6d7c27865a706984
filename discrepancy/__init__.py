"""discrepancy: check the figures, dates and attributions in one text against others."""

from __future__ import annotations

from .check import check
from .extract import extract
from .figures import FigureTable, compare
from .model import Claim, Document, Finding, Match, Quantity, Report
from .options import Options

__version__ = "0.1.0"

__all__ = [
    "Claim", "Document", "FigureTable", "Finding", "Match", "Options", "Quantity", "Report",
    "check", "compare", "extract", "__version__",
]
