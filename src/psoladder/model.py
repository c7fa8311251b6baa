# The converters below are built by small factories so that every field reports
# its own name; mypy's attrs plugin only understands named converter functions
# and reports the rest as [misc]. The generated __init__ then accepts Any, which
# is what the converters are for (ISO strings, ints, Decimals), and runtime
# validation refuses everything else with a located message.
# mypy: disable-error-code="misc"
"""The input value types: organisations, employment periods, purchases.

All types are frozen `attrs <https://www.attrs.org>`_ classes: once built they
are valid. Quantities are :class:`~decimal.Decimal` (``float`` is refused,
see :mod:`psoladder.numbers`), dates are :class:`datetime.date` (ISO strings
are accepted), codes are the enums below, whose values are the codes of the
rules reference (``ContractType("regular")``, ``TargetGroup("wajong")``).

Field names are those of the organisation file and the payroll CSV.

>>> e = Employment(person="E001", start="2023-01-01", hours_per_week=32,
...                contract="regular", target_group="wajong")
>>> e.hours_per_week, e.contract, e.target_group
(Decimal('32'), <ContractType.REGULAR: 'regular'>, <TargetGroup.WAJONG: 'wajong'>)
>>> Employment(person="E002", start="2023-01-01", hours_per_week=0, contract="regular")
Traceback (most recent call last):
...
psoladder.errors.InputError: 1 problem in the input:
  field 'hours_per_week': hours_per_week must be above 0 and at most 168 (got '0'); give the contracted hours per week, e.g. 32 or 32.5
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Protocol, TypeVar, cast

import attrs

from psoladder import messages
from psoladder.errors import InputError, Problem, shown
from psoladder.limits import (
    FIRST_DATE,
    FTE,
    HOURS,
    LAST_DATE,
    MAX_EVIDENCE,
    MAX_KVK_NUMBERS,
    MAX_NUMBER_CHARS,
    MAX_PERSONS,
    MAX_PURCHASES,
    MAX_ROWS,
    MAX_TARGET_GROUP_ROWS,
    MAX_TEXT_CHARS,
    MONEY,
    PERCENT,
    NumberBound,
    in_date_range,
)
from psoladder.numbers import to_decimal
from psoladder.periods import FOREVER, DateRange, application_problem, validate_peiljaar

__all__ = [
    "HOURS_IN_A_WEEK",
    "AspirantPlan",
    "ContractType",
    "Employment",
    "EmploymentLike",
    "Entity",
    "Evidence",
    "Level",
    "Organisation",
    "Purchase",
    "Recertification",
    "SupplierKind",
    "TargetGroup",
    "date_field",
    "input_fields",
]

#: A physical bound on contracted hours per week (7 x 24), used to catch
#: typos such as 3200 for 32.00. Hours above full time are capped by R-FTE-3.
#: All input bounds: :mod:`psoladder.limits`.
HOURS_IN_A_WEEK = int(HOURS.high)


class TargetGroup(enum.Enum):
    """Uitgangspositie: the PSO target group of a person (R-TG-1..13).

    ``student_level_1`` is a BBL/BOL student of level 1; a VSO or PRO pupil on
    an internship or learn-work agreement is ``vso_pro_pupil`` (R-TG-6b), and
    a VSO or PRO school-leaver is ``vso_pro`` (R-TG-8).
    """

    WSW = "wsw"
    PARTICIPATIEWET = "participatiewet"
    NUG_SROI = "nug_sroi"
    STATUSHOUDER = "statushouder"
    TEMPORARY_PROTECTION = "temporary_protection"
    PARTICIPATIEWET_LKS = "participatiewet_lks"
    WIA_WAO_WAZ = "wia_wao_waz"
    WAJONG = "wajong"
    STUDENT_LEVEL_1 = "student_level_1"
    VSO_PRO_PUPIL = "vso_pro_pupil"
    STUDENT_LEVEL_2 = "student_level_2"
    STUDENT_LEVEL_3_4 = "student_level_3_4"
    VSO_PRO = "vso_pro"
    WW = "ww"
    WIW_ID = "wiw_id"
    STATUS_LOST_2Y = "status_lost_2y"
    YOUNG_DISABLED_WML = "young_disabled_wml"
    DOELGROEPREGISTER = "doelgroepregister"


class ContractType(enum.Enum):
    """Type contract: how a person works at the applicant (R-CT-1..6)."""

    REGULAR = "regular"
    SUPPORTED = "supported"
    SECONDMENT_FLEX = "secondment_flex"
    PLACEMENT = "placement"
    TRIAL = "trial"
    SW_DETACHED_OUT = "sw_detached_out"


class SupplierKind(enum.Enum):
    """Who a purchase was made at (R-IND-1)."""

    PSO_CERTIFIED = "pso_certified"
    SW_BEDRIJF = "sw_bedrijf"


class Level(enum.Enum):
    """A level (trede) of the ladder, lowest first (R-LVL-5).

    Levels compare by rank:

    >>> Level.TREDE_2 > Level.TREDE_1 > Level.BASISTREDE > Level.NONE
    True

    ``str()`` gives the English name; the value stays the code:

    >>> str(Level.TREDE_1), Level.TREDE_1.value, str(Level.NONE)
    ('Trede 1', 'trede_1', 'no level')
    """

    NONE = "none"
    BASISTREDE = "basistrede"
    TREDE_1 = "trede_1"
    TREDE_2 = "trede_2"
    TREDE_3 = "trede_3"

    @property
    def rank(self) -> int:
        """Position on the ladder, 0 for ``NONE``."""
        return _LEVEL_RANK[self.value]

    def __str__(self) -> str:
        return messages.text(f"level.{self.value}", "en")

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank >= other.rank


_LEVEL_RANK = {level.value: i for i, level in enumerate(Level)}

# ------------------------------------------------------------ converters
# Each converter raises an InputError naming its field, so direct construction
# and the file readers report the same messages.

E = TypeVar("E", bound=enum.Enum)


def _enum(kind: type[E], field: str, rules: str) -> Callable[[object], E]:
    def convert(value: object) -> E:
        if isinstance(value, kind):
            return value
        text = value.strip().lower() if isinstance(value, str) else value
        try:
            return kind(text)
        except ValueError:
            codes = ", ".join(m.value for m in kind)
            raise InputError([messages.problem(
                "in.unknown_enum", field=field, value=shown(value), hint="ih.unknown_enum",
                code=field, codes=codes, rules=rules)]) from None

    return convert


def _optional_enum(kind: type[E], field: str, rules: str) -> Callable[[object], E | None]:
    convert = _enum(kind, field, rules)

    def optional(value: object) -> E | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return convert(value)

    return optional


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def _date(field: str) -> Callable[[object], dt.date]:
    def convert(value: object) -> dt.date:
        day: dt.date | None = None
        if isinstance(value, dt.datetime):
            # Spreadsheets store dates as midnight; a time of day or a time
            # zone would make the day ambiguous.
            if value.tzinfo is None and value.time() == dt.time():
                day = value.date()
        elif isinstance(value, dt.date):
            day = value
        elif isinstance(value, str):
            text = value.strip()
            if _ISO_DATE.fullmatch(text):
                with contextlib.suppress(ValueError):  # e.g. 2023-02-30
                    day = dt.date.fromisoformat(text)
        if day is None:
            what = "in.date_and_time" if isinstance(value, dt.datetime) else "in.not_a_date"
            raise InputError([messages.problem(what, field=field, value=shown(value),
                                               hint="ih.iso_date")])
        if not in_date_range(day):
            raise InputError([messages.problem(
                "in.date_range", field=field, value=day.isoformat(), hint="ih.date_range",
                code=field, first=FIRST_DATE, last=LAST_DATE)])
        return day

    return convert


def _optional_date(field: str) -> Callable[[object], dt.date | None]:
    convert = _date(field)

    def optional(value: object) -> dt.date | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return convert(value)

    return optional


#: Fields whose text values may be written as people write amounts and
#: percentages (``€ 1.250,50``, ``25 %``), each with its symbol (issue 12).
_WRITTEN = {"amount": "€", "supplier_turnover": "€", "supplier_direct_pct": "%",
            "supplier_fte": None}


def _number(field: str, bound: NumberBound, rule: str = "") -> Callable[[object], Decimal]:
    """A converter to ``Decimal`` within ``bound`` (see :mod:`psoladder.limits`).

    Its hint is the text ``ih.num.<field>`` of :mod:`psoladder.messages`.
    """
    suffix = f" ({rule})" if rule else ""
    hint = f"ih.num.{field}"

    def convert(value: object) -> Decimal:
        try:
            if isinstance(value, str) and field in _WRITTEN:
                # a value of its own: its decimal mark must show in it
                from psoladder.io.formats import detect_numbers, read_number

                symbol = _WRITTEN[field]
                number = read_number(value, detect_numbers([value], symbol=symbol),
                                     field=field, symbol=symbol)
            else:
                number = to_decimal(value, field=field)
        except InputError as exc:
            raise InputError(attrs.evolve(p, field=field) for p in exc.problems) from None
        except (TypeError, ValueError) as exc:
            raise InputError([_number_problem(field, value, exc, hint)]) from None
        wrong = bound.check(number)
        if wrong is not None:
            if wrong.endswith("decimals"):
                raise InputError([messages.problem(
                    "in.decimals", field=field, value=shown(value), hint="ih.decimals",
                    code=field, places=bound.places)])
            raise InputError([messages.problem(
                "in.number_range_open" if not bound.low_inclusive else "in.number_range",
                field=field, value=shown(value), hint=hint, code=field, low=bound.low,
                high=bound.high, rule=suffix)])
        return number

    return convert


def _number_problem(field: str, value: object, exc: Exception, hint: str) -> Problem:
    """The problem of a value ``to_decimal`` refused, in the message table's words."""
    if isinstance(value, float):
        return messages.problem("in.float", field=field, value=repr(value), hint="ih.float",
                                text=repr(value))
    if isinstance(value, bool):
        return messages.problem("in.bool_number", field=field, value=shown(value), hint=hint)
    if isinstance(value, str) and len(value.strip()) > MAX_NUMBER_CHARS:
        return messages.problem("in.number_too_long", field=field, length=len(value.strip()),
                                most=MAX_NUMBER_CHARS)
    if isinstance(value, str | int | Decimal):
        return messages.problem("in.not_a_number", field=field, value=shown(value),
                                hint="ih.decimal_point")
    del exc
    return messages.problem("in.not_a_number_type", field=field, value=shown(value),
                            hint=hint, kind=type(value).__name__)


