r"""Documents of blocks laid out as text, Markdown or HTML, with every string neutralised.

A report and an explanation are built (by :mod:`psoladder.report` and
:mod:`psoladder.explain`) as a tree of :class:`Block` objects whose strings
are already in the reader's language. This module lays the same tree out in
three ways, so the text, Markdown and HTML forms always say the same thing:

* **text**: sections with underlined titles and aligned rows; nested blocks
  as an indented tree;
* **Markdown**: headings, two-column tables with a header row, nested lists;
* **HTML**: sections, and nested collapsible ``<details>`` blocks with tables;
  long words wrap so nothing scrolls sideways, and a print stylesheet opens
  every block so the browser saves a complete PDF.

Strings from the input (names of organisations, people, suppliers; file
names) can hold anything. Every string is neutralised for the form it goes
into, so a name cannot change what the reader sees around it:

* control characters (``ESC``, newlines, ...) and bidirectional-override
  characters are shown as escapes (``\x1b``, ``\u202e``) in every form;
* Markdown: characters with a meaning (``|``, backticks, ``[``, ``]``, ``<``,
  ``*``, ``_``, ...) are backslash-escaped, so a name cannot break a table,
  make a link or start a list;
* HTML: ``<``, ``>``, ``&`` and quotes are escaped.

>>> clean("Jan\x1b[31m")
'Jan\\x1b[31m'
>>> markdown_text("A | B [link](http://x)")
'A \\| B \\[link\\](http://x)'
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

import attrs

__all__ = ["Block", "Table", "clean", "html_page", "markdown", "markdown_text", "text",
           "text_tree"]

# Control characters, bidirectional controls and line/paragraph separators.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
                     "\u2066-\u2069]")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
# What starts a list, a quote or a heading at the start of a line.
_MD_LINE_START = re.compile(r"^(\s*)(\d*)([-+>=.)#])(?=[\s#]|$)")


def clean(value: str) -> str:
    r"""``value`` with control and bidirectional-override characters shown as escapes.

    >>> clean("a\tb\u202ec")
    'a\\tb\\u202ec'
    """
    def escape(match: re.Match[str]) -> str:
        c = match.group()
        named = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
        if c in named:
            return named[c]
        return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"

    return _UNSAFE.sub(escape, value)


def markdown_text(value: str, *, line_start: bool = False) -> str:
    r"""``value`` safe inside Markdown text and table cells.

    With ``line_start`` (text that begins a line or a list item), a leading
    ``-``, ``+``, ``>``, ``=``, ``#`` or ``1.`` is escaped too, so it starts no
    list, quote or heading.

    >>> markdown_text("1. Jan", line_start=True), markdown_text("2.1")
    ('1\\. Jan', '2.1')
    """
    escaped = _MD_SPECIAL.sub(r"\\\1", clean(value))
    if not line_start:
        return escaped
    return _MD_LINE_START.sub(lambda m: m.group(1) + m.group(2) + "\\" + m.group(3), escaped)


def _h(value: str) -> str:
    return html.escape(clean(value), quote=True)


@attrs.frozen
class Table:
    """A table of strings.

    Attributes:
        header: Column titles.
        rows: The rows, each as long as ``header``.
        numeric: Per column, whether it holds numbers (aligned right).
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...] = ()

    def is_numeric(self, column: int) -> bool:
        """Whether ``column`` is aligned right."""
        return column < len(self.numeric) and self.numeric[column]


@attrs.frozen
class Block:
    """One part of a document: a section of a report or a step of an explanation.

    Attributes:
        title: The title.
        value: The value, shown after the title (a step's result).
        tag: A rule id, shown beside the title.
        rows: Label and value pairs.
        lines: Calculations, shown after ``=``.
        notes: Remarks, shown as a list.
        sources: Rule values used and their sources, shown as a list after the
            notes (smaller in HTML, web addresses as links).
        table: A table.
        children: Nested blocks.
        open: In HTML, shown unfolded.
        lead: The block's first row is the document's headline (shown large).
    """

    title: str
    value: str = ""
    tag: str = ""
    rows: tuple[tuple[str, str], ...] = ()
    lines: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    table: Table | None = None
    children: tuple[Block, ...] = ()
    open: bool = True
    lead: bool = False


# ------------------------------------------------------------------ text


