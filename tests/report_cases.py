"""Organisations that, together, raise every notice and every reason of the message table.

Used by the report tests: a report is only proven to be in one language when
every text it can show has been shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import psoladder
import psoladder.rules
from psoladder import (
    AspirantPlan,
    Employment,
    Entity,
    Evidence,
    Organisation,
    Purchase,
    Recertification,
)
from psoladder.periods import DateRange

PEILJAAR = DateRange(dt.date(2023, 1, 1), dt.date(2023, 12, 31))


def _staff(n: int, prefix: str = "S", hours: int = 38, **kw: object) -> list[Employment]:
    return [Employment(person=f"{prefix}{i:03d}", start="2015-01-01", hours_per_week=hours,
                       **kw) for i in range(n)]


def _buy(amount: int, **kw: object) -> Purchase:
    return Purchase(supplier=kw.pop("supplier", "Leverancier Groen"), amount=amount,
                    supplier_turnover=2_000_000, supplier_fte=40, supplier_direct_pct=25, **kw)


def mixed() -> Organisation:
    """Edition 2.1 after its first year, default peiljaar: most reasons and warnings."""
    rows = _staff(70)
    rows += [
        # two contracts at once above full time: capped (R-FTE-3)
        Employment(person="C001", start="2020-01-01", hours_per_week=30),
        Employment(person="C001", start="2022-01-01", hours_per_week=20,
                   contract="secondment_flex"),
        # a row wholly outside the peiljaar (R-FTE-6)
        Employment(person="O001", start="2018-01-01", end="2019-12-31", hours_per_week=38),
        Employment(person="T001", start="2020-01-01", hours_per_week=32, target_group="wsw",
                   status_until="2023-06-30"),
        Employment(person="T002", start="2019-01-01", hours_per_week=38,
                   target_group="participatiewet"),
        Employment(person="T003", start="2021-09-01", hours_per_week=24, target_group="vso_pro",
                   school_left="2020-07-01"),
        Employment(person="T004", start="2023-09-01", hours_per_week=24, contract="placement",
                   target_group="student_level_2"),
        Employment(person="T005", start="2023-01-01", hours_per_week=38, target_group="ww",
                   ww_since="2022-11-01"),  # too short on WW before inflow (R-TG-9)
        Employment(person="T006", start="2023-01-01", hours_per_week=38,
                   target_group="status_lost_2y", status_lost="2019-01-01"),  # too long ago
        Employment(person="T007", start="2016-01-01", hours_per_week=38, target_group="wajong",
                   contract="sw_detached_out"),
        Employment(person="T008", start="2015-01-01", hours_per_week=36,
                   target_group="participatiewet_lks", registered=True),
    ]
    return Organisation(
        name="Gemengd Bedrijf B.V.", kvk=["12345678"], application_date="2024-05-01",
        fulltime_hours=38, employments=rows,
        purchases=[_buy(150_000, invoice_date="2023-05-01"),
                   _buy(10_000, supplier="Leverancier Laat", invoice_date="2024-02-01"),
                   _buy(20_000, supplier="Leverancier Verlopen", invoice_date="2023-03-01",
                        certificate_valid_from="2021-01-01",
                        certificate_valid_until="2022-12-31")],
        evidence=[Evidence(person="T002", suitable_work=True, integration=True,
                           development=True, guidance=True),
                  Evidence(person="T001", suitable_work=True)],
        aspirant_plan=AspirantPlan(approved_on="2024-01-15", smart=True, board_approved=True,
                                   being_carried_out=True),
        recertification=Recertification(files_sampled=10, files_with_appraisals=6),
        cedris_voucher=True)


def small() -> Organisation:
    """Below 2 fte: not eligible."""
    return Organisation(name="Klein", kvk="12345678", application_date="2024-05-01",
                        peiljaar=PEILJAAR, employments=_staff(1, hours=20))


def below_trede_1() -> Organisation:
    """Eligible, below Trede 1 in edition 2.1: Basistrede cannot be determined."""
    return Organisation(name="Laag", kvk="12345678", application_date="2024-03-01",
                        peiljaar=PEILJAAR, employments=_staff(20))


def band_bound() -> Organisation:
    """Exactly 25 fte: a bound between two bands of the fee scale (R-FEE-1)."""
    return Organisation(name="Precies", kvk="12345678", application_date="2024-03-01",
                        peiljaar=PEILJAAR, fulltime_hours=38, employments=_staff(25))


def trede_3() -> Organisation:
    """Trede 3 with PSO 30+, an SW-organisation with the Cedris voucher."""
    rows = _staff(8) + _staff(4, prefix="W", target_group="wajong")
    return Organisation(name="Sociaal Werkbedrijf", kvk="12345678", application_date="2024-03-01",
                        peiljaar=PEILJAAR, employments=rows, sw_organisation=True,
                        cedris_voucher=True,
                        evidence=[Evidence(person=f"W{i:03d}", suitable_work=True,
                                           integration=True, development=True, guidance=True)
                                  for i in range(4)])


def early() -> Organisation:
    """Edition 1.5: groups that do not exist yet, disabled in service before 1.7, and an
    Aspirant plan whose extensions are a psoladder decision before 1.9."""
    rows = _staff(10) + [
        Employment(person="T101", start="2016-01-01", hours_per_week=38,
                   target_group="statushouder"),
        Employment(person="T102", start="2016-01-01", hours_per_week=38,
                   target_group="wia_wao_waz", disabled_in_service=True),
    ]
    return Organisation(name="Vroeg", kvk="12345678", application_date="2017-06-01",
                        peiljaar=DateRange(dt.date(2016, 1, 1), dt.date(2016, 12, 31)),
                        employments=rows,
                        aspirant_plan=AspirantPlan(approved_on="2017-03-01", smart=True))


def students() -> Organisation:
    """Edition 2.1, size 20: only the unpublished weight of a BBL/BOL level 2 student (and the
    Basistrede norm) stand between no level for certain and Trede 1 possible (issue 17)."""
    rows = _staff(18, hours=40) + [
        Employment(person="L001", start="2020-01-01", hours_per_week=40,
                   target_group="student_level_2"),
        Employment(person="W001", start="2015-01-01", hours_per_week=Decimal("5.6"),
                   target_group="wajong"),
        Employment(person="S900", start="2015-01-01", hours_per_week=Decimal("34.4")),
    ]
    return Organisation(name="Leerbedrijf", kvk="12345678", application_date="2024-05-01",
                        peiljaar=PEILJAAR, employments=rows)


def norms_and_weight() -> Organisation:
    """Size 75: Trede 3 is possible only with both the norm of row 80 and a raised weight."""
    rows = _staff(71, hours=40) + [
        Employment(person="L001", start="2020-01-01", hours_per_week=40,
                   target_group="student_level_1"),
        Employment(person="W001", start="2015-01-01", hours_per_week=40, target_group="wajong"),
        Employment(person="W002", start="2015-01-01", hours_per_week=40, target_group="wajong"),
        Employment(person="W003", start="2015-01-01", hours_per_week=20, target_group="wajong"),
        Employment(person="S900", start="2015-01-01", hours_per_week=20),
    ]
    return Organisation(name="Tussenmaat", kvk="12345678", application_date="2024-05-01",
                        peiljaar=PEILJAAR, employments=rows,
                        evidence=[Evidence(person=p, suitable_work=True, integration=True,
                                           development=True, guidance=True)
                                  for p in ("L001", "W001", "W002", "W003")])


#: A partial norm table with Basistrede norms for the rows of 70 and 80 fte.
BASISTREDE_ROWS = psoladder.RuleOverrides(source="a test", norm_rows=(
    psoladder.rules.NormRow(size=70, basistrede=Decimal("1.5"), trede_1=Decimal("2.3"),
                            trede_2=Decimal(3), trede_3=Decimal("5.1")),
    psoladder.rules.NormRow(size=80, basistrede=Decimal("1.2"), trede_1=Decimal(2),
                            trede_2=Decimal("2.6"), trede_3=Decimal("4.6"))))


def basistrede_between() -> Organisation:
    """Size 77 between user rows with Basistrede norms: a score of 1.3 % may reach the Basistrede."""
    rows = _staff(76, hours=40) + [
        Employment(person="W001", start="2015-01-01", hours_per_week=40, target_group="wajong"),
    ]
    return Organisation(name="Basis", kvk="12345678", application_date="2024-05-01",
                        peiljaar=PEILJAAR, employments=rows)


def basistrede_possible() -> Organisation:
    """Size 20, a score above 0 below Trede 1: only the unpublished Basistrede norm decides."""
    rows = _staff(19, hours=40) + [
        Employment(person="W001", start="2015-01-01", hours_per_week=40, target_group="wajong"),
    ]
    return Organisation(name="Basistrede", kvk="12345678", application_date="2024-05-01",
                        peiljaar=PEILJAAR, employments=rows)


def group() -> Organisation:
    """A group of two named entities (issue 15), with a purchase inside the group (R-ORG-1)."""
    rows = _staff(12) + _staff(6, prefix="Z", entity="Glansrijke Zorg")
    rows += [Employment(person="ZT01", start="2020-01-01", hours_per_week=38,
                        target_group="wajong", entity="87654321")]
    return Organisation(
        name="Glansrijke Groep", kvk=["12345678", "87654321"], application_date="2024-05-01",
        peiljaar=PEILJAAR, fulltime_hours=38, employments=rows,
        entities=[Entity(name="Glansrijke Groep B.V.", kvk="12345678"),
                  Entity(name="Glansrijke Zorg", kvk="87654321")],
        purchases=[_buy(50_000, invoice_date="2023-05-01", entity="Glansrijke Zorg"),
                   _buy(20_000, supplier="Glansrijke Zorg", invoice_date="2023-06-01")],
        evidence=[Evidence(person="ZT01", suitable_work=True, integration=True,
                           development=True, guidance=True)])


def assessments() -> Iterator[psoladder.Assessment]:
    """Every case, assessed (some with the options that raise their notices)."""
    yield psoladder.assess(mixed())
    yield psoladder.assess(small())
    yield psoladder.assess(below_trede_1())
    yield psoladder.assess(trede_3())
    yield psoladder.assess(trede_3(), thirty_plus_basis="headcount", norm_policy="interpolate",
                           thirty_plus_denominator="all_staff")
    yield psoladder.assess(early())
    yield psoladder.assess(band_bound())
    lower = psoladder.RuleOverrides(source="a test", parameters={"fee_on_band_bound": "lower_band"},
                                    norm_rows=(psoladder.rules.NormRow(
                                        size=2, trede_1=Decimal("21.4"), trede_2=Decimal(28),
                                        trede_3=Decimal(33)),))
    yield psoladder.assess(band_bound(), overrides=lower)
    yield psoladder.assess(students())
    yield psoladder.assess(norms_and_weight())
    yield psoladder.assess(basistrede_between(), overrides=BASISTREDE_ROWS)
    yield psoladder.assess(basistrede_possible())


    yield psoladder.assess(group())
