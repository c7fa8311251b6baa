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
    InputError,
    RuleSet,
    Status,
    assess,
    assess_file,
    load_organisation,
    load_overrides,
    norms_for,
    rules_at,
)
from psoladder.certificate import annual_fee
from psoladder.cli import run


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
    assert "banenafspraak_job_hours" in dict(notice.params)["names"]
    assert "hours a week of one banenafspraak job" in notice.message
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
    assert dict(notice.params)["names"] == ("vso_pro_pupil.weight",)
    assert "weight of VSO/PRO pupil" in notice.message
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


# ---------------------------------------------------------------- inputs the rules cannot meet


@pytest.mark.parametrize(("application", "refused"), [
    ("2023-12-31", True), ("2024-01-01", False), ("2019-05-01", True)])
def test_an_application_date_in_or_before_the_peiljaar_is_refused(application: str,
                                                                   refused: bool) -> None:
    org = organisation(staff(3))  # peiljaar 2023
    if not refused:
        assert assess(org, application_date=dt.date.fromisoformat(application)).edition == "2.1"
        return
    with pytest.raises(InputError) as info:
        assess(org, application_date=dt.date.fromisoformat(application))
    [problem] = info.value.problems
    assert problem.field == "application_date"
    assert problem.value == application
    assert "2023-01-01..2023-12-31" in problem.message
    assert "after 2023-12-31" in (problem.hint or "")


def test_the_cli_refuses_the_example_with_an_early_application_date(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["example", "--application-date", "2019-05-01"]) == 2
    err = capsys.readouterr().err
    assert "application_date" in err
    assert "Traceback" not in err


def test_norms_for_refuses_a_negative_size() -> None:
    with pytest.raises(ValueError, match="0 or more"):
        norms_for(-1, on=dt.date(2024, 5, 1))
    assert norms_for(0, on=dt.date(2024, 5, 1)).rows_used == (2,)  # not eligible: size-2 row


def partial(tmp_path: Path, *rows: str) -> RuleSet:
    text = 'source = "Handleiding 2.1, bijlage"\n' + "".join(
        f"[[norms]]\n{row}\n" for row in rows)
    return rules_at(dt.date(2024, 5, 1), load_overrides(write(tmp_path, text)))


def test_a_partial_norm_table_is_merged_row_by_row(tmp_path: Path) -> None:
    rs = partial(tmp_path, "size = 12\ntrede_1 = 6.5\ntrede_2 = 8.7\ntrede_3 = 14.9")
    user = norms_for(12, rules=rs)
    assert (user.trede_1, user.source.value, user.rows_used) == (
        Decimal("6.5"), "user_table", (12,))
    assert user.citation.status is Status.USER
    assert user.citation.source == "Handleiding 2.1, bijlage"
    published = norms_for(2, rules=rs)
    assert (published.trede_1, published.source.value) == (Decimal("21.4"), "published_row")
    assert published.citation.status is Status.PUBLISHED
    assert published.citation.source.endswith("/pso-normen")
    below = norms_for(13, rules=rs)  # the nearest row at or below is the user's
    assert (below.rows_used, below.citation.status) == ((12,), Status.USER)
    mixed = norms_for(13, rules=rs, policy="interpolate")
    assert mixed.rows_used == (12, 15)
    assert [c.status for c in mixed.citations] == [Status.USER, Status.PUBLISHED]
    assert not rs.norms.complete


def test_a_partial_table_tells_where_published_rows_are_used(tmp_path: Path) -> None:
    path = write(tmp_path, 'source = "Handleiding 2.1"\n[[norms]]\nsize = 3\ntrede_1 = 15\n'
                           "trede_2 = 20\ntrede_3 = 25\n")
    overrides = load_overrides(path)
    org = organisation(staff(20) + staff(2, prefix="W", target_group="wajong"))
    a = assess(org, overrides=overrides)
    assert a.norms.citation.status is Status.PUBLISHED
    [notice] = [w for w in a.warnings if w.key == "norms_partial_override"]
    assert "size 22" in notice.message
    small = assess(organisation(staff(3)), overrides=overrides)
    assert small.norms.source.value == "user_table"
    assert "norms_partial_override" not in [w.key for w in small.warnings]


def test_basistrede_counts_only_where_the_user_gave_it(tmp_path: Path) -> None:
    rs = partial(tmp_path, "size = 20\nbasistrede = 4.5\ntrede_1 = 5.7\ntrede_2 = 7.3\n"
                           "trede_3 = 10.8")
    given = norms_for(20, rules=rs)
    assert given.basistrede == Decimal("4.5")
    assert given.basistrede_citation is not None
    assert given.basistrede_citation.status is Status.USER
    other = norms_for(30, rules=rs)
    assert other.basistrede is None
    assert other.basistrede_unknown
