"""Decide whether matched figures agree, and turn disagreements into findings.

A figure is an interval widened by the rounding slack of how it was written;
two figures agree when their widened intervals overlap. A figure with no
matched evidence is still "supported" when any source states an overlapping
figure of the same dimension: that keeps paraphrased subjects from raising
false alarms, at the cost of missing a figure moved to the wrong subject.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import cached_property, lru_cache
from typing import Any

from ..model import Claim, Document, Finding, Match, Period, Quantity
from ..options import Options
from ..recognizers.not_claims import stray_is_claim
from ..text.lemmas import lemma
from ..text.numbers import parse_digits, parse_number, scale_of, spelled_value
from .base import Code, Sources
from .findings import make_finding
from .matching import canonical_subject, context_overlap, match_quantities, subject_scores

CONFLICT = Code("DQ101", "quantity.conflict", "conflict", "quantity",
                "A figure disagrees with the figure a source gives for the same thing.")
UNSUPPORTED = Code("DQ102", "quantity.unsupported", "unsupported", "quantity",
                   "No source gives a figure for this thing.")
INTERNAL = Code("DQ103", "quantity.internal", "internal", "quantity",
                "The document gives two figures for the same thing that cannot both hold.")

# Sentence-context overlap two figures in one document need before they are
# read as the same statement: "19 people killed" and "640 residents
# evacuated" share a subject, not an event.
INTERNAL_MIN_CONTEXT = 0.1
# A source figure equal to the claim's supports it when the subjects are alike
# at this level or the sentences share this much context.
SUPPORT_MIN_SUBJECT = 50.0
SUPPORT_MIN_CONTEXT = 0.15
HIGH_RATIO = 2.0  # a figure off by half or double misleads a reader
MEDIUM_RATIO = 1.1  # 10% off is beyond any rounding a writer would do
# "More than two million" is read as "two million and a bit", not "any number
# above two million": open bounds are capped at this factor for agreement.
OPEN_BOUND_CAP = 2.0
# "More than 100 students" for 5,500 is literally true but misleads: an open
# bound this many times below the figure is reported like any gap.
UNDERSTATED_MEDIUM_RATIO = 5.0


def widened(q: Quantity, extra: float = 0.0) -> tuple[float, float]:
    slack = q.tolerance + extra
    low = q.low * (1 - slack) if q.low >= 0 else q.low * (1 + slack)
    high = q.high * (1 + slack) if q.high >= 0 else q.high * (1 - slack)
    return low, high


def known(q: Quantity) -> bool:
    return q.qualifier != "unknown"


def plausible(q: Quantity) -> Quantity:
    """The interval a reader takes from the figure: open bounds capped."""
    low, high = q.low, q.high
    if math.isinf(high) and low > 0:
        high = low * OPEN_BOUND_CAP
    if (low <= 0 or math.isinf(low)) and high > 0 and q.qualifier in ("less_than", "at_most"):
        low = high / OPEN_BOUND_CAP
    return q if (low, high) == (q.low, q.high) else replace(q, low=low, high=high)


def _overlap(a: Quantity, b: Quantity, extra: float) -> bool:
    """Widened intervals share more than a boundary: "22" (21.5..22.5) and "21"
    (20.5..21.5) only touch, and no count is both."""
    alo, ahi = widened(a, extra)
    blo, bhi = widened(b, extra)
    lo, hi = max(alo, blo), min(ahi, bhi)
    if hi < lo:
        return False
    if alo == ahi or blo == bhi:  # a point lies in or on the other interval
        return True
    return hi - lo > 1e-9 * max(abs(hi), abs(lo), 1.0)


def agree(a: Quantity, b: Quantity, extra: float = 0.0) -> bool:
    if not known(a) or not known(b):
        return not (known(a) ^ known(b))
    if both_ranges(a, b):
        return ends_agree(a, b, extra)
    return _overlap(plausible(a), plausible(b), extra)


def both_ranges(a: Quantity, b: Quantity | None) -> bool:
    return b is not None and a.qualifier == b.qualifier == "range"


def _point(q: Quantity, x: float) -> Quantity:
    return replace(q, low=x, high=x, value=x, qualifier="exact")


def ends_agree(a: Quantity, b: Quantity, extra: float = 0.0) -> bool:
    """Two ranges state both their ends: "$1.28 to $1.40" is not "$1.30 to
    $1.40", however much the two intervals overlap."""
    return _overlap(_point(a, a.low), _point(b, b.low), extra) and _overlap(
        _point(a, a.high), _point(b, b.high), extra
    )


def understated(a: Quantity, b: Quantity, extra: float = 0.0) -> bool:
    """True when the figures agree only literally: one is an open bound the
    other lies far inside ("more than 500" against "1,200")."""
    return _overlap(a, b, extra) and not _same_open_direction(a, b)


def _same_open_direction(a: Quantity, b: Quantity) -> bool:
    return (math.isinf(a.high) and math.isinf(b.high)) or (
        a.low <= 0 and b.low <= 0 and a.qualifier in ("less_than", "at_most")
        and b.qualifier in ("less_than", "at_most")
    )


def gap_ratio(a: Quantity, b: Quantity) -> float:
    """How many times apart two figures are (>= 1); inf across zero.

    Two bounds open the same way ("20 million+" and "more than two million")
    are compared by the figures written; otherwise by the gap between the
    plausible intervals."""
    if _same_open_direction(a, b) and a.value > 0 and b.value > 0:
        return max(a.value, b.value) / min(a.value, b.value)
    if both_ranges(a, b) and min(a.low, a.high, b.low, b.high) > 0:
        # the end that moved: "$100 million to $120 million" against "$90
        # million to $100 million" is 1.2x apart, though the two overlap
        return max(
            max(a.low, b.low) / min(a.low, b.low), max(a.high, b.high) / min(a.high, b.high)
        )
    a, b = plausible(a), plausible(b)
    if a.low > b.high:
        lo, hi = b.high, a.low
    elif b.low > a.high:
        lo, hi = a.high, b.low
    else:
        return 1.0
    if lo <= 0 or hi <= 0:
        return math.inf
    return hi / lo


