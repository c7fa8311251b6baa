"""pandas views of an assessment (``pandas`` extra): people, payroll rows and purchases.

* :func:`persons_frame`: one row per person: fte, counted and weighted fte,
  their target groups and contract types.
* :func:`rows_frame`: one row per payroll row, numbered as in the
  assessment's explanation (for :func:`psoladder.assess_file`, the row's line
  in the payroll file, the header being line 1).
* :func:`purchases_frame`: one row per purchase.

**Numbers stay exact and add up.** fte are exact ratios (12/19) that no
decimal column holds exactly, so each fte column has 18 decimals and is
apportioned (largest remainders) so that its sum is exactly the assessment's
figure at that scale: ``persons_frame(a)["fte"].sum()`` equals
``round_half_up(a.exact_total_fte, 18)``, the rows of each person add up to
that person's value, and every value is within 10^-18 of the exact one.
Input amounts (hours, euros, percentages) are the exact values read.

``numeric=`` chooses how the numbers are held:

``"decimal"`` (default)
    :class:`decimal.Decimal` objects: exact, any arithmetic stays exact.
    pandas stores them as ``object`` columns, so ``describe()`` leaves them out.
``"arrow"``
    pandas' Arrow decimal dtype (``decimal128(38, 18)`` for fte): a numeric
    column, exact, needs ``pyarrow``. pandas (up to 3.1) cannot ``describe()``
    such a column yet; ``sum()``, ``mean()``, ``groupby`` work.
``"float"``
    ``float64``: for statistics and plots (``describe()`` works); not exact.

>>> import psoladder
>>> a = psoladder.assess(psoladder.load_example())
>>> people = persons_frame(a)
>>> len(people), people["fte"].sum() == round_half_up(a.exact_total_fte, 18)
(121, True)
>>> len(rows_frame(a)) == a.workforce.rows_read
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from psoladder.numbers import as_fraction, round_half_up
from psoladder.periods import BEGINNING, FOREVER

if TYPE_CHECKING:
    from psoladder.assessment import Assessment

__all__ = ["NUMERIC", "SCALE", "persons_frame", "purchases_frame", "rows_frame"]

#: Decimals of the fte columns.
SCALE = 18
#: The choices of ``numeric=``.
NUMERIC = ("decimal", "arrow", "float")


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        # A missing optional package, not bad input: ImportError, as for
        # psoladder.testing.strategies without hypothesis.
        raise ImportError("DataFrame views need pandas: pip install 'psoladder[pandas]'"
                          ) from exc
    return pandas


def apportion(total: Fraction, parts: Sequence[Fraction], scale: int = SCALE) -> list[Decimal]:
    """``parts`` rounded to ``scale`` decimals so that they add up to ``total`` rounded.

    Largest remainders: each part is rounded down, and the units still missing
    go to the parts with the largest remainders. Each result is within one unit
    of the last decimal of its exact part.

    >>> apportion(Fraction(1), [Fraction(1, 3)] * 3, 2)
    [Decimal('0.34'), Decimal('0.33'), Decimal('0.33')]
    """
    unit = 10**scale
    target = int(round_half_up(total, scale).scaleb(scale))
    floors = [(q.numerator * unit) // q.denominator for q in parts]
    missing = target - sum(floors)
    order = sorted(range(len(parts)), key=lambda i: -(parts[i] * unit - floors[i]))
    for i in order[:max(missing, 0)]:
        floors[i] += 1
    for i in order[len(order) + missing:] if missing < 0 else ():
        floors[i] -= 1
    return [Decimal(f).scaleb(-scale) if f else Decimal(0) for f in floors]


def _columns(pd: Any, records: dict[str, list[Any]], numeric: str,
             scales: dict[str, int]) -> Any:
    """A DataFrame with the decimal columns held the ``numeric`` way."""
    if numeric not in NUMERIC:
        raise ValueError(f"unknown numeric={numeric!r}; use one of {', '.join(NUMERIC)}")
    data: dict[str, Any] = {}
    for name, values in records.items():
        if name in scales and numeric == "float":
            data[name] = pd.Series([None if v is None else float(v) for v in values],
                                   dtype="float64")
        elif name in scales and numeric == "arrow":
            try:
                import pyarrow as pa  # type: ignore[import-untyped, import-not-found, unused-ignore]
            except ImportError:
                raise ImportError("numeric='arrow' needs pyarrow: pip install pyarrow, or use "
                                  "numeric='decimal'") from None
            data[name] = pd.Series(values, dtype=pd.ArrowDtype(pa.decimal128(38, scales[name])))
        else:
            data[name] = pd.Series(values, dtype=object if name in scales else None)
    return pd.DataFrame(data)


def _dates(pd: Any, values: Sequence[dt.date | None]) -> Any:
    return pd.to_datetime(pd.Series([None if v is None or v in (BEGINNING, FOREVER) else v
                                     for v in values], dtype=object))


def persons_frame(a: Assessment, *, numeric: str = "decimal") -> Any:
    """One row per person.

    Columns: ``person``, ``rows`` (payroll rows), ``fte``, ``counted_fte``
    (fte on days inside a counting window), ``weighted_fte``,
    ``target_groups`` and ``contracts`` (codes, ``;``-separated), ``capped``
    (concurrent contracts above full time on some day), ``on_peildatum``,
    ``details_kept`` (``False`` for people outside the target groups of a
    streamed payroll: their rows were not kept, their fte was).

    Args:
        a: The assessment.
        numeric: ``decimal``, ``arrow`` or ``float`` (see the module).
    """
    pd = _pandas()
    persons = a.workforce.persons
    fte = apportion(a.exact_total_fte, [p.fte for p in persons])
    counted_parts = [sum((q.counted_fte for q in p.periods), Fraction(0)) for p in persons]
    counted = apportion(sum(counted_parts, Fraction(0)), counted_parts)
    weighted = apportion(a.exact_weighted, [p.weighted_fte for p in persons])
    records: dict[str, list[Any]] = {
        "person": [p.person for p in persons],
        "rows": [p.rows for p in persons],
        "fte": fte, "counted_fte": counted, "weighted_fte": weighted,
        "target_groups": [";".join(dict.fromkeys(q.employment.target_group.value
                                                 for q in p.periods
                                                 if q.employment.target_group))
                          for p in persons],
        "contracts": [";".join(dict.fromkeys(q.employment.contract.value for q in p.periods))
                      for p in persons],
        "capped": [p.capped for p in persons],
        "on_peildatum": [p.on_peildatum for p in persons],
        "details_kept": [not p.summarised for p in persons],
    }
    return _columns(pd, records, numeric, {"fte": SCALE, "counted_fte": SCALE,
                                           "weighted_fte": SCALE})


def rows_frame(a: Assessment, *, numeric: str = "decimal", lang: str = "en") -> Any:
    """One row per payroll row (employment period), in the order of the people.

    Columns: ``row`` (as numbered in the explanation), ``person``, ``start``,
    ``end``, ``hours_per_week``, ``contract``, ``target_group``, ``inflow``,
    ``days`` (in the peiljaar), ``fte``, ``counted_days``, ``counted_fte``,
    ``weight``, ``weighted_fte``, ``window_start``, ``window_end`` (the
    counting window; empty for open ends), ``excluded`` (R-CT-6),
    ``capped_days``, ``reasons`` (in ``lang``).

    Args:
        a: The assessment.
        numeric: ``decimal``, ``arrow`` or ``float`` (see the module).
        lang: Language of ``reasons``.

    Raises:
        ValueError: For a streamed assessment whose rows were not kept
            (use ``assess_file(path, detail=True)``).
    """
    pd = _pandas()
    persons = a.workforce.persons
    if any(p.summarised for p in persons):
        raise ValueError("the rows of people outside the target groups were not kept "
                         "(streamed payroll); assess with assess_file(path, detail=True)")
    person_fte = apportion(a.exact_total_fte, [p.fte for p in persons])
    person_weighted = apportion(a.exact_weighted, [p.weighted_fte for p in persons])
    counted_parts = [sum((q.counted_fte for q in p.periods), Fraction(0)) for p in persons]
    person_counted = apportion(sum(counted_parts, Fraction(0)), counted_parts)
    fte: list[Decimal] = []
    weighted: list[Decimal] = []
    counted: list[Decimal] = []
    for i, p in enumerate(persons):
        fte += apportion(as_fraction(person_fte[i]), [q.fte for q in p.periods])
        weighted += apportion(as_fraction(person_weighted[i]), [q.weighted_fte for q in p.periods])
        counted += apportion(as_fraction(person_counted[i]), [q.counted_fte for q in p.periods])
    periods = list(a.workforce.periods)
    column: Callable[[Callable[[Any], Any]], list[Any]] = lambda f: [f(q) for q in periods]  # noqa: E731
    records: dict[str, list[Any]] = {
        "row": column(lambda q: q.row),
        "person": column(lambda q: q.employment.person),
        "start": _dates(pd, column(lambda q: q.employment.start)),
        "end": _dates(pd, column(lambda q: q.employment.end)),
        "hours_per_week": column(lambda q: q.employment.hours_per_week),
        "contract": column(lambda q: q.employment.contract.value),
        "target_group": column(lambda q: q.employment.target_group.value
                               if q.employment.target_group else None),
        "inflow": _dates(pd, column(lambda q: q.inflow)),
        "days": column(lambda q: q.days),
        "fte": fte,
        "counted_days": column(lambda q: q.counted_days),
        "counted_fte": counted,
        "weight": column(lambda q: round_half_up(q.counting.weight, 6).normalize()),
        "weighted_fte": weighted,
        "window_start": _dates(pd, column(lambda q: None if q.counting.window is None
                                          else q.counting.window.start)),
        "window_end": _dates(pd, column(lambda q: None if q.counting.window is None
                                        else q.counting.window.end)),
        "excluded": column(lambda q: q.excluded),
        "capped_days": column(lambda q: q.capped_days),
        "reasons": column(lambda q: "; ".join(r.text(lang) for r in q.counting.reasons)),
    }
    return _columns(pd, records, numeric, {"hours_per_week": 4, "fte": SCALE,
                                           "counted_fte": SCALE, "weight": 6,
                                           "weighted_fte": SCALE})


def purchases_frame(a: Assessment, *, numeric: str = "decimal", lang: str = "en") -> Any:
    """One row per purchase: supplier figures, fte, whether it counts and why not.

    Columns: ``index``, ``supplier``, ``supplier_kind``, ``amount``,
    ``supplier_turnover``, ``supplier_fte``, ``supplier_direct_pct``,
    ``invoice_date``, ``fte`` (what it stands for), ``counted_fte`` (what
    counts; these add up to the assessment's indirect fte), ``counted``,
    ``reason`` (in ``lang``).
    """
    pd = _pandas()
    rs = a.purchases.purchases
    records: dict[str, list[Any]] = {
        "index": [r.index for r in rs],
        "supplier": [r.purchase.supplier for r in rs],
        "supplier_kind": [r.purchase.supplier_kind.value for r in rs],
        "amount": [r.purchase.amount for r in rs],
        "supplier_turnover": [r.purchase.supplier_turnover for r in rs],
        "supplier_fte": [r.purchase.supplier_fte for r in rs],
        "supplier_direct_pct": [r.purchase.supplier_direct_pct for r in rs],
        "invoice_date": _dates(pd, [r.purchase.invoice_date for r in rs]),
        "fte": apportion(sum((r.fte for r in rs), Fraction(0)), [r.fte for r in rs]),
        "counted_fte": apportion(a.exact_indirect_fte, [r.counted_fte for r in rs]),
        "counted": [r.counted for r in rs],
        "reason": [None if r.reason is None else r.reason.text(lang) for r in rs],
    }
    return _columns(pd, records, numeric, {"amount": 2, "supplier_turnover": 2,
                                           "supplier_fte": 4, "supplier_direct_pct": 4,
                                           "fte": SCALE, "counted_fte": SCALE})
