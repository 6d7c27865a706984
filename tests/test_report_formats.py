"""Every output format, parsed back and compared with the JSON records."""

from __future__ import annotations

import csv
import io
import json
import random
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import lxml.html
import pytest
from test_report_helpers import TARGET_TEXT, empty_report, sample_report

from discrepancy.checks.codes import RULES
from discrepancy.model import Report
from discrepancy.report import FORMATS, render
from discrepancy.report.common import format_value, summary_line
from discrepancy.report.github import escape_data, escape_property
from discrepancy.report.htmlreport import highlight
from discrepancy.report.markdown import md_escape
from discrepancy.report.records import flat_record
from discrepancy.report.sarif import artifact_uri

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "discrepancy/schema/report.schema.json").read_text("utf-8"))
SARIF_SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text("utf-8"))
SEED_TARGET = ROOT / "seeds/000_49d02485ee17d19b.txt"
SEED_SOURCE = ROOT / "seeds/004_1f1aacc786a3892f.txt"


def seed_report() -> Report:
    from discrepancy import check
    from discrepancy.text.load import load_document

    target = load_document(str(SEED_TARGET.relative_to(ROOT)), id="summary", role="target")
    source = load_document(str(SEED_SOURCE.relative_to(ROOT)), id="source", role="source")
    return check(target, [source])


REPORTS = {"sample": sample_report, "seed": seed_report}


@pytest.fixture(params=sorted(REPORTS))
def report(request: pytest.FixtureRequest) -> Report:
    return REPORTS[request.param]()


def records(report: Report) -> list[dict[str, Any]]:
    return json.loads(render(report, "json"))["findings"]  # type: ignore[no-any-return]


def where(claim: dict[str, Any]) -> tuple[Any, ...]:
    return (claim["path"] or claim["doc"], claim["line"], claim["column"], claim["end_line"],
            claim["end_column"])


def test_sample_report_has_every_severity() -> None:
    recs = records(sample_report())
    assert {r["severity"] for r in recs} == {"high", "medium", "low"}


# ------------------------------------------------------------------------------ json / jsonl


def test_json_validates_against_shipped_schema(report: Report) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft202012Validator(SCHEMA).validate(json.loads(render(report, "json")))


def test_empty_report_validates_and_says_so() -> None:
    data = json.loads(render(empty_report(), "json"))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert data["findings"] == []
    assert data["summary"]["findings"] == 0


def test_schema_rejects_a_record_missing_a_key() -> None:
    data = json.loads(render(sample_report(), "json"))
    del data["findings"][0]["fingerprint"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_json_findings_are_sorted_by_document_and_position() -> None:
    recs = records(sample_report())
    positions = [(r["claim"]["doc"], r["claim"]["start"]) for r in recs]
    assert positions == sorted(positions)


def test_jsonl_is_one_record_per_line(report: Report) -> None:
    lines = render(report, "jsonl").splitlines()
    assert [json.loads(line) for line in lines] == records(report)


def test_jsonl_of_empty_report_is_empty() -> None:
    assert render(empty_report(), "jsonl") == ""


# ------------------------------------------------------------------------------ csv


def test_csv_rows_are_the_flat_records(report: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(render(report, "csv"))))
    expected = [
        {k: "" if v is None else str(v) for k, v in flat_record(r).items()}
        for r in records(report)
    ]
    assert rows == expected


def test_csv_of_empty_report_has_header_only() -> None:
    text = render(empty_report(), "csv")
    assert text.splitlines()[0].startswith("code,name,kind,category,severity,message")
    assert len(text.splitlines()) == 1


# ------------------------------------------------------------------------------ sarif


def test_sarif_validates_against_sarif_2_1_0_schema(report: Report) -> None:
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(json.loads(render(report, "sarif")))


