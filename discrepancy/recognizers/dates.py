"""Dates and periods in news text, resolved to inclusive day intervals.

Spans are found by our own linear-time regexes (bounded repetition, no nested
quantifiers), then resolved:

* Absolute forms ("Jan 23, 2024", "mid-October", "between September 2022 and
  January 2023", "spring 2023") are resolved by our own code. It is a table
  lookup plus year inference, and it must produce *intervals* with a
  granularity; ``dateparser`` returns one datetime, has no notion of "mid-" or
  of periods, and its ``search_dates`` misreads figures such as "25-30" as 1930.
* Weekday names ("on Friday") and "N days/weeks/months/years ago" are
  resolved by our own few lines too: a weekday is the most recent such day on
  or before the reference date, and "ago" is calendar arithmetic. ``dateparser``
  did this once, but importing it and loading its language data cost about a
  second of every cold run, for two lookups a dozen lines of code can do.

A year-less date takes the year that puts it on or before the reference date
(an article's "since September" is the most recent September). The reference
is the dateline, else the latest explicit full date in the text.

A date's subject is the event stems of its clause (``text.words``).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache, lru_cache

from ..model import Claim, Document, Period
from ..text.wordlists import lines
from ..text.words import content_stems, stem, word_spans  # noqa: F401 (importers of old)
from .base import Context, Recognizer

OPEN_START = "0001-01-01"
OPEN_END = "9999-12-31"
HEAD_CHARS = 2000  # datelines sit above the story; further down a bare date is a caption
DATELINE_SUBJECT = "dateline"
SUBJECT_WINDOW = 12  # content words each side of a date that describe its event
_CLAUSE_BREAK = re.compile(
    r"[;:]|\s[—–]\s|\sthat\s|,\s(?=[a-z]{2,20}ing\b|(?:while|whereas|but)\s)"
)


# --------------------------------------------------------------------------- data


@cache
def _date_words() -> dict[str, dict[str, tuple[int, ...]]]:
    sections: dict[str, dict[str, tuple[int, ...]]] = {}
    current = ""
    for ln in lines("date_words.txt"):
        if ln.startswith("["):
            current = ln.strip("[]")
            sections[current] = {}
            continue
        word, *nums = ln.split()
        sections[current][word] = tuple(int(n) for n in nums)
    return sections


def _months() -> dict[str, int]:
    return {k: v[0] for k, v in _date_words()["month"].items()}


def _counts() -> dict[str, int]:
    return {k: v[0] for k, v in _date_words()["count"].items()}


# -------------------------------------------------------------------- regexes


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _cap_alt(words: list[str]) -> str:
    return _alt([w.capitalize() for w in words])


@cache
def _atom_re() -> re.Pattern[str]:
    month = _cap_alt(list(_months()))
    wd = _cap_alt(list(_date_words()["weekday"]))
    counts = _alt(list(_counts()))
    year = r"(?:19|20)\d\d"
    num = rf"(?:\d{{1,3}}|{counts}|{counts.title()})"
    patterns = [
        # "over the past two months", "in recent months"
        rf"(?P<recent>\b(?:(?:[Oo]ver|[Ii]n|[Dd]uring|[Ff]or|[Ww]ithin)\s+)?the\s+"
        rf"(?:past|last|previous)\s+(?:(?P<rc_n>{num})\s+(?:of\s+)?)?"
        rf"(?P<rc_u>days?|weeks?|months?|years?)\b"
        rf"|\b(?:[Ii]n\s+)?recent\s+(?P<rc_u2>days|weeks|months|years)\b)",
        rf"(?P<ago>\b(?P<ago_n>{num})\s+(?:of\s+)?(?P<ago_u>days?|weeks?|months?|years?)"
        rf"\s+ago\b)",
        r"(?P<lu>\b(?P<lu_mod>[Ll]ast|[Tt]his|[Nn]ext|[Ee]arlier\s+this|[Ll]ater\s+this)\s+"
        r"(?P<lu_u>weekend|week|month|year)\b)",
        rf"(?P<iso>\b{year}-[01]\d-[0-3]\d\b)",
        rf"(?P<mdy>\b(?:(?:{wd}),?\s+)?(?P<mdy_m>{month})\.?\s+(?P<mdy_d>[0-3]?\d)"
        rf"(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|million|billion|[-–]\d))"
        rf"(?:,?\s+(?P<mdy_y>{year})\b)?)",
        rf"(?P<wd>\b(?:(?P<wd_mod>[Ll]ast|[Tt]his|[Pp]ast)\s+)?(?P<wd_name>{wd})\b)",
        rf"(?P<dmy>\b(?P<dmy_d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmy_m>{month})\b\.?"
        rf"(?:,?\s+(?P<dmy_y>{year})\b)?)",
        rf"(?P<pm>(?:\b(?P<part>[Ee]arly|[Mm]id|[Ll]ate)[-–\s]|\b(?:[Tt]he\s+)?"
        rf"(?P<part2>beginning|start|middle|end)\s+of\s+)?\b(?P<pm_m>{month})\b\.?"
        rf"(?:,?\s+(?:of\s+)?(?P<pm_y>{year})\b)?)",
        rf"(?P<season>\b(?:(?P<s_mod>[Ee]arly|[Ll]ate|[Ll]ast|[Tt]his|[Nn]ext)\s+)?"
        rf"(?P<s_name>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\b"
        rf"(?:\s+(?:of\s+)?(?P<s_y>{year})\b)?)",
        rf"(?P<mid_year>\b(?:[Ee]arly|[Mm]id|[Ll]ate)[-–\s](?P<my_y>{year})\b)",
        # "Q4 2020", "the fourth quarter of fiscal 2020", "first-half 2021", "H2 2022"
        rf"(?P<qtr>\b(?:(?P<q_code>[Qq][1-4]|[1-4]Q|[Hh][12])\b"
        rf"|(?P<q_word>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth)[-\s](?P<q_unit>quarter|half)\b)"
        rf"(?:,?\s+(?:of\s+|in\s+)?(?:(?:[Ff]iscal(?:\s+[Yy]ear)?|FY)\s*)?(?P<q_y>{year})\b)?)",
        # "the 2016-17 season", "2007-2011", "2019/20": a span of years
        rf"(?P<yrange>\b(?P<yr_a>{year})[-–/](?P<yr_b>(?:19|20)?\d\d)\b(?![-–/.,]\d))",
        rf"(?P<year>\b{year}\b)(?!\s*(?:%|percent)|[,.]\d)",
        r"(?P<rel>\b(?:[Yy]esterday|[Tt]oday|[Tt]onight)\b)",
    ]
    # Every branch starts at a word boundary; saying so once, behind a cheap
    # lookahead, lets the engine skip mid-word positions without trying the
    # twelve branches at each (2.5x faster on news text).
    return re.compile(r"(?=[A-Za-z0-9])\b(?:" + "|".join(patterns) + ")")


_PREV_WORD = re.compile(r"([A-Za-z]{1,12})[\s,]{1,3}$")
# "in 2020", "and 2022": a bare four-digit number is a year only after these
_YEAR_PREV = frozenset(
    "in since by until till from between through during of and or to before after around "
    "early late mid year since throughout circa".split()
)
_AMBIGUOUS_MONTHS = frozenset({"May", "March", "Mar", "Jan", "Dec", "Aug", "Sept", "Sep", "Oct"})
_MONTH_PREV = frozenset(
    "in since by until till from between through during of and or to before after early late "
    "mid last this next until around".split()
)
_SEASON_PREV = frozenset(
    "in the this last since by during until through of early late next".split()
)
_SEASON_NOUN_NEXT = re.compile(
    r"\s(?!(?:of|and|or|when|as|to|in|on|at|for|with|before|after|until|is|was|has|had)\b)"
    r"[a-z]{2,20}\b"
)
_PRE = re.compile(
    r"\b(?P<kw>[Bb]etween|[Ff]rom|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Bb]efore|[Aa]fter|[Aa]s\s+of"
    r"|[Ss]tarting\s+in|[Tt]hrough)\s+(?:the\s+)?$"
)
_ABBREV_DOT = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.$")
_ARTICLE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]heir|[Ii]ts)\s+(?:[A-Za-z\-]{1,20}\s+)?$")
_JOIN = re.compile(r"\s*(?:and|to|until|till|through|-|–|—)\s*")
_BARE_JOIN = re.compile(r"\s*(?:to|until|through|-|–)\s*")


# ------------------------------------------------------------------ atoms


@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    first: date
    last: date
    granularity: str
    kind: str  # day|month|season|year|relative
    has_year: bool
    # how to re-resolve a year-less atom in a range: (month, day_lo, day_hi) or season
    spec: tuple[int, ...] = ()


def _month_len(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return date(y, m + 1, min(d.day, _month_len(y, m + 1)))


def _month_part(y: int, m: int, lo: int, hi: int) -> tuple[date, date]:
    n = _month_len(y, m)
    return date(y, m, min(lo, n)), date(y, m, min(hi, n))


def _season(y: int, m1: int, m2: int) -> tuple[date, date]:
    first = date(y, m1, 1)
    y2 = y + 1 if m2 < m1 else y
    return first, date(y2, m2, _month_len(y2, m2))


def _pick_year(make: object, ref: date) -> int:
    """Year that puts a year-less date on or before the reference."""
    assert callable(make)
    first, _ = make(ref.year)
    return ref.year if first <= ref else ref.year - 1


def _weekday_on_or_before(name: str, ref: date) -> date | None:
    """The most recent ``name`` day on or before ``ref`` ("Friday" in a Tuesday story)."""
    wd = _date_words()["weekday"].get(name.lower().rstrip("."))
    if wd is None:
        return None
    return ref - timedelta(days=(ref.weekday() - wd[0]) % 7)


def _ago(n: int, unit: str, ref: date) -> date:
    """``ref`` minus ``n`` units, the day clamped to the target month's length."""
    if unit == "day":
        return ref - timedelta(days=n)
    if unit == "week":
        return ref - timedelta(days=7 * n)
    if unit == "month":
        return _add_months(ref, -n)
    y = ref.year - n
    return date(y, ref.month, min(ref.day, _month_len(y, ref.month)))


