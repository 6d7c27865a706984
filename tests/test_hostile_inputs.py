"""Bad input of every kind is one clear line on stderr and exit 2, never a
traceback, a hang or a MemoryError: flags, config and baseline files, odd files.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from discrepancy.cli import cli, worker_count

TARGET = "The port handled 20 million tonnes on January 5, 2024.\n"
SOURCE = "The port handled 2 million tonnes on January 5, 2024.\n"


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DISCREPANCY_DEBUG", raising=False)
    (tmp_path / "summary.txt").write_text(TARGET, encoding="utf-8")
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def check(*args: str) -> Result:
    return run("check", "summary.txt", "--against", "source.txt", *args)


def one_line_error(r: Result) -> str:
    assert r.exit_code == 2, (r.exit_code, r.output)
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("discrepancy: error: ")
    assert r.stdout == ""
    return lines[0]


@pytest.mark.parametrize(("args", "says"), [
    (("check", "summary.txt"), "Missing option '--against'"),
    (("check", "--against", "source.txt"), "Missing argument 'TARGET...'"),
    (("check", "summary.txt", "--against", "source.txt", "--format", "xml"), "'xml' is not one"),
    (("check", "summary.txt", "--against", "source.txt", "--bogus"), "No such option"),
    (("nonsense",), "No such command 'nonsense'"),
    (("compare", "summary.txt"), "compare needs at least two documents"),
    (("extract",), "Missing argument 'ARTICLE'"),
])
def test_usage_errors_are_one_line_without_the_usage_block(
    work: Path, args: tuple[str, ...], says: str
) -> None:
    line = one_line_error(run(*args))
    assert says in line
    assert "--help" in line  # where to read more, instead of click's usage block


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-1", "1e400"])
def test_tolerance_must_be_a_finite_non_negative_number(work: Path, value: str) -> None:
    assert "'--tolerance'" in one_line_error(check("--tolerance", value))
    r = run("compare", "summary.txt", "source.txt", "--tolerance", value)
    assert "'--tolerance'" in one_line_error(r)


@pytest.mark.parametrize("value", ["nan", "101", "-0.5"])
def test_min_subject_score_must_be_0_to_100(work: Path, value: str) -> None:
    assert "'--min-subject-score'" in one_line_error(check("--min-subject-score", value))


@pytest.mark.parametrize(("key", "value"), [
    ("tolerance", "nan"), ("tolerance", "inf"), ("min-subject-score", "nan"),
    ("min-subject-score", "-inf"),
])
def test_config_nan_and_inf_are_refused_naming_the_key(work: Path, key: str, value: str) -> None:
    (work / "pyproject.toml").write_text(f"[tool.discrepancy]\n{key} = {value}\n", "utf-8")
    line = one_line_error(check())
    assert f"pyproject.toml: {key} must be a finite number; got" in line


@pytest.mark.parametrize("jobs", ["100000000000000000000", "64", "0"])
def test_absurd_jobs_are_capped_not_a_crash(work: Path, jobs: str) -> None:
    r = check("--jobs", jobs, "-f", "json")
    assert r.exit_code == 1, r.output
    assert r.stdout == check("-f", "json").stdout


def test_worker_count_is_capped_at_cpus_and_targets() -> None:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert worker_count(10**20, 3) == min(3, cpus or 1)
    assert worker_count(64, 1) == 1
    assert worker_count(0, 1000) == cpus
    assert worker_count(1, 1000) == 1


def test_negative_jobs_is_a_usage_error(work: Path) -> None:
    assert "'--jobs'" in one_line_error(check("--jobs", "-3"))
