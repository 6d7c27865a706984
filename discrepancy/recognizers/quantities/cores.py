"""The number itself: digits, spelled numbers, fractions, with the currency mark
before it, the scale word after it ("2 million", "1.2bn") and a glued unit ("152mm")."""

from __future__ import annotations

import math
import re

from ...text import numbers, units
from ...text.lemmas import is_plural
from .context import is_month, sentence_start
from .lexicon import AMPM, METRE_CONTEXT, ORDINAL_SUFFIX, word_list
from .mention import Core, Draft, Skip
from .state import Scan
from .tokens import CURRENCY_CHARS, DASHES, SENTENCE_ENDS, VULGAR, superscript_int
from .units_after import trade_tonnes, unit_after

MILLION_COUNTED = word_list("million_counted")
MILLION_OF = word_list("million_of")
_NOT_LAST = word_list("spelled_not_last")
_SCALE_LETTERS = word_list("scale_letters")
_SCALE_OR_UNIT = word_list("scale_or_unit_suffixes")

MAX_SPELLED = 16


def currency_prefix(sc: Scan, i: int) -> tuple[str, int] | None:
    """(ISO code, index of the number token) if a currency mark starts at ``i``."""
    t, lx = sc.t, sc.lx
    if t.tx[i] not in lx.prefix_first:
        return None  # most tokens begin no currency mark: no slicing and lookups
    for k in (3, 2, 1):
        last = i + k - 1
        if last + 1 >= t.n:
            continue
        s = sc.text[t.st[i] : t.en[last]]
        code = lx.prefixes.get(s)
        if code is None:
            continue
        nxt = last + 1
        if t.kind[nxt] != "n":
            continue
        if s in lx.attached_prefixes or (s[-1].isalpha() and s not in lx.spaced_prefixes):
            if not t.glued(nxt) and not (len(s) == 3 and s.isupper()):
                continue
        elif t.st[nxt] - t.en[last] > 1:
            continue
        if t.kind[i] == "w" and t.glued(i) and t.kind[i - 1] == "w":
            continue
        if s == "pounds" and i > 0 and t.kind[i - 1] == "n":
            continue  # "weighed 200 pounds 5 ounces": a weight, then another
        if len(s) == 1 and s.isalpha() and not _money_shaped(sc, nxt):
            continue  # "Y10.72 billion" is yen; "Y2K", "a Y3 shirt" are no money
        return code, nxt
    return None


def _money_shaped(sc: Scan, j: int) -> bool:
    """A number written as money is: decimals, thousands groups or a scale after it."""
    t = sc.t
    if "." in t.tx[j] or "," in t.tx[j]:
        return True
    # a scale of two letters or more: "Y5 billion", "Y5bn"; "Y2K" is the year 2000
    return j + 1 < t.n and len(t.low[j + 1]) > 1 and (
        t.low[j + 1] in numbers.number_words()["scale_abbreviations"]
    )


def read_core(sc: Scan, i: int) -> Core | None:
    """The number itself (with currency prefix, scale and glued unit)."""
    t = sc.t
    currency: str | None = None
    start = i
    cp = currency_prefix(sc, i)
    if cp is not None:
        currency, i = cp
    elif t.kind[i] == "w":
        if t.low[i] not in sc.lx.spelled_start:
            return None
        core = spelled_core(sc, i)
        if core is None:
            return None
        return core
    elif t.kind[i] == "p":
        if t.tx[i] in VULGAR:
            v = numbers.number_words()["vulgar_fractions"][t.tx[i]]
            return Core(value=v, first=i, last=i, digits="", kind="fraction", tol=0.01)
        return None
    core = digit_core(sc, i)
    if core is None:
        return None
    if currency is not None:
        core.first = start
        core.currency = currency
    return core


def spelled_core(sc: Scan, i: int) -> Core | None:
    """A number spelled in words: "twenty-five", "three million", "a half"."""
    t, lx = sc.t, sc.lx
    words: list[str] = []
    idx: list[int] = []
    j = i
    n = t.n
    while j < n and len(words) < MAX_SPELLED:
        low = t.low[j]
        if t.kind[j] == "w" and low in lx.spelled_part:
            words.append(low)
            idx.append(j)
            j += 1
        elif t.tx[j] in DASHES and words and spelled_dash(sc, j):
            j += 1
        else:
            break
    if _hyphened_part(sc, words, idx):
        words = [words[0], words[1] + "s"]  # "a two-third majority" (South Asian English)
    got = (
        numbers.spelled_value(words) or _article_left_out(sc, i, words)
        or _half_of(sc, i, words)
    )
    half_a = got is None and (got := _half_a_unit(sc, words, idx)) is not None
    # "a" of "more than a dollar" is the number, and its last word
    a_unit = got is None and (got := _a_currency_unit(sc, i, words)) is not None
    if got is None:
        return None
    value, used = _periods_counted(words, *got)
    last = idx[used - 1]
    if _no_number(sc, i, words, used, last):
        return None
    if not half_a and not a_unit and (
        words[used - 1] in _NOT_LAST or ordinal_not_part(sc, words[used - 1], last)
    ):
        return None
    scale = numbers.number_words()["scales"].get(words[used - 1])
    if 0 < value < 1:
        value, last, of_scale = fraction_of_a_scale(sc, value, last)
        scale = of_scale or scale
        if of_scale is None:
            last = _fraction_of_a_unit(sc, last)
    digits = int_digits(value)
    core = Core(value=value, first=i, last=last, digits=digits, kind="spelled")
    if scale:
        core.scale = float(scale)
    core.tol = numbers.rounding_tolerance(digits, 1.0, value) if digits else 0.01
    if value != int(value):
        core.kind = "fraction"
    return core