def test_sarif_results_match_records(report: Report) -> None:
    log = json.loads(render(report, "sarif"))
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "discrepancy" and driver["version"] and driver["informationUri"]
    assert [r["id"] for r in driver["rules"]] == [r.code for r in RULES]
    for rule in driver["rules"]:
        assert rule["name"] and rule["shortDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    recs = records(report)
    assert len(run["results"]) == len(recs)
    levels = {"high": "error", "medium": "warning", "low": "note"}
    for result, rec in zip(run["results"], recs, strict=True):
        assert result["ruleId"] == rec["code"]
        assert driver["rules"][result["ruleIndex"]]["id"] == rec["code"]
        assert result["level"] == levels[rec["severity"]]
        assert result["message"]["text"] == rec["message"]
        assert result["partialFingerprints"] == {"discrepancy/v1": rec["fingerprint"]}
        (loc,) = result["locations"]
        assert _sarif_where(loc) == where(rec["claim"])
        assert loc["physicalLocation"]["region"]["snippet"]["text"] == rec["claim"]["text"]
        related = result.get("relatedLocations", [])
        assert [_sarif_where(r) for r in related] == [where(e) for e in rec["evidence"]]


def _sarif_where(loc: dict[str, Any]) -> tuple[Any, ...]:
    phys = loc["physicalLocation"]
    region = phys["region"]
    return (phys["artifactLocation"]["uri"], region["startLine"], region["startColumn"],
            region["endLine"], region["endColumn"])


@pytest.mark.parametrize(("path", "uri"), [
    ("summary.txt", "summary.txt"),
    ("news/a b.md", "news/a%20b.md"),
    ("news\\win.txt", "news/win.txt"),
    ("/abs/x.txt", "file:///abs/x.txt"),
])
def test_sarif_uris_stay_relative(path: str, uri: str) -> None:
    assert artifact_uri(path) == uri


# ------------------------------------------------------------------------------ github

_GH = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<msg>.*)$")


def _gh_unescape(text: str) -> str:
    for code, ch in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, ch)
    return text


def test_github_annotations_match_records(report: Report) -> None:
    lines = render(report, "github").splitlines()
    recs = records(report)
    assert len(lines) == len(recs)
    levels = {"high": "error", "medium": "warning", "low": "notice"}
    for line, rec in zip(lines, recs, strict=True):
        m = _GH.match(line)
        assert m, line
        assert m.group(1) == levels[rec["severity"]]
        props = dict(p.split("=", 1) for p in m.group("props").split(","))
        c = rec["claim"]
        assert _gh_unescape(props["file"]) == c["path"]
        assert (int(props["line"]), int(props["col"])) == (c["line"], c["column"])
        assert (int(props["endLine"]), int(props["endColumn"])) == (c["end_line"], c["end_column"])
        assert _gh_unescape(props["title"]) == f"{rec['code']} {rec['name']}"
        message = _gh_unescape(m.group("msg"))
        assert message.startswith(rec["message"])
        assert c["text"] in message


def test_github_escaping_follows_the_toolkit_rules() -> None:
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"
    # A newline in a message must not end the command and start a new one.
    r = sample_report()
    f = replace(r.findings[0], message="bad\n::error::injected")
    out = render(replace(r, findings=(f,)), "github")
    assert out.count("\n") == 1 and "%0A::error::injected" in out


# ------------------------------------------------------------------------------ markdown


def _md_unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text).replace("@\u2060", "@")


def test_markdown_table_matches_records(report: Report) -> None:
    text = render(report, "markdown")
    recs = records(report)
    summary = summary_line(json.loads(render(report, "json")))
    assert text.startswith(f"### discrepancy: {md_escape(summary)}")
    rows = [line for line in text.splitlines() if line.startswith("| **")]
    assert len(rows) == len(recs)
    for row, rec in zip(rows, recs, strict=True):
        cells = [_md_unescape(c.strip()) for c in re.split(r"(?<!\\)\|", row)[1:-1]]
        severity, code, claim, evidence, _values, message = cells
        c = rec["claim"]
        assert severity == f"**{rec['severity']}**"
        assert code == f"{rec['code']} {rec['name']}"
        assert claim == f"“{' '.join(c['text'].split())}” ({c['path']}:{c['line']})"
        for e in rec["evidence"]:
            assert f"“{' '.join(e['text'].split())}” ({e['path']}:{e['line']})" in evidence
        assert message == " ".join(rec["message"].split())


