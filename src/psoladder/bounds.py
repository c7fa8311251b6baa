"""What is certain and what is possible where unpublished rule values decide the level.

Some rule values that decide the level are not published (status ``unknown``
in the rule data): the norm of a company size between the published rows
(R-LVL-3), the Basistrede norms (R-LVL-5) and the student weights that
edition 1.9 raised or added (R-TG-6, R-TG-7, R-TG-7a). psoladder computes with
the conservative value of each, so :attr:`Assessment.level
<psoladder.assessment.Assessment.level>` never overstates the level. The rule
data also gives every such unknown its *admissible* range, with the reasoning
(``admissible`` in ``rules/data/pso.toml``):

* the norm of a size between two rows lies between the norms of those rows,
  both ends included (the table falls as the size rises; neighbouring rows
  can be equal);
* the Basistrede norm lies above 0 and below the Trede 1 norm of the same
  size, both ends left out;
* a weight that was raised lies above its old value and at most 1; a weight
  that is unknown lies from 0 to 1;
* a user override removes the unknown: a partial norm table only for the
  rows it gives (its rows then become the neighbours of the sizes between
  them, which narrows their range).

:func:`level_bounds` gives the level that is **certain** (reached for every
admissible value of the unknowns) and the level that is **possible**
(reached for some), and the unknowns that decide between them.

**Exact, at the bounds.** No value is sampled: the extremes lie at the ends
of the ranges, because the level is monotone in every unknown.

* A weight only enters the weighted target fte ``W``: each person's row adds
  counted fte x target-group weight x contract weight, all at least 0, so
  ``W`` rises with every weight. The direct part ``100 W / T`` rises with
  ``W``: its denominator, total fte, counts everyone unweighted (R-FTE-6).
  The indirect part ``100 I / (T + I)`` holds no weight at all: its
  denominator is total fte plus indirect fte. The 80% cap
  ``min(indirect, 4 x direct)`` can only rise when the direct part rises. So
  the total score rises (weakly) with every weight.
* A norm only enters the comparison ``score >= norm``: a higher norm can
  lose a level, never win one. Company size and eligibility come from the
  unweighted total fte and move with no unknown.

So the certain level has every weight at its lowest and every norm at its
highest: the conservative values, which :attr:`Assessment.level` uses under
the default norm policy. The possible level has every weight at its highest
and every norm at its lowest. Both are admissible values, or limits of them:
the row of the next larger size is itself a row the size can have (its
levels in order, the table still falling); a weight just above its old value
gives a score just above the conservative one, in the same band, because a
level holds from its norm up; and a norm that lies *above* its lower end
(the Basistrede above 0) is reached only by a score above that end.

**The interpolate policy** estimates the norm of a size between rows by
interpolation: one admissible value, not a bound. The certain level is still
the level for every admissible value, so under ``interpolate``
``level_certain <= level <= level_possible``; under the default ``nearest``
``level_certain == level``.

**Why** (``because``): an unknown decides the level when it belongs to a
smallest set of unknowns that, moved together to their favourable ends (the
others kept at their conservative values), reach the possible level.
``because`` lists their rule ids; it is empty when the certain level is the
possible one. The same is known for every level in between
(:meth:`LevelBounds.deciding_for`).

>>> import psoladder
>>> a = psoladder.assess(psoladder.load_example())
>>> a.level_bounds
<LevelBounds Trede 2 certain, Trede 3 possible (R-LVL-3)>
>>> a.level_certain, a.level_possible
(<Level.TREDE_2: 'trede_2'>, <Level.TREDE_3: 'trede_3'>)
>>> a.level_bounds.to_dict()["because"]
['R-LVL-3']
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs

from psoladder.fte import Workforce
from psoladder.levels import (
    Norms,
    Position,
    company_size,
    decide_level,
    level_for,
    min_total_fte,
    norms_for,
    scores,
)
from psoladder.model import ContractType, Level, TargetGroup
from psoladder.numbers import as_decimal
from psoladder.rules import Cited, NormRow, RuleSet, Status, rule_sort_key
from psoladder.rules.datamodel import Admissible, Bound

__all__ = ["Interval", "LevelBounds", "Unknown", "UnknownKind", "WeightPart", "level_bounds",
           "weight_parts"]

_TREDES = (Level.TREDE_1, Level.TREDE_2, Level.TREDE_3)


class UnknownKind(enum.Enum):
    """What an unknown rule value is."""

    #: The Trede norms of a size between the rows of the norm table (R-LVL-3).
    NORMS = "norms"
    #: The Basistrede norm of a size (R-LVL-5).
    BASISTREDE = "basistrede"
    #: The weight of a target group or contract type (R-TG-6, R-TG-7, R-TG-7a).
    WEIGHT = "weight"


@attrs.frozen
class Interval:
    """The values one unknown number can have, exact.

    Attributes:
        low: The lower end.
        high: The upper end.
        low_included: Whether ``low`` itself is admissible.
        high_included: Whether ``high`` itself is admissible.
        low_row: The norm-table row (size) the lower end comes from, if any.
        high_row: The norm-table row the upper end comes from, if any.
        high_level: The level whose norm of the same size is the upper end
            (the Basistrede lies below Trede 1), if any.

    >>> iv = Interval(Fraction(23, 5), Fraction(51, 10), low_row=80, high_row=70)
    >>> Fraction(23, 5) in iv, Fraction(52, 10) in iv, iv.width
    (True, False, Fraction(1, 2))
    """

    low: Fraction
    high: Fraction
    low_included: bool = True
    high_included: bool = True
    low_row: int | None = None
    high_row: int | None = None
    high_level: Level | None = None

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, Fraction | int):
            return False
        above = value >= self.low if self.low_included else value > self.low
        below = value <= self.high if self.high_included else value < self.high
        return above and below

    @property
    def width(self) -> Fraction:
        """``high - low``: 0 when the value is in fact known."""
        return self.high - self.low

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (numbers as decimal strings)."""
        out: dict[str, Any] = {"low": str(as_decimal(self.low)), "low_included": self.low_included,
                               "high": str(as_decimal(self.high)),
                               "high_included": self.high_included}
        if self.low_row is not None:
            out["low_row"] = self.low_row
        if self.high_row is not None:
            out["high_row"] = self.high_row
        if self.high_level is not None:
            out["high_level"] = self.high_level.value
        return out


