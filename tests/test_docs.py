from __future__ import annotations

import re
import sys
from pathlib import Path

from psoladder.rules import rule_data

DOCS = Path(__file__).parent.parent / "docs"


def test_generated_rules_reference_shows_every_rule_id() -> None:
    sys.path.insert(0, str(DOCS))
    try:
        from rules_reference import render
    finally:
        sys.path.remove(str(DOCS))
    text = render()
    data = rule_data()
    ids = {h.rule for _, h in data.histories()}
    ids |= {data.raw["norms"]["rule"], data.raw["norms"]["basistrede"]["rule"], "R-ED-2"}
    ids |= {t["rule"] for t in data.raw["target_groups"].values()}
    ids |= {t["rule"] for t in data.raw["contract_types"].values()}
    missing = sorted(i for i in ids if i not in text)
    assert not missing
    for edition in data.editions:
        assert f"| {edition.name} | {edition.applies_from.isoformat()} |" in text
    assert "unknown (conservative: 0.5)" in text


def test_method_page_documents_every_decision_in_the_rule_data() -> None:
    from psoladder.rules import Status

    decisions = {h.rule for _, h in rule_data().histories()
                 for e in h.entries if e.status is Status.DECISION}
    page = (DOCS / "method.md").read_text("utf-8")
    section = page[page.index("## Decisions"):]
    documented = set(re.findall(r"R-[A-Z0-9]+-\d+[a-z]?", section))
    assert decisions, "the rule data has decisions"
    assert decisions <= documented, sorted(decisions - documented)


def test_every_text_has_the_same_fields_in_both_languages() -> None:
    import string

    from psoladder.messages import NOTICES, TEXTS

    def fields(template: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(template) if f}

    for key, (en, nl) in {**NOTICES, **TEXTS}.items():
        assert fields(en) == fields(nl), key


def test_modules_needing_an_extra_are_left_out_without_it() -> None:
    # The README's test command runs with the test extra alone: a module that
    # imports an optional package at its top must be listed in the root
    # conftest, whose doctest collection leaves it out when the package is
    # missing (CI installs every extra, so only this test sees a new one).
    import ast
    import runpy

    root = Path(__file__).parent.parent
    needs = runpy.run_path(str(root / "conftest.py"))["_NEEDS"]
    optional = {"numpy", "pyarrow", "pandas", "polars", "matplotlib", "openpyxl", "babel",
                "playwright"}
    for path in sorted((root / "src" / "psoladder").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        imported = set()
        for node in tree.body:  # module level only: imports inside functions are lazy
            if isinstance(node, ast.Import):
                imported |= {alias.name.partition(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                imported.add(node.module.partition(".")[0])
        needed = imported & optional
        name = path.relative_to(root).as_posix()
        if needed:
            assert name in needs, f"{name} imports {needed}: list it in conftest.py"
            assert needed <= set(needs[name]), name
