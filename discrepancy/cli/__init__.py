"""The ``discrepancy`` command line.

Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage or input
error. Errors are one line on stderr (``discrepancy: error: <path>: <reason>``);
a traceback only with --debug, because CI logs are read by people who did not
write the tool.

To add a subcommand from another module, add one line to ``LAZY_COMMANDS``;
it is imported only when used, so it may import helpers from this module.
"""

from __future__ import annotations

import errno
import gc
import math
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click
from click.utils import _PacifyFlushWrapper

from ..app.config import FAIL_ON, Config, check_codes, find_config, load_config
from ..checks.engine import apply_ignores, merge_reports
from ..errors import ConfigError, DiscrepancyError, InputError, OutputError
from ..model import SEVERITY_RANK, Document, Report, Role
from ..report import FORMATS, SUFFIXES

# name -> "module:attribute" of a click command, imported on first use.
LAZY_COMMANDS: dict[str, str] = {
    "batch": "discrepancy.cli.batch:batch_command",
    "compare": "discrepancy.cli.compare:compare_command",
    "serve": "discrepancy.server.command:serve_command",
}

DOC_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml")
STDIN = "-"
_DEBUG_KEY = "discrepancy.debug"

F = TypeVar("F", bound=Callable[..., Any])


# ----------------------------------------------------------------------------- errors


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _fail(ctx: click.Context, message: str, exc: BaseException) -> None:
    if ctx.find_root().meta.get(_DEBUG_KEY) or os.environ.get("DISCREPANCY_DEBUG"):
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
    click.echo(f"discrepancy: error: {_one_line(message)}", err=True)
    ctx.exit(2)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that the same cleanup runs: temp files are
    removed, worker pools shut down, ``--output`` is left untouched."""


def _raise_terminated(_signum: int, _frame: object) -> None:
    raise Terminated()


@contextmanager
def _sigterm_as_exception() -> Iterator[None]:
    # Only the main thread may set handlers (a library caller may run us in a thread).
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def _fewer_gc_pauses() -> Iterator[None]:
    """Run with a larger young generation. Claims, spans and records are millions of
    small acyclic objects; at CPython's default (a collection every 700 allocations)
    the cycle collector took about half of the time on large inputs. Cycles are still
    collected, only less often; memory use is unchanged (measured on 5 MB of news)."""
    previous = gc.get_threshold()
    gc.set_threshold(50_000, *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)


def _interrupted(exc: BaseException | None) -> NoReturn:
    # 130/143 like a shell, not click's 1, which would read as "findings" in CI.
    if isinstance(exc, Terminated) or isinstance(getattr(exc, "__context__", None), Terminated):
        click.echo("discrepancy: terminated", err=True)
        sys.exit(143)
    click.echo("discrepancy: interrupted", err=True)
    sys.exit(130)


class DiscrepancyGroup(click.Group):
    """A group that turns our errors into one line and exit code 2, and loads
    subcommands listed in ``LAZY_COMMANDS`` on demand."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        """click's main, but every usage error is one line (the README's promise:
        CI logs are read line by line) and interrupts exit 130/143 quietly."""
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            with _sigterm_as_exception(), _fewer_gc_pauses():
                rv = super().main(*args, standalone_mode=False, **kwargs)
        except click.exceptions.ClickException as e:
            hint = ""
            if isinstance(e, click.UsageError) and e.ctx is not None:
                hint = f" (see '{e.ctx.command_path} --help')"
            click.echo(f"discrepancy: error: {_one_line(e.format_message())}{hint}", err=True)
            sys.exit(e.exit_code)
        except (click.exceptions.Abort, KeyboardInterrupt, EOFError) as e:
            _interrupted(e)
        except OSError as e:
            if e.errno != errno.EPIPE:
                raise
            # `discrepancy check ... | head`: exit quietly, as click does.
            sys.stdout = _PacifyFlushWrapper(sys.stdout)  # type: ignore[assignment]
            sys.stderr = _PacifyFlushWrapper(sys.stderr)  # type: ignore[assignment]
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else 0)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in LAZY_COMMANDS and name not in self.commands:
            module, attr = LAZY_COMMANDS[name].split(":")
            command = getattr(import_module(module), attr)
            self.add_command(command, name)
        return super().get_command(ctx, name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise  # click's own usage errors already exit 2 with a message
        except KeyboardInterrupt as e:
            _interrupted(e)
        except DiscrepancyError as e:
            _fail(ctx, str(e), e)
        except OSError as e:
            if e.errno == errno.EPIPE:
                raise  # `discrepancy check ... | head`: click exits quietly
            where = f"{e.filename}: " if e.filename else ""
            _fail(ctx, f"{where}{e.strerror or e}", e)
        except Exception as e:  # a bug: still one line, and exit 2 rather than 1
            _fail(
                ctx,
                f"internal error: {type(e).__name__}: {e} (rerun with --debug for a traceback)",
                e,
            )
        return None


def _set_debug(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
    if value:
        ctx.find_root().meta[_DEBUG_KEY] = True
    return value


def debug_option(f: F) -> F:
    """``--debug``: show tracebacks. Subcommands in other modules should use it too."""
    return click.option(  # type: ignore[return-value]
        "--debug", is_flag=True, is_eager=True, expose_value=False, callback=_set_debug,
        help="Show a traceback on errors.",
    )(f)


@click.group(cls=DiscrepancyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="discrepancy", prog_name="discrepancy")
@debug_option
def cli() -> None:
    """Check the figures, dates and attributions in a text against source texts."""


# ----------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class InputFile:
    """A document to read: ``shown`` is the path as the user typed it (or ``-``)."""

    shown: str
    from_directory: bool = False

    @property
    def is_stdin(self) -> bool:
        return self.shown == STDIN

    @property
    def is_url(self) -> bool:
        from ..text.fetch import is_url

        return is_url(self.shown)


def expand_inputs(args: Iterable[str], what: str) -> list[InputFile]:
    """Files for ``args``: a directory means every text, Markdown or HTML file under
    it (sorted, hidden files skipped); ``-`` is stdin. Duplicates are dropped."""
    out: list[InputFile] = []
    seen: set[str] = set()
    for arg in args:
        if arg == STDIN or InputFile(arg).is_url:  # a URL is fetched when read, never a path
            items = [InputFile(arg)]
        elif Path(arg).is_dir():
            items = [InputFile(p, from_directory=True) for p in _documents_in(arg)]
            if not items:
                raise InputError(
                    f"{arg}: no text, Markdown or HTML files in this directory "
                    f"({', '.join(DOC_SUFFIXES)})"
                )
        else:
            items = [InputFile(arg)]
        for item in items:
            key = item.shown if item.is_stdin or item.is_url else _identity(item.shown)
            if key not in seen:
                seen.add(key)
                out.append(item)
    if sum(1 for i in out if i.is_stdin) > 1:
        raise click.UsageError(f"stdin ('-') can be read only once ({what})")
    return out


def _documents_in(directory: str) -> list[str]:
    root = Path(directory)
    found = []

    def unreadable(e: OSError) -> None:
        # os.walk (and rglob) would skip it silently: a check that silently covers
        # less than asked is worse than an error.
        raise InputError(f"{e.filename or directory}: cannot read this folder "
                         f"({e.strerror or e}); fix its permissions or name the files")

    for here, dirs, files in os.walk(root, onerror=unreadable):
        # .git, editor swap files; not descending into hidden folders at all.
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            p = Path(here) / name
            if not name.startswith(".") and p.suffix.lower() in DOC_SUFFIXES and p.is_file():
                found.append(p.relative_to(root).as_posix())
    # Sorted by the relative path so the order (and the report) is the same on every OS.
    return [str(root / rel) for rel in sorted(found)]


def _identity(path: str) -> str:
    try:
        return os.path.realpath(path)
    except OSError:
        return os.path.abspath(path)


def _same_file(a: str, b: str) -> bool:
    if _identity(a) == _identity(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _read_stdin() -> str:
    from ..text.load import MAX_BYTES, decode

    # Read one byte past the limit so an endless pipe is refused, not buffered whole.
    data = getattr(sys.stdin, "buffer", sys.stdin).read(MAX_BYTES + 1)
    return decode(data, "<stdin>")


def load_inputs(files: Sequence[InputFile], role: Role, taken: set[str]) -> list[Document]:
    """Documents for ``files`` with ids unique across ``taken`` (which is updated).

    Ids are file stems ("summary") where unique, else the path as given, so
    fingerprints do not depend on the directory the tool is run from.
    """
    from ..text.load import load_document, text_to_document

    docs = []
    for item in files:
        if item.is_stdin:
            doc_id = _unique("stdin", "stdin", taken)
            doc = text_to_document(_read_stdin(), "<stdin>", id=doc_id, role=role, path=None)
        elif item.is_url:
            from ..text.fetch import load_url

            doc = load_url(item.shown, id=_unique(item.shown, item.shown, taken), role=role)
        else:
            doc_id = _unique(Path(item.shown).stem or item.shown, item.shown, taken)
            doc = load_document(item.shown, id=doc_id, role=role)
        docs.append(doc)
    return docs


def _unique(preferred: str, fallback: str, taken: set[str]) -> str:
    for candidate in (preferred, Path(fallback).as_posix()):
        if candidate not in taken:
            taken.add(candidate)
            return candidate
    n = 2
    while f"{fallback}#{n}" in taken:
        n += 1
    taken.add(f"{fallback}#{n}")
    return f"{fallback}#{n}"


# ----------------------------------------------------------------------------- reports


def exit_code(report: Report, fail_on: str) -> int:
    """1 if any finding is at or above ``fail_on`` (low|medium|high|never), else 0."""
    if fail_on == "never":
        return 0
    floor = SEVERITY_RANK[fail_on]
    return int(any(SEVERITY_RANK[f.severity] >= floor for f in report.findings))


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


def refuse_overwrite(
    outputs: Iterable[tuple[str, str | None]],
    inputs: Iterable[str],
    in_use: Mapping[str, str] | None = None,
) -> None:
    """Never write a report or baseline over a document being checked, over a file
    the run uses (``in_use``: path -> what it is, e.g. the config), or over
    anything that is not a regular file (a symlink, a FIFO, a device)."""
    from ..app.atomic import STREAMS, is_null_device, refusal

    inputs = list(inputs)
    for option, out in outputs:
        if out is None:
            continue
        if out == STDIN or out in STREAMS or is_null_device(out):
            if option == "--output":
                continue  # written as a stream (or discarded) by emit()
            raise OutputError(f"{option} {out}: give a file name, not a stream")
        for path in inputs:
            if _same_file(out, path):
                raise OutputError(f"{option} {out} is also an input document; refusing")
        for path, what in (in_use or {}).items():
            if _same_file(out, path):
                raise OutputError(f"{option} {out} is {what}; refusing to overwrite it")
        why = refusal(out)
        if why is not None:
            raise OutputError(f"{option} {out} {why}")


def _colour(output: str | None) -> bool:
    if output not in (None, STDIN) or os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(sys.stdout, "isatty", None)
    return bool(isatty and isatty())


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


# ----------------------------------------------------------------------------- check


def _fraction(_ctx: click.Context, _param: click.Parameter, value: float | None) -> float | None:
    # "nan" and "inf" parse as floats, and every comparison with nan is False.
    if value is not None and not (math.isfinite(value) and value >= 0):
        raise click.BadParameter(f"must be a finite number >= 0; got {value!r}")
    return value


def _score(_ctx: click.Context, _param: click.Parameter, value: float | None) -> float | None:
    if value is not None and not 0 <= value <= 100:  # False for nan as well
        raise click.BadParameter(f"must be between 0 and 100; got {value!r}")
    return value


def worker_count(jobs: int, targets: int) -> int:
    """Processes for ``--jobs``: never more than CPUs or targets (a process per
    target beyond the CPUs only adds start-up time and memory); 0 means one per CPU."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cpus = cpus or 1
    return max(1, min(jobs or cpus, cpus, targets))


