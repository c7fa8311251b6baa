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

import datetime as dt
import functools
import itertools
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, overload

import attrs

from psoladder.model import ContractType, Employment, EmploymentLike, TargetGroup
from psoladder.periods import FOREVER, DateRange
from psoladder.rules import Cited, Notice, RuleSet
from psoladder.targetgroups import Counting, counting

__all__ = ["EmploymentLike", "PeriodFte", "PersonFte", "Row", "Workforce", "WorkforceBuilder",
           "workforce"]

_ONE_DAY = dt.timedelta(days=1)
_ZERO = Fraction(0)

#: Hours per week x days: a whole number in the common case of whole hours,
#: kept as ``int`` because integer sums are much faster than ``Fraction`` ones.
HourDays = int | Fraction


_EXTRA = ("inflow", "status_until", "school_left", "ww_since", "status_lost", "placement_start",
          "registered", "disabled_in_service", "entity")


class Row:
    """A validated employment row in compact form (for large payrolls).

    Holds the same values as :class:`~psoladder.model.Employment`, which
    validated them; the rarely used fields live in one optional mapping.
    """

    __slots__ = ("_extra", "contract", "end", "hours_per_week", "person", "source", "start",
                 "target_group")

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
    entity = property(lambda self: self._get("entity"))

    @property
    def period(self) -> DateRange:
        """The period as an inclusive range (open end = far future)."""
        return DateRange(self.start, self.end if self.end is not None else FOREVER)


@attrs.frozen
class PeriodFte:
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
    denominator: Fraction = attrs.field(repr=False)
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


@attrs.frozen
class PersonFte:
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
    denominator: Fraction = attrs.field(repr=False)
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


@attrs.frozen
class Workforce:
    """Everyone working at the applicant in the peiljaar, with their fte.

    Attributes:
        peiljaar: The peiljaar.
        fulltime_hours: The full-time week used (cited).
        persons: Each person's fte, in order of first appearance.
        rows_read: Number of employment rows given.
        rows_outside: Row numbers with no day in the peiljaar (counted 0).
        cited: Rule values used.
        notices: Warnings raised (conservative values used).
        denominator: Full-time hours x days in the peiljaar (the unit of
            ``PersonFte.hour_days``).
        absent_persons: Persons whose rows all lie outside the peiljaar, when
            they are counted instead of kept (streamed payrolls).
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
    persons: tuple[PersonFte, ...]
    rows_read: int
    rows_outside: Sequence[int]
    cited: tuple[Cited[Any], ...]
    notices: tuple[Notice, ...]

    denominator: Fraction = attrs.field(repr=False)
    absent_persons: int = 0
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
        return Fraction(sum(p.hour_days for p in self.persons)) / self.denominator

    @property
    def periods(self) -> Iterator[PeriodFte]:
        """Every kept row's result."""
        for person in self.persons:
            yield from person.periods


_ABSENT: Any = object()  # a finished person with no day in the peiljaar (streamed)


