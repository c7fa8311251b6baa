from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from tests.test_rules import PUBLISHED_NORMS

from psoladder import Level, norms_for, rules_at
from psoladder.levels import Position, company_size, counted_indirect, decide_level, scores

ON = dt.date(2024, 5, 1)
#: The smallest step psoladder shows (28 significant digits); decisions are exact.
STEP = Fraction(1, 10**28)


@pytest.mark.parametrize("size", sorted(PUBLISHED_NORMS))
@pytest.mark.parametrize(("index", "level"), [(0, Level.TREDE_1), (1, Level.TREDE_2),
                                              (2, Level.TREDE_3)])
def test_norm_thresholds_both_sides(size: int, index: int, level: Level) -> None:
    n = norms_for(size, on=ON)
    norm = Fraction(Decimal(PUBLISHED_NORMS[size][index]))
    below = Level.NONE if level is Level.TREDE_1 else list(Level)[level.rank - 1]
    assert decide_level(norm - STEP, n) is below
    assert decide_level(norm, n) is level
    assert decide_level(norm + STEP, n) is level


def test_not_eligible_is_none_whatever_the_score() -> None:
    assert decide_level(Fraction(100), norms_for(2, on=ON), eligible=False) is Level.NONE


@pytest.mark.parametrize(("fte", "size"), [
    (Fraction(49, 2), 25), (Fraction(49, 2) - STEP, 24), (Fraction(3, 2), 2),
    (Decimal("104.5"), 105), (Decimal("104.4999"), 104), (Fraction(124, 10), 12)])
def test_company_size_rounds_half_up(fte: Fraction | Decimal, size: int) -> None:
    assert company_size(fte) == size


@pytest.mark.parametrize(("size", "row"), [(1, 2), (0, 2), (104, 100), (105, 105), (106, 105),
                                           (10_000, 105), (4, 2), (6, 5)])
def test_row_used(size: int, row: int) -> None:
    n = norms_for(size, on=ON)
    assert n.row_size == min(max(size, 2), 105)
    assert n.rows_used == (row,)


def test_d7_nearest_and_interpolated() -> None:
    size = company_size(Fraction(124, 10))
    n = norms_for(size, on=ON)
    assert (n.trede_1, n.trede_2, n.trede_3) == (Decimal("6.7"), Decimal("9.0"), Decimal("15.5"))
    assert n.source.value == "nearest_published_row"
    i = norms_for(size, on=ON, policy="interpolate")
    assert (i.trede_1, i.trede_2, i.trede_3) == (Decimal("6.5"), Decimal("8.6"), Decimal("14.5"))
    assert i.source.value == "interpolated"
    assert i.rows_used == (10, 15)


def test_interpolation_between_2_and_5_stays_exact() -> None:
    i = norms_for(3, on=ON, policy="interpolate")
    assert i.exact[Level.TREDE_1] == Fraction(214, 10) + (Fraction(126, 10) - Fraction(214, 10)) / 3


def test_norms_need_a_date_or_rules() -> None:
    with pytest.raises(TypeError):
        norms_for(20)
    with pytest.raises(TypeError):
        norms_for(Decimal(20), on=ON)  # type: ignore[arg-type]


def test_cap() -> None:
    rs = rules_at(ON)
    assert counted_indirect(Fraction(100, 11), 1, rs) == 4  # D4
    assert counted_indirect(Fraction(4), 1, rs) == 4        # exactly at the cap
    assert counted_indirect(Fraction(3), 1, rs) == 3
    assert counted_indirect(5, 0, rs) == 0                  # D5


def test_scores_d3_d4() -> None:
    rs = rules_at(ON)
    d3 = scores(50, 1, 1, rs)
    assert (d3.direct_pct, d3.indirect_pct, d3.indirect_counted_pct) == (
        2, Fraction(100, 51), Fraction(100, 51))
    d4 = scores(10, Fraction(1, 10), 1, rs)
    assert (d4.direct_pct, d4.indirect_counted_pct, d4.total_pct) == (1, 4, 5)


def test_position_level_d1() -> None:
    rs = rules_at(ON)
    assert Position(Fraction(20), Fraction(209, 100), Fraction(0)).level(rs) is Level.TREDE_2
