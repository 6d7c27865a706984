"""Write a file whole or not at all, and never over something that is not a file.

A report or baseline that is cut short (a crash, a full disk, Ctrl-C) would be
read by CI as a valid but smaller file, so every file we write goes to a
temporary file in the same directory first and is moved over the target with
``os.replace``, which is atomic on POSIX and Windows within one filesystem.

On Linux the temporary file is created unnamed (``O_TMPFILE``) and only given a
name just before the rename, so even SIGKILL while writing leaves no ``.*.tmp``
behind; elsewhere a named temporary file is removed on any exception.

``os.replace`` replaces whatever has the name: a symbolic link, a FIFO a reader
is waiting on, or a device node (as root, ``/dev/null``). ``refusal`` says why
such a target must not be written; ``STREAMS`` are the names of our own
standard streams, which are written as streams.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

# Names that mean "this process's stdout/stderr" on Linux and macOS.
STREAMS: dict[str, int] = {
    "/dev/stdout": 1, "/dev/fd/1": 1, "/proc/self/fd/1": 1,
    "/dev/stderr": 2, "/dev/fd/2": 2, "/proc/self/fd/2": 2,
}

_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a directory"),
)


def is_null_device(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is the null device (``-o /dev/null``: only the exit code is
    wanted), which is then not written at all rather than replaced."""
    try:
        st, null = os.stat(path), os.stat(os.devnull)
    except OSError:
        return False
    return stat.S_ISCHR(st.st_mode) and st.st_rdev == null.st_rdev


def refusal(path: str | os.PathLike[str]) -> str | None:
    """Why writing a file at ``path`` would destroy something, or None if it is safe:
    a new name or an existing regular file."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as e:
        return f"cannot inspect it ({e.strerror or e})"
    if stat.S_ISLNK(st.st_mode):
        # Replacing would turn the link into a file; writing through it would write
        # somewhere the user did not name. Either may be wrong, so we ask.
        return "is a symbolic link; refusing to replace it (name its target instead)"
    for test, kind in _KINDS:
        if test(st.st_mode):
            return f"is {kind}, not a regular file; refusing to replace it"
    return None


def _default_mode() -> int:
    # mkstemp creates 0600; a report should get the permissions `open(path, "w")` would give.
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _unnamed(directory: Path) -> int | None:
    """An fd of an unnamed file in ``directory`` (Linux O_TMPFILE), or None."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not Path("/proc/self/fd").is_dir():
        return None
    try:
        # Read-write: if it cannot be linked in, it is copied to a named temp file.
        return os.open(directory, flag | os.O_RDWR | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError:  # a filesystem without O_TMPFILE support: use a named temp file
        return None


def _name(fh: IO[bytes], directory: Path, base: str, mode: int) -> str:
    """Give the unnamed file ``fh`` a temporary name in ``directory``: a link via
    /proc (linkat with AT_SYMLINK_FOLLOW), else a copy into a named temp file."""
    name = str(directory / f".{base}.{secrets.token_hex(4)}.tmp")
    proc = os.open("/proc/self/fd", os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        # A dir fd makes CPython call linkat(), which can follow the /proc link.
        os.link(str(fh.fileno()), name, src_dir_fd=proc, follow_symlinks=True)
        return name
    except OSError:
        pass
    finally:
        os.close(proc)
    fd, name = tempfile.mkstemp(prefix=f".{base}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as out:
            fh.seek(0)
            while chunk := os.read(fh.fileno(), 1 << 20):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
            os.fchmod(out.fileno(), mode)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
        raise
    return name


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
    fd = _unnamed(directory)
    tmp: str | None = None
    if fd is None:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
            if hasattr(os, "fchmod"):  # not on Windows
                os.fchmod(fh.fileno(), mode)
            if tmp is None:
                tmp = _name(fh, directory, target.name, mode)
        if not hasattr(os, "fchmod"):
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        if tmp is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        raise


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    atomic_write(path, lambda fh: fh.write(data) and None)


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    # newline="" semantics: we write exactly the "\n" we rendered, on every platform,
    # so the same input gives the same bytes everywhere.
    atomic_write_bytes(path, text.encode("utf-8"))
