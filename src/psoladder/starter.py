"""The files ``psoladder new`` writes: a commented organisation file and a payroll CSV (issue 12).

The payroll is written as Dutch payroll systems export it: semicolons, Dutch
column names, dates ``dd-mm-jjjj`` and decimal commas, with a few people of a
small organisation (one Wajong employee, one on Participatiewet, one from WW,
an on-call worker mapped to flex), dated so that they work in the peiljaar
before today's application date. The organisation file explains every key in
comments (Dutch or English) and maps the export's own codes, so both can be
assessed at once and then filled in.

>>> files = starter_files("nl", dt.date(2026, 11, 29))
>>> list(files)
['organisatie.toml', 'loonexport.csv']
>>> files["loonexport.csv"].splitlines()[1]
'M001;01-03-2020;;40;Vast;;'
"""

from __future__ import annotations

import datetime as dt
import string
from pathlib import Path

__all__ = ["starter_files"]

_FOLDER = Path(__file__).resolve().parent / "data" / "new"

_HEADER = ("Personeelsnummer", "Datum in dienst", "Datum uit dienst", "Uren per week",
           "Contractsoort", "Doelgroep", "WW sinds")


def _rows(year: int) -> list[tuple[str, ...]]:
    """Six people who work in the peiljaar ``year``."""
    def d(day: int, month: int, y: int) -> str:
        return f"{day:02d}-{month:02d}-{y}"

    return [
        ("M001", d(1, 3, year - 5), "", "40", "Vast", "", ""),
        ("M002", d(1, 9, year - 2), "", "32", "Vast", "Wajong", ""),
        ("M003", d(1, 2, year), d(31, 10, year), "24", "Tijdelijk", "", ""),
        ("M004", d(15, 4, year - 1), "", "36", "Vast", "Participatiewet", ""),
        ("M005", d(1, 1, year - 3), "", "38,5", "Vast", "", ""),
        ("M006", d(1, 6, year), "", "20", "Oproepkracht", "WW", d(15, 9, year - 1)),
    ]


def starter_files(lang: str, today: dt.date) -> dict[str, str]:
    """The organisation file and the payroll, by file name, for an application on ``today``.

    Args:
        lang: ``nl`` (``organisatie.toml``, ``loonexport.csv``, Dutch comments)
            or ``en`` (``organisation.toml``, ``payroll.csv``, English comments;
            the payroll keeps its Dutch column names, as an export has them).
        today: The application date written in the file; the peiljaar is the
            calendar year before it.
    """
    org, payroll = (("organisatie.toml", "loonexport.csv") if lang == "nl"
                    else ("organisation.toml", "payroll.csv"))
    year = today.year - 1
    template = (_FOLDER / f"{org}.tmpl").read_text(encoding="utf-8")
    text = string.Template(template).substitute(
        org=org, payroll=payroll, application_date=today.isoformat(),
        peiljaar_start=dt.date(year, 1, 1).isoformat(),
        peiljaar_end=dt.date(year, 12, 31).isoformat())
    lines = [";".join(_HEADER), *(";".join(r) for r in _rows(year))]
    return {org: text, payroll: "\r\n".join(lines) + "\r\n"}