def _prev_word(text: str, pos: int) -> str:
    m = _PREV_WORD.search(text, max(0, pos - 16), pos)
    return m.group(1).lower() if m else ""


def _atom(m: re.Match[str], text: str, ref: date | None) -> _Atom | None:  # noqa: C901
    g = m.groupdict()
    a, b = m.start(), m.end()
    months = _months()
    if g["iso"]:
        try:
            d = date.fromisoformat(g["iso"])
        except ValueError:
            return None
        return _Atom(a, b, d, d, "day", "day", True)
    if g["mdy"] or g["dmy"]:
        pre = "mdy" if g["mdy"] else "dmy"
        mon = months[g[f"{pre}_m"].lower()]
        day = int(g[f"{pre}_d"])
        yr = g[f"{pre}_y"]
        if not 1 <= day <= 31:
            return None
        if yr is None:
            if ref is None:
                return None
            y = ref.year if (mon, day) <= (ref.month, ref.day) else ref.year - 1
        else:
            y = int(yr)
        if day > _month_len(y, mon):
            return None
        d = date(y, mon, day)
        return _Atom(a, b, d, d, "day", "day", yr is not None, (mon, day, day))
    if g["pm"]:
        name = g["pm_m"]
        part = (g["part"] or g["part2"] or "").lower()
        if not part and not g["pm_y"]:
            if name in _AMBIGUOUS_MONTHS and _prev_word(text, a) not in _MONTH_PREV:
                return None  # "may become", "march on"
            if _ARTICLE_BEFORE.search(text, max(0, a - 30), a):
                return None  # "a record-hot July", "a wet March": a description
        mon = months[name.lower()]
        lo, hi = _date_words()["part"].get(part, (1, 31))
        if g["pm_y"]:
            y = int(g["pm_y"])
        elif ref is None:
            return None
        else:
            y = _pick_year(lambda yy: _month_part(yy, mon, lo, hi), ref)
        first, last = _month_part(y, mon, lo, hi)
        return _Atom(a, b, first, last, "month", "month", g["pm_y"] is not None, (mon, lo, hi))
    if g["season"]:
        mod = (g["s_mod"] or "").lower()
        if not mod and not g["s_y"]:
            prev = _prev_word(text, a)
            if prev not in _SEASON_PREV:
                return None  # "prices fall"
            if prev == "the" and _SEASON_NOUN_NEXT.match(text, b):
                return None  # "the autumn harvest": a season used as an adjective
        m1, m2 = _date_words()["season"][g["s_name"].lower()]
        if g["s_y"]:
            y = int(g["s_y"])
        elif ref is None:
            return None
        elif mod == "next":
            y = ref.year if date(ref.year, m1, 1) > ref else ref.year + 1
        else:
            y = _pick_year(lambda yy: _season(yy, m1, m2), ref)
            if mod == "last" and _season(y, m1, m2)[1] >= ref:
                y -= 1
        first, last = _season(y, m1, m2)
        return _Atom(a, b, first, last, "season", "season", g["s_y"] is not None, (m1, m2))
    if g["qtr"]:
        return _quarter_atom(g, a, b)
    if g["yrange"]:
        first_year = int(g["yr_a"])
        last_year = _range_end(first_year, g["yr_b"])
        if last_year is None:
            return None
        return _Atom(a, b, date(first_year, 1, 1), date(last_year, 12, 31), "years", "year", True)
    if g["mid_year"]:
        y = int(g["my_y"])
        return _Atom(a, b, date(y, 1, 1), date(y, 12, 31), "year", "year", True)
    if g["year"]:
        if _prev_word(text, a) not in _YEAR_PREV:
            return None  # "2000 troops" is a count, not a year
        y = int(g["year"])
        return _Atom(a, b, date(y, 1, 1), date(y, 12, 31), "year", "year", True)
    if ref is None:
        return None
    return _relative_atom(g, a, b, ref)


