r"""The pure-Python columnar engine: a CSV payroll by its distinct values, without any extra.

The engine ``auto`` takes without the ``fast`` extra (and ``engine="pure"``
on request). It reads a CSV payroll in one pass, as the validating reader's
block route reads it (:func:`psoladder.columnar.cells.open_blocks`), and
keeps each column as its distinct texts and each row's position among them
(a few bytes a row). Then, as the columnar engine does:

* each column's *distinct* values are converted by the validating reader's
  own column reader, which finds the column's date or number format from
  them and how often each occurs (:func:`psoladder.columnar.cells.decode`);
  the checks between fields run once per row on integers (an end before the
  start, the dates a target group needs);
* people outside the target groups are computed in integers (days as day
  numbers, hours as whole units of the smallest power of ten that makes them
  all whole), with no object per row; a person whose rows of several
  contract types share days, who names several entities, or has a row left
  out of the total (R-CT-6) is folded by the validating engine's own
  per-person code (:class:`~psoladder.fte.PersonCalc`);
* people in a target group (everyone with ``detail``) get every row in full
  detail from that same per-person code, so their periods, counting windows
  and notices are the validating engine's by construction.

Whenever the file has a problem, goes beyond a bound of
:mod:`psoladder.limits`, or has a form this engine does not read (a row
shorter than the header, a blank row between rows, a quoted line break,
organisation rows before the payroll), it refuses, and the validating path
reads the file and reports every problem with its file, row and field. Both engines give the
same assessment to the last digit (``tests/test_pure_engine.py``).

>>> import datetime as dt, tempfile
>>> from decimal import Decimal
>>> from psoladder.fte import FteBasis
>>> from psoladder.periods import DateRange
>>> from psoladder.rules import rules_at
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "loon.csv").write_text(
...     "person;start;end;hours_per_week\nA;1-1-2023;;32\nB;1-7-2023;;40\n", "utf-8")
>>> table = read_csv(folder / "loon.csv", "loon.csv")
>>> table.rows, table.values["hours_per_week"]
(2, [Decimal('32'), Decimal('40')])
>>> rules = rules_at(dt.date(2024, 5, 1))
>>> basis = FteBasis.of(DateRange(dt.date(2023, 1, 1), dt.date(2023, 12, 31)), None, rules)
>>> workforce(table, basis, rules).total_fte  # 32/40 + 40/40 x 184/365
Fraction(476, 365)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import operator
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from psoladder.columnar.cells import (
    DATE_FIELDS,
    IDENTITY_FIELDS,
    NOT_GIVEN,
    NUMBER_FIELDS,
    ColumnReader,
    PayrollFormat,
    Refusal,
    Refused,
    bounds,
    compact_row,
    open_blocks,
    ordinary_chars,
    ordinary_texts,
    reading_notices,
)
from psoladder.columnar.cells import decode as decode_cells
from psoladder.fte import (
    FteBasis,
    PersonCalc,
    PersonFte,
    Persons,
    Sources,
    Summaries,
    Workforce,
    capped_total,
    collector_paused,
    decimal_units,
)
from psoladder.model import ContractType, Employment, EmploymentLike, TargetGroup
from psoladder.periods import FOREVER
from psoladder.rules import Notice, RuleSet

__all__ = ["Table", "read_csv", "workforce"]

_REQUIRED = ("person", "start", "hours_per_week")
# Fields whose reader decides a format from how often each value occurs.
_COUNTED = DATE_FIELDS | NUMBER_FIELDS
_FOREVER = FOREVER.toordinal()


@attrs.frozen(eq=False)
class Table:
    """A CSV payroll's rows as columns: per field its distinct values and each row's position.

    Attributes:
        name: The payroll's name in messages and row sources.
        first_line: The line of the first data row (rows are consecutive lines).
        rows: Number of data rows.
        values: Per field, its distinct values, converted
            (:data:`~psoladder.columnar.cells.NOT_GIVEN` for an empty cell).
        codes: Per field, each row's position in ``values``; a field the
            file does not have, or no row gives, is absent; so is ``person``
            where ``runs`` says whose each row is.
        notices: The reader's notices (ignored columns, formats).
        runs: Where each person's rows begin, where each person's rows
            follow each other (the ``person`` values are then in the same
            order, one per run).
    """

    name: str
    first_line: int
    rows: int
    values: dict[str, list[Any]]
    codes: dict[str, list[int]]
    notices: tuple[Notice, ...]
    runs: list[int] | None = None
    _days: dict[str, list[int]] = attrs.field(factory=dict, init=False, repr=False)

    def given_values(self, field: str) -> list[Any]:
        """The distinct values of ``field`` that some row gives."""
        return [v for v in self.values.get(field, ()) if v is not NOT_GIVEN]

    def count(self, field: str) -> int:
        """Rows where ``field`` is given."""
        values = self.values.get(field)
        if values is None or field not in self.codes:
            return 0
        given = [v is not NOT_GIVEN for v in values]
        if all(given):
            return self.rows
        return sum(map(given.__getitem__, self.codes[field]))

    def days(self, field: str) -> list[int]:
        """Each row's date of ``start`` or ``end`` as a day number (an end not given: far future).

        Made once (the checks between fields and the computation both read them).
        """
        found = self._days.get(field)
        if found is None:
            found = self._days[field] = self.column(field, [
                _FOREVER if d is NOT_GIVEN else d.toordinal()
                for d in self.values.get(field, [NOT_GIVEN])], _FOREVER)
        return found

    def positions(self, field: str) -> list[int]:
        """Each row's position among the values of ``field`` (0 for every row without the column)."""
        return self.codes.get(field) or [0] * self.rows

    def column(self, field: str, lookup: Sequence[Any], absent: Any) -> list[Any]:
        """Each row's ``lookup[position]`` of ``field`` (``absent`` for every row without the column)."""
        codes = self.codes.get(field)
        if codes is None:
            return [absent] * self.rows
        return list(map(lookup.__getitem__, codes))


