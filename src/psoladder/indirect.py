"""The indirect contribution (indirecte sociale bijdrage, ketenstimulering).

* **R-IND-1** (published): purchases of goods or services from PSO-certified
  organisations, and production work outsourced to SW-bedrijven, in the
  peiljaar.
* **R-IND-2** (published inputs, decision on the exact product): a purchase
  becomes the supplier's target-group fte that worked on it, pro rata:
  ``amount / supplier_turnover * supplier_fte * supplier_direct_pct / 100``.
* **R-IND-3** (published): ``indirect_pct = 100 * indirect_fte / (total_fte + indirect_fte)``.
* **R-IND-4** (published): at most 80% of the total may be indirect; see
  :func:`psoladder.levels.counted_indirect`.
* **R-IND-5** (published): the same work may not count as direct and as
  indirect; refused on input (:class:`~psoladder.model.Purchase`).
* **R-IND-6** (decision): a purchase counts only with an invoice date in the
  peiljaar and, for a certified supplier, inside its certificate's validity,
  when those dates are given; amount above 0 and at most the turnover.
* **R-ORG-1** (decision, ``group_purchases_count``): a purchase from an
  entity of the applicant's own group is not indirect contribution: the
  group's staff already count in the direct contribution.

Source: https://www.pso-nederland.nl/direct-meten-en-aanvragen/wat-meet-en-certificeert-de-pso/indirecte-sociale-bijdrage

Example D3: EUR 200,000 at a supplier with EUR 2,000,000 turnover, 40 fte and
25% direct contribution is 1 fte; beside 50 own fte that is 100/51 %.

>>> purchase_fte(Decimal(200000), Decimal(2000000), Decimal(40), Decimal(25))
Fraction(1, 1)
>>> indirect_pct(Fraction(1), Fraction(50))
Fraction(100, 51)
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from psoladder.model import Entity, Purchase, SupplierKind
from psoladder.numbers import Exact, as_fraction
from psoladder.periods import BEGINNING, FOREVER, DateRange
from psoladder.rules import Cited, Notice

__all__ = [
    "Indirect",
    "PurchaseResult",
    "SupplierProfile",
    "indirect",
    "indirect_pct",
    "purchase_fte",
]


@attrs.frozen
class SupplierProfile:
    """A supplier's figures, for translating a purchase into fte (R-IND-2).

    Attributes:
        name: The supplier's name.
        turnover: Annual turnover in euro.
        fte: Total fte.
        direct_pct: Direct contribution in percent.
    """

    name: str
    turnover: Decimal
    fte: Decimal
    direct_pct: Decimal

    @classmethod
    def of(cls, purchase: Purchase) -> SupplierProfile:
        """The profile of a purchase's supplier."""
        return cls(purchase.supplier, purchase.supplier_turnover, purchase.supplier_fte,
                   purchase.supplier_direct_pct)

    @functools.cached_property
    def fte_per_euro(self) -> Fraction:
        """Target-group fte bought with one euro (R-IND-2)."""
        return purchase_fte(1, self.turnover, self.fte, self.direct_pct)

    def fte_for(self, amount: Exact) -> Fraction:
        """Target-group fte bought with ``amount`` euro (R-IND-2)."""
        return as_fraction(amount) * self.fte_per_euro

    def amount_for(self, fte: Exact) -> Fraction:
        """Euro needed to buy ``fte`` target-group fte (inverse of :meth:`fte_for`)."""
        if not self.fte_per_euro:
            raise ZeroDivisionError(f"{self.name} has no direct contribution to buy")
        return as_fraction(fte) / self.fte_per_euro


def purchase_fte(amount: Exact, turnover: Exact, supplier_fte: Exact,
                 supplier_direct_pct: Exact) -> Fraction:
    """Target-group fte behind a purchase (R-IND-2)."""
    return (as_fraction(amount) / as_fraction(turnover) * as_fraction(supplier_fte)
            * as_fraction(supplier_direct_pct) / 100)


def indirect_pct(indirect_fte: Exact, total_fte: Exact) -> Fraction:
    """``100 * indirect / (total + indirect)`` (R-IND-3); 0 without either."""
    ind, total = as_fraction(indirect_fte), as_fraction(total_fte)
    return 100 * ind / (total + ind) if total + ind else Fraction(0)


@attrs.frozen
class PurchaseResult:
    """How one purchase counts.

    Attributes:
        index: The purchase's 1-based position.
        purchase: The purchase.
        fte: Target-group fte it stands for (R-IND-2).
        counted: Whether it counts (R-IND-1, R-IND-6).
        reason: Why it does not count.
    """

    index: int
    purchase: Purchase
    fte: Fraction
    counted: bool
    reason: Notice | None = None

    @property
    def counted_fte(self) -> Fraction:
        """The fte it adds: ``fte`` when counted, else 0."""
        return self.fte if self.counted else Fraction(0)


@attrs.frozen
class Indirect:
    """The purchases and the indirect fte they stand for.

    Attributes:
        purchases: Each purchase's result.
    """

    purchases: tuple[PurchaseResult, ...]

    @property
    def indirect_fte(self) -> Fraction:
        """Sum of the counted purchases' fte (R-IND-2)."""
        return sum((p.counted_fte for p in self.purchases), Fraction(0))

    def largest_supplier(self) -> SupplierProfile | None:
        """The profile of the counted purchase with the largest amount, if any."""
        counted = [p for p in self.purchases if p.counted and p.purchase.supplier_direct_pct]
        if not counted:
            return None
        return SupplierProfile.of(max(counted, key=lambda p: p.purchase.amount).purchase)


def indirect(purchases: tuple[Purchase, ...], peiljaar: DateRange, *,
             from_group: Callable[[Purchase], Entity | None] | None = None,
             group_purchases_count: Cited[Any] | None = None) -> Indirect:
    """Translate purchases into indirect fte (R-IND-1, R-IND-2, R-IND-6, R-ORG-1).

    Args:
        purchases: The purchases.
        peiljaar: The peiljaar.
        from_group: The entity of the applicant's group a purchase was made
            from, if any (:meth:`~psoladder.model.Organisation.supplier_entity`).
        group_purchases_count: Whether such a purchase counts (rule data).
    """
    results = []
    for i, p in enumerate(purchases, start=1):
        fte = purchase_fte(p.amount, p.supplier_turnover, p.supplier_fte, p.supplier_direct_pct)
        reason = None
        if from_group is not None and group_purchases_count is not None \
                and not group_purchases_count.value:
            entity = from_group(p)
            if entity is not None:
                reason = Notice.of(group_purchases_count.rule, "p.in_group",
                                   supplier=p.supplier, kvk=entity.kvk)
        reason = reason or _not_counted(p, peiljaar)
        results.append(PurchaseResult(i, p, fte, reason is None, reason))
    return Indirect(tuple(results))


def _not_counted(p: Purchase, peiljaar: DateRange) -> Notice | None:
    if p.invoice_date is None:
        return None
    if p.invoice_date not in peiljaar:
        return Notice.of("R-IND-1", "p.outside", date=p.invoice_date.isoformat(),
                         peiljaar=peiljaar)
    if p.supplier_kind is SupplierKind.PSO_CERTIFIED and (
            p.certificate_valid_from is not None or p.certificate_valid_until is not None):
        valid = DateRange(p.certificate_valid_from or BEGINNING,
                          p.certificate_valid_until or FOREVER)
        if p.invoice_date not in valid:
            return Notice.of("R-IND-6", "p.certificate", valid=valid,
                             date=p.invoice_date.isoformat())
    return None
