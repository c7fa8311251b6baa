"""The target-group table: each code, its names, its weight and window per edition (issue 12).

What ``psoladder groups`` prints, read from the rule data (R-TG, R-TG-0a,
R-TG-15) and worded by :mod:`psoladder.messages`: for every target group its
code (what a payroll's ``target_group`` column holds), its Dutch and English
name, and for each run of editions in which its rules stay the same: its
weight, the status of that weight, its counting window, any condition at
inflow, and the dates a payroll row must give for it. Nothing is computed
here that the rule data does not hold.

>>> rows = group_table()
>>> [(p.editions, p.weight) for p in next(r for r in rows if r.code == "ww").periods]
[(('1.5', '2.1'), Decimal('0.75'))]
>>> print(render_groups("text", "en").splitlines()[0])
PSO target groups (R-TG): the codes of the target_group column, by edition
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import attrs

from psoladder import messages
from psoladder.document import markdown_text
from psoladder.model import TargetGroup
from psoladder.rules import Eligibility, RuleSet, WindowKind, rules_at
from psoladder.rules.datamodel import TargetGroupRules

__all__ = ["FORMATS", "GroupPeriod", "GroupRow", "group_table", "render_groups"]

#: The formats of the table.
FORMATS = ("text", "markdown", "json")

# The dates a row gives for a window or a condition (optional ones say so).
_WINDOW_DATES = {WindowKind.UNTIL_STATUS_END: ("status_until",),
                 WindowKind.YEARS_FROM_INFLOW: ("inflow",),
                 WindowKind.YEARS_FROM_SCHOOL: ("school_left",),
                 WindowKind.CONTRACT: ("placement_start",), WindowKind.OPEN: ()}
_ELIGIBILITY_DATES = {Eligibility.WW_MONTHS_BEFORE_INFLOW: ("ww_since", "inflow"),
                      Eligibility.STATUS_LOST_YEARS_BEFORE: ("status_lost", "inflow"),
                      Eligibility.NONE: ()}


@attrs.frozen
class GroupPeriod:
    """A run of editions in which a group's rules stay the same.

    Attributes:
        editions: The first and last edition of the run.
        available: Whether the group exists (R-TG-15).
        weight: Its weight (R-TG-0).
        status: How the weight is known (published, decision, unknown).
        window: How its counting window is found.
        years: The length of a years-based window.
        eligibility: A condition at inflow.
        months: Months of a WW condition; years of a lost-status condition.
    """

    editions: tuple[str, str]
    available: bool
    weight: Decimal
    status: str
    window: WindowKind
    years: int | None
    eligibility: Eligibility
    months: int | None


@attrs.frozen
class GroupRow:
    """One target group: code, rule id, names, dates it needs and its periods.

    Attributes:
        code: The code of the ``target_group`` column.
        rule: Its rule id.
        name_nl: Dutch name.
        name_en: English name.
        required: Dates a row of this group must give.
        optional: Dates it may give (default: the row's start, or open).
        periods: Its rules, edition by edition.
    """

    code: str
    rule: str
    name_nl: str
    name_en: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    periods: tuple[GroupPeriod, ...]


def _period(name: str, t: TargetGroupRules) -> GroupPeriod:
    months = t.eligibility_months or t.eligibility_years
    return GroupPeriod((name, name), bool(t.available.value), t.weight.value,
                       t.weight.status.value, t.window,
                       None if t.window_years is None else int(t.window_years.value),
                       t.eligibility, None if months is None else int(months.value))


def group_table(editions: list[RuleSet] | None = None) -> list[GroupRow]:
    """Every target group's rules, edition by edition, from the shipped rule data."""
    if editions is None:
        first = rules_at(dt.date(2017, 4, 1))
        editions = [rules_at(e.applies_from) for e in first.editions]
    rows = []
    for group in TargetGroup:
        periods: list[GroupPeriod] = []
        rules = None
        for rs in editions:
            rules = rs.target_group(group)
            p = _period(rs.edition.name, rules)
            if periods and attrs.evolve(periods[-1], editions=p.editions) == p:
                periods[-1] = attrs.evolve(periods[-1], editions=(periods[-1].editions[0],
                                                                   rs.edition.name))
            else:
                periods.append(p)
        assert rules is not None
        dates = [d for p in periods for d in (*_WINDOW_DATES[p.window],
                                              *_ELIGIBILITY_DATES[p.eligibility])]
        required = tuple(rules.requires)
        optional = tuple(dict.fromkeys(d for d in dates if d not in required))
        rows.append(GroupRow(group.value, rules.rule, rules.label_nl, rules.label_en,
                             required, optional, tuple(periods)))
    return rows


def _editions(p: GroupPeriod) -> str:
    first, last = p.editions
    return first if first == last else f"{first}–{last}"


def _window(p: GroupPeriod, lang: str) -> str:
    if not p.available:
        return messages.text("grp.absent", lang)
    text = messages.text(f"grp.window.{p.window.value}", lang, years=p.years)
    if p.eligibility is not Eligibility.NONE:
        text += "; " + messages.text(f"grp.cond.{p.eligibility.value}", lang, n=p.months)
    return text


def _weight(p: GroupPeriod, lang: str) -> str:
    if not p.available:
        return "–"
    shown = messages.show(p.weight, "num", lang)
    return f"{shown} ({messages.text(f'status.{p.status}', lang)})"


def _dates(row: GroupRow, lang: str) -> str:
    parts = [f"{d} ({messages.text('grp.required', lang)})" for d in row.required]
    parts += [f"{d} ({messages.text('grp.optional', lang)})" for d in row.optional]
    return ", ".join(parts) or "–"


def render_groups(fmt: str = "text", lang: str = "nl") -> str:
    """The target-group table as ``text``, ``markdown`` or ``json``, in ``nl`` or ``en``."""
    rows = group_table()
    if fmt == "json":
        return json.dumps([{
            "code": r.code, "rule": r.rule, "name_nl": r.name_nl, "name_en": r.name_en,
            "required_dates": list(r.required), "optional_dates": list(r.optional),
            "editions": [{"from": p.editions[0], "to": p.editions[1], "exists": p.available,
                          "weight": str(p.weight), "weight_status": p.status,
                          "window": p.window.value, "window_years": p.years,
                          "condition": p.eligibility.value, "condition_length": p.months,
                          "text": _window(p, lang)} for p in r.periods]}
            for r in rows], indent=2, ensure_ascii=False)
    head = messages.text("grp.head", lang)
    columns = [messages.text(f"grp.col.{c}", lang)
               for c in ("code", "name", "editions", "weight", "window", "dates")]
    table: list[list[str]] = []
    for r in rows:
        name = r.name_nl if lang == "nl" else r.name_en
        other = r.name_en if lang == "nl" else r.name_nl
        for i, p in enumerate(r.periods):
            table.append([r.code if i == 0 else "", f"{name} ({other}), {r.rule}" if i == 0
                          else "", _editions(p), _weight(p, lang), _window(p, lang),
                          _dates(r, lang) if i == 0 else ""])
    if fmt == "markdown":
        out = [f"# {markdown_text(head)}", "", messages.text("grp.intro", lang), "",
               "| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        out += ["| " + " | ".join(markdown_text(c).replace("|", "\\|") if j != 0 or not c
                                  else f"`{c}`" for j, c in enumerate(row)) + " |"
                for row in table]
        return "\n".join(out)
    out = [head, messages.text("grp.intro", lang), ""]
    for r in rows:
        name = r.name_nl if lang == "nl" else r.name_en
        other = r.name_en if lang == "nl" else r.name_nl
        out.append(f"{r.code}  ({r.rule}) {name} / {other}")
        out.append(f"    {columns[5]}: {_dates(r, lang)}")
        out.extend(f"    {_editions(p)}: {columns[3].lower()} {_weight(p, lang)}; "
                   f"{_window(p, lang)}" for p in r.periods)
    return "\n".join(out)

