"""Regression tests for hostile and broken inputs (issue #16), one or more per class.

Classes: 1 unbounded numbers, 2 unbounded dates, 3 unbounded structure,
4 files outside the user's folder, 5 silent acceptance, 6 wrong locations,
7 output injection, 8 command-line edges. Every bad input must give a located
InputError (exit 2 on the command line) within its deadline, never another
exception.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
import zipfile
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import deadline

import psoladder
from psoladder import Employment, InputError, Organisation, Purchase, assess, assess_file
from psoladder import load_organisation as load
from psoladder.cli import run
from psoladder.limits import (
    FIRST_DATE,
    LAST_DATE,
    MAX_CELL_CHARS,
    MAX_ECHO_CHARS,
    MAX_LINE_CHARS,
    MAX_NESTING,
)
from psoladder.periods import FOREVER, months_after, years_after, years_from

ORG = ('name = "X"\nkvk = ["12345678"]\napplication_date = 2024-05-01\n'
       "peiljaar = { start = 2023-01-01, end = 2023-12-31 }\n")
ROW = '[[employment]]\nperson = "A"\nstart = 2015-01-01\nhours_per_week = 40\n'
HEADER = "person,start,end,hours_per_week,contract,target_group\n"


def org_file(folder: Path, text: str, name: str = "org.toml", **files: str | bytes) -> Path:
    for file, content in files.items():
        target = folder / file.replace("__", ".")
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def refused(path: Path, seconds: float = 10, **kw: Any) -> InputError:
    """Both readers refuse ``path`` with the same located problems, in time."""
    with deadline(seconds):
        with pytest.raises(InputError) as first:
            load(path, **kw)
        with pytest.raises(InputError) as second:
            assess_file(path, **kw)
    for p in first.value.problems:
        assert p.file or p.field or p.row, p
    assert [p.field for p in first.value.problems] == [p.field for p in second.value.problems]
    return first.value


def fields(exc: InputError) -> set[str | None]:
    return {p.field for p in exc.problems}


# ---------------------------------------------------------------- 1 numbers

@pytest.mark.parametrize(("cell", "message"), [
    ("1e-999999999", "at most 4 decimals"),
    ("1e100000000", "at most 168"),
    ("32.12345", "at most 4 decimals"),
    ("168.0001", "at most 168"),
    ("0", "above 0"),
    ("1" * 41, "longer than psoladder reads"),
    ("３２", "not a number"),
    ("1_000", "not a number"),
    ("NaN", "not a number"),
    ("Infinity", "not a number"),
])
def test_hours_out_of_bounds_are_located(tmp_path: Path, cell: str, message: str) -> None:
    path = org_file(tmp_path, ORG + 'employments = "p.csv"\n',
                    p__csv=HEADER + f"A,2015-01-01,,{cell},,\n")
    exc = refused(path)
    assert exc.problems[0].row == 2
    assert exc.problems[0].field == "hours_per_week"
    assert message in exc.problems[0].message


@pytest.mark.parametrize(("hours", "ok"), [
    ("0.0001", True), ("168", True), ("168.0000", True), ("32.1234", True),
    ("0.00001", False), ("168.0001", False), ("32.12345", False)])
def test_hours_bounds_on_both_sides(hours: str, ok: bool) -> None:
    def build() -> Employment:
        return Employment(person="A", start="2023-01-01", hours_per_week=hours)

    if ok:
        assert build().hours_per_week == Decimal(hours)
    else:
        with pytest.raises(InputError, match="hours_per_week"):
            build()


@pytest.mark.parametrize(("field", "value", "ok"), [
    ("amount", "1000000000000", True), ("amount", "1000000000000.01", False),
    ("amount", "0.01", True), ("amount", "0.005", False),
    ("supplier_turnover", "1000000000000.00", True), ("supplier_turnover", "1e30", False),
    ("supplier_fte", "10000000", True), ("supplier_fte", "10000000.0001", False),
    ("supplier_fte", "0.0001", True), ("supplier_fte", "0.00001", False),
    ("supplier_direct_pct", "0", True), ("supplier_direct_pct", "100", True),
    ("supplier_direct_pct", "100.0001", False), ("supplier_direct_pct", "1e-999999", False),
])
def test_purchase_bounds_on_both_sides(field: str, value: str, ok: bool) -> None:
    values = {"supplier": "S", "amount": "1", "supplier_turnover": "1000000000000",
              "supplier_fte": "40", "supplier_direct_pct": "25", field: value}

    def build() -> Purchase:
        return Purchase(**values)

    if ok:
        assert getattr(build(), field) == Decimal(value)
    else:
        with pytest.raises(InputError) as info:
            build()
        assert info.value.problems[0].field == field


@pytest.mark.parametrize("value", [Decimal("1e-999999999"), Decimal("1" * 50), 10**5000,
                                   Fraction(1, 2**5000), "9" * 5000],
                         ids=["exponent", "digits", "int", "fraction", "text"])
def test_python_values_are_bounded_too(value: object) -> None:
    with deadline(5), pytest.raises(InputError, match="hours_per_week"):
        Employment(person="A", start="2023-01-01", hours_per_week=value)


def test_fulltime_hours_and_huge_integers_in_files(tmp_path: Path) -> None:
    exc = refused(org_file(tmp_path, ORG + "fulltime_hours = 1e-99999\n" + ROW))
    assert fields(exc) == {"fulltime_hours"}
    exc = refused(org_file(tmp_path, ORG + "fulltime_hours = " + "9" * 5000 + "\n" + ROW))
    assert "longer than psoladder reads" in exc.problems[0].message
    assert exc.problems[0].row == 5
    doc = {"name": "X", "kvk": ["12345678"], "application_date": "2024-05-01",
           "fulltime_hours": 7}
    text = json.dumps(doc).replace(": 7", ": " + "9" * 5000)
    exc = refused(org_file(tmp_path, text, name="org.json"))
    assert fields(exc) == {"fulltime_hours"}


def test_gaps_at_the_money_bounds_stay_fast() -> None:
    # The largest turnover and the smallest supplier profile make the purchase
    # gap search span ~10^31 cents: still a bisection of about 100 steps.
    staff = [Employment(person=f"S{i}", start="2015-01-01", hours_per_week=40) for i in range(9)]
    staff.append(Employment(person="W", start="2015-01-01", hours_per_week="0.0001",
                            target_group="wajong"))
    buy = Purchase(supplier="S", amount="0.01", supplier_turnover="1000000000000",
                   supplier_fte="0.0001", supplier_direct_pct="0.0001",
                   invoice_date="2023-06-01")
    org = Organisation(name="X", kvk="12345678", application_date="2024-05-01",
                       employments=staff, purchases=[buy])
    with deadline(20):
        a = assess(org)
    assert a.gaps


# ---------------------------------------------------------------- 2 dates

DATE_FIELDS = ["start", "end", "inflow", "status_until", "school_left", "ww_since",
               "status_lost", "placement_start"]


@pytest.mark.parametrize("field", DATE_FIELDS)
@pytest.mark.parametrize("day", ["9999-12-31", "1899-12-31", "0001-01-01"])
def test_payroll_dates_outside_the_range(tmp_path: Path, field: str, day: str) -> None:
    cells = {"person": "A", "start": "2015-01-01", "hours_per_week": "40",
             "target_group": "ww", "ww_since": "2014-01-01", field: day}
    text = ",".join(cells) + "\n" + ",".join(cells.values()) + "\n"
    exc = refused(org_file(tmp_path, ORG + 'employments = "p.csv"\n', p__csv=text))
    assert fields(exc) == {field}
    assert exc.problems[0].row == 2


@pytest.mark.parametrize("text", [
    ORG.replace("2024-05-01", "9999-12-31") + ROW,
    ORG.replace("2023-01-01, end = 2023-12-31", "9999-01-01, end = 9999-12-31") + ROW,
    ORG + ROW + "[aspirant_plan]\napproved_on = 9999-12-31\n",
    ORG + ROW + "[[purchase]]\nsupplier = 'S'\namount = 1\nsupplier_turnover = 10\n"
    "supplier_fte = 1\nsupplier_direct_pct = 1\ninvoice_date = 9999-12-31\n",
])
def test_organisation_dates_outside_the_range(tmp_path: Path, text: str) -> None:
    exc = refused(org_file(tmp_path, text))
    assert all("outside the dates" in p.message for p in exc.problems)


def test_application_date_argument_is_bounded(tmp_path: Path) -> None:
    org = load(org_file(tmp_path, ORG + ROW))
    with pytest.raises(InputError, match="application_date"):
        assess(org, application_date=dt.date(9999, 12, 31))
    with pytest.raises(InputError, match="application_date"):
        assess_file(tmp_path / "org.toml", application_date=dt.date(9999, 12, 31))
    assert run(["assess", str(tmp_path / "org.toml"), "--application-date", "9999-12-31"]) == 2


def test_every_window_fits_after_the_last_date(tmp_path: Path) -> None:
    rows = "".join(
        f'[[employment]]\nperson = "{p}"\nstart = 2100-01-01\nhours_per_week = 40\n'
        f'target_group = "{g}"\n{extra}\n'
        for p, g, extra in [
            ("A", "participatiewet", "inflow = 2100-12-31"),
            ("B", "vso_pro", "school_left = 2100-12-31"),
            ("C", "ww", "ww_since = 2100-12-31"),
            ("D", "status_lost_2y", "status_lost = 2100-12-31"),
            ("E", "wajong", 'contract = "placement"\nplacement_start = 2100-12-31'),
            ("F", "wsw", "status_until = 2100-12-31")])
    rows += '[[employment]]\nperson = "G"\nstart = 1900-01-01\nhours_per_week = 40\n'
    text = ('name = "X"\nkvk = "12345678"\napplication_date = 2100-12-31\n'
            "peiljaar = { start = 2099-12-30, end = 2100-12-29 }\n" + rows
            + "[aspirant_plan]\napproved_on = 2100-12-31\n")
    path = org_file(tmp_path, text)
    a = assess(load(path))
    assert a.to_dict() == assess_file(path).to_dict()
    assert a.qualitative.aspirant is not None
    assert a.qualitative.aspirant.valid_until.year == 2102


def test_date_arithmetic_clamps_to_the_calendar() -> None:
    assert years_after(LAST_DATE, 10_000) == FOREVER
    assert months_after(dt.date.max, 1) == FOREVER
    assert months_after(dt.date.min, -1) == dt.date.min
    assert str(years_from(LAST_DATE, 8_000)) == "2100-12-31..open"
    assert years_from(FIRST_DATE, 5).end == dt.date(1904, 12, 31)


@pytest.mark.parametrize("value", ["2023-W05-3", "20230131", "2023-01-01T10:00:00",
                                   dt.datetime(2023, 1, 1, 10, 0), dt.time(10, 0),
                                   "٢٠٢٣-01-01"])
def test_only_iso_dates_are_dates(value: object) -> None:
    with pytest.raises(InputError, match="start"):
        Employment(person="A", start=value, hours_per_week=40)
    assert Employment(person="A", start=dt.datetime(2023, 1, 1), hours_per_week=40).start == \
        dt.date(2023, 1, 1)


# ---------------------------------------------------------------- 3 structure

@pytest.mark.parametrize("nested", [
    "x = " + "[" * 100_000 + "]" * 100_000,
    "x = " + "{a = " * 5_000 + "1" + "}" * 5_000,
    "a" + ".a" * 100_000 + " = 1",
    "[" + ".".join(["a"] * 100_000) + "]\nb = 1",
    '"a"' + '."a"' * 50_000 + " = 1",
    "x = " + "[" * (MAX_NESTING + 1) + "]" * (MAX_NESTING + 1),
], ids=["arrays", "inline-tables", "dotted-key", "dotted-header", "quoted-dotted", "just-over"])
def test_deep_toml_is_refused_before_parsing(tmp_path: Path, nested: str) -> None:
    exc = refused(org_file(tmp_path, ORG + ROW.replace("[[employment]]", nested + "\n"
                                                       "[[employment]]")))
    assert "deeper than psoladder reads" in exc.problems[0].message
    assert exc.problems[0].row == 5


@pytest.mark.parametrize("depth", [MAX_NESTING + 1, 100_000])
def test_deep_json_is_refused(tmp_path: Path, depth: int) -> None:
    text = '{"name": "X", "x": ' + "[" * depth + "]" * depth + "}"
    exc = refused(org_file(tmp_path, text, name="org.json"))
    assert "deeper than psoladder reads" in exc.problems[0].message


def test_strings_with_brackets_are_not_nesting(tmp_path: Path) -> None:
    text = ORG.replace('name = "X"', 'name = "[[[[[[[[[[[[[[[[[[[[.........................."'
                       ) + "# [[[[[[[[[[[[[[[[[[[[[[[[[[[\n" + ROW
    assert load(org_file(tmp_path, text)).name.startswith("[[[")


@pytest.mark.parametrize(("text", "message"), [
    ("person" + "x" * 200_000 + ",start,hours_per_week\nA,2015-01-01,40\n", "longer than"),
    ('person,start,hours_per_week\n"' + "A" * 200_000 + '",2015-01-01,40\n', "longer than"),
    ('person,start,hours_per_week\n"' + "A\n" * 70_000 + '",2015-01-01,40\n', "not valid CSV"),
    ("person,start,hours_per_week\n" + "A" * (MAX_CELL_CHARS + 1) + ",2015-01-01,40\n",
     "characters long"),
    ("person,start,hours_per_week\n" + "x" * (2 * MAX_LINE_CHARS), "longer than"),
], ids=["header-cell", "quoted-cell", "multiline-cell", "long-cell", "no-line-end"])
def test_long_csv_lines_and_cells(tmp_path: Path, text: str, message: str) -> None:
    exc = refused(org_file(tmp_path, ORG + 'employments = "p.csv"\n', p__csv=text))
    assert message in str(exc)
    assert all(p.row is not None for p in exc.problems)


def _xlsx(path: Path, rows: list[list[Any]], patch: Callable[[bytes], bytes] | None = None
          ) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    if patch is not None:
        data = {i: zipfile.ZipFile(path).read(i) for i in zipfile.ZipFile(path).namelist()}
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            for name, content in data.items():
                out.writestr(name, patch(content) if "worksheets/" in name else content)
    return path


def test_xlsx_with_an_astronomical_dimension(tmp_path: Path) -> None:
    _xlsx(tmp_path / "p.xlsx", [["person", "start", "hours_per_week"], ["A", "2015-01-01", 40]],
          lambda xml: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', xml))
    path = org_file(tmp_path, ORG + 'employments = "p.xlsx"\n')
    with deadline(10):
        assert assess(load(path)).to_dict() == assess_file(path).to_dict()


def test_xlsx_value_far_right_is_refused_not_dropped(tmp_path: Path) -> None:
    def far(xml: bytes) -> bytes:
        return xml.replace(b"</row>", b'<c r="XFD2"><v>7</v></c></row>', 2).replace(
            b'<c r="XFD2"><v>7</v></c></row>', b"</row>", 1)

    _xlsx(tmp_path / "p.xlsx", [["person", "start", "hours_per_week"], ["A", "2015-01-01", 40]],
          far)
    exc = refused(org_file(tmp_path, ORG + 'employments = "p.xlsx"\n'))
    assert "column XFD" in exc.problems[0].message


def test_xlsx_broken_and_bomb(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    exc = refused(org_file(tmp_path, ORG + 'employments = "p.xlsx"\n', p__xlsx=b"not a zip"))
    assert "not an Excel workbook" in exc.problems[0].message
    path = _xlsx(tmp_path / "b.xlsx", [["person", "start", "hours_per_week"]])
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/sharedStrings2.xml", b"x" * (65 * 2**20))
    exc = refused(org_file(tmp_path, ORG + 'employments = "b.xlsx"\n'))
    assert "uncompressed" in exc.problems[0].message
    (tmp_path / "c.xlsx").write_bytes(b"PK\x05\x06" + b"\0" * 18)
    exc = refused(org_file(tmp_path, ORG + 'employments = "c.xlsx"\n'))
    assert exc.problems[0].file == "c.xlsx"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_fifo_and_devices_are_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "p.csv")
    exc = refused(org_file(tmp_path, ORG + 'employments = "p.csv"\n'), seconds=5)
    assert "not a regular file" in exc.problems[0].message
    os.mkfifo(tmp_path / "o.toml")
    with deadline(5), pytest.raises(InputError, match="not a regular file"):
        load(tmp_path / "o.toml")
    if Path("/dev/zero").exists():
        (tmp_path / "z.csv").symlink_to("/dev/zero")
        exc = refused(org_file(tmp_path, ORG + 'employments = "z.csv"\n'), seconds=5,
                      allow_outside=True)
        assert "not a regular file" in exc.problems[0].message


def test_a_file_that_changes_between_the_passes(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from psoladder.io import payroll

    # The validating engine's two passes (the columnar engine reads a file once).
    path = org_file(tmp_path, ORG + 'employments = "p.csv"\n',
                    p__csv=HEADER + "A,2015-01-01,,40,,\n")
    first_pass = payroll._first_pass  # (by blocks of rows or row by row)

    def grow(*args: Any) -> Any:
        result = first_pass(*args)
        with (tmp_path / "p.csv").open("a", encoding="utf-8") as f:
            f.write("A,2016-01-01,,40,,\n")
        return result

    monkeypatch.setattr(payroll, "_first_pass", grow)
    with pytest.raises(InputError, match="changed while"):
        assess_file(path, engine="validating")


def test_row_person_and_file_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from psoladder import model
    from psoladder.io import orgfile, payroll

    monkeypatch.setattr(payroll, "MAX_ROWS", 3)
    text = HEADER + "".join(f"P{i},2015-01-01,,40,,\n" for i in range(5))
    path = org_file(tmp_path, ORG + 'employments = "p.csv"\n', p__csv=text)
    assert "more than 3 rows" in str(refused(path))
    monkeypatch.setattr(payroll, "MAX_ROWS", 10**6)
    monkeypatch.setattr(payroll, "MAX_PERSONS", 2)
    with pytest.raises(InputError, match="more than 2 persons"):
        assess_file(path)
    monkeypatch.setattr(model, "MAX_PERSONS", 2)
    with pytest.raises(InputError, match="more than 2 persons"):
        load(path)
    monkeypatch.setattr(orgfile, "MAX_ORGANISATION_FILE_BYTES", 100)
    with pytest.raises(InputError, match="more than psoladder reads"):
        load(path)


def test_problems_are_capped_and_counted(tmp_path: Path) -> None:
    rows = "".join(f'[[employment]]\nperson = "P{i}"\nstart = "x"\nhours_per_week = 40\n'
                   for i in range(1500))
    exc = refused(org_file(tmp_path, ORG + rows))
    assert len(exc.problems) == 1000
    assert exc.problems[-1].message == "employment 1000 to 1500 were not checked"


# ---------------------------------------------------------------- 4 paths

@pytest.mark.parametrize("written", ["../../../../../../../../etc/passwd", "/proc/self/environ",
                                     "/etc/passwd", ".", "../outside.csv", "/dev/zero"])
def test_payroll_paths_outside_the_folder_or_unknown(tmp_path: Path, written: str) -> None:
    (tmp_path / "outside.csv").write_text(HEADER + "A,2015-01-01,,40,,\n", encoding="utf-8")
    folder = tmp_path / "upload"
    folder.mkdir()
    exc = refused(org_file(folder, ORG + f'employments = "{written}"\n'))
    assert fields(exc) == {"employments"}
    text = str(exc)
    assert not [secret for secret in ("root:", "PATH=", "HOME=") if secret in text]


def test_symlink_out_of_the_folder_and_allow_outside(tmp_path: Path) -> None:
    (tmp_path / "outside.csv").write_text(HEADER + "A,2015-01-01,,40,,\n", encoding="utf-8")
    folder = tmp_path / "upload"
    folder.mkdir()
    (folder / "p.csv").symlink_to(tmp_path / "outside.csv")
    path = org_file(folder, ORG + 'employments = "p.csv"\n')
    assert "outside the organisation file's folder" in str(refused(path))
    assert load(path, allow_outside=True).employments[0].person == "A"
    assert assess_file(path, allow_outside=True).total_fte == 1
    assert run(["assess", str(path)]) == 2
    assert run(["assess", str(path), "--allow-outside-paths", "--format", "json"]) == 0


def test_a_foreign_file_never_reaches_a_message(tmp_path: Path) -> None:
    secret = "root:x:0:0:SECRET-TOKEN:/root:/bin/bash\nSECRET2=abc\n"
    exc = refused(org_file(tmp_path, ORG + 'employments = "p.csv"\n', p__csv=secret))
    assert "SECRET" not in str(exc)
    assert "not a payroll header" in exc.problems[0].message
    # A real header is shown, cut to the echo limit.
    long = "person,start,hours_per_week," + "y" * 500 + "\n"
    exc = refused(org_file(tmp_path, ORG + 'employments = "q.csv"\n', q__csv=long))
    assert all(len(p.field or "") <= MAX_ECHO_CHARS for p in exc.problems)
    assert "y" * (MAX_ECHO_CHARS + 1) not in str(exc)


# ---------------------------------------------------------------- 5 silent acceptance

@pytest.mark.parametrize(("extra", "field"), [
    ("", "peiljaar.foo"),
    ("[aspirant_plan]\napproved_on = 2023-01-01\nfoo = 1\n", "aspirant_plan.foo"),
    ("[recertification]\nfiles_sampled = 5\nfiles_with_appraisals = 4\nfoo = 1\n",
     "recertification.foo"),
    ("[recertification]\nfiles_sampled = 5.5\nfiles_with_appraisals = 4\n",
     "recertification.files_sampled"),
    ("[recertification]\nfiles_sampled = true\nfiles_with_appraisals = 4\n",
     "recertification.files_sampled"),
    ('[recertification]\nfiles_sampled = "5"\nfiles_with_appraisals = 4\n',
     "recertification.files_sampled"),
    ("[recertification]\nfiles_sampled = 5\n", "recertification.files_with_appraisals"),
    ("[[aspirant_plan]]\napproved_on = 2023-01-01\n", "aspirant_plan"),
    ("TOP:recertification = [1, 2]\n", "recertification"),
    ("[[evidence]]\nperson = 'nobody'\nsuitable_work = true\n", "evidence[1].person"),
    ("[[evidence]]\nperson = 'A'\n[[evidence]]\nperson = 'A'\n", "evidence[2].person"),
    ("[[evidence]]\nperson = 'A'\nsuitable_work = 'maybe'\n", "evidence[1].suitable_work"),
    ("[[purchase]]\nsupplier = 'S'\namount = 1\nsupplier_turnover = 10\nsupplier_fte = 1\n"
     "supplier_direct_pct = 1\nnote = 'x'\n", "purchase[1].note"),
    ("[[purchase]]\nsupplier = { name = 'S' }\n", "purchase[1].supplier"),
    ("[employment]\nperson = 'B'\n", "employment"),
])
def test_strict_schema_with_key_paths(tmp_path: Path, extra: str, field: str) -> None:
    org = ORG.replace("end = 2023-12-31", "end = 2023-12-31, foo = 1") if not extra else ORG
    if extra.startswith("TOP:"):  # a top-level key goes before the first table
        org, extra = org + extra.removeprefix("TOP:"), ""
    text = org + (ROW if "[employment]" not in extra else "") + extra
    assert field in fields(refused(org_file(tmp_path, text)))


@pytest.mark.parametrize("kvk", ['["١٢٣٤٥٦٧٨"]', '["１２３４５６７８"]', '["1234567"]',
                                 '["12345678", "12345678"]', "[]", "true", "{ a = 1 }"])
def test_kvk_numbers_are_ascii_and_once(tmp_path: Path, kvk: str) -> None:
    exc = refused(org_file(tmp_path, ORG.replace('["12345678"]', kvk) + ROW))
    assert all((p.field or "").startswith("kvk") for p in exc.problems)


@pytest.mark.parametrize(("doc", "field"), [
    ('{"name": "X", "name": "Y"}', "name"),
    ('{"name": "X", "kvk": "12345678", "application_date": "2024-05-01", '
     '"fulltime_hours": NaN}', "fulltime_hours"),
    ('{"name": "X", "kvk": "12345678", "application_date": "2024-05-01", '
     '"employment": [{"person": 5.5, "start": "2015-01-01", "hours_per_week": 40}]}',
     "employment[1].person"),
    ('{"name": "X", "kvk": "12345678", "application_date": "2024-05-01", '
     '"employment": [{"person": "A", "start": "2015-01-01", "hours_per_week": true}]}',
     "employment[1].hours_per_week"),
    ('{"name": ["X"], "kvk": "12345678", "application_date": "2024-05-01"}', "name"),
])
def test_json_specifics(tmp_path: Path, doc: str, field: str) -> None:
    assert field in fields(refused(org_file(tmp_path, doc, name="org.json")))


@pytest.mark.parametrize("name", ["A\x00", "A\x1b[31mred", "A\u202eevil", "A\tB", "x" * 201])
def test_names_and_ids_without_control_characters(name: str) -> None:
    with pytest.raises(InputError, match="person"):
        Employment(person=name, start="2023-01-01", hours_per_week=40)
    with pytest.raises(InputError, match="name"):
        Organisation(name=name, kvk="12345678", application_date="2024-05-01")


def test_xlsx_true_is_not_one_hour(tmp_path: Path) -> None:
    _xlsx(tmp_path / "p.xlsx", [["person", "start", "hours_per_week"],
                                ["A", "2015-01-01", 1], ["B", "2015-01-01", True]])
    exc = refused(org_file(tmp_path, ORG + 'employments = "p.xlsx"\n'))
    assert [(p.row, p.field) for p in exc.problems] == [(3, "hours_per_week")]


def test_empty_header_above_data(tmp_path: Path) -> None:
    text = "person,start,,hours_per_week\nA,2015-01-01,2020-01-01,40\nB,2015-01-01,,40\n"
    exc = refused(org_file(tmp_path, ORG + 'employments = "p.csv"\n', p__csv=text))
    assert [(p.row, "column 3" in p.message) for p in exc.problems] == [(2, True)]
    trailing = "person,start,hours_per_week,\nA,2015-01-01,40,\n"
    assert load(org_file(tmp_path, ORG + 'employments = "q.csv"\n', q__csv=trailing))


def test_a_failed_date_is_reported_once(tmp_path: Path) -> None:
    text = "person,start,hours_per_week,target_group,ww_since\nA,2015-01-01,40,ww,9999-12-31\n"
    exc = refused(org_file(tmp_path, ORG + 'employments = "p.csv"\n', p__csv=text))
    assert len(exc.problems) == 1


# ---------------------------------------------------------------- 6 locations

def test_multiline_record_is_located_at_its_first_line(tmp_path: Path) -> None:
    text = HEADER + 'A,2015-01-01,,40,"reg\nular",\n\nB,2015-01-01,,x,,\n'
    exc = refused(org_file(tmp_path, ORG + 'employments = "p.csv"\n', p__csv=text))
    assert [(p.row, p.field) for p in exc.problems] == [(2, "contract"),
                                                         (5, "hours_per_week")]


def test_not_utf8_is_located_at_its_line(tmp_path: Path) -> None:
    data = (HEADER + "A,2015-01-01,,40,,\n" * 5000).encode() + b"B\xff,2015-01-01,,40,,\n"
    exc = refused(org_file(tmp_path, ORG + 'employments = "p.csv"\n', p__csv=data))
    assert exc.problems[0].row == 5002


def test_row_references_do_not_collide(tmp_path: Path) -> None:
    path = org_file(tmp_path, ORG + 'employments = "p.csv"\n' + ROW.replace('"A"', '"B"')
                    + 'target_group = "wajong"\n',
                    p__csv=HEADER + "A,2015-01-01,,40,,wajong\n")
    for a in (assess(load(path)), assess_file(path, detail=True)):
        refs = [(p.source, p.row) for p in a.workforce.periods]
        assert refs == [(None, 1), ("p.csv", 2)]
        text = str(a.explanation)
        assert "employment 1: Wajong" in text
        assert "row 2 of p.csv: Wajong" in text


def test_rows_outside_name_their_file(tmp_path: Path) -> None:
    path = org_file(tmp_path, ORG + 'employments = "p.csv"\n'
                    + ROW.replace("2015-01-01", "2010-01-01") + "end = 2011-01-01\n",
                    p__csv=HEADER + "A,2015-01-01,,40,,\nC,2010-01-01,2011-01-01,40,,\n")
    for a in (assess(load(path)), assess_file(path, detail=True)):
        assert list(a.workforce.rows_outside) == [1, 3]
        assert list(a.workforce.rows_outside_sources) == [None, "p.csv"]
        assert "employment 1 and row 3 of p.csv" in str(a.explanation)


EXAMPLES = [psoladder.example_path(),
            *sorted((Path(__file__).parent.parent / "examples").glob("*/organisation.toml"))]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_one_path_one_answer_on_every_example(path: Path) -> None:
    a, b = assess(load(path)), assess_file(path)
    assert a.warnings == b.warnings
    assert a.to_dict() == b.to_dict()
    assert a.to_dict(explanation=True) == assess_file(path, detail=True).to_dict(
        explanation=True)


# ---------------------------------------------------------------- 7 output

def test_markdown_report_escapes_cell_syntax() -> None:
    from psoladder.report import render

    org = psoladder.load_example()
    first = attrs_evolve(org.purchases[0], supplier="S `code` [x](http://e.example)")
    a = assess(attrs_evolve(org, purchases=(first, *org.purchases[1:])))
    cells = [line for line in render(a, "markdown", lang="en", explain=True).splitlines()
             if "code" in line]
    assert cells
    # every backtick and bracket of the name is escaped: no code span, no link
    assert all(not re.search(r"(?<!\\)[`\[\]]code|(?<!\\)\]\(http", line) for line in cells)


def test_plot_title_with_mathtext(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from psoladder.plot import save_plot

    a = assess(attrs_evolve(psoladder.load_example(), name="cost $\\frac{a}{$ B.V."))
    save_plot(a, tmp_path / "p.png")


def attrs_evolve(value: Any, **changes: Any) -> Any:
    import attrs

    return attrs.evolve(value, **changes)


def test_a_bad_name_keeps_its_own_message_and_the_other_problems(tmp_path: Path) -> None:
    # The applicant's group is named after the organisation: a name that failed must not
    # be used again to build it (the message was "must not be empty", and the other
    # problems of the file were lost).
    text = ORG.replace('"X"', '"Evil\\u001b[31m"') + "fulltime_hours = 0\n" + ROW
    exc = refused(org_file(tmp_path, text))
    assert fields(exc) == {"name", "fulltime_hours"}
    assert "control character" in str(exc)


def test_terminal_escapes_never_enter(tmp_path: Path) -> None:
    # Control characters are refused at the edge, so no report can carry them.
    exc = refused(org_file(tmp_path, ORG.replace('"X"', '"X\\u001b[2J"') + ROW))
    assert fields(exc) == {"name"}
    assert "\x1b" not in str(exc)


# ---------------------------------------------------------------- 8 command line

def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = run(argv)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert "internal error" not in captured.err
    return status, captured.err


@pytest.mark.parametrize(("option", "target", "message"), [
    ("-o", "missing/report.txt", "folder does not exist"),
    ("-o", ".", "folder, not a file"),
    ("--plot", "ladder.xyz", "unknown plot format"),
    ("--plot", "missing/ladder.png", "folder does not exist"),
])
def test_output_options_are_checked_first(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          option: str, target: str, message: str) -> None:
    status, err = _run(["example", option, str(tmp_path / target), "--lang", "en"], capsys)
    assert status == 2
    assert message in err


def test_unwritable_output(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                           monkeypatch: pytest.MonkeyPatch) -> None:
    def deny(self: Path, *args: object, **kw: object) -> int:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "write_text", deny)
    status, err = _run(["example", "-o", str(tmp_path / "r.txt")], capsys)
    assert status == 2
    assert "Permission denied" in err


def test_cli_pseudonymise_needs_a_key(capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PSOLADDER_PSEUDONYM_KEY", raising=False)
    status, err = _run(["example", "--pseudonymise"], capsys)
    assert status == 2
    assert "PSOLADDER_PSEUDONYM_KEY" in err
    monkeypatch.setenv("PSOLADDER_PSEUDONYM_KEY", "short")
    status, err = _run(["example", "--pseudonymise"], capsys)
    assert status == 2
    assert "minder dan 16" in err  # in Dutch, the default language


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_cli_pseudonymise_removes_every_id(fmt: str, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PSOLADDER_PSEUDONYM_KEY", "a key of at least sixteen bytes")
    assert run(["example", "--pseudonymise", "--explain", "--format", fmt]) == 0
    out = capsys.readouterr().out
    ids = {e.person for e in psoladder.load_example().employments}
    assert not [i for i in ids if re.search(rf"\b{i}\b", out)]
    assert re.search(r"p-[a-z2-7]{4}-[a-z2-7]{4}", out)


@pytest.mark.parametrize("body", ["norms = 5\n", "[parameters]\nmax_indirect_share = 1e-999999\n",
                                  "[[norms]]\nsize = 1000000000\ntrede_1 = 1\ntrede_2 = 2\n"
                                  "trede_3 = 3\n"],
                         ids=["norms-not-a-list", "huge-exponent", "size-1e9"])
def test_override_files_are_bounded_and_strict(tmp_path: Path, body: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "o.toml").write_text('source = "x"\n' + body, encoding="utf-8")
    with deadline(10):
        status, err = _run(["example", "--rules-override", str(tmp_path / "o.toml")], capsys)
    assert status == 2
    assert "o.toml" in err


def test_override_file_must_be_a_regular_file(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("named pipes are POSIX")
    os.mkfifo(tmp_path / "o.toml")
    with deadline(5):
        status, err = _run(["example", "--rules-override", str(tmp_path / "o.toml")], capsys)
    assert status == 2
    assert "geen gewoon bestand" in err  # the command line's language (issue 12)


def test_subprocess_error_is_one_clean_line(tmp_path: Path) -> None:
    import subprocess

    path = org_file(tmp_path, ORG + 'employments = "../../etc/passwd"\n')
    out = subprocess.run([sys.executable, "-m", "psoladder", "assess", str(path)],
                         capture_output=True, text=True, timeout=60, check=False)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert "root:" not in out.stderr


# ---------------------------------------------------------------- the documented bounds

def test_bounds_table_shows_every_limit_in_code() -> None:
    from psoladder import limits

    sys.path.insert(0, str(Path(__file__).parent.parent / "docs"))
    try:
        from bounds_table import render
    finally:
        sys.path.pop(0)
    table = render()
    for name in limits.__all__:
        value = getattr(limits, name)
        if name.startswith("MAX_") and name.endswith("_BYTES"):
            shown = f"{value // 2**30} GiB" if value >= 2**30 else f"{value // 2**20} MiB"
            assert shown in table, name
        elif name.startswith("MAX_"):
            assert f"{value:,}" in table or str(value) in table, name
        elif isinstance(value, limits.NumberBound):
            assert value.describe() in table, name
        elif isinstance(value, dt.date):
            assert value.isoformat() in table, name


# ---------------------------------------------------------------- concurrent rows of one person

def test_many_concurrent_rows_of_one_person_stay_linear() -> None:
    # 10,000 overlapping rows of one person cut the peiljaar in ~365 pieces;
    # the work grows with rows + pieces (it was rows x pieces: 26 s for 20,000).
    import random

    rng = random.Random(1)
    rows = [Employment(person="P", start=dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(365)),
                       hours_per_week=1, target_group="wajong") for _ in range(10_000)]
    rows += [Employment(person=f"S{i}", start="2015-01-01", hours_per_week=40) for i in range(3)]
    org = Organisation(name="X", kvk="12345678", application_date="2024-05-01", employments=rows)
    with deadline(60):
        a = assess(org)
    person = a.workforce.persons[0]
    assert person.capped
    assert 0 < person.fte <= 1


def _per_day(rows: list[Employment], peiljaar: Any, limit: Fraction,
             windows: list[Any]) -> list[tuple[Fraction, int, Fraction, int]]:
    """Each row's hour-days, capped days, counted hour-days and counted days, day by day."""
    out = [[Fraction(0), 0, Fraction(0), 0] for _ in rows]
    day = peiljaar.start
    while day <= peiljaar.end:
        active = [i for i, e in enumerate(rows) if day in e.period]
        total = sum((Fraction(rows[i].hours_per_week) for i in active), Fraction(0))
        scale = min(Fraction(1), limit / total) if total else Fraction(1)
        for i in active:
            piece = Fraction(rows[i].hours_per_week) * scale
            out[i][0] += piece
            out[i][1] += total > limit
            if windows[i] is not None and day in windows[i]:
                out[i][2] += piece
                out[i][3] += 1
        day += dt.timedelta(days=1)
    return [tuple(o) for o in out]  # type: ignore[misc]


