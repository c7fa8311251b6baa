from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from tests.conftest import PEILJAAR_2023, organisation, staff

from psoladder import Employment, Level, assess, rules_at
from psoladder.banenafspraak import banenafspraak
from psoladder.fte import workforce
from psoladder.periods import DateRange
from psoladder.thirtyplus import thirty_plus


def d8_rows(flex_start: str = "2022-01-01", flex_hours: int = 40) -> list[Employment]:
    rows = staff(13)
    rows += [Employment(person=f"T{i}", start="2016-01-01", hours_per_week=40,
                        target_group="wajong") for i in range(5)]
    rows += [Employment(person=f"F{i}", start=flex_start, hours_per_week=flex_hours,
                        contract="secondment_flex", target_group="wajong") for i in range(2)]
    return rows


def reading(rows: list[Employment], level: Level, on: dt.date = dt.date(2024, 5, 1),
            basis: str = "headcount", peiljaar: DateRange = PEILJAAR_2023):  # type: ignore[no-untyped-def]
    rs = rules_at(on)
    w = workforce(rows, peiljaar=peiljaar, fulltime_hours=None, rules=rs)
    return thirty_plus(w, level, rs, basis=basis)


def test_d8_headcount() -> None:
    tp = reading(d8_rows(), Level.TREDE_3)
    assert tp.workforce == 20
    assert tp.share == Fraction(7, 20)
    assert tp.regular_share == Fraction(5, 20)
    assert tp.regular_floor == Fraction(6, 100)
    assert tp.meets_share
    assert tp.meets_regular_floor
    assert tp.awarded
    assert not reading(d8_rows(), Level.TREDE_2).awarded


def test_d8_end_to_end_reaches_trede_3_and_30_plus() -> None:
    a = assess(organisation(d8_rows()), thirty_plus_basis="headcount")
    assert a.level is Level.TREDE_3
    assert a.thirty_plus.awarded
    assert any(w.rule == "R-30-4" for w in a.warnings)


def test_fte_basis_is_default() -> None:
    a = assess(organisation(d8_rows()))
    assert a.thirty_plus.basis.value == "fte"
    assert a.thirty_plus.share == Fraction(7, 20)


@pytest.mark.parametrize(("flex_start", "counts"), [("2023-06-30", True), ("2023-07-01", False)])
def test_flex_six_months_before_peildatum(flex_start: str, counts: bool) -> None:
    tp = reading(d8_rows(flex_start=flex_start), Level.TREDE_3)
    assert tp.group == (7 if counts else 5)


@pytest.mark.parametrize(("hours", "counts"), [(2, True), (1, False)])
def test_flex_two_hours(hours: int, counts: bool) -> None:
    tp = reading(d8_rows(flex_hours=hours), Level.TREDE_3)
    assert tp.group == (7 if counts else 5)


@pytest.mark.parametrize(("application", "group"), [("2019-03-31", 5), ("2019-04-01", 7)])
def test_payroll_only_before_1_7(application: str, group: int) -> None:
    peiljaar = DateRange(dt.date(2018, 1, 1), dt.date(2018, 12, 31))
    tp = reading(d8_rows(flex_start="2017-01-01"), Level.TREDE_3,
                 on=dt.date.fromisoformat(application), peiljaar=peiljaar)
    assert tp.group == group


def test_regular_floor_from_1_7() -> None:
    # 6 flex target people of 20, none regular: 30% but 0% regular.
    rows = staff(14) + [Employment(person=f"F{i}", start="2020-01-01", hours_per_week=40,
                                   contract="secondment_flex", target_group="wajong")
                        for i in range(6)]
    tp = reading(rows, Level.TREDE_3)
    assert tp.meets_share
    assert not tp.meets_regular_floor
    assert not tp.awarded


def test_students_are_not_30_plus() -> None:
    rows = staff(10) + [Employment(person="S", start="2022-01-01", hours_per_week=40,
                                   target_group="student_level_1")]
    assert reading(rows, Level.TREDE_3, basis="fte").group == 0


def test_d10_banenafspraak() -> None:
    rs = rules_at(dt.date(2024, 5, 1))
    rows = [Employment(person="A", start="2020-01-01", hours_per_week=20, target_group="wajong"),
            Employment(person="B", start="2020-01-01", hours_per_week=20, target_group="vso_pro",
                       school_left="2019-07-01"),
            Employment(person="C", start="2020-01-01", hours_per_week=20, target_group="vso_pro",
                       school_left="2019-07-01", registered=True),
            Employment(person="D", start="2020-01-01", hours_per_week=20, target_group="ww",
                       ww_since="2019-01-01")]
    w = workforce(rows, peiljaar=PEILJAAR_2023, fulltime_hours=None, rules=rs)
    result = banenafspraak(w, rs)
    assert result.persons == ("A", "C")
    assert result.jobs == 2 * Fraction(20) / Fraction(51, 2)
    assert str(Fraction(20) / Fraction(51, 2) * 1).startswith("40/51")
