"""Reading corpus files and comparing expected fields, shared by the two corpus runners.

A corpus file is YAML: file-level settings and a list of ``rows``. Each row names
the records it expects (claims or findings) as mappings of fields; a field that
holds a record (``quantity``, ``period``, ``attribution``) is itself a mapping,
compared field by field. See ``tests/corpora/README.md``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

CORPORA = Path(__file__).resolve().parent / "corpora"


@dataclass(frozen=True)
class Row:
    file: str
    settings: dict[str, Any]
    row: dict[str, Any]

    def get(self, key: str, default: Any = None) -> Any:
        """A row's own value, else the file's setting of the same name."""
        return self.row.get(key, self.settings.get(key, default))


def load_rows(kind: str) -> list[Any]:
    """One ``pytest.param`` per row of every file under ``corpora/<kind>/``, id ``file:row``."""
    params = []
    for path in sorted((CORPORA / kind).glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        settings = {k: v for k, v in data.items() if k != "rows"}
        names: set[str] = set()
        for row in data["rows"]:
            name = row["name"]
            assert name not in names, f"{path.name}: two rows named {name!r}"
            names.add(name)
            params.append(pytest.param(Row(path.stem, settings, row), id=f"{path.stem}:{name}"))
    return params


def approx(expected: float, tolerance: dict[str, float] | None) -> Any:
    if math.isnan(expected):
        return pytest.approx(expected, nan_ok=True)
    return pytest.approx(expected, **(tolerance or {}))


def same(actual: Any, expected: Any, tolerance: dict[str, float] | None, where: str) -> None:
    """``actual`` has every field ``expected`` names; numbers compare with ``tolerance``."""
    if isinstance(expected, dict):
        assert actual is not None, f"{where}: no record"
        for key, value in expected.items():
            same(getattr(actual, key), value, tolerance, f"{where}.{key}")
    elif isinstance(expected, float) or (
        isinstance(expected, int) and not isinstance(expected, bool)
        and isinstance(actual, float)
    ):
        assert actual == approx(float(expected), tolerance), f"{where}: {actual!r} != {expected!r}"
    else:
        if isinstance(actual, tuple) and isinstance(expected, list):
            expected = tuple(expected)
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"


def check_count(found: int, expected: int | str, where: str) -> None:
    """``expected`` is a number, or ``"1+"`` for at least one."""
    if isinstance(expected, str):
        assert found >= int(expected.rstrip("+")), f"{where}: {found} found, {expected} expected"
    else:
        assert found == expected, f"{where}: {found} found, {expected} expected"


def matches(where: dict[str, Any] | None, record: Any, field: Callable[[Any, str], Any]) -> bool:
    """A record passes a ``where`` filter: each key equals the value or is in the list."""
    for key, allowed in (where or {}).items():
        value = field(record, key)
        if isinstance(allowed, list) and value not in allowed:
            return False
        if not isinstance(allowed, list) and value != allowed:
            return False
    return True
