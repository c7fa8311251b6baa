"""The contract every fuzz case is held to, and the tally of outcomes.

A case is one input (a mutated organisation file, payroll, workbook or
override file) run through the API or the command line. It must end within
its deadline in one of two ways: a result, or a located input error (exit
status 0 or 2 on the command line), never another exception, a traceback or
"internal error".
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from tests.conftest import deadline

import psoladder
from psoladder import InputError, PsoError
from psoladder.cli import run

#: ``PSOLADDER_FUZZ=long`` runs the release profile.
LONG = os.environ.get("PSOLADDER_FUZZ", "").lower() == "long"
#: Seconds one case may take (far above the slowest honest case).
CASE_SECONDS = 30.0 if LONG else 15.0

#: Outcome class -> cases, over the session (printed by the conftest).
OUTCOMES: Counter[str] = Counter()


def _kind(message: str) -> str:
    """A message with its values taken out: the class of a problem."""
    text = re.sub(r"\(got .*", "", message)
    text = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", text)
    text = re.sub(r"(?<![\w-])[0-9][0-9,._]*", "N", text)
    return " ".join(text.split()[:9])


def record(surface: str, outcome: str, detail: str = "") -> None:
    OUTCOMES[f"{surface}: {outcome}" + (f" — {detail}" if detail else "")] += 1


def located(exc: PsoError) -> None:
    """Every problem of an input error says where it is."""
    if isinstance(exc, InputError):
        for problem in exc.problems:
            assert problem.file or problem.field or problem.row, f"unlocated: {problem}"
    else:
        assert str(exc), "an error without a message"


@contextlib.contextmanager
def case(surface: str) -> Iterator[None]:
    """Run one API case: ok, or a located PsoError; anything else fails the test."""
    with deadline(CASE_SECONDS):
        try:
            yield
        except PsoError as exc:
            located(exc)
            first = exc.problems[0].message if isinstance(exc, InputError) else str(exc)
            record(surface, type(exc).__name__, _kind(first))
            return
    record(surface, "ok")


def api(path: Path, *, compare: bool = True, **kw: Any) -> None:
    """Both readers on ``path``: same outcome; the same figures and warnings when both succeed."""

    def in_memory() -> psoladder.Assessment:
        return psoladder.assess(psoladder.load_organisation(path, **kw))

    def streamed() -> psoladder.Assessment:
        return psoladder.assess_file(path, **kw)

    outcome: list[psoladder.Assessment | None] = []
    for surface, call in (("load+assess", in_memory), ("assess_file", streamed)):
        result: list[psoladder.Assessment] = []
        with case(surface):
            result.append(call())
        outcome.append(result[0] if result else None)
    first, second = outcome
    if compare:
        assert (first is None) == (second is None), "one path failed, the other did not"
        if first is not None and second is not None:
            assert first.to_dict() == second.to_dict()
            assert first.warnings == second.warnings


def cli(argv: Sequence[str], surface: str = "cli") -> int:
    """The command line in-process: exit 0 or 2, no traceback, a message on failure."""
    out, err = io.StringIO(), io.StringIO()
    with deadline(CASE_SECONDS), contextlib.redirect_stdout(out), \
            contextlib.redirect_stderr(err):
        status = run(list(argv))
    text = err.getvalue()
    assert status in (0, 2), (status, text)
    assert "Traceback" not in text
    assert "internal error" not in text
    if status == 2:
        assert text.startswith("psoladder: "), text
        record(surface, "exit 2", _kind(text.split("\n", 2)[1 if "\n" in text else 0]
                                        .split(": ", 1)[-1]))
    else:
        record(surface, "exit 0")
    return status


def guarded(call: Callable[[], Any]) -> Any:
    """Call with the case deadline (for helpers that build inputs)."""
    with deadline(CASE_SECONDS):
        return call()
