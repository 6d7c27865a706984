"""The documents a run reads: files, folders of them, http(s) URLs and stdin.

Shared by the command line, the batch runner and the HTTP API, so a document
gets the same id (and so the same fingerprints) whichever way it was named.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..model import Document, Role

DOC_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml")
STDIN = "-"


@dataclass(frozen=True)
class InputFile:
    """A document to read: ``shown`` is the path as the user typed it (or ``-``)."""

    shown: str
    from_directory: bool = False

    @property
    def is_stdin(self) -> bool:
        return self.shown == STDIN

    @property
    def is_url(self) -> bool:
        from ..text.fetch import is_url

        return is_url(self.shown)


def input_files(args: Iterable[str]) -> list[InputFile]:
    """Files for ``args``: a directory means every text, Markdown or HTML file under
    it (sorted, hidden files skipped); ``-`` is stdin. Duplicates are dropped."""
    out: list[InputFile] = []
    seen: set[str] = set()
    for arg in args:
        if arg == STDIN or InputFile(arg).is_url:  # a URL is fetched when read, never a path
            items = [InputFile(arg)]
        elif Path(arg).is_dir():
            items = [InputFile(p, from_directory=True) for p in documents_in(arg)]
            if not items:
                raise InputError(
                    f"{arg}: no text, Markdown or HTML files in this directory "
                    f"({', '.join(DOC_SUFFIXES)})"
                )
        else:
            items = [InputFile(arg)]
        for item in items:
            key = item.shown if item.is_stdin or item.is_url else identity(item.shown)
            if key not in seen:
                seen.add(key)
                out.append(item)
    return out


def without_sources(targets: list[InputFile], sources: list[InputFile]) -> list[InputFile]:
    """``targets`` less the files a folder of them shares with ``sources``:
    ``check articles/ --against articles/source.txt`` does not check the source."""
    source_ids = {identity(s.shown) for s in sources if not s.is_stdin}
    return [t for t in targets if not (t.from_directory and identity(t.shown) in source_ids)]


def documents_in(directory: str) -> list[str]:
    root = Path(directory)
    found = []

    def unreadable(e: OSError) -> None:
        # os.walk (and rglob) would skip it silently: a check that silently covers
        # less than asked is worse than an error.
        raise InputError(f"{e.filename or directory}: cannot read this folder "
                         f"({e.strerror or e}); fix its permissions or name the files")

    for here, dirs, files in os.walk(root, onerror=unreadable):
        # .git, editor swap files; not descending into hidden folders at all.
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            p = Path(here) / name
            if not name.startswith(".") and p.suffix.lower() in DOC_SUFFIXES and p.is_file():
                found.append(p.relative_to(root).as_posix())
    # Sorted by the relative path so the order (and the report) is the same on every OS.
    return [str(root / rel) for rel in sorted(found)]


def identity(path: str) -> str:
    try:
        return os.path.realpath(path)
    except OSError:
        return os.path.abspath(path)


def same_file(a: str, b: str) -> bool:
    if identity(a) == identity(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def read_stdin() -> str:
    from ..text.load import MAX_BYTES, decode

    # Read one byte past the limit so an endless pipe is refused, not buffered whole.
    data = getattr(sys.stdin, "buffer", sys.stdin).read(MAX_BYTES + 1)
    return decode(data, "<stdin>")


def load_inputs(files: Sequence[InputFile], role: Role, taken: set[str]) -> list[Document]:
    """Documents for ``files`` with ids unique across ``taken`` (which is updated).

    Ids are file stems ("summary") where unique, else the path as given, so
    fingerprints do not depend on the directory the tool is run from.
    """
    from ..text.load import load_document, text_to_document

    docs = []
    for item in files:
        if item.is_stdin:
            doc_id = unique_id("stdin", "stdin", taken)
            doc = text_to_document(read_stdin(), "<stdin>", id=doc_id, role=role, path=None)
        elif item.is_url:
            from ..text.fetch import load_url

            doc = load_url(item.shown, id=unique_id(item.shown, item.shown, taken), role=role)
        else:
            doc_id = unique_id(Path(item.shown).stem or item.shown, item.shown, taken)
            doc = load_document(item.shown, id=doc_id, role=role)
        docs.append(doc)
    return docs


def unique_id(preferred: str, fallback: str, taken: set[str]) -> str:
    """``preferred``, else ``fallback`` as a POSIX path, else ``fallback#2``, ``#3``...:
    the first not in ``taken``, which it is added to."""
    for candidate in (preferred, Path(fallback).as_posix()):
        if candidate not in taken:
            taken.add(candidate)
            return candidate
    n = 2
    while f"{fallback}#{n}" in taken:
        n += 1
    taken.add(f"{fallback}#{n}")
    return f"{fallback}#{n}"
