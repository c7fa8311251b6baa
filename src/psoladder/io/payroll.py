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

import contextlib
import csv
import io
import itertools
import re
import zipfile
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, cast

import attrs

from psoladder.errors import InputError, Problem, shown
from psoladder.fte import Row
from psoladder.io.files import FileIdentity, check_payroll_suffix, open_regular
from psoladder.limits import (
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_HEADER_CELL_CHARS,
    MAX_LINE_CHARS,
    MAX_PAYROLL_FILE_BYTES,
    MAX_PERSONS,
    MAX_PROBLEMS,
    MAX_ROWS,
    MAX_TARGET_GROUP_ROWS,
    MAX_XLSX_PART_BYTES,
)
from psoladder.model import ContractType, Employment, EmploymentLike, input_fields

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

_FIELDS = tuple(input_fields(Employment))

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


def _header(cells: Sequence[object], file: str) -> tuple[list[str | None], list[Problem]]:
    """The field of each header cell, and the header's problems.

    A header without a single known column is not a payroll header at all:
    its cells are then not shown, so a wrong file's first line never reaches
    an error message.
    """
    texts = ["" if c is None else str(c) for c in cells]
    while texts and not texts[-1].strip():
        texts.pop()  # trailing empty cells (a trailing separator, a padded sheet row)
    keys = [_normalise(t) if len(t) <= MAX_HEADER_CELL_CHARS else "" for t in texts]
    known = [k if k in _FIELDS else HEADER_ALIASES.get(k) for k in keys]
    if not any(known):
        return [], [Problem(
            f"the first line is not a payroll header: none of its {len(texts)} cell(s) names "
            "a payroll field", file=file, row=1,
            hint="the first line names the columns: " + ", ".join(_REQUIRED)
            + ", ... (see the payroll format in the docs)")]
    problems = []
    if len(texts) > MAX_COLUMNS:
        problems.append(Problem(f"the header has {len(texts)} columns, more than psoladder "
                                f"reads ({MAX_COLUMNS})", file=file, row=1))
    fields: list[str | None] = []
    for col, (raw, key, field) in enumerate(zip(texts, keys, known, strict=True), start=1):
        if len(raw) > MAX_HEADER_CELL_CHARS:
            problems.append(Problem(f"header cell {col} is {len(raw):,} characters long",
                                    file=file, row=1, hint="name the column with a field name"))
            fields.append(None)
            continue
        if not key:
            fields.append(None)  # data under it is refused row by row
            continue
        if field is None:
            problems.append(Problem(
                f"unknown column {shown(raw)!r} (column {col})", file=file, row=1, field=raw,
                hint="use the field names " + ", ".join(_FIELDS)
                + " (or a Dutch alias such as personeelsnummer, datum_in_dienst, uren_per_week)"))
        elif field in fields:
            problems.append(Problem(f"column {shown(raw)!r} repeats field {field!r}", file=file,
                                    row=1, field=raw, hint="keep one column per field"))
        fields.append(field)
    for required in _REQUIRED:
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
    return value


_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    name: cast(Callable[[Any], Any], field.converter)
    for name, field in input_fields(Employment).items() if field.converter is not None
}
_REQUIRED = ("person", "start", "hours_per_week")
_ROW_FIELDS = {"person", "start", "end", "hours_per_week", "contract", "target_group"}


