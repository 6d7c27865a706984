"""How `discrepancy.check` scales on hostile documents.

    python benchmarks/hostile_scaling.py [--size N]

Each pattern is checked at N and 4N repetitions (the document against
itself, so every figure meets every other); the ratio of the two times is
printed beside 4.0, the ratio of linear work. Quadratic work shows as ~16.
Nothing is asserted: the figures are for reading.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import discrepancy  # noqa: E402

PATTERNS = {
    "like figures": lambda i: f"It shipped {i} containers. ",
    "one figure repeated": lambda i: "It shipped 1,000 containers. ",
    "tokenised numbers": lambda i: "police , said 1, 000 . ",
    "comma lists": lambda i: "1, 000, ",
    "weekdays": lambda i: "on Monday morning Tuesday ",
    "dotted abbreviations": lambda i: "U.S. Gen. J. Smith said No. 3. ",
    "speech verbs": lambda i: "He said she told them , according to analysts . ",
    "anniversaries": lambda i: "first-second-third anniversary ",
    "long words": lambda i: "abcdefghijkl-abcdefgh ",
}


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        t = time.perf_counter()
        discrepancy.check(text, [text])
        best = min(best, time.perf_counter() - t)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=500, help="repetitions at the small size")
    args = ap.parse_args(argv)
    from tabulate import tabulate

    discrepancy.check("Warm-up: 3 people.", ["Warm-up: three people."])
    rows = []
    for name, make in PATTERNS.items():
        small = "".join(make(i) for i in range(args.size))
        large = "".join(make(i) for i in range(4 * args.size))
        a, b = _seconds(small), _seconds(large)
        rows.append([name, f"{len(large):,}", f"{a:.3f}", f"{b:.3f}", f"{b / a:.1f}"])
    print(tabulate(rows, headers=["pattern", "chars at 4N", "s at N", "s at 4N",
                                  "ratio (linear 4.0)"], disable_numparse=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
