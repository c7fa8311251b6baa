"""The ladder plot (``plot`` extra, matplotlib).

The norm curves of Trede 1-3 (and Basistrede where its norms are known) over
company sizes 2..105+, as the rule set in force gives them (published rows
joined by the norm policy of the assessment), with the organisation's score
as a point and an arrow to the next level. Everything drawn is read from the
assessment and :func:`~psoladder.levels.norms_for`; nothing is recomputed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from psoladder.assessment import Assessment
from psoladder.errors import InputError
from psoladder.levels import norms_for
from psoladder.model import Level
from psoladder.report import Lang, level_name

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_ladder", "save_plot"]

_COLOURS = {Level.BASISTREDE: "#9aa5b1", Level.TREDE_1: "#7fb89a",
            Level.TREDE_2: "#3f8f66", Level.TREDE_3: "#1f5c3f"}


def _pyplot() -> Any:
    try:
        import matplotlib

        if matplotlib.get_backend().lower() not in {"agg", "module://matplotlib_inline.backend_inline"}:
            matplotlib.use("Agg", force=False)
        import matplotlib.pyplot as plt
    except ImportError:
        raise InputError.single("the ladder plot needs matplotlib", field="plot",
                                hint="pip install 'psoladder[plot]'") from None
    return plt


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
    language: Lang = "nl" if lang == "nl" else "en"
    for level in rules.levels:
        points = [(s, curves[s].for_level(level)) for s in sizes]
        known = [(s, float(v)) for s, v in points if v is not None]  # drawing only
        if not known:
            continue
        xs, ys = zip(*known, strict=True)
        ax.step(xs, ys, where="post", color=_COLOURS[level], label=level_name(level, language))
    x = min(max(a.size, table.smallest_size), table.open_ended_from)
    score = float(a.exact.total_pct)  # drawing only; decisions use exact values
    ax.plot([x], [score], "o", color="#c0392b", markersize=8, label="score", zorder=5)
    nxt = a.next_level
    target = a.norms.for_level(nxt.level) if nxt is not None else None
    if nxt is not None and target is not None:
        needed = nxt.filled_post_fte if nxt.filled_post_fte is not None else nxt.new_hire_fte
        what = "gewogen fte doelgroep" if language == "nl" else "weighted target fte"
        ax.annotate(f"{level_name(nxt.level, language)}: +{needed} {what}",
                    xy=(x, float(target)), xytext=(-170, 40), textcoords="offset points",
                    arrowprops={"arrowstyle": "->", "color": "#c0392b"}, color="#c0392b",
                    ha="left", va="bottom", bbox={"boxstyle": "round", "fc": "white",
                                                  "ec": "#c0392b", "alpha": 0.9})
    ax.set_xlabel("bedrijfsgrootte (fte)" if language == "nl" else "company size (fte)")
    ax.set_ylabel("totale sociale bijdrage (%)" if language == "nl" else "total score (%)")
    ax.set_title(f"{a.organisation.name}: {level_name(a.level, language)} "
                 f"(PSO {a.edition})")
    ax.set_xlim(table.smallest_size - 1, table.open_ended_from + 2)
    ax.set_ylim(bottom=0)
    ax.grid(alpha=0.3)
    ax.legend()
    return ax


def save_plot(a: Assessment, path: str | Path, *, lang: str = "en") -> Path:
    """Save the ladder plot to ``path`` (format from the suffix: .png, .svg, .pdf)."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(8, 5))
    try:
        plot_ladder(a, ax, lang=lang)
        fig.tight_layout()
        fig.savefig(Path(path))
    finally:
        plt.close(fig)
    return Path(path)
