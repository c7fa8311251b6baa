"""The validating reader by blocks of rows reads every file exactly as row by row (issue 11).

The block route (:func:`psoladder.io.payroll._fast_survey`,
:meth:`~psoladder.io.payroll._RowParser.parse_block`) must give the same
rows, last lines, notices, counts and problems (with their rows and fields)
as the line reader on any file; these properties compare the two on files
mixing good and bad cells, blank and short rows, formats, quoted line
breaks and bytes that are no UTF-8, with tiny blocks and a tiny memo so
every seam is crossed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from psoladder.errors import InputError
from psoladder.io import payroll
from psoladder.model import _text, unchanged_texts

COLUMNS = ["person", "start", "end", "hours_per_week", "contract", "target_group",
           "ww_since", "registered", "entity", "Naam", ""]

CELLS: dict[str, list[str]] = {
    "person": ["P1", "P2", "P3", " P1", "P1 ", "", "  ", "E\x1b1", "x" * 201, "Jansen",
               "P\u202e2", "P4"],
    "start": ["2023-01-01", "2022-03-15", "2023-06-01", "01-03-2023", "1-3-2023", "03/25/2023",
              "2023-02-30", "", "gisteren", "2023-01-01 10:00", "1-3-23", "12-11-2022"],
    "end": ["", "", "2023-12-31", "2022-01-01", "31-12-2023", "2024-13-01", "  ", "2023-06-30"],
    "hours_per_week": ["40", "32,5", "36", "32.5", "1.234", "", "x", "1.234,5", "12,500", "200",
                       "24", " 38 "],
    "contract": ["", "vast", "regular", "flex", "onbekend", "placement", "Tijdelijk"],
    "target_group": ["", "", "wajong", "ww", "geen", "status_lost_2y", "nope", ""],
    "ww_since": ["", "", "2020-01-01", "1-1-2020"],
    "registered": ["", "ja", "nee", "misschien"],
    "entity": ["", "", "BV1"],
    "Naam": ["", "Jan", "Piet"],
    "": ["", "", "", "x"],
}


@st.composite
def payroll_files(draw: st.DrawFn) -> bytes:
    names = draw(st.lists(st.sampled_from(COLUMNS[4:]), unique=True, max_size=6))
    header = ["person", "start", *names]
    header.insert(draw(st.integers(0, len(header))), "hours_per_week")
    delimiter = draw(st.sampled_from([",", ";"]))
    lines = []
    if draw(st.integers(0, 5)) == 0:
        lines.append("Personeelsoverzicht 2023")
    lines.append(delimiter.join("Uren per week" if h == "hours_per_week" and delimiter == ";"
                                else h for h in header))
    # mostly good rows, of few persons, so that values repeat
    good = draw(st.booleans())
    for _ in range(draw(st.integers(0, 40))):
        shape = draw(st.integers(0, 30))
        if shape == 0:
            lines.append("")  # a blank line
            continue
        cells = []
        for h in header:
            pool = CELLS[h]
            cells.append(pool[draw(st.integers(0, 2 if good else len(pool) - 1))])
        if shape == 1:
            cells = cells[:-1]  # a short row
        elif shape == 2:
            cells.append("extra")
        elif shape == 3:
            cells[0] = '"P1\nP2"'  # a quoted line break
        lines.append(delimiter.join(cells))
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    data = ending.join(lines) + draw(st.sampled_from(["", ending]))
    raw = data.encode()
    if draw(st.integers(0, 20)) == 0:
        raw = raw[: len(raw) // 2] + b"\xff" + raw[len(raw) // 2:]
    if draw(st.integers(0, 10)) == 0:
        raw = b"\xef\xbb\xbf" + raw
    return raw


def _read(path: Path, blocks: bool, monkeypatch: pytest.MonkeyPatch) -> Any:
    with monkeypatch.context() as m:
        if not blocks:
            m.setattr(payroll, "_fast_route", lambda name, fmt: False)
        rows: list[Any] = []
        done: list[str] = []
        progress: list[int] = []
        try:
            summary = payroll.stream_payroll(
                path, lambda line, row: rows.append((line, repr(row), row.source)),
                person_done=done.append, progress=progress.append)
        except InputError as exc:
            return "error", [(p.message, p.row, p.field, p.file) for p in exc.problems], rows
        try:
            last = payroll.last_lines(path)
        except InputError as exc:
            last = [p.message for p in exc.problems]
        return (rows, done, progress, summary.rows_read, summary.blank_rows,
                summary.skipped_rows, [n.text("en") for n in summary.notices], last)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=payroll_files(), chunk=st.sampled_from([1, 2, 3, 7, 8192]),
       memo=st.sampled_from([1, 2, 4096]), every=st.sampled_from([2, 5]))
def test_blocks_read_as_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, raw: bytes,
                             chunk: int, memo: int, every: int) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(raw)
    scan, scan_blocks = payroll._scan, payroll._scan_blocks
    with monkeypatch.context() as m:  # (undone after each example)
        m.setattr(payroll, "_CHUNK_ROWS", chunk)
        m.setattr(payroll._Survey, "_MEMO", memo)
        m.setattr(payroll, "_scan", lambda *a, **k: scan(*a, **k, every=every))
        m.setattr(payroll, "_scan_blocks", lambda *a, **k: scan_blocks(*a, **k, every=every))
        assert _read(path, True, m) == _read(path, False, m)


def test_a_long_line_and_a_bad_byte_are_left_to_the_line_reader(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(payroll, "MAX_LINE_CHARS", 40)
    monkeypatch.setattr(payroll, "_BLOCK_CHARS", 16)
    path = tmp_path / "p.csv"
    for text in [b"person,start,hours_per_week\nP1,2023-01-01,40\nP2,2023-01-01," + b"4" * 50,
                 b"person,start,hours_per_week\nP1,2023-01-01,40\nP\xff,2023-01-01,40\n"]:
        path.write_bytes(text)
        assert payroll._fast_survey(path, "p.csv", payroll._DEFAULT, last={}) is None
        with pytest.raises(InputError) as exc:
            payroll.stream_payroll(path, lambda line, row: None)
        assert exc.value.problems[0].row == 3


@given(st.lists(st.text(max_size=12), max_size=6))
def test_unchanged_texts_are_what_the_converter_keeps(values: list[str]) -> None:
    convert = _text("person")

    def kept(value: str) -> bool:
        try:
            return convert(value) == value
        except InputError:
            return False

    assert unchanged_texts(values) == all(kept(v) for v in values)


def test_unchanged_texts_bounds() -> None:
    assert unchanged_texts([])
    assert unchanged_texts(["x" * 200])
    assert not unchanged_texts(["x" * 201])
    assert not unchanged_texts(["P1", ""])
    assert not unchanged_texts(["P\u20281"])


class _Rows:
    """A sink that takes rows one by one (no ``block``)."""

    def __init__(self, builder: Any) -> None:
        self.builder = builder

    def __call__(self, line: int, row: Any) -> None:
        self.builder.add(line, row)


class _Blocks(_Rows):
    def block(self, start: int, rows: list[Any]) -> None:
        self.builder.add_rows(start, rows)


@pytest.mark.parametrize("chunk", [1, 3, 8192])
def test_a_sink_of_blocks_builds_the_same_workforce(monkeypatch: pytest.MonkeyPatch,
                                                    chunk: int) -> None:
    import datetime as dt

    from psoladder.fte import WorkforceBuilder
    from psoladder.periods import DateRange
    from psoladder.rules import rules_at

    monkeypatch.setattr(payroll, "_CHUNK_ROWS", chunk)
    path = Path(__file__).parent.parent / "examples" / "large" / "payroll.csv"
    built = []
    for sink_kind in (_Rows, _Blocks):
        builder = WorkforceBuilder(peiljaar=DateRange(dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
                                   fulltime_hours=None, rules=rules_at(dt.date(2024, 5, 1)),
                                   detail=False)
        done: list[str] = []

        def complete(person: str, builder: Any = builder, done: list[str] = done) -> None:
            done.append(person)
            builder.complete(person)

        payroll.stream_payroll(path, sink_kind(builder), person_done=complete)
        built.append((builder.build(), done))
    (one, done_one), (other, done_other) = built
    assert done_one == done_other
    assert one == other
    assert list(one.persons) == list(other.persons)
    assert (one.hour_days_by_contract, one.persons_by_entities, one.peildatum_contracts) == (
        other.hour_days_by_contract, other.persons_by_entities, other.peildatum_contracts)
