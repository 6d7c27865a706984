"""The ``discrepancy`` command line: ``discrepancy.cli.group`` is the command group,
and each subcommand has its module (``check``, ``extract``, ``compare``, ``batch``;
``serve`` is in ``discrepancy.server``), loaded on first use.

Commands only read their arguments and report: the work is in ``discrepancy.app``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..app.check_run import worker_count  # noqa: F401  (an older import path)
from ..app.inputs import read_stdin as _read_stdin  # noqa: F401  (an older import path)
from ..checks.engine import apply_ignores  # noqa: F401  (an older import path)
from .group import LAZY_COMMANDS, cli, debug_option


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="discrepancy")


__all__ = [
    "LAZY_COMMANDS", "_read_stdin", "apply_ignores", "cli", "debug_option", "main",
    "worker_count",
]
