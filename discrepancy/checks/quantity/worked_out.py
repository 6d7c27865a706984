"""Figures a reader works out from the sources' figures: the difference or the sum
of two figures of one kind in one sentence or two close together, and the total of
a run of lines giving one figure each.

A summary writes "some 3,100 fewer than a year earlier" where the article gives
462,890 and 466,000, or "a margin of roughly 2.1 million" for two vote counts. No
source writes those numbers, and no source figure is their rival: the finding is a
reader's arithmetic, reported low. Each worked-out value keeps the figures it was
worked out from, so a summary sentence that states one of them ("beating U2's
$736.4 million by $1.5 million") shows how the value was got.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from itertools import islice

from ...model import Claim, Document, Quantity
from .agreement import period_of
from .number_index import NumberIndex, significant_digits, written_figures
from .worked_across import across_kinds
from .written import sentence_lemmas

# Sentences after one whose figures a reader sets against its own ("462,890 EVs ...
# the 466,000 it delivered a year earlier"); past a paragraph, figures are of other things
WORKED_WINDOW = 6
# ... and a race's times, the winner's and the runner-up's paragraphs apart
TIMES_WINDOW = 12
# A worked-out figure's own rounding ("about 2,100" for 2,087), never wider than
# this ("about 1,000" reads 500 to 1,500 as a figure, not as a difference)
WORKED_SLACK_MAX = 0.1
WORKED_SLACK_MIN = 1e-6
HEDGED_SLACK = 2.0  # a hedged figure's rounding, in units of its own tolerance
# Any two small figures give a small one: "seven chargers", "trailed by four points"
# are no differences of the article's figures (tried with one of the two figures
# stated beside it: a game's "8-0 run" and "four points" still met by chance)
WORKED_SMALL_MAX = 20
SMALL_OPERANDS_RATIO = 50  # ... unless both figures it is worked from are this many times it
PARTS_MAX = 4  # figures of one kind in a sentence; past it, some two differ by anything
# A sentence that gives a figure per unit of a count ("for each of", "per coach")
_PER_UNIT = re.compile(r"\b(?:each|per|apiece|every)\b", re.IGNORECASE)
PER_UNIT_COUNT_MAX = 1_000_000  # counts multiplied out (no population times a price)
RUN_MAX = 6  # lines of a run totalled
RELATED_MIN_SHARED = 3  # content words the claim's sentence shares with the figures'
PRECISE_DIGITS = 3  # significant digits that seldom land on a difference by chance
OPERAND_REL = 0.02  # a figure of the summary's sentence is an operand within this
STATED_COUNT_MIN = 100
LOOKS = 200  # worked-out values weighed per claim: bounded on any text
_DIMENSIONS = frozenset((
    "count", "duration", "length", "mass", "area", "volume", "speed", "percentage_point",
))
# The figures worked from are stated ones: an earnings call's bounds ("up to $366
# million", "more than 20%") paired with its other amounts land on too many values
_OPERANDS = frozenset(("exact", "approx"))
_FLOORS = frozenset(("more_than", "at_least"))
FLOOR_SUM_REL = 0.005  # a floor's sum as written: "over 22,200" for 1,200 + 21,000
# ... the figure worked out may be bounded: "up to $500m returned in total"
_QUALIFIERS = frozenset(("exact", "approx", "more_than", "at_least", "at_most", "less_than"))


class WorkedOut:
    """The values worked out from every source, by dimension, each with the
    lemmas of the sentences it takes and the figures it was worked out from."""

    def __init__(self, sources: Sequence[tuple[Document, Sequence[Claim]]]) -> None:
        self._lemmas: list[frozenset[str]] = []
        self._parts: list[tuple[float, ...]] = []
        self._multiplied: set[int] = set()  # entries that are products, not sums
        # entries with a floor among their parts ("more than 1,200 homes destroyed and
        # 21,000 damaged"): their sum is a floor too, and no difference is worked out
        self._floored: set[int] = set()
        self._floors: set[tuple[int, str, float]] = set()
        # entries worked out across kinds (``worked_across``), by the period of the
        # rate each is (None: a total)
        self._across: dict[int, str | None] = {}
        self._beside_only: set[int] = set()
        at: dict[str, list[tuple[float, int]]] = {}
        across_at: dict[str, list[tuple[float, int]]] = {}
        for doc, claims in sources:
            amounts = _amounts(claims, self._floors)
            for s in sorted(amounts):
                for d in amounts[s]:
                    self._pairs(doc, amounts, s, d, at.setdefault(d, []))
                    self._run_total(doc, amounts, s, d, at.setdefault(d, []))
                self._products(doc, amounts, s, at)
            for a in across_kinds(claims, doc.text):
                k = self._entry(doc, a.sentences, a.parts)
                self._across[k] = a.per
                if a.beside_only:
                    self._beside_only.add(k)
                across_at.setdefault(a.dimension, []).append((a.value, k))
        self._index = {d: NumberIndex(pairs) for d, pairs in at.items() if pairs}
        self._across_index = {d: NumberIndex(pairs) for d, pairs in across_at.items()}

    def _entry(self, doc: Document, sentences: Sequence[int], parts: tuple[float, ...]) -> int:
        self._lemmas.append(frozenset().union(
            *(sentence_lemmas(doc.sentences[k].text) for k in sentences)
        ))
        self._parts.append(parts)
        return len(self._parts) - 1

    def _pairs(
        self, doc: Document, amounts: dict[int, dict[str, list[float]]], s: int, d: str,
        out: list[tuple[float, int]],
    ) -> None:
        """The differences and sums of two figures of ``d``: of sentence ``s``, or one
        of ``s`` and one of a sentence up to ``WORKED_WINDOW`` after it."""
        xs = amounts[s][d]
        if len(xs) > PARTS_MAX:
            return
        reach = TIMES_WINDOW if d == "duration" else WORKED_WINDOW
        for s2 in range(s, min(s + reach + 1, len(doc.sentences))):
            ys = amounts.get(s2, {}).get(d, [])
            if not ys or len(ys) > PARTS_MAX:
                continue
            pairs = [(a, b) for i, a in enumerate(xs) for b in (ys[i + 1:] if s2 == s else ys)]
            for a, b in pairs:
                k = self._entry(doc, sorted({s, s2}), (a, b))
                if (s, d, a) in self._floors or (s2, d, b) in self._floors:
                    self._floored.add(k)
                    out.append((a + b, k))
                    continue
                out.extend((v, k) for v in (abs(a - b), a + b) if v > 0)
        if len(xs) >= 3:
            # "Saudi Arabia ($6.40bn), the UAE ($5.08bn), the UK ($3.33bn) and the
            # US ($2.22bn)": all of a sentence's figures of one kind, added up
            out.append((sum(xs), self._entry(doc, (s,), tuple(xs))))

    def _products(
        self, doc: Document, amounts: dict[int, dict[str, list[float]]], s: int,
        at: dict[str, list[tuple[float, int]]],
    ) -> None:
        """A count times a figure of sentence ``s`` that gives one of them per unit:
        "a $2500 bonus for each of the group's 27,000 employees" ($67.5m), "three
        coaches and 330 people can travel in each coach" (990)."""
        if _PER_UNIT.search(doc.sentences[s].text) is None:
            return
        counts = [c for c in amounts[s].get("count", []) if 1 < c <= PER_UNIT_COUNT_MAX]
        for d, xs in amounts[s].items():
            if len(xs) > PARTS_MAX or len(counts) > PARTS_MAX:
                continue
            for n in counts:
                for x in xs:
                    if d == "count" and x == n:
                        continue
                    k = self._entry(doc, (s,), (n, x))
                    self._multiplied.add(k)
                    at.setdefault(d, []).append((n * x, k))

    def _run_total(
        self, doc: Document, amounts: dict[int, dict[str, list[float]]], s: int, d: str,
        out: list[tuple[float, int]],
    ) -> None:
        """The running totals of the sentences from ``s`` on that give one figure of
        ``d`` each (three or more, at most ``RUN_MAX``): "- €200m from L'Oréal /
        - €200m from Arnault / ..."; with the sentence before, the list's lead-in."""
        if len(amounts[s][d]) != 1 or len(amounts.get(s - 1, {}).get(d, [])) == 1:
            return  # a run is read from its first sentence
        parts: list[float] = []
        last = s
        while last < len(doc.sentences) and last - s < RUN_MAX:
            got = amounts.get(last, {}).get(d, [])
            if len(got) != 1:
                break
            parts.append(got[0])
            if len(parts) >= 3:
                k = self._entry(doc, range(max(0, s - 1), last + 1), tuple(parts))
                out.append((sum(parts), k))
            last += 1

    def holds(
        self, q: Quantity, lemmas: frozenset[str], beside: frozenset[float], cue: bool = True,
        compared: bool = False, only_from: frozenset[float] | None = None,
    ) -> bool:
        """The figure, within its own rounding, is a value worked out from source
        figures about the same thing: the claim's sentence shares words with their
        sentences -- one word when it states one of the figures itself (``beside``),
        two for a figure of three significant digits, else three. Without a word of
        arithmetic beside the figure (``cue``), only a total of a list of three
        amounts or more is worked out ("about $17bn" for four countries' sums). A
        small difference holds only between large figures, or when its sentence
        states one of the two and compares (``compared``: "18 Emmys, five more
        than the previous record" of 13). ``only_from``: only values worked from
        these numbers (the figures before the claim, where the index holds the
        summary's own: a figure worked out comes after what it is worked from)."""
        index = self._index.get(q.dimension)
        if index is None or q.qualifier not in _QUALIFIERS or not q.value > 0:
            return False
        # a hedged figure is off by up to a unit of its last digit ("a margin of
        # about 515,000" for 515,524), not half of one
        own = q.tolerance * (HEDGED_SLACK if q.qualifier == "approx" else 1.0)
        slack = min(max(own, WORKED_SLACK_MIN), WORKED_SLACK_MAX)
        # "trailed by four points": any two small figures give a small one; two
        # large ones seldom ("four seconds behind" 2:18:33 is 2:18:37)
        small = all(x == int(x) and x <= WORKED_SMALL_MAX for x in written_figures(q))
        precise = significant_digits(q.surface_value) >= PRECISE_DIGITS
        for k in sorted(set(islice(index.between(*_reach(q, slack)), LOOKS))):
            parts = self._parts[k]
            if only_from is not None and not all(p in only_from for p in parts):
                continue
            if not self._may_work(k, q, beside, slack) or (
                small and not _small_worked(q, parts, beside, compared)
            ):
                continue
            # a two-digit count of a game's box score sums two others by chance
            # ("scored 27 points and 11 rebounds" for 16 + 11): its figures stated
            # beside it relate it only past a hundred
            stated = (q.dimension != "count" or q.value >= STATED_COUNT_MIN) and any(
                _near(p, x) for p in parts for x in beside
            )
            if not cue and (len(parts) < 3 or q.dimension == "count"):
                # two figures add up to a third by chance, and a game's counts to
                # anything: "27 points and 11 rebounds, while Dekker added 16"
                continue
            need = 1 if stated else RELATED_MIN_SHARED - 1 if precise else RELATED_MIN_SHARED
            if len(lemmas & self._lemmas[k]) >= min(need, len(lemmas)):
                return True
        return False

    def _may_work(self, k: int, q: Quantity, beside: frozenset[float], slack: float) -> bool:
        """Entry ``k`` may give the figure: a floor's sum only as a floor, and no pair
        whose smaller figure is the larger's rounding ("$3.1 billion, or $6.78 per
        share": the larger alone, rounded)."""
        parts = self._parts[k]
        if k in self._floored and not _floor_sum(q, parts, beside):
            return False
        return not (
            len(parts) == 2 and min(parts) <= slack * max(parts) and k not in self._multiplied
        )

    def holds_across(self, q: Quantity, lemmas: frozenset[str], beside: frozenset[float]) -> bool:
        """The figure, within its own rounding, is a value worked out across kinds
        (``worked_across``) for the period it is told for, and the claim's sentence
        states one of the figures it was worked from and shares a word with theirs
        ("£137 a month (roughly £1,650 a year)"), or shares as many words as a
        sum's needs. It needs no word of arithmetic: the figure beside it is the
        evidence, and otherwise the words are."""
        index = self._across_index.get(q.dimension)
        if index is None or q.qualifier not in _QUALIFIERS or not q.value > 0:
            return False
        own = q.tolerance * (HEDGED_SLACK if q.qualifier == "approx" else 1.0)
        slack = min(max(own, WORKED_SLACK_MIN), WORKED_SLACK_MAX)
        per = period_of(q)
        return any(
            self._across_holds(k, per, lemmas, beside)
            for k in sorted(set(islice(index.between(*_reach(q, slack)), LOOKS)))
        )

    def _across_holds(
        self, k: int, per: str | None, lemmas: frozenset[str], beside: frozenset[float]
    ) -> bool:
        if self._across[k] != per:
            return False  # "£1,644 a year" is no value of a claim told a month
        stated = any(_near(p, x) for p in self._parts[k] for x in beside)
        if k in self._beside_only and not stated:
            return False
        need = 1 if stated else RELATED_MIN_SHARED
        return len(lemmas & self._lemmas[k]) >= min(need, len(lemmas))


