"""The validating path for tables and Parquet files: row by row, every problem located.

The rows of a table go through the validating reader's own row parser and
column readers (:mod:`psoladder.io.payroll`, through
:mod:`psoladder.columnar.cells`), exactly as the rows of a CSV or XLSX file
do, after the float rule of :func:`psoladder.columnar.cells.table_float`.
Rows reach the sink only while no problem has been found; at the end every
problem is raised at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import numpy as np

from psoladder.columnar.cells import (
    NOT_GIVEN,
    ColumnReader,
    PayrollFormat,
    RowSink,
    bounds,
    column_reader,
    compact_row,
    convert_cell,
    reading_notices,
    row_parser,
    table_float,
)
from psoladder.columnar.read import RawPayroll, table_rows
from psoladder.errors import InputError, Problem
from psoladder.messages import problem as message_problem
from psoladder.rules import Notice

__all__ = ["stream_table"]


def stream_table(raw: RawPayroll, sink: RowSink, *,
                 person_done: Callable[[str], None] | None = None,
                 fmt: PayrollFormat | None = None,
                 keep: Callable[[int, dict[str, Any]], None] | None = None,
                 ) -> tuple[Notice, ...]:
    """Validate a table's rows one by one, handing each valid row to ``sink``.

    Args:
        raw: The table.
        sink: Receives ``(row number, row)`` for each valid row.
        person_done: Called with a person's identifier right after their last row.
        fmt: How the export is written (the ``[payroll]`` table, issue 12).
        keep: Receives ``(row number, converted fields)`` for each valid row
            instead of ``sink`` (to build :class:`~psoladder.model.Employment`
            objects, as the payroll reader's ``read_payroll`` does).

    Returns:
        The reader's notices about the table (ignored columns, formats).

    Raises:
        InputError: Every problem of the table, each with its row and field.
    """
    readers = _readers(raw, fmt)
    names = list(raw.names)
    parser = row_parser(list(raw.fields), raw.name, readers, names)
    last = _last_rows(raw) if person_done is not None else {}
    for line, cells in table_rows(raw):
        floats: list[Problem] = []
        for field, name, cell in zip(raw.fields, names, cells, strict=True):
            if field is not None and isinstance(cell, float):
                try:
                    table_float(field, cell)
                except InputError as exc:
                    floats.extend(attrs.evolve(p, field=name or field, subject=field).located(
                        file=raw.name, row=line) for p in exc.problems)
        before = len(parser.problems)
        values = parser.parse(line, cells)
        if floats:
            # A float the field's own converter refuses is reported once, by it.
            reported = {p.field for p in parser.problems[before:]}
            for found in floats:
                if found.field not in reported:
                    parser.problem(found)
                    values = None
        if values is not None and not parser.problems and keep is not None:
            keep(line, values)
        elif values is not None and not parser.problems:
            row = compact_row(values, raw.name)
            sink(line, row)
            if person_done is not None and last.get(row.person) == line:
                person_done(row.person)
    parser.finish()
    assert raw.header is not None
    return reading_notices(raw.name, raw.header, readers, skipped=0, blank=parser.blank)


def _readers(raw: RawPayroll, fmt: PayrollFormat | None) -> list[ColumnReader | None]:
    """A reader per column, its format found from the column's values as the reader's first pass does."""
    readers: list[ColumnReader | None] = []
    for i, field in enumerate(raw.fields):
        if field is None:
            readers.append(None)
            continue
        name = raw.names[i] if i < len(raw.names) else field
        encoded = raw.column(i)
        if encoded is None:  # a column Arrow cannot encode: each value counted once
            assert raw.table is not None
            values, counts = raw.table.column(i).to_pylist(), None
        else:
            values, rows = encoded
            counts = np.bincount(rows, minlength=len(values)).tolist()
        readers.append(column_reader(field, values, counts, fmt=fmt or PayrollFormat(),
                                     name=name or field))
    return readers


def _last_rows(raw: RawPayroll) -> dict[str, int]:
    """Each person's last row (a light first pass over the person column)."""
    if "person" not in raw.fields:
        return {}
    assert raw.table is not None
    column = raw.table.column(raw.fields.index("person")).to_pylist()
    limits = bounds()
    last: dict[str, int] = {}
    for line, cell in enumerate(column, start=raw.first_row):
        if type(cell) is str and len(cell) > limits.cell_chars:
            continue  # reported by the row parser
        try:
            person = convert_cell("person", cell, table=True)
        except InputError:
            continue  # reported by the row parser
        if person is not NOT_GIVEN:
            last[person] = line
            if len(last) > limits.persons:  # as the payroll reader's first pass
                raise InputError([message_problem("in.too_many_persons", file=raw.name,
                                                  row=line, most=limits.persons)])
    return last
