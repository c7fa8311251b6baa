"""rules_diff: the scheme's own changelog, generated from the rule data."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from psoladder import InputError, NoRuleInForce, RuleDiff, rules_at, rules_diff
from psoladder.rules import rule_data, rule_sort_key
from psoladder.rules.diff import _values


def names(diff: RuleDiff) -> set[str]:
    return {c.name for c in diff.changes}


def test_editions_and_dates_name_the_same_points() -> None:
    by_edition = rules_diff("1.6", "1.7")
    by_date = rules_diff(dt.date(2018, 4, 1), "2019-04-01")
    assert by_edition == by_date
    assert (by_edition.old.edition.name, by_edition.new.edition.name) == ("1.6", "1.7")


def test_the_changes_of_edition_1_7() -> None:
    diff = rules_diff("1.6", "1.7")
    assert names(diff) == {
        "participatiewet.window_years", "nug_sroi.window_years", "statushouder.window_years",
        "vso_pro_pupil.weight", "wia_wao_waz.disabled_in_service_from",
        "thirty_plus_flex_counts", "thirty_plus_flex_min_months", "thirty_plus_flex_min_hours",
        "thirty_plus_regular_floor", "thirty_plus_total_contracts",
        "fee_scale"}  # the 2019 fee (1 January) falls between the two editions
    pupil = diff.change("vso_pro_pupil.weight")
    assert pupil.old is not None
    assert pupil.new is not None
    assert (pupil.old.value, pupil.new.value) == (0.5, 1)
    assert pupil.new.secondary_only
    assert diff.change("thirty_plus_flex_min_months").kind == "added"
    assert [c.rule for c in diff.changes] == sorted((c.rule for c in diff.changes),
                                                    key=rule_sort_key)


def test_a_status_change_alone_is_a_change() -> None:
    fee = rules_diff("2018-12-31", "2019-01-01").change("fee_scale")
    assert fee.old is not None
    assert fee.new is not None
    assert fee.old.value == fee.new.value
    assert (fee.old.known, fee.new.known) == (True, False)


def test_backwards_a_new_value_is_removed() -> None:
    diff = rules_diff("1.7", "1.6")
    assert diff.change("thirty_plus_flex_min_months").kind == "removed"
    assert [e.name for e in diff.editions] == ["1.7"]


def test_editions_in_between_are_listed_with_their_changes() -> None:
    diff = rules_diff("1.5", "2.1")
    assert [e.name for e in diff.editions] == ["1.6", "1.7", "1.8", "1.9", "2.0", "2.1"]
    assert all(e.changes and e.changes_nl for e in diff.editions)


def test_the_same_point_has_no_changes() -> None:
    assert rules_diff("2.1", "2023-04-01").changes == ()


def test_json_form() -> None:
    doc = json.loads(json.dumps(rules_diff("2.0", "2.1").to_dict()))
    assert doc["from"] == {"on": "2022-04-01", "edition": "2.0"}
    assert doc["editions"][0]["quality"] == "primary"
    assert {c["kind"] for c in doc["changes"]} == {"added", "changed"}


@pytest.mark.parametrize("bad", ["3.0", "tomorrow", "2023-02-30", 7])
def test_an_unknown_point_is_an_input_error(bad: object) -> None:
    with pytest.raises(InputError, match="not an edition or a date"):
        rules_diff("2.0", bad)  # type: ignore[arg-type]


def test_a_date_before_the_first_edition_has_no_rules() -> None:
    with pytest.raises(NoRuleInForce):
        rules_diff("2017-03-31", "1.5")


def test_every_norm_row_is_compared() -> None:
    values = _values(rules_at(dt.date(2024, 5, 1)))
    assert values["norms.size_10"].value == (rule_data().raw["norms"]["rows"][2]["trede_1"],
                                             rule_data().raw["norms"]["rows"][2]["trede_2"],
                                             rule_data().raw["norms"]["rows"][2]["trede_3"])
