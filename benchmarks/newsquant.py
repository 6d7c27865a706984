"""Score our quantity extraction on NewsQuant dev, next to quantulum3.

    python benchmarks/newsquant.py [--limit N] [--dump FILE] [--repeat N] [--no-baseline]

Runs the shared scorer (``score_quantities.py``) on ``predict`` below and on
quantulum3, and prints both rows and the sentences/s ratio; then each half of
the file (by sentence id, ``halves.py``), scored from the same runs' dumps (see
``quantity_sets.py``), and the targets. The data is read in place from
``../shared`` (or ``$NEWSQUANT_DIR``), never copied.

``predict`` maps our Claims onto NewsQuant's conventions here, not in the
extractor: written (unnormalized) values, "dollar"/"percentage" unit names,
vague amounts as decades ("hundreds of" = 100-1000), no multipliers read
from verbs ("doubled"), no "several"/"a few".
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from halves import HALVES  # noqa: E402
from quantity_sets import run_scorer, score_halves  # noqa: E402

from discrepancy.model import Claim, Document  # noqa: E402
from discrepancy.recognizers.quantities import Mention, extract_quantities, quantities_in_text  # noqa: E402
from discrepancy.text import units  # noqa: E402

# Issue 12: value F1 on both halves; speed as it holds today, in the same run.
TARGETS = {"value_f1": 94.0, "speed_ratio": 30.0}

# NewsQuant annotates "hundreds of miles" as 100-1000: one decade up from the scale.
_DECADES = {
    "dozens": (12.0, 100.0),
    "tens": (10.0, 100.0),
    "hundreds": (100.0, 1000.0),
    "thousands": (1e3, 1e4),
    "millions": (1e6, 1e7),
    "billions": (1e9, 1e10),
    "trillions": (1e12, 1e13),
}
_VERB_MULTIPLIERS = {"twice", "double", "doubled", "doubles", "doubling", "triple", "tripled",
                     "triples", "tripling", "quadruple", "quadrupled", "quadrupling", "thrice"}
_USE_EXTRACT = os.environ.get("NEWSQUANT_DIRECT", "") == ""


def _extract(text: str) -> tuple[Document, list[Claim]]:
    doc = Document.from_text(text)
    if _USE_EXTRACT:
        from discrepancy import extract

        return doc, [c for c in extract(doc) if c.category == "quantity" and c.quantity]
    return doc, extract_quantities(doc)


def _written(doc: Document, claim: Claim) -> Mention | None:
    """The claim's figure as written (before normalization): the scanner's own
    mention at the claim's span, from the (cached) scan of its sentence."""
    sent = next((s for s in doc.sentences if s.index == claim.sentence), None)
    if sent is not None:
        for m in quantities_in_text(doc.text[sent.start:sent.end]):
            if sent.start + m.start == claim.start and sent.start + m.end == claim.end:
                return m
    # a table row's claim is not a sentence mention: re-read its own span
    found = quantities_in_text(claim.text)
    return found[0] if found else None


def _vague_value(surface: str) -> list[float] | None:
    words = surface.lower().replace(" of", "").split()
    if not words or words[0] not in _DECADES:
        return None
    lo, hi = _DECADES[words[0]]
    if len(words) > 1 and words[1] in _DECADES and words[0] in ("tens", "hundreds"):
        lo, hi = lo * _DECADES[words[1]][0], hi * _DECADES[words[1]][0]
    return [lo, hi]


def _unit_name(claim: Claim, m: Mention) -> str:
    q = claim.quantity
    assert q is not None
    rate = next((a for a in q.attributes if a.startswith("per ")), "")
    if q.dimension.startswith("currency:"):
        if q.surface_unit.lower() in ("cents", "cent", "sen", "pence", "p"):
            base = q.surface_unit
        else:
            base = units.currency_name(q.unit)
    elif q.dimension == "percent":
        base = "percentage"
    elif q.dimension == "percentage_point":
        base = "basis point" if "basis" in q.surface_unit.lower() else "percentage point"
    elif q.dimension == "count":
        return f"{q.surface_unit} {rate}".strip() or "-"
    elif q.dimension == "ratio":
        return f"count {rate}" if rate else "-"
    else:
        base = q.surface_unit
        if "age" in q.attributes:
            from discrepancy.text.lemmas import lemma

            base = f"{lemma(base or 'year')} of age"
    return f"{base} {rate}".strip()


