"""Three engines, one answer: both columnar engines equal the validating one.

The columnar engine of the ``fast`` extra (``engine="fast"``) and the
pure-Python columnar engine (``engine="pure"``, what ``auto`` runs without
the extra) are each compared with the validating engine; without the extra
only the pure one is. For organisations from the public strategies (every edition, target group
and contract type, concurrent rows, cao weeks of 36, 38 and 40 hours, hours
with decimals, groups of entities named by name or KvK number), every
example organisation and generated payrolls of 100,000 rows (20,000 of the
one-year shape in CI), the columnar engine (``engine="fast"``) and the
validating engine give the same ``Assessment.to_dict()``, the same workforce
objects (every person's and every target-group row's figures with their
sources, the totals by contract type and entity, the persons by entities and
by their contracts on the peildatum, the rows outside the peiljaar with
their sources) and the same explanation; pseudonymised runs too, and the
same located problems where the payroll has any.

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

import psoladder
from psoladder import Organisation, assess, assess_file, columnar
from psoladder.columnar import pure
from psoladder.model import input_fields
from psoladder.testing import strategies as pst

ROOT = Path(__file__).parent.parent
FIELDS = list(input_fields(psoladder.Employment))
LARGE = os.environ.get("PSOLADDER_LARGE_TESTS") == "1"
#: The columnar engines compared with the validating one (the fast one needs its extra).
ENGINES = ("fast", "pure") if columnar.available() else ("pure",)
FAST = pytest.mark.skipif(not columnar.available(),
                          reason="the columnar engine needs the fast extra (pyarrow, numpy)")


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
    """The assessment, the same with every engine."""
    slow = assess_file(path, engine="validating", **options)
    for engine in ENGINES:
        equal(assess_file(path, engine=engine, **options), slow,  # type: ignore[arg-type]
              explanation=explanation)
    return slow


KEY = "a pseudonymisation key of the tests"
# The main entity's KvK number; a group adds a second entity.
GROUP = ("12345678", "87654321")
CARE = psoladder.Entity(name="Zorg B.V.", kvk=GROUP[1])


@st.composite
def organisations(draw: st.DrawFn) -> Organisation:
    """The public strategy's organisations, with the rarely given fields filled in now and then.

    Half of them are a group of two entities whose rows name their entity by
    name or KvK number, in any case and spacing, or not at all (the main one).
    """
    org = draw(pst.organisations(max_people=10))
    group = draw(st.booleans())
    names = [None, "Zorg B.V.", " zorg  b.v.", GROUP[1], GROUP[0], org.name] if group else [None]
    rows = []
    for e in org.employments:
        extra: dict[str, Any] = {"entity": draw(st.sampled_from(names))}
        if draw(st.integers(0, 5)) == 0:
            extra["registered"] = True
        if e.target_group is not None and draw(st.integers(0, 5)) == 0:
            extra["disabled_in_service"] = True
        if e.contract.value == "placement" and draw(st.booleans()):
            extra["placement_start"] = e.start - dt.timedelta(days=draw(st.integers(0, 900)))
        rows.append(attrs.evolve(e, **extra))
    if group:
        return attrs.evolve(org, kvk=GROUP, entities=(CARE,), employments=rows)
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
    kvk = ", ".join(f'"{k}"' for k in org.kvk)
    entities = "".join(f'\n[[entity]]\nname = "{e.name}"\nkvk = "{e.kvk}"\n'
                       for e in org.entities)
    (folder / "organisation.toml").write_text(
        f'name = "{org.name}"\nkvk = [{kvk}]\napplication_date = {org.application_date}\n'
        f"fulltime_hours = {org.fulltime_hours}\n"
        f"peiljaar = {{ start = {org.peiljaar.start}, end = {org.peiljaar.end} }}\n"
        f'employments = "payroll.csv"\n{entities}', encoding="utf-8")
    return folder / "organisation.toml"


def columnar_reads(payroll: Path) -> bool:
    """Whether every columnar engine reads the payroll itself (not the validating path)."""
    if not isinstance(pure.read_csv(payroll, payroll.name), pure.Table):
        return False
    if "fast" in ENGINES:
        from psoladder.columnar.columns import Decoded

        return isinstance(columnar.read_payroll(payroll, payroll.name), Decoded)
    return True


@given(organisations())
def test_generated_organisations(tmp_path_factory: pytest.TempPathFactory,
                                 org: Organisation) -> None:
    folder = tmp_path_factory.mktemp("org")
    path = write(org, folder)
    assert columnar_reads(folder / "payroll.csv")
    for detail in (False, True):
        a = both_engines(path, detail=detail)
    # The figures every reading of part of the workforce needs, exact.
    wf = a.workforce
    assert sum(wf.hour_days_by_contract.values()) == sum(wf.hour_days_by_entity.values()) \
        == wf.hour_days
    assert sum(wf.persons_by_entities.values()) == sum(  # (with every row kept)
        1 for p in wf.persons if any(q.days for q in p.periods))
    pseudonymised = both_engines(path, pseudonym_key=KEY)
    assert pseudonymised.total_fte == a.total_fte


@FAST
@settings(max_examples=40)
@given(organisations())
def test_generated_organisations_as_tables(org: Organisation) -> None:
    import pyarrow as pa

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


EXAMPLES = [psoladder.example_path(), *sorted((ROOT / "examples").glob("*/organisation.toml")),
            *sorted((ROOT / "examples").glob("*/organisatie.toml"))]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_every_example(path: Path) -> None:
    for detail in (False, True):
        a = both_engines(path, detail=detail)
        assert a.to_dict() == assess(psoladder.load_organisation(path)).to_dict()
    hidden = both_engines(path, pseudonym_key=KEY)
    assert {p.person for p in hidden.workforce.persons}.isdisjoint(
        {p.person for p in a.workforce.persons})
    assert hidden.to_dict()["total_fte"] == a.to_dict()["total_fte"]


def test_the_group_example_per_entity() -> None:
    path = ROOT / "examples" / "group" / "organisation.toml"
    a = both_engines(path)
    assert a.group.shown
    assert len(a.group.entities) == 2
    assert sum(f.total_fte for f in a.group.entities) == a.total_fte
    assert a.workforce.persons_by_entities


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


def outcome(path: Path, engine: str, **options: Any) -> Any:
    try:
        a = assess_file(path, engine=engine, **options)  # type: ignore[arg-type]
    except psoladder.InputError as exc:
        return [(p.file, p.row, p.field, p.message, p.value) for p in exc.problems]
    return a.to_dict(explanation=True), a.workforce


def same_outcome(path: Path, **options: Any) -> Any:
    """The outcome (an assessment's figures, or the problems), the same with every engine."""
    slow = outcome(path, "validating", **options)
    for engine in ENGINES:
        assert outcome(path, engine, **options) == slow
    return slow


ORG = ('name = "Groep B.V."\nkvk = ["12345678", "87654321"]\napplication_date = 2024-05-01\n'
       'employments = "p.csv"\n[[entity]]\nname = "Zorg B.V."\nkvk = "87654321"\n')
PAYROLL = "person,start,hours_per_week,target_group,entity\n"


def group_file(folder: Path, rows: str, extra: str = "") -> Path:
    (folder / "p.csv").write_text(PAYROLL + rows, encoding="utf-8")
    (folder / "o.toml").write_text(ORG + extra, encoding="utf-8")
    return folder / "o.toml"


def test_rows_naming_no_entity_of_the_group(tmp_path: Path) -> None:
    path = group_file(tmp_path, "A,2020-01-01,40,,Zorg B.V.\nB,2020-01-01,40,,Elders\n"
                                "C,2020-01-01,40,wajong,99999999\n")
    problems = same_outcome(path)
    assert [(p[1], p[2]) for p in problems] == [(3, "entity"), (4, "entity")]


def test_evidence_is_found_in_the_payroll_or_refused(tmp_path: Path) -> None:
    evidence = '\n[[evidence]]\nperson = "{}"\nsuitable_work = true\n'
    rows = "A,2020-01-01,40,wajong,\nB,2020-01-01,40,,\n"
    found, _ = same_outcome(group_file(tmp_path, rows, evidence.format("A")))
    assert found["certifiable_level"] is not None
    missing = same_outcome(group_file(tmp_path, rows, evidence.format("Z")))
    assert [(p[2], p[4]) for p in missing] == [("evidence[1].person", "Z")]
    # Pseudonymised: the problem leaves the person's identifier out.
    hidden = same_outcome(group_file(tmp_path, rows, evidence.format("Z")), pseudonym_key=KEY)
    assert [(p[2], p[4]) for p in hidden] == [("evidence[1].person", None)]


@pytest.mark.parametrize(("bound", "limit", "rows"), [
    ("MAX_ROWS", 3, "".join(f"P{i},2020-01-01,40,,\n" for i in range(4))),
    ("MAX_TARGET_GROUP_ROWS", 2, "".join(f"P{i},2020-01-01,40,wajong,\n" for i in range(3))),
    ("MAX_PERSONS", 2, "".join(f"P{i},2020-01-01,40,,\n" for i in range(3))),
])
def test_the_bounds_refuse_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bound: str,
                                 limit: int, rows: str) -> None:
    from psoladder import assessment
    from psoladder.io import payroll

    path = group_file(tmp_path, rows)
    assert isinstance(same_outcome(path), tuple)
    monkeypatch.setattr(payroll, bound, limit)
    problems = same_outcome(path)
    assert problems
    assert "more than psoladder reads" in problems[0][3]
    # The bound on the organisation's rows, payroll and inline together.
    if bound != "MAX_PERSONS":
        monkeypatch.setattr(payroll, bound, 10**6)
        monkeypatch.setattr(assessment, bound, limit)
        inline = '\n[[employment]]\nperson = "X"\nstart = 2020-01-01\nhours_per_week = 8\n'
        if bound == "MAX_TARGET_GROUP_ROWS":
            inline += 'target_group = "wajong"\n'
        (tmp_path / "p.csv").write_text(PAYROLL + "\n".join(rows.splitlines()[:limit]) + "\n",
                                        encoding="utf-8")
        (tmp_path / "o.toml").write_text(ORG + inline, encoding="utf-8")
        problems = same_outcome(path)
        assert problems
        assert "more than psoladder reads" in problems[0][3]


@FAST
@settings(max_examples=20)
@given(st.lists(organisations(), min_size=1, max_size=4))
def test_assess_many_equals_one_by_one(orgs: list[Organisation]) -> None:
    fast = psoladder.assess_many(orgs, engine="fast", batch=4)
    for a, org in zip(fast, orgs, strict=True):
        equal(a, assess(org))
    assert [a.to_dict() for a in psoladder.assess_many(orgs, engine="validating")] == [
        a.to_dict() for a in fast]


@FAST
def test_assess_many_stops_where_one_by_one_stops() -> None:
    good = psoladder.load_example()
    # (the organisation itself refuses a peiljaar or date that do not fit)
    early = attrs.evolve(good, application_date=dt.date(2016, 5, 1), peiljaar=None)
    for engine in ("fast", "validating"):
        calls: list[tuple[int, int | None]] = []
        with pytest.raises(psoladder.NoRuleInForce):
            psoladder.assess_many([good, good, early, good],
                                  engine=engine,  # type: ignore[arg-type]
                                  progress=lambda d, t, calls=calls: calls.append((d, t)))
        assert calls == [(1, 4), (2, 4)]
