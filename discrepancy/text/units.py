"""Unit words -> canonical units, with pint kept off the hot path.

Unit spellings come from ``data/unit_aliases.json`` and currencies from
``data/currencies.json``. pint is only used to turn a unit expression into a
(dimension, canonical unit, factor, offset) record, once per expression, and
the pint registry itself is built lazily on the first physical unit seen:
``import discrepancy`` must not pay pint's ~0.5 s start-up.

Conventions:
- "ton"/"tons"/"tonne" is the metric tonne (1000 kg). News outside the US
  almost always means that, and pint's bare ``ton`` is the 2000 lb short ton,
  so "short tons"/"long tons" must be written out to get those.
- Money is one dimension per currency ("currency:USD"); we never convert
  between currencies, only scale ("$3.5m" -> 3_500_000 USD). Minor units
  (cents, pence, sen) are hundredths of their currency.
- Percent is dimension "percent"; percentage points (and basis points, 1/100
  of one) are "percentage_point": "rose 3%" and "rose 3 points" differ.
- Counts have dimension "count" and unit ""; the counted noun is the
  quantity's subject, not its unit.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from . import wordlists
from .lemmas import lemma, lemma_phrase

__all__ = [
    "UnitInfo",
    "COUNT",
    "lookup",
    "currency",
    "currency_prefixes",
    "currency_word",
    "currency_name",
    "minor_currency",
    "is_attached_only",
    "is_symbol",
    "registry",
    "warm",
    "to_canonical",
    "from_canonical",
]


@dataclass(frozen=True)
class UnitInfo:
    dimension: str  # "mass", "length", "percent", "currency:USD", "count", ...
    unit: str  # canonical unit of the dimension: "kilogram", "USD", "" for counts
    factor: float = 1.0  # canonical = written * factor + offset
    offset: float = 0.0  # only temperatures have one
    name: str = ""  # the written unit's own name ("mile", "gigabyte"), for display


COUNT = UnitInfo("count", "", 1.0, 0.0, "")

# pint dimensionality (as sorted (dimension, exponent) pairs) -> (our dimension name,
# canonical unit name, pint expression for it). Keyed by pairs, not pint's string,
# whose factor order depends on how the unit was defined.
def _dims(**exps: int) -> tuple[tuple[str, int], ...]:
    return tuple(sorted((f"[{k}]", v) for k, v in exps.items()))


_CANONICAL: dict[tuple[tuple[str, int], ...], tuple[str, str, str]] = {
    _dims(length=1): ("length", "meter", "meter"),
    _dims(mass=1): ("mass", "kilogram", "kilogram"),
    _dims(length=3): ("volume", "liter", "liter"),
    _dims(length=2): ("area", "square_meter", "meter**2"),
    _dims(time=1): ("duration", "second", "second"),
    _dims(length=1, time=-1): ("speed", "meter_per_second", "meter/second"),
    _dims(length=2, mass=1, time=-2): ("energy", "joule", "joule"),
    _dims(length=2, mass=1, time=-3): ("power", "watt", "watt"),
    _dims(temperature=1): ("temperature", "degree_Celsius", "degree_Celsius"),
    _dims(time=-1): ("frequency", "hertz", "hertz"),
    _dims(mass=1, length=-1, time=-2): ("pressure", "pascal", "pascal"),
    _dims(current=1): ("current", "ampere", "ampere"),
    _dims(current=1, time=1): ("charge", "coulomb", "coulomb"),
    _dims(length=2, mass=1, current=-1, time=-3): ("voltage", "volt", "volt"),
    _dims(mass=1, length=1, time=-3, current=-1): (
        "electric_field",
        "volt_per_meter",
        "volt/meter",
    ),
    _dims(length=-2): ("fuel_economy", "kilometer_per_liter", "kilometer/liter"),
    _dims(current=2, time=4, mass=-1, length=-2): ("capacitance", "farad", "farad"),
}


@cache
def _aliases() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    data = wordlists.data("unit_aliases.json")
    words = {k.lower(): v for k, v in data["words"].items()}
    return dict(data["symbols"]), words, frozenset(data["attached_only"])


@cache
def _currencies() -> dict[str, Any]:
    return wordlists.data("currencies.json")


@cache
def registry() -> Any:
    """The one pint registry (built on first use; ~0.5 s, so never at import)."""
    import pint

    return pint.UnitRegistry(cache_folder=":auto:")


@cache
def _alias_ends() -> frozenset[str]:
    """The last word of every unit word alias."""
    return frozenset(k.split()[-1] for k in _aliases()[1] if k.split())


def _may_be_alias(low: str) -> bool:
    """Whether ``lemma_phrase(low)`` can be a unit word alias: only if its last word
    ends one. Most phrases the grammar asks about are no unit ("people", "of the"),
    and one lemma and a set test spare them lemmatizing and joining every word."""
    words = low.split()
    if not words:
        return True  # nothing to test: the full lookup decides
    last = lemma(words[-1]).split()
    return not last or last[-1] in _alias_ends()


# Words joined by hyphens, each a word: "nautical-mile", not "percent-" before a figure
_HYPHENED_WORDS = re.compile(r"[a-z]+(?:-[a-z]+)+")


def _expression(surface: str) -> str | None:
    symbols, words, _ = _aliases()
    if surface in symbols:
        return symbols[surface]
    low = surface.lower()
    if low in words:
        return words[low]
    if "-" in low and " " not in low and _HYPHENED_WORDS.fullmatch(low):
        # "a 12-nautical-mile limit": a spelling of several words hyphened to its figure
        return _expression(low.replace("-", " "))
    if not _may_be_alias(low):
        return None
    lem = lemma_phrase(low)
    if lem in words:
        return words[lem]
    return None


def unit_surfaces() -> tuple[str, ...]:
    """Every unit and currency spelling written after a figure (symbols, words,
    currency words and suffix symbols, minor currencies), as the tables hold them:
    for a reader's cheap gate on the first word of a possible unit."""
    symbols, words, _ = _aliases()
    data = _currencies()
    return (*symbols, *words, *data["words"], *data["suffix_symbols"], *data["minor"])


