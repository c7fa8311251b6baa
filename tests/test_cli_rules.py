"""The rule data on the command line: psoladder rules, rules --diff and norms."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from psoladder import rules_diff
from psoladder.cli import run
from psoladder.rules import rule_sort_key
from psoladder.rulesreport import render_diff

DUTCH_ONLY = ("gepubliceerd", "primaire bron", "vanaf")


def out(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert run(list(argv)) == 0
    return capsys.readouterr().out


def test_norms_name_the_row_really_used(capsys: pytest.CaptureFixture[str]) -> None:
    text = out(capsys, "norms", "--size", "77", "--on", "2024-05-01", "--lang", "en")
    assert "row used: 70, nearest published row below, the stricter norm" in text
    assert "row 77" not in text
    assert "Trede 1     2.3%" in text
    assert "Trede 2     3.0%" in text
    assert "unknown (not published, R-LVL-5)" in text  # Basistrede
    text = out(capsys, "norms", "--size", "77", "--on", "2024-05-01", "--lang", "en",
               "--norm-policy", "interpolate")
    assert "rows used: 70 and 80, interpolated" in text


def test_norms_are_dutch_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    text = out(capsys, "norms", "--size", "12", "--on", "2024-05-01")
    assert text.startswith("Normen voor bedrijfsgrootte 12 (editie 2.1")
    assert "Trede 1     6,7 %" in text
    assert "gebruikte rij: 10, dichtstbijzijnde gepubliceerde rij eronder" in text
    assert "nearest" not in text


@pytest.mark.parametrize(("size", "says"), [
    ("1", "below 2 fte an organisation is not eligible"),
    ("250", "the row of 105 fte serves 105 fte or more")])
def test_norms_say_when_a_row_stands_for_other_sizes(capsys: pytest.CaptureFixture[str],
                                                    size: str, says: str) -> None:
    assert says in out(capsys, "norms", "--size", size, "--on", "2024-05-01", "--lang", "en")


@pytest.mark.parametrize("size", ["0", "-3"])
def test_norms_refuse_a_size_below_1(capsys: pytest.CaptureFixture[str], size: str) -> None:
    assert run(["norms", "--size", size, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "field '--size'" in err
    assert "Traceback" not in err


def test_norms_json(capsys: pytest.CaptureFixture[str]) -> None:
    doc = json.loads(out(capsys, "norms", "--size", "12", "--on", "2024-05-01", "--format",
                         "json", "--norm-policy", "interpolate"))
    assert doc["trede_1"] == "6.5"
    assert doc["rows_used"] == [10, 15]
    assert doc["edition"] == "2.1"
    assert {c["quality"] for c in doc["rule_data"]} == {"primary"}


def test_norms_markdown_has_a_header_row(capsys: pytest.CaptureFixture[str]) -> None:
    text = out(capsys, "norms", "--size", "20", "--on", "2024-05-01", "--format", "markdown",
               "--lang", "en")
    table = [line for line in text.splitlines() if line.startswith("|")]
    assert table[0] == "| Level | % |"
    assert table[1] == "|---|---|"


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_rules_command(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    text = out(capsys, "rules", "--on", "2022-05-01", "--format", fmt, "--lang", "en")
    assert "R-IND-4" in text
    assert "https://" in text
    if fmt == "json":
        doc = json.loads(text)
        assert doc["edition"] == "2.0"
        assert len(doc["norms"]) == 17
        assert {v["quality"] for v in doc["values"]} == {"primary", "secondary", "psoladder"}
        rules = [v["rule"] for v in doc["values"]]
        assert rules.index("R-TG-2") < rules.index("R-TG-2a") < rules.index("R-TG-10")


def test_rules_text_in_natural_order_with_quality(capsys: pytest.CaptureFixture[str]) -> None:
    lines = out(capsys, "rules", "--on", "2024-05-01", "--lang", "en").splitlines()
    rules = [line.split()[0] for line in lines if line.startswith("R-")]
    assert rules == sorted(rules, key=rule_sort_key)
    assert rules.index("R-TG-2") < rules.index("R-TG-6b") < rules.index("R-TG-10")
    pupil = next(line for line in lines if line.startswith("R-TG-6b"))
    assert "secondary source only" in pupil
    fee = next(line for line in lines if line.startswith("R-FEE-1 fee_scale"))
    assert fee.index("from 2 fte: €500.00") < fee.index("from 25 fte") < fee.index("1,000 fte")
    assert "not published; psoladder uses this value" in fee


def test_rules_are_dutch_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    text = out(capsys, "rules", "--on", "2024-05-01")
    assert text.startswith("PSO-regels die gelden op 1 mei 2024")
    assert all(word in text for word in DUTCH_ONLY)
    # the words of psoladder are Dutch; notes of the rule data stay in English
    assert "(published" not in text
    assert "primary source" not in text
    assert "max_indirect_share (maximaal indirect deel van het totaal) = 80 %" in text


def test_rules_markdown_tables_have_header_rows(capsys: pytest.CaptureFixture[str]) -> None:
    lines = out(capsys, "rules", "--on", "2024-05-01", "--format", "markdown",
                "--lang", "en").splitlines()
    for i, line in enumerate(lines):
        if line.startswith("|") and not lines[i - 1].startswith("|"):
            assert lines[i - 1] == ""
            assert line.strip("| ").split(" | ")[0] in {"rule", "size"}
            assert lines[i + 1].startswith("|---")


def with_override(capsys: pytest.CaptureFixture[str], tmp_path: Path, override: str,
                  *argv: str) -> str:
    path = tmp_path / "o.toml"
    path.write_text(override, encoding="utf-8")
    return out(capsys, "rules", "--on", "2024-05-01", "--rules-override", str(path),
               "--lang", "en", *argv)


def test_rules_with_a_user_table_mark_its_rows(capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path) -> None:
    text = with_override(capsys, tmp_path, 'source = "Handleiding"\n[[norms]]\nsize = 12\n'
                                           "trede_1 = 6.5\ntrede_2 = 8.7\ntrede_3 = 14.9\n")
    assert "  12: 6.5 / 8.7 / 14.9  (rules override)" in text
    assert "  10: 6.7 / 9.0 / 15.5  (published rows)" in text


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_rules_diff_command(fmt: str, lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    text = out(capsys, "rules", "--diff", "2.0", "2.1", "--format", fmt, "--lang", lang)
    if fmt == "json":
        doc = json.loads(text)
        assert (doc["from"]["edition"], doc["to"]["edition"]) == ("2.0", "2.1")
        assert [e["edition"] for e in doc["editions"]] == ["2.1"]
        change = next(c for c in doc["changes"] if c["name"] == "aspirant_extensions")
        assert (change["old"]["value"], change["new"]["value"]) == (2, 1)
        return
    assert "aspirant_extensions" in text
    assert ("Wijzigingen in de PSO-regeldata" in text) is (lang == "nl")
    assert ("Basistrede toegevoegd" in text) is (lang == "nl")


def test_rules_diff_between_dates_and_in_reverse(capsys: pytest.CaptureFixture[str]) -> None:
    text = out(capsys, "rules", "--diff", "2019-04-01", "2019-03-31", "--lang", "en")
    assert "from 1 April 2019 (edition 1.7) to 31 March 2019 (edition 1.6)" in text
    assert "R-TG-6b vso_pro_pupil.weight (changed)" in text
    assert "  was: 1 (published, secondary source only" in text
    assert "  now: 0.5 (published, primary source" in text


@pytest.mark.parametrize("argv", [
    ["rules", "--diff", "2.0", "3.7"], ["rules", "--diff", "2016-01-01", "2.1"],
    ["rules", "--diff", "2.0", "2.1", "--rules-override", "x.toml"]])
def test_rules_diff_errors(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert run(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("psoladder: ")
    assert "Traceback" not in err


def test_rules_diff_with_no_change() -> None:
    diff = rules_diff("2020-05-01", "2020-06-01")
    assert diff.changes == ()
    assert render_diff(diff, "text", "en").endswith("no rule value changed")


def test_markdown_cells_neutralise_a_user_source(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    text = with_override(capsys, tmp_path, 'source = "`x` | [link](http://e.vil) <b>"\n'
                                           "[parameters]\nmax_indirect_share = 0.8\n",
                         "--format", "markdown")
    row = next(line for line in text.splitlines() if "max_indirect_share" in line)
    assert row.count(" | ") == 5  # six cells: the source's | is escaped
    assert "\\`x\\` \\| \\[link\\](http://e.vil) \\<b\\>" in row
