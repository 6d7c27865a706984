"""``[tool.discrepancy]`` in pyproject.toml, validated and mapped to Options.

Precedence, lowest first: built-in defaults, the config file, command-line
options. Every key is checked here, so a typo is an error naming the key rather
than a setting that silently does nothing.
"""

from __future__ import annotations

import difflib
import fnmatch
import math
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from ..checks.codes import BY_CODE, BY_NAME
from ..errors import ConfigError
from ..options import Options
from ..report import FORMATS  # the formats a config may name are the renderers'

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

FAIL_ON = ("low", "medium", "high", "never")
KEYS = (
    "fail-on", "tolerance", "min-subject-score", "synonyms", "disable", "per-file-ignores",
    "format",
)


@dataclass(frozen=True)
class Config:
    fail_on: str = "medium"
    tolerance: float = 0.0
    min_subject_score: float = 80.0
    synonyms: tuple[tuple[str, ...], ...] = ()
    disable: tuple[str, ...] = ()
    # glob -> codes or names; globs are matched against target paths.
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    format: str | None = None
    # Where the settings came from (None: defaults only); per-file globs are relative to it.
    path: str | None = None
    root: str | None = field(default=None, repr=False)

    def options(self) -> Options:
        return Options(
            tolerance=self.tolerance,
            min_subject_score=self.min_subject_score,
            synonyms=self.synonyms,
            disabled=self.disable,
        )

    def ignored_for(self, doc_path: str | None) -> frozenset[str]:
        """Codes and names ignored for the target at ``doc_path`` by per-file-ignores."""
        if not doc_path or not self.per_file_ignores:
            return frozenset()
        candidates = _path_forms(doc_path, self.root)
        out: set[str] = set()
        for pattern, codes in self.per_file_ignores:
            if any(fnmatch.fnmatchcase(c, pattern) for c in candidates):
                out.update(codes)
        return frozenset(out)

    def override(self, **values: Any) -> Config:
        """A copy with every non-None value replaced (command-line options win)."""
        given = {k: v for k, v in values.items() if v is not None}
        return replace(self, **given)


def _path_forms(doc_path: str, root: str | None) -> list[str]:
    # Users write globs relative to pyproject.toml ("news/*.md") or by name ("*.md");
    # the path the user passed may be relative to the cwd or absolute.
    p = Path(doc_path)
    forms = [PurePosixPath(p.as_posix()).as_posix(), p.name]
    if root is not None:
        try:
            forms.append(p.resolve().relative_to(Path(root).resolve()).as_posix())
        except (ValueError, OSError):
            pass
    return forms


def find_config(start: str | os.PathLike[str]) -> Path | None:
    """The nearest pyproject.toml with a ``[tool.discrepancy]`` table, searching upwards.

    Files without the table are skipped, as ruff does, so a monorepo's inner
    pyproject.toml does not hide the settings of the outer one.
    """
    here = Path(start).resolve()
    if here.is_file() or not here.exists():
        here = here.parent
    for d in (here, *here.parents):
        candidate = d / "pyproject.toml"
        # A broken pyproject.toml on the way up is an error, not a file to skip:
        # it may well hold the settings the user expects.
        if candidate.is_file() and "discrepancy" in _read_toml(candidate).get("tool", {}):
            return candidate
    return None


def config_for(config_path: str | None, first_document: str | None) -> Config:
    """The settings of a run: from ``config_path`` (--config) if given, else from the
    nearest config above the first document (or the working directory), else defaults."""
    if config_path is not None:
        if not Path(config_path).exists():
            raise ConfigError(f"{config_path}: no such config file")
        return load_config(config_path, shown=config_path)
    start = Path(first_document).parent if first_document else Path.cwd()
    found = find_config(start if str(start) else Path("."))
    if found is None:
        return Config()
    return load_config(found, shown=_display_path(found))


def _display_path(path: Path) -> str:
    # Relative to the cwd when below it: error messages then match what the user sees.
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _read_toml(path: Path) -> dict[str, Any]:
    from ..errors import InputError
    from ..text.load import read_bounded

    try:
        # Regular files only, within the size limit: never a FIFO that blocks.
        raw = read_bounded(path, str(path))
    except InputError as e:
        raise ConfigError(str(e)) from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: invalid TOML: {e}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not valid UTF-8") from None
    except RecursionError:  # tomllib recurses once per nesting level
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None


