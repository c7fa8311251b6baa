"""Every input problem a user can meet is worded in English and in Dutch.

A problem built from the message table (:func:`psoladder.messages.problem`)
keeps the keys of its words, so the command line (Dutch by default) shows it
in Dutch; one built from an English string would come out in English inside
a Dutch frame. Each case below builds a bad input of one problem family and
checks that every problem has its words, that the English is as it was, and
that the Dutch has no English in it.
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.test_reports import ENGLISH

import psoladder
import psoladder.planning.forecast
import psoladder.planning.scenarios
import psoladder.pseudonym
import psoladder.rules.diff
from psoladder import limits, messages, model
from psoladder.cli import run
from psoladder.errors import InputError, Problem
from psoladder.io.orgfile import document_from_text
from psoladder.messages import TEXTS
from psoladder.periods import DateRange

BASE = """\
{top}name = "Test BV"
kvk = {kvk}
application_date = {on}
peiljaar = {peiljaar}

[[employment]]
person = "E1"
start = 2020-01-01
hours_per_week = 36
target_group = "wajong"

[[employment]]
person = "E2"
start = 2020-01-01
hours_per_week = 36
"""

PURCHASE = """
[[purchase]]
supplier = "Groenbedrijf"
amount = {amount}
supplier_turnover = 500000
supplier_fte = 40
supplier_direct_pct = 30
"""


def _org(extra: str = "", *, top: str = "", kvk: str = '["12345678"]', on: str = "2024-03-15",
         peiljaar: str = "{ start = 2023-01-01, end = 2023-12-31 }") -> str:
    """An organisation file with ``top`` keys first and ``extra`` tables last."""
    return BASE.format(top=top, kvk=kvk, on=on, peiljaar=peiljaar) + extra


def _file(text: str) -> list[Problem]:
    """The problems psoladder check finds in an organisation file ``text``."""
    with pytest.raises(InputError) as info:
        psoladder.check_file(document_from_text(text, name="org.toml"))
    return list(info.value.problems)


def _raised(call: Callable[[], object]) -> list[Problem]:
    with pytest.raises(InputError) as info:
        call()
    return list(info.value.problems)


def _example() -> psoladder.Organisation:
    return psoladder.load_example()


def _scenarios(*tables: str) -> list[Problem]:
    return _file(_org("".join(tables)))


def _too_many_entity_rows(monkeypatch: pytest.MonkeyPatch) -> list[Problem]:
    monkeypatch.setattr(model, "_LISTED", 1)
    rows = "".join(f'\n[[employment]]\nperson = "X{i}"\nstart = 2020-01-01\n'
                   f'hours_per_week = 8\nentity = "Nowhere"\n' for i in range(3))
    return _file(_org(rows))


def _streamed_entity_rows(monkeypatch: pytest.MonkeyPatch) -> list[Problem]:
    from psoladder import group

    monkeypatch.setattr(group, "MAX_PROBLEMS", 1)
    org = psoladder.Organisation(name="A", kvk="12345678", application_date="2024-05-01")
    check = group.EntityCheck(org, "loon.csv")
    row = psoladder.Employment(person="P", start="2020-01-01", hours_per_week=8,
                               entity="Nowhere")
    for line in range(2, 5):
        check(line, row)
    return _raised(check.raise_with)


def _streamed_too_many_rows(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                            target: bool) -> list[Problem]:
    from psoladder import assessment

    monkeypatch.setattr(assessment, "MAX_TARGET_GROUP_ROWS" if target else "MAX_ROWS", 1)
    (tmp_path / "loon.csv").write_text(
        "person,start,hours_per_week,target_group\nP1,2020-01-01,8,wajong\n"
        "P2,2020-01-01,8,wajong\nP3,2020-01-01,8,wajong\n", encoding="utf-8")
    org = tmp_path / "org.toml"
    org.write_text('name = "A"\nkvk = "12345678"\napplication_date = 2024-05-01\n'
                   'employments = "loon.csv"\n', encoding="utf-8")
    return _raised(lambda: psoladder.assess_file(org))


def _more_problems() -> list[Problem]:
    bad = [messages.problem("in.not_a_number", row=i, value="x") for i in range(1, 1100)]
    return list(InputError(bad).problems[-1:])


# id -> how to meet the problems (monkeypatch and tmp_path given to those that take them)
CASES: dict[str, Callable[..., list[Problem]]] = {
    # the applicant's KvK numbers (R-ORG-1)
    "kvk_digits": lambda: _file(_org(kvk='["1234", "12345678"]')),
    "kvk_twice": lambda: _file(_org(kvk='["12345678", "12345678"]')),
    "kvk_kind": lambda: _file(_org(kvk="true")),
    "kvk_none": lambda: _file(_org(kvk="[]")),
    "kvk_many": lambda: _file(_org(kvk="[" + ", ".join(
        f'"{n:08d}"' for n in range(10_000_000, 10_001_001)) + "]")),
    "supplier_kvk": lambda: _file(_org(PURCHASE.format(amount=1000)
                                       + 'supplier_kvk = "123"\n')),
    # the peiljaar (R-FTE-4)
    "peiljaar_not": lambda: _raised(lambda: psoladder.Organisation(
        name="A", kvk="12345678", application_date="2024-05-01", peiljaar=5)),
    "peiljaar_key": lambda: _file(_org(
        peiljaar="{ start = 2023-01-01, end = 2023-12-31, middle = 2023-06-01 }")),
    "peiljaar_missing": lambda: _file(_org(peiljaar="{ start = 2023-01-01 }")),
    "peiljaar_reversed": lambda: _file(_org(peiljaar="{ start = 2023-12-31, "
                                                     "end = 2023-01-01 }")),
    "peiljaar_months": lambda: _file(_org(peiljaar="{ start = 2023-01-01, "
                                                   "end = 2023-12-30 }")),
    "application_date": lambda: _file(_org(on="2023-12-31")),
    "application_date_given": lambda: _raised(lambda: psoladder.check_file(
        document_from_text(_org(), name="org.toml"), application_date=dt.date(2023, 6, 1))),
    "no_rule": lambda: _file(_org(on="2016-05-01",
                                  peiljaar="{ start = 2015-01-01, end = 2015-12-31 }")),
    "date_range": lambda: _raised(lambda: DateRange(dt.date(2024, 2, 1),
                                                    dt.date(2024, 1, 1))),
    # purchases (R-IND)
    "amount_above_turnover": lambda: _file(_org(PURCHASE.format(amount=600000))),
    "direct_and_indirect": lambda: _file(_org(PURCHASE.format(amount=1000)
                                              + "declared_as_direct = true\n")),
    "certificate": lambda: _file(_org(PURCHASE.format(amount=1000)
                                      + "certificate_valid_from = 2023-06-01\n"
                                      "certificate_valid_until = 2023-01-01\n")),
    # recertification (R-QUAL-2) and evidence (R-QUAL-1)
    "appraisals_above_sampled": lambda: _file(_org(
        "\n[recertification]\nfiles_sampled = 10\nfiles_with_appraisals = 12\n")),
    "files_not_whole": lambda: _file(_org(
        '\n[recertification]\nfiles_sampled = "ten"\nfiles_with_appraisals = 1\n')),
    "files_range": lambda: _file(_org(
        "\n[recertification]\nfiles_sampled = 0\nfiles_with_appraisals = 0\n")),
    "evidence_twice": lambda: _file(_org('\n[[evidence]]\nperson = "E1"\n'
                                         '\n[[evidence]]\nperson = "E1"\n')),
    # the applicant's group (R-ORG-1)
    "entity_not_applicant": lambda: _file(_org('\n[[entity]]\nname = "Dochter"\n'
                                               'kvk = "87654321"\n')),
    "entity_kvk_twice": lambda: _file(_org(
        '\n[[entity]]\nname = "A"\nkvk = "87654321"\n'
        '\n[[entity]]\nname = "B"\nkvk = "87654321"\n', kvk='["12345678", "87654321"]')),
    "entity_name_twice": lambda: _file(_org(
        '\n[[entity]]\nname = "Zelfde"\nkvk = "12345678"\n'
        '\n[[entity]]\nname = "zelfde"\nkvk = "87654321"\n', kvk='["12345678", "87654321"]')),
    "entity_name_kvk": lambda: _file(_org(
        '\n[[entity]]\nname = "87654321"\nkvk = "12345678"\n',
        kvk='["12345678", "87654321"]')),
    "entity_unknown": lambda: _file(_org('\n[[employment]]\nperson = "X"\n'
                                         'start = 2020-01-01\nhours_per_week = 8\n'
                                         'entity = "Nowhere"\n')),
    "entity_unknown_more": _too_many_entity_rows,
    "entity_unknown_streamed": _streamed_entity_rows,
    # the organisation file itself
    "deep_toml": lambda: _file(_org(top="x = " + "[" * 20 + "]" * 20 + "\n")),
    "deep_json": lambda: _raised(lambda: document_from_text(
        '{"a": ' + "[" * 20 + "]" * 20 + "}", name="org.json")),
    "huge_int": lambda: _raised(lambda: document_from_text(
        _org(top="x = " + "9" * 5000 + "\n"), name="org.toml")),
    "long_number": lambda: _file(_org(PURCHASE.format(amount="1" * 60 + ".5"))),
    "nan": lambda: _raised(lambda: document_from_text('{"name": NaN}', name="org.json")),
    "too_large": lambda: _raised(lambda: document_from_text(
        "#" * (limits.MAX_ORGANISATION_FILE_BYTES + 1), name="org.toml")),
    "too_many_tables": lambda: _file(_org("".join(
        f'\n[[entity]]\nname = "E{i}"\nkvk = "12345678"\n' for i in range(1001)))),
    "single_value": lambda: _file(_org('\n[[employment]]\nperson = "X"\n'
                                       "start = 2020-01-01\nhours_per_week = [8]\n"
                                       "\n[recertification]\nfiles_sampled = { a = 1 }\n")),
    "not_checked": lambda: [p for p in _file(_org("".join(
        f'\n[[employment]]\nperson = "X{i}"\nstart = 2020-01-01\nhours_per_week = "x"\n'
        for i in range(1001)))) if p.field == "employment"],
    "more_problems": _more_problems,
    "too_many_rows": lambda monkeypatch, tmp_path: _streamed_too_many_rows(
        monkeypatch, tmp_path, target=False),
    "too_many_target_rows": lambda monkeypatch, tmp_path: _streamed_too_many_rows(
        monkeypatch, tmp_path, target=True),
    # the Python API's own problems
    "not_a_list": lambda: _raised(lambda: psoladder.Organisation(
        name="A", kvk="12345678", application_date="2024-05-01", employments="x")),
    "too_many_items": lambda: _raised(lambda: model._tuple_of(
        psoladder.Employment, "employments", 1)([None, None])),
    "item_kind": lambda: _raised(lambda: psoladder.Organisation(
        name="A", kvk="12345678", application_date="2024-05-01", employments=[1])),
    "not_a_table": lambda: _raised(lambda: psoladder.Organisation(
        name="A", kvk="12345678", application_date="2024-05-01", recertification=5)),
    "too_many_persons": lambda monkeypatch: (
        monkeypatch.setattr(model, "MAX_PERSONS", 1), _file(_org()))[1],
    "too_many_target_persons": lambda monkeypatch: (
        monkeypatch.setattr(model, "MAX_TARGET_GROUP_ROWS", 0), _file(_org()))[1],
    # scenarios in the organisation file
    "scenario_list": lambda: _file(_org(top="scenario = 5\n")),
    "scenario_table": lambda: _file(_org(top="scenario = [5]\n")),
    "scenario_keys": lambda: _scenarios(
        '\n[[scenario]]\nname = "A"\nmood = 1\ndescription = 5\nextends = 5\n'
        'changes = [{ leave = "E1", on = 2024-06-01 }]\n'),
    "scenario_name": lambda: _scenarios('\n[[scenario]]\nchanges = []\n'),
    "scenario_name_twice": lambda: _scenarios(
        '\n[[scenario]]\nname = "A"\nchanges = [{ leave = "E1", on = 2024-06-01 }]\n'
        '\n[[scenario]]\nname = "A"\nchanges = [{ leave = "E1", on = 2024-06-01 }]\n'),
    "scenario_changes": lambda: _scenarios(
        '\n[[scenario]]\nname = "A"\nchanges = 5\n'
        '\n[[scenario]]\nname = "B"\n'),
    "scenario_extends": lambda: _scenarios(
        '\n[[scenario]]\nname = "A"\nextends = "Nope"\n'
        '\n[[scenario]]\nname = "B"\nextends = "C"\n'
        '\n[[scenario]]\nname = "C"\nextends = "B"\n'),
    "scenario_change_shapes": lambda: _scenarios(
        '\n[[scenario]]\nname = "A"\nchanges = [5, { on = 2024-06-01 }, '
        '{ leave = "E1", drop_purchase = 1 }, { leave = "E1", hours = 3 }, '
        '{ change_hours = "E1" }, { hire = 5 }, { buy = 5 }, { drop_purchase = 0 }]\n'),
    "scenario_apply": lambda: _raised(lambda: psoladder.planning.scenarios.scenarios_from_mapping(
        [{"name": "A", "changes": [{"leave": "Nobody", "on": "2025-01-01"}]}])["A"](
        _example())),
    # planning functions
    "leave_nothing_ends": lambda: _raised(lambda: psoladder.planning.scenarios.leave(
        psoladder.Organisation(name="A", kvk="12345678", application_date="2024-05-01",
                               employments=[psoladder.Employment(
                                   person="P", start="2020-01-01", end="2021-01-01",
                                   hours_per_week=8)]), "P", dt.date(2022, 1, 1))),
    "change_hours_rows": lambda: _raised(lambda: psoladder.planning.scenarios.change_hours(
        _example(), _example().employments[0].person, dt.date(1990, 1, 1), 8)),
    "change_hours_two_rows": lambda: _raised(lambda: psoladder.planning.scenarios.change_hours(
        psoladder.Organisation(name="A", kvk="12345678", application_date="2024-05-01",
                               employments=[psoladder.Employment(
                                   person="P", start="2020-01-01", hours_per_week=8)] * 2),
        "P", dt.date(2022, 1, 1), 8)),
    "drop_both": lambda: _raised(lambda: psoladder.planning.scenarios.drop_purchase(
        _example(), supplier="x", index=1)),
    "drop_class_both": lambda: _raised(lambda: psoladder.planning.scenarios.DropPurchase()),
    "drop_index": lambda: _raised(lambda: psoladder.planning.scenarios.drop_purchase(
        _example(), index=999)),
    "drop_supplier": lambda: _raised(lambda: psoladder.planning.scenarios.drop_purchase(
        _example(), supplier="Nobody BV")),
    "drop_supplier_none": lambda: _raised(lambda: psoladder.planning.scenarios.drop_purchase(
        psoladder.Organisation(name="A", kvk="12345678", application_date="2024-05-01"),
        supplier="Nobody BV")),
    "forecast_purchases": lambda: _raised(lambda: psoladder.planning.forecast.forecast(
        _example(), until=dt.date(2026, 1, 1), purchases="some")),
    "forecast_step": lambda: _raised(lambda: psoladder.planning.forecast.forecast(
        _example(), until=dt.date(2026, 1, 1), every="fortnight")),
    "forecast_until": lambda: _raised(lambda: psoladder.planning.forecast.forecast(
        _example(), until=dt.date(2000, 1, 1))),
    "forecast_dates": lambda monkeypatch: (
        monkeypatch.setattr(psoladder.planning.forecast, "MAX_DATES", 2),
        _raised(lambda: psoladder.planning.forecast.forecast(
            _example(), until=dt.date(2027, 1, 1), every="month")))[1],
    # pseudonyms and the rules diff
    "pseudonym_short": lambda: _raised(lambda: psoladder.pseudonym.Pseudonymiser("short")),
    "pseudonym_missing": lambda monkeypatch: (
        monkeypatch.delenv("PSOLADDER_TEST_NO_KEY", raising=False),
        _raised(lambda: psoladder.pseudonym.key_from_environment("PSOLADDER_TEST_NO_KEY")))[1],
    "diff_point": lambda: _raised(lambda: psoladder.rules.diff.rules_diff("9.9", "2.0")),
}

#: The English of every case as psoladder wrote it before its problems had
#: Dutch words (made on that code): users and scripts match on it, so it must
#: not change. A new case adds its lines; existing lines are never refreshed.
ENGLISH_BEFORE = json.loads((Path(__file__).parent / "snapshots" / "problems_en.json")
                            .read_text(encoding="utf-8"))

# English words that must not appear in a Dutch problem (words spelt the same in
# Dutch, such as in, is, of, over and scenario, are left out).
ENGLISH_WORDS = ENGLISH | {
    "a", "an", "be", "must", "has", "have", "than", "number", "numbers", "digits", "listed",
    "twice", "key", "keys", "required", "give", "write", "each", "once", "more", "before",
    "after", "ends", "starts", "entity", "entities", "name", "same", "another", "table",
    "tables", "list", "needs", "exactly", "action", "change", "item", "items",
    "larger", "longer", "characters", "file", "deeper", "nested", "nests", "levels",
    "checked", "were", "there", "lies", "use", "step", "date", "dates", "application", "its",
    "own", "text", "whole", "add", "it", "or", "but", "as", "on", "this", "by", "check",
    "amount", "turnover", "work", "may", "both", "remove", "staff", "certificate", "valid",
    "first", "last", "evidence", "applicant", "main", "subsidiaries", "problem", "problems",
    "above", "fix", "they", "often", "cause", "nothing", "works", "under", "that",
    "concurrent", "contracts", "position", "later", "years", "two", "shorter", "range",
    "secret", "random", "long", "environment", "variable", "fewer", "finite", "consecutive",
    "months", "measured", "follows", "supports", "organisation", "circle", "other",
    "extend", "named", "naming", "assumption", "pseudonymisation",
    "pseudonymising", "identifier", "payroll", "while", "exceeds", "given", "place",
}
# What the reader types (code, keys, brackets, quoted values) and identifiers.
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")
_CODE = re.compile(r"\{[^}]*\}|\[[^\]]*\]+|\S+ = \S*|\S*[_.(][\w.()\[\]-]*|\bR-[A-Z]+-\d+\b")


def _words(text: str) -> list[str]:
    """The English words of ``text``, what the reader types left out."""
    clean = _CODE.sub(" ", _QUOTED.sub(" ", text))
    return sorted({w for w in re.findall(r"[A-Za-z]+", clean) if w.lower() in ENGLISH_WORDS})


def _english(dutch: str, p: Problem) -> list[str]:
    """English words in the Dutch text of ``p`` (its user's and code values left out)."""
    assert p.words is not None
    clean = dutch
    values = [v for _, v in p.words.params if isinstance(v, str)]
    for v in sorted({*values, p.value or "", p.file or "", p.field or ""}, key=len,
                    reverse=True):
        if v:
            clean = clean.replace(v, " ")
    return _words(clean)


def _meet(case: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Problem]:
    make = CASES[case]
    given = {"monkeypatch": monkeypatch, "tmp_path": tmp_path}
    wanted = inspect.signature(make).parameters
    return make(**{k: v for k, v in given.items() if k in wanted})


@pytest.mark.parametrize("case", list(CASES))
def test_every_problem_has_dutch_words_and_its_english_is_unchanged(
        case: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    problems = _meet(case, monkeypatch, tmp_path)
    assert [str(p) for p in problems] == ENGLISH_BEFORE[case]
    for p in problems:
        assert p.words is not None, f"no Dutch words: {p}"
        params = dict(p.words.params)
        # the words say what the message says
        assert messages.text(p.words.key, "en", **params) == p.message
        if p.words.hint is not None:
            assert messages.text(p.words.hint, "en", **params) == p.hint
        assert _words(p.message), p.message  # the detector sees the English
        dutch = messages.problem_text(p, "nl")
        assert dutch != str(p)
        assert not _english(dutch, p), (dutch, _english(dutch, p))


def test_the_english_detector_finds_english() -> None:
    p = messages.problem("in.kvk_twice", field="kvk[2]", value="12345678",
                         hint="ih.entity_once")
    assert _english("veld 'kvk[2]': this KvK number is listed twice", p) == [
        "listed", "number", "this", "twice"]
    assert _english(messages.problem_text(p, "nl"), p) == []


def test_the_command_line_says_a_files_problems_in_dutch(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str],
                                                          ) -> None:
    org = tmp_path / "org.toml"
    org.write_text(_org(PURCHASE.format(amount=600000), kvk='["1234", "12345678"]'),
                   encoding="utf-8")
    assert run(["check", str(org)]) == 2
    err = capsys.readouterr().err
    assert "veld 'kvk[1]': een KvK-nummer heeft 8 cijfers (0-9) (gelezen: '1234')" in err
    assert ("veld 'purchase[1].amount': het bedrag is groter dan de omzet van de leverancier "
            "(R-IND-6) (gelezen: '600000'); controleer het bedrag en supplier_turnover "
            "(500000)") in err
    assert run(["check", str(org), "--lang", "en"]) == 2
    assert ENGLISH_BEFORE["kvk_digits"][0] in capsys.readouterr().err


def test_a_scenarios_problem_keeps_its_dutch_words() -> None:
    (p,) = CASES["scenario_apply"]()
    assert messages.problem_text(p, "nl") == (
        "veld 'scenario[1].changes[1].leave': scenario 'A': geen dienstverband van persoon "
        "'Nobody' (gelezen: 'Nobody'); geef het personeelsnummer zoals in de loonadministratie")


def test_every_input_text_has_english_and_dutch() -> None:
    for key, (en, nl) in TEXTS.items():
        if not key.startswith(("in.", "ih.")):
            continue
        assert en.strip(), key
        assert nl.strip(), key
        # the same in both only where it is code or names
        assert nl != en or not _words(en), key

