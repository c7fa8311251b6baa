"""Collection settings for the whole checkout (tests and the doctests of ``src``).

The doctests of a module that needs an optional extra are left out when that
extra is not installed, so the README's test command (``pip install -e
".[test]" && pytest``) passes with the test extra alone; CI installs every
extra and runs them all.
"""

from __future__ import annotations

import importlib.util

_NEEDS = {
    "src/psoladder/dataframe.py": "pandas",
    "src/psoladder/plot.py": "matplotlib",
}

collect_ignore = [path for path, package in _NEEDS.items()
                  if importlib.util.find_spec(package) is None]
