"""``table``: the default terminal output, sized for a 100-column terminal."""

from __future__ import annotations

import textwrap
from typing import Any

from ..model import Report
from .common import doc_label, shown_value, summary_line, visible
from .records import report_to_dict

WIDTH = 100
# Column text widths; with simple_grid's borders ("│ " + 4 × " │ " + " │" = 16) they sum to 100.
COLUMNS = (("finding", 11), ("claim", 20), ("evidence", 20), ("values", 14), ("message", 19))

_ANSI = {"high": "\x1b[1;31m", "medium": "\x1b[33m", "low": "\x1b[36m"}
_RESET = "\x1b[0m"


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters; long tokens (URLs, numbers) are cut."""
    text = visible(" ".join(str(text).split()))  # document text and file names: no raw ESC
    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]


def _quote(text: str, width: int, max_lines: int = 6) -> list[str]:
    lines = wrap(f"“{text}”", width)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1] + "…"
    return lines


def _cell(lines: list[str]) -> str:
    return "\n".join(lines)


def _paint(text: str, severity: str, color: bool) -> str:
    return f"{_ANSI[severity]}{text}{_RESET}" if color and severity in _ANSI else text


def render_table(report: Report, *, color: bool = False, suppressed: int = 0, **_: Any) -> str:
    from tabulate import tabulate

    data = report_to_dict(report)
    w = dict(COLUMNS)
    targets = {d["id"] for d in data["documents"] if d["role"] == "target"}
    rows = []
    for rec in data["findings"]:
        c = rec["claim"]
        where = f"line {c['line']}:{c['column']}"
        if len(targets) > 1 or c["doc"] not in targets:
            where = f"{doc_label(c)}:{c['line']}:{c['column']}"
        severity = _paint(rec["severity"].upper(), rec["severity"], color)
        finding = [severity, rec["kind"], rec["code"]]
        claim = _quote(c["text"], w["claim"]) + wrap(where, w["claim"])
        values = wrap(shown_value(c, rec["category"]), w["values"])
        if rec["evidence"]:
            e = rec["evidence"][0]
            evidence = _quote(e["text"], w["evidence"]) + wrap(
                f"{doc_label(e)}:{e['line']}", w["evidence"]
            )
            if len(rec["evidence"]) > 1:
                evidence += wrap(f"(+{len(rec['evidence']) - 1} more)", w["evidence"])
            values += ["vs"] + wrap(shown_value(e, rec["category"]), w["values"])
        else:
            evidence = ["—"]
        message = wrap(rec["message"], w["message"])
        rows.append([_cell(finding), _cell(claim), _cell(evidence), _cell(values), _cell(message)])
    out = []
    if rows:
        # disable_numparse: a quoted "2024" must stay text, not be right-aligned as a number.
        out.append(
            tabulate(
                rows, headers=[name for name, _ in COLUMNS], tablefmt="simple_grid",
                disable_numparse=True,
            )
        )
    line = summary_line(data, suppressed)
    if color:
        line = f"\x1b[1m{line}{_RESET}"
    out.append(line)
    return "\n".join(out) + "\n"
