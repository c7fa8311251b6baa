"""Reports of an :class:`~psoladder.assessment.Assessment`: text, Markdown, HTML and JSON.

Dutch (``nl``, the language of the scheme, with its own terms: trede,
directe/indirecte bijdrage, peiljaar, doelgroep) and English (``en``). A
report leads with the verdict: the computed level, the certifiable level and
one sentence on what separates them. Then the figures, the norms, the gaps
to higher levels, PSO 30+, the qualitative criteria, the side figures, every
assumption and warning and, on request, the explanation step by step.

Every word comes from :mod:`psoladder.messages`, every number goes through
:mod:`psoladder.formatting`, and the three layouts of
:mod:`psoladder.document` render the same blocks, neutralising every string
from the input. Reports only read the assessment; they never compute a rule.

>>> import psoladder
>>> a = psoladder.assess(psoladder.load_example())
>>> print(render(a, "text", lang="en").splitlines()[0])
PSO assessment: Schoonmaakbedrijf De Glansrijke B.V.
>>> print(verdict_sentence(a, "nl"))
Trede 2 berekend; certificeerbaar zodra bewijs voor D003 (functioneren en ontwikkeling) is aangeleverd.
"""

from __future__ import annotations

import json
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal

from psoladder import document, formatting, messages
from psoladder.document import Block
from psoladder.explain import DETAILS, level_bounds_phrase, may_reach_phrase, verdict_phrase
from psoladder.model import Level

if TYPE_CHECKING:
    from psoladder.assessment import Assessment

__all__ = ["FORMATS", "LANGUAGES", "Lang", "level_bounds_sentence", "level_name", "render",
           "sections", "verdict_sentence"]

FORMATS = ("text", "markdown", "html", "json")
LANGUAGES = formatting.LANGUAGES

Lang = Literal["nl", "en"]


def level_name(level: Level, lang: str = "en") -> str:
    """The level's name in ``lang``.

    >>> level_name(Level.NONE, "nl"), level_name(Level.TREDE_3, "en")
    ('geen trede', 'Trede 3')
    """
    return messages.show(level, "level", lang)


def verdict_sentence(a: Assessment, lang: str = "en") -> str:
    """The verdict in one sentence: computed level, certifiable level, what separates them."""
    return verdict_phrase(a).text(lang)


def level_bounds_sentence(a: Assessment, lang: str = "en") -> str | None:
    """The certain and the possible level in one sentence (``None`` when no unknown bears on it).

    >>> import psoladder
    >>> print(level_bounds_sentence(psoladder.assess(psoladder.load_example()), "en"))
    Trede 2 for certain; Trede 3 possible — depends on the unpublished norm for 77 fte (R-LVL-3); supply the official norm table to decide it.
    """
    phrase = level_bounds_phrase(a.level_bounds)
    return None if phrase is None else phrase.text(lang)


