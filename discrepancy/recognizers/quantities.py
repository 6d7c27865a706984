"""Find the figures in a document and read each as an interval with a unit.

One linear tokenizer regex, then a left-to-right scan over tokens: at each
token that can start a figure (digits, a number word, a currency mark, a
vague amount) we read, in order, the qualifier and change verb before it,
the number, a range, the unit or currency, and the counted noun after it.
Word lists live in ``data/``; nothing here is sentence-specific.

Not quantities: years, dates, times, ordinals, scores ("2-0"), phone
numbers and identifiers ("Section 427", "No. 3", "COVID-19", "S23").
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

from ..model import Claim, Document, Quantity, Sentence
from ..text import numbers, units
from ..text.lemmas import is_plural, lemma, lemma_phrase, stopwords

__all__ = ["extract_quantities", "quantity_from_cell", "quantities_in_text", "Mention"]

# Digits (separators validated later), letters (any script), or one other
# character. Each alternative is linear: no nested or overlapping repeats.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|\S")
# "1, 000" in tokenised text (commas and full stops set apart: "police , who",
# "evacuated .", "london 's"): a thousands separator, not a list.
_GLUED_THOUSANDS = re.compile(r"\d, \d{3}\b")
_TOKENISED_COMMA = re.compile(r"\w , \w|\w \.(?!\S)|\w 's\b")
_CONTEXT_WORD = re.compile(r"[^\W\d_]{2,}")
_SEPARATED_DIGITS = re.compile(r"\d[.,]\d")
_SPLIT_BAD_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[.,]")

# A bare or bounded figure is read as a rounding of at most 10%: "£1bn" is no rounding
# of "£1.3bn", though "about £1bn" is.
EXACT_TOL_CAP = 0.1
_DASHES = frozenset("-–—")
_CURRENCY_CHARS = frozenset("$€£¥₹₩₽₪₺")
_ORDINAL_SUFFIX = frozenset({"st", "nd", "rd", "th"})
_AMPM = frozenset({"am", "pm"})
_PLUS = frozenset({"+"})
_VULGAR = frozenset("½⅓⅔¼¾⅕⅛")
# "about 500" spans 5% either side; the comparer adds the rounding slack of
# "500" (kept as the tolerance) once, so the two are not counted twice.
_APPROX_SLACK = 0.05
_MAX_SPELLED = 16
_TIME_WORDS = frozenset("second minute hour day night week fortnight month quarter year".split())
_YEAR_ONLY_BEFORE = frozenset(
    "in since by until till from during before after the early late mid between".split()
)
_METRE_CONTEXT = frozenset(
    "long tall high wide deep away above below across in of from at behind under over to and or "
    "up down into off beneath underground offshore inland".split()
)


# ------------------------------------------------------------------ data


@dataclass(frozen=True)
class _Lexicon:
    ones_tens: frozenset[str]
    spelled_start: frozenset[str]
    spelled_part: frozenset[str]
    scales_spaced: dict[str, float]
    of_vague: dict[str, tuple[float, float]]
    vague_phrases: dict[tuple[str, ...], tuple[float, float]]
    vague_tol: float
    multipliers: dict[str, float]
    folds: dict[str, float]
    q_before: dict[tuple[str, ...], tuple[str, str]]
    q_after: dict[tuple[str, ...], tuple[str, str]]
    up: frozenset[str]
    down: frozenset[str]
    months: frozenset[str]
    ambiguous_months: frozenset[str]
    year_preps: frozenset[str]
    timezones: frozenset[str]
    id_words: frozenset[str]
    one_before: frozenset[str]
    one_after: frozenset[str]
    rate_denoms: frozenset[str]
    np_keep: frozenset[str]
    np_stop: frozenset[str]
    change_skip: frozenset[str]
    unknown_cells: frozenset[str]
    containers: frozenset[str]
    prefixes: dict[str, str]
    prefix_first: frozenset[str]
    attached_prefixes: frozenset[str]
    stop: frozenset[str]


def _load(name: str) -> Any:
    text = resources.files("discrepancy.data").joinpath(name).read_text("utf-8")
    return json.loads(text) if name.endswith(".json") else text


@cache
def _lex() -> _Lexicon:
    nw = numbers.number_words()
    vague = _load("vague_quantities.json")
    quals = _load("qualifiers.json")
    change = _load("change_words.json")
    ctx = _load("context_words.json")
    containers = _load("count_containers.txt")
    prefixes = units.currency_prefixes()
    ones_tens = frozenset(nw["ones"]) | frozenset(nw["tens"])
    spelled_part = (
        ones_tens
        | frozenset(nw["scales"])
        | frozenset(nw["hundred"])
        | frozenset(nw["dozen"])
        | frozenset(nw["fractions"])
        | {"a", "an", "and", "half"}
    )
    scales_spaced = {
        k: float(v)
        for k, v in nw["scale_abbreviations"].items()
        if len(k) > 1 and not k.endswith("s") and k not in ("lakh", "crore") or k in ("lakh",)
    }
    prefix_first = frozenset(_TOKEN.findall(p)[0] for p in prefixes)

    def phrases(table: dict[str, list[str]]) -> dict[tuple[str, ...], tuple[str, str]]:
        return {
            tuple(_TOKEN.findall(k.lower())): (v[0], v[1])
            for k, v in table.items()
            if not k.startswith("_")
        }

    return _Lexicon(
        ones_tens=ones_tens,
        spelled_start=ones_tens | {"a", "an", "half"},
        spelled_part=spelled_part,
        scales_spaced=scales_spaced,
        of_vague={k: (float(a), float(b)) for k, (a, b) in vague["of_phrases"].items()},
        vague_phrases={
            tuple(k.split()): (float(a), float(b)) for k, (a, b) in vague["phrases"].items()
        },
        vague_tol=float(vague["tolerance"]),
        multipliers={k: float(v) for k, v in nw["multipliers"].items()},
        folds={k: float(v) for k, v in nw["fold"].items()},
        q_before=phrases(quals["before"]),
        q_after=phrases(quals["after"]),
        up=frozenset(w for w in change["up"] if " " not in w),
        down=frozenset(w for w in change["down"] if " " not in w),
        months=frozenset(ctx["months"]),
        ambiguous_months=frozenset(ctx["ambiguous_months"]),
        year_preps=frozenset(ctx["year_prepositions"]),
        timezones=frozenset(ctx["timezones"]),
        id_words=frozenset(ctx["identifier_words"]),
        one_before=frozenset(ctx["one_pronoun_before"]),
        one_after=frozenset(ctx["one_pronoun_after"]),
        rate_denoms=frozenset(ctx["rate_denominators"]),
        np_keep=frozenset(ctx["np_keep"]),
        np_stop=frozenset(ctx["np_stop"]),
        change_skip=frozenset(ctx["change_skip"]),
        unknown_cells=frozenset(ctx["unknown_cells"]),
        containers=frozenset(
            w.strip() for w in containers.splitlines() if w.strip() and not w.startswith("#")
        ),
        prefixes=prefixes,
        prefix_first=prefix_first,
        attached_prefixes=frozenset(units.attached_only_prefixes()),
        stop=stopwords(),
    )


# ------------------------------------------------------------------ tokens


_SUPERSCRIPTS = {c: str(i) for i, c in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹")}


def _superscript_int(token: str) -> int | None:
    """"⁶" -> 6, "⁻³" -> -3; None for anything else."""
    sign = -1 if token.startswith("⁻") else 1
    digits = token[1:] if sign < 0 else token
    if not digits or len(digits) > 3 or any(c not in _SUPERSCRIPTS for c in digits):
        return None
    return sign * int("".join(_SUPERSCRIPTS[c] for c in digits))


class _Tokens:
    """Parallel arrays of a sentence's tokens (faster than a list of objects)."""

    __slots__ = ("text", "tx", "low", "st", "en", "kind", "n")

    def __init__(self, text: str) -> None:
        self.text = text
        if _SEPARATED_DIGITS.search(text) is None:
            # No "1,000" or "2.5" anywhere: no number token can need re-splitting,
            # so the tokens come straight from the regex (most sentences).
            ms = list(_TOKEN.finditer(text))
            tx = [m.group() for m in ms]
            st = [m.start() for m in ms]
            en = [m.end() for m in ms]
        else:
            tx, st, en = _split_tokens(text)
        if _GLUED_THOUSANDS.search(text) and _TOKENISED_COMMA.search(text):
            tx, st, en = _join_tokenised_thousands(tx, st, en)
        self.tx = tx
        self.low = [t.lower() for t in tx]
        self.st = st
        self.en = en
        self.kind = [("n" if t[0].isdigit() else "w" if t[0].isalpha() else "p") for t in tx]
        self.n = len(tx)

    def glued(self, i: int) -> bool:
        """Token ``i`` touches the token before it (no space between)."""
        return 0 < i < self.n and self.st[i] == self.en[i - 1]


