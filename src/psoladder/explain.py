"""The explanation tree: every figure of an assessment with its calculation, rule and source.

An :class:`Explanation` is a tree of :class:`Step` objects, built by reading a
finished assessment (it never recomputes a rule). Each step names the figure
it produces (``figure``, the attribute of the
:class:`~psoladder.assessment.Assessment`), its rule id, its exact value
(:attr:`Step.exact`), its calculation with the numbers filled in, the facts
it used, the rule-data values it read (each with the date it applies from and
its source) and its child steps.

The tree holds no words and no rounded numbers: titles and calculations are
:class:`~psoladder.messages.Phrase` objects that keep their exact values, so
the same tree is shown in Dutch or English, rounded for people or exact for
an auditor, as text, Markdown, HTML (:mod:`psoladder.document`) or JSON.

Its shape, per figure: a short summary; every target-group person in full
(each row with its fte, counting window, weights and weighted fte); people
outside the target groups as one line per contract type with their number
and fte, and with ``detail="full"`` as a table of every row and its
calculation.

>>> import psoladder
>>> a = psoladder.assess(psoladder.load_example())
>>> step = a.explanation.step("direct_pct")
>>> step.rule, step.calculation("nl")
('R-DIR-2', ['3,1544 / 76,7442 x 100 = 4,11 %'])
>>> step.exact
Fraction(729200, 177407)
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from psoladder import document, formatting, messages
from psoladder.document import Block
from psoladder.messages import Phrase
from psoladder.model import Level
from psoladder.numbers import as_decimal, as_fraction
from psoladder.periods import FOREVER
from psoladder.rules import Cited, Notice, RuleSet, Status

if TYPE_CHECKING:
    from psoladder.bounds import Interval, LevelBounds, Unknown

__all__ = ["DETAILS", "Explained", "Explanation", "Fact", "Step", "StepTable", "explain",
           "level_bounds_phrase", "may_reach_phrase", "verdict_phrase"]

#: How much an explanation shows of the people outside the target groups.
DETAILS = ("summary", "full")

# How many terms a sum shows before it says "sum over N".
_MAX_TERMS = 12
# How many people a verdict names before it says "and N others".
_NAMED_PEOPLE = 5


class Explained(Protocol):
    """What the explanation reads of an assessment.

    :class:`~psoladder.assessment.Assessment` is one; the explanation needs no
    more than these attributes, so it does not depend on the assessment
    module (the dependency runs one way: the assessment builds its
    explanation on request).
    """

    @property
    def organisation(self) -> Any: ...  # noqa: D102
    @property
    def rules(self) -> RuleSet: ...  # noqa: D102
    @property
    def application_date(self) -> dt.date: ...  # noqa: D102
    @property
    def workforce(self) -> Any: ...  # noqa: D102
    @property
    def purchases(self) -> Any: ...  # noqa: D102
    @property
    def exact(self) -> Any: ...  # noqa: D102
    @property
    def exact_total_fte(self) -> Fraction: ...  # noqa: D102
    @property
    def exact_weighted(self) -> Fraction: ...  # noqa: D102
    @property
    def exact_indirect_fte(self) -> Fraction: ...  # noqa: D102
    @property
    def cap_factor(self) -> Fraction: ...  # noqa: D102
    @property
    def size(self) -> int: ...  # noqa: D102
    @property
    def norms(self) -> Any: ...  # noqa: D102
    @property
    def level(self) -> Level: ...  # noqa: D102
    @property
    def eligible(self) -> bool: ...  # noqa: D102
    @property
    def thirty_plus(self) -> Any: ...  # noqa: D102
    @property
    def banenafspraak(self) -> Any: ...  # noqa: D102
    @property
    def gaps(self) -> tuple[Any, ...]: ...  # noqa: D102
    @property
    def qualitative(self) -> Any: ...  # noqa: D102
    @property
    def annual_fee(self) -> Decimal | None: ...  # noqa: D102
    @property
    def verdict(self) -> Any: ...  # noqa: D102
    @property
    def edition(self) -> str: ...  # noqa: D102
    @property
    def level_bounds(self) -> LevelBounds: ...  # noqa: D102
    @property
    def norm_policy(self) -> Any: ...  # noqa: D102
    @property
    def group(self) -> Any: ...  # noqa: D102


@attrs.frozen
class Fact:
    """A named value a step used.

    Attributes:
        label: What it is.
        value: The value, exact.
        kind: How it is shown (a :mod:`psoladder.messages` format).
    """

    label: Phrase
    value: Any
    kind: str = ""


@attrs.frozen
class StepTable:
    """A table of a step (the people outside the target groups, with ``detail="full"``).

    Attributes:
        columns: Column titles and how their values are shown.
        rows: The rows, exact values; a :class:`~psoladder.messages.Phrase`
            cell is put into words when shown.
    """

    columns: tuple[tuple[Phrase, str], ...]
    rows: tuple[tuple[Any, ...], ...]


@attrs.frozen
class Step:
    """One step of a computation.

    Attributes:
        rule: The rule id (``R-...``).
        title: What the step computes.
        exact: Its result, exact (a ``Fraction``, ``Decimal``, ``int``,
            ``bool``, :class:`~psoladder.model.Level`, period, text or ``None``).
        kind: How the result is shown (a :mod:`psoladder.messages` format,
            or ``norms``, ``awarded``, ``reachable``, ``certifiable``).
        figure: The assessment attribute this step produces, if any.
        calc: The calculation, one phrase per line, numbers filled in.
        facts: Values the step used.
        notes: Why something did or did not count, assumptions.
        cited: The rule-data values used.
        children: Sub-steps.
        table: A table of sub-results.
    """

    rule: str
    title: Phrase
    exact: Any = None
    kind: str = ""
    figure: str | None = None
    calc: tuple[Phrase, ...] = ()
    facts: tuple[Fact, ...] = ()
    notes: tuple[Phrase | Notice, ...] = ()
    cited: tuple[Cited[Any], ...] = ()
    children: tuple[Step, ...] = ()
    table: StepTable | None = None

    def walk(self) -> Iterator[Step]:
        """This step and every step below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def value(self) -> str:
        """The result as exact, language-neutral text (decimals as in the JSON output)."""
        return _neutral(self.exact)

    @property
    def formula(self) -> str:
        """The calculation in English, rounded for people (see :meth:`calculation`)."""
        return "; ".join(self.calculation("en"))

    def calculation(self, lang: str = "en", *, exact: bool = False) -> list[str]:
        """The calculation in ``lang``, one string per line; exact numbers with ``exact``."""
        return [p.text(lang, exact=exact) for p in self.calc]

    def shown(self, lang: str = "en", *, exact: bool = False) -> str:
        """The result in words, in ``lang``."""
        return _show_result(self.exact, self.kind, lang, exact)

    def block(self, lang: str = "en", *, exact: bool = False, depth: int = 0,
              unfolded: bool | None = None) -> Block:
        """The step as a :class:`~psoladder.document.Block` in ``lang``.

        Top-level steps, and a step that is its parent's only child, are
        shown unfolded in HTML; deeper ones folded.
        """
        rows = tuple((f.label.text(lang), messages.show(f.value, f.kind, lang, exact=exact))
                     for f in self.facts)
        notes = [n.text(lang) for n in self.notes]
        table = None
        if self.table is not None:
            table = document.Table(
                header=tuple(p.text(lang) for p, _ in self.table.columns),
                rows=tuple(tuple(_cell(v, k, lang, exact) for v, (_, k)
                                 in zip(r, self.table.columns, strict=True))
                           for r in self.table.rows),
                numeric=tuple(k in {"fte", "num", "count", "eur", "pct"}
                              for _, k in self.table.columns))
        return Block(title=self.title.text(lang), value=self.shown(lang, exact=exact),
                     tag=self.rule, lines=tuple(self.calculation(lang, exact=exact)),
                     rows=rows, notes=tuple(notes), table=table,
                     open=depth == 0 if unfolded is None else unfolded,
                     sources=tuple(_cited_text(c, lang) for c in self.cited),
                     children=tuple(c.block(lang, exact=exact, depth=depth + 1,
                                            unfolded=True if len(self.children) == 1 else None)
                                    for c in self.children))

    def to_dict(self, lang: str = "en", *, exact: bool = False) -> dict[str, Any]:
        """JSON-ready form: exact ``value``, and texts in ``lang``."""
        out: dict[str, Any] = {"rule": self.rule, "title": self.title.text(lang),
                               "value": None if self.exact is None else self.value,
                               "shown": self.shown(lang, exact=exact)}
        if self.figure:
            out["figure"] = self.figure
        if self.calc:
            out["formula"] = "; ".join(self.calculation(lang, exact=exact))
        if self.facts:
            out["inputs"] = {f.label.text(lang): messages.show(f.value, f.kind, lang,
                                                                  exact=exact)
                             for f in self.facts}
        if self.notes:
            out["notes"] = [n.text(lang) for n in self.notes]
        if self.cited:
            out["rule_data"] = [c.to_dict() for c in self.cited]
        if self.table is not None:
            out["table"] = {"columns": [p.text(lang) for p, _ in self.table.columns],
                            "rows": [[_neutral(v) if not isinstance(v, Phrase)
                                      else v.text(lang) for v in r] for r in self.table.rows]}
        if self.children:
            out["steps"] = [c.to_dict(lang, exact=exact) for c in self.children]
        return out


