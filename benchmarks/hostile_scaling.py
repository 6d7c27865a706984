"""How `discrepancy.check` scales on hostile documents.

    python benchmarks/hostile_scaling.py [--size N] [--only NAME] [--sixteen]

Each pattern builds a document from N units and from 4N (and 16N with
``--sixteen``), and checks it against itself (or against its source, where the
pattern has one), so every claim meets every other. The ratio of the times is
printed beside 4.0 (16.0), the ratio of linear work; quadratic work shows as
~16 (~256). With ``--memory`` the largest document is checked once more under
tracemalloc (which slows Python down several times, so it is never timed) for its
peak of Python allocations. Nothing is asserted: the figures are for reading.
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import discrepancy  # noqa: E402

SEEDS = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def _units(make: Callable[[int], str], sep: str = "") -> Callable[[int], str]:
    return lambda n: sep.join(make(i) for i in range(n))


def _table(n: int) -> str:
    # A Markdown table with n columns: the width grows, not the number of rows.
    head = "| " + " | ".join(f"col {i}" for i in range(n)) + " |"
    rule = "|" + "---|" * n
    row = "| " + " | ".join(f"{i * 7} ships" for i in range(n)) + " |"
    return f"{head}\n{rule}\n{row}\n{row}\n"


def _news(n: int) -> str:
    # Realistic text: the seed articles, numbered so that figures differ between copies.
    return "\n".join(s.replace("10,000", f"{10_000 + i:,}") for i in range(n) for s in SEEDS)


# name -> (text of n units, units at the small size relative to --size)
PATTERNS: dict[str, tuple[Callable[[int], str], float]] = {
    "like figures": (_units(lambda i: f"It shipped {i} containers. "), 1),
    "one figure repeated": (_units(lambda i: "It shipped 1,000 containers. "), 1),
    "tokenised numbers": (_units(lambda i: "police , said 1, 000 . "), 1),
    "comma lists": (_units(lambda i: "1, 000, "), 1),
    "weekdays": (_units(lambda i: "on Monday morning Tuesday "), 1),
    "dotted abbreviations": (_units(lambda i: "U.S. Gen. J. Smith said No. 3. "), 1),
    "speech verbs": (_units(lambda i: "He said she told them , according to analysts . "), 1),
    "anniversaries": (_units(lambda i: "first-second-third anniversary "), 1),
    "long words": (_units(lambda i: "abcdefghijkl-abcdefgh "), 1),
    # The cases of issue 14:
    "dates": (_units(lambda i: f"It opened on {MONTHS[i % 12]} {i % 28 + 1}, {1990 + i % 30}. "),
              1),
    "said X attributions": (_units(lambda i: f"The rise was real, said Official{i} Person. "), 1),
    "percentages": (_units(lambda i: f"Prices rose {i % 90}.{i % 10}% in the year. "), 1),
    "years later, times of day": (
        _units(lambda i: f"In {1990 + i % 30} they met at 03:00 GMT; two years later, at 14:00. "),
        1,
    ),
    "figure every 24 chars, one line": (_units(lambda i: f"and {i:>5} boats went by "), 1),
    "1,1,1,...": (lambda n: ",".join("1" for _ in range(n)) + "\n", 2),
    "1, 1, 1, ...": (lambda n: ", ".join("1" for _ in range(n)) + "\n", 2),
    "twenty-twenty-...": (lambda n: "-".join("twenty" for _ in range(n)) + " ships\n", 1),
    "markdown table, many columns": (_table, 0.2),
    "identical sentences": (_units(lambda i: "The port handled 20 million tonnes in 2023.\n"), 1),
    "news text": (_news, 0.04),
    # session 23's rules: an ordinal after an article, hard-wrapped lines, votes
    # for and against, totals across sentences
    # (ordinals at a size where fixed costs no longer hide the slope)
    "ordinals after an article": (_units(lambda i: f"a fifth word{i} in all, "), 4),
    "hard-wrapped lines": (
        _units(lambda i: f"the council said that the levy of {i} pounds\n"), 0.5
    ),
    "votes for and against": (
        _units(lambda i: f"{i % 900 + 10} MPs voted in favour and {i % 800 + 5} against. "), 0.4
    ),
    "totals across sentences": (
        _units(lambda i: f"Police found {i % 90 + 3} packages. In total {i % 70 + 2} packages. "),
        0.4,
    ),
}


def _cold() -> None:
    """Forget per-text results, so a repeated run measures the work, not a cache hit
    (word-level caches stay warm, as they are across a real batch)."""
    from importlib import import_module

    # import_module: ``discrepancy.extract`` the attribute is the function, not the module
    for module, name in (("recognizers.extract", "_extract_cached"),
                         ("recognizers.extract", "_document_of_text"),
                         ("recognizers.quantities.scanner", "_scan"),
                         ("recognizers.dates.scan", "_atom_matches"),
                         ("recognizers.dates.scan", "_read_atoms"),
                         ("checks.quantity.written", "text_numbers")):
        getattr(import_module(f"discrepancy.{module}"), name).cache_clear()


# What is timed: ``check`` (the default) or, with --compare, the figure table.
_RUN: list[Callable[[str], object]] = [lambda text: discrepancy.check(text, [text])]


def _peak(text: str) -> int:
    _cold()  # else the extraction of the timed runs is served from the cache
    tracemalloc.start()
    _RUN[0](text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def _seconds(text: str) -> float:
    """The best of two cold runs, at either size: a single run of the large text pays
    for filling the word-level caches with its new words, which the small text's second
    run no longer does, and read 8-10 for linear work (tried in session 43)."""
    best = float("inf")
    for _ in range(2):
        _cold()
        t = time.perf_counter()
        _RUN[0](text)
        best = min(best, time.perf_counter() - t)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=500, help="units at the small size")
    ap.add_argument("--only", action="append", help="run only patterns containing this")
    ap.add_argument("--sixteen", action="store_true", help="also run at 16N")
    ap.add_argument("--memory", action="store_true",
                    help="also report the tracemalloc peak at the largest size")
    ap.add_argument("--budget", type=float, default=30.0,
                    help="skip 16N when the 4N run took longer than this (s)")
    ap.add_argument("--compare", action="store_true",
                    help="time discrepancy.compare([doc, doc]) (the figure table) instead")
    args = ap.parse_args(argv)
    if args.compare:
        _RUN[0] = lambda text: discrepancy.compare([text, text])
    from tabulate import tabulate

    discrepancy.check("Warm-up: 3 people.", ["Warm-up: three people."])
    rows = []
    for name, (make, scale) in PATTERNS.items():
        if args.only and not any(o in name for o in args.only):
            continue
        n = max(1, int(args.size * scale))
        small, large = make(n), make(4 * n)
        a, b = _seconds(small), _seconds(large)
        row = [name, f"{len(large):,}", f"{a:.3f}", f"{b:.3f}", f"{b / a:.1f}"]
        largest = large
        if args.sixteen:
            if b <= args.budget:
                largest = make(16 * n)
                _cold()
                t = time.perf_counter()
                _RUN[0](largest)
                c = time.perf_counter() - t
                row += [f"{len(largest):,}", f"{c:.3f}", f"{c / a:.1f}"]
            else:
                row += [f"{16 * len(small):,}", "skipped", "-"]
        if args.memory:
            row.append(f"{_peak(largest) / 2**20:.0f}")
        rows.append(row)
        print(" | ".join(row), file=sys.stderr, flush=True)
    headers = ["pattern", "chars at 4N", "s at N", "s at 4N", "ratio (linear 4.0)"]
    if args.sixteen:
        headers += ["chars at 16N", "s at 16N", "ratio (linear 16.0)"]
    if args.memory:
        headers.append("peak MB (largest)")
    print(tabulate(rows, headers=headers, disable_numparse=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
