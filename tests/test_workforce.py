from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from tests.conftest import PEILJAAR_2023, organisation, staff

from psoladder import Employment, InputError, assess, formatting, rules_at
from psoladder.direct import weighted_target_fte
from psoladder.fte import workforce
from psoladder.periods import DateRange

ON = dt.date(2024, 5, 1)


def wf(*rows: Employment, on: dt.date = ON, peiljaar: DateRange = PEILJAAR_2023,
       fulltime: Decimal | None = None):  # type: ignore[no-untyped-def]
    return workforce(rows, peiljaar=peiljaar, fulltime_hours=fulltime, rules=rules_at(on))


def weighted_of(row: Employment, on: dt.date = ON,
                peiljaar: DateRange = PEILJAAR_2023) -> Fraction:
    return weighted_target_fte(wf(row, on=on, peiljaar=peiljaar))


def test_d1() -> None:
    rows = staff(17) + [
        Employment(person="S17", start="2015-01-01", hours_per_week=24),
        Employment(person="W", start="2015-01-01", hours_per_week=32, target_group="wajong"),
        Employment(person="WW", start="2022-01-01", hours_per_week=40, target_group="ww",
                   ww_since="2021-06-01"),
        Employment(person="P", start="2021-05-01", hours_per_week=24, contract="secondment_flex",
                   target_group="participatiewet"),
    ]
    a = assess(organisation(rows))
    assert a.total_fte == Decimal("20")
    assert a.weighted_target_fte == Decimal("2.09")
    assert a.direct_pct == Decimal("10.45")
    assert (a.norms.trede_1, a.norms.trede_2, a.norms.trede_3) == (
        Decimal("5.7"), Decimal("7.3"), Decimal("10.8"))
    assert a.level.value == "trede_2"


def test_d2() -> None:
    w = wf(Employment(person="P", start="2023-07-01", end="2023-12-31", hours_per_week=40,
                      target_group="ww", ww_since="2022-01-01"))
    assert w.total_fte == Fraction(184, 365)
    assert weighted_target_fte(w) == Fraction(184, 365) * Fraction(3, 4)
    assert str(weighted_target_fte(w) * 1).startswith("138/365")


def test_d6_participatiewet_window_ended_but_lks_running() -> None:
    plain = Employment(person="P", start="2017-03-01", hours_per_week=40,
                       target_group="participatiewet")
    assert weighted_of(plain) == 0
    [period] = wf(plain).persons[0].periods
    assert period.counting.window == DateRange(dt.date(2017, 3, 1), dt.date(2022, 2, 28))
    assert any("5 years from inflow" in r.message for r in period.counting.reasons)
    assert any("5 jaar vanaf instroom" in r.text("nl") for r in period.counting.reasons)
    lks = Employment(person="P", start="2017-03-01", hours_per_week=40,
                     target_group="participatiewet_lks", status_until="2024-12-31")
    assert weighted_of(lks) == 1


@pytest.mark.parametrize(("inflow", "expected_days"), [
    # 5-year window from inflow; peiljaar 2023. Window of inflow 2018-07-01 ends 2023-06-30.
    ("2018-07-01", 181), ("2018-07-02", 182), ("2018-01-01", 0), ("2018-01-02", 1),
])
def test_participatiewet_window_end_both_sides(inflow: str, expected_days: int) -> None:
    row = Employment(person="P", start="2015-01-01", inflow=inflow, hours_per_week=40,
                     target_group="participatiewet")
    assert weighted_of(row) == Fraction(expected_days, 365)


@pytest.mark.parametrize(("application", "weighted"), [
    # inflow 2019-07-01, peiljaar 2023: 3 years (1.6) ended 2022-06-30, 5 years (1.7) runs on.
    ("2019-03-31", Fraction(0)), ("2019-04-01", Fraction(1))])
def test_participatiewet_3_vs_5_years_at_edition_1_7(application: str, weighted: Fraction) -> None:
    on = dt.date.fromisoformat(application)
    row = Employment(person="P", start="2019-07-01", hours_per_week=40,
                     target_group="participatiewet")
    assert weighted_of(row, on=on) == weighted


@pytest.mark.parametrize(("group", "first_day"), [
    ("statushouder", "2018-04-01"), ("nug_sroi", "2018-04-01"),
    ("temporary_protection", "2023-04-01"), ("student_level_3_4", "2021-04-01")])
