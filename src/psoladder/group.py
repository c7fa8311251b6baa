"""The applicant's whole group: where the figures of a group come from (R-ORG-1).

MijnPSO's first step defines the applicant as a main entity plus underlying
entities, each with its own KvK number, and every figure is taken over that
whole scope (S-APPLY). psoladder sums fte and purchases over the group
(:class:`~psoladder.model.Organisation` ``group``: one entity per KvK number,
named by ``[[entity]]`` tables) and shows the breakdown per entity read from
the assessment:

* total fte by the entity each row names (``entity``; none: the main entity),
  after the person cap of R-FTE-3, from the workforce's tally, so it holds
  for streamed payrolls too;
* weighted target-group fte by the entity of each target-group row;
* counted indirect fte by the entity that made each purchase;
* persons by the entities they work at (a person at two counts at both).

The breakdown adds up exactly to the group's figures; nothing here decides
a level. A purchase from an entity of the group itself is not indirect
contribution (``group_purchases_count``, :mod:`psoladder.indirect`).

Source: https://www.pso-nederland.nl/direct-meten-en-aanvragen/pso-keurmerk-aanvragen

>>> import psoladder
>>> from psoladder import Employment, Entity, Organisation
>>> org = Organisation(
...     name="Glansrijke Groep", kvk=["12345678", "87654321"], application_date="2024-05-01",
...     entities=[Entity(name="Glansrijke Zorg", kvk="87654321")],
...     employments=[Employment(person="A", start="2020-01-01", hours_per_week=40),
...                  Employment(person="B", start="2020-01-01", hours_per_week=20,
...                             entity="Glansrijke Zorg", target_group="wajong")])
>>> g = psoladder.assess(org).group
>>> [(f.entity.name, f.total_fte, f.weighted_target_fte) for f in g.entities]
[('Glansrijke Groep', Decimal('1'), Decimal('0')), ('Glansrijke Zorg', Decimal('0.5'), Decimal('0.5'))]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from psoladder import messages
from psoladder.errors import InputError, Problem
from psoladder.fte import EmploymentLike, Workforce
from psoladder.indirect import Indirect
from psoladder.io.payroll import MAX_PROBLEMS
from psoladder.model import Entity, Organisation, entity_lookup, unknown_entity
from psoladder.numbers import as_decimal

__all__ = ["EntityCheck", "EntityFigures", "Group", "breakdown"]

_ZERO = Fraction(0)


@attrs.frozen
class EntityFigures:
    """The part of the group's figures that comes from one entity.

    Attributes:
        entity: The entity.
        main: It is the main entity (the first KvK number).
        persons: Persons with a day in the peiljaar at this entity.
        exact_total_fte: Its rows' fte, after the person cap (R-FTE-3).
        exact_weighted: Its rows' weighted target-group fte (R-TG-0).
        exact_indirect_fte: The counted indirect fte of its purchases (R-IND-2).
        purchases: Its purchases, counted or not.
    """

    entity: Entity
    main: bool
    persons: int
    exact_total_fte: Fraction
    exact_weighted: Fraction
    exact_indirect_fte: Fraction
    purchases: int

    @property
    def total_fte(self) -> Decimal:
        """Its rows' fte."""
        return as_decimal(self.exact_total_fte)

    @property
    def weighted_target_fte(self) -> Decimal:
        """Its rows' weighted target-group fte."""
        return as_decimal(self.exact_weighted)

    @property
    def indirect_fte(self) -> Decimal:
        """The counted indirect fte of its purchases."""
        return as_decimal(self.exact_indirect_fte)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: decimals as strings."""
        return {"name": self.entity.name, "kvk": self.entity.kvk, "main": self.main,
                "persons": self.persons, "total_fte": str(self.total_fte),
                "weighted_target_fte": str(self.weighted_target_fte),
                "indirect_fte": str(self.indirect_fte), "purchases": self.purchases}


@attrs.frozen
class Group:
    """The group's figures per entity (R-ORG-1).

    Attributes:
        entities: One per entity of the group, the main entity first.
        named: The organisation names its entities (``[[entity]]``) or its
            rows and purchases name one; reports then show the breakdown.
    """

    entities: tuple[EntityFigures, ...]
    named: bool

    @property
    def shown(self) -> bool:
        """Whether reports show the breakdown: a group of more than one entity, named."""
        return self.named and len(self.entities) > 1

    def to_dict(self) -> list[dict[str, Any]]:
        """JSON-ready form: one entry per entity."""
        return [e.to_dict() for e in self.entities]


def _resolver(organisation: Organisation) -> Callable[[str | None], Entity]:
    find = entity_lookup(organisation)

    def resolve(reference: str | None) -> Entity:
        entity = find(reference)
        if entity is None:  # refused on input (Organisation, EntityCheck)
            raise ValueError(f"{reference!r} is not an entity of {organisation.name!r}")
        return entity

    return resolve


def breakdown(organisation: Organisation, workforce: Workforce, purchases: Indirect) -> Group:
    """The group's figures per entity, read from a workforce and its purchases."""
    resolve = _resolver(organisation)
    group = organisation.group
    fte: dict[str, Fraction] = {e.kvk: _ZERO for e in group}
    weighted = dict(fte)
    bought = dict(fte)
    persons = dict.fromkeys(fte, 0)
    count = dict.fromkeys(fte, 0)
    for reference, hour_days in workforce.hour_days_by_entity.items():
        fte[resolve(reference).kvk] += Fraction(hour_days) / workforce.denominator
    for references, n in workforce.persons_by_entities.items():
        for kvk in {resolve(r).kvk for r in references}:
            persons[kvk] += n
    for period in workforce.periods:
        if period.counted_days:
            weighted[resolve(period.employment.entity).kvk] += period.weighted_fte
    for p in purchases.purchases:
        kvk = resolve(p.purchase.entity).kvk
        bought[kvk] += p.counted_fte
        count[kvk] += 1
    named = bool(organisation.entities) or set(workforce.hour_days_by_entity) - {None} != set() \
        or any(p.purchase.entity is not None for p in purchases.purchases)
    return Group(tuple(EntityFigures(e, i == 0, persons[e.kvk], fte[e.kvk], weighted[e.kvk],
                                     bought[e.kvk], count[e.kvk])
                       for i, e in enumerate(group)), named)


class EntityCheck:
    """Checks the ``entity`` of rows read one by one (a streamed payroll), collecting problems.

    Args:
        organisation: The organisation whose group the rows must name.
        file: The payroll file's name, for the locations.
    """

    def __init__(self, organisation: Organisation, file: str | None) -> None:
        self._find = entity_lookup(organisation)
        self._group = organisation.group
        self.file = file
        self.problems: list[Problem] = []
        self.more = 0

    def __call__(self, line: int, row: EmploymentLike) -> None:
        """Check one row (``line`` is its line in the file)."""
        reference = row.entity
        if reference is not None and self._find(reference) is None:
            if len(self.problems) < MAX_PROBLEMS:
                self.problems.append(unknown_entity(reference, self._group, file=self.file,
                                                    row=line, field="entity"))
            else:
                self.more += 1

    def raise_with(self, others: Iterable[Problem] = ()) -> None:
        """Raise every problem found, with ``others`` first; nothing if there are none."""
        problems = [*others, *self.problems]
        if self.more:
            problems.append(messages.problem("in.more_rows_unknown_entity", file=self.file,
                                             count=self.more))
        if problems:
            raise InputError(problems)