def _bool(field: str) -> Callable[[object], bool]:
    def convert(value: object) -> bool:
        if isinstance(value, bool):
            return value
        if value is None:
            return False
        if isinstance(value, str):
            text = value.strip().lower()
            if text in {"", "false", "no", "nee", "0", "n"}:
                return False
            if text in {"true", "yes", "ja", "1", "y", "j"}:
                return True
        raise InputError([messages.problem("in.not_bool", field=field, value=shown(value),
                                           hint="ih.bool")])

    return convert


# Characters that never belong in a name or an identifier: control characters
# (terminal escapes, NUL), line and paragraph separators, and the Unicode
# bidirectional overrides that make text display in another order than it is.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _text(field: str) -> Callable[[object], str]:
    def convert(value: object) -> str:
        if isinstance(value, int) and not isinstance(value, bool):
            if abs(value) >= 10**MAX_TEXT_CHARS:
                raise InputError([messages.problem(
                    "in.text_too_long", field=field, value=shown(value), hint="ih.text_long",
                    code=field, most=MAX_TEXT_CHARS)])
            value = str(value)
        if not isinstance(value, str):
            raise InputError([messages.problem("in.not_text", field=field, value=shown(value),
                                               hint="ih.as_text", code=field)])
        text = value.strip()
        if not text:
            raise InputError([messages.problem("in.empty", field=field, value=shown(value),
                                               hint="ih.give", code=field)])
        if len(text) > MAX_TEXT_CHARS:
            raise InputError([messages.problem(
                "in.text_length", field=field, value=shown(value), hint="ih.text_long",
                code=field, length=len(text), most=MAX_TEXT_CHARS)])
        bad = _CONTROL.search(text)
        if bad is not None:
            raise InputError([messages.problem(
                "in.control", field=field, value=shown(value), hint="ih.control", code=field,
                char=f"U+{ord(bad.group()):04X}")])
        return text

    return convert


