"""Comparing two assessments: every figure that changed, and who and what is behind it.

:func:`compare` reads two finished assessments (two scenarios, two
application dates, before and after a correction, this peiljaar against the
one of the last certificate) and lists:

* every figure of :data:`FIGURES` that differs, old and new, with the
  changed inputs it follows from (``because``): the people, the purchases,
  the rule values, or other figures;
* every person whose fte or weighted fte differs, with their rows: added,
  removed, or counted otherwise (days in the peiljaar, days in the counting
  window, weight), each read from the assessments' workforce;
* every purchase that counts otherwise;
* every rule value that differs (:func:`psoladder.rules.diff.diff_rule_sets`);
* the figures per entity of a group.

Nothing is computed again: the differences are read from the two
assessments, and the sums close exactly (the people's fte deltas add up to
the change of total fte, their weighted deltas to the change of weighted
target fte, the purchases' to the change of indirect fte), which
:meth:`Comparison.unaccounted` checks.

>>> import datetime as dt, psoladder
>>> from psoladder.planning.scenarios import Leave
>>> org = psoladder.load_example()
>>> before = psoladder.assess(org)
>>> after = psoladder.assess(Leave("D006", dt.date(2023, 7, 1))(org))
>>> c = compare(before, after)
>>> [f.name for f in c.figures][:3]
['total_fte', 'weighted_target_fte', 'direct_pct']
>>> [(p.person, p.status) for p in c.persons]
[('D006', 'changed')]
>>> c.unaccounted()
()
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from psoladder.model import Level
from psoladder.numbers import as_decimal
from psoladder.periods import DateRange
from psoladder.rules.diff import RuleDiff, diff_rule_sets

if TYPE_CHECKING:
    from psoladder.assessment import Assessment
    from psoladder.fte import PeriodFte, PersonFte
    from psoladder.group import EntityFigures
    from psoladder.indirect import PurchaseResult

__all__ = ["FIGURES", "LEVELS", "Comparison", "EntityChange", "Figure", "FigureChange",
           "PersonChange", "PurchaseChange", "RowChange", "compare", "json_value"]

_ZERO = Fraction(0)


@attrs.frozen
class Figure:
    """A figure of an assessment that comparisons and forecasts show.

    Attributes:
        name: Its name (``total_pct``, ``norms.trede_2``); its label in reports
            is the message ``fig.<name>``.
        kind: How its values are shown (a :mod:`psoladder.messages` format).
        read: Reads it from an assessment (exact values).
        inputs: What it follows from: other figures' names, ``persons``,
            ``purchases``, ``rules`` or ``evidence``; empty for a figure
            that is itself an input (the application date).
    """

    name: str
    kind: str
    read: Callable[[Assessment], Any] = attrs.field(repr=False)
    inputs: tuple[str, ...] = ()


def _norm(level: Level) -> Callable[[Assessment], Any]:
    return lambda a: a.norms.for_level(level)


_NORMS = tuple(f"norms.{level.value}" for level in (Level.BASISTREDE, Level.TREDE_1,
                                                    Level.TREDE_2, Level.TREDE_3))

#: The levels of an assessment that forecasts and comparisons carry. The
#: level pair of issue #17 (``level_certain``, ``level_possible``) joins here
#: as one more entry each, with its label ``fig.<name>`` in the messages.
LEVELS: tuple[Figure, ...] = (
    Figure("level", "level", lambda a: a.level,
           ("total_pct", *_NORMS, "eligible", "rules")),
    # The level for every admissible value of the unpublished rule values, and
    # the highest level some admissible value reaches (R-LVL-3, R-LVL-5, #17).
    Figure("level_certain", "level", lambda a: a.level_certain,
           ("total_pct", *_NORMS, "eligible", "rules")),
    Figure("level_possible", "level", lambda a: a.level_possible,
           ("total_pct", *_NORMS, "eligible", "rules")),
)

#: Every figure a comparison looks at, in the order of the report.
FIGURES: tuple[Figure, ...] = (
    Figure("application_date", "date", lambda a: a.application_date),
    Figure("peiljaar", "period", lambda a: a.peiljaar, ("application_date",)),
    Figure("edition", "", lambda a: a.edition, ("application_date",)),
    *LEVELS,
    Figure("certifiable_level", "level", lambda a: a.verdict.certifiable,
           ("level", "persons", "evidence", "rules")),
    Figure("eligible", "bool", lambda a: a.eligible, ("total_fte", "rules")),
    Figure("total_fte", "fte", lambda a: a.exact_total_fte, ("persons",)),
    Figure("weighted_target_fte", "fte", lambda a: a.exact_weighted, ("persons",)),
    Figure("direct_pct", "pct", lambda a: a.exact.direct_pct,
           ("weighted_target_fte", "total_fte")),
    Figure("indirect_fte", "fte", lambda a: a.exact_indirect_fte, ("purchases",)),
    Figure("indirect_pct", "pct", lambda a: a.exact.indirect_pct,
           ("indirect_fte", "total_fte")),
    Figure("indirect_counted_pct", "pct", lambda a: a.exact.indirect_counted_pct,
           ("indirect_pct", "direct_pct", "rules")),
    Figure("total_pct", "pct", lambda a: a.exact.total_pct,
           ("direct_pct", "indirect_counted_pct")),
    Figure("size", "count", lambda a: a.size, ("total_fte",)),
    *(Figure(name, "pct", _norm(Level(name.partition(".")[2])), ("size", "rules"))
      for name in _NORMS),
    Figure("thirty_plus.share", "pct", lambda a: 100 * a.thirty_plus.share,
           ("persons", "rules")),
    Figure("thirty_plus.awarded", "bool", lambda a: a.thirty_plus.awarded,
           ("thirty_plus.share", "level", "persons", "rules")),
    Figure("banenafspraak", "num", lambda a: a.banenafspraak.jobs, ("persons", "rules")),
    Figure("annual_fee", "eur", lambda a: a.annual_fee,
           ("total_fte", "thirty_plus.awarded", "rules")),
)

_BY_NAME = {f.name: f for f in FIGURES}
# Figures whose change is the sum of the people's or the purchases' changes.
_SUMS = {"total_fte": "fte", "weighted_target_fte": "weighted", "indirect_fte": "purchases"}


def _delta(old: Any, new: Any) -> Fraction | None:
    numeric = (int, Fraction, Decimal)
    if isinstance(old, bool) or isinstance(new, bool):
        return None
    if isinstance(old, numeric) and isinstance(new, numeric):
        return Fraction(new) - Fraction(old)
    return None


def json_value(value: Any) -> Any:
    """A value in the JSON form of :meth:`psoladder.Assessment.to_dict`."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Fraction | Decimal):
        return str(as_decimal(value))
    if isinstance(value, DateRange):
        return {"start": value.start.isoformat(), "end": value.end.isoformat()}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Level):
        return value.value
    return str(value)


