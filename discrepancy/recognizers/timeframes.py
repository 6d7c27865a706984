"""When a figure held: attach the sentence's date or period to quantity claims.

News figures are often cumulative and grow over time: "1,000 containers by
mid-October" and "more than 10,000 containers since September ... increased
tenfold" are both true. The comparer must not call them a conflict, so besides
attaching frames this module gives the rules: ``frames_compatible`` (could the
two figures describe the same stretch of time?) and ``is_growth`` (is the
difference explained by a running total that grew between the two frames?).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from ..model import Claim, Document, Period
from ..text.wordlists import lines
from ..text.words import content_stems
from .dates import DATELINE_SUBJECT
from .dates.comparison import comparison_cue

# Words saying a figure is a running total or has changed over time.
_GROWTH_WORDS = frozenset(content_stems(" ".join(lines("growth_words.txt"))))


def _frame_of(claim: Claim | Period | None) -> Period | None:
    if claim is None or isinstance(claim, Period):
        return claim
    return claim.time_frame if claim.category == "quantity" else claim.period


def attach_time_frames(
    doc: Document, quantity_claims: list[Claim], date_claims: list[Claim]
) -> list[Claim]:
    """The quantity claims with ``time_frame`` set to the nearest period in their sentence.

    An open period ("since September", "by mid-October") wins over a nearer
    plain date, because it states the span a running total covers.

    A frame already set (a table caption gives its rows one) is kept. Datelines
    are not frames: they date the story, not the figure. ``doc`` is accepted so
    a later version can look across sentence boundaries without a new signature.
    """
    by_sentence: dict[int, list[Claim]] = {}
    for d in date_claims:
        if d.period is None or d.subject == DATELINE_SUBJECT or d.doc != doc.id:
            continue
        by_sentence.setdefault(d.sentence, []).append(d)
    if not by_sentence:
        return list(quantity_claims)  # most texts date nothing: no figure takes a frame
    out: list[Claim] = []
    # Per sentence, once: the dates a figure may take its frame from (a sentence of
    # thousands of figures and dates made this figures x dates).
    nearest: dict[int, _Frames] = {}
    closed = _respectively_sentences(doc, by_sentence, quantity_claims)
    for q in quantity_claims:
        if q.time_frame is not None or q.category != "quantity":
            out.append(q)
            continue
        cands = by_sentence.get(q.sentence, [])
        if not cands:
            out.append(q)
            continue
        if q.sentence not in nearest:
            nearest[q.sentence] = _sentence_frames(doc, cands)
        respective = (
            _respective(doc, q, closed[q.sentence], cands) if q.sentence in closed else None
        )
        if respective is not None:
            out.append(replace(q, time_frame=respective[0]))
            continue
        best = nearest[q.sentence].to(q)
        if best is not None and best is nearest[q.sentence].nearest_to(q) and _base_of_move(
            doc.text, q
        ):
            # "down 42.3% YoY from €645M", "up from 332.6 million": the level before
            # the move held before the sentence's period, at a time it does not say
            out.append(q)
            continue
        if best is not None and best.period is not None and year_before(doc.text, q.end):
            # "fell to 39% in 2019 from 41.2% a year earlier": the 41.2% is 2018's
            out.append(replace(q, time_frame=_shifted_year(best.period)))
            continue
        out.append(q if best is None else replace(q, time_frame=best.period))
    return out


_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)


def _respectively_sentences(
    doc: Document, by_sentence: dict[int, list[Claim]], quantity_claims: list[Claim]
) -> dict[int, list[Claim]]:
    """The figures of each dated sentence whose list is closed by "respectively".

    Found once per document: a figure's own look at its sentence made one line of
    thousands of figures quadratic.
    """
    closed: dict[int, list[Claim]] = {
        k: [] for k in by_sentence
        if 0 <= k < len(doc.sentences) and _RESPECTIVELY.search(doc.sentences[k].text)
    }
    for f in quantity_claims:
        if f.sentence in closed:
            closed[f.sentence].append(f)
    return closed


def _respective(
    doc: Document, q: Claim, figures: list[Claim], dates: list[Claim]
) -> tuple[Period | None] | None:
    """The frame of a figure in a list closed by "respectively": the date in the
    same place of the dates listed before it ("2.1% in 2025, 1.9% in 2026, ... with
    core inflation at 2.4%, 2.2%, 1.9% and 2.0% respectively": the 2.4% is 2025's),
    or none when the two lists differ in length; None when no "respectively"
    closes the figure's list."""
    sent = doc.sentences[q.sentence]
    after = doc.text[q.end:sent.end]
    m = _RESPECTIVELY.search(after)
    if m is None or ";" in after[:m.start()]:
        return None
    close = q.end + m.start()
    before = [d for d in dates if d.end <= q.start]
    lo = max((d.end for d in before), default=sent.start)
    between = sorted((d for d in dates if d.start >= q.end and d.end <= close),
                     key=lambda d: d.start)
    # "$5 million and $6 million in Q1 and Q2 respectively": the dates follow
    hi = between[0].start if between else close
    listed = sorted(
        (f for f in figures if f.sentence == q.sentence and f.start >= lo and f.end <= hi),
        key=lambda f: f.start,
    )
    if between and any(
        f.sentence == q.sentence and between[0].start <= f.start < close for f in figures
    ):
        return None  # a list of figures closes "respectively" later: another list's
    if between:
        paired = between
    else:
        paired = sorted(before, key=lambda d: d.start)[-len(listed):] if listed else []
    if q not in listed or len(paired) != len(listed):
        return None if between else (None,)
    return (paired[listed.index(q)].period,)


# A figure the words right after it date a year before the sentence's date.
# Bounded: linear.
_YEAR_BEFORE = re.compile(
    r",?\s{1,3}(?:a|one)\s(?:year|twelve months)\s(?:earlier|before|ago|previously)\b"
    r"|,?\s{1,3}(?:in\s)?the\s(?:previous|prior|preceding)\syear\b"
    r"|,?\s{1,3}(?:in\s)?the\syear\s(?:before|earlier)\b",
    re.IGNORECASE,
)


# ... or a few words further, past a conversion in brackets: "21.7 billion US dollars
# (£16.9 billion) haul it made a year ago". Lower-case words only, so no other
# figure or name stands between. Bounded: linear.
_YEAR_BEFORE_LATER = re.compile(
    r"(?:\s{0,2}\([^()]{1,40}\))?"
    # ... but "73,000 more than a year earlier" is a change over the year, this year's
    r"(?:\s{1,2}(?!(?:than|from|on|over|since|compared|versus|vs|higher|lower|more|less|up|down)\b)"
    r"[a-z]{1,12}){1,4}\s{1,2}"
    r"(?:a|one)\s(?:year|twelve\smonths)\s(?:earlier|before|ago|previously)\b"
)


_FROM_BEFORE = re.compile(r"\bfrom\s{1,3}(?:the\s{1,3}|a\s{1,3})?$", re.IGNORECASE)


def _base_of_move(text: str, q: Claim) -> bool:
    """A lone figure right after "from" ("fell 5% from €645m"), not a range's
    start nor dated a year back by the words after it."""
    quantity = q.quantity
    if quantity is None or "from-to" in quantity.attributes:
        return False
    return _FROM_BEFORE.search(text, max(0, q.start - 12), q.start) is not None and not (
        year_before(text, q.end)
    )


def year_before(text: str, end: int) -> bool:
    """Whether the words after a figure ending at ``end`` date it a year before
    its sentence's date ("41.2% a year earlier")."""
    return _YEAR_BEFORE.match(text, end) is not None or (
        _YEAR_BEFORE_LATER.match(text, end) is not None
    )


def _shifted_year(p: Period) -> Period:
    """The same span a year earlier (February 29 falls back to the 28th)."""
    def back(day: str) -> str:
        y, rest = int(day[:4]) - 1, day[4:]
        return f"{y:04d}{'-02-28' if rest == '-02-29' else rest}"
    return replace(p, start=back(p.start), end=back(p.end))


def _sentence_frames(doc: Document, cands: list[Claim]) -> _Frames:
    """The dates of one sentence that may frame its figures. A date a figure is
    compared with ("$1.87, down from $2.39 in the third quarter of 2019") frames
    only the figure between its cue and itself, the $2.39: the $1.87 is this
    quarter's. Among the others, "since September"/"by mid-October" scope a
    total explicitly; a bare day in the same sentence ("said on Friday") is
    usually when it was said."""
    bases = [(d, cue) for d in cands if (cue := comparison_cue(doc, d)) is not None]
    taken = {id(d) for d, _ in bases}
    rest = [d for d in cands if id(d) not in taken]
    # "rose from $1.36 (Q2 2020); GAAP EPS was $1.51": a date in brackets dates
    # the figure it follows, as a base date does
    bracketed = [(d, at) for d in rest if (at := _bracket_at(doc.text, d)) is not None]
    taken |= {id(d) for d, _ in bracketed}
    rest = [d for d in rest if id(d) not in taken]
    scoped = [d for d in rest if d.period is not None and (
        d.period.open_start or d.period.open_end)]
    return _Frames(_Nearest(scoped or rest, doc.text) if rest else None, bases, bracketed)


BRACKET_REACH = 3  # characters between a figure and the bracket that dates it


def _bracket_at(text: str, d: Claim) -> int | None:
    """Where the bracket opens around a date alone in brackets ("(Q2 2020)")."""
    open_at = text.rfind("(", max(0, d.start - 2), d.start)
    if open_at < 0 or text.find(")", d.end, d.end + 2) < 0:
        return None
    return open_at


class _Frames:
    """The frame of each figure of one sentence: the base date whose comparison
    holds the figure, else the nearest other date."""

    def __init__(
        self, nearest: _Nearest | None, bases: list[tuple[Claim, int]],
        bracketed: list[tuple[Claim, int]] = (),  # type: ignore[assignment]
    ) -> None:
        self.bracketed = sorted(bracketed, key=lambda b: b[1])
        self.bracket_at = [at for _, at in self.bracketed]
        self.nearest = nearest
        self.bases = sorted(bases, key=lambda b: b[0].start)
        self.starts = [d.start for d, _ in self.bases]

    def nearest_to(self, q: Claim) -> Claim | None:
        """The nearest date, as the fallback of ``to`` finds it."""
        return self.nearest.to(q) if self.nearest is not None else None

    def to(self, q: Claim) -> Claim | None:
        i = bisect_left(self.bracket_at, q.end)  # the first bracket after the figure
        if i < len(self.bracketed) and self.bracket_at[i] - q.end <= BRACKET_REACH:
            return self.bracketed[i][0]
        # a base date follows its figure within the cue's window: look only there
        k = bisect_left(self.starts, q.end)
        for d, cue in self.bases[k:k + 2]:
            if cue <= q.start:
                return d
        return self.nearest.to(q) if self.nearest is not None else None


# Up to this many dates in a sentence are all measured; past it (a long line of
# dates, no article's sentence) only the ones around the figure's position, which
# finds the nearest unless date spans nest deeper than the window.
NEAREST_SCAN = 16
_NEAREST_WINDOW = 8


# A date before a figure across "and" or a comma closed the clause before it: "$30.25
# billion in fiscal 2012 and $30.5 billion in fiscal 2011" dates the $30.5 billion
# by the year its own clause writes after it
# ... or ends a move's start ("from $29.30 per boe in 2014 to $20.95 in 2015") or the
# subject the figure's verb follows ("a drug approved in 2008 had a $42.28 list price
# ... in 1998")
_CLAUSE_AFTER_DATE = re.compile(
    r"\s*(?:,\s*|;\s*)?(?:and|but|while|whereas)\b|\s*[;,]"
    r"|\s+(?:to|had|has|have|was|were|is|are)\b"
)
# ... and "and 61,689 loans" between: two figures of one clause share its date; up to
# two words before the preposition ("and its 70% target for 2010")
# ... and a conversion in brackets between: "209.8 billion rubles ($2.96 billion) in 2024"
_OWN_DATE_GAP = re.compile(
    r"(?:\s{0,2}\([^()\n]{1,40}\))?"
    r"(?:\s+and\s+\$?\d[\d,.]*(?:\s+[a-z]+){0,2})?"
    # (up to eight words of its own clause: "a $42.28 list price per bottle at a European
    # pharmacy in 1998")
    r"(?:\s+(?:[a-z]+\s+){0,8}(?:in|for|during)\s+(?:the\s+)?"
    r"(?:fiscal\s+(?:year\s+)?|FY\s*)?|\s+)",
    re.IGNORECASE,
)


class _Nearest:
    def __init__(self, dates: list[Claim], text: str = "") -> None:
        self.dates = dates
        self.text = text
        self.order = sorted(range(len(dates)), key=lambda k: dates[k].start)
        self.starts = [dates[k].start for k in self.order]

    def _next_clauses(self, q: Claim, d: Claim) -> bool:
        return _date_of_next_clause(self.text, q, d)

    def to(self, q: Claim) -> Claim | None:
        """The date nearest ``q``, the first of equals in ``dates`` order; a date
        its own clause writes right after it first (``_CLAUSE_AFTER_DATE``); never
        a date of the next clause that its own figure follows ("422,875 vehicles,
        and in the fourth quarter of 2023, 484,507": the quarter is the 484,507's)."""
        dates = self.dates
        if len(dates) <= NEAREST_SCAN:
            dates = [d for d in dates if not self._next_clauses(q, d)]
            if not dates:
                return None
            best = min(dates, key=lambda d: _distance(q, d))
            if best.end <= q.start and _CLAUSE_AFTER_DATE.match(self.text, best.end) and (
                self.text.find(" ", best.end, q.start) >= 0
            ):
                own = next((d for d in dates if d.start >= q.end and _OWN_DATE_GAP.fullmatch(
                    self.text, q.end, d.start)), None)
                if own is not None:
                    return own
            return best
        p = bisect_left(self.starts, q.start)
        near = self.order[max(0, p - _NEAREST_WINDOW): p + _NEAREST_WINDOW]
        return dates[min(near, key=lambda k: (_distance(q, dates[k]), k))]


# A clause opening between a figure and a later date: ", and", "; ", ", but", ", while"
_NEXT_CLAUSE = re.compile(r"[;,]\s*(?:and|but|while|whereas)?\b|\s(?:and|but|while|whereas)\s",
                          re.IGNORECASE)
# ... and the date's own figure right after it: ", 484,507", " $1.2 billion"
_FIGURE_AFTER_DATE = re.compile(r",?\s{0,2}[$€£¥]?\s?\d")
NEXT_CLAUSE_REACH = 40  # characters between a figure and the date of the next clause


def _date_of_next_clause(text: str, q: Claim, d: Claim) -> bool:
    """Whether date ``d`` after figure ``q`` opens the next clause and dates the
    figure that follows it."""
    if d.start < q.end or d.start - q.end > NEXT_CLAUSE_REACH:
        return False
    return _NEXT_CLAUSE.search(text, q.end, d.start) is not None and (
        _FIGURE_AFTER_DATE.match(text, d.end) is not None
    )


def _distance(q: Claim, d: Claim) -> int:
    if d.end <= q.start:
        return q.start - d.end
    if q.end <= d.start:
        return d.start - q.end
    return 0


def frames_compatible(a: Claim | Period | None, b: Claim | Period | None) -> bool:
    """Whether two figures may describe the same time: no frame fits anything, else overlap."""
    fa, fb = _frame_of(a), _frame_of(b)
    if fa is None or fb is None:
        return True
    return fa.overlaps(fb)


def _is_cumulative(claim: Claim) -> bool:
    f = claim.time_frame
    if f is not None and (f.open_start or f.open_end):
        return True  # "by mid-October", "since September": totals up to a point
    return says_growth(claim)


def says_growth(claim: Claim) -> bool:
    """Whether the claim's sentence says its figure grew ("had risen to 20")."""
    return bool(_GROWTH_WORDS.intersection(claim.context))


def is_growth(earlier_claim: Claim, later_claim: Claim) -> bool:
    """Whether two figures for one thing are a running total seen at two times.

    True when both claims have frames, at least one is cumulative (an open
    frame or a growth word such as "increased tenfold"), the frames end at
    different times, and the figure at the later end is not smaller. The
    argument order is a hint only: the claims are ordered by frame end here,
    so callers need not know which came first.
    """
    a, b = earlier_claim, later_claim
    if a.quantity is None or b.quantity is None or a.time_frame is None or b.time_frame is None:
        return False
    if a.time_frame.end == b.time_frame.end:
        return False
    if a.time_frame.end > b.time_frame.end:
        a, b = b, a
    if not (_is_cumulative(a) or _is_cumulative(b)):
        return False
    return b.quantity.high >= a.quantity.low


def figures_comparable(a: Claim, b: Claim) -> bool:
    """Whether a difference between two figures for one thing would be a conflict.

    This is what the quantity comparer should ask before reporting: figures for
    disjoint times, or a total that grew, are not contradictions.
    """
    return frames_compatible(a, b) and not is_growth(a, b)
