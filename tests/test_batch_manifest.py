"""`discrepancy batch MANIFEST`: per-article sources, streamed results, engines, resume."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from discrepancy.cli import cli

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "fixtures" / "pairs"
BIN = Path(sys.executable).parent / "discrepancy"
NAMES = sorted(p.name for p in PAIRS.iterdir() if p.is_dir())


def _rows() -> list[dict[str, object]]:
    """Real-looking articles: each summary against its own source plus one shared
    source (many rows cite it), and one summary listed twice."""
    shared = str(PAIRS / "rail_humber" / "source.txt")
    rows: list[dict[str, object]] = []
    for name in NAMES:
        own = str(PAIRS / name / "source.txt")
        sources = [own] if own == shared else [own, shared]
        rows.append({"id": name, "target": str(PAIRS / name / "summary_errors.txt"),
                     "sources": sources})
    rows.append({"id": "flood-again", "target": str(PAIRS / "flood_minho" / "summary_errors.txt"),
                 "sources": [str(PAIRS / "flood_minho" / "source.txt")]})
    return rows


def _write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _batch(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["batch", *args])
    return result.exit_code, result.stderr


def test_batch_writes_findings_then_a_status_row_per_article_in_manifest_order(
    tmp_path: Path,
) -> None:
    rows = _rows()
    manifest = _write_jsonl(tmp_path / "articles.jsonl", rows)
    out = tmp_path / "results.jsonl"
    code, stderr = _batch(str(manifest), "-o", str(out))
    assert code == 1  # findings at or above medium
    records = _records(out)
    statuses = [r for r in records if r["record"] == "status"]
    assert [s["id"] for s in statuses] == [r["id"] for r in rows]
    assert all(s["error"] is None for s in statuses)
    # Each article's findings come right before its status row, each with its id.
    current: list[dict[str, object]] = []
    for r in records:
        if r["record"] == "finding":
            current.append(r)
            continue
        assert {f["id"] for f in current} <= {r["id"]}
        assert r["findings"] == len(current)
        current = []
    assert any(r.get("code") == "DQ101" for r in records)
    assert not out.with_name("results.jsonl.partial").exists()
    total = sum(s["findings"] for s in statuses)
    assert f"{len(rows)} articles checked, 0 errors; {total} findings (" in stderr
    assert "articles/s" in stderr.splitlines()[-1]


def test_csv_manifest_takes_json_lists_and_semicolons(tmp_path: Path) -> None:
    rows = _rows()
    jsonl_out, csv_out = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    _batch(str(_write_jsonl(tmp_path / "m.jsonl", rows)), "-o", str(jsonl_out))
    with open(tmp_path / "m.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "target", "sources"])
        for i, r in enumerate(rows):
            srcs = r["sources"]
            assert isinstance(srcs, list)
            w.writerow([r["id"], r["target"], json.dumps(srcs) if i % 2 else ";".join(srcs)])
    code, _ = _batch(str(tmp_path / "m.csv"), "-o", str(csv_out))
    assert code == 1
    assert csv_out.read_bytes() == jsonl_out.read_bytes()


def test_bad_rows_are_status_rows_with_an_error_and_the_rest_is_checked(tmp_path: Path) -> None:
    good = _rows()[0]
    binary = ROOT / "fixtures" / "bad" / "binary.bin"
    manifest = tmp_path / "m.jsonl"
    manifest.write_text("\n".join([
        json.dumps({"id": "missing", "target": "nope.txt", "sources": good["sources"]}),
        json.dumps({"id": "binary", "target": str(binary), "sources": good["sources"]}),
        json.dumps({"id": "bad-source", "target": good["target"], "sources": ["gone.txt"]}),
        json.dumps({"id": "no-sources", "target": good["target"]}),
        "{not json",
        json.dumps({"id": "bad-option", "target": good["target"], "sources": good["sources"],
                    "options": {"tolerance": -1}}),
        json.dumps(good),
        json.dumps(good),
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "r.jsonl"
    code, stderr = _batch(str(manifest), "-o", str(out))
    assert code == 2
    statuses = [r for r in _records(out) if r["record"] == "status"]
    errors = {s["id"]: s["error"] for s in statuses}
    assert errors["missing"] == "nope.txt: no such file"
    assert errors["binary"].startswith(f"{binary}: binary file, not text")
    assert errors["bad-source"] == "gone.txt: no such file"
    assert errors["no-sources"] == "no sources"
    assert errors["#5"].startswith("line 5: not valid JSON")
    assert "tolerance must be >= 0" in str(errors["bad-option"])
    # The first row with an id is checked; a repeat of it is refused (resume needs ids).
    assert [s["id"] for s in statuses][-2:] == [good["id"], good["id"]]
    assert statuses[-2]["error"] is None and statuses[-2]["findings"] > 0
    assert statuses[-1]["error"] == f"id {good['id']!r} is repeated in the manifest"
    assert "7 errors" in stderr


def test_relative_paths_are_read_from_the_manifest_directory(tmp_path: Path) -> None:
    d = tmp_path / "day"
    d.mkdir()
    pair = PAIRS / "flood_minho"
    (d / "summary.txt").write_text((pair / "summary_errors.txt").read_text("utf-8"), "utf-8")
    (d / "source.txt").write_text((pair / "source.txt").read_text("utf-8"), "utf-8")
    _write_jsonl(d / "m.jsonl", [{"id": "a", "target": "summary.txt", "sources": ["source.txt"]}])
    out = tmp_path / "r.jsonl"
    code, _ = _batch(str(d / "m.jsonl"), "-o", str(out))
    assert code == 1
    status = _records(out)[-1]
    assert status["target"] == "summary.txt" and status["error"] is None


def test_each_distinct_document_is_extracted_once_per_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import discrepancy.app.batch_run as batch_run

    seen: list[str] = []
    real = batch_run.extract

    def counting(doc):  # type: ignore[no-untyped-def]
        seen.append(doc.text)
        return real(doc)

    monkeypatch.setattr(batch_run, "extract", counting)
    rows = _rows()
    # The shared source again under another path: the same text is the same document.
    copy = tmp_path / "copy_of_rail.txt"
    copy.write_text((PAIRS / "rail_humber" / "source.txt").read_text("utf-8"), "utf-8")
    rows.append({"id": "copy", "target": str(PAIRS / "measles_styria" / "summary_errors.txt"),
                 "sources": [str(copy)]})
    code, _ = _batch(str(_write_jsonl(tmp_path / "m.jsonl", rows)), "-o",
                     str(tmp_path / "r.jsonl"), "--chunk-size", "2")
    assert code == 1
    texts = {Path(str(p)).read_text("utf-8") for r in rows
             for p in [r["target"], *r["sources"]]}  # type: ignore[misc]
    assert len(seen) == len(set(seen)) == len(texts)


def test_jobs_give_the_same_bytes_as_one_process(tmp_path: Path) -> None:
    manifest = _write_jsonl(tmp_path / "m.jsonl", _rows() * 1)
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"r{jobs}.jsonl"
        code, _ = _batch(str(manifest), "-o", str(out), "--jobs", jobs, "--chunk-size", "2")
        assert code == 1
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_fingerprints_match_check_so_a_cli_baseline_filters_batch_results(
    tmp_path: Path,
) -> None:
    from discrepancy.app.batch import check_batch

    pair = PAIRS / "courier_strike_leeds"
    target, source = str(pair / "summary_errors.txt"), str(pair / "source.txt")
    base = tmp_path / "baseline.json"
    r = CliRunner().invoke(cli, ["check", target, "--against", source,
                                 "--write-baseline", str(base), "-f", "json"])
    assert r.exit_code == 0
    from_check = {f["fingerprint"] for f in json.loads(r.stdout)["findings"]}
    assert from_check

    rows = [{"id": "leeds", "target": target, "sources": [source]}, _rows()[1]]
    manifest = _write_jsonl(tmp_path / "m.jsonl", rows)
    unfiltered = tmp_path / "all.jsonl"
    _batch(str(manifest), "-o", str(unfiltered))
    leeds = {r["fingerprint"] for r in _records(unfiltered)
             if r["id"] == "leeds" and r["record"] == "finding"}
    assert leeds == from_check
    assert set(check_batch([target], [source]).findings["fingerprint"]) == from_check

    out = tmp_path / "new.jsonl"
    _batch(str(manifest), "-o", str(out), "--baseline", str(base))
    statuses = {r["id"]: r for r in _records(out) if r["record"] == "status"}
    assert statuses["leeds"]["findings"] == 0
    assert statuses["leeds"]["suppressed"] == len(from_check)
    assert statuses[str(rows[1]["id"])]["findings"] > 0


def test_per_row_options_apply_to_their_row_only(tmp_path: Path) -> None:
    row = _rows()[0]
    rows = [row | {"id": "quiet", "options": {"disable": ["DQ101", "DQ102", "DQ103"],
                                              "fail-on": "never"}},
            row | {"id": "loud"}]
    out = tmp_path / "r.jsonl"
    code, _ = _batch(str(_write_jsonl(tmp_path / "m.jsonl", rows)), "-o", str(out))
    assert code == 1
    codes = {(r["id"], r["code"]) for r in _records(out) if r["record"] == "finding"}
    assert ("loud", "DQ101") in codes
    assert not {c for i, c in codes if i == "quiet"} & {"DQ101", "DQ102", "DQ103"}
    code, _ = _batch(str(_write_jsonl(tmp_path / "q.jsonl", rows[:1])), "-o", str(out))
    assert code == 0  # its own fail-on never


def test_results_on_stdout_without_output_and_no_progress_bar_off_a_tty(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["batch", str(_write_jsonl(tmp_path / "m.jsonl",
                                                                _rows()[:2]))])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert json.loads(lines[-1])["record"] == "status"
    assert result.stderr.count("\n") == 1 and "articles/s" in result.stderr


def test_progress_line_shows_rate_and_eta() -> None:
    from discrepancy.cli.batch import progress_line

    line = progress_line(50, 200, 10.0)
    assert "50/200 articles" in line and "5.0/s" in line and "ETA 00:30" in line


def test_unknown_formats_are_usage_errors(tmp_path: Path) -> None:
    m = tmp_path / "m.txt"
    m.write_text("x", "utf-8")
    code, stderr = _batch(str(m))
    assert code == 2 and "unknown manifest format" in stderr
    code, stderr = _batch(str(_write_jsonl(tmp_path / "m.jsonl", _rows()[:1])),
                          "-o", str(tmp_path / "r.csv"))
    assert code == 2 and "JSONL (.jsonl) or Parquet (.parquet)" in stderr


# ----------------------------------------------------------------------------- resume


def _big_manifest(tmp_path: Path, copies: int) -> Path:
    rows = []
    for n in range(copies):
        for r in _rows():
            rows.append(r | {"id": f"{r['id']}-{n}"})
    return _write_jsonl(tmp_path / "big.jsonl", rows)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_a_killed_run_resumed_loses_nothing_and_duplicates_nothing(
    tmp_path: Path, sig: signal.Signals
) -> None:
    manifest = _big_manifest(tmp_path, 12)
    whole = tmp_path / "whole.jsonl"
    code, _ = _batch(str(manifest), "-o", str(whole))
    assert code == 1

    out = tmp_path / "r.jsonl"
    partial = tmp_path / "r.jsonl.partial"
    proc = subprocess.Popen([str(BIN), "batch", str(manifest), "-o", str(out),
                             "--chunk-size", "1"], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    try:
        # Kill once some articles are written but (the run being ~2 s) not all.
        while time.monotonic() < deadline:
            if partial.exists() and partial.read_text("utf-8").count('"record": "status"') >= 3:
                break
            assert proc.poll() is None, "the run ended before it could be killed"
            time.sleep(0.01)
        proc.send_signal(sig)
        _, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if sig == signal.SIGINT:
        assert proc.returncode == 130
        assert "rerun with --resume" in stderr
    assert not out.exists() and partial.exists()
    done_before = partial.read_text("utf-8").count('"record": "status"')
    assert 0 < done_before < len(_records(manifest))

    code, stderr = _batch(str(manifest), "-o", str(out), "--resume")
    assert code == 1
    assert "already done" in stderr
    assert out.read_bytes() == whole.read_bytes()


def test_resume_of_a_finished_output_checks_only_new_rows(tmp_path: Path) -> None:
    rows = _rows()
    out = tmp_path / "r.jsonl"
    _batch(str(_write_jsonl(tmp_path / "m.jsonl", rows[:3])), "-o", str(out))
    code, stderr = _batch(str(_write_jsonl(tmp_path / "m.jsonl", rows)), "-o", str(out),
                          "--resume")
    assert code == 1 and "3 already done" in stderr
    whole = tmp_path / "whole.jsonl"
    _batch(str(tmp_path / "m.jsonl"), "-o", str(whole))
    assert out.read_bytes() == whole.read_bytes()


# ----------------------------------------------------------------------------- Parquet


def test_parquet_manifest_and_output(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow", reason="Parquet needs pyarrow (the parquet extra)")
    import pyarrow.parquet as pq

    rows = _rows()
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "m.parquet")
    jsonl = tmp_path / "r.jsonl"
    _batch(str(_write_jsonl(tmp_path / "m.jsonl", rows)), "-o", str(jsonl))
    out = tmp_path / "r.parquet"
    code, _ = _batch(str(tmp_path / "m.parquet"), "-o", str(out))
    assert code == 1
    table = pq.read_table(out).to_pylist()
    expected = _records(jsonl)
    assert len(table) == len(expected)
    for got, want in zip(table, expected, strict=True):
        assert {k: v for k, v in got.items() if k in want} == want


def test_parquet_output_resumed_with_new_rows_equals_a_fresh_run(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow", reason="Parquet needs pyarrow (the parquet extra)")
    import pyarrow.parquet as pq

    rows = _rows()
    out = tmp_path / "r.parquet"
    _batch(str(_write_jsonl(tmp_path / "m.jsonl", rows[:2])), "-o", str(out))
    code, stderr = _batch(str(_write_jsonl(tmp_path / "m.jsonl", rows)), "-o", str(out),
                          "--resume")
    assert code == 1 and "2 already done" in stderr
    fresh = tmp_path / "fresh.parquet"
    _batch(str(tmp_path / "m.jsonl"), "-o", str(fresh))
    assert pq.read_table(out).to_pylist() == pq.read_table(fresh).to_pylist()


# ----------------------------------------------------------------------------- API


def test_dataframe_api_returns_what_the_cli_writes(tmp_path: Path) -> None:
    import pandas as pd

    from discrepancy.app.batch_run import check_manifest_frame, iter_manifest_frame

    rows = _rows()
    out = tmp_path / "r.jsonl"
    _batch(str(_write_jsonl(tmp_path / "m.jsonl", rows)), "-o", str(out))
    expected = _records(out)
    frame = check_manifest_frame(pd.DataFrame(rows))
    assert list(frame["record"]) == [r["record"] for r in expected]
    assert list(frame["fingerprint"].dropna()) == [r["fingerprint"] for r in expected
                                                   if r["record"] == "finding"]
    parts = list(iter_manifest_frame(pd.DataFrame(rows), rows_per_frame=2))
    assert len(parts) == 4
    assert pd.concat(parts, ignore_index=True).equals(frame)


def test_inline_documents_in_a_dataframe_need_no_files() -> None:
    import pandas as pd

    from discrepancy.app.batch_run import check_manifest_frame

    pair = PAIRS / "flood_minho"
    rows = [{"id": "x",
             "target": {"name": "summary_errors.txt",
                        "text": (pair / "summary_errors.txt").read_text("utf-8")},
             "sources": [{"name": "source.txt", "text": (pair / "source.txt").read_text("utf-8")}]},
            {"id": "y", "target": str(pair / "summary_errors.txt"),
             "sources": [str(pair / "source.txt")]}]
    frame = check_manifest_frame(pd.DataFrame(rows))
    x = frame[(frame["id"] == "x") & (frame["record"] == "finding")]
    y = frame[(frame["id"] == "y") & (frame["record"] == "finding")]
    assert len(x) > 0
    assert list(x["fingerprint"]) == list(y["fingerprint"])


def test_dask_dataframe_entry_point_matches_pandas() -> None:
    dd = pytest.importorskip("dask.dataframe", reason="needs dask")
    import pandas as pd

    from discrepancy.app.batch_run import check_manifest_dask, check_manifest_frame

    manifest = pd.DataFrame(_rows())
    expected = check_manifest_frame(manifest)
    import dask

    with dask.config.set(scheduler="synchronous"):
        got = check_manifest_dask(dd.from_pandas(manifest, npartitions=2)).compute()
    assert list(got["fingerprint"].dropna()) == list(expected["fingerprint"].dropna())
    assert list(got["id"]) == list(expected["id"])


# ----------------------------------------------------------------------------- Dask


def _worker(address: str, name: str) -> subprocess.Popen[bytes]:
    dask = Path(sys.executable).parent / "dask"
    return subprocess.Popen(
        [str(dask), "worker", address, "--nthreads", "1", "--no-dashboard",
         "--host", "127.0.0.1", "--name", name],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)


def _start_cluster(
    tmp_path: Path, workers: int = 2
) -> tuple[str, list[subprocess.Popen[bytes]]]:
    dask = Path(sys.executable).parent / "dask"
    info = tmp_path / "scheduler.json"
    sched = subprocess.Popen([str(dask), "scheduler", "--host", "127.0.0.1", "--port", "0",
                              "--no-dashboard", "--scheduler-file", str(info)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    procs = [sched]
    deadline = time.monotonic() + 60
    while not info.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert info.exists(), "the scheduler did not start"
    address = json.loads(info.read_text("utf-8"))["address"]
    for _ in range(workers):
        procs.append(_worker(address, f"w{len(procs)}"))
    from distributed import Client

    with Client(address, timeout=30) as client:
        client.wait_for_workers(workers, timeout=60)
    return address, procs


def _stop(procs: list[subprocess.Popen[bytes]]) -> None:
    for p in reversed(procs):
        if p.poll() is None:
            p.terminate()
    for p in procs:
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def test_a_dask_scheduler_and_workers_give_the_same_bytes(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="needs dask.distributed (the dask extra)")
    manifest = _big_manifest(tmp_path, 2)
    serial = tmp_path / "serial.jsonl"
    _batch(str(manifest), "-o", str(serial))
    address, procs = _start_cluster(tmp_path)
    try:
        out = tmp_path / "dask.jsonl"
        run = subprocess.run([str(BIN), "batch", str(manifest), "-o", str(out),
                              "--scheduler", address, "--chunk-size", "3"],
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 1, run.stderr
        assert out.read_bytes() == serial.read_bytes()
        # A second run on the same cluster: nothing left over breaks it.
        again = tmp_path / "again.jsonl"
        run = subprocess.run([str(BIN), "batch", str(manifest), "-o", str(again),
                              "--scheduler", address],
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 1, run.stderr
        assert again.read_bytes() == serial.read_bytes()
    finally:
        _stop(procs)


def test_an_unreachable_scheduler_is_one_line_and_exit_2_within_seconds(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="needs dask.distributed (the dask extra)")
    manifest = _write_jsonl(tmp_path / "m.jsonl", _rows()[:1])
    started = time.monotonic()
    run = subprocess.run([str(BIN), "batch", str(manifest), "-o", str(tmp_path / "r.jsonl"),
                          "--scheduler", "tcp://127.0.0.1:9"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert time.monotonic() - started < 20
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot reach the Dask scheduler" in lines[0]


def test_a_dask_worker_killed_mid_run_loses_nothing(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="needs dask.distributed (the dask extra)")
    manifest = _big_manifest(tmp_path, 16)
    serial = tmp_path / "serial.jsonl"
    _batch(str(manifest), "-o", str(serial))
    address, procs = _start_cluster(tmp_path)
    out = tmp_path / "dask.jsonl"
    partial = tmp_path / "dask.jsonl.partial"
    try:
        run = subprocess.Popen([str(BIN), "batch", str(manifest), "-o", str(out),
                                "--scheduler", address, "--chunk-size", "1"],
                               stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and run.poll() is None:
            if partial.exists() and partial.read_text("utf-8").count('"record": "status"') >= 2:
                break
            time.sleep(0.01)
        assert run.poll() is None, "the run ended before a worker could be killed"
        procs[1].kill()  # one of the two workers, with the tasks and sources it held
        _, stderr = run.communicate(timeout=120)
        assert run.returncode == 1, stderr
        assert out.read_bytes() == serial.read_bytes()
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
        _stop(procs)


def test_progress_bar_without_tqdm_draws_on_stderr(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from discrepancy.cli.batch import Progress

    monkeypatch.setitem(sys.modules, "tqdm", None)  # as if tqdm were not installed
    bar = Progress(4, enabled=True)
    for _ in range(4):
        bar.update(1)
    bar.close()
    err = capsys.readouterr().err
    assert "4/4 articles" in err and "/s" in err and "ETA" in err
    off = Progress(4, enabled=False)
    off.update(4)
    off.close()
    assert capsys.readouterr().err == ""


def test_a_killed_pool_process_stops_the_run_resumably(tmp_path: Path) -> None:
    psutil = pytest.importorskip("psutil", reason="finds the pool's processes")
    manifest = _big_manifest(tmp_path, 12)
    whole = tmp_path / "whole.jsonl"
    _batch(str(manifest), "-o", str(whole))
    out = tmp_path / "r.jsonl"
    partial = tmp_path / "r.jsonl.partial"
    proc = subprocess.Popen([str(BIN), "batch", str(manifest), "-o", str(out), "--jobs", "2",
                             "--chunk-size", "1"], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if partial.exists() and partial.read_text("utf-8").count('"record": "status"') >= 2:
                break
            time.sleep(0.01)
        children = psutil.Process(proc.pid).children()
        assert proc.poll() is None and children, "the run ended before it could be hurt"
        for child in children:  # the pool's workers (and a forkserver, where there is one)
            child.kill()
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 2
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "rerun with --resume" in lines[0], stderr
    assert "BrokenProcessPool" in lines[0]
    code, _ = _batch(str(manifest), "-o", str(out), "--resume")
    assert code == 1
    assert out.read_bytes() == whole.read_bytes()


def test_losing_every_dask_worker_while_a_new_one_comes_loses_nothing(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="needs dask.distributed (the dask extra)")
    manifest = _big_manifest(tmp_path, 16)
    serial = tmp_path / "serial.jsonl"
    _batch(str(manifest), "-o", str(serial))
    address, procs = _start_cluster(tmp_path, workers=1)
    out = tmp_path / "dask.jsonl"
    partial = tmp_path / "dask.jsonl.partial"
    run = subprocess.Popen([str(BIN), "batch", str(manifest), "-o", str(out),
                            "--scheduler", address, "--chunk-size", "1"],
                           stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and run.poll() is None:
            if partial.exists() and partial.read_text("utf-8").count('"record": "status"') >= 2:
                break
            time.sleep(0.01)
        assert run.poll() is None, "the run ended before its worker could be killed"
        procs[1].kill()  # the only worker: every extracted source it held is gone
        procs[1].wait()
        procs.append(_worker(address, "replacement"))
        _, stderr = run.communicate(timeout=120)
        assert run.returncode == 1, stderr
        assert out.read_bytes() == serial.read_bytes()
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
        _stop(procs)


def test_a_killed_scheduler_is_one_line_exit_2_and_the_output_resumes(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="needs dask.distributed (the dask extra)")
    manifest = _big_manifest(tmp_path, 16)
    serial = tmp_path / "serial.jsonl"
    _batch(str(manifest), "-o", str(serial))
    address, procs = _start_cluster(tmp_path, workers=1)
    out = tmp_path / "dask.jsonl"
    partial = tmp_path / "dask.jsonl.partial"
    run = subprocess.Popen([str(BIN), "batch", str(manifest), "-o", str(out),
                            "--scheduler", address, "--chunk-size", "1"],
                           stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and run.poll() is None:
            if partial.exists() and partial.read_text("utf-8").count('"record": "status"') >= 2:
                break
            time.sleep(0.01)
        assert run.poll() is None, "the run ended before the scheduler could be killed"
        procs[0].kill()
        _, stderr = run.communicate(timeout=60)
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
        _stop(procs)
    assert run.returncode == 2
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "rerun with --resume" in lines[0], stderr
    code, _ = _batch(str(manifest), "-o", str(out), "--resume")
    assert code == 1
    assert out.read_bytes() == serial.read_bytes()


def test_documents_only_one_chunk_cites_are_not_kept_for_the_run() -> None:
    from discrepancy.app.batch_run import plan_chunks
    from discrepancy.app.manifest import rows_from_records
    from discrepancy.options import Options

    rows = rows_from_records(_rows())
    chunks = list(plan_chunks(rows, 2, lambda _row: Options()))
    kept = [d.path for c in chunks for _, d in c.new_docs]
    local = [d.path for c in chunks for _, d in c.local_docs]
    shared = str(PAIRS / "rail_humber" / "source.txt")
    flood = str(PAIRS / "flood_minho" / "summary_errors.txt")
    # Kept: the source every row cites and the summary listed twice (rows 3 and 7).
    assert shared in kept and flood in kept
    # Dropped with their chunk: every other summary and every source cited once.
    assert str(PAIRS / "measles_styria" / "summary_errors.txt") in local
    assert str(PAIRS / "measles_styria" / "source.txt") in local
    assert len(kept) + len(local) == len(set(kept + local))  # each extracted once


def _stderr_on_a_terminal(args: list[str]) -> tuple[int, str]:
    """Run the CLI with stderr on a pseudo-terminal, as a user at a shell sees it."""
    import pty

    main, replica = pty.openpty()
    proc = subprocess.Popen([str(BIN), *args], stdout=subprocess.DEVNULL, stderr=replica)
    os.close(replica)
    chunks = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            data = os.read(main, 65536)
        except OSError:  # the terminal closes when the process ends
            break
        if not data:
            break
        chunks.append(data)
    os.close(main)
    return proc.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_bar_on_a_terminal_and_none_with_quiet(tmp_path: Path) -> None:
    manifest = str(_write_jsonl(tmp_path / "m.jsonl", _rows()))
    out = str(tmp_path / "r.jsonl")
    code, err = _stderr_on_a_terminal(["batch", manifest, "-o", out])
    assert code == 1
    assert f"{len(_rows())}/{len(_rows())}" in err  # the bar reached the end
    assert "articles checked" in err
    code, err = _stderr_on_a_terminal(["batch", manifest, "-o", out, "--quiet"])
    assert code == 1
    assert f"/{len(_rows())}" not in err
    assert err.strip().count("\n") == 0 and "articles checked" in err


def test_a_crash_on_one_article_is_its_error_row_and_the_rest_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    import discrepancy.app.batch_run as batch_run

    check = importlib.import_module("discrepancy.checks.engine")  # not the function `check`
    real_check, real_extract = check.check_extracted, batch_run.extract

    def crash_on_measles(target, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "measles" in str(target.path):
            raise ValueError("boom")
        return real_check(target, *args, **kwargs)

    def crash_on_wildfire(doc):  # type: ignore[no-untyped-def]
        if "wildfire_cedar_hollow/summary" in str(doc.path):
            raise ValueError("bang")
        return real_extract(doc)

    monkeypatch.setattr(check, "check_extracted", crash_on_measles)
    monkeypatch.setattr(batch_run, "extract", crash_on_wildfire)
    out = tmp_path / "r.jsonl"
    code, stderr = _batch(str(_write_jsonl(tmp_path / "m.jsonl", _rows())), "-o", str(out))
    assert code == 2 and "2 errors" in stderr
    errors = {r["id"]: r["error"] for r in _records(out) if r["record"] == "status"}
    assert errors["measles_styria"] == "internal error: ValueError: boom"
    assert "cannot extract (ValueError: bang)" in str(errors["wildfire_cedar_hollow"])
    assert sum(e is None for e in errors.values()) == len(errors) - 2
