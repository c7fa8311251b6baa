"""The columnar exact engine (the ``fast`` extra: ``pip install 'psoladder[fast]'``).

A second engine for payrolls, next to the validating one
(:class:`~psoladder.fte.WorkforceBuilder` fed row by row by
:mod:`psoladder.io.payroll`). It reads a CSV or Parquet file, or a table in
memory (pyarrow, pandas, polars), as columns and computes the same
:class:`~psoladder.fte.Workforce` with exact integers:

* the header is read, and each *distinct* cell value of a column converted,
  by the validating reader itself: its column readers find each column's
  date and number format from the distinct values and their counts
  (:mod:`psoladder.columnar.cells`, the one seam with
  :mod:`psoladder.io.payroll`); the checks between fields run on whole
  columns;
* dates become day numbers, hours whole units of the smallest power of ten
  that makes them all whole, sums ``int64`` with an overflow check
  (:mod:`psoladder.columnar.kernel`); never a float;
* people in a target group are built in full detail, everyone else is
  summarised (:mod:`psoladder.columnar.engine`).

Both engines give the same assessment to the last digit (the equivalence
tests prove it). Whenever a payroll has a problem or goes beyond a bound of
:mod:`psoladder.limits`, or has a form the columnar reader does not take (an
XLSX file; a CSV file with empty lines between rows or line breaks inside
cells; a sum that could overflow), the validating path reads it, so every
problem is reported with its file, row and field.

Without the ``fast`` extra, the same idea runs in pure Python
(:mod:`psoladder.columnar.pure`, ``engine="pure"``, what ``auto`` then
runs): a CSV file's columns as Python lists of positions, each distinct
value converted once, people summed in one loop, everyone else folded by
the validating engine's per-person code.

Nothing here is imported by ``import psoladder``; pyarrow and numpy are
imported on first use (never by the pure engine).
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from psoladder.errors import InputError

if TYPE_CHECKING:
    from psoladder.columnar.arrays import Refusal
    from psoladder.columnar.columns import Columns, Decoded
    from psoladder.columnar.engine import Setting
    from psoladder.fte import Workforce
    from psoladder.io.payroll import PayrollFormat, PayrollRead, RowSink
    from psoladder.model import EmploymentLike
    from psoladder.rules import Notice

__all__ = ["ENGINES", "PARQUET_SUFFIXES", "Engine", "Route", "available", "is_parquet",
           "payroll_workforce", "read_payroll", "read_table", "require", "route",
           "stream_table", "workforces"]

#: The engines: ``auto`` (the columnar engine when the ``fast`` extra is
#: installed, else the pure-Python one), ``fast`` (columnar; an error without
#: the extra), ``pure`` (the pure-Python columnar engine of
#: :mod:`psoladder.columnar.pure`) and ``validating`` (row by row).
Engine = Literal["auto", "fast", "pure", "validating"]
ENGINES: tuple[Engine, ...] = ("auto", "fast", "pure", "validating")
#: The engine that reads a payroll first (any of them leaves a payroll with a
#: problem to the validating one).
Route = Literal["fast", "pure", "validating"]
#: File name endings read as Parquet.
PARQUET_SUFFIXES = (".parquet",)


@functools.cache
def available() -> bool:
    """Whether the ``fast`` extra (pyarrow and numpy) is installed.

    Found without importing them: :func:`psoladder.assess_many` needs numpy
    only, and a file's columnar reading imports pyarrow when it starts.
    """
    try:
        return all(importlib.util.find_spec(name) is not None for name in ("numpy", "pyarrow"))
    except (ImportError, ValueError):  # (a module entry set to None, as tests do)
        return False


def require(what: str) -> None:
    """Raise a clear error when the ``fast`` extra is missing.

    Raises:
        InputError: Naming ``what`` needs it and how to install it.
    """
    if not available():
        raise InputError.single(f"{what} needs the fast extra (pyarrow and numpy)",
                                field="payroll", hint="pip install 'psoladder[fast]'")


def route(engine: str) -> Route:
    """The engine that reads a payroll first for ``engine`` (``auto``, ``fast``, ``pure``, ``validating``).

    ``auto`` is ``fast`` where the ``fast`` extra is installed, else ``pure``.

    Raises:
        InputError: For an unknown engine, or ``fast`` without the extra.
    """
    if engine not in ENGINES:
        raise InputError.single(f"unknown engine {engine!r}", field="engine",
                                hint="use " + ", ".join(ENGINES[:-1]) + " or " + ENGINES[-1])
    if engine == "fast":
        require("engine='fast'")
        return "fast"
    if engine == "auto":
        return "fast" if available() else "pure"
    return "pure" if engine == "pure" else "validating"


def is_parquet(path: Path) -> bool:
    """Whether ``path`` names a Parquet file (by its ending)."""
    return path.suffix.lower() in PARQUET_SUFFIXES


def read_payroll(payroll: object, name: str,
                 fmt: PayrollFormat | None = None) -> Decoded | Refusal:
    """A payroll's rows as columns, or why the columnar engine does not read them.

    Args:
        payroll: A payroll file path (``.csv`` or ``.parquet``) or a table.
        name: Its name in messages and row sources.
        fmt: How the export is written (the ``[payroll]`` table, issue 12).

    Returns:
        The rows and the reader's notices, or ``"problem"`` (something is
        wrong, or beyond a bound: the validating path reports it) or
        ``"form"`` (a form this engine does not read, such as an XLSX file
        or a CSV file that Arrow would read differently from Python's
        ``csv`` module).
    """
    from psoladder.columnar.arrays import trim
    from psoladder.columnar.columns import decode

    try:
        from psoladder.columnar.read import open_csv, open_parquet, open_table
    except ImportError:  # pyarrow is installed but cannot be imported: the validating path
        return "form"

    if isinstance(payroll, str | Path):
        path = Path(payroll)
        suffix = Path(name).suffix.lower()
        if suffix == ".csv":
            raw = open_csv(path, name, fmt)
        elif suffix in PARQUET_SUFFIXES:
            try:
                raw = open_parquet(path, name, fmt)
            except InputError:
                return "problem"
        else:
            return "form"
    else:
        try:
            raw = open_table(payroll, name, fmt)
        except InputError:
            return "problem"
    if isinstance(raw, str):
        return raw
    decoded = decode(raw, fmt)
    del raw
    trim()  # the raw cells are converted: give their memory back
    return decoded


def payroll_workforce(payroll: Columns, inline: Sequence[EmploymentLike], setting: Setting, *,
                      detail: bool) -> Workforce | None:
    """The columnar engine's workforce of an organisation's rows and its payroll.

    Args:
        payroll: The payroll's rows (:func:`read_payroll`).
        inline: Rows given before the payroll (numbered by their ``row``, or
            1, 2, ...).
        setting: The organisation's fte basis and rules.
        detail: Keep every person's rows.

    Returns:
        The workforce, or ``None`` when a sum could overflow ``int64`` (the
        validating path then computes it).
    """
    from psoladder.columnar.columns import Columns
    from psoladder.columnar.engine import workforce

    columns = Columns.of_rows(inline).then(payroll) if inline else payroll
    return workforce(columns, setting, detail=detail)


def workforces(organisations: Sequence[Sequence[EmploymentLike]],
               settings: Sequence[Setting]) -> list[Workforce] | None:
    """The workforce of each organisation's rows (every row kept), in one columnar pass.

    For :func:`psoladder.assess_many`: many small organisations cost one run
    of the kernel instead of one per organisation.

    Args:
        organisations: Each organisation's rows (numbered by their ``row``,
            or 1, 2, ... per organisation).
        settings: Each organisation's fte basis and rules.

    Returns:
        One workforce per organisation, or ``None`` when a sum could
        overflow ``int64`` (then compute them one by one).
    """
    import numpy as np

    from psoladder.columnar.columns import Columns
    from psoladder.columnar.engine import workforces as compute

    counts = np.array([len(rows) for rows in organisations], dtype=np.int64)
    org = np.repeat(np.arange(len(counts), dtype=np.int32), counts)
    columns = Columns.of_rows([e for rows in organisations for e in rows], counts)
    return compute(columns, org, settings, detail=True)


def read_table(payroll: object, *, name: str | None = None,
               fmt: PayrollFormat | None = None) -> PayrollRead:
    """A Parquet file or a table read into memory, as ``read_payroll`` reads a CSV file.

    Each valid row becomes an :class:`~psoladder.model.Employment` with its
    ``source`` and ``row``, for code that needs the rows themselves (an
    :class:`~psoladder.model.Organisation` for a forecast, say:
    ``attrs.evolve(org, employments=read.employments)``).

    Args:
        payroll: A Parquet file path or a table.
        name: Its name in messages and row sources.
        fmt: How the export is written (the ``[payroll]`` table, issue 12).

    Raises:
        InputError: Every problem, located; or the fast extra is missing.
    """
    from psoladder.io.payroll import PayrollRead
    from psoladder.model import Employment

    shown = name or (Path(payroll).name if isinstance(payroll, str | Path) else "<table>")
    employments: list[Employment] = []

    def keep(line: int, values: dict[str, Any]) -> None:
        employments.append(Employment(**values, source=shown, row=line))

    # (blank rows are told in the notices, as the streaming path tells them)
    notices = stream_table(payroll, _no_sink, name=shown, fmt=fmt, keep=keep)
    return PayrollRead(shown, tuple(employments), len(employments), 0, notices=notices)


def _no_sink(line: int, row: object) -> None:
    """The sink of :func:`read_table`, whose rows all go to ``keep``."""


def stream_table(payroll: object, sink: RowSink, *,
                 person_done: Callable[[str], None] | None = None,
                 name: str | None = None, fmt: PayrollFormat | None = None,
                 keep: Callable[[int, dict[str, Any]], None] | None = None,
                 ) -> tuple[Notice, ...]:
    """The validating path for a Parquet file or a table (needs pyarrow to read it).

    Args:
        payroll: A Parquet file path or a table.
        sink: Receives ``(row number, row)`` for each valid row.
        person_done: Called with a person's identifier right after their last row.
        name: Its name in messages and row sources (default the file's own
            name, or ``<table>``).
        fmt: How the export is written (the ``[payroll]`` table, issue 12).
        keep: Receives ``(row number, converted fields)`` for each valid row
            instead of ``sink`` (see :func:`read_table`).

    Returns:
        The reader's notices about the table (ignored columns, formats).

    Raises:
        InputError: Every problem, located; or the fast extra is missing.
    """
    shown = name or (Path(payroll).name if isinstance(payroll, str | Path) else "<table>")
    require(f"reading {shown}")
    from psoladder.columnar.read import open_parquet, open_table
    from psoladder.columnar.validate import stream_table as stream

    raw = (open_parquet(Path(payroll), shown, fmt) if isinstance(payroll, str | Path)
           else open_table(payroll, shown, fmt))
    return stream(raw, sink, person_done=person_done, fmt=fmt, keep=keep)