def read_csv(path: Path, name: str, fmt: PayrollFormat | None = None) -> Table | Refusal:
    """A CSV payroll as a :class:`Table`, or why this engine does not read it.

    Args:
        path: The file.
        name: Its name in messages and row sources.
        fmt: How the export is written (the ``[payroll]`` table, issue 12).

    Returns:
        The table, or ``"problem"`` (something is wrong, or beyond a bound:
        the validating path reports it) or ``"form"`` (a form this engine
        does not read).
    """
    fmt = fmt or PayrollFormat()
    opened = open_blocks(path, name, fmt)
    if isinstance(opened, str):
        return opened
    try:
        read = _encode(opened.header.fields, opened.header.names, opened.chunks)
    except Refused as exc:
        return exc.why
    finally:
        opened.close()
    if isinstance(read, str):
        return read
    first_line, rows, blank, columns = read
    limits = bounds()
    if rows > limits.rows or blank > limits.rows:
        return "problem"
    values: dict[str, list[Any]] = {}
    used: dict[str, list[int]] = {}
    runs: list[int] | None = None
    readers: list[ColumnReader | None] = []
    for i, field in enumerate(opened.header.fields):
        if field is None:
            readers.append(None)
            continue
        column = columns[i]
        texts = list(column.known)
        ordinary = field in IDENTITY_FIELDS and ordinary_texts(texts)
        short = ordinary and ordinary_chars() <= limits.cell_chars
        if not short and max(map(len, texts), default=0) > limits.cell_chars:
            return "problem"
        counts = column.counts()
        decoded = decode_cells(field, texts, counts, fmt=fmt,
                               name=opened.header.names[i] or field, ordinary=ordinary)
        if not decoded.ok:
            return "problem"
        readers.append(decoded.reader)
        values[field] = decoded.values
        if isinstance(column, _PersonColumn) and column.runs is not None:
            runs = column.runs  # (each person's rows together: where each begins)
        elif decoded.values != [NOT_GIVEN]:  # (a column nobody fills needs no positions)
            used[field] = column.codes
    table = Table(name, first_line, rows, values, used,
                  reading_notices(name, opened.header, readers, skipped=opened.skipped,
                                  blank=blank), runs)
    if not _consistent(table) or table.count("target_group") > limits.target_rows:
        return "problem"
    if len(set(table.given_values("person"))) > limits.persons:
        return "problem"
    return table


