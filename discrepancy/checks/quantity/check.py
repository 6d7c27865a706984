"""The quantity check: every figure of the target against the sources' figures.

For each target figure, in order: a matched source figure that agrees settles
it; so does the same figure stated in a related source (``support``). Else the
best matched figure that is not a part of the other's whole is a conflict
(DQ101, ``evidence`` picks the figure shown); with no match, the figure is
unsupported (DQ102), unless a source sentence repeating its statement gives
another figure. Numbers no claim covers are unsupported when no source writes
them; two target figures for the same thing are checked against each other
(DQ103).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Any

from ...limits import note
from ...model import Claim, Document, Finding, Match, Quantity
from ...options import Options
from ...recognizers.quantities.qualifiers import BELOW
from ...recognizers.timeframes import year_before
from ...text.numbers import parse_number, spelled_value
from ...text.similarity import context_overlap
from ..base import Sources
from ..findings import make_finding, quoted, sentence_of
from ..matching import canonical_subject, head, match_quantities
from .ages import age_findings
from .agreement import (
    agree,
    as_read,
    degrees_as_celsius,
    degrees_as_fahrenheit,
    hedge_made_bound,
    implied,
    known,
    metres_as_millions,
    period_of,
    points_as_percentage_points,
    pounds_as_sterling,
    rate_per,
    same_written,
    share_as_percent,
    signed_as_change,
    widened,
    wrong_side,
)
from .basis_words import basis_clash, basis_finding
from .change_level import level_swapped, level_swapped_finding
from .clauses import bound_by_name, clause_supported, stated_together
from .comparatives import turned_comparisons
from .complement import complement_supported
from .conflict import CONFLICT, conflict_finding
from .direction import reached, turned, turned_finding
from .evidence import best_match, closer, same_statement
from .frames import claim_frame, clash, same_frame
from .internal import INTERNAL, internal_findings
from .labels import Labels, labelled_finding
from .listed import one_and_others
from .mentions import Mentions, margin_after
from .move_starts import Move, ends_of_stated_move, start_of_stated_move, stated_moves
from .number_index import significant_digits
from .one_unit import bare_bound_told, bare_number_told, one_unit_told
from .ordinals import (
    counted_by_ordinal,
    is_ordinal_part,
    ordinal_named,
    ordinal_restated,
    ordinals_in,
)
from .own_totals import OwnArithmetic, given_per_unit
from .part_whole import part_and_whole, restricted_part, whole_beside
from .period import PERIOD, period_clash, period_finding, period_word_finding
from .period_words import period_word_clash
from .points_for_percent import percent_for_points, percent_for_points_finding, points_as_percent
from .ranks import rank_findings
from .rounded_bounds import without_rounding_bounds
from .scores import score_rows
from .siblings import Siblings, rival_written_alike, same_words_before, words_around
from .source_numbers import source_number_index
from .stray import is_anaphoric, is_conversion
from .streak_words import streak_counted
from .support import (
    SUPPORT_MIN_CONTEXT,
    Relatedness,
    SupportPool,
    ends_of,
    moved_ends,
    range_ends_written,
    value_supported,
)
from .swaps import SourceWords, noun_swaps, sentence_pairs, swapped_pairs
from .tallies import source_pairs, tally_findings, target_tallies
from .time_frames import comparable
from .unsupported import (
    UNSUPPORTED,
    says_more_finding,
    stray_findings,
    unsupported_finding,
    unsupported_severity,
)
from .worded_shares import worded_share_parts
from .written import words_about
from .written_otherwise import (
    WrittenNumbers,
    other_unit,
    other_unit_finding,
    scale_slipped,
    turned_bound,
    unit_swapped,
)

# Characters each side of a figure its year must be written within to frame it
# ("revenue of $4.2 billion for the full year 2021").
YEAR_REACH = 40

# Words each side of a figure that say what it is about, when a number written
# elsewhere is weighed against a rival figure: wider than a mention's four words,
# since a paraphrase moves them ("infected with Ebola ... over 10,000 deaths" /
# "fought Ebola infections. More than 10,000 have not survived").
BESIDE_WORDS = 8


@dataclass(frozen=True)
class _Against:
    """What one target's figures are judged against."""

    target: Document
    s_quant: list[Claim]
    t_quant: list[Claim]
    index: dict[int, int]  # id of a source figure -> its column in the subject scores
    pool: SupportPool
    mentions: Mentions
    siblings: Siblings
    options: Options
    docs: dict[str, Document]  # by id: the words beside a source figure
    labels: Labels  # what each source figure without a noun is given for
    looks: list[int] = field(default_factory=lambda: [0])  # comparisons spent restating
    about: dict[int, frozenset[str]] = field(default_factory=dict)  # words about, by id
    frames: dict[int, str | None] = field(default_factory=dict)  # frame, by id
    around: dict[int, frozenset[str]] = field(default_factory=dict)  # words around, by id
    ranks: dict[str, bool] = field(default_factory=dict)  # ordinals restated, by phrase
    by_sentence: dict[tuple[str, int], list[Claim]] = field(default_factory=dict)
    t_sentences: dict[int, list[Claim]] = field(default_factory=dict)
    # the precise figures of each sentence, as (dimension, value): read once per sentence
    precise: dict[tuple[str, int], dict[tuple[str, float], int]] = field(default_factory=dict)
    at_in_sentence: dict[int, int] = field(default_factory=dict)  # target figure's place
    at_in_source: dict[int, int] = field(default_factory=dict)  # source figure's place
    written: WrittenNumbers | None = None  # source figures by written number, on first use
    ordinals: frozenset[int] | None = None  # the ordinals the sources write, on first use
    moves: tuple[Move, ...] | None = None  # the sources' moves and their ends, on first use
    shared: tuple[tuple[str, float], ...] | None = None  # parts of worded shares, on first use

    def ordinal_values(self) -> frozenset[int]:
        """The values of the ordinals the sources write, read once (a summary of
        thousands of stray numbers asks for each)."""
        if self.ordinals is None:
            object.__setattr__(self, "ordinals", frozenset(
                v for d in self.docs.values() for v, _ in ordinals_in(d.text)
            ))
        assert self.ordinals is not None
        return self.ordinals

    def worded_parts(self) -> tuple[tuple[str, float], ...]:
        if self.shared is None:
            object.__setattr__(self, "shared", worded_share_parts(self.s_quant, self.docs))
        assert self.shared is not None
        return self.shared

    def source_moves(self) -> tuple[Move, ...]:
        if self.moves is None:
            object.__setattr__(self, "moves", stated_moves(self.s_quant, self.docs))
        assert self.moves is not None
        return self.moves

    def written_numbers(self) -> WrittenNumbers:
        if self.written is None:
            object.__setattr__(self, "written", WrittenNumbers(self.s_quant))
        assert self.written is not None
        return self.written

    def target_sentence_figures(self, c: Claim) -> list[Claim]:
        """The target figures of ``c``'s sentence (grouped once, on first use)."""
        if not self.t_sentences:
            for t in self.t_quant:
                self.t_sentences.setdefault(t.sentence, []).append(t)
        return self.t_sentences.get(c.sentence, [])

    def sentence_figures(self, s: Claim) -> list[Claim]:
        """The source figures of ``s``'s sentence (grouped once, on first use)."""
        if not self.by_sentence:
            for r in self.s_quant:
                self.by_sentence.setdefault((r.doc, r.sentence), []).append(r)
        return self.by_sentence.get((s.doc, s.sentence), [])

    def costated(self, c: Claim) -> Callable[[Claim], bool]:
        """Whether a source figure's sentence also states, as written, another precise
        figure of the claim's sentence: "closed nearly 48% higher at $10.51" and
        "closed at $10.51, up 47.82%" tell one close of one stock. Each sentence's
        precise figures are read once, so a sentence of thousands costs each figure
        no more than a short one."""
        mine = dict(self._precise_of(self.target.id, c.sentence, self.target_sentence_figures(c)))
        own = _precise_key(c)
        if own is not None and mine.get(own, 0) <= 1:
            mine.pop(own, None)
        if not mine:
            return lambda s: False

        def shares(s: Claim) -> bool:
            theirs = self._precise_of(s.doc, s.sentence, self.sentence_figures(s))
            key = _precise_key(s)
            return any(k in theirs and (k != key or theirs[k] > 1) for k in mine)

        return shares

    def _precise_of(
        self, doc: str, sentence: int, figures: Sequence[Claim]
    ) -> dict[tuple[str, float], int]:
        got = self.precise.get((doc, sentence))
        if got is None:
            got = {}
            for f in figures:
                k = _precise_key(f)
                if k is not None:
                    got[k] = got.get(k, 0) + 1
            self.precise[(doc, sentence)] = got
        return got

    def source_following(self, s: Claim, k: int) -> list[Claim]:
        """Up to ``k`` source figures after ``s`` in its sentence (places found once)."""
        figures = self.sentence_figures(s)
        return _after(figures, self.by_sentence.values(), self.at_in_source, s, k)

    def following(self, c: Claim, k: int) -> list[Claim]:
        """Up to ``k`` target figures after ``c`` in its sentence (its place found once)."""
        figures = self.target_sentence_figures(c)
        return _after(figures, self.t_sentences.values(), self.at_in_sentence, c, k)

    def beside(self, c: Claim) -> Callable[[Claim], bool]:
        """Whether a source figure has a word of what the claim is about beside it
        (``words_about``)."""
        def shares(s: Claim) -> bool:
            doc = self.docs.get(s.doc)
            return doc is None or not self._about(self.target, c).isdisjoint(
                self._about(doc, s)
            )

        return shares

    def frame(self, c: Claim) -> str | None:
        """The frame of a target or source count (``frames``), read once."""
        if id(c) not in self.frames:
            doc = self.target if c.doc == self.target.id else self.docs.get(c.doc)
            self.frames[id(c)] = claim_frame(doc, c) if doc is not None else None
        return self.frames[id(c)]

    def other_frame(self, c: Claim) -> Callable[[Claim], bool]:
        """Whether a source figure is said of another frame than the claim
        ("40 injured" for "killed 40 people")."""
        mine = self.frame(c)
        return lambda s: clash(mine, self.frame(s))

    def year_beside(self, c: Claim) -> bool:
        """Whether the year of the figure's frame is written within a few words
        of it, in its sentence ("$4.2 billion for 2021", "2021 revenue of")."""
        f = c.time_frame
        doc = self.target if c.doc == self.target.id else self.docs.get(c.doc)
        if f is None or doc is None or not 0 <= c.sentence < len(doc.sentences):
            return False
        sent = doc.sentences[c.sentence]
        lo, hi = max(sent.start, c.start - YEAR_REACH), min(sent.end, c.end + YEAR_REACH)
        year = f.start[:4]
        near = doc.text[lo:hi]
        if year_before(doc.text, c.end) and year.isdigit() and str(int(year) + 1) in near:
            return True  # "39% in 2019 from 41.2% a year earlier": 2018 is written so
        # ... with no other figure between: "$1.28 forecast and 75 cents in 2022"
        # dates the 75 cents
        for written in (year, f"FY{year[2:]}"):
            for m in re.finditer(re.escape(written), near):
                a, b = lo + m.start(), lo + m.end()
                between = doc.text[c.end:a] if a >= c.end else doc.text[b:c.start]
                if not any(ch.isdigit() for ch in between):
                    return True
        return False

    def _about(self, doc: Document, c: Claim) -> frozenset[str]:
        got = self.about.get(id(c))
        if got is None:
            got = self.about[id(c)] = words_about(doc, c, BESIDE_WORDS)
        return got