def test_concurrent_rows_match_a_day_by_day_computation() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from tests.conftest import PEILJAAR_2023

    from psoladder.fte import workforce
    from psoladder.rules import rules_at

    rules = rules_at(dt.date(2024, 5, 1))
    day = st.dates(min_value=dt.date(2022, 6, 1), max_value=dt.date(2024, 6, 1))

    @st.composite
    def row(draw: st.DrawFn) -> Employment:
        start = draw(day)
        end = draw(st.one_of(st.none(), st.dates(min_value=start, max_value=dt.date(2024, 6, 1))))
        group = draw(st.sampled_from([None, "wajong", "participatiewet", "wsw"]))
        extra = {"status_until": draw(day)} if group == "wsw" else {}
        return Employment(person="P", start=start, end=end, target_group=group,
                          hours_per_week=draw(st.sampled_from(["8", "16.5", "24", "38", "40"])),
                          contract=draw(st.sampled_from(["regular", "placement"])),
                          inflow=draw(st.one_of(st.none(), day)), **extra)

    @settings(max_examples=40, deadline=None, derandomize=True, database=None)
    @given(st.lists(row(), min_size=2, max_size=6))
    def check(rows: list[Employment]) -> None:
        wf = workforce(rows, peiljaar=PEILJAAR_2023, fulltime_hours=Decimal(40), rules=rules)
        periods = sorted(wf.periods, key=lambda p: p.row)
        windows = [p.counting.window for p in periods]
        expected = _per_day(rows, PEILJAAR_2023, Fraction(40), windows)
        got = [(Fraction(p.hour_days), p.capped_days, Fraction(p.counted_hour_days),
                p.counted_days) for p in periods]
        assert got == expected

    check()


