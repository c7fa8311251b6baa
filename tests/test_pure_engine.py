"""The pure-Python columnar engine (no extra needed): the same outcome as the validating engine.

Every test compares ``engine="pure"`` with ``engine="validating"`` (and with
``engine="fast"`` where the ``fast`` extra is installed): the same
assessment, workforce objects and explanation, or the same located problems.
Where the pure engine reads a file itself (and where it leaves it to the
validating path) is checked too, so that a fallback cannot hide a
difference. The organisations of the public strategies and generated
payrolls of both shapes are compared in ``test_equivalence.py``.
"""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.payroll_cases import (
    DIALECTS,
    EXPORTS,
    HEADER,
    ORG,
    REFUSED,
    ROWS,
    export,
    organisation,
    payroll_texts,
)

import psoladder
from psoladder import InputError, assess_file, columnar
from psoladder.columnar import pure

KEY = "a pseudonymisation key of the tests"


def outcome(path: Path, engine: str, **options: Any) -> Any:
    try:
        a = assess_file(path, engine=engine, **options)  # type: ignore[arg-type]
    except InputError as exc:
        return ("problems", [(p.file, p.row, p.field, p.message) for p in exc.problems])
    return ("result", a.to_dict(), a.workforce, a.explanation.to_dict(), a.warnings)


def same(path: Path, **options: Any) -> Any:
    """The outcome, the same with the pure engine and the validating one (and the fast one, where installed)."""
    found = outcome(path, "pure", **options)
    assert found == outcome(path, "validating", **options)
    if columnar.available():
        assert found == outcome(path, "fast", **options)
    return found


def taken(payroll: Path, fmt: Any = None) -> bool:
    """Whether the pure engine reads this CSV itself (else the validating path does)."""
    return isinstance(pure.read_csv(payroll, payroll.name, fmt), pure.Table)


def fast_takes(payroll: Path, fmt: Any = None) -> bool | None:
    """Whether the columnar engine reads this CSV itself; ``None`` without the fast extra."""
    if not columnar.available():
        return None
    from psoladder.columnar.columns import Decoded

    return isinstance(columnar.read_payroll(payroll, payroll.name, fmt), Decoded)


# Dialects the pure engine reads itself: everything Python's csv module reads
# one row per line, with blank rows only after the last row.
LEFT_TO_THE_VALIDATING_PATH = {
    "filled unnamed column", "filled cell after the header's last", "empty line between rows",
    "line break in a quoted cell", "short row"}


@pytest.mark.parametrize("name", list(DIALECTS))
def test_every_dialect_gives_the_same_outcome(tmp_path: Path, name: str) -> None:
    text, fast = DIALECTS[name]
    path = organisation(tmp_path, text)
    assert taken(tmp_path / "payroll.csv") == (name not in LEFT_TO_THE_VALIDATING_PATH)
    assert fast_takes(tmp_path / "payroll.csv") in (None, fast)
    assert same(path)[0] == ("problems" if name in REFUSED else "result")


@pytest.mark.parametrize("name", list(EXPORTS))
def test_every_export_gives_the_same_outcome(tmp_path: Path, name: str) -> None:
    text, table, fine = EXPORTS[name]
    path = export(tmp_path, text, table)
    kind, *rest = same(path)
    assert kind == ("result" if fine else "problems"), rest
    if fine:
        from psoladder.io.orgfile import read_document
        from psoladder.io.payroll import payroll_format

        fmt = payroll_format(read_document(path)[0]["payroll"])
        assert taken(tmp_path / "export.csv", fmt)
        assert fast_takes(tmp_path / "export.csv", fmt) in (None, True)
        assert rest[0]["reading"]  # the ignored name column, at least


