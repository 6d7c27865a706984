"""The HTTP API: the same bytes as the CLI, and a clear 4xx for every bad request."""

from __future__ import annotations

import json
import socket
import warnings
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from local_http import SOURCE, SUMMARY, article_html, local_http

from discrepancy.cli import cli
from discrepancy.server.app import create_app

with warnings.catch_warnings():
    # Starlette 1.x warns that its test client is moving from httpx to httpx2; either works.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

ROOT = Path(__file__).resolve().parent.parent
PAIR = ROOT / "fixtures/pairs/wildfire_cedar_hollow"


def client(host: str = "127.0.0.1", **kwargs: Any) -> TestClient:
    return TestClient(create_app(host, warm_up=False, **kwargs), base_url="http://127.0.0.1")


def cli_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[str, int]:
    monkeypatch.chdir(tmp_path)  # names in the report are the paths as typed
    r = CliRunner().invoke(cli, list(args))
    assert r.exit_code in (0, 1), r.stderr
    return r.stdout, r.exit_code


def write(tmp_path: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")


FILES = {
    "summary.txt": SUMMARY,
    "a.txt": SOURCE,
    "b.html": article_html((PAIR / "source.txt").read_text("utf-8")),
}


def test_check_equals_the_cli_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, FILES)
    expected, code = cli_output(tmp_path, monkeypatch, "check", "summary.txt",
                                "--against", "a.txt", "b.html", "--format", "json")
    r = client().post("/api/check", json={
        "target": {"name": "summary.txt", "text": FILES["summary.txt"]},
        "sources": [{"name": "a.txt", "text": FILES["a.txt"]},
                    {"name": "b.html", "text": FILES["b.html"]}],
    })
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/json")
    assert r.text == expected
    assert r.headers["x-discrepancy-exit-code"] == str(code) == "1"
    assert "20 million+" in r.text


def test_options_equal_the_same_config_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, FILES)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.discrepancy]\nfail-on = "high"\ntolerance = 0.2\ndisable = ["DQ302"]\n'
        'per-file-ignores = { "summ*.txt" = ["DQ202"] }\n', encoding="utf-8")
    expected, code = cli_output(tmp_path, monkeypatch, "check", "summary.txt",
                                "--against", "a.txt", "--format", "json")
    r = client().post("/api/check", json={
        "target": {"name": "summary.txt", "text": FILES["summary.txt"]},
        "sources": [{"name": "a.txt", "text": FILES["a.txt"]}],
        "options": {"fail-on": "high", "tolerance": 0.2, "disable": ["DQ302"],
                    "per-file-ignores": {"summ*.txt": ["DQ202"]}},
    })
    assert r.text == expected and r.headers["x-discrepancy-exit-code"] == str(code)
    assert "DQ302" not in r.text


@pytest.mark.parametrize("fmt", ["csv", "markdown", "html", "sarif", "table"])
def test_other_formats_equal_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    write(tmp_path, FILES)
    expected, _ = cli_output(tmp_path, monkeypatch, "check", "summary.txt", "--against",
                             "a.txt", "--format", fmt)
    r = client().post(f"/api/check?format={fmt}", json={
        "target": {"name": "summary.txt", "text": FILES["summary.txt"]},
        "sources": [{"name": "a.txt", "text": FILES["a.txt"]}],
    })
    assert r.status_code == 200 and r.text == expected


def test_format_all_bundles_the_page_downloads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, FILES)
    expected, _ = cli_output(tmp_path, monkeypatch, "check", "summary.txt", "--against",
                             "a.txt", "--format", "csv")
    r = client().post("/api/check?format=all", json={
        "target": {"name": "summary.txt", "text": FILES["summary.txt"]},
        "sources": [{"name": "a.txt", "text": FILES["a.txt"]}],
    })
    data = r.json()
    assert set(data["formats"]) == {"json", "csv", "markdown", "html"}
    assert data["formats"]["csv"] == expected
    assert data["exit_code"] == 1 and "findings in 1 target" in data["summary"]


def test_default_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"target": SUMMARY, "source-1": SOURCE})
    expected, _ = cli_output(tmp_path, monkeypatch, "check", "target", "--against", "source-1",
                             "--format", "json")
    r = client().post("/api/check", json={"target": {"text": SUMMARY},
                                          "sources": [{"text": SOURCE}]})
    assert r.text == expected


