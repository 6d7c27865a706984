"""The checking of one ``discrepancy check`` run: every target against the sources,
one by one, in worker processes, or each with the sources its links name."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from ..checks.engine import merge_reports
from ..model import Document, Report
from ..options import Options
from .inputs import unique_id


def worker_count(jobs: int, targets: int) -> int:
    """Processes for ``--jobs``: never more than CPUs or targets (a process per
    target beyond the CPUs only adds start-up time and memory); 0 means one per CPU."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cpus = cpus or 1
    return max(1, min(jobs or cpus, cpus, targets))


def check_targets(
    targets: Sequence[Document],
    sources: Sequence[Document],
    options: Options,
    *,
    jobs: int,
    links: bool,
    taken: set[str],
    warn: Callable[[str], None],
) -> Report:
    """One report of every target checked against ``sources`` (plus, with ``links``, the
    pages each target links to, fetched with ids unique across ``taken``)."""
    # Looked up at call time, as ``discrepancy.check``: tests and embedders replace it.
    from .. import check

    workers = worker_count(jobs, len(targets))
    if links:  # each target has its own sources: checked one by one
        from ..text.links import link_sources

        linked = link_sources(targets, lambda url: unique_id(url, url, taken), warn)
        reports = [check(t, [*sources, *linked[t.id]], options) for t in targets]
    elif workers == 1:
        reports = [check(t, sources, options) for t in targets]
    else:
        from .batch import check_documents

        reports = check_documents(targets, sources, options, workers=workers)
    return merge_reports(reports)
