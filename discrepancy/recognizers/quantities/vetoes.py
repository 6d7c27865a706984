"""Named rules that reject a candidate as no quantity: years, dates, times, identifiers,
phone numbers, names. Each raises ``Skip`` with the token to resume at."""

from __future__ import annotations

import re
from functools import cache

from ...text import units, wordlists
from ...text.lemmas import is_plural
from ...text.numbers import is_number_word
from .context import is_month, sentence_start
from .lexicon import AMPM, YEAR_ONLY_BEFORE, word_list
from .mention import Core, Draft, Skip
from .state import Scan
from .tokens import DASHES, Tokens
from .units_after import unit_after

# "the man, 34,": a person an age may follow; "aged 40", "age 40": words before one
AGE_PERSONS = word_list("age_person_nouns")
AGE_BEFORE = word_list("age_words_before")
_AGE_VERBS = word_list("age_verbs_before_at")

_COUNTED_RANGE_CONNECTORS = word_list("counted_range_connectors")
_SIGN_WORDS = word_list("sign_words")
_NUMBER_ABBREVIATIONS = word_list("number_abbreviations")
_ERA_FIRST = word_list("era_first_letters")
_ERA_LAST = word_list("era_last_letters")
_CLOCK_LETTERS = word_list("clock_letters")
_ERA_BEFORE = word_list("era_words_before")
_ERA_AFTER = word_list("era_words_after")


def starts_counted_range(sc: Scan, core: Core) -> bool:
    """"from 1000 to 5000 jobs": a number that opens a range of counted things
    is no year, though "from" stands before it."""
    t = sc.t
    j = core.last + 1
    if j + 2 >= t.n or t.low[j] not in _COUNTED_RANGE_CONNECTORS:
        return False
    if t.kind[j + 1] != "n" or t.tx[j + 1].isdigit() and 1900 <= int(t.tx[j + 1]) <= 2099:
        return False  # "from 1998 to 2003": two years
    w = t.low[j + 2]
    return t.kind[j + 2] == "w" and is_plural(w) and w not in sc.lx.stop


_POINT_LABELS = word_list("point_label_nouns")


def point_label(sc: Scan, core: Core) -> None:
    """ "3-point attempts", "a two-point conversion": a kind of shot, no points."""
    t = sc.t
    j = core.last + 1
    if j + 2 < t.n and t.tx[j] in DASHES and t.low[j + 1] == "point" and (
        t.low[j + 2] in _POINT_LABELS
    ):
        raise Skip(j + 3)


def reject_non_quantity(sc: Scan, core: Core, first: int) -> None:
    """Identifiers, times, dates glued to the digits; raise Skip if so."""
    point_label(sc, core)
    prev = first - 1
    if prev >= 0 and sc.t.glued(first):
        glued_identifier(sc, core, first)
    if prev >= 1 and sc.t.tx[prev] == ".":
        numbered_label(sc, core, first)
    if prev >= 1 and sc.t.low[prev] in _LIST_JOINERS:
        numbered_list(sc, core, first)
    if core.scale != 1.0 or core.unit is not None:
        return
    if core.last + 1 < sc.t.n:
        time_or_version(sc, core)
    if len(core.digits) > 1 and core.digits[0] == "0" and core.digits[1].isdigit():
        raise Skip(core.last + 1)  # "09", "007": part of a date, time or code
    if "." not in core.digits and "," not in core.digits and 1 <= core.value <= 31:
        day_of_month(sc, core, first)




def glued_identifier(sc: Scan, core: Core, first: int) -> None:
    """Something glued before the digits makes them a code: "S23", "COVID-19", "TA-35",
    "#3", the tail of "2020-21" or "555-123-4567", "alert(1)"."""
    t = sc.t
    prev = first - 1
    before = t.tx[prev]
    if t.kind[prev] == "w":
        raise Skip(core.last + 1)
    joined = prev > 0 and t.glued(prev)
    if before in DASHES and joined and t.kind[prev - 1] == "w":
        if t.low[prev - 1] not in _SIGN_WORDS:
            raise Skip(core.last + 1)
    if before in ("#", "№"):
        raise Skip(core.last + 1)
    if before in DASHES and joined and t.kind[prev - 1] == "n":
        raise Skip(core.last + 1)  # the tail of "2020-21", "555-123-4567"
    if before == "(" and joined and t.kind[prev - 1] == "w":
        raise Skip(core.last + 1)  # code, not prose: "alert(1)", "f(2)"


