"""Batch manifests: one row per article, each with its own sources.

A manifest is JSONL, CSV or Parquet (or a pandas DataFrame through the API)
with the columns ``id``, ``target`` and ``sources`` and, optionally,
``options`` (the keys of ``[tool.discrepancy]`` that make sense per article).

A document is a path (relative paths are read from the manifest's directory
but shown as written, so ids and fingerprints match ``discrepancy check`` run
there) or, in JSONL and DataFrames, an object ``{"name": ..., "text": ...}``
as the HTTP API takes: pipelines that hold articles in memory need not write
them to disk.

A row that cannot be used (no target, sources not a list, bad options, a
repeated id) is kept as a row with an ``error``: the batch reports it and
goes on, because one bad row in 100,000 must not cost the other 99,999.
"""

from __future__ import annotations

import ast
import csv
import json
import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError, InputError
from .config import parse_config

if TYPE_CHECKING:
    import pandas as pd

MANIFEST_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".parquet")
# Per-article options: the keys of [tool.discrepancy] that change one article's check.
ROW_OPTION_KEYS = ("fail-on", "tolerance", "min-subject-score", "synonyms", "disable")


@dataclass(frozen=True)
class DocRef:
    """A document named in a manifest: a path to read, or inline ``text``."""

    name: str  # the path as written, or the inline document's name
    text: str | None = None
    base: str | None = None  # directory relative paths are read from

    @property
    def read_path(self) -> str:
        if self.text is not None or self.base is None or Path(self.name).is_absolute():
            return self.name
        return str(Path(self.base) / self.name)


@dataclass(frozen=True)
class ManifestRow:
    index: int  # 0-based position in the manifest: the order of the output
    id: str
    target: DocRef | None
    sources: tuple[DocRef, ...] = ()
    options: tuple[tuple[str, Any], ...] = ()  # validated [tool.discrepancy] items
    error: str | None = None  # why the row cannot be checked


def read_manifest(path: str | Path) -> list[ManifestRow]:
    """Rows of the manifest at ``path`` (format from the extension)."""
    p = Path(path)
    name = str(path)
    suffix = p.suffix.lower()
    if suffix not in MANIFEST_SUFFIXES:
        raise InputError(
            f"{name}: unknown manifest format {suffix or '(no extension)'!r}; "
            f"use {', '.join(MANIFEST_SUFFIXES)}"
        )
    if not p.is_file():
        raise InputError(f"{name}: no such file" if not p.exists() else f"{name}: not a file")
    base = str(p.parent)
    if suffix == ".parquet":
        return rows_from_records(_parquet_records(p, name), base=base)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{name}: not valid UTF-8") from None
    except OSError as e:
        raise InputError(f"{name}: cannot read ({e.strerror})") from None
    if suffix == ".csv":
        return rows_from_records(_csv_records(text, name), base=base)
    return rows_from_records(_jsonl_records(text), base=base)


def rows_from_frame(frame: pd.DataFrame, base: str | None = None) -> list[ManifestRow]:
    """Rows of a manifest held in a DataFrame (``id``, ``target``, ``sources``...)."""
    return rows_from_records(frame.to_dict("records"), base=base)


def _jsonl_records(text: str) -> Iterator[dict[str, Any] | str]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as e:
            yield f"line {n}: not valid JSON ({e.msg})"
            continue
        yield value if isinstance(value, dict) else f"line {n}: not a JSON object"


def _csv_records(text: str, name: str) -> Iterator[dict[str, Any]]:
    reader = csv.DictReader(text.splitlines())
    if not reader.fieldnames or "target" not in reader.fieldnames:
        raise InputError(f"{name}: a CSV manifest needs a header with id, target and sources")
    yield from reader


