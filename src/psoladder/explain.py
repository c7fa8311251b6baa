"""The explanation tree: every figure of an assessment with its rule and source.

An :class:`Explanation` is a tree of :class:`Step` objects. Each step names
the figure it produces (``figure``, the attribute of the
:class:`~psoladder.assessment.Assessment`), the rule id, a plain description,
the formula with the numbers filled in, its inputs, the rule-data values used
(each with the date it applies from and its source URL), and child steps
(per person, per row, per purchase). It renders as indented text
(:meth:`Explanation.render`) and as JSON (:meth:`Explanation.to_dict`).

The tree is built by reading a finished assessment; it never recomputes a
rule.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from psoladder import messages
from psoladder.numbers import as_decimal, display
from psoladder.rules import Cited, Notice

if TYPE_CHECKING:
    from psoladder.assessment import Assessment
    from psoladder.fte import PersonFte

__all__ = ["Explanation", "Step", "explain"]


@attrs.frozen
class Step:
    """One step of a computation.

    Attributes:
        rule: The rule id (``R-...``).
        title: What the step computes, in plain words.
        value: The result, as exact text (decimals as strings).
        figure: The assessment attribute this step produces, if any.
        formula: The computation with its numbers filled in.
        inputs: Named input values, as text.
        cited: The rule-data values used.
        notes: Why something did or did not count.
        children: Sub-steps.
    """

    rule: str
    title: str
    value: str
    figure: str | None = None
    formula: str = ""
    inputs: tuple[tuple[str, str], ...] = ()
    cited: tuple[Cited[Any], ...] = ()
    notes: tuple[str, ...] = ()
    children: tuple[Step, ...] = ()

    def walk(self) -> Iterator[Step]:
        """This step and every step below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    def render(self, depth: int = 0, *, max_children: int | None = 50,
               lang: str = "en") -> list[str]:
        """Indented text lines (the labels ``note`` and ``rule data`` in ``lang``)."""
        pad = "  " * depth
        note = messages.text("x.note", lang)
        cited = messages.text("x.rule_data", lang)
        lines = [f"{pad}{self.title}: {self.value}  [{self.rule}]"]
        if self.formula:
            lines.append(f"{pad}    = {self.formula}")
        lines.extend(f"{pad}    {name}: {value}" for name, value in self.inputs)
        lines.extend(f"{pad}    {note}: {text}" for text in self.notes)
        lines.extend(f"{pad}    {cited}: {c.citation()}" for c in self.cited)
        shown = self.children if max_children is None else self.children[:max_children]
        for child in shown:
            lines.extend(child.render(depth + 1, max_children=max_children, lang=lang))
        if len(shown) < len(self.children):
            more = messages.text("x.more", lang, count=str(len(self.children) - len(shown)))
            lines.append(f"{pad}  {more}")
        return lines

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        out: dict[str, Any] = {"rule": self.rule, "title": self.title, "value": self.value}
        if self.figure:
            out["figure"] = self.figure
        if self.formula:
            out["formula"] = self.formula
        if self.inputs:
            out["inputs"] = dict(self.inputs)
        if self.notes:
            out["notes"] = list(self.notes)
        if self.cited:
            out["rule_data"] = [c.to_dict() for c in self.cited]
        if self.children:
            out["steps"] = [c.to_dict() for c in self.children]
        return out


@attrs.frozen
class Explanation:
    """The explanation of an assessment: its steps, in the order of the flow.

    Attributes:
        steps: The top-level steps.
        lang: The language of its texts (``en`` or ``nl``).
    """

    steps: tuple[Step, ...]
    lang: str = "en"

    def step(self, figure: str) -> Step:
        """The step that produces ``figure`` (an assessment attribute)."""
        for top in self.steps:
            for s in top.walk():
                if s.figure == figure:
                    return s
        raise KeyError(f"no step produces {figure!r}")

    def figures(self) -> dict[str, str]:
        """Figure name -> value, for every step that produces a figure."""
        return {s.figure: s.value for top in self.steps for s in top.walk() if s.figure}

    def render(self, *, max_children: int | None = 50) -> str:
        """The tree as indented text."""
        lines: list[str] = []
        for s in self.steps:
            lines.extend(s.render(max_children=max_children, lang=self.lang))
        return "\n".join(lines)

    def to_dict(self) -> list[dict[str, Any]]:
        """JSON-ready form: a list of step trees."""
        return [s.to_dict() for s in self.steps]

    def __str__(self) -> str:
        return self.render()

    def _repr_markdown_(self) -> str:
        return "```text\n" + self.render() + "\n```"

    def _repr_html_(self) -> str:
        return f'<pre class="psoladder-explanation">{html.escape(self.render())}</pre>'