_LIST_JOINERS = frozenset((",", "and", "&", "or"))
LIST_LOOK_BACK = 12  # tokens of a list of numbers read back to its label


def numbered_list(sc: Scan, core: Core, first: int) -> None:
    """A number later in a list the label opens: the 5 of "Nos. 4 and 5", "Nos.
    1, 2 and 3". Raises Skip."""
    t = sc.t
    k = first - 1
    stop = max(0, first - LIST_LOOK_BACK)
    while k > stop and (t.low[k] in _LIST_JOINERS or t.kind[k] == "n"):
        k -= 1
    if k >= 1 and k < first - 2 and t.tx[k] == "." and t.low[k - 1] == "nos":
        raise Skip(core.last + 1)


def numbered_label(sc: Scan, core: Core, first: int) -> None:
    """A full stop before the digits: "No. 3", "ID.3", ".500", "A.D. 1000"."""
    t = sc.t
    prev = first - 1
    if t.low[prev - 1] in _NUMBER_ABBREVIATIONS:
        raise Skip(core.last + 1)
    if t.glued(first):
        raise Skip(core.last + 1)  # "ID.3"; ".500": a decimal we do not read
    if prev >= 3 and t.low[prev - 1] in _ERA_LAST and t.low[prev - 3] in _ERA_FIRST:
        raise Skip(core.last + 1)  # "A.D. 1000"


def time_or_version(sc: Scan, core: Core) -> None:
    """A clock time or version after the digits: "11:30", "5 p.m.", "0401 GMT", "3.4.5"."""
    t = sc.t
    n = t.n
    j = core.last + 1
    if t.tx[j] in (":",) and t.glued(j) and j + 1 < n and t.kind[j + 1] == "n":
        raise Skip(j + 2)
    if t.low[j] in AMPM or t.low[j] in sc.lx.timezones and t.tx[j].isupper():
        raise Skip(j + 1)
    if t.low[j] in _CLOCK_LETTERS and j + 2 < n and t.tx[j + 1] == "." and t.low[j + 2] == "m":
        raise Skip(j + 3)
    # dotted dates / versions "1.2.3" already split; "3.4.5"
    if t.tx[j] == "." and t.glued(j) and j + 1 < n and t.kind[j + 1] == "n" and t.glued(j + 1):
        raise Skip(j + 2)


_DAY_RUN = frozenset(("to", "through", "thru", "until", "till"))


def day_of_month(sc: Scan, core: Core, first: int) -> None:
    """A day next to a month name: "January 22", "Oct. 31", "Sept. 20-24", "1 September",
    "5 of May"."""
    t = sc.t
    n = t.n
    p = first - 1
    if p >= 0 and t.tx[p] == "." and p > 0:
        p -= 1
    if p >= 0 and is_month(sc, p):
        end = core.last + 1
        if end + 1 < n and (t.tx[end] in DASHES or t.low[end] in _DAY_RUN) and (
            t.kind[end + 1] == "n" and t.tx[end + 1].isdigit() and int(t.tx[end + 1]) <= 31
        ):
            end += 2  # "Sept. 20-24", "from September 6 to 14"
        raise Skip(end)
    q = core.last + 1
    if q < n and t.low[q] == "of" and q + 1 < n:
        q += 1
    if q < n and is_month(sc, q):
        raise Skip(q + 1)


def reject_bare(sc: Scan, core: Core, first: int) -> None:
    """A bare number (no unit, scale or currency): years and identifiers are skipped."""
    if core.scale != 1.0:
        return
    if core.digits.isdigit():
        year_or_date(sc, core, first)
    if first >= 1 and sc.t.kind[first - 1] == "w":
        name_before(sc, core, first)
    name_after(sc, core)
    bracketed_number(sc, core, first)
    phone_number(sc, core, first)


