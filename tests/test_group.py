"""The applicant's whole group (issue 15, R-ORG-1): entities, per-entity figures, located errors."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from tests.conftest import PEILJAAR_2023, purchase, staff

import psoladder
from psoladder import Employment, Entity, InputError, Organisation, assess
from psoladder.cli import run
from psoladder.messages import Phrase
from psoladder.report import render

KVK = ["12345678", "87654321"]
ENTITIES = [Entity(name="Glansrijke Schoonmaak", kvk="12345678"),
            Entity(name="Glansrijke Zorg", kvk="87654321")]


def organisation(rows: list[Employment], *, purchases: list[psoladder.Purchase] | None = None,
                 **kw: object) -> Organisation:
    fields: dict[str, object] = {"name": "Test B.V.", "kvk": ["12345678"],
                                 "application_date": "2024-05-01", "peiljaar": PEILJAAR_2023}
    return Organisation(**{**fields, **kw}, employments=rows,  # type: ignore[arg-type]
                        purchases=purchases or [])


def _rows() -> list[Employment]:
    rows = staff(10, hours=40) + staff(4, hours=20, prefix="Z", entity="Glansrijke Zorg")
    rows += [
        Employment(person="W1", start="2020-01-01", hours_per_week=32, target_group="wajong"),
        Employment(person="W2", start="2021-03-01", hours_per_week=24, entity="87654321",
                   target_group="participatiewet"),
        # one person working at both entities, above full time together: capped (R-FTE-3)
        Employment(person="X1", start="2023-01-01", hours_per_week=30),
        Employment(person="X1", start="2023-07-01", hours_per_week=20, entity="glansrijke  zorg"),
    ]
    return rows


def _group() -> Organisation:
    return organisation(_rows(), purchases=[purchase(100000, entity="Glansrijke Zorg"),
                                            purchase(50000)],
                        kvk=KVK, entities=ENTITIES)


def _figures(a: psoladder.Assessment) -> tuple[object, ...]:
    return (a.exact_total_fte, a.exact_weighted, a.exact_indirect_fte, a.exact.total_pct,
            a.level, a.size, a.thirty_plus.share, a.banenafspraak.jobs)


def test_a_group_of_two_entities_has_the_totals_of_one_organisation_with_all_rows() -> None:
    group = assess(_group())
    flat = assess(organisation([attrs.evolve(e, entity=None) for e in _rows()],
                               purchases=[purchase(100000), purchase(50000)]))
    assert _figures(group) == _figures(flat)
    assert not flat.group.shown
    assert group.group.shown


def test_per_entity_figures_add_up_and_are_right() -> None:
    a = assess(_group())
    main, zorg = a.group.entities
    assert (main.entity.name, main.main, zorg.entity.name, zorg.main) == (
        "Glansrijke Schoonmaak", True, "Glansrijke Zorg", False)
    assert sum(e.exact_total_fte for e in a.group.entities) == a.exact_total_fte
    assert sum(e.exact_weighted for e in a.group.entities) == a.exact_weighted
    assert sum(e.exact_indirect_fte for e in a.group.entities) == a.exact_indirect_fte
    # X1: 30 h all year; from July 20 h more at the other entity, capped to 40 h together
    days = PEILJAAR_2023.days
    h1, h2 = 181, days - 181
    x1_main = (30 * h1 + Fraction(30 * 40, 50) * h2) / (40 * days)
    x1_zorg = Fraction(20 * 40 * h2, 50) / (40 * days)
    assert main.exact_total_fte == 10 + Fraction(32, 40) + x1_main
    assert zorg.exact_total_fte == 4 * Fraction(20, 40) + Fraction(24, 40) + x1_zorg
    assert (main.persons, zorg.persons) == (12, 6)  # X1 counts at both
    assert main.exact_weighted == Fraction(32, 40)
    assert zorg.exact_weighted == a.exact_weighted - Fraction(32, 40) > 0
    assert zorg.exact_indirect_fte == a.purchases.purchases[0].counted_fte
    assert (main.purchases, zorg.purchases) == (1, 1)


def test_the_report_json_and_explanation_show_the_entities() -> None:
    a = assess(_group())
    text = render(a, "text", lang="en")
    assert "Entities of the applicant" in text
    assert "Glansrijke Schoonmaak (main organisation)" in text
    d = json.loads(render(a, "json", lang="en", explain=True))
    assert [e["name"] for e in d["entities"]] == ["Glansrijke Schoonmaak", "Glansrijke Zorg"]
    total = sum(Fraction(e["total_fte"]) for e in d["entities"])
    assert abs(total - Fraction(d["total_fte"])) < Fraction(1, 10**25)  # 28 digits each
    step = a.explanation.step("entities")
    assert [c.exact for c in step.children] == [e.exact_total_fte for e in a.group.entities]
    w2 = next(s for s in a.explanation.walk()
              if s.title.params[:1] == (("row", Phrase.of("x.row_inline", row=16)),))
    assert ("entity", "87654321") in [(f.label.text("en"), f.value) for f in w2.facts]
    # an organisation that names no entity keeps its report and JSON as they were
    plain = assess(organisation(staff(3)))
    assert "entities" not in plain.to_dict()
    assert "Entit" not in render(plain, "text", lang="en")


def test_group_defaults_name_every_kvk_number() -> None:
    org = organisation(staff(2), kvk=KVK, name="Glansrijke")
    assert [(e.name, e.kvk) for e in org.group] == [("Glansrijke", "12345678"),
                                                      ("KvK 87654321", "87654321")]
    assert org.entity(None) == org.entity("12345678") == org.group[0]
    assert org.entity(" GLANSRIJKE ") == org.group[0]
    with pytest.raises(KeyError):
        org.entity("Elders")


def test_rows_and_purchases_naming_an_unknown_entity_are_located_errors() -> None:
    with pytest.raises(InputError) as info:
        organisation([*staff(2), Employment(person="Q", start="2020-01-01", hours_per_week=8,
                                            entity="Elders B.V.")],
                     purchases=[purchase(10, entity="11112222")], kvk=KVK, entities=ENTITIES)
    fields = [(p.field, p.value) for p in info.value.problems]
    assert fields == [("employments[3].entity", "Elders B.V."),
                      ("purchases[1].entity", "11112222")]
    assert "Glansrijke Zorg (KvK 87654321)" in info.value.problems[0].hint


def test_entities_must_name_the_applicants_kvk_numbers_once() -> None:
    with pytest.raises(InputError) as info:
        organisation(staff(2), kvk=KVK, entities=[
            Entity(name="A", kvk="12345678"), Entity(name="a", kvk="11112222"),
            Entity(name="B", kvk="12345678")])
    assert [p.field for p in info.value.problems] == [
        "entities[2].kvk", "entities[2].name", "entities[3].kvk"]
    with pytest.raises(InputError, match="8 digits"):
        Entity(name="A", kvk="1234")


def test_a_purchase_from_an_entity_of_the_group_does_not_count() -> None:
    inside = [purchase(100000, supplier="glansrijke zorg"),
              purchase(100000, supplier="Zorgbedrijf", supplier_kvk="87654321"),
              purchase(100000, supplier="Elders")]
    a = assess(organisation(staff(20), purchases=inside, kvk=KVK, entities=ENTITIES))
    counted = [p.counted for p in a.purchases.purchases]
    assert counted == [False, False, True]
    reason = a.purchases.purchases[0].reason
    assert reason is not None
    assert (reason.rule, reason.key) == ("R-ORG-1", "p.in_group")
    assert "KvK 87654321" in reason.text("nl")
    assert any(w.key == "purchases_not_counted" for w in a.warnings)
    # the decision is rule data and can be overridden
    allow = psoladder.RuleOverrides(source="a test",
                                    parameters={"group_purchases_count": True})
    b = assess(organisation(staff(20), purchases=inside, kvk=KVK, entities=ENTITIES),
               overrides=allow)
    assert [p.counted for p in b.purchases.purchases] == [True, True, True]


PAYROLL = ("person,start,hours_per_week,target_group,kvk\n"
           "A1,2020-01-01,40,,\n"
           "A2,2020-01-01,40,,12345678\n"
           "Z1,2020-01-01,20,wajong,87654321\n"
           "Z2,2020-01-01,20,,Glansrijke Zorg\n")


def _files(tmp_path: Path, payroll: str = PAYROLL, extra: str = "") -> Path:
    (tmp_path / "payroll.csv").write_text(payroll, encoding="utf-8")
    org = tmp_path / "org.toml"
    org.write_text(
        'name = "Glansrijke Groep"\nkvk = ["12345678", "87654321"]\n'
        "application_date = 2024-05-01\n"
        'employments = "payroll.csv"\n'
        '[[entity]]\nname = "Glansrijke Zorg"\nkvk = "87654321"\n' + extra, encoding="utf-8")
    return org


def test_files_read_the_entity_column_on_both_paths(tmp_path: Path) -> None:
    path = _files(tmp_path)
    loaded = assess(psoladder.load_organisation(path))
    streamed = psoladder.assess_file(path)
    assert _figures(loaded) == _figures(streamed)
    for a in (loaded, streamed):
        assert [e.exact_total_fte for e in a.group.entities] == [2, 1]
        assert [e.persons for e in a.group.entities] == [2, 2]
        assert [e.exact_weighted for e in a.group.entities] == [0, Fraction(1, 2)]


def test_unknown_entities_in_files_are_located(tmp_path: Path) -> None:
    payroll = PAYROLL + "Q1,2020-01-01,8,,Elders\nQ2,2020-01-01,8,,11112222\n"
    path = _files(tmp_path, payroll, '[[employment]]\nperson = "I1"\nstart = 2020-01-01\n'
                  'hours_per_week = 8\nentity = "Nergens"\n'
                  '[[purchase]]\nsupplier = "X"\namount = 10\nsupplier_turnover = 100\n'
                  'supplier_fte = 1\nsupplier_direct_pct = 10\nentity = "Nergens"\n'
                  '[[entity]]\nname = "Derde"\nkvk = "11112222"\n')
    expected = [("payroll.csv", 6, "entity"), ("payroll.csv", 7, "entity")]
    with pytest.raises(InputError) as info:
        psoladder.load_organisation(path)
    located = [(p.file, p.row, p.field) for p in info.value.problems]
    assert located == [("org.toml", None, "entity[2].kvk")]
    path.write_text(path.read_text("utf-8").replace(
        '[[entity]]\nname = "Derde"\nkvk = "11112222"\n', ""), encoding="utf-8")
    with pytest.raises(InputError) as info:
        psoladder.load_organisation(path)
    located = [(p.file, p.row, p.field) for p in info.value.problems]
    # the organisation's own rows come before the payroll's (issue 16)
    assert located == [("org.toml", None, "employment[1].entity"), *expected,
                       ("org.toml", None, "purchase[1].entity")]
    # streaming: the organisation file is read before its payroll
    with pytest.raises(InputError) as info:
        psoladder.assess_file(path)
    located = [(p.file, p.row, p.field) for p in info.value.problems]
    assert located == [("org.toml", None, "employment[1].entity"),
                       ("org.toml", None, "purchase[1].entity")]
    path = _files(tmp_path, payroll)
    with pytest.raises(InputError) as info:
        psoladder.assess_file(path)
    assert [(p.file, p.row, p.field) for p in info.value.problems] == expected


def test_cli_reports_unknown_entities_with_exit_status_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _files(tmp_path, PAYROLL + "Q1,2020-01-01,8,,Elders\n")
    assert run(["assess", str(path), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "payroll.csv, row 6, field 'entity': not an entity of the applicant's group" in err
    assert "Traceback" not in err
