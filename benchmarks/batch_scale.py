"""Throughput and memory of `discrepancy batch` engines (a benchmark, not a test).

Builds a manifest of ROWS articles from the consistency dev set, read in place
(``../shared/data/consistency/dev.jsonl`` or ``$CONSISTENCY_DATA``; nothing is
copied): each row is one generated summary checked against its own source
article, passed inline as ``{"name", "text"}``. Sources come from a shared pool
(246 distinct articles in dev), as a newsroom's do; rows past the 1,564 records
reuse summaries with a trailing newline added, so every target is a distinct
document and none is skipped as a repeat.

Each engine runs in a fresh process (its own peak memory): serial, local
processes (``--jobs 2``, whose start is timed: the CLI starts them every run)
and a Dask LocalCluster of 2 worker processes, warmed up first as a standing
cluster is. It also measures one Dask task's round trip through the scheduler
and a row's work, and prints the chunk size that keeps the scheduler's share
under 10%. Every engine must produce the same output bytes (exit 1 otherwise).

    python benchmarks/batch_scale.py [--rows 2000]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "consistency" / "dev.jsonl"


def data_path(arg: str | None) -> Path:
    return Path(arg or os.environ.get("CONSISTENCY_DATA") or DEFAULT_DATA)


def manifest_rows(path: Path, rows: int) -> list[dict[str, object]]:
    with open(path, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    out: list[dict[str, object]] = []
    n = 0
    while len(out) < rows:
        rec = records[n % len(records)]
        copy = n // len(records)
        out.append({
            "id": f"{rec['id']}~{copy}",
            "target": {"name": f"summary_{n}.txt", "text": rec["claim"] + "\n" * copy},
            "sources": [{"name": f"{rec['doc_id']}.txt", "text": s} for s in rec["sources"]],
        })
        n += 1
    return out


def cpu_seconds() -> float:
    """CPU time of this process and every child it waited for (pool, Dask workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    child = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + child.ru_utime + child.ru_stime


def _cpu_now() -> float:
    """CPU time so far of this process and every live descendant (Dask workers)."""
    import psutil

    me = psutil.Process()
    total = 0.0
    for p in (me, *me.children(recursive=True)):
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.Error:
            pass
    return total


def peak_mb() -> tuple[float, float]:
    """Peak RSS of this process, and of its largest child (pool or Dask workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, child


def run_engine(engine: str, data: Path, rows: int, chunk: int | None) -> dict[str, object]:
    from discrepancy.app.batch_run import BatchSettings, dumps, result_records, run_rows
    from discrepancy.app.manifest import rows_from_records

    manifest = rows_from_records(manifest_rows(data, rows))
    digest = hashlib.sha256()
    cluster = client = None
    if engine == "dask":
        from distributed import Client, LocalCluster

        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                               dashboard_address=None, host="127.0.0.1")
        client = Client(cluster)
        client.run(_warm)  # a standing cluster's workers have imported everything already
    _warm()
    # CPU of the timed run only: a pool's processes are waited for within it, a
    # cluster's (started before) are read live, so its start-up is not counted.
    cpu = _cpu_now if engine == "dask" else cpu_seconds
    cpu_before = cpu()
    settings = BatchSettings(jobs=2 if engine == "jobs2" else 1, client=client,
                             chunk_size=chunk)
    started = time.perf_counter()
    n = findings = 0
    for result in run_rows(manifest, settings):
        records = result_records(result)
        for r in records:  # what the CLI writes, hashed instead of kept: memory stays flat
            digest.update((dumps(r) + "\n").encode("utf-8"))
        findings += len(records) - 1
        n += 1
    elapsed = time.perf_counter() - started
    cpu_used = cpu() - cpu_before
    if client is not None:
        client.close()
        cluster.close()  # type: ignore[union-attr]
    own, child = peak_mb()
    return {"engine": engine, "rows": n, "seconds": round(elapsed, 2),
            "cpu_ms_per_doc": round(1000 * cpu_used / max(n, 1), 2),
            "docs_per_s": round(n / elapsed, 1), "findings": findings,
            "peak_mb": round(own), "peak_child_mb": round(child), "sha256": digest.hexdigest()}


def dask_overhead(data: Path, rows: int) -> dict[str, float]:
    """One no-op task's round trip on a 2-worker LocalCluster, and a row's work alone."""
    from distributed import Client, LocalCluster

    from discrepancy.app.batch_run import check_chunk, extract_documents, plan_chunks
    from discrepancy.app.manifest import rows_from_records
    from discrepancy.options import Options

    manifest = rows_from_records(manifest_rows(data, rows))
    started = time.perf_counter()
    store: dict[str, object] = {}
    for chunk in plan_chunks(manifest, 50, lambda _row: Options()):
        store.update(extract_documents(chunk.new_docs))
        check_chunk(chunk.tasks, chunk.local_docs, store)  # type: ignore[arg-type]
    per_row = (time.perf_counter() - started) / len(manifest)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, host="127.0.0.1") as cluster, \
            Client(cluster) as client:
        client.gather(client.map(_noop, range(20), pure=False))  # warm up
        started = time.perf_counter()
        futures = []
        for i in range(200):  # in sequence, as a chain: the round trip, not the throughput
            futures.append(client.submit(_noop, i, pure=False))
            futures[-1].result()
        per_task = (time.perf_counter() - started) / 200
    return {"per_row_ms": per_row * 1000, "per_task_ms": per_task * 1000}


def _warm() -> None:
    from discrepancy import extract

    extract("More than 800 rail cars left Kyiv on 3 May 2023, officials said.")


def _noop(x: int) -> int:
    return x


def _run(data: Path, rows: int, engine: str, chunk: int | None) -> dict[str, object]:
    argv = [sys.executable, __file__, "--engine", engine, "--rows", str(rows),
            "--data", str(data)]
    if chunk:
        argv += ["--chunk-size", str(chunk)]
    out = subprocess.run(argv, capture_output=True, text=True, check=True, timeout=1800)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=2000)
    ap.add_argument("--data", help="dev.jsonl (default: $CONSISTENCY_DATA or ../shared/...)")
    ap.add_argument("--engine", choices=["serial", "jobs2", "dask"], help=argparse.SUPPRESS)
    ap.add_argument("--chunk-size", type=int, default=None)
    args = ap.parse_args()
    data = data_path(args.data)
    if not data.exists():
        print(f"no data at {data}; set CONSISTENCY_DATA", file=sys.stderr)
        return 2
    if args.engine:
        print(json.dumps(run_engine(args.engine, data, args.rows, args.chunk_size)))
        return 0

    print(f"{args.rows} articles, each against its own source (dev.jsonl: pool of shared "
          f"sources); {os.cpu_count()} CPUs")
    over = dask_overhead(data, min(args.rows, 300))
    ratio = over["per_task_ms"] / over["per_row_ms"]
    print(f"a row's work (extract + check, one process): {over['per_row_ms']:.1f} ms; "
          f"a Dask task round trip: {over['per_task_ms']:.1f} ms")
    print(f"by that round trip alone, overhead under 10% from {max(1, round(10 * ratio))} "
          f"rows a task")
    results = [_run(data, args.rows, engine, args.chunk_size)
               for engine in ("serial", "jobs2", "dask")]
    base = float(results[0]["docs_per_s"])  # type: ignore[arg-type]
    print(f"{'engine':<22}{'docs/s':>9}{'x serial':>10}{'seconds':>9}"
          f"{'CPU ms/doc':>11}{'peak MB':>9}{'child MB':>10}")
    names = {"serial": "serial", "jobs2": "--jobs 2", "dask": "Dask LocalCluster x2"}
    for r in results:
        rate = float(r["docs_per_s"])  # type: ignore[arg-type]
        print(f"{names[str(r['engine'])]:<22}{rate:>9.1f}{rate / base:>10.2f}"
              f"{r['seconds']:>9}{r['cpu_ms_per_doc']:>11}{r['peak_mb']:>9}"
              f"{r['peak_child_mb']:>10}")
    # A task's full cost (scheduling, moving its inputs and results, on every process)
    # from the CPU per document at two chunk sizes: cpu/doc = work + overhead / chunk.
    small, large = (_run(data, args.rows, "dask", c) for c in (20, 100))
    per_task = ((float(small["cpu_ms_per_doc"]) - float(large["cpu_ms_per_doc"]))  # type: ignore[arg-type]
                / (1 / 20 - 1 / 100))
    work = float(results[0]["cpu_ms_per_doc"])  # type: ignore[arg-type]
    print(f"Dask CPU per document: {small['cpu_ms_per_doc']} ms at 20 rows a task, "
          f"{large['cpu_ms_per_doc']} ms at 100: ~{per_task:.0f} ms CPU a task; "
          f"under 10% of the work ({work} ms a row) from {max(1, round(10 * per_task / work))} "
          f"rows a task")
    for r in results:
        rate = float(r["docs_per_s"])  # type: ignore[arg-type]
        print(f"projected for 100,000 such articles, {names[str(r['engine'])]}: "
              f"{100_000 / rate / 60:.1f} min")
    same = len({r["sha256"] for r in [*results, small, large]}) == 1
    print(f"findings: {results[0]['findings']}; identical output in every engine: {same}")
    print("load average (1, 5, 15 min) at the end: "
          + ", ".join(f"{x:.2f}" for x in os.getloadavg())
          + " (other work on the machine slows the parallel engines most)")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