def _d(value: Any) -> str:
    return str(as_decimal(value))


class _Words:
    """The explanation's texts in one language (:mod:`psoladder.messages`)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str, **params: object) -> str:
        return messages.text(f"x.{key}", self.lang, **{k: str(v) for k, v in params.items()})

    def notes(self, notices: Iterable[Notice]) -> tuple[str, ...]:
        return tuple(n.text(self.lang) for n in notices)

    def or_not(self, value: object) -> str:
        return self("not_reachable") if value is None else str(value)


def _ref(row: int, source: str | None, t: _Words) -> str:
    """A row reference that tells payroll lines from the organisation's own rows (#16)."""
    return str(row) if source is None else t("row_in_file", row=row, file=source)


def _person_step(person: PersonFte, weighted: bool, t: _Words, cap: object) -> Step:
    rows = []
    for p in person.periods:
        e = p.employment
        c = p.counting
        notes: list[str] = []
        if weighted:
            value = _d(p.weighted_fte)
            title = t("row_weighted", row=_ref(p.row, p.source, t))
            formula = t("row_weighted_formula", counted=display(p.counted_fte, 6),
                        days=p.counted_days, total=p.days, weight=display(c.weight))
            notes.extend(t.notes(c.reasons))
            if c.window is not None:
                notes.append(t("window", window=c.window))
            rule = c.target_weight.rule if c.target_weight is not None else "R-TG-0"
            cited = c.cited
        else:
            value = _d(p.fte)
            title = t("row_fte", row=_ref(p.row, p.source, t))
            end = e.end.isoformat() if e.end else "open"
            formula = t("row_fte_formula", hours=e.hours_per_week, days=p.days,
                        period=f"{e.start.isoformat()}..{end}")
            if p.excluded:
                notes.append(t("excluded"))
            if p.capped_days:
                notes.append(t("capped", days=p.capped_days, cap=cap))
            if p.days == 0:
                notes.append(t("no_day"))
            rule = "R-FTE-3"
            cited = ()
        rows.append(Step(rule=rule, title=title, value=value, formula=formula,
                         inputs=((t("contract"), e.contract.value),
                                 (t("target_group"), e.target_group.value if e.target_group
                                  else t("none")),
                                 (t("inflow"), p.inflow.isoformat())),
                         cited=cited, notes=tuple(notes)))
    total = person.weighted_fte if weighted else person.fte
    if person.summarised:
        return Step(rule="R-FTE-3", title=t("person", person=person.person), value=_d(total),
                    formula=t("summarised", rows=person.rows)
                    + (t("summarised_capped", cap=cap) if person.capped else ""))
    return Step(rule="R-TG-0" if weighted else "R-FTE-3",
                title=t("person", person=person.person), value=_d(total),
                formula=" + ".join(s.value for s in rows), children=tuple(rows))


