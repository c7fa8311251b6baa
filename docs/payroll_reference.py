"""Sphinx extension (issue 12): the target-group table and the organisation-file reference.

Writes ``docs/_generated/groups.md`` (from the rule data, through
``psoladder groups``' renderer) and ``docs/_generated/organisation_schema.md``
(from the JSON Schema, itself built from the reader) when the build starts,
so both pages always say what the code reads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from psoladder.groupsreport import render_groups
from psoladder.io.schema import organisation_schema


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _type(spec: dict[str, Any]) -> str:
    if "oneOf" in spec:
        return " or ".join(_type(s) for s in spec["oneOf"])
    kind = spec.get("type", "")
    if isinstance(kind, list):
        kind = " or ".join(kind)
    if spec.get("format") == "date":
        return "date"
    if "enum" in spec:
        codes = ", ".join(f"`{c}`" if c else '`""`' for c in spec["enum"])
        return f"one of {codes}"
    if kind == "array":
        return f"list of {_type(spec.get('items', {}))}"
    if kind == "object" and isinstance(spec.get("additionalProperties"), dict):
        return f"table: name = {_type(spec['additionalProperties'])}"
    if kind == "object":
        return "table"
    if "pattern" in spec and kind == "string" and spec["pattern"] == "^[0-9]{8}$":
        return "8 digits"
    return kind


def _rows(props: dict[str, Any], required: list[str], prefix: str) -> list[str]:
    lines = []
    for name, spec in props.items():
        key = f"{prefix}{name}"
        inner = spec.get("items", spec)
        lines.append(f"| `{key}` | {_cell(_type(spec))} | {'yes' if name in required else ''} "
                     f"| {_cell(spec.get('description', inner.get('description', '')))} |")
    return lines


def render_schema() -> str:
    """The organisation file's keys, table by table, as Markdown tables."""
    schema = organisation_schema()
    head = ["| key | value | required | meaning |", "|---|---|---|---|"]
    out = ["### The file", "", *head, *_rows(schema["properties"], schema["required"], ""), ""]
    for name, spec in schema["properties"].items():
        table = spec.get("items", spec)
        if table.get("type") != "object" or "properties" not in table:
            continue
        title = f"[[{name}]]" if spec.get("type") == "array" else f"[{name}]"
        out += [f"### `{title}`", "", *head,
                *_rows(table["properties"], table.get("required", []), ""), ""]
        for sub, sub_spec in table["properties"].items():
            if sub_spec.get("type") == "object" and "properties" in sub_spec:
                out += [f"### `[{name}.{sub}]`", "", *head,
                        *_rows(sub_spec["properties"], [], ""), ""]
    return "\n".join(out)


def _write(folder: Path, name: str, text: str) -> None:
    out = folder / name
    out.parent.mkdir(exist_ok=True)
    if not out.exists() or out.read_text("utf-8") != text:
        out.write_text(text, encoding="utf-8")


def _generate(app: Any) -> None:
    folder = Path(app.srcdir) / "_generated"
    table = render_groups("markdown", "en").split("\n", 2)[2]  # without its own heading
    _write(folder, "groups.md", table + "\n")
    _write(folder, "organisation_schema.md", render_schema() + "\n")


def setup(app: Any) -> dict[str, Any]:
    """Register the generator."""
    app.connect("builder-inited", _generate)
    return {"parallel_read_safe": True, "version": "1"}
