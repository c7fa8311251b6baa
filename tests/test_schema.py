"""Issue 12: the JSON Schema of the organisation file stays in step with the reader."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from psoladder.io import orgfile
from psoladder.io.payroll import PAYROLL_KEYS
from psoladder.io.schema import organisation_schema, schema_path, schema_text
from psoladder.model import input_fields
from psoladder.starter import starter_files

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = organisation_schema()


def test_the_shipped_file_is_the_schema() -> None:
    assert schema_path().read_text(encoding="utf-8") == schema_text(), (
        "regenerate: python -c 'from psoladder.io.schema import *; "
        "schema_path().write_text(schema_text())'")
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_every_key_the_reader_accepts_is_in_the_schema_and_no_other() -> None:
    props = SCHEMA["properties"]
    assert set(props) == set(orgfile._TOP)
    for key, kind in orgfile._LISTS.items():
        assert set(props[key]["items"]["properties"]) == set(input_fields(kind)), key
    for key, kind in orgfile._TABLE.items():
        keys = {"start", "end"} if kind is None else set(input_fields(kind))
        assert set(props[key]["properties"]) == keys, key
    assert set(props["payroll"]["properties"]) == set(PAYROLL_KEYS)
    assert set(props["payroll"]["properties"]["values"]["properties"]) == {
        "contract", "target_group"}
    assert set(SCHEMA["required"]) == set(orgfile._REQUIRED)


def _json(value: Any) -> Any:
    """A parsed TOML document as its JSON form: dates as text, decimals as numbers."""
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


EXAMPLES = sorted({*ROOT.glob("examples/*/*.toml"), *ROOT.glob("src/psoladder/data/example/*.toml")})


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_example_files_validate(path: Path) -> None:
    doc = tomllib.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    jsonschema.validate(_json(doc), SCHEMA)


def test_the_new_files_validate() -> None:
    for lang in ("nl", "en"):
        text = next(iter(starter_files(lang, dt.date(2026, 11, 29)).values()))
        jsonschema.validate(_json(tomllib.loads(text, parse_float=Decimal)), SCHEMA)


@pytest.mark.parametrize("bad", [
    {"color": 1}, {"kvk": "123"}, {"payroll": {"sheet": ""}},
    {"payroll": {"columns": {"Nr": "salary"}}},
    {"payroll": {"values": {"contract": {"Oproep": "oproep"}}}},
    {"employment": [{"person": "A", "start": "2020-01-01"}]},
    {"employment": [{"person": "A", "start": "1-1-2020", "hours_per_week": 40}]},
    {"purchase": [{"supplier": "S", "amount": 1, "supplier_turnover": 2, "supplier_fte": 1,
                   "supplier_direct_pct": 101}]},
])
def test_the_schema_refuses_what_the_reader_refuses(bad: dict[str, Any]) -> None:
    doc = {"name": "X", "kvk": ["12345678"], "application_date": "2024-05-01", **bad}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA)
    with pytest.raises(orgfile.InputError):
        orgfile.organisation_from_mapping(json.loads(json.dumps(doc)), base=ROOT)


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    from psoladder.cli import run

    assert run(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == SCHEMA