def severity_for_ratio(ratio: float) -> str:
    if ratio >= HIGH_RATIO:
        return "high"
    if ratio >= MEDIUM_RATIO:
        return "medium"
    return "low"


def frames_compatible(a: Period | None, b: Period | None) -> bool:
    """Figures are compared only when they could describe the same time.

    Vague relative frames ("in recent months") are compatible with anything:
    the writer did not commit to a period precise enough to contradict.
    """
    if a is None or b is None:
        return True
    if a.granularity == "relative" or b.granularity == "relative":
        return True
    return a.overlaps(b)


def _cumulative(p: Period) -> bool:
    return p.open_start or p.open_end  # "by mid-October", "since September"


def is_growth(a: Claim, b: Claim) -> bool:
    """Running totals stated at different times may differ without conflict.

    Both figures must be stated as totals up to a point ("by mid-October",
    "since September"), end at different times, and the later one must not
    be smaller. A figure merely reported on a day ("on Friday") is not a
    running total: treating it as one would excuse any inflated figure.
    """
    fa, fb = a.time_frame, b.time_frame
    if fa is None or fb is None or fa.end == fb.end:
        return False
    if not (_cumulative(fa) and _cumulative(fb)):
        return False
    qa, qb = a.quantity, b.quantity
    if qa is None or qb is None:
        return False
    early, late = (qa, qb) if fa.end < fb.end else (qb, qa)
    return late.high >= early.low


def comparable(m: Match) -> bool:
    if not frames_compatible(m.claim.time_frame, m.evidence.time_frame):
        return False
    return not is_growth(m.claim, m.evidence)


def _fmt_claim(c: Claim) -> str:
    return f'"{c.text}"'


def _best(matches: Sequence[Match]) -> Match:
    return max(
        matches,
        key=lambda m: (m.score, context_overlap(m.claim, m.evidence), -m.evidence.start),
    )


def _nominal(q: Quantity) -> Quantity:
    return replace(q, low=q.value, high=q.value)


def _written(q: Quantity) -> Quantity:
    """The figure as written: an approximate one keeps its slack ("roughly a
    third" is 31.7-35%), an open bound reaches as far as a reader takes it
    ("more than £1bn" holds £1.3bn, not £5bn)."""
    if q.qualifier == "approx":
        return q
    if q.qualifier in ("more_than", "at_least", "plus", "less_than", "at_most"):
        return plausible(q)
    return _nominal(q)


class SupportPool:
    """Source figures indexed by value per dimension (and as percents), so a
    target figure looks only at the few values inside its rounding interval
    instead of every source figure."""

    def __init__(self, pool: Sequence[Claim]) -> None:
        self.claims = list(pool)
        by_dim: dict[str, list[tuple[float, int]]] = {}
        pct: list[tuple[float, int]] = []
        for k, s in enumerate(self.claims):
            sq = s.quantity
            if sq is None or not known(sq) or math.isnan(sq.value):
                continue
            by_dim.setdefault(sq.dimension, []).append((sq.value, k))
            if (sp := as_percent(sq)) is not None:
                pct.append((sp.value, k))
        self.by_dim = {d: _NumberIndex(v) for d, v in by_dim.items()}
        self.pct = _NumberIndex(pct)

    def inside(self, dimension: str | None, lo: float, hi: float) -> Iterator[Claim]:
        """Source claims whose value (as a percent when ``dimension`` is None)
        lies inside the rounding interval ``lo``..``hi``."""
        index = self.pct if dimension is None else self.by_dim.get(dimension)
        if index is not None:
            yield from (self.claims[k] for k in index.between(lo, hi))


def value_supported(
    claim: Claim,
    pool: SupportPool,
    extra: float,
    related: Callable[[Claim], bool],
    same_subject: Callable[[Claim], bool] = lambda s: True,
) -> bool:
    """Whether some related source claim states the same figure.

    The figures written must agree (within rounding), not merely their
    intervals: "more than 800 rail cars" is not supported by "more than 500
    individuals" even though the two open bounds overlap. Only the claim's
    rounding counts: "two million" may round "2,013,450", but "$1.5 billion"
    is more precise than "$1 billion" and cannot come from it.
    """
    q = claim.quantity
    assert q is not None

    def usable(s: Claim) -> bool:
        sq = s.quantity
        # "White, 52," is no rounding of "50 years ago"
        return sq is not None and ("age" in sq.attributes) == ("age" in q.attributes)

    lo, hi = widened(_written(q), extra)
    nlo, nhi = widened(_nominal(q), extra)

    def fits(s: Claim) -> bool:
        sq = s.quantity
        assert sq is not None
        if both_ranges(q, sq):
            return ends_agree(q, sq, extra)
        if q.qualifier == "range":
            # a range states its ends: a figure between them ("$1.36" last quarter)
            # is no support for "$1.32 to $1.40", one at an end may be
            return any(_overlap(_point(q, x), sq, extra) for x in (q.low, q.high))
        if _inside(sq.value, nlo, nhi):
            return True  # the number as written, within its rounding
        # Beyond the written number but within what an open bound allows
        # ("more than £1bn" holds £1.3bn): only for the same thing, and never
        # against a bound the same way ("up to 90mph" is not "up to 75mph").
        return not _same_open_direction(q, sq) and same_subject(s)

    if any(
        usable(s) and fits(s) and related(s) for s in pool.inside(q.dimension, lo, hi)
    ):
        return True
    pq = as_percent(q)
    if pq is None:
        return False
    # a share written another way: "a third" against "33%" (never a figure of
    # the claim's own dimension, which was read as written above)
    plo, phi = widened(_written(pq), extra)
    return any(
        usable(s) and s.quantity.dimension != q.dimension and related(s)  # type: ignore[union-attr]
        for s in pool.inside(None, plo, phi)
    )


