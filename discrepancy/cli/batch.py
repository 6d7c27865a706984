"""``discrepancy batch MANIFEST``: many articles, each against its own sources.

Exit codes as ``check``: 0 no finding at or above --fail-on (per row, the
row's own ``fail-on`` option), 1 findings, 2 when a row could not be checked
(the other rows are still checked and written) or on a usage error.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from typing import Any

import click

from ..app.config import FAIL_ON, config_for
from ..app.outputs import refuse_overwrite
from ..errors import DiscrepancyError
from .group import DEBUG_KEY, debug_option


class Progress:
    """Articles done, rate and ETA on stderr: tqdm when installed, else one line.

    Off unless stderr is a terminal: CI logs and pipes get only the summary.
    """

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.done = 0
        self.enabled = enabled
        self._bar: Any = None
        self._start = time.monotonic()
        self._shown = 0.0
        if enabled:
            try:
                from tqdm import tqdm

                self._bar = tqdm(total=total, unit="article", file=sys.stderr,
                                 dynamic_ncols=True)
            except ImportError:
                self._bar = None

    def update(self, n: int) -> None:
        self.done += n
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.update(n)
            return
        now = time.monotonic()
        if now - self._shown < 0.2 and self.done < self.total:
            return
        self._shown = now
        sys.stderr.write("\r" + progress_line(self.done, self.total, now - self._start))
        sys.stderr.flush()

    def close(self) -> None:
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.close()
        else:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def progress_line(done: int, total: int, elapsed: float) -> str:
    rate = done / elapsed if elapsed > 0 else 0.0
    eta = (total - done) / rate if rate > 0 else None
    pct = 100 * done / total if total else 100.0
    width = 24
    filled = int(width * done / total) if total else width
    eta_text = "--:--" if eta is None else _clock(eta)
    return (f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} articles "
            f"{pct:3.0f}%  {rate:.1f}/s  ETA {eta_text}")


def _clock(seconds: float) -> str:
    m, s = divmod(int(seconds + 0.5), 60)
    h, m = divmod(m, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


@click.command("batch")
@click.argument("manifest", type=click.Path(dir_okay=False))
@click.option("--output", "-o", default=None, metavar="FILE",
              help="Write results to FILE (.jsonl or .parquet) [default: JSONL on stdout].")
@click.option("--resume", is_flag=True, default=False,
              help="Skip articles already complete in --output; continue an interrupted run.")
@click.option("--jobs", "-j", type=click.IntRange(0), default=1, show_default=True,
              help="Local processes (0: one per CPU); capped at CPUs and rows.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Run on an existing dask.distributed cluster (tcp://host:port).")
@click.option("--chunk-size", type=click.IntRange(1), default=None,
              help="Rows per task [default: chosen for the engine].")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="Exit 1 on findings of this severity or higher [default: medium].")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="pyproject.toml to read [tool.discrepancy] from [default: nearest one].")
@click.option("--baseline", type=click.Path(dir_okay=False), default=None,
              help="Leave out findings recorded in this baseline file.")
@click.option("--quiet", "-q", is_flag=True, default=False,
              help="No progress bar.")
@debug_option
def batch_command(
    manifest: str,
    output: str | None,
    resume: bool,
    jobs: int,
    scheduler: str | None,
    chunk_size: int | None,
    fail_on: str | None,
    config_path: str | None,
    baseline: str | None,
    quiet: bool,
) -> None:
    """Check every article of MANIFEST against its own sources.

    \b
    MANIFEST is JSONL, CSV or Parquet with the columns id, target, sources
    (a list; in CSV a JSON list or a;b;c) and optionally options.
    One output row per finding and one status row per article, with the id.

    \b
    Examples:
      discrepancy batch articles.jsonl -o results.jsonl
      discrepancy batch articles.csv -o results.parquet --jobs 2
      discrepancy batch articles.jsonl -o results.jsonl --resume
    """
    from ..app.baseline import read_baseline
    from ..app.batch_output import ResultWriter, partial_path
    from ..app.batch_run import (
        BatchSettings,
        BatchTally,
        connect,
        dumps,
        fail_on_for,
        result_records,
        run_rows,
    )
    from ..app.manifest import read_manifest

    if scheduler and jobs != 1:
        raise click.UsageError("give --jobs or --scheduler, not both")
    refuse_overwrite([("--output", output)], [manifest, *([baseline] if baseline else [])])
    if output and output != "-":
        refuse_overwrite([("--output", str(partial_path(output)))], [manifest])
    rows = read_manifest(manifest)
    config = config_for(config_path, manifest)
    config = config.override(fail_on=fail_on)
    known = read_baseline(baseline) if baseline else frozenset()
    started = time.monotonic()

    writer = ResultWriter(output, resume=resume)
    todo = [r for r in rows if r.id not in writer.completed] if resume else rows
    resumed = len(rows) - len(todo)
    by_index = {r.index: r for r in todo}
    if scheduler and not click.get_current_context().find_root().meta.get(DEBUG_KEY):
        _quiet_distributed()
    client = connect(scheduler) if scheduler else None
    stderr_tty = bool(getattr(sys.stderr, "isatty", None) and sys.stderr.isatty())
    progress = Progress(len(todo), enabled=stderr_tty and not quiet)
    tally = BatchTally()
    finished = False
    pending: list[str] = []  # whole articles' lines not yet written
    try:
        settings = BatchSettings(config=config, jobs=jobs, client=client,
                                 chunk_size=chunk_size, baseline=known)
        flushed = time.monotonic()
        for result in run_rows(todo, settings):
            records = result_records(result, known)
            pending += [dumps(r) for r in records]
            tally.add(result, records, fail_on_for(by_index.get(result.index), config))
            # Written in batches ending on a status row, at least twice a second, so a
            # kill loses little and leaves whole articles (a cut line is dropped on resume).
            now = time.monotonic()
            if len(pending) >= 64 or now - flushed >= 0.5:
                # Taken before writing: an interrupt between the two must not write twice.
                lines, pending, flushed = pending, [], now
                writer.write(lines)
                writer.flush()
            progress.update(1)
        lines, pending = pending, []
        writer.write(lines)
        writer.finish()
        finished = True
    except KeyboardInterrupt:
        progress.close()
        writer.close(pending)
        where = f"; rerun with --resume to continue {output}" if output else ""
        click.echo(f"discrepancy: interrupted after {tally.done} articles{where}", err=True)
        sys.exit(130)
    except Exception as e:
        # A dead pool process or a lost cluster: what is written stays, resumable.
        progress.close()
        writer.close(pending)
        if output and output != "-" and not isinstance(e, DiscrepancyError):
            raise DiscrepancyError(
                f"batch stopped after {tally.done} articles ({type(e).__name__}: {e}); "
                f"rerun with --resume to continue {output}"
            ) from e
        raise
    finally:
        if not finished:
            writer.close()
        if client is not None:
            client.close()
    progress.close()
    elapsed = time.monotonic() - started
    click.echo(summary_line(len(todo), resumed, tally.errors, tally.severities, elapsed),
               err=True)
    click.get_current_context().exit(tally.exit_code)


def _quiet_distributed() -> None:
    """distributed logs a lost scheduler as tracebacks; the CLI says it in one line."""
    import logging

    try:
        import distributed  # noqa: F401  (configures its loggers on import)
    except ImportError:
        return  # connect() says what is missing
    for name in list(logging.root.manager.loggerDict):
        if name == "distributed" or name.startswith("distributed."):
            logging.getLogger(name).setLevel(logging.CRITICAL + 1)


def summary_line(
    checked: int, resumed: int, errors: int, severities: Counter[str], elapsed: float
) -> str:
    n = sum(severities.values())
    parts = ", ".join(f"{severities.get(s, 0)} {s}" for s in ("high", "medium", "low"))
    rate = checked / elapsed if elapsed > 0 else 0.0
    extra = f", {resumed} already done" if resumed else ""
    return (f"discrepancy: {checked} article{'s' if checked != 1 else ''} checked{extra}, "
            f"{errors} error{'s' if errors != 1 else ''}; {n} finding{'s' if n != 1 else ''} "
            f"({parts}) in {elapsed:.1f} s, {rate:.1f} articles/s")