YEAR_SPAN_MAX = 50  # "2016-24" is a span; "1990-2070" is no season of anything


def _range_end(first: int, written: str) -> int | None:
    """The last year of "2016-17" (2017), "2016-2017", "1999-00" (2000)."""
    if len(written) == 4:
        last = int(written)
    else:
        last = first - first % 100 + int(written)
        if last < first:
            last += 100
    return last if first < last <= first + YEAR_SPAN_MAX else None


def _quarter_atom(g: dict[str, str | None], a: int, b: int) -> _Atom | None:
    """A quarter or half of a year with its year. A year-less one is no date: "the
    first quarter" is as often a game's as a company's, and "Q3" may name a chip."""
    if g["q_y"] is None:
        return None
    words = _date_words()
    code = (g["q_code"] or "").lower()
    if code:
        section = "half" if code.startswith("h") else "quarter"
        months = words[section].get(code)
    else:
        section = (g["q_unit"] or "").lower()
        months = words[section].get((g["q_word"] or "").lower())
    if months is None:
        return None
    m1, m2 = months
    first, last = _season(int(g["q_y"]), m1, m2)
    return _Atom(a, b, first, last, section, "season", True, (m1, m2))


def _relative_atom(g: dict[str, str | None], a: int, b: int, ref: date) -> _Atom | None:
    counts = _counts()

    def count(word: str | None, default: int = 1) -> int:
        if not word:
            return default
        w = word.lower()
        return int(w) if w.isdigit() else counts.get(w.split()[0], default)

    if g["rel"]:
        word = (g["rel"] or "").lower()
        d = ref - timedelta(days=1) if word == "yesterday" else ref
        return _Atom(a, b, d, d, "day", "relative", True)
    if g["wd"]:
        d = _weekday_on_or_before(g["wd_name"] or "", ref)
        if d is None:
            return None
        if (g["wd_mod"] or "").lower() == "last" and d == ref:
            d -= timedelta(days=7)
        return _Atom(a, b, d, d, "day", "relative", True)
    if g["ago"]:
        n = count(g["ago_n"])
        unit = (g["ago_u"] or "").rstrip("s")
        d = _ago(n, unit, ref)
        if unit == "month":
            first = date(d.year, d.month, 1)
            last = date(d.year, d.month, _month_len(d.year, d.month))
            return _Atom(a, b, first, last, "month", "relative", True)
        if unit == "year":
            return _Atom(a, b, date(d.year, 1, 1), date(d.year, 12, 31), "year", "relative", True)
        if unit == "week":
            monday = d - timedelta(days=d.weekday())
            return _Atom(a, b, monday, monday + timedelta(days=6), "relative", "relative", True)
        return _Atom(a, b, d, d, "day", "relative", True)
    if g["lu"]:
        mod = " ".join((g["lu_mod"] or "").lower().split())
        unit = g["lu_u"] or ""
        first, last = _calendar_unit(unit, mod, ref)
        return _Atom(a, b, first, last, "relative", "relative", True)
    if g["recent"]:
        unit = (g["rc_u"] or g["rc_u2"] or "").rstrip("s")
        if g["rc_u2"]:
            n = {"day": 7, "week": 6, "month": 6, "year": 5}[unit]
            unit = "day" if unit == "day" else unit
            if unit == "day":
                return _Atom(a, b, ref - timedelta(days=n), ref, "relative", "relative", True)
        else:
            n = count(g["rc_n"])
        if unit == "day":
            first = ref - timedelta(days=n)
        elif unit == "week":
            first = ref - timedelta(days=7 * n)
        elif unit == "month":
            first = _add_months(ref, -n)
        elif unit == "decade":
            first = date(ref.year - 10 * n, ref.month, min(ref.day, 28))
        else:
            first = date(ref.year - n, ref.month, min(ref.day, 28))
        return _Atom(a, b, first, ref, "relative", "relative", True)
    return None


