"""Benchmark: scoring many small organisations (a municipality checking suppliers).

Prints organisations per second of ``psoladder.assess_many`` for 10,000
generated organisations of 20 people each (default), building them and
assessing them separately.

With the ``fast`` extra, ``assess_many`` computes the fte of each batch of
organisations in one pass of the columnar engine; ``--engine validating``
measures the pure-Python engine instead.

Usage: ``python benchmarks/bench_many.py [COUNT] [--engine auto|fast|validating]``.
"""

from __future__ import annotations

import argparse
import random
import time

import psoladder
from psoladder import Employment, Organisation, Purchase

GROUPS = [None] * 16 + ["wajong", "participatiewet", "ww", "wsw", "student_level_1"]


def organisations(count: int, people: int = 20, seed: int = 3) -> list[Organisation]:
    rng = random.Random(seed)
    orgs = []
    for k in range(count):
        rows = []
        for i in range(people):
            group = rng.choice(GROUPS)
            extra = {"ww_since": "2019-01-01"} if group == "ww" else {}
            rows.append(Employment(person=f"P{i}", start=f"{rng.randrange(2010, 2023)}-0"
                                   f"{rng.randrange(1, 10)}-01", hours_per_week=rng.choice(
                                       [16, 24, 32, 36, 40]), target_group=group, **extra))
        buys = [Purchase(supplier="Werkbedrijf", amount=rng.randrange(1000, 50000),
                         supplier_turnover=10_000_000, supplier_fte=400,
                         supplier_direct_pct=60)] if rng.random() < 0.5 else []
        orgs.append(Organisation(name=f"Leverancier {k}", kvk="12345678",
                                 application_date="2024-05-01", employments=rows,
                                 purchases=buys))
    return orgs


def main(count: int, engine: str) -> None:
    from psoladder import columnar

    start = time.perf_counter()
    orgs = organisations(count)
    built = time.perf_counter() - start
    used = "columnar" if columnar.route(engine) == "fast" else "validating"
    start = time.perf_counter()
    results = psoladder.assess_many(orgs, engine=engine)  # type: ignore[arg-type]
    assessed = time.perf_counter() - start
    levels: dict[str, int] = {}
    for r in results:
        levels[r.level.value] = levels.get(r.level.value, 0) + 1
    print(f"{count:,} organisations of 20 people, {used} engine")
    print(f"  building the inputs      {built:6.2f} s")
    print(f"  assess_many              {assessed:6.2f} s   {count / assessed:,.0f} organisations/s"
          f"   {assessed / count * 1000:.2f} ms each")
    print(f"  levels: {dict(sorted(levels.items()))}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, nargs="?", default=10_000)
    parser.add_argument("--engine", choices=["auto", "fast", "validating"], default="auto")
    args = parser.parse_args()
    main(args.count, args.engine)