@attrs.frozen
class Explanation:
    """The explanation of an assessment: its steps, in the order of the flow.

    Attributes:
        steps: The top-level steps.
        lang: The language it is shown in by default (``en`` or ``nl``).
        detail: ``summary`` or ``full`` (every person outside the target groups).
    """

    steps: tuple[Step, ...]
    lang: str = "en"
    detail: str = "summary"

    def step(self, figure: str) -> Step:
        """The step that produces ``figure`` (an assessment attribute)."""
        for s in self.walk():
            if s.figure == figure:
                return s
        raise KeyError(f"no step produces {figure!r}")

    def walk(self) -> Iterator[Step]:
        """Every step, depth first."""
        for top in self.steps:
            yield from top.walk()

    def figures(self) -> dict[str, str]:
        """Figure name -> exact value, for every step that produces a figure."""
        return {s.figure: s.value for s in self.walk() if s.figure}

    def in_language(self, lang: str) -> Explanation:
        """The same tree, shown in ``lang`` by default."""
        return attrs.evolve(self, lang=formatting.language(lang))

    def blocks(self, lang: str | None = None, *, exact: bool = False) -> list[Block]:
        """The steps as :class:`~psoladder.document.Block` objects (for the layouts)."""
        language = lang or self.lang
        return [s.block(language, exact=exact) for s in self.steps]

    def render(self, lang: str | None = None, *, exact: bool = False) -> str:
        """The tree as indented text, in ``lang`` (default :attr:`lang`)."""
        return "\n".join(document.text_tree(self.blocks(lang, exact=exact)))

    def to_dict(self, lang: str | None = None, *, exact: bool = False) -> list[dict[str, Any]]:
        """JSON-ready form: a list of step trees, texts in ``lang``."""
        return [s.to_dict(lang or self.lang, exact=exact) for s in self.steps]

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        """Short: how many steps and figures, and how to read it.

        >>> import psoladder
        >>> psoladder.assess(psoladder.load_example()).explanation
        <Explanation (summary, en): 19 steps, 49 in all; print() it or .render(lang="nl")>
        """
        total = sum(1 for _ in self.walk())
        return (f"<Explanation ({self.detail}, {self.lang}): {len(self.steps)} steps, "
                f"{total} in all; print() it or .render(lang=\"nl\")>")


# ------------------------------------------------------------------ showing


