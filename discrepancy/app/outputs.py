"""Where a run writes: the format a file name asks for, and the files never to overwrite."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from ..errors import OutputError
from ..report import FORMATS, SUFFIXES
from .inputs import STDIN, same_file


def choose_format(
    explicit: str | None,
    output: str | None,
    configured: str | None,
    suffixes: Mapping[str, str] = SUFFIXES,
    formats: Sequence[str] = FORMATS,
) -> str:
    """--format, else the --output file's extension, else the configured format
    where this command has it, else table."""
    if explicit:
        return explicit
    if output and output != STDIN:
        fmt = suffixes.get(Path(output).suffix.lower())
        if fmt:
            return fmt
    return configured if configured in formats else "table"


def refuse_overwrite(
    outputs: Iterable[tuple[str, str | None]],
    inputs: Iterable[str],
    in_use: Mapping[str, str] | None = None,
) -> None:
    """Never write a report or baseline over a document being checked, over a file
    the run uses (``in_use``: path -> what it is, e.g. the config), or over
    anything that is not a regular file (a symlink, a FIFO, a device)."""
    from .atomic import STREAMS, is_null_device, refusal

    inputs = list(inputs)
    for option, out in outputs:
        if out is None:
            continue
        if out == STDIN or out in STREAMS or is_null_device(out):
            if option == "--output":
                continue  # written as a stream (or discarded) by the CLI
            raise OutputError(f"{option} {out}: give a file name, not a stream")
        for path in inputs:
            if same_file(out, path):
                raise OutputError(f"{option} {out} is also an input document; refusing")
        for path, what in (in_use or {}).items():
            if same_file(out, path):
                raise OutputError(f"{option} {out} is {what}; refusing to overwrite it")
        why = refusal(out)
        if why is not None:
            raise OutputError(f"{option} {out} {why}")