class _Column:
    """One column being read: its distinct texts in order of first appearance, each row's position.

    A block of mostly empty cells (an optional column) is encoded by its
    filled cells only.
    """

    __slots__ = ("codes", "counted", "dense", "fresh", "known", "tally")

    def __init__(self, counted: bool) -> None:
        self.known: dict[str, int] = {}
        self.fresh = True  # the last block had texts not seen before
        self.codes: list[int] = []
        self.counted = counted
        # Of a counted column: positions counted so far, and the rows they go to.
        self.tally: Counter[int] = Counter()
        self.dense = 0

    def counts(self) -> list[int] | None:
        """How many rows hold each distinct text (for a counted column), in their order."""
        if not self.counted:
            return None
        if len(self.known) == 1:
            return [len(self.codes)]
        found = self.tally
        found.update(self.codes[self.dense:])  # (positions: int objects, hashed fast)
        return list(map(found.__getitem__, range(len(self.known))))

    def add(self, column: tuple[str, ...]) -> None:
        """Encode a block's cells of this column."""
        known = self.known
        empty = column.count("")
        if empty * 2 <= len(column):
            # A getter of many keys looks them all up in C; where the last
            # block had no new text, this one is tried as it is first.
            codes = None
            if not self.fresh and len(column) > 1:
                with contextlib.suppress(KeyError):
                    codes = operator.itemgetter(*column)(known)
            if codes is None:
                # The block's new texts get the next positions (C code throughout).
                new = list(itertools.filterfalse(known.__contains__, dict.fromkeys(column)))
                self.fresh = bool(new)
                if new:
                    known.update(zip(new, itertools.count(len(known)), strict=False))
                codes = (operator.itemgetter(*column)(known) if len(column) > 1
                         else (known[column[0]],))
            self.codes += codes
            return
        # Mostly empty: the filled cells one by one, "" in its place among them.
        filled = list(itertools.compress(range(len(column)), column))
        if "" not in known:
            before = column.index("")
            for j in filled:
                if j > before:
                    break
                known.setdefault(column[j], len(known))
            known[""] = len(known)
        part = [known[""]] * len(column)
        for j in filled:
            text = column[j]
            code = known.get(text)
            if code is None:
                code = known[text] = len(known)
            part[j] = code
        if self.counted:  # (counted here: most of the block is one position)
            tally = self.tally
            tally.update(self.codes[self.dense:])
            tally[known[""]] += empty
            tally.update(map(part.__getitem__, filled))
            self.dense = len(self.codes) + len(part)
        self.codes += part


class _PersonColumn(_Column):
    """The person column: while each person's rows follow each other, only where each run begins.

    An export lists a person's rows together; then a block's cells are only
    compared with their neighbours (C code), and each run's first text is
    its person. The first time a person's rows come back after another's,
    the column is encoded as any other from there on (:class:`_Column`),
    its earlier rows by their runs.
    """

    __slots__ = ("last", "rows", "runs")

    def __init__(self) -> None:
        super().__init__(counted=False)
        self.runs: list[int] | None = []  # where each person's rows begin (None: not together)
        self.last: str | None = None  # the text of the last row so far
        self.rows = 0  # rows so far while the runs are kept

    def add(self, column: tuple[str, ...]) -> None:
        runs = self.runs
        if runs is None:
            super().add(column)
            return
        done = self.rows
        starts = list(itertools.compress(range(1, len(column)), map(
            operator.ne, itertools.islice(column, 1, None), column)))
        if column[0] != self.last:
            starts.insert(0, 0)
        texts = operator.itemgetter(*starts)(column) if len(starts) > 1 else tuple(
            column[j] for j in starts)
        known = self.known
        before = len(known)
        known.update(zip(texts, itertools.count(before), strict=False))
        if len(known) - before < len(texts):  # a person's rows come back:
            # the runs so far are the first texts, in their order
            self.known = dict(zip(itertools.islice(known, before), itertools.count()))
            self._apart(column)
            return
        runs += map(done.__add__, starts)
        self.rows = done + len(column)
        self.last = column[-1]

    def _apart(self, column: tuple[str, ...]) -> None:
        """From here on, a position per row: the rows so far by their runs, then this block."""
        assert self.runs is not None
        self.codes = _by_runs(self.runs, self.rows)
        self.runs = None
        self.fresh = True
        super().add(column)


