"""Recall on planted figure errors, in summaries nobody labelled.

    python benchmarks/perturbed.py [--limit N] [--dump FILE]

The labelled dev files hold few number errors per article, and half of them must
stay unread. This benchmark makes more, the way SummEdits made its edits: in every
*consistent* summary of the consistency, ECTSum and LLM dev files, each figure
that the check leaves alone (no finding) is changed, one at a time, to a value no
source writes (x1.37, same decimals; years and ordinals are left alone), and the
summary is checked again. Recall is the share of changed figures that get a
medium or high finding on the changed figure. Printed per file and per half, so
that a change that lifts only the read half shows as tuning. Kind ``swap`` puts in
the number of another source figure of the same dimension (the right number of the
wrong thing); the other kinds write a value no source writes.

Nothing here reads a label beyond "consistent"; the planted error is known by
construction, so every miss can be read, in either half, without spoiling the
measure half of the labelled benchmarks.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from consistency import load  # noqa: E402
from halves import HALVES, half  # noqa: E402
from tabulate import tabulate  # noqa: E402

import discrepancy  # noqa: E402
from discrepancy.model import SEVERITY_RANK, Claim, Finding  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
FILES = {
    "news (FRANK + SummEdits)": DATA / "consistency" / "dev.jsonl",
    "ECTSum": DATA / "consistency" / "ectsum_dev.jsonl",
    "LLM (FaithBench + RAGTruth)": DATA / "llm" / "dev.jsonl",
}
GATE = SEVERITY_RANK["medium"]
NUMBER = re.compile(
    r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,]|\.\d)"  # 1,234,567.5
    r"|(?<![\w.,])\d+(?:\.\d+)?(?![\w,]|\.\d)"  # 1234.5
)


def _key(r: dict[str, Any]) -> str:
    return str(r.get("source_key") or r.get("doc_id") or r["id"])


def changed(number: str) -> str | None:
    """``number`` times 1.37 written with the same decimals and grouping; None for
    what reads as a year or a tiny integer whose change is a different word."""
    plain = number.replace(",", "")
    value = float(plain)
    if "." not in plain and 1900 <= value <= 2100:
        return None
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    new = round(value * 1.37, decimals)
    if new == value:
        new = value + 10 ** -decimals
    text = f"{new:,.{decimals}f}" if "," in number else f"{new:.{decimals}f}"
    return text


_SCALES = {"million": "billion", "billion": "million", "thousand": "million"}
_SPELLED = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen")
_ORDINAL_QUARTERS = ("first", "second", "third", "fourth")
SCALE = re.compile(r"\b(million|billion|thousand)\b")
SPELLED = re.compile(r"\b(" + "|".join(_SPELLED) + r")\b", re.I)
QUARTER = re.compile(r"\b(?:Q([1-4])|(first|second|third|fourth)(?=[-\s]quarter))\b", re.I)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
KINDS = ("figure", "swap", "scale", "spelled", "year", "quarter")


def _swap(m: re.Match[str], kind: str) -> str | None:
    """The replacement of one matched token for an edit of ``kind``."""
    word = m.group()
    if kind == "figure":
        return changed(word)
    if kind == "scale":
        return _SCALES[word]
    if kind == "spelled":
        i = _SPELLED.index(word.lower())
        new = _SPELLED[(i + 1) % len(_SPELLED)]
        return new.capitalize() if word[0].isupper() else new
    if kind == "year":
        return str(int(word) - 1)
    if m.group(1):  # Q3 -> Q2
        return f"{word[0]}{(int(m.group(1)) + 2) % 4 + 1}"
    i = _ORDINAL_QUARTERS.index(word.lower())
    new = _ORDINAL_QUARTERS[(i + 3) % 4]
    return new.capitalize() if word[0].isupper() else new


_TOKEN = {"figure": NUMBER, "swap": NUMBER, "scale": SCALE, "spelled": SPELLED, "year": YEAR,
          "quarter": QUARTER}
_CATEGORY = {"figure": "quantity", "swap": "quantity", "scale": "quantity", "spelled": "quantity",
             "year": "date", "quarter": "date"}


def _other_source_number(
    c: Claim, m: re.Match[str], report: discrepancy.Report
) -> str | None:
    """The number of the source figure of the claim's dimension nearest in value
    but different, as the source writes it: the right number of the wrong thing,
    the error SummEdits and LLMs make most ("13.1%" for "13.8%")."""
    q = c.quantity
    if q is None:
        return None
    best: tuple[float, str] | None = None
    for s in report.claims:
        sq = s.quantity
        if s.doc == c.doc or sq is None or sq.dimension != q.dimension or sq.value == q.value:
            continue
        n = NUMBER.search(s.text)
        if n is None or n.group() == m.group() or not sq.value or not q.value:
            continue
        gap = abs(math.log(abs(sq.value) / abs(q.value))) if sq.value * q.value > 0 else math.inf
        if best is None or (gap, n.group()) < best:
            best = (gap, n.group())
    return best[1] if best else None


def plants(
    r: dict[str, Any], report: discrepancy.Report
) -> Iterator[tuple[str, str, int, int]]:
    """(kind, changed summary, start, end of the change) for each figure or date
    the check leaves alone, one edit at a time."""
    summary = r["claim"]
    flagged = [(f.claim.start, f.claim.end) for f in report.findings]
    sources = " ".join(r["sources"])
    for c in report.claims:
        if c.doc != report.documents[0].id:
            continue
        if any(a < c.end and c.start < b for a, b in flagged):
            continue
        for kind in KINDS:
            if c.category != _CATEGORY[kind]:
                continue
            m = _TOKEN[kind].search(summary, c.start, c.end)
            if kind == "swap":
                new = _other_source_number(c, m, report) if m else None
            else:
                new = _swap(m, kind) if m else None
            if m is None or new is None:
                continue
            if kind == "figure" and re.search(
                rf"(?<![\d.,]){re.escape(new)}(?![\d])", sources
            ):
                continue  # a changed figure some source writes may be right
            text = summary[: m.start()] + new + summary[m.end():]
            yield kind, text, m.start(), m.start() + len(new)


def _names_period(report: discrepancy.Report, f: Finding, at: int) -> bool:
    """A moved quarter is caught by the figure it frames: DQ104 on a figure of the
    changed quarter's sentence says the sources give that figure for another
    period, and shows which."""
    if f.code != "DQ104":
        return False
    sent = report.documents[0].sentence_at(at)
    return sent is not None and sent.index == f.claim.sentence


def run(path: Path, limit: int | None) -> list[dict[str, Any]]:
    out = []
    for r in load(path, limit):
        if r.get("label") != "consistent":
            continue
        base = discrepancy.check(r["claim"], r["sources"])
        for kind, text, a, b in plants(r, base):
            report = discrepancy.check(text, r["sources"])
            hit = [f for f in report.findings if SEVERITY_RANK[f.severity] >= GATE
                   and (f.claim.start < b and a < f.claim.end
                        or kind == "quarter" and _names_period(report, f, a))]
            out.append({"id": r["id"], "half": half(_key(r)), "kind": kind, "summary": text,
                        "start": a, "end": b, "caught": bool(hit),
                        "codes": sorted({f.code for f in hit}),
                        "low": sorted({f.code for f in report.findings
                                       if f.claim.start < b and a < f.claim.end})})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, help="records per file")
    ap.add_argument("--dump", help="write every planted figure and its outcome (JSONL) here")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    rows, every = [], []
    for name, path in FILES.items():
        results = run(path, args.limit)
        every += [{"file": name, **x} for x in results]
        for scope in (*HALVES, "whole"):
            sel = [x for x in results if scope == "whole" or x["half"] == scope]
            cells = []
            for kind in (*KINDS, "all"):
                part = [x for x in sel if kind == "all" or x["kind"] == kind]
                caught = sum(x["caught"] for x in part)
                cells.append(f"{caught / len(part):.3f} ({caught}/{len(part)})" if part else "-")
            rows.append([name, scope, *cells])
    print(f"Planted figure errors in consistent summaries ({time.perf_counter() - t0:.1f} s)\n")
    print("recall: share of planted errors with a medium or high finding on the change")
    print(tabulate(rows, headers=["file", "half", *KINDS, "all"]))
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            for x in every:
                fh.write(json.dumps(x, ensure_ascii=False) + "\n")
        print(f"\nevery planted figure written to {args.dump}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