def test_groups_exist_from_their_edition(group: str, first_day: str) -> None:
    first = dt.date.fromisoformat(first_day)
    row = Employment(person="P", start="2022-06-01", hours_per_week=40, target_group=group)
    before = wf(row, on=first - dt.timedelta(days=1)).persons[0].periods[0]
    assert before.weighted_fte == 0
    assert "is not a target group under edition" in before.counting.reasons[0].message
    assert f"a target group from {formatting.date(first, 'en')} on" in before.counting.reasons[0].message
    after = wf(row, on=first).persons[0].periods[0]
    assert after.counting.window is not None
    if group == "student_level_3_4":
        assert after.weighted_fte == 0  # weight unknown: counts 0, with a warning
        assert [n.rule for n in after.counting.notices] == ["R-TG-7a"]
    else:
        assert after.weighted_fte == 1


@pytest.mark.parametrize(("ww_since", "counts"), [("2022-07-01", True), ("2022-07-02", False)])
def test_ww_six_months_before_inflow(ww_since: str, counts: bool) -> None:
    row = Employment(person="P", start="2023-01-01", hours_per_week=40, target_group="ww",
                     ww_since=ww_since)
    assert weighted_of(row) == (Fraction(3, 4) if counts else 0)


@pytest.mark.parametrize(("status_lost", "counts"), [("2021-01-01", True), ("2020-12-31", False)])
def test_status_lost_at_most_two_years_before_inflow(status_lost: str, counts: bool) -> None:
    row = Employment(person="P", start="2023-01-01", hours_per_week=40,
                     target_group="status_lost_2y", status_lost=status_lost)
    assert weighted_of(row) == (1 if counts else 0)


@pytest.mark.parametrize(("school_left", "days"), [("2018-07-01", 181), ("2017-12-31", 0),
                                                   ("2018-01-01", 0), ("2018-01-02", 1)])
def test_vso_pro_five_years_after_school(school_left: str, days: int) -> None:
    row = Employment(person="P", start="2018-09-01", hours_per_week=40, target_group="vso_pro",
                     school_left=school_left)
    assert weighted_of(row) == Fraction(days, 365)


@pytest.mark.parametrize(("until", "days"), [("2023-06-30", 181), ("2022-12-31", 0),
                                             ("2023-01-01", 1), (None, 365)])
def test_wsw_indication_until_inclusive(until: str | None, days: int) -> None:
    row = Employment(person="P", start="2010-01-01", hours_per_week=40, target_group="wsw",
                     status_until=until)
    assert weighted_of(row) == Fraction(days, 365)


@pytest.mark.parametrize(("start", "days"), [("2020-07-01", 181), ("2020-01-02", 1),
                                             ("2020-01-01", 0)])
def test_placement_counts_three_years(start: str, days: int) -> None:
    row = Employment(person="P", start=start, hours_per_week=40, contract="placement",
                     target_group="wajong")
    assert weighted_of(row) == Fraction(days, 365) * Fraction(3, 4)


def test_placement_start_can_differ_from_row_start() -> None:
    row = Employment(person="P", start="2019-01-01", placement_start="2021-01-01",
                     hours_per_week=40, contract="placement", target_group="wajong")
    assert weighted_of(row) == Fraction(3, 4)


@pytest.mark.parametrize(("contract", "weight"), [
    ("regular", 1), ("supported", 1), ("secondment_flex", Fraction(9, 10)),
    ("trial", Fraction(1, 2))])
def test_contract_weights_multiply(contract: str, weight: Fraction) -> None:
    row = Employment(person="P", start="2020-01-01", hours_per_week=40, contract=contract,
                     target_group="ww", ww_since="2019-01-01")
    assert weighted_of(row) == Fraction(3, 4) * weight


def test_sw_detached_out_is_left_out_of_total() -> None:
    w = wf(*staff(2), Employment(person="SW", start="2020-01-01", hours_per_week=40,
                                 contract="sw_detached_out", target_group="wsw"))
    assert w.total_fte == 2
    assert weighted_target_fte(w) == 0


@pytest.mark.parametrize(("application", "weighted"), [("2019-03-31", 0), ("2019-04-01", 1)])
def test_disabled_in_service_counts_from_1_7(application: str, weighted: int) -> None:
    row = Employment(person="P", start="2010-01-01", hours_per_week=40, target_group="wia_wao_waz",
                     disabled_in_service=True)
    assert weighted_of(row, on=dt.date.fromisoformat(application),
                       peiljaar=DateRange(dt.date(2018, 1, 1), dt.date(2018, 12, 31))) == weighted


