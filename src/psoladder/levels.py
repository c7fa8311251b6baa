"""Company size, norms, the 80% cap and the level decision.

Rules (see the rules reference for the full text):

* **R-SIZE-1/2**: the company size for the norm lookup is the total fte,
  rounded half-up to a whole number; sizes of 105 or more use the 105+ row,
  sizes below 2 the size-2 row.
* **R-LVL-2**: the published norm table (percent), rows for sizes 2, 5, 10,
  ..., 100 and 105+.
  Source: https://pso-nederland.nl/direct-meten-en-aanvragen/wat-meet-en-certificeert-de-pso/pso-normen
* **R-LVL-3** (decision): for a size between published rows, the nearest
  published row at or below it (the stricter norm, policy ``nearest``), or
  linear interpolation (policy ``interpolate``); a complete user table replaces
  both.
* **R-IND-4**: at most 80% of the total contribution may be indirect, so the
  counted indirect part is at most ``0.80 / 0.20 = 4`` times the direct part.
* **R-LVL-1**: total = direct + counted indirect.
* **R-LVL-5**: the highest level whose norm the exact, unrounded total reaches
  (``>=``); Basistrede (edition 2.1 on) only with known Basistrede norms.
  Source: https://pso-nederland.nl/direct-meten-en-aanvragen/wat-meet-en-certificeert-de-pso/de-prestatieniveaus-van-de-pso

>>> import datetime as dt
>>> n = norms_for(12, on=dt.date(2024, 5, 1))
>>> n.trede_1, n.trede_2, n.trede_3, n.source.value
(Decimal('6.7'), Decimal('9'), Decimal('15.5'), 'nearest_published_row')
>>> n = norms_for(12, on=dt.date(2024, 5, 1), policy="interpolate")
>>> n.trede_1, n.trede_2, n.trede_3, n.source.value
(Decimal('6.5'), Decimal('8.6'), Decimal('14.5'), 'interpolated')
>>> company_size(Fraction(249, 10)), company_size(Fraction(5, 2))
(25, 3)
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Callable, Collection, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from psoladder.indirect import SupplierProfile
from psoladder.model import Level
from psoladder.numbers import Exact, as_decimal, as_fraction, display, round_half_up
from psoladder.rules import Cited, NormRow, NormTable, RuleSet, Status, rules_at

__all__ = [
    "FTE_STEP",
    "MONEY_STEP",
    "Gap",
    "NormPolicy",
    "NormSource",
    "Norms",
    "Position",
    "Scores",
    "cap_factor",
    "company_size",
    "counted_indirect",
    "decide_level",
    "gaps",
    "level_for",
    "min_total_fte",
    "norms_for",
    "scores",
]


class NormPolicy(enum.Enum):
    """How norms are found for a size between published rows (R-LVL-3)."""

    NEAREST = "nearest"
    INTERPOLATE = "interpolate"


class NormSource(enum.Enum):
    """How the norms of a size were found (R-LVL-3)."""

    PUBLISHED_ROW = "published_row"
    NEAREST_PUBLISHED_ROW = "nearest_published_row"
    INTERPOLATED = "interpolated"
    USER_TABLE = "user_table"


_TREDES = (Level.TREDE_1, Level.TREDE_2, Level.TREDE_3)


@attrs.frozen(repr=False)
class Norms:
    """The norms (percent) that apply to one company size.

    Attributes:
        size: The company size asked for.
        row_size: The size used in the table (2..105, R-SIZE-2).
        exact: The exact norm of each level that has one.
        source: How the norms were found (R-LVL-3).
        rows_used: The table rows the norms come from.
        citation: The citation of the (first) row used: the published table's
            or, for a row from a rules override, the user's.
        basistrede_citation: The Basistrede norms' citation (edition 2.1 on).
        citations: The citations of every row used, each once.
    """

    size: int
    row_size: int
    exact: Mapping[Level, Fraction]
    source: NormSource
    rows_used: tuple[int, ...]
    citation: Cited[str]
    basistrede_citation: Cited[str] | None
    citations: tuple[Cited[str], ...] = ()

    @property
    def trede_1(self) -> Decimal:
        """Norm for Trede 1, percent."""
        return as_decimal(self.exact[Level.TREDE_1])

    @property
    def trede_2(self) -> Decimal:
        """Norm for Trede 2, percent."""
        return as_decimal(self.exact[Level.TREDE_2])

    @property
    def trede_3(self) -> Decimal:
        """Norm for Trede 3, percent."""
        return as_decimal(self.exact[Level.TREDE_3])

    @property
    def basistrede(self) -> Decimal | None:
        """Norm for Basistrede, percent, or ``None`` when it does not exist or is unknown."""
        value = self.exact.get(Level.BASISTREDE)
        return None if value is None else as_decimal(value)

    @property
    def basistrede_unknown(self) -> bool:
        """Basistrede exists under the edition but its norm is unknown (R-LVL-5)."""
        return self.basistrede_citation is not None and Level.BASISTREDE not in self.exact

    def for_level(self, level: Level) -> Fraction | None:
        """The exact norm of ``level``, or ``None``."""
        return self.exact.get(level)

    def __repr__(self) -> str:
        """Short: the norms in percent and where they come from.

        >>> norms_for(77, on=dt.date(2024, 5, 1))
        <Norms size 77 (row 70, nearest_published_row): Basistrede unknown, Trede 1 2.3%, Trede 2 3%, Trede 3 5.1%>
        """
        rows = ", ".join(map(str, self.rows_used))
        shown = [f"{lv} {_pct(v)}" for lv in Level if (v := self.exact.get(lv)) is not None]
        if self.basistrede_unknown:
            shown.insert(0, f"{Level.BASISTREDE} unknown")
        return (f"<Norms size {self.size} (row {rows}, {self.source.value}): "
                f"{', '.join(shown)}>")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: the contract keys plus the rows used."""
        return {
            "basistrede": None if self.basistrede is None else str(self.basistrede),
            "trede_1": str(self.trede_1),
            "trede_2": str(self.trede_2),
            "trede_3": str(self.trede_3),
            "source": self.source.value,
            "size": self.size,
            "row_size": self.row_size,
            "rows_used": list(self.rows_used),
        }


