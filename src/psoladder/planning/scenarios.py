"""Scenarios: plans as pure functions from an organisation to a changed organisation.

Each change is a small pure function that returns a new
:class:`~psoladder.model.Organisation` and leaves its argument alone:

* :func:`hire`: add an :class:`~psoladder.model.Employment` row;
* :func:`leave`: a person stops working from a date on (their rows end the
  day before; rows that would start later are dropped);
* :func:`change_hours`: a person works other hours from a date on (the row
  they work under that day is split there);
* :func:`buy`: add a :class:`~psoladder.model.Purchase`;
* :func:`drop_purchase`: remove the purchases at a supplier, or one by its
  position.

The classes :class:`Hire`, :class:`Leave`, :class:`ChangeHours`, :class:`Buy`
and :class:`DropPurchase` hold one change as data (callable, comparable,
shown in reports); a :class:`Scenario` is a named list of them, applied in
order. Nothing here computes a rule: assess the changed organisation with
:func:`psoladder.assess`, compare it with
:func:`psoladder.planning.compare.compare`.

>>> from psoladder.io import load_example
>>> org = load_example()
>>> plan = Scenario("Plan A", (
...     Hire(Employment(person="N001", start="2023-07-01", hours_per_week=32,
...                     target_group="participatiewet")),
...     Leave("E00002", on=dt.date(2023, 10, 1)),
... ))
>>> changed = plan(org)
>>> len(changed.employments) - len(org.employments), len(org.employments)
(1, 126)
>>> [e.end for e in changed.employments if e.person == "E00002"]
[datetime.date(2023, 9, 30)]

In an organisation file, each ``[[scenario]]`` table has a ``name``, an
optional ``description``, an optional ``extends`` (the name of a scenario
whose changes come first) and its ``changes``: one table each, with exactly
one action key (``hire``, ``leave``, ``change_hours``, ``buy``,
``drop_purchase``) and the keys that action takes::

    [[scenario]]
    name = "Plan A"
    description = "two hires from the municipality's pool"

    [[scenario.changes]]
    hire = { person = "N001", start = 2025-01-01, hours_per_week = 32, target_group = "participatiewet" }

    [[scenario.changes]]
    leave = "E00017"
    on = 2025-07-01                 # the first day they no longer work

    [[scenario.changes]]
    change_hours = "D003"
    on = 2025-03-01
    hours = 24

    [[scenario.changes]]
    buy = { supplier = "Groenbedrijf De Linde", amount = 50000, supplier_turnover = 2400000, supplier_fte = 40, supplier_direct_pct = 25, invoice_date = 2025-06-30 }

    [[scenario.changes]]
    drop_purchase = "Werkbedrijf Regio Noord"   # or its position: drop_purchase = 2

(``changes = [ { leave = "E00017", on = 2025-07-01 }, ... ]`` on one line
each says the same; TOML wants an inline table on one line.)

Every problem of the tables is reported at once with its key path
(``scenario[2].changes[1].hours``), and so is every change that does not
fit the organisation when the scenario is applied (a person who does not
work there, a purchase that does not exist).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, Protocol, TypeVar

import attrs

from psoladder.errors import InputError, Problem, Words, shown
from psoladder.messages import Phrase, problem
from psoladder.model import Employment, Organisation, Purchase

__all__ = [
    "ACTIONS",
    "Buy",
    "Change",
    "ChangeHours",
    "DropPurchase",
    "Hire",
    "Leave",
    "Scenario",
    "buy",
    "change_hours",
    "drop_purchase",
    "hire",
    "leave",
    "scenario_problems",
    "scenarios_from_mapping",
]

_ONE_DAY = dt.timedelta(days=1)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _shown(value: Any) -> Any:
    """A value as the organisation file writes it (for ``to_dict``)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "value") and not isinstance(value, bool | int | str):
        return value.value  # an enum: its code
    return value


def _given(item: Any) -> dict[str, Any]:
    """The fields of an input object that differ from their defaults, as written in a file."""
    out = {}
    for field in attrs.fields(type(item)):
        value = getattr(item, field.name)
        if field.default is attrs.NOTHING or value != field.default:
            out[field.name] = _shown(value)
    return out


# ------------------------------------------------------------------ the changes


def hire(organisation: Organisation, employment: Employment) -> Organisation:
    """The organisation with ``employment`` added (a new person, or a new row of one).

    Raises:
        InputError: When the row names an entity outside the group (R-ORG-1).
    """
    return attrs.evolve(organisation, employments=(*organisation.employments, employment))