@attrs.frozen
class Unknown:
    """One unknown rule value that can move the level, with the values it can have.

    Attributes:
        kind: What it is.
        rule: Its rule id.
        cited: The rule-data value, with its admissible range and the
            reasoning (``cited.admissible.note``) and source.
        norms: For a norm: the range of each level's norm (Trede 1-3 for
            :attr:`UnknownKind.NORMS`, the Basistrede for
            :attr:`UnknownKind.BASISTREDE`).
        weight: For a weight: its range; the lower end is the conservative
            value used.
        size: For a norm: the size (table row) whose norm it is.
        subject: For a weight: the target group or contract type.
    """

    kind: UnknownKind
    rule: str
    cited: Cited[Any]
    norms: Mapping[Level, Interval] = attrs.field(factory=dict)
    weight: Interval | None = None
    size: int | None = None
    subject: TargetGroup | ContractType | None = None

    @property
    def name(self) -> str:
        """A short name: ``norms.77``, ``norms.basistrede.77`` or ``student_level_2.weight``."""
        if self.kind is UnknownKind.NORMS:
            return f"norms.{self.size}"
        if self.kind is UnknownKind.BASISTREDE:
            return f"norms.basistrede.{self.size}"
        return self.cited.name

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: the rule, what it is, its ranges, the reason and the source."""
        out: dict[str, Any] = {"rule": self.rule, "kind": self.kind.value, "name": self.name}
        if self.size is not None:
            out["size"] = self.size
        if self.subject is not None:
            out["subject"] = self.subject.value
        if self.weight is not None:
            out["range"] = self.weight.to_dict()
        else:
            out["ranges"] = {lv.value: iv.to_dict() for lv, iv in self.norms.items()}
        if self.cited.admissible is not None:
            out["reason"] = self.cited.admissible.note
        out["source"] = self.cited.source
        return out


@attrs.frozen
class WeightPart:
    """Counted fte whose weight holds an unknown value (the rows of one group and contract).

    Attributes:
        group: The target group.
        contract: The contract type.
        target_weight: The cited target-group weight.
        contract_weight: The cited contract weight.
        counted_fte: The rows' counted fte (in the counting window), unweighted.
    """

    group: TargetGroup | None
    contract: ContractType
    target_weight: Cited[Any] | None
    contract_weight: Cited[Any]
    counted_fte: Fraction


def weight_parts(workforce: Workforce) -> tuple[WeightPart, ...]:
    """The counted fte of every row whose target-group or contract weight is unknown.

    Rows of one target group and contract type are added up. Rows outside
    their counting window (or not counting at all) are left out: their weight
    does not matter.
    """
    sums: dict[tuple[Any, ...], Fraction] = {}
    for p in workforce.periods:
        if not p.counted_hour_days:
            continue
        tg, ct = p.counting.target_weight, p.counting.contract_weight
        if (tg is None or tg.status is not Status.UNKNOWN) and ct.status is not Status.UNKNOWN:
            continue
        key = (p.employment.target_group, p.employment.contract, tg, ct)
        sums[key] = sums.get(key, Fraction(0)) + p.counted_fte
    return tuple(WeightPart(group, contract, tg, ct, fte)
                 for (group, contract, tg, ct), fte in sums.items())


@attrs.frozen(repr=False)
class LevelBounds:
    """The level that is certain and the level that is possible, and why (issue 17).

    Attributes:
        certain: The level reached for every admissible value of the unknowns.
        possible: The highest level reached for some admissible value.
        because: The rule ids of the unknowns that decide between the two
            (empty when they are the same level).
        unknowns: Every unknown that bears on this level, deciding or not.
        deciding: For each level above the certain one up to the possible
            one, the unknowns that decide whether it is reached.
        certain_norms: The norms at their strictest (the conservative ones).
        certain_weighted: Weighted target fte with every weight at its lowest.
        certain_total_pct: The total score then.
        possible_norms: Every norm at its lowest admissible value.
        beyond: Levels whose lowest norm is itself not admissible: the score
            must exceed it (the Basistrede norm lies above 0).
        possible_weighted: Weighted target fte with every weight at its highest.
        possible_total_pct: The total score then.
    """

    certain: Level
    possible: Level
    because: tuple[str, ...] = ()
    unknowns: tuple[Unknown, ...] = ()
    deciding: Mapping[Level, tuple[Unknown, ...]] = attrs.field(factory=dict)
    certain_norms: Norms | None = None
    certain_weighted: Fraction = Fraction(0)
    certain_total_pct: Fraction = Fraction(0)
    possible_norms: Mapping[Level, Fraction] = attrs.field(factory=dict)
    beyond: frozenset[Level] = frozenset()
    possible_weighted: Fraction = Fraction(0)
    possible_total_pct: Fraction = Fraction(0)

    @property
    def decided(self) -> bool:
        """The unknowns cannot change the level: certain and possible are the same."""
        return self.certain == self.possible

    def deciding_for(self, level: Level) -> tuple[Unknown, ...]:
        """The unknowns that decide whether ``level`` is reached (empty if they cannot)."""
        return self.deciding.get(level, ())

    def may_reach(self, level: Level) -> bool:
        """``level`` is not certain but possible."""
        return self.certain < level <= self.possible

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: ``certain``, ``possible``, ``because`` and the ``unknowns``.

        Each unknown says whether it ``decides`` the possible level.
        """
        deciding = self.deciding_for(self.possible)
        return {
            "certain": self.certain.value,
            "possible": self.possible.value,
            "because": list(self.because),
            "unknowns": [{**u.to_dict(), "decides": u in deciding} for u in self.unknowns],
        }

    def __repr__(self) -> str:
        """Short: both levels and the rule ids that decide.

        >>> LevelBounds(Level.TREDE_1, Level.TREDE_1)
        <LevelBounds Trede 1 certain>
        """
        if self.decided:
            return f"<LevelBounds {self.certain} certain>"
        return (f"<LevelBounds {self.certain} certain, {self.possible} possible "
                f"({', '.join(self.because)})>")


