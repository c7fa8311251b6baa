"""Full-time equivalents (fte) over the peiljaar.

Rules:

* **R-FTE-1** (published): the unit is fte over one peiljaar.
* **R-FTE-2** (published): hours count pro rata to a full-time week of 40
  hours, or the full-time norm of the applicable cao.
* **R-FTE-3** (decision): a period's fte is
  ``hours_per_week / fulltime_hours * days_in_period_within_peiljaar / days_in_peiljaar``
  with both ends of the period included. A person's total at any time is at
  most 1.0 fte: where concurrent contracts add up to more than full time,
  each contract's hours on those days are scaled down in proportion, so the
  person counts 1.0 fte and each contract keeps its share (this keeps the
  weighted fte consistent with the capped fte). Contracted hours are used.
* **R-FTE-4** (decision): the peiljaar is exactly 12 consecutive months;
  default the calendar year before the application date.
* **R-FTE-5** (published): an applicant needs at least 2 fte.
* **R-FTE-6** (decision): total fte includes everyone working at the
  applicant in the peiljaar (flex, seconded-in and placement workers too) and
  excludes an SW-organisation's own SW staff detached out (R-CT-6).

Sources: https://pso-nederland.nl/direct-meten-en-aanvragen/wat-meet-en-certificeert-de-pso/directe-sociale-bijdrage,
https://pso-nederland.nl/direct-meten-en-aanvragen/wat-meet-en-certificeert-de-pso/de-pso-doelgroep-voor-de-directe-sociale-bijdrage

Exactness by integers: days are day numbers, and a person's hours are whole
numbers of the smallest decimal unit that makes all of them (and the
full-time week) whole (:func:`decimal_units`), so the sums of hours x days
are integer sums. A :class:`~fractions.Fraction` appears only at the end (a
total that is not a whole number of hours x days) and where the 1.0-fte cap
shares capped hours between concurrent contracts.

Example D2 of the rules reference: 40 hours a week from 1 July to 31 December
2023 is 184 of 365 days:

>>> from psoladder.model import Employment
>>> from psoladder.rules import rules_at
>>> e = Employment(person="P1", start="2023-07-01", end="2023-12-31", hours_per_week=40)
>>> peiljaar = DateRange(dt.date(2023, 1, 1), dt.date(2023, 12, 31))
>>> wf = workforce([e], peiljaar=peiljaar, fulltime_hours=Decimal(40),
...                rules=rules_at(dt.date(2024, 5, 1)))
>>> wf.total_fte
Fraction(184, 365)
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import functools
import gc
import itertools
import math
from array import array
from collections import Counter
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, NamedTuple, Protocol, overload

import attrs

from psoladder.model import ContractType, Employment, EmploymentLike, TargetGroup
from psoladder.periods import FOREVER, DateRange
from psoladder.rules import Cited, Notice, RuleSet
from psoladder.targetgroups import Counting, counting, counting_key

__all__ = [
    "Column",
    "EmploymentLike",
    "ExactSum",
    "FteBasis",
    "Part",
    "PeriodFte",
    "PersonCalc",
    "PersonFte",
    "Persons",
    "Row",
    "Sources",
    "Summaries",
    "Workforce",
    "WorkforceBuilder",
    "capped_total",
    "collector_paused",
    "decimal_units",
    "exact_hour_days",
    "exact_sum",
    "workforce",
]

_ZERO = Fraction(0)

#: Hours per week x days: a whole number where the hours allow it (integer
#: sums are much faster than ``Fraction`` ones), else an exact ratio.
HourDays = int | Fraction

_EXTRA = ("inflow", "status_until", "school_left", "ww_since", "status_lost", "placement_start",
          "registered", "disabled_in_service", "entity")


class Row:
    """A validated employment row in compact form (for large payrolls).

    Holds the same values as :class:`~psoladder.model.Employment`, which
    validated them; the rarely used fields live in one optional mapping. Two
    rows are equal when every value is.
    """

    __slots__ = ("_extra", "contract", "end", "entity", "hours_per_week", "person", "source",
                 "start", "target_group")

    def __init__(self, person: str, start: dt.date, end: dt.date | None, hours_per_week: Decimal,
                 contract: ContractType, target_group: TargetGroup | None,
                 extra: dict[str, Any] | None = None, source: str | None = None) -> None:
        self.source = source  # the payroll file's name (see Employment.source)
        self.person = person
        self.start = start
        self.end = end
        self.hours_per_week = hours_per_week
        self.contract = contract
        self.target_group = target_group
        self._extra = extra or None
        #: The entity of the applicant's group the row names (see ``Employment.entity``).
        self.entity: str | None = extra.get("entity") if extra else None

    def _get(self, name: str) -> Any:
        return None if self._extra is None else self._extra.get(name)

    inflow = property(lambda self: self._get("inflow"))
    status_until = property(lambda self: self._get("status_until"))
    school_left = property(lambda self: self._get("school_left"))
    ww_since = property(lambda self: self._get("ww_since"))
    status_lost = property(lambda self: self._get("status_lost"))
    placement_start = property(lambda self: self._get("placement_start"))
    registered = property(lambda self: bool(self._get("registered")))
    disabled_in_service = property(lambda self: bool(self._get("disabled_in_service")))

    @property
    def period(self) -> DateRange:
        """The period as an inclusive range (open end = far future)."""
        return DateRange(self.start, self.end if self.end is not None else FOREVER)

    def _values(self) -> tuple[Any, ...]:
        return (self.person, self.start, self.end, self.hours_per_week, self.contract,
                self.target_group, self.source, *(getattr(self, name) for name in _EXTRA))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Row):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        given = ", ".join(f"{k}={v!r}" for k, v in (self._extra or {}).items())
        return (f"Row({self.person!r}, {self.start.isoformat()}, "
                f"{self.end.isoformat() if self.end else 'open'}, {self.hours_per_week}, "
                f"{self.contract.value}, {self.target_group.value if self.target_group else None}"
                f"{', ' + given if given else ''})")


def decimal_units(value: Decimal | Fraction | int) -> tuple[int, int]:
    """``value`` as ``(units, places)`` with ``value == units / 10**places``, ``places`` least.

    The unit in which hours are summed as integers (R-FTE-3 stays exact).

    >>> decimal_units(Decimal("32.50")), decimal_units(40), decimal_units(Fraction(1, 8))
    ((325, 1), (40, 0), (125, 3))

    Raises:
        ValueError: For a ratio without a finite decimal form (e.g. 1/3).
    """
    numerator, denominator = value.as_integer_ratio()
    twos = (denominator & -denominator).bit_length() - 1
    rest = denominator >> twos
    fives = 0
    while rest % 5 == 0:
        rest //= 5
        fives += 1
    if rest != 1:
        raise ValueError(f"{value} has no finite decimal form")
    places = max(twos, fives)
    return numerator * 10**places // denominator, places


def exact_hour_days(units: int | Fraction, scale: int) -> HourDays:
    """``units / scale`` as a whole number where it is one, else as a ``Fraction``.

    >>> exact_hour_days(3650, 10), exact_hour_days(3655, 10)
    (365, Fraction(731, 2))
    """
    if isinstance(units, int):
        if scale == 1:
            return units
        whole, rest = divmod(units, scale)
        return Fraction(units, scale) if rest else whole
    value = units / scale
    return value.numerator if value.denominator == 1 else value


def exact_sum(values: Iterable[HourDays]) -> HourDays:
    """The exact sum of whole numbers and ratios, a whole number where it is one.

    Integers are added as integers and the ratios' numerators per
    denominator: one :class:`~fractions.Fraction` per distinct denominator
    at the end, the same exact value as adding ``Fraction`` by
    ``Fraction`` (each addition of which reduces by a gcd).

    >>> exact_sum([365, Fraction(731, 2), Fraction(1, 2), Fraction(1, 3)])
    Fraction(2194, 3)
    >>> exact_sum([Fraction(1, 2), Fraction(1, 2), 2]), exact_sum([])
    (3, 0)
    """
    whole = 0
    numerators: dict[int, int] = {}
    for value in values:
        if isinstance(value, int):
            whole += value
        else:
            denominator = value.denominator
            numerators[denominator] = numerators.get(denominator, 0) + value.numerator
    total: HourDays = whole
    for denominator, numerator in numerators.items():
        total += Fraction(numerator, denominator)
    return _whole(total)


class PeriodFte(NamedTuple):
    """The fte of one employment row in the peiljaar.

    Attributes:
        row: The row's 1-based position among the employments (or its line
            in a payroll file).
        employment: The row.
        inflow: The inflow date used for it (R-TG-0a).
        days: Days of the row inside the peiljaar.
        hour_days: Hours per week x days in the peiljaar, after the cap: the
            exact quantity behind :attr:`fte`.
        counted_days: Days inside both the peiljaar and the counting window.
        counted_hour_days: The same for the counted days (:attr:`counted_fte`).
        denominator: Full-time hours x days in the peiljaar.
        counting: Its counting window, weight and reasons (R-TG-0).
        excluded: Left out of total fte (R-CT-6).
        capped_days: Days on which the person cap scaled the row down.
        source: The payroll file the row was read from (``row`` is its line
            there), or ``None`` for a row of the organisation itself (``row``
            is its position among the ``[[employment]]`` tables, or among
            ``Organisation.employments`` for rows built in Python).
    """

    row: int
    employment: EmploymentLike
    inflow: dt.date
    days: int
    hour_days: HourDays
    counted_days: int
    counted_hour_days: HourDays
    denominator: Fraction
    counting: Counting
    excluded: bool
    capped_days: int
    source: str | None = None

    @property
    def fte(self) -> Fraction:
        """Its fte (after the person cap of R-FTE-3)."""
        return Fraction(self.hour_days) / self.denominator

    @property
    def counted_fte(self) -> Fraction:
        """Unweighted fte of the counted days."""
        return Fraction(self.counted_hour_days) / self.denominator

    @property
    def weighted_fte(self) -> Fraction:
        """``counted_fte x weight`` (R-TG-0)."""
        if not self.counted_hour_days:
            return _ZERO
        return self.counted_fte * self.counting.weight


class PersonFte(NamedTuple):
    """One person's fte over the peiljaar, the sum of their rows.

    Attributes:
        person: The person's identifier.
        periods: Their rows; empty for a summarised person (see
            :class:`WorkforceBuilder`).
        hour_days: Hours per week x days, summed over the peiljaar, after the
            cap: the exact quantity behind :attr:`fte`.
        denominator: Full-time hours x days in the peiljaar.
        weighted_fte: Weighted target-group fte (R-TG-0).
        capped: Concurrent contracts were capped at 1.0 fte on some day.
        rows: Number of rows of the person.
        on_peildatum: Works at the applicant on the last day of the peiljaar.
    """

    person: str
    periods: tuple[PeriodFte, ...]
    hour_days: HourDays
    denominator: Fraction
    weighted_fte: Fraction
    capped: bool
    rows: int
    on_peildatum: bool

    @property
    def fte(self) -> Fraction:
        """Total fte (at most 1.0 at any time, R-FTE-3)."""
        return Fraction(self.hour_days) / self.denominator

    @property
    def summarised(self) -> bool:
        """Row details were not kept (a streamed person outside the target groups)."""
        return not self.periods and self.rows > 0


# The fields are documented in the classes' docstrings (Attributes), not as
# "Alias for field number n".
for _record in (PeriodFte, PersonFte):
    for _field in _record._fields:
        getattr(_record, _field).__doc__ = None


def _total_hour_days(workforce: Workforce) -> HourDays:
    return sum((p.hour_days for p in workforce.persons), 0)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while many result objects are built; restore it after.

    They are long-lived tuples without reference cycles, which the collector
    would scan again and again as they grow in number.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


class Part(Protocol):
    """What the workforce's tallies read of a row: its contract type and entity."""

    @property
    def contract(self) -> ContractType:
        """The row's contract type (R-CT)."""

    @property
    def entity(self) -> str | None:
        """The entity of the applicant's group the row names, if any."""


