r"""The ladder plot and the forecast plot (``plot`` extra, matplotlib).

The norm curves of Trede 1-3 (and Basistrede where its norms are known) over
company sizes 2..105+, as the rule set in force gives them (published rows
joined by the norm policy of the assessment), with the organisation's score
as a point and an arrow to the next level. Everything drawn is read from the
assessment and :func:`~psoladder.levels.norms_for`; nothing is recomputed.

The forecast plot (:func:`plot_forecast`, issue 15) draws a forecast's total
score over the application dates against the norm of each trede (both step
lines: every figure is constant between the dates the forecast assessed)
and marks each change of level with the people whose counting window ends.

Labels come from :mod:`psoladder.messages` in the language asked for. Text
from the input (the organisation's and suppliers' names) is neutralised:
control characters are escaped and ``$`` is escaped, so a name cannot switch
matplotlib into mathtext (``$...$`` would be parsed as a formula and can
fail).

>>> label("Kosten $x$ & co\x1b")
'Kosten \\$x\\$ & co\\x1b'
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from psoladder import formatting, messages
from psoladder.document import clean
from psoladder.levels import norms_for
from psoladder.model import Level

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from psoladder.assessment import Assessment
    from psoladder.planning.forecast import Forecast

__all__ = ["label", "plot_forecast", "plot_ladder", "save_forecast_plot", "save_plot"]

_COLOURS = {Level.BASISTREDE: "#9aa5b1", Level.TREDE_1: "#7fb89a",
            Level.TREDE_2: "#3f8f66", Level.TREDE_3: "#1f5c3f"}


def _pyplot() -> Any:
    try:
        import matplotlib

        if matplotlib.get_backend().lower() not in {"agg", "module://matplotlib_inline.backend_inline"}:
            matplotlib.use("Agg", force=False)
        import matplotlib.pyplot as plt
    except ImportError as exc:
        # A missing optional package, not bad input (the command line reports it, exit 2).
        raise ImportError("plots need matplotlib: pip install 'psoladder[plot]'") from exc
    return plt


def label(text: str) -> str:
    """``text`` safe as a matplotlib label: no control characters, no mathtext."""
    return clean(text).replace("$", r"\$")


def plot_ladder(a: Assessment, ax: Axes | None = None, *, lang: str = "en") -> Axes:
    """Draw the ladder for an assessment on ``ax`` (a new figure if ``None``).

    Returns:
        The axes, with one line per level (labelled with the level's name), the
        organisation's score as a point (label ``score``) and, when a higher
        level exists, an arrow annotation to its norm.
    """
    plt = _pyplot()
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 5))
    assert ax is not None
    rules = a.rules
    table = rules.norms
    sizes = list(range(table.smallest_size, table.open_ended_from + 1))
    curves = {s: norms_for(s, rules=rules, policy=a.norm_policy) for s in sizes}
    language = formatting.language(lang)
    for level in rules.levels:
        points = [(s, curves[s].for_level(level)) for s in sizes]
        known = [(s, float(v)) for s, v in points if v is not None]  # drawing only
        if not known:
            continue
        xs, ys = zip(*known, strict=True)
        ax.step(xs, ys, where="post", color=_COLOURS[level],
                label=label(messages.show(level, "level", language)))
    x = min(max(a.size, table.smallest_size), table.open_ended_from)
    score = float(a.exact.total_pct)  # drawing only; decisions use exact values
    ax.plot([x], [score], "o", color="#c0392b", markersize=8,
            label=label(messages.text("plot.score", language)), zorder=5)
    nxt = a.next_level
    target = a.norms.for_level(nxt.level) if nxt is not None else None
    if nxt is not None and target is not None:
        needed = nxt.filled_post_fte if nxt.filled_post_fte is not None else nxt.new_hire_fte
        ax.annotate(label(messages.text("plot.gap", language, level=nxt.level, fte=needed)),
                    xy=(x, float(target)), xytext=(-170, 40), textcoords="offset points",
                    arrowprops={"arrowstyle": "->", "color": "#c0392b"}, color="#c0392b",
                    ha="left", va="bottom", bbox={"boxstyle": "round", "fc": "white",
                                                  "ec": "#c0392b", "alpha": 0.9})
    ax.set_xlabel(label(messages.text("plot.size", language)))
    ax.set_ylabel(label(messages.text("plot.score_axis", language)))
    ax.set_title(label(messages.text("plot.title", language, name=a.organisation.name,
                                     level=a.level, edition=a.edition)))
    ax.set_xlim(table.smallest_size - 1, table.open_ended_from + 2)
    ax.set_ylim(bottom=0)
    ax.grid(alpha=0.3)
    ax.legend()
    return ax


def save_plot(a: Assessment, path: str | Path, *, lang: str = "en") -> Path:
    """Save the ladder plot to ``path`` (format from the suffix: .png, .svg, .pdf)."""
    return _save(lambda ax: plot_ladder(a, ax, lang=lang), path, (8, 5))


def _save(draw: Callable[[Axes], object], path: str | Path, size: tuple[int, int]) -> Path:
    """Draw on a new figure of ``size`` inches and save it to ``path``."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=size)
    try:
        draw(ax)
        fig.tight_layout()
        fig.savefig(Path(path))
    finally:
        plt.close(fig)
    return Path(path)


# ------------------------------------------------------------------ issue 15: the forecast


def plot_forecast(f: Forecast, ax: Axes | None = None, *, lang: str = "en") -> Axes:
    """Draw a forecast: the total score over the application dates against each trede's norm.

    Returns:
        The axes, with the score (label ``score``), one dashed line per level
        with a known norm, and a dotted line at each change of level,
        annotated with the change and the people whose counting window ends.
    """
    plt = _pyplot()
    mdates: Any = importlib.import_module("matplotlib.dates")  # partly untyped
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 5))
    assert ax is not None
    language = formatting.language(lang)
    points = list(f.evaluated)
    days = [float(mdates.date2num(d)) for d in (*(p.application_date for p in points), f.until)]

    def series(values: list[Any]) -> list[float]:
        # drawing only: every decision was taken on the exact values
        shown = [float("nan") if v is None else float(v) for v in values]
        return [*shown, shown[-1]]

    levels = [lv for lv in _COLOURS if any(p.assessment.norms.for_level(lv) is not None
                                           for p in points)]
    for level in levels:
        ax.step(days, series([p.assessment.norms.for_level(level) for p in points]),
                where="post", color=_COLOURS[level], linestyle="--",
                label=label(messages.text("plot.norm", language, level=level)))
    ax.step(days, series([p.assessment.exact.total_pct for p in points]), where="post",
            color="#c0392b", linewidth=2.2, label=label(messages.text("plot.score", language)))
    norms = [v for p in points for lv in levels if (v := p.assessment.norms.for_level(lv))]
    top = max([*series([p.assessment.exact.total_pct for p in points]),
               *(float(v) for v in norms)]) * 1.12
    for change in f.changes:
        on = float(mdates.date2num(change.on))
        ax.axvline(on, color="#6b7380", linestyle=":", linewidth=1)
        people = ", ".join(dict.fromkeys(w.person for w in change.window_ends))
        lines = [messages.text("plot.change", language, old=change.old_level,
                               new=change.new_level), *([people] if people else [])]
        ax.annotate("\n".join(label(line) for line in lines), xy=(on, top), xytext=(6, 0),
                    textcoords="offset points",
                    va="top", ha="left", fontsize=9, color="#1d2330",
                    bbox={"boxstyle": "round", "fc": "white", "ec": "#6b7380", "alpha": 0.9})
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_xlabel(label(messages.text("plot.application_date", language)))
    ax.set_ylabel(label(messages.text("plot.score_axis", language)))
    ax.set_title(label(messages.text("plot.forecast_title", language, name=f.organisation.name)))
    ax.set_xlim(days[0], days[-1])
    ax.set_ylim(0, top * 1.1)
    ax.grid(alpha=0.3)
    ax.legend(loc="lower left", fontsize=9)
    return ax


def save_forecast_plot(f: Forecast, path: str | Path, *, lang: str = "en") -> Path:
    """Save the forecast plot to ``path`` (format from the suffix: .png, .svg, .pdf)."""
    return _save(lambda ax: plot_forecast(f, ax, lang=lang), path, (9, 5))
