"""How fast ``discrepancy.compare`` builds the figure table for many articles.

    python benchmarks/compare_speed.py [--docs 30] [--words 1000] [--repeat 5]

Builds ``--docs`` synthetic news articles of about ``--words`` words on one
story (a port strike), each outlet rounding, paraphrasing or misreporting the
figures differently, then times:

* ``compare`` end to end (sentence splitting, extraction, grouping, consensus);
* the grouping step alone, against a peer on the same claims: the naive
  approach, a Python loop over every pair of figures scoring subjects with
  ``rapidfuzz.fuzz`` one pair at a time and joining matches with union-find.

Timings are best of ``--repeat`` after one warm-up run (data files loaded once
per process, as in a long-running service; the per-document extraction cache is
cleared before every run); the cold first run is printed too. The articles are
generated from a fixed seed, so every run compares the same texts.
"""

from __future__ import annotations

import argparse
import importlib
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from discrepancy.checks.matching import canonical_subject, head  # noqa: E402
from discrepancy.checks.quantity import agree, frames_compatible, is_growth  # noqa: E402
from discrepancy.figure_table import compare, figure_table, groupable, peer_documents  # noqa: E402
from discrepancy.model import Claim, Document  # noqa: E402
from discrepancy.recognizers.extract import extract, with_doc  # noqa: E402
from discrepancy.text.load import document_from_text  # noqa: E402

CITIES = ["Gdańsk", "Gdynia", "Szczecin", "Rotterdam", "Hamburg", "Antwerp"]
OUTLETS = ["Reuters", "the Baltic Business Daily", "Bloomberg", "the Financial Times",
           "Polish Radio", "the Associated Press", "Lloyd's List", "Deutsche Welle"]
