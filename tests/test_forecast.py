"""Forecasts (issue 15): assess at future application dates, the level changes and why."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import psoladder
from psoladder import Employment, InputError, Level, Organisation, assess
from psoladder.periods import DateRange, default_peiljaar
from psoladder.planning.forecast import _Peiljaren, at_date, forecast

D = dt.date


def _staff(n: int) -> list[Employment]:
    return [Employment(person=f"S{i}", start="2015-01-01", hours_per_week=40) for i in range(n)]


def _org(**kw: object) -> Organisation:
    """10 fte; P1's Participatiewet window (5 years from 2020-03-01) ends 2025-02-29 - 1 day."""
    rows = [*_staff(9), Employment(person="P1", start="2020-03-01", hours_per_week=40,
                                   target_group="participatiewet")]
    fields: dict[str, object] = {"name": "Venster B.V.", "kvk": "12345678",
                                 "application_date": "2024-05-01", "employments": rows}
    return Organisation(**{**fields, **kw})  # type: ignore[arg-type]


def _by_hand(org: Organisation, on: dt.date) -> psoladder.Assessment:
    """``assess`` on ``on`` written out: the calendar year before it is the default peiljaar."""
    return assess(attrs.evolve(org, application_date=on))


def test_the_level_drops_on_the_first_application_date_that_measures_the_ended_window() -> None:
    org = _org()
    f = forecast(org, until=D(2027, 5, 1))  # quarterly: 2025-11-01, 2026-02-01, ...
    [change] = f.changes
    assert change.on == D(2026, 1, 1)  # not a grid date: the exact first day
    assert (change.old_level, change.new_level) == (Level.TREDE_2, Level.NONE)
    # both sides of the day, against assess by hand
    for day, level in ((D(2025, 12, 31), Level.TREDE_2), (D(2026, 1, 1), Level.NONE)):
        assert f.level_on(day) == level == _by_hand(org, day).level
    [ended] = change.window_ends
    assert (ended.person, ended.ends, ended.rule) == ("P1", D(2025, 2, 28), "R-TG-2")
    assert ended.target_group is psoladder.TargetGroup.PARTICIPATIEWET
    assert ended.old_weighted == 1
    assert ended.new_weighted == pytest.approx(59 / 365)
    # the first day of the new level is kept as a point (later extra points mark where the
    # certain or possible level of issue 17 changes)
    assert next(p.application_date for p in f.points if not p.scheduled) == D(2026, 1, 1)


def test_the_forecast_equals_assess_at_each_date_by_hand() -> None:
    org = _org()
    f = forecast(org, until=D(2026, 5, 1), every="quarter")
    assert [p.application_date for p in f.points if p.scheduled] == [
        D(2024, 5, 1), D(2024, 8, 1), D(2024, 11, 1), D(2025, 2, 1), D(2025, 5, 1),
        D(2025, 8, 1), D(2025, 11, 1), D(2026, 2, 1), D(2026, 5, 1)]
    for p in f.evaluated:
        hand = _by_hand(org, p.application_date)
        a = p.assessment
        assert (a.peiljaar, a.exact.total_pct, a.level, a.size, a.edition) == (
            hand.peiljaar, hand.exact.total_pct, hand.level, hand.size, hand.edition)
    assert f.points[0].assessment.to_dict() == assess(org).to_dict()


def test_an_explicit_peiljaar_moves_by_whole_years() -> None:
    april = DateRange(D(2023, 4, 1), D(2024, 3, 31))
    org = _org(peiljaar=april)
    f = forecast(org, until=D(2026, 6, 1), every="year")
    # April 2024 to March 2025 still counts P1 on 334 days (Trede 2); a year later on none
    assert [(p.application_date, str(p.peiljaar)) for p in f.points] == [
        (D(2024, 5, 1), "2023-04-01..2024-03-31"), (D(2025, 5, 1), "2024-04-01..2025-03-31"),
        (D(2026, 4, 1), "2025-04-01..2026-03-31"), (D(2026, 5, 1), "2025-04-01..2026-03-31"),
        (D(2026, 6, 1), "2025-04-01..2026-03-31")]
    assert [c.on for c in f.changes] == [D(2026, 4, 1)]
    for day, shift in ((D(2025, 3, 31), 0), (D(2025, 4, 1), 1), (D(2026, 3, 31), 1),
                       (D(2026, 4, 1), 2)):
        peiljaar = DateRange(D(2023 + shift, 4, 1), D(2024 + shift, 3, 31))
        hand = assess(attrs.evolve(org, application_date=day, peiljaar=peiljaar))
        assert f.assessment_on(day).peiljaar == peiljaar
        assert f.assessment_on(day).exact.total_pct == hand.exact.total_pct
        assert f.level_on(day) == hand.level
    # a peiljaar that lags a year more than it must keeps its lag
    late = forecast(_org(peiljaar=DateRange(D(2022, 1, 1), D(2022, 12, 31))),
                    until=D(2025, 5, 1), every="year")
    assert [str(p.peiljaar) for p in late.points] == [
        "2022-01-01..2022-12-31", "2023-01-01..2023-12-31"]
    assert "fa.peiljaar_lag" in [a.key for a in late.assumptions]


@given(st.dates(min_value=D(2017, 4, 1), max_value=D(2040, 12, 31)),
       st.dates(min_value=D(2017, 4, 1), max_value=D(2040, 12, 31)))