@attrs.frozen
class FigureChange:
    """One figure that differs between the two assessments.

    Attributes:
        name: The figure (see :data:`FIGURES`).
        kind: How its values are shown.
        old: Its value in the first assessment (exact).
        new: Its value in the second.
        because: Its inputs that changed too (figures, ``persons``,
            ``purchases``, ``rules``, ``evidence``).
    """

    name: str
    kind: str
    old: Any
    new: Any
    because: tuple[str, ...]

    @property
    def delta(self) -> Fraction | None:
        """``new - old`` for a number, else ``None``."""
        return _delta(self.old, self.new)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        delta = self.delta
        return {"figure": self.name, "old": json_value(self.old), "new": json_value(self.new),
                "delta": None if delta is None else json_value(delta),
                "because": list(self.because)}


def _status(old: object, new: object) -> str:
    return "added" if old is None else "removed" if new is None else "changed"


@attrs.frozen
class RowChange:
    """One employment row that counts otherwise (read from both workforces).

    Attributes:
        person: The person.
        old: The row's result in the first assessment, ``None`` if it is not there.
        new: The row's result in the second, ``None`` if it is not there.
    """

    person: str
    old: PeriodFte | None
    new: PeriodFte | None

    @property
    def status(self) -> str:
        """``added``, ``removed`` or ``changed``."""
        return _status(self.old, self.new)

    @property
    def employment(self) -> Any:
        """The row (the new one where there is one)."""
        result = self.new if self.new is not None else self.old
        assert result is not None
        return result.employment

    @property
    def fte_delta(self) -> Fraction:
        """Change of its fte."""
        return ((self.new.fte if self.new else _ZERO) - (self.old.fte if self.old else _ZERO))

    @property
    def weighted_delta(self) -> Fraction:
        """Change of its weighted target-group fte."""
        return ((self.new.weighted_fte if self.new else _ZERO)
                - (self.old.weighted_fte if self.old else _ZERO))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        e = self.employment
        out: dict[str, Any] = {
            "status": self.status, "start": e.start.isoformat(),
            "end": None if e.end is None else e.end.isoformat(),
            "hours_per_week": str(e.hours_per_week), "contract": e.contract.value,
            "target_group": None if e.target_group is None else e.target_group.value}
        for side, result in (("old", self.old), ("new", self.new)):
            out[side] = None if result is None else {
                "row": result.row, "days": result.days, "counted_days": result.counted_days,
                "fte": json_value(result.fte), "weighted_fte": json_value(result.weighted_fte),
                "weight": json_value(result.counting.weight),
                "window": json_value(result.counting.window)}
        return out


