"""The data model of the rule data: cited values, notices, editions, norm tables, rule sets.

A :class:`RuleSet` holds the PSO rules in force on one application date; every
value in it is a :class:`Cited` value that carries its rule id, the date it
applies from, its source and its status.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from psoladder import messages
from psoladder.errors import RuleDataError
from psoladder.model import ContractType, Level, TargetGroup
from psoladder.periods import years_after

if TYPE_CHECKING:
    from psoladder.rules.overrides import RuleOverrides

__all__ = [
    "Admissible",
    "Bound",
    "Cited",
    "ContractTypeRules",
    "Edition",
    "Eligibility",
    "NormRow",
    "NormTable",
    "Notice",
    "RuleSet",
    "Source",
    "SourceQuality",
    "Status",
    "TargetGroupRules",
    "WindowKind",
    "rule_sort_key",
    "secondary_notices",
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


class SourceQuality(enum.Enum):
    """How close a source is to the scheme's owners (declared once per source).

    * ``primary``: PSO-Nederland or TNO, the owners of the scheme;
    * ``secondary``: anyone else (a consultant, a region, a news item); a
      value that rests only on a secondary source raises a notice;
    * ``psoladder``: psoladder's own documented decision page;
    * ``user``: the source a user gave in an override file.
    """

    PRIMARY = "primary"
    SECONDARY = "secondary"
    PSOLADDER = "psoladder"
    USER = "user"


@attrs.frozen
class Source:
    """A source of the rule data, declared once in its ``[sources]`` table.

    Attributes:
        key: Its key in the rule data, e.g. ``"S-NORMS"``.
        url: Where it can be read.
        quality: Primary, secondary or psoladder's own page.
        publisher: Who published it.
    """

    key: str
    url: str
    quality: SourceQuality
    publisher: str


#: What an end of an admissible range may name instead of a number: the norm of
#: the same level in the nearest table row of a larger size (``row_above``) or
#: of a smaller size (``row_below``), or the norm of another level of the same
#: size (``trede_1``, ...).
REFERENCES = ("row_above", "row_below", "trede_1", "trede_2", "trede_3")


@attrs.frozen
class Bound:
    """One end of an :class:`Admissible` range.

    Attributes:
        value: A number, or a reference to another norm (see :data:`REFERENCES`).
        included: Whether the end itself is admissible (``at_least``/``at_most``
            in the rule data) or only values beyond it (``above``/``below``).
    """

    value: Decimal | str
    included: bool

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"value": str(self.value), "included": self.included}


@attrs.frozen
class Admissible:
    """The values an unknown rule value can have, with the reasoning behind them.

    Read from an ``admissible`` table of the rule data, e.g. for a weight that
    edition 1.9 raised from 0.5 (``above = 0.5, at_most = 1``):

    >>> a = Admissible(Bound(Decimal("0.5"), False), Bound(Decimal(1), True), "raised")
    >>> str(a), a.contains(Decimal("0.5")), a.contains(Decimal("0.6")), a.contains(1)
    ('(0.5, 1]', False, True, True)

    Attributes:
        low: The lower end.
        high: The upper end.
        note: Why the value lies in this range (with the words of its source).
    """

    low: Bound
    high: Bound
    note: str

    def contains(self, value: Decimal | int) -> bool:
        """Whether a number lies in the range (both ends must be numbers)."""
        low, high = self.low.value, self.high.value
        if isinstance(low, str) or isinstance(high, str):
            raise TypeError("a range with a reference has no numeric ends")
        above = value >= low if self.low.included else value > low
        below = value <= high if self.high.included else value < high
        return above and below

    def __str__(self) -> str:
        return (f"{'[' if self.low.included else '('}{self.low.value}, "
                f"{self.high.value}{']' if self.high.included else ')'}")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"low": self.low.to_dict(), "high": self.high.to_dict(), "note": self.note}


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
        note: Extra explanation, e.g. why a value is unknown, or the sentence
            of the source it rests on.
        name: The value's qualified name in the rule data, e.g.
            ``"max_indirect_share"`` or ``"wajong.weight"``.
        quality: The quality of its source (primary, secondary, psoladder's
            own decision page, or the user's).
        admissible: For an ``unknown`` value that can move the level, the
            values it can have (see :mod:`psoladder.bounds`).
    """

    value: T
    rule: str
    applies_from: dt.date
    source: str
    status: Status
    note: str = ""
    name: str = ""
    quality: SourceQuality = attrs.field(kw_only=True)
    admissible: Admissible | None = attrs.field(default=None, kw_only=True)

    @property
    def known(self) -> bool:
        """``False`` when the official value is unknown and a conservative one is used."""
        return self.status is not Status.UNKNOWN

    @property
    def secondary_only(self) -> bool:
        """The value rests only on a secondary source (a notice names it)."""
        return self.quality is SourceQuality.SECONDARY

    def citation(self) -> str:
        """One line: rule id, value, status, source quality, date and source."""
        shown = _show(self.value)
        extra = " (value used; official value unknown)" if not self.known else ""
        return (
            f"{self.rule}: {shown}{extra} ({self.status.value}, "
            f"{_QUALITY_WORDS[self.quality]}, from {self.applies_from.isoformat()}; "
            f"{self.source})"
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (decimals as strings)."""
        return {
            "name": self.name,
            "rule": self.rule,
            "value": _jsonable(self.value),
            "status": self.status.value,
            "quality": self.quality.value,
            "applies_from": self.applies_from.isoformat(),
            "source": self.source,
            **({"note": self.note} if self.note else {}),
            **({"admissible": self.admissible.to_dict()} if self.admissible else {}),
        }


_QUALITY_WORDS = {
    SourceQuality.PRIMARY: "primary source",
    SourceQuality.SECONDARY: "secondary source only",
    SourceQuality.PSOLADDER: "psoladder's decisions page",
    SourceQuality.USER: "user's source",
}


def secondary_notices(values: Iterable[Cited[Any]]) -> tuple[Notice, ...]:
    """One notice per rule and source for the values that rest only on a secondary source.

    Overridden values (status ``user``) rest on the user's source instead.
    """
    names: dict[tuple[str, str], list[str]] = {}
    for c in values:
        if c.secondary_only and c.status is not Status.USER:
            listed = names.setdefault((c.rule, c.source), [])
            if c.name not in listed:
                listed.append(c.name)
    return tuple(Notice.of(rule, "secondary_source", names=tuple(listed), source=source)
                 for (rule, source), listed in names.items())


def rule_sort_key(rule: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key putting rule ids in natural order: R-TG-2, R-TG-2a, R-TG-10.

    Numbers come before words, as in ``ls -v``:

    >>> sorted(["R-TG-10", "R-TG-2a", "R-30-4", "R-TG-6b", "R-TG-2", "R-IND-4"],
    ...        key=rule_sort_key)
    ['R-30-4', 'R-IND-4', 'R-TG-2', 'R-TG-2a', 'R-TG-6b', 'R-TG-10']
    """
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                 for part in re.split(r"[-.]|(?<=\d)(?=\D)", rule) if part)