def _rows_of(organisation: Organisation, person: str) -> list[int]:
    rows = [i for i, e in enumerate(organisation.employments) if e.person == person]
    if not rows:
        raise InputError([problem("in.sc_no_row", field="person", value=person,
                                  hint="ih.sc_person", person=shown(person))])
    return rows


def leave(organisation: Organisation, person: str, on: dt.date) -> Organisation:
    """The organisation in which ``person`` works no more from ``on`` on.

    Their rows end on the day before ``on`` (an HR end date is the last working
    day); rows that start on or after ``on`` are dropped.

    Raises:
        InputError: When the person has no row, or no work on or after ``on``.
    """
    rows = _rows_of(organisation, person)
    employments = list(organisation.employments)
    ends = [employments[i].end for i in rows]
    if not any(end is None or end >= on for end in ends):
        raise InputError([problem("in.sc_nothing_ends", field="on", value=on.isoformat(),
                                  hint="ih.sc_while_working", person=shown(person), on=on)])
    out: list[Employment] = []
    for i, e in enumerate(employments):
        if i not in rows or (e.end is not None and e.end < on):
            out.append(e)
        elif e.start < on:
            out.append(attrs.evolve(e, end=on - _ONE_DAY))
    return attrs.evolve(organisation, employments=tuple(out))


def change_hours(organisation: Organisation, person: str, on: dt.date,
                 hours: Decimal | int | str) -> Organisation:
    """The organisation in which ``person`` works ``hours`` a week from ``on`` on.

    The row they work under on ``on`` is split there: the first part keeps its
    hours and ends the day before, the second starts on ``on`` with the new
    hours and keeps everything else (its end, group, contract, and the start
    of a placement, R-CT-4). Rows that start later are left alone.

    Raises:
        InputError: When the person does not work on ``on``, or under more than
            one row that day (split those with :func:`leave` and :func:`hire`).
    """
    rows = _rows_of(organisation, person)
    employments = list(organisation.employments)
    active = [i for i in rows if on in employments[i].period]
    if len(active) != 1:
        raise InputError([problem("in.sc_rows_on" if active else "in.sc_no_row_on", field="on",
                                  value=on.isoformat(), hint="ih.sc_one_row",
                                  person=shown(person), on=on, count=len(active))])
    i = active[0]
    e = employments[i]
    second = attrs.evolve(e, start=on, hours_per_week=hours,
                          placement_start=e.placement_start or e.start)
    if e.start == on:
        employments[i] = attrs.evolve(e, hours_per_week=hours)
    else:
        employments[i:i + 1] = [attrs.evolve(e, end=on - _ONE_DAY), second]
    return attrs.evolve(organisation, employments=tuple(employments))


def buy(organisation: Organisation, purchase: Purchase) -> Organisation:
    """The organisation with ``purchase`` added."""
    return attrs.evolve(organisation, purchases=(*organisation.purchases, purchase))


def drop_purchase(organisation: Organisation, *, supplier: str | None = None,
                  index: int | None = None) -> Organisation:
    """The organisation without the purchases at ``supplier``, or the one at position ``index``.

    Suppliers are matched without regard to case or spacing; ``index`` counts
    from 1, as in the report.

    Raises:
        InputError: When nothing matches, or not exactly one of the two is given.
    """
    purchases = organisation.purchases
    if (supplier is None) == (index is None):
        raise InputError([problem("in.sc_drop_both", field="supplier")])
    if index is not None:
        if not 1 <= index <= len(purchases):
            raise InputError([problem("in.sc_no_purchase_index", field="index", value=index,
                                      hint="ih.sc_index", index=index, count=len(purchases))])
        kept = purchases[:index - 1] + purchases[index:]
    else:
        assert supplier is not None
        kept = tuple(p for p in purchases if _key(p.supplier) != _key(supplier))
        if len(kept) == len(purchases):
            known = ", ".join(dict.fromkeys(p.supplier for p in purchases))
            raise InputError([problem("in.sc_no_purchase_at", field="supplier", value=supplier,
                                      hint="ih.sc_suppliers" if known else "ih.sc_no_suppliers",
                                      supplier=shown(supplier), known=known)])
    return attrs.evolve(organisation, purchases=kept)


