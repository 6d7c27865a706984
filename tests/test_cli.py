"""The command line as a user meets it: exit codes, messages, files written.

Most tests replace ``discrepancy.check`` with a tiny rule-based stand-in, so
they test the command line and not extraction quality; the ``test_e2e_`` tests
at the bottom run the real pipeline on the seed pair and the fixtures.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

import discrepancy
from discrepancy import cli as cli_module
from discrepancy.cli import cli
from discrepancy.model import Claim, Document, Finding, Report
from discrepancy.options import Options

from helpers import example_finding as make_finding

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "fixtures" / "bad"

# A summary with one finding of each severity under the stand-in rules below.
TARGET = "The port handled 20 million tonnes on January 5.\nIt employs 300 staff and 45 pilots.\n"
SOURCE = "The port handled 2 million tonnes. It employs 300 staff.\n"
CLEAN = "It employs 300 staff.\n"

_NUMBER = re.compile(r"\b\d[\d,]*\b")
_DATE = re.compile(r"\b(?:January|February|March) \d{1,2}\b")


def _claim(doc: Document, m: re.Match[str], category: str = "quantity") -> Claim:
    s = doc.sentence_at(m.start())
    return Claim(doc=doc.id, category=category, text=m.group(), start=m.start(),  # type: ignore[arg-type]
                 end=m.end(), sentence=s.index if s else 0)


def fake_check(target: Document, sources: Sequence[Document], options: Options | None = None
               ) -> Report:
    """Stand-in rules: "N million" not in a source -> high conflict; another number
    not in a source -> medium unsupported; a date not in a source -> low unsupported."""
    options = options or Options()
    known = " ".join(s.text for s in sources)
    findings: list[Finding] = []
    for m in _DATE.finditer(target.text):
        if m.group() not in known:
            c = _claim(target, m, "date")
            findings.append(make_finding("date", "unsupported", "low", "date not in any source", c,
                                         sentence_text=target.sentences[c.sentence].text))
    dates = [(m.start(), m.end()) for m in _DATE.finditer(target.text)]
    for m in _NUMBER.finditer(target.text):
        if any(a <= m.start() < b for a, b in dates) or re.search(rf"\b{m.group()}\b", known):
            continue
        c = _claim(target, m)
        if target.text[m.end():].startswith(" million"):
            ev_match = _NUMBER.search(sources[0].text)
            ev = [_claim(sources[0], ev_match)] if ev_match else []
            findings.append(make_finding("quantity", "conflict", "high",
                                         f"{m.group()} million vs source", c, ev))
        else:
            findings.append(make_finding("quantity", "unsupported", "medium",
                                         f"{m.group()} is in no source", c))
    findings = [f for f in findings if f.code not in options.disabled
                and f.name not in options.disabled]
    return Report(documents=(target, *sources), findings=tuple(findings))


@pytest.fixture(autouse=True)
def stand_in(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if not request.node.name.startswith("test_e2e_"):
        monkeypatch.setattr(discrepancy, "check", fake_check)


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project directory as cwd, with a target and a source."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DISCREPANCY_DEBUG", raising=False)
    (tmp_path / "summary.txt").write_text(TARGET, encoding="utf-8")
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def run(*args: str, input: str | bytes | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def check(*args: str, **kw: Any) -> Result:
    return run("check", *args, **kw)


def one_line_error(result: Result) -> str:
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("discrepancy: error: ")
    return lines[0]


def findings_of(result: Result) -> list[dict[str, Any]]:
    return json.loads(result.stdout)["findings"]  # type: ignore[no-any-return]


# ------------------------------------------------------------------------------ exit codes


def test_findings_at_or_above_medium_exit_1(work: Path) -> None:
    r = check("summary.txt", "--against", "source.txt")
    assert r.exit_code == 1
    assert r.stdout.splitlines()[-1] == "1 high, 1 medium, 1 low — 3 findings in 1 target"


def test_no_findings_exit_0(work: Path) -> None:
    r = check("clean.txt", "--against", "source.txt")
    assert r.exit_code == 0
    assert r.stdout == "0 high, 0 medium, 0 low — 0 findings in 1 target\n"


@pytest.mark.parametrize(("fail_on", "text", "code"), [
    ("high", "It has 45 pilots.\n", 0),  # medium only
    ("medium", "It has 45 pilots.\n", 1),
    ("low", "Opened on January 5.\n", 1),  # low only
    ("medium", "Opened on January 5.\n", 0),
    ("never", TARGET, 0),
    ("high", TARGET, 1),
])
def test_fail_on(work: Path, fail_on: str, text: str, code: int) -> None:
    (work / "t.txt").write_text(text, encoding="utf-8")
    assert check("t.txt", "--against", "source.txt", "--fail-on", fail_on).exit_code == code


def test_usage_errors_exit_2(work: Path) -> None:
    assert check("summary.txt").exit_code == 2  # no --against
    assert check("--against", "source.txt").exit_code == 2  # no target
    assert check("summary.txt", "--against", "source.txt", "--format", "xml").exit_code == 2
    r = check("summary.txt", "--against", "--format", "json")
    assert r.exit_code == 2 and "--against needs at least one SOURCE" in r.stderr
    assert run("nonsense").exit_code == 2


def test_help_and_version(work: Path) -> None:
    assert run("--help").exit_code == 0
    assert "--against" in run("check", "--help").stdout
    r = run("--version")
    assert r.exit_code == 0 and discrepancy.__version__ in r.stdout


# ------------------------------------------------------------------------------ bad inputs


def test_missing_file(work: Path) -> None:
    line = one_line_error(check("nope.txt", "--against", "source.txt"))
    assert line == "discrepancy: error: nope.txt: no such file"
    line = one_line_error(check("summary.txt", "--against", "gone.txt"))
    assert line == "discrepancy: error: gone.txt: no such file"


def test_directory_without_documents(work: Path) -> None:
    (work / "empty_dir").mkdir()
    (work / "empty_dir" / "notes.json").write_text("{}", encoding="utf-8")
    line = one_line_error(check("empty_dir", "--against", "source.txt"))
    assert line.startswith("discrepancy: error: empty_dir: no text, Markdown or HTML files")


@pytest.mark.parametrize(("name", "reason"), [
    ("binary.bin", "binary file"),
    ("latin1.txt", "not valid UTF-8"),
    ("empty.txt", "file is empty"),
    ("whitespace.txt", "file is empty"),
])
def test_unreadable_documents(work: Path, name: str, reason: str) -> None:
    path = str(BAD / name)
    line = one_line_error(check(path, "--against", "source.txt"))
    assert line.startswith(f"discrepancy: error: {path}: {reason}")
    line = one_line_error(check("summary.txt", "--against", path))
    assert line.startswith(f"discrepancy: error: {path}: {reason}")


def test_huge_file(work: Path) -> None:
    with open("huge.txt", "wb") as fh:
        fh.truncate(21 * 1024 * 1024)  # sparse: cheap to make
    line = one_line_error(check("huge.txt", "--against", "source.txt"))
    assert "huge.txt: file is too large" in line


def test_malformed_html_never_crashes(work: Path) -> None:
    r = check("summary.txt", "--against", str(BAD / "malformed.html"), "--format", "json")
    assert "Traceback" not in r.stderr
    if r.exit_code == 2:
        one_line_error(r)


def test_malformed_html_is_still_read(work: Path) -> None:
    Path("t.txt").write_text("Repairs will cost 45 million zloty.\n", "utf-8")
    r = check("t.txt", "--against", str(BAD / "malformed.html"), "--format", "json")
    assert r.exit_code == 0, r.stderr


def test_html_target_is_read_as_article_text(work: Path) -> None:
    (work / "page.html").write_text(
        "<html><head><title>t</title><script>var n = 999;</script></head><body>"
        "<nav>Home 123</nav><article><p>The port handled 20 million tonnes of cargo in a "
        "record year, officials said on Monday, as volumes kept growing.</p>"
        "<p>It employs 300 staff, most of them on the night shift at the docks.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    r = check("page.html", "--against", "source.txt", "--format", "json")
    texts = [f["claim"]["text"] for f in findings_of(r)]
    assert texts == ["20"]  # no script or markup numbers


def test_unreadable_output_directory(work: Path) -> None:
    line = one_line_error(check("summary.txt", "--against", "source.txt", "-o", "no/dir/r.json"))
    assert "no/dir/r.json: cannot write" in line


# ------------------------------------------------------------------------------ inputs


def test_several_sources_after_one_against(work: Path) -> None:
    (work / "more.txt").write_text("45 pilots work there.\n", encoding="utf-8")
    r = check("summary.txt", "--against", "source.txt", "more.txt", "--format", "json")
    assert [f["claim"]["text"] for f in findings_of(r)] == ["20", "January 5"]
    r2 = check("summary.txt", "--against", "source.txt", "--against=more.txt", "-f", "json")
    assert r2.stdout == r.stdout


def test_pre_commit_style_arguments(work: Path) -> None:
    # .pre-commit-hooks.yaml: entry + args (--against SOURCES --) + file names.
    r = check("--against", "source.txt", "--", "summary.txt", "clean.txt", "-f", "json")
    assert r.exit_code == 2  # after "--" even "-f" is a file name
    r = check("-f", "json", "--against", "source.txt", "--", "summary.txt", "clean.txt")
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert [d["path"] for d in data["documents"]] == ["summary.txt", "clean.txt", "source.txt"]


def test_directory_target_checks_every_document_sorted(work: Path) -> None:
    d = work / "news"
    (d / "sub").mkdir(parents=True)
    (d / "b.md").write_text("It has 45 pilots.\n", encoding="utf-8")
    (d / "sub" / "a.txt").write_text("Opened on January 5.\n", encoding="utf-8")
    (d / "c.html").write_text(
        "<html><body><article><p>It employs 300 staff and 77 pilots at the port, the "
        "operator said in its annual report published on Monday.</p></article></body></html>",
        encoding="utf-8",
    )
    (d / ".hidden.txt").write_text("99 hidden\n", encoding="utf-8")
    (d / "data.csv").write_text("1,2,3\n", encoding="utf-8")
    r = check("news", "--against", "source.txt", "--format", "json")
    data = json.loads(r.stdout)
    targets = [x["path"] for x in data["documents"] if x["role"] == "target"]
    assert targets == [os.path.join("news", "b.md"), os.path.join("news", "c.html"),
                       os.path.join("news", "sub", "a.txt")]
    assert sorted(f["claim"]["text"] for f in data["findings"]) == ["45", "77", "January 5"]
    table = check("news", "--against", "source.txt")
    assert table.stdout.splitlines()[-1].endswith("3 findings in 3 targets")


def test_a_source_inside_the_target_directory_is_not_a_target(work: Path) -> None:
    d = work / "story"
    d.mkdir()
    (d / "summary.txt").write_text(TARGET, encoding="utf-8")
    (d / "source.txt").write_text(SOURCE, encoding="utf-8")
    data = json.loads(check("story", "--against", "story/source.txt", "-f", "json").stdout)
    assert [x["role"] for x in data["documents"]] == ["target", "source"]


def test_stdin_target(work: Path) -> None:
    r = check("-", "--against", "source.txt", "--format", "json", input=TARGET)
    assert r.exit_code == 1
    assert len(findings_of(r)) == 3
    r = check("-", "--against", "-", input=TARGET)
    assert one_line_error(r)


def test_stdin_is_checked_like_a_file(work: Path) -> None:
    line = one_line_error(check("-", "--against", "source.txt", input=b"\xff\xfe\x00\x01"))
    assert line.startswith("discrepancy: error: <stdin>: binary file")
    line = one_line_error(check("-", "--against", "source.txt", input=""))
    assert line == "discrepancy: error: <stdin>: file is empty"


def test_same_file_names_in_two_directories_stay_apart(work: Path) -> None:
    for sub in ("a", "b"):
        (work / sub).mkdir()
        (work / sub / "summary.txt").write_text("It has 45 pilots.\n", encoding="utf-8")
    data = json.loads(check("a", "b", "--against", "source.txt", "-f", "json").stdout)
    ids = [d["id"] for d in data["documents"]]
    assert len(ids) == len(set(ids)) == 3
    assert len(data["findings"]) == 2


# ------------------------------------------------------------------------------ output


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv", "markdown", "html", "sarif",
                                 "github"])
def test_output_file_equals_stdout(work: Path, fmt: str) -> None:
    shown = check("summary.txt", "--against", "source.txt", "--format", fmt)
    written = check("summary.txt", "--against", "source.txt", "--format", fmt, "-o", "out")
    assert written.exit_code == shown.exit_code == 1
    assert written.stdout == ""
    assert Path("out").read_text(encoding="utf-8") == shown.stdout


def test_format_from_output_extension(work: Path) -> None:
    check("summary.txt", "--against", "source.txt", "-o", "report.sarif")
    assert json.loads(Path("report.sarif").read_text("utf-8"))["version"] == "2.1.0"
    check("summary.txt", "--against", "source.txt", "-o", "report.html")
    assert Path("report.html").read_text("utf-8").startswith("<!DOCTYPE html>")


def test_failing_render_leaves_no_file(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import discrepancy.report.jsonfmt as jsonfmt

    Path("report.json").write_text("previous report\n", encoding="utf-8")

    def broken(report: Report, **_: Any) -> str:
        raise RuntimeError("renderer exploded")

    monkeypatch.setattr(jsonfmt, "render_json", broken)
    r = check("summary.txt", "--against", "source.txt", "-o", "report.json")
    assert "renderer exploded" in one_line_error(r)
    assert Path("report.json").read_text("utf-8") == "previous report\n"
    assert sorted(p.name for p in work.iterdir()) == [
        "clean.txt", "report.json", "source.txt", "summary.txt",
    ]


def test_failing_write_leaves_no_partial_file(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import discrepancy.app.atomic as atomic

    real_fsync = os.fsync

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    r = check("summary.txt", "--against", "source.txt", "-o", "report.json")
    monkeypatch.setattr(atomic.os, "fsync", real_fsync)
    assert "report.json: cannot write (No space left on device)" in one_line_error(r)
    assert not Path("report.json").exists()
    assert not [p for p in work.iterdir() if p.name.startswith(".report.json")]


def test_refuses_to_overwrite_an_input(work: Path) -> None:
    before = Path("summary.txt").read_text("utf-8")
    r = check("summary.txt", "--against", "source.txt", "-o", "./source.txt")
    assert r.exit_code == 2 and "is also an input document" in r.stderr
    r = check("summary.txt", "--against", "source.txt", "--write-baseline", "summary.txt")
    assert r.exit_code == 2
    assert Path("summary.txt").read_text("utf-8") == before


def test_output_is_deterministic_and_has_no_absolute_paths(work: Path) -> None:
    for fmt in ("json", "sarif", "html", "csv"):
        a = check("summary.txt", "--against", "source.txt", "-f", fmt).stdout
        b = check("summary.txt", "--against", "source.txt", "-f", fmt).stdout
        assert a == b
        assert str(work) not in a


def test_no_colour_when_not_a_terminal(work: Path) -> None:
    assert "\x1b[" not in check("summary.txt", "--against", "source.txt").stdout


# ------------------------------------------------------------------------------ config


def test_config_fail_on_and_cli_override(work: Path) -> None:
    Path("pyproject.toml").write_text("[tool.discrepancy]\nfail-on = 'never'\n", "utf-8")
    assert check("summary.txt", "--against", "source.txt").exit_code == 0
    assert check("summary.txt", "--against", "source.txt", "--fail-on", "medium").exit_code == 1


def test_config_is_found_from_the_target_directory(work: Path) -> None:
    proj = work / "proj"
    (proj / "news").mkdir(parents=True)
    (proj / "pyproject.toml").write_text("[tool.discrepancy]\nformat = 'json'\n", "utf-8")
    (proj / "news" / "s.txt").write_text(TARGET, "utf-8")
    r = check("proj/news/s.txt", "--against", "source.txt")
    assert json.loads(r.stdout)["version"] == 1
    r = check("proj/news/s.txt", "--against", "source.txt", "--format", "csv")
    assert r.stdout.startswith("code,")


def test_config_disable_and_per_file_ignores(work: Path) -> None:
    Path("pyproject.toml").write_text(
        "[tool.discrepancy]\ndisable = ['date.unsupported']\n"
        "per-file-ignores = {'summ*.txt' = ['DQ102']}\n", "utf-8",
    )
    codes = [f["code"] for f in findings_of(check("summary.txt", "--against", "source.txt",
                                                  "-f", "json"))]
    assert codes == ["DQ101"]
    Path("other.txt").write_text(TARGET, "utf-8")
    codes = [f["code"] for f in findings_of(check("other.txt", "--against", "source.txt",
                                                  "-f", "json"))]
    assert sorted(codes) == ["DQ101", "DQ102"]


def test_cli_disable(work: Path) -> None:
    r = check("summary.txt", "--against", "source.txt", "-f", "json", "--disable", "DQ101,DQ202")
    assert [f["code"] for f in findings_of(r)] == ["DQ102"]
    assert check("summary.txt", "--against", "source.txt", "--disable", "DQ9").exit_code == 2


def test_config_options_reach_check(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Options] = []

    def spy(target: Document, sources: Sequence[Document], options: Options | None = None
            ) -> Report:
        seen.append(options or Options())
        return fake_check(target, sources, options)

    monkeypatch.setattr(discrepancy, "check", spy)
    Path("pyproject.toml").write_text(
        "[tool.discrepancy]\ntolerance = 0.1\nmin-subject-score = 60\n"
        "synonyms = [['drone', 'uav']]\n", "utf-8",
    )
    check("summary.txt", "--against", "source.txt", "--min-subject-score", "90")
    assert seen[-1] == Options(tolerance=0.1, min_subject_score=90.0,
                               synonyms=(("drone", "uav"),))


def test_unknown_config_key_exits_2_naming_it(work: Path) -> None:
    Path("pyproject.toml").write_text("[tool.discrepancy]\nthreshold = 3\n", "utf-8")
    line = one_line_error(check("summary.txt", "--against", "source.txt"))
    assert line.startswith("discrepancy: error: pyproject.toml: unknown key 'threshold'")


def test_explicit_config_file(work: Path) -> None:
    Path("ci.toml").write_text("[tool.discrepancy]\nfail-on = 'high'\n", "utf-8")
    (work / "t.txt").write_text("It has 45 pilots.\n", encoding="utf-8")
    assert check("t.txt", "--against", "source.txt").exit_code == 1
    assert check("t.txt", "--against", "source.txt", "--config", "ci.toml").exit_code == 0
    line = one_line_error(check("t.txt", "--against", "source.txt", "--config", "nope.toml"))
    assert "nope.toml: no such config file" in line


# ------------------------------------------------------------------------------ baseline


def test_baseline_round_trip(work: Path) -> None:
    r = check("summary.txt", "--against", "source.txt", "--write-baseline", "baseline.json")
    assert r.exit_code == 0
    assert "wrote 3 fingerprints to baseline.json" in r.stderr
    r = check("summary.txt", "--against", "source.txt", "--baseline", "baseline.json")
    assert r.exit_code == 0
    assert r.stdout.splitlines()[-1].endswith("0 findings in 1 target (3 more in the baseline, "
                                              "not shown)")
    # A new problem elsewhere is still reported, and only it.
    Path("summary.txt").write_text("Breaking: 12 ships sank.\n" + TARGET, "utf-8")
    r = check("summary.txt", "--against", "source.txt", "--baseline", "baseline.json", "-f", "json")
    assert r.exit_code == 1
    assert [f["claim"]["text"] for f in findings_of(r)] == ["12"]


def test_missing_baseline_is_an_error(work: Path) -> None:
    line = one_line_error(check("summary.txt", "--against", "source.txt", "--baseline", "b.json"))
    assert "b.json: no such baseline file" in line


# ------------------------------------------------------------------------------ crashes


def test_unexpected_exception_is_one_line_and_exit_2(work: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(*_: Any, **__: Any) -> Report:
        raise ZeroDivisionError("division by zero\nsecond line")

    monkeypatch.setattr(discrepancy, "check", crash)
    line = one_line_error(check("summary.txt", "--against", "source.txt"))
    assert "internal error: ZeroDivisionError: division by zero second line" in line
    r = check("summary.txt", "--against", "source.txt", "--debug")
    assert r.exit_code == 2
    assert "Traceback" in r.stderr and r.stderr.strip().splitlines()[-1].startswith(
        "discrepancy: error: internal error")


def test_interrupt_is_not_mistaken_for_findings(work: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_: Any, **__: Any) -> Report:
        raise KeyboardInterrupt

    monkeypatch.setattr(discrepancy, "check", interrupted)
    r = check("summary.txt", "--against", "source.txt")
    assert r.exit_code == 130 and r.stderr == "discrepancy: interrupted\n"


# ------------------------------------------------------------------------------ subcommands


@click.command("hello")
def hello_command() -> None:
    raise discrepancy.errors.InputError("x.txt: not today")


def test_lazy_subcommand_is_registered_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(cli_module.LAZY_COMMANDS, "hello", "test_cli:hello_command")
    assert "hello" in run("--help").stdout
    r = run("hello")
    assert one_line_error(r) == "discrepancy: error: x.txt: not today"


def test_extract_lists_claims(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_extract(doc: Document) -> list[Claim]:
        return [_claim(doc, m) for m in _NUMBER.finditer(doc.text)]

    monkeypatch.setattr(discrepancy, "extract", fake_extract)
    r = run("extract", "summary.txt")
    assert r.exit_code == 0
    assert "“300”" in r.stdout and r.stdout.splitlines()[-1].startswith("4 claims in summary.txt")
    assert max(len(line) for line in r.stdout.splitlines()) <= 100
    data = json.loads(run("extract", "summary.txt", "--format", "json").stdout)
    assert [c["text"] for c in data["claims"]] == ["20", "5", "300", "45"]
    line = one_line_error(run("extract", "nope.txt"))
    assert line == "discrepancy: error: nope.txt: no such file"


# ------------------------------------------------------------------------------ end to end

SEED_TARGET = "seeds/000_49d02485ee17d19b.txt"
SEED_SOURCE = "seeds/004_1f1aacc786a3892f.txt"


@pytest.fixture
def repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(ROOT)
    return ROOT


def test_e2e_seed_pair_every_format(repo: Path, tmp_path: Path) -> None:
    import jsonschema

    schema = json.loads((ROOT / "discrepancy/schema/report.schema.json").read_text("utf-8"))
    base = check(SEED_TARGET, "--against", SEED_SOURCE, "-f", "json")
    assert base.exit_code == 1
    data = json.loads(base.stdout)
    jsonschema.validate(data, schema)
    assert data["findings"]
    assert all(f["claim"]["path"] == SEED_TARGET for f in data["findings"])
    for fmt in ("table", "jsonl", "csv", "markdown", "html", "sarif", "github"):
        out = tmp_path / f"report.{fmt}"
        r = check(SEED_TARGET, "--against", SEED_SOURCE, "-f", fmt, "-o", str(out))
        assert r.exit_code == 1, r.stderr
        text = out.read_text("utf-8")
        assert text == check(SEED_TARGET, "--against", SEED_SOURCE, "-f", fmt).stdout
        assert str(ROOT) not in text
    sarif = json.loads((tmp_path / "report.sarif").read_text("utf-8"))
    assert len(sarif["runs"][0]["results"]) == len(data["findings"])
    jsonl = (tmp_path / "report.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(line) for line in jsonl] == data["findings"]


def test_e2e_seed_pair_table_fits_and_baseline_silences(repo: Path, tmp_path: Path) -> None:
    r = check(SEED_TARGET, "--against", SEED_SOURCE)
    assert max(len(line) for line in r.stdout.splitlines()) <= 100
    baseline = str(tmp_path / "baseline.json")
    assert check(SEED_TARGET, "--against", SEED_SOURCE, "--write-baseline", baseline).exit_code == 0
    r = check(SEED_TARGET, "--against", SEED_SOURCE, "--baseline", baseline)
    assert r.exit_code == 0 and " 0 findings in 1 target" in r.stdout


def test_e2e_hostile_document_is_escaped_in_html(repo: Path) -> None:
    expected = json.loads((BAD / "expected.json").read_text("utf-8"))
    r = check("fixtures/bad/hostile.txt", "--against", "fixtures/bad/hostile_source.txt",
              "-f", "html")
    assert r.exit_code in (0, 1), r.stderr
    for forbidden in expected["forbidden_in_html_report"]:
        assert forbidden not in r.stdout
    assert "&lt;script&gt;document.title=&#x27;PWNED&#x27;&lt;/script&gt;" in r.stdout


def test_e2e_extract_seed(repo: Path) -> None:
    r = run("extract", SEED_TARGET)
    assert r.exit_code == 0
    assert max(len(line) for line in r.stdout.splitlines()) <= 100
    data = json.loads(run("extract", SEED_TARGET, "-f", "json").stdout)
    texts = [c["text"] for c in data["claims"]]
    assert texts and all(c["path"] == SEED_TARGET for c in data["claims"])
    categories = {c["category"] for c in data["claims"]}
    assert categories == {"quantity", "date", "attribution"}

