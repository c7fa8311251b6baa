"""Notebook views: assessments and explanations as HTML and Markdown in Jupyter and IPython.

In a notebook an :class:`~psoladder.assessment.Assessment` shows itself as
the report (a fragment with its own style, collapsible explanation steps) and
an :class:`~psoladder.explain.Explanation` as its tree. ``import psoladder``
registers these views with a running IPython kernel; where IPython starts
after psoladder was imported, ``%load_ext psoladder`` does the same.

The views follow a language setting, English unless the environment variable
``PSOLADDER_LANG`` says ``nl``::

    import psoladder.notebook
    psoladder.notebook.set_language("nl")     # every view from now on
    with psoladder.notebook.language("en"):   # or for a while
        display(result)

The domain objects do not know this module: the package registers it with
IPython by name, so the assessment stays free of presentation code.

>>> import psoladder
>>> a = psoladder.assess(psoladder.load_example())
>>> with language("nl"):
...     "Berekend niveau" in html(a)
True
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from psoladder import document, formatting, messages
from psoladder.document import Block
from psoladder.explain import Explanation
from psoladder.report import render

__all__ = ["get_language", "html", "language", "load_ipython_extension", "markdown",
           "register", "set_language"]

# A preference of the person at the notebook, not state of any computation.
_SETTINGS = {"lang": "nl" if os.environ.get("PSOLADDER_LANG") == "nl" else "en"}

def set_language(lang: str) -> None:
    """Show notebook views in ``lang`` (``nl`` or ``en``) from now on."""
    _SETTINGS["lang"] = formatting.language(lang)


def get_language() -> str:
    """The language of notebook views."""
    return _SETTINGS["lang"]


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Show notebook views in ``lang`` inside a ``with`` block."""
    before = _SETTINGS["lang"]
    set_language(lang)
    try:
        yield
    finally:
        _SETTINGS["lang"] = before


def _explanation_blocks(e: Explanation, lang: str) -> list[Block]:
    return [Block(messages.text("l.explanation", lang), children=tuple(e.blocks(lang)))]


def html(obj: Any) -> str:
    """The HTML view of an assessment or an explanation."""
    lang = get_language()
    if isinstance(obj, Explanation):
        return document.html_fragment(_explanation_blocks(obj, lang))
    return render(obj, "html", lang=lang, standalone=False)


def markdown(obj: Any) -> str:
    """The Markdown view of an assessment or an explanation."""
    lang = get_language()
    if isinstance(obj, Explanation):
        return document.markdown(_explanation_blocks(obj, lang))
    return render(obj, "markdown", lang=lang)


def register(shell: Any) -> None:
    """Register the views with an IPython shell's display formatters."""
    import psoladder

    psoladder.load_ipython_extension(shell)


def load_ipython_extension(shell: Any) -> None:
    """``%load_ext psoladder.notebook`` (or ``%load_ext psoladder``): register the views."""
    register(shell)
