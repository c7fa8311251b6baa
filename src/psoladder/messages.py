"""The words psoladder shows people, in English and Dutch.

Rule code names a text by its key and parameters: warnings and assumptions
(:class:`~psoladder.rules.Notice`), the reasons why days or purchases do not
count, the steps of the explanation, the reports and the names of every code
(levels, target groups, contract types, rule statuses, ...). These tables hold
the words, so the computation carries no prose of its own and every text can
be shown in the reader's language.

Parameters keep their type (a date, a :class:`~psoladder.periods.DateRange`,
an exact number, an enum) until the text is put together; the template says
how to show each one, in the conventions of the language
(:mod:`psoladder.formatting`):

``{x:fte}`` 4 decimals, ``{x:pct}`` a percentage with 2 (``{x:pct.4}`` with 4),
``{x:pct.n}`` a rule's percentage as it is (``80 %``), ``{x:eur}`` euros, ``{x:num}`` a number as it is, ``{x:count}`` a whole number
with thousands separators, ``{x:date}``, ``{x:period}``, ``{x:bool}``, the
names of codes ``{x:level}``, ``{x:group}``, ``{x:contract}``, ``{x:kind}``,
``{x:status}``, ``{x:source}``, ``{x:basis}``, ``{x:criterion}``,
``{x:aspirant}`` (a list of codes is joined: ``a, b en c``), the site of a
web address ``{x:host}`` (``werkgeverslijn.nl``), a sum
``{x:fte+}`` (``0,4211 + 0,2088``), and a counted noun
``{x:count|person|persons}``. A field without a format shows its value by
type. Dates and codes given as text (``"2024-05-01"``, ``"wajong"``) are
understood too.

>>> text("not_eligible", "nl", total=Fraction(3, 2), minimum=Decimal(2))
'totaal fte 1,5000 is minder dan 2: komt niet in aanmerking voor een PSO-trede'
>>> row = Phrase.of("x.row_in_file", row=3, file="loon.csv")
>>> Phrase.of("x.row", row=row, group="wajong", contract="regular").text("nl")
'regel 3 van loon.csv: Wajong, arbeidsovereenkomst'
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import string
import urllib.parse
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from psoladder import formatting
from psoladder.errors import InputError, Problem, Words, shown
from psoladder.periods import BEGINNING, FOREVER, DateRange

__all__ = ["NOTICES", "TEXTS", "Phrase", "error_text", "has", "param_name", "param_value",
           "problem", "problem_text", "show", "text"]

#: key -> (English, Dutch) templates.
NOTICES: Mapping[str, tuple[str, str]] = {
    "peiljaar_default": (
        "no peiljaar given; {peiljaar:period} is used, the calendar year before the application date",
        "geen peiljaar opgegeven; {peiljaar:period} wordt gebruikt, het kalenderjaar vóór de "
        "aanvraagdatum"),
    "not_eligible": (
        "total fte {total:fte} is below {minimum:num}: not eligible for a PSO level",
        "totaal fte {total:fte} is minder dan {minimum:num}: komt niet in aanmerking voor een "
        "PSO-trede"),
    "person_capped": (
        "{count:count|person had|persons had} concurrent contracts above full time; on those "
        "days a person counts at most {cap:num} fte (psoladder decision)",
        "{count:count|persoon had|personen hadden} tegelijk contracten boven voltijd; op die "
        "dagen telt een persoon voor ten hoogste {cap:num} fte (keuze van psoladder)"),
    "rows_outside": (
        "{count:count|employment row has|employment rows have} no day in the peiljaar: "
        "counted as 0",
        "{count:count|dienstverband valt|dienstverbanden vallen} geheel buiten het peiljaar: "
        "geteld als 0"),
    "purchases_not_counted": (
        "{count:count|purchase does|purchases do} not count: {details}",
        "{count:count|inkoop telt|inkopen tellen} niet mee: {details}"),
    "norms_nearest": (
        "size {size} has no published norm row; the nearest published row at or below ({row}) "
        "is used, the stricter norm (supply the official full table to remove this)",
        "voor bedrijfsgrootte {size} is geen normrij gepubliceerd; de dichtstbijzijnde "
        "gepubliceerde rij eronder ({row}) wordt gebruikt, de strengere norm (geef de "
        "officiële volledige normtabel op om dit op te heffen)"),
    "norms_interpolated": (
        "norms for size {size} are interpolated between published rows {low} and {high}",
        "normen voor bedrijfsgrootte {size} zijn geïnterpoleerd tussen de gepubliceerde rijen "
        "{low} en {high}"),
    "basistrede_unknown": (
        "Basistrede cannot be determined from the rule data: its norms are not published "
        "(supply them in a rules override)",
        "de Basistrede kan niet worden bepaald uit de regeldata: de normen zijn niet "
        "gepubliceerd (geef ze op in een override-bestand)"),
    "gap_supplier": (
        "purchase gaps assume more purchases at {supplier}, the largest supplier in the input",
        "de afstand via inkoop gaat uit van extra inkoop bij {supplier}, de grootste "
        "leverancier in de invoer"),
    "weight_unknown": (
        "the weight of {group:group} under edition {edition} is not published; {weight:num} is "
        "used, which cannot overstate the level (supply the official weight in a rules override "
        "to remove this warning)",
        "de weging van {group:group} onder editie {edition} is niet gepubliceerd; {weight:num} "
        "wordt gebruikt, wat het niveau niet kan overschatten (geef de officiële weging op in een "
        "override-bestand om deze waarschuwing op te heffen)"),
    "thirty_plus_fte": (
        "the 30+ share is measured in fte over the peiljaar (psoladder decision; headcount on "
        "the peildatum is an option)",
        "het 30+-aandeel is gemeten in fte over het peiljaar (keuze van psoladder; aantal "
        "personen op de peildatum is een optie)"),
    "thirty_plus_headcount": (
        "the 30+ share is measured in headcount on the peildatum {peildatum:date} (psoladder "
        "decision; fte over the peiljaar is the default)",
        "het 30+-aandeel is gemeten in aantal personen op de peildatum {peildatum:date} (keuze "
        "van psoladder; fte over het peiljaar is de standaard)"),
    # issue 14 (rule data audit): notices about source quality, fees, the
    # applicant and inputs the rules cannot meet
    "secondary_source": (
        "{names:param}: rests only on a secondary source ({source:host}), not on PSO-Nederland or "
        "TNO; check the value, or supply it in a rules override",
        "{names:param}: steunt alleen op een secundaire bron ({source:host}), niet op PSO-Nederland "
        "of TNO; controleer de waarde, of geef haar op in een override-bestand"),
    "after_last_edition": (
        "editions after {edition} were not publicly documented when the rule data was last "
        "verified ({verified:date}); the values of edition {edition} are used. The norms may have "
        "changed too: the norms page is undated and says they can be revised every two years "
        "(R-LVL-2)",
        "edities na {edition} waren niet openbaar gedocumenteerd toen de regeldata voor het "
        "laatst zijn gecontroleerd ({verified:date}); de waarden van editie {edition} worden "
        "gebruikt. Ook de normen kunnen gewijzigd zijn: de pagina met de normen is niet "
        "gedateerd en zegt dat ze tweejaarlijks aangepast kunnen worden (R-LVL-2)"),
    "thirty_plus_payroll": (
        "the 30+ share is taken of the personnel on the payroll (contract types {contracts:contract}); "
        "the share of all staff, as psoladder 0.1 read it, is an option",
        "het 30+-aandeel is genomen van het personeel in loondienst (typen contract "
        "{contracts:contract}); het aandeel van alle medewerkers, zoals psoladder 0.1 het las, is een "
        "optie"),
    "thirty_plus_all_staff": (
        "the 30+ share is taken of all staff, as psoladder 0.1 read it; the rule data take it "
        "of the personnel on the payroll",
        "het 30+-aandeel is genomen van alle medewerkers, zoals psoladder 0.1 het las; de "
        "regeldata nemen het van het personeel in loondienst"),
    "fee_unknown": (
        "the annual PSO contribution is set anew every year and no scale is published for "
        "{year}: the amount ({fee:eur}) follows the last published scale",
        "de PSO-jaarbijdrage wordt jaarlijks opnieuw vastgesteld en voor {year} is geen "
        "staffel gepubliceerd: het bedrag ({fee:eur}) volgt de laatst gepubliceerde staffel"),
    "fee_band_bound.higher_band": (
        "total fte {total:fte} lies exactly on a bound between two bands of the fee scale; the "
        "higher band is charged (psoladder decision)",
        "totaal fte {total:fte} ligt precies op de grens tussen twee banden van de staffel; de "
        "hogere band wordt gerekend (keuze van psoladder)"),
    "fee_band_bound.lower_band": (
        "total fte {total:fte} lies exactly on a bound between two bands of the fee scale; the "
        "lower band is charged (rules override)",
        "totaal fte {total:fte} ligt precies op de grens tussen twee banden van de staffel; de "
        "lagere band wordt gerekend (override-bestand)"),
    "fee_voucher": (
        "the Cedris voucher takes {pct:pct.n} off the annual contribution of {full:eur} (a PSO 30+ "
        "application of a Cedris member)",
        "de Cedris-voucher geeft {pct:pct.n} korting op de jaarbijdrage van {full:eur} (een PSO "
        "30+-aanvraag van een Cedris-lid)"),
    "fee_voucher_not_applied": (
        "the Cedris voucher was asked for, but applies only to a PSO 30+ application and the "
        "PSO 30+ reading is not awarded: no discount",
        "de Cedris-voucher is gevraagd, maar geldt alleen bij een PSO 30+-aanvraag en de PSO "
        "30+-meting is niet behaald: geen korting"),
    "sw_organisation": (
        "for an SW-organisation MijnPSO applies a separate calculation that is not published; "
        "this result follows the general method (own SW staff detached out left out, R-CT-6) "
        "and can differ from MijnPSO's",
        "voor een SW-bedrijf past MijnPSO een aparte berekening toe die niet is gepubliceerd; "
        "deze uitkomst volgt de algemene methode (eigen gedetacheerde SW-medewerkers tellen "
        "niet mee, R-CT-6) en kan afwijken van die van MijnPSO"),
    "norms_partial_override": (
        "the rules override gives norm rows for {count:count|size|sizes}, not for the row of size "
        "{size}: the published norms are used for it",
        "het override-bestand geeft normrijen voor {count:count|bedrijfsgrootte|bedrijfsgroottes}, "
        "niet voor de "
        "rij van grootte {size}: daarvoor gelden de gepubliceerde normen"),
    "aspirant_extensions_decision": (
        "Aspirant status may be extended {count:count|time|times} under edition {edition}: a "
        "psoladder "
        "decision, no source states the number before edition 1.9",
        "de Aspirant-status mag onder editie {edition} {count:count|keer|keer} verlengd worden: "
        "een keuze "
        "van psoladder, geen bron noemt het aantal vóór editie 1.9"),
}

#: key -> (English, Dutch) templates of reasons (``r.``, ``p.``), the
#: explanation (``x.``) and the reports (``l.``, ``level.``, ``source.``,
#: ``criterion.``).
TEXTS: Mapping[str, tuple[str, str]] = {
    # why days of an employment row do not count (R-TG, R-CT)
    "r.not_target": ("not in a PSO target group", "valt niet onder de PSO-doelgroep"),
    "r.not_yet": (
        "{group:group} is not a target group under edition {edition} (a target group from "
        "{start:date} on, R-TG-15)",
        "{group:group} is geen doelgroep onder editie {edition} (doelgroep vanaf {start:date}, "
        "R-TG-15)"),
    "r.detached": (
        "an SW-organisation's own SW employee detached out does not count ({rule})",
        "een eigen SW-medewerker die gedetacheerd is telt niet mee ({rule})"),
    "r.until": ("counts up to and including the end date {until:date} ({rule})",
                "telt tot en met de einddatum {until:date} ({rule})"),
    "r.years_inflow": (
        "counts {years} years from inflow {anchor:date}: {window:period} ({rule}, edition "
        "{edition})",
        "telt {years} jaar vanaf instroom {anchor:date}: {window:period} ({rule}, editie "
        "{edition})"),
    "r.years_school": (
        "counts {years} years from leaving school {anchor:date}: {window:period} ({rule}, "
        "edition {edition})",
        "telt {years} jaar vanaf schoolverlaten {anchor:date}: {window:period} ({rule}, "
        "editie {edition})"),
    "r.placement": (
        "a placement counts at most {years} years from its start {start:date}: {window:period} "
        "({rule})",
        "een stage of werkervaringsplaats telt maximaal {years} jaar vanaf de start "
        "{start:date}: {window:period} ({rule})"),
    "r.ww": (
        "WW since {since:date} lasted less than {months} months before inflow {inflow:date} "
        "(needs inflow on or after {needed:date}, {rule})",
        "WW sinds {since:date} duurde korter dan {months} maanden vóór instroom {inflow:date} "
        "(instroom nodig op of na {needed:date}, {rule})"),
    "r.status_lost": (
        "status lost {lost:date}, more than {years} years before inflow {inflow:date} (latest "
        "inflow {latest:date}, {rule})",
        "status verloren op {lost:date}, meer dan {years} jaar vóór instroom {inflow:date} "
        "(uiterlijke instroom {latest:date}, {rule})"),
    "r.disabled": (
        "people who became disabled while working for the applicant count from {start:date} on "
        "({rule})",
        "medewerkers die tijdens hun werk bij de aanvrager arbeidsongeschikt werden tellen "
        "mee vanaf {start:date} ({rule})"),
    # why a purchase does not count (R-IND)
    "x.purchase_reason": ("purchase {index} ({reason})", "inkoop {index} ({reason})"),
    "p.outside": ("invoice date {date:date} lies outside the peiljaar {peiljaar:period} (R-IND-1)",
                  "factuurdatum {date:date} valt buiten het peiljaar {peiljaar:period} (R-IND-1)"),
    "p.certificate": (
        "the supplier's PSO certificate ({valid:period}) was not valid on the invoice date "
        "{date:date} (R-IND-6)",
        "het PSO-certificaat van de leverancier ({valid:period}) was niet geldig op de "
        "factuurdatum {date:date} (R-IND-6)"),
    # ------------------------------------------------------------------
    # issue #13: names of codes, the explanation, the reports and the verdict
    # ------------------------------------------------------------------
    # levels (``level.``), target groups (``group.``), contract types
    # (``contract.``), supplier kinds (``kind.``), rule statuses (``status.``),
    # how norms were found (``source.``), the 30+ basis (``basis.``), norm
    # policies (``policy.``), qualitative criteria (``criterion.``), Aspirant
    # plan conditions (``aspirant.``) and yes/no (``bool.``)
    "level.none": ("no level", "geen trede"),
    "level.basistrede": ("Basistrede", "Basistrede"),
    "level.trede_1": ("Trede 1", "Trede 1"),
    "level.trede_2": ("Trede 2", "Trede 2"),
    "level.trede_3": ("Trede 3", "Trede 3"),
    "group.wsw": ("Wsw indication", "Wsw-indicatie"),
    "group.participatiewet": ("Participatiewet (no wage-cost subsidy)",
                              "Participatiewet (zonder loonkostensubsidie)"),
    "group.nug_sroi": ("without benefit, nominated for social return",
                       "niet-uitkeringsgerechtigde, voorgedragen voor social return"),
    "group.statushouder": ("refugee with a residence permit", "statushouder"),
    "group.temporary_protection": ("temporary protection (Ukraine)",
                                   "tijdelijke bescherming (Oekraïne)"),
    "group.participatiewet_lks": ("Participatiewet with wage-cost subsidy",
                                  "Participatiewet met loonkostensubsidie"),
    "group.wia_wao_waz": ("WIA / WAO / WAZ (unfit for work)",
                          "WIA / WAO / WAZ (arbeidsongeschikt)"),
    "group.wajong": ("Wajong", "Wajong"),
    "group.student_level_1": ("BBL/BOL level 1 student", "BBL/BOL-leerling niveau 1"),
    "group.student_level_2": ("BBL/BOL level 2 student", "BBL/BOL-leerling niveau 2"),
    "group.student_level_3_4": ("BBL/BOL level 3 or 4 student",
                                "BBL/BOL-leerling niveau 3 of 4"),
    "group.vso_pro": ("VSO/PRO school-leaver", "VSO/PRO-schoolverlater"),
    "group.vso_pro_pupil": ("VSO/PRO pupil on an internship or learn-work agreement",
                            "VSO/PRO-leerling met stage of leerwerkovereenkomst"),
    "group.ww": ("WW (unemployment benefit)", "WW-uitkering"),
    "group.wiw_id": ("former WIW or ID job", "voormalige WIW- of ID-baan"),
    "group.status_lost_2y": ("target-group status lost shortly before inflow",
                             "doelgroepstatus kort voor instroom verloren"),
    "group.young_disabled_wml": ("young disabled person (minimum wage with a provision)",
                                 "jonggehandicapte (WML met een voorziening)"),
    "group.doelgroepregister": ("other person in the doelgroepregister",
                                "overige persoon in het doelgroepregister"),
    "contract.regular": ("employment contract", "arbeidsovereenkomst"),
    "contract.supported": ("supported employment (begeleid werken)", "begeleid werken"),
    "contract.secondment_flex": ("secondment, temp agency or flex",
                                 "detachering, uitzendwerk of flex"),
    "contract.placement": ("internship or work-experience place",
                           "stage of werkervaringsplaats"),
    "contract.trial": ("trial placement", "proefplaatsing"),
    "contract.sw_detached_out": ("own SW employee detached out",
                                 "eigen SW-medewerker, gedetacheerd"),
    "kind.pso_certified": ("PSO-certified supplier", "PSO-gecertificeerde leverancier"),
    "kind.sw_bedrijf": ("SW-bedrijf", "SW-bedrijf"),
    "status.published": ("published", "gepubliceerd"),
    "status.decision": ("psoladder decision", "keuze van psoladder"),
    "status.unknown": ("not published", "niet gepubliceerd"),
    "status.user": ("your own value", "eigen opgave"),
    "source.published_row": ("published row", "gepubliceerde rij"),
    "source.nearest_published_row": ("nearest published row below, the stricter norm",
                                     "dichtstbijzijnde gepubliceerde rij eronder, de strengere "
                                     "norm"),
    "source.interpolated": ("interpolated", "geïnterpoleerd"),
    "source.user_table": ("a row of your norm table", "een rij uit uw normtabel"),
    "basis.fte": ("fte over the peiljaar", "fte over het peiljaar"),
    "basis.headcount": ("headcount on the peildatum", "aantal personen op de peildatum"),
    "policy.nearest": ("nearest published row below", "dichtstbijzijnde gepubliceerde rij eronder"),
    "policy.interpolate": ("interpolation between published rows",
                           "interpolatie tussen gepubliceerde rijen"),
    "criterion.suitable_work": ("suitable work", "passend werk"),
    "criterion.integration": ("integration", "integratie"),
    "criterion.development": ("functioning and development", "functioneren en ontwikkeling"),
    "criterion.guidance": ("guidance", "begeleiding"),
    "aspirant.smart": ("a SMART plan", "een SMART-plan"),
    "aspirant.board_approved": ("approved by the board or director",
                                "goedgekeurd door directie of bestuur"),
    "aspirant.aims_for_trede_1_within_2_years": ("aiming for Trede 1 within 2 years",
                                                 "gericht op Trede 1 binnen 2 jaar"),
    "aspirant.being_carried_out": ("being carried out", "wordt uitgevoerd"),
    "bool.true": ("yes", "ja"),
    "bool.false": ("no", "nee"),
    # the explanation: titles (``x.``) and calculations (``c.``)
    "x.edition": ("Edition of the PSO-Handleiding", "Editie van de PSO-Handleiding"),
    "c.edition": ("application date {date:date} is on or after {start:date}, when edition "
                  "{edition} took effect",
                  "aanvraagdatum {date:date} valt op of na {start:date}, de ingangsdatum van "
                  "editie {edition}"),
    "x.source": ("source", "bron"),
    "x.peiljaar": ("Peiljaar", "Peiljaar"),
    "c.days": ("{days:count} days", "{days:count} dagen"),
    "x.peiljaar_given": ("given in the input", "opgegeven in de invoer"),
    "x.peiljaar_default": (
        "not given: the calendar year before the application date (R-FTE-4)",
        "niet opgegeven: het kalenderjaar vóór de aanvraagdatum (R-FTE-4)"),
    "x.total_fte": ("Total fte", "Totaal fte"),
    "c.total_split": (
        "{target:fte} fte of {target_persons:count|target-group person|target-group persons} "
        "+ {others:fte} fte of {other_persons:count|other person|other persons} "
        "= {total:fte} fte",
        "{target:fte} fte van {target_persons:count|persoon|personen} uit de doelgroep "
        "+ {others:fte} fte van {other_persons:count|andere persoon|andere personen} "
        "= {total:fte} fte"),
    "x.fte_legend": (
        "fte of a row = hours per week / full-time week x days in the peiljaar / days of the "
        "peiljaar; a person counts at most {cap:num} fte at any time",
        "fte van een regel = uren per week / voltijdweek x dagen in het peiljaar / dagen van "
        "het peiljaar; een persoon telt op elk moment voor maximaal {cap:num} fte"),
    "x.read": ("{rows:count|row|rows} of {persons:count|person|persons} read",
               "{rows:count|regel|regels} van {persons:count|persoon|personen} gelezen"),
    "x.fulltime": ("full-time week", "voltijdweek"),
    "x.inflow_date": ("inflow", "instroom"),
    "x.input_rows": ("input", "invoer"),
    "x.hours": ("{hours:num} hours", "{hours:num} uur"),
    "x.absent": ("{count:count|person has|persons have} no day in the peiljaar and count 0",
                 "{count:count|persoon heeft|personen hebben} geen dag in het peiljaar en "
                 "tellen voor 0"),
    "x.rows_outside": (
        "{count:count|row has|rows have} no day in the peiljaar and count 0: {rows}",
        "{count:count|regel heeft|regels hebben} geen dag in het peiljaar en tellen voor 0: "
        "{rows}"),
    "x.rows_list": ("{rows}", "{rows}"),
    "x.others": ("People outside the target groups", "Personen buiten de doelgroep"),
    "c.others": ("{persons:count|person|persons}, {rows:count|row|rows}: {fte:fte} fte",
                 "{persons:count|persoon|personen}, {rows:count|regel|regels}: {fte:fte} fte"),
    "x.by_contract": ("{contract:contract}", "{contract:contract}"),
    "x.mixed_contracts": ("several contract types", "meerdere contractsoorten"),
    "x.rows_not_kept": ("rows not kept (streamed payroll)",
                        "regels niet bewaard (gestreamde loonadministratie)"),
    "x.full_list": ("every person and row: --explain=full", "elke persoon en regel: "
                    "--explain=full"),
    "x.col_row": ("row", "regel"),
    "x.col_person": ("person", "persoon"),
    "x.col_calculation": ("calculation", "berekening"),
    "x.col_fte": ("fte", "fte"),
    "x.target_people": ("People in the target groups", "Personen uit de doelgroep"),
    "x.weighted": ("Weighted target-group fte", "Gewogen fte doelgroep"),
    "c.sum_fte": ("{terms:fte+} = {total:fte} fte", "{terms:fte+} = {total:fte} fte"),
    "c.sum_persons": (
        "sum over {count:count|target-group person|target-group persons}: {total:fte} fte",
        "som over {count:count|persoon|personen} uit de doelgroep: {total:fte} fte"),
    "c.weighted_legend": (
        "weighted fte = fte of the days in the counting window x weight of the target group "
        "x weight of the contract type",
        "gewogen fte = fte van de dagen binnen de telperiode x weging doelgroep x weging "
        "type contract"),
    "x.person": ("person {person}", "persoon {person}"),
    "x.row_inline": ("employment {row}", "dienstverband {row}"),
    "x.row": ("{row}: {group:group}, {contract:contract}",
              "{row}: {group:group}, {contract:contract}"),
    "c.row_fte": ("fte: {hours:num} / {fulltime:num} x {days:count} / {year_days:count} "
                  "= {fte:fte} fte",
                  "fte: {hours:num} / {fulltime:num} x {days:count} / {year_days:count} "
                  "= {fte:fte} fte"),
    "c.row_fte_short": ("{hours:num} / {fulltime:num} x {days:count} / {year_days:count}",
                        "{hours:num} / {fulltime:num} x {days:count} / {year_days:count}"),
    "c.row_capped": (
        "fte: {hours:num} / {fulltime:num} x {days:count} / {year_days:count} = "
        "{uncapped:fte} fte, capped to full time on {capped:count|day|days}: {fte:fte} fte",
        "fte: {hours:num} / {fulltime:num} x {days:count} / {year_days:count} = "
        "{uncapped:fte} fte, op {capped:count|dag|dagen} begrensd tot voltijd: {fte:fte} fte"),
    "c.row_in_window": (
        "counting window {window:period}: {counted_days:count} of {days:count|day|days} "
        "count, {counted:fte} fte",
        "telperiode {window:period}: {counted_days:count} van {days:count|dag|dagen} tellen "
        "mee, {counted:fte} fte"),
    "c.row_open_window": (
        "no end to the counting window: {counted_days:count} of {days:count|day|days} count, "
        "{counted:fte} fte",
        "telperiode zonder einde: {counted_days:count} van {days:count|dag|dagen} tellen mee, "
        "{counted:fte} fte"),
    "c.row_no_window": ("no day counts as target-group work",
                        "geen dag telt als werk uit de doelgroep"),
    "c.row_weight": ("weight: {group:group} {group_weight:num} x {contract:contract} "
                     "{contract_weight:num} = {weight:num}",
                     "weging: {group:group} {group_weight:num} x {contract:contract} "
                     "{contract_weight:num} = {weight:num}"),
    "c.row_weighted": ("weighted: {counted:fte} x {weight:num} = {weighted:fte} fte",
                       "gewogen: {counted:fte} x {weight:num} = {weighted:fte} fte"),
    # issue #16: a payroll line, told apart from an inline [[employment]] row
    "x.row_in_file": ("row {row} of {file}", "regel {row} van {file}"),
    "x.excluded": ("left out of total fte: SW employee detached out (R-CT-6)",
                   "telt niet mee in het totaal fte: eigen SW-medewerker gedetacheerd (R-CT-6)"),
    "x.no_day": ("no day in the peiljaar: counts 0", "geen dag in het peiljaar: telt voor 0"),
    "x.summarised": ("{rows:count|row|rows}, details not kept (streamed payroll)",
                     "{rows:count|regel|regels}, details niet bewaard (gestreamde "
                     "loonadministratie)"),
    "x.direct": ("Direct contribution", "Directe sociale bijdrage"),
    "c.direct": ("{weighted:fte} / {total:fte} x 100 = {pct:pct}",
                 "{weighted:fte} / {total:fte} x 100 = {pct:pct}"),
    "x.indirect_fte": ("Indirect fte (purchases)", "Indirecte fte (inkoop)"),
    "c.no_purchases": ("no purchases", "geen inkoop"),
    "x.purchase": ("purchase {index}: {supplier} ({kind:kind})",
                   "inkoop {index}: {supplier} ({kind:kind})"),
    "c.purchase": ("{amount:eur} / {turnover:eur} x {fte:num} fte x {pct:pct} = {result:fte} fte",
                   "{amount:eur} / {turnover:eur} x {fte:num} fte x {pct:pct} = {result:fte} fte"),
    "x.not_counted": ("does not count", "telt niet mee"),
    "x.indirect_pct": ("Indirect contribution", "Indirecte sociale bijdrage"),
    "c.indirect": ("{indirect:fte} / ({total:fte} + {indirect:fte}) x 100 = {pct:pct}",
                   "{indirect:fte} / ({total:fte} + {indirect:fte}) x 100 = {pct:pct}"),
    "x.counted": ("Indirect contribution that counts (at most {share:pct.n} of the total)",
                  "Indirecte bijdrage die telt (maximaal {share:pct.n} van het totaal)"),
    "c.counted": ("smallest of {indirect:pct} and {factor:num} x {direct:pct} = {cap:pct}: "
                  "{counted:pct}",
                  "kleinste van {indirect:pct} en {factor:num} x {direct:pct} = {cap:pct}: "
                  "{counted:pct}"),
    "x.cap_binds": ("the cap binds", "de begrenzing is van toepassing"),
    "x.cap_free": ("the cap does not bind", "de begrenzing is niet van toepassing"),
    "x.total": ("Total score", "Totale sociale bijdrage"),
    "c.total": ("{direct:pct} + {counted:pct} = {total:pct}",
                "{direct:pct} + {counted:pct} = {total:pct}"),
    "x.eligible": ("Eligible (at least {minimum:num} fte)",
                   "Komt in aanmerking (minimaal {minimum:num} fte)"),
    "c.at_least": ("{total:fte} fte ≥ {minimum:num} fte", "{total:fte} fte ≥ {minimum:num} fte"),
    "c.below": ("{total:fte} fte < {minimum:num} fte", "{total:fte} fte < {minimum:num} fte"),
    "x.size": ("Company size (fte)", "Bedrijfsgrootte (fte)"),
    "c.size": ("{total:fte} fte rounded to whole fte = {size}",
               "{total:fte} fte afgerond op hele fte = {size}"),
    "x.size_open": ("sizes of {row} fte and more use the row for {row}",
                    "vanaf {row} fte geldt de rij voor {row}"),
    "x.size_small": ("sizes below {row} fte see the row for {row}",
                     "onder {row} fte geldt de rij voor {row}"),
    "x.norms": ("Norms for size {size}", "Normen voor bedrijfsgrootte {size}"),
    "c.norms_published_row": ("published row {row}", "gepubliceerde rij {row}"),
    "c.norms_nearest_published_row": (
        "no published row for {size}: the row below it ({row}) is used, the stricter norm",
        "geen gepubliceerde rij voor {size}: de rij eronder ({row}) wordt gebruikt, de "
        "strengere norm"),
    "c.norms_interpolated": ("interpolated between the published rows {low} and {high}",
                             "geïnterpoleerd tussen de gepubliceerde rijen {low} en {high}"),
    "c.norms_user_table": ("row {row} of your norm table",
                           "rij {row} van uw normtabel"),
    "x.unknown": ("unknown", "onbekend"),
    "x.basistrede": ("Basistrede norms are not published (R-LVL-5)",
                     "de normen van de Basistrede zijn niet gepubliceerd (R-LVL-5)"),
    "x.level": ("Level (computed)", "Niveau (berekend)"),
    "c.level_between": (
        "{total:pct.{places}} ≥ {norm:pct.{places}} ({level:level}) and "
        "{total:pct.{places}} < {next_norm:pct.{places}} ({next:level})",
        "{total:pct.{places}} ≥ {norm:pct.{places}} ({level:level}) en "
        "{total:pct.{places}} < {next_norm:pct.{places}} ({next:level})"),
    "c.level_top": ("{total:pct.{places}} ≥ {norm:pct.{places}} ({level:level}), the highest "
                    "level",
                    "{total:pct.{places}} ≥ {norm:pct.{places}} ({level:level}), de hoogste "
                    "trede"),
    "c.level_below": ("{total:pct.{places}} < {next_norm:pct.{places}} ({next:level})",
                      "{total:pct.{places}} < {next_norm:pct.{places}} ({next:level})"),
    "c.level_not_eligible": ("not eligible (R-FTE-5)", "komt niet in aanmerking (R-FTE-5)"),
    "c.level_exact": ("decided on the exact, unrounded score", "beslist op de exacte, niet "
                      "afgeronde score"),
    "x.thirty": ("PSO 30+", "PSO 30+"),
    "c.tp_share_fte": (
        "30+ target group: {group:fte} / {workforce:fte} fte = {share:pct} {op} {min:pct.n} "
        "required",
        "30+-doelgroep: {group:fte} / {workforce:fte} fte = {share:pct} {op} {min:pct.n} "
        "vereist"),
    "c.tp_share_headcount": (
        "30+ target group: {group:count} / {workforce:count|person|persons} = {share:pct} "
        "{op} {min:pct.n} required",
        "30+-doelgroep: {group:count} / {workforce:count|persoon|personen} = {share:pct} "
        "{op} {min:pct.n} vereist"),
    "c.tp_regular": ("on a regular contract: {share:pct} {op} {min:pct.n} required",
                     "met regulier dienstverband: {share:pct} {op} {min:pct.n} vereist"),
    "c.tp_level": ("Trede 3 reached: {reached:bool}", "Trede 3 behaald: {reached:bool}"),
    "x.awarded": ("awarded", "behaald"),
    "x.not_awarded": ("not awarded", "niet behaald"),
    "x.banen": ("Banenafspraak jobs ({hours:num} hours a week)",
                "Banen banenafspraak ({hours:num} uur per week)"),
    "c.banen": ("{count:count|person|persons} in the doelgroepregister; a job = hours per "
                "week / {hours:num} x days in the peiljaar / days of the peiljaar",
                "{count:count|persoon|personen} in het doelgroepregister; een baan = uren per "
                "week / {hours:num} x dagen in het peiljaar / dagen van het peiljaar"),
    "x.gaps": ("Gaps to higher levels", "Afstand tot hogere treden"),
    "x.levels": ("{count:count|level|levels}", "{count:count|trede|treden}"),
    "x.no_gaps": ("the highest level is reached", "de hoogste trede is bereikt"),
    "x.gap_to": ("to {level:level}", "naar {level:level}"),
    "x.reachable": ("reachable", "haalbaar"),
    "x.not_reachable": ("not reachable", "niet haalbaar"),
    "x.gap_filled": ("filling existing posts: extra weighted target fte",
                     "bestaande formatie invullen: extra gewogen fte doelgroep"),
    "x.gap_hired": ("new hires: extra weighted target fte (company size {size} afterwards)",
                    "nieuwe medewerkers: extra gewogen fte doelgroep (daarna bedrijfsgrootte "
                    "{size})"),
    "x.gap_hired_plain": ("new hires: extra weighted target fte",
                          "nieuwe medewerkers: extra gewogen fte doelgroep"),
    "x.gap_indirect": ("purchasing alone: extra indirect fte",
                       "alleen via inkoop: extra indirecte fte"),
    "x.gap_amount": ("purchasing alone: extra purchases at {supplier}",
                     "alleen via inkoop: extra inkoop bij {supplier}"),
    "x.gap_exceeds": ("more than this supplier's turnover: several suppliers are needed",
                      "meer dan de omzet van deze leverancier: er zijn meer leveranciers nodig"),
    "x.way_not_reachable": ("not reachable this way", "niet haalbaar via deze route"),
    "x.fee": ("Annual PSO contribution", "Jaarbijdrage PSO"),
    "x.no_fee": ("no fee scale is known for this date", "voor deze datum is geen staffel bekend"),
    "x.qualitative": ("Certifiable level (qualitative criteria)",
                      "Certificeerbaar niveau (kwalitatieve criteria)"),
    "x.qual_missing": ("{person}: not shown: {criteria:criterion}",
                       "{person}: niet aangetoond: {criteria:criterion}"),
    "x.appraisals": (
        "appraisal interviews documented in {share:pct} of the sampled files {op} {min:pct.n} "
        "required (R-QUAL-2)",
        "functionerings- en ontwikkelgesprekken vastgelegd in {share:pct} van de "
        "gecontroleerde dossiers {op} {min:pct.n} vereist (R-QUAL-2)"),
    "x.aspirant_granted": ("the plan of action supports Aspirant status until {until:date} "
                           "(R-LVL-6)",
                           "het plan van aanpak geeft recht op de Aspirant-status tot en met "
                           "{until:date} (R-LVL-6)"),
    "x.aspirant_missing": ("the plan of action does not support Aspirant status: not "
                           "{missing:aspirant} (R-LVL-6)",
                           "het plan van aanpak geeft geen recht op de Aspirant-status: niet "
                           "{missing:aspirant} (R-LVL-6)"),
    "x.not_evaluated": ("not evaluated", "niet beoordeeld"),
    "x.no_evidence": ("no evidence recorded", "geen bewijs vastgelegd"),
    "x.cited": ("{rule} {name}: {value} ({status}, applies from {start:date}; {cites}: "
                "{source}, {quality:quality})",
                "{rule} {name}: {value} ({status}, geldt vanaf {start:date}; {cites}: {source}, "
                "{quality:quality})"),
    "x.cited_plain": ("{rule} {name} ({status}, applies from {start:date}; {cites}: {source}, "
                      "{quality:quality})",
                      "{rule} {name} ({status}, geldt vanaf {start:date}; {cites}: {source}, "
                      "{quality:quality})"),
    # a published value comes from its source; a decision or an unpublished
    # value only rests on it
    "x.cites_source": ("source", "bron"),
    "x.cites_basis": ("based on", "gebaseerd op"),
    "x.fee_row": ("from {fte:num} fte: {fee:eur}", "vanaf {fte:num} fte: {fee:eur}"),
    "x.norm_rows_published": ("{count:count|published row|published rows}",
                              "{count:count|gepubliceerde rij|gepubliceerde rijen}"),
    "x.norm_rows_user": ("{count:count|row of your own|rows of your own}",
                         "{count:count|eigen rij|eigen rijen}"),
    # what a cited rule value is (``param.`` by parameter name, ``cited.`` by
    # the kind of value of a target group or contract type)
    "param.fulltime_hours_default": ("full-time week (hours)", "voltijdweek (uren)"),
    "param.person_fte_cap": ("most fte of one person at any time",
                             "maximaal fte van één persoon op elk moment"),
    "param.min_total_fte": ("least total fte of an applicant", "minimaal totaal fte van een "
                            "aanvrager"),
    "param.max_indirect_share": ("largest indirect part of the total",
                                 "maximaal indirect deel van het totaal"),
    "param.levels_available": ("levels", "treden"),
    "param.thirty_plus_min_share": ("least 30+ share", "minimaal 30+-aandeel"),
    "param.thirty_plus_excluded_groups": ("not in the 30+ target group",
                                          "niet in de 30+-doelgroep"),
    "param.thirty_plus_flex_counts": ("flex workers count for 30+",
                                      "flexwerkers tellen mee voor 30+"),
    "param.thirty_plus_flex_min_months": ("flex workers: least months before the peildatum",
                                          "flexwerkers: minimaal maanden vóór de peildatum"),
    "param.thirty_plus_flex_min_hours": ("flex workers: least hours per week",
                                         "flexwerkers: minimaal uren per week"),
    "param.thirty_plus_regular_floor": ("part of the 30% on a regular contract",
                                        "deel van de 30% met regulier dienstverband"),
    "param.thirty_plus_payroll_contracts": ("contracts on the payroll (30+)",
                                            "contractsoorten in loondienst (30+)"),
    "param.thirty_plus_flex_contracts": ("flex contracts (30+)", "flexibele contractsoorten "
                                         "(30+)"),
    "param.aspirant_validity_years": ("Aspirant status valid (years)",
                                      "geldigheid Aspirant-status (jaren)"),
    "param.aspirant_extensions": ("Aspirant extensions", "verlengingen Aspirant-status"),
    "param.certificate_validity_years": ("certificate valid (years)",
                                         "geldigheid certificaat (jaren)"),
    "param.appraisal_min_share": ("least share of files with appraisal interviews",
                                  "minimaal aandeel dossiers met functioneringsgesprekken"),
    "param.banenafspraak_job_hours": ("hours a week of one banenafspraak job",
                                      "uren per week van één baan (banenafspraak)"),
    "param.banenafspraak_groups": ("banenafspraak groups", "groepen banenafspraak"),
    "param.banenafspraak_groups_when_registered": (
        "banenafspraak groups that count only when registered",
        "groepen banenafspraak die alleen geregistreerd meetellen"),
    "param.fee_scale": ("fee scale", "staffel jaarbijdrage"),
    "param.fee_on_band_bound": ("fee of a total on a band bound",
                                "jaarbijdrage bij een totaal op een bandgrens"),
    "param.fee_voucher_cedris": ("Cedris voucher discount", "korting Cedris-voucher"),
    "param.sw_organisation_method": ("method for an SW-organisation",
                                     "methode voor een SW-bedrijf"),
    "param.thirty_plus_total_contracts": ("contracts of the personnel the 30+ share is of",
                                          "contractsoorten van het personeel voor het "
                                          "30+-aandeel"),
    "band.higher_band": ("the higher band", "de hogere band"),
    "band.lower_band": ("the lower band", "de lagere band"),
    "method.general": ("the general method", "de algemene methode"),
    "denominator.payroll": ("personnel on the payroll", "personeel in loondienst"),
    "denominator.all_staff": ("all staff", "alle medewerkers"),
    "param.norms": ("norm table (rows)", "normtabel (rijen)"),
    "param.available": ("a target group under this edition", "doelgroep onder deze editie"),
    "param.weight": ("weight", "weging"),
    "param.disabled_in_service_from": ("people disabled while in service count",
                                       "in dienst arbeidsongeschikt geworden telt mee"),
    "param.norms.basistrede": ("Basistrede norms", "normen Basistrede"),
    "cited.weight": ("weight of {subject}", "weging {subject}"),
    "cited.window_years": ("counting window of {subject} (years)", "telperiode {subject} "
                           "(jaren)"),
    "cited.eligibility_months": ("{subject}: least months of benefit before inflow",
                                 "{subject}: minimaal maanden uitkering vóór instroom"),
    "cited.eligibility_years": ("{subject}: most years between losing the status and inflow",
                                "{subject}: maximaal jaren tussen verlies van de status en "
                                "instroom"),
    "cited.available_from": ("{subject} is a target group", "{subject} is doelgroep"),
    "cited.available": ("{subject} is a target group", "{subject} is doelgroep"),
    "cited.disabled_in_service_from": ("{subject}: disabled while in service counts",
                                       "{subject}: arbeidsongeschikt geworden in dienst telt "
                                       "mee"),
    "cited.excluded_from_total": ("{subject}: left out of total fte",
                                  "{subject}: telt niet mee in het totaal fte"),
    "cited.value": ("value", "waarde"),
    # the reports (``l.``)
    "l.title": ("PSO assessment: {name}", "PSO-beoordeling: {name}"),
    "l.level": ("Computed level", "Berekend niveau"),
    "l.certifiable": ("Certifiable level", "Certificeerbaar niveau"),
    "l.not_evaluated": ("not evaluated (no evidence recorded)",
                        "niet beoordeeld (geen bewijs vastgelegd)"),
    "l.application": ("Application", "Aanvraag"),
    "l.eligible": ("Eligible (at least {minimum:num} fte)",
                   "Komt in aanmerking (minimaal {minimum:num} fte)"),
    "l.edition": ("Edition of the PSO-Handleiding", "Editie PSO-Handleiding"),
    "l.application_date": ("Application date", "Aanvraagdatum"),
    "l.peiljaar": ("Peiljaar (reference year)", "Peiljaar"),
    "l.input": ("Input", "Invoer"),
    "l.input_value": ("{persons:count|person|persons}, {rows:count|employment row|employment "
                      "rows}, {purchases:count|purchase|purchases}",
                      "{persons:count|persoon|personen}, {rows:count|dienstverband|"
                      "dienstverbanden}, {purchases:count|inkoop|inkopen}"),
    "l.scores": ("Social contribution", "Sociale bijdrage"),
    "l.total_fte": ("Total fte", "Totaal fte"),
    "l.weighted_target_fte": ("Weighted target-group fte", "Gewogen fte doelgroep"),
    "l.direct_pct": ("Direct contribution", "Directe bijdrage"),
    "l.indirect_fte": ("Indirect fte (purchases)", "Indirecte fte (inkoop)"),
    "l.indirect_pct": ("Indirect contribution", "Indirecte bijdrage"),
    "l.indirect_counted_pct": ("Indirect contribution counted (at most {share:pct.n} of "
                               "the total)",
                               "Indirecte bijdrage die telt (maximaal {share:pct.n} van het "
                               "totaal)"),
    "l.total_pct": ("Total score", "Totale sociale bijdrage"),
    "l.norms": ("Norms", "Normen"),
    "l.size": ("Company size (fte)", "Bedrijfsgrootte (fte)"),
    "l.norm_source": ("Norm row used", "Gebruikte normrij"),
    "l.norm_row": ("{row} ({source:source})", "{row} ({source:source})"),
    "l.norm_value": ("{norm:pct} ({mark})", "{norm:pct} ({mark})"),
    "l.reached": ("reached", "behaald"),
    "l.not_reached": ("not reached", "niet behaald"),
    "l.unknown": ("unknown (not published)", "onbekend (niet gepubliceerd)"),
    "l.gaps": ("Gaps to higher levels", "Afstand tot hogere treden"),
    "l.gap_title": ("To {level:level}", "Naar {level:level}"),
    "l.gap_filled": ("Extra weighted target fte (filling existing posts)",
                     "Extra gewogen fte doelgroep (bestaande formatie)"),
    "l.gap_hired": ("Extra weighted target fte (new hires)",
                    "Extra gewogen fte doelgroep (nieuwe medewerkers)"),
    "l.gap_size": ("Company size after hiring", "Bedrijfsgrootte daarna"),
    "l.gap_indirect": ("Extra indirect fte (purchasing only)",
                       "Extra indirecte fte (alleen inkoop)"),
    "l.gap_amount": ("Extra purchases at {supplier}", "Extra inkoop bij {supplier}"),
    "l.not_reachable": ("not reachable this way", "niet haalbaar via deze route"),
    "l.top": ("The highest level is reached.", "Het hoogste niveau is bereikt."),
    "l.thirty_plus": ("PSO 30+", "PSO 30+"),
    "l.tp_share": ("Share of the 30+ target group ({basis:basis})",
                   "Aandeel 30+-doelgroep ({basis:basis})"),
    "l.tp_regular": ("Share on a regular contract", "Aandeel met regulier dienstverband"),
    "l.tp_value": ("{share:pct} (at least {min:pct.n})", "{share:pct} (minimaal {min:pct.n})"),
    "l.tp_awarded": ("PSO 30+ awarded", "PSO 30+ behaald"),
    "l.tp_only_trede3": ("no (only at Trede 3)", "nee (alleen bij Trede 3)"),
    "l.banenafspraak": ("Banenafspraak (jobs of {hours:num} hours)",
                        "Banenafspraak (banen van {hours:num} uur)"),
    "l.fee": ("Annual PSO contribution", "Jaarbijdrage PSO"),
    "l.side_figures": ("Banenafspraak and annual fee", "Banenafspraak en jaarbijdrage"),
    "l.qualitative": ("Qualitative criteria", "Kwalitatieve criteria"),
    "l.missing": ("Evidence missing: {person}", "Bewijs ontbreekt: {person}"),
    "l.appraisals": ("Files with appraisal interviews", "Dossiers met functioneringsgesprekken"),
    "l.aspirant": ("Aspirant status (plan of action)", "Aspirant-status (plan van aanpak)"),
    "l.aspirant_granted": ("supported, until {until:date}", "ja, tot en met {until:date}"),
    "l.aspirant_missing": ("not supported: not {missing:aspirant}",
                           "nee: niet {missing:aspirant}"),
    "l.warnings": ("Assumptions and warnings", "Aannames en waarschuwingen"),
    "l.no_warnings": ("None.", "Geen."),
    "l.explanation": ("Explanation, step by step", "Toelichting per stap"),
    "l.item": ("Item", "Gegeven"),
    "l.value": ("Value", "Waarde"),
    "l.rounding": (
        "Figures are rounded (fte to 4 decimals, percentages and euros to 2); every decision "
        "is taken on the exact values (--exact shows them).",
        "Getallen zijn afgerond (fte op 4 decimalen, percentages en euro's op 2); elke "
        "beslissing is genomen op de exacte waarden (--exact toont ze)."),
    "l.exact_note": ("Figures are exact; a fraction that does not end is shown with 28 "
                     "significant digits beside it.",
                     "Getallen zijn exact; bij een breuk die niet eindigt staan 28 "
                     "significante cijfers erbij."),
    "l.disclaimer": ("Computed with psoladder; does not replace the audit by a certification "
                     "body.",
                     "Berekend met psoladder; vervangt de audit door een certificerende "
                     "instelling niet."),
    # the verdict (``v.``): the quantitative level, the certifiable level and
    # what separates them, in one sentence
    "v.certifiable": ("{level:level} computed and certifiable: the recorded evidence meets "
                      "the qualitative criteria.{aspirant}",
                      "{level:level} berekend en certificeerbaar: het vastgelegde bewijs "
                      "voldoet aan de kwalitatieve criteria.{aspirant}"),
    "v.blocked": ("{level:level} computed; certifiable once {conditions}.{aspirant}",
                  "{level:level} berekend; certificeerbaar zodra {conditions}.{aspirant}"),
    "v.c_missing": ("evidence for {people} is supplied", "bewijs voor {people} is aangeleverd"),
    "v.c_person": ("{person} ({criteria:criterion})", "{person} ({criteria:criterion})"),
    "v.c_more": ("{count:count|other person|other persons}",
                 "{count:count|andere persoon|andere personen}"),
    "v.c_no_evidence": (
        "the qualitative criteria are recorded for the {count:count|target-group employee|"
        "target-group employees} ([[evidence]] in the organisation file)",
        "de kwalitatieve criteria zijn vastgelegd voor de {count:count|medewerker|medewerkers}"
        " uit de doelgroep ([[evidence]] in het organisatiebestand)"),
    "v.c_appraisals": (
        "appraisal interviews are documented in at least {min:pct.n} of the sampled files (now "
        "{share:pct})",
        "functionerings- en ontwikkelgesprekken in minimaal {min:pct.n} van de gecontroleerde "
        "dossiers zijn vastgelegd (nu {share:pct})"),
    "v.not_eligible": ("No level: total fte {total:fte} is below the minimum of {minimum:num} "
                       "fte.{aspirant}",
                       "Geen trede: totaal fte {total:fte} is minder dan het minimum van "
                       "{minimum:num} fte.{aspirant}"),
    "v.below": ("No level computed: the total score {total:pct} is below the norm for "
                "{level:level} ({norm:pct}).{aspirant}",
                "Geen trede berekend: de totale sociale bijdrage {total:pct} haalt de norm "
                "voor {level:level} ({norm:pct}) niet.{aspirant}"),
    "v.aspirant": (" The plan of action supports Aspirant status until {until:date}.",
                   " Het plan van aanpak geeft recht op de Aspirant-status tot en met "
                   "{until:date}."),
    # the command line (``cli.``) and the ladder plot (``plot.``)
    "cli.read": ("{file}: {rows:count|employment row|employment rows} of "
                 "{persons:count|person|persons}, {purchases:count|purchase|purchases} read",
                 "{file}: {rows:count|dienstverband|dienstverbanden} van "
                 "{persons:count|persoon|personen} en {purchases:count|inkoop|inkopen} gelezen"),
    "cli.progress": ("{rows:count} payroll rows read", "{rows:count} regels gelezen"),
    "plot.size": ("company size (fte)", "bedrijfsgrootte (fte)"),
    "plot.score_axis": ("total score (%)", "totale sociale bijdrage (%)"),
    "plot.score": ("your score", "uw score"),
    "plot.gap": ("{level:level}: +{fte:fte} weighted target fte",
                 "{level:level}: +{fte:fte} gewogen fte doelgroep"),
    "plot.title": ("{name}: {level:level} (PSO edition {edition})",
                   "{name}: {level:level} (PSO-editie {edition})"),
    # issue 14: the rule data for people (psoladder rules, norms, rules --diff):
    # statuses (``status.``), source qualities (``quality.``), the listing
    # (``rl.``), the norms of a size (``rn.``) and the edition diff (``rd.``)
    "quality.primary": ("primary source", "primaire bron"),
    "quality.secondary": ("secondary source only", "alleen secundaire bron"),
    "quality.psoladder": ("psoladder's decisions page", "pagina met de keuzes van psoladder"),
    "quality.user": ("user's source", "bron van de gebruiker"),
    "rl.head": (
        "PSO rules in force on {on}: edition {edition} (from {start}); rule data last "
        "verified {verified}",
        "PSO-regels die gelden op {on}: editie {edition} (vanaf {start}); regeldata laatst "
        "gecontroleerd op {verified}"),
    "rl.note": ("note", "let op"),
    "rl.values": ("Rule values", "Regelwaarden"),
    "rl.rule": ("rule", "regel"),
    "rl.name": ("value of", "waarde van"),
    "rl.value": ("value", "waarde"),
    "rl.status": ("status", "status"),
    "rl.from": ("from", "vanaf"),
    "rl.source": ("source", "bron"),
    "rl.remark": ("remark", "toelichting"),
    "rl.value_used": ("not published; psoladder uses this value",
                      "niet gepubliceerd; psoladder rekent met deze waarde"),
    "rl.norms": ("Norm table (percent)", "Normtabel (procent)"),
    "rl.size": ("size", "grootte"),
    "rl.published_rows": ("published rows", "gepubliceerde rijen"),
    "rl.user_row": ("rules override", "override-bestand"),
    "rn.head": ("Norms for company size {size} (edition {edition}, application date {on})",
                "Normen voor bedrijfsgrootte {size} (editie {edition}, aanvraagdatum {on})"),
    "rn.row": ("row used: {row}, {how}", "gebruikte rij: {row}, {how}"),
    "rn.rows": ("rows used: {low} and {high}, {how}", "gebruikte rijen: {low} en {high}, {how}"),
    "rn.open_ended": ("the row of {row} fte serves {row} fte or more (R-SIZE-2)",
                      "de rij van {row} fte geldt voor {row} fte of meer (R-SIZE-2)"),
    "rn.not_eligible": (
        "below {minimum} fte an organisation is not eligible (R-FTE-5); the row of size "
        "{row} is shown (R-SIZE-2)",
        "onder {minimum} fte komt een organisatie niet in aanmerking (R-FTE-5); de rij van "
        "grootte {row} wordt getoond (R-SIZE-2)"),
    "rn.level": ("Level", "Niveau"),
    "rn.unknown": ("unknown (not published, R-LVL-5)", "onbekend (niet gepubliceerd, R-LVL-5)"),
    "rd.head": ("Changes in the PSO rule data from {old} to {new}",
                "Wijzigingen in de PSO-regeldata van {old} naar {new}"),
    "rd.point": ("{on} (edition {edition})", "{on} (editie {edition})"),
    "rd.count": ("{count:count|value changed|values changed}",
                 "{count:count|waarde gewijzigd|waarden gewijzigd}"),
    "rd.none": ("no rule value changed", "geen regelwaarde gewijzigd"),
    "rd.editions": ("Editions that took effect in between", "Edities die daartussen ingingen"),
    "rd.edition": ("edition {edition} from {on}", "editie {edition} vanaf {on}"),
    "rd.was": ("was", "was"),
    "rd.now": ("now", "nu"),
    "rd.absent": ("not in force", "geldt niet"),
    "rd.kind.added": ("added", "toegevoegd"),
    "rd.kind.removed": ("removed", "vervallen"),
    "rd.kind.changed": ("changed", "gewijzigd"),
    # ------------------------------------------------------------------
    # issue #17: the level that is certain and the level that is possible
    # where unpublished rule values decide it (``lb.``), its explanation
    # step and calculations (``x.lb_``, ``c.lb_``) and its gap lines
    # ------------------------------------------------------------------
    "param.norms.between_rows": ("norms of sizes between the published rows",
                                 "normen van groottes tussen de gepubliceerde rijen"),
    "lb.possible": (
        "{certain:level} for certain; {possible:level} possible — depends on {unknowns}; "
        "{advice}.",
        "{certain:level} zeker; {possible:level} mogelijk — hangt af van {unknowns}; "
        "{advice}."),
    "lb.possible_none": (
        "No level is certain; {possible:level} possible — depends on {unknowns}; {advice}.",
        "Geen trede zeker; {possible:level} mogelijk — hangt af van {unknowns}; {advice}."),
    "lb.certain": (
        "{certain:level} for certain: the level does not depend on {unknowns}.",
        "{certain:level} zeker: het niveau hangt niet af van {unknowns}."),
    "lb.certain_none": (
        "No level, for certain: the level does not depend on {unknowns}.",
        "Zeker geen trede: het niveau hangt niet af van {unknowns}."),
    "lb.u_norms": ("the unpublished norm for {size} fte ({rule})",
                   "de niet-gepubliceerde norm voor {size} fte ({rule})"),
    "lb.u_basistrede": ("the unpublished Basistrede norm ({rule})",
                        "de niet-gepubliceerde norm van de Basistrede ({rule})"),
    "lb.u_weight": ("the unpublished weight of {subject} ({rule})",
                    "de niet-gepubliceerde weging van {subject} ({rule})"),
    "lb.a_norms": ("supply the official norm table to decide it",
                   "geef de officiële normtabel op om dit te beslissen"),
    "lb.a_basistrede": ("supply the official Basistrede norms to decide it",
                        "geef de officiële normen van de Basistrede op om dit te beslissen"),
    "lb.a_weight": ("supply the official weight in a rules override to decide it",
                    "geef de officiële weging op in een override-bestand om dit te beslissen"),
    "lb.a_values": ("supply the official values in a rules override to decide it",
                    "geef de officiële waarden op in een override-bestand om dit te beslissen"),
    "lb.shown": ("{certain:level} certain, {possible:level} possible",
                 "{certain:level} zeker, {possible:level} mogelijk"),
    "lb.gap_may": ("{level:level} may already be reached: that depends on {unknowns}.",
                   "{level:level} is misschien al gehaald: dat hangt af van {unknowns}."),
    "l.gap_title_certain": ("To be certain of {level:level}", "Om zeker {level:level} te halen"),
    "x.gap_to_certain": ("to be certain of {level:level}", "om zeker {level:level} te halen"),
    "x.level_bounds": ("Certain and possible level", "Zeker en mogelijk niveau"),
    "x.level_certain": ("Certain level (unpublished values at their strictest)",
                        "Zeker niveau (niet-gepubliceerde waarden op hun strengst)"),
    "x.level_possible": ("Possible level (unpublished values at their most favourable)",
                         "Mogelijk niveau (niet-gepubliceerde waarden op hun gunstigst)"),
    "x.lb_none": ("no unpublished rule value bears on the level",
                  "geen niet-gepubliceerde regelwaarde speelt mee voor het niveau"),
    "x.lb_monotone": (
        "the score rises with every weight and a higher norm can only lower the level, so "
        "the extremes lie at the ends of the ranges (no sampling)",
        "de score stijgt met elke weging en een hogere norm kan het niveau alleen verlagen, "
        "dus de uitersten liggen op de grenzen van de bereiken (zonder steekproef)"),
    "x.lb_interpolated": (
        "the level found by interpolation ({level:level}) is one admissible value, between "
        "the certain and the possible level",
        "het niveau door interpolatie ({level:level}) is één toegestane waarde, tussen het "
        "zekere en het mogelijke niveau"),
    "x.lb_norm": ("norm for {size} fte, {level:level}", "norm voor {size} fte, {level:level}"),
    "x.lb_weight": ("weight of {subject}", "weging van {subject}"),
    "lb.range": ("{low}, {high}", "{low}, {high}"),
    "lb.e_row": ("{word} {value:pct} (row {row})", "{word} {value:pct} (rij {row})"),
    "lb.e_level": ("{word} {value:pct} ({level:level})", "{word} {value:pct} ({level:level})"),
    "lb.e_pct": ("{word} {value:pct}", "{word} {value:pct}"),
    "lb.e_num": ("{word} {value:num}", "{word} {value:num}"),
    "lb.w_at_least": ("at least", "minimaal"),
    "lb.w_above": ("above", "boven"),
    "lb.w_at_most": ("at most", "maximaal"),
    "lb.w_below": ("below", "onder"),
    "lb.level_norm": ("{level:level} {norm:pct}", "{level:level} {norm:pct}"),
    "lb.weight_at": ("{subject} = {weight:num}", "{subject} = {weight:num}"),
    "norm_row.row_below": ("the row below, the stricter norm",
                           "de rij eronder, de strengere norm"),
    "c.lb_norms_strict": ("norms at their strictest, row {row}: {norms}",
                          "normen op hun strengst, rij {row}: {norms}"),
    "c.lb_norms_lowest": ("norms at their lowest, row {row}: {norms}",
                          "normen op hun laagst, rij {row}: {norms}"),
    "c.lb_basistrede_strict": (
        "Basistrede: its norm can lie just below the Trede 1 norm, so it is certain only "
        "with Trede 1",
        "Basistrede: de norm kan net onder die van Trede 1 liggen, dus zeker alleen samen met "
        "Trede 1"),
    "c.lb_basistrede_lowest": (
        "Basistrede: its norm lies above {low:pct}, so any score above that can reach it",
        "Basistrede: de norm ligt boven {low:pct}, dus elke score daarboven kan hem halen"),
    "c.lb_basistrede_row": ("Basistrede: its norm at its lowest is {low:pct} (row {row})",
                            "Basistrede: de norm is op zijn laagst {low:pct} (rij {row})"),
    "c.lb_weights_lowest": (
        "weights at their lowest ({weights}): weighted target fte {weighted:fte} fte, total "
        "score {total:pct}",
        "wegingen op hun laagst ({weights}): gewogen fte doelgroep {weighted:fte} fte, totale "
        "sociale bijdrage {total:pct}"),
    "c.lb_weights_highest": (
        "weights at their highest ({weights}): weighted target fte {weighted:fte} fte, total "
        "score {total:pct}",
        "wegingen op hun hoogst ({weights}): gewogen fte doelgroep {weighted:fte} fte, totale "
        "sociale bijdrage {total:pct}"),
    # ------------------------------------------------------------------
    # issue 15: planning ahead: scenarios (``sc.``), the applicant's group
    # (``ent.``), comparisons (``cmp.``), forecasts (``fc.``) and the names of
    # the figures they show (``fig.``)
    # ------------------------------------------------------------------
    # the applicant's group (R-ORG-1): why a purchase does not count, the rule
    # value behind it, the report's table and the explanation's step
    "p.in_group": (
        "{supplier} is part of the applicant's group (KvK {kvk}): its staff count in the "
        "direct contribution already (R-ORG-1)",
        "{supplier} hoort bij de groep van de aanvrager (KvK {kvk}): de medewerkers ervan "
        "tellen al mee in de directe bijdrage (R-ORG-1)"),
    "l.entities": ("Entities of the applicant", "Entiteiten van de aanvrager"),
    "l.ent_note": (
        "Every figure is taken over the whole group (R-ORG-1); this table shows where each "
        "part comes from.",
        "Alle cijfers gelden voor de hele groep (R-ORG-1); deze tabel toont waar elk deel "
        "vandaan komt."),
    "l.ent_name": ("Entity", "Entiteit"),
    "l.ent_main": ("{name} (main organisation)", "{name} (hoofdorganisatie)"),
    "l.ent_kvk": ("KvK number", "KvK-nummer"),
    "l.ent_persons": ("Persons", "Personen"),
    "x.entities": ("Entities of the applicant", "Entiteiten van de aanvrager"),
    "x.entities_note": (
        "every figure is taken over the whole group; a row or purchase without an entity "
        "belongs to the main organisation (R-ORG-1)",
        "alle cijfers gelden voor de hele groep; een regel of inkoop zonder entiteit hoort "
        "bij de hoofdorganisatie (R-ORG-1)"),
    "x.entity": ("{name} (KvK {kvk}): total fte", "{name} (KvK {kvk}): totaal fte"),
    "x.entity_main": ("{name} (KvK {kvk}, main organisation): total fte",
                      "{name} (KvK {kvk}, hoofdorganisatie): totaal fte"),
    "x.entity_persons": ("persons", "personen"),
    "x.entity_purchases": ("purchases", "inkopen"),
    "x.row_entity": ("entity", "entiteit"),
    "param.group_purchases_count": ("purchases from the applicant's own group count",
                                    "inkoop bij de eigen groep van de aanvrager telt mee"),
    "sc.hire": ("hire {person} from {start:date}{until}: {hours:num} hours a week, "
                "{contract:contract}, {group}",
                "{person} in dienst vanaf {start:date}{until}: {hours:num} uur per week, "
                "{contract:contract}, {group}"),
    "sc.until": (" to {end:date}", " t/m {end:date}"),
    "sc.group": ("{group:group}", "{group:group}"),
    "sc.no_group": ("outside the target groups", "buiten de doelgroep"),
    "sc.leave": ("{person} leaves; last working day {last:date}",
                 "{person} gaat uit dienst; laatste werkdag {last:date}"),
    "sc.hours": ("{person} works {hours:num} hours a week from {on:date}",
                 "{person} werkt {hours:num} uur per week vanaf {on:date}"),
    "sc.buy": ("buy for {amount:eur} at {supplier} ({kind:kind})",
               "inkoop van {amount:eur} bij {supplier} ({kind:kind})"),
    "sc.drop_supplier": ("no more purchases at {supplier}", "geen inkoop meer bij {supplier}"),
    "sc.drop_index": ("drop purchase {index}", "inkoop {index} vervalt"),
    # what a forecast assumes (``fa.``)
    "fa.workforce": (
        "the workforce continues as entered: rows without an end date stay open, rows with "
        "one end then, and nobody else joins or leaves",
        "het personeel blijft zoals ingevoerd: dienstverbanden zonder einddatum lopen door, "
        "die met een einddatum stoppen dan, en er komt niemand bij of gaat niemand weg"),
    "fa.statuses": (
        "indications and wage-cost subsidies end on the dates entered and counting windows "
        "as the rules say; suppliers' certificates are not assumed to be renewed",
        "indicaties en loonkostensubsidies eindigen op de ingevoerde data en telperiodes "
        "zoals de regels zeggen; certificaten van leveranciers worden niet verlengd "
        "verondersteld"),
    "fa.peiljaar_default": (
        "each application date measures the calendar year before it (R-FTE-4)",
        "elke aanvraagdatum meet het kalenderjaar ervoor (R-FTE-4)"),
    "fa.peiljaar_moves": (
        "the peiljaar {peiljaar:period} moves along by whole years: each application date "
        "measures the latest such twelve months that end before it",
        "het peiljaar {peiljaar:period} schuift per heel jaar mee: elke aanvraagdatum meet "
        "de laatste zulke twaalf maanden die ervoor eindigen"),
    "fa.peiljaar_lag": (
        "as in the input, the peiljaar lies {years:count|more year|more years} before the "
        "application date",
        "zoals in de invoer ligt het peiljaar {years:count|jaar|jaar} extra vóór de "
        "aanvraagdatum"),
    "fa.repeat": (
        "the purchases of the peiljaar {peiljaar:period} recur every year, their invoice dates "
        "moved by whole years; other purchases count as entered",
        "de inkopen van het peiljaar {peiljaar:period} keren elk jaar terug, met de "
        "factuurdatum per heel jaar verschoven; andere inkopen tellen zoals ingevoerd"),
    "fa.as_entered": (
        "purchases count with their invoice dates as entered; one without a date counts in "
        "every peiljaar",
        "inkopen tellen met de ingevoerde factuurdatum; een inkoop zonder datum telt in elk "
        "peiljaar"),
    "fa.none": ("purchases are left out: the forecast shows the direct contribution alone",
                "inkopen zijn weggelaten: de prognose toont alleen de directe bijdrage"),
    "fa.evidence": ("the qualitative evidence and any plan of action stay as recorded",
                    "het kwalitatieve bewijs en een plan van aanpak blijven zoals vastgelegd"),
    # the names of the figures of forecasts, comparisons and scenarios (``fig.``)
    "fig.application_date": ("Application date", "Aanvraagdatum"),
    "fig.peiljaar": ("Peiljaar", "Peiljaar"),
    "fig.edition": ("Edition", "Editie"),
    "fig.level": ("Level", "Niveau"),
    "fig.level_certain": ("Level for certain", "Niveau zeker"),
    "fig.level_possible": ("Level possible", "Niveau mogelijk"),
    "fig.certifiable_level": ("Certifiable level", "Certificeerbaar niveau"),
    "fig.eligible": ("Eligible", "Komt in aanmerking"),
    "fig.total_fte": ("Total fte", "Totaal fte"),
    "fig.weighted_target_fte": ("Weighted target-group fte", "Gewogen fte doelgroep"),
    "fig.direct_pct": ("Direct contribution", "Directe bijdrage"),
    "fig.indirect_fte": ("Indirect fte (purchases)", "Indirecte fte (inkoop)"),
    "fig.indirect_pct": ("Indirect contribution", "Indirecte bijdrage"),
    "fig.indirect_counted_pct": ("Indirect contribution counted",
                                 "Indirecte bijdrage die telt"),
    "fig.total_pct": ("Total score", "Totale sociale bijdrage"),
    "fig.size": ("Company size (fte)", "Bedrijfsgrootte (fte)"),
    "fig.norms.basistrede": ("Norm for Basistrede", "Norm Basistrede"),
    "fig.norms.trede_1": ("Norm for Trede 1", "Norm Trede 1"),
    "fig.norms.trede_2": ("Norm for Trede 2", "Norm Trede 2"),
    "fig.norms.trede_3": ("Norm for Trede 3", "Norm Trede 3"),
    "fig.thirty_plus.share": ("Share of the 30+ target group", "Aandeel 30+-doelgroep"),
    "fig.thirty_plus.awarded": ("PSO 30+ awarded", "PSO 30+ behaald"),
    "fig.banenafspraak": ("Banenafspraak jobs", "Banen banenafspraak"),
    "fig.annual_fee": ("Annual PSO contribution", "Jaarbijdrage PSO"),
    "fig.persons": ("the staff", "het personeel"),
    "fig.purchases": ("the purchases", "de inkoop"),
    "fig.rules": ("the rule values", "de regelwaarden"),
    "fig.evidence": ("the qualitative evidence", "het kwalitatieve bewijs"),
    # the forecast (``fc.``)
    "fc.title": ("PSO forecast: {name}", "PSO-prognose: {name}"),
    "fc.level_on": ("Level on {on:date}", "Niveau op {on:date}"),
    "fc.range": ("Application dates", "Aanvraagdata"),
    "fc.range_value": ("{start:date} to {until:date}, {every}",
                       "{start:date} t/m {until:date}, {every}"),
    "fc.every.month": ("every month", "elke maand"),
    "fc.every.quarter": ("every quarter", "elk kwartaal"),
    "fc.every.half_year": ("every half year", "elk halfjaar"),
    "fc.every.year": ("every year", "elk jaar"),
    "fc.stays": ("The level stays {level:level} up to {until:date}.",
                 "Het niveau blijft {level:level} tot en met {until:date}."),
    "fc.change": ("From {on:date} the level is {new:level} instead of {old:level}{because}.",
                  "Vanaf {on:date} is het niveau {new:level} in plaats van {old:level}"
                  "{because}."),
    "fc.because_windows": (": the counting window of {people} ends",
                           ": de telperiode van {people} eindigt"),
    "fc.because_more": (": {people} count more", ": {people} tellen meer mee"),
    "fc.because_less": (": {people} count less", ": {people} tellen minder mee"),
    "fc.assumptions": ("Assumptions", "Aannames"),
    "fc.table": ("Level and score per application date", "Niveau en score per aanvraagdatum"),
    "fc.col_change": ("Change", "Wijziging"),
    "fc.changed": ("{old:level} → {new:level}", "{old:level} → {new:level}"),
    "fc.changes": ("When the level changes", "Wanneer het niveau verandert"),
    "fc.no_changes": ("The level does not change in this period.",
                      "Het niveau verandert niet in deze periode."),
    "fc.change_title": ("{on:date}: {old:level} → {new:level}",
                        "{on:date}: {old:level} → {new:level}"),
    "fc.window_end": (
        "{person} ({group:group}): the counting window ends on {ends:date} ({rule}); weighted "
        "fte {old:fte} → {new:fte}",
        "{person} ({group:group}): de telperiode eindigt op {ends:date} ({rule}); gewogen fte "
        "{old:fte} → {new:fte}"),
    "fc.from_date": ("from {on:date}: {text}", "vanaf {on:date}: {text}"),
    # the comparison (``cmp.``)
    "cmp.title": ("PSO comparison: {name}", "PSO-vergelijking: {name}"),
    "cmp.side_date": ("application date {on:date}", "aanvraagdatum {on:date}"),
    "cmp.first": ("first", "eerste"),
    "cmp.second": ("second", "tweede"),
    "cmp.level_total": ("{level:level}, total score {total:pct}",
                        "{level:level}, totale sociale bijdrage {total:pct}"),
    "cmp.no_change": ("No figure changed.", "Geen enkel cijfer is veranderd."),
    "cmp.arrow": ("{old} → {new}", "{old} → {new}"),
    "cmp.figures": ("Figures that changed", "Gewijzigde cijfers"),
    "cmp.col_figure": ("Figure", "Cijfer"),
    "cmp.col_change": ("Difference", "Verschil"),
    "cmp.col_because": ("Follows from", "Volgt uit"),
    "cmp.people": ("The staff behind the difference", "Het personeel achter het verschil"),
    "cmp.col_person": ("Person", "Persoon"),
    "cmp.col_status": ("Status", "Status"),
    "cmp.points": ("{delta:num.2} percentage points", "{delta:num.2} procentpunt"),
    "cmp.col_fte": ("fte", "fte"),
    "cmp.col_weighted": ("Weighted fte", "Gewogen fte"),
    "cmp.col_why": ("Why", "Waardoor"),
    "cmp.status.added": ("new", "nieuw"),
    "cmp.status.removed": ("gone", "vervallen"),
    "cmp.status.changed": ("changed", "gewijzigd"),
    "cmp.row_added": ("row added: from {start:date}{until}, {hours:num} hours a week",
                      "regel toegevoegd: vanaf {start:date}{until}, {hours:num} uur per week"),
    "cmp.row_removed": ("row gone: from {start:date}{until}, {hours:num} hours a week",
                        "regel vervallen: vanaf {start:date}{until}, {hours:num} uur per week"),
    "cmp.row_days": ("works {days:count|day|days} of the peiljaar (was {old:count})",
                     "werkt {days:count|dag|dagen} van het peiljaar (was {old:count})"),
    "cmp.row_window": (
        "counting window {window:period}: {counted:count|day counts|days count} (was {old:count})",
        "telperiode {window:period}: {counted:count|dag telt|dagen tellen} mee (was "
        "{old:count})"),
    "cmp.row_weight": ("weight {weight:num} (was {old:num})", "weging {weight:num} (was {old:num})"),
    "cmp.row_fte": ("fte {fte:fte} (was {old:fte})", "fte {fte:fte} (was {old:fte})"),
    "cmp.person_note": ("{person}: fte {fte}, weighted fte {weighted}: {why}",
                        "{person}: fte {fte}, gewogen fte {weighted}: {why}"),
    "cmp.purchases": ("Purchases that count otherwise", "Inkoop die anders meetelt"),
    "cmp.purchase_note": ("{supplier} ({status}): indirect fte {fte}{reason}",
                          "{supplier} ({status}): indirecte fte {fte}{reason}"),
    "cmp.reason": ("; does not count: {reason}", "; telt niet mee: {reason}"),
    "cmp.rules": ("Rule values that changed", "Gewijzigde regelwaarden"),
    # scenarios side by side (``sc.``)
    "sc.title": ("PSO scenarios: {name}", "PSO-scenario's: {name}"),
    "sc.baseline": ("Baseline", "Uitgangssituatie"),
    "sc.figures": ("Figures per scenario", "Cijfers per scenario"),
    "sc.none": ("The file holds no scenarios ([[scenario]]).",
                "Het bestand bevat geen scenario's ([[scenario]])."),
    "sc.applied": ("Scenario: {name}", "Scenario: {name}"),
    "sc.extends": ("starts from {name}", "gaat uit van {name}"),
    # the forecast plot
    "plot.forecast_title": ("{name}: forecast of the total score",
                            "{name}: prognose van de totale sociale bijdrage"),
    "plot.application_date": ("application date", "aanvraagdatum"),
    "plot.norm": ("norm {level:level}", "norm {level:level}"),
    "plot.change": ("{old:level} → {new:level}", "{old:level} → {new:level}"),
    "fa.after_last_edition": (
        "from {on:date} on, the rules of the last known edition are used (R-ED-3): {notice}",
        "vanaf {on:date} gelden de regels van de laatst bekende editie (R-ED-3): {notice}"),
    # ------------------------------------------------------------------
    # issue 12: payroll exports as Dutch payroll systems write them. Problems
    # of the readers (``e.`` their frame, ``in.`` messages, ``ih.`` hints,
    # ``po.`` the [payroll] table), the reading notices (``pr.``), names of
    # date formats (``datefmt.``) and
    # decimal marks (``mark.``), and the commands new, check and groups
    # (``new.``, ``chk.``, ``grp.``)
    # ------------------------------------------------------------------
    "e.head": ("{count:count|problem|problems} in the input:",
               "{count:count|probleem|problemen} in de invoer:"),
    "e.row": ("row {row}", "regel {row}"),
    "e.field": ("field {field}", "veld {field}"),
    "e.got": ("(got {value})", "(gelezen: {value})"),
    "e.more": ("... and {count:count|more problem|more problems} not listed",
               "... en nog {count:count|probleem|problemen} die niet zijn opgesomd"),
    "ih.more": ("fix the problems above first; they often share a cause",
               "los eerst de problemen hierboven op; ze hebben vaak één oorzaak"),
    "datefmt.iso": ("yyyy-mm-dd", "jjjj-mm-dd"),
    "datefmt.dmy-": ("dd-mm-yyyy", "dd-mm-jjjj"),
    "datefmt.dmy/": ("dd/mm/yyyy", "dd/mm/jjjj"),
    "datefmt.dmy.": ("dd.mm.yyyy", "dd.mm.jjjj"),
    "datefmt.mdy-": ("mm-dd-yyyy", "mm-dd-jjjj"),
    "datefmt.mdy/": ("mm/dd/yyyy", "mm/dd/jjjj"),
    "datefmt.mdy.": ("mm.dd.yyyy", "mm.dd.jjjj"),
    "mark.comma": ("comma", "komma"),
    "mark.point": ("point", "punt"),
    # a cell
    "in.cell_too_long": ("the cell is {length:count} characters long, more than psoladder reads "
                        "({most:count})",
                        "de cel is {length:count} tekens lang, meer dan psoladder leest "
                        "({most:count})"),
    # dates (issue 12 item 1)
    "in.not_a_date": ("not a date", "geen datum"),
    "ih.date_forms": ("write dates as dd-mm-yyyy (e.g. 31-01-2023) or yyyy-mm-dd (2023-01-31), "
                     "the same way in the whole column",
                     "schrijf datums als dd-mm-jjjj (bijv. 31-01-2023) of jjjj-mm-dd "
                     "(2023-01-31), in de hele kolom op dezelfde manier"),
    "ih.date_format_set": ("date_format in [payroll] says dates are written {format:datefmt}",
                          "date_format in [payroll] zegt dat datums als {format:datefmt} zijn "
                          "geschreven"),
    "in.date_time": ("a date with a time of day, not a date",
                    "een datum met een tijdstip, geen datum"),
    "ih.date_time": ("give the day only, e.g. 31-01-2023",
                    "geef alleen de dag, bijv. 31-01-2023"),
    "in.short_year": ("the year has two digits", "het jaar heeft twee cijfers"),
    "ih.short_year": ("write the year with four digits, e.g. 31-01-2023",
                     "schrijf het jaar met vier cijfers, bijv. 31-01-2023"),
    "in.date_other_format": (
        "written as {written:datefmt}, but {count:count} of the column's {total:count} dates "
        "as {format:datefmt}",
        "geschreven als {written:datefmt}, maar {count:count} van de {total:count} datums in "
        "de kolom als {format:datefmt}"),
    "in.date_format_set": ("written as {written:datefmt}, not as {format:datefmt} as date_format "
                          "in [payroll] says",
                          "geschreven als {written:datefmt}, niet als {format:datefmt} zoals "
                          "date_format in [payroll] zegt"),
    "ih.date_same": ("write every date of a column the same way",
                    "schrijf alle datums in een kolom op dezelfde manier"),
    "in.date_other_order": (
        "can only be read as {written:datefmt}, but the column is read as {format:datefmt}",
        "kan alleen als {written:datefmt} worden gelezen, maar de kolom wordt gelezen als "
        "{format:datefmt}"),
    "in.no_such_day": ("{day} {month:month} {year} does not exist",
                      "{day} {month:month} {year} bestaat niet"),
    "in.no_such_date": ("not a day of the calendar (read as {format:datefmt})",
                       "geen dag van de kalender (gelezen als {format:datefmt})"),
    "ih.no_such_day": ("check the day and the month", "controleer de dag en de maand"),
    "in.serial_time": ("an Excel date number with a time of day, not a date",
                      "een Excel-datumgetal met een tijdstip, geen datum"),
    "in.serial_range": ("a number that is no Excel date", "een getal dat geen Excel-datum is"),
    "ih.serial": ("format the column as dates in the spreadsheet, or write dd-mm-yyyy",
                 "maak van de kolom datums in het rekenblad, of schrijf dd-mm-jjjj"),
    # numbers (issue 12 item 2)
    "in.number_too_long": ("a number of {length:count} characters is longer than psoladder reads "
                          "({most})",
                          "een getal van {length:count} tekens is langer dan psoladder leest "
                          "({most})"),
    "in.not_a_number": ("not a number", "geen getal"),
    "ih.number": ("write a number such as 32, 32,5 or 1.234,5 (or 32.5 and 1,234.5)",
                 "schrijf een getal zoals 32, 32,5 of 1.234,5 (of 32.5 en 1,234.5)"),
    "in.number_symbol": ("{symbol} does not belong in this field", "{symbol} hoort niet in dit veld"),
    "in.number_ambiguous": (
        "the number can be read as {large:num} or as {small:num}, and no other value of its "
        "column shows which",
        "het getal kan als {large:num} of als {small:num} worden gelezen, en geen andere waarde in de "
        "kolom laat zien welke"),
    "ih.number_ambiguous": (
        "write it without a thousands separator, or set decimal_mark in [payroll]",
        "schrijf het zonder scheidingsteken voor duizendtallen, of zet decimal_mark in "
        "[payroll]"),
    "in.number_other_mark": (
        "written with a decimal {written:mark}, but {count:count} of the column's "
        "{total:count} numbers with a decimal {mark:mark}",
        "geschreven met een decimale {written:mark}, maar {count:count} van de "
        "{total:count} getallen in de kolom met een decimale {mark:mark}"),
    "in.number_mark_set": ("written with a decimal {written:mark}, not with the decimal "
                          "{mark:mark} decimal_mark in [payroll] says",
                          "geschreven met een decimale {written:mark}, niet met de decimale "
                          "{mark:mark} die decimal_mark in [payroll] noemt"),
    "ih.number_same": ("write every number of a column with the same decimal mark",
                      "schrijf alle getallen in een kolom met hetzelfde decimaalteken"),
    # the payroll reader: its [payroll] settings (``o.``), the file and its header
    "po.unknown_key": ("unknown key {name!r}", "onbekende sleutel {name!r}"),
    "ih.known_keys": ("known keys: {known}", "bekende sleutels: {known}"),
    "po.must_be_text": ("must be text", "moet tekst zijn"),
    "po.must_be_table": ("must be a table", "moet een tabel zijn"),
    "po.too_long": ("longer than {most} characters", "langer dan {most} tekens"),
    "po.name_too_long": ("the name is longer than {most} characters",
                        "de naam is langer dan {most} tekens"),
    "po.too_many_entries": ("more than {most:count} entries, more than psoladder reads",
                           "meer dan {most:count} regels, meer dan psoladder leest"),
    "po.date_format": ("not a date format psoladder reads", "geen datumnotatie die psoladder leest"),
    "ih.date_format": ("use dd-mm-yyyy, d-m-yyyy, dd/mm/yyyy, dd.mm.yyyy, mm/dd/yyyy or "
                      "yyyy-mm-dd (jjjj for yyyy is fine too)",
                      "gebruik dd-mm-jjjj, d-m-jjjj, dd/mm/jjjj, dd.mm.jjjj, mm/dd/jjjj of "
                      "jjjj-mm-dd"),
    "po.decimal_mark": ("not a decimal mark", "geen decimaalteken"),
    "ih.decimal_mark": ('write decimal_mark = "," or decimal_mark = "."',
                       'schrijf decimal_mark = "," of decimal_mark = "."'),
    "po.header_row": ("header_row must be a whole number from 1 to {most:count}",
                     "header_row moet een geheel getal van 1 tot en met {most:count} zijn"),
    "po.boolean": ("must be true or false", "moet true of false zijn"),
    "po.column_field": ("{target!r} is not a payroll field", "{target!r} is geen veld van de "
                        "loonadministratie"),
    "ih.column_field": ("map the column to one of: {fields}",
                       "wijs de kolom toe aan een van: {fields}"),
    "po.column_twice": ("names the same column as {other!r}",
                       "noemt dezelfde kolom als {other!r}"),
    "po.value_code": ("{code!r} is not a code psoladder knows", "{code!r} is geen code die "
                     "psoladder kent"),
    "ih.value_code": ("use one of: {codes}", "gebruik een van: {codes}"),
    "in.not_header": (
        "not a payroll header: none of the first {lines} lines names a payroll column",
        "geen kopregel van een loonadministratie: geen van de eerste {lines} regels noemt een "
        "kolom van de loonadministratie"),
    "ih.not_header": ("the header names the columns {required}, ... (see the payroll format "
                     "in the docs); a title block above it is skipped",
                     "de kopregel noemt de kolommen {required}, ... (zie het formaat van de "
                     "loonadministratie in de documentatie); een titelblok erboven wordt "
                     "overgeslagen"),
    "in.too_many_columns": ("the header has {count} columns, more than psoladder reads "
                           "({most})",
                           "de kopregel heeft {count} kolommen, meer dan psoladder leest "
                           "({most})"),
    "in.header_cell_long": ("header cell {column} is {length:count} characters long",
                           "kopcel {column} is {length:count} tekens lang"),
    "ih.header_cell_long": ("name the column with a field name",
                           "geef de kolom de naam van een veld"),
    "in.unknown_column": ("unknown column {name!r} (column {column})",
                         "onbekende kolom {name!r} (kolom {column})"),
    "ih.unknown_column": ("use the field names {fields} (or a Dutch alias such as "
                         "personeelsnummer, datum_in_dienst, uren_per_week), map it in "
                         "[payroll.columns], or leave out strict = true to ignore it",
                         "gebruik de veldnamen {fields} (of een Nederlandse naam zoals "
                         "personeelsnummer, datum_in_dienst, uren_per_week), wijs hem toe in "
                         "[payroll.columns], of laat strict = true weg om hem te negeren"),
    "in.repeated_column": ("column {name!r} repeats field {code!r} (column {first!r})",
                          "kolom {name!r} herhaalt veld {code!r} (kolom {first!r})"),
    "ih.repeated_column": ("keep one column per field", "houd één kolom per veld"),
    "in.missing_column": ("required column {code!r} is missing",
                         "verplichte kolom {code!r} ontbreekt"),
    "ih.missing_column": ("add a column named {code}, or name the export's column in "
                         "[payroll.columns]",
                         "voeg een kolom {code} toe, of noem de kolom van de export in "
                         "[payroll.columns]"),
    "ih.missing_column_like": ("is column {like!r} meant? then write \"{like}\" = \"{code}\" in "
                              "[payroll.columns]",
                              "is kolom {like!r} bedoeld? schrijf dan \"{like}\" = \"{code}\" "
                              "in [payroll.columns]"),
    "in.no_header_row": ("header_row is {row_} but the file has {lines:count|line|lines}",
                        "header_row is {row_} maar het bestand heeft {lines:count|regel|regels}"),
    "ih.header_row": ("give the line of the header, counting from 1, or leave header_row out "
                     "to find it",
                     "geef de regel van de kopregel, geteld vanaf 1, of laat header_row weg om "
                     "hem te laten zoeken"),
    # the rows
    "in.unknown_code": ("unknown code", "onbekende code"),
    "ih.unknown_code": ("use one of: {codes}; or say what the export's code means in "
                       "[payroll.values.{table}], e.g. \"{written}\" = \"...\"",
                       "gebruik een van: {codes}; of zeg wat de code van de export betekent in "
                       "[payroll.values.{table}], bijv. \"{written}\" = \"...\""),
    "in.row_cells": ("row has {cells} cells but the header has {width}",
                    "de regel heeft {cells} cellen maar de kopregel {width}"),
    "ih.row_cells": ("check for an unquoted separator in a value",
                    "controleer of een waarde een scheidingsteken zonder aanhalingstekens bevat"),
    "in.unnamed_value": ("column {column} has no name in the header but holds a value",
                        "kolom {column} heeft geen naam in de kopregel maar bevat een waarde"),
    "ih.unnamed_value": ("name the column in the header, or empty it",
                        "geef de kolom een naam in de kopregel, of maak hem leeg"),
    "in.required_missing": ("required field is missing", "verplicht veld ontbreekt"),
    "ih.required_missing": ("give {code}", "geef {code}"),
    "in.too_many_rows": ("the payroll has more than {most:count} rows, more than psoladder reads",
                        "de loonadministratie heeft meer dan {most:count} regels, meer dan "
                        "psoladder leest"),
    "in.too_many_target_rows": (
        "the payroll has more than {most:count} rows of target-group persons, more than "
        "psoladder reads",
        "de loonadministratie heeft meer dan {most:count} regels van personen uit de "
        "doelgroep, meer dan psoladder leest"),
    "in.too_many_persons": ("the payroll has more than {most:count} persons, more than "
                           "psoladder reads",
                           "de loonadministratie heeft meer dan {most:count} personen, meer "
                           "dan psoladder leest"),
    "in.changed": ("the payroll file changed while psoladder read it",
                  "het bestand van de loonadministratie veranderde terwijl psoladder het las"),
    "ih.changed": ("run again once the file is complete",
                  "probeer het opnieuw als het bestand compleet is"),
    # the file
    "in.parquet": ("a .parquet payroll is read only to assess it (psoladder assess, "
                   "assess_file) or by psoladder.columnar.read_table",
                   "een .parquet-bestand wordt alleen gelezen voor een beoordeling (psoladder "
                   "assess, assess_file) of door psoladder.columnar.read_table"),
    "ih.parquet": ("export the payroll as CSV for forecast, compare, scenarios and "
                   "load_organisation; reading Parquet needs pip install 'psoladder[fast]'",
                   "exporteer de loonadministratie als CSV voor forecast, compare, scenario's en "
                   "load_organisation; Parquet lezen vraagt pip install 'psoladder[fast]'"),
    "in.sheet_in_csv": ("a CSV file has no worksheets", "een CSV-bestand heeft geen werkbladen"),
    "ih.sheet_in_csv": ("leave sheet out, or give the workbook (.xlsx)",
                       "laat sheet weg, of geef de werkmap (.xlsx)"),
    "in.not_utf8_line": ("the file is not UTF-8 ({reason} at byte {byte} of the line)",
                        "het bestand is geen UTF-8 ({reason} bij byte {byte} van de regel)"),
    "in.not_utf8": ("the file is not UTF-8", "het bestand is geen UTF-8"),
    "in.text_not_utf8": ("the text is not UTF-8", "de tekst is geen UTF-8"),
    "ih.utf8": ("save the export as CSV UTF-8", "sla de export op als CSV UTF-8"),
    "in.line_too_long": ("line {line} is longer than psoladder reads ({most:count} characters)",
                        "regel {line} is langer dan psoladder leest ({most:count} tekens)"),
    "ih.line_too_long": ("is this a payroll export? each row is one line",
                        "is dit een export van de loonadministratie? elke regel is één rij"),
    "in.header_not_csv": ("the header is not valid CSV: {reason}",
                         "de kopregel is geen geldige CSV: {reason}"),
    "in.not_csv": ("the file is not valid CSV: {reason}", "het bestand is geen geldige CSV: "
                  "{reason}"),
    "in.needs_openpyxl": ("reading .xlsx needs openpyxl", "voor .xlsx is openpyxl nodig"),
    "ih.needs_openpyxl": ("pip install 'psoladder[xlsx]', or save the sheet as CSV",
                         "pip install 'psoladder[xlsx]', of sla het werkblad op als CSV"),
    "in.workbook_broken": ("the workbook cannot be read ({kind})",
                          "de werkmap kan niet worden gelezen ({kind})"),
    "ih.workbook_broken": ("open it in a spreadsheet program and save it again, or save the "
                          "sheet as CSV UTF-8",
                          "open hem in een rekenprogramma en sla hem opnieuw op, of sla het "
                          "werkblad op als CSV UTF-8"),
    "in.no_worksheet": ("the workbook has no worksheet", "de werkmap heeft geen werkblad"),
    "in.no_such_sheet": ("the workbook has no worksheet {sheet!r}",
                        "de werkmap heeft geen werkblad {sheet!r}"),
    "ih.no_such_sheet": ("its worksheets: {sheets}", "de werkbladen: {sheets}"),
    "in.xlsx_far_column": ("the sheet has a value in column {letters} (column {column}), right "
                          "of the {most} columns psoladder reads",
                          "het werkblad heeft een waarde in kolom {letters} (kolom {column}), "
                          "rechts van de {most} kolommen die psoladder leest"),
    "ih.xlsx_far_column": ("remove it, or save the payroll columns as CSV",
                          "verwijder hem, of sla de kolommen van de loonadministratie op als "
                          "CSV"),
    "in.not_zip": ("the file is not an Excel workbook (not a zip archive)",
                  "het bestand is geen Excel-werkmap (geen zip-archief)"),
    "ih.not_zip": ("save it as .xlsx, or as CSV UTF-8", "sla het op als .xlsx, of als CSV UTF-8"),
    "in.xlsx_part_large": ("a part of the workbook is {size:count} bytes uncompressed, more than "
                          "psoladder reads ({most:count})",
                          "een deel van de werkmap is uitgepakt {size:count} bytes, meer dan "
                          "psoladder leest ({most:count})"),
    "ih.csv_utf8": ("save the sheet as CSV UTF-8", "sla het werkblad op als CSV UTF-8"),
    # what was read (``rd.``): the summary line and the reader's notices
    "pr.summary": ("{file}: {rows:count|employment row|employment rows} of "
                   "{persons:count|person|persons} read",
                   "{file}: {rows:count|dienstverband|dienstverbanden} van "
                   "{persons:count|persoon|personen} gelezen"),
    "pr.summary_rows": ("{file}: {rows:count|employment row|employment rows} read",
                        "{file}: {rows:count|dienstverband|dienstverbanden} gelezen"),
    "pr.skipped_both": ("; {skipped:count|line|lines} above the header and "
                        "{blank:count|blank line|blank lines} skipped",
                        "; {skipped:count|regel|regels} boven de kop en "
                        "{blank:count|lege regel|lege regels} overgeslagen"),
    "pr.skipped_title": ("; {skipped:count|line|lines} above the header skipped",
                         "; {skipped:count|regel|regels} boven de kop overgeslagen"),
    "pr.skipped_blank": ("; {blank:count|blank line|blank lines} skipped",
                         "; {blank:count|lege regel|lege regels} overgeslagen"),
    "pr.lines_skipped": ("not read: {skipped:count|line|lines} above the header (line "
                         "{header}) and {blank:count|blank line|blank lines}",
                         "niet gelezen: {skipped:count|regel|regels} boven de kopregel "
                         "(regel {header}) en {blank:count|lege regel|lege regels}"),
    "pr.lines_title": ("not read: {skipped:count|line|lines} above the header (line {header})",
                       "niet gelezen: {skipped:count|regel|regels} boven de kopregel (regel "
                       "{header})"),
    "pr.lines_blank": ("not read: {blank:count|blank line|blank lines}",
                       "niet gelezen: {blank:count|lege regel|lege regels}"),
    "pr.ignored": ("ignored columns: {columns}", "genegeerde kolommen: {columns}"),
    "pr.like": ("column {column!r} is not read; is it {field!r}? then name it in "
                "[payroll.columns]",
                "kolom {column!r} wordt niet gelezen; is het {field!r}? noem hem dan in "
                "[payroll.columns]"),
    "pr.personal": ("personal data in {columns}: psoladder does not need it; better leave "
                    "it out of the export",
                    "persoonsgegevens in {columns}: psoladder heeft ze niet nodig; laat ze bij "
                    "voorkeur weg uit de export"),
    "pr.day_first": ("column {column!r}: every date could be day-first or month-first; read "
                     "day-first, as {format:datefmt} (set date_format in [payroll] if not)",
                     "kolom {column!r}: elke datum kan dag-eerst of maand-eerst zijn; gelezen "
                     "met de dag eerst, als {format:datefmt} (zet date_format in [payroll] als "
                     "dat niet klopt)"),
    "pr.month_first": ("column {column!r}: dates read month-first, as {format:datefmt}, as "
                       "its values show (e.g. {example!r})",
                       "kolom {column!r}: datums gelezen met de maand eerst, als "
                       "{format:datefmt}, zoals de waarden laten zien (bijv. {example!r})"),
    "pr.serials": ("column {column!r}: {count:count|number|numbers} read as Excel date "
                   "numbers",
                   "kolom {column!r}: {count:count|getal|getallen} gelezen als "
                   "Excel-datumgetal"),
    # the values of the organisation file, a payroll cell or a Python argument
    "in.unknown_enum": ("unknown {code} code", "onbekende code voor {code}"),
    "ih.unknown_enum": ("use one of: {codes} ({rules})", "gebruik een van: {codes} ({rules})"),
    "in.date_and_time": ("a date and time, not a date", "een datum met tijd, geen datum"),
    "ih.iso_date": ("write dates as YYYY-MM-DD, e.g. 2023-01-31",
                    "schrijf datums als JJJJ-MM-DD, bijv. 2023-01-31"),
    "in.date_range": ("{code} lies outside the dates psoladder accepts",
                      "{code} ligt buiten de datums die psoladder accepteert"),
    "ih.date_range": ("psoladder reads dates from {first:date} to {last:date}",
                      "psoladder leest datums van {first:date} tot en met {last:date}"),
    "in.decimals": ("{code} may have at most {places} decimals",
                    "{code} mag hoogstens {places} decimalen hebben"),
    "ih.decimals": ("round it to {places} decimals", "rond af op {places} decimalen"),
    "in.number_range_open": ("{code} must be above {low} and at most {high}{rule}",
                             "{code} moet boven {low} liggen en hoogstens {high} zijn{rule}"),
    "in.number_range": ("{code} must be between {low} and {high}{rule}",
                        "{code} moet tussen {low} en {high} liggen{rule}"),
    "in.float": ("float {text} refused: psoladder computes exactly",
                 "float {text} geweigerd: psoladder rekent exact"),
    "ih.float": ("pass Decimal('{text}') or the string '{text}'",
                 "geef Decimal('{text}') of de tekst '{text}'"),
    "in.bool_number": ("a yes/no value is not a number", "een ja/nee-waarde is geen getal"),
    "in.not_a_number_type": ("a {kind} is not a number", "een {kind} is geen getal"),
    "ih.decimal_point": ("write it like 32 or 32.5", "schrijf het als 32 of 32.5"),
    "ih.num.hours_per_week": ("give the contracted hours per week, e.g. 32 or 32.5",
                              "geef de contracturen per week, bijv. 32 of 32.5"),
    "ih.num.fulltime_hours": ("give the full-time week of your cao in hours, e.g. 36, 38 or 40 "
                              "(R-FTE-2)",
                              "geef de voltijdweek van uw cao in uren, bijv. 36, 38 of 40 "
                              "(R-FTE-2)"),
    "ih.num.amount": ("give an amount in euro, e.g. 200000 or 1250.50",
                      "geef een bedrag in euro, bijv. 200000 of 1250.50"),
    "ih.num.supplier_turnover": ("give the supplier's annual turnover in euro",
                                 "geef de jaaromzet van de leverancier in euro"),
    "ih.num.supplier_fte": ("give the supplier's total fte, e.g. 40",
                            "geef het totaal fte van de leverancier, bijv. 40"),
    "ih.num.supplier_direct_pct": ("give the supplier's direct contribution in percent, e.g. 25",
                                   "geef de directe sociale bijdrage van de leverancier in "
                                   "procent, bijv. 25"),
    "in.not_bool": ("not a yes/no value", "geen ja/nee-waarde"),
    "ih.bool": ("write true or false", "schrijf true of false"),
    "in.text_too_long": ("{code} is too long", "{code} is te lang"),
    "ih.text_long": ("at most {most} characters", "hoogstens {most} tekens"),
    "in.not_text": ("{code} must be text", "{code} moet tekst zijn"),
    "ih.as_text": ("give the {code} as text", "geef {code} als tekst"),
    "in.empty": ("must not be empty", "mag niet leeg zijn"),
    "ih.give": ("give the {code}", "geef {code}"),
    "in.text_length": ("{code} is {length} characters long", "{code} is {length} tekens lang"),
    "in.control": ("{code} contains the control character {char}",
                   "{code} bevat het stuurteken {char}"),
    "ih.control": ("remove control characters (such as tabs, escapes or NUL)",
                   "verwijder stuurtekens (zoals tabs, escapes of NUL)"),
    "in.unknown_field": ("unknown field {name!r}", "onbekend veld {name!r}"),
    "ih.known_fields": ("known fields: {fields}", "bekende velden: {fields}"),
    "in.end_before_start": ("end {end:iso} lies before start {start:iso}",
                            "einde {end:iso} ligt vóór begin {start:iso}"),
    "ih.end_date": ("the end date is the last working day; leave it empty for open-ended",
                    "de einddatum is de laatste werkdag; laat hem leeg als er geen einde is"),
    "in.needs.school_left": ("target_group {group.value!r} needs school_left",
                             "doelgroep {group.value!r} heeft school_left nodig"),
    "ih.needs.school_left": ("give the school-leaving date (R-TG-8)",
                             "geef de datum waarop de school is verlaten (R-TG-8)"),
    "in.needs.ww_since": ("target_group {group.value!r} needs ww_since",
                          "doelgroep {group.value!r} heeft ww_since nodig"),
    "ih.needs.ww_since": ("give the date the WW benefit started (R-TG-9)",
                          "geef de datum waarop de WW-uitkering begon (R-TG-9)"),
    "in.needs.status_lost": ("target_group {group.value!r} needs status_lost",
                             "doelgroep {group.value!r} heeft status_lost nodig"),
    "ih.needs.status_lost": ("give the date the status was lost (R-TG-11)",
                             "geef de datum waarop de status verloren ging (R-TG-11)"),
    # files (``in.file_``); what a file is (``what.``)
    "what.organisation": ("organisation file", "organisatiebestand"),
    "what.payroll": ("payroll file", "bestand van de loonadministratie"),
    "what.override": ("rule override file", "override-bestand"),
    "in.file_missing": ("the {what} is not found", "het {what} is niet gevonden"),
    "ih.check_path": ("check the path", "controleer het pad"),
    "in.file_folder": ("the {what} is a folder", "het {what} is een map"),
    "ih.give_file": ("give the file", "geef het bestand"),
    "in.file_permission": ("the {what} cannot be read (permission denied)",
                           "het {what} kan niet worden gelezen (geen toestemming)"),
    "in.file_open": ("the {what} cannot be opened ({reason})",
                     "het {what} kan niet worden geopend ({reason})"),
    "in.file_path": ("the path of the {what} is not valid", "het pad van het {what} is ongeldig"),
    "in.file_special": ("the {what} is not a regular file (but a device, pipe or socket)",
                        "het {what} is geen gewoon bestand (maar een apparaat, pipe of socket)"),
    "ih.file_special": ("give an ordinary file; psoladder does not read devices or pipes",
                        "geef een gewoon bestand; psoladder leest geen apparaten of pipes"),
    "in.file_large": ("the {what} is {size:count} bytes, more than psoladder reads "
                      "({most:count})",
                      "het {what} is {size:count} bytes, meer dan psoladder leest "
                      "({most:count})"),
    "in.suffix": ("a payroll file must be a .csv or .xlsx (or .xlsm, .parquet) file",
                  "een bestand van de loonadministratie moet een .csv- of .xlsx-bestand (of "
                  ".xlsm, .parquet) zijn"),
    "ih.suffix": ("export the payroll as CSV UTF-8 or as an Excel workbook, and name it "
                  "accordingly",
                  "exporteer de loonadministratie als CSV UTF-8 of als Excel-werkmap, met de "
                  "bijpassende naam"),
    "in.unresolvable": ("the payroll path cannot be resolved",
                        "het pad van de loonadministratie kan niet worden gevolgd"),
    "in.outside": ("the payroll file lies outside the organisation file's folder",
                   "het bestand van de loonadministratie ligt buiten de map van het "
                   "organisatiebestand"),
    "ih.outside": ("move the payroll next to the organisation file, or allow other folders "
                   "(allow_outside=True in Python, --allow-outside-paths on the command line)",
                   "zet de loonadministratie naast het organisatiebestand, of sta andere mappen "
                   "toe (allow_outside=True in Python, --allow-outside-paths op de "
                   "opdrachtregel)"),
    # the organisation file
    "in.payroll_given": ("this is a payroll export, not an organisation file",
                         "dit is een export van de loonadministratie, geen organisatiebestand"),
    "ih.payroll_given": ("give the organisation file (.toml or .json) that names the payroll "
                         "under [payroll] file = \"{file_name}\"; `psoladder new` writes one "
                         "to start from",
                         "geef het organisatiebestand (.toml of .json) dat de loonadministratie "
                         "noemt onder [payroll] file = \"{file_name}\"; `psoladder new` schrijft "
                         "er een om mee te beginnen"),
    "in.toml": ("not valid TOML: {reason}", "geen geldige TOML: {reason}"),
    "ih.toml": ("see https://toml.io for the syntax", "zie https://toml.io voor de schrijfwijze"),
    "in.json": ("not valid JSON: {reason}", "geen geldige JSON: {reason}"),
    "ih.json": ("check the brackets and quotes", "controleer de haakjes en aanhalingstekens"),
    "in.key_twice": ("a key appears twice in one object", "een sleutel staat twee keer in één "
                     "object"),
    "ih.key_twice": ("give each key once", "geef elke sleutel één keer"),
    "ih.save_utf8": ("save it as UTF-8", "sla het op als UTF-8"),
    "in.not_a_table": ("the file must hold a table of keys",
                       "het bestand moet een tabel met sleutels bevatten"),
    "in.single_not_table": ("{code} must be a single value, not a table",
                            "{code} moet één waarde zijn, geen tabel"),
    "in.single_not_list": ("{code} must be a single value, not a list",
                           "{code} moet één waarde zijn, geen lijst"),
    "ih.write_single": ("write {code} = ...", "schrijf {code} = ..."),
    "in.table_not_list": ("{code} must be a table, not a list",
                          "{code} moet een tabel zijn, geen lijst"),
    "in.table_not_single_value": ("{code} must be a table, not a single value",
                                  "{code} moet een tabel zijn, geen losse waarde"),
    "ih.write_table": ("write [{code}] once, with its keys below it",
                       "schrijf [{code}] één keer, met de sleutels eronder"),
    "in.list_of_tables": ("{code} must be a list of tables", "{code} moet een lijst met tabellen "
                          "zijn"),
    "ih.list_of_tables": ("write [[{code}]] (double brackets) for each one",
                          "schrijf [[{code}]] (dubbele haken) voor elk"),
    "in.item_not_table": ("{code} {index} is not a table", "{code} {index} is geen tabel"),
    "ih.item_not_table": ("write [[{code}]] followed by its keys",
                          "schrijf [[{code}]] met de sleutels eronder"),
    "in.employments_path": ("employments must be the path of a payroll file",
                            "employments moet het pad van een bestand van de "
                            "loonadministratie zijn"),
    "ih.employments_path": ('e.g. employments = "payroll.csv", or give [[employment]] tables',
                            'bijv. employments = "loonexport.csv", of geef [[employment]]-'
                            'tabellen'),
    "in.payroll_table": ("payroll must be a table", "payroll moet een tabel zijn"),
    "ih.payroll_table": ('write [payroll] once, with file = "export.csv" and its other keys '
                         'below it',
                         'schrijf [payroll] één keer, met file = "export.csv" en de andere '
                         'sleutels eronder'),
    "in.payroll_twice": ("the payroll file is given twice",
                         "het bestand van de loonadministratie is twee keer opgegeven"),
    "ih.payroll_twice": ("give it once: file in [payroll], or employments (the older way)",
                         "geef het één keer: file in [payroll], of employments (de oudere "
                         "manier)"),
    "in.schema_key": ("$schema must be the address of a JSON Schema",
                      "$schema moet het adres van een JSON Schema zijn"),
    "in.required_key": ("required key is missing", "verplichte sleutel ontbreekt"),
    "ih.required_key": ("add {code} = ...", "voeg {code} = ... toe"),
    "in.evidence_person": ("evidence names a person who is not in the employments",
                           "het bewijs noemt een persoon die niet in de dienstverbanden staat"),
    "ih.evidence_person": ("give evidence for the organisation's target-group employees, with "
                           "the person identifier of the payroll",
                           "geef bewijs voor de medewerkers uit de doelgroep, met het "
                           "personeelsnummer van de loonadministratie"),
    # ------------------------------------------------------------------
    # nl-words: every input problem in English and Dutch. The problems of
    # the organisation's fields (``in.kvk_``, ``in.peiljaar_``, purchases,
    # recertification, the group's entities), of the organisation file
    # itself, of the planning functions and ``[[scenario]]`` tables
    # (``in.sc_``, ``in.fc_``), of dates and periods, pseudonyms and the
    # rules diff. Their values are shown as psoladder wrote them before
    # (``{x!s}``, ``{n}``, in both languages), so the English stays word for
    # word. psoladder.periods, which this module imports, writes its English
    # itself and names the keys of its words (in.end_before_start,
    # in.application_not_after, in.peiljaar_months and their hints).
    # ------------------------------------------------------------------
    # the applicant's KvK numbers (R-ORG-1)
    "in.kvk_digits": ("a KvK number has 8 digits", "een KvK-nummer heeft 8 cijfers"),
    "ih.kvk_text": ('write it as text, e.g. "12345678"', 'schrijf het als tekst, bijv. "12345678"'),
    "in.kvk_kind": ("kvk must be a KvK number or a list of them",
                    "kvk moet een KvK-nummer zijn of een lijst van KvK-nummers"),
    "ih.kvk": ('write kvk = ["12345678"], adding subsidiaries\' numbers after the main one',
               'schrijf kvk = ["12345678"], met de nummers van dochterondernemingen na het '
               "hoofdnummer"),
    "in.kvk_none": ("the applicant needs at least one KvK number (R-FTE-5, R-ORG-1)",
                    "de aanvrager heeft minstens één KvK-nummer nodig (R-FTE-5, R-ORG-1)"),
    "in.kvk_many": ("at most {most:count} KvK numbers", "hoogstens {most:count} KvK-nummers"),
    "in.kvk_8_digits": ("a KvK number has 8 digits (0-9)", "een KvK-nummer heeft 8 cijfers (0-9)"),
    "in.kvk_twice": ("this KvK number is listed twice", "dit KvK-nummer staat er twee keer in"),
    "ih.entity_once": ("give each entity once", "noem elke entiteit één keer"),
    # the peiljaar (R-FTE-4) and the application date (R-ED-1)
    "in.not_peiljaar": ("not a peiljaar", "geen peiljaar"),
    "ih.peiljaar": ("write peiljaar = {{ start = 2023-01-01, end = 2023-12-31 }}",
                    "schrijf peiljaar = {{ start = 2023-01-01, end = 2023-12-31 }}"),
    "ih.peiljaar_keys": ("a peiljaar has a start and an end",
                         "een peiljaar heeft alleen een begin (start) en een einde (end)"),
    "in.peiljaar_reversed": ("the peiljaar ends ({end:iso}) before it starts ({start:iso})",
                             "het peiljaar eindigt ({end:iso}) voordat het begint "
                             "({start:iso})"),
    "in.peiljaar_months": ("a peiljaar is exactly 12 consecutive months (R-FTE-4)",
                           "een peiljaar beslaat precies 12 aaneengesloten maanden (R-FTE-4)"),
    "ih.peiljaar_end": ("for a start of {start:iso} the end is {end:iso}",
                        "bij een begin op {start:iso} is het einde {end:iso}"),
    "in.application_not_after": (
        "the application date is not after the end of the peiljaar {peiljaar!s}",
        "de aanvraagdatum ligt niet na het einde van het peiljaar ({peiljaar!s})"),
    "in.application_given_not_after": (
        "the application date given in place of the organisation's is not after the end of "
        "the peiljaar {peiljaar!s}",
        "de opgegeven aanvraagdatum (in plaats van die van de organisatie) ligt niet na het "
        "einde van het peiljaar ({peiljaar!s})"),
    "ih.application_after": (
        "the application follows the peiljaar: give a date after {end:iso}, or the peiljaar "
        "measured before the application, e.g. {default!s}",
        "de aanvraag volgt op het peiljaar: geef een datum na {end:iso}, of een peiljaar "
        "dat vóór de aanvraag ligt, bijv. {default!s}"),
    "in.no_rule": ("no PSO rule is in force on this application date (R-ED-3)",
                   "op deze aanvraagdatum gelden geen PSO-regels (R-ED-3)"),
    "ih.no_rule": ("psoladder supports application dates from {first:iso} (PSO-Handleiding 1.5) "
                   "on",
                   "psoladder ondersteunt aanvraagdatums vanaf {first:iso} (PSO-Handleiding "
                   "1.5)"),
    "ih.range_end": ("an end date is the last day (inclusive) and cannot precede the start",
                     "een einddatum is de laatste dag (die meetelt) en kan niet vóór het begin "
                     "liggen"),
    # a purchase (R-IND)
    "in.amount_above_turnover": ("amount is larger than the supplier's turnover (R-IND-6)",
                                 "het bedrag is groter dan de omzet van de leverancier "
                                 "(R-IND-6)"),
    "ih.amount_above_turnover": ("check the amount and supplier_turnover ({turnover!s})",
                                 "controleer het bedrag en supplier_turnover ({turnover!s})"),
    "in.direct_and_indirect": (
        "the same work may not count both as direct and as indirect contribution (R-IND-5)",
        "hetzelfde werk mag niet zowel als directe als als indirecte bijdrage tellen "
        "(R-IND-5)"),
    "ih.direct_and_indirect": ("remove this purchase, or the SW staff from the employments",
                               "verwijder deze inkoop, of de SW-medewerkers uit de "
                               "dienstverbanden"),
    "in.certificate_dates": ("certificate_valid_until lies before certificate_valid_from",
                             "certificate_valid_until ligt vóór certificate_valid_from"),
    "ih.certificate_dates": ("give the certificate's first and last valid day",
                             "geef de eerste en de laatste dag waarop het certificaat geldt"),
    # recertification (R-QUAL-2) and evidence (R-QUAL-1)
    "in.not_whole": ("{code} must be a whole number", "{code} moet een geheel getal zijn"),
    "ih.example_ten": ("e.g. {code} = 10", "bijv. {code} = 10"),
    "in.count_range": ("{code} must be at least {low} and at most {high:count}",
                       "{code} moet minstens {low} en hoogstens {high:count} zijn"),
    "in.appraisals_above_sampled": ("files_with_appraisals exceeds files_sampled",
                                    "files_with_appraisals is groter dan files_sampled"),
    "ih.at_most": ("at most {most}", "hoogstens {most}"),
    "in.evidence_twice": ("evidence for this person is given twice",
                          "het bewijs voor deze persoon staat er twee keer in"),
    "ih.evidence_once": ("give one evidence table per person",
                         "geef één [[evidence]]-tabel per persoon"),
    # the organisation's bounds
    "in.more_persons": ("more than {most:count} persons", "meer dan {most:count} personen"),
    "ih.reads_persons": ("psoladder reads at most {most:count} persons",
                         "psoladder leest hoogstens {most:count} personen"),
    "in.more_target_rows": ("more than {most:count} rows of target-group persons",
                            "meer dan {most:count} regels van personen uit de doelgroep"),
    "ih.reads_at_most": ("psoladder reads at most {most:count}",
                         "psoladder leest hoogstens {most:count}"),
    "in.more_rows_read": ("more than {most:count} employment rows, more than psoladder reads",
                          "meer dan {most:count} dienstverbanden, meer dan psoladder leest"),
    "in.more_target_rows_read": (
        "more than {most:count} rows of target-group persons, more than psoladder reads",
        "meer dan {most:count} regels van personen uit de doelgroep, meer dan psoladder "
        "leest"),
    # the Python API's lists and tables
    "in.not_list": ("{code} must be a list", "{code} moet een lijst zijn"),
    "in.too_many_items": ("{code} has more than {most:count} items",
                          "{code} heeft meer dan {most:count} elementen"),
    "ih.reads_items": ("psoladder reads at most {most:count} {code}",
                       "psoladder leest hoogstens {most:count} {code}"),
    "in.item_kind": ("item {index} of {code} is a {kind}, not a {wanted}",
                     "element {index} van {code} is een {kind}, geen {wanted}"),
    "ih.build_each": ("build each with psoladder.{wanted}(...)",
                      "maak elk met psoladder.{wanted}(...)"),
    "in.not_table": ("{code} must be a table", "{code} moet een tabel zijn"),
    "ih.give_table": ("give a psoladder.{wanted} or a table of its fields",
                      "geef een psoladder.{wanted} of een tabel met de velden ervan"),
    # the applicant's group (R-ORG-1)
    "in.entity_kvk_not_applicant": (
        "KvK number {kvk} is not one of the applicant's (kvk = {numbers})",
        "KvK-nummer {kvk} is geen nummer van de aanvrager (kvk = {numbers})"),
    "ih.entity_kvk_add": ("add it to kvk, the main entity's number first (R-ORG-1)",
                          "voeg het toe aan kvk, met het nummer van de hoofdorganisatie eerst "
                          "(R-ORG-1)"),
    "in.entity_kvk_twice": ("entity {index} has the same KvK number",
                            "entiteit {index} heeft hetzelfde KvK-nummer"),
    "in.entity_name_twice": ("entity {index} has the same name",
                             "entiteit {index} heeft dezelfde naam"),
    "ih.entity_own_name": ("give each entity its own name",
                           "geef elke entiteit een eigen naam"),
    "in.entity_name_kvk": ("the name is another entity's KvK number",
                           "de naam is het KvK-nummer van een andere entiteit"),
    "ih.entity_name_words": ("name the entity by words, not by a KvK number",
                             "geef de entiteit een naam in woorden, geen KvK-nummer"),
    "in.unknown_entity": ("not an entity of the applicant's group",
                          "geen entiteit van de groep van de aanvrager"),
    "ih.unknown_entity": (
        "give the name or KvK number of one of: {known}; or add an [[entity]] table (name, "
        "kvk) with its KvK number in kvk (R-ORG-1)",
        "geef de naam of het KvK-nummer van een van: {known}; of voeg een [[entity]]-tabel "
        "toe (name, kvk) met het KvK-nummer ervan in kvk (R-ORG-1)"),
    "in.more_unknown_entity.employments": (
        "... and {count} more employments naming no entity of the group",
        "... en nog {count:|dienstverband|dienstverbanden} met een entiteit die niet "
        "tot de groep hoort"),
    "in.more_unknown_entity.purchases": (
        "... and {count} more purchases naming no entity of the group",
        "... en nog {count:|inkoop|inkopen} met een entiteit die niet tot de groep "
        "hoort"),
    "in.more_rows_unknown_entity": (
        "... and {count} more row(s) naming no entity of the group",
        "... en nog {count:|regel|regels} met een entiteit die niet tot de groep hoort"),
    # the organisation file
    "in.file_nested": ("the file nests tables or arrays deeper than psoladder reads",
                       "het bestand heeft tabellen of lijsten dieper genest dan psoladder "
                       "leest"),
    "ih.file_nested": ("an organisation file nests at most {most} levels deep",
                       "een organisatiebestand is hoogstens {most} niveaus diep genest"),
    "in.nested": ("nested deeper than psoladder reads", "dieper genest dan psoladder leest"),
    "ih.nested": ("an organisation file nests at most {most} levels",
                  "een organisatiebestand is hoogstens {most} niveaus diep genest"),
    "in.file_number_long": ("a number is longer than psoladder reads ({most} characters)",
                            "een getal is langer dan psoladder leest ({most} tekens)"),
    "ih.file_numbers": ("check the numbers of the file", "controleer de getallen in het bestand"),
    "in.org_file_large": ("the organisation file is larger than psoladder reads ({most:count} "
                          "bytes)",
                          "het organisatiebestand is groter dan psoladder leest ({most:count} "
                          "bytes)"),
    "in.not_finite": ("{text} is not a number psoladder reads",
                      "{text} is geen getal dat psoladder leest"),
    "ih.finite": ("give a finite number", "geef een eindig getal"),
    "in.too_many_tables": ("more than {most:count} {code} tables, more than psoladder reads",
                           "meer dan {most:count} [[{code}]]-tabellen, meer dan psoladder "
                           "leest"),
    "in.single_value_table": ("must be a single value, not a table",
                              "moet één waarde zijn, geen tabel"),
    "in.single_value_list": ("must be a single value, not a list",
                             "moet één waarde zijn, geen lijst"),
    "in.not_checked": ("{code} {first} to {last} were not checked",
                       "{code} {first} tot en met {last} zijn niet gecontroleerd"),
    "ih.fix_first": ("fix the problems above first", "los eerst de problemen hierboven op"),
    "in.more_problems": ("... and {count} more problem(s) not listed",
                         "... en nog {count:|probleem|problemen} die niet zijn opgesomd"),
    # scenarios (``in.sc_``): the planning functions and the [[scenario]] tables
    "in.sc_in_scenario": ("scenario {scenario_name!r}: {scenario_problem}",
                          "scenario {scenario_name!r}: {scenario_problem}"),
    "in.sc_no_row": ("no employment row of person {person!r}",
                     "geen dienstverband van persoon {person!r}"),
    "ih.sc_person": ("give the person's identifier as in the payroll",
                     "geef het personeelsnummer zoals in de loonadministratie"),
    "in.sc_nothing_ends": ("person {person!r} does not work on or after {on:iso}: nothing ends",
                           "persoon {person!r} werkt niet op of na {on:iso}: er eindigt "
                           "niets"),
    "ih.sc_while_working": ("give a date while they work",
                            "geef een datum waarop de persoon nog werkt"),
    "in.sc_no_row_on": ("person {person!r} works under no row on {on:iso}",
                        "persoon {person!r} heeft op {on:iso} geen dienstverband"),
    "in.sc_rows_on": ("person {person!r} works under {count} rows on {on:iso}",
                      "persoon {person!r} heeft op {on:iso} {count} dienstverbanden"),
    "ih.sc_one_row": ("change hours needs exactly one row that day; for concurrent contracts "
                      "use leave and hire",
                      "change_hours vraagt precies één dienstverband op die dag; gebruik bij "
                      "gelijktijdige contracten leave en hire"),
    "in.sc_drop_both": ("give a supplier or a position, not both",
                        "geef óf een leverancier óf een positie, niet allebei"),
    "in.sc_no_purchase_index": ("there is no purchase {index}", "er is geen inkoop {index}"),
    "ih.sc_index": ("give 1 to {count}", "geef 1 tot en met {count}"),
    "in.sc_no_purchase_at": ("no purchase at {supplier!r}", "geen inkoop bij {supplier!r}"),
    "ih.sc_suppliers": ("suppliers: {known}", "leveranciers: {known}"),
    "ih.sc_no_suppliers": ("suppliers: none", "leveranciers: geen"),
    "in.sc_change_table": ("a change is a table", "een wijziging moet een tabel zijn"),
    "ih.sc_change_table": ('e.g. {{ leave = "E001", on = 2025-07-01 }}; actions: {actions}',
                           'bijv. {{ leave = "E001", on = 2025-07-01 }}; acties: {actions}'),
    "in.sc_two_actions": ("a change has exactly one action",
                          "een wijziging heeft precies één actie"),
    "in.sc_no_action": ("a change needs an action", "een wijziging heeft een actie nodig"),
    "ih.sc_actions": ("one of: {actions}", "een van: {actions}"),
    "in.sc_unknown_key": ("unknown key {name!r} for {action}",
                          "onbekende sleutel {name!r} bij {action}"),
    "ih.sc_keys": ("keys: {keys}", "sleutels: {keys}"),
    "in.sc_needs": ("{action} needs {code}", "{action} heeft {code} nodig"),
    "in.sc_action_table.hire": ("hire is a table of the employment row's fields",
                                "hire moet een tabel zijn met de velden van het dienstverband"),
    "in.sc_action_table.buy": ("buy is a table of the purchase's fields",
                               "buy moet een tabel zijn met de velden van de inkoop"),
    "ih.sc_action_table": ("{action} = {{ ... }}", "{action} = {{ ... }}"),
    "in.sc_drop_value": ("drop_purchase is a supplier's name or a purchase's position (from 1)",
                         "drop_purchase moet de naam van een leverancier zijn of de positie "
                         "van een inkoop (vanaf 1)"),
    "ih.sc_drop_value": ('e.g. drop_purchase = "Groenbedrijf De Linde"',
                         'bijv. drop_purchase = "Groenbedrijf De Linde"'),
    "in.sc_name": ("a scenario needs a name", "een scenario heeft een naam nodig"),
    "ih.sc_name": ('e.g. name = "Plan A"', 'bijv. name = "Plan A"'),
    "in.sc_name_twice": ("scenario {index} has the same name",
                         "scenario {index} heeft dezelfde naam"),
    "ih.sc_own_name": ("give each scenario its own name", "geef elk scenario een eigen naam"),
    "in.sc_description": ("description is text", "description moet tekst zijn"),
    "in.sc_extends": ("extends is the name of another scenario",
                      "extends moet de naam van een ander scenario zijn"),
    "in.sc_changes": ("changes is a list of change tables",
                      "changes moet een lijst met wijzigingen zijn (elk een tabel)"),
    "ih.sc_changes": ('changes = [ {{ leave = "E001", on = 2025-07-01 }} ]',
                      'changes = [ {{ leave = "E001", on = 2025-07-01 }} ]'),
    "in.sc_no_changes": ("a scenario needs changes", "een scenario heeft wijzigingen nodig"),
    "ih.sc_no_changes": ("add changes = [ ... ], or extends = another scenario",
                         "voeg changes = [ ... ] toe, of extends = een ander scenario"),
    "in.sc_no_base": ("no scenario named {name!r}", "geen scenario met de naam {name!r}"),
    "ih.sc_extends": ("extends names another [[scenario]] of this file",
                      "extends noemt een ander [[scenario]] van dit bestand"),
    "in.sc_circle": ("scenarios extend each other in a circle",
                     "scenario's bouwen in een kring op elkaar voort"),
    # forecasts (``in.fc_``)
    "in.fc_purchases": ("unknown purchases assumption", "onbekende aanname voor de inkopen"),
    "in.fc_step": ("unknown step", "onbekende stap"),
    "in.fc_until": ("until lies before the start {start:iso}",
                    "until ligt vóór de begindatum {start:iso}"),
    "ih.fc_until": ("give a later date, e.g. two years on",
                    "geef een latere datum, bijv. twee jaar verder"),
    "in.fc_dates": ("more than {most} application dates", "meer dan {most} aanvraagdatums"),
    "ih.fc_dates": ("take a longer step or a shorter range",
                    "neem een grotere stap of een kortere periode"),
    # pseudonyms and the rules diff
    "in.key_short": ("the pseudonymisation key has {length} bytes, fewer than {most}",
                     "de sleutel voor het pseudonimiseren heeft {length} bytes, minder "
                     "dan {most}"),
    "ih.key": ('use a long random key and keep it secret, e.g. python -c "import secrets; '
               'print(secrets.token_urlsafe(32))"',
               'gebruik een lange willekeurige sleutel en houd die geheim, bijv. python -c '
               '"import secrets; print(secrets.token_urlsafe(32))"'),
    "in.key_missing": ("pseudonymising needs a key in the environment variable {variable}",
                       "pseudonimiseren vraagt een sleutel in de omgevingsvariabele {variable}"),
    "ih.key_set": ('set {variable}; use a long random key and keep it secret, e.g. python -c '
                   '"import secrets; print(secrets.token_urlsafe(32))"',
                   'zet {variable}; gebruik een lange willekeurige sleutel en houd die geheim, '
                   'bijv. python -c "import secrets; print(secrets.token_urlsafe(32))"'),
    "in.diff_point": ("not an edition or a date", "geen editie en geen datum"),
    "ih.diff_point": ("give an edition ({editions}) or a date YYYY-MM-DD",
                      "geef een editie ({editions}) of een datum jjjj-mm-dd"),
    # psoladder groups (``grp.``)
    "grp.head": ("PSO target groups (R-TG): the codes of the target_group column, by edition",
                 "PSO-doelgroepen (R-TG): de codes van de kolom target_group (doelgroep), per "
                 "editie"),
    "grp.intro": ("Weight x contract-type weight x fte counts inside the counting window "
                  "(R-TG-0); an edition applies to applications from 1 April of its year.",
                  "Weging x weging van het contracttype x fte telt binnen de telperiode "
                  "(R-TG-0); een editie geldt voor aanvragen vanaf 1 april van haar jaar."),
    "grp.col.code": ("code", "code"),
    "grp.col.name": ("name", "naam"),
    "grp.col.editions": ("editions", "edities"),
    "grp.col.weight": ("Weight", "Weging"),
    "grp.col.window": ("counting window", "telperiode"),
    "grp.col.dates": ("dates", "datums"),
    "grp.required": ("required", "verplicht"),
    "grp.optional": ("optional", "optioneel"),
    "grp.absent": ("not a target group in these editions (R-TG-15)",
                   "in deze edities geen doelgroep (R-TG-15)"),
    "grp.window.open": ("no end", "geen einde"),
    "grp.window.until_status_end": ("while the indication or wage-cost subsidy runs, up to "
                                    "status_until (open when not given)",
                                    "zolang de indicatie of loonkostensubsidie loopt, tot en "
                                    "met status_until (open als die ontbreekt)"),
    "grp.window.years_from_inflow": ("{years} years from inflow (inflow, default the start)",
                                     "{years} jaar vanaf instroom (inflow, standaard de "
                                     "begindatum)"),
    "grp.window.years_from_school": ("{years} years from leaving school (school_left)",
                                     "{years} jaar na het verlaten van de school "
                                     "(school_left)"),
    "grp.window.contract": ("the contract type's window (a placement: at most 3 years from "
                            "placement_start)",
                            "de telperiode van het contracttype (een plaatsing: hoogstens 3 "
                            "jaar vanaf placement_start)"),
    "grp.cond.ww_months_before_inflow": ("counts only with at least {n} months of WW before "
                                         "inflow (ww_since)",
                                         "telt alleen met minimaal {n} maanden WW voor de "
                                         "instroom (ww_since)"),
    "grp.cond.status_lost_years_before": ("counts only when the status was lost at most {n} "
                                          "years before inflow (status_lost)",
                                          "telt alleen als de status hoogstens {n} jaar voor de "
                                          "instroom verloren is (status_lost)"),
    # psoladder new (``new.``) and check (``chk.``), and the command line (``cli.``)
    "new.exists": ("the file exists already; psoladder new does not overwrite files",
                   "het bestand bestaat al; psoladder new overschrijft geen bestanden"),
    "in.cannot_write": ("cannot write the file ({reason})",
                        "het bestand kan niet worden geschreven ({reason})"),
    "new.exists_hint": ("choose another folder, e.g. psoladder new my-pso",
                        "kies een andere map, bijv. psoladder new mijn-pso"),
    "new.written": ("written: {files}", "geschreven: {files}"),
    "new.next": ("next: fill in {org} and replace {payroll} by your payroll export; then run "
                 "psoladder check {org} and psoladder assess {org}",
                 "vul nu {org} in en vervang {payroll} door de export van uw "
                 "salarisadministratie; daarna: psoladder check {org} en psoladder assess "
                 "{org}"),
    "chk.ok": ("{file}: no problems found; {rows:count|employment row|employment rows} of "
               "{persons:count|person|persons} and {purchases:count|purchase|purchases}",
               "{file}: geen problemen gevonden; {rows:count|dienstverband|dienstverbanden} "
               "van {persons:count|persoon|personen} en {purchases:count|inkoop|inkopen}"),
    "cli.stdin_too_large": ("standard input holds more than psoladder reads ({most:count} "
                            "bytes)",
                            "de standaardinvoer bevat meer dan psoladder leest ({most:count} "
                            "bytes)"),
    "cli.out_folder": ("this is a folder, not a file", "dit is een map, geen bestand"),
    "cli.out_folder_hint": ("give a file name, e.g. report.md",
                            "geef een bestandsnaam, bijv. rapport.md"),
    "cli.out_no_folder": ("the folder does not exist", "de map bestaat niet"),
    "cli.out_no_folder_hint": ("create the folder first", "maak eerst de map"),
    "cli.out_denied": ("the file cannot be written (permission denied)",
                       "het bestand kan niet worden geschreven (geen toestemming)"),
    "cli.out_denied_hint": ("choose a file you may write",
                            "kies een bestand waarin u mag schrijven"),
    "cli.plot_format": ("unknown plot format", "onbekend formaat voor de grafiek"),
    "cli.plot_format_hint": ("end the file name in {suffixes}",
                             "eindig de bestandsnaam op {suffixes}"),
    "cli.size": ("the company size must be a whole number of fte, 1 or more",
                 "de bedrijfsgrootte moet een geheel aantal fte zijn, 1 of meer"),
    "cli.size_hint": ("give the total fte rounded half-up, e.g. --size 12",
                      "geef het totaal fte, half naar boven afgerond, bijv. --size 12"),
    "cli.diff_override": ("--diff compares the shipped rule data",
                          "--diff vergelijkt de meegeleverde regeldata"),
    "cli.diff_override_hint": ("leave out --rules-override, or list the overridden rules with "
                               "--on",
                               "laat --rules-override weg, of toon de aangepaste regels met "
                               "--on"),
    "cli.no_scenario": ("no scenario named {name!r} in {where}",
                        "geen scenario met de naam {name!r} in {where}"),
    "cli.no_scenario_hint": ("scenarios: {known}", "scenario's: {known}"),
    "cli.format_suffix": ("unknown report format", "onbekend rapportformaat"),
    "cli.format_suffix_hint": ("end the file name in .txt, .md, .html or .json, or give "
                               "--format",
                               "eindig de bestandsnaam op .txt, .md, .html of .json, of geef "
                               "--format"),
}

# Enum classes whose values have names here, by class name (this module
# imports no domain module).
_PREFIX_BY_TYPE = {"Level": "level", "TargetGroup": "group", "ContractType": "contract",
                   "SupplierKind": "kind", "Status": "status", "NormSource": "source",
                   "ThirtyPlusBasis": "basis", "NormPolicy": "policy",
                   "ThirtyPlusDenominator": "denominator", "SourceQuality": "quality",
                   "DateFormat": "datefmt", "Mark": "mark"}  # issue 12
_NAMED = {*_PREFIX_BY_TYPE.values(), "criterion", "aspirant", "band", "method", "norm_row"}


def has(key: str) -> bool:
    """Whether ``key`` has texts."""
    return key in NOTICES or key in TEXTS


def _template(key: str, lang: str) -> str:
    en, nl = NOTICES[key] if key in NOTICES else TEXTS[key]
    return nl if formatting.language(lang) == "nl" else en


def _exact(value: Any) -> Decimal | Fraction | int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Decimal | Fraction | int):
        return value
    return Decimal(str(value).lstrip("≈").strip())


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _period(value: Any) -> DateRange:
    if isinstance(value, DateRange):
        return value
    start, _, end = str(value).partition("..")
    return DateRange(BEGINNING if start == "open" else dt.date.fromisoformat(start),
                     FOREVER if end == "open" else dt.date.fromisoformat(end))


def _items(value: Any) -> list[Any]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return sorted(value, key=str) if isinstance(value, frozenset | set) else list(value)
    return [value]


def _name(prefix: str, value: Any, lang: str) -> str:
    code = value.value if isinstance(value, enum.Enum) else str(value)
    key = f"{prefix}.{code}"
    return _template(key, lang) if has(key) else code


def param_name(name: str, lang: str = "en") -> str:
    """What a value of the rule data is, by its name (``Cited.name``), for people.

    A parameter has a name of its own (``param.``); a value of a target group or
    contract type (``wajong.weight``) is named by its kind (``cited.``).

    >>> param_name("fulltime_hours_default", "nl"), param_name("wajong.weight", "en")
    ('voltijdweek (uren)', 'weight of Wajong')
    """
    if has(f"param.{name}"):
        return text(f"param.{name}", lang)
    code, _, key = name.rpartition(".")
    if code and has(f"cited.{key}"):
        kind = "group" if has(f"group.{code}") else "contract"
        return text(f"cited.{key}", lang, subject=show(code, kind, lang))
    return text("cited.value", lang)


# How the values of rule-data parameters are shown, by parameter name.
_SHARES = {"max_indirect_share", "thirty_plus_min_share", "appraisal_min_share",
           "thirty_plus_regular_floor", "fee_voucher_cedris"}
_GROUP_LISTS = {"thirty_plus_excluded_groups", "banenafspraak_groups",
                "banenafspraak_groups_when_registered"}
_CONTRACT_LISTS = {"thirty_plus_payroll_contracts", "thirty_plus_flex_contracts",
                   "thirty_plus_total_contracts"}
_CODES = {"fee_on_band_bound": "band", "sw_organisation_method": "method",
          "norms.between_rows": "norm_row"}


_NORM_ROWS = re.compile(r"(\d+) (published|user) rows")


def param_value(name: str, value: Any, lang: str = "en") -> str:
    """A value of the rule data for people, by its parameter's name (``Cited.name``).

    Shares as percentages, lists of codes by their names, the fee scale as
    its bands, levels in their order, codes by their names; ``""`` for a
    value that has no form for people (a text of the rule data itself).

    >>> param_value("max_indirect_share", Decimal("0.80"), "nl")
    '80 %'
    >>> param_value("fee_scale", [[2, 500], [25, 950]], "en")
    'from 2 fte: €500.00, from 25 fte: €950.00'
    """
    if name in _SHARES:
        return show(100 * Fraction(value), "pct.n", lang)
    if name in _GROUP_LISTS:
        return show(value, "group", lang)
    if name in _CONTRACT_LISTS:
        return show(value, "contract", lang)
    if name in _CODES:
        return show(value, _CODES[name], lang)
    if name == "levels_available":
        order = [code for code in ("none", "basistrede", "trede_1", "trede_2", "trede_3")
                 if code in value]
        return show(order, "level", lang)
    if name == "fee_scale":
        return formatting.list_separator(lang).join(
            text("x.fee_row", lang, fte=int(a), fee=int(b)) for a, b in value)
    if name == "norms" and isinstance(value, str):  # "17 published rows", "3 user rows"
        match = _NORM_ROWS.fullmatch(value)
        if match is not None:
            return text(f"x.norm_rows_{match.group(2)}", lang, count=int(match.group(1)))
    if name == "norms.basistrede":
        return ""  # a citation of the norms, not a value
    if isinstance(value, bool | Decimal | int | Fraction):
        return show(value, "", lang)
    return ""


def show(value: Any, kind: str = "", lang: str = "en", *, exact: bool = False) -> str:
    """One value for people, in ``lang``; ``kind`` is a template format (see above).

    >>> show(Fraction(1, 3), "fte", "nl"), show(True, "bool", "nl"), show("ww", "group", "en")
    ('0,3333', 'ja', 'WW (unemployment benefit)')
    >>> show(None, "level", "nl"), show(None, "fte")
    ('niet beoordeeld', '–')
    >>> show("https://www.pso-nederland.nl/news/1419/11/x", "host")
    'pso-nederland.nl'
    """
    if "|" in kind:  # a counted noun: "count|person|persons"
        base, singular, plural = kind.split("|")
        n = int(_exact(value))
        return f"{show(n, base, lang)} {singular if n == 1 else plural}"
    if isinstance(value, Phrase):
        return value.text(lang, exact=exact)
    if _is_notice(value):
        return str(value.text(lang))
    if kind.endswith("+"):
        return " + ".join(show(v, kind[:-1], lang, exact=exact) for v in _items(value))
    if kind == "param":  # names of rule values: fulltime_hours_default, wajong.weight
        return formatting.join((param_name(str(v), lang) for v in _items(value)), lang)
    base, _, places = kind.partition(".")
    if value is None and base == "level":  # a certifiable level without evidence
        return _template("x.not_evaluated", lang)
    if value is None:
        return "–"
    if base in _NAMED:
        return formatting.join((_name(base, v, lang) for v in _items(value)), lang)
    if base == "fte":
        return formatting.fte(_exact(value), lang, exact=exact)
    if base == "host":  # a source's site; the full address is in the rules reference
        host = urllib.parse.urlsplit(str(value)).hostname or str(value)
        return host.removeprefix("www.")
    if base == "pct" and places == "n":  # a rule value: as it is, e.g. 80 %
        text = formatting.number(_exact(value), lang, exact=exact)
        return f"{text} %" if formatting.language(lang) == "nl" else f"{text}%"
    if base == "pct":
        return formatting.percent(_exact(value), lang, exact=exact,
                                  places=int(places) if places else formatting.PERCENT_PLACES)
    if base == "eur":
        return formatting.money(_exact(value), lang, exact=exact)
    if base == "num":  # as it is, or with ``places`` decimals (``num.2``)
        return formatting.number(_exact(value), lang, int(places) if places else None,
                                 exact=exact)
    if base == "count":
        return formatting.count(int(_exact(value)), lang)
    if base == "date":
        return formatting.date(_date(value), lang)
    if base == "iso":  # issue 12: a date as the input writes it
        return _date(value).isoformat()
    if base == "month":  # issue 12: a month's name, by its number
        return formatting.date(dt.date(2000, int(value), 1), lang).split()[1]
    if base == "period":
        return formatting.period(_period(value), lang)
    if base == "bool":
        return _template(f"bool.{str(bool(value)).lower()}", lang)
    if base:
        raise ValueError(f"unknown format {kind!r}")
    return _by_type(value, lang, exact)


def _is_notice(value: Any) -> bool:
    """A :class:`~psoladder.rules.Notice` (this module imports no rule module)."""
    return type(value).__name__ == "Notice" and callable(getattr(value, "text", None))


def _by_type(value: Any, lang: str, exact: bool) -> str:
    if isinstance(value, bool):
        return show(value, "bool", lang)
    if isinstance(value, Phrase):
        return value.text(lang, exact=exact)
    if isinstance(value, enum.Enum) and type(value).__name__ in _PREFIX_BY_TYPE:
        return _name(_PREFIX_BY_TYPE[type(value).__name__], value, lang)
    if isinstance(value, dt.date):
        return formatting.date(value, lang)
    if isinstance(value, DateRange):
        return formatting.period(value, lang)
    if isinstance(value, Decimal | Fraction):
        return formatting.number(value, lang, exact=exact)
    if isinstance(value, tuple | list | frozenset):
        return formatting.join((_by_type(v, lang, exact) for v in _items(value)), lang)
    return str(value)


class _Fill(string.Formatter):
    """Fills a template, showing each field by its format (:func:`show`)."""

    def __init__(self, lang: str, exact: bool) -> None:
        self.lang = lang
        self.exact = exact

    def format_field(self, value: Any, format_spec: str) -> str:
        return show(value, format_spec, self.lang, exact=self.exact)


def text(key: str, lang: str = "en", *, exact: bool = False, **params: Any) -> str:
    """The text ``key`` in ``lang`` (``en`` or ``nl``), with its parameters filled in.

    Args:
        key: The text's key.
        lang: ``en`` or ``nl``.
        exact: Show numbers exactly instead of rounded.
        **params: The values to fill in, of any type (see the module's docs).

    >>> text("after_last_edition", "nl", edition="2.1", verified="2026-11-29")[:46]
    'edities na 2.1 waren niet openbaar gedocumente'
    """
    return _Fill(lang, exact).format(_template(key, lang), **params)


@attrs.frozen
class Phrase:
    """A text of the message table with its parameters, put into words when shown.

    Attributes:
        key: The text's key.
        params: Its parameters, with their types.
    """

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, key: str, /, **params: Any) -> Phrase:
        """The phrase ``key`` with ``params``."""
        return cls(key, tuple(params.items()))

    def text(self, lang: str = "en", *, exact: bool = False) -> str:
        """The phrase in ``lang``."""
        return text(self.key, lang, exact=exact, **dict(self.params))


# ------------------------------------------------------------------ issue 12
# Input problems in the reader's language: a Problem keeps the keys of its
# words (``Problem.words``); these put it together in ``en`` or ``nl``.


def problem(key: str, /, *, hint: str | None = None, field: str | None = None,
            row: int | None = None, file: str | None = None, value: object = None,
            **params: Any) -> Problem:
    """A located input problem whose words are the texts ``key`` (and ``hint``).

    Both texts are filled with ``params``; an input value among them must be
    cut by the caller (:func:`~psoladder.errors.shown`); ``value`` is cut here.

    >>> p = problem("in.cell_too_long", length=1200, most=1000, field="end", row=4)
    >>> print(p)
    row 4, field 'end': the cell is 1,200 characters long, more than psoladder reads (1,000)
    >>> print(problem_text(p, "nl"))
    regel 4, veld 'end': de cel is 1.200 tekens lang, meer dan psoladder leest (1.000)
    """
    return Problem(text(key, "en", **params), field=field, row=row, file=file,
                   value=shown(value), hint=None if hint is None else text(hint, "en", **params),
                   words=Words(key, hint, tuple(params.items())))


def _location(p: Problem, lang: str) -> str:
    parts = []
    if p.file is not None:
        parts.append(p.file if p.file.isprintable() else repr(p.file))
    if p.row is not None:
        parts.append(text("e.row", lang, row=p.row))
    if p.field is not None:
        parts.append(text("e.field", lang, field=repr(p.field)))
    return ", ".join(parts)


def problem_text(p: Problem, lang: str = "en") -> str:
    """One problem as one line in ``lang``, located (English words where it has no keys)."""
    if formatting.language(lang) == "en":
        return str(p)
    if p.words is not None:
        params = dict(p.words.params)
        message = text(p.words.key, lang, **params)
        hint = None if p.words.hint is None else text(p.words.hint, lang, **params)
    else:
        message, hint = p.message, p.hint
    out = message
    if p.value is not None:
        out += " " + text("e.got", lang, value=repr(p.value))
    if hint:
        out += f"; {hint}"
    where = _location(p, lang)
    return f"{where}: {out}" if where else out


def error_text(exc: InputError, lang: str = "en") -> str:
    """Every problem of ``exc``, one a line, in ``lang`` (the command line's error output).

    >>> print(error_text(InputError([problem("in.not_a_number", row=3, value="x")]), "nl"))
    1 probleem in de invoer:
      regel 3: geen getal (gelezen: 'x')
    """
    if formatting.language(lang) == "en":
        return str(exc)
    head = text("e.head", lang, count=len(exc.problems))
    return "\n".join([head, *(f"  {problem_text(p, lang)}" for p in exc.problems)])
