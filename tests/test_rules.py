from __future__ import annotations

import copy
import datetime as dt
import tomllib
from decimal import Decimal
from importlib import resources
from pathlib import Path

import attrs
import pytest

from psoladder import ContractType, Level, TargetGroup, norms_for, rules_at
from psoladder.errors import NoRuleInForce, RuleDataError
from psoladder.rules import SourceQuality, Status, load_overrides, rule_data, secondary_notices
from psoladder.rules.loading import _parse

EDITIONS = [("1.5", "2017-04-01"), ("1.6", "2018-04-01"), ("1.7", "2019-04-01"),
            ("1.8", "2020-04-01"), ("1.9", "2021-04-01"), ("2.0", "2022-04-01"),
            ("2.1", "2023-04-01")]

PUBLISHED_NORMS = {
    2: ("21.4", "28.0", "33.0"), 5: ("12.6", "17.0", "22.0"), 10: ("6.7", "9.0", "15.5"),
    15: ("6.2", "8.0", "13.0"), 20: ("5.7", "7.3", "10.8"), 25: ("5.2", "6.6", "9.8"),
    30: ("4.7", "6.1", "8.9"), 35: ("4.2", "5.6", "8.4"), 40: ("3.7", "5.1", "7.9"),
    45: ("3.4", "4.6", "7.4"), 50: ("3.0", "3.7", "6.8"), 60: ("2.6", "3.4", "5.7"),
    70: ("2.3", "3.0", "5.1"), 80: ("2.0", "2.6", "4.6"), 90: ("1.7", "2.3", "4.2"),
    100: ("1.5", "2.1", "3.9"), 105: ("1.4", "1.9", "3.7"),
}

ALL_DATES = [dt.date.fromisoformat(d) for _, d in EDITIONS] + [dt.date(2026, 11, 29)]


def raw_doc() -> dict:
    text = resources.files("psoladder.rules").joinpath("data/pso.toml").read_text("utf-8")
    return tomllib.loads(text, parse_float=Decimal)


@pytest.mark.parametrize(("edition", "start"), EDITIONS)
def test_edition_boundaries(edition: str, start: str) -> None:
    day = dt.date.fromisoformat(start)
    assert rules_at(day).edition.name == edition
    before = day - dt.timedelta(days=1)
    if edition == "1.5":
        with pytest.raises(NoRuleInForce, match="2017-04-01"):
            rules_at(before)
    else:
        previous = EDITIONS[[e for e, _ in EDITIONS].index(edition) - 1][0]
        assert rules_at(before).edition.name == previous


def test_no_rule_before_first_edition_is_a_pso_error() -> None:
    from psoladder import PsoError

    with pytest.raises(PsoError):
        rules_at(dt.date(2016, 1, 1))


def test_after_last_known_edition_notice_boundary() -> None:
    assert rules_at(dt.date(2024, 3, 31)).notices() == ()
    notices = rules_at(dt.date(2024, 4, 1)).notices()
    assert [n.rule for n in notices] == ["R-ED-3"]
    assert "2.1" in notices[0].message


def test_rules_at_refuses_datetime() -> None:
    with pytest.raises(TypeError):
        rules_at(dt.datetime(2024, 5, 1))  # type: ignore[arg-type]


@pytest.mark.parametrize("on", ALL_DATES)
@pytest.mark.parametrize("size", sorted(PUBLISHED_NORMS))
def test_every_published_norm_row_with_citation(on: dt.date, size: int) -> None:
    n = norms_for(size, on=on)
    assert (n.trede_1, n.trede_2, n.trede_3) == tuple(Decimal(v) for v in PUBLISHED_NORMS[size])
    assert n.source.value == "published_row"
    assert n.citation.rule == "R-LVL-2"
    assert n.citation.source.endswith("/pso-normen")
    assert n.citation.applies_from == dt.date(2017, 4, 1)


def test_basistrede_exists_from_2_1_and_is_unknown() -> None:
    assert Level.BASISTREDE not in rules_at(dt.date(2023, 3, 31)).levels
    rs = rules_at(dt.date(2023, 4, 1))
    assert Level.BASISTREDE in rs.levels
    n = norms_for(20, rules=rs)
    assert n.basistrede is None
    assert n.basistrede_unknown
    assert n.basistrede_citation is not None
    assert n.basistrede_citation.status is Status.UNKNOWN
    assert not norms_for(20, on=dt.date(2023, 3, 31)).basistrede_unknown