def quantity_findings(
    target: Document,
    target_claims: Sequence[Claim],
    sources: Sequence[tuple[Document, Sequence[Claim]]],
    options: Options | None = None,
) -> list[Finding]:
    options = options or Options()
    t_quant = [
        share_as_percent(signed_as_change(c)) for c in target_claims if c.quantity is not None
    ]
    s_quant = [
        share_as_percent(signed_as_change(c))
        for _, claims in sources for c in claims if c.quantity is not None
    ]
    s_quant = _degrees_as_their_celsius(s_quant, {d.id: d.text for d, _ in sources})
    t_quant = _read_as_the_sources(t_quant, s_quant)
    s_quant = _points_as_the_sources(_pounds_as_the_target(
        _degrees_as_the_targets_fahrenheit(_degrees_as_the_target(s_quant, t_quant), t_quant),
        t_quant,
    ))
    by_claim = _comparable_matches(t_quant, s_quant, options)
    s_subjects = [s.subject for s in s_quant]
    numbers = source_number_index(tuple((d, tuple(cs)) for d, cs in sources))
    ctx = _Against(
        target, s_quant, t_quant, {id(s): i for i, s in enumerate(s_quant)}, SupportPool(s_quant),
        Mentions(target, numbers, sources, t_quant), Siblings(sources), options,
        {d.id: d for d, _ in sources},
        Labels({d.id: d.text for d, _ in sources}, s_quant),
    )
    findings: list[Finding] = []
    rows = score_rows([c.subject for c in t_quant], s_subjects, options.synonyms)
    supported: set[tuple[int, int]] = set()  # spans of target figures a source says
    arithmetic = OwnArithmetic(target, t_quant)
    for c, scores in zip(t_quant, rows, strict=True):
        # a total or multiple of the figures its own sentence states stands on theirs
        own = arithmetic.holds(c)
        found = None if own else _judge(ctx, c, by_claim.get(id(c), []), scores)
        if found is not None:
            findings.append(found)
        else:
            supported.add((c.start, c.end))
    findings = _with_ages(ctx, _with_swaps(ctx, findings, supported), target_claims)
    findings += _unread_forms(ctx, target_claims)
    findings.extend(
        internal_findings(
            target, t_quant, options,
            # two figures the sources say are two facts ("hired 12 teachers", "has
            # 400 teachers"), whether judged supported or written near the claim
            # a total of parts a related source sentence gives is stated too ("won
            # 28 seats between them" for "16 and 12 seats")
            stated_in_sources=lambda c: (c.start, c.end) in supported or ctx.mentions.near(c)
            or ctx.mentions.summed(c),
        )
    )
    return findings


def _unread_forms(ctx: _Against, target_claims: Sequence[Claim]) -> list[Finding]:
    """Findings on what no figure of the target reads: places ("climbed to
    seventh"), scores and tallies, and numbers no claim covers."""
    target, docs = ctx.target, list(ctx.docs.values())
    found = rank_findings(target, docs, ctx.t_quant)
    tallies = target_tallies(target, list(target_claims))
    if tallies:
        found += tally_findings(target, tallies, source_pairs(docs))
    return found + stray_findings(
        target, target_claims, ctx.mentions.stray_mentioned, [(t.start, t.end) for t in tallies],
        lambda c: _written_anyhow(ctx, c),
    )


_SWAP_REPLACES = frozenset((CONFLICT.code, UNSUPPORTED.code))


def _with_ages(
    ctx: _Against, findings: list[Finding], target_claims: Sequence[Claim]
) -> list[Finding]:
    """The findings, the ages told otherwise (``ages``) and the comparisons turned
    (``comparatives``): each replaces a low finding on its figure and gives way to
    one above low."""
    docs = list(ctx.docs.values())
    ages = age_findings(ctx.target, docs, target_claims) + turned_comparisons(
        ctx.target, docs, ctx.t_quant
    )
    if not ages:
        return findings

    def overlaps(f: Finding, g: Finding) -> bool:
        return f.claim.start < g.claim.end and g.claim.start < f.claim.end

    ages = [g for g in ages if not any(overlaps(f, g) and f.severity != "low" for f in findings)]
    return [f for f in findings if not any(overlaps(f, g) for g in ages)] + ages


def _with_swaps(
    ctx: _Against, findings: list[Finding], supported: set[tuple[int, int]]
) -> list[Finding]:
    """The findings and the swapped pairs: of supported figures by the words around
    them (``swaps.swapped_pairs``), and of figures by their counted nouns
    (``swaps.noun_swaps``: each number of a swap is the source's for the other
    noun, which leaves it "no source gives", or set against the source's figure
    for its own noun, or even supported by the other). A swap replaces its
    figure's finding: it says what happened."""
    # a figure left "no source gives" at low is the swap's other half as often as
    # not: "Sullinger had 14 points and Zeller 19", where 19 is Sullinger's
    weak = {(f.claim.start, f.claim.end) for f in findings if f.severity == "low"}
    found = _swaps(ctx, supported | weak)
    judged = {(f.claim.start, f.claim.end) for f in findings if f.code in _SWAP_REPLACES}
    shown = supported | judged
    by_sentence, pairs = sentence_pairs(ctx.t_quant, ctx.options.tolerance)
    taken = {(f.claim.start, f.claim.end) for f in found}
    pairs = [
        (a, b) for a, b in pairs if {(a.start, a.end), (b.start, b.end)} <= shown
        and not {(a.start, a.end), (b.start, b.end)} & taken
    ]
    found += noun_swaps(
        ctx.target, pairs, lambda c: _same_unit_value(ctx, c),
        lambda subject: head(canonical_subject(subject, ctx.options.synonyms)),
    )
    swapped = {(f.claim.start, f.claim.end) for f in found}
    return [f for f in findings if (f.claim.start, f.claim.end) not in swapped] + found


def _same_unit_value(ctx: _Against, c: Claim) -> Iterator[Claim]:
    q = c.quantity
    assert q is not None
    return (s for s in ctx.pool.same_value(q)
            if s.quantity is not None and s.quantity.unit == q.unit)


def _swaps(ctx: _Against, supported: set[tuple[int, int]]) -> list[Finding]:
    """Pairs of supported figures of one sentence the sources give the other
    way round (``swaps``)."""
    by_sentence, pairs = sentence_pairs(ctx.t_quant, ctx.options.tolerance)
    text = ctx.target.text
    # a margin stands by the words of what it is the margin of ("about Rs 2,000 crore
    # above Chidambaram's Rs 5.29 lakh crore"): no swap of the level beside it
    pairs = [(a, b) for a, b in pairs
             if (a.start, a.end) in supported and (b.start, b.end) in supported
             and not margin_after(text, a) and not margin_after(text, b)]
    if not pairs:
        return []

    words = SourceWords(ctx.docs, ctx.sentence_figures)
    return swapped_pairs(
        ctx.target, by_sentence, pairs, lambda c: _same_unit_value(ctx, c), words
    )


def _read_as_the_sources(t_quant: list[Claim], s_quant: list[Claim]) -> list[Claim]:
    """A summary's word for a unit read as the unit the sources use: "pounds" as
    sterling, "points" as percentage points, "degrees" as Celsius, where the
    sources give that unit and not the other reading; a bare "m" as millions where
    they give no length."""
    if _sterling_not_weight(s_quant):
        t_quant = [pounds_as_sterling(c) for c in t_quant]
    s_dims = {c.quantity.unit for c in s_quant if c.quantity is not None} | {
        c.quantity.dimension for c in s_quant if c.quantity is not None
    }
    if "percentage_point" in s_dims:
        t_quant = [points_as_percentage_points(c) for c in t_quant]
    if "degree_Celsius" in s_dims and "angle" not in s_dims:
        t_quant = [degrees_as_celsius(c) for c in t_quant]
    if "length" not in s_dims:
        t_quant = [metres_as_millions(c) for c in t_quant]
    return _rates_as_the_sources(t_quant, s_quant)


def _rates_as_the_sources(t_quant: list[Claim], s_quant: list[Claim]) -> list[Claim]:
    """A summary's rate told for another period than the sources tell that kind of
    rate for, read for theirs: "roughly £1,650 a year" as £137.50 a month where the
    sources give "£137 a month" and no yearly amount of sterling. Where they tell
    it for two periods, neither is the reading."""
    periods: dict[str, set[str]] = {}
    for c in s_quant:
        if c.quantity is not None and (p := period_of(c.quantity)) is not None:
            periods.setdefault(c.quantity.dimension, set()).add(p)
    if not periods:
        return t_quant
    out = []
    for c in t_quant:
        q = c.quantity
        theirs = periods.get(q.dimension, set()) if q is not None else set()
        # a time told for a period ("12 hours a day", "seven days a week") says
        # how long each period, no total to spread over another
        if q is not None and q.dimension != "duration" and len(theirs) == 1:
            c = rate_per(c, next(iter(theirs)))
        out.append(c)
    return out


