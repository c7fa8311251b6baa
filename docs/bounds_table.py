"""Sphinx extension: generate the table of input bounds from ``psoladder.limits``.

Writes ``docs/_generated/bounds.md`` when the build starts, so the documented
bounds are always the ones the code checks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from psoladder.limits import BOUNDS


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render() -> str:
    """The table of bounds as Markdown."""
    lines = ["| what | bound | why this value |", "|---|---|---|"]
    lines += [f"| {_cell(b.what)} | {_cell(b.limit)} | {_cell(b.why)} |" for b in BOUNDS]
    return "\n".join(lines) + "\n"


def _generate(app: Any) -> None:
    out = Path(app.srcdir) / "_generated" / "bounds.md"
    out.parent.mkdir(exist_ok=True)
    text = render()
    if not out.exists() or out.read_text("utf-8") != text:
        out.write_text(text, encoding="utf-8")


def setup(app: Any) -> dict[str, Any]:
    """Register the generator."""
    app.connect("builder-inited", _generate)
    return {"parallel_read_safe": True, "version": "1"}