def _cache_key(raw: Any) -> Any:
    # A spreadsheet's TRUE equals 1 and 1.0 in Python (and hashes alike): the
    # cache must not hand the value of a cell 1 to a cell TRUE.
    return raw if type(raw) is str else (type(raw), raw)


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
        self.unnamed = [i for i, f in enumerate(fields) if f is None]
        self.problems: list[Problem] = []
        self.dropped = 0
        self.read = self.blank = self.target = 0

    def problem(self, problem: Problem) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)
        else:
            self.dropped += 1

    def _convert(self, line: int, field: str, convert: Callable[[Any], Any],
                 raw: Any) -> tuple[bool, Any]:
        """``(ok, value)`` of one cell; problems are recorded."""
        if type(raw) is str and len(raw) > MAX_CELL_CHARS:
            self.problem(Problem(f"the cell is {len(raw):,} characters long, more than "
                                 f"psoladder reads ({MAX_CELL_CHARS:,})", field=field,
                                 file=self.file, row=line))
            return False, None
        cleaned = _clean(field, raw)
        if cleaned == "" or cleaned is None:
            return True, None
        try:
            return True, convert(cleaned)
        except InputError as exc:
            for p in exc.problems:
                self.problem(p.located(file=self.file, row=line))
            return False, None

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
            key = _cache_key(raw)
            try:
                value = cache[key]
            except KeyError:
                ok, value = self._convert(line, field, convert, raw)
                if not ok:
                    bad = True
                    failed.add(field)
                    continue
                if value is None:
                    continue
                if len(cache) < 100_000:
                    cache[key] = value
            except TypeError:  # an unhashable cell value from a spreadsheet
                ok, value = self._convert(line, field, convert, raw)
                if not ok or value is None:
                    bad = bad or not ok
                    continue
            values[field] = value
        if not values and not bad:
            if any(c is not None and str(c).strip() for c in cells):
                values = {}
            else:
                self.blank += 1
                if self.blank > MAX_ROWS:  # blank lines are read too
                    self._too_many(line)
                return None
        self.read += 1
        if self.read > MAX_ROWS:
            self._too_many(line)
        # (a row of more cells than columns read is refused without looking at each)
        if len(cells) > self.width and (len(cells) > MAX_COLUMNS + 1 or any(
                c is not None and str(c).strip() for c in cells[self.width:])):
            self.problem(Problem(f"row has {len(cells)} cells but the header has {self.width}",
                                 file=self.file, row=line,
                                 hint="check for an unquoted separator in a value"))
            return None
        for index in self.unnamed:
            if index < len(cells) and cells[index] is not None and str(cells[index]).strip():
                bad = True
                self.problem(Problem(f"column {index + 1} has no name in the header but holds "
                                     "a value", file=self.file, row=line,
                                     hint="name the column in the header, or empty it"))
        for name in _REQUIRED:
            if name not in values and name not in failed:
                bad = True
                self.problem(Problem("required field is missing", field=name, file=self.file,
                                     row=line, hint=f"give {name}"))
        if values.get("target_group") is not None:
            self.target += 1
            if self.target > MAX_TARGET_GROUP_ROWS:
                self._too_many(line, f"{MAX_TARGET_GROUP_ROWS:,} rows of target-group persons")
        for p in Employment.consistency_problems(values):
            if p.field in failed:
                continue  # reported as a bad value already
            bad = True
            self.problem(p.located(file=self.file, row=line))
        return None if bad else values

    def _too_many(self, line: int, what: str | None = None) -> None:
        self.problems.append(Problem(f"the payroll has more than {what or f'{MAX_ROWS:,} rows'}"
                                     ", more than psoladder reads", file=self.file, row=line))
        raise InputError(self.problems)

    def finish(self) -> None:
        """Raise every problem found, if any."""
        if self.dropped:
            self.problems.append(Problem(
                f"... and {self.dropped} more problem(s) not listed", file=self.file,
                hint="fix the problems above first; they often share a cause"))
        if self.problems:
            raise InputError(self.problems)


def _row(values: dict[str, Any], source: str) -> Row:
    extra = None
    if len(values) > 6 or not values.keys() <= _ROW_FIELDS:
        extra = {k: v for k, v in values.items() if k not in _ROW_FIELDS}
    return Row(values["person"], values["start"], values.get("end"), values["hours_per_week"],
               values.get("contract", ContractType.REGULAR), values.get("target_group"),
               extra or None, source)


RowSink = Callable[[int, EmploymentLike], None]
Progress = Callable[[int], None]
Rows = Iterator[tuple[int, Sequence[Any]]]


@attrs.frozen
class _Opened:
    """A payroll file opened for one pass: its header fields and numbered rows."""

    name: str
    fields: list[str | None]
    rows: Rows
    close: Callable[[], None]
    identity: FileIdentity


