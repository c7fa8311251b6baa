"""The PSO 30+ reading (Aanbestedingswet 2012 art. 2.82).

* **R-30-1** (published): a separate reading, given only when the score
  reaches Trede 3: at least 30% of the employees belong to the 30+ target
  group.
* **R-30-2** (published): the 30+ target group is the PSO target group without
  BBL/BOL levels 1 and 2 and VSO/PRO pupils on a learn-work agreement or
  internship; psoladder also leaves out BBL/BOL levels 3-4 (decision).
* **R-30-3** (published): before 2019-04-01 only people on the applicant's own
  payroll count. From edition 1.7 seconded-in and flex people count when they
  worked at the applicant at least 6 months before the peildatum and at least
  2 hours per week, and at least one fifth of the 30% floor (6% of the
  workforce) must be people with a regular employment contract.
* **R-30-4** (decision): the basis is unweighted fte over the peiljaar (30+
  fte / total fte); option: headcount on the peildatum, the last day of the
  peiljaar. Only days inside a person's counting window count.
* **R-30-4** (published, dated): the total is the personnel on the
  applicant's payroll ("minimaal 30% van het personeel in loondienst");
  seconded SW-indicated people "tellen ook niet mee voor de bepaling van het
  totaal aantal fte" (before 2019-04-01: only ``regular`` and ``supported``).
  From edition 1.7, when seconded-in and flex people can count for the 30+
  group, psoladder counts all of them in the total too (decision: the larger
  total never overstates the share). The contract types are the rule value
  ``thirty_plus_total_contracts``; the reading of psoladder 0.1, a share of
  all staff (total fte of R-FTE-6), is the option ``denominator="all_staff"``.

Sources: https://pso-nederland.nl/direct-meten-en-aanvragen/wat-meet-en-certificeert-de-pso/30-abw-certificaat,
https://pso-nederland.nl/over-de-pso/pso-30-abw-certificaat
and https://pso-nederland.nl/news/640/11/Vooraankondiging-PSO-handleiding-versie-1.7-

Example D8 on the headcount basis (20 people on the peildatum, 5 target-group
people on regular contracts and 2 seconded-in ones after edition 1.7):

>>> from psoladder.model import Employment
>>> from psoladder.periods import DateRange
>>> from psoladder.rules import rules_at
>>> from psoladder.fte import workforce
>>> rows = [Employment(person=f"S{i}", start="2015-01-01", hours_per_week=40)
...         for i in range(13)]
>>> rows += [Employment(person=f"T{i}", start="2016-01-01", hours_per_week=40,
...                     target_group="wajong") for i in range(5)]
>>> rows += [Employment(person=f"F{i}", start="2022-01-01", hours_per_week=40,
...                     contract="secondment_flex", target_group="wajong") for i in range(2)]
>>> rs = rules_at(dt.date(2024, 5, 1))
>>> wf = workforce(rows, peiljaar=DateRange(dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
...                fulltime_hours=None, rules=rs)
>>> tp = thirty_plus(wf, Level.TREDE_3, rs, basis="headcount")
>>> tp.group, tp.workforce, tp.share, tp.awarded
(Fraction(7, 1), Fraction(20, 1), Fraction(7, 20), True)
"""

from __future__ import annotations

import datetime as dt
import enum
from fractions import Fraction
from typing import Any

import attrs

from psoladder.fte import HourDays, PeriodFte, Workforce, exact_sum
from psoladder.model import ContractType, Level
from psoladder.numbers import as_decimal, round_half_up
from psoladder.periods import months_after
from psoladder.rules import Cited, Notice, RuleSet

__all__ = ["ThirtyPlus", "ThirtyPlusBasis", "ThirtyPlusDenominator", "thirty_plus"]


class ThirtyPlusBasis(enum.Enum):
    """What the 30% is measured in (R-30-4): fte over the peiljaar or persons."""

    FTE = "fte"
    HEADCOUNT = "headcount"


class ThirtyPlusDenominator(enum.Enum):
    """Whom the 30% is a share of (R-30-4).

    * ``payroll`` (default): the personnel on the applicant's payroll, the
      contract types of the rule value ``thirty_plus_total_contracts`` in
      force (from edition 1.7 with seconded-in and flex workers);
    * ``all_staff``: everyone in total fte (R-FTE-6), as psoladder 0.1 read
      it.
    """

    PAYROLL = "payroll"
    ALL_STAFF = "all_staff"


