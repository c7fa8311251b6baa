"""Reading the plans of an organisation file: its ``[[scenario]]`` tables.

The organisation-file reader (:func:`psoladder.load_organisation`) checks
these tables with the rest of the file; this module returns them.
"""

from __future__ import annotations

from pathlib import Path

from psoladder.io.orgfile import read_document
from psoladder.planning.scenarios import Scenario, scenarios_from_mapping

__all__ = ["load_scenarios"]


def load_scenarios(path: str | Path) -> dict[str, Scenario]:
    """The scenarios of an organisation file, by name, in the file's order.

    >>> from psoladder.io import example_path
    >>> load_scenarios(example_path())
    {}

    Raises:
        InputError: Every problem of the ``[[scenario]]`` tables, with its key path.
    """
    doc, _, name = read_document(path)
    return scenarios_from_mapping(doc.get("scenario"), file=name)