@pytest.mark.parametrize("payroll", [
    HEADER + "A,2023-02-30,,32,,,\n",
    HEADER + "A,2023-05-01,2023-04-30,32,,,\n",
    HEADER + "A,2023-01-01,,32,,ww,\n",
    HEADER + "A,2023-01-01,,32,permanent,,\n",
    HEADER + ",2023-01-01,,32,,,\n",
    HEADER + "A" * 200_000 + ",2023-01-01,,32,,,\n",
    (HEADER + "A,2023-01-01,,32,,,\n").encode("utf-8") + b"\xff\xfe,,\n",
    "",
], ids=["bad date", "end before start", "ww without ww_since", "unknown contract",
        "missing person", "very long cell", "not UTF-8", "empty file"])
def test_every_problem_is_reported_the_same(tmp_path: Path, payroll: str | bytes) -> None:
    kind, problems = same(organisation(tmp_path, payroll))
    assert kind == "problems"
    assert problems


# CI: 60,000 rows; PSOLADDER_LARGE_TESTS=1: 1,000,000.
BAD_ROW_FILE = 1_000_000 if os.environ.get("PSOLADDER_LARGE_TESTS") == "1" else 60_000


def test_a_bad_row_in_the_middle_of_a_large_file_gives_the_located_error(
        tmp_path: Path) -> None:
    rows = [f"P{i:07d},20{10 + i % 13}-0{1 + i % 9}-1{i % 9},,{8 + i % 33},,,\n"
            for i in range(BAD_ROW_FILE)]
    middle = BAD_ROW_FILE // 2
    rows[middle] = f"P{middle:07d},2023-13-01,,32,,,\n"
    path = organisation(tmp_path, HEADER + "".join(rows))
    assert same(path) == ("problems", [("payroll.csv", middle + 2, "start",
                                        "not a day of the calendar (read as yyyy-mm-dd)")])


@settings(max_examples=60)
@given(payroll_texts())
def test_any_payroll_text_gives_the_same_outcome(tmp_path_factory: pytest.TempPathFactory,
                                                 text: str) -> None:
    same(organisation(tmp_path_factory.mktemp("p"), text))


# ---------------------------------------------------------------- people

# Each person here takes another way through the engine: summed in its one
# loop (one row; rows one after another; rows of one contract type sharing
# days), or folded by the validating engine's per-person code (a target
# group, contract types or entities sharing days, a row left out of total fte).
PEOPLE = (
    "person,start,end,hours_per_week,contract,target_group,ww_since,entity\n"
    "one,2020-01-01,,32,,,,\n"
    "one-capped,2023-03-01,2023-09-30,45,,,,\n"
    "outside,2010-01-01,2012-12-31,40,,,,\n"
    "history,2015-01-01,2022-12-31,40,,,,\n"
    "history,2023-01-01,2023-05-31,24,,,,\n"
    "history,2023-06-01,,36,placement,,,\n"
    "one-inside,2016-01-01,2019-12-31,40,,,,\n"
    "one-inside,2023-04-01,,20,trial,,,\n"
    "shared,2023-01-01,2023-08-31,32,,,,\n"
    "shared,2023-06-01,,24,,,,\n"
    "shared-low,2023-01-01,2023-08-31,16,,,,\n"
    "shared-low,2023-06-01,,16,,,,\n"
    "two-contracts,2023-01-01,2023-08-31,32,,,,\n"
    "two-contracts,2023-06-01,,24,secondment_flex,,,\n"
    "backwards,2023-07-01,,40,,,,\n"
    "backwards,2023-01-01,2023-06-30,40,supported,,,\n"
    "target,2023-02-01,,36,,ww,2022-01-01,\n"
    "target,2022-01-01,2023-01-31,36,,,,\n"
    "care,2023-01-01,2023-06-30,40,,,,Zorg B.V.\n"
    "care,2023-07-01,,40,,,,\n"
    "no-hours,2023-01-01,,0.5,,,,\n"
    "interleaved,2023-01-01,2023-03-31,40,,,,\n"
    "one,2019-01-01,2019-12-31,40,,,,\n"
    "interleaved,2023-04-01,,40,,,,\n"
    "interleaved ,2022-01-01,2022-12-31,40,,,,\n")