def test_url_source_equals_the_cli_with_the_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, FILES)
    with local_http() as server:
        url = server.url("/story")
        expected, _ = cli_output(tmp_path, monkeypatch, "check", "summary.txt", "--against",
                                 url, "--format", "json")
        r = client().post("/api/check", json={
            "target": {"name": "summary.txt", "text": SUMMARY}, "sources": [{"url": url}]})
    assert r.status_code == 200, r.text
    assert r.text == expected and url in r.text


def test_compare_equals_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    story = ROOT / "fixtures/story_port_strike"
    names = ["outlet_a.txt", "outlet_b.md", "outlet_c.html"]
    write(tmp_path, {n: (story / n).read_text("utf-8") for n in names})
    expected, code = cli_output(tmp_path, monkeypatch, "compare", *names, "--format", "json")
    r = client().post("/api/compare", json={
        "documents": [{"name": n, "text": (story / n).read_text("utf-8")} for n in names]})
    assert r.status_code == 200, r.text
    assert r.text == expected and r.headers["x-discrepancy-exit-code"] == str(code)


def test_healthz_and_openapi() -> None:
    c = client()
    assert c.get("/healthz").json()["status"] == "ok"
    spec = c.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert {"/api/check", "/api/compare", "/healthz"} <= set(spec["paths"])
    body = spec["paths"]["/api/check"]["post"]["requestBody"]["content"]["application/json"]
    assert body["schema"]["required"] == ["target"]


def test_openapi_request_schema_accepts_the_example() -> None:
    import jsonschema

    spec = client().get("/openapi.json").json()
    schema = spec["paths"]["/api/check"]["post"]["requestBody"]["content"][
        "application/json"]["schema"]
    jsonschema.validate({"target": {"name": "s.txt", "text": "x"},
                         "sources": [{"url": "https://example.org/a"}],
                         "options": {"fail-on": "high"}}, schema)


def error(r: Any, status: int) -> str:
    assert r.status_code == status, r.text
    data = r.json()
    assert data["status"] == status and data["error"]
    return str(data["error"])


def test_bad_json_is_400() -> None:
    r = client().post("/api/check", content=b'{"target": ', headers={
        "Content-Type": "application/json"})
    assert "not valid JSON" in error(r, 400)


def test_not_json_content_type_is_415() -> None:
    r = client().post("/api/check", content=b"{}", headers={"Content-Type": "text/plain"})
    assert "application/json" in error(r, 415)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"sources": [{"text": "x"}]}, "missing field 'target'"),
        ({"target": {"text": "x"}}, "missing field 'sources'"),
        ({"target": {"text": "x"}, "sources": []}, "at least 1 document"),
        ({"target": {"name": "t"}, "sources": [{"text": "x"}]}, "exactly one of"),
        ({"target": "text", "sources": [{"text": "x"}]}, "target must be an object"),
        ({"target": {"text": "x"}, "sources": [{"url": "ftp://x/y"}]}, "sources[0].url"),
        ({"target": {"text": "  "}, "sources": [{"text": "x"}]}, "target: file is empty"),
        ({"target": {"text": "x"}, "sources": [{"text": "x"}], "options": {"fail_on": "x"}},
         "unknown key 'fail_on'"),
        ({"target": {"text": "x"}, "sources": [{"text": "x"}], "extra": 1},
         "unknown field 'extra'"),
        ([1, 2], "must be a JSON object"),
    ],
)
def test_missing_and_invalid_fields_are_422(body: Any, message: str) -> None:
    assert message in error(client().post("/api/check", json=body), 422)


def test_compare_needs_two_documents() -> None:
    r = client().post("/api/compare", json={"documents": [{"text": "x"}]})
    assert "at least 2 documents" in error(r, 422)


def test_30_mb_body_is_413() -> None:
    big = b'{"target": {"text": "' + b"a" * (30 * 1024 * 1024) + b'"}, "sources": []}'
    r = client().post("/api/check", content=big, headers={"Content-Type": "application/json"})
    assert "larger than 25 MB" in error(r, 413)


def test_body_cap_holds_without_content_length() -> None:
    def chunks() -> Any:
        for _ in range(40):
            yield b"a" * (1024 * 1024)

    r = client(max_body=4 * 1024 * 1024).post(
        "/api/check", content=chunks(), headers={"Content-Type": "application/json"})
    assert "larger than 4 MB" in error(r, 413)


def test_unreachable_url_is_422() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}/story"
        r = client().post("/api/check", json={"target": {"text": SUMMARY},
                                              "sources": [{"url": url}]})
    message = error(r, 422)
    assert url in message and "connection refused" in message