def _encode(fields: Sequence[str | None], names: Sequence[str],
            chunks: Iterable[tuple[int, list[list[str]]]],
            ) -> tuple[int, int, int, dict[int, _Column]] | Refusal:
    """Every column a field reads, as its distinct texts and each row's position among them.

    Returns the first data line, the number of rows, the number of blank
    rows after the last (empty lines, or rows of delimiters: blank rows the
    validating reader counts) and the columns by their place in the header.
    Cells beyond the header's named columns (empty header cells at the end,
    or none) may hold nothing, as a column without a name may not; rows may
    differ in such empty cells (:func:`_resized`). A row shorter than the
    header, or a blank row before the last row with content, is a form this
    engine leaves to the validating reader; only a row whose every cell is
    empty is blank (a cell of spaces is read, as that reader reads it).
    """
    columns = {i: _PersonColumn() if f == "person" else _Column(f in _COUNTED)
               for i, f in enumerate(fields) if f is not None}
    # A column without a name may hold nothing (the validating reader's problem).
    unnamed = [i for i, f in enumerate(fields) if f is None and not (
        i < len(names) and names[i].strip())]
    width = 0
    first_line = rows = blank = 0
    limits = bounds()
    limit, columns_most = limits.rows, limits.columns
    for start, block in chunks:
        tail = 0
        while tail < len(block) and not any(block[-1 - tail]):
            tail += 1  # (blank rows at the end of the block: every cell empty)
        if blank and tail < len(block):
            return "form"  # blank rows between rows
        blank += tail
        if tail == len(block):
            continue
        if tail:
            block = block[:-tail]
        if not rows:
            first_line = start
            width = len(block[0])
            if width < len(fields):
                return "form"  # (rows shorter than the header)
            if width > max(len(fields), columns_most + 1):
                return "problem"  # (more cells than any header has, even empty ones)
            unnamed += range(len(fields), width)
        elif start != first_line + rows:
            return "form"
        if len(block[0]) != width or len(set(map(len, block))) != 1:
            # Rows of another width: some with a trailing delimiter, some without
            resized = _resized(block, len(fields), width, columns_most)
            if isinstance(resized, str):
                return resized  # (a short row, a blank row between rows, a filled extra cell)
            block = resized
        cells = list(zip(*block, strict=True))
        for i, column in columns.items():
            column.add(cells[i])
        for i in unnamed:
            if any(map(str.strip, cells[i])):
                return "problem"
        rows += len(block)
        if rows > limit:
            return "problem"
    return first_line, rows, blank, columns


def _resized(block: list[list[str]], named: int, width: int, most: int,
             ) -> list[list[str]] | Refusal:
    """A block's rows, each ``width`` cells wide, where they differ only by empty cells after the header's.

    A row of at least the header's ``named`` cells is cut or padded with
    empty cells (the validating reader reads no cell beyond the header's).
    ``"form"`` for a shorter row (or a blank row between rows), ``"problem"``
    for a row whose cells beyond the header's hold something, or that has
    more cells than a header may have columns (``most``, and one more).

    >>> _resized([["A", "1"], ["B", "2", ""], ["C", "3", " ", ""]], 2, 3, 64)
    [['A', '1', ''], ['B', '2', ''], ['C', '3', ' ']]
    >>> _resized([["A", "1"], ["B"]], 2, 2, 64), _resized([["A", "1", "x"]], 2, 2, 64)
    ('form', 'problem')
    """
    resized = []
    for row in block:
        n = len(row)
        if n < named:
            return "form"
        if n > width:
            if n > max(named, most + 1) or any(map(str.strip, row[width:])):
                return "problem"
            row = row[:width]
        elif n < width:
            row = row + [""] * (width - n)
        resized.append(row)
    return resized


