"""The unit or currency written after a number ("5 km", "3 euros"), and rates ("a year")."""

from __future__ import annotations

from functools import cache
from typing import Any

from ...text import numbers, units
from ...text.lemmas import lemma
from .context import sentence_start
from .lexicon import word_list
from .mention import Core, Draft
from .state import Scan
from .tokens import CURRENCY_CHARS, DASHES, TOKEN, TOKEN_MPH

_NEVER_CURRENCY = word_list("currency_words_never")
_NEVER_ALONE = word_list("currency_words_never_alone")
_ATTACHED_LETTERS = word_list("attached_unit_letters")
_AFTER_GRAMS = word_list("after_grams")  # "504 g of MD drugs", "766 g worth"
_TEMPERATURE_WORDS = word_list("temperature_words")
_TEMPERATURE_LETTERS = word_list("temperature_letters")
_RATE_OPENERS = word_list("rate_openers")
_RATE_ARTICLES = word_list("rate_articles")
_TIME_SHIFTS = word_list("rate_time_shifts")
_OPEN_DENOMINATORS = word_list("rate_open_denominators")
_EACH = word_list("rate_each")
_POUNDS = word_list("pound_words")


@cache
def _unit_openers() -> frozenset[str]:
    """The first token (lowercase, and its singular) of every unit and currency
    spelling: a word outside it begins no unit, so most words after a figure
    ("people", "of") are turned away before a dozen table lookups."""
    firsts: set[str] = set()
    for surface in units.unit_surfaces():
        # "m.p.h." is one token where a text writes it (``TOKEN_MPH``)
        for m in (TOKEN.search(surface), TOKEN_MPH.search(surface)):
            if m is not None:
                low = m.group().lower()
                firsts.update((low, lemma(low)))
    return frozenset(firsts)


@cache
def _unit_lengths() -> dict[str, int]:
    """The most tokens a unit or currency spelling takes after each first token
    (lowercase, and its singular): "km" one, "square" two, "u" five ("U.S.
    dollars"). A unit starting with a token is looked up at these lengths only."""
    most: dict[str, int] = {}
    for spaced in units.unit_surfaces():
        # a spelling of several words may come hyphened: "12-nautical-mile"
        hyphened = spaced.replace(" ", "-")
        for surface, rx in ((spaced, TOKEN), (spaced, TOKEN_MPH), (hyphened, TOKEN)):
            toks = rx.findall(surface)
            if not toks:
                continue
            low = toks[0].lower()
            for key in (low, lemma(low)):
                most[key] = max(most.get(key, 0), len(toks))
    return most


def may_open_unit(low: str) -> bool:
    openers = _unit_openers()
    return low in openers or lemma(low) in openers


def _opens_unit(t: Any, start: int) -> bool:
    """A unit may begin at ``start``: a word or mark that begins a spelling
    ("people" and "of" begin none), and no "year over year" comparison."""
    if t.kind[start] not in ("w", "p") or not may_open_unit(t.low[start]):
        return False
    return not period_over_period(t, start)


def unit_after(
    sc: Scan, j: int, glued_ok: bool, currency_only: bool = False
) -> tuple[str, Any, str, int] | None:
    """("unit"|"currency"|"minor", info, surface, last token) for a unit starting at ``j``."""
    key = (j, currency_only)
    if key in sc.units_at:
        return sc.units_at[key]  # type: ignore[no-any-return]
    got = sc.units_at[key] = _unit_after(sc, j, currency_only)
    return got


def _percent_sign(sc: Scan, j: int) -> tuple[str, Any, str, int]:
    """"%", or "% points" ("rose 0.5% points"): percentage points."""
    t = sc.t
    if j + 1 < t.n and t.low[j + 1] in ("point", "points"):
        return "unit", units.lookup("percentage points"), "% points", j + 1
    return "unit", units.lookup("%"), "%", j