def is_symbol(surface: str) -> bool:
    """Whether ``surface`` is a unit symbol exactly as written ("Hz", "Mbps", "kW")."""
    return surface in _aliases()[0]


def is_attached_only(surface: str) -> bool:
    """Whether a symbol counts as a unit only when glued to the digits ("5m")."""
    return surface in _aliases()[2]


@lru_cache(maxsize=4096)
def lookup(surface: str) -> UnitInfo | None:
    """Unit record for a unit as written ("km", "Miles", "per cent"), or None."""
    expr = _expression(surface)
    if expr is None:
        return None
    return _resolve(expr)


@lru_cache(maxsize=1024)
def _resolve(expr: str) -> UnitInfo:
    if expr.startswith("="):
        dimension, unit, factor = expr[1:].split(":")
        return UnitInfo(dimension, unit, float(factor), 0.0, unit)
    ureg = registry()
    one = ureg.Quantity(1.0, expr)
    if "bit" in expr or "byte" in expr:
        # pint treats information as dimensionless; keep it apart from plain ratios.
        per_time = "/" in expr
        bits = one.to("bit/second" if per_time else "bit").magnitude
        dim, unit = ("data_rate", "byte_per_second") if per_time else ("information", "byte")
        return UnitInfo(dim, unit, bits / 8.0, 0.0, expr)
    dims = tuple(sorted((str(k), int(v)) for k, v in one.dimensionality.items()))
    if dims not in _CANONICAL:
        base = one.to_base_units()
        name = " * ".join(f"{k}^{v}" for k, v in dims) or "dimensionless"
        return UnitInfo(name, str(base.units), float(base.magnitude), 0.0, expr)
    dimension, unit, target = _CANONICAL[dims]
    zero = ureg.Quantity(0.0, expr).to(target).magnitude
    # Measure the slope over a wide span so offset units (degF) keep their precision.
    factor = (ureg.Quantity(1000.0, expr).to(target).magnitude - zero) / 1000.0
    return UnitInfo(dimension, unit, float(factor), float(zero), expr)


def warm() -> None:
    """Resolve every unit in the alias tables now (~0.5 s), not on first sight.

    For long-running or timed use: afterwards no lookup touches pint.
    """
    symbols, words, _ = _aliases()
    for expr in {*symbols.values(), *words.values()}:
        _resolve(expr)


def to_canonical(x: float, info: UnitInfo) -> float:
    if math.isinf(x) or math.isnan(x):
        return x if x == x and info.factor > 0 else x
    return x * info.factor + info.offset


def from_canonical(x: float, info: UnitInfo) -> float:
    if math.isinf(x) or math.isnan(x) or info.factor == 0:
        return x
    return (x - info.offset) / info.factor


# ---------------------------------------------------------------- currencies


@cache
def currency_prefixes() -> dict[str, str]:
    """Currency marks written before a figure ("US$", "€", "RM") -> ISO code."""
    return dict(_currencies()["prefixes"])


@cache
def attached_only_prefixes() -> frozenset[str]:
    return frozenset(_currencies()["attached_only"])


def spaced_word_prefixes() -> frozenset[str]:
    """Word prefixes written apart from the digits: "Rs 1,200 crore"."""
    return frozenset(_currencies()["spaced_words"])


def currency(code: str) -> UnitInfo:
    return UnitInfo(f"currency:{code}", code, 1.0, 0.0, code)


def currency_word(surface: str) -> str | None:
    """ISO code for a currency written after the figure ("euros", "Danish crowns")."""
    data = _currencies()
    low = surface.lower()
    return data["words"].get(low) or data["suffix_symbols"].get(surface)


def minor_currency(surface: str) -> str | None:
    """ISO code of the currency whose hundredths ``surface`` names ("cents" -> USD)."""
    return _currencies()["minor"].get(surface.lower())


def currency_name(code: str) -> str:
    """Display name of a currency code: "USD" -> "dollar"."""
    return _currencies()["names"].get(code, code.lower())
