"""The columnar engine (fast extra): readers, kernel, tables, Parquet, fallbacks.

Every test compares the columnar engine with the validating one: same
assessment, same workforce objects, same explanation, or the same located
problems.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("pyarrow", reason="the columnar engine needs the fast extra (pyarrow)")
pytest.importorskip("numpy", reason="the columnar engine needs the fast extra (numpy)")

import numpy as np
import pyarrow as pa
from tests.payroll_cases import (
    HEADER,
    ORG,
    ROWS,
    organisation,
    payroll_texts,
)

import psoladder
from psoladder import InputError, assess, assess_file, columnar
from psoladder.columnar import kernel, read
from psoladder.columnar.columns import Columns, Decoded
from psoladder.fte import _share_capped_hours, capped_total


def outcome(path: Path, engine: str, **options: Any) -> Any:
    try:
        a = assess_file(path, engine=engine, **options)  # type: ignore[arg-type]
    except InputError as exc:
        return ("problems", [(p.file, p.row, p.field, p.message) for p in exc.problems])
    return ("result", a.to_dict(), a.workforce, a.explanation.to_dict())


def same(path: Path, **options: Any) -> Any:
    """The outcome, the same with every engine (the pure-Python columnar one too)."""
    fast = outcome(path, "fast", **options)
    assert fast == outcome(path, "validating", **options)
    assert fast == outcome(path, "pure", **options)
    return fast


def taken(path: Path, fmt: Any = None) -> bool:
    """Whether the columnar engine reads this CSV itself (else the validating path does)."""
    return isinstance(columnar.read_payroll(path, path.name, fmt), Decoded)


# ---------------------------------------------------------------- CSV dialects

# Every dialect and export of tests/payroll_cases.py, generated payroll texts
# and a bad row in the middle of a large file are compared in all three
# engines by tests/test_pure_engine.py (which also checks which files the
# columnar engine reads itself).

def _plain_reference(piece: bytes) -> bool:
    """Plain lines, said the plainest way (the reader's check before it went numpy)."""
    if piece.count(b"\r") != piece.count(b"\r\n"):
        return False
    if piece.startswith((b"\n", b"\r\n")) or b"\n\n" in piece or b"\n\r\n" in piece:
        return False
    return all(line.count(b'"') % 2 == 0 for line in piece.split(b"\n"))


@given(st.lists(st.sampled_from([b"a", b",", b'"', b"\r", b"\n", b"\r\n", b"\xc3\xa9"]),
                max_size=30).map(b"".join))
def test_the_piece_check_finds_what_the_plain_check_finds(piece: bytes) -> None:
    """``_lines`` and ``_breaks`` (numpy passes) refuse exactly what the plain byte checks refuse."""
    breaks = read._breaks(piece)
    assert (breaks is not None) == _plain_reference(piece)
    assert read._lines(piece) == (None if breaks is None else len(breaks))
    assert read._lines(piece.replace(b"\r", b"").replace(b'"', b"")) == (
        None if not _plain_reference(piece.replace(b"\r", b"").replace(b'"', b""))
        else piece.count(b"\n"))
    if breaks is not None:
        assert breaks.tolist() == [i for i, b in enumerate(piece) if b == ord("\n")]
        assert read._longest_line(piece, breaks) == read._longest_line(piece)


# ---------------------------------------------------------------- exports (issue 12)

@pytest.mark.parametrize(("name", "payroll"), [
    ("bad date", HEADER + "A,2023-02-30,,32,,,\n"),
    ("bad hours", HEADER + "A,2023-01-01,,0,,,\n"),
    ("end before start", HEADER + "A,2023-05-01,2023-04-30,32,,,\n"),
    ("ww without ww_since", HEADER + "A,2023-01-01,,32,,ww,\n"),
    ("unknown contract", HEADER + "A,2023-01-01,,32,permanent,,\n"),
    ("missing person", HEADER + ",2023-01-01,,32,,,\n"),
    ("missing header field", "person,hours_per_week\nA,32\n"),
    ("repeated column", "person,start,hours_per_week,start\nA,2023-01-01,32,2023-01-01\n"),
    ("not UTF-8", (HEADER + "A,2023-01-01,,32,,,\n").encode("utf-8") + b"\xff\xfe,,\n"),
    ("very long cell", HEADER + "A" * 200_000 + ",2023-01-01,,32,,,\n"),
    ("empty file", ""),
])
def test_every_problem_is_reported_the_same(tmp_path: Path, name: str,
                                            payroll: str | bytes) -> None:
    kind, problems = same(organisation(tmp_path, payroll))
    assert kind == "problems"
    assert problems


# ---------------------------------------------------------------- generated CSV text

@settings(max_examples=60)
@given(payroll_texts(), st.integers(1, 200))
def test_a_file_read_in_pieces_reads_as_in_one(tmp_path_factory: pytest.TempPathFactory,
                                               text: str, size: int) -> None:
    """Pieces of any size (whole lines, empty lines at the end) join to the one-piece read."""
    path = tmp_path_factory.mktemp("p") / "payroll.csv"
    path.write_bytes(text.encode("utf-8"))
    whole = read.open_csv(path)
    original = read._PIECE_SIZE
    read._PIECE_SIZE = size
    try:
        pieces = read.open_csv(path)
    finally:
        read._PIECE_SIZE = original
    if isinstance(whole, str) or isinstance(pieces, str):
        # Refusals may differ in kind, never in whether the file is read.
        assert isinstance(whole, str) == isinstance(pieces, str)
        return
    assert (pieces.rows, pieces.blank_tail, pieces.first_row) == (
        whole.rows, whole.blank_tail, whole.first_row)
    for i in range(len(whole.fields)):
        (a, ia), (b, ib) = whole.column(i), pieces.column(i)  # type: ignore[misc]
        assert [a[k] for k in ia.tolist()] == [b[k] for k in ib.tolist()]
        assert b == list(dict.fromkeys(b[k] for k in ib.tolist()))  # first appearance


# ---------------------------------------------------------------- the kernel


@st.composite
def spans(draw: st.DrawFn) -> list[tuple[int, int, int, int]]:
    rows = []
    for i in range(draw(st.integers(1, 6))):
        first = draw(st.integers(0, 364))
        last = draw(st.integers(first, 364))
        rows.append((i, first, last, draw(st.integers(1, 60))))
    return rows


@given(st.lists(spans(), min_size=1, max_size=5), st.integers(20, 50))
def test_kernel_totals_equal_the_per_person_computation(people: list[list[tuple[int, int, int,
                                                                             int]]],
                                                        limit: int) -> None:
    pid, first, last, hours = [], [], [], []
    for p, rows in enumerate(people):
        for _, a, b, h in rows:
            pid.append(p), first.append(a), last.append(b), hours.append(h)
    order = list(range(len(pid)))
    random.Random(len(pid)).shuffle(order)
    arrays = [np.array([x[i] for i in order], dtype=np.int64) for x in (pid, first, last, hours)]
    totals, capped, _ = kernel.person_totals(*arrays, np.full(len(pid), limit), len(people))
    for p, rows in enumerate(people):
        assert (int(totals[p]), bool(capped[p])) == capped_total(rows, limit)


@given(spans(), st.integers(20, 50), st.lists(st.tuples(st.integers(-400, 400),
                                                       st.integers(-400, 800)), min_size=6,
                                             max_size=6))
def test_kernel_row_shares_equal_the_per_person_computation(
        rows: list[tuple[int, int, int, int]], limit: int,
        windows: list[tuple[int, int]]) -> None:
    n = len(rows)
    window = [(a, a + max(b, 0)) for a, b in windows[:n]]
    hour_units: list[Any] = [0] * n
    counted_units: list[Any] = [0] * n
    capped_days = [0] * n
    counted = [(max(a, wa), min(b, wb)) for (_, a, b, _), (wa, wb) in zip(rows, window,
                                                                       strict=False)]
    _share_capped_hours(rows, [(a, b) if a <= b else None for a, b in counted], limit,
                        hour_units, counted_units, capped_days)
    arrays = [np.array([r[k] for r in rows], dtype=np.int64) for k in (1, 2, 3)]
    shares = kernel.row_shares(np.zeros(n, dtype=np.int64), *arrays, np.full(n, limit),
                               np.array([w[0] for w in window]), np.array([w[1] for w in window]),
                               np.ones(n, dtype=np.bool_))
    for i in range(n):
        assert shares.hour_units[i] + shares.capped_hours.get(i, 0) == hour_units[i]
        assert shares.counted_units[i] + shares.capped_counted.get(i, 0) == counted_units[i]
        assert shares.capped_days[i] == capped_days[i]


def test_kernel_never_creates_a_float(tmp_path: Path) -> None:
    """Every array in every frame of the columnar package, line by line, is integer or bool."""
    seen: set[str] = set()
    package = str(Path(columnar.__file__).parent)

    def check(frame: Any, event: str, arg: Any) -> Any:
        if frame.f_code.co_filename.startswith(package):
            for name, value in frame.f_locals.items():
                if isinstance(value, np.ndarray):
                    seen.add(value.dtype.kind)
                    assert value.dtype.kind in "biuO", (frame.f_code.co_name, name, value.dtype)
        return check

    rows = "".join(f"P{i % 7},2023-0{1 + i % 9}-01,,{8 + i % 30}.5,{c},{g},\n"
                   for i, (c, g) in enumerate([("", ""), ("trial", "wajong"),
                                               ("placement", "participatiewet"),
                                               ("", "ww")] * 6))
    path = organisation(tmp_path, HEADER.replace("ww_since", "ww_since") + rows.replace(
        "ww,\n", "ww,2021-01-01\n"))
    sys.settrace(check)
    try:
        a = assess_file(path, engine="fast")
    finally:
        sys.settrace(None)
    assert a.total_fte > 0
    assert {"i", "b"} <= seen


def test_sums_that_could_overflow_int64_go_to_the_validating_path(tmp_path: Path) -> None:
    from psoladder.columnar.engine import Setting, workforce
    from psoladder.fte import FteBasis, Row
    from psoladder.model import ContractType
    from psoladder.periods import DateRange
    from psoladder.rules import rules_at

    # The bound on hours (4 decimals, at most 168) keeps every payroll inside
    # int64; rows built in Python are not bounded, so the engine still checks.
    path = organisation(tmp_path, "person,start,hours_per_week\nA,2020-01-01,32.1234\n"
                                  "B,2020-01-01,40\n")
    assert same(path)[0] == "result"
    hours = Decimal("32." + "1" * 17)  # 17 decimals: hours units beyond int64
    assert not kernel.fits(2, int(hours * 10**17))
    rows = [Row("A", dt.date(2020, 1, 1), None, hours, ContractType.REGULAR, None)]
    rules = rules_at(dt.date(2024, 5, 1))
    basis = FteBasis.of(DateRange(dt.date(2023, 1, 1), dt.date(2023, 12, 31)), None, rules)
    assert workforce(Columns.of_rows(rows), Setting(basis, rules)) is None


@given(st.lists(st.lists(st.tuples(st.integers(0, 364), st.integers(0, 364), st.integers(1, 60),
                                   st.integers(0, 2)), min_size=1, max_size=4),
                min_size=1, max_size=4), st.integers(20, 50))
def test_kernel_sums_by_key_are_the_rows_exact_shares(people: list[list[tuple[int, int, int,
                                                                              int]]],
                                                      limit: int) -> None:
    """Per key, the capped hours x days of its rows: each day, a row keeps its share of the cap."""
    expected: dict[int, Fraction] = {}
    pid, first, last, hours, key = [], [], [], [], []
    for p, rows in enumerate(people):
        rows = [(min(a, b), max(a, b), h, k) for a, b, h, k in rows]
        for day in range(365):
            on = [(h, k) for a, b, h, k in rows if a <= day <= b]
            level = sum(h for h, _ in on)
            for h, k in on:
                expected[k] = expected.get(k, Fraction(0)) + Fraction(h * min(level, limit), level)
        for a, b, h, k in rows:
            pid.append(p), first.append(a), last.append(b), hours.append(h), key.append(k)
    arrays = [np.array(x, dtype=np.int64) for x in (pid, first, last, hours)]
    found = kernel.totals(*arrays, limit, len(people), np.array(key, dtype=np.int64), 3)
    got = {k: found.keyed[k] + found.parts.get(k, 0) for k in range(3)
           if found.keyed[k] or k in found.parts}
    assert got == {k: v for k, v in expected.items() if v}


@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 10**6), st.integers(1, 2000),
                          st.integers(1, 400)), max_size=40))