# ------------------------------------------------------------------ the ranges


@attrs.frozen
class _End:
    """One resolved end of a range: its value, whether it is admissible, where it comes from."""

    value: Fraction
    included: bool
    cited: Cited[Any]
    row: int | None = None
    level: Level | None = None


def _row_value(row: NormRow | None, level: Level) -> Fraction | None:
    if row is None:
        return None
    value = row.basistrede if level is Level.BASISTREDE else getattr(row, level.value)
    return None if value is None else Fraction(value)


def _resolve(bound: Bound, level: Level, cited: Cited[Any], rows: tuple[NormRow | None, ...],
             own: Mapping[Level, Interval], known: Mapping[Level, Fraction], *,
             low: bool) -> _End | None:
    """An end of an admissible range as a number; ``None`` when it does not apply.

    ``rows`` are the rows below and above the size. A reference to another
    level of the same size takes that norm's own end on the same side.
    """
    value = bound.value
    if not isinstance(value, str):
        return _End(Fraction(value), bound.included, cited)
    if value in ("row_below", "row_above"):
        row = rows[0] if value == "row_below" else rows[1]
        number = _row_value(row, level)
        if row is None or number is None:
            return None
        return _End(number, bound.included, cited, row=row.size)
    other = Level(value)
    if other in own:
        iv = own[other]
        end, included = (iv.low, iv.low_included) if low else (iv.high, iv.high_included)
        return _End(end, bound.included and included, cited, level=other)
    if other in known:
        return _End(known[other], bound.included, cited, level=other)
    return None


