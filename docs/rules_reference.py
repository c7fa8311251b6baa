"""Sphinx extension: generate the rules reference from the rule data at build time.

Writes ``docs/_generated/rules-reference.md`` when the build starts, so the
published reference is never a hand-maintained copy of ``pso.toml``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from psoladder.rules import Source, SourceQuality, Status, rule_data, rule_sort_key

_QUALITY = {
    SourceQuality.PRIMARY: "primary",
    SourceQuality.SECONDARY: "**secondary only**",
    SourceQuality.PSOLADDER: "psoladder decision page",
    SourceQuality.USER: "user",
}


def _value(value: Any) -> str:
    if isinstance(value, list):
        if value and isinstance(value[0], list):
            return "; ".join(f"from {a}: {b}" for a, b in value)
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _admissible(raw: dict[str, Any]) -> str:
    """An ``admissible`` table as words: its two ends and its reason (issue 17)."""
    words = {"at_least": "at least", "above": "above", "at_most": "at most", "below": "below"}
    ends = [f"{words[k]} {v}" for k, v in raw.items() if k in words]
    return f"{', '.join(ends)}. {raw['note']}."


def table_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _link(source: Source) -> str:
    return f"[{source.key}]({source.url}) ({_QUALITY[source.quality]})"


def render() -> str:
    """The rules reference as Markdown."""
    data = rule_data()
    lines = [
        "# Rules reference (generated)",
        "",
        "Generated from `src/psoladder/rules/data/pso.toml` when these docs were built. "
        f"The rule data was last verified on {data.last_verified.isoformat()}.",
        "",
        "Status *published*: stated in the source; *decision*: psoladder's documented "
        "choice where the sources are silent (see the decisions below and the method "
        "page); *unknown*: no public figure, the conservative value shown is used and "
        "a warning names the rule.",
        "",
        "Source quality, declared once per source: *primary*: PSO-Nederland or TNO, the "
        "owners of the scheme; *secondary*: anyone else (a consultant, a region, a news "
        "item), and a value that rests only on a secondary source raises a notice naming "
        "its rule; *psoladder decision page*: psoladder's own documented choice.",
        "",
        "## Sources",
        "",
        "| key | publisher | quality | address |",
        "|---|---|---|---|",
    ]
    for source in data.sources.values():
        lines.append(f"| {source.key} | {table_cell(source.publisher)} | "
                     f"{_QUALITY[source.quality]} | <{source.url}> |")
    by_url = {s.url: s for s in data.sources.values()}
    lines += ["", "## R-ED-2: editions", "",
              "| edition | applies from | changes | source |", "|---|---|---|---|"]
    for e in data.editions:
        lines.append(f"| {e.name} | {e.applies_from.isoformat()} | {table_cell(e.changes)} | "
                     f"{_link(by_url[e.source])} |")
    by_rule: dict[str, list[tuple[str, Any]]] = defaultdict(list)
    for name, history in data.histories():
        for entry in history.entries:
            by_rule[history.rule].append((name, entry))
    norms = data.raw["norms"]
    lines += ["", "## R-LVL-2: norm table (percent)", "",
              f"Applies from {norms['applies_from'].isoformat()}, status {norms['status']}, "
              f"source {_link(data.sources[norms['source']])}. "
              f"{norms.get('note', '')} Sizes of {norms['open_ended_from']} or more use the "
              "last row (R-SIZE-2).", "",
              "| size | Trede 1 | Trede 2 | Trede 3 |", "|---|---|---|---|"]
    lines += [f"| {r['size']} | {r['trede_1']} | {r['trede_2']} | {r['trede_3']} |"
              for r in norms["rows"]]
    between = norms["between_rows"]
    lines += ["", f"Sizes between these rows ({between['rule']}): norms "
              f"**{between['status']}**, the row below is used "
              f"({_link(data.sources[between['source']])}). "
              f"Admissible: {_admissible(between['admissible'])}", ""]
    basis = norms["basistrede"]
    lines += [f"Basistrede ({basis['rule']}): from {basis['applies_from'].isoformat()}, "
              f"norms **{basis['status']}** ({_link(data.sources[basis['source']])}). "
              f"Admissible: {_admissible(basis['admissible'])}", ""]

    decisions = []
    for rule in sorted(by_rule, key=rule_sort_key):
        lines += [f"## {rule}", "", "| value of | applies from | value | status | source |",
                  "|---|---|---|---|---|"]
        for name, entry in by_rule[rule]:
            shown = _value(entry.value)
            if entry.status is Status.UNKNOWN:
                shown = f"unknown (conservative: {_value(entry.conservative)})"
            note = f" — {entry.note}" if entry.note else ""
            if entry.admissible is not None:
                note += f". Admissible {entry.admissible}: {entry.admissible.note}"
            lines.append(f"| `{name}` | {entry.applies_from.isoformat()} | "
                         f"{table_cell(shown + note)} | {entry.status.value} | "
                         f"{_link(entry.source)} |")
            if entry.status is Status.DECISION:
                decisions.append((rule, name, entry))
        lines.append("")

    lines += ["## Decisions in the rule data", "",
              "Every value with status *decision*, with the source it rests on. The "
              "reasons are on the method page (section *Decisions*).", "",
              "| rule | value of | applies from | value | source |", "|---|---|---|---|---|"]
    lines += [f"| {rule} | `{name}` | {entry.applies_from.isoformat()} | "
              f"{table_cell(_value(entry.value))} | {_link(entry.source)} |"
              for rule, name, entry in decisions]
    lines.append("")
    return "\n".join(lines)


def generated_page(app: Any, name: str, render: Callable[[], str]) -> dict[str, Any]:
    """Write ``_generated/<name>`` from ``render()`` when the build starts.

    The page is rewritten only when its text changes, so Sphinx rereads it
    only then. Returns the extension metadata for a ``setup`` function.
    """
    def generate(app: Any) -> None:
        out = Path(app.srcdir) / "_generated" / name
        out.parent.mkdir(exist_ok=True)
        text = render()
        if not out.exists() or out.read_text("utf-8") != text:
            out.write_text(text, encoding="utf-8")

    app.connect("builder-inited", generate)
    return {"parallel_read_safe": True, "version": "1"}


def setup(app: Any) -> dict[str, Any]:
    """Register the generator."""
    return generated_page(app, "rules-reference.md", render)