def _inside(x: float, lo: float, hi: float) -> bool:
    """``x`` within a rounding interval, ends excluded ("$1bn" covers up to,
    not including, "$1.5bn"); a point interval holds its own value."""
    if lo == hi:
        return x == lo
    eps = 1e-9 * max(abs(lo), abs(hi))
    return lo + eps < x < hi - eps


def share_as_percent(c: Claim) -> Claim:
    """A claim whose figure is a share written as a fraction ("roughly a third",
    "nine in ten") compared as the percent it is: against "33%", never against
    a count of 71 patients."""
    q = c.quantity
    if q is None or q.dimension == "percent":
        return c
    p = as_percent(q)
    return c if p is None else replace(c, quantity=p)


def as_percent(q: Quantity) -> Quantity | None:
    """A share as a percent: "roughly a third" (a count of 0.33) is "33%"."""
    if q.dimension == "percent":
        return q
    if q.dimension in ("count", "ratio") and 0 < q.low <= q.high < 1:
        return replace(q, low=q.low * 100, high=q.high * 100, value=q.value * 100,
                       dimension="percent", unit="percent")
    return None


# --- figures written anywhere in the sources -----------------------------------

_NUM_TOKEN = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[a-z]+")
_SCALED = re.compile(r"\s?(thousand|million|billion|trillion|bn|tn|m|k)\b", re.IGNORECASE)
# Tokenised CNN/DM text writes "1, 000" and "£" as "#".
_SPLIT_THOUSANDS = re.compile(r"(?<=\d), (?=\d{3}\b)")
NUMBER_MATCH_REL = 1e-6  # the same number, up to float noise


def text_numbers(text: str) -> set[float]:
    """Every number written in ``text``: digits (and digits times a scale word:
    "1.5m" gives 1.5 and 1,500,000) and spelled numbers ("seven", "twenty-one")."""
    text = _SPLIT_THOUSANDS.sub(",", text)
    out: set[float] = set()
    for m in _NUM_TOKEN.finditer(text):
        raw = m.group().rstrip(".,")
        v = parse_digits(raw)
        if v is None:
            v = parse_digits(raw.replace(",", ""))
        if v is None:
            continue
        out.add(v)
        sm = _SCALED.match(text, m.end())
        if sm:
            scale = scale_of(sm.group(1))
            if scale:
                out.add(v * scale)
    words = _WORD.findall(text.lower())
    for i in range(len(words)):
        got = spelled_value(words[i : i + 4])
        if got is not None:
            out.add(got[0])
    return out


_LEMMA_TOKEN = re.compile(r"[^\W\d_]{2,}")
# Content words a source sentence must share with the claim's sentence for a
# number written there to count as the claim's figure: "executed six" is not
# supported by "no more than six feet away" elsewhere in the article.
RELATED_MIN_SHARED = 3


def sentence_lemmas(text: str) -> frozenset[str]:
    from ..text.lemmas import lemma, stopwords
    from ..text.numbers import is_number_word

    stop = stopwords()
    return frozenset(
        lemma(w) for w in (m.group().lower() for m in _LEMMA_TOKEN.finditer(text))
        if w not in stop and not is_number_word(w)
    )


def _measured(q: Quantity) -> bool:
    """A figure whose number means nothing without its unit: "20 years" is not
    "20 minutes". Counts, money and percents are read as their numbers."""
    return not (q.dimension in ("count", "percent", "ratio") or q.dimension.startswith("currency:"))


def _measure_key(q: Quantity) -> str:
    """Ages are kept apart from other durations: "White, 52," writes no "50 years ago"."""
    return f"{q.dimension}:age" if "age" in q.attributes else q.dimension