@attrs.frozen
class PersonChange:
    """One person whose fte or weighted fte differs, or whose rows do.

    Attributes:
        person: The person's identifier.
        old: Their figures in the first assessment, ``None`` if absent.
        new: Their figures in the second, ``None`` if absent.
        rows: Their rows that differ (none for a summarised person of a
            streamed payroll).
    """

    person: str
    old: PersonFte | None
    new: PersonFte | None
    rows: tuple[RowChange, ...]

    @property
    def status(self) -> str:
        """``added``, ``removed`` or ``changed``."""
        return _status(self.old, self.new)

    @property
    def old_fte(self) -> Fraction:
        """Their fte in the first assessment (0 if absent)."""
        return self.old.fte if self.old else _ZERO

    @property
    def new_fte(self) -> Fraction:
        """Their fte in the second assessment (0 if absent)."""
        return self.new.fte if self.new else _ZERO

    @property
    def old_weighted(self) -> Fraction:
        """Their weighted target-group fte in the first assessment."""
        return self.old.weighted_fte if self.old else _ZERO

    @property
    def new_weighted(self) -> Fraction:
        """Their weighted target-group fte in the second assessment."""
        return self.new.weighted_fte if self.new else _ZERO

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"person": self.person, "status": self.status,
                "old_fte": json_value(self.old_fte), "new_fte": json_value(self.new_fte),
                "old_weighted_fte": json_value(self.old_weighted),
                "new_weighted_fte": json_value(self.new_weighted),
                "rows": [r.to_dict() for r in self.rows]}


@attrs.frozen
class PurchaseChange:
    """One purchase that counts otherwise.

    Attributes:
        old: Its result in the first assessment, ``None`` if it is not there.
        new: Its result in the second, ``None`` if it is not there.
    """

    old: PurchaseResult | None
    new: PurchaseResult | None

    @property
    def status(self) -> str:
        """``added``, ``removed`` or ``changed``."""
        return _status(self.old, self.new)

    @property
    def purchase(self) -> Any:
        """The purchase (the new one where there is one)."""
        result = self.new if self.new is not None else self.old
        assert result is not None
        return result.purchase

    @property
    def delta(self) -> Fraction:
        """Change of the indirect fte it counts for."""
        return ((self.new.counted_fte if self.new else _ZERO)
                - (self.old.counted_fte if self.old else _ZERO))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        p = self.purchase
        out: dict[str, Any] = {"status": self.status, "supplier": p.supplier,
                               "amount": str(p.amount),
                               "invoice_date": None if p.invoice_date is None
                               else p.invoice_date.isoformat()}
        for side, result in (("old", self.old), ("new", self.new)):
            out[side] = None if result is None else {
                "index": result.index, "counted": result.counted,
                "counted_fte": json_value(result.counted_fte),
                "reason": None if result.reason is None else result.reason.message}
        return out


@attrs.frozen
class EntityChange:
    """The figures of one entity of the group, in both assessments.

    Attributes:
        kvk: The entity's KvK number.
        old: Its figures in the first assessment, ``None`` if not in its group.
        new: Its figures in the second.
    """

    kvk: str
    old: EntityFigures | None
    new: EntityFigures | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"kvk": self.kvk, "old": None if self.old is None else self.old.to_dict(),
                "new": None if self.new is None else self.new.to_dict()}


