"""Two engines, one answer: the columnar engine equals the validating one.

For organisations from the public strategies (every edition, target group
and contract type, concurrent rows, cao weeks of 36, 38 and 40 hours, hours
with decimals), every example organisation and generated payrolls of
100,000 rows (20,000 of the one-year shape in CI), the columnar engine (``engine="fast"``) and the validating
engine give the same ``Assessment.to_dict()``, the same workforce objects
(every person's and every target-group row's figures) and the same
explanation.

Set ``PSOLADDER_LARGE_TESTS=1`` for 100,000 and 1,000,000 rows of both shapes.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("pyarrow", reason="the columnar engine needs the fast extra (pyarrow)")
pytest.importorskip("numpy", reason="the columnar engine needs the fast extra (numpy)")

import pyarrow as pa

import psoladder
from psoladder import Organisation, assess, assess_file, columnar
from psoladder.columnar.columns import Columns
from psoladder.model import input_fields
from psoladder.testing import strategies as pst

ROOT = Path(__file__).parent.parent
FIELDS = list(input_fields(psoladder.Employment))
LARGE = os.environ.get("PSOLADDER_LARGE_TESTS") == "1"


def equal(a: psoladder.Assessment, b: psoladder.Assessment, *, explanation: bool = True) -> None:
    assert a.to_dict() == b.to_dict()
    assert a.workforce == b.workforce
    assert a.warnings == b.warnings
    if explanation:
        assert a.explanation.to_dict() == b.explanation.to_dict()
    else:  # the target-group people's part
        assert (a.explanation.step("weighted_target_fte").to_dict()
                == b.explanation.step("weighted_target_fte").to_dict())


def both_engines(path: Path, *, explanation: bool = True, **options: Any) -> psoladder.Assessment:
    fast = assess_file(path, engine="fast", **options)
    equal(fast, assess_file(path, engine="validating", **options), explanation=explanation)
    return fast


@st.composite
def organisations(draw: st.DrawFn) -> Organisation:
    """The public strategy's organisations, with the rarely given fields filled in now and then."""
    org = draw(pst.organisations(max_people=10))
    rows = []
    for e in org.employments:
        extra: dict[str, Any] = {}
        if draw(st.integers(0, 5)) == 0:
            extra["registered"] = True
        if e.target_group is not None and draw(st.integers(0, 5)) == 0:
            extra["disabled_in_service"] = True
        if e.contract.value == "placement" and draw(st.booleans()):
            extra["placement_start"] = e.start - dt.timedelta(days=draw(st.integers(0, 900)))
        rows.append(attrs.evolve(e, **extra))
    return attrs.evolve(org, employments=rows)


def write(org: Organisation, folder: Path) -> Path:
    with (folder / "payroll.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(FIELDS)
        for e in org.employments:
            values = attrs.asdict(e, recurse=False)
            writer.writerow(["" if v is None else getattr(v, "value", v)
                             for v in (values[k] for k in FIELDS)])
    assert org.peiljaar is not None
    (folder / "organisation.toml").write_text(
        f'name = "H"\nkvk = ["12345678"]\napplication_date = {org.application_date}\n'
        f"fulltime_hours = {org.fulltime_hours}\n"
        f"peiljaar = {{ start = {org.peiljaar.start}, end = {org.peiljaar.end} }}\n"
        'employments = "payroll.csv"\n', encoding="utf-8")
    return folder / "organisation.toml"


def columnar_reads(payroll: Path) -> bool:
    return isinstance(columnar.read_payroll(payroll, payroll.name), Columns)


@given(organisations())
def test_generated_organisations(tmp_path_factory: pytest.TempPathFactory,
                                 org: Organisation) -> None:
    folder = tmp_path_factory.mktemp("org")
    path = write(org, folder)
    assert columnar_reads(folder / "payroll.csv")
    for detail in (False, True):
        both_engines(path, detail=detail)


@settings(max_examples=40)
@given(organisations())
def test_generated_organisations_as_tables(org: Organisation) -> None:
    columns: dict[str, list[Any]] = {k: [] for k in FIELDS}
    for e in org.employments:
        for k in FIELDS:
            v = getattr(e, k)
            columns[k].append(None if v is None else getattr(v, "value", v))
    table = pa.table(columns)
    plain = attrs.evolve(org, employments=())
    for detail in (False, True):
        fast = assess(plain, payroll=table, engine="fast", detail=detail)
        equal(fast, assess(plain, payroll=table, engine="validating", detail=detail))
    # With every row kept, the same as the rows given as objects.
    assert fast.to_dict() == assess(org).to_dict()


EXAMPLES = [psoladder.example_path(), *sorted((ROOT / "examples").glob("*/organisation.toml"))]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_every_example(path: Path) -> None:
    for detail in (False, True):
        a = both_engines(path, detail=detail)
        assert a.to_dict() == assess(psoladder.load_organisation(path)).to_dict()


# CI: 100,000 rows of history and 20,000 of one year (about 10 s together);
# PSOLADDER_LARGE_TESTS=1: 100,000 and 1,000,000 rows of both.
PAYROLLS = ([(n, shape) for n in (100_000, 1_000_000) for shape in ("years", "peiljaar")]
            if LARGE else [(100_000, "years"), (20_000, "peiljaar")])


@pytest.mark.parametrize(("rows", "shape"), PAYROLLS)
def test_generated_payrolls(tmp_path_factory: pytest.TempPathFactory, rows: int,
                           shape: str) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import write as generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    payroll, org = generate(rows, tmp_path_factory.mktemp("payroll"), shape)
    assert columnar_reads(payroll)
    a = both_engines(org, explanation=False)
    assert a.workforce.rows_read == rows


@settings(max_examples=20)
@given(st.lists(organisations(), min_size=1, max_size=4))
def test_assess_many_equals_one_by_one(orgs: list[Organisation]) -> None:
    fast = psoladder.assess_many(orgs, engine="fast", batch=4)
    for a, org in zip(fast, orgs, strict=True):
        equal(a, assess(org))
    assert [a.to_dict() for a in psoladder.assess_many(orgs, engine="validating")] == [
        a.to_dict() for a in fast]


def test_assess_many_stops_where_one_by_one_stops() -> None:
    good = psoladder.load_example()
    bad = attrs.evolve(good, peiljaar=psoladder.DateRange(dt.date(2023, 1, 1),
                                                          dt.date(2023, 6, 30)))
    for engine in ("fast", "validating"):
        calls: list[tuple[int, int | None]] = []
        with pytest.raises(psoladder.InputError, match="12 consecutive months"):
            psoladder.assess_many([good, good, bad, good], engine=engine,  # type: ignore[arg-type]
                                  progress=lambda d, t, calls=calls: calls.append((d, t)))
        assert calls == [(1, 4), (2, 4)]
