"""``json`` (the version-1 report) and ``jsonl`` (one finding record per line)."""

from __future__ import annotations

import json
from typing import Any

from ..model import Report
from .records import report_to_dict


def render_json(report: Report, **_: Any) -> str:
    # Key order is the order records.py builds the dicts in, never sorted alphabetically,
    # so the file reads top-down (version, documents, findings, summary).
    return json.dumps(report_to_dict(report), indent=2, ensure_ascii=False) + "\n"


def render_jsonl(report: Report, **_: Any) -> str:
    lines = [
        json.dumps(rec, ensure_ascii=False, separators=(",", ":"))
        for rec in report_to_dict(report)["findings"]
    ]
    return "".join(line + "\n" for line in lines)