def _calendar_unit(unit: str, mod: str, ref: date) -> tuple[date, date]:
    if unit in ("week", "weekend"):
        monday = ref - timedelta(days=ref.weekday())
        if mod == "last":
            monday -= timedelta(days=7)
        elif mod == "next":
            monday += timedelta(days=7)
        if unit == "weekend":
            sat = monday + timedelta(days=5)
            return sat, sat + timedelta(days=1)
        end = monday + timedelta(days=6)
        return monday, (min(end, ref) if mod in ("this", "earlier this") else end)
    if unit == "month":
        first = date(ref.year, ref.month, 1)
        if mod == "last":
            first = _add_months(first, -1)
        elif mod == "next":
            first = _add_months(first, 1)
        last = date(first.year, first.month, _month_len(first.year, first.month))
        if mod == "earlier this":
            last = ref
        elif mod == "later this":
            first = ref
        return first, last
    y = ref.year - 1 if mod == "last" else ref.year + 1 if mod == "next" else ref.year
    first, last = date(y, 1, 1), date(y, 12, 31)
    if mod == "earlier this":
        last = ref
    elif mod == "later this":
        first = ref
    return first, last


def _reresolve(atom: _Atom, year: int) -> _Atom:
    """A year-less atom in a range takes its year from the other end."""
    if atom.has_year or not atom.spec:
        return atom
    if atom.kind == "season":
        first, last = _season(year, atom.spec[0], atom.spec[1])
    else:
        mon, lo, hi = atom.spec
        if hi > _month_len(year, mon) and lo == hi:
            return atom
        first, last = _month_part(year, mon, lo, hi)
    return _Atom(atom.start, atom.end, first, last, atom.granularity, atom.kind, True, atom.spec)