GROUP = ('name = "Kolom B.V."\nkvk = ["12345678", "87654321"]\napplication_date = 2024-05-01\n'
         'peiljaar = { start = 2023-01-01, end = 2023-12-31 }\nemployments = "payroll.csv"\n'
         '[[entity]]\nname = "Zorg B.V."\nkvk = "87654321"\n')


def people(folder: Path, text: str = PEOPLE, org: str = GROUP) -> Path:
    (folder / "payroll.csv").write_text(text, encoding="utf-8")
    (folder / "organisation.toml").write_text(org, encoding="utf-8")
    return folder / "organisation.toml"


@pytest.mark.parametrize("options", [{}, {"detail": True}, {"pseudonym_key": KEY}],
                         ids=["summarised", "detail", "pseudonymised"])
def test_every_way_through_the_engine(tmp_path: Path, options: dict[str, Any]) -> None:
    path = people(tmp_path)
    assert taken(tmp_path / "payroll.csv")
    kind, _, wf, *_ = same(path, **options)
    assert kind == "result"
    assert wf.absent_persons == (0 if options.get("detail") else 1)
    assert wf.capped_persons >= 3
    assert set(wf.persons_by_entities) == {frozenset({None}), frozenset({None, "Zorg B.V."})}


def test_rows_in_any_order_give_the_same_workforce(tmp_path: Path) -> None:
    header, *rows = PEOPLE.splitlines(keepends=True)
    random.Random(4).shuffle(rows)
    grouped = assess_file(people(tmp_path), engine="pure")
    shuffled = tmp_path / "shuffled"
    shuffled.mkdir()
    assert taken(people(shuffled, header + "".join(rows)).parent / "payroll.csv")
    _, figures, *_ = same(shuffled / "organisation.toml")
    assert figures["total_fte"] == grouped.to_dict()["total_fte"]


def test_a_sw_organisation_leaves_its_detached_staff_out(tmp_path: Path) -> None:
    text = ("person,start,end,hours_per_week,contract\nA,2023-01-01,,40,sw_detached_out\n"
            "B,2023-01-01,,40,\nB,2023-03-01,,8,sw_detached_out\nC,2023-01-01,,32,\n")
    path = people(tmp_path, text, ORG.replace("{payroll}", "payroll.csv")
                  + "sw_organisation = true\n")
    kind, _, wf, *_ = same(path)
    assert kind == "result"
    assert wf.person_count == 3


