"""The rule data audit (issue 14) seen through assessments: notices, options, dates."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from tests.conftest import organisation, staff

from psoladder import AspirantPlan, Employment, assess, load_overrides


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
