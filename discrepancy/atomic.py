"""Write a file whole or not at all.

A report or baseline that is cut short (a crash, a full disk, Ctrl-C) would be
read by CI as a valid but smaller file, so every file we write goes to a
temporary file in the same directory first and is moved over the target with
``os.replace``, which is atomic on POSIX and Windows within one filesystem.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO


def _default_mode() -> int:
    # mkstemp creates 0600; a report should get the permissions `open(path, "w")` would give.
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write(path: str | os.PathLike[str], write: Callable[[IO[bytes]], None]) -> None:
    """Call ``write`` with a binary temp file, then move it over ``path``.

    If ``write`` raises, ``path`` is untouched and the temp file is removed.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = _default_mode()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    atomic_write(path, lambda fh: fh.write(data) and None)


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    # newline="" semantics: we write exactly the "\n" we rendered, on every platform,
    # so the same input gives the same bytes everywhere.
    atomic_write_bytes(path, text.encode("utf-8"))