def sections(a: Assessment, lang: str = "nl", *, exact: bool = False) -> list[Block]:
    """The report as :class:`~psoladder.document.Block` sections, in ``lang``."""
    def t(key: str, **params: Any) -> str:
        return messages.text(key, lang, exact=exact, **params)

    def show(value: Any, kind: str) -> str:
        return messages.show(value, kind, lang, exact=exact)

    rules = a.rules
    s = a.exact
    v = a.verdict
    out = [Block(t("l.title", name=a.organisation.name), lead=True, rows=(
        (t("l.level"), level_name(v.quantitative, lang)),
        (t("l.certifiable"), t("l.not_evaluated") if v.certifiable is None
         else level_name(v.certifiable, lang)),
    ), lines=(verdict_sentence(a, lang),
              *filter(None, (level_bounds_sentence(a, lang),))))]
    wf = a.workforce
    out.append(Block(t("l.application"), rows=(
        (t("l.eligible", minimum=rules.decimal("min_total_fte").value), show(a.eligible, "bool")),
        (t("l.edition"), a.edition),
        (t("l.application_date"), show(a.application_date, "date")),
        (t("l.peiljaar"), show(a.peiljaar, "period")),
        (t("l.input"), t("l.input_value", persons=wf.person_count, rows=wf.rows_read,
                         purchases=len(a.purchases.purchases))),
    )))
    out.append(Block(t("l.scores"), rows=(
        (t("l.total_fte"), show(a.exact_total_fte, "fte")),
        (t("l.weighted_target_fte"), show(a.exact_weighted, "fte")),
        (t("l.direct_pct"), show(s.direct_pct, "pct")),
        (t("l.indirect_fte"), show(a.exact_indirect_fte, "fte")),
        (t("l.indirect_pct"), show(s.indirect_pct, "pct")),
        (t("l.indirect_counted_pct", share=100 * rules.decimal("max_indirect_share").value),
         show(s.indirect_counted_pct, "pct")),
        (t("l.total_pct"), show(s.total_pct, "pct")),
    )))
    if a.group.shown:  # issue 15: the applicant's whole group
        out.append(_entities(a, lang, exact))
    norm_rows = [(t("l.size"), show(a.size, "count")),
                 (t("l.norm_source"), t("l.norm_row", row=", ".join(map(str, a.norms.rows_used)),
                                        source=a.norms.source))]
    for level in rules.levels:
        norm = a.norms.for_level(level)
        if norm is None:
            norm_rows.append((level_name(level, lang), t("l.unknown")))
            continue
        mark = t("l.reached") if a.level >= level else t("l.not_reached")
        norm_rows.append((level_name(level, lang), t("l.norm_value", norm=norm, mark=mark)))
    out.append(Block(t("l.norms"), rows=tuple(norm_rows)))
    out.append(_gaps(a, lang, exact))
    tp = a.thirty_plus
    awarded = (show(True, "bool") if tp.awarded
               else show(False, "bool") if tp.level_reached else t("l.tp_only_trede3"))
    out.append(Block(t("l.thirty_plus"), rows=(
        (t("l.tp_share", basis=tp.basis),
         t("l.tp_value", share=100 * tp.share, min=100 * Fraction(tp.min_share.value))),
        (t("l.tp_regular"), t("l.tp_value", share=100 * tp.regular_share,
                              min=100 * tp.regular_floor)),
        (t("l.tp_awarded"), awarded),
    )))
    out.append(_qualitative(a, lang))
    out.append(Block(t("l.side_figures"), rows=(
        (t("l.banenafspraak", hours=rules.decimal("banenafspraak_job_hours").value),
         show(a.banenafspraak.jobs, "num")),
        (t("l.fee"), t("l.unknown") if a.annual_fee is None else show(a.annual_fee, "eur")),
    )))
    # issue 12: how the payroll was read (each note names its file) comes first
    notes = tuple(f"{w.rule}: {w.text(lang)}" for w in (*a.reading, *a.warnings))
    out.append(Block(t("l.warnings"), notes=notes,
                     lines=() if notes else (t("l.no_warnings"),)))
    return out


def _entities(a: Assessment, lang: str, exact: bool) -> Block:
    """The group's figures per entity (R-ORG-1)."""
    def t(key: str, **params: Any) -> str:
        return messages.text(key, lang, exact=exact, **params)

    def show(value: Any, kind: str) -> str:
        return messages.show(value, kind, lang, exact=exact)

    rows = tuple(
        (t("l.ent_main", name=f.entity.name) if f.main else f.entity.name, f.entity.kvk,
         show(f.persons, "count"), show(f.exact_total_fte, "fte"), show(f.exact_weighted, "fte"),
         show(f.exact_indirect_fte, "fte"))
        for f in a.group.entities)
    header = (t("l.ent_name"), t("l.ent_kvk"), t("l.ent_persons"), t("l.total_fte"),
              t("l.weighted_target_fte"), t("l.indirect_fte"))
    return Block(t("l.entities"), lines=(t("l.ent_note"),),
                 table=document.Table(header, rows, (False, False, True, True, True, True)))


