"""The HTML report and explanation in a real browser (headless Chromium via Playwright).

Uses Debian's ``chromium`` (``apt-get install chromium``) driven by Playwright
for Python (the ``browser`` extra); Playwright's own browser download is not
used. Skipped, with the reason, only where no browser can be installed.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import psoladder
from psoladder.report import render

CHROMIUM = os.environ.get("PSOLADDER_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="Playwright for Python is not installed "
                                   "(pip install 'psoladder[browser]')")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    a = psoladder.assess_file(psoladder.example_path(), detail=True)
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(render(a, "html", lang="nl", explain="full"), encoding="utf-8")
    return path


@pytest.fixture
def page(browser: Any, page_file: Path) -> Iterator[Any]:
    p = browser.new_page(viewport={"width": 1024, "height": 800})
    p.goto(page_file.as_uri())
    yield p
    p.close()


def _overflow(page: Any) -> int:
    return int(page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"))


def test_every_section_is_visible(page: Any) -> None:
    sections = page.locator("section")
    assert sections.count() == 10
    for i in range(sections.count()):
        heading = sections.nth(i).locator("h1, h2").first
        heading.scroll_into_view_if_needed()
        assert heading.is_visible(), heading.inner_text()
    verdict = page.locator("p.verdict")  # the verdict, and the certain and possible level
    assert verdict.count() == 2
    assert all(verdict.nth(i).is_visible() for i in range(verdict.count()))
    explanation = sections.last.locator(":scope > details")
    assert explanation.count() == 19  # one per figure, open
    for i in range(explanation.count()):
        assert explanation.nth(i).evaluate("d => d.open")


def test_no_horizontal_overflow_at_1024_px(page: Any) -> None:
    assert _overflow(page) <= 0
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert _overflow(page) <= 0  # not even with every block open


def test_collapsible_sections_open(page: Any) -> None:
    closed = page.locator("details:not([open])")
    assert closed.count() > 10  # people start folded
    first = page.locator("details:not([open]):has(> .calc)").first.element_handle()
    first.scroll_into_view_if_needed()
    body = first.query_selector(":scope > .calc")
    assert not body.is_visible()
    first.query_selector(":scope > summary").click()
    assert first.evaluate("d => d.open")
    assert body.is_visible()


def test_print_to_pdf_produces_pages(page: Any, tmp_path: Path) -> None:
    pdf = page.pdf(path=str(tmp_path / "report.pdf"), format="A4")
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= 5
    # printing opened every block, so the PDF holds the whole explanation
    assert page.evaluate("[...document.querySelectorAll('details')].every(d => d.open)")


def test_explanation_view_and_screenshot(browser: Any, tmp_path: Path) -> None:
    from psoladder import notebook

    a = psoladder.assess(psoladder.load_example())
    path = tmp_path / "explanation.html"
    path.write_text("<!DOCTYPE html><meta charset=utf-8>" + notebook.html(a.explanation),
                    encoding="utf-8")
    p = browser.new_page(viewport={"width": 1024, "height": 800})
    try:
        p.goto(path.as_uri())
        assert p.locator("details").first.is_visible()
        assert _overflow(p) <= 0
        shot = tmp_path / "explanation.png"
        p.screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000
    finally:
        p.close()
