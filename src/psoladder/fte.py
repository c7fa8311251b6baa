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
import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from psoladder.model import Employment
from psoladder.periods import DateRange
from psoladder.rules import Cited, Notice, RuleSet
from psoladder.targetgroups import Counting, counting

__all__ = ["PeriodFte", "PersonFte", "Workforce", "workforce"]

_ONE_DAY = dt.timedelta(days=1)


@attrs.frozen
class PeriodFte:
    """The fte of one employment row in the peiljaar.

    Attributes:
        row: The row's 1-based position among the organisation's employments.
        employment: The row.
        inflow: The inflow date used for it (R-TG-0a).
        days: Days of the row inside the peiljaar.
        fte: Its fte (after the person cap of R-FTE-3).
        counted_days: Days inside both the peiljaar and the counting window.
        counted_fte: Unweighted fte of the counted days.
        counting: Its counting window, weight and reasons (R-TG-0).
        excluded: Left out of total fte (R-CT-6).
        capped_days: Days on which the person cap scaled the row down.
    """

    row: int
    employment: Employment
    inflow: dt.date
    days: int
    fte: Fraction
    counted_days: int
    counted_fte: Fraction
    counting: Counting
    excluded: bool
    capped_days: int

    @property
    def weighted_fte(self) -> Fraction:
        """``counted_fte x weight`` (R-TG-0)."""
        return self.counted_fte * self.counting.weight


@attrs.frozen
class PersonFte:
    """One person's fte over the peiljaar, the sum of their rows.

    Attributes:
        person: The person's identifier.
        periods: Their rows.
    """

    person: str
    periods: tuple[PeriodFte, ...]

    @property
    def fte(self) -> Fraction:
        """Total fte (at most 1.0 at any time, R-FTE-3)."""
        return sum((p.fte for p in self.periods), Fraction(0))

    @property
    def weighted_fte(self) -> Fraction:
        """Weighted target-group fte (R-TG-0)."""
        return sum((p.weighted_fte for p in self.periods), Fraction(0))

    @property
    def capped(self) -> bool:
        """Whether concurrent contracts were capped at 1.0 fte on some day."""
        return any(p.capped_days for p in self.periods)


@attrs.frozen
class Workforce:
    """Everyone working at the applicant in the peiljaar, with their fte.

    Attributes:
        peiljaar: The peiljaar.
        fulltime_hours: The full-time week used (cited).
        persons: Each person's fte, in order of first appearance.
        rows_read: Number of employment rows given.
        rows_outside: Rows with no day in the peiljaar (counted 0, listed).
        cited: Rule values used.
        notices: Warnings raised (conservative values used).
    """

    peiljaar: DateRange
    fulltime_hours: Cited[Decimal]
    persons: tuple[PersonFte, ...]
    rows_read: int
    rows_outside: tuple[int, ...]
    cited: tuple[Cited[Any], ...]
    notices: tuple[Notice, ...]

    @property
    def total_fte(self) -> Fraction:
        """Total fte of the applicant (R-FTE-6)."""
        return sum((p.fte for p in self.persons), Fraction(0))

    @property
    def periods(self) -> Iterable[PeriodFte]:
        """Every row's result."""
        for person in self.persons:
            yield from person.periods


def workforce(
    employments: Sequence[Employment],
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
    default = rules.decimal("fulltime_hours_default")
    fulltime = (default if fulltime_hours is None else
                attrs.evolve(default, value=fulltime_hours, status=default.status,
                             note="the organisation's cao full-time week"))
    cap = Fraction(rules.decimal("person_fte_cap").value)
    by_person: dict[str, list[tuple[int, Employment]]] = defaultdict(list)
    for i, e in enumerate(employments, start=1):
        by_person[e.person].append((i, e))
    persons = []
    notices: dict[Notice, None] = {}
    outside = []
    for person, rows in by_person.items():
        result = _person(person, rows, peiljaar, Fraction(fulltime.value), cap, rules)
        persons.append(result)
        for p in result.periods:
            notices.update(dict.fromkeys(p.counting.notices))
            if p.days == 0:
                outside.append(p.row)
    return Workforce(peiljaar=peiljaar, fulltime_hours=fulltime, persons=tuple(persons),
                     rows_read=len(employments), rows_outside=tuple(sorted(outside)),
                     cited=(fulltime, rules.decimal("person_fte_cap")), notices=tuple(notices))


def _person(person: str, rows: list[tuple[int, Employment]], peiljaar: DateRange,
            fulltime: Fraction, cap: Fraction, rules: RuleSet) -> PersonFte:
    first_start = min(e.start for _, e in rows)
    countings = []
    clipped: list[DateRange | None] = []
    for _, e in rows:
        inflow = e.inflow or first_start
        countings.append((inflow, counting(e, inflow=inflow, rules=rules)))
        clipped.append(None if rules.contract_type(e.contract).excluded
                       else peiljaar.intersect(e.period))
    n_days = peiljaar.days
    denominator = fulltime * n_days
    # Split the peiljaar where the set of active rows or a window changes; on
    # each piece the hours are constant, so the cap and the window are too.
    cuts: set[dt.date] = set()
    for (_, c), span in zip(countings, clipped, strict=True):
        if span is None:
            continue
        cuts.update((span.start, span.end + _ONE_DAY))
        if c.window is not None and c.window.intersect(span) is not None:
            w = c.window.intersect(span)
            assert w is not None
            cuts.update((w.start, w.end + _ONE_DAY))
    bounds = sorted(cuts)
    fte = [Fraction(0)] * len(rows)
    counted_fte = [Fraction(0)] * len(rows)
    counted_days = [0] * len(rows)
    capped_days = [0] * len(rows)
    hours = [Fraction(e.hours_per_week) for _, e in rows]
    limit = cap * fulltime
    for a, b in itertools.pairwise(bounds):
        active = [i for i, span in enumerate(clipped) if span is not None and a in span]
        if not active:
            continue
        days = (b - a).days
        total_hours = sum((hours[i] for i in active), Fraction(0))
        scale = min(Fraction(1), limit / total_hours)
        for i in active:
            piece = days * hours[i] * scale / denominator
            fte[i] += piece
            if scale < 1:
                capped_days[i] += days
            window = countings[i][1].window
            if window is not None and a in window:
                counted_fte[i] += piece
                counted_days[i] += days
    periods = tuple(
        PeriodFte(row=row, employment=e, inflow=countings[i][0],
                  days=0 if clipped[i] is None else clipped[i].days,  # type: ignore[union-attr]
                  fte=fte[i], counted_days=counted_days[i], counted_fte=counted_fte[i],
                  counting=countings[i][1],
                  excluded=rules.contract_type(e.contract).excluded,
                  capped_days=capped_days[i])
        for i, (row, e) in enumerate(rows)
    )
    return PersonFte(person=person, periods=periods)
