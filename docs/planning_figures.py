"""Sphinx extension: draw the figures of the planning page at build time.

Writes ``docs/_generated/forecast-example.png`` (the forecast of the embedded
example organisation) when the build starts, so the page never shows a stale
picture: the figure is drawn by the code and the rule data being documented.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import psoladder
from psoladder.planning.forecast import forecast
from psoladder.plot import save_forecast_plot


def _generate(app: Any) -> None:
    out = Path(app.srcdir) / "_generated" / "forecast-example.png"
    out.parent.mkdir(exist_ok=True)
    f = forecast(psoladder.load_example(), until=dt.date(2028, 5, 1))
    save_forecast_plot(f, out, lang="en")


def setup(app: Any) -> dict[str, Any]:
    """Register the generator."""
    app.connect("builder-inited", _generate)
    return {"parallel_read_safe": True, "version": "1"}