def _pct(value: Fraction) -> str:
    """A percentage for a repr: exact when short, else to 4 decimals."""
    return f"{display(value).lstrip('≈')}%"


def min_total_fte(rules: RuleSet) -> Fraction:
    """The least total fte of an eligible applicant (R-FTE-5), exact."""
    return rules.memo("min_total_fte", lambda: Fraction(rules.decimal("min_total_fte").value))


def company_size(total_fte: Exact) -> int:
    """Company size: total fte rounded half-up to a whole number (R-SIZE-2).

    >>> company_size(Fraction(31, 2)), company_size(Decimal("15.49"))
    (16, 15)
    """
    if isinstance(total_fte, Fraction) and total_fte >= 0:
        # half-up on whole numbers, in integers
        return (2 * total_fte.numerator + total_fte.denominator) // (2 * total_fte.denominator)
    return int(round_half_up(total_fte))


def _row_values(row: NormRow) -> dict[Level, Fraction]:
    values = {
        Level.TREDE_1: Fraction(row.trede_1),
        Level.TREDE_2: Fraction(row.trede_2),
        Level.TREDE_3: Fraction(row.trede_3),
    }
    if row.basistrede is not None:
        values[Level.BASISTREDE] = Fraction(row.basistrede)
    return values


def norms_for(
    size: int,
    on: dt.date | None = None,
    *,
    rules: RuleSet | None = None,
    policy: NormPolicy | str = NormPolicy.NEAREST,
) -> Norms:
    """The norms for a company size under the rules in force (R-LVL-2, R-LVL-3).

    Args:
        size: Company size in whole fte (see :func:`company_size`), 0 or more;
            sizes below 2 (not eligible, R-FTE-5) see the size-2 row.
        on: The application date; needed unless ``rules`` is given.
        rules: The rule set to use (e.g. with overrides).
        policy: ``nearest`` (default, conservative) or ``interpolate``.

    Raises:
        ValueError: For a negative size.

    >>> n = norms_for(20, on=dt.date(2024, 5, 1))
    >>> (n.trede_1, n.trede_2, n.trede_3, n.source.value, n.basistrede)
    (Decimal('5.7'), Decimal('7.3'), Decimal('10.8'), 'published_row', None)
    >>> norms_for(250, on=dt.date(2024, 5, 1)).row_size
    105
    """
    if rules is None:
        if on is None:
            raise TypeError("norms_for needs on=<application date> or rules=<RuleSet>")
        rules = rules_at(on)
    if isinstance(size, bool) or not isinstance(size, int):
        raise TypeError(f"size must be a whole number of fte, not {size!r}")
    if size < 0:
        raise ValueError(f"size must be 0 or more whole fte, not {size}")
    policy = NormPolicy(policy)
    return rules.memo(("norms", size, policy), lambda: _norms(size, rules, policy))