def explain(a: Assessment, lang: str = "en") -> Explanation:
    """Build the explanation of a finished assessment, in ``lang`` (``en`` or ``nl``).

    Values stay the same in both languages (decimals, codes); titles,
    formulas and notes are in the language asked for.
    """
    t = _Words(lang)
    rules = a.rules
    wf = a.workforce
    s = a.exact
    cap = rules.decimal("person_fte_cap").value
    steps: list[Step] = []
    steps.append(Step(
        rule="R-ED-1", title=t("edition"), value=a.edition, figure="edition",
        formula=t("edition_formula", date=a.application_date.isoformat(),
                  start=rules.edition.applies_from.isoformat()),
        notes=tuple(f"{n.rule}: {n.text(lang)}" for n in rules.notices()),
        inputs=((t("source"), rules.edition.source),)))
    steps.append(Step(
        rule="R-FTE-4", title=t("peiljaar"), value=str(wf.peiljaar), figure="peiljaar",
        formula=t("days", days=wf.peiljaar.days),
        notes=(t("peiljaar_given") if a.organisation.peiljaar is not None
               else t("peiljaar_default"),)))
    outside = wf.rows_outside
    steps.append(Step(
        rule="R-FTE-6", title=t("total_fte"), value=_d(a.exact_total_fte), figure="total_fte",
        formula=t("total_formula", persons=wf.person_count, rows=wf.rows_read)
        + (t("absent", count=wf.absent_persons) if wf.absent_persons else ""),
        inputs=((t("fulltime"), t("hours", hours=wf.fulltime_hours.value)),),
        cited=wf.cited,
        notes=(t("rows_outside", count=len(outside),
                 rows=", ".join(_ref(n, src, t) for n, src in
                                zip(outside[:20], wf.rows_outside_sources[:20], strict=False))
                 + (" ..." if len(outside) > 20 else "")),)
        if outside else (),
        children=tuple(_person_step(p, False, t, cap) for p in wf.persons)))
    target = [p for p in wf.persons if any(q.employment.target_group for q in p.periods)]
    steps.append(Step(
        rule="R-TG-0", title=t("weighted"), value=_d(a.exact_weighted),
        figure="weighted_target_fte", formula=t("weighted_formula", count=len(target)),
        children=tuple(_person_step(p, True, t, cap) for p in target)))
    steps.append(Step(
        rule="R-DIR-2", title=t("direct"), value=_d(s.direct_pct), figure="direct_pct",
        formula=f"100 x {display(a.exact_weighted, 6)} / {display(a.exact_total_fte, 6)}"))
    steps.append(Step(
        rule="R-IND-2", title=t("indirect_fte"), value=_d(a.exact_indirect_fte),
        figure="indirect_fte",
        formula=" + ".join(_d(p.counted_fte) for p in a.purchases.purchases)
        or t("no_purchases"),
        children=tuple(
            Step(rule="R-IND-2" if p.counted else "R-IND-6",
                 title=t("purchase", index=p.index, supplier=p.purchase.supplier),
                 value=_d(p.counted_fte),
                 formula=(f"{p.purchase.amount} / {p.purchase.supplier_turnover} x "
                          f"{p.purchase.supplier_fte} fte x {p.purchase.supplier_direct_pct} / 100"),
                 inputs=((t("supplier_kind"), p.purchase.supplier_kind.value),),
                 notes=t.notes([p.reason]) if p.reason else ())
            for p in a.purchases.purchases)))
    steps.append(Step(
        rule="R-IND-3", title=t("indirect_pct"), value=_d(s.indirect_pct),
        figure="indirect_pct",
        formula=f"100 x {display(a.exact_indirect_fte, 6)} / ({display(a.exact_total_fte, 6)} "
                f"+ {display(a.exact_indirect_fte, 6)})"))
    share = rules.decimal("max_indirect_share")
    steps.append(Step(
        rule="R-IND-4", title=t("counted", cap=display(100 * share.value)),
        value=_d(s.indirect_counted_pct), figure="indirect_counted_pct",
        formula=f"min({display(s.indirect_pct)}, {display(a.cap_factor)} x "
                f"{display(s.direct_pct)})",
        notes=(t("cap_binds") if s.indirect_counted_pct < s.indirect_pct else t("cap_free"),),
        cited=(share,)))
    steps.append(Step(
        rule="R-LVL-1", title=t("total"), value=_d(s.total_pct), figure="total_pct",
        formula=f"{display(s.direct_pct)} + {display(s.indirect_counted_pct)}"))
    minimum = rules.decimal("min_total_fte")
    steps.append(Step(
        rule="R-FTE-5", title=t("eligible", minimum=minimum.value),
        value=str(a.eligible).lower(), figure="eligible",
        formula=f"{display(a.exact_total_fte)} >= {minimum.value}", cited=(minimum,)))
    steps.append(Step(
        rule="R-SIZE-2", title=t("size"), value=str(a.size),
        figure="size", formula=f"round({display(a.exact_total_fte)})"))
    n = a.norms
    norm_notes = []
    if n.source.value == "nearest_published_row":
        norm_notes.append(t("norms_nearest", size=n.row_size, row=n.rows_used[0]))
    elif n.source.value == "interpolated":
        norm_notes.append(t("norms_interpolated", low=n.rows_used[0], high=n.rows_used[1]))
    if n.basistrede_unknown:
        norm_notes.append(t("basistrede"))
    steps.append(Step(
        rule="R-LVL-2", title=t("norms"), figure="norms",
        value=", ".join(f"{lv.value} {_d(v)}" for lv, v in sorted(n.exact.items())),
        inputs=((t("norm_row"), str(n.row_size)), (t("how_found"), n.source.value)),
        cited=tuple(c for c in (n.citation, n.basistrede_citation) if c is not None),
        notes=tuple(norm_notes)))
    steps.append(Step(
        rule="R-LVL-5", title=t("level"), value=a.level.value, figure="level",
        formula=(t("level_formula", total=display(s.total_pct)) if a.eligible
                 else t("not_eligible"))))
    tp = a.thirty_plus
    steps.append(Step(
        rule="R-30-1", title=t("thirty"), value="awarded" if tp.awarded else "not awarded",
        figure="thirty_plus",
        formula=t("thirty_formula", share=display(100 * tp.share),
                  min=display(100 * tp.min_share.value), regular=display(100 * tp.regular_share),
                  floor=display(100 * tp.regular_floor),
                  trede3=t("yes") if tp.level_reached else t("no")),
        cited=tp.cited, notes=tuple(f"{x.rule}: {x.text(lang)}" for x in tp.notices)))
    ba = a.banenafspraak
    steps.append(Step(
        rule="R-BA-1", title=t("banen", hours=ba.job_hours.value), value=_d(ba.jobs),
        figure="banenafspraak", formula=t("banen_formula", count=len(ba.persons)),
        cited=ba.cited))
    gap_steps = tuple(
        Step(rule="R-GAP-1", title=t("gap_to", level=g.level.value),
             value="reachable" if any(v is not None for v in (
                 g.filled_post_fte, g.new_hire_fte, g.indirect_fte)) else "not reachable",
             inputs=((t("gap_filled"), t.or_not(g.filled_post_fte)),
                     (t("gap_hired"), t.or_not(g.new_hire_fte)),
                     (t("gap_size"), t.or_not(g.new_hire_size)),
                     (t("gap_indirect"), t.or_not(g.indirect_fte)),
                     (t("gap_amount"), t.or_not(g.purchase_amount)),
                     (t("gap_supplier"), g.supplier.name if g.supplier else t("none_given"))))
        for g in a.gaps)
    steps.append(Step(rule="R-GAP-1", title=t("gaps"), value=str(len(a.gaps)), figure="gaps",
                      children=gap_steps))
    fee = rules.parameters.get("fee_scale")
    steps.append(Step(
        rule="R-FEE-1", title=t("fee"),
        value="unknown" if a.annual_fee is None else str(a.annual_fee), figure="annual_fee",
        cited=(fee,) if fee is not None else (),
        notes=() if fee is not None else (t("no_fee"),)))
    q = a.qualitative
    steps.append(Step(
        rule="R-QUAL-4", title=t("qualitative"),
        value="not evaluated" if q.certifiable_level is None else q.certifiable_level.value,
        figure="qualitative",
        notes=tuple(t("qual_missing", person=person, criteria=", ".join(c))
                    for person, c in q.missing.items())
        if q.evaluated else (t("no_evidence"),)))
    return Explanation(tuple(steps), lang)