def test_auto_without_the_fast_extra_is_the_pure_engine(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = people(tmp_path)
    read: list[str] = []
    original = pure.read_csv

    def spy(payroll: Path, name: str, fmt: Any = None) -> Any:
        read.append(name)
        return original(payroll, name, fmt)

    monkeypatch.setattr(pure, "read_csv", spy)
    monkeypatch.setattr(columnar, "available", lambda: False)
    assert columnar.route("auto") == "pure"
    a = assess_file(path)
    assert read == ["payroll.csv"]
    assert a.to_dict() == assess_file(path, engine="validating").to_dict()


def test_organisation_rows_before_the_payroll_go_to_the_validating_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inline = '\n[[employment]]\nperson = "X"\nstart = 2020-01-01\nhours_per_week = 8\n'
    path = people(tmp_path, HEADER + ROWS, ORG.replace("{payroll}", "payroll.csv") + inline)
    monkeypatch.setattr(pure, "read_csv", lambda *a, **k: pytest.fail("read by pure"))
    kind, _, wf, *_ = same(path)
    assert kind == "result"
    assert wf.rows_read == 6


def test_the_command_line_takes_the_pure_engine(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    from psoladder.cli import run

    path = people(tmp_path)
    printed = []
    for engine in ("pure", "validating"):
        assert run(["assess", str(path), "--format", "json", "--engine", engine]) == 0
        printed.append(capsys.readouterr().out)
    assert printed[0] == printed[1]
    assert psoladder.columnar.ENGINES == ("auto", "fast", "pure", "validating")


# ---------------------------------------------------------------- issue 11: a hostile review
# Each test names the invariant it checks; each began as a difference found
# by comparing the engines on generated and hand-made files.

PLAIN = "person,start,end,hours_per_week,registered\n" "A,2023-01-01,,32,\n"


@pytest.mark.parametrize("last", ["  \n", " ,,,,\n", ",,,, \n", "\t\n"],
                         ids=["spaces", "space in the person cell", "space in a yes/no cell",
                              "tab"])
def test_a_row_of_whitespace_at_the_end_is_read_as_the_validating_reader_reads_it(
        tmp_path: Path, last: str) -> None:
    # Only a row whose every cell is empty is blank: a cell of spaces is
    # read ("  " is no person; "registered" reads " " as no).
    kind, problems = same(organisation(tmp_path, PLAIN + last))
    assert kind == "problems"
    assert problems[0][1] == 3


def test_empty_rows_at_the_end_are_blank_rows_of_either_engine(tmp_path: Path) -> None:
    path = organisation(tmp_path, PLAIN + "\n,,,,\n,,\n" + "," * 80 + "\n")
    assert taken(tmp_path / "payroll.csv")
    kind, figures, *_ = same(path)
    assert kind == "result"
    assert figures["reading"]  # the blank lines told


@pytest.mark.parametrize("header_cells", [0, 70], ids=["a plain header", "a padded header"])
def test_a_row_of_more_cells_than_any_header_has_is_refused_alike(tmp_path: Path,
                                                                   header_cells: int) -> None:
    # Cells beyond the header's may be empty, but not more of them than a
    # header may have columns (limits.MAX_COLUMNS), even empty.
    from psoladder.limits import MAX_COLUMNS

    text = ("person,start,hours_per_week" + "," * header_cells + "\n"
            + "A,2020-01-01,32" + "," * (MAX_COLUMNS + 1) + "\n")
    kind, problems = same(organisation(tmp_path, text))
    assert kind == "problems"
    assert problems[0][1:3] == (2, None)
    fits = "person,start,hours_per_week\nA,2020-01-01,32" + "," * (MAX_COLUMNS - 3) + "\n"
    assert same(organisation(tmp_path, fits))[0] == "result"
    assert taken(tmp_path / "payroll.csv")


def test_a_date_format_notice_names_the_example_the_validating_reader_names(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The reader's first pass keeps a column's first distinct values in a
    # memo and folds the others first: the example proving month-first
    # dates is the first in that order (4,096 distinct dates in a real file;
    # 3 here).
    from psoladder.io import payroll

    monkeypatch.setattr(payroll._Survey, "_MEMO", 3)
    text = ("person,start,hours_per_week\nA,01/13/2020,32\nB,01/14/2020,32\nC,01/15/2020,32\n"
            "D,02/16/2020,32\nE,02/17/2020,32\n")
    kind, figures, *_ = same(organisation(tmp_path, text))
    assert kind == "result"
    assert taken(tmp_path / "payroll.csv")
    assert "02/16/2020" in str(figures["reading"])


def _history(rows: int) -> list[str]:
    """``rows`` rows of people with one to three rows each, each person's rows together."""
    lines: list[str] = []
    person = 0
    while len(lines) < rows:
        for k in range(1 + person % 3):
            lines.append(f"P{person},20{20 + k}-0{1 + person % 9}-01,"
                         f"{'' if k == person % 3 else f'20{20 + k}-12-31'},{8 + person % 33},,\n")
        person += 1
    return lines[:rows]


@pytest.mark.parametrize("at", [3, 600, 1023, 1024, 1025, 2048],
                         ids=lambda at: f"row {at}")
def test_a_person_coming_back_at_any_row_is_one_person(tmp_path: Path, at: int) -> None:
    # The person column is kept as runs while each person's rows follow each
    # other; a person coming back (in a block of 1,024 rows or at its first
    # row) turns it into positions from there on, the rows before by their runs.
    rows = _history(2100)
    rows.insert(at, "P0,2023-05-01,,12,placement,\n")
    path = organisation(tmp_path, HEADER.replace(",ww_since", "") + "".join(rows))
    table = pure.read_csv(tmp_path / "payroll.csv", "payroll.csv")
    assert isinstance(table, pure.Table)
    assert table.runs is None
    kind, _, wf, *_ = same(path)
    assert kind == "result"
    assert wf.rows_read == 2101
    p0 = next(p for p in assess_file(path, detail=True, engine="pure").workforce.persons
              if p.person == "P0")
    assert len(p0.periods) >= 1
    assert same(path, pseudonym_key=KEY)[0] == "result"


def test_people_kept_together_across_blocks_are_kept_as_runs(tmp_path: Path) -> None:
    path = organisation(tmp_path, HEADER.replace(",ww_since", "") + "".join(_history(2100)))
    table = pure.read_csv(tmp_path / "payroll.csv", "payroll.csv")
    assert isinstance(table, pure.Table)
    assert table.runs is not None
    assert same(path, detail=True)[0] == "result"


@pytest.mark.parametrize("persons", [
    ["E1", " E1", "E1 "], ["E1", "X", " E1"], [" E1", "E1", "X", "E1"]],
    ids=["together", "apart", "coming back"])
@pytest.mark.parametrize("options", [{}, {"detail": True}, {"pseudonym_key": KEY}],
                         ids=["summarised", "detail", "pseudonymised"])
def test_identifiers_read_as_one_person_are_one_person(tmp_path: Path, persons: list[str],
                                                       options: dict[str, Any]) -> None:
    # (the identifier is stripped: " E1" is E1; the pure engine merges the
    # texts of one identifier, or leaves a pseudonymised payroll to the
    # validating path)
    rows = "".join(f"{p},2023-0{1 + k}-01,2023-0{1 + k}-20,{30 + k},,\n"
                   for k, p in enumerate(persons))
    path = organisation(tmp_path, HEADER.replace(",ww_since", "") + rows)
    kind, _, wf, *_ = same(path, **options)
    assert kind == "result"
    assert wf.person_count == len({p.strip() for p in persons})


@pytest.mark.parametrize(("blank_at", "reads"), [
    (1024, False), (1023, False), (2048, True)],
    ids=["at the first row of a block", "at the last row of a block", "at the end"])
def test_blank_rows_at_a_block_boundary(tmp_path: Path, blank_at: int, reads: bool) -> None:
    rows = _history(2048)
    rows[blank_at:blank_at] = ["\n", ",,,,,\n"]
    path = organisation(tmp_path, HEADER.replace(",ww_since", "") + "".join(rows))
    assert taken(tmp_path / "payroll.csv") == reads  # (blank rows between rows: a form left)
    kind, _, wf, *_ = same(path)
    assert kind == "result"
    assert wf.rows_read == 2048


@pytest.mark.parametrize("rows", [
    "", "A,2023-01-01,,32,,\n", "A,2010-01-01,2012-12-31,40,,\nB,2024-01-01,,40,,\n",
    "A,2023-12-31,2023-12-31,40,,wajong\n", "A,2023-01-01,2023-01-01,168,,\n"],
    ids=["header only", "one row", "every row outside the peiljaar", "one day of a target group",
         "one day capped"])
@pytest.mark.parametrize("options", [{}, {"detail": True}, {"pseudonym_key": KEY}],
                         ids=["summarised", "detail", "pseudonymised"])
def test_small_payrolls_give_the_same_outcome(tmp_path: Path, rows: str,
                                              options: dict[str, Any]) -> None:
    path = organisation(tmp_path, HEADER.replace(",ww_since", "") + rows)
    assert taken(tmp_path / "payroll.csv")
    kind, _, wf, *_ = same(path, **options)
    assert kind == "result"
    assert wf.rows_read == rows.count("\n")


# ------------------------------------------------- generated exports and people (issue 11)

#: Cells of each column, some of them odd: identifiers with spaces, case or
#: delimiters, Dutch dates, decimal commas, hours above the cap, yes/no words.
ODD_CELLS = {
    "person": ["A", "B", "a", " A", "A ", "E1", "Müller", "x y", '"Q"', "R;S", "T,U"],
    "start": ["2020-01-01", "2023-01-01", "2023-06-15", "2023-12-31", "2024-01-01",
              "2022-12-31", "2024-02-29", "1-3-2023", "01-01-2023", " 2023-03-01"],
    "end": ["", "", "2023-03-31", "2023-12-31", "2022-12-31", "2024-06-30", "31-12-2023"],
    "hours_per_week": ["40", "32", "24,5", "22.5", "32.333", "45", "38.01", "0.0001", " 16 "],
    "contract": ["", "", "regular", "vast", "placement", "trial", "sw_detached_out", "Detachering"],
    "target_group": ["", "", "", "wajong", "ww", "vso_pro", "status_lost_2y", "Banenafspraak"],
    "ww_since": ["", "2022-01-01"], "school_left": ["", "2019-07-01"],
    "status_lost": ["", "2022-03-01"], "registered": ["", "ja", "false"],
    "entity": ["", "", "Zorg B.V.", " zorg  b.v.", "87654321", "12345678"],
    "Naam": ["Jansen", "", "de Vries, J."], "BSN": ["123456782"],
}
ORGANISATIONS = {
    "plain": ORG.replace("{payroll}", "payroll.csv"),
    "group": GROUP,
    "sw": ORG.replace("{payroll}", "payroll.csv") + "sw_organisation = true\n",
    "a cao week of 37.5 hours": ORG.replace("{payroll}", "payroll.csv")
    + "fulltime_hours = 37.5\n",
    "evidence": ORG.replace("{payroll}", "payroll.csv")
    + '[[evidence]]\nperson = "A"\nsuitable_work = true\n',
}


@st.composite
def exports(draw: st.DrawFn) -> tuple[str, str]:
    """A payroll text of odd but ordinary cells, and an organisation to read it for."""
    optional = [f for f in ODD_CELLS if f not in ("person", "start", "end", "hours_per_week")]
    fields = draw(st.permutations(["person", "start", "end", "hours_per_week", *draw(
        st.lists(st.sampled_from(optional), unique=True, max_size=5))]))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))

    def cell(text: str) -> str:
        return f'"{text}"' if delimiter in text or '"' in text else text

    lines = [delimiter.join(fields) + draw(st.sampled_from(["", delimiter]))]
    if draw(st.integers(0, 5)) == 0:
        lines[:0] = ["Overzicht 2023", ""]
    for _ in range(draw(st.integers(0, 10))):
        lines.append(delimiter.join(cell(draw(st.sampled_from(ODD_CELLS[f]))) for f in fields))
    text = newline.join(lines) + draw(st.sampled_from(["", newline, newline * 2,
                                                       newline + delimiter * 3 + newline]))
    return text, draw(st.sampled_from(list(ORGANISATIONS)))


@settings(max_examples=40, deadline=None)
@given(exports(), st.sampled_from([{}, {"detail": True}, {"pseudonym_key": KEY}]))
def test_any_odd_export_gives_the_same_outcome(tmp_path_factory: pytest.TempPathFactory,
                                               export: tuple[str, str],
                                               options: dict[str, Any]) -> None:
    text, org = export
    folder = tmp_path_factory.mktemp("p")
    same(people(folder, text, ORGANISATIONS[org]), **options)


DAYS = ["2022-12-30", "2022-12-31", "2023-01-01", "2023-02-28", "2023-03-01", "2023-06-30",
        "2023-07-01", "2023-12-30", "2023-12-31", "2024-01-01", "2024-02-29", "2020-02-29"]


@st.composite
def histories(draw: st.DrawFn) -> tuple[str, str]:
    """People whose rows start and end around the peiljaar's edges, with hours around the cap.

    Rows of one person overlap or follow each other, change contract type,
    entity or target group, and come in any order.
    """
    rows = []
    for p in range(draw(st.integers(1, 4))):
        for _ in range(draw(st.integers(1, 4))):
            start, end = sorted(draw(st.lists(st.sampled_from(DAYS), min_size=2, max_size=2)))
            rows.append(",".join([
                f"P{p}", start, draw(st.sampled_from(["", end])),
                draw(st.sampled_from(["40", "36", "37.5", "45", "0.5", "38.26", "39.9999", "80"])),
                draw(st.sampled_from(["", "", "placement", "supported", "sw_detached_out"])),
                draw(st.sampled_from(["", "", "", "wajong", "ww", "status_lost_2y"])),
                "2022-01-01", "2021-06-01", draw(st.sampled_from(["", "Zorg B.V.", "87654321"]))]))
    rows = draw(st.permutations(rows))
    head, entity = GROUP.split("[[entity]]")
    peiljaar = draw(st.sampled_from(["{ start = 2023-01-01, end = 2023-12-31 }",
                                     "{ start = 2023-03-01, end = 2024-02-29 }"]))
    head = head.replace("{ start = 2023-01-01, end = 2023-12-31 }", peiljaar) + draw(
        st.sampled_from(["", "sw_organisation = true\n", "fulltime_hours = 38.25\n"]))
    return ("person,start,end,hours_per_week,contract,target_group,ww_since,status_lost,entity\n"
            + "\n".join(rows) + "\n"), head + "[[entity]]" + entity


@settings(max_examples=60, deadline=None)
@given(histories(), st.booleans())
def test_any_history_gives_the_same_workforce(tmp_path_factory: pytest.TempPathFactory,
                                              history: tuple[str, str], detail: bool) -> None:
    # Summed in the pure engine's one loop, or folded by the per-person code:
    # either way the validating engine's figures.
    text, org = history
    folder = tmp_path_factory.mktemp("p")
    path = people(folder, text, org)
    assert taken(folder / "payroll.csv")
    assert same(path, detail=detail)[0] == "result"


@pytest.mark.parametrize(("rows", "kind"), [
    ("A,2020-01-01,32,\nB,2021-01-01,40\nC,2022-01-01,8,,\n", "result"),
    ("A,2020-01-01,32\nB,2021-01-01,40, \n", "result"),
    ("A,2020-01-01,32,\nB,2021-01-01,40,,x\n", "problems"),
    ("A,2020-01-01,32\nB,2021-01-01,40,,,,,\n", "problems"),
], ids=["some rows with a trailing delimiter", "a space after the last delimiter",
        "a filled cell beyond the header's", "more cells than a header may have"])
def test_rows_differing_by_empty_cells_after_the_header_are_read_alike(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: str, kind: str) -> None:
    from psoladder.io import payroll

    monkeypatch.setattr(payroll, "MAX_COLUMNS", 5)
    path = organisation(tmp_path, "person,start,hours_per_week\n" + rows)
    assert taken(tmp_path / "payroll.csv") == (kind == "result")
    assert same(path)[0] == kind


def test_a_short_row_is_left_to_the_validating_path(tmp_path: Path) -> None:
    # (a row with fewer cells than the header: read by the validating path,
    # whose first pass does not count the missing cells)
    path = organisation(tmp_path, "person,start,end,hours_per_week\nA,2020-01-01,,32\n"
                                  "B,2021-01-01,\n")
    assert not taken(tmp_path / "payroll.csv")
    assert same(path)[0] == "problems"


def test_identifiers_read_as_one_person_are_pseudonymised_by_the_pure_engine(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # " E1" and "E1" are one identifier, so one pseudonym: not two
    # identifiers sharing one (which the validating path would merge).
    from psoladder import assessment

    rows = "E1,2023-01-01,2023-03-31,32,,\n E1,2023-04-01,,24,,\nX,2023-01-01,,40,,wajong\n"
    path = organisation(tmp_path, HEADER.replace(",ww_since", "") + rows)
    expected = outcome(path, "validating", pseudonym_key=KEY)
    monkeypatch.setattr(assessment, "stream_payroll",
                        lambda *a, **k: pytest.fail("read by the validating path"))
    assert outcome(path, "pure", pseudonym_key=KEY) == expected
    assert expected[2].person_count == 2