def unchanged_texts(values: list[str]) -> bool:
    """Whether the text converter (``Employment.person``, ...) keeps every one of ``values``.

    True when each is non-empty, without surrounding spaces, at most
    :data:`~psoladder.limits.MAX_TEXT_CHARS` long and free of control
    characters: the converter then returns the value itself. A batch of
    ordinary identifiers is so checked at once instead of one by one; a
    ``False`` says nothing of any single value (convert them one by one).

    >>> unchanged_texts(["P1", "E-02"]), unchanged_texts(["P1", " P2"])
    (True, False)
    """
    if not values:
        return True
    lengths = list(map(len, values))
    if min(lengths) == 0 or max(lengths) > MAX_TEXT_CHARS:
        return False
    joined = "".join(values)
    if joined.isascii() and joined.isprintable() and " " not in joined:
        return True  # printable ASCII without a space: nothing to strip, no control character
    # str.strip returns the string itself when nothing is stripped
    return list(map(str.strip, values)) == values and _CONTROL.search(joined) is None


def _optional(convert: Callable[[object], T]) -> Callable[[object], T | None]:
    """``convert``, with nothing (``None`` or blank text) read as ``None``."""
    def optional(value: object) -> T | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return convert(value)

    return optional


def _optional_text(field: str) -> Callable[[object], str | None]:
    return _optional(_text(field))


def _one_kvk(field: str) -> Callable[[object], str]:
    """One KvK number: 8 digits (R-ORG-1)."""
    def convert(value: object) -> str:
        text = str(value).strip() if isinstance(value, str | int) and not isinstance(
            value, bool) else ""
        if not _KVK.fullmatch(text):
            raise InputError([messages.problem("in.kvk_digits", field=field, value=value,
                                               hint="ih.kvk_text")])
        return text

    return convert


def _optional_kvk(field: str) -> Callable[[object], str | None]:
    return _optional(_one_kvk(field))


_hours = _number("hours_per_week", HOURS)


# ------------------------------------------------------------ employment

def _check_consistency(self: Any) -> None:
    """Raise the problems between an instance's fields (its ``consistency_problems``)."""
    problems = self.consistency_problems(attrs.asdict(self, recurse=False))
    if problems:
        raise InputError(problems)


# Metadata key of the attributes that say where a row came from; they are not
# input fields (no payroll column, no key of an [[employment]] table).
_ORIGIN = "psoladder.origin"

# Input fields some target groups need (R-TG-8, R-TG-9, R-TG-11).
_NEEDS = {
    TargetGroup.VSO_PRO: ("school_left", "the school-leaving date (R-TG-8)"),
    TargetGroup.WW: ("ww_since", "the date the WW benefit started (R-TG-9)"),
    TargetGroup.STATUS_LOST_2Y: ("status_lost", "the date the status was lost (R-TG-11)"),
}


