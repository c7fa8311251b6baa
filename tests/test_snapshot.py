"""Reviewed snapshots of levels and PSO 30+ readings over synthetic organisations x editions.

Any change to rule data or rule code that moves a level shows up here as a
diff of ``tests/snapshots/levels.json``, and one that moves a PSO 30+ reading
(of the organisations at Trede 3) as a diff of
``tests/snapshots/thirty_plus.json``. After reviewing the change, refresh them
with ``PSOLADDER_UPDATE_SNAPSHOTS=1 pytest tests/test_snapshot.py``.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from decimal import Decimal
from pathlib import Path

from psoladder import Employment, Organisation, Purchase, assess
from psoladder.numbers import round_half_up
from psoladder.periods import DateRange

SNAPSHOT = Path(__file__).parent / "snapshots" / "levels.json"
THIRTY_PLUS = Path(__file__).parent / "snapshots" / "thirty_plus.json"

# Application dates: each edition's first day, and one after the last edition.
DATES = ["2017-04-01", "2018-04-01", "2019-04-01", "2020-04-01", "2021-04-01", "2022-04-01",
         "2023-04-01", "2026-11-29"]
SIZES = [Decimal("1.5"), Decimal("2.5"), Decimal(7), Decimal("12.4"), Decimal(20), Decimal(33),
         Decimal(50), Decimal(77), Decimal(120)]
# "pupils": a VSO/PRO pupil on a learn-work agreement beside the Wajong
# employee (R-TG-6b: weight 0.5, 1 from edition 1.7).
MIXES = ["none", "light", "mixed", "heavy", "pupils"]
PURCHASE = [False, True]


def organisation(on: str, size: Decimal, mix: str, buys: bool,
                 pupil_group: str = "vso_pro_pupil") -> Organisation:
    day = dt.date.fromisoformat(on)
    year = day.year - 1
    peiljaar = DateRange(dt.date(year, 1, 1), dt.date(year, 12, 31))
    start = f"{year - 10}-01-01"
    rows: list[Employment] = []
    target: list[Employment] = []
    if mix in ("light", "mixed", "heavy", "pupils"):
        target.append(Employment(person="T-wajong", start=start, hours_per_week=20,
                                 target_group="wajong"))
    if mix == "pupils":
        target.append(Employment(person="T-pupil", start=f"{year}-01-01", hours_per_week=32,
                                 target_group=pupil_group))
    if mix in ("mixed", "heavy"):
        target += [
            # Inflow 4 years before the peiljaar: counts under 5 years, not under 3.
            Employment(person="T-pw", start=f"{year - 4}-01-01", hours_per_week=32,
                       target_group="participatiewet"),
            Employment(person="T-student", start=f"{year}-01-01", hours_per_week=32,
                       contract="placement", target_group="student_level_1"),
            Employment(person="T-status", start=f"{year}-01-01", hours_per_week=24,
                       target_group="statushouder"),
            Employment(person="T-bbl3", start=f"{year}-01-01", hours_per_week=24,
                       target_group="student_level_3_4"),
        ]
    if mix == "heavy":
        target += [Employment(person=f"T-wsw{i}", start=start, hours_per_week=36,
                              contract="supported", target_group="wsw") for i in range(3)]
    target_fte = sum((e.hours_per_week for e in target), Decimal(0)) / 40
    rest = max(size - target_fte, Decimal("0.5"))
    whole, part = divmod(rest, 1)
    rows += [Employment(person=f"S{i}", start=start, hours_per_week=40) for i in range(int(whole))]
    if part:
        rows.append(Employment(person="S-part", start=start, hours_per_week=part * 40))
    purchases = [Purchase(supplier="Groen", amount=100000, supplier_turnover=2000000,
                          supplier_fte=40, supplier_direct_pct=25)] if buys else []
    return Organisation(name="grid", kvk="12345678", application_date=day, peiljaar=peiljaar,
                        employments=rows + target, purchases=purchases)


def key(on: str, size: Decimal, mix: str, buys: bool) -> str:
    return f"{on} size={size} mix={mix} purchase={'yes' if buys else 'no'}"


@functools.cache
def grid() -> tuple[dict[str, str], dict[str, str]]:
    """Levels of every organisation, and the PSO 30+ reading of those at Trede 3."""
    levels, thirty_plus = {}, {}
    for on in DATES:
        for size in SIZES:
            for mix in MIXES:
                for buys in PURCHASE:
                    a = assess(organisation(on, size, mix, buys))
                    k = key(on, size, mix, buys)
                    levels[k] = (f"{a.level.value} total={round_half_up(a.exact.total_pct, 4)} "
                                 f"edition={a.edition}")
                    if a.thirty_plus.level_reached:
                        tp = a.thirty_plus
                        thirty_plus[k] = (
                            f"share={round_half_up(100 * tp.share, 4)}% "
                            f"regular={round_half_up(100 * tp.regular_share, 4)}% "
                            f"awarded={'yes' if tp.awarded else 'no'}")
    return levels, thirty_plus


def check(path: Path, current: dict[str, str], what: str) -> None:
    if os.environ.get("PSOLADDER_UPDATE_SNAPSHOTS") or not path.exists():
        path.write_text(json.dumps(current, indent=1, sort_keys=True) + "\n", "utf-8")
    stored = json.loads(path.read_text("utf-8"))
    changed = {k: (stored.get(k), v) for k, v in current.items() if stored.get(k) != v}
    assert not changed, f"{len(changed)} {what} changed; review and refresh the snapshot: " \
        + "; ".join(f"{k}: {a} -> {b}" for k, (a, b) in list(changed.items())[:10])
    assert set(stored) == set(current)


def test_levels_snapshot() -> None:
    check(SNAPSHOT, grid()[0], "levels")


def test_thirty_plus_snapshot() -> None:
    check(THIRTY_PLUS, grid()[1], "PSO 30+ readings")
