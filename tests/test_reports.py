"""Reports and explanations for people (#13) and neutralised output (#16 item 7)."""

from __future__ import annotations

import ast
import html.parser
import json
import re
import string
import sys
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest
from tests.report_cases import assessments, below_trede_1, mixed, small, trede_3

import psoladder
from psoladder import document, messages
from psoladder.cli import run
from psoladder.explain import explain
from psoladder.messages import NOTICES, TEXTS
from psoladder.report import render, verdict_sentence
from psoladder.rules import rule_data

SRC = Path(psoladder.__file__).parent


@pytest.fixture(scope="module")
def cases() -> list[psoladder.Assessment]:
    return list(assessments())


@pytest.fixture(scope="module")
def example() -> psoladder.Assessment:
    return psoladder.assess(psoladder.load_example())


# ------------------------------------------------------------------ one language


def test_the_cases_raise_every_notice_and_reason(cases: list[psoladder.Assessment]) -> None:
    seen: set[str] = set()
    for a in cases:
        seen |= {w.key for w in a.warnings}
        for p in a.workforce.periods:
            seen |= {r.key for r in p.counting.reasons} | {n.key for n in p.counting.notices}
        seen |= {p.reason.key for p in a.purchases.purchases if p.reason}
    wanted = set(NOTICES) | {k for k in TEXTS if k.startswith(("r.", "p."))}
    assert wanted <= seen, sorted(wanted - seen)
    blockers = {b.reason for a in cases for b in a.verdict.blocking}
    assert blockers == {"evidence_missing", "appraisals"}


# Code names and English words that must not appear in a Dutch text.
CODE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")  # snake_case codes: trede_2, pso_certified
CODE_WORDS = {"regular", "supported", "placement", "trial", "wsw", "wajong", "ww", "headcount",
              "none", "None", "true", "false", "True", "False", "nan", "NaN"}
# (Dutch words spelt the same are left out: of, week, contract, direct, indirect, score, data.)
ENGLISH = {"the", "and", "not", "to", "from", "with", "for", "row", "rows", "person",
           "persons", "people", "weight", "weighted", "yes", "no", "unknown", "published",
           "decision", "awarded", "reachable", "level", "levels", "target", "group",
           "source", "counts", "count", "days", "day", "purchase", "purchases", "supplier",
           "edition", "window", "share", "total", "eligible", "employment", "norms",
           "nearest", "interpolated", "certifiable", "computed", "missing", "cap", "reached",
           "applies", "value", "rule", "note", "hours", "inflow", "capped",
           "sum", "smallest", "below", "above", "at", "least", "most", "none", "assessment",
           "contribution", "gaps", "fee", "annual", "warnings", "input"}