def _hyphened_part(sc: Scan, words: list[str], idx: list[int]) -> bool:
    """"two-third", "three-fourth": a count glued by a dash to a singular part,
    less than the whole: the parts, written singular."""
    if len(words) < 2 or idx[1] != idx[0] + 2 or sc.t.tx[idx[0] + 1] not in DASHES:
        return False
    fractions = numbers.number_words()["fractions"]
    count = numbers.number_words()["ones"].get(words[0])
    part = fractions.get(words[1])
    return (
        count is not None and part is not None and not words[1].endswith("s")
        and 1 < count and count * part < 1
    )


def _no_number(sc: Scan, i: int, words: list[str], used: int, last: int) -> bool:
    """"one" that is no number ("one of them"), "gross" that is no 144 ("a gross
    margin", "gross domestic product"; "a gross of pencils" is)."""
    t = sc.t
    if words[0] == "one" and used == 1 and one_is_no_number(sc, i, last):
        return True
    if _in_a_name(sc, i):
        return True
    return words[used - 1] == "gross" and (last + 1 >= t.n or t.low[last + 1] != "of")


def _in_a_name(sc: Scan, i: int) -> bool:
    """A capitalized number word after a capitalized word inside a sentence is part of
    a name: "the 14 Big Ten universities", "the Big Four banks", "the Final Four"."""
    t = sc.t
    prev = i - 1
    return (
        t.tx[i][0].isupper() and prev > 0 and t.kind[prev] == "w" and t.tx[prev][0].isupper()
        and not t.glued(i) and not sentence_start(sc, prev) and not is_month(sc, prev)
    )


def _article_left_out(sc: Scan, i: int, words: list[str]) -> tuple[float, int] | None:
    """"some dozen more people", "more than hundred per cent": a scale word after a
    hedge, its "a" left out."""
    if not words or words[0] not in _BARE_SCALES or i == 0 or sc.t.low[i - 1] not in _BARE_BEFORE:
        return None
    got = numbers.spelled_value(["a", *words])
    return (got[0], got[1] - 1) if got is not None and got[1] > 1 else None


_HALF_OF_AFTER = frozenset(("the", "of", "its", "their", "his", "her", "our", "all", "those",
                            "these", "this", "that"))
_DEMONSTRATIVES = frozenset(("that", "those", "this", "these"))
_COMPARED_MEASURES = frozenset(("size", "age", "length", "height", "weight", "price", "cost",
                                "rate", "level", "speed", "distance", "amount", "pace"))
_NO_HALF_BEFORE = frozenset(("first", "second", "other", "and", "a", "one", "latter", "former",
                             "back", "top", "bottom", "better"))


def _half_of(sc: Scan, i: int, words: list[str]) -> tuple[float, int] | None:
    """"around half the network", "half of its staff": a half without its "a",
    before what it is a half of ("the second half of the year", "and a half" are
    no share)."""
    t = sc.t
    if not words or words[0] != "half" or i + 1 >= t.n or t.low[i + 1] not in _HALF_OF_AFTER:
        return None
    if i > 0 and t.low[i - 1] in _NO_HALF_BEFORE:
        return None
    k = i + 2  # "half the Sun's age", "half the size of": a comparison, no share
    if k < t.n and (t.low[k] in _COMPARED_MEASURES or (k + 1 < t.n and t.tx[k + 1] in ("'", "’"))):
        return None
    if t.low[i + 1] in _DEMONSTRATIVES and (k >= t.n or t.low[k] == "of" or not t.low[k].isalpha()):
        # "about half that.", "half those of last year": the figure a source set
        # beside it, halved; "half those surveyed" is a share
        return None
    return 0.5, 1


def _a_currency_unit(sc: Scan, i: int, words: list[str]) -> tuple[float, int] | None:
    """"fell by more than a dollar", "up by a penny": one unit of money, where a
    bound or "by" says the article counts ("a dollar store" and "a pound of
    flour" stay words)."""
    t = sc.t
    if words != ["a"] or i == 0 or i + 1 >= t.n or t.low[i - 1] not in _A_UNIT_BEFORE:
        return None
    return (1.0, 1) if t.low[i + 1] in _MONEY_UNITS else None


_A_UNIT_BEFORE = frozenset(("than", "by", "about", "around", "nearly", "almost", "roughly",
                            "under", "over"))
_MONEY_UNITS = word_list("a_money_units")
_BARE_SCALES = frozenset(("dozen", "hundred", "thousand"))
_BARE_BEFORE = frozenset(("some", "about", "around", "roughly", "nearly", "almost", "than",
                          "over", "approximately"))
_PLURAL_PERIODS = frozenset(("halves", "quarters"))


