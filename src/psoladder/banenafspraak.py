"""The banenafspraak read-out, shown beside the PSO score (R-BA-1).

The banenafspraak counts jobs of 25.5 paid hours per week:
``jobs = hours_per_week / 25.5``, pro rata over the days in the peiljaar, for
people in the doelgroepregister only: always ``wsw``, ``wajong``, ``wiw_id``
and ``doelgroepregister``; ``vso_pro`` and ``participatiewet_lks`` when the row
says ``registered = true``. It is a different measure from the PSO score and
never influences it. Source: UWV, https://www.werkgeverslijn.nl/

Example D10: 20 hours a week for a whole year is 20 / 25.5 jobs.

>>> import datetime as dt
>>> from decimal import Decimal
>>> from psoladder.fte import workforce
>>> from psoladder.model import Employment
>>> from psoladder.periods import DateRange
>>> from psoladder.rules import rules_at
>>> rs = rules_at(dt.date(2024, 5, 1))
>>> e = Employment(person="P", start="2020-01-01", hours_per_week=20, target_group="wajong")
>>> wf = workforce([e], peiljaar=DateRange(dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
...                fulltime_hours=None, rules=rs)
>>> banenafspraak(wf, rs).jobs
Fraction(40, 51)
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from psoladder.fte import ExactSum, Workforce, decimal_units
from psoladder.numbers import as_decimal
from psoladder.rules import Cited, RuleSet

__all__ = ["Banenafspraak", "banenafspraak"]


@attrs.frozen
class Banenafspraak:
    """Banenafspraak jobs in the peiljaar (R-BA-1).

    Attributes:
        jobs: Jobs of 25.5 hours, pro rata over the peiljaar.
        persons: The people counted.
        job_hours: Paid hours per week of one job (cited).
        cited: Rule values used.
    """

    jobs: Fraction
    persons: tuple[str, ...]
    job_hours: Cited[Any]
    cited: tuple[Cited[Any], ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"jobs": str(as_decimal(self.jobs)), "persons": len(self.persons)}


def banenafspraak(workforce: Workforce, rules: RuleSet) -> Banenafspraak:
    """Count banenafspraak jobs of a workforce (R-BA-1)."""
    hours = rules.decimal("banenafspraak_job_hours")
    always = rules.codes("banenafspraak_groups")
    registered = rules.codes("banenafspraak_groups_when_registered")
    n_days = workforce.peiljaar.days
    # Hours per week x days, summed exactly in whole decimal units, divided by
    # the job's hours x days once: the same exact jobs as a sum of per-row ratios.
    units: dict[Decimal, tuple[int, int]] = {}
    total = ExactSum()
    persons = []
    for person in workforce.detailed:  # a summarised person has no target-group row
        part = ExactSum()
        for p in person.periods:
            e = p.employment
            group = e.target_group
            if group is None or p.excluded or not p.days:
                continue
            code = group._value_  # (quicker than ``value`` on every target-group row)
            if code in always.value or (code in registered.value and e.registered):
                found = units.get(e.hours_per_week)
                if found is None:
                    found = units[e.hours_per_week] = decimal_units(e.hours_per_week)
                part.add(found[0] * p.days, found[1])
        if part.units:
            persons.append(person.person)
            total.add(part.units, part.places)
    jobs = Fraction(total.value) / (Fraction(hours.value) * n_days)
    return Banenafspraak(jobs=jobs, persons=tuple(persons), job_hours=hours,
                         cited=(hours, always, registered))
