"""The integer kernel of the columnar engine: fte sums on columns, exactly.

Everything here is ``int64`` (or ``bool``): day numbers relative to the first
day of the peiljaar, hours in whole units of the smallest power of ten that
makes every hours value and the full-time week whole (see
:func:`psoladder.fte.decimal_units`), and sums of hours x days. No float is
ever created; the caller checks beforehand that no sum can overflow
(:func:`fits`) and otherwise lets the validating path compute.

The rules are those of :mod:`psoladder.fte` (R-FTE-3: a person counts at most
1.0 fte at any time; concurrent contracts above it share the capped hours in
proportion):

* :func:`person_totals`: each person's capped hours x days, one sort of the
  rows by person and first day, a running maximum to find people with
  concurrent rows, and for those a sweep over packed events (cumulative sum
  of hours, ``sum(min(level, limit) x days)``);
* :func:`row_shares`: the same per row, for the people shown in detail, with
  the counted days of each row's counting window (R-TG-0).

Rows are given as parallel arrays: ``pid`` (person number), ``first`` and
``last`` (days of the row inside the peiljaar, inclusive), ``hours`` and
``limit`` (the cap in hours units for that row's organisation).

>>> import numpy as np
>>> pid = np.array([0, 0, 1], dtype=np.int64)
>>> first, last = np.array([0, 181, 0]), np.array([364, 364, 364])
>>> hours, limit = np.array([30, 20, 50]), np.array([40, 40, 40])
>>> totals, capped, concurrent = person_totals(pid, first, last, hours, limit, 2)
>>> totals.tolist(), capped.tolist(), concurrent.tolist()  # 181 x 30 + 184 x 40
([12790, 14600], [True, True], [True, False])
"""

from __future__ import annotations

import itertools
import math
import operator
from fractions import Fraction
from typing import Any

import attrs
import numpy as np
from numpy.typing import NDArray

__all__ = ["DAY_BITS", "RowShares", "Totals", "distinct", "fits", "person_totals", "row_shares",
           "totals"]

I64 = NDArray[np.int64]
Ints = NDArray[np.integer[Any]]
Bools = NDArray[np.bool_]

#: Bits of a relative day number in a packed (person, day) key: a peiljaar
#: has at most 366 days, and one more for the day after a row ends.
DAY_BITS = 10
_DAY_MASK = (1 << DAY_BITS) - 1
_INT64_SAFE = 2**62
_ZERO = Fraction(0)


def fits(rows: int, largest_hours: int, days: int = 367) -> bool:
    """Whether every sum of hours x days of ``rows`` rows stays inside ``int64``.

    >>> fits(10**6, 40), fits(10**6, 168 * 10**12)
    (True, False)
    """
    return max(rows, 1) * max(largest_hours, 1) * days < _INT64_SAFE


def _packed(pid: I64, day: Ints) -> I64:
    """Person and day in one sortable ``int64`` key."""
    return (pid << DAY_BITS) | day


def _packed_in_place(pid: Ints, day: Ints) -> I64:
    """:func:`_packed` with one new array, not three."""
    key = pid.astype(np.int64)
    key <<= DAY_BITS
    key |= day
    return key


def _wide(*arrays: Ints) -> list[I64]:
    """The arrays as ``int64``: every product and sum below stays in it (see :func:`fits`)."""
    return [np.asarray(a, dtype=np.int64) for a in arrays]


@attrs.define(eq=False)
class Totals:
    """A computation's hours units x days after the 1.0-fte cap (R-FTE-3), by person and by key.

    Attributes:
        persons: Per person: capped hours units x days.
        capped: Per person: the cap bit on some day.
        concurrent: Per person: two of their rows share a day.
        keyed: Per key: the whole part of its rows' capped hours units x days.
        parts: Key -> the part that is not whole (concurrent rows' capped
            shares), one ``Fraction`` per key and distinct level.
    """

    persons: I64
    capped: Bools
    concurrent: Bools
    keyed: I64
    parts: dict[int, Fraction]


