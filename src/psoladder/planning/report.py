"""Forecasts, comparisons and scenarios for people: text, Markdown, HTML and JSON, nl and en.

The same conventions as :mod:`psoladder.report`: every word from
:mod:`psoladder.messages`, every number through :mod:`psoladder.formatting`
(the message formats), the three layouts of :mod:`psoladder.document` with
every string from the input neutralised, and nothing computed: these
functions read a :class:`~psoladder.planning.forecast.Forecast`, a
:class:`~psoladder.planning.compare.Comparison` or assessments.

* :func:`render_forecast`: the level and score per application date, when
  the level changes and why (the people whose counting window ends), and
  every assumption;
* :func:`render_comparison`: the figures that changed, and the people, rows,
  purchases, rule values and entities behind them;
* :func:`render_scenarios`: the baseline and each scenario side by side;
* :func:`render_scenario`: the report of one scenario's assessment, with
  its changes.

>>> import datetime as dt, psoladder
>>> from psoladder.planning.forecast import forecast
>>> f = forecast(psoladder.load_example(), until=dt.date(2027, 5, 1), every="year")
>>> print(render_forecast(f, "text", lang="en").splitlines()[0])
PSO forecast: Schoonmaakbedrijf De Glansrijke B.V.
>>> print(forecast_sentence(f, "nl"))
Vanaf 1 januari 2027 is het niveau Trede 1 in plaats van Trede 2: de telperiode van D003 en D010 eindigt.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from psoladder import document, formatting, messages
from psoladder.document import Block, Table
from psoladder.messages import Phrase
from psoladder.periods import DateRange
from psoladder.planning.compare import (
    FIGURES,
    LEVELS,
    Comparison,
    Figure,
    RowChange,
    json_value,
)
from psoladder.report import FORMATS, _footer, render, sections

if TYPE_CHECKING:
    from psoladder.assessment import Assessment
    from psoladder.planning.forecast import Forecast, LevelChange
    from psoladder.planning.scenarios import Scenario

__all__ = ["SCENARIO_FIGURES", "comparison_blocks", "forecast_blocks", "forecast_sentence",
           "render_comparison", "render_forecast", "render_scenario", "render_scenarios",
           "scenario_blocks"]

_BY_NAME = {f.name: f for f in FIGURES}
#: The figures of the side-by-side table of scenarios.
SCENARIO_FIGURES: tuple[Figure, ...] = (
    *LEVELS, *(_BY_NAME[n] for n in (
        "total_pct", "direct_pct", "indirect_counted_pct", "total_fte", "weighted_target_fte",
        "indirect_fte", "size", "norms.trede_1", "norms.trede_2", "norms.trede_3",
        "thirty_plus.awarded", "annual_fee")))


def _hidden_levels(assessments: Iterable[Assessment]) -> frozenset[str]:
    """The names of the levels a table of ``assessments`` leaves out.

    ``level_certain`` is ``level`` under the default norm policy (issue 17):
    a table shows it only where it differs (the ``interpolate`` policy), so
    the usual table has "level" beside the possible level. The JSON forms
    carry all three.
    """
    if any(a.level_certain != a.level for a in assessments):
        return frozenset()
    return frozenset({"level_certain"})


# The columns of a forecast's table, after the date, peiljaar and edition.
_FORECAST_FIGURES = tuple(_BY_NAME[n] for n in (
    "total_fte", "size", "direct_pct", "indirect_counted_pct", "total_pct"))
_NUMERIC = {"fte", "pct", "num", "count", "eur"}


class _Words:
    """Texts and values in one language (rounded, or exact)."""

    def __init__(self, lang: str, exact: bool) -> None:
        self.lang = formatting.language(lang)
        self.exact = exact

    def __call__(self, key: str, **params: Any) -> str:
        return messages.text(key, self.lang, exact=self.exact, **params)

    def show(self, value: Any, kind: str) -> str:
        return messages.show(value, kind, self.lang, exact=self.exact)

    def label(self, name: str) -> str:
        return self(f"fig.{name}")

    def value(self, figure: Figure, value: Any) -> str:
        return self.show(value, figure.kind)

    def arrow(self, old: str, new: str) -> str:
        return self("cmp.arrow", old=old, new=new)


def _layout(blocks: list[Block], fmt: str, words: _Words, standalone: bool) -> str:
    footer = _footer(words.lang, words.exact)
    if fmt == "text":
        return document.text(blocks, footer)
    if fmt == "markdown":
        return document.markdown(blocks, footer, item_header=(words("l.item"), words("l.value")))
    if not standalone:
        return document.html_fragment(blocks, footer)
    return document.html_page(blocks, footer, lang=words.lang, title=blocks[0].title)


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


# ------------------------------------------------------------------ forecast


# How many people a sentence names before it says "and N others".
_NAMED = 5


def _names(people: Sequence[str]) -> tuple[Any, ...]:
    named: list[Any] = list(people[:_NAMED])
    if len(people) > _NAMED:
        named.append(Phrase.of("v.c_more", count=len(people) - _NAMED))
    return tuple(named)


def _change_phrase(change: LevelChange) -> Phrase:
    """The change in one sentence, with the people it comes from.

    A drop names the people whose counting window ends (else those who
    count less); a rise those who count more.
    """
    because: Phrase | str = ""
    rise = change.new_level > change.old_level
    ended = list(dict.fromkeys(w.person for w in change.window_ends))
    if ended and not rise:
        because = Phrase.of("fc.because_windows", people=_names(ended))
    else:
        moved = [p.person for p in change.comparison.persons
                 if (p.new_weighted > p.old_weighted) == rise and p.new_weighted != p.old_weighted]
        if moved:
            because = Phrase.of("fc.because_more" if rise else "fc.because_less",
                                people=_names(moved))
    return Phrase.of("fc.change", on=change.on, old=change.old_level, new=change.new_level,
                     because=because)


def forecast_sentence(f: Forecast, lang: str = "en") -> str:
    """The forecast in one sentence: the first change of level, or that there is none."""
    if not f.changes:
        return messages.text("fc.stays", lang, level=f.points[0].level, until=f.until)
    return _change_phrase(f.changes[0]).text(lang)


def _change_block(change: LevelChange, w: _Words) -> Block:
    c = change.comparison
    rows = [(w.label("peiljaar"), w.arrow(w.show(change.before.peiljaar, "period"),
                                          w.show(change.after.peiljaar, "period")))]
    for f in c.figures:
        if f.name in ("application_date", "peiljaar") or f.kind not in _NUMERIC:
            continue
        rows.append((w.label(f.name), w.arrow(w.show(f.old, f.kind), w.show(f.new, f.kind))))
    notes = [w("fc.window_end", person=e.person, group=e.target_group, ends=e.ends,
               rule=e.rule, old=e.old_weighted, new=e.new_weighted)
             for e in change.window_ends]
    ended = {e.person for e in change.window_ends}
    for person in c.persons:
        if person.person in ended:
            continue
        notes.append(_person_note(person.person, person.rows, person.old_weighted,
                                  person.new_weighted, person.old_fte, person.new_fte, w))
    notes += [_purchase_note(p, w) for p in c.purchases]
    return Block(w("fc.change_title", on=change.on, old=change.old_level, new=change.new_level),
                 rows=tuple(rows), notes=tuple(notes))


def _peiljaar_cell(peiljaar: DateRange, w: _Words) -> str:
    """A peiljaar in a table cell: its year when it is a calendar year, else the period."""
    start, end = peiljaar.start, peiljaar.end
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    return w.show(peiljaar, "period")


def _forecast_table(f: Forecast, w: _Words) -> Table:
    changes = {c.on: c for c in f.changes}
    hidden = _hidden_levels(p.assessment for p in f.points)
    levels = tuple(x for x in LEVELS if x.name not in hidden)
    header = (w.label("application_date"), w.label("peiljaar"), w.label("edition"),
              *(w.label(x.name) for x in _FORECAST_FIGURES),
              *(w.label(x.name) for x in levels), w("fc.col_change"))
    rows = []
    for p in f.points:
        a = p.assessment
        change = changes.get(p.application_date)
        rows.append((w.show(p.application_date, "date"), _peiljaar_cell(a.peiljaar, w),
                     a.edition, *(w.value(x, x.read(a)) for x in _FORECAST_FIGURES),
                     *(w.value(x, x.read(a)) for x in levels),
                     "" if change is None else w("fc.changed", old=change.old_level,
                                                 new=change.new_level)))
    numeric = (False, False, False, *(x.kind in _NUMERIC for x in _FORECAST_FIGURES),
               *(False for _ in levels), False)
    return Table(header, tuple(rows), numeric)


def forecast_blocks(f: Forecast, lang: str = "nl", *, exact: bool = False) -> list[Block]:
    """The forecast as :class:`~psoladder.document.Block` sections, in ``lang``."""
    w = _Words(lang, exact)
    first, last = f.points[0], f.points[-1]
    out = [Block(w("fc.title", name=f.organisation.name), lead=True, rows=(
        (w("fc.level_on", on=first.application_date), w.show(first.level, "level")),
        (w("fc.level_on", on=last.application_date), w.show(last.level, "level")),
        (w("fc.range"), w("fc.range_value", start=f.start, until=f.until,
                          every=Phrase.of(f"fc.every.{f.every}"))),
    ), lines=(forecast_sentence(f, w.lang),))]
    out.append(Block(w("fc.assumptions"), notes=tuple(a.text(w.lang) for a in f.assumptions)))
    out.append(Block(w("fc.table"), table=_forecast_table(f, w)))
    out.append(Block(w("fc.changes"), children=tuple(_change_block(c, w) for c in f.changes),
                     lines=() if f.changes else (w("fc.no_changes"),)))
    seen: dict[tuple[str, str], str] = {}
    restated = {"after_last_edition", "peiljaar_default"}  # said by the assumptions
    for p in f.evaluated:
        for notice in p.assessment.warnings:
            key = (notice.rule, notice.key)
            if notice.key in restated or key in seen:
                continue
            text = f"{notice.rule}: {notice.text(w.lang)}"
            seen[key] = (text if p.application_date == f.start
                         else w("fc.from_date", on=p.application_date, text=text))
    out.append(Block(w("l.warnings"), notes=tuple(seen.values()),
                     lines=() if seen else (w("l.no_warnings"),)))
    return out


def render_forecast(f: Forecast, fmt: str = "text", *, lang: str = "nl", exact: bool = False,
                    standalone: bool = True) -> str:
    """Render a forecast.

    Args:
        f: The forecast.
        fmt: ``text``, ``markdown``, ``html`` or ``json``.
        lang: ``nl`` or ``en`` (JSON keys are English; its assumptions follow ``lang``).
        exact: Show exact values instead of rounded ones.
        standalone: For HTML, a whole page (else a fragment).
    """
    _check(fmt)
    if fmt == "json":
        return json.dumps(f.to_dict(lang=formatting.language(lang)), indent=2,
                          ensure_ascii=False)
    return _layout(forecast_blocks(f, lang, exact=exact), fmt, _Words(lang, exact), standalone)


# ------------------------------------------------------------------ comparison


def _row_phrases(row: RowChange, w: _Words) -> list[str]:
    e = row.employment
    until = Phrase.of("sc.until", end=e.end) if e.end is not None else ""
    if row.old is None or row.new is None:
        key = "cmp.row_added" if row.old is None else "cmp.row_removed"
        return [w(key, start=e.start, until=until, hours=e.hours_per_week)]
    out = []
    old, new = row.old, row.new
    # (a whole year of 365 days against one of 366 is no change of fte)
    if old.days != new.days and old.fte != new.fte:
        out.append(w("cmp.row_days", days=new.days, old=old.days))
    window = new.counting.window
    if old.counted_days != new.counted_days and old.counted_fte != new.counted_fte \
            and window is not None:
        out.append(w("cmp.row_window", window=window, counted=new.counted_days,
                     old=old.counted_days))
    if old.counting.weight != new.counting.weight:
        out.append(w("cmp.row_weight", weight=new.counting.weight, old=old.counting.weight))
    return out or [w("cmp.row_fte", fte=new.fte, old=old.fte)]


def _person_note(person: str, rows: Sequence[RowChange], old_weighted: Any, new_weighted: Any,
                 old_fte: Any, new_fte: Any, w: _Words) -> str:
    why = [p for r in rows for p in _row_phrases(r, w)]
    return w("cmp.person_note", person=person, fte=w.arrow(w.show(old_fte, "fte"),
                                                          w.show(new_fte, "fte")),
             weighted=w.arrow(w.show(old_weighted, "fte"), w.show(new_weighted, "fte")),
             why="; ".join(why) if why else "–")


def _purchase_note(change: Any, w: _Words) -> str:
    p = change.purchase
    reason = change.new.reason if change.new is not None else None
    return w("cmp.purchase_note", supplier=p.supplier,
             status=Phrase.of(f"cmp.status.{change.status}"),
             fte=w.arrow(w.show(change.old.counted_fte if change.old else 0, "fte"),
                         w.show(change.new.counted_fte if change.new else 0, "fte")),
             reason="" if reason is None else w("cmp.reason", reason=reason.text(w.lang)))


def _labels(c: Comparison, w: _Words) -> tuple[str, str]:
    given = c.labels
    if given[0] is not None and given[0] == given[1]:  # two files of the same name
        given = (None, None)
    a, b = c.old, c.new
    if a.organisation.name != b.organisation.name:
        default = (a.organisation.name, b.organisation.name)
    elif a.application_date != b.application_date:
        default = (w("cmp.side_date", on=a.application_date),
                   w("cmp.side_date", on=b.application_date))
    else:
        default = (w("cmp.first"), w("cmp.second"))
    return (given[0] or default[0], given[1] or default[1])


def comparison_blocks(c: Comparison, lang: str = "nl", *, exact: bool = False) -> list[Block]:
    """The comparison as :class:`~psoladder.document.Block` sections, in ``lang``."""
    w = _Words(lang, exact)
    old_label, new_label = _labels(c, w)
    names = dict.fromkeys((c.old.organisation.name, c.new.organisation.name))
    out = [Block(w("cmp.title", name=" / ".join(names)), lead=True, rows=(
        (old_label, w("cmp.level_total", level=c.old.level, total=c.old.exact.total_pct)),
        (new_label, w("cmp.level_total", level=c.new.level, total=c.new.exact.total_pct)),
    ), lines=() if c.figures else (w("cmp.no_change"),))]
    if c.figures:
        hidden = _hidden_levels((c.old, c.new))
        rows = tuple((w.label(f.name), w.show(f.old, f.kind), w.show(f.new, f.kind),
                      "" if f.delta is None else _signed(f.delta, f.kind, w),
                      formatting.join((w.label(x) for x in f.because), w.lang))
                     for f in c.figures if f.name not in hidden)
        out.append(Block(w("cmp.figures"), table=Table(
            (w("cmp.col_figure"), old_label, new_label, w("cmp.col_change"),
             w("cmp.col_because")), rows, (False, True, True, True, False))))
    if c.persons:
        rows = tuple((p.person, w(f"cmp.status.{p.status}"),
                      w.arrow(w.show(p.old_fte, "fte"), w.show(p.new_fte, "fte")),
                      w.arrow(w.show(p.old_weighted, "fte"), w.show(p.new_weighted, "fte")),
                      "; ".join(x for r in p.rows for x in _row_phrases(r, w)))
                     for p in c.persons)
        out.append(Block(w("cmp.people"), table=Table(
            (w("cmp.col_person"), w("cmp.col_status"), w("cmp.col_fte"),
             w("cmp.col_weighted"), w("cmp.col_why")), rows,
            (False, False, True, True, False))))
    if c.purchases:
        out.append(Block(w("cmp.purchases"), notes=tuple(_purchase_note(p, w)
                                                         for p in c.purchases)))
    if c.rules is not None:
        rule_rows = tuple((r.rule, _rule_name(r.name, w), _rule_value(r.old, w),
                           _rule_value(r.new, w)) for r in c.rules.changes)
        out.append(Block(w("cmp.rules"), table=Table(
            (w("rl.rule"), w("rl.name"), old_label, new_label), rule_rows)))
    if c.entities:
        entity_rows = tuple(_entity_row(e, w) for e in c.entities)
        out.append(Block(w("l.entities"), table=Table(
            (w("l.ent_name"), w("l.ent_kvk"), w("l.total_fte"), w("l.weighted_target_fte"),
             w("l.indirect_fte")), entity_rows, (False, False, True, True, True))))
    return out


def _signed(delta: Any, kind: str, w: _Words) -> str:
    """A difference with its sign; between two percentages in percentage points."""
    # The exact form keeps its sign on both sides of the ≈.
    points = kind == "pct" and not w.exact
    text = w("cmp.points", delta=delta) if points else w.show(delta, kind)
    return "+" + text if delta > 0 else text.replace("-", "−")


def _rule_name(name: str, w: _Words) -> str:
    shown = messages.param_name(name, w.lang)
    return name if shown == messages.text("cited.value", w.lang) else shown


def _rule_value(cited: Any, w: _Words) -> str:
    if cited is None:
        return w("rd.absent")
    value = cited.value
    if isinstance(value, str) and not messages.param_value(cited.name, value, w.lang):
        return w.show(cited.status, "status")  # a text of the rule data, not for people
    return messages.param_value(cited.name, value, w.lang) or w.show(value, "")


def _entity_row(e: Any, w: _Words) -> tuple[str, ...]:
    entity = (e.new or e.old).entity

    def pair(read: Callable[[Any], Any]) -> str:
        return w.arrow(w.show(read(e.old) if e.old else 0, "fte"),
                       w.show(read(e.new) if e.new else 0, "fte"))

    return (entity.name, entity.kvk, pair(lambda x: x.exact_total_fte),
            pair(lambda x: x.exact_weighted), pair(lambda x: x.exact_indirect_fte))


def render_comparison(c: Comparison, fmt: str = "text", *, lang: str = "nl",
                      exact: bool = False, standalone: bool = True) -> str:
    """Render a comparison (``text``, ``markdown``, ``html`` or ``json``; ``nl`` or ``en``)."""
    _check(fmt)
    if fmt == "json":
        return json.dumps(c.to_dict(), indent=2, ensure_ascii=False)
    return _layout(comparison_blocks(c, lang, exact=exact), fmt, _Words(lang, exact),
                   standalone)


# ------------------------------------------------------------------ scenarios


def _scenario_block(s: Scenario, w: _Words) -> Block:
    lines = [s.description] if s.description else []
    if s.extends:
        lines.append(w("sc.extends", name=s.extends))
    return Block(w("sc.applied", name=s.name), lines=tuple(lines),
                 notes=tuple(c.phrase().text(w.lang) for c in s.changes))


def scenario_blocks(baseline: Assessment, results: Sequence[tuple[Scenario, Assessment]],
                    lang: str = "nl", *, exact: bool = False) -> list[Block]:
    """The baseline and each scenario side by side, then each scenario's changes."""
    w = _Words(lang, exact)
    header = (w("cmp.col_figure"), w("sc.baseline"), *(s.name for s, _ in results))
    hidden = _hidden_levels((baseline, *(a for _, a in results)))
    rows = tuple((w.label(f.name), w.value(f, f.read(baseline)),
                  *(w.value(f, f.read(a)) for _, a in results)) for f in SCENARIO_FIGURES
                 if f.name not in hidden)
    numeric = (False, *(True for _ in range(len(results) + 1)))
    out = [Block(w("sc.title", name=baseline.organisation.name), lead=True,
                 rows=((w("sc.baseline"), w.show(baseline.level, "level")),
                       *((s.name, w.show(a.level, "level")) for s, a in results)),
                 lines=() if results else (w("sc.none"),)),
           Block(w("sc.figures"), table=Table(header, rows, numeric))]
    out.extend(_scenario_block(s, w) for s, _ in results)
    return out


