"""The one seam between the validating reader and the columnar engine.

Both engines read a payroll the same way, because the columnar engine asks
the validating reader (:mod:`psoladder.io.payroll`) for everything that
decides how cells are read:

* the **header**: the header row below a title block, the export's own and
  Dutch column names, the columns ignored (:func:`open_header`, :func:`read_header`);
* each **column's reader** (:func:`psoladder.io.payroll.column_reader`),
  which finds the column's date or number format from its distinct values and
  how often each occurs, exactly as the reader's first pass does (issue 12),
  and reads each value: the columnar engine converts every *distinct* value
  of a column once (:func:`decode`), the validating reader every cell;
* the **notices** about what was read (:func:`reading_notices`) and the
  **bounds** the reader applies (:func:`bounds`).

So a new format, column mapping or field is taught to the validating reader
and both engines follow. This is the only module of :mod:`psoladder.columnar`
that imports :mod:`psoladder.io.payroll`.

Tables (Arrow, pandas, polars, Parquet) hold typed cells. A binary ``float``
is accepted only where its shortest decimal form has at most
:data:`MAX_TABLE_DECIMALS` decimals (``32.5`` is read as 32.5; ``32.123456``
is refused with a located problem): beyond that the float is no longer the
number a person typed.

>>> decode("hours_per_week", ["32,5", "", "x"]).values
[Decimal('32.5'), <not given>, None]
>>> decode("start", ["11-03-2016", "01-02-2017"]).values
[datetime.date(2016, 3, 11), datetime.date(2017, 2, 1)]
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Final, Literal

import attrs

from psoladder import model as _model
from psoladder.errors import InputError, Problem
from psoladder.fte import Row

# The validating reader: its bounds, header, column readers and notices.
from psoladder.io import payroll as reader
from psoladder.io.payroll import (
    DATE_FIELDS,
    NUMBER_FIELDS,
    ColumnReader,
    Header,
    PayrollFormat,
    RowSink,
    _Bail,
    _csv_open,
    _delimiter,
    _open_rows,
    _read_header,
    _row,
    _RowParser,
    column_reader,
)
from psoladder.io.payroll import reading_notices as _reading_notices
from psoladder.rules import Notice

__all__ = [
    "DATE_FIELDS",
    "IDENTITY_FIELDS",
    "MAX_TABLE_DECIMALS",
    "NOT_GIVEN",
    "NUMBER_FIELDS",
    "Blocks",
    "Bounds",
    "ColumnReader",
    "Decoded",
    "Header",
    "PayrollFormat",
    "Refusal",
    "RowSink",
    "bounds",
    "column_reader",
    "compact_row",
    "convert_cell",
    "decode",
    "delimiter",
    "open_blocks",
    "open_header",
    "ordinary_chars",
    "ordinary_texts",
    "read_header",
    "reading_notices",
    "row_parser",
    "table_float",
]

#: Why a columnar engine does not read a payroll: ``"problem"`` (something is
#: wrong, or beyond a bound: the validating reader says what and where) or
#: ``"form"`` (a form it does not read; the validating reader may accept it).
Refusal = Literal["problem", "form"]

#: Most decimals a binary float from a table may carry (its shortest repr).
MAX_TABLE_DECIMALS: Final = 4

#: Fields whose converter returns an ordinary identifier as it is (:func:`ordinary_texts`).
IDENTITY_FIELDS: Final = frozenset({"person"})


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


def convert_cell(field: str, raw: object, *, table: bool = False,
                 reads: ColumnReader | None = None) -> Any:
    """One cell of ``field`` as the validating reader reads it.

    Args:
        field: The :class:`~psoladder.model.Employment` field of the column.
        raw: The cell as read (text from a CSV file; a typed value from a table).
        table: The cell comes from a table: the float rule applies.
        reads: The column's reader (default: one that reads ISO dates and
            either decimal mark, for a field whose format does not matter).

    Returns:
        The converted value, or :data:`NOT_GIVEN` for an empty cell.

    Raises:
        InputError: The cell is not a valid value of the field.
    """
    if raw is None or raw == "":
        return NOT_GIVEN
    if table and isinstance(raw, float):
        table_float(field, raw)
    value = (reads or ColumnReader(field)).convert(raw)
    return NOT_GIVEN if value is None else value


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
        header_rows: Lines searched for the header (below a title block).
        columns: Columns of a header; a row may have one cell more (a
            trailing delimiter), and beyond that none, even empty ones.
    """

    rows: int
    target_rows: int
    persons: int
    cell_chars: int
    line_chars: int
    file_bytes: int
    header_rows: int
    columns: int


