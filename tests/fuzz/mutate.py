"""Hypothesis strategies that mutate the example files into hostile ones.

Three levels: bytes (flips, cuts, splices of hostile tokens), documents
(TOML/JSON organisation files parsed, a value replaced, a key added or
removed, a shape changed, then written back) and tables (payroll cells,
columns, quoting and dialect). The hostile values are the classes of issue
#16: huge exponents and integers, dates at the end of time, deep nesting,
control characters, Unicode digits, wrong types and shapes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

import psoladder

ROOT = Path(__file__).resolve().parent.parent.parent

#: Hostile snippets for byte-level splicing and cell values.
TOKENS: list[bytes] = [
    b"1e-999999999", b"1e100000000", b"9" * 5000, b"-0", b"1_000", b"NaN", b"inf",
    b"\xd9\xa3\xd9\xa2", b"\xef\xbc\x93\xef\xbc\x92",  # Arabic-Indic and fullwidth digits
    b"9999-12-31", b"0001-01-01", b"2023-02-30", b"2023-W05-3", b"1899-12-31",
    b"[" * 40, b"{a=" * 40, b"a." * 40 + b"a = 1", b"]]", b"}",
    b'"', b"'", b'"""', b"\n", b"\r", b"\r\n", b",", b";", b"\t", b"\x00", b"\xff\xfe",
    b"\x1b[31m", b"\xe2\x80\xae", b"true", b"TRUE", b"[]", b"{}",
    b"../../../../etc/passwd", b"/dev/zero", b"/proc/self/environ", b"payroll.xlsx",
    b"x" * 3000, b"\xef\xbb\xbf",
]

_DECIMALS = ["1e-999999999", "1e100000000", "1E+30", "0.00001", "168.0001", "-1", "0",
             "1000000000000.01", "100.0001", "32.5", "40", "0.0001"]

#: Python values a document may hold in place of a good one.
hostile_values: st.SearchStrategy[Any] = st.one_of(
    st.sampled_from([Decimal(d) for d in _DECIMALS]),
    st.integers(min_value=-(10**45), max_value=10**45),
    st.sampled_from([dt.date(9999, 12, 31), dt.date(1, 1, 1), dt.date(1899, 12, 31),
                     dt.date(2100, 12, 31), dt.date(1900, 1, 1),
                     dt.datetime(2023, 1, 1, 12, 30), dt.time(8, 0)]),
    st.booleans(),
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=150, max_size=400),
    st.sampled_from(["", "wajong", "ww", "regular", "placement", "vast", "2023-01-01",
                     "2100-12-31", "12345678", "١٢٣٤٥٦٧٨", "p.csv", "../p.csv",
                     "/etc/passwd", "payroll.csv", "\x1b[2J", "a|b`c[d](e)", "$\\frac{a}{"]),
    st.lists(st.integers(min_value=0, max_value=99), max_size=3),
    st.dictionaries(st.sampled_from(["start", "end", "x", "person"]),
                    st.sampled_from(["2023-01-01", "x", 1]), max_size=3),
)


def example_seed() -> tuple[str, str]:
    """The embedded example: organisation TOML and a short payroll.

    The payroll keeps every target-group person (the evidence names them)
    and the first 30 others, so an unmutated seed assesses.
    """
    folder = psoladder.example_path().parent
    header, *rows = (folder / "payroll.csv").read_text(encoding="utf-8").splitlines(
        keepends=True)
    kept = [r for r in rows if r.startswith("D")] + [r for r in rows if not r.startswith("D")][:30]
    return psoladder.example_path().read_text(encoding="utf-8"), header + "".join(kept)


def export_seed() -> tuple[str, str]:
    """The Dutch export of issue 12 (title block, semicolons, Dutch dates) and its file."""
    folder = ROOT / "examples" / "export"
    org = (folder / "organisatie.toml").read_text(encoding="utf-8")
    payroll = (folder / "loonexport.csv").read_text(encoding="utf-8-sig")
    return org.replace("loonexport.csv", "payroll.csv"), payroll


def seeds() -> dict[str, bytes]:
    """Seed organisation files, by name (TOML and JSON)."""
    org, _ = example_seed()
    small = (ROOT / "examples" / "small" / "organisation.toml").read_text(encoding="utf-8")
    medium = (ROOT / "examples" / "medium" / "organisation.toml").read_text(encoding="utf-8")
    out = {"example.toml": org.encode(), "small.toml": small.encode(),
           "medium.toml": medium.replace("loonadministratie.csv", "payroll.csv").encode()}
    # issue 12: a [payroll] table with mappings, a date format and a header row
    export = (ROOT / "examples" / "export" / "organisatie.toml").read_text(encoding="utf-8")
    out["export.toml"] = export.replace("loonexport.csv", "payroll.csv").replace(
        "[payroll.values", 'date_format = "jjjj-mm-dd"\nheader_row = 1\n\n[payroll.values', 1
    ).encode()
    import tomllib

    doc = tomllib.loads(small, parse_float=Decimal)
    out["small.json"] = json.dumps(doc, default=_json_default).encode()
    return out


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value) if value.is_finite() and len(str(value)) < 20 else str(value)
    raise TypeError(type(value).__name__)