def render_scenarios(baseline: Assessment, results: Sequence[tuple[Scenario, Assessment]],
                     fmt: str = "text", *, lang: str = "nl", exact: bool = False,
                     standalone: bool = True) -> str:
    """Render the side-by-side table of a baseline and its scenarios."""
    _check(fmt)
    if fmt == "json":
        def figures(a: Assessment) -> dict[str, Any]:
            return {f.name: json_value(f.read(a)) for f in SCENARIO_FIGURES}

        return json.dumps({"organisation": baseline.organisation.name,
                           "baseline": figures(baseline),
                           "scenarios": [{**s.to_dict(), "figures": figures(a)}
                                         for s, a in results]},
                          indent=2, ensure_ascii=False)
    return _layout(scenario_blocks(baseline, results, lang, exact=exact), fmt,
                   _Words(lang, exact), standalone)


def render_scenario(a: Assessment, scenario: Scenario, fmt: str = "text", *, lang: str = "nl",
                    explain: bool | str = False, exact: bool = False,
                    standalone: bool = True) -> str:
    """The report of a scenario's assessment (:func:`psoladder.report.render`), with its changes."""
    _check(fmt)
    w = _Words(lang, exact)
    if fmt == "json":
        doc = json.loads(render(a, "json", lang=w.lang, explain=explain, exact=exact))
        return json.dumps({**doc, "scenario": scenario.to_dict()}, indent=2,
                          ensure_ascii=False)
    blocks = sections(a, w.lang, exact=exact)
    blocks.insert(1, _scenario_block(scenario, w))
    if explain:
        detail = "summary" if explain is True else explain
        tree = a.explanation_in(w.lang, detail=detail)
        blocks.append(Block(w("l.explanation"), children=tuple(tree.blocks(exact=exact))))
    return _layout(blocks, fmt, w, standalone)