def test_markdown_escapes_table_breakers_and_mentions() -> None:
    assert md_escape("a | b") == "a \\| b"
    assert md_escape("<img src=x>") == "\\<img src=x\\>"
    assert md_escape("line\nbreak") == "line break"
    assert "@" + "\u2060" in md_escape("ping @octocat")


# ------------------------------------------------------------------------------ table


def _visible(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


@pytest.mark.parametrize("color", [False, True])
def test_table_fits_100_columns(report: Report, color: bool) -> None:
    out = render(report, "table", color=color)
    assert max(len(_visible(line)) for line in out.splitlines()) <= 100


def test_table_fits_100_columns_with_long_quotes() -> None:
    r = sample_report()
    long = "x" * 300 + " " + "word " * 80
    f = replace(r.findings[0], message=long)
    out = render(replace(r, findings=(f,)), "table")
    assert max(len(line) for line in out.splitlines()) <= 100


def test_table_shows_each_claim_and_ends_with_summary(report: Report) -> None:
    out = render(report, "table")
    flat = " ".join(out.replace("│", " ").split())
    for rec in records(report):
        assert rec["code"] in out
        assert f"line {rec['claim']['line']}:{rec['claim']['column']}" in flat
    assert out.splitlines()[-1] == summary_line(json.loads(render(report, "json")))


def test_table_summary_line_wording() -> None:
    assert render(sample_report(), "table").splitlines()[-1] == (
        "1 high, 1 medium, 1 low — 3 findings in 1 target"
    )
    assert render(empty_report(), "table") == "0 high, 0 medium, 0 low — 0 findings in 1 target\n"
    assert "2 more in the baseline" in render(empty_report(), "table", suppressed=2)


def test_table_colour_only_when_asked() -> None:
    assert "\x1b[" not in render(sample_report(), "table")
    assert "\x1b[" in render(sample_report(), "table", color=True)


def test_format_value_is_short_and_readable() -> None:
    assert format_value({"low": 800, "high": "inf", "value": 800, "unit": "", "dimension": "count",
                         "qualifier": "more_than", "subject": "rail car"}) == ">800 rail cars"
    assert format_value({"low": 1, "high": 1, "value": 1, "unit": "", "dimension": "count",
                         "qualifier": "exact", "subject": "person"}) == "1 person"
    assert format_value({"low": 2, "high": 2, "value": 2, "unit": "", "dimension": "count",
                         "qualifier": "exact", "subject": "person"}) == "2 people"
    assert format_value({"low": 25, "high": 30, "value": 27.5, "unit": "tonne",
                         "dimension": "mass", "qualifier": "range", "subject": ""}) == "25–30 tonne"
    assert format_value({"start": "2023-09-01", "end": "2024-01-23", "granularity": "month",
                         "open_start": False, "open_end": True}) == "2023-09-01.."
    assert format_value({"speaker": "analysts", "outlet": "wsj", "verb": "tell"}) == (
        "analysts via wsj"
    )
    assert format_value({}) == ""


# ------------------------------------------------------------------------------ html


def _marks(tree: Any, n: int) -> list[Any]:
    return tree.xpath(f'//mark[@data-finding="{n}"]')


def test_html_marks_every_claim_and_links_evidence(report: Report) -> None:
    tree = lxml.html.fromstring(render(report, "html"))
    recs = records(report)
    assert len(tree.xpath("//li[@data-finding]")) == len(recs)
    for n, rec in enumerate(recs, 1):
        first = tree.get_element_by_id(f"finding-{n}")
        assert first.tag == "mark"
        assert first.get("class") == f"sev-{rec['severity']}"
        assert first.get("data-kind") == rec["kind"]
        assert first.get("data-category") == rec["category"]
        # A span cut by an overlapping one is split over several marks; together they
        # hold exactly the claim text.
        text = "".join(m.text_content() for m in _marks(tree, n))
        assert text == rec["claim"]["text"]
        details = tree.get_element_by_id(f"finding-{n}-details")
        body = details.text_content()
        assert rec["message"] in body
        for e in rec["evidence"]:
            assert e["text"] in body
            assert f"{e['path']}:{e['line']}:{e['column']}" in body


def test_html_is_self_contained_and_locked_down() -> None:
    out = render(sample_report(), "html")
    tree = lxml.html.fromstring(out)
    (meta,) = tree.xpath('//meta[@http-equiv="Content-Security-Policy"]')
    policy = meta.get("content")
    assert "default-src 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", out)
    assert not tree.xpath("//link|//img|//iframe|//object|//embed|//script[@src]")
    assert len(tree.xpath("//script")) == 1


