"""Check a manifest of articles, each against its own sources, and stream the results.

The run is planned in chunks of rows, in manifest order. For each chunk the
parent reads the documents its rows name (each distinct path once) and keys
every document by the SHA-256 of its text; a document is *extracted* once per
run however many rows cite it, by the first chunk that needs it. A chunk is
then two units of work: extract the documents it is first to need that later
rows cite too (kept for the run), and check its rows, extracting on the way the
documents only it cites (most targets: dropped with the chunk, so memory does
not grow with the number of articles). The same two functions run in this
process, in a local process pool, or on a Dask cluster, and rows come back in
manifest order, so every engine writes the same bytes.

On Dask the extraction of a chunk is a task whose result stays on the
cluster: a check task depends on the extraction tasks that hold its
documents, so extracted sources move worker to worker when needed and are
never re-sent by the client; if a worker dies, the scheduler recomputes what
it held from the task graph (nothing is scattered, so nothing is lost for
good, and nothing depends on ``scatter(hash=True)``).

Each row's documents get the ids ``discrepancy check`` would give them (file
stems, unique within the row), so fingerprints, and baselines, are the same
as ``discrepancy check TARGET --against SOURCES...`` gives for those files.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DiscrepancyError, InputError
from ..model import SEVERITY_RANK, Claim, Document
from ..options import Options
from ..recognizers.extract import extract, with_doc
from ..report.records import flat_record, report_to_dict
from .config import Config
from .manifest import DocRef, ManifestRow

if TYPE_CHECKING:
    import pandas as pd

# Columns of the output (JSONL keys, DataFrame and Parquet columns). A finding row
# has the finding columns, a status row (one per article, after its findings) the
# status columns; both have ``record``, ``id`` and ``target``.
FINDING_COLUMNS = (
    "code", "name", "kind", "category", "severity", "message", "doc", "path", "line",
    "column", "claim", "claim_sentence", "evidence_doc", "evidence_line", "evidence",
    "evidence_sentence", "ratio", "fingerprint",
)
STATUS_COLUMNS = ("sources", "findings", "suppressed", "error")
COLUMNS = ("record", "id", "target", *FINDING_COLUMNS, *STATUS_COLUMNS)

Extracted = tuple[Document, tuple[Claim, ...]]


@dataclass(frozen=True)
class RowTask:
    """One article as a worker sees it: document keys, names as shown, options."""

    index: int
    id: str
    target_name: str
    target_key: str
    source_names: tuple[str, ...]
    source_keys: tuple[str, ...]
    options: Options


@dataclass(frozen=True)
class RowResult:
    index: int
    id: str
    target: str
    sources: tuple[str, ...]
    findings: tuple[dict[str, Any], ...] = ()  # finding records, before the baseline
    error: str | None = None


@dataclass(frozen=True)
class Chunk:
    """Rows checked together, and the documents this chunk is first to need."""

    number: int
    tasks: tuple[RowTask, ...]
    failed: tuple[RowResult, ...]  # rows that could not be read: results already
    new_docs: tuple[tuple[str, Document], ...]  # (key, document) to extract here
    needs: tuple[int, ...]  # chunks whose extraction holds this chunk's documents
    keys: tuple[str, ...]  # every kept document key the tasks use
    local_docs: tuple[tuple[str, Document], ...] = ()  # cited by this chunk only

    @property
    def size(self) -> int:
        return len(self.tasks) + len(self.failed)


# ----------------------------------------------------------------------------- workers


def extract_documents(docs: Sequence[tuple[str, Document]]) -> dict[str, Extracted]:
    """Claims of each document, by key: the one place documents are extracted.

    A document extraction fails on (a bug) gets the reason instead of claims: the
    rows citing it become error rows, the others go on.
    """
    out: dict[str, Extracted] = {}
    for key, doc in docs:
        try:
            out[key] = (doc, tuple(extract(doc)))
        except Exception as e:
            out[key] = (doc, f"{doc.path or 'document'}: cannot extract "  # type: ignore[assignment]
                             f"({type(e).__name__}: {e})")
    return out


def check_rows(tasks: Sequence[RowTask], *stores: Mapping[str, Extracted]) -> list[RowResult]:
    """Check each row against its sources; ``stores`` hold every document it names."""
    from ..checks.engine import check_extracted

    merged: dict[str, Extracted] = {}
    for store in stores:
        merged.update(store)
    out = []
    for task in tasks:
        try:
            out.append(_check_row(task, merged, check_extracted))
        except Exception as e:  # a bug on one article must not stop (or, resumed, block) a day
            out.append(RowResult(task.index, task.id, task.target_name, task.source_names,
                                 error=_one_line(f"internal error: {type(e).__name__}: {e}")))
    return out


def _check_row(
    task: RowTask, merged: Mapping[str, Extracted], check_extracted: Callable[..., Any]
) -> RowResult:
    # The ids `discrepancy check TARGET --against SOURCES...` gives: fingerprints
    # hash the document id, so the same ids make the same fingerprints.
    for key in (task.target_key, *task.source_keys):
        if isinstance(merged[key][1], str):  # extraction failed: say so for this row
            raise RuntimeError(merged[key][1])
    taken: set[str] = set()
    t_doc, t_claims = merged[task.target_key]
    t_id = _doc_id(task.target_name, taken)
    target = replace(t_doc, id=t_id, role="target", path=task.target_name)
    pairs = []
    for name, key in zip(task.source_names, task.source_keys, strict=True):
        s_doc, s_claims = merged[key]
        s_id = _doc_id(name, taken)
        pairs.append((replace(s_doc, id=s_id, role="source", path=name),
                      with_doc(list(s_claims), s_id)))
    report = check_extracted(target, with_doc(list(t_claims), t_id), pairs, task.options)
    records = tuple(flat_record(r) for r in report_to_dict(report)["findings"])
    return RowResult(task.index, task.id, task.target_name, task.source_names, records)


def check_chunk(
    tasks: Sequence[RowTask],
    local_docs: Sequence[tuple[str, Document]],
    *stores: Mapping[str, Extracted],
) -> list[RowResult]:
    """``check_rows`` after extracting the documents only this chunk cites."""
    return check_rows(tasks, *stores, extract_documents(local_docs))


def _doc_id(name: str, taken: set[str]) -> str:
    from ..text.fetch import is_url
    from .inputs import unique_id

    if is_url(name):
        return unique_id(name, name, taken)
    return unique_id(Path(name).stem or name, name, taken)


# ----------------------------------------------------------------------------- planning


class _Reader:
    """Reads each distinct document once and keys it by the hash of its text."""

    def __init__(self) -> None:
        self._by_source: dict[tuple[str, str], str | InputError] = {}
        self.docs: dict[str, Document] = {}

    @staticmethod
    def ident(ref: DocRef) -> tuple[str, str]:
        """What names one document before it is read: its resolved path or inline text."""
        if ref.text is not None:
            return ("text", ref.name + "\x00" + hashlib.sha256(ref.text.encode()).hexdigest())
        return ("path", _identity(ref.read_path))

    def key(self, ref: DocRef) -> str:
        ident = self.ident(ref)
        found = self._by_source.get(ident)
        if found is None:
            try:
                doc = self._read(ref)
                found = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()[:32]
                self.docs.setdefault(found, doc)
            except DiscrepancyError as e:
                found = e if isinstance(e, InputError) else InputError(str(e))
            self._by_source[ident] = found
        if isinstance(found, InputError):
            raise found
        return found

    @staticmethod
    def _read(ref: DocRef) -> Document:
        from ..text.fetch import is_url
        from ..text.load import load_document, text_to_document

        if ref.text is not None:
            return text_to_document(ref.text, ref.name, id="doc", path=ref.name)
        if is_url(ref.name):
            from ..text.fetch import load_url

            return load_url(ref.name, id="doc")
        try:
            doc = load_document(ref.read_path, id="doc")
        except InputError as e:  # named as written in the manifest, not as resolved
            message = str(e)
            if message.startswith(ref.read_path):
                message = ref.name + message[len(ref.read_path):]
            raise InputError(message) from None
        return replace(doc, path=ref.name)


@lru_cache(maxsize=65536)  # a pool of sources is named by many rows: resolve each once
def _identity(path: str) -> str:
    from ..text.fetch import is_url

    return path if is_url(path) else os.path.realpath(path)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def plan_chunks(
    rows: Iterable[ManifestRow],
    chunk_size: int,
    options_for: Callable[[ManifestRow], Options],
) -> Iterator[Chunk]:
    """Chunks of rows in manifest order, reading documents as they are reached.

    A document that no later row cites (most targets) is *local* to its chunk:
    extracted inside the chunk's check and dropped with it, so memory does not grow
    with the number of articles. One cited again later is extracted by its first
    chunk and kept for the run. (An identical text under another name after a
    local document's last citation is therefore extracted again.)
    """
    rows = list(rows)
    reader = _Reader()
    last_use: dict[tuple[str, str], int] = {}
    for position, row in enumerate(rows):
        for ref in ((row.target,) if row.target else ()) + row.sources:
            last_use[reader.ident(ref)] = position
    extracted_in: dict[str, int] = {}

    def build(batch: list[ManifestRow], number: int, end: int) -> Chunk:
        tasks, failed, keys = [], [], []
        new: dict[str, Document] = {}
        local: dict[str, Document] = {}
        for row in batch:
            result = _task(row, reader, options_for)
            if isinstance(result, RowResult):
                failed.append(result)
                continue
            tasks.append(result)
            refs = (row.target, *row.sources)
            for ref, key in zip(refs, (result.target_key, *result.source_keys), strict=True):
                assert ref is not None
                later = last_use.get(reader.ident(ref), end) > end
                if key in extracted_in or key in new:
                    reader.docs.pop(key, None)  # the same text read again: drop the copy
                    keys.append(key)
                elif key in local:
                    reader.docs.pop(key, None)
                    if later:  # cited again after this chunk: kept for the run
                        new[key] = local.pop(key)
                        keys.append(key)
                else:
                    doc = reader.docs.pop(key)
                    if later:
                        new[key] = doc
                        keys.append(key)
                    else:
                        local[key] = doc
        for key in new:
            extracted_in[key] = number
        needs = sorted({extracted_in[k] for k in keys})
        return Chunk(number, tuple(tasks), tuple(failed), tuple(new.items()), tuple(needs),
                     tuple(dict.fromkeys(keys)), tuple(local.items()))

    for number, start in enumerate(range(0, len(rows), chunk_size)):
        batch = rows[start:start + chunk_size]
        yield build(batch, number, start + len(batch) - 1)


def _task(
    row: ManifestRow, reader: _Reader, options_for: Callable[[ManifestRow], Options]
) -> RowTask | RowResult:
    target_name = row.target.name if row.target else ""
    source_names = tuple(s.name for s in row.sources)
    if row.error is not None or row.target is None:
        return RowResult(row.index, row.id, target_name, source_names,
                         error=row.error or "no target")
    try:
        target_key = reader.key(row.target)
        source_keys = tuple(reader.key(s) for s in row.sources)
        options = options_for(row)
    except DiscrepancyError as e:
        return RowResult(row.index, row.id, target_name, source_names, error=_one_line(str(e)))
    return RowTask(row.index, row.id, target_name, target_key, source_names, source_keys,
                   options)


# ----------------------------------------------------------------------------- engines


def _ordered(chunk: Chunk, checked: list[RowResult]) -> list[RowResult]:
    return sorted([*chunk.failed, *checked], key=lambda r: r.index)


def run_serial(chunks: Iterable[Chunk]) -> Iterator[list[RowResult]]:
    store: dict[str, Extracted] = {}
    for chunk in chunks:
        store.update(extract_documents(chunk.new_docs))
        needed = {k: store[k] for k in chunk.keys}
        yield _ordered(chunk, check_chunk(chunk.tasks, chunk.local_docs, needed))


def run_processes(chunks: Iterable[Chunk], workers: int) -> Iterator[list[RowResult]]:
    """A local process pool; a wave of chunks is extracted while the last one is checked.

    Each check chunk carries the extracted documents it needs (pickled claims,
    far cheaper than extracting again); the parent keeps what was extracted.
    """
    from concurrent.futures import ProcessPoolExecutor
    from itertools import islice

    store: dict[str, Extracted] = {}
    it = iter(chunks)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        checking: deque[tuple[Chunk, Any]] = deque()
        while True:
            wave = list(islice(it, workers * 4))
            extracting = [pool.submit(extract_documents, c.new_docs) for c in wave if c.new_docs]
            while checking:  # the pool works on this wave's extraction meanwhile
                chunk, fut = checking.popleft()
                yield _ordered(chunk, fut.result())
            if not wave:
                return
            for fut in extracting:
                store.update(fut.result())
            for chunk in wave:
                needed = {k: store[k] for k in chunk.keys}
                checking.append((chunk, pool.submit(check_chunk, chunk.tasks,
                                                    chunk.local_docs, needed)))


def run_dask(chunks: Iterable[Chunk], client: Any, window: int) -> Iterator[list[RowResult]]:
    """Chunks as tasks on a dask.distributed cluster, at most ``window`` checks ahead."""
    import uuid

    run = uuid.uuid4().hex[:12]
    extraction: dict[int, Any] = {}
    checking: deque[tuple[Chunk, Any]] = deque()
    for chunk in chunks:
        if chunk.new_docs:
            extraction[chunk.number] = client.submit(
                extract_documents, chunk.new_docs, key=f"discrepancy-extract-{run}-{chunk.number}",
                pure=False, retries=2,
            )
        deps = [extraction[n] for n in chunk.needs]
        fut = client.submit(check_chunk, chunk.tasks, chunk.local_docs, *deps,
                            key=f"discrepancy-check-{run}-{chunk.number}", pure=False, retries=2)
        checking.append((chunk, fut))
        while len(checking) > window:
            done, fut = checking.popleft()
            yield _ordered(done, fut.result())
            fut.release()
    while checking:
        done, fut = checking.popleft()
        yield _ordered(done, fut.result())
        fut.release()


def connect(address: str, timeout: float = 5.0) -> Any:
    """A Client for the scheduler at ``address``, or one line saying why not."""
    try:
        from distributed import Client
    except ImportError:
        raise DiscrepancyError(
            "--scheduler needs dask.distributed (pip install 'discrepancy[dask]')"
        ) from None
    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as e:
        raise DiscrepancyError(
            f"{address}: cannot reach the Dask scheduler within {timeout:g} s "
            f"({type(e).__name__})"
        ) from None


def chunk_size_for(rows: int, workers: int, engine: str) -> int:
    """Rows per task.

    Dask: ``benchmarks/batch_scale.py`` measures a task's whole cost (scheduling,
    moving its inputs and results, on every process) from the CPU per document at
    20 and at 100 rows a task: ~28 ms of CPU a task on this 2-core machine, against
    ~3.5 ms of work a row (sources shared). Under 10% then needs 80 rows or more,
    so tasks are 80-120 rows (fewer only when too few rows would leave a worker
    idle). Local processes: a pool call costs far less, and chunks of 8 rows keep
    both processes fed while the parent reads the next wave.
    """
    per_worker = max(1, workers)
    if engine == "dask":
        return max(1, min(max(80, math.ceil(rows / (per_worker * 8))), 120,
                          math.ceil(rows / per_worker)))
    if engine == "processes":
        return max(1, min(8, math.ceil(rows / (per_worker * 4))))
    return 32


# ----------------------------------------------------------------------------- run


@dataclass(frozen=True)
class BatchSettings:
    config: Config = field(default_factory=Config)
    jobs: int = 1
    client: Any = None
    chunk_size: int | None = None
    baseline: frozenset[str] = frozenset()


def options_for_row(config: Config) -> Callable[[ManifestRow], Options]:
    from .config import parse_config

    def options(row: ManifestRow) -> Options:
        cfg = config
        if row.options:
            given = parse_config(dict(row.options), "options")
            cfg = replace(config, **{k: getattr(given, k) for k in _row_fields(row)})
        target = row.target.read_path if row.target else None
        ignored = tuple(sorted(cfg.ignored_for(target)))
        opts = cfg.options()
        return replace(opts, disabled=tuple(dict.fromkeys((*opts.disabled, *ignored))))

    return options


def _row_fields(row: ManifestRow) -> list[str]:
    return [k.replace("-", "_") for k, _ in row.options]


def fail_on_for(row: ManifestRow | None, config: Config) -> str:
    for k, v in row.options if row else ():
        if k == "fail-on":
            return str(v)
    return config.fail_on


def run_rows(rows: Sequence[ManifestRow], settings: BatchSettings) -> Iterator[RowResult]:
    """Results of ``rows`` in their order, whichever engine runs them."""
    n = len(rows)
    if settings.client is not None:
        engine, workers = "dask", max(1, len(settings.client.scheduler_info()["workers"]))
    else:
        cpus = os.cpu_count() or 1
        workers = max(1, min(settings.jobs or cpus, cpus, n))
        engine = "processes" if workers > 1 else "serial"
    size = settings.chunk_size or chunk_size_for(n, workers, engine)
    chunks = plan_chunks(rows, size, options_for_row(settings.config))
    if engine == "dask":
        results = run_dask(chunks, settings.client, window=workers * 4)
    elif engine == "processes":
        results = run_processes(chunks, workers)
    else:
        results = run_serial(chunks)
    for batch in results:
        yield from batch


def status_record(result: RowResult, kept: int, suppressed: int) -> dict[str, Any]:
    return {
        "record": "status", "id": result.id, "target": result.target,
        "sources": list(result.sources), "findings": kept, "suppressed": suppressed,
        "error": result.error,
    }


def result_records(
    result: RowResult, baseline: frozenset[str] = frozenset()
) -> list[dict[str, Any]]:
    """The output rows of one article: its findings, then its status row."""
    kept = [f for f in result.findings if f["fingerprint"] not in baseline]
    out = [{"record": "finding", "id": result.id, "target": result.target, **f} for f in kept]
    out.append(status_record(result, len(kept), len(result.findings) - len(kept)))
    return out


@dataclass
class BatchTally:
    """A batch run's counts so far: for its summary line and its exit code."""

    severities: Counter[str] = field(default_factory=Counter)
    errors: int = 0  # articles that could not be checked
    failing: int = 0  # articles with a finding at or above their fail-on
    done: int = 0

    def add(self, result: RowResult, records: Sequence[Mapping[str, Any]], fail_on: str) -> None:
        """Count one article; ``records`` are its output rows (findings, then status)."""
        kept = records[:-1]
        self.severities.update(r["severity"] for r in kept)
        self.errors += result.error is not None
        if fail_on != "never" and any(
            SEVERITY_RANK[r["severity"]] >= SEVERITY_RANK[fail_on] for r in kept
        ):
            self.failing += 1
        self.done += 1

    @property
    def exit_code(self) -> int:
        """2 if an article could not be checked, else 1 if one has findings to fail on."""
        return 2 if self.errors else int(self.failing > 0)