# ---------------------------------------------------------------- bytes

@st.composite
def byte_mutations(draw: st.DrawFn, data: bytes, most: int = 4) -> bytes:
    """``data`` with a few flips, cuts, duplications and hostile splices."""
    out = bytearray(data)
    for _ in range(draw(st.integers(min_value=1, max_value=most))):
        if not out:
            out.extend(draw(st.sampled_from(TOKENS)))
            continue
        # A position as a share of the length: what is drawn never depends on
        # the data (a workbook's bytes differ between runs).
        at = draw(st.integers(min_value=0, max_value=2**16 - 1)) * len(out) // 2**16
        op = draw(st.sampled_from(["flip", "cut", "dup", "splice", "splice", "replace"]))
        if op == "flip":
            out[at] ^= 1 << draw(st.integers(min_value=0, max_value=7))
        elif op == "cut":
            del out[at:at + draw(st.integers(min_value=1, max_value=64))]
        elif op == "dup":
            piece = out[at:at + draw(st.integers(min_value=1, max_value=200))]
            out[at:at] = piece * draw(st.integers(min_value=1, max_value=20))
        elif op == "splice":
            out[at:at] = draw(st.sampled_from(TOKENS))
        else:
            end = out.find(b"\n", at)
            end = len(out) if end < 0 else end
            out[at:end] = draw(st.sampled_from(TOKENS))
    return bytes(out)


# ---------------------------------------------------------------- documents

def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(doc, dict):
        for key, value in doc.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            found += _paths(value, (*prefix, i))
    return found


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> None:
    for key in path[:-1]:
        doc = doc[key]
    doc[path[-1]] = value


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        doc = doc[key]
    return doc


@st.composite
def document_mutations(draw: st.DrawFn, doc: dict[str, Any], most: int = 3) -> dict[str, Any]:
    """A copy of ``doc`` with values replaced, keys added or removed, shapes changed."""
    doc = json.loads(json.dumps(doc, default=_keep), object_hook=_restore)
    for _ in range(draw(st.integers(min_value=1, max_value=most))):
        paths = _paths(doc)
        op = draw(st.sampled_from(["value", "value", "value", "delete", "add", "wrap",
                                   "unwrap", "repeat"]))
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = _get(doc, path[:-1])
        if op == "value":
            _set(doc, path, draw(hostile_values))
        elif op == "delete" and isinstance(parent, dict):
            del parent[path[-1]]
        elif op == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["foo", "Person", "hours", "employments", "kvk",
                                         "evidence", "peiljaar", "x" * 300]))] = draw(
                hostile_values)
        elif op == "wrap":
            _set(doc, path, [_get(doc, path)])
        elif op == "unwrap":
            value = _get(doc, path)
            if isinstance(value, list) and value:
                _set(doc, path, value[0])
        elif op == "repeat" and isinstance(parent, list):
            parent.extend([parent[path[-1]]] * draw(st.integers(min_value=1, max_value=60)))
    return doc


# JSON round trip of a parsed document, keeping dates and decimals.
def _keep(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return {"__dt__": value.isoformat()}
    if isinstance(value, dt.date):
        return {"__d__": value.isoformat()}
    if isinstance(value, dt.time):
        return {"__t__": value.isoformat()}
    if isinstance(value, Decimal):
        return {"__dec__": str(value)}
    raise TypeError(type(value).__name__)


def _restore(obj: dict[str, Any]) -> Any:
    if "__dt__" in obj:
        return dt.datetime.fromisoformat(obj["__dt__"])
    if "__d__" in obj:
        return dt.date.fromisoformat(obj["__d__"])
    if "__t__" in obj:
        return dt.time.fromisoformat(obj["__t__"])
    if "__dec__" in obj:
        return Decimal(obj["__dec__"])
    return obj


def _toml_string(text: str) -> str:
    escaped = []
    for char in text:
        if char in '"\\':
            escaped.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F or 0xD800 <= ord(char) <= 0xDFFF:
            escaped.append(f"\\u{ord(char):04x}" if not 0xD800 <= ord(char) <= 0xDFFF
                           else "\\ufffd")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


def _toml_key(key: Any) -> str:
    key = str(key)
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _toml_string(key)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        if value.is_nan():
            return "nan"
        if value.is_infinite():
            return "inf" if value > 0 else "-inf"
        text = str(value)
        return text if any(c in text for c in ".eE") else text + ".0"
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}"
                                for k, v in value.items()) + " }"
    raise TypeError(type(value).__name__)


def to_toml(doc: dict[str, Any]) -> str:
    """A TOML text of ``doc`` (tables and arrays of tables after the plain keys)."""
    lines, tables = [], []
    for key, value in doc.items():
        if isinstance(value, dict) or (isinstance(value, list) and value
                                       and all(isinstance(v, dict) for v in value)):
            tables.append((key, value))
        else:
            lines.append(f"{_toml_key(key)} = {_toml_value(value)}")
    for key, value in tables:
        for table in (value if isinstance(value, list) else [value]):
            lines.append(f"[[{_toml_key(key)}]]" if isinstance(value, list)
                         else f"[{_toml_key(key)}]")
            lines.extend(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in table.items())
    return "\n".join(lines) + "\n"