def totals(pid: Ints, first: Ints, last: Ints, hours: Ints, limit: Ints | int, persons: int,
           key: Ints | None = None, keys: int = 0) -> Totals:
    """Capped hours x days per person and per key of the rows, in one pass over the rows.

    Each row alone counts at most the cap; the rows of a person who has
    concurrent rows are swept day by day, and share the capped hours in
    proportion (for the sums by key).

    Args:
        pid: Person number of each row (``0 <= pid < persons``).
        first: First day of each row inside the peiljaar (0 = its first day).
        last: Last day of each row inside the peiljaar (inclusive).
        hours: Hours a week of each row, in units.
        limit: The 1.0-fte cap in hours units: one for every row, or per row
            (the same for a person).
        persons: Number of persons.
        key: Each row's key (``0 <= key < keys``), for the sums by key.
        keys: Number of keys.
    """
    found = Totals(np.zeros(persons, dtype=np.int64), np.zeros(persons, dtype=np.bool_),
                   np.zeros(persons, dtype=np.bool_), np.zeros(keys, dtype=np.int64), {})
    if not len(pid):
        return found
    # Narrow columns stay narrow; keys and products are int64 (made in place).
    packed = _packed_in_place(pid, first)
    if not bool((packed[1:] >= packed[:-1]).all()):
        order = np.argsort(packed, kind="stable")
        packed = packed[order]
        pid, first, last, hours = pid[order], first[order], last[order], hours[order]
        if not isinstance(limit, int):
            limit = limit[order]
        if key is not None:
            key = key[order]
    # A row that starts on or before the last day of an earlier row of the
    # same person overlaps it (keys of later persons are always larger).
    reach = _packed_in_place(pid, last)
    np.maximum.accumulate(reach, out=reach)
    found.concurrent[pid[1:][packed[1:] <= reach[:-1]]] = True
    del packed, reach
    sweep = found.concurrent[pid]
    swept = bool(sweep.any())
    if swept:
        alone = ~sweep
        p, a, b, h = pid[alone], first[alone], last[alone], hours[alone]
        cap = limit if isinstance(limit, int) else limit[alone]
        k = None if key is None else key[alone]
    else:  # no copies of the rows
        p, a, b, h, cap, k = pid, first, last, hours, limit, key
    # People without concurrent rows: each row alone, at most the cap.
    units = np.subtract(b, a, dtype=np.int64)
    units += 1
    units *= np.minimum(h, cap)
    np.add.at(found.persons, p, units)
    if k is not None:
        np.add.at(found.keyed, k, units)
    del units
    found.capped[p[h > cap]] = True
    del p, a, b, h, k
    if swept:
        rows = int(sweep.sum())
        caps = (np.full(rows, limit, dtype=np.int64) if isinstance(limit, int)
                else np.asarray(limit[sweep], dtype=np.int64))
        p, a, b, h = _wide(pid[sweep], first[sweep], last[sweep], hours[sweep])
        _sweep(p, a, b, h, caps, found.persons, found.capped)
        if key is not None:
            _keyed(np.asarray(key[sweep], dtype=np.int64), p, a, b, h, caps, found)
    return found


def _keyed(key: I64, pid: I64, first: I64, last: I64, hours: I64, limit: I64,
           found: Totals) -> None:
    """Add concurrent people's capped hours x days to the sums by key.

    A person whose rows all have one key adds their whole capped total (the
    shares of their rows add up to it); only people with rows under several
    keys have it shared out row by row (:func:`_keyed_shares`). ``pid`` is
    sorted, and ``found.persons`` holds these people's totals.
    """
    starts = np.flatnonzero(np.diff(pid, prepend=-1))
    one = np.minimum.reduceat(key, starts) == np.maximum.reduceat(key, starts)
    if bool(one.any()):
        np.add.at(found.keyed, key[starts[one]], found.persons[pid[starts[one]]])
    if not bool(one.all()):
        mixed = np.repeat(~one, np.diff(starts, append=len(pid)))
        _keyed_shares(key[mixed], pid[mixed], first[mixed], last[mixed], hours[mixed],
                      limit[mixed], found)


def person_totals(pid: Ints, first: Ints, last: Ints, hours: Ints, limit: Ints | int,
                  persons: int) -> tuple[I64, Bools, Bools]:
    """Capped hours x days per person, whether the cap bit, and whether rows share a day.

    The per-person part of :func:`totals`.
    """
    found = totals(pid, first, last, hours, limit, persons)
    return found.persons, found.capped, found.concurrent


def _sweep(pid: I64, first: I64, last: I64, hours: I64, limit: I64, totals: I64,
           capped: Bools) -> None:
    """Add ``sum over days of min(hours that day, limit)`` per person, for concurrent rows."""
    day = np.concatenate((first, last + 1))
    people = np.concatenate((pid, pid))
    delta = np.concatenate((hours, -hours))
    cap = np.concatenate((limit, limit))
    order = np.argsort(_packed(people, day), kind="stable")
    day, people, delta, cap = day[order], people[order], delta[order], cap[order]
    # Each person's events add up to 0, so one running sum serves everyone.
    level = np.cumsum(delta)
    length = np.zeros(len(day), dtype=np.int64)
    same = people[1:] == people[:-1]
    length[:-1] = np.where(same, day[1:] - day[:-1], 0)
    np.add.at(totals, people, np.minimum(level, cap) * length)
    capped[people[(level > cap) & (length > 0)]] = True