def load_config(path: str | os.PathLike[str], shown: str | None = None) -> Config:
    """Settings of ``[tool.discrepancy]`` in the TOML file at ``path``.

    ``shown`` is how the path appears in error messages (what the user typed).
    """
    p = Path(path)
    name = shown if shown is not None else str(path)
    table = _read_toml(p).get("tool", {}).get("discrepancy", {})
    if not isinstance(table, Mapping):
        raise ConfigError(f"{name}: [tool.discrepancy] must be a table")
    return parse_config(table, name, root=str(p.resolve().parent))


def parse_config(table: Mapping[str, Any], name: str, root: str | None = None) -> Config:
    for key in table:
        if key not in KEYS:
            hint = difflib.get_close_matches(key.replace("_", "-"), KEYS, n=1)
            did_you_mean = f" (did you mean '{hint[0]}'?)" if hint else ""
            raise ConfigError(
                f"{name}: unknown key '{key}' in [tool.discrepancy]{did_you_mean}; "
                f"known keys: {', '.join(KEYS)}"
            )
    values: dict[str, Any] = {"path": name, "root": root}
    if "fail-on" in table:
        values["fail_on"] = check_choice(table["fail-on"], FAIL_ON, f"{name}: fail-on")
    if "format" in table:
        values["format"] = check_choice(table["format"], FORMATS, f"{name}: format")
    if "tolerance" in table:
        values["tolerance"] = _number(table["tolerance"], f"{name}: tolerance", 0.0, None)
    if "min-subject-score" in table:
        values["min_subject_score"] = _number(
            table["min-subject-score"], f"{name}: min-subject-score", 0.0, 100.0
        )
    if "synonyms" in table:
        values["synonyms"] = _synonyms(table["synonyms"], f"{name}: synonyms")
    if "disable" in table:
        values["disable"] = check_codes(table["disable"], f"{name}: disable")
    if "per-file-ignores" in table:
        pfi = table["per-file-ignores"]
        where = f"{name}: per-file-ignores"
        if not isinstance(pfi, Mapping):
            raise ConfigError(f"{where} must be a table of glob = [codes]")
        values["per_file_ignores"] = tuple(
            (str(glob), check_codes(codes, f"{where}.{glob!r}")) for glob, codes in pfi.items()
        )
    return Config(**values)


def check_choice(value: Any, choices: Iterable[str], where: str) -> str:
    choices = tuple(choices)
    if not isinstance(value, str) or value not in choices:
        raise ConfigError(f"{where} must be one of {', '.join(choices)}; got {value!r}")
    return value


def _number(value: Any, where: str, low: float, high: float | None) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ConfigError(f"{where} must be a number; got {value!r}")
    # nan passes every range test below; inf is no setting.
    if isinstance(value, float) and not math.isfinite(value):
        raise ConfigError(f"{where} must be a finite number; got {value!r}")
    if value < low or (high is not None and value > high):
        bounds = f"between {low:g} and {high:g}" if high is not None else f">= {low:g}"
        raise ConfigError(f"{where} must be {bounds}; got {value!r}")
    return float(value)


def _synonyms(value: Any, where: str) -> tuple[tuple[str, ...], ...]:
    if not isinstance(value, list):
        raise ConfigError(f'{where} must be a list of lists of words, e.g. [["drone", "uav"]]')
    groups = []
    for group in value:
        if (
            not isinstance(group, list)
            or len(group) < 2
            or not all(isinstance(w, str) and w.strip() for w in group)
        ):
            raise ConfigError(
                f"{where}: each group must be a list of two or more words; got {group!r}"
            )
        groups.append(tuple(w.strip().lower() for w in group))
    return tuple(groups)


def check_codes(value: Any, where: str) -> tuple[str, ...]:
    """Codes (DQ101) or names (quantity.conflict); anything else is a typo we report."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of codes such as \"DQ302\"; got {value!r}")
    out = []
    for v in value:
        code = v.strip()
        if code.upper() in BY_CODE:
            code = code.upper()
        elif code not in BY_NAME:
            known = [*BY_CODE, *BY_NAME]
            hint = difflib.get_close_matches(code, known, n=1)
            did_you_mean = f" (did you mean '{hint[0]}'?)" if hint else ""
            raise ConfigError(f"{where}: unknown code '{v}'{did_you_mean}")
        out.append(code)
    return tuple(out)
