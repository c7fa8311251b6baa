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

import contextlib
import datetime as dt
import functools
import gc
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence, Set, Sized
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from psoladder import columnar, formatting, messages
from psoladder.banenafspraak import Banenafspraak, banenafspraak
from psoladder.certificate import annual_fee, valid_until
from psoladder.direct import weighted_target_fte
from psoladder.errors import InputError, NoRuleInForce, PsoError
from psoladder.fte import FteBasis, Row, Workforce, WorkforceBuilder, workforce
from psoladder.group import EntityCheck, Group, breakdown
from psoladder.indirect import Indirect, SupplierProfile, indirect
from psoladder.io.orgfile import (
    Document,
    evidence_problems,
    organisation_parts,
    payroll_problems,
    read_document,
)
from psoladder.io.payroll import PayrollFormat, PayrollSummary, Progress, stream_payroll
from psoladder.levels import (
    Gap,
    NormPolicy,
    Norms,
    NormSource,
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
from psoladder.messages import Phrase
from psoladder.model import EmploymentLike, Level, Organisation, date_field, entity_lookup
from psoladder.numbers import as_decimal
from psoladder.periods import DateRange, application_problem, default_peiljaar, validate_peiljaar
from psoladder.qualitative import AspirantStatus, Qualitative, evaluate
from psoladder.rules import (
    Cited,
    Notice,
    RuleOverrides,
    RuleSet,
    Status,
    rules_at,
    secondary_notices,
)
from psoladder.thirtyplus import ThirtyPlus, ThirtyPlusBasis, ThirtyPlusDenominator, thirty_plus

if TYPE_CHECKING:  # presentation and pseudonyms: imported where they are used
    from psoladder.bounds import LevelBounds
    from psoladder.explain import Explanation
    from psoladder.pseudonym import Pseudonymiser

__all__ = ["Assessment", "Blocker", "Verdict", "assess", "assess_file", "assess_many"]


@attrs.frozen
class Blocker:
    """Something that stands between the computed level and the certifiable level (R-QUAL).

    Attributes:
        reason: ``no_evidence`` (no ``[[evidence]]`` recorded at all),
            ``evidence_missing`` (criteria not shown for one person) or
            ``appraisals`` (too few files with appraisal interviews).
        rule: The rule id.
        persons: The people concerned.
        criteria: The criteria not shown (``evidence_missing``).
        share: The share of files with appraisals (``appraisals``).
        minimum: The least share needed (``appraisals``).
    """

    reason: str
    rule: str
    persons: tuple[str, ...] = ()
    criteria: tuple[str, ...] = ()
    share: Fraction | None = None
    minimum: Fraction | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        out: dict[str, Any] = {"reason": self.reason, "rule": self.rule}
        if self.persons:
            out["persons"] = list(self.persons)
        if self.criteria:
            out["criteria"] = list(self.criteria)
        if self.share is not None and self.minimum is not None:
            out["share_pct"] = str(as_decimal(100 * self.share))
            out["minimum_pct"] = str(as_decimal(100 * self.minimum))
        return out


@attrs.frozen(repr=False)
class Verdict:
    """One coherent verdict: the computed level, the certifiable level and what separates them.

    Attributes:
        quantitative: The level the figures reach (R-LVL-5).
        certifiable: The level that can be certified with the recorded
            evidence, ``None`` when no evidence was recorded (R-QUAL-4).
        blocking: What stands between them; empty when nothing does.
        aspirant: The evaluation of an Aspirant plan of action, if given.
    """

    quantitative: Level
    certifiable: Level | None
    blocking: tuple[Blocker, ...]
    aspirant: AspirantStatus | None

    @classmethod
    def of(cls, level: Level, q: Qualitative) -> Verdict:
        """The verdict for a computed level and its evaluated evidence."""
        blocking: list[Blocker] = []
        if level > Level.NONE:
            if not q.evaluated:
                blocking.append(Blocker("no_evidence", "R-QUAL-4", persons=tuple(q.missing)))
            else:
                blocking.extend(Blocker("evidence_missing", "R-QUAL-1", persons=(person,),
                                        criteria=tuple(criteria))
                                for person, criteria in q.missing.items())
            if q.appraisal_share is not None and not q.meets_appraisal_floor:
                blocking.append(Blocker("appraisals", "R-QUAL-2", share=q.appraisal_share,
                                        minimum=q.appraisal_min))
        return cls(level, q.certifiable_level, tuple(blocking), q.aspirant)

    def __repr__(self) -> str:
        """Short: both levels and what blocks.

        >>> from psoladder.io import load_example
        >>> assess(load_example()).verdict
        <Verdict Trede 2, certifiable: no level; blocking: evidence_missing D003 (development)>
        """
        cert = "not evaluated" if self.certifiable is None else str(self.certifiable)
        blocking = "; ".join(
            " ".join([b.reason, *b.persons[:3]] + ([f"({', '.join(b.criteria)})"]
                                                   if b.criteria else []))
            for b in self.blocking) or "nothing"
        return f"<Verdict {self.quantitative}, certifiable: {cert}; blocking: {blocking}>"


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
        reading: What the payroll reader decided and the user should know
            (ignored columns, a date column read day-first), each naming the
            file it is about (issue 12; :func:`assess_file` only).
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
    reading: tuple[Notice, ...] = ()

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

    @functools.cached_property
    def level_bounds(self) -> LevelBounds:
        """The level that is certain and the level that is possible, and why (issue 17).

        Where unpublished rule values decide the level (a norm between the
        published rows, the Basistrede norms, a student weight of edition
        1.9 on), :attr:`level` uses their conservative values; this says
        which level every admissible value reaches (:attr:`level_certain`),
        which one some value reaches (:attr:`level_possible`) and which
        unknowns decide between them. See :mod:`psoladder.bounds`.
        """
        from psoladder.bounds import level_bounds, weight_parts

        return level_bounds(self.position(), self.rules, weight_parts(self.workforce))

    @property
    def level_certain(self) -> Level:
        """The level reached whatever the unpublished rule values are.

        Equal to :attr:`level` under the default norm policy ``nearest``;
        under ``interpolate`` it can be lower (the interpolated norm is one
        admissible value, not the strictest).
        """
        return self.level_bounds.certain

    @property
    def level_possible(self) -> Level:
        """The highest level reached for some admissible value of the unpublished rule values."""
        return self.level_bounds.possible

    @property
    def next_level(self) -> Gap | None:
        """The gap to the next higher level, if any."""
        return self.gaps[0] if self.gaps else None

    @functools.cached_property
    def explanation(self) -> Explanation:
        """Every figure with its calculation, rule and source (built on first use).

        Shown in English by default; :meth:`explanation_in` gives it in Dutch
        or with every person outside the target groups.
        """
        from psoladder.explain import explain

        return explain(self)

    def explanation_in(self, lang: str, *, detail: str = "summary") -> Explanation:
        """The explanation shown in ``lang`` (``en`` or ``nl``), with ``detail`` (``summary``, ``full``)."""
        if detail == "summary":
            return self.explanation.in_language(lang)
        from psoladder.explain import explain

        return explain(self, lang, detail=detail)

    @functools.cached_property
    def group(self) -> Group:
        """The figures per entity of the applicant's group (R-ORG-1, :mod:`psoladder.group`)."""
        return breakdown(self.organisation, self.workforce, self.purchases)

    @property
    def verdict(self) -> Verdict:
        """The computed level, the certifiable level and what separates them."""
        return Verdict.of(self.level, self.qualitative)

    def certificate_valid_until(self, issued_on: dt.date) -> dt.date:
        """Last valid day of a certificate issued on ``issued_on`` (R-LVL-7)."""
        return valid_until(issued_on, self.rules.integer("certificate_validity_years").value)

    def position(self) -> Position:
        """The figures that decide the level, for what-if questions (R-GAP-1)."""
        return Position(self.exact_total_fte, self.exact_weighted, self.exact_indirect_fte)

    def to_dict(self, *, explanation: bool = False, lang: str = "en",
                detail: str = "summary") -> dict[str, Any]:
        """JSON-ready form: decimals as strings, enums as their codes.

        ``level`` is the computed level; ``quantitative_level`` says the same,
        beside ``certifiable_level`` (``null`` when no evidence was recorded)
        and ``blocking``, the list of what separates them (see
        :class:`Verdict`). ``level_bounds`` holds the ``certain`` and the
        ``possible`` level, the rule ids that decide between them
        (``because``) and the ``unknowns`` with their ranges (see
        :class:`~psoladder.bounds.LevelBounds`).

        Args:
            explanation: Include the explanation tree under ``explanation``.
            lang: Language of the texts for people: each warning's ``text``
                (its ``message`` stays English) and the explanation's titles
                and calculations.
            detail: The explanation's detail (``summary`` or ``full``).
        """
        verdict = self.verdict
        out: dict[str, Any] = {
            "organisation": self.organisation.name,
            "application_date": self.application_date.isoformat(),
            "peiljaar": {"start": self.peiljaar.start.isoformat(),
                         "end": self.peiljaar.end.isoformat()},
            "level": self.level.value,
            "level_bounds": self.level_bounds.to_dict(),
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
            "quantitative_level": verdict.quantitative.value,
            "certifiable_level": None if verdict.certifiable is None
            else verdict.certifiable.value,
            "blocking": [b.to_dict() for b in verdict.blocking],
            "warnings": [{"rule": w.rule, "message": w.message,
                          **({"text": w.text(lang)} if lang != "en" else {})}
                         for w in self.warnings],
            # issue 12: how the payroll was read, when there is something to say
            **({"reading": [{"file": n.rule, "message": n.message,
                             **({"text": n.text(lang)} if lang != "en" else {})}
                            for n in self.reading]} if self.reading else {}),
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
        if self.group.shown:  # issue 15: only for an organisation that names its entities
            out["entities"] = self.group.to_dict()
        if explanation:
            out["explanation"] = self.explanation_in(lang, detail=detail).to_dict()
        return out

    def __repr__(self) -> str:
        """Short: level (certain and possible where they differ), certifiable level, score, size.

        >>> from psoladder.io import load_example
        >>> assess(load_example())
        <Assessment 'Schoonmaakbedrijf De Glansrijke B.V.': Trede 2 (possible: Trede 3; certifiable: no level), total 4.88% at size 77, edition 2.1>
        """
        certifiable = self.qualitative.certifiable_level
        cert = "not evaluated" if certifiable is None else str(certifiable)
        bounds = self.level_bounds
        pair = "".join(f"{word}: {lv}; " for word, lv in (("certain", bounds.certain),
                                                           ("possible", bounds.possible))
                       if lv != self.level)
        return (f"<Assessment {self.organisation.name!r}: {self.level} ({pair}certifiable: "
                f"{cert}), total {formatting.percent(self.exact.total_pct, 'en')} at size "
                f"{self.size}, edition {self.edition}>")


def assess(
    organisation: Organisation,
    *,
    application_date: dt.date | None = None,
    rules: RuleSet | None = None,
    overrides: RuleOverrides | None = None,
    norm_policy: NormPolicy | str = NormPolicy.NEAREST,
    thirty_plus_basis: ThirtyPlusBasis | str = ThirtyPlusBasis.FTE,
    thirty_plus_denominator: ThirtyPlusDenominator | str = ThirtyPlusDenominator.PAYROLL,
    gap_supplier: SupplierProfile | None = None,
    payroll: object = None,
    engine: columnar.Engine = "auto",
    detail: bool = False,
) -> Assessment:
    """Assess an organisation under the PSO rules.

    A payroll can come with it, as a file or a table: its rows count after
    the organisation's own ``employments``, exactly as an organisation
    file's ``employments = "payroll.csv"`` (see :func:`assess_file`), e.g.
    ``assess(org, payroll=pandas.read_excel("loon.xlsx"))`` or
    ``assess(org, payroll="loon.parquet")``.

    Args:
        organisation: The organisation.
        application_date: Overrides the organisation's application date.
        rules: A rule set to use instead of the one in force on the date.
        overrides: User rule values (e.g. the official full norm table).
        norm_policy: ``nearest`` (default, conservative) or ``interpolate`` (R-LVL-3).
        thirty_plus_basis: ``fte`` (default) or ``headcount`` (R-30-4).
        thirty_plus_denominator: ``payroll`` (default, the rule data's total)
            or ``all_staff`` (the reading of psoladder 0.1, R-30-4).
        gap_supplier: Supplier profile for the purchase gaps; default the
            organisation's largest counted supplier.
        payroll: Payroll rows besides the organisation's ``employments``: a
            file path (``.csv``, ``.parquet``, ``.xlsx``) or a table with the
            payroll columns (a pyarrow Table, a pandas or polars DataFrame;
            tables and Parquet need the ``fast`` extra). Rows are numbered
            like a spreadsheet: the header is row 1.
        engine: With a payroll: ``auto`` (the columnar engine when the
            ``fast`` extra is installed, else the pure-Python one), ``fast``,
            ``pure`` (a CSV file) or ``validating``. All give the same
            result; a payroll with a problem is always read by the
            validating path, so every problem is located.
        detail: With a payroll: keep every row's details, not only those of
            target-group people.

    Raises:
        NoRuleInForce: For an application date before 2017-04-01.
        InputError: For an invalid peiljaar, or every problem of the payroll.
    """
    setting = _Setting.of(organisation, _application_date(application_date), rules, overrides)
    reading: tuple[Notice, ...] = ()
    if payroll is None:
        wf = workforce(organisation.employments, peiljaar=setting.peiljaar,
                       fulltime_hours=organisation.fulltime_hours, rules=setting.rules)
    else:
        wf, reading, _ = _payroll_workforce(organisation, setting, payroll,
                                            _payroll_name(payroll), detail=detail,
                                            route=columnar.route(engine))
    result = _assess(organisation, setting, wf, norm_policy=norm_policy,
                     thirty_plus_basis=thirty_plus_basis,
                     thirty_plus_denominator=thirty_plus_denominator, gap_supplier=gap_supplier)
    return attrs.evolve(result, reading=result.reading + reading) if reading else result


def _payroll_name(payroll: object) -> str:
    """The name of a payroll given to :func:`assess` in messages and row sources."""
    return Path(payroll).name if isinstance(payroll, str | Path) else "<table>"


def _payroll_workforce(organisation: Organisation, setting: _Setting, payroll: object,
                       name: str, *, fmt: PayrollFormat | None = None, detail: bool,
                       route: columnar.Route, progress: Progress | None = None,
                       pseudonymiser: Pseudonymiser | None = None,
                       wanted: Set[str] = frozenset(), found: set[str] | None = None,
                       file: str | None = None,
                       ) -> tuple[Workforce, tuple[Notice, ...], PayrollSummary | None]:
    """Everyone's fte from the organisation's own rows and its payroll, by either engine.

    The columnar engine (``fast``) reads the payroll when it can: a CSV or
    Parquet file or a table in which nothing is wrong. Everything else goes
    to the validating engine, which streams the rows into a
    :class:`~psoladder.fte.WorkforceBuilder` and reports every problem with
    its file, row and field. Both apply the same checks around the rows:
    the bounds on the organisation's rows, inline and payroll together
    (#16), an ``entity`` every row names in the group (issue 15), the
    persons of ``wanted`` found (into ``found``) and each person's pseudonym.

    Args:
        organisation: The organisation; its ``employments`` come first.
        setting: Its application date, rules and peiljaar.
        payroll: A payroll file or a table.
        name: The payroll's name in messages and row sources.
        fmt: How the export is written (the ``[payroll]`` table, issue 12).
        detail: Keep every person's rows.
        route: The engine that reads the payroll first: ``fast`` (columnar),
            ``pure`` (pure-Python columnar, a CSV file without organisation
            rows before it) or ``validating``.
        progress: Called with the number of rows read.
        pseudonymiser: Replaces each payroll person's identifier (the
            organisation's own rows have theirs already).
        wanted: Persons to look for (those of the evidence).
        found: Receives the persons of ``wanted`` the payroll names.
        file: The organisation file, where problems without a file are located.

    Returns:
        The workforce, the reader's notices about the payroll (ignored
        columns, formats, lines not read; issue 12) and, from the validating
        engine, what it read.

    Raises:
        InputError: Every problem of the payroll, located.
    """
    fmt = fmt or PayrollFormat()
    found = set() if found is None else found
    if route != "validating":
        taken = _columnar_workforce(organisation, setting, payroll, name, fmt=fmt,
                                    detail=detail, pseudonymiser=pseudonymiser, wanted=wanted,
                                    pure=route == "pure")
        if taken is not None:
            wf, persons, reading = taken
            found.update(persons)
            if progress is not None:
                progress(wf.rows_read)
            return wf, reading, None
    builder = WorkforceBuilder(peiljaar=setting.peiljaar,
                               fulltime_hours=organisation.fulltime_hours, rules=setting.rules,
                               detail=detail)
    for i, e in enumerate(organisation.employments, start=1):
        builder.add(e.row if e.row is not None else i, e)
    sink = _PayrollRows(organisation, builder, name, pseudonymiser=pseudonymiser,
                        wanted=wanted)
    summary = None
    try:
        if isinstance(payroll, str | Path) and not columnar.is_parquet(Path(name)):
            summary = stream_payroll(payroll, sink, progress=progress,
                                     person_done=sink.done, name=name, fmt=fmt)
            reading = summary.notices
        else:
            reading = columnar.stream_table(payroll, sink, person_done=sink.done, name=name,
                                            fmt=fmt)
    except InputError as exc:
        sink.check.raise_with(payroll_problems(exc, file))
    sink.check.raise_with()
    found.update(sink.found)
    return builder.build(), reading, summary


def _columnar_workforce(organisation: Organisation, setting: _Setting, payroll: object,
                        name: str, *, fmt: PayrollFormat, detail: bool,
                        pseudonymiser: Pseudonymiser | None, wanted: Set[str], pure: bool,
                        ) -> tuple[Workforce, set[str], tuple[Notice, ...]] | None:
    """A columnar engine's workforce, the ``wanted`` persons found and the reader's notices.

    The engine of the ``fast`` extra, or (``pure``) the pure-Python one of
    :mod:`psoladder.columnar.pure`, which reads a CSV file without
    organisation rows before it. ``None`` where the validating engine reads
    the payroll: it has a problem (or exceeds a bound), or a form the engine
    does not read.
    """
    own = organisation.employments
    rows: Any
    if pure:
        if own or not isinstance(payroll, str | Path) or Path(name).suffix.lower() != ".csv":
            return None
        from psoladder.columnar import pure as engine

        rows = engine.read_csv(Path(payroll), name, fmt)
        if isinstance(rows, str):
            return None
        notices = rows.notices
    else:
        read = columnar.read_payroll(payroll, name, fmt)
        if isinstance(read, str):
            return None
        rows, notices = read.columns, read.notices
    # The bounds on the organisation's rows, inline and payroll together (#16).
    if (len(own) + rows.rows > MAX_ROWS or sum(1 for e in own if e.target_group is not None)
            + rows.count("target_group") > MAX_TARGET_GROUP_ROWS):
        return None
    find = entity_lookup(organisation)  # issue 15: every row names an entity of the group
    if any(find(v) is None for v in rows.given_values("entity")):
        return None
    found = {p for p in rows.given_values("person") if p in wanted} if wanted else set()
    basis = FteBasis.of(setting.peiljaar, organisation.fulltime_hours, setting.rules)
    if pure:
        wf = engine.workforce(rows, basis, setting.rules, detail=detail, rename=pseudonymiser)
    else:
        if pseudonymiser is not None:
            rows = rows.renamed(pseudonymiser)
        from psoladder.columnar.engine import Setting

        wf = columnar.payroll_workforce(rows, own, Setting(basis, setting.rules), detail=detail)
    return None if wf is None else (wf, found, notices)


class _PayrollRows:
    """The validating engine's sink for payroll rows: the checks around each row, then the builder.

    The bounds on the organisation's rows, inline and payroll together
    (#16), the row's ``entity`` (issue 15), the ``wanted`` persons found and
    each person's pseudonym (one computation per person).
    """

    def __init__(self, organisation: Organisation, builder: WorkforceBuilder, name: str, *,
                 pseudonymiser: Pseudonymiser | None, wanted: Set[str]) -> None:
        self.builder = builder
        self.rows = len(organisation.employments)
        self.target = sum(1 for e in organisation.employments if e.target_group is not None)
        self.check = EntityCheck(organisation, name)
        self.pseudonymiser = pseudonymiser
        self.wanted = wanted
        self.found: set[str] = set()
        self.current: str | None = None
        self.alias = ""  # the current person's identifier in the builder

    def __call__(self, line: int, row: EmploymentLike) -> None:
        self.rows += 1
        self.target += row.target_group is not None
        if self.rows > MAX_ROWS or self.target > MAX_TARGET_GROUP_ROWS:
            raise InputError([messages.problem(
                "in.more_rows_read" if self.rows > MAX_ROWS else "in.more_target_rows_read",
                row=line, most=MAX_ROWS if self.rows > MAX_ROWS else MAX_TARGET_GROUP_ROWS)])
        if row.entity is not None:  # issue 15: it names an entity of the group
            self.check(line, row)
        person = row.person
        if person in self.wanted:
            self.found.add(person)
        if self.pseudonymiser is not None:
            if person != self.current:
                self.current, self.alias = person, self.pseudonymiser(person)
            if isinstance(row, Row):
                row.person = self.alias
        self.builder.add(line, row)

    def block(self, start: int, rows: list[Row]) -> None:
        """``self(line, row)`` for rows on consecutive lines from ``start``, in one go (issue 11).

        Row by row where a row needs more than counting: a bound reached, an
        entity to check, a pseudonym to give.
        """
        n = len(rows)
        targets = n - [r.target_group for r in rows].count(None)
        if (self.pseudonymiser is not None or self.rows + n > MAX_ROWS
                or self.target + targets > MAX_TARGET_GROUP_ROWS
                or any(r.entity is not None for r in rows)):
            for line, row in enumerate(rows, start):
                self(line, row)
            return
        self.rows += n
        self.target += targets
        wanted = self.wanted
        if wanted:
            self.found.update(r.person for r in rows if r.person in wanted)
        self.builder.add_rows(start, rows)

    def done(self, person: str) -> None:
        """``person``'s last row was added (the first pass of :func:`stream_payroll` knows it)."""
        self.builder.complete(person if self.pseudonymiser is None else self.pseudonymiser(person))


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
        notices = list(rules.memo("rule_set_notices", rules.notices))  # (once per rule set)
        if organisation.peiljaar is None:
            peiljaar = default_peiljaar(on)
            notices.append(Notice.of("R-FTE-4", "peiljaar_default", peiljaar=peiljaar))
        else:
            peiljaar = validate_peiljaar(organisation.peiljaar)
        problem = application_problem(on, peiljaar, given=application_date is not None)
        if problem is not None:
            raise InputError([problem])
        return cls(on, rules, peiljaar, tuple(notices))


def _assess(organisation: Organisation, setting: _Setting, wf: Workforce, *,
            norm_policy: NormPolicy | str, thirty_plus_basis: ThirtyPlusBasis | str,
            thirty_plus_denominator: ThirtyPlusDenominator | str,
            gap_supplier: SupplierProfile | None) -> Assessment:
    on, rules, peiljaar = setting.on, setting.rules, setting.peiljaar
    policy = NormPolicy(norm_policy)
    notices = [*setting.notices, *wf.notices]
    total = wf.total_fte
    weighted = weighted_target_fte(wf)
    group_purchases = rules.parameter("group_purchases_count")
    bought = indirect(organisation.purchases, peiljaar, from_group=organisation.supplier_entity,
                      group_purchases_count=group_purchases)
    s = scores(total, weighted, bought.indirect_fte, rules)
    minimum = min_total_fte(rules)
    eligible = total >= minimum
    size = company_size(total)
    norms = norms_for(size, rules=rules, policy=policy)
    level = decide_level(s.total_pct, norms, eligible=eligible)

    if not eligible:
        notices.append(Notice.of("R-FTE-5", "not_eligible", total=total, minimum=minimum))
    capped = wf.capped_persons
    if capped:
        notices.append(Notice.of("R-FTE-3", "person_capped", count=capped,
                                 cap=rules.decimal("person_fte_cap").value))
    if wf.rows_outside:
        notices.append(Notice.of("R-FTE-6", "rows_outside", count=len(wf.rows_outside)))
    # Purchases that do not count, one notice per rule that refuses them (R-IND-1,
    # R-IND-6, R-ORG-1), each purchase with its reason in the reader's language.
    skipped: dict[str, list[Phrase]] = {}
    for p in bought.purchases:
        if not p.counted and p.reason is not None:
            skipped.setdefault(p.reason.rule, []).append(
                Phrase.of("x.purchase_reason", index=p.index, reason=p.reason))
    for rule, reasons in skipped.items():
        notices.append(Notice.of(rule, "purchases_not_counted", count=len(reasons),
                                 details=tuple(reasons)))
    if norms.source.value == "nearest_published_row":
        notices.append(Notice.of("R-LVL-3", "norms_nearest", size=size, row=norms.rows_used[0]))
    elif norms.source.value == "interpolated":
        notices.append(Notice.of("R-LVL-3", "norms_interpolated", size=size,
                                 low=norms.rows_used[0], high=norms.rows_used[1]))
    if rules.norms.user_sizes and norms.source is not NormSource.USER_TABLE:
        notices.append(Notice.of("R-LVL-3", "norms_partial_override", size=size,
                                 count=len(rules.norms.user_sizes)))
    if norms.basistrede_unknown and eligible and level < Level.TREDE_1:
        notices.append(Notice.of("R-LVL-5", "basistrede_unknown"))

    tp = thirty_plus(wf, level, rules, basis=thirty_plus_basis,
                     denominator=thirty_plus_denominator)
    if level >= Level.TREDE_3:
        notices.extend(tp.notices)

    supplier = gap_supplier or bought.largest_supplier()
    position = Position(total, weighted, bought.indirect_fte)
    to_higher = gaps(position, rules, policy=policy, supplier=supplier, scored=s)
    if supplier is not None and gap_supplier is None and any(
            g.purchase_amount is not None for g in to_higher):
        # Only where a purchase gap is shown (none at the highest level).
        notices.append(Notice.of("R-GAP-1", "gap_supplier", supplier=supplier.name))
    target_persons = [p.person for p in wf.detailed if p.weighted_fte]  # (never below 0)
    qualitative = evaluate(level, target_persons, organisation.evidence, rules,
                           aspirant_plan=organisation.aspirant_plan,
                           recertification=organisation.recertification)
    if qualitative.aspirant is not None:
        extensions = rules.integer("aspirant_extensions")
        if extensions.status is Status.DECISION:
            notices.append(Notice.of("R-LVL-6", "aspirant_extensions_decision",
                                     count=extensions.value, edition=rules.edition.name))
    ba = banenafspraak(wf, rules)
    fee = annual_fee(total, rules)
    if fee is not None:
        notices.extend(_fee_notices(total, fee, rules, voucher=organisation.cedris_voucher,
                                    thirty_plus_awarded=tp.awarded))
        if organisation.cedris_voucher and tp.awarded:
            fee = annual_fee(total, rules, voucher=True)
    if organisation.sw_organisation:
        method = rules.parameter("sw_organisation_method")
        notices.append(Notice.of(method.rule, "sw_organisation"))
    # Values that influenced a figure of this result and rest only on a
    # secondary source get a notice each (source quality, issue 14).
    used: list[Cited[Any]] = [*wf.cited, norms.citation, rules.decimal("max_indirect_share"),
                              rules.decimal("min_total_fte")]
    # (each counting case once: its values are the same for every row it counts)
    countings = {id(p.counting): p.counting for p in wf.periods if p.counted_days}
    used.extend(c for counting in countings.values() for c in counting.cited)
    if level >= Level.TREDE_3:
        used.extend(tp.cited)
    if ba.jobs:
        used.extend(ba.cited)
    if fee is not None:
        used.append(rules.parameter("fee_scale"))
    notices.extend(secondary_notices(used))
    return Assessment(
        organisation=organisation, rules=rules, application_date=on, peiljaar=peiljaar,
        workforce=wf, purchases=bought, exact=s,
        exact_total_fte=total, exact_weighted=weighted, exact_indirect_fte=bought.indirect_fte,
        cap_factor=cap_factor(rules), size=size, norms=norms, norm_policy=policy, level=level,
        eligible=eligible, thirty_plus=tp, banenafspraak=ba,
        gaps=to_higher, gap_supplier=supplier,
        qualitative=qualitative, annual_fee=fee,
        warnings=tuple(dict.fromkeys(notices)), reading=organisation.reading,
    )


def _fee_notices(total: Fraction, fee: Decimal, rules: RuleSet, *, voucher: bool,
                 thirty_plus_awarded: bool) -> list[Notice]:
    """What the fee rests on: an unknown scale, a band bound, the voucher (R-FEE-1/2)."""
    notices = []
    scale = rules.parameter("fee_scale")
    if not scale.known:
        notices.append(Notice.of(scale.rule, "fee_unknown", year=rules.on.year, fee=fee))
    bound = rules.parameter("fee_on_band_bound")
    if any(total == lower for lower, _ in scale.value[1:]):
        notices.append(Notice.of(bound.rule, f"fee_band_bound.{bound.value}", total=total))
    if voucher:
        share = rules.decimal("fee_voucher_cedris")
        if thirty_plus_awarded:
            notices.append(Notice.of(share.rule, "fee_voucher", pct=100 * share.value,
                                     full=fee))
        else:
            notices.append(Notice.of(share.rule, "fee_voucher_not_applied"))
    return notices


def assess_many(
    organisations: Iterable[Organisation],
    *,
    progress: Callable[[int, int | None], None] | None = None,
    overrides: RuleOverrides | None = None,
    pause_gc: bool = True,
    engine: columnar.Engine = "auto",
    batch: int = 2_000,
    **options: Any,
) -> list[Assessment]:
    """Assess many organisations, sharing the rule set of each application date.

    With the ``fast`` extra, the fte of a whole batch of organisations is
    computed in one pass of the columnar engine (:mod:`psoladder.columnar`);
    each organisation's assessment is the one :func:`assess` gives.

    Args:
        organisations: The organisations (any iterable; a sized one gives
            ``progress`` a total).
        progress: Called as ``progress(done, total)`` after each organisation;
            ``total`` is ``None`` when the iterable has no length.
        overrides: User rule values applied to every rule set.
        pause_gc: Pause Python's cycle collector during the batch (restored
            afterwards; see the performance page).
        engine: ``auto`` (columnar when the ``fast`` extra is installed),
            ``fast``, ``pure`` or ``validating`` (the last two, and ``auto``
            without the extra: one organisation at a time). Same results
            either way.
        batch: Organisations computed in one columnar pass.
        **options: Passed on to :func:`assess` (``norm_policy``,
            ``thirty_plus_basis``, ``thirty_plus_denominator``, ``gap_supplier``).

    >>> from psoladder.io import load_example
    >>> org = load_example()
    >>> [a.level.value for a in assess_many([org, org])]
    ['trede_2', 'trede_2']
    """
    total = len(organisations) if isinstance(organisations, Sized) else None
    fast = columnar.route(engine) == "fast" and options.keys() <= _ASSESS_OPTIONS
    by_date: dict[dt.date, RuleSet] = {}

    def rules_for(org: Organisation) -> RuleSet:
        on = org.application_date
        if on not in by_date:
            by_date[on] = rules_at(on, overrides)
        return by_date[on]

    results: list[Assessment] = []

    def done(a: Assessment) -> None:
        results.append(a)
        if progress is not None:
            progress(len(results), total)

    # The results form a large, growing set of long-lived objects without
    # reference cycles; CPython's cycle collector would rescan them again and
    # again. Pausing it for the batch (and restoring it after) saves about a
    # third of the time on 10,000 organisations; nothing is leaked.
    paused = pause_gc and gc.isenabled()
    if paused:
        gc.disable()
    try:
        for chunk in _batches(organisations, batch if fast else 1):
            if not fast:
                org = chunk[0]
                done(assess(org, rules=rules_for(org), **options))
                continue
            settings = []
            failure = None
            for org in chunk:
                try:
                    settings.append(_Setting.of(org, None, rules_for(org), None))
                except PsoError as exc:  # assess the ones before it, as one by one would
                    failure = exc
                    break
            found = _many_workforces(chunk[:len(settings)], settings)
            for org, setting, wf in zip(chunk, settings, found, strict=False):
                done(_assess(org, setting, wf, **{**_ASSESS_DEFAULTS, **options}))
            if failure is not None:
                raise failure
    finally:
        if paused:
            gc.enable()
    return results


_ASSESS_DEFAULTS: dict[str, Any] = {
    "norm_policy": NormPolicy.NEAREST, "thirty_plus_basis": ThirtyPlusBasis.FTE,
    "thirty_plus_denominator": ThirtyPlusDenominator.PAYROLL, "gap_supplier": None}
_ASSESS_OPTIONS = _ASSESS_DEFAULTS.keys()


def _batches(items: Iterable[Organisation], size: int) -> Iterator[tuple[Organisation, ...]]:
    it = iter(items)
    while chunk := tuple(itertools.islice(it, size)):
        yield chunk


def _many_workforces(organisations: Sequence[Organisation],
                     settings: Sequence[_Setting]) -> list[Workforce]:
    """The workforce of each organisation's own rows: one columnar pass for all."""
    from psoladder.columnar.engine import Setting

    engine_settings = [Setting(FteBasis.of(s.peiljaar, o.fulltime_hours, s.rules), s.rules)
                       for o, s in zip(organisations, settings, strict=True)]
    found = columnar.workforces([o.employments for o in organisations], engine_settings)
    if found is not None:
        return found
    return [workforce(o.employments, peiljaar=s.peiljaar, fulltime_hours=o.fulltime_hours,
                      rules=s.rules) for o, s in zip(organisations, settings, strict=True)]


@contextlib.contextmanager
def _results_kept() -> Iterator[None]:
    """:func:`~psoladder.fte.collector_paused`, the objects made meanwhile kept without a scan.

    When the collector is enabled again, the next allocation would scan
    every object made while it was paused, one by one (some 200,000 for a
    payroll of a million rows: 25-40 ms), only to find them alive: they are
    the result. Instead, they go straight to the oldest generation
    (``gc.freeze()`` then ``gc.unfreeze()``, which move whole lists), where
    the next full collection sees them as it would have anyway. Skipped
    where the program keeps objects frozen itself (``gc.freeze()`` before
    forking), which this must not undo.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def assess_file(
    path: str | Path | Document,
    *,
    application_date: dt.date | None = None,
    overrides: RuleOverrides | None = None,
    progress: Progress | None = None,
    detail: bool = False,
    norm_policy: NormPolicy | str = NormPolicy.NEAREST,
    thirty_plus_basis: ThirtyPlusBasis | str = ThirtyPlusBasis.FTE,
    thirty_plus_denominator: ThirtyPlusDenominator | str = ThirtyPlusDenominator.PAYROLL,
    gap_supplier: SupplierProfile | None = None,
    allow_outside: bool = False,
    pseudonym_key: str | bytes | None = None,
    engine: columnar.Engine = "auto",
) -> Assessment:
    """Assess an organisation file, reading its payroll file for large payrolls.

    The same computation as ``assess(load_organisation(path))``, with the
    same figures and warnings, but the payroll is read by an engine made for
    large files (``engine``): a columnar one, which keeps the rows as
    columns of small integers, or the validating one, which validates and
    folds the rows into per-person figures one by one
    (:func:`~psoladder.io.payroll.stream_payroll`, memory growing with the
    number of persons, not rows). Row details are kept for target-group
    persons; everyone else keeps their fte (see :class:`~psoladder.fte.WorkforceBuilder`).
    Payroll rows are numbered by their line in the payroll file, inline
    ``[[employment]]`` tables by their position (see ``PeriodFte.source``).

    Args:
        path: The organisation file (TOML or JSON), or its content already
            parsed (:func:`~psoladder.io.orgfile.document_from_text`, e.g.
            from standard input).
        application_date: Overrides the file's application date.
        overrides: User rule values.
        progress: Called with the number of payroll rows read, now and then.
        detail: Keep every row's details (for a full explanation or a
            per-row DataFrame), at the cost of memory that grows with rows.
        norm_policy: ``nearest`` (default) or ``interpolate``.
        thirty_plus_basis: ``fte`` (default) or ``headcount``.
        thirty_plus_denominator: ``payroll`` (default) or ``all_staff``.
        gap_supplier: Supplier profile for the purchase gaps.
        allow_outside: Read a payroll file outside the organisation file's
            folder (refused by default).
        pseudonym_key: Replace every person identifier by its keyed
            pseudonym before the computation (:mod:`psoladder.pseudonym`);
            error messages then leave out the values of person fields.
        engine: ``auto`` (default: the columnar engine of
            :mod:`psoladder.columnar` when the ``fast`` extra is installed,
            for CSV and Parquet payrolls, else the pure-Python columnar
            engine of :mod:`psoladder.columnar.pure` for CSV payrolls),
            ``fast``, ``pure`` or ``validating``. Same result either way; a
            payroll with a problem is always read by the validating path,
            so every problem is located.

    Raises:
        InputError: Every problem of the organisation file and the payroll.
    """
    pseudonymiser = None
    if pseudonym_key is not None:
        from psoladder.pseudonym import Pseudonymiser

        pseudonymiser = Pseudonymiser(pseudonym_key)
    route = columnar.route(engine)
    try:
        # The columnar engine builds its many long-lived result objects (no
        # reference cycles) with Python's cycle collector paused.
        with _results_kept() if route != "validating" else contextlib.nullcontext():
            result = _assess_file(path, application_date=application_date, route=route,
                                  overrides=overrides, progress=progress, detail=detail,
                                  norm_policy=norm_policy, thirty_plus_basis=thirty_plus_basis,
                                  thirty_plus_denominator=thirty_plus_denominator,
                                  gap_supplier=gap_supplier, allow_outside=allow_outside,
                                  pseudonymiser=pseudonymiser)
    except InputError as exc:
        if pseudonymiser is None:
            raise
        raise pseudonymiser.error(exc) from None
    assert isinstance(result, Assessment)
    return result


@attrs.frozen
class Checked:
    """What ``psoladder check`` found in an organisation file without problems (issue 12).

    Attributes:
        file: The organisation file's name.
        payroll: What its payroll file gave, if it names one.
        rows: Employment rows, inline and payroll together.
        persons: Distinct persons.
        purchases: Purchases.
        reading: The payroll reader's notices.
    """

    file: str
    payroll: PayrollSummary | None
    rows: int
    persons: int
    purchases: int
    reading: tuple[Notice, ...]


def check_file(path: str | Path | Document, *, application_date: dt.date | None = None,
               overrides: RuleOverrides | None = None, progress: Progress | None = None,
               allow_outside: bool = False) -> Checked:
    """Read and validate an organisation file and its payroll, without assessing (issue 12).

    Every check :func:`assess_file` makes on its input is made (the file, its
    payroll, the rules in force on the application date, the peiljaar), so a
    file that passes here is assessed without an input error.

    Raises:
        InputError: Every problem found, each located.
        NoRuleInForce: For an application date before the first edition.
    """
    found = _assess_file(path, application_date=application_date, overrides=overrides,
                         progress=progress, detail=False, norm_policy=NormPolicy.NEAREST,
                         thirty_plus_basis=ThirtyPlusBasis.FTE,
                         thirty_plus_denominator=ThirtyPlusDenominator.PAYROLL,
                         gap_supplier=None, allow_outside=allow_outside, pseudonymiser=None,
                         check_only=True)
    assert isinstance(found, Checked)
    return found


def _assess_file(path: str | Path | Document, *, application_date: dt.date | None,
                 route: columnar.Route = "validating",
                 overrides: RuleOverrides | None, progress: Progress | None, detail: bool,
                 norm_policy: NormPolicy | str, thirty_plus_basis: ThirtyPlusBasis | str,
                 thirty_plus_denominator: ThirtyPlusDenominator | str,
                 gap_supplier: SupplierProfile | None, allow_outside: bool,
                 pseudonymiser: Pseudonymiser | None,
                 check_only: bool = False) -> Assessment | Checked:
    if isinstance(path, Document):
        doc, base, name = path.content, path.base, path.name
    else:
        doc, base, name = read_document(path)
    parts = organisation_parts(doc, base=base, file=name, allow_outside=allow_outside)
    payroll, payroll_name = parts.payroll, parts.payroll_name
    fmt = parts.payroll_format
    if parts.problems:
        problems = list(parts.problems)
        if payroll is not None and payroll_name is not None:
            # Report the payroll's problems too, as load_organisation does.
            try:
                _validate_payroll(payroll, payroll_name, fmt)
            except InputError as exc:
                problems.extend(payroll_problems(exc, name))
        raise InputError(problems)
    # Problems between the parts are raised after the payroll is read, with
    # the evidence that names no person of it, as load_organisation does.
    early = parts.consistency(parts.employments)
    organisation = parts.organisation(parts.employments, with_evidence=not early)
    try:
        setting = _Setting.of(organisation, _application_date(application_date), None,
                              overrides)
    except NoRuleInForce as exc:
        if application_date is not None:
            raise
        # The file's own date: located like every other problem of the file (R-ED-3).
        raise InputError([messages.problem(
            "in.no_rule", file=name, field="application_date", value=exc.on.isoformat(),
            hint="ih.no_rule", first=exc.first_supported)]) from None
    wanted = {e.person for e in parts.evidence}
    found = {e.person for e in organisation.employments if e.person in wanted}
    if pseudonymiser is not None:
        organisation = pseudonymiser.organisation(organisation)
    summary = None
    reading: tuple[Notice, ...] = ()
    if payroll is not None and payroll_name is not None:
        wf, reading, summary = _payroll_workforce(
            organisation, setting, payroll, payroll_name, fmt=fmt, detail=detail,
            route="validating" if check_only else route, progress=progress,
            pseudonymiser=pseudonymiser,
            wanted=wanted, found=found, file=name)
    else:
        builder = WorkforceBuilder(peiljaar=setting.peiljaar,
                                   fulltime_hours=organisation.fulltime_hours,
                                   rules=setting.rules, detail=detail)
        for i, e in enumerate(organisation.employments, start=1):
            builder.add(e.row if e.row is not None else i, e)
        wf = builder.build()
    problems = early + evidence_problems(parts.evidence, found, name)
    if problems:
        raise InputError(problems)
    if check_only:
        return Checked(name, summary, wf.rows_read, wf.person_count,
                       len(organisation.purchases), reading)
    result = _assess(organisation, setting, wf, norm_policy=norm_policy,
                     thirty_plus_basis=thirty_plus_basis,
                     thirty_plus_denominator=thirty_plus_denominator, gap_supplier=gap_supplier)
    return attrs.evolve(result, reading=reading) if reading else result


def _validate_payroll(payroll: Path, name: str, fmt: PayrollFormat) -> None:
    """Read a payroll file only to report its problems (a Parquet file with the fast extra)."""
    if columnar.is_parquet(Path(name)) and columnar.available():
        columnar.stream_table(payroll, lambda line, row: None, name=name, fmt=fmt)
    else:
        stream_payroll(payroll, lambda line, row: None, name=name, fmt=fmt)


def _application_date(value: dt.date | None) -> dt.date | None:
    """An application date given by the caller, checked like the file's."""
    return None if value is None else date_field("application_date", value)