@attrs.frozen(kw_only=True)
class Employment:
    """One employment period of one person at the applicant.

    A person with several contracts over time, or side by side, has several
    rows with the same ``person``.

    Attributes:
        person: An identifier of the person (staff number); rows with the
            same identifier are one person (R-FTE-3).
        start: First day of the period.
        end: Last day of the period (inclusive); ``None`` for open-ended.
        hours_per_week: Contracted hours per week (R-FTE-2, R-FTE-3).
        contract: The contract type (R-CT).
        target_group: The uitgangspositie, or ``None`` for a person outside
            the target groups (R-TG).
        inflow: Inflow date, start of the counting window of some groups;
            defaults to the start of the person's first period (R-TG-0a).
        status_until: Last day of a Wsw indication or of a wage-cost subsidy
            (R-TG-1, R-TG-3); ``None`` for open.
        school_left: School-leaving date of a VSO/PRO school-leaver (R-TG-8).
        ww_since: Start of the WW benefit (R-TG-9).
        status_lost: Date a target-group status was lost (R-TG-11).
        placement_start: Start of a placement, for its 3-year limit (R-CT-4);
            defaults to ``start``.
        registered: The person is in the doelgroepregister; needed for the
            banenafspraak read-out of vso_pro and participatiewet_lks (R-BA-1).
        disabled_in_service: A ``wia_wao_waz`` person who became disabled
            while working for the applicant (counts from edition 1.7, R-TG-4).
        entity: The entity of the applicant's group the person works at: its
            name or KvK number (R-ORG-1); ``None`` for the main entity.
        source: Where the row was read: the payroll file's name, or ``None``
            for a row of the organisation itself (an ``[[employment]]`` table,
            or built in Python). Not an input field; not compared.
        row: The row's number in its source: its line in the payroll file
            (the header is line 1), or its position among the organisation
            file's ``[[employment]]`` tables; ``None`` for a row built in
            Python (numbered by its position in ``Organisation.employments``).
            Not an input field; not compared.
    """

    person: str = attrs.field(converter=_text("person"))
    start: dt.date = attrs.field(converter=_date("start"))
    end: dt.date | None = attrs.field(default=None, converter=_optional_date("end"))
    hours_per_week: Decimal = attrs.field(converter=_hours)
    contract: ContractType = attrs.field(
        default=ContractType.REGULAR, converter=_enum(ContractType, "contract", "R-CT")
    )
    target_group: TargetGroup | None = attrs.field(
        default=None, converter=_optional_enum(TargetGroup, "target_group", "R-TG")
    )
    inflow: dt.date | None = attrs.field(default=None, converter=_optional_date("inflow"))
    status_until: dt.date | None = attrs.field(
        default=None, converter=_optional_date("status_until")
    )
    school_left: dt.date | None = attrs.field(
        default=None, converter=_optional_date("school_left")
    )
    ww_since: dt.date | None = attrs.field(default=None, converter=_optional_date("ww_since"))
    status_lost: dt.date | None = attrs.field(
        default=None, converter=_optional_date("status_lost")
    )
    placement_start: dt.date | None = attrs.field(
        default=None, converter=_optional_date("placement_start")
    )
    registered: bool = attrs.field(default=False, converter=_bool("registered"))
    disabled_in_service: bool = attrs.field(
        default=False, converter=_bool("disabled_in_service")
    )
    # issue 15: the applicant's whole group
    entity: str | None = attrs.field(default=None, converter=_optional_text("entity"))
    source: str | None = attrs.field(
        default=None, eq=False, repr=False, metadata={_ORIGIN: True},
        validator=attrs.validators.optional(attrs.validators.instance_of(str)))
    row: int | None = attrs.field(
        default=None, eq=False, repr=False, metadata={_ORIGIN: True},
        validator=attrs.validators.optional([attrs.validators.instance_of(int),
                                             attrs.validators.ge(1),
                                             attrs.validators.le(2**62)]))

    __attrs_post_init__ = _check_consistency

    @staticmethod
    def consistency_problems(values: Mapping[str, Any]) -> list[Problem]:
        """Problems between fields (converted values), e.g. an end before the start."""
        problems = []
        start, end = values.get("start"), values.get("end")
        if start is not None and end is not None and end < start:
            problems.append(messages.problem("in.end_before_start", field="end",
                                             value=end.isoformat(), hint="ih.end_date",
                                             end=end, start=start))
        group = values.get("target_group")
        if group in _NEEDS:
            field, _ = _NEEDS[group]
            if values.get(field) is None:
                problems.append(messages.problem(f"in.needs.{field}", field=field,
                                                 hint=f"ih.needs.{field}", group=group))
        return problems

    @property
    def period(self) -> DateRange:
        """The period as an inclusive :class:`DateRange` (open end = far future)."""
        return DateRange(self.start, self.end if self.end is not None else FOREVER)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, source: str | None = None,
                     row: int | None = None) -> Employment:
        """Build from a mapping of field names, reporting every bad field at once.

        Unknown keys are errors (a misspelt column would otherwise be lost).
        ``source`` and ``row`` say where the row was read (not input fields).

        >>> Employment.from_mapping({"person": "E1", "start": "2023-02-30",
        ...                          "hours_per_week": "x", "contract": "vast"})
        Traceback (most recent call last):
        ...
        psoladder.errors.InputError: 3 problems in the input:
          field 'start': not a date (got '2023-02-30'); write dates as YYYY-MM-DD, e.g. 2023-01-31
          field 'hours_per_week': not a number (got 'x'); write it like 32 or 32.5
          field 'contract': unknown contract code (got 'vast'); use one of: regular, supported, secondment_flex, placement, trial, sw_detached_out (R-CT)
        """
        return _build(cls, data, {"source": source, "row": row})


class EmploymentLike(Protocol):
    """What the computation reads of an employment row.

    :class:`Employment` is one; :class:`psoladder.fte.Row` is the compact
    form the streaming payroll reader builds from the same validated values.
    """

    @property
    def person(self) -> str: ...  # noqa: D102
    @property
    def start(self) -> dt.date: ...  # noqa: D102
    @property
    def end(self) -> dt.date | None: ...  # noqa: D102
    @property
    def hours_per_week(self) -> Decimal: ...  # noqa: D102
    @property
    def contract(self) -> ContractType: ...  # noqa: D102
    @property
    def target_group(self) -> TargetGroup | None: ...  # noqa: D102
    @property
    def inflow(self) -> dt.date | None: ...  # noqa: D102
    @property
    def status_until(self) -> dt.date | None: ...  # noqa: D102
    @property
    def school_left(self) -> dt.date | None: ...  # noqa: D102
    @property
    def ww_since(self) -> dt.date | None: ...  # noqa: D102
    @property
    def status_lost(self) -> dt.date | None: ...  # noqa: D102
    @property
    def placement_start(self) -> dt.date | None: ...  # noqa: D102
    @property
    def registered(self) -> bool: ...  # noqa: D102
    @property
    def disabled_in_service(self) -> bool: ...  # noqa: D102
    @property
    def entity(self) -> str | None: ...  # noqa: D102
    @property
    def source(self) -> str | None: ...  # noqa: D102
    @property
    def period(self) -> DateRange: ...  # noqa: D102


# ------------------------------------------------------------ purchases


