"""The ``discrepancy`` console script's entry point.

It lives outside the ``discrepancy`` package on purpose: importing that package
(pandas-free, but rapidfuzz, click and the recognizers) takes ~0.1 s, and a
Ctrl-C or SIGTERM in that window would otherwise print a traceback or end the
process with no word. Only the standard library is imported before the handlers
are in place.
"""

from __future__ import annotations

import os
import signal
import sys


def _terminated_while_starting(_signum: int, _frame: object) -> None:
    # Nothing has been read or written yet: there is nothing to clean up.
    sys.stderr.write("discrepancy: terminated\n")
    sys.stderr.flush()
    os._exit(143)


def main() -> None:
    previous = signal.signal(signal.SIGTERM, _terminated_while_starting)
    try:
        from discrepancy.cli import main as run
    except KeyboardInterrupt:
        sys.stderr.write("discrepancy: interrupted\n")
        sys.exit(130)
    finally:
        signal.signal(signal.SIGTERM, previous)
    run()
