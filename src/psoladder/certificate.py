"""Certificate and Aspirant validity, and the annual PSO contribution.

* **R-LVL-7** (published): a trede certificate is valid at most 2 years and
  is not renewed automatically.
* **R-LVL-6** (published from edition 1.9, decision before): Aspirant status
  is valid 2 years; it may be extended once before 1.9 (decision), up to
  twice in 1.9-2.0, once from 2.1.
* **R-FEE-1** (published for 2018, unknown after): the annual PSO
  contribution by total fte after audit. Only the 2018 scale is published
  ("De PSO-jaarbijdrage wordt jaarlijks opnieuw vastgesteld door TNO en
  PSO-Nederland"): from 2019 on it is shown with a notice. A band runs from
  its lower bound up to, not including, its upper bound ("vanaf - tot");
  exactly 1000 fte, in neither "500-1000" nor ">1000", pays the higher band
  (decision, rule value ``fee_on_band_bound``). No fee is known before 2018.
* **R-FEE-2** (published, optional): Cedris members applying for a PSO 30+
  certificate get a voucher of 20% off the annual contribution; psoladder
  applies it only when asked (:attr:`~psoladder.model.Organisation.cedris_voucher`)
  and the 30+ reading is awarded.

Sources: https://pso-nederland.nl/direct-meten-en-aanvragen/wat-kost-het-pso-keurmerk,
https://pso-nederland.nl/news/382/11/Nieuwe-staffel-t.b.v.-de-PSO-jaarbijdrage-per-1-januari-2018,
https://www.pso-nederland.nl/direct-meten-en-aanvragen/pso-keurmerk-aanvragen

Example D9:

>>> import datetime as dt
>>> from psoladder.rules import rules_at
>>> rs = rules_at(dt.date(2024, 5, 1))
>>> [annual_fee(Fraction(n), rs) for n in (10, 75, 1200)]
[Decimal('500'), Decimal('1500'), Decimal('5950')]
>>> annual_fee(Fraction(1000), rs), annual_fee(Fraction(1000), rs, voucher=True)
(Decimal('5950'), Decimal('4760.00'))
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


def annual_fee(total_fte: Fraction, rules: RuleSet, *, voucher: bool = False) -> Decimal | None:
    """The annual PSO contribution in euro (R-FEE-1), or ``None`` when unknown.

    ``None`` for application dates before the 2018 scale and below its first
    band (under 2 fte, not eligible). From 2019 the scale is ``unknown`` and
    the last published one is used (its citation says so).

    Args:
        total_fte: Total fte (after audit).
        rules: The rules in force.
        voucher: Take off the Cedris voucher (R-FEE-2); the caller decides
            whether it applies (a PSO 30+ application of a Cedris member).
    """
    if "fee_scale" not in rules.parameters:
        return None
    higher = rules.parameter("fee_on_band_bound").value == "higher_band"
    fee = None
    for i, (lower, amount) in enumerate(rules.parameter("fee_scale").value):
        # A total on a bound pays the higher band, or the lower one; the first
        # band always starts at its bound.
        if total_fte > lower or (total_fte == lower and (higher or i == 0)):
            fee = Decimal(amount)
    if fee is not None and voucher:
        fee = (fee * (1 - rules.decimal("fee_voucher_cedris").value)).quantize(Decimal("0.01"))
    return fee


def valid_until(start: dt.date, years: int) -> dt.date:
    """Last valid day of something valid ``years`` years from ``start``."""
    return years_from(start, years).end
