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


# Hostile-input tests: a per-case deadline, not a timed assertion of speed. A
# case that runs past it fails with CaseTimeout (a BaseException, so no
# ``except Exception`` in the code under test can swallow it).
import contextlib  # noqa: E402
import signal  # noqa: E402
import threading  # noqa: E402
from collections.abc import Iterator  # noqa: E402


class CaseTimeout(BaseException):
    """A case ran past its deadline."""


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Fail the enclosed code with CaseTimeout after ``seconds`` (POSIX main thread)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise CaseTimeout(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