def _points_as_the_sources(s_quant: list[Claim]) -> list[Claim]:
    """A source's own "points" read as the percentage points it gives elsewhere,
    as the summary's are: "leads by 11 percentage points ... by 20 points"."""
    if not any(c.quantity is not None and c.quantity.dimension == "percentage_point"
               for c in s_quant):
        return s_quant
    return [points_as_percentage_points(c) for c in s_quant]


def _degrees_as_their_celsius(s_quant: list[Claim], texts: dict[str, str]) -> list[Claim]:
    """Sources in Celsius that drop the word later ("46.8 degrees Celsius ... It was
    48 degrees at Palam"): their bare degrees are Celsius too (and then a summary's
    are, ``_read_as_the_sources``), where no source writes Fahrenheit but as a
    conversion in brackets ("51 Celsius (123.8 Fahrenheit)")."""
    scales = {
        _scale_written(c.quantity.surface_unit) for c in s_quant
        if c.quantity is not None and c.quantity.dimension == "temperature"
        and not _bracketed(texts.get(c.doc, ""), c)
    }
    return [degrees_as_celsius(c) for c in s_quant] if scales == {"C"} else s_quant


def _bracketed(text: str, c: Claim) -> bool:
    """The figure opens a bracket: a conversion of the figure before it."""
    return text[max(0, c.start - 2):c.start].rstrip().endswith("(")


def _degrees_as_the_target(s_quant: list[Claim], t_quant: list[Claim]) -> list[Claim]:
    """A source's bare "48 degrees" read as the Celsius the summary writes ("48°C"),
    where the summary gives Celsius and no angle and the sources no temperature."""
    scales = {
        _scale_written(c.quantity.surface_unit) for c in t_quant
        if c.quantity is not None and c.quantity.dimension == "temperature"
    }
    s_scales = {
        _scale_written(c.quantity.surface_unit) for c in s_quant
        if c.quantity is not None and c.quantity.dimension == "temperature"
    }
    if scales != {"C"} or not s_scales <= {"C"}:
        # none, or Fahrenheit too: "95.5 degrees" in Wales may be either; a source in
        # Celsius that drops the word later ("30.7 degrees Celsius ... 29.7 degrees")
        # still means it
        return s_quant
    if any(c.quantity is not None and c.quantity.dimension == "angle" for c in t_quant):
        return s_quant
    return [degrees_as_celsius(c) for c in s_quant]


def _degrees_as_the_targets_fahrenheit(
    s_quant: list[Claim], t_quant: list[Claim]
) -> list[Claim]:
    """A source's bare "129 degrees" read as Fahrenheit where the summary writes
    that number in Fahrenheit ("a record 129F (about 54C)"): the same number on the
    scale the summary names is the reading, not an angle."""
    written = {
        c.quantity.surface_value for c in t_quant
        if c.quantity is not None and c.quantity.dimension == "temperature"
        and _scale_written(c.quantity.surface_unit) == "F"
    }
    if not written:
        return s_quant
    numbers = {parse_number(re.sub(r"[^\d.]", "", w)) for w in written}
    return [
        degrees_as_fahrenheit(c) if c.quantity is not None and c.quantity.dimension == "angle"
        and parse_number(c.quantity.surface_value.replace(",", "")) in numbers else c
        for c in s_quant
    ]


def _pounds_as_the_target(s_quant: list[Claim], t_quant: list[Claim]) -> list[Claim]:
    """A source's "pounds" read as the sterling the summary writes ("the 50,000-pound
    award" for "the £50,000 prize"), where the summary gives sterling and no weight."""
    if not _sterling_not_weight(t_quant):
        return s_quant
    return [pounds_as_sterling(c) for c in s_quant]


def _scale_written(surface: str) -> str:
    """"C" or "F" (or "" for a bare "degrees") as a temperature's unit is written."""
    low = surface.lower()
    if "f" in low.replace("of", "") or "℉" in low:
        return "F"
    return "C" if "c" in low or "℃" in low else ""


def _sterling_not_weight(s_quant: list[Claim]) -> bool:
    """The sources give amounts in sterling and no weight: a summary's "pounds"
    are money ("season tickets from under three hundred pounds")."""
    dims = {c.quantity.dimension for c in s_quant if c.quantity is not None}
    return "currency:GBP" in dims and "mass" not in dims


def _comparable_matches(
    t_quant: list[Claim], s_quant: list[Claim], options: Options
) -> dict[int, list[Match]]:
    """Matched source figures of each target figure (by id) that could describe
    the same time."""
    by_claim: dict[int, list[Match]] = {}
    for m in match_quantities(t_quant, s_quant, options):
        if comparable(m) and _same_period(m):
            by_claim.setdefault(id(m.claim), []).append(m)
    return by_claim


def _same_period(m: Match) -> bool:
    """Two rates told for different periods are no rivals (an amount's rate is read
    for the sources' period first, ``_rates_as_the_sources``): "12 hours a day" is
    how long, "seven days a week" how often."""
    a, b = m.claim.quantity, m.evidence.quantity
    if a is None or b is None:
        return True
    pa, pb = period_of(a), period_of(b)
    return pa is None or pb is None or pa == pb


def _rates_apart(ctx: _Against, c: Claim, matches: list[Match]) -> list[Match]:
    """The matches that agree with the claim or are, like it, a rate of a thing or a
    level: "about 8 deaths per 100,000 workers" and "17 deaths" are no rivals,
    whichever of the two the summary writes."""
    q = c.quantity
    assert q is not None
    per = given_per_unit(ctx.target.text, c)
    return [
        m for m in matches
        if _source_per_unit(ctx, m.evidence) in (per, None)
        or agree(q, m.evidence.quantity, ctx.options.tolerance)  # type: ignore[arg-type]
    ]


def _source_per_unit(ctx: _Against, s: Claim) -> bool | None:
    """Whether a source figure is a rate of a thing (``given_per_unit``); None where its
    text is not at hand (the figure table compares figures without their documents)."""
    doc = ctx.docs.get(s.doc)
    return None if doc is None else given_per_unit(doc.text, s)


def _judge(ctx: _Against, c: Claim, matches: list[Match], scores: Any) -> Finding | None:
    q = c.quantity
    assert q is not None
    # a figure that counts the same noun as the claim's, in a sentence whose
    # other figure says what the claim counts, is that other thing's figure
    other = ctx.other_frame(c)
    # "12 of the 50 patients developed symptoms": what follows the whole is said
    # of its part, so the words after the 50 rank no sibling
    whole_of_part = _part_before(ctx.target, c) is not None
    matches = [
        m for m in matches
        if not ctx.siblings.outranked(
            c, ctx.target.text, m.evidence, lambda r: whole_of_part or _part_beside(ctx, c, r)
        ) and not other(m.evidence) and not _whole_of_a_part(ctx, c, m.evidence)
    ]
    matches = _rates_apart(ctx, c, without_rounding_bounds(q, matches, ctx.options.tolerance))
    # a figure without a subject has a rival when a source sentence repeats its
    # statement with another figure ("the capital ratio was 13.8 percent");
    # below, the sentences where a source figure for the claim's thing stands
    rival_sentences = {(m.evidence.doc, m.evidence.sentence) for m in matches}
    rel = Relatedness(
        c, scores, ctx.index, bool(matches), ctx.beside(c),
        lambda: not c.subject and known(q) and _restated(ctx, c),
        lambda s: (s.doc, s.sentence) in rival_sentences or _told_elsewhere(ctx, c, s),
        ctx.costated(c),
    )
    if one_unit_told(ctx.target, c, ctx.docs.values()) or bare_bound_told(
        ctx.target, c, ctx.s_quant, ctx.docs
    ) or bare_number_told(ctx.target, c, ctx.s_quant, ctx.docs):
        # "whose planned one-week stay" for "the planned week"; "most of them over
        # 50" for "Most of the victims were aged above 50"; "the previous record of
        # 40.3C" for "the previous record of 40.3 set in 2013"
        return _period(ctx, c)
    # "increased $4.3 million" where every source statement of it "decreased"
    against = turned(c, ctx.target, ctx.pool.same_value(q), ctx.docs, _related(ctx, c, rel))
    if against is not None:
        return turned_finding(c, against, ctx.target, ctx.docs)
    # "grew by $71 billion" where the source grew "by $6.7 billion to $71 billion"
    swapped = level_swapped(
        c, ctx.target, islice(ctx.pool.same_value(q), SAME_VALUE_LOOKS), ctx.docs,
        _related(ctx, c, rel), ctx.sentence_figures,
    )
    if swapped is not None:
        s, partner, base = swapped
        return level_swapped_finding(c, s, partner, ctx.target, base)
    says = [m for m in matches if _says_it(ctx, q, m)]
    # ... unless a related source turns the claim's own number's bound: "up to 243
    # people" agrees with "about 150 people" of another town, not with "at least 243"
    if says and not _only_elsewhere(ctx, c, matches, says) and (
        _said_of_another(ctx, c, matches, says) is None
    ) and _turned_match(ctx, c) is None:
        return _period(ctx, c)
    # The same figure stated in a source about something related wins over
    # a different figure for a similar subject: "71 people needed hospital
    # treatment" supports "71 patients", whatever "23 patients" says.
    # ... unless a related source turns the claim's bound and none states it: "after
    # rising more than 6.2 percent" for "after earlier rising as much as 6.2 percent"
    if _supported(ctx, c, rel) and _turned_match(ctx, c) is None:
        return _period(ctx, c)
    return _not_supported(ctx, c, matches, says, rel)