def _open_rows(path: Path, name: str) -> _Opened:
    """Header fields, numbered data rows and a closer, for a CSV or XLSX file.

    The format follows the suffix of ``name`` (the path as the user wrote
    it), also when ``path`` is where a symbolic link of that name leads.
    """
    check_payroll_suffix(Path(name), name)
    suffix = Path(name).suffix.lower()
    if suffix == ".parquet":
        raise InputError([Problem(
            "a .parquet payroll is read by the columnar engine", file=name,
            hint="pip install 'psoladder[fast]', or export the payroll as CSV")])
    binary, identity = open_regular(path, what="payroll file", max_bytes=MAX_PAYROLL_FILE_BYTES,
                                    name=name)
    try:
        if suffix in (".xlsx", ".xlsm"):
            fields, rows, close = _xlsx_rows(binary, name)
        else:
            lines = _file_lines(binary, name)
            fields, rows = _csv_rows(lines, name)

            def close() -> None:
                lines.close()
                binary.close()
    except BaseException:
        binary.close()
        raise
    return _Opened(name, fields, rows, close, identity)


def _file_lines(binary: IO[bytes], name: str) -> Generator[str, None, None]:
    """The physical lines of a UTF-8 file (see :func:`_text_lines`).

    A byte that is not UTF-8 is reported at its line: the text is decoded in
    blocks, so on an error the file is scanned again to find the line.
    """
    stream = io.TextIOWrapper(cast(Any, binary), encoding="utf-8-sig", newline="")
    try:
        yield from _text_lines(stream, name)
    except _Undecodable:
        binary.seek(0)
        for number, raw in enumerate(binary, start=1):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputError([Problem(
                    f"the file is not UTF-8 ({exc.reason} at byte {exc.start + 1} of the "
                    "line)", file=name, row=number,
                    hint="save the export as CSV UTF-8")]) from None
        raise InputError([Problem("the file is not UTF-8", file=name,
                                  hint="save the export as CSV UTF-8")]) from None
    finally:
        with contextlib.suppress(ValueError):  # the file may be closed already
            stream.detach()


class _Undecodable(Exception):
    """A stream raised UnicodeDecodeError; the caller locates the byte."""


def _text_lines(stream: IO[str], name: str) -> Iterator[str]:
    r"""The physical lines of a text stream (line ends kept), each checked.

    Lines end at ``\n``, ``\r\n`` or a lone ``\r`` (for a stream opened with
    ``newline=""``). A line longer than :data:`~psoladder.limits.MAX_LINE_CHARS`
    is refused without being read whole.
    """
    number = 0
    while True:
        try:
            line = stream.readline(MAX_LINE_CHARS + 3)
        except UnicodeDecodeError:
            raise _Undecodable from None
        if not line:
            return
        number += 1
        if number == 1:
            line = line.lstrip("\ufeff")
        if len(line.rstrip("\r\n")) > MAX_LINE_CHARS:
            raise InputError([Problem(
                f"line {number} is longer than psoladder reads ({MAX_LINE_CHARS:,} characters)",
                file=name, row=number, hint="is this a payroll export? each row is one line")])
        yield line


def _csv_rows(lines: Iterator[str], name: str) -> tuple[list[str | None], Rows]:
    first = next(lines, "")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
    try:
        header = next(reader, [])
    except csv.Error as exc:
        raise InputError([Problem(f"the header is not valid CSV: {exc}", file=name,
                                  row=1)]) from None
    fields, problems = _header(header, name)
    if problems:
        raise InputError(problems)

    def numbered() -> Rows:
        # A record that spans lines (a quoted line break) is numbered by the
        # line it starts on.
        start = reader.line_num + 1
        try:
            for cells in reader:
                yield start, cells
                start = reader.line_num + 1
        except csv.Error as exc:
            raise InputError([Problem(f"the file is not valid CSV: {exc}", file=name,
                                      row=start)]) from None
        except _Undecodable:  # a text stream given to read_csv
            raise InputError([Problem("the text is not UTF-8", file=name, row=start,
                                      hint="save the export as CSV UTF-8")]) from None

    return fields, numbered()


