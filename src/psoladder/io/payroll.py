r"""Payroll exports: CSV (and XLSX with the ``xlsx`` extra), one row per employment period.

The header names the fields of :class:`~psoladder.model.Employment`
(``person,start,end,hours_per_week,contract,target_group,...``). The reader
takes an export as Dutch payroll systems and spreadsheets write it (issue 12):

* UTF-8 with or without a byte-order mark; separated by semicolons, commas
  or tabs (whichever the header line uses most);
* a **title block** above the header: the header is the first of the first
  :data:`~psoladder.limits.HEADER_SEARCH_ROWS` lines that names the required
  columns (or the line ``header_row`` says); the lines above it are counted;
* common Dutch header names (:data:`HEADER_ALIASES`), matched
  case-insensitively with spaces and dashes read as underscores, and the
  export's own names mapped in :class:`PayrollFormat` (``[payroll.columns]``
  of the organisation file);
* **extra columns** (Naam, Afdeling, BSN, ...) are not read and are listed in
  a notice (:attr:`PayrollRead.notices`), unless ``strict``; their values
  never reach the computation, a report or a message;
* Dutch contract words (:data:`CONTRACT_ALIASES`) and the export's own codes
  for contract types and target groups (``[payroll.values.contract]``,
  ``[payroll.values.target_group]``);
* **dates and numbers as people write them**, the format found per column
  from all its values (:mod:`psoladder.io.formats`): ``11-03-2016``,
  ``11/03/2016``, ``11.3.2016`` or ``2016-03-11``; ``32,5``, ``1.234,5``,
  ``1,234.5`` or ``32.5``; in a workbook, date cells and Excel date numbers.
  A column of dates that could each be day-first or month-first is read
  day-first, with a notice; a column mixing formats, and a number that its
  column leaves ambiguous, are problems of their rows;
* an empty cell is "not given".

Every row is either read or reported: lines above the header and blank lines
are counted, and every problem of the file is reported at once with its row
(the file's own line or sheet row) and field (the column's name as the file
writes it). Because a column's format depends on all its values, a file is
read in two passes: the first finds each column's format (and, when asked,
each person's last line); it keeps a few counters per column, never the
rows.

>>> import io as _io
>>> text = ("Personeelsoverzicht 2023\n\nPersoneelsnummer;Naam;Datum in dienst;Uren per week;"
...         "Contract\nE1;Jansen;1-3-2023;32,5;vast\nE2;De Vries;15-3-2023;40;tijdelijk\n")
>>> read = read_csv(_io.StringIO(text), name="export.csv")
>>> read.employments[0].start, read.employments[0].hours_per_week, read.rows_read
(datetime.date(2023, 3, 1), Decimal('32.5'), 2)
>>> read.skipped_rows, read.notices[1].text("nl")
(2, 'genegeerde kolommen: Naam')
"""

from __future__ import annotations

import collections
import contextlib
import csv
import datetime as dt
import io
import itertools
import operator
import re
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, cast

import attrs

from psoladder.errors import InputError, Problem, shown
from psoladder.fte import Row, collector_paused
from psoladder.io.files import FileIdentity, check_payroll_suffix, open_regular
from psoladder.io.formats import (
    DateColumn,
    DateDecision,
    DateFormat,
    Mark,
    NumberColumn,
    NumberDecision,
    clean_number,
    date_format,
    excel_serial,
    read_date,
    read_number,
)
from psoladder.limits import (
    HEADER_SEARCH_ROWS,
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_HEADER_CELL_CHARS,
    MAX_HEADER_ROW,
    MAX_LINE_CHARS,
    MAX_MAPPINGS,
    MAX_PAYROLL_FILE_BYTES,
    MAX_PERSONS,
    MAX_PROBLEMS,
    MAX_ROWS,
    MAX_SHEET_NAME_CHARS,
    MAX_TARGET_GROUP_ROWS,
    MAX_TEXT_CHARS,
    MAX_XLSX_PART_BYTES,
)
from psoladder.messages import problem
from psoladder.model import (
    ContractType,
    Employment,
    EmploymentLike,
    TargetGroup,
    input_fields,
    unchanged_texts,
)
from psoladder.rules.datamodel import Notice

__all__ = [
    "CONTRACT_ALIASES",
    "DATE_FIELDS",
    "HEADER_ALIASES",
    "MAX_PROBLEMS",
    "NUMBER_FIELDS",
    "PERSONAL_HEADERS",
    "TARGET_GROUP_NONE",
    "ColumnReader",
    "Header",
    "PayrollFormat",
    "PayrollRead",
    "PayrollSummary",
    "column_reader",
    "last_lines",
    "payroll_format",
    "read_csv",
    "read_payroll",
    "reading_notices",
    "stream_payroll",
]

_FIELDS = tuple(input_fields(Employment))

#: Dutch (and common English) column names and the field they mean.
HEADER_ALIASES: Mapping[str, str] = {
    "personeelsnummer": "person", "personeelsnr": "person", "medewerker": "person",
    "medewerkernummer": "person", "werknemer": "person", "persoon": "person",
    "employee": "person", "employee_id": "person", "werknemersnummer": "person",
    "personeelsnr.": "person", "pers.nr.": "person", "persnr": "person",
    "datum_in_dienst": "start", "in_dienst": "start", "begindatum": "start",
    "ingangsdatum": "start", "startdatum": "start", "start_date": "start",
    "datum_indiensttreding": "start", "begindatum_contract": "start",
    "datum_uit_dienst": "end", "uit_dienst": "end", "einddatum": "end", "end_date": "end",
    "einddatum_contract": "end", "datum_uitdiensttreding": "end",
    "uren_per_week": "hours_per_week", "contracturen": "hours_per_week",
    "uren": "hours_per_week", "arbeidsduur": "hours_per_week", "hours": "hours_per_week",
    "uren_p/w": "hours_per_week", "contracturen_per_week": "hours_per_week",
    "contractsoort": "contract", "soort_contract": "contract", "type_contract": "contract",
    "dienstverband": "contract", "soort_dienstverband": "contract",
    "doelgroep": "target_group", "uitgangspositie": "target_group",
    "doelgroep_pso": "target_group", "pso_doelgroep": "target_group",
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
    "re_integratie": "placement", "proefplaatsing": "trial",
}

#: Words of a target-group column that mean "in no target group".
TARGET_GROUP_NONE = frozenset({"geen", "nvt", "n.v.t.", "n_v_t", "-", "none", "nee"})

#: Column names of personal data psoladder never needs (matched like headers):
#: listed apart in the notice of ignored columns, with the advice to leave them
#: out of the export.
PERSONAL_HEADERS = frozenset({
    "naam", "voornaam", "voornamen", "achternaam", "roepnaam", "voorletters", "tussenvoegsel",
    "volledige_naam", "name", "first_name", "last_name", "bsn", "burgerservicenummer",
    "sofinummer", "sofi_nummer", "geboortedatum", "date_of_birth", "adres", "straat",
    "huisnummer", "postcode", "woonplaats", "email", "e_mail", "telefoon", "telefoonnummer",
    "iban", "rekeningnummer", "nationaliteit", "geslacht",
})

#: The date fields and the number field of a payroll (their formats are found per column).
DATE_FIELDS = frozenset({"start", "end", "inflow", "status_until", "school_left", "ww_since",
                         "status_lost", "placement_start"})
NUMBER_FIELDS = frozenset({"hours_per_week"})
_CODE_FIELDS = {"contract": ContractType, "target_group": TargetGroup}

_REQUIRED = ("person", "start", "hours_per_week")
_ROW_FIELDS = {"person", "start", "end", "hours_per_week", "contract", "target_group"}


def _normalise(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lower().lstrip("\ufeff"))


# ------------------------------------------------------------------ the format


