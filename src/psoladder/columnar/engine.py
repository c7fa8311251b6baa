"""The columnar engine: :class:`~psoladder.fte.Workforce` objects from payroll columns.

The same figures as :class:`~psoladder.fte.WorkforceBuilder`, computed on
columns with the integer kernel (:mod:`psoladder.columnar.kernel`):

* people outside the target groups are summarised (their fte, whether the
  cap bit, their number of rows, whether they work on the peildatum), built
  in bulk from the kernel's per-person sums;
* people with a target-group row in the peiljaar (everyone with
  ``detail=True``) get every row in full detail (:class:`~psoladder.fte.PeriodFte`,
  with its :class:`~psoladder.targetgroups.Counting`), from the same pass;
* the counting window of each distinct case comes from the rule code itself
  (:func:`~psoladder.targetgroups.counting`, once per distinct
  :func:`~psoladder.targetgroups.counting_key`) and is applied on columns;
* a ``Fraction`` is made once per distinct total that is not a whole number
  of hours x days, and for capped shares of concurrent rows.

Several organisations are computed in one pass (:func:`workforces`, for
:func:`psoladder.assess_many`); their rows and people never mix.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from array import array
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, cast

import attrs
import numpy as np
from numpy.typing import NDArray

from psoladder.columnar.arrays import trim
from psoladder.columnar.cells import NOT_GIVEN
from psoladder.columnar.columns import SOURCE, Columns
from psoladder.columnar.kernel import RowShares, Totals, distinct, fits, row_shares, totals
from psoladder.fte import (
    FteBasis,
    PeriodFte,
    PersonFte,
    Persons,
    Row,
    Sources,
    Summaries,
    Workforce,
    collector_paused,
    decimal_units,
    exact_hour_days,
)
from psoladder.model import ContractType, EmploymentLike, TargetGroup
from psoladder.periods import FOREVER
from psoladder.rules import RuleSet
from psoladder.targetgroups import Counting, counting, counting_key

__all__ = ["Setting", "workforce", "workforces"]

I64 = NDArray[np.int64]
Ints = NDArray[np.integer[Any]]
Bools = NDArray[np.bool_]
_CONTRACTS = tuple(ContractType)
_GROUPS = tuple(TargetGroup)
_PLACEMENT = _CONTRACTS.index(ContractType.PLACEMENT)
_FOREVER = FOREVER.toordinal()
_ZERO = Fraction(0)
_EXTRA = ("inflow", "status_until", "school_left", "ww_since", "status_lost", "placement_start",
          "registered", "disabled_in_service", "entity")


@attrs.frozen(eq=False)
class Setting:
    """One organisation of a computation: what its fte are measured against, and its rules.

    Attributes:
        basis: The peiljaar, full-time week and cap.
        rules: The rules in force.
    """

    basis: FteBasis
    rules: RuleSet


def workforce(columns: Columns, setting: Setting, *, detail: bool = False) -> Workforce | None:
    """The workforce of one organisation's rows.

    Returns ``None`` when a sum could overflow ``int64`` (the validating path
    then computes it with Python's unbounded integers).
    """
    org = np.broadcast_to(np.int8(0), (columns.rows,))  # every row: organisation 0
    found = workforces(columns, org, [setting], detail=detail)
    return None if found is None else found[0]


def workforces(columns: Columns, org: Ints, settings: Sequence[Setting], *,
               detail: bool = False) -> list[Workforce] | None:
    """The workforce of each organisation, whose rows ``org`` marks.

    Args:
        columns: Every row; the rows of each organisation together, in order.
        org: Each row's organisation, an index into ``settings`` (non-decreasing).
        settings: Each organisation's basis and rules.
        detail: Keep every person's rows, not only target-group people's.

    Returns:
        One workforce per setting, or ``None`` when a sum could overflow ``int64``.
    """
    batch = _Batch.of(columns, org, settings, detail)
    if batch is None:
        return None
    with collector_paused():
        return batch.workforces()


@attrs.define(eq=False)
class _Batch:
    """The rows of a computation as integer columns (day numbers, hours units, codes).

    Per-row arrays are as narrow as their values allow; the kernel widens the
    rows it sums to ``int64``.
    """

    columns: Columns
    settings: Sequence[Setting]
    detail: bool
    org: Ints  # per row: its organisation
    scale: int  # hours units per hour
    limit: I64  # per organisation: the cap in hours units
    p0: I64  # per organisation: the first day of the peiljaar
    days: I64  # per organisation: days in the peiljaar
    denominators: list[Fraction]  # per organisation
    pid: Ints  # per row: its person
    names: list[str]  # per person
    person_org: Ints  # per person
    start: Ints  # per row, day numbers
    contract: Ints  # per row, codes
    group: Ints  # per row, codes (-1: none)
    inside: Bools  # per row: a day in the peiljaar
    active: Bools  # ... and counted in total fte (R-CT-6)
    first: Ints  # per row: first and last day inside the peiljaar (0 = its first day)
    last: Ints
    hours: Ints  # per row, hours units
    excluded: Bools  # per organisation and contract code: left out of total fte (R-CT-6)

    @classmethod
    def of(cls, c: Columns, org: Ints, settings: Sequence[Setting],
           detail: bool) -> _Batch | None:
        # Hours in whole units of the smallest power of ten that makes every
        # hours value and every organisation's cap whole.
        units = [decimal_units(v) if v is not NOT_GIVEN else (0, 0)
                 for v in c.values["hours_per_week"]]
        limits, denominators = _bases(settings)
        places = max(p for _, p in [*units, *limits, (0, 0)])
        hour_units = [u * 10 ** (places - p) for u, p in units]
        limit_units = [u * 10 ** (places - p) for u, p in limits]
        largest = max([*hour_units, *limit_units, 1])
        if not fits(c.rows, largest):
            return None
        pid, names, person_org = _persons(c, org, len(settings))
        start = c.day("start")
        end = c.day("end").copy()
        end[end == 0] = _FOREVER
        contract = c.column("contract", _contract_code, np.int8)
        # Contract types left out of total fte, once per rule set.
        left_out = {id(s.rules): [s.rules.contract_type(ct).excluded for ct in _CONTRACTS]
                    for s in settings}
        excluded = np.array([left_out[id(s.rules)] for s in settings], dtype=np.bool_)
        p0 = np.array([s.basis.peiljaar.start.toordinal() for s in settings], dtype=np.int64)
        days = np.array([s.basis.peiljaar.days for s in settings], dtype=np.int64)
        one = len(settings) == 1
        # One organisation: its peiljaar as numbers, not a column per row.
        row_p0 = int(p0[0]) if one else p0[org].astype(np.int32)
        row_p1 = int(p0[0] + days[0] - 1) if one else (p0 + days - 1)[org].astype(np.int32)
        inside = (start <= row_p1) & (end >= row_p0)
        out = excluded[0][contract] if one else excluded[org, contract]
        hours_type = (np.int16 if largest < 2**15 else np.int32 if largest < 2**31
                      else np.int64)
        return cls(
            columns=c, settings=settings, detail=detail, org=org, scale=10**places,
            limit=np.array(limit_units, dtype=np.int64), p0=p0, days=days,
            denominators=denominators, pid=pid, names=names,
            person_org=person_org, start=start, contract=contract,
            group=c.column("target_group", _group_code, np.int8), inside=inside,
            active=inside & ~out, first=_days(np.maximum(start, row_p0) - row_p0),
            last=_days(np.minimum(end, row_p1) - row_p0), excluded=excluded,
            hours=cast(Ints, np.array(hour_units, dtype=hours_type)[c.index["hours_per_week"]]))

    def workforces(self) -> list[Workforce]:
        persons = len(self.names)
        # The rows counted in total fte (R-FTE-6): every row of a one-year export.
        counted = _picker(self.active)
        single = len(self.settings) == 1
        org = None if single else counted(self.org)
        pid = counted(self.pid)
        last = counted(self.last)
        key, keys = self._part_keys(counted, org)
        found = totals(pid, counted(self.first), last, counted(self.hours),
                       int(self.limit[0]) if single else self.limit[org], persons, key, keys)
        del key
        # Rows on the peildatum, and the persons who work then.
        on_end = last == (self.days[0] - 1 if single else (self.days - 1)[org])
        del last
        on_peildatum = np.zeros(persons, dtype=np.bool_)
        on_peildatum[pid[on_end]] = True
        tallies = self._tallies(found, counted, pid, on_end)
        del counted, pid, on_end, org
        totals_of, capped, concurrent = found.persons, found.capped, found.concurrent
        del found
        pid = self.pid
        first_start = np.full(persons, np.iinfo(np.int32).max, dtype=np.int32)
        np.minimum.at(first_start, pid, self.start)
        # A person's rows: every row with detail, else the rows in the peiljaar
        # (the others are counted in rows_outside).
        shown_row = np.ones(len(pid), dtype=np.bool_) if self.detail else self.inside
        rows_of = np.bincount(pid[shown_row], minlength=persons)
        present = rows_of > 0
        if self.detail:
            detailed = present
        else:
            detailed = np.zeros(persons, dtype=np.bool_)
            detailed[pid[self.inside & (self.group >= 0)]] = True
        chosen = np.flatnonzero(detailed[pid] & shown_row)
        chosen = chosen[np.argsort(pid[chosen], kind="stable")]
        del shown_row
        outside = self._outside()
        periods = self._periods(chosen, first_start, concurrent)
        chosen_pid = pid[chosen]
        self._release()  # the rows are read: free them before building every person
        trim()
        built = self._detailed(chosen_pid, periods, totals_of, on_peildatum)
        return self._split(np.flatnonzero(present), detailed, built, totals_of, capped, rows_of,
                           on_peildatum, outside, tallies)

    def _release(self) -> None:
        """Drop the per-row columns (the engine consumes its :class:`Columns`)."""
        self.columns.release()
        self.start = self.contract = self.group = self.first = self.last = self.hours = \
            self.pid = np.zeros(0, dtype=np.int32)
        self.inside = self.active = np.zeros(0, dtype=np.bool_)

    def _outside(self) -> list[tuple[array[int], Sources]]:
        """Per organisation, the row numbers without a day in its peiljaar, and their sources."""
        outside = np.flatnonzero(~self.inside)
        bounds = np.searchsorted(self.org[outside], np.arange(len(self.settings) + 1)).tolist()
        lines = self.columns.line[outside]
        names = self.columns.values[SOURCE]
        sources = self.columns.index[SOURCE][outside]
        found = []
        for k in range(len(self.settings)):
            rows = array("q")
            rows.frombytes(lines[bounds[k]:bounds[k + 1]].astype(np.int64).tobytes())
            part = sources[bounds[k]:bounds[k + 1]]
            # (two-byte indices are taken from their bytes at once where they fit)
            found.append((rows, Sources(names, part.astype(np.uint16).tobytes()
                                        if len(names) <= 1 << 16 else part.tolist())))
        return found

    def _part_keys(self, counted: Callable[[Ints], Ints],
                   org: Ints | None) -> tuple[Ints, int]:
        """Each counted row's part of the workforce: (organisation, contract type, entity)."""
        entity = self.columns.index["entity"]
        n_entities = len(self.columns.values["entity"])
        contract = counted(self.contract)
        if org is None and n_entities == 1:
            return contract, len(_CONTRACTS)  # (no copy: one organisation, one entity)
        key = contract.astype(np.int64)
        if org is not None:
            key += org.astype(np.int64) * len(_CONTRACTS)
        key *= n_entities
        key += counted(entity)
        return key, len(self.settings) * len(_CONTRACTS) * n_entities

    def _tallies(self, found: Totals, counted: Callable[[Ints], Ints], pid: Ints,
                 on_end: Bools) -> list[dict[str, Any]]:
        """Per organisation, the workforce's figures by contract type and entity.

        The figures of :class:`~psoladder.fte.Workforce` ``hour_days_by_contract``,
        ``peildatum_contracts``, ``hour_days_by_entity`` and
        ``persons_by_entities``, from the sums by part of the rows counted in
        total fte (``counted`` picks them from a column, ``pid`` are their
        persons) and those of them on the peildatum (``on_end``).
        """
        c = self.columns
        orgs = len(self.settings)
        entities = [None if v is NOT_GIVEN else v for v in c.values["entity"]]
        n_entities = len(entities)
        n_contracts = len(_CONTRACTS)
        entity = counted(c.index["entity"])
        sums, parts = found.keyed, found.parts
        present = sums > 0
        for k in parts:
            present[k] = True
        figures_of: list[dict[str, Any]] = [{"hour_days_by_contract": {}, "hour_days_by_entity": {},
                                        "peildatum_contracts": {}, "persons_by_entities": {}}
                                       for _ in range(orgs)]
        scale = self.scale
        for k in np.flatnonzero(present).tolist():
            value = exact_hour_days(int(sums[k]), scale)
            if k in parts:
                value += parts[k] / scale
            rest, at = divmod(k, n_entities)
            org, contract = divmod(rest, n_contracts)
            _add(figures_of[org]["hour_days_by_contract"], _CONTRACTS[contract], value)
            _add(figures_of[org]["hour_days_by_entity"], entities[at], value)
        for figures in figures_of:
            for name in ("hour_days_by_contract", "hour_days_by_entity"):
                figures[name] = {k: _whole(v) for k, v in figures[name].items()}
        # Persons by the set of entities their counted rows name, and by the
        # set of contract types they work under on the peildatum.
        persons = len(self.names)
        for figure, who, codes, names in (
                ("persons_by_entities", pid, entity, entities),
                ("peildatum_contracts", pid[on_end], counted(self.contract)[on_end], _CONTRACTS)):
            sets = _sets(who, codes, len(names), self.person_org, persons, orgs)
            for (org, members), n in sets.items():
                key = frozenset(names[m] for m in members)
                target = figures_of[org][figure]
                target[key] = target.get(key, 0) + n
        return figures_of

    def _periods(self, rows: I64, first_start: NDArray[np.int32],
                 concurrent: Bools) -> _Periods:
        """Every shown row's :class:`~psoladder.fte.PeriodFte`, and each one's weighted units."""
        if not len(rows):
            return _Periods([], np.zeros(0, dtype=np.int64), {}, 1, np.zeros(0, dtype=np.int64))
        c = self.columns
        org = self.org[rows]
        inflow = c.day_at("inflow", rows)
        inflow = np.where(inflow > 0, inflow, first_start[self.pid[rows]])
        employments = self._employments(rows)
        cases, case = self._countings(rows, employments, inflow)
        f = self._figures(rows, cases, case, concurrent)
        hours = _exact_each(f.hour_units, self.scale)
        counted = _exact_each(f.counted_units, self.scale)
        _plus_parts(hours, f.hour_units, f.capped_hours, self.scale)
        _plus_parts(counted, f.counted_units, f.capped_counted, self.scale)
        # Weighted units: counted hours units x the weight in its own decimal units.
        weights = [decimal_units(k.weight) for k, _, _ in cases]
        places = max(p for _, p in weights)
        weight_units = np.array([u * 10 ** (places - p) for u, p in weights],
                                dtype=np.int64)[case]
        if fits(len(rows), int(f.counted_units.max(initial=0)) * int(weight_units.max()), 1):
            weighted = f.counted_units * weight_units
        else:  # exact Python integers where int64 might not hold the products
            weighted = f.counted_units.astype(object) * weight_units.astype(object)
        # (as numerator and denominator: each person's are added in integers)
        weighted_parts = {j: (n * w, d) for (j, (n, d)), w in zip(
            ((j, part.as_integer_ratio()) for j, part in f.capped_counted.items()),
            weight_units[np.fromiter(f.capped_counted, dtype=np.int64,
                                     count=len(f.capped_counted))].tolist(), strict=True)}
        excluded = self.excluded[org, self.contract[rows]]
        denominators = self.denominators
        periods = list(map(functools.partial(tuple.__new__, PeriodFte), zip(
            c.line[rows].tolist(), employments,
            [dt.date.fromordinal(d) for d in inflow.tolist()], f.days.tolist(), hours,
            f.counted_days.tolist(), counted, [denominators[o] for o in org.tolist()],
            [cases[i][0] for i in case.tolist()], excluded.tolist(), f.capped_days.tolist(),
            [e.source for e in employments], strict=True)))
        return _Periods(periods, weighted, weighted_parts, self.scale * 10**places,
                        f.capped_days)

    def _detailed(self, pid: Ints, found: _Periods, totals: I64,
                  on_peildatum: Bools) -> list[PersonFte]:
        """The people shown in detail, in order, each with their rows."""
        if not found.periods:
            return []
        bounds = np.flatnonzero(np.diff(pid, prepend=-1, append=-1) != 0)
        lo, hi = bounds[:-1], bounds[1:]
        who = pid[lo]
        sums: list[Any] = np.add.reduceat(found.weighted, lo).tolist()
        if found.weighted_parts:
            # Each capped part to its person (periods are in person order), in
            # integers over a common denominator: one Fraction per person.
            at = np.searchsorted(lo, np.fromiter(found.weighted_parts, dtype=np.int64,
                                                 count=len(found.weighted_parts)),
                                 side="right") - 1
            parts: dict[int, tuple[int, int]] = {}
            for k, (n, d) in zip(at.tolist(), found.weighted_parts.values(), strict=True):
                had = parts.get(k)
                if had is None:
                    parts[k] = n + sums[k] * d, d
                elif had[1] == d:
                    parts[k] = had[0] + n, d
                else:
                    common = math.lcm(had[1], d)
                    parts[k] = had[0] * (common // had[1]) + n * (common // d), common
            for k, (n, d) in parts.items():
                sums[k] = Fraction(n, d)
        org_of = (self.person_org[who].tolist() if len(self.settings) > 1
                  else [0] * len(who))
        # Weighted fte = weighted units / (units per hour x weight x full-time hours x days).
        scaled = {id(d): d for d in self.denominators}  # (shared by organisations)
        scaled = {i: found.scale * d for i, d in scaled.items()}
        per = [scaled[id(d)] for d in self.denominators]
        made: dict[tuple[Any, int], Fraction] = {}  # (many people share a weighted total)

        def weighted_fte(total: Any, o: int) -> Fraction:
            if not total:
                return _ZERO
            found = made.get((total, o))
            if found is None:
                found = made[total, o] = (
                    Fraction(total * per[o].denominator, per[o].numerator)
                    if isinstance(total, int) else total / per[o])
            return found

        weighted = list(map(weighted_fte, sums, org_of))
        periods = found.periods
        mine = [tuple(periods[a:b]) for a, b in zip(lo.tolist(), hi.tolist(), strict=True)]
        names = self.names
        scale = self.scale
        capped = np.logical_or.reduceat(found.capped_days > 0, lo).tolist()
        return list(map(functools.partial(tuple.__new__, PersonFte), zip(
            [names[p] for p in who.tolist()], mine, _exact_each(totals[who], scale),
            [self.denominators[o] for o in org_of], weighted, capped, (hi - lo).tolist(),
            on_peildatum[who].tolist(), strict=True)))

    def _employments(self, rows: I64) -> list[EmploymentLike]:
        """The shown rows: their own objects where given, else :class:`~psoladder.fte.Row` s."""
        c = self.columns
        given = len(c.originals)
        if given:
            built = self._rows(rows[rows >= given]) if given < c.rows else []
            it = iter(built)
            return [c.originals[r] if r < given else next(it) for r in rows.tolist()]
        return list(self._rows(rows))

    def _rows(self, rows: I64) -> list[Row]:
        c = self.columns
        names = self.names
        person = [names[p] for p in self.pid[rows].tolist()]

        def column(field: str, at: I64 = rows) -> list[Any]:
            values = c.values[field]
            return [values[i] for i in c.index[field][at].tolist()]

        # The rarely given fields, only on the rows that give one.
        extras: list[dict[str, Any] | None] = [None] * len(rows)
        given = [f for f in _EXTRA if any(v is not NOT_GIVEN for v in c.values[f])]
        if given:
            some = np.zeros(len(rows), dtype=np.bool_)
            for f in given:
                some |= c.given_at(f, rows)
            at = np.flatnonzero(some)
            for i, cells in zip(at.tolist(), zip(*(column(f, rows[at]) for f in given),
                                                 strict=True), strict=True):
                extras[i] = {f: v for f, v in zip(given, cells, strict=True)
                             if v is not NOT_GIVEN}
        return [Row(p, s, None if e is NOT_GIVEN else e, h,
                    ContractType.REGULAR if k is NOT_GIVEN else k,
                    None if g is NOT_GIVEN else g, x, source)
                for p, s, e, h, k, g, x, source in zip(
                    person, column("start"), column("end"), column("hours_per_week"),
                    column("contract"), column("target_group"), extras, column(SOURCE),
                    strict=True)]

    def _countings(self, rows: I64, employments: list[EmploymentLike],
                   inflow: Ints) -> tuple[list[tuple[Counting, int, int]], I64]:
        """Each distinct case's counting and its window as day numbers, and each shown row's case.

        The rule code runs once per distinct case: the key of
        :func:`~psoladder.targetgroups.counting_key`, on columns.
        """
        c, settings = self.columns, self.settings
        rule_sets: dict[int, tuple[int, RuleSet]] = {}
        for setting in settings:
            rule_sets.setdefault(id(setting.rules), (len(rule_sets), setting.rules))
        rules_of = np.array([rule_sets[id(s.rules)][0] for s in settings], dtype=np.int64)
        reads = np.array([[_reads_inflow(r, g) for g in _GROUPS] + [False]
                          for _, r in rule_sets.values()], dtype=np.bool_)
        o, k, g = self.org[rows], self.contract[rows], self.group[rows]
        reads_inflow = reads[rules_of[o], g]
        placement = c.day_at("placement_start", rows)
        anchor = np.where(k == _PLACEMENT, np.where(placement > 0, placement, self.start[rows]),
                          0)
        key = np.stack([
            rules_of[o], k, g, c.day_at("status_until", rows), c.day_at("school_left", rows),
            c.day_at("ww_since", rows), c.day_at("status_lost", rows), anchor,
            c.column("disabled_in_service", bool, np.int64, rows),
            np.where(reads_inflow, inflow, 0)], axis=1)
        key[g < 0, 3:] = 0  # outside the target groups only the contract counts
        first, which = _distinct_rows(key)
        found = []
        for r in first.tolist():
            result = counting(employments[r], inflow=dt.date.fromordinal(int(inflow[r])),
                              rules=settings[int(o[r])].rules)
            w = result.window
            found.append((result, 1, 0) if w is None
                         else (result, w.start.toordinal(), w.end.toordinal()))
        return found, which

    def _figures(self, rows: I64, cases: list[tuple[Counting, int, int]], case: I64,
                 concurrent: Bools) -> _Figures:
        """Per shown row: days, hours units, counted days and units, capped days.

        All 0 for a row outside the peiljaar or left out of total fte.
        """
        p0 = self.p0[self.org[rows]]
        window_first = np.array([w[1] for w in cases], dtype=np.int64)[case] - p0
        window_last = np.array([w[2] for w in cases], dtype=np.int64)[case] - p0
        empty = np.array([w[0].window is None for w in cases], dtype=np.bool_)[case]
        window_first[empty], window_last[empty] = 1, 0
        live = np.flatnonzero(self.active[rows])
        r = rows[live]
        shares = row_shares(
            self.pid[r], self.first[r], self.last[r], self.hours[r], self.limit[self.org[r]],
            window_first[live], window_last[live], concurrent[self.pid[r]])
        n = len(rows)
        figures = _Figures(np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64),
                           np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64),
                           np.zeros(n, dtype=np.int64), shares)
        figures.days[live] = self.last[r] - self.first[r] + 1
        figures.hour_units[live] = shares.hour_units
        figures.counted_days[live] = shares.counted_days
        figures.counted_units[live] = shares.counted_units
        figures.capped_days[live] = shares.capped_days
        # Capped parts by shown row (the kernel numbers the live rows only).
        where = live.tolist()
        figures.capped_hours = {where[j]: v for j, v in shares.capped_hours.items()}
        figures.capped_counted = {where[j]: v for j, v in shares.capped_counted.items()}
        return figures

    def _split(self, ids: I64, detailed: Bools, built: list[PersonFte], totals: I64,
               capped: Bools, rows_of: I64, on_peildatum: Bools,
               outside: list[tuple[array[int], Sources]],
               tallies: list[dict[str, Any]]) -> list[Workforce]:
        """One workforce per organisation: its people, counts, rows outside and notices.

        People without rows kept are summarised in columns (:class:`~psoladder.fte.Summaries`).
        """
        orgs = len(self.settings)
        bounds = np.searchsorted(self.person_org[ids], np.arange(orgs + 1)).tolist()
        shown = detailed[ids]
        # People shown before each organisation's first person (at its bounds only).
        shown_before = np.concatenate(([0], np.cumsum(shown)))[bounds].tolist()
        org_totals = np.zeros(orgs, dtype=np.int64)
        np.add.at(org_totals, self.person_org, totals)
        shown_any = np.zeros(len(self.names), dtype=np.bool_)
        shown_any[ids] = True  # (persons with a row shown; the others are absent)
        absent = np.bincount(self.person_org[~shown_any], minlength=orgs).tolist()
        read = ([len(self.org)] if orgs == 1  # (one organisation: every row, not counted)
                else np.bincount(self.org, minlength=orgs).tolist())
        result = []
        for k, setting in enumerate(self.settings):
            lo, hi = bounds[k], bounds[k + 1]
            people = built[shown_before[k]:shown_before[k + 1]]
            persons: Sequence[PersonFte] = tuple(people)
            rest = ids[lo:hi][~shown[lo:hi]]
            if len(rest):
                persons = Persons(people, np.flatnonzero(shown[lo:hi]).tolist(), Summaries(
                    self.names, rest, totals[rest], self.scale, self.denominators[k],
                    capped[rest], rows_of[rest], on_peildatum[rest]))
            notices = {n: None for p in people for q in p.periods for n in q.counting.notices}
            basis = setting.basis
            result.append(Workforce(
                peiljaar=basis.peiljaar, fulltime_hours=basis.fulltime, persons=persons,
                rows_read=read[k], rows_outside=outside[k][0],
                rows_outside_sources=outside[k][1], cited=(basis.fulltime, basis.cap),
                notices=tuple(notices), denominator=basis.denominator, absent_persons=absent[k],
                hour_days=exact_hour_days(int(org_totals[k]), self.scale), **tallies[k]))
        return result