def _floor_sum(q: Quantity, parts: tuple[float, ...], beside: frozenset[float]) -> bool:
    """A sum with a floor among its parts is a floor as written, of parts the claim's
    own sentence states: "more than 1,200 homes destroyed and 21,000 damaged, over
    22,200 in all". Round floors add up to round numbers by chance ($50m and $150m)."""
    return (
        q.qualifier in _FLOORS and abs(sum(parts) - q.value) <= q.value * FLOOR_SUM_REL
        and all(any(_near(p, x) for x in beside) for p in parts)
    )


def _small_worked(
    q: Quantity, parts: tuple[float, ...], beside: frozenset[float], compared: bool
) -> bool:
    """A small value is worked out only from large figures, or from two one of
    which its comparing sentence states ("18 Emmys, five more than ...")."""
    return min(parts) >= SMALL_OPERANDS_RATIO * q.value or (
        compared and len(parts) == 2 and any(_near(p, x) for p in parts for x in beside)
    )


def _reach(q: Quantity, slack: float) -> tuple[float, float]:
    """The values the figure may have been worked out as: its rounding, or above
    a floor ("more than 52,000" for 52,624) and below a cap."""
    # (the bound itself within float noise: 4.2 lakh is 420000.00000000006)
    if q.qualifier in ("more_than", "at_least"):
        return q.value * (1 - WORKED_SLACK_MIN), q.value * (1 + WORKED_SLACK_MAX)
    if q.qualifier in ("less_than", "at_most"):
        return q.value * (1 - WORKED_SLACK_MAX), q.value * (1 + WORKED_SLACK_MIN)
    return q.value * (1 - slack), q.value * (1 + slack)


def _near(a: float, b: float) -> bool:
    return a > 0 and b > 0 and abs(a - b) <= OPERAND_REL * max(a, b)


def _amounts(
    claims: Sequence[Claim], floors: set[tuple[int, str, float]] | None = None
) -> dict[int, dict[str, list[float]]]:
    """Each sentence's counts, amounts of money and measures, by dimension, as
    stated; a move's two ends ("from $100 million to $120 million") as two; a floor
    ("more than 1,200") as its number, noted in ``floors``."""
    out: dict[int, dict[str, list[float]]] = {}
    for c in claims:
        q = c.quantity
        if q is None or not (q.dimension in _DIMENSIONS or q.dimension.startswith("currency:")):
            continue
        if q.qualifier == "range" and "from-to" in q.attributes:
            values = [q.low, q.high]
        elif q.qualifier in _OPERANDS and math.isfinite(q.value):
            values = [q.value]
        elif floors is not None and q.qualifier in _FLOORS and math.isfinite(q.value):
            values = [q.value]
            floors.add((c.sentence, q.dimension, q.value))
        else:
            continue
        out.setdefault(c.sentence, {}).setdefault(q.dimension, []).extend(values)
    return out
