"""Invariants of planning (issue 15) over psoladder.testing.strategies; each named in its test."""

from __future__ import annotations

import datetime as dt
import itertools
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from psoladder import ContractType, Employment, Organisation, TargetGroup, assess
from psoladder.planning.compare import FIGURES, compare
from psoladder.planning.forecast import forecast
from psoladder.planning.scenarios import Hire, Scenario
from psoladder.testing import strategies as pst

# Groups whose counting window never ends on its own, with the same weight in
# every edition; placements (3 years, R-CT-4) and detached SW staff left out.
OPEN_GROUPS = [None, TargetGroup.WAJONG, TargetGroup.WIA_WAO_WAZ, TargetGroup.WIW_ID,
               TargetGroup.YOUNG_DISABLED_WML, TargetGroup.DOELGROEPREGISTER]
OPEN_CONTRACTS = [ContractType.REGULAR, ContractType.SUPPORTED, ContractType.SECONDMENT_FLEX,
                  ContractType.TRIAL]


@settings(max_examples=40)
@given(st.data())
def test_compare_of_a_scenario_against_its_baseline_accounts_for_every_changed_figure(
        data: st.DataObject) -> None:
    org = data.draw(pst.organisations(max_people=8))
    plan: Scenario = data.draw(pst.scenarios(org))
    before, after = assess(org), assess(plan(org))
    c = compare(before, after)
    assert c.unaccounted() == ()
    # every figure that differs is listed, and only those
    differs = {f.name for f in FIGURES if f.read(before) != f.read(after)}
    assert {f.name for f in c.figures} == differs
    # the people listed are exactly those whose fte or weighted fte differ
    old = {p.person: (p.fte, p.weighted_fte) for p in before.workforce.persons}
    new = {p.person: (p.fte, p.weighted_fte) for p in after.workforce.persons}
    zero = (Fraction(0), Fraction(0))
    moved = {p for p in {*old, *new} if old.get(p, zero) != new.get(p, zero)}
    assert moved <= {p.person for p in c.persons}


@settings(max_examples=40)
@given(pst.organisations(max_people=10), st.data())
def test_hiring_a_weight_1_target_group_person_never_lowers_the_direct_percentage(
        org: Organisation, data: st.DataObject) -> None:
    peiljaar = org.peiljaar
    assert peiljaar is not None
    row: Employment = data.draw(pst.employments(
        person="NEW", peiljaar=peiljaar, target_groups=[TargetGroup.WAJONG],
        contracts=[ContractType.REGULAR, ContractType.SUPPORTED]))
    before = assess(org)
    after = assess(Hire(row)(org))
    assert after.exact.direct_pct >= before.exact.direct_pct


@settings(max_examples=20)
@given(pst.organisations(max_people=6, target_groups=OPEN_GROUPS, contracts=OPEN_CONTRACTS,
                         max_purchases=0,
                         application_date=pst.application_dates(max_value=dt.date(2025, 12, 31))),
       st.sampled_from(["quarter", "year"]))
def test_without_a_target_group_window_ending_the_direct_percentage_only_changes_where_rows_start_or_end(
        org: Organisation, every: str) -> None:
    f = forecast(org, until=org.application_date + dt.timedelta(days=2 * 365), every=every)
    bounds = {e.start for e in org.employments} | {
        e.end + dt.timedelta(days=1) for e in org.employments if e.end is not None}
    for a, b in itertools.pairwise(f.evaluated):
        first, last = a.assessment.peiljaar, b.assessment.peiljaar
        if not any(first.start < day <= last.end for day in bounds):
            assert a.assessment.exact.direct_pct == b.assessment.exact.direct_pct, (
                a.application_date, b.application_date)
