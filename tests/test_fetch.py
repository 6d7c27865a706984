"""Sources by URL: `check --against http://...` against a local server on 127.0.0.1."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from local_http import local_http

from discrepancy.cli import cli
from discrepancy.text.fetch import FetchError, fetch, is_url, load_url

ROOT = Path(__file__).resolve().parent.parent
SUMMARY = str(ROOT / "seeds/000_49d02485ee17d19b.txt")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def one_line_error(r: Result) -> str:
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("discrepancy: error: ")
    return lines[0]


def test_is_url() -> None:
    assert is_url("https://example.org/story") and is_url("HTTP://x")
    assert not is_url("story.html") and not is_url("-") and not is_url("ftp://x/y")


def test_check_against_a_url_names_it_in_every_evidence_location() -> None:
    with local_http() as server:
        url = server.url("/story")
        r = run("check", SUMMARY, "--against", url, "--format", "json")
    assert r.exit_code == 1, r.stderr
    data = json.loads(r.stdout)
    assert {"id": url, "path": url, "role": "source"} in data["documents"]
    evidence = [e for f in data["findings"] for e in f["evidence"]]
    from_source = [e for e in evidence if e["doc"] != "000_49d02485ee17d19b"]
    assert from_source and all(e["path"] == url for e in from_source)
    conflict = next(f for f in data["findings"] if f["claim"]["text"] == "20 million+")
    assert conflict["code"] == "DQ101"
    assert conflict["evidence"][0]["path"] == url
    assert "more than two million rounds" in conflict["evidence"][0]["text"]
    # The navigation and footer of the page are not read as article text.
    assert "Copyright" not in json.dumps(from_source)


def test_table_output_shows_the_url(monkeypatch: pytest.MonkeyPatch) -> None:
    with local_http() as server:
        url = server.url("/source.txt")
        r = run("check", SUMMARY, "--against", url)
    assert r.exit_code == 1, r.stderr
    assert "127.0.0.1" in r.stdout


def test_plain_text_url_reads_like_the_file() -> None:
    with local_http() as server:
        by_url = run("check", SUMMARY, "--against", server.url("/source.txt"), "-f", "json")
    by_file = run("check", SUMMARY, "--against", str(ROOT / "seeds/004_1f1aacc786a3892f.txt"),
                  "-f", "json")
    codes = [(f["code"], f["claim"]["start"]) for f in json.loads(by_url.stdout)["findings"]]
    assert codes == [(f["code"], f["claim"]["start"])
                     for f in json.loads(by_file.stdout)["findings"]]


def test_redirects_are_followed_and_the_given_url_is_shown() -> None:
    with local_http() as server:
        doc = load_url(server.url("/to-story"))
        assert server.hits == ["/to-story", "/story"]
    assert doc.path.endswith("/to-story")
    assert "two million rounds" in doc.text


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/loop0", "more than 5 redirects"),
        ("/to-file", "only http and https"),
        ("/image.png", "content type image/png is not a web page"),
        ("/huge", "page is too large (30 MB; limit 20 MB)"),
        ("/missing", "HTTP 404"),
        ("/latin1", "not valid UTF-8"),
        ("/empty", "page is empty"),
    ],
)
def test_failed_fetch_is_one_line_and_exit_2(path: str, message: str) -> None:
    with local_http() as server:
        url = server.url(path)
        line = one_line_error(run("check", SUMMARY, "--against", url))
    assert url in line and message in line


def test_unreachable_host_is_one_line() -> None:
    with socket.socket() as s:  # a port nobody listens on: bound, never listening
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}/story"
        line = one_line_error(run("check", SUMMARY, "--against", url))
    assert "connection refused" in line


def test_redirect_count_stops_at_five() -> None:
    with local_http() as server:
        with pytest.raises(FetchError):
            fetch(server.url("/loop0"))
        assert len(server.hits) == 6  # the first request and 5 redirects


def test_public_only_refuses_loopback_before_sending_a_request() -> None:
    with local_http() as server:
        with pytest.raises(FetchError, match="loopback address.*server-side request forgery"):
            fetch(server.url("/story"), public_only=True)
        assert server.hits == []


@pytest.mark.parametrize(
    "ip", ["127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.0.9", "169.254.169.254", "::1",
           "fe80::1", "0.0.0.0", "::ffff:127.0.0.1"],
)
def test_non_public_addresses_are_refused(ip: str) -> None:
    from discrepancy.text.fetch import check_public

    with pytest.raises(FetchError):
        check_public(ip, "http://x/")
    check_public("93.184.215.14", "http://x/")  # a public address passes


def test_a_dripping_server_hits_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    import discrepancy.text.fetch as fetch_module

    monkeypatch.setattr(fetch_module, "DEADLINE", 0.5)
    with local_http() as server:
        t0 = time.monotonic()
        with pytest.raises(FetchError, match=r"timed out after 0\.5 s"):
            fetch(server.url("/drip"))
        assert time.monotonic() - t0 < 3


def test_https_is_verified_and_guarded(tmp_path: Path) -> None:
    """A local HTTPS server with a self-signed certificate: refused by verification, and
    with public_only refused before the TLS handshake."""
    import shutil
    import ssl
    import subprocess
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    if shutil.which("openssl") is None:
        pytest.skip("openssl not found to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"About 2 million shells were sent.")

        def log_message(self, *_args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"https://127.0.0.1:{server.server_address[1]}/"
        with pytest.raises(FetchError, match="TLS error.*CERTIFICATE_VERIFY_FAILED"):
            fetch(url)
        with pytest.raises(FetchError, match="loopback"):
            fetch(url, public_only=True)
    finally:
        server.shutdown()
        server.server_close()


def test_links_in_a_summary_are_not_fetched_without_links(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("network access attempted")

    summary = tmp_path / "summary.md"
    summary.write_text("About 20 million shells. [Source](https://example.org/story)\n",
                       encoding="utf-8")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    r = run("check", str(summary), "--against", str(ROOT / "seeds/004_1f1aacc786a3892f.txt"))
    assert r.exit_code in (0, 1), r.stderr  # it ran, and opened no connection


def test_the_cli_does_not_import_the_server() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from discrepancy.cli import main\n"
        "try:\n"
        "    main(['check', 'seeds/000_49d02485ee17d19b.txt', '--against',"
        " 'seeds/004_1f1aacc786a3892f.txt', '-f', 'json'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in"
        " ('starlette', 'uvicorn', 'anyio')), file=sys.stderr)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                       check=True)
    assert r.stderr.strip() == "[]"  # check keeps its start-up time
