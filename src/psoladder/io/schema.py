"""The JSON Schema of the organisation file (TOML and JSON), built from the reader itself.

Editors validate and complete an organisation file with it: VS Code and
others through ``"$schema"`` in a JSON file, Taplo / Even Better TOML
through a ``#:schema organisation.schema.json`` comment in a TOML file. The
schema is shipped as ``psoladder/data/organisation.schema.json``
(:func:`schema_path`), printed by ``psoladder schema``, and the
documentation's reference of the organisation file is generated from it.

It is built here from what the strict reader (:mod:`psoladder.io.orgfile`)
accepts: the keys of each table are the input fields of its class
(:func:`~psoladder.model.input_fields`), each described by its class's
docstring, and the ``[payroll]`` table's keys are
:data:`~psoladder.io.payroll.PAYROLL_KEYS`. A test keeps the shipped file equal
to :func:`organisation_schema` and every accepted key in it.

TOML dates are written as ``YYYY-MM-DD`` strings in JSON; numbers may be
given as text where people write them (``"€ 1.250,50"``).

>>> schema = organisation_schema()
>>> sorted(schema["required"])
['application_date', 'kvk', 'name']
>>> schema["properties"]["payroll"]["properties"]["date_format"]["examples"][:2]
['dd-mm-jjjj', 'jjjj-mm-dd']
"""

from __future__ import annotations

import enum
import json
import re
from pathlib import Path
from typing import Any

import attrs

from psoladder import model
from psoladder.io.formats import DateFormat
from psoladder.io.payroll import PayrollFormat
from psoladder.limits import (
    FIRST_DATE,
    FTE,
    HOURS,
    LAST_DATE,
    MAX_HEADER_ROW,
    MAX_MAPPINGS,
    MAX_SHEET_NAME_CHARS,
    MAX_TEXT_CHARS,
    MONEY,
    PERCENT,
    NumberBound,
)

__all__ = ["SCHEMA_ID", "organisation_schema", "schema_path", "schema_text"]

#: The schema's identifier.
SCHEMA_ID = "https://psoladder.readthedocs.io/organisation.schema.json"

_DATES = {"start", "end", "inflow", "status_until", "school_left", "ww_since", "status_lost",
          "placement_start", "invoice_date", "certificate_valid_from",
          "certificate_valid_until", "approved_on", "application_date"}
_NUMBERS: dict[str, NumberBound] = {
    "hours_per_week": HOURS, "fulltime_hours": HOURS, "amount": MONEY,
    "supplier_turnover": MONEY, "supplier_fte": FTE, "supplier_direct_pct": PERCENT}
_COUNTS = {"files_sampled": 1, "files_with_appraisals": 0}
_ENUMS: dict[str, type[enum.Enum]] = {"contract": model.ContractType,
                                      "target_group": model.TargetGroup,
                                      "supplier_kind": model.SupplierKind}
_KVK = {"type": "string", "pattern": "^[0-9]{8}$"}


def _descriptions(cls: type[Any]) -> dict[str, str]:
    """The ``Attributes:`` section of a class docstring, by attribute."""
    doc = cls.__doc__ or ""
    section = doc.split("Attributes:", 1)[1] if "Attributes:" in doc else ""
    out: dict[str, str] = {}
    name = None
    for line in section.splitlines():
        m = re.match(r"^ {8}(\w+): (.*)$", line)
        if m:
            name = m.group(1)
            out[name] = m.group(2).strip()
        elif name and line.startswith(" " * 12):
            out[name] += " " + line.strip()
        elif line.strip():
            name = None
    return {k: re.sub(r":\w+:`~?([^`]+)`", r"\1", v).replace("``", "`")
            for k, v in out.items()}


def _value(name: str, description: str, cls: type[Any] | None = None) -> dict[str, Any]:
    out: dict[str, Any]
    if name in _DATES:
        out = {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
               "description": description + f" A date from {FIRST_DATE} to {LAST_DATE}."}
        return out
    if name in _NUMBERS:
        bound = _NUMBERS[name]
        low = "minimum" if bound.low_inclusive else "exclusiveMinimum"
        return {"type": ["number", "string"], low: int(bound.low),
                "maximum": int(bound.high),
                "description": f"{description} {bound.describe().capitalize()}."}
    if name in _COUNTS:
        return {"type": "integer", "minimum": _COUNTS[name], "description": description}
    if name in _ENUMS:
        codes = [m.value for m in _ENUMS[name]]
        return {"type": "string", "enum": codes if name != "target_group" else [*codes, ""],
                "description": description}
    if name in ("supplier_kvk",):
        return {**_KVK, "description": description}
    field = attrs.fields_dict(cls).get(name) if cls is not None else None
    if field is not None and field.default is False:
        return {"type": "boolean", "description": description}
    return {"type": "string", "minLength": 1, "maxLength": MAX_TEXT_CHARS,
            "description": description}


