"""The upper end of a range: "25-30", "5 to 7", "between 5 and 7", "three or four"."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from ...text import numbers, wordlists
from .cores import currency_prefix, read_core, spelled_core
from .lexicon import word_list
from .mention import Core, Draft, Mention, Skip
from .qualifiers import change_before
from .state import Scan
from .tokens import DASHES
from .units_after import trade_tonnes, unit_after

_OPENERS = word_list("range_openers")
_TO_WORDS = word_list("range_to_words")
_TO_OPENERS = word_list("range_to_openers")
_UNIT_CONNECTORS = word_list("unit_range_connectors")
# "30~50" (East Asian and technical writing): a range; "~50" alone is "about 50"
_TILDES = frozenset(("~", "〜"))
_THROUGH = frozenset(("through", "thru"))
_SUSPENDED_JOINS = frozenset(("to",))


def range_second(
    sc: Scan,
    core: Core,
    conn: int,
    between_word: str,
    pre_unit: tuple[str, Any, str, int] | None = None,
) -> Core | None:
    """The upper end of "25-30", "5 to 7", "between 5 and 7", if there is one."""
    j = range_connector(sc, core, conn, between_word, pre_unit)
    if j < 0:
        return None
    second = upper_end(sc, core, j)
    if second is None:
        return None
    t = sc.t
    low = t.low[conn]
    if _two_figures(sc, core, second, conn, between_word, pre_unit):
        return None
    if t.tx[conn] in DASHES:
        if not dashed_range(sc, core, second, pre_unit, conn):
            return None
    elif low == "to" and not between_word:
        reject_worded_tally(sc, core, second)
        if change_then_level(sc, core, second, pre_unit) or _shares_set_apart(
            sc, core, second, pre_unit
        ):
            return None
    if core.currency and second.currency and core.currency != second.currency:
        return None
    if core.unit is not None and second.unit is None:
        nxt = unit_after(sc, second.last + 1, glued_ok=True)
        if nxt is None or nxt[0] != "unit" or nxt[1] != core.unit:
            if low != "to" or between_word:
                second.unit, second.surface_unit = core.unit, core.surface_unit
    return second


def _two_figures(
    sc: Scan, core: Core, second: Core, conn: int, between_word: str,
    pre_unit: tuple[str, Any, str, int] | None,
) -> bool:
    """The two numbers are two figures, whatever joins them: "2 or 20" (a choice;
    "three or four years" is a range), a unit after the second that is not the
    first's, or a second that starts a range of its own."""
    low = sc.t.low[conn]
    if low == "or" and not (
        core.value < second.value <= core.value + max(2.0, core.value / 2)
        and second.scale == core.scale
        and second.unit is None
    ):
        return True
    if pre_unit is not None and not same_unit_after(sc, second, between_word, pre_unit):
        return True
    if low in _THROUGH and core.value * core.scale > second.value * second.scale:
        return True  # "$29.6 billion through 54,106 loans": by way of, no range
    # "from about two hours to 10-15 minutes": the new level is a range
    return low == "to" and _starts_a_range(sc, second)


def _starts_a_range(sc: Scan, second: Core) -> bool:
    """The upper end is the first of a dashed range of its own: "to 10-15 minutes"."""
    t, j = sc.t, second.last + 1
    return j + 1 < t.n and t.tx[j] in DASHES and t.glued(j) and t.kind[j + 1] == "n"


def dashed_range(
    sc: Scan, core: Core, second: Core,
    pre_unit: tuple[str, Any, str, int] | None = None, conn: int = 0,
) -> bool:
    """Whether "A - B" is a range: codes ("0-7", dates) raise Skip; two amounts each
    with its own currency mark, falling, are a total and its part ("US$160,000 -
    US$100,000 for the record"); so are two measures each with its unit, falling,
    across a spaced dash ("risen to 23 metres – 1 metre higher"); and any two
    falling across a spaced dash are two clauses' figures ("was £217,531 – 7.4 per
    cent higher than")."""
    if core.kind == "digits" and second.kind == "digits":
        reject_dashed_codes(sc, core, second)
    falling = core.value > second.value
    spaced = not sc.t.glued(conn)
    if spaced and sc.t.tx[conn] == EM_DASH:
        # "the EU and Norway 71.8% — 84.4% between them — leaving 15.6%": a spaced
        # em dash sets a clause apart; ranges take a hyphen or an en dash
        return False
    return not (falling and (core.currency and second.currency or spaced))