def test_concurrent_contracts_cap_at_one_fte() -> None:
    rows = [Employment(person="P", start="2023-01-01", hours_per_week=30),
            Employment(person="P", start="2023-07-01", hours_per_week=20, contract="trial",
                       target_group="wajong")]
    w = wf(*rows)
    # Jan-Jun (181 days): 30 h; Jul-Dec (184 days): 50 h capped to 40 h.
    assert w.total_fte == Fraction(181 * 30 + 184 * 40, 40 * 365)
    person = w.persons[0]
    assert person.capped
    # The trial row keeps its share 20/50 of the capped 40 hours.
    assert person.periods[1].fte == Fraction(184 * 16, 40 * 365)
    assert person.weighted_fte == Fraction(184 * 16, 40 * 365) / 2


def test_cap_boundary_exactly_full_time_is_not_capped() -> None:
    rows = [Employment(person="P", start="2023-01-01", hours_per_week=20),
            Employment(person="P", start="2023-01-01", hours_per_week=20)]
    w = wf(*rows)
    assert w.total_fte == 1
    assert not w.persons[0].capped
    rows[1] = Employment(person="P", start="2023-01-01", hours_per_week=Decimal("20.01"))
    w = wf(*rows)
    assert w.total_fte == 1
    assert w.persons[0].capped


def test_different_people_are_not_capped_together() -> None:
    assert wf(*staff(2, hours=30)).total_fte == Fraction(3, 2)


def test_cao_full_time_week() -> None:
    w = wf(Employment(person="P", start="2020-01-01", hours_per_week=36), fulltime=Decimal(36))
    assert w.total_fte == 1
    assert wf(Employment(person="P", start="2020-01-01", hours_per_week=36)).total_fte == \
        Fraction(9, 10)


def test_inflow_defaults_to_first_period_of_the_person() -> None:
    rows = [Employment(person="P", start="2018-03-01", end="2020-12-31", hours_per_week=40,
                       target_group="participatiewet"),
            Employment(person="P", start="2021-01-01", hours_per_week=40,
                       target_group="participatiewet")]
    periods = wf(*rows).persons[0].periods
    assert all(p.inflow == dt.date(2018, 3, 1) for p in periods)
    assert weighted_target_fte(wf(*rows)) == Fraction(59, 365)  # window ends 2023-02-28


def test_rows_outside_the_peiljaar_are_counted_and_listed() -> None:
    w = wf(*staff(2), Employment(person="Old", start="2010-01-01", end="2012-12-31",
                                 hours_per_week=40))
    assert w.rows_read == 3
    assert tuple(w.rows_outside) == (3,)
    assert w.total_fte == 2


def test_leap_peiljaar() -> None:
    leap = DateRange(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    w = wf(Employment(person="P", start="2024-02-29", end="2024-02-29", hours_per_week=40),
           peiljaar=leap)
    assert w.total_fte == Fraction(1, 366)


@pytest.mark.parametrize(("field", "kw", "message"), [
    ("end", {"end": "2022-12-31"}, "before start"),
    ("hours_per_week", {"hours_per_week": 0}, "above 0"),
    ("hours_per_week", {"hours_per_week": 169}, "at most 168"),
    ("hours_per_week", {"hours_per_week": 32.5}, "float"),
    ("contract", {"contract": "permanent"}, "unknown contract"),
    ("target_group", {"target_group": "ex_offender"}, "unknown target_group"),
    ("ww_since", {"target_group": "ww"}, "needs ww_since"),
    ("school_left", {"target_group": "vso_pro"}, "needs school_left"),
    ("status_lost", {"target_group": "status_lost_2y"}, "needs status_lost"),
    ("start", {"start": "01-02-2023"}, "not a date"),
])
def test_invalid_employments_name_the_field(field: str, kw: dict[str, object],
                                            message: str) -> None:
    args = {"person": "P", "start": "2023-01-01", "hours_per_week": 40} | kw
    with pytest.raises(InputError, match=message) as info:
        Employment(**args)  # type: ignore[arg-type]
    assert info.value.problems[0].field == field
    assert info.value.problems[0].hint
