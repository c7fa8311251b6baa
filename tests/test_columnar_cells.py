"""The seam between payroll cells and values (psoladder.columnar.cells): no extra needed."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psoladder import ContractType, InputError, TargetGroup
from psoladder.columnar.cells import (
    MAX_TABLE_DECIMALS,
    NOT_GIVEN,
    convert_cell,
    decode,
    ordinary_texts,
    table_float,
)
from psoladder.io.payroll import ColumnReader, _RowParser, read_csv
from psoladder.limits import MAX_TEXT_CHARS
from psoladder.model import Employment


@pytest.mark.parametrize(("field", "raw", "value"), [
    ("hours_per_week", "32,5", Decimal("32.5")),
    ("hours_per_week", " 40 ", Decimal("40")),
    ("contract", "Vast", ContractType.REGULAR),
    ("contract", "detachering", ContractType.SECONDMENT_FLEX),
    ("target_group", " Wajong ", TargetGroup.WAJONG),
    ("start", "2023-01-31", dt.date(2023, 1, 31)),
    ("end", "   ", NOT_GIVEN),
    ("end", "", NOT_GIVEN),
    ("end", None, NOT_GIVEN),
    ("registered", "ja", True),
    ("person", " E1 ", "E1"),
])
def test_a_cell_reads_as_the_validating_reader_reads_it(field: str, raw: object,
                                                         value: object) -> None:
    assert convert_cell(field, raw) == value
    # The validating reader, on a row with this cell and the required fields:
    cells = {"person": "P", "start": "2023-01-01", "hours_per_week": "40", field: raw}
    parser = _RowParser(list(cells), "p.csv")
    row = parser.parse(2, list(cells.values()))
    assert row is not None
    assert row.get(field, NOT_GIVEN) == value


def test_decode_locates_each_bad_value_by_position() -> None:
    decoded = decode("start", ["2023-01-01", "31-12-2023", "", "2023-02-30"])
    assert decoded.values[0] == dt.date(2023, 1, 1)
    assert decoded.values[2] is NOT_GIVEN
    assert sorted(decoded.problems) == [1, 3]
    assert all(p.field == "start" for ps in decoded.problems.values() for p in ps)
    assert not decoded.ok


@given(st.lists(st.sampled_from(["32", "32,5", "32.50", " 8 ", "  ", "0", "169", "x",
                                 "1e1", "40,0,0", "-4", "22.5", "1.234", "1.234,5"]),
                unique=True, min_size=1),
       st.sampled_from(["start", "hours_per_week"]))
def test_decode_agrees_with_the_validating_reader_row_by_row(raw: list[str], field: str) -> None:
    """A column's distinct values, each once, read as the validating reader reads its rows."""
    if field == "start":
        raw = [{"32": "2023-01-31", "32,5": "31-01-2023", "32.50": "01/31/2023"}.get(v, v)
               for v in raw]
    decoded = decode(field, raw)
    other = {"start": "hours_per_week", "hours_per_week": "start"}[field]
    filler = {"start": "40", "hours_per_week": "2023-01-01"}[other]
    text = f"person;{field};{other}\n" + "".join(f"P{i};{v};{filler}\n"
                                                for i, v in enumerate(raw))
    try:
        rows = {e.row: getattr(e, field) for e in read_csv(io.StringIO(text)).employments}
        wrong: set[int] = set()
    except InputError as exc:
        rows = {}
        wrong = {p.row for p in exc.problems if p.field == field and p.row is not None}
    for i, cell in enumerate(raw):
        if not cell.strip():  # not given: the row lacks a required field (a row's problem)
            assert decoded.values[i] is NOT_GIVEN
            continue
        assert (i in decoded.problems) == (i + 2 in wrong), (cell, decoded.problems)
        if rows:
            assert decoded.values[i] == rows[i + 2]


@pytest.mark.parametrize(("value", "text"), [(32.5, "32.5"), (32.1234, "32.1234"), (40.0, "40.0"),
                                             (4e-4, "0.0004")])
def test_table_floats_with_few_decimals_are_read_as_typed(value: float, text: str) -> None:
    assert table_float("hours_per_week", value) == text
    assert convert_cell("hours_per_week", value, table=True) == Decimal(text)


def test_a_large_float_has_no_decimals() -> None:
    assert table_float("hours_per_week", 1e16) == "1e+16"


@pytest.mark.parametrize("value", [32.12345, 1 / 3, 1e-05, float("nan"), float("inf")])
def test_table_floats_beyond_four_decimals_are_refused(value: float) -> None:
    with pytest.raises(InputError) as info:
        convert_cell("hours_per_week", value, table=True)
    problem = info.value.problems[0]
    assert problem.field == "hours_per_week"
    assert problem.hint
    assert MAX_TABLE_DECIMALS == 4


# ---------------------------------------------------------------- identity route for person ids

# Texts near the edges of "ordinary": ASCII punctuation, spaces and other
# whitespace, control and format characters, letters beyond ASCII, long ones.
_EDGY = st.one_of(
    st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1,
            max_size=12),
    st.text(min_size=0, max_size=8),
    st.text(alphabet=" \t\n\r\x0b\x0c\x1c\x1f\x7f\x85\xa0\u2028\u202e\u3000Aé1-", max_size=6),
    st.integers(min_value=MAX_TEXT_CHARS - 2, max_value=MAX_TEXT_CHARS + 2).map(lambda n: "P" * n),
)


@given(_EDGY)
def test_the_person_converter_keeps_every_ordinary_identifier_as_it_is(text: str) -> None:
    """The identity route (``ordinary_texts``) is taken only where the converter is the identity."""
    if ordinary_texts([text]):
        assert ColumnReader("person").convert(text) == text
        assert Employment(person=text, start="2023-01-01", hours_per_week=8).person == text


@given(st.lists(st.one_of(_EDGY, st.integers(), st.none()), unique=True, max_size=8))
def test_person_columns_decode_alike_with_and_without_the_identity_route(
        raw: list[object]) -> None:
    """Every value the route takes is its own conversion; anything else is converted one by one."""
    decoded = decode("person", raw)
    expected: list[object] = []
    problems: dict[int, object] = {}
    for i, cell in enumerate(raw):
        try:
            expected.append(convert_cell("person", cell))
        except InputError as exc:
            expected.append(None)
            problems[i] = exc.problems
    assert decoded.values == expected
    assert decoded.problems == problems
    if ordinary_texts(raw):
        assert decoded.values is raw  # the route: no call per value


def test_ordinary_identifiers() -> None:
    assert ordinary_texts(["P00000001", "12-345", "a.b_c/d", "X" * MAX_TEXT_CHARS])
    for odd in [" P1", "P1 ", "P 1", "P\t1", "Pé", "P\x00", "", "X" * (MAX_TEXT_CHARS + 1)]:
        assert not ordinary_texts(["P2", odd]), odd
    assert not ordinary_texts([1, "P2"])