def year_or_date(sc: Scan, core: Core, first: int) -> None:
    """A year ("in 1998", "2020", "300 BC") or a date ("Jan 23, 2024", "oct. 13")."""
    t, lx = sc.t, sc.lx
    raw = core.digits
    prev = first - 1
    v = int(raw)
    if len(raw) == 4 and 1900 <= v <= 2099 and not _bounded_count(sc, core, first):
        raise Skip(core.last + 1)
    if len(raw) in (3, 4) and prev >= 0 and t.low[prev] in lx.year_preps and not (
        _bounded_count(sc, core, first)
    ):
        if (v >= 1000 and not starts_counted_range(sc, core)) or t.low[prev] in _ERA_BEFORE:
            raise Skip(core.last + 1)
    nxt = core.last + 1
    if nxt < t.n and t.low[nxt] in _ERA_AFTER:
        raise Skip(nxt + 1)
    # year after a month and day: "Jan 23, 2024"
    if len(raw) == 4 and prev >= 1 and t.tx[prev] == "," and t.kind[prev - 1] == "n":
        raise Skip(core.last + 1)
    if len(raw) == 4 and prev >= 0 and is_month(sc, prev):
        raise Skip(core.last + 1)
    # the day after an abbreviated month, in any case: "oct. 13", "sept. 30"
    if 1 <= v <= 31 and prev >= 1 and t.tx[prev] == "." and (
        t.low[prev - 1] in lx.months and len(t.low[prev - 1]) <= 4
    ):
        raise Skip(core.last + 1)


def _bounded_count(sc: Scan, core: Core, first: int) -> bool:
    """"up to 2000 people", "more than 1,950 homes" in four bare digits: a bound
    before and a plural noun after make a count of the number, not a year ("the
    2019 elections" has no bound; "since 2000" is no bound)."""
    t = sc.t
    nxt = core.last + 1
    return bool(_bound_before(t, first)) and nxt < t.n and t.kind[nxt] == "w" and (
        t.tx[nxt].islower() and is_plural(t.low[nxt])
        and t.low[nxt] not in wordlists.words("year_plurals.txt")
    )


_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")


def name_before(sc: Scan, core: Core, first: int) -> None:
    """A name or label word before the digits: "Section 427", "Boeing 737", "BBC 2"."""
    t, lx = sc.t, sc.lx
    prev = first - 1
    pw = t.tx[prev]
    low = t.low[prev]
    if low in lx.id_words:
        raise Skip(core.last + 1)
    if pw[0].isupper() and prev > 0 and not sentence_start(sc, prev):
        # ... but a number grouped in thousands is no model or route number: "China
        # 45,400 (-4%), US 32,400" gives a count after each place; nor is one a
        # tally counts ("the Liberal Reform Party 11 seats")
        if low not in lx.stop and (low,) not in lx.q_before and not _THOUSANDS.fullmatch(
            t.tx[first]
        ) and not _counted_after(t, core.last + 1):
            raise Skip(core.last + 1)
    if pw.isupper() and len(pw) > 1 and (low,) not in lx.q_before:
        if low not in lx.stop and not _THOUSANDS.fullmatch(t.tx[first]):
            raise Skip(core.last + 1)


_COUNTED_AFTER_NAME = word_list("counted_after_name")


def _counted_after(t: Tokens, k: int) -> bool:
    return k < t.n and t.low[k] in _COUNTED_AFTER_NAME


def name_after(sc: Scan, core: Core) -> None:
    """A capitalized word after: "22 Ave Foch", "4 Started", "11 Pro": names, not counts
    -- unless a bound says it is an amount ("more than 300 Minneapolis residents")
    or the word is a plural of people or things ("78 Republicans", "133 Tests")."""
    t = sc.t
    nxt = core.last + 1
    if nxt < t.n and t.kind[nxt] == "w" and t.tx[nxt][0].isupper() and core.digits.isdigit():
        w = t.tx[nxt]
        if (len(w) == 1 or w[1:].islower()) and not (
            _bound_before(t, core.first) or _counted_capitals(t, nxt) or _named_kind(t, nxt)
        ):
            raise Skip(nxt)


NAMED_KIND_WORDS = 2  # lowercase words after the name read for the plural it counts


def _named_kind(t: Tokens, i: int) -> bool:
    """The capital word ``i`` names a kind of the plural right after it ("52 Starlink
    satellites", "52 Starlink internet satellites", "3 Tesla cars"): the number counts
    the plural, not a name."""
    j = i + 1
    for _ in range(NAMED_KIND_WORDS):
        if j >= t.n or t.kind[j] != "w" or not t.tx[j].islower():
            return False
        if len(t.tx[j]) > 3 and is_plural(t.tx[j]):
            return True
        j += 1
    return False


