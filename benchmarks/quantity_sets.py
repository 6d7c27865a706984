"""Quantity extraction on the extra labelled sets, by half, beside quantulum3 and CQE.

    python benchmarks/quantity_sets.py [--only NAME ...] [--no-baseline]

Scores every ``../shared/data/quantities/extra/*.jsonl`` (or ``$QUANTITY_SETS_DIR``)
with the shared scorer (``score_quantities.py``): ours through the NewsQuant
adapter (``newsquant:predict``), quantulum3, and CQE when it is importable. Each
set is printed whole and for each half (``halves.py``), value F1 first, then
value+unit F1, beside the figures in the data README. NewsQuant dev itself is
scored, by half, by ``newsquant.py``, which also times it.

Each system runs once per set, on the whole file, with the scorer's ``--dump``;
the halves are then scored by the same scorer from that dump (``replay``), on
per-half copies in a temporary directory. Extraction reads one sentence at a
time, so this equals running the system on each half, without paying for the
slow systems (quantulum3 on MeasEval's 1,250 sentences) three times.

This module is also imported by the scorer's subprocess (``quantity_sets:replay``)
and by ``newsquant.py``, so it imports nothing heavy at the top.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "benchmarks"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

from halves import HALVES, half  # noqa: E402

SCOPES = (*HALVES, "whole")
REPLAY_ENV = "QUANTITY_REPLAY"
# The extra sets' README, "Measured with the current main" (value F1 on the whole
# dev file): ours, CQE, quantulum3, all in the same scorer.
README_VALUE_F1: dict[str, tuple[float, float, float]] = {
    "cqe_recognizers_dev": (83.7, 84.2, 80.7),
    "recognizers_units_dev": (82.9, 82.7, 80.3),
    "recognizers_numbers_dev": (59.9, 61.2, 69.5),
    "measeval_dev": (72.0, 63.8, 64.3),
}


def data_dir() -> Path:
    env = os.environ.get("QUANTITY_SETS_DIR")
    return Path(env) if env else ROOT.parent / "shared" / "data" / "quantities" / "extra"


def scorer() -> Path:
    return ROOT.parent / "shared" / "tools" / "score_quantities.py"


def half_key(record: dict[str, Any]) -> str:
    """The article where a set has one (MeasEval: sentences of one paper must not
    fall on both sides), else the sentence id (NewsQuant, Recognizers-Text)."""
    return str(record.get("article") or record["id"])


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# ---------------------------------------------------------------- the scorer


def run_scorer(
    adapter: str, split: Path, extra: list[str] | None = None,
    env_extra: dict[str, str] | None = None,
) -> dict[str, Any]:
    """One run of the shared scorer; its closing JSON summary."""
    cmd = [sys.executable, str(scorer()), str(split), adapter, "--json", *(extra or [])]
    # Imported as top-level modules: site-packages may hold an unrelated "benchmarks".
    path = os.pathsep.join([str(BENCH), str(ROOT), os.environ.get("PYTHONPATH", "")])
    env = dict(os.environ, PYTHONPATH=path, **(env_extra or {}))
    # quantulum3's output depends on string hashing order (a sentence may gain or lose
    # a quantity from one process to the next): a fixed seed keeps its figures
    # reproducible and its half rows made from the same predictions as its whole row.
    # Ours gives the same output under any seed.
    env.setdefault("PYTHONHASHSEED", "0")
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"scorer failed for {adapter}:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


_REPLAY: dict[str, list[dict[str, Any]]] = {}


def replay(text: str) -> list[dict[str, Any]]:
    """Scorer adapter: the predictions a system made on this sentence, read from
    the scorer dump named by ``$QUANTITY_REPLAY``."""
    if not _REPLAY:
        with open(os.environ[REPLAY_ENV], encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    _REPLAY[rec["text"]] = rec["pred"]
    return _REPLAY.get(text, [])


def score_halves(
    split: Path, dump: Path, tmp: Path, limit: int = 0, like: dict[str, Any] | None = None
) -> dict[str, dict[str, Any]]:
    """Each half of ``split`` (its first ``limit`` sentences, as the dumped run saw)
    scored from a whole-file dump of one system. ``like``: the whole-file summary,
    whose metrics the halves keep (replay is a MODULE:FUNC adapter, so the scorer
    would add value+change even for systems that give no change)."""
    records = load(split)[: limit or None]
    out: dict[str, dict[str, Any]] = {}
    for h in HALVES:
        part = tmp / f"{split.stem}.{h}.jsonl"
        with part.open("w", encoding="utf-8") as fh:
            for r in records:
                if half(half_key(r)) == h:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        summary = run_scorer("quantity_sets:replay", part, env_extra={REPLAY_ENV: str(dump)})
        if like is not None:
            summary["metrics"] = {k: v for k, v in summary["metrics"].items()
                                  if k in like["metrics"]}
        out[h] = summary
    return out


def score_by_scope(
    adapter: str, split: Path, tmp: Path, extra: list[str] | None = None,
    env_extra: dict[str, str] | None = None,
) -> dict[str, dict[str, Any]]:
    """Whole file (one real run of the system) and both halves (replayed)."""
    dump = tmp / f"{split.stem}.{adapter.replace(':', '_')}.dump.jsonl"
    whole = run_scorer(adapter, split, [*(extra or []), "--dump", str(dump)], env_extra)
    return {**score_halves(split, dump, tmp, like=whole), "whole": whole}


def f1(summary: dict[str, Any] | None, metric: str) -> float | None:
    if summary is None:
        return None
    return summary["metrics"].get(metric, {}).get("F1")


def cell(x: float | None) -> str:
    return "-" if x is None else f"{x:.1f}"


def cqe_available() -> bool:
    # CQE also needs a spaCy model; the scorer says which when it is missing.
    return importlib.util.find_spec("CQE") is not None


# ---------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", nargs="*", help="set names (file stems) to score; default all")
    ap.add_argument("--no-baseline", action="store_true", help="skip quantulum3 and CQE")
    args = ap.parse_args(argv)

    # The README's order (extraction sets, then scientific text); any new file after.
    files = sorted(data_dir().glob("*.jsonl"),
                   key=lambda f: (list(README_VALUE_F1).index(f.stem)
                                  if f.stem in README_VALUE_F1 else len(README_VALUE_F1), f.stem))
    if args.only:
        files = [f for f in files if f.stem in args.only]
    if not files or not scorer().exists():
        print(f"quantity sets not found in {data_dir()} (set QUANTITY_SETS_DIR); nothing to score.")
        return 0
    from tabulate import tabulate

    systems = [("ours", "newsquant:predict")]
    if not args.no_baseline:
        systems.append(("quantulum3", "quantulum3"))
        if cqe_available():
            systems.append(("CQE", "cqe"))
    has_cqe = any(name == "CQE" for name, _ in systems)

    # scores[set][system][scope] = the scorer's summary
    scores: dict[str, dict[str, dict[str, dict[str, Any]]]] = {}
    with tempfile.TemporaryDirectory(prefix="quantity-sets-") as tmpdir:
        for split in files:
            scores[split.stem] = {}
            for name, adapter in systems:
                try:
                    scores[split.stem][name] = score_by_scope(adapter, split, Path(tmpdir))
                except SystemExit as exc:  # a baseline that cannot run is reported, not fatal
                    if name == "ours":
                        raise
                    print(f"{name} not scored on {split.stem}: {exc}")

    names = [n for n, _ in systems]
    rows = []
    for stem, by_system in scores.items():
        for scope in SCOPES:
            ours = by_system["ours"][scope]
            ref = README_VALUE_F1.get(stem)
            rows.append([
                stem if scope == HALVES[0] else "",
                "whole file" if scope == "whole" else scope,
                f"{ours['sentences']} / {ours['gold_quantities']}",
                *(cell(f1(by_system.get(n, {}).get(scope), "value")) for n in names),
                *(cell(f1(by_system.get(n, {}).get(scope), "value+unit")) for n in names),
                " / ".join(f"{x:.1f}" for x in ref) if ref and scope == "whole" else "",
            ])
    print("\nQuantity sets (../shared/data/quantities/extra), shared scorer, strict ranges; "
          "halves by article (MeasEval) or sentence id.\n")
    print(tabulate(
        rows,
        headers=["set", "half", "sentences / gold",
                 *(f"value F1 {n}" for n in names), *(f"value+unit F1 {n}" for n in names),
                 "README value F1 ours / CQE / q3"],
        disable_numparse=True,
    ))
    if not has_cqe and not args.no_baseline:
        print("\nCQE: not installed (optional: `pip install CQE` plus a spaCy English model, "
              "see score_quantities.py --help); its README figures are in the last column.")

    # Issue 12: on every extra set, at least CQE's README figure and above quantulum3,
    # on both halves (the README figure is the whole file's: the only one there is).
    checks = []
    for stem, by_system in scores.items():
        ref = README_VALUE_F1.get(stem)
        for scope in HALVES:
            ours = f1(by_system["ours"][scope], "value")
            q3 = f1(by_system.get("quantulum3", {}).get(scope), "value")
            cqe = f1(by_system.get("CQE", {}).get(scope), "value")
            bar = cqe if cqe is not None else (ref[1] if ref else None)
            ok = ours is not None and (bar is None or ours >= bar) and (q3 is None or ours > q3)
            checks.append([stem, scope, cell(ours),
                           f">= {cell(bar)} (CQE{'' if cqe is not None else ', README'})"
                           f", > {cell(q3)} (quantulum3)", "ok" if ok else "MISSED"])
    print()
    print(tabulate(checks, headers=["target: value F1", "half", "ours", "goal", ""],
                   disable_numparse=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