@attrs.frozen
class PayrollFormat:
    """How a payroll export is written: the ``[payroll]`` table of an organisation file.

    Every setting is optional; the default reads an export as described in
    the module docs.

    Attributes:
        columns: The export's column names and the field each means
            (``{"Personeelsnummer": "person"}``), matched like headers.
        contract_values: The export's contract words and the contract type
            (R-CT) each means (``{"Oproepkracht": "secondment_flex"}``).
        target_group_values: The export's target-group words and the target
            group (R-TG) each means; ``""`` for "no target group".
        header_row: The line (CSV) or row (XLSX) of the header, 1 for the
            first; ``None`` finds it.
        sheet: The worksheet of a workbook to read (default the first).
        date_format: The format of every date column (``dd-mm-jjjj``, ...);
            ``None`` finds each column's format.
        decimal_mark: The decimal mark of number columns; ``None`` finds it.
        strict: Refuse columns that are not payroll fields, instead of
            ignoring them with a notice.
    """

    columns: Mapping[str, str] = attrs.field(factory=dict)
    contract_values: Mapping[str, str] = attrs.field(factory=dict)
    target_group_values: Mapping[str, str] = attrs.field(factory=dict)
    header_row: int | None = None
    sheet: str | None = None
    date_format: DateFormat | None = None
    decimal_mark: Mark | None = None
    strict: bool = False

    @property
    def column_keys(self) -> dict[str, str]:
        """The mapped column names, normalised like headers."""
        return {_normalise(k): v for k, v in self.columns.items()}

    def value_map(self, field: str) -> dict[str, str]:
        """The export's codes of ``contract`` or ``target_group``, normalised."""
        table = self.contract_values if field == "contract" else self.target_group_values
        return {_normalise(k): v for k, v in table.items()}


#: The keys of the ``[payroll]`` table and what each holds (for the schema).
PAYROLL_KEYS = ("file", "sheet", "header_row", "date_format", "decimal_mark", "strict",
                "columns", "values")


def payroll_format(table: Mapping[str, Any], *, file: str | None = None,
                   where: str = "payroll") -> PayrollFormat:
    """A :class:`PayrollFormat` from a ``[payroll]`` table (``file`` is not read here).

    Every setting is checked and bounded; every problem is raised at once,
    located at its key (``payroll.values.contract."Oproepkracht"``).

    >>> f = payroll_format({"columns": {"Nr": "person"}, "date_format": "dd-mm-jjjj",
    ...                     "values": {"contract": {"Oproepkracht": "secondment_flex"}}})
    >>> f.columns, f.date_format, f.contract_values
    ({'Nr': 'person'}, <DateFormat.DMY_DASH: 'dmy-'>, {'Oproepkracht': 'secondment_flex'})
    """
    problems: list[Problem] = []

    def bad(at: str, message: str, hint: str | None = None, **params: Any) -> None:
        problems.append(problem(message, hint=hint, file=file, field=f"{where}.{at}",
                                   **params))

    for key in table:
        if key not in PAYROLL_KEYS:
            bad(str(shown(key)), "po.unknown_key", "ih.known_keys", name=str(shown(key)),
                known=", ".join(PAYROLL_KEYS))
    values: dict[str, Any] = {}
    for key in ("sheet", "date_format", "decimal_mark", "file"):
        value = table.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            bad(key, "po.must_be_text")
        elif isinstance(value, str) and len(value) > (
                MAX_SHEET_NAME_CHARS if key == "sheet" else MAX_TEXT_CHARS):
            bad(key, "po.too_long", most=MAX_SHEET_NAME_CHARS if key == "sheet"
                else MAX_TEXT_CHARS)
        elif isinstance(value, str) and key == "date_format":
            fmt = date_format(value)
            if fmt is None:
                bad(key, "po.date_format", "ih.date_format", value=shown(value))
            values["date_format"] = fmt
        elif isinstance(value, str) and key == "decimal_mark":
            marks = {",": Mark.COMMA, ".": Mark.POINT, "comma": Mark.COMMA,
                     "point": Mark.POINT, "komma": Mark.COMMA, "punt": Mark.POINT}
            if value.strip().lower() not in marks:
                bad(key, "po.decimal_mark", "ih.decimal_mark")
            else:
                values["decimal_mark"] = marks[value.strip().lower()]
        elif isinstance(value, str) and key == "sheet":
            values["sheet"] = value
    row = table.get("header_row")
    if row is not None:
        if isinstance(row, bool) or not isinstance(row, int) or not 1 <= row <= MAX_HEADER_ROW:
            bad("header_row", "po.header_row", most=MAX_HEADER_ROW)
        else:
            values["header_row"] = row
    strict = table.get("strict")
    if strict is not None:
        if not isinstance(strict, bool):
            bad("strict", "po.boolean")
        else:
            values["strict"] = strict
    columns = _mapping(table.get("columns"), "columns", bad, MAX_HEADER_CELL_CHARS)
    seen: dict[str, str] = {}
    for name, field in columns.items():
        if field not in _FIELDS:
            bad(f'columns."{shown(name)}"', "po.column_field", "ih.column_field",
                target=shown(field), fields=", ".join(_FIELDS))
        key = _normalise(name)
        if key in seen:
            bad(f'columns."{shown(name)}"', "po.column_twice", other=shown(seen[key]))
        seen[key] = name
    values["columns"] = columns
    mapped = table.get("values")
    if mapped is not None:
        if not isinstance(mapped, Mapping):
            bad("values", "po.must_be_table")
            mapped = {}
        for key in mapped:
            if key not in _CODE_FIELDS:
                bad(f"values.{shown(key)}", "po.unknown_key", "ih.known_keys", name=str(shown(key)),
                    known="contract, target_group")
        for field, kind in _CODE_FIELDS.items():
            codes = _mapping(mapped.get(field), f"values.{field}", bad, MAX_TEXT_CHARS)
            for name, code in codes.items():
                allowed = {m.value for m in kind} | ({""} if field == "target_group" else set())
                if code.strip().lower() not in allowed:
                    bad(f'values.{field}."{shown(name)}"', "po.value_code", "ih.value_code",
                        code=shown(code), codes=", ".join(m.value for m in kind)
                        + (' or "" (no target group)' if field == "target_group" else ""))
            values[f"{field}_values"] = {k: v.strip().lower() for k, v in codes.items()}
    if problems:
        raise InputError(problems)
    return PayrollFormat(**values)


