"""``assess()``: the whole PSO computation of one organisation.

It composes the rule modules in the order of the flow and returns an
:class:`Assessment`, the one object every presentation reads:

1. the rules in force for the application date (:func:`~psoladder.rules.rules_at`, R-ED-1);
2. the peiljaar (R-FTE-4) and everyone's fte and counting window
   (:mod:`psoladder.fte`, :mod:`psoladder.targetgroups`);
3. the direct contribution (:mod:`psoladder.direct`) and the indirect one
   (:mod:`psoladder.indirect`);
4. cap, total, size, norms and level (:mod:`psoladder.levels`);
5. PSO 30+, banenafspraak, gaps, fee and the qualitative checklist.

Example D1 of the rules reference:

>>> import datetime as dt
>>> from psoladder.model import Employment, Organisation
>>> staff = [Employment(person=f"S{i}", start="2015-01-01", hours_per_week=40)
...          for i in range(17)]
>>> staff += [
...     Employment(person="W1", start="2015-01-01", hours_per_week=32, target_group="wajong"),
...     Employment(person="W2", start="2019-01-01", hours_per_week=40, target_group="ww",
...                ww_since="2018-01-01"),
...     Employment(person="P1", start="2021-07-01", hours_per_week=24,
...                contract="secondment_flex", target_group="participatiewet"),
... ]
>>> staff.append(Employment(person="S17", start="2015-01-01", hours_per_week=24))
>>> org = Organisation(name="D1", kvk="12345678", application_date="2024-05-01",
...                    employments=staff)
>>> a = assess(org)
>>> a.total_fte, a.weighted_target_fte, a.direct_pct, a.level
(Decimal('20'), Decimal('2.09'), Decimal('10.45'), <Level.TREDE_2: 'trede_2'>)
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
from collections.abc import Callable, Iterable, Sized
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs

from psoladder.banenafspraak import Banenafspraak, banenafspraak
from psoladder.certificate import annual_fee, valid_until
from psoladder.direct import weighted_target_fte
from psoladder.errors import InputError, Problem
from psoladder.explain import Explanation, explain
from psoladder.fte import Row, Workforce, WorkforceBuilder, workforce
from psoladder.indirect import Indirect, SupplierProfile, indirect
from psoladder.io.orgfile import (
    evidence_problems,
    organisation_parts,
    payroll_problems,
    read_document,
)
from psoladder.io.payroll import Progress, stream_payroll
from psoladder.levels import (
    Gap,
    NormPolicy,
    Norms,
    Position,
    Scores,
    cap_factor,
    company_size,
    decide_level,
    gaps,
    min_total_fte,
    norms_for,
    scores,
)
from psoladder.limits import MAX_ROWS, MAX_TARGET_GROUP_ROWS
from psoladder.model import EmploymentLike, Level, Organisation, date_field
from psoladder.numbers import as_decimal, display
from psoladder.periods import DateRange, default_peiljaar, validate_peiljaar
from psoladder.pseudonym import Pseudonymiser
from psoladder.qualitative import Qualitative, evaluate
from psoladder.rules import Notice, RuleOverrides, RuleSet, rules_at
from psoladder.thirtyplus import ThirtyPlus, ThirtyPlusBasis, thirty_plus

__all__ = ["Assessment", "assess", "assess_file", "assess_many"]


@attrs.frozen
class Assessment:
    """The result of :func:`assess`: every figure, exact, with its explanation.

    The public figures are ``Decimal`` properties (exact where the value
    terminates, else to 28 significant digits); decisions were taken on the
    exact values, available as ``exact_*`` and :attr:`exact`.

    Attributes:
        organisation: The organisation assessed.
        rules: The rule set used.
        application_date: The application date (decides the edition).
        peiljaar: The peiljaar measured.
        workforce: Per-person and per-row fte and counting windows.
        purchases: Per-purchase indirect fte.
        exact: The exact percentages.
        exact_total_fte: Total fte, exact.
        exact_weighted: Weighted target-group fte, exact.
        exact_indirect_fte: Counted indirect fte, exact.
        cap_factor: The cap factor of R-IND-4 (4).
        size: The company size (R-SIZE-2).
        norms: The norms for the size.
        norm_policy: How norms between published rows were found.
        level: The level reached (R-LVL-5).
        eligible: At least 2 fte (R-FTE-5).
        thirty_plus: The PSO 30+ reading (R-30).
        banenafspraak: The banenafspraak read-out (R-BA-1).
        gaps: Gaps to every higher level (R-GAP-1).
        gap_supplier: The supplier profile used for purchase gaps.
        qualitative: The qualitative checklist (R-QUAL).
        annual_fee: The annual PSO contribution in euro, if known (R-FEE-1).
        warnings: Every conservative choice or decision that influenced this
            result, each naming its rule id.
    """

    organisation: Organisation
    rules: RuleSet
    application_date: dt.date
    peiljaar: DateRange
    workforce: Workforce
    purchases: Indirect
    exact: Scores
    exact_total_fte: Fraction
    exact_weighted: Fraction
    exact_indirect_fte: Fraction
    cap_factor: Fraction
    size: int
    norms: Norms
    norm_policy: NormPolicy
    level: Level
    eligible: bool
    thirty_plus: ThirtyPlus
    banenafspraak: Banenafspraak
    gaps: tuple[Gap, ...]
    gap_supplier: SupplierProfile | None
    qualitative: Qualitative
    annual_fee: Decimal | None
    warnings: tuple[Notice, ...]

    @property
    def edition(self) -> str:
        """The edition of the PSO-Handleiding applied, e.g. ``"2.1"``."""
        return self.rules.edition.name

    @property
    def total_fte(self) -> Decimal:
        """Total fte (R-FTE-6)."""
        return as_decimal(self.exact_total_fte)

    @property
    def weighted_target_fte(self) -> Decimal:
        """Weighted target-group fte (R-TG-0)."""
        return as_decimal(self.exact_weighted)

    @property
    def direct_pct(self) -> Decimal:
        """Direct contribution in percent (R-DIR-2)."""
        return as_decimal(self.exact.direct_pct)

    @property
    def indirect_fte(self) -> Decimal:
        """Counted indirect fte (R-IND-2)."""
        return as_decimal(self.exact_indirect_fte)

    @property
    def indirect_pct(self) -> Decimal:
        """Indirect contribution in percent, before the cap (R-IND-3)."""
        return as_decimal(self.exact.indirect_pct)

    @property
    def indirect_counted_pct(self) -> Decimal:
        """Indirect contribution that counts under the 80% cap (R-IND-4)."""
        return as_decimal(self.exact.indirect_counted_pct)

    @property
    def total_pct(self) -> Decimal:
        """Total score in percent (R-LVL-1)."""
        return as_decimal(self.exact.total_pct)

    @property
    def next_level(self) -> Gap | None:
        """The gap to the next higher level, if any."""
        return self.gaps[0] if self.gaps else None

    @functools.cached_property
    def explanation(self) -> Explanation:
        """Every figure with its rule, formula and source (built on first use)."""
        return explain(self)

    def explanation_in(self, lang: str) -> Explanation:
        """The explanation in ``lang``: ``en`` (:attr:`explanation`) or ``nl``."""
        return self.explanation if lang == "en" else explain(self, lang)

    def certificate_valid_until(self, issued_on: dt.date) -> dt.date:
        """Last valid day of a certificate issued on ``issued_on`` (R-LVL-7)."""
        return valid_until(issued_on, self.rules.integer("certificate_validity_years").value)

    def position(self) -> Position:
        """The figures that decide the level, for what-if questions (R-GAP-1)."""
        return Position(self.exact_total_fte, self.exact_weighted, self.exact_indirect_fte)

    def to_dict(self, *, explanation: bool = False) -> dict[str, Any]:
        """JSON-ready form: decimals as strings, enums as their codes.

        Args:
            explanation: Include the explanation tree under ``explanation``.
        """
        out: dict[str, Any] = {
            "organisation": self.organisation.name,
            "application_date": self.application_date.isoformat(),
            "peiljaar": {"start": self.peiljaar.start.isoformat(),
                         "end": self.peiljaar.end.isoformat()},
            "level": self.level.value,
            "eligible": self.eligible,
            "edition": self.edition,
            "total_fte": str(self.total_fte),
            "weighted_target_fte": str(self.weighted_target_fte),
            "direct_pct": str(self.direct_pct),
            "indirect_fte": str(self.indirect_fte),
            "indirect_pct": str(self.indirect_pct),
            "indirect_counted_pct": str(self.indirect_counted_pct),
            "total_pct": str(self.total_pct),
            "size": self.size,
            "norms": self.norms.to_dict(),
            "warnings": [{"rule": w.rule, "message": w.message} for w in self.warnings],
            "thirty_plus": self.thirty_plus.to_dict(),
            "gaps": [g.to_dict() for g in self.gaps],
            "banenafspraak": self.banenafspraak.to_dict(),
            "qualitative": self.qualitative.to_dict(),
            "annual_fee": None if self.annual_fee is None else str(self.annual_fee),
            "counts": {"persons": self.workforce.person_count,
                       "employment_rows": self.workforce.rows_read,
                       "rows_outside_peiljaar": len(self.workforce.rows_outside),
                       "purchases": len(self.purchases.purchases),
                       "purchases_not_counted": sum(1 for p in self.purchases.purchases
                                                    if not p.counted)},
        }
        if explanation:
            out["explanation"] = self.explanation.to_dict()
        return out

    def __repr__(self) -> str:
        return (f"<Assessment {self.organisation.name!r}: {self.level.value}, total "
                f"{display(self.exact.total_pct)}% at size {self.size}, edition {self.edition}>")

    def _repr_markdown_(self) -> str:
        from psoladder.report import render

        return render(self, "markdown", lang="en")

    def _repr_html_(self) -> str:
        from psoladder.report import render

        return render(self, "html", lang="en", standalone=False)


def assess(
    organisation: Organisation,
    *,
    application_date: dt.date | None = None,
    rules: RuleSet | None = None,
    overrides: RuleOverrides | None = None,
    norm_policy: NormPolicy | str = NormPolicy.NEAREST,
    thirty_plus_basis: ThirtyPlusBasis | str = ThirtyPlusBasis.FTE,
    gap_supplier: SupplierProfile | None = None,
) -> Assessment:
    """Assess an organisation under the PSO rules.

    Args:
        organisation: The organisation.
        application_date: Overrides the organisation's application date.
        rules: A rule set to use instead of the one in force on the date.
        overrides: User rule values (e.g. the official full norm table).
        norm_policy: ``nearest`` (default, conservative) or ``interpolate`` (R-LVL-3).
        thirty_plus_basis: ``fte`` (default) or ``headcount`` (R-30-4).
        gap_supplier: Supplier profile for the purchase gaps; default the
            organisation's largest counted supplier.

    Raises:
        NoRuleInForce: For an application date before 2017-04-01.
        InputError: For an invalid peiljaar.
    """
    setting = _Setting.of(organisation, _application_date(application_date), rules, overrides)
    wf = workforce(organisation.employments, peiljaar=setting.peiljaar,
                   fulltime_hours=organisation.fulltime_hours, rules=setting.rules)
    return _assess(organisation, setting, wf, norm_policy=norm_policy,
                   thirty_plus_basis=thirty_plus_basis, gap_supplier=gap_supplier)


@attrs.frozen
class _Setting:
    """The application date, rules and peiljaar of one assessment (R-ED-1, R-FTE-4)."""

    on: dt.date
    rules: RuleSet
    peiljaar: DateRange
    notices: tuple[Notice, ...]

    @classmethod
    def of(cls, organisation: Organisation, application_date: dt.date | None,
           rules: RuleSet | None, overrides: RuleOverrides | None) -> _Setting:
        on = application_date or organisation.application_date
        if rules is None:
            rules = rules_at(on, overrides)
        elif overrides is not None:
            rules = rules.with_overrides(overrides)
        notices = list(rules.notices())
        if organisation.peiljaar is None:
            peiljaar = default_peiljaar(on)
            notices.append(Notice.of("R-FTE-4", "peiljaar_default", peiljaar=peiljaar))
        else:
            peiljaar = validate_peiljaar(organisation.peiljaar)
        return cls(on, rules, peiljaar, tuple(notices))


def _assess(organisation: Organisation, setting: _Setting, wf: Workforce, *,
            norm_policy: NormPolicy | str, thirty_plus_basis: ThirtyPlusBasis | str,
            gap_supplier: SupplierProfile | None) -> Assessment:
    on, rules, peiljaar = setting.on, setting.rules, setting.peiljaar
    policy = NormPolicy(norm_policy)
    notices = [*setting.notices, *wf.notices]
    total = wf.total_fte
    weighted = weighted_target_fte(wf)
    bought = indirect(organisation.purchases, peiljaar)
    s = scores(total, weighted, bought.indirect_fte, rules)
    minimum = min_total_fte(rules)
    eligible = total >= minimum
    size = company_size(total)
    norms = norms_for(size, rules=rules, policy=policy)
    level = decide_level(s.total_pct, norms, eligible=eligible)

    if not eligible:
        notices.append(Notice.of("R-FTE-5", "not_eligible", total=display(total),
                                 minimum=display(minimum)))
    capped = sum(1 for p in wf.persons if p.capped)
    if capped:
        notices.append(Notice.of("R-FTE-3", "person_capped", count=capped,
                                 cap=rules.decimal("person_fte_cap").value))
    if wf.rows_outside:
        notices.append(Notice.of("R-FTE-6", "rows_outside", count=len(wf.rows_outside)))
    skipped = [p for p in bought.purchases if not p.counted]
    if skipped:
        notices.append(Notice.of("R-IND-6", "purchases_not_counted", count=len(skipped),
                                 details="; ".join(f"{p.index} ({p.reason.message})"
                                                   for p in skipped if p.reason),
                                 indexes=", ".join(str(p.index) for p in skipped)))
    if norms.source.value == "nearest_published_row":
        notices.append(Notice.of("R-LVL-3", "norms_nearest", size=size, row=norms.rows_used[0]))
    elif norms.source.value == "interpolated":
        notices.append(Notice.of("R-LVL-3", "norms_interpolated", size=size,
                                 low=norms.rows_used[0], high=norms.rows_used[1]))
    if norms.basistrede_unknown and eligible and level < Level.TREDE_1:
        notices.append(Notice.of("R-LVL-5", "basistrede_unknown"))

    tp = thirty_plus(wf, level, rules, basis=thirty_plus_basis)
    if level >= Level.TREDE_3:
        notices.extend(tp.notices)

    supplier = gap_supplier or bought.largest_supplier()
    if supplier is not None and gap_supplier is None:
        notices.append(Notice.of("R-GAP-1", "gap_supplier", supplier=supplier.name))
    target_persons = [p.person for p in wf.persons if p.weighted_fte > 0]
    qualitative = evaluate(level, target_persons, organisation.evidence, rules,
                           aspirant_plan=organisation.aspirant_plan,
                           recertification=organisation.recertification)
    position = Position(total, weighted, bought.indirect_fte)
    return Assessment(
        organisation=organisation, rules=rules, application_date=on, peiljaar=peiljaar,
        workforce=wf, purchases=bought, exact=s,
        exact_total_fte=total, exact_weighted=weighted, exact_indirect_fte=bought.indirect_fte,
        cap_factor=cap_factor(rules), size=size, norms=norms, norm_policy=policy, level=level,
        eligible=eligible, thirty_plus=tp, banenafspraak=banenafspraak(wf, rules),
        gaps=gaps(position, rules, policy=policy, supplier=supplier), gap_supplier=supplier,
        qualitative=qualitative, annual_fee=annual_fee(total, rules),
        warnings=tuple(dict.fromkeys(notices)),
    )


def assess_many(
    organisations: Iterable[Organisation],
    *,
    progress: Callable[[int, int | None], None] | None = None,
    overrides: RuleOverrides | None = None,
    pause_gc: bool = True,
    **options: Any,
) -> list[Assessment]:
    """Assess many organisations, sharing the rule set of each application date.

    Args:
        organisations: The organisations (any iterable; a sized one gives
            ``progress`` a total).
        progress: Called as ``progress(done, total)`` after each organisation;
            ``total`` is ``None`` when the iterable has no length.
        overrides: User rule values applied to every rule set.
        pause_gc: Pause Python's cycle collector during the batch (restored
            afterwards; see the performance page).
        **options: Passed on to :func:`assess` (``norm_policy``,
            ``thirty_plus_basis``).

    >>> from psoladder.io import load_example
    >>> org = load_example()
    >>> [a.level.value for a in assess_many([org, org])]
    ['trede_2', 'trede_2']
    """
    total = len(organisations) if isinstance(organisations, Sized) else None
    by_date: dict[dt.date, RuleSet] = {}
    results = []
    # The results form a large, growing set of long-lived objects without
    # reference cycles; CPython's cycle collector would rescan them again and
    # again. Pausing it for the batch (and restoring it after) saves about a
    # third of the time on 10,000 organisations; nothing is leaked.
    paused = pause_gc and gc.isenabled()
    if paused:
        gc.disable()
    try:
        for done, org in enumerate(organisations, start=1):
            on = org.application_date
            if on not in by_date:
                by_date[on] = rules_at(on, overrides)
            results.append(assess(org, rules=by_date[on], **options))
            if progress is not None:
                progress(done, total)
    finally:
        if paused:
            gc.enable()
    return results


def assess_file(
    path: str | Path,
    *,
    application_date: dt.date | None = None,
    overrides: RuleOverrides | None = None,
    progress: Progress | None = None,
    detail: bool = False,
    norm_policy: NormPolicy | str = NormPolicy.NEAREST,
    thirty_plus_basis: ThirtyPlusBasis | str = ThirtyPlusBasis.FTE,
    gap_supplier: SupplierProfile | None = None,
    allow_outside: bool = False,
    pseudonym_key: str | bytes | None = None,
) -> Assessment:
    """Assess an organisation file, streaming its payroll file.

    The same computation as ``assess(load_organisation(path))``, with the
    same figures and warnings, but the payroll rows are validated and folded
    into per-person figures one by one
    (:func:`~psoladder.io.payroll.stream_payroll`), so memory grows with the
    number of persons, not rows. Row details are kept for target-group persons;
    everyone else keeps their fte (see :class:`~psoladder.fte.WorkforceBuilder`).
    Payroll rows are numbered by their line in the payroll file, inline
    ``[[employment]]`` tables by their position (see ``PeriodFte.source``).

    Args:
        path: The organisation file (TOML or JSON).
        application_date: Overrides the file's application date.
        overrides: User rule values.
        progress: Called with the number of payroll rows read, now and then.
        detail: Keep every row's details (for a full explanation or a
            per-row DataFrame), at the cost of memory that grows with rows.
        norm_policy: ``nearest`` (default) or ``interpolate``.
        thirty_plus_basis: ``fte`` (default) or ``headcount``.
        gap_supplier: Supplier profile for the purchase gaps.
        allow_outside: Read a payroll file outside the organisation file's
            folder (refused by default).
        pseudonym_key: Replace every person identifier by its keyed
            pseudonym before the computation (:mod:`psoladder.pseudonym`);
            error messages then leave out the values of person fields.

    Raises:
        InputError: Every problem of the organisation file and the payroll.
    """
    pseudonymiser = None if pseudonym_key is None else Pseudonymiser(pseudonym_key)
    try:
        return _assess_file(Path(path), application_date=application_date,
                            overrides=overrides, progress=progress, detail=detail,
                            norm_policy=norm_policy, thirty_plus_basis=thirty_plus_basis,
                            gap_supplier=gap_supplier, allow_outside=allow_outside,
                            pseudonymiser=pseudonymiser)
    except InputError as exc:
        if pseudonymiser is None:
            raise
        raise pseudonymiser.error(exc) from None


def _assess_file(path: Path, *, application_date: dt.date | None,
                 overrides: RuleOverrides | None, progress: Progress | None, detail: bool,
                 norm_policy: NormPolicy | str, thirty_plus_basis: ThirtyPlusBasis | str,
                 gap_supplier: SupplierProfile | None, allow_outside: bool,
                 pseudonymiser: Pseudonymiser | None) -> Assessment:
    doc, base, name = read_document(path)
    parts = organisation_parts(doc, base=base, file=name, allow_outside=allow_outside)
    payroll, payroll_name = parts.payroll, parts.payroll_name
    if parts.problems:
        problems = list(parts.problems)
        if payroll is not None and payroll_name is not None:
            # Report the payroll's problems too, as load_organisation does.
            try:
                stream_payroll(payroll, lambda line, row: None, name=payroll_name)
            except InputError as exc:
                problems.extend(payroll_problems(exc, name))
        raise InputError(problems)
    # Problems between the parts are raised after the payroll is read, with
    # the evidence that names no person of it, as load_organisation does.
    early = parts.consistency(parts.employments)
    organisation = parts.organisation(parts.employments, with_evidence=not early)
    setting = _Setting.of(organisation, _application_date(application_date), None, overrides)
    wanted = {e.person for e in parts.evidence}
    found = {e.person for e in organisation.employments if e.person in wanted}
    if pseudonymiser is not None:
        organisation = pseudonymiser.organisation(organisation)
    builder = WorkforceBuilder(peiljaar=setting.peiljaar,
                               fulltime_hours=organisation.fulltime_hours, rules=setting.rules,
                               detail=detail)
    for i, e in enumerate(organisation.employments, start=1):
        builder.add(e.row if e.row is not None else i, e)
    if payroll is not None and payroll_name is not None:
        rows = len(organisation.employments)
        target = sum(1 for e in organisation.employments if e.target_group is not None)

        def add(line: int, row: EmploymentLike) -> None:
            # The bounds on the organisation's rows, payroll and inline together.
            nonlocal rows, target
            rows += 1
            target += row.target_group is not None
            if rows > MAX_ROWS or target > MAX_TARGET_GROUP_ROWS:
                what = (f"{MAX_ROWS:,} employment rows" if rows > MAX_ROWS
                        else f"{MAX_TARGET_GROUP_ROWS:,} rows of target-group persons")
                raise InputError([Problem(f"more than {what}, more than psoladder reads",
                                          row=line)])
            if row.person in wanted:
                found.add(row.person)
            if pseudonymiser is not None and isinstance(row, Row):
                row.person = pseudonymiser(row.person)
            builder.add(line, row)

        def done(person: str) -> None:
            builder.complete(person if pseudonymiser is None else pseudonymiser(person))

        try:
            stream_payroll(payroll, add, progress=progress, person_done=done,
                           name=payroll_name)
        except InputError as exc:
            raise InputError(payroll_problems(exc, name)) from None
    problems = early + evidence_problems(parts.evidence, found, name)
    if problems:
        raise InputError(problems)
    return _assess(organisation, setting, builder.build(), norm_policy=norm_policy,
                   thirty_plus_basis=thirty_plus_basis, gap_supplier=gap_supplier)


def _application_date(value: dt.date | None) -> dt.date | None:
    """An application date given by the caller, checked like the file's."""
    return None if value is None else date_field("application_date", value)
