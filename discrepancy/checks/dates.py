"""Date findings: a period that disagrees with a source's period for the same event.

Events are matched by the content stems around each date (``Claim.subject``).
Words that occur in a large share of all sentences ("north", "korea",
"russia" in a story about North Korea and Russia) say nothing about which
event is meant, so they are dropped before scoring. Scores are the Dice
overlap of the remaining stem sets, computed for all pairs at once with
``rapidfuzz.process.cdist`` (``fuzz.ratio`` over sorted unique stem lists is
exactly Dice on the sets).

Kinds:
* conflict: the best-matching source event has a period that does not overlap,
  and the two dates are precise in a comparable way (``comparable``): a day
  counted from the story's date ("on Wednesday", "this week") is never set
  against a month or season, nor a year-less season against a day. Any
  overlapping date of the same event, comparable or not, settles it.
* conflict by weekday name: "surrendered to police on Friday" against the
  source's "surrendered himself on Thursday morning". Weekdays resolve to days
  only against a reference date, which many summaries and articles lack; the
  name is compared instead, for a closely matching event (the words around
  the weekday, not the whole sentence) when no matching source passage names
  the same day.
* internal: a document carries two different datelines.
* unsupported: only a date that names its year ("until 1987", "in August
  2021") when no source date overlaps it and no source writes that year at
  all. A summary often dates things loosely ("in recent months") and that
  is not an error an editor can act on; a year the sources never mention is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from rapidfuzz import fuzz, process

from ..limits import note
from ..model import Claim, Document, Finding, Period
from ..recognizers.dates import DATELINE_SUBJECT, comparison_base
from ..text.words import content_stems
from .findings import make_finding

COMMON_SHARE = 0.4  # a stem in more than this share of sentences is topic, not event
MIN_SENTENCES_FOR_TOPIC = 10
MIN_OVERLAP = 0.25  # shared stems / stems of the shorter key
MIN_SHARED = 2  # one shared word ("ship") matches too much by accident
# Source passages weighed per claim, best first. A news claim matches a handful;
# text repeated a thousand times matched every copy, all claims against all.
MAX_MATCHES = 200
# A stem in more passages than this names no one event (an article has a few
# hundred sentences); past it, it is not used to find candidates, which keeps
# every row's cost bounded however often a text repeats itself.
MAX_POSTINGS = 1000
RELATIVE_DAYS = 7  # "this week" is the coarsest relative day
MONTH_DAYS = 28
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_ABSOLUTE = re.compile(
    r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
    r"|\b(?:spring|summer|autumn|fall|winter)\b",
    re.IGNORECASE,
)
_NUMERIC = re.compile(r"^[\d,.\-]+$|^\d")
_DATE_WORDS = frozenset(
    content_stems(
        "january february march april may june july august september october november "
        "december monday tuesday wednesday thursday friday saturday sunday week month year "
        "day mid-october mid-september mid-november early late morning afternoon evening night"
    )
)


def common_stems(docs: Iterable[Document], share: float = COMMON_SHARE) -> frozenset[str]:
    """Stems found in more than ``share`` of all sentences of ``docs``."""
    df: Counter[str] = Counter()
    n = 0
    for d in docs:
        for s in d.sentences:
            n += 1
            df.update(set(content_stems(s.text)))
    if n < MIN_SENTENCES_FOR_TOPIC:
        return frozenset()  # too little text to tell the topic from the event
    return frozenset(w for w, c in df.items() if c / n > share)


def event_key(words: Iterable[str], common: frozenset[str]) -> list[str]:
    """Sorted unique stems that identify an event: no topic words, numbers or date words."""
    return sorted(
        {
            w
            for w in words
            if w not in common and w not in _DATE_WORDS and not _NUMERIC.match(w) and len(w) > 1
        }
    )


def dice_matrix(a: Sequence[list[str]], b: Sequence[list[str]]) -> np.ndarray:
    """Pairwise Dice x 100 of stem sets (rows ``a``, columns ``b``)."""
    if not a or not b:
        return np.zeros((len(a), len(b)))
    return process.cdist(list(a), list(b), scorer=fuzz.ratio, dtype=np.float32)


def overlap_matrix(
    a: Sequence[list[str]], b: Sequence[list[str]]
) -> tuple[np.ndarray, np.ndarray]:
    """(shared stem counts, overlap coefficient) for all pairs, from one cdist call.

    Dice is symmetric in length, which punishes a long source sentence for
    saying more than the summary; the overlap coefficient does not.
    """
    dice = dice_matrix(a, b)
    la = np.array([len(x) for x in a], dtype=np.float32)[:, None]
    lb = np.array([len(x) for x in b], dtype=np.float32)[None, :]
    shared = np.rint(dice / 100.0 * (la + lb) / 2.0)
    smaller = np.maximum(np.minimum(la, lb), 1.0)
    return shared, shared / smaller


@dataclass(frozen=True)
class OverlapRow:
    """One row of ``overlap_matrix`` with only the columns sharing a stem (every
    other column shares 0, below any threshold): ``cols`` ascending, and the same
    float32 ``shared`` and ``coef`` values the dense matrix has there."""

    cols: np.ndarray
    shared: np.ndarray
    coef: np.ndarray

    def ranked(
        self, ok: np.ndarray, keys: tuple[np.ndarray, ...], limit: int = MAX_MATCHES
    ) -> list[int]:
        """Columns where ``ok`` holds, in ``ranked`` order (ties by column), the
        best ``limit`` of them."""
        idx = np.flatnonzero(ok)
        if len(idx) > limit:
            note(f"a claim is weighed against its best {limit} matching passages")
        order = np.lexsort(tuple(k[idx] for k in keys))[:limit]
        return [int(c) for c in self.cols[idx[order]]]


class SparseOverlap:
    """``overlap_matrix`` row by row through an inverted index of stems.

    The dense matrix is |a| x |b|: 16,000 dates against themselves were 256 million
    cells. Here a row costs the postings of its own stems; columns sharing no stem
    are never visited. Keys are sorted unique stems, so the Dice of two keys
    (rapidfuzz's ratio of the lists) is 2|A∩B|/(|A|+|B|) and ``shared`` is |A∩B|.
    """

    def __init__(self, a: Sequence[list[str]], b: Sequence[list[str]]) -> None:
        self.a = a
        self.lb = np.array([len(x) for x in b], dtype=np.float32)
        index: dict[str, list[int]] = {}
        for j, key in enumerate(b):
            for stem in key:
                index.setdefault(stem, []).append(j)
        self.index = {
            stem: np.array(js, dtype=np.intp) for stem, js in index.items()
            if len(js) <= MAX_POSTINGS
        }
        if len(self.index) < len(index):
            note(f"a word in over {MAX_POSTINGS:,} passages is not used for matching")

    def row(self, i: int) -> OverlapRow:
        postings = [self.index[w] for w in self.a[i] if w in self.index]
        if not postings:
            empty = np.zeros(0, dtype=np.float32)
            return OverlapRow(np.zeros(0, dtype=np.intp), empty, empty)
        cols, counts = np.unique(np.concatenate(postings), return_counts=True)
        # float32 as in overlap_matrix, so thresholds compare exactly as before
        shared = counts.astype(np.float32)
        la = np.float32(len(self.a[i]))
        smaller = np.maximum(np.minimum(la, self.lb[cols]), np.float32(1.0))
        return OverlapRow(cols, shared, shared / smaller)


def ranked(ok: np.ndarray, keys: tuple[np.ndarray, ...]) -> list[int]:
    """Indices where ``ok`` holds, ordered by ``np.lexsort(keys)`` (last key
    first), ties by index. Only the candidates are sorted: a long source has
    thousands of sentences and few of them match."""
    idx = np.flatnonzero(ok)
    order = np.lexsort(tuple(k[idx] for k in keys))
    return [int(j) for j in idx[order]]


def _sentence_text(doc: Document, claim: Claim) -> str:
    if 0 <= claim.sentence < len(doc.sentences):
        return doc.sentences[claim.sentence].text
    return ""


def _days(p: Period) -> int:
    if p.open_start or p.open_end:
        return 1 << 30
    return (date.fromisoformat(p.end) - date.fromisoformat(p.start)).days + 1


def _relative_day(c: Claim) -> bool:
    """ "Wednesday", "this week", "yesterday": a day or week counted from the story's date."""
    assert c.period is not None
    return (
        _ABSOLUTE.search(c.text) is None
        and c.period.granularity in ("day", "relative")
        and _days(c.period) <= RELATIVE_DAYS
    )


def _vague(c: Claim) -> bool:
    """A season with no year ("into the summer"): often ahead of the story, never precise."""
    assert c.period is not None
    return c.period.granularity == "season" and _YEAR.search(c.text) is None


def comparable(a: Claim, b: Claim) -> bool:
    """Whether two dates are precise enough, in the same way, to contradict each other.

    A relative day ("on Wednesday", "this week") only meets another day or week:
    against a month or season it is usually a different, later step of the story
    ("212 at the end of March ... 386 this week"). A year-less season meets
    nothing finer than a month.
    """
    assert a.period is not None and b.period is not None
    for x, y in ((a, b), (b, a)):
        if _relative_day(x) and _days(y.period) > RELATIVE_DAYS:  # type: ignore[union-attr]
            return False
        if _vague(x) and _days(y.period) < MONTH_DAYS:  # type: ignore[union-attr]
            return False
    return True


def _is_span(c: Claim) -> bool:
    return c.period is not None and c.period.start != c.period.end


def _overlaps(c: Claim, p: Period) -> bool:
    """Whether a source date fits the claim's period: overlapping, or for two spans
    of years the same span ("the 2016-17 season" is not "the 2016-24 season")."""
    if c.period is None:
        return False
    if c.period.granularity == p.granularity == "years":
        return (c.period.start, c.period.end) == (p.start, p.end)
    return c.period.overlaps(p)


def _describe(p: Period, text: str) -> str:
    if p.open_end:
        return f'"{text}" ({p.start} onward)'
    if p.open_start:
        return f'"{text}" (up to {p.end})'
    if p.start == p.end:
        return f'"{text}" ({p.start})'
    return f'"{text}" ({p.start} to {p.end})'


def _internal_datelines(target: Document, claims: list[Claim]) -> list[Finding]:
    lines = [c for c in claims if c.subject == DATELINE_SUBJECT and c.period is not None]
    out: list[Finding] = []
    if len(lines) < 2:
        return out
    first = lines[0]
    for other in lines[1:]:
        assert first.period is not None and other.period is not None
        if other.period.start == first.period.start:
            continue
        out.append(
            make_finding(
                "date", "internal", "high",
                f'The document carries two datelines: "{first.text}" and "{other.text}".',
                other, (first,), sentence_text=_sentence_text(target, other),
            )
        )
    return out


def find_date_findings(
    target: Document,
    target_claims: list[Claim],
    sources: list[tuple[Document, list[Claim]]],
) -> list[Finding]:
    """Date conflicts of ``target`` against ``sources``, and its internal dateline clashes."""
    t_dates = [c for c in target_claims if c.category == "date" and c.period is not None]
    findings = _internal_datelines(target, t_dates)
    events = [c for c in t_dates if c.subject != DATELINE_SUBJECT]
    s_dates = [
        (doc, c)
        for doc, cl in sources
        for c in cl
        if c.category == "date" and c.period is not None and c.subject != DATELINE_SUBJECT
    ]
    weekdays = _WEEKDAY.search(target.text) is not None
    quarters = _QUARTER_NAMED.search(target.text) is not None
    if not weekdays and not quarters and (not events or not s_dates):
        return findings + _unsupported_years(target, events, s_dates, sources)
    common = common_stems([target, *(d for d, _ in sources)])
    if weekdays:
        findings += _weekday_conflicts(target, sources, common)
    if _QUARTER_NAMED.search(target.text) is not None:
        findings += _weekday_conflicts(target, sources, common, (_QUARTER_NAMED, _QUARTER_ANY))
    if not events or not s_dates:
        return findings + _unsupported_years(target, events, s_dates, sources)
    t_keys = [event_key(c.subject.split(), common) for c in events]
    s_keys = [event_key(c.subject.split(), common) for _, c in s_dates]
    overlap = SparseOverlap(t_keys, s_keys)
    unmatched: list[Claim] = []
    for i, claim in enumerate(events):
        r = overlap.row(i)
        ok = (r.shared >= MIN_SHARED) & (r.coef >= MIN_OVERLAP)
        # a date a figure is compared with ("down from $2.39 in the third quarter
        # of 2019") dates no event of its sentence: neither support nor evidence
        matched = [
            j for j in r.ranked(ok, (-r.coef, -r.shared)) if not comparison_base(*s_dates[j])
        ]
        assert claim.period is not None
        # the same event dated compatibly anywhere in the sources settles it
        if any(_overlaps(s_dates[j][1], claim.period) for j in matched):
            continue
        candidates = [j for j in matched if comparable(claim, s_dates[j][1])]
        if not candidates:
            unmatched.append(claim)
            continue
        # a span is best evidenced by a span: "since September" rather than the
        # "on Friday" it was announced, when both describe the same event
        spans = [j for j in candidates if _is_span(s_dates[j][1]) == _is_span(claim)]
        _, best = s_dates[(spans or candidates)[0]]
        assert best.period is not None
        findings.append(
            make_finding(
                "date", "conflict", "high",
                f"Summary dates this {_describe(claim.period, claim.text)}; "
                f"the source says {_describe(best.period, best.text)}.",
                claim, (best,), sentence_text=_sentence_text(target, claim),
            )
        )
    return findings + _unsupported_years(target, unmatched, s_dates, sources)


def _unsupported_years(
    target: Document,
    claims: list[Claim],
    s_dates: list[tuple[Document, Claim]],
    sources: list[tuple[Document, list[Claim]]],
) -> list[Finding]:
    """Dates naming a year that no source date reaches and no source text writes."""
    written: set[str] = set()
    for doc, _ in sources:
        written.update(_YEAR.findall(doc.text))
    out: list[Finding] = []
    for claim in claims:
        assert claim.period is not None
        years = _YEAR.findall(claim.text)
        if claim.period.granularity == "years":
            # a span of years states both ends: "2016-17" needs a 2017 somewhere
            missing = sorted({claim.period.start[:4], claim.period.end[:4]} - written)
        else:
            missing = [] if any(y in written for y in years) else sorted(set(years))
        if not missing:
            continue
        if any(_overlaps(c, claim.period) for _, c in s_dates):
            continue
        out.append(
            make_finding(
                "date", "unsupported", "medium",
                f"No source gives {_describe(claim.period, claim.text)}: "
                f"no source mentions {' or '.join(missing)}.",
                claim, (), sentence_text=_sentence_text(target, claim),
            )
        )
    return out


_WEEKDAY = re.compile(
    r"\b(?:(?:on|last|this|next)\s)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?!s\b)\b(?:\s(morning|afternoon|evening|night))?",
    re.IGNORECASE,
)
# "the second quarter": a quarter named without its year (one with its year is
# a date), compared like a weekday among passages about the same event; in the
# sources every quarter counts, with its year or not
_QUARTER_ANY = re.compile(r"\b(first|second|third|fourth)[-\s]quarter(?!\w)()", re.IGNORECASE)
_QUARTER_NAMED = re.compile(
    r"\b(first|second|third|fourth)[-\s]quarter(?!\w)(?!,?\s+(?:of\s+|in\s+)?"
    r"(?:(?:fiscal(?:\s+year)?|FY)\s*)?(?:19|20)\d\d)()",
    re.IGNORECASE,
)
_CLAUSE_BREAKS = (";", ":", "—", "(", ")")
WEEKDAY_BEFORE = 90  # characters of the clause before the weekday that name its event
WEEKDAY_AFTER = 40
WEEKDAY_SHARED = 2
# An article names a handful of weekdays; past this many, a text is no article
# and its weekdays are not compared (all-against-all matching is quadratic).
MAX_WEEKDAYS = 400
WEEKDAY_OVERLAP = 0.5


@dataclass(frozen=True)
class _Weekday:
    doc: Document
    claim: Claim
    day: str
    key: list[str]
    part: str = ""  # morning|afternoon|evening|night, when written

    def agrees(self, other: _Weekday) -> bool:
        """Same day, and the same part of it when both say which."""
        return self.day == other.day and (
            not self.part or not other.part or self.part == other.part
        )


def _weekdays(
    doc: Document, common: frozenset[str], rx: re.Pattern[str] = _WEEKDAY
) -> list[_Weekday]:
    out: list[_Weekday] = []
    for sent in doc.sentences:
        found = list(rx.finditer(sent.text))
        for k, m in enumerate(found):
            # a sentence may date several steps ("seven by Monday evening; 14 on
            # Tuesday night"): each weekday's words stop at its neighbours
            lo = found[k - 1].end() if k else 0
            hi = found[k + 1].start() if k + 1 < len(found) else len(sent.text)
            window = _words_around(sent.text, m.start(), m.end(), lo, hi)
            key = event_key(content_stems(window), common)
            a, b = sent.start + m.start(), sent.start + m.end()
            claim = Claim(doc=doc.id, category="date", text=doc.text[a:b], start=a, end=b,
                          sentence=sent.index, subject=" ".join(key))
            out.append(_Weekday(doc, claim, m.group(1).lower(), key, (m.group(2) or "").lower()))
            if len(out) == MAX_WEEKDAYS:
                return out
    return out


def _words_around(text: str, start: int, end: int, lo: int, hi: int) -> str:
    """The words of the clause around a span, within ``lo``..``hi``."""
    a, b = max(lo, start - WEEKDAY_BEFORE), min(hi, end + WEEKDAY_AFTER)
    cut = max(text.rfind(c, a, start) for c in _CLAUSE_BREAKS)
    a = max(a, cut + 1)
    nxt = [i for i in (text.find(c, end, b) for c in _CLAUSE_BREAKS) if i >= 0]
    b = min([b, *nxt])
    while 0 < a < start and text[a - 1].isalnum():
        a += 1
    while end < b < len(text) and text[b].isalnum():
        b -= 1
    return text[a:b]


def _weekday_conflicts(
    target: Document,
    sources: list[tuple[Document, list[Claim]]],
    common: frozenset[str],
    rx: tuple[re.Pattern[str], re.Pattern[str]] = (_WEEKDAY, _WEEKDAY),
) -> list[Finding]:
    """A weekday (or a year-less quarter: ``rx`` for the target and the sources)
    whose closely matching source passages all name another."""
    t_days = _weekdays(target, common, rx[0])
    s_days = [w for d, _ in sources for w in _weekdays(d, common, rx[1])]
    if not t_days or not s_days:
        return []
    overlap = SparseOverlap([w.key for w in t_days], [w.key for w in s_days])
    out: list[Finding] = []
    for i, w in enumerate(t_days):
        r = overlap.row(i)
        ok = (r.shared >= WEEKDAY_SHARED) & (r.coef >= WEEKDAY_OVERLAP)
        matched = r.ranked(ok, (-r.shared, -r.coef))
        if not matched or any(w.agrees(s_days[j]) for j in matched):
            continue
        best = s_days[matched[0]].claim
        out.append(make_finding(
            "date", "conflict", "medium",
            f'Summary dates this "{w.claim.text}"; the source says "{best.text}".',
            w.claim, (best,), sentence_text=_sentence_text(target, w.claim),
        ))
    return out
