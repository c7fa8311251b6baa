"""Collection settings for the whole checkout (tests and the doctests of ``src``).

The doctests of a module that needs an optional extra are left out when that
extra is not installed, so the README's test command (``pip install -e
".[test]" && pytest``) passes with the test extra alone; CI installs every
extra and runs them all. Without pyarrow and numpy (the ``fast`` extra) the
columnar engine's tests in ``tests/`` skip with a reason, and the report
header says what was left out.
"""

from __future__ import annotations

import importlib.util

import pytest

_NEEDS = {
    "src/psoladder/dataframe.py": ("pandas",),
    "src/psoladder/plot.py": ("matplotlib",),
    "src/psoladder/columnar/arrays.py": ("numpy",),
    **{f"src/psoladder/columnar/{name}.py": ("numpy", "pyarrow")
       for name in ("columns", "engine", "kernel", "read", "validate")},
}

collect_ignore = [path for path, packages in _NEEDS.items()
                  if any(importlib.util.find_spec(p) is None for p in packages)]


def pytest_report_header(config: pytest.Config) -> str | None:
    """Say in the header which doctests were left out, and why."""
    if not collect_ignore:
        return None
    return ("psoladder: doctests not collected (an optional extra is not installed): "
            + ", ".join(collect_ignore))