def _not_supported(
    ctx: _Against, c: Claim, matches: list[Match], says: list[Match], rel: Relatedness
) -> Finding | None:
    """What a figure no source states is: another measure's number, a figure
    that says more than a source, a conflict with the matched figure, or
    unsupported."""
    q = c.quantity
    assert q is not None
    if ordinal_restated(ctx.target.text, c, [d.text for d in ctx.docs.values()], ctx.ranks):
        return None  # "a sixth chart-topping album" for "her sixth chart-topping album"
    if (labelled := _given_for_another(ctx, c, rel)) is not None:
        return labelled_finding(c, *labelled, ctx.target, ctx.docs)
    matches = [m for m in matches if not _no_rival(ctx, c, m)]
    weaker = [
        m for m in matches if m not in says
        and agree(q, m.evidence.quantity, ctx.options.tolerance)  # type: ignore[arg-type]
    ]
    if weaker and not _bound_turned(ctx, q, matches):
        best = best_match(weaker).evidence
        # a bound put on the number a source only hedges is its own claim
        # ... and one worked out from source figures is a reader's arithmetic ("over
        # 22,200 homes in all" for more than 1,200 destroyed and 21,000 damaged)
        sev = "medium" if hedge_made_bound(q, best.quantity) else unsupported_severity(
            c, ctx.mentions.mentioned(c) or ctx.mentions.summed(c)
        )
        return says_more_finding(c, best, sev, ctx.target)
    if is_ordinal_part(c) and not ordinal_named(c, (d.text for d in ctx.docs.values())):
        # "a fifth championship", "a third skier": an ordinal no source counts,
        # no part of one to set against "two skiers"
        return None
    hedged = _hedge_bounded(ctx, c, rel)
    if hedged is not None:
        return says_more_finding(c, hedged, "medium", ctx.target)
    if matches and not _worked_or_ranked(ctx, c, [m.evidence for m in matches]):
        found = _conflict(ctx, c, matches, rel)
        if found.severity == "low" and (otherwise := _written_otherwise(ctx, c)) is not None:
            # "about 70 kilometres" for "about 70 miles": the number in another unit
            # says more than a loose rival of the claim's own unit ("some 35 miles")
            return otherwise
        return found
    if matches or known(q):
        # with matches: a total of parts a related source sentence gives ("1.2
        # million fled and 4.8 million displaced" for "about 6 million forced
        # from their homes"): another figure of the sources is no evidence against it
        return _unsupported(ctx, c, rel)
    return None


def _hedge_bounded(ctx: _Against, c: Claim, rel: Relatedness) -> Claim | None:
    """A related source figure that only hedges the number the claim bounds:
    "some 1,500" for "more than 1,500" (``hedge_made_bound``)."""
    q = c.quantity
    assert q is not None
    related = _related(ctx, c, rel)
    return next((
        s for s in islice(ctx.pool.same_value(q), SAME_VALUE_LOOKS)
        if hedge_made_bound(q, s.quantity) and related(s)
    ), None)


# Content words the claim's sentence and the evidence's must share for a conflict
# to be high: fewer, and the match rests on the counted noun alone
HIGH_SHARED_WORDS = 3

# Source figures of one value looked at for a label or a rounding beside a
# rival: news gives a value a few times; hostile text thousands of times
SAME_VALUE_LOOKS = 50

# Sentence overlap at which a source sentence restates a subject-less figure's
# statement so nearly that its figure is the claim's rival ("Our common equity
# Tier 1 capital ratio was 13.8 percent at the end of the third quarter").
RESTATED_CONTEXT = 0.6
RESTATED_WORK = 20_000  # figure comparisons per check; news needs a few hundred


def _restated(ctx: _Against, c: Claim) -> bool:
    # each look scans the sources' figures: bounded per check, for hostile text
    # with thousands of figures written everywhere (never reached by news)
    ctx.looks[0] += len(ctx.s_quant)
    if ctx.looks[0] > RESTATED_WORK:
        note("figures without a subject are weighed against sentences restating them "
             f"up to {RESTATED_WORK:,} comparisons")
        return False
    rival = same_statement(c, ctx.s_quant)
    if rival is None or context_overlap(c, rival) < RESTATED_CONTEXT:
        return False
    # the sentence that restates the claim also gives its figure, rounded: "Net
    # earnings of $192.6 million increased $55.4 million" for "$193 million"
    q = c.quantity
    assert q is not None
    return not any(
        s.doc == rival.doc and s.sentence == rival.sentence
        for s in islice(ctx.pool.inside(
            q.dimension, *widened(as_read(q), ctx.options.tolerance)), SAME_VALUE_LOOKS)
        if s is not rival and s.quantity is not None
        and agree(q, s.quantity, ctx.options.tolerance)
    )


def _only_elsewhere(ctx: _Against, c: Claim, matches: list[Match], says: list[Match]) -> bool:
    """A figure with no subject ("6.35 percent") matched both a source figure with
    its number and one without: the number is only support when a word of the
    claim's stands beside it there. "Net interest margin was 6.35 percent" does not
    support "the capital ratio was 6.35 percent" against "13.8 percent" stated for
    the capital ratio."""
    if c.subject or len(says) == len(matches):
        return False
    beside = ctx.beside(c)
    return not any(beside(m.evidence) for m in says)


def _vague_of_nothing(c: Claim, s: Claim) -> bool:
    """A vague source amount read with no noun ("Several [mine managers]") says
    nothing against a claim that counts something ("22 trapped workers")."""
    sq = s.quantity
    return bool(c.subject) and not s.subject and sq is not None and sq.qualifier == "vague"


# Words before a figure that give it as the level before the sentence's own:
# "91 structures ... up from the 50 structures previously counted", "compared
# with 40 a year earlier". Bounded: linear.
_PRIOR_BEFORE = re.compile(
    r"\b(?:(?:up|down)\s+from|compared\s+(?:with|to)|versus|vs\.?)"
    r"(?:\s+(?:the|a|an|its|their))?(?:\s+(?:previous|earlier|prior))?\s*$",
    re.IGNORECASE,
)
PRIOR_REACH = 40  # characters before a figure read for its prior marker


def _prior_of_the_claims(ctx: _Against, c: Claim, s: Claim) -> bool:
    """Source figure ``s`` is the level before ("up from the 50 structures
    previously counted") of a figure of its sentence that states the claim's
    number ("reduced 91 structures to ash"): the claim gives the current level,
    which ``s`` does not rival."""
    doc = ctx.docs.get(s.doc)
    if doc is None or c.quantity is None:
        return False
    if _PRIOR_BEFORE.search(doc.text, max(0, s.start - PRIOR_REACH), s.start) is None:
        return False
    return _stated_before(ctx, c, s)


_OTHERS = re.compile(r"\bothers?\b", re.IGNORECASE)


def _others_of_the_claims(ctx: _Against, c: Claim, s: Claim) -> bool:
    """Source figure ``s`` counts the others ("four other nominees", "six
    others") beside a figure of its sentence that states the claim's number
    ("13 judges nominated to district courts"): another group, no rival of a
    claim that does not count others itself."""
    return (
        _OTHERS.search(s.text) is not None and _OTHERS.search(c.text) is None
        and _stated_before(ctx, c, s)
    )


def _no_rival(ctx: _Against, c: Claim, m: Match) -> bool:
    """The matched source figure is no rival of a claim it does not state: a
    part or whole of it, the level before it, the others beside it, a figure the
    summary gives to its own thing, or a move's size against a level."""
    s = m.evidence
    return (
        part_and_whole(m) or whole_beside(ctx.target, m) or restricted_part(ctx.target, m)
        or _vague_of_nothing(c, s) or _prior_of_the_claims(ctx, c, s)
        or _others_of_the_claims(ctx, c, s) or _restated_by_the_summary(ctx, c, s)
        or _change_for_level(ctx, c, s) or _fraction_of_nothing(c, s)
        or _one_of_several(ctx, c, s)
    )


# What a sentence says of the rest after "one" of several: "One worker died on site,
# and the other died after being taken to a hospital". Fixed words: linear.
_THE_OTHER = re.compile(r"\b(?:the\s+other|another|a\s+second|the\s+second)\b", re.IGNORECASE)


def _one_of_several(ctx: _Against, c: Claim, s: Claim) -> bool:
    """Source figure ``s`` is the "one" of an enumeration its sentence goes on with
    ("and the other died"): a part of the count, no rival of a larger one."""
    q, sq = c.quantity, s.quantity
    doc = ctx.docs.get(s.doc)
    if q is None or sq is None or doc is None or sq.value != 1 or not q.value > 1:
        return False
    sent = doc.sentence_at(s.start)
    return sent is not None and _THE_OTHER.search(doc.text, s.end, sent.end) is not None


def _fraction_of_nothing(c: Claim, s: Claim) -> bool:
    """A bare fraction ("a magnitude 7.8 earthquake") counts nothing: no rival of
    a whole count ("more than 11,500 in total")."""
    q, sq = c.quantity, s.quantity
    return (
        q is not None and sq is not None and not s.subject
        and sq.dimension == q.dimension == "count" and sq.qualifier == "exact"
        and bool(sq.value % 1) and not q.value % 1
    )


def _restated_by_the_summary(ctx: _Against, c: Claim, s: Claim) -> bool:
    """Source figure ``s`` is stated by another figure of the summary, after a word
    that stands before ``s`` in its source too, and a source writes the claim's
    own number as the claim does: the summary gave ``s`` to ``s``'s thing, so the
    claim tells of another ("A 212-kilogram bluefin tuna ... double the 16.88
    million yen paid for a 211-kg bluefin" for "The 212-kilogram fish ... for a
    211-kg bluefin"). A swap writes the two numbers after each other's words and
    stays a conflict (``rival_written_alike``)."""
    q, sq = c.quantity, s.quantity
    doc = ctx.docs.get(s.doc)
    if q is None or sq is None or doc is None or not known(q):
        return False
    if not any(
        r is not s and same_written(q, r.quantity)
        for r in islice(ctx.pool.same_value(q), SAME_VALUE_LOOKS)
    ) and not _written_unread(ctx, q):
        return False
    return any(
        t is not c and t.quantity is not None and t.quantity.dimension == sq.dimension
        and same_written(t.quantity, sq) and (
            same_words_before(ctx.target.text, t, doc.text, s)
            # a bare claim names no thing of its own: a figure the summary gives to
            # the rival's own noun ("the five-match series") is that figure's
            or (not c.subject and bool(s.subject) and t.subject == s.subject)
        )
        for t in ctx.t_quant
    )


UNREAD_DIGITS = 3  # "358" is seldom written by chance; "5" is everywhere


def _written_unread(ctx: _Against, q: Quantity) -> bool:
    """A bare figure's number a source writes where no figure is read: "India's 358
    for nine" for a cricket total "358/9"."""
    return (
        q.qualifier == "exact" and not q.unit and q.dimension == "count"
        and significant_digits(q.surface_value) >= UNREAD_DIGITS
        and ctx.mentions.numbers.written(q)
    )