def _mapping(value: object, key: str, bad: Callable[..., None], longest: int) -> dict[str, str]:
    """A table of text to text, bounded; problems reported through ``bad``."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        bad(key, "po.must_be_table")
        return {}
    if len(value) > MAX_MAPPINGS:
        bad(key, "po.too_many_entries", most=MAX_MAPPINGS)
        return {}
    out: dict[str, str] = {}
    for name, target in value.items():
        where = f'{key}."{shown(name)}"'
        if len(str(name)) > longest:
            bad(where, "po.name_too_long", most=longest)
        elif not isinstance(target, str) or len(target) > MAX_TEXT_CHARS:
            bad(where, "po.must_be_text")
        else:
            out[str(name)] = target
    return out


_DEFAULT = PayrollFormat()


# ------------------------------------------------------------------ what was read


@attrs.frozen
class PayrollRead:
    """What a payroll file gave.

    Attributes:
        file: The file name.
        employments: One employment per data row, in file order.
        rows_read: Data rows read (blank lines excluded).
        blank_rows: Blank lines skipped.
        skipped_rows: Lines (rows) above the header skipped: a title block.
        notices: What the reader decided and the user should know: ignored
            columns, a column read day-first because its dates allow both.
    """

    file: str
    employments: tuple[Employment, ...]
    rows_read: int
    blank_rows: int
    skipped_rows: int = 0
    notices: tuple[Notice, ...] = ()

    @property
    def persons(self) -> int:
        """Distinct persons."""
        return len({e.person for e in self.employments})

    def summary(self, lang: str = "en") -> str:
        """One line: what was read, and every line that was not (issue 12).

        >>> PayrollRead("p.csv", (), 0, 2, 3).summary("nl")
        'p.csv: 0 dienstverbanden van 0 personen gelezen; 3 regels boven de kop en 2 lege regels overgeslagen'
        """
        return _summary(self.file, self.rows_read, self.persons, self.blank_rows,
                        self.skipped_rows, lang)


def _summary(file: str, rows: int, persons: int | None, blank: int, skipped: int,
             lang: str) -> str:
    from psoladder import messages

    text = messages.text("pr.summary" if persons is not None else "pr.summary_rows", lang,
                         file=file, rows=rows, persons=persons or 0)
    if blank or skipped:
        key = "pr.skipped_both" if blank and skipped else (
            "pr.skipped_blank" if blank else "pr.skipped_title")
        text += messages.text(key, lang, blank=blank, skipped=skipped)
    return text


@attrs.frozen
class PayrollSummary:
    """What a streamed payroll file gave.

    Attributes:
        file: The file name.
        rows_read: Data rows read (blank lines excluded).
        blank_rows: Blank lines skipped.
        skipped_rows: Lines above the header skipped.
        notices: The reader's notices (see :attr:`PayrollRead.notices`).
    """

    file: str
    rows_read: int
    blank_rows: int
    skipped_rows: int = 0
    notices: tuple[Notice, ...] = ()

    def summary(self, lang: str = "en") -> str:
        """One line: rows read and lines skipped."""
        return _summary(self.file, self.rows_read, None, self.blank_rows, self.skipped_rows,
                        lang)


# ------------------------------------------------------------------ the header


@attrs.frozen
class Header:
    """A payroll header, read.

    Attributes:
        fields: The field of each column (``None``: not read).
        names: Each column's name as the file writes it.
        row: The header's line (CSV) or row (XLSX).
        ignored: Names of the columns not read (other than empty ones).
    """

    fields: list[str | None]
    names: list[str]
    row: int = 1
    ignored: tuple[str, ...] = ()

    def name(self, field: str) -> str:
        """The column name of ``field`` as written, or the field itself."""
        return self.names[self.fields.index(field)] if field in self.fields else field


def _known(key: str, mapped: Mapping[str, str]) -> str | None:
    if key in mapped:
        return mapped[key]
    return key if key in _FIELDS else HEADER_ALIASES.get(key)


def _names_required(cells: Sequence[object], fmt: PayrollFormat, *, every: bool) -> bool:
    """Whether a row names every required column (or, not ``every``, any payroll column)."""
    mapped = fmt.column_keys
    found = {_known(_normalise(str(c)), mapped) for c in cells[:MAX_COLUMNS + 1]
             if c is not None and len(str(c)) <= MAX_HEADER_CELL_CHARS}
    if every:
        return all(r in found for r in _REQUIRED)
    return bool(found - {None})


def _read_header(cells: Sequence[object], file: str, fmt: PayrollFormat = _DEFAULT,
                 row: int = 1) -> tuple[Header, list[Problem]]:
    """The header's columns and its problems.

    A header without a single known column is not a payroll header at all:
    its cells are then not shown, so a wrong file's first line never reaches
    an error message.
    """
    texts = ["" if c is None else str(c) for c in cells]
    while texts and not texts[-1].strip():
        texts.pop()  # trailing empty cells (a trailing separator, a padded sheet row)
    mapped = fmt.column_keys
    keys = [_normalise(t) if len(t) <= MAX_HEADER_CELL_CHARS else "" for t in texts]
    known = [_known(k, mapped) for k in keys]
    if not any(known):
        return Header([], [], row), [problem(
            "in.not_header", file=file, row=row, hint="ih.not_header", cells=len(texts),
            lines=HEADER_SEARCH_ROWS, required=", ".join(_REQUIRED))]
    problems = []
    if len(texts) > MAX_COLUMNS:
        problems.append(problem("in.too_many_columns", file=file, row=row, count=len(texts),
                                   most=MAX_COLUMNS))
    fields: list[str | None] = []
    names: list[str] = []
    ignored: list[str] = []
    for col, (raw, key, field) in enumerate(zip(texts, keys, known, strict=True), start=1):
        names.append(raw.strip() if len(raw) <= MAX_HEADER_CELL_CHARS else f"({col})")
        if len(raw) > MAX_HEADER_CELL_CHARS:
            problems.append(problem("in.header_cell_long", file=file, row=row,
                                       hint="ih.header_cell_long", column=col,
                                       length=len(raw)))
            fields.append(None)
            continue
        if not key:
            fields.append(None)  # data under it is refused row by row in strict mode
            continue
        if field is None:
            if fmt.strict:
                problems.append(problem(
                    "in.unknown_column", file=file, row=row, field=raw, hint="ih.unknown_column",
                    name=shown(raw), column=col, fields=", ".join(_FIELDS)))
            else:
                ignored.append(raw.strip())
        elif field in fields:
            problems.append(problem("in.repeated_column", file=file, row=row, field=raw,
                                       hint="ih.repeated_column", name=shown(raw),
                                       first=shown(names[fields.index(field)]), code=field))
            field = None
        fields.append(field)
    for required in _REQUIRED:
        if required not in fields:
            import difflib  # (only for a header with a problem)

            close = [n for n in ignored if difflib.get_close_matches(
                _normalise(n), [required, *(a for a, f in HEADER_ALIASES.items()
                                            if f == required)], 1, 0.75)]
            problems.append(problem(
                "in.missing_column", file=file, row=row, field=required,
                hint="ih.missing_column_like" if close else "ih.missing_column",
                code=required, like=shown(close[0]) if close else ""))
    return Header(fields, names, row, tuple(ignored)), problems


def _header(cells: Sequence[object], file: str,
            fmt: PayrollFormat = _DEFAULT) -> tuple[list[str | None], list[Problem]]:
    """The field of each header cell, and the header's problems (see :func:`_read_header`)."""
    header, problems = _read_header(cells, file, fmt)
    return header.fields, problems


def _header_notices(header: Header, file: str) -> list[Notice]:
    """The ignored columns, those with personal data, and a guess at a misspelt field."""
    if not header.ignored:
        return []
    import difflib  # (only for a header with columns it ignores)

    names = [shown(n) or "" for n in header.ignored[:MAX_COLUMNS]]
    notices = [Notice.of(file, "pr.ignored", columns=names)]
    candidates = [*_FIELDS, *HEADER_ALIASES]
    for name in header.ignored:
        like = difflib.get_close_matches(_normalise(name), candidates, 1, 0.8)
        if like and _normalise(name) not in PERSONAL_HEADERS:
            notices.append(Notice.of(file, "pr.like", column=shown(name),
                                     field=_known(like[0], {}) or like[0]))
    personal = [shown(n) or "" for n in header.ignored if _normalise(n) in PERSONAL_HEADERS]
    if personal:
        notices.append(Notice.of(file, "pr.personal", columns=personal[:MAX_COLUMNS]))
    return notices


# ------------------------------------------------------------------ cells


def _clean(field: str, value: Any) -> Any:
    """A cell read without its column: the context-free part of the reader's cleaning.

    Kept for the columnar engine's seam (``columnar/cells.py`` on branch
    ``issue-11``): a date other than ISO, or a number other than ``32`` /
    ``32.5`` / ``32,5``, is left as it is, so the ``Employment`` converter
    refuses it and that engine hands the file to this reader. Columns read
    in full go through :func:`column_reader`.
    """
    if isinstance(value, str):
        value = value.strip()
        if field in NUMBER_FIELDS and _DECIMAL_COMMA.match(value):
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


_DECIMAL_COMMA = re.compile(r"^\s*[+-]?\d+,\d+\s*$")

_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    name: cast(Callable[[Any], Any], field.converter)
    for name, field in input_fields(Employment).items() if field.converter is not None
}

#: A cell's value when the field is not given (an empty cell).
_EMPTY = object()


class ColumnReader:
    """Reads the cells of one column, in the format found from all its values.

    Attributes:
        field: The :class:`~psoladder.model.Employment` field.
        name: The column's name as the file writes it (problems are located there).
        dates: How text dates are read (date fields).
        numbers: How text numbers are read (number fields).
    """

    def __init__(self, field: str, name: str | None = None, *, fmt: PayrollFormat = _DEFAULT,
                 dates: DateDecision | None = None, numbers: NumberDecision | None = None,
                 epoch_1904: bool = False) -> None:
        self.field = field
        self.name = name or field
        self.dates = dates if dates is not None else DateDecision(
            fmt.date_format or DateFormat.ISO, explicit=fmt.date_format is not None)
        self.numbers = numbers if numbers is not None else NumberDecision(
            fmt.decimal_mark, explicit=fmt.decimal_mark is not None)
        self.codes = fmt.value_map(field) if field in _CODE_FIELDS else {}
        self.epoch_1904 = epoch_1904
        self.serials = 0
        self._convert = _CONVERTERS[field]
        self.plain = field not in DATE_FIELDS | NUMBER_FIELDS | _CODE_FIELDS.keys()

    def convert(self, raw: Any) -> Any:
        """The cell's value, or ``None`` when it is empty.

        Raises:
            InputError: The cell's problems, located at the column (not the row).
        """
        try:
            if self.plain:
                # person, entity, registered, ...: the converter reads the cell as it is
                return self._convert(repr(raw) if type(raw) is float else raw)
            return self._read(raw)
        except InputError as exc:
            raise InputError(attrs.evolve(p, field=self.name, subject=self.field)
                             for p in exc.problems) from None

    def _read(self, raw: Any) -> Any:
        if isinstance(raw, str):
            text = raw.strip()
            if not text:
                return None
            if self.field in DATE_FIELDS:
                return self._convert(read_date(text, self.dates))
            if self.field in NUMBER_FIELDS:
                return self._convert(read_number(text, self.numbers))
            if self.field in _CODE_FIELDS:
                return self._code(text)
        elif self.field in DATE_FIELDS and isinstance(raw, int | float) and not isinstance(
                raw, bool):
            self.serials += 1
            return self._convert(excel_serial(raw, epoch_1904=self.epoch_1904))
        elif isinstance(raw, float):
            raw = repr(raw)  # a spreadsheet's binary float, as the user typed it
        return self._convert(raw)

    def _code(self, text: str) -> Any:
        key = _normalise(text)
        code = self.codes.get(key)
        if code is None:
            if self.field == "contract":
                code = CONTRACT_ALIASES.get(key, key)
            else:
                code = "" if key in TARGET_GROUP_NONE else key
        if code == "":
            return None
        try:
            return self._convert(code)
        except InputError:
            kind = _CODE_FIELDS[self.field]
            raise InputError([problem(
                "in.unknown_code", field=self.name, value=text, hint="ih.unknown_code",
                codes=", ".join(m.value for m in kind), table=self.field,
                written=shown(text))]) from None


