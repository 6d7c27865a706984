"""Whether some source states the same figure as a target claim.

A figure with no matched evidence is still "supported" when a related source
states an overlapping figure of the same dimension: that keeps paraphrased
subjects from raising false alarms, at the cost of missing a figure moved to
the wrong subject."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import cache
from itertools import islice
from os.path import commonprefix
from typing import Any

from ...model import Claim, Quantity
from ...recognizers.attributions.entities import is_people_of_a_place
from ...recognizers.quantities.units_after import AGO
from ...text import wordlists
from ...text.similarity import context_overlap
from .agreement import (
    NUMBER_MATCH_REL,
    as_percent,
    as_read,
    both_ranges,
    cap_far_above,
    ends_agree,
    hedge_made_bound,
    inside,
    known,
    nominal,
    overlap,
    point,
    same_open_direction,
    same_written,
    widened,
    wrong_side,
)
from .number_index import NumberIndex, significant_digits

# A source figure equal to the claim's supports it when the subjects are alike
# at this level or the sentences share this much context.
SUPPORT_MIN_SUBJECT = 50.0
SUPPORT_MIN_CONTEXT = 0.15


def moved_ends(q: Quantity) -> tuple[float, ...]:
    """The two figures a change states ("fell from 7.2% to 6.8%"): each was the
    figure at its time, so "dropped to 6.8%" restates one of them."""
    if "from-to" in q.attributes and q.qualifier == "range":
        return (q.low, q.high)
    return ()


def _as_multiple(c: Claim) -> Claim | None:
    """A rise in percent as the multiple it makes: "up 236%" is 3.36 times (a
    summary's "more than tripled"), "rose 98%" 1.98 times ("nearly doubled")."""
    q = c.quantity
    if q is None or q.dimension != "percent" or q.qualifier not in ("exact", "approx"):
        return None
    if q.change != "up" and not (q.change == "=" and _RISE_NOUNS.intersection(c.context)):
        return None  # "an increase of 236%": the noun says what the verb would
    if not 0 < q.value < 100_000 or not math.isfinite(q.low) or not math.isfinite(q.high):
        return None
    times = replace(
        q, low=1 + q.low / 100, high=1 + q.high / 100, value=1 + q.value / 100,
        dimension="ratio", unit="", attributes=(*q.attributes, DERIVED_MULTIPLE),
    )
    return replace(c, quantity=times)


_RISE_NOUNS = frozenset(("increase", "rise", "growth", "gain", "jump", "surge", "climb"))
# Marks a source figure read as another: a rise in percent as a multiple.
DERIVED_MULTIPLE = "multiple-of-rise"


def _written_values(q: Quantity) -> tuple[float, ...]:
    """The values a source figure is found by: its value, or a change's two ends
    (the figure halfway between them is written nowhere); a range by its ends too
    ("courses lasting between one and two days" holds "two-day courses")."""
    moved = moved_ends(q)
    if moved:
        return moved
    if q.qualifier == "range" and 0 <= q.low < q.high < math.inf:
        return (q.value, q.low, q.high)
    return (q.value,)


class SupportPool:
    """Source figures indexed by value per dimension (and as percents), so a
    target figure looks only at the few values inside its rounding interval
    instead of every source figure."""

    def __init__(self, pool: Sequence[Claim]) -> None:
        self.claims = list(pool) + [m for m in map(_as_multiple, pool) if m is not None]
        by_dim: dict[str, list[tuple[float, int]]] = {}
        pct: list[tuple[float, int]] = []
        for k, s in enumerate(self.claims):
            sq = s.quantity
            if sq is None or not known(sq) or math.isnan(sq.value):
                continue
            for v in _written_values(sq):
                by_dim.setdefault(sq.dimension, []).append((v, k))
            if (sp := as_percent(sq)) is not None:
                pct.extend((v, k) for v in _written_values(sp))
        self.by_dim = {d: NumberIndex(v) for d, v in by_dim.items()}
        self.pct = NumberIndex(pct)
        self._kinds: dict[str, int] = {}
        for c in pool:
            # a vague amount ("hundreds of thousands of dollars") gives no figure
            # a rounding could be of
            if c.quantity is not None and c.quantity.qualifier != "vague":
                d = c.quantity.dimension
                self._kinds[d] = self._kinds.get(d, 0) + 1

    def sole(self, s: Claim) -> bool:
        """``s`` is the only figure of its kind the sources give, a measure or an
        amount of money ("as long as 90 days", "$34.95"): whatever the words
        around it, a rounding or conversion of it ("up to three months", "about
        $35") can be of nothing else. Counts are too many kinds of thing."""
        q = s.quantity
        if q is None or q.dimension in ("count", "percent", "ratio") or q.qualifier == "vague":
            return False
        return self._kinds.get(q.dimension, 0) == 1

    def same_value(self, q: Quantity) -> Iterator[Claim]:
        """Source claims of ``q``'s dimension whose value is ``q``'s (up to float
        noise), found in the index rather than by a scan of every source figure."""
        slack = abs(q.value) * NUMBER_MATCH_REL
        yield from self.inside(q.dimension, q.value - slack, q.value + slack)

    def inside(self, dimension: str | None, lo: float, hi: float) -> Iterator[Claim]:
        """Source claims whose value (as a percent when ``dimension`` is None)
        lies inside the rounding interval ``lo``..``hi``."""
        index = self.pct if dimension is None else self.by_dim.get(dimension)
        if index is not None:
            yield from (self.claims[k] for k in index.between(lo, hi))


def range_ends_written(q: Quantity, pool: SupportPool) -> bool:
    """Both ends of the range are figures of one source sentence: "between 9.9%
    and 10.8%" where the source writes "achieved only 9.9 and 10.8%" (a range
    whose "between" was dropped, read as two figures)."""
    if q.qualifier != "range" or not (0 < q.low < q.high < math.inf):
        return False
    # two figures, not a range of the source's (found by its ends and midpoint):
    # "20 to 30" holds no "20 to 25", though it is found at 20 and at 25
    at_low = {
        (s.doc, s.sentence)
        for s in pool.inside(q.dimension, q.low * (1 - NUMBER_MATCH_REL),
                             q.low * (1 + NUMBER_MATCH_REL))
        if s.quantity is not None and s.quantity.qualifier != "range"
    }
    return bool(at_low) and any(
        (s.doc, s.sentence) in at_low
        for s in pool.inside(q.dimension, q.high * (1 - NUMBER_MATCH_REL),
                             q.high * (1 + NUMBER_MATCH_REL))
        if s.quantity is not None and s.quantity.qualifier != "range"
    )


def bound_holds(q: Quantity, s: Claim) -> bool:
    """A bound holds the source's figure itself, not only its rounding: 19 years
    is not "more than 20 years" (an exact or approximate figure: its rounding)."""
    if q.qualifier in ("exact", "approx") or s.quantity is None:
        return True
    return q.low <= s.quantity.value <= q.high


def _candidates(
    pool: SupportPool, q: Quantity, extra: float, lo: float, hi: float
) -> Iterator[Claim]:
    """Source figures inside the claim's rounding interval ``lo``..``hi``; for a
    range, source ranges at its lower end too: "from 40 to 300 hours" is found by
    its ends, not by a midpoint it never wrote. Lazily: a text repeating one
    figure thousands of times is settled by its first."""
    yield from pool.inside(q.dimension, lo, hi)
    if lo == q.value and math.isfinite(q.value):
        # an open bound with no rounding slack ("more than doubled" is 2 to 4,
        # ends excluded) still holds a source's own "more than doubled"
        yield from pool.inside(q.dimension, q.value, q.value)
    if q.qualifier == "range" and math.isfinite(q.low):
        elo, ehi = widened(point(q, q.low), extra)
        yield from (
            s for s in pool.inside(q.dimension, elo, ehi)
            if s.quantity is not None and s.quantity.qualifier == "range"
            and not any(inside(x, lo, hi) for x in _written_values(s.quantity))
        )


_OPEN_BOUNDS = frozenset(("more_than", "at_least", "less_than", "at_most"))


def _fits(
    q: Quantity, s: Claim, extra: float, nominal_bounds: tuple[float, float],
    same_subject: Callable[[Claim], bool],
) -> bool:
    """Whether source figure ``s`` states the claim's figure ``q`` (its
    ``nominal_bounds``, widened), whatever the words around it."""
    sq = s.quantity
    assert sq is not None
    if wrong_side(q, sq, extra) or hedge_made_bound(q, sq):
        # "under 600" is no rounding of "more than 600"; "more than 1,500" no
        # reading of "some 1,500"
        return False
    if sq.qualifier == "vague" and q.qualifier in _OPEN_BOUNDS:
        # "thousands of passengers" holds "more than 1,000", not "fewer than 5,000":
        # a vague amount supports a bound only from inside it
        return q.low <= sq.low and sq.high <= q.high
    if both_ranges(q, sq):
        return ends_agree(q, sq, extra)
    if q.qualifier == "range":
        # a range states its ends: a figure between them ("$1.36" last quarter)
        # is no support for "$1.32 to $1.40", one at an end may be
        return any(overlap(point(q, x), sq, extra) for x in (q.low, q.high))
    if any(inside(x, *nominal_bounds) for x in _written_values(sq)):
        return True  # the number as written, within its rounding
    if truncated_bound(q, sq):
        return True  # "topped 76%" for "over 76.61%": the digits cut, the bound kept
    # Beyond the written number but within what an open bound allows
    # ("more than £1bn" holds £1.3bn): only for the same thing, and never
    # against a bound the same way ("up to 90mph" is not "up to 75mph").
    # "up to 90mph" holds the source's 120 km/h (75 mph) only as a cap far above
    # it: the claim's most is the source's, not one of its values
    return not same_open_direction(q, sq) and not cap_far_above(q, sq) and same_subject(s)


_FLOORS = ("more_than", "at_least", "plus")
_CAPS = ("less_than", "at_most")


def truncated_bound(q: Quantity, sq: Quantity) -> bool:
    """A bound whose number is the source bound's, its last digits cut toward the
    bound's side: "topped 76%" for "over 76.61%", "more than $30" for "more than
    $30.86", "under 5%" for "less than 4.6%". "More than 200" for "over 274" cuts
    no digits: it says another number."""
    if q.dimension != sq.dimension or not (math.isfinite(q.value) and math.isfinite(sq.value)):
        return False
    step = 2 * q.tolerance * abs(q.value)  # the unit of the claim's last written digit
    if step <= 0 or abs(q.value) < 10 * step:
        # one significant digit left ("over $5 billion" for "over $5.6 billion")
        # is another number more than a cut one
        return False
    if q.qualifier in _FLOORS and sq.qualifier in _FLOORS:
        return q.value <= sq.value < q.value + step
    if q.qualifier in _CAPS and sq.qualifier in _CAPS:
        return q.value - step < sq.value <= q.value
    return False


def _alone(
    q: Quantity, candidates: Iterator[Claim], nominal_bounds: tuple[float, float]
) -> Claim | None:
    """The one source amount of money or measure inside the claim's rounding,
    rounded, when it is the only one there: "roughly £27m" can round "£26.6m" and nothing
    else the sources give, whatever the words around it ("£1m" lies far off)."""
    if q.dimension in ("count", "percent", "ratio") or q.qualifier not in ("exact", "approx"):
        return None
    if not any(ch.isdigit() for ch in q.surface_value):
        return None  # "forty pounds" rounds too widely to single out a figure
    # within the rounding of the number as written: "about €6.5bn" rounds no €6.2bn
    near = islice((
        s for s in candidates if s.quantity is not None
        and s.quantity.qualifier in ("exact", "approx")
        and any(inside(x, *nominal_bounds) for x in _written_values(s.quantity))
    ), 2)
    found = list(near)
    # a rounding only: a number as written is weighed by the words around it
    # (the right number said of the wrong thing)
    if len(found) != 1 or same_written(q, found[0].quantity):  # type: ignore[arg-type]
        return None
    return found[0]


def ends_of(claim: Claim) -> tuple[Claim, Claim]:
    """A move's two figures as claims of their own ("from 1.51 million to 1.01
    million bpd": 1.51 million bpd, then 1.01 million bpd)."""
    q = claim.quantity
    assert q is not None
    plain = tuple(a for a in q.attributes if a != "from-to")
    return tuple(  # type: ignore[return-value]
        replace(claim, quantity=replace(
            q, low=x, high=x, value=x, qualifier="exact", attributes=plain,
        ))
        for x in (q.high, q.low)
    )


PERSON_AGE_MAX = 150 * 365.25 * 86400  # seconds: older than this, an age is a thing's


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
    if moved_ends(q) and all(
        value_supported(end, pool, extra, related, same_subject) for end in ends_of(claim)
    ):
        return True  # "from 1.51 million to 1.01 million bpd": each end as the source gives it

    def usable(s: Claim) -> bool:
        sq = s.quantity
        # "White, 52," is no rounding of "50 years ago"; but a thing's age is its
        # span of years ("1.95 billion-year-old" star, "1.95 billion years")
        return sq is not None and (
            ("age" in sq.attributes) == ("age" in q.attributes)
            or min(sq.value, q.value) > PERSON_AGE_MAX
            # "Zuma's six-month-old party" for "the party founded only six months
            # ago": the same length, as written, told back from now
            or ("age" in q.attributes and AGO in sq.attributes and same_written(q, sq))
        )

    lo, hi = widened(as_read(q), extra)
    nlo, nhi = widened(nominal(q), extra)

    def fits(s: Claim) -> bool:
        return _fits(q, s, extra, (nlo, nhi), same_subject)

    if any(
        usable(s) and fits(s) and (related(s) or (pool.sole(s) and bound_holds(q, s)))
        for s in _candidates(pool, q, extra, lo, hi)
    ):
        return True
    alone = _alone(q, _candidates(pool, q, extra, lo, hi), (nlo, nhi))
    if alone is not None and usable(alone) and fits(alone) and bound_holds(q, alone):
        return True
    pq = as_percent(q)
    if pq is None:
        return False
    # a share written another way: "a third" against "33%" (never a figure of
    # the claim's own dimension, which was read as written above)
    plo, phi = widened(as_read(pq), extra)
    return any(
        usable(s) and s.quantity.dimension != q.dimension and related(s)  # type: ignore[union-attr]
        for s in pool.inside(None, plo, phi)
    )


@cache
def _person_nouns() -> frozenset[str]:
    words = wordlists.data("quantity_words.json")
    return frozenset(words["age_person_nouns"]) | frozenset(words["people_kinds"])


_GENERIC_PEOPLE = frozenset(("person", "people", "individual"))


def people_of(claim_subject: str, source_subject: str, source_noun: str = "") -> bool:
    """The claim counts people, the source a kind of person: "people" for
    "passengers" (never the other way round: passengers are a kind of people),
    or people of a place, as written ("Mozambicans")."""
    return claim_subject.split()[-1] in _GENERIC_PEOPLE and (
        source_subject.split()[-1] in _person_nouns() or is_people_of_a_place(source_noun)
    )


def _noun(c: Claim) -> str:
    """The last word of a claim as written: its counted noun, capitals kept."""
    words = c.text.split()
    return words[-1].strip(".,;:()") if words else ""


def _people_doing(c: Claim, s: Claim) -> bool:
    """The claim names people by what they did, as the source's sentence says it
    of the same precise number of people: "nearly 49,900 participants" for "Nearly
    49,900 people participated", "120 survivors" for "120 people, who survived"
    (never a round "100 passengers" for "100 people")."""
    q, sq = c.quantity, s.quantity
    if q is None or sq is None or s.subject.split()[-1] not in _GENERIC_PEOPLE:
        return False
    if significant_digits(sq.surface_value) < DOER_DIGITS:
        return False
    # the same number, or a bound just under it ("over 1,100 rescuers" for "1,155
    # people participating in the rescue")
    if not same_written(q, sq) and not (
        q.qualifier in ("more_than", "at_least") and q.low <= sq.value <= q.low * DOER_BOUND_REACH
    ):
        return False
    noun = c.subject.split()[-1]
    return any(_doers_of(noun, w) or noun in _roles().get(w, ()) for w in s.context)


@cache
def _roles() -> dict[str, frozenset[str]]:
    """Verbs that count people, with the nouns naming them by it (``data/people_roles.txt``)."""
    out: dict[str, frozenset[str]] = {}
    for line in wordlists.lines("people_roles.txt"):
        verb, _, nouns = line.partition(":")
        out[verb.strip()] = frozenset(nouns.split())
    return out


def _kind_of_people(c: Claim, s: Claim) -> bool:
    """The claim names the kind of people the source counts as "people", with a
    number too precise to be another count's: "83,519 patients" waited for a bed
    where the source says "83,519 people ... waits to be admitted to hospital"
    (a round "100 passengers" is never "100 people")."""
    q, sq = c.quantity, s.quantity
    return (
        q is not None and sq is not None and bool(c.subject) and bool(s.subject)
        and s.subject.split()[-1] in _GENERIC_PEOPLE
        and c.subject.split()[-1] in _person_nouns()
        and significant_digits(sq.surface_value) >= KIND_OF_PEOPLE_DIGITS
        and same_written(q, sq)
    )


KIND_OF_PEOPLE_DIGITS = 4  # "83,519": no two counts of one story share it by chance
DOER_BOUND_REACH = 1.1  # "over 1,100" for 1,155: a bound within a tenth of the figure
# "120 survivors" for "120 people, who survived by swimming": two digits and the verb
# of the claim's noun in the source's sentence (a round "100 passengers" is not enough)
DOER_DIGITS = 2


DOER_PREFIX_MIN = 6  # letters a doer's noun and its verb share: "protest-er", "protest-ed"
DOER_ENDINGS = 3  # letters past the shared part in the shorter word: "participa-nt"


def _doers_of(noun: str, word: str) -> bool:
    if noun == word:
        return False  # the noun itself, not a verb of it
    k = len(commonprefix((noun, word)))
    return k >= DOER_PREFIX_MIN and k >= min(len(noun), len(word)) - DOER_ENDINGS


def _share_written(q: Quantity, sq: Quantity | None) -> bool:
    """A share in words the source writes as its percent: "about a third" for
    "33%" (within the words' rounding), "half" for "50 percent"."""
    if sq is None or sq.dimension != "percent" or any(ch.isdigit() for ch in q.surface_value):
        return False
    pq = as_percent(q)  # a share read as a percent already is kept as it is
    if pq is None:
        return False
    lo, hi = widened(as_read(pq), 0.0)
    return lo <= sq.value <= hi


class Relatedness:
    """How one target figure relates to each source figure, read from its row of
    subject scores (``scores``, by the source's place in ``index``)."""

    __slots__ = (
        "_matched", "_rivalled", "beside", "claim", "costated", "index", "scores", "told"
    )

    def __init__(
        self, claim: Claim, scores: Any, index: dict[int, int], matched: bool,
        beside: Callable[[Claim], bool] = lambda s: True,
        rivalled: Callable[[], bool] = lambda: False,
        told: Callable[[Claim], bool] = lambda s: False,
        costated: Callable[[Claim], bool] = lambda s: False,
    ) -> None:
        self.told = told  # another target figure counts the source figure's thing
        # the source figure's sentence states another precise figure of the claim's
        self.costated = costated
        self.claim, self.scores, self.index = claim, scores, index
        self._matched: bool | None = True if matched else None
        self._rivalled = rivalled
        self.beside = beside

    @property
    def matched(self) -> bool:
        """Whether a source figure for the same thing says otherwise: a match, or
        (asked only when it matters, as it costs a look at the sources) a rival
        in a sentence restating the claim's."""
        if self._matched is None:
            self._matched = self._rivalled()
        return self._matched

    def related(self, s: Claim) -> bool:
        """Whether ``s`` may support the claim's figure."""
        c = self.claim
        # Money and measures often carry no subject; the same figure in the
        # same unit is then taken as support (sentence overlap is too weak a
        # signal on long sentences to demand it). A claim with a subject is
        # supported by a source figure without one only as written: "400-bed"
        # is not a rounding of "386" cases.
        if c.subject and self._score(s) >= SUPPORT_MIN_SUBJECT:
            return True
        if c.subject and s.subject and people_of(
            c.subject, s.subject, _noun(s)
        ) and same_written(c.quantity, s.quantity):  # type: ignore[arg-type]
            return True  # "three people passed out" for "three passengers reported ..."
        if c.subject and s.subject and (_people_doing(c, s) or _kind_of_people(c, s)):
            return True  # "49,900 participants" for "49,900 people participated"
        if c.subject and s.subject and self.matched and self.told(s) and not people_of(
            c.subject, s.subject
        ):
            # "45% of voters and 45% of donors" against "45% of voters and 30%
            # of donors": the number counts a thing the target gives its own
            # figure, and a source figure counts the claim's. ("231 pounds of
            # meth" keeps "231 pounds of methamphetamine": no other figure of
            # the target counts methamphetamine.)
            return False
        written = c.quantity is not None and (
            same_written(c.quantity, s.quantity) or _share_written(c.quantity, s.quantity)
        )
        if context_overlap(c, s) >= SUPPORT_MIN_CONTEXT or self.costated(s):
            # Against a figure for the same thing ("40-bed"), only the figure
            # as written counts: "400-bed" is no rounding of "380" cases; and a
            # figure without a subject, only with a word of its own beside it.
            return written or not self.matched
        # Unrelated sentences: the figure as written, never a rounding of
        # another ("missing for more than 20 years" is no "two decades"
        # said of something else). When a source figure for the same thing says
        # otherwise, the number elsewhere must also have a word of the claim's
        # beside it: "6.35 percent" of the net interest margin does not support
        # a capital ratio of 6.35 percent against the "13.8 percent" stated for it.
        return (not c.subject or not s.subject) and written and self._unrivalled_there(s)

    def _unrivalled_there(self, s: Claim) -> bool:
        """The claim's number, as a source writes it in an unrelated sentence, may be
        its figure: no source figure for the same thing says otherwise, or a word of the
        claim's stands beside it, or it is precise and dated alike."""
        return not self.matched or self.beside(s) or _same_year_precise(self.claim, s)

    def same_subject(self, s: Claim) -> bool:
        return not self.claim.subject or not s.subject or (
            self._score(s) >= SUPPORT_MIN_SUBJECT
        ) or _people_doing(self.claim, s) or _kind_of_people(self.claim, s)

    def _score(self, s: Claim) -> float:
        """The subject score of a source figure (0 for one derived from another)."""
        k = self.index.get(id(s))
        return 0.0 if k is None else float(self.scores[k])


SAME_YEAR_DIGITS = 3  # a figure this precise, dated alike, is seldom another's by chance


def _same_year_precise(c: Claim, s: Claim) -> bool:
    """The claim's precise figure a source writes as it is, dated to the same year:
    "up from 30.3% in 2023" for "In 2023 it was slightly lower at 30.3%", whose words
    the pronoun leaves in the sentence before."""
    fc, fs = c.time_frame, s.time_frame
    q = c.quantity
    return (
        q is not None and fc is not None and fs is not None
        and fc.granularity == "year" and (fc.start, fc.end) == (fs.start, fs.end)
        and significant_digits(q.surface_value) >= SAME_YEAR_DIGITS
    )