def _text_table(table: Table, pad: str) -> list[str]:
    cells = [tuple(clean(c) for c in table.header)] + [tuple(clean(c) for c in r)
                                                       for r in table.rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(table.header))]

    def line(row: Sequence[str]) -> str:
        parts = [c.rjust(w) if table.is_numeric(i) else c.ljust(w)
                 for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        return (pad + "  ".join(parts)).rstrip()

    rule = pad + "  ".join("-" * w for w in widths)
    return [line(cells[0]), rule, *(line(r) for r in cells[1:])]


def text_tree(blocks: Sequence[Block], depth: int = 0) -> list[str]:
    """Blocks as an indented tree of lines."""
    lines: list[str] = []
    for b in blocks:
        pad = "  " * depth
        head = clean(b.title) + (f": {clean(b.value)}" if b.value else "")
        lines.append(pad + head + (f"  [{clean(b.tag)}]" if b.tag else ""))
        lines.extend(f"{pad}    = {clean(x)}" for x in b.lines)
        lines.extend(f"{pad}    {clean(k)}: {clean(v)}" for k, v in b.rows)
        lines.extend(f"{pad}    - {clean(x)}" for x in (*b.notes, *b.sources))
        if b.table is not None:
            lines.extend(_text_table(b.table, pad + "    "))
        lines.extend(text_tree(b.children, depth + 1))
    return lines


def text(sections: Sequence[Block], footer: Sequence[str] = ()) -> str:
    """A document as plain text: each top block a section, nested blocks as a tree."""
    lines: list[str] = []
    for i, sec in enumerate(sections):
        title = clean(sec.title)
        lines += [title, ("=" if i == 0 else "-") * len(title)]
        width = max((len(clean(k)) for k, _ in sec.rows), default=0)
        lines.extend(f"  {clean(k).ljust(width)}  {clean(v)}".rstrip() for k, v in sec.rows)
        if sec.rows and sec.lines:
            lines.append("")
        lines.extend(f"  {clean(x)}" for x in sec.lines)
        lines.extend(f"  - {clean(x)}" for x in (*sec.notes, *sec.sources))
        if sec.table is not None:
            lines.extend(_text_table(sec.table, "  "))
        lines.extend(text_tree(sec.children, 1))
        lines.append("")
    lines.extend(clean(x) for x in footer)
    return "\n".join(lines).rstrip("\n")


# ------------------------------------------------------------------ Markdown


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]],
              numeric: Sequence[bool] = ()) -> list[str]:
    align = ["---:" if i < len(numeric) and numeric[i] else "---" for i in range(len(header))]
    out = ["| " + " | ".join(markdown_text(h) for h in header) + " |",
           "|" + "|".join(align) + "|"]
    out.extend("| " + " | ".join(markdown_text(c) for c in r) + " |" for r in rows)
    return out


def _md_head(b: Block) -> str:
    head = f"**{markdown_text(b.title)}**"  # inside ** **: nothing starts a line
    if b.value:
        head += f": {markdown_text(b.value)}"
    if b.tag:
        head += f" `{b.tag.replace('`', '')}`"
    return head


def _md_block(b: Block, depth: int, item_header: Sequence[str]) -> list[str]:
    """A nested block: headings down to level 4, then nested list items."""
    if depth <= 2:
        level = "#" * (depth + 2)
        head = markdown_text(b.title) + (f": {markdown_text(b.value)}" if b.value else "")
        tag = f" `{b.tag.replace('`', '')}`" if b.tag else ""
        out = [f"{level} {head}{tag}", ""]  # after "### ": nothing starts a line
        out.extend(f"- = {markdown_text(x)}" for x in b.lines)
        out.extend(f"- {markdown_text(k, line_start=True)}: {markdown_text(v)}"
                   for k, v in b.rows)
        out.extend(f"- {markdown_text(x, line_start=True)}" for x in (*b.notes, *b.sources))
        if b.lines or b.rows or b.notes or b.sources:
            out.append("")
        if b.table is not None:
            out += [*_md_table(b.table.header, b.table.rows, b.table.numeric), ""]
        for child in b.children:
            out.extend(_md_block(child, depth + 1, item_header))
        return out
    pad = "  " * (depth - 3)
    out = [f"{pad}- {_md_head(b)}"]
    out.extend(f"{pad}  - = {markdown_text(x)}" for x in b.lines)
    out.extend(f"{pad}  - {markdown_text(k, line_start=True)}: {markdown_text(v)}"
               for k, v in b.rows)
    out.extend(f"{pad}  - {markdown_text(x, line_start=True)}" for x in (*b.notes, *b.sources))
    if b.table is not None:
        out += ["", *(pad + "  " + r for r in _md_table(b.table.header, b.table.rows,
                                                         b.table.numeric)), ""]
    for child in b.children:
        out.extend(_md_block(child, depth + 1, item_header))
    if depth == 3:
        out.append("")
    return out


