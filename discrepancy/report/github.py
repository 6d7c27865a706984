"""``github``: GitHub Actions workflow commands, one annotation per finding."""

from __future__ import annotations

from typing import Any

from ..model import Report
from .common import doc_label, visible
from .records import report_to_dict

LEVELS = {"high": "error", "medium": "warning", "low": "notice"}


def escape_data(text: str) -> str:
    # GitHub's rules (toolkit's command.ts): "%" first, so later escapes are not re-escaped.
    # Other control characters (ESC of a terminal sequence) are shown, not sent raw.
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report, **_: Any) -> str:
    data = report_to_dict(report)
    lines = []
    for rec in data["findings"]:
        c = rec["claim"]
        props = []
        if c["path"]:
            props.append(f"file={escape_property(c['path'])}")
        props += [
            f"line={c['line']}", f"col={c['column']}",
            f"endLine={c['end_line']}", f"endColumn={c['end_column']}",
            f"title={escape_property(rec['code'] + ' ' + rec['name'])}",
        ]
        message = f"{rec['message']}\nclaim: “{c['text']}”"
        for e in rec["evidence"]:
            message += f"\nevidence: “{e['text']}” ({doc_label(e)}:{e['line']}:{e['column']})"
        lines.append(f"::{LEVELS[rec['severity']]} {','.join(props)}::{escape_data(message)}")
    return "".join(line + "\n" for line in lines)
