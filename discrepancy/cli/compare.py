"""``discrepancy compare A B C ...``: every document against every other, as a figure table.

Exit codes: 0 when no figure group conflicts, 1 when one does, 2 on usage or
input errors (one line on stderr, as for ``check``).
"""

from __future__ import annotations

import errno
from dataclasses import replace
from pathlib import Path

import click

from ..app.config import Config
from ..app.outputs import choose_format
from ..errors import ConfigError, DiscrepancyError
from ..report.figure_table import FIGURE_FORMATS, FIGURE_SUFFIXES
from .group import debug_option
from .params import fraction, score


@click.command("compare")
@click.argument("documents", nargs=-1, required=True, metavar="DOCUMENT...")
@click.option("--format", "-f", "fmt", type=click.Choice(FIGURE_FORMATS), default=None,
              help="Output format [default: from --output's extension, else table].")
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              help="Write the table to FILE (atomically) instead of stdout.")
@click.option("--min-sources", type=click.IntRange(1), default=1, show_default=True,
              help="Show only figures stated by at least this many documents.")
@click.option("--tolerance", type=float, default=None, callback=fraction,
              help="Extra relative slack when comparing figures (0.05 = 5%).")
@click.option("--min-subject-score", type=float, default=None, callback=score,
              help="Minimum similarity (0-100) for two subjects to be the same thing.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="pyproject.toml to read [tool.discrepancy] from [default: nearest one].")
@debug_option
def compare_command(
    documents: tuple[str, ...],
    fmt: str | None,
    output: str | None,
    min_sources: int,
    tolerance: float | None,
    min_subject_score: float | None,
    config_path: str | None,
) -> None:
    """Compare the figures of every DOCUMENT against each other.

    One row per figure (one subject, one dimension, one time frame), one column
    per document, with the consensus and a verdict: agree, conflict (the outlier
    named where a majority exists) or single source.

    \b
    Examples:
      discrepancy compare a.txt b.html c.md
      discrepancy compare articles/ --format html -o figures.html
    """
    ctx = click.get_current_context()
    try:
        code = _run(documents, fmt, output, min_sources, tolerance, min_subject_score, config_path)
    except DiscrepancyError as e:
        _fail(ctx, str(e))
    except OSError as e:
        if e.errno == errno.EPIPE:
            raise
        where = f"{e.filename}: " if e.filename else ""
        _fail(ctx, f"{where}{e.strerror or e}")
    ctx.exit(code)


# The name cli.LAZY_COMMANDS expects.
compare = compare_command


def _fail(ctx: click.Context, message: str) -> None:
    click.echo(f"discrepancy: error: {' '.join(message.split())}", err=True)
    ctx.exit(2)


def _run(
    documents: tuple[str, ...],
    fmt: str | None,
    output: str | None,
    min_sources: int,
    tolerance: float | None,
    min_subject_score: float | None,
    config_path: str | None,
) -> int:
    from ..app.inputs import load_inputs
    from ..app.outputs import refuse_overwrite
    from ..figure_table import figure_table, peer_documents
    from ..report.figure_table import render_figures
    from .files import emit, expand_inputs, use_colour

    files = expand_inputs(documents, "documents")
    if len(files) < 2:
        raise click.UsageError(
            f"compare needs at least two documents, got {len(files)} "
            "(use `discrepancy extract` to list one document's figures)"
        )
    config = _config(config_path, next((f.shown for f in files if not f.is_stdin), None))
    refuse_overwrite([("--output", output)], [f.shown for f in files if not f.is_stdin],
                     {config.path: "the config in use"} if config.path else {})
    config = config.override(tolerance=tolerance, min_subject_score=min_subject_score)
    # The config's format is for `check`; it counts only where compare has it too.
    fmt = choose_format(fmt, output, config.format, FIGURE_SUFFIXES, FIGURE_FORMATS)

    from ..recognizers.extract import extract

    docs = peer_documents(load_inputs(files, "peer", set()))
    claims = [c for d in docs for c in extract(d)]
    table = figure_table(docs, claims, config.options())
    if min_sources > 1:
        table = replace(table, groups=tuple(g for g in table.groups if len(g.cells) >= min_sources))
    # Render before writing: a failing renderer must leave no file behind.
    emit(render_figures(table, fmt, color=use_colour(output)), output)
    return 1 if table.conflicts else 0


def _config(config_path: str | None, first: str | None) -> Config:
    # As check's ``app.config.config_for``, except that errors name a config found by
    # searching by its absolute path (check: relative to the working directory); kept
    # as it was while issue 11 moved code without changing output.
    from ..app.config import find_config, load_config

    if config_path is not None:
        if not Path(config_path).exists():
            raise ConfigError(f"{config_path}: no such config file")
        return load_config(config_path, shown=config_path)
    start = Path(first).parent if first else Path.cwd()
    found = find_config(start if str(start) else Path("."))
    return Config() if found is None else load_config(found, shown=str(found))