def bounds() -> Bounds:
    """The bounds the validating reader applies now.

    Read from its module's namespace, where it reads them itself, so that
    both engines always refuse alike; the columnar engine leaves a payroll
    beyond any of them to the validating reader, which says why.
    """
    own = vars(reader)
    return Bounds(own["MAX_ROWS"], own["MAX_TARGET_GROUP_ROWS"], own["MAX_PERSONS"],
                  own["MAX_CELL_CHARS"], own["MAX_LINE_CHARS"], own["MAX_PAYROLL_FILE_BYTES"],
                  own["HEADER_SEARCH_ROWS"], own["MAX_COLUMNS"])


@attrs.frozen
class Decoded:
    """Distinct raw values of one column, converted.

    Attributes:
        values: One value per raw value: the converted value,
            :data:`NOT_GIVEN`, or ``None`` where it has problems.
        problems: Problems by position in the raw values.
        reader: The column's reader (its formats, for the reader's notices).
    """

    values: list[Any]
    problems: dict[int, tuple[Problem, ...]]
    reader: ColumnReader

    @property
    def ok(self) -> bool:
        """No raw value has a problem."""
        return not self.problems


def ordinary_texts(values: Sequence[object]) -> bool:
    """Whether every value is an ordinary identifier, which the ``person`` converter keeps as it is.

    Ordinary: a text of 1 to :data:`~psoladder.limits.MAX_TEXT_CHARS`
    printable ASCII characters and no space (``P00012``, ``12-345``,
    ``jan.jansen``): nothing to strip, no control character, not too long, so
    :func:`psoladder.model.Employment`'s converter returns it unchanged.
    Checked on all values at once, without a call per value; anything else
    (a space, a letter beyond ASCII, a number from a table) goes through the
    converter. A property test proves the converter returns every ordinary
    text unchanged.

    >>> ordinary_texts(["P001", "12-345"]), ordinary_texts(["P001", " P002"])
    (True, False)
    >>> ordinary_texts(["Müller"]), ordinary_texts([""]), ordinary_texts([12])
    (False, False, False)
    """
    if not values:
        return True
    try:
        joined = "".join(values)  # type: ignore[arg-type]
    except TypeError:
        return False  # a value that is no text
    # The converter's own test (model.unchanged_texts), kept to ASCII without spaces.
    return joined.isascii() and " " not in joined and _model.unchanged_texts(
        values)  # type: ignore[arg-type]  # (all texts: joined above)


def ordinary_chars() -> int:
    """The most characters of an ordinary identifier: the text bound, as the converter reads it."""
    most: int = vars(_model)["MAX_TEXT_CHARS"]
    return most


def decode(field: str, raw_values: Sequence[object], counts: Iterable[int] | None = None, *,
           table: bool = False, fmt: PayrollFormat | None = None,
           name: str | None = None, ordinary: bool | None = None) -> Decoded:
    """Convert the distinct raw values of a column of ``field``, as the validating reader would.

    The column's reader finds its format from the values and how often each
    occurs (``counts``, default once each), as the reader's first pass does
    over the rows; each value is then read once.

    Args:
        field: The field of the column.
        raw_values: Its distinct raw values.
        counts: How many rows hold each value.
        table: The values come from a table (the float rule applies).
        fmt: How the export is written (the ``[payroll]`` table).
        name: The column's name as the file writes it.
        ordinary: What :func:`ordinary_texts` says of the values, where known.
    """
    counts = None if counts is None else list(counts)
    # (a CSV file's values in the order of the reader's first pass; a table's as they are)
    reads = column_reader(field, *((raw_values, counts) if table else _survey_order(
        raw_values, counts)), fmt=fmt or PayrollFormat(), name=name)
    if field in IDENTITY_FIELDS and reads.plain and (
            ordinary if ordinary is not None else ordinary_texts(raw_values)):
        # Every value is its own conversion (the values themselves are kept).
        same = raw_values if isinstance(raw_values, list) else list(raw_values)
        return Decoded(same, {}, reads)
    convert = reads.convert
    values: list[Any] = []
    add = values.append
    problems: dict[int, tuple[Problem, ...]] = {}
    for i, cell in enumerate(raw_values):
        if cell is None or cell == "":
            add(NOT_GIVEN)
            continue
        try:
            if table and type(cell) is float:
                table_float(field, cell)
            value = convert(cell)
        except InputError as exc:
            add(None)
            problems[i] = exc.problems
            continue
        add(NOT_GIVEN if value is None else value)
    if table and field in DATE_FIELDS:
        # Date numbers are counted per cell, as the reader counts them row by row.
        reads.serials = sum(
            1 if counts is None else counts[i] for i, cell in enumerate(raw_values)
            if isinstance(cell, int | float) and not isinstance(cell, bool)
            and values[i] is not None)
    return Decoded(values, problems, reads)