def _neutral(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Fraction | Decimal | int):
        return str(as_decimal(value))
    if isinstance(value, Level):
        return value.value
    if isinstance(value, Mapping):
        return ", ".join(f"{_neutral(k)} {_neutral(v)}" for k, v in value.items())
    if isinstance(value, Phrase):
        return value.text("en")
    if isinstance(value, tuple):
        return ", ".join(_neutral(v) for v in value)
    return str(value)


def _show_result(value: Any, kind: str, lang: str, exact: bool) -> str:
    if kind == "norms":
        return "; ".join(f"{messages.show(lv, 'level', lang)} "
                         f"{messages.show(v, 'pct', lang, exact=exact)}"
                         for lv, v in value.items())
    if kind == "awarded":
        return messages.text("x.awarded" if value else "x.not_awarded", lang)
    if kind == "levels":
        return messages.text("x.levels", lang, count=value)
    if kind == "reachable":
        return messages.text("x.reachable" if value else "x.not_reachable", lang)
    if kind == "certifiable":
        return (messages.text("x.not_evaluated", lang) if value is None
                else messages.show(value, "level", lang))
    if kind == "level_bounds":
        return messages.text("lb.shown", lang, certain=value[0], possible=value[1])
    if value is None:
        return messages.text("x.unknown", lang)
    if kind == "fte":
        return messages.show(value, "fte", lang, exact=exact) + " fte"
    return messages.show(value, kind, lang, exact=exact)


def _cell(value: Any, kind: str, lang: str, exact: bool) -> str:
    if isinstance(value, Phrase):
        return value.text(lang, exact=exact)
    return messages.show(value, kind, lang, exact=exact)


def _cited_name(name: str, lang: str) -> str:
    return messages.param_name(name, lang)


def _cited_value(c: Cited[Any], lang: str) -> str:
    return messages.param_value(c.name, c.value, lang)


def _cited_text(c: Cited[Any], lang: str) -> str:
    """One cited rule value in words: rule, what, value, status, date and source."""
    value = _cited_value(c, lang)
    # An unknown value that is computed with says so; one that is not (the Basistrede
    # norms) is just not published.
    status = (messages.text("rl.value_used", lang) if not c.known and value
              else messages.show(c.status, "status", lang))
    params: dict[str, Any] = {"rule": c.rule, "name": _cited_name(c.name, lang), "value": value,
              "status": status, "start": c.applies_from,
              "source": c.source, "quality": c.quality,
              "cites": Phrase.of("x.cites_source" if c.status in (Status.PUBLISHED, Status.USER)
                                 else "x.cites_basis")}
    return messages.text("x.cited" if value else "x.cited_plain", lang, **params)


# ------------------------------------------------------------------ building


def _sum_calc(terms: Sequence[Fraction], total: Fraction, count_key: str = "c.sum_persons",
              ) -> tuple[Phrase, ...]:
    if len(terms) <= 1:
        return ()
    if len(terms) > _MAX_TERMS:
        return (Phrase.of(count_key, count=len(terms), total=total),)
    return (Phrase.of("c.sum_fte", terms=tuple(terms), total=total),)


def _row_calc(p: Any, year_days: int, fulltime: Decimal) -> Phrase:
    e = p.employment
    plain = Fraction(e.hours_per_week) / Fraction(fulltime) * Fraction(p.days, year_days)
    if p.capped_days:
        return Phrase.of("c.row_capped", hours=e.hours_per_week, fulltime=fulltime, days=p.days,
                         year_days=year_days, uncapped=plain, capped=p.capped_days, fte=p.fte)
    return Phrase.of("c.row_fte", hours=e.hours_per_week, fulltime=fulltime, days=p.days,
                     year_days=year_days, fte=p.fte)


def _target_row_step(p: Any, year_days: int, fulltime: Decimal) -> Step:
    e = p.employment
    c = p.counting
    calc = [_row_calc(p, year_days, fulltime)]
    if c.window is not None and p.days:
        key = "c.row_open_window" if c.window.end == FOREVER else "c.row_in_window"
        calc.append(Phrase.of(key, window=c.window, counted_days=p.counted_days,
                              days=p.days, counted=p.counted_fte))
    elif p.days:
        calc.append(Phrase.of("c.row_no_window"))
    if c.target_weight is not None and c.window is not None:
        calc.append(Phrase.of("c.row_weight", group=e.target_group,
                              group_weight=c.target_weight.value, contract=e.contract,
                              contract_weight=c.contract_weight.value, weight=c.weight))
        calc.append(Phrase.of("c.row_weighted", counted=p.counted_fte, weight=c.weight,
                              weighted=p.weighted_fte))
    notes: list[Phrase | Notice] = list(c.reasons)
    if p.excluded:
        notes.append(Phrase.of("x.excluded"))
    if not p.days:
        notes.append(Phrase.of("x.no_day"))
    rule = c.target_weight.rule if c.target_weight is not None else "R-TG-0"
    facts = [Fact(Phrase.of("x.inflow_date"), p.inflow, "date")]
    if e.entity is not None:  # issue 15: the entity of the group the row names
        facts.append(Fact(Phrase.of("x.row_entity"), e.entity))
    return Step(rule=rule, title=Phrase.of("x.row", row=_ref(p.row, p.source),
                                           group=e.target_group, contract=e.contract),
                exact=p.weighted_fte, kind="fte", calc=tuple(calc),
                facts=tuple(facts), notes=tuple(notes))


def _ref(row: int, source: str | None) -> Phrase:
    """A row reference telling a payroll line from the organisation's own row (#16).

    ``row 17 of payroll.csv``, or ``employment 3`` (an ``[[employment]]`` table).
    """
    if source is None:
        return Phrase.of("x.row_inline", row=row)
    return Phrase.of("x.row_in_file", row=row, file=source)


def _target_person(person: Any, year_days: int, fulltime: Decimal) -> Step:
    rows = tuple(_target_row_step(p, year_days, fulltime) for p in person.periods)
    return Step(rule="R-TG-0", title=Phrase.of("x.person", person=person.person),
                exact=person.weighted_fte, kind="fte",
                calc=_sum_calc([p.weighted_fte for p in person.periods], person.weighted_fte),
                children=rows)


