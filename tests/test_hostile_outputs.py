"""Nothing a path or a signal can do destroys a file: --output and --write-baseline
refuse what must not be replaced, writes are atomic, interrupts leave nothing behind.

Each case runs in a temp dir, as a user would meet it: the exit code, the one
line on stderr, and the files that must be untouched.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from discrepancy.cli import cli

TARGET = "The port handled 20 million tonnes on January 5, 2024.\n"
SOURCE = "The port handled 2 million tonnes on January 5, 2024.\n"


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DISCREPANCY_DEBUG", raising=False)
    (tmp_path / "summary.txt").write_text(TARGET, encoding="utf-8")
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    return tmp_path


def check(*args: str) -> Result:
    return CliRunner().invoke(cli, ["check", "summary.txt", "--against", "source.txt", *args])


def one_line_error(r: Result) -> str:
    assert r.exit_code == 2, (r.exit_code, r.output)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("discrepancy: error: ")
    assert "Traceback" not in r.stderr
    return lines[0]


def no_temp_files(directory: Path) -> bool:
    return not [p for p in directory.iterdir() if p.name.endswith(".tmp")]


CONFIG = '[tool.discrepancy]\nfail-on = "high"\n'


def test_output_over_the_found_config_is_refused(work: Path) -> None:
    (work / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    line = one_line_error(check("-o", "pyproject.toml"))
    assert "pyproject.toml is the config in use; refusing" in line
    assert (work / "pyproject.toml").read_text("utf-8") == CONFIG


def test_output_over_the_named_config_is_refused(work: Path) -> None:
    (work / "my.toml").write_text(CONFIG, encoding="utf-8")
    line = one_line_error(check("--config", "my.toml", "-f", "json", "-o", "./my.toml"))
    assert "is the config in use" in line
    assert (work / "my.toml").read_text("utf-8") == CONFIG


def test_compare_output_over_the_config_is_refused(work: Path) -> None:
    (work / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    r = CliRunner().invoke(cli, ["compare", "summary.txt", "source.txt", "-o", "pyproject.toml"])
    assert "is the config in use" in one_line_error(r)
    assert (work / "pyproject.toml").read_text("utf-8") == CONFIG


def test_output_over_the_baseline_in_use_is_refused(work: Path) -> None:
    assert check("--write-baseline", "base.json").exit_code == 0
    before = (work / "base.json").read_bytes()
    line = one_line_error(check("--baseline", "base.json", "-o", "base.json"))
    assert "is the baseline in use" in line
    line = one_line_error(check("--baseline", "base.json", "--write-baseline", "base.json"))
    assert "is the baseline in use" in line
    assert (work / "base.json").read_bytes() == before


def test_output_to_a_symlink_is_refused_and_the_link_kept(work: Path) -> None:
    (work / "real.json").write_text("keep", encoding="utf-8")
    (work / "link.json").symlink_to("real.json")
    line = one_line_error(check("-o", "link.json"))
    assert "link.json is a symbolic link; refusing" in line
    assert (work / "link.json").is_symlink()
    assert (work / "real.json").read_text("utf-8") == "keep"
    assert no_temp_files(work)


def test_output_to_a_dangling_symlink_is_refused(work: Path) -> None:
    (work / "link.json").symlink_to("nowhere.json")
    assert "symbolic link" in one_line_error(check("-o", "link.json"))
    assert (work / "link.json").is_symlink() and not (work / "nowhere.json").exists()


def test_output_to_a_fifo_is_refused_and_the_fifo_kept(work: Path) -> None:
    os.mkfifo(work / "pipe")
    line = one_line_error(check("-f", "json", "-o", "pipe"))
    assert "pipe is a FIFO (named pipe), not a regular file; refusing" in line
    assert stat.S_ISFIFO(os.lstat(work / "pipe").st_mode)


def test_write_baseline_to_a_fifo_is_refused(work: Path) -> None:
    os.mkfifo(work / "pipe")
    assert "FIFO" in one_line_error(check("--write-baseline", "pipe"))
    assert stat.S_ISFIFO(os.lstat(work / "pipe").st_mode)


def test_output_to_a_device_node_is_refused_and_the_node_kept(work: Path) -> None:
    # A clone of /dev/full: replacing it would turn the device into a file (as root,
    # -o /dev/full would have replaced the system's).
    try:
        os.mknod(work / "full", stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except (PermissionError, OSError) as e:
        pytest.skip(f"cannot create a device node here ({e})")
    line = one_line_error(check("-f", "json", "-o", "full"))
    assert "full is a character device, not a regular file; refusing" in line
    assert stat.S_ISCHR(os.lstat(work / "full").st_mode)


def test_output_to_dev_null_is_discarded_not_replaced(work: Path) -> None:
    before = os.stat(os.devnull)
    r = check("-f", "json", "-o", os.devnull)
    assert r.exit_code == 1 and r.stdout == "" and r.stderr == ""
    after = os.stat(os.devnull)
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (
        before.st_ino, before.st_rdev)
    assert "give a file name" in one_line_error(check("--write-baseline", os.devnull))


def test_output_to_dev_stdout_and_dash_write_the_stream(work: Path) -> None:
    expected = check("-f", "json").stdout
    assert expected.startswith("{")
    for name in ("-", "/dev/stdout"):
        r = check("-f", "json", "-o", name)
        assert r.exit_code == 1, r.output
        assert r.stdout == expected


def test_output_to_a_regular_file_still_replaces_it(work: Path) -> None:
    (work / "report.json").write_text("old", encoding="utf-8")
    os.chmod(work / "report.json", 0o640)
    assert check("-o", "report.json").exit_code == 1
    assert (work / "report.json").read_text("utf-8").startswith("{")
    assert stat.S_IMODE(os.stat(work / "report.json").st_mode) == 0o640
    assert no_temp_files(work)


_KILLED_WRITER = """
import os, signal, sys
from discrepancy.app.atomic import atomic_write
def write(fh):
    fh.write(b"half a report")
    fh.flush()
    os.kill(os.getpid(), signal.SIGKILL)
