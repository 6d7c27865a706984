"""``discrepancy check TARGET... --against SOURCE...``: the report of every target.

The command reads its arguments and the config and hands the work to ``app``:
``app.check_run`` checks, ``app.baseline`` filters, ``report`` renders.
"""

from __future__ import annotations

import click

from ..app.config import FAIL_ON, config_for
from ..app.inputs import STDIN, load_inputs, same_file, without_sources
from ..app.outputs import choose_format, refuse_overwrite
from ..app.results import exit_code
from ..checks.engine import apply_ignores
from ..errors import InputError
from ..report import FORMATS
from .files import emit, expand_inputs, use_colour
from .group import debug_option
from .params import codes, fraction, score


class _AgainstCommand(click.Command):
    """Lets ``--against`` take several paths: ``check T --against A B --format json``.

    click options take one value each, so ``--against A B`` is rewritten to
    ``--against A --against B`` before parsing; values end at the next option.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        out: list[str] = []
        absorbing = pending = False
        for i, arg in enumerate(args):
            if arg == "--":
                out += args[i:]
                break
            if arg == "--against" or arg.startswith("--against="):
                if pending:
                    break
                absorbing = pending = True
                if "=" in arg:
                    out += ["--against", arg.split("=", 1)[1]]
                    pending = False
            elif absorbing and (arg == STDIN or not arg.startswith("-")):
                out += ["--against", arg]
                pending = False
            else:
                if pending:
                    break
                absorbing = False
                out.append(arg)
        if pending:
            raise click.UsageError("--against needs at least one SOURCE", ctx=ctx)
        return super().parse_args(ctx, out)


@click.command("check", cls=_AgainstCommand)
@click.argument("targets", nargs=-1, required=True, metavar="TARGET...")
@click.option(
    "--against", "sources", multiple=True, metavar="SOURCE...",
    help="Source documents (files, directories, http(s) URLs, or - for stdin).",
)
@click.option("--links", is_flag=True, default=False,
              help="Also fetch, as sources, the http(s) links each target lists.")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format [default: from --output's extension, config, or table].")
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              help="Write the report to FILE (atomically) instead of stdout.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="Exit 1 on findings of this severity or higher [default: medium].")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="pyproject.toml to read [tool.discrepancy] from [default: nearest one].")
@click.option("--baseline", type=click.Path(dir_okay=False), default=None,
              help="Report only findings not recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), default=None,
              help="Record the current findings in FILE; the run then exits 0.")
@click.option("--tolerance", type=float, default=None, callback=fraction,
              help="Extra relative slack when comparing figures (0.05 = 5%).")
@click.option("--min-subject-score", type=float, default=None, callback=score,
              help="Minimum similarity (0-100) for two subjects to be the same thing.")
@click.option("--disable", multiple=True, callback=codes, metavar="CODE",
              help="Do not report this code or name (DQ302, attribution.unsupported).")
@click.option("--jobs", "-j", type=click.IntRange(0), default=1, show_default=True,
              help="Check targets in this many processes (0: one per CPU).")
@debug_option
def check_command(
    targets: tuple[str, ...],
    sources: tuple[str, ...],
    fmt: str | None,
    output: str | None,
    fail_on: str | None,
    config_path: str | None,
    baseline: str | None,
    write_baseline: str | None,
    tolerance: float | None,
    min_subject_score: float | None,
    disable: tuple[str, ...],
    jobs: int,
    links: bool,
) -> None:
    """Check TARGET documents against --against SOURCE documents.

    \b
    Examples:
      discrepancy check summary.txt --against a.txt b.html
      discrepancy check summaries/ --against sources/ --format sarif -o report.sarif
      discrepancy check summary.html --links
    """
    from ..app.baseline import apply_baseline, read_baseline, save_baseline
    from ..app.check_run import check_targets
    from ..report import render
    from ..report.records import limit_findings

    if not sources and not links:
        raise click.UsageError("give the sources: --against SOURCE... or --links")
    target_files = expand_inputs(targets, "targets")
    source_files = expand_inputs(sources, "sources")
    target_files = without_sources(target_files, source_files)
    if not target_files:
        raise InputError(f"{targets[0]}: every document in it is also a source")
    config = config_for(config_path, next((t.shown for t in target_files if not t.is_stdin), None))
    inputs = [f.shown for f in (*target_files, *source_files) if not (f.is_stdin or f.is_url)]
    in_use = {config.path: "the config in use"} if config.path else {}
    if baseline:
        in_use[baseline] = "the baseline in use"
    refuse_overwrite([("--output", output), ("--write-baseline", write_baseline)], inputs, in_use)
    if output and write_baseline and output != STDIN and same_file(output, write_baseline):
        raise click.UsageError("--output and --write-baseline name the same file")

    config = config.override(
        fail_on=fail_on, tolerance=tolerance, min_subject_score=min_subject_score,
        disable=tuple(dict.fromkeys((*config.disable, *disable))) if disable else None,
    )
    fmt = choose_format(fmt, output, config.format)
    known = read_baseline(baseline) if baseline else frozenset()

    taken: set[str] = set()
    target_docs = load_inputs(target_files, "target", taken)
    source_docs = load_inputs(source_files, "source", taken)
    report = check_targets(
        target_docs, source_docs, config.options(), jobs=jobs, links=links, taken=taken,
        warn=lambda message: click.echo(f"discrepancy: {message}", err=True),
    )
    report = apply_ignores(report, config)

    shown, suppressed = apply_baseline(report, known) if known else (report, 0)
    shown = limit_findings(shown)  # a report's size follows its targets, not a hostile text
    # Render before writing anything: a failing renderer must leave no file behind.
    text = render(shown, fmt, color=use_colour(output), suppressed=suppressed)

    if write_baseline:
        n = save_baseline(write_baseline, report)
        click.echo(
            f"discrepancy: wrote {n} fingerprint{'s' if n != 1 else ''} to {write_baseline}",
            err=True,
        )
    emit(text, output)
    code = 0 if write_baseline else exit_code(shown, config.fail_on)
    click.get_current_context().exit(code)