def _parquet_records(p: Path, name: str) -> list[dict[str, Any]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(
            f"{name}: Parquet manifests need pyarrow (pip install 'discrepancy[parquet]')"
        ) from None
    try:
        return pq.read_table(p).to_pylist()
    except Exception as e:  # pyarrow raises many kinds on a broken file
        raise InputError(f"{name}: not a readable Parquet file ({type(e).__name__})") from None


def rows_from_records(
    records: Iterable[Mapping[str, Any] | str], base: str | None = None
) -> list[ManifestRow]:
    rows: list[ManifestRow] = []
    seen: set[str] = set()
    for index, rec in enumerate(records):
        row = _row(index, rec, base)
        if row.error is None and row.id in seen:
            row = ManifestRow(index, row.id, row.target, row.sources,
                              error=f"id {row.id!r} is repeated in the manifest")
        seen.add(row.id)
        rows.append(row)
    return rows


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value == ""


def _row(index: int, rec: Mapping[str, Any] | str, base: str | None) -> ManifestRow:
    fallback_id = f"#{index + 1}"
    if isinstance(rec, str):  # a line that is not a JSON object
        return ManifestRow(index, fallback_id, None, error=rec)
    raw_id = rec.get("id")
    row_id = fallback_id if _missing(raw_id) else str(raw_id)

    def bad(reason: str) -> ManifestRow:
        return ManifestRow(index, row_id, None, error=reason)

    if _missing(raw_id):
        return bad("no id")
    try:
        target = _doc(rec.get("target"), base, "target")
        sources = tuple(_doc(s, base, "sources") for s in _source_list(rec.get("sources")))
        options = _options(rec.get("options"))
    except ValueError as e:
        return bad(str(e))
    if not sources:
        return ManifestRow(index, row_id, target, error="no sources")
    return ManifestRow(index, row_id, target, sources, options)


def _doc(value: Any, base: str | None, field: str) -> DocRef:
    if isinstance(value, Mapping):
        text, name = value.get("text"), value.get("name")
        if isinstance(text, str) and text.strip():
            return DocRef(name=str(name) if name else field, text=text)
        if isinstance(name, str) and name:  # {"name": path}: a path after all
            return DocRef(name=name, base=base)
        raise ValueError(f"{field}: a document object needs a non-empty 'text'")
    if isinstance(value, str) and value.strip():
        return DocRef(name=value.strip(), base=base)
    if _missing(value):
        raise ValueError(f"no {field}")
    raise ValueError(f"{field}: expected a path, got {type(value).__name__}")


def _source_list(value: Any) -> list[Any]:
    if _missing(value):
        return []
    if hasattr(value, "tolist") and not isinstance(value, str):  # numpy / pyarrow arrays
        value = value.tolist()
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):  # CSV: a JSON list
            try:
                value = json.loads(text)
            except json.JSONDecodeError as e:
                # dask.dataframe turns list columns into their Python repr ("['a.txt']")
                # unless dataframe.convert-string is off: read that too, as a literal only.
                try:
                    value = ast.literal_eval(text)
                except (ValueError, SyntaxError):
                    raise ValueError(f"sources: not a valid JSON list ({e.msg})") from None
        else:  # CSV: "a.txt;b.txt"
            return [s.strip() for s in text.split(";") if s.strip()]
    if isinstance(value, Mapping):
        return [value]
    if not isinstance(value, (list, tuple)):
        raise ValueError(f"sources: expected a list, got {type(value).__name__}")
    return list(value)


def _options(value: Any) -> tuple[tuple[str, Any], ...]:
    if _missing(value):
        return ()
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError as e:
            raise ValueError(f"options: not a valid JSON object ({e.msg})") from None
    if not isinstance(value, Mapping):
        raise ValueError("options: expected an object of [tool.discrepancy] keys")
    unknown = [k for k in value if k not in ROW_OPTION_KEYS]
    if unknown:
        raise ValueError(
            f"options: unknown key {unknown[0]!r}; per-row keys: {', '.join(ROW_OPTION_KEYS)}"
        )
    # None values are what a Parquet struct column gives for keys a row does not set.
    given = {k: v for k, v in value.items() if v is not None}
    try:
        parse_config(given, "options")  # the same checks as pyproject.toml
    except ConfigError as e:
        raise ValueError(str(e)) from None
    return tuple(sorted(given.items(), key=lambda kv: kv[0]))