def _unit_after(sc: Scan, j: int, currency_only: bool) -> tuple[str, Any, str, int] | None:
    t = sc.t
    n = t.n
    if j >= n:
        return None
    if t.tx[j] == "%":
        return _percent_sign(sc, j)
    start = j + 1 if t.tx[j] in DASHES and hyphened_word(sc, j) else j
    if not _opens_unit(t, start):
        return None
    glued = t.glued(start) and start == j
    best: tuple[str, Any, str, int] | None = None
    lengths = _unit_lengths()
    most = max(lengths.get(t.low[start], 0), lengths.get(lemma(t.low[start]), 0))
    for k in range(min(5, most), 0, -1):  # "U.S. dollars" is five tokens
        last = start + k - 1
        if last >= n:
            continue
        s = sc.text[t.st[start] : t.en[last]]
        if len(s) > 40:
            continue
        code = units.currency_word(s)
        if code is not None and not (k == 1 and s in CURRENCY_CHARS):
            if not _after_scale(sc, start) and (
                s in _NEVER_CURRENCY or (t.low[start] in _NEVER_ALONE and k == 1)
            ):
                continue  # "the team won", "the real"; not "10.44 trillion won"
            best = ("currency", code, s, last)
            break
        code = units.minor_currency(s)
        if code is not None and (s != "p" or glued):
            best = ("minor", code, s, last)
            break
        if currency_only:
            continue
        info = units.lookup(s)
        if info is not None and unit_reads_here(sc, s, k, last, glued):
            best = ("unit", info, s, last)
            break
    if best is not None and best[0] == "unit":
        return degrees_on_scale(sc, best, start)
    return best


_AFTER_TONNES = frozenset(("in", "of", "a", "per", "from", "to", "and", "last", "this", "as"))


def _after_scale(sc: Scan, start: int) -> bool:
    """A scale word right before: "10.44 trillion won" is money, never the verb."""
    return start > 0 and sc.t.low[start - 1] in sc.lx.scales_spaced


def hyphened_word(sc: Scan, j: int) -> bool:
    """The dash at ``j`` glues a word to the number: "3.5-liter", "6.1-inch"."""
    t = sc.t
    return t.glued(j) and j + 1 < t.n and t.kind[j + 1] == "w"


def _spaced_letter_unit(t: Any, s: str, k: int, after: int) -> bool:
    """A letter unit apart from its digits: "775 m." or "775 m," reads as metres and
    "24,000 t in March" as tonnes; "5 m people" or "5 in the" do not."""
    ends = after >= t.n or (t.kind[after] == "p" and t.tx[after] not in DASHES)
    tonne = s == "t" and after < t.n and t.low[after] in _AFTER_TONNES
    # "504 g of MD drugs", "766 g worth ₹1.91 crore", "504 g and then 518 g"
    grams = s == "g" and after < t.n and t.low[after] in _AFTER_GRAMS
    return (ends or tonne or grams or _measured_after(t, s, after)) and k == 1 and (
        s in _ATTACHED_LETTERS
    )



_MEASURE_AFTER = frozenset(("long", "tall", "high", "deep", "wide", "across", "away", "above",
                            "below", "underground", "offshore", "altitude", "elevation",
                            # "lies between 0.3 and 1.4 m down", "2 m thick"
                            "down", "beneath", "underwater", "thick", "apart"))
_DIMENSION_NOUNS = frozenset(("length", "height", "diameter", "depth", "width", "size"))


def _measured_after(t: Any, s: str, after: int) -> bool:
    """A length follows: "more than 5 m in length", "10 m long", "3 km away"."""
    if s not in ("m", "km", "cm", "mm") or after >= t.n:
        return False
    if t.low[after] in _MEASURE_AFTER:
        return True
    if t.low[after] == "by" and after + 2 < t.n and t.kind[after + 1] == "n":
        return t.low[after + 2] == s  # "about 100 m by 400 m"; not "5 m by 2020"
    return t.low[after] == "in" and after + 1 < t.n and t.low[after + 1] in _DIMENSION_NOUNS


def unit_reads_here(sc: Scan, s: str, k: int, last: int, glued: bool) -> bool:
    """Whether the unit word ``s`` (``k`` tokens ending at ``last``) is a unit here:
    not "5 m people", "2009 L'Aquila" or "Section 4"."""
    t = sc.t
    n = t.n
    after = last + 1
    if units.is_attached_only(s) and not glued and not _spaced_letter_unit(t, s, k, after):
        return False
    if _begins_a_name(t, s, last, after):
        return False
    if glued and k == 1 and len(s) == 1 and s.isupper() and _named_number(sc, last - 1):
        return False  # "Pad 39A", "Route 9A", "Gate 12B": a designation, not amperes
    if not glued and after + 1 < n and t.tx[after] in DASHES and t.glued(after) and (
        t.glued(after + 1) and t.kind[after + 1] == "n"
    ) and not (s.islower() and len(s) > 3):
        # "three F-16 squadrons", "two C-17s": a designation, no unit; a unit word
        # spelled out runs into the next figure ("2 percent-4 percent")
        return False
    if k == 1 and _second_ranks(t, s, after):
        return False  # "five second-place finishes", "its second-largest": a rank
    if k == 1 and s[0].isupper() and s[1:].islower() and not units.is_symbol(s):
        # Capitalized full words ("Section", "Row") are not units; symbols are; so
        # is a headline's unit hyphened to its number ("20-Year Study")
        return s.lower() in _TEMPERATURE_WORDS or _hyphened_to_number(t, last)
    return True


