"""Forecasts, comparisons and scenarios for people (issue 15): formats, languages, the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from tests.test_reports import CONTROL, HOSTILE, _html_text, _offending, _smuggle

import psoladder
from psoladder import Employment, assess
from psoladder.cli import run
from psoladder.planning.compare import compare
from psoladder.planning.forecast import at_date, forecast
from psoladder.planning.report import (
    render_comparison,
    render_forecast,
    render_scenario,
    render_scenarios,
)
from psoladder.planning.scenarios import ChangeHours, DropPurchase, Hire, Leave, Scenario

D = dt.date
FORMATS = ("text", "markdown", "html", "json")


@pytest.fixture(scope="module")
def example() -> psoladder.Organisation:
    return psoladder.load_example()


@pytest.fixture(scope="module")
def plan() -> Scenario:
    return Scenario("Plan A", (
        Hire(Employment(person="N001", start="2024-01-01", end="2026-12-31", hours_per_week=38,
                        target_group="participatiewet", contract="placement")),
        Leave("E00002", D(2025, 1, 1)), ChangeHours("D003", D(2024, 3, 1), 8),
        DropPurchase(index=2)), description="twee instromers")


@pytest.fixture(scope="module")
def outputs(example: psoladder.Organisation, plan: Scenario) -> dict[str, object]:
    f = forecast(plan(example), until=D(2028, 5, 1), every="half_year")
    c = compare(assess(at_date(example, D(2022, 5, 1))), assess(example))
    a = assess(plan(example))
    return {"forecast": f, "comparison": c, "scenario": a,
            "scenarios": (assess(example), [(plan, a)])}


def _render(kind: str, value: object, fmt: str, lang: str, plan: Scenario) -> str:
    exact = fmt == "markdown"
    if kind == "forecast":
        return render_forecast(value, fmt, lang=lang, exact=exact)  # type: ignore[arg-type]
    if kind == "comparison":
        return render_comparison(value, fmt, lang=lang, exact=exact)  # type: ignore[arg-type]
    if kind == "scenario":
        return render_scenario(value, plan, fmt, lang=lang, explain="full",  # type: ignore[arg-type]
                               exact=exact)
    baseline, results = value  # type: ignore[misc]
    return render_scenarios(baseline, results, fmt, lang=lang, exact=exact)


def _texts(out: str, fmt: str) -> list[str]:
    if fmt == "html":
        return [_html_text(out)]
    if fmt == "json":
        doc = json.loads(out)
        found: list[str] = []

        def walk(x: object) -> None:  # the texts for people: assumptions, warnings' text
            if isinstance(x, dict):
                for k, v in x.items():
                    if k in ("assumptions",) and isinstance(v, list):
                        found.extend(v)
                    elif k == "text" and isinstance(v, str):
                        found.append(v)
                    else:
                        walk(v)
            elif isinstance(x, list):
                for v in x:
                    walk(v)

        walk(doc)
        return found
    return [out]


@pytest.mark.parametrize("kind", ["forecast", "comparison", "scenario", "scenarios"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_dutch_planning_reports_show_no_code_names_or_english(
        outputs: dict[str, object], plan: Scenario, example: psoladder.Organisation,
        kind: str, fmt: str) -> None:
    out = _render(kind, outputs[kind], fmt, "nl", plan)
    names = {example.name, plan.name, "N001", *(e.person for e in example.employments),
             *(p.supplier for p in example.purchases)}
    for text in _texts(out, fmt):
        assert not _offending(text, names), (kind, fmt, _offending(text, names))
    if fmt == "json":
        json.loads(out)


@pytest.mark.parametrize("kind", ["forecast", "comparison", "scenario", "scenarios"])
def test_every_layout_says_the_same(outputs: dict[str, object], plan: Scenario,
                                    kind: str) -> None:
    text = _render(kind, outputs[kind], "text", "en", plan)
    page = _html_text(_render(kind, outputs[kind], "html", "en", plan))
    md = _render(kind, outputs[kind], "markdown", "en", plan)
    title = text.splitlines()[0]
    assert title in page
    assert title.replace("_", "\\_") in md.replace("\\.", ".")


def test_the_forecast_report_says_when_and_why(outputs: dict[str, object]) -> None:
    f = outputs["forecast"]
    out = render_forecast(f, "text", lang="en")  # type: ignore[arg-type]
    assert "When the level changes" in out
    assert "the counting window ends on" in out
    assert "Assumptions" in out
    doc = json.loads(render_forecast(f, "json", lang="nl"))  # type: ignore[arg-type]
    assert doc["assumptions"][0].startswith("het personeel blijft")
    assert doc["points"][0]["level"] in ("trede_2", "trede_3")
    assert {"on", "old_level", "new_level", "window_ends"} <= set(doc["level_changes"][0])


def test_the_scenario_report_lists_its_changes(outputs: dict[str, object],
                                               plan: Scenario) -> None:
    out = render_scenario(outputs["scenario"], plan, "text", lang="nl")  # type: ignore[arg-type]
    lines = out.splitlines()
    start = lines.index("Scenario: Plan A")
    assert lines[start:start + 4] == [
        "Scenario: Plan A", "----------------", "  twee instromers",
        "  - N001 in dienst vanaf 1 januari 2024 t/m 31 december 2026: 38 uur per week, "
        "stage of werkervaringsplaats, Participatiewet (zonder loonkostensubsidie)"]
    doc = json.loads(render_scenario(outputs["scenario"], plan, "json"))  # type: ignore[arg-type]
    assert doc["scenario"]["name"] == "Plan A"
    assert doc["level"] == outputs["scenario"].level.value  # type: ignore[attr-defined]


def test_planning_reports_neutralise_names() -> None:
    rows = [Employment(person=f"{HOSTILE}{i}", start="2020-01-01", hours_per_week=40,
                       target_group="participatiewet" if i == 0 else None) for i in range(5)]
    org = psoladder.Organisation(name=HOSTILE, kvk="12345678", application_date="2024-05-01",
                                 employments=rows)
    _smuggle(rows[0], "person", f"{HOSTILE} {CONTROL}0")  # past the input model's refusal
    f = forecast(org, until=D(2026, 5, 1), every="year")
    plan = Scenario(HOSTILE, (Leave(f"{HOSTILE}1", D(2024, 1, 1)),))
    c = compare(assess(org), assess(plan(org)))
    for out in (render_forecast(f, "html"), render_comparison(c, "html"),
                render_scenarios(assess(org), [(plan, assess(plan(org)))], "html")):
        assert "<script>alert" not in out
        assert "\x1b" not in out
    for out in (render_forecast(f, "text"), render_comparison(c, "markdown")):
        assert "\x1b" not in out
        assert "\u202e" not in out
    md = render_comparison(c, "markdown", lang="en")
    assert "[link](" not in md
    pytest.importorskip("matplotlib")
    from psoladder.plot import plot_forecast

    ax = plot_forecast(f)
    assert "\\$x^2\\$" in ax.get_title()


# ------------------------------------------------------------------ command line

PLAN = '''
[[scenario]]
name = "Plan A"
description = "twee instromers"
changes = [
  { hire = { person = "N001", start = 2024-01-01, hours_per_week = 32, target_group = "participatiewet" } },
  { hire = { person = "N002", start = 2024-06-01, hours_per_week = 24, target_group = "wajong" } },
]

[[scenario]]
name = "Plan B"
extends = "Plan A"
changes = [ { drop_purchase = "Werkbedrijf Regio Noord" } ]
'''


@pytest.fixture
def planned(tmp_path: Path) -> Path:
    source = Path(psoladder.example_path()).parent
    (tmp_path / "payroll.csv").write_text((source / "payroll.csv").read_text("utf-8"), "utf-8")
    path = tmp_path / "org.toml"
    path.write_text((source / "organisation.toml").read_text("utf-8") + PLAN, "utf-8")
    return path


def test_cli_assess_a_scenario_or_all_of_them(planned: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["assess", str(planned), "--scenario", "Plan B", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Scenario: Plan B" in out
    assert "no more purchases at Werkbedrijf Regio Noord" in out
    assert run(["assess", str(planned), "--all-scenarios", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [s["name"] for s in doc["scenarios"]] == ["Plan A", "Plan B"]
    assert doc["baseline"]["level"] == "trede_2"
    assert run(["assess", str(planned), "--scenario", "Plan C", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "no scenario named 'Plan C' in org.toml" in err
    assert "scenarios: Plan A, Plan B" in err


def test_cli_forecast(planned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("matplotlib")
    out = tmp_path / "forecast.md"
    plot = tmp_path / "forecast.png"
    assert run(["forecast", str(planned), "--until", "2028-05-01", "--every", "year",
                "--format", "markdown", "-o", str(out), "--plot", str(plot)]) == 0
    assert out.read_text("utf-8").startswith("# PSO-prognose: Schoonmaakbedrijf")
    assert plot.stat().st_size > 10_000
    assert run(["forecast", str(planned), "--until", "2026-05-01", "--scenario", "Plan A",
                "--purchases", "none", "--lang", "en"]) == 0
    assert "purchases are left out" in capsys.readouterr().out
    assert run(["forecast", str(planned), "--until", "2020-01-01"]) == 2
    assert "until ligt vóór de begindatum 2024-05-01" in capsys.readouterr().err  # Dutch


def test_cli_compare(planned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["compare", str(planned), "--dates", "2022-05-01", "2024-05-01",
                "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "application date 1 May 2022" in out
    assert "Rule values that changed" in out
    assert run(["compare", str(planned), "--scenario", "Plan A", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert (doc["old"]["label"], doc["new"]["label"]) == ("Uitgangssituatie", "Plan A")
    assert run(["compare", str(planned), "--scenarios", "Plan A", "Plan B"]) == 0
    assert "Werkbedrijf Regio Noord" in capsys.readouterr().out
    other = tmp_path / "other.toml"
    other.write_text(planned.read_text("utf-8").replace("fulltime_hours = 38",
                                                        "fulltime_hours = 40"), "utf-8")
    assert run(["compare", str(planned), str(other), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "org.toml" in out
    assert "other.toml" in out
    assert run(["compare", str(planned), "--dates", "2010-01-01", "2024-05-01"]) == 2
    assert "no PSO rule in force" in capsys.readouterr().err


def test_the_group_example_runs_every_planning_command(
        capsys: pytest.CaptureFixture[str]) -> None:
    path = str(Path(__file__).parent.parent / "examples" / "group" / "organisation.toml")
    for argv in (["assess", path], ["assess", path, "--all-scenarios", "--application-date",
                                    "2027-05-01"],
                 ["forecast", path, "--until", "2029-05-01"],
                 ["compare", path, "--dates", "2025-05-01", "2027-05-01"],
                 ["compare", path, "--scenario", "Plan B"]):
        assert run(argv) == 0, argv
    out = capsys.readouterr().out
    assert "Zorgboerderij De Hoven B.V." in out
    org = psoladder.load_organisation(path)
    a = assess(org)
    assert [p.counted for p in a.purchases.purchases] == [True, False]
    assert a.purchases.purchases[1].reason.key == "p.in_group"  # type: ignore[union-attr]


def test_tables_show_the_certain_level_once(outputs: dict[str, object], plan: Scenario) -> None:
    # level_certain is level by definition (issue 17): one column, one row;
    # the JSON forms keep all three names.
    for kind in ("forecast", "scenarios"):
        text = _render(kind, outputs[kind], "text", "nl", plan)
        assert "Niveau zeker" not in text
        assert "Niveau mogelijk" in text
        doc = json.loads(_render(kind, outputs[kind], "json", "en", plan))
        assert '"level_certain"' in json.dumps(doc)


def test_compare_two_files_of_the_same_name(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    # Two organisation.toml files are told apart by their organisations'
    # names; a certifiable level without evidence is "not evaluated", never None.
    example = psoladder.io.orgfile.example_path()
    medium = Path(__file__).parent.parent / "examples" / "medium" / "organisation.toml"
    assert example.name == medium.name
    assert run(["compare", str(example), str(medium)]) == 0
    out = capsys.readouterr().out
    assert "Schoonmaakbedrijf De Glansrijke B.V.  Trede 2" in out
    assert "Installatiebedrijf Van Dijk & Zn.     Trede 3" in out
    assert "None" not in out
    assert "niet beoordeeld" in out


def test_tables_show_the_certain_level_where_it_differs(example: psoladder.Organisation,
                                                        plan: Scenario) -> None:
    # Under the interpolate policy the level (Trede 3) is not certain (Trede 2):
    # then the tables show all three levels.
    f = forecast(example, until=D(2025, 5, 1), every="year", norm_policy="interpolate")
    assert f.points[0].assessment.level_certain != f.points[0].assessment.level
    text = render_forecast(f, "text", lang="nl")
    assert "Niveau zeker" in text
    assert "Niveau mogelijk" in text
    baseline = assess(example, norm_policy="interpolate")
    text = render_scenarios(baseline, [(plan, assess(plan(example), norm_policy="interpolate"))],
                            "text", lang="en")
    assert "Level for certain" in text