class Column(Protocol):
    """A column of values: a list, an ``array.array`` or a numpy array."""

    def __len__(self) -> int: ...

    def __getitem__(self, index: slice, /) -> Any: ...


def _plain(values: Column, start: int, stop: int) -> list[Any]:
    """``values[start:stop]`` as a list of Python objects (also for an array)."""
    part = values[start:stop]
    return part.tolist() if hasattr(part, "tolist") else list(part)


def _count(values: Column) -> int:
    """How many values are true."""
    return int(values.sum()) if hasattr(values, "sum") else sum(map(bool, values[:]))


class Summaries(Sequence[PersonFte]):
    """People kept as figures only, as columns: each is built as a :class:`PersonFte` on use.

    A large payroll's people outside the target groups are summarised
    (R-FTE-3 figures, no rows); as columns they cost a few bytes each instead
    of an object. Counts over them are ready without building any.

    Args:
        names: Person names, looked up by ``name_index``.
        name_index: Each person's position in ``names``.
        units: Each person's hours x days in units of ``1 / scale`` hours.
        scale: Units per hour (a power of ten).
        denominator: Full-time hours x days in the peiljaar.
        capped: Whether the 1.0-fte cap bit on some day.
        rows: Each person's number of rows.
        on_peildatum: Whether the person works on the last day of the peiljaar.
    """

    __slots__ = ("_capped", "_names", "_on", "_rows", "_units", "capped_count", "denominator",
                 "name_index", "scale")

    def __init__(self, names: Sequence[str], name_index: Column, units: Column, scale: int,
                 denominator: Fraction, capped: Column, rows: Column,
                 on_peildatum: Column) -> None:
        self._names = names
        self.name_index = name_index
        self._units = units
        self.scale = scale
        self.denominator = denominator
        self._capped = capped
        self._rows = rows
        self._on = on_peildatum
        #: How many of them the cap bit (R-FTE-3).
        self.capped_count = _count(capped)

    def __len__(self) -> int:
        return len(self._units)

    def _build(self, start: int, stop: int) -> list[PersonFte]:
        names = self._names
        scale = self.scale
        # A whole number of hours x days is itself; others, one Fraction per value.
        exact: dict[int, HourDays] = {}
        units = _plain(self._units, start, stop)
        hour_days = ([u // scale if u % scale == 0 else exact.get(u) or exact.setdefault(
            u, Fraction(u, scale)) for u in units] if scale > 1 else units)
        with collector_paused():
            return list(map(functools.partial(tuple.__new__, PersonFte), zip(
                [names[i] for i in _plain(self.name_index, start, stop)],
                itertools.repeat(()), hour_days, itertools.repeat(self.denominator),
                itertools.repeat(_ZERO), _plain(self._capped, start, stop),
                _plain(self._rows, start, stop), _plain(self._on, start, stop), strict=False)))

    @overload
    def __getitem__(self, index: int) -> PersonFte: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[PersonFte]: ...

    def __getitem__(self, index: int | slice) -> PersonFte | Sequence[PersonFte]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        index = _position(index, len(self))
        return self._build(index, index + 1)[0]

    def __iter__(self) -> Iterator[PersonFte]:
        for start in range(0, len(self), _CHUNK):
            yield from self._build(start, min(start + _CHUNK, len(self)))

    def __repr__(self) -> str:
        return f"<Summaries of {len(self)} person(s)>"