EM_DASH = "\u2014"


def range_connector(
    sc: Scan, core: Core, conn: int, between_word: str,
    pre_unit: tuple[str, Any, str, int] | None,
) -> int:
    """The token after a range connector at ``conn`` ("-", "to", "and" after "between",
    "or"), or -1 when ``conn`` joins no range."""
    t = sc.t
    c = t.tx[conn]
    low = t.low[conn]
    j = conn + 1
    if c in DASHES and t.glued(conn) and j + 1 < t.n and not t.glued(j) and (
        t.low[j] in _SUSPENDED_JOINS
    ):
        return j + 1  # "a four- to five-month process": a suspended hyphen
    if c in DASHES or (c in _TILDES and t.glued(conn) == t.glued(j)):
        if t.glued(conn + 1) and not t.glued(conn):
            return -1  # "Stoxx 50 -1.3%": a sign, not a range
        # "0-to-60"
        if j + 1 < t.n and t.low[j] == "to" and t.tx[j + 1] in DASHES:
            j += 2
    elif low in _TO_WORDS:
        if between_word not in _TO_OPENERS:
            return -1
    elif low == "and":
        if between_word != "between":
            return -1
    elif low == "or":
        if core.unit is not None or core.currency is not None or pre_unit is not None:
            return -1  # "7- or 8-inch", "$5 or $6": two figures
    else:
        return -1
    return j if j < t.n else -1


def upper_end(sc: Scan, core: Core, j: int) -> Core | None:
    """The number at ``j`` as the upper end: digits (with a currency mark), or spelled
    after a spelled lower end."""
    t = sc.t
    try:
        if t.kind[j] == "n" or currency_prefix(sc, j) is not None:
            second = read_core(sc, j)
        elif t.kind[j] == "w" and t.low[j] in sc.lx.ones_tens:
            if core.kind != "spelled":
                return None
            second = spelled_core(sc, j)
        else:
            return None
    except Skip:
        return None
    if second is None or second.kind not in ("digits", "spelled"):
        return None
    return second


def same_unit_after(
    sc: Scan, second: Core, between_word: str, pre_unit: tuple[str, Any, str, int]
) -> bool:
    """"5% to 10%": a unit after the upper end must be the one after the lower end."""
    after = unit_after(sc, second.last + 1, glued_ok=True)
    if after is None:
        return bool(between_word)
    return (after[0], after[1]) == (pre_unit[0], pre_unit[1])


def reject_dashed_codes(sc: Scan, core: Core, second: Core) -> None:
    """Digits joined by dashes that are no range: phone numbers and ISO dates
    ("555-123-4567", "2019-09-01"), scores ("2-0", "9-2"). Raises Skip."""
    t = sc.t
    n = t.n
    both_int = core.digits.isdigit() and second.digits.isdigit()
    # phone / ISO code chains "555-123-4567", "2019-09-01"
    nxt = second.last + 1
    if nxt + 1 < n and t.tx[nxt] in DASHES and t.kind[nxt + 1] == "n":
        raise Skip(nxt + 2)
    # "555-1234" is a phone number; an en dash is the typesetter's range ("1000–5000")
    hyphen = t.tx[core.last + 1] == "-"
    if hyphen and both_int and len(second.digits) >= 4 and len(core.digits) >= 3:
        if not (core.digits.startswith(second.digits[:1]) and core.unit is not None):
            raise Skip(second.last + 1)
    # scores "2-0", "9-2": the first is not below the second, no unit
    if (
        both_int
        and core.value >= second.value
        and second.unit is None
        and core.unit is None
        and second.scale == 1.0
        and core.currency is None
        and not unit_after(sc, second.last + 1, glued_ok=True)
    ):
        raise Skip(second.last + 1)


