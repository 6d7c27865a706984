"""The ``discrepancy`` command line: ``discrepancy.cli.group`` is the command group,
and each subcommand has its module (``check``, ``extract``, ``compare``, ``batch``;
``serve`` is in ``discrepancy.server``), loaded on first use.

Commands only read their arguments and report: the work is in ``discrepancy.app``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..app.check_run import worker_count  # noqa: F401  (an older import path)
from ..app.config import Config
from ..app.inputs import read_stdin as _read_stdin  # noqa: F401  (an older import path)
from ..model import Report
from .group import LAZY_COMMANDS, cli, debug_option


def apply_ignores(report: Report, config: Config) -> Report:
    """Drop findings disabled by ``disable`` or ``per-file-ignores``."""
    paths = {d.id: d.path for d in report.documents}
    disabled = set(config.disable)
    kept = []
    for f in report.findings:
        ignored = disabled | config.ignored_for(paths.get(f.claim.doc))
        if f.code in ignored or f.name in ignored:
            continue
        kept.append(f)
    return replace(report, findings=tuple(kept))


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="discrepancy")


__all__ = [
    "LAZY_COMMANDS", "_read_stdin", "apply_ignores", "cli", "debug_option", "main",
    "worker_count",
]