@attrs.frozen(repr=False)
class ThirtyPlus:
    """The PSO 30+ reading.

    Attributes:
        basis: Fte over the peiljaar or headcount on the peildatum.
        denominator: The personnel on the payroll or all staff.
        peildatum: The last day of the peiljaar.
        group: 30+ fte or persons.
        regular: The part of ``group`` on a regular employment contract.
        workforce: The total the share is taken of: fte or persons on the
            payroll, or of all staff (see ``denominator``).
        min_share: The 30% floor (cited).
        regular_floor: The regular-contract floor as a share of the workforce.
        level_reached: Whether the score reached Trede 3 (R-30-1).
        persons: The people counted in ``group``.
        cited: Rule values used.
        notices: Assumptions that influenced the reading (R-30-4).
    """

    basis: ThirtyPlusBasis
    denominator: ThirtyPlusDenominator
    peildatum: dt.date
    group: Fraction
    regular: Fraction
    workforce: Fraction
    min_share: Cited[Any]
    regular_floor: Fraction
    level_reached: bool
    persons: tuple[str, ...]
    cited: tuple[Cited[Any], ...]
    notices: tuple[Notice, ...]

    @property
    def share(self) -> Fraction:
        """The 30+ group's share of the workforce."""
        return self.group / self.workforce if self.workforce else Fraction(0)

    @property
    def regular_share(self) -> Fraction:
        """The regular-contract 30+ people's share of the workforce."""
        return self.regular / self.workforce if self.workforce else Fraction(0)

    @property
    def meets_share(self) -> bool:
        """At least 30% of the workforce (R-30-1)."""
        return self.share >= Fraction(self.min_share.value)

    @property
    def meets_regular_floor(self) -> bool:
        """At least the regular-contract floor (R-30-3)."""
        return self.regular_share >= self.regular_floor

    @property
    def awarded(self) -> bool:
        """The 30+ reading passes: Trede 3 and both floors met."""
        return self.level_reached and self.meets_share and self.meets_regular_floor

    def __repr__(self) -> str:
        """Short: awarded or not, the two shares against their floors.

        >>> import psoladder
        >>> psoladder.assess(psoladder.load_example()).thirty_plus
        <ThirtyPlus not awarded (basis fte): share 4.3% (min 30%), regular 3.75% (min 6%), Trede 3 not reached>
        """
        def pct(value: Fraction) -> str:
            return f"{round_half_up(100 * value, 2).normalize():f}%"

        state = "awarded" if self.awarded else "not awarded"
        trede = "reached" if self.level_reached else "not reached"
        return (f"<ThirtyPlus {state} (basis {self.basis.value}): share {pct(self.share)} "
                f"(min {pct(Fraction(self.min_share.value))}), regular "
                f"{pct(self.regular_share)} (min {pct(self.regular_floor)}), Trede 3 {trede}>")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (decimals as strings)."""
        return {
            "basis": self.basis.value,
            "denominator": self.denominator.value,
            "peildatum": self.peildatum.isoformat(),
            "share_pct": str(as_decimal(100 * self.share)),
            "regular_share_pct": str(as_decimal(100 * self.regular_share)),
            "min_share_pct": str(as_decimal(100 * Fraction(self.min_share.value))),
            "regular_floor_pct": str(as_decimal(100 * self.regular_floor)),
            "meets_share": self.meets_share,
            "meets_regular_floor": self.meets_regular_floor,
            "level_reached": self.level_reached,
            "awarded": self.awarded,
        }


def thirty_plus(workforce: Workforce, level: Level, rules: RuleSet, *,
                basis: ThirtyPlusBasis | str = ThirtyPlusBasis.FTE,
                denominator: ThirtyPlusDenominator | str = ThirtyPlusDenominator.PAYROLL,
                ) -> ThirtyPlus:
    """The 30+ reading of a workforce (R-30-1..4).

    Args:
        workforce: The computed workforce.
        level: The level reached; the reading passes only at Trede 3.
        rules: The rules in force.
        basis: ``fte`` (default) or ``headcount``.
        denominator: ``payroll`` (default) or ``all_staff``.
    """
    basis = ThirtyPlusBasis(basis)
    denominator = ThirtyPlusDenominator(denominator)
    peildatum = workforce.peiljaar.end
    min_share = rules.decimal("thirty_plus_min_share")
    floor_part = rules.decimal("thirty_plus_regular_floor")
    excluded = rules.codes("thirty_plus_excluded_groups")
    payroll = rules.codes("thirty_plus_payroll_contracts")
    flex = rules.codes("thirty_plus_flex_contracts")
    flex_counts = rules.flag("thirty_plus_flex_counts")
    cited: list[Cited[Any]] = [min_share, floor_part, excluded, payroll, flex, flex_counts]
    flex_months = flex_hours = None
    if flex_counts.value:
        flex_months = rules.integer("thirty_plus_flex_min_months")
        flex_hours = rules.decimal("thirty_plus_flex_min_hours")
        cited += [flex_months, flex_hours]
    if denominator is ThirtyPlusDenominator.PAYROLL:
        total_contracts = rules.codes("thirty_plus_total_contracts")
        cited.append(total_contracts)
        in_total = frozenset(ContractType(c) for c in total_contracts.value)
        notice = Notice.of("R-30-4", "thirty_plus_payroll",
                           contracts=tuple(c for c in ContractType if c in in_total))
    else:
        in_total = frozenset(ContractType)
        notice = Notice.of("R-30-4", "thirty_plus_all_staff")

    worked_from: dict[dt.date, dt.date] = {}  # start -> the end of the least months worked

    def qualifies(p: PeriodFte) -> bool:
        # (an enum's ``_value_``, an attribute, is quicker to read than its
        # ``value`` for every row of the target groups)
        e = p.employment
        if (e.target_group is None or e.target_group._value_ in excluded.value or p.excluded
                or e.contract not in in_total):
            return False
        if e.contract._value_ in payroll.value:
            return True
        if e.contract._value_ not in flex.value or flex_months is None or flex_hours is None:
            return False
        if e.hours_per_week < flex_hours.value:
            return False
        since = worked_from.get(e.start)
        if since is None:
            since = worked_from[e.start] = months_after(e.start, flex_months.value)
        return since <= peildatum

    group = regular = Fraction(0)
    # fte basis: hours x days summed exactly (exact_sum), divided by the
    # full-time hours x days once (the same exact value as a sum of fte, far
    # fewer ratios).
    group_hour_days: list[HourDays] = []
    regular_hour_days: list[HourDays] = []
    counted: list[str] = []
    for person in workforce.detailed:
        # Summarised persons (a streamed payroll) have no target-group row.
        if basis is ThirtyPlusBasis.FTE:
            # (a row outside the target groups has no counted days)
            counts = False
            for p in person.periods:
                if p.counted_hour_days and qualifies(p):  # (never below 0)
                    counts = True
                    group_hour_days.append(p.counted_hour_days)
                    if p.employment.contract._value_ in payroll.value:
                        regular_hour_days.append(p.counted_hour_days)
            if counts:
                counted.append(person.person)
            continue
        if not person.on_peildatum or not any(p.employment.target_group is not None
                                              for p in person.periods):
            continue
        at_peildatum = [p for p in person.periods
                        if not p.excluded and peildatum in p.employment.period]
        in_window = [p for p in at_peildatum if qualifies(p)
                     and p.counting.window is not None and peildatum in p.counting.window]
        if in_window:
            counted.append(person.person)
            group += 1
            if any(p.employment.contract.value in payroll.value for p in in_window):
                regular += 1
    if basis is ThirtyPlusBasis.FTE:
        group = Fraction(exact_sum(group_hour_days)) / workforce.denominator
        regular = Fraction(exact_sum(regular_hour_days)) / workforce.denominator
    # The total the share is taken of: the workforce's totals by contract type.
    if basis is ThirtyPlusBasis.FTE:
        workforce_amount = Fraction(sum(
            hour_days for contract, hour_days in workforce.hour_days_by_contract.items()
            if contract in in_total)) / workforce.denominator
    else:
        workforce_amount = Fraction(sum(
            n for contracts, n in workforce.peildatum_contracts.items() if contracts & in_total))
    notices = (Notice.of("R-30-4", "thirty_plus_fte") if basis is ThirtyPlusBasis.FTE
               else Notice.of("R-30-4", "thirty_plus_headcount", peildatum=peildatum.isoformat()),
               notice)
    return ThirtyPlus(basis=basis, denominator=denominator, peildatum=peildatum, group=group,
                      regular=regular, workforce=workforce_amount, min_share=min_share,
                      regular_floor=Fraction(min_share.value) * Fraction(floor_part.value),
                      level_reached=level >= Level.TREDE_3, persons=tuple(counted),
                      cited=tuple(cited), notices=notices)
