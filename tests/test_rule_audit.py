"""The rule data audit (issue 14) seen through assessments: notices, options, dates."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import organisation, staff

from psoladder import Employment, assess, load_overrides


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
