"""Profiles of the fuzz suite: short in CI, long with ``PSOLADDER_FUZZ=long``.

The tally of outcome classes is printed at the end of the run (and written
as JSON to ``PSOLADDER_FUZZ_REPORT`` when that is set).
"""

from __future__ import annotations

import json
import os
from typing import Any

from hypothesis import HealthCheck, settings
from tests.fuzz.contract import LONG, OUTCOMES

settings.register_profile(
    "fuzz-short", derandomize=True, deadline=None, database=None, max_examples=25,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture])
settings.register_profile(
    "fuzz-long", derandomize=False, deadline=None, database=None, max_examples=5000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture])

#: The settings of every fuzz test (its ``max_examples`` scaled per test).
PROFILE = settings.get_profile("fuzz-long" if LONG else "fuzz-short")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not OUTCOMES:
        return
    total = sum(OUTCOMES.values())
    terminalreporter.section(f"fuzz outcomes ({'long' if LONG else 'short'} profile, "
                             f"{total} case runs)")
    for outcome, count in sorted(OUTCOMES.items(), key=lambda item: (-item[1], item[0])):
        terminalreporter.write_line(f"{count:7d}  {outcome}")
    target = os.environ.get("PSOLADDER_FUZZ_REPORT")
    if target:
        with open(target, "w", encoding="utf-8") as f:
            json.dump({"profile": "long" if LONG else "short", "case_runs": total,
                       "outcomes": dict(OUTCOMES.most_common())}, f, indent=2)