@attrs.define(eq=False)
class RowShares:
    """Each row's hours x days after the cap, and the part inside its counting window.

    A row's exact value is its integer part plus its capped part (only rows
    sharing capped days with concurrent rows have one).

    Attributes:
        hour_units: Hours units x days, integer part.
        counted_units: The same for days in the counting window.
        counted_days: Days in the peiljaar and the counting window.
        capped_days: Days on which the cap scaled the row down.
        capped_hours: Row -> exact capped part of ``hour_units``.
        capped_counted: Row -> exact capped part of ``counted_units``.
    """

    hour_units: I64
    counted_units: I64
    counted_days: I64
    capped_days: I64
    capped_hours: dict[int, Fraction]
    capped_counted: dict[int, Fraction]


def row_shares(pid: Ints, first: Ints, last: Ints, hours: Ints, limit: Ints,
               window_first: Ints, window_last: Ints, concurrent: Bools) -> RowShares:
    """Per-row shares of the capped hours (R-FTE-3) and counted days (R-TG-0).

    Args:
        pid: Person number of each row.
        first: First day of each row inside the peiljaar.
        last: Last day of each row inside the peiljaar.
        hours: Hours a week of each row, in units.
        limit: The cap in hours units, per row.
        window_first: First day of each row's counting window (relative days;
            ``1`` with ``window_last`` ``0`` for no window).
        window_last: Last day of each row's counting window.
        concurrent: Per row: its person has rows sharing a day.
    """
    n = len(pid)
    pid, first, last, hours, limit, window_first, window_last = _wide(
        pid, first, last, hours, limit, window_first, window_last)
    days = last - first + 1
    counted_days = np.maximum(np.minimum(last, window_last) - np.maximum(first, window_first)
                              + 1, 0)
    h = np.minimum(hours, limit)
    over = hours > limit
    shares = RowShares(days * h, counted_days * h, counted_days, np.where(over, days, 0), {}, {})
    rows = np.flatnonzero(concurrent)
    if len(rows):
        shares.hour_units[rows] = 0
        shares.counted_units[rows] = 0
        shares.capped_days[rows] = 0
        _share_concurrent(rows, pid[rows], first[rows], last[rows], hours[rows], limit[rows],
                          window_first[rows], window_last[rows], shares)
    assert len(shares.hour_units) == n
    return shares


@attrs.define(eq=False)
class _Pieces:
    """Concurrent rows cut into pieces of constant hours: one entry per (row, piece).

    Attributes:
        row: The row of each entry (a position among the rows given).
        start: The piece's first day.
        length: Its number of days.
        hours: The row's hours units.
        level: The person's hours units on the piece (all their rows).
        limit: The cap in hours units.
        capped: ``level > limit``: the row keeps ``hours x limit / level``.
    """

    row: I64
    start: I64
    length: I64
    hours: I64
    level: I64
    limit: I64
    capped: Bools

    @property
    def units(self) -> I64:
        """Hours units x days of each entry before the cap."""
        return self.length * self.hours


def _pieces(pid: I64, first: I64, last: I64, hours: I64, limit: I64,
            more_cuts: tuple[I64, ...] = ()) -> _Pieces:
    """Cut each person's days where the set of their rows (or ``more_cuts``) changes.

    On each piece the hours are constant, so the cap is too (R-FTE-3).
    ``more_cuts`` are packed (person, day) keys of further cuts (counting windows).
    """
    cuts = distinct(np.concatenate((_packed(pid, first), _packed(pid, last + 1),
                                    *more_cuts)))[0]
    cut_day = cuts & _DAY_MASK
    lo = np.searchsorted(cuts, _packed(pid, first))
    hi = np.searchsorted(cuts, _packed(pid, last + 1))
    count = hi - lo
    row = np.repeat(np.arange(len(pid), dtype=np.int64), count)
    offsets = np.cumsum(count) - count
    piece = (np.arange(int(count.sum()), dtype=np.int64) - np.repeat(offsets, count)
             + np.repeat(lo, count))
    start = cut_day[piece]
    length = cut_day[piece + 1] - start
    pair_hours = hours[row]
    level = np.zeros(len(cuts), dtype=np.int64)
    np.add.at(level, piece, pair_hours)
    pair_level = level[piece]
    pair_limit = limit[row]
    return _Pieces(row, start, length, pair_hours, pair_level, pair_limit,
                   pair_level > pair_limit)