def reject_worded_tally(sc: Scan, core: Core, second: Core) -> None:
    """"rejected 92 to 51", "leads Uranga 3,408 to 3,034", "outnumbered advancers by
    10 to 3": a tally or a ratio, the larger side first; no range runs downwards.
    Raises Skip."""
    if not (_whole(core.digits) and _whole(second.digits) and core.value > second.value):
        return
    if core.unit or second.unit or core.currency or second.currency or second.scale != 1.0:
        return
    before = sc.t.low[max(0, core.first - TALLY_LOOK_BACK):core.first]
    if any(w in tally_words()["before"] for w in before):
        raise Skip(second.last + 1)  # "led Dole 45% to 41%"
    if core.scale != 1.0 or unit_after(sc, second.last + 1, glued_ok=True):
        return  # "2 million to 500,000", "10 to 3 degrees": a fall written as a range
    raise Skip(second.last + 1)


@cache
def tally_words() -> dict[str, frozenset[str]]:
    return wordlists.sections("tally_words.txt")


TALLY_LOOK_BACK = 3  # words before a pair that make it a vote or a score


def _whole(digits: str) -> bool:
    """Digits of a whole number, grouped or not ("3,408", "51")."""
    return digits.replace(",", "").isdigit()


def _shares_set_apart(
    sc: Scan, core: Core, second: Core, pre_unit: tuple[str, Any, str, int] | None
) -> bool:
    """"a margin of 53.92 per cent to 46.08 per cent": two shares, the larger first,
    with no change before them, are two figures (a tally), no range."""
    unit = core.unit or (pre_unit[1] if pre_unit is not None and pre_unit[0] == "unit" else None)
    return (
        unit is not None and getattr(unit, "dimension", "") == "percent"
        and core.value > second.value and change_before(sc, core.first) is None
    )


def _change_by_then_level(
    sc: Scan, core: Core, second: Core, pre_unit: tuple[str, Any, str, int] | None
) -> bool:
    """"fell by 18,000 to 214,000", "boosted its output by 50,000 b/d to 10 million
    b/d"; but "rise by 2 to 3 percent" and "risen by 25 to 120 percent", one unit
    after both ends, are ranges."""
    # the verb may stand far before "by": "revised upwards its estimate of the
    # nation's soybean crop by 1.2 million mt to 110.4 million mt" (no range spans 92 times)
    moved = change_before(sc, core.first - 1) is not None or _by_again(sc, core.first - 1) or (
        second.value > FAR_LEVEL_RATIO * core.value
    )
    # a range is written low to high: "fell by 150,000 tonnes to 20,000 tonnes" is a move
    # and the level it left
    return moved and (
        second.value > LEVEL_RATIO * core.value or second.value < core.value
    ) and not (
        core.unit is None and core.currency is None and pre_unit is None
        and _unit_after_end(sc, second)
    )


def change_then_level(
    sc: Scan, core: Core, second: Core, pre_unit: tuple[str, Any, str, int] | None
) -> bool:
    """"rose 0.7 percent to 6,327": a change then a level, not a range. So is a
    signed figure before an unsigned one, in analysts' shorthand ("-269K to
    8.3M", "-44.11 to 4,304.76"); "-5 to -10 degrees" is a range."""
    t = sc.t
    if core.unit is not None and second.unit is None:
        return True
    if _signed(sc, core.first) and not _signed(sc, second.first):
        return True
    elided = _scale_elided(core, second)
    if core.currency is not None and second.currency is not None and (
        second.value > LEVEL_RATIO * core.value * (second.scale if elided else 1.0)
    ):
        return True  # "grew by $4.2 billion to $73.1 billion": no range spans 17 times
    by = core.first > 0 and t.low[core.first - 1] == "by"
    if by and _change_by_then_level(sc, core, second, pre_unit):
        return True
    if change_before(sc, core.first) is not None and not by and pre_unit is not None and (
        second.value > LEVEL_RATIO * core.value * max(1.0, pre_scale(core, second))
    ):
        # "dropped 1.86 million bpd to 29.37 million bpd": no range of a change
        # spans 15 times; "drop 5% to 10%" is one
        return True
    if change_before(sc, core.first) is not None and not by and pre_unit is None:
        # "rose 0.7 to 6,327"; but "rise 120 to 160 basis points", a bare number
        # before a close one with a unit, is a range of the change
        return not (core.unit is None and second.value <= LEVEL_RATIO * core.value
                    and _unit_after_end(sc, second))
    # "$2.50 to 40p"; but "USD 11.0 to 11.5 billion" is one range, its scale
    # written once at its end
    return core.currency is not None and second.currency is None and not (
        elided and change_before(sc, core.first) is None
    )


