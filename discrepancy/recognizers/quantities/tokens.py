"""The tokenizer: one linear regex, with malformed and tokenised numbers mended."""

from __future__ import annotations

import re
from itertools import accumulate
from operator import itemgetter

from ...text import numbers
from ...text.months import month_just_before

SENTENCE_ENDS = frozenset((".", "!", "?"))  # the tokens that close a sentence

# Digits (separators validated later), letters (any script), or one other
# character. Each alternative is linear: no nested or overlapping repeats.
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|\S")
# ... and where "m.p.h." is written, it is one word: split, it was past the four
# tokens a unit is looked up in
TOKEN_MPH = re.compile(r"\d+(?:[.,]\d+)*|[mM]\.[pP]\.[hH]\.?|[^\W\d_]+|\S")


# "1, 000" in tokenised text (commas and full stops set apart: "police , who",
# "evacuated .", "london 's"): a thousands separator, not a list.
_GLUED_THOUSANDS = re.compile(r"\d, \d{3}\b")


# ... as do some outlets after a currency mark: "at an average of Ksh 31, 070"
_MONEY_SPACED_THOUSANDS = re.compile(
    r"(?:[$£€₹]|\b(?:Ksh|KSh|Sh|Rs\.?|Tsh|USh))\s?\d{1,3}, \d{3}\b"
)
_TOKENISED_COMMA = re.compile(r"\w , \w|\w \.(?!\S)|\w 's\b")


_SEPARATED_DIGITS = re.compile(r"\d[.,]\d")
# Cheap gates (no look-behind, so the engine skips ahead to a digit) before the
# costlier patterns below, which most sentences cannot match.
_DIGIT_COMMA_DIGIT = re.compile(r"\d,\d")
_DIGIT_SPACE_GROUP = re.compile(r"\d \d{3}")
# What each mending below needs somewhere in the text: a separator between digits
# ("2.5", "1,000", "1, 000") or a spaced group ("70 000"). One search of it spares
# most sentences (no such number) the five searches of the mendings.
_NUMBER_GROUPS = re.compile(r"\d(?:[.,]\d|,? \d{3})")
# The same tokens as TOKEN (and TOKEN_MPH), captured, for ``re.split``: the text
# between them is only spaces, and the lengths of the parts give every offset.
_TOKEN_PARTS = re.compile(f"({TOKEN.pattern})")
_TOKEN_MPH_PARTS = re.compile(f"({TOKEN_MPH.pattern})")


_SPLIT_BAD_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[.,]")


DASHES = frozenset("-–—")


CURRENCY_CHARS = frozenset("$€£¥￥₹₩₽₪₺")


PLUS = frozenset({"+"})


VULGAR = frozenset("½⅓⅔¼¾⅕⅛")


