"""The rule data for people: the values in force, the norms of a size, and an edition diff.

What ``psoladder rules``, ``psoladder norms`` and ``psoladder rules --diff``
print, as text, Markdown or JSON, in Dutch (``nl``) or English (``en``);
every word comes from :mod:`psoladder.messages`. Rule ids are in their
natural order (R-TG-2, R-TG-2a, R-TG-10), lists keep the order of the rule
data (the fee bands by rising fte), and every value shows its status, the
quality of its source, the date it applies from and the source itself. These
functions only read a :class:`~psoladder.rules.RuleSet`,
:class:`~psoladder.levels.Norms` or :class:`~psoladder.rules.RuleDiff`; they
compute no rule.

>>> import datetime as dt
>>> from psoladder.rules import rules_at, rules_diff
>>> print(render_diff(rules_diff("2.0", "2.1"), "text", "en").splitlines()[0])
Changes in the PSO rule data from 1 April 2022 (edition 2.0) to 1 April 2023 (edition 2.1): 6 values changed
>>> rs = rules_at(dt.date(2024, 5, 1))
>>> [line for line in render_rules(rs, "text", "nl").splitlines()
...  if line.startswith("R-IND-4")]
['R-IND-4 max_indirect_share (maximaal indirect deel van het totaal) = 80 % (gepubliceerd, primaire bron, vanaf 1 april 2017)']
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal

from psoladder import formatting, messages
from psoladder.document import markdown_text
from psoladder.numbers import round_half_up
from psoladder.rules import Cited, RuleChange, RuleDiff, RuleSet, rule_sort_key

if TYPE_CHECKING:
    from psoladder.levels import Norms

__all__ = ["FORMATS", "render_diff", "render_norms", "render_rules"]

#: The formats of these reports.
FORMATS = ("text", "markdown", "json")

Format = Literal["text", "markdown", "json"]


def _t(key: str, lang: str, **params: Any) -> str:
    return messages.text(key, lang, **params)


def _num(value: Decimal | int | Fraction, lang: str) -> str:
    """A rule value as it is (up to 4 decimals), in the language's notation."""
    return formatting.number(value, lang)


def _norm_places(value: Decimal | Fraction) -> int:
    """Decimals of a norm: at least the one of the published table (9,0), at most 4."""
    exponent = round_half_up(value, 4).normalize().as_tuple().exponent
    return max(1, -exponent if isinstance(exponent, int) else 0)


def _norm(value: Decimal | Fraction, lang: str) -> str:
    """A norm as the published table writes it: ``9,0`` / ``9.0``."""
    return formatting.number(value, lang, _norm_places(value))


def _pct(value: Fraction, lang: str) -> str:
    """A norm in percent, with at least the one decimal of the published table."""
    return formatting.percent(value, lang, places=_norm_places(value))


def _day(day: dt.date, lang: str) -> str:
    return formatting.date(day, lang)


def _value(value: Any, lang: str) -> str:
    """A value without a form of its own: numbers in the language, lists in their order."""
    if isinstance(value, bool | Decimal | int | Fraction):
        return messages.show(value, "", lang)
    if isinstance(value, frozenset | set):
        return ", ".join(sorted(_value(v, lang) for v in value))
    if isinstance(value, list):
        return ", ".join(_value(v, lang) for v in value)
    if isinstance(value, tuple):  # a norm row
        return " / ".join(_value(v, lang) for v in value)
    return str(value)


def _shown(c: Cited[Any], lang: str) -> str:
    shown = messages.param_value(c.name, c.value, lang)
    if shown or isinstance(c.value, str):  # a text of the rule data is no value for people
        return shown
    return _value(c.value, lang)


def _standing(c: Cited[Any], lang: str) -> str:
    """Status, source quality and date: ``published, primary source, from 2017-04-01``."""
    used = not c.known and bool(messages.param_value(c.name, c.value, lang))
    status = _t("rl.value_used" if used else f"status.{c.status.value}", lang)
    return (f"{status}, {_t(f'quality.{c.quality.value}', lang)}, "
            f"{_t('rl.from', lang)} {_day(c.applies_from, lang)}")


def _cell(text: str) -> str:
    """Text in a Markdown table cell: no line breaks, table, code or link syntax."""
    return markdown_text(" ".join(text.split()))


class _Code(str):
    """A name of the rule data, shown as a code span, then what it is in words.

    Names hold letters, digits, ``.`` and ``_``; :attr:`label` names the value.
    """

    __slots__ = ("label",)

    label: str


def _code(name: str, lang: str) -> _Code:
    code = _Code(name.replace("`", ""))
    code.label = messages.param_name(name, lang)
    return code


