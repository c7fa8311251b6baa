"""The direct contribution (directe sociale bijdrage).

* **R-DIR-1** (published): an organisation has a direct contribution when at
  least one target-group person actually works there.
* **R-DIR-2** (published): ``direct_pct = 100 * weighted_target_fte / total_fte``,
  the *direct gewogen sociale bijdrage*.

Source: https://pso-nederland.nl/direct-meten-en-aanvragen/wat-meet-en-certificeert-de-pso/directe-sociale-bijdrage

>>> direct_pct(Fraction(209, 100), Fraction(20))
Fraction(209, 20)
"""

from __future__ import annotations

from fractions import Fraction

from psoladder.fte import Workforce, exact_sum

__all__ = ["direct_pct", "weighted_target_fte"]


def weighted_target_fte(workforce: Workforce) -> Fraction:
    """Sum of every person's weighted target-group fte (R-TG-0, R-DIR-1).

    Only people kept with their rows can have any (a summarised person has none).
    Summed exactly by denominator (:func:`~psoladder.fte.exact_sum`).
    """
    return Fraction(exact_sum(w for p in workforce.detailed if (w := p.weighted_fte)))


def direct_pct(weighted: Fraction, total_fte: Fraction) -> Fraction:
    """``100 * weighted / total`` (R-DIR-2); 0 when there is no fte at all.

    >>> direct_pct(Fraction(1), Fraction(0))
    Fraction(0, 1)
    """
    return 100 * weighted / total_fte if total_fte else Fraction(0)
