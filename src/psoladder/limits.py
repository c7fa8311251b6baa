"""The bounds psoladder puts on its input, in one place.

psoladder runs inside other applications on files that people upload, so
every value and every structure it reads is bounded, and the bound is checked
where the value enters (the converters of :mod:`psoladder.model`, the readers
of :mod:`psoladder.io`). A value outside its bound is a located
:class:`~psoladder.errors.InputError`, never an exception from :mod:`decimal`
or :mod:`datetime`, and never minutes of arithmetic.

Each bound is far beyond any real organisation (the largest Dutch employers
have on the order of 100,000 people) and keeps the worst case within seconds
and a few hundred MB; :data:`BOUNDS` says why each was chosen, and the
documentation's table of bounds is generated from it.

These are not PSO rule values (those live in the rule data): they are limits
of the program, like the size of a form field.

>>> HOURS.check(Decimal("32.5"))
>>> HOURS.check(Decimal("1e-9"))
'at most 4 decimals'
>>> MONEY.check(Decimal("1e13"))
'at most 1000000000000'
>>> in_date_range(dt.date(2101, 1, 1))
False
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

__all__ = [
    "BOUNDS",
    "FIRST_DATE",
    "FTE",
    "HEADER_SEARCH_ROWS",
    "HOURS",
    "LAST_DATE",
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_ECHO_CHARS",
    "MAX_EVIDENCE",
    "MAX_HEADER_CELL_CHARS",
    "MAX_HEADER_ROW",
    "MAX_KVK_NUMBERS",
    "MAX_LINE_CHARS",
    "MAX_MAPPINGS",
    "MAX_NESTING",
    "MAX_NUMBER_CHARS",
    "MAX_ORGANISATION_FILE_BYTES",
    "MAX_PAYROLL_FILE_BYTES",
    "MAX_PERSONS",
    "MAX_PROBLEMS",
    "MAX_PURCHASES",
    "MAX_ROWS",
    "MAX_SHEET_NAME_CHARS",
    "MAX_TARGET_GROUP_ROWS",
    "MAX_TEXT_CHARS",
    "MAX_XLSX_PART_BYTES",
    "MONEY",
    "PERCENT",
    "Bound",
    "NumberBound",
    "in_date_range",
]


@attrs.frozen
class NumberBound:
    """The range and precision of a decimal input quantity.

    Attributes:
        low: The lowest value (see ``low_inclusive``).
        high: The highest value, inclusive.
        places: The most decimals a value may have (trailing zeros do not count).
        low_inclusive: Whether ``low`` itself is allowed.
    """

    low: Decimal
    high: Decimal
    places: int
    low_inclusive: bool = False

    def check(self, value: Decimal) -> str | None:
        """What is wrong with ``value``, or ``None`` when it is within the bound.

        Cheap for any ``Decimal``: the number of decimals is read from the
        exponent, never computed, so ``1e-999999999`` costs no more than ``1``.
        """
        if not value.is_finite():
            return "a finite number"
        if self.low_inclusive:
            if value < self.low:
                return f"at least {self.low}"
        elif value <= self.low:
            return f"above {self.low}"
        if value > self.high:
            return f"at most {self.high}"
        if decimal_places(value) > self.places:
            return f"at most {self.places} decimals"
        return None

    def range_text(self) -> str:
        """The range in words, e.g. ``above 0 and at most 168``."""
        if self.low_inclusive:
            return f"between {self.low} and {self.high}"
        return f"above {self.low} and at most {self.high}"

    def describe(self) -> str:
        """The bound in words, e.g. ``above 0 and at most 168, at most 4 decimals``."""
        return f"{self.range_text()}, at most {self.places} decimals"


def decimal_places(value: Decimal) -> int:
    """Decimals of ``value``, trailing zeros not counted (``32.50`` has 1).

    >>> decimal_places(Decimal("32.50")), decimal_places(Decimal("1E+3")), decimal_places(Decimal("0.0001"))
    (1, 0, 4)
    """
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    if exponent >= 0:
        return 0
    zeros = 0
    for d in reversed(digits):
        if d != 0 or zeros == -exponent:
            break
        zeros += 1
    return -exponent - zeros


#: Hours per week (``hours_per_week``, ``fulltime_hours``): 7 x 24 hours at
#: most; 4 decimals (0.36 s) are finer than any payroll records.
HOURS = NumberBound(Decimal(0), Decimal(168), 4)
#: Euro amounts (``amount``, ``supplier_turnover``): up to 10^12 euro (about
#: the Dutch GDP), in cents.
MONEY = NumberBound(Decimal(0), Decimal(10) ** 12, 2)
#: A supplier's total fte: up to 10^7 (the largest employers in the world
#: have about 2-3 million people), to 4 decimals (the fte resolution of gaps).
FTE = NumberBound(Decimal(0), Decimal(10) ** 7, 4)
#: Percentages (``supplier_direct_pct``): 0 to 100, to 4 decimals (the
#: precision psoladder shows percentages in).
PERCENT = NumberBound(Decimal(0), Decimal(100), 4, low_inclusive=True)

#: The first and last date psoladder accepts in any date field (inputs,
#: peiljaar, application date). Five-year windows after the last date still
#: lie far inside :class:`datetime.date`'s range.
FIRST_DATE = dt.date(1900, 1, 1)
LAST_DATE = dt.date(2100, 12, 31)

#: Characters of a number written as text, before :class:`~decimal.Decimal`
#: sees it (``1000000000000.00`` has 16).
MAX_NUMBER_CHARS = 40
#: Characters of a name or identifier (organisation, person, supplier).
MAX_TEXT_CHARS = 200
#: Characters of one payroll cell.
MAX_CELL_CHARS = 1_000
#: Characters of one payroll header cell.
MAX_HEADER_CELL_CHARS = 200
#: Columns of a payroll file.
MAX_COLUMNS = 64
#: Characters of one physical line of a payroll CSV file.
MAX_LINE_CHARS = MAX_COLUMNS * (MAX_CELL_CHARS + 3)
#: Employment rows of one organisation (payroll file and inline rows together).
MAX_ROWS = 1_000_000
#: Employment rows of target-group persons (their details are kept for the
#: explanation, the 30+ reading and the banenafspraak).
MAX_TARGET_GROUP_ROWS = 200_000
#: Distinct persons of one organisation.
MAX_PERSONS = 1_000_000
#: Purchases of one organisation.
MAX_PURCHASES = 10_000
#: Evidence tables of one organisation.
MAX_EVIDENCE = 100_000
#: KvK numbers of one organisation (main entity and subsidiaries).
MAX_KVK_NUMBERS = 1_000
#: Nesting of tables and arrays (and parts of a dotted key) in an
#: organisation file; a valid file needs 3.
MAX_NESTING = 16
#: Size of an organisation file (TOML or JSON).
MAX_ORGANISATION_FILE_BYTES = 4 * 2**20
#: Size of a payroll file (CSV or XLSX).
MAX_PAYROLL_FILE_BYTES = 2**30
#: Uncompressed size of one part of an XLSX workbook other than its first
#: worksheet (shared strings, styles), as its zip directory declares it.
MAX_XLSX_PART_BYTES = 64 * 2**20
#: Characters of an input value shown back in an error message.
MAX_ECHO_CHARS = 80
#: Problems listed in one error; the rest are counted in a last problem.
MAX_PROBLEMS = 1000
# issue 12: exports as payroll systems write them
#: Lines (rows) of a payroll file searched for its header, below a title block.
HEADER_SEARCH_ROWS = 20
#: The furthest line (row) ``header_row`` may name.
MAX_HEADER_ROW = 1000
#: Entries of one mapping table of ``[payroll]`` (columns, contract or
#: target-group codes).
MAX_MAPPINGS = 1000
#: Characters of a worksheet name (Excel allows 31).
MAX_SHEET_NAME_CHARS = 31


def in_date_range(day: dt.date) -> bool:
    """Whether ``day`` lies between :data:`FIRST_DATE` and :data:`LAST_DATE`."""
    return FIRST_DATE <= day <= LAST_DATE


@attrs.frozen
class Bound:
    """One row of the table of bounds in the documentation.

    Attributes:
        what: What is bounded.
        limit: The bound, in words.
        why: Why this value: what it allows and what the worst case costs.
    """

    what: str
    limit: str
    why: str


#: Every bound, with its reason: the source of the documentation's table.
BOUNDS: tuple[Bound, ...] = (
    Bound("`hours_per_week`, `fulltime_hours`", HOURS.describe(),
          "A week has 168 hours; payrolls record at most 2 decimals. Refuses typos such as "
          "3200 for 32.00 and exponents such as 1e-999999999, whose exact value would take "
          "minutes to compute with."),
    Bound("`amount`, `supplier_turnover` (euro)", MONEY.describe(),
          "10^12 euro is about the Dutch GDP; invoices are in cents."),
    Bound("`supplier_fte`", FTE.describe(),
          "The largest employers in the world have 2-3 million people; 4 decimals is the "
          "resolution psoladder reports fte gaps in."),
    Bound("`supplier_direct_pct` (percent)", PERCENT.describe(),
          "A percentage; 4 decimals is the precision psoladder shows percentages in."),
    Bound("every date (employment dates, peiljaar, application date, invoice and "
          "certificate dates, plan approval)",
          f"{FIRST_DATE.isoformat()} to {LAST_DATE.isoformat()}",
          "Leaves room for every counting window after the last date (5 years, 6 months) "
          "inside Python's calendar, which ends in 9999; date arithmetic past it is "
          "clamped as well."),
    Bound("a number written as text", f"{MAX_NUMBER_CHARS} characters",
          "The largest valid amount, 1000000000000.00, has 16; checked before the text is "
          "parsed, so a number of a million digits is refused at once."),
    Bound("a whole number in an organisation file",
          f"{MAX_NUMBER_CHARS} digits",
          "Python refuses to read integers of more than 4,300 digits; psoladder says where "
          "such a number is instead of failing."),
    Bound("organisation name, `person`, `supplier`", f"{MAX_TEXT_CHARS} characters, no "
          "control characters",
          "Staff numbers and names are far shorter; control characters (such as terminal "
          "escape sequences or NUL) never belong in them."),
    Bound("a payroll cell / header cell", f"{MAX_CELL_CHARS:,} / {MAX_HEADER_CELL_CHARS} "
          "characters", "Payroll values are dates, codes, numbers and identifiers."),
    Bound("payroll columns", f"{MAX_COLUMNS}",
          "The payroll has 15 fields; an export adds names, departments and the like, "
          "which are not read."),
    Bound("a physical line of a payroll CSV", f"{MAX_LINE_CHARS:,} characters",
          "Every column at its longest; a file without line breaks (such as /dev/zero "
          "renamed) is refused after this many characters, not read into memory."),
    Bound("employment rows (payroll and inline)", f"{MAX_ROWS:,}",
          "The largest Dutch employers have on the order of 100,000 people: a payroll "
          "export of a few hundred thousand rows. Measured worst case "
          "(`benchmarks/bench_bounds.py`, 2-core machine): every row in the peiljaar, "
          "about 25 s and 270 MB on the streaming path of `assess_file`."),
    Bound("rows of target-group persons", f"{MAX_TARGET_GROUP_ROWS:,}",
          "Their row details are kept; an SW-bedrijf has a few thousand target-group "
          "employees. Measured worst case: every row overlapping 2,000 others of the same "
          "person, about 30 s and 250 MB; without this bound, 2,000,000 such rows took "
          "263 s and 2.25 GB."),
    Bound("persons", f"{MAX_PERSONS:,}",
          "About ten times the largest Dutch employer. Measured: 1,000,000 persons of one "
          "row each, about 18 s and 410 MB."),
    Bound("purchases", f"{MAX_PURCHASES:,}",
          "Purchases at PSO-certified suppliers and SW-bedrijven are counted in dozens."),
    Bound("evidence tables", f"{MAX_EVIDENCE:,}",
          "One per target-group employee."),
    Bound("KvK numbers", f"{MAX_KVK_NUMBERS:,}",
          "A main entity and its subsidiaries."),
    Bound("nesting in an organisation file (tables, arrays, dotted-key parts)",
          f"{MAX_NESTING} levels",
          "A valid file nests 3 deep. Deeper files would exhaust Python's recursion limit "
          "in the parser, and a dotted key of 10,000 parts costs the TOML parser 400 MB; "
          "both are checked before parsing."),
    Bound("organisation file size", f"{MAX_ORGANISATION_FILE_BYTES // 2**20} MiB",
          "About 36,000 inline employment rows; reading and assessing them takes about "
          "3 s. Large payrolls belong in a payroll file."),
    Bound("payroll file size", f"{MAX_PAYROLL_FILE_BYTES // 2**30} GiB",
          f"{MAX_ROWS:,} rows of 130 bytes are 130 MB. With the row bound, it limits what "
          "a hostile file can make psoladder read (twice: the streaming reader makes two "
          "passes)."),
    Bound("XLSX parts other than the worksheet (uncompressed)",
          f"{MAX_XLSX_PART_BYTES // 2**20} MiB",
          "openpyxl reads shared strings and styles into memory whole; a zip bomb is "
          "refused by the sizes in the zip directory, which Python's zipfile enforces."),
    Bound("lines searched for the payroll header (below a title block)",
          f"{HEADER_SEARCH_ROWS}",
          "A title block is a few lines; `header_row` names a header further down, up to "
          f"line {MAX_HEADER_ROW:,}. Only these lines are held before the header is found."),
    Bound("entries of a `[payroll]` mapping table (columns, contract or target-group codes)",
          f"{MAX_MAPPINGS:,}",
          "An export has at most 64 columns and a few dozen codes."),
    Bound("a worksheet name (`[payroll] sheet`)", f"{MAX_SHEET_NAME_CHARS} characters",
          "Excel's own limit."),
    Bound("the format of a date or number column",
          "a few counters per column, and a memo of at most 4,096 distinct values",
          "The format is found from all of a column's values in a first pass that keeps no "
          "rows, so memory does not grow with the file."),
    Bound("an input value shown in an error message", f"{MAX_ECHO_CHARS} characters",
          "Enough to recognise the value; longer values are cut, so an error never "
          "echoes a file."),
    Bound("problems listed in one error", f"{MAX_PROBLEMS:,} (the rest counted)",
          "A broken export repeats one mistake on every row; the first thousand show it."),
)
