"""The links a summary lists: ``check --links`` takes its sources from them.

AI-written summaries, and the pages they are published on, usually end with the
articles they were written from. Links are read from the raw document: in HTML
from ``<a href>`` (those in navigation, headers, footers and asides skipped, as
they point at the site, not at sources), elsewhere from bare URLs and Markdown
``[text](url)``. Only absolute http(s) links count, each once, in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from html.parser import HTMLParser
from urllib.parse import urldefrag

from ..model import Document
from .fetch import is_url

MAX_LINKS = 20  # a summary cites a handful of articles; more is a link farm, not sources
# Stops at whitespace, quotes, angle brackets and the brackets of Markdown syntax.
_URL = re.compile(r"""https?://[^\s<>"'()\[\]{}`]+""", re.I)
_TRAILING = ".,;:!?*_"


class _Anchors(HTMLParser):
    CHROME = frozenset({"nav", "header", "footer", "aside", "script", "style", "noscript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.CHROME:
            self.depth += 1
        elif tag == "a" and not self.depth:
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href.strip())

    def handle_endtag(self, tag: str) -> None:
        if tag in self.CHROME and self.depth:
            self.depth -= 1


def find_links(raw: str, html: bool) -> list[str]:
    """Absolute http(s) links in ``raw`` (HTML or text), without fragments, first seen first."""
    if html:
        parser = _Anchors()
        try:
            parser.feed(raw)
            parser.close()
        except Exception:  # html.parser is lenient; whatever it rejects has no usable links
            pass
        found = parser.hrefs
    else:
        found = [m.group(0).rstrip(_TRAILING) for m in _URL.finditer(raw)]
    out: dict[str, None] = {}
    for link in found:
        url = urldefrag(link)[0]
        if is_url(url):
            out.setdefault(url, None)
    return list(out)


def document_links(doc: Document) -> list[str]:
    """The links ``doc`` lists. HTML is read again raw, since its article text has no hrefs."""
    from pathlib import Path

    from .load import HTML_SUFFIXES, MAX_BYTES

    raw, html = doc.text, False
    path = doc.path
    if path and is_url(path):
        from .fetch import HTML_TYPES, fetch

        page = fetch(path)
        raw, html = page.text, page.content_type in HTML_TYPES
    elif path and Path(path).suffix.lower() in HTML_SUFFIXES and Path(path).is_file():
        if Path(path).stat().st_size <= MAX_BYTES:
            raw, html = Path(path).read_text("utf-8", errors="replace"), True
    return [u for u in find_links(raw, html) if u != path]


def link_sources(
    targets: Sequence[Document],
    name_for: Callable[[str], str],
    warn: Callable[[str], None],
    *,
    urls_of: Callable[[Document], list[str]] = document_links,
    public_only: bool = False,
) -> dict[str, list[Document]]:
    """Each target's sources, fetched from the links it lists (target id -> documents).

    A link that cannot be read (an image, a dead page) is skipped with a warning:
    summaries often link more than their sources. A target none of whose links can
    be read, or that lists none, is an error. A URL linked by several targets is
    fetched once.
    """
    from ..errors import InputError
    from .fetch import FetchError, RefusedAddress, load_url

    fetched: dict[str, Document | None] = {}
    out: dict[str, list[Document]] = {}
    for target in targets:
        shown = target.path or target.id
        urls = urls_of(target)
        if not urls:
            raise InputError(f"{shown}: --links found no http(s) links in it")
        if len(urls) > MAX_LINKS:
            warn(f"{shown}: {len(urls)} links; only the first {MAX_LINKS} are fetched")
            urls = urls[:MAX_LINKS]
        docs = []
        for url in urls:
            if url not in fetched:
                try:
                    fetched[url] = load_url(url, id=name_for(url), role="source",
                                            public_only=public_only)
                except RefusedAddress:
                    raise  # not a dead link: the server was asked to reach inside a network
                except FetchError as e:
                    warn(f"skipped a link: {e}")
                    fetched[url] = None
            doc = fetched[url]
            if doc is not None:
                docs.append(doc)
        if not docs:
            raise InputError(f"{shown}: none of its {len(urls)} links could be read")
        out[target.id] = docs
    return out
