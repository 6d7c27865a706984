"""``html``: one self-contained page with the target text and every finding marked.

Safety: document text is untrusted (it may be a scraped page). Every string
that reaches the page goes through ``html.escape`` (quotes included, so it is
safe in attributes too), and a Content-Security-Policy allows only our own
inline style and script, by hash, so even a missed escape could not run code
or load anything from the network.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from html import escape
from importlib import resources
from typing import Any

from ..model import CATEGORIES, KINDS, Document, Finding, Report
from .common import (
    SEVERITIES,
    doc_label,
    shown_value,
    summary_line,
)
from .records import report_to_dict


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text("utf-8")


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def csp(style: str, script: str) -> str:
    return (
        "default-src 'none'; "
        f"style-src {_hash(style)}; script-src {_hash(script)}; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


def e(value: Any) -> str:
    return escape(str(value), quote=True)


def _attrs(f: Finding, n: int) -> str:
    return (
        f'data-finding="{n}" data-kind="{e(f.kind)}" data-category="{e(f.category)}" '
        f'data-severity="{e(f.severity)}"'
    )


def highlight(
    text: str,
    spans: list[tuple[int, int, int]],
    open_tag: Callable[[int, bool], str],
    close_tag: str = "</mark>",
) -> str:
    """Escaped ``text`` with each (start, end, key) span wrapped in tags.

    Overlapping spans cannot nest in HTML, so the text is cut at every span
    boundary and tags are closed and reopened around the cuts; ``open_tag(key,
    first)`` is told whether it opens the first piece of a span (the one that
    carries its id).
    """
    n = len(text)
    clean = []
    for start, end, key in spans:
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        if end == start and n:  # an empty span still gets a visible, clickable piece
            start, end = (start, start + 1) if start < n else (n - 1, n)
        clean.append((start, end, key))
    # Outer (earlier, longer) spans first, so they stay open across inner ones.
    clean.sort(key=lambda s: (s[0], -s[1], s[2]))
    bounds = sorted({0, n, *(s for s, _, _ in clean), *(t for _, t, _ in clean)})
    out: list[str] = []
    stack: list[tuple[int, int, int]] = []
    opened: set[int] = set()
    for a, b in zip(bounds, bounds[1:], strict=False):
        want = [s for s in clean if s[0] <= a and b <= s[1]]
        k = 0
        while k < len(stack) and k < len(want) and stack[k] == want[k]:
            k += 1
        out.extend(close_tag for _ in stack[k:])
        for span in want[k:]:
            out.append(open_tag(span[2], span[2] not in opened))
            opened.add(span[2])
        stack = want
        out.append(escape(text[a:b], quote=True))
    out.extend(close_tag for _ in stack)
    return "".join(out)


def _mark_tag(findings: dict[int, Finding]) -> Callable[[int, bool], str]:
    def open_tag(n: int, first: bool) -> str:
        f = findings[n]
        ident = f' id="finding-{n}"' if first else ""
        return (
            f'<mark{ident} class="sev-{e(f.severity)}" {_attrs(f, n)} tabindex="0" '
            f'title="{e(f.code + " " + f.name + ": " + f.message)}">'
        )

    return open_tag


def _evidence_quote(doc: Document, claim_start: int, claim_end: int, sentence: int) -> str:
    """The evidence sentence with the evidence span marked."""
    if 0 <= sentence < len(doc.sentences):
        s = doc.sentences[sentence]
        a, b = s.start, s.end
        if not (a <= claim_start and claim_end <= b):
            a, b = min(a, claim_start), max(b, claim_end)
    else:
        a, b = claim_start, claim_end
    text = doc.text[a:b]
    return highlight(
        text, [(claim_start - a, claim_end - a, 0)], lambda _n, _f: '<mark class="ev">'
    )


def _finding_item(f: Finding, n: int, rec: dict[str, Any], report: Report) -> str:
    c = rec["claim"]
    parts = [
        f'<li {_attrs(f, n)}>',
        # High-severity findings start open: they are the ones a reviewer must read.
        f'<details id="finding-{n}-details" class="finding sev-{e(f.severity)}"'
        f'{" open" if f.severity == "high" else ""}>',
        f'<summary><span class="badge sev-{e(f.severity)}">{e(f.severity.upper())}</span>'
        f'<span class="code">{e(f.code)} {e(f.name)}</span> {e(f.message)}</summary>',
        '<div class="body">',
        f'<p>Claim <a class="to-claim" href="#finding-{n}">“{e(c["text"])}”</a> '
        f'<span class="loc">{e(doc_label(c))}:{e(c["line"])}:{e(c["column"])}</span></p>',
    ]
    value = shown_value(c, rec["category"])
    if f.evidence:
        for ev, erec in zip(f.evidence, rec["evidence"], strict=True):
            doc = report.document(ev.doc)
            parts.append(
                f'<blockquote>{_evidence_quote(doc, ev.start, ev.end, ev.sentence)}</blockquote>'
                f'<p class="loc">{e(doc_label(erec))}:{e(erec["line"])}:{e(erec["column"])}</p>'
            )
        others = "; ".join(shown_value(er, rec["category"]) for er in rec["evidence"])
        if value or others:
            parts.append(f'<p class="values">{e(value)} <b>vs</b> {e(others)}</p>')
    else:
        parts.append('<p class="none">No evidence in any source.</p>')
        if value:
            parts.append(f'<p class="values">{e(value)}</p>')
    parts.append("</div></details></li>")
    return "".join(parts)


def _filters(data: dict[str, Any]) -> str:
    s = data["summary"]
    groups = (("severity", SEVERITIES, s["by_severity"]), ("kind", KINDS, s["by_kind"]),
              ("category", CATEGORIES, s["by_category"]))
    out = ['<form class="counts" aria-label="Filters">']
    for name, values, counts in groups:
        out.append(f"<fieldset><legend>{e(name)}</legend>")
        for v in values:
            out.append(
                f'<label><input type="checkbox" data-filter="{e(name)}" value="{e(v)}" checked> '
                f"{e(v)} ({e(counts.get(v, 0))})</label>"
            )
        out.append("</fieldset>")
    out.append("</form>")
    return "".join(out)


def render_html(report: Report, *, suppressed: int = 0, **_: Any) -> str:
    style, script = _asset("html.css"), _asset("html.js")
    data = report_to_dict(report)
    numbered = list(enumerate(report.findings, 1))
    records = dict(zip((n for n, _ in numbered), data["findings"], strict=True))
    shown_docs = [d for d in report.documents if d.role == "target"]
    shown_docs += [
        d for d in report.documents
        if d.role != "target" and any(f.claim.doc == d.id for f in report.findings)
    ]
    sections = []
    for i, doc in enumerate(shown_docs, 1):
        mine = {n: f for n, f in numbered if f.claim.doc == doc.id}
        text = highlight(
            doc.text, [(f.claim.start, f.claim.end, n) for n, f in mine.items()], _mark_tag(mine)
        )
        items = "".join(_finding_item(f, n, records[n], report) for n, f in mine.items())
        label = doc.path or doc.id
        sections.append(
            f'<section class="doc" id="doc-{i}"><h2>{e(label)} '
            f'<span class="code">{e(doc.role)} · {e(len(mine))} findings</span></h2>'
            f'<div class="grid"><pre class="text">{text}</pre>'
            f'<ol class="findings">{items or "<li class=empty>No findings.</li>"}</ol>'
            "</div></section>"
        )
    docs = "".join(
        f"<li>{e(d['role'])}: {e(d['path'] or d['id'])}</li>" for d in data["documents"]
    )
    summary = summary_line(data, suppressed)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{e(csp(style, script))}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>discrepancy report</title>\n"
        f"<style>{style}</style>\n</head>\n<body>\n"
        "<header><h1>discrepancy report</h1>"
        f'<p class="summary">{e(summary)} · <span id="shown">{len(numbered)}</span> shown</p>'
        f"{_filters(data)}"
        f'<ul class="docs">{docs}</ul></header>\n'
        f"<main>{''.join(sections)}</main>\n"
        f"<script>{script}</script>\n</body>\n</html>\n"
    )