def column_reader(field: str, values: Iterable[object] = (),
                  counts: Iterable[int] | None = None, *, fmt: PayrollFormat = _DEFAULT,
                  name: str | None = None, epoch_1904: bool = False) -> ColumnReader:
    """The reader of a column of ``field`` whose (distinct) cell values are ``values``.

    The seam for the columnar engine: it hands the distinct raw values of a
    column (and how often each occurs) and reads each with the result's
    :meth:`ColumnReader.convert`, exactly as this reader does row by row.

    >>> r = column_reader("start", ["11-03-2016", "01-02-2017"])
    >>> r.convert("01-02-2017"), r.dates.ambiguous
    (datetime.date(2017, 2, 1), True)
    """
    values = list(values)
    dates = numbers = None
    if field in DATE_FIELDS:
        dates = _date_column(values, counts).decide(fmt.date_format)
    elif field in NUMBER_FIELDS:
        column = NumberColumn()
        weights = iter(counts) if counts is not None else itertools.repeat(1)
        for value, n in zip(values, weights, strict=False):
            if isinstance(value, str):
                column.add(clean_number(value)[1], n)
        numbers = column.decide(fmt.decimal_mark)
    return ColumnReader(field, name, fmt=fmt, dates=dates, numbers=numbers,
                        epoch_1904=epoch_1904)


def _date_column(values: Iterable[object], counts: Iterable[int] | None) -> DateColumn:
    column = DateColumn()
    weights = iter(counts) if counts is not None else itertools.repeat(1)
    for value, n in zip(values, weights, strict=False):
        if isinstance(value, str):
            column.add(value.strip(), n)
    return column


class _Survey:
    """The first pass: each date and number column's format, and each person's last line.

    Keeps counters per column (and a bounded memo of the shapes of values
    already seen), never the rows.
    """

    _MEMO = 4096

    def __init__(self, header: Header, fmt: PayrollFormat) -> None:
        self.fmt = fmt
        self.dates = {i: DateColumn() for i, f in enumerate(header.fields)
                      if f in DATE_FIELDS and fmt.date_format is None}
        self.numbers = {i: NumberColumn() for i, f in enumerate(header.fields)
                        if f in NUMBER_FIELDS and fmt.decimal_mark is None}
        self.seen: dict[int, dict[str, int]] = {i: {} for i in [*self.dates, *self.numbers]}

    @property
    def needed(self) -> bool:
        """Whether some column's format must be found from its values."""
        return bool(self.dates or self.numbers)

    def add(self, cells: Sequence[Any]) -> None:
        """Count one row's text cells."""
        for i, seen in self.seen.items():
            if i >= len(cells):
                continue
            cell = cells[i]
            if type(cell) is not str or len(cell) > MAX_CELL_CHARS:
                continue
            if cell in seen:
                seen[cell] += 1
                continue
            if len(seen) < self._MEMO:
                seen[cell] = 1
            else:
                self._count(i, cell, 1)

    def _count(self, i: int, cell: str, n: int) -> None:
        if i in self.dates:
            self.dates[i].add(cell.strip(), n)
        else:
            self.numbers[i].add(clean_number(cell)[1], n)

    def readers(self, header: Header, epoch_1904: bool = False) -> list[ColumnReader | None]:
        """A reader per column (``None`` for a column not read)."""
        for i, seen in self.seen.items():
            for cell, n in seen.items():
                self._count(i, cell, n)
            seen.clear()
        out: list[ColumnReader | None] = []
        for i, field in enumerate(header.fields):
            if field is None:
                out.append(None)
                continue
            dates = self.dates[i].decide() if i in self.dates else None
            numbers = self.numbers[i].decide() if i in self.numbers else None
            out.append(ColumnReader(field, header.names[i], fmt=self.fmt, dates=dates,
                                    numbers=numbers, epoch_1904=epoch_1904))
        return out


def _format_notices(readers: Sequence[ColumnReader | None], file: str) -> list[Notice]:
    notices = []
    for r in readers:
        if r is None:
            continue
        if r.field in DATE_FIELDS and r.dates.ambiguous:
            notices.append(Notice.of(file, "pr.day_first", column=r.name,
                                     format=r.dates.format))
        elif r.field in DATE_FIELDS and r.dates.month_first and not r.dates.explicit:
            notices.append(Notice.of(file, "pr.month_first", column=r.name,
                                     format=r.dates.format, example=r.dates.example))
        if r.serials:
            notices.append(Notice.of(file, "pr.serials", column=r.name, count=r.serials))
    return notices


def _cache_key(raw: Any) -> Any:
    # A spreadsheet's TRUE equals 1 and 1.0 in Python (and hashes alike): the
    # cache must not hand the value of a cell 1 to a cell TRUE.
    return raw if type(raw) is str else (type(raw), raw)