# The reference date and the dates themselves are read from the same text;
# scanning it once serves both. Few entries: a cached scan holds its text.
@lru_cache(maxsize=8)
def _atom_matches(text: str) -> tuple[re.Match[str], ...]:
    return tuple(_atom_re().finditer(text))


def _atoms(text: str, ref: date | None) -> list[_Atom]:
    out = []
    for m in _atom_matches(text):
        at = _atom(m, text, ref)
        if at is None:
            continue
        if text[at.end - 1] == "." and _ABBREV_DOT.search(text, at.start, at.end) is None:
            # the full stop ends the sentence; only "Jan." owns its dot
            at = replace(at, end=at.end - 1)
        out.append(at)
    return out


# -------------------------------------------------------------- reference


# A dateline is a short line. Looking no further than this for its ends keeps a
# long line of many dates linear (the whole line was scanned once per date).
_DATELINE_REACH = 80


def _is_dateline(text: str, atom: _Atom) -> bool:
    if atom.kind != "day" or not atom.has_year:
        return False
    ls = text.rfind("\n", max(0, atom.start - _DATELINE_REACH), atom.start) + 1
    if ls == 0 and atom.start > _DATELINE_REACH:
        return False
    le = text.find("\n", atom.end, atom.end + _DATELINE_REACH)
    if le < 0:
        if len(text) > atom.end + _DATELINE_REACH:
            return False
        le = len(text)
    line = text[ls:le].strip().rstrip(".")
    inner = text[atom.start:atom.end]
    rest = line.replace(inner, "", 1).strip(" |-–—:")
    # "Updated Jan 23, 2024" and "By AiBot | Jan 23, 2024" still date the story
    return not rest or rest.lower() in {"updated", "published", "posted"}