def test_html_escapes_document_text() -> None:
    hostile = TARGET_TEXT + '<script>alert(1)</script> <img src=x onerror="alert(2)">\n'
    out = render(sample_report(hostile), "html")
    tree = lxml.html.fromstring(out)
    assert len(tree.xpath("//script")) == 1  # ours
    assert not tree.xpath("//img")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    pre = tree.xpath("//pre")[0].text_content()
    assert "<script>alert(1)</script>" in pre  # shown as text, exactly


def test_html_escapes_attributes() -> None:
    r = sample_report()
    f = replace(r.findings[0], message='x" onmouseover="alert(1)')
    tree = lxml.html.fromstring(render(replace(r, findings=(f,)), "html"))
    assert not tree.xpath("//*[@onmouseover]")
    (mark,) = _marks(tree, 1)[:1]
    assert 'onmouseover="alert(1)' in mark.get("title")


def test_highlight_nests_overlapping_spans() -> None:
    text = "abcdefghij"
    out = highlight(text, [(0, 6, 1), (3, 9, 2), (3, 9, 3)],
                    lambda n, first: f'<mark data-n="{n}"{" id=f" + str(n) if first else ""}>')
    tree = lxml.html.fromstring(f"<pre>{out}</pre>")
    assert tree.text_content() == text
    for n, (a, b) in {1: (0, 6), 2: (3, 9), 3: (3, 9)}.items():
        pieces = tree.xpath(f'//mark[@data-n="{n}"]')
        assert "".join(p.text_content() for p in pieces) == text[a:b]
        assert len(tree.xpath(f'//mark[@id="f{n}"]')) == 1


def test_highlight_escapes_and_survives_bad_spans() -> None:
    out = highlight("<b>&", [(-5, 2, 1), (3, 99, 2), (1, 1, 3)], lambda n, f: "<mark>")
    assert out.replace("<mark>", "").replace("</mark>", "") == "&lt;b&gt;&amp;"


# ------------------------------------------------------------------------------ all formats


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_deterministic_and_order_independent(fmt: str) -> None:
    r = sample_report()
    shuffled = list(r.findings)
    random.Random(7).shuffle(shuffled)
    first = render(r, fmt)
    assert render(r, fmt) == first
    assert render(replace(r, findings=tuple(shuffled)), fmt) == first
    assert first.endswith("\n")
    assert "/work/" not in first and "/tmp/" not in first


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_an_empty_report(fmt: str) -> None:
    render(empty_report(), fmt)


def test_wire_schema_doc_lists_every_code() -> None:
    doc = (ROOT / "docs" / "wire-schema.md").read_text("utf-8")
    for rule in RULES:
        assert f"| {rule.code} | {rule.name} |" in doc
