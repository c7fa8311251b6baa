"""Scenarios (issue 15): pure changes of an organisation, named plans, [[scenario]] tables."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from tests.conftest import organisation, purchase, staff

import psoladder
from psoladder import Employment, InputError, Organisation
from psoladder.planning.files import load_scenarios
from psoladder.planning.scenarios import (
    Buy,
    ChangeHours,
    DropPurchase,
    Hire,
    Leave,
    Scenario,
    buy,
    change_hours,
    drop_purchase,
    hire,
    leave,
    scenario_problems,
    scenarios_from_mapping,
)

D = dt.date


def _org() -> Organisation:
    rows = [*staff(3),
            Employment(person="P1", start="2020-01-01", end="2022-12-31", hours_per_week=20),
            Employment(person="P1", start="2023-01-01", hours_per_week=32),
            Employment(person="P2", start="2023-03-01", hours_per_week=24, contract="placement",
                       target_group="student_level_2"),
            Employment(person="F1", start="2025-01-01", hours_per_week=40)]  # a planned hire
    return organisation(rows, purchases=[purchase(1000, supplier="A"),
                                         purchase(2000, supplier="B"),
                                         purchase(3000, supplier="a ")])


def test_hire_and_buy_add_and_leave_the_original_alone() -> None:
    org = _org()
    before = (org.employments, org.purchases)
    row = Employment(person="N1", start="2024-01-01", hours_per_week=32, target_group="wajong")
    assert hire(org, row).employments == (*org.employments, row)
    p = purchase(500, supplier="C")
    assert buy(org, p).purchases == (*org.purchases, p)
    assert (org.employments, org.purchases) == before


def test_leave_ends_rows_the_day_before_and_drops_later_ones() -> None:
    org = leave(_org(), "P1", D(2023, 7, 1))
    p1 = [(e.start, e.end) for e in org.employments if e.person == "P1"]
    assert p1 == [(D(2020, 1, 1), D(2022, 12, 31)), (D(2023, 1, 1), D(2023, 6, 30))]
    assert not [e for e in leave(_org(), "F1", D(2024, 6, 1)).employments if e.person == "F1"]
    with pytest.raises(InputError, match="does not work on or after 2023-01-01") as info:
        leave(leave(_org(), "P1", D(2023, 1, 1)), "P1", D(2023, 1, 1))
    assert info.value.problems[0].field == "on"
    with pytest.raises(InputError, match="no employment row of person 'X'"):
        leave(_org(), "X", D(2023, 1, 1))


def test_change_hours_splits_the_row_of_that_day() -> None:
    org = change_hours(_org(), "P2", D(2023, 9, 1), "12.5")
    rows = [e for e in org.employments if e.person == "P2"]
    assert [(e.start, e.end, e.hours_per_week) for e in rows] == [
        (D(2023, 3, 1), D(2023, 8, 31), Decimal(24)), (D(2023, 9, 1), None, Decimal("12.5"))]
    assert rows[1].placement_start == D(2023, 3, 1)  # the placement's 3 years stay put
    assert rows[1].target_group == rows[0].target_group
    same_day = change_hours(_org(), "P2", D(2023, 3, 1), 30)
    assert [e.hours_per_week for e in same_day.employments if e.person == "P2"] == [30]
    with pytest.raises(InputError, match="works under no row on 2019-01-01"):
        change_hours(_org(), "P1", D(2019, 1, 1), 10)
    both = hire(_org(), Employment(person="P1", start="2023-06-01", hours_per_week=8))
    with pytest.raises(InputError, match="works under 2 rows on 2023-07-01"):
        change_hours(both, "P1", D(2023, 7, 1), 10)
    with pytest.raises(InputError, match="hours_per_week must be above 0"):
        change_hours(_org(), "P2", D(2023, 9, 1), 0)


def test_drop_purchase_by_supplier_or_position() -> None:
    assert [p.supplier for p in drop_purchase(_org(), supplier=" A").purchases] == ["B"]
    assert [p.supplier for p in drop_purchase(_org(), index=2).purchases] == ["A", "a"]
    with pytest.raises(InputError, match="no purchase at 'Z'"):
        drop_purchase(_org(), supplier="Z")
    with pytest.raises(InputError, match="there is no purchase 4"):
        drop_purchase(_org(), index=4)
    with pytest.raises(InputError, match="not both"):
        DropPurchase(supplier="A", index=1)


def test_a_scenario_applies_its_changes_in_order() -> None:
    plan = Scenario("Plan A", (
        Hire(Employment(person="N1", start="2023-01-01", hours_per_week=40)),
        ChangeHours("N1", D(2023, 7, 1), 20),
        Buy(purchase(700, supplier="D")),
        DropPurchase(index=1),
        Leave("S0", D(2023, 10, 1)),
    ))
    org = plan(_org())
    assert [e.hours_per_week for e in org.employments if e.person == "N1"] == [40, 20]
    assert [p.supplier for p in org.purchases] == ["B", "a", "D"]
    assert plan.apply(_org()) == org
    a = psoladder.assess(org)
    assert a.exact_total_fte != psoladder.assess(_org()).exact_total_fte


def test_changes_that_do_not_fit_are_located_all_at_once() -> None:
    plan = Scenario("B", (Leave("X", D(2023, 1, 1)), ChangeHours("P1", D(2019, 1, 1), 8),
                          DropPurchase(supplier="Z"),
                          Hire(Employment(person="N", start="2023-01-01", hours_per_week=8,
                                          entity="Elders"))))
    with pytest.raises(InputError) as info:
        plan(_org())
    assert [p.field for p in info.value.problems] == [
        "changes[1].leave", "changes[2].on", "changes[3].drop_purchase", "changes[4].hire.entity"]
    assert info.value.problems[0].message.startswith("scenario 'B': ")


TOML = '''
name = "Voorbeeld"
kvk = "12345678"
application_date = 2024-05-01
[[employment]]
person = "E1"
start = 2020-01-01
hours_per_week = 40

[[scenario]]
name = "Plan A"
description = "one hire"
changes = [
  { hire = { person = "N1", start = 2024-01-01, hours_per_week = 32, target_group = "participatiewet" } },
  { change_hours = "E1", on = 2024-03-01, hours = 24 },
]

[[scenario]]
name = "Plan B"
extends = "Plan A"

[[scenario.changes]]
leave = "E1"
on = 2024-07-01

[[scenario.changes]]
buy = { supplier = "Groen", amount = 5000, supplier_turnover = 100000, supplier_fte = 5, supplier_direct_pct = 40 }
'''


def test_scenarios_are_read_from_the_organisation_file(tmp_path: Path) -> None:
    path = tmp_path / "org.toml"
    path.write_text(TOML, encoding="utf-8")
    org = psoladder.load_organisation(path)  # the tables are checked, not kept
    plans = load_scenarios(path)
    assert list(plans) == ["Plan A", "Plan B"]
    a, b = plans["Plan A"], plans["Plan B"]
    assert (a.description, b.extends) == ("one hire", "Plan A")
    assert [c.action for c in b.changes] == ["hire", "change_hours", "leave", "buy"]
    assert b.changes[:2] == a.changes
    assert b.changes[2].where == "scenario[2].changes[1]"
    changed = b(org)
    assert [(e.person, e.end) for e in changed.employments] == [
        ("E1", D(2024, 2, 29)), ("E1", D(2024, 6, 30)), ("N1", None)]
    assert scenarios_from_mapping([b.to_dict()])["Plan B"].changes == b.changes


def test_the_docstring_example_is_a_valid_scenario() -> None:
    import tomllib

    from psoladder.planning import scenarios

    doc = scenarios.__doc__ or ""
    block = doc[doc.index("    [[scenario]]"):doc.index("(``changes = [")]
    text = "\n".join(line[4:] for line in block.splitlines())
    plans = scenarios_from_mapping(tomllib.loads(text)["scenario"])
    assert [c.action for c in plans["Plan A"].changes] == [
        "hire", "leave", "change_hours", "buy", "drop_purchase"]


@pytest.mark.parametrize(("value", "fields"), [
    ({"scenario": 1}, ["scenario"]),
    ({"scenario": [1]}, ["scenario[1]"]),
    ({"scenario": [{"changes": []}]}, ["scenario[1].name"]),
    ({"scenario": [{"name": "A"}]}, ["scenario[1].changes"]),
    ({"scenario": [{"name": "A", "changes": [{"leave": "E1", "on": 2}], "colour": 1}]},
     ["scenario[1].colour", "scenario[1].changes[1].on"]),
    ({"scenario": [{"name": "A", "changes": [{"change_hours": "E1", "on": "2024-01-01",
                                              "hours": "x"}]},
                   {"name": "B", "changes": [7, {"leave": "E1", "hire": {}}, {"swap": 1},
                                             {"leave": "E1", "on": "2024-01-01",
                                              "hours": 3}]}]},
     ["scenario[1].changes[1].hours", "scenario[2].changes[1]", "scenario[2].changes[2]",
      "scenario[2].changes[3]", "scenario[2].changes[4].hours"]),
    ({"scenario": [{"name": "A", "changes": [
        {"hire": {"person": "N", "start": "2024-13-01", "hours_per_week": 8}},
        {"buy": {"supplier": "X", "amount": 10}}, {"hire": 3},
        {"drop_purchase": True}, {"change_hours": "E1", "on": "2024-01-01"}]}]},
     ["scenario[1].changes[1].hire.start", "scenario[1].changes[2].buy.supplier_turnover",
      "scenario[1].changes[2].buy.supplier_fte", "scenario[1].changes[2].buy.supplier_direct_pct",
      "scenario[1].changes[3].hire", "scenario[1].changes[4].drop_purchase",
      "scenario[1].changes[5].hours"]),
    ({"scenario": [{"name": "A", "extends": "C", "changes": []},
                   {"name": "A", "changes": [{"drop_purchase": 1}]},
                   {"name": "D", "extends": "E"}, {"name": "E", "extends": "D"}]},
     ["scenario[1].extends", "scenario[2].name", "scenario[3].extends",
      "scenario[4].extends"]),
])
def test_every_problem_of_the_tables_has_its_key_path(value: dict[str, object],
                                                     fields: list[str]) -> None:
    problems = scenario_problems(value["scenario"], file="org.toml")
    assert sorted(str(p.field) for p in problems) == sorted(fields)
    assert {p.file for p in problems} == {"org.toml"}


def test_load_organisation_reports_scenario_problems_with_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "org.toml"
    path.write_text(TOML.replace("hours = 24", "hours = 0").replace(
        'application_date = 2024-05-01', 'application_date = 2024-05-01\ncolour = "red"'),
        encoding="utf-8")
    with pytest.raises(InputError) as info:
        psoladder.load_organisation(path)
    assert [(p.file, p.field) for p in info.value.problems] == [
        ("org.toml", "colour"), ("org.toml", "scenario[1].changes[2].hours")]


def test_a_scenario_from_a_file_locates_what_does_not_fit(tmp_path: Path) -> None:
    path = tmp_path / "org.toml"
    path.write_text(TOML.replace('leave = "E1"', 'leave = "E9"'), encoding="utf-8")
    org = psoladder.load_organisation(path)
    with pytest.raises(InputError) as info:
        load_scenarios(path)["Plan B"](org)
    assert [(p.file, p.field) for p in info.value.problems] == [
        ("org.toml", "scenario[2].changes[1].leave")]


def test_the_planning_pages_toml_is_valid() -> None:
    import re
    import tomllib

    page = (Path(__file__).parent.parent / "docs" / "planning.md").read_text("utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", page, re.S)
    plans = scenarios_from_mapping(tomllib.loads(blocks[0])["scenario"])
    assert [c.action for c in plans["Plan B"].changes] == [
        "hire", "leave", "change_hours", "buy", "drop_purchase"]