def _survey_order(values: Sequence[object], counts: list[int] | None,
                  ) -> tuple[Sequence[object], list[int] | None]:
    """A CSV column's distinct values (in order of first appearance) as the reader's first pass folds them.

    That pass (of a CSV file) keeps its first distinct values in a memo of
    bounded size and folds the others as they come, the memo last; the
    example a column's date format names (the first value that proves it)
    is taken in that order.

    >>> from psoladder.io.payroll import _Survey
    >>> many = [str(i) for i in range(_Survey._MEMO + 2)]
    >>> _survey_order(many, None)[0][:3]
    ['4096', '4097', '0']
    """
    memo = reader._Survey._MEMO
    if len(values) <= memo:
        return values, counts
    order = [*values[memo:], *values[:memo]]
    return order, None if counts is None else [*counts[memo:], *counts[:memo]]


def read_header(cells: Sequence[object], file: str, fmt: PayrollFormat | None = None,
                row: int = 1) -> tuple[Header, list[Problem]]:
    """A header row's columns and its problems, as the validating reader reads them."""
    return _read_header(cells, file, fmt or PayrollFormat(), row)


def delimiter(line: str) -> str:
    """The delimiter the validating reader uses for a CSV header line."""
    return _delimiter(line)


def open_header(lines: Sequence[str], file: str, fmt: PayrollFormat | None = None,
                ) -> tuple[Header, int, int]:
    """The header of a CSV file from its first lines: the header, its index, its raw width.

    ``lines`` are the file's first lines (line ends kept): as many as the
    reader searches for the header, or up to the ``header_row`` the format
    names. The width counts the header's cells, empty ones at the end too.

    Raises:
        InputError: The header's problems (or no header found).
    """
    header, _, at = _csv_open(iter(lines), file, fmt or PayrollFormat())
    line = lines[at] if at < len(lines) else ""
    width = len(next(csv.reader(io.StringIO(line), delimiter=_delimiter(line)), []))
    return header, at, width


def reading_notices(file: str, header: Header, readers: Sequence[ColumnReader | None], *,
                    skipped: int, blank: int) -> tuple[Notice, ...]:
    """What the reader tells about a payroll it read (the same notices for both engines)."""
    return _reading_notices(file, header, readers, skipped=skipped, blank=blank)


def row_parser(fields: list[str | None], file: str, readers: Sequence[ColumnReader | None],
               names: Sequence[str]) -> _RowParser:
    """The validating reader's row parser, for rows of a table (the validating path)."""
    return _RowParser(fields, file, readers, names=names)


def compact_row(values: dict[str, Any], source: str) -> Row:
    """A valid row's values as the validating reader hands them on (a compact row)."""
    return _row(values, source)


class Refused(Exception):
    """The rows of :func:`open_blocks` stopped: the validating reader must read the file.

    Attributes:
        why: ``"problem"`` or ``"form"`` (see :data:`Refusal`).
    """

    def __init__(self, why: Refusal) -> None:
        super().__init__(why)
        self.why: Refusal = why


@attrs.frozen(eq=False)
class Blocks:
    """A CSV payroll opened by the validating reader's block route.

    Attributes:
        header: The header, as the validating reader reads it.
        skipped: Lines above the header (a title block).
        chunks: ``(first line, rows)`` blocks of rows of cells, each row one
            physical line after the last; iterating raises :class:`Refused`
            where the block route stops (a quoted line break, a byte that is
            not UTF-8, a line that may be too long, a CSV error).
        close: Closes the file.
    """

    header: Header
    skipped: int
    chunks: Iterator[tuple[int, list[list[str]]]]
    close: Callable[[], None]


def open_blocks(path: Path, name: str, fmt: PayrollFormat | None = None) -> Blocks | Refusal:
    """A CSV payroll's header and rows in blocks, read exactly as the validating reader reads them.

    The file is opened as that reader opens it (a regular file of bounded
    size, UTF-8, its header below a title block); ``"problem"`` where the
    header or the file has a problem, ``"form"`` where the block route does
    not read it (an XLSX file, a sheet named).
    """
    fmt = fmt or PayrollFormat()
    if not reader._fast_route(name, fmt):
        return "form"
    try:
        opened = _open_rows(path, name, fmt, fast=True)
    except _Bail:
        return "form"
    except (InputError, OSError, csv.Error):
        return "problem"
    assert opened.chunks is not None
    return Blocks(opened.header, opened.skipped, _refusing(opened.chunks), opened.close)


def _refusing(chunks: Iterator[tuple[int, list[list[str]]]],
              ) -> Iterator[tuple[int, list[list[str]]]]:
    """The blocks, with the block route's stops as :class:`Refused`."""
    try:
        yield from chunks
    except _Bail:
        raise Refused("form") from None
    except (InputError, OSError, csv.Error):
        raise Refused("problem") from None
