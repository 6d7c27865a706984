"""The command line's side of reading documents and writing results: a second stdin
is a usage error, and results go to stdout, stderr or --output through click."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable

import click

from ..app.inputs import STDIN, InputFile, input_files
from ..errors import DiscrepancyError


def expand_inputs(args: Iterable[str], what: str) -> list[InputFile]:
    """``app.inputs.input_files`` of ``args``; stdin may be named once (``what``: which
    argument, for the message)."""
    out = input_files(args)
    if sum(1 for i in out if i.is_stdin) > 1:
        raise click.UsageError(f"stdin ('-') can be read only once ({what})")
    return out


def emit(text: str, output: str | None) -> None:
    """Write the rendered report to ``output`` atomically, or to stdout."""
    from ..app.atomic import STREAMS, atomic_write_text, is_null_device

    if output is not None and output not in STREAMS and is_null_device(output):
        return  # -o /dev/null: the exit code is all that is wanted
    if output is None or output == STDIN or STREAMS.get(output) == 1:
        click.echo(text, nl=False)
        return
    if STREAMS.get(output) == 2:
        click.echo(text, nl=False, err=True)
        return
    try:
        atomic_write_text(output, text)
    except OSError as e:
        raise DiscrepancyError(f"{output}: cannot write ({e.strerror or e})") from None


def use_colour(output: str | None) -> bool:
    """ANSI colour only on a terminal, and never with NO_COLOR set."""
    if output not in (None, STDIN) or os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(sys.stdout, "isatty", None)
    return bool(isatty and isatty())