def _join_tokenised_thousands(
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


# Words between two figures that make the second a figure of the same thing:
# "3.9 million headsets, up from 2.4 million", "$5bn, against 4bn a year ago".
_CARRY_BETWEEN = re.compile(
    r"[\s,(]{0,3}(?:(?:up|down)\s)?(?:from|against|versus|vs\.?|compared\s(?:with|to))\s{1,2}$",
    re.IGNORECASE,
)


def _carry_units(text: str, mentions: list[Mention]) -> list[Mention]:
    """A bare number compared with the figure just before it takes its unit
    and counted thing ("up from 2.4 million" [headsets])."""
    for prev, m in pairwise(mentions):
        if m.unit != units.COUNT or m.subject or m.kind not in ("digits", "spelled"):
            continue
        if prev.unit == units.COUNT and not prev.subject:
            continue
        gap = text[prev.end:m.start]
        if len(gap) > 30 or _CARRY_BETWEEN.fullmatch(gap) is None:
            continue
        m.unit, m.surface_unit, m.subject = prev.unit, prev.surface_unit, prev.subject
    return mentions


def _split_tokens(text: str) -> tuple[list[str], list[int], list[int]]:
    """Tokens, with a malformed number ("1,00,0") split into its valid parts."""
    tx: list[str] = []
    st: list[int] = []
    en: list[int] = []
    for m in _TOKEN.finditer(text):
        t = m.group()
        if t[0].isdigit() and ("," in t or t.count(".") > 1) and not _valid_digits(t):
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


def _valid_digits(t: str) -> bool:
    return numbers.parse_digits(t) is not None


# ------------------------------------------------------------------ mentions


@dataclass
class Mention:
    """A figure found in a sentence, before normalization (offsets sentence-relative)."""

    start: int
    end: int
    low: float  # as written (after scale words), in the written unit
    high: float
    value: float
    qualifier: str = "exact"
    change: str = "="
    unit: units.UnitInfo = units.COUNT
    surface_unit: str = ""
    surface_value: str = ""
    subject: str = ""
    attributes: tuple[str, ...] = ()
    tolerance: float = 0.0
    is_range: bool = False
    kind: str = "digits"  # digits|spelled|fraction|vague|multiplier
    resume: int = 0  # token index where scanning continues
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Core:
    value: float
    first: int  # first token index
    last: int  # last token index (inclusive)
    digits: str
    scale: float = 1.0
    kind: str = "digits"
    unit: units.UnitInfo | None = None
    surface_unit: str = ""
    currency: str | None = None
    tol: float = 0.0
    vague: tuple[float, float] | None = None


class _Skip(Exception):
    """The figure at this token is not a quantity; resume at ``resume``."""

    def __init__(self, resume: int) -> None:
        self.resume = resume


class _Scanner:
    def __init__(self, text: str) -> None:
        self.lx = _lex()
        self.t = _Tokens(text)
        self.text = text

    # -------------------------------------------------------------- driver

    def scan(self) -> list[Mention]:
        t = self.t
        out: list[Mention] = []
        i = 0
        n = t.n
        while i < n:
            k = t.kind[i]
            low = t.low[i]
            if not (
                k == "n"
                or (k == "w" and self._may_start(low, i))
                or (k == "p" and (t.tx[i] in _CURRENCY_CHARS or t.tx[i] in _VULGAR))
            ):
                i += 1
                continue
            try:
                m = self._mention(i, out)
            except _Skip as skip:
                i = max(skip.resume, i + 1)
                continue
            if m is None:
                i += 1
                continue
            out.append(m)
            i = max(m.resume, i + 1)
        return _carry_units(self.text, out)

    def _may_start(self, low: str, i: int) -> bool:
        lx = self.lx
        return (
            low in lx.spelled_start
            or low in lx.of_vague
            or low in lx.multipliers
            or low in lx.folds
            or (low,) in lx.vague_phrases
            or low in ("several", "numerous")
            or self.t.tx[i] in lx.prefix_first
        )

    # -------------------------------------------------------------- one figure

    def _mention(self, i: int, previous: list[Mention]) -> Mention | None:
        t, lx = self.t, self.lx
        low = t.low[i]
        if t.kind[i] == "w":
            is_prefix = t.tx[i] in lx.prefix_first
            if not is_prefix or low in lx.spelled_start:
                special = self._word_figure(i, previous)
                if special is not None:
                    return special
            if is_prefix and low not in lx.spelled_start and self._currency_prefix(i) is None:
                return None
        core = self._core(i)
        if core is None:
            return None
        return self._finish(core, previous)

    def _word_figure(self, i: int, previous: list[Mention]) -> Mention | None:
        """Vague amounts and multipliers written as words ("dozens of", "tenfold")."""
        t, lx = self.t, self.lx
        low = t.low[i]
        n = t.n
        if low in lx.of_vague and i + 1 < n and t.low[i + 1] == "of":
            lo, hi = lx.of_vague[low]
            last = i
            j = i + 2
            # "tens of thousands of", "hundreds of millions of"
            if j < n and t.low[j] in lx.of_vague and t.low[j] not in ("tens", "dozens"):
                scale = numbers.scale_of(t.low[j]) or 1.0
                if low in ("tens", "hundreds") and scale > 1:
                    lo, hi = lo * scale, hi * scale
                    last = j
                    j += 1 if not (j + 1 < n and t.low[j + 1] == "of") else 2
            core = _Core(
                value=(lo + hi) / 2, first=i, last=last, digits="", kind="vague",
                vague=(lo, hi),
            )
            return self._finish(core, previous, after_of=j if t.low[j - 1] == "of" else None)
        for phrase, (lo, hi) in lx.vague_phrases.items():
            k = len(phrase)
            if tuple(t.low[i : i + k]) == phrase and i + k < n and t.kind[i + k] == "w":
                if t.low[i + k] in ("of",) and phrase[-1] != "of":
                    if k == 1:
                        continue  # "several of them": a pronoun, not a count
                last = i + k - 1
                nw = numbers.number_words()
                scale = nw["scales"].get(t.low[i + k]) or nw["dozen"].get(t.low[i + k])
                if t.low[i + k] == "hundred":
                    scale = 100
                if scale:
                    # "a few hundred", "several thousand", "several dozen"
                    lo, hi = lo * scale, hi * scale
                    last = i + k
                core = _Core(
                    value=(lo + hi) / 2, first=i, last=last, digits="", kind="vague",
                    vague=(lo, hi),
                )
                nxt = last + 1
                of = nxt + 1 if nxt < n and t.low[nxt] == "of" else None  # "a handful of stores"
                return self._finish(core, previous, after_of=of)
        if low in lx.folds or low in lx.multipliers:
            if low in lx.multipliers and low in ("double", "triple", "quadruple"):
                if not self._qualifier_before(i)[0]:
                    return None
            if i + 1 < n and t.tx[i + 1] in _DASHES and t.glued(i + 1):
                return None  # "double-digit"
            value = lx.folds.get(low) or lx.multipliers[low]
            core = _Core(value=value, first=i, last=i, digits="", kind="multiplier")
            return self._finish(core, previous)
        return None

    def _currency_prefix(self, i: int) -> tuple[str, int] | None:
        """(ISO code, index of the number token) if a currency mark starts at ``i``."""
        t, lx = self.t, self.lx
        for k in (3, 2, 1):
            last = i + k - 1
            if last + 1 >= t.n:
                continue
            s = self.text[t.st[i] : t.en[last]]
            code = lx.prefixes.get(s)
            if code is None:
                continue
            nxt = last + 1
            if t.kind[nxt] != "n":
                continue
            if s in lx.attached_prefixes or s[-1].isalpha():
                if not t.glued(nxt) and not (len(s) == 3 and s.isupper()):
                    continue
            elif t.st[nxt] - t.en[last] > 1:
                continue
            if t.kind[i] == "w" and t.glued(i) and t.kind[i - 1] == "w":
                continue
            return code, nxt
        return None

    def _core(self, i: int) -> _Core | None:
        """The number itself (with currency prefix, scale and glued unit)."""
        t = self.t
        currency: str | None = None
        start = i
        cp = self._currency_prefix(i)
        if cp is not None:
            currency, i = cp
        elif t.kind[i] == "w":
            if t.low[i] not in self.lx.spelled_start:
                return None
            core = self._spelled(i)
            if core is None:
                return None
            return core
        elif t.kind[i] == "p":
            if t.tx[i] in _VULGAR:
                v = numbers.number_words()["vulgar_fractions"][t.tx[i]]
                return _Core(value=v, first=i, last=i, digits="", kind="fraction", tol=0.01)
            return None
        core = self._digits(i)
        if core is None:
            return None
        if currency is not None:
            core.first = start
            core.currency = currency
        return core

    def _spelled(self, i: int) -> _Core | None:
        t, lx = self.t, self.lx
        words: list[str] = []
        idx: list[int] = []
        j = i
        n = t.n
        while j < n and len(words) < _MAX_SPELLED:
            low = t.low[j]
            if t.kind[j] == "w" and low in lx.spelled_part:
                words.append(low)
                idx.append(j)
                j += 1
            elif t.tx[j] in _DASHES and t.glued(j) and j + 1 < n and t.glued(j + 1) and words:
                j += 1
            else:
                break
        got = numbers.spelled_value(words)
        if got is None:
            return None
        value, used = got
        last = idx[used - 1]
        if words[0] == "one" and used == 1:
            prev = t.low[i - 1] if i > 0 else ""
            nxt = t.low[last + 1] if last + 1 < n else ""
            if prev in lx.one_before or nxt in lx.one_after or nxt in _DASHES:
                return None
            if t.tx[i][0].isupper() and not self._sentence_start(i):
                return None  # "BBC One", "Apple One"
        if words[used - 1] in ("a", "an", "and"):
            return None
        digits = _int_digits(value)
        core = _Core(value=value, first=i, last=last, digits=digits, kind="spelled")
        scale = numbers.number_words()["scales"].get(words[used - 1])
        if scale:
            core.scale = float(scale)
        core.tol = numbers.rounding_tolerance(digits, 1.0, value) if digits else 0.01
        if value != int(value):
            core.kind = "fraction"
        return core

    def _digits(self, i: int) -> _Core | None:
        t = self.t
        n = t.n
        raw = t.tx[i]
        value = numbers.parse_digits(raw)
        if value is None:
            return None
        core = _Core(value=value, first=i, last=i, digits=raw)
        j = i + 1
        # fraction "1/16", "1⁄32"
        if j + 1 < n and t.tx[j] in ("/", "⁄") and t.glued(j) and t.glued(j + 1):
            if t.kind[j + 1] == "n":
                den = numbers.parse_digits(t.tx[j + 1])
                if j + 2 < n and t.tx[j + 2] in ("/", "⁄") and t.glued(j + 2):
                    raise _Skip(j + 4)  # a date "10/12/2023"
                if not den or den <= value or "." in t.tx[j + 1] or "." in raw:
                    raise _Skip(j + 2)  # "24/7", "9/11": not a fraction
                core.value = value / den
                core.last = j + 1
                core.kind = "fraction"
                core.digits = ""
                core.tol = 0.01
                return core
        # mixed number "10 1/2", "7 3/4": a whole number, a space, a proper fraction
        if (
            j + 2 < n and t.kind[j] == "n" and not t.glued(j) and raw.isdigit()
            and t.tx[j + 1] in ("/", "⁄") and t.glued(j + 1) and t.glued(j + 2)
            and t.tx[j].isdigit() and t.tx[j + 2].isdigit()
            and 0 < int(t.tx[j]) < int(t.tx[j + 2]) <= 64
            and not (j + 3 < n and t.tx[j + 3] in ("/", "⁄"))
        ):
            core.value = value + int(t.tx[j]) / int(t.tx[j + 2])
            core.last = j + 2
            core.kind = "fraction"
            core.digits = ""
            core.tol = 0.01
            return core
        # scientific with a superscript exponent: "3×10⁶", "2.5 × 10⁻³"
        if j + 2 < n and t.tx[j] in ("×", "x", "*", "·") and t.tx[j + 1] == "10" and t.glued(j + 2):
            # the superscript minus is a token of its own: "10⁻³" is "10", "⁻", "³"
            minus = t.tx[j + 2] == "⁻" and j + 3 < n and t.glued(j + 3)
            last = j + 3 if minus else j + 2
            exp = _superscript_int(("⁻" if minus else "") + t.tx[last])
            if exp is not None:
                core.value = value * 10.0 ** exp
                core.last = last
                core.tol = numbers.rounding_tolerance(raw, 1.0, value)
                return core
        # scientific "1.99×10−30"
        if (
            j + 3 < n
            and t.tx[j] in ("×", "x", "*")
            and t.tx[j + 1] == "10"
            and t.tx[j + 2] in ("−", "-", "^", "–")
            and t.kind[j + 3] == "n"
        ):
            exp = numbers.parse_digits(t.tx[j + 3])
            if exp is not None and t.glued(j + 1):
                core.value = value * 10.0 ** (-exp if t.tx[j + 2] != "^" else exp)
                core.last = j + 3
                core.tol = numbers.rounding_tolerance(raw, 1.0, value)
                return core
        # glued vulgar fraction "2½"
        if j < n and t.tx[j] in _VULGAR and t.glued(j):
            core.value = value + numbers.number_words()["vulgar_fractions"][t.tx[j]]
            core.last = j
            core.kind = "fraction"
            core.tol = 0.01
            return core
        # glued suffix: "20k", "1.2bn", "152mm", "2nd", "5pm", "1990s"
        if j < n and t.kind[j] == "w" and t.glued(j):
            suf = t.tx[j]
            lsuf = t.low[j]
            if lsuf in _ORDINAL_SUFFIX and "." not in raw:
                raise _Skip(j + 1)
            if lsuf in _AMPM:
                raise _Skip(j + 1)
            if lsuf == "s" and "." not in raw:
                raise _Skip(j + 1)  # "1990s", "Model 3s"
            scale = self._glued_scale(suf, j)
            if scale is not None:
                core.scale = scale
                core.last = j
            else:
                got = self._unit_after(j, glued_ok=True)
                if got is not None and got[0] == "unit":
                    core.unit = got[1]
                    core.surface_unit = got[2]
                    core.last = got[3]  # "80km/h" is one unit, not "km" per "h"
                elif got is not None:
                    pass  # "118.5p", "50sen": read with the unit after the figure
                elif lsuf == "x":
                    core.kind = "multiplier"
                    core.last = j
                else:
                    raise _Skip(j + 1)  # "9AB", "5G", "3D": a code, not a figure
        # spaced scale word: "2 million", "1.5 bn", "1.8 billion-mile"
        k = core.last + 1
        if core.scale == 1.0 and core.unit is None and k < n and t.kind[k] == "w":
            scale = self.lx.scales_spaced.get(t.low[k])
            if scale is None and t.tx[k] in ("B", "M", "K") and k + 1 < n and t.kind[k + 1] == "w":
                if is_plural(t.low[k + 1]):
                    scale = numbers.scale_of(t.tx[k])  # "8 B people"
            if scale is not None:
                core.scale = scale
                core.last = k
        core.tol = numbers.rounding_tolerance(raw, core.scale, value * core.scale)
        core.value = value * core.scale
        return core

    def _glued_scale(self, suf: str, j: int) -> float | None:
        """Scale abbreviation glued to digits. "m" is million only where a metre is unlikely."""
        t = self.t
        scale = numbers.scale_of(suf)
        if scale is None:
            return None
        if suf in ("m", "b"):
            if self._money_before(j - 1):
                return scale
            nxt = j + 1
            if suf == "m" and nxt < t.n and t.kind[nxt] == "w":
                # "2.7m combined sales", "1.2m tons", "5m people"; but "37m long",
                # "a 100m sprint", "520m trains"
                if t.low[nxt] in _METRE_CONTEXT:
                    return None
                raw = t.tx[j - 1]
                if "." in raw or units.lookup(t.tx[nxt]) is not None:
                    return scale
                if is_plural(t.low[nxt]) and numbers.parse_digits(raw) is not None:
                    return scale if (numbers.parse_digits(raw) or 0) < 100 else None
            return None
        return scale

    def _money_before(self, i: int) -> bool:
        t = self.t
        return i > 0 and (
            t.tx[i - 1] in _CURRENCY_CHARS
            or (t.kind[i - 1] == "w" and self._currency_prefix(i - 1) is not None)
            or (i > 1 and self._currency_prefix(i - 2) is not None)
        )

    # -------------------------------------------------------------- around it

    def _finish(
        self, core: _Core, previous: list[Mention], after_of: int | None = None
    ) -> Mention | None:
        t, lx = self.t, self.lx
        n = t.n
        first = core.first
        negative = False
        # sign: "-1.3%", "minus 5", "minus-260"
        if core.kind == "digits" and first > 0:
            p = first - 1
            if t.tx[p] in ("-", "−") and t.glued(first) and (p == 0 or not t.glued(p)):
                negative, first = True, p
            elif t.tx[p] in _DASHES and t.glued(first) and p > 0 and t.low[p - 1] == "minus":
                negative, first = True, p - 1
            elif t.low[p] == "minus":
                negative, first = True, p
        qual, change, qfirst = self._qualifier_before(first)
        between = qfirst > 0 and t.low[qfirst - 1] in ("between", "from")
        between_word = t.low[qfirst - 1] if between else ""
        if not qual and t.low[first - 1 : first] in (["between"], ["from"]):
            between, between_word = True, t.low[first - 1]
        if core.kind in ("digits", "spelled") and core.currency is None and core.unit is None:
            self._proportion(core)
        last = core.last
        # -------- non-quantities that look like numbers
        if core.kind == "digits" and core.currency is None:
            self._reject_non_quantity(core, first)
            self._reject_year(core, first)
        # -------- range
        second: _Core | None = None
        conn = last + 1
        pre_unit: tuple[str, Any, str, int] | None = None
        if core.kind in ("digits", "spelled") and core.unit is None and conn < n:
            # "5% to 10%", "1 per cent to 1.5 per cent", "from 208 pounds to 193"
            got = self._unit_after(conn, glued_ok=core.kind == "digits")
            if got is not None and got[3] + 1 < n and (
                t.low[got[3] + 1] in ("to", "and") or t.tx[got[3] + 1] in _DASHES
            ):
                pre_unit = got
                conn = got[3] + 1
        if core.kind in ("digits", "spelled") and conn < n:
            second = self._range_second(core, conn, between_word, pre_unit)
        is_range = second is not None
        # "from 240 to 273" states a move; "from €35bn-€36bn" is a range after "from"
        from_to = is_range and between_word == "from" and t.low[conn] == "to"
        if second is not None and pre_unit is not None and second.unit is None:
            if pre_unit[0] == "unit":
                second.unit, second.surface_unit = pre_unit[1], pre_unit[2]
            elif core.currency is None and pre_unit[0] == "currency":
                core.currency = pre_unit[1]
        if second is not None:
            if second.scale > 1 and core.scale == 1.0 and core.value < second.value / second.scale:
                # "$10 to $15 billion", "four to five thousand"; not "$200 to $4 million"
                core.value *= second.scale
                core.tol = numbers.rounding_tolerance(core.digits, second.scale, core.value)
            if core.currency is None:
                core.currency = second.currency
            last = second.last
        unit = core.unit or (second.unit if second else None)
        surface_unit = core.surface_unit or (second.surface_unit if second else "")
        if core.unit is not None and second is not None and second.unit is not None:
            if core.unit.dimension != second.unit.dimension:
                return None
        # -------- unit / currency after
        attrs: list[str] = []
        currency = core.currency
        minor = False
        pos = last + 1
        if after_of is not None:
            pos = after_of
        if currency is None and unit is None:
            got = self._unit_after(pos, glued_ok=core.kind in ("digits",))
            if got is not None:
                kind_u, info, surf, end_tok = got
                if kind_u == "unit" and surf.lower() in ("pound", "pounds") and core.scale >= 1e3:
                    kind_u, info = "currency", "GBP"  # "5 million pounds" is money, not mass
                if kind_u == "currency":
                    currency, surface_unit = info, surf
                elif kind_u == "minor":
                    currency, surface_unit, minor = info, surf, True
                else:
                    unit, surface_unit = info, surf
                last = end_tok
                pos = end_tok + 1
            elif after_of is not None:
                pos = after_of
        elif currency is not None:
            # "$31.20 US", "1,200€" handled as suffix; here only "US"
            if pos < n and t.tx[pos] == "US" and not t.glued(pos):
                last = pos
                pos += 1
            got = self._unit_after(pos, glued_ok=False, currency_only=True)
            if got is not None and got[0] == "currency":
                currency, surface_unit = got[1], got[2]
                last = got[3]
                pos = last + 1
        if currency is None and unit is None and core.kind == "digits" and pos < n:
            # "1,200€"
            if t.tx[pos] in _CURRENCY_CHARS and t.glued(pos):
                code = units.currency_word(t.tx[pos])
                if code:
                    currency, surface_unit = code, t.tx[pos]
                    last = pos
                    pos += 1
        # multiplier words after digits: "three times", "10-fold"
        kind = core.kind
        if unit is None and currency is None and pos < n and kind in ("digits", "spelled"):
            lw = t.low[pos]
            p2 = pos
            if t.tx[pos] in _DASHES and t.glued(pos) and pos + 1 < n:
                p2 = pos + 1
                lw = t.low[p2]
            if lw in ("fold", "times"):
                kind = "multiplier"
                surface_unit = lw
                last = p2
                pos = p2 + 1
        # -------- reject bare years/dates/ids now that we know there is no unit
        bare = (
            core.kind == "digits"
            and currency is None
            and unit is None
            and kind == "digits"
            and not is_range
        )
        if bare and self._is_age(core, first):
            # "crane operator Jakub Mazur, 41, said": an age in years
            unit = units.lookup("years")
            attrs.append("age")
            bare = False
        if bare:
            self._reject_bare(core, first, pos)
        if is_range and currency is None and unit is None and second is not None:
            self._reject_bare_range(core, second, first)
        if is_range and second is not None and (unit is not None or currency is not None):
            # the unit written after the upper end belongs to the span: "5% to 10%"
            after = self._unit_after(last + 1, glued_ok=second.kind == "digits")
            if after is not None and after[1] in (unit, currency):
                last = after[3]
                pos = last + 1
        # -------- rate: "a month", "per share", "/kWh"
        if (pos < n and t.low[pos] == "old" and not t.glued(pos) and unit is not None
                and unit.dimension == "duration"):
            attrs.append("age")  # "52 years old"
        if pos + 1 < n and t.tx[pos] in _DASHES and t.low[pos + 1] == "old" and t.glued(pos):
            if unit is not None and unit.dimension == "duration":
                attrs.append("age")  # "50 year-old", "18 month-old"
                last = pos + 1
                pos += 2
        if (unit is not None or currency is not None or kind == "multiplier") and pos < n:
            got_rate = self._rate(pos)
            if got_rate is not None:
                attrs.append(got_rate[0])
                last = got_rate[1]
                pos = last + 1
        # -------- qualifiers after: "20 million+", "or more"
        qa = self._qualifier_after(last + 1)
        if qa is not None:
            q2, c2, end_tok = qa
            if not qual or qual in ("exact",):
                qual, change = q2, c2
            last = end_tok
            pos = max(pos, end_tok + 1)
        # -------- counted noun
        subject = ""
        span_last = last
        resume = last + 1
        if unit is None and currency is None and kind not in ("multiplier",):
            np = self._noun_phrase(pos, one=core.value == 1 and not is_range)
            if np is not None:
                subject, np_attrs, np_first, head_last, np_resume = np
                attrs.extend(np_attrs)
                span_last = head_last
                resume = np_resume
                if not surface_unit:
                    surface_unit = self.text[t.st[np_first] : t.en[head_last]]
                got_rate = self._rate(head_last + 1)
                if got_rate is not None:
                    attrs.append(got_rate[0])  # "three thousand tests per day"
            elif kind in ("digits", "spelled") and pos < n and t.low[pos] in ("per", "a", "an"):
                got_rate = self._rate(pos)
                if got_rate is not None and got_rate[0].split()[-1] in _TIME_WORDS:
                    attrs.append(got_rate[0])  # "an average of 20 per week"
                    last = span_last = got_rate[1]
                    resume = last + 1
        elif (unit is not None or currency is not None) and pos + 1 < n and t.low[pos] == "of":
            np = self._noun_phrase(pos + 1, measured=True)
            if np is not None and unit is not None:
                subject, np_attrs, _, _, np_resume = np
                attrs.extend(np_attrs)
                resume = np_resume
        if not subject and unit is None and currency is None and kind != "multiplier":
            subject = self._row_label(first, span_last)
            if not subject and kind == "spelled" and not is_range and core.value < 100:
                if not qual and (core.value == 1 or not (pos < n and t.low[pos] == "of")):
                    return None  # "the bottom three", "one of the largest": no count
        # -------- change verbs before
        verb_change = self._change_before(qfirst)
        if verb_change is None and previous and qfirst >= 2:
            # "lost 190 points, or 0.6%": the second figure restates the first.
            if t.low[qfirst - 1] == "or" and t.tx[qfirst - 2] == ",":
                prev = previous[-1]
                if prev.end == t.en[qfirst - 3] and prev.change in ("up", "down"):
                    verb_change = (prev.change, False)
        if verb_change is None and previous and qfirst >= 2 and t.low[qfirst - 1] == "to":
            # "rose 18 sen to RM23.50": the price after a move is reported as moving too
            prev = previous[-1]
            if prev.end == t.en[qfirst - 2] and prev.change in ("up", "down"):
                if currency is not None and core.scale == 1.0 and not is_range:
                    verb_change = (prev.change, False)
        if verb_change is None and qfirst >= 2 and t.tx[qfirst - 1] == "(" and previous:
            # "7.5 million crowns (US $1.1 million)": a conversion restates the figure
            prev = previous[-1]
            if prev.end == t.en[qfirst - 2] and change == "=" and prev.change != "~":
                change = prev.change
        strong_qualifier = qfirst < first - 1 and change in (">", "<")
        if from_to:
            # "fell from 240 to 273" moved down; in "from up to 252 to 287" the bound
            # is not the change
            change = "="
            opener_at = min(first, qfirst) - 1
            if verb_change is None and opener_at >= 0 and t.low[opener_at] == "from":
                verb_change = self._change_before(opener_at)
        if verb_change is not None and not strong_qualifier:
            # "rose under 4%" is a rise; "climbed more than 3%" stays ">"
            direction, adverb = verb_change
            if not (adverb and change == "~"):
                change = direction
        # -------- numbers
        value = core.value
        lo = hi = value
        if second is not None:
            lo, hi = value, second.value
        if negative:
            value, lo, hi = -value, -lo, -hi
            if change == "=" and _is_percent(unit):
                change = "down"  # "DAX -1.6%"
        written: Any = (lo, hi) if is_range else value
        if minor:
            value, lo, hi = value / 100, lo / 100, hi / 100
        info = (
            units.currency(currency)
            if currency
            else unit
            if unit is not None
            else units.UnitInfo("ratio", "", 1.0, 0.0, "times")
            if kind == "multiplier"
            else units.COUNT
        )
        tol = core.tol
        qualifier = qual or "exact"
        if kind == "vague" and core.vague is not None:
            lo, hi = core.vague
            value = (lo + hi) / 2
            tol = lx.vague_tol
            if qualifier == "exact":
                qualifier = "vague"
        elif kind == "multiplier" and qualifier == "exact":
            qualifier = "multiplier"
        elif is_range and qualifier in ("exact", "approx"):
            qualifier = "range"
        low_v, high_v = min(lo, hi), max(lo, hi)
        if qualifier in ("exact", "more_than", "at_least", "less_than", "at_most", "plus", "range"):
            tol = min(tol, EXACT_TOL_CAP)
        if qualifier == "approx":
            slack = max(tol, _APPROX_SLACK)
            low_v, high_v = low_v - abs(low_v) * slack, high_v + abs(high_v) * slack
        elif qualifier in ("more_than", "at_least", "plus"):
            high_v = math.inf
        elif qualifier in ("less_than", "at_most"):
            low_v = 0.0 if low_v >= 0 else -math.inf
        mid = (lo + hi) / 2 if is_range else value
        opener = -1
        if is_range and between_word:
            # the claim reads "between 5 and 7", not "5 and 7"
            s0 = min(first, qfirst)
            if s0 > 0 and t.low[s0 - 1] == between_word:
                opener = s0 - 1
        extras: dict[str, Any] = {"written": written}
        if from_to:
            extras["from_to"] = True
            attrs.append("from-to")
        return Mention(
            start=t.st[opener if opener >= 0 else min(first, qfirst)],
            end=t.en[span_last],
            low=low_v,
            high=high_v,
            value=mid,
            qualifier=qualifier,
            change=change or "=",
            unit=info,
            surface_unit=surface_unit,
            surface_value=self.text[t.st[core.first] : t.en[second.last if second else core.last]],
            subject=subject,
            attributes=tuple(attrs),
            tolerance=tol,
            is_range=is_range,
            kind=kind,
            resume=max(resume, span_last + 1),
            extras=extras,
        )

    # -------------------------------------------------------------- helpers

    def _proportion(self, core: _Core) -> None:
        """ "one out of three", "nine in 10": read as the fraction they state."""
        t = self.t
        j = core.last + 1
        if j + 1 < t.n and t.low[j] == "out" and t.low[j + 1] == "of":
            k = j + 2
        elif j < t.n and t.low[j] == "in":
            k = j + 1
        else:
            return
        if k >= t.n or core.scale != 1.0 or core.value != int(core.value):
            return
        try:
            if t.kind[k] == "n" and t.tx[k].isdigit():
                den = self._digits(k)
            elif t.low[k] in self.lx.ones_tens:
                den = self._spelled(k)
            else:
                return
        except _Skip:
            return
        if den is None or den.unit is not None or den.scale != 1.0:
            return
        if not (0 < core.value < den.value <= 1000) or den.value != int(den.value):
            return
        core.value = core.value / den.value
        core.last = den.last
        core.kind = "fraction"
        core.digits = ""
        core.tol = 0.01

    def _qualifier_before(self, first: int) -> tuple[str, str, int]:
        """(qualifier, change, index of its first token) for words right before ``first``."""
        t, lx = self.t, self.lx
        if first > 0 and t.tx[first - 1] in ("~", "≈", "∼", "〜"):
            return "approx", "~", first - 1
        if first > 1 and t.tx[first - 1] in _DASHES and t.low[first - 2] == "sub":
            if t.glued(first - 1) and t.glued(first):
                return "less_than", "<", first - 2
        for k in (3, 2, 1):
            s = first - k
            if s < 0:
                continue
            phrase = tuple(t.low[s:first])
            got = lx.q_before.get(phrase)
            if got is not None:
                if got[0] == "exact":
                    return "", "=", s
                return got[0], got[1], s
        return "", "=", first

    def _qualifier_after(self, j: int) -> tuple[str, str, int] | None:
        t, lx = self.t, self.lx
        if j < t.n and t.tx[j] in _PLUS and t.glued(j):
            return "plus", ">", j
        for k in (2, 1):
            if j + k > t.n:
                continue
            got = lx.q_after.get(tuple(t.low[j : j + k]))
            if got is not None and not (k == 1 and t.low[j] == "plus"):
                return got[0], got[1], j + k - 1
        return None

    def _change_before(self, s: int) -> tuple[str, bool] | None:
        """("up"|"down", is_adverb) for a change verb shortly before token ``s``."""
        t, lx = self.t, self.lx
        j = s - 1
        steps = 0
        while j >= 0 and steps < 4:
            low = t.low[j]
            if low in lx.up or low in lx.down:
                direction = "up" if low in lx.up else "down"
                return direction, low in ("up", "down", "higher", "lower", "off")
            if low in lx.change_skip:
                j -= 1
                steps += 1
                continue
            return None
        return None

    def _reject_non_quantity(self, core: _Core, first: int) -> None:
        """Identifiers, times, dates glued to the digits; raise _Skip if so."""
        t, lx = self.t, self.lx
        i = core.first
        n = t.n
        prev = first - 1
        # letters glued before: "S23", "COVID-19", "TA-35"
        if prev >= 0 and t.glued(first):
            if t.kind[prev] == "w":
                raise _Skip(core.last + 1)
            if t.tx[prev] in _DASHES and prev > 0 and t.glued(prev) and t.kind[prev - 1] == "w":
                if t.low[prev - 1] not in ("sub", "minus", "over", "under", "now", "mid", "the"):
                    raise _Skip(core.last + 1)
            if t.tx[prev] in ("#", "№"):
                raise _Skip(core.last + 1)
            if t.tx[prev] in _DASHES and prev > 0 and t.glued(prev) and t.kind[prev - 1] == "n":
                raise _Skip(core.last + 1)  # the tail of "2020-21", "555-123-4567"
            if t.tx[prev] == "(" and prev > 0 and t.glued(prev) and t.kind[prev - 1] == "w":
                raise _Skip(core.last + 1)  # code, not prose: "alert(1)", "f(2)"
        # "No. 3"
        if prev >= 1 and t.tx[prev] == "." and t.low[prev - 1] in ("no", "nos", "vol", "art"):
            raise _Skip(core.last + 1)
        if prev >= 1 and t.tx[prev] == "." and t.glued(first):
            if t.glued(prev) and t.kind[prev - 1] == "w":
                raise _Skip(core.last + 1)  # "ID.3"
            raise _Skip(core.last + 1)  # ".500": a decimal we do not read
        if prev >= 3 and t.tx[prev] == "." and t.low[prev - 1] in ("d", "c") and (
            t.low[prev - 3] in ("a", "b")
        ):
            raise _Skip(core.last + 1)  # "A.D. 1000"
        if core.scale != 1.0 or core.unit is not None:
            return
        j = core.last + 1
        if j < n:
            # times "11:30", "5 p.m.", "0401 GMT"
            if t.tx[j] in (":",) and t.glued(j) and j + 1 < n and t.kind[j + 1] == "n":
                raise _Skip(j + 2)
            if t.low[j] in _AMPM or t.low[j] in lx.timezones and t.tx[j].isupper():
                raise _Skip(j + 1)
            if t.low[j] in ("a", "p") and j + 2 < n and t.tx[j + 1] == "." and t.low[j + 2] == "m":
                raise _Skip(j + 3)
            # dotted dates / versions "1.2.3" already split; "3.4.5"
            if t.tx[j] == "." and t.glued(j) and j + 1 < n and t.kind[j + 1] == "n" and t.glued(
                j + 1
            ):
                raise _Skip(j + 2)
        if len(core.digits) > 1 and core.digits[0] == "0" and core.digits[1].isdigit():
            raise _Skip(core.last + 1)  # "09", "007": part of a date, time or code
        if i == core.first and "." not in core.digits and "," not in core.digits:
            v = core.value
            # day of month next to a month name: "January 22", "Oct. 31", "1 September"
            if 1 <= v <= 31:
                p = first - 1
                if p >= 0 and t.tx[p] == "." and p > 0:
                    p -= 1
                if p >= 0 and self._is_month(p):
                    end = core.last + 1
                    if end + 1 < n and t.tx[end] in _DASHES and t.kind[end + 1] == "n":
                        end += 2  # "Sept. 20-24"
                    raise _Skip(end)
                q = core.last + 1
                if q < n and t.low[q] == "of" and q + 1 < n:
                    q += 1
                if q < n and self._is_month(q):
                    raise _Skip(q + 1)

    def _reject_bare(self, core: _Core, first: int, pos: int) -> None:
        """A bare number (no unit, scale or currency): years and identifiers are skipped."""
        t, lx = self.t, self.lx
        raw = core.digits
        prev = first - 1
        if core.scale != 1.0:
            return
        if raw.isdigit():
            v = int(raw)
            if len(raw) == 4 and 1900 <= v <= 2099:
                raise _Skip(core.last + 1)
            if len(raw) in (3, 4) and prev >= 0 and t.low[prev] in lx.year_preps:
                if (v >= 1000 and not self._starts_counted_range(core)) or t.low[prev] in (
                    "ad", "bc"
                ):
                    raise _Skip(core.last + 1)
            nxt = core.last + 1
            if nxt < t.n and t.low[nxt] in ("bc", "ad", "bce", "ce"):
                raise _Skip(nxt + 1)
            # year after a month and day: "Jan 23, 2024"
            if len(raw) == 4 and prev >= 1 and t.tx[prev] == "," and t.kind[prev - 1] == "n":
                raise _Skip(core.last + 1)
            if len(raw) == 4 and prev >= 0 and self._is_month(prev):
                raise _Skip(core.last + 1)
            # the day after an abbreviated month, in any case: "oct. 13", "sept. 30"
            if 1 <= v <= 31 and prev >= 1 and t.tx[prev] == "." and (
                t.low[prev - 1] in lx.months and len(t.low[prev - 1]) <= 4
            ):
                raise _Skip(core.last + 1)
        if prev >= 0 and t.kind[prev] == "w":
            pw = t.tx[prev]
            if t.low[prev] in lx.id_words:
                raise _Skip(core.last + 1)
            if pw[0].isupper() and prev > 0 and not self._sentence_start(prev):
                if t.low[prev] not in lx.stop and (t.low[prev],) not in lx.q_before:
                    raise _Skip(core.last + 1)
            if pw.isupper() and len(pw) > 1 and (t.low[prev],) not in lx.q_before:
                if t.low[prev] not in lx.stop:
                    raise _Skip(core.last + 1)
        nxt = core.last + 1
        if nxt < t.n and t.kind[nxt] == "w" and t.tx[nxt][0].isupper() and raw.isdigit():
            w = t.tx[nxt]
            if len(w) == 1 or w[1:].islower():
                raise _Skip(nxt)  # "22 Ave Foch", "4 Started", "11 Pro": names, not counts
        if prev >= 1 and t.tx[prev] == "(" and nxt < t.n and t.tx[nxt] == ")":
            w = t.tx[prev - 1]
            if t.kind[prev - 1] == "w" and w[0].isupper() and w[1:].islower():
                raise _Skip(nxt + 1)  # "Dak Prescott (4)": a shirt number or list marker
        if prev >= 0 and t.tx[prev] in ("(", "#") and core.last + 1 < t.n:
            if t.tx[core.last + 1] == ")" and "." not in raw and len(raw) >= 3:
                raise _Skip(core.last + 2)  # "(555) 123-4567" area code
        # "+44 20 7946 0958", "555 0199": runs of digit groups are phone numbers
        if prev >= 0 and t.tx[prev] == "+" and t.glued(first):
            j = core.last + 1
            while j < t.n and t.kind[j] == "n":
                j += 1
            raise _Skip(j)

    def _starts_counted_range(self, core: _Core) -> bool:
        """"from 1000 to 5000 jobs": a number that opens a range of counted things
        is no year, though "from" stands before it."""
        t = self.t
        j = core.last + 1
        if j + 2 >= t.n or t.low[j] not in ("to", "and", "-", "–", "through"):
            return False
        if t.kind[j + 1] != "n" or t.tx[j + 1].isdigit() and 1900 <= int(t.tx[j + 1]) <= 2099:
            return False  # "from 1998 to 2003": two years
        w = t.low[j + 2]
        return t.kind[j + 2] == "w" and is_plural(w) and w not in self.lx.stop

    def _is_age(self, core: _Core, first: int) -> bool:
        t = self.t
        raw = core.digits
        if not raw.isdigit() or not 1 <= int(raw) <= 120 or first < 1:
            return False
        if t.low[first - 1] == "aged":
            return True  # "a man aged 40"
        if first < 2:
            return False
        nxt = core.last + 1
        if t.tx[first - 1] != "," or nxt >= t.n or t.tx[nxt] not in (",", ")", ";"):
            return False
        name = t.tx[first - 2]
        # "Mazur, 41," and "McHenry , 28 ," (not an acronym: "BBC, 28,")
        return t.kind[first - 2] == "w" and name[0].isupper() and not name.isupper()

    def _reject_year(self, core: _Core, first: int) -> None:
        """"in 2018 to 3.9 million": a bare year is skipped before it can start a range."""
        t = self.t
        raw = core.digits
        if core.scale != 1.0 or core.unit is not None or not raw.isdigit() or len(raw) != 4:
            return
        if not 1900 <= int(raw) <= 2099:
            return
        nxt = core.last + 1
        if self._unit_after(nxt, glued_ok=True) is not None:
            return
        if nxt < t.n and t.kind[nxt] == "w" and t.tx[nxt].islower() and is_plural(t.low[nxt]):
            prev = t.low[first - 1] if first > 0 else ""
            if prev not in _YEAR_ONLY_BEFORE and t.low[nxt] not in self.lx.stop:
                return  # "sales of 5835 units"
        raise _Skip(core.last + 1)

    def _reject_bare_range(self, a: _Core, b: _Core, first: int) -> None:
        t = self.t
        years = [
            c for c in (a, b)
            if c.digits.isdigit() and len(c.digits) == 4 and 1000 <= int(c.digits) <= 2099
        ]
        # "1998-2003" is two years; "1000 to 1500 homes" counts homes (the end is
        # no modern year and counted things follow)
        if years and not self._starts_counted_range(a):
            raise _Skip(a.last + 1)
        prev = first - 1
        if prev >= 0 and t.kind[prev] == "w" and t.tx[prev][0].isupper():
            if not self._sentence_start(prev) and t.low[prev] not in self.lx.stop:
                if (t.low[prev],) not in self.lx.q_before:
                    raise _Skip(b.last + 1)
        if prev >= 0 and self._is_month(prev if t.tx[prev] != "." else prev - 1):
            raise _Skip(b.last + 1)

    def _sentence_start(self, i: int) -> bool:
        t = self.t
        j = i - 1
        while j >= 0 and t.kind[j] == "p" and t.tx[j] in "\"'“‘([":
            j -= 1
        return j < 0 or t.tx[j] in (".", "!", "?", ":", ";", "—", "-", "–") and not t.glued(j + 1)

    def _is_month(self, i: int) -> bool:
        t, lx = self.t, self.lx
        if i < 0 or i >= t.n:
            return False
        low = t.low[i]
        if low not in lx.months:
            return False
        if low in lx.ambiguous_months or len(low) <= 4 and low not in ("june", "july"):
            return t.tx[i][0].isupper()
        return True

    def _range_second(
        self,
        core: _Core,
        conn: int,
        between_word: str,
        pre_unit: tuple[str, Any, str, int] | None = None,
    ) -> _Core | None:
        """The upper end of "25-30", "5 to 7", "between 5 and 7", if there is one."""
        t = self.t
        n = t.n
        c = t.tx[conn]
        low = t.low[conn]
        j = conn + 1
        if c in _DASHES:
            if t.glued(conn + 1) and not t.glued(conn):
                return None  # "Stoxx 50 -1.3%": a sign, not a range
            # "0-to-60"
            if j + 1 < n and t.low[j] == "to" and t.tx[j + 1] in _DASHES:
                j += 2
        elif low in ("to", "through", "thru"):
            if between_word not in ("from", "between", ""):
                return None
        elif low == "and":
            if between_word != "between":
                return None
        elif low == "or":
            if core.unit is not None or core.currency is not None or pre_unit is not None:
                return None  # "7- or 8-inch", "$5 or $6": two figures
        else:
            return None
        if j >= n:
            return None
        save_unit = core.unit is not None
        try:
            if t.kind[j] == "n" or self._currency_prefix(j) is not None:
                second = self._core(j)
            elif t.kind[j] == "w" and t.low[j] in self.lx.ones_tens:
                if core.kind != "spelled":
                    return None
                second = self._spelled(j)
            else:
                return None
        except _Skip:
            return None
        if second is None or second.kind not in ("digits", "spelled"):
            return None
        if low == "or" and not (
            core.value < second.value <= core.value + max(2.0, core.value / 2)
            and second.scale == core.scale
            and second.unit is None
        ):
            return None  # "three or four years" is a range; "2 or 20" is a choice
        if pre_unit is not None:
            after = self._unit_after(second.last + 1, glued_ok=True)
            if after is None:
                if not between_word:
                    return None
            elif (after[0], after[1]) != (pre_unit[0], pre_unit[1]):
                return None
        if c in _DASHES:
            if core.kind == "digits" and second.kind == "digits":
                both_int = core.digits.isdigit() and second.digits.isdigit()
                # phone / ISO code chains "555-123-4567", "2019-09-01"
                nxt = second.last + 1
                if nxt + 1 < n and t.tx[nxt] in _DASHES and t.kind[nxt + 1] == "n":
                    raise _Skip(nxt + 2)
                if both_int and len(second.digits) >= 4 and len(core.digits) >= 3:
                    if not (core.digits.startswith(second.digits[:1]) and save_unit):
                        raise _Skip(second.last + 1)
                # scores "2-0", "9-2": the first is not below the second, no unit
                if (
                    both_int
                    and core.value >= second.value
                    and second.unit is None
                    and core.unit is None
                    and second.scale == 1.0
                    and core.currency is None
                    and not self._unit_after(second.last + 1, glued_ok=True)
                ):
                    raise _Skip(second.last + 1)
        elif low == "to" and not between_word:
            # "rose 0.7 percent to 6,327": a change then a level, not a range
            if core.unit is not None and second.unit is None:
                return None
            by = core.first > 0 and t.low[core.first - 1] == "by"
            if self._change_before(core.first) is not None and not by and pre_unit is None:
                return None
            if core.currency is not None and second.currency is None:
                return None
        if core.currency and second.currency and core.currency != second.currency:
            return None
        if core.unit is not None and second.unit is None:
            nxt = self._unit_after(second.last + 1, glued_ok=True)
            if nxt is None or nxt[0] != "unit" or nxt[1] != core.unit:
                if low != "to" or between_word:
                    second.unit, second.surface_unit = core.unit, core.surface_unit
        return second

    def _unit_after(
        self, j: int, glued_ok: bool, currency_only: bool = False
    ) -> tuple[str, Any, str, int] | None:
        """("unit"|"currency"|"minor", info, surface, last token) for a unit starting at ``j``."""
        t = self.t
        n = t.n
        if j >= n:
            return None
        if t.tx[j] == "%":
            return "unit", units.lookup("%"), "%", j
        start = j
        if t.tx[j] in _DASHES and t.glued(j) and j + 1 < n and t.kind[j + 1] == "w":
            start = j + 1  # "3.5-liter", "6.1-inch"
        if t.kind[start] not in ("w", "p"):
            return None
        glued = t.glued(start) and start == j
        best: tuple[str, Any, str, int] | None = None
        for k in (4, 3, 2, 1):
            last = start + k - 1
            if last >= n:
                continue
            s = self.text[t.st[start] : t.en[last]]
            if len(s) > 40:
                continue
            code = units.currency_word(s)
            if code is not None and not (k == 1 and s in _CURRENCY_CHARS):
                if s == "won" or (t.low[start] in ("real", "rand") and k == 1):
                    continue
                best = ("currency", code, s, last)
                break
            code = units.minor_currency(s)
            if code is not None and (s != "p" or glued):
                best = ("minor", code, s, last)
                break
            if currency_only:
                continue
            info = units.lookup(s)
            if info is not None:
                if units.is_attached_only(s) and not glued:
                    # "775 m." / "775 m," reads as metres; "5 m people" or "5 in the" do not
                    after = last + 1
                    ends = after >= n or (t.kind[after] == "p" and t.tx[after] not in _DASHES)
                    if not (ends and k == 1 and s in ("m", "g", "t", "h", "l")):
                        continue
                after = last + 1
                if after + 1 < n and t.tx[after] in ("'", "’") and t.glued(after) and (
                    t.glued(after + 1) and t.kind[after + 1] == "w"
                ):
                    continue  # "2009 L'Aquila": the letter begins a name
                if k == 1 and s[0].isupper() and s[1:].islower() and not units.is_symbol(s):
                    # Capitalized full words ("Section", "Row") are not units; symbols are.
                    if s.lower() not in ("celsius", "fahrenheit", "kelvin"):
                        continue
                best = ("unit", info, s, last)
                break
        if best is not None and best[0] == "unit":
            # "degrees" + "Celsius"/"C"/"F"
            nxt = best[3] + 1
            if best[1].dimension == "angle" and nxt < n and t.tx[nxt] in ("C", "F"):
                sym = "°" + t.tx[nxt]
                return "unit", units.lookup(sym), self.text[t.st[start] : t.en[nxt]], nxt
        return best

    def _rate(self, j: int) -> tuple[str, int] | None:
        """"per month", "a year", "/kWh" after a unit -> ("per month", last token)."""
        t, lx = self.t, self.lx
        n = t.n
        if j + 1 >= n:
            return None
        low = t.low[j]
        if low in ("per", "a", "an", "/", "every", "each"):
            k = j + 1
            w = t.low[k]
            if w == "square" and k + 1 < n:
                return f"per square {lemma(t.low[k + 1])}", k + 1
            lw = lemma(w)
            if low in ("a", "an") and k + 1 < n and t.low[k + 1] in ("earlier", "ago", "later"):
                return None  # "$6.78 billion a year earlier"
            if lw in lx.rate_denoms or (low in ("per", "/") and t.kind[k] == "w"):
                if low == "/" and not t.glued(k):
                    return None
                if low in ("each", "every") and lw not in lx.rate_denoms:
                    return None
                return f"per {lw}", k
        return None

    def _plural_soon(self, k: int) -> bool:
        """A plural noun within the next two words (a name continues up to it)."""
        t = self.t
        for i in range(k, min(k + 2, t.n)):
            if t.kind[i] != "w" or t.low[i] in self.lx.stop:
                return False
            if is_plural(t.low[i]):
                return True
        return False

    def _noun_phrase(
        self, j: int, measured: bool = False, one: bool = False
    ) -> tuple[str, list[str], int, int, int] | None:
        """Counted noun after a figure.

        Returns (subject lemma, attributes, first word token, head token, resume).
        """
        t, lx = self.t, self.lx
        n = t.n
        words: list[str] = []
        attrs: list[str] = []
        head = -1
        first_word = -1
        k = j
        if (
            not measured
            and k + 1 < n
            and t.tx[k] in _DASHES
            and t.glued(k)
            and t.glued(k + 1)
            and t.kind[k + 1] == "w"
            and t.low[k + 1] not in lx.stop
        ):
            # "a 400-bed isolation unit": the figure counts beds
            return lemma(t.low[k + 1]), attrs, k + 1, k + 1, k + 2
        while k < n and len(words) < 4:
            kind = t.kind[k]
            low = t.low[k]
            if kind == "n":
                # "152mm" inside "rounds of 152mm artillery shells": an attribute
                if k + 1 < n and t.kind[k + 1] == "w" and t.glued(k + 1):
                    if units.lookup(t.tx[k + 1]) is not None and words == []:
                        attrs.append(t.tx[k] + t.tx[k + 1])
                        k += 2
                        continue
                if words and k + 1 < n and t.glued(k + 1) and t.low[k + 1] == "s":
                    # "63,150 Model 3s": a model number made plural ends the name
                    words.append(t.low[k] + "s")
                    head = k + 1
                    k += 2
                    break
                if words and t.tx[k].isdigit() and self._plural_soon(k + 1):
                    # "two new 737 Max jets": a model number inside the name
                    words.append(t.low[k])
                    k += 1
                    continue
                break
            if kind == "p":
                if t.tx[k] in _DASHES and t.glued(k) and words and k + 1 < n and t.glued(k + 1):
                    # "first-team players": join the hyphenated compound
                    if t.kind[k + 1] == "w":
                        words[-1] = words[-1] + "-" + t.low[k + 1]
                        head = k + 1
                        k += 2
                        if is_plural(t.low[k - 1]):
                            break
                        continue
                    if t.kind[k + 1] == "n" and self._plural_soon(k + 2):
                        # "thousands of COVID-19 tests"
                        words[-1] = words[-1] + "-" + t.low[k + 1]
                        head = k + 1
                        k += 2
                        continue
                break
            if low in lx.np_stop or (low in lx.stop and low not in lx.np_keep):
                break
            if (low in lx.up or low in lx.down) and (not words or not low.endswith("s")):
                break  # "800 rose", but "job cuts" is a noun
            if numbers.is_number_word(low):
                break
            if low.endswith("ly") and len(low) > 4:
                break
            if t.tx[k] in ("'s", "’s") or low in ("s",):
                break
            words.append(low)
            if first_word < 0:
                first_word = k
            head = k
            k += 1
            if is_plural(low) or low in ("people", "staff", "personnel", "police"):
                break
        if not words:
            return None
        # "individuals and entities"
        if k + 1 < n and t.low[k] == "and" and is_plural(words[-1]):
            nxt = t.low[k + 1]
            if t.kind[k + 1] == "w" and is_plural(nxt) and nxt not in lx.stop:
                words.append("and")
                words.append(nxt)
                head = k + 1
                k += 2
        if not is_plural(words[-1]) and words[-1] not in ("people", "staff", "personnel"):
            # No plural head. "a three course meal, all": a short phrase up to a break is
            # the counted thing; otherwise trust only the first noun ("3 cylinder engine").
            w0 = words[0]
            if w0.endswith("ing") or (w0.endswith("ed") and not w0.endswith("eed")) or "-" in w0:
                return None
            at_break = k >= n or t.kind[k] == "p" or t.low[k] in lx.stop
            if one and not (len(words) <= 2 and at_break):
                return None  # "one terminal executive told": not a count of terminals
            if measured or not (len(words) <= 3 and at_break):
                # the first real noun: "47 km of new line" measures line
                words = [next((w for w in words if w not in lx.np_keep), words[0])]
                head = first_word
        # "rounds of 152mm artillery shells": count the contents, not the container
        if words[-1] in lx.containers and k + 1 < n and t.low[k] == "of":
            inner = self._noun_phrase(k + 1)
            if inner is not None:
                subj, inner_attrs, _, _, resume = inner
                return subj, attrs + inner_attrs, first_word, head, resume
        # "five more bodies" counts bodies; the surface keeps "more"
        kept = [w for w in words if w not in lx.np_keep] or words
        subject = " ".join(lemma(w) for w in kept)
        return subject, attrs, first_word, head, head + 1

    def _row_label(self, first: int, last: int) -> str:
        """Table-row lines ("Artillery Shells 20 million+"): the label is the subject."""
        t = self.t
        if last + 1 < t.n or first == 0 or first > 4:
            return ""
        if all(t.kind[i] == "w" for i in range(first)) and t.tx[0][0].isupper():
            return lemma_phrase(" ".join(t.low[:first]))
        return ""


def _is_percent(info: units.UnitInfo | None) -> bool:
    return info is not None and info.dimension in ("percent", "percentage_point")


def _int_digits(value: float) -> str:
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return ""


# ------------------------------------------------------------------ public API


def quantities_in_text(text: str) -> list[Mention]:
    """Mentions in one sentence (offsets relative to ``text``).

    Callers must not mutate the mentions: a sentence scanned twice (a claim
    re-read, a benchmark adapter) shares one cached scan.
    """
    return list(_scan(text))


@lru_cache(maxsize=512)
def _scan(text: str) -> tuple[Mention, ...]:
    return tuple(_Scanner(text).scan())


def sentence_context(text: str) -> tuple[str, ...]:
    """Content-word lemmas of a sentence, in order, each once (for matching)."""
    stop = stopwords()
    # the word tokens of _TOKEN of two letters or more, lower-cased in one call
    lemmas = [lemma(w) for w in _CONTEXT_WORD.findall(text.lower()) if w not in stop]
    return tuple(dict.fromkeys(lemmas))


def to_quantity(m: Mention) -> Quantity:
    """Normalize a mention's numbers into the canonical unit of its dimension."""
    info = m.unit

    def conv(x: float) -> float:
        return units.to_canonical(x, info)

    lo, hi = conv(m.low), conv(m.high)
    if lo > hi:
        lo, hi = hi, lo
    unit = info.unit
    return Quantity(
        low=lo,
        high=hi,
        value=conv(m.value),
        unit=unit,
        dimension=info.dimension,
        qualifier=m.qualifier,
        change=m.change,
        subject=m.subject,
        attributes=m.attributes,
        tolerance=m.tolerance,
        surface_value=m.surface_value,
        surface_unit=m.surface_unit,
    )


def extract_quantities(doc: Document) -> list[Claim]:
    """Every quantity in ``doc`` as a Claim (category "quantity")."""
    sentences = doc.sentences or (Sentence(0, 0, len(doc.text), 1, 1, doc.text),)
    claims: list[Claim] = []
    for sent in sentences:
        stext = doc.text[sent.start : sent.end]
        if not _DIGIT.search(stext) and not _has_word_figure(stext):
            continue
        mentions = quantities_in_text(stext)
        if not mentions:
            continue
        context = sentence_context(stext)
        for m in mentions:
            start, end = sent.start + m.start, sent.start + m.end
            claims.append(
                Claim(
                    doc=doc.id,
                    category="quantity",
                    text=doc.text[start:end],
                    start=start,
                    end=end,
                    sentence=sent.index,
                    subject=m.subject,
                    quantity=to_quantity(m),
                    context=context,
                )
            )
    return claims


@cache
def _figure_words() -> frozenset[str]:
    lx = _lex()
    words = set(lx.ones_tens) | set(lx.of_vague) | set(lx.multipliers) | set(lx.folds)
    words |= {"dozen", "half", "third", "quarter", "several", "few", "handful", "couple"}
    words |= {"numerous", "thirds", "quarters", "fifth", "tenth"}
    words |= {p for p in lx.prefix_first if p.isalpha()}
    return frozenset(words)


_WORDS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")


def _has_word_figure(text: str) -> bool:
    fw = _figure_words()
    return any(w.lower() in fw or w in fw for w in _WORDS.findall(text)) or any(
        c in _CURRENCY_CHARS or c in _VULGAR for c in text
    )


def quantity_from_cell(value_text: str, subject: str) -> Quantity | None:
    """Read a table cell ("20 million+", "Unknown") whose row label is ``subject``."""
    subj = lemma_phrase(subject.strip().lower()) if subject else ""
    cell = (value_text or "").strip()
    if cell.lower() in _lex().unknown_cells or not cell:
        if not cell:
            return None
        return Quantity(
            low=0.0,
            high=math.inf,
            value=math.nan,
            qualifier="unknown",
            subject=subj,
            surface_value=cell,
        )
    mentions = quantities_in_text(cell)
    if not mentions:
        return None
    q = to_quantity(mentions[0])
    if not q.subject or q.dimension == "count":
        from dataclasses import replace

        q = replace(q, subject=subj or q.subject)
    return q
