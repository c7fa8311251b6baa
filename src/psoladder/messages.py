"""The texts of warnings and assumptions (:class:`~psoladder.rules.Notice`), in English and Dutch.

Rule code raises a notice by its key and parameters; this table holds the
words, so the computation carries no prose of its own and reports can show a
notice in the reader's language.

>>> text("not_eligible", "nl", total="1.5", minimum="2")
'totaal fte 1,5 is minder dan 2: komt niet in aanmerking voor een PSO-trede'
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["NOTICES", "text"]

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
        "{count} person(s) had concurrent contracts above full time; they count 1.0 fte on "
        "those days (psoladder decision)",
        "{count} persoon/personen hadden tegelijk contracten boven voltijd; zij tellen op die "
        "dagen voor 1,0 fte (keuze van psoladder)"),
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

_DECIMAL = re.compile(r"^-?\d+\.\d+$")
# Parameters that hold quantities (edition numbers such as 2.1 are names, not numbers).
_QUANTITIES = {"total", "minimum", "weight"}


def text(key: str, lang: str = "en", **params: str) -> str:
    """The notice ``key`` in ``lang`` (``en`` or ``nl``), with its parameters filled in.

    In Dutch, quantities get a decimal comma.

    >>> text("edition_unverified", "nl", edition="2.1", verified="2026-11-29")[:16]
    'edities na 2.1 w'
    """
    en, nl = NOTICES[key]
    if lang == "nl":
        params = {k: v.replace(".", ",") if k in _QUANTITIES and _DECIMAL.match(v) else v
                  for k, v in params.items()}
        return nl.format(**params)
    return en.format(**params)