def _is_target(person: Any) -> bool:
    return any(p.employment.target_group is not None for p in person.periods)


def _others(persons: Sequence[Any], detail: str, year_days: int,
            fulltime: Decimal) -> tuple[Step, ...]:
    """People outside the target groups: counts per contract type, or every row."""
    groups: dict[Any, list[Any]] = defaultdict(list)
    for person in persons:
        contracts = {p.employment.contract for p in person.periods}
        key = (next(iter(contracts)) if len(contracts) == 1
               else "mixed" if contracts else "summarised")
        groups[key].append(person)
    steps = []
    for key, members in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        fte = sum((p.fte for p in members), Fraction(0))
        rows = sum(p.rows for p in members)
        title = (Phrase.of("x.mixed_contracts") if key == "mixed"
                 else Phrase.of("x.rows_not_kept") if key == "summarised"
                 else Phrase.of("x.by_contract", contract=key))
        steps.append(Step(rule="R-FTE-3", title=title, exact=fte, kind="fte",
                          calc=(Phrase.of("c.others", persons=len(members), rows=rows, fte=fte),)))
    table = None
    notes: tuple[Phrase, ...] = ()
    if detail == "full":
        table_rows: list[tuple[Any, ...]] = []
        for person in persons:
            if person.summarised:
                table_rows.append(("", person.person,
                                   Phrase.of("x.summarised", rows=person.rows), person.fte))
            for p in person.periods:
                e = p.employment
                calc = Phrase.of("c.row_fte_short", hours=e.hours_per_week, fulltime=fulltime,
                                 days=p.days, year_days=year_days)
                if p.capped_days or p.excluded:
                    calc = _row_calc(p, year_days, fulltime) if p.capped_days else Phrase.of(
                        "x.excluded")
                table_rows.append((p.row, person.person, calc, p.fte))
        table = StepTable(columns=((Phrase.of("x.col_row"), ""), (Phrase.of("x.col_person"), ""),
                                   (Phrase.of("x.col_calculation"), ""),
                                   (Phrase.of("x.col_fte"), "fte")),
                          rows=tuple(table_rows))
    elif persons:
        notes = (Phrase.of("x.full_list"),)
    total = sum((p.fte for p in persons), Fraction(0))
    return (Step(rule="R-FTE-6", title=Phrase.of("x.others"), exact=total, kind="fte",
                 calc=(Phrase.of("c.others", persons=len(persons),
                                 rows=sum(p.rows for p in persons), fte=total),),
                 notes=notes, children=tuple(steps), table=table),)


def _total_step(a: Explained, detail: str) -> Step:
    wf = a.workforce
    year_days = wf.peiljaar.days
    fulltime = wf.fulltime_hours.value
    target = [p for p in wf.persons if _is_target(p)]
    others = [p for p in wf.persons if not _is_target(p)]
    target_fte = sum((p.fte for p in target), Fraction(0))
    others_fte = sum((p.fte for p in others), Fraction(0))
    notes: list[Phrase] = [Phrase.of("x.fte_legend", cap=a.rules.decimal("person_fte_cap").value)]
    if wf.absent_persons:
        notes.append(Phrase.of("x.absent", count=wf.absent_persons))
    outside = list(wf.rows_outside)
    if outside:
        sources = list(wf.rows_outside_sources) or [None] * len(outside)
        shown: tuple[Any, ...] = tuple(_ref(n, src) for n, src in zip(outside[:20], sources[:20],
                                                                       strict=False))
        if len(outside) > 20:
            shown += ("...",)
        notes.append(Phrase.of("x.rows_outside", count=len(outside),
                               rows=Phrase.of("x.rows_list", rows=shown)))
    target_step = Step(
        rule="R-FTE-3", title=Phrase.of("x.target_people"), exact=target_fte, kind="fte",
        calc=(Phrase.of("c.others", persons=len(target),
                        rows=sum(p.rows for p in target), fte=target_fte),))
    return Step(
        rule="R-FTE-6", title=Phrase.of("x.total_fte"), exact=a.exact_total_fte, kind="fte",
        figure="total_fte",
        calc=(Phrase.of("c.total_split", target=target_fte, target_persons=len(target),
                        others=others_fte, other_persons=len(others), total=a.exact_total_fte),),
        facts=(Fact(Phrase.of("x.fulltime"), Phrase.of("x.hours", hours=fulltime)),
               Fact(Phrase.of("x.input_rows"), Phrase.of("x.read", rows=wf.rows_read,
                                                          persons=wf.person_count))),
        notes=tuple(notes), cited=wf.cited,
        children=(target_step, *_others(others, detail, year_days, fulltime)))


def _weighted_step(a: Explained) -> Step:
    wf = a.workforce
    target = [p for p in wf.persons if _is_target(p)]
    people = tuple(_target_person(p, wf.peiljaar.days, wf.fulltime_hours.value)
                   for p in target)
    # Each rule value once, for all rows (the rows name their rule ids).
    cited = dict.fromkeys(c for p in target for q in p.periods for c in q.counting.cited)
    return Step(rule="R-TG-0", title=Phrase.of("x.weighted"), exact=a.exact_weighted,
                kind="fte", figure="weighted_target_fte",
                calc=_sum_calc([p.weighted_fte for p in target], a.exact_weighted)
                or (Phrase.of("c.sum_persons", count=len(target), total=a.exact_weighted),),
                notes=(Phrase.of("c.weighted_legend"),), cited=tuple(cited), children=people)