def test_capped_parts_are_the_plain_sum_of_exact_shares(parts: list[tuple[int, int, int,
                                                                           int]]) -> None:
    """Per target, ``sum(units x limit / level)``: summed in integers, one Fraction per target."""
    expected: dict[int, Fraction] = {}
    for target, units, level, limit in parts:
        expected[target] = expected.get(target, Fraction(0)) + Fraction(units * limit, level)
    columns = [np.array([p[i] for p in parts], dtype=np.int64) for i in range(4)]
    assert kernel._capped_parts(*columns) == expected


# ---------------------------------------------------------------- tables and Parquet


def org() -> psoladder.Organisation:
    return psoladder.Organisation(
        name="Tabel B.V.", kvk="12345678", application_date="2024-05-01",
        employments=[psoladder.Employment(person="Z", start="2015-01-01", hours_per_week=40)])


TABLE = {"person": ["A", "B", "B", "C"], "start": ["2020-01-01", "2022-05-01", "2023-03-01",
                                                  "2023-02-01"],
         "end": [None, "2023-06-30", None, None], "hours_per_week": ["32", "40", "24.5", "36"],
         "contract": ["regular", None, "placement", "secondment_flex"],
         "target_group": [None, "wajong", "wajong", "ww"],
         "ww_since": [None, None, None, "2022-01-01"]}


