"""Read documents and split them into sentences with offsets and line/column.

Splitting is our own: one linear scan over sentence-final punctuation with an
abbreviation list (a data file). pysbd was tried; it is ~50x slower on long
articles and we only need sentence boundaries good enough to quote.
"""

from __future__ import annotations

import os
import re
import stat
from bisect import bisect_right
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from ..errors import InputError
from ..model import Document, Role, Sentence
from .wordlists import words

MAX_BYTES = 20 * 1024 * 1024  # news articles are KBs; 20 MB is a mistake, not an article
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}

# Candidate boundary: terminal punctuation, optional closing quotes/brackets, then space.
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]{0,3}[ \t]+")
_PREV_TOKEN = re.compile(r"(\S{1,40})$")
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.){2,6}$")
# "Table 1. Known transfers", "No. 3. The": a label number, not a sentence end.
_LABEL_NUMBER = re.compile(
    r"\b(?:table|figure|fig|chart|exhibit|no|item|step)[ \t]{1,3}\d{1,4}$", re.I
)
_LINE_SPLIT = re.compile(r"\n")


@cache
def _abbreviations() -> frozenset[str]:
    return words("abbreviations.txt")


def _is_abbreviation(token: str) -> bool:
    """Whether ``token`` (ending in ".") is an abbreviation rather than a sentence end."""
    core = token.lstrip("(\"'“‘[")
    if _DOTTED_ACRONYM.search(core):
        return True
    word = core[:-1]
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Smith"
    # "ex-Rep. Joe DioGuardi", "then-Gov. Jerry Brown": the title after the hyphen
    return word.lower() in _abbreviations() or word.lower().rpartition("-")[2] in _abbreviations()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) without surrounding whitespace.

    Lines are split first: headlines, datelines and table rows carry no
    final punctuation but are separate units.
    """
    spans: list[tuple[int, int]] = []
    if "\n" not in text:
        # one line (a sentence, a title): its end is its only break, and no wrap
        _split_line(text, 0, len(text), spans)
        return spans
    pos = 0
    # a text in lower case throughout (tokenised corpora) tells no wrap from a caption
    cased = not text[:CASE_SAMPLE].islower()
    for m in _LINE_SPLIT.finditer(text + "\n"):
        if cased and _soft_wrap(text, m.start()):
            continue  # the sentence runs on past a hard wrap
        _split_line(text, pos, m.start(), spans)
        pos = m.end()
    return spans


_RUNS_ON = frozenset(("the", "a", "an", "of", "and", "or", "to", "in", "for", "at", "on", "by",
                      "with", "from", "that", "its", "their", "his", "her", "as"))
CASE_SAMPLE = 2000
WRAPPED_LINE_MIN = 40  # a wire story's wrapped lines are long; headings and table rows short


def _soft_wrap(text: str, nl: int) -> bool:
    """The line break at ``nl`` wraps a sentence (wire copy: "an underlying pretax
    profit of 345 million\npounds"): a long line with no closing punctuation, then
    one that goes on in lower case, digits or a bracket."""
    if nl + 1 >= len(text) or not (text[nl + 1].isalnum() or text[nl + 1] in "($£€"):
        return False
    line = text[text.rfind("\n", 0, nl) + 1:nl].rstrip()
    if len(line) < WRAPPED_LINE_MIN or not (line[-1].isalnum() or line[-1] in ",)%"):
        return False
    if text[nl + 1].islower() or text[nl + 1].isdigit() or text[nl + 1] in "($£€":
        return True
    # a capital may go on a sentence after a comma or a word that ends none
    # ("market leader Tesco,\nWal-Mart's Asda", "Japan's Toyota\nMotor")
    last = line.rsplit(None, 1)[-1].lower()
    return line[-1] == "," or last in _RUNS_ON


def _split_line(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    line = text[start:end]
    s = 0
    for m in _BOUNDARY.finditer(line):
        nxt = line[m.end(): m.end() + 1]
        if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘("):
            continue
        if nxt == "(" and line[m.end() + 1: m.end() + 2].isdigit():
            continue  # "Washington, Ill. (166-200 mph)": figures in brackets go on the sentence
        punct_end = m.end() - len(m.group()) + len(m.group().rstrip(" \t"))
        if line[m.start()] == ".":
            # searched in a window: from 0 it would rescan the line at every full stop
            tok = _PREV_TOKEN.search(line, max(0, m.start() - 41), m.start() + 1)
            if tok and _is_abbreviation(tok.group(1)):
                continue
            if _LABEL_NUMBER.search(line, max(0, m.start() - 20), m.start()):
                continue
        _emit(text, start + s, start + punct_end, out)
        s = m.end()
    _emit(text, start + s, end, out)


def _emit(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append((a, b))


def _line_starts(text: str) -> tuple[int, ...]:
    if "\n" not in text:
        return (0,)  # one line: spare the generator
    return (0, *(m.end() for m in _LINE_SPLIT.finditer(text)))


_SURROGATE = re.compile("[\ud800-\udfff]")


def _location(line_starts: tuple[int, ...], offset: int) -> tuple[int, int]:
    """``Document.location`` before the Document exists: building a throwaway
    Document to ask it cost a third of reading a one-sentence text (the same
    arithmetic as ``Document.location``)."""
    i = bisect_right(line_starts, offset) - 1
    return i + 1, offset - line_starts[i] + 1


def document_from_text(
    text: str, id: str = "doc", path: str | None = None, role: Role = "source"
) -> Document:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # A lone surrogate (from a library caller's str) cannot be encoded: every
    # renderer would fail. One replacement character keeps every offset.
    if not text.isascii():  # an ASCII text holds no surrogate: spare the pattern its pass
        text = _SURROGATE.sub("\ufffd", text)
    line_starts = _line_starts(text)
    sentences = []
    for i, (a, b) in enumerate(split_sentences(text)):
        line, col = _location(line_starts, a)
        sentences.append(Sentence(index=i, start=a, end=b, line=line, column=col, text=text[a:b]))
    return Document(
        id=id, text=text, path=path, role=role, sentences=tuple(sentences), line_starts=line_starts
    )


def decode(data: bytes, name: str) -> str:
    """Bytes to text, or an InputError saying exactly why not."""
    if len(data) > MAX_BYTES:
        mb = len(data) // (1024 * 1024)
        raise InputError(f"{name}: file is too large ({mb} MB; limit 20 MB)")
    nul = data.find(b"\x00")
    if nul >= 0:  # anywhere, not only near the start: a NUL would reach CSV and HTML raw
        raise InputError(f"{name}: binary file, not text (a NUL byte at offset {nul})")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); "
            "convert it with iconv -t UTF-8"
        ) from None
    if not text.strip():
        raise InputError(f"{name}: file is empty")
    return text


def looks_like_html(text: str, name: str = "") -> bool:
    if Path(name).suffix.lower() in HTML_SUFFIXES:
        return True
    head = text.lstrip()[:512].lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


def html_to_text(html: str, name: str) -> str:
    """Main article text of a news page; navigation and boilerplate dropped."""
    try:
        import trafilatura
    except ImportError as e:  # pragma: no cover - a declared dependency
        raise InputError(f"{name}: HTML input needs trafilatura ({e})") from None
    try:
        text = trafilatura.extract(
            html, include_comments=False, include_tables=True, favor_recall=True,
            with_metadata=False, deduplicate=False,
        )
    except Exception as e:  # trafilatura raises lxml errors of many kinds on broken pages
        raise InputError(f"{name}: could not parse HTML ({type(e).__name__})") from None
    if not text or not text.strip():
        # trafilatura gives up on badly broken pages (an unclosed comment can
        # swallow the body); the forgiving stdlib parser still finds paragraphs.
        text = _fallback_html_text(html)
    if not text or not text.strip():
        raise InputError(f"{name}: no article text found in HTML")
    if _only_chrome(text, html):
        raise InputError(f"{name}: no article text found in HTML (only navigation and page chrome)")
    return text


class _ChromeText(HTMLParser):
    """Text inside navigation, headers, footers, asides and forms."""

    CHROME = frozenset({"nav", "header", "footer", "aside", "form"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.CHROME:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.CHROME and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)


def _only_chrome(text: str, html: str) -> bool:
    """Whether every line trafilatura kept is page chrome (a menu, a copyright
    footer): with favor_recall it returns those when a page has no article."""
    parser = _ChromeText()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # lenient parser; if it fails we cannot tell, so keep the text
        return False
    chrome = " ".join(" ".join(parser.parts).split())
    if not chrome:
        return False
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return all(line in chrome for line in lines if line)


class _ParagraphText(HTMLParser):
    """Text of block elements, skipping scripts, styles and page chrome."""

    SKIP = frozenset(
        {"script", "style", "nav", "header", "footer", "aside", "form", "noscript"}
    )
    BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote", "div"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.lines: list[str] = []
        self.current: list[str] = []

    def _flush(self) -> None:
        line = " ".join("".join(self.current).split())
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skip_depth += 1
        elif tag in self.BLOCKS:
            self._flush()
        elif tag == "td" and self.current:
            self.current.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag in self.BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.current.append(data)


def _fallback_html_text(html: str) -> str:
    parser = _ParagraphText()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # html.parser is lenient; anything it still rejects is unreadable
        return ""
    parser._flush()
    # Keep sentences, drop menus: lines of a few words are navigation.
    return "\n\n".join(line for line in parser.lines if len(line.split()) >= 4)


def text_to_document(
    text: str, name: str, id: str | None = None, role: Role = "source", path: str | None = None
) -> Document:
    if looks_like_html(text, name):
        text = html_to_text(text, name)
    return document_from_text(text, id=id or _default_id(name), path=path, role=role)


_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
)


def _not_regular(mode: int) -> str | None:
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return None if stat.S_ISREG(mode) else "not a regular file"


def read_bounded(path: str | Path, name: str) -> bytes:
    """The bytes of the regular file at ``path``, never more than MAX_BYTES + 1 read.

    FIFOs, devices and sockets are refused before anything is read: /dev/zero and
    /dev/urandom never end, and a FIFO without a writer would block forever. The
    file is opened with O_NONBLOCK, so even one swapped in after the check cannot
    block the open; a file that grows while read is refused at the limit.
    """
    try:
        kind = _not_regular(os.stat(path).st_mode)
        if kind == "not a regular file" and Path(path).is_dir():
            raise InputError(f"{name}: is a directory, not a file")
        if kind is not None:
            raise InputError(f"{name}: is {kind}, not a regular file; pipe it to stdin (-)")
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(path, flags | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as e:
        raise InputError(f"{name}: cannot read ({e.strerror})") from None
    try:
        st = os.fstat(fd)
        kind = _not_regular(st.st_mode)
        if kind is not None:  # replaced between stat and open
            raise InputError(f"{name}: is {kind}, not a regular file; pipe it to stdin (-)")
        if st.st_size > MAX_BYTES:
            raise InputError(f"{name}: file is too large ({st.st_size // (1024 * 1024)} MB; "
                             "limit 20 MB)")
        chunks: list[bytes] = []
        left = MAX_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as e:
        raise InputError(f"{name}: cannot read ({e.strerror})") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: file is too large (grew past the 20 MB limit while read)")
    return data


def load_document(path: str | Path, id: str | None = None, role: Role = "source") -> Document:
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a str or os.PathLike, not {type(path).__name__}")
    name = str(path)
    data = read_bounded(path, name)
    return text_to_document(decode(data, name), name, id=id, role=role, path=name)


def _default_id(name: str) -> str:
    return Path(name).stem or name
