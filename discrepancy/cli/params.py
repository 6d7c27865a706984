"""Checks of option values shared by subcommands: a bad value is a usage error naming
the option, before any document is read."""

from __future__ import annotations

import math

import click

from ..app.config import check_codes
from ..errors import ConfigError


def fraction(_ctx: click.Context, _param: click.Parameter, value: float | None) -> float | None:
    # "nan" and "inf" parse as floats, and every comparison with nan is False.
    if value is not None and not (math.isfinite(value) and value >= 0):
        raise click.BadParameter(f"must be a finite number >= 0; got {value!r}")
    return value


def score(_ctx: click.Context, _param: click.Parameter, value: float | None) -> float | None:
    if value is not None and not 0 <= value <= 100:  # False for nan as well
        raise click.BadParameter(f"must be between 0 and 100; got {value!r}")
    return value


def codes(_ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    if not value:
        return value
    items = [c for v in value for c in v.split(",") if c.strip()]
    try:
        return check_codes(items, "--disable")
    except ConfigError as e:
        raise click.BadParameter(str(e).removeprefix("--disable: ")) from None