@pytest.mark.parametrize("on", ALL_DATES)
def test_every_weight_is_cited(on: dt.date) -> None:
    rs = rules_at(on)
    assert set(rs.target_groups) == set(TargetGroup)
    assert set(rs.contract_types) == set(ContractType)
    for cited in rs.cited_values():
        assert cited.rule.startswith("R-")
        assert cited.source.startswith("http")
        assert cited.applies_from <= on
        assert isinstance(cited.status, Status)
        assert cited.quality is not SourceQuality.USER
        assert cited.name, cited
        if cited.source.startswith("https://psoladder."):
            assert cited.quality is SourceQuality.PSOLADDER


def test_every_source_declares_its_quality_once() -> None:
    data = rule_data()
    for key, source in data.sources.items():
        assert source.key == key
        assert source.publisher
        if "pso-nederland.nl" in source.url or source.publisher.startswith("TNO"):
            assert source.quality is SourceQuality.PRIMARY, key
    assert data.sources["S-LOCUS"].quality is SourceQuality.SECONDARY
    assert data.sources["S-BA"].quality is SourceQuality.SECONDARY
    assert data.sources["S-PSOLADDER"].quality is SourceQuality.PSOLADDER


def test_citation_shows_status_and_quality() -> None:
    rs = rules_at(dt.date(2024, 5, 1))
    cap = rs.decimal("max_indirect_share")
    assert "(published, primary source, from 2017-04-01;" in cap.citation()
    assert cap.to_dict()["quality"] == "primary"
    assert "(decision, psoladder's decisions page," in rs.decimal("person_fte_cap").citation()
    assert "secondary source only" in rs.decimal("banenafspraak_job_hours").citation()


def test_secondary_notices_one_per_rule_and_source_never_for_user_values() -> None:
    rs = rules_at(dt.date(2024, 5, 1))
    hours = rs.decimal("banenafspraak_job_hours")
    groups = rs.codes("banenafspraak_groups")
    notices = secondary_notices([hours, groups, hours, rs.decimal("max_indirect_share")])
    assert [n.rule for n in notices] == ["R-BA-1"]
    assert dict(notices[0].params)["names"][:2] == ("banenafspraak_job_hours",
                                                   "banenafspraak_groups")
    assert "secundaire bron" in notices[0].text("nl")
    user = attrs.evolve(hours, status=Status.USER, quality=SourceQuality.USER)
    assert secondary_notices([user]) == ()


@pytest.mark.parametrize(("group", "weight"), [
    ("wsw", "1"), ("participatiewet", "1"), ("participatiewet_lks", "1"), ("wia_wao_waz", "1"),
    ("wajong", "1"), ("student_level_1", "0.5"), ("student_level_2", "0.25"), ("vso_pro", "1"),
    ("ww", "0.75"), ("wiw_id", "1"), ("status_lost_2y", "1"), ("young_disabled_wml", "1"),
    ("doelgroepregister", "1"),
])
def test_published_target_group_weights(group: str, weight: str) -> None:
    tg = rules_at(dt.date(2020, 5, 1)).target_group(TargetGroup(group))
    assert tg.weight.value == Decimal(weight)
    assert tg.weight.status is Status.PUBLISHED


@pytest.mark.parametrize(("contract", "weight"), [
    ("regular", "1"), ("supported", "1"), ("secondment_flex", "0.9"), ("placement", "0.75"),
    ("trial", "0.5"), ("sw_detached_out", "0"),
])
def test_published_contract_weights(contract: str, weight: str) -> None:
    ct = rules_at(dt.date(2020, 5, 1)).contract_type(ContractType(contract))
    assert ct.weight.value == Decimal(weight)


