"""The fold's capped shares in integers equal the day-by-day definition of R-FTE-3 (issue 11)."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from psoladder.fte import _row_units, capped_total

spans = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.integers(1, 60)),
                 min_size=1, max_size=6)


@given(spans, st.integers(1, 80))
def test_capped_shares_day_by_day(rows: list[tuple[int, int, int]], limit: int) -> None:
    numbered = [(k, min(a, b), max(a, b), h) for k, (a, b, h) in enumerate(rows)]
    expected = [Fraction(0)] * len(numbered)
    total = Fraction(0)
    for day in range(41):
        active = [(k, h) for k, a, b, h in numbered if a <= day <= b]
        level = sum(h for _, h in active)
        for k, h in active:
            expected[k] += Fraction(h * min(level, limit), level)
        total += min(level, limit)
    shares = _row_units(numbered, limit)
    assert shares == expected
    assert all(type(s) is int for s, e in zip(shares, expected, strict=True)
               if e.denominator == 1)
    assert capped_total(numbered, limit)[0] == total