_SUPERSCRIPTS = {c: str(i) for i, c in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹")}


def superscript_int(token: str) -> int | None:
    """"⁶" -> 6, "⁻³" -> -3; None for anything else."""
    sign = -1 if token.startswith("⁻") else 1
    digits = token[1:] if sign < 0 else token
    if not digits or len(digits) > 3 or any(c not in _SUPERSCRIPTS for c in digits):
        return None
    return sign * int("".join(_SUPERSCRIPTS[c] for c in digits))


class Tokens:
    """Parallel arrays of a sentence's tokens (faster than a list of objects)."""

    __slots__ = ("text", "tx", "low", "st", "en", "kind", "n")

    def __init__(self, text: str) -> None:
        self.text = text
        if _NUMBER_GROUPS.search(text) is not None:
            tx, st, en = _mended_tokens(text)
        else:
            tx, st, en = _split(text)  # no number to mend or re-split
        self.tx = tx
        self.low = list(map(str.lower, tx))
        self.st = st
        self.en = en
        if text.isascii():
            # every token is a part of the text (mending swaps ASCII marks only): one
            # table lookup per first character, in C, not two str tests a token
            self.kind = list(map(_ASCII_KIND.__getitem__, map(_FIRST, tx)))
        else:
            self.kind = [("n" if t[0].isdigit() else "w" if t[0].isalpha() else "p") for t in tx]
        self.n = len(tx)

    def glued(self, i: int) -> bool:
        """Token ``i`` touches the token before it (no space between)."""
        return 0 < i < self.n and self.st[i] == self.en[i - 1]


def _split(text: str) -> tuple[list[str], list[int], list[int]]:
    """The tokens of ``text`` as the regex splits them, and their spans: the text
    between them is only spaces, and the lengths of the parts give every offset
    (no match object per token)."""
    parts = (_TOKEN_MPH_PARTS if ".p.h" in text or ".P.H" in text else _TOKEN_PARTS).split(text)
    at = list(accumulate(map(len, parts), initial=0))
    return parts[1::2], at[1:-1:2], at[2::2]


# The kind of a token by its first character, for a text of ASCII only (``Tokens.kind``)
_ASCII_KIND = {
    c: ("n" if c.isdigit() else "w" if c.isalpha() else "p") for c in map(chr, range(128))
}
_FIRST = itemgetter(0)
# TOKEN's number alternative alone: its matches are the number tokens of a text
_NUMBER_TOKEN = re.compile(r"\d+(?:[.,]\d+)*")


def _mended_tokens(text: str) -> tuple[list[str], list[int], list[int]]:
    """The tokens of a text with separated digits or spaced groups: decimal
    commas, dotted and spaced thousands mended first (same length, so the spans
    still index the text), a malformed number split, tokenised thousands joined."""
    if "," in text and _DIGIT_COMMA_DIGIT.search(text) and _DECIMAL_COMMA.search(text):
        # read as points, same length: the spans still index the text
        text = _DECIMAL_COMMA.sub(lambda m: m.group().replace(",", "."), text)
    if "." in text and ("$" in text or "£" in text or "€" in text) and (
        _DOT_THOUSANDS.search(text) is not None
    ):
        # "£27.500", "€1.234.567": money is never written to three decimals
        # (before no scale word), so the dots group thousands; same length
        text = _DOT_THOUSANDS.sub(lambda m: m.group().replace(".", ","), text)
    if " 000" in text:
        # "70 000", "1 000" (thousands spaced, as some outlets write them): read
        # as commas, same length
        text = _SPACED_THOUSANDS.sub(_spaced_as_commas, text)
    if _DIGIT_SPACE_GROUP.search(text):
        text = _spaced_groups(text)
    # Without "1,000" or "2.5" anywhere no number token can need re-splitting;
    # with them, only a malformed one ("1,00,0") does: the tokens come straight
    # from the regex unless one is (most sentences). Only a number token can be
    # one, and the number tokens are the matches of the number pattern alone (no
    # other token holds a digit): those are tested, not every token.
    if _SEPARATED_DIGITS.search(text) is not None and any(
        map(_malformed, _NUMBER_TOKEN.findall(text))
    ):
        tx, st, en = split_tokens(text)
    else:
        tx, st, en = _split(text)
    if _GLUED_THOUSANDS.search(text) and (
        _TOKENISED_COMMA.search(text) or _MONEY_SPACED_THOUSANDS.search(text)
    ):
        tx, st, en = join_tokenised_thousands(tx, st, en)
    return tx, st, en


# "40,82%", "3,5 per cent", "7,2 million": a decimal comma, which no thousands separator can be
# (a thousands group has three digits). Bounded: linear.
_DECIMAL_COMMA = re.compile(
    r"(?<![\d,.])\d{1,3},\d{1,2}(?=[\s-]?(?:%|per\s?cent|percent|million\b|billion\b|trillion\b))"
)


# Money with three digits after a dot, no scale word after: thousands written
# European style. One repetition, fixed groups: linear.
_DOT_THOUSANDS = re.compile(
    r"(?<=[£$€])\d{1,3}(?:\.\d{3})+(?![\d,.]?\d)"
    r"(?!\s?(?:[mb]n|[mkb]|million|billion|trillion|thousand)\b)"
)
# Thousands set apart by spaces, ending in a "000" group: "70 000", "1 000 000". Any
# group ("1 343") was tried: earnings-call transcripts write two numbers side by side
# ("... 20 150 ...") often enough to cost planted and edited figures. Bounded groups,
# one repetition: linear.
_SPACED_THOUSANDS = re.compile(r"(?<![\d,.])(\d{1,3})((?: \d{3})*) 000(?![\d,.]\d|\d)")
# Any group, when a lower-case word follows at once ("killed 1 343 people", "15 540
# people"): two numbers side by side ("rose 20 150 basis points"? no: earnings-call
# transcripts read "20 150" as two) are told apart by what follows. Bounded: linear.
# Two groups or more ("56 949 009") are one number whatever follows: three
# numbers side by side, each of three digits, is no sentence; so is one group
# closing a bracket ("(population 15 468)") or before a short unit ("146 381 oz"),
# and one group before "and" and a number ("rose to 17 824 and 595, respectively").
_SPACED_BEFORE_NOUN = re.compile(
    r"(?<![\d,.])(\d{1,3})(?: \d{3}(?: \d{3})+(?![\d,.]\d|\d)"
    r"|(?: \d{3})+(?= (?!basis|points?|bps|percent|per|to|and|or)[a-z]{3,}|\)| and \d"
    r"| (?:oz|kg|km|lb|lbs|mt|ha)\b))"
)
# Every spaced group of a sentence that writes one surely as thousands ("To date,
# 299 683 children ... of which 126 312 were in Morobe; 94 890 in Eastern
# Highlands"): a sentence keeps one way of writing numbers. One repetition: linear.
_SPACED_ANY = re.compile(r"(?<![\d,.])\d{1,3}(?: \d{3})+(?![\d,.]\d|\d)")
# Two spaced runs as the ends of one move ("from 18 856 to 20 575"), or a run after
# a possessive ("this year's 16 931"): four numbers side by side around "to", or
# two after "'s", is no sentence. One repetition per run: linear.
_SPACED_SURE_CONTEXT = re.compile(
    r"(?<![\d,.])\d{1,3}(?: \d{3})+ to \d{1,3}(?: \d{3})+(?![\d,.]\d|\d)"
    r"|[’']s \d{1,3}(?: \d{3})+(?![\d,.]\d|\d)"
)
# A power or mass unit glued to the last group ("2 540MW", "18 041MW")
_GLUED_UNIT = re.compile(r"(?:[kMGT]Wh?|km|kg|ha|tonnes?|MT|mt)\b")


def _sure(m: re.Match[str]) -> bool:
    """A spaced run no two numbers side by side could be: a group no number
    opens ("5 084MW": no number is written "084"), or a unit glued to its end."""
    return (
        any(g[0] == "0" for g in m.group().split(" ")[1:])
        or _GLUED_UNIT.match(m.string, m.end()) is not None
    )


def _spaced_groups(text: str) -> str:
    """``text`` with its spaced thousands written with commas, same length."""
    runs = list(_SPACED_ANY.finditer(text))
    if not runs:
        return text
    if (
        _SPACED_BEFORE_NOUN.search(text) is None and not any(map(_sure, runs))
        and _SPACED_SURE_CONTEXT.search(text) is None
    ):
        return text
    return _SPACED_ANY.sub(_spaced_as_commas, text)


def _spaced_as_commas(m: re.Match[str]) -> str:
    if month_just_before(m.string, m.start()):
        return m.group()  # "March 3 000 ..." is a date, then a number
    return m.group().replace(" ", ",")


def join_tokenised_thousands(
    tx: list[str], st: list[int], en: list[int]
) -> tuple[list[str], list[int], list[int]]:
    """Tokenised news text (CNN/DM: "word , word") writes 1,000 as "1, 000";
    read it as the one number, keeping its span over the written text."""
    otx: list[str] = []
    ost: list[int] = []
    oen: list[int] = []
    i, n = 0, len(tx)
    while i < n:
        t = tx[i]
        if t.replace(",", "").isdigit() and len(t.rsplit(",", 1)[-1]) <= 3:
            joined, end, j = t, en[i], i
            while (j + 2 < n and tx[j + 1] == "," and st[j + 1] == end
                   and len(tx[j + 2]) == 3 and tx[j + 2].isdigit() and st[j + 2] == end + 2):
                joined += "," + tx[j + 2]
                end = en[j + 2]
                j += 2
            if j > i:
                otx.append(joined)
                ost.append(st[i])
                oen.append(end)
                i = j + 1
                continue
        otx.append(t)
        ost.append(st[i])
        oen.append(en[i])
        i += 1
    return otx, ost, oen


def split_tokens(text: str) -> tuple[list[str], list[int], list[int]]:
    """Tokens, with a malformed number ("1,00,0") split into its valid parts."""
    tx: list[str] = []
    st: list[int] = []
    en: list[int] = []
    for m in TOKEN.finditer(text):
        t = m.group()
        if _malformed(t):
            base = m.start()
            for sub in _SPLIT_BAD_NUMBER.finditer(t):
                tx.append(sub.group())
                st.append(base + sub.start())
                en.append(base + sub.end())
            continue
        tx.append(t)
        st.append(m.start())
        en.append(m.end())
    return tx, st, en


def _malformed(t: str) -> bool:
    """``t`` is a number token to split into its valid parts ("1,00,0")."""
    return t[0].isdigit() and ("," in t or t.count(".") > 1) and not valid_digits(t)


def valid_digits(t: str) -> bool:
    """``t`` is a well-formed number ("1,000", "2.5"; not "1,00,0")."""
    return numbers.parse_digits(t) is not None
