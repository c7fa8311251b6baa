"""Organisation files: TOML (or JSON with the same keys).

Keys (see the design's organisation file): ``name``, ``kvk``,
``application_date``, ``fulltime_hours``, ``peiljaar = {start, end}``,
``employments`` (a payroll file path relative to the organisation file),
``[[employment]]`` tables (inline rows; both may be given),
``[[purchase]]`` tables, ``[[evidence]]`` tables, ``[aspirant_plan]`` and
``[recertification]``; the applicant's group as ``[[entity]]`` tables (name,
kvk) and plans as ``[[scenario]]`` tables (checked here, read by
:func:`psoladder.planning.files.load_scenarios`).

The file is read strictly, every problem with its key path
(``recertification.files_sampled``, ``employment[3].hours_per_week``) and
all of them at once:

* unknown keys, at any level, are errors, so a misspelt key is never
  silently ignored;
* each key has its shape: a single value, a table, or a list of tables
  (``[[employment]]``, not ``[employment]``);
* evidence must name a person of the employments, once;
* numbers are read exactly (TOML and JSON floats become ``Decimal``) and
  bounded (:mod:`psoladder.limits`), and so are the file's size, its nesting
  and the length of its numbers, all checked before or while it is parsed;
* in JSON, a key given twice in one object is an error, and ``NaN`` and
  ``Infinity`` are not numbers.

The payroll file it names is read only when it lies inside the
organisation file's folder, unless ``allow_outside=True``
(:func:`~psoladder.io.files.payroll_path`).
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from psoladder.errors import InputError, Problem, shown
from psoladder.io.files import PAYROLL_SUFFIXES, open_regular, payroll_path
from psoladder.io.payroll import PayrollFormat, payroll_format, read_payroll
from psoladder.limits import (
    MAX_EVIDENCE,
    MAX_KVK_NUMBERS,
    MAX_NESTING,
    MAX_NUMBER_CHARS,
    MAX_ORGANISATION_FILE_BYTES,
    MAX_PROBLEMS,
    MAX_PURCHASES,
    MAX_ROWS,
)
from psoladder.messages import problem
from psoladder.model import (
    AspirantPlan,
    Employment,
    Entity,
    Evidence,
    Organisation,
    Purchase,
    Recertification,
)

__all__ = [
    "Document",
    "OrganisationParts",
    "document_from_text",
    "evidence_problems",
    "example_path",
    "load_example",
    "load_organisation",
    "organisation_from_mapping",
    "organisation_parts",
    "payroll_problems",
    "read_document",
]

# ------------------------------------------------------------------ parsing


class _TooLong:
    """A number in the file with more characters than psoladder reads."""

    __slots__ = ("length",)

    def __init__(self, length: int) -> None:
        self.length = length


class _NotANumber:
    """``NaN`` or ``Infinity`` in a JSON file."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


def _decimal(text: str) -> Decimal | _TooLong:
    return _TooLong(len(text)) if len(text) > MAX_NUMBER_CHARS else Decimal(text)


def _int(text: str) -> int | _TooLong:
    return _TooLong(len(text)) if len(text) > MAX_NUMBER_CHARS else int(text)


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


# Tokens of a TOML text, enough to follow its brackets and dotted keys
# without parsing it: strings (their content is skipped), bare words and
# blanks, comments, and single characters.
_TOML_TOKEN = re.compile(
    r'(?P<ml>"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\')'
    r'|(?P<str>"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\')'
    r"|(?P<word>[A-Za-z0-9_\-+: \t]+)"
    r"|(?P<comment>#[^\n]*)"
    r"|(?P<char>[\s\S])"
)


def _toml_nesting(text: str) -> int | None:
    """The line where a TOML text nests deeper than :data:`~psoladder.limits.MAX_NESTING`.

    Counts open brackets and braces, and the parts of a dotted key (a key of
    10,000 parts costs the parser 400 MB), before the parser sees the text.
    """
    depth = dots = 0
    line = 1
    for match in _TOML_TOKEN.finditer(text):
        kind = match.lastgroup
        if kind in ("word", "str"):
            continue  # a key part or a value: a dotted key goes on
        if kind == "char":
            char = match.group()
            if char == ".":
                dots += 1
                if dots >= MAX_NESTING:
                    return line
                continue
            if char in "[{":
                depth += 1
                if depth > MAX_NESTING:
                    return line
            elif char in "]}":
                depth -= 1
            elif char == "\n":
                line += 1
        elif kind == "ml":
            line += match.group().count("\n")
        dots = 0
    return None