def test_bound_to_all_interfaces_refuses_local_urls() -> None:
    with local_http() as server:
        r = TestClient(create_app("0.0.0.0", warm_up=False)).post("/api/check", json={
            "target": {"text": SUMMARY}, "sources": [{"url": server.url("/story")}]})
        assert server.hits == []
    assert "server-side request forgery" in error(r, 403)


def test_local_server_refuses_other_host_names() -> None:
    # DNS rebinding: evil.example resolving to 127.0.0.1 must not reach the API.
    r = TestClient(create_app(warm_up=False), base_url="http://evil.example").get("/healthz")
    assert r.status_code == 400


def test_page_is_served_with_a_strict_policy() -> None:
    r = client().get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    policy = r.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client().get("/static/report.css").text.startswith(":root")
    assert client().get("/static/../pyproject.toml").status_code == 404


def test_unknown_path_is_a_json_404() -> None:
    assert "POST /api/check" in error(client().get("/nope"), 404)
    assert error(client().get("/api/check"), 405)


def test_no_document_touches_the_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    r = client().post("/api/check", json={"target": {"text": SUMMARY},
                                          "sources": [{"text": SOURCE}]})
    assert r.status_code == 200
    assert list(tmp_path.iterdir()) == []


def test_json_equals_the_cli_exactly_for_hostile_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile = (ROOT / "fixtures/bad/hostile.txt").read_text("utf-8")
    write(tmp_path, {"t.txt": hostile, "s.txt": SOURCE})
    expected, _ = cli_output(tmp_path, monkeypatch, "check", "t.txt", "--against", "s.txt",
                             "--format", "json")
    r = client().post("/api/check", json={"target": {"name": "t.txt", "text": hostile},
                                          "sources": [{"name": "s.txt", "text": SOURCE}]})
    assert r.text == expected
    assert json.loads(r.text)["version"] == 1


def test_links_take_the_sources_from_the_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with local_http() as server:
        text = SUMMARY + f"\nSources: {server.url('/story')} {server.url('/missing')}\n"
        write(tmp_path, {"summary.txt": text})
        monkeypatch.chdir(tmp_path)
        cli_run = CliRunner().invoke(cli, ["check", "summary.txt", "--links", "-f", "json"])
        r = client().post("/api/check", json={
            "target": {"name": "summary.txt", "text": text}, "links": True})
        bundle = client().post("/api/check?format=all", json={
            "target": {"name": "summary.txt", "text": text}, "links": True}).json()
    assert r.status_code == 200, r.text
    assert r.text == cli_run.stdout
    warnings = json.loads(r.headers["x-discrepancy-warnings"])
    assert len(warnings) == 1 and "HTTP 404" in warnings[0]
    assert warnings == bundle["warnings"]
    assert f"discrepancy: {warnings[0]}" in cli_run.stderr


def test_links_never_read_a_file_of_the_targets_name(tmp_path: Path) -> None:
    secret = tmp_path / "secret.html"
    secret.write_text("<a href='http://127.0.0.1:1/'>x</a>", encoding="utf-8")
    r = client().post("/api/check", json={
        "target": {"name": str(secret), "text": "About 20 million shells."}, "links": True})
    assert "no http(s) links" in error(r, 422)


def test_links_refuse_private_addresses_off_localhost() -> None:
    with local_http() as server:
        r = TestClient(create_app("0.0.0.0", warm_up=False)).post("/api/check", json={
            "target": {"text": f"About 20 million shells. {server.url('/story')}"},
            "links": True})
        assert server.hits == []
    assert "server-side request forgery" in error(r, 403)


def test_compare_with_options_and_a_url_equals_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = ROOT / "fixtures/story_port_strike"
    names = ["outlet_a.txt", "outlet_d.txt"]
    write(tmp_path, {n: (story / n).read_text("utf-8") for n in names})
    with local_http() as server:
        url = server.url("/source.txt")
        expected, code = cli_output(tmp_path, monkeypatch, "compare", *names, url,
                                    "--min-sources", "2", "--tolerance", "0.1",
                                    "--format", "csv")
        r = client().post("/api/compare?format=csv", json={
            "documents": [*({"name": n, "text": (story / n).read_text("utf-8")}
                            for n in names), {"url": url}],
            "options": {"min-sources": 2, "tolerance": 0.1}})
    assert r.status_code == 200, r.text
    assert r.text == expected and r.headers["x-discrepancy-exit-code"] == str(code)
    assert r.headers["content-type"].startswith("text/csv")
