"""`check --links`: sources from the links a summary lists, fetched from a local server."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from local_http import SUMMARY, local_http

from discrepancy.cli import cli
from discrepancy.text.links import find_links


def test_links_in_text_and_markdown() -> None:
    text = (
        "Sources:\n- https://a.example/story?id=1.\n- [B](https://b.example/x) and "
        "<https://c.example/c>, https://a.example/story?id=1#top again\n"
        "Not a link: ftp://d.example/ or www.e.example.\n"
    )
    assert find_links(text, html=False) == [
        "https://a.example/story?id=1", "https://b.example/x", "https://c.example/c",
    ]


def test_links_in_html_skip_page_chrome_and_relative_links() -> None:
    html = (
        "<html><body><nav><a href='https://site.example/'>Home</a></nav><article>"
        "<p>Text</p><ul><li><a href='https://a.example/1'>A</a></li>"
        "<li><a href='/relative'>R</a></li><li><a href='mailto:x@y'>M</a></li>"
        "<li><a href='javascript:alert(1)'>J</a></li></ul></article>"
        "<footer><a href='https://site.example/about'>About</a></footer></body></html>"
    )
    assert find_links(html, html=True) == ["https://a.example/1"]


def test_check_links_fetches_the_listed_sources(tmp_path: Path) -> None:
    with local_http() as server:
        story, image, missing = (server.url(p) for p in ("/story", "/image.png", "/missing"))
        summary = tmp_path / "summary.md"
        summary.write_text(
            SUMMARY + f"\n\nSources:\n- [Story]({story})\n- {image}\n- {missing}\n",
            encoding="utf-8")
        r = CliRunner().invoke(cli, ["check", str(summary), "--links", "--format", "json"])
        assert sorted(server.hits) == ["/image.png", "/missing", "/story"]
    assert r.exit_code == 1, r.stderr
    warnings = r.stderr.strip().splitlines()
    assert len(warnings) == 2 and all(w.startswith("discrepancy: skipped a link: ")
                                      for w in warnings)
    data = json.loads(r.stdout)
    conflict = next(f for f in data["findings"] if f["claim"]["text"] == "20 million+")
    assert conflict["evidence"][0]["path"] == story


def test_links_of_an_html_summary(tmp_path: Path) -> None:
    with local_http() as server:
        body = "".join(f"<p>{line}</p>" for line in SUMMARY.splitlines() if line.strip())
        page = tmp_path / "summary.html"
        page.write_text(
            f"<html><body><nav><a href='{server.url('/missing')}'>Home</a></nav><article>"
            f"{body}<p>Source: <a href='{server.url('/source.txt')}'>report</a></p>"
            "</article></body></html>", encoding="utf-8")
        r = CliRunner().invoke(cli, ["check", str(page), "--links", "--format", "json"])
        assert server.hits == ["/source.txt"]
    assert r.exit_code == 1, r.stderr
    assert r.stderr == ""


def test_no_links_is_one_line_and_exit_2(tmp_path: Path) -> None:
    summary = tmp_path / "summary.txt"
    summary.write_text("About 20 million shells were sent.\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["check", str(summary), "--links"])
    assert r.exit_code == 2
    assert r.stderr.strip() == (
        f"discrepancy: error: {summary}: --links found no http(s) links in it")


def test_unreadable_links_are_exit_2(tmp_path: Path) -> None:
    with local_http() as server:
        summary = tmp_path / "summary.txt"
        summary.write_text(f"About 20 million shells. {server.url('/missing')}\n",
                           encoding="utf-8")
        r = CliRunner().invoke(cli, ["check", str(summary), "--links"])
    assert r.exit_code == 2
    assert r.stderr.strip().splitlines()[-1] == (
        f"discrepancy: error: {summary}: none of its 1 links could be read")


def test_sources_are_needed() -> None:
    r = CliRunner().invoke(cli, ["check", "summary.txt"])
    assert r.exit_code == 2 and "--against SOURCE... or --links" in r.stderr