def _full_date_atoms(text: str) -> list[_Atom]:
    return [a for a in _atoms(text, None) if a.kind == "day" and a.has_year]


def datelines(doc: Document) -> list[tuple[int, int, date]]:
    """(start, end, date) of every line that holds only a full date."""
    return [
        (a.start, a.end, a.first)
        for a in _full_date_atoms(doc.text)
        if _is_dateline(doc.text, a)
    ]


def reference_date(doc: Document) -> date | None:
    """The story's date: the last dateline near the top, else the latest full date in the text.

    The last head dateline is the one sitting right above the story; an earlier
    one is usually the site's own publishing stamp.
    """
    full = _full_date_atoms(doc.text)
    head = [a.first for a in full if a.start < HEAD_CHARS and _is_dateline(doc.text, a)]
    if head:
        return head[-1]
    return max((a.first for a in full), default=None)


# -------------------------------------------------------------- extraction


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    period: Period
    dateline: bool = False


def _period(first: date, last: date, gran: str, open_start: bool = False,
            open_end: bool = False) -> Period:
    return Period(
        start=OPEN_START if open_start else first.isoformat(),
        end=OPEN_END if open_end and last == date.max else last.isoformat(),
        granularity=gran,
        open_start=open_start,
        open_end=open_end,
    )


