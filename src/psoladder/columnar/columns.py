"""Payroll rows as columns: per field, the distinct values and each row's index into them.

:func:`decode` turns a :class:`~psoladder.columnar.read.RawPayroll` into
:class:`Columns`: each column is dictionary-encoded by Arrow, its distinct raw
values go through :func:`psoladder.columnar.cells.decode` (the validating
reader's own conversion), and the checks between fields run on whole columns.
Where anything is wrong it returns ``None``: the validating path then reads
the payroll and reports every problem with its row and field.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
import numpy as np
from numpy.typing import NDArray

from psoladder.columnar import cells
from psoladder.columnar.cells import NOT_GIVEN
from psoladder.columnar.read import RawPayroll, compact, field_size_limit
from psoladder.model import Employment, EmploymentLike, TargetGroup

__all__ = ["FIELDS", "Columns", "decode"]

I64 = NDArray[np.int64]
I32 = NDArray[np.int32]
#: Positions into a column's distinct values (``int32`` from Arrow, or ``int64``).
Index = NDArray[np.integer[Any]]

#: The fields of a payroll row, in the order of :class:`~psoladder.model.Employment`.
FIELDS = tuple(attrs.fields_dict(Employment))
_REQUIRED = ("person", "start", "hours_per_week")


@attrs.define(eq=False)
class Columns:
    """Employment rows as columns.

    Attributes:
        line: Each row's number (its line in the file, or its position).
        values: Per field, its distinct values (:data:`~psoladder.columnar.cells.NOT_GIVEN`
            for an empty cell).
        index: Per field, each row's position in ``values``.
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

    @property
    def rows(self) -> int:
        """Number of rows."""
        return len(self.line)

    def column(self, field: str, convert: Any, dtype: Any = np.int32) -> NDArray[Any]:
        """Each row's value of ``field``, mapped by ``convert`` (once per distinct value)."""
        lookup = np.array([convert(v) for v in self.values[field]], dtype=dtype)
        return lookup[self.index[field]]

    def day(self, field: str) -> I32:
        """Each row's date of ``field`` as a day number (0 where not given)."""
        return self.column(field, _ordinal)

    def given(self, field: str) -> NDArray[np.bool_]:
        """Rows where ``field`` is given."""
        lookup = self._given.get(field)
        if lookup is None:
            values = self.values[field]
            lookup = self._given[field] = np.fromiter(
                (v is not NOT_GIVEN for v in values), dtype=np.bool_, count=len(values))
        return lookup[self.index[field]]

    @classmethod
    def of_rows(cls, rows: Sequence[EmploymentLike], line: Iterable[int]) -> Columns:
        """Columns of validated rows (e.g. an organisation file's ``[[employment]]`` tables)."""
        values: dict[str, list[Any]] = {}
        index: dict[str, Index] = {}
        for field in FIELDS:
            cells = list(map(operator.attrgetter(field), rows))
            distinct = list(dict.fromkeys(cells))  # in order of first appearance
            position = {v: i for i, v in enumerate(distinct)}
            values[field] = [NOT_GIVEN if v is None else v for v in distinct] or [NOT_GIVEN]
            index[field] = compact(np.fromiter(map(position.__getitem__, cells), dtype=np.int64,
                                               count=len(cells)), len(distinct))
        return cls(np.fromiter(line, dtype=np.int64, count=len(rows)), values, index,
                   distinct=frozenset(FIELDS), originals=tuple(rows))

    def then(self, other: Columns) -> Columns:
        """These rows followed by ``other``'s."""
        values = {f: self.values[f] + other.values[f] for f in FIELDS}
        index = {f: compact(np.concatenate((self.index[f].astype(np.int64),
                                            other.index[f].astype(np.int64)
                                            + len(self.values[f]))), len(values[f]))
                 for f in FIELDS}
        originals = self.originals + other.originals if len(self.originals) == self.rows \
            else self.originals
        return Columns(np.concatenate((self.line, other.line)), values, index,
                       originals=originals)


def _ordinal(value: Any) -> int:
    return value.toordinal() if isinstance(value, dt.date) else 0


def decode(raw: RawPayroll) -> Columns | None:
    """The payroll's rows as :class:`Columns`, or ``None`` when any cell or row has a problem.

    ``None`` also where the columnar engine does not read a payroll: then the
    validating path does. Blank rows (every cell empty) are dropped, as the
    validating reader drops them.
    """
    n = raw.rows
    longest = None if raw.typed else field_size_limit()
    values: dict[str, list[Any]] = {}
    index: dict[str, Index] = {}
    distinct_fields = set()
    nonblank = np.zeros(n, dtype=np.bool_)
    for i, field in enumerate(raw.fields):
        encoded = raw.column(i)
        if encoded is None:
            return None
        distinct, rows = encoded
        if field is None:
            if any(v not in (None, "") for v in distinct):
                return None  # a cell in an unnamed column: the validating path decides
            continue
        if longest is not None and any(len(v) > longest for v in distinct if v is not None):
            return None
        decoded = cells.decode(field, distinct, table=raw.typed)
        if not decoded.ok:
            return None
        values[field] = decoded.values
        index[field] = rows
        if all(map(operator.eq, decoded.values, distinct)):
            distinct_fields.add(field)  # distinct texts, each converted to itself
        given = np.fromiter((v is not NOT_GIVEN for v in decoded.values), dtype=np.bool_,
                            count=len(decoded.values))
        nonblank |= given[rows]
    keep = np.flatnonzero(nonblank)
    line = keep.astype(np.int64) + raw.first_row
    blank = len(keep) < n
    for field in FIELDS:
        if field not in index:
            values[field] = [NOT_GIVEN]
            index[field] = np.zeros(len(keep), dtype=np.int8)
        elif blank:
            index[field] = index[field][keep]
    columns = Columns(line, values, index, frozenset(distinct_fields))
    return columns if _consistent(columns) else None


def _consistent(columns: Columns) -> bool:
    """The checks of :meth:`Employment.consistency_problems` (and required fields), on columns.

    Required fields, an end before the start, and the dates a target group
    needs (asked of :meth:`Employment.consistency_problems` per group).
    """
    if not all(bool(columns.given(f).all()) for f in _REQUIRED):
        return False
    end = columns.day("end")
    if bool(((end > 0) & (end < columns.day("start"))).any()):
        return False
    groups = columns.values["target_group"]
    for position, group in enumerate(groups):
        if not isinstance(group, TargetGroup):
            continue
        needed = {p.field for p in Employment.consistency_problems({"target_group": group})}
        rows = columns.index["target_group"] == position
        for field in needed:
            if field is not None and not bool(columns.given(field)[rows].all()):
                return False
    return True
