"""pandas views of an assessment (``pandas`` extra): one row per employment row or purchase.

Numbers stay exact: fte and weights are ``Decimal`` objects (an object
column), never floats. Convert explicitly (``df["fte"].astype(float)``) if a
plot or a model needs floats.
"""

from __future__ import annotations

from typing import Any

from psoladder.assessment import Assessment
from psoladder.errors import InputError
from psoladder.numbers import as_decimal

__all__ = ["persons_frame", "purchases_frame"]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise InputError.single("DataFrame views need pandas", field="pandas",
                                hint="pip install 'psoladder[pandas]'") from None
    return pandas


def persons_frame(a: Assessment) -> Any:
    """One row per employment row: person, dates, hours, codes, fte and weights.

    Columns: ``row, source, person, start, end, hours_per_week, contract, target_group,
    inflow, days, fte, counted_days, counted_fte, weight, weighted_fte,
    window, excluded, capped_days, reasons``; ``source`` names the payroll
    file of a payroll line (``row`` is its line) and is empty for the
    organisation's own rows (see ``PeriodFte.source``). For an assessment of a streamed
    payroll (:func:`psoladder.assess_file`), a person outside the target groups
    is one line with their fte (their rows were not kept).
    """
    pd = _pandas()
    records: list[dict[str, Any]] = []
    for person in a.workforce.persons:
        if person.summarised:
            # A streamed payroll keeps only the figures of people outside the target groups.
            records.append({"person": person.person, "fte": as_decimal(person.fte),
                            "counted_fte": as_decimal(0), "weighted_fte": as_decimal(0),
                            "reasons": f"{person.rows} row(s), details not kept"})
    for p in a.workforce.periods:
        e = p.employment
        records.append({
            "row": p.row, "source": p.source, "person": e.person, "start": e.start, "end": e.end,
            "hours_per_week": e.hours_per_week, "contract": e.contract.value,
            "target_group": e.target_group.value if e.target_group else None,
            "inflow": p.inflow, "days": p.days, "fte": as_decimal(p.fte),
            "counted_days": p.counted_days, "counted_fte": as_decimal(p.counted_fte),
            "weight": as_decimal(p.counting.weight), "weighted_fte": as_decimal(p.weighted_fte),
            "window": None if p.counting.window is None else str(p.counting.window),
            "excluded": p.excluded, "capped_days": p.capped_days,
            "reasons": "; ".join(r.message for r in p.counting.reasons),
        })
    return pd.DataFrame.from_records(records)


def purchases_frame(a: Assessment) -> Any:
    """One row per purchase: supplier figures, fte, whether it counts and why not."""
    pd = _pandas()
    records = [{
        "index": r.index, "supplier": r.purchase.supplier,
        "supplier_kind": r.purchase.supplier_kind.value, "amount": r.purchase.amount,
        "supplier_turnover": r.purchase.supplier_turnover,
        "supplier_fte": r.purchase.supplier_fte,
        "supplier_direct_pct": r.purchase.supplier_direct_pct,
        "invoice_date": r.purchase.invoice_date, "fte": as_decimal(r.fte),
        "counted": r.counted, "reason": None if r.reason is None else r.reason.message,
    } for r in a.purchases.purchases]
    return pd.DataFrame.from_records(records)