def _purchase_steps(a: Explained) -> tuple[Step, ...]:
    steps = []
    for p in a.purchases.purchases:
        b = p.purchase
        notes: tuple[Phrase | Notice, ...] = ()
        if not p.counted:
            notes = (Phrase.of("x.not_counted"), *((p.reason,) if p.reason else ()))
        steps.append(Step(
            rule="R-IND-2" if p.counted else "R-IND-6",
            title=Phrase.of("x.purchase", index=p.index, supplier=b.supplier,
                            kind=b.supplier_kind),
            exact=p.counted_fte, kind="fte",
            calc=(Phrase.of("c.purchase", amount=b.amount, turnover=b.supplier_turnover,
                            fte=b.supplier_fte, pct=b.supplier_direct_pct, result=p.fte),),
            notes=notes))
    return tuple(steps)


def _group_step(a: Explained) -> Step:
    """Where the group's figures come from, entity by entity (R-ORG-1, issue 15)."""
    children = tuple(
        Step(rule="R-ORG-1",
             title=Phrase.of("x.entity_main" if f.main else "x.entity", name=f.entity.name,
                             kvk=f.entity.kvk),
             exact=f.exact_total_fte, kind="fte",
             facts=(Fact(Phrase.of("x.entity_persons"), f.persons, "count"),
                    Fact(Phrase.of("x.weighted"), f.exact_weighted, "fte"),
                    Fact(Phrase.of("x.indirect_fte"), f.exact_indirect_fte, "fte"),
                    Fact(Phrase.of("x.entity_purchases"), f.purchases, "count")))
        for f in a.group.entities)
    return Step(rule="R-ORG-1", title=Phrase.of("x.entities"), exact=len(children),
                kind="count", figure="entities",
                calc=_sum_calc([f.exact_total_fte for f in a.group.entities],
                               a.exact_total_fte),
                notes=(Phrase.of("x.entities_note"),), children=children)


def _norms_step(a: Explained) -> Step:
    n = a.norms
    source = n.source.value
    params: dict[str, Any] = {"size": n.size, "row": n.rows_used[0]}
    if source == "interpolated":
        params = {"low": n.rows_used[0], "high": n.rows_used[1]}
    notes: list[Phrase] = []
    if n.row_size != n.size:
        key = "x.size_open" if n.size > n.row_size else "x.size_small"
        notes.append(Phrase.of(key, row=n.row_size))
    if n.basistrede_unknown:
        notes.append(Phrase.of("x.basistrede"))
    ordered = {lv: v for lv in Level if (v := n.for_level(lv)) is not None}
    rows = len(a.rules.norms.rows)
    cited = [attrs.evolve(n.citation, value=rows)]
    if n.basistrede_citation is not None:
        cited.append(attrs.evolve(n.basistrede_citation, value=None))
    return Step(rule="R-LVL-2", title=Phrase.of("x.norms", size=n.size), exact=ordered,
                kind="norms", figure="norms", calc=(Phrase.of(f"c.norms_{source}", **params),),
                notes=tuple(notes), cited=tuple(cited))


def _comparison(total: Fraction, norms: Mapping[Level, Fraction], levels: Sequence[Level],
                reached: Level) -> list[Phrase]:
    """The score against the norm of the level reached and of the next one (R-LVL-5)."""
    known = [lv for lv in levels if lv in norms]
    above = [lv for lv in known if lv > reached]
    norm = norms.get(reached)
    nxt = above[0] if above else None
    next_norm = norms[nxt] if nxt is not None else None
    places = max(formatting.separating_places(total, v, "en") for v in
                 (norm if norm is not None else total,
                  next_norm if next_norm is not None else total))
    if norm is not None and next_norm is not None:
        return [Phrase.of("c.level_between", total=total, norm=norm, level=reached,
                          next_norm=next_norm, next=nxt, places=places)]
    if norm is not None:
        return [Phrase.of("c.level_top", total=total, norm=norm, level=reached, places=places)]
    if next_norm is not None:
        return [Phrase.of("c.level_below", total=total, next_norm=next_norm, next=nxt,
                          places=places)]
    return []


def _level_step(a: Explained) -> Step:
    calc: list[Phrase] = []
    if not a.eligible:
        calc.append(Phrase.of("c.level_not_eligible"))
    else:
        calc += _comparison(a.exact.total_pct, a.norms.exact, a.rules.levels, a.level)
        calc.append(Phrase.of("c.level_exact"))
    return Step(rule="R-LVL-5", title=Phrase.of("x.level"), exact=a.level, kind="level",
                figure="level", calc=tuple(calc))


# ------------------------------------------------------------------ certain and possible


def _unknown_phrase(u: Unknown) -> Phrase:
    """What an unknown is, in words: the unpublished norm for 77 fte (R-LVL-3)."""
    if u.kind.value == "norms":
        return Phrase.of("lb.u_norms", size=u.size, rule=u.rule)
    if u.kind.value == "basistrede":
        return Phrase.of("lb.u_basistrede", rule=u.rule)
    return Phrase.of("lb.u_weight", subject=u.subject, rule=u.rule)


def _unknown_phrases(unknowns: Sequence[Unknown]) -> tuple[Phrase, ...]:
    return tuple(dict.fromkeys(_unknown_phrase(u) for u in unknowns))


def _advice(unknowns: Sequence[Unknown]) -> Phrase:
    """How to decide: the official norm table, Basistrede norms, weight, or values."""
    # A Basistrede norm unknown only because its size lies between rows of a
    # user's table (with Basistrede norms) is decided by the norm table too.
    kinds = {"norms" if u.cited.name == "norms.between_rows" else u.kind.value
             for u in unknowns}
    if kinds == {"norms"}:
        return Phrase.of("lb.a_norms")
    if kinds == {"basistrede"}:
        return Phrase.of("lb.a_basistrede")
    if kinds == {"weight"} and len(unknowns) == 1:
        return Phrase.of("lb.a_weight")
    return Phrase.of("lb.a_values")