def _periods_counted(words: list[str], value: float, used: int) -> tuple[float, int]:
    """ "four quarters", "two halves" (of a game): periods counted, not parts making
    a whole; "five quarters" stays 1.25."""
    if used >= 2 and value >= 1 and value == int(value) and words[used - 1] in _PLURAL_PERIODS:
        whole = numbers.spelled_value(words[:used - 1])
        if whole is not None and whole[1] == used - 1:
            return whole
    return value, used


def _half_a_unit(sc: Scan, words: list[str], idx: list[int]) -> tuple[float, int] | None:
    """ "half a mile", "half an hour": a half of the unit that follows (only a
    unit: "half a loaf" counts nothing)."""
    if len(words) < 2 or words[0] != "half" or words[1] not in ("a", "an"):
        return None
    nxt = idx[1] + 1
    t = sc.t
    if nxt >= t.n or t.kind[nxt] != "w" or units.lookup(t.tx[nxt]) is None:
        return None
    return 0.5, 2


def _fraction_of_a_unit(sc: Scan, last: int) -> int:
    """ "a tenth of a ton", "a quarter of a mile", "three-quarters of an hour": the
    part of the unit after "of a"; the core then ends at the "a", and the unit is
    read after it. Unchanged when no unit follows ("a third of the vote")."""
    t = sc.t
    k = last + 1
    if k + 2 < t.n and t.low[k] == "of" and t.low[k + 1] in ("a", "an") and (
        t.kind[k + 2] == "w" and units.lookup(t.tx[k + 2]) is not None
    ):
        return k + 1
    return last


def fraction_of_a_scale(sc: Scan, value: float, last: int) -> tuple[float, int, float | None]:
    """"a quarter of a million", "two-thirds of a billion": the part of the scale
    (value, last token, the scale); unchanged when no "of a <scale>" follows."""
    t = sc.t
    k = last + 1
    if k + 2 < t.n and t.low[k] == "of" and t.low[k + 1] in ("a", "an"):
        scale = numbers.number_words()["scales"].get(t.low[k + 2])
        if scale:
            return value * float(scale), k + 2, float(scale)
    return value, last, None


def one_is_no_number(sc: Scan, i: int, last: int) -> bool:
    """"one" as a pronoun ("one of the", "no one") or in a name ("BBC One"), unless
    a proportion follows ("one in four")."""
    t, lx = sc.t, sc.lx
    prev = t.low[i - 1] if i > 0 else ""
    nxt = t.low[last + 1] if last + 1 < t.n else ""
    if nxt in DASHES and _unit_after_dash(sc, last + 1):
        return False  # "a one-year term", "a one-mile walk": a measure
    if (prev in lx.one_before or nxt in lx.one_after or nxt in DASHES) and not (
        proportion_after(sc, last) or _percent_after(sc, last + 1)
    ):
        return True
    return t.tx[i][0].isupper() and not sentence_start(sc, i)  # "BBC One", "Apple One"


def _unit_after_dash(sc: Scan, j: int) -> bool:
    """A unit glued after the dash at ``j``: "a one-year term", "a one-mile walk"
    (but "one-off", "one-time": no units; "the One-Day Cup", "a one-day
    international": a format of the game more often than a span)."""
    t = sc.t
    return j + 1 < t.n and t.glued(j) and t.glued(j + 1) and t.kind[j + 1] == "w" and (
        units.lookup(t.tx[j + 1]) is not None and t.low[j + 1] != "day"
    )


def _percent_after(sc: Scan, j: int) -> bool:
    """ "a one per cent increase": a percent after "one" makes it a number."""
    t = sc.t
    return j < t.n and (t.tx[j] == "%" or t.low[j] in ("percent", "pct") or (
        t.low[j] == "per" and j + 1 < t.n and t.low[j + 1] == "cent"
    ))


def spelled_dash(sc: Scan, j: int) -> bool:
    """A dash inside a spelled number: "twenty-five", "one - fourth" (glued on both
    sides or spaced on both sides, a spelled word after it). Never a part joined
    to a part ("third-quarter"): that names a period ("a half-dozen" is six)."""
    t = sc.t
    if j + 1 >= t.n or t.low[j + 1] not in sc.lx.spelled_part:
        return False
    if j > 0 and numbers.denominator(t.low[j - 1]) is not None and (
        numbers.denominator(t.low[j + 1]) is not None
    ):
        return False
    return t.glued(j) == t.glued(j + 1)


# Words after "a seventh" that keep it a part: "a seventh of", "a ninth more".
_PART_AFTER = frozenset(("of", "more", "less", "fewer", "as"))
_ORDINAL_COMPOUNDS = word_list("ordinal_compounds")
_SCORING_VERBS = word_list("scoring_verbs")


