"""A small HTTP server on 127.0.0.1, in a thread, serving fixed pages for fetch tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = (ROOT / "seeds/004_1f1aacc786a3892f.txt").read_text("utf-8")
SUMMARY = (ROOT / "seeds/000_49d02485ee17d19b.txt").read_text("utf-8")


def article_html(text: str) -> str:
    paragraphs = "".join(f"<p>{line}</p>\n" for line in text.splitlines() if line.strip())
    return (
        "<!DOCTYPE html><html><head><title>Story</title></head><body>"
        "<nav><a href='/'>Home</a></nav><article><h1>North Korea shipments</h1>\n"
        f"{paragraphs}</article><footer>Copyright</footer></body></html>"
    )


# path -> (status, headers, body)
PAGES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/story": (200, {"Content-Type": "text/html; charset=utf-8"},
               article_html(SOURCE).encode("utf-8")),
    "/source.txt": (200, {"Content-Type": "text/plain; charset=utf-8"}, SOURCE.encode("utf-8")),
    "/summary.txt": (200, {"Content-Type": "text/plain"}, SUMMARY.encode("utf-8")),
    "/image.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + b"0" * 100),
    "/huge": (200, {"Content-Type": "text/plain", "Content-Length": str(30 * 1024 * 1024)}, b""),
    "/missing": (404, {"Content-Type": "text/plain"}, b"not here"),
    "/to-story": (302, {"Location": "/story"}, b""),
    "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
    "/latin1": (200, {"Content-Type": "text/plain"}, "Caf\u00e9 prices rose 5%.".encode("latin-1")),
    "/empty": (200, {"Content-Type": "text/html"}, b"   "),
}
for n in range(10):  # /loop0 -> /loop1 -> ... : more hops than the limit
    PAGES[f"/loop{n}"] = (302, {"Location": f"/loop{n + 1}"}, b"")


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        if self.path == "/drip":  # a byte at a time: each read is quick, the whole is not
            self.server.hits.append(self.path)  # type: ignore[attr-defined]
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "100")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"a")
                    self.wfile.flush()
                    time.sleep(0.05)
            except OSError:
                pass  # the client gave up, as it should
            return
        status, headers, body = PAGES.get(self.path, (404, {"Content-Type": "text/plain"}, b"?"))
        self.server.hits.append(self.path)  # type: ignore[attr-defined]
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.path != "/huge":
            self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass  # keep pytest output clean


@contextmanager
def local_http() -> Iterator[ThreadingHTTPServer]:
    """A server on 127.0.0.1 (port chosen by the OS); ``server.url(path)`` gives a URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.hits = []  # type: ignore[attr-defined]
    port = server.server_address[1]
    server.url = lambda path: f"http://127.0.0.1:{port}{path}"  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