SPEAKERS = ["a port spokesman", "union leader Marek Nowak", "the terminal operator",
            "analysts", "the transport ministry", "shipping agents", "local officials"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

# Each fact: (templates, true value, ways an outlet may write it). Outlets round, hedge
# and sometimes misreport, so the groups have agreements, conflicts and single sources.
FACTS: list[tuple[list[str], Callable[[random.Random], str]]] = [
    (["About {v} tonnes of cargo were stranded on the quays, {who} said.",
      "{who} estimated that {v} tonnes of cargo were stuck at the port.",
      "Some {v} tonnes of cargo sat idle as the stoppage dragged on."],
     lambda r: r.choice(["two million", "2m", "2,000,000", "more than 2 million",
                         "roughly 2.1 million", "20 million"])),
    (["{v} ships were waiting at anchor in the Gulf, according to {who}.",
      "At least {v} vessels were waiting offshore on {day}.",
      "{who} counted {v} ships waiting outside the breakwater."],
     lambda r: r.choice(["38", "38", "thirty-eight", "about 40", "38", "41"])),
    (["Around {v} containers have been diverted to other ports since the walkout began.",
      "More than {v} containers were rerouted since the strike started, {who} said."],
     lambda r: r.choice(["11,000", "11,000", "10,500", "about 11,000", "12,000"])),
    (["The stoppage is costing the regional economy about €{v} million a day, {who} estimated.",
      "{who} put the cost at €{v}m a day in lost fees and trucking work."],
     lambda r: r.choice(["18", "18", "17.5", "18", "25"])),
    (["Some {v} dockworkers walked out on {day} over pay.",
      "The union represents about {v} dockworkers at the port."],
     lambda r: r.choice(["4,200", "4,200", "4,000", "about 4,200"])),
    (["The union is demanding a {v}% wage increase over two years.",
      "Workers want a pay rise of {v}% spread over two years, {who} said."],
     lambda r: r.choice(["14", "14", "14", "15"])),
    (["About {v} tonnes of wheat and rapeseed were held up at the bulk terminal.",
      "{who} said {v} tonnes of grain could not be loaded."],
     lambda r: r.choice(["300,000", "300,000", "320,000", "a quarter of a million"])),
    (["{v} fuel tankers were diverted to {city} this week.",
      "{who} said {v} tankers had been sent on to {city}."],
     lambda r: r.choice(["Two", "two", "Three", "two"])),
]

FILLER = [
    "Negotiations between the union and the terminal operator resumed on {day} without "
    "a breakthrough, and both sides accused the other of bad faith.",
    "The port is one of the largest on the Baltic and handles cargo bound for central "
    "Europe, including coal, grain, steel coils and timber.",
    "{who} told {outlet} that talks would continue but warned that patience was running "
    "out among exporters who rely on the terminal.",
    "Truck drivers queued for hours on the access road as warehouses near the quays "
    "filled up and customs officers worked through a backlog of paperwork.",
    "Shipping lines have begun to add surcharges for cargo routed through the port, "
    "and some have suspended bookings until the dispute is settled.",
    "The government said it was monitoring the situation closely and urged both sides "
    "to return to the table, but ruled out intervening directly in the dispute.",
    "Economists said the longer the strike lasts, the greater the risk that trade will "
    "shift permanently to rival ports such as {city}.",
    "Local businesses that depend on dock workers' custom reported falling sales, and "
    "several restaurants near the harbour closed early during the week.",
]


def article(i: int, words: int, rng: random.Random) -> str:
    outlet = OUTLETS[i % len(OUTLETS)]
    city = rng.choice(CITIES)
    lines = [f"Port strike enters third week as talks stall ({outlet})", ""]

    def fill(template: str, v: str = "") -> str:
        text = template.format(
            v=v, who=rng.choice(SPEAKERS), day=rng.choice(WEEKDAYS), city=city, outlet=outlet,
        )
        return text[0].upper() + text[1:]

    facts = rng.sample(FACTS, k=rng.randint(5, len(FACTS)))
    paragraphs = []
    for templates, value in facts:
        paragraphs.append(fill(rng.choice(templates), value(rng)))
    while sum(len(p.split()) for p in paragraphs) < words:
        para = " ".join(fill(rng.choice(FILLER)) for _ in range(rng.randint(2, 4)))
        paragraphs.insert(rng.randint(1, len(paragraphs)), para)
    return "\n".join(lines + paragraphs) + "\n"


def articles(n: int, words: int, seed: int = 20240123) -> list[str]:
    rng = random.Random(seed)
    return [article(i, words, rng) for i in range(n)]


# -- the peer: naive pairwise grouping ------------------------------------------------------


def naive_groups(claims: Sequence[Claim], min_score: float = 80.0) -> list[list[Claim]]:
    """Every pair scored on its own with rapidfuzz.fuzz, matches joined by union-find
    (single linkage: no guard against chaining; the cheap way, not the careful one)."""
    from rapidfuzz import fuzz

    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(claims):
        for j in range(i + 1, len(claims)):
            b = claims[j]
            qa, qb = a.quantity, b.quantity
            if qa is None or qb is None or qa.dimension != qb.dimension:
                continue
            sa, sb = canonical_subject(a.subject), canonical_subject(b.subject)
            if not sa or not sb or fuzz.ratio(head(sa), head(sb)) < 85:
                continue
            if fuzz.token_set_ratio(sa, sb) < min_score:
                continue
            if not frames_compatible(a.time_frame, b.time_frame) or is_growth(a, b):
                continue
            if a.doc == b.doc and not agree(qa, qb):
                continue
            parent[find(i)] = find(j)
    groups: dict[int, list[Claim]] = {}
    for i, c in enumerate(claims):
        groups.setdefault(find(i), []).append(c)
    return list(groups.values())


# -- timing ---------------------------------------------------------------------------------


def forget_extractions() -> None:
    """``extract`` caches its result per document (documents hash by content); a timing
    that hit that cache would measure nothing."""
    # The module, not the function ``discrepancy.extract`` that shadows it.
    module = importlib.import_module("discrepancy.recognizers.extract")
    cached = getattr(module, "_extract_cached", None)
    if cached is not None:
        cached.cache_clear()


def best_of(repeat: int, fn: Callable[[], Any]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        forget_extractions()
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=30)
    ap.add_argument("--words", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)

    texts = articles(args.docs, args.words)
    n_words = sum(len(t.split()) for t in texts)
    docs: list[Document] = [
        document_from_text(t, id=f"outlet{i + 1:02d}", role="peer") for i, t in enumerate(texts)
    ]

    forget_extractions()
    t0 = time.perf_counter()
    compare(docs)
    cold = time.perf_counter() - t0
    end_to_end, table = best_of(args.repeat, lambda: compare(docs))

    peers = peer_documents(docs)
    extraction, claims = best_of(
        args.repeat, lambda: [c for d in peers for c in with_doc(extract(d), d.id)]
    )
    figures = [c for c in claims if groupable(c)]
    ours, _ = best_of(args.repeat, lambda: figure_table(peers, claims))
    # The peer cannot place figures without a subject, so the like-for-like race is on
    # the figures with one.
    named = [c for c in figures if c.subject.strip()]
    ours_named, _ = best_of(args.repeat, lambda: figure_table(peers, named))
    naive, naive_result = best_of(args.repeat, lambda: naive_groups(named))

    verdicts = {v: sum(1 for g in table.groups if g.verdict == v)
                for v in ("conflict", "agree", "single source")}
    print(f"documents: {len(docs)} ({n_words:,} words, {n_words // len(docs):,} per document)")
    print(f"figures grouped: {len(figures):,} of {len(claims):,} claims -> "
          f"{len(table.groups)} groups {verdicts}")
    print(f"compare, end to end: {end_to_end:.3f} s (cold first run {cold:.3f} s; "
          f"budget 2 s: {'ok' if end_to_end < 2 else 'OVER'})")
    print(f"  of which extraction (discrepancy.extract, not this module): {extraction:.3f} s")
    print(f"grouping + consensus (figure_table), all {len(figures):,} figures: "
          f"{ours * 1000:.1f} ms")
    print(f"on the {len(named):,} figures with a subject: figure_table {ours_named * 1000:.1f} ms"
          f", peer (naive pairwise rapidfuzz.fuzz loop, single linkage) {naive * 1000:.1f} ms "
          f"({len(naive_result)} groups)")
    print(f"ratio peer / figure_table: {naive / ours_named:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
