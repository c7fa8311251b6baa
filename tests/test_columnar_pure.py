"""The validating engine's share of issue 11 (no extra needed): one pass, summaries as columns."""

from __future__ import annotations

import random
from fractions import Fraction
from pathlib import Path

import pytest

import psoladder
from psoladder import assess, assess_file, load_organisation
from psoladder.fte import Persons, Summaries, decimal_units, exact_hour_days

LARGE = Path(__file__).parent.parent / "examples" / "large"


def copy(folder: Path, shuffle: bool) -> Path:
    lines = (LARGE / "payroll.csv").read_text("utf-8").splitlines()
    body = lines[1:]
    if shuffle:
        random.Random(11).shuffle(body)
    (folder / "payroll.csv").write_text("\n".join([lines[0], *body]) + "\n", "utf-8")
    (folder / "organisation.toml").write_text(
        (LARGE / "organisation.toml").read_text("utf-8"), "utf-8")
    return folder / "organisation.toml"


@pytest.mark.parametrize("shuffle", [False, True], ids=["grouped", "shuffled"])
def test_one_pass_or_two_the_same(tmp_path: Path, shuffle: bool) -> None:
    a = assess_file(copy(tmp_path, shuffle), engine="validating")
    b = assess(load_organisation(LARGE / "organisation.toml"))
    assert a.to_dict() == b.to_dict()
    if not shuffle:
        assert a.workforce == assess_file(LARGE / "organisation.toml",
                                          engine="validating").workforce


def test_people_outside_the_target_groups_are_columns() -> None:
    a = assess_file(LARGE / "organisation.toml", engine="validating")
    persons = a.workforce.persons
    assert isinstance(persons, Persons)
    everyone = list(persons)
    assert len(everyone) == len(persons) == a.workforce.person_count - a.workforce.absent_persons
    assert persons[0] == everyone[0]
    assert persons[-1] == everyone[-1]
    assert persons[10:14] == everyone[10:14]
    assert persons == tuple(everyone)
    assert tuple(everyone) == persons
    assert hash(persons) == hash(tuple(everyone))
    assert all(p.summarised for p in persons.summaries)
    assert all(not p.summarised for p in a.workforce.detailed)
    assert a.workforce.capped_persons == sum(1 for p in everyone if p.capped)
    assert sum(Fraction(p.hour_days) for p in everyone) == a.workforce.hour_days
    with pytest.raises(IndexError):
        persons[len(persons)]


def test_summaries_build_exact_people() -> None:
    summaries = Summaries(["A", "B", "C"], [2, 0, 1], [3650, 3655, 0], 10, Fraction(14600),
                          [False, True, False], [1, 2, 1], [True, False, False])
    assert [p.person for p in summaries] == ["C", "A", "B"]
    assert [p.hour_days for p in summaries] == [365, Fraction(731, 2), 0]
    assert summaries.capped_count == 1
    assert summaries[1] == psoladder.fte.PersonFte("A", (), Fraction(731, 2), Fraction(14600),
                                                   Fraction(0), True, 2, False)


@pytest.mark.parametrize(("value", "units"), [
    (Fraction(1, 3), None), (Fraction(45, 2), (225, 1)), (Fraction(-1, 8), (-125, 3))])
def test_decimal_units(value: Fraction, units: tuple[int, int] | None) -> None:
    if units is None:
        with pytest.raises(ValueError, match="no finite decimal form"):
            decimal_units(value)
    else:
        assert decimal_units(value) == units
        assert exact_hour_days(units[0], 10 ** units[1]) == value
