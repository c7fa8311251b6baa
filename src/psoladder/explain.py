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
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from psoladder.numbers import as_decimal, display
from psoladder.rules import Cited

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

    def render(self, depth: int = 0, *, max_children: int | None = 50) -> list[str]:
        """Indented text lines."""
        pad = "  " * depth
        head = f"{pad}{self.title}: {self.value}  [{self.rule}]"
        lines = [head]
        if self.formula:
            lines.append(f"{pad}    = {self.formula}")
        lines.extend(f"{pad}    {name}: {value}" for name, value in self.inputs)
        lines.extend(f"{pad}    note: {note}" for note in self.notes)
        lines.extend(f"{pad}    rule data: {c.citation()}" for c in self.cited)
        shown = self.children if max_children is None else self.children[:max_children]
        for child in shown:
            lines.extend(child.render(depth + 1, max_children=max_children))
        if len(shown) < len(self.children):
            lines.append(f"{pad}  ... {len(self.children) - len(shown)} more "
                         "(see the JSON output for all)")
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
    """

    steps: tuple[Step, ...]

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
            lines.extend(s.render(max_children=max_children))
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


def _or_not(value: object) -> str:
    return "not reachable this way" if value is None else str(value)


def _d(value: Any) -> str:
    return str(as_decimal(value))


def _person_step(person: PersonFte, weighted: bool) -> Step:
    rows = []
    for p in person.periods:
        e = p.employment
        c = p.counting
        if weighted:
            value = _d(p.weighted_fte)
            title = f"row {p.row}: weighted fte"
            formula = (f"counted fte {display(p.counted_fte, 6)} "
                       f"({p.counted_days} of {p.days} days in the counting window) "
                       f"x weight {display(c.weight)}")
            notes = [*c.reasons]
            if c.window is not None:
                notes.append(f"counting window {c.window}")
            rule = c.target_weight.rule if c.target_weight is not None else "R-TG-0"
            cited = c.cited
        else:
            value = _d(p.fte)
            title = f"row {p.row}: fte"
            end = e.end.isoformat() if e.end else "open"
            formula = (f"{e.hours_per_week} h/week / full time x {p.days} days in the "
                       f"peiljaar / days in the peiljaar ({e.start.isoformat()}..{end})")
            notes = []
            if p.excluded:
                notes.append("left out of total fte: SW employee detached out (R-CT-6)")
            if p.capped_days:
                notes.append(f"on {p.capped_days} days concurrent contracts exceeded full "
                             "time and were scaled to 1.0 fte (R-FTE-3)")
            if p.days == 0:
                notes.append("no day in the peiljaar: counts 0")
            rule = "R-FTE-3"
            cited = ()
        rows.append(Step(rule=rule, title=title, value=value, formula=formula,
                         inputs=(("contract", e.contract.value),
                                 ("target_group", e.target_group.value if e.target_group
                                  else "none"),
                                 ("inflow", p.inflow.isoformat())),
                         cited=cited, notes=tuple(notes)))
    total = person.weighted_fte if weighted else person.fte
    if person.summarised:
        return Step(rule="R-FTE-3", title=f"person {person.person}", value=_d(total),
                    formula=f"{person.rows} row(s) outside the target groups; row details are "
                    "not kept for a streamed payroll"
                    + ("; capped at 1.0 fte on some days" if person.capped else ""))
    return Step(rule="R-TG-0" if weighted else "R-FTE-3",
                title=f"person {person.person}", value=_d(total),
                formula=" + ".join(s.value for s in rows), children=tuple(rows))


def explain(a: Assessment) -> Explanation:
    """Build the explanation of a finished assessment."""
    rules = a.rules
    wf = a.workforce
    s = a.exact
    steps: list[Step] = []
    steps.append(Step(
        rule="R-ED-1", title="Edition of the PSO-Handleiding", value=a.edition, figure="edition",
        formula=f"application date {a.application_date.isoformat()} is on or after "
                f"{rules.edition.applies_from.isoformat()}",
        notes=tuple(str(n) for n in rules.notices()),
        inputs=(("source", rules.edition.source),)))
    steps.append(Step(
        rule="R-FTE-4", title="Peiljaar", value=str(wf.peiljaar), figure="peiljaar",
        formula=f"{wf.peiljaar.days} days", notes=a.peiljaar_note))
    steps.append(Step(
        rule="R-FTE-6", title="Total fte", value=_d(a.exact_total_fte), figure="total_fte",
        formula=f"sum over {wf.person_count} persons ({wf.rows_read} rows)"
        + (f"; {wf.absent_persons} of them have no day in the peiljaar and count 0"
           if wf.absent_persons else ""),
        inputs=(("full-time week", f"{wf.fulltime_hours.value} hours"),),
        cited=wf.cited,
        notes=(f"{len(wf.rows_outside)} row(s) have no day in the peiljaar and count 0: rows "
               + ", ".join(map(str, wf.rows_outside[:20]))
               + (" ..." if len(wf.rows_outside) > 20 else ""),) if wf.rows_outside else (),
        children=tuple(_person_step(p, False) for p in wf.persons)))
    target = [p for p in wf.persons if any(q.employment.target_group for q in p.periods)]
    steps.append(Step(
        rule="R-TG-0", title="Weighted target-group fte", value=_d(a.exact_weighted),
        figure="weighted_target_fte",
        formula=f"sum over {len(target)} target-group persons of counted fte x weight of "
                "uitgangspositie x weight of contract type",
        children=tuple(_person_step(p, True) for p in target)))
    steps.append(Step(
        rule="R-DIR-2", title="Direct contribution (directe sociale bijdrage), %",
        value=_d(s.direct_pct), figure="direct_pct",
        formula=f"100 x {display(a.exact_weighted, 6)} / {display(a.exact_total_fte, 6)}"))
    steps.append(Step(
        rule="R-IND-2", title="Indirect fte (purchases)", value=_d(a.exact_indirect_fte),
        figure="indirect_fte",
        formula=" + ".join(_d(p.counted_fte) for p in a.purchases.purchases) or "no purchases",
        children=tuple(
            Step(rule="R-IND-2" if p.counted else "R-IND-6",
                 title=f"purchase {p.index}: {p.purchase.supplier}", value=_d(p.counted_fte),
                 formula=(f"{p.purchase.amount} / {p.purchase.supplier_turnover} x "
                          f"{p.purchase.supplier_fte} fte x {p.purchase.supplier_direct_pct} / 100"),
                 inputs=(("supplier_kind", p.purchase.supplier_kind.value),),
                 notes=(p.reason,) if p.reason else ())
            for p in a.purchases.purchases)))
    steps.append(Step(
        rule="R-IND-3", title="Indirect contribution, %", value=_d(s.indirect_pct),
        figure="indirect_pct",
        formula=f"100 x {display(a.exact_indirect_fte, 6)} / ({display(a.exact_total_fte, 6)} "
                f"+ {display(a.exact_indirect_fte, 6)})"))
    share = rules.decimal("max_indirect_share")
    steps.append(Step(
        rule="R-IND-4",
        title=f"Indirect contribution that counts ({display(100 * share.value)}% cap), %",
        value=_d(s.indirect_counted_pct), figure="indirect_counted_pct",
        formula=f"min({display(s.indirect_pct)}, {display(a.cap_factor)} x "
                f"{display(s.direct_pct)})",
        notes=("the cap binds" if s.indirect_counted_pct < s.indirect_pct else
               "the cap does not bind",),
        cited=(share,)))
    steps.append(Step(
        rule="R-LVL-1", title="Total score, %", value=_d(s.total_pct), figure="total_pct",
        formula=f"{display(s.direct_pct)} + {display(s.indirect_counted_pct)}"))
    minimum = rules.decimal("min_total_fte")
    steps.append(Step(
        rule="R-FTE-5", title=f"Eligible (at least {minimum.value} fte)",
        value=str(a.eligible).lower(),
        figure="eligible",
        formula=f"{display(a.exact_total_fte)} >= {minimum.value}", cited=(minimum,)))
    steps.append(Step(
        rule="R-SIZE-2", title="Company size (fte, rounded half-up)", value=str(a.size),
        figure="size", formula=f"round({display(a.exact_total_fte)})"))
    n = a.norms
    norm_notes = []
    if n.source.value == "nearest_published_row":
        norm_notes.append(f"size {n.row_size} has no published row: the nearest published row "
                          f"at or below ({n.rows_used[0]}) is used, the stricter norm (R-LVL-3)")
    elif n.source.value == "interpolated":
        norm_notes.append(f"interpolated between rows {n.rows_used[0]} and {n.rows_used[1]} "
                          "(R-LVL-3)")
    if n.basistrede_unknown:
        norm_notes.append("Basistrede norms are not published (R-LVL-5)")
    steps.append(Step(
        rule="R-LVL-2", title="Norms for the size, %", figure="norms",
        value=", ".join(f"{lv.value} {_d(v)}" for lv, v in sorted(n.exact.items())),
        inputs=(("row", str(n.row_size)), ("how found", n.source.value)),
        cited=tuple(c for c in (n.citation, n.basistrede_citation) if c is not None),
        notes=tuple(norm_notes)))
    steps.append(Step(
        rule="R-LVL-5", title="Level", value=a.level.value, figure="level",
        formula=(f"total {display(s.total_pct)} compared with the norms (>=, unrounded)"
                 if a.eligible else "not eligible (R-FTE-5)")))
    tp = a.thirty_plus
    steps.append(Step(
        rule="R-30-1", title="PSO 30+ reading", value="awarded" if tp.awarded else "not awarded",
        figure="thirty_plus",
        formula=f"share {display(100 * tp.share)}% >= {display(100 * tp.min_share.value)}%; "
                f"regular-contract share {display(100 * tp.regular_share)}% >= "
                f"{display(100 * tp.regular_floor)}%; level Trede 3: "
                f"{'yes' if tp.level_reached else 'no'}",
        cited=tp.cited, notes=tuple(str(x) for x in tp.notices)))
    ba = a.banenafspraak
    steps.append(Step(
        rule="R-BA-1", title=f"Banenafspraak jobs ({ba.job_hours.value} hours)",
        value=_d(ba.jobs),
        figure="banenafspraak", formula=f"{len(ba.persons)} persons in the doelgroepregister",
        cited=ba.cited))
    gap_steps = tuple(
        Step(rule="R-GAP-1", title=f"to {g.level.value}",
             value="reachable" if any(v is not None for v in (
                 g.filled_post_fte, g.new_hire_fte, g.indirect_fte)) else "not reachable",
             inputs=(("filled posts, weighted fte", _or_not(g.filled_post_fte)),
                     ("new hires, weighted fte", _or_not(g.new_hire_fte)),
                     ("size after the hires", _or_not(g.new_hire_size)),
                     ("indirect fte by purchasing alone", _or_not(g.indirect_fte)),
                     ("purchase amount, EUR", _or_not(g.purchase_amount)),
                     ("at supplier", g.supplier.name if g.supplier else "none given")))
        for g in a.gaps)
    steps.append(Step(rule="R-GAP-1", title="Gaps to higher levels",
                      value=f"{len(a.gaps)} higher level(s)", figure="gaps",
                      children=gap_steps))
    fee = rules.parameters.get("fee_scale")
    steps.append(Step(
        rule="R-FEE-1", title="Annual PSO contribution, EUR",
        value="unknown" if a.annual_fee is None else str(a.annual_fee), figure="annual_fee",
        cited=(fee,) if fee is not None else (),
        notes=() if fee is not None else ("no fee scale is known for this date",)))
    q = a.qualitative
    steps.append(Step(
        rule="R-QUAL-4", title="Certifiable level (qualitative criteria)",
        value="not evaluated" if q.certifiable_level is None else q.certifiable_level.value,
        figure="qualitative",
        notes=tuple(f"{person}: {', '.join(c)} not shown" for person, c in q.missing.items())
        if q.evaluated else ("no evidence recorded",)))
    return Explanation(tuple(steps))