def _named_number(sc: Scan, num: int) -> bool:
    """A capitalised word names the number at token ``num`` ("Pad 39A")."""
    t = sc.t
    prev = num - 1
    return prev >= 0 and t.kind[prev] == "w" and t.tx[prev][0].isupper() and not (
        sentence_start(sc, prev)
    )


def _begins_a_name(t: Any, s: str, last: int, after: int) -> bool:
    """The unit's mark opens or closes a name: Adele's "25" (a title in quotes,
    not 25 inches), "2009 L'Aquila" (the letter begins a name)."""
    if s in _QUOTE_MARKS and _opened_by_quote(t, last - 1):
        return True
    return after + 1 < t.n and t.tx[after] in ("'", "’") and t.glued(after) and (
        t.glued(after + 1) and t.kind[after + 1] == "w"
    )


def _second_ranks(t: Any, s: str, after: int) -> bool:
    """"second" hyphened to a word that is no measure ("second-place") ranks."""
    return (
        s.lower() == "second" and after + 1 < t.n and t.tx[after] in DASHES
        and t.glued(after) and t.glued(after + 1) and t.low[after + 1] not in _MEASURE_SUFFIXES
    )


_QUOTE_MARKS = frozenset(('"', "″", "''"))
# Words a unit is hyphened to and still measures: "a 30-second-long clip"
_MEASURE_SUFFIXES = frozenset(("long", "old", "wide", "high", "tall", "deep"))


def _opened_by_quote(t: Any, num: int) -> bool:
    """The number at ``num`` opens right after a quote mark glued to it."""
    return num >= 1 and t.glued(num) and t.tx[num - 1] in ('"', "“")


def _hyphened_to_number(t: Any, j: int) -> bool:
    return j >= 2 and t.tx[j - 1] in DASHES and t.glued(j - 1) and t.glued(j) and (
        t.kind[j - 2] == "n"
    )


def period_over_period(t: Any, i: int) -> bool:
    """Token ``i`` opens "year over year", "year-on-year", "month on month"."""
    words = [t.low[j] for j in range(i + 1, min(t.n, i + 5)) if t.tx[j] not in DASHES]
    return len(words) >= 2 and words[0] in ("over", "on") and words[1] == t.low[i]


def degrees_on_scale(
    sc: Scan, best: tuple[str, Any, str, int], start: int
) -> tuple[str, Any, str, int]:
    """"degrees" + "Celsius"/"C"/"F": a temperature, not an angle."""
    t = sc.t
    nxt = best[3] + 1
    if best[1].dimension == "angle" and nxt < t.n and t.tx[nxt] in _TEMPERATURE_LETTERS:
        sym = "°" + t.tx[nxt]
        return "unit", units.lookup(sym), sc.text[t.st[start] : t.en[nxt]], nxt
    return best


# Adverbs of a period: "$5 billion annually", "£137 monthly"; "per annum" is a year
_PERIOD_ADVERBS = {
    "annually": "year", "yearly": "year", "monthly": "month", "weekly": "week",
    "daily": "day", "hourly": "hour",
}
_PERIOD_NAMES = {"annum": "year"}
# ... and what may follow one: "daily flights" is a kind of flight, no rate
_AFTER_ADVERB = frozenset((
    "and", "or", "to", "for", "in", "on", "from", "by", "over", "until", "since", "at",
    "with", "but", "while", "compared", "against", "versus",
))


def rate_after(sc: Scan, j: int) -> tuple[str, int] | None:
    """"per month", "a year", "/kWh", "annually" after a unit -> ("per month", last
    token)."""
    t, lx = sc.t, sc.lx
    n = t.n
    if j >= n:
        return None
    low = t.low[j]
    period = _PERIOD_ADVERBS.get(low)
    if period is not None:
        nxt = t.low[j + 1] if j + 1 < n else ""
        if not nxt or not nxt[0].isalpha() or nxt in _AFTER_ADVERB:
            return f"per {period}", j
        return None
    if j + 1 >= n:
        return None
    if low in _RATE_OPENERS:
        k = j + 1
        w = t.low[k]
        if w == "square" and k + 1 < n:
            return f"per square {lemma(t.low[k + 1])}", k + 1
        lw = lemma(w)
        if low in _RATE_ARTICLES and k + 1 < n and t.low[k + 1] in _TIME_SHIFTS:
            return None  # "$6.78 billion a year earlier"
        if lw in lx.rate_denoms or (low in _OPEN_DENOMINATORS and t.kind[k] == "w"):
            if low == "/" and not t.glued(k):
                return None
            if low in _EACH and lw not in lx.rate_denoms:
                return None
            return f"per {_PERIOD_NAMES.get(lw, lw)}", k
    return None