_CHUNK = 65_536  # summarised people built at a time while iterating


def _position(index: int, length: int) -> int:
    """A sequence index, counted from the end when negative."""
    if not -length <= index < length:
        raise IndexError("person index out of range")
    return index % length


class Persons(Sequence[PersonFte]):
    """Everyone, in order of first appearance: people with rows as objects, the rest summarised.

    Args:
        detailed: The people kept with their rows, in order.
        at: Their positions among everyone (increasing).
        summaries: Everyone else, in order.
    """

    __slots__ = ("at", "detailed", "summaries")

    def __init__(self, detailed: Sequence[PersonFte], at: Sequence[int],
                 summaries: Summaries) -> None:
        self.detailed = tuple(detailed)
        self.at = at
        self.summaries = summaries

    def __len__(self) -> int:
        return len(self.detailed) + len(self.summaries)

    @overload
    def __getitem__(self, index: int) -> PersonFte: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[PersonFte]: ...

    def __getitem__(self, index: int | slice) -> PersonFte | Sequence[PersonFte]:
        if isinstance(index, slice):
            return list(itertools.islice(self, *index.indices(len(self))))
        index = _position(index, len(self))
        k = bisect.bisect_left(self.at, index)
        if k < len(self.at) and self.at[k] == index:
            return self.detailed[k]
        return self.summaries[index - k]

    def __iter__(self) -> Iterator[PersonFte]:
        summaries = iter(self.summaries)
        position = 0
        for at, person in zip(self.at, self.detailed, strict=True):
            yield from itertools.islice(summaries, at - position)
            yield person
            position = at + 1
        yield from summaries

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return (f"<Persons: {len(self)} person(s), {len(self.detailed)} with their rows, "
                f"{len(self.summaries)} summarised>")


