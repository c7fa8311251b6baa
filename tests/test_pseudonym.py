from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import psoladder
from psoladder import InputError, assess, assess_file, load_organisation, pseudonymise
from psoladder.pseudonym import Pseudonymiser, key_from_environment, pseudonym

KEY = "a test key of at least sixteen bytes"
EXAMPLE = psoladder.example_path()


def test_pseudonyms_are_stable_keyed_and_readable() -> None:
    a = pseudonym("E00001", KEY)
    assert a == pseudonym("E00001", KEY)
    assert a == pseudonym("E00001", KEY.encode())
    assert a != pseudonym("E00002", KEY)
    assert a != pseudonym("E00001", KEY + "!")
    assert re.fullmatch(r"p(-[a-z2-7]{4}){4}", a)


@pytest.mark.parametrize("key", ["", "short", b"fifteen bytes!!"])
def test_short_keys_are_refused(key: str | bytes) -> None:
    with pytest.raises(InputError, match="fewer than 16"):
        Pseudonymiser(key)


def test_a_key_is_text_or_bytes() -> None:
    with pytest.raises(TypeError):
        Pseudonymiser(1234567890123456789)  # type: ignore[arg-type]


def test_no_silent_default_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PSOLADDER_PSEUDONYM_KEY", raising=False)
    with pytest.raises(InputError, match="PSOLADDER_PSEUDONYM_KEY"):
        key_from_environment()
    with pytest.raises(InputError):
        pseudonymise(psoladder.load_example())
    monkeypatch.setenv("PSOLADDER_PSEUDONYM_KEY", KEY)
    org = pseudonymise(psoladder.load_example())
    assert org.employments[0].person == pseudonym(psoladder.load_example().employments[0].person,
                                                  KEY)


def _ids() -> set[str]:
    return {e.person for e in load_organisation(EXAMPLE).employments}


def _leaks(text: str) -> list[str]:
    return [i for i in _ids() if re.search(rf"\b{re.escape(i)}\b", text)]


def test_both_paths_pseudonymise_alike_and_leak_nothing() -> None:
    from psoladder.report import render

    in_memory = assess(pseudonymise(load_organisation(EXAMPLE), KEY))
    streamed = assess_file(EXAMPLE, pseudonym_key=KEY, detail=True)
    assert in_memory.to_dict(explanation=True) == streamed.to_dict(explanation=True)
    plain = assess(load_organisation(EXAMPLE))
    for name in ("total_fte", "weighted_target_fte", "total_pct", "level"):
        assert getattr(in_memory, name) == getattr(plain, name)
    assert not _leaks(json.dumps(streamed.to_dict(explanation=True)))
    for fmt, lang in (("text", "nl"), ("markdown", "en"), ("html", "nl"), ("json", "en")):
        assert not _leaks(render(streamed, fmt, lang=lang, explain=True))
    assert not _leaks(str(streamed.explanation_in("nl")))


def test_dataframes_leak_nothing() -> None:
    pytest.importorskip("pandas")
    from psoladder.dataframe import persons_frame

    frame = persons_frame(assess_file(EXAMPLE, pseudonym_key=KEY))
    assert not set(frame["person"]) & _ids()


def test_errors_leave_out_person_values(tmp_path: Path) -> None:
    (tmp_path / "p.csv").write_text("person,start,hours_per_week\nSECRET-ID\x01,2015-01-01,40\n",
                                    encoding="utf-8")
    (tmp_path / "org.toml").write_text(
        'name = "X"\nkvk = "12345678"\napplication_date = 2024-05-01\n'
        'employments = "p.csv"\n', encoding="utf-8")
    with pytest.raises(InputError) as plain:
        assess_file(tmp_path / "org.toml")
    assert "SECRET-ID" in str(plain.value)
    with pytest.raises(InputError) as hidden:
        assess_file(tmp_path / "org.toml", pseudonym_key=KEY)
    assert "SECRET-ID" not in str(hidden.value)
    assert hidden.value.problems[0].row == 2