def both(payroll: Any) -> Any:
    fast = assess(org(), payroll=payroll, engine="fast")
    slow = assess(org(), payroll=payroll, engine="validating")
    assert fast.to_dict() == slow.to_dict()
    assert fast.workforce == slow.workforce
    assert fast.explanation.to_dict() == slow.explanation.to_dict()
    return fast


def test_a_pyarrow_table_equals_the_same_rows_as_a_file(tmp_path: Path) -> None:
    table = pa.table(TABLE)
    a = both(table)
    assert a.workforce.rows_read == 5
    both(table.to_batches()[0])
    pa.csv.write_csv(table, tmp_path / "p.csv")
    text = (tmp_path / "p.csv").read_text("utf-8").replace('"', "")
    from_file = assess(org(), payroll=tmp_path / "p.csv")
    (tmp_path / "p.csv").write_text(text, "utf-8")
    assert a.to_dict() == from_file.to_dict()


def test_typed_columns_are_read_like_spreadsheet_cells() -> None:
    table = pa.table({
        "person": pa.array([1001, 1002, 1003]),
        "start": pa.array([dt.date(2020, 1, 1), dt.date(2023, 7, 1), dt.date(2021, 3, 1)]),
        "end": pa.array([None, dt.datetime(2023, 12, 31, 0, 0), None], pa.timestamp("s")),
        "hours_per_week": pa.array([Decimal("32.5"), Decimal(40), Decimal(20)],
                                   pa.decimal128(6, 2)),
        "contract": pa.array(["regular", "trial", "regular"]).dictionary_encode(),
        "target_group": pa.array([None, "wajong", None]),
        "registered": pa.array([False, True, None]),
    })
    a = both(table)
    assert [p.person for p in a.workforce.persons] == ["Z", "1001", "1002", "1003"]


