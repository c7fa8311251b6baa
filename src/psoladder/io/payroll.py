r"""Payroll exports: CSV (and XLSX with the ``xlsx`` extra), one row per employment period.

The header names the fields of :class:`~psoladder.model.Employment`
(``person,start,end,hours_per_week,contract,target_group,...``). Accepted
dialects:

* UTF-8 with or without a byte-order mark; comma- or semicolon-separated
  (whichever the header line uses);
* common Dutch header names from payroll exports (:data:`HEADER_ALIASES`),
  matched case-insensitively, spaces and dashes read as underscores;
* Dutch contract words (:data:`CONTRACT_ALIASES`), e.g. ``vast``, ``detachering``;
* a decimal comma in numbers (``32,5``) where unambiguous: exactly one comma
  and no dot;
* dates as ISO ``YYYY-MM-DD``; an empty cell is "not given".

Every row is either read or reported: blank lines are counted, and every
problem of the file is reported at once with its row (the header is row 1)
and field.

>>> import io as _io
>>> text = "personeelsnummer;datum_in_dienst;uren_per_week;contract\nE1;2023-01-01;32,5;vast\n"
>>> read = read_csv(_io.StringIO(text), name="payroll.csv")
>>> read.employments[0].hours_per_week, read.employments[0].contract.value, read.rows_read
(Decimal('32.5'), 'regular', 1)
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, cast

import attrs

from psoladder.errors import InputError, Problem
from psoladder.fte import Row
from psoladder.model import ContractType, Employment, EmploymentLike

__all__ = [
    "CONTRACT_ALIASES",
    "HEADER_ALIASES",
    "MAX_PROBLEMS",
    "PayrollRead",
    "PayrollSummary",
    "last_lines",
    "read_csv",
    "read_payroll",
    "stream_payroll",
]

_FIELDS = tuple(attrs.fields_dict(Employment))

#: Dutch (and common English) column names and the field they mean.
HEADER_ALIASES: Mapping[str, str] = {
    "personeelsnummer": "person", "personeelsnr": "person", "medewerker": "person",
    "medewerkernummer": "person", "werknemer": "person", "persoon": "person",
    "employee": "person", "employee_id": "person",
    "datum_in_dienst": "start", "in_dienst": "start", "begindatum": "start",
    "ingangsdatum": "start", "startdatum": "start", "start_date": "start",
    "datum_uit_dienst": "end", "uit_dienst": "end", "einddatum": "end", "end_date": "end",
    "uren_per_week": "hours_per_week", "contracturen": "hours_per_week",
    "uren": "hours_per_week", "arbeidsduur": "hours_per_week", "hours": "hours_per_week",
    "contractsoort": "contract", "soort_contract": "contract", "type_contract": "contract",
    "dienstverband": "contract",
    "doelgroep": "target_group", "uitgangspositie": "target_group",
    "instroomdatum": "inflow", "datum_instroom": "inflow",
    "indicatie_tot": "status_until", "lks_tot": "status_until",
    "schoolverlaatdatum": "school_left", "ww_sinds": "ww_since",
    "status_verloren": "status_lost", "start_plaatsing": "placement_start",
    "doelgroepregister": "registered", "geregistreerd": "registered",
    # issue 15: the entity of the applicant's group, by name or KvK number
    "entiteit": "entity", "werkmaatschappij": "entity", "juridische_entiteit": "entity",
    "kvk": "entity", "kvk_nummer": "entity", "kvknummer": "entity",
}

#: Dutch contract words and the contract type (R-CT) they mean.
CONTRACT_ALIASES: Mapping[str, str] = {
    "vast": "regular", "tijdelijk": "regular", "arbeidsovereenkomst": "regular",
    "loondienst": "regular", "bepaalde_tijd": "regular", "onbepaalde_tijd": "regular",
    "begeleid_werken": "supported", "begeleid": "supported",
    "detachering": "secondment_flex", "gedetacheerd": "secondment_flex",
    "uitzend": "secondment_flex", "uitzendkracht": "secondment_flex", "flex": "secondment_flex",
    "stage": "placement", "werkervaringsplaats": "placement", "leerwerkplek": "placement",
    "re-integratie": "placement", "proefplaatsing": "trial",
}

_DECIMAL_COMMA = re.compile(r"^\s*[+-]?\d+,\d+\s*$")
_NUMBER_FIELDS = {"hours_per_week"}


@attrs.frozen
class PayrollRead:
    """What a payroll file gave.

    Attributes:
        file: The file name.
        employments: One employment per data row, in file order.
        rows_read: Data rows read (blank lines excluded).
        blank_rows: Blank lines skipped.
        lines: The line of each employment in the file (the header is line 1).
    """

    file: str
    employments: tuple[Employment, ...]
    rows_read: int
    blank_rows: int
    lines: tuple[int, ...] = ()

    @property
    def persons(self) -> int:
        """Distinct persons."""
        return len({e.person for e in self.employments})

    def summary(self) -> str:
        """One line: what was read."""
        blank = f", {self.blank_rows} blank line(s) skipped" if self.blank_rows else ""
        return (f"{self.file}: {self.rows_read} employment row(s) of {self.persons} "
                f"person(s) read{blank}")


def _normalise(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lower().lstrip("\ufeff"))


def _header(cells: list[str], file: str) -> tuple[list[str | None], list[Problem]]:
    problems = []
    fields: list[str | None] = []
    for col, raw in enumerate(cells, start=1):
        key = _normalise(raw)
        field = key if key in _FIELDS else HEADER_ALIASES.get(key)
        if not key:
            fields.append(None)
            continue
        if field is None:
            problems.append(Problem(
                f"unknown column {raw!r} (column {col})", file=file, row=1, field=raw,
                hint="use the field names " + ", ".join(_FIELDS)
                + " (or a Dutch alias such as personeelsnummer, datum_in_dienst, uren_per_week)"))
        elif field in fields:
            problems.append(Problem(f"column {raw!r} repeats field {field!r}", file=file, row=1,
                                    field=raw, hint="keep one column per field"))
        fields.append(field)
    for required in ("person", "start", "hours_per_week"):
        if required not in fields:
            problems.append(Problem(f"required column {required!r} is missing", file=file,
                                    row=1, field=required,
                                    hint=f"add a column named {required}"))
    return fields, problems


def _clean(field: str, value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        if field in _NUMBER_FIELDS and _DECIMAL_COMMA.match(value):
            return value.replace(",", ".")
        if field == "contract" and value:
            key = _normalise(value)
            return CONTRACT_ALIASES.get(key, key)
        if field == "target_group" and value:
            return _normalise(value)
    elif isinstance(value, float):
        # Spreadsheet cells hold binary floats; their shortest repr is what the
        # user typed (32.5, not 32.499999...).
        return repr(value)
    elif isinstance(value, dt.datetime):
        return value.date()
    return value


#: Stored problems of one file at most; the rest are counted in a last problem.
MAX_PROBLEMS = 1000

_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    name: cast(Callable[[Any], Any], field.converter)
    for name, field in attrs.fields_dict(Employment).items() if field.converter is not None
}
_REQUIRED = ("person", "start", "hours_per_week")
_ROW_FIELDS = {"person", "start", "end", "hours_per_week", "contract", "target_group"}


class _RowParser:
    """Validates payroll rows with the converters and checks of ``Employment``.

    It remembers each distinct cell value per column: payroll columns repeat
    (the same dates, hours and codes on many rows).
    """

    def __init__(self, fields: list[str | None], file: str) -> None:
        self.file = file
        self.width = len(fields)
        self.columns: list[tuple[int, str, Callable[[Any], Any], dict[Any, Any]]] = [
            (i, f, _CONVERTERS[f], {}) for i, f in enumerate(fields) if f is not None]
        self.problems: list[Problem] = []
        self.dropped = 0
        self.read = self.blank = 0

    def problem(self, problem: Problem) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)
        else:
            self.dropped += 1

    def parse(self, line: int, cells: Sequence[Any]) -> dict[str, Any] | None:
        """The row's converted values, or ``None`` (blank or with problems)."""
        values: dict[str, Any] = {}
        failed: set[str] = set()
        bad = False
        for index, field, convert, cache in self.columns:
            if index >= len(cells):
                continue
            raw = cells[index]
            if raw is None or raw == "":
                continue
            try:
                value = cache[raw]
            except KeyError:
                cleaned = _clean(field, raw)
                if cleaned == "" or cleaned is None:
                    continue
                try:
                    value = convert(cleaned)
                except InputError as exc:
                    bad = True
                    failed.add(field)
                    for p in exc.problems:
                        self.problem(p.located(file=self.file, row=line))
                    continue
                if len(cache) < 100_000:
                    cache[raw] = value
            except TypeError:  # an unhashable cell value from a spreadsheet
                value = convert(_clean(field, raw))
            values[field] = value
        if not values and not bad:
            if any(c not in (None, "") and str(c).strip() for c in cells):
                values = {}
            else:
                self.blank += 1
                return None
        self.read += 1
        if len(cells) > self.width and any(str(c).strip() for c in cells[self.width:]):
            self.problem(Problem(f"row has {len(cells)} cells but the header has {self.width}",
                                 file=self.file, row=line,
                                 hint="check for an unquoted separator in a value"))
            return None
        for name in _REQUIRED:
            if name not in values and name not in failed:
                bad = True
                self.problem(Problem("required field is missing", field=name, file=self.file,
                                     row=line, hint=f"give {name}"))
        for p in Employment.consistency_problems(values):
            bad = True
            self.problem(p.located(file=self.file, row=line))
        return None if bad else values

    def finish(self) -> None:
        """Raise every problem found, if any."""
        if self.dropped:
            self.problems.append(Problem(
                f"... and {self.dropped} more problem(s) not listed", file=self.file,
                hint="fix the problems above first; they often share a cause"))
        if self.problems:
            raise InputError(self.problems)


