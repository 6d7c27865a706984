"""Record everything the tool outputs, to prove a refactor changed no behaviour.

    python benchmarks/behaviour_snapshot.py OUT_DIR            # record
    python benchmarks/behaviour_snapshot.py --diff BEFORE AFTER  # compare two records

Records, one file each, in OUT_DIR (outside the repository: it holds derived dev data):

* ``fixtures.txt``: the report of every fixture summary (clean and with errors) and of
  the seed pair against its sources, in every output format, plus ``extract`` JSON of
  every fixture document and ``compare`` of the multi-outlet story;
* ``extract.jsonl``: ``extract`` JSON of every sentence of every quantity dev file;
* ``check.jsonl``: the JSON report of every record of the consistency, ECTSum and LLM
  dev files (claim against its sources).

``--diff`` prints the first differing lines of each file and exits 1 when any differs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import discrepancy  # noqa: E402
from discrepancy.report import RENDERERS, render  # noqa: E402
from discrepancy.report.claims import render_claims_json  # noqa: E402
from discrepancy.report.figure_table import render_figures  # noqa: E402
from discrepancy.text.load import load_document  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
FILES = ("fixtures.txt", "extract.jsonl", "check.jsonl")


def _jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _doc(path: Path, role: str) -> discrepancy.Document:
    return load_document(str(path.relative_to(ROOT)), role=role)


def _fixture_cases() -> Iterator[tuple[str, Path, list[Path]]]:
    seeds = ROOT / "seeds"
    yield "seed", seeds / "000_49d02485ee17d19b.txt", [seeds / "004_1f1aacc786a3892f.txt"]
    for pair in sorted((ROOT / "fixtures" / "pairs").iterdir()):
        sources = sorted(p for p in pair.iterdir() if p.stem.startswith("source"))
        for summary in ("summary_clean.txt", "summary_errors.txt"):
            yield f"{pair.name}/{summary}", pair / summary, sources
    fixtures = ROOT / "fixtures"
    yield "timeframe", fixtures / "timeframe_later.txt", [fixtures / "timeframe_early.txt"]


def record_fixtures(out: Path) -> None:
    with (out / "fixtures.txt").open("w", encoding="utf-8") as fh:
        for name, target, sources in _fixture_cases():
            t = _doc(target, "target")
            srcs = [_doc(s, "source") for s in sources]
            report = discrepancy.check(t, srcs)
            for fmt in sorted(RENDERERS):
                fh.write(f"### {name} {fmt}\n{render(report, fmt)}\n")
            for d in (t, *srcs):
                fh.write(f"### extract {d.path}\n{render_claims_json(d, discrepancy.extract(d))}")
        story = sorted((ROOT / "fixtures" / "story_port_strike").glob("outlet_*"))
        table = discrepancy.compare([_doc(p, "source") for p in story])
        for fmt in ("json", "markdown", "table", "csv", "html"):
            fh.write(f"### compare {fmt}\n{render_figures(table, fmt)}\n")


def record_extract(out: Path) -> None:
    extra = sorted((DATA / "quantities" / "extra").glob("*.jsonl"))
    files = [DATA / "quantities" / "dev.jsonl", *extra]
    with (out / "extract.jsonl").open("w", encoding="utf-8") as fh:
        for f in files:
            for r in _jsonl(f):
                doc = discrepancy.Document.from_text(r["text"], id=str(r.get("id", "")))
                claims = json.loads(render_claims_json(doc, discrepancy.extract(doc)))
                fh.write(json.dumps({"file": f.name, "id": r.get("id"), **claims},
                                    ensure_ascii=False, sort_keys=True) + "\n")


def record_check(out: Path) -> None:
    files = [DATA / "consistency" / "dev.jsonl", DATA / "consistency" / "ectsum_dev.jsonl",
             DATA / "llm" / "dev.jsonl"]
    with (out / "check.jsonl").open("w", encoding="utf-8") as fh:
        for f in files:
            for i, r in enumerate(_jsonl(f)):
                report = discrepancy.check(r["claim"], r["sources"])
                fh.write(json.dumps({"file": f.name, "i": i,
                                     "report": json.loads(render(report, "json"))},
                                    ensure_ascii=False, sort_keys=True) + "\n")


def diff(before: Path, after: Path) -> int:
    bad = 0
    for name in FILES:
        a = (before / name).read_text(encoding="utf-8").splitlines()
        b = (after / name).read_text(encoding="utf-8").splitlines()
        changed = [i for i in range(max(len(a), len(b)))
                   if (a[i] if i < len(a) else None) != (b[i] if i < len(b) else None)]
        print(f"{name}: {len(a)} lines before, {len(b)} after, {len(changed)} differ")
        for i in changed[:5]:
            print(f"  line {i + 1}\n  - {a[i][:300] if i < len(a) else ''}\n"
                  f"  + {b[i][:300] if i < len(b) else ''}")
        bad += bool(changed)
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", type=Path)
    ap.add_argument("--diff", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = ap.parse_args(argv)
    if args.diff:
        return diff(*args.diff)
    if args.out is None:
        ap.error("give OUT_DIR or --diff BEFORE AFTER")
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    os.chdir(ROOT)  # documents are named by their path relative to the repository
    record_fixtures(args.out)
    record_extract(args.out)
    record_check(args.out)
    print(f"recorded {', '.join(FILES)} in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
