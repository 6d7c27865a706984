"""The index of every number the sources write."""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from functools import cached_property, lru_cache
from itertools import islice

from ...model import Claim, Document, Quantity, Sentence
from ...recognizers.dates import reference_date
from ...recognizers.not_claims import blank_set_scores
from ...text.lemmas import lemma
from .agreement import plausible, widened
from .frames import clash, frame_at
from .number_index import (
    NumberIndex,
    figure_forms,
    figure_in,
    significant_digits,
    written_figures,
)
from .worked_out import WORKED_SLACK_MAX, WORKED_SLACK_MIN, WorkedOut
from .written import numbers_with_surroundings, sentence_lemmas, text_numbers

# Content words a source sentence must share with the claim's sentence for a
# number written there to count as the claim's figure: "executed six" is not
# supported by "no more than six feet away" elsewhere in the article.
RELATED_MIN_SHARED = 3
NAMED_MIN = 2  # words of a thing's name that single out the sentence that counts it


def is_measured(q: Quantity) -> bool:
    """A figure whose number means nothing without its unit: "20 years" is not
    "20 minutes". Counts, money and percents are read as their numbers."""
    return not (q.dimension in ("count", "percent", "ratio") or q.dimension.startswith("currency:"))


def measure_key(q: Quantity) -> str:
    """Ages are kept apart from other durations: "White, 52," writes no "50 years ago"."""
    return f"{q.dimension}:age" if "age" in q.attributes else q.dimension


# How near a round bound a source number must sit to be the number it rounds:
# "just over 30,000" for 30,082, "past 600" for 606
BOUND_ROUNDING_REL = 0.02
ROUNDED_LOOKS = 20  # source numbers weighed in that window


def _a_year(v: float) -> bool:
    return v == int(v) and 1900 <= v <= 2100


def _precise_number(v: float) -> bool:
    """Written to three significant digits or more, and no year: one side of a
    margin a reader works out ("51.41" and "50.68"), not "1" or "2021"."""
    return _digits_of(v) >= PRECISE_DIGITS and not _a_year(v)


def _digits_of(v: float) -> int:
    """Significant digits of a number as a source wrote it (30082.0: 5)."""
    text = f"{v:.6f}".rstrip("0").rstrip(".")
    return significant_digits(text)


