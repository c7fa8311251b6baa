"""Reports of an :class:`~psoladder.assessment.Assessment`: text, Markdown, HTML and JSON.

Dutch (``nl``, the language of the scheme, with its own terms: trede,
directe/indirecte bijdrage, peiljaar, doelgroep, and a decimal comma) and
English (``en``). Reports only read the assessment; they never compute a rule.

>>> import psoladder
>>> a = psoladder.assess(psoladder.load_example())
>>> print(render(a, "text", lang="en").splitlines()[0])
PSO assessment: Schoonmaakbedrijf De Glansrijke B.V.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from fractions import Fraction
from typing import Literal

import attrs

from psoladder import messages
from psoladder.assessment import Assessment
from psoladder.model import Level
from psoladder.numbers import Exact, display

__all__ = ["FORMATS", "LANGUAGES", "Lang", "level_name", "render"]

FORMATS = ("text", "markdown", "html", "json")
LANGUAGES = ("nl", "en")

Lang = Literal["nl", "en"]


def _label(key: str, lang: Lang, **params: str) -> str:
    return messages.text(f"l.{key}", lang, **params)


def level_name(level: Level, lang: Lang = "en") -> str:
    """The level's name in ``lang``."""
    return messages.text(f"level.{level.value}", lang)


def _num(value: Exact | None, lang: Lang, places: int = 2, unit: str = "") -> str:
    if value is None:
        return "–"
    text = display(value, places)
    if lang == "nl":
        text = text.replace(".", ",")
    return f"{text}{unit}"


@attrs.frozen
class _Section:
    title: str
    rows: tuple[tuple[str, str], ...] = ()
    lines: tuple[str, ...] = ()


def _sections(a: Assessment, lang: Lang) -> list[_Section]:
    rules = a.rules
    figures = {  # rule values some labels name, read from the rule data
        "min_fte": _num(rules.decimal("min_total_fte").value, lang),
        "cap": _num(100 * rules.decimal("max_indirect_share").value, lang, 0),
        "job_hours": _num(rules.decimal("banenafspraak_job_hours").value, lang),
    }

    def _t(key: str, lang: Lang) -> str:
        return _label(key, lang, **figures)

    yes, no = _t("yes", lang), _t("no", lang)
    pct = " %"
    out = [_Section(_t("title", lang) + ": " + a.organisation.name, rows=(
        (_t("level", lang), level_name(a.level, lang)),
        (_t("eligible", lang), yes if a.eligible else no),
        (_t("edition", lang), a.edition),
        (_t("application_date", lang), a.application_date.isoformat()),
        (_t("peiljaar", lang), str(a.peiljaar)),
    ))]
    s = a.exact
    out.append(_Section(_t("scores", lang), rows=(
        (_t("total_fte", lang), _num(a.exact_total_fte, lang, 4)),
        (_t("weighted_target_fte", lang), _num(a.exact_weighted, lang, 4)),
        (_t("direct_pct", lang), _num(s.direct_pct, lang, unit=pct)),
        (_t("indirect_fte", lang), _num(a.exact_indirect_fte, lang, 4)),
        (_t("indirect_pct", lang), _num(s.indirect_pct, lang, unit=pct)),
        (_t("indirect_counted_pct", lang), _num(s.indirect_counted_pct, lang, unit=pct)),
        (_t("total_pct", lang), _num(s.total_pct, lang, unit=pct)),
    )))
    norm_rows = [(_t("size", lang), str(a.size)),
                 (_t("norm_source", lang),
                  messages.text(f"source.{a.norms.source.value}", lang))]
    for level in a.rules.levels:
        norm = a.norms.for_level(level)
        if norm is None:
            norm_rows.append((level_name(level, lang), _t("unknown", lang)))
            continue
        mark = _t("reached", lang) if a.eligible and s.total_pct >= norm else _t(
            "not_reached", lang)
        norm_rows.append((level_name(level, lang), f"{_num(norm, lang, unit=pct)} ({mark})"))
    out.append(_Section(_t("norms", lang), rows=tuple(norm_rows)))
    gap_rows: list[tuple[str, str]] = []
    for g in a.gaps:
        unreachable = _t("not_reachable", lang)
        name = level_name(g.level, lang)
        gap_rows += [
            (f"{name}: {_t('gap_filled', lang)}", _num(g.filled_post_fte, lang, 4)
             if g.filled_post_fte is not None else unreachable),
            (f"{name}: {_t('gap_hired', lang)}", _num(g.new_hire_fte, lang, 4)
             if g.new_hire_fte is not None else unreachable),
            (f"{name}: {_t('gap_size', lang)}", str(g.new_hire_size or "–")),
            (f"{name}: {_t('gap_indirect', lang)}", _num(g.indirect_fte, lang, 4)
             if g.indirect_fte is not None else unreachable),
        ]
        if g.purchase_amount is not None and g.supplier is not None:
            gap_rows.append((f"{name}: {_t('gap_amount', lang)}",
                             f"{_num(g.purchase_amount, lang)} ({g.supplier.name})"))
    out.append(_Section(_t("gaps", lang), rows=tuple(gap_rows),
                        lines=() if a.gaps else (_t("top", lang),)))
    tp = a.thirty_plus
    out.append(_Section(_t("thirty_plus", lang), rows=(
        (_t("tp_share", lang), f"{_num(100 * tp.share, lang, unit=pct)} "
         f"(min. {_num(100 * Fraction(tp.min_share.value), lang, unit=pct)}, {tp.basis.value})"),
        (_t("tp_regular", lang), f"{_num(100 * tp.regular_share, lang, unit=pct)} "
         f"(min. {_num(100 * tp.regular_floor, lang, unit=pct)})"),
        (_t("tp_awarded", lang), yes if tp.awarded else no),
    )))
    q = a.qualitative
    qual_rows = [(_t("certifiable", lang), _t("not_evaluated", lang)
                  if q.certifiable_level is None else level_name(q.certifiable_level, lang))]
    qual_rows += [(f"{_t('missing', lang)}: {person}",
                   ", ".join(messages.text(f"criterion.{k}", lang) for k in c))
                  for person, c in q.missing.items()] if q.evaluated else []
    out.append(_Section(_t("qualitative", lang), rows=tuple(qual_rows)))
    out.append(_Section(_t("side_figures", lang), rows=(
        (_t("banenafspraak", lang), _num(a.banenafspraak.jobs, lang, 4)),
        (_t("fee", lang), _num(a.annual_fee, lang) if a.annual_fee is not None
         else _t("unknown", lang)),
    )))
    out.append(_Section(_t("warnings", lang),
                        lines=tuple(f"{w.rule}: {w.text(lang)}" for w in a.warnings)))
    return out