class _Sources(Sequence[str | None]):
    """The source of each row, two bytes a row (an index into the few sources)."""

    def __init__(self) -> None:
        self._names: list[str | None] = [None]
        self._index = array("H")

    def add(self, source: str | None) -> None:
        try:
            i = self._names.index(source)
        except ValueError:
            i = len(self._names)
            self._names.append(source)
        self._index.append(i)

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
        default = rules.decimal("fulltime_hours_default")
        self.fulltime = (default if fulltime_hours is None else
                         attrs.evolve(default, value=fulltime_hours,
                                      note="the organisation's cao full-time week"))
        self.peiljaar = peiljaar
        self.rules = rules
        self.detail = detail
        self._cap = rules.decimal("person_fte_cap")
        self._calc = _PersonCalc(peiljaar, Fraction(self.fulltime.value),
                                 Fraction(self._cap.value), rules)
        # Every person in order of first appearance: their result once complete.
        self._persons: dict[str, PersonFte | None] = {}
        # Open persons: [first start of any row, (row, employment), ...]
        self._open: dict[str, list[Any]] = {}
        self._outside = array("q")
        self._outside_sources = _Sources()
        self._read = 0
        self._p0, self._p1 = peiljaar.start, peiljaar.end

    def add(self, row: int, employment: EmploymentLike) -> None:
        """Fold in one row (``row`` is its number, for the explanation)."""
        self._read += 1
        person = employment.person
        entry = self._open.get(person)
        if entry is None:
            if self._persons.get(person) is not None:
                raise ValueError(f"person {person!r} was completed before this row")
            self._persons[person] = None
            entry = self._open[person] = [employment.start]
        elif employment.start < entry[0]:
            entry[0] = employment.start
        end = employment.end
        if employment.start <= self._p1 and (end is None or end >= self._p0):
            entry.append((row, employment))
        else:
            self._outside.append(row)
            self._outside_sources.add(employment.source)
            if self.detail:
                entry.append((row, employment))

    def complete(self, person: str) -> None:
        """Compute ``person`` now: no more rows of theirs will be added."""
        entry = self._open.pop(person, None)
        if entry is None:
            return
        first_start, *rows = entry
        if not rows:
            self._persons[person] = _ABSENT  # only rows outside the peiljaar: counted
            return
        calc = self._calc
        result = None
        if not self.detail and all(e.target_group is None for _, e in rows):
            result = calc.plain(person, rows)
        if result is None:
            result = calc.person(person, rows, first_start, self.detail)
        self._persons[person] = result

    def build(self) -> Workforce:
        """The workforce of every row added."""
        for person in list(self._open):
            self.complete(person)
        persons: list[PersonFte] = []
        absent = 0
        for result in self._persons.values():
            if result is _ABSENT:
                absent += 1
            elif result is not None:
                persons.append(result)
        # Notices in the order of the persons, whenever they were completed.
        order = {n: None for p in persons for q in p.periods for n in q.counting.notices}
        return Workforce(peiljaar=self.peiljaar, fulltime_hours=self.fulltime,
                         persons=tuple(persons), rows_read=self._read,
                         rows_outside=self._outside, cited=(self.fulltime, self._cap),
                         notices=tuple(order), denominator=self._calc.denominator,
                         absent_persons=absent, rows_outside_sources=self._outside_sources,
                         hour_days_by_contract=dict(self._calc.by_contract),
                         peildatum_contracts=dict(self._calc.on_peildatum),
                         hour_days_by_entity=dict(self._calc.by_entity),
                         persons_by_entities=dict(self._calc.persons_by_entities))


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