class _RowParser:
    """Validates payroll rows with the converters and checks of ``Employment``.

    It remembers each distinct cell value per column: payroll columns repeat
    (the same dates, hours and codes on many rows).
    """

    def __init__(self, fields: list[str | None], file: str,
                 readers: Sequence[ColumnReader | None] | None = None, *,
                 names: Sequence[str] | None = None) -> None:
        self.file = file
        self.width = len(fields)
        if readers is None:
            readers = [None if f is None else ColumnReader(f) for f in fields]
        self.columns: list[tuple[int, str, ColumnReader, dict[Any, Any]]] = [
            (i, f, r, {}) for i, (f, r) in enumerate(zip(fields, readers, strict=True))
            if f is not None and r is not None]
        self.names = {f: r.name for _, f, r, _ in self.columns}
        # A column without a name that holds a value is refused (a value the
        # user forgot to label); a named column that is not read is ignored.
        self.unnamed = [i for i, f in enumerate(fields)
                        if f is None and (names is None or i >= len(names)
                                          or not names[i].strip())]
        self.problems: list[Problem] = []
        self.dropped = 0
        self.read = self.blank = self.target = 0
        # Each column's converted cells, for parse_block (None: not given).
        self.block_caches: dict[str, dict[str, Any]] = {}
        self.end_bounds: dict[str, dt.date] = {}  # the end column's cells, open as the last day
        self.end_index = fields.index("end") if "end" in fields else -1

    def problem(self, problem: Problem) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)
        else:
            self.dropped += 1

    def _convert(self, line: int, reader: ColumnReader, raw: Any) -> tuple[bool, Any]:
        """``(ok, value)`` of one cell; problems are recorded."""
        if type(raw) is str and len(raw) > MAX_CELL_CHARS:
            self.problem(problem("in.cell_too_long", field=reader.name, file=self.file,
                                    row=line, length=len(raw), most=MAX_CELL_CHARS))
            return False, None
        try:
            return True, reader.convert(raw)
        except InputError as exc:
            for p in exc.problems:
                self.problem(p.located(file=self.file, row=line))
            return False, None

    def parse(self, line: int, cells: Sequence[Any]) -> dict[str, Any] | None:
        """The row's converted values, or ``None`` (blank or with problems)."""
        values: dict[str, Any] = {}
        failed: set[str] = set()
        bad = False
        for index, field, reader, cache in self.columns:
            if index >= len(cells):
                continue
            raw = cells[index]
            if raw is None or raw == "":
                continue
            key = _cache_key(raw)
            try:
                value = cache[key]
            except KeyError:
                ok, value = self._convert(line, reader, raw)
                if not ok:
                    bad = True
                    failed.add(field)
                    continue
                if len(cache) < 100_000 and not (field in DATE_FIELDS and type(raw) is not str):
                    cache[key] = _EMPTY if value is None else value
                if value is None:
                    continue
            except TypeError:  # an unhashable cell value from a spreadsheet
                ok, value = self._convert(line, reader, raw)
                if not ok or value is None:
                    bad = bad or not ok
                    continue
            if value is _EMPTY:
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
            self.problem(problem("in.row_cells", file=self.file, row=line, hint="ih.row_cells",
                                    cells=len(cells), width=self.width))
            return None
        for index in self.unnamed:
            if index < len(cells) and cells[index] is not None and str(cells[index]).strip():
                bad = True
                self.problem(problem("in.unnamed_value", file=self.file, row=line,
                                        hint="ih.unnamed_value", column=index + 1))
        for name in _REQUIRED:
            if name not in values and name not in failed:
                bad = True
                self.problem(problem("in.required_missing", field=self.names.get(name, name),
                                        file=self.file, row=line, hint="ih.required_missing",
                                        code=name))
        if values.get("target_group") is not None:
            self.target += 1
            if self.target > MAX_TARGET_GROUP_ROWS:
                self._too_many(line, MAX_TARGET_GROUP_ROWS)
        for p in Employment.consistency_problems(values):
            if p.field in failed:
                continue  # reported as a bad value already
            bad = True
            self.problem(attrs.evolve(p, field=self.names.get(p.field or "", p.field),
                                      subject=p.field).located(file=self.file, row=line))
        return None if bad else values

    def parse_block(self, rows: list[list[str]]) -> list[Row] | None:
        """The rows of a block of CSV rows in which nothing is wrong, or ``None``.

        The same values as :meth:`parse` gives row by row, found column by
        column: each distinct cell of a column is converted once (an
        ordinary person identifier is its own value, :func:`unchanged_texts`),
        and the checks of :meth:`parse` run on whole columns. ``None``, with
        nothing counted, when a row is blank, has a problem or reaches a
        bound: :meth:`parse` then reads the block and says what is wrong.
        """
        n = len(rows)
        if not _uniform(rows, self.width) or self.read + n > MAX_ROWS:
            return None
        columns = list(zip(*rows, strict=True))
        for index in self.unnamed:  # a value in a column without a name
            if any(map(str.strip, columns[index])):
                return None
        given: dict[str, list[Any]] = {}
        for index, field, reader, _ in self.columns:
            cells = columns[index]
            if field not in _REQUIRED and cells.count("") == n:
                continue  # an empty column gives nothing
            if field == "person" and unchanged_texts(list(cells)):
                given[field] = list(cells)
                continue
            cache = self._block_cache(field)
            try:
                given[field] = list(map(cache.__getitem__, cells))
            except KeyError:
                if not self._fill(field, reader, cache, cells):
                    return None
                given[field] = list(map(cache.__getitem__, cells))
        starts = given["start"]
        ends = given.get("end")
        if ends is not None:
            # an open end compares as the last day there is
            cells = columns[self.end_index]
            try:
                late = any(map(operator.lt, map(self.end_bounds.__getitem__, cells), starts))
            except KeyError:
                cache, bounds = self.block_caches["end"], self.end_bounds
                if len(bounds) > _BLOCK_CACHE:
                    bounds.clear()
                for raw in set(cells).difference(bounds):
                    value = cache[raw]
                    bounds[raw] = _LAST_DAY if value is None else value
                late = any(map(operator.lt, map(bounds.__getitem__, cells), starts))
            if late:
                return None
        groups = given.get("target_group")
        targets = 0 if groups is None else n - groups.count(None)
        if self.target + targets > MAX_TARGET_GROUP_ROWS:
            return None
        if targets:  # (what Employment.consistency_problems checks beyond the end)
            assert groups is not None
            for k in itertools.compress(range(n), map(operator.is_not, groups,
                                                      itertools.repeat(None))):
                if Employment.consistency_problems(
                        {f: v[k] for f, v in given.items() if v[k] is not None}):
                    return None
        extra = [(f, v) for f, v in given.items() if f not in _ROW_FIELDS and v.count(None) < n]
        self.read += n
        self.target += targets
        extras: Iterable[dict[str, Any] | None] = itertools.repeat(None)
        if extra:
            table: list[dict[str, Any] | None] = [None] * n
            for f, values in extra:
                for k in itertools.compress(range(n), map(operator.is_not, values,
                                                          itertools.repeat(None))):
                    found = table[k]
                    if found is None:
                        found = table[k] = {}
                    found[f] = values[k]
            extras = table
        contracts = given.get("contract")
        return list(map(Row, given["person"], starts, ends or itertools.repeat(None),
                        given["hours_per_week"],
                        itertools.repeat(ContractType.REGULAR) if contracts is None else
                        [ContractType.REGULAR if c is None else c for c in contracts],
                        groups or itertools.repeat(None), extras,
                        itertools.repeat(self.file)))

    def _block_cache(self, field: str) -> dict[str, Any]:
        cache = self.block_caches.get(field)
        if cache is None or len(cache) > _BLOCK_CACHE:
            cache = self.block_caches[field] = {} if field in _REQUIRED else {"": None}
        return cache

    @staticmethod
    def _fill(field: str, reader: ColumnReader, cache: dict[str, Any],
              cells: Iterable[str]) -> bool:
        """Convert a column's cells not in ``cache`` yet; ``False`` if one has a problem."""
        for raw in set(cells).difference(cache):
            if len(raw) > MAX_CELL_CHARS:
                return False
            try:
                value = None if raw == "" else reader.convert(raw)
            except InputError:
                return False
            if value is None and field in _REQUIRED:
                return False
            cache[raw] = value
        return True

    def _too_many(self, line: int, target: int | None = None) -> None:
        self.problems.append(
            problem("in.too_many_rows", file=self.file, row=line, most=MAX_ROWS)
            if target is None else
            problem("in.too_many_target_rows", file=self.file, row=line, most=target))
        raise InputError(self.problems)

    def finish(self) -> None:
        """Raise every problem found, if any."""
        if self.dropped:
            self.problems.append(problem("e.more", file=self.file, hint="ih.more",
                                            count=self.dropped))
        if self.problems:
            raise InputError(self.problems)


#: The most distinct cells of a column parse_block remembers (then it starts afresh).
_BLOCK_CACHE = 100_000


_LAST_DAY = dt.date.max


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


# ------------------------------------------------------------------ opening a file


@attrs.frozen
class _Opened:
    """A payroll file opened for one pass: its header and numbered rows."""

    name: str
    header: Header
    rows: Rows
    close: Callable[[], None]
    identity: FileIdentity | None
    skipped: int = 0
    epoch_1904: bool = False
    #: The rows in blocks of consecutive lines (the fast CSV route), else ``None``.
    chunks: Chunks | None = None

    @property
    def fields(self) -> list[str | None]:
        return self.header.fields


def _open_rows(path: Path, name: str, fmt: PayrollFormat = _DEFAULT, *,
               fast: bool = False) -> _Opened:
    """Header, numbered data rows and a closer, for a CSV or XLSX file.

    The format follows the suffix of ``name`` (the path as the user wrote
    it), also when ``path`` is where a symbolic link of that name leads.
    With ``fast`` (a CSV file only, see :func:`_fast_route`), the rows come
    in blocks (:attr:`_Opened.chunks`) and anything the block reader does
    not read exactly as the line reader does raises :class:`_Bail`.
    """
    check_payroll_suffix(Path(name), name)
    suffix = Path(name).suffix.lower()
    if suffix == ".parquet":
        raise InputError([problem("in.parquet", file=name, hint="ih.parquet")])
    binary, identity = open_regular(path, what="payroll file", max_bytes=MAX_PAYROLL_FILE_BYTES,
                                    name=name)
    try:
        if suffix in (".xlsx", ".xlsm"):
            return _xlsx_open(binary, name, fmt, identity)
        if fmt.sheet is not None:
            raise InputError([problem("in.sheet_in_csv", file=name, field="payroll.sheet",
                                         hint="ih.sheet_in_csv")])
        if fast:
            blocks = _line_blocks(binary)

            def close() -> None:
                blocks.close()
                binary.close()

            header, reader, at = _csv_start(itertools.chain.from_iterable(blocks), name, fmt)
            return _Opened(name, header, iter(()), close, identity, at,
                           chunks=_chunked(reader, at))
        lines = _file_lines(binary, name)

        def close() -> None:
            lines.close()
            binary.close()

        header, rows, skipped = _csv_open(lines, name, fmt)
    except BaseException:
        binary.close()
        raise
    return _Opened(name, header, rows, close, identity, skipped)


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
                raise InputError([problem(
                    "in.not_utf8_line", file=name, row=number, hint="ih.utf8",
                    reason=exc.reason, byte=exc.start + 1)]) from None
        raise InputError([problem("in.not_utf8", file=name, hint="ih.utf8")]) from None
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
            raise InputError([problem("in.line_too_long", file=name, row=number,
                                         hint="ih.line_too_long", line=number,
                                         most=MAX_LINE_CHARS)])
        yield line


