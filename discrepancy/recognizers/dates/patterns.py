"""The date patterns: one linear-time regex of every date form (bounded
repetition, no nested quantifiers), and the cues around a match."""

from __future__ import annotations

import re
from functools import cache

from .vocabulary import _AMBIGUOUS_MONTHS, _counts, _date_words, _months


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _cap_alt(words: list[str]) -> str:
    return _alt([w.capitalize() for w in words])


def _initials(words: list[str]) -> str:
    """The first characters of ``words``, for a character class."""
    return "".join(sorted({w[0] for w in words}))


# "Aug. 11-12, 2018": a run of days of one month, with its year (without one, "May
# 5-7" may be a score or a range of anything)
_DAYS = r"(?:[-–](?P<mdy_d2>[0-3]?\d)(?=,?\s+(?:19|20)\d\d\b))?"


def _numeric_branches(year: str) -> list[tuple[str, str]]:
    return [
        ("12", rf"(?P<iso>\b{year}-[01]\d-[0-3]\d\b)"),
        # "14.01.2021": day first, as every dotted form in the news writes it (the
        # US writes slashes); not inside a longer dotted run such as a version
        ("0-3",
         rf"(?P<dotted>(?<![\d.])\b(?P<dt_d>[0-3]?\d)\.(?P<dt_m>[01]?\d)\.(?P<dt_y>{year})\b"
         rf"(?![.,]?\d))"),
    ]


def _branches() -> list[tuple[str, str]]:
    """Every branch of the date pattern, after the character class of the first
    characters it can match (each branch starts at its own word boundary)."""
    months, days = list(_months()), list(_date_words()["weekday"])
    month, wd = _cap_alt(months), _cap_alt(days)
    counts = _alt(list(_counts()))
    year = r"(?:19|20)\d\d"
    num = rf"(?:\d{{1,3}}|{counts}|{counts.title()})"
    # first characters of the names as the branches write them: capitalized only
    month_0 = _initials([w.capitalize() for w in months])
    wd_0 = _initials([w.capitalize() for w in days])
    num_0 = "0-9" + _initials(list(_counts())) + _initials([w.title() for w in _counts()])
    return [
        # "over the past two months", "in recent months"
        ("OoIiDdFfWwtr",
         rf"(?P<recent>\b(?:(?:[Oo]ver|[Ii]n|[Dd]uring|[Ff]or|[Ww]ithin)\s+)?the\s+"
         rf"(?:past|last|previous)\s+(?:(?P<rc_n>{num})\s+(?:of\s+)?)?"
         rf"(?P<rc_u>days?|weeks?|months?|years?)\b"
         rf"|\b(?:[Ii]n\s+)?recent\s+(?P<rc_u2>days|weeks|months|years)\b)"),
        (num_0,
         rf"(?P<ago>\b(?P<ago_n>{num})\s+(?:of\s+)?(?P<ago_u>days?|weeks?|months?|years?)"
         rf"\s+ago\b)"),
        ("LlTtNnEe",
         r"(?P<lu>\b(?P<lu_mod>[Ll]ast|[Tt]his|[Nn]ext|[Ee]arlier\s+this|[Ll]ater\s+this)\s+"
         r"(?P<lu_u>weekend|week|month|year)\b)"),
        *_numeric_branches(year),
        (wd_0 + month_0,
         rf"(?P<mdy>\b(?:(?:{wd}),?\s+)?(?P<mdy_m>{month})\.?\s+(?P<mdy_d>[0-3]?\d){_DAYS}"
         rf"(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|million|billion|[-–]\d))"
         rf"(?:\s?,?\s+(?P<mdy_y>{year})\b)?)"),
        ("LlTtPp" + wd_0,
         rf"(?P<wd>\b(?:(?P<wd_mod>[Ll]ast|[Tt]his|[Pp]ast)\s+)?(?P<wd_name>{wd})\b)"),
        ("0-9",  # "[0-3]?\d": "5 June" too
         rf"(?P<dmy>\b(?P<dmy_d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmy_m>{month})\b\.?"
         rf"(?:\s?,?\s+(?P<dmy_y>{year})\b)?)"),
        ("EeMmLlTtbsme" + month_0,
         rf"(?P<pm>(?:\b(?P<part>[Ee]arly|[Mm]id|[Ll]ate)[-–\s]|\b(?:[Tt]he\s+)?"
         rf"(?P<part2>beginning|start|middle|end)\s+of\s+)?\b(?P<pm_m>{month})\b\.?"
         rf"(?:,?\s+(?:of\s+)?(?P<pm_y>{year})\b)?)"),
        ("EeLlTtNnSsAaFfWw",
         rf"(?P<season>\b(?:(?P<s_mod>[Ee]arly|[Ll]ate|[Ll]ast|[Tt]his|[Nn]ext)\s+)?"
         rf"(?P<s_name>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\b"
         rf"(?:\s+(?:of\s+)?(?P<s_y>{year})\b)?)"),
        ("EeMmLl", rf"(?P<mid_year>\b(?:[Ee]arly|[Mm]id|[Ll]ate)[-–\s](?P<my_y>{year})\b)"),
        # "Q4 2020", "the fourth quarter of fiscal 2020", "first-half 2021", "H2 2022"
        ("QqHh1-4FfSsTt",
         rf"(?P<qtr>\b(?:(?P<q_code>[Qq][1-4]|[1-4]Q|[Hh][12])\b"
         rf"|(?P<q_word>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth)[-\s](?P<q_unit>quarter|half)\b)"
         rf"(?:,?\s+(?:of\s+|in\s+)?(?:(?:(?:[Ff]iscal(?:\s+[Yy]ear)?|FY)\s*)?(?P<q_y>{year})"
         rf"|FY\s?'?(?P<q_fy>\d\d))\b)?)"),
        # "FY21", "FY2021", "FY '21", "FY 2022-23" (named by its end): a fiscal year
        ("F", r"(?P<fy>\bFY\s?'?(?P<fy_y>(?:19|20)?\d\d)(?:[-–/](?P<fy_end>\d\d)(?!\d))?\b)"),
        # "the 2016-17 season", "2007-2011", "2019/20": a span of years
        # tokenised text spaces its dashes: "( 1991 -- 2000 ; 2007 -- 11 )"
        ("12",
         rf"(?P<yrange>\b(?P<yr_a>{year})(?:[-–/]|\s--?\s|\s[–—]\s)"
         rf"(?P<yr_b>(?:19|20)?\d\d)\b(?![-–/.,]\d))"),
        ("12", rf"(?P<year>\b{year}\b)(?!\s*(?:%|percent)|[,.]\d)"),
        ("YyTt", r"(?P<rel>\b(?:[Yy]esterday|[Tt]oday|[Tt]onight)\b)"),
    ]


