"""What the columnar engine's modules share without pyarrow: narrow arrays, memory, refusals.

:mod:`psoladder.columnar.read` needs pyarrow; the engine itself
(:mod:`~psoladder.columnar.columns`, :mod:`~psoladder.columnar.engine`,
:mod:`~psoladder.columnar.kernel`) needs numpy only, so that
:func:`psoladder.assess_many`, which hands the engine rows it already holds,
never imports pyarrow.
"""

from __future__ import annotations

import ctypes
import functools
import sys
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import NDArray

from psoladder.columnar.cells import Refusal

__all__ = ["Refusal", "compact", "trim"]


def compact(index: NDArray[np.integer[Any]], values: int) -> NDArray[np.integer[Any]]:
    """``index`` in the smallest integer type that holds positions ``0 .. values - 1``.

    >>> compact(np.array([0, 2, 1]), 3).dtype
    dtype('int8')
    """
    for kind in (np.int8, np.int16, np.int32):
        if values <= np.iinfo(kind).max:
            return index.astype(kind, copy=index.dtype != kind)
    return index.astype(np.int64, copy=False)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """The C library's ``malloc_trim`` (glibc), where there is one."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim: Callable[[int], int] = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None
    return trim


def trim() -> None:
    """Give the memory freed after parsing back to the operating system.

    Parsing a file in pieces frees many blocks of a few megabytes; glibc
    keeps such freed blocks for the process, where they would add up to
    about 100 MB per million rows of resident memory for nothing.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