def _md(cell: str) -> str:
    if isinstance(cell, _Code):
        return f"`{cell}` {_cell(cell.label)}"
    return _cell(cell)


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    head = list(header)
    return ["| " + " | ".join(head) + " |", "|" + "---|" * len(head),
            *("| " + " | ".join(_md(c) for c in row) + " |" for row in rows)]


def _ordered(values: Iterable[Cited[Any]]) -> list[Cited[Any]]:
    return sorted(values, key=lambda c: (rule_sort_key(c.rule), c.name))


# ------------------------------------------------------------------ rules in force


def render_rules(rules: RuleSet, fmt: Format | str = "text", lang: str = "nl") -> str:
    """Every rule value in force on the rule set's date, and the norm table.

    Args:
        rules: The rule set (``rules_at(date)``, with overrides if any).
        fmt: ``text``, ``markdown`` or ``json``.
        lang: ``nl`` or ``en``.
    """
    values = _ordered(rules.cited_values())
    if fmt == "json":
        return json.dumps({
            "on": rules.on.isoformat(), "edition": rules.edition.name,
            "last_verified": rules.last_verified.isoformat(),
            "notices": [{"rule": n.rule, "message": n.text(lang)} for n in rules.notices()],
            "values": [c.to_dict() for c in values],
            "norms": [{"size": r.size, "trede_1": str(r.trede_1), "trede_2": str(r.trede_2),
                       "trede_3": str(r.trede_3),
                       "basistrede": None if r.basistrede is None else str(r.basistrede),
                       "source": rules.norms.citation_of(r.size).status.value}
                      for r in rules.norms.rows],
        }, indent=2, ensure_ascii=False)
    head = _t("rl.head", lang, on=_day(rules.on, lang), edition=rules.edition.name,
              start=_day(rules.edition.applies_from, lang),
              verified=_day(rules.last_verified, lang))
    notes = [f"{_t('rl.note', lang)}: {n.rule}: {n.text(lang)}" for n in rules.notices()]
    norms = rules.norms
    with_basis = any(r.basistrede is not None for r in norms.rows)
    levels = [_t("level.basistrede", lang)] if with_basis else []
    levels += [_t(f"level.trede_{i}", lang) for i in (1, 2, 3)]

    def row_values(r: Any) -> list[str]:
        cells = [r.basistrede] if with_basis else []
        return [_norm(v, lang) if v is not None else "–"
                for v in [*cells, r.trede_1, r.trede_2, r.trede_3]]

    def row_source(size: int) -> str:
        user = size in norms.user_sizes
        return _t("rl.user_row" if user else "rl.published_rows", lang)

    if fmt == "markdown":
        lines = [f"# {head}", ""]
        lines += [f"> {_cell(n)}" for n in notes] + ([""] if notes else [])
        lines += [f"## {_t('rl.values', lang)}", ""]
        lines += _table(
            [_t(k, lang) for k in ("rl.rule", "rl.name", "rl.value", "rl.status", "rl.source",
                                   "rl.remark")],
            ([c.rule, _code(c.name, lang), _shown(c, lang), _standing(c, lang), c.source, c.note]
             for c in values))
        lines += ["", f"## {_t('rl.norms', lang)}", ""]
        lines += _table([_t("rl.size", lang), *levels, _t("rl.source", lang)],
                        ([str(r.size), *row_values(r), row_source(r.size)] for r in norms.rows))
        return "\n".join(lines)
    lines = [head, *notes, ""]
    for c in values:
        label = messages.param_name(c.name, lang)
        shown = _shown(c, lang)
        lines.append(f"{c.rule} {c.name} ({label})" + (f" = {shown}" if shown else "")
                     + f" ({_standing(c, lang)})")
        lines.append(f"    {_t('rl.source', lang)}: {c.source}")
        if c.note:
            lines.append(f"    {_t('rl.remark', lang)}: {c.note}")
    lines += ["", f"{_t('rl.norms', lang)}: {_t('rl.size', lang)}: {' / '.join(levels)}"]
    for r in norms.rows:
        extra = f"  ({row_source(r.size)})" if norms.user_sizes else ""
        lines.append(f"  {r.size}: {' / '.join(row_values(r))}{extra}")
    return "\n".join(lines)


# ------------------------------------------------------------------ norms of a size