def _scale_elided(core: Core, second: Core) -> bool:
    """Only the upper end carries a scale, and the lower end is below it as written:
    "$3 to 5 billion", "USD 11.0 to 11.5 billion" (not "$200 to $4 million")."""
    return core.scale == 1.0 and second.scale > 1.0 and core.value < second.value / second.scale


BY_AGAIN_REACH = 12  # tokens back from "or by" to the "by" its verb governs


def _by_again(sc: Scan, by: int) -> bool:
    """A second "by" joined to a first that follows a verb of change: "had risen
    by almost 13 percent or by 2.67 million kilograms to 23.6 million kilograms"."""
    t = sc.t
    if by < 2 or t.low[by - 1] not in ("or", "and"):
        return False
    for j in range(by - 2, max(0, by - BY_AGAIN_REACH), -1):
        if t.low[j] == "by":
            return change_before(sc, j) is not None
    return False


LEVEL_RATIO = 3.0  # a range's upper end within this many times its lower end
FAR_LEVEL_RATIO = 10.0  # ... and "by X to Y" past this many times is a change and a level


def pre_scale(core: Core, second: Core) -> float:
    """How much larger the upper end's scale is, when only it carries one ("1.86
    to 29.37 million": both in millions, compared as written)."""
    return second.scale / core.scale if core.scale == 1.0 and second.scale > 1.0 else 1.0


def _unit_after_end(sc: Scan, second: Core) -> bool:
    """A unit (not money) after the upper end: "120 to 160 basis points"."""
    if second.unit is not None:
        return True
    got = unit_after(sc, second.last + 1, glued_ok=second.kind == "digits")
    return got is not None and got[0] == "unit"


def _signed(sc: Scan, first: int) -> bool:
    """A sign glued before the number at ``first`` ("-269K", "+5%", "−3")."""
    t = sc.t
    p = first - 1
    if p < 0 or t.tx[p] not in ("-", "−", "+") or not t.glued(first):
        return False
    return p == 0 or not t.glued(p)  # "10-12" is no sign


def range_opener(sc: Scan, d: Draft) -> None:
    """"between" or "from" before the figure (or its qualifier), which may open a range."""
    t = sc.t
    if d.qfirst > 0 and t.low[d.qfirst - 1] in _OPENERS:
        d.between_word = t.low[d.qfirst - 1]
    if not d.qual and d.first >= 1 and t.low[d.first - 1] in _OPENERS:
        d.between_word = t.low[d.first - 1]
    elif not d.qual and d.first >= 4 and t.low[d.first - 4:d.first] == _BETWEEN_AGES:
        d.between_word = "between"  # "between the ages of 10 and 14"
    elif not d.qual and d.first >= 3 and t.low[d.first - 3] == "from" and (
        t.low[d.first - 2] in ("the", "a", "an", "its", "their") and t.low[d.first - 1] in _EARLIER
    ):
        d.between_word = "from"  # "from the previous 2.2 percent to 2.7 percent": a move
    elif not d.qual and d.first >= 5 and t.low[d.first - 1] == "of" and _from_the_earlier_of(
        t.low, d.first
    ):
        d.between_word = "from"  # "from the previous forecast of 1.28 billion yen to ..."


_EARLIER = frozenset(("previous", "earlier", "prior", "initial", "original", "first"))
EARLIER_NOUN_WORDS = 2  # words naming the earlier figure: "forecast", "profit forecast"