@attrs.frozen
class Workforce:
    """Everyone working at the applicant in the peiljaar, with their fte.

    Attributes:
        peiljaar: The peiljaar.
        fulltime_hours: The full-time week used (cited).
        persons: Each person's fte, in order of first appearance (a
            :class:`Persons` when some are summarised: they are built on use).
        rows_read: Number of employment rows given.
        rows_outside: Row numbers with no day in the peiljaar (counted 0).
        cited: Rule values used.
        notices: Warnings raised (conservative values used).
        denominator: Full-time hours x days in the peiljaar (the unit of
            ``PersonFte.hour_days``).
        absent_persons: Persons whose rows all lie outside the peiljaar, when
            they are counted instead of kept (streamed payrolls).
        hour_days: Hours x days of everyone, after the cap: the sum of the
            persons' ``hour_days``, kept exact by whoever builds the workforce.
        hour_days_by_contract: Hours per week x days in the peiljaar, after the
            cap, by contract type, over everyone (kept or summarised): the
            totals a reading of part of the workforce needs, such as the
            PSO 30+ share of the payroll (R-30-4).
        peildatum_contracts: Persons working on the last day of the
            peiljaar, counted by the set of contract types they work under
            that day.
        hour_days_by_entity: Hours per week x days in the peiljaar, after the
            cap, by the ``entity`` the rows name (``None``: none named), over
            everyone (kept or summarised): the per-entity breakdown of a group
            (R-ORG-1, :mod:`psoladder.group`).
        persons_by_entities: Persons with a day in the peiljaar, counted by
            the set of ``entity`` values their rows name.
        rows_outside_sources: The source of each of :attr:`rows_outside`
            (see :attr:`PeriodFte.source`).
    """

    peiljaar: DateRange
    fulltime_hours: Cited[Decimal]
    persons: Sequence[PersonFte]
    rows_read: int
    rows_outside: Sequence[int]
    cited: tuple[Cited[Any], ...]
    notices: tuple[Notice, ...]

    denominator: Fraction = attrs.field(repr=False)
    absent_persons: int = 0
    hour_days: HourDays = attrs.field(
        default=attrs.Factory(_total_hour_days, takes_self=True), repr=False)
    hour_days_by_contract: Mapping[ContractType, HourDays] = attrs.field(factory=dict,
                                                                        repr=False)
    peildatum_contracts: Mapping[frozenset[ContractType], int] = attrs.field(factory=dict,
                                                                            repr=False)
    hour_days_by_entity: Mapping[str | None, HourDays] = attrs.field(factory=dict, repr=False)
    persons_by_entities: Mapping[frozenset[str | None], int] = attrs.field(factory=dict,
                                                                          repr=False)
    rows_outside_sources: Sequence[str | None] = ()

    @property
    def person_count(self) -> int:
        """Distinct persons in the input, including those absent all peiljaar."""
        return len(self.persons) + self.absent_persons

    @functools.cached_property
    def total_fte(self) -> Fraction:
        """Total fte of the applicant (R-FTE-6)."""
        return Fraction(self.hour_days) / self.denominator

    @functools.cached_property
    def detailed(self) -> tuple[PersonFte, ...]:
        """The people kept with their rows (everyone who can count as target-group work)."""
        if isinstance(self.persons, Persons):
            return self.persons.detailed
        return tuple(p for p in self.persons if p.periods)

    @functools.cached_property
    def capped_persons(self) -> int:
        """How many people the 1.0-fte cap bit on some day (R-FTE-3)."""
        if isinstance(self.persons, Persons):
            return (sum(1 for p in self.persons.detailed if p.capped)
                    + self.persons.summaries.capped_count)
        return sum(1 for p in self.persons if p.capped)

    @property
    def periods(self) -> Iterator[PeriodFte]:
        """Every kept row's result."""
        for person in self.detailed:
            yield from person.periods


_ABSENT: Any = object()  # a finished person with no day in the peiljaar (streamed)


@attrs.frozen
class FteBasis:
    """What every fte of one assessment is measured against (R-FTE-2, R-FTE-3).

    Attributes:
        peiljaar: The peiljaar.
        fulltime: The full-time week used (cited): the cao's, or the rule default.
        cap: The most fte a person counts at any time (cited).
    """

    peiljaar: DateRange
    fulltime: Cited[Decimal]
    cap: Cited[Decimal]

    @classmethod
    def of(cls, peiljaar: DateRange, fulltime_hours: Decimal | None,
           rules: RuleSet) -> FteBasis:
        """The basis for an organisation's cao week (``None``: the rule default)."""
        default = rules.decimal("fulltime_hours_default")
        fulltime = (default if fulltime_hours is None else
                    attrs.evolve(default, value=fulltime_hours,
                                 note="the organisation's cao full-time week"))
        return cls(peiljaar, fulltime, rules.decimal("person_fte_cap"))

    @property
    def denominator(self) -> Fraction:
        """Full-time hours x days in the peiljaar: hours x days of 1.0 fte."""
        return Fraction(self.fulltime.value) * self.peiljaar.days

    @property
    def limit(self) -> tuple[int, int]:
        """The cap in hours a week, as ``(units, places)`` (:func:`decimal_units`)."""
        return decimal_units(Fraction(self.cap.value) * Fraction(self.fulltime.value))