# "an increase of 1,800 offences": the size of a move, written as a noun's amount
_CHANGE_AMOUNT_BEFORE = re.compile(
    r"\b(?:increase|rise|gain|jump|drop|fall|decline|decrease|reduction)\s+of\s+"
    r"(?:about\s+|some\s+|nearly\s+|almost\s+|around\s+)?$",
    re.IGNORECASE,
)


def _change_for_level(ctx: _Against, c: Claim, s: Claim) -> bool:
    """The claim is the level a move reached ("rose 3%, to 67,000 offences") and
    source figure ``s`` the size of a move ("an increase of 1,800 offences"):
    another quantity, whatever noun both count."""
    doc = ctx.docs.get(s.doc)
    return doc is not None and reached(ctx.target, c) and _CHANGE_AMOUNT_BEFORE.search(
        doc.text, max(0, s.start - 40), s.start
    ) is not None


def _stated_before(ctx: _Against, c: Claim, s: Claim) -> bool:
    """A figure before ``s`` in its sentence states the claim's number."""
    q = c.quantity
    assert q is not None
    return any(
        r is not s and r.start < s.start and r.quantity is not None
        and r.quantity.dimension == q.dimension and agree(q, r.quantity, ctx.options.tolerance)
        for r in ctx.sentence_figures(s)
    )


def _part_beside(ctx: _Against, c: Claim, s: Claim) -> bool:
    """Source figure ``s`` is the part the claim's own sentence writes before
    it ("12 of the 50 patients", "Five of the 21 schools"): no rival of the
    whole."""
    sq = s.quantity
    m = _part_before(ctx.target, c)
    if sq is None or m is None:
        return False
    got = parse_number(m.group("part").replace(",", "")) or spelled_value_of(m.group("part"))
    return got is not None and abs(got - sq.value) < 1e-9 * max(1.0, abs(sq.value))


# "three of them", "five of whom": a part of the figure written before it. Fixed words.
_OF_THEM_AFTER = re.compile(r"\s{1,2}of\s{1,2}(?:them|those|whom|which|these)\b", re.IGNORECASE)


def _whole_of_a_part(ctx: _Against, c: Claim, s: Claim) -> bool:
    """The claim is a part of a whole its sentence states before it ("Fourteen people
    were injured, three of them badly"), and ``s`` is that whole: no rival of the part."""
    sq = s.quantity
    if sq is None or _OF_THEM_AFTER.match(ctx.target.text, c.end) is None:
        return False
    return any(
        f.end <= c.start and f.quantity is not None and f.quantity.dimension == sq.dimension
        and agree(f.quantity, sq, ctx.options.tolerance)
        for f in ctx.target_sentence_figures(c)
    )


# "12 of the", "Five of those", "two of its": a part written before its whole
_PART_OF = re.compile(
    r"\b(?P<part>\d[\d,]*(?:\.\d+)?|[A-Za-z]+)\s+(?:out\s+)?of\s+(?:the|those|these|its|their|his|her)?\s*$"
)


def _part_before(target: Document, c: Claim) -> re.Match[str] | None:
    """The part written before the claim as its whole: "12 of the" in "12 of the
    50 patients"."""
    return _PART_OF.search(target.text, max(0, c.start - 40), c.start)


def spelled_value_of(word: str) -> float | None:
    got = spelled_value([word.lower()])
    return got[0] if got is not None and got[1] == 1 else None


def _told_elsewhere(ctx: _Against, c: Claim, s: Claim) -> bool:
    """Another figure of the target counts what source figure ``s`` counts."""
    noun = s.subject.split()[-1] if s.subject else ""
    return bool(noun) and any(
        t is not c and t.subject and t.subject.split()[-1] == noun for t in ctx.t_quant
    )


def _said_of_another(
    ctx: _Against, c: Claim, matches: list[Match], says: list[Match]
) -> Match | None:
    """The rival match when source figures of the claim's thing say its number
    and another, and the words around the other figure are nearer the claim's:
    the number is said of another event. "Shipped 1,500 units" is not "our
    backlog now exceeds 1,500 units" when "we shipped 1,200 units in the quarter"."""
    if len(says) == len(matches):
        return None
    if _part_before(ctx.target, c) is not None:
        return None  # the words after a whole of "12 of the 50" are its part's
    mine = words_around(ctx.target.text, c)
    if not mine:
        return None

    def near(m: Match) -> int:
        e = m.evidence
        got = ctx.around.get(id(e))
        if got is None:
            doc = ctx.docs.get(e.doc)
            got = ctx.around[id(e)] = words_around(doc.text, e) if doc else frozenset()
        return len(mine & got)

    best_says = max(near(m) for m in says)
    said = {id(m) for m in says}  # by identity: a Match compares its claims field by field
    rivals = [(near(m), -k, m) for k, m in enumerate(matches)
              if id(m) not in said and not _part_beside(ctx, c, m.evidence)]
    if not rivals:
        return None
    top = max(rivals, key=lambda r: (r[0], r[1]))
    return top[2] if top[0] > best_says else None


def _stated_beside(ctx: _Against, c: Claim, s: Claim) -> bool:
    """The claim's own sentence states source figure ``s`` as another of its
    figures: the source sentence that repeats the claim's statement does so
    because it gives that figure ("18 people were involved in the crash, seven of
    whom were injured"; "the city of around four million has kept missing its 500
    million-litre daily target"), and ``s`` is no rival of the claim.
    A swap gives that number to other words ("closed nearly 894 stores, leaving
    400 open" for "closed nearly 400 stores, leaving 894"): there ``s`` stays a
    rival (``rival_written_alike``)."""
    sq = s.quantity
    doc = ctx.docs.get(s.doc)
    return sq is not None and doc is not None and any(
        t is not c and t.quantity is not None and t.quantity.dimension == sq.dimension
        and agree(t.quantity, sq, ctx.options.tolerance)
        for t in ctx.target_sentence_figures(c)
    ) and rival_written_alike(ctx.target.text, c, doc.text, s)


def _says_it(ctx: _Against, q: Quantity, m: Match) -> bool:
    """The matched source figure agrees, and says at least as much as the claim
    ("more than 200 items" agrees with "over 274 items" but does not say it)."""
    e = m.evidence.quantity
    assert e is not None
    return agree(q, e, ctx.options.tolerance) and implied(q, e, ctx.options.tolerance)


def _period(ctx: _Against, c: Claim) -> Finding | None:
    """A supported figure still clashes when the sources give it only for
    another quarter or half (DQ104)."""
    clash = period_clash(c, ctx.pool, ctx.year_beside)
    if clash is not None:
        return period_finding(c, clash, ctx.target)
    assert c.quantity is not None
    worded = period_word_clash(c, ctx.target, ctx.pool.same_value(c.quantity), ctx.docs)
    if worded is not None:
        return period_word_finding(c, *worded, ctx.target)
    basis = basis_clash(c, ctx.target, ctx.pool.same_value(c.quantity), ctx.docs)
    return None if basis is None else basis_finding(c, *basis, ctx.target)


def _related(ctx: _Against, c: Claim, rel: Relatedness) -> Callable[[Claim], bool]:
    """Whether a source figure is about the claim's thing: related by its
    words, of the claim's frame, and not a sibling written for another thing."""
    other = ctx.other_frame(c)
    mine = ctx.frame(c)

    def related(s: Claim) -> bool:
        return (
            not other(s) and not ctx.siblings.outranked(c, ctx.target.text, s)
            # "killed at least 66 people" for "caused at least 66 deaths": one
            # event said of the same number, whatever nouns count it
            and (rel.related(s) or (
                same_frame(mine, ctx.frame(s))
                and same_written(c.quantity, s.quantity)  # type: ignore[arg-type]
            ))
            # "the capital ratio was 6.35 percent": the margin's number
            and ctx.labels.given_for_another(c, ctx.target.text, s) is None
        )

    return related


def _given_for_another(
    ctx: _Against, c: Claim, rel: Relatedness
) -> tuple[Claim, Claim] | None:
    """(rival, written): a source figure that gives the claim's thing another
    number, and the source figure that writes the claim's number for something
    else (``labels``), when that figure alone kept the claim from support."""
    q = c.quantity
    assert q is not None
    if not known(q):
        return None
    other = ctx.other_frame(c)
    for s in islice(ctx.pool.same_value(q), SAME_VALUE_LOOKS):
        if other(s) or ctx.siblings.outranked(c, ctx.target.text, s) or not rel.related(s):
            continue
        rival = ctx.labels.given_for_another(c, ctx.target.text, s)
        if rival is not None:
            return rival, s
    return None


def _supported(ctx: _Against, c: Claim, rel: Relatedness) -> bool:
    q = c.quantity
    assert q is not None

    if ctx.mentions.vague_written(c) or ctx.mentions.proportion_written(c):
        return True  # "Dozens are still newly infected each week"; "445 out of 8,768"
    if streak_counted(c, (d.text for d in ctx.docs.values()), ctx.target.text):
        return True  # "for the second year running": "his second consecutive triumph"
    related = _related(ctx, c, rel)
    if known(q) and value_supported(
        c, ctx.pool, ctx.options.tolerance, related, rel.same_subject
    ):
        return True
    if range_ends_written(q, ctx.pool) or points_as_percent(c, ctx.pool, related):
        return True
    if _said_in_its_clause(ctx, c, q):
        return True
    if complement_supported(
        c, ctx.target, ctx.pool, ctx.options.tolerance,
        # the share's rest is its rival by value: only its sentence's words relate it
        lambda s: context_overlap(c, s) >= SUPPORT_MIN_CONTEXT,
    ):
        return True  # "90% are not doctors" for "about one in 10 are doctors"
    # The number written in a source sentence about the same thing is
    # support even when we read it differently there ("£ 20" is a count
    # in tokenised text, "£20" money in the article) -- unless the sources
    # write it only for a sibling of another thing ("three squadrons of F-16s").
    if q.dimension != "count" or q.qualifier == "vague":
        return False
    written_for_another = any(
        ctx.siblings.outranked(c, ctx.target.text, s) or ctx.siblings.counted_beside(c, s)
        # "more than 150 people" is written, "just under 150" is not, nor "some 150"
        or (s.quantity is not None and wrong_side(q, s.quantity, ctx.options.tolerance))
        or hedge_made_bound(q, s.quantity)
        or _counts_another(ctx, c, s)
        for s in ctx.pool.same_value(q)
    )
    # ... or rounds a number a source sentence about the same thing writes without
    # its noun after it ("Total valid votes cast was 13,434,574" for "13.4 million
    # valid votes")
    return not written_for_another and (
        ctx.mentions.near(c, True) or ctx.mentions.rounds_near(c)
    )


