"""Forecasts: ``assess`` at a series of future application dates, the peiljaar moving along.

A certificate is valid two years (R-LVL-7), and the score decays on its own:
a Participatiewet inflow counts 5 years, a school-leaver 5 years after
school, a placement 3 years. :func:`forecast` assesses the organisation at
each application date from its own (or ``start``) to ``until``, every month,
quarter, half year or year, and says when the level changes and why.

Assumptions, each stated in the result (:attr:`Forecast.assumptions`):

* **The workforce continues as entered.** Rows without an end date stay
  open, rows with one end then; nobody else joins or leaves (model that with
  a :class:`~psoladder.planning.scenarios.Scenario`). Statuses end on the
  dates entered (``status_until``) and counting windows as the rules say.
* **The peiljaar moves along.** Without a peiljaar in the input, each date
  measures the calendar year before it (R-FTE-4, as ``assess`` does). A
  given peiljaar moves by whole years: each date measures the latest twelve
  months of the same shape (e.g. April to March) that end before it; a file
  whose peiljaar lags further behind its application date keeps that lag.
* **Purchases** (``purchases=``): ``"repeat"`` (default): the purchases of
  the organisation's peiljaar recur every later year, their invoice dates
  moved by whole years into each later peiljaar (a supplier's certificate is
  not assumed to be renewed); purchases dated otherwise, and undated ones,
  count as entered. ``"as_entered"``: invoice dates as entered.
  ``"none"``: no purchases (the direct contribution alone).
* **Rules.** Each date's own rules (R-ED-1); after the last known edition,
  its values with the R-ED-3 notice (norms may have changed).
* The qualitative evidence and any plan of action stay as recorded.

The assessment is a step function of the application date: between two
dates where the peiljaar or a rule value changes, every figure stays the
same. So besides the dates asked for, the forecast assesses each of those
breakpoints in the range, keeps the first day of every change of the level,
the certain or the possible level as a point (2026-01-01 below: Trede 3 is
no longer possible), and reports every level change on the exact
first application date of the new level (:attr:`Forecast.changes`), with
the people whose counting window ends, the rows that end and the purchases
that stop counting, read from the assessments (:mod:`psoladder.planning.compare`).

>>> import datetime as dt, psoladder
>>> f = forecast(psoladder.load_example(), until=dt.date(2028, 5, 1), every="year")
>>> [(str(p.application_date), p.level.value) for p in f.points]  # doctest: +NORMALIZE_WHITESPACE
[('2024-05-01', 'trede_2'), ('2025-05-01', 'trede_2'), ('2026-01-01', 'trede_2'),
 ('2026-05-01', 'trede_2'), ('2027-01-01', 'trede_1'), ('2027-05-01', 'trede_1'),
 ('2028-05-01', 'trede_1')]
>>> change = f.changes[0]
>>> change.on, change.old_level.value, change.new_level.value
(datetime.date(2027, 1, 1), 'trede_2', 'trede_1')
>>> [(w.person, w.ends) for w in change.window_ends]
[('D003', datetime.date(2026, 1, 31)), ('D010', datetime.date(2026, 3, 31))]
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import itertools
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs
from dateutil.relativedelta import relativedelta

from psoladder.errors import InputError
from psoladder.messages import Phrase, problem
from psoladder.model import Level, Organisation, Purchase, TargetGroup
from psoladder.periods import DateRange, default_peiljaar, months_after, years_after
from psoladder.planning.compare import LEVELS, Comparison, compare, json_value
from psoladder.rules import Notice, RuleOverrides, RuleSet, rule_data, rules_at

if TYPE_CHECKING:
    from psoladder.assessment import Assessment

__all__ = ["EVERY", "PURCHASES", "Forecast", "ForecastPoint", "LevelChange", "WindowEnd",
           "at_date", "forecast"]

#: The steps of a forecast, in months.
EVERY = {"month": 1, "quarter": 3, "half_year": 6, "year": 12}
#: What a forecast assumes of purchases (see the module's docs).
PURCHASES = ("repeat", "as_entered", "none")
#: The most application dates one forecast assesses.
MAX_DATES = 2000

_ONE_DAY = dt.timedelta(days=1)


# ------------------------------------------------------------------ the peiljaar


@attrs.frozen
class _Peiljaren:
    """The peiljaar of each application date, moving along by whole years.

    ``base`` is the organisation's peiljaar (given or default); ``lag`` how
    many whole years it lags behind the latest period of its shape that ends
    before the organisation's application date (normally 0).
    """

    base: DateRange
    lag: int

    @classmethod
    def of(cls, organisation: Organisation) -> _Peiljaren:
        base = organisation.peiljaar or default_peiljaar(organisation.application_date)
        probe = cls(base, 0)
        return cls(base, probe.latest(organisation.application_date))

    def shift(self, years: int) -> DateRange:
        """The base peiljaar moved by ``years`` whole years (12 months again)."""
        start = years_after(self.base.start, years)
        return DateRange(start, months_after(start, 12) - _ONE_DAY)

    def latest(self, on: dt.date) -> int:
        """The largest shift whose period ends before ``on``."""
        m = on.year - self.base.end.year + 1
        while self.shift(m).end >= on:
            m -= 1
        return m

    def years(self, on: dt.date) -> int:
        """Whole years the peiljaar of ``on`` lies after the base peiljaar."""
        return self.latest(on) - self.lag

    def peiljaar(self, on: dt.date) -> DateRange:
        """The peiljaar of the application date ``on``."""
        return self.shift(self.years(on))

    def changes(self, start: dt.date, until: dt.date) -> list[dt.date]:
        """The application dates in ``(start, until]`` on which the peiljaar changes."""
        out = []
        m = self.latest(start)
        while (day := self.shift(m).end + _ONE_DAY) <= until:
            if day > start:
                out.append(day)
            m += 1
        return out


def _repeated(purchases: Iterable[Purchase], base: DateRange, years: int,
              policy: str) -> tuple[Purchase, ...]:
    if policy == "none":
        return ()
    if policy == "as_entered" or years < 1:
        return tuple(purchases)
    return tuple(attrs.evolve(p, invoice_date=years_after(p.invoice_date, years))
                 if p.invoice_date is not None and p.invoice_date in base else p
                 for p in purchases)


def _policy(purchases: str) -> str:
    if purchases not in PURCHASES:
        raise InputError([problem("in.fc_purchases", field="purchases", value=purchases,
                                  hint="ih.value_code", codes=", ".join(PURCHASES))])
    return purchases


def at_date(organisation: Organisation, on: dt.date, *, purchases: str = "repeat") -> Organisation:
    """The organisation as it would apply on ``on``, under the forecast's assumptions.

    The application date is ``on``; a given peiljaar moves along by whole
    years (none given: ``assess`` takes the calendar year before ``on``);
    purchases follow ``purchases`` (``repeat``, ``as_entered``, ``none``).

    >>> import psoladder
    >>> org = at_date(psoladder.load_example(), dt.date(2026, 5, 1))
    >>> str(org.peiljaar), [str(p.invoice_date) for p in org.purchases]
    ('2025-01-01..2025-12-31', ['2025-06-30', '2025-11-15'])
    """
    policy = _policy(purchases)
    p = _Peiljaren.of(organisation)
    return attrs.evolve(
        organisation, application_date=on,
        peiljaar=None if organisation.peiljaar is None else p.peiljaar(on),
        purchases=_repeated(organisation.purchases, p.base, p.years(on), policy))


@functools.cache
def _rule_dates() -> tuple[dt.date, ...]:
    """Every date on which a rule value or edition starts to apply."""
    data = rule_data()
    dates = {e.applies_from for e in data.editions}
    dates |= {entry.applies_from for _, h in data.histories() for entry in h.entries}
    norms = data.raw["norms"]
    dates.add(norms["applies_from"])
    if "basistrede" in norms:
        dates.add(norms["basistrede"]["applies_from"])
    return tuple(sorted(dates))


def _grid(start: dt.date, until: dt.date, months: int) -> list[dt.date]:
    dates = []
    n = 0
    while (day := start + relativedelta(months=months * n)) <= until:
        dates.append(day)
        n += 1
    if dates[-1] != until:
        dates.append(until)
    return dates


# ------------------------------------------------------------------ results


@attrs.frozen
class WindowEnd:
    """A person's counting window that ends, and what it takes from the score.

    Attributes:
        person: The person.
        target_group: Their target group.
        ends: The last day the window counts.
        rule: The rule that sets the window (e.g. R-TG-2).
        reason: The window in words (``reason.text(lang)``).
        old_weighted: The row's weighted fte before the change.
        new_weighted: The row's weighted fte after it.
    """

    person: str
    target_group: TargetGroup | None
    ends: dt.date
    rule: str
    reason: Notice | None
    old_weighted: Any
    new_weighted: Any

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"person": self.person,
                "target_group": None if self.target_group is None else self.target_group.value,
                "ends": self.ends.isoformat(), "rule": self.rule,
                "old_weighted_fte": json_value(self.old_weighted),
                "new_weighted_fte": json_value(self.new_weighted)}


@attrs.frozen
class ForecastPoint:
    """One application date of a forecast.

    Attributes:
        application_date: The date.
        assessment: ``assess`` of the organisation on that date (see :func:`at_date`).
        scheduled: One of the dates asked for (else the exact date of a level change).
    """

    application_date: dt.date
    assessment: Assessment = attrs.field(repr=False)
    scheduled: bool = True

    @property
    def level(self) -> Level:
        """The level reached on this date."""
        return self.assessment.level

    @property
    def peiljaar(self) -> DateRange:
        """The peiljaar measured."""
        return self.assessment.peiljaar

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """JSON-ready form: the date, its figures and warnings (their ``text`` in ``lang``)."""
        a = self.assessment
        return {"application_date": self.application_date.isoformat(),
                "scheduled": self.scheduled,
                "peiljaar": {"start": a.peiljaar.start.isoformat(),
                             "end": a.peiljaar.end.isoformat()},
                "edition": a.edition,
                **{f.name: json_value(f.read(a)) for f in LEVELS},
                "total_fte": str(a.total_fte), "weighted_target_fte": str(a.weighted_target_fte),
                "direct_pct": str(a.direct_pct), "indirect_counted_pct": str(
                    a.indirect_counted_pct), "total_pct": str(a.total_pct), "size": a.size,
                "norms": a.norms.to_dict(),
                "warnings": [{"rule": w.rule, "message": w.message,
                              **({"text": w.text(lang)} if lang != "en" else {})}
                             for w in a.warnings]}


@attrs.frozen
class LevelChange:
    """A change of level between two application dates, and why.

    Attributes:
        before: The last date with the old level.
        after: The first date with the new level (:attr:`on`).
        comparison: Everything that differs from ``before`` to ``after``.
    """

    before: ForecastPoint
    after: ForecastPoint
    comparison: Comparison = attrs.field(repr=False)

    @property
    def on(self) -> dt.date:
        """The first application date with the new level."""
        return self.after.application_date

    @property
    def old_level(self) -> Level:
        """The level before."""
        return self.before.level

    @property
    def new_level(self) -> Level:
        """The level from :attr:`on`."""
        return self.after.level

    @property
    def window_ends(self) -> tuple[WindowEnd, ...]:
        """The people whose counting window ends, and when, read from the two assessments.

        A row counts: it is in both, its counting window (as the later
        date's rules set it) ends before the end of the later peiljaar, and
        fewer of its days count than before.
        """
        end = self.after.peiljaar.end
        out = []
        for person in self.comparison.persons:
            for row in person.rows:
                old, new = row.old, row.new
                if old is None or new is None:
                    continue
                window = new.counting.window
                if window is None or window.end >= end or new.counted_days >= old.counted_days:
                    continue
                reason = next((r for r in new.counting.reasons if r.key != "r.not_target"),
                              None)
                out.append(WindowEnd(person.person, new.employment.target_group, window.end,
                                     reason.rule if reason else "R-TG-0", reason,
                                     old.weighted_fte, new.weighted_fte))
        return tuple(sorted(out, key=lambda w: (w.ends, w.person)))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"on": self.on.isoformat(),
                "before": self.before.application_date.isoformat(),
                **{f"old_{f.name}": json_value(f.read(self.before.assessment)) for f in LEVELS},
                **{f"new_{f.name}": json_value(f.read(self.after.assessment)) for f in LEVELS},
                "window_ends": [w.to_dict() for w in self.window_ends],
                "comparison": self.comparison.to_dict()}


@attrs.frozen
class Forecast:
    """The result of :func:`forecast`.

    Attributes:
        organisation: The organisation forecast.
        start: The first application date.
        until: The last application date.
        every: The step between the dates asked for.
        purchases: The purchases assumption.
        points: The dates asked for and the dates of level changes, in order.
        changes: Every change of level, on its exact first date.
        assumptions: What the forecast assumes, in words.
        evaluated: Every assessment made (the points and the other dates on
            which the peiljaar or a rule value changes), in order.
    """

    organisation: Organisation = attrs.field(repr=False)
    start: dt.date
    until: dt.date
    every: str
    purchases: str
    points: tuple[ForecastPoint, ...]
    changes: tuple[LevelChange, ...]
    assumptions: tuple[Phrase | Notice, ...] = attrs.field(repr=False)
    evaluated: tuple[ForecastPoint, ...] = attrs.field(repr=False)

    def assessment_on(self, on: dt.date) -> Assessment:
        """An assessment whose figures are those on ``on`` (a date in the range).

        Every figure is constant between the dates on which the peiljaar or
        a rule value changes, and the forecast assessed each of those.

        Raises:
            ValueError: For a date outside the forecast's range.
        """
        if not self.start <= on <= self.until:
            raise ValueError(f"{on} lies outside the forecast ({self.start}..{self.until})")
        return next(p for p in reversed(self.evaluated) if p.application_date <= on).assessment

    def level_on(self, on: dt.date) -> Level:
        """The level on ``on`` (a date in the range)."""
        return self.assessment_on(on).level

    def to_dict(self, *, lang: str = "en") -> dict[str, Any]:
        """JSON-ready form; the assumptions in ``lang``."""
        return {"organisation": self.organisation.name, "start": self.start.isoformat(),
                "until": self.until.isoformat(), "every": self.every,
                "purchases": self.purchases,
                "assumptions": [a.text(lang) for a in self.assumptions],
                "points": [p.to_dict(lang) for p in self.points],
                "level_changes": [c.to_dict() for c in self.changes]}


def _assumptions(organisation: Organisation, peiljaren: _Peiljaren, purchases: str,
                 evaluated: Iterable[ForecastPoint]) -> tuple[Phrase | Notice, ...]:
    out: list[Phrase | Notice] = [Phrase.of("fa.workforce"), Phrase.of("fa.statuses")]
    if organisation.peiljaar is None:
        out.append(Phrase.of("fa.peiljaar_default"))
    else:
        out.append(Phrase.of("fa.peiljaar_moves", peiljaar=organisation.peiljaar))
        if peiljaren.lag:
            out.append(Phrase.of("fa.peiljaar_lag", years=peiljaren.lag))
    if purchases == "repeat":
        out.append(Phrase.of("fa.repeat", peiljaar=peiljaren.base))
    else:
        out.append(Phrase.of(f"fa.{purchases}"))
    out.append(Phrase.of("fa.evidence"))
    for p in evaluated:  # the rules after the last known edition (R-ED-3), once
        rules = [w for w in p.assessment.warnings if w.key == "after_last_edition"]
        if rules:
            out.append(Phrase.of("fa.after_last_edition", on=p.application_date,
                                 notice=rules[0]))
            break
    return tuple(out)


def forecast(organisation: Organisation, *, until: dt.date, every: str = "quarter",
             start: dt.date | None = None, purchases: str = "repeat",
             overrides: RuleOverrides | None = None, **options: Any) -> Forecast:
    """Assess ``organisation`` at each application date from ``start`` to ``until``.

    Args:
        organisation: The organisation (its application date is the default start).
        until: The last application date.
        every: ``month``, ``quarter`` (default), ``half_year`` or ``year``:
            the step between the dates asked for (``until`` is always one).
        start: The first application date (default the organisation's).
        purchases: ``repeat`` (default), ``as_entered`` or ``none`` (see the
            module's docs).
        overrides: User rule values, applied on every date.
        **options: Passed on to :func:`psoladder.assess` (``norm_policy``,
            ``thirty_plus_basis``, ``thirty_plus_denominator``, ``gap_supplier``).

    Raises:
        InputError: For ``until`` before ``start``, an unknown step or
            assumption, too many dates, or what ``assess`` refuses.
        NoRuleInForce: For a date before 2017-04-01.
    """
    from psoladder.assessment import assess

    first = start or organisation.application_date
    if every not in EVERY:
        raise InputError([problem("in.fc_step", field="every", value=every,
                                  hint="ih.value_code", codes=", ".join(EVERY))])
    policy = _policy(purchases)
    if until < first:
        raise InputError([problem("in.fc_until", field="until", value=until.isoformat(),
                                  hint="ih.fc_until", start=first)])
    grid = _grid(first, until, EVERY[every])
    peiljaren = _Peiljaren.of(organisation)
    breaks = {*peiljaren.changes(first, until), *(d for d in _rule_dates() if first < d <= until)}
    dates = sorted({*grid, *breaks})
    if len(dates) > MAX_DATES:
        raise InputError([problem("in.fc_dates", field="every", value=every,
                                  hint="ih.fc_dates", most=MAX_DATES)])
    scheduled = set(grid)
    rules: dict[dt.date, RuleSet] = {}
    evaluated = []
    # The assessments kept are many long-lived objects without reference
    # cycles; pausing the cycle collector while they are made saves about a
    # third of the time on a large payroll (as assess_many does).
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        for day in dates:
            if day not in rules:
                rules[day] = rules_at(day, overrides)
            a = assess(at_date(organisation, day, purchases=policy), rules=rules[day],
                       **options)
            evaluated.append(ForecastPoint(day, a, day in scheduled))
    finally:
        if paused:
            gc.enable()
    # A change of level (the conservative level, R-LVL-5) is told with its
    # reasons; the first day on which the certain or possible level changes
    # (issue 17) is kept as a point of the table too.
    changes = [LevelChange(before, after, compare(before.assessment, after.assessment))
               for before, after in itertools.pairwise(evaluated)
               if before.assessment.level != after.assessment.level]
    changed = {after.application_date for before, after in itertools.pairwise(evaluated)
               if any(f.read(before.assessment) != f.read(after.assessment) for f in LEVELS)}
    points = tuple(p for p in evaluated if p.scheduled or p.application_date in changed)
    return Forecast(organisation, first, until, every, policy, points, tuple(changes),
                    _assumptions(organisation, peiljaren, policy, evaluated), tuple(evaluated))