def _capped_parts(target: I64, units: I64, level: I64, limit: I64) -> dict[int, Fraction]:
    """``sum(units x limit / level)`` per target, exactly: one ``Fraction`` per target.

    The units are summed per (target, level, limit) in integers; each
    target's parts then share one denominator, the least common multiple of
    its levels, so the ``Fraction`` is made (and reduced) once per target.

    >>> parts = _capped_parts(*(np.array(v) for v in ([0, 0, 1], [30, 10, 6], [50, 50, 60],
    ...                                                  [40, 40, 40])))
    >>> parts == {0: Fraction(30 * 40, 50) + Fraction(10 * 40, 50), 1: Fraction(6 * 40, 60)}
    True
    """
    if not len(target):
        return {}
    order = np.lexsort((limit, level, target))
    t, lv, lim = target[order], level[order], limit[order]
    new = np.empty(len(t), dtype=np.bool_)
    new[0] = True
    new[1:] = (t[1:] != t[:-1]) | (lv[1:] != lv[:-1]) | (lim[1:] != lim[:-1])
    starts = np.flatnonzero(new)
    sums = np.add.reduceat(np.asarray(units, dtype=np.int64)[order], starts).tolist()
    groups = zip(t[starts].tolist(), sums, lv[starts].tolist(), lim[starts].tolist(),
                 strict=True)
    found: dict[int, Fraction] = {}
    for key, parts in itertools.groupby(groups, key=operator.itemgetter(0)):
        terms = [(u * m, v) for _, u, v, m in parts]
        if len(terms) == 1:
            found[key] = Fraction(*terms[0])
        else:
            common = math.lcm(*(v for _, v in terms))
            found[key] = Fraction(sum(n * (common // v) for n, v in terms), common)
    return found


def _share_concurrent(rows: I64, pid: I64, first: I64, last: I64, hours: I64, limit: I64,
                      wfirst: I64, wlast: I64, shares: RowShares) -> None:
    # Cut each person's days where the set of active rows or a window changes;
    # on each piece the hours are constant, so the cap and the window are too.
    wa, wb = np.maximum(first, wfirst), np.minimum(last, wlast)
    has = wa <= wb
    p = _pieces(pid, first, last, hours, limit,
                (_packed(pid[has], wa[has]), _packed(pid[has], wb[has] + 1)))
    counted = (wfirst[p.row] <= p.start) & (p.start <= wlast[p.row])
    units = p.units
    target = rows[p.row]
    plain = ~p.capped
    np.add.at(shares.hour_units, target[plain], units[plain])
    np.add.at(shares.counted_units, target[plain & counted], units[plain & counted])
    np.add.at(shares.capped_days, target[p.capped], p.length[p.capped])
    # Capped pieces: the row keeps hours x limit / level of them, an exact ratio
    # computed once per row and distinct level.
    for where, into in ((p.capped, shares.capped_hours),
                        (p.capped & counted, shares.capped_counted)):
        into.update(_capped_parts(target[where], units[where], p.level[where], p.limit[where]))


def _keyed_shares(key: I64, pid: I64, first: I64, last: I64, hours: I64, limit: I64,
                  found: Totals) -> None:
    """Add concurrent rows' shares of their person's capped hours to the sums by key."""
    p = _pieces(pid, first, last, hours, limit)
    target = key[p.row]
    units = p.units
    plain = ~p.capped
    np.add.at(found.keyed, target[plain], units[plain])
    for k, part in _capped_parts(target[p.capped], units[p.capped], p.level[p.capped],
                                 p.limit[p.capped]).items():
        found.parts[k] = found.parts.get(k, _ZERO) + part


def distinct(values: Ints) -> tuple[I64, I64, I64]:
    """The distinct values (sorted), the first position of each, and each value's rank among them.

    What ``numpy.unique`` gives with ``return_index`` and ``return_inverse``,
    by one sort (numpy's hashing ``unique`` is many times slower on a
    million values).

    >>> [a.tolist() for a in distinct(np.array([5, 3, 5, 1]))]
    [[1, 3, 5], [3, 1, 0], [2, 1, 2, 0]]
    """
    order = np.argsort(values)
    ordered: I64 = np.asarray(values, dtype=np.int64)[order]
    new = np.empty(len(values), dtype=np.bool_)
    new[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    inverse = np.empty(len(values), dtype=np.int64)
    inverse[order] = np.cumsum(new) - 1
    first = (np.minimum.reduceat(order, starts) if len(starts)
             else np.zeros(0, dtype=np.int64))
    return ordered[starts], first.astype(np.int64, copy=False), inverse
