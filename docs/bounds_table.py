"""Sphinx extension: generate the table of input bounds from ``psoladder.limits``.

Writes ``docs/_generated/bounds.md`` when the build starts, so the documented
bounds are always the ones the code checks.
"""

from __future__ import annotations

from typing import Any

from rules_reference import generated_page, table_cell

from psoladder.limits import BOUNDS


def render() -> str:
    """The table of bounds as Markdown."""
    lines = ["| what | bound | why this value |", "|---|---|---|"]
    lines += [f"| {table_cell(b.what)} | {table_cell(b.limit)} | {table_cell(b.why)} |"
              for b in BOUNDS]
    return "\n".join(lines) + "\n"


def setup(app: Any) -> dict[str, Any]:
    """Register the generator."""
    return generated_page(app, "bounds.md", render)