class _PersonCalc:
    """The per-person computation of R-FTE-3 and R-TG-0, with small caches."""

    def __init__(self, peiljaar: DateRange, fulltime: Fraction, cap: Fraction,
                 rules: RuleSet) -> None:
        self.peiljaar = peiljaar
        self.n_days = peiljaar.days
        self.denominator = fulltime * self.n_days
        limit = cap * fulltime
        self.limit: HourDays = limit.numerator if limit.denominator == 1 else limit
        self.rules = rules
        self._hours: dict[Decimal, HourDays] = {}
        self._plain: dict[ContractType, Counting] = {}
        self._excluded = {c for c, ct in rules.contract_types.items() if ct.excluded}
        # Workforce totals by contract type (see Workforce.hour_days_by_contract).
        self.by_contract: dict[ContractType, HourDays] = {}
        self.on_peildatum: Counter[frozenset[ContractType]] = Counter()
        # ... and by the entity the rows name (Workforce.hour_days_by_entity, issue 15).
        self.by_entity: dict[str | None, HourDays] = {}
        self.persons_by_entities: Counter[frozenset[str | None]] = Counter()

    def _tally(self, rows: Iterable[tuple[EmploymentLike, HourDays]],
               on_peildatum: Iterable[ContractType]) -> None:
        """Add one person's hour-days by contract and entity, and their contracts on the peildatum."""
        by_contract = self.by_contract
        by_entity = self.by_entity
        entities = set()
        for e, hour_days in rows:
            contract = e.contract
            by_contract[contract] = by_contract.get(contract, 0) + hour_days
            entity = e.entity
            by_entity[entity] = by_entity.get(entity, 0) + hour_days
            entities.add(entity)
        if entities:
            self.persons_by_entities[frozenset(entities)] += 1
        working = frozenset(on_peildatum)
        if working:
            self.on_peildatum[working] += 1

    def _fraction(self, hours: Decimal) -> HourDays:
        value = self._hours.get(hours)
        if value is None:
            exact = Fraction(hours)
            value = self._hours[hours] = (exact.numerator if exact.denominator == 1
                                          else exact)
        return value

    def _alone(self, hours_per_week: Decimal) -> tuple[HourDays, bool]:
        """Hours of a contract on days without another one: at most full time (R-FTE-3)."""
        hours = self._fraction(hours_per_week)
        return (self.limit, True) if hours > self.limit else (hours, False)

    def _counting(self, e: EmploymentLike, inflow: dt.date) -> Counting:
        if e.target_group is None:
            # Outside the target groups the result depends on the contract only.
            plain = self._plain.get(e.contract)
            if plain is None:
                plain = self._plain[e.contract] = counting(e, inflow=inflow, rules=self.rules)
            return plain
        return counting(e, inflow=inflow, rules=self.rules)

    def plain(self, person: str, rows: list[tuple[int, EmploymentLike]]) -> PersonFte | None:
        """A summarised person outside the target groups whose rows do not overlap.

        The common case, computed without building row results; ``None`` when
        rows overlap (then :meth:`person` applies the cap day by day).
        """
        spans = []
        for _, e in rows:
            if e.contract not in self._excluded:
                span = self.peiljaar.intersect(e.period)
                if span is not None:
                    spans.append((span, e.hours_per_week, e))
        spans.sort(key=lambda item: item[0].start)
        hour_days: HourDays = 0
        capped = False
        previous_end = None
        contracts: list[tuple[EmploymentLike, HourDays]] = []
        for span, hours_per_week, e in spans:
            if previous_end is not None and span.start <= previous_end:
                return None
            previous_end = span.end
            h, over = self._alone(hours_per_week)
            capped = capped or over
            hour_days += span.days * h
            contracts.append((e, span.days * h))
        self._tally(contracts,
                    [spans[-1][2].contract] if previous_end == self.peiljaar.end else ())
        return PersonFte(person=person, periods=(), hour_days=hour_days,
                         denominator=self.denominator,
                         weighted_fte=_ZERO, capped=capped, rows=len(rows),
                         on_peildatum=previous_end == self.peiljaar.end)

    def _single_plain(self, person: str, row: int, e: EmploymentLike,
                      first_start: dt.date) -> PersonFte:
        """One row outside the target groups: nothing counts as target-group work."""
        inflow = e.inflow or first_start
        excluded = e.contract in self._excluded
        span = None if excluded else self.peiljaar.intersect(e.period)
        hour_days: HourDays = 0
        capped_days = 0
        if span is not None:
            h, over = self._alone(e.hours_per_week)
            hour_days = span.days * h
            capped_days = span.days if over else 0
        d = self.denominator
        on_peildatum = span is not None and span.end == self.peiljaar.end
        self._tally([(e, hour_days)] if span is not None else (),
                    [e.contract] if on_peildatum else ())
        period = PeriodFte(row=row, employment=e, inflow=inflow,
                           days=0 if span is None else span.days, hour_days=hour_days,
                           counted_days=0, counted_hour_days=0, denominator=d,
                           counting=self._counting(e, inflow), excluded=excluded,
                           capped_days=capped_days, source=e.source)
        return PersonFte(person=person, periods=(period,), hour_days=hour_days, denominator=d,
                         weighted_fte=_ZERO, capped=capped_days > 0, rows=1,
                         on_peildatum=on_peildatum)

    def person(self, person: str, rows: list[tuple[int, EmploymentLike]], first_start: dt.date,
               detail: bool) -> PersonFte:
        if len(rows) == 1 and rows[0][1].target_group is None:
            return self._single_plain(person, *rows[0], first_start)
        peiljaar = self.peiljaar
        clipped: list[DateRange | None] = []
        countings: list[tuple[dt.date, Counting]] = []
        for _, e in rows:
            inflow = e.inflow or first_start
            countings.append((inflow, self._counting(e, inflow)))
            clipped.append(None if e.contract in self._excluded
                           else peiljaar.intersect(e.period))
        hours = [self._fraction(e.hours_per_week) for _, e in rows]
        n = len(rows)
        hour_days: list[HourDays] = [0] * n
        counted_hour_days: list[HourDays] = [0] * n
        counted_days = [0] * n
        capped_days = [0] * n
        spans = [c for c in clipped if c is not None]
        overlapping = len(spans) > 1 and any(
            a.end >= b.start for a, b in itertools.pairwise(sorted(spans)))
        if not overlapping:
            # No concurrent rows: each row alone, capped at full time if above it.
            for i, (span, (_, e)) in enumerate(zip(clipped, rows, strict=True)):
                if span is None:
                    continue
                h, over = self._alone(e.hours_per_week)
                if over:
                    capped_days[i] = span.days
                hour_days[i] = span.days * h
                window = countings[i][1].window
                inside = span.intersect(window) if window is not None else None
                if inside is not None:
                    counted_days[i] = inside.days
                    counted_hour_days[i] = inside.days * h
        else:
            self._concurrent(clipped, countings, hours, hour_days, counted_hour_days,
                             counted_days, capped_days)
        d = self.denominator
        periods = tuple(
            PeriodFte(row=row, employment=e, inflow=countings[i][0],
                      days=0 if (span := clipped[i]) is None else span.days,
                      hour_days=hour_days[i], counted_days=counted_days[i],
                      counted_hour_days=counted_hour_days[i], denominator=d,
                      counting=countings[i][1],
                      excluded=e.contract in self._excluded, capped_days=capped_days[i],
                      source=e.source)
            for i, (row, e) in enumerate(rows))
        total_hour_days = hour_days[0] if n == 1 else sum(hour_days)
        weighted = sum((p.weighted_fte for p in periods if p.counted_days), _ZERO)
        end = peiljaar.end
        working = [e.contract for c, (_, e) in zip(clipped, rows, strict=True)
                   if c is not None and end in c]
        on_peildatum = bool(working)
        self._tally(((e, hour_days[i]) for i, (_, e) in enumerate(rows)
                     if clipped[i] is not None), working)
        keep = detail or any(e.target_group is not None for _, e in rows)
        return PersonFte(person=person, periods=periods if keep else (),
                         hour_days=total_hour_days, denominator=d,
                         weighted_fte=weighted, capped=any(capped_days), rows=n,
                         on_peildatum=on_peildatum)

    def _concurrent(self, clipped: list[DateRange | None],
                    countings: list[tuple[dt.date, Counting]], hours: list[HourDays],
                    hour_days: list[HourDays], counted_hour_days: list[HourDays],
                    counted_days: list[int], capped_days: list[int]) -> None:
        # Split the peiljaar where the set of active rows or a window changes; on
        # each piece the hours are constant, so the cap and the window are too.
        # A row is active on a run of consecutive pieces, so its sums are
        # differences of running sums over the pieces: the work grows with
        # rows + pieces, not rows x pieces, however many rows overlap (#16).
        windows: list[DateRange | None] = []
        cuts: set[dt.date] = set()
        for (_, c), span in zip(countings, clipped, strict=True):
            w = span.intersect(c.window) if span is not None and c.window is not None else None
            windows.append(w)
            if span is not None:
                cuts.update((span.start, span.end + _ONE_DAY))
            if w is not None:
                cuts.update((w.start, w.end + _ONE_DAY))
        points = sorted(cuts)
        index = {day: k for k, day in enumerate(points)}
        change: list[HourDays] = [0] * len(points)  # total hours, as differences
        for span, h in zip(clipped, hours, strict=True):
            if span is not None:
                change[index[span.start]] += h
                change[index[span.end + _ONE_DAY]] -= h
        limit = Fraction(self.limit)
        # Running sums at each cut point: days scaled by the cap, capped days, days.
        scaled: list[HourDays] = [0]
        capped_run = [0]
        days_run = [0]
        total: HourDays = 0
        for k, (a, b) in enumerate(itertools.pairwise(points)):
            total += change[k]
            days = (b - a).days
            over = total > self.limit
            scaled.append(scaled[-1] + (days * limit / total if over else days))
            capped_run.append(capped_run[-1] + (days if over else 0))
            days_run.append(days_run[-1] + days)
        for i, span in enumerate(clipped):
            if span is None:
                continue
            s, e = index[span.start], index[span.end + _ONE_DAY]
            hour_days[i] = _whole(hours[i] * (scaled[e] - scaled[s]))
            capped_days[i] = capped_run[e] - capped_run[s]
            w = windows[i]
            if w is not None:
                s, e = index[w.start], index[w.end + _ONE_DAY]
                counted_hour_days[i] = _whole(hours[i] * (scaled[e] - scaled[s]))
                counted_days[i] = days_run[e] - days_run[s]


def _whole(value: HourDays) -> HourDays:
    """An exact value as ``int`` when it is whole (integer sums are faster)."""
    if isinstance(value, Fraction) and value.denominator == 1:
        return value.numerator
    return value
