"""Issue 12: payroll exports as Dutch payroll systems write them, and a start from nothing.

The fixture ``examples/export`` is a 40-person cleaning company's export with
a title block, semicolons, decimal commas, Dutch dates (``27-4-2017`` and
``12-04-2016``), names, BSN, departments and its own codes for contracts and
target groups; the organisation file maps those codes.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import psoladder
from psoladder import InputError, assess_file, load_organisation, messages
from psoladder.cli import run
from psoladder.io.formats import (
    DateFormat,
    Mark,
    detect_dates,
    detect_numbers,
    read_date,
    read_number,
)
from psoladder.io.payroll import PayrollFormat, column_reader, payroll_format, read_csv

ROOT = Path(__file__).resolve().parent.parent
EXPORT = ROOT / "examples" / "export"
ORG = ('name = "X"\nkvk = ["12345678"]\napplication_date = 2024-05-01\n'
       'peiljaar = { start = 2023-01-01, end = 2023-12-31 }\n')


def files(tmp_path: Path, payroll: str, org: str = "", name: str = "p.csv") -> Path:
    (tmp_path / name).write_text(payroll, encoding="utf-8")
    (tmp_path / "org.toml").write_text(ORG + f'[payroll]\nfile = "{name}"\n' + org,
                                       encoding="utf-8")
    return tmp_path / "org.toml"


def problems(path: Path) -> list[tuple[int | None, str | None, str]]:
    with pytest.raises(InputError) as info:
        load_organisation(path)
    with pytest.raises(InputError) as streamed:
        assess_file(path)
    assert streamed.value.problems == info.value.problems  # both paths, one answer
    return [(p.row, p.field, p.message) for p in info.value.problems]


def read(text: str, **fmt: Any) -> psoladder.io.PayrollRead:
    return read_csv(io.StringIO(text), name="p.csv", fmt=PayrollFormat(**fmt))


# ---------------------------------------------------------------- the realistic export


def test_the_export_is_read_as_written() -> None:
    org = load_organisation(EXPORT / "organisatie.toml")
    assert len(org.employments) == 40
    by = {e.person: e for e in org.employments}
    assert by["1001"].start == dt.date(2017, 4, 27)          # 27-4-2017
    assert by["1002"].start == dt.date(2016, 4, 12)          # 12-04-2016
    assert by["1003"].hours_per_week == Decimal("32.5")      # 32,5
    assert by["1004"].target_group is psoladder.TargetGroup.WAJONG
    assert by["1008"].target_group is psoladder.TargetGroup.DOELGROEPREGISTER  # mapped
    assert by["1020"].contract is psoladder.ContractType.SECONDMENT_FLEX       # mapped
    assert by["1016"].ww_since == dt.date(2021, 5, 17)
    assert [n.text("nl") for n in org.reading] == [
        "niet gelezen: 3 regels boven de kopregel (regel 4)",
        "genegeerde kolommen: Naam, BSN, Afdeling en Functie",
        "persoonsgegevens in Naam en BSN: psoladder heeft ze niet nodig; laat ze bij "
        "voorkeur weg uit de export"]
    a = assess_file(EXPORT / "organisatie.toml")
    b = psoladder.assess(org)
    assert a.to_dict() == b.to_dict()
    assert a.to_dict(lang="nl")["reading"][1] == {
        "file": "loonexport.csv", "message": "ignored columns: Naam, BSN, Afdeling and Functie",
        "text": "genegeerde kolommen: Naam, BSN, Afdeling en Functie"}


def test_the_export_without_its_mapping_says_what_to_write(tmp_path: Path) -> None:
    (tmp_path / "loonexport.csv").write_bytes((EXPORT / "loonexport.csv").read_bytes())
    org = tmp_path / "org.toml"
    org.write_text(ORG + 'employments = "loonexport.csv"\n', encoding="utf-8")
    found = problems(org)
    assert [(row, field) for row, field, _ in found] == [
        (12, "Doelgroep PSO"), (24, "Soort contract"), (24, "Doelgroep PSO"),
        (28, "Doelgroep PSO"), (32, "Doelgroep PSO")]
    with pytest.raises(InputError) as info:
        load_organisation(org)
    assert messages.problem_text(info.value.problems[1], "nl") == (
        "loonexport.csv, regel 24, veld 'Soort contract': onbekende code (gelezen: "
        "'Oproepkracht'); gebruik een van: regular, supported, secondment_flex, placement, "
        "trial, sw_detached_out; of zeg wat de code van de export betekent in "
        "[payroll.values.contract], bijv. \"Oproepkracht\" = \"...\"")


def test_no_name_or_bsn_reaches_any_output(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    lines = (EXPORT / "loonexport.csv").read_text(encoding="utf-8-sig").splitlines()[4:]
    secrets = {cell for line in lines for cell in line.split(";")[1:3]}
    assert len(secrets) == 80
    org = EXPORT / "organisatie.toml"
    outputs = []
    for fmt in ("text", "markdown", "html", "json"):
        assert run(["assess", str(org), "--format", fmt, "--explain=full", "--lang",
                    "en" if fmt == "json" else "nl"]) == 0
        outputs.append(capsys.readouterr())
    assert run(["check", str(org), "--format", "json"]) == 0
    outputs.append(capsys.readouterr())
    text = "".join(o.out + o.err for o in outputs)
    text += json.dumps(assess_file(org, detail=True).to_dict(lang="nl", explanation=True,
                                                             detail="full"))
    found = sorted(s for s in secrets if s in text)
    assert found == []


# ---------------------------------------------------------------- dates


HEADER = "person;start;end;hours_per_week\n"


def test_ambiguous_date_column_is_read_day_first_and_says_so() -> None:
    got = read(HEADER + "A;01-03-2016;;40\nB;11-02-2017;;40\n")
    assert [e.start for e in got.employments] == [dt.date(2016, 3, 1), dt.date(2017, 2, 11)]
    assert [n.text("en") for n in got.notices] == [
        "column 'start': every date could be day-first or month-first; read day-first, as "
        "dd-mm-yyyy (set date_format in [payroll] if not)"]
    assert got.notices[0].text("nl") == (
        "kolom 'start': elke datum kan dag-eerst of maand-eerst zijn; gelezen met de dag "
        "eerst, als dd-mm-jjjj (zet date_format in [payroll] als dat niet klopt)")


def test_a_single_day_above_12_settles_the_column() -> None:
    got = read(HEADER + "A;01-03-2016;;40\nB;25-02-2017;;40\n")
    assert got.employments[0].start == dt.date(2016, 3, 1)
    assert got.notices == ()


def test_slash_dot_and_padding() -> None:
    got = read(HEADER + "A;1/3/2016;;40\nB;25/12/2017;;40\n")
    assert got.employments[0].start == dt.date(2016, 3, 1)
    got = read(HEADER + "A;1.3.2016;31.12.2023;40\nB;25.12.2017;;40\n")
    assert got.employments[0].end == dt.date(2023, 12, 31)


def test_a_month_first_column_is_read_month_first_with_a_notice() -> None:
    got = read(HEADER + "A;03/25/2016;;40\nB;04/01/2016;;40\n")
    assert [e.start for e in got.employments] == [dt.date(2016, 3, 25), dt.date(2016, 4, 1)]
    assert got.notices[0].text("en") == (
        "column 'start': dates read month-first, as mm/dd/yyyy, as its values show "
        "(e.g. '03/25/2016')")


def test_a_column_mixing_formats_names_every_other_row(tmp_path: Path) -> None:
    text = HEADER + "A;25-03-2016;;40\nB;2016-03-11;;40\nC;12-05-2017;;40\nD;03-25-2016;;40\n"
    assert problems(files(tmp_path, text)) == [
        (3, "start", "written as yyyy-mm-dd, but 3 of the column's 4 dates as dd-mm-yyyy"),
        (5, "start", "can only be read as mm-dd-yyyy, but the column is read as dd-mm-yyyy")]


def test_impossible_dates_are_located(tmp_path: Path) -> None:
    text = HEADER + "A;30-02-2023;;40\nB;31-04-2023;;40\nC;01-13-2023;;40\nD;2023-02-29;;40\n"
    found = problems(files(tmp_path, text))
    assert [(r, f) for r, f, _ in found] == [(2, "start"), (3, "start"), (4, "start"),
                                             (5, "start")]
    assert found[0][2] == "30 February 2023 does not exist"
    assert found[2][2] == "can only be read as mm-dd-yyyy, but the column is read as dd-mm-yyyy"


def test_date_format_overrides_detection(tmp_path: Path) -> None:
    text = HEADER + "A;03-04-2016;;40\n"
    org = files(tmp_path, text, 'date_format = "mm-dd-jjjj"\n')
    assert load_organisation(org).employments[0].start == dt.date(2016, 3, 4)
    org = files(tmp_path, HEADER + "A;2016-03-04;;40\n", 'date_format = "dd-mm-jjjj"\n')
    assert problems(org) == [(2, "start", "written as yyyy-mm-dd, not as dd-mm-yyyy as "
                              "date_format in [payroll] says")]


def test_times_short_years_and_words(tmp_path: Path) -> None:
    text = HEADER + "A;11-03-2016 00:00;;40\nB;11-03-16;;40\nC;11-03-2016 9:30;;40\nD;morgen;;40\n"
    assert problems(files(tmp_path, text)) == [
        (3, "start", "the year has two digits"),
        (4, "start", "a date with a time of day, not a date"),
        (5, "start", "not a date")]


# ---------------------------------------------------------------- numbers


def test_number_forms_per_column() -> None:
    got = read(HEADER + "A;2016-01-01;;32,5\nB;2016-01-01;;36,25\nC;2016-01-01;;40\n")
    assert [e.hours_per_week for e in got.employments] == [
        Decimal("32.5"), Decimal("36.25"), Decimal(40)]
    assert read(HEADER + "A;2016-01-01;;32.5\nB;2016-01-01;;38\n").employments[0] \
        .hours_per_week == Decimal("32.5")
    # a thousands separator in a column whose decimal mark shows: read, then bounded
    reader = column_reader("hours_per_week", ["1.234,5", "36"])
    assert reader.numbers.mark is Mark.COMMA
    assert column_reader("hours_per_week", ["1,234.5", "36"]).numbers.mark is Mark.POINT


def test_ambiguous_and_mixed_numbers_are_problems(tmp_path: Path) -> None:
    text = HEADER + "A;2016-01-01;;12,500\nB;2016-01-01;;40\n"
    assert problems(files(tmp_path, text)) == [
        (2, "hours_per_week", "the number can be read as 12,500 or as 12.5, and no other value "
                              "of its column shows which")]
    text = HEADER + "A;2016-01-01;;32,5\nB;2016-01-01;;24,5\nC;2016-01-01;;36.5\n"
    assert problems(files(tmp_path, text)) == [
        (4, "hours_per_week", "written with a decimal point, but 2 of the column's 3 numbers "
                              "with a decimal comma")]
    org = files(tmp_path, HEADER + "A;2016-01-01;;12,500\n", 'decimal_mark = ","\n')
    assert load_organisation(org).employments[0].hours_per_week == Decimal("12.5")
    org = files(tmp_path, HEADER + "A;2016-01-01;;12.5\n", 'decimal_mark = ","\n')
    assert problems(org) == [(2, "hours_per_week", "written with a decimal point, not with the "
                              "decimal comma decimal_mark in [payroll] says")]


def test_euro_and_percent_in_purchases(tmp_path: Path) -> None:
    (tmp_path / "org.toml").write_text(
        ORG + '[[employment]]\nperson = "A"\nstart = 2020-01-01\nhours_per_week = 40\n'
        '[[purchase]]\nsupplier = "S"\namount = "€ 200.000,00"\nsupplier_turnover = '
        '"€ 2.000.000"\nsupplier_fte = "40"\nsupplier_direct_pct = "25 %"\n',
        encoding="utf-8")
    p = load_organisation(tmp_path / "org.toml").purchases[0]
    assert (p.amount, p.supplier_turnover, p.supplier_direct_pct) == (
        Decimal("200000.00"), Decimal(2000000), Decimal(25))
    (tmp_path / "org.toml").write_text(
        ORG + '[[purchase]]\nsupplier = "S"\namount = "€ 200.000"\nsupplier_turnover = '
        '1000000\nsupplier_fte = 40\nsupplier_direct_pct = "25 €"\n', encoding="utf-8")
    found = problems(tmp_path / "org.toml")
    assert [(f, m) for _, f, m in found] == [
        ("purchase[1].amount", "the number can be read as 200,000 or as 200, and no other "
                               "value of its column shows which"),
        ("purchase[1].supplier_direct_pct", "€ does not belong in this field")]


# ---------------------------------------------------------------- columns, mapping, header


def test_title_block_and_header_row(tmp_path: Path) -> None:
    text = "Overzicht 2023\n\nperson;start;hours_per_week\nA;2016-01-01;40\n\nB;2016-01-01;40\n"
    got = read(text)
    assert (got.rows_read, got.skipped_rows, got.blank_rows) == (2, 2, 1)
    assert got.summary("nl") == ("p.csv: 2 dienstverbanden van 2 personen gelezen; 2 regels "
                                 "boven de kop en 1 lege regel overgeslagen")
    assert read(text, header_row=3).rows_read == 2
    org = files(tmp_path, text, "header_row = 40\n")
    assert problems(org) == [(None, "payroll.header_row",
                              "header_row is 40 but the file has 6 lines")]


def test_mapped_columns_are_named_as_written(tmp_path: Path) -> None:
    text = "Nr;Begin;Uren;Code\nA;2016-01-01;x;Z\n"
    org = files(tmp_path, text, '[payroll.columns]\n"Nr" = "person"\n"Begin" = "start"\n'
                                '"Uren" = "hours_per_week"\n"Code" = "contract"\n')
    assert problems(org) == [(2, "Uren", "not a number"), (2, "Code", "unknown code")]


def test_extra_columns_are_ignored_unless_strict(tmp_path: Path) -> None:
    text = "person;Naam;start;hours_per_week;Afdeling\nA;Jan;2016-01-01;40;X\n"
    got = read(text)
    assert got.notices[0].text("en") == "ignored columns: Naam and Afdeling"
    org = files(tmp_path, text, "strict = true\n")
    assert [(r, f) for r, f, _ in problems(org)] == [(1, "Naam"), (1, "Afdeling")]


def test_a_misspelt_required_column_is_suggested(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read("person;start;hours_per_weak\nA;2016-01-01;40\n")
    assert info.value.problems[0].hint == ('is column \'hours_per_weak\' meant? then write '
                                           '"hours_per_weak" = "hours_per_week" in '
                                           '[payroll.columns]')


def test_the_payroll_table_is_checked(tmp_path: Path) -> None:
    org = files(tmp_path, HEADER + "A;2016-01-01;;40\n",
                'sheet = 7\nheader_row = 0\ndate_format = "yy-mm-dd"\ndecimal_mark = ";"\n'
                'strict = "ja"\ncolor = 1\n[payroll.columns]\n"X" = "salary"\n'
                '[payroll.values.contract]\n"Oproep" = "oproep"\n')
    found = problems(org)
    assert sorted(f for _, f, _ in found if f) == sorted([
        "payroll.color", "payroll.sheet", "payroll.date_format", "payroll.decimal_mark",
        "payroll.header_row", "payroll.strict", 'payroll.columns."X"',
        'payroll.values.contract."Oproep"'])
    with pytest.raises(InputError, match="more than 1,000 entries"):
        payroll_format({"columns": {f"c{i}": "person" for i in range(1001)}})
    org.write_text(ORG + 'employments = "p.csv"\n[payroll]\nfile = "p.csv"\n',
                   encoding="utf-8")
    assert problems(org)[0][1:] == ("payroll.file", "the payroll file is given twice")


def test_employments_key_still_works_with_payroll_settings(tmp_path: Path) -> None:
    (tmp_path / "p.csv").write_text(HEADER + "A;03-04-2016;;40\n", encoding="utf-8")
    (tmp_path / "org.toml").write_text(ORG + 'employments = "p.csv"\n[payroll]\n'
                                       'date_format = "mm-dd-yyyy"\n', encoding="utf-8")
    assert load_organisation(tmp_path / "org.toml").employments[0].start == dt.date(2016, 3, 4)


# ---------------------------------------------------------------- workbooks


def workbook(tmp_path: Path, rows: list[list[Any]], sheet: str = "Blad1",
             first: str | None = None) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    if first is not None:
        book.active.title = first
        book.active.append(["nothing here"])
        ws = book.create_sheet(sheet)
    else:
        ws = book.active
        ws.title = sheet
    for row in rows:
        ws.append(row)
    path = tmp_path / "loon.xlsx"
    book.save(path)
    return path


def test_xlsx_with_date_cells_serials_and_a_named_sheet(tmp_path: Path) -> None:
    workbook(tmp_path, [["Personeelsoverzicht"], [], ["Personeelsnummer", "Naam",
             "Datum in dienst", "Uren per week"],
             ["A", "Jan", dt.datetime(2016, 3, 11), 32.5],
             ["B", "Piet", 42440, 40]], sheet="Personeel", first="Voorblad")
    org = tmp_path / "org.toml"
    org.write_text(ORG + '[payroll]\nfile = "loon.xlsx"\nsheet = "personeel"\n',
                   encoding="utf-8")
    got = load_organisation(org)
    assert [e.start for e in got.employments] == [dt.date(2016, 3, 11)] * 2
    assert [e.row for e in got.employments] == [4, 5]
    texts = [n.text("en") for n in got.reading]
    assert texts[0] == "not read: 2 lines above the header (line 3)"
    assert "ignored columns: Naam" in texts
    assert "column 'Datum in dienst': 1 number read as Excel date numbers" in texts
    org.write_text(ORG + '[payroll]\nfile = "loon.xlsx"\nsheet = "Loon"\n', encoding="utf-8")
    assert problems(org) == [(None, "payroll.sheet", "the workbook has no worksheet 'Loon'")]


def test_xlsx_with_text_dates_is_detected_like_csv(tmp_path: Path) -> None:
    workbook(tmp_path, [["person", "start", "hours_per_week"], ["A", "01-03-2016", "32,5"],
                        ["B", "05-04-2016", 40]])
    org = tmp_path / "org.toml"
    org.write_text(ORG + '[payroll]\nfile = "loon.xlsx"\n', encoding="utf-8")
    got = load_organisation(org)
    assert [e.start for e in got.employments] == [dt.date(2016, 3, 1), dt.date(2016, 4, 5)]
    assert got.employments[0].hours_per_week == Decimal("32.5")
    assert "read day-first" in got.reading[0].text("en")
    workbook(tmp_path, [["person", "start", "hours_per_week"], ["A", "01-03-2016", 32],
                        ["B", "2016-04-05", 40], ["C", 42440.5, 40], ["D", "13-03-2016", 40]])
    assert problems(org) == [
        (3, "start", "written as yyyy-mm-dd, but 2 of the column's 3 dates as dd-mm-yyyy"),
        (4, "start", "an Excel date number with a time of day, not a date")]


# ---------------------------------------------------------------- commands


def test_new_then_assess_in_a_fresh_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(["new"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["loonexport.csv", "organisatie.toml"]
    assert run(["check", "organisatie.toml"]) == 0
    capsys.readouterr()
    assert run(["assess", "organisatie.toml", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["counts"]["employment_rows"] == 6
    assert run(["new"]) == 2
    err = capsys.readouterr().err
    assert "organisatie.toml: het bestand bestaat al" in err
    assert "loonexport.csv: het bestand bestaat al" in err
    assert run(["new", "en-folder", "--lang", "en"]) == 0
    assert run(["assess", "en-folder/organisation.toml", "--lang", "en"]) == 0


def test_check_reports_every_problem_located(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    bad = files(tmp_path, HEADER + "A;30-02-2023;;x\nB;15-01-2016;14-01-2015;40\n;;;\n"
                                   "C;;;40\n", "color = 1\n")
    assert run(["check", str(bad), "--lang", "en"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "psoladder: 5 problems in the input:"
    assert all(re.match(r"  (org\.toml|p\.csv)(, row \d+)?, field '", line) for line in err[1:])
    assert run(["check", str(bad), "--format", "json"]) == 2
    doc = json.loads(capsys.readouterr().out)
    assert doc["ok"] is False
    assert len(doc["problems"]) == 5
    assert doc["problems"][1]["text"].startswith("p.csv, regel 2, veld 'start': 30 februari")


def test_check_clean_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", str(EXPORT / "organisatie.toml"), "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == ["organisatie.toml: no problems found; 40 employment rows of 40 persons "
                       "and 0 purchases",
                       "loonexport.csv: 40 employment rows read; 3 lines above the header "
                       "skipped"]


def test_groups_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["groups", "--format", "json", "--lang", "en"]) == 0
    doc = json.loads(capsys.readouterr().out)
    ww = next(g for g in doc if g["code"] == "ww")
    assert ww["required_dates"] == ["ww_since"]
    assert ww["editions"][0]["weight"] == "0.75"
    participatiewet = next(g for g in doc if g["code"] == "participatiewet")
    assert [(e["from"], e["to"], e["window_years"]) for e in participatiewet["editions"]] == [
        ("1.5", "1.6", 3), ("1.7", "2.1", 5)]
    assert {g["code"] for g in doc} == {t.value for t in psoladder.TargetGroup}
    assert run(["groups", "--format", "markdown"]) == 0
    assert "| `wajong` | Wajong (Wajong), R-TG-5 |" in capsys.readouterr().out


def test_organisation_from_standard_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.csv").write_text(HEADER + "A;25-03-2016;;40\nB;2016-01-01;;40\n",
                                    encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    doc = {"name": "X", "kvk": ["12345678"], "application_date": "2024-05-01",
           "payroll": {"file": "p.csv", "date_format": "iso"}}

    class Stdin:
        def __init__(self, data: bytes) -> None:
            self.buffer = io.BytesIO(data)

    monkeypatch.setattr("sys.stdin", Stdin(json.dumps(doc).encode()))
    monkeypatch.setattr("psoladder.cli._STDIN", {})
    assert run(["check", "-", "--lang", "en"]) == 2
    assert "<stdin>" not in capsys.readouterr().err.split("\n")[1]  # a payroll problem
    monkeypatch.setattr("sys.stdin", Stdin(b'name = "X"\nkvk = "12345678"\n'
                                           b'application_date = 2024-05-01\n'
                                           b'employments = "../p.csv"\n'))
    monkeypatch.setattr("psoladder.cli._STDIN", {})
    assert run(["assess", "-", "--lang", "en"]) == 2
    assert "outside the organisation file's folder" in capsys.readouterr().err


def test_output_suffix_chooses_the_format(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    org = EXPORT / "organisatie.toml"
    for suffix, start in ((".json", "{"), (".md", "# "), (".html", "<!DOCTYPE html>"),
                          (".txt", "PSO-beoordeling")):
        target = tmp_path / f"report{suffix}"
        assert run(["assess", str(org), "-o", str(target)]) == 0
        assert target.read_text(encoding="utf-8").startswith(start), suffix
    assert run(["assess", str(org), "-o", str(tmp_path / "r.json"), "--format", "text"]) == 0
    assert (tmp_path / "r.json").read_text(encoding="utf-8").startswith("PSO-beoordeling")
    assert run(["assess", str(org), "-o", str(tmp_path / "r.pdf")]) == 2
    assert "onbekend rapportformaat" in capsys.readouterr().err
    assert run(["assess", str(org), "-o", str(tmp_path / "nope" / "r.md")]) == 2


# ---------------------------------------------------------------- words


def test_every_message_key_in_the_code_has_words() -> None:
    used: set[str] = set()
    for path in (ROOT / "src" / "psoladder").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'"((?:in|ih|po|pr|grp|new|chk|e)\.[a-z_.0-9]+)"', text))
    missing = sorted(k for k in used if not messages.has(k) and not k.endswith("."))
    assert missing == []
    assert DateFormat.DMY_DASH.pattern("nl") == "dd-mm-jjjj"


def test_pseudonymised_errors_hide_a_person_column_named_otherwise(tmp_path: Path) -> None:
    org = files(tmp_path, "Personeelsnummer;start;hours_per_week\nSECRET\x07ID;2016-01-01;40\n")
    with pytest.raises(InputError) as info:
        assess_file(org, pseudonym_key="k" * 32)
    assert info.value.problems[0].field == "Personeelsnummer"
    assert "SECRET" not in str(info.value)
    with pytest.raises(InputError) as plain:
        assess_file(org)
    assert "SECRET" in str(plain.value)


BAD = {
    "mixed dates": (HEADER + "A;25-03-2016;;40\nB;2016-03-11;;40\nC;12-05-2017;;40\n", ""),
    "impossible date": (HEADER + "A;30-02-2023;;40\n", ""),
    "ambiguous number": (HEADER + "A;2016-01-01;;12,500\n", ""),
    "mixed numbers": (HEADER + "A;2016-01-01;;32,5\nB;2016-01-01;;32.5\nC;2016-01-01;;1,5\n", ""),
    "unknown code": ("person;start;hours_per_week;contract\nA;2016-01-01;40;Oproep\n", ""),
    "missing column": ("Nr;start;uren\nA;2016-01-01;40\n", ""),
    "strict": ("person;Naam;start;hours_per_week\nA;Jan;2016-01-01;40\n", "strict = true\n"),
    "bad table": (HEADER + "A;2016-01-01;;40\n", 'date_format = "yy"\n[payroll.columns]\n'
                                                 '"Nr" = "nr"\n'),
    "no header": ("Overzicht\nnog iets\n", ""),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_check_exits_2_on_each_bad_fixture_with_every_problem_located(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str) -> None:
    payroll, settings = BAD[case]
    org = files(tmp_path, payroll, settings)
    assert run(["check", str(org), "--format", "json", "--lang", "en"]) == 2
    found = json.loads(capsys.readouterr().out)["problems"]
    assert found
    for p in found:
        assert p["file"] in ("org.toml", "p.csv"), p
        assert p["row"] is not None or p["field"] is not None, p
        assert p["hint"] or p["message"].startswith(("unknown code", "written", "the number"))
    assert run(["check", str(org)]) == 2
    assert "Traceback" not in capsys.readouterr().err


# ---------------------------------------------------------------- properties of the seam

_WRITE = {DateFormat.ISO: "{y:04d}-{m:02d}-{d:02d}", DateFormat.DMY_DASH: "{d}-{m}-{y}",
          DateFormat.DMY_SLASH: "{d:02d}/{m:02d}/{y}", DateFormat.DMY_DOT: "{d:02d}.{m:02d}.{y}",
          DateFormat.MDY_SLASH: "{m:02d}/{d:02d}/{y}"}


@settings(max_examples=60, deadline=None)
@given(days=st.lists(st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)), min_size=1,
                     max_size=12), fmt=st.sampled_from(sorted(_WRITE, key=lambda f: f.value)))
def test_dates_written_one_way_read_back(days: list[dt.date], fmt: DateFormat) -> None:
    texts = [_WRITE[fmt].format(y=d.year, m=d.month, d=d.day) for d in days]
    decision = detect_dates(texts)
    back = [read_date(t, decision) for t in texts]
    if decision.ambiguous:  # every value could be either: read day-first, said so
        assert decision.format is not None
        assert decision.format.day_first
        assert all(d.day <= 12 for d in days)
    if not decision.ambiguous or fmt.day_first or fmt is DateFormat.ISO:
        assert back == days
    # distinct values with their counts decide as the rows do (the columnar seam)
    counts = Counter(texts)
    assert detect_dates(list(counts), list(counts.values())) == decision


@settings(max_examples=60, deadline=None)
@given(values=st.lists(st.decimals(min_value=0, max_value=10**6, places=2,
                                   allow_nan=False), min_size=1, max_size=8),
       mark=st.sampled_from([",", "."]), grouped=st.booleans())
def test_numbers_written_one_way_read_back_or_refused(values: list[Decimal], mark: str,
                                                      grouped: bool) -> None:
    other = "." if mark == "," else ","
    texts = [f"{v:,.2f}" if grouped else f"{v:.2f}" for v in values]
    texts = [t.replace(",", "_").replace(".", mark).replace("_", other if grouped else "")
             for t in texts]
    decision = detect_numbers(texts)
    assert [read_number(t, decision) for t in texts] == values
    counts = Counter(texts)
    assert detect_numbers(list(counts), list(counts.values())) == decision
