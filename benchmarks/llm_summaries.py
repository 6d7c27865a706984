"""Accuracy on real LLM-written summaries with human error spans (FaithBench + RAGTruth).

    python benchmarks/llm_summaries.py [--data FILE] [--limit N] [--dump FILE]

Runs ``discrepancy.check(claim, sources)`` on every record of
``../shared/data/llm/dev.jsonl`` (or ``$LLM_DATA``), in one process. A summary is
flagged by any finding at ``medium`` or above. Prints, for each half of the file
(split by article, see ``halves.py``), per source dataset and per summarizing model:

* false alarms: flagged summaries among those with no span at all (the README's
  n=436), and among all consistent ones (benign-only spans included);
* recall on inconsistent summaries whose error spans touch a number, and a date;
* span precision: the share of medium/high findings whose claim overlaps a human
  error span (a finding elsewhere, even in an inconsistent summary, is a wrong
  line for the editor who reads it).

``--dump`` writes every false alarm (findings on summaries or places with no
error span) and every missed numeric span, one JSON object a line, to read by cause.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from consistency import load  # noqa: E402  (one reader of the dev files' JSONL)
from halves import HALVES, half  # noqa: E402

import discrepancy  # noqa: E402
from discrepancy.model import SEVERITY_RANK, Finding  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "llm" / "dev.jsonl"
GATE = SEVERITY_RANK["medium"]
TARGETS = {"far": 0.05, "num_recall": 0.65, "span_precision": 0.60}
# The data README, measured with main before this benchmark existed (whole dev file).
README = {"far": 0.342, "num_recall": 0.524, "date_recall": 0.615, "span_precision": 0.39}


def data_path(arg: str | None) -> Path:
    return Path(arg or os.environ.get("LLM_DATA") or DEFAULT_DATA)


def error_spans(r: dict[str, Any]) -> list[tuple[int, int]]:
    return [(s["start"], s["end"]) for s in r.get("spans") or [] if s.get("error")]


def no_span(r: dict[str, Any]) -> bool:
    return r["label"] == "consistent" and not r.get("spans")


def consistent(r: dict[str, Any]) -> bool:
    return r["label"] == "consistent"


def number_error(r: dict[str, Any]) -> bool:
    return r["label"] == "inconsistent" and bool(r.get("span_touches_number"))


def date_error(r: dict[str, Any]) -> bool:
    return r["label"] == "inconsistent" and bool(r.get("span_touches_date"))


def gated(findings: tuple[Finding, ...]) -> list[Finding]:
    return [f for f in findings if SEVERITY_RANK[f.severity] >= GATE]


def on_span(f: Finding, spans: list[tuple[int, int]]) -> bool:
    return any(f.claim.start < e and s < f.claim.end for s, e in spans)


class Result:
    """What one record came to: flagged, and how many gated findings hit a span."""

    __slots__ = ("findings", "flagged", "on_number_span", "on_span", "record")

    def __init__(self, record: dict[str, Any], findings: list[Finding]) -> None:
        spans = error_spans(record)
        target = [f for f in findings if f.claim.doc == "target"]
        self.record = record
        self.findings = findings
        self.flagged = bool(findings)
        self.on_span = sum(on_span(f, spans) for f in target)
        numeric = [(s["start"], s["end"]) for s in record.get("spans") or []
                   if s.get("error") and s.get("touches_number")]
        self.on_number_span = any(on_span(f, numeric) for f in target)


def run(records: list[dict[str, Any]]) -> tuple[list[Result], float]:
    out: list[Result] = []
    t0 = time.perf_counter()
    for r in records:
        report = discrepancy.check(r["claim"], r["sources"])
        out.append(Result(r, gated(report.findings)))
    return out, time.perf_counter() - t0


def rate(results: list[Result], pool: Callable[[dict[str, Any]], bool]) -> tuple[int, int]:
    chosen = [x for x in results if pool(x.record)]
    return sum(x.flagged for x in chosen), len(chosen)


def on_number_span(results: list[Result]) -> tuple[int, int]:
    """Number-error summaries with a finding on a numeric error span: caught for
    the right reason, not by a finding elsewhere in the summary."""
    chosen = [x for x in results if number_error(x.record)]
    return sum(x.on_number_span for x in chosen), len(chosen)


def span_precision(results: list[Result]) -> tuple[int, int]:
    return sum(x.on_span for x in results), sum(len(x.findings) for x in results)


def fmt(hit_n: tuple[int, int]) -> str:
    hit, n = hit_n
    return f"{hit / n:.3f} ({hit}/{n})" if n else "-"


def value(hit_n: tuple[int, int]) -> float | None:
    return hit_n[0] / hit_n[1] if hit_n[1] else None


def row(name: str, results: list[Result]) -> list[str]:
    return [
        name,
        str(len(results)),
        fmt(rate(results, no_span)),
        fmt(rate(results, consistent)),
        fmt(rate(results, number_error)),
        fmt(on_number_span(results)),
        fmt(rate(results, date_error)),
        fmt(span_precision(results)),
    ]


HEADERS = ["subset", "n", "FA (no span)", "FA (consistent)", "recall number errors",
           "…on the span",
           "recall date errors", "span precision"]


def dump(results: list[Result], path: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for x in results:
            r = x.record
            spans = error_spans(r)
            wrong = [f for f in x.findings if f.claim.doc != "target" or not on_span(f, spans)]
            missed = (
                [s for s in r.get("spans") or [] if s.get("error") and s.get("touches_number")]
                if not x.findings else []
            )
            if not wrong and not missed:
                continue
            fh.write(json.dumps({
                "id": r["id"],
                "half": half(r["source_key"]),
                "model": r["model"],
                "label": r["label"],
                "outcome": "missed" if missed else "false_alarm",
                "claim": r["claim"],
                "false_findings": [
                    {"code": f.code, "severity": f.severity, "claim": f.claim.text,
                     "evidence": [e.text for e in f.evidence], "message": f.message}
                    for f in wrong
                ],
                "missed_spans": [{"text": s["text"], "note": s.get("note")} for s in missed],
            }, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="dev.jsonl (default: $LLM_DATA or ../shared/data/llm/)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N records")
    ap.add_argument("--dump", help="write false alarms and missed numeric spans (JSONL) here")
    ap.add_argument("--by-model", action="store_true", help="also one row per summarizing model")
    args = ap.parse_args(argv)

    path = data_path(args.data)
    if not path.is_file():
        print(f"llm summaries benchmark: {path} not found; skipping.")
        return 0
    from tabulate import tabulate

    records = load(path, args.limit)
    discrepancy.check("Warm-up: 3 people.", ["Warm-up: three people."])  # lazy imports, pint
    results, seconds = run(records)
    print(f"\nLLM summaries dev: {len(records)} records from {path.name}, {seconds:.1f} s "
          f"single process ({len(records) / seconds:.0f} summaries/s)\n")

    rows = []
    for h in HALVES:
        part = [x for x in results if half(x.record["source_key"]) == h]
        rows.append(row(f"{h} half", part))
        for ds in sorted({x.record["dataset"] for x in part}):
            rows.append(row(f"  {ds}", [x for x in part if x.record["dataset"] == ds]))
    rows.append(row("whole file", results))
    print(tabulate(rows, headers=HEADERS, disable_numparse=True))
    print(f"\nREADME (main before this benchmark, whole file): FA {README['far']:.3f} (no span), "
          f"recall number {README['num_recall']:.3f}, date {README['date_recall']:.3f}, "
          f"span precision {README['span_precision']:.2f}")

    if args.by_model:
        print()
        by_model = [
            row(m, [x for x in results if x.record["model"] == m])
            for m in sorted({x.record["model"] for x in results})
        ]
        print(tabulate(by_model, headers=HEADERS, disable_numparse=True))

    checks = []
    for h in HALVES:
        part = [x for x in results if half(x.record["source_key"]) == h]
        checks += [
            (f"{h}: FA on consistent", value(rate(part, consistent)), TARGETS["far"], False),
            (f"{h}: recall number errors", value(rate(part, number_error)),
             TARGETS["num_recall"], True),
            (f"{h}: span precision", value(span_precision(part)),
             TARGETS["span_precision"], True),
        ]
    print()
    print(tabulate(
        [[n, "-" if v is None else f"{v:.3f}", f"{'>=' if up else '<='} {t:.2f}",
          "ok" if v is not None and (v >= t if up else v <= t) else "MISSED"]
         for n, v, t, up in checks],
        headers=["target", "ours", "goal", ""],
    ))
    if args.dump:
        dump(results, args.dump)
        print(f"\nfalse alarms and missed numeric spans written to {args.dump}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