atomic_write(sys.argv[1], write)
"""


def test_sigkill_while_writing_leaves_no_temp_file_and_the_old_report(tmp_path: Path) -> None:
    (tmp_path / "report.json").write_text("old", encoding="utf-8")
    p = subprocess.run([sys.executable, "-c", _KILLED_WRITER, str(tmp_path / "report.json")],
                       check=False)
    assert p.returncode == -signal.SIGKILL
    assert (tmp_path / "report.json").read_text("utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def _discrepancy(*args: str, **kw: object) -> subprocess.Popen[bytes]:
    # The console script's entry point, which handles a signal even while importing:
    # on a loaded machine the signal below may arrive before the run has started.
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    env.pop("DISCREPANCY_DEBUG", None)
    return subprocess.Popen(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-c", "from discrepancy_cli import main; main()", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, **kw,
    )


@pytest.mark.parametrize(("sig", "code", "word"), [
    (signal.SIGTERM, 143, "terminated"), (signal.SIGINT, 130, "interrupted"),
])
def test_signal_while_waiting_is_one_line_and_touches_nothing(
    work: Path, sig: int, code: int, word: str
) -> None:
    (work / "report.json").write_text("old", encoding="utf-8")
    # Reading the target from a stdin nobody writes to: the run waits until signalled.
    p = _discrepancy("check", "-", "--against", "source.txt", "-o", "report.json",
                     stdin=subprocess.PIPE, cwd=work)
    time.sleep(2.0)
    p.send_signal(sig)
    _out, err = p.communicate(timeout=30)
    assert p.returncode == code, err
    assert err.decode().strip() == f"discrepancy: {word}"
    assert (work / "report.json").read_text("utf-8") == "old"
    assert no_temp_files(work)


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(x) for x in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"  # a zombie is dead, waiting for init to reap it


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL, signal.SIGINT])
def test_workers_die_with_the_parent(work: Path, sig: int) -> None:
    body = (work / "summary.txt").read_text("utf-8") * 400
    for i in range(6):
        (work / f"t{i}.txt").write_text(body, encoding="utf-8")
    p = _discrepancy("check", *[f"t{i}.txt" for i in range(6)], "--against", "source.txt",
                     "-j", "2", "-f", "json", "-o", "out.json", cwd=work)
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2 and p.poll() is None:
        workers = _children(p.pid)  # no sleep: signal at the first sight of the workers
    if len(workers) < 2:
        p.kill()
        pytest.skip("the run ended before its workers could be seen")
    # Sent as soon as the workers exist: often while they are still being forked, where
    # a signal's exception used to be swallowed by an at-fork hook (the run went on).
    p.send_signal(sig)
    _out, err = p.communicate(timeout=30)
    if sig != signal.SIGKILL:
        code, word = (143, "terminated") if sig == signal.SIGTERM else (130, "interrupted")
        assert p.returncode == code and err.decode() == f"discrepancy: {word}\n", err
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.05)
    assert not [w for w in workers if _alive(w)]
    assert not (work / "out.json").exists()
    assert no_temp_files(work)


def test_a_report_holds_at_most_1000_findings_per_target_and_says_so(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    import discrepancy.report.records as records

    (work / "numbers.txt").write_text(
        "\n".join(f"It had {i + 3} ships." for i in range(30)) + "\n", encoding="utf-8")
    full = CliRunner().invoke(cli, ["check", "numbers.txt", "--against", "source.txt",
                                    "-f", "json"])
    n = json.loads(full.stdout)["summary"]["findings"]
    assert n >= 20 and "over_limit" not in json.loads(full.stdout)["summary"]
    monkeypatch.setattr(records, "MAX_FINDINGS_PER_TARGET", 10)
    args = ["check", "numbers.txt", "--against", "source.txt"]
    r = CliRunner().invoke(cli, [*args, "-f", "json"])
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert len(data["findings"]) == 10
    assert data["summary"]["findings"] == 10
    assert data["summary"]["over_limit"] == n - 10
    table = CliRunner().invoke(cli, args)
    assert table.stdout.splitlines()[-1].endswith(
        f"({n - 10} more not shown: over the limit of 10 findings per target)")


@pytest.mark.parametrize("name", ["/dev/stdout", "/dev/stderr", "/dev/fd/1"])
def test_write_baseline_to_a_stream_name_is_refused(work: Path, name: str) -> None:
    # atomic_write would rename a temp file over the /dev entry (as root, it could).
    assert "give a file name, not a stream" in one_line_error(check("--write-baseline", name))


def test_a_comparison_limit_reached_is_named_in_the_report(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    import discrepancy.text.similarity as compare_dates

    story = "".join(
        f"Dockers in Harwich walked out on March {i + 1}, 2024, the union said.\n"
        f"Grain barges in Tilbury stopped on April {i + 1}, 2024, officials said.\n"
        for i in range(6)
    ) + "".join(f"Filler line {w} has nothing to match.\n" for w in "abcdefghijklmnopqrst")
    (work / "story.txt").write_text(story, encoding="utf-8")
    args = ["check", "story.txt", "--against", "story.txt", "-f", "json"]
    plain = json.loads(CliRunner().invoke(cli, args).stdout)
    assert "limits_reached" not in plain["summary"]
    monkeypatch.setattr(compare_dates, "MAX_POSTINGS", 3)
    r = CliRunner().invoke(cli, args)
    limits = json.loads(r.stdout)["summary"]["limits_reached"]
    assert limits == ["a word in over 3 passages is not used for matching"]
    table = CliRunner().invoke(cli, args[:-2])
    assert table.stdout.splitlines()[-1].endswith(
        "(limits reached: a word in over 3 passages is not used for matching)")