@attrs.frozen(kw_only=True)
class Purchase:
    """A purchase at a PSO-certified supplier or an SW-bedrijf in the peiljaar (R-IND).

    The supplier's figures translate the purchase into target-group fte
    (R-IND-2); no defaults exist for them, so they must be given.

    Attributes:
        supplier: The supplier's name.
        amount: Invoice value in euro, above 0 and at most the supplier's
            turnover (R-IND-6).
        supplier_kind: ``pso_certified`` or ``sw_bedrijf`` (R-IND-1).
        supplier_turnover: The supplier's annual turnover in euro.
        supplier_fte: The supplier's total fte.
        supplier_direct_pct: The supplier's direct contribution in percent.
        invoice_date: Date of the invoice; when given, it must lie in the
            peiljaar and, for a certified supplier with certificate dates, in
            the certificate's validity (R-IND-6).
        certificate_valid_from: First day of the supplier's PSO certificate.
        certificate_valid_until: Last day of the supplier's PSO certificate.
        declared_as_direct: ``True`` when the same work is also declared as
            direct contribution; refused (R-IND-5).
        entity: The entity of the applicant's group that made the purchase:
            its name or KvK number (R-ORG-1); ``None`` for the main entity.
        supplier_kvk: The supplier's KvK number, if known: a supplier that is
            itself an entity of the applicant's group is recognised by it
            (or by its name) and does not count (R-ORG-1).
    """

    supplier: str = attrs.field(converter=_text("supplier"))
    amount: Decimal = attrs.field(
        converter=_number("amount", MONEY, rule="R-IND-6"))
    supplier_kind: SupplierKind = attrs.field(
        default=SupplierKind.PSO_CERTIFIED,
        converter=_enum(SupplierKind, "supplier_kind", "R-IND-1"),
    )
    supplier_turnover: Decimal = attrs.field(
        converter=_number("supplier_turnover", MONEY))
    supplier_fte: Decimal = attrs.field(
        converter=_number("supplier_fte", FTE))
    supplier_direct_pct: Decimal = attrs.field(
        converter=_number("supplier_direct_pct", PERCENT))
    invoice_date: dt.date | None = attrs.field(
        default=None, converter=_optional_date("invoice_date")
    )
    certificate_valid_from: dt.date | None = attrs.field(
        default=None, converter=_optional_date("certificate_valid_from")
    )
    certificate_valid_until: dt.date | None = attrs.field(
        default=None, converter=_optional_date("certificate_valid_until")
    )
    declared_as_direct: bool = attrs.field(default=False, converter=_bool("declared_as_direct"))
    # issue 15: the applicant's whole group
    entity: str | None = attrs.field(default=None, converter=_optional_text("entity"))
    supplier_kvk: str | None = attrs.field(default=None,
                                           converter=_optional_kvk("supplier_kvk"))

    def __attrs_post_init__(self) -> None:
        problems = []
        if self.amount > self.supplier_turnover:
            problems.append(messages.problem(
                "in.amount_above_turnover", field="amount", value=str(self.amount),
                hint="ih.amount_above_turnover", turnover=self.supplier_turnover))
        if self.declared_as_direct:
            problems.append(messages.problem("in.direct_and_indirect", field="declared_as_direct",
                                             hint="ih.direct_and_indirect"))
        if (self.certificate_valid_from and self.certificate_valid_until
                and self.certificate_valid_until < self.certificate_valid_from):
            problems.append(messages.problem(
                "in.certificate_dates", field="certificate_valid_until",
                value=self.certificate_valid_until.isoformat(), hint="ih.certificate_dates"))
        if problems:
            raise InputError(problems)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Purchase:
        """Build from a mapping of field names, reporting every bad field at once."""
        return _build(cls, data)


# ------------------------------------------------------------ qualitative


@attrs.frozen(kw_only=True)
class Evidence:
    """The auditor's four criteria for one target-group employee (R-QUAL-1).

    Attributes:
        person: The person's identifier, as in the employments.
        suitable_work: *Passend werk*: work that matches their capacities.
        integration: *Integratie*: integrated in the organisation and on the floor.
        development: *Functioneren en ontwikkeling*: the supervisor works on
            their functioning and development.
        guidance: *Begeleiding*: extra guidance when their situation needs it.
    """

    person: str = attrs.field(converter=_text("person"))
    suitable_work: bool = attrs.field(default=False, converter=_bool("suitable_work"))
    integration: bool = attrs.field(default=False, converter=_bool("integration"))
    development: bool = attrs.field(default=False, converter=_bool("development"))
    guidance: bool = attrs.field(default=False, converter=_bool("guidance"))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Evidence:
        """Build from a mapping of field names, reporting every bad field at once."""
        return _build(cls, data)


@attrs.frozen(kw_only=True)
class AspirantPlan:
    """A plan of action for Aspirant status (R-LVL-6, R-QUAL-3).

    Attributes:
        approved_on: Date the board or director approved the plan.
        smart: The plan is SMART.
        board_approved: Approved at board or director level.
        aims_for_trede_1_within_2_years: Aims for at least Trede 1 within 2 years.
        being_carried_out: The plan is being carried out.
    """

    approved_on: dt.date = attrs.field(converter=_date("approved_on"))
    smart: bool = attrs.field(default=False, converter=_bool("smart"))
    board_approved: bool = attrs.field(default=False, converter=_bool("board_approved"))
    aims_for_trede_1_within_2_years: bool = attrs.field(
        default=False, converter=_bool("aims_for_trede_1_within_2_years")
    )
    being_carried_out: bool = attrs.field(default=False, converter=_bool("being_carried_out"))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> AspirantPlan:
        """Build from a mapping of field names, reporting every bad field at once."""
        return _build(cls, data)