def _xlsx_rows(binary: IO[bytes], name: str) -> tuple[list[str | None], Rows,
                                                      Callable[[], None]]:
    try:
        import openpyxl
    except ImportError:
        raise InputError([Problem("reading .xlsx needs openpyxl", file=name,
                                  hint="pip install 'psoladder[xlsx]', or save the sheet "
                                  "as CSV")]) from None

    def broken(exc: BaseException) -> InputError:
        return InputError([Problem(f"the workbook cannot be read ({type(exc).__name__})",
                                   file=name, hint="open it in a spreadsheet program and "
                                   "save it again, or save the sheet as CSV UTF-8")])

    _check_xlsx_parts(binary, name)
    try:
        book = openpyxl.load_workbook(binary, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a malformed file
        raise broken(exc) from None
    try:
        if not book.worksheets:
            raise InputError([Problem("the workbook has no worksheet", file=name)])
        sheet = book.worksheets[0]
        _check_xlsx_columns(binary, getattr(sheet, "_worksheet_path", None), name)
        # A read-only worksheet trusts the dimension the file declares (up to
        # 16,384 columns x 1,048,576 rows) and pads every row to it; read the
        # cells that exist, at most one column more than psoladder reads
        # (values further right were refused above).
        sheet.reset_dimensions()
        cells = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1)
        try:
            header = next(cells, ())
        except Exception as exc:
            raise broken(exc) from None
        fields, problems = _header(header, name)
        if problems:
            raise InputError(problems)
    except BaseException:
        book.close()
        raise

    def numbered() -> Rows:
        line = 1
        try:
            for line, row in enumerate(cells, start=2):
                yield line, row
        except InputError:
            raise
        except Exception as exc:
            raise InputError([Problem(f"the workbook cannot be read ({type(exc).__name__})",
                                      file=name, row=line + 1)]) from None

    return fields, numbered(), book.close


# A cell with content (not self-closing) and its reference, in worksheet XML.
_XLSX_CELL = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3})([0-9]+)"[^>]*(?<!/)>')


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _check_xlsx_columns(binary: IO[bytes], part: str | None, name: str) -> None:
    """Refuse a worksheet with a value right of the columns psoladder reads.

    Rows are read at most :data:`~psoladder.limits.MAX_COLUMNS` + 1 wide (a
    row padded to column XFD costs 16,384 cells); this scan of the sheet's
    XML finds any value further right, so nothing is dropped unseen.
    """
    if part is None:  # pragma: no cover - an openpyxl without the attribute
        return
    try:
        with zipfile.ZipFile(binary) as archive, archive.open(part.lstrip("/")) as xml:
            tail = b""
            while chunk := xml.read(1 << 20):
                data = tail + chunk
                for match in _XLSX_CELL.finditer(data):
                    column = _column_number(match.group(1))
                    if column > MAX_COLUMNS:
                        raise InputError([Problem(
                            f"the sheet has a value in column {match.group(1).decode()} "
                            f"(column {column}), right of the {MAX_COLUMNS} columns "
                            "psoladder reads", file=name, row=int(match.group(2)),
                            hint="remove it, or save the payroll columns as CSV")])
                tail = data[-256:]
    except InputError:
        raise
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError):
        return  # openpyxl reports a broken workbook
    finally:
        binary.seek(0)


