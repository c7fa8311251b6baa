"""Payroll files the engines are compared on: CSV dialects, exports, generated text.

Shared by the tests of the columnar engine (``test_columnar.py``, which needs
the ``fast`` extra) and of the pure-Python columnar engine
(``test_pure_engine.py``, which needs nothing).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

ORG = ('name = "Kolom B.V."\nkvk = ["12345678"]\napplication_date = 2024-05-01\n'
       'peiljaar = { start = 2023-01-01, end = 2023-12-31 }\nemployments = "{payroll}"\n')
HEADER = "person,start,end,hours_per_week,contract,target_group,ww_since\n"
ROWS = ("A,2020-01-01,,32,regular,,\n"
        "B,2022-05-01,2023-06-30,40,,wajong,\n"
        "B,2023-03-01,,24.5,placement,wajong,\n"
        "C,2023-02-01,,36,secondment_flex,ww,2022-01-01\n"
        "D,2010-01-01,2012-12-31,40,,,\n")


def organisation(folder: Path, payroll: str | bytes, name: str = "payroll.csv") -> Path:
    data = payroll if isinstance(payroll, bytes) else payroll.encode("utf-8")
    (folder / name).write_bytes(data)
    org = folder / "organisation.toml"
    org.write_text(ORG.replace("{payroll}", name), encoding="utf-8")
    return org


DIALECTS = {
    "plain": (HEADER + ROWS, True),
    "byte-order mark": ("\ufeff" + HEADER + ROWS, True),
    "CRLF": ((HEADER + ROWS).replace("\n", "\r\n"), True),
    "semicolons and decimal commas": (
        (HEADER + ROWS).replace(",", ";").replace("24.5", "24,5"), True),
    "Dutch headers and words": (
        "Personeelsnummer;Datum in dienst;Datum uit dienst;Uren per week;Contractsoort\n"
        "M1;2021-02-22;;32;vast\nM2;2015-04-05;;36,5;Detachering\n", True),
    "quoted cells": ('"person","start","hours_per_week"\n"A","2020-01-01","32"\n'
                     '"B, jr.","2020-01-01","40"\n', True),
    "no newline at the end": (HEADER + ROWS.rstrip("\n"), True),
    "trailing empty lines": (HEADER + ROWS + "\n\n", True),
    "blank row of delimiters": (HEADER + ROWS + ",,,,,,\n", True),
    "whitespace cells": (HEADER + " A , 2020-01-01 , , 32 , regular , , \n", True),
    "empty unnamed column": ("person,start,hours_per_week,\nA,2020-01-01,32,\n", True),
    "filled unnamed column": ("person,,start,hours_per_week\nA,x,2020-01-01,32\n", False),
    "filled cell after the header's last": ("person,start,hours_per_week,\nA,2020-01-01,32,x\n",
                                             False),
    "empty line between rows": (HEADER + "A,2020-01-01,,32,,,\n\nB,2021-01-01,,8,,,\n",
                                False),
    "line break in a quoted cell": ('person,start,hours_per_week\n"A\nB",2020-01-01,32\n', False),
    "lone carriage return": ("person,start,hours_per_week\rA,2020-01-01,32\r", False),
    "short row": (HEADER + "A,2020-01-01,,32\n", False),
    "long row with an empty extra cell": (HEADER + "A,2020-01-01,,32,,,,\n", False),
    "header only": (HEADER, True),
}

# Dialects whose payroll has a problem (a value in a column without a name, a
# line break in a person identifier).
REFUSED = {"filled unnamed column", "filled cell after the header's last",
           "line break in a quoted cell"}


# Exports (issue 12)

EXPORT = ("Personeelsoverzicht 2023\nGeexporteerd op 5-1-2024\n\n"
          "Personeelsnummer;Naam;Datum in dienst;Datum uit dienst;Uren per week;Contract;"
          "Doelgroep;WW sinds\n"
          "E1;Jansen;1-3-2019;;32,5;vast;;\n"
          "E2;De Vries;15-3-2022;30-6-2023;40;Oproepkracht;Banenafspraak;\n"
          "E3;Pietersen;1-2-2023;;36;detachering;ww;1-1-2022\n"
          "E4;Bakker;01-01-2010;31-12-2012;40;;;\n")


def export(folder: Path, text: str, table: str = "") -> Path:
    """An organisation file whose [payroll] table says how the export is written."""
    (folder / "export.csv").write_text(text, encoding="utf-8")
    org = folder / "organisation.toml"
    org.write_text(ORG.split("employments")[0] + '[payroll]\nfile = "export.csv"\n' + table,
                   encoding="utf-8")
    return org


VALUES = ('[payroll.values.contract]\n"Oproepkracht" = "secondment_flex"\n'
          '[payroll.values.target_group]\n"Banenafspraak" = "doelgroepregister"\n')
EXPORTS = {
    "title block, Dutch dates and names, mapped codes": (EXPORT, VALUES, True),
    "tabs": (EXPORT.replace(";", "\t"), VALUES, True),
    "the header row named": (EXPORT, "header_row = 4\n" + VALUES, True),
    "a mapped column": (EXPORT.replace("Personeelsnummer", "Nr"),
                        VALUES + '[payroll.columns]\n"Nr" = "person"\n', True),
    "dates set day-first": (EXPORT, 'date_format = "dd-mm-jjjj"\n' + VALUES, True),
    "dates month-first": (EXPORT.replace("15-3-2022", "3-15-2022").replace(
        "30-6-2023", "6-30-2023").replace("1-3-2019", "3-1-2019").replace(
        "1-2-2023", "2-1-2023").replace("1-1-2022", "1-1-2022").replace(
        "01-01-2010", "01-01-2010").replace("31-12-2012", "12-31-2012"), VALUES, True),
    "ambiguous dates read day-first": (EXPORT.replace("15-3-2022", "5-3-2022").replace(
        "30-6-2023", "3-6-2023").replace("31-12-2012", "1-12-2012"), VALUES, True),
    "a date in another format": (EXPORT.replace("1-2-2023", "2023-02-01"), VALUES, False),
    "an unknown code": (EXPORT, "", False),
    "strict: the name column is refused": (EXPORT, "strict = true\n" + VALUES, False),
    "thousands separators": (EXPORT.replace("32,5", "1.032,5"), VALUES, False),
}


# Generated CSV text

CELLS = {
    "person": ["A", "B", " C ", "", "D;E", '"F"', "G,H"],
    "start": ["2020-01-01", "2023-06-15", "2024-02-29", "2023-02-30", "", " 2022-01-01",
              "01-01-2023"],
    "end": ["", "2023-03-31", "2019-12-31", "2023-12-31", "x"],
    "hours_per_week": ["40", "32,5", "22.5", "0", "", "8", "1000", '"36"'],
    "contract": ["", "regular", "vast", "placement", "trial", "Detachering", "sw_detached_out",
                 "nope"],
    "target_group": ["", "", "wajong", "ww", "participatiewet", "vso_pro", "bogus"],
    "ww_since": ["", "2021-01-01"],
    "school_left": ["", "2019-07-01"],
}


@st.composite
def payroll_texts(draw: st.DrawFn) -> str:
    fields = draw(st.lists(st.sampled_from(list(CELLS)), min_size=2, unique=True))
    delimiter = draw(st.sampled_from([",", ";"]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    lines = [delimiter.join(fields)]
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.integers(0, 20))
        if kind == 0:
            lines.append("")
        elif kind == 1:
            lines.append(delimiter * (len(fields) - 1))
        else:
            lines.append(delimiter.join(draw(st.sampled_from(CELLS[f])) for f in fields))
    return newline.join(lines) + draw(st.sampled_from(["", newline, newline * 2]))