def dumps(record: Mapping[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))


# ----------------------------------------------------------------------------- the API


def check_manifest_frame(
    manifest: pd.DataFrame,
    options: Options | Config | None = None,
    *,
    jobs: int = 1,
    client: Any = None,
    baseline: Iterable[str] = (),
    base: str | None = None,
) -> pd.DataFrame:
    """Check a manifest held in a DataFrame; one row per finding and one status
    row per article (``record`` is ``"finding"`` or ``"status"``), in manifest order."""
    import pandas as pd

    records = [r for part in iter_manifest_frame(manifest, options, jobs=jobs, client=client,
                                                 baseline=baseline, base=base)
               for r in part.to_dict("records")]
    return pd.DataFrame(records, columns=list(COLUMNS))


def iter_manifest_frame(
    manifest: pd.DataFrame,
    options: Options | Config | None = None,
    *,
    jobs: int = 1,
    client: Any = None,
    baseline: Iterable[str] = (),
    base: str | None = None,
    rows_per_frame: int = 500,
) -> Iterator[pd.DataFrame]:
    """``check_manifest_frame`` streamed: a DataFrame per ``rows_per_frame`` articles."""
    import pandas as pd

    from .manifest import rows_from_frame

    config = _as_config(options)
    settings = BatchSettings(config=config, jobs=jobs, client=client,
                             baseline=frozenset(baseline))
    buffer: list[dict[str, Any]] = []
    done = 0
    for result in run_rows(rows_from_frame(manifest, base=base), settings):
        buffer += result_records(result, settings.baseline)
        done += 1
        if done % rows_per_frame == 0:
            yield pd.DataFrame(buffer, columns=list(COLUMNS))
            buffer = []
    if buffer:
        yield pd.DataFrame(buffer, columns=list(COLUMNS))


def check_manifest_dask(manifest: Any, options: Options | Config | None = None) -> Any:
    """A ``dask.dataframe`` of results for a manifest that lives in Dask: each
    partition is checked by ``check_manifest_frame`` (documents are shared within
    a partition, so put rows that cite the same sources together)."""
    import pandas as pd

    meta = pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS})
    return manifest.map_partitions(_check_partition, options, meta=meta)


def _check_partition(part: pd.DataFrame, options: Options | Config | None) -> pd.DataFrame:
    return check_manifest_frame(part, options).astype(object)


def _as_config(options: Options | Config | None) -> Config:
    if isinstance(options, Config):
        return options
    if options is None:
        return Config()
    return Config(tolerance=options.tolerance, min_subject_score=options.min_subject_score,
                  synonyms=options.synonyms, disable=options.disabled)


__all__ = [
    "COLUMNS", "BatchSettings", "Chunk", "RowResult", "RowTask", "check_chunk",
    "check_manifest_dask", "check_manifest_frame", "check_rows", "chunk_size_for", "connect",
    "extract_documents",
    "iter_manifest_frame", "plan_chunks", "result_records", "run_rows", "status_record",
]
