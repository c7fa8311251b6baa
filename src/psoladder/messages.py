"""The words psoladder shows people, in English and Dutch.

Rule code names a text by its key and parameters: warnings and assumptions
(:class:`~psoladder.rules.Notice`), the reasons why days or purchases do not
count, and the steps of the explanation. These tables hold the words, so the
computation carries no prose of its own and every text can be shown in the
reader's language.

>>> text("not_eligible", "nl", total="1.5", minimum="2")
'totaal fte 1,5 is minder dan 2: komt niet in aanmerking voor een PSO-trede'
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["NOTICES", "TEXTS", "text"]

#: key -> (English, Dutch) templates.
NOTICES: Mapping[str, tuple[str, str]] = {
    "edition_unverified": (
        "editions after {edition} were not publicly documented when the rule data was last "
        "verified ({verified}); the values of edition {edition} are used",
        "edities na {edition} waren niet openbaar gedocumenteerd toen de regeldata voor het "
        "laatst zijn gecontroleerd ({verified}); de waarden van editie {edition} worden gebruikt"),
    "peiljaar_default": (
        "no peiljaar given; {peiljaar} is used, the calendar year before the application date",
        "geen peiljaar opgegeven; {peiljaar} wordt gebruikt, het kalenderjaar vóór de "
        "aanvraagdatum"),
    "not_eligible": (
        "total fte {total} is below {minimum}: not eligible for a PSO level",
        "totaal fte {total} is minder dan {minimum}: komt niet in aanmerking voor een "
        "PSO-trede"),
    "person_capped": (
        "{count} person(s) had concurrent contracts above full time; they count {cap} fte on "
        "those days (psoladder decision)",
        "{count} persoon/personen hadden tegelijk contracten boven voltijd; zij tellen op die "
        "dagen voor {cap} fte (keuze van psoladder)"),
    "rows_outside": (
        "{count} employment row(s) have no day in the peiljaar and count 0",
        "{count} dienstverband(en) vallen geheel buiten het peiljaar en tellen voor 0"),
    "purchases_not_counted": (
        "{count} purchase(s) do not count: {details}",
        "{count} inkoop/inkopen tellen niet mee (nummer {indexes}); zie de toelichting"),
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
        "the weight of {group} under edition {edition} is not published; {weight} is used, "
        "which cannot overstate the level (supply the official weight in a rules override to "
        "remove this warning)",
        "de weging van {group} onder editie {edition} is niet gepubliceerd; {weight} wordt "
        "gebruikt, wat het niveau niet kan overschatten (geef de officiële weging op in een "
        "override-bestand om deze waarschuwing op te heffen)"),
    "thirty_plus_fte": (
        "the 30+ share is measured in fte over the peiljaar (psoladder decision; headcount on "
        "the peildatum is an option)",
        "het 30+-aandeel is gemeten in fte over het peiljaar (keuze van psoladder; aantal "
        "personen op de peildatum is een optie)"),
    "thirty_plus_headcount": (
        "the 30+ share is measured in headcount on the peildatum {peildatum} (psoladder "
        "decision; fte over the peiljaar is the default)",
        "het 30+-aandeel is gemeten in aantal personen op de peildatum {peildatum} (keuze van "
        "psoladder; fte over het peiljaar is de standaard)"),
}

#: key -> (English, Dutch) templates of reasons (``r.``, ``p.``), the
#: explanation (``x.``) and the reports (``l.``, ``level.``, ``source.``,
#: ``criterion.``).
TEXTS: Mapping[str, tuple[str, str]] = {
    # why days of an employment row do not count (R-TG, R-CT)
    "r.not_target": ("not in a PSO target group", "valt niet onder de PSO-doelgroep"),
    "r.not_yet": (
        "{group} is not a target group under edition {edition} (a target group from {start} "
        "on, R-TG-15)",
        "{group} is geen doelgroep onder editie {edition} (doelgroep vanaf {start}, R-TG-15)"),
    "r.detached": (
        "an SW-organisation's own SW employee detached out does not count ({rule})",
        "een eigen SW-medewerker die gedetacheerd is telt niet mee ({rule})"),
    "r.until": ("counts up to and including status_until {until} ({rule})",
                "telt tot en met de einddatum {until} ({rule})"),
    "r.years_inflow": (
        "counts {years} years from inflow {anchor}: {window} ({rule}, edition {edition})",
        "telt {years} jaar vanaf instroom {anchor}: {window} ({rule}, editie {edition})"),
    "r.years_school": (
        "counts {years} years from leaving school {anchor}: {window} ({rule}, edition "
        "{edition})",
        "telt {years} jaar vanaf schoolverlaten {anchor}: {window} ({rule}, editie {edition})"),
    "r.placement": (
        "a placement counts at most {years} years from its start {start}: {window} ({rule})",
        "een stage of werkervaringsplaats telt maximaal {years} jaar vanaf de start {start}: "
        "{window} ({rule})"),
    "r.ww": (
        "WW since {since} lasted less than {months} months before inflow {inflow} (needs "
        "inflow on or after {needed}, {rule})",
        "WW sinds {since} duurde korter dan {months} maanden vóór instroom {inflow} (instroom "
        "nodig op of na {needed}, {rule})"),
    "r.status_lost": (
        "status lost {lost}, more than {years} years before inflow {inflow} (latest inflow "
        "{latest}, {rule})",
        "status verloren op {lost}, meer dan {years} jaar vóór instroom {inflow} (uiterlijke "
        "instroom {latest}, {rule})"),
    "r.disabled": (
        "people who became disabled while working for the applicant count from {start} on "
        "({rule})",
        "medewerkers die tijdens hun werk bij de aanvrager arbeidsongeschikt werden tellen "
        "mee vanaf {start} ({rule})"),
    # why a purchase does not count (R-IND)
    "p.outside": ("invoice date {date} lies outside the peiljaar {peiljaar} (R-IND-1)",
                  "factuurdatum {date} valt buiten het peiljaar {peiljaar} (R-IND-1)"),
    "p.certificate": (
        "the supplier's PSO certificate ({valid}) was not valid on the invoice date {date} "
        "(R-IND-6)",
        "het PSO-certificaat van de leverancier ({valid}) was niet geldig op de factuurdatum "
        "{date} (R-IND-6)"),
    # the explanation
    "x.edition": ("Edition of the PSO-Handleiding", "Editie van de PSO-Handleiding"),
    "x.edition_formula": ("application date {date} is on or after {start}",
                          "aanvraagdatum {date} valt op of na {start}"),
    "x.source": ("source", "bron"),
    "x.peiljaar": ("Peiljaar", "Peiljaar"),
    "x.days": ("{days} days", "{days} dagen"),
    "x.peiljaar_given": ("given in the input", "opgegeven in de invoer"),
    "x.peiljaar_default": (
        "not given: the calendar year before the application date (R-FTE-4)",
        "niet opgegeven: het kalenderjaar vóór de aanvraagdatum (R-FTE-4)"),
    "x.total_fte": ("Total fte", "Totaal fte"),
    "x.total_formula": ("sum over {persons} persons ({rows} rows)",
                        "som over {persons} personen ({rows} regels)"),
    "x.absent": ("; {count} of them have no day in the peiljaar and count 0",
                 "; {count} daarvan hebben geen dag in het peiljaar en tellen voor 0"),
    "x.fulltime": ("full-time week", "voltijdweek"),
    "x.hours": ("{hours} hours", "{hours} uur"),
    "x.rows_outside": (
        "{count} row(s) have no day in the peiljaar and count 0: rows {rows}",
        "{count} regel(s) hebben geen dag in het peiljaar en tellen voor 0: regels {rows}"),
    "x.person": ("person {person}", "persoon {person}"),
    "x.summarised": (
        "{rows} row(s) outside the target groups; row details are not kept for a streamed "
        "payroll",
        "{rows} regel(s) buiten de doelgroep; details per regel worden bij een gestreamde "
        "loonadministratie niet bewaard"),
    "x.summarised_capped": ("; capped at {cap} fte on some days",
                            "; op sommige dagen begrensd tot {cap} fte"),
    "x.row_fte": ("row {row}: fte", "regel {row}: fte"),
    # issue #16: a payroll line, told apart from an inline [[employment]] row
    "x.row_in_file": ("{row} of {file}", "{row} van {file}"),
    "x.row_fte_formula": (
        "{hours} h/week / full time x {days} days in the peiljaar / days in the peiljaar "
        "({period})",
        "{hours} uur/week / voltijd x {days} dagen in het peiljaar / dagen van het peiljaar "
        "({period})"),
    "x.excluded": ("left out of total fte: SW employee detached out (R-CT-6)",
                   "telt niet mee in het totaal fte: eigen SW-medewerker gedetacheerd (R-CT-6)"),
    "x.capped": (
        "on {days} days concurrent contracts exceeded full time and were scaled to {cap} fte "
        "(R-FTE-3)",
        "op {days} dagen gingen gelijktijdige contracten boven voltijd en zijn teruggebracht "
        "tot {cap} fte (R-FTE-3)"),
    "x.no_day": ("no day in the peiljaar: counts 0", "geen dag in het peiljaar: telt voor 0"),
    "x.row_weighted": ("row {row}: weighted fte", "regel {row}: gewogen fte"),
    "x.row_weighted_formula": (
        "counted fte {counted} ({days} of {total} days in the counting window) x weight "
        "{weight}",
        "getelde fte {counted} ({days} van {total} dagen binnen de telperiode) x weging "
        "{weight}"),
    "x.window": ("counting window {window}", "telperiode {window}"),
    "x.contract": ("contract", "type contract"),
    "x.target_group": ("target_group", "doelgroep"),
    "x.inflow": ("inflow", "instroom"),
    "x.none": ("none", "geen"),
    "x.weighted": ("Weighted target-group fte", "Gewogen fte doelgroep"),
    "x.weighted_formula": (
        "sum over {count} target-group persons of counted fte x weight of uitgangspositie x "
        "weight of contract type",
        "som over {count} personen uit de doelgroep van getelde fte x weging uitgangspositie "
        "x weging type contract"),
    "x.direct": ("Direct contribution (directe sociale bijdrage), %",
                 "Directe sociale bijdrage, %"),
    "x.indirect_fte": ("Indirect fte (purchases)", "Indirecte fte (inkoop)"),
    "x.no_purchases": ("no purchases", "geen inkoop"),
    "x.purchase": ("purchase {index}: {supplier}", "inkoop {index}: {supplier}"),
    "x.supplier_kind": ("supplier_kind", "soort leverancier"),
    "x.indirect_pct": ("Indirect contribution, %", "Indirecte sociale bijdrage, %"),
    "x.counted": ("Indirect contribution that counts ({cap}% cap), %",
                  "Indirecte bijdrage die telt (max. {cap}%), %"),
    "x.cap_binds": ("the cap binds", "de begrenzing is van toepassing"),
    "x.cap_free": ("the cap does not bind", "de begrenzing is niet van toepassing"),
    "x.total": ("Total score, %", "Totale sociale bijdrage, %"),
    "x.eligible": ("Eligible (at least {minimum} fte)",
                   "Komt in aanmerking (minimaal {minimum} fte)"),
    "x.size": ("Company size (fte, rounded half-up)", "Bedrijfsgrootte (fte, afgerond)"),
    "x.norms": ("Norms for the size, %", "Normen voor de bedrijfsgrootte, %"),
    "x.norm_row": ("row", "rij"),
    "x.how_found": ("how found", "herkomst"),
    "x.norms_nearest": (
        "size {size} has no published row: the nearest published row at or below ({row}) is "
        "used, the stricter norm (R-LVL-3)",
        "voor grootte {size} is geen rij gepubliceerd: de dichtstbijzijnde gepubliceerde rij "
        "eronder ({row}) wordt gebruikt, de strengere norm (R-LVL-3)"),
    "x.norms_interpolated": ("interpolated between rows {low} and {high} (R-LVL-3)",
                             "geïnterpoleerd tussen de rijen {low} en {high} (R-LVL-3)"),
    "x.basistrede": ("Basistrede norms are not published (R-LVL-5)",
                     "de normen van de Basistrede zijn niet gepubliceerd (R-LVL-5)"),
    "x.level": ("Level", "Niveau"),
    "x.level_formula": ("total {total} compared with the norms (>=, unrounded)",
                        "totaal {total} vergeleken met de normen (>=, niet afgerond)"),
    "x.not_eligible": ("not eligible (R-FTE-5)", "komt niet in aanmerking (R-FTE-5)"),
    "x.thirty": ("PSO 30+ reading", "PSO 30+-meting"),
    "x.thirty_formula": (
        "share {share}% >= {min}%; regular-contract share {regular}% >= {floor}%; level "
        "Trede 3: {trede3}",
        "aandeel {share}% >= {min}%; aandeel met regulier dienstverband {regular}% >= "
        "{floor}%; niveau Trede 3: {trede3}"),
    "x.yes": ("yes", "ja"),
    "x.no": ("no", "nee"),
    "x.banen": ("Banenafspraak jobs ({hours} hours)", "Banen banenafspraak ({hours} uur)"),
    "x.banen_formula": ("{count} persons in the doelgroepregister",
                        "{count} personen in het doelgroepregister"),
    "x.gaps": ("Gaps to higher levels", "Afstand tot hogere treden"),
    "x.gap_to": ("to {level}", "naar {level}"),
    "x.gap_filled": ("filled posts, weighted fte", "bestaande formatie, gewogen fte"),
    "x.gap_hired": ("new hires, weighted fte", "nieuwe medewerkers, gewogen fte"),
    "x.gap_size": ("size after the hires", "bedrijfsgrootte daarna"),
    "x.gap_indirect": ("indirect fte by purchasing alone", "indirecte fte alleen via inkoop"),
    "x.gap_amount": ("purchase amount, EUR", "inkoopbedrag, EUR"),
    "x.gap_supplier": ("at supplier", "bij leverancier"),
    "x.none_given": ("none given", "niet opgegeven"),
    "x.not_reachable": ("not reachable this way", "niet haalbaar via deze route"),
    "x.fee": ("Annual PSO contribution, EUR", "Jaarbijdrage PSO, EUR"),
    "x.no_fee": ("no fee scale is known for this date",
                 "voor deze datum is geen staffel bekend"),
    "x.qualitative": ("Certifiable level (qualitative criteria)",
                      "Certificeerbaar niveau (kwalitatieve criteria)"),
    "x.qual_missing": ("{person}: {criteria} not shown", "{person}: {criteria} niet aangetoond"),
    "x.no_evidence": ("no evidence recorded", "geen bewijs vastgelegd"),
    "x.more": ("... {count} more (see the JSON output for all)",
               "... nog {count} (zie de JSON-uitvoer voor alles)"),
    "x.rule_data": ("rule data", "regeldata"),
    "x.note": ("note", "toelichting"),
    # report labels (``l.``), level names (``level.``), how norms were found
    # (``source.``) and the qualitative criteria (``criterion.``)
    "l.title": ('PSO assessment',
               'PSO-beoordeling'),
    "l.edition": ('Edition of the PSO-Handleiding',
               'Editie PSO-Handleiding'),
    "l.application_date": ('Application date',
               'Aanvraagdatum'),
    "l.peiljaar": ('Peiljaar (reference year)',
               'Peiljaar'),
    "l.level": ('Level',
               'Niveau'),
    "l.eligible": ('Eligible (at least {min_fte} fte)',
               'Komt in aanmerking (minimaal {min_fte} fte)'),
    "l.scores": ('Social contribution',
               'Sociale bijdrage'),
    "l.total_fte": ('Total fte',
               'Totaal fte'),
    "l.weighted_target_fte": ('Weighted target-group fte',
               'Gewogen fte doelgroep'),
    "l.direct_pct": ('Direct contribution',
               'Directe bijdrage'),
    "l.indirect_fte": ('Indirect fte (purchases)',
               'Indirecte fte (inkoop)'),
    "l.indirect_pct": ('Indirect contribution',
               'Indirecte bijdrage'),
    "l.indirect_counted_pct": ('Indirect contribution counted ({cap}% cap)',
               'Indirecte bijdrage die telt (max. {cap}%)'),
    "l.total_pct": ('Total score',
               'Totale sociale bijdrage'),
    "l.norms": ('Norms',
               'Normen'),
    "l.size": ('Company size (fte)',
               'Bedrijfsgrootte (fte)'),
    "l.norm_source": ('How the norms were found',
               'Herkomst normen'),
    "l.reached": ('reached',
               'behaald'),
    "l.not_reached": ('not reached',
               'niet behaald'),
    "l.unknown": ('unknown',
               'onbekend'),
    "l.gaps": ('Gaps to higher levels',
               'Afstand tot hogere treden'),
    "l.gap_filled": ('Extra weighted target fte (filling existing posts)',
               'Extra gewogen fte doelgroep (bestaande formatie)'),
    "l.gap_hired": ('Extra weighted target fte (new hires)',
               'Extra gewogen fte doelgroep (nieuwe medewerkers)'),
    "l.gap_size": ('Company size after hiring',
               'Bedrijfsgrootte daarna'),
    "l.gap_indirect": ('Extra indirect fte (purchasing only)',
               'Extra indirecte fte (alleen inkoop)'),
    "l.gap_amount": ('Extra purchases (EUR)',
               'Extra inkoop (EUR)'),
    "l.not_reachable": ('not reachable this way',
               'niet haalbaar via deze route'),
    "l.top": ('The highest level is reached.',
               'Het hoogste niveau is bereikt.'),
    "l.thirty_plus": ('PSO 30+',
               'PSO 30+'),
    "l.tp_share": ('Share of the 30+ target group',
               'Aandeel 30+-doelgroep'),
    "l.tp_regular": ('Share on a regular contract',
               'Aandeel met regulier dienstverband'),
    "l.tp_awarded": ('PSO 30+ awarded',
               'PSO 30+ behaald'),
    "l.banenafspraak": ('Banenafspraak (jobs of {job_hours} hours)',
               'Banenafspraak (banen van {job_hours} uur)'),
    "l.fee": ('Annual PSO contribution (EUR)',
               'Jaarbijdrage PSO (EUR)'),
    "l.side_figures": ('Banenafspraak and annual fee',
               'Banenafspraak en jaarbijdrage'),
    "l.qualitative": ('Qualitative criteria',
               'Kwalitatieve criteria'),
    "l.certifiable": ('Certifiable level',
               'Certificeerbaar niveau'),
    "l.not_evaluated": ('not evaluated (no evidence recorded)',
               'niet beoordeeld (geen bewijs vastgelegd)'),
    "l.missing": ('Missing',
               'Ontbreekt'),
    "l.warnings": ('Assumptions and warnings',
               'Aannames en waarschuwingen'),
    "l.explanation": ('Explanation, step by step',
               'Toelichting per stap'),
    "l.yes": ('yes',
               'ja'),
    "l.no": ('no',
               'nee'),
    "l.disclaimer": ('Computed with psoladder; does not replace the audit by a certification body.',
               'Berekend met psoladder; vervangt de audit door een certificerende instelling niet.'),
    "level.none": ('no level', 'geen trede'),
    "level.basistrede": ('Basistrede', 'Basistrede'),
    "level.trede_1": ('Trede 1', 'Trede 1'),
    "level.trede_2": ('Trede 2', 'Trede 2'),
    "level.trede_3": ('Trede 3', 'Trede 3'),
    "source.published_row": ('published row',
                 'gepubliceerde rij'),
    "source.nearest_published_row": ('nearest published row below (stricter)',
                 'dichtstbijzijnde gepubliceerde rij eronder (strenger)'),
    "source.interpolated": ('interpolated',
                 'geïnterpoleerd'),
    "source.user_table": ('user table',
                 'tabel van de gebruiker'),
    "criterion.suitable_work": ('suitable work', 'passend werk'),
    "criterion.integration": ('integration', 'integratie'),
    "criterion.development": ('functioning and development', 'functioneren en ontwikkeling'),
    "criterion.guidance": ('guidance', 'begeleiding'),
}

_DECIMAL = re.compile(r"^-?\d+\.\d+$")
# Parameters that hold quantities (edition numbers such as 2.1 are names, not numbers).
_QUANTITIES = {"total", "minimum", "weight", "cap"}


def text(key: str, lang: str = "en", **params: str) -> str:
    """The notice ``key`` in ``lang`` (``en`` or ``nl``), with its parameters filled in.

    In Dutch, quantities get a decimal comma.

    >>> text("edition_unverified", "nl", edition="2.1", verified="2026-11-29")[:16]
    'edities na 2.1 w'
    """
    en, nl = NOTICES[key] if key in NOTICES else TEXTS[key]
    if lang == "nl":
        params = {k: v.replace(".", ",") if k in _QUANTITIES and _DECIMAL.match(v) else v
                  for k, v in params.items()}
        return nl.format(**params)
    return en.format(**params)
