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
    (("check", "summary.txt"), "give the sources: --against SOURCE... or --links"),
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


# ------------------------------------------------------------------ config and baseline files


def test_deeply_nested_toml_is_one_line(work: Path) -> None:
    deep = "[tool.discrepancy]\nx = " + "[" * 50_000 + "]" * 50_000 + "\n"
    (work / "deep.toml").write_text(deep, encoding="utf-8")
    line = one_line_error(check("--config", "deep.toml"))
    assert "deep.toml: invalid TOML: nested too deeply" in line


def test_deeply_nested_baseline_is_one_line(work: Path) -> None:
    (work / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    line = one_line_error(check("--baseline", "deep.json"))
    assert "deep.json: baseline is nested too deeply" in line


def test_fifo_as_baseline_or_config_is_refused_without_hanging(work: Path) -> None:
    os.mkfifo(work / "pipe")  # no writer: opening it for reading would block forever
    line = one_line_error(check("--baseline", "pipe"))
    assert "pipe: is a FIFO (named pipe), not a regular file" in line
    line = one_line_error(check("--config", "pipe"))
    assert "pipe: is a FIFO (named pipe), not a regular file" in line


# ------------------------------------------------------------------ documents


def test_fifo_without_a_writer_as_input_is_refused_without_hanging(work: Path) -> None:
    os.mkfifo(work / "pipe.txt")
    line = one_line_error(run("check", "pipe.txt", "--against", "source.txt"))
    assert line == ("discrepancy: error: pipe.txt: is a FIFO (named pipe), not a regular file; "
                    "pipe it to stdin (-)")
    assert "FIFO" in one_line_error(run("extract", "pipe.txt"))


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_endless_devices_are_refused_before_reading(work: Path, device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    line = one_line_error(run("check", "summary.txt", "--against", device))
    assert f"{device}: is a character device, not a regular file" in line


def test_stdin_is_read_within_the_limit(work: Path) -> None:
    from discrepancy.text.load import MAX_BYTES

    class Endless:
        """An endless stdin that records how much was asked for."""

        asked = 0

        def read(self, n: int = -1) -> bytes:
            assert n > 0, "an unbounded read of stdin"
            Endless.asked += n
            return b"a" * n

    import sys

    from discrepancy.cli import _read_stdin

    real = sys.stdin
    sys.stdin = Endless()  # type: ignore[assignment]
    try:
        with pytest.raises(Exception, match="too large"):
            _read_stdin()
    finally:
        sys.stdin = real
    assert Endless.asked == MAX_BYTES + 1


def test_a_file_growing_past_the_limit_while_read_is_refused(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import discrepancy.text.load as load

    monkeypatch.setattr(load, "MAX_BYTES", 1000)
    (work / "big.txt").write_bytes(b"It had 3 cars. " * 200)
    real_fstat = os.fstat

    def small_when_opened(fd: int) -> os.stat_result:  # the size seen before it grew
        st = real_fstat(fd)
        return os.stat_result((st.st_mode, *st[1:6], 10, *st[7:]))

    monkeypatch.setattr(load.os, "fstat", small_when_opened)
    line = one_line_error(run("check", "big.txt", "--against", "source.txt"))
    assert "big.txt: file is too large (grew past the 20 MB limit while read)" in line


def test_a_nul_byte_anywhere_is_binary(work: Path) -> None:
    (work / "late.txt").write_bytes(b"It had 3 cars.\n" * 1000 + b"\x00" + b"It had 4 cars.\n")
    line = one_line_error(run("check", "late.txt", "--against", "source.txt"))
    assert "late.txt: binary file, not text (a NUL byte at offset 15000)" in line
    r = run("check", "-", "--against", "source.txt")
    assert r.exit_code == 2  # empty stdin
    r = CliRunner().invoke(cli, ["check", "-", "--against", "source.txt"],
                           input=b"It had 3 cars.\n" * 1000 + b"\x00")
    assert "<stdin>: binary file" in one_line_error(r)


def test_an_unreadable_subfolder_is_reported(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (work / "docs" / "locked").mkdir(parents=True)
    (work / "docs" / "a.txt").write_text(TARGET, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        # chmod 000 means nothing to root, so the kernel's answer is simulated.
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    line = one_line_error(run("check", "docs", "--against", "source.txt"))
    assert "docs/locked: cannot read this folder (Permission denied)" in line


NAV_ONLY = """<!doctype html><html><head><title>Menu</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<header><a href="/login">Log in to read more of our stories</a></header>
<footer><p>Copyright 2024 Example Media. All rights reserved.</p></footer>
</body></html>
"""


def test_html_with_navigation_only_has_no_article_text(work: Path) -> None:
    (work / "menu.html").write_text(NAV_ONLY, encoding="utf-8")
    line = one_line_error(run("check", "menu.html", "--against", "source.txt"))
    assert "menu.html: no article text found in HTML" in line
    assert "no article text" in one_line_error(run("extract", "menu.html"))


def test_html_with_an_article_and_navigation_is_read(work: Path) -> None:
    page = NAV_ONLY.replace(
        "<footer>", "<article><p>The port handled 20 million tonnes in 2023, officials "
        "said on Monday.</p></article><footer>"
    )
    (work / "page.html").write_text(page, encoding="utf-8")
    r = run("extract", "page.html", "--format", "json")
    assert r.exit_code == 0, r.output
    assert "20 million tonnes" in r.stdout


_INTERRUPT_WHILE_IMPORTING = """
import importlib.abc, os, signal, sys

SIG = getattr(signal, sys.argv[1])

class Interrupt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "discrepancy.checks.quantity":  # half-way through importing the package
            os.kill(os.getpid(), SIG)
        return None

sys.meta_path.insert(0, Interrupt())
sys.argv = ["discrepancy", "check", "x.txt", "--against", "y.txt"]
from discrepancy_cli import main
main()
"""


@pytest.mark.parametrize(("sig", "code", "word"), [
    ("SIGINT", 130, "interrupted"), ("SIGTERM", 143, "terminated"),
])
def test_signal_while_starting_is_one_line(sig: str, code: int, word: str) -> None:
    import subprocess
    import sys

    p = subprocess.run([sys.executable, "-c", _INTERRUPT_WHILE_IMPORTING, sig],
                       capture_output=True, timeout=60, check=False)
    assert p.returncode == code, p.stderr
    assert p.stderr.decode() == f"discrepancy: {word}\n"
