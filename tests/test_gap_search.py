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

from psoladder.levels import NormPolicy, Position, _Levels, gaps
from psoladder.rules import rules_at

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
