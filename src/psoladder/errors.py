"""The one exception hierarchy of psoladder.

Every error psoladder raises on purpose is a :class:`PsoError`. Errors are part
of the API: each says what was wrong, where (file, row, field) and how to fix
it.

* :class:`InputError`: one or more problems in the caller's input. It carries
  every :class:`Problem` found, so a whole file is reported at once.
* :class:`NoRuleInForce`: a date for which psoladder has no PSO rules (before
  edition 1.5, R-ED-3).
* :class:`RuleDataError`: the rule data (shipped or a user override) is
  malformed.

>>> err = InputError([Problem("hours_per_week must be above 0", field="hours_per_week",
...                           row=3, file="payroll.csv", value="0",
...                           hint="give the contracted hours, e.g. 32")])
>>> print(err)
1 problem in the input:
  payroll.csv, row 3, field 'hours_per_week': hours_per_week must be above 0 (got '0'); give the contracted hours, e.g. 32
"""

from __future__ import annotations

import datetime as dt
import reprlib
from collections.abc import Iterable
from typing import Any

import attrs

from psoladder.limits import MAX_ECHO_CHARS, MAX_PROBLEMS

__all__ = ["InputError", "NoRuleInForce", "Problem", "PsoError", "RuleDataError", "Words", "shown"]

_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = MAX_ECHO_CHARS
_REPR.maxlevel = 2


def shown(value: object) -> str | None:
    """``value`` as text for an error message, at most about 80 characters.

    An input value is echoed so the user recognises it, never whole: a long
    cell, a deep list or a file's content is cut (with ``...``), in bounded
    time whatever its size.

    >>> text = shown("x" * 100)
    >>> len(text), text[-5:]
    (80, 'xx...')
    >>> shown([[[[1]]]]), shown(None)
    ('[[[...]]]', None)
    """
    if value is None:
        return None
    if isinstance(value, str):
        if len(value) <= MAX_ECHO_CHARS:
            return value
        return value[: MAX_ECHO_CHARS - 3] + "..."
    return _REPR.repr(value) if isinstance(value, list | tuple | dict | set) else \
        _shown_scalar(value)


def _shown_scalar(value: object) -> str:
    try:
        text = str(value) if not isinstance(value, int) or abs(value) < 10**MAX_ECHO_CHARS \
            else f"<a number of {value.bit_length()} bits>"
    except Exception:  # a value whose str() fails is shown by its type
        text = f"<{type(value).__name__}>"
    return shown(text) or ""


class PsoError(Exception):
    """Base class of every error psoladder raises on purpose."""


@attrs.frozen
class Problem:
    """One located input problem.

    Attributes:
        message: What is wrong, in one sentence.
        field: The field (column, key) concerned, if any.
        row: The 1-based row number in a file (the header is row 1), if any.
        file: The file name, if the input came from a file.
        value: The offending value as text, if any.
        hint: How to fix it.
    """

    message: str
    field: str | None = attrs.field(default=None, converter=shown)
    row: int | None = None
    file: str | None = attrs.field(default=None, converter=shown)
    value: str | None = attrs.field(default=None, converter=shown)
    hint: str | None = None
    #: The keys of the message and hint in :mod:`psoladder.messages` and their
    #: parameters, so :func:`psoladder.messages.problem_text` can put the
    #: problem in another language (issue 12). Not compared: ``message`` and
    #: ``hint`` are their English.
    words: Words | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    #: The input field the problem is about when :attr:`field` names it
    #: otherwise, e.g. a payroll column as the file writes it
    #: (``"Personeelsnummer"`` for ``person``; issue 12). Not compared.
    subject: str | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)

    def located(
        self, *, file: str | None = None, row: int | None = None, field: str | None = None
    ) -> Problem:
        """Return a copy with missing location parts filled in."""
        return attrs.evolve(
            self,
            file=self.file if self.file is not None else file,
            row=self.row if self.row is not None else row,
            field=self.field if self.field is not None else field,
        )

    def location(self) -> str:
        """The location as text, e.g. ``payroll.csv, row 3, field 'end'``."""
        parts = []
        if self.file is not None:
            # A name from a file is shown escaped if it holds control characters.
            parts.append(self.file if self.file.isprintable() else repr(self.file))
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.field is not None:
            parts.append(f"field {self.field!r}")
        return ", ".join(parts)

    def __str__(self) -> str:
        text = self.message
        if self.value is not None:
            text += f" (got {self.value!r})"
        if self.hint:
            text += f"; {self.hint}"
        where = self.location()
        return f"{where}: {text}" if where else text


@attrs.frozen
class Words:
    """The message table's keys of a problem's message and hint, and their parameters."""

    key: str
    hint: str | None
    params: tuple[tuple[str, Any], ...]


class InputError(PsoError, ValueError):
    """The input has one or more problems; :attr:`problems` lists them all.

    At most :data:`~psoladder.limits.MAX_PROBLEMS` are kept, and a last
    problem counts the others.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        listed = list(problems)
        if len(listed) > MAX_PROBLEMS + 1:
            rest = len(listed) - MAX_PROBLEMS
            listed = [*listed[:MAX_PROBLEMS], Problem(
                f"... and {rest} more problem(s) not listed", file=listed[0].file,
                hint="fix the problems above first; they often share a cause",
                # the texts in.more_problems and ih.more of psoladder.messages
                words=Words("in.more_problems", "ih.more", (("count", rest),)))]
        self.problems: tuple[Problem, ...] = tuple(listed)
        if not self.problems:
            raise ValueError("InputError needs at least one Problem")
        super().__init__(self._text())

    @classmethod
    def single(
        cls,
        message: str,
        *,
        field: str | None = None,
        value: object = None,
        hint: str | None = None,
    ) -> InputError:
        """Build an error with one problem (``value`` shown cut, see :func:`shown`)."""
        return cls([Problem(message, field=field, value=shown(value), hint=hint)])

    def located(
        self, *, file: str | None = None, row: int | None = None, field: str | None = None
    ) -> InputError:
        """Return the same problems with missing location parts filled in."""
        return InputError(p.located(file=file, row=row, field=field) for p in self.problems)

    def __reduce__(self) -> tuple[type[InputError], tuple[tuple[Problem, ...]]]:
        # Pickled with its problems (e.g. from a worker process), not its text.
        return (type(self), (self.problems,))

    def _text(self) -> str:
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in the input:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


class NoRuleInForce(PsoError, LookupError):
    """No PSO rule is in force on the date asked for (R-ED-3)."""

    def __init__(self, on: dt.date, first_supported: dt.date) -> None:
        self.on = on
        self.first_supported = first_supported
        super().__init__(
            f"no PSO rule in force on {on.isoformat()}: psoladder supports application "
            f"dates from {first_supported.isoformat()} (PSO-Handleiding 1.5) on (R-ED-3)"
        )


class RuleDataError(PsoError, ValueError):
    """The rule data, shipped or a user override, is malformed."""