def level_bounds_phrase(bounds: LevelBounds) -> Phrase | None:
    """The certain and the possible level in one sentence, or ``None`` when no unknown bears on it.

    >>> import psoladder
    >>> a = psoladder.assess(psoladder.load_example())
    >>> print(level_bounds_phrase(a.level_bounds).text("nl"))
    Trede 2 zeker; Trede 3 mogelijk — hangt af van de niet-gepubliceerde norm voor 77 fte (R-LVL-3); geef de officiële normtabel op om dit te beslissen.
    """
    if not bounds.unknowns:
        return None
    if bounds.decided:
        key = "lb.certain_none" if bounds.certain is Level.NONE else "lb.certain"
        return Phrase.of(key, certain=bounds.certain,
                         unknowns=_unknown_phrases(bounds.unknowns))
    deciding = bounds.deciding_for(bounds.possible)
    key = "lb.possible_none" if bounds.certain is Level.NONE else "lb.possible"
    return Phrase.of(key, certain=bounds.certain, possible=bounds.possible,
                     unknowns=_unknown_phrases(deciding), advice=_advice(deciding))


def may_reach_phrase(bounds: LevelBounds, level: Level) -> Phrase | None:
    """That ``level`` may already be reached, and what decides it; ``None`` if it is not possible.

    >>> import psoladder
    >>> a = psoladder.assess(psoladder.load_example())
    >>> print(may_reach_phrase(a.level_bounds, psoladder.Level.TREDE_3).text("en"))
    Trede 3 may already be reached: that depends on the unpublished norm for 77 fte (R-LVL-3).
    """
    if not bounds.may_reach(level):
        return None
    return Phrase.of("lb.gap_may", level=level,
                     unknowns=_unknown_phrases(bounds.deciding_for(level)))


def _end_phrase(value: Fraction, included: bool, low: bool, *, weight: bool,
                row: int | None = None, level: Level | None = None) -> Phrase:
    word = Phrase.of(("lb.w_at_least" if included else "lb.w_above") if low
                     else ("lb.w_at_most" if included else "lb.w_below"))
    if weight:
        return Phrase.of("lb.e_num", word=word, value=value)
    if row is not None:
        return Phrase.of("lb.e_row", word=word, value=value, row=row)
    if level is not None:
        return Phrase.of("lb.e_level", word=word, value=value, level=level)
    return Phrase.of("lb.e_pct", word=word, value=value)


def _range_phrase(iv: Interval, *, weight: bool = False) -> Phrase:
    """A range in words: at least 4,60 % (rij 80), maximaal 5,10 % (rij 70)."""
    return Phrase.of("lb.range",
                     low=_end_phrase(iv.low, iv.low_included, True, weight=weight,
                                     row=iv.low_row),
                     high=_end_phrase(iv.high, iv.high_included, False, weight=weight,
                                      row=iv.high_row, level=iv.high_level))


def _unknown_facts(b: LevelBounds) -> list[Fact]:
    facts = []
    for u in b.unknowns:
        if u.weight is not None:
            facts.append(Fact(Phrase.of("x.lb_weight", subject=u.subject),
                              _range_phrase(u.weight, weight=True)))
        for level, iv in u.norms.items():
            facts.append(Fact(Phrase.of("x.lb_norm", size=u.size, level=level),
                              _range_phrase(iv)))
    return facts


def _bounds_calc(a: Explained, *, possible: bool) -> list[Phrase]:
    """The calculation of the certain or the possible level: the score against the bound norms."""
    b = a.level_bounds
    if not a.eligible:
        return [Phrase.of("c.level_not_eligible")]
    calc: list[Phrase] = []
    weights = [u for u in b.unknowns if u.weight is not None]
    if weights:
        key = "c.lb_weights_highest" if possible else "c.lb_weights_lowest"
        calc.append(Phrase.of(key, weights=tuple(
            Phrase.of("lb.weight_at", subject=u.subject,
                      weight=u.weight.high if possible else u.weight.low)
            for u in weights if u.weight is not None),
            weighted=b.possible_weighted if possible else b.certain_weighted,
            total=b.possible_total_pct if possible else b.certain_total_pct))
    strict = b.certain_norms
    for u in b.unknowns:
        if u.kind.value == "norms" and strict is not None:
            if possible:
                row = next(iter(u.norms.values())).low_row
                calc.append(Phrase.of("c.lb_norms_lowest", row=row, norms=tuple(
                    Phrase.of("lb.level_norm", level=lv, norm=iv.low)
                    for lv, iv in u.norms.items())))
            else:
                calc.append(Phrase.of("c.lb_norms_strict", row=strict.rows_used[0], norms=tuple(
                    Phrase.of("lb.level_norm", level=lv, norm=strict.exact[lv])
                    for lv in u.norms)))
        elif u.kind.value == "basistrede":
            iv = u.norms[Level.BASISTREDE]
            if not possible:
                if strict is None or Level.BASISTREDE not in strict.exact:
                    calc.append(Phrase.of("c.lb_basistrede_strict"))
            elif iv.low_row is not None:
                calc.append(Phrase.of("c.lb_basistrede_row", low=iv.low, row=iv.low_row))
            else:
                calc.append(Phrase.of("c.lb_basistrede_lowest", low=iv.low))
    if possible:
        norms = {lv: v for lv, v in b.possible_norms.items() if lv not in b.beyond}
        total, reached = b.possible_total_pct, b.possible
        if reached in b.beyond:  # reached only above an end: said by the Basistrede line
            reached = max((lv for lv, v in norms.items() if total >= v), default=Level.NONE)
    else:
        norms = dict(strict.exact) if strict is not None else {}
        total, reached = b.certain_total_pct, b.certain
    return calc + _comparison(total, norms, a.rules.levels, reached)