def markdown(sections: Sequence[Block], footer: Sequence[str] = (),
             item_header: Sequence[str] = ("", "")) -> str:
    """A document as Markdown; ``item_header`` titles the two columns of row tables."""
    lines: list[str] = []
    for i, sec in enumerate(sections):
        lines += [("# " if i == 0 else "## ") + markdown_text(sec.title), ""]
        if sec.rows:
            lines += [*_md_table(item_header, sec.rows), ""]
        for x in sec.lines:  # a paragraph each (the verdict, the certain and possible level)
            lines += [markdown_text(x, line_start=True), ""]
        if sec.notes or sec.sources:
            lines += [*(f"- {markdown_text(x, line_start=True)}"
                        for x in (*sec.notes, *sec.sources)), ""]
        if sec.table is not None:
            lines += [*_md_table(sec.table.header, sec.table.rows, sec.table.numeric), ""]
        for child in sec.children:
            lines.extend(_md_block(child, 1, item_header))
    lines.extend(f"*{markdown_text(x)}*" for x in footer)  # inside * *
    return "\n".join(lines).rstrip("\n")


# ------------------------------------------------------------------ HTML

_CSS = """
.psoladder{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;
line-height:1.45;overflow-wrap:break-word;max-width:60rem}
body.psoladder{margin:2rem auto;padding:0 1rem}
.psoladder h1{font-size:1.5rem;border-bottom:3px solid #2f6f4f;padding-bottom:.3rem}
.psoladder h2{font-size:1.15rem;margin-top:1.6rem;color:#2f6f4f}
.psoladder table{border-collapse:collapse;width:100%;margin:.4rem 0}
.psoladder .wide{overflow-x:auto;margin:.4rem 0}
.psoladder .wide table{margin:0;font-size:.85rem}
.psoladder .wide th,.psoladder .wide td{overflow-wrap:normal;hyphens:manual}
.psoladder th{text-align:left;border-bottom:2px solid #c9ced6;padding:.25rem .5rem}
.psoladder td{padding:.25rem .5rem;border-bottom:1px solid #e3e6ea;vertical-align:top}
.psoladder table.rows td:first-child{width:45%;color:#4a5260}
.psoladder .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.psoladder .lead td:last-child{font-size:1.25rem;font-weight:700}
.psoladder .calc{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;
font-size:.9rem;margin:.15rem 0}
.psoladder .rule{font-size:.75rem;color:#6b7380;border:1px solid #c9ced6;border-radius:.3rem;
padding:0 .3rem;margin-left:.4rem;white-space:nowrap}
.psoladder details{border-left:3px solid #d7e7de;margin:.35rem 0 .35rem .2rem;
padding:.1rem 0 .1rem .7rem}
.psoladder summary{cursor:pointer}
.psoladder summary .v{font-weight:600}
.psoladder ul{padding-left:1.2rem;margin:.2rem 0}
.psoladder ul.sources{font-size:.8rem;color:#4a5260}
.psoladder a{color:#2f6f4f}
.psoladder .verdict{background:#eef6f1;border-left:4px solid #2f6f4f;padding:.6rem .8rem;
font-weight:600}
.psoladder footer{margin-top:2rem;font-size:.85rem;color:#6b7380}
@media print{
.psoladder{max-width:none;font-size:10pt}
body.psoladder{margin:0}
.psoladder details{border-left:1px solid #999;break-inside:auto}
.psoladder details>summary{list-style:none}
.psoladder details::details-content{content-visibility:visible;display:contents}
.psoladder h2{break-after:avoid}
.psoladder tr{break-inside:avoid}
.psoladder .wide{overflow:visible}
}
"""

# Printing opens every block, so a PDF saved from the browser is complete.
_PRINT_SCRIPT = ("<script>addEventListener('beforeprint',function(){"
                 "document.querySelectorAll('details').forEach(function(d){d.open=true})})"
                 "</script>")


_URL = re.compile(r"https?://[^\s<>\"')]+")