@pytest.mark.parametrize(("group", "before", "after", "conservative"), [
    ("student_level_1", Status.PUBLISHED, Status.UNKNOWN, "0.5"),
    ("student_level_2", Status.PUBLISHED, Status.UNKNOWN, "0.25"),
])
def test_student_weights_unknown_from_1_9(group: str, before: Status, after: Status,
                                          conservative: str) -> None:
    old = rules_at(dt.date(2021, 3, 31)).target_group(TargetGroup(group)).weight
    new = rules_at(dt.date(2021, 4, 1)).target_group(TargetGroup(group)).weight
    assert (old.status, new.status) == (before, after)
    assert new.value == Decimal(conservative)
    assert not new.known
    assert "value used; official value unknown" in new.citation()


@pytest.mark.parametrize(("on", "weight", "quality"), [
    ("2017-04-01", "0.5", SourceQuality.PRIMARY), ("2019-03-31", "0.5", SourceQuality.PRIMARY),
    ("2019-04-01", "1", SourceQuality.SECONDARY), ("2024-05-01", "1", SourceQuality.SECONDARY)])
def test_vso_pro_pupils_weigh_1_from_1_7(on: str, weight: str, quality: SourceQuality) -> None:
    rs = rules_at(dt.date.fromisoformat(on))
    tg = rs.target_group(TargetGroup.VSO_PRO_PUPIL)
    assert tg.rule == "R-TG-6b"
    assert tg.available.value
    assert (tg.weight.value, tg.weight.status, tg.weight.quality) == (
        Decimal(weight), Status.PUBLISHED, quality)
    assert "vso" in tg.weight.note.lower()  # the sentence it rests on
    # BBL/BOL level 1 keeps 0.5 (unknown from 1.9)
    assert rs.target_group(TargetGroup.STUDENT_LEVEL_1).weight.value == Decimal("0.5")
    assert "VSO" not in rs.target_group(TargetGroup.STUDENT_LEVEL_1).label_en


@pytest.mark.parametrize("on", ALL_DATES)
def test_vso_pro_pupils_are_not_30_plus(on: dt.date) -> None:
    excluded = rules_at(on).codes("thirty_plus_excluded_groups").value
    assert {"student_level_1", "vso_pro_pupil", "student_level_2"} <= excluded


def test_student_level_3_4_from_1_9_weighs_zero_and_unknown() -> None:
    before = rules_at(dt.date(2021, 3, 31)).target_group(TargetGroup.STUDENT_LEVEL_3_4)
    after = rules_at(dt.date(2021, 4, 1)).target_group(TargetGroup.STUDENT_LEVEL_3_4)
    assert not before.available.value
    assert after.available.value
    assert after.weight.value == 0
    assert after.weight.status is Status.UNKNOWN


@pytest.mark.parametrize(("on", "years"), [("2019-03-31", 3), ("2019-04-01", 5)])
def test_participatiewet_window_years(on: str, years: int) -> None:
    tg = rules_at(dt.date.fromisoformat(on)).target_group(TargetGroup.PARTICIPATIEWET)
    assert tg.window_years is not None
    assert tg.window_years.value == years


@pytest.mark.parametrize(("on", "extensions", "status"), [
    ("2017-04-01", 1, Status.DECISION), ("2021-03-31", 1, Status.DECISION),
    ("2021-04-01", 2, Status.PUBLISHED), ("2023-03-31", 2, Status.PUBLISHED),
    ("2023-04-01", 1, Status.PUBLISHED)])
def test_aspirant_extensions(on: str, extensions: int, status: Status) -> None:
    cited = rules_at(dt.date.fromisoformat(on)).integer("aspirant_extensions")
    assert (cited.value, cited.status) == (extensions, status)
    if status is Status.DECISION:
        assert "teruggebracht naar eenmaal verlenging" in cited.note
        assert cited.source.endswith("versie-2.1-")


@pytest.mark.parametrize(("group", "on", "years"), [
    ("nug_sroi", "2018-04-01", 3), ("nug_sroi", "2019-04-01", 5),
    ("statushouder", "2019-03-31", 3), ("statushouder", "2019-04-01", 5),
    ("temporary_protection", "2023-04-01", 5)])
def test_windows_inferred_from_participatiewet_are_decisions(group: str, on: str,
                                                              years: int) -> None:
    tg = rules_at(dt.date.fromisoformat(on)).target_group(TargetGroup(group))
    assert tg.window_years is not None
    assert (tg.window_years.value, tg.window_years.status) == (years, Status.DECISION)
    assert "Participatiewet" in tg.window_years.note
    assert tg.weight.status is Status.PUBLISHED


