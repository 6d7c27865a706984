"""The one loader of the word lists in ``discrepancy/data/``.

Every list of words a rule reads lives in a data file, so a newcomer adds a word
without touching code. Text files hold one entry a line; ``#`` starts a comment
line and blank lines are skipped. JSON files hold whatever structure the rule
needs. Files are read once per process (the cache), from the installed package,
never from the network or the working directory.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


def _read(name: str) -> str:
    return resources.files("discrepancy.data").joinpath(name).read_text("utf-8")


@cache
def lines(name: str) -> tuple[str, ...]:
    """The entries of text file ``name``: stripped, without blank and comment lines."""
    return tuple(
        ln.strip() for ln in _read(name).splitlines()
        if ln.strip() and not ln.lstrip().startswith("#")
    )


@cache
def words(name: str) -> frozenset[str]:
    """The entries of text file ``name`` as a set (lists read for membership)."""
    return frozenset(lines(name))


@cache
def data(name: str) -> Any:
    """The parsed JSON file ``name``. Shared between callers: never mutate it."""
    return json.loads(_read(name))


@cache
def sections(name: str) -> dict[str, frozenset[str]]:
    """The entries of text file ``name`` under each ``[section]`` header, as sets:
    one file holds the short lists of one recognizer. Shared: never mutate it."""
    out: dict[str, set[str]] = {}
    current: set[str] | None = None
    for ln in lines(name):
        if ln.startswith("[") and ln.endswith("]"):
            current = out.setdefault(ln[1:-1], set())
        elif current is not None:
            current.add(ln)
        else:
            raise ValueError(f"{name}: {ln!r} stands before any [section]")
    return {k: frozenset(v) for k, v in out.items()}