def _as_written(claim: Claim, x: float) -> float:
    """Undo our normalization: NewsQuant keeps the unit as written (scale words applied)."""
    q = claim.quantity
    assert q is not None
    if q.dimension.startswith("currency:"):
        return x * 100 if units.minor_currency(q.surface_unit) else x
    if q.dimension in ("count", "ratio"):
        return x
    info = units.lookup(q.surface_unit or ("years" if "age" in q.attributes else ""))
    if info is None:
        return x
    # 12 significant digits undo the float noise of a round trip through metres
    return float(f"{units.from_canonical(x, info):.12g}")


def predict(text: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    doc, claims = _extract(text)
    for claim in claims:
        q = claim.quantity
        if q is None or "anniversary" in q.attributes:
            continue  # NewsQuant does not annotate ordinals, anniversaries included
        joined = q.dimension == "duration" and (" and " in claim.text or ", " in claim.text)
        parts = quantities_in_text(claim.text) if joined else []
        if len(parts) > 1:
            # "24 hours, 39 minutes, and 35 seconds" is one duration to the checks
            # (recognizers.compound_durations); NewsQuant annotates each part
            out.extend({"value": p.extras["written"], "unit": p.surface_unit, "change": "=",
                        "surface": claim.text} for p in parts)
            continue
        m = _written(doc, claim)
        if m is None:
            continue
        value: Any
        if q.qualifier == "vague" or m.kind == "vague":
            value = _vague_value(m.surface_value)
            if value is None:
                continue
        elif m.kind == "multiplier" and m.surface_value.lower() in _VERB_MULTIPLIERS:
            continue
        elif q.qualifier == "range":
            value = [_as_written(claim, q.low), _as_written(claim, q.high)]
        elif m.is_range:
            lo, hi = m.extras["written"]
            value = [lo, hi]
        else:
            value = _as_written(claim, q.value)
        if isinstance(value, float) and math.isnan(value):
            continue
        out.append({"value": value, "unit": _unit_name(claim, m), "change": q.change,
                    "surface": claim.text})
        # NewsQuant counts "250ml" in "eight million 250ml bottles" as a figure of its own.
        for attr in q.attributes:
            for inner in quantities_in_text(attr):
                out.append({"value": inner.extras["written"], "unit": inner.surface_unit,
                            "change": "=", "surface": attr})
    return out


# --------------------------------------------------------------------- runner


def _data_dir() -> Path:
    env = os.environ.get("NEWSQUANT_DIR")
    if env:
        return Path(env)
    return ROOT.parent / "shared" / "data" / "quantities"


def _scorer() -> Path:
    return ROOT.parent / "shared" / "tools" / "score_quantities.py"


def _run(
    adapter: str, split: Path, extra: list[str], env_extra: dict[str, str] | None = None
) -> dict[str, Any]:
    return run_scorer(adapter, split, extra, env_extra)


def _best_of(repeat: int, *args: Any) -> dict[str, Any]:
    """The scorer run ``repeat`` times; scores are identical, speed is the best run's
    (the same for every system, so the ratio is not one noisy run's)."""
    runs = [_run(*args) for _ in range(max(1, repeat))]
    return max(runs, key=lambda r: r["sentences_per_second"])


def _row(name: str, s: dict[str, Any]) -> list[Any]:
    m = s["metrics"]
    change = m.get("value+change", {}).get("F1", "-")
    return [name, m["value"]["F1"], m["value+unit"]["F1"], change, s["sentences_per_second"]]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev.jsonl")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--dump", help="write our per-sentence predictions here")
    ap.add_argument("--no-baseline", action="store_true", help="skip quantulum3")
    ap.add_argument("--repeat", type=int, default=5,
                    help="runs per system; the fastest counts (default 5)")
    args = ap.parse_args(argv)
    split = _data_dir() / args.split
    if not split.exists() or not _scorer().exists():
        print(f"NewsQuant data not found at {split} (set NEWSQUANT_DIR); nothing to score.")
        return 0
    extra = ["--limit", str(args.limit)] if args.limit else []
    with tempfile.TemporaryDirectory(prefix="newsquant-") as tmpdir:
        return _score(args, split, extra, Path(tmpdir))