class _Bail(Exception):
    """The block reader met what only the line reader reads exactly: read the file that way."""


#: Characters decoded at a time by the block reader, and rows per block of rows
#: (small enough for a block's cells to stay in the processor's caches: 1,024
#: rows were faster than 8,192 in every paired run on a million rows).
_BLOCK_CHARS = 1 << 20
_CHUNK_ROWS = 1024

Chunks = Iterator[tuple[int, list[list[str]]]]


def _fast_route(name: str, fmt: PayrollFormat) -> bool:
    """Whether a payroll may be read by the block reader (a CSV file, no sheet named)."""
    return (Path(name).suffix.lower() not in (".xlsx", ".xlsm", ".parquet")
            and fmt.sheet is None)


def _line_blocks(binary: IO[bytes]) -> Generator[list[str], None, None]:
    r"""The physical lines of a UTF-8 file, a block at a time (see :func:`_text_lines`).

    The same lines as :func:`_file_lines` (line ends ``\n``, ``\r\n`` or a
    lone ``\r``, kept; byte-order marks off the first line), split by the C
    code of :class:`io.StringIO`. A byte that is not UTF-8, or a line that
    may be too long, raises :class:`_Bail`: the line reader reports it.
    """
    stream = io.TextIOWrapper(cast(Any, binary), encoding="utf-8-sig", newline="")
    try:
        carry = ""
        first = True
        while True:
            try:
                block = stream.read(_BLOCK_CHARS)
            except UnicodeDecodeError:
                raise _Bail from None
            if not block:
                break
            text = carry + block
            if first:
                text = text.lstrip("\ufeff")
                first = not text
                if first:
                    continue
            lines = io.StringIO(text, newline="").readlines()
            # The last line may go on in the next block (or be a "\r" before "\n").
            carry = lines.pop()
            if len(carry) > MAX_LINE_CHARS or (lines and max(map(len, lines)) > MAX_LINE_CHARS):
                raise _Bail
            if lines:
                yield lines
        if carry:
            yield [carry]
    finally:
        with contextlib.suppress(ValueError):  # the file may be closed already
            stream.detach()


def _chunked(reader: Any, offset: int) -> Chunks:
    """``(first line, rows)`` blocks of rows, each row one physical line after the last.

    A record over several lines (a quoted line break) or a CSV error raises
    :class:`_Bail`.
    """
    while True:
        start = reader.line_num + 1 + offset
        try:
            rows = list(itertools.islice(reader, _CHUNK_ROWS))
        except csv.Error:
            raise _Bail from None
        if not rows:
            return
        if reader.line_num + 1 + offset - start != len(rows):
            raise _Bail
        yield start, rows


def _uniform(rows: list[list[str]], width: int) -> bool:
    """Whether every row has exactly ``width`` cells."""
    return len(set(map(len, rows))) == 1 and len(rows[0]) == width


#: The most distinct values of a column the block survey counts before it
#: leaves a file to the line reader (its counters stay bounded in memory).
_SURVEY_DISTINCT = 1 << 16


def _fast_survey(path: Path, name: str, fmt: PayrollFormat, *, last: dict[str, int] | None
                 ) -> tuple[list[ColumnReader | None], FileIdentity | None] | None:
    """The first pass by blocks of rows: the same readers and last lines as :func:`_survey`.

    Each column's distinct values are counted by C code (:class:`collections.Counter`)
    and folded into the column's format exactly as the row-by-row pass folds
    them: its first :attr:`_Survey._MEMO` distinct values at the end, the
    others in the order they first appear. Each person's last line is found
    per distinct cell, and each distinct cell converted once. ``None`` when the
    file needs the line reader (``last`` is then to be emptied): then
    :func:`_survey` reads it, and reports what there is to report.
    """
    if not _fast_route(name, fmt):
        return None
    try:
        opened = _open_rows(path, name, fmt, fast=True)
    except _Bail:
        return None
    try:
        assert opened.chunks is not None
        survey = _Survey(opened.header, fmt)
        width = len(opened.fields)
        counts: dict[int, Counter[str]] = {i: Counter() for i in survey.seen}
        index = opened.fields.index("person") if last is not None else -1
        # each distinct person cell's last line (then each person's, in place)
        lines: dict[str, int] = last if last is not None else {}
        for start, rows in opened.chunks:
            if _uniform(rows, width):
                columns = list(zip(*rows, strict=True))
                for i, counter in counts.items():
                    column = columns[i]
                    if "" in counter:  # (in its place already: count the others by C code)
                        counter[""] += column.count("")
                        counter.update(filter(None, column))
                    else:
                        counter.update(column)
                if index >= 0:
                    lines.update(zip(columns[index], range(start, start + len(rows)),
                                     strict=True))
            else:
                for line, cells in enumerate(rows, start=start):
                    n = len(cells)
                    for i, counter in counts.items():
                        if i < n:
                            counter[cells[i]] += 1
                    if 0 <= index < n:
                        lines[cells[index]] = line
            if len(lines) > MAX_PERSONS or any(len(c) > _SURVEY_DISTINCT
                                               for c in counts.values()):
                return None
    except _Bail:
        return None
    finally:
        opened.close()
    for i, counter in counts.items():
        memo = survey.seen[i]
        rest = []
        for cell, n in counter.items():
            if len(cell) > MAX_CELL_CHARS:
                continue  # reported by the second pass
            if len(memo) < survey._MEMO:
                memo[cell] = n
            else:
                rest.append((cell, n))
        for cell, n in rest:  # counted as they come by the row-by-row pass
            survey._count(i, cell, n)
    if last is not None and not _last_persons(last):
        return None
    return survey.readers(opened.header, opened.epoch_1904), opened.identity


def _last_persons(last: dict[str, int]) -> bool:
    """Each person's last line from each distinct person cell's (in ``last``, in place).

    ``False`` when there are more than :data:`~psoladder.limits.MAX_PERSONS`
    persons (the line reader says where).
    """
    last.pop("", None)  # an empty cell is no person
    if unchanged_texts(list(last)):  # plain identifiers: each cell is its person
        return len(last) <= MAX_PERSONS
    lines = dict(last)
    last.clear()
    reader = ColumnReader("person")
    for cell, line in lines.items():
        if len(cell) > MAX_CELL_CHARS:
            continue
        try:
            person = reader.convert(cell)
        except InputError:
            continue
        if person is not None and last.get(person, 0) < line:
            last[person] = line
    return len(last) <= MAX_PERSONS


def _delimiter(line: str) -> str:
    """The separator a header line uses most: ``;``, ``,`` or a tab."""
    return max((";", ",", "\t"), key=lambda d: (line.count(d), d == ","))


def _split(line: str) -> list[str] | None:
    """One line's cells, or ``None`` when it is no valid CSV on its own."""
    try:
        return next(csv.reader([line], delimiter=_delimiter(line)), [])
    except csv.Error:
        return None


def _csv_rows(lines: Iterator[str], name: str,
              fmt: PayrollFormat = _DEFAULT) -> tuple[list[str | None], Rows]:
    """Header fields and numbered rows of CSV lines (see :func:`_csv_open`)."""
    header, rows, _ = _csv_open(lines, name, fmt)
    return header.fields, rows


def _find_header(first: list[Any], fmt: PayrollFormat) -> int:
    """The index in ``first`` (rows or lines) of the header row.

    The first that names every required column; else the first that names
    a payroll column (its problems say which are missing); else the first.
    """
    if fmt.header_row is not None:
        return fmt.header_row - 1
    for i, cells in enumerate(first):
        if cells is not None and _names_required(cells, fmt, every=True):
            return i
    for i, cells in enumerate(first):
        if cells is not None and _names_required(cells, fmt, every=False):
            return i
    return 0