@attrs.define(eq=False)
class _Figures:
    days: I64
    hour_units: I64
    counted_days: I64
    counted_units: I64
    capped_days: I64
    shares: RowShares  # the kernel's result, by live row
    capped_hours: dict[int, Fraction] = attrs.Factory(dict)  # capped parts, by shown row
    capped_counted: dict[int, Fraction] = attrs.Factory(dict)


@attrs.define(eq=False)
class _Periods:
    periods: list[PeriodFte]  # person by person
    weighted: I64  # per period: counted hours units x weight units
    weighted_parts: dict[int, tuple[int, int]]  # capped parts of ``weighted``: (numerator, denominator)
    scale: int  # weighted units per hour x weight
    capped_days: I64  # per period: days on which the cap scaled it down


def _bases(settings: Sequence[Setting]) -> tuple[list[tuple[int, int]], list[Fraction]]:
    """Each organisation's cap (hours units, places) and fte denominator.

    Computed once per distinct basis: a batch of organisations mostly shares
    one peiljaar, full-time week and cap.
    """
    found: dict[tuple[Any, ...], tuple[tuple[int, int], Fraction]] = {}
    limits, denominators = [], []
    for s in settings:
        b = s.basis
        key = (b.fulltime.value, b.cap.value, b.peiljaar.start, b.peiljaar.end)
        both = found.get(key)
        if both is None:
            both = found[key] = (b.limit, b.denominator)
        limits.append(both[0])
        denominators.append(both[1])
    return limits, denominators