def _norms(size: int, rules: RuleSet, policy: NormPolicy) -> Norms:
    table = rules.norms
    row_size = min(max(size, table.smallest_size), table.open_ended_from)
    exact, source, used = _lookup(table, row_size, policy)
    basistrede_cited = table.basistrede_of(used) if Level.BASISTREDE in rules.levels else None
    if basistrede_cited is None or basistrede_cited.status is Status.UNKNOWN:
        exact.pop(Level.BASISTREDE, None)
    citations = tuple(dict.fromkeys(table.citation_of(s) for s in used))
    return Norms(size=size, row_size=row_size, exact=exact, source=source, rows_used=used,
                 citation=citations[0], basistrede_citation=basistrede_cited,
                 citations=citations)


def _lookup(
    table: NormTable, size: int, policy: NormPolicy
) -> tuple[dict[Level, Fraction], NormSource, tuple[int, ...]]:
    exact_row = table.row(size)
    if exact_row is not None:
        source = NormSource.USER_TABLE if size in table.user_sizes else NormSource.PUBLISHED_ROW
        return _row_values(exact_row), source, (size,)
    below, above = table.neighbours(size)
    # The table spans 2..105 (checked on load), so a size between rows has both neighbours.
    assert below is not None
    assert above is not None
    if policy is NormPolicy.NEAREST:
        return _row_values(below), NormSource.NEAREST_PUBLISHED_ROW, (below.size,)
    t = Fraction(size - below.size, above.size - below.size)
    low, high = _row_values(below), _row_values(above)
    values = {level: low[level] + (high[level] - low[level]) * t for level in low
              if level in high}
    return values, NormSource.INTERPOLATED, (below.size, above.size)


def cap_factor(rules: RuleSet) -> Fraction:
    """How many times the direct part the counted indirect part may be (R-IND-4).

    With at most 80% indirect: ``0.80 / (1 - 0.80) = 4``.

    >>> cap_factor(rules_at(dt.date(2024, 5, 1)))
    Fraction(4, 1)
    """
    def compute() -> Fraction:
        share = Fraction(rules.decimal("max_indirect_share").value)
        return share / (1 - share)

    return rules.memo("cap_factor", compute)


def counted_indirect(indirect_pct: Exact, direct_pct: Exact, rules: RuleSet) -> Fraction:
    """The indirect percentage that counts under the 80% cap (R-IND-4).

    With no direct contribution nothing indirect counts.

    >>> rs = rules_at(dt.date(2024, 5, 1))
    >>> counted_indirect(Fraction(100, 11), Fraction(1), rs)
    Fraction(4, 1)
    >>> counted_indirect(Fraction(5), Fraction(0), rs)
    Fraction(0, 1)
    """
    return min(as_fraction(indirect_pct), cap_factor(rules) * as_fraction(direct_pct))


@attrs.frozen
class Scores:
    """The contributions of one organisation, exact (R-DIR-2, R-IND-3/4, R-LVL-1).

    Attributes:
        direct_pct: ``100 * weighted target fte / total fte``.
        indirect_pct: ``100 * indirect fte / (total fte + indirect fte)``.
        indirect_counted_pct: The indirect percentage under the cap.
        total_pct: ``direct_pct + indirect_counted_pct``.
    """

    direct_pct: Fraction
    indirect_pct: Fraction
    indirect_counted_pct: Fraction
    total_pct: Fraction


def scores(total_fte: Exact, weighted_target_fte: Exact, indirect_fte: Exact,
           rules: RuleSet) -> Scores:
    """The direct, indirect, counted and total percentages.

    >>> s = scores(50, 1, 1, rules_at(dt.date(2024, 5, 1)))
    >>> s.direct_pct, s.indirect_pct, s.total_pct
    (Fraction(2, 1), Fraction(100, 51), Fraction(202, 51))
    """
    total, weighted, indirect = (as_fraction(v) for v in (total_fte, weighted_target_fte,
                                                          indirect_fte))
    direct_pct = 100 * weighted / total if total else Fraction(0)
    indirect_pct = 100 * indirect / (total + indirect) if total + indirect else Fraction(0)
    counted = counted_indirect(indirect_pct, direct_pct, rules)
    return Scores(direct_pct, indirect_pct, counted, direct_pct + counted)