def _gaps(a: Assessment, lang: str, exact: bool) -> Block:
    def t(key: str, **params: Any) -> str:
        return messages.text(key, lang, exact=exact, **params)

    def fte(value: Any) -> str:
        return (t("l.not_reachable") if value is None
                else messages.show(value, "fte", lang, exact=exact))

    blocks = []
    for g in a.gaps:
        rows = [(t("l.gap_filled"), fte(g.filled_post_fte)),
                (t("l.gap_hired"), fte(g.new_hire_fte))]
        if g.new_hire_size is not None:
            rows.append((t("l.gap_size"), messages.show(g.new_hire_size, "count", lang)))
        rows.append((t("l.gap_indirect"), fte(g.indirect_fte)))
        notes: tuple[str, ...] = ()
        if g.purchase_amount is not None and g.supplier is not None:
            rows.append((t("l.gap_amount", supplier=g.supplier.name),
                         messages.show(g.purchase_amount, "eur", lang, exact=exact)))
            if g.exceeds_supplier_turnover:
                notes = (t("x.gap_exceeds"),)
        title = t("l.gap_title", level=g.level)
        may = may_reach_phrase(a.level_bounds, g.level)
        if may is not None:
            # The gap is under the conservative values; the level may already be reached.
            if a.norm_policy.value == "nearest":
                title = t("l.gap_title_certain", level=g.level)
            notes = (may.text(lang, exact=exact), *notes)
        blocks.append(Block(title, rows=tuple(rows), notes=notes))
    return Block(t("l.gaps"), children=tuple(blocks), lines=() if a.gaps else (t("l.top"),))


def _qualitative(a: Assessment, lang: str) -> Block:
    def t(key: str, **params: Any) -> str:
        return messages.text(key, lang, **params)

    q = a.qualitative
    rows = [(t("l.certifiable"), t("l.not_evaluated") if q.certifiable_level is None
             else level_name(q.certifiable_level, lang))]
    if q.evaluated:
        rows += [(t("l.missing", person=person), messages.show(tuple(c), "criterion", lang))
                 for person, c in q.missing.items()]
    if q.appraisal_share is not None:
        rows.append((t("l.appraisals"), t("l.tp_value", share=100 * q.appraisal_share,
                                          min=100 * q.appraisal_min)))
    if q.aspirant is not None:
        rows.append((t("l.aspirant"),
                     t("l.aspirant_granted", until=q.aspirant.valid_until) if q.aspirant.granted
                     else t("l.aspirant_missing", missing=q.aspirant.missing)))
    return Block(t("l.qualitative"), rows=tuple(rows))


def _footer(lang: str, exact: bool) -> tuple[str, str]:
    return (messages.text("l.exact_note" if exact else "l.rounding", lang),
            messages.text("l.disclaimer", lang))


def render(a: Assessment, fmt: str = "text", *, lang: str = "nl",
           explain: bool | str = False, standalone: bool = True, exact: bool = False) -> str:
    """Render an assessment.

    Args:
        a: The assessment.
        fmt: ``text``, ``markdown``, ``html`` or ``json``.
        lang: ``nl`` or ``en`` (JSON keys are always English; its texts for
            people follow ``lang``).
        explain: Add the explanation: ``True`` or ``"summary"``, or ``"full"``
            for every person outside the target groups too.
        standalone: For HTML, a whole page with its style (else a fragment).
        exact: Show exact values instead of rounded ones.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    language = formatting.language(lang)
    detail = "summary" if explain is True else explain or None
    if detail is not None and detail not in DETAILS:
        raise ValueError(f"unknown explanation detail {explain!r}; use summary or full")
    if fmt == "json":
        return json.dumps(a.to_dict(explanation=detail is not None, lang=language,
                                    detail=detail or "summary"), indent=2, ensure_ascii=False)
    blocks = sections(a, language, exact=exact)
    if detail is not None:
        tree = a.explanation_in(language, detail=detail)
        blocks.append(Block(messages.text("l.explanation", language),
                            children=tuple(tree.blocks(exact=exact))))
    footer = _footer(language, exact)
    if fmt == "text":
        return document.text(blocks, footer)
    if fmt == "markdown":
        return document.markdown(blocks, footer, item_header=(
            messages.text("l.item", language), messages.text("l.value", language)))
    if not standalone:
        return document.html_fragment(blocks, footer)
    return document.html_page(blocks, footer, lang=language, title=blocks[0].title)
