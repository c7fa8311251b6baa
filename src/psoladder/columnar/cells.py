"""The one seam between payroll cells and values: distinct raw values in, values or problems out.

Both engines read a payroll cell the same way: the validating reader's own
cleaning (:mod:`psoladder.io.payroll`: decimal commas, Dutch contract words,
spreadsheet numbers, ...) followed by the converter of the
:class:`~psoladder.model.Employment` field. The validating path does it row
by row; the columnar engine does it once per *distinct* value of a column
(:func:`decode`), so the formats accepted and refused are the same by
construction. A new format, a new column mapping or a new field is taught
here (or in the reader's cleaning it calls) and both engines follow.

Tables (Arrow, pandas, polars, Parquet) hold typed cells. A binary ``float``
is accepted only where its shortest decimal form has at most
:data:`MAX_TABLE_DECIMALS` decimals (``32.5`` is read as 32.5; ``32.123456``
is refused with a located problem): beyond that the float is no longer the
number a person typed.

>>> decode("hours_per_week", ["32,5", "", "x"]).values
[Decimal('32.5'), <not given>, None]
>>> print(decode("hours_per_week", ["32,5", "", "x"]).problems[2][0])
field 'hours_per_week': 'x' is not a decimal number; write it like 32 or 32.5 (got 'x'); give the contracted hours per week, e.g. 32 or 32.5
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Final

import attrs

from psoladder.errors import InputError, Problem

# The validating reader, its bounds, its cleaning and the Employment converters it applies.
from psoladder.io import payroll as reader
from psoladder.io.payroll import _CONVERTERS, _clean

__all__ = ["MAX_TABLE_DECIMALS", "NOT_GIVEN", "Bounds", "Decoded", "bounds", "convert_cell",
           "decode", "table_float"]

#: Most decimals a binary float from a table may carry (its shortest repr).
MAX_TABLE_DECIMALS: Final = 4


class _NotGiven:
    """An empty cell: the field is not given (its default applies)."""

    _instance: _NotGiven | None = None

    def __new__(cls) -> _NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "<not given>"

    def __bool__(self) -> bool:
        return False


#: The value of an empty cell.
NOT_GIVEN: Final = _NotGiven()


def table_float(field: str, value: float) -> str:
    """A float cell of a table as the decimal text it stands for, or a problem.

    >>> table_float("hours_per_week", 32.5)
    '32.5'
    >>> table_float("hours_per_week", 32.123456)
    Traceback (most recent call last):
    ...
    psoladder.errors.InputError: 1 problem in the input:
      field 'hours_per_week': the number has more than 4 decimals (got '32.123456'); round the column to at most 4 decimals, or give the values as text or Decimal
    """
    text = repr(value)
    if not math.isfinite(value):
        raise InputError.single("not a number", field=field, value=text,
                                hint="leave the cell empty when the field is not given")
    exponent = Decimal(text).as_tuple().exponent
    assert isinstance(exponent, int)  # finite
    if -exponent > MAX_TABLE_DECIMALS:
        raise InputError.single(
            f"the number has more than {MAX_TABLE_DECIMALS} decimals", field=field,
            value=text, hint=f"round the column to at most {MAX_TABLE_DECIMALS} decimals, "
            "or give the values as text or Decimal")
    return text


def convert_cell(field: str, raw: object, *, table: bool = False) -> Any:
    """One cell of ``field`` as the validating reader reads it.

    Args:
        field: The :class:`~psoladder.model.Employment` field of the column.
        raw: The cell as read (text from a CSV file; a typed value from a table).
        table: The cell comes from a table: the float rule applies.

    Returns:
        The converted value, or :data:`NOT_GIVEN` for an empty cell.

    Raises:
        InputError: The cell is not a valid value of the field.
    """
    if raw is None or raw == "":
        return NOT_GIVEN
    if table and isinstance(raw, float):
        raw = table_float(field, raw)
    cleaned = _clean(field, raw)
    if cleaned == "" or cleaned is None:
        return NOT_GIVEN
    return _CONVERTERS[field](cleaned)


@attrs.frozen
class Bounds:
    """The bounds of the validating reader (:mod:`psoladder.limits`), as it applies them.

    Attributes:
        rows: Data rows of a payroll (and, separately, blank rows).
        target_rows: Rows of target-group persons.
        persons: Distinct persons.
        cell_chars: Characters of a text cell.
        line_chars: Characters of one line of a CSV file.
        file_bytes: Size of a payroll file.
    """

    rows: int
    target_rows: int
    persons: int
    cell_chars: int
    line_chars: int
    file_bytes: int


def bounds() -> Bounds:
    """The bounds the validating reader applies now.

    Read from its module's namespace, where it reads them itself, so that
    both engines always refuse alike; the columnar engine leaves a payroll
    beyond any of them to the validating reader, which says why.
    """
    own = vars(reader)
    return Bounds(own["MAX_ROWS"], own["MAX_TARGET_GROUP_ROWS"], own["MAX_PERSONS"],
                  own["MAX_CELL_CHARS"], own["MAX_LINE_CHARS"], own["MAX_PAYROLL_FILE_BYTES"])


@attrs.frozen
class Decoded:
    """Distinct raw values of one column, converted.

    Attributes:
        values: One value per raw value: the converted value,
            :data:`NOT_GIVEN`, or ``None`` where it has problems.
        problems: Problems by position in the raw values.
    """

    values: list[Any]
    problems: dict[int, tuple[Problem, ...]]

    @property
    def ok(self) -> bool:
        """No raw value has a problem."""
        return not self.problems


def decode(field: str, raw_values: Iterable[object], *, table: bool = False) -> Decoded:
    """Convert the distinct raw values of a column of ``field`` (see :func:`convert_cell`).

    Args:
        field: The field of the column.
        raw_values: Its distinct raw values.
        table: The values come from a table (the float rule applies).
    """
    # convert_cell, unrolled: a column can hold hundreds of thousands of
    # distinct values (one per person).
    convert = _CONVERTERS[field]
    raw = raw_values if isinstance(raw_values, list) else list(raw_values)
    if not table and "" not in raw and None not in raw:
        # Text without empty cells: every value in one pass of C-level loops.
        cleaned = list(map(functools.partial(_clean, field), raw))
        if "" not in cleaned and None not in cleaned:
            try:
                return Decoded(list(map(convert, cleaned)), {})
            except InputError:
                pass  # some value has a problem: find each one below
    values: list[Any] = []
    add = values.append
    problems: dict[int, tuple[Problem, ...]] = {}
    for i, cell in enumerate(raw):
        if cell is None or cell == "":
            add(NOT_GIVEN)
            continue
        try:
            if table and isinstance(cell, float):
                cell = table_float(field, cell)
            text = _clean(field, cell)
            add(NOT_GIVEN if text == "" or text is None else convert(text))
        except InputError as exc:
            add(None)
            problems[i] = exc.problems
    return Decoded(values, problems)