def _bounds_step(a: Explained) -> Step:
    """The certain and the possible level where unpublished rule values decide it (issue 17)."""
    b = a.level_bounds
    notes: list[Phrase] = []
    phrase = level_bounds_phrase(b)
    if phrase is None:
        notes.append(Phrase.of("x.lb_none"))
    else:
        notes += [phrase, Phrase.of("x.lb_monotone")]
    if b.unknowns and a.norm_policy.value == "interpolate":
        notes.append(Phrase.of("x.lb_interpolated", level=a.level))
    cited = tuple(dict.fromkeys(u.cited for u in b.unknowns))
    children = (
        Step(rule="R-LVL-5", title=Phrase.of("x.level_certain"), exact=b.certain, kind="level",
             figure="level_certain", calc=tuple(_bounds_calc(a, possible=False))),
        Step(rule="R-LVL-5", title=Phrase.of("x.level_possible"), exact=b.possible,
             kind="level", figure="level_possible", calc=tuple(_bounds_calc(a, possible=True))),
    )
    return Step(rule="R-LVL-5", title=Phrase.of("x.level_bounds"), exact=(b.certain, b.possible),
                kind="level_bounds", facts=tuple(_unknown_facts(b)), notes=tuple(notes),
                cited=cited, children=children)


def _op(ok: bool) -> str:
    return "≥" if ok else "<"


def _thirty_step(a: Explained) -> Step:
    tp = a.thirty_plus
    minimum = 100 * as_fraction(tp.min_share.value)
    key = "c.tp_share_fte" if tp.basis.value == "fte" else "c.tp_share_headcount"
    calc = (Phrase.of(key, group=tp.group, workforce=tp.workforce, share=100 * tp.share,
                      op=_op(tp.meets_share), min=minimum),
            Phrase.of("c.tp_regular", share=100 * tp.regular_share,
                      op=_op(tp.meets_regular_floor), min=100 * tp.regular_floor),
            Phrase.of("c.tp_level", reached=tp.level_reached))
    return Step(rule="R-30-1", title=Phrase.of("x.thirty"), exact=tp.awarded, kind="awarded",
                figure="thirty_plus", calc=calc, notes=tuple(tp.notices), cited=tp.cited)


def _gap_steps(a: Explained) -> tuple[Step, ...]:
    steps = []
    for g in a.gaps:
        facts = [Fact(Phrase.of("x.gap_filled"), g.filled_post_fte, "fte")]
        facts.append(Fact(Phrase.of("x.gap_hired", size=g.new_hire_size)
                          if g.new_hire_size is not None else Phrase.of("x.gap_hired_plain"),
                          g.new_hire_fte, "fte"))
        facts.append(Fact(Phrase.of("x.gap_indirect"), g.indirect_fte, "fte"))
        if g.purchase_amount is not None and g.supplier is not None:
            facts.append(Fact(Phrase.of("x.gap_amount", supplier=g.supplier.name),
                              g.purchase_amount, "eur"))
        facts = [f if f.value is not None else attrs.evolve(
            f, value=Phrase.of("x.way_not_reachable"), kind="") for f in facts]
        notes: tuple[Phrase, ...] = ((Phrase.of("x.gap_exceeds"),)
                                     if g.exceeds_supplier_turnover else ())
        reachable = any(v is not None for v in (g.filled_post_fte, g.new_hire_fte,
                                                g.indirect_fte))
        title = Phrase.of("x.gap_to", level=g.level)
        may = may_reach_phrase(a.level_bounds, g.level)
        if may is not None:
            # The gap is under the conservative values; the level may already be reached.
            if a.norm_policy.value == "nearest":
                title = Phrase.of("x.gap_to_certain", level=g.level)
            notes = (may, *notes)
        steps.append(Step(rule="R-GAP-1", title=title, exact=reachable, kind="reachable",
                          facts=tuple(facts), notes=notes))
    return tuple(steps)


def verdict_phrase(a: Explained) -> Phrase:
    """The verdict in one sentence: the computed level, the certifiable level, what separates them.

    >>> import psoladder
    >>> verdict_phrase(psoladder.assess(psoladder.load_example())).text("nl")
    'Trede 2 berekend; certificeerbaar zodra bewijs voor D003 (functioneren en ontwikkeling) is aangeleverd.'
    """
    v = a.verdict
    aspirant = (Phrase.of("v.aspirant", until=v.aspirant.valid_until)
                if v.aspirant is not None and v.aspirant.granted else "")
    if v.quantitative is Level.NONE:
        if not a.eligible:
            return Phrase.of("v.not_eligible", total=a.exact_total_fte,
                             minimum=a.rules.decimal("min_total_fte").value, aspirant=aspirant)
        lowest = next((lv for lv in a.rules.levels if a.norms.for_level(lv) is not None), None)
        return Phrase.of("v.below", total=a.exact.total_pct, level=lowest,
                         norm=a.norms.for_level(lowest) if lowest is not None else None,
                         aspirant=aspirant)
    if not v.blocking:
        return Phrase.of("v.certifiable", level=v.quantitative, aspirant=aspirant)
    conditions: list[Phrase] = []
    missing = [b for b in v.blocking if b.reason == "evidence_missing"]
    if missing:
        people: list[Phrase] = [Phrase.of("v.c_person", person=b.persons[0], criteria=b.criteria)
                                for b in missing[:_NAMED_PEOPLE]]
        if len(missing) > _NAMED_PEOPLE:
            people.append(Phrase.of("v.c_more", count=len(missing) - _NAMED_PEOPLE))
        conditions.append(Phrase.of("v.c_missing", people=tuple(people)))
    for b in v.blocking:
        if b.reason == "no_evidence":
            conditions.append(Phrase.of("v.c_no_evidence", count=len(b.persons)))
        elif b.reason == "appraisals":
            conditions.append(Phrase.of("v.c_appraisals", share=100 * b.share,
                                        min=100 * b.minimum))
    return Phrase.of("v.blocked", level=v.quantitative, conditions=tuple(conditions),
                     aspirant=aspirant)