def ordinal_not_part(sc: Scan, word: str, last: int) -> bool:
    """A single part named by an ordinal outside the news fractions ("third", "fifth",
    "tenth"...), before a noun, is the ordinal: "a fourth straight year", "a seventh
    term"; but "a seventh of voters". The news fractions keep their old reading: the
    checks see an edited "a third term" through it."""
    den = numbers.denominator(word)
    if den is None or den[1]:
        return False
    t = sc.t
    nxt = last + 1
    if hyphened_name(sc, nxt):
        return True  # "a third-quarter loss", "a quarter-on-quarter basis"
    if last >= 2 and t.low[last - 1] in ("a", "an") and t.low[last - 2] in _SCORING_VERBS and (
        nxt >= t.n or t.low[nxt] not in _PART_AFTER
    ):
        return True  # "Eriksen added a third after 52 minutes": the third goal
    if word not in ("half", "quarter") and _glued_dash(sc, nxt):
        return True  # "a fifth-minute own goal", "a third-minute penalty": a rank
    if nxt < t.n and t.kind[nxt] == "w" and t.tx[nxt][0].isupper() and (
        word not in ("half", "quarter")
    ):
        return True  # "a sixth Wimbledon crown", "a third Super Bowl ring": a rank
    if nxt < t.n and t.low[nxt] in _ORDINAL_COMPOUNDS:
        return True  # "a third party", "a second reading": one name, no part
    if word not in ("half", "quarter") and _singular_time_unit(sc, nxt):
        return True  # "on a third day", "a fifth year": no part of a day is said so
    if _in_ordinal_run(sc, last):
        return True  # "a second alarm at 6.10 p.m., a third at 6.15 and a fourth"
    if word in numbers.number_words()["fractions"]:
        return False
    return nxt < t.n and t.kind[nxt] == "w" and t.low[nxt] not in _PART_AFTER


ORDINAL_RUN_TOKENS = 12  # tokens either side searched for the run's other steps
_NUMBERED_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)")


def _in_ordinal_run(sc: Scan, last: int) -> bool:
    """"a third" beside another "a second", "a 4th": steps of one sequence
    ("a second alarm at 6.10 p.m., a third at 6.15"), each an ordinal whose noun
    was left out after the first, no part of anything. Parts ("a fifth of the
    budget, a third of staff") and "the second quarter" make no run."""
    t = sc.t
    if (last + 1 < t.n and t.low[last + 1] in _PART_AFTER) or (
        last >= 2 and t.low[last - 2] in ("by", "nearly", "almost", "about", "roughly")
    ):
        return False  # "a fifth of the budget, a third of staff", "fell by a third": parts
    for j in range(max(1, last - ORDINAL_RUN_TOKENS), min(t.n, last + ORDINAL_RUN_TOKENS)):
        if j in (last - 1, last) or t.low[j - 1] not in ("a", "an") or (
            j + 1 < t.n and t.low[j + 1] in _PART_AFTER
        ):
            continue
        w = t.low[j]
        if w == "second" or _NUMBERED_ORDINAL.fullmatch(w) or (
            (den := numbers.denominator(w)) is not None and not den[1]
            and w not in ("half", "quarter")
        ):
            return True
    return False


_TIME_UNITS = frozenset(("day", "week", "month", "year", "hour", "minute", "season", "decade"))


def _singular_time_unit(sc: Scan, j: int) -> bool:
    """A singular unit of time after "a third": a rank ("on a third day"), unless
    a share is said ("fell by a third year on year")."""
    t = sc.t
    return j < t.n and t.low[j] in _TIME_UNITS and not (j >= 3 and t.low[j - 3] == "by")


def _glued_dash(sc: Scan, j: int) -> bool:
    t = sc.t
    return j + 1 < t.n and t.tx[j] in DASHES and t.glued(j) and t.glued(j + 1)


def hyphened_name(sc: Scan, j: int) -> bool:
    """A glued dash at ``j`` and a word after it that is no unit: the part before
    it names a period or a rank ("third-quarter", "first-half", "quarter-on-
    quarter"); "a half-mile", "a quarter-century", "a quarter-point cut" measure."""
    t = sc.t
    if j + 1 >= t.n or t.tx[j] not in DASHES or not t.glued(j) or not t.glued(j + 1):
        return False
    # "a quarter-point cut", "a half-point lead": a measure of points, as "a half-mile"
    return t.kind[j + 1] == "w" and units.lookup(t.tx[j + 1]) is None and (
        t.low[j + 1] != "point"
    )


def digit_core(sc: Scan, i: int) -> Core | None:
    """A number written in digits, with what is glued to it or follows it: a fraction,
    an exponent, a scale ("2 million", "20k") or a unit ("152mm")."""
    t = sc.t
    raw = t.tx[i]
    value = numbers.parse_digits(raw)
    if value is None:
        return None
    core = Core(value=value, first=i, last=i, digits=raw)
    j = i + 1
    if j < t.n:
        if _with_a_part(sc, core, i, j) or _with_a_power(sc, core, j):
            return core
        if t.kind[j] == "w" and t.glued(j):
            glued_suffix(sc, core, j)
    k = core.last + 1
    if hyphened_scale(sc, k) and core.scale == 1.0 and core.unit is None:
        k += 1  # "$1.3-billion", "2.9-million": the Canadian press joins the scale
    if k < t.n and t.kind[k] == "w" and core.scale == 1.0 and core.unit is None:
        spaced_scale(sc, core, k)
    core.tol = numbers.rounding_tolerance(raw, core.scale, value * core.scale)
    core.value = value * core.scale
    return core