class SourceNumbers:
    """Every number the sources write, as written and as read by the extractor
    (fractions also as percents: "a third" is "33%"), doc-wide and per sentence.

    Per sentence, numbers are indexed by value with the sentence they sit in,
    so a claim looks up the few sentences that write its number and then
    checks their words, instead of scanning every sentence. Measured figures
    are indexed by dimension, in canonical units; ``bare`` holds the numbers a
    sentence writes that were not read as a measured figure.
    """

    def __init__(self, sources: Sequence[tuple[Document, Sequence[Claim]]]) -> None:
        every: set[float] = set()
        self.lemmas: list[frozenset[str]] = []  # content lemmas of each indexed sentence
        nums_at: list[tuple[float, int]] = []
        bare_at: list[tuple[float, int]] = []
        dims_at: dict[str, list[tuple[float, int]]] = {}
        for doc, claims in sources:
            by_sentence: dict[int, set[float]] = {}
            measured: dict[int, dict[str, list[float]]] = {}
            read: dict[int, set[float]] = {}  # numbers the extractor read with a unit
            for c in claims:
                if c.quantity is not None:
                    by_sentence.setdefault(c.sentence, set()).update(_figure_forms(c.quantity))
                    if _measured(c.quantity) and math.isfinite(c.quantity.value):
                        measured.setdefault(c.sentence, {}).setdefault(
                            _measure_key(c.quantity), []
                        ).append(c.quantity.value)
                        read.setdefault(c.sentence, set()).update(written_figures(c.quantity))
            for sent in doc.sentences:
                nums = text_numbers(sent.text) | by_sentence.get(sent.index, set())
                nums = {x for x in nums if math.isfinite(x)}
                if not nums:
                    continue
                every |= nums
                k = len(self.lemmas)
                self.lemmas.append(sentence_lemmas(sent.text))
                nums_at.extend((x, k) for x in nums)
                bare_at.extend((x, k) for x in nums - read.get(sent.index, set()))
                for d, values in measured.get(sent.index, {}).items():
                    dims_at.setdefault(d, []).extend((x, k) for x in values)
            every |= {x for x in text_numbers(doc.text) if math.isfinite(x)}
        self.all = sorted(every)
        # each number written in a source: the content lemmas around it, and the
        # measure of the figure it was read as ("" where none was read)
        self.beside: list[tuple[frozenset[str], str]] = []
        beside_at: list[tuple[float, int]] = []
        for doc, claims in sources:
            read = sorted(
                (c.start, c.end, _measure_key(c.quantity)) for c in claims
                if c.quantity is not None
            )
            for at, value, words in numbers_with_surroundings(doc.text):
                beside_at.append((value, len(self.beside)))
                self.beside.append((words, _read_as(read, at)))
        self._beside = _NumberIndex(beside_at)
        self._docs = tuple(doc for doc, _ in sources)
        self._nums = _NumberIndex(nums_at)
        self._bare = _NumberIndex(bare_at)
        self._dims = {d: _NumberIndex(pairs) for d, pairs in dims_at.items()}

    @cached_property
    def words(self) -> frozenset[str]:
        """Content lemmas of the whole sources: the things they name."""
        return frozenset().union(*(sentence_lemmas(doc.text) for doc in self._docs))

    def written(self, q: Quantity) -> bool:
        return figure_in(q, self.all)

    def written_near(self, q: Quantity, lemmas: frozenset[str], exact: bool = False) -> bool:
        """Written in a source sentence that shares content words with the claim's;
        a measured figure in its own dimension ("About 20 minutes later" does
        not write "20 years ago")."""
        need = min(RELATED_MIN_SHARED, len(lemmas))
        if _measured(q):
            # The same dimension in canonical units, or the number as written
            # where no unit was read with it ("35 years ago" read as a date).
            point = replace(q, surface_value="", unit="")
            index = self._dims.get(_measure_key(q))
            ids = index.sentences(point, exact) if index is not None else set()
            ids |= self._bare.sentences(q, True)
        else:
            ids = self._nums.sentences(q, exact)
        return any(len(lemmas & self.lemmas[k]) >= need for k in sorted(ids))


    def written_beside(self, q: Quantity, words: frozenset[str]) -> bool:
        """Written in a source with a content word of the claim's own surroundings
        beside it: "Robert Hardy, 89," is "mr hardy , 89 ,", "leading 36-25 at
        halftime" is "led at halftime 36-25", whatever the rest of the two
        sentences says. Measured figures other than ages ("aged 59" is "He was
        59") are left to ``written_near``: their number means nothing without
        its unit."""
        if (_measured(q) and "age" not in q.attributes) or not words:
            return False
        key = _measure_key(q)
        # an article writes a number a handful of times; past that, a text is no
        # article and its first occurrences stand for the rest (bounded work)
        for k in sorted(self._beside.sentences(q, True, BESIDE_MAX)):
            near_words, measure = self.beside[k]
            # "12 months" beside "pay" is no "12% pay rise"; a plain count may be
            # the age or the figure itself ("He was 59")
            if measure not in ("", "count", key):
                continue
            if not words.isdisjoint(near_words):
                return True
            if "age" in q.attributes and not near_words.isdisjoint(_AGE_WORDS):
                return True  # "Bates, who is 73 years old" is "his age -- 73 --"
        return False


# Words each side of a number that say what it is about ("Hardy, 89", "led at
# halftime 36-25", "died. He was 59"); further off, words belong to the rest of
# the sentence ("executed seven in a pool hall massacre. He fired from no more
# than six feet away" says nothing of six people).
SURROUNDING_WORDS = 4
BESIDE_MAX = 200  # occurrences of one number looked at
_AGE_WORDS = frozenset({"age", "aged", "old"})  # a number beside these is someone's age
SURROUNDING_CHARS = 60  # enough for four words; bounds the scan
_ANY_WORD = re.compile(r"[^\W_]+")


def surroundings(text: str, start: int, end: int) -> frozenset[str]:
    """Content lemmas of the few words around ``text[start:end]``, the span left out."""
    before = _ANY_WORD.findall(text, max(0, start - SURROUNDING_CHARS), start)
    after = _ANY_WORD.findall(text, end, end + SURROUNDING_CHARS)
    return sentence_lemmas(
        " ".join(before[-SURROUNDING_WORDS:] + after[:SURROUNDING_WORDS])
    )


def numbers_with_surroundings(text: str) -> Iterator[tuple[int, float, frozenset[str]]]:
    """Every number written in ``text`` (digits, and digits times a scale word;
    spelled numbers up to "ninety-nine") with its offset and the content lemmas
    around it. Offsets are into ``text`` (the thousands fix keeps lengths)."""
    text = _SPLIT_THOUSANDS.sub(",", text)
    for m in _NUM_TOKEN.finditer(text):
        raw = m.group().rstrip(".,")
        v = parse_digits(raw)
        if v is None:
            v = parse_digits(raw.replace(",", ""))
        if v is None or not math.isfinite(v):
            continue
        words = surroundings(text, m.start(), m.end())
        yield m.start(), v, words
        sm = _SCALED.match(text, m.end())
        scale = scale_of(sm.group(1)) if sm else None
        if scale:
            yield m.start(), v * scale, words
    for m in _STRAY_WORDS.finditer(text):
        v = parse_number(m.group())
        if v is not None:
            yield m.start(), v, surroundings(text, m.start(), m.end())


