"""[tool.discrepancy] in pyproject.toml: discovery, validation, mapping to Options."""

from __future__ import annotations

from pathlib import Path

import pytest

from discrepancy.app.config import Config, find_config, load_config, parse_config
from discrepancy.errors import ConfigError
from discrepancy.options import Options


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


FULL = """
[tool.discrepancy]
fail-on = "high"
tolerance = 0.05
min-subject-score = 70
synonyms = [["drone", "UAV"], ["shell", "round", "munition"]]
disable = ["DQ302", "date.unsupported"]
per-file-ignores = {"drafts/*.md" = ["DQ102"], "*.html" = ["quantity.conflict"]}
format = "json"
"""


def test_every_key_is_read_and_mapped_to_options(tmp_path: Path) -> None:
    cfg = load_config(write(tmp_path / "pyproject.toml", FULL))
    assert cfg.fail_on == "high"
    assert cfg.format == "json"
    assert cfg.options() == Options(
        tolerance=0.05, min_subject_score=70.0,
        synonyms=(("drone", "uav"), ("shell", "round", "munition")),
        disabled=("DQ302", "date.unsupported"),
    )


def test_defaults_without_a_table(tmp_path: Path) -> None:
    cfg = load_config(write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n"))
    assert cfg.options() == Options()
    assert cfg.fail_on == "medium" and cfg.format is None


def test_unknown_key_names_the_key_and_suggests(tmp_path: Path) -> None:
    p = write(tmp_path / "pyproject.toml", "[tool.discrepancy]\nfail_on = 'high'\n")
    with pytest.raises(ConfigError, match=r"unknown key 'fail_on'.*did you mean 'fail-on'"):
        load_config(p)


@pytest.mark.parametrize(("body", "message"), [
    ("fail-on = 'severe'", "fail-on must be one of low, medium, high, never"),
    ("format = 'xml'", "format must be one of"),
    ("tolerance = -1", "tolerance must be >= 0"),
    ("tolerance = 'five'", "tolerance must be a number"),
    ("tolerance = true", "tolerance must be a number"),
    ("min-subject-score = 101", "min-subject-score must be between 0 and 100"),
    ("synonyms = ['drone']", "each group must be a list of two or more words"),
    ("synonyms = 'drone'", "synonyms must be a list"),
    ("disable = ['DQ999']", "unknown code 'DQ999'"),
    ("disable = ['quantity.conflicts']", "did you mean 'quantity.conflict'"),
    ("per-file-ignores = ['x']", "per-file-ignores must be a table"),
    ("per-file-ignores = {'*.md' = ['nope']}", "unknown code 'nope'"),
])
def test_bad_values_are_config_errors(tmp_path: Path, body: str, message: str) -> None:
    p = write(tmp_path / "pyproject.toml", f"[tool.discrepancy]\n{body}\n")
    with pytest.raises(ConfigError, match=message):
        load_config(p, shown="pyproject.toml")


def test_invalid_toml_is_a_config_error(tmp_path: Path) -> None:
    p = write(tmp_path / "pyproject.toml", "[tool.discrepancy\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(p)


def test_codes_are_case_insensitive(tmp_path: Path) -> None:
    assert parse_config({"disable": ["dq302"]}, "x").disable == ("DQ302",)


def test_found_by_searching_up_skipping_files_without_the_table(tmp_path: Path) -> None:
    outer = write(tmp_path / "pyproject.toml", "[tool.discrepancy]\nfail-on = 'low'\n")
    write(tmp_path / "pkg" / "pyproject.toml", "[project]\nname = 'inner'\n")
    deep = tmp_path / "pkg" / "news" / "2024"
    deep.mkdir(parents=True)
    assert find_config(deep) == outer.resolve()
    assert find_config(deep / "summary.txt") == outer.resolve()


def test_nearest_table_wins(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.discrepancy]\nfail-on = 'low'\n")
    inner = write(tmp_path / "pkg" / "pyproject.toml", "[tool.discrepancy]\nfail-on = 'high'\n")
    assert find_config(tmp_path / "pkg") == inner.resolve()


def test_per_file_ignores_match_relative_to_the_config(tmp_path: Path) -> None:
    p = write(tmp_path / "pyproject.toml", FULL)
    cfg = load_config(p)
    draft = tmp_path / "drafts" / "a.md"
    assert cfg.ignored_for(str(draft)) == {"DQ102"}
    assert cfg.ignored_for("page.html") == {"quantity.conflict"}
    assert cfg.ignored_for("final/a.md") == frozenset()
    assert cfg.ignored_for(None) == frozenset()


def test_command_line_overrides_config() -> None:
    cfg = Config(fail_on="high", tolerance=0.1)
    assert cfg.override(fail_on="low", tolerance=None).fail_on == "low"
    assert cfg.override(fail_on=None).fail_on == "high"
    assert cfg.override(tolerance=None).tolerance == 0.1