def _qualitative_step(a: Explained) -> Step:
    q = a.qualitative
    notes: list[Phrase] = []
    if not q.evaluated:
        notes.append(Phrase.of("x.no_evidence"))
    notes += [Phrase.of("x.qual_missing", person=person, criteria=tuple(criteria))
              for person, criteria in q.missing.items()] if q.evaluated else []
    if q.appraisal_share is not None:
        notes.append(Phrase.of("x.appraisals", share=100 * q.appraisal_share,
                               op=_op(q.appraisal_share >= q.appraisal_min),
                               min=100 * q.appraisal_min))
    if q.aspirant is not None:
        notes.append(Phrase.of("x.aspirant_granted", until=q.aspirant.valid_until)
                     if q.aspirant.granted else
                     Phrase.of("x.aspirant_missing", missing=q.aspirant.missing))
    return Step(rule="R-QUAL-4", title=Phrase.of("x.qualitative"), exact=q.certifiable_level,
                kind="certifiable", figure="qualitative", calc=(verdict_phrase(a),),
                notes=tuple(notes))


def explain(a: Explained, lang: str = "en", *, detail: str = "summary") -> Explanation:
    """Build the explanation of a finished assessment.

    Args:
        a: The assessment.
        lang: The language it is shown in by default (``en`` or ``nl``); the
            tree itself is the same in every language.
        detail: ``summary`` (default): people outside the target groups as one
            line per contract type; ``full``: also a table of every row.
    """
    if detail not in DETAILS:
        raise ValueError(f"unknown detail {detail!r}; use summary or full")
    rules = a.rules
    s = a.exact
    wf = a.workforce
    steps: list[Step] = [
        Step(rule="R-ED-1", title=Phrase.of("x.edition"), exact=a.edition, figure="edition",
             calc=(Phrase.of("c.edition", date=a.application_date,
                             start=rules.edition.applies_from, edition=a.edition),),
             facts=(Fact(Phrase.of("x.source"), rules.edition.source),),
             notes=tuple(rules.notices())),
        Step(rule="R-FTE-4", title=Phrase.of("x.peiljaar"), exact=wf.peiljaar, kind="period",
             figure="peiljaar", calc=(Phrase.of("c.days", days=wf.peiljaar.days),),
             notes=(Phrase.of("x.peiljaar_given") if a.organisation.peiljaar is not None
                    else Phrase.of("x.peiljaar_default"),)),
        _total_step(a, detail),
        _weighted_step(a),
        Step(rule="R-DIR-2", title=Phrase.of("x.direct"), exact=s.direct_pct, kind="pct",
             figure="direct_pct",
             calc=(Phrase.of("c.direct", weighted=a.exact_weighted, total=a.exact_total_fte,
                             pct=s.direct_pct),)),
    ]
    bought = _purchase_steps(a)
    steps.append(Step(
        rule="R-IND-2", title=Phrase.of("x.indirect_fte"), exact=a.exact_indirect_fte,
        kind="fte", figure="indirect_fte",
        calc=_sum_calc([p.counted_fte for p in a.purchases.purchases], a.exact_indirect_fte)
        or ((Phrase.of("c.no_purchases"),) if not bought else ()),
        children=bought))
    steps.append(Step(
        rule="R-IND-3", title=Phrase.of("x.indirect_pct"), exact=s.indirect_pct, kind="pct",
        figure="indirect_pct",
        calc=(Phrase.of("c.indirect", indirect=a.exact_indirect_fte, total=a.exact_total_fte,
                        pct=s.indirect_pct),)))
    share = rules.decimal("max_indirect_share")
    steps.append(Step(
        rule="R-IND-4", title=Phrase.of("x.counted", share=100 * share.value),
        exact=s.indirect_counted_pct, kind="pct", figure="indirect_counted_pct",
        calc=(Phrase.of("c.counted", indirect=s.indirect_pct, factor=a.cap_factor,
                        direct=s.direct_pct, cap=a.cap_factor * s.direct_pct,
                        counted=s.indirect_counted_pct),),
        notes=(Phrase.of("x.cap_binds" if s.indirect_counted_pct < s.indirect_pct
                         else "x.cap_free"),),
        cited=(share,)))
    steps.append(Step(
        rule="R-LVL-1", title=Phrase.of("x.total"), exact=s.total_pct, kind="pct",
        figure="total_pct",
        calc=(Phrase.of("c.total", direct=s.direct_pct, counted=s.indirect_counted_pct,
                        total=s.total_pct),)))
    if a.group.shown:
        steps.append(_group_step(a))
    minimum = rules.decimal("min_total_fte")
    steps.append(Step(
        rule="R-FTE-5", title=Phrase.of("x.eligible", minimum=minimum.value), exact=a.eligible,
        kind="bool", figure="eligible",
        calc=(Phrase.of("c.at_least" if a.eligible else "c.below", total=a.exact_total_fte,
                        minimum=minimum.value),),
        cited=(minimum,)))
    steps.append(Step(
        rule="R-SIZE-2", title=Phrase.of("x.size"), exact=a.size, kind="count", figure="size",
        calc=(Phrase.of("c.size", total=a.exact_total_fte, size=a.size),)))
    steps.append(_norms_step(a))
    steps.append(_level_step(a))
    steps.append(_bounds_step(a))
    steps.append(_thirty_step(a))
    ba = a.banenafspraak
    steps.append(Step(
        rule="R-BA-1", title=Phrase.of("x.banen", hours=ba.job_hours.value), exact=ba.jobs,
        kind="num", figure="banenafspraak",
        calc=(Phrase.of("c.banen", count=len(ba.persons), hours=ba.job_hours.value),),
        cited=ba.cited))
    steps.append(Step(
        rule="R-GAP-1", title=Phrase.of("x.gaps"), exact=len(a.gaps), kind="levels",
        figure="gaps", children=_gap_steps(a),
        notes=() if a.gaps else (Phrase.of("x.no_gaps"),)))
    fee = rules.parameters.get("fee_scale")
    steps.append(Step(
        rule="R-FEE-1", title=Phrase.of("x.fee"), exact=a.annual_fee, kind="eur",
        figure="annual_fee", cited=(fee,) if fee is not None else (),
        notes=() if fee is not None else (Phrase.of("x.no_fee"),)))
    steps.append(_qualitative_step(a))
    return Explanation(tuple(steps), formatting.language(lang), detail)