def _parse(text: str, name: str, json_syntax: bool) -> Any:
    """Parse a TOML or JSON text, every failure an InputError."""
    try:
        if json_syntax:
            return json.loads(text, parse_float=_decimal, parse_int=_int,
                              parse_constant=_NotANumber, object_pairs_hook=_object)
        line = _toml_nesting(text)
        if line is not None:
            raise InputError([problem("in.file_nested", file=name, row=line,
                                      hint="ih.file_nested", most=MAX_NESTING)])
        return tomllib.loads(text, parse_float=_decimal)
    except InputError:
        raise
    except tomllib.TOMLDecodeError as exc:
        raise InputError([problem("in.toml", file=name, hint="ih.toml",
                                  reason=str(exc))]) from None
    except json.JSONDecodeError as exc:
        raise InputError([problem("in.json", file=name, row=exc.lineno, hint="ih.json",
                                  reason=exc.msg)]) from None
    except _DuplicateKey as exc:
        raise InputError([problem("in.key_twice", file=name, field=exc.key,
                                  hint="ih.key_twice")]) from None
    except RecursionError:
        raise InputError([problem("in.file_nested", file=name, hint="ih.file_nested",
                                  most=MAX_NESTING)]) from None
    except ValueError as exc:  # an integer beyond Python's int-string limit
        line = _long_digits(text)
        raise InputError([problem("in.file_number_long", file=name, row=line,
                                  hint="ih.file_numbers", most=MAX_NUMBER_CHARS)]) from exc


def _long_digits(text: str) -> int | None:
    match = re.search(r"[0-9_]{4000,}", text)
    return None if match is None else text.count("\n", 0, match.start()) + 1


@attrs.frozen
class Document:
    """An organisation file's parsed content, where it was read and its name.

    Attributes:
        content: The parsed keys.
        base: The folder a payroll path is relative to (and must lie in).
        name: The file's name in messages (``<stdin>`` for standard input).
    """

    content: Mapping[str, Any]
    base: Path
    name: str


def read_document(path: str | Path) -> tuple[Mapping[str, Any], Path, str]:
    """Parse an organisation file: its content, its folder and its name.

    Only a regular file of at most
    :data:`~psoladder.limits.MAX_ORGANISATION_FILE_BYTES` is read.

    Raises:
        InputError: When the file is missing, not a regular file, too large,
            not UTF-8, not valid TOML/JSON, or nested too deeply.
    """
    path = Path(path)
    if path.suffix.lower() in PAYROLL_SUFFIXES:
        raise InputError([problem("in.payroll_given", file=path.name, hint="ih.payroll_given",
                                  file_name=shown(path.name))])
    binary, _ = open_regular(path, what="organisation file",
                             max_bytes=MAX_ORGANISATION_FILE_BYTES)
    with binary:
        data = binary.read(MAX_ORGANISATION_FILE_BYTES + 1)
    doc = _document(data, path.name, path.suffix.lower() == ".json", path.parent)
    return doc.content, doc.base, doc.name