def test_pandas_and_polars_frames() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(TABLE)
    frame["hours_per_week"] = [32.0, 40.0, 24.5, 36.0]
    frame["start"] = pd.to_datetime(frame["start"])
    a = both(frame)
    polars = pytest.importorskip("polars")
    b = both(polars.from_pandas(frame))
    assert a.to_dict() == b.to_dict()


def test_a_float_with_more_than_four_decimals_is_a_located_error() -> None:
    table = pa.table({"person": [1.5, 2.123456], "start": ["2020-01-01", "2020-01-01"],
                      "hours_per_week": [32.5, 32.123456]})
    for engine in ("fast", "validating"):
        with pytest.raises(InputError) as info:
            assess(org(), payroll=table, engine=engine)  # type: ignore[arg-type]
        hours, person = sorted(info.value.problems, key=lambda p: p.field or "")
        # A float no longer the number a person typed; hours beyond their bound.
        assert (person.file, person.row, person.field) == ("<table>", 3, "person")
        assert "more than 4 decimals" in person.message
        assert (hours.file, hours.row, hours.field) == ("<table>", 3, "hours_per_week")
        assert "at most 4 decimals" in hours.message


def test_table_problems_are_the_same_in_both_engines() -> None:
    table = pa.table({"person": ["A", None, "C"], "start": ["2020-01-01", "2021-01-01", "x"],
                      "hours_per_week": [32, 40, 0]})
    outcomes = []
    for engine in ("fast", "validating"):
        with pytest.raises(InputError) as info:
            assess(org(), payroll=table, engine=engine)  # type: ignore[arg-type]
        outcomes.append([(p.row, p.field) for p in info.value.problems])
    assert outcomes[0] == outcomes[1] == [(3, "person"), (4, "start"), (4, "hours_per_week")]