def _read_as(spans: list[tuple[int, int, str]], at: int) -> str:
    """The measure of the figure whose span holds offset ``at`` ("" if none)."""
    from bisect import bisect_right

    i = bisect_right(spans, (at, math.inf, "")) - 1
    return spans[i][2] if i >= 0 and spans[i][0] <= at < spans[i][1] else ""


# Summaries of one article are checked one after another against the same
# sources: their number index is built once. Documents and claims are frozen,
# so a cached index cannot go stale.
@lru_cache(maxsize=16)
def _source_numbers(sources: tuple[tuple[Document, tuple[Claim, ...]], ...]) -> SourceNumbers:
    return SourceNumbers(sources)


def source_numbers(sources: Sequence[tuple[Document, Sequence[Claim]]]) -> list[float]:
    return SourceNumbers(sources).all


def _figure_forms(q: Quantity) -> set[float]:
    """The figure's value as written; a range's ends too, never the widened
    bounds of "around 870" or "more than 800"."""
    ends = (q.value, q.low, q.high) if q.qualifier == "range" else (q.value,)
    forms = {x for x in ends if math.isfinite(x)}
    if q.dimension == "percent":
        forms |= {x / 100 for x in forms}
    elif q.dimension in ("count", "ratio") and 0 < q.value < 1:
        forms |= {x * 100 for x in forms}
    return forms


@lru_cache(maxsize=4096)
def written_figures(q: Quantity) -> frozenset[float]:
    """The numbers a figure was written with: "40 days" is 40, not 3,456,000 s."""
    out = set()
    surface = q.surface_value.strip()
    for part in re.split(r"\s*(?:-|–|to)\s*(?=\d)", surface) if surface else []:
        cleaned = part.strip().lstrip("£$€#~")
        v = parse_number(cleaned)
        if v is not None:
            out.add(v)
        else:  # "£1.8bn": the scaled figure only, never the bare "1.8"
            found = text_numbers(cleaned)
            out |= {max(found)} if found else set()
    if q.unit in ("", "percent") or q.dimension.startswith("currency:"):
        out |= _figure_forms(q)
    # cached: written_near asks it of one figure once per source sentence
    return frozenset(x for x in out if math.isfinite(x))


def figure_in(q: Quantity, numbers: Sequence[float], exact: bool = False) -> bool:
    """Whether any number the figure was written with appears among ``numbers``
    (sorted; within the figure's rounding, or as written when ``exact``).

    The rounding interval is open: "30" covers 26 or 34, not 35 (which rounds
    to 40), and "$1bn" is no rounding of "$1.5bn".
    """
    return any(_first_inside(numbers, w) is not None for w in _number_windows(q, exact))


def _number_windows(q: Quantity, exact: bool) -> list[tuple[float, float, bool]]:
    """(low, high, closed) intervals a written number of ``q`` may take."""
    slack = NUMBER_MATCH_REL if exact else max(q.tolerance, NUMBER_MATCH_REL)
    out = []
    for x in written_figures(q):
        lo, hi = sorted((x * (1 - slack), x * (1 + slack)))
        if slack <= NUMBER_MATCH_REL:
            out.append((lo, hi, True))
        else:
            out.append((lo * (1 + 1e-9) if lo > 0 else lo, hi * (1 - 1e-9), False))
    return out


def _first_inside(values: Sequence[float], window: tuple[float, float, bool]) -> int | None:
    """Index of the first of sorted ``values`` inside ``window``, or None."""
    from bisect import bisect_left, bisect_right

    lo, hi, closed = window
    i = bisect_left(values, lo) if closed else bisect_right(values, lo)
    if i < len(values) and (values[i] <= hi if closed else values[i] < hi):
        return i
    return None


class _NumberIndex:
    """Numbers with an id each (a sentence, a claim), sorted by value."""

    def __init__(self, pairs: list[tuple[float, int]]) -> None:
        pairs.sort()
        self.values = [v for v, _ in pairs]
        self.ids = [k for _, k in pairs]

    def between(self, lo: float, hi: float) -> Iterator[int]:
        """Ids whose value lies inside the rounding interval ``lo``..``hi`` (``_inside``)."""
        from bisect import bisect_left, bisect_right

        for k in range(bisect_left(self.values, lo), bisect_right(self.values, hi)):
            if _inside(self.values[k], lo, hi):
                yield self.ids[k]

    def sentences(self, q: Quantity, exact: bool, limit: int | None = None) -> set[int]:
        """Ids whose value ``q`` was written with; at most about ``limit`` of them."""
        out: set[int] = set()
        for w in _number_windows(q, exact):
            i = _first_inside(self.values, w)
            lo, hi, closed = w
            while i is not None and i < len(self.values) and (
                self.values[i] <= hi if closed else self.values[i] < hi
            ):
                out.add(self.ids[i])
                i += 1
                if limit is not None and len(out) >= limit:
                    return out
        return out


_STRAY_DIGITS = re.compile(
    r"(?<![\w.,:])(?<![^\W\d_]-)(?<!\w\()\d+(?:(?:,|, )\d{3})*(?:\.\d+)?(?![\w%]|[.,:]\d)"
)
_STRAY_WORDS = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?\b",
    re.IGNORECASE,
)


# Numbers that label ("Table 1", "No. 3") or point back ("the two partners").
_LABEL_BEFORE = re.compile(
    r"\b(?:table|figure|fig\.|chart|no\.|article|section|chapter|page|part|phase|annex"
    r"|appendix|item|step|paragraph|map|exhibit)\s?$",
    re.IGNORECASE,
)
_ANAPHORA_BEFORE = re.compile(r"\b(?:the|these|those)\s$", re.IGNORECASE)
# Counts a reader makes by counting what an article lists: "two shootings",
# "six authors". Larger counts are figures an article states.
LISTED_COUNT_MAX = 12
ANAPHORA_MAX = 10  # "the two countries" points back; "the 300 workers" is a figure