def _tightest(ends: Iterable[_End | None], *, low: bool) -> _End | None:
    """The end that bounds most: the highest lower end, the lowest upper end (open wins a tie)."""
    found = [e for e in ends if e is not None]
    if not found:
        return None
    sign = 1 if low else -1
    return max(found, key=lambda e: (sign * e.value, not e.included))


def _interval(low: _End, high: _End) -> Interval:
    return Interval(low.value, high.value, low.included, high.included, low.row, high.row,
                    high.level)


def _ranges(admissible: Admissible, levels: Sequence[Level], cited: Cited[Any],
            rows: tuple[NormRow | None, ...], own: Mapping[Level, Interval],
            known: Mapping[Level, Fraction]) -> dict[Level, tuple[_End | None, _End | None]]:
    return {lv: (_resolve(admissible.low, lv, cited, rows, own, known, low=True),
                 _resolve(admissible.high, lv, cited, rows, own, known, low=False))
            for lv in levels}


def _norm_unknowns(rules: RuleSet, conservative: Norms) -> list[Unknown]:
    """The unknown norms of a size: its Trede norms between rows, its Basistrede norm.

    ``conservative`` are the norms of the size under the default policy.
    """
    table = rules.norms
    row_size = conservative.row_size
    exact = table.row(row_size)
    rows = (None, None) if exact is not None else table.neighbours(row_size)
    known = dict(conservative.exact) if exact is not None else {}
    between = table.between_rows
    out: list[Unknown] = []
    own: dict[Level, Interval] = {}
    if exact is None and between is not None and between.admissible is not None:
        for lv, (low, high) in _ranges(between.admissible, _TREDES, between, rows, {},
                                        {}).items():
            if low is not None and high is not None:
                own[lv] = _interval(low, high)
        if any(iv.width for iv in own.values()):
            out.append(Unknown(UnknownKind.NORMS, between.rule, between, norms=own,
                               size=row_size))
    basis = table.basistrede
    if (Level.BASISTREDE in rules.levels and Level.BASISTREDE not in known
            and basis is not None and basis.admissible is not None):
        candidates = [_ranges(basis.admissible, (Level.BASISTREDE,), basis, rows, own,
                              conservative.exact)[Level.BASISTREDE]]
        if exact is None and between is not None and between.admissible is not None:
            candidates.append(_ranges(between.admissible, (Level.BASISTREDE,), between, rows,
                                      own, {})[Level.BASISTREDE])
        low = _tightest((c[0] for c in candidates), low=True)
        high = _tightest((c[1] for c in candidates), low=False)
        if low is not None and high is not None:
            out.append(Unknown(UnknownKind.BASISTREDE, low.cited.rule, low.cited,
                               norms={Level.BASISTREDE: _interval(low, high)}, size=row_size))
    return out


def _weight(part: WeightPart, high: Mapping[Cited[Any], Interval | None]) -> Fraction:
    """The part's combined weight, with the weights in ``high`` at their highest."""
    out = Fraction(1)
    for cited in (part.target_weight, part.contract_weight):
        if cited is not None:
            iv = high.get(cited)
            out *= iv.high if iv is not None else Fraction(cited.value)
    return out


def _weight_unknowns(parts: Sequence[WeightPart]) -> list[Unknown]:
    """The unknown weights that count for some row, each once."""
    found: dict[Cited[Any], Unknown] = {}
    for part in parts:
        for cited, subject in ((part.target_weight, part.group),
                               (part.contract_weight, part.contract)):
            if (cited is None or subject is None or cited.status is not Status.UNKNOWN
                    or cited.admissible is None or cited in found or not part.counted_fte):
                continue
            adm = cited.admissible
            high = adm.high.value
            assert not isinstance(high, str)  # a weight's range has numbers (checked on load)
            iv = Interval(Fraction(cited.value), Fraction(high), adm.low.included,
                          adm.high.included)
            if iv.width:
                found[cited] = Unknown(UnknownKind.WEIGHT, cited.rule, cited, weight=iv,
                                       subject=subject)
    return sorted(found.values(), key=lambda u: rule_sort_key(u.rule))


# ------------------------------------------------------------------ the pair