def _two_ended(q: Quantity) -> bool:
    return q.qualifier == "range" and math.isfinite(q.low) and math.isfinite(q.high)


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
        self._nums_of: dict[int, frozenset[float]] = {}  # the numbers of each indexed sentence
        self._period_words: dict[str, list[int]] = {}  # "quarter": sentences naming one
        self._cross_lemmas: list[frozenset[str]] = []  # of each two sentences summed across
        cross_at: list[tuple[float, int]] = []
        nums_at: list[tuple[float, int]] = []
        bare_at: list[tuple[float, int]] = []
        sums_at: list[tuple[float, int]] = []
        spans_at: list[tuple[float, int]] = []
        points_at: list[tuple[float, int]] = []
        ratios_at: list[tuple[float, int]] = []
        shares_at: list[tuple[float, int]] = []
        diffs_at: dict[str, list[tuple[float, int]]] = {}
        dims_at: dict[str, list[tuple[float, int]]] = {}
        for doc, claims in sources:
            by_sentence, measured, read = _figures_by_sentence(claims)
            counts = _counts_by_sentence(claims)
            years = _years_by_sentence(claims)
            now = ref.year if (ref := reference_date(doc)) else None
            percents = _percents_by_sentence(claims)
            moves = _point_moves_by_sentence(claims)
            amounts = _amounts_by_sentence(claims)
            named = _named_counts_by_sentence(claims)
            days = _calendar_days_by_sentence(claims)
            for sent in doc.sentences:
                cross_at.extend(self._summed_across(doc, named, sent.index))
                nums = _sentence_numbers(sent, days, by_sentence)
                if not nums:
                    continue
                every |= nums
                k = self._indexed(_with_its_antecedent(doc, sent.index), nums)
                nums_at.extend((x, k) for x in nums)
                sums_at.extend((x, k) for x in _sums(counts.get(sent.index, [])))
                spans_at.extend((x, k) for x in _year_spans(
                    _with_named_years(years.get(sent.index, []), sent.text), now
                ))
                points_at.extend((x, k) for x in _gaps(percents.get(sent.index, [])))
                ratios_at.extend((x, k) for x in _ratios(amounts, sent.index))
                shares_at.extend((x, k) for x in _shares(amounts, sent.index))
                for d, xs in _derived(sent.text, sent.index, amounts, percents, moves).items():
                    diffs_at.setdefault(d, []).extend((x, k) for x in xs)
                bare_at.extend((x, k) for x in nums - read.get(sent.index, set()))
                for d, values in measured.get(sent.index, {}).items():
                    dims_at.setdefault(d, []).extend((x, k) for x in values)
            every |= {x for x in text_numbers(doc.text) if math.isfinite(x)}
        self.all = sorted(every)
        self.beside, self._beside, self._framed = _numbers_beside(sources)
        self._sources = sources
        self._nums, self._bare = NumberIndex(nums_at), NumberIndex(bare_at)
        self._sums = NumberIndex(sums_at)
        self._cross = NumberIndex(cross_at)
        self._spans = NumberIndex(spans_at)
        self._points = NumberIndex(points_at)
        self._ratios = NumberIndex(ratios_at)
        self._shares = NumberIndex(shares_at)
        self._diffs = {d: NumberIndex(pairs) for d, pairs in diffs_at.items()}
        self._dims = {d: NumberIndex(pairs) for d, pairs in dims_at.items()}
        self.worked = WorkedOut(sources)

    @property
    def documents(self) -> tuple[Document, ...]:
        return tuple(doc for doc, _ in self._sources)

    @cached_property
    def words(self) -> frozenset[str]:
        """Content lemmas of the whole sources: the things they name."""
        return frozenset().union(*(sentence_lemmas(doc.text) for doc, _ in self._sources))

    def written(self, q: Quantity) -> bool:
        return figure_in(q, self.all)

    def written_near(
        self, q: Quantity, lemmas: frozenset[str], exact: bool = False, kin: bool = False
    ) -> bool:
        """Written in a source sentence that shares content words with the claim's;
        a measured figure in its own dimension ("About 20 minutes later" does
        not write "20 years ago"). ``kin``: a word inside another counts as shared
        ("rescuers" for "rescue workers", "quakes" for "earthquakes"), and a
        number written to three significant digits or more ("13.4%", "42,549") needs
        one word in common: such a number is seldom written twice by chance."""
        need = min(RELATED_MIN_SHARED, len(lemmas))
        if kin and significant_digits(q.surface_value) >= PRECISE_DIGITS:
            need = min(1, need)
        if is_measured(q) and not _two_ended(q):
            # The same dimension in canonical units, or the number as written
            # where no unit was read with it ("35 years ago" read as a date).
            point = replace(q, surface_value="", unit="")
            index = self._dims.get(measure_key(q))
            ids = index.sentences(point, exact) if index is not None else set()
            ids |= self._bare.sentences(q, True)
        elif _two_ended(q):
            # a range is written where both its ends are: "50 to 60 stores"
            # writes no "50 to 70 stores" for all its 50; a move "from 12.2% to
            # 8.5%" may take its two ends from a sentence and the next
            # (a measured range "from 1.51 million to 0.91 million bpd" as much as
            # a count: one end written is not the other)
            ends = [replace(q, low=x, high=x, value=x, qualifier="exact", surface_value="")
                    for x in (q.low, q.high)]
            first, second = (self._end_sentences(e, exact, q) for e in ends)
            ids = first & second
            if "from-to" in q.attributes:
                pairs = [(k, j) for k in sorted(first) for j in (k - 1, k + 1) if j in second]
                if any(
                    len(lemmas & (self.lemmas[k] | self.lemmas[j])) >= need for k, j in pairs
                ):
                    return True
        else:
            ids = self._nums.sentences(q, exact)
        return any(
            len(lemmas & self.lemmas[k]) >= need
            or (kin and kin_shared(lemmas, self.lemmas[k]) >= need)
            for k in sorted(ids)
        )


    def _end_sentences(self, e: Quantity, exact: bool, q: Quantity) -> set[int]:
        """The sentences that write end ``e`` of range ``q``: in its dimension
        when it is measured (or as the bare number it was written with), as a
        number otherwise."""
        if not is_measured(e):
            return self._nums.sentences(e, exact)
        index = self._dims.get(measure_key(e))
        got = index.sentences(replace(e, unit=""), exact) if index is not None else set()
        written = sorted(written_figures(q))
        if len(written) == 2 and q.high > q.low:
            # the written numbers in the order of the canonical ends
            bare = written[0] if e.value == q.low else written[1]
            got |= self._bare.sentences(replace(
                e, unit="", low=bare, high=bare, value=bare, surface_value=""), True)
        return got

    def precise_written(self, q: Quantity) -> bool:
        """A bare number of three significant digits or more ("Johnson's mark of
        43.18") that a source writes in any measure ("43.18 seconds"): the unit
        was left out, and such a number is seldom written twice by chance."""
        return (
            q.dimension == "count" and q.qualifier == "exact" and not q.subject
            and not q.surface_unit and significant_digits(q.surface_value) >= PRECISE_DIGITS
            and bool(self._beside.sentences(q, True, 1))
        )

    def rounded_near(self, q: Quantity, lemmas: frozenset[str]) -> bool:
        """A count the claim rounds ("13.4 million", "about 87,700") that a source
        sentence sharing ``RELATED_MIN_SHARED`` of the claim's words writes bare and
        more precisely ("Total valid votes cast was 13,434,574"): the number whose
        noun came first, which no counted noun after it could name."""
        if q.dimension != "count" or q.qualifier not in ("exact", "approx"):
            return False
        if significant_digits(q.surface_value) < PRECISE_DIGITS:
            return False  # "100" or "about 90" rounds too many numbers to say which
        need = min(RELATED_MIN_SHARED, len(lemmas))
        # ... or one that names the claim's own thing in two words or more: "the
        # registered voters for the election were 93,469,008" for "93.5 million
        # registered voters"
        named = sentence_lemmas(q.subject) if q.subject else frozenset()
        return any(
            kin_shared(lemmas, self.lemmas[k]) >= need
            or (len(named) >= NAMED_MIN and named <= self.lemmas[k])
            for k in sorted(self._bare.sentences(q, False, BESIDE_MAX))
        )

    def precise_rounded(self, q: Quantity) -> bool:
        """A figure of four significant digits or more ("18.28 million registered
        voters") that rounds a number a source writes, about anything ("persons
        on roll ... 18,279,011"): a reader's rounding of it, not a new figure. A
        count only: a measure's number written in another unit is a unit error."""
        return (
            q.dimension == "count" and q.qualifier in ("exact", "approx")
            and significant_digits(q.surface_value) >= PRECISE_ROUNDED_DIGITS
            and bool(self._nums.sentences(q, False, 1))
        )

    def written_with(self, q: Quantity, beside: frozenset[float]) -> bool:
        """The claim's number written in a source sentence that also writes
        another number the claim's sentence states: "With 332 players chasing 77
        places" for "332 players ... for a maximum of 77 slots". Two numbers
        together are one statement, whatever nouns count them; small numbers and
        years say too little (a count or money only: a measure's number in
        another unit is a unit error)."""
        if q.dimension != "count" and not q.dimension.startswith("currency:"):
            return False
        others = {x for x in beside if x >= WITH_MIN and not 1900 <= x <= 2100}
        if not others:
            return False
        return any(
            not others.isdisjoint(self._nums_of.get(k, frozenset()))
            for k in sorted(self._nums.sentences(q, True, BESIDE_MAX))
        )

    def range_together(self, q: Quantity) -> bool:
        """A range whose two ends a source sentence writes together, whatever
        noun it counts ("100 to 125 National Guard troops" for "About 100 to 125
        Guardsmen were on the ground"): two numbers together are one statement."""
        if q.qualifier != "range" or not math.isfinite(q.high):
            return False
        ends = sorted(written_figures(q))
        if len(ends) != 2:
            return False
        ids = [
            self._nums.sentences(
                Quantity(low=x, high=x, value=x, unit="", dimension="count"), True, BESIDE_MAX
            )
            for x in ends
        ]
        return not ids[0].isdisjoint(ids[1])

    def rest_of_whole(self, part: float, whole: float) -> bool:
        """A summary's "25 of the 40 runners failed to finish" for "Just 15 of
        the 40 horses who set out finished": a source sentence writes the whole
        and the rest of it (40 less 15), so the part is a reader's subtraction."""
        if not 0 < part < whole:
            return False
        probe = Quantity(low=whole, high=whole, value=whole, unit="", dimension="count")
        rest = whole - part
        return any(
            any(abs(x - rest) < 1e-9 * whole for x in self._nums_of.get(k, frozenset()))
            for k in sorted(self._nums.sentences(probe, True, BESIDE_MAX))
        )

    @cached_property
    def _plain(self) -> list[float]:
        """The numbers as the sources write them, without the figures' values in
        their units ("60 yards" is no 54.864 written to five digits)."""
        return sorted({
            x for doc, _ in self._sources for x in text_numbers(doc.text) if math.isfinite(x)
        })

    def rounds_precise(self, q: Quantity) -> bool:
        """A round bound or hedge ("just over 30,000", "past 600", "roughly $1.25
        million") that a number the sources write two digits more precisely sits
        just inside, on its side (30,082; 606; 1,247,785): the reader's rounding
        of that number, whatever words stand around it. A count or money only: a
        measure's number in another unit is a unit error."""
        if q.dimension != "count" and not q.dimension.startswith("currency:"):
            return False
        x, reach = q.value, BOUND_ROUNDING_REL
        window = {"more_than": (x, x * (1 + reach)), "at_least": (x, x * (1 + reach)),
                  "less_than": (x * (1 - reach), x), "at_most": (x * (1 - reach), x),
                  "approx": (x * (1 - reach), x * (1 + reach))}.get(q.qualifier)
        if window is None or x <= 0:
            return False
        need = significant_digits(q.surface_value) + 2
        lo, hi = bisect_left(self._plain, window[0]), bisect_right(self._plain, window[1])
        return any(_digits_of(v) >= need for v in islice(self._plain[lo:hi], ROUNDED_LOOKS))

    def period_glossed(self, q: Quantity, lemmas: frozenset[str]) -> bool:
        """"the three months to March" beside "fourth quarter": the length of a
        period the claim's own sentence and a related source sentence name."""
        if q.dimension != "duration" or q.qualifier not in ("exact", "approx"):
            return False
        if not q.surface_unit.lower().startswith("month"):
            return False
        months = round(q.value / MONTH_SECONDS)
        word = next((w for w, n in PERIOD_MONTHS.items() if n == months and w in lemmas), None)
        if word is None:
            return False
        need = min(RELATED_MIN_SHARED, len(lemmas))
        return any(len(lemmas & self.lemmas[k]) >= need
                   for k in self._period_words.get(word, ())[:DERIVED_LOOKS])

    def frame_ok(self, q: Quantity, frame: str | None) -> bool:
        """Whether the sources write ``q``'s number in a frame that fits ``frame``
        somewhere (or write it nowhere): "40 injured" is the only 40 of an
        article, so it writes no "killed 40 people"."""
        if frame is None:
            return True
        ids = self._beside.sentences(q, True, BESIDE_MAX)
        return not ids or any(not clash(self._framed[k], frame) for k in ids)

    def summed_near(self, q: Quantity, lemmas: frozenset[str]) -> bool:
        """A count a source sentence about the same thing gives in parts: "150
        passengers and six crew" writes "156 people on board" (``_sums``)."""
        if q.dimension != "count" or q.qualifier not in ("exact", "approx") or (
            q.value != int(q.value)
        ):
            return False
        # the words of adding up say nothing of what is added ("Altogether, 104
        # people survived"); a word or its kin: "survived" for "survive"
        lemmas = lemmas - _TOTAL_WORDS
        need = min(RELATED_MIN_SHARED, len(lemmas))
        # ... two words, when one is the noun the claim counts ("Combined, that is
        # 96 civil matters" for "46 civil matters ... 50 civil matters")
        head = q.subject.split()[-1] if q.subject else ""
        return any(
            kin_shared(lemmas, self.lemmas[k]) >= (
                min(HEAD_SHARED, need) if head in self.lemmas[k] else need
            )
            for k in sorted(self._sums.sentences(q, True))
        )

    def _indexed(self, text: str, nums: set[float]) -> int:
        """A sentence's index, its lemmas and numbers kept (and the periods it names)."""
        k = len(self.lemmas)
        self.lemmas.append(sentence_lemmas(text))
        self._nums_of[k] = frozenset(nums)
        for word in PERIOD_MONTHS.keys() & self.lemmas[k]:
            self._period_words.setdefault(word, []).append(k)
        return k

    def _summed_across(
        self, doc: Document, named: dict[int, list[tuple[float, str]]], s: int
    ) -> list[tuple[float, int]]:
        """Totals of a count of sentence ``s`` and one of the next, each with the
        lemmas of both sentences: the total is of the pair."""
        out = []
        for x in _next_sentence_sums(named, s):
            out.append((x, len(self._cross_lemmas)))
            self._cross_lemmas.append(
                sentence_lemmas(f"{doc.sentences[s].text} {doc.sentences[s + 1].text}")
            )
        return out

    def points_worked_out(
        self, q: Quantity, lemmas: frozenset[str], beside: frozenset[float] = frozenset()
    ) -> bool:
        """A count of points that is, within its own rounding, the gap between two
        percents of a related source sentence: "a lead of about 10 points" for
        "55.19 per cent ... 44.81 per cent". The claim's sentence relates it with
        two words, or one when it states one of the two ("climbed nearly nine
        points to 74.9%" for "reached 74.90 percent ... from the 66 percent")."""
        slack = min(max(q.tolerance, WORKED_SLACK_MIN), WORKED_SLACK_MAX)
        # "points" already says what is set against what: two words relate them
        need = min(RELATED_MIN_SHARED - 1, len(lemmas))
        return any(
            len(lemmas & self.lemmas[k]) >= (1 if beside & self._nums_of.get(k, frozenset())
                                             else need)
            for k in sorted(set(islice(
                self._points.between(q.value * (1 - slack), q.value * (1 + slack)),
                DERIVED_LOOKS,
            )))
        )

    def totalled_across(self, q: Quantity, lemmas: frozenset[str]) -> bool:
        """A count given "in total" that two counts of one noun add up to, in a
        source sentence and the next ("eight packages of cocaine were found ...
        an additional 10 packages" for "eighteen packages in total")."""
        if q.dimension != "count" or q.qualifier not in ("exact", "approx"):
            return False
        need = min(TOTAL_SHARED, len(lemmas))  # the noun and one more: "total" said the rest
        return any(
            len(lemmas & self._cross_lemmas[k]) >= need
            for k in sorted(self._cross.sentences(q, True))
        )

    def years_between(self, q: Quantity, lemmas: frozenset[str]) -> bool:
        """A number of years a source sentence about the same thing gives as two
        years ("mayor from 2005 to 2013" for "eight years"; "(1933 - 2006)" for
        "at the age of 73"): a reader's subtraction, not a new figure."""
        window = years_window(q)
        if window is None:
            return False
        return any(
            not lemmas.isdisjoint(self.lemmas[k]) for k in sorted(self._spans.between(*window))
        )

    def differenced(self, q: Quantity, lemmas: frozenset[str]) -> bool:
        """A count or amount of money a source sentence about the same thing
        gives as two figures: "rose to $120 million from $100 million" writes
        "rose by $20 million", "1,200 employees in 2019 and 1,500 in 2021"
        writes "added 300" (``_differences``)."""
        index = self._diffs.get(q.dimension)
        if index is None or q.qualifier not in ("exact", "approx") or q.value <= 0:
            return False
        # a percent change is rounded as written ("up about 30%" for 29.6%); a
        # difference of counts or money is exact ("added 300") unless hedged and
        # precise enough that its rounding does not meet a sum by chance ("close
        # to 23,800MW" for 18,041MW and 5,739MW; "almost 20" rounds too much)
        exact = q.dimension != "percent" and (
            q.qualifier == "exact" or significant_digits(q.surface_value) < PRECISE_DIGITS
        )
        if is_measured(q):
            q = replace(q, surface_value="", unit="")  # durations are indexed in seconds
        need = min(RELATED_MIN_SHARED, len(lemmas))
        return any(
            len(lemmas & self.lemmas[k]) >= need for k in sorted(index.sentences(q, exact))
        )

    def ratio_between(self, q: Quantity, lemmas: frozenset[str]) -> bool:
        """A multiple a source sentence gives as two figures of one kind, that
        sentence or with the one before: "paid £28m ... the previous record was
        £15m" for "nearly double the previous record"; "$179.4 million ... sold
        for $31.9 million" for "more than fivefold". Shares in words round a tenth
        either side; a sentence sharing a word is related."""
        if q.dimension != "ratio" or not 0 < q.low:
            return False
        high = q.high if math.isfinite(q.high) else q.low * RATIO_OPEN_CAP
        lo, hi = q.low * (1 - RATIO_SLACK), high * (1 + RATIO_SLACK)
        return any(
            not lemmas.isdisjoint(self.lemmas[k])
            for k in sorted(set(islice(self._ratios.between(lo, hi), DERIVED_LOOKS)))
        )

    def share_between(self, q: Quantity, lemmas: frozenset[str]) -> bool:
        """A share in words a source sentence gives as two counts, that sentence or
        with the one before: "64 homes destroyed. Of those, 44 were at Busbys Flat"
        for "more than two-thirds of the 64 homes"; "Five of NSW's 21 regions" for
        "nearly a quarter"."""
        if q.dimension != "percent" or not 0 <= q.low <= q.high <= 100:
            return False
        lo, hi = q.low * (1 - RATIO_SLACK), min(q.high, 100.0) * (1 + RATIO_SLACK)
        return any(
            not lemmas.isdisjoint(self.lemmas[k])
            for k in sorted(set(islice(self._shares.between(lo, hi), DERIVED_LOOKS)))
        )

    @cached_property
    def _percent_sentences(self) -> list[tuple[frozenset[float], frozenset[str], int, int]]:
        """(percents, lemmas, document number, sentence) of each source sentence
        that gives a percent."""
        out = []
        for n, (doc, claims) in enumerate(self._sources):
            for i, values in sorted(_percents_by_sentence(claims).items()):
                if 0 <= i < len(doc.sentences):
                    text = doc.sentences[i].text
                    out.append((frozenset(values), sentence_lemmas(text), n, i))
        return out[:DERIVED_LOOKS]

    def points_from_stated(
        self, q: Quantity, lemmas: frozenset[str], beside: frozenset[float]
    ) -> bool:
        """Percentage points between a percent the claim's own sentence states and
        one a source sentence near it gives for the same thing: "rose 5.6
        percentage points year on year to 47.8%" for "47.8 per cent ... In July
        last year ... the ramping rate was 42.2 per cent"."""
        if q.dimension != "percentage_point" or not beside:
            return False
        slack = q.value * q.tolerance + 1e-9
        rows = self._percent_sentences
        for values, _, n, i in rows:
            if values.isdisjoint(beside):
                continue
            for others, words, m, j in rows:
                if m != n or abs(i - j) > POINTS_SENTENCES or lemmas.isdisjoint(words):
                    continue
                if any(abs(abs(a - b) - q.value) <= slack for a in values & beside for b in others):
                    return True
        return False

    @cached_property
    def _numbers_by_sentence(self) -> dict[tuple[int, int], frozenset[float]]:
        """The numbers each source sentence writes, by (document, sentence)."""
        out: dict[tuple[int, int], frozenset[float]] = {}
        for n, (doc, _) in enumerate(self._sources):
            for sent in doc.sentences[:SENTENCES_READ]:
                nums = frozenset(x for x in text_numbers(sent.text) if math.isfinite(x))
                if nums:
                    out[(n, sent.index)] = nums
        return out

    @cached_property
    def _sentences_writing(self) -> dict[float, list[tuple[int, int]]]:
        """The (document, sentence) of each number, in order."""
        out: dict[float, list[tuple[int, int]]] = {}
        for key, nums in self._numbers_by_sentence.items():
            for x in nums:
                out.setdefault(x, []).append(key)
        return out

    def off_a_stated(self, q: Quantity, beside: frozenset[float]) -> bool:
        """A precise margin between a number the claim's sentence states and one a
        source sentence up to a dozen sentences from it gives: "took 0.73 seconds
        off her previous record of 51.41" for "running a time of 50.68" ...
        "(51.41)". Two significant digits
        or more against a number of three or more: such a difference is seldom
        met by chance."""
        if significant_digits(q.surface_value) < OFF_DIGITS or not q.value > 0 or _a_year(q.value):
            return False
        stated = sorted(b for b in beside if _precise_number(b) and b > q.value)[:OFF_STATED_MAX]
        if not stated:
            return False
        rows = self._numbers_by_sentence
        slack = max(q.value * q.tolerance, 1e-9 * q.value)
        for b in stated:
            for n, i in self._sentences_writing.get(b, ())[:OFF_STATED_MAX]:
                for j in range(i - OFF_SENTENCES, i + OFF_SENTENCES + 1):
                    if any(
                        _precise_number(x) and abs(abs(b - x) - q.value) <= slack
                        for x in rows.get((n, j), ())
                    ):
                        return True
        return False

    def points_between(self, q: Quantity, lemmas: frozenset[str]) -> bool:
        """Percentage points a related source sentence gives as two percents
        ("rose from 32% to 35%" for "rose three percentage points")."""
        if q.dimension != "percentage_point":
            return False
        return any(
            not lemmas.isdisjoint(self.lemmas[k]) for k in sorted(self._points.sentences(q, False))
        )

    def written_beside(
        self, q: Quantity, words: frozenset[str], any_measure: bool = False
    ) -> bool:
        """Written in a source with a content word of the claim's own surroundings
        beside it: "Robert Hardy, 89," is "mr hardy , 89 ,", "leading 36-25 at
        halftime" is "led at halftime 36-25", whatever the rest of the two
        sentences says. Measured figures other than ages ("aged 59" is "He was
        59") are left to ``written_near``: their number means nothing without
        its unit. ``any_measure``: the claim is a bare number whose noun the
        writer left out ("banned from driving for two"), so a source's "two
        years" beside the same words is its figure."""
        if (is_measured(q) and "age" not in q.attributes) or not words:
            return False
        if _two_ended(q):
            # both ends, each beside the words: "between 9.9% and 12.8%" is not
            # written where "9.9 and 10.8%" is
            return all(
                self.written_beside(replace(
                    q, low=x, high=x, value=x, qualifier="exact", surface_value=""
                ), words, any_measure)
                for x in (q.low, q.high)
            )
        key = measure_key(q)
        # an article writes a number a handful of times; past that, a text is no
        # article and its first occurrences stand for the rest (bounded work)
        for k in sorted(self._beside.sentences(q, True, BESIDE_MAX)):
            near_words, measure = self.beside[k]
            # "12 months" beside "pay" is no "12% pay rise"; a plain count may be
            # the age or the figure itself ("He was 59")
            if measure not in ("", "count", key) and not any_measure:
                continue
            if not words.isdisjoint(near_words):
                return True
            if "age" in q.attributes and (
                measure in ("", "count") or not near_words.isdisjoint(_AGE_WORDS)
            ):
                # "Bates, who is 73 years old" is "his age -- 73 --"; "aged 59" is
                # "He was 59": an age is a bare number said of someone
                return True
        return False


