"""Rule-data override files: strict, bounded, every problem located by its key path."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psoladder import RuleDataError, Status, load_overrides, norms_for, rules_at
from psoladder.cli import run
from psoladder.rules import overrides_from_mapping
from psoladder.rules.overrides import MAX_OVERRIDE_BYTES

ON = dt.date(2024, 5, 1)


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "override.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def problems(doc: dict[str, Any]) -> list[str]:
    with pytest.raises(RuleDataError) as info:
        overrides_from_mapping(doc, "o.toml")
    head, *lines = str(info.value).splitlines()
    assert head == f"rules override o.toml has {len(lines)} problem(s):"
    return [line.strip() for line in lines]


def one(doc: dict[str, Any]) -> str:
    [problem] = problems({"source": "official", **doc})
    return problem


@pytest.mark.parametrize(("doc", "path", "says"), [
    ({"tables": {}}, "tables", "unknown table"),
    ({"parameters": 5}, "parameters", "must be a table"),
    ({"parameters": {"nope": 1}}, "parameters.nope", "not a rule parameter"),
    ({"parameters": {"max_indirect_share": "0.8"}}, "parameters.max_indirect_share",
     "must be a number from 0 to 1"),
    ({"parameters": {"max_indirect_share": 0.8}}, "parameters.max_indirect_share",
     "(got 0.8)"),  # a Python float is refused
    ({"parameters": {"max_indirect_share": Decimal(1)}}, "parameters.max_indirect_share",
     "to 0.9999"),  # the cap factor would divide by zero
    ({"parameters": {"max_indirect_share": Decimal("0.123456")}},
     "parameters.max_indirect_share", "at most 4 decimals"),
    ({"parameters": {"max_indirect_share": Decimal("NaN")}}, "parameters.max_indirect_share",
     "must be a number"),
    ({"parameters": {"min_total_fte": Decimal("1E+999999999")}}, "parameters.min_total_fte",
     "1E+999999999"),
    ({"parameters": {"fulltime_hours_default": 0}}, "parameters.fulltime_hours_default",
     "above 0"),
    ({"parameters": {"aspirant_extensions": Decimal("1.5")}}, "parameters.aspirant_extensions",
     "whole number"),
    ({"parameters": {"thirty_plus_flex_counts": 1}}, "parameters.thirty_plus_flex_counts",
     "true or false"),
    ({"parameters": {"levels_available": ["trede_1", "trede_9"]}},
     "parameters.levels_available", "'trede_9' not level code"),
    ({"parameters": {"thirty_plus_excluded_groups": ["wajong", "wajong"]}},
     "parameters.thirty_plus_excluded_groups", "twice"),
    ({"parameters": {"fee_scale": [[2, 500], [1, 900]]}}, "parameters.fee_scale[1]",
     "rising fte"),
    ({"parameters": {"fee_scale": [[2, 500, 3]]}}, "parameters.fee_scale[0]",
     "[from_fte, fee]"),
    ({"parameters": {"fee_on_band_bound": "middle"}}, "parameters.fee_on_band_bound",
     "higher_band, lower_band"),
    ({"parameters": {"sw_organisation_method": "mijnpso"}}, "parameters.sw_organisation_method",
     "only the general method"),
    ({"target_groups": ["wajong"]}, "target_groups", "a table per code"),
    ({"target_groups": {"nope": {"weight": 1}}}, "target_groups.nope", "not a target group"),
    ({"target_groups": {"wajong": {"weight": 2}}}, "target_groups.wajong.weight", "0 to 1"),
    ({"target_groups": {"wajong": {"weight": 1, "note": "x"}}}, "target_groups.wajong",
     "nothing else"),
    ({"target_groups": {"wajong": 1}}, "target_groups.wajong", "give weight"),
    ({"contract_types": {"trial": {"weight": Decimal("-0.1")}}}, "contract_types.trial.weight",
     "0 to 1"),
    ({"norms": {"size": 2}}, "norms", "[[norms]] tables"),
    ({"norms": [5]}, "norms[0]", "must be a table"),
    ({"norms": [{"size": 10**9, "trede_1": 1, "trede_2": 2, "trede_3": 3}]}, "norms[0].size",
     "from 2 to 105"),
    ({"norms": [{"size": True, "trede_1": 1, "trede_2": 2, "trede_3": 3}]}, "norms[0].size",
     "whole number"),
    ({"norms": [{"size": 2, "trede_1": 1, "trede_2": 2}]}, "norms[0]", "needs size"),
    ({"norms": [{"size": 2, "trede_1": 1, "trede_2": 2, "trede_3": 3, "trede_4": 4}]},
     "norms[0]", "unknown key(s) trede_4"),
    ({"norms": [{"size": 2, "trede_1": 1, "trede_2": 2, "trede_3": 10**5}]},
     "norms[0].trede_3", "from 0 to 100"),
    ({"norms": [{"size": 2, "trede_1": 5, "trede_2": 4, "trede_3": 6}]}, "norms[0]",
     "must not fall"),
    ({"norms": [{"size": 2, "trede_1": 1, "trede_2": 2, "trede_3": 3},
                {"size": 2, "trede_1": 1, "trede_2": 2, "trede_3": 3}]}, "norms[1]",
     "a second row for size 2"),
    ({"norms": [{"size": 5, "trede_1": 1, "trede_2": 2, "trede_3": 3},
                {"size": 10, "trede_1": 2, "trede_2": 2, "trede_3": 3}]}, "norms",
     "fall as the size rises"),
    ({"norms": [{"size": 5, "basistrede": 1, "trede_1": 1, "trede_2": 2, "trede_3": 3},
                {"size": 10, "trede_1": 1, "trede_2": 2, "trede_3": 3}]}, "norms",
     "every row or on none"),
    ({"norms": [{"size": 2, "trede_1": 1, "trede_2": 2, "trede_3": 3}] * 105}, "norms",
     "at most one row per size"),
])
def test_every_kind_of_bad_value_is_refused_with_its_key_path(doc: dict[str, Any], path: str,
                                                              says: str) -> None:
    problem = one(doc)
    assert problem.startswith(f"{path}: "), problem
    assert says in problem, problem


@pytest.mark.parametrize("source", [None, "", "  ", 7, "x" * 501, "Handleiding\n2.1",
                                    "\x1b[31mred"])
def test_the_source_is_a_short_line_of_text(source: object) -> None:
    doc = {} if source is None else {"source": source}
    [problem] = problems(doc)
    assert problem.startswith("source: ")


def test_all_problems_of_a_document_are_reported_at_once() -> None:
    found = problems({"parameters": {"nope": 1, "max_indirect_share": 2},
                      "target_groups": {"wajong": {"weight": 3}},
                      "norms": [{"size": 1, "trede_1": 1, "trede_2": 2, "trede_3": 3}]})
    assert [p.split(":")[0] for p in found] == [
        "source", "parameters.nope", "parameters.max_indirect_share",
        "target_groups.wajong.weight", "norms[0].size"]


def test_control_characters_in_keys_never_reach_the_message() -> None:
    problem = one({"parameters": {"\x1b[2Jx": 1}})
    assert "\x1b" not in problem
    assert "\\x1b" in problem


def test_a_good_file_still_loads(tmp_path: Path) -> None:
    path = write(tmp_path, 'source = "Handleiding 2.1"\n[parameters]\nmax_indirect_share = 0.75\n'
                           'levels_available = ["basistrede", "trede_1", "trede_2", "trede_3"]\n'
                           'fee_scale = [[2, 525], [25, 995.50]]\n'
                           '[target_groups.student_level_2]\nweight = 0.3\n'
                           '[[norms]]\nsize = 12\ntrede_1 = 6.5\ntrede_2 = 8.7\ntrede_3 = 14.9\n')
    rs = rules_at(ON, load_overrides(path))
    assert rs.decimal("max_indirect_share").value == Decimal("0.75")
    assert rs.parameter("fee_scale").status is Status.USER
    assert norms_for(12, rules=rs).trede_1 == Decimal("6.5")


def test_a_merged_table_whose_norms_rise_with_the_size_is_refused(tmp_path: Path) -> None:
    # Row 12 above the published row 10: the gap searches need falling norms.
    path = write(tmp_path, 'source = "x"\n[[norms]]\nsize = 12\ntrede_1 = 7\ntrede_2 = 9\n'
                           "trede_3 = 15\n")
    overrides = load_overrides(path)  # fine on its own
    with pytest.raises(RuleDataError, match=r"trede_1 norm of size 12 \(7\) is above that of "
                                            r"size 10 \(6\.7\)"):
        rules_at(ON, overrides)


@pytest.mark.parametrize(("content", "says"), [
    (b"\xff\xfe source", "not UTF-8"),
    (b"source = ", "not valid TOML"),
    (b"source = \"x\"\n[parameters]\nmin_total_fte = " + b"9" * 5000, "cannot be read"),
    (b"a = " + b"[" * 5000 + b"]" * 5000, "cannot be read"),
    (b"#" * (MAX_OVERRIDE_BYTES + 1), "larger than 1,000,000 bytes"),
])
def test_files_that_cannot_be_read_are_refused(tmp_path: Path, content: bytes,
                                               says: str) -> None:
    with pytest.raises(RuleDataError, match=says) as info:
        load_overrides(write(tmp_path, content))
    assert len(str(info.value)) < 400  # never the file's content


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    with pytest.raises(RuleDataError, match="does not exist"):
        load_overrides(tmp_path / "missing.toml")
    with pytest.raises(RuleDataError, match="not a regular file"):
        load_overrides(tmp_path)
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    with pytest.raises(RuleDataError, match="not a regular file"):
        load_overrides(fifo)  # never opened, so it cannot block


@pytest.mark.parametrize("command", [["example"], ["norms", "--size", "20"], ["rules"]])
def test_the_cli_reports_a_bad_override_without_a_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    path = write(tmp_path, 'source = "x"\n[[norms]]\nsize = 1000000000\ntrede_1 = 1\n'
                           "trede_2 = 2\ntrede_3 = 3\n")
    assert run([*command, "--rules-override", str(path)]) == 2
    err = capsys.readouterr().err
    assert "norms[0].size" in err
    assert "Traceback" not in err


_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**40),
                     st.decimals(allow_nan=True, allow_infinity=True, places=None),
                     st.text(max_size=8), st.floats(allow_nan=False))
_VALUES = st.recursive(_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)),
    max_leaves=12)
_KEYS = st.sampled_from(["source", "parameters", "target_groups", "contract_types", "norms",
                         "max_indirect_share", "fee_scale", "wajong", "weight", "size",
                         "trede_1", "basistrede", "levels_available", "x"])


@given(st.dictionaries(_KEYS, st.one_of(_VALUES, st.dictionaries(_KEYS, _VALUES, max_size=4)),
                       max_size=5))
def test_any_document_loads_or_is_refused_with_a_rule_data_error(doc: dict[str, Any]) -> None:
    try:
        overrides = overrides_from_mapping(doc)
    except RuleDataError:
        return
    with contextlib.suppress(RuleDataError):
        rules_at(ON, overrides)
