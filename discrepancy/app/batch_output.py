"""Where batch results go: a JSONL stream that survives being killed, and Parquet.

Rows are written in manifest order to ``OUTPUT.partial`` (JSONL) and flushed
after every chunk; each article's findings come before its status row, so an
article is complete exactly when its status row is in the file. When the run
ends, the partial file becomes ``OUTPUT`` by one rename (for ``.parquet`` it is
converted first, then written atomically), so ``OUTPUT`` is always whole.

``--resume`` continues ``OUTPUT.partial`` (or a finished ``OUTPUT``): rows after
the last status row, an article cut short, are dropped, and ids with a status
row are not checked again. A kill at any moment therefore loses at most the
article being written, which the resumed run checks again: nothing is lost and
nothing is written twice.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from ..errors import DiscrepancyError

OUTPUT_SUFFIXES = (".jsonl", ".ndjson", ".parquet")


def partial_path(output: str) -> Path:
    p = Path(output)
    return p.with_name(p.name + ".partial")


class ResultWriter:
    """Appends JSONL lines; ``finish`` publishes the output whole."""

    def __init__(self, output: str | None, *, resume: bool = False) -> None:
        self.output = output
        self.completed: set[str] = set()
        self._fh: IO[str]
        if output is None or output == "-":
            if resume:
                raise DiscrepancyError("--resume needs --output FILE")
            self._fh = sys.stdout
            self.partial = None
            return
        suffix = Path(output).suffix.lower()
        if suffix not in OUTPUT_SUFFIXES:
            raise DiscrepancyError(
                f"{output}: batch output is JSONL (.jsonl) or Parquet (.parquet), not {suffix!r}"
            )
        if suffix == ".parquet":
            _need_pyarrow(output)
        self.partial = partial_path(output)
        if resume:
            self._take_over_finished()
            self.completed = _complete_ids(self.partial)
            self._fh = open(self.partial, "a", encoding="utf-8")  # noqa: SIM115
        else:
            self._fh = open(self.partial, "w", encoding="utf-8")  # noqa: SIM115

    def _take_over_finished(self) -> None:
        # A finished JSONL output is continued as it is (the manifest may have grown);
        # a finished Parquet one is read back into the partial JSONL.
        assert self.output is not None and self.partial is not None
        out = Path(self.output)
        if self.partial.exists() or not out.exists():
            return
        if out.suffix.lower() == ".parquet":
            import pyarrow.parquet as pq

            with open(self.partial, "w", encoding="utf-8") as fh:
                for rec in pq.read_table(out).to_pylist():
                    fh.write(json.dumps(_unparquet(rec), ensure_ascii=False) + "\n")
        else:
            os.replace(out, self.partial)

    def write(self, lines: Sequence[str]) -> None:
        self._fh.write("".join(line + "\n" for line in lines))

    def flush(self) -> None:
        self._fh.flush()

    def finish(self) -> None:
        """Publish the output: rename the partial JSONL, or convert it to Parquet."""
        if self.partial is None:
            self._fh.flush()
            return
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        assert self.output is not None
        if Path(self.output).suffix.lower() == ".parquet":
            write_parquet(self.partial, self.output)
            self.partial.unlink()
        else:
            os.replace(self.partial, self.output)

    def close(self, pending: Sequence[str] = ()) -> None:
        """Interrupted: write the whole articles in ``pending`` and leave the
        partial file to be resumed."""
        if self.partial is None:
            with contextlib.suppress(OSError):
                self.write(pending)
                self._fh.flush()
            return
        if not self._fh.closed:
            with contextlib.suppress(OSError):
                self.write(pending)
                self._fh.flush()
                self._fh.close()


def _need_pyarrow(output: str) -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise DiscrepancyError(
            f"{output}: Parquet output needs pyarrow (pip install 'discrepancy[parquet]')"
        ) from None


def _complete_ids(partial: Path) -> set[str]:
    """Ids with a status row in ``partial``; anything after the last one is cut off."""
    if not partial.exists():
        return set()
    done: set[str] = set()
    keep = 0
    offset = 0
    with open(partial, "rb") as fh:
        for raw in fh:
            offset += len(raw)
            if not raw.endswith(b"\n"):
                break  # a line cut short by a kill
            try:
                rec = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError):
                break
            if isinstance(rec, dict) and rec.get("record") == "status":
                done.add(str(rec.get("id")))
                keep = offset
    with open(partial, "r+b") as fh:
        fh.truncate(keep)
    return done


def _unparquet(rec: dict[str, Any]) -> dict[str, Any]:
    # Each record kind has its own keys in JSONL; Parquet has the union, as nulls.
    from .batch_run import FINDING_COLUMNS, STATUS_COLUMNS

    drop = FINDING_COLUMNS if rec.get("record") == "status" else STATUS_COLUMNS
    return {k: v for k, v in rec.items() if k not in drop}


def write_parquet(jsonl: Path, output: str) -> None:
    """The JSONL results as one Parquet table (columns: ``batch_run.COLUMNS``)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .atomic import atomic_write
    from .batch_run import COLUMNS

    types = {
        "line": pa.int64(), "column": pa.int64(), "evidence_line": pa.int64(),
        "ratio": pa.float64(), "findings": pa.int64(), "suppressed": pa.int64(),
        "sources": pa.list_(pa.string()),
    }
    schema = pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS])

    def write(fh: IO[bytes]) -> None:
        # In batches, so converting a day of results needs no more memory than a batch.
        with pq.ParquetWriter(fh, schema) as writer, open(jsonl, encoding="utf-8") as src:
            batch: list[dict[str, Any]] = []
            written = False
            for line in src:
                if line.strip():
                    batch.append(json.loads(line))
                if len(batch) >= 10_000:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    batch, written = [], True
            if batch or not written:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))

    atomic_write(output, write)