def _score(args: argparse.Namespace, split: Path, extra: list[str], tmp: Path) -> int:
    # Every run dumps its predictions, so the halves are scored from these same runs.
    our_dump = Path(args.dump) if args.dump else tmp / "ours.jsonl"
    ours = _best_of(args.repeat, "newsquant:predict", split, extra + ["--dump", str(our_dump)])
    # The same extractor without the rest of discrepancy.extract (dates, attributions,
    # tables): the speed of quantity extraction alone.
    direct = _best_of(args.repeat, "newsquant:predict", split, extra, {"NEWSQUANT_DIRECT": "1"})
    rows = [_row("discrepancy.extract", ours), _row("quantities only", direct)]
    base = None
    if not args.no_baseline:
        try:
            base = _best_of(args.repeat, "quantulum3", split,
                            extra + ["--dump", str(tmp / "quantulum3.jsonl")])
            rows.append(_row("quantulum3", base))
        except SystemExit as exc:
            print(f"quantulum3 not scored: {exc}")
    from tabulate import tabulate

    print(tabulate(rows, headers=["system", "value F1", "value+unit F1", "value+change F1",
                                  "sentences/s"]))
    ratios: dict[str, float] = {}
    if base and base["sentences_per_second"]:
        for name, run in (("discrepancy.extract", ours), ("quantities only", direct)):
            ratios[name] = run["sentences_per_second"] / base["sentences_per_second"]
            print(f"speed ratio, {name}: {ratios[name]:.1f}x quantulum3")
    p = ours["metrics"]
    print(f"ours: value P/R {p['value']['P']}/{p['value']['R']}, "
          f"{ours['predicted_quantities']} predicted, {ours['gold_quantities']} gold")

    halves = {"ours": score_halves(split, our_dump, tmp, args.limit, like=ours)}
    if base:
        halves["quantulum3"] = score_halves(split, tmp / "quantulum3.jsonl", tmp, args.limit,
                                            like=base)
    half_rows = []
    for h in HALVES:
        for name, by_half in halves.items():
            s = by_half[h]
            m = s["metrics"]
            half_rows.append([h, name, f"{s['sentences']} / {s['gold_quantities']}",
                              m["value"]["F1"], m["value+unit"]["F1"],
                              m.get("value+change", {}).get("F1", "-")])
    print("\nNewsQuant dev by half (sentence id, halves.py)\n")
    print(tabulate(half_rows, headers=["half", "system", "sentences / gold", "value F1",
                                       "value+unit F1", "value+change F1"],
                   disable_numparse=True))

    checks = []
    for h in HALVES:
        v = halves["ours"][h]["metrics"]["value"]["F1"]
        checks.append([f"value F1, {h} half", f"{v:.1f}", f">= {TARGETS['value_f1']:.0f}",
                       "ok" if v >= TARGETS["value_f1"] else "MISSED"])
    if "discrepancy.extract" in ratios:
        r = ratios["discrepancy.extract"]
        checks.append(["speed, discrepancy.extract / quantulum3", f"{r:.1f}x",
                       f">= {TARGETS['speed_ratio']:.0f}x",
                       "ok" if r >= TARGETS["speed_ratio"] else "MISSED"])
    print()
    print(tabulate(checks, headers=["target", "ours", "goal", ""], disable_numparse=True))
    return 0


def _warm_up() -> None:
    # Load word lists and the pint registry at import, so the scorer's timed
    # loop measures extraction, not one-off start-up.
    units.warm()
    predict("It rose 5% to $3.5m, about 20 km and 3 tons, from 2 to 3 hours.")
    # ... and the lists only a dated sentence, a sentence break or a speaker reads
    # (attribution vocabularies, abbreviations, unit durations): about a millisecond
    # the timed loop paid at its first such sentence
    predict("Prices fell 5% to $3.5m in the year to March 2019. The U.S. Treasury said on "
            "Friday that analysts, the Chinese and French officials told Reuters the figure "
            "held for more than a year, according to Mr. Smith.")


_warm_up()

if __name__ == "__main__":
    sys.exit(main())