def _csv_start(lines: Iterator[str], name: str,
               fmt: PayrollFormat = _DEFAULT) -> tuple[Header, Any, int]:
    """The header, a :func:`csv.reader` past it and the number of lines above it."""
    if fmt.header_row is not None:
        # the lines above a named header are counted, not kept
        above = sum(1 for _ in itertools.islice(lines, fmt.header_row - 1))
        first = list(itertools.islice(lines, 1))
        if not first:
            raise InputError([problem("in.no_header_row", file=name, field="payroll.header_row",
                                      hint="ih.header_row", row_=fmt.header_row, lines=above)])
        first = [""] * above + first  # (empty strings: nothing of those lines is kept)
    else:
        first = list(itertools.islice(lines, HEADER_SEARCH_ROWS))
    at = _find_header([_split(line) for line in first] if fmt.header_row is None
                      else [], fmt)
    if not first:
        first = [""]
    line = first[at]
    delimiter = _delimiter(line)
    rest = itertools.chain(first[at + 1:], lines)
    reader = csv.reader(itertools.chain([line], rest), delimiter=delimiter)
    try:
        cells = next(reader, [])
    except csv.Error as exc:
        raise InputError([problem("in.header_not_csv", file=name, row=at + 1,
                                     reason=str(exc))]) from None
    header, problems = _read_header(cells, name, fmt, row=at + 1)
    if problems:
        raise InputError(problems)
    return header, reader, at


def _csv_open(lines: Iterator[str], name: str,
              fmt: PayrollFormat = _DEFAULT) -> tuple[Header, Rows, int]:
    """The header, numbered data rows and the number of lines above the header."""
    header, reader, offset = _csv_start(lines, name, fmt)

    def numbered() -> Rows:
        # A record that spans lines (a quoted line break) is numbered by the
        # line it starts on.
        start = reader.line_num + 1 + offset
        try:
            for row in reader:
                yield start, row
                start = reader.line_num + 1 + offset
        except csv.Error as exc:
            raise InputError([problem("in.not_csv", file=name, row=start,
                                         reason=str(exc))]) from None
        except _Undecodable:  # a text stream given to read_csv
            raise InputError([problem("in.text_not_utf8", file=name, row=start,
                                         hint="ih.utf8")]) from None

    return header, numbered(), offset


def _xlsx_open(binary: IO[bytes], name: str, fmt: PayrollFormat,
               identity: FileIdentity | None) -> _Opened:
    try:
        import openpyxl
    except ImportError:
        raise InputError([problem("in.needs_openpyxl", file=name,
                                     hint="ih.needs_openpyxl")]) from None

    def broken(exc: BaseException, row: int | None = None) -> InputError:
        return InputError([problem("in.workbook_broken", file=name, row=row,
                                      hint="ih.workbook_broken", kind=type(exc).__name__)])

    _check_xlsx_parts(binary, name)
    try:
        book = openpyxl.load_workbook(binary, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a malformed file
        raise broken(exc) from None
    try:
        if not book.worksheets:
            raise InputError([problem("in.no_worksheet", file=name)])
        if fmt.sheet is None:
            sheet = book.worksheets[0]
        else:
            wanted = fmt.sheet.strip().casefold()
            found = [s for s in book.worksheets if str(s.title).strip().casefold() == wanted]
            if not found:
                names = ", ".join(shown(str(s.title)) or "" for s in book.worksheets[:20])
                raise InputError([problem("in.no_such_sheet", file=name,
                                             field="payroll.sheet", hint="ih.no_such_sheet",
                                             sheet=shown(fmt.sheet), sheets=names)])
            sheet = found[0]
        _check_xlsx_columns(binary, getattr(sheet, "_worksheet_path", None), name)
        # A read-only worksheet trusts the dimension the file declares (up to
        # 16,384 columns x 1,048,576 rows) and pads every row to it; read the
        # cells that exist, at most one column more than psoladder reads
        # (values further right were refused above).
        sheet.reset_dimensions()
        cells = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1)
        wanted_rows = fmt.header_row if fmt.header_row is not None else HEADER_SEARCH_ROWS
        try:
            first = list(itertools.islice(cells, wanted_rows))
        except Exception as exc:
            raise broken(exc) from None
        if fmt.header_row is not None and len(first) < fmt.header_row:
            raise InputError([problem("in.no_header_row", file=name,
                                         field="payroll.header_row", hint="ih.header_row",
                                         row_=fmt.header_row, lines=len(first))])
        at = _find_header(first if fmt.header_row is None else [], fmt)
        header, problems = _read_header(first[at] if first else (), name, fmt, row=at + 1)
        if problems:
            raise InputError(problems)
        epoch_1904 = bool(getattr(book, "epoch", None) == dt.datetime(1904, 1, 1))
    except BaseException:
        book.close()
        binary.close()
        raise
    rest = itertools.chain(first[at + 1:], cells)

    def numbered() -> Rows:
        line = at + 1
        try:
            for line, row in enumerate(rest, start=at + 2):
                yield line, row
        except InputError:
            raise
        except Exception as exc:
            raise broken(exc, line + 1) from None

    def close() -> None:
        book.close()
        binary.close()

    return _Opened(name, header, numbered(), close, identity, at, epoch_1904)


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
    import zipfile  # (only for a workbook)

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
                        raise InputError([problem(
                            "in.xlsx_far_column", file=name, row=int(match.group(2)),
                            hint="ih.xlsx_far_column", letters=match.group(1).decode(),
                            column=column, most=MAX_COLUMNS)])
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
    import zipfile  # (only for a workbook)

    try:
        with zipfile.ZipFile(binary) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise InputError([problem("in.not_zip", file=name, hint="ih.not_zip")]) from None
    finally:
        binary.seek(0)
    for part in parts:
        sheet = part.filename.startswith("xl/worksheets/")
        limit = MAX_PAYROLL_FILE_BYTES if sheet else MAX_XLSX_PART_BYTES
        if part.file_size > limit:
            raise InputError([problem("in.xlsx_part_large", file=name, hint="ih.csv_utf8",
                                         size=part.file_size, most=limit)])


# ------------------------------------------------------------------ reading


def _survey(opened: _Opened, fmt: PayrollFormat, *,
            last: dict[str, int] | None) -> list[ColumnReader | None]:
    """The first pass over an opened file: column formats and, into ``last``, last lines."""
    survey = _Survey(opened.header, fmt)
    if not survey.needed and last is None:
        opened.close()
        return survey.readers(opened.header, opened.epoch_1904)
    index = opened.fields.index("person") if last is not None else -1
    person_reader = ColumnReader("person")
    try:
        for line, cells in opened.rows:
            survey.add(cells)
            if index < 0 or index >= len(cells):
                continue
            raw = cells[index]
            if type(raw) is str and len(raw) > MAX_CELL_CHARS:
                continue  # reported by the second pass
            try:
                person = person_reader.convert(raw)
            except InputError:
                continue  # reported by the second pass
            if person is None:
                continue
            assert last is not None
            last[person] = line
            if len(last) > MAX_PERSONS:
                raise InputError([problem("in.too_many_persons", file=opened.name, row=line,
                                             most=MAX_PERSONS)])
    finally:
        opened.close()
    return survey.readers(opened.header, opened.epoch_1904)


def _first_pass(path: Path, name: str, fmt: PayrollFormat, last: dict[str, int] | None
                ) -> tuple[list[ColumnReader | None], FileIdentity | None, bool]:
    """Each column's reader, the file's identity and whether the block reader read it.

    Each person's last line goes into ``last``. By blocks of rows where the
    file allows it (:func:`_fast_survey`), else row by row (:func:`_survey`):
    the same readers and lines either way.
    """
    with collector_paused():  # (rows are lists of text: no cycles to collect)
        fast = _fast_survey(path, name, fmt, last=last)
    if fast is not None:
        return *fast, True
    if last is not None:
        last.clear()
    opened = _open_rows(path, name, fmt)
    readers = _survey(opened, fmt, last=last if "person" in opened.fields else None)
    return readers, opened.identity, False


def last_lines(path: str | Path, *, fmt: PayrollFormat = _DEFAULT) -> dict[str, int]:
    """Each person's last line in a payroll file: a first, light pass over it.

    Lets :func:`stream_payroll` say when a person is complete, so their rows
    can be folded and freed at once: memory then follows the number of people
    (and, for a file not sorted by person, the rows of people still open).

    Raises:
        InputError: When the file cannot be read, or has more than
            :data:`~psoladder.limits.MAX_PERSONS` persons.
    """
    path = Path(path)
    last: dict[str, int] = {}
    _first_pass(path, path.name, fmt, last)
    return last


def _scan(opened: _Opened, readers: Sequence[ColumnReader | None], fmt: PayrollFormat,
          emit: Callable[[int, dict[str, Any]], None], progress: Progress | None,
          every: int = 50_000) -> _RowParser:
    parser = _RowParser(opened.fields, opened.name, readers, names=opened.header.names)
    for line, cells in opened.rows:
        values = parser.parse(line, cells)
        if values is not None and not parser.problems:
            emit(line, values)
        if progress is not None and line % every == 0:
            progress(parser.read)
    return parser


