from __future__ import annotations

import datetime as dt
import itertools
import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest
from tests.conftest import organisation, purchase, staff

import psoladder
from psoladder import Level, assess, load_organisation
from psoladder.levels import Position


def toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | Decimal):
        return str(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(x)}" for k, x in v.items()) + " }"
    return json.dumps(v)


def write_org(tmp_path: Path, employments: list[dict[str, Any]],
              purchases: list[dict[str, Any]] = (), **top: Any) -> Path:  # type: ignore[assignment]
    head = {"name": "Voorbeeld B.V.", "kvk": ["12345678"],
            "application_date": dt.date(2024, 5, 1),
            "peiljaar": {"start": dt.date(2023, 1, 1), "end": dt.date(2023, 12, 31)}} | top
    lines = [f"{k} = {toml_value(v)}" for k, v in head.items()]
    for table, rows in (("employment", employments), ("purchase", purchases)):
        for row in rows:
            lines.append(f"\n[[{table}]]")
            lines += [f"{k} = {toml_value(v)}" for k, v in row.items()]
    path = tmp_path / "org.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


_ids = itertools.count()


def people(n: int, hours: int = 40, **kw: Any) -> list[dict[str, Any]]:
    return [{"person": f"P{next(_ids)}", "start": dt.date(2015, 1, 1),
             "hours_per_week": hours} | kw for _ in range(n)]


SUPPLIER = {"supplier": "Groen", "supplier_kind": "pso_certified", "supplier_turnover": 2000000,
            "supplier_fte": 40, "supplier_direct_pct": 25}


def test_d3(tmp_path: Path) -> None:
    path = write_org(tmp_path, people(49) + people(1, target_group="wajong"),
                     [SUPPLIER | {"amount": 200000}])
    a = assess(load_organisation(path))
    assert a.total_fte == 50
    assert a.weighted_target_fte == 1
    assert a.direct_pct == Decimal("2")
    assert a.indirect_fte == 1
    assert a.exact.indirect_pct == Fraction(100, 51)
    assert str(a.indirect_pct).startswith("1.96078")
    assert a.indirect_counted_pct == a.indirect_pct  # cap 8.00 does not bind
    assert a.exact.total_pct == 2 + Fraction(100, 51)
    assert str(a.total_pct).startswith("3.96078")
    assert (a.norms.trede_1, a.norms.trede_2, a.norms.trede_3) == (
        Decimal("3.0"), Decimal("3.7"), Decimal("6.8"))
    assert a.level is Level.TREDE_2


def test_d4(tmp_path: Path) -> None:
    rows = people(9) + people(1, hours=36) + people(1, hours=4, target_group="wajong")
    path = write_org(tmp_path, rows, [SUPPLIER | {"amount": 100000, "supplier_turnover": 1000000}])
    a = assess(load_organisation(path))
    assert (a.total_fte, a.weighted_target_fte, a.direct_pct) == (10, Decimal("0.1"), 1)
    assert a.indirect_fte == 1
    assert a.exact.indirect_pct == Fraction(100, 11)
    assert a.indirect_counted_pct == 4
    assert a.total_pct == 5
    assert a.level is Level.NONE
    rules = {w.rule for w in a.warnings}
    assert "R-LVL-5" in rules
    assert "Basistrede cannot be determined" in " ".join(w.message for w in a.warnings)


def test_d5(tmp_path: Path) -> None:
    path = write_org(tmp_path, people(19), [SUPPLIER | {"amount": 200000}])
    a = assess(load_organisation(path))
    assert a.indirect_pct == 5
    assert a.total_pct == 0
    assert a.level is Level.NONE


def test_d7(tmp_path: Path) -> None:
    path = write_org(tmp_path, people(12) + people(1, hours=16))
    org = load_organisation(path)
    a = assess(org)
    assert a.total_fte == Decimal("12.4")
    assert a.size == 12
    assert (a.norms.trede_1, a.norms.trede_2, a.norms.trede_3) == (
        Decimal("6.7"), Decimal("9.0"), Decimal("15.5"))
    assert "R-LVL-3" in {w.rule for w in a.warnings}
    i = assess(org, norm_policy="interpolate")
    assert (i.norms.trede_1, i.norms.trede_2, i.norms.trede_3) == (
        Decimal("6.5"), Decimal("8.6"), Decimal("14.5"))


def test_json_organisation_file(tmp_path: Path) -> None:
    doc = {"name": "J", "kvk": "12345678", "application_date": "2024-05-01",
           "employment": [{"person": "A", "start": "2020-01-01", "hours_per_week": 40.5}]}
    path = tmp_path / "org.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    org = load_organisation(path)
    assert org.employments[0].hours_per_week == Decimal("40.5")  # exact, never a float


