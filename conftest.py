"""Test collection at the root: modules whose doctests need an optional extra.

Without pyarrow and numpy (the ``fast`` extra) the columnar engine's
doctests are not collected (its tests in ``tests/`` skip with a reason);
without pandas, neither are those of the DataFrame views. The report header
says so.
"""

from __future__ import annotations

import importlib.util

import pytest

FAST = all(importlib.util.find_spec(name) is not None for name in ("numpy", "pyarrow"))
PANDAS = importlib.util.find_spec("pandas") is not None

collect_ignore = ([] if FAST else [
    f"src/psoladder/columnar/{name}.py"
    for name in ("columns", "engine", "kernel", "read", "validate")]) + (
    [] if PANDAS else ["src/psoladder/dataframe.py"])


def pytest_report_header(config: pytest.Config) -> list[str]:
    lines = []
    if not FAST:
        lines.append("psoladder: the fast extra (pyarrow, numpy) is not installed: the "
                     "columnar engine's doctests are not collected and its tests skip")
    if not PANDAS:
        lines.append("psoladder: pandas is not installed: the DataFrame views' doctests are "
                     "not collected")
    return lines