def test_input_errors_pickle_with_their_problems() -> None:
    import pickle

    exc = InputError([psoladder.Problem("bad", field="f", row=2, file="p.csv")])
    again = pickle.loads(pickle.dumps(exc))
    assert again.problems == exc.problems


@pytest.mark.parametrize("path", ["a\x00b.toml", "x" * 5000 + ".toml"])
def test_impossible_paths_are_input_errors(path: str) -> None:
    with pytest.raises(InputError):
        load(path)


def test_blank_lines_are_bounded_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from psoladder.io import payroll

    monkeypatch.setattr(payroll, "MAX_ROWS", 5)
    path = org_file(tmp_path, ORG + 'employments = "p.csv"\n',
                    p__csv=HEADER + "A,2015-01-01,,40,,\n" + "\n" * 10)
    assert "more than 5 rows" in str(refused(path))


def test_many_broken_tables_stop_after_the_problem_bound(tmp_path: Path) -> None:
    # 50,000 empty [[employment]] tables would give 150,000 problems.
    with deadline(30):
        exc = refused(org_file(tmp_path, ORG + "[[employment]]\n" * 50_000))
    assert len(exc.problems) == 1000
    assert "were not checked" in exc.problems[-1].message


def test_too_many_purchases_are_refused_by_count(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from psoladder.io import orgfile

    monkeypatch.setitem(orgfile._MOST, "purchase", 2)
    buy = ("[[purchase]]\nsupplier = 'S'\namount = 1\nsupplier_turnover = 10\n"
           "supplier_fte = 1\nsupplier_direct_pct = 1\n")
    exc = refused(org_file(tmp_path, ORG + ROW + buy * 3))
    assert [p.field for p in exc.problems] == ["purchase"]


def test_target_group_rows_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from psoladder import assessment, model
    from psoladder.io import payroll

    text = HEADER + "".join(f"P{i},2015-01-01,,40,,wajong\n" for i in range(4))
    path = org_file(tmp_path, ORG + 'employments = "p.csv"\n', p__csv=text)
    for module in (payroll, model, assessment):
        monkeypatch.setattr(module, "MAX_TARGET_GROUP_ROWS", 3)
    assert "more than 3 rows of target-group persons" in str(refused(path))
    inline = ORG + 'employments = "q.csv"\n' + ROW + 'target_group = "wajong"\n'
    twice = org_file(tmp_path, inline, name="o2.toml",
                     q__csv=HEADER + "".join(f"Q{i},2015-01-01,,40,,wajong\n" for i in range(3)))
    exc = refused(twice)
    assert "target-group" in str(exc)


def test_a_python_peiljaar_is_bounded_too() -> None:
    from psoladder.periods import DateRange

    with pytest.raises(InputError, match=r"peiljaar\.start"):
        Organisation(name="X", kvk="12345678", application_date="2024-05-01",
                     peiljaar=DateRange(dt.date(9999, 1, 1), dt.date(9999, 12, 31)))


def test_file_date_problems_are_located_with_the_others(tmp_path: Path) -> None:
    # A peiljaar of 11 months, or an application date inside the peiljaar, is a problem of
    # the file: reported at once with the row's problem, each with its key (R-FTE-4).
    bad_row = ROW.replace("2015-01-01", '"2015-13-01"')
    short = ORG.replace("end = 2023-12-31", "end = 2023-11-30")
    exc = refused(org_file(tmp_path, short + bad_row))
    assert fields(exc) == {"peiljaar", "employment[1].start"}
    early = ORG.replace("application_date = 2024-05-01", "application_date = 2023-06-01")
    exc = refused(org_file(tmp_path, early + bad_row))
    assert fields(exc) == {"application_date", "employment[1].start"}


def test_a_file_date_before_the_first_edition_is_located(tmp_path: Path) -> None:
    text = (ORG.replace("application_date = 2024-05-01", "application_date = 2016-05-01")
            .replace("2023-01-01", "2015-01-01").replace("2023-12-31", "2015-12-31") + ROW)
    with pytest.raises(InputError) as info:
        assess_file(org_file(tmp_path, text))
    [problem] = info.value.problems
    assert (problem.file, problem.field) == ("org.toml", "application_date")
    assert "2017-04-01" in str(problem)