def _consistent(table: Table) -> bool:
    """Required fields given on every row, no end before its start, the dates each target group needs.

    The checks of :meth:`Employment.consistency_problems` (and of required
    fields), as :mod:`psoladder.columnar.columns` runs them on whole columns.
    A row without a person may also be a blank row (which the validating
    reader counts); either way that reader reads the file.
    """
    for field in _REQUIRED:
        if field not in table.values or any(v is NOT_GIVEN for v in table.values[field]):
            return False
    if "end" in table.values and any(map(operator.gt, table.days("start"), table.days("end"))):
        return False
    groups = table.values.get("target_group", [])
    needs = [[p.field for p in Employment.consistency_problems({"target_group": g})
              if p.field is not None] if isinstance(g, TargetGroup) else [] for g in groups]
    if any(needs):
        codes = table.codes["target_group"]
        for k in itertools.compress(range(table.rows), map(needs.__getitem__, codes)):
            for field in needs[codes[k]]:
                given = table.codes.get(field)
                if given is None or table.values[field][given[k]] is NOT_GIVEN:
                    return False
    return True


def _persons(table: Table, rename: Callable[[str], str] | None,
             ) -> tuple[list[int] | None, list[str]] | None:
    """Each row's person number and each person's name, persons in order of first appearance.

    The person numbers are ``None`` where each person's rows follow each
    other (:attr:`Table.runs` says where each begins); ``None`` instead of
    both where two identifiers share a pseudonym (the validating path then
    merges them).
    """
    values: list[str] = table.values["person"]
    pid = None if table.runs is not None else table.codes["person"]
    if len(set(values)) < len(values):
        # Two texts read as one identifier (" E1" and "E1"): one person.
        number: dict[str, int] = {}
        which = [number.setdefault(v, len(number)) for v in values]
        pid, values = list(map(which.__getitem__, _person_codes(table))), list(number)
    if rename is not None:  # (each identifier's pseudonym, once)
        values = [rename(v) for v in values]
        if len(set(values)) < len(values):
            return None
    return pid, values


def _person_codes(table: Table) -> list[int]:
    """Each row's position among the ``person`` values (from the runs, where kept)."""
    return table.codes["person"] if table.runs is None else _by_runs(table.runs, table.rows)


def _by_runs(runs: list[int], rows: int) -> list[int]:
    """Each of ``rows`` rows' run, the runs beginning at ``runs``.

    >>> _by_runs([0, 2, 3], 5)
    [0, 0, 1, 2, 2]
    """
    lengths = map(operator.sub, [*runs[1:], rows], runs)
    return list(itertools.chain.from_iterable(map(itertools.repeat, range(len(runs)), lengths)))


def workforce(table: Table, basis: FteBasis, rules: RuleSet, *, detail: bool = False,
              rename: Callable[[str], str] | None = None) -> Workforce | None:
    """The workforce of a payroll's rows, equal to the validating engine's.

    Args:
        table: The payroll (:func:`read_csv`).
        basis: The peiljaar, full-time week and cap.
        rules: The rules in force.
        detail: Keep every person's rows, not only target-group people's.
        rename: Replaces each person identifier (a pseudonym).

    Returns:
        The workforce, or ``None`` where two identifiers share a pseudonym.
    """
    found = _persons(table, rename)
    if found is None:
        return None
    pid, names = found
    with collector_paused():
        return _Fold(table, basis, rules, detail).workforce(pid, names)