def _count(field: str, low: int) -> Callable[[object], int]:
    def convert(value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise InputError([messages.problem("in.not_whole", field=field, value=value,
                                               hint="ih.example_ten", code=field)])
        if not low <= value <= MAX_PERSONS:
            raise InputError([messages.problem("in.count_range", field=field, value=value,
                                               code=field, low=low, high=MAX_PERSONS)])
        return value

    return convert


@attrs.frozen(kw_only=True)
class Recertification:
    """Appraisal evidence at recertification (R-QUAL-2).

    Attributes:
        files_sampled: How many personnel files the auditor sampled.
        files_with_appraisals: How many of them document performance and
            development interviews.
    """

    files_sampled: int = attrs.field(converter=_count("files_sampled", 1))
    files_with_appraisals: int = attrs.field(converter=_count("files_with_appraisals", 0))

    __attrs_post_init__ = _check_consistency

    @staticmethod
    def consistency_problems(values: Mapping[str, Any]) -> list[Problem]:
        """Problems between fields (converted values)."""
        sampled, shown = values.get("files_sampled"), values.get("files_with_appraisals")
        if sampled is not None and shown is not None and shown > sampled:
            return [messages.problem("in.appraisals_above_sampled",
                                     field="files_with_appraisals", value=str(shown),
                                     hint="ih.at_most", most=sampled)]
        return []

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Recertification:
        """Build from a mapping of field names, reporting every bad field at once."""
        return _build(cls, data)


# ------------------------------------------------------------ organisation

_KVK = re.compile(r"[0-9]{8}", re.ASCII)


def _kvk(value: object) -> tuple[str, ...]:
    items: list[object] | tuple[object, ...]
    if isinstance(value, str | int) and not isinstance(value, bool):
        items = [value]
    elif isinstance(value, list | tuple):
        items = value
    else:
        raise InputError([messages.problem("in.kvk_kind", field="kvk", value=value,
                                           hint="ih.kvk")])
    if not items:
        raise InputError([messages.problem("in.kvk_none", field="kvk", hint="ih.kvk")])
    if len(items) > MAX_KVK_NUMBERS:
        raise InputError([messages.problem("in.kvk_many", field="kvk",
                                           value=f"{len(items):,} numbers",
                                           most=MAX_KVK_NUMBERS)])
    problems = []
    numbers: list[str] = []
    for i, item in enumerate(items, start=1):
        where = "kvk" if len(items) == 1 and not isinstance(value, list | tuple) \
            else f"kvk[{i}]"
        text = str(item).strip() if isinstance(item, str | int) and not isinstance(
            item, bool) and (not isinstance(item, int) or 0 <= item < 10**8) else None
        if text is None or not _KVK.fullmatch(text):
            problems.append(messages.problem("in.kvk_8_digits", field=where, value=item,
                                             hint="ih.kvk"))
        elif text in numbers:
            problems.append(messages.problem("in.kvk_twice", field=where, value=text,
                                             hint="ih.entity_once"))
        else:
            numbers.append(text)
    if problems:
        raise InputError(problems)
    return tuple(numbers)


def _peiljaar(value: object) -> DateRange | None:
    if value is None:
        return None
    if isinstance(value, DateRange):
        value = {"start": value.start, "end": value.end}  # checked like the file's
    if not isinstance(value, Mapping):
        raise InputError([messages.problem("in.not_peiljaar", field="peiljaar", value=value,
                                           hint="ih.peiljaar")])
    problems = [messages.problem("po.unknown_key", field=f"peiljaar.{key}",
                                 hint="ih.peiljaar_keys", name=str(shown(key)))
                for key in value if key not in ("start", "end")]
    days: list[dt.date] = []
    for key in ("start", "end"):
        if key not in value:
            problems.append(messages.problem("in.required_key", field=f"peiljaar.{key}",
                                             hint="ih.peiljaar"))
            continue
        try:
            days.append(_date(f"peiljaar.{key}")(value[key]))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    start, end = days
    if end < start:
        raise InputError([messages.problem("in.peiljaar_reversed", field="peiljaar.end",
                                           hint="ih.peiljaar", end=end, start=start)])
    return validate_peiljaar(DateRange(start, end))  # exactly 12 months (R-FTE-4)


def _tuple_of(kind: type[Any], field: str, most: int) -> Callable[[object], tuple[Any, ...]]:
    def convert(value: object) -> tuple[Any, ...]:
        if value is None:
            return ()
        if not isinstance(value, Iterable) or isinstance(value, str | bytes | Mapping):
            raise InputError([messages.problem("in.not_list", field=field, value=value,
                                               code=field)])
        items = tuple(itertools.islice(value, most + 1))
        if len(items) > most:
            raise InputError([messages.problem("in.too_many_items", field=field,
                                               hint="ih.reads_items", code=field, most=most)])
        for i, item in enumerate(items, start=1):
            if not isinstance(item, kind):
                raise InputError([messages.problem(
                    "in.item_kind", field=field, hint="ih.build_each", index=i, code=field,
                    kind=type(item).__name__, wanted=kind.__name__)])
        return items

    return convert


def _optional_of(kind: type[Any], field: str) -> Callable[[object], Any]:
    def convert(value: object) -> Any:
        if value is None or isinstance(value, kind):
            return value
        if isinstance(value, Mapping):
            try:
                return kind.from_mapping(value)
            except InputError as exc:
                raise InputError(attrs.evolve(p, field=f"{field}.{p.field}" if p.field
                                              else field) for p in exc.problems) from None
        raise InputError([messages.problem("in.not_table", field=field, value=value,
                                           hint="ih.give_table", code=field,
                                           wanted=kind.__name__)])

    return convert


_fulltime_hours = _number("fulltime_hours", HOURS)


def _fulltime(value: object) -> Decimal | None:
    return None if value is None else _fulltime_hours(value)


@attrs.frozen(kw_only=True)
class Entity:
    """An entity of the applicant's group: a name for one of its KvK numbers (R-ORG-1).

    The applicant is a main entity plus underlying entities, each with its own
    KvK number (MijnPSO's first step); every figure is taken over the whole
    group. Rows and purchases name the entity they belong to by its name or
    its KvK number (``entity``).

    >>> Entity(name="Glansrijke Zorg B.V.", kvk="87654321").kvk
    '87654321'

    Attributes:
        name: The entity's name.
        kvk: Its KvK number: one of the applicant's ``kvk`` numbers.
    """

    name: str = attrs.field(converter=_text("name"))
    kvk: str = attrs.field(converter=_one_kvk("kvk"))

    @property
    def label(self) -> str:
        """The name with the KvK number, e.g. ``Glansrijke Zorg B.V. (KvK 87654321)``."""
        return f"{self.name} (KvK {self.kvk})"

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Entity:
        """Build from a mapping of field names, reporting every bad field at once."""
        return _build(cls, data)


# The most rows naming an unknown entity that are listed one by one.
_LISTED = 1000


def _entity_key(reference: str) -> str:
    """How a reference to an entity is compared: case and spacing do not matter."""
    return " ".join(reference.split()).casefold()


@attrs.frozen(kw_only=True)
class Organisation:
    """The applicant: a main entity with optional subsidiaries (R-ORG-1).

    Attributes:
        name: The organisation's name.
        kvk: KvK numbers, the main entity first (R-FTE-5, R-ORG-1).
        application_date: Date of the definitive application; decides the
            edition (R-ED-1).
        peiljaar: The 12-month reference period; default the calendar year
            before the application date (R-FTE-4).
        fulltime_hours: The cao's full-time week; ``None`` for the rule
            default of 40 hours (R-FTE-2).
        employments: Everyone working at the applicant in the peiljaar, one
            row per employment period (R-FTE-6).
        purchases: Purchases at PSO-certified suppliers and SW-bedrijven (R-IND).
        evidence: Qualitative evidence per target-group employee (R-QUAL-1).
        aspirant_plan: A plan of action for Aspirant status (R-LVL-6).
        recertification: Appraisal evidence at recertification (R-QUAL-2).
        sw_organisation: The applicant is an SW-organisation (SW-bedrijf),
            which MijnPSO scores by a separate, unpublished calculation
            (R-ORG-2): psoladder applies the general method and says so.
        cedris_voucher: The applicant, a Cedris member, uses Cedris's voucher
            on the annual contribution of a PSO 30+ application (R-FEE-2;
            applied only when the PSO 30+ reading is awarded).
        entities: Names of the entities of the applicant's group, each for one
            of the ``kvk`` numbers (R-ORG-1); see :attr:`group`.
        reading: What the payroll reader decided while reading the
            organisation's payroll file (ignored columns, a date column read
            day-first, lines not read), as :class:`~psoladder.rules.Notice`
            objects naming the file; carried into the assessment (issue 12).
            Not an input field; not compared.
    """

    name: str = attrs.field(converter=_text("name"))
    kvk: tuple[str, ...] = attrs.field(converter=_kvk)
    application_date: dt.date = attrs.field(converter=_date("application_date"))
    peiljaar: DateRange | None = attrs.field(default=None, converter=_peiljaar)
    fulltime_hours: Decimal | None = attrs.field(default=None, converter=_fulltime)
    employments: tuple[Employment, ...] = attrs.field(
        default=(), converter=_tuple_of(Employment, "employments", MAX_ROWS)
    )
    purchases: tuple[Purchase, ...] = attrs.field(
        default=(), converter=_tuple_of(Purchase, "purchases", MAX_PURCHASES)
    )
    evidence: tuple[Evidence, ...] = attrs.field(
        default=(), converter=_tuple_of(Evidence, "evidence", MAX_EVIDENCE)
    )
    aspirant_plan: AspirantPlan | None = attrs.field(
        default=None, converter=_optional_of(AspirantPlan, "aspirant_plan"))
    recertification: Recertification | None = attrs.field(
        default=None, converter=_optional_of(Recertification, "recertification"))
    sw_organisation: bool = attrs.field(default=False, converter=_bool("sw_organisation"))
    cedris_voucher: bool = attrs.field(default=False, converter=_bool("cedris_voucher"))
    # issue 15: the applicant's whole group
    entities: tuple[Entity, ...] = attrs.field(
        default=(), converter=_tuple_of(Entity, "entities", MAX_KVK_NUMBERS)
    )
    # issue 12: how the payroll file was read
    reading: tuple[Any, ...] = attrs.field(default=(), eq=False, repr=False,
                                           converter=tuple, metadata={_ORIGIN: True})

    __attrs_post_init__ = _check_consistency

    @staticmethod
    def consistency_problems(values: Mapping[str, Any]) -> list[Problem]:
        """Problems between fields.

        Too many persons or target-group rows, evidence given twice, and the
        group's entities and the rows naming them (R-ORG-1), located by the
        position of the item (``entities[2].kvk``, ``employments[7].entity``,
        ``purchases[1].entity``).
        """
        problems = []
        on, peiljaar = values.get("application_date"), values.get("peiljaar")
        if on is not None and peiljaar is not None:
            late = application_problem(on, peiljaar)
            if late is not None:
                problems.append(late)
        employments = values.get("employments") or ()
        persons = len({e.person for e in employments})
        if persons > MAX_PERSONS:
            problems.append(messages.problem("in.more_persons", field="employments",
                                             value=f"{persons:,} persons",
                                             hint="ih.reads_persons", most=MAX_PERSONS))
        target = sum(1 for e in employments if e.target_group is not None)
        if target > MAX_TARGET_GROUP_ROWS:
            problems.append(messages.problem(
                "in.more_target_rows", field="employments", value=f"{target:,} rows",
                hint="ih.reads_at_most", most=MAX_TARGET_GROUP_ROWS))
        seen: set[str] = set()
        for i, e in enumerate(values.get("evidence") or (), start=1):
            if e.person in seen:
                problems.append(messages.problem("in.evidence_twice",
                                                 field=f"evidence[{i}].person", value=e.person,
                                                 hint="ih.evidence_once"))
            seen.add(e.person)
        kvk, name = values.get("kvk"), values.get("name")
        if not kvk or not name:
            # The group is named by these two fields: their own problems are reported.
            return problems
        entities = values.get("entities") or ()
        group_problems = _entity_problems(kvk, entities)
        if group_problems:
            return problems + group_problems
        group = _group(name, kvk, entities)
        lookup = _lookup(group)
        for field, items in (("employments", values.get("employments") or ()),
                             ("purchases", values.get("purchases") or ())):
            references = {item.entity for item in items}
            references.discard(None)
            if all(_entity_key(r) in lookup for r in references):
                continue
            unknown = [i for i, item in enumerate(items, start=1)
                       if item.entity is not None and _entity_key(item.entity) not in lookup]
            problems.extend(unknown_entity(items[i - 1].entity, group,
                                           field=f"{field}[{i}].entity")
                            for i in unknown[:_LISTED])
            if len(unknown) > _LISTED:
                problems.append(messages.problem(f"in.more_unknown_entity.{field}",
                                                 field=field, count=len(unknown) - _LISTED))
        return problems

    @property
    def group(self) -> tuple[Entity, ...]:
        """Every entity of the applicant, one per KvK number, the main entity first (R-ORG-1).

        Named by the ``entities`` given; the main entity is otherwise named
        after the organisation, another KvK number after itself.

        >>> org = Organisation(name="Glansrijke", kvk=["12345678", "87654321"],
        ...                    application_date="2024-05-01")
        >>> [e.name for e in org.group]
        ['Glansrijke', 'KvK 87654321']
        """
        return _group(self.name, self.kvk, self.entities)

    def entity(self, reference: str | None) -> Entity:
        """The entity of the group a row or purchase names (``None``: the main entity).

        Raises:
            KeyError: When no entity of the group has this name or KvK number.
        """
        if reference is None:
            return self.group[0]
        return _lookup(self.group)[_entity_key(reference)]

    def supplier_entity(self, purchase: Purchase) -> Entity | None:
        """The entity of the group a purchase was made from, if any (R-ORG-1).

        Recognised by the supplier's KvK number, or by its name (without
        regard to case or spacing).
        """
        name = _entity_key(purchase.supplier)
        for entity in self.group:
            if purchase.supplier_kvk == entity.kvk or name == _entity_key(entity.name):
                return entity
        return None

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Organisation:
        """Build from a mapping of field names, reporting every bad field at once."""
        return _build(cls, data)


def _group(name: str, kvk: Iterable[str], entities: Iterable[Entity]) -> tuple[Entity, ...]:
    named = {e.kvk: e for e in entities}
    numbers = tuple(kvk)
    return tuple(named.get(n) or Entity(name=name if i == 0 else f"KvK {n}", kvk=n)
                 for i, n in enumerate(numbers))


def _lookup(group: Iterable[Entity]) -> dict[str, Entity]:
    out: dict[str, Entity] = {}
    for e in group:
        out.setdefault(_entity_key(e.name), e)
        out[e.kvk] = e
    return out


def _entity_problems(kvk: Iterable[str], entities: Sequence[Entity]) -> list[Problem]:
    numbers = list(kvk)
    problems = []
    names: dict[str, int] = {}
    seen: dict[str, int] = {}
    for i, e in enumerate(entities, start=1):
        if e.kvk not in numbers:
            problems.append(messages.problem(
                "in.entity_kvk_not_applicant", field=f"entities[{i}].kvk", value=e.kvk,
                hint="ih.entity_kvk_add", kvk=e.kvk, numbers=", ".join(numbers)))
        if e.kvk in seen:
            problems.append(messages.problem("in.entity_kvk_twice", field=f"entities[{i}].kvk",
                                             value=e.kvk, hint="ih.entity_once",
                                             index=seen[e.kvk]))
        key = _entity_key(e.name)
        if key in names:
            problems.append(messages.problem("in.entity_name_twice",
                                             field=f"entities[{i}].name", value=e.name,
                                             hint="ih.entity_own_name", index=names[key]))
        elif _KVK.match(key) and key != e.kvk and key in numbers:
            problems.append(messages.problem("in.entity_name_kvk",
                                             field=f"entities[{i}].name", value=e.name,
                                             hint="ih.entity_name_words"))
        seen.setdefault(e.kvk, i)
        names.setdefault(key, i)
    return problems


def unknown_entity(reference: object, group: Sequence[Entity], **where: Any) -> Problem:
    """The problem of a row or purchase that names no entity of the group (R-ORG-1).

    ``where`` locates it (``field``, ``row``, ``file``).
    """
    known = "; ".join(e.label for e in group)
    return messages.problem("in.unknown_entity", value=str(reference), hint="ih.unknown_entity",
                            known=known, **where)


def entity_lookup(organisation: Organisation) -> Callable[[str | None], Entity | None]:
    """A fast resolver of entity references for ``organisation`` (``None`` if unknown).

    >>> find = entity_lookup(Organisation(name="A", kvk="12345678", application_date="2024-05-01"))
    >>> find(None).name, find(" a "), find("X") is None
    ('A', Entity(name='A', kvk='12345678'), True)
    """
    group = organisation.group
    table = _lookup(group)

    def find(reference: str | None) -> Entity | None:
        return group[0] if reference is None else table.get(_entity_key(reference))

    return find


# ------------------------------------------------------------ helpers

T = TypeVar("T")


def date_field(name: str, value: object) -> dt.date:
    """``value`` read as the date field ``name``: an ISO date within the bounds.

    >>> date_field("application_date", "2024-05-01")
    datetime.date(2024, 5, 1)
    """
    return _date(name)(value)


def input_fields(cls: type[Any]) -> dict[str, attrs.Attribute[Any]]:
    """The input fields of an attrs input class, by name (without origin attributes).

    >>> list(input_fields(Evidence))
    ['person', 'suitable_work', 'integration', 'development', 'guidance']
    """
    return {name: f for name, f in attrs.fields_dict(cls).items()
            if not f.metadata.get(_ORIGIN)}


def _build(cls: type[T], data: Mapping[str, Any], origin: Mapping[str, Any] | None = None) -> T:
    """Build ``cls`` from ``data``, collecting every field problem first."""
    fields = input_fields(cls)
    problems: list[Problem] = []
    unknown = [k for k in data if k not in fields]
    for key in unknown:
        problems.append(messages.problem("in.unknown_field", field=str(key),
                                         hint="ih.known_fields", name=str(shown(key)),
                                         fields=", ".join(fields)))
    values: dict[str, Any] = {}
    failed = set()
    for name, field in fields.items():
        if name not in data:
            continue
        raw = data[name]
        if field.converter is not None:
            try:
                convert = cast(Callable[[Any], Any], field.converter)
                raw = convert(raw)
            except InputError as exc:
                problems.extend(exc.problems)
                failed.add(name)
                continue
        values[name] = raw
    consistency = getattr(cls, "consistency_problems", None)
    if consistency is not None:
        # A field that failed is reported once, not again as missing.
        problems.extend(p for p in consistency(values) if p.field not in failed)
    missing = [
        n for n, f in fields.items()
        if f.default is attrs.NOTHING and n not in data
    ]
    for name in missing:
        problems.append(messages.problem("in.required_missing", field=name,
                                         hint="ih.required_missing", code=name))
    if problems:
        raise InputError(problems)
    return cls(**values, **(origin or {}))