def _linked(value: str) -> str:
    """Escaped text with its web addresses as links."""
    out, last = [], 0
    for m in _URL.finditer(value):
        out.append(_h(value[last:m.start()]))
        url = m.group().rstrip(".,;")
        out.append(f'<a href="{_h(url)}">{_h(url)}</a>')
        last = m.start() + len(url)
    out.append(_h(value[last:]))
    return "".join(out)


def _html_table(table: Table) -> str:
    head = "".join(f'<th{" class=num" if table.is_numeric(i) else ""}>{_h(c)}</th>'
                   for i, c in enumerate(table.header))
    body = "".join("<tr>" + "".join(
        f'<td{" class=num" if table.is_numeric(i) else ""}>{_h(c)}</td>'
        for i, c in enumerate(r)) + "</tr>" for r in table.rows)
    # A table of many columns (a forecast, a comparison) scrolls in its own box,
    # never the page; its cells break between words only.
    return (f'<div class="wide"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody>'
            "</table></div>")


def _html_body(b: Block) -> list[str]:
    out = [f'<p class="calc">= {_h(x)}</p>' for x in b.lines]
    if b.rows:
        out.append('<table class="rows">' + "".join(
            f"<tr><td>{_h(k)}</td><td>{_h(v)}</td></tr>" for k, v in b.rows) + "</table>")
    if b.notes:
        out.append("<ul>" + "".join(f"<li>{_h(x)}</li>" for x in b.notes) + "</ul>")
    if b.sources:
        out.append('<ul class="sources">' + "".join(f"<li>{_linked(x)}</li>" for x in b.sources)
                   + "</ul>")
    if b.table is not None:
        out.append(_html_table(b.table))
    return out


def _html_block(b: Block) -> list[str]:
    value = f': <span class="v">{_h(b.value)}</span>' if b.value else ""
    tag = f'<span class="rule">{_h(b.tag)}</span>' if b.tag else ""
    out = [f'<details{" open" if b.open else ""}><summary>{_h(b.title)}{value}{tag}</summary>']
    out.extend(_html_body(b))
    for child in b.children:
        out.extend(_html_block(child))
    out.append("</details>")
    return out


def html_fragment(sections: Sequence[Block], footer: Sequence[str] = ()) -> str:
    """A document as an HTML fragment (a ``<div class="psoladder">`` with its style)."""
    return f'<div class="psoladder"><style>{_CSS}</style>\n{_html_content(sections, footer)}\n</div>'


def _html_content(sections: Sequence[Block], footer: Sequence[str]) -> str:
    body: list[str] = []
    for i, sec in enumerate(sections):
        h = "h1" if i == 0 else "h2"
        body.append(f"<section><{h}>{_h(sec.title)}</{h}>")
        if sec.rows:
            rows = []
            for j, (k, v) in enumerate(sec.rows):
                cls = ' class="lead"' if sec.lead and j == 0 else ""
                rows.append(f"<tr{cls}><td>{_h(k)}</td><td>{_h(v)}</td></tr>")
            body.append('<table class="rows">' + "".join(rows) + "</table>")
        cls = ' class="verdict"' if sec.lead else ""
        body.extend(f"<p{cls}>{_h(x)}</p>" for x in sec.lines)
        if sec.notes:
            body.append("<ul>" + "".join(f"<li>{_h(x)}</li>" for x in sec.notes) + "</ul>")
        if sec.sources:
            body.append('<ul class="sources">' + "".join(f"<li>{_linked(x)}</li>"
                                                         for x in sec.sources) + "</ul>")
        if sec.table is not None:
            body.append(_html_table(sec.table))
        for child in sec.children:
            body.extend(_html_block(child))
        body.append("</section>")
    if footer:
        body.append("<footer>" + "".join(f"<p>{_h(x)}</p>" for x in footer) + "</footer>")
    return "\n".join(body)


def html_page(sections: Sequence[Block], footer: Sequence[str] = (), *, lang: str = "en",
              title: str = "") -> str:
    """A document as a whole HTML page with its style and print behaviour."""
    return (f'<!DOCTYPE html>\n<html lang="{_h(lang)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_h(title)}</title>\n<style>{_CSS}</style>\n</head>\n"
            f'<body class="psoladder">\n{_html_content(sections, footer)}\n{_PRINT_SCRIPT}\n'
            "</body>\n</html>\n")