def _said_in_its_clause(ctx: _Against, c: Claim, q: Quantity) -> bool:
    """Support read from the claim's own clause or list item rather than its
    sentence as a whole."""
    if clause_supported(ctx.target, c, ctx.pool, ctx.options.tolerance) or bound_by_name(
        ctx.target, c, ctx.pool, ctx.docs
    ):
        return True  # "service revenue grew 13% to roughly KSh 335 billion" in a long sentence
    if stated_together(
        ctx.target, c, ctx.pool, ctx.target_sentence_figures(c), ctx.sentence_figures
    ):
        return True  # "and Chesapeake Energy 16 percent to $2.95"
    # "seven states" for "California and six other states"
    return known(q) and q.value > 1 and one_and_others(
        q, c.subject, list(ctx.pool.inside(q.dimension, q.value - 1.5, q.value - 0.5)), ctx.docs,
        others=_OTHERS.search(c.text) is not None,
    )


def _counts_another(ctx: _Against, c: Claim, s: Claim) -> bool:
    """The source writes the number for a noun the summary counts apart: in the
    claim's own sentence ("had 18 points and 10 rebounds" tells points from
    rebounds, so "18 points, 10 of which came in the first half" writes no 10
    rebounds), or with that very number elsewhere ("The 30-game fifth set" takes
    the source's "30 games", which writes no "30 aces"). A noun the summary does
    not set apart may be a paraphrase ("67 cases" for "sickened 67 people")."""
    if not c.subject or not s.subject or s.quantity is None:
        return False
    extra = ctx.options.synonyms
    noun = head(canonical_subject(s.subject, extra))
    if noun == head(canonical_subject(c.subject, extra)):
        return False

    def counts_noun(f: Claim) -> bool:
        return f is not c and bool(f.subject) and head(canonical_subject(f.subject, extra)) == noun

    return any(map(counts_noun, ctx.target_sentence_figures(c))) or any(
        counts_noun(f) and f.quantity is not None and f.quantity.value == s.quantity.value
        for f in ctx.t_quant
    )


def _conflict(ctx: _Against, c: Claim, matches: list[Match], rel: Relatedness) -> Finding:
    best = best_match(matches)
    # the sentence that repeats the claim's statement is better evidence
    # than a like-named figure elsewhere ("$1.40 to $1.50" is compared
    # with the guidance range, not with last quarter's "$1.36")
    rival = same_statement(c, ctx.s_quant, rel.same_subject) if known(c.quantity) else None  # type: ignore[arg-type]
    if rival is not None and not _rivals_the_statement(ctx, c, rival):
        rival = None  # "12 of the 50 patients": the 12 is the claim's own part
    if rival is not None and closer(c, rival, best.evidence):
        best = Match(claim=c, evidence=rival, score=best.score)
    best = _turned_match(ctx, c, best.score) or best
    mine, theirs = set(c.context), set(best.evidence.context)
    # (claims read without their sentence, as a caller may build them, say nothing)
    loose = min(len(mine), len(theirs)) >= HIGH_SHARED_WORDS and (
        len(mine & theirs) < HIGH_SHARED_WORDS
    )
    elsewhere = _written_elsewhere(ctx, c, best.evidence)
    found = conflict_finding(best, CONFLICT, ctx.target, written_elsewhere=elsewhere,
                             loosely_related=loose)
    if elsewhere is not None and _bare_precise(c, elsewhere):
        # "1,411 tigers" where the source's "That year, the number was 1,411" names
        # no noun: the precise number is the source's, and only our reading of its
        # sentence left the claim's noun off it; the rival is shown, low
        return replace(found, severity="low")
    return found


def _bare_precise(c: Claim, written: Claim) -> bool:
    """The claim's exact number, of four significant digits or more, is written in a
    source sentence as a bare number, counting nothing named."""
    q = c.quantity
    return (
        q is not None and q.qualifier == "exact" and not written.subject
        and written.quantity is not None and written.quantity.qualifier == "exact"
        and _precise(q)
    )


def _written_elsewhere(ctx: _Against, c: Claim, evidence: Claim) -> Claim | None:
    """A source figure that writes the claim's number as the claim does ("3,000
    people" for "3,000 jobs"), other than the evidence against it."""
    q = c.quantity
    assert q is not None
    if not known(q):
        return None
    return next((
        s for s in islice(ctx.pool.same_value(q), SAME_VALUE_LOOKS)
        if s is not evidence and s.quantity is not None and same_written(q, s.quantity)
    ), None)


def _worked_or_ranked(ctx: _Against, c: Claim, rivals: list[Claim]) -> bool:
    """The figure is a reader's arithmetic, a rank or a count a word of how many
    states ("the quartet"), no misreading of a matched figure. A hedged or a
    precise one needs no word of arithmetic: "About 16,500 properties" for 9,500
    homes and a further 7,000 properties is their sum, not a misreading of the one
    that shares its noun."""
    q = c.quantity
    assert q is not None
    return ctx.mentions.summed(c) or _by_ordinal(ctx, c) or ctx.mentions.said_by_word(c) or (
        ctx.mentions.names_listed(c)
    ) or (
        ctx.mentions.margin_of_stated(c) or ctx.mentions.multiple_of_stated(c)
    ) or (
        (q.qualifier == "approx" or _precise(q)) and ctx.mentions.summed(c, loose=True)
    ) or (
        # "the first decline in the 95 years since counts began in 1920" after
        # "October 1, 2015": the years between two years the summary writes
        ctx.mentions.own_years_between(c)
    ) or _offset_of_dates(ctx, c, rivals) or _part_of_a_worded_share(ctx, c)


# Words after a length of time that tell it from another event: "four years after he
# was diagnosed", "a week later". Fixed words: linear.
_FROM_AN_EVENT = re.compile(r",?\s{1,2}(?:later|after|afterwards|earlier|before)\b", re.IGNORECASE)


def _offset_of_dates(ctx: _Against, c: Claim, rivals: list[Claim]) -> bool:
    """A length of time told from the event before, which is the time between two dates
    of the sources, where no rival is itself told from an event: "Five days later"
    for "12 April: ..." and "17 April: ...", against "for a year during which"; but
    "five years later" stays set against "four years after he was diagnosed"."""
    return ctx.mentions.offset_of_dates(c) and not any(
        (doc := ctx.docs.get(s.doc)) is not None
        and _FROM_AN_EVENT.match(doc.text, s.end) is not None
        for s in rivals
    )


WORDED_SHARE_SLACK = 0.05  # "around half" of 677,000 may be written "around 340,000"


def _part_of_a_worded_share(ctx: _Against, c: Claim) -> bool:
    """A hedged figure that is the part a source's share in words gives of a whole it
    states: "around 340,000 (half) in Poland" for "677,000. Around half of those people
    are in Poland" (``worded_shares``)."""
    q = c.quantity
    if q is None or q.qualifier != "approx" or not q.value > 0:
        return False
    return any(
        dim == q.dimension and abs(part - q.value) <= WORDED_SHARE_SLACK * q.value
        for dim, part in ctx.worded_parts()
    )


_NO_ELIDED = ("count", "percent", "percentage_point")


def _unit_elided(ctx: _Against, c: Claim) -> bool:
    """A bare number that leaves out the unit of a figure before it in its sentence, and
    is a source figure of that unit as written: "The record was 27,700 square kilometers
    in 2004, and the low was 4,500 in 2012" for "4 500 square kilometers were lost"."""
    q = c.quantity
    if q is None or q.dimension != "count" or c.subject or q.surface_unit or q.qualifier not in (
        "exact", "approx"
    ):
        return False
    kinds = {
        f.quantity.dimension for f in ctx.target_sentence_figures(c)
        if f.end <= c.start and f.quantity is not None and f.quantity.dimension not in _NO_ELIDED
    } or {
        # ... or, with none before it in its sentence, of the sentence before: "28.9m
        # bpd in September, down 750,000" then "Saudi Arabia accounted for about
        # 700,000 of that drop"
        f.quantity.dimension for f in ctx.t_quant
        if f.sentence == c.sentence - 1 and f.quantity is not None
        and f.quantity.dimension not in _NO_ELIDED
    }
    return bool(kinds) and any(
        s.quantity is not None and s.quantity.dimension in kinds
        for s in ctx.written_numbers().written_as(c)[:ELIDED_LOOKS]
    )


ELIDED_LOOKS = 8  # source figures written with the claim's number, weighed for its unit


def _offset_unrivalled(ctx: _Against, c: Claim, rel: Relatedness) -> bool:
    """A length of time between two dates of the sources, told from the event before,
    where the source sentence that repeats the claim's statement does not tell it
    ("Five days later" for "12 April: ... 17 April: ...", whatever "for a year" says)."""
    if not ctx.mentions.offset_of_dates(c):
        return False
    rival = same_statement(c, ctx.s_quant, rel.same_subject)
    return _offset_of_dates(ctx, c, [] if rival is None else [rival])


def _bound_turned(ctx: _Against, q: Quantity, matches: list[Match]) -> bool:
    """A matched source figure lies on the other side of the claim's bound: "fewer
    than 5,000" for "more than 5,000", whatever a vague "thousands" allows."""
    return any(
        m.evidence.quantity is not None
        and wrong_side(q, m.evidence.quantity, ctx.options.tolerance)
        for m in matches
    )


def _written_anyhow(ctx: _Against, c: Claim) -> bool:
    """The claim's number is written in a source, as a number or an ordinal."""
    return c.quantity is not None and (
        ctx.mentions.numbers.written(c.quantity) or _ordinal_written(ctx, c.quantity.value)
    )


def _ordinal_written(ctx: _Against, value: float) -> bool:
    """A source writes the number as an ordinal in words ("the twenty-first seed")."""
    return value in ctx.ordinal_values()


def _by_ordinal(ctx: _Against, c: Claim) -> bool:
    """"five points" where a source gives "a record fifth point" (``ordinals``)."""
    return counted_by_ordinal(c, (d.text for d in ctx.docs.values()))