def _field(kind: type[Any], name: str, value: Any) -> Any:
    """``value`` converted (and checked) by the converter of ``kind``'s field ``name``."""
    convert: Callable[[Any], Any] = attrs.fields_dict(kind)[name].converter  # type: ignore[assignment]
    return convert(value)


def _hours(value: Any) -> Decimal:
    """Hours per week, checked as a row's are."""
    hours: Decimal = _field(Employment, "hours_per_week", value)
    return hours


def _changes(value: Iterable[Change]) -> tuple[Change, ...]:
    return tuple(value)


class Change(Protocol):
    """One change of a scenario: a pure function of an organisation, shown in reports."""

    def __call__(self, organisation: Organisation) -> Organisation: ...  # noqa: D102

    @property
    def action(self) -> str: ...  # noqa: D102

    @property
    def where(self) -> str | None: ...  # noqa: D102

    def phrase(self) -> Phrase: ...  # noqa: D102

    def to_dict(self) -> dict[str, Any]: ...  # noqa: D102


T = TypeVar("T")


def _own_fields(add: Callable[[Organisation, T], Organisation], organisation: Organisation,
                item: T) -> Organisation:
    """``add(organisation, item)``, its problems located at the item's own fields.

    The organisation locates a row's or purchase's problem by its position
    (``employments[12].entity``); in a change it is the item's ``entity``.
    """
    try:
        return add(organisation, item)
    except InputError as exc:
        raise InputError(attrs.evolve(p, field=(p.field or "").rpartition(".")[2] or None)
                         for p in exc.problems) from None


def _where() -> Any:
    # Where a change was written (``scenario[2].changes[1]``); not part of its value.
    return attrs.field(default=None, kw_only=True, eq=False, repr=False)


@attrs.frozen
class Hire:
    """Add an employment row (:func:`hire`).

    Attributes:
        employment: The row.
        where: Its key path in an organisation file, if read from one.
    """

    employment: Employment
    where: str | None = _where()
    action = "hire"

    def __call__(self, organisation: Organisation) -> Organisation:
        """The changed organisation."""
        return _own_fields(hire, organisation, self.employment)

    def phrase(self) -> Phrase:
        """The change in words."""
        e = self.employment
        group = (Phrase.of("sc.group", group=e.target_group) if e.target_group is not None
                 else Phrase.of("sc.no_group"))
        until = Phrase.of("sc.until", end=e.end) if e.end is not None else ""
        return Phrase.of("sc.hire", person=e.person, start=e.start, until=until,
                         hours=e.hours_per_week, contract=e.contract, group=group)

    def to_dict(self) -> dict[str, Any]:
        """As written in an organisation file."""
        return {"hire": _given(self.employment)}


@attrs.frozen
class Leave:
    """A person works no more from a date on (:func:`leave`).

    Attributes:
        person: The person's identifier.
        on: The first day they no longer work.
        where: Its key path in an organisation file, if read from one.
    """

    person: str
    on: dt.date
    where: str | None = _where()
    action = "leave"

    def __call__(self, organisation: Organisation) -> Organisation:
        """The changed organisation."""
        return leave(organisation, self.person, self.on)

    def phrase(self) -> Phrase:
        """The change in words."""
        return Phrase.of("sc.leave", person=self.person, last=self.on - _ONE_DAY)

    def to_dict(self) -> dict[str, Any]:
        """As written in an organisation file."""
        return {"leave": self.person, "on": self.on.isoformat()}


@attrs.frozen
class ChangeHours:
    """A person works other hours from a date on (:func:`change_hours`).

    Attributes:
        person: The person's identifier.
        on: The first day of the new hours.
        hours: The new hours per week.
        where: Its key path in an organisation file, if read from one.
    """

    person: str
    on: dt.date
    hours: Decimal = attrs.field(converter=_hours)
    where: str | None = _where()
    action = "change_hours"

    def __call__(self, organisation: Organisation) -> Organisation:
        """The changed organisation."""
        return change_hours(organisation, self.person, self.on, self.hours)

    def phrase(self) -> Phrase:
        """The change in words."""
        return Phrase.of("sc.hours", person=self.person, hours=self.hours, on=self.on)

    def to_dict(self) -> dict[str, Any]:
        """As written in an organisation file."""
        return {"change_hours": self.person, "on": self.on.isoformat(), "hours": str(self.hours)}


