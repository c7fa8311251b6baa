"""Opening input files: regular files only, inside the user's folder, bounded.

psoladder reads the files a user names and nothing else, and it reads them as
what they claim to be:

* only **regular files**: a folder, a device (``/dev/zero``), a named pipe
  (FIFO) or a socket is refused before anything is read. A FIFO is opened
  without waiting for a writer, and every check is made on the opened file
  (``fstat``), not on its name;
* a payroll named in an organisation file must **resolve inside the
  organisation file's folder** (symbolic links followed), unless the caller
  allows more (``allow_outside=True``, ``--allow-outside-paths``);
* a payroll file must have a **known suffix** (:data:`PAYROLL_SUFFIXES`),
  checked before it is opened, so no other kind of file is ever read as a
  payroll, and its content never reaches an error message;
* sizes are bounded (:mod:`psoladder.limits`), and a file that changes
  between the two passes of the streaming reader is refused.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any, BinaryIO

import attrs

from psoladder.errors import InputError
from psoladder.messages import Phrase, problem

__all__ = [
    "PAYROLL_SUFFIXES",
    "FileIdentity",
    "check_payroll_suffix",
    "open_regular",
    "payroll_path",
]

#: The suffixes a payroll file may have (case-insensitive). ``.parquet`` is
#: read by the columnar engine (``fast`` extra).
PAYROLL_SUFFIXES = (".csv", ".xlsx", ".xlsm", ".parquet")


@attrs.frozen
class FileIdentity:
    """What identifies the content of an opened file, to notice a change."""

    device: int
    inode: int
    size: int
    modified_ns: int

    @classmethod
    def of(cls, st: os.stat_result) -> FileIdentity:
        """The identity of a ``stat`` result."""
        return cls(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


# What a file is, in the message table's words.
_WHAT = {"organisation file": "what.organisation", "payroll file": "what.payroll",
         "rule override file": "what.override"}


def _problem(key: str, name: str, what: str, hint: str | None = None,
             **params: Any) -> InputError:
    thing = Phrase.of(_WHAT[what]) if what in _WHAT else what
    return InputError([problem(key, file=name, hint=hint, what=thing, **params)])


def open_regular(path: Path, *, what: str, max_bytes: int,
                 name: str | None = None) -> tuple[BinaryIO, FileIdentity]:
    """Open ``path`` for reading in binary if it is a regular file of at most ``max_bytes``.

    Args:
        path: The file.
        what: What the file is, for messages ("organisation file", "payroll file").
        max_bytes: The largest size accepted.
        name: The name shown in messages (default the file's name).

    Returns:
        The open file and its identity.

    Raises:
        InputError: When it does not exist, cannot be read, is not a regular
            file, or is too large.
    """
    shown = name or path.name
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise _problem("in.file_missing", shown, what, "ih.check_path") from None
    except IsADirectoryError:
        raise _problem("in.file_folder", shown, what, "ih.give_file") from None
    except PermissionError:
        raise _problem("in.file_permission", shown, what) from None
    except OSError as exc:
        raise _problem("in.file_open", shown, what,
                       reason=exc.strerror or type(exc).__name__) from None
    except ValueError:  # e.g. a NUL character in the path
        raise _problem("in.file_path", shown, what) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise _problem("in.file_folder", shown, what, "ih.give_file")
        if not stat.S_ISREG(st.st_mode):
            raise _problem("in.file_special", shown, what, "ih.file_special")
        if st.st_size > max_bytes:
            raise _problem("in.file_large", shown, what, size=st.st_size, most=max_bytes)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb"), FileIdentity.of(st)
    except BaseException:
        os.close(fd)
        raise


def check_payroll_suffix(path: Path, shown: str) -> None:
    """Refuse a payroll path whose suffix is not one of :data:`PAYROLL_SUFFIXES`."""
    if path.suffix.lower() not in PAYROLL_SUFFIXES:
        raise InputError([problem("in.suffix", file=shown, hint="ih.suffix")])


def payroll_path(base: Path, written: str, *, allow_outside: bool) -> Path:
    """The payroll file an organisation file names, checked before it is read.

    Args:
        base: The organisation file's folder.
        written: The path as written in the organisation file.
        allow_outside: Allow a path that resolves outside ``base``.

    Returns:
        The resolved path (symbolic links followed).

    Raises:
        InputError: For an unknown suffix or a path outside ``base``, at the
            field ``employments``; the message shows the path as written,
            never the file's content.
    """
    path = base / written
    if path.suffix.lower() not in PAYROLL_SUFFIXES:
        raise InputError([problem("in.suffix", field="employments", value=written,
                                  hint="ih.suffix")])
    try:
        resolved = path.resolve()
        inside = resolved.is_relative_to(base.resolve())
    except (OSError, RuntimeError, ValueError):
        raise InputError([problem("in.unresolvable", field="employments", value=written,
                                  hint="ih.check_path")]) from None
    if not inside and not allow_outside:
        raise InputError([problem("in.outside", field="employments", value=written,
                                  hint="ih.outside")])
    return resolved