def document_from_text(data: bytes | str, *, name: str = "<stdin>",
                       base: Path | None = None) -> Document:
    """Parse an organisation file given as text (e.g. standard input): JSON or TOML.

    JSON when its first character (after spaces) is ``{``, else TOML. A
    payroll path in it is relative to ``base`` (default the current folder)
    and must lie inside it.

    >>> document_from_text('{"name": "X", "kvk": "12345678"}').content["kvk"]
    '12345678'

    Raises:
        InputError: As :func:`read_document`.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    json_syntax = raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")
    return _document(raw, name, json_syntax, base or Path.cwd())


def _document(data: bytes, name: str, json_syntax: bool, base: Path) -> Document:
    if len(data) > MAX_ORGANISATION_FILE_BYTES:
        raise InputError([problem("in.org_file_large", file=name,
                                  most=MAX_ORGANISATION_FILE_BYTES)])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError([problem("in.not_utf8", file=name, row=line,
                                  hint="ih.save_utf8")]) from None
    doc = _parse(text, name, json_syntax)
    if not isinstance(doc, Mapping):
        raise InputError([problem("in.not_a_table", file=name)])
    problems = list(_walk(doc, name))
    if problems:
        raise InputError(problems)
    return Document(doc, base, name)


def _walk(doc: Mapping[str, Any], file: str) -> Iterable[Problem]:
    """Problems anywhere in a parsed document: too deep, numbers too long, NaN."""
    stack: list[tuple[str, Any, int]] = [("", doc, 1)]
    while stack:
        path, value, depth = stack.pop()
        if isinstance(value, Mapping | list):
            if depth > MAX_NESTING:
                yield problem("in.nested", file=file, field=path or None, hint="ih.nested",
                              most=MAX_NESTING)
                continue
            items = value.items() if isinstance(value, Mapping) else enumerate(value, 1)
            for key, item in items:
                where = (f"{path}.{key}" if path else str(key)) if isinstance(
                    value, Mapping) else f"{path}[{key}]"
                stack.append((where, item, depth + 1))
        elif isinstance(value, _TooLong):
            yield problem("in.number_too_long", file=file, field=path, length=value.length,
                          most=MAX_NUMBER_CHARS)
        elif isinstance(value, _NotANumber):
            yield problem("in.not_finite", file=file, field=path, hint="ih.finite",
                          text=value.text)


# ------------------------------------------------------------------ schema

_SINGLE = ("name", "kvk", "application_date", "fulltime_hours", "sw_organisation",
           "cedris_voucher")
_TABLE = {"peiljaar": None, "aspirant_plan": AspirantPlan, "recertification": Recertification}
_LISTS: dict[str, Any] = {"employment": Employment, "purchase": Purchase,
                          "purchases": Purchase, "evidence": Evidence,
                          "entity": Entity}  # issue 15: the applicant's group
_MOST = {"employment": MAX_ROWS, "purchase": MAX_PURCHASES, "purchases": MAX_PURCHASES,
         "evidence": MAX_EVIDENCE, "entity": MAX_KVK_NUMBERS}
# ``scenario`` tables nest lists of changes: checked by the planning module (issue 15).
# ``payroll`` (issue 12): how the payroll export is written, checked by
# :func:`~psoladder.io.payroll.payroll_format`; ``$schema`` names the JSON
# Schema an editor validates the file with, and is not read.
_TOP = {*_SINGLE, *_TABLE, *_LISTS, "employments", "scenario", "payroll", "$schema"}
_REQUIRED = ("name", "kvk", "application_date")


@attrs.frozen
class OrganisationParts:
    """An organisation file's content, validated, before its payroll is read.

    Attributes:
        file: The organisation file's name.
        fields: The organisation's own fields (name, kvk, dates, ...), converted.
        employments: The inline ``[[employment]]`` rows.
        purchases: The purchases.
        evidence: The evidence tables.
        entities: The ``[[entity]]`` tables (issue 15).
        purchase_tables: How many of :attr:`purchases` are ``[[purchase]]``
            tables (the rest are ``[[purchases]]``), to locate their problems.
        payroll: The payroll file to read (resolved), if any.
        payroll_name: The payroll path as the file writes it.
        problems: Every problem found.
        payroll_format: How the payroll export is written (``[payroll]``).
    """

    file: str | None
    fields: Mapping[str, Any]
    employments: tuple[Employment, ...]
    purchases: tuple[Purchase, ...]
    evidence: tuple[Evidence, ...]
    entities: tuple[Entity, ...]
    purchase_tables: int
    payroll: Path | None
    payroll_name: str | None
    problems: tuple[Problem, ...]
    payroll_format: PayrollFormat = attrs.field(factory=PayrollFormat)

    def organisation(self, employments: Iterable[Employment], *,
                     with_evidence: bool = True, reading: Iterable[Any] = ()) -> Organisation:
        """The organisation with these employments (raising every problem)."""
        rows = tuple(employments)
        try:
            return Organisation(**self.fields, employments=rows, purchases=self.purchases,
                                evidence=self.evidence if with_evidence else (),
                                entities=self.entities, reading=tuple(reading))
        except InputError as exc:
            raise InputError(self.locate(p, rows) for p in exc.problems) from None

    def consistency(self, employments: Iterable[Employment]) -> list[Problem]:
        """Problems between the parts.

        Evidence given twice, too many persons, rows and purchases naming no
        entity of the group (R-ORG-1).
        """
        rows = tuple(employments)
        values = {**self.fields, "employments": rows, "evidence": self.evidence,
                  "purchases": self.purchases, "entities": self.entities}
        return [self.locate(p, rows) for p in Organisation.consistency_problems(values)]

    def locate(self, problem: Problem, employments: Sequence[Employment]) -> Problem:
        """A problem of the organisation, located where its item was written.

        ``employments[i]`` is a payroll line or an ``[[employment]]`` table
        (each row knows its source and row), ``purchases[i]`` a
        ``[[purchase]]`` or ``[[purchases]]`` table, ``entities[i]`` an
        ``[[entity]]`` table.
        """
        match = _ITEM.match(problem.field or "")
        if match is None:
            return problem.located(file=self.file)
        kind, index, rest = match.group(1), int(match.group(2)), match.group(3)
        if kind == "employments" and index <= len(employments):
            e = employments[index - 1]
            if e.source is not None:
                return attrs.evolve(problem, file=e.source, row=e.row,
                                    field=rest.lstrip(".") or None)
            return attrs.evolve(problem, file=self.file,
                                field=f"employment[{e.row or index}]{rest}")
        if kind == "purchases":
            key, index = (("purchase", index) if index <= self.purchase_tables
                          else ("purchases", index - self.purchase_tables))
            return attrs.evolve(problem, file=self.file, field=f"{key}[{index}]{rest}")
        if kind == "entities":
            return attrs.evolve(problem, file=self.file, field=f"entity[{index}]{rest}")
        return problem.located(file=self.file)


_ITEM = re.compile(r"^(employments|purchases|entities)\[(\d+)\](.*)$")


def _shape(doc: Mapping[str, Any], file: str | None) -> list[Problem]:
    """Unknown keys and wrong shapes at the top level and inside each table."""
    problems = []
    for key in doc:
        if key not in _TOP:
            problems.append(problem("po.unknown_key", file=file, field=key,
                                    hint="ih.known_keys", name=str(shown(key)),
                                    known=", ".join(sorted(_TOP))))
    for key in _SINGLE:
        value = doc.get(key)
        if isinstance(value, Mapping) or (isinstance(value, list) and key != "kvk"):
            problems.append(problem(
                "in.single_not_table" if isinstance(value, Mapping) else "in.single_not_list",
                file=file, field=key, hint="ih.write_single", code=key))
    for key in _TABLE:
        value = doc.get(key)
        if value is not None and not isinstance(value, Mapping):
            shape = "list" if isinstance(value, list) else "single value"
            problems.append(problem(f"in.table_not_{shape.replace(' ', '_')}", file=file,
                                    field=key, hint="ih.write_table", code=key))
        elif value is not None:
            problems.extend(_scalars(value, key, file))
    for key in _LISTS:
        value = doc.get(key)
        if value is None:
            continue
        if not isinstance(value, list):
            problems.append(problem("in.list_of_tables", file=file, field=key,
                                    hint="ih.list_of_tables", code=key))
            continue
        if len(value) > _MOST[key]:
            problems.append(problem("in.too_many_tables", file=file, field=key,
                                    most=_MOST[key], code=key))
            continue
        for i, item in enumerate(value, start=1):
            if not isinstance(item, Mapping):
                problems.append(problem("in.item_not_table", file=file, field=f"{key}[{i}]",
                                        hint="ih.item_not_table", code=key, index=i))
            else:
                problems.extend(_scalars(item, f"{key}[{i}]", file))
    payroll = doc.get("employments")
    if payroll is not None and not isinstance(payroll, str):
        problems.append(problem("in.employments_path", file=file, field="employments",
                                hint="ih.employments_path"))
    table = doc.get("payroll")
    if table is not None and not isinstance(table, Mapping):
        problems.append(problem("in.payroll_table", file=file, field="payroll",
                                hint="ih.payroll_table"))
    elif isinstance(table, Mapping) and table.get("file") is not None and payroll is not None:
        problems.append(problem("in.payroll_twice", file=file, field="payroll.file",
                                hint="ih.payroll_twice"))
    schema = doc.get("$schema")
    if schema is not None and not isinstance(schema, str):
        problems.append(problem("in.schema_key", file=file, field="$schema"))
    for key in _REQUIRED:
        if key not in doc:
            problems.append(problem("in.required_key", file=file, field=key,
                                    hint="ih.required_key", code=key))
    return problems


def _scalars(table: Mapping[str, Any], path: str, file: str | None) -> list[Problem]:
    return [problem(f"in.single_value_{'table' if isinstance(v, Mapping) else 'list'}",
                    file=file, field=f"{path}.{k}") for k, v in table.items()
            if isinstance(v, Mapping | list)]


def _build(kind: Any, items: list[Mapping[str, Any]], key: str, file: str | None,
           problems: list[Problem], shaped: set[str | None],
           number: Callable[[int], dict[str, Any]] | None = None) -> list[Any]:
    """Build each table of a list; a field with a wrong shape is reported once."""
    built = []
    for i, item in enumerate(items, start=1):
        if len(problems) >= MAX_PROBLEMS - 1:
            # Enough to show the cause; checking the rest would only cost time.
            problems.append(problem("in.not_checked", file=file, field=key,
                                    hint="ih.fix_first", code=key, first=i, last=len(items)))
            break
        try:
            extra = number(i) if number is not None else {}
            built.append(kind.from_mapping(item, **extra))
        except InputError as exc:
            located = (attrs.evolve(p, file=file, field=f"{key}[{i}].{p.field}" if p.field
                                    else f"{key}[{i}]") for p in exc.problems)
            problems.extend(p for p in located if p.field not in shaped)
    return built


def organisation_parts(doc: Mapping[str, Any], *, base: Path | None = None,
                       file: str | None = None, allow_outside: bool = False,
                       ) -> OrganisationParts:
    """Validate an organisation file's content; its payroll is not read yet.

    Args:
        doc: The parsed document.
        base: Folder that a payroll path is relative to (default the current folder).
        file: The file name, for error locations.
        allow_outside: Allow a payroll path outside ``base``.
    """
    problems = _shape(doc, file)
    shaped = {p.field for p in problems}  # reported once, not again as a bad value
    fields: dict[str, Any] = {}
    for key in (*_SINGLE, *_TABLE):
        if key in doc and not any(p.field == key for p in problems):
            fields[key] = doc[key]
    try:
        converted = Organisation.from_mapping(fields)
    except InputError as exc:
        # Missing required top-level keys are reported by _shape already.
        problems.extend(p.located(file=file) for p in exc.problems
                        if (p.field not in _REQUIRED or p.field in fields)
                        and p.field not in shaped)
        converted = None
    payroll = name = None
    written = doc.get("employments")
    fmt = PayrollFormat()
    table = doc.get("payroll")
    if isinstance(table, Mapping):
        try:
            fmt = payroll_format(table, file=file)
        except InputError as exc:
            problems.extend(exc.problems)
        if isinstance(table.get("file"), str) and "payroll.file" not in {p.field for p in
                                                                          problems}:
            written = table["file"]
    if isinstance(written, str):
        name = written
        try:
            payroll = payroll_path(base or Path.cwd(), written, allow_outside=allow_outside)
        except InputError as exc:
            where = "employments" if isinstance(doc.get("employments"), str) else "payroll.file"
            problems.extend(attrs.evolve(p, field=where).located(file=file) if p.field ==
                            "employments" else p.located(file=file) for p in exc.problems)
    # The tables last: after 1,000 problems the rest are not checked.
    lists = {key: [i for i in doc.get(key, []) if isinstance(i, Mapping)]
             if isinstance(doc.get(key), list) and len(doc[key]) <= _MOST[key] else []
             for key in _LISTS}
    employments = _build(Employment, lists["employment"], "employment", file, problems,
                         shaped, lambda i: {"row": i})
    purchase_tables = _build(Purchase, lists["purchase"], "purchase", file, problems, shaped)
    purchases = purchase_tables + _build(Purchase, lists["purchases"], "purchases", file,
                                         problems, shaped)
    evidence = _build(Evidence, lists["evidence"], "evidence", file, problems, shaped)
    entities = _build(Entity, lists["entity"], "entity", file, problems, shaped)
    if doc.get("scenario") is not None:  # (planning is imported only for a file with scenarios)
        from psoladder.planning.scenarios import scenario_problems

        problems.extend(scenario_problems(doc["scenario"], file=file))
    own = {} if converted is None else {
        k: getattr(converted, k) for k in fields}
    return OrganisationParts(file, own, tuple(employments), tuple(purchases), tuple(evidence),
                             tuple(entities), len(purchase_tables), payroll, name,
                             tuple(problems), fmt)


def payroll_problems(exc: InputError, file: str | None) -> list[Problem]:
    """The problems of a payroll file, as problems of the organisation file ``file``.

    A problem inside the payroll keeps the payroll's name; one without a
    file (e.g. the payroll has too many rows) is located at ``employments``.
    """
    return [p if p.file is not None else p.located(file=file, field="employments")
            for p in exc.problems]


def evidence_problems(evidence: Iterable[Evidence], persons: Iterable[str],
                      file: str | None = None) -> list[Problem]:
    """Evidence that names a person who is not in the employments (R-QUAL-1)."""
    known = persons if isinstance(persons, set | frozenset | dict) else set(persons)
    return [problem("in.evidence_person", file=file, field=f"evidence[{i}].person",
                    value=e.person, hint="ih.evidence_person")
            for i, e in enumerate(evidence, start=1) if e.person not in known]


def load_organisation(path: str | Path | Document, *,
                      allow_outside: bool = False) -> Organisation:
    """Read an organisation file (``.toml``, or ``.json``) and its payroll into memory.

    For large payrolls, :func:`psoladder.assess_file` streams the payroll instead.

    Args:
        path: The organisation file.
        allow_outside: Read a payroll file that lies outside the organisation
            file's folder (by default refused, so a file uploaded by someone
            else cannot make psoladder read other files).

    Raises:
        InputError: Every problem of the file and its payroll file, located.
    """
    if isinstance(path, Document):
        doc, base, name = path.content, path.base, path.name
    else:
        doc, base, name = read_document(path)
    return organisation_from_mapping(doc, base=base, file=name, allow_outside=allow_outside)


def organisation_from_mapping(doc: Mapping[str, Any], *, base: Path | None = None,
                              file: str | None = None,
                              allow_outside: bool = False) -> Organisation:
    """Build an :class:`~psoladder.model.Organisation` from parsed file content.

    The inline ``[[employment]]`` rows come first, then the payroll file's.

    Args:
        doc: The parsed document.
        base: Folder that a payroll path is relative to.
        file: The file name, for error locations.
        allow_outside: Allow a payroll path outside ``base``.
    """
    parts = organisation_parts(doc, base=base, file=file, allow_outside=allow_outside)
    problems = list(parts.problems)
    employments = list(parts.employments)
    reading: tuple[Any, ...] = ()
    if parts.payroll is not None and parts.payroll_name is not None:
        try:
            read = read_payroll(parts.payroll, name=parts.payroll_name,
                                fmt=parts.payroll_format)
            employments.extend(read.employments)
            reading = read.notices
        except InputError as exc:
            problems.extend(payroll_problems(exc, file))
    if problems:
        raise InputError(problems)
    problems = parts.consistency(employments) + evidence_problems(
        parts.evidence, {e.person for e in employments}, file)
    if problems:
        raise InputError(problems)
    return parts.organisation(employments, reading=reading)


def example_path() -> Path:
    """Path of the embedded example organisation file (a cleaning company, ~120 people)."""
    return Path(__file__).resolve().parent.parent / "data" / "example" / "organisation.toml"


def load_example() -> Organisation:
    """The embedded example organisation, as ``psoladder example`` assesses it.

    >>> load_example().name
    'Schoonmaakbedrijf De Glansrijke B.V.'
    """
    return load_organisation(example_path())
