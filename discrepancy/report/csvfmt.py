"""``csv``: one row per finding, the columns of ``records.flat_record``."""

from __future__ import annotations

from typing import Any

from ..model import Report
from .common import csv_safe
from .records import _EMPTY, flat_record, report_to_dict


def render_csv(report: Report, **_: Any) -> str:
    """One row per finding; cells a spreadsheet would run as formulas start with ``'``."""
    import pandas as pd

    rows = [
        {k: csv_safe(v) for k, v in flat_record(r).items()}
        for r in report_to_dict(report)["findings"]
    ]
    columns = list(flat_record(_EMPTY).keys())
    # dtype=object keeps line numbers as integers in rows where some are missing
    # (pandas would otherwise write evidence_line as "3.0").
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    return str(frame.to_csv(index=False, lineterminator="\n"))
