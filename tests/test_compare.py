"""Comparisons (issue 15): every figure that changed, and the people, rows and purchases behind it."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction

import attrs
import pytest

import psoladder
from psoladder import Employment, Entity, assess
from psoladder.planning.compare import FIGURES, LEVELS, compare
from psoladder.planning.forecast import at_date
from psoladder.planning.scenarios import ChangeHours, DropPurchase, Hire, Scenario

D = dt.date


@pytest.fixture(scope="module")
def example() -> psoladder.Organisation:
    return psoladder.load_example()


def test_a_scenario_against_its_baseline(example: psoladder.Organisation) -> None:
    plan = Scenario("Plan A", (
        Hire(Employment(person="N001", start="2023-01-01", hours_per_week=38,
                        target_group="wajong")),
        ChangeHours("D003", D(2023, 7, 1), 8),
        DropPurchase(supplier="Werkbedrijf Regio Noord"),
    ))
    before, after = assess(example), assess(plan(example))
    c = compare(before, after, labels=("baseline", "Plan A"))
    assert c.unaccounted() == ()
    assert [f.name for f in c.figures if f.name not in ("level_certain", "level_possible")][:4] \
        == ["level", "total_fte", "weighted_target_fte", "direct_pct"]
    level = c.figure("level")
    assert (level.old, level.new) == (psoladder.Level.TREDE_2, psoladder.Level.TREDE_3)
    assert "total_pct" in level.because
    assert c.figure("total_fte").because == ("persons",)
    assert c.figure("indirect_fte").because == ("purchases",)
    assert c.figure("direct_pct").delta == after.exact.direct_pct - before.exact.direct_pct
    people = {p.person: p for p in c.persons}
    assert set(people) == {"N001", "D003"}
    assert people["N001"].status == "added"
    assert people["N001"].new_weighted == 1
    d003 = people["D003"]
    assert [r.status for r in d003.rows] == ["removed", "added", "added"]
    assert d003.new_fte == Fraction(16 * 181 + 8 * 184, 38 * 365)
    [bought] = c.purchases
    assert (bought.status, bought.purchase.supplier) == ("removed", "Werkbedrijf Regio Noord")
    assert c.rules is None
    with pytest.raises(KeyError):
        c.figure("edition")
    doc = json.loads(json.dumps(c.to_dict()))
    assert doc["old"]["label"] == "baseline"
    assert doc["new"]["level"] == "trede_3"
    assert {f["figure"] for f in doc["figures"]} == {f.name for f in c.figures}


def test_recertification_this_peiljaar_against_the_last_certificates(
        example: psoladder.Organisation) -> None:
    last = assess(at_date(example, D(2022, 5, 1)))
    now = assess(example)
    c = compare(last, now)
    assert c.unaccounted() == ()
    assert (c.figure("edition").old, c.figure("edition").new) == ("2.0", "2.1")
    assert c.figure("peiljaar").because == ("application_date",)
    assert c.rules is not None
    assert "levels_available" in [r.name for r in c.rules.changes]
    assert "rules" in c.figure("level").because
    d004 = next(p for p in c.persons if p.person == "D004")
    [row] = d004.rows
    assert row.old is not None
    assert row.new is not None
    assert (row.old.counted_days, row.new.counted_days) == (14, 0)  # window ended 2021-01-14
    assert [p.status for p in c.purchases] == ["changed", "changed"]  # dated in 2023 only


def test_nothing_changed() -> None:
    a = assess(psoladder.load_example())
    c = compare(a, a)
    assert (c.figures, c.persons, c.purchases, c.rules, c.unaccounted()) == ((), (), (), None, ())


def test_rows_of_a_streamed_payroll_match_those_read_in_memory() -> None:
    path = psoladder.example_path()
    c = compare(psoladder.assess_file(path, detail=True),
                assess(psoladder.load_organisation(path)))
    assert (c.figures, c.persons) == ((), ())
    summarised = compare(psoladder.assess_file(path), assess(psoladder.load_organisation(path)))
    assert summarised.persons == ()


def test_entities_of_a_group_are_compared() -> None:
    rows = [Employment(person=f"S{i}", start="2020-01-01", hours_per_week=40,
                       entity="Zorg" if i % 2 else None) for i in range(6)]
    org = psoladder.Organisation(name="Groep", kvk=["12345678", "87654321"],
                                 application_date="2024-05-01", employments=rows,
                                 entities=[Entity(name="Zorg", kvk="87654321")])
    moved = attrs.evolve(org, employments=[attrs.evolve(e, entity="Zorg") for e in rows])
    c = compare(assess(org), assess(moved))
    assert c.figures == ()
    assert [(e.kvk, e.old.exact_total_fte if e.old else None,
             e.new.exact_total_fte if e.new else None) for e in c.entities] == [
        ("12345678", 3, 0), ("87654321", 3, 6)]


def test_every_level_figure_is_compared_and_forecast() -> None:
    # the levels of LEVELS are figures of comparisons and columns of forecasts (issue 17
    # adds its level pair there)
    names = [f.name for f in FIGURES]
    assert all(f.name in names for f in LEVELS)
    assert all(psoladder.messages.has(f"fig.{f.name}") for f in FIGURES)