# After a capitalized plural, words that make it a title: "12 Years a Slave",
# "100 Days of Rejection", "19 Kids and Counting"
_TITLE_AFTER_PLURAL = frozenset(("a", "an", "the", "of", "and", "&", "in", "to"))


def _counted_capitals(t: Tokens, i: int) -> bool:
    """Token ``i`` is a capitalized plural a number counts ("255 Britons killed",
    "30 Christians", "78 Republicans that"): no title word or capital after it."""
    w = t.tx[i]
    if len(w) < 5 or not w.endswith("s") or w.endswith(("ss", "us", "is")) or not is_plural(w):
        return False
    j = i + 1
    if j >= t.n:
        return True
    return t.low[j] not in _TITLE_AFTER_PLURAL and not (t.kind[j] == "w" and t.tx[j][0].isupper())


SHIRT_DIGITS = 2


def bracketed_number(sc: Scan, core: Core, first: int) -> None:
    """A number in brackets: "Dak Prescott (4)" (a shirt number), "(555)" (an area code)."""
    t = sc.t
    prev = first - 1
    nxt = core.last + 1
    if prev >= 1 and t.tx[prev] == "(" and nxt < t.n and t.tx[nxt] == ")":
        w = t.tx[prev - 1]
        if t.kind[prev - 1] == "w" and w[0].isupper() and w[1:].islower() and (
            core.digits.isdigit() and len(core.digits) <= SHIRT_DIGITS
        ):
            # "Dak Prescott (4)": a shirt number or list marker; "the Blue Line
            # (84,353)" gives the line's figure
            raise Skip(nxt + 1)
    if prev >= 0 and t.tx[prev] in ("(", "#") and nxt < t.n:
        if t.tx[nxt] == ")" and core.digits.isdigit() and len(core.digits) >= 3:
            # "(555) 123-4567" area code; "(6,924,255)" votes are grouped in thousands
            raise Skip(core.last + 2)


def phone_number(sc: Scan, core: Core, first: int) -> None:
    """"+44 20 7946 0958", "555 0199": runs of digit groups are phone numbers."""
    t = sc.t
    prev = first - 1
    if prev >= 0 and t.tx[prev] == "+" and t.glued(first):
        j = core.last + 1
        while j < t.n and t.kind[j] == "n":
            j += 1
        raise Skip(j)


def is_age(sc: Scan, core: Core, first: int) -> bool:
    """An age after a name or a person ("Mazur, 41,", "the man, 34,") or after
    "aged", "age" ("at the age of 64"): kept as years, not vetoed."""
    t = sc.t
    raw = core.digits
    if not raw.isdigit() or not 1 <= int(raw) <= 120 or first < 1:
        return False
    nxt = core.last + 1
    if _age_by_words(t, first, nxt):
        return True
    if first < 2:
        return False
    verb = first - 1 - _bound_before(t, first)
    if verb >= 1 and t.low[verb - 1] == "who" and t.low[verb] in ("was", "is") and (
        nxt >= t.n or t.tx[nxt] in (",", ".", ";", ")")
    ):
        return True  # "Martin Richard, who was 8.", "the suspect, who is about 33."
    # "Mazur, 41," mid-sentence; "could not match Kipchoge, 34." at its end, two digits
    ends = nxt < t.n and (t.tx[nxt] in (",", ")", ";") or (
        t.tx[nxt] == "." and nxt + 1 == t.n and len(raw) == 2
    ))
    if t.tx[first - 1] != "," or not ends:
        return False
    name = t.tx[first - 2]
    if t.kind[first - 2] != "w" or _names_no_person(sc, first - 2):
        return False
    # "Mazur, 41," and "McHenry , 28 ," (not an acronym: "BBC, 28,"); "the man, 34,"
    return (name[0].isupper() and not name.isupper()) or t.low[first - 2] in AGE_PERSONS


def _names_no_person(sc: Scan, i: int) -> bool:
    """A capital word a comma-set number follows that is no one's name: a month
    ("In July, 12, were built"), a number word ("Chapter One, 12,")."""
    return is_month(sc, i) or is_number_word(sc.t.low[i])