def _combine(text: str, atoms: list[_Atom], ref: date | None) -> list[_Span]:
    spans: list[_Span] = []
    i = 0
    while i < len(atoms):
        at = atoms[i]
        pre = _PRE.search(text, max(0, at.start - 24), at.start)
        kw = " ".join(pre.group("kw").lower().split()) if pre else ""
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        between = text[at.end:nxt.start] if nxt else ""
        absolute = at.kind != "relative" and nxt is not None and nxt.kind != "relative"
        joined = nxt is not None and (
            (kw in ("between", "from") and _JOIN.fullmatch(between) is not None)
            or (absolute and _BARE_JOIN.fullmatch(between) is not None)
        )
        if joined and nxt is not None:
            left, right = at, nxt
            if not left.has_year and right.has_year:
                left = _reresolve(at, right.last.year)
                if left.first > right.last:
                    left = _reresolve(at, right.last.year - 1)
            elif left.has_year and not right.has_year:
                right = _reresolve(nxt, left.first.year)
                if right.last < left.first:
                    right = _reresolve(nxt, left.first.year + 1)
            start = pre.start("kw") if pre and kw in ("between", "from") else at.start
            gran = left.granularity if left.granularity == right.granularity else "day"
            spans.append(_Span(start, right.end, _period(left.first, right.last, gran)))
            i += 2
            continue
        if kw in ("since", "after", "starting in") and pre is not None:
            first = at.first if kw != "after" else at.last + timedelta(days=1)
            end = max(ref, at.last) if ref is not None else date.max
            spans.append(_Span(pre.start("kw"), at.end,
                               _period(first, end, "open", open_end=True)))
        elif kw in ("by", "until", "till", "before", "as of", "through") and pre is not None:
            last = at.first - timedelta(days=1) if kw == "before" else at.last
            spans.append(_Span(pre.start("kw"), at.end,
                               _period(at.first, last, "open", open_start=True)))
        else:
            spans.append(_Span(at.start, at.end, _period(at.first, at.last, at.granularity),
                               dateline=_is_dateline(text, at)))
        i += 1
    return spans


class _SentenceIndex:
    """A sentence's content-word starts and clause breaks, found once per sentence:
    per date they made a long line of many dates quadratic."""

    def __init__(self, text: str, sentence_start: int, words: list[tuple[int, int, str]]):
        self.starts = [w[0] for w in words]
        found = [(sentence_start + m.start(), sentence_start + m.end())
                 for m in _CLAUSE_BREAK.finditer(text)]
        self.break_starts = [a for a, _ in found]
        self.break_ends = [b for _, b in found]  # ascending too: matches do not overlap


def _subject(text: str, sentence_start: int, words: list[tuple[int, int, str]],
             span: _Span, prev_end: int = 0, next_start: int = 1 << 60,
             index: _SentenceIndex | None = None) -> str:
    """Content stems of the clause around the date: what happened then.

    ``words`` are the sentence's content words with every date span already
    removed, computed once per sentence so many dates in one sentence stay cheap;
    ``index`` (of the same sentence and words) likewise.
    """
    from bisect import bisect_left, bisect_right

    index = index or _SentenceIndex(text, sentence_start, words)
    starts = index.starts
    # A clause ends at ";", ":" or a dash; "X said that <clause>" starts one; a
    # trailing ", helping ..." participle opens a new one. A date describes its clause.
    # lo: the end of the last break ending before the date; hi: the first break
    # starting after it (a break overlapping the date is neither).
    lo, hi = sentence_start, sentence_start + len(text)
    k = bisect_right(index.break_ends, span.start)
    if k:
        lo = index.break_ends[k - 1]
    k = bisect_left(index.break_starts, span.end)
    if k < len(index.break_starts):
        hi = index.break_starts[k]
    # "212 at the end of March and 301 by April 14, before the total reached 386
    # this week", "due to start in spring 2026, with the first trains expected in
    # 2030": news puts the event before its date, so the words between two dates
    # describe the later one
    lo = max(lo, prev_end)
    i_lo, i_span = bisect_left(starts, lo), bisect_left(starts, span.start)
    if next_start < hi and i_span > i_lo:
        hi = span.end  # unless the date opens its clause: "At the end of March, X counted"
    i_end, i_hi = bisect_left(starts, span.end), bisect_left(starts, hi)
    before = [w[2] for w in words[max(i_lo, i_span - SUBJECT_WINDOW):i_span]]
    after = [w[2] for w in words[i_end:min(i_hi, i_end + SUBJECT_WINDOW)]]
    return " ".join(before + after)