def _scan_blocks(opened: _Opened, readers: Sequence[ColumnReader | None],
                 emit: Callable[[int, dict[str, Any]], None],
                 emit_block: Callable[[int, list[Row]], None], progress: Progress | None,
                 every: int = 50_000) -> _RowParser:
    """The second pass by blocks of rows: the same rows, problems and counts as :func:`_scan`.

    A block of rows in which nothing is wrong is read column by column
    (:meth:`_RowParser.parse_block`); any other block, and every block after
    a problem, row by row (:meth:`_RowParser.parse`).
    """
    assert opened.chunks is not None
    parser = _RowParser(opened.fields, opened.name, readers, names=opened.header.names)
    try:
        for start, rows in opened.chunks:
            before = parser.read
            block = None if parser.problems else parser.parse_block(rows)
            if block is not None:
                emit_block(start, block)
                if progress is not None:
                    for line in range(-(-start // every) * every, start + len(rows), every):
                        progress(before + line - start + 1)
                continue
            for line, cells in enumerate(rows, start):
                values = parser.parse(line, cells)
                if values is not None and not parser.problems:
                    emit(line, values)
                if progress is not None and line % every == 0:
                    progress(parser.read)
    except _Bail:  # the first pass read it by blocks: it changed since
        raise InputError([problem("in.changed", file=opened.name, hint="ih.changed")]) from None
    return parser


def reading_notices(file: str, header: Header, readers: Sequence[ColumnReader | None], *,
                    skipped: int, blank: int) -> tuple[Notice, ...]:
    """What a reader tells about a payroll it read: lines not read, ignored columns, formats.

    The one definition for both engines (the columnar engine builds its
    readers with :func:`column_reader`).
    """
    lines = []
    if skipped or blank:
        # every line is read or reported: the ones not read are counted here
        key = ("pr.lines_skipped" if skipped and blank
               else "pr.lines_title" if skipped else "pr.lines_blank")
        lines.append(Notice.of(file, key, skipped=skipped, blank=blank, header=header.row))
    return tuple(lines + _header_notices(header, file) + _format_notices(readers, file))


def _notices(opened: _Opened, readers: Sequence[ColumnReader | None],
             parser: _RowParser) -> tuple[Notice, ...]:
    return reading_notices(opened.name, opened.header, readers, skipped=opened.skipped,
                           blank=parser.blank)


def stream_payroll(path: str | Path, sink: RowSink, *,
                   progress: Progress | None = None,
                   person_done: Callable[[str], None] | None = None,
                   name: str | None = None, fmt: PayrollFormat = _DEFAULT) -> PayrollSummary:
    """Validate a payroll file row by row, handing each row to ``sink``.

    Rows are not kept: ``sink(line, row)`` receives each valid row as a
    compact :class:`~psoladder.fte.Row` (e.g. a
    :class:`~psoladder.fte.WorkforceBuilder`'s ``add``). Once a problem is
    found, later rows are only validated; at the end every problem is raised
    at once, and the sink's data must be discarded. A sink with a method
    ``block(start, rows)`` may be given rows on consecutive lines (from
    ``start``) a block at a time instead, as
    :meth:`~psoladder.fte.WorkforceBuilder.add_rows` takes them; then
    ``person_done`` is called after the block, for each person whose last
    row it holds, in the order of their lines.

    The file is read twice: a first pass finds the format of each date and
    number column (and, with ``person_done``, each person's last line); it
    keeps counters, not rows. A file that changes between the passes is
    refused.

    Args:
        path: The ``.csv`` (or ``.xlsx``) file.
        sink: Receives ``(line number, row)`` for each valid row.
        progress: Called with the number of rows read every 50,000 rows.
        person_done: Called with a person's identifier right after their last
            row (found by the first pass).
        name: The file's name in messages and in each row's ``source``
            (default the file's own name).
        fmt: How the export is written (the ``[payroll]`` table).
    """
    path = Path(path)
    name = name or path.name
    last: dict[str, int] = {}
    readers, first, fast = _first_pass(path, name, fmt,
                                       last if person_done is not None else None)

    # A person is told done by the identifier read, taken before the sink
    # sees the row: a sink may rename it (a pseudonym).
    def emit(line: int, values: dict[str, Any]) -> None:
        row = _row(values, name)
        person = row.person
        sink(line, row)
        if person_done is not None and last.get(person) == line:
            person_done(person)

    # The lines on which a person is complete, one byte a line.
    ends = bytearray(max(last.values(), default=0) + 1)
    collections.deque(map(ends.__setitem__, last.values(), itertools.repeat(1)), 0)

    block = getattr(sink, "block", None)

    def emit_block(start: int, rows: list[Row]) -> None:
        if person_done is None:
            if block is not None:
                block(start, rows)
                return
            for line, row in enumerate(rows, start):
                sink(line, row)
            return
        # (only a line in ``ends`` can be a person's last, whatever the sink did to the row)
        stop = start + len(rows)
        done = set(itertools.compress(range(start, stop), ends[start:stop]))
        get = last.get
        if block is not None:
            finished = [(line, rows[line - start].person) for line in sorted(done)]
            block(start, rows)
            for line, person in finished:
                if get(person) == line:
                    person_done(person)
            return
        for line, row in enumerate(rows, start):
            person = row.person
            sink(line, row)
            if line in done and get(person) == line:
                person_done(person)

    try:
        opened = _open_rows(path, name, fmt, fast=fast)
    except _Bail:  # the first pass read it by blocks: it changed since
        raise InputError([problem("in.changed", file=name, hint="ih.changed")]) from None
    try:
        if opened.identity != first:
            raise InputError([problem("in.changed", file=name, hint="ih.changed")])
        if opened.chunks is not None:
            with collector_paused():  # (rows and their values hold no cycles)
                parser = _scan_blocks(opened, readers, emit, emit_block, progress)
        else:
            parser = _scan(opened, readers, fmt, emit, progress)
    finally:
        opened.close()
    parser.finish()
    return PayrollSummary(name, parser.read, parser.blank, opened.skipped,
                          _notices(opened, readers, parser))


def _collect(opened: _Opened, readers: Sequence[ColumnReader | None],
             fmt: PayrollFormat) -> PayrollRead:
    employments: list[Employment] = []
    name = opened.name

    def keep(line: int, values: dict[str, Any]) -> None:
        employments.append(Employment(**values, source=name, row=line))

    parser = _scan(opened, readers, fmt, keep, None)
    parser.finish()
    return PayrollRead(name, tuple(employments), parser.read, parser.blank, opened.skipped,
                       _notices(opened, readers, parser))


def read_csv(stream: IO[str], *, name: str = "<csv>", fmt: PayrollFormat = _DEFAULT
             ) -> PayrollRead:
    """Read a payroll CSV from an open text stream (see the module docs).

    Open files with ``newline=""`` (as for :mod:`csv`). The rows are kept in
    memory while each column's format is found.
    """
    header, rows, skipped = _csv_open(_text_lines(stream, name), name, fmt)
    kept = list(rows)
    first = _Opened(name, header, iter(kept), lambda: None, None, skipped)
    readers = _survey(first, fmt, last=None)
    return _collect(attrs.evolve(first, rows=iter(kept)), readers, fmt)


def read_payroll(path: str | Path, *, name: str | None = None,
                 fmt: PayrollFormat = _DEFAULT) -> PayrollRead:
    """Read a payroll export (``.csv``, or ``.xlsx`` with the ``xlsx`` extra) into memory.

    A ``.parquet`` file is read by :func:`psoladder.columnar.read_table` (the
    ``fast`` extra), as :func:`psoladder.load_organisation` does.

    For large files prefer :func:`stream_payroll` (through
    :func:`psoladder.assess_file`), which keeps no row objects.

    Args:
        path: The file.
        name: The file's name in messages and in each row's ``source``
            (default the file's own name).
        fmt: How the export is written (the ``[payroll]`` table).

    Raises:
        InputError: With every problem of the file, each located.
    """
    path = Path(path)
    name = name or path.name
    readers, first, _ = _first_pass(path, name, fmt, None)
    opened = _open_rows(path, name, fmt)
    try:
        if opened.identity != first:
            raise InputError([problem("in.changed", file=name, hint="ih.changed")])
        return _collect(opened, readers, fmt)
    finally:
        opened.close()