def _text(sections: Sequence[_Section], explanation: str | None, lang: Lang) -> str:
    lines: list[str] = []
    for i, sec in enumerate(sections):
        lines.append(sec.title)
        lines.append("=" * len(sec.title) if i == 0 else "-" * len(sec.title))
        width = max((len(k) for k, _ in sec.rows), default=0)
        lines.extend(f"  {k.ljust(width)}  {v}" for k, v in sec.rows)
        lines.extend(f"  - {line}" for line in sec.lines)
        lines.append("")
    if explanation is not None:
        title = _label("explanation", lang)
        lines += [title, "-" * len(title), explanation, ""]
    lines.append(_label("disclaimer", lang))
    return "\n".join(lines)


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|")


def _markdown(sections: Sequence[_Section], explanation: str | None, lang: Lang) -> str:
    lines: list[str] = []
    for i, sec in enumerate(sections):
        lines.append(("# " if i == 0 else "## ") + sec.title)
        lines.append("")
        if sec.rows:
            lines += ["| | |", "|---|---|"]
            lines.extend(f"| {_md_cell(k)} | {_md_cell(v)} |" for k, v in sec.rows)
            lines.append("")
        if sec.lines:
            lines.extend(f"- {line}" for line in sec.lines)
            lines.append("")
    if explanation is not None:
        lines += [f"## {_label('explanation', lang)}", "", "```text", explanation, "```", ""]
    lines.append(f"*{_label('disclaimer', lang)}*")
    return "\n".join(lines)


_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:52rem;
margin:2rem auto;padding:0 1rem;color:#1d2330;line-height:1.45}
h1{font-size:1.5rem;border-bottom:3px solid #2f6f4f;padding-bottom:.3rem}
h2{font-size:1.15rem;margin-top:1.6rem;color:#2f6f4f}
table{border-collapse:collapse;width:100%}td{padding:.25rem .5rem;border-bottom:1px solid #e3e6ea;
vertical-align:top}td:first-child{width:55%;color:#4a5260}
.level{font-size:1.3rem;font-weight:700}pre{background:#f5f7f9;padding:.8rem;overflow:auto;
font-size:.8rem}ul{padding-left:1.2rem}footer{margin-top:2rem;font-size:.85rem;color:#6b7380}
"""


def _html(sections: Sequence[_Section], explanation: str | None, lang: Lang,
          standalone: bool) -> str:
    esc = html.escape
    body: list[str] = []
    for i, sec in enumerate(sections):
        body.append(f"<h{1 if i == 0 else 2}>{esc(sec.title)}</h{1 if i == 0 else 2}>")
        if sec.rows:
            body.append("<table>")
            for j, (k, v) in enumerate(sec.rows):
                cls = ' class="level"' if i == 0 and j == 0 else ""
                body.append(f"<tr><td>{esc(k)}</td><td{cls}>{esc(v)}</td></tr>")
            body.append("</table>")
        if sec.lines:
            body.append("<ul>" + "".join(f"<li>{esc(line)}</li>" for line in sec.lines)
                        + "</ul>")
    if explanation is not None:
        body.append(f"<h2>{esc(_label('explanation', lang))}</h2><pre>{esc(explanation)}</pre>")
    body.append(f"<footer>{esc(_label('disclaimer', lang))}</footer>")
    content = "\n".join(body)
    if not standalone:
        return f'<div class="psoladder">\n{content}\n</div>'
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(sections[0].title)}</title>\n<style>{_CSS}</style>\n</head>\n"
            f"<body>\n{content}\n</body>\n</html>\n")


def render(a: Assessment, fmt: str = "text", *, lang: str = "nl", explain: bool = False,
           standalone: bool = True) -> str:
    """Render an assessment.

    Args:
        a: The assessment.
        fmt: ``text``, ``markdown``, ``html`` or ``json``.
        lang: ``nl`` or ``en`` (JSON keys are always English).
        explain: Include the explanation tree.
        standalone: For HTML, a whole page with its style (else a fragment).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use nl or en")
    language: Lang = "nl" if lang == "nl" else "en"
    if fmt == "json":
        return json.dumps(a.to_dict(explanation=explain), indent=2, ensure_ascii=False)
    sections = _sections(a, language)
    text_tree = a.explanation_in(language).render() if explain else None
    if fmt == "text":
        return _text(sections, text_tree, language)
    if fmt == "markdown":
        return _markdown(sections, text_tree, language)
    return _html(sections, text_tree, language, standalone)
