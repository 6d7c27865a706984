"""Sources by URL: fetch one web page and read it as a document.

The standard library (``http.client``) rather than httpx or requests: one GET
with a handful of rules needs no extra dependency, and driving each hop
ourselves makes the rules easy to enforce and read:

* only ``http`` and ``https``, also after a redirect; at most 5 redirects;
* a timeout on every connect and read, and one deadline for the whole fetch;
* at most ``MAX_BYTES`` (the file limit), refused from Content-Length when the
  server says so, else by counting while reading;
* only text content types (HTML, plain text, Markdown); HTML is read as article
  text exactly as an ``.html`` file is;
* with ``public_only`` (the server when bound to a non-local address) the
  address actually connected to must be public: loopback, private, link-local
  and other special addresses are refused. The check is on the connected
  socket's peer, so a name that resolves to a public address for a check and
  a private one for the connection (DNS rebinding) is still caught.

No network is touched unless the user gave a URL: nothing here runs otherwise.
"""

from __future__ import annotations

import http.client
import ipaddress
import re
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

from ..errors import InputError
from ..model import Document, Role
from .load import MAX_BYTES, document_from_text, html_to_text

SCHEMES = ("http", "https")
MAX_REDIRECTS = 5
TIMEOUT = 10.0  # seconds for one connect or one read
DEADLINE = 30.0  # seconds for the whole fetch, redirects included
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.I
)
USER_AGENT = "discrepancy (fact-checking tool; +https://github.com/discrepancy-news/discrepancy)"


def is_url(value: str) -> bool:
    """Whether a command-line argument is a URL rather than a path."""
    return value.lower().startswith(("http://", "https://"))


class FetchError(InputError):
    """A URL could not be fetched or read; the message names the URL."""


class RefusedAddress(FetchError):
    """The URL points at a non-public address while only public ones may be fetched."""


@dataclass(frozen=True)
class Page:
    url: str  # as given: what locations show
    final_url: str  # after redirects
    content_type: str
    text: str  # decoded body


def _refused_address(ip: str) -> str | None:
    """Why ``ip`` is not a public address, or None when it is."""
    addr = ipaddress.ip_address(ip.split("%", 1)[0])
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    for test, why in (
        (addr.is_loopback, "loopback"), (addr.is_private, "private"),
        (addr.is_link_local, "link-local"), (addr.is_multicast, "multicast"),
        (addr.is_unspecified, "unspecified"), (addr.is_reserved, "reserved"),
    ):
        if test:
            return why
    return None


def check_public(ip: str, url: str) -> None:
    why = _refused_address(ip)
    if why:
        raise RefusedAddress(
            f"{url}: refusing to fetch from {ip}, a {why} address: this server is reachable "
            "from other machines, so it fetches only public addresses (server-side request "
            "forgery); run `discrepancy serve` on 127.0.0.1 to fetch local pages"
        )


def _refuse_private_peer(conn: http.client.HTTPConnection, public_only: bool, shown: str) -> None:
    """Close the just-connected socket if it reached a refused address."""
    if not public_only:
        return
    try:
        check_public(conn.sock.getpeername()[0], shown)
    except FetchError:
        conn.sock.close()
        raise


class _GuardedHTTP(http.client.HTTPConnection):
    public_only = False
    shown = ""

    def connect(self) -> None:
        super().connect()
        _refuse_private_peer(self, self.public_only, self.shown)


class _GuardedHTTPS(http.client.HTTPSConnection):
    public_only = False
    shown = ""

    def connect(self) -> None:
        # The plain TCP connection is checked before any TLS byte is sent.
        http.client.HTTPConnection.connect(self)
        _refuse_private_peer(self, self.public_only, self.shown)
        server_hostname = self._tunnel_host or self.host
        self.sock = self._context.wrap_socket(self.sock, server_hostname=server_hostname)