def test_basistrede_with_user_norms(tmp_path: Path) -> None:
    over = tmp_path / "over.toml"
    over.write_text('source = "official"\n[[norms]]\nsize = 10\nbasistrede = 4.5\n'
                    "trede_1 = 6.7\ntrede_2 = 9.0\ntrede_3 = 15.5\n", encoding="utf-8")
    org = organisation(staff(9) + staff(1, hours=36, prefix="H")
                       + staff(1, hours=4, prefix="W", target_group="wajong"),
                       purchases=[purchase()])
    a = assess(org, overrides=psoladder.load_overrides(over))
    assert a.total_pct == 5
    assert a.norms.basistrede == Decimal("4.5")
    assert a.level is Level.BASISTREDE
    assert "R-LVL-5" not in {w.rule for w in a.warnings}


def test_not_eligible_below_two_fte() -> None:
    a = assess(organisation(staff(1) + staff(1, hours=39, prefix="W", target_group="wajong")))
    assert not a.eligible
    assert a.level is Level.NONE
    assert a.direct_pct > 40
    assert "R-FTE-5" in {w.rule for w in a.warnings}
    a = assess(organisation(staff(1) + staff(1, prefix="W", target_group="wajong")))
    assert a.eligible
    assert a.level is Level.TREDE_3


def test_default_peiljaar_is_warned() -> None:
    a = assess(organisation(staff(3), peiljaar=None))
    assert str(a.peiljaar) == "2023-01-01..2023-12-31"
    assert "R-FTE-4" in {w.rule for w in a.warnings}


def test_application_date_override_changes_edition() -> None:
    org = organisation(staff(3), peiljaar=None)  # the calendar year before the date
    assert assess(org, application_date=dt.date(2019, 3, 31)).edition == "1.6"
    with pytest.raises(psoladder.NoRuleInForce):
        assess(org, application_date=dt.date(2017, 3, 31))


def test_purchases_outside_peiljaar_or_certificate_do_not_count() -> None:
    org = organisation(staff(20) + staff(1, prefix="W", target_group="wajong"), purchases=[
        purchase(invoice_date="2022-12-31"),
        purchase(invoice_date="2023-03-01", certificate_valid_from="2023-03-02"),
        purchase(invoice_date="2023-03-01", certificate_valid_until="2023-03-01"),
        purchase(invoice_date="2023-03-01", supplier_kind="sw_bedrijf",
                 certificate_valid_until="2020-01-01"),
    ])
    a = assess(org)
    counted = [p.counted for p in a.purchases.purchases]
    assert counted == [False, False, True, True]
    assert a.indirect_fte == 2
    assert "R-IND-6" in {w.rule for w in a.warnings}


@pytest.mark.parametrize(("kw", "message"), [
    ({"amount": 0}, "above 0"), ({"amount": 2000000}, "larger than the supplier's turnover"),
    ({"declared_as_direct": True}, "R-IND-5"), ({"pct": 101}, "between 0 and 100"),
    ({"amount": 1.5}, "float")])
def test_bad_purchases(kw: dict[str, Any], message: str) -> None:
    with pytest.raises(psoladder.InputError, match=message):
        purchase(**kw)


def test_to_dict_contract_and_json_round_trip() -> None:
    a = assess(load_organisation(psoladder.example_path()))
    d = a.to_dict(explanation=True)
    for key in ("level", "eligible", "edition", "total_fte", "weighted_target_fte", "direct_pct",
                "indirect_fte", "indirect_pct", "indirect_counted_pct", "total_pct", "size",
                "norms", "warnings", "thirty_plus", "gaps", "explanation"):
        assert key in d
    assert set(d["norms"]) >= {"basistrede", "trede_1", "trede_2", "trede_3", "source"}
    assert Decimal(d["total_pct"]) == a.total_pct
    assert json.loads(json.dumps(d)) == d
    assert all(w["rule"].startswith("R-") for w in d["warnings"])


def test_explanation_accounts_for_every_figure() -> None:
    a = assess(load_organisation(psoladder.example_path()))
    figures = a.explanation.figures()
    d = a.to_dict()
    for key in ("total_fte", "weighted_target_fte", "direct_pct", "indirect_fte", "indirect_pct",
                "indirect_counted_pct", "total_pct"):
        assert figures[key] == d[key], key
    assert figures["level"] == d["level"]
    assert figures["size"] == str(d["size"])
    assert figures["edition"] == d["edition"]
    assert set(figures) >= {"norms", "thirty_plus", "gaps", "eligible", "peiljaar",
                            "banenafspraak", "annual_fee", "qualitative"}
    # Per-person steps add up to the totals.
    total = a.explanation.step("total_fte")
    shown = sum(Fraction(Decimal(s.value)) for s in total.children)
    assert abs(shown - a.exact_total_fte) < Fraction(1, 10**20)
    text = a.explanation.render()
    assert "R-IND-4" in text
    assert "https://" in text