def _with_a_part(sc: Scan, core: Core, i: int, j: int) -> bool:
    """A fraction after the whole digits at ``i``, read into ``core``: "3/4", "10
    1/2", "5-1/2", "51 and a half", "2½"."""
    t = sc.t
    nxt = t.tx[j]
    if nxt in _SLASHES and slash_fraction(sc, core, j):
        return True
    if t.kind[j] == "n" and mixed_number(sc, core, j):
        return True
    if nxt in DASHES and dashed_mixed_number(sc, core, j):
        return True
    if t.low[j] == "and" or (nxt in DASHES and j + 1 < t.n and t.low[j + 1] == "and"):
        if digits_and_a_half(sc, core, j):
            return True
    if nxt in VULGAR and _fraction_follows(sc, i, j, core.digits):
        as_fraction(core, core.value + numbers.number_words()["vulgar_fractions"][nxt], j)
        return True
    return False


def _with_a_power(sc: Scan, core: Core, j: int) -> bool:
    """A power of ten after the digits, read into ``core``: "3×10⁶", "1.2e6"."""
    t = sc.t
    nxt = t.tx[j]
    if nxt in _TIMES and (superscript_exponent(sc, core, j) or minus_exponent(sc, core, j)):
        return True
    return nxt in _POWER_MARKS and t.glued(j) and glued_power(sc, core, j)


def _fraction_follows(sc: Scan, i: int, j: int, raw: str) -> bool:
    """The vulgar fraction at ``j`` completes the digits at ``i``: glued ("2½") or
    one space after a whole ("13 ½ hours")."""
    t = sc.t
    return t.glued(j) or (raw.isdigit() and sc.text[t.en[i]:t.st[j]] == " ")


def hyphened_scale(sc: Scan, k: int) -> bool:
    """A dash glued between the digits and a scale word at ``k``: "1.3-billion"."""
    t = sc.t
    return (
        k + 1 < t.n and t.tx[k] in DASHES and t.glued(k) and t.glued(k + 1)
        and t.low[k + 1] in sc.lx.scales_spaced
    )


_SLASHES = frozenset(("/", "⁄"))
_TIMES = frozenset(("×", "x", "*", "·"))


def as_fraction(core: Core, value: float, last: int) -> None:
    """Make ``core`` the fraction ``value`` ending at token ``last``."""
    core.value = value
    core.last = last
    core.kind = "fraction"
    core.digits = ""
    core.tol = 0.01


def slash_fraction(sc: Scan, core: Core, j: int) -> bool:
    """"1/16", "1⁄32"; skips a date "10/12/2023" and "24/7", "9/11"."""
    t = sc.t
    if not (j + 1 < t.n and t.glued(j) and t.glued(j + 1) and t.kind[j + 1] == "n"):
        return False
    raw = core.digits
    den = numbers.parse_digits(t.tx[j + 1])
    if core.currency is not None or money_before(sc, core.first):
        return False  # "Rs 500/1000 notes": two amounts of money, no half a rupee
    if j + 2 < t.n and t.tx[j + 2] in _SLASHES and t.glued(j + 2):
        raise Skip(j + 4)  # a date "10/12/2023"
    if not den or den <= core.value or "." in t.tx[j + 1] or "." in raw:
        raise Skip(j + 2)  # "24/7", "9/11": not a fraction
    as_fraction(core, core.value / den, j + 1)
    return True


def mixed_number(sc: Scan, core: Core, j: int, glued_ok: bool = False) -> bool:
    """"10 1/2", "7 3/4": a whole number, a space (or, ``glued_ok``, a dash before
    ``j``), a proper fraction."""
    t = sc.t
    if (
        j + 2 < t.n and (glued_ok or not t.glued(j)) and core.digits.isdigit()
        and t.tx[j + 1] in _SLASHES and t.glued(j + 1) and t.glued(j + 2)
        and t.tx[j].isdigit() and t.tx[j + 2].isdigit()
        and 0 < int(t.tx[j]) < int(t.tx[j + 2]) <= 64
        and not (j + 3 < t.n and t.tx[j + 3] in _SLASHES)
    ):
        as_fraction(core, core.value + int(t.tx[j]) / int(t.tx[j + 2]), j + 2)
        return True
    return False


def dashed_mixed_number(sc: Scan, core: Core, j: int) -> bool:
    """"5-1/2 years": a whole number, a glued dash, a proper fraction."""
    t = sc.t
    if not (j + 3 < t.n and t.glued(j) and t.glued(j + 1) and t.kind[j + 1] == "n"):
        return False
    if mixed_number(sc, core, j + 1, glued_ok=True):
        return True
    return False


_AND_A_HALF = ("and", "a", "half")


def digits_and_a_half(sc: Scan, core: Core, j: int) -> bool:
    """"51 and a half years", "51-and-a-half years", "1 and one-half feet", "2 and
    three quarters miles": the digits and a part."""
    t = sc.t
    words = [k for k in range(j, min(t.n, j + 6)) if t.tx[k] not in DASHES]
    if len(words) < 3 or t.low[words[0]] != "and" or not core.digits.isdigit():
        return False
    if tuple(t.low[k] for k in words[:3]) == _AND_A_HALF and words[2] - j <= 5:
        as_fraction(core, core.value + 0.5, words[2])
        return True
    # "and one-half", "and three quarters": a count of parts less than the whole
    count = numbers.number_words()["ones"].get(t.low[words[1]])
    part = numbers.number_words()["fractions"].get(t.low[words[2]])
    if count is None or part is None or not 0 < count * part < 1 or words[2] - j > 5:
        return False
    as_fraction(core, core.value + count * part, words[2])
    return True