def level_bounds(position: Position, rules: RuleSet,
                 parts: Iterable[WeightPart] = ()) -> LevelBounds:
    """The certain and the possible level of a position, and the unknowns that decide.

    Args:
        position: The figures that decide the level, with every unknown at
            its conservative value (:meth:`Assessment.position
            <psoladder.assessment.Assessment.position>`).
        rules: The rules in force (with any overrides).
        parts: The counted fte whose weight is unknown (:func:`weight_parts`).

    >>> import datetime as dt
    >>> from psoladder.rules import rules_at
    >>> rs = rules_at(dt.date(2024, 5, 1))
    >>> level_bounds(Position(Fraction(75), Fraction(345, 100), Fraction(0)), rs)
    <LevelBounds Trede 2 certain, Trede 3 possible (R-LVL-3)>
    >>> level_bounds(Position(Fraction(75), Fraction(3825, 1000), Fraction(0)), rs)
    <LevelBounds Trede 3 certain>
    """
    total, weighted, indirect = (position.total_fte, position.weighted_target_fte,
                                 position.indirect_fte)
    certain_pct = scores(total, weighted, indirect, rules).total_pct
    if total < min_total_fte(rules):  # not eligible (R-FTE-5): no level, whatever the rules
        return LevelBounds(Level.NONE, Level.NONE, certain_weighted=weighted,
                           certain_total_pct=certain_pct, possible_weighted=weighted,
                           possible_total_pct=certain_pct)
    size = company_size(total)
    conservative = norms_for(size, rules=rules)
    # The level of every value at its conservative end: Position.level, by its parts.
    certain = decide_level(certain_pct, conservative)
    parts = tuple(p for p in parts if p.counted_fte)
    unknowns = list(rules.memo(("norm unknowns", conservative.row_size),
                               lambda: tuple(_norm_unknowns(rules, conservative))))
    if certain >= Level.TREDE_1:  # the Basistrede lies below Trede 1: it cannot matter
        unknowns = [u for u in unknowns if u.kind is not UnknownKind.BASISTREDE]
    unknowns += _weight_unknowns(parts)
    weights = {i: u for i, u in enumerate(unknowns) if u.weight is not None}
    conservative_weight = {p: _weight(p, {}) for p in parts}
    score_of: dict[frozenset[int], tuple[Fraction, Fraction]] = {}

    def score(raised: frozenset[int]) -> tuple[Fraction, Fraction]:
        """Weighted target fte and total score with the weights in ``raised`` at their highest.

        Norms do not enter the score, so it is computed once per set of weights.
        """
        if raised not in score_of:
            high = {weights[i].cited: weights[i].weight for i in raised}
            extra = sum((p.counted_fte * (_weight(p, high) - conservative_weight[p])
                         for p in parts), Fraction(0))
            score_of[raised] = (weighted + extra,
                                scores(total, weighted + extra, indirect, rules).total_pct)
        return score_of[raised]

    def evaluate(chosen: frozenset[int]) -> tuple[Level, dict[Level, Fraction],
                                                   frozenset[Level]]:
        """The level with the unknowns in ``chosen`` at their favourable ends."""
        norms = dict(conservative.exact)
        beyond = set()
        for i in chosen:
            for lv, iv in unknowns[i].norms.items():
                norms[lv] = iv.low
                if not iv.low_included:
                    beyond.add(lv)
        total_pct = score(frozenset(chosen & weights.keys()))[1]
        return level_for(total_pct, norms, beyond=beyond), norms, frozenset(beyond)

    everything = frozenset(range(len(unknowns)))
    possible, possible_norms, beyond = evaluate(everything)
    possible_weighted, possible_pct = score(frozenset(weights))
    deciding: dict[Level, tuple[Unknown, ...]] = {}
    if possible > certain:
        reached = {s: evaluate(s)[0] for s in _subsets(len(unknowns))}
        for target in rules.levels:
            if certain < target <= possible:
                sets = [s for s, lv in reached.items() if lv >= target]
                members: set[int] = set()
                for s in sets:
                    if not any(t < s for t in sets):  # a smallest set that reaches it
                        members |= s
                deciding[target] = tuple(u for i, u in enumerate(unknowns) if i in members)
    because = tuple(sorted({u.rule for u in deciding.get(possible, ())}, key=rule_sort_key))
    return LevelBounds(certain=certain, possible=possible, because=because,
                       unknowns=tuple(unknowns), deciding=deciding, certain_norms=conservative,
                       certain_weighted=weighted, certain_total_pct=certain_pct,
                       possible_norms=possible_norms, beyond=beyond,
                       possible_weighted=possible_weighted, possible_total_pct=possible_pct)


def _subsets(n: int) -> Iterable[frozenset[int]]:
    """Every subset of ``range(n)``, smallest first."""
    for k in range(n + 1):
        for chosen in itertools.combinations(range(n), k):
            yield frozenset(chosen)
