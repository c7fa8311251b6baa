from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest

import psoladder
from psoladder import InputError, load_organisation, read_payroll
from psoladder.io.payroll import read_csv

HEADER = "person,start,end,hours_per_week,contract,target_group\n"


def csv_file(tmp_path: Path, text: str, name: str = "payroll.csv",
             encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_plain_csv(tmp_path: Path) -> None:
    path = csv_file(tmp_path, HEADER + "E1,2023-01-01,,32,regular,wajong\n"
                                       "E2,2022-05-01,2023-06-30,24.5,,\n")
    read = read_payroll(path)
    assert read.rows_read == 2
    assert read.persons == 2
    assert read.employments[1].hours_per_week == Decimal("24.5")
    assert read.employments[1].end == dt.date(2023, 6, 30)
    assert read.employments[1].contract.value == "regular"


def test_bom_semicolon_decimal_comma_and_dutch_headers(tmp_path: Path) -> None:
    text = ("\ufeffPersoneelsnummer;Datum in dienst;Datum uit dienst;Uren per week;"
            "Contractsoort;Doelgroep\n"
            "E1;2023-01-01;;32,5;Vast;Wajong\n"
            "E2;2023-01-01;2023-03-31;16;detachering;participatiewet\n")
    read = read_payroll(csv_file(tmp_path, text))
    e1, e2 = read.employments
    assert e1.person == "E1"
    assert e1.hours_per_week == Decimal("32.5")
    assert e1.contract.value == "regular"
    assert e1.target_group is not None
    assert e1.target_group.value == "wajong"
    assert e2.contract.value == "secondment_flex"


def test_quoted_decimal_comma_in_comma_separated_file(tmp_path: Path) -> None:
    read = read_payroll(csv_file(tmp_path, HEADER + 'E1,2023-01-01,,"32,5",regular,\n'))
    assert read.employments[0].hours_per_week == Decimal("32.5")


def test_thousands_separator_is_read_and_bounded(tmp_path: Path) -> None:
    # 1.032,5 proves a decimal comma: 1032.5 hours, more than a week has.
    with pytest.raises(InputError, match="at most 168") as info:
        read_payroll(csv_file(tmp_path, HEADER.replace(",", ";")
                              + "E1;2023-01-01;;1.032,5;regular;\n"))
    assert info.value.problems[0].row == 2


def test_every_problem_of_a_file_at_once_with_row_and_field(tmp_path: Path) -> None:
    text = HEADER + ("E1,2023-01-01,,32,regular,wajong\n"
                     "E2,2023-13-01,,32,regular,\n"         # bad date
                     ",2023-01-01,,32,regular,\n"           # no person
                     "E4,2023-01-01,2022-01-01,-1,temp,ex_offender\n"  # four problems
                     "E5,2023-01-01,,32,regular,ww\n")      # ww needs ww_since
    with pytest.raises(InputError) as info:
        read_payroll(csv_file(tmp_path, text))
    located = [(p.row, p.field) for p in info.value.problems]
    assert located == [(3, "start"), (4, "person"), (5, "hours_per_week"), (5, "contract"),
                       (5, "target_group"), (5, "end"), (6, "ww_since")]
    assert all(p.file == "payroll.csv" and p.hint for p in info.value.problems)


def test_unknown_and_missing_columns(tmp_path: Path) -> None:
    from psoladder.io.payroll import PayrollFormat

    with pytest.raises(InputError) as info:
        read_payroll(csv_file(tmp_path, "person,begin,uren,salary\nE1,2023-01-01,32,3000\n"),
                     fmt=PayrollFormat(strict=True))
    messages = [str(p) for p in info.value.problems]
    assert any("unknown column 'begin'" in m for m in messages)
    assert any("unknown column 'salary'" in m for m in messages)
    assert any("required column 'start' is missing" in m for m in messages)
    assert all(p.row == 1 for p in info.value.problems)


def test_duplicate_column(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="repeats field"):
        read_payroll(csv_file(tmp_path, "person,start,uren,hours_per_week\n"))


def test_blank_lines_are_counted_not_lost(tmp_path: Path) -> None:
    read = read_payroll(csv_file(tmp_path, HEADER + "E1,2023-01-01,,32,,\n\n,,,,,\n"
                                                    "E2,2023-01-01,,32,,\n"))
    assert (read.rows_read, read.blank_rows) == (2, 2)
    assert "2 blank lines skipped" in read.summary()


def test_too_many_cells(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="7 cells but the header has 6") as info:
        read_payroll(csv_file(tmp_path, HEADER + "E1,2023-01-01,,32,regular,wajong,x\n"))
    assert info.value.problems[0].row == 2


def test_not_utf8(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not UTF-8"):
        read_payroll(csv_file(tmp_path, HEADER + "Jos\xe9,2023-01-01,,32,,\n",
                              encoding="latin-1"))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        read_payroll(tmp_path / "nope.csv")


def test_xlsx(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["personeelsnummer", "datum_in_dienst", "uren_per_week", "doelgroep"])
    sheet.append(["E1", dt.datetime(2023, 1, 1), 32.5, "wajong"])
    sheet.append([None, None, None, None])
    sheet.append(["E2", "2023-02-01", 40, None])
    path = tmp_path / "payroll.xlsx"
    book.save(path)
    read = read_payroll(path)
    assert read.rows_read == 2
    assert read.blank_rows == 1
    assert read.employments[0].hours_per_week == Decimal("32.5")
    assert read.employments[0].start == dt.date(2023, 1, 1)


def test_organisation_file_with_payroll_and_inline_rows(tmp_path: Path) -> None:
    csv_file(tmp_path, HEADER + "E1,2023-01-01,,40,regular,\n")
    (tmp_path / "org.toml").write_text(
        'name = "X"\nkvk = ["12345678"]\napplication_date = 2024-05-01\n'
        'employments = "payroll.csv"\n\n[[employment]]\nperson = "E2"\nstart = 2020-01-01\n'
        "hours_per_week = 20\n", encoding="utf-8")
    org = load_organisation(tmp_path / "org.toml")
    # Inline rows first, as assess_file adds them; each row knows its origin.
    assert [e.person for e in org.employments] == ["E2", "E1"]
    assert [(e.source, e.row) for e in org.employments] == [(None, 1), ("payroll.csv", 2)]


def test_organisation_file_problems_are_all_reported(tmp_path: Path) -> None:
    csv_file(tmp_path, HEADER + "E1,2023-01-01,,0,regular,\n")
    (tmp_path / "org.toml").write_text(
        'name = "X"\nkvk = ["1234"]\napplication_date = 2024-05-01\nemployees = 3\n'
        'employments = "payroll.csv"\n\n[[purchase]]\nsupplier = "S"\namount = 10\n'
        "supplier_turnover = 5\nsupplier_fte = 1\nsupplier_direct_pct = 10\n",
        encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_organisation(tmp_path / "org.toml")
    text = str(info.value)
    assert "unknown key 'employees'" in text
    assert "payroll.csv, row 2, field 'hours_per_week'" in text
    assert "purchase[1].amount" in text
    assert "field 'kvk'" not in text or "8 digits" in text


def test_kvk_checked_with_the_rest(tmp_path: Path) -> None:
    (tmp_path / "org.toml").write_text('name = "X"\nkvk = ["1234"]\napplication_date = "x"\n',
                                       encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_organisation(tmp_path / "org.toml")
    assert {p.field for p in info.value.problems} == {"kvk[1]", "application_date"}


def test_bad_toml_and_json(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text("name = \n", encoding="utf-8")
    with pytest.raises(InputError, match="not valid TOML"):
        load_organisation(tmp_path / "a.toml")
    (tmp_path / "a.json").write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        load_organisation(tmp_path / "a.json")
    with pytest.raises(InputError, match="not found"):
        load_organisation(tmp_path / "missing.toml")


@pytest.mark.parametrize("suffix", [".csv", ".XLSX", ".parquet"])
def test_a_payroll_given_as_the_organisation_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"loon{suffix}"
    path.write_text(HEADER + "E1,2023-01-01,,40,,\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_organisation(path)
    [p] = info.value.problems
    assert p.file == path.name
    assert "payroll export, not an organisation file" in p.message
    assert p.hint is not None
    assert f'file = "{path.name}"' in p.hint
    assert "psoladder new" in p.hint


def test_read_csv_from_a_stream() -> None:
    read = read_csv(io.StringIO(HEADER + "E1,2023-01-01,,40,,\n"), name="stream")
    assert read.file == "stream"


@pytest.mark.parametrize("name", ["small", "medium", "large"])
def test_shipped_examples_assess(name: str) -> None:
    path = Path(__file__).parent.parent / "examples" / name / "organisation.toml"
    a = psoladder.assess(load_organisation(path))
    assert a.eligible
    assert a.total_fte > 0