def test_what_is_no_table_is_refused() -> None:
    with pytest.raises(InputError, match="must be a file path or a table"):
        assess(org(), payroll=[{"person": "A"}])


def test_parquet_files_are_read_by_both_engines(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    pq.write_table(pa.table(TABLE), tmp_path / "loon.parquet")
    path = organisation(tmp_path, (tmp_path / "loon.parquet").read_bytes(), "loon.parquet")
    kind, result, *_ = same(path)
    assert kind == "result"
    assert result["counts"]["employment_rows"] == 4
    (tmp_path / "kapot.parquet").write_bytes(b"PAR1 not really")
    path = organisation(tmp_path, b"PAR1 not really", "kapot.parquet")
    kind, problems = same(path)
    assert kind == "problems"
    assert problems[0][0] == "kapot.parquet"


def test_a_parquet_payroll_read_into_memory_like_a_csv_one(tmp_path: Path) -> None:
    # columnar.read_table gives the rows, sources and row numbers the CSV
    # export of the same table gives, and the assessment assess_file gives.
    # load_organisation (below the columnar package) refuses it, saying what
    # reads it and what to do.
    import pyarrow.csv as pcsv
    import pyarrow.parquet as pq

    table = pa.table(TABLE)
    pq.write_table(table, tmp_path / "loon.parquet")
    pcsv.write_csv(table, tmp_path / "loon.csv")
    (tmp_path / "a.toml").write_text(ORG.replace("{payroll}", "loon.parquet"), "utf-8")
    (tmp_path / "b.toml").write_text(ORG.replace("{payroll}", "loon.csv"), "utf-8")
    read = columnar.read_table(tmp_path / "loon.parquet")
    csv = psoladder.load_organisation(tmp_path / "b.toml")
    assert [attrs.evolve(e, source=None) for e in read.employments] == [
        attrs.evolve(e, source=None) for e in csv.employments]
    assert [(e.source, e.row) for e in read.employments] == [
        ("loon.parquet", row) for row in (2, 3, 4, 5)]
    assert read.rows_read == 4
    parquet = attrs.evolve(csv, employments=read.employments)
    assert assess(parquet).to_dict() == assess_file(tmp_path / "a.toml").to_dict()
    with pytest.raises(InputError) as info:
        psoladder.load_organisation(tmp_path / "a.toml")
    [problem] = info.value.problems
    assert problem.file == "loon.parquet"
    assert "read only to assess it" in problem.message
    assert problem.hint is not None
    assert "export the payroll as CSV for forecast" in problem.hint
    (tmp_path / "loon.parquet").write_bytes(b"PAR1 not really")
    with pytest.raises(InputError) as info:
        columnar.read_table(tmp_path / "loon.parquet")
    assert info.value.problems[0].file == "loon.parquet"


def test_without_the_fast_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(columnar, "available", lambda: False)
    path = organisation(tmp_path, HEADER + ROWS)
    assert assess_file(path).to_dict() == assess_file(path, engine="validating").to_dict()
    with pytest.raises(InputError, match=r"fast extra") as info:
        assess_file(path, engine="fast")
    assert "psoladder[fast]" in str(info.value)
    with pytest.raises(InputError, match=r"loon.parquet needs the fast extra"):
        assess_file(organisation(tmp_path, b"PAR1", "loon.parquet"))
    with pytest.raises(InputError, match="fast extra"):
        assess(org(), payroll=pa.table(TABLE))
    with pytest.raises(InputError, match="fast extra"):
        columnar.read_table(organisation(tmp_path, b"PAR1", "loon.parquet"))


def test_unknown_engine_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown engine"):
        assess_file(organisation(tmp_path, HEADER + ROWS), engine="turbo")  # type: ignore[arg-type]


def test_inline_rows_come_before_the_payroll(tmp_path: Path) -> None:
    path = organisation(tmp_path, HEADER + ROWS)
    text = path.read_text("utf-8") + (
        '\n[[employment]]\nperson = "B"\nstart = 2019-01-01\nhours_per_week = 10\n'
        'target_group = "wajong"\n')
    path.write_text(text, "utf-8")
    _, _, workforce, _ = same(path)
    assert [p.person for p in workforce.persons][:2] == ["B", "A"]
    assert workforce.persons[0].periods[0].row == 1


def test_detail_and_the_cap_on_concurrent_rows(tmp_path: Path) -> None:
    rows = ("A,2023-01-01,,30,,,\nA,2023-07-01,,20,trial,wajong,\n"
            "A,2023-03-01,2023-09-30,15.25,placement,wajong,\nB,2023-01-01,,50,,,\n")
    path = organisation(tmp_path, HEADER + rows)
    _, _, workforce, _ = same(path, detail=True)
    a = workforce.persons[0]
    assert a.capped
    assert len(a.periods) == 3
    assert isinstance(a.periods[1].hour_days, Fraction)
    assert workforce.persons[1].capped


def test_the_command_line_engines_print_the_same(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from psoladder.cli import run

    path = organisation(tmp_path, HEADER + ROWS)
    outputs = []
    for engine in ("fast", "validating", "auto"):
        assert run(["assess", str(path), "--format", "json", "--engine", engine]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] == outputs[2]
    (tmp_path / "payroll.csv").write_text(HEADER + "A,2023-13-01,,32,,,\n", "utf-8")
    assert run(["assess", str(path), "--engine", "fast", "--lang", "en"]) == 2
    assert "row 2, field 'start'" in capsys.readouterr().err