def _unsupported(ctx: _Against, c: Claim, rel: Relatedness) -> Finding:
    turned = _turned_match(ctx, c)
    if turned is not None:
        # "sent more than 100 people to hospitals" for "nearly 100 others": the bound
        # turned is the evidence, whatever sum of the article's counts lands on 100
        return conflict_finding(turned, CONFLICT, ctx.target)
    slipped = _scale_slip(ctx, c) or _move_told_otherwise(ctx, c)
    if slipped is not None:
        return slipped
    worked_out = ctx.mentions.summed(c)
    derived = worked_out or _derived(ctx, c, rel)
    if not derived and c.quantity is not None and _precise(c.quantity):
        # a figure of four digits or more that related figures give by a sum or a
        # difference: no rival of the sentence that states one of them
        worked_out = derived = ctx.mentions.summed(c, loose=True)
    if not derived and (
        percent := percent_for_points(c, ctx.pool, _related(ctx, c, rel), ctx.docs)
    ):
        return percent_for_points_finding(c, percent, ctx.target)
    # a figure whose number the sources write elsewhere is still wrong
    # when the sentence that repeats its statement says another figure
    # for the same thing ("two aces" is no rival of "five hole-in-ones")
    # ... unless the claim is a difference ("three years less than the eight-year
    # term"): the sentence that says the level is no rival of a margin
    margin = margin_after(ctx.target.text, c)
    rival = None if derived or margin else same_statement(c, ctx.s_quant, rel.same_subject)
    if rival is not None and _rivals_the_statement(ctx, c, rival):
        # ("Four people were killed, 79 were injured": another frame)
        # no subject to match on, but the source says the same sentence
        # with another figure: show that figure, not "no source gives one"
        found = conflict_finding(Match(claim=c, evidence=rival, score=0.0), CONFLICT, ctx.target,
                                 written_elsewhere=_written_elsewhere(ctx, c, rival))
        if found.severity != "low" or (otherwise := _written_otherwise(ctx, c)) is None:
            return found
        return otherwise  # "about 70 kilometres" for "about 70 miles", beside "some 35 miles"
    if not derived and not margin and (otherwise := _written_otherwise(ctx, c)) is not None:
        return otherwise
    # A hedged figure no source gives that two related source figures give by
    # a sum or difference: the writer worked it out ("fell about $81m to $866m"
    # from $947 million). A bare one stays a claim: paragraphs of amounts give
    # any value by chance (FRANK's "£15m move" is £17m less £1.9m)
    if not derived and c.quantity is not None and c.quantity.qualifier != "exact":
        worked_out = derived = ctx.mentions.summed(c, loose=True)
    if not derived:
        # ... or the summary's own figures close by give it
        worked_out = derived = ctx.mentions.own_worked_out(c)
    sev = "low" if derived else unsupported_severity(
        c, ctx.mentions.mentioned(c) and not _only_for_another(ctx, c)
    )
    return unsupported_finding(c, sev, ctx.target, worked_out=worked_out)


def _only_for_another(ctx: _Against, c: Claim) -> bool:
    """The sources count the claim's noun with figures of their own, and write
    its number only for nouns the summary counts apart (``_counts_another``):
    "had 18 points and 10 rebounds" beside "18 points, 10 of which came in the
    first half" and "20 points and 11 rebounds". No reader counted those rebounds
    one by one, and the number is no paraphrase: the finding keeps its weight."""
    q = c.quantity
    if q is None or q.dimension != "count" or not c.subject:
        return False
    same = list(islice(ctx.pool.same_value(q), SAME_VALUE_LOOKS))
    if not same or not all(_counts_another(ctx, c, s) for s in same):
        return False
    noun = head(canonical_subject(c.subject, ctx.options.synonyms))
    return any(
        s.subject and head(canonical_subject(s.subject, ctx.options.synonyms)) == noun
        for s in ctx.s_quant
    )


_BOUNDS = frozenset(("more_than", "at_least", "less_than", "at_most"))


def _derived(ctx: _Against, c: Claim, rel: Relatedness) -> bool:
    """The figure is one a reader gets from the sources' or the summary's own
    figures, or a restatement of one (no new claim of its own)."""
    return (
        is_anaphoric(ctx.target, c)
        or (ctx.mentions.counted(c) and not _only_for_another(ctx, c))
        or is_conversion(ctx.target, c, ctx.t_quant) or _by_ordinal(ctx, c)
        or ctx.mentions.margin_of_stated(c) or ctx.mentions.multiple_of_stated(c)
        or _share_of_stated(ctx, c) or _ends_worked_out(ctx, c, rel)
        or _move_between_stated(ctx, c) or _offset_unrivalled(ctx, c, rel) or _unit_elided(ctx, c)
        or _part_of_a_worded_share(ctx, c)
        or start_of_stated_move(c, ctx.target_sentence_figures(c), ctx.source_moves())
        or ends_of_stated_move(c, ctx.source_moves())
    )


# "climb by another £3.9m to £12m": a move's size, then the level it reached
_TO_LEVEL = re.compile(r"\s{1,2}to\s{1,2}$")
TO_LEVEL_REACH = 8


def _move_between_stated(ctx: _Against, c: Claim) -> bool:
    """A move's size whose level reached and level started from a source both
    writes: "could climb by another £3.9m to £12m" where the source has "an initial
    £8.1m transfer which could eventually cost the club £12m"."""
    q = c.quantity
    if q is None or q.qualifier not in ("exact", "approx") or not q.value > 0:
        return False
    level = next((
        f for f in ctx.target_sentence_figures(c)
        if f.start > c.end and f.quantity is not None and f.quantity.dimension == q.dimension
        and f.start - c.end <= TO_LEVEL_REACH
        and _TO_LEVEL.search(ctx.target.text, c.end, f.start) is not None
    ), None)
    if level is None or level.quantity is None:
        return False
    lq = level.quantity
    slack = q.value * max(q.tolerance, 1e-9) + abs(lq.value) * 1e-9
    if next(ctx.pool.same_value(lq), None) is None:
        return False
    return any(
        next(ctx.pool.inside(q.dimension, start - slack, start + slack), None) is not None
        for start in (lq.value - q.value, lq.value + q.value) if start > 0
    )


def _ends_worked_out(ctx: _Against, c: Claim, rel: Relatedness) -> bool:
    """A move whose ends a source gives or the summary works out from its own figures:
    "stripping out property gains, it rose from £580m to £653m" for £612m less
    £32m and £655m less £2m."""
    q = c.quantity
    if q is None or not moved_ends(q):
        return False
    related = _related(ctx, c, rel)
    tolerance = ctx.options.tolerance
    worked = [
        not value_supported(end, ctx.pool, tolerance, related, rel.same_subject)
        for end in ends_of(c)
    ]
    # only the summary's own arithmetic: a move's end is a figure as exact as any,
    # and the sources' figures add up to one by chance ("rise from 86.9 million")
    return any(worked) and all(
        _net_of_stated(ctx, c, end) for end, w in zip(ends_of(c), worked, strict=True) if w
    )


# A word that takes one figure out of another: "stripping out property gains".
# Fixed words: linear.
_NET_OF = re.compile(
    r"\b(?:strip(?:ping|ped)?\s+out|excluding|exclude[sd]?|net\s+of|minus|less|without)\b",
    re.IGNORECASE,
)


def _net_of_stated(ctx: _Against, c: Claim, end: Claim) -> bool:
    """An end of the claim's move is one figure of its sentence less another, and
    the sentence says so: "£655m vs £612m; stripping out property gains (£2m vs
    £32m), it rose from £580m to £653m". Each figure it is worked from is checked
    on its own."""
    q = end.quantity
    sent = ctx.target.sentence_at(c.start)
    if q is None or sent is None or not _NET_OF.search(ctx.target.text, sent.start, c.start):
        return False
    slack = abs(q.value) * q.tolerance + 1e-9 * abs(q.value)
    stated = [
        f.quantity.value for f in ctx.target_sentence_figures(c)
        if f is not c and f.quantity is not None and f.quantity.dimension == q.dimension
        and f.quantity.qualifier in ("exact", "approx")
    ]
    return any(abs(a - b - q.value) <= slack for a in stated for b in stated if a > b)


SHARE_SLACK = 0.05  # relative: "about a fifth" for 20,000 of 100,000 or of 104,000


def _share_of_stated(ctx: _Against, c: Claim) -> bool:
    """A share in words or hedged of a figure its own sentence states, whose whole
    a source gives in the same kind: "RM20,000, about a fifth of the haul" where
    the robbers took RM100,000. The part is checked on its own."""
    q = c.quantity
    if q is None or not known(q) or not (q.qualifier == "approx" or not _has_digit(c.text)):
        return False
    if q.dimension == "percent":
        lo, hi = q.low / 100, q.high / 100
    elif q.dimension == "count" and 0 < q.low <= q.high < 1:
        lo, hi = q.low, q.high
    else:
        return False
    if not 0 < lo:
        return False
    lo, hi = lo * (1 - SHARE_SLACK), hi * (1 + SHARE_SLACK)
    for f in ctx.target_sentence_figures(c):
        fq = f.quantity
        if f is c or fq is None or fq.dimension in ("percent", "count") or fq.qualifier not in (
            "exact", "approx"
        ) or not fq.value > 0:
            continue
        if next(ctx.pool.inside(fq.dimension, fq.value / hi, fq.value / lo), None) is not None:
            return True
    return False


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _rivals_the_statement(ctx: _Against, c: Claim, rival: Claim) -> bool:
    """The figure of the source sentence that repeats the claim's statement is
    another figure for the claim's thing: not its part, a vague amount of nothing,
    a figure of another frame, one stated beside it or by the summary itself, a
    bare fraction, the "one" of an enumeration, nor a rate for another period or of a
    thing ("about 8 deaths per 100,000 workers" against "17 deaths")."""
    return _same_period(Match(claim=c, evidence=rival, score=0.0)) and not (
        _source_per_unit(ctx, rival) not in (given_per_unit(ctx.target.text, c), None)
        or _part_beside(ctx, c, rival) or _vague_of_nothing(c, rival)
        or ctx.other_frame(c)(rival) or _stated_beside(ctx, c, rival)
        or _restated_by_the_summary(ctx, c, rival) or _fraction_of_nothing(c, rival)
        or _one_of_several(ctx, c, rival) or _margin_for_level(ctx, c, rival)
        or _whole_of_a_part(ctx, c, rival)
    )


