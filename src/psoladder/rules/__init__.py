"""The dated PSO rule data, its schema check, and the rule set in force on a date.

The rules live in ``psoladder/rules/data/pso.toml`` as data, not in code. Each
value carries its rule id (``R-...``), the date it applies from, its source URL
and a status:

* ``published``: stated with the figure in the cited source;
* ``decision``: psoladder's documented choice where the sources are silent;
* ``unknown``: no public figure exists; the *conservative* value, which can
  never overstate a level, is used and every use raises a warning naming the
  rule id;
* ``user``: supplied in a user override file (:func:`load_overrides`), e.g.
  the official full norm table from the PSO-Handleiding.

:func:`rules_at` gives the :class:`RuleSet` in force for an application date
(R-ED-1): the edition whose applies-from date is the latest on or before it.
Dates before edition 1.5 (2017-04-01) raise :class:`~psoladder.errors.NoRuleInForce`
(R-ED-3).

>>> import datetime as dt
>>> rs = rules_at(dt.date(2023, 3, 31))
>>> rs.edition.name
'2.0'
>>> rules_at(dt.date(2023, 4, 1)).edition.name
'2.1'
>>> rs.decimal("max_indirect_share").value
Decimal('0.80')
>>> print(rs.decimal("max_indirect_share").citation())
R-IND-4: 0.80 (published, from 2017-04-01; https://www.pso-nederland.nl/direct-meten-en-aanvragen/wat-meet-en-certificeert-de-pso/indirecte-sociale-bijdrage)
>>> rules_at(dt.date(2017, 3, 31))
Traceback (most recent call last):
...
psoladder.errors.NoRuleInForce: no PSO rule in force on 2017-03-31: psoladder supports application dates from 2017-04-01 (PSO-Handleiding 1.5) on (R-ED-3)
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import itertools
import tomllib
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, Generic, TypeVar

import attrs

from psoladder import messages
from psoladder.errors import NoRuleInForce, RuleDataError
from psoladder.model import ContractType, Level, TargetGroup
from psoladder.periods import years_after

__all__ = [
    "Cited",
    "ContractTypeRules",
    "Edition",
    "NormRow",
    "NormTable",
    "Notice",
    "RuleOverrides",
    "RuleSet",
    "Status",
    "TargetGroupRules",
    "WindowKind",
    "load_overrides",
    "rule_data",
    "rules_at",
]

T = TypeVar("T")


class Status(enum.Enum):
    """How a rule value is known."""

    PUBLISHED = "published"
    DECISION = "decision"
    UNKNOWN = "unknown"
    USER = "user"


class WindowKind(enum.Enum):
    """How a target group's counting window is found (R-TG, R-TG-0a)."""

    OPEN = "open"
    UNTIL_STATUS_END = "until_status_end"
    YEARS_FROM_INFLOW = "years_from_inflow"
    YEARS_FROM_SCHOOL = "years_from_school"
    CONTRACT = "contract"


class Eligibility(enum.Enum):
    """An eligibility condition at inflow (R-TG-9, R-TG-11)."""

    NONE = "none"
    WW_MONTHS_BEFORE_INFLOW = "ww_months_before_inflow"
    STATUS_LOST_YEARS_BEFORE = "status_lost_years_before"


