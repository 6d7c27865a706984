"""Document text is untrusted: no input may make the tool open a connection.

Every socket operation raises here; loading news pages (links, images, scripts
pointing at remote hosts), checking and rendering every format must not notice.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from discrepancy.cli import cli

ROOT = Path(__file__).resolve().parent.parent
PAGE = """<!DOCTYPE html><html><head><title>Port strike</title>
<link rel="stylesheet" href="https://cdn.example.com/site.css">
<script src="https://tracker.example.com/t.js"></script></head>
<body><article><h1>Port strike enters third week</h1>
<p>About 2 million tonnes of cargo are stranded, port officials said on Tuesday.</p>
<img src="https://images.example.com/port.jpg" onerror="fetch('https://evil.example.com')">
<iframe src="https://ads.example.com/frame"></iframe>
<p>More than 11,000 containers have been diverted since the strike began.</p>
</article></body></html>
"""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.mark.parametrize("fmt", ["table", "json", "html", "sarif", "markdown", "github"])
def test_checking_pages_with_remote_resources_opens_no_connection(
    no_network: None, tmp_path: Path, fmt: str
) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    summary = tmp_path / "summary.txt"
    summary.write_text("About 20 million tonnes of cargo are stranded at the port.\n",
                       encoding="utf-8")
    result = CliRunner().invoke(cli, [
        "check", str(summary), "--against", str(page), str(ROOT / "fixtures/bad/hostile.html"),
        "--format", fmt,
    ])
    assert result.exit_code == 1, result.output
    assert "DQ101" in result.output  # "About 20 million tonnes" against "About 2 million"
    assert "evil.example.com" not in result.output
