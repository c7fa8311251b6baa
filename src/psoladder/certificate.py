"""Certificate and Aspirant validity, and the annual PSO contribution.

* **R-LVL-7** (published): a trede certificate is valid at most 2 years and
  is not renewed automatically.
* **R-LVL-6** (published): Aspirant status is valid 2 years; it may be
  extended 0 times (before 1.9), up to 2 times (1.9-2.0), once (2.1 on).
* **R-FEE-1** (published, 2018 scale): the annual PSO contribution by total
  fte after audit, from 2018-01-01; a band's lower bound is inclusive, its
  upper bound exclusive (decision). No fee is known for earlier dates.

Sources: https://pso-nederland.nl/direct-meten-en-aanvragen/wat-kost-het-pso-keurmerk,
https://pso-nederland.nl/news/382/11/Nieuwe-staffel-t.b.v.-de-PSO-jaarbijdrage-per-1-januari-2018

Example D9:

>>> import datetime as dt
>>> from psoladder.rules import rules_at
>>> rs = rules_at(dt.date(2024, 5, 1))
>>> [annual_fee(Fraction(n), rs) for n in (10, 75, 1200)]
[Decimal('500'), Decimal('1500'), Decimal('5950')]
>>> valid_until(dt.date(2024, 6, 1), rs.integer("certificate_validity_years").value)
datetime.date(2026, 5, 31)
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

from psoladder.periods import years_from
from psoladder.rules import RuleSet

__all__ = ["annual_fee", "valid_until"]


def annual_fee(total_fte: Fraction, rules: RuleSet) -> Decimal | None:
    """The annual PSO contribution in euro (R-FEE-1), or ``None`` when unknown.

    ``None`` for application dates before the 2018 scale and below its first
    band (under 2 fte, not eligible).
    """
    if "fee_scale" not in rules.parameters:
        return None
    fee = None
    for lower, amount in rules.parameter("fee_scale").value:
        if total_fte >= lower:
            fee = Decimal(amount)
    return fee


def valid_until(start: dt.date, years: int) -> dt.date:
    """Last valid day of something valid ``years`` years from ``start``."""
    return years_from(start, years).end
