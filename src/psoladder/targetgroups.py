"""Target groups (uitgangspositie): eligibility, counting windows and weights.

A target-group person's weighted fte is their fte times the weight of their
uitgangspositie times the weight of their contract type, and only the days
inside their *counting window* count (R-TG-0). Everyone still counts in total
fte with their unweighted fte (R-FTE-6).

Counting windows, by group (R-TG-1..13, R-TG-0a; arithmetic in
:mod:`psoladder.periods`):

* ``wsw``, ``participatiewet_lks``: while the indication or wage-cost subsidy
  runs, up to and including ``status_until`` (open when not given).
* ``participatiewet``, ``nug_sroi``, ``statushouder``, ``temporary_protection``:
  from inflow for 3 years (editions before 1.7) or 5 years (1.7 on).
* ``vso_pro``: 5 years from leaving school.
* ``ww``: eligible only with at least 6 months of WW before inflow.
* ``status_lost_2y``: eligible only if the status was lost at most 2 years
  before inflow.
* ``wia_wao_waz``: no limit; someone disabled while working for the applicant
  counts from edition 1.7 on.
* Students (``student_level_*``) and VSO/PRO pupils (``vso_pro_pupil``,
  weight 0.5, 1 from edition 1.7): only the contract type's window.
* A ``placement`` counts at most 3 years from its start (R-CT-4).
* A group counts only from the edition that introduced it (R-TG-15).

Sources: https://pso-nederland.nl/direct-meten-en-aanvragen/wat-meet-en-certificeert-de-pso/de-pso-doelgroep-voor-de-directe-sociale-bijdrage
and the edition announcements (S-V15, S-V17, S-V19, S-V21).

>>> import datetime as dt
>>> from psoladder.rules import rules_at
>>> from psoladder.model import Employment
>>> e = Employment(person="P1", start="2017-03-01", hours_per_week=40,
...                target_group="participatiewet")
>>> c = counting(e, inflow=e.start, rules=rules_at(dt.date(2024, 5, 1)))
>>> str(c.window), c.weight
('2017-03-01..2022-02-28', Fraction(1, 1))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from fractions import Fraction
from typing import Any

import attrs

from psoladder.model import ContractType, EmploymentLike
from psoladder.periods import BEGINNING, FOREVER, DateRange, months_after, years_after, years_from
from psoladder.rules import Cited, Eligibility, Notice, RuleSet, TargetGroupRules, WindowKind

__all__ = ["Counting", "counting", "counting_key"]

_OPEN = DateRange(BEGINNING, FOREVER)


@attrs.frozen
class Counting:
    """How one employment row counts as target-group work.

    Attributes:
        window: The days on which the row counts as target-group work, or
            ``None`` when it never does.
        weight: The combined weight (uitgangspositie x contract type, R-TG-0).
        target_weight: The cited weight of the target group, if any.
        contract_weight: The cited weight of the contract type.
        cited: Every rule value used.
        reasons: Why days do not count, with rule ids (``Notice.text(lang)``).
        notices: Conservative-rule warnings raised by this row.
    """

    window: DateRange | None
    weight: Fraction
    target_weight: Cited[Any] | None
    contract_weight: Cited[Any]
    cited: tuple[Cited[Any], ...] = ()
    reasons: tuple[Notice, ...] = ()
    notices: tuple[Notice, ...] = ()


def counting(employment: EmploymentLike, *, inflow: dt.date, rules: RuleSet) -> Counting:
    """The counting window and weight of one employment row (R-TG-0, R-TG-0a).

    Args:
        employment: The row.
        inflow: The person's inflow date (the row's ``inflow``, else the start
            of the person's first period).
        rules: The rules in force.
    """
    ct = rules.contract_type(employment.contract)
    cited: list[Cited[Any]] = [ct.weight]
    group = employment.target_group
    if group is None:
        return Counting(None, Fraction(0), None, ct.weight, tuple(cited),
                        (Notice.of("R-TG-0", "r.not_target"),))
    tg = rules.target_group(group)
    cited.append(tg.weight)
    edition = rules.edition.name
    if not tg.available.value:
        return Counting(None, Fraction(0), tg.weight, ct.weight, (*cited, tg.available), (
            Notice.of("R-TG-15", "r.not_yet", group=group.value, edition=edition,
                      start=tg.starts.isoformat()),))
    if ct.excluded:
        return Counting(None, Fraction(0), tg.weight, ct.weight, tuple(cited), (
            Notice.of(ct.rule, "r.detached", rule=ct.rule),))

    reasons: list[Notice] = []
    notices: list[Notice] = []
    window: DateRange | None = _OPEN

    refused = _ineligible(employment, tg, inflow, cited)
    if refused:
        return Counting(None, Fraction(0), tg.weight, ct.weight, tuple(cited), (refused,))

    if tg.window is WindowKind.UNTIL_STATUS_END:
        until = employment.status_until or FOREVER
        window = DateRange(BEGINNING, until)
        if employment.status_until is not None:
            reasons.append(Notice.of(tg.rule, "r.until", until=until.isoformat(),
                                     rule=tg.rule))
    elif tg.window in (WindowKind.YEARS_FROM_INFLOW, WindowKind.YEARS_FROM_SCHOOL):
        assert tg.window_years is not None
        years = int(tg.window_years.value)
        cited.append(tg.window_years)
        if tg.window is WindowKind.YEARS_FROM_INFLOW:
            anchor, key = inflow, "r.years_inflow"
        else:
            assert employment.school_left is not None  # checked by Employment
            anchor, key = employment.school_left, "r.years_school"
        window = years_from(anchor, years)
        reasons.append(Notice.of(tg.rule, key, years=years, anchor=anchor.isoformat(),
                                 window=window, rule=tg.rule, edition=edition))

    if employment.contract is ContractType.PLACEMENT and ct.window_years is not None:
        cited.append(ct.window_years)
        years = int(ct.window_years.value)
        start = employment.placement_start or employment.start
        placement = years_from(start, years)
        window = window.intersect(placement) if window is not None else None
        reasons.append(Notice.of(ct.rule, "r.placement", years=years, start=start.isoformat(),
                                 window=placement, rule=ct.rule))

    if not tg.weight.known:
        notices.append(Notice.of(tg.rule, "weight_unknown", group=group.value,
                                 edition=edition, weight=tg.weight.value))
    weight = rules.memo(("counting_weight", group, employment.contract),
                        lambda: Fraction(tg.weight.value) * Fraction(ct.weight.value))
    return Counting(window, weight, tg.weight, ct.weight, tuple(cited), tuple(reasons),
                    tuple(notices))


def counting_key(employment: EmploymentLike, inflow: dt.date, rules: RuleSet) -> Hashable:
    """What :func:`counting` reads of a row: rows with equal keys count alike.

    Lets a computation call :func:`counting` once per distinct case (a payroll
    repeats the same groups, contracts and dates). It names every input that
    :func:`counting` reads, and the inflow date only for a group whose rule
    reads it (a window from inflow, or an eligibility condition at inflow);
    keep the two functions in step.

    >>> import datetime as dt
    >>> from psoladder.rules import rules_at
    >>> from psoladder.model import Employment
    >>> rs = rules_at(dt.date(2024, 5, 1))
    >>> a = Employment(person="A", start="2019-01-01", hours_per_week=32, target_group="wajong")
    >>> b = Employment(person="B", start="2021-06-01", hours_per_week=20, target_group="wajong")
    >>> counting_key(a, a.start, rs) == counting_key(b, b.start, rs)
    True
    """
    group = employment.target_group
    if group is None:
        return employment.contract
    tg = rules.target_group(group)
    reads_inflow = (tg.window is WindowKind.YEARS_FROM_INFLOW
                    or tg.eligibility is not Eligibility.NONE)
    placement = (employment.placement_start or employment.start
                 if employment.contract is ContractType.PLACEMENT else None)
    return (employment.contract, group, employment.status_until, employment.school_left,
            employment.ww_since, employment.status_lost, placement,
            employment.disabled_in_service, inflow if reads_inflow else None)


def _ineligible(employment: EmploymentLike, tg: TargetGroupRules, inflow: dt.date,
                cited: list[Cited[Any]]) -> Notice | None:
    if tg.eligibility is Eligibility.WW_MONTHS_BEFORE_INFLOW:
        assert tg.eligibility_months is not None
        assert employment.ww_since is not None
        cited.append(tg.eligibility_months)
        months = int(tg.eligibility_months.value)
        needed = months_after(employment.ww_since, months)
        if inflow < needed:
            return Notice.of(tg.rule, "r.ww", since=employment.ww_since.isoformat(),
                             months=months, inflow=inflow.isoformat(),
                             needed=needed.isoformat(), rule=tg.rule)
    if tg.eligibility is Eligibility.STATUS_LOST_YEARS_BEFORE:
        assert tg.eligibility_years is not None
        assert employment.status_lost is not None
        cited.append(tg.eligibility_years)
        years = int(tg.eligibility_years.value)
        latest = years_after(employment.status_lost, years)
        if inflow > latest:
            return Notice.of(tg.rule, "r.status_lost", lost=employment.status_lost.isoformat(),
                             years=years, inflow=inflow.isoformat(),
                             latest=latest.isoformat(), rule=tg.rule)
    counts = tg.disabled_in_service_counts
    if employment.disabled_in_service and counts is not None:
        cited.append(counts)
        if not counts.value:
            return Notice.of(tg.rule, "r.disabled", start=tg.disabled_in_service_starts,
                             rule=tg.rule)
    return None