def is_anaphoric(doc: Document, c: Claim) -> bool:
    """A small count after "the"/"these"/"those" ("the two countries") refers to
    things already named; no source need count them for it to hold."""
    q = c.quantity
    if q is None or q.qualifier != "exact" or not 0 < q.value <= ANAPHORA_MAX:
        return False
    return _ANAPHORA_BEFORE.search(doc.text[max(0, c.start - 6):c.start]) is not None


class _Coverage:
    """Whether a span lies inside any of many spans, in O(log n): the spans
    starting at or before it, and the furthest any of them reaches."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        self.starts = [x for x, _ in spans]
        self.reach: list[int] = []
        furthest = -1
        for _, y in spans:
            furthest = max(furthest, y)
            self.reach.append(furthest)

    def contains(self, a: int, b: int) -> bool:
        from bisect import bisect_right

        i = bisect_right(self.starts, a)
        return i > 0 and self.reach[i - 1] >= b


def stray_figures(doc: Document, claims: Sequence[Claim]) -> list[Claim]:
    """Numbers in ``doc`` that no extracted claim covers ("recall 20 Endurance
    pickups", "executed six", "a 2-0 defeat"), as bare counts.

    They have no subject or unit, so they can only be found unsupported, and
    only when no source writes the number at all.
    """
    covered = _Coverage([(c.start, c.end) for c in claims if c.category in ("quantity", "date")])
    out: list[Claim] = []
    for rx in (_STRAY_DIGITS, _STRAY_WORDS):
        for m in rx.finditer(doc.text):
            a, b = m.span()
            if covered.contains(a, b):
                continue
            text = m.group()
            v = parse_number(text.replace(", ", ","))
            if v is None or not math.isfinite(v):
                continue
            before = doc.text[max(0, a - 12):a]
            if _LABEL_BEFORE.search(before) or (
                v <= ANAPHORA_MAX and _ANAPHORA_BEFORE.search(before)
            ):
                continue  # "Table 1", "between the two partners": no figure
            sent = doc.sentence_at(a)
            if not stray_is_claim(doc, a, b, sent.index if sent else -1):
                continue
            q = Quantity(low=v, high=v, value=v, qualifier="exact", surface_value=text,
                         tolerance=0.0)
            out.append(Claim(doc=doc.id, category="quantity", text=text, start=a, end=b,
                             sentence=sent.index if sent else 0, quantity=q))
    return sorted(out, key=lambda c: c.start)


def same_written(a: Quantity, b: Quantity | None) -> bool:
    return b is not None and math.isclose(a.value, b.value, rel_tol=NUMBER_MATCH_REL)


def _sentence(doc: Document, c: Claim) -> str:
    return doc.sentences[c.sentence].text if 0 <= c.sentence < len(doc.sentences) else ""


def _apart(ratio: float, q: Quantity, e: Quantity) -> str:
    """ "10.0x apart" when the written figures are that far apart; "at least
    6.0x apart" when the ratio is the gap between two approximate readings
    ("around 20 million" and "about two million"). Close ratios get two
    decimals: "1.04x", not "1.0x"."""
    text = f"{ratio:.{2 if ratio < 1.5 else 1}f}x apart"
    written = (
        max(q.value, e.value) / min(q.value, e.value) if q.value > 0 and e.value > 0 else math.nan
    )
    return text if math.isclose(written, ratio, rel_tol=1e-9) else f"at least {text}"


def conflict_finding(
    m: Match, code: Code, doc: Document, who: str = "a source"
) -> Finding:
    q, e = m.claim.quantity, m.evidence.quantity
    assert q is not None and e is not None
    if not known(q):
        sev, ratio = "medium", None
        msg = (
            f"{_fmt_claim(m.claim)} says the figure is unknown; "
            f"{who} gives {_fmt_claim(m.evidence)}."
        )
    else:
        ratio = gap_ratio(q, e)
        sev = (
            "low" if understated(q, e) and ratio < UNDERSTATED_MEDIUM_RATIO
            else severity_for_ratio(ratio)
        )
        if sev == "low" and ratio > 1 and q.qualifier == e.qualifier and q.qualifier in (
            "exact", "range"
        ):
            # Two exact figures beyond each other's rounding ("22 countries" and
            # "21 countries"): one of them is wrong, however close.
            sev = "medium"
        times = "" if math.isinf(ratio) else f" ({_apart(ratio, q, e)})"
        msg = f"{_fmt_claim(m.claim)} disagrees with {who}: {_fmt_claim(m.evidence)}{times}."
    return make_finding(
        code, sev, msg, m.claim, (m.evidence,),
        sentence_text=_sentence(doc, m.claim),
        ratio=None if ratio is None or math.isinf(ratio) else ratio,
    )


def unsupported_severity(c: Claim, written_in_sources: bool) -> str:
    """How much an unsupported figure matters.

    A figure whose number no source sentence about the same thing writes, in
    any form, is new information a reader cannot check: medium. Vague amounts
    ("several", "hundreds of") commit to no number and stay low. A number a
    related source sentence does write ("£240m" beside "a contingency of £240
    million") is a paraphrase or a figure our extraction read differently: low.
    """
    q = c.quantity
    assert q is not None
    if q.qualifier == "vague" or written_in_sources:
        return "low"
    return "medium"


SCORE_BLOCK = 512  # distinct target subjects scored per cdist call: bounded memory


def _score_rows(
    t_subjects: list[str], s_subjects: list[str], synonyms: tuple[tuple[str, ...], ...]
) -> Iterator[Any]:
    """Subject scores of each target claim against every source claim. Each
    distinct pair of subjects is scored once (articles repeat their subjects),
    in blocks of ``SCORE_BLOCK`` target subjects, then spread out row by row."""
    import numpy as np

    if not s_subjects:
        yield from ([] for _ in t_subjects)
        return
    s_uniq = sorted(set(s_subjects))
    col = {u: k for k, u in enumerate(s_uniq)}
    spread = np.array([col[x] for x in s_subjects])
    t_uniq = sorted(set(t_subjects))
    row_of = {u: k for k, u in enumerate(t_uniq)}
    blocks: dict[int, Any] = {}
    for t in t_subjects:
        b, r = divmod(row_of[t], SCORE_BLOCK)
        if b not in blocks:
            blocks.clear()  # one block held at a time
            blocks[b] = subject_scores(
                t_uniq[b * SCORE_BLOCK:(b + 1) * SCORE_BLOCK], s_uniq, synonyms
            )
        yield blocks[b][r][spread]


SAME_STATEMENT_CONTEXT = 0.3  # sentence overlap at which two figures are the same statement's


def _modifiers(c: Claim, other: Claim) -> bool:
    """Whether ``c``'s counted thing carries a word that ``other``'s sentence
    never uses: "two sick passengers" against "84 passengers on board"."""
    words = c.subject.split()[:-1]
    context = set(other.context)
    return any(lemma(w) not in context and w not in context for w in words if len(w) > 2)


def _part_and_whole(m: Match) -> bool:
    """Two counts that may both hold because one counts part of the other's set:
    a narrower thing no larger than the wider one ("two sick passengers" of
    "84 passengers"; "six authors" of whom "three British writers")."""
    q, e = m.claim.quantity, m.evidence.quantity
    if q is None or e is None or q.dimension != "count" or e.dimension != "count":
        return False
    if _modifiers(m.claim, m.evidence) and not _modifiers(m.evidence, m.claim):
        return q.high <= e.low  # the claim counts a part: never more than the whole
    if _modifiers(m.evidence, m.claim) and not _modifiers(m.claim, m.evidence):
        return e.high <= q.low
    return False


def _closer(c: Claim, a: Claim, b: Claim) -> bool:
    """Whether ``a`` repeats the claim's statement more nearly than ``b``: more
    context in common, then the same form (a range against a range)."""
    def key(s: Claim) -> tuple[float, bool]:
        sq, q = s.quantity, c.quantity
        return context_overlap(c, s), sq is not None and q is not None and (
            sq.qualifier == q.qualifier
        )

    return key(a) > key(b)


def _same_statement(
    c: Claim, pool: Sequence[Claim], same_subject: Callable[[Claim], bool] = lambda s: True
) -> Claim | None:
    """The source figure of the same dimension in the sentence that most
    nearly repeats the claim's ("demanding a 16% wage increase over two years"
    against "demanding a 14% wage increase over two years"); among a sentence's
    figures, one of the same form (a range for a range), then the nearest value.
    None when no sentence repeats it closely."""
    q = c.quantity
    assert q is not None
    best: tuple[float, bool, float, int] | None = None
    found: Claim | None = None
    for k, s in enumerate(pool):
        sq = s.quantity
        if sq is None or sq.dimension != q.dimension or not known(sq):
            continue
        if ("age" in sq.attributes) != ("age" in q.attributes) or agree(q, sq):
            continue
        if not same_subject(s):
            continue
        overlap = context_overlap(c, s)
        if overlap < SAME_STATEMENT_CONTEXT:
            continue
        key = (overlap, sq.qualifier == q.qualifier, -gap_ratio(q, sq), -k)
        if best is None or key > best:
            best, found = key, s
    return found


def quantity_findings(
    target: Document,
    target_claims: Sequence[Claim],
    sources: Sequence[tuple[Document, Sequence[Claim]]],
    options: Options | None = None,
) -> list[Finding]:
    options = options or Options()
    t_quant = [share_as_percent(c) for c in target_claims if c.quantity is not None]
    s_quant = [
        share_as_percent(c) for _, claims in sources for c in claims if c.quantity is not None
    ]
    findings: list[Finding] = []

    by_claim: dict[int, list[Match]] = {}
    for m in match_quantities(t_quant, s_quant, options):
        if comparable(m):
            by_claim.setdefault(id(m.claim), []).append(m)

    s_subjects = [s.subject for s in s_quant]
    numbers = _source_numbers(tuple((d, tuple(cs)) for d, cs in sources))

    def counted_in_sources(c: Claim) -> bool:
        """A small count of something the sources name ("two shootings", "six
        authors: three British, two American, one Australian"): a reader counts
        what an article lists one by one, so no source need write the number."""
        q = c.quantity
        assert q is not None
        if q.dimension != "count" or q.qualifier != "exact" or not c.subject:
            return False
        if not 0 < q.value <= LISTED_COUNT_MAX or q.value != int(q.value):
            return False
        return lemma(c.subject.split()[-1]) in numbers.words
    lemmas_of = {}

    def near(c: Claim, exact: bool = False) -> bool:
        assert c.quantity is not None
        if c.sentence not in lemmas_of:
            lemmas_of[c.sentence] = sentence_lemmas(_sentence(target, c))
        return numbers.written_near(c.quantity, lemmas_of[c.sentence], exact)

    def mentioned(c: Claim) -> bool:
        """The number is in the sources about something like it: no evidence
        that it is new. Not support against a rival figure (``near`` is)."""
        assert c.quantity is not None
        return near(c) or numbers.written_beside(
            c.quantity, surroundings(target.text, c.start, c.end)
        )
    index = {id(s): i for i, s in enumerate(s_quant)}
    pool = SupportPool(s_quant)
    rows = _score_rows([c.subject for c in t_quant], s_subjects, options.synonyms)
    for c, scores in zip(t_quant, rows, strict=True):
        q = c.quantity
        assert q is not None
        matches = by_claim.get(id(c), [])
        if any(agree(q, m.evidence.quantity, options.tolerance) for m in matches):  # type: ignore[arg-type]
            continue
        # The same figure stated in a source about something related wins over
        # a different figure for a similar subject: "71 people needed hospital
        # treatment" supports "71 patients", whatever "23 patients" says.

        def related(
            s: Claim, c: Claim = c, scores=scores, index=index, matches=matches
        ) -> bool:
            # Money and measures often carry no subject; the same figure in the
            # same unit is then taken as support (sentence overlap is too weak a
            # signal on long sentences to demand it). A claim with a subject is
            # supported by a source figure without one only as written: "400-bed"
            # is not a rounding of "386" cases.
            if c.subject and scores[index[id(s)]] >= SUPPORT_MIN_SUBJECT:
                return True
            written = c.quantity is not None and same_written(c.quantity, s.quantity)
            if context_overlap(c, s) >= SUPPORT_MIN_CONTEXT:
                # Against a figure for the same thing ("40-bed"), only the figure
                # as written counts: "400-bed" is no rounding of "380" cases.
                return written or not matches
            # Unrelated sentences: the figure as written, never a rounding of
            # another ("missing for more than 20 years" is no "two decades"
            # said of something else).
            return (not c.subject or not s.subject) and written

        def same_subject(s: Claim, c: Claim = c, scores=scores) -> bool:
            return not c.subject or not s.subject or (
                scores[index[id(s)]] >= SUPPORT_MIN_SUBJECT
            )

        supported = known(q) and value_supported(
            c, pool, options.tolerance, related, same_subject
        )
        if supported or (q.dimension == "count" and q.qualifier != "vague" and near(c, True)):
            # The number written in a source sentence about the same thing is
            # support even when we read it differently there ("£ 20" is a count
            # in tokenised text, "£20" money in the article).
            continue
        matches = [m for m in matches if not _part_and_whole(m)]
        if matches:
            best = _best(matches)
            # the sentence that repeats the claim's statement is better evidence
            # than a like-named figure elsewhere ("$1.40 to $1.50" is compared
            # with the guidance range, not with last quarter's "$1.36")
            rival = _same_statement(c, s_quant, same_subject) if known(q) else None
            if rival is not None and _closer(c, rival, best.evidence):
                best = Match(claim=c, evidence=rival, score=best.score)
            findings.append(conflict_finding(best, CONFLICT, target))
        elif known(q):
            derived = is_anaphoric(target, c) or counted_in_sources(c)
            sev = "low" if derived else unsupported_severity(c, mentioned(c))
            # a figure whose number the sources write elsewhere is still wrong
            # when the sentence that repeats its statement says another figure
            # for the same thing ("two aces" is no rival of "five hole-in-ones")
            rival = None if derived else _same_statement(c, s_quant, same_subject)
            if rival is not None:
                # no subject to match on, but the source says the same sentence
                # with another figure: show that figure, not "no source gives one"
                findings.append(conflict_finding(
                    Match(claim=c, evidence=rival, score=0.0), CONFLICT, target
                ))
                continue
            findings.append(make_finding(
                UNSUPPORTED, sev,
                f"No source gives a figure for {_fmt_claim(c)}.",
                c, (), sentence_text=_sentence(target, c),
            ))

    for c in stray_figures(target, target_claims):
        assert c.quantity is not None
        if mentioned(c):
            continue
        findings.append(make_finding(
            UNSUPPORTED, "medium",
            f"No source writes the number {_fmt_claim(c)}.",
            c, (), sentence_text=_sentence(target, c),
        ))

    findings.extend(internal_findings(target, t_quant, options, stated_in_sources=near))
    return findings


def internal_findings(
    doc: Document,
    claims: Sequence[Claim],
    options: Options | None = None,
    stated_in_sources: Callable[[Claim], bool] | None = None,
) -> list[Finding]:
    """Pairs of figures inside one document that cannot both hold; each pair once.

    Stricter than matching across documents: one article often gives a total
    and a part of it ("500 individuals and entities" ... "two entities"), so
    only figures for exactly the same thing, after synonyms, are compared.
    Two figures the sources also state ("just five goals in 29 games" and
    "17 goals this season") are two facts, not a contradiction.
    """
    options = options or Options()
    out: list[Finding] = []
    seen: set[tuple[int, int]] = set()
    for m in match_quantities(claims, claims, options):
        a, b = m.claim, m.evidence
        key = (min(a.start, b.start), max(a.start, b.start))
        if key in seen or a.start == b.start or not comparable(m):
            continue
        if context_overlap(a, b) < INTERNAL_MIN_CONTEXT:
            continue
        if a.start > b.start:
            continue  # each pair once: reported at the earlier figure
        if canonical_subject(a.subject, options.synonyms) != canonical_subject(
            b.subject, options.synonyms
        ):
            continue
        qa, qb = a.quantity, b.quantity
        assert qa is not None and qb is not None
        if not known(qa) or not known(qb) or agree(qa, qb, options.tolerance):
            continue
        if stated_in_sources is not None and stated_in_sources(a) and stated_in_sources(b):
            continue
        seen.add(key)
        out.append(conflict_finding(m, INTERNAL, doc, who="the same document"))
    return out


class QuantityCheck:
    """Figures a source contradicts (DQ101) or does not give (DQ102), and two
    figures of the target that cannot both hold (DQ103)."""

    name = "quantities"
    codes = (CONFLICT, UNSUPPORTED, INTERNAL)

    def run(
        self, target: Document, target_claims: Sequence[Claim], sources: Sources,
        options: Options,
    ) -> list[Finding]:
        return quantity_findings(target, target_claims, sources, options)
