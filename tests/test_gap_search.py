"""The gap searches decide each probed position exactly as ``Position.level`` does.

:func:`psoladder.levels.gaps` probes many positions per organisation; it
decides their levels with integer ratios (``_Levels``) instead of building a
``Position`` each time. Same decision, so the same gaps (the gap property
itself is checked in ``test_properties.py``).
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from psoladder.levels import (
    NormPolicy,
    Position,
    _hire_estimate,
    _Levels,
    cap_factor,
    company_size,
    gaps,
    norms_for,
)
from psoladder.model import Level
from psoladder.rules import RuleSet, rules_at

FTE = st.fractions(min_value=0, max_value=500, max_denominator=10**6)
SMALL = st.fractions(min_value=0, max_value=50, max_denominator=10**6)
DATES = st.sampled_from([dt.date(2018, 5, 1), dt.date(2021, 5, 1), dt.date(2024, 5, 1)])


@settings(max_examples=300)
@given(FTE, SMALL, SMALL, DATES, st.sampled_from(list(NormPolicy)), st.integers(1, 7))
def test_levels_are_those_of_position(total: Fraction, weighted: Fraction, indirect: Fraction,
                                      on: dt.date, policy: NormPolicy, scale: int) -> None:
    rules = rules_at(on)
    # unreduced ratios, as the searches make them
    pairs = [(v.numerator * scale, v.denominator * scale) for v in (total, weighted, indirect)]
    assert _Levels(rules, policy)(*pairs) == Position(total, weighted, indirect).level(
        rules, policy)


def test_levels_at_the_boundaries() -> None:
    rules = rules_at(dt.date(2024, 5, 1))
    levels = _Levels(rules, NormPolicy.NEAREST)
    # D1 of the rules reference: 10.45% at size 20 is Trede 2; 2 fte exactly is eligible
    for total, weighted, indirect in [(20, Fraction(209, 100), 0), (2, 0, 0), (0, 0, 0),
                                      (Fraction(199, 100), 1, 0), (50, 1, 1), (10, 0, 1)]:
        t, w, i = (Fraction(v) for v in (total, weighted, indirect))
        assert levels(*((v.numerator, v.denominator) for v in (t, w, i))) == Position(
            t, w, i).level(rules)


def test_gaps_of_the_worked_example_d1() -> None:
    rules = rules_at(dt.date(2024, 5, 1))
    [gap] = gaps(Position(Fraction(20), Fraction(209, 100), Fraction(0)), rules)
    assert (str(gap.filled_post_fte), str(gap.new_hire_fte), str(gap.indirect_fte)) == (
        "0.0700", "0.0785", "0.0703")


def _reference_hire_estimate(position: Position, target: Level, rules: RuleSet,
                             policy: NormPolicy) -> Fraction:
    """The hire estimate in plain fractions: the steps ``_hire_estimate`` takes in integers."""
    factor = cap_factor(rules)
    t, w, i = position.total_fte, position.weighted_target_fte, position.indirect_fte
    x = Fraction(0)
    for _ in range(3):
        norm = norms_for(company_size(t + x), rules=rules, policy=policy).for_level(target)
        if norm is None:
            return Fraction(0)
        indirect_pct = 100 * i / (t + x + i) if t + x + i else Fraction(0)
        if norm <= (1 + factor) * indirect_pct / factor:
            needed = norm / (1 + factor)
        else:
            needed = norm - indirect_pct
        if needed >= 100:
            return Fraction(10**7)
        following = max(Fraction(0), (needed * t / 100 - w) / (1 - needed / 100))
        if following == x:
            break
        x = following
    return x


@settings(max_examples=300)
@given(FTE, SMALL, SMALL, DATES, st.sampled_from(list(NormPolicy)),
       st.sampled_from([lv for lv in Level if lv is not Level.NONE]))
def test_the_hire_estimate_is_exact(total: Fraction, weighted: Fraction, indirect: Fraction,
                                    on: dt.date, policy: NormPolicy, target: Level) -> None:
    rules = rules_at(on)
    position = Position(total, weighted, indirect)
    assert _hire_estimate(position, target, rules, policy, cap_factor(rules)) == (
        _reference_hire_estimate(position, target, rules, policy))