def superscript_exponent(sc: Scan, core: Core, j: int) -> bool:
    """Scientific notation with a superscript exponent: "3×10⁶", "2.5 × 10⁻³"."""
    t = sc.t
    n = t.n
    if not (j + 2 < n and t.tx[j + 1] == "10" and t.glued(j + 2)):
        return False
    # the superscript minus is a token of its own: "10⁻³" is "10", "⁻", "³"
    minus = t.tx[j + 2] == "⁻" and j + 3 < n and t.glued(j + 3)
    last = j + 3 if minus else j + 2
    exp = superscript_int(("⁻" if minus else "") + t.tx[last])
    if exp is None:
        return False
    value = core.value
    core.value = value * 10.0 ** exp
    core.last = last
    core.tol = numbers.rounding_tolerance(core.digits, 1.0, value)
    return True


def minus_exponent(sc: Scan, core: Core, j: int) -> bool:
    """Scientific notation written flat: "1.99×10−30", "2x10^6"."""
    t = sc.t
    if not (
        j + 3 < t.n
        and t.tx[j] != "·"
        and t.tx[j + 1] == "10"
        and t.tx[j + 2] in ("−", "-", "^", "–")
        and t.kind[j + 3] == "n"
    ):
        return False
    exp = numbers.parse_digits(t.tx[j + 3])
    if exp is None or not t.glued(j + 1):
        return False
    value = core.value
    core.value = value * 10.0 ** (-exp if t.tx[j + 2] != "^" else exp)
    core.last = j + 3
    core.tol = numbers.rounding_tolerance(core.digits, 1.0, value)
    return True


_POWER_MARKS = frozenset(("e", "E", "^"))


def glued_power(sc: Scan, core: Core, j: int) -> bool:
    """A power written flat, glued: "1e10", "2.5e-3" (times ten to it), "1.1^+23",
    "2^10" (the base raised to it)."""
    t = sc.t
    k = j + 1
    sign = 1
    if k < t.n and t.tx[k] in ("+", "-", "−") and t.glued(k):
        sign = -1 if t.tx[k] != "+" else 1
        k += 1
    if not (k < t.n and t.glued(k) and t.tx[k].isdigit() and len(t.tx[k]) <= 3):
        return False
    if k + 1 < t.n and t.glued(k + 1) and t.kind[k + 1] != "p":
        return False  # "3e10x", a code
    exp = sign * int(t.tx[k])
    base = core.value
    try:
        value = base ** exp if t.tx[j] == "^" else base * 10.0 ** exp
    except (OverflowError, ZeroDivisionError):
        return False  # "0e309", "0^-1": no figure
    if not isinstance(value, float | int) or not math.isfinite(value) or (value == 0 and base != 0):
        return False
    core.value = value
    core.last = k
    core.kind = "digits"
    core.digits = ""
    core.tol = 0.0
    return True


def glued_suffix(sc: Scan, core: Core, j: int) -> None:
    """Letters glued to the digits: a scale ("20k", "1.2bn"), a unit ("152mm", "80km/h"),
    "x" ("3x"); skips ordinals ("2nd"), times ("5pm"), decades ("1990s") and codes ("5G")."""
    t = sc.t
    raw = core.digits
    lsuf = t.low[j]
    if lsuf in ORDINAL_SUFFIX and "." not in raw:
        raise Skip(j + 1)
    if lsuf in AMPM:
        raise Skip(j + 1)
    if lsuf == "s" and "." not in raw:
        raise Skip(j + 1)  # "1990s", "Model 3s"
    if j + 1 < t.n and t.kind[j + 1] == "n" and t.glued(j + 1) and len(t.tx[j + 1]) in (2, 4):
        raise Skip(j + 2)  # "9M23" (nine months of 2023), "H1" codes: a period, no figure
    scale = glued_scale(sc, t.tx[j], j)
    if scale is not None:
        core.scale = scale
        core.last = j
        return
    got = unit_after(sc, j, glued_ok=True)
    if got is not None and got[0] == "unit":
        core.unit = trade_tonnes(got[2], core.value, core.scale, got[1])
        core.surface_unit = got[2]
        core.last = got[3]  # "80km/h" is one unit, not "km" per "h"
    elif got is not None:
        pass  # "118.5p", "50sen": read with the unit after the figure
    elif lsuf == "x":
        core.kind = "multiplier"
        core.last = j
    elif t.tx[j] == "c" and _warming_near(sc, j):
        # "1.48c hotter", "the 1.5c target": some outlets write Celsius in lower
        # case; beside words of heat it is no cent ("5c a litre")
        core.unit = units.lookup("C")
        core.surface_unit = "c"
        core.last = j
    else:
        raise Skip(j + 1)  # "9AB", "5G", "3D": a code, not a figure