def test_participatiewet_window_itself_stays_published() -> None:
    tg = rules_at(dt.date(2024, 5, 1)).target_group(TargetGroup.PARTICIPATIEWET)
    assert tg.window_years is not None
    assert tg.window_years.status is Status.PUBLISHED


def test_edition_1_6_cites_the_handleiding_page() -> None:
    edition = rules_at(dt.date(2018, 4, 1)).edition
    assert (edition.name, edition.source) == (
        "1.6", "https://pso-nederland.nl/direct-meten-en-aanvragen/wat-meet-en-certificeert-de-pso"
               "/pso-handleiding")


def test_norms_are_undated_and_the_late_notice_says_they_may_have_changed() -> None:
    rs = rules_at(dt.date(2024, 4, 1))
    assert "tweejaarlijks" in rs.norms.citation.note
    [notice] = rs.notices()
    assert "norms may have changed" in notice.message
    assert "normen kunnen gewijzigd zijn" in notice.text("nl")


def test_scalar_rule_values() -> None:
    rs = rules_at(dt.date(2024, 5, 1))
    assert rs.decimal("max_indirect_share").value == Decimal("0.80")
    assert rs.decimal("min_total_fte").value == 2
    assert rs.decimal("fulltime_hours_default").value == 40
    assert rs.decimal("banenafspraak_job_hours").value == Decimal("25.5")
    assert rs.decimal("thirty_plus_min_share").value == Decimal("0.30")
    assert rs.integer("certificate_validity_years").value == 2
    assert rs.integer("aspirant_validity_years").value == 2


def test_fee_scale_from_2018() -> None:
    assert "fee_scale" not in rules_at(dt.date(2017, 12, 31)).parameters
    assert rules_at(dt.date(2018, 1, 1)).parameter("fee_scale").rule == "R-FEE-1"


def test_shipped_data_passes_the_schema_check() -> None:
    rule_data.cache_clear()
    assert rule_data().first_date == dt.date(2017, 4, 1)


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda d: d["editions"].reverse(), "must follow"),
    (lambda d: d["target_groups"].pop("wajong"), "target_groups.wajong: missing"),
    (lambda d: d["parameters"]["min_total_fte"]["values"][0].update(source="S-NOPE"),
     "not a key of"),
    (lambda d: d["parameters"]["min_total_fte"]["values"][0].pop("value"), "needs a 'value'"),
    (lambda d: d["parameters"]["aspirant_extensions"]["values"].reverse(), "dates must increase"),
    (lambda d: d["norms"]["rows"][3].update(trede_1=Decimal(50)), "trede_1 <= trede_2"),
    (lambda d: d["norms"]["rows"][5].update(trede_3=Decimal(14)), "norms fall"),
    (lambda d: d["target_groups"]["ww"]["weight"][0].update(status="guess"), "status must be"),
    (lambda d: d["target_groups"]["student_level_3_4"]["weight"][0].update(value=1),
     "unknown value has no 'value'"),
    (lambda d: d["parameters"]["thirty_plus_excluded_groups"]["values"][0]["value"].append("x"),
     "not a TargetGroup code"),
    (lambda d: d["sources"]["S-NORMS"].pop("quality"), r"sources\.S-NORMS: give"),
    (lambda d: d["parameters"]["min_total_fte"]["values"][0].update(satus="published"),
     r"min_total_fte\[0\]: an entry has only the keys"),
    (lambda d: d["parameters"]["min_total_fte"].update(unit="parsecs"),
     "unit 'parsecs' is not one of"),
    (lambda d: d["parameters"]["min_total_fte"].update(colour="red"), "unknown key"),
    (lambda d: d["target_groups"]["ww"]["weight"][0].update(value=Decimal(2)),
     r"ww\.weight\[0\]: must be a number from 0 to 1"),
    (lambda d: d["parameters"]["fee_scale"]["values"][1].update(conservative=[[2, 500, 1]]),
     r"fee_scale\[1\]\[0\]: must be \[from_fte, fee\]"),
    (lambda d: d["sources"]["S-NORMS"].update(quality="tertiary"), "quality: must be one of"),
    (lambda d: d["sources"]["S-NORMS"].update(quality="user"), "quality: must be one of"),
])
def test_schema_check_reports_problems(mutate, message: str) -> None:  # type: ignore[no-untyped-def]
    doc = copy.deepcopy(raw_doc())
    mutate(doc)
    with pytest.raises(RuleDataError, match=message):
        _parse(doc, "test")


