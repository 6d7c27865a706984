"""End-to-end accuracy on human-labelled summaries (FRANK + XSumFaith, SummEdits news).

    python benchmarks/consistency.py [--limit N] [--dump FILE] [--data FILE]

Runs ``discrepancy.check(claim, sources)`` on every dev record, in one process,
and prints per dataset and per FRANK source corpus (cnndm / bbc):

* FAR: false-alarm rate on consistent summaries (any finding at ``medium`` or above);
* recall on inconsistent summaries whose error involves a number: SummEdits
  ``edit_touches_number``; FRANK ``heur_unmatched_claim_numbers`` non-empty or
  an XSumFaith span with a digit marked by at least two workers;
* recall on date errors (SummEdits ``edit_touches_date``);
* recall on all inconsistent summaries, for context;
* the wall time of the whole split.

Beside ours it prints the reference baselines of the data README (FRANK
authors' released metric scores; the README's figures are on *test*) and the
same baselines recomputed on the records run here, with the README's thresholds.

The data is read in place from ``../shared/data/consistency/dev.jsonl``
(or ``$CONSISTENCY_DATA``), never copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import discrepancy  # noqa: E402
from discrepancy.model import SEVERITY_RANK, Finding  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "consistency" / "dev.jsonl"
GATE = SEVERITY_RANK["medium"]
TARGETS = {"far": 0.05, "summedits_num": 0.90, "frank_num": 0.93, "seconds": 60.0}

# The README's "Reference baselines on these splits" (computed on *test*):
# BAcc / FAR / recall on EntE, CircE, OutE / recall on numeric (heur) claims.
README_BASELINES = [
    ("FactCC", ".696", ".390", ".811", ".788", ".797", ".831"),
    ("DAE (<0.99)", ".597", ".367", ".634", ".586", ".568", ".437"),
    ("QAGS (<0.581)", ".708", ".323", ".678", ".701", ".779", ".921"),
    ("BERTScore-P-Art (<0.88)", ".723", ".343", ".743", ".779", ".861", ".876"),
    ("FEQA (<0.257)", ".689", ".198", ".473", ".500", ".635", ".775"),
]
# The same rules applied to ``frank_baseline_metric_scores``: flagged = predicted inconsistent.
BASELINE_RULES: list[tuple[str, str, Callable[[float], bool]]] = [
    ("FactCC", "FactCC", lambda s: s < 1),
    ("DAE (<0.99)", "Dep Entail", lambda s: s < 0.99),
    ("QAGS (<0.581)", "QAGS", lambda s: s < 0.581),
    ("BERTScore-P-Art (<0.88)", "BertScore P Art", lambda s: s < 0.88),
    ("FEQA (<0.257)", "FEQA", lambda s: s < 0.257),
]
_DIGIT = re.compile(r"\d")


def data_path(arg: str | None) -> Path:
    return Path(arg or os.environ.get("CONSISTENCY_DATA") or DEFAULT_DATA)


def load(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line))
                if limit is not None and len(out) >= limit:
                    break
    return out


# --- subsets -----------------------------------------------------------------


def group(r: dict[str, Any]) -> str:
    if r["dataset"] == "frank":
        return f"FRANK {r.get('frank_source_corpus') or '?'}"
    return "SummEdits news"


def xsf_digit_span(r: dict[str, Any]) -> bool:
    """At least two XSumFaith workers marked a span that holds a digit."""
    spans = r.get("xsumfaith_hallucination_annotations") or []
    workers = {
        a.get("worker") for a in spans
        if a.get("span_has_number") and _DIGIT.search(a.get("span") or "")
    }
    return len(workers) >= 2


def number_error(r: dict[str, Any]) -> bool:
    if r["label"] != "inconsistent":
        return False
    if r["dataset"] == "summedits_news":
        return bool(r.get("edit_touches_number"))
    return bool(r.get("heur_unmatched_claim_numbers")) or xsf_digit_span(r)


_NUMBER_WORD = re.compile(
    r"\d+(?:[,.]\d+)*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty"
    r"|thirty|forty|fifty|hundred|thousand|million|billion|dozen|first|second|third|fourth"
    r"|fifth|half|quarter)s?\b",
    re.IGNORECASE,
)


def _numbers_in(parts: list[str] | None) -> set[str]:
    return {m.group().lower() for p in parts or [] for m in _NUMBER_WORD.finditer(p)}


def inserts_new_number(r: dict[str, Any]) -> bool:
    """A SummEdits number edit that writes a number the original did not: a new
    figure. The rest removed a number or changed words beside an unchanged one,
    which leaves every figure agreeing with the article."""
    return bool(_numbers_in(r.get("edit_inserted")) - _numbers_in(r.get("edit_removed")))


def date_error(r: dict[str, Any]) -> bool:
    return r["label"] == "inconsistent" and bool(r.get("edit_touches_date"))


def flags(r: dict[str, Any]) -> dict[str, bool]:
    return {
        "number_error": number_error(r),
        "date_error": date_error(r),
        "heur": bool(r.get("heur_unmatched_claim_numbers")),
        "xsf_digit_span": xsf_digit_span(r),
        "has_digit": bool(r.get("has_digit")),
    }


# --- running -----------------------------------------------------------------


def flagged(findings: Iterable[Finding]) -> bool:
    return any(SEVERITY_RANK[f.severity] >= GATE for f in findings)


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code,
        "name": f.name,
        "severity": f.severity,
        "claim": f.claim.text,
        "subject": f.claim.subject,
        "evidence": [e.text for e in f.evidence],
        "evidence_subject": [e.subject for e in f.evidence],
        "message": f.message,
    }


def run(
    records: list[dict[str, Any]], dump=None
) -> tuple[list[bool], list[set[str]], float]:
    out: list[bool] = []
    cats: list[set[str]] = []
    t0 = time.perf_counter()
    for r in records:
        report = discrepancy.check(r["claim"], r["sources"])
        hit = flagged(report.findings)
        out.append(hit)
        cats.append({f.category for f in report.findings if SEVERITY_RANK[f.severity] >= GATE})
        if dump is not None:
            dump.write(json.dumps({
                "id": r["id"],
                "dataset": r["dataset"],
                "group": group(r),
                "label": r["label"],
                "flagged": hit,
                "outcome": outcome(r, hit),
                "flags": flags(r),
                "error_types": r.get("error_types", []),
                "claim": r["claim"],
                "edit_removed": r.get("edit_removed"),
                "edit_inserted": r.get("edit_inserted"),
                "heur_unmatched_claim_numbers": r.get("heur_unmatched_claim_numbers"),
                "findings": [finding_dict(f) for f in report.findings],
            }, ensure_ascii=False) + "\n")
    return out, cats, time.perf_counter() - t0


def outcome(r: dict[str, Any], hit: bool) -> str:
    if r["label"] == "consistent":
        return "false_alarm" if hit else "ok"
    if number_error(r) or date_error(r):
        return "caught" if hit else "miss"
    return "caught" if hit else "miss_other"


# --- tables ------------------------------------------------------------------


def rate(hits: list[bool]) -> str:
    return f"{sum(hits) / len(hits):.3f} ({sum(hits)}/{len(hits)})" if hits else "-"


def ratio(hits: list[bool]) -> float | None:
    return sum(hits) / len(hits) if hits else None


def our_table(
    records: list[dict[str, Any]], hits: list[bool], cats: list[set[str]]
) -> list[list[str]]:
    groups: dict[str, list[int]] = {}
    for i, r in enumerate(records):
        groups.setdefault(group(r), []).append(i)
        if r["dataset"] == "frank":
            groups.setdefault("FRANK all", []).append(i)
        groups.setdefault("all", []).append(i)
    order = ["SummEdits news", "FRANK cnndm", "FRANK bbc", "FRANK all", "all"]
    rows = []
    for name in [g for g in order if g in groups] + sorted(set(groups) - set(order)):
        idx = groups[name]
        rows.append([
            name,
            rate([hits[i] for i in idx if records[i]["label"] == "consistent"]),
            rate([hits[i] for i in idx if number_error(records[i])]),
            rate(["quantity" in cats[i] for i in idx if number_error(records[i])]),
            rate([hits[i] for i in idx if date_error(records[i])]),
            rate([hits[i] for i in idx if records[i]["label"] == "inconsistent"]),
        ])
    return rows


def _frank_columns(records, predicted: list[bool | None]) -> list[str]:
    """BAcc / FAR / EntE / CircE / OutE / num(heur) over FRANK records with a prediction."""
    cons, incons = [], []
    by_type: dict[str, list[bool]] = {"EntE": [], "CircE": [], "OutE": []}
    heur: list[bool] = []
    for r, p in zip(records, predicted, strict=True):
        if r["dataset"] != "frank" or p is None:
            continue
        if r["label"] == "consistent":
            cons.append(p)
            continue
        incons.append(p)
        for t, lst in by_type.items():
            if t in (r.get("error_types") or []):
                lst.append(p)
        if r.get("heur_unmatched_claim_numbers"):
            heur.append(p)
    far, rec = ratio(cons), ratio(incons)
    bacc = None if far is None or rec is None else (rec + 1 - far) / 2

    def f(x: float | None) -> str:
        return "-" if x is None else f"{x:.3f}".lstrip("0")

    return [f(bacc), f(far), *(f(ratio(v)) for v in by_type.values()), f(ratio(heur))]


def baseline_table(records: list[dict[str, Any]], hits: list[bool]) -> list[list[str]]:
    rows = [["ours (dev)", *_frank_columns(records, list(hits))]]
    for name, key, rule in BASELINE_RULES:
        preds: list[bool | None] = []
        for r in records:
            s = (r.get("frank_baseline_metric_scores") or {}).get(key)
            preds.append(None if s is None else bool(rule(float(s))))
        rows.append([f"{name} (dev)", *_frank_columns(records, preds)])
    rows += [[f"{b[0]} (README, test)", *b[1:]] for b in README_BASELINES]
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="dev.jsonl (default: $CONSISTENCY_DATA or ../shared/...)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N records")
    ap.add_argument("--dump", help="write per-record JSONL (findings, outcome) here")
    args = ap.parse_args(argv)

    path = data_path(args.data)
    if not path.is_file():
        print(f"consistency benchmark: {path} not found; skipping.")
        return 0
    from tabulate import tabulate

    records = load(path, args.limit)
    discrepancy.check("Warm-up: 3 people.", ["Warm-up: three people."])  # lazy imports, pint
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            hits, cats, seconds = run(records, fh)
    else:
        hits, cats, seconds = run(records)

    print(f"\nconsistency dev: {len(records)} records from {path.name}, "
          f"{seconds:.1f} s single process ({len(records) / seconds:.0f} records/s)\n")
    print("Ours: flagged = any finding at medium or above\n")
    print(tabulate(
        our_table(records, hits, cats),
        headers=["subset", "FAR (consistent)", "recall number errors", "…by a figure finding",
                 "recall date errors", "recall all inconsistent"],
    ))
    print("\nFRANK: ours beside the reference baselines (FRANK authors' metric scores; README "
          "thresholds).\nColumns: balanced accuracy, FAR, recall on EntE / CircE / OutE, "
          "recall on numeric (heur) claims.\n")
    print(tabulate(
        baseline_table(records, hits),
        headers=["system", "BAcc", "FAR", "EntE", "CircE", "OutE", "num(heur)"],
        disable_numparse=True,
    ))

    far = ratio([h for r, h in zip(records, hits, strict=True) if r["label"] == "consistent"])
    se = ratio([h for r, h in zip(records, hits, strict=True)
                if r["dataset"] == "summedits_news" and number_error(r)])
    fr = ratio([h for r, h in zip(records, hits, strict=True)
                if r["dataset"] == "frank" and number_error(r)])
    checks = [
        ("FAR on consistent summaries", far, f"<= {TARGETS['far']:.2f}",
         far is not None and far <= TARGETS["far"]),
        ("recall, SummEdits number edits", se, f">= {TARGETS['summedits_num']:.2f}",
         se is not None and se >= TARGETS["summedits_num"]),
        ("recall, FRANK numeric subset", fr, f">= {TARGETS['frank_num']:.2f}",
         fr is not None and fr >= TARGETS["frank_num"]),
        ("wall time (s)", seconds, f"< {TARGETS['seconds']:.0f}", seconds < TARGETS["seconds"]),
    ]
    print()
    print(tabulate(
        [[n, "-" if v is None else f"{v:.3f}", t, "ok" if ok else "MISSED"]
         for n, v, t, ok in checks],
        headers=["target", "ours", "goal", ""],
    ))
    se_recs = [(r, h) for r, h in zip(records, hits, strict=True)
               if r["dataset"] == "summedits_news" and number_error(r)]
    new = [h for r, h in se_recs if inserts_new_number(r)]
    rest = [h for r, h in se_recs if not inserts_new_number(r)]
    print("\nSummEdits number edits by what the edit did: writes a new number "
          f"{rate(new)}; only removes or keeps numbers {rate(rest)}")
    if args.dump:
        print(f"\nper-record findings written to {args.dump}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