def render_norms(norms: Norms, rules: RuleSet, fmt: Format | str = "text",
                 lang: str = "nl") -> str:
    """The norms of one company size, with the row(s) really used and their sources.

    Args:
        norms: ``norms_for(size, rules=rules, policy=...)``.
        rules: The rule set they come from.
        fmt: ``text``, ``markdown`` or ``json``.
        lang: ``nl`` or ``en``.
    """
    cited = [*norms.citations, *([norms.basistrede_citation]
                                 if norms.basistrede_citation is not None else [])]
    if fmt == "json":
        return json.dumps({**norms.to_dict(), "on": rules.on.isoformat(),
                           "edition": rules.edition.name,
                           "rule_data": [c.to_dict() for c in cited]}, indent=2,
                          ensure_ascii=False)
    how = _t(f"source.{norms.source.value}", lang)
    used = norms.rows_used
    if len(used) == 2:
        found = _t("rn.rows", lang, low=used[0], high=used[1], how=how)
    else:
        found = _t("rn.row", lang, row=used[0], how=how)
    lines = [found]
    # The rules in force may be past the last known edition (R-ED-3): the norms too.
    lines.extend(f"{_t('rl.note', lang)}: {n.rule}: {n.text(lang)}" for n in rules.notices())
    minimum = rules.decimal("min_total_fte").value
    if norms.size < minimum:
        lines.append(_t("rn.not_eligible", lang, minimum=_num(minimum, lang),
                        row=norms.row_size))
    elif norms.row_size == rules.norms.open_ended_from:
        lines.append(_t("rn.open_ended", lang, row=norms.row_size))
    figures = []
    for level in rules.levels:
        value = norms.for_level(level)
        figures.append((_t(f"level.{level.value}", lang),
                        _t("rn.unknown", lang) if value is None
                        else _pct(value, lang)))
    sources = [f"{c.rule}: {c.source} ({_standing(c, lang)})" for c in cited]
    head = _t("rn.head", lang, size=norms.size, edition=rules.edition.name,
              on=_day(rules.on, lang))
    if fmt == "markdown":
        return "\n".join([f"# {head}", "", *(f"{_cell(line)}  " for line in lines), "",
                          *_table([_t("rn.level", lang), "%"], figures), "",
                          *(f"- {_t('rl.source', lang)}: {_cell(s)}" for s in sources)])
    width = max(len(name) for name, _ in figures)
    return "\n".join([head, *(f"  {line}" for line in lines),
                      *(f"  {name:<{width}}  {value}" for name, value in figures),
                      *(f"{_t('rl.source', lang)}: {s}" for s in sources)])


# ------------------------------------------------------------------ edition diff


def render_diff(diff: RuleDiff, fmt: Format | str = "text", lang: str = "nl") -> str:
    """The changes between two points of the rule data (:func:`~psoladder.rules.rules_diff`).

    Args:
        diff: The diff.
        fmt: ``text``, ``markdown`` or ``json``.
        lang: ``nl`` or ``en``.
    """
    if fmt == "json":
        return json.dumps(diff.to_dict(), indent=2, ensure_ascii=False)

    def point(rules: RuleSet) -> str:
        return _t("rd.point", lang, on=_day(rules.on, lang), edition=rules.edition.name)

    count = (_t("rd.count", lang, count=len(diff.changes)) if diff.changes
             else _t("rd.none", lang))
    head = f"{_t('rd.head', lang, old=point(diff.old), new=point(diff.new))}: {count}"
    editions = [(_t("rd.edition", lang, edition=e.name, on=_day(e.applies_from, lang)),
                 (e.changes_nl or e.changes) if lang == "nl" else e.changes, e.source)
                for e in diff.editions]

    def side(c: Cited[Any] | None) -> str:
        return _t("rd.absent", lang) if c is None else _shown(c, lang)

    def standing(c: Cited[Any] | None) -> str:
        return "" if c is None else f"{_standing(c, lang)}; {c.source}"

    if fmt == "markdown":
        lines = [f"# {head}", ""]
        if editions:
            lines += [f"## {_t('rd.editions', lang)}", ""]
            lines += [f"- {_cell(name)}: {_cell(text)} (<{url}>)" for name, text, url in editions]
            lines.append("")
        if diff.changes:
            lines += _table(
                [_t("rl.rule", lang), _t("rl.name", lang), _t("rd.was", lang),
                 _t("rd.now", lang), _t("rl.status", lang), _t("rl.source", lang)],
                ([c.rule, _code(c.name, lang), side(c.old), side(c.new),
                  f"{_t(f'rd.kind.{c.kind}', lang)}: {_standing(_current(c), lang)}",
                  _current(c).source] for c in diff.changes))
        return "\n".join(lines)
    lines = [head]
    if editions:
        lines += ["", f"{_t('rd.editions', lang)}:"]
        lines += [f"  {name}: {text} ({url})" for name, text, url in editions]
    for c in diff.changes:
        lines += ["", f"{c.rule} {c.name} ({_t(f'rd.kind.{c.kind}', lang)})"]
        for key, cited in (("rd.was", c.old), ("rd.now", c.new)):
            extra = standing(cited)
            lines.append(f"  {_t(key, lang)}: {side(cited)}" + (f" ({extra})" if extra else ""))
    return "\n".join(lines)



def _current(change: RuleChange) -> Cited[Any]:
    """The newer side of a change, or the older one of a removed value."""
    current = change.new if change.new is not None else change.old
    assert current is not None  # a change has at least one side
    return current