def is_percent(info: units.UnitInfo | None) -> bool:
    """The unit is a percentage or percentage points."""
    return info is not None and info.dimension in ("percent", "percentage_point")


# Words between a count and its unit of time: a run ("13 consecutive weeks") or a whole
# span ("close to three full days", "two whole weeks")
_RUN_WORDS = frozenset(("consecutive", "straight", "successive", "full", "whole", "entire"))


def trade_tonnes(surf: str, value: float, scale: float, info: Any) -> Any:
    """"mt" and "MT" are a million tonnes ("97.6 mt of wheat", "3.7 MT to 3.8 MT"
    in the Indian press), but trade press's metric tonnes where a scale is written
    beside them or the number is large ("5.87mn mt", "459,100mt", "23,219 MT": no
    one counts 459,100 million tonnes)."""
    if surf in ("mt", "MT") and (scale > 1 or value >= TONNES_AT):
        return units.lookup("tonnes") or info
    return info


TONNES_AT = 1000  # "mt" after a number this large counts tonnes

_OUNCES = frozenset(("ounce", "ounces", "oz", "ozs"))
_PRECIOUS = frozenset(("gold", "silver", "platinum", "palladium", "bullion"))
PRECIOUS_REACH = 3  # tokens after the ounces read for the metal they weigh


def _troy_ounces(sc: Scan, surf: str, end_tok: int, info: Any) -> Any:
    """Gold, silver and platinum are weighed in troy ounces (31.1 g, not 28.35 g):
    "928,000 ounces of gold" is about 29 tonnes."""
    if surf.lower() not in _OUNCES:
        return info
    t = sc.t
    after = t.low[end_tok + 1:min(t.n, end_tok + 1 + PRECIOUS_REACH)]
    return (units.lookup("troy ounce") or info) if _PRECIOUS.intersection(after) else info


def unit_or_currency_after(sc: Scan, core: Core, d: Draft) -> None:
    """The unit or currency after a bare number: "5 km", "3 euros", "50 cents", and
    a unit of time after a word of a run ("13 consecutive weeks")."""
    got = unit_after(sc, d.pos, glued_ok=core.kind in ("digits",))
    if got is None and d.pos + 1 < sc.t.n and sc.t.low[d.pos] in _RUN_WORDS:
        got = unit_after(sc, d.pos + 1, glued_ok=False)
        if got is None or got[0] != "unit" or got[1].dimension != "duration":
            return
    if got is None:
        return
    kind_u, info, surf, end_tok = got
    if kind_u == "unit" and surf.lower() in _POUNDS and core.scale >= 1e3:
        kind_u, info = "currency", "GBP"  # "5 million pounds" is money, not mass
    if kind_u == "unit":
        info = trade_tonnes(surf, core.value, core.scale, info)
        info = _troy_ounces(sc, surf, end_tok, info)
    if kind_u == "currency":
        d.currency, d.surface_unit = info, surf
    elif kind_u == "minor":
        d.currency, d.surface_unit, d.minor = info, surf, True
    else:
        d.unit, d.surface_unit = info, surf
    d.last = end_tok
    d.pos = end_tok + 1


def currency_name_after(sc: Scan, d: Draft) -> None:
    """The currency named after a marked figure: "$31.20 US", "$5 Australian dollars"."""
    t = sc.t
    if d.pos < t.n and t.tx[d.pos] == "US" and not t.glued(d.pos):
        d.last = d.pos
        d.pos += 1
    got = unit_after(sc, d.pos, glued_ok=False, currency_only=True)
    if got is not None and got[0] == "currency":
        d.currency, d.surface_unit = got[1], got[2]
        d.last = got[3]
        d.pos = d.last + 1
        return
    minor = unit_after(sc, d.pos, glued_ok=False)
    if minor is not None and minor[0] == "minor" and minor[1] == d.currency:
        # "a final dividend of $8.4 cents": the mark and the minor unit say one
        # currency; the amount is in cents
        d.surface_unit, d.minor = minor[2], True
        d.last = minor[3]
        d.pos = d.last + 1


