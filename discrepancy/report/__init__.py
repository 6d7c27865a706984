"""Renderers: every format is built from the records in ``records.py``.

``RENDERERS`` is the one list of output formats: the CLI's --format choices, the
formats a config may name, the extensions --output picks a format by, the API's
media types and the formats of ``compare`` (``figure_table.FIGURE_FORMATS``, a
subset) are all read from here. Renderers are imported lazily: ``check()``
imports ``records`` and should not pay for pandas or tabulate.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Report

# format name -> "module:function"; every function is (report, **options) -> str.
RENDERERS: dict[str, str] = {
    "table": "table:render_table",
    "json": "jsonfmt:render_json",
    "jsonl": "jsonfmt:render_jsonl",
    "csv": "csvfmt:render_csv",
    "markdown": "markdown:render_markdown",
    "html": "htmlreport:render_html",
    "sarif": "sarif:render_sarif",
    "github": "github:render_github",
}
FORMATS: tuple[str, ...] = tuple(RENDERERS)
# Used to pick a format from --output's name when --format is not given.
SUFFIXES: dict[str, str] = {
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".md": "markdown",
    ".markdown": "markdown", ".html": "html", ".htm": "html", ".sarif": "sarif",
}
# What the HTTP API answers with each format.
MEDIA_TYPES: dict[str, str] = {
    "json": "application/json", "jsonl": "application/x-ndjson", "csv": "text/csv",
    "markdown": "text/markdown", "html": "text/html", "sarif": "application/sarif+json",
    "table": "text/plain", "github": "text/plain",
}


def render(report: Report, fmt: str, *, color: bool = False, suppressed: int = 0) -> str:
    """The whole report in format ``fmt`` as one string.

    ``color`` adds ANSI colour where the format has any (table); ``suppressed``
    is how many findings a baseline hid, for formats with a summary line.
    """
    from .common import ordered

    module, func = RENDERERS[fmt].split(":")
    renderer = getattr(import_module(f"{__name__}.{module}"), func)
    return renderer(ordered(report), color=color, suppressed=suppressed)  # type: ignore[no-any-return]