def _table(cls: type[Any], title: str, *, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    described = _descriptions(cls)
    fields = [n for n in model.input_fields(cls) if n not in skip]
    required = [n for n, f in model.input_fields(cls).items()
                if f.default is attrs.NOTHING and n not in skip]
    out: dict[str, Any] = {
        "type": "object", "title": title, "additionalProperties": False,
        "properties": {n: _value(n, described.get(n, n), cls) for n in fields}}
    if required:
        out["required"] = required
    return out


def _mapping(description: str, values: dict[str, Any], longest: int) -> dict[str, Any]:
    return {"type": "object", "description": description, "maxProperties": MAX_MAPPINGS,
            "propertyNames": {"maxLength": longest}, "additionalProperties": values}


def _payroll() -> dict[str, Any]:
    described = _descriptions(PayrollFormat)
    fields = list(model.input_fields(model.Employment))
    contract = [m.value for m in model.ContractType]
    groups = [m.value for m in model.TargetGroup]
    return {
        "type": "object", "title": "[payroll]", "additionalProperties": False,
        "description": "The payroll export and how it is written.",
        "properties": {
            "file": {"type": "string", "minLength": 1, "maxLength": MAX_TEXT_CHARS,
                     "description": "The payroll file (.csv, .xlsx, .xlsm), relative to the "
                     "organisation file and inside its folder. Same as `employments`, "
                     "which may not be given as well."},
            "sheet": {"type": "string", "minLength": 1, "maxLength": MAX_SHEET_NAME_CHARS,
                      "description": described["sheet"]},
            "header_row": {"type": "integer", "minimum": 1, "maximum": MAX_HEADER_ROW,
                           "description": described["header_row"]},
            "date_format": {"type": "string", "description": described["date_format"],
                            "examples": [f.pattern("nl") for f in (
                                DateFormat.DMY_DASH, DateFormat.ISO, DateFormat.DMY_SLASH,
                                DateFormat.DMY_DOT, DateFormat.MDY_SLASH)] + ["d-m-jjjj"],
                            "pattern": r"^([Ii][Ss][Oo]|[dDmMyYjJ]{1,4}([-/.][dDmMyYjJ]{1,4}){2})$"},
            "decimal_mark": {"type": "string", "enum": [",", ".", "comma", "point", "komma",
                                                        "punt"],
                             "description": described["decimal_mark"]},
            "strict": {"type": "boolean", "description": described["strict"]},
            "columns": _mapping(described["columns"], {"type": "string", "enum": fields}, 200),
            "values": {
                "type": "object", "additionalProperties": False,
                "description": "The export's own codes and what each means.",
                "properties": {
                    "contract": _mapping(described["contract_values"],
                                         {"type": "string", "enum": contract}, MAX_TEXT_CHARS),
                    "target_group": _mapping(described["target_group_values"],
                                             {"type": "string", "enum": [*groups, ""]},
                                             MAX_TEXT_CHARS)}},
        }}


def organisation_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of an organisation file."""
    described = _descriptions(model.Organisation)
    top = _table(model.Organisation, "organisation",
                 skip=("employments", "purchases", "evidence", "entities", "peiljaar",
                       "aspirant_plan", "recertification", "kvk"))
    props = top["properties"]
    top["required"] = sorted({*top.get("required", ()), "kvk"})
    props["kvk"] = {"description": described["kvk"],
                    "oneOf": [_KVK, {"type": "array", "items": _KVK, "minItems": 1}]}
    props["peiljaar"] = {
        "type": "object", "description": described["peiljaar"], "additionalProperties": False,
        "required": ["start", "end"],
        "properties": {k: _value(k, f"The peiljaar's {'first' if k == 'start' else 'last'} "
                                    "day.") for k in ("start", "end")}}
    props["employments"] = {"type": "string", "minLength": 1,
                            "description": "The payroll file (.csv, .xlsx), relative to this "
                            "file; the older form of `[payroll] file`."}
    props["payroll"] = _payroll()
    props["employment"] = {"type": "array", "items": _table(model.Employment, "[[employment]]"),
                           "description": "Employment periods written in this file (one "
                           "table each), before the payroll file's rows."}
    purchase = _table(model.Purchase, "[[purchase]]")
    props["purchase"] = {"type": "array", "items": purchase,
                         "description": "Purchases at PSO-certified suppliers and "
                         "SW-bedrijven in the peiljaar (R-IND)."}
    props["purchases"] = {"type": "array", "items": purchase,
                          "description": "The same as `purchase`."}
    props["evidence"] = {"type": "array", "items": _table(model.Evidence, "[[evidence]]"),
                         "description": described["evidence"]}
    props["entity"] = {"type": "array", "items": _table(model.Entity, "[[entity]]"),
                       "description": described["entities"]}
    props["aspirant_plan"] = _table(model.AspirantPlan, "[aspirant_plan]")
    props["aspirant_plan"]["description"] = described["aspirant_plan"]
    props["recertification"] = _table(model.Recertification, "[recertification]")
    props["recertification"]["description"] = described["recertification"]
    props["scenario"] = {
        "type": "array", "description": "Plans to assess beside the organisation as it is "
        "(psoladder assess --scenario NAME); see the planning page.",
        "items": {"type": "object", "required": ["name"], "additionalProperties": False,
                  "properties": {"name": {"type": "string"},
                                 "description": {"type": "string"},
                                 "extends": {"type": "string"},
                                 "changes": {"type": "array", "items": {"type": "object"}}}}}
    props["$schema"] = {"type": "string", "description": "The schema an editor checks this "
                        "file with; not read by psoladder."}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            "title": "psoladder organisation file",
            "description": "An organisation's PSO application: who it is, when it applies, "
            "its payroll export and its purchases (TOML, or JSON with the same keys).",
            **{k: v for k, v in top.items() if k != "title"}}


def schema_text() -> str:
    """The schema as the shipped file holds it (JSON, 2-space indent, a final newline)."""
    return json.dumps(organisation_schema(), indent=2, ensure_ascii=False) + "\n"


def schema_path() -> Path:
    """The shipped schema file."""
    return Path(__file__).resolve().parent.parent / "data" / "organisation.schema.json"