def _codes(_ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    if not value:
        return value
    items = [c for v in value for c in v.split(",") if c.strip()]
    try:
        return check_codes(items, "--disable")
    except ConfigError as e:
        raise click.BadParameter(str(e).removeprefix("--disable: ")) from None


@cli.command("check", cls=_AgainstCommand)
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
@click.option("--tolerance", type=float, default=None, callback=_fraction,
              help="Extra relative slack when comparing figures (0.05 = 5%).")
@click.option("--min-subject-score", type=float, default=None, callback=_score,
              help="Minimum similarity (0-100) for two subjects to be the same thing.")
@click.option("--disable", multiple=True, callback=_codes, metavar="CODE",
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
    from .. import check as run_check
    from ..app.baseline import apply_baseline, baseline_text, read_baseline
    from ..report import render
    from ..report.records import limit_findings

    if not sources and not links:
        raise click.UsageError("give the sources: --against SOURCE... or --links")
    target_files = expand_inputs(targets, "targets")
    source_files = expand_inputs(sources, "sources")
    # "check articles/ --against articles/source.txt": the source is not also a target.
    source_ids = {_identity(s.shown) for s in source_files if not s.is_stdin}
    target_files = [
        t for t in target_files if not (t.from_directory and _identity(t.shown) in source_ids)
    ]
    if not target_files:
        raise InputError(f"{targets[0]}: every document in it is also a source")
    config = _config(config_path, target_files)
    inputs = [f.shown for f in (*target_files, *source_files) if not (f.is_stdin or f.is_url)]
    in_use = {config.path: "the config in use"} if config.path else {}
    if baseline:
        in_use[baseline] = "the baseline in use"
    refuse_overwrite([("--output", output), ("--write-baseline", write_baseline)], inputs, in_use)
    if output and write_baseline and output != STDIN and _same_file(output, write_baseline):
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
    options = config.options()
    workers = worker_count(jobs, len(target_docs))
    if links:  # each target has its own sources: checked one by one
        from ..text.links import link_sources

        linked = link_sources(target_docs, lambda url: _unique(url, url, taken),
                              lambda message: click.echo(f"discrepancy: {message}", err=True))
        reports = [run_check(t, [*source_docs, *linked[t.id]], options) for t in target_docs]
    elif workers == 1:
        reports = [run_check(t, source_docs, options) for t in target_docs]
    else:
        from ..app.batch import check_documents

        reports = check_documents(target_docs, source_docs, options, workers=workers)
    report = merge_reports(reports)
    report = apply_ignores(report, config)

    new_baseline = baseline_text(report) if write_baseline else None
    shown, suppressed = apply_baseline(report, known) if known else (report, 0)
    shown = limit_findings(shown)  # a report's size follows its targets, not a hostile text
    # Render before writing anything: a failing renderer must leave no file behind.
    text = render(shown, fmt, color=_colour(output), suppressed=suppressed)

    if write_baseline and new_baseline is not None:
        from ..app.atomic import atomic_write_text

        try:
            atomic_write_text(write_baseline, new_baseline)
        except OSError as e:
            raise DiscrepancyError(f"{write_baseline}: cannot write ({e.strerror or e})") from None
        n = len({f.fingerprint for f in report.findings})
        click.echo(
            f"discrepancy: wrote {n} fingerprint{'s' if n != 1 else ''} to {write_baseline}",
            err=True,
        )
    emit(text, output)
    code = 0 if write_baseline else exit_code(shown, config.fail_on)
    click.get_current_context().exit(code)


def _config(config_path: str | None, targets: Sequence[InputFile]) -> Config:
    if config_path is not None:
        if not Path(config_path).exists():
            raise ConfigError(f"{config_path}: no such config file")
        return load_config(config_path, shown=config_path)
    first = next((t.shown for t in targets if not t.is_stdin), None)
    start = Path(first).parent if first else Path.cwd()
    found = find_config(start if str(start) else Path("."))
    if found is None:
        return Config()
    return load_config(found, shown=_display_path(found))


def _display_path(path: Path) -> str:
    # Relative to the cwd when below it: error messages then match what the user sees.
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


# ----------------------------------------------------------------------------- extract


@cli.command("extract")
@click.argument("article", metavar="ARTICLE")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@debug_option
def extract_command(article: str, fmt: str) -> None:
    """List every figure, date and attribution found in ARTICLE (- for stdin)."""
    from .. import extract
    from ..report.claims import render_claims_json, render_claims_table

    files = expand_inputs([article], "article")
    if len(files) != 1:
        raise click.UsageError(f"{article}: give one file, not a directory of {len(files)}")
    doc = load_inputs(files, "target", set())[0]
    claims = extract(doc)
    text = render_claims_json(doc, claims) if fmt == "json" else render_claims_table(doc, claims)
    click.echo(text, nl=False)


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="discrepancy")


__all__ = [
    "LAZY_COMMANDS", "InputFile", "apply_ignores", "choose_format", "cli",
    "debug_option", "emit", "exit_code", "expand_inputs", "load_inputs", "main", "merge_reports",
    "refuse_overwrite",
]
