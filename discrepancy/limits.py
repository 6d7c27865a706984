"""Which documented comparison limits a run reached, so a report can say so.

Comparisons that would be all-against-all on hostile text are capped (see the
README's limits); past a cap results may differ from an unlimited comparison,
so the report names the caps that were reached rather than dropping work in
silence. Stages call ``note``; ``collecting`` scopes the notes to one check.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_reached: ContextVar[set[str] | None] = ContextVar("discrepancy_limits", default=None)


def note(limit: str) -> None:
    """Record that ``limit`` (a short readable name) was reached in this check."""
    seen = _reached.get()
    if seen is not None:
        seen.add(limit)


@contextmanager
def collecting() -> Iterator[set[str]]:
    """The limits noted inside the ``with`` block."""
    seen: set[str] = set()
    token = _reached.set(seen)
    try:
        yield seen
    finally:
        _reached.reset(token)
