"""Sphinx configuration for psoladder's documentation."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "docs"))

project = "psoladder"
author = "psoladder contributors"
copyright = "2026, psoladder contributors"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "sphinx.ext.intersphinx",
    "rules_reference",
    "planning_figures",  # issue 15: the forecast plot of the planning page
    "bounds_table",
    "payroll_reference",  # issue 12: the target-group table and the organisation-file keys
]
if not os.environ.get("PSOLADDER_DOCS_INTERSPHINX"):
    # Offline by default: intersphinx fetches inventories over the network.
    extensions.remove("sphinx.ext.intersphinx")
intersphinx_mapping = {"python": ("https://docs.python.org/3", None)}

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
html_theme = "furo"
html_title = "psoladder"
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_class_signature = "separated"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
nitpicky = False
suppress_warnings = ["myst.header"]
doctest_global_setup = """
import datetime as dt
import importlib.util
from decimal import Decimal
from fractions import Fraction
import psoladder
"""
exclude_patterns = ["_build"]
# Docstring examples are run by pytest (--doctest-modules) in their module's
# namespace; the doctest builder runs the {doctest} blocks of these pages.
doctest_test_doctest_blocks = ""