@attrs.frozen
class Buy:
    """Add a purchase (:func:`buy`).

    Attributes:
        purchase: The purchase.
        where: Its key path in an organisation file, if read from one.
    """

    purchase: Purchase
    where: str | None = _where()
    action = "buy"

    def __call__(self, organisation: Organisation) -> Organisation:
        """The changed organisation."""
        return _own_fields(buy, organisation, self.purchase)

    def phrase(self) -> Phrase:
        """The change in words."""
        p = self.purchase
        return Phrase.of("sc.buy", amount=p.amount, supplier=p.supplier, kind=p.supplier_kind)

    def to_dict(self) -> dict[str, Any]:
        """As written in an organisation file."""
        return {"buy": _given(self.purchase)}


@attrs.frozen
class DropPurchase:
    """Remove the purchases at a supplier, or one by its position (:func:`drop_purchase`).

    Attributes:
        supplier: The supplier's name, or ``None``.
        index: The purchase's position (from 1), or ``None``.
        where: Its key path in an organisation file, if read from one.
    """

    supplier: str | None = None
    index: int | None = None
    where: str | None = _where()
    action = "drop_purchase"

    def __attrs_post_init__(self) -> None:
        if (self.supplier is None) == (self.index is None):
            raise InputError([problem("in.sc_drop_both", field="drop_purchase")])

    def __call__(self, organisation: Organisation) -> Organisation:
        """The changed organisation."""
        return drop_purchase(organisation, supplier=self.supplier, index=self.index)

    def phrase(self) -> Phrase:
        """The change in words."""
        if self.supplier is not None:
            return Phrase.of("sc.drop_supplier", supplier=self.supplier)
        return Phrase.of("sc.drop_index", index=self.index)

    def to_dict(self) -> dict[str, Any]:
        """As written in an organisation file."""
        return {"drop_purchase": self.supplier if self.supplier is not None else self.index}


@attrs.frozen
class Scenario:
    """A named list of changes, applied in order: a plan next to the baseline.

    Calling it (or :meth:`apply`) returns the changed organisation. Every
    change that does not fit the organisation is reported at once, located
    at the change (``scenario[2].changes[1].on`` when read from a file,
    ``changes[1].on`` otherwise).

    Attributes:
        name: The scenario's name.
        changes: The changes, in order (those of ``extends`` first).
        description: What the plan is, in the user's words.
        extends: The scenario whose changes it starts from, if any.
        file: The organisation file it was read from, if any.
    """

    name: str
    changes: tuple[Change, ...] = attrs.field(converter=_changes)
    description: str = ""
    extends: str | None = None
    file: str | None = attrs.field(default=None, eq=False, repr=False)

    def __call__(self, organisation: Organisation) -> Organisation:
        """The changed organisation."""
        return self.apply(organisation)

    def apply(self, organisation: Organisation) -> Organisation:
        """The organisation with every change applied, in order.

        Raises:
            InputError: Every change that does not fit, located.
        """
        problems: list[Problem] = []
        for j, change in enumerate(self.changes, start=1):
            try:
                organisation = change(organisation)
            except InputError as exc:
                where = change.where or f"changes[{j}]"
                problems.extend(
                    attrs.evolve(_in_scenario(p, self.name), file=p.file or self.file,
                                 field=f"{where}.{_key_of(change.action, p.field)}")
                    for p in exc.problems)
        if problems:
            raise InputError(problems)
        return organisation

    def to_dict(self) -> dict[str, Any]:
        """As written in an organisation file, the changes of ``extends`` written out.

        >>> plan = Scenario("A", (Leave("E1", dt.date(2025, 7, 1)),))
        >>> plan.to_dict()
        {'name': 'A', 'changes': [{'leave': 'E1', 'on': '2025-07-01'}]}
        >>> scenarios_from_mapping([plan.to_dict()])["A"] == plan
        True
        """
        out: dict[str, Any] = {"name": self.name}
        if self.description:
            out["description"] = self.description
        out["changes"] = [c.to_dict() for c in self.changes]
        return out


def _in_scenario(p: Problem, name: str) -> Problem:
    """``p`` as a problem of the scenario ``name``, in its words too (so it reads in Dutch)."""
    message = f"scenario {name!r}: {p.message}"
    if p.words is None:
        return attrs.evolve(p, message=message)
    words = Words("in.sc_in_scenario", p.words.hint,
                  (*p.words.params, ("scenario_name", shown(name)),
                   ("scenario_problem", Phrase(p.words.key, p.words.params))))
    return attrs.evolve(p, message=message, words=words)