WARMING_REACH = 8  # tokens either side of a lower-case "c" searched for a word of heat




def _warming_near(sc: Scan, j: int) -> bool:
    """A word of heat within ``WARMING_REACH`` tokens of ``j``, in its sentence."""
    t = sc.t
    words = word_list("warming_words")
    for step in (-1, 1):
        k = j + step
        while 0 <= k < t.n and abs(k - j) <= WARMING_REACH and t.tx[k] not in SENTENCE_ENDS:
            if t.low[k] in words:
                return True
            k += step
    return False


# A plural scale after digits and before a noun: "to 99 millions tons" (a slip
# some outlets make)
_PLURAL_SCALES = {"millions": 1e6, "billions": 1e9, "trillions": 1e12}


def spaced_scale(sc: Scan, core: Core, k: int) -> None:
    """A scale word ``k`` after the digits: "2 million", "1.5 bn", "1.8 billion-mile",
    "8 B people"."""
    t = sc.t
    scale = sc.lx.scales_spaced.get(t.low[k])
    if scale is None and t.tx[k] in _SCALE_LETTERS and k + 1 < t.n and t.kind[k + 1] == "w":
        if is_plural(t.low[k + 1]):
            scale = numbers.scale_of(t.tx[k])  # "8 B people"
    if scale is None and t.low[k] in _PLURAL_SCALES and k + 1 < t.n and t.kind[k + 1] == "w" \
            and t.low[k + 1] != "of" and not 1900 <= core.value <= 2100:
        # "99 millions tons"; "In 2020 millions of people", "In 2020 millions lost" are vague
        scale = _PLURAL_SCALES[t.low[k]]
    if scale is None and t.tx[k] in _SCALE_LETTERS and core.first > 0 and (
        currency_prefix(sc, core.first - 1) is not None
        or (core.first > 1 and currency_prefix(sc, core.first - 2) is not None)
    ) and (k + 1 == t.n or t.kind[k + 1] == "p"):
        scale = numbers.scale_of(t.tx[k])  # "Ksh 157 B.": money, a clause ends
    if scale is not None:
        core.scale = scale
        core.last = k
        crore = sc.lx.scales_spaced.get(t.low[k + 1]) if k + 1 < t.n else None
        if scale == LAKH and crore == CRORE:
            core.scale, core.last = scale * crore, k + 1  # "Rs 2 lakh crore": 2 trillion


LAKH, CRORE = 1e5, 1e7


def glued_scale(sc: Scan, suf: str, j: int) -> float | None:
    """Scale abbreviation glued to digits. "m" is million only where a metre is unlikely."""
    t = sc.t
    scale = numbers.scale_of(suf)
    if scale is None:
        return None
    if suf in _SCALE_OR_UNIT:
        if money_before(sc, j - 1):
            return scale
        nxt = j + 1
        if suf == "m" and nxt < t.n and t.kind[nxt] == "w":
            # "2.7m combined sales", "1.2m tons", "5m people"; but "37m long",
            # "a 100m sprint", "520m trains"
            if t.low[nxt] in METRE_CONTEXT:
                return None
            raw = t.tx[j - 1]
            if "," in raw:
                return None  # "8,844.43m measurement": a million is written "8.8bn"
            if "." in raw or units.lookup(t.tx[nxt]) is not None or _unit_follows(sc, nxt):
                return scale
            if units.currency_word(t.tx[nxt]) is not None:
                return scale  # "220m Euros", "5m pounds"
            if is_plural(t.low[nxt]) and numbers.parse_digits(raw) is not None:
                # "5m people"; at 100 and more a race's distance ("400m runners")
                # unless the noun is never one's ("130m passengers")
                big_ok = t.low[nxt] in MILLION_COUNTED
                return scale if (numbers.parse_digits(raw) or 0) < 100 or big_ok else None
        if suf == "m" and (nxt >= t.n or t.kind[nxt] == "p") and _million_of(sc, j - 1):
            return scale
        return None
    return scale


def _million_of(sc: Scan, digits: int) -> bool:
    """A glued "m" ending its clause after "NOUN of", the noun a thing counted or paid in
    millions: "commands a global audience of 600m." (no audience is 600 metres)."""
    t = sc.t
    return digits >= 2 and t.low[digits - 1] == "of" and t.low[digits - 2] in MILLION_OF


def _unit_follows(sc: Scan, j: int) -> bool:
    """A unit of several tokens starts at ``j``: "10m b/d" is ten million barrels a day."""
    got = unit_after(sc, j, glued_ok=False)
    return got is not None and got[0] == "unit" and got[3] > j


def money_before(sc: Scan, i: int) -> bool:
    """A currency mark just before the number ending at ``i`` ("$2.7m")."""
    t = sc.t
    return i > 0 and (
        t.tx[i - 1] in CURRENCY_CHARS
        or (t.kind[i - 1] == "w" and currency_prefix(sc, i - 1) is not None)
        or (i > 1 and currency_prefix(sc, i - 2) is not None)
    )


_WHOLE = re.compile(r"\d{1,3}(?:,\d{3})*|\d+")  # "10", "10,000"


