"""Golden files: the example organisation's reports, read whole and reviewed as diffs.

Regenerate all of them after a reviewed change with one command::

    PSOLADDER_UPDATE_GOLDEN=1 pytest tests/test_golden.py

then read the diff (``git diff tests/golden``) before committing it.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

import psoladder
from psoladder.report import render

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("PSOLADDER_UPDATE_GOLDEN") == "1"
SUFFIX = {"text": "txt", "markdown": "md", "html": "html", "json": "json"}


@pytest.fixture(scope="module")
def example() -> psoladder.Assessment:
    # What `psoladder example --explain` assesses: the streamed path, rows kept.
    return psoladder.assess_file(psoladder.example_path(), detail=True)


def _check(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"{path} is missing; run PSOLADDER_UPDATE_GOLDEN=1 pytest {__file__}")
    expected = path.read_text("utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            f"golden/{name}", "now", n=2))
        pytest.fail(f"{name} changed; if intended, run PSOLADDER_UPDATE_GOLDEN=1 pytest "
                    f"tests/test_golden.py and review the diff:\n{diff[:6000]}")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_report(example: psoladder.Assessment, fmt: str, lang: str) -> None:
    _check(f"example.{lang}.{SUFFIX[fmt]}", render(example, fmt, lang=lang) + "\n")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_explanation(example: psoladder.Assessment, lang: str) -> None:
    _check(f"example.explanation.{lang}.txt", example.explanation_in(lang).render() + "\n")


def test_the_cli_prints_the_golden_report(capsys: pytest.CaptureFixture[str]) -> None:
    from psoladder.cli import run

    assert run(["example"]) == 0
    assert capsys.readouterr().out == (GOLDEN / "example.nl.txt").read_text("utf-8")