def _key_of(action: str, field: str | None) -> str:
    """The key of a change table a problem of its function is about (``on``, ``hire.entity``)."""
    if action in ("hire", "buy"):  # the row's or the purchase's own field
        return f"{action}.{field}" if field else action
    return field if field in ("on", "hours") else action


# ------------------------------------------------------------------ files

#: The action keys of a change table and the other keys each takes.
ACTIONS: Mapping[str, tuple[str, ...]] = {
    "hire": (),
    "leave": ("on",),
    "change_hours": ("on", "hours"),
    "buy": (),
    "drop_purchase": (),
}
_SCENARIO_KEYS = ("name", "description", "extends", "changes")


class _Reader:
    """Reads ``[[scenario]]`` tables, collecting every problem with its key path."""

    def __init__(self, file: str | None) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, key: str, field: str, *, value: Any = None, hint: str | None = None,
                **params: Any) -> None:
        self.problems.append(problem(key, field=field, file=self.file,
                                     value=None if value is None else str(value), hint=hint,
                                     **params))

    def relocated(self, exc: InputError, path: str) -> None:
        self.problems.extend(attrs.evolve(p, file=self.file,
                                          field=f"{path}.{p.field}" if p.field else path)
                             for p in exc.problems)

    def convert(self, kind: type[Any], name: str, value: Any, path: str) -> Any:
        try:
            return _field(kind, name, value)
        except InputError as exc:
            self.problems.extend(attrs.evolve(p, file=self.file, field=path)
                                 for p in exc.problems)
            return None

    def change(self, table: Any, path: str) -> Change | None:
        if not isinstance(table, Mapping):
            self.problem("in.sc_change_table", path, hint="ih.sc_change_table",
                         actions=", ".join(ACTIONS))
            return None
        actions = [k for k in table if k in ACTIONS]
        if len(actions) != 1:
            self.problem("in.sc_two_actions" if actions else "in.sc_no_action", path,
                         value=", ".join(actions) or None, hint="ih.sc_actions",
                         actions=", ".join(ACTIONS))
            return None
        action = actions[0]
        allowed = {action, *ACTIONS[action]}
        for key in table:
            if key not in allowed:
                self.problem("in.sc_unknown_key", f"{path}.{key}", hint="ih.sc_keys",
                             name=shown(key), action=action, keys=", ".join(sorted(allowed)))
        for key in ACTIONS[action]:
            if key not in table:
                self.problem("in.sc_needs", f"{path}.{key}", hint="ih.required_key",
                             action=action, code=key)
        if any(p.field == path or (p.field or "").startswith(path + ".") for p in self.problems):
            return None
        value = table[action]
        where = f"{path}"
        if action in ("hire", "buy"):
            if not isinstance(value, Mapping):
                self.problem(f"in.sc_action_table.{action}", f"{path}.{action}",
                             hint="ih.sc_action_table", action=action)
                return None
            try:
                if action == "hire":
                    return Hire(Employment.from_mapping(value), where=where)
                return Buy(Purchase.from_mapping(value), where=where)
            except InputError as exc:
                self.relocated(exc, f"{path}.{action}")
                return None
        if action == "drop_purchase":
            if isinstance(value, bool) or not isinstance(value, int | str) or (
                    isinstance(value, int) and value < 1) or (
                    isinstance(value, str) and not value.strip()):
                self.problem("in.sc_drop_value", f"{path}.drop_purchase", value=value,
                             hint="ih.sc_drop_value")
                return None
            if isinstance(value, int):
                return DropPurchase(index=value, where=where)
            return DropPurchase(supplier=value.strip(), where=where)
        person = self.convert(Employment, "person", value, f"{path}.{action}")
        on = self.convert(Employment, "start", table["on"], f"{path}.on")
        if action == "leave":
            return None if person is None or on is None else Leave(person, on, where=where)
        hours = self.convert(Employment, "hours_per_week", table["hours"], f"{path}.hours")
        if person is None or on is None or hours is None:
            return None
        return ChangeHours(person, on, hours, where=where)

    def scenarios(self, value: Any) -> dict[str, Scenario]:
        if value is None:
            return {}
        if not isinstance(value, list):
            self.problem("in.list_of_tables", "scenario", hint="ih.list_of_tables",
                         code="scenario")
            return {}
        read: dict[str, tuple[int, Scenario]] = {}
        bases: dict[str, tuple[str, str]] = {}
        for i, table in enumerate(value, start=1):
            path = f"scenario[{i}]"
            if not isinstance(table, Mapping):
                self.problem("in.item_not_table", path, hint="ih.item_not_table",
                             code="scenario", index=i)
                continue
            for key in table:
                if key not in _SCENARIO_KEYS:
                    self.problem("po.unknown_key", f"{path}.{key}", hint="ih.sc_keys",
                                 name=shown(key), keys=", ".join(_SCENARIO_KEYS))
            name = table.get("name")
            if not isinstance(name, str) or not name.strip():
                self.problem("in.sc_name", f"{path}.name", hint="ih.sc_name")
                continue
            name = name.strip()
            if name in read:
                self.problem("in.sc_name_twice", f"{path}.name", value=name,
                             hint="ih.sc_own_name", index=read[name][0])
                continue
            description = table.get("description", "")
            if not isinstance(description, str):
                self.problem("in.sc_description", f"{path}.description")
                description = ""
            extends = table.get("extends")
            if extends is not None and not isinstance(extends, str):
                self.problem("in.sc_extends", f"{path}.extends", value=extends)
                extends = None
            changes_value = table.get("changes", [])
            if not isinstance(changes_value, list):
                self.problem("in.sc_changes", f"{path}.changes", hint="ih.sc_changes")
                changes_value = []
            if not changes_value and extends is None:
                self.problem("in.sc_no_changes", f"{path}.changes", hint="ih.sc_no_changes")
            changes = [self.change(c, f"{path}.changes[{j}]")
                       for j, c in enumerate(changes_value, start=1)]
            own = tuple(c for c in changes if c is not None)
            read[name] = (i, Scenario(name, own, description.strip(), extends, self.file))
            if extends is not None:
                bases[name] = (extends.strip(), f"{path}.extends")
        return self._resolve(read, bases)

    def _resolve(self, read: dict[str, tuple[int, Scenario]],
                 bases: dict[str, tuple[str, str]]) -> dict[str, Scenario]:
        resolved: dict[str, Scenario] = {}

        def full(name: str, seen: tuple[str, ...]) -> tuple[Change, ...] | None:
            if name in resolved:
                return resolved[name].changes
            own = read[name][1]
            if name not in bases:
                resolved[name] = own
                return own.changes
            base, path = bases[name]
            if base not in read:
                self.problem("in.sc_no_base", path, value=base, hint="ih.sc_extends",
                             name=shown(base))
                return None
            if base in seen:
                self.problem("in.sc_circle", path, value=" -> ".join((*seen, base)))
                return None
            inherited = full(base, (*seen, base))
            if inherited is None:
                return None
            resolved[name] = attrs.evolve(own, changes=(*inherited, *own.changes),
                                          extends=base)
            return resolved[name].changes

        for name in read:
            full(name, (name,))
        return {name: resolved[name] for name in read if name in resolved}