@attrs.frozen
class Cited(Generic[T]):
    """A rule value with its citation.

    Attributes:
        value: The value to compute with. For an ``unknown`` value this is the
            conservative value.
        rule: The rule id, e.g. ``"R-IND-4"``.
        applies_from: The date from which this value applies.
        source: The source URL (or, for a user override, the user's text).
        status: How the value is known.
        note: Extra explanation, e.g. why a value is unknown.
        name: The parameter's name in the rule data.
    """

    value: T
    rule: str
    applies_from: dt.date
    source: str
    status: Status
    note: str = ""
    name: str = ""

    @property
    def known(self) -> bool:
        """``False`` when the official value is unknown and a conservative one is used."""
        return self.status is not Status.UNKNOWN

    def citation(self) -> str:
        """One line: rule id, value, status, date and source."""
        shown = _show(self.value)
        extra = " (conservative value; official value unknown)" if not self.known else ""
        return (
            f"{self.rule}: {shown}{extra} ({self.status.value}, from "
            f"{self.applies_from.isoformat()}; {self.source})"
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (decimals as strings)."""
        return {
            "name": self.name,
            "rule": self.rule,
            "value": _jsonable(self.value),
            "status": self.status.value,
            "applies_from": self.applies_from.isoformat(),
            "source": self.source,
            **({"note": self.note} if self.note else {}),
        }


def _show(value: object) -> str:
    if isinstance(value, frozenset | tuple | list):
        return "[" + ", ".join(_show(v) for v in sorted(value, key=str)) + "]"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _jsonable(value: object) -> Any:
    if isinstance(value, bool | int | str) or value is None:
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, frozenset):
        return sorted(_jsonable(v) for v in value)
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    return str(value)


@attrs.frozen
class Notice:
    """A warning, assumption or reason that influenced a result, naming its rule id.

    Its words live in :mod:`psoladder.messages` under ``key``; they are put
    together only when shown, in English (:attr:`message`) or Dutch
    (:meth:`text`). The parameters keep their types (dates, exact numbers,
    codes), so each language writes them in its own way.

    Attributes:
        rule: The rule id.
        key: The key of its texts in :mod:`psoladder.messages`.
        params: The values filled into those texts (hashable).
    """

    rule: str
    key: str
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, rule: str, key: str, /, **params: object) -> Notice:
        """A notice of ``rule`` with the text ``key`` and its parameters."""
        return cls(rule, key, tuple((k, tuple(v) if isinstance(v, list) else v)
                                    for k, v in params.items()))

    @property
    def message(self) -> str:
        """What was assumed or why, and how to remove a warning (English)."""
        return self.text("en")

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` (``en`` or ``nl``)."""
        return messages.text(self.key, lang, **dict(self.params))

    def __str__(self) -> str:
        return f"{self.rule}: {self.message}"


@attrs.frozen
class Edition:
    """An edition of the PSO-Handleiding (R-ED-2).

    Attributes:
        name: The edition number, e.g. ``"2.1"``.
        applies_from: First application date it applies to (R-ED-1).
        source: Source URL.
        changes: The quantitative changes it brought.
    """

    name: str
    applies_from: dt.date
    source: str
    changes: str

    @property
    def key(self) -> tuple[int, ...]:
        """Sortable form of the number, e.g. ``(2, 1)``."""
        return tuple(int(p) for p in self.name.split("."))


@attrs.frozen
class TargetGroupRules:
    """The rules for one target group under one rule set (R-TG).

    Attributes:
        group: The target group.
        rule: Its rule id.
        label_en: English label.
        label_nl: Dutch label.
        available: Whether the group exists under this edition (R-TG-15),
            cited.
        weight: Its weight (R-TG-0).
        window: How its counting window is found.
        window_years: Length of a years-based window.
        eligibility: An eligibility condition at inflow.
        eligibility_months: Months for a ``ww_months_before_inflow`` condition.
        eligibility_years: Years for a ``status_lost_years_before`` condition.
        disabled_in_service_counts: Whether people disabled while working
            for the applicant count (R-TG-4), if the group has that rule.
        requires: Input fields the group needs.
        starts: The first application date on which the group exists.
        disabled_in_service_starts: The first application date on which people
            disabled while working for the applicant count, if the group has
            that rule.
    """

    group: TargetGroup
    rule: str
    label_en: str
    label_nl: str
    available: Cited[bool]
    weight: Cited[Decimal]
    window: WindowKind
    window_years: Cited[int] | None
    eligibility: Eligibility
    eligibility_months: Cited[int] | None
    eligibility_years: Cited[int] | None
    disabled_in_service_counts: Cited[bool] | None
    requires: tuple[str, ...]
    starts: dt.date
    disabled_in_service_starts: dt.date | None = None


@attrs.frozen
class ContractTypeRules:
    """The rules for one contract type under one rule set (R-CT).

    Attributes:
        contract: The contract type.
        rule: Its rule id.
        label_en: English label.
        label_nl: Dutch label.
        weight: Its weight (R-TG-0).
        window_years: Years a placement counts from its start (R-CT-4).
        excluded_from_total: Whether it is left out of total fte (R-CT-6).
    """

    contract: ContractType
    rule: str
    label_en: str
    label_nl: str
    weight: Cited[Decimal]
    window_years: Cited[int] | None
    excluded_from_total: Cited[bool] | None

    @property
    def excluded(self) -> bool:
        """Left out of total fte (R-CT-6)."""
        return self.excluded_from_total is not None and self.excluded_from_total.value


@attrs.frozen
class NormRow:
    """One row of the norm table, in percent (R-LVL-2).

    Attributes:
        size: Company size in whole fte.
        trede_1: Norm for Trede 1.
        trede_2: Norm for Trede 2.
        trede_3: Norm for Trede 3.
        basistrede: Norm for Basistrede, when known (R-LVL-5).
    """

    size: int
    trede_1: Decimal
    trede_2: Decimal
    trede_3: Decimal
    basistrede: Decimal | None = None


@attrs.frozen
class NormTable:
    """The norm table in force (R-LVL-2), with its citation.

    Attributes:
        rows: Rows by increasing size.
        citation: Where the table comes from.
        smallest_size: The smallest size with a row (2).
        open_ended_from: Sizes at or above this use its row (105, R-SIZE-2).
        complete: Every size ``smallest_size..open_ended_from`` has a row
            (a user-supplied full table, R-LVL-3).
        basistrede: Citation of the Basistrede norms (``unknown`` unless the
            user supplied them), or ``None`` before edition 2.1.
    """

    rows: tuple[NormRow, ...]
    citation: Cited[str]
    smallest_size: int
    open_ended_from: int
    complete: bool
    basistrede: Cited[str] | None

    def row(self, size: int) -> NormRow | None:
        """The row for exactly ``size``, if there is one."""
        for r in self.rows:
            if r.size == size:
                return r
        return None


@attrs.frozen
class RuleSet:
    """The PSO rules in force on one application date.

    Use :func:`rules_at` to get one. Every accessor returns a :class:`Cited`
    value, so a computation can record the rule, date and source it used.

    Attributes:
        on: The application date.
        edition: The edition in force (R-ED-1).
        editions: All known editions, oldest first.
        last_verified: When the rule data was last checked against its sources.
        parameters: Scalar and list parameters by name.
        target_groups: Target-group rules by group.
        contract_types: Contract-type rules by contract type.
        norms: The norm table.
        sources: Source URLs by key.
        overridden: Names of values replaced by a user override.
    """

    on: dt.date
    edition: Edition
    editions: tuple[Edition, ...]
    last_verified: dt.date
    parameters: Mapping[str, Cited[Any]]
    target_groups: Mapping[TargetGroup, TargetGroupRules]
    contract_types: Mapping[ContractType, ContractTypeRules]
    norms: NormTable
    sources: Mapping[str, str]
    overridden: frozenset[str] = frozenset()
    # Derived values (typed lookups, norms per size) computed once per rule set.
    _memo: dict[Any, Any] = attrs.field(factory=dict, eq=False, repr=False, init=False)

    def memo(self, key: Any, compute: Callable[[], T]) -> T:
        """``compute()``, remembered under ``key`` for this rule set (values are immutable)."""
        try:
            return self._memo[key]  # type: ignore[no-any-return]
        except KeyError:
            value = self._memo[key] = compute()
            return value

    def parameter(self, name: str) -> Cited[Any]:
        """The parameter ``name`` in force.

        Raises:
            KeyError: When the parameter has no value on this date.
        """
        try:
            return self.parameters[name]
        except KeyError:
            raise KeyError(f"no rule parameter {name!r} in force on {self.on}") from None

    def decimal(self, name: str) -> Cited[Decimal]:
        """A numeric parameter as ``Decimal``."""
        return self.memo(("decimal", name), lambda: self._decimal(name))

    def _decimal(self, name: str) -> Cited[Decimal]:
        cited = self.parameter(name)
        value = cited.value
        if isinstance(value, bool) or not isinstance(value, Decimal | int):
            raise RuleDataError(f"parameter {name!r} is not a number: {value!r}")
        return attrs.evolve(cited, value=Decimal(value))

    def integer(self, name: str) -> Cited[int]:
        """An integer parameter."""
        cited = self.parameter(name)
        if isinstance(cited.value, bool) or not isinstance(cited.value, int):
            raise RuleDataError(f"parameter {name!r} is not a whole number: {cited.value!r}")
        return cited

    def flag(self, name: str) -> Cited[bool]:
        """A yes/no parameter."""
        cited = self.parameter(name)
        if not isinstance(cited.value, bool):
            raise RuleDataError(f"parameter {name!r} is not true/false: {cited.value!r}")
        return cited

    def codes(self, name: str) -> Cited[frozenset[str]]:
        """A parameter listing codes (target groups, contract types, levels)."""
        return self.memo(("codes", name), lambda: attrs.evolve(
            self.parameter(name), value=frozenset(self.parameter(name).value)))

    def target_group(self, group: TargetGroup) -> TargetGroupRules:
        """The rules of one target group."""
        return self.target_groups[group]

    def contract_type(self, contract: ContractType) -> ContractTypeRules:
        """The rules of one contract type."""
        return self.contract_types[contract]

    @property
    def levels(self) -> tuple[Level, ...]:
        """The levels that exist under this edition, lowest first."""
        codes = self.codes("levels_available").value
        return self.memo("levels", lambda: tuple(lv for lv in Level if lv.value in codes))

    @property
    def after_last_known_edition(self) -> bool:
        """True once a next yearly edition would apply (R-ED-3)."""
        last = self.editions[-1]
        return self.edition == last and self.on >= years_after(last.applies_from, 1)

    def notices(self) -> tuple[Notice, ...]:
        """Notices about the rule set itself (R-ED-3)."""
        if not self.after_last_known_edition:
            return ()
        return self.memo("notices", lambda: (Notice.of(
            "R-ED-3", "edition_unverified", edition=self.edition.name,
            verified=self.last_verified.isoformat()),))

    def cited_values(self) -> Iterator[Cited[Any]]:
        """Every cited value of this rule set (for listings and the docs)."""
        yield from self.parameters.values()
        for tg in self.target_groups.values():
            yield from (
                v for v in (tg.available, tg.weight, tg.window_years, tg.eligibility_months,
                            tg.eligibility_years, tg.disabled_in_service_counts)
                if v is not None
            )
        for ct in self.contract_types.values():
            yield from (
                v for v in (ct.weight, ct.window_years, ct.excluded_from_total) if v is not None
            )
        yield self.norms.citation
        if self.norms.basistrede is not None:
            yield self.norms.basistrede

    def with_overrides(self, overrides: RuleOverrides) -> RuleSet:
        """A copy with the user's values in place of the data's (status ``user``)."""
        return overrides.apply(self)


# ------------------------------------------------------------------ loading


@attrs.frozen
class _Entry:
    applies_from: dt.date
    value: Any
    status: Status
    source: str
    note: str
    conservative: Any


@attrs.frozen
class _History:
    name: str
    rule: str
    entries: tuple[_Entry, ...]

    def at(self, on: dt.date) -> Cited[Any] | None:
        current = None
        for entry in self.entries:
            if entry.applies_from <= on:
                current = entry
        if current is None:
            return None
        value = current.conservative if current.status is Status.UNKNOWN else current.value
        return Cited(value, self.rule, current.applies_from, current.source, current.status,
                     current.note, self.name)


@attrs.frozen
class RuleData:
    """The whole rule data file, checked. Use :func:`rules_at` for one date.

    Attributes:
        editions: Known editions, oldest first.
        last_verified: When the data was last verified.
        sources: Source URLs by key.
        raw: The parsed TOML document.
    """

    editions: tuple[Edition, ...]
    last_verified: dt.date
    sources: Mapping[str, str]
    raw: Mapping[str, Any]
    _parameters: Mapping[str, _History]
    _group_histories: Mapping[TargetGroup, Mapping[str, _History]]
    _contract_histories: Mapping[ContractType, Mapping[str, _History]]

    @property
    def first_date(self) -> dt.date:
        """The first supported application date."""
        return self.editions[0].applies_from

    def histories(self) -> Iterator[tuple[str, _History]]:
        """Every dated value history, with a qualified name."""
        for name, h in self._parameters.items():
            yield f"parameters.{name}", h
        for group, hs in self._group_histories.items():
            for key, h in hs.items():
                yield f"target_groups.{group.value}.{key}", h
        for contract, hs in self._contract_histories.items():
            for key, h in hs.items():
                yield f"contract_types.{contract.value}.{key}", h

    def at(self, on: dt.date) -> RuleSet:
        """The rule set in force on ``on``."""
        if on < self.first_date:
            raise NoRuleInForce(on, self.first_date)
        edition = [e for e in self.editions if e.applies_from <= on][-1]
        params = {}
        for name, history in self._parameters.items():
            cited = history.at(on)
            if cited is not None:
                params[name] = cited
        groups = {g: self._group_at(g, on) for g in TargetGroup}
        contracts = {c: self._contract_at(c, on) for c in ContractType}
        return RuleSet(on=on, edition=edition, editions=self.editions,
                       last_verified=self.last_verified, parameters=params,
                       target_groups=groups, contract_types=contracts,
                       norms=self._norms_at(on), sources=self.sources)

    def _group_at(self, group: TargetGroup, on: dt.date) -> TargetGroupRules:
        data = self.raw["target_groups"][group.value]
        hs = self._group_histories[group]
        weight = hs["weight"].at(on)
        available = hs["available_from"].at(on)
        if available is None:
            # Not yet a target group (R-TG-15): cite when it starts.
            first = hs["available_from"].entries[0]
            available = Cited(False, "R-TG-15", self.first_date, first.source, first.status,
                              f"a target group from {first.applies_from.isoformat()} on",
                              "available")
            weight = Cited(Decimal(0), "R-TG-15", self.first_date, first.source,
                           first.status, "not a target group under this edition", "weight")
        assert weight is not None
        return TargetGroupRules(
            group=group, rule=data["rule"], label_en=data["label_en"], label_nl=data["label_nl"],
            available=available, weight=attrs.evolve(weight, value=Decimal(weight.value)),
            window=WindowKind(data["window"]),
            window_years=_opt_at(hs, "window_years", on),
            eligibility=Eligibility(data.get("eligibility", "none")),
            eligibility_months=_opt_at(hs, "eligibility_months", on),
            eligibility_years=_opt_at(hs, "eligibility_years", on),
            disabled_in_service_counts=_flag_from(hs, "disabled_in_service_from", on,
                                                  self.first_date),
            requires=tuple(data.get("requires", ())),
            starts=hs["available_from"].entries[0].applies_from,
            disabled_in_service_starts=(hs["disabled_in_service_from"].entries[0].applies_from
                                        if "disabled_in_service_from" in hs else None),
        )

    def _contract_at(self, contract: ContractType, on: dt.date) -> ContractTypeRules:
        data = self.raw["contract_types"][contract.value]
        hs = self._contract_histories[contract]
        weight = hs["weight"].at(on)
        assert weight is not None
        return ContractTypeRules(
            contract=contract, rule=data["rule"], label_en=data["label_en"],
            label_nl=data["label_nl"], weight=attrs.evolve(weight, value=Decimal(weight.value)),
            window_years=_opt_at(hs, "window_years", on),
            excluded_from_total=_opt_at(hs, "excluded_from_total", on),
        )

    def _norms_at(self, on: dt.date) -> NormTable:
        norms = self.raw["norms"]
        rows = tuple(
            NormRow(size=r["size"], trede_1=r["trede_1"], trede_2=r["trede_2"],
                    trede_3=r["trede_3"], basistrede=r.get("basistrede"))
            for r in norms["rows"]
        )
        citation = Cited(f"{len(rows)} published rows", norms["rule"], norms["applies_from"],
                         self.sources[norms["source"]], Status(norms["status"]),
                         norms.get("note", ""), "norms")
        basis = norms.get("basistrede")
        basistrede = None
        if basis is not None and basis["applies_from"] <= on:
            basistrede = Cited("Basistrede norms", basis["rule"], basis["applies_from"],
                               self.sources[basis["source"]], Status(basis["status"]),
                               "Basistrede norm values are not published", "norms.basistrede")
        sizes = {r.size for r in rows}
        complete = set(range(norms["smallest_size"], norms["open_ended_from"] + 1)) <= sizes
        return NormTable(rows=rows, citation=citation, smallest_size=norms["smallest_size"],
                         open_ended_from=norms["open_ended_from"], complete=complete,
                         basistrede=basistrede)


def _opt_at(hs: Mapping[str, _History], key: str, on: dt.date) -> Cited[Any] | None:
    return hs[key].at(on) if key in hs else None


def _flag_from(hs: Mapping[str, _History], key: str, on: dt.date,
               first_date: dt.date) -> Cited[bool] | None:
    if key not in hs:
        return None
    cited = hs[key].at(on)
    if cited is None:
        first = hs[key].entries[0]
        return Cited(False, hs[key].rule, first_date, first.source, first.status,
                     f"from {first.applies_from.isoformat()} on", key)
    return cited


class _Checker:
    """Collects every schema problem of a rule data document."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.problems: list[str] = []

    def fail(self, message: str) -> None:
        self.problems.append(message)

    def done(self) -> None:
        if self.problems:
            raise RuleDataError(
                f"rule data {self.where} has {len(self.problems)} problem(s):\n"
                + "\n".join(f"  {p}" for p in self.problems)
            )


_STATUSES = {s.value for s in Status} - {"user"}


def _history(name: str, rule: str, entries: Any, sources: Mapping[str, str],
             check: _Checker) -> _History:
    out = []
    if not isinstance(entries, list) or not entries:
        check.fail(f"{name}: needs a non-empty list of dated values")
        return _History(name, rule, ())
    previous: dt.date | None = None
    for i, e in enumerate(entries):
        where = f"{name}[{i}]"
        start = e.get("from")
        if not isinstance(start, dt.date):
            check.fail(f"{where}: 'from' must be a date")
            continue
        if previous is not None and start <= previous:
            check.fail(f"{where}: dates must increase ({start} after {previous})")
        previous = start
        status = e.get("status")
        if status not in _STATUSES:
            check.fail(f"{where}: status must be one of {sorted(_STATUSES)}, not {status!r}")
            continue
        source = e.get("source")
        if source not in sources:
            check.fail(f"{where}: source {source!r} is not a key of [sources]")
            continue
        if status == "unknown":
            if "value" in e or "conservative" not in e:
                check.fail(f"{where}: an unknown value has no 'value' and needs 'conservative'")
        elif "value" not in e and name.rsplit(".", 1)[-1] not in _DATE_ONLY:
            check.fail(f"{where}: a {status} entry needs a 'value'")
        if isinstance(e.get("value"), float) or isinstance(e.get("conservative"), float):
            check.fail(f"{where}: float value (load with parse_float=Decimal)")
        out.append(_Entry(start, e.get("value", True), Status(status), sources[source],
                          e.get("note", ""), e.get("conservative")))
    return _History(name, rule, tuple(out))


_DATE_ONLY = {"available_from", "disabled_in_service_from"}
_GROUP_HISTORIES = ("weight", "window_years", "eligibility_months", "eligibility_years")
_CONTRACT_HISTORIES = ("weight", "window_years", "excluded_from_total")


def _parse(doc: Mapping[str, Any], where: str) -> RuleData:
    check = _Checker(where)
    sources = doc.get("sources", {})
    for key, url in sources.items():
        if not (isinstance(url, str) and url.startswith(("http://", "https://"))):
            check.fail(f"sources.{key}: must be a URL")
    editions = []
    for i, e in enumerate(doc.get("editions", [])):
        if e.get("source") not in sources:
            check.fail(f"editions[{i}]: source {e.get('source')!r} is not a key of [sources]")
            continue
        editions.append(Edition(e["edition"], e["applies_from"], sources[e["source"]],
                                e.get("changes", "")))
    if not editions:
        check.fail("editions: none listed")
    for a, b in itertools.pairwise(editions):
        if not (a.applies_from < b.applies_from and a.key < b.key):
            check.fail(f"editions: {b.name} must follow {a.name} in number and date")
    if not isinstance(doc.get("last_verified"), dt.date):
        check.fail("last_verified: must be a date")

    params = {}
    for name, p in doc.get("parameters", {}).items():
        if not str(p.get("rule", "")).startswith("R-"):
            check.fail(f"parameters.{name}: needs a rule id R-...")
        params[name] = _history(name, p.get("rule", "?"), p.get("values"), sources, check)

    groups: dict[TargetGroup, dict[str, _History]] = {}
    raw_groups = doc.get("target_groups", {})
    for code in raw_groups:
        if code not in {g.value for g in TargetGroup}:
            check.fail(f"target_groups.{code}: not a TargetGroup code")
    for group in TargetGroup:
        data = raw_groups.get(group.value)
        if data is None:
            check.fail(f"target_groups.{group.value}: missing (every TargetGroup needs rules)")
            continue
        rule = data.get("rule", "?")
        hs = {k: _history(f"{group.value}.{k}", rule, data[k], sources, check)
              for k in _GROUP_HISTORIES if k in data}
        if "weight" not in hs:
            check.fail(f"target_groups.{group.value}: needs weight")
        first = editions[0].applies_from if editions else dt.date.min
        avail = data.get("available_from", {"from": first, "status": "published",
                                            "source": data["weight"][0]["source"]})
        hs["available_from"] = _history(f"{group.value}.available_from", "R-TG-15", [avail],
                                        sources, check)
        if "disabled_in_service_from" in data:
            hs["disabled_in_service_from"] = _history(
                f"{group.value}.disabled_in_service_from", rule,
                [data["disabled_in_service_from"]], sources, check)
        try:
            kind = WindowKind(data.get("window"))
        except ValueError:
            check.fail(f"target_groups.{group.value}: unknown window {data.get('window')!r}")
        else:
            needs_years = kind in (WindowKind.YEARS_FROM_INFLOW, WindowKind.YEARS_FROM_SCHOOL)
            if needs_years != ("window_years" in hs):
                check.fail(f"target_groups.{group.value}: window_years goes with a years window")
        try:
            Eligibility(data.get("eligibility", "none"))
        except ValueError:
            check.fail(f"target_groups.{group.value}: unknown eligibility")
        groups[group] = hs

    contracts: dict[ContractType, dict[str, _History]] = {}
    raw_contracts = doc.get("contract_types", {})
    for contract in ContractType:
        data = raw_contracts.get(contract.value)
        if data is None:
            check.fail(f"contract_types.{contract.value}: missing")
            continue
        contracts[contract] = {
            k: _history(f"{contract.value}.{k}", data.get("rule", "?"), data[k], sources, check)
            for k in _CONTRACT_HISTORIES if k in data
        }

    _check_norms(doc.get("norms", {}), sources, check)
    for level in doc.get("parameters", {}).get("levels_available", {}).get("values", []):
        for code in level.get("value", []):
            if code not in {lv.value for lv in Level}:
                check.fail(f"levels_available: {code!r} is not a Level")
    for name in ("thirty_plus_excluded_groups", "banenafspraak_groups",
                 "banenafspraak_groups_when_registered"):
        for entry in doc.get("parameters", {}).get(name, {}).get("values", []):
            for code in entry.get("value", []):
                if code not in {g.value for g in TargetGroup}:
                    check.fail(f"parameters.{name}: {code!r} is not a TargetGroup code")
    check.done()
    return RuleData(tuple(editions), doc["last_verified"], dict(sources), doc, params, groups,
                    contracts)


def _check_norms(norms: Mapping[str, Any], sources: Mapping[str, str], check: _Checker) -> None:
    if norms.get("source") not in sources:
        check.fail("norms: source is not a key of [sources]")
    rows = norms.get("rows", [])
    if not rows:
        check.fail("norms: no rows")
        return
    sizes = [r.get("size") for r in rows]
    if sizes != sorted(set(sizes)):
        check.fail("norms: sizes must increase, each once")
    if sizes[0] != norms.get("smallest_size") or sizes[-1] != norms.get("open_ended_from"):
        check.fail("norms: the first row must be smallest_size and the last open_ended_from")
    previous = None
    for r in rows:
        values = [r.get(k) for k in ("trede_1", "trede_2", "trede_3")]
        if not all(isinstance(v, Decimal | int) for v in values):
            check.fail(f"norms: row {r.get('size')} needs trede_1..3 as numbers")
            continue
        if not values[0] <= values[1] <= values[2]:
            check.fail(f"norms: row {r.get('size')} must have trede_1 <= trede_2 <= trede_3")
        if previous is not None and any(v > p for v, p in zip(values, previous, strict=True)):
            check.fail(f"norms: row {r.get('size')} is higher than a smaller size's row "
                       "(norms fall as size rises, R-LVL-3)")
        previous = values


@functools.cache
def rule_data() -> RuleData:
    """The shipped rule data, loaded and schema-checked once."""
    text = (Path(__file__).parent / "data" / "pso.toml").read_text("utf-8")
    return _parse(tomllib.loads(text, parse_float=Decimal), "psoladder/rules/data/pso.toml")


def rules_at(on: dt.date, overrides: RuleOverrides | None = None) -> RuleSet:
    """The rule set in force for an application date (R-ED-1, R-ED-3).

    Args:
        on: The application date (aanvraagdatum).
        overrides: User values that replace the data's (see :func:`load_overrides`).

    Raises:
        NoRuleInForce: For a date before 2017-04-01.
    """
    if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
        raise TypeError(f"rules_at needs a datetime.date, not {type(on).__name__}")
    rules = _rules_on(on)
    return overrides.apply(rules) if overrides is not None else rules


@functools.lru_cache(maxsize=256)
def _rules_on(on: dt.date) -> RuleSet:
    # A RuleSet is immutable (its memo only caches derived values), so one per
    # date can be shared by every assessment on that date.
    return rule_data().at(on)


# ------------------------------------------------------------------ overrides


@attrs.frozen
class RuleOverrides:
    """Values a user supplies in place of the shipped rule data.

    Typical use: the official full norm table (sizes 2..105) or the Basistrede
    norms from the PSO-Handleiding an applicant received, or the student
    weights of edition 1.9 on. Overridden values get status ``user`` and the
    conservative-rule warnings for them disappear.

    Attributes:
        source: Where the values come from (shown as their citation).
        parameters: Parameter values by name.
        target_group_weights: Weights by target group.
        contract_weights: Weights by contract type.
        norm_rows: Norm rows; rows for the same size replace the data's.
    """

    source: str
    parameters: Mapping[str, Any] = attrs.Factory(dict)
    target_group_weights: Mapping[TargetGroup, Decimal] = attrs.Factory(dict)
    contract_weights: Mapping[ContractType, Decimal] = attrs.Factory(dict)
    norm_rows: tuple[NormRow, ...] = ()

    def apply(self, rules: RuleSet) -> RuleSet:
        """Return ``rules`` with these values in place."""
        on = rules.edition.applies_from
        names: set[str] = set()

        def user(cited: Cited[Any], value: Any) -> Cited[Any]:
            names.add(cited.name or cited.rule)
            return attrs.evolve(cited, value=value, status=Status.USER, source=self.source,
                                applies_from=on, note="user override")

        params = dict(rules.parameters)
        for name, value in self.parameters.items():
            if name not in params:
                raise RuleDataError(f"override: no parameter {name!r} in force on {rules.on}")
            params[name] = user(params[name], value)
        groups = dict(rules.target_groups)
        for group, weight in self.target_group_weights.items():
            tg = groups[group]
            if not tg.available.value:
                raise RuleDataError(f"override: {group.value} is not a target group under "
                                    f"edition {rules.edition.name}")
            groups[group] = attrs.evolve(tg, weight=user(tg.weight, weight))
        contracts = dict(rules.contract_types)
        for contract, weight in self.contract_weights.items():
            ct = contracts[contract]
            contracts[contract] = attrs.evolve(ct, weight=user(ct.weight, weight))
        norms = rules.norms
        if self.norm_rows:
            by_size = {r.size: r for r in norms.rows}
            by_size.update({r.size: r for r in self.norm_rows})
            rows = tuple(by_size[s] for s in sorted(by_size))
            sizes = {r.size for r in self.norm_rows}
            complete = set(range(norms.smallest_size, norms.open_ended_from + 1)) <= sizes
            has_basis = any(r.basistrede is not None for r in self.norm_rows)
            basistrede = norms.basistrede
            if has_basis and basistrede is not None:
                basistrede = user(basistrede, "Basistrede norms")
            norms = NormTable(
                rows=rows,
                citation=user(norms.citation, f"{len(self.norm_rows)} user rows"),
                smallest_size=norms.smallest_size, open_ended_from=norms.open_ended_from,
                complete=complete, basistrede=basistrede,
            )
        return attrs.evolve(rules, parameters=params, target_groups=groups,
                            contract_types=contracts, norms=norms,
                            overridden=rules.overridden | names)


def load_overrides(path: str | Path) -> RuleOverrides:
    """Read a rule-data override file (TOML).

    The file has a ``source`` line and any of these tables::

        source = "PSO-Handleiding 2.1, bijlage normtabel (received 2024-02-01)"

        [parameters]
        max_indirect_share = 0.80

        [target_groups.student_level_1]
        weight = 0.6

        [contract_types.trial]
        weight = 0.5

        [[norms]]
        size = 2
        basistrede = 15.0
        trede_1 = 21.4
        trede_2 = 28.0
        trede_3 = 33.0

    Raises:
        RuleDataError: Naming every problem of the file.
    """
    where = str(path)
    try:
        doc = tomllib.loads(Path(path).read_text("utf-8"), parse_float=Decimal)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise RuleDataError(f"cannot read override file {where}: {exc}") from None
    return overrides_from_mapping(doc, where)


def overrides_from_mapping(doc: Mapping[str, Any], where: str = "override") -> RuleOverrides:
    """Build :class:`RuleOverrides` from a parsed document (see :func:`load_overrides`)."""
    check = _Checker(where)
    source = doc.get("source")
    if not isinstance(source, str) or not source.strip():
        check.fail("source: say where the values come from, e.g. the handleiding edition")
    for key in doc:
        if key not in {"source", "parameters", "target_groups", "contract_types", "norms"}:
            check.fail(f"{key}: unknown table (use parameters, target_groups, contract_types, "
                       "norms)")
    groups = {}
    for code, table in doc.get("target_groups", {}).items():
        try:
            groups[TargetGroup(code)] = _weight(table, f"target_groups.{code}", check)
        except ValueError:
            check.fail(f"target_groups.{code}: not a target group code")
    contracts = {}
    for code, table in doc.get("contract_types", {}).items():
        try:
            contracts[ContractType(code)] = _weight(table, f"contract_types.{code}", check)
        except ValueError:
            check.fail(f"contract_types.{code}: not a contract type code")
    rows = []
    raw_rows = doc.get("norms", [])
    with_basis = sum(1 for r in raw_rows if "basistrede" in r)
    if with_basis not in (0, len(raw_rows)):
        check.fail("norms: give basistrede on every row or on none")
    for i, r in enumerate(raw_rows):
        try:
            row = NormRow(size=int(r["size"]), trede_1=Decimal(r["trede_1"]),
                          trede_2=Decimal(r["trede_2"]), trede_3=Decimal(r["trede_3"]),
                          basistrede=Decimal(r["basistrede"]) if "basistrede" in r else None)
        except (KeyError, TypeError, ValueError, ArithmeticError):
            check.fail(f"norms[{i}]: needs size, trede_1, trede_2, trede_3 (and basistrede)")
            continue
        ordered = [row.trede_1, row.trede_2, row.trede_3]
        if row.basistrede is not None:
            ordered.insert(0, row.basistrede)
        if ordered != sorted(ordered):
            check.fail(f"norms[{i}]: norms must not fall from Basistrede to Trede 3")
        rows.append(row)
    check.done()
    return RuleOverrides(source=str(source), parameters=dict(doc.get("parameters", {})),
                         target_group_weights=groups, contract_weights=contracts,
                         norm_rows=tuple(sorted(rows, key=lambda r: r.size)))


def _weight(table: Mapping[str, Any], where: str, check: _Checker) -> Decimal:
    value = table.get("weight")
    if set(table) != {"weight"} or not isinstance(value, Decimal | int) or isinstance(
            value, bool) or not 0 <= value <= 1:
        check.fail(f"{where}: give weight = a number from 0 to 1 (and nothing else)")
        return Decimal(0)
    return Decimal(value)