def decide_level(total_pct: Exact, norms: Norms, *, eligible: bool = True) -> Level:
    """The level for an exact total score (R-LVL-5).

    The highest level whose norm the score reaches (``>=``, unrounded).
    Basistrede only where its norm is known. Not eligible (R-FTE-5): ``NONE``.

    >>> n = norms_for(20, on=dt.date(2024, 5, 1))
    >>> decide_level(Fraction(1045, 100), n), decide_level(Fraction(108, 10), n)
    (<Level.TREDE_2: 'trede_2'>, <Level.TREDE_3: 'trede_3'>)
    >>> decide_level(Decimal("5.6999"), n)
    <Level.NONE: 'none'>
    """
    if not eligible:
        return Level.NONE
    return level_for(as_fraction(total_pct), norms.exact)


def level_for(score: Fraction, norms: Mapping[Level, Fraction], *,
              beyond: Collection[Level] = ()) -> Level:
    """The highest level whose norm ``score`` reaches (R-LVL-5), from exact norms by level.

    A level without a norm is never reached. For a level in ``beyond`` the
    norm is an end that is itself not admissible (the Basistrede norm lies
    *above* 0, :mod:`psoladder.bounds`): the score must exceed it.

    >>> norms = {Level.BASISTREDE: Fraction(0), Level.TREDE_1: Fraction(2)}
    >>> level_for(Fraction(1), norms), level_for(Fraction(0), norms, beyond={Level.BASISTREDE})
    (<Level.BASISTREDE: 'basistrede'>, <Level.NONE: 'none'>)
    """
    reached = Level.NONE
    for level in (Level.BASISTREDE, *_TREDES):
        norm = norms.get(level)
        if norm is not None and (score > norm if level in beyond else score >= norm):
            reached = level
    return reached


# ------------------------------------------------------------------ gaps


@attrs.frozen
class Position:
    """The figures that decide a level, for what-if questions (R-GAP-1).

    Attributes:
        total_fte: Total fte.
        weighted_target_fte: Weighted target-group fte.
        indirect_fte: Counted indirect fte.
    """

    total_fte: Fraction
    weighted_target_fte: Fraction
    indirect_fte: Fraction

    def level(self, rules: RuleSet, policy: NormPolicy = NormPolicy.NEAREST) -> Level:
        """The level this position reaches (R-FTE-5, R-SIZE-2, R-LVL-5)."""
        eligible = self.total_fte >= min_total_fte(rules)
        norms = norms_for(company_size(self.total_fte), rules=rules, policy=policy)
        score = scores(self.total_fte, self.weighted_target_fte, self.indirect_fte, rules)
        return decide_level(score.total_pct, norms, eligible=eligible)


