"""Days of a month written without their year, as the date check names them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrepancy.checks.month_days import (
    any_day,
    day_name,
    month_name,
    yearless_day,
    yearless_month,
)

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


@pytest.mark.parametrize(("text", "found"), [
    ("Mike Matheny was fired on June 14.", ["June 14"]),
    ("back home by September 1, he said", ["September 1"]),
    ("the 14th of June", ["14th of June"]),
    ("Rocket Lab has until Dec. 21 (New Zealand time)", ["Dec. 21"]),
    ("fired on June 14, 2018", []),  # with its year: the periods compare it
    ("from June 14 to 16", []),  # a run of days dates more than its first
    ("June 14-16", []),
    ("up to 5 may be hurt", []),  # a verb, not a month
    ("The march 5 times", []),
])
def test_yearless_days(text: str, found: list[str]) -> None:
    assert [m.group(1).strip() for m in yearless_day().finditer(text)] == found


@pytest.mark.parametrize(("written", "name"), [
    ("June 14", "6-14"), ("June 14th", "6-14"), ("14 June", "6-14"),
    ("14th of June", "6-14"), ("Jun. 14", "6-14"), ("December15", "12-15"),
])
def test_day_name(written: str, name: str) -> None:
    assert day_name(written) == name


def test_source_days_with_years_and_typos() -> None:
    text = "fired on July 14, 2018; open on December15"
    assert [day_name(m.group(1)) for m in any_day().finditer(text)] == ["7-14", "12-15"]


@given(st.sampled_from(MONTHS), st.integers(1, 31), st.booleans())
def test_every_form_names_its_day(month: str, day: int, day_first: bool) -> None:
    written = f"{day} {month}" if day_first else f"{month} {day}"
    m = yearless_day().search(f"It happened on {written}.")
    assert m is not None
    assert day_name(m.group(1)) == f"{MONTHS.index(month) + 1}-{day}"


@pytest.mark.parametrize(("text", "found"), [
    ("hands over to Vanessa Hudson in November.", ["November"]),
    ("In October, inflation rose", ["October"]),
    ("the downpours behind March's major floods", ["March"]),
    ("in Nov. last year", ["Nov."]),
    ("in October 2019", []),  # with its year: the periods compare it
    ("in October of 2019", []),
    ("since Nov. 2", []),  # a day: compared as one
    ("the rain May linger", []),  # a verb
    ("in March-April", []),
    ("the Mayor's office", []),
])
def test_yearless_months(text: str, found: list[str]) -> None:
    assert [m.group(1) for m in yearless_month().finditer(text)] == found


def test_month_name() -> None:
    assert [month_name(w) for w in ("November", "Nov.", "Sept.", "May")] == ["11", "11", "9", "5"]