def _row(values: dict[str, Any]) -> Row:
    extra = None
    if len(values) > 6 or not values.keys() <= _ROW_FIELDS:
        extra = {k: v for k, v in values.items() if k not in _ROW_FIELDS}
    return Row(values["person"], values["start"], values.get("end"), values["hours_per_week"],
               values.get("contract", ContractType.REGULAR), values.get("target_group"),
               extra or None)


RowSink = Callable[[int, EmploymentLike], None]
Progress = Callable[[int], None]


def _open_rows(path: Path) -> tuple[list[str | None], Iterator[tuple[int, Sequence[Any]]], Any]:
    """Header fields, numbered data rows and a closer, for a CSV or XLSX file."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            import openpyxl
        except ImportError:
            raise InputError.single(
                "reading .xlsx needs openpyxl", field="employments", value=str(path),
                hint="pip install 'psoladder[xlsx]', or save the sheet as CSV") from None
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        rows = book.worksheets[0].iter_rows(values_only=True)
        header = [str(c) if c is not None else "" for c in next(rows, ())]
        fields, problems = _header(header, path.name)
        if problems:
            book.close()
            raise InputError(problems)
        return fields, ((i, r) for i, r in enumerate(rows, start=2)), book.close
    try:
        stream = path.open(encoding="utf-8-sig", newline="")
    except FileNotFoundError:
        raise InputError.single("payroll file not found", field="employments",
                                value=str(path),
                                hint="give a path relative to the organisation file") from None
    try:
        fields, numbered = _csv_rows(stream, path.name)
    except BaseException:
        stream.close()
        raise
    return fields, numbered, stream.close


def _csv_rows(stream: IO[str], name: str) -> tuple[list[str | None],
                                                    Iterator[tuple[int, Sequence[Any]]]]:
    try:
        first = stream.readline()
    except UnicodeDecodeError as exc:
        raise _not_utf8(exc, name) from None
    delimiter = ";" if first.count(";") > first.count(",") else ","
    header = next(csv.reader([first], delimiter=delimiter), [])
    fields, problems = _header(header, name)
    if problems:
        raise InputError(problems)
    reader = csv.reader(stream, delimiter=delimiter)

    def numbered() -> Iterator[tuple[int, Sequence[Any]]]:
        try:
            for cells in reader:
                yield reader.line_num + 1, cells
        except csv.Error as exc:
            raise InputError([Problem(f"the file is not valid CSV: {exc}", file=name,
                                      row=reader.line_num + 1)]) from None
        except UnicodeDecodeError as exc:
            raise _not_utf8(exc, name) from None

    return fields, numbered()


def _not_utf8(exc: UnicodeDecodeError, name: str) -> InputError:
    return InputError([Problem(f"the file is not UTF-8 ({exc.reason} at byte {exc.start})",
                               file=name, hint="save the export as CSV UTF-8")])


@attrs.frozen
class PayrollSummary:
    """What a streamed payroll file gave.

    Attributes:
        file: The file name.
        rows_read: Data rows read (blank lines excluded).
        blank_rows: Blank lines skipped.
    """

    file: str
    rows_read: int
    blank_rows: int


def _scan(fields: list[str | None], rows: Iterable[tuple[int, Sequence[Any]]], name: str,
          emit: Callable[[int, dict[str, Any]], None], progress: Progress | None,
          every: int = 50_000) -> _RowParser:
    parser = _RowParser(fields, name)
    for line, cells in rows:
        values = parser.parse(line, cells)
        if values is not None and not parser.problems:
            emit(line, values)
        if progress is not None and line % every == 0:
            progress(parser.read)
    return parser


def last_lines(path: str | Path) -> dict[str, int]:
    """Each person's last line in a payroll file: a first, light pass over it.

    Lets :func:`stream_payroll` say when a person is complete, so their rows
    can be folded and freed at once: memory then follows the number of people
    (and, for a file not sorted by person, the rows of people still open).
    """
    path = Path(path)
    fields, rows, close = _open_rows(path)
    convert = _CONVERTERS["person"]
    last: dict[str, int] = {}
    try:
        if "person" not in fields:
            return last
        index = fields.index("person")
        for line, cells in rows:
            if index >= len(cells):
                continue
            try:
                last[convert(_clean("person", cells[index]))] = line
            except InputError:
                continue  # reported by the second pass
    finally:
        close()
    return last


def stream_payroll(path: str | Path, sink: RowSink, *,
                   progress: Progress | None = None,
                   person_done: Callable[[str], None] | None = None) -> PayrollSummary:
    """Validate a payroll file row by row, handing each row to ``sink``.

    Rows are not kept: ``sink(line, row)`` receives each valid row as a
    compact :class:`~psoladder.fte.Row` (e.g. a
    :class:`~psoladder.fte.WorkforceBuilder`'s ``add``). Once a problem is
    found, later rows are only validated; at the end every problem is raised
    at once, and the sink's data must be discarded.

    Args:
        path: The ``.csv`` (or ``.xlsx``) file.
        sink: Receives ``(line number, row)`` for each valid row.
        progress: Called with the number of rows read every 50,000 rows.
        person_done: Called with a person's identifier right after their last
            row (found by :func:`last_lines`, a first pass over the file).
    """
    path = Path(path)
    last = last_lines(path) if person_done is not None else {}

    def emit(line: int, values: dict[str, Any]) -> None:
        row = _row(values)
        sink(line, row)
        if person_done is not None and last.get(row.person) == line:
            person_done(row.person)

    fields, rows, close = _open_rows(path)
    try:
        parser = _scan(fields, rows, path.name, emit, progress)
    finally:
        close()
    parser.finish()
    return PayrollSummary(path.name, parser.read, parser.blank)


def _collect(fields: list[str | None], rows: Iterable[tuple[int, Sequence[Any]]],
             name: str) -> PayrollRead:
    employments: list[Employment] = []
    lines: list[int] = []

    def emit(line: int, values: dict[str, Any]) -> None:
        employments.append(Employment(**values))
        lines.append(line)

    parser = _scan(fields, rows, name, emit, None)
    parser.finish()
    return PayrollRead(name, tuple(employments), parser.read, parser.blank, tuple(lines))


def read_csv(stream: IO[str], *, name: str = "<csv>") -> PayrollRead:
    """Read a payroll CSV from an open text stream (see the module docs)."""
    fields, rows = _csv_rows(stream, name)
    return _collect(fields, rows, name)


def read_payroll(path: str | Path) -> PayrollRead:
    """Read a payroll export (``.csv``, or ``.xlsx`` with the ``xlsx`` extra) into memory.

    For large files prefer :func:`stream_payroll` (through
    :func:`psoladder.assess_file`), which keeps no row objects.

    Raises:
        InputError: With every problem of the file, each located.
    """
    path = Path(path)
    fields, rows, close = _open_rows(path)
    try:
        return _collect(fields, rows, path.name)
    finally:
        close()