def _denominator_at(sc: Scan, j: int) -> int | None:
    """Where the whole of a proportion starts after the part ending before ``j``:
    "one in four", "one in every 55", "one out of five", "one-in-five", "nine out
    of every 1,000"."""
    t = sc.t
    if j + 1 < t.n and t.low[j] == "out" and t.low[j + 1] == "of":
        # "nine out of every 1,000 people"
        return j + 3 if j + 2 < t.n and t.low[j + 2] == "every" else j + 2
    if j + 2 < t.n and t.tx[j] in DASHES and t.low[j + 1] == "in" and t.tx[j + 2] in DASHES and (
        t.glued(j) and t.glued(j + 1) and t.glued(j + 2)
    ):
        return j + 3  # "one-in-five of all new deals"
    if j < t.n and t.low[j] == "in":
        return j + 2 if j + 1 < t.n and t.low[j + 1] == "every" else j + 1  # "one in every 55"
    return None


def proportion_after(sc: Scan, last: int) -> bool:
    """ "one in four", "one out of five": a proportion follows the word at ``last``,
    so "one" there is a number, not the pronoun of "one in the crowd"."""
    t = sc.t
    k = _denominator_at(sc, last + 1)
    if k is None:
        return False
    return k < t.n and (
        (t.kind[k] == "n" and _WHOLE.fullmatch(t.tx[k]) is not None)
        or t.low[k] in sc.lx.ones_tens
    )


PROPORTION_MAX = 1_000_000  # "one in a million" readers; "three in 10,000 homeowners"


def _ranked_or_titled(sc: Scan, first: int) -> bool:
    """"opened at number one in 100 countries": a rank in each; "Part 2 in 274
    theaters": a title's number. Neither is a proportion."""
    t = sc.t
    if first == 0:
        return False
    prev = first - 1
    return t.low[prev] in ("number", "no") or (
        t.tx[prev][0].isupper() and not sentence_start(sc, prev)
    )


def _year_not_whole(sc: Scan, den: Core) -> bool:
    """A four-digit year with no noun after it: "3 in 2010.", "from 68 in 2017 to 61"
    ("one in 2000 births" counts the births)."""
    t = sc.t
    nxt = den.last + 1
    return (
        1900 <= den.value <= 2100 and t.tx[den.first].isdigit()
        and not (
            nxt < t.n and t.kind[nxt] == "w" and t.tx[nxt].islower()
            and t.low[nxt] not in sc.lx.stop
        )
    )


def proportion(sc: Scan, core: Core) -> None:
    """ "one out of three", "nine in 10": read as the fraction they state."""
    t = sc.t
    k = _denominator_at(sc, core.last + 1)
    if k is None:
        return
    if k >= t.n or core.scale != 1.0 or core.value != int(core.value):
        return
    if _ranked_or_titled(sc, core.first):
        return
    try:
        if t.kind[k] == "n" and _WHOLE.fullmatch(t.tx[k]) is not None:
            den = digit_core(sc, k)
        elif t.low[k] in sc.lx.ones_tens:
            den = spelled_core(sc, k)
        else:
            return
    except Skip:
        return
    if den is None or den.unit is not None or den.scale != 1.0:
        return
    if not (0 < core.value < den.value <= PROPORTION_MAX) or den.value != int(den.value):
        return
    if _year_not_whole(sc, den):
        return  # "fell to 3 in 2010": a year, not one in 2,010
    after = unit_after(sc, den.last + 1, glued_ok=False)
    if after is not None and after[0] == "unit":
        return  # "three in 10 minutes", "went out in 41": a count and a measure
    core.value = core.value / den.value
    core.last = den.last
    core.kind = "fraction"
    core.digits = ""
    core.tol = 0.01


def int_digits(value: float) -> str:
    """The digits of a whole ``value`` ("" for a fraction or a huge value)."""
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return ""


def _plus_or_minus(sc: Scan, p: int) -> bool:
    """ "plus or minus 2.9 points", "plus-or-minus 2.9": a margin either way (a poll's
    margin of error), no sign. ``p`` is the token of "minus"."""
    t = sc.t
    words = [t.low[k] for k in range(max(0, p - 4), p) if t.tx[k] not in DASHES]
    return words[-2:] == ["plus", "or"]


def minus_sign(sc: Scan, d: Draft) -> None:
    """A sign before digits: "-1.3%", "minus 5", "minus-260"; none after "plus or"."""
    t = sc.t
    first = d.first
    p = first - 1
    if p >= 0 and t.low[p] == "minus" and _plus_or_minus(sc, p):
        d.attrs.append("plus-or-minus")
        return
    # an en dash too, where a text writes it for the minus ("fell to –5C")
    if t.tx[p] in ("-", "−", "–") and t.glued(first) and (p == 0 or not t.glued(p)) and not (
        t.tx[p] == "–" and p > 0 and t.kind[p - 1] == "n"
    ):  # "pages 10 –15" is a range
        d.negative, d.first = True, p
    elif t.tx[p] in DASHES and t.glued(first) and p > 0 and t.low[p - 1] == "minus":
        d.negative, d.first = True, p - 1
    elif t.low[p] in ("minus", "negative"):
        d.negative, d.first = True, p