BESIDE_MAX = 200  # occurrences of one number looked at
# A sentence of more whole numbers than this is a table or a list of results,
# whose sums say nothing (and their count grows with the square).
SUM_PARTS_MAX = 6
SUM_MIN = 12  # totals up to this are no evidence of a sum (see ``_sums``)


_MONTH_NAME = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?![a-z])",
    re.IGNORECASE,
)


def _calendar_days_by_sentence(claims: Sequence[Claim]) -> dict[int, list[tuple[int, int]]]:
    """The spans of each sentence's calendar days ("October 3 , 2013", "18 September
    1989"): their day is no count a summary may take ("over three seasons" is not
    written by "October 3")."""
    out: dict[int, list[tuple[int, int]]] = {}
    for c in claims:
        p = c.period
        if c.category == "date" and p is not None and p.granularity == "day" and (
            _MONTH_NAME.search(c.text)
        ):
            out.setdefault(c.sentence, []).append((c.start, c.end))
    return out


def _sentence_numbers(
    sent: Sentence, days: dict[int, list[tuple[int, int]]], read: dict[int, set[float]]
) -> set[float]:
    """The finite numbers a sentence writes outside its calendar days, and those its
    figures were read as."""
    written = text_numbers(blank_set_scores(
        _days_blanked(sent.text, sent.start, days.get(sent.index, ()))
    ))
    return {x for x in written | read.get(sent.index, set()) if math.isfinite(x)}