def currency_mark_after(sc: Scan, d: Draft) -> None:
    """A currency mark glued after the digits: "1,200€"."""
    t = sc.t
    pos = d.pos
    if t.tx[pos] in CURRENCY_CHARS and t.glued(pos):
        code = units.currency_word(t.tx[pos])
        if code:
            d.currency, d.surface_unit = code, t.tx[pos]
            d.last = pos
            d.pos = pos + 1


_COORDINATORS = frozenset(("and", "or"))


def unit_shared_after(sc: Scan, core: Core, d: Draft) -> None:
    """The unit a bare number shares with the next number of a pair: "60 and 25
    years old", "5 or 7 percent", "six and eight years". The figure's span stays
    its own number; only its unit (and an age after the unit) is read."""
    t = sc.t
    j = d.pos
    if j + 2 >= t.n or t.low[j] not in _COORDINATORS or t.glued(j):
        return
    nxt = j + 1
    # "5.6 and 5.8 per cent": decimals share a unit as whole numbers do
    decimals = "." in core.digits and "." in t.tx[nxt] and "," not in t.tx[nxt]
    whole = "." not in t.tx[nxt] and "," not in t.tx[nxt]
    if not (t.kind[nxt] == "n" and (whole or decimals)) and (
        core.kind != "spelled" or numbers.one_word_number(t.low[nxt]) is None
    ):
        return
    second = numbers.one_word_number(t.low[nxt])
    if core.kind == "spelled" and core.value % 10 == 0 and second is not None and second < 10:
        return  # "twenty and four hours" is one number, 24 hours
    got = unit_after(sc, nxt + 1, glued_ok=False)
    if got is None or got[0] != "unit":
        return
    d.unit, d.surface_unit = got[1], got[2]
    end = got[3] + 1
    if d.unit.dimension == "duration" and end < t.n and t.low[end] == "old" and not t.glued(end):
        d.attrs.append("age")


AGO = "ago"  # the attribute of a length of time told back from now ("six months ago")


def years_old(sc: Scan, d: Draft) -> None:
    """An age written after a duration: "52 years old", "50 year-old", "18 month-old"."""
    t = sc.t
    n = t.n
    pos = d.pos
    aged = "age" in d.attrs  # "aged four to 16 years old": the age said once
    if pos < n and t.low[pos] == "ago" and d.unit.dimension == "duration":
        d.attrs.append(AGO)  # "founded six months ago": the thing's age, told back from now
    if pos < n and t.low[pos] == "old" and not t.glued(pos):
        if not aged:
            d.attrs.append("age")  # "52 years old"
    elif pos + 1 < n and t.low[pos] == "of" and t.low[pos + 1] == "age" and (
        d.unit.dimension == "duration"
    ):
        if not aged:
            d.attrs.append("age")  # "85 years of age or above"
    if pos + 1 < n and t.tx[pos] in DASHES and t.low[pos + 1] in ("old", "olds") and (
        t.glued(pos)
    ):
        if not aged:
            d.attrs.append("age")  # "50 year-old", "18 month-old", "two 17-year-olds"
        d.last = pos + 1
        d.pos += 2


_RATE_IN_UNIT = {"bpd": "per day", "bopd": "per day", "mbpd": "per day", "b/d": "per day"}


_COMPARED_AMOUNT = frozenset(("extra", "more", "less"))
_PERIOD_RATES = frozenset(
    f"per {p}" for p in ("day", "week", "month", "year", "quarter", "hour", "minute")
)


def rate_of_measure(sc: Scan, d: Draft) -> None:
    """A rate after a measure, money or multiplier: "a month", "per share", "/kWh";
    or one its unit abbreviates ("bpd": barrels per day)."""
    rate = _RATE_IN_UNIT.get(d.surface_unit.lower())
    if rate is not None and rate not in d.attrs:
        d.attrs.append(rate)
        return
    if d.pos >= sc.t.n:
        return
    got = rate_after(sc, d.pos)
    if got is not None:
        d.attrs.append(got[0])
        d.last = got[1]
        d.pos = d.last + 1
    elif sc.t.low[d.pos] in _COMPARED_AMOUNT and (
        got := rate_after(sc, d.pos + 1)
    ) is not None and got[0] in _PERIOD_RATES:
        # "£439.40 extra per year", "£8.45 more a week": the amount is told for the
        # period all the same; the span keeps to the figure and its comparison
        d.attrs.append(got[0])