@cache
def _atom_re() -> re.Pattern[str]:
    # Every branch starts at a word boundary; saying so once, behind a cheap
    # lookahead, lets the engine skip mid-word positions without trying the
    # twelve branches at each (2.5x faster on news text). At a word start, a
    # branch whose first characters the word does not start with is skipped
    # by one class test, not tried through its alternatives of names (2x
    # faster again); the class only restates what the branch matches, so the
    # matches are those of the bare branches (tests/test_dates.py).
    return re.compile(
        r"(?=[A-Za-z0-9])\b(?:" + "|".join(f"(?=[{f}]){b}" for f, b in _branches()) + ")"
    )


@cache
def _unguarded_atom_re() -> re.Pattern[str]:
    """The date pattern without the first-character classes (for the tests)."""
    return re.compile(r"(?=[A-Za-z0-9])\b(?:" + "|".join(b for _, b in _branches()) + ")")


# The literal words of the branches above: every date holds one of these, a
# month or weekday name, or a figure ``_NUMERIC_HINT`` finds. Kept in step with
# the branches (tests/test_dates_hints.py reads every branch's example).
_HINT_WORDS = (
    "day", "week", "month", "year", "tonight", "Tonight", "quarter", "half",
    "spring", "Spring", "summer", "Summer", "autumn", "Autumn", "fall", "Fall",
    "winter", "Winter", "FY",
)
# a year (also of "2016-17", "mid-2020", ISO dates) or a quarter/half code ("Q4", "1Q", "H2")
_NUMERIC_HINT = re.compile(r"(?:19|20)\d\d|[QqHh][1-4]|[1-4]Q")


