"""The level that is certain and the level that is possible (issue 17).

The ranges of the unknowns come from the rule data; the pair is computed
exactly at their ends; every admissible value drawn at random lands in the
pair; both sides of every end are tested.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import random
import tomllib
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import organisation, staff
from tests.report_cases import (
    BASISTREDE_ROWS,
    basistrede_between,
    norms_and_weight,
    students,
)

import psoladder
from psoladder import Employment, Level, Organisation, TargetGroup, assess, rules_at
from psoladder.bounds import Interval, LevelBounds, UnknownKind, level_bounds
from psoladder.errors import RuleDataError
from psoladder.explain import level_bounds_phrase, may_reach_phrase
from psoladder.levels import Position
from psoladder.report import level_bounds_sentence, render
from psoladder.rules import NormRow, RuleOverrides, RuleSet, Status
from psoladder.rules.datamodel import Admissible, Bound
from psoladder.rules.loading import _parse
from psoladder.testing import strategies as pst

ON = dt.date(2024, 5, 1)  # edition 2.1: Basistrede exists, student weights unknown
RULES = rules_at(ON)
D = Decimal


def raw_doc() -> dict[str, Any]:
    text = resources.files("psoladder.rules").joinpath("data/pso.toml").read_text("utf-8")
    return tomllib.loads(text, parse_float=Decimal)


def bounds(total: Fraction | int, weighted: Fraction | str, indirect: Fraction | int = 0,
           rules: RuleSet = RULES) -> LevelBounds:
    return level_bounds(Position(Fraction(total), Fraction(weighted), Fraction(indirect)), rules)


# ------------------------------------------------------------------ the ranges in the rule data


@pytest.mark.parametrize(("group", "shown", "conservative"), [
    (TargetGroup.STUDENT_LEVEL_1, "(0.5, 1]", D("0.5")),
    (TargetGroup.STUDENT_LEVEL_2, "(0.25, 1]", D("0.25")),
    (TargetGroup.STUDENT_LEVEL_3_4, "[0, 1]", D(0)),
])
def test_every_unknown_weight_has_its_range_with_a_reason(group: TargetGroup, shown: str,
                                                          conservative: Decimal) -> None:
    weight = RULES.target_group(group).weight
    assert weight.status is Status.UNKNOWN
    assert weight.admissible is not None
    assert str(weight.admissible) == shown
    assert weight.value == conservative == weight.admissible.low.value
    assert weight.admissible.note
    assert weight.to_dict()["admissible"]["high"] == {"value": "1", "included": True}


def test_every_unknown_weight_of_every_date_has_a_range() -> None:
    for edition in psoladder.rules.rule_data().editions:
        rules = rules_at(edition.applies_from)
        for tg in rules.target_groups.values():
            assert (tg.weight.admissible is not None) == (tg.weight.status is Status.UNKNOWN)
        for ct in rules.contract_types.values():
            assert (ct.weight.admissible is not None) == (ct.weight.status is Status.UNKNOWN)


def test_the_norm_ranges_name_their_ends() -> None:
    between = RULES.norms.between_rows
    assert between is not None
    assert between.status is Status.UNKNOWN
    assert between.rule == "R-LVL-3"
    assert between.value == "row_below"
    assert between.admissible == Admissible(Bound("row_above", True), Bound("row_below", True),
                                            between.admissible.note)
    basis = RULES.norms.basistrede
    assert basis is not None
    assert basis.admissible is not None
    assert str(basis.admissible) == "(0, trede_1)"
    assert rules_at(dt.date(2023, 3, 31)).norms.basistrede is None


def test_a_user_value_is_no_longer_unknown() -> None:
    rules = RULES.with_overrides(RuleOverrides(
        source="PSO-Handleiding 2.1", target_group_weights={TargetGroup.STUDENT_LEVEL_2: D("0.6")}))
    weight = rules.target_group(TargetGroup.STUDENT_LEVEL_2).weight
    assert weight.status is Status.USER
    assert weight.admissible is None


def _weight_entry(d: dict[str, Any], group: str = "student_level_2") -> dict[str, Any]:
    return d["target_groups"][group]["weight"][-1]  # type: ignore[no-any-return]


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda d: _weight_entry(d).pop("admissible"), "an unknown weight needs admissible"),
    (lambda d: _weight_entry(d)["admissible"].update(above=D("0.3")),
     "lower end must be the conservative value 0.25"),
    (lambda d: _weight_entry(d)["admissible"].update(at_least=D("0.25")),
     "one of at_least/above"),
    (lambda d: (_weight_entry(d)["admissible"].pop("at_most"),
                _weight_entry(d)["admissible"].update(below=1)), "upper end must be at_most"),
    (lambda d: _weight_entry(d)["admissible"].update(at_most=D("0.2")),
     "lower end 0.25 is above the upper end 0.2"),
    (lambda d: _weight_entry(d)["admissible"].update(at_most="row_above"),
     "'row_above' is not a reference"),
    (lambda d: _weight_entry(d)["admissible"].update(note=""), "say why"),
    (lambda d: _weight_entry(d)["admissible"].update(at_most=D("1E+9999")),
     "must be a number from 0 to 100"),
    (lambda d: d["target_groups"]["wajong"]["weight"][0].update(
        admissible={"at_least": 0, "at_most": 1, "note": "x"}),
     "only an unknown weight has an admissible range"),
    (lambda d: d["norms"].pop("between_rows"), r"norms\.between_rows: missing"),
    (lambda d: d["norms"]["between_rows"].update(conservative="row_above"),
     "conservative must be 'row_below'"),
    (lambda d: d["norms"]["between_rows"]["admissible"].update(at_least="row_below"),
     "at_least 'row_above'"),
    (lambda d: d["norms"]["between_rows"].pop("admissible"), "an unknown norm needs admissible"),
    (lambda d: d["norms"]["basistrede"]["admissible"].update(below="trede_9"),
     "'trede_9' is not a reference"),
    (lambda d: d["norms"]["basistrede"].update(colour="red"), r"norms\.basistrede: a table"),
    (lambda d: d["norms"]["basistrede"].update(status="published"),
     "only an unknown value has an admissible range"),
])
def test_the_schema_check_refuses_bad_ranges(mutate: Callable[[dict[str, Any]], object],
                                             message: str) -> None:
    doc = copy.deepcopy(raw_doc())
    mutate(doc)
    with pytest.raises(RuleDataError, match=message):
        _parse(doc, "test")


def test_an_admissible_range_knows_its_members() -> None:
    a = Admissible(Bound(D(0), False), Bound(D(1), True), "why")
    assert (a.contains(D(0)), a.contains(D("0.0001")), a.contains(D(1)),
            a.contains(D("1.0001"))) == (False, True, True, False)
    with pytest.raises(TypeError):
        Admissible(Bound(D(0), False), Bound("trede_1", False), "why").contains(1)
    iv = Interval(Fraction(0), Fraction(1), low_included=False)
    assert (Fraction(0) in iv, Fraction(1) in iv, "1" in iv) == (False, True, False)


# ------------------------------------------------------------------ the example


@pytest.fixture(scope="module")
def example() -> psoladder.Assessment:
    return assess(psoladder.load_example())


def test_the_example_is_trede_2_for_certain_and_trede_3_possible(
        example: psoladder.Assessment) -> None:
    assert example.level is Level.TREDE_2  # unchanged
    assert (example.level_certain, example.level_possible) == (Level.TREDE_2, Level.TREDE_3)
    b = example.level_bounds
    assert b.because == ("R-LVL-3",)
    assert [u.rule for u in b.unknowns] == ["R-LVL-3", "R-TG-7"]  # the weight does not decide
    assert b.deciding_for(Level.TREDE_3) == b.unknowns[:1]
    norms = b.unknowns[0].norms
    assert norms[Level.TREDE_3] == Interval(Fraction(46, 10), Fraction(51, 10), low_row=80,
                                            high_row=70)
    d = example.to_dict()
    assert d["level"] == "trede_2"
    assert d["level_bounds"]["certain"] == "trede_2"
    assert d["level_bounds"]["possible"] == "trede_3"
    assert d["level_bounds"]["because"] == ["R-LVL-3"]
    assert [u["decides"] for u in d["level_bounds"]["unknowns"]] == [True, False]
    assert json.loads(json.dumps(d)) == d


def test_the_example_says_it_in_one_sentence(example: psoladder.Assessment) -> None:
    assert level_bounds_sentence(example, "nl") == (
        "Trede 2 zeker; Trede 3 mogelijk — hangt af van de niet-gepubliceerde norm voor 77 fte "
        "(R-LVL-3); geef de officiële normtabel op om dit te beslissen.")
    assert level_bounds_sentence(example, "en") == (
        "Trede 2 for certain; Trede 3 possible — depends on the unpublished norm for 77 fte "
        "(R-LVL-3); supply the official norm table to decide it.")
    for fmt in ("text", "markdown", "html"):
        for lang in ("nl", "en"):
            out = render(example, fmt, lang=lang)
            assert level_bounds_sentence(example, lang) in out.replace("&#x27;", "'")
    text = render(example, "text", lang="nl")
    assert "Om zeker Trede 3 te halen" in text
    assert "Trede 3 is misschien al gehaald: dat hangt af van de niet-gepubliceerde norm" in text


def test_the_explanation_shows_both_calculations(example: psoladder.Assessment) -> None:
    e = example.explanation
    figures = e.figures()
    assert (figures["level_certain"], figures["level_possible"]) == ("trede_2", "trede_3")
    assert e.step("level_certain").calculation("nl") == [
        "wegingen op hun laagst (BBL/BOL-leerling niveau 2 = 0,25): gewogen fte doelgroep "
        "3,1544 fte, totale sociale bijdrage 4,88 %",
        "normen op hun strengst, rij 70: Trede 1 2,30 %, Trede 2 3,00 % en Trede 3 5,10 %",
        "4,88 % ≥ 3,00 % (Trede 2) en 4,88 % < 5,10 % (Trede 3)"]
    assert e.step("level_possible").calculation("en") == [
        "weights at their highest (BBL/BOL level 2 student = 1): weighted target fte 3.2732 "
        "fte, total score 5.03%",
        "norms at their lowest, row 80: Trede 1 2.00%, Trede 2 2.60% and Trede 3 4.60%",
        "5.03% ≥ 4.60% (Trede 3), the highest level"]
    gap = next(s for s in e.walk() if s.rule == "R-GAP-1" and s.figure is None)
    assert gap.title.text("en") == "to be certain of Trede 3"
    assert gap.notes[0] == may_reach_phrase(example.level_bounds, Level.TREDE_3)


def test_the_pair_is_one_computation_for_every_reader(example: psoladder.Assessment) -> None:
    streamed = psoladder.assess_file(psoladder.example_path())
    assert streamed.level_bounds.to_dict() == example.level_bounds.to_dict()
    assert repr(example).startswith(
        "<Assessment 'Schoonmaakbedrijf De Glansrijke B.V.': Trede 2 (possible: Trede 3; ")


# ------------------------------------------------------------------ both sides of every end


# Size 75 lies between the rows of 70 (Trede 3 at 5.1 %) and 80 (Trede 3 at 4.6 %).
@pytest.mark.parametrize(("pct", "certain", "possible"), [
    ("4.5999", Level.TREDE_2, Level.TREDE_2),  # below the lower neighbour's norm
    ("4.6", Level.TREDE_2, Level.TREDE_3),     # exactly at it: the end is included
    ("5.0999", Level.TREDE_2, Level.TREDE_3),  # just below the upper neighbour's norm
    ("5.1", Level.TREDE_3, Level.TREDE_3),     # exactly at it: certain
    ("2.5999", Level.TREDE_1, Level.TREDE_1),  # Trede 2: between 2.6 (row 80) and 3.0 (row 70)
    ("2.6", Level.TREDE_1, Level.TREDE_2),
    ("2.9999", Level.TREDE_1, Level.TREDE_2),
    ("3", Level.TREDE_2, Level.TREDE_2),        # exactly Trede 2 of row 70: certain
    ("1.9999", Level.NONE, Level.BASISTREDE),  # below Trede 1 of row 80: Basistrede possible
    ("2", Level.NONE, Level.TREDE_1),
    ("2.3", Level.TREDE_1, Level.TREDE_1),
])
def test_both_sides_of_the_norms_of_a_size_between_rows(pct: str, certain: Level,
                                                        possible: Level) -> None:
    b = bounds(75, Fraction(D(pct)) * 75 / 100)
    assert (b.certain, b.possible) == (certain, possible)
    assert b.certain == Position(Fraction(75), Fraction(D(pct)) * 75 / 100,
                                 Fraction(0)).level(RULES)


def test_the_norm_decides_only_between_its_ends() -> None:
    b = bounds(75, Fraction(345, 100))  # 4.6 % exactly
    assert b.because == ("R-LVL-3",)
    assert b.deciding_for(Level.TREDE_3)[0].kind is UnknownKind.NORMS
    assert bounds(75, Fraction(3825, 1000)).because == ()  # 5.1 %: decided


@pytest.mark.parametrize(("weighted", "possible"), [
    (Fraction(0), Level.NONE),                       # a score of 0 reaches no norm above 0
    (Fraction(1, 10**6), Level.BASISTREDE),          # any score above 0 may
    (Fraction(1139999, 10**6), Level.BASISTREDE),    # just below Trede 1 (5.7 % at size 20)
])
def test_both_sides_of_the_basistrede_range(weighted: Fraction, possible: Level) -> None:
    b = bounds(20, weighted)
    assert (b.certain, b.possible) == (Level.NONE, possible)
    assert [u.kind for u in b.unknowns] == [UnknownKind.BASISTREDE]
    iv = b.unknowns[0].norms[Level.BASISTREDE]
    assert (iv.low, iv.low_included, iv.high, iv.high_included) == (0, False, Fraction(57, 10),
                                                                    False)
    assert b.because == (() if possible is Level.NONE else ("R-LVL-5",))


def test_at_the_trede_1_norm_the_basistrede_no_longer_matters() -> None:
    b = bounds(20, Fraction(114, 100))  # exactly 5.7 %
    assert (b.certain, b.possible, b.unknowns) == (Level.TREDE_1, Level.TREDE_1, ())
    assert level_bounds_phrase(b) is None


def test_no_basistrede_before_edition_2_1() -> None:
    b = bounds(20, Fraction(1, 100), rules=rules_at(dt.date(2023, 3, 31)))
    assert (b.certain, b.possible, b.unknowns) == (Level.NONE, Level.NONE, ())


def _student_org(wajong_hours: str, *, group: str = "student_level_2") -> Organisation:
    # 20 fte: a student (unknown weight, 0.25 used) and a Wajong employee for the rest.
    rows = [*staff(18), Employment(person="L1", start="2020-01-01", hours_per_week=40,
                                   target_group=group),
            Employment(person="W1", start="2015-01-01", hours_per_week=D(wajong_hours),
                       target_group="wajong"),
            Employment(person="S99", start="2015-01-01", hours_per_week=40 - D(wajong_hours))]
    return organisation(rows)


@pytest.mark.parametrize(("hours", "possible"), [
    ("5.6", Level.TREDE_1),       # weight 1: 1.14 / 20 = 5.70 %, exactly the Trede 1 norm
    ("5.596", Level.BASISTREDE),  # 1.1399 / 20: just below it
])
def test_both_sides_of_the_highest_weight(hours: str, possible: Level) -> None:
    a = assess(_student_org(hours))
    assert (a.level, a.level_certain, a.level_possible) == (Level.NONE, Level.NONE, possible)
    weight = next(u for u in a.level_bounds.unknowns if u.kind is UnknownKind.WEIGHT)
    assert weight.weight == Interval(Fraction(1, 4), Fraction(1), low_included=False)
    assert weight.subject is TargetGroup.STUDENT_LEVEL_2
    expected = ("R-TG-7",) if possible is Level.TREDE_1 else ("R-LVL-5",)
    assert a.level_bounds.because == expected
    # The official weight at the upper end reaches exactly the possible level.
    official = RuleOverrides(source="test",
                             target_group_weights={TargetGroup.STUDENT_LEVEL_2: D(1)})
    assert assess(_student_org(hours), overrides=official).level == (
        Level.TREDE_1 if possible is Level.TREDE_1 else Level.NONE)


def test_just_above_the_old_weight_nothing_changes() -> None:
    # (0.25, 1]: 0.25 itself is no longer admissible, but just above it the level is the same.
    a = assess(_student_org("5.6"))
    raised = RuleOverrides(source="test",
                           target_group_weights={TargetGroup.STUDENT_LEVEL_2: D("0.2501")})
    assert assess(_student_org("5.6"), overrides=raised).level is a.level_certain


def test_a_weight_that_counts_for_nobody_is_no_unknown() -> None:
    a = assess(organisation(staff(20)))
    assert all(u.kind is not UnknownKind.WEIGHT for u in a.level_bounds.unknowns)


def test_the_weight_of_a_group_added_in_1_9_may_be_anything_up_to_1() -> None:
    a = assess(_student_org("5.6", group="student_level_3_4"))
    u = next(u for u in a.level_bounds.unknowns if u.kind is UnknownKind.WEIGHT)
    assert u.weight == Interval(Fraction(0), Fraction(1))
    assert a.level_bounds.because == ("R-TG-7a",)  # (0.14 + 1) / 20 = 5.7 %


def test_norms_and_weight_together() -> None:
    a = assess(norms_and_weight())
    b = a.level_bounds
    assert (b.certain, b.possible, b.because) == (Level.TREDE_2, Level.TREDE_3,
                                                  ("R-LVL-3", "R-TG-6"))
    assert level_bounds_sentence(a, "nl").endswith(
        "geef de officiële waarden op in een override-bestand om dit te beslissen.")


def test_basistrede_between_rows_of_a_users_table() -> None:
    a = assess(basistrede_between(), overrides=BASISTREDE_ROWS)
    b = a.level_bounds
    assert (b.certain, b.possible, b.because) == (Level.NONE, Level.BASISTREDE, ("R-LVL-3",))
    iv = b.deciding_for(Level.BASISTREDE)[0].norms[Level.BASISTREDE]
    assert (iv.low, iv.low_row, iv.high, iv.high_row) == (Fraction(6, 5), 80, Fraction(3, 2), 70)


# ------------------------------------------------------------------ overrides remove unknowns


def _row(size: int, values: tuple[Decimal, ...], basistrede: Decimal | None = None) -> NormRow:
    return NormRow(size=size, trede_1=values[0], trede_2=values[1], trede_3=values[2],
                   basistrede=basistrede)


def test_a_row_for_the_size_removes_the_unknown(example: psoladder.Assessment) -> None:
    row = RuleOverrides(source="test", norm_rows=(_row(77, (D("2.1"), D("2.7"), D("4.8"))),))
    a = assess(psoladder.load_example(), overrides=row)
    assert [u.kind for u in a.level_bounds.unknowns] == [UnknownKind.WEIGHT]
    assert a.level_certain == a.level_possible == a.level == Level.TREDE_3


def test_rows_around_the_size_narrow_its_range() -> None:
    near = RuleOverrides(source="test", norm_rows=(_row(75, (D("2.2"), D("2.8"), D("4.9"))),))
    a = assess(psoladder.load_example(), overrides=near)
    iv = a.level_bounds.unknowns[0].norms[Level.TREDE_3]
    assert (iv.low, iv.low_row, iv.high, iv.high_row) == (Fraction(46, 10), 80, Fraction(49, 10),
                                                          75)
    assert a.level_possible is Level.TREDE_3


def test_under_interpolation_the_level_lies_between_the_pair(
        example: psoladder.Assessment) -> None:
    a = assess(psoladder.load_example(), norm_policy="interpolate")
    assert (a.level_certain, a.level, a.level_possible) == (Level.TREDE_2, Level.TREDE_3,
                                                            Level.TREDE_3)
    assert a.level_bounds.to_dict() == example.level_bounds.to_dict()
    notes = a.explanation.step("level_certain")
    assert notes.exact is Level.TREDE_2
    assert repr(a).startswith("<Assessment 'Schoonmaakbedrijf De Glansrijke B.V.': Trede 3 "
                              "(certain: Trede 2; ")


def test_not_eligible_has_no_unknowns() -> None:
    b = bounds(Fraction(3, 2), Fraction(1))
    assert (b.certain, b.possible, b.unknowns, b.because) == (Level.NONE, Level.NONE, (), ())


def test_the_report_cases_name_every_sentence_of_the_pair() -> None:
    from tests.report_cases import assessments

    from psoladder.messages import TEXTS

    keys: set[str] = set()

    def collect(value: Any) -> None:
        if isinstance(value, psoladder.messages.Phrase):
            keys.add(value.key)
            for _, v in value.params:
                collect(v)
        elif isinstance(value, tuple):
            for v in value:
                collect(v)

    for a in assessments():
        for step in a.explanation.walk():
            collect((step.title, *step.calc, *step.notes, *(f.label for f in step.facts),
                     *(f.value for f in step.facts)))
    wanted = {k for k in TEXTS if k.startswith(("lb.", "x.lb_", "c.lb_", "x.level_"))}
    wanted -= {"lb.shown"}  # a step's value, not a phrase
    assert wanted <= keys, sorted(wanted - keys)
    assert "x.gap_to_certain" in keys
    texts = [render(a, "text", lang="nl") for a in (assess(students()),)]
    assert "Om zeker Trede 1 te halen" in texts[0]


# ------------------------------------------------------------------ properties


def _draw_rows(rules: RuleSet, rnd: random.Random, *, basistrede: bool) -> tuple[NormRow, ...]:
    """A full norm table (2..105) with every admissible value for the rows between.

    Rows of the table are kept; each size between two rows gets, level by
    level, a norm from its admissible range given the rows drawn before it:
    at most the previous size's norm, at least the next row's and at least
    the lower level's norm of the same size (so the levels stay in order and
    the table keeps falling). Basistrede norms lie above 0, below Trede 1
    and at most the previous size's. The ends are drawn often.
    """
    table = rules.norms
    unit = Fraction(1, 10**4)

    def pick(low: Fraction, high: Fraction) -> Decimal:
        a, b = int(low / unit), int(high / unit)  # both ends whole ten-thousandths
        k = rnd.choice([a, b, rnd.randint(a, b)]) if a < b else a
        return Decimal(k).scaleb(-4)

    levels = ("trede_1", "trede_2", "trede_3")
    rows: list[NormRow] = []
    previous_basis = Fraction(100)
    for size in range(table.smallest_size, table.open_ended_from + 1):
        known = table.row(size)
        if known is not None:
            values = [getattr(known, lv) for lv in levels]
        else:
            _, above = table.neighbours(size)
            assert above is not None
            values = []
            for i, lv in enumerate(levels):
                low = Fraction(getattr(above, lv))
                if i:
                    low = max(low, Fraction(values[i - 1]))
                values.append(pick(low, Fraction(getattr(rows[-1], lv))))
        basis = None
        if basistrede:
            basis = pick(unit, min(previous_basis, Fraction(values[0]) - unit))
            previous_basis = Fraction(basis)
        rows.append(NormRow(size=size, trede_1=values[0], trede_2=values[1],
                            trede_3=values[2], basistrede=basis))
    return tuple(rows)


def _draw_weights(rules: RuleSet, rnd: random.Random) -> dict[TargetGroup, Decimal]:
    out = {}
    for group, tg in rules.target_groups.items():
        adm = tg.weight.admissible
        if tg.weight.status is not Status.UNKNOWN or adm is None:
            continue
        low, high = int(Decimal(adm.low.value) * 10**4), int(Decimal(adm.high.value) * 10**4)
        low += 0 if adm.low.included else 1
        high -= 0 if adm.high.included else 1
        out[group] = Decimal(rnd.choice([low, high, rnd.randint(low, high)])).scaleb(-4)
    return out


def admissible_overrides(rules: RuleSet, seed: int) -> RuleOverrides:
    """Every unknown given an admissible value: a full norm table and every unknown weight."""
    rnd = random.Random(seed)
    return RuleOverrides(source="drawn admissible values",
                         target_group_weights=_draw_weights(rules, rnd),
                         norm_rows=_draw_rows(rules, rnd,
                                              basistrede=Level.BASISTREDE in rules.levels))


STUDENT_MIX = [None, TargetGroup.WAJONG, TargetGroup.WW, TargetGroup.STUDENT_LEVEL_1,
               TargetGroup.STUDENT_LEVEL_2, TargetGroup.STUDENT_LEVEL_3_4]


@st.composite
def sized_organisations(draw: st.DrawFn) -> Organisation:
    """The public strategy's organisations, with 0..110 more people working full time all year.

    The public strategy draws a few people with short rows (mostly below 2
    fte); the extra staff spread the sizes over the whole norm table, so
    that sizes between rows, every edition and scores near the norms occur.
    """
    students = draw(st.booleans())
    if students:  # the unknown weights, and fewer staff so that they weigh
        org = draw(pst.organisations(max_people=12, target_groups=STUDENT_MIX,
                                     application_date=pst.application_dates(
                                         min_value=dt.date(2021, 4, 1))))
    else:
        org = draw(pst.organisations(max_people=10))
    assert org.peiljaar is not None
    start = org.peiljaar.start - dt.timedelta(days=400)
    extra = [Employment(person=f"X{i:03d}", start=start, hours_per_week=org.fulltime_hours)
             for i in range(draw(st.integers(0, 30 if students else 110)))]
    return attrs.evolve(org, employments=(*org.employments, *extra))


@settings(max_examples=40)
@given(sized_organisations())
def test_certain_is_at_most_possible_and_is_the_level(org: Organisation) -> None:
    a = assess(org)
    b = a.level_bounds
    assert b.certain <= b.possible
    assert b.certain is a.level  # the default policy: the conservative values
    assert bool(b.because) == (b.certain < b.possible)
    assert set(b.because) <= {u.rule for u in b.unknowns}
    shown = a.explanation.figures()
    assert (shown["level_certain"], shown["level_possible"]) == (b.certain.value,
                                                                  b.possible.value)


@settings(max_examples=30)
@given(sized_organisations(), st.integers(0, 2**32))
def test_every_admissible_value_lands_in_the_pair(org: Organisation, seed: int) -> None:
    a = assess(org)
    drawn = admissible_overrides(a.rules, seed)
    official = assess(org, overrides=drawn)
    assert a.level_certain <= official.level <= a.level_possible
    # With every unknown supplied, nothing is left to decide.
    assert official.level_bounds.unknowns == ()
    assert official.level_certain == official.level_possible == official.level
    assert official.level_bounds.because == ()