def _persons(c: Columns, org: Ints, orgs: int) -> tuple[Ints, list[str], I64]:
    """Each row's person number, each person's name and each person's organisation.

    Persons are numbered in order of first appearance, organisation by organisation.
    """
    values = c.values["person"]
    # A row's person number in 4 bytes where they fit (half the memory of 8).
    kind: type[np.integer[Any]] = np.int32 if len(values) < 2**31 else np.int64
    if "person" in c.distinct:  # the usual case: every value is its own person
        value_id = np.arange(len(values), dtype=kind)
        names: list[str] = values
    else:
        seen: dict[str, int] = {}
        value_id = np.array([seen.setdefault(v, len(seen)) for v in values], dtype=kind)
        names = list(seen)
    vid: Ints = value_id[c.index["person"]]
    if orgs == 1:
        # The distinct values are in order of first appearance already.
        used = np.zeros(len(names), dtype=np.bool_)
        used[vid] = True
        if bool(used.all()):
            return vid, names, np.zeros(len(names), dtype=np.int64)
    width = max(len(names), 1)
    unique, first_row, inverse = distinct(org.astype(np.int64) * width + vid)
    order = np.argsort(first_row, kind="stable")
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order), dtype=np.int64)
    ordered = unique[order]
    return (rank[inverse], [names[i] for i in (ordered % width).tolist()],
            ordered // width)


def _picker(rows: Bools) -> Callable[[Ints], Ints]:
    """Picks the ``rows`` from a column: the column itself when they are all its rows."""
    if bool(rows.all()):
        return lambda column: column
    at = np.flatnonzero(rows)

    def pick(column: Ints) -> Ints:
        return column[at]

    return pick


def _distinct_rows(key: NDArray[np.int64]) -> tuple[I64, I64]:
    """The first row of each distinct row of ``key`` and each row's distinct row.

    (``numpy.unique(axis=0)``'s index and inverse, by one lexicographic sort.)
    """
    n = len(key)
    if not n:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    order = np.lexsort(key.T[::-1])
    ordered = key[order]
    new = np.empty(n, dtype=np.bool_)
    new[0] = True
    np.any(ordered[1:] != ordered[:-1], axis=1, out=new[1:])
    which = np.empty(n, dtype=np.int64)
    which[order] = np.cumsum(new) - 1
    first: I64 = np.minimum.reduceat(order, np.flatnonzero(new)).astype(np.int64)
    return first, which


def _plus_parts(into: list[Any], units: I64, parts: dict[int, Fraction], scale: int) -> None:
    """Set ``into[j]`` to ``(units[j] + part) / scale`` for each row ``j``'s capped part, exactly.

    A whole number where it is one, else a ``Fraction`` (as
    :func:`~psoladder.fte.exact_hour_days` gives it), made from integers with
    one reduction.

    >>> into = [None, None, None]
    >>> _plus_parts(into, np.array([7, 3, 5]), {0: Fraction(1, 3), 1: Fraction(7, 1)}, 10)
    >>> into
    [Fraction(11, 15), 1, None]
    """
    if not parts:
        return
    whole = units[np.fromiter(parts, dtype=np.int64, count=len(parts))].tolist()
    for j, base, part in zip(parts, whole, parts.values(), strict=True):
        numerator, denominator = part.as_integer_ratio()
        numerator += base * denominator
        denominator *= scale
        common = math.gcd(numerator, denominator)
        into[j] = (numerator // common if common == denominator
                   else Fraction(numerator // common, denominator // common))


def _add(sums: dict[Any, Any], key: Any, value: Any) -> None:
    sums[key] = sums.get(key, 0) + value


def _whole(value: Any) -> Any:
    """An exact value as ``int`` when it is whole (as the validating engine keeps it)."""
    if isinstance(value, Fraction) and value.denominator == 1:
        return value.numerator
    return value


def _sets(pid: Ints, code: Ints, codes: int, person_org: Ints, persons: int,
          orgs: int) -> dict[tuple[int, tuple[int, ...]], int]:
    """How many persons of each organisation have each set of codes over their rows.

    Args:
        pid: Each row's person.
        code: Each row's code (``0 <= code < codes``).
        codes: Number of codes.
        person_org: Each person's organisation.
        persons: Number of persons.
        orgs: Number of organisations.

    Returns:
        ``(organisation, codes in increasing order) -> persons``, for persons
        with at least one row.
    """
    if not len(pid):
        return {}
    found: dict[tuple[int, tuple[int, ...]], int] = {}
    if codes <= 62:
        # Each person's set as the bits of one integer.
        mask = np.zeros(persons, dtype=np.int64)
        np.bitwise_or.at(mask, pid, np.left_shift(np.int64(1), code.astype(np.int64)))
        who = np.flatnonzero(mask)
        key = person_org[who].astype(np.int64) * (1 << codes) + mask[who]
        if orgs << codes <= 1 << 22:
            counts = np.bincount(key, minlength=orgs << codes)
            keys = np.flatnonzero(counts)
            counts = counts[keys]
        else:
            keys, _, inverse = distinct(key)
            counts = np.bincount(inverse, minlength=len(keys))
        for k, n in zip(keys.tolist(), counts.tolist(), strict=True):
            org, bits = divmod(k, 1 << codes)
            found[org, tuple(i for i in range(codes) if bits >> i & 1)] = n
        return found
    # Many codes: each person's distinct codes, by sorting (person, code) pairs.
    pairs = distinct(pid.astype(np.int64) * codes + code)[0]
    who, what = np.divmod(pairs, codes)
    starts = np.flatnonzero(np.diff(who, prepend=-1))
    ends = np.append(starts[1:], len(who))
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        key2 = (int(person_org[who[start]]), tuple(what[start:end].tolist()))
        found[key2] = found.get(key2, 0) + 1
    return found


def _days(values: Any) -> Ints:
    """Days relative to a peiljaar in two bytes: every row inside it lies in 0..365.

    A row outside the peiljaar keeps its order (first after last); it is never
    summed.
    """
    days: Ints = np.clip(values, -1, 366).astype(np.int16)
    return days


def _contract_code(value: Any) -> int:
    return 0 if value is NOT_GIVEN else _CONTRACTS.index(value)


def _group_code(value: Any) -> int:
    return -1 if value is NOT_GIVEN else _GROUPS.index(value)


def _reads_inflow(rules: RuleSet, group: TargetGroup) -> bool:
    """Whether the counting of ``group`` depends on the inflow date (asked of ``counting_key``)."""
    probe = Row("probe", dt.date(2000, 1, 1), None, Decimal(1), ContractType.REGULAR, group)
    return bool(counting_key(probe, dt.date(2000, 1, 1), rules)
                != counting_key(probe, dt.date(2001, 1, 1), rules))


def _exact_each(units: I64, scale: int) -> list[Any]:
    """Each ``units / scale`` exact: an ``int``, else one ``Fraction`` per distinct value."""
    whole: list[Any] = (units // scale).tolist()
    if scale == 1:
        return whole
    rest = np.flatnonzero(units % scale)
    if len(rest):
        values, _, which = distinct(units[rest])
        fractions = [Fraction(v, scale) for v in values.tolist()]
        for i, j in zip(rest.tolist(), which.tolist(), strict=True):
            whole[i] = fractions[j]
    return whole