def _show(value: object) -> str:
    if isinstance(value, frozenset):  # a set of codes: in a stable order
        return "[" + ", ".join(_show(v) for v in sorted(value, key=str)) + "]"
    if isinstance(value, tuple | list):  # a list keeps its order (e.g. fee bands)
        return "[" + ", ".join(_show(v) for v in value) + "]"
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
        quality: The quality of its source.
        changes_nl: The same in Dutch.
    """

    name: str
    applies_from: dt.date
    source: str
    changes: str
    quality: SourceQuality = attrs.field(kw_only=True)
    changes_nl: str = attrs.field(default="", kw_only=True)

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
    """The norm table in force (R-LVL-2), with the citation of every row.

    A user override may give rows for some sizes (R-LVL-3): they are merged
    with the published rows, row by row, and each row keeps its own source
    (:meth:`citation_of`).

    Attributes:
        rows: Rows by increasing size.
        citation: Where the published rows come from.
        smallest_size: The smallest size with a row (2).
        open_ended_from: Sizes at or above this use its row (105, R-SIZE-2).
        complete: Every size ``smallest_size..open_ended_from`` has a row, so
            no norm is looked up between rows (R-LVL-3).
        basistrede: Citation of the Basistrede norms of the rule data
            (``unknown``), or ``None`` before edition 2.1.
        user_sizes: The sizes whose rows a user override gave.
        user_citation: The citation of those rows, if any.
        user_basistrede: The citation of the Basistrede norms those rows
            give, if they give them.
        between_rows: The citation of the norm of a size between rows
            (``unknown``, R-LVL-3), with its admissible range.
    """

    rows: tuple[NormRow, ...]
    citation: Cited[str]
    smallest_size: int
    open_ended_from: int
    complete: bool
    basistrede: Cited[str] | None
    user_sizes: frozenset[int] = frozenset()
    user_citation: Cited[str] | None = None
    user_basistrede: Cited[str] | None = None
    between_rows: Cited[str] | None = None

    def row(self, size: int) -> NormRow | None:
        """The row for exactly ``size``, if there is one."""
        for r in self.rows:
            if r.size == size:
                return r
        return None

    def neighbours(self, size: int) -> tuple[NormRow | None, NormRow | None]:
        """The nearest rows of a smaller and of a larger size (``None`` where there is none)."""
        below = max((r for r in self.rows if r.size < size), key=lambda r: r.size, default=None)
        above = min((r for r in self.rows if r.size > size), key=lambda r: r.size, default=None)
        return below, above

    def citation_of(self, size: int) -> Cited[str]:
        """The citation of the row of ``size``: the user's or the published table's."""
        if size in self.user_sizes and self.user_citation is not None:
            return self.user_citation
        return self.citation

    def basistrede_of(self, sizes: Iterable[int]) -> Cited[str] | None:
        """The citation of the Basistrede norms of these rows (the user's only if all are)."""
        if self.user_basistrede is not None and all(s in self.user_sizes for s in sizes):
            return self.user_basistrede
        return self.basistrede


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
        sources: The sources by key.
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
    sources: Mapping[str, Source]
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
            "R-ED-3", "after_last_edition", edition=self.edition.name,
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
        if self.norms.user_citation is not None:
            yield self.norms.user_citation
        if self.norms.user_basistrede is not None:
            yield self.norms.user_basistrede
        if self.norms.between_rows is not None and not self.norms.complete:
            yield self.norms.between_rows

    def with_overrides(self, overrides: RuleOverrides) -> RuleSet:
        """A copy with the user's values in place of the data's (status ``user``)."""
        return overrides.apply(self)