def _read(value: Any, file: str | None) -> tuple[dict[str, Scenario], list[Problem]]:
    reader = _Reader(file)
    scenarios = reader.scenarios(value)
    # one report per problem, in file order
    return scenarios, list(dict.fromkeys(reader.problems))


def scenario_problems(value: Any, *, file: str | None = None) -> list[Problem]:
    """Every problem of an organisation file's ``scenario`` value, each with its key path.

    >>> [p.field for p in scenario_problems([{"name": "A", "changes": [
    ...     {"change_hours": "D003", "on": "2025-03-01", "hours": 0}]}])]
    ['scenario[1].changes[1].hours']
    """
    return _read(value, file)[1]


def scenarios_from_mapping(value: Any, *, file: str | None = None) -> dict[str, Scenario]:
    """The scenarios of an organisation file's ``scenario`` value, by name, in file order.

    >>> plans = scenarios_from_mapping([
    ...     {"name": "A", "changes": [{"leave": "E00002", "on": "2025-01-01"}]},
    ...     {"name": "B", "extends": "A", "changes": [{"drop_purchase": 2}]}])
    >>> [c.action for c in plans["B"].changes]
    ['leave', 'drop_purchase']

    Raises:
        InputError: Every problem, each with its key path.
    """
    scenarios, problems = _read(value, file)
    if problems:
        raise InputError(problems)
    return scenarios


def describe(changes: Iterable[Change]) -> list[Phrase]:
    """The changes in words (for reports)."""
    return [c.phrase() for c in changes]
