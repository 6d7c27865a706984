"""DQ103: the document gives two figures for the same thing that cannot both hold."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from ...model import Claim, Document, Finding
from ...options import Options
from ...recognizers.quantities.assemble import TURNED_MOVE
from ...recognizers.timeframes import says_growth
from ...text.similarity import context_overlap
from ..base import Code
from ..findings import make_finding, quoted, sentence_of
from ..matching import canonical_subject, match_quantities
from .agreement import FIRST_NUMBER, agree, known
from .conflict import conflict_finding
from .frames import claim_frame, clash
from .own_moves import miscounted_lists, miscounted_rests, turned_moves
from .own_totals import given_per_unit
from .siblings import words_after
from .time_frames import comparable

INTERNAL = Code("DQ103", "quantity.internal", "internal", "quantity",
                "The document gives two figures for the same thing that cannot both hold.")
# Sentence-context overlap two figures in one document need before they are
# read as the same statement: "19 people killed" and "640 residents
# evacuated" share a subject, not an event.
INTERNAL_MIN_CONTEXT = 0.1
# Below this ratio two figures of one document are reported low, unless their
# sentences overlap this much (one statement said twice).
INTERNAL_MEDIUM_RATIO = 2.0
INTERNAL_RESTATED = 0.5
# A later sentence opening on one of these counts a part of the figure before:
# "About 40 people were injured. Of those, 12 people were taken to hospital."
_PART_OPENING = re.compile(r"\s*(?:of\s+(?:those|them|these)|among\s+them|including)\b",
                           re.IGNORECASE)


def internal_findings(
    doc: Document,
    claims: Sequence[Claim],
    options: Options | None = None,
    stated_in_sources: Callable[[Claim], bool] | None = None,
) -> list[Finding]:
    """Pairs of figures inside one document that cannot both hold; each pair once.

    Stricter than matching across documents: one article often gives a total
    and a part of it ("500 individuals and entities" ... "two entities"), so
    only figures for exactly the same thing, after synonyms, in two sentences
    that restate one statement, are compared.
    Two figures the sources also state ("just five goals in 29 games" and
    "17 goals this season") are two facts, not a contradiction.
    """
    options = options or Options()
    out: list[Finding] = []
    seen: set[tuple[int, int]] = set()
    for m in match_quantities(claims, claims, options):
        a, b = m.claim, m.evidence
        key = (min(a.start, b.start), max(a.start, b.start))
        if key in seen or a.start == b.start or not comparable(m) or _told_apart(doc, a, b):
            continue
        overlap = context_overlap(a, b)
        if (a.sentence == b.sentence and not _said_twice(doc, a, b)) or (
            overlap < _min_overlap(a.subject, options)
        ):
            # one sentence giving two figures for one noun sets them side by side:
            # "3,000 people in the UK and 10,000 worldwide", "a survey of 2,000
            # adults found 1,200 adults" (a part, a place, a time apart)
            continue
        if _two_things(doc, a, b):
            continue  # "40 people were injured ... 12 people killed"
        if _other_owners(doc, a, b):
            continue  # "Dow: -430.97 pts ... S&P 500: -58.94 pts"
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
        found = conflict_finding(m, INTERNAL, doc, who="the same document")
        close = found.ratio is not None and found.ratio < INTERNAL_MEDIUM_RATIO
        if close and overlap < INTERNAL_RESTATED:
            # close figures of one noun in one text are more often two things
            # (a new stadium of 25,000 seats, the old one of 18,000) than one
            # thing said twice ("charged with eight counts ... charged with
            # nine counts", which stays raised): shown, not raised
            found = replace(found, severity="low")
        out.append(found)
    return out + _own_wrong_ways(doc, claims, options)


def _miscounted(doc: Document, claims: Sequence[Claim]) -> list[Finding]:
    """A count whose own list names another number of things: "three British writers
    (Howard Jacobson, Ali Smith)", "six states — Ondo, Bauchi, Edo, Taraba and Ebonyi —"
    (``own_moves.miscounted_lists``); and what a part of a whole leaves, told wrong:
    "lost 40 of its 41 seats, leaving it with just two" (``miscounted_rests``)."""
    return [
        make_finding(
            INTERNAL, "medium", f'{quoted(c)} is followed by a list of {n}: "{listed}".',
            c, (), sentence_text=sentence_of(doc, c),
        )
        for c, n, listed in miscounted_lists(doc.text, claims)
    ] + [
        make_finding(
            INTERNAL, "medium",
            f"{quoted(c)} is what {quoted(part)} of {quoted(whole)} leave, which is "
            f"{left:g}.", c, (part, whole), sentence_text=sentence_of(doc, c),
        )
        for c, part, whole, left in miscounted_rests(doc.text, claims)
    ]


def _own_wrong_ways(doc: Document, claims: Sequence[Claim], options: Options) -> list[Finding]:
    """Moves the document writes the wrong way round, and counts its own lists
    contradict."""
    return (
        _turned_moves(doc, claims, options) + _turned_ranges(doc, claims)
        + _miscounted(doc, claims) + _margins_miscounted(doc, claims)
    )


# "19.9 million, 2.9 million more than last year's 18 million": a figure, then the
# margin of it over another the same clause states. Fixed words, bounded: linear.
_LEVEL_THEN_MARGIN = re.compile(
    r"\s{0,2}(?:,|—|–|;)\s{0,2}(?:or\s{1,2}|some\s{1,2}|about\s{1,2})?$"
)
_MARGIN_THAN = re.compile(
    r"\s{1,2}(?:more|fewer|less|higher|lower)\s{1,2}than\s{1,2}(?:(?:the|its|their|a|last"
    r"\s{1,2}year's|last\s{1,2}year’s|the\s{1,2}previous|the\s{1,2}prior)\s{1,2}){0,2}$",
    re.IGNORECASE,
)
MARGIN_SLACK = 0.05  # a margin's own rounding, and this much more of it


def _margins_miscounted(doc: Document, claims: Sequence[Claim]) -> list[Finding]:
    """A margin the document works out wrong from two figures it states around it:
    "sold 19.9 million tickets, 2.9 million more than last year's 18 million"."""
    figures = sorted((c for c in claims if c.quantity is not None), key=lambda c: c.start)
    out = []
    for a, m, b in zip(figures, figures[1:], figures[2:], strict=False):
        qa, qm, qb = a.quantity, m.quantity, b.quantity
        assert qa is not None and qm is not None and qb is not None
        if not (a.sentence == m.sentence == b.sentence and qa.dimension == qm.dimension
                == qb.dimension and all(q.qualifier == "exact" for q in (qa, qb))
                and qm.qualifier in ("exact", "approx") and qm.value > 0):
            continue
        if _LEVEL_THEN_MARGIN.search(doc.text, a.end, m.start) is None or _MARGIN_THAN.search(
            doc.text, m.end, b.start
        ) is None:
            continue
        gap = abs(qa.value - qb.value)
        slack = qm.value * (qm.tolerance * 2 + MARGIN_SLACK)
        if abs(gap - qm.value) > slack:
            out.append(make_finding(
                INTERNAL, "medium",
                f"{quoted(m)} is given as the gap between {quoted(a)} and {quoted(b)}, "
                f"but they differ by {_gap_text(gap, m)}.",
                m, (a, b), sentence_text=sentence_of(doc, m),
            ))
    return out


def _gap_text(gap: float, m: Claim) -> str:
    """The gap written as the margin is ("$600m" against a gap of 4e8: "$400m")."""
    q = m.quantity
    assert q is not None
    num = FIRST_NUMBER.search(q.surface_value or m.text)
    if num is None or not q.value:
        return f"{gap:,.4g}"
    written = float(num.group().replace(",", "")) * gap / q.value
    surface = q.surface_value or m.text
    unit = f" {q.surface_unit}" if q.surface_unit and q.surface_unit not in surface else ""
    return f"{surface[:num.start()]}{written:,.4g}{surface[num.end():]}{unit}"



def _turned_moves(doc: Document, claims: Sequence[Claim], options: Options) -> list[Finding]:
    """A move the document writes the wrong way round ("78.2 per cent, up from 82.2
    per cent"): its two figures contradict its word of direction (``own_moves``)."""
    return [
        make_finding(
            INTERNAL, "high",
            f"{quoted(level)} is said to be {said} from {quoted(base)}, "
            f"but it is {'lower' if said == 'up' else 'higher'}.",
            level, (base,), sentence_text=sentence_of(doc, level),
        )
        for level, base, said in turned_moves(doc.text, claims, options.tolerance)
    ]


# Words of a ranking, where a fall is a higher number: "dropped from 5 to 9 in the
# world rankings". Fixed words: linear.
_RANKING = re.compile(
    r"\b(?:rank\w*|place[ds]?|position|seed\w*|standings|table)\b|\bNo\.\s?\d", re.I
)


def _turned_ranges(doc: Document, claims: Sequence[Claim]) -> list[Finding]:
    """A move written as one figure whose verb goes against its ends: "scores fell
    from 76.9 to 81.1 percent" (the recognizer marks it ``TURNED_MOVE``)."""
    out = []
    for c in claims:
        q = c.quantity
        if q is None or TURNED_MOVE not in q.attributes or q.change not in ("up", "down"):
            continue
        sent = sentence_of(doc, c)
        if _RANKING.search(sent):
            continue
        said, went = ("fallen", "rise") if q.change == "down" else ("risen", "fall")
        out.append(make_finding(
            INTERNAL, "high",
            f"{quoted(c)} is said to have {said}, but its figures {went}.",
            c, (), sentence_text=sent,
        ))
    return out


# A capitalised word (or an acronym) that names who a figure belongs to; the
# months and weekdays date it instead. Bounded: linear.
_NAME = re.compile(r"\b[A-Z][\w&.'-]*")
_NOT_OWNERS = frozenset((
    "The", "A", "An", "In", "On", "At", "By", "For", "Its", "His", "Her", "Their", "This",
    "That", "It", "He", "She", "They", "But", "And", "Of", "With", "After", "As", "Q1", "Q2",
    "Q3", "Q4", "FY", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
))
_PERIOD_OWNERS = frozenset((
    "Q1", "Q2", "Q3", "Q4", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
))
OWNER_REACH = 30  # characters before a figure, in its clause, that may name its owner


# "- Non-OECD countries: ...", "OECD: 44 tcf to 66 tcf": a line's label before its
# colon owns every figure of the line. Bounded: linear.
_LINE_LABEL = re.compile(r"[ \t]*(?:[-*•][ \t]*)?([^:\n]{1,40}):")


# A verb of change right before a count: "losing 68 seats", "gained 12 seats"
_CHANGE_VERB_BEFORE = re.compile(
    r"\b(?:los(?:e|es|ing|t)|gain(?:s|ed|ing)?|add(?:s|ed|ing)?|shed(?:s|ding)?|"
    r"drop(?:s|ped|ping)?|picked\sup|picking\sup)\s(?:a\sfurther\s|another\s)?$",
    re.IGNORECASE,
)


def _a_change(doc: Document, c: Claim) -> bool:
    """The figure is the size of a move, not a level."""
    q = c.quantity
    return (q is not None and q.change in ("up", "down")) or (
        _CHANGE_VERB_BEFORE.search(doc.text, max(0, c.start - 24), c.start) is not None
    )


def _told_apart(doc: Document, a: Claim, b: Claim) -> bool:
    """The document tells the two figures apart: one is dated and the other not,
    or one is a move and the other a level ("550 seats between them", "losing 68
    seats")."""
    return (
        _one_dated(a, b) or _a_change(doc, a) != _a_change(doc, b)
        # "29.5 million TEU" and "roughly 4,800 TEU per ship": a level and a rate
        or given_per_unit(doc.text, a) != given_per_unit(doc.text, b)
    )


def _one_dated(a: Claim, b: Claim) -> bool:
    """One figure of the document is dated and the other not: the document tells them
    apart ("took 80 seats" in this election, "35 seats in 2011"), and so does a span
    from a date on ("Since 2010 it's 12 wins and just two losses" beside "37 wins, 20
    losses" at the ground)."""
    fa, fb = a.time_frame, b.time_frame
    dated = fa if fb is None else fb if fa is None else None
    if dated is not None and dated.open_end and not dated.open_start:
        return True  # "Since 2010 it's 12 wins and just two losses": a record of its own
    return dated is not None and dated.granularity != "relative" and not (
        dated.open_start or dated.open_end
    )


def _owners(doc: Document, c: Claim, periods: bool = False) -> frozenset[str]:
    """The names in the figure's clause before it (and its line's label); with
    ``periods``, the months, days and quarters there too."""
    if not 0 <= c.sentence < len(doc.sentences):
        return frozenset()
    skip = _NOT_OWNERS - _PERIOD_OWNERS if periods else _NOT_OWNERS
    lo = max(doc.sentences[c.sentence].start, c.start - OWNER_REACH)
    # within the figure's clause: "analyzed by Western governments, dozens of rail
    # cars" names no owner of the dozens
    lo = max(lo, doc.text.rfind(",", lo, c.start) + 1, doc.text.rfind(";", lo, c.start) + 1)
    found = {w for w in _NAME.findall(doc.text, lo, c.start) if w not in skip}
    label = _LINE_LABEL.match(doc.text, doc.text.rfind("\n", 0, c.start) + 1)
    if label is not None and label.end() <= c.start:
        found |= {w for w in _NAME.findall(label.group(1)) if w not in skip}
    return frozenset(found)


def _other_owners(doc: Document, a: Claim, b: Claim) -> bool:
    """Each figure's clause names someone the other's does not: "The BJP won 240
    seats" and "the TDP and JD(U) won 28 seats", "Dow: -430.97 pts" and "S&P 500:
    -58.94 pts" are two parties' figures, not one figure said twice."""
    mine, theirs = _owners(doc, a), _owners(doc, b)
    if bool(mine) != bool(theirs):
        # "December was strong: 112 deliveries" and "A321neo led with 317 deliveries":
        # a month's figure and a name's
        mine, theirs = _owners(doc, a, periods=True), _owners(doc, b, periods=True)
    return bool(mine) and bool(theirs) and mine.isdisjoint(theirs)


def _two_things(doc: Document, a: Claim, b: Claim) -> bool:
    """Two figures of one noun that are two things: of two frames ("40 people were
    injured ... 12 people killed"), a total that moved on, or a level and a margin
    ("won 35 of the 150 seats ... leads its rival by nine seats")."""
    return (
        clash(claim_frame(doc, a), claim_frame(doc, b)) or _moved_on(doc, a, b)
        or _margin(doc, a) != _margin(doc, b)
    )


_BY = re.compile(r"\bby\s{1,2}$", re.IGNORECASE)


def _margin(doc: Document, c: Claim) -> bool:
    """A figure right after "by": a margin or a change ("leads by nine seats"), no
    level of the thing it counts."""
    return _BY.search(doc.text, max(0, c.start - 4), c.start) is not None


def _moved_on(doc: Document, a: Claim, b: Claim) -> bool:
    """The later figure is a running total that grew ("the death toll had risen to
    20 people"), the whole the earlier one is a part of ("Of about 15 workers on
    site"), or a part of the earlier one ("Of those, 12 people ...")."""
    first, later = (a, b) if a.start < b.start else (b, a)
    qf, ql = first.quantity, later.quantity
    if qf is None or ql is None:
        return False
    if says_growth(later) and ql.high >= qf.low:
        return True
    if _WHOLE_BEFORE.search(doc.text, max(0, later.start - WHOLE_REACH), later.start) and (
        ql.low >= qf.high
    ):
        return True  # "Three workers were rescued. Of about 15 workers on site, ...": the whole
    if 0 <= later.sentence < len(doc.sentences):
        sent = doc.sentences[later.sentence]
        return _PART_OPENING.match(sent.text) is not None and ql.high <= qf.low
    return False


# "Of about 15 workers", "out of the 40 passengers": a whole its parts are counted from
_WHOLE_BEFORE = re.compile(
    r"\b(?:[Oo]f|out\s+of)\s+(?:the\s+)?(?:about\s+|around\s+|some\s+|nearly\s+|all\s+)?$"
)
WHOLE_REACH = 24


def _said_twice(doc: Document, a: Claim, b: Claim) -> bool:
    """Two figures of one sentence followed by the same words: one statement said
    twice ("charged with eight counts of child pornography . he has been charged
    with nine counts of child pornography", where tokenised text is one sentence)."""
    after = words_after(doc.text, a)
    return bool(after) and after == words_after(doc.text, b)


# Counted nouns so common that two figures of them in one text are two groups
# ("25 million people need aid", "2.5 million people were fed"): only a
# statement said again compares them.
_GENERIC_SUBJECTS = frozenset({"person", "people", "individual", "resident"})


def _min_overlap(subject: str, options: Options) -> float:
    generic = canonical_subject(subject, options.synonyms) in _GENERIC_SUBJECTS or (
        subject.split()[-1:] and subject.split()[-1] in _GENERIC_SUBJECTS
    )
    return INTERNAL_RESTATED if generic else INTERNAL_MIN_CONTEXT