@attrs.frozen(repr=False)
class Gap:
    """How far an organisation is from one higher level (R-GAP-1).

    Each amount is the smallest multiple of its step that reaches the level;
    one step less does not. ``None`` means the route cannot reach the level.

    Attributes:
        level: The level aimed for.
        filled_post_fte: Extra weighted target fte when existing posts are
            filled by target-group people (total fte stays).
        new_hire_fte: Extra weighted target fte as extra hires (total fte
            grows by the same amount, which may change the size row).
        new_hire_size: The company size after those hires.
        indirect_fte: Extra indirect fte by purchasing alone, under the cap.
        purchase_amount: Euro to spend at ``supplier`` for ``indirect_fte``.
        supplier: The supplier profile used for ``purchase_amount``.
        exceeds_supplier_turnover: The amount is more than that supplier's
            turnover, so it needs several suppliers (R-IND-6).
    """

    level: Level
    filled_post_fte: Decimal | None
    new_hire_fte: Decimal | None
    new_hire_size: int | None
    indirect_fte: Decimal | None
    purchase_amount: Decimal | None
    supplier: SupplierProfile | None = None
    exceeds_supplier_turnover: bool = False

    def __repr__(self) -> str:
        """Short: the amount of each route, ``-`` where a route cannot reach the level.

        >>> rs = rules_at(dt.date(2024, 5, 1))
        >>> gaps(Position(Fraction(20), Fraction(209, 100), Fraction(0)), rs)[0]
        <Gap to Trede 3: filled posts +0.0700 fte, new hires +0.0785 fte (size 20), purchases +0.0703 indirect fte>
        """
        def fte(v: Decimal | None) -> str:
            return "-" if v is None else f"+{v} fte"

        text = (f"<Gap to {self.level}: filled posts {fte(self.filled_post_fte)}, new hires "
                f"{fte(self.new_hire_fte)}")
        if self.new_hire_size is not None:
            text += f" (size {self.new_hire_size})"
        text += f", purchases {fte(self.indirect_fte)}"
        if self.indirect_fte is not None:
            text = text[:-4] + " indirect fte"
        if self.purchase_amount is not None and self.supplier is not None:
            text += f" = EUR {self.purchase_amount} at {self.supplier.name}"
        return text + ">"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (decimals as strings, ``None`` for unreachable)."""

        def text(v: Decimal | None) -> str | None:
            return None if v is None else str(v)

        return {
            "level": self.level.value,
            "filled_post_fte": text(self.filled_post_fte),
            "new_hire_fte": text(self.new_hire_fte),
            "new_hire_size": self.new_hire_size,
            "indirect_fte": text(self.indirect_fte),
            "purchase_amount": text(self.purchase_amount),
            "supplier": None if self.supplier is None else self.supplier.name,
            "exceeds_supplier_turnover": self.exceeds_supplier_turnover,
        }


#: Default resolution of gap amounts: a ten-thousandth fte (0.004 hours a week)
#: and one cent. Not rule values: the precision in which a gap is reported.
FTE_STEP = Decimal("0.0001")
MONEY_STEP = Decimal("0.01")

# Upper bounds of the searches, in fte; a level not reached below them is
# reported as unreachable by that route.
_SEARCH_LIMIT_FTE = Fraction(10**7)


def _smallest(reaches: Callable[[int], bool], limit: int, guess: int = 0) -> int | None:
    """Smallest whole ``k`` in ``0..limit`` with ``reaches(k)``, for a monotone predicate.

    Gallops from ``guess`` (a closed-form estimate) in the direction that
    brackets the answer, then bisects: a good guess costs two or three calls.
    """
    guess = min(max(guess, 0), limit)
    if reaches(guess):
        high, step = guess, 1
        while True:
            low = high - step
            if low < 0:
                low = -1
                break
            if not reaches(low):
                break
            high, step = low, step * 2
    else:
        low, step = guess, 1
        while True:
            high = low + step
            if high >= limit:
                high = limit
                if not reaches(high):
                    return None
                break
            if reaches(high):
                break
            low, step = high, step * 2
    # reaches(high) holds; low == -1 or reaches(low) fails
    while high - low > 1:
        mid = (low + high) // 2
        if reaches(mid):
            high = mid
        else:
            low = mid
    return high


def _direct_needed(norm: Fraction, indirect: Fraction, factor: Fraction) -> Fraction:
    """Least direct % with ``direct + min(indirect, factor x direct) >= norm`` (R-IND-4)."""
    if norm <= (1 + factor) * indirect / factor:
        return norm / (1 + factor)
    return norm - indirect


# An exact non-negative ratio as (numerator, denominator), not reduced: the
# searches of gaps compare many positions, and integers need no gcd.
_Ratio = tuple[int, int]


def _ratio(value: Fraction) -> _Ratio:
    return value.numerator, value.denominator


class _Levels:
    """:meth:`Position.level` for the many positions a gap search probes, in integers.

    The same decision (R-FTE-5, R-SIZE-2, R-IND-3/4, R-LVL-1, R-LVL-5) on the
    same exact values, with ratios kept as unreduced integer pairs and
    compared by cross-multiplication; the norms of each size are looked up
    once.
    """

    def __init__(self, rules: RuleSet, policy: NormPolicy) -> None:
        self.rules, self.policy = rules, policy
        self.minimum = _ratio(min_total_fte(rules))
        self.factor = _ratio(cap_factor(rules))
        self._norms: dict[int, tuple[tuple[Level, int, int], ...]] = {}

    def norms(self, size: int) -> tuple[tuple[Level, int, int], ...]:
        """The norms of a size as ``(level, numerator, denominator)``, in the order of level_for."""
        found = self._norms.get(size)
        if found is None:
            exact = norms_for(size, rules=self.rules, policy=self.policy).exact
            found = self._norms[size] = tuple(
                (level, exact[level].numerator, exact[level].denominator)
                for level in (Level.BASISTREDE, *_TREDES) if level in exact)
        return found

    def __call__(self, total: _Ratio, weighted: _Ratio, indirect: _Ratio) -> Level:
        """The level of the position (total fte, weighted target fte, indirect fte)."""
        a, b = total
        if a * self.minimum[1] < self.minimum[0] * b:
            return Level.NONE  # not eligible (R-FTE-5)
        c, d = weighted
        e, g = indirect
        # direct % = 100 w / t; indirect % = 100 i / (t + i) (R-DIR-2, R-IND-3)
        direct = (100 * c * b, d * a) if a else (0, 1)
        below = a * g + e * b
        ind = (100 * e * b, below) if below else (0, 1)
        p, q = self.factor  # the counted indirect part: at most factor x direct (R-IND-4)
        capped = (p * direct[0], q * direct[1])
        counted = ind if ind[0] * capped[1] <= capped[0] * ind[1] else capped
        score_n = direct[0] * counted[1] + counted[0] * direct[1]
        score_d = direct[1] * counted[1]
        reached = Level.NONE
        for level, n, m in self.norms((2 * a + b) // (2 * b)):  # company size (R-SIZE-2)
            if score_n * m >= n * score_d:
                reached = level
        return reached


def _hire_estimate(position: Position, target: Level, rules: RuleSet, policy: NormPolicy,
                   factor: Fraction) -> Fraction:
    """Extra target fte as hires that reach ``target``, estimated in closed form.

    Solves ``100 (W + x) / (T + x) >= needed direct %`` with the norm and the
    indirect percentage of the size after the hire, refined twice (both move
    with ``x``), until a fixed point. Only a starting point: the search checks
    it exactly. In unreduced integer ratios (one ``Fraction`` at the end):
    the same exact value as the same steps on fractions, without a gcd per
    operation.
    """
    if not factor:
        raise ZeroDivisionError("the indirect share cap leaves no direct part")
    tn, td = _ratio(position.total_fte)
    wn, wd = _ratio(position.weighted_target_fte)
    i_n, i_d = _ratio(position.indirect_fte)
    fn, fd = _ratio(factor)
    xn, xd = 0, 1
    for _ in range(3):
        sn, sd = tn * xd + xn * td, td * xd  # T + x
        norm = norms_for((2 * sn + sd) // (2 * sd), rules=rules, policy=policy
                         ).for_level(target)
        if norm is None:
            return Fraction(0)
        nn, nd = _ratio(norm)
        un, ud = sn * i_d + i_n * sd, sd * i_d  # T + x + I
        pn, pd = (100 * i_n * ud, i_d * un) if un else (0, 1)  # indirect %
        # The direct % needed beside the counted indirect part (_direct_needed).
        if nn * fn * pd <= (fd + fn) * pn * nd:
            en, ed = nn * fd, nd * (fd + fn)  # norm / (1 + factor)
        else:
            en, ed = nn * pd - pn * nd, nd * pd  # norm - indirect
        if en >= 100 * ed:
            return _SEARCH_LIMIT_FTE
        # x = max(0, (needed x T / 100 - W) / (1 - needed / 100))
        an, ad = en * tn * wd - 100 * ed * td * wn, 100 * ed * td * wd
        bn = 100 * ed - en
        following = (an * 100 * ed, ad * bn) if an > 0 else (0, 1)
        if following[0] * xd == xn * following[1]:
            break  # a fixed point: the next refinements give it again
        xn, xd = following
    return Fraction(xn, xd)


def gaps(
    position: Position,
    rules: RuleSet,
    *,
    policy: NormPolicy = NormPolicy.NEAREST,
    supplier: SupplierProfile | None = None,
    fte_step: Decimal = FTE_STEP,
    money_step: Decimal = MONEY_STEP,
    scored: Scores | None = None,
) -> tuple[Gap, ...]:
    """The gap to every level above the current one (R-GAP-1).

    Levels whose norm is unknown (Basistrede without user norms) are left out.
    The amounts are exact searches over the figures that decide the level
    (:meth:`Position.level`), so a size change caused by a hire and the 80%
    cap are taken into account. The searches assume that more of the route
    never lowers the level. Filling posts and buying never do. A hire dilutes
    the indirect percentage (its denominator grows), but the total still
    rises while the direct part is below 75%, far above every norm.

    Args:
        position: The organisation's current figures.
        rules: The rules in force.
        policy: The norm policy (R-LVL-3).
        supplier: A :class:`~psoladder.indirect.SupplierProfile` for the
            purchase amount; without one only the indirect fte is given.
        fte_step: Resolution of fte amounts.
        money_step: Resolution of euro amounts.
        scored: The position's :func:`scores`, where already computed.

    >>> rs = rules_at(dt.date(2024, 5, 1))
    >>> [g.filled_post_fte for g in gaps(Position(Fraction(20), Fraction(209, 100), Fraction(0)), rs)]
    [Decimal('0.0700')]
    """
    levels = rules.memo(("gap_levels", policy), lambda: _Levels(rules, policy))
    t0, w0, i0 = (_ratio(v) for v in (position.total_fte, position.weighted_target_fte,
                                       position.indirect_fte))
    current = levels(t0, w0, i0)
    factor = cap_factor(rules)
    step = Fraction(fte_step)
    s1, s2 = _ratio(step)
    limit = int(_SEARCH_LIMIT_FTE / step)
    known = [lv for lv in rules.levels if lv > current
             and norms_for(rules.norms.smallest_size, rules=rules).for_level(lv) is not None]
    now = scored or scores(position.total_fte, position.weighted_target_fte,
                           position.indirect_fte, rules)
    result = []
    for target in known:

        def filled(k: int, target: Level = target) -> bool:
            w = (w0[0] * s2 + k * s1 * w0[1], w0[1] * s2)
            if w[0] * t0[1] > t0[0] * w[1]:
                return False  # more posts than there are
            return levels(t0, w, i0) >= target

        def hired(k: int, target: Level = target) -> bool:
            return levels((t0[0] * s2 + k * s1 * t0[1], t0[1] * s2),
                          (w0[0] * s2 + k * s1 * w0[1], w0[1] * s2), i0) >= target

        def bought(k: int, target: Level = target) -> bool:
            return levels(t0, w0, (i0[0] * s2 + k * s1 * i0[1], i0[1] * s2)) >= target

        # Closed-form estimates at the current size; the searches then check
        # them exactly (a hire can change the size row and the denominators).
        norm = norms_for(company_size(position.total_fte), rules=rules, policy=policy
                         ).for_level(target) or Fraction(0)
        d_needed = _direct_needed(norm, now.indirect_pct, factor)
        t, w = position.total_fte, position.weighted_target_fte
        guess_filled = (d_needed * t / 100 - w) / step
        guess_hired = _hire_estimate(position, target, rules, policy, factor) / step
        rest = norm - now.direct_pct
        guess_bought = Fraction(0)
        if 0 < rest < 100:
            guess_bought = ((rest * (t + position.indirect_fte) / 100 - position.indirect_fte)
                            / (1 - rest / 100) / step)
        free_posts = t - w
        k_filled = (_smallest(filled, int(free_posts / step), math.ceil(guess_filled))
                    if free_posts > 0 else (0 if filled(0) else None))
        k_hired = _smallest(hired, limit, math.ceil(guess_hired))
        k_bought = (None if rest > factor * now.direct_pct
                    else _smallest(bought, limit, math.ceil(guess_bought)))
        amount = None
        exceeds = False
        if k_bought is not None and supplier is not None:
            money = Fraction(money_step)

            m1, m2 = _ratio(supplier.fte_for(money))  # indirect fte of one step of money

            def spent(k: int, target: Level = target, m1: int = m1, m2: int = m2) -> bool:
                return levels(t0, w0, (i0[0] * m2 + k * m1 * i0[1], i0[1] * m2)) >= target

            guess_money = supplier.amount_for(max(guess_bought * step, Fraction(0))) / money
            k_money = _smallest(spent, int(supplier.amount_for(_SEARCH_LIMIT_FTE) / money) + 1,
                                math.ceil(guess_money))
            if k_money is not None:
                amount = as_decimal(k_money * money).quantize(money_step)
                exceeds = amount > supplier.turnover

        def fte(k: int | None) -> Decimal | None:
            return None if k is None else as_decimal(k * step).quantize(fte_step)

        result.append(Gap(
            level=target,
            filled_post_fte=fte(k_filled),
            new_hire_fte=fte(k_hired),
            new_hire_size=None if k_hired is None
            else company_size(position.total_fte + k_hired * step),
            indirect_fte=fte(k_bought),
            purchase_amount=amount,
            supplier=supplier if amount is not None else None,
            exceeds_supplier_turnover=exceeds,
        ))
    return tuple(result)