# A margin a comparison gives: "beating its 720 target by 15", "won by 12",
# "missed it by 3". Fixed words: linear.
_MARGIN_BY = re.compile(r"\bby\s{1,2}(?:about\s|around\s|some\s|nearly\s|just\s)?$", re.I)


def _margin_for_level(ctx: _Against, c: Claim, rival: Claim) -> bool:
    """The claim is a bare margin ("beating its 720 target by 15") and the rival a
    level of something counted ("720 commercial aircraft"): no reading of one another."""
    q, rq = c.quantity, rival.quantity
    if q is None or rq is None or c.subject or q.change != "=" or rq.change != "=":
        return False
    doc = ctx.docs.get(rival.doc)
    if doc is None or rq.value <= q.value:
        return False
    return _MARGIN_BY.search(ctx.target.text, max(0, c.start - 14), c.start) is not None and (
        _MARGIN_BY.search(doc.text, max(0, rival.start - 14), rival.start) is None
    )


def _bound_said(ctx: _Against, q: Quantity) -> bool:
    """A source figure with an end at the claim's bound agrees with it: "just over
    5,000 and below 6,000" says "below 6,000", whatever "over 6,000" says."""
    edge = q.high if q.low <= 0 else q.low
    return any(
        s.quantity is not None and agree(q, s.quantity, ctx.options.tolerance)
        and not wrong_side(q, s.quantity, ctx.options.tolerance)
        and any(math.isclose(x, edge, rel_tol=1e-9) for x in (s.quantity.low, s.quantity.high))
        for s in islice(ctx.pool.inside(
            q.dimension, *widened(as_read(q), ctx.options.tolerance)), SAME_VALUE_LOOKS)
    )


def _turned_match(ctx: _Against, c: Claim, score: float = 0.0) -> Match | None:
    """"more than 100 people" against "nearly 100 others": the figure a bound
    turned is the evidence to show, not a count of two the subject matched."""
    q = c.quantity
    # a bound, or a figure hedged short of its number ("nearly 195,000" for "more
    # than 195,000": it never reaches the number the source says it passed)
    bounded = q is not None and (
        q.qualifier in _BOUNDS or (q.qualifier == "approx" and BELOW in q.attributes)
    )
    turned = _turned_bound_of(ctx, c) if bounded else None
    return None if turned is None else Match(claim=c, evidence=turned, score=score)


def _turned_bound_of(ctx: _Against, c: Claim) -> Claim | None:
    """A related source figure with the claim's number on the other side of its
    bound, when no source figure ending at the bound says it (``turned_bound``)."""
    q = c.quantity
    assert q is not None
    beside = ctx.beside(c)
    turned = turned_bound(
        c, ctx.pool.same_value(q),
        lambda s: (beside(s) or context_overlap(c, s) >= SUPPORT_MIN_CONTEXT)
        and not _negated(ctx, s),
        ctx.options.tolerance,
    )
    return None if turned is None or _bound_said(ctx, q) else turned


# A negation before a bound turns it: "would not be allowed to leave for less than
# £59m" sets a floor. Fixed words, read back within the clause: linear.
_NEGATION = re.compile(r"\b(?:not|never|n't|no\s+longer)\b[^.;:,]{0,40}$", re.IGNORECASE)
NEGATION_REACH = 60


def _negated(ctx: _Against, s: Claim) -> bool:
    """Source figure ``s`` is a bound under a negation: no bound the source states."""
    doc = ctx.docs.get(s.doc)
    return doc is not None and _NEGATION.search(
        doc.text, max(0, s.start - NEGATION_REACH), s.start
    ) is not None


def _written_otherwise(ctx: _Against, c: Claim) -> Finding | None:
    """The claim's number written by a related source on the other side of its
    bound, or in another unit (``written_otherwise``)."""
    q = c.quantity
    assert q is not None
    beside = ctx.beside(c)

    def related(s: Claim) -> bool:
        return beside(s) or context_overlap(c, s) >= SUPPORT_MIN_CONTEXT

    turned = _turned_bound_of(ctx, c)
    if turned is not None:
        return conflict_finding(Match(claim=c, evidence=turned, score=0.0), CONFLICT, ctx.target)
    unit = other_unit(c, ctx.written_numbers(), related) or unit_swapped(
        c, ctx.written_numbers(), related
    )
    return None if unit is None else other_unit_finding(c, unit, ctx.target)


SCALE_MATCH_REL = 1e-6  # the source's value, as written, up to float noise

# "rose by 18 million from the second quarter, to 100.7 million": the level a move
# reached, after "to" in the move's clause (no figure between)
_MOVE_TO_LEVEL = re.compile(r"[^\d;:.()]{0,40}?\bto\s{1,2}(?:about\s|around\s|nearly\s)?$")
# "100.7 million ..., up from 92.7 million": the start a source gives its level
_FROM_START = re.compile(r"\bfrom\s{1,2}(?:about\s|around\s|nearly\s)?$")
MOVE_START_REACH = 16  # characters before a source figure read for its "from"
MOVE_LEVEL_LOOKS = 3  # target figures after a move weighed as the level it reached
MOVE_LEVEL_REACH = 60  # characters from a move to its level ("from the second quarter, to")
START_LOOKS = 8  # figures of a source sentence weighed as the start of its level


def _move_told_otherwise(ctx: _Against, c: Claim) -> Finding | None:
    """The size of a move whose level the claim's clause states, where the source
    sentence that gives that level gives the level it started from too, and the
    two are another distance apart: "rose by 18 million ... to 100.7 million" where
    the source says "100.7 million ..., up from 92.7 million" (8 million)."""
    q = c.quantity
    if q is None or q.qualifier not in ("exact", "approx") or not q.value > 0:
        return None
    text = ctx.target.text
    level = next((
        f for f in ctx.following(c, MOVE_LEVEL_LOOKS)
        if f.start > c.end and f.quantity is not None and f.quantity.dimension == q.dimension
        and f.start - c.end <= MOVE_LEVEL_REACH
        and _MOVE_TO_LEVEL.match(text, c.end, f.start) is not None
    ), None)
    if level is None or level.quantity is None or level.quantity.qualifier != "exact":
        return None
    for s in islice(ctx.pool.same_value(level.quantity), SAME_VALUE_LOOKS):
        start = _start_given(ctx, s)
        if start is None or start.quantity is None:
            continue
        move = abs(level.quantity.value - start.quantity.value)
        slack = q.value * max(q.tolerance, 1e-9) * (2.0 if q.qualifier == "approx" else 1.0)
        if abs(move - q.value) <= slack or not move > 0:
            return None
        return make_finding(
            CONFLICT, "medium",
            f"{quoted(c)} disagrees with a source: it gives the move to {quoted(s)} from "
            f"{quoted(start)}, {max(move, q.value) / min(move, q.value):.2f}x the size.",
            c, (s, start), sentence_text=sentence_of(ctx.target, c),
        )
    return None


def _start_given(ctx: _Against, s: Claim) -> Claim | None:
    """The figure of ``s``'s sentence after "from" that ``s`` moved from: "100.7
    million in the third quarter, up from 92.7 million"."""
    doc = ctx.docs.get(s.doc)
    if doc is None or s.quantity is None:
        return None
    starts = [
        r for r in ctx.source_following(s, START_LOOKS)
        if r is not s and r.quantity is not None and r.quantity.dimension == s.quantity.dimension
        and r.quantity.qualifier == "exact"
        and _FROM_START.search(doc.text, max(0, r.start - MOVE_START_REACH), r.start) is not None
    ]
    return starts[0] if len(starts) == 1 else None


def _scale_slip(ctx: _Against, c: Claim) -> Finding | None:
    """ "$4.12 million" for "$4.12 billion": a related source writes the claim's
    digits with another scale word (``written_otherwise.scale_slipped``). Asked
    before any reading of the figure as a conversion or a reader's arithmetic: the
    source's own figure is the evidence."""
    q = c.quantity
    assert q is not None
    beside, costated = ctx.beside(c), ctx.costated(c)
    slipped = scale_slipped(
        c, lambda v: islice(
            ctx.pool.inside(q.dimension, v * (1 - SCALE_MATCH_REL), v * (1 + SCALE_MATCH_REL)),
            SAME_VALUE_LOOKS,
        ),
        lambda s: beside(s) or costated(s) or context_overlap(c, s) >= SUPPORT_MIN_CONTEXT,
    )
    if slipped is None:
        return None
    return conflict_finding(Match(claim=c, evidence=slipped, score=0.0), CONFLICT, ctx.target)


PRECISE_EXACT_DIGITS = 4
COSTATED_DIGITS = 3  # a figure two sentences share that seldom meets by chance


def _after(
    figures: list[Claim], groups: Iterable[list[Claim]], places: dict[int, int], c: Claim, k: int
) -> list[Claim]:
    """Up to ``k`` of ``figures`` (``c``'s sentence's) after ``c``; ``places`` (each
    figure's place in its sentence, by id) is filled from ``groups`` on first use."""
    if not places:
        for fs in groups:
            for i, f in enumerate(fs):
                places[id(f)] = i
    i = places.get(id(c))
    return [] if i is None else figures[i + 1:i + 1 + k]


def _precise_key(c: Claim) -> tuple[str, float] | None:
    """(dimension, value) of a stated figure precise enough that two sentences giving
    it tell one thing; None for any other."""
    q = c.quantity
    if q is None or q.qualifier != "exact" or significant_digits(q.surface_value) < COSTATED_DIGITS:
        return None
    return q.dimension, round(q.value, 9)


def _precise(q: Quantity) -> bool:
    """An exact figure too precise to be worked out by chance: four significant
    digits or more ("Lemma was third, another 48 seconds behind" 2:02:48 is
    "2:03:36", 7,416 seconds as written; FRANK's bare "£15m" is not)."""
    return significant_digits(q.surface_value) >= PRECISE_EXACT_DIGITS


class QuantityCheck:
    """Figures a source contradicts (DQ101) or does not give (DQ102), and two
    figures of the target that cannot both hold (DQ103)."""

    name = "quantities"
    codes = (CONFLICT, UNSUPPORTED, INTERNAL, PERIOD)

    def run(
        self, target: Document, target_claims: Sequence[Claim], sources: Sources,
        options: Options,
    ) -> list[Finding]:
        return quantity_findings(target, target_claims, sources, options)