@attrs.frozen
class Comparison:
    """What changed from one assessment to another (see :func:`compare`).

    Attributes:
        old: The first assessment (before, the baseline).
        new: The second (after, the scenario).
        figures: The figures that differ, in the order of :data:`FIGURES`.
        persons: The people behind the difference, largest change of
            weighted fte first, then of fte.
        purchases: The purchases that count otherwise.
        rules: The rule values that differ, or ``None`` when none does.
        entities: The figures per entity, when either side names its entities.
        labels: What to call the two sides in reports (``None``: their
            organisation's name or application date).
    """

    old: Assessment
    new: Assessment
    figures: tuple[FigureChange, ...]
    persons: tuple[PersonChange, ...]
    purchases: tuple[PurchaseChange, ...]
    rules: RuleDiff | None
    entities: tuple[EntityChange, ...] = ()
    labels: tuple[str | None, str | None] = (None, None)

    def figure(self, name: str) -> FigureChange:
        """The change of the figure ``name``.

        Raises:
            KeyError: When it did not change.
        """
        for f in self.figures:
            if f.name == name:
                return f
        raise KeyError(f"{name!r} did not change")

    def changed(self, name: str) -> bool:
        """Whether the figure (or ``persons``, ``purchases``, ``rules``, ``evidence``) changed."""
        return _changed(self, name)

    def unaccounted(self) -> tuple[str, ...]:
        """The changed figures this comparison does not account for (empty when all are).

        A sum (total fte, weighted target fte, indirect fte) is accounted for
        when the people's or the purchases' changes add up to it exactly;
        another figure when at least one of its inputs changed too.
        """
        out = []
        for f in self.figures:
            kind = _SUMS.get(f.name)
            if kind == "fte":
                ok = sum((p.new_fte - p.old_fte for p in self.persons), _ZERO) == f.delta
            elif kind == "weighted":
                ok = sum((p.new_weighted - p.old_weighted for p in self.persons),
                         _ZERO) == f.delta
            elif kind == "purchases":
                ok = sum((p.delta for p in self.purchases), _ZERO) == f.delta
            else:
                ok = bool(f.because) or not _BY_NAME[f.name].inputs
            if not ok:
                out.append(f.name)
        return tuple(out)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: exact values as decimal strings, codes as codes."""
        def side(a: Assessment, label: str | None) -> dict[str, Any]:
            return {"label": label, "organisation": a.organisation.name,
                    "application_date": a.application_date.isoformat(),
                    "peiljaar": json_value(a.peiljaar), "edition": a.edition,
                    **{f.name: json_value(f.read(a)) for f in LEVELS},
                    "total_pct": json_value(a.exact.total_pct)}

        return {"old": side(self.old, self.labels[0]), "new": side(self.new, self.labels[1]),
                "figures": [f.to_dict() for f in self.figures],
                "persons": [p.to_dict() for p in self.persons],
                "purchases": [p.to_dict() for p in self.purchases],
                "rules": None if self.rules is None else self.rules.to_dict(),
                "entities": [e.to_dict() for e in self.entities]}


def _changed(c: Comparison, name: str) -> bool:
    if name == "persons":
        return bool(c.persons)
    if name == "purchases":
        return bool(c.purchases)
    if name == "rules":
        return c.rules is not None
    if name == "evidence":
        a, b = c.old.organisation, c.new.organisation
        return (a.evidence, a.aspirant_plan, a.recertification) != (
            b.evidence, b.aspirant_plan, b.recertification)
    return any(f.name == name for f in c.figures)


def _pair(old: Sequence[Any], new: Sequence[Any],
          keys: Iterable[Callable[[Any], Any]]) -> list[tuple[Any | None, Any | None]]:
    """Pairs of matching items, by each key in turn; the rest unpaired."""
    left, right = list(old), list(new)
    pairs: list[tuple[Any | None, Any | None]] = []
    for key in keys:
        waiting: dict[Any, list[int]] = {}
        for j, item in enumerate(right):
            if item is not None:
                waiting.setdefault(key(item), []).append(j)
        for i, item in enumerate(left):
            if item is None:
                continue
            candidates = waiting.get(key(item))
            if candidates:
                j = candidates.pop(0)
                pairs.append((item, right[j]))
                left[i] = right[j] = None
    pairs.extend((item, None) for item in left if item is not None)
    pairs.extend((None, item) for item in right if item is not None)
    return pairs


_ROW_FIELDS = ("person", "start", "end", "hours_per_week", "contract", "target_group", "inflow",
               "status_until", "school_left", "ww_since", "status_lost", "placement_start",
               "registered", "disabled_in_service", "entity")


def _row_key(p: PeriodFte) -> tuple[Any, ...]:
    """A row by its values (an Employment or a streamed payroll's compact row alike)."""
    e = p.employment
    return tuple(getattr(e, name) for name in _ROW_FIELDS)


_ORDER = {"removed": 0, "changed": 1, "added": 2}


def _same_row(a: PeriodFte, b: PeriodFte) -> bool:
    """The row counts the same in both (whole numbers compared where the units agree)."""
    if a.denominator == b.denominator:
        return (a.hour_days == b.hour_days and a.counted_hour_days == b.counted_hour_days
                and (a.counting is b.counting or a.counting.weight == b.counting.weight))
    return (a.fte, a.counted_fte, a.weighted_fte) == (b.fte, b.counted_fte, b.weighted_fte)


def _row_changes(person: str, old: PersonFte | None, new: PersonFte | None) -> list[RowChange]:
    if (old is not None and old.summarised) or (new is not None and new.summarised):
        return []  # a streamed payroll kept only the person's figures
    before, after = old.periods if old else (), new.periods if new else ()
    if len(before) == len(after) and all(a.employment is b.employment
                                         for a, b in zip(before, after, strict=True)):
        pairs: list[tuple[Any | None, Any | None]] = list(zip(before, after, strict=True))
    else:  # rows added, removed or in another order: match them by their values
        pairs = _pair(before, after, (_row_key,))
    out = []
    for a, b in pairs:
        if a is not None and b is not None and _same_row(a, b):
            continue
        out.append(RowChange(person, a, b))
    if len(out) < 2:
        return out
    return sorted(out, key=lambda r: (r.employment.start, _ORDER[r.status]))


def _same_person(a: PersonFte, b: PersonFte) -> bool:
    if a.denominator == b.denominator:
        return (a.hour_days, a.weighted_fte) == (b.hour_days, b.weighted_fte)
    return (a.fte, a.weighted_fte) == (b.fte, b.weighted_fte)


def _person_changes(a: Assessment, b: Assessment) -> list[PersonChange]:
    old = {p.person: p for p in a.workforce.persons}
    new = {p.person: p for p in b.workforce.persons}
    out = []
    for person in dict.fromkeys([*old, *new]):
        p, q = old.get(person), new.get(person)
        rows = _row_changes(person, p, q)
        if p is not None and q is not None and not rows and _same_person(p, q):
            continue
        out.append(PersonChange(person, p, q, tuple(rows)))
    return sorted(out, key=lambda c: (-abs(c.new_weighted - c.old_weighted),
                                      -abs(c.new_fte - c.old_fte)))


def _without_date(p: PurchaseResult) -> Any:
    return attrs.evolve(p.purchase, invoice_date=None)


def _purchase_changes(a: Assessment, b: Assessment) -> list[PurchaseChange]:
    pairs = _pair(a.purchases.purchases, b.purchases.purchases,
                  (lambda p: p.purchase, _without_date))
    return [PurchaseChange(p, q) for p, q in pairs
            if p is None or q is None or (p.counted, p.counted_fte) != (q.counted, q.counted_fte)]


def _entity_changes(a: Assessment, b: Assessment) -> list[EntityChange]:
    if not (a.group.shown or b.group.shown):
        return []
    old: Mapping[str, EntityFigures] = {e.entity.kvk: e for e in a.group.entities}
    new: Mapping[str, EntityFigures] = {e.entity.kvk: e for e in b.group.entities}
    return [EntityChange(kvk, old.get(kvk), new.get(kvk))
            for kvk in dict.fromkeys([*old, *new]) if old.get(kvk) != new.get(kvk)]


def compare(old: Assessment, new: Assessment, *,
            labels: tuple[str | None, str | None] = (None, None)) -> Comparison:
    """Every figure that differs from ``old`` to ``new``, and the people, rows and purchases behind it.

    Args:
        old: The first assessment (before, the baseline, the last certificate).
        new: The second (after, the scenario, this year).
        labels: What to call the two in reports (default: their
            organisation's name, or their application date).
    """
    rules = diff_rule_sets(old.rules, new.rules)
    # Many small objects are made while many long-lived ones (the two
    # assessments, a forecast's others) exist: the cycle collector would scan
    # those again and again (see assess_many); paused, and restored after.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        persons = tuple(_person_changes(old, new))
    finally:
        if paused:
            gc.enable()
    partial = Comparison(old, new, (), persons, tuple(_purchase_changes(old, new)),
                         rules if rules.changes else None, tuple(_entity_changes(old, new)),
                         labels)
    changed = []
    for f in FIGURES:
        was, now = f.read(old), f.read(new)
        if was != now:
            changed.append((f, was, now))
    with_figures = attrs.evolve(partial, figures=tuple(
        FigureChange(f.name, f.kind, was, now, ()) for f, was, now in changed))
    return attrs.evolve(with_figures, figures=tuple(
        FigureChange(f.name, f.kind, was, now,
                     tuple(i for i in f.inputs if _changed(with_figures, i)))
        for f, was, now in changed))