def _age_by_words(t: Tokens, first: int, nxt: int) -> bool:
    """Words before the number say it is an age: "aged 40", "age 40", "at the age
    of 64", "aged 50 and 31", a sentence opening "At 22,"."""
    if t.low[first - 1] in AGE_BEFORE or _in_age_list(t, first):
        return True
    if t.low[first - 1] == "at" and first == 1 and nxt < t.n and t.tx[nxt] == ",":
        return True  # "At 22, the striker scored three goals": his age
    if first >= 2 and t.low[first - 1] == "at" and t.low[first - 2] in _AGE_VERBS and (
        nxt >= t.n or t.kind[nxt] != "n"
    ):
        return True  # "Jean Shepard dies at 82"
    return age_cue_before(t, first)


def age_cue_before(t: Tokens, first: int) -> bool:
    """"aged 40", "age 40", "the age of 64", "between the ages of 10 and 14", and
    with a bound between: "aged at least 35", "aged about 40"."""
    first -= _bound_before(t, first)
    if first >= 2 and t.low[first - 1] in ("from", "between") and t.low[first - 2] in AGE_BEFORE:
        return True  # "aged from 3 to 78", "aged between 18 and 25"
    if first >= 1 and t.low[first - 1] in AGE_BEFORE:
        return True
    return first >= 2 and t.low[first - 1] == "of" and t.low[first - 2] in ("age", "ages")


@cache
def _bounds() -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
    """The one- and two-word qualifiers a figure may follow ("about", "at least"),
    from the qualifier word list."""
    phrases = [tuple(p.split()) for p in wordlists.data("qualifiers.json")["before"]]
    return (
        frozenset(p[0] for p in phrases if len(p) == 1),
        frozenset(p for p in phrases if len(p) == 2),
    )


def _bound_before(t: Tokens, first: int) -> int:
    """Tokens of a bound right before the number ("at least", "about"): 0, 1 or 2."""
    one, two = _bounds()
    if first >= 2 and (t.low[first - 2], t.low[first - 1]) in two:
        return 2
    return 1 if first >= 1 and t.low[first - 1] in one else 0


AGE_LIST_MAX = 12  # tokens back from a listed age to its "aged"


def _in_age_list(t: Tokens, first: int) -> bool:
    """The number at ``first`` follows other numbers, commas and "and" back to
    "aged": one more age of the list."""
    j, numbers_seen = first - 1, 0
    if t.tx[j] != "," and t.low[j] not in ("and", "or"):
        return False
    while j >= 0 and first - j <= AGE_LIST_MAX:
        if t.low[j] in AGE_BEFORE:
            return numbers_seen > 0
        if t.kind[j] == "n":
            numbers_seen += 1
        elif t.tx[j] != "," and t.low[j] not in ("and", "or"):
            return False
        j -= 1
    return False


def reject_year(sc: Scan, core: Core, first: int) -> None:
    """"in 2018 to 3.9 million": a bare year is skipped before it can start a range."""
    t = sc.t
    raw = core.digits
    if core.scale != 1.0 or core.unit is not None or not raw.isdigit() or len(raw) != 4:
        return
    if not 1900 <= int(raw) <= 2099:
        return
    nxt = core.last + 1
    if unit_after(sc, nxt, glued_ok=True) is not None or _bounded_count(sc, core, first):
        return
    if nxt < t.n and t.kind[nxt] == "w" and t.tx[nxt].islower() and is_plural(t.low[nxt]):
        prev = t.low[first - 1] if first > 0 else ""
        if prev not in YEAR_ONLY_BEFORE and t.low[nxt] not in sc.lx.stop:
            return  # "sales of 5835 units"
    raise Skip(core.last + 1)


def _year_digits(c: Core) -> bool:
    return c.digits.isdigit() and len(c.digits) == 4 and 1000 <= int(c.digits) <= 2099


def is_year_range(a: Core, b: Core) -> bool:
    """Both ends are years: "1998-2003", "1990-95" (not "1000–5000", "300 to 2000")."""
    return _year_digits(a) and (_year_digits(b) or (b.digits.isdigit() and len(b.digits) == 2))


