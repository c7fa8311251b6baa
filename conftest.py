"""Test collection at the root: the columnar engine's modules need the fast extra.

Without pyarrow and numpy their doctests are not collected (their tests in
``tests/`` skip with a reason), and the report header says so.
"""

from __future__ import annotations

import importlib.util

import pytest

FAST = all(importlib.util.find_spec(name) is not None for name in ("numpy", "pyarrow"))

collect_ignore = [] if FAST else [
    f"src/psoladder/columnar/{name}.py"
    for name in ("columns", "engine", "kernel", "read", "validate")]


def pytest_report_header(config: pytest.Config) -> str | None:
    if FAST:
        return None
    return ("psoladder: the fast extra (pyarrow, numpy) is not installed: the columnar "
            "engine's doctests are not collected and its tests skip")
