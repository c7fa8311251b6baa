"""Hypothesis strategies for psoladder's input types (``test`` extra).

Use them to property-test your own code on valid PSO inputs::

    from hypothesis import given
    from psoladder.testing import strategies as pst

    @given(pst.organisations(max_people=10))
    def test_my_report(org):
        result = psoladder.assess(org)
        assert my_report(result)

Every strategy builds only valid objects (construction never raises); the
constraints are keyword-only.

>>> from hypothesis import given, settings
>>> @settings(max_examples=5, database=None)
... @given(organisations(max_people=3))
... def check(org):
...     assert 1 <= len({e.person for e in org.employments}) <= 3
>>> check()
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "psoladder.testing.strategies needs hypothesis: pip install 'psoladder[test]'"
    ) from exc

from psoladder.model import (
    ContractType,
    Employment,
    Organisation,
    Purchase,
    SupplierKind,
    TargetGroup,
)
from psoladder.periods import DateRange, default_peiljaar
from psoladder.planning.scenarios import (
    Buy,
    Change,
    ChangeHours,
    DropPurchase,
    Hire,
    Leave,
    Scenario,
)

__all__ = ["application_dates", "changes", "employments", "hours", "organisations",
           "purchases", "scenarios"]

FIRST_DATE = dt.date(2017, 4, 1)
LAST_DATE = dt.date(2027, 12, 31)


def application_dates(*, min_value: dt.date = FIRST_DATE,
                      max_value: dt.date = LAST_DATE) -> st.SearchStrategy[dt.date]:
    """Application dates with rules in force (from 2017-04-01)."""
    return st.dates(min_value=max(min_value, FIRST_DATE), max_value=max_value)


def hours(*, min_value: Decimal = Decimal("0.5"),
          max_value: Decimal = Decimal(40)) -> st.SearchStrategy[Decimal]:
    """Contracted hours per week, in hundredths of an hour."""
    low, high = int(min_value * 100), int(max_value * 100)
    return st.integers(min_value=max(low, 1), max_value=high).map(
        lambda cents: Decimal(cents).scaleb(-2))


@st.composite
def employments(
    draw: st.DrawFn,
    *,
    person: str | st.SearchStrategy[str] | None = None,
    peiljaar: DateRange | None = None,
    target_groups: Sequence[TargetGroup | None] | None = None,
    contracts: Sequence[ContractType] | None = None,
    max_hours: Decimal = Decimal(40),
    open_ended: bool | None = None,
) -> Employment:
    """One valid employment row, active some time around ``peiljaar``.

    Args:
        draw: Supplied by hypothesis.
        person: The person's id, a strategy for it, or ``None`` for a random one.
        peiljaar: The period the row is placed around (default calendar 2023).
        target_groups: Groups to choose from (``None`` in the list: no group).
        contracts: Contract types to choose from.
        max_hours: Largest hours per week.
        open_ended: Force an open end (``True``), an end date (``False``), or either.
    """
    if peiljaar is None:
        peiljaar = DateRange(dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    if person is None:
        pid = draw(st.text(alphabet="ABCDEFGHJK0123456789", min_size=1, max_size=6))
    elif isinstance(person, str):
        pid = person
    else:
        pid = draw(person)
    groups = list(target_groups) if target_groups is not None else [None, *TargetGroup]
    group = draw(st.sampled_from(groups))
    contract = draw(st.sampled_from(list(contracts) if contracts else list(ContractType)))
    start = draw(st.dates(min_value=peiljaar.start - dt.timedelta(days=3650),
                          max_value=peiljaar.end))
    has_end = draw(st.booleans()) if open_ended is None else not open_ended
    end = draw(st.dates(min_value=start, max_value=peiljaar.end + dt.timedelta(days=400))) \
        if has_end else None
    before = st.dates(min_value=start - dt.timedelta(days=3650), max_value=start)
    extra: dict[str, Any] = {}
    if group is TargetGroup.VSO_PRO:
        extra["school_left"] = draw(before)
    if group is TargetGroup.WW:
        extra["ww_since"] = draw(before)
    if group is TargetGroup.STATUS_LOST_2Y:
        extra["status_lost"] = draw(before)
    if group in (TargetGroup.WSW, TargetGroup.PARTICIPATIEWET_LKS) and draw(st.booleans()):
        extra["status_until"] = draw(st.dates(min_value=peiljaar.start - dt.timedelta(days=400),
                                              max_value=peiljaar.end + dt.timedelta(days=400)))
    if draw(st.booleans()):
        extra["inflow"] = draw(before)
    return Employment(person=pid, start=start, end=end,
                      hours_per_week=draw(hours(max_value=max_hours)), contract=contract,
                      target_group=group, **extra)


@st.composite
def purchases(
    draw: st.DrawFn,
    *,
    supplier_kinds: Sequence[SupplierKind] = tuple(SupplierKind),
    max_turnover: int = 50_000_000,
    peiljaar: DateRange | None = None,
) -> Purchase:
    """One valid purchase (amount at most the supplier's turnover).

    Args:
        draw: Supplied by hypothesis.
        supplier_kinds: Kinds to choose from.
        max_turnover: Largest supplier turnover in euro.
        peiljaar: When given, the invoice date lies in it.
    """
    turnover = draw(st.integers(min_value=10_000, max_value=max_turnover))
    amount = Decimal(draw(st.integers(min_value=1, max_value=turnover * 100))).scaleb(-2)
    invoice = draw(st.dates(min_value=peiljaar.start, max_value=peiljaar.end)) \
        if peiljaar is not None else None
    return Purchase(
        supplier=draw(st.sampled_from(["De Linde", "Werkbedrijf Noord", "Groenkracht"])),
        amount=amount, supplier_kind=draw(st.sampled_from(list(supplier_kinds))),
        supplier_turnover=Decimal(turnover),
        supplier_fte=Decimal(draw(st.integers(min_value=1, max_value=10_000))).scaleb(-1),
        supplier_direct_pct=Decimal(draw(st.integers(min_value=0, max_value=1000))).scaleb(-1),
        invoice_date=invoice)


@st.composite
def organisations(
    draw: st.DrawFn,
    *,
    min_people: int = 1,
    max_people: int = 30,
    application_date: dt.date | st.SearchStrategy[dt.date] | None = None,
    max_purchases: int = 3,
    target_groups: Sequence[TargetGroup | None] | None = None,
    contracts: Sequence[ContractType] | None = None,
) -> Organisation:
    """A valid organisation of any size, edition and mix, with purchases.

    Args:
        draw: Supplied by hypothesis.
        min_people: Least number of persons.
        max_people: Largest number of persons.
        application_date: A date or a strategy for it (default any supported date).
        max_purchases: Largest number of purchases.
        target_groups: Groups to choose from for each row.
        contracts: Contract types to choose from.
    """
    if application_date is None:
        on = draw(application_dates())
    elif isinstance(application_date, dt.date):
        on = application_date
    else:
        on = draw(application_date)
    peiljaar = default_peiljaar(on)
    n = draw(st.integers(min_value=min_people, max_value=max_people))
    rows = []
    for i in range(n):
        for _ in range(draw(st.integers(min_value=1, max_value=2))):
            rows.append(draw(employments(person=f"P{i:04d}", peiljaar=peiljaar,
                                         target_groups=target_groups, contracts=contracts)))
    bought = draw(st.lists(purchases(peiljaar=peiljaar), max_size=max_purchases))
    return Organisation(name="Hypothesis B.V.", kvk=["12345678"], application_date=on,
                        peiljaar=peiljaar, fulltime_hours=draw(st.sampled_from([36, 38, 40])),
                        employments=rows, purchases=bought)


# ------------------------------------------------------------------ issue 15: scenarios



@st.composite
def changes(draw: st.DrawFn, organisation: Organisation, *,
            actions: Sequence[str] = ("hire", "leave", "change_hours", "buy",
                                      "drop_purchase")) -> Change:
    """One change that fits ``organisation`` (applying it never raises).

    Args:
        draw: Supplied by hypothesis.
        organisation: The organisation the change applies to.
        actions: The kinds of change to choose from (``hire`` is always possible).
    """
    peiljaar = organisation.peiljaar or default_peiljaar(organisation.application_date)
    rows = organisation.employments
    possible = [a for a in actions if a in ("hire", "buy")
                or (a in ("leave", "change_hours") and rows)
                or (a == "drop_purchase" and organisation.purchases)] or ["hire"]
    action = draw(st.sampled_from(possible))
    if action == "hire":
        taken = {e.person for e in rows}
        person = draw(st.text(alphabet="NXYZ0123456789", min_size=2, max_size=5).filter(
            lambda p: p not in taken))
        return Hire(draw(employments(person=person, peiljaar=peiljaar)))
    if action == "buy":
        return Buy(draw(purchases(peiljaar=peiljaar)))
    if action == "drop_purchase":
        return DropPurchase(index=draw(st.integers(1, len(organisation.purchases))))
    row = draw(st.sampled_from(rows))
    last = row.end or row.start + dt.timedelta(days=2000)
    on = draw(st.dates(min_value=row.start, max_value=last))
    if action == "leave":
        return Leave(row.person, on)
    active = [e for e in rows if e.person == row.person and on in e.period]
    if len(active) != 1:  # concurrent rows: a leave fits instead
        return Leave(row.person, on)
    return ChangeHours(row.person, on, draw(hours()))


@st.composite
def scenarios(draw: st.DrawFn, organisation: Organisation, *, max_changes: int = 3,
              name: str = "Plan") -> Scenario:
    """A scenario of up to ``max_changes`` changes that applies to ``organisation``.

    Each change fits the organisation as the changes before it left it.
    """
    steps = []
    current = organisation
    for _ in range(draw(st.integers(min_value=1, max_value=max_changes))):
        change = draw(changes(current))
        current = change(current)
        steps.append(change)
    return Scenario(name, tuple(steps))