def test_the_moving_peiljaar_of_a_default_one_is_the_calendar_year_before(
        base: dt.date, on: dt.date) -> None:
    p = _Peiljaren.of(_org(application_date=base))
    assert p.peiljaar(on) == default_peiljaar(on)
    assert (on in p.changes(on - dt.timedelta(days=1), on)) == ((on.month, on.day) == (1, 1))


def test_purchases_repeat_as_entered_or_not_at_all() -> None:
    linde = psoladder.Purchase(supplier="De Linde", amount=100000, supplier_turnover=1000000,
                               supplier_fte=40, supplier_direct_pct=25,
                               invoice_date="2023-06-30", certificate_valid_from="2022-01-01",
                               certificate_valid_until="2025-03-31")
    later = attrs.evolve(linde, supplier="Later", invoice_date="2025-02-01",
                         certificate_valid_until=None)
    org = _org(purchases=[linde, later])
    repeat = forecast(org, until=D(2027, 5, 1), every="year")
    counted = [[p.counted for p in x.assessment.purchases.purchases] for x in repeat.points
               if x.scheduled]
    # Linde recurs until its certificate ends; the later purchase counts in its own year
    assert counted == [[True, False], [True, False], [False, True], [False, False]]
    moved = at_date(org, D(2026, 5, 1))
    assert [p.invoice_date for p in moved.purchases] == [D(2025, 6, 30), D(2025, 2, 1)]
    entered = forecast(org, until=D(2027, 5, 1), every="year", purchases="as_entered")
    assert [[p.counted for p in x.assessment.purchases.purchases]
            for x in entered.points if x.scheduled] == [[True, False], [False, False], [False, True],
                                         [False, False]]
    none = forecast(org, until=D(2025, 5, 1), every="year", purchases="none")
    assert all(p.assessment.exact_indirect_fte == 0 for p in none.points)
    assert [
        next(a.key for a in f.assumptions if a.key in ("fa.repeat", "fa.as_entered", "fa.none"))
        for f in (repeat, entered, none)] == ["fa.repeat", "fa.as_entered", "fa.none"]


def test_a_change_of_edition_inside_the_range_is_found_on_its_day() -> None:
    # Participatiewet counts 3 years under edition 1.6 and 5 from 1.7 (2019-04-01)
    rows = [*_staff(9), Employment(person="P1", start="2015-06-01", hours_per_week=40,
                                   target_group="participatiewet")]
    org = Organisation(name="Editie", kvk="12345678", application_date="2018-05-01",
                       employments=rows)
    f = forecast(org, until=D(2020, 3, 1), every="year")
    # 2019-01-01: the peiljaar 2018 counts 151 days under 1.6; 2019-04-01: 1.7 counts all
    # of them. The yearly dates alone (2018-05-01, 2019-05-01) would miss both changes.
    assert [(c.on, c.old_level, c.new_level) for c in f.changes] == [
        (D(2019, 1, 1), Level.TREDE_2, Level.NONE), (D(2019, 4, 1), Level.NONE, Level.TREDE_2)]
    for day in (D(2018, 12, 31), D(2019, 1, 1), D(2019, 3, 31), D(2019, 4, 1)):
        assert f.level_on(day) == _by_hand(org, day).level
    assert [(p.application_date, p.assessment.edition) for p in f.points] == [
        (D(2018, 5, 1), "1.6"), (D(2019, 1, 1), "1.6"), (D(2019, 4, 1), "1.7"),
        (D(2019, 5, 1), "1.7"), (D(2020, 3, 1), "1.7")]


def test_the_assumptions_name_the_rules_after_the_last_edition() -> None:
    f = forecast(_org(), until=D(2025, 5, 1), every="year")
    keys = [a.key for a in f.assumptions]
    assert keys[:3] == ["fa.workforce", "fa.statuses", "fa.peiljaar_default"]
    assert "fa.after_last_edition" in keys
    rules = next(a for a in f.assumptions if a.key == "fa.after_last_edition")
    assert dict(rules.params)["notice"].rule == "R-ED-3"  # the notice, in the same line
    early = forecast(_org(application_date="2020-05-01"), until=D(2021, 5, 1), every="year")
    assert "fa.after_last_edition" not in [a.key for a in early.assumptions]


def test_bad_forecasts_are_input_errors() -> None:
    with pytest.raises(InputError, match="until lies before the start"):
        forecast(_org(), until=D(2024, 1, 1))
    with pytest.raises(InputError, match="unknown step"):
        forecast(_org(), until=D(2025, 1, 1), every="week")
    with pytest.raises(InputError, match="unknown purchases assumption"):
        forecast(_org(), until=D(2025, 1, 1), purchases="double")
    with pytest.raises(InputError, match="more than 2000 application dates"):
        forecast(_org(), until=D(2224, 1, 1), every="month")
    with pytest.raises(ValueError, match="outside the forecast"):
        forecast(_org(), until=D(2025, 1, 1)).level_on(D(2026, 1, 1))


def test_a_forecast_passes_its_options_to_assess() -> None:
    f = forecast(_org(), until=D(2024, 5, 1), norm_policy="interpolate",
                 overrides=psoladder.RuleOverrides(source="test",
                                                   parameters={"fulltime_hours_default": 36}))
    a = f.points[0].assessment
    assert a.norm_policy.value == "interpolate"
    assert a.workforce.fulltime_hours.value == Decimal(36)
