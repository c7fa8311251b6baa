"""Invariants of the PSO computation on any valid input (psoladder.testing.strategies)."""

from __future__ import annotations

import datetime as dt
import decimal
import json
import random
from decimal import Decimal
from fractions import Fraction

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import psoladder
from psoladder import Employment, Level, Organisation, assess
from psoladder.fte import workforce
from psoladder.levels import Position, decide_level
from psoladder.periods import DateRange
from psoladder.testing import strategies as pst

PEILJAAR = DateRange(dt.date(2023, 1, 1), dt.date(2023, 12, 31))
RULES = psoladder.rules_at(dt.date(2024, 5, 1))
FIGURES = ("total_fte", "weighted_target_fte", "direct_pct", "indirect_fte", "indirect_pct",
           "indirect_counted_pct", "total_pct")


def figures(a: psoladder.Assessment) -> tuple[object, ...]:
    return (a.exact_total_fte, a.exact_weighted, a.exact_indirect_fte, a.exact.total_pct,
            a.level, a.size, a.thirty_plus.group, a.banenafspraak.jobs)


def split(e: Employment, at: dt.date) -> list[Employment]:
    """Split a row into two consecutive rows at ``at`` (the first day of the second)."""
    first = attrs.evolve(e, end=at - dt.timedelta(days=1),
                         placement_start=e.placement_start or e.start)
    second = attrs.evolve(e, start=at, placement_start=e.placement_start or e.start)
    return [first, second]


@given(pst.employments(open_ended=False), st.data())
def test_fte_of_a_period_is_the_sum_over_any_split(e: Employment, data: st.DataObject) -> None:
    assert e.end is not None
    if e.end == e.start:
        return
    at = data.draw(st.dates(min_value=e.start + dt.timedelta(days=1), max_value=e.end))
    whole = workforce([e], peiljaar=PEILJAAR, fulltime_hours=None, rules=RULES)
    parts = workforce(split(e, at), peiljaar=PEILJAAR, fulltime_hours=None, rules=RULES)
    assert parts.total_fte == whole.total_fte
    assert parts.persons[0].weighted_fte == whole.persons[0].weighted_fte


@given(pst.organisations(max_people=12), st.data())
def test_splitting_a_contract_into_consecutive_rows_changes_nothing(
        org: Organisation, data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(org.employments) - 1))
    e = org.employments[index]
    end = e.end or dt.date(2030, 1, 1)
    if end <= e.start:
        return
    at = data.draw(st.dates(min_value=e.start + dt.timedelta(days=1), max_value=end))
    rows = list(org.employments)
    rows[index:index + 1] = split(attrs.evolve(e, end=end), at)
    rows[index + 1] = attrs.evolve(rows[index + 1], end=e.end)
    assert figures(assess(attrs.evolve(org, employments=rows))) == figures(assess(org))


@given(pst.organisations(max_people=12), st.randoms(use_true_random=False))
def test_row_order_never_matters(org: Organisation, rnd: random.Random) -> None:
    rows = list(org.employments)
    rnd.shuffle(rows)
    buys = list(org.purchases)
    rnd.shuffle(buys)
    shuffled = attrs.evolve(org, employments=rows, purchases=buys)
    assert figures(assess(shuffled)) == figures(assess(org))


@given(pst.organisations(max_people=15))
def test_percentages_cap_and_total(org: Organisation) -> None:
    a = assess(org)
    s = a.exact
    assert 0 <= a.exact_weighted <= a.exact_total_fte
    assert 0 <= s.direct_pct <= 100
    assert 0 <= s.indirect_pct < 100 or (a.exact_total_fte == 0 and s.indirect_pct == 100)
    assert s.indirect_counted_pct <= s.indirect_pct
    assert s.indirect_counted_pct <= 4 * s.direct_pct
    assert s.total_pct == s.direct_pct + s.indirect_counted_pct
    # the counted indirect part is at most 80% of the total
    assert s.indirect_counted_pct <= Fraction(4, 5) * s.total_pct


@given(pst.organisations(max_people=15))
def test_level_is_consistent_with_norms_and_eligibility(org: Organisation) -> None:
    a = assess(org)
    if not a.eligible:
        assert a.level is Level.NONE
        assert a.exact_total_fte < 2
        return
    assert a.exact_total_fte >= 2
    reached = [lv for lv in a.rules.levels
               if a.norms.for_level(lv) is not None and a.exact.total_pct >= a.norms.for_level(lv)]
    assert a.level is (max(reached) if reached else Level.NONE)


