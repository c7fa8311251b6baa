from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import pytest

from psoladder import Employment, Organisation, Purchase
from psoladder.periods import DateRange

PEILJAAR_2023 = DateRange(dt.date(2023, 1, 1), dt.date(2023, 12, 31))


def staff(n: int, *, hours: int | str = 40, prefix: str = "S", start: str = "2015-01-01",
          **kw: Any) -> list[Employment]:
    """``n`` people working the whole peiljaar, outside the target groups unless kw says."""
    return [Employment(person=f"{prefix}{i}", start=start, hours_per_week=hours, **kw)
            for i in range(n)]


def organisation(employments: Iterable[Employment], *, purchases: Iterable[Purchase] = (),
                 application_date: str = "2024-05-01", peiljaar: DateRange | None = PEILJAAR_2023,
                 **kw: Any) -> Organisation:
    return Organisation(name="Test B.V.", kvk=["12345678"], application_date=application_date,
                        peiljaar=peiljaar, employments=tuple(employments),
                        purchases=tuple(purchases), **kw)


def purchase(amount: int | str = 100000, *, turnover: int | str = 1000000, fte: int | str = 40,
             pct: int | str = 25, supplier: str = "Leverancier", **kw: Any) -> Purchase:
    return Purchase(supplier=supplier, amount=amount, supplier_turnover=turnover,
                    supplier_fte=fte, supplier_direct_pct=pct, **kw)


@pytest.fixture
def d() -> type[Decimal]:
    return Decimal


# Property tests are deterministic in CI: derandomized, bounded, no deadline.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("ci", derandomize=True, deadline=None, max_examples=60,
                          suppress_health_check=[HealthCheck.too_slow], database=None)
settings.register_profile("dev", deadline=None, max_examples=300)
settings.load_profile("ci")