def fetch(url: str, *, public_only: bool = False, timeout: float = TIMEOUT) -> Page:
    """GET ``url`` under the rules in the module docstring; FetchError says why not."""
    deadline = time.monotonic() + DEADLINE
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        parts = urlsplit(current)
        if parts.scheme.lower() not in SCHEMES:
            raise FetchError(f"{url}: only http and https URLs can be fetched, not {current}")
        if not parts.hostname:
            raise FetchError(f"{url}: no host name in the URL")
        conn = _connection(parts.scheme.lower(), parts.hostname, parts.port, timeout)
        conn.public_only, conn.shown = public_only, url  # type: ignore[attr-defined]
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        # Socket timeouts bound each read, not a server that drips a byte at a time:
        # at the deadline the watchdog shuts the socket, which ends any blocked read.
        watchdog = threading.Timer(max(0.0, deadline - time.monotonic()), _abort, (conn,))
        watchdog.daemon = True
        watchdog.start()
        try:
            conn.request("GET", path, headers={
                "User-Agent": USER_AGENT,
                "Accept": "text/html,application/xhtml+xml,text/plain,text/markdown;q=0.9",
                "Accept-Encoding": "identity",
            })
            resp = conn.getresponse()
            if resp.status in (301, 302, 303, 307, 308):
                location = resp.getheader("Location")
                resp.close()
                if not location:
                    raise FetchError(f"{url}: redirect ({resp.status}) without a Location")
                current = urljoin(current, location)
                continue
            if resp.status != 200:
                raise FetchError(f"{url}: HTTP {resp.status} {resp.reason}".rstrip())
            content_type, charset = _content_type(resp.getheader("Content-Type", ""))
            if content_type not in HTML_TYPES | TEXT_TYPES:
                raise FetchError(
                    f"{url}: content type {content_type or 'missing'} is not a web page or "
                    "text (HTML, plain text or Markdown)"
                )
            body = _read_capped(resp, url, deadline)
        except FetchError:
            raise
        except (OSError, http.client.HTTPException) as e:
            if time.monotonic() >= deadline:
                raise FetchError(f"{url}: timed out after {DEADLINE:g} s") from None
            raise _failure(e, url, parts.hostname, timeout) from None
        finally:
            watchdog.cancel()
            conn.close()
        text = _decode(body, charset, content_type, url)
        return Page(url=url, final_url=current, content_type=content_type, text=text)
    raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")


def _abort(conn: http.client.HTTPConnection) -> None:
    sock = conn.sock
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # already closed


def _failure(e: OSError | http.client.HTTPException, url: str, host: str,
             timeout: float) -> FetchError:
    """One line for a network error."""
    if isinstance(e, ssl.SSLError):
        return FetchError(f"{url}: TLS error ({e.reason or e})")
    if isinstance(e, socket.gaierror):
        return FetchError(f"{url}: cannot resolve host {host}")
    if isinstance(e, TimeoutError):
        return FetchError(f"{url}: timed out after {timeout:g} s")
    if isinstance(e, ConnectionRefusedError):
        return FetchError(f"{url}: connection refused")
    reason = getattr(e, "strerror", None) or str(e) or type(e).__name__
    return FetchError(f"{url}: cannot fetch ({reason})")


def _connection(
    scheme: str, host: str, port: int | None, timeout: float
) -> http.client.HTTPConnection:
    if scheme == "https":
        return _GuardedHTTPS(host, port, timeout=timeout, context=ssl.create_default_context())
    return _GuardedHTTP(host, port, timeout=timeout)


def _content_type(header: str) -> tuple[str, str | None]:
    msg = Message()
    msg["Content-Type"] = header or "application/octet-stream"
    charset = msg.get_param("charset")
    return msg.get_content_type().lower(), charset if isinstance(charset, str) else None


def _read_capped(resp: http.client.HTTPResponse, url: str, deadline: float) -> bytes:
    length = resp.getheader("Content-Length")
    if length and length.isdigit() and int(length) > MAX_BYTES:
        raise FetchError(
            f"{url}: page is too large ({int(length) // (1024 * 1024)} MB; limit 20 MB)"
        )
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = resp.read1(64 * 1024)  # what has arrived: read() would wait for all
        if not chunk:
            break
        size += len(chunk)
        if size > MAX_BYTES:
            raise FetchError(f"{url}: page is too large (over 20 MB; limit 20 MB)")
        if time.monotonic() > deadline:
            raise FetchError(f"{url}: timed out after {DEADLINE:g} s")
        chunks.append(chunk)
    if time.monotonic() >= deadline:  # the watchdog shut the socket: the body is cut short
        raise FetchError(f"{url}: timed out after {DEADLINE:g} s")
    return b"".join(chunks)


def _decode(body: bytes, charset: str | None, content_type: str, url: str) -> str:
    if b"\x00" in body[:8192]:
        raise FetchError(f"{url}: binary content, not text")
    if charset is None and content_type in HTML_TYPES:
        m = _META_CHARSET.search(body[:4096])
        charset = m.group(1).decode("ascii") if m else None
    try:
        text = body.decode(charset or "utf-8-sig")
    except LookupError:
        raise FetchError(f"{url}: unknown character set {charset!r}") from None
    except UnicodeDecodeError as e:
        raise FetchError(
            f"{url}: not valid {charset or 'UTF-8'} (byte 0x{body[e.start]:02x} at offset "
            f"{e.start})"
        ) from None
    if not text.strip():
        raise FetchError(f"{url}: page is empty")
    return text


def page_to_document(page: Page, id: str | None = None, role: Role = "source") -> Document:
    """The page as a document whose path is the URL, so every location names it."""
    text = page.text
    if page.content_type in HTML_TYPES:
        text = html_to_text(text, page.url)
    return document_from_text(text, id=id or page.url, path=page.url, role=role)


def load_url(
    url: str, id: str | None = None, role: Role = "source", *, public_only: bool = False
) -> Document:
    return page_to_document(fetch(url, public_only=public_only), id=id, role=role)
