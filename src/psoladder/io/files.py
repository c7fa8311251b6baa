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
from typing import BinaryIO

import attrs

from psoladder.errors import InputError, Problem

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


def _problem(message: str, name: str, hint: str | None = None) -> InputError:
    return InputError([Problem(message, file=name, hint=hint)])


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
        raise _problem(f"the {what} is not found", shown, "check the path") from None
    except IsADirectoryError:
        raise _problem(f"the {what} is a folder", shown, "give the file") from None
    except PermissionError:
        raise _problem(f"the {what} cannot be read (permission denied)", shown) from None
    except OSError as exc:
        raise _problem(f"the {what} cannot be opened ({exc.strerror or type(exc).__name__})",
                       shown) from None
    except ValueError:  # e.g. a NUL character in the path
        raise _problem(f"the path of the {what} is not valid", shown) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise _problem(f"the {what} is a folder", shown, "give the file")
        if not stat.S_ISREG(st.st_mode):
            raise _problem(f"the {what} is not a regular file (but a device, pipe or socket)",
                           shown, "give an ordinary file; psoladder does not read devices "
                           "or pipes")
        if st.st_size > max_bytes:
            raise _problem(f"the {what} is {st.st_size:,} bytes, more than psoladder reads "
                           f"({max_bytes:,})", shown)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb"), FileIdentity.of(st)
    except BaseException:
        os.close(fd)
        raise


_SUFFIX_MESSAGE = "a payroll file must be a .csv or .xlsx (or .xlsm, .parquet) file"
_SUFFIX_HINT = "export the payroll as CSV UTF-8 or as an Excel workbook, and name it accordingly"


def check_payroll_suffix(path: Path, shown: str) -> None:
    """Refuse a payroll path whose suffix is not one of :data:`PAYROLL_SUFFIXES`."""
    if path.suffix.lower() not in PAYROLL_SUFFIXES:
        raise InputError([Problem(_SUFFIX_MESSAGE, file=shown, hint=_SUFFIX_HINT)])


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
        raise InputError([Problem(_SUFFIX_MESSAGE, field="employments", value=written,
                                  hint=_SUFFIX_HINT)])
    try:
        resolved = path.resolve()
        inside = resolved.is_relative_to(base.resolve())
    except (OSError, RuntimeError, ValueError):
        raise InputError([Problem("the payroll path cannot be resolved", field="employments",
                                  value=written, hint="check the path")]) from None
    if not inside and not allow_outside:
        raise InputError([Problem(
            "the payroll file lies outside the organisation file's folder",
            field="employments", value=written,
            hint="move the payroll next to the organisation file, or allow other folders "
            "(allow_outside=True in Python, --allow-outside-paths on the command line)")])
    return resolved
