from pathlib import Path

from discrepancy.app.batch import check_batch
from discrepancy.app.frames import claims_frame

ROOT = Path(__file__).resolve().parent.parent
SUMMARY = ROOT / "seeds" / "000_49d02485ee17d19b.txt"
SOURCE = ROOT / "seeds" / "004_1f1aacc786a3892f.txt"


def test_batch_checks_every_target_in_order_and_reports_bad_ones(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = check_batch([SUMMARY, empty, SOURCE], [SOURCE])
    assert result.targets == 3
    assert result.errors == ((str(empty), f"{empty}: file is empty"),)
    assert list(dict.fromkeys(result.findings["target"])) == [str(SUMMARY)]
    assert (result.findings["code"] == "DQ101").any()


def test_batch_in_a_process_pool_gives_the_same_rows() -> None:
    serial = check_batch([SUMMARY, SUMMARY], [SOURCE])
    pooled = check_batch([SUMMARY, SUMMARY], [SOURCE], workers=2)
    assert serial.findings.equals(pooled.findings)


def test_claims_frame_has_one_row_per_claim() -> None:
    import discrepancy

    claims = discrepancy.extract(SUMMARY.read_text(encoding="utf-8"))
    frame = claims_frame(claims)
    assert len(frame) == len(claims)
    row = frame[frame["text"].str.contains("20 million")].iloc[0]
    assert row["category"] == "quantity" and row["low"] == 20_000_000


def test_batch_on_a_dask_cluster_gives_the_same_rows() -> None:
    from distributed import Client, LocalCluster

    serial = check_batch([SUMMARY, SOURCE], [SOURCE])
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        clustered = check_batch([SUMMARY, SOURCE], [SOURCE], client=client)
    assert serial.findings.equals(clustered.findings)
    assert clustered.errors == serial.errors


def test_cli_jobs_give_the_same_report_as_one_process(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from discrepancy.cli import cli

    pairs = ROOT / "fixtures" / "pairs"
    targets = [str(p / "summary_errors.txt") for p in sorted(pairs.iterdir()) if p.is_dir()]
    sources = [str(p / "source.txt") for p in sorted(pairs.iterdir()) if p.is_dir()]
    runs = [
        CliRunner().invoke(cli, ["check", *targets, "--against", *sources, "--format", "json",
                                 "--jobs", jobs])
        for jobs in ("1", "2")
    ]
    assert [r.exit_code for r in runs] == [1, 1]
    assert runs[0].output == runs[1].output
    assert '"code": "DQ101"' in runs[0].output


def test_batch_reports_progress_in_every_mode() -> None:
    for workers in (1, 2):
        seen: list[tuple[int, int]] = []
        check_batch([SUMMARY, SOURCE, SUMMARY], [SOURCE], on_done=lambda i, n, seen=seen:
                    seen.append((i, n)), workers=workers)
        assert seen == [(1, 3), (2, 3), (3, 3)]
