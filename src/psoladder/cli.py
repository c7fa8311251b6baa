"""The ``psoladder`` command line (also ``python -m psoladder``).

Commands::

    psoladder example [--format text|markdown|json|html] [--lang nl|en] [--explain]
    psoladder assess FILE [--format ...] [--lang ...] [--explain] [--application-date YYYY-MM-DD]
                          [--rules-override FILE] [--norm-policy nearest|interpolate]
                          [--thirty-plus-basis fte|headcount] [--plot FILE] [-o FILE]
                          [--allow-outside-paths] [--pseudonymise]
    psoladder norms --size N [--on YYYY-MM-DD] [--norm-policy ...] [--format text|json]
    psoladder rules [--on YYYY-MM-DD] [--format text|markdown|json]

Exit status: 0 on success, 2 on bad input (every problem on stderr, each with
its location; never a traceback), 1 on an unexpected internal error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from psoladder import __version__
from psoladder.assessment import assess_file
from psoladder.errors import InputError, Problem, PsoError
from psoladder.io import example_path
from psoladder.io.files import open_regular
from psoladder.levels import NormPolicy, norms_for
from psoladder.limits import MAX_ORGANISATION_FILE_BYTES
from psoladder.numbers import display
from psoladder.pseudonym import KEY_ENVIRONMENT_VARIABLE, key_from_environment
from psoladder.report import FORMATS, LANGUAGES, level_name, render
from psoladder.rules import RuleOverrides, RuleSet, load_overrides, rules_at

__all__ = ["main"]


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write YYYY-MM-DD") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="psoladder",
        description="Exact, explained PSO (Prestatieladder Socialer Ondernemen) assessments.")
    parser.add_argument("--version", action="version", version=f"psoladder {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def report_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--format", choices=FORMATS, default="text", help="output format")
        p.add_argument("--lang", choices=LANGUAGES, default="nl",
                       help="report language (default nl)")
        p.add_argument("--explain", action="store_true",
                       help="add the step-by-step explanation with rule ids and sources")
        p.add_argument("--application-date", type=_date, metavar="YYYY-MM-DD",
                       help="override the application date (decides the edition)")
        p.add_argument("--rules-override", type=Path, metavar="FILE",
                       help="TOML file with official values (e.g. the full norm table)")
        p.add_argument("--norm-policy", choices=[p.value for p in NormPolicy],
                       default="nearest", help="norms between published rows (R-LVL-3)")
        p.add_argument("--thirty-plus-basis", choices=["fte", "headcount"], default="fte",
                       help="basis of the PSO 30+ share (R-30-4)")
        p.add_argument("--plot", type=Path, metavar="FILE",
                       help="also save the ladder plot (PNG or SVG; needs the plot extra)")
        p.add_argument("--output", "-o", type=Path, metavar="FILE",
                       help="write the report to FILE instead of standard output")
        _input_options(p)

    example = sub.add_parser("example", help="assess the embedded example organisation")
    report_options(example)
    assess_p = sub.add_parser("assess", help="assess an organisation file (TOML or JSON)")
    assess_p.add_argument("file", type=Path, help="organisation file")
    report_options(assess_p)

    norms = sub.add_parser("norms", help="show the norms for a company size")
    norms.add_argument("--size", type=int, required=True, help="company size in whole fte")
    norms.add_argument("--on", type=_date, default=None, metavar="YYYY-MM-DD",
                       help="application date (default today)")
    norms.add_argument("--norm-policy", choices=[p.value for p in NormPolicy], default="nearest")
    norms.add_argument("--rules-override", type=Path, metavar="FILE")
    norms.add_argument("--format", choices=("text", "json"), default="text")
    norms.add_argument("--lang", choices=LANGUAGES, default="en")

    rules = sub.add_parser("rules", help="list the rule values in force, with sources")
    rules.add_argument("--on", type=_date, default=None, metavar="YYYY-MM-DD",
                       help="application date (default today)")
    rules.add_argument("--rules-override", type=Path, metavar="FILE")
    rules.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    return parser


def _input_options(p: argparse.ArgumentParser) -> None:
    """Options about reading input safely (#16)."""
    p.add_argument("--allow-outside-paths", action="store_true",
                   help="read a payroll file outside the organisation file's folder")
    p.add_argument("--pseudonymise", action="store_true",
                   help=f"replace person identifiers by keyed pseudonyms (key in "
                   f"{KEY_ENVIRONMENT_VARIABLE})")


_PLOT_SUFFIXES = (".png", ".svg", ".pdf")


def _writable(path: Path, option: str) -> None:
    """Refuse an output path that cannot be written, before any work is done."""
    def refuse(message: str, hint: str) -> InputError:
        return InputError([Problem(message, field=option, value=str(path), hint=hint)])

    if path.is_dir():
        raise refuse("this is a folder, not a file", "give a file name, e.g. report.md")
    folder = path.parent
    if not folder.is_dir():
        raise refuse("the folder does not exist", "create the folder first")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise refuse("the file cannot be written (permission denied)",
                     "choose a file you may write")


def _check_outputs(args: argparse.Namespace) -> None:
    """Check ``-o`` and ``--plot`` before the assessment runs."""
    if args.output is not None:
        _writable(args.output, "--output")
    if args.plot is not None:
        if args.plot.suffix.lower() not in _PLOT_SUFFIXES:
            raise InputError([Problem("unknown plot format", field="--plot",
                                      value=str(args.plot),
                                      hint="end the file name in " + ", ".join(_PLOT_SUFFIXES))])
        _writable(args.plot, "--plot")


def _write(path: Path, write: Callable[[Path], object], option: str) -> None:
    """Write an output file, an OSError becoming an input error."""
    try:
        write(path)
    except OSError as exc:
        raise InputError([Problem(f"cannot write the file ({exc.strerror or exc})",
                                  field=option, value=str(path))]) from None


def _pseudonym_key(args: argparse.Namespace) -> str | None:
    return key_from_environment() if args.pseudonymise else None


def _overrides(path: Path | None) -> RuleOverrides | None:
    if path is None:
        return None
    # Only a regular file of bounded size reaches the override reader (#16).
    binary, _ = open_regular(path, what="rule override file",
                             max_bytes=MAX_ORGANISATION_FILE_BYTES)
    binary.close()
    return load_overrides(path)


def _rules(args: argparse.Namespace) -> RuleSet:
    return rules_at(args.on or dt.date.today(), _overrides(args.rules_override))


def _progress() -> Callable[[int], None] | None:
    if not sys.stderr.isatty():
        return None

    def show(rows: int) -> None:
        print(f"\rpsoladder: {rows:,} payroll rows read", end="", file=sys.stderr, flush=True)

    return show


def _assess(args: argparse.Namespace, path: Path) -> str:
    _check_outputs(args)
    progress = _progress()
    a = assess_file(path, application_date=args.application_date,
                    overrides=_overrides(args.rules_override), norm_policy=args.norm_policy,
                    thirty_plus_basis=args.thirty_plus_basis, progress=progress,
                    detail=args.explain, allow_outside=args.allow_outside_paths,
                    pseudonym_key=_pseudonym_key(args))
    if progress is not None:
        print("\r", end="", file=sys.stderr)
    if args.plot is not None:
        from psoladder.plot import save_plot

        _write(args.plot, lambda p: save_plot(a, p, lang=args.lang), "--plot")
    if sys.stderr.isatty() or args.format != "json":
        print(f"{path.name}: {a.workforce.rows_read} employment row(s) of "
              f"{a.workforce.person_count} person(s), {len(a.purchases.purchases)} "
              "purchase(s) read", file=sys.stderr)
    return render(a, args.format, lang=args.lang, explain=args.explain)


def _norms(args: argparse.Namespace) -> str:
    rules = _rules(args)
    n = norms_for(args.size, rules=rules, policy=args.norm_policy)
    if args.format == "json":
        return json.dumps(n.to_dict(), indent=2)
    lines = [f"Norms for size {args.size} (edition {rules.edition.name}, "
             f"row {n.row_size}, {n.source.value}):"]
    for level in rules.levels:
        value = n.for_level(level)
        shown = "unknown (not published, R-LVL-5)" if value is None else f"{display(value)} %"
        lines.append(f"  {level_name(level, args.lang):<11} {shown}")
    lines.append(f"source: {n.citation.source}")
    return "\n".join(lines)


def _rules_listing(args: argparse.Namespace) -> str:
    rules = _rules(args)
    values = sorted(rules.cited_values(), key=lambda c: (c.rule, c.name))
    if args.format == "json":
        doc: dict[str, Any] = {
            "on": rules.on.isoformat(), "edition": rules.edition.name,
            "last_verified": rules.last_verified.isoformat(),
            "notices": [str(n) for n in rules.notices()],
            "values": [c.to_dict() for c in values],
            "norms": [{"size": r.size, "trede_1": str(r.trede_1), "trede_2": str(r.trede_2),
                       "trede_3": str(r.trede_3),
                       "basistrede": None if r.basistrede is None else str(r.basistrede)}
                      for r in rules.norms.rows],
        }
        return json.dumps(doc, indent=2)
    md = args.format == "markdown"
    head = (f"PSO rules in force on {rules.on.isoformat()}: edition {rules.edition.name} "
            f"(from {rules.edition.applies_from.isoformat()}); rule data last verified "
            f"{rules.last_verified.isoformat()}")
    lines = [f"# {head}" if md else head, ""]
    lines.extend(f"note: {n}" for n in rules.notices())
    if md:
        lines += ["| rule | name | value | status | from | source |", "|---|---|---|---|---|---|"]
        lines.extend(f"| {c.rule} | {c.name} | {c.to_dict()['value']} | {c.status.value} | "
                     f"{c.applies_from.isoformat()} | {c.source} |" for c in values)
    else:
        lines.extend(f"  {c.citation()}  [{c.name}]" for c in values)
    lines.append("")
    lines.append("Norm table (percent): size, trede_1, trede_2, trede_3"
                 + (", basistrede" if any(r.basistrede for r in rules.norms.rows) else ""))
    for r in rules.norms.rows:
        extra = f", {r.basistrede}" if r.basistrede is not None else ""
        lines.append(f"  {r.size}, {r.trede_1}, {r.trede_2}, {r.trede_3}{extra}")
    return "\n".join(lines)


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "example":
            text = _assess(args, example_path())
        elif args.command == "assess":
            text = _assess(args, args.file)
        elif args.command == "norms":
            text = _norms(args)
        else:
            text = _rules_listing(args)
    except InputError as exc:
        print(f"psoladder: {exc}", file=sys.stderr)
        return 2
    except PsoError as exc:
        print(f"psoladder: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"psoladder: {exc.strerror or exc}: {exc.filename or ''}", file=sys.stderr)
        return 2
    output = getattr(args, "output", None)
    if output is None:
        sys.stdout.write(text + "\n")
        return 0
    try:
        _write(output, lambda p: p.write_text(text + "\n", encoding="utf-8"), "--output")
    except InputError as exc:
        print(f"psoladder: {exc}", file=sys.stderr)
        return 2
    return 0


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``psoladder`` console script."""
    try:
        status = run(argv)
    except KeyboardInterrupt:
        status = 130
    except Exception as exc:  # never show a traceback to a user
        print(f"psoladder: internal error: {type(exc).__name__}: {exc}\n"
              "Please report this with the command you ran.", file=sys.stderr)
        status = 1
    sys.exit(status)
