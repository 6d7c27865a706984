"""Renderers for the figure table of ``discrepancy compare``.

Same shape as the report renderers: one function per format, each
``(table, **options) -> str``, all built from ``FigureTable.to_dict`` or
``FigureTable.to_frame`` so the formats cannot drift apart. Document text is
untrusted: the HTML page escapes every string and allows no script and no
network access; Markdown backslash-escapes markup.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Any

from . import FORMATS, SUFFIXES
from .common import num, plural, visible

if TYPE_CHECKING:
    from ..figure_table import FigureTable

WIDTH = 100
_MARK = "✗ "  # prefixed to an outlier's cell in the text formats


def render_figures(table: FigureTable, fmt: str, *, color: bool = False) -> str:
    return FIGURE_RENDERERS[fmt](table, color=color)


# -- shared pieces --------------------------------------------------------------------------


def summary_line(data: dict[str, Any]) -> str:
    """'1 conflict, 2 agree, 4 single source — 7 figure groups in 3 documents'."""
    s = data["summary"]
    counts = ", ".join(f"{s[v]} {v}" for v in ("conflict", "agree", "single source"))
    groups = plural(s["groups"], "figure group")
    line = f"{counts} — {groups} in {plural(s['documents'], 'document')}"
    if s.get("figures_left_out"):
        from ..figure_table import MAX_FIGURES_PER_DOCUMENT

        line += (f" ({s['figures_left_out']} figures left out: over the limit of "
                 f"{MAX_FIGURES_PER_DOCUMENT} per document)")
    return line


# (from, divisor, suffix): below 10,000 a figure is short enough written out.
_SCALES = ((1e12, 1e12, "tn"), (1e9, 1e9, "bn"), (1e6, 1e6, "M"), (1e4, 1e3, "k"))


def compact(x: Any) -> str:
    """A consensus bound, short: '2.5M', '884.1', '14.4k'. Bounds are computed (rounding
    slack applied), so more than three or four significant digits would be noise."""
    if not isinstance(x, (int, float)) or isinstance(x, bool):
        return num(x)
    for start, divisor, suffix in _SCALES:
        if abs(x) >= start:
            return f"{x / divisor:.3g}{suffix}"
    return num(float(f"{x:.4g}"))


def consensus_text(group: dict[str, Any]) -> str:
    c = group["consensus"]
    if c is None:
        return "no majority"
    low, high = compact(c["low"]), compact(c["high"])
    figure = low if low == high else f"{low}–{high}"
    unit = group["unit"]
    if unit == "percent":
        return f"{figure}%"
    return f"{figure} {unit}".rstrip()


def verdict_text(group: dict[str, Any], labels: dict[str, str]) -> str:
    if group["outliers"]:
        names = ", ".join(labels[d] for d in group["outliers"])
        return f"{group['verdict']}: outlier {names}"
    return str(group["verdict"])


def subject_text(group: dict[str, Any]) -> str:
    text = group["subject"]
    if group["dimension"] != "count":
        text += f" ({group['dimension']})"
    period = group["period"]
    if period:
        start = "" if period["open_start"] else period["start"]
        text += f" [{start}..{period['end']}]" if start != period["end"] else f" [{start}]"
    return str(text)


def cell_text(group: dict[str, Any], doc: str) -> str:
    records = group["cells"].get(doc, [])
    if not records:
        return ""
    text = "; ".join(r["text"] for r in records)
    return _MARK + text if doc in group["outliers"] else text


def _labels(data: dict[str, Any]) -> dict[str, str]:
    return {d["id"]: d["id"] for d in data["documents"]}


def _legend(data: dict[str, Any]) -> list[tuple[str, str]]:
    return [(d["id"], d["path"] or d["id"]) for d in data["documents"]]


# -- formats --------------------------------------------------------------------------------


def render_json(table: FigureTable, **_: Any) -> str:
    return json.dumps(table.to_dict(), indent=2, ensure_ascii=False) + "\n"


def render_csv(table: FigureTable, **_: Any) -> str:
    # Built from to_frame (the pandas pivot), so the CSV reads back into the same frame.
    from .common import csv_safe

    frame = table.to_frame()
    # Document labels (file names) head columns; cells quote documents: both neutralised.
    frame = frame.rename(columns=csv_safe, index=csv_safe)
    frame = frame.map(csv_safe) if hasattr(frame, "map") else frame.applymap(csv_safe)
    return str(frame.to_csv(lineterminator="\n"))


def render_table(table: FigureTable, *, color: bool = False, **_: Any) -> str:
    import textwrap

    from tabulate import tabulate

    data = table.to_dict()
    docs = [d["id"] for d in data["documents"]]
    labels = _labels(data)
    # Borders take 3 characters per column; documents share what the fixed columns leave.
    fixed = {"group": 5, "subject": 18, "consensus": 14, "verdict": 16}
    per_doc = max(12, (WIDTH - sum(fixed.values()) - 3 * (len(docs) + 4) - 1) // max(len(docs), 1))

    def wrap(text: str, width: int) -> str:
        text = visible(" ".join(text.split()))  # no raw ESC from documents or file names
        return "\n".join(textwrap.wrap(text, width) or [""])

    rows = []
    for g in data["groups"]:
        verdict = wrap(verdict_text(g, labels), fixed["verdict"])
        if color and g["verdict"] == "conflict":
            verdict = "\n".join(f"\x1b[1;31m{line}\x1b[0m" for line in verdict.split("\n"))
        rows.append(
            [g["id"], wrap(subject_text(g), fixed["subject"])]
            + [wrap(cell_text(g, d), per_doc) for d in docs]
            + [wrap(consensus_text(g), fixed["consensus"]), verdict]
        )
    out = []
    if rows:
        headers = ["", "subject", *(wrap(labels[d], per_doc) for d in docs), "consensus", "verdict"]
        out.append(tabulate(rows, headers=headers, tablefmt="simple_grid", disable_numparse=True))
    legend = [f"{i}: {p}" for i, p in _legend(data) if i != p]
    out += legend
    line = summary_line(data)
    out.append(f"\x1b[1m{line}\x1b[0m" if color else line)
    return "\n".join(out) + "\n"


def render_markdown(table: FigureTable, **_: Any) -> str:
    from .markdown import md_escape

    data = table.to_dict()
    docs = [d["id"] for d in data["documents"]]
    labels = _labels(data)
    lines = [f"### discrepancy compare: {md_escape(summary_line(data))}", ""]
    if data["groups"]:
        header = ["Group", "Subject", *(md_escape(labels[d]) for d in docs), "Consensus", "Verdict"]
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + " --- |" * len(header))
        for g in data["groups"]:
            cells = [g["id"], md_escape(subject_text(g))]
            cells += [md_escape(cell_text(g, d)) or "—" for d in docs]
            verdict = md_escape(verdict_text(g, labels))
            if g["verdict"] == "conflict":
                verdict = f"**{verdict}**"
            cells += [md_escape(consensus_text(g)), verdict]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    lines += [
        f"- **{md_escape(i)}**: {md_escape(p)}" if i != p else f"- **{md_escape(i)}**"
        for i, p in _legend(data)
    ]
    lines.append("")
    return "\n".join(lines)


# -- html -----------------------------------------------------------------------------------

_STYLE = """
body { margin: 0; padding: 16px 24px 48px; font: 14px/1.45 system-ui, -apple-system,
  "Segoe UI", Roboto, sans-serif; color: #1d1d1f; background: #f6f7f9; }
h1 { font-size: 20px; margin: 0 0 4px; }
.summary { margin: 0 0 12px; }
.docs { color: #5f6368; font-size: 13px; margin: 0 0 16px; padding: 0; list-style: none; }
.docs li { display: inline; margin-right: 16px; overflow-wrap: anywhere; }
table { border-collapse: collapse; background: #fff; }
th, td { border: 1px solid #d9dce1; padding: 6px 8px; vertical-align: top; text-align: left;
  max-width: 22em; overflow-wrap: anywhere; }
th { background: #eef0f3; position: sticky; top: 0; }
tr.conflict td.verdict { color: #c62828; font-weight: 600; }
tr.agree td.verdict { color: #2e7d32; }
tr.single td.verdict { color: #5f6368; }
td.outlier { background: #ffd9d6; }
td.empty { color: #9aa0a6; }
details { margin: 0 0 4px; }
summary { cursor: pointer; }
blockquote { margin: 4px 0; padding: 0 0 0 8px; border-left: 3px solid #d9dce1;
  font-family: Georgia, serif; }
.where { color: #5f6368; font-size: 12px; }
"""


def _csp(style: str) -> str:
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode("ascii")
    return (
        f"default-src 'none'; style-src 'sha256-{digest}'; img-src 'none'; "
        "font-src 'none'; connect-src 'none'; script-src 'none'; base-uri 'none'; "
        "form-action 'none'"
    )


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _html_cell(group: dict[str, Any], doc: str, label: str) -> str:
    records = group["cells"].get(doc, [])
    if not records:
        return '<td class="empty">—</td>'
    cls = ' class="outlier"' if doc in group["outliers"] else ""
    parts = []
    for r in records:
        where = f"{label}:{r['line']}:{r['column']}"
        quote = r["sentence"] or r["text"]
        parts.append(
            f"<details><summary>{_e(r['text'])}</summary>"
            f"<blockquote>{_e(quote)}</blockquote>"
            f'<div class="where">{_e(where)}</div></details>'
        )
    return f"<td{cls}>{''.join(parts)}</td>"


def render_html(table: FigureTable, **_: Any) -> str:
    data = table.to_dict()
    docs = [d["id"] for d in data["documents"]]
    labels = _labels(data)
    paths = dict(_legend(data))
    rows = []
    for g in data["groups"]:
        cls = {"conflict": "conflict", "agree": "agree"}.get(g["verdict"], "single")
        cells = "".join(_html_cell(g, d, paths[d]) for d in docs)
        rows.append(
            f'<tr class="{cls}" id="{_e(g["id"])}"><th>{_e(g["id"])}</th>'
            f"<td>{_e(subject_text(g))}</td>{cells}"
            f"<td>{_e(consensus_text(g))}</td>"
            f'<td class="verdict">{_e(verdict_text(g, labels))}</td></tr>'
        )
    head = "".join(f'<th title="{_e(paths[d])}">{_e(labels[d])}</th>' for d in docs)
    legend = "".join(f"<li><b>{_e(i)}</b> {_e(p)}</li>" for i, p in _legend(data))
    body = (
        "<table><thead><tr><th></th><th>subject</th>"
        f"{head}<th>consensus</th><th>verdict</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        if rows else "<p>No figures to compare.</p>"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_e(_csp(_STYLE))}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>discrepancy compare</title>"
        f"<style>{_STYLE}</style></head>\n<body>"
        "<h1>Figure table</h1>"
        f'<p class="summary">{_e(summary_line(data))}</p>'
        f'<ul class="docs">{legend}</ul>\n{body}\n</body></html>\n'
    )


# The report formats a figure table is rendered in: a subset of the registry's (jsonl,
# sarif and github are lists of findings, which a table has none of), in its order and
# with its suffixes, so a new format is named once, in ``report/__init__.py``, and
# offered here by adding its renderer.
FIGURE_RENDERERS: dict[str, Callable[..., str]] = {
    "table": render_table, "json": render_json, "csv": render_csv,
    "markdown": render_markdown, "html": render_html,
}
FIGURE_FORMATS: tuple[str, ...] = tuple(f for f in FORMATS if f in FIGURE_RENDERERS)
FIGURE_SUFFIXES: dict[str, str] = {
    **{suffix: fmt for suffix, fmt in SUFFIXES.items() if fmt in FIGURE_RENDERERS},
    ".txt": "table",  # as before the registry: -o figures.txt is the text table
}
