from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import psoladder
from psoladder.cli import run
from psoladder.report import render

EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.fixture(scope="module")
def example() -> psoladder.Assessment:
    return psoladder.assess(psoladder.load_example())


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_example_command_every_format_and_language(fmt: str, lang: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["example", "--format", fmt, "--lang", lang]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        doc = json.loads(out)
        assert doc["level"] == "trede_2"
        assert Decimal(doc["total_pct"]) > 0
        return
    assert "Schoonmaakbedrijf De Glansrijke B.V." in out
    assert ("Trede 2" in out)
    if lang == "nl":
        assert "Directe bijdrage" in out
        assert "Peiljaar" in out
        assert "4,11 %" in out  # decimal comma
    else:
        assert "Direct contribution" in out
        assert "4.11%" in out
    if fmt == "html":
        assert out.startswith("<!DOCTYPE html>")
        assert f'lang="{lang}"' in out
    if fmt == "markdown":
        assert out.startswith("# ")
        assert "| --- |" not in out
        assert "|---|---|" in out


def test_reports_contain_every_section(example: psoladder.Assessment) -> None:
    for lang, words in {"nl": ["Normen", "Afstand tot hogere treden", "PSO 30+",
                               "Banenafspraak", "Aannames en waarschuwingen",
                               "Kwalitatieve criteria", "Jaarbijdrage"],
                        "en": ["Norms", "Gaps to higher levels", "PSO 30+", "Banenafspraak",
                               "Assumptions and warnings", "Qualitative criteria",
                               "Annual PSO contribution"]}.items():
        text = render(example, "text", lang=lang, explain=True)
        for word in words:
            assert word in text, (lang, word)
        assert "R-IND-4" in text  # the explanation
        assert "Groenbedrijf De Linde" in text


def test_html_escapes_names() -> None:
    org = psoladder.Organisation(name="<b>A & B</b>", kvk="12345678",
                                 application_date="2024-05-01",
                                 employments=[psoladder.Employment(person="x",
                                                                   start="2020-01-01",
                                                                   hours_per_week=40)] * 1)
    html = render(psoladder.assess(org), "html", lang="en")
    assert "&lt;b&gt;A &amp; B&lt;/b&gt;" in html
    assert "<b>A" not in html


def test_json_with_explanation(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["example", "--format", "json", "--explain"]) == 0
    doc = json.loads(capsys.readouterr().out)
    figures = {s.get("figure") for s in doc["explanation"]}
    assert {"total_fte", "direct_pct", "total_pct", "level"} <= figures


def test_assess_file_and_options(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = EXAMPLES / "medium" / "organisation.toml"
    out_file = tmp_path / "report.md"
    assert run(["assess", str(path), "--format", "markdown", "--lang", "en",
                "--norm-policy", "interpolate", "--thirty-plus-basis", "headcount",
                "--application-date", "2024-03-31", "-o", str(out_file)]) == 0
    text = out_file.read_text("utf-8")
    assert "| Edition of the PSO-Handleiding | 2.1 |" in text
    assert "interpolated" in text or "published row" in text
    assert "loonadministratie.csv" not in capsys.readouterr().out


def test_bad_input_exits_2_with_located_problems(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "payroll.csv").write_text("person,start,hours_per_week\nE1,2023-02-30,x\n",
                                          encoding="utf-8")
    (tmp_path / "org.toml").write_text('name = "X"\nkvk = ["12345678"]\n'
                                       "application_date = 2024-05-01\n"
                                       'employments = "payroll.csv"\n', encoding="utf-8")
    assert run(["assess", str(tmp_path / "org.toml"), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "2 problems in the input" in err
    assert "payroll.csv, row 2, field 'start'" in err
    assert "payroll.csv, row 2, field 'hours_per_week'" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("argv", [
    ["assess", "/nonexistent/org.toml"],
    ["assess", "README.md", "--application-date", "2016-01-01"],
    ["norms", "--size", "20", "--on", "2017-03-31"],
    ["assess", "tests/data/does-not-exist.json"],
])
def test_errors_never_show_a_traceback(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert run(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("psoladder: ")
    assert "Traceback" not in err


def test_bad_override_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "o.toml"
    bad.write_text("[parameters]\n", encoding="utf-8")
    assert run(["example", "--rules-override", str(bad)]) == 2
    assert "source" in capsys.readouterr().err


def test_python_dash_m_and_internal_errors_are_one_line() -> None:
    result = subprocess.run([sys.executable, "-m", "psoladder", "norms", "--size", "5",
                             "--on", "2024-05-01", "--lang", "en"], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0
    assert "12.6" in result.stdout


def test_main_reports_internal_errors_without_traceback(monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from psoladder import cli

    def boom(argv: object) -> int:
        raise RuntimeError("kaput")

    monkeypatch.setattr(cli, "run", boom)
    with pytest.raises(SystemExit) as info:
        cli.main([])
    assert info.value.code == 1
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: kaput" in err
    assert "Traceback" not in err


def test_plot(example: psoladder.Assessment, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    from psoladder.plot import plot_ladder, save_plot

    ax = plot_ladder(example)
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels == ["Trede 1", "Trede 2", "Trede 3", "your score"]  # Basistrede unknown
    score = ax.get_lines()[-1]
    assert float(score.get_ydata()[0]) == pytest.approx(float(example.total_pct))
    assert any("Trede 3" in t.get_text() for t in ax.texts)  # the gap arrow
    assert "Trede 2" in ax.get_title()
    for suffix in (".png", ".svg"):
        path = save_plot(example, tmp_path / f"ladder{suffix}")
        assert path.stat().st_size > 1000
    assert run(["example", "--plot", str(tmp_path / "cli.png")]) == 0
    assert (tmp_path / "cli.png").exists()


def test_dataframes(example: psoladder.Assessment) -> None:
    pytest.importorskip("pandas")
    from psoladder.dataframe import persons_frame, purchases_frame, rows_frame
    from psoladder.numbers import round_half_up

    people = persons_frame(example)
    assert len(people) == example.workforce.person_count
    assert people["fte"].sum() == round_half_up(example.exact_total_fte, 18)
    assert isinstance(people["fte"].iloc[0], Decimal)
    rows = rows_frame(example)
    assert len(rows) == example.workforce.rows_read
    assert rows["weighted_fte"].sum() == round_half_up(example.exact_weighted, 18)
    buys = purchases_frame(example)
    assert list(buys["supplier"]) == ["Groenbedrijf De Linde", "Werkbedrijf Regio Noord"]
    assert buys["counted_fte"].sum() == round_half_up(example.exact_indirect_fte, 18)


def test_missing_optional_dependency_message(monkeypatch: pytest.MonkeyPatch,
                                             example: psoladder.Assessment) -> None:
    import builtins

    real_import = builtins.__import__

    def fake(name: str, *args: object, **kw: object) -> object:
        if name in {"pandas", "matplotlib"}:
            raise ImportError(name)
        return real_import(name, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", fake)
    from psoladder.dataframe import persons_frame
    from psoladder.plot import plot_ladder

    with pytest.raises(ImportError, match=r"psoladder\[pandas\]"):
        persons_frame(example)
    with pytest.raises(ImportError, match=r"psoladder\[plot\]"):
        plot_ladder(example)


def test_public_api_is_complete_and_lazy() -> None:
    code = ("import sys, psoladder; loaded = [m for m in sys.modules if m.startswith('psoladder')];"
            "print(len(loaded)); missing = [n for n in psoladder.__all__ "
            "if getattr(psoladder, n, None) is None]; print(missing)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split("\n")
    assert out[0] == "1"       # import psoladder loads nothing else yet
    assert out[1] == "[]"      # every public name resolves
    assert set(dir(psoladder)) >= set(psoladder.__all__)
    with pytest.raises(AttributeError):
        psoladder.no_such_name  # noqa: B018


def test_warnings_are_translated(example: psoladder.Assessment) -> None:
    nl = render(example, "text", lang="nl")
    en = render(example, "text", lang="en")
    assert "de strengere norm" in nl
    assert "the stricter norm" in en
    assert "edities na 2.1" in nl
    for w in example.warnings:
        assert w.text("en") == w.message
        assert w.text("nl") != w.message


def test_explanation_in_dutch_has_the_same_figures(example: psoladder.Assessment) -> None:
    nl = example.explanation_in("nl")
    assert nl.figures() == example.explanation.figures()
    text = nl.render()
    assert "3,1544 / 76,7442 x 100 = 4,11 %" in text
    assert "bron: https://" in text
    assert "Totale sociale bijdrage" in text
    assert "3.1544 / 76.7442 x 100 = 4.11%" in example.explanation.render()
    assert "3,1544 / 76,7442 x 100 = 4,11 %" in render(example, "text", lang="nl", explain=True)