def _days_blanked(text: str, offset: int, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` (starting at ``offset`` of its document) with the day numbers of the
    calendar days at ``spans`` written as spaces; their years stay, for the years
    between two dates ("September 1, 1933 - September 13, 2006": 73)."""
    for a, b in spans:
        lo, hi = max(0, a - offset), min(len(text), b - offset)
        if lo < hi:
            text = text[:lo] + _DAY_NUMBER.sub(_spaces, text[lo:hi]) + text[hi:]
    return text


_DAY_NUMBER = re.compile(r"(?<!\d)\d{1,2}(?:st|nd|rd|th)?(?!\d)")


def _spaces(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _years_by_sentence(claims: Sequence[Claim]) -> dict[int, list[tuple[int, int]]]:
    """The (first, last) years of each closed date of a sentence: "from 2005 to
    2013" is (2005, 2013), "in 1998" (1998, 1998)."""
    out: dict[int, list[tuple[int, int]]] = {}
    for c in claims:
        p = c.period
        if c.category != "date" or p is None or p.open_start or p.open_end:
            continue
        out.setdefault(c.sentence, []).append((int(p.start[:4]), int(p.end[:4])))
    return out


YEAR_SECONDS = 365.25 * 86400
_YEAR_UNITS = ("year", "decade", "centur")


def years_window(q: Quantity) -> tuple[float, float] | None:
    """The whole numbers of years a duration in years, decades or centuries may
    be ("thirteen years", "more than two decades": over 20, up to 30; "some
    fourteen centuries"), or an age; None for any other figure."""
    if q.dimension != "duration" or not (
        "age" in q.attributes or q.surface_unit.lower().startswith(_YEAR_UNITS)
    ):
        return None
    p = plausible(q)
    lo, hi = widened(p, 0.0)
    if q.qualifier in ("more_than", "at_least") and math.isinf(q.high):
        hi = q.low * 1.5  # "more than two decades": 21 to 30 years, not 300
    return lo / YEAR_SECONDS, hi / YEAR_SECONDS


YEARS_MAX = 8  # dates of a sentence paired; past it, a list of dates says nothing
# A year written in a name the date reader leaves alone: "the 1992 Paralympics",
# "the 2010 World Cup". Four digits alone, never in a longer number or amount.
_NAMED_YEAR = re.compile(r"(?<![\d,.$£€])\b(1[89]\d\d|20\d\d)\b(?![,.]?\d)")


def _with_named_years(
    years: list[tuple[int, int]], text: str
) -> list[tuple[int, int]]:
    """The sentence's dates, and the years its names carry ("won six medals at the
    1992 Paralympics before switching to cycling in 2005" spans 13 years)."""
    seen = {y for span in years for y in span}
    return years + [(y, y) for y in named_years(text) if y not in seen]


# A year of an era: "1539BC", "between 664 and 525 B.C.", "AD 79" is left to dates.
# The era after two years is said of both. Bounded, no nesting: linear.
_ERA_YEAR = re.compile(
    r"(?<![\d,.$£€])\b(\d{1,4})(?:\s?(?:-|–|to|and)\s?(\d{1,4}))?\s?"
    r"(BCE?|B\.C\.(?:E\.)?|AD|A\.D\.|CE)(?![A-Za-z])"
)


def _era_years(text: str) -> set[int]:
    """Years before the common era as negatives, so two subtract to the years between
    ("ruled between 1539BC and 1292BC": 247 years)."""
    found: set[int] = set()
    for m in _ERA_YEAR.finditer(text):
        sign = -1 if m.group(3).upper().startswith("B") else 1
        found.update(sign * int(g) for g in m.group(1, 2) if g is not None and int(g) > 0)
    return found


def named_years(text: str) -> list[int]:
    """The years written in ``text`` as four digits or with their era, sorted, at most
    ``YEARS_MAX`` of them read (a list of dates says nothing of the time between two)."""
    found = sorted({int(m.group(1)) for m in _NAMED_YEAR.finditer(text)} | _era_years(text))
    return found if len(found) <= YEARS_MAX else []


def _year_spans(years: list[tuple[int, int]], now: int | None = None) -> set[float]:
    """The numbers of years between two of a sentence's dates, or across one
    span, or from one of them to the story's year ``now`` ("founded in 1998"
    in a 2018 story is "20 years ago"). Not one less for an age before its
    birthday: "youngest in 1963 ... his sixth in 1986" would then give any "22"."""
    if len(years) > YEARS_MAX:
        return set()
    gaps = {b - a for a, b in years if b > a}
    ends = sorted({y for span in years for y in span})
    gaps |= {b - a for i, a in enumerate(ends) for b in ends[i + 1:]}
    if now is not None:
        gaps |= {now - y for y in ends if y < now}
    return {float(g) for g in gaps}


DIFF_PARTS_MAX = 4  # figures of one kind in a sentence; past it, some two differ by anything


# Measures whose two figures a reader subtracts ("217 miles ... 161 miles": "about
# 56 miles farther"); percents have their own points (``_gaps``).
_AMOUNT_DIMENSIONS = frozenset((
    "count", "duration", "length", "mass", "area", "volume", "speed", "power", "energy",
))


_AMOUNT_QUALIFIERS = ("exact", "approx", "more_than", "less_than", "at_least", "at_most")


def _amounts_by_sentence(claims: Sequence[Claim]) -> dict[int, dict[str, list[float]]]:
    """The counts, amounts of money and measures of each sentence, by dimension:
    a change's two ends ("from $100 million to $120 million") count as two; "11
    days ... 15 days" gives "four days faster"."""
    out: dict[int, dict[str, list[float]]] = {}
    for c in claims:
        q = c.quantity
        if q is None or not (
            q.dimension in _AMOUNT_DIMENSIONS or q.dimension.startswith("currency:")
        ):
            continue
        if q.qualifier == "range" and "from-to" in q.attributes:
            values = [q.low, q.high]
        elif q.qualifier in _AMOUNT_QUALIFIERS and math.isfinite(q.value):
            # a bound's number too: "falling from about 25 GW to just over 10 GW"
            # is a fall of about 15 GW
            values = [q.value]
        else:
            continue
        out.setdefault(c.sentence, {}).setdefault(q.dimension, []).extend(values)
    return out


_SCORE = re.compile(r"(?<![\d.,-])(\d{1,3})-(\d{1,3})(?!\d|[.,]\d|%|-)")
MARGINS_MAX = 6  # scores of a sentence read; a table of results says nothing


# A tally in words, the larger side first: "leads Uranga 3,408 to 3,034", "by a
# 10-to-3 margin" (ascending "5 to 7" is a range). Bounded groups: linear.
_WORDED_TALLY = re.compile(
    r"(?<![\d.,:-])(\d{1,3}(?:,\d{3}){0,3})(?: to |-to-)(\d{1,3}(?:,\d{3}){0,3})(?![\d%:]|[.,]\d)"
)


def _margins(text: str) -> set[float]:
    """The margins of the scores and tallies a sentence gives ("71-64": 7,
    "3,408 to 3,034": 374)."""
    pairs = _SCORE.findall(text)
    worded = [
        (a, b) for a, b in (
            (int(x.replace(",", "")), int(y.replace(",", "")))
            for x, y in _WORDED_TALLY.findall(text)
        ) if a > b
    ]
    if len(pairs) + len(worded) > MARGINS_MAX:
        return set()
    return {float(abs(int(a) - int(b))) for a, b in pairs if a != b} | {
        float(a - b) for a, b in worded
    }


def _derived(
    text: str, index: int, amounts: dict[int, dict[str, list[float]]],
    percents: dict[int, list[float]], moves: dict[int, list[float]],
) -> dict[str, set[float]]:
    """The figures a reader works out from one sentence, by dimension: the
    differences and sums of two amounts, the level before a move in points
    ("13.8 percent, down 70 basis points" gives 14.5 percent), the margin of a
    score ("won 71-64" is a seven-point win)."""
    out: dict[str, set[float]] = {
        "percent": _prior_levels(percents.get(index, []), moves.get(index, [])),
        "count": _margins(text),
    }
    for d, values in amounts.get(index, {}).items():
        got = out.setdefault(d, set())
        got |= _differences(values)
        if d != "count":  # counts are summed by ``_sums``, with all parts
            got |= _two_sums(values)
        out["percent"] |= _percent_changes(values)
    return out


def _percent_changes(values: list[float]) -> set[float]:
    """The rise or fall in percent from one of a sentence's figures of one kind to
    another: 45,722 cases then 59,267 is "up about 30%" (and "down about 23%")."""
    vs = sorted(set(v for v in values if v > 0))
    if not 2 <= len(vs) <= DIFF_PARTS_MAX:
        return set()
    out: set[float] = set()
    for i, a in enumerate(vs):
        for b in vs[i + 1:]:
            out.add(round((b / a - 1) * 100, 9))
            out.add(round((1 - a / b) * 100, 9))
    return out


RATIO_SLACK = 0.1
PERIOD_MONTHS = {"quarter": 3, "half": 6}  # a period a summary glosses by its length
MONTH_SECONDS = 365.2425 / 12 * 86400.0
PRECISE_DIGITS = 3
PRECISE_ROUNDED_DIGITS = 4
KIN_MIN = 5  # letters of the shorter word: "rate" is in "rated" and "corporate" alike
KIN_ENDING = 2  # letters a longer word adds: "rescue" -> "rescuer", not "share" -> "shareholder"


def kin_shared(a: frozenset[str], b: frozenset[str]) -> int:
    """How many words of ``a`` are a word of ``b`` or differ from one by a short
    ending: "rescuer" and "rescue"."""
    return sum(1 for w in a if w in b or any(_kin(w, v) for v in b))


def _kin(w: str, v: str) -> bool:
    short, long = (w, v) if len(w) <= len(v) else (v, w)
    return len(short) >= KIN_MIN and len(long) - len(short) <= KIN_ENDING and long.startswith(short)


DERIVED_LOOKS = 200  # sentences weighed for one multiple or share: bounded on any text
RATIO_OPEN_CAP = 3  # "more than fivefold" reaches fifteen-fold at most


def _ratios(amounts: dict[int, dict[str, list[float]]], index: int) -> set[float]:
    """The multiples between two figures of one kind in a sentence, or one in it
    and one in the sentence before (at most ``DIFF_PARTS_MAX`` a sentence)."""
    here, before = amounts.get(index, {}), amounts.get(index - 1, {})
    out: set[float] = set()
    for d, values in here.items():
        pool = sorted({v for v in values + before.get(d, []) if v > 0})
        if not 2 <= len(pool) <= 2 * DIFF_PARTS_MAX:
            continue
        out |= {round(b / a, 6) for i, a in enumerate(pool) for b in pool[i + 1:]
                if b / a >= RATIO_MIN}
    return out


RATIO_MIN = 1.2  # "20% more" is no multiple a reader states


def _shares(amounts: dict[int, dict[str, list[float]]], index: int) -> set[float]:
    """The percents one count of a sentence is of another, in it or with the
    sentence before ("44 ... of 64": 68.75)."""
    here, before = amounts.get(index, {}).get("count", []), amounts.get(index - 1, {}).get(
        "count", []
    )
    pool = sorted({v for v in here + before if v > 0})
    if not here or not 2 <= len(pool) <= 2 * DIFF_PARTS_MAX:
        return set()
    return {round(100 * a / b, 6) for i, a in enumerate(pool) for b in pool[i + 1:]}


def _differences(values: list[float]) -> set[float]:
    """The differences between two of a sentence's figures of one kind."""
    vs = sorted(set(v for v in values if v > 0))
    if not 2 <= len(vs) <= DIFF_PARTS_MAX:
        return set()
    return {round(b - a, 9) for i, a in enumerate(vs) for b in vs[i + 1:]} - set(vs)


def _percents_by_sentence(claims: Sequence[Claim]) -> dict[int, list[float]]:
    out: dict[int, list[float]] = {}
    for c in claims:
        q = c.quantity
        if q is None or q.dimension != "percent":
            continue
        if q.qualifier != "range":
            out.setdefault(c.sentence, []).append(q.value)
        elif "from-to" in q.attributes:  # "rose from 32% to 35%": both ends are percents
            out.setdefault(c.sentence, []).extend((q.low, q.high))
    return out


def _point_moves_by_sentence(claims: Sequence[Claim]) -> dict[int, list[float]]:
    """The moves in percentage points (or basis points) of each sentence, signed:
    "down 70 basis points" is -0.7."""
    out: dict[int, list[float]] = {}
    for c in claims:
        q = c.quantity
        if q is None or q.dimension != "percentage_point" or q.change not in ("up", "down"):
            continue
        if q.qualifier in ("exact", "approx") and math.isfinite(q.value):
            out.setdefault(c.sentence, []).append(q.value if q.change == "up" else -q.value)
    return out


def _prior_levels(levels: list[float], moves: list[float]) -> set[float]:
    """The percents a sentence's levels stood at before its moves: a level of 13.8
    percent "down 70 basis points" was 14.5 percent (at most ``SUM_PARTS_MAX``
    of each)."""
    if not moves or len(levels) > SUM_PARTS_MAX or len(moves) > SUM_PARTS_MAX:
        return set()
    return {round(x - m, 6) for x in levels for m in moves if x - m > 0}


def _gaps(values: list[float]) -> set[float]:
    """The differences between two of a sentence's percents (at most ``SUM_PARTS_MAX``)."""
    if len(values) > SUM_PARTS_MAX:
        return set()
    vs = sorted(set(values))
    return {round(b - a, 6) for i, a in enumerate(vs) for b in vs[i + 1:]}


def _counts_by_sentence(claims: Sequence[Claim]) -> dict[int, list[float]]:
    """The whole counts of things read in each sentence ("150 passengers", "more
    than 1.2 million people"): the parts a total may add up. Money, percents and
    measures are left out: an earnings call's sentences hold many amounts, and
    some two add up to almost anything."""
    out: dict[int, list[float]] = {}
    for c in claims:
        q = c.quantity
        if q is None or q.dimension != "count" or q.qualifier in ("vague", "range", "unknown"):
            continue
        if not math.isfinite(q.value):
            continue
        # a bare number counts something when it is large ("and 4.8 million have
        # been displaced"); a small one may be anything
        if not c.subject and q.value < COUNTED_BARE_MIN:
            continue
        if q.value == int(q.value) and q.value > 0:
            out.setdefault(c.sentence, []).append(q.value)
    return out


COUNTED_BARE_MIN = 1000
WITH_MIN = 13  # a number beside the claim's that ties two sentences: no small count
OFF_DIGITS = 2  # a margin's own significant digits, for ``off_a_stated``
OFF_STATED_MAX = 8  # stated numbers, and their sentences, weighed for one margin
OFF_SENTENCES = 12  # ... and how far apart its two numbers stand: a race's times
SENTENCES_READ = 400  # sentences of a source read for their numbers: no article has more
POINTS_SENTENCES = 3  # a percent and the one it moved from, a few sentences apart
HEAD_SHARED = 2  # words a sum's sentence shares with the claim's, one its counted noun
_TOTAL_WORDS = frozenset(("altogether", "total", "combined", "overall", "together", "all"))
TOTAL_SHARED = 2


def _named_counts_by_sentence(claims: Sequence[Claim]) -> dict[int, list[tuple[float, str]]]:
    """The whole counts of each sentence with the noun they count."""
    out: dict[int, list[tuple[float, str]]] = {}
    for c in claims:
        q = c.quantity
        if q is None or q.dimension != "count" or q.qualifier not in ("exact", "approx"):
            continue
        if not q.subject or not math.isfinite(q.value) or q.value != int(q.value) or q.value <= 0:
            continue
        out.setdefault(c.sentence, []).append((q.value, lemma(q.subject.split()[-1])))
    return out


def _next_sentence_sums(named: dict[int, list[tuple[float, str]]], s: int) -> set[float]:
    """Sums of a count of sentence ``s`` and a count of the same noun in the next."""
    here, there = named.get(s, [])[:SUM_PARTS_MAX], named.get(s + 1, [])[:SUM_PARTS_MAX]
    return {a + b for a, n in here for b, m in there if n == m}


def _sums(nums: list[float]) -> set[float]:
    """The sums of two, and of all, of a sentence's counts of things: the totals
    a summary may give of parts an article lists."""
    # two figures of one value are two parts ("asked 100 people ... and another
    # 100": 200 people in all)
    parts = sorted(nums)
    if not 2 <= len(parts) <= SUM_PARTS_MAX:
        return set()
    out = {a + b for i, a in enumerate(parts) for b in parts[i + 1:]}
    out.add(sum(parts))
    # a small total is as easily any two small numbers of a sentence ("three
    # defeats" from "one ... two"): small counts are left to ``Mentions.counted``
    return {x for x in out if x > SUM_MIN} - set(parts)


def _two_sums(values: list[float]) -> set[float]:
    """The sums of two of a sentence's amounts of one kind (at most
    ``DIFF_PARTS_MAX``): "fined £3,000, while Mr Thomas was fined £1,000" writes
    "fined £4,000 between them"."""
    if not 2 <= len(values) <= DIFF_PARTS_MAX:
        return set()
    vs = sorted(values)
    return {round(a + b, 6) for i, a in enumerate(vs) for b in vs[i + 1:]}
_AGE_WORDS = frozenset({"age", "aged", "old"})  # a number beside these is someone's age


def _figures_by_sentence(
    claims: Sequence[Claim],
) -> tuple[dict[int, set[float]], dict[int, dict[str, list[float]]], dict[int, set[float]]]:
    """Per sentence of one source: the forms of the figures read there, the
    values of its measured figures by measure, and the numbers the extractor
    read with a unit."""
    by_sentence: dict[int, set[float]] = {}
    measured: dict[int, dict[str, list[float]]] = {}
    read: dict[int, set[float]] = {}
    for c in claims:
        if c.quantity is not None:
            by_sentence.setdefault(c.sentence, set()).update(figure_forms(c.quantity))
            if is_measured(c.quantity) and math.isfinite(c.quantity.value):
                measured.setdefault(c.sentence, {}).setdefault(
                    measure_key(c.quantity), []
                ).append(c.quantity.value)
                read.setdefault(c.sentence, set()).update(written_figures(c.quantity))
    return by_sentence, measured, read


def _numbers_beside(
    sources: Sequence[tuple[Document, Sequence[Claim]]],
) -> tuple[list[tuple[frozenset[str], str]], NumberIndex, list[str | None]]:
    """Each number written in a source: the content lemmas around it, and the
    measure of the figure it was read as ("" where none was read), indexed by
    value; and its frame (``frames``: killed, injured, ...)."""
    beside: list[tuple[frozenset[str], str]] = []
    beside_at: list[tuple[float, int]] = []
    framed: list[str | None] = []
    for doc, claims in sources:
        read = sorted(
            (c.start, c.end, measure_key(c.quantity)) for c in claims
            if c.quantity is not None
        )
        for at, value, words in numbers_with_surroundings(doc.text):
            beside_at.append((value, len(beside)))
            beside.append((words, _read_as(read, at)))
            framed.append(_frame_of_number(doc, at, _read_end(read, at)))
    return beside, NumberIndex(beside_at), framed


_NUMBER_END = re.compile(r"[\w.,]*")


def _frame_of_number(doc: Document, at: int, read_end: int | None = None) -> str | None:
    """The frame of the number at ``at``: after the figure it was read as, counted
    noun and all ("at least 10 Iraqi security forces were killed": the words
    after the 10 alone name no frame)."""
    end = _NUMBER_END.match(doc.text, at)
    sent = doc.sentence_at(at)
    lo, hi = (sent.start, sent.end) if sent is not None else (0, len(doc.text))
    stop = end.end() if end else at
    return frame_at(doc.text, at, max(stop, read_end or stop), lo, hi)


def _read_end(spans: list[tuple[int, int, str]], at: int) -> int | None:
    """The end of the figure whose span holds offset ``at`` (None if none)."""
    from bisect import bisect_right

    i = bisect_right(spans, (at, math.inf, "")) - 1
    return spans[i][1] if i >= 0 and spans[i][0] <= at < spans[i][1] else None


def _read_as(spans: list[tuple[int, int, str]], at: int) -> str:
    """The measure of the figure whose span holds offset ``at`` ("" if none)."""
    from bisect import bisect_right

    i = bisect_right(spans, (at, math.inf, "")) - 1
    return spans[i][2] if i >= 0 and spans[i][0] <= at < spans[i][1] else ""


# A sentence that counts a part of what the sentence before it counted: "Nine of
# them were declared dead", "Of these, 3,154 are in Dhaka". Bounded: linear.
_PART_OF_BEFORE = re.compile(
    r"\W{0,3}(?:(?:[\w,.-]{1,20}\s){1,2}|of\s)(?:of\s)?(?:them|those|these|whom)\b",
    re.IGNORECASE,
)


def _with_its_antecedent(doc: Document, s: int) -> str:
    """A sentence's text, after the one before it where it counts a part of that
    one's thing: its "them" is the words of the sentence before."""
    text = doc.sentences[s].text
    if s > 0 and _PART_OF_BEFORE.match(text) is not None:
        return f"{doc.sentences[s - 1].text} {text}"
    return text


# Summaries of one article are checked one after another against the same
# sources: their number index is built once. Documents and claims are frozen,
# so a cached index cannot go stale.
@lru_cache(maxsize=16)
def source_number_index(sources: tuple[tuple[Document, tuple[Claim, ...]], ...]) -> SourceNumbers:
    return SourceNumbers(sources)


def source_numbers(sources: Sequence[tuple[Document, Sequence[Claim]]]) -> list[float]:
    return SourceNumbers(sources).all