class _Fold:
    """The computation of one payroll's workforce (see :func:`workforce`)."""

    def __init__(self, table: Table, basis: FteBasis, rules: RuleSet, detail: bool) -> None:
        self.table = table
        self.detail = detail
        self.basis = basis
        self.calc = PersonCalc(basis, rules)
        self.p0, self.p1 = basis.peiljaar.start.toordinal(), basis.peiljaar.end.toordinal()
        values = table.values
        # Hours in whole units of the smallest power of ten that makes every
        # hours value and the cap whole.
        units = [decimal_units(v) for v in values["hours_per_week"]]
        limit, places = basis.limit
        self.places = max([places, *(p for _, p in units)])
        self.limit = limit * 10 ** (self.places - places)
        self.hours = table.column("hours_per_week",
                                  [u * 10 ** (self.places - p) for u, p in units], 0)
        self.start, self.end = table.days("start"), table.days("end")
        # Per row: a day in the peiljaar.
        self.inside = list(map(operator.and_, map(self.p1.__ge__, self.start),
                               map(self.p0.__le__, self.end)))
        contracts = [ContractType.REGULAR if v is NOT_GIVEN else v
                     for v in values.get("contract", [NOT_GIVEN])]
        self.contracts = contracts
        self.contract = table.positions("contract")
        self.counted = [c not in self.calc.excluded for c in contracts]
        self.entities = [None if v is NOT_GIVEN else v for v in values.get("entity", [NOT_GIVEN])]
        self.entity = table.positions("entity")
        groups = values.get("target_group", [NOT_GIVEN])
        in_group = [isinstance(g, TargetGroup) for g in groups]
        self.target = table.column("target_group", in_group, False)
        self.detailed: list[PersonFte] = []
        self.figures = _Figures([], [], [], [], [])
        self._parts: dict[tuple[int, int], _Part] = {}

    def workforce(self, pid: list[int] | None, names: list[str]) -> Workforce:
        m = len(names)
        if pid is None:  # each person's rows together, beginning where the table says
            assert self.table.runs is not None
            order: Sequence[int] = range(self.table.rows)
            begins = [*self.table.runs, self.table.rows]
        else:
            order, begins = _runs(pid, m)
        self.figures = _Figures([_ABSENT] * m, [0] * m, [False] * m, [0] * m, [False] * m)
        others: Iterable[int] = range(m) if self.detail else self._plain_people(order, begins)
        inside = self.inside
        for q in others:
            a, b = begins[q], begins[q + 1]
            rows = list(range(a, b)) if isinstance(order, range) else list(
                map(order.__getitem__, range(a, b)))
            shown = rows if self.detail else list(itertools.compress(
                rows, map(inside.__getitem__, rows)))
            if shown:
                self._person(q, names[q], rows, shown)
        return self._built(names)

    def _plain_people(self, order: Sequence[int], begins: list[int]) -> list[int]:
        """Sum the people whose rows need nothing of the per-person code; the others' numbers.

        Summed here: a person whose rows in the peiljaar are in no target
        group, all counted in total fte (R-CT-6) and name one entity, and
        either follow each other without sharing a day (each row keeps its
        own hours x days, the cap applies row by row: R-FTE-3) or are all of
        one contract type (the cap day by day, :func:`~psoladder.fte.capped_total`,
        all of it that contract type's). The same figures as
        :meth:`~psoladder.fte.PersonCalc.summarise`, in one loop over the
        rows. Everyone else with a row in the peiljaar is left to
        :meth:`_person` (returned in order).
        """
        def ordered(column: list[Any]) -> list[Any]:
            """A per-row column with each person's rows together (``order``)."""
            return column if isinstance(order, range) else list(map(column.__getitem__, order))

        inside, start, end, hours = (ordered(self.inside), ordered(self.start),
                                     ordered(self.end), ordered(self.hours))
        contract, entity, target = (ordered(self.contract), ordered(self.entity),
                                    ordered(self.target))
        counted = self.counted
        p0, p1, limit = self.p0, self.p1, self.limit
        f = self.figures
        status, f_units, f_capped, f_rows, f_on = f.status, f.units, f.capped, f.rows, f.on
        n_entities, n_contracts = len(self.entities), len(self.contracts)
        # Hours units x days by (contract, entity), and persons by (entity,
        # contract on the peildatum + 1, or 0).
        by_key = [0] * (n_contracts * n_entities)
        zero: set[int] = set()  # keys with rows of no hours (present, with 0)
        by_person = [0] * (n_entities * (n_contracts + 1))
        others: list[int] = []
        total = 0
        for q in range(len(begins) - 1):
            a, b = begins[q], begins[q + 1]
            count = units = work = 0
            capped = overlap = mixed = False
            reach = p0 - 1
            e0 = c0 = -1
            parts = []
            for k in range(a, b):
                if not inside[k]:
                    continue
                c = contract[k]
                e = entity[k]
                if target[k] or not counted[c] or (count and e != e0):
                    count = -1
                    break
                d0, d1, h = start[k], end[k], hours[k]
                if d0 < p0:
                    d0 = p0
                if d1 > p1:
                    d1 = p1
                if d0 <= reach:  # (out of order, or sharing a day)
                    overlap = True
                if count and c != c0:
                    mixed = True
                reach = d1
                if h > limit:
                    h = limit
                    capped = True
                row_units = (d1 - d0 + 1) * h
                units += row_units
                parts.append((c * n_entities + e, row_units))
                count += 1
                e0 = e
                c0 = c
                if d1 == p1:
                    work = c + 1
            if overlap and count > 0:
                if mixed:  # contract types sharing days share the cap: the per-person code
                    count = -1
                else:  # one contract type and entity: the cap day by day, all the key's
                    units, capped = capped_total(
                        [(k, max(start[k], p0), min(end[k], p1), hours[k])
                         for k in range(a, b) if inside[k]], limit)
                    parts = [(c0 * n_entities + e0, units)]
            if count <= 0:
                if count < 0:
                    others.append(q)
                continue
            for key, row_units in parts:
                by_key[key] += row_units
                if not row_units:
                    zero.add(key)
            by_person[e0 * (n_contracts + 1) + work] += 1
            total += units
            status[q], f_units[q], f_capped[q], f_rows[q], f_on[q] = (
                _SUMMARISED, units, capped, count, work > 0)
        tallies, places = self.calc.tallies, self.places
        for key, units in enumerate(by_key):
            if units or key in zero:
                c, e = divmod(key, n_entities)
                tallies.hour_days(self.contracts[c], self.entities[e], places, units)
        for key, count in enumerate(by_person):
            if count:
                e, w = divmod(key, n_contracts + 1)
                tallies.persons(self.entities[e], self.contracts[w - 1] if w else None, count)
        self.calc.total.add(total, places)
        return others

    def _person(self, q: int, name: str, rows: list[int], shown: list[int]) -> None:
        """Person ``q`` folded by the validating engine's per-person code (:class:`~psoladder.fte.PersonCalc`).

        In full detail with a target-group row (or ``detail``), else as
        summarised figures. ``rows`` are all the person's rows, ``shown``
        those kept (in the peiljaar, or all with ``detail``).
        """
        calc, t, figures = self.calc, self.table, self.figures
        if self.detail or any(self.target[r] for r in shown):
            figures.status[q] = _DETAILED
            first_start = dt.date.fromordinal(min(self.start[r] for r in rows))
            kept = [(t.first_line + r, self._row(r, name)) for r in shown]
            self.detailed.append(calc.detailed(name, kept, first_start))
            return
        p0, p1 = self.p0, self.p1
        start, end, hours, contract, entity = (self.start, self.end, self.hours, self.contract,
                                               self.entity)
        counted, part = self.counted, self._part
        spans = [(max(start[r], p0), min(end[r], p1), hours[r], part(contract[r], entity[r]))
                 for r in shown if counted[contract[r]]]
        units, _, capped, count, on = calc.summarise(spans, self.places, len(shown))
        figures.status[q] = _SUMMARISED
        figures.units[q], figures.capped[q], figures.rows[q], figures.on[q] = (
            units, capped, count, on)

    def _part(self, contract: int, entity: int) -> _Part:
        """The contract type and entity of positions ``contract`` and ``entity`` (one object each)."""
        key = (contract, entity)
        found = self._parts.get(key)
        if found is None:
            found = self._parts[key] = _Part(self.contracts[contract], self.entities[entity])
        return found

    def _row(self, r: int, person: str) -> EmploymentLike:
        """Row ``r`` of ``person`` (the identifier, or its pseudonym) as the validating reader hands it on."""
        t = self.table
        cells = {field: t.values[field][codes[r]] for field, codes in t.codes.items()}
        cells["person"] = person
        return compact_row({k: v for k, v in cells.items() if v is not NOT_GIVEN}, t.name)

    def _built(self, names: list[str]) -> Workforce:
        """The workforce: the people in order of first appearance, the rows outside the peiljaar."""
        calc, t, basis, f = self.calc, self.table, self.basis, self.figures
        detailed = self.detailed
        status = f.status
        summarised = list(map(_SUMMARISED.__eq__, status))
        persons: Sequence[PersonFte] = tuple(detailed)
        if any(summarised):
            # Each detailed person's place among the people shown (absent ones are not).
            shown = list(itertools.accumulate(map(_ABSENT.__ne__, status)))
            at = [shown[q] - 1 for q in itertools.compress(range(len(status)),
                                                           map(_DETAILED.__eq__, status))]
            persons = Persons(detailed, at, Summaries(
                list(itertools.compress(names, summarised)), range(summarised.count(True)),
                list(itertools.compress(f.units, summarised)), 10**self.places,
                calc.denominator, list(itertools.compress(f.capped, summarised)),
                list(itertools.compress(f.rows, summarised)),
                list(itertools.compress(f.on, summarised))))
        n = t.rows
        outside = array("q", itertools.compress(range(t.first_line, t.first_line + n),
                                                map(operator.not_, self.inside)))
        notices = {x: None for p in detailed for q in p.periods for x in q.counting.notices}
        return Workforce(
            peiljaar=basis.peiljaar, fulltime_hours=basis.fulltime, persons=persons,
            rows_read=n, rows_outside=outside, cited=(basis.fulltime, basis.cap),
            notices=tuple(notices), denominator=calc.denominator,
            absent_persons=status.count(_ABSENT),
            rows_outside_sources=Sources([t.name], bytes(2 * len(outside))),
            hour_days=calc.total.value, **calc.tallies.figures())