# Code the reader types (a file's table, a command-line option) and web addresses.
# and rule ids.
ALLOWED = re.compile(r"https?://\S+|\[\[[a-z_]+\]\]|--[a-z-]+(=[a-z]+)?|\bR-[A-Z0-9]+-\d+[a-z]?")


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = False

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self._skip = tag in {"style", "script"}

    def handle_endtag(self, tag: str) -> None:
        self._skip = False

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _html_text(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    return "\n".join(parser.parts)


def _json_texts(doc: Any) -> Iterator[str]:
    """The texts for people in a JSON report: warnings' text and the explanation's words."""
    for w in doc["warnings"]:
        yield w["text"]

    def walk(step: dict[str, Any]) -> Iterator[str]:
        yield step["title"]
        yield step["shown"]
        yield step.get("formula", "")
        yield from step.get("notes", [])
        for k, v in step.get("inputs", {}).items():
            yield f"{k} {v}"
        for child in step.get("steps", []):
            yield from walk(child)

    for step in doc["explanation"]:
        yield from walk(step)


def _offending(text: str, names: set[str]) -> list[str]:
    clean = ALLOWED.sub(" ", text)
    for name in names:  # the inputs' own names are the user's words
        clean = clean.replace(name, " ")
    bad = CODE.findall(clean)
    words = re.findall(r"[A-Za-z]+", clean)
    bad += [w for w in words if w in CODE_WORDS or w.lower() in ENGLISH]
    return sorted(set(bad))


def _names(a: psoladder.Assessment) -> set[str]:
    names = {a.organisation.name, *(p.person for p in a.workforce.persons)}
    names |= {p.purchase.supplier for p in a.purchases.purchases}
    return names


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_dutch_reports_show_no_code_names_or_english(cases: list[psoladder.Assessment],
                                                     example: psoladder.Assessment,
                                                     fmt: str) -> None:
    for a in [*cases, example]:
        for exact in (False, True):
            out = render(a, fmt, lang="nl", explain="full", exact=exact)
            if fmt == "html":
                texts = [_html_text(out)]
            elif fmt == "json":
                texts = list(_json_texts(json.loads(out)))
            else:
                texts = [out]
            for text in texts:
                assert not _offending(text, _names(a)), (a.organisation.name, fmt,
                                                         _offending(text, _names(a)))


def test_the_denylist_catches_what_it_should() -> None:
    assert {"nearest_published_row", "trede_2"} <= set(
        _offending("Niveau: trede_2, herkomst: nearest_published_row", set()))
    assert _offending("PSO 30+: not awarded; true", set()) == ["awarded", "not", "true"]
    assert _offending("Jan de Vries: not", {"Jan de Vries"}) == ["not"]
    assert _offending("bron: https://x.nl/the/rows ([[evidence]], --explain=full)", set()) == []


def test_every_code_has_a_name_in_both_languages() -> None:
    from psoladder.levels import NormPolicy, NormSource
    from psoladder.rules import SourceQuality, Status
    from psoladder.thirtyplus import ThirtyPlusBasis, ThirtyPlusDenominator

    for kind in (psoladder.Level, psoladder.TargetGroup, psoladder.ContractType,
                 psoladder.SupplierKind, Status, NormSource, ThirtyPlusBasis, NormPolicy,
                 ThirtyPlusDenominator, SourceQuality):
        prefix = messages._PREFIX_BY_TYPE[kind.__name__]
        for member in kind:
            assert messages.has(f"{prefix}.{member.value}"), member
            assert messages.show(member, "", "nl") == messages.text(f"{prefix}.{member.value}",
                                                                    "nl")
    for criterion in ("suitable_work", "integration", "development", "guidance"):
        assert messages.has(f"criterion.{criterion}")
    for condition in ("smart", "board_approved", "aims_for_trede_1_within_2_years",
                      "being_carried_out"):
        assert messages.has(f"aspirant.{condition}")


def test_every_rule_value_has_a_name_in_both_languages() -> None:
    from psoladder.explain import _cited_name

    data = rule_data()
    for edition in data.editions:
        rules = psoladder.rules_at(edition.applies_from)
        for cited in rules.cited_values():
            for lang in ("nl", "en"):
                name = _cited_name(cited.name, lang)
                assert name != messages.text("cited.value", lang), (cited.name, lang)


def test_templates_have_the_same_fields_and_formats_in_both_languages() -> None:
    def fields(template: str) -> set[tuple[str, str]]:
        # a counted noun's words differ by language ({n:count|persoon|personen}), its kind not
        return {(f, (spec or "").split("|")[0]) for _, f, spec, _ in
                string.Formatter().parse(template) if f}

    for key, (en, nl) in {**NOTICES, **TEXTS}.items():
        assert fields(en) == fields(nl), key


# ------------------------------------------------------------------ the verdict


def test_verdict_names_what_separates_the_levels(example: psoladder.Assessment) -> None:
    v = example.verdict
    assert (v.quantitative, v.certifiable) == (psoladder.Level.TREDE_2, psoladder.Level.NONE)
    assert verdict_sentence(example, "nl") == (
        "Trede 2 berekend; certificeerbaar zodra bewijs voor D003 (functioneren en "
        "ontwikkeling) is aangeleverd.")
    assert verdict_sentence(example, "en") == (
        "Trede 2 computed; certifiable once evidence for D003 (functioning and development) "
        "is supplied.")
    d = example.to_dict()
    assert d["level"] == d["quantitative_level"] == "trede_2"
    assert d["certifiable_level"] == "none"
    assert d["blocking"] == [{"reason": "evidence_missing", "rule": "R-QUAL-1",
                              "persons": ["D003"], "criteria": ["development"]}]
    text = render(example, "text", lang="nl").splitlines()
    assert text[2].split() == ["Berekend", "niveau", "Trede", "2"]
    assert text[3].split() == ["Certificeerbaar", "niveau", "geen", "trede"]
    assert text[5].startswith("  Trede 2 berekend; certificeerbaar zodra")


def test_verdict_in_every_situation() -> None:
    a = psoladder.assess(mixed())
    sentence = verdict_sentence(a, "nl")
    assert "bewijs voor" in sentence
    assert "functionerings- en ontwikkelgesprekken" in sentence
    assert "minimaal 80 %" in sentence
    assert "(nu 60,00 %)" in sentence
    assert verdict_sentence(psoladder.assess(small()), "nl").startswith(
        "Geen trede: totaal fte 0,5000 is minder dan het minimum van 2 fte.")
    t3 = psoladder.assess(trede_3())
    assert verdict_sentence(t3, "en") == ("Trede 3 computed and certifiable: the recorded "
                                          "evidence meets the qualitative criteria.")
    assert t3.to_dict()["blocking"] == []
    org = psoladder.Organisation(name="X", kvk="12345678", application_date="2024-05-01",
                                 employments=mixed().employments)
    none = psoladder.assess(org)
    assert none.verdict.certifiable is None
    assert "([[evidence]] in het organisatiebestand)" in verdict_sentence(none, "nl")
    assert none.to_dict()["certifiable_level"] is None
    low = below_trede_1()
    plan = psoladder.AspirantPlan(approved_on="2023-03-01", smart=True, board_approved=True,
                                  aims_for_trede_1_within_2_years=True, being_carried_out=True)
    aspirant = psoladder.assess(attrs.evolve(low, aspirant_plan=plan))
    assert verdict_sentence(aspirant, "nl") == (
        "Geen trede berekend: de totale sociale bijdrage 0,00 % haalt de norm voor Trede 1 "
        "(6,20 %) niet. Het plan van aanpak geeft recht op de Aspirant-status tot en met "
        "28 februari 2025.")


# ------------------------------------------------------------------ the explanation


def test_calculations_show_the_numbers(example: psoladder.Assessment) -> None:
    e = example.explanation
    assert e.step("direct_pct").calculation("nl") == ["3,1544 / 76,7442 x 100 = 4,11 %"]
    assert e.step("direct_pct").calculation("en") == ["3.1544 / 76.7442 x 100 = 4.11%"]
    person = next(s for s in e.walk() if s.title.params == (("person", "D007"),))
    lines = person.children[0].calculation("nl")
    assert lines[0] == "fte: 20 / 38 x 365 / 365 = 0,5263 fte"
    assert lines[2] == "weging: WW-uitkering 0,75 x arbeidsovereenkomst 1 = 0,75"
    assert lines[3] == "gewogen: 0,5263 x 0,75 = 0,3947 fte"
    level = e.step("level").calculation("nl")[0]
    assert level == "4,88 % ≥ 3,00 % (Trede 2) en 4,88 % < 5,10 % (Trede 3)"
    assert e.step("thirty_plus").calculation("nl")[0].endswith("= 4,30 % < 30 % vereist")


def test_exact_values_stay_available(example: psoladder.Assessment) -> None:
    step = example.explanation.step("total_fte")
    assert step.exact == example.exact_total_fte == Fraction(532221, 6935)
    assert step.value == str(example.total_fte)
    assert "532221/6935 ≈ 76,7441961067051189617880317" in step.block("nl", exact=True).value
    out = render(example, "text", lang="en", explain=True, exact=True)
    assert "20 / 38 x 365 / 365 = 10/19 ≈ 0.5263157894736842105263157895 fte" in out


def test_explanation_shape_summary_and_full(example: psoladder.Assessment) -> None:
    summary = example.explanation
    total = summary.step("total_fte")
    others = total.children[1]
    assert others.table is None
    assert others.children[0].calc[0].params[:2] == (
        ("persons", 110), ("rows", 115))
    full = explain(example, detail="full").step("total_fte").children[1]
    assert full.table is not None
    assert len(full.table.rows) == 115
    assert sum(r[-1] for r in full.table.rows) == others.exact
    # every target-group person in full, even without a weighted fte
    people = summary.step("weighted_target_fte").children
    assert len(people) == 11
    assert all(p.children for p in people)
    assert summary.figures()["level"] == "trede_2"


def test_one_tree_three_layouts(example: psoladder.Assessment) -> None:
    blocks = example.explanation.blocks("nl")
    text = "\n".join(document.text_tree(blocks))
    md = document.markdown([document.Block("T", children=tuple(blocks))])
    page = document.html_page([document.Block("T", children=tuple(blocks))])
    for b in (blocks[2], blocks[4]):
        for form in (text, md, _html_text(page)):
            assert b.title in form
            assert b.lines[0].replace("x", "x") in form.replace("\\", "")
    assert page.count("<details") == page.count("</details>") > 40


def test_repr_of_a_large_explanation_is_short(example: psoladder.Assessment) -> None:
    assert len(repr(example.explanation)) < 120
    assert len(repr(example)) < 160


# ------------------------------------------------------------------ neutralised output


# Text the input model accepts but that means something in Markdown, HTML or mathtext.
HOSTILE = "Evil | Co `x` [link](http://evil) <script>alert(1)</script> $x^2$ # kop"
# Control characters: refused by the input model (issue 16), so they can only
# reach a report from objects built around it; reports neutralise them anyway.
CONTROL = "\x1b[31mred\x1b[0m \u202eesrever\n# kop"


def _smuggle(obj: object, field: str, value: str) -> None:
    """Set a field of a frozen input object past its validation (defence in depth)."""
    object.__setattr__(obj, field, value)


def _hostile(control: bool = True) -> psoladder.Assessment:
    rows = [psoladder.Employment(person=f"{HOSTILE}{i}", start="2020-01-01", hours_per_week=40,
                                 target_group="wajong" if i == 0 else None) for i in range(5)]
    org = psoladder.Organisation(
        name=HOSTILE, kvk="12345678", application_date="2024-05-01", employments=rows,
        purchases=[psoladder.Purchase(supplier=HOSTILE, amount=1000, supplier_turnover=10**6,
                                      supplier_fte=10, supplier_direct_pct=50)])
    if control:  # the organisation's name also names its main entity, which validates it
        _smuggle(org.purchases[0], "supplier", f"{HOSTILE} {CONTROL}")
        for i, row in enumerate(org.employments):
            _smuggle(row, "person", f"{HOSTILE} {CONTROL}{i}")
    return psoladder.assess(org)


def test_the_input_model_refuses_control_characters() -> None:
    with pytest.raises(psoladder.InputError):
        psoladder.Employment(person=CONTROL, start="2020-01-01", hours_per_week=40)


def test_text_reports_escape_control_characters() -> None:
    out = render(_hostile(), "text", lang="nl", explain="full")
    assert "\x1b" not in out
    assert "\u202e" not in out
    assert "\\x1b[31mred" in out
    assert "\\u202eesrever" in out
    assert "\\n# kop" in out  # the newline cannot start a line of its own


def test_markdown_cells_cannot_break_tables_or_make_links() -> None:
    out = render(_hostile(), "markdown", lang="en", explain="full")
    for line in out.splitlines():
        if line.startswith("|") and "Evil" in line:
            cells = re.split(r"(?<!\\)\|", line)
            assert len(cells) in (4, 6), line  # 2 or 4 columns: no cell was split
    assert "[link](" not in out
    assert "\\[link\\](http://evil)" in out
    assert "`x`" not in out
    assert "\\`x\\`" in out
    assert "<script>" not in out
    assert "\x1b" not in out
    assert not any(line.startswith("# kop") for line in out.splitlines())


def test_html_stays_escaped() -> None:
    out = render(_hostile(), "html", lang="en", explain="full")
    assert "<script>alert" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "\x1b" not in out


def test_plot_labels_escape_mathtext(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    from psoladder.plot import plot_ladder, save_plot

    a = _hostile()
    ax = plot_ladder(a)
    assert "\\$x^2\\$" in ax.get_title()
    assert "\x1b" not in ax.get_title()
    assert save_plot(a, tmp_path / "p.png").stat().st_size > 1000  # no mathtext error


def test_cli_status_line_is_neutralised(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    name = "org\x1b[2J.toml"
    (tmp_path / name).write_text('name = "X"\nkvk = "12345678"\n'
                                 'application_date = 2024-05-01\n'
                                 '[[employment]]\nperson = "A"\nstart = 2020-01-01\n'
                                 "hours_per_week = 40\n", encoding="utf-8")
    assert run(["assess", str(tmp_path / name)]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "org\\x1b[2J.toml" in err


# ------------------------------------------------------------------ command line


def test_cli_explain_full_and_exact(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["example", "--explain=full", "--lang", "en"]) == 0
    full = capsys.readouterr().out
    assert "E00050" in full
    assert "16 / 38 x 254 / 365" in full
    assert run(["example", "--explain", "--exact", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "E00050" not in out
    assert "532221/6935 ≈ 76.74419610670511896178803172" in out
    assert "Figures are exact" in out
    path = str(Path(psoladder.example_path()))
    assert run(["assess", "--explain", path]) == 0  # the flag takes no value
    capsys.readouterr()
    with pytest.raises(SystemExit) as info:
        run(["example", "--explain=everything"])
    assert info.value.code == 2


def test_cli_status_line_in_the_report_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["example"]) == 0
    assert "126 dienstverbanden van 121 personen en 2 inkopen gelezen" in capsys.readouterr().err
    assert run(["example", "--lang", "en"]) == 0
    assert "126 employment rows of 121 persons, 2 purchases read" in capsys.readouterr().err


def test_json_keeps_its_keys_and_adds_the_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["example", "--format", "json", "--explain"]) == 0
    doc = json.loads(capsys.readouterr().out)
    for key in ("level", "eligible", "edition", "total_fte", "weighted_target_fte",
                "direct_pct", "indirect_fte", "indirect_pct", "indirect_counted_pct",
                "total_pct", "size", "norms", "warnings", "thirty_plus", "gaps",
                "explanation", "quantitative_level", "certifiable_level", "blocking"):
        assert key in doc
    assert doc["warnings"][0]["message"].startswith("editions after 2.1")   # English, as before
    assert doc["warnings"][0]["text"].startswith("edities na 2.1")          # --lang nl
    step = next(s for s in doc["explanation"] if s.get("figure") == "direct_pct")
    assert step["value"] == doc["direct_pct"]
    assert step["formula"] == "3,1544 / 76,7442 x 100 = 4,11 %"


# ------------------------------------------------------------------ Python


def test_level_prints_its_name() -> None:
    assert str(psoladder.Level.TREDE_1) == "Trede 1"
    assert f"{psoladder.Level.TREDE_2}" == "Trede 2"
    assert psoladder.Level.TREDE_1.value == "trede_1"
    assert psoladder.Level("trede_3") is psoladder.Level.TREDE_3


def test_notebook_views_follow_the_language_setting(example: psoladder.Assessment) -> None:
    from psoladder import notebook

    assert notebook.get_language() == "en"
    assert "Computed level" in notebook.html(example)
    with notebook.language("nl"):
        assert "Berekend niveau" in notebook.html(example)
        assert "Toelichting per stap" in notebook.html(example.explanation)
        assert notebook.markdown(example).startswith("# PSO-beoordeling")
    assert notebook.get_language() == "en"
    with pytest.raises(ValueError, match="use nl or en"):
        notebook.set_language("de")


class _Formatter:
    def __init__(self) -> None:
        self.registered: dict[tuple[str, str], Any] = {}

    def for_type_by_name(self, module: str, name: str, func: Any) -> None:
        self.registered[module, name] = func


class _Shell:
    def __init__(self) -> None:
        self.display_formatter = type("F", (), {"formatters": {
            "text/html": _Formatter(), "text/markdown": _Formatter()}})()


def test_views_are_registered_with_ipython_by_name(example: psoladder.Assessment,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    shell = _Shell()
    fake = type(sys)("IPython")
    fake.get_ipython = lambda: shell  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "IPython", fake)
    psoladder._register_with_ipython()
    html_views = shell.display_formatter.formatters["text/html"].registered
    assert set(html_views) == {("psoladder.assessment", "Assessment"),
                               ("psoladder.explain", "Explanation")}
    assert "<details" in html_views["psoladder.explain", "Explanation"](example.explanation)
    md = shell.display_formatter.formatters["text/markdown"].registered
    assert md["psoladder.assessment", "Assessment"](example).startswith("# PSO assessment")


# ------------------------------------------------------------------ structure


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node, leaving out ``if TYPE_CHECKING:`` blocks (imports for types only)."""
    out: list[ast.AST] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        out.append(node)
        if (isinstance(node, ast.If) and isinstance(node.test, ast.Name)
                and node.test.id == "TYPE_CHECKING"):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))
    return out


def _imports(path: Path) -> set[str]:
    """Every psoladder module a file imports at run time, at the top or inside a function."""
    found: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            found |= {n for n in names if n.startswith("psoladder")}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("psoladder")}
    return found


def _module(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_dependencies_run_one_way() -> None:
    modules = {_module(p): p for p in SRC.rglob("*.py")}
    graph = {m: {i for i in _imports(p) if i in modules and i != m} for m, p in modules.items()
             if m != "psoladder"}  # the package root composes, lazily, by name
    presentation = {"psoladder.report", "psoladder.notebook", "psoladder.plot",
                    "psoladder.dataframe", "psoladder.cli"}
    assert not graph["psoladder.assessment"] & presentation
    assert "psoladder.assessment" not in graph["psoladder.explain"]
    assert not {"psoladder.explain", "psoladder.report"} & graph["psoladder.model"]

    # no cycles at all
    state: dict[str, int] = {}

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for n in graph.get(m, ()):
            if state.get(n) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*path, m, n]))
            if n not in state:
                visit(n, [*path, m])
        state[m] = 2

    for m in graph:
        if m not in state:
            visit(m, [])


# ------------------------------------------------------------------ DataFrames


def test_frames_are_exact_and_add_up(example: psoladder.Assessment) -> None:
    pytest.importorskip("pandas")
    from psoladder.dataframe import persons_frame, purchases_frame, rows_frame
    from psoladder.numbers import round_half_up

    for numeric in ("decimal", "float"):
        people = persons_frame(example, numeric=numeric)
        rows = rows_frame(example, numeric=numeric)
        assert len(people) == 121
        assert len(rows) == 126
        if numeric == "decimal":
            assert people["fte"].sum() == round_half_up(example.exact_total_fte, 18)
            assert rows["fte"].sum() == people["fte"].sum()
            by_person = rows.groupby("person", sort=False)["fte"].sum()
            assert (by_person.to_numpy() == people.set_index("person")["fte"]
                    .loc[by_person.index].to_numpy()).all()
            for value, exact in zip(people["fte"], example.workforce.persons, strict=True):
                assert abs(Fraction(value) - exact.fte) <= Fraction(1, 10**18)
        else:
            assert people["fte"].dtype == "float64"
            assert "fte" in people.describe().columns
    assert purchases_frame(example)["counted"].tolist() == [True, True]
    with pytest.raises(ValueError, match="numeric"):
        persons_frame(example, numeric="float32")


def test_arrow_decimal_columns() -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    from psoladder.dataframe import persons_frame
    from psoladder.numbers import round_half_up

    a = psoladder.assess(psoladder.load_example())
    people = persons_frame(a, numeric="arrow")
    assert str(people["fte"].dtype) == "decimal128(38, 18)[pyarrow]"
    assert people["fte"].sum() == round_half_up(a.exact_total_fte, 18)


def test_row_numbers_match_the_payroll_file() -> None:
    pytest.importorskip("pandas")
    from psoladder.dataframe import rows_frame

    path = psoladder.example_path()
    lines = (Path(path).parent / "payroll.csv").read_text("utf-8").splitlines()
    a = psoladder.assess_file(path, detail=True)
    rows = rows_frame(a)
    for row, person in zip(rows["row"], rows["person"], strict=True):
        assert lines[row - 1].split(",")[0] == person  # line 1 is the header
    streamed = psoladder.assess_file(path)
    with pytest.raises(ValueError, match="detail=True"):
        rows_frame(streamed)


def test_reasons_in_frames_follow_the_language(example: psoladder.Assessment) -> None:
    pytest.importorskip("pandas")
    from psoladder.dataframe import rows_frame

    reasons = rows_frame(example, lang="nl")["reasons"]
    assert "valt niet onder de PSO-doelgroep" in set(reasons)


def test_decimal_zero_and_apportion() -> None:
    from psoladder.dataframe import apportion

    parts = [Fraction(1, 3)] * 3 + [Fraction(0)]
    shares = apportion(Fraction(1), parts, 4)
    assert sum(shares) == 1
    assert shares[-1] == Decimal(0)
    assert str(shares[-1]) == "0"
