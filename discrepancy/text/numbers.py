"""Numbers as written in news: "10,000", "1.2bn", "two million", "a third".

pint and float() parse neither thousands separators nor words, so every
figure goes through here. The word tables are data
(``data/number_words.json``); the parsers are a few linear regexes and a
left-to-right pass over words.
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import Any

from . import wordlists

__all__ = [
    "parse_number",
    "format_number",
    "parse_digits",
    "spelled_value",
    "rounding_tolerance",
    "number_words",
    "scale_of",
]

# Grouped thousands must be groups of exactly three ("1,234,567"); anything
# else ("1,2,3") is a list, not a number. No nested quantifiers: linear.
# Thousands grouped by threes, or the Indian way, lakhs and crores by twos before
# the last three ("1,41,703", "11,58,719").
_DIGITS = re.compile(
    r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d\d)+,\d{3}|\d+)(?:\.\d+)?(?:[eE][+-]?\d{1,3})?"
    r"|[+-]?\.\d+(?:[eE][+-]?\d{1,3})?"
)
_NUM_SCALE = re.compile(r"([+-]?[\d.,]{1,40})\s?([A-Za-z]{1,9})")
_FRACTION = re.compile(r"(\d{1,6})\s?[/⁄](\d{1,6})")
_MIXED_VULGAR = re.compile(r"(\d{0,6})\s?([½⅓⅔¼¾⅕⅛])")
_WORD_SPLIT = re.compile(r"[\s\-]+")
_MAX_LEN = 200  # a figure longer than this is not a figure; keeps every path cheap


@cache
def number_words() -> dict[str, Any]:
    data = dict(wordlists.data("number_words.json"))  # a copy: the loader's is shared
    data.pop("_comment", None)
    return data


@cache
def _all_words() -> frozenset[str]:
    nw = number_words()
    keys: set[str] = set()
    for table in ("ones", "tens", "hundred", "scales", "dozen"):
        keys.update(nw[table])
    return frozenset(keys)


def scale_of(word: str) -> float | None:
    """Multiplier of a scale word or abbreviation ("million", "bn", "k"), case-aware.

    Single letters are case-sensitive ("m"/"M" both mean million after money,
    but "b" alone is rarer than "B"); longer words are not ("Bn", "MILLION").
    """
    table = number_words()["scale_abbreviations"]
    if word in table:
        return float(table[word])
    low = word.lower()
    if len(word) > 1 and low in table:
        return float(table[low])
    return None


def parse_digits(text: str) -> float | None:
    """A digit string with valid separators ("10,000", "2.5", "-3", "1e6"), else None."""
    if len(text) > _MAX_LEN or not _DIGITS.fullmatch(text):
        return None
    try:
        value = float(text.replace(",", ""))
    except (ValueError, OverflowError):
        return None
    return value if math.isfinite(value) else None


def spelled_value(words: list[str]) -> tuple[float, int] | None:
    """Value of the longest spelled-out number at the start of ``words``.

    ``words`` are lowercase, hyphens already split off: ["twenty", "five"],
    ["half", "a", "million"], ["a", "dozen"], ["two", "thirds"],
    ["a", "hundred", "trillionths"], ["one", "over", "twenty"].
    Returns (value, words consumed) or None.
    """
    # most words start no number: the gate spares the two readings below (the
    # checks ask this of every word of every source sentence)
    if not words or words[0] not in _starters():
        return None
    return _spelled_reading(words)


@cache
def _starters() -> frozenset[str]:
    """The words a spelled number can start with: a digit word ("two", "twenty",
    "naught point five"), "a"/"an" ("a dozen", "a third"), "half" and "quarter"
    ("half a million", "quarter million")."""
    nw = number_words()
    return frozenset(nw["ones"]) | frozenset(nw["tens"]) | frozenset(nw["zero_digits"]) | {
        "naught", "nought", "a", "an", "half", "quarter"}


def _spelled_reading(words: list[str]) -> tuple[float, int] | None:
    """``spelled_value`` without the gate on the first word."""
    whole = _spelled_whole(words)
    part = spelled_fraction(words)
    # the reading that covers more words (the exact quotient on a tie):
    # "two and fifty-four hundredths" is 2.54,
    # not 2 then "and"; "two and a half million" is read whole by either.
    if part is not None and (whole is None or part[1] >= whole[1]):
        return part
    return whole


def one_word_number(word: str) -> float | None:
    """The number one word writes: "a"/"an" (one), digits, or a spelled number
    ("two", "twelve"); None for any other word."""
    low = word.lower()
    if low in ("a", "an"):
        return 1.0
    if low.isdigit():
        return float(low)
    got = spelled_value([low])
    return got[0] if got is not None and got[1] == 1 else None


def _spelled_whole(words: list[str]) -> tuple[float, int] | None:
    """The integer (and the news fractions: "two thirds", "and a half") at the start."""
    nw = number_words()
    ones, tens, scales = nw["ones"], nw["tens"], nw["scales"]
    dozen, fractions = nw["dozen"], nw["fractions"]
    n = min(len(words), 24)
    if n == 0:
        return None
    w0 = words[0]
    if w0 in nw["zero_digits"] and n >= 3 and words[1] in nw["decimal_point"]:
        return _with_decimals(0.0, words, 1, nw)  # "naught point five"
    if w0 in ("naught", "nought"):
        return 0.0, 1  # not "oh", which is a word before it is a digit
    # "a dozen", "a million", "a third", "half a million"
    if w0 in ("a", "an") and n >= 2:
        w1 = words[1]
        if w1 in dozen:
            return float(dozen[w1]), 2
        if w1 == "half" and n >= 3 and words[2] in dozen:
            return 0.5 * dozen[words[2]], 3  # "a half-dozen turnovers"
        if w1 in scales or w1 == "hundred":
            # "a hundred and twenty" reads as "one hundred and twenty"
            return _spelled_whole(["one", *words[1:n]])
        if w1 in fractions and not w1.endswith("s"):
            return float(fractions[w1]), 2
        return None
    if w0 == "half" and n >= 2 and words[1] in dozen:
        return 0.5 * dozen[words[1]], 2  # "half-dozen"
    if w0 == "half" and n >= 3 and words[1] in ("a", "an"):
        w2 = words[2]
        if w2 in scales:
            return 0.5 * scales[w2], 3
        if w2 in dozen:
            return 0.5 * dozen[w2], 3
        if w2 == "hundred":
            return 50.0, 3
        return None
    total = 0.0
    current = 0.0
    seen = False
    used = 0
    i = 0
    last = ""
    while i < n:
        w = words[i]
        if w in ones and last not in ("ones",):
            current += ones[w]
            last = "ones"
        elif w in tens and last not in ("ones", "tens"):
            current += tens[w]
            last = "tens"
        elif w == "hundred" and seen and last in ("ones", "tens"):
            current = (current or 1.0) * 100
            last = "hundred"
        elif w in scales and seen and last != "scale":
            total += (current or 1.0) * scales[w]
            current = 0.0
            last = "scale"
        elif w in dozen and seen and last == "ones":
            current *= dozen[w]
            last = "dozen"
        elif (
            w in fractions
            and seen
            and last == "ones"
            and total == 0
            and 1 <= current < 20
            and w not in ("half",)
        ):
            # "two-thirds", "three quarters": a count of a fraction.
            plural_ok = current > 1 and w.endswith("s")
            if plural_ok or (current == 1 and not w.endswith("s")):
                return current * fractions[w], i + 1
            break
        elif w == "and" and seen and last in ("hundred", "scale") and i + 1 < n and (
            words[i + 1] in ones or words[i + 1] in tens
        ):
            i += 1
            continue
        elif w == "and" and seen and last in ("ones", "tens") and i + 2 < n and (
            _and_a_part(words[i + 1], words[i + 2], fractions, ones) is not None
        ):
            # "one and a half years", "two and a half million", "six and three quarters"
            current += _and_a_part(words[i + 1], words[i + 2], fractions, ones) or 0.0
            last = "part"
            i += 3
            used = i
            continue
        else:
            break
        seen = True
        i += 1
        used = i
    if not seen:
        return None
    if used < n and words[used] in nw["decimal_point"] and last in ("ones", "tens", "hundred"):
        spoken = _with_decimals(current, words, used, nw)
        if spoken is not None:
            return total + spoken[0], spoken[1]
    return total + current, used


@cache
def _integer_words() -> frozenset[str]:
    """Words a spelled integer is made of ("a hundred and three")."""
    nw = number_words()
    return frozenset(nw["ones"]) | frozenset(nw["tens"]) | frozenset(nw["scales"]) | {
        "hundred", "and", "a", "an"}


def denominator(word: str) -> tuple[float, bool] | None:
    """(parts, plural) of a word naming parts: "fifths" -> (5, True), "eighth" -> (8, False)."""
    table = number_words()["denominators"]
    if word in table:
        return float(table[word]), False
    if word == "halves":
        return 2.0, True
    if word.endswith("s") and word[:-1] in table:
        return float(table[word[:-1]]), True
    return None


def _exact_integer(words: list[str]) -> float | None:
    """The whole-number value of exactly ``words`` ("a" is one), else None."""
    if words in (["a"], ["an"]):
        return 1.0
    got = _spelled_whole(words) if words else None
    if got is None or got[1] != len(words) or got[0] != int(got[0]) or got[0] <= 0:
        return None
    return got[0]


def spelled_fraction(words: list[str]) -> tuple[float, int] | None:
    """A spelled count of parts at the start of ``words``: "three fifths" (0.6),
    "a hundred trillionths" (1e-10), "two and fifty-four hundredths" (2.54),
    "twenty twenty fifths" (20/25), "one over twenty" (0.05), with a scale after it
    ("three quarters billion", "half million"). (value, words consumed) or None."""
    n = min(len(words), 24)
    ints = _integer_words()
    k = 0
    while k < n and words[k] in ints:
        k += 1
    if k >= n:
        return None
    if words[k] == "over" and k > 0:
        return _over_fraction(words, k)
    den = denominator(words[k])
    if den is None or words[k] in ("first", "second"):
        return None
    if k == 0:
        # "half million", "quarter million": a part of a scale
        scales = number_words()["scales"]
        if n > 1 and words[0] in ("half", "quarter") and words[1] in scales:
            return scales[words[1]] / den[0], 2
        return None
    value = _count_of_parts(words[:k], den[0], den[1])
    if value is None:
        return None
    return _times_scale(value, words, k + 1)


def _count_of_parts(head: list[str], parts: float, plural: bool) -> float | None:
    """``head`` parts of ``parts``: a count ("three" fifths), a whole and a count
    ("one hundred and three and two" thirds), or a count whose last tens word belongs
    to the part ("twenty twenty" fifths: 20/25)."""
    tens = number_words()["tens"]
    if parts < 10 and len(head) >= 2 and head[-1] in tens and head[-2] not in ("and", "a", "an"):
        count = _exact_integer(head[:-1])
        if count is not None and _agrees(count, plural):
            return count / (parts + tens[head[-1]])
    if "and" in head:
        at = len(head) - 1 - head[::-1].index("and")
        whole, count = _exact_integer(head[:at]), _exact_integer(head[at + 1:])
        if whole is not None and count is not None and count < parts and _agrees(count, plural):
            return whole + count / parts
    count = _exact_integer(head)
    if count is None or not _agrees(count, plural):
        return None
    return count / parts


def _agrees(count: float, plural: bool) -> bool:
    """"one fifth", "three fifths"; not "three fifth" (an ordinal: "twenty fifth")."""
    return plural == (count != 1)


def _over_fraction(words: list[str], k: int) -> tuple[float, int] | None:
    """"one over twenty", "one over one hundred and twenty five": words[k] is "over"."""
    num = _exact_integer(words[:k])
    got = _spelled_whole(words[k + 1:])
    if num is None or got is None or got[0] != int(got[0]) or got[0] <= 0:
        return None
    return num / got[0], k + 1 + got[1]


def _times_scale(value: float, words: list[str], at: int) -> tuple[float, int]:
    """``value`` and a scale word at ``words[at]`` ("three quarters billion")."""
    scales = number_words()["scales"]
    if at < len(words) and words[at] in scales:
        return value * scales[words[at]], at + 1
    return value, at


def _with_decimals(
    whole: float, words: list[str], at: int, nw: dict[str, Any]
) -> tuple[float, int] | None:
    """``whole`` and the spoken decimals after the "point" at ``words[at]``, with a
    scale after them: "two point five million", "nine point nought four",
    "two hundred point seventy-one" (the digits as said: .71). None when no digit
    word follows the point ("at one point")."""
    digits, j = _decimal_digits(words, at + 1, nw)
    if not digits:
        return None
    value = whole + float("0." + digits)
    if j < len(words) and words[j] in nw["scales"]:
        return value * nw["scales"][words[j]], j + 1
    return value, j


def _decimal_digits(words: list[str], j: int, nw: dict[str, Any]) -> tuple[str, int]:
    ones, tens = nw["ones"], nw["tens"]
    digits = ""
    while j < len(words):
        w = words[j]
        if w in nw["zero_digits"]:
            digits += "0"
        elif w in ones:
            digits += str(ones[w])
        elif w in tens:
            value = tens[w]
            if j + 1 < len(words) and 0 < ones.get(words[j + 1], 10) < 10:
                j += 1
                value += ones[words[j]]
            digits += str(value)
        else:
            break
        j += 1
    return digits, j


def _and_a_part(
    count: str, part: str, fractions: dict[str, float], ones: dict[str, float]
) -> float | None:
    """The fraction in "and a half", "and a quarter", "and three quarters"."""
    if part not in fractions or part in ("hundredth", "hundredths", "thousandth", "thousandths"):
        return None
    if count in ("a", "an") and not part.endswith("s"):
        return fractions[part]
    n = ones.get(count)
    if n is not None and 1 < n < 10 and part.endswith("s") and fractions[part] * n < 1:
        return n * fractions[part]
    return None


def parse_number(text: str) -> float | None:
    """Parse one figure as written; None if ``text`` is not a number. Never raises."""
    if not isinstance(text, str):
        return None
    s = text.strip()
    if not s or len(s) > _MAX_LEN:
        return None
    try:
        return _parse(s)
    except (ValueError, OverflowError, ArithmeticError):
        return None


def _parse(s: str) -> float | None:
    value = parse_digits(s)
    if value is not None:
        return value
    low = s.lower()
    if low in ("inf", "+inf", "infinity", "+infinity"):
        return math.inf
    if low in ("-inf", "-infinity"):
        return -math.inf
    m = _NUM_SCALE.fullmatch(s)
    if m:
        base = parse_digits(m.group(1))
        scale = scale_of(m.group(2))
        if base is not None and scale is not None:
            return base * scale
        return None
    m = _FRACTION.fullmatch(s)
    if m:
        den = int(m.group(2))
        return int(m.group(1)) / den if den else None
    m = _MIXED_VULGAR.fullmatch(s)
    if m:
        whole = float(m.group(1)) if m.group(1) else 0.0
        return whole + number_words()["vulgar_fractions"][m.group(2)]
    words = [w for w in _WORD_SPLIT.split(low) if w]
    if not words:
        return None
    sign = 1.0
    if words[0] in ("minus", "negative"):
        sign, words = -1.0, words[1:]
    # "2 million", "1.5 billion": digits then a spelled scale.
    if len(words) >= 2:
        base = parse_digits(words[0])
        if base is not None:
            rest = spelled_value(["a"] + words[1:])
            if rest is not None and rest[1] == len(words) and words[1] not in ("a", "an"):
                return sign * base * rest[0]
            return None
    got = spelled_value(words)
    if got is None or got[1] != len(words):
        return None
    return sign * got[0]


def format_number(x: float) -> str:
    """Write ``x`` so that ``parse_number`` reads it back exactly.

    Integral values get thousands separators ("2,013,450"); others use the
    shortest repr that round-trips ("0.1", "1.5e-07").
    """
    if isinstance(x, bool):
        x = int(x)
    if isinstance(x, int):
        return f"{x:,}"
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if x == int(x) and abs(x) < 1e21:
        return f"{int(x):,}"
    return repr(float(x))


def rounding_tolerance(digits: str, scale: float, value: float) -> float:
    """Relative slack implied by how a figure was written.

    Only the written digits are significant: "2 million" could be anything
    that rounds to it, so half a unit of its last significant digit,
    relative to the value (0.25); "2,013,450" -> ~2.5e-6; "1.5m" -> 0.033.
    """
    if not value or not math.isfinite(value):
        return 0.0
    s = digits.replace(",", "").lstrip("+-")
    if "e" in s.lower():
        return 0.0
    if "." in s:
        unit = 10.0 ** -len(s.split(".", 1)[1])
    else:
        stripped = s.rstrip("0")
        unit = 10.0 ** (len(s) - len(stripped)) if stripped else 1.0
    return min(0.5, 0.5 * unit * scale / abs(value))


def is_number_word(word: str) -> bool:
    return word.lower() in _all_words()