def _from_the_earlier_of(low: list[str], first: int) -> bool:
    """"from the previous forecast of" (a noun or two, then "of") right before
    the figure at ``first``."""
    if first < 5 or low[first - 1] != "of":
        return False
    for k in range(1, EARLIER_NOUN_WORDS + 1):
        j = first - 2 - k  # the earlier-word's place, before ``k`` nouns and "of"
        if j >= 2 and low[j] in _EARLIER and low[j - 1] in ("the", "its", "their") and (
            low[j - 2] == "from"
        ):
            return True
    return False


_BETWEEN_AGES = ["between", "the", "ages", "of"]


def unit_before_connector(sc: Scan, core: Core, conn: int) -> tuple[str, Any, str, int] | None:
    """A unit between the two ends: "5% to 10%", "1 per cent to 1.5 per cent",
    "from 208 pounds to 193"."""
    t = sc.t
    got = unit_after(sc, conn, glued_ok=core.kind == "digits")
    if got is not None and got[3] + 1 < t.n and (
        t.low[got[3] + 1] in _UNIT_CONNECTORS or t.tx[got[3] + 1] in DASHES
    ):
        return got
    return None


MOVE_LEVEL_RATIO = 3.0  # a level this many times the move's size is no end of a span


def _move_then_level(sc: Scan, d: Draft, conn: int) -> bool:
    """A move word right before the figure and its unit written again before
    "to": "rose 40,000 bpd to 27.82 million bpd" is a rise of 40,000 reaching
    27.82 million, no span ("rose 5 to 10 percent" is one)."""
    t = sc.t
    before = d.qfirst - 1
    return (
        before >= 0 and t.low[conn] == "to" and d.between_word != "from"
        and t.low[before] in _MOVE_WORDS
    )


_MOVE_WORDS = frozenset((
    "up", "down", "rose", "fell", "climbed", "jumped", "dropped", "gained", "lost", "added",
    "increased", "decreased", "grew", "slipped", "declined", "rises", "falls", "climbs",
))


def read_range(sc: Scan, core: Core, d: Draft) -> bool:
    """The upper end of a range after ``core``, if any, joined to it; False when the two
    ends measure different dimensions (no one figure)."""
    conn = d.last + 1
    pre_unit: tuple[str, Any, str, int] | None = None
    if core.kind in ("digits", "spelled") and core.unit is None and conn < sc.t.n:
        pre_unit = unit_before_connector(sc, core, conn)
        if pre_unit is not None:
            conn = pre_unit[3] + 1
    second: Core | None = None
    if core.kind in ("digits", "spelled") and conn < sc.t.n:
        second = range_second(sc, core, conn, d.between_word, pre_unit)
    if second is not None and pre_unit is not None and _move_then_level(sc, d, conn) and (
        second.value >= MOVE_LEVEL_RATIO * core.value > 0
    ):
        # "up 40,000 bpd to 27.82m bpd": the move's size, then the level it reached
        # ("down 3% to 4%", ends of one size, stays a span)
        d.unit = core.unit
        d.surface_unit = core.surface_unit
        return True
    if second is not None:
        join_range(sc, core, d, second, pre_unit, conn)
    d.unit = core.unit or (second.unit if second else None)
    d.surface_unit = core.surface_unit or (second.surface_unit if second else "")
    if d.unit is not None and second is not None:
        # "1.2 million mt to 110.4 million mt": tonnes after a scale, as for one figure
        d.unit = trade_tonnes(d.surface_unit, core.value, max(core.scale, second.scale), d.unit)
    if core.unit is not None and second is not None and second.unit is not None:
        return core.unit.dimension == second.unit.dimension
    return True


# Words that spread a "from ... to ..." over a range, not a move: "ranging from 38% to 79%"
_SPREAD = frozenset((
    "range", "ranges", "ranged", "ranging", "vary", "varies", "varied", "varying",
    "spanning", "stretching",
))
SPREAD_REACH = 3  # tokens back from the figure to "from" (a qualifier or sign between)


def _spread_before(sc: Scan, d: Draft) -> bool:
    low = sc.t.low
    for k in range(max(1, d.first - SPREAD_REACH), d.first):
        if low[k] == "from":
            return low[k - 1] in _SPREAD
    return False