# A person's place in the workforce (see _Figures.status).
_ABSENT, _SUMMARISED, _DETAILED = 0, 1, 2


@attrs.define(eq=False)
class _Figures:
    """Per person: where they go, and a summarised person's figures (see :class:`~psoladder.fte.Summaries`).

    Attributes:
        status: ``_ABSENT`` (no row in the peiljaar), ``_SUMMARISED`` or
            ``_DETAILED``.
        units: Hours units x days.
        capped: Whether the cap bit.
        rows: Rows in the peiljaar.
        on: Works on the peildatum.
    """

    status: list[int]
    units: list[int]
    capped: list[bool]
    rows: list[int]
    on: list[bool]


@attrs.define(eq=False)
class _Part:
    """A contract type and an entity: what the tallies read of a row (see :meth:`PersonCalc.summarise`)."""

    contract: ContractType
    entity: str | None


def _runs(pid: list[int], persons: int) -> tuple[Sequence[int], list[int]]:
    """The rows person by person (persons in order, each person's rows in file order).

    Returns the rows in that order and where each person's rows begin (and,
    last, the number of rows).
    """
    n = len(pid)
    if all(map(operator.le, pid, itertools.islice(pid, 1, None))):
        order: Sequence[int] = range(n)  # each person's rows together already
        ordered = pid
    else:
        order = sorted(range(n), key=pid.__getitem__)
        ordered = list(map(pid.__getitem__, order))
    begins = [0, *itertools.compress(range(1, n), map(operator.ne, ordered,
                                                      itertools.islice(ordered, 1, None))), n]
    if not n:
        begins = [0] * (persons + 1)
    assert len(begins) == persons + 1
    return order, begins
