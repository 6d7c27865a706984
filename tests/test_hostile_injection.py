"""Document text and file names cannot run anything where a report is read: no
spreadsheet formula in CSV cells (OWASP CSV injection), no raw terminal escape
sequence in the table, Markdown or GitHub output."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from discrepancy.cli import cli
from discrepancy.report.common import csv_safe, visible

SOURCE = "The port handled 2 million tonnes in 2023.\n"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("cell", ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1",
                                  "\r=1"])
def test_formula_cells_get_a_leading_quote(cell: str) -> None:
    assert csv_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["20 million", "", "'quoted", 3, None, 1.5, "a=b"])
def test_other_cells_are_unchanged(cell: object) -> None:
    assert csv_safe(cell) == cell


def test_csv_report_cells_never_start_a_formula(work: Path) -> None:
    name = "=HYPERLINK(evil).txt"
    (work / name).write_text(
        "@SUM(1+1) The port handled 20 million tonnes in 2023.\n"
        "-The port handled 45 million tonnes in 2023, =cmd said.\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["check", name, "--against", "source.txt", "-f", "csv"])
    assert r.exit_code == 1, r.output
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rows
    cells = [v for row in rows for v in row.values() if v]
    assert not [v for v in cells if v.startswith(FORMULA_STARTS)]
    assert rows[0]["path"] == "'" + name
    assert any(v.startswith("'@SUM(1+1)") for v in cells)
    assert any(v.startswith("'-The port") for v in cells)


def test_compare_csv_cells_and_headers_never_start_a_formula(work: Path) -> None:
    (work / "=a.txt").write_text("The port handled 20 million tonnes in 2023.\n", "utf-8")
    r = CliRunner().invoke(cli, ["compare", "=a.txt", "source.txt", "-f", "csv"])
    assert r.exit_code in (0, 1), r.output
    cells = [v for row in csv.reader(io.StringIO(r.stdout)) for v in row if v]
    assert not [v for v in cells if v.startswith(FORMULA_STARTS)]
    assert "'=a" in cells


def test_visible_escapes_c0_del_and_c1_but_keeps_text() -> None:
    assert visible("a\x1b[31mb\x07\x9b2J\x7f\x00 é “x” 中") == (
        "a\\x1b[31mb\\x07\\x9b2J\\x7f\\x00 é “x” 中"
    )
    assert visible("tab\tand\nnewline") == "tab\tand\nnewline"


ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x9b31m"


@pytest.mark.parametrize("fmt", ["table", "markdown", "github"])
def test_escape_sequences_from_text_and_file_names_are_shown_not_sent(
    work: Path, fmt: str
) -> None:
    name = "evil\x1b[31m.txt"
    (work / name).write_text(f"The port {ESCAPES}handled 20 million tonnes in 2023.\n",
                             encoding="utf-8")
    (work / "src\x1b[2J.txt").write_text(SOURCE, encoding="utf-8")  # named in evidence
    r = CliRunner().invoke(cli, ["check", name, "--against", "src\x1b[2J.txt", "-f", fmt])
    assert r.exit_code == 1, r.output
    raw = [c for c in r.stdout if ord(c) < 32 and c not in "\n" or 0x7f <= ord(c) <= 0x9f]
    assert raw == []
    assert "\\x1b" in r.stdout


def test_extract_table_shows_escapes(work: Path) -> None:
    name = "evil\x1b[31m.txt"
    (work / name).write_text(f"It {ESCAPES}shipped 20 cars.\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["extract", name])
    assert r.exit_code == 0, r.output
    assert "\x1b" not in r.stdout and "\x9b" not in r.stdout
    assert "evil\\x1b[31m.txt" in r.stdout
