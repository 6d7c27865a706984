"""Unit normalization: one canonical unit per dimension, currencies kept apart."""

from __future__ import annotations

import subprocess
import sys

import pytest

from discrepancy.text import units


@pytest.mark.parametrize(
    "surface,dimension,unit,factor",
    [
        ("km", "length", "meter", 1000),
        ("Miles", "length", "meter", 1609.344),
        ("tons", "mass", "kilogram", 1000),  # metric tonne, not pint's short ton
        ("tonnes", "mass", "kilogram", 1000),
        ("short tons", "mass", "kilogram", 907.18474),
        ("long tons", "mass", "kilogram", 1016.0469088),
        ("lb", "mass", "kilogram", 0.45359237),
        ("litres", "volume", "liter", 1),
        ("gallons", "volume", "liter", 3.785411784),
        ("sq m", "area", "square_meter", 1),
        ("hours", "duration", "second", 3600),
        ("mph", "speed", "meter_per_second", 0.44704),
        ("kW", "power", "watt", 1000),
        ("kWh", "energy", "joule", 3.6e6),
        ("GB", "information", "byte", 1e9),
        ("percent", "percent", "percent", 1),
        ("%", "percent", "percent", 1),
        ("percentage points", "percentage_point", "percentage_point", 1),
        ("basis points", "percentage_point", "percentage_point", 0.01),
    ],
)
def test_lookup(surface: str, dimension: str, unit: str, factor: float) -> None:
    info = units.lookup(surface)
    assert info is not None
    assert (info.dimension, info.unit) == (dimension, unit)
    assert info.factor == pytest.approx(factor)


def test_temperature_has_an_offset() -> None:
    f = units.lookup("degrees Fahrenheit")
    assert f is not None and f.dimension == "temperature"
    assert units.to_canonical(212, f) == pytest.approx(100)
    assert units.from_canonical(100, f) == pytest.approx(212)


def test_unknown_units() -> None:
    assert units.lookup("widgets") is None
    assert units.lookup("") is None


def test_currencies_are_separate_dimensions() -> None:
    assert units.currency("USD").dimension == "currency:USD"
    assert units.currency("EUR").dimension != units.currency("USD").dimension
    assert units.currency_word("euros") == "EUR"
    assert units.currency_word("Australian dollars") == "AUD"
    assert units.minor_currency("cents") == "USD"
    assert units.currency_prefixes()["US$"] == "USD"
    assert units.currency_name("GBP") == "pound sterling"


def test_import_does_not_load_pint() -> None:
    code = ("import sys, discrepancy.recognizers.quantities, discrepancy.text.units; "
            "print('pint' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
