"""Organisation files: TOML (or JSON with the same keys).

Keys (see the design's organisation file): ``name``, ``kvk``,
``application_date``, ``fulltime_hours``, ``peiljaar = {start, end}``,
``employments`` (a payroll file path relative to the organisation file),
``[[employment]]`` tables (inline rows; both may be given),
``[[purchase]]`` tables, ``[[evidence]]`` tables, ``[aspirant_plan]`` and
``[recertification]``; the applicant's group as ``[[entity]]`` tables (name,
kvk) and plans as ``[[scenario]]`` tables (checked here, read by
:func:`psoladder.planning.files.load_scenarios`). Unknown keys are errors,
so a misspelt key is never silently ignored. Numbers are read exactly (TOML
and JSON floats become ``Decimal``).
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from psoladder.errors import InputError, Problem
from psoladder.io.payroll import PayrollRead, read_payroll
from psoladder.model import (
    AspirantPlan,
    Employment,
    Entity,
    Evidence,
    Organisation,
    Purchase,
    Recertification,
)
from psoladder.planning.scenarios import scenario_problems

__all__ = [
    "example_path",
    "load_example",
    "load_organisation",
    "organisation_from_mapping",
    "read_document",
]

_TOP = {"name", "kvk", "application_date", "fulltime_hours", "peiljaar", "employments",
        "employment", "purchase", "purchases", "evidence", "aspirant_plan", "recertification",
        "sw_organisation", "cedris_voucher",
        "entity", "scenario"}  # issue 15


def read_document(path: str | Path) -> tuple[Mapping[str, Any], Path, str]:
    """Parse an organisation file: its content, its folder and its name.

    Raises:
        InputError: When the file is missing, not UTF-8, or not valid TOML/JSON.
    """
    path = Path(path)
    try:
        text = path.read_text("utf-8-sig")
    except FileNotFoundError:
        raise InputError.single("organisation file not found", value=str(path),
                                hint="check the path") from None
    except IsADirectoryError:
        raise InputError.single("this is a folder, not an organisation file", value=str(path),
                                hint="give the .toml or .json file") from None
    except UnicodeDecodeError:
        raise InputError([Problem("the file is not UTF-8", file=path.name,
                                  hint="save it as UTF-8")]) from None
    try:
        if path.suffix.lower() == ".json":
            doc = json.loads(text, parse_float=Decimal)
        else:
            doc = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise InputError([Problem(f"not valid TOML: {exc}", file=path.name,
                                  hint="see https://toml.io for the syntax")]) from None
    except json.JSONDecodeError as exc:
        raise InputError([Problem(f"not valid JSON: {exc.msg}", file=path.name, row=exc.lineno,
                                  hint="check the brackets and quotes")]) from None
    if not isinstance(doc, Mapping):
        raise InputError([Problem("the file must hold a table of keys", file=path.name)])
    return doc, path.parent, path.name


def load_organisation(path: str | Path) -> Organisation:
    """Read an organisation file (``.toml``, or ``.json``) and its payroll into memory.

    For large payrolls, :func:`psoladder.assess_file` streams the payroll instead.

    Raises:
        InputError: Every problem of the file and its payroll file, located.
    """
    doc, base, name = read_document(path)
    return organisation_from_mapping(doc, base=base, file=name)


def _items(doc: Mapping[str, Any], key: str) -> list[Any]:
    value = doc.get(key, [])
    return value if isinstance(value, list) else [value]


def organisation_from_mapping(doc: Mapping[str, Any], *, base: Path | None = None,
                              file: str | None = None) -> Organisation:
    """Build an :class:`~psoladder.model.Organisation` from parsed file content.

    Args:
        doc: The parsed document.
        base: Folder that a payroll path is relative to.
        file: The file name, for error locations.
    """
    problems: list[Problem] = []
    for key in doc:
        if key not in _TOP:
            problems.append(Problem(f"unknown key {key!r}", file=file, field=key,
                                    hint="known keys: " + ", ".join(sorted(_TOP))))
    employments: list[Employment] = []
    payroll = doc.get("employments")
    read = None
    if isinstance(payroll, str):
        try:
            read = read_payroll((base or Path.cwd()) / payroll)
            employments.extend(read.employments)
        except InputError as exc:
            problems.extend(p.located(file=file, field="employments") for p in exc.problems)
    elif payroll is not None:
        problems.append(Problem("employments must be the path of a payroll file", file=file,
                                field="employments", hint='e.g. employments = "payroll.csv", '
                                "or give [[employment]] tables"))

    def build(key: str, kind: Any) -> list[Any]:
        built = []
        for i, item in enumerate(_items(doc, key), start=1):
            if not isinstance(item, Mapping):
                problems.append(Problem(f"{key} {i} is not a table", file=file, field=key))
                continue
            try:
                built.append(kind.from_mapping(item))
            except InputError as exc:
                problems.extend(
                    Problem(p.message, file=file, field=f"{key}[{i}].{p.field}"
                            if p.field else f"{key}[{i}]", value=p.value, hint=p.hint)
                    for p in exc.problems)
        return built

    employments.extend(build("employment", Employment))
    purchase_tables = build("purchase", Purchase)
    purchases = purchase_tables + build("purchases", Purchase)
    entities = build("entity", Entity)
    problems.extend(scenario_problems(doc.get("scenario"), file=file))
    evidence = build("evidence", Evidence)
    plan = build("aspirant_plan", AspirantPlan) if "aspirant_plan" in doc else []
    recert = None
    if "recertification" in doc:
        r = doc["recertification"]
        try:
            recert = Recertification(files_sampled=int(r["files_sampled"]),
                                     files_with_appraisals=int(r["files_with_appraisals"]))
        except (KeyError, TypeError, ValueError) as exc:
            problems.append(Problem(f"recertification: {exc}", file=file,
                                    field="recertification",
                                    hint="give files_sampled and files_with_appraisals"))
    fields = {k: doc[k] for k in ("name", "kvk", "application_date", "fulltime_hours",
                                  "peiljaar", "sw_organisation", "cedris_voucher") if k in doc}
    for required in ("name", "kvk", "application_date"):
        if required not in doc:
            problems.append(Problem("required key is missing", file=file, field=required,
                                    hint=f"add {required} = ..."))
    if problems:
        raise InputError(problems)
    try:
        return Organisation.from_mapping({
            **fields, "employments": employments, "purchases": purchases,
            "evidence": evidence, "aspirant_plan": plan[0] if plan else None,
            "recertification": recert, "entities": entities})
    except InputError as exc:
        raise InputError(_in_file(p, file, read, len(purchase_tables))
                         for p in exc.problems) from None


_ITEM = re.compile(r"^(employments|purchases|entities)\[(\d+)\](.*)$")


def _in_file(problem: Problem, file: str | None, read: PayrollRead | None,
             purchase_tables: int) -> Problem:
    """A problem of the organisation, located where its item was written (issue 15).

    ``employments[i]`` is a payroll line or an ``[[employment]]`` table (the
    payroll's rows come first), ``purchases[i]`` a ``[[purchase]]`` or
    ``[[purchases]]`` table, ``entities[i]`` an ``[[entity]]`` table.
    """
    match = _ITEM.match(problem.field or "")
    if match is None:
        return problem.located(file=file)
    kind, index, rest = match.group(1), int(match.group(2)), match.group(3)
    if kind == "employments":
        payroll_rows = len(read.employments) if read is not None else 0
        if read is not None and index <= payroll_rows:
            return attrs.evolve(problem, file=read.file, row=read.lines[index - 1],
                                field=rest.lstrip(".") or None)
        return attrs.evolve(problem, file=file, field=f"employment[{index - payroll_rows}]{rest}")
    if kind == "purchases":
        key, index = (("purchase", index) if index <= purchase_tables
                      else ("purchases", index - purchase_tables))
        return attrs.evolve(problem, file=file, field=f"{key}[{index}]{rest}")
    return attrs.evolve(problem, file=file, field=f"entity[{index}]{rest}")


def example_path() -> Path:
    """Path of the embedded example organisation file (a cleaning company, ~120 people)."""
    return Path(__file__).resolve().parent.parent / "data" / "example" / "organisation.toml"


def load_example() -> Organisation:
    """The embedded example organisation, as ``psoladder example`` assesses it.

    >>> load_example().name
    'Schoonmaakbedrijf De Glansrijke B.V.'
    """
    return load_organisation(example_path())
