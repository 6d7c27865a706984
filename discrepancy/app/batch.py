"""Check thousands of targets against one set of sources.

Sources are read and extracted once, then shared with every task. Tasks run
in this process, in a local process pool, or on a Dask cluster (pass a
``distributed.Client``); results come back in target order whatever ran
them, so a batch is as deterministic as a single check.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..checks.engine import check_extracted
from ..errors import InputError
from ..model import Claim, Document, Report
from ..options import Options
from ..recognizers.extract import extract
from ..report.records import flat_record, report_to_dict
from ..text.load import load_document

if TYPE_CHECKING:
    import pandas as pd

SourcePairs = list[tuple[Document, list[Claim]]]


@dataclass(frozen=True)
class BatchResult:
    findings: pd.DataFrame  # one row per finding, with a ``target`` column
    errors: tuple[tuple[str, str], ...]  # (target, one-line reason) for unreadable targets
    targets: int


def load_sources(paths: Iterable[str | Path]) -> SourcePairs:
    pairs = []
    for p in paths:
        d = load_document(p, role="source")
        pairs.append((d, extract(d)))
    return pairs


def check_one(target: str, sources: SourcePairs, options: Options) -> dict[str, Any]:
    """One target's findings as flat rows; an unreadable target is an error, not a crash."""
    from ..recognizers.extract import with_doc
    from .batch_run import _doc_id

    try:
        doc = load_document(target, role="target")
    except InputError as e:
        return {"target": target, "rows": [], "error": str(e)}
    # The ids `discrepancy check TARGET --against SOURCES...` gives, so fingerprints
    # (which hash ids) are the same and a baseline written by the CLI filters these.
    taken: set[str] = set()
    doc = doc.with_role("target", id=_doc_id(target, taken))
    pairs = []
    for d, claims in sources:
        s_id = _doc_id(d.path or d.id, taken)
        pairs.append((d.with_role("source", id=s_id), with_doc(list(claims), s_id)))
    report = check_extracted(doc, with_doc(extract(doc), doc.id), pairs, options)
    rows = [flat_record(r) | {"target": target} for r in report_to_dict(report)["findings"]]
    return {"target": target, "rows": rows, "error": None}


def _check_document(target: Document, sources: SourcePairs, options: Options) -> Report:
    return check_extracted(target, extract(target), sources, options)


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _worker_init() -> None:
    """Run in each worker: it must never outlive the run that started it."""
    # Ctrl-C goes to the whole process group; the parent handles it and stops us,
    # so a worker neither prints a traceback nor dies half-way on its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A forked worker inherits the CLI's SIGTERM handler (raise, to clean up); a worker
    # has nothing to clean up and must simply die when the parent stops it. It was
    # forked with the signals held (``_held``): let SIGTERM through again.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            # SIGKILL of the parent leaves no chance to clean up: the kernel kills us.
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    if os.getppid() == 1:  # the parent died before prctl took effect
        os._exit(1)


@contextmanager
def _held() -> Iterator[None]:
    """SIGINT and SIGTERM held back while workers are forked (``pool.map`` submits,
    and so forks, at once). A signal landing inside ``fork`` runs its Python handler
    in an at-fork hook, which swallows the exception: the run went on as if never
    signalled. Held, it is delivered just after, where it raises as it should."""
    import threading

    if not hasattr(signal, "pthread_sigmask") or (
        threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextmanager
def worker_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A process pool whose workers die with this process, and are stopped at once
    (not after their current task) when the run is interrupted or fails."""
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_init)
    try:
        yield pool
    except BaseException:
        # Private attributes, read defensively: the pool has no public "stop now".
        processes = list((getattr(pool, "_processes", None) or {}).values())
        manager = getattr(pool, "_executor_manager_thread", None)
        pool.shutdown(wait=False, cancel_futures=True)
        for p in processes:
            p.kill()  # SIGKILL: a worker mid-task must not finish it first
        for p in processes:
            p.join(timeout=5)
        if manager is not None:
            manager.join(timeout=5)
            # Its wake-up pipe is closed now; the interpreter's exit hook would still
            # write to it and print "Exception ignored ... Bad file descriptor".
            from concurrent.futures import process as futures_process

            getattr(futures_process, "_threads_wakeups", {}).pop(manager, None)
        raise
    pool.shutdown(wait=True)


def check_documents(
    targets: Sequence[Document],
    sources: Sequence[Document],
    options: Options | None = None,
    *,
    workers: int = 1,
) -> list[Report]:
    """One report per target, in target order, from ``workers`` processes.

    Sources are extracted once here and sent along with each chunk of targets.
    """
    from itertools import repeat

    options = options or Options()
    pairs = [(d, extract(d)) for d in sources]
    if workers <= 1 or len(targets) < 2:
        return [_check_document(t, pairs, options) for t in targets]
    with worker_pool(workers) as pool:
        with _held():
            reports = pool.map(
                _check_document, targets, repeat(pairs), repeat(options),
                chunksize=max(1, len(targets) // (workers * 8)),
            )
        return list(reports)


def check_batch(
    targets: Sequence[str | Path],
    sources: Sequence[str | Path],
    options: Options | None = None,
    *,
    workers: int = 1,
    client: Any = None,
    on_done: Callable[[int, int], None] | None = None,
) -> BatchResult:
    """Check every target against the same sources.

    ``client`` is a ``dask.distributed.Client``: the extracted sources are
    scattered to the workers once and each target is one task.
    """
    import pandas as pd

    options = options or Options()
    names = [str(t) for t in targets]
    pairs = load_sources(sources)
    results: list[dict[str, Any]] = []

    def done(result: dict[str, Any]) -> None:
        results.append(result)
        if on_done:  # in every mode, in target order
            on_done(len(results), len(names))

    if client is not None:
        # hash=False: a repeated call must not reuse keys of data a worker may have
        # dropped ("lost dependencies", dask/distributed#8576).
        shared = client.scatter(pairs, broadcast=True, hash=False)
        futures = client.map(check_one, names, sources=shared, options=options, pure=False)
        for fut in futures:
            done(fut.result())
    elif workers > 1:
        with worker_pool(workers) as pool:
            with _held():
                pending = pool.map(check_one, names, [pairs] * len(names),
                                   [options] * len(names),
                                   chunksize=max(1, len(names) // (workers * 8)))
            for result in pending:
                done(result)
    else:
        for name in names:
            done(check_one(name, pairs, options))
    rows = [row for r in results for row in r["rows"]]
    frame = pd.DataFrame(rows)
    if not frame.empty:
        frame = frame[["target", *[c for c in frame.columns if c != "target"]]]
    errors = tuple((r["target"], r["error"]) for r in results if r["error"])
    return BatchResult(findings=frame, errors=errors, targets=len(names))
