"""``markdown``: a summary and a table, sized for a pull-request comment."""

from __future__ import annotations

import re
from typing import Any

from ..model import Report
from .common import doc_label, shown_value, summary_line, visible
from .records import report_to_dict

# Backslash-escape the characters that can turn text inside a table cell into markup:
# emphasis, code, links, raw HTML, entities, strikethrough and the cell separator.
# ("#", "+", "!" and parentheses only matter at a line start or after "]", which a cell
# never has once "[" is escaped, and escaping them would clutter the raw comment.)
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~])")


def md_escape(text: str) -> str:
    text = " ".join(str(text).split())  # a newline would end the table row
    text = visible(text)  # before escaping: the escape's backslash is then shown as written
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # "@name" in a quote would notify a GitHub user; a word joiner after "@" stops that
    # without changing what the reader sees.
    return text.replace("@", "@\u2060")


def render_markdown(report: Report, *, suppressed: int = 0, **_: Any) -> str:
    data = report_to_dict(report)
    lines = [f"### discrepancy: {md_escape(summary_line(data, suppressed))}", ""]
    if not data["findings"]:
        return "\n".join(lines)
    lines += [
        "| Severity | Code | Claim | Evidence | Values | Message |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for rec in data["findings"]:
        c = rec["claim"]
        claim = f"“{md_escape(c['text'])}” ({md_escape(doc_label(c))}:{c['line']})"
        values = md_escape(shown_value(c, rec["category"]))
        if rec["evidence"]:
            evidence = "<br>".join(
                f"“{md_escape(e['text'])}” ({md_escape(doc_label(e))}:{e['line']})"
                for e in rec["evidence"]
            )
            theirs = "; ".join(md_escape(shown_value(e, rec["category"])) for e in rec["evidence"])
            values += " vs " + theirs
        else:
            evidence = "—"
        lines.append(
            f"| **{rec['severity']}** | {rec['code']} {md_escape(rec['name'])} | {claim} | "
            f"{evidence} | {values} | {md_escape(rec['message'])} |"
        )
    lines.append("")
    return "\n".join(lines)
