"""The qualitative criteria the auditor checks (MijnPSO step 5).

* **R-QUAL-1** (published): for every target-group employee four criteria
  must hold: *passend werk* (suitable work), *integratie* (integration),
  *functioneren en ontwikkeling* (functioning and development) and
  *begeleiding* (guidance). They apply to Trede 1-3 and (decision) Basistrede.
* **R-QUAL-2** (published): at recertification, performance and development
  interviews are documented in at least 80% of the sampled files.
* **R-QUAL-3** / **R-LVL-6** (published): Aspirant status needs a SMART plan
  of action, approved at board or director level, that aims for at least
  Trede 1 within 2 years and is being carried out.
* **R-QUAL-4** (decision): the certifiable level is the computed level when
  the recorded evidence passes, else none (or Aspirant with a plan).
  psoladder evaluates the evidence the user records; it does not audit.

Source: https://www.pso-nederland.nl/direct-meten-en-aanvragen/wat-meet-en-certificeert-de-pso/kwalitatieve-criteria-voor-de-directe-sociale-bijdrage
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any

import attrs

from psoladder.certificate import valid_until
from psoladder.model import AspirantPlan, Evidence, Level, Recertification
from psoladder.numbers import as_decimal
from psoladder.rules import RuleSet

__all__ = ["CRITERIA", "AspirantStatus", "Qualitative", "evaluate"]

#: The four criteria of R-QUAL-1: field name -> Dutch name.
CRITERIA: Mapping[str, str] = {
    "suitable_work": "passend werk",
    "integration": "integratie",
    "development": "functioneren en ontwikkeling",
    "guidance": "begeleiding",
}


@attrs.frozen
class AspirantStatus:
    """Whether a plan of action supports Aspirant status (R-LVL-6).

    Attributes:
        granted: All conditions of the plan hold.
        missing: Conditions that do not hold.
        valid_until: Last valid day, from the approval date.
        extensions_allowed: How often it may be extended under the edition.
    """

    granted: bool
    missing: tuple[str, ...]
    valid_until: dt.date
    extensions_allowed: int


@attrs.frozen
class Qualitative:
    """The evaluated qualitative evidence.

    Attributes:
        evaluated: Any evidence was recorded.
        missing: Person -> the criteria not shown (all four if no evidence).
        appraisal_share: Share of sampled files with appraisals, at recertification.
        appraisal_min: The 80% floor of R-QUAL-2.
        aspirant: The Aspirant plan's evaluation, if a plan was given.
        certifiable_level: The level that can be certified, ``None`` when no
            evidence was recorded (R-QUAL-4).
    """

    evaluated: bool
    missing: Mapping[str, tuple[str, ...]]
    appraisal_share: Fraction | None
    appraisal_min: Fraction
    aspirant: AspirantStatus | None
    certifiable_level: Level | None

    @property
    def meets_appraisal_floor(self) -> bool:
        """Appraisals in at least 80% of the sampled files, or not asked (R-QUAL-2)."""
        return self.appraisal_share is None or self.appraisal_share >= self.appraisal_min

    @property
    def passes(self) -> bool:
        """Every criterion holds for everyone, and the appraisal floor if asked."""
        return self.evaluated and not self.missing and self.meets_appraisal_floor

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "evaluated": self.evaluated,
            "passes": self.passes,
            "missing": {p: list(c) for p, c in self.missing.items()},
            "appraisal_share_pct": None if self.appraisal_share is None
            else str(as_decimal(100 * self.appraisal_share)),
            "aspirant": None if self.aspirant is None else {
                "granted": self.aspirant.granted,
                "missing": list(self.aspirant.missing),
                "valid_until": self.aspirant.valid_until.isoformat(),
                "extensions_allowed": self.aspirant.extensions_allowed,
            },
            "certifiable_level": None if self.certifiable_level is None
            else self.certifiable_level.value,
        }


def evaluate(
    level: Level,
    target_persons: Iterable[str],
    evidence: Iterable[Evidence],
    rules: RuleSet,
    *,
    aspirant_plan: AspirantPlan | None = None,
    recertification: Recertification | None = None,
) -> Qualitative:
    """Evaluate the recorded evidence (R-QUAL-1..4).

    Args:
        level: The computed level.
        target_persons: The target-group employees who need evidence.
        evidence: The evidence recorded, one per person.
        rules: The rules in force.
        aspirant_plan: A plan of action, if any.
        recertification: Appraisal counts at recertification, if any.

    >>> from psoladder.rules import rules_at
    >>> q = evaluate(Level.TREDE_2, ["P1", "P2"],
    ...              [Evidence(person="P1", suitable_work=True, integration=True,
    ...                        development=True, guidance=True),
    ...               Evidence(person="P2", suitable_work=True)],
    ...              rules_at(dt.date(2024, 5, 1)))
    >>> dict(q.missing), q.certifiable_level
    ({'P2': ('integration', 'development', 'guidance')}, <Level.NONE: 'none'>)
    """
    by_person = {e.person: e for e in evidence}
    needed = list(dict.fromkeys(target_persons))
    missing: dict[str, tuple[str, ...]] = {}
    for person in needed:
        found = by_person.get(person)
        gaps = tuple(c for c in CRITERIA if found is None or not getattr(found, c))
        if gaps:
            missing[person] = gaps
    appraisal_min = Fraction(rules.decimal("appraisal_min_share").value)
    share = None
    if recertification is not None:
        share = Fraction(recertification.files_with_appraisals, recertification.files_sampled)
    aspirant = None
    if aspirant_plan is not None:
        conditions = ("smart", "board_approved", "aims_for_trede_1_within_2_years",
                      "being_carried_out")
        aspirant = AspirantStatus(
            granted=all(getattr(aspirant_plan, c) for c in conditions),
            missing=tuple(c for c in conditions if not getattr(aspirant_plan, c)),
            valid_until=valid_until(aspirant_plan.approved_on,
                                    rules.integer("aspirant_validity_years").value),
            extensions_allowed=rules.integer("aspirant_extensions").value,
        )
    evaluated = bool(by_person)
    result = Qualitative(evaluated, missing, share, appraisal_min, aspirant, None)
    certifiable = None
    if evaluated:
        certifiable = level if result.passes else Level.NONE
    return attrs.evolve(result, certifiable_level=certifiable)