@given(pst.organisations(max_people=10), st.fractions(min_value=0, max_value=5))
def test_filling_posts_with_target_fte_never_lowers_the_score(org: Organisation,
                                                               extra: Fraction) -> None:
    a = assess(org)
    p = a.position()
    extra = min(extra, p.total_fte - p.weighted_target_fte)
    more = Position(p.total_fte, p.weighted_target_fte + extra, p.indirect_fte)
    assert more.level(a.rules) >= a.level


@given(pst.organisations(max_people=10), pst.purchases())
def test_a_qualifying_purchase_never_lowers_the_score(org: Organisation,
                                                      extra: psoladder.Purchase) -> None:
    a = assess(org)
    b = assess(attrs.evolve(org, purchases=(*org.purchases, attrs.evolve(extra,
                                                                         invoice_date=None))))
    assert b.exact.total_pct >= a.exact.total_pct
    assert b.level >= a.level


@given(st.integers(2, 200), st.fractions(0, 40), st.fractions(0, 40), st.dates(
    dt.date(2017, 4, 1), dt.date(2027, 1, 1)))
def test_higher_score_never_a_lower_level_at_the_same_size(size: int, low: Fraction,
                                                           more: Fraction, on: dt.date) -> None:
    n = psoladder.norms_for(size, on=on)
    assert decide_level(low + more, n) >= decide_level(low, n)


@given(pst.organisations(max_people=10))
def test_results_are_exact_decimals_without_float_mixing(org: Organisation) -> None:
    with decimal.localcontext() as ctx:
        ctx.traps[decimal.FloatOperation] = True
        a = assess(org)
        for name in FIGURES:
            value = getattr(a, name)
            assert type(value) is Decimal, name
            assert value == Decimal(str(value))
        for value in (a.norms.trede_1, a.norms.trede_2, a.norms.trede_3):
            assert type(value) is Decimal
        for g in a.gaps:
            for v in (g.filled_post_fte, g.new_hire_fte, g.indirect_fte, g.purchase_amount):
                assert v is None or type(v) is Decimal


@given(pst.organisations(max_people=10))
def test_explanation_accounts_for_every_reported_figure(org: Organisation) -> None:
    a = assess(org)
    shown = a.explanation.figures()
    d = a.to_dict()
    for name in FIGURES:
        assert shown[name] == d[name]
    assert shown["level"] == d["level"]
    assert shown["size"] == str(d["size"])
    assert shown["eligible"] == str(d["eligible"]).lower()


@given(pst.organisations(max_people=10))
def test_to_dict_round_trips_through_json(org: Organisation) -> None:
    d = assess(org).to_dict(explanation=True)
    assert json.loads(json.dumps(d)) == d


@settings(max_examples=25)
@given(pst.organisations(max_people=8))
def test_gaps_are_exact(org: Organisation) -> None:
    a = assess(org)
    p = a.position()
    step = Fraction(1, 10000)
    for g in a.gaps:
        if g.filled_post_fte is not None:
            x = Fraction(g.filled_post_fte)
            assert Position(p.total_fte, p.weighted_target_fte + x,
                            p.indirect_fte).level(a.rules) >= g.level
            if x:
                assert Position(p.total_fte, p.weighted_target_fte + x - step,
                                p.indirect_fte).level(a.rules) < g.level
        if g.new_hire_fte is not None:
            h = Fraction(g.new_hire_fte)
            assert Position(p.total_fte + h, p.weighted_target_fte + h,
                            p.indirect_fte).level(a.rules) >= g.level
            if h:
                assert Position(p.total_fte + h - step, p.weighted_target_fte + h - step,
                                p.indirect_fte).level(a.rules) < g.level
        if g.indirect_fte is not None:
            i = Fraction(g.indirect_fte)
            assert Position(p.total_fte, p.weighted_target_fte,
                            p.indirect_fte + i).level(a.rules) >= g.level
            if i:
                assert Position(p.total_fte, p.weighted_target_fte,
                                p.indirect_fte + i - step).level(a.rules) < g.level