@cache
def _date_hints() -> tuple[str, ...]:
    """Substrings one of which every match of ``_atom_re`` holds: the hint words,
    months by their first three letters ("Sept" holds "Sep"), weekday names; a
    hint holding a shorter one is left out ("Monday" holds "day")."""
    words = set(_HINT_WORDS) | {m.capitalize()[:3] for m in _months()}
    words |= {w.capitalize() for w in _date_words()["weekday"]}
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


def could_hold_date(cased: str) -> bool:
    """Whether ``cased`` (after ``month_case``) can hold a date at all. Most
    sentences hold none, and a few substring tests at C speed cost a tenth of
    the pattern, which tries a dozen branches at every word."""
    for hint in _date_hints():  # a plain loop: a generator costs more than the tests
        if hint in cased:
            return True
    return _NUMERIC_HINT.search(cased) is not None


# Without a reference date every atom names its own year: a relative form ("last
# week", "on Friday") resolves only against one, and so do a year-less day, month
# or season (``absolute``); a quarter needs its year or "FY21", a fiscal year its
# "FY". Four year digits (month_case changes no digit) or "FY" (it capitalizes a
# month's first letter only, never a "Y") are in every such match; most sentences
# hold neither, and one search spares them the hints and the pattern.
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")


def could_name_a_year(text: str) -> bool:
    """Whether ``text`` (before or after ``month_case``) can hold a date that
    resolves without a reference date."""
    return "FY" in text or _YEAR_DIGITS.search(text) is not None


_PREV_WORD = re.compile(r"([A-Za-z]{1,12})[\s,]{1,3}$")
_SEASON_NOUN_NEXT = re.compile(
    r"\s(?!(?:of|and|or|when|as|to|in|on|at|for|with|before|after|until|is|was|has|had)\b)"
    r"[a-z]{2,20}\b"
)
_PRE = re.compile(
    r"\b(?P<kw>[Bb]etween|[Ff]rom|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Bb]efore|[Aa]fter|[Aa]s\s+of"
    r"|[Ss]tarting\s+in|[Tt]hrough|[Pp]rior\s+to|[Pp]ast\s+the\s+end\s+of|[Bb]eyond)"
    r"\s+(?:(?:the|its|their)\s+)?$"
)
_ABBREV_DOT = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.$")
_ARTICLE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]heir|[Ii]ts)\s+(?:[A-Za-z\-]{1,20}\s+)?$")
# "from 1958/59 through to 1963/64", "from May right up to July"
_JOIN = re.compile(r"\s*(?:and|to|until|till|through(?: to)?|up to|-|–|—)\s*")
_BARE_JOIN = re.compile(r"\s*(?:to|until|through|-|–)\s*")


@cache
def _full_month_names() -> tuple[str, ...]:
    """Month names no other name extends ("june", not "jun"): the lower-case
    names ``month_case`` capitalizes."""
    names = list(_months())
    return tuple(n for n in names if not any(o != n and o.startswith(n) for o in names))


@cache
def _lower_month_re() -> re.Pattern[str]:
    """Month names written in lower case where they can only be dates: before a
    day or year ("june 16 , 1983"), or after a day ("16 june"; not "may", "march",
    which follow numbers as verbs: "the 3 may go")."""
    full = list(_full_month_names())
    verbs = {w.lower() for w in _AMBIGUOUS_MONTHS}
    after_day = [n for n in full if n not in verbs]
    return re.compile(rf"\b(?:{_alt(full)})(?=\s{{1,3}}\d)|(?<=\d\s)(?:{_alt(after_day)})\b")


def month_case(text: str) -> str:
    """``text`` with lower-case month names capitalized where they are dates.
    Lower-cased sources (CNN/Daily Mail, XSum) write "he did so on june 16 ,
    1983"; the date pattern reads capitalized names only, so that "may" and
    "march" stay verbs. Same length, so every offset still holds."""
    pattern = _lower_month_re()  # compiled on the first call, as before the pre-check
    for name in _full_month_names():  # a plain loop: a generator costs more than the tests
        if name in text:
            return pattern.sub(_capitalized, text)
    return text  # nothing to capitalize: spare the pattern's pass over the text


def _capitalized(m: re.Match[str]) -> str:
    return m.group().capitalize()