class ExactSum:
    """An exact running sum of decimal quantities, as whole units of a power of ten.

    >>> s = ExactSum()
    >>> s.add(325, 1); s.add(40, 0)
    >>> s.value, s.units, s.places
    (Fraction(145, 2), 725, 1)
    """

    __slots__ = ("places", "scale", "units")

    def __init__(self) -> None:
        self.units = 0
        self.scale = 1
        self.places = 0

    def add(self, units: int, places: int) -> None:
        """Add ``units / 10**places``."""
        if places == self.places:
            self.units += units
            return
        if places > self.places:
            scale = 10**places
            self.units *= scale // self.scale
            self.scale, self.places = scale, places
            self.units += units
        else:
            self.units += units * (self.scale // 10**places)

    @property
    def value(self) -> HourDays:
        """The sum, exact."""
        return exact_hour_days(self.units, self.scale)


# A part of the workforce's hours x days: (contract type, entity named).
_Part = tuple[ContractType, "str | None"]


class _Tallies:
    """The workforce's hours x days by contract type and by entity, and its counts of persons.

    The figures of :attr:`Workforce.hour_days_by_contract`,
    :attr:`~Workforce.peildatum_contracts`, :attr:`~Workforce.hour_days_by_entity`
    and :attr:`~Workforce.persons_by_entities`, summed in whole units.
    """

    __slots__ = ("_named", "_one", "_ones", "_persons", "_persons_named", "_rest", "_sums")

    def __init__(self) -> None:
        # (contract, entity, decimal places) -> hours units x days
        self._sums: dict[tuple[ContractType, str | None, int], int] = {}
        # (contract type's name, entity, denominator) -> the numerators of the hours x
        # days that are not whole units (capped shares): one exact ratio per
        # denominator at the end, not a sum of ratios with ever larger ones
        self._rest: dict[tuple[str, str | None, int], int] = {}
        # People of one counted row: (entity, contract on the peildatum or None) -> persons
        self._one: dict[tuple[str | None, ContractType | None], int] = {}
        # ... gathered as (contract type's name, entity, decimal places) ->
        # [hours units x days, persons working on the peildatum, persons]
        self._ones: dict[tuple[str, str | None, int], list[int]] = {}
        # Everyone else: (entities, contracts on the peildatum) -> persons
        self._persons: Counter[tuple[frozenset[str | None], frozenset[ContractType]]] = Counter()
        # ... and the same by contract type name (an enum member's hash is a Python call)
        self._named: dict[tuple[str, str | None, int], int] = {}
        self._persons_named: Counter[tuple[frozenset[str | None], frozenset[str]]] = Counter()

    def one(self, e: Part, units: int, places: int, on_peildatum: bool) -> None:
        """A person whose one counted row has ``units / 10**places`` hours x days."""
        # Keyed by the contract type's name: an enum member's hash is a Python call.
        contract, entity = e.contract._name_, e.entity
        key = (contract, entity, places)
        ones = self._ones
        found = ones.get(key)
        if found is None:
            ones[key] = [units, 1 if on_peildatum else 0, 1]
        else:
            found[0] += units
            found[1] += on_peildatum
            found[2] += 1

    def hour_days(self, contract: ContractType, entity: str | None, places: int,
                  units: int) -> None:
        """Add hours x days (``units / 10**places``) of rows of one contract type and entity."""
        key = (contract._name_, entity, places)
        self._named[key] = self._named.get(key, 0) + units

    def persons(self, entity: str | None, working: ContractType | None, count: int) -> None:
        """Add ``count`` persons whose counted rows name one entity, working under ``working`` (or not) on the peildatum."""
        key = (entity, working)
        self._one[key] = self._one.get(key, 0) + count

    def person(self, rows: Iterable[tuple[Part, int | Fraction]], places: int,
               working: Iterable[ContractType]) -> None:
        """A person's counted rows with their hours x days (in ``10**-places``), and their contracts on the peildatum."""
        sums = self._named
        entities = set()
        for e, units in rows:
            entity = e.entity
            entities.add(entity)
            if isinstance(units, int):
                key = (e.contract._name_, entity, places)
                sums[key] = sums.get(key, 0) + units
            else:  # a capped share: summed as whole numerators per denominator
                key = (e.contract._name_, entity, units.denominator * 10**places)
                rest = self._rest
                rest[key] = rest.get(key, 0) + units.numerator
        if entities:
            self._persons_named[frozenset(entities), frozenset([c._name_ for c in working])] += 1

    def _fold_ones(self) -> None:
        """Move the tallies kept by contract type name into those by contract type."""
        sums, one = self._sums, self._one
        for (name, entity, places), (units, working, persons) in self._ones.items():
            contract = ContractType[name]
            key = (contract, entity, places)
            sums[key] = sums.get(key, 0) + units
            if working:
                one[entity, contract] = one.get((entity, contract), 0) + working
            if persons > working:
                one[entity, None] = one.get((entity, None), 0) + persons - working
        self._ones.clear()
        for (name, entity, places), units in self._named.items():
            key = (ContractType[name], entity, places)
            sums[key] = sums.get(key, 0) + units
        self._named.clear()
        for (entities, names), n in self._persons_named.items():
            self._persons[entities, frozenset(ContractType[c] for c in names)] += n
        self._persons_named.clear()

    def figures(self) -> dict[str, Any]:
        """The four figures, as :class:`Workforce` arguments."""
        self._fold_ones()
        exact: dict[_Part, HourDays] = {}
        for (contract, entity, places), units in self._sums.items():
            part = (contract, entity)
            exact[part] = exact.get(part, 0) + exact_hour_days(units, 10**places)
        for (name, entity, denominator), numerator in self._rest.items():
            part = (ContractType[name], entity)
            exact[part] = exact.get(part, 0) + Fraction(numerator, denominator)
        by_contract: dict[ContractType, HourDays] = {}
        by_entity: dict[str | None, HourDays] = {}
        for (contract, entity), value in exact.items():
            by_contract[contract] = by_contract.get(contract, 0) + value
            by_entity[entity] = by_entity.get(entity, 0) + value
        entities: Counter[frozenset[str | None]] = Counter()
        working: Counter[frozenset[ContractType]] = Counter()
        for (entity, on_peildatum), n in self._one.items():
            entities[frozenset((entity,))] += n
            if on_peildatum is not None:
                working[frozenset((on_peildatum,))] += n
        for (named, on), n in self._persons.items():
            entities[named] += n
            if on:
                working[on] += n
        return {"hour_days_by_contract": {c: _whole(v) for c, v in by_contract.items()},
                "peildatum_contracts": dict(working),
                "hour_days_by_entity": {e: _whole(v) for e, v in by_entity.items()},
                "persons_by_entities": dict(entities)}


def _whole(value: HourDays) -> HourDays:
    """An exact value as ``int`` when it is whole (integer sums are faster)."""
    if isinstance(value, Fraction) and value.denominator == 1:
        return value.numerator
    return value


class Sources(Sequence[str | None]):
    """The source of each row, two bytes a row (an index into the few sources).

    Args:
        names: The distinct sources (``None``: the organisation itself).
        index: Each row's position in ``names``.
    """

    def __init__(self, names: Sequence[str | None] = (None,), index: Iterable[int] = ()) -> None:
        self._names: list[str | None] = list(names)
        self._index = array("H", index)

    def add(self, source: str | None) -> None:
        """Add a row read from ``source``."""
        try:
            i = self._names.index(source)
        except ValueError:
            i = len(self._names)
            self._names.append(source)
        self._index.append(i)

    @property
    def indices(self) -> array[int]:
        """Each row's position among the distinct sources (append one to add a row)."""
        return self._index

    def __len__(self) -> int:
        return len(self._index)

    @overload
    def __getitem__(self, i: int) -> str | None: ...
    @overload
    def __getitem__(self, i: slice) -> list[str | None]: ...
    def __getitem__(self, i: int | slice) -> str | list[str | None] | None:
        if isinstance(i, slice):
            return [self._names[k] for k in self._index[i]]
        return self._names[self._index[i]]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return list(self) == list(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"Sources({list(self)!r})"


class WorkforceBuilder:
    """Folds employment rows, in any order, into a :class:`Workforce`.

    Rows are grouped by person (a person's fte needs all their rows: the
    inflow default and the 1.0-fte cap look across them). A person is
    computed when :meth:`complete` says their last row has been added (the
    streaming reader knows it from a first pass over the file), or else at
    :meth:`build`; their rows are freed then. With ``detail=False`` (the
    streaming path for large payrolls) only what the result needs is kept:
    rows without a day in the peiljaar are counted and dropped (their start
    still sets the person's inflow default), and a person without a
    target-group row in the peiljaar keeps their figures, not their rows.
    """

    def __init__(self, *, peiljaar: DateRange, fulltime_hours: Decimal | None,
                 rules: RuleSet, detail: bool = True) -> None:
        self.basis = FteBasis.of(peiljaar, fulltime_hours, rules)
        self.fulltime = self.basis.fulltime
        self.peiljaar = peiljaar
        self.rules = rules
        self.detail = detail
        self._calc = PersonCalc(self.basis, rules)
        # Every person in order of first appearance: their result once complete
        # (a PersonFte, or the position of their figures among the summarised).
        self._persons: dict[str, PersonFte | int | None] = {}
        # Summarised people's figures, in order of completion:
        # (name, hours units, decimal places, capped, rows, on the peildatum).
        self._summaries: list[tuple[str, int, int, bool, int, bool]] = []
        # Open persons: [first start of any row, (row, employment), ...]
        self._open: dict[str, list[Any]] = {}
        self._outside = array("q")
        self._outside_sources = Sources()
        self._outside_index = self._outside_sources.indices
        self._outside_last: str | None = None  # the source of the last outside row
        self._read = 0
        self._p0, self._p1 = peiljaar.start, peiljaar.end

    def add(self, row: int, employment: EmploymentLike) -> None:
        """Fold in one row (``row`` is its number, for the explanation)."""
        self.add_rows(row, (employment,))

    def add_rows(self, first: int, rows: Sequence[EmploymentLike]) -> None:
        """Fold in rows numbered ``first``, ``first + 1``, ...: :meth:`add` of each, in one call."""
        opened, persons = self._open, self._persons
        p0, p1 = self._p0, self._p1
        outside, index, detail = self._outside, self._outside_index, self.detail
        read = self._read
        try:
            for row, employment in enumerate(rows, first):
                read += 1
                person = employment.person
                start = employment.start
                entry = opened.get(person)
                if entry is None:
                    if persons.get(person) is not None:
                        raise ValueError(f"person {person!r} was completed before this row")
                    persons[person] = None
                    entry = opened[person] = [start]
                elif start < entry[0]:
                    entry[0] = start
                end = employment.end
                if start <= p1 and (end is None or end >= p0):
                    entry.append((row, employment))
                else:
                    outside.append(row)
                    source = employment.source
                    if source is self._outside_last and index:
                        index.append(index[-1])
                    else:
                        self._outside_sources.add(source)
                        self._outside_last = source
                    if detail:
                        entry.append((row, employment))
        finally:
            self._read = read

    def completed(self, person: str) -> bool:
        """Whether ``person`` was computed already (no more rows of theirs can be added)."""
        return self._persons.get(person) is not None

    def complete(self, person: str) -> None:
        """Compute ``person`` now: no more rows of theirs will be added."""
        entry = self._open.pop(person, None)
        if entry is None:
            return
        if len(entry) == 1:
            self._persons[person] = _ABSENT  # only rows outside the peiljaar: counted
            return
        first_start = entry[0]
        rows = entry
        del rows[0]
        if not self.detail and ((len(rows) == 1 and rows[0][1].target_group is None)
                                or all(e.target_group is None for _, e in rows)):
            summaries = self._summaries
            self._persons[person] = len(summaries)
            summaries.append((person, *self._calc.summary(rows)))
        else:
            self._persons[person] = self._calc.detailed(person, rows, first_start)

    def build(self) -> Workforce:
        """The workforce of every row added."""
        for person in list(self._open):
            self.complete(person)
        detailed: list[PersonFte] = []
        at: list[int] = []
        summarised: list[int] = []
        absent = 0
        for result in self._persons.values():
            if result is _ABSENT:
                absent += 1
            elif isinstance(result, int):
                summarised.append(result)
            elif result is not None:
                at.append(len(at) + len(summarised))
                detailed.append(result)
        # Notices in the order of the persons, whenever they were completed.
        order = {n: None for p in detailed for q in p.periods for n in q.counting.notices}
        persons: Sequence[PersonFte] = tuple(detailed)
        if summarised:
            figures = [self._summaries[i] for i in summarised]
            places = max(f[2] for f in figures)
            persons = Persons(detailed, at, Summaries(
                [f[0] for f in figures], range(len(figures)),
                [f[1] * 10 ** (places - f[2]) for f in figures], 10**places,
                self._calc.denominator, [f[3] for f in figures], [f[4] for f in figures],
                [f[5] for f in figures]))
        return Workforce(peiljaar=self.peiljaar, fulltime_hours=self.fulltime,
                         persons=persons, rows_read=self._read,
                         rows_outside=self._outside, cited=(self.fulltime, self.basis.cap),
                         notices=tuple(order), denominator=self._calc.denominator,
                         absent_persons=absent, rows_outside_sources=self._outside_sources,
                         hour_days=self._calc.total.value, **self._calc.tallies.figures())


def workforce(
    employments: Iterable[EmploymentLike],
    *,
    peiljaar: DateRange,
    fulltime_hours: Decimal | None,
    rules: RuleSet,
) -> Workforce:
    """Compute every person's fte and counting window over the peiljaar.

    Args:
        employments: Every employment row (any order; rows of one person may
            be split or concurrent).
        peiljaar: The validated peiljaar.
        fulltime_hours: The cao full-time week, or ``None`` for the rule default.
        rules: The rules in force.
    """
    builder = WorkforceBuilder(peiljaar=peiljaar, fulltime_hours=fulltime_hours, rules=rules)
    for i, e in enumerate(employments, start=1):
        # A row read from a file keeps its number there (Employment.row).
        number = e.row if isinstance(e, Employment) and e.row is not None else i
        builder.add(number, e)
    return builder.build()


# A row inside the peiljaar, as the computation sees it:
# (index among the person's rows, first day, last day (day numbers), hours in units).
_Span = tuple[int, int, int, int]


class PersonCalc:
    """The per-person computation of R-FTE-3 and R-TG-0, in integers, with small caches.

    One per workforce: it keeps the workforce's running total
    (:attr:`total`) and its tallies by contract type and entity, which every
    person it computes adds to. :class:`WorkforceBuilder` hands it each
    person's rows; the pure-Python columnar engine
    (:mod:`psoladder.columnar.pure`) hands it the people its own loop does
    not sum, so both engines share this code.

    Args:
        basis: The peiljaar, full-time week and cap.
        rules: The rules in force.
    """

    def __init__(self, basis: FteBasis, rules: RuleSet) -> None:
        peiljaar = basis.peiljaar
        self.p0, self.p1 = peiljaar.start.toordinal(), peiljaar.end.toordinal()
        self.denominator = basis.denominator
        self.rules = rules
        self.limit = basis.limit
        self.total = ExactSum()
        self._hours: dict[Decimal, tuple[int, int]] = {}
        self._countings: dict[Hashable, tuple[Counting, int, int]] = {}
        #: The contract types left out of total fte (R-CT-6).
        self.excluded = frozenset(c for c, ct in rules.contract_types.items() if ct.excluded)
        # (a tuple: membership by identity, without the enum's hash, a Python call)
        self._left_out = tuple(self.excluded)
        # The workforce's totals by contract type and entity (see Workforce).
        self.tallies = _Tallies()

    def _units(self, hours: Decimal) -> tuple[int, int]:
        units = self._hours.get(hours)
        if units is None:
            units = self._hours[hours] = decimal_units(hours)
        return units

    def _counting(self, e: EmploymentLike, inflow: dt.date) -> tuple[Counting, int, int]:
        """The row's counting and its window as day numbers (empty when there is none).

        The rule code runs once per distinct case (:func:`counting_key`).
        """
        key = counting_key(e, inflow, self.rules)
        found = self._countings.get(key)
        if found is None:
            c = counting(e, inflow=inflow, rules=self.rules)
            w = c.window
            found = self._countings[key] = (
                (c, 1, 0) if w is None else (c, w.start.toordinal(), w.end.toordinal()))
        return found

    def _spans(self, rows: list[tuple[int, EmploymentLike]]) -> tuple[list[_Span], int]:
        """The rows' days in the peiljaar, and the decimal places that make all hours whole."""
        p0, p1 = self.p0, self.p1
        places = self.limit[1]
        found: list[tuple[int, int, int, int, int]] = []
        for i, (_, e) in enumerate(rows):
            if e.contract in self.excluded:
                continue
            first = e.start.toordinal()
            last = p1 if e.end is None else min(e.end.toordinal(), p1)
            first = max(first, p0)
            if first > last:
                continue
            units, p = self._units(e.hours_per_week)
            places = max(places, p)
            found.append((i, first, last, units, p))
        spans = [(i, a, b, u * 10 ** (places - p)) for i, a, b, u, p in found]
        return spans, places

    def summary(self, rows: list[tuple[int, EmploymentLike]]) -> tuple[int, int, bool, int, bool]:
        """A person outside the target groups, without row details, in integers.

        Hours units and their decimal places, capped, rows, on the peildatum.
        """
        p0, p1 = self.p0, self.p1
        places = self.limit[1]
        left_out, known = self._left_out, self._hours
        # first day, last day, hours units, their places, the row
        spans: list[tuple[int, int, int, int, EmploymentLike]] = []
        for _, e in rows:
            if e.contract in left_out:
                continue
            # A row given to the builder has a day in the peiljaar.
            first = e.start.toordinal()
            if first < p0:
                first = p0
            end = e.end
            if end is None:
                last = p1
            else:
                last = end.toordinal()
                if last > p1:
                    last = p1
            weekly = e.hours_per_week
            found = known.get(weekly)
            units, p = found if found is not None else self._units(weekly)
            if p > places:
                places = p
            spans.append((first, last, units, p, e))
        whole = [(a, b, u * 10 ** (places - q) if q < places else u, e)
                 for a, b, u, q, e in spans]
        return self.summarise(whole, places, len(rows))

    def summarise(self, spans: Sequence[tuple[int, int, int, Part]], places: int,
                  rows: int) -> tuple[int, int, bool, int, bool]:
        """:meth:`summary` of a person given as the days of their rows counted in total fte.

        Args:
            spans: Per row in the peiljaar and counted in total fte (R-CT-6):
                its first and last day in the peiljaar (day numbers), its hours
                in units of ``10**-places``, and the row, or any object with
                its ``contract`` and ``entity``.
            places: The decimal places of the hours units (at least the cap's).
            rows: The person's rows in the peiljaar, counted or not.

        Returns:
            Hours units x days and their decimal places, capped, rows, on the peildatum.
        """
        p1 = self.p1
        limit = self.limit[0] * 10 ** (places - self.limit[1])
        if len(spans) == 1:  # the common case, without the sweep
            first, last, hours, e = spans[0]
            capped = hours > limit
            total = (last - first + 1) * (limit if capped else hours)
            on_peildatum = last == p1
            self.tallies.one(e, total, places, on_peildatum)
        else:
            whole = [(i, a, b, h) for i, (a, b, h, _) in enumerate(spans)]
            total, capped = capped_total(whole, limit)
            on_peildatum = any(span[1] == p1 for span in spans)
            rows_of = [span[3] for span in spans]
            shares: list[int | Fraction]
            one = rows_of[0] if rows_of else None
            if one is None:  # every row left out of total fte (R-CT-6)
                shares = []
            elif all(e.contract is one.contract and e.entity == one.entity for e in rows_of):
                shares = [total]  # one contract and entity: no split
                rows_of = rows_of[:1]
            elif capped:
                shares = _row_units(whole, limit)
            else:  # no day above the cap: each row counts its own hours
                shares = [(b - a + 1) * h for _, a, b, h in whole]
            self.tallies.person(zip(rows_of, shares, strict=True), places,
                                [span[3].contract for span in spans if span[1] == p1])
        self.total.add(total, places)
        return total, places, capped, rows, on_peildatum

    def detailed(self, person: str, rows: list[tuple[int, EmploymentLike]],
                 first_start: dt.date) -> PersonFte:
        """A person with every row's fte, counted days and counting window.

        Args:
            person: The person's identifier.
            rows: Their rows in the peiljaar (every row, with detail), each
                with its row number.
            first_start: The first start of any of their rows (the default
                inflow date).
        """
        spans, places = self._spans(rows)
        scale = 10**places
        limit = self.limit[0] * 10 ** (places - self.limit[1])
        n = len(rows)
        countings = [self._counting(e, e.inflow or first_start) for _, e in rows]
        days = [0] * n
        hour_units: list[int | Fraction] = [0] * n
        counted_units: list[int | Fraction] = [0] * n
        counted_days = [0] * n
        capped_days = [0] * n
        for i, a, b, _ in spans:
            days[i] = b - a + 1
            _, ws, we = countings[i]
            counted_days[i] = max(0, min(b, we) - max(a, ws) + 1)
        if not _overlap(spans):
            for i, _, _, h in spans:
                if h > limit:
                    h = limit
                    capped_days[i] = days[i]
                hour_units[i] = days[i] * h
                counted_units[i] = counted_days[i] * h
        else:
            windows = []
            for i, a, b, _ in spans:
                _, ws, we = countings[i]
                first, last = max(a, ws), min(b, we)
                windows.append((first, last) if first <= last else None)
            _share_capped_hours(spans, windows, limit, hour_units, counted_units, capped_days)
        units, _ = capped_total(spans, limit)
        self.total.add(units, places)
        self.tallies.person([(rows[i][1], hour_units[i]) for i, _, _, _ in spans], places,
                            [rows[i][1].contract for i, _, b, _ in spans if b == self.p1])
        d = self.denominator
        excluded = self.excluded
        weighted = _ZERO
        periods = []
        for i, (row, e) in enumerate(rows):
            c = countings[i][0]
            counted = counted_units[i]
            if counted and c.weight:
                weighted += counted * c.weight
            periods.append(PeriodFte(
                row, e, e.inflow or first_start, days[i], exact_hour_days(hour_units[i], scale),
                counted_days[i], exact_hour_days(counted, scale), d, c, e.contract in excluded,
                capped_days[i], e.source))
        return PersonFte(person, tuple(periods), exact_hour_days(units, scale), d,
                         weighted / scale / d if weighted else _ZERO, any(capped_days), n,
                         any(b == self.p1 for _, _, b, _ in spans))


def _overlap(spans: list[_Span]) -> bool:
    """Whether two rows share a day."""
    if len(spans) < 2:
        return False
    ordered = sorted((a, b) for _, a, b, _ in spans)
    return any(ordered[j + 1][0] <= ordered[j][1] for j in range(len(ordered) - 1))


def capped_total(spans: list[_Span], limit: int) -> tuple[int, bool]:
    """Hours x days of one person, at most ``limit`` hours on any day, and whether it bit (R-FTE-3).

    ``spans`` are the person's rows counted in total fte: ``(index, first day,
    last day, hours units)``, days as day numbers, in any order.

    >>> capped_total([(0, 0, 9, 30), (1, 5, 14, 20)], 40)  # 5 x 30 + 5 x 40 + 5 x 20
    (450, True)
    """
    ordered = sorted(spans, key=lambda span: span[1])
    total = 0
    capped = False
    reach = -1
    for _, a, b, h in ordered:
        if a <= reach:
            break  # concurrent rows: sweep below
        reach = b
        if h > limit:
            h, capped = limit, True
        total += (b - a + 1) * h
    else:
        return total, capped
    # Concurrent rows: sweep the days where the sum of hours changes.
    events = sorted([(a, h) for _, a, _, h in spans] + [(b + 1, -h) for _, _, b, h in spans])
    total = level = 0
    capped = False
    for (day, delta), (following, _) in itertools.pairwise(events):
        level += delta
        if following > day:
            if level > limit:
                total += (following - day) * limit
                capped = True
            else:
                total += (following - day) * level
    return total, capped


def _row_units(spans: list[_Span], limit: int) -> list[int | Fraction]:
    """Each row's hours units x days after the cap, in the order of ``spans``."""
    if not _overlap(spans):
        return [(b - a + 1) * min(h, limit) for _, a, b, h in spans]
    units: list[int | Fraction] = [0] * len(spans)
    numbered = [(k, a, b, h) for k, (_, a, b, h) in enumerate(spans)]
    _share_capped_hours(numbered, [None] * len(spans), limit, units, [0] * len(spans),
                        [0] * len(spans))
    return units


def _share_capped_hours(spans: list[_Span], windows: Sequence[tuple[int, int] | None],
                        limit: int, hour_units: list[int | Fraction],
                        counted_units: list[int | Fraction], capped_days: list[int]) -> None:
    """Each concurrent row's share of its person's hours, capped day by day (R-FTE-3).

    ``windows`` holds each span's counted days (first, last), if any.
    """
    # Split the peiljaar where the set of active rows or a window changes; on
    # each piece the hours are constant, so the cap and the window are too.
    # A row is active on a run of consecutive pieces, so its sums are
    # differences of running sums over the pieces: the work grows with
    # rows + pieces, not rows x pieces, however many rows overlap (#16).
    cuts: set[int] = set()
    for (_, a, b, _), w in zip(spans, windows, strict=True):
        cuts.update((a, b + 1))
        if w is not None:
            cuts.update((w[0], w[1] + 1))
    points = sorted(cuts)
    index = {day: k for k, day in enumerate(points)}
    change = [0] * len(points)  # total hours, as differences
    for _, a, b, h in spans:
        change[index[a]] += h
        change[index[b + 1]] -= h
    levels = list(itertools.accumulate(change[:-1]))
    # Running sums at each cut point: days scaled by the cap (in whole units
    # of 1 / scale, the least common multiple of the levels above the cap:
    # integer sums, one exact ratio per row), and capped days.
    scale = math.lcm(*(level for level in levels if level > limit))
    scaled = [0]
    capped_run = [0]
    for k, level in enumerate(levels):
        days = points[k + 1] - points[k]
        if level > limit:
            scaled.append(scaled[-1] + days * limit * (scale // level))
            capped_run.append(capped_run[-1] + days)
        else:
            scaled.append(scaled[-1] + days * scale)
            capped_run.append(capped_run[-1])
    for (i, a, b, h), w in zip(spans, windows, strict=True):
        s, e = index[a], index[b + 1]
        hour_units[i] = exact_hour_days(h * (scaled[e] - scaled[s]), scale)
        capped_days[i] = capped_run[e] - capped_run[s]
        if w is not None:
            s, e = index[w[0]], index[w[1] + 1]
            counted_units[i] = exact_hour_days(h * (scaled[e] - scaled[s]), scale)
