"""Benchmark: planning on a large payroll (issue 15).

For a generated payroll (default 100,000 rows, about 40,000 persons) this
prints the time of

* reading it into memory (``load_organisation``) and one ``assess``;
* a forecast over four years, every quarter (its dates asked for, and the
  dates where the peiljaar changes), per assessment and in all;
* ``compare`` of the first and last assessment of the forecast;
* applying a scenario of three changes and assessing it.

A forecast is one ``assess`` per date, so it costs about that many
assessments; the peak memory is that of one organisation in memory plus the
assessments it keeps.

Usage: ``python benchmarks/bench_forecast.py [ROWS]``.
"""

from __future__ import annotations

import datetime as dt
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write  # noqa: E402

import psoladder  # noqa: E402
from psoladder.planning.compare import compare  # noqa: E402
from psoladder.planning.forecast import forecast  # noqa: E402
from psoladder.planning.scenarios import ChangeHours, Hire, Leave, Scenario  # noqa: E402


def main(rows: int) -> None:
    _, path = write(rows, HERE / "_data")
    start = time.perf_counter()
    org = psoladder.load_organisation(path)
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    psoladder.assess(org)
    one = time.perf_counter() - start
    person = next(e for e in org.employments if e.end is None).person
    plan = Scenario("Plan", (
        Hire(psoladder.Employment(person="NEW", start="2023-01-01", hours_per_week=32,
                                  target_group="wajong")),
        Leave(person, dt.date(2023, 7, 1)),
        ChangeHours("NEW", dt.date(2023, 9, 1), 16)))
    start = time.perf_counter()
    psoladder.assess(plan(org))
    scenario_time = time.perf_counter() - start
    start = time.perf_counter()
    f = forecast(org, until=dt.date(2028, 5, 1))
    forecast_time = time.perf_counter() - start
    n = len(f.evaluated)
    start = time.perf_counter()
    c = compare(f.evaluated[0].assessment, f.evaluated[-1].assessment)
    compare_time = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{rows:,} payroll rows, {len({e.person for e in org.employments}):,} persons")
    print(f"  load_organisation        {loaded:7.2f} s")
    print(f"  assess                   {one:7.2f} s")
    print(f"  forecast, 4 years        {forecast_time:7.2f} s   {n} assessments, "
          f"{forecast_time / n:.2f} s each ({forecast_time / n / one:.2f} x one assess)")
    print(f"  compare first and last   {compare_time:7.2f} s   {len(c.persons):,} persons differ")
    print(f"  scenario: apply + assess {scenario_time:7.2f} s")
    print(f"  levels: {[p.level.value for p in f.points if p.scheduled][::4]}")
    print(f"  peak memory              {peak:7.0f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
