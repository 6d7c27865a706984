"""Figures in plain-text tables, which AI summaries use instead of prose.

Three shapes are read:

* pipe tables (Markdown): ``| Type | Quantity |`` rows, separator rows skipped;
* tab-separated rows;
* "label value" lines under a short header such as ``Type Quantity``::

      Type Quantity
      Artillery Shells 20 million+
      Rockets Unknown

A caption ("Table 1. Known North Korean arms transfers to Russia since
September 2022") within a few lines of the table gives every row its time
frame. Each row becomes a quantity Claim (``source="table"``) whose span is
the value cell; the cell is read by ``quantities.quantity_from_cell``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Claim, Document, Period, Quantity
from ..text.wordlists import words
from .base import Context, Recognizer

_Dates = tuple[list[Claim], list[int]]  # a document's dates sorted by start, and the starts

CellParser = Callable[[str, str], "Quantity | None"]
CAPTION_REACH = 3  # lines between a table and its caption

# Header words naming the value column of a "label value" table.
_VALUE_HEADERS = words("table_value_headers.txt")
_CAPTION = re.compile(r"^\s*(?:Table|Figure|Chart|Exhibit)\s{0,3}\d{0,3}\s{0,3}[.:\-–]", re.I)
# A value cell at the end of a line: a figure with optional scale and "+",
# or a word saying the figure is not known. Bounded and unnested: linear time.
_VALUE_CELL = re.compile(
    r"\s(?P<value>(?:(?:about|around|over|under|nearly|almost|more than|less than|at least|"
    r"up to|approx\.?|~|>|<|≈)\s{0,2})?[$€£]?\d[\d,.]{0,20}(?:\s{0,2}[-–]\s{0,2}\d[\d,.]{0,20})?"
    r"\s{0,2}(?:%|percent|thousand|million|billion|trillion|k|m|bn|[a-z]{1,12})?\+?"
    r"|unknown|n/?a|none|not known|undisclosed|unclear|tbd|—|-)\s*$",
    re.I,
)
_HEADER_UNIT = re.compile(r"\((?P<unit>[^()]{1,20})\)")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*){0,20}\|?\s*$")


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Row:
    label: str
    label_start: int
    cell: str
    cell_start: int
    cell_end: int
    line: int  # index into the line list


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for ln in text.split("\n"):
        out.append(_Line(pos, pos + len(ln), ln))
        pos += len(ln) + 1
    return out


def _default_parser() -> CellParser:
    from .quantities import quantity_from_cell

    return quantity_from_cell


def _subject(label: str) -> str:
    try:
        from ..text.lemmas import lemma_phrase
    except ImportError:  # pragma: no cover - lemmas ships with the package
        return " ".join(label.lower().split())
    return lemma_phrase(" ".join(label.lower().split()))


def _cells(line: _Line, sep: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each cell, stripped, with document offsets."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    parts = line.text.split(sep)
    if sep == "|":
        # leading/trailing pipes frame the row; they do not open empty cells
        if parts and not parts[0].strip():
            pos = len(parts[0]) + 1
            parts = parts[1:]
        if parts and not parts[-1].strip():
            parts = parts[:-1]
    for p in parts:
        lead = len(p) - len(p.lstrip())
        s = line.start + pos + lead
        out.append((s, s + len(p.strip()), p.strip()))
        pos += len(p) + 1
    return out


def _value_column(header: list[str], rows: list[list[tuple[int, int, str]]]) -> int:
    for i, h in enumerate(header):
        words = set(re.findall(r"[a-z]+", h.lower()))
        if i > 0 and words & _VALUE_HEADERS:
            return i
    return len(header) - 1


def _delimited(lines: list[_Line], sep: str) -> list[tuple[list[_Row], str, int, int]]:
    """Tables whose cells are split by ``sep``: (rows, unit from header, first line, last line)."""
    tables = []
    i = 0
    while i < len(lines):
        if lines[i].text.count(sep) < (2 if sep == "|" else 1):
            i += 1
            continue
        j = i
        block: list[_Line] = []
        block_at: list[int] = []
        while j < len(lines) and lines[j].text.count(sep) >= (2 if sep == "|" else 1):
            if not _SEPARATOR.match(lines[j].text):
                block.append(lines[j])
                block_at.append(j)
            j += 1
        if len(block) >= 2:
            header = [c[2] for c in _cells(block[0], sep)]
            body = [_cells(b, sep) for b in block[1:]]
            col = _value_column(header, body)
            unit_m = _HEADER_UNIT.search(header[col]) if col < len(header) else None
            rows = []
            for at, cells in zip(block_at[1:], body, strict=True):
                if len(cells) <= col or not cells[0][2]:
                    continue
                s, e, cell = cells[col]
                rows.append(_Row(cells[0][2], cells[0][0], cell, s, e, at))
            if rows:
                tables.append((rows, unit_m.group("unit") if unit_m else "", i, j - 1))
        i = j
    return tables


def _is_plain_header(line: _Line) -> bool:
    words = line.text.split()
    if not 2 <= len(words) <= 5 or _VALUE_CELL.search(" " + line.text):
        return False
    last = re.sub(r"\(.*", "", line.text).split()
    return bool(last) and last[-1].lower().strip(":") in _VALUE_HEADERS


def _plain(lines: list[_Line]) -> list[tuple[list[_Row], str, int, int]]:
    tables = []
    i = 0
    while i < len(lines):
        if not _is_plain_header(lines[i]):
            i += 1
            continue
        unit_m = _HEADER_UNIT.search(lines[i].text)
        rows: list[_Row] = []
        j = i + 1
        while j < len(lines):
            ln = lines[j]
            m = _VALUE_CELL.search(ln.text)
            label = ln.text[: m.start()].strip() if m else ""
            # a row is short: a label of a few words and a value, not a sentence
            if m is None or not label or len(label.split()) > 6 or label.endswith((".", ",")):
                break
            vs = ln.start + m.start("value")
            rows.append(_Row(label, ln.start + ln.text.index(label), m.group("value"), vs,
                             vs + len(m.group("value")), j))
            j += 1
        if len(rows) >= 2 or (rows and _caption_near(lines, i, j - 1) is not None):
            tables.append((rows, unit_m.group("unit") if unit_m else "", i, j - 1))
            i = j
        else:
            i += 1
    return tables


def _caption_near(lines: list[_Line], first: int, last: int) -> _Line | None:
    for k in list(range(last + 1, min(len(lines), last + 1 + CAPTION_REACH))) + list(
        range(first - 1, max(-1, first - 1 - CAPTION_REACH), -1)
    ):
        if _CAPTION.match(lines[k].text):
            return lines[k]
    return None


def _caption_frame(
    doc: Document, caption: _Line | None, all_dates: Callable[[], _Dates]
) -> tuple[Period | None, tuple[str, ...]]:
    if caption is None:
        return None, ()
    from bisect import bisect_left

    from ..text.words import content_stems

    every, starts = all_dates()  # sorted by start: only the caption's own are looked at
    dates = []
    for d in every[bisect_left(starts, caption.start):]:
        if d.start >= caption.end:
            break
        if d.period is not None:
            dates.append(d)
    frame = dates[-1].period if dates else None
    return frame, tuple(content_stems(caption.text))


def extract_table_claims(doc: Document, parse_cell: CellParser | None = None) -> list[Claim]:
    """One quantity Claim per table row whose value cell reads as a figure (or "Unknown").

    ``parse_cell`` defaults to ``quantities.quantity_from_cell``; tests pass a
    stand-in. Rows get the time frame of the table's caption, if any.
    """
    if "\n" not in doc.text:
        return []  # every table shape takes two lines at least (header and a row)
    parser = parse_cell or _default_parser()
    lines = _lines(doc.text)
    found = _delimited(lines, "|")
    taken = {k for _, _, a, b in found for k in range(a, b + 1)}
    for t in _delimited(lines, "\t") + _plain(lines):
        if not any(k in taken for k in range(t[2], t[3] + 1)):
            found.append(t)
            taken.update(range(t[2], t[3] + 1))
    claims: list[Claim] = []
    dates: list[_Dates] = []

    def all_dates() -> _Dates:
        # The document's dates, read once: per table it was tables × document.
        if not dates:
            from .dates import extract_dates

            every = sorted(extract_dates(doc), key=lambda d: d.start)  # stable: same order
            dates.append((every, [d.start for d in every]))
        return dates[0]

    for rows, unit, first, last in sorted(found, key=lambda t: t[2]):
        frame, caption_words = _caption_frame(doc, _caption_near(lines, first, last), all_dates)
        for r in rows:
            has_digit = any(ch.isdigit() for ch in r.cell)
            cell = f"{r.cell} {unit}" if unit and has_digit else r.cell
            q = parser(cell, r.label)
            if q is None:
                continue
            sent = doc.sentence_at(r.cell_start)
            claims.append(
                Claim(
                    doc=doc.id,
                    category="quantity",
                    text=doc.text[r.cell_start:r.cell_end],
                    start=r.cell_start,
                    end=r.cell_end,
                    sentence=sent.index if sent else 0,
                    subject=_subject(r.label),
                    quantity=q,
                    time_frame=frame,
                    context=caption_words,
                    source="table",
                )
            )
    return claims


class TableRecognizer(Recognizer):
    """One figure per table row; its sentences are then no one else's."""

    name = "tables"
    category = "quantity"
    prose = False

    def recognize(self, doc: Document, context: Context) -> list[Claim]:
        return extract_table_claims(doc)