def join_range(
    sc: Scan, core: Core, d: Draft, second: Core,
    pre_unit: tuple[str, Any, str, int] | None, conn: int,
) -> None:
    """Make ``second`` the upper end: the two ends share unit, currency and scale."""
    d.second = second
    d.is_range = True
    # "from 240 to 273" states a move; "from €35bn-€36bn" is a range after "from",
    # and so is "cuts ranging from 38% to 79%"
    d.from_to = (
        d.between_word == "from" and sc.t.low[conn] == "to" and not _spread_before(sc, d)
    )
    if pre_unit is not None and second.unit is None:
        if pre_unit[0] == "unit":
            second.unit, second.surface_unit = pre_unit[1], pre_unit[2]
        elif core.currency is None and pre_unit[0] == "currency":
            core.currency = pre_unit[1]
    if core.currency is not None and second.currency is None and second.unit is not None and (
        (scale := numbers.scale_of(second.surface_unit)) is not None
    ):
        # "$5-7m": after a currency the letter glued to the upper end is its scale
        # (millions), not metres
        second.unit, second.surface_unit = None, ""
        second.scale, second.value = scale, second.value * scale
    if second.scale > 1 and core.scale == 1.0 and core.value < second.value / second.scale:
        # "$10 to $15 billion", "four to five thousand"; not "$200 to $4 million"
        core.value *= second.scale
        core.tol = numbers.rounding_tolerance(core.digits, second.scale, core.value)
    if core.currency is None:
        core.currency = second.currency
    d.last = second.last


def unit_after_range_end(sc: Scan, d: Draft) -> None:
    """The unit written after the upper end belongs to the span: "5% to 10%"."""
    assert d.second is not None
    after = unit_after(sc, d.last + 1, glued_ok=d.second.kind == "digits")
    if after is not None and (after[1] in (d.unit, d.currency) or after[2] == d.surface_unit):
        d.last = after[3]
        d.pos = d.last + 1


_LOWER_BOUNDS = frozenset(("more_than", "at_least"))
_UPPER_BOUNDS = frozenset(("less_than", "at_most"))
_BOUND_JOINERS = frozenset(("and", "but", ""))


def bounds_pair(text: str, a: Mention, b: Mention) -> tuple[Mention, Mention] | None:
    """(lower, upper) when ``a`` and ``b`` are the two bounds of one interval: "larger
    than 10 and smaller than 20", "no more than 50 and no less than 20"; None for two
    figures ("more than 194" and "no more than 12" bound nothing together)."""
    if a.is_range or b.is_range:
        return None
    gap = text[a.end:b.start]
    if len(gap) > 8 or gap.replace(",", " ").strip().lower() not in _BOUND_JOINERS:
        return None
    if a.qualifier in _LOWER_BOUNDS and b.qualifier in _UPPER_BOUNDS:
        lower, upper = a, b
    elif a.qualifier in _UPPER_BOUNDS and b.qualifier in _LOWER_BOUNDS:
        lower, upper = b, a
    else:
        return None
    if a.unit != b.unit and (a.unit.dimension != "count" or a.subject):
        return None  # "more than 5 and less than 10 km" shares the unit; two units do not
    if not lower.extras["written"] < upper.extras["written"]:
        return None
    return lower, upper


def join_bounds(text: str, mentions: list[Mention]) -> list[Mention]:
    """Two bounds of one interval as one range mention: "larger than 10 and smaller
    than 20" is [10, 20]."""
    out: list[Mention] = []
    for m in mentions:
        pair = bounds_pair(text, out[-1], m) if out else None
        if pair is None:
            out.append(m)
            continue
        lower, upper = pair
        first = out.pop()
        out.append(replace(
            m, start=first.start, low=lower.low, high=upper.high,
            value=(lower.low + upper.high) / 2, qualifier="range", change="=",
            subject=m.subject or first.subject, attributes=first.attributes + m.attributes,
            tolerance=max(first.tolerance, m.tolerance), is_range=True,
            surface_value=text[first.start:m.end],
            extras={**m.extras, "written": (lower.extras["written"], upper.extras["written"])},
        ))
    return out