def test_gap_reaches_the_level_and_one_step_less_does_not() -> None:
    a = assess(load_organisation(psoladder.example_path()))
    rules = a.rules
    p = a.position()
    step = Fraction(1, 10000)
    [gap] = a.gaps
    assert gap.level is Level.TREDE_3
    x = Fraction(gap.filled_post_fte)
    assert Position(p.total_fte, p.weighted_target_fte + x, p.indirect_fte).level(rules) >= gap.level
    assert Position(p.total_fte, p.weighted_target_fte + x - step,
                    p.indirect_fte).level(rules) < gap.level
    h = Fraction(gap.new_hire_fte)
    assert Position(p.total_fte + h, p.weighted_target_fte + h, p.indirect_fte).level(
        rules) >= gap.level
    assert Position(p.total_fte + h - step, p.weighted_target_fte + h - step,
                    p.indirect_fte).level(rules) < gap.level
    # Buying: add the amount as a purchase and reassess end to end.
    assert gap.purchase_amount is not None
    org = a.organisation
    supplier = a.gap_supplier
    assert supplier is not None
    extra = psoladder.Purchase(supplier="extra", amount=gap.purchase_amount,
                               supplier_turnover=supplier.turnover * 10,
                               supplier_fte=supplier.fte * 10,
                               supplier_direct_pct=supplier.direct_pct)
    more = attrs.evolve(org, purchases=(*org.purchases, extra))
    assert assess(more).level is gap.level
    less = psoladder.Purchase(supplier="extra", amount=gap.purchase_amount - Decimal("0.01"),
                              supplier_turnover=supplier.turnover * 10,
                              supplier_fte=supplier.fte * 10,
                              supplier_direct_pct=supplier.direct_pct)
    fewer = attrs.evolve(org, purchases=(*org.purchases, less))
    assert assess(fewer).level < gap.level


def test_gap_not_reachable_by_purchasing_alone() -> None:
    # D4: direct 1% caps counted indirect at 4%: total at most 5% < Trede 1 (6.7%).
    org = organisation(staff(9) + staff(1, hours=36, prefix="H")
                       + staff(1, hours=4, prefix="W", target_group="wajong"),
                       purchases=[purchase()])
    a = assess(org)
    assert [g.level for g in a.gaps] == [Level.TREDE_1, Level.TREDE_2, Level.TREDE_3]
    assert all(g.indirect_fte is None and g.purchase_amount is None for g in a.gaps)
    assert all(g.filled_post_fte is not None for g in a.gaps)


def test_no_gaps_at_the_top() -> None:
    a = assess(organisation(staff(5) + staff(5, prefix="W", target_group="wajong")))
    assert a.level is Level.TREDE_3
    assert a.gaps == ()
    assert a.next_level is None


def test_fee_and_validity() -> None:
    a = assess(organisation(staff(75)))
    assert a.annual_fee == 1500
    assert a.certificate_valid_until(dt.date(2024, 6, 1)) == dt.date(2026, 5, 31)
    early = assess(organisation(staff(75), application_date="2017-06-01",
                                peiljaar=psoladder.DateRange(dt.date(2016, 1, 1),
                                                             dt.date(2016, 12, 31))))
    assert early.annual_fee is None


@pytest.mark.parametrize(("fte", "fee"), [(2, 500), (24, 500), (25, 950), (50, 1500),
                                          (100, 2250), (250, 3500), (500, 4750), (1000, 5950),
                                          (1200, 5950)])
def test_fee_bands(fte: int, fee: int) -> None:
    from psoladder.certificate import annual_fee

    rules = psoladder.rules_at(dt.date(2024, 5, 1))
    assert annual_fee(Fraction(fte), rules) == fee
    if fte > 2:
        assert annual_fee(Fraction(fte) - Fraction(1, 10**9), rules) <= fee


def test_qualitative_checklist_and_aspirant() -> None:
    org = organisation(
        staff(10) + staff(2, prefix="W", target_group="wajong"),
        evidence=[psoladder.Evidence(person="W0", suitable_work=True, integration=True,
                                     development=True, guidance=True)],
        aspirant_plan=psoladder.AspirantPlan(approved_on="2024-01-15", smart=True,
                                             board_approved=True, being_carried_out=True),
        recertification=psoladder.Recertification(files_sampled=10, files_with_appraisals=7))
    a = assess(org)
    q = a.qualitative
    assert dict(q.missing) == {"W1": ("suitable_work", "integration", "development", "guidance")}
    assert q.certifiable_level is Level.NONE
    assert q.appraisal_share == Fraction(7, 10)
    assert q.aspirant is not None
    assert not q.aspirant.granted
    assert q.aspirant.missing == ("aims_for_trede_1_within_2_years",)
    assert q.aspirant.valid_until == dt.date(2026, 1, 14)
    assert q.aspirant.extensions_allowed == 1


def test_qualitative_passes() -> None:
    org = organisation(staff(10) + staff(1, prefix="W", target_group="wajong"), evidence=[
        psoladder.Evidence(person="W0", suitable_work=True, integration=True, development=True,
                           guidance=True)],
        recertification=psoladder.Recertification(files_sampled=10, files_with_appraisals=8))
    a = assess(org)
    assert a.qualitative.passes
    assert a.qualitative.certifiable_level is a.level


def test_repr_and_notebook_views() -> None:
    from psoladder import notebook

    a = assess(load_organisation(psoladder.example_path()))
    assert "Trede 2" in repr(a)
    assert "Fraction" not in repr(a)
    assert '<table class="rows">' in notebook.html(a)
    assert notebook.markdown(a).startswith("# ")
    assert "<details" in notebook.html(a.explanation)
    assert notebook.markdown(a.explanation).startswith("# ")