def to_json(doc: dict[str, Any]) -> str:
    """A JSON text of ``doc`` (decimals as numbers, dates as ISO strings)."""
    def number(value: Any) -> Any:
        if isinstance(value, Decimal):
            return _RawNumber(str(value))
        if isinstance(value, dt.date | dt.time):
            return value.isoformat()
        raise TypeError(type(value).__name__)

    text = json.dumps(doc, default=number)
    return re.sub(r'"__raw__:([^"]*)"', r"\1", text)


class _RawNumber(str):
    def __new__(cls, text: str) -> _RawNumber:
        return super().__new__(cls, "__raw__:" + text)


# ---------------------------------------------------------------- payroll tables

hostile_cells: st.SearchStrategy[str] = st.one_of(
    st.sampled_from([t.decode("utf-8", "replace") for t in TOKENS if len(t) < 100]),
    st.sampled_from(_DECIMALS + ["32,5", "1.032,5", "2023-01-01", "2100-12-31", "wajong",
                                 "ww", "placement", "ja", "nee", "", " ", "E00001",
                                 # issue 12: dates and numbers as exports write them
                                 "11-03-2016", "1-3-2016", "03/25/2016", "30-02-2023",
                                 "11.03.2016", "11-03-16", "11-03-2016 00:00", "42440",
                                 "12,500", "1,234.5", "€ 1.250,50", "25 %", "Oproepkracht",
                                 "Banenafspraak", "Geen", "n.v.t."]),
    st.text(max_size=30),
)


@st.composite
def table_mutations(draw: st.DrawFn, text: str, most: int = 4, delimiter: str = ",") -> bytes:
    """A payroll CSV with cells, columns, quoting and dialect changed."""
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    for _ in range(draw(st.integers(min_value=1, max_value=most))):
        op = draw(st.sampled_from(["cell", "cell", "cell", "header", "add_column",
                                   "drop_column", "blank", "duplicate", "ragged"]))
        r = draw(st.integers(min_value=0, max_value=len(rows) - 1))
        width = max(len(rows[r]), 1)
        c = draw(st.integers(min_value=0, max_value=width - 1))
        if op == "cell" and rows[r] and c < len(rows[r]):
            rows[r][c] = draw(hostile_cells)
        elif op == "header":
            name = draw(st.sampled_from(["", "Personeelsnummer", "uren", "x" * 300, "person",
                                         "hours_per_week", "doelgroep", "notes", "Naam",
                                         "Datum in dienst", "hours_per_weak"]))
            if rows[0]:
                rows[0][min(c, len(rows[0]) - 1)] = name
            else:
                rows[0].append(name)
        elif op == "add_column":
            for row in rows:
                row.insert(c, draw(hostile_cells) if row is not rows[0] else "")
        elif op == "drop_column":
            for row in rows:
                if c < len(row):
                    del row[c]
        elif op == "blank":
            rows.insert(r + 1, [])
        elif op == "duplicate":
            rows.extend([rows[r]] * draw(st.integers(min_value=1, max_value=30)))
        else:
            rows[r] = rows[r][: draw(st.integers(min_value=0, max_value=width))]
    out = io.StringIO()
    delimiter = draw(st.sampled_from([",", ",", ";"]))
    csv.writer(out, delimiter=delimiter, lineterminator=draw(
        st.sampled_from(["\n", "\r\n", "\r"]))).writerows(rows)
    data = out.getvalue().encode("utf-8")
    if draw(st.booleans()):
        data = draw(byte_mutations(data, most=2))
    return (b"\xef\xbb\xbf" if draw(st.booleans()) else b"") + data


xlsx_cells: st.SearchStrategy[Any] = st.one_of(
    hostile_cells.filter(lambda s: not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", s)),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.sampled_from([dt.datetime(2023, 1, 1), dt.datetime(2023, 1, 1, 13, 45),
                     dt.date(2100, 12, 31), dt.time(9, 30), dt.timedelta(days=3), None]),
)


@st.composite
def workbook_rows(draw: st.DrawFn, text: str) -> list[list[Any]]:
    """Payroll rows for a workbook, with typed hostile cells."""
    rows: list[list[Any]] = [list(r) for r in csv.reader(io.StringIO(text))][:15]
    for _ in range(draw(st.integers(min_value=1, max_value=5))):
        r = draw(st.integers(min_value=0, max_value=len(rows) - 1))
        c = draw(st.integers(min_value=0, max_value=len(rows[r]) + 1))
        value = draw(xlsx_cells)
        if c < len(rows[r]):
            rows[r][c] = value
        else:
            rows[r].append(value)
    for row in rows[1:]:
        for i, cell in enumerate(row):
            if isinstance(cell, str) and re.fullmatch(r"[0-9]+(\.[0-9]+)?", cell) and \
                    draw(st.booleans()):
                row[i] = float(cell) if "." in cell else int(cell)
    return rows
