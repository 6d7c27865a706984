import io
import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from discrepancy.cli.compare import compare_command
from discrepancy.figure_table import compare
from discrepancy.text.load import load_document

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "fixtures" / "story_port_strike"
SEEDS = ROOT / "seeds"

AGREE = {
    "one.txt": "Officials said 38 ships were waiting at anchor on Tuesday.\n",
    "two.txt": "Harbour staff counted 38 vessels waiting offshore on Tuesday.\n",
    "three.txt": "About 38 ships were waiting outside the port on Tuesday.\n",
}
CONFLICT = {
    **AGREE,
    "four.txt": "Some 80 ships were waiting outside the port on Tuesday.\n",
}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(compare_command, list(args))
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, files: dict[str, str]) -> list[str]:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [str(tmp_path / name) for name in files]


def story_files() -> list[str]:
    expected = json.loads((STORY / "expected.json").read_text("utf-8"))
    return [str(STORY / name) for name in expected["documents"]]


def test_the_outlier_of_the_story_is_named() -> None:
    expected = json.loads((STORY / "expected.json").read_text("utf-8"))
    code, out, _ = run(*story_files(), "--format", "json")
    assert code == 1
    data = json.loads(out)
    group = next(g for g in data["groups"] if expected["outlier_doc"] in g["outliers"])
    assert group["verdict"] == "conflict"
    assert group["outliers"] == [expected["outlier_doc"]]
    texts = {doc: [c["text"] for c in cells] for doc, cells in group["cells"].items()}
    for member in expected["group_members"]:
        assert any(t in member["text"] for t in texts[member["doc"]]), member


def test_the_stories_that_must_not_conflict_do_not() -> None:
    expected = json.loads((STORY / "expected.json").read_text("utf-8"))
    data = json.loads(run(*story_files(), "--format", "json")[1])
    conflicting = [g for g in data["groups"] if g["verdict"] == "conflict"]
    for case in expected["must_not_conflict"]:
        for g in conflicting:
            inside = [
                item for item in case["items"]
                if any(c["text"] in item["text"] for c in g["cells"].get(item["doc"], []))
            ]
            docs = {item["doc"] for item in inside}
            assert len(docs) < 2 or _same_figure(inside), (case["note"], g["id"])


def _same_figure(items: list[dict]) -> bool:
    return len({item["text"].split()[0] for item in items}) == 1


def test_all_agree_exits_0_and_conflict_exits_1(tmp_path: Path) -> None:
    code, out, _ = run(*write(tmp_path, AGREE))
    assert code == 0, out
    assert "0 conflict" in out
    code, out, _ = run(*write(tmp_path, CONFLICT))
    assert code == 1, out
    assert "outlier four" in out


def test_json_names_documents_in_argument_order(tmp_path: Path) -> None:
    paths = write(tmp_path, CONFLICT)
    data = json.loads(run(*reversed(paths), "-f", "json")[1])
    assert [d["id"] for d in data["documents"]] == ["four", "three", "two", "one"]
    (group,) = [g for g in data["groups"] if g["subject"] == "ship" or "ship" in g["subject"]]
    assert group["outliers"] == ["four"]
    assert list(group["cells"]) == ["four", "three", "two", "one"]


def test_csv_reads_back_with_pandas(tmp_path: Path) -> None:
    paths = write(tmp_path, CONFLICT)
    code, out, _ = run(*paths, "--format", "csv")
    assert code == 1
    frame = pd.read_csv(io.StringIO(out), index_col="group")
    assert list(frame.columns) == [
        "subject", "dimension", "unit", "period", "one", "two", "three", "four",
        "consensus_low", "consensus_high", "verdict", "outliers",
    ]
    row = frame.loc[frame["verdict"] == "conflict"].iloc[0]
    assert row["outliers"] == "four"
    assert row["four"] == "Some 80 ships"


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown", "html"])
def test_every_format_is_the_same_bytes_twice(tmp_path: Path, fmt: str) -> None:
    paths = write(tmp_path, CONFLICT)
    first, second = run(*paths, "-f", fmt), run(*paths, "-f", fmt)
    assert first == second
    assert first[0] == 1