# ---------------------------------------------------------------- overrides


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "override.toml"
    path.write_text(text, encoding="utf-8")
    return path


def full_table(basistrede: bool) -> str:
    rows = []
    for size in range(2, 106):
        base = Decimal(40) / size
        b = f"basistrede = {base:.2f}, " if basistrede else ""
        rows.append(f"{{ size = {size}, {b}trede_1 = {base * 2:.2f}, trede_2 = {base * 3:.2f}, "
                    f"trede_3 = {base * 4:.2f} }}")
    return "norms = [\n" + ",\n".join(rows) + "\n]\n"


def test_override_full_table_replaces_policy(tmp_path: Path) -> None:
    path = write(tmp_path, 'source = "Handleiding 2.1 (official table)"\n' + full_table(True))
    rs = rules_at(dt.date(2024, 5, 1), load_overrides(path))
    n = norms_for(12, rules=rs)
    assert n.source.value == "user_table"
    assert n.basistrede == Decimal("3.33")
    assert not n.basistrede_unknown
    assert n.citation.status is Status.USER
    assert n.citation.source == "Handleiding 2.1 (official table)"


def test_override_weights_and_parameters(tmp_path: Path) -> None:
    path = write(tmp_path, 'source = "official"\n[target_groups.student_level_1]\nweight = 0.6\n'
                           '[contract_types.trial]\nweight = 0.4\n[parameters]\n'
                           'max_indirect_share = 0.75\n')
    rs = rules_at(dt.date(2024, 5, 1), load_overrides(path))
    w = rs.target_group(TargetGroup.STUDENT_LEVEL_1).weight
    assert (w.value, w.status, w.known) == (Decimal("0.6"), Status.USER, True)
    assert rs.contract_type(ContractType.TRIAL).weight.value == Decimal("0.4")
    assert rs.decimal("max_indirect_share").value == Decimal("0.75")


@pytest.mark.parametrize(("text", "message"), [
    ("[parameters]\nx = 1\n", "source"),
    ('source = "x"\n[target_groups.nope]\nweight = 1\n', "not a target group code"),
    ('source = "x"\n[target_groups.wajong]\nweight = 2\n', "from 0 to 1"),
    ('source = "x"\n[tables]\n', "unknown table"),
    ('source = "x"\n[[norms]]\nsize = 2\ntrede_1 = 5\n', "needs size"),
    ('source = "x"\n[[norms]]\nsize = 2\ntrede_1 = 5\ntrede_2 = 4\ntrede_3 = 6\n', "must not fall"),
])
def test_bad_override_files(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(RuleDataError, match=message):
        load_overrides(write(tmp_path, text))


def test_override_of_a_group_that_does_not_exist_yet(tmp_path: Path) -> None:
    path = write(tmp_path, 'source = "x"\n[target_groups.temporary_protection]\nweight = 1\n')
    with pytest.raises(RuleDataError, match=r"not a target group under edition 2\.0"):
        rules_at(dt.date(2023, 3, 31), load_overrides(path))


def test_the_generated_reference_shows_source_quality_and_the_decisions() -> None:
    import sys

    docs = str(Path(__file__).parent.parent / "docs")
    sys.path.insert(0, docs)
    try:
        from rules_reference import render
    finally:
        sys.path.remove(docs)
    text = render()
    assert "| S-LOCUS | Locus" in text
    pupil = next(line for line in text.splitlines()
                 if line.startswith("| `target_groups.vso_pro_pupil.weight` | 2019-04-01"))
    assert "secondary only" in pupil
    decisions = text[text.index("## Decisions in the rule data"):]
    for rule, name in [("R-LVL-6", "aspirant_extensions"), ("R-TG-2a", "nug_sroi.window_years"),
                       ("R-TG-2c", "temporary_protection.window_years"),
                       ("R-FEE-1", "fee_on_band_bound"), ("R-30-4", "thirty_plus_total_contracts")]:
        assert f"| {rule} | `" in decisions
        assert name in decisions
