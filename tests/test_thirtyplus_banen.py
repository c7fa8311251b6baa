from __future__ import annotations

import csv
import datetime as dt
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from tests.conftest import PEILJAAR_2023, organisation, staff

from psoladder import (
    Employment,
    Level,
    Status,
    ThirtyPlusDenominator,
    assess,
    assess_file,
    load_organisation,
    rules_at,
)
from psoladder.banenafspraak import banenafspraak
from psoladder.fte import workforce
from psoladder.periods import DateRange
from psoladder.testing import strategies as pst
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


# ------------------------------------------------ R-30-4: whom the share is of


def denominator_rows() -> list[Employment]:
    """10 on the payroll (3 of them 30+), 2 seconded-in SW-indicated people, 2 interns."""
    rows = staff(7, start="2015-01-01")
    rows += [Employment(person=f"T{i}", start="2015-01-01", hours_per_week=40,
                        target_group="wajong") for i in range(3)]
    rows += [Employment(person=f"SW{i}", start="2015-01-01", hours_per_week=40,
                        contract="secondment_flex", target_group="wsw") for i in range(2)]
    rows += [Employment(person=f"I{i}", start="2018-01-01", hours_per_week=40,
                        contract="placement") for i in range(2)]
    return rows


@pytest.mark.parametrize(("application", "group", "total"), [
    # before 1.7 seconded SW staff count neither in the group nor in the total
    ("2019-03-31", 3, 10),
    # from 1.7 they count in the group (6 months, 2 hours) and in the total
    ("2019-04-01", 5, 12)])
@pytest.mark.parametrize("basis", ["fte", "headcount"])
def test_the_share_is_of_the_payroll(application: str, group: int, total: int,
                                     basis: str) -> None:
    peiljaar = DateRange(dt.date(2018, 1, 1), dt.date(2018, 12, 31))
    tp = reading(denominator_rows(), Level.TREDE_3, on=dt.date.fromisoformat(application),
                 basis=basis, peiljaar=peiljaar)
    assert (tp.group, tp.workforce) == (group, total)
    assert tp.denominator is ThirtyPlusDenominator.PAYROLL
    assert "thirty_plus_total_contracts" in {c.name for c in tp.cited}
    assert tp.to_dict()["denominator"] == "payroll"


@pytest.mark.parametrize("application", ["2019-03-31", "2019-04-01"])
def test_all_staff_keeps_the_reading_of_0_1(application: str) -> None:
    peiljaar = DateRange(dt.date(2018, 1, 1), dt.date(2018, 12, 31))
    rs = rules_at(dt.date.fromisoformat(application))
    w = workforce(denominator_rows(), peiljaar=peiljaar, fulltime_hours=None, rules=rs)
    tp = thirty_plus(w, Level.TREDE_3, rs, denominator="all_staff")
    assert tp.workforce == w.total_fte == 14
    assert "thirty_plus_total_contracts" not in {c.name for c in tp.cited}
    assert [n.key for n in tp.notices] == ["thirty_plus_fte", "thirty_plus_all_staff"]


@pytest.mark.parametrize(("application", "status"), [
    ("2019-03-31", Status.PUBLISHED), ("2019-04-01", Status.DECISION)])
def test_the_payroll_is_a_dated_rule_value(application: str, status: Status) -> None:
    cited = rules_at(dt.date.fromisoformat(application)).codes("thirty_plus_total_contracts")
    assert cited.rule == "R-30-4"
    assert cited.status is status
    assert ("secondment_flex" in cited.value) is (status is Status.DECISION)
    assert {"regular", "supported"} <= cited.value
    assert not {"placement", "trial", "sw_detached_out"} & cited.value


def test_the_assessment_passes_the_option_and_says_which_total() -> None:
    org = organisation(d8_rows())
    payroll = assess(org)
    assert payroll.thirty_plus.denominator is ThirtyPlusDenominator.PAYROLL
    messages = [w.message for w in payroll.warnings if w.rule == "R-30-4"]
    assert any("personnel on the payroll" in m for m in messages)
    everyone = assess(org, thirty_plus_denominator="all_staff")
    assert everyone.thirty_plus.workforce == everyone.exact_total_fte
    assert any("all staff" in w.message for w in everyone.warnings if w.rule == "R-30-4")


def test_workforce_totals_by_contract_add_up() -> None:
    rs = rules_at(dt.date(2024, 5, 1))
    rows = denominator_rows() + [
        # concurrent contracts above full time: scaled per contract (R-FTE-3)
        Employment(person="C", start="2020-01-01", hours_per_week=30),
        Employment(person="C", start="2023-03-01", end="2023-12-31", hours_per_week=20,
                   contract="secondment_flex"),
        Employment(person="X", start="2010-01-01", end="2022-12-31", hours_per_week=40)]
    w = workforce(rows, peiljaar=PEILJAAR_2023, fulltime_hours=None, rules=rs)
    assert sum(w.hour_days_by_contract.values()) == sum(p.hour_days for p in w.persons)
    assert sum(w.peildatum_contracts.values()) == sum(p.on_peildatum for p in w.persons)
    from psoladder import ContractType as C
    assert w.peildatum_contracts[frozenset({C.REGULAR, C.SECONDMENT_FLEX})] == 1


def test_the_streamed_payroll_gives_the_same_30_plus_reading(tmp_path: Path) -> None:
    rows = denominator_rows() + staff(30, prefix="N", hours=20, contract="trial")
    with (tmp_path / "payroll.csv").open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["person", "start", "hours_per_week", "contract", "target_group"])
        out.writerows([e.person, e.start, e.hours_per_week, e.contract.value,
                       e.target_group.value if e.target_group else ""] for e in rows)
    (tmp_path / "org.toml").write_text(
        'name = "X"\nkvk = ["12345678"]\napplication_date = 2024-05-01\n'
        'peiljaar = { start = 2023-01-01, end = 2023-12-31 }\nemployments = "payroll.csv"\n',
        encoding="utf-8")
    for basis in ("fte", "headcount"):
        streamed = assess_file(tmp_path / "org.toml", thirty_plus_basis=basis)
        in_memory = assess(load_organisation(tmp_path / "org.toml"), thirty_plus_basis=basis)
        assert streamed.thirty_plus.to_dict() == in_memory.thirty_plus.to_dict()
        assert streamed.thirty_plus.workforce == 12  # the trial placements are not on it


@given(pst.organisations(max_people=8, max_purchases=0))
def test_the_totals_by_contract_add_up_and_the_share_stays_a_share(org: object) -> None:
    a = assess(org)  # type: ignore[arg-type]
    w = a.workforce
    assert sum(w.hour_days_by_contract.values()) == sum(p.hour_days for p in w.persons)
    assert sum(w.peildatum_contracts.values()) == sum(p.on_peildatum for p in w.persons)
    for basis in ("fte", "headcount"):
        tp = thirty_plus(w, Level.TREDE_3, a.rules, basis=basis)
        assert 0 <= tp.group <= tp.workforce
        everyone = thirty_plus(w, Level.TREDE_3, a.rules, basis=basis, denominator="all_staff")
        assert tp.workforce <= everyone.workforce
