"""What changed in the rule data between two editions or two dates: the scheme's own changelog.

:func:`rules_diff` compares the rule sets in force on two application dates
(an edition stands for its first day) and lists every value that differs in
value, status, source or the date it applies from, with the old and the new
citation, in the natural order of the rule ids. The editions that took effect
in between come with their description.

>>> d = rules_diff("2.0", "2.1")
>>> [(c.rule, c.name, c.kind) for c in d.changes]  # doctest: +NORMALIZE_WHITESPACE
[('R-LVL-5', 'levels_available', 'changed'), ('R-LVL-5', 'norms.basistrede', 'added'),
 ('R-LVL-6', 'aspirant_extensions', 'changed'),
 ('R-TG-2c', 'temporary_protection.weight', 'changed'),
 ('R-TG-2c', 'temporary_protection.window_years', 'added'),
 ('R-TG-15', 'temporary_protection.available_from', 'changed')]
>>> change = d.change("aspirant_extensions")
>>> change.old.value, change.new.value, change.new.status.value
(2, 1, 'published')
>>> [e.name for e in d.editions]
['2.1']
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from psoladder.errors import InputError
from psoladder.messages import problem
from psoladder.rules.datamodel import Cited, Edition, NormTable, RuleSet, rule_sort_key
from psoladder.rules.loading import rule_data, rules_at

__all__ = ["RuleChange", "RuleDiff", "diff_rule_sets", "rules_diff"]


@attrs.frozen
class RuleChange:
    """One rule value that differs between two rule sets.

    Attributes:
        rule: The rule id.
        name: The value's qualified name in the rule data.
        old: The value in force at the first point, or ``None`` if none was.
        new: The value in force at the second point, or ``None`` if none is.
    """

    rule: str
    name: str
    old: Cited[Any] | None
    new: Cited[Any] | None

    @property
    def kind(self) -> str:
        """``added``, ``removed`` or ``changed``."""
        if self.old is None:
            return "added"
        return "removed" if self.new is None else "changed"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"rule": self.rule, "name": self.name, "kind": self.kind,
                "old": None if self.old is None else self.old.to_dict(),
                "new": None if self.new is None else self.new.to_dict()}


@attrs.frozen
class RuleDiff:
    """The differences between the rules in force on two application dates.

    Attributes:
        old: The rule set at the first point.
        new: The rule set at the second point.
        editions: The editions that took effect between the two, oldest first.
        changes: Every value that differs, in the natural order of the rule ids.
    """

    old: RuleSet = attrs.field(repr=lambda r: f"{r.on} (edition {r.edition.name})")
    new: RuleSet = attrs.field(repr=lambda r: f"{r.on} (edition {r.edition.name})")
    editions: tuple[Edition, ...]
    changes: tuple[RuleChange, ...]

    def change(self, name: str) -> RuleChange:
        """The change of the value ``name``.

        Raises:
            KeyError: When that value did not change.
        """
        for c in self.changes:
            if c.name == name:
                return c
        raise KeyError(f"{name!r} did not change between {self.old.on} and {self.new.on}")

    def __repr__(self) -> str:
        """Short: the two points and what changed (``psoladder.rulesreport.render_diff`` shows all).

        >>> rules_diff("2.0", "2.1")
        <RuleDiff 2022-04-01 (edition 2.0) -> 2023-04-01 (edition 2.1): 6 values changed>
        """
        n = len(self.changes)
        return (f"<RuleDiff {self.old.on} (edition {self.old.edition.name}) -> {self.new.on} "
                f"(edition {self.new.edition.name}): {n} value{'s' if n != 1 else ''} changed>")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""

        def point(rules: RuleSet) -> dict[str, str]:
            return {"on": rules.on.isoformat(), "edition": rules.edition.name}

        return {
            "from": point(self.old),
            "to": point(self.new),
            "editions": [{"edition": e.name, "applies_from": e.applies_from.isoformat(),
                          "changes": e.changes, "source": e.source,
                          "quality": e.quality.value} for e in self.editions],
            "changes": [c.to_dict() for c in self.changes],
        }


def rules_diff(a: str | dt.date, b: str | dt.date) -> RuleDiff:
    """Every rule value that changed from ``a`` to ``b``.

    Args:
        a: An edition (``"2.0"``) or an application date (``datetime.date`` or
            ``"YYYY-MM-DD"``); an edition stands for its first day.
        b: The same, for the other point; it may lie before ``a``.

    Raises:
        InputError: For something that is neither an edition nor a date.
        NoRuleInForce: For a date before 2017-04-01.
    """
    return diff_rule_sets(rules_at(_point(a, "a")), rules_at(_point(b, "b")))


def diff_rule_sets(old: RuleSet, new: RuleSet) -> RuleDiff:
    """Every rule value that differs between two rule sets, user overrides included.

    What :func:`rules_diff` lists for two points, for rule sets at hand (those
    of two assessments, :func:`psoladder.planning.compare.compare`).
    """
    first, last = sorted((old.on, new.on))
    editions = tuple(e for e in rule_data().editions if first < e.applies_from <= last)
    before, after = _values(old), _values(new)
    changes = []
    for name in dict.fromkeys([*before, *after]):
        was, now = before.get(name), after.get(name)
        if _differs(was, now):
            rule = now.rule if now is not None else was.rule if was is not None else ""
            changes.append(RuleChange(rule=rule, name=name, old=was, new=now))
    changes.sort(key=lambda c: (rule_sort_key(c.rule), c.name))
    return RuleDiff(old=old, new=new, editions=editions, changes=tuple(changes))


def _point(value: str | dt.date, which: str) -> dt.date:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value
    editions = rule_data().editions
    if isinstance(value, str):
        for e in editions:
            if e.name == value.strip():
                return e.applies_from
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InputError([problem("in.diff_point", field=which, value=value, hint="ih.diff_point",
                              editions=", ".join(e.name for e in editions))])


def _values(rules: RuleSet) -> dict[str, Cited[Any]]:
    """Every cited value by its name, and every norm row as a value of its own."""
    values = {c.name: c for c in rules.cited_values()}
    values.update(_norm_rows(rules.norms))
    return values


def _norm_rows(table: NormTable) -> dict[str, Cited[Any]]:
    rows: dict[str, Cited[Any]] = {}
    for r in table.rows:
        c = table.citation_of(r.size)
        name = f"norms.size_{r.size}"
        shown = tuple(v for v in (r.basistrede, r.trede_1, r.trede_2, r.trede_3) if v is not None)
        rows[name] = Cited(shown, c.rule, c.applies_from, c.source, c.status, c.note, name,
                           quality=c.quality)
    return rows


def _differs(old: Cited[Any] | None, new: Cited[Any] | None) -> bool:
    if old is None or new is None:
        return old is not new
    return (old.value, old.status, old.source, old.quality, old.applies_from) != (
        new.value, new.status, new.source, new.quality, new.applies_from)
