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
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import attrs

from psoladder.errors import InputError, Problem
from psoladder.model import Employment

__all__ = ["CONTRACT_ALIASES", "HEADER_ALIASES", "PayrollRead", "read_csv", "read_payroll"]

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
    """

    file: str
    employments: tuple[Employment, ...]
    rows_read: int
    blank_rows: int

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


def _rows_to_employments(rows: Iterable[tuple[int, list[Any]]], fields: list[str | None],
                         file: str) -> tuple[list[Employment], int, int, list[Problem]]:
    employments: list[Employment] = []
    problems: list[Problem] = []
    read = blank = 0
    width = len(fields)
    for line, cells in rows:
        if not any(c not in (None, "") and str(c).strip() for c in cells):
            blank += 1
            continue
        read += 1
        if len(cells) > width and any(str(c).strip() for c in cells[width:]):
            problems.append(Problem(f"row has {len(cells)} cells but the header has {width}",
                                    file=file, row=line,
                                    hint="check for an unquoted separator in a value"))
            continue
        data = {f: _clean(f, c) for f, c in zip(fields, cells, strict=False)
                if f is not None and c not in (None, "")}
        try:
            employments.append(Employment.from_mapping(data))
        except InputError as exc:
            problems.extend(p.located(file=file, row=line) for p in exc.problems)
    return employments, read, blank, problems


def read_csv(stream: IO[str], *, name: str = "<csv>") -> PayrollRead:
    """Read a payroll CSV from an open text stream (see the module docs)."""
    first = stream.readline()
    delimiter = ";" if first.count(";") > first.count(",") else ","
    header = next(csv.reader([first], delimiter=delimiter), [])
    fields, problems = _header(header, name)
    reader = csv.reader(stream, delimiter=delimiter)

    def numbered() -> Iterator[tuple[int, list[str]]]:
        try:
            for cells in reader:
                yield reader.line_num + 1, cells
        except csv.Error as exc:
            problems.append(Problem(f"the file is not valid CSV: {exc}", file=name,
                                    row=reader.line_num + 1))

    if problems:
        raise InputError(problems)
    employments, read, blank, row_problems = _rows_to_employments(numbered(), fields, name)
    problems.extend(row_problems)
    if problems:
        raise InputError(problems)
    return PayrollRead(name, tuple(employments), read, blank)


def read_xlsx(path: Path) -> PayrollRead:
    """Read the first sheet of an Excel workbook (needs the ``xlsx`` extra)."""
    try:
        import openpyxl
    except ImportError:
        raise InputError.single(
            "reading .xlsx needs openpyxl", field="employments", value=str(path),
            hint="pip install 'psoladder[xlsx]', or save the sheet as CSV") from None
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = [str(c) if c is not None else "" for c in next(rows, ())]
        fields, problems = _header(header, path.name)
        if problems:
            raise InputError(problems)
        numbered = ((i, list(r)) for i, r in enumerate(rows, start=2))
        employments, read, blank, problems = _rows_to_employments(numbered, fields, path.name)
    finally:
        book.close()
    if problems:
        raise InputError(problems)
    return PayrollRead(path.name, tuple(employments), read, blank)


def read_payroll(path: str | Path) -> PayrollRead:
    """Read a payroll export (``.csv``, or ``.xlsx`` with the ``xlsx`` extra).

    Raises:
        InputError: With every problem of the file, each located.
    """
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            return read_csv(stream, name=path.name)
    except FileNotFoundError:
        raise InputError.single("payroll file not found", field="employments",
                                value=str(path),
                                hint="give a path relative to the organisation file") from None
    except UnicodeDecodeError as exc:
        raise InputError([Problem(f"the file is not UTF-8 ({exc.reason} at byte {exc.start})",
                                  file=path.name,
                                  hint="save the export as CSV UTF-8")]) from None
