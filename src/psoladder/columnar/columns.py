"""Payroll rows as columns: per field, the distinct values and each row's index into them.

:func:`decode` turns a :class:`~psoladder.columnar.read.RawPayroll` into
:class:`Columns`: each column is dictionary-encoded by Arrow, its distinct raw
values go through :func:`psoladder.columnar.cells.decode` (the validating
reader's own conversion), and the checks between fields run on whole columns.
Where anything is wrong, or beyond a bound of the validating reader, it says
so instead: the validating path then reads the payroll and reports every
problem with its row and field.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
from numpy.typing import NDArray

from psoladder.columnar.arrays import Refusal, compact
from psoladder.columnar.cells import (
    DATE_FIELDS,
    IDENTITY_FIELDS,
    NOT_GIVEN,
    NUMBER_FIELDS,
    ColumnReader,
    PayrollFormat,
    bounds,
    ordinary_chars,
    ordinary_texts,
    read_header,
    reading_notices,
)
from psoladder.columnar.cells import decode as decode_cells
from psoladder.model import Employment, EmploymentLike, TargetGroup, input_fields
from psoladder.rules import Notice

if TYPE_CHECKING:  # (reading needs pyarrow; the columns themselves need numpy only)
    from psoladder.columnar.read import RawPayroll

__all__ = ["FIELDS", "SOURCE", "Columns", "Decoded", "Refusal", "decode"]

I64 = NDArray[np.int64]
I32 = NDArray[np.int32]
#: Positions into a column's distinct values (``int32`` from Arrow, or ``int64``).
Index = NDArray[np.integer[Any]]

#: The fields of a payroll row, in the order of :class:`~psoladder.model.Employment`.
FIELDS = tuple(input_fields(Employment))
#: The column of each row's source: the payroll's name, or ``None`` for a row
#: of the organisation itself (see :attr:`~psoladder.fte.PeriodFte.source`).
SOURCE = "source"
_REQUIRED = ("person", "start", "hours_per_week")
# Fields whose reader decides a format from how often each value occurs.
_COUNTED = DATE_FIELDS | NUMBER_FIELDS


@attrs.define(eq=False)
class Columns:
    """Employment rows as columns.

    Attributes:
        line: Each row's number (its line in the file, or its position).
        values: Per field (and :data:`SOURCE`), its distinct values
            (:data:`~psoladder.columnar.cells.NOT_GIVEN` for an empty cell).
        index: Per field (and :data:`SOURCE`), each row's position in ``values``.
        distinct: Fields whose values are known to be pairwise different.
        originals: The objects of the first rows, when they were given as
            objects (an organisation's own ``employments``).
    """

    line: I64
    values: dict[str, list[Any]]
    index: dict[str, Index]
    distinct: frozenset[str] = frozenset()
    originals: tuple[EmploymentLike, ...] = ()
    _given: dict[str, NDArray[np.bool_]] = attrs.field(factory=dict, init=False, repr=False)
    _days: dict[str, I32] = attrs.field(factory=dict, init=False, repr=False)

    @property
    def rows(self) -> int:
        """Number of rows."""
        return len(self.line)

    def column(self, field: str, convert: Any, dtype: Any = np.int32,
               rows: NDArray[np.integer[Any]] | None = None) -> NDArray[Any]:
        """Each row's value of ``field``, mapped by ``convert`` (once per distinct value).

        ``rows``: only these rows (positions), in this order.
        """
        lookup = np.array([convert(v) for v in self.values[field]], dtype=dtype)
        index = self.index[field]
        return lookup[index if rows is None else index[rows]]

    def day_at(self, field: str, rows: NDArray[np.integer[Any]]) -> I32:
        """:meth:`day` of the ``rows`` only (positions), in this order."""
        found = self._days.get(field)
        return found[rows] if found is not None else self.column(field, _ordinal, rows=rows)

    def day(self, field: str) -> I32:
        """Each row's date of ``field`` as a day number (0 where not given).

        ``start`` and ``end`` are made once (the checks between fields and
        the engine both read them): do not change the array in place.
        """
        found = self._days.get(field)
        if found is None:
            found = self.column(field, _ordinal)
            if field in ("start", "end"):
                self._days[field] = found
        return found

    def release(self) -> None:
        """Drop the per-row columns (the engine consumes its rows)."""
        self.index.clear()
        self._days.clear()

    def _lookup(self, field: str) -> NDArray[np.bool_]:
        """Per distinct value of ``field``: whether it is given."""
        lookup = self._given.get(field)
        if lookup is None:
            values = self.values[field]
            lookup = self._given[field] = np.fromiter(
                (v is not NOT_GIVEN for v in values), dtype=np.bool_, count=len(values))
        return lookup

    def given(self, field: str) -> NDArray[np.bool_]:
        """Rows where ``field`` is given."""
        return self._lookup(field)[self.index[field]]

    def given_at(self, field: str, rows: NDArray[np.integer[Any]]) -> NDArray[np.bool_]:
        """:meth:`given` of the ``rows`` only (positions), in this order."""
        found: NDArray[np.bool_] = self._lookup(field)[self.index[field][rows]]
        return found

    def all_given(self, field: str) -> bool:
        """Whether every row gives ``field``."""
        lookup = self._lookup(field)
        return bool(lookup.all()) or bool(lookup[self.index[field]].all())

    def count(self, field: str) -> int:
        """Rows where ``field`` is given."""
        lookup = self._lookup(field)
        if not bool(lookup.any()):
            return 0
        return self.rows if bool(lookup.all()) else int(lookup[self.index[field]].sum())

    def given_values(self, field: str) -> list[Any]:
        """The distinct values of ``field`` that some row gives."""
        values = self.values[field]
        if bool(self._lookup(field).all()):
            return list(values)
        return [v for v in values if v is not NOT_GIVEN]

    def renamed(self, rename: Callable[[str], str]) -> Columns:
        """The same rows with each person identifier replaced by ``rename(person)``.

        For pseudonyms (:mod:`psoladder.pseudonym`): each distinct
        identifier is renamed once.
        """
        names = [rename(v) if v is not NOT_GIVEN else v for v in self.values["person"]]
        distinct = self.distinct
        if "person" in distinct and len(set(names)) < len(names):
            distinct = distinct - {"person"}  # two identifiers share a pseudonym
        return Columns(self.line, {**self.values, "person": names}, self.index, distinct,
                       self.originals)

    @classmethod
    def of_rows(cls, rows: Sequence[EmploymentLike], groups: I64 | None = None) -> Columns:
        """Columns of validated rows (e.g. an organisation file's ``[[employment]]`` tables).

        Each row is numbered by its ``row`` where it has one (a row read from
        a file), else by its position (1, 2, ...) in its group of
        ``groups`` rows (default: one group), as :func:`psoladder.fte.workforce`
        numbers them.
        """
        values: dict[str, list[Any]] = {}
        index: dict[str, Index] = {}
        for field in (*FIELDS, SOURCE):
            cells = list(map(operator.attrgetter(field), rows))
            if not cells or cells.count(cells[0]) == len(cells):
                distinct = cells[:1]  # one value for every row (often none given)
                positions: Index = np.zeros(len(cells), dtype=np.int8)
            else:
                distinct = list(dict.fromkeys(cells))  # in order of first appearance
                position = {v: i for i, v in enumerate(distinct)}
                positions = compact(np.fromiter(map(position.__getitem__, cells),
                                                dtype=np.int64, count=len(cells)), len(distinct))
            values[field] = ([NOT_GIVEN if v is None else v for v in distinct] or [NOT_GIVEN]
                             if field != SOURCE else distinct or [None])
            index[field] = positions
        line = np.arange(1, len(rows) + 1, dtype=np.int64)
        if groups is not None:
            line -= np.repeat(np.cumsum(groups) - groups, groups)
        numbered = [(i, e.row) for i, e in enumerate(rows)
                    if isinstance(e, Employment) and e.row is not None]
        if numbered:
            at, number = zip(*numbered, strict=True)
            line[list(at)] = number
        return cls(line, values, index, distinct=frozenset(FIELDS), originals=tuple(rows))

    def then(self, other: Columns) -> Columns:
        """These rows followed by ``other``'s."""
        fields = (*FIELDS, SOURCE)
        values = {f: self.values[f] + other.values[f] for f in fields}
        index = {f: compact(np.concatenate((self.index[f].astype(np.int64),
                                            other.index[f].astype(np.int64)
                                            + len(self.values[f]))), len(values[f]))
                 for f in fields}
        originals = self.originals + other.originals if len(self.originals) == self.rows \
            else self.originals
        return Columns(np.concatenate((self.line, other.line)), values, index,
                       originals=originals)


def _ordinal(value: Any) -> int:
    return value.toordinal() if isinstance(value, dt.date) else 0


@attrs.frozen(eq=False)
class Decoded:
    """A payroll's rows as columns, and what the validating reader would tell about it.

    Attributes:
        columns: The rows.
        notices: The reader's notices (lines not read, ignored columns, how
            each date column is read; :func:`~psoladder.columnar.cells.reading_notices`).
    """

    columns: Columns
    notices: tuple[Notice, ...]


def decode(raw: RawPayroll, fmt: PayrollFormat | None = None) -> Decoded | Refusal:
    """The payroll's rows as :class:`Columns`, or why the columnar engine does not read them.

    Each column is read by the validating reader's own column reader, which
    finds its format from its distinct values and their counts
    (:func:`psoladder.columnar.cells.decode`). ``"problem"`` where any cell
    or row has a problem, or the payroll goes beyond a bound of the
    validating reader (rows, blank rows, rows of target-group persons,
    persons, the length of a cell: read from :mod:`psoladder.io.payroll` by
    :func:`~psoladder.columnar.cells.bounds`); ``"form"`` where Arrow cannot
    encode a column. Either way the validating path then reads the payroll.
    Blank rows (every cell empty) are dropped, as the validating reader drops
    them.
    """
    n = raw.rows
    limits = bounds()
    values: dict[str, list[Any]] = {}
    index: dict[str, Index] = {}
    distinct_fields = set()
    given_values: dict[str, NDArray[np.bool_]] = {}
    readers: list[ColumnReader | None] = []
    nonblank = np.zeros(n, dtype=np.bool_)
    every = False  # a column fills every row: no row is blank
    for i, field in enumerate(raw.fields):
        encoded = raw.column(i)
        if encoded is None:
            return "form"
        distinct, rows = encoded
        name = raw.names[i] if i < len(raw.names) else ""
        if field is None:
            readers.append(None)
            filled = _filled(distinct)
            if bool(filled.any()):
                if not name.strip():
                    return "problem"  # a value in a column without a name
                every = every or _mark(nonblank, filled, rows)  # ignored, but not blank
            continue
        ordinary = field in IDENTITY_FIELDS and ordinary_texts(distinct)
        texts = distinct if not raw.typed else [v for v in distinct if type(v) is str]
        short = ordinary and ordinary_chars() <= limits.cell_chars  # (known short enough)
        if not short and max(map(len, texts), default=0) > limits.cell_chars:
            return "problem"
        # How often each value occurs decides a date or number column's format.
        counts = (None if field not in _COUNTED else np.array([len(rows)])
                  if len(distinct) == 1 else np.bincount(rows, minlength=len(distinct)))
        decoded = decode_cells(field, distinct, counts, table=raw.typed, fmt=fmt,
                               name=name or field, ordinary=ordinary)
        if not decoded.ok:
            return "problem"
        readers.append(decoded.reader)
        values[field] = decoded.values
        index[field] = rows
        if decoded.values is distinct:  # distinct texts, each its own value
            distinct_fields.add(field)
            given = given_values[field] = np.ones(len(distinct), dtype=np.bool_)
        else:
            if all(map(operator.eq, decoded.values, distinct)):
                distinct_fields.add(field)  # distinct texts, each converted to itself
            given = given_values[field] = np.fromiter(
                (v is not NOT_GIVEN for v in decoded.values), dtype=np.bool_,
                count=len(decoded.values))
        # A row is blank when no cell holds anything but spaces, whichever its
        # column: a value read is never blank, a cell read as not given may not
        # be either (a code for "no target group").
        filled = given.copy()
        empty = np.flatnonzero(~given)
        filled[empty] = _filled([distinct[k] for k in empty.tolist()])
        every = every or _mark(nonblank, filled, rows)
    keep = np.arange(n) if every else np.flatnonzero(nonblank)
    blank = n - len(keep) + raw.blank_tail
    if len(keep) > limits.rows or blank > limits.rows:
        return "problem"
    line = keep.astype(np.int64) + raw.first_row
    for field in FIELDS:
        if field not in index:
            values[field] = [NOT_GIVEN]
            index[field] = np.zeros(len(keep), dtype=np.int8)
        elif len(keep) < n:
            index[field] = index[field][keep]
    values[SOURCE] = [raw.name]
    index[SOURCE] = np.zeros(len(keep), dtype=np.int8)
    columns = Columns(line, values, index, frozenset(distinct_fields))
    columns._given.update(given_values)
    persons = columns.given_values("person")
    if (columns.count("target_group") > limits.target_rows
            or len(persons if "person" in distinct_fields else set(persons)) > limits.persons):
        return "problem"
    if not _consistent(columns):
        return "problem"
    header = raw.header or read_header([f or "" for f in raw.fields], raw.name)[0]
    return Decoded(columns, reading_notices(raw.name, header, readers, skipped=raw.skipped,
                                            blank=blank))


def _mark(nonblank: NDArray[np.bool_], filled: NDArray[np.bool_], rows: Index) -> bool:
    """Mark the rows whose cell of a column is filled; whether every row's is.

    Args:
        nonblank: Rows known not to be blank (updated).
        filled: Per distinct value of the column, whether it holds something.
        rows: Each row's position among the distinct values.
    """
    if bool(filled.all()):
        return True
    if bool(filled.any()):
        nonblank |= filled[rows]
    return False


def _filled(cells: Sequence[Any]) -> NDArray[np.bool_]:
    """Which cells hold something other than spaces (as the reader tells a blank row)."""
    return np.fromiter((v is not None and str(v).strip() != "" for v in cells),
                       dtype=np.bool_, count=len(cells))


def _consistent(columns: Columns) -> bool:
    """The checks of :meth:`Employment.consistency_problems` (and required fields), on columns.

    Required fields, an end before the start, and the dates a target group
    needs (asked of :meth:`Employment.consistency_problems` per group).
    """
    if not all(columns.all_given(f) for f in _REQUIRED):
        return False
    end = columns.day("end")
    if bool(((end > 0) & (end < columns.day("start"))).any()):
        return False
    groups = columns.values["target_group"]
    for position, group in enumerate(groups):
        if not isinstance(group, TargetGroup):
            continue
        needed = {p.field for p in Employment.consistency_problems({"target_group": group})
                  if p.field is not None}
        if not needed:
            continue  # (most groups need no date: no pass over the rows)
        rows = np.flatnonzero(columns.index["target_group"] == position)
        for field in needed:
            if not bool(columns.given_at(field, rows).all()):
                return False
    return True