def reject_bare_range(sc: Scan, a: Core, b: Core, first: int) -> None:
    """A range without unit that is two years ("1998-2003"), a name or a date."""
    t = sc.t
    # "1998-2003" and "1990-95" are two years; "1000–5000" is none (its end is no year),
    # and "1000 to 1500 homes" counts homes (counted things follow)
    if is_year_range(a, b) and not starts_counted_range(sc, a):
        raise Skip(a.last + 1)
    prev = first - 1
    if prev >= 0 and t.kind[prev] == "w" and t.tx[prev][0].isupper():
        if not sentence_start(sc, prev) and t.low[prev] not in sc.lx.stop:
            if (t.low[prev],) not in sc.lx.q_before:
                raise Skip(b.last + 1)
    if prev >= 0 and is_month(sc, prev if t.tx[prev] != "." else prev - 1):
        raise Skip(b.last + 1)
    if _in_score_line(t, first, b.last) or _between_names(t, first, b.last):
        raise Skip(b.last + 1)


def _dash_pair(t: Tokens, i: int) -> bool:
    """Tokens ``i``..``i+2`` are a number, a dash and a number ("6-3")."""
    return 0 <= i and i + 2 < t.n and t.kind[i] == "n" and t.tx[i + 1] in DASHES and (
        t.kind[i + 2] == "n"
    )


def _in_score_line(t: Tokens, first: int, last: int) -> bool:
    """A pair in a comma-set run of pairs is a score, no range: the sets of "beat
    Safarova 6-3, 6-7, 6-2", the quarters of "25-20, 18-22"."""
    if not _dash_pair(t, first) or first + 2 != last:
        return False
    before = first - 4 >= 0 and t.tx[first - 1] == "," and _dash_pair(t, first - 4)
    after = last + 1 < t.n and t.tx[last + 1] == "," and _dash_pair(t, last + 2)
    return before or after


def _between_names(t: Tokens, first: int, last: int) -> bool:
    """A pair between two capitalised names is a match's result, no range:
    "Tottenham 0-1 Liverpool", "Arsenal 0-1 Man City", at a line's start too."""
    if not _dash_pair(t, first) or first + 2 != last:
        return False
    before, after = first - 1, last + 1
    return (
        before >= 0 and after < t.n and t.kind[before] == "w" and t.kind[after] == "w"
        and t.tx[before][0].isupper() and t.tx[after][0].isupper()
    )


def _aged(sc: Scan, d: Draft) -> None:
    """An age by the words before it: "children aged four to 16", "between the
    ages of 10 and 14 years", "aged around 35 years"."""
    first = d.first - 1 if d.first >= 1 and sc.t.low[d.first - 1] == "between" else d.first
    if d.currency is not None or "age" in d.attrs:
        return
    if not age_cue_before(sc.t, first):
        if _person_of_years(sc, d):
            d.attrs.append("age")
        return
    if d.is_range and d.unit is None:
        d.unit = units.lookup("years")
    if d.unit is not None and d.unit.dimension == "duration":
        d.attrs.append("age")


# Words after "a man 45 years" that make the years a span of time, not his age
_SPAN_AFTER = frozenset((
    "ago", "later", "earlier", "after", "before", "since", "from", "in", "into", "on",
    "for", "of", "to", "his", "her", "their", "senior", "junior", "younger", "older",
))


def _person_of_years(sc: Scan, d: Draft) -> bool:
    """A length in years or months right after a person: "a teenager 15-19 years",
    "one baby under 5 months" -- the person's age, as "aged 15-19" says it."""
    t = sc.t
    if d.unit is None or d.unit.dimension != "duration" or d.first < 1:
        return False
    before = d.first - 1 - _bound_before(t, d.first)
    if before < 0 or t.low[before] not in AGE_PERSONS:
        return False
    return d.pos >= t.n or t.low[d.pos] not in _SPAN_AFTER


def reject_bare_figure(sc: Scan, core: Core, d: Draft) -> None:
    """Now that no unit followed: an age ("Mazur, 41,") is kept, years and ids are skipped."""
    bare = (
        core.kind == "digits"
        and d.currency is None
        and d.unit is None
        and d.kind == "digits"
        and not d.is_range
    )
    if bare and is_age(sc, core, d.first):
        # "crane operator Jakub Mazur, 41, said": an age in years
        d.unit = units.lookup("years")
        d.attrs.append("age")
        bare = False
    if bare:
        reject_bare(sc, core, d.first)
    _aged(sc, d)
    if d.is_range and d.currency is None and d.unit is None and d.second is not None:
        reject_bare_range(sc, core, d.second, d.first)
