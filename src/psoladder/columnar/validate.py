"""The validating path for tables and Parquet files: row by row, every problem located.

The rows of a table go through the validating reader's own row parser
(:mod:`psoladder.io.payroll`), exactly as the rows of a CSV or XLSX file do,
after the float rule of :func:`psoladder.columnar.cells.table_float`. Rows
reach the sink only while no problem has been found; at the end every
problem is raised at once.
"""

from __future__ import annotations

from collections.abc import Callable

from psoladder.columnar.cells import NOT_GIVEN, bounds, convert_cell, table_float
from psoladder.columnar.read import RawPayroll, table_rows
from psoladder.errors import InputError, Problem

# The validating reader's row parser and compact rows.
from psoladder.io.payroll import RowSink, _row, _RowParser

__all__ = ["stream_table"]


def stream_table(raw: RawPayroll, sink: RowSink, *,
                 person_done: Callable[[str], None] | None = None) -> int:
    """Validate a table's rows one by one, handing each valid row to ``sink``.

    Args:
        raw: The table.
        sink: Receives ``(row number, row)`` for each valid row.
        person_done: Called with a person's identifier right after their last row.

    Returns:
        The number of rows read (blank rows excluded).

    Raises:
        InputError: Every problem of the table, each with its row and field.
    """
    parser = _RowParser(list(raw.fields), raw.name)
    last = _last_rows(raw) if person_done is not None else {}
    for line, cells in table_rows(raw):
        floats: list[Problem] = []
        for field, cell in zip(raw.fields, cells, strict=True):
            if field is not None and isinstance(cell, float):
                try:
                    table_float(field, cell)
                except InputError as exc:
                    floats.extend(p.located(file=raw.name, row=line) for p in exc.problems)
        before = len(parser.problems)
        values = parser.parse(line, cells)
        if floats:
            # A float the field's own converter refuses is reported once, by it.
            reported = {p.field for p in parser.problems[before:]}
            for problem in floats:
                if problem.field not in reported:
                    parser.problem(problem)
                    values = None
        if values is not None and not parser.problems:
            row = _row(values, raw.name)
            sink(line, row)
            if person_done is not None and last.get(row.person) == line:
                person_done(row.person)
    parser.finish()
    return parser.read


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
                raise InputError([Problem(
                    f"the payroll has more than {limits.persons:,} persons, more than "
                    "psoladder reads", file=raw.name, row=line)])
    return last
