"""Pieces several formats share: ordering, the summary line, values as text."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..checks.engine import sort_key
from ..model import Report

SEVERITIES = ("high", "medium", "low")


# C0 controls but tab and newline, DEL and C1: ESC starts CSI/OSC sequences that can
# recolour, retitle, hide or rewrite a terminal (and 0x9b is a one-byte CSI).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """``text`` with control characters shown as ``\\x1b`` escapes, for formats read
    in a terminal or a log: document text and file names must not reach it raw."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


# OWASP "CSV injection": a spreadsheet runs a cell starting with one of these as a
# formula (=HYPERLINK(...), +cmd|..., @SUM, and tab/CR variants of them).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: a string starting like a formula gets
    a leading ``'`` (OWASP's advice); numbers and empty cells are left alone."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def ordered(report: Report) -> Report:
    """The report with findings in ``sort_key`` order, so output never depends on
    the order the comparison stages happened to produce them in."""
    return replace(report, findings=tuple(sorted(report.findings, key=sort_key)))


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def target_count(data: dict[str, Any]) -> int:
    return sum(1 for d in data["documents"] if d["role"] == "target")


def summary_line(data: dict[str, Any], suppressed: int = 0) -> str:
    """'3 high, 2 medium, 1 low — 6 findings in 1 target' from a report dict."""
    s = data["summary"]
    counts = ", ".join(f"{s['by_severity'].get(k, 0)} {k}" for k in SEVERITIES)
    total = plural(s["findings"], "finding")
    line = f"{counts} — {total} in {plural(target_count(data), 'target')}"
    if suppressed:
        line += f" ({suppressed} more in the baseline, not shown)"
    over = s.get("over_limit", 0)
    if over:
        from .records import MAX_FINDINGS_PER_TARGET

        line += (f" ({over} more not shown: over the limit of "
                 f"{MAX_FINDINGS_PER_TARGET:,} findings per target)")
    if s.get("limits_reached"):
        line += f" (limits reached: {'; '.join(s['limits_reached'])})"
    return line


def doc_label(rec: dict[str, Any]) -> str:
    """How a claim record's document is named to people: the path the user gave."""
    return str(rec["path"] or rec["doc"])


def num(x: Any) -> str:
    if x is None:
        return "?"
    if x == "inf":
        return "∞"
    if x == "-inf":
        return "-∞"
    if isinstance(x, float):
        if x.is_integer() and abs(x) < 1e15:
            return f"{int(x):,}"
        return f"{x:,.4g}" if abs(x) >= 1e-3 else f"{x:.3g}"
    if isinstance(x, int):
        return f"{x:,}"
    return str(x)


_QUALIFIER_SIGN = {
    "more_than": ">", "at_least": "≥", "plus": "≥", "less_than": "<", "at_most": "≤",
    "approx": "~", "vague": "~",
}


def shown_value(claim: dict[str, Any], category: str) -> str:
    """A claim record's value for the values column; a date read by name only
    ("on Friday", no reference date to resolve it) is shown as written."""
    return format_value(claim["value"]) or (claim["text"] if category == "date" else "")


# Canonical units are for comparing; people read "2 years", not "63,115,200 second".
# Largest first: a value is shown in the largest unit that writes it tidily.
_READABLE: dict[str, tuple[tuple[float, str], ...]] = {
    "second": ((31_557_600, "years"), (2_629_800, "months"), (604_800, "weeks"),
               (86_400, "days"), (3_600, "hours"), (60, "minutes"), (1, "seconds")),
    "kilogram": ((1_000, "tonnes"), (1, "kg"), (0.001, "g")),
    "meter": ((1_000, "km"), (1, "m"), (0.01, "cm"), (0.001, "mm")),
    "liter": ((1, "litres"), (0.001, "ml")),
}


def _as_written(low: Any, high: Any, unit: str, written: str) -> tuple[str, str] | None:
    """(figure, unit) in the unit the text used ("212 mm", "25 tons"), when
    that unit is a measure of the same dimension; None for counts and money."""
    if not written or unit in ("", "percent") or unit.isupper():
        return None
    from ..text.units import from_canonical, lookup

    info = lookup(written)
    if info is None or info.unit != unit:
        return None

    def show(x: Any) -> str:
        if not isinstance(x, (int, float)):
            return num(x)
        return num(float(f"{from_canonical(float(x), info):.6g}"))

    if low == high or high is None or high == "inf":
        return show(low), written
    if low == "-inf":
        return show(high), written
    return f"{show(low)}–{show(high)}", written


def _whole(v: float) -> bool:
    """Between one and 10,000, with at most two decimals (up to float noise):
    "1.5 hours", "6 months", "40 days" (not "1.315 months"). A value tidy in no
    unit is shown in the largest unit it fills ("1.609 km" for a mile)."""
    return 1 <= abs(v) < 10_000 and abs(round(v, 2) - v) < 1e-6 * abs(v)


def _readable(low: Any, high: Any, unit: str) -> tuple[str, str]:
    """(figure, unit) with the bounds in the largest readable unit."""
    finite = [float(x) for x in (low, high) if isinstance(x, (int, float))]
    scales = _READABLE[unit]
    pick = next(
        (
            (f, name) for f, name in scales
            if finite and all(_whole(x / f) for x in finite if x)
        ),
        None,
    ) or next(((f, n) for f, n in scales if finite and min(map(abs, finite)) >= f), scales[-1])
    factor, name = pick

    def show(x: Any) -> str:
        return num(x) if isinstance(x, str) or x is None else num(float(f"{x / factor:.4g}"))

    if low == high or high is None or high == "inf" or low == "-inf":
        one = high if low == "-inf" else low
        shown = show(one)
        return shown, (name[:-1] if shown == "1" and name.endswith("s") else name)
    return f"{show(low)}–{show(high)}", name


def format_value(value: dict[str, Any]) -> str:
    """A normalized value (``Claim.value_dict()``) as short text: '≥800 rail car'."""
    if not value:
        return ""
    if "dimension" in value:  # quantity
        low, high = value.get("low"), value.get("high")
        if low == high or high is None:
            figure = num(low)
        elif high == "inf":
            figure = num(low)
        elif low == "-inf":
            figure = num(high)
        else:
            figure = f"{num(low)}–{num(high)}"
        sign = _QUALIFIER_SIGN.get(str(value.get("qualifier", "")), "")
        if high == "inf" and not sign:
            sign = "≥"
        if low == "-inf" and not sign:
            sign = "≤"
        unit = value.get("unit") or ""
        written = _as_written(low, high, unit, str(value.get("written_unit") or ""))
        if written is not None:
            figure, unit = written
        elif unit in _READABLE:
            figure, unit = _readable(low, high, unit)
        if unit == "percent":
            text = f"{sign}{figure}%"
        else:
            text = f"{sign}{figure} {unit}".rstrip()
        subject = value.get("subject") or ""
        if subject and value.get("dimension") == "count" and figure != "1":
            from ..text.lemmas import plural

            subject = plural(subject)  # matched as lemmas, read as English: "800 rail cars"
        return f"{text} {subject}".rstrip() if subject else text
    if "granularity" in value:  # period
        start, end = value.get("start", ""), value.get("end", "")
        left = "" if value.get("open_start") else start
        right = "" if value.get("open_end") else end
        if start == end and left and right:
            return str(start)
        return f"{left}..{right}"
    if "speaker" in value:  # attribution
        speaker = str(value.get("speaker") or "")
        outlet = str(value.get("outlet") or "")
        return f"{speaker} via {outlet}" if outlet else speaker
    return ", ".join(f"{k}={v}" for k, v in sorted(value.items()))