def _inside(pos: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    from bisect import bisect_right

    i = bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def extract_dates(doc: Document, reference: date | None = None) -> list[Claim]:
    """Every date and period in ``doc`` as a "date" Claim with a resolved Period.

    Standalone date lines get subject ``"dateline"``; other claims get the
    content stems of their clause as subject, for matching events.
    """
    from bisect import bisect_left

    ref = reference if reference is not None else reference_date(doc)
    text = doc.text
    spans = _combine(text, _atoms(text, ref), ref)
    all_spans = sorted((s.start, s.end) for s in spans)
    span_starts = [a for a, _ in all_spans]
    cache: dict[int, tuple[list[tuple[int, int, str]], tuple[str, ...], _SentenceIndex]] = {}
    claims: list[Claim] = []
    for sp in spans:
        sent = doc.sentence_at(sp.start)
        s_start, s_end = (sent.start, sent.end) if sent else (sp.start, sp.end)
        if s_start not in cache:
            every = word_spans(text[s_start:s_end], s_start)
            kept = [w for w in every if not _inside(w[0], all_spans, span_starts)]
            cache[s_start] = (
                kept, tuple(w[2] for w in every),
                _SentenceIndex(text[s_start:s_end], s_start, kept),
            )
        words, context, index = cache[s_start]
        if sp.dateline:
            subject = DATELINE_SUBJECT
        else:
            k = bisect_left(span_starts, sp.start)
            prev_end = all_spans[k - 1][1] if k > 0 else 0
            next_start = all_spans[k + 1][0] if k + 1 < len(all_spans) else len(text)
            subject = _subject(text[s_start:s_end], s_start, words, sp, prev_end, next_start,
                               index)
        claims.append(
            Claim(
                doc=doc.id,
                category="date",
                text=text[sp.start:sp.end],
                start=sp.start,
                end=sp.end,
                sentence=sent.index if sent else 0,
                subject=subject,
                period=sp.period,
                context=context,
            )
        )
    return claims


# "up 12% from the third quarter of 2019", "an increase of 170% over the
# pre-pandemic first quarter of 2019", "compared with 2020": the date a figure is
# measured against, not the date of the event the sentence reports.
_COMPARED_WITH = re.compile(
    r"(?:\bfrom|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bthan|\brelative\s+to"
    r"|\bagainst|%\s+over|\b(?:increase|decrease|rise|growth|gain|decline|drop)\s+over)"
    r"\s+(?:[\w'’$.,-]+\s+){0,5}$",
    re.IGNORECASE,
)
COMPARED_WINDOW = 60  # characters before a date searched for a comparison cue
# a base is what a figure moved from: a number, or a word of change, is near
_FIGURE_MARK = re.compile(r"[\d$€£¥%]|\b(?:up|down|rose|fell|increased|decreased)\b", re.I)


def comparison_cue(doc: Document, claim: Claim) -> int | None:
    """Where the cue starts when a date is what a figure is compared with in its
    sentence ("from $2.39 in the third quarter of 2019"), else None."""
    sent = doc.sentences[claim.sentence] if 0 <= claim.sentence < len(doc.sentences) else None
    lo = max(claim.start - COMPARED_WINDOW, sent.start if sent else 0)
    m = _COMPARED_WITH.search(doc.text, lo, claim.start)
    if m is None:
        return None
    phrase = doc.text[max(lo, m.start() - 25):claim.start]
    if doc.text[m.start():m.start() + 4].lower() == "from" and not _FIGURE_MARK.search(phrase):
        return None  # "arrived from the Atlantic on Sunday": a place, not a base
    return m.start()


def comparison_base(doc: Document, claim: Claim) -> bool:
    return comparison_cue(doc, claim) is not None


class DateRecognizer(Recognizer):
    """Dates and periods, resolved against the story's own date."""

    name = "dates"
    category = "date"

    def recognize(self, doc: Document, context: Context) -> list[Claim]:
        return extract_dates(doc, reference_date(doc))
