"""The rule data audit (issue 14) seen through assessments: notices, options, dates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from tests.conftest import organisation, staff

from psoladder import (
    AspirantPlan,
    Employment,
    assess,
    assess_file,
    load_organisation,
    load_overrides,
    rules_at,
)
from psoladder.certificate import annual_fee


def write(tmp_path: Path, text: str, name: str = "override.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def rules_of(a: object) -> list[str]:
    return [w.rule for w in a.warnings]  # type: ignore[attr-defined]


# ---------------------------------------------------------------- source quality


def banen_org() -> object:
    return organisation(staff(10) + [Employment(person="W", start="2016-01-01",
                                                hours_per_week=20, target_group="wajong")])


def test_a_value_resting_on_a_secondary_source_raises_a_notice() -> None:
    a = assess(banen_org())
    assert a.banenafspraak.jobs > 0
    [notice] = [w for w in a.warnings if w.rule == "R-BA-1"]
    assert "banenafspraak_job_hours" in notice.message
    assert "werkgeverslijn.nl" in notice.message


def test_no_secondary_notice_where_the_value_did_not_count() -> None:
    assert "R-BA-1" not in rules_of(assess(organisation(staff(10))))


def test_a_user_value_replaces_the_secondary_source(tmp_path: Path) -> None:
    path = write(tmp_path, 'source = "UWV, nulmeting banenafspraak"\n[parameters]\n'
                           'banenafspraak_job_hours = 25.5\nbanenafspraak_groups = '
                           '["wsw", "wajong", "wiw_id", "doelgroepregister"]\n'
                           'banenafspraak_groups_when_registered = ["vso_pro", '
                           '"participatiewet_lks"]\n')
    a = assess(banen_org(), overrides=load_overrides(path))
    assert "R-BA-1" not in rules_of(a)


# ---------------------------------------------------------------- R-TG-6b


def pupil_org(application: str) -> object:
    year = int(application[:4]) - 1
    return organisation(
        staff(9, start=f"{year - 5}-01-01")
        + [Employment(person="P", start=f"{year}-01-01", hours_per_week=40,
                      contract="placement", target_group="vso_pro_pupil")],
        application_date=application, peiljaar=None)


def test_a_pupil_weighs_half_before_1_7_and_whole_from_1_7() -> None:
    before, after = assess(pupil_org("2019-03-31")), assess(pupil_org("2019-04-01"))
    assert before.weighted_target_fte == Decimal("0.375")  # 1 fte x 0.5 x placement 0.75
    assert after.weighted_target_fte == Decimal("0.75")
    assert "R-TG-6b" not in rules_of(before)
    [notice] = [w for w in after.warnings if w.rule == "R-TG-6b"]
    assert "vso_pro_pupil.weight" in notice.message
    assert "locusnetwerk.nl" in notice.message


def test_a_pupil_is_not_in_the_30_plus_group() -> None:
    a = assess(pupil_org("2019-04-01"))
    assert a.thirty_plus.group == 0


# ---------------------------------------------------------------- R-LVL-6


@pytest.mark.parametrize(("on", "extensions", "noticed"), [
    ("2021-03-31", 1, True), ("2021-04-01", 2, False)])
def test_aspirant_extensions_before_1_9_are_a_decision_shown_with_the_plan(
        on: str, extensions: int, noticed: bool) -> None:
    year = int(on[:4]) - 1
    plan = AspirantPlan(approved_on=f"{year}-06-01", smart=True, board_approved=True,
                        aims_for_trede_1_within_2_years=True, being_carried_out=True)
    a = assess(organisation(staff(10, start=f"{year - 3}-01-01"), application_date=on,
                            peiljaar=None, aspirant_plan=plan))
    assert a.qualitative.aspirant is not None
    assert a.qualitative.aspirant.extensions_allowed == extensions
    assert ("R-LVL-6" in rules_of(a)) is noticed
    assert "R-LVL-6" not in rules_of(assess(organisation(staff(10), application_date=on,
                                                         peiljaar=None)))


# ---------------------------------------------------------------- R-FEE-1, R-FEE-2


@pytest.mark.parametrize(("on", "known"), [("2018-12-31", True), ("2019-01-01", False)])
def test_fees_after_2018_are_unknown_and_the_2018_scale_is_shown(on: str, known: bool) -> None:
    rs = rules_at(dt.date.fromisoformat(on))
    scale = rs.parameter("fee_scale")
    assert scale.known is known
    assert scale.value[0] == [2, 500]
    assert "jaarlijks opnieuw vastgesteld" in scale.note or known
    assert annual_fee(Fraction(10), rs) == 500


def test_no_fee_before_2018() -> None:
    assert annual_fee(Fraction(10), rules_at(dt.date(2017, 12, 31))) is None


@pytest.mark.parametrize(("fte", "fee"), [
    (Fraction(1), None), (Fraction(2), 500), (Fraction(25) - Fraction(1, 10**6), 500),
    (Fraction(25), 950), (Fraction(1000) - Fraction(1, 10**6), 4750), (Fraction(1000), 5950),
    (Fraction(1000) + Fraction(1, 10**6), 5950)])
def test_fee_bands_on_both_sides_of_each_bound(fte: Fraction, fee: int | None) -> None:
    result = annual_fee(fte, rules_at(dt.date(2018, 6, 1)))
    assert result == (None if fee is None else Decimal(fee))


def test_exactly_1000_fte_is_a_decision_shown_in_the_assessment() -> None:
    a = assess(organisation(staff(1000), application_date="2018-06-01", peiljaar=None))
    assert a.annual_fee == 5950
    [notice] = [w for w in a.warnings if w.key.startswith("fee_band_bound")]
    assert "higher band" in notice.message
    assert "R-FEE-1" not in rules_of(assess(organisation(staff(999), peiljaar=None,
                                                         application_date="2018-06-01")))


def test_the_band_bound_can_be_overridden(tmp_path: Path) -> None:
    path = write(tmp_path, 'source = "PSO-Nederland, offerte"\n[parameters]\n'
                           'fee_on_band_bound = "lower_band"\n')
    rs = rules_at(dt.date(2018, 6, 1), load_overrides(path))
    assert annual_fee(Fraction(1000), rs) == 4750
    assert annual_fee(Fraction(25), rs) == 500
    assert annual_fee(Fraction(2), rs) == 500


def test_a_2024_fee_carries_a_notice() -> None:
    a = assess(organisation(staff(10)))
    assert a.annual_fee == 500
    [notice] = [w for w in a.warnings if w.key == "fee_unknown"]
    assert notice.rule == "R-FEE-1"
    assert "2024" in notice.message
    assert "fee_unknown" not in [w.key for w in assess(organisation(
        staff(10), application_date="2018-06-01", peiljaar=None)).warnings]


def thirty_plus_org(**kw: object) -> object:
    """Trede 3 and PSO 30+: 6 of 10 on the payroll are Wajong."""
    return organisation(staff(4) + staff(6, prefix="W", target_group="wajong"), **kw)


def test_the_cedris_voucher_is_off_by_default() -> None:
    a = assess(thirty_plus_org())
    assert a.thirty_plus.awarded
    assert a.annual_fee == 500
    assert "R-FEE-2" not in rules_of(a)


def test_the_cedris_voucher_takes_20_percent_off_a_30_plus_application() -> None:
    a = assess(thirty_plus_org(cedris_voucher=True))
    assert a.annual_fee == Decimal("400.00")
    [notice] = [w for w in a.warnings if w.rule == "R-FEE-2"]
    assert "20%" in notice.message
    assert "500" in notice.message


def test_the_cedris_voucher_needs_the_30_plus_reading() -> None:
    a = assess(organisation(staff(10) + staff(1, prefix="W", target_group="wajong"),
                            cedris_voucher=True))
    assert not a.thirty_plus.awarded
    assert a.annual_fee == 500
    assert [w.key for w in a.warnings if w.rule == "R-FEE-2"] == ["fee_voucher_not_applied"]


# ---------------------------------------------------------------- R-ORG-2


def test_an_sw_organisation_gets_the_general_method_and_a_notice() -> None:
    rows = staff(10) + staff(5, prefix="D", target_group="wsw", contract="sw_detached_out")
    plain = assess(organisation(rows))
    sw = assess(organisation(rows, sw_organisation=True))
    assert sw.total_pct == plain.total_pct
    assert "R-ORG-2" not in rules_of(plain)
    [notice] = [w for w in sw.warnings if w.rule == "R-ORG-2"]
    assert "not published" in notice.message
    assert "niet is gepubliceerd" in notice.text("nl")
    cited = rules_at(dt.date(2024, 5, 1)).parameter("sw_organisation_method")
    assert not cited.known
    assert "aparte berekening" in cited.note


def test_the_organisation_file_takes_the_new_keys(tmp_path: Path) -> None:
    path = write(tmp_path, 'name = "SW"\nkvk = ["12345678"]\napplication_date = 2024-05-01\n'
                           'sw_organisation = true\ncedris_voucher = true\n'
                           '[[employment]]\nperson = "A"\nstart = 2020-01-01\n'
                           'hours_per_week = 40\n', "org.toml")
    org = load_organisation(path)
    assert (org.sw_organisation, org.cedris_voucher) == (True, True)
    assert "R-ORG-2" in rules_of(assess_file(path))