def test_output_is_written_atomically_in_the_format_of_its_suffix(tmp_path: Path) -> None:
    paths = write(tmp_path, CONFLICT)
    target = tmp_path / "out" / "figures.html"
    target.parent.mkdir()
    code, out, _ = run(*paths, "--output", str(target))
    assert (code, out) == (1, "")
    html = target.read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<details><summary>" in html
    assert sorted(p.name for p in target.parent.iterdir()) == ["figures.html"]


def test_html_cells_open_to_their_quote_and_escape_the_text(tmp_path: Path) -> None:
    files = {
        **AGREE,
        "evil.txt": 'Some 80 ships <script>alert("x")</script> were waiting on Tuesday.\n',
    }
    out = run(*write(tmp_path, files), "-f", "html")[1]
    assert "<script" not in out
    assert "&lt;script&gt;" in out
    assert "evil.txt:1:1" in out  # the location under the quote


def test_min_sources_hides_figures_few_documents_state(tmp_path: Path) -> None:
    files = {**AGREE, "one.txt": AGREE["one.txt"] + "The port employs 4,200 dockworkers.\n"}
    paths = write(tmp_path, files)
    all_groups = json.loads(run(*paths, "-f", "json")[1])["groups"]
    shown = json.loads(run(*paths, "-f", "json", "--min-sources", "2")[1])["groups"]
    assert any(g["verdict"] == "single source" for g in all_groups)
    assert shown and all(len(g["cells"]) >= 2 for g in shown)


@pytest.mark.parametrize(
    "args, message",
    [
        (["missing.txt", "also-missing.txt"], "missing.txt: no such file"),
        (["{one}", "{bad}"], "not valid UTF-8"),
        (["{one}", "{empty}"], "file is empty"),
    ],
)
def test_input_errors_exit_2_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "one.txt").write_text(AGREE["one.txt"], encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 38 ships\n")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    names = {k: str(tmp_path / f"{k}.txt") for k in ("one", "bad", "empty")}
    code, out, err = run(*(a.format(**names) for a in args))
    assert code == 2
    assert out == ""
    assert err.startswith("discrepancy: error: ") and message in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    (one,) = write(tmp_path, {"one.txt": AGREE["one.txt"]})
    assert run(one)[0] == 2
    assert run()[0] == 2
    assert run(one, one)[0] == 2  # the same file twice is one document
    assert run(*write(tmp_path, AGREE), "--format", "sarif")[0] == 2


def test_output_over_an_input_is_refused(tmp_path: Path) -> None:
    paths = write(tmp_path, AGREE)
    code, _, err = run(*paths, "-o", paths[0])
    assert code == 2
    assert Path(paths[0]).read_text("utf-8") == AGREE["one.txt"]
    assert "refusing" in err


def test_library_compare_takes_documents_and_text() -> None:
    table = compare([
        "Officials said 38 ships were waiting at anchor on Tuesday.",
        load_document(STORY / "outlet_a.txt"),
    ])
    assert [d.id for d in table.documents] == ["doc1", "outlet_a"]
    assert any(g.verdict == "agree" and len(g.cells) == 2 for g in table.groups)


def test_seed_pair_shell_counts_conflict() -> None:
    table = compare([
        load_document(SEEDS / "000_49d02485ee17d19b.txt"),
        load_document(SEEDS / "004_1f1aacc786a3892f.txt"),
    ])
    shells = [
        g for g in table.groups
        if any("20 million" in c.text for c in g.claims)
    ]
    assert len(shells) == 1
    (g,) = shells
    assert {c.text for c in g.claims} >= {"20 million+", "more than two million rounds"}
    assert g.verdict == "conflict"


def test_runs_as_a_subcommand_of_the_discrepancy_group(tmp_path: Path, monkeypatch) -> None:
    from discrepancy import cli

    monkeypatch.setitem(cli.LAZY_COMMANDS, "compare", "discrepancy.cli.compare:compare")
    monkeypatch.setattr(cli.cli, "commands", dict(cli.cli.commands))
    runner = CliRunner()
    result = runner.invoke(cli.cli, ["compare", *write(tmp_path, CONFLICT), "-f", "json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["summary"]["conflict"] == 1
    result = runner.invoke(cli.cli, ["compare", str(tmp_path / "one.txt"), "nope.txt"])
    assert result.exit_code == 2
    assert result.stderr == "discrepancy: error: nope.txt: no such file\n"