def _check_xlsx_parts(binary: IO[bytes], name: str) -> None:
    """Refuse a workbook whose zip directory declares parts larger than psoladder reads.

    Python's :mod:`zipfile` never inflates a part beyond its declared size, so
    this bounds what openpyxl reads into memory.
    """
    try:
        with zipfile.ZipFile(binary) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise InputError([Problem("the file is not an Excel workbook (not a zip archive)",
                                  file=name, hint="save it as .xlsx, or as CSV UTF-8")]) from None
    finally:
        binary.seek(0)
    for part in parts:
        sheet = part.filename.startswith("xl/worksheets/")
        limit = MAX_PAYROLL_FILE_BYTES if sheet else MAX_XLSX_PART_BYTES
        if part.file_size > limit:
            raise InputError([Problem(
                f"a part of the workbook is {part.file_size:,} bytes uncompressed, more than "
                f"psoladder reads ({limit:,})", file=name,
                hint="save the sheet as CSV UTF-8")])


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

    Raises:
        InputError: When the file cannot be read, or has more than
            :data:`~psoladder.limits.MAX_PERSONS` persons.
    """
    path = Path(path)
    return _last_lines(_open_rows(path, path.name))


def _last_lines(opened: _Opened) -> dict[str, int]:
    convert = _CONVERTERS["person"]
    last: dict[str, int] = {}
    try:
        if "person" not in opened.fields:
            return last
        index = opened.fields.index("person")
        for line, cells in opened.rows:
            if index >= len(cells):
                continue
            raw = cells[index]
            if type(raw) is str and len(raw) > MAX_CELL_CHARS:
                continue  # reported by the second pass
            try:
                person = convert(_clean("person", raw))
            except InputError:
                continue  # reported by the second pass
            last[person] = line
            if len(last) > MAX_PERSONS:
                raise InputError([Problem(
                    f"the payroll has more than {MAX_PERSONS:,} persons, more than psoladder "
                    "reads", file=opened.name, row=line)])
    finally:
        opened.close()
    return last


def stream_payroll(path: str | Path, sink: RowSink, *,
                   progress: Progress | None = None,
                   person_done: Callable[[str], None] | None = None,
                   name: str | None = None) -> PayrollSummary:
    """Validate a payroll file row by row, handing each row to ``sink``.

    Rows are not kept: ``sink(line, row)`` receives each valid row as a
    compact :class:`~psoladder.fte.Row` (e.g. a
    :class:`~psoladder.fte.WorkforceBuilder`'s ``add``). Once a problem is
    found, later rows are only validated; at the end every problem is raised
    at once, and the sink's data must be discarded.

    With ``person_done`` the file is read twice; a file that changes between
    the two passes is refused.

    Args:
        path: The ``.csv`` (or ``.xlsx``) file.
        sink: Receives ``(line number, row)`` for each valid row.
        progress: Called with the number of rows read every 50,000 rows.
        person_done: Called with a person's identifier right after their last
            row (found by :func:`last_lines`, a first pass over the file).
        name: The file's name in messages and in each row's ``source``
            (default the file's own name).
    """
    path = Path(path)
    name = name or path.name
    last: dict[str, int] = {}
    first: FileIdentity | None = None
    if person_done is not None:
        opened = _open_rows(path, name)
        first = opened.identity
        last = _last_lines(opened)

    def emit(line: int, values: dict[str, Any]) -> None:
        row = _row(values, name)
        sink(line, row)
        if person_done is not None and last.get(row.person) == line:
            person_done(row.person)

    opened = _open_rows(path, name)
    try:
        if first is not None and opened.identity != first:
            raise InputError([Problem("the payroll file changed while psoladder read it",
                                      file=name, hint="run again once the file is complete")])
        parser = _scan(opened.fields, opened.rows, name, emit, progress)
    finally:
        opened.close()
    parser.finish()
    return PayrollSummary(name, parser.read, parser.blank)


def _collect(fields: list[str | None], rows: Iterable[tuple[int, Sequence[Any]]],
             name: str) -> PayrollRead:
    employments: list[Employment] = []

    def keep(line: int, values: dict[str, Any]) -> None:
        employments.append(Employment(**values, source=name, row=line))

    parser = _scan(fields, rows, name, keep, None)
    parser.finish()
    return PayrollRead(name, tuple(employments), parser.read, parser.blank)


def read_csv(stream: IO[str], *, name: str = "<csv>") -> PayrollRead:
    """Read a payroll CSV from an open text stream (see the module docs).

    Open files with ``newline=""`` (as for :mod:`csv`).
    """
    fields, rows = _csv_rows(_text_lines(stream, name), name)
    return _collect(fields, rows, name)


def read_payroll(path: str | Path, *, name: str | None = None) -> PayrollRead:
    """Read a payroll export (``.csv``, or ``.xlsx`` with the ``xlsx`` extra) into memory.

    For large files prefer :func:`stream_payroll` (through
    :func:`psoladder.assess_file`), which keeps no row objects.

    Args:
        path: The file.
        name: The file's name in messages and in each row's ``source``
            (default the file's own name).

    Raises:
        InputError: With every problem of the file, each located.
    """
    path = Path(path)
    name = name or path.name
    opened = _open_rows(path, name)
    try:
        return _collect(opened.fields, opened.rows, name)
    finally:
        opened.close()
