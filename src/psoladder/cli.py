"""The ``psoladder`` command line (also ``python -m psoladder``).

Commands::

    psoladder example [--format text|markdown|json|html] [--lang nl|en] [--explain[=full]]
                      [--exact]
    psoladder assess FILE [--format ...] [--lang ...] [--explain[=full]] [--exact]
                          [--application-date YYYY-MM-DD]
                          [--rules-override FILE] [--norm-policy nearest|interpolate]
                          [--thirty-plus-basis fte|headcount]
                          [--thirty-plus-denominator payroll|all_staff] [--plot FILE]
    psoladder norms --size N [--on YYYY-MM-DD] [--norm-policy ...] [--rules-override FILE]
                    [--format text|markdown|json] [--lang nl|en]
    psoladder rules [--on YYYY-MM-DD | --diff A B] [--rules-override FILE]
                    [--format text|markdown|json] [--lang nl|en]

Exit status: 0 on success, 2 on bad input (every problem on stderr, each with
its location; never a traceback), 1 on an unexpected internal error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from psoladder import __version__, messages
from psoladder.assessment import assess_file
from psoladder.document import clean
from psoladder.errors import InputError, PsoError
from psoladder.io import example_path
from psoladder.levels import NormPolicy, norms_for
from psoladder.report import FORMATS, LANGUAGES, render
from psoladder.rules import RuleOverrides, RuleSet, load_overrides, rules_at, rules_diff
from psoladder.rulesreport import FORMATS as RULE_FORMATS
from psoladder.rulesreport import render_diff, render_norms, render_rules

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
        p.add_argument("--explain", action="store_const", const="summary", default=None,
                       help="add the step-by-step explanation with calculations, rule ids "
                       "and sources; --explain=full also lists everyone outside the target "
                       "groups")
        # --explain=full arrives here (see _explain_option): a flag that takes no value
        # keeps "psoladder assess --explain FILE" working.
        p.add_argument("--explain-detail", dest="explain", choices=("summary", "full"),
                       help=argparse.SUPPRESS)
        p.add_argument("--exact", action="store_true",
                       help="show exact values instead of rounded ones (fte 4, percentages "
                       "and euros 2 decimals)")
        p.add_argument("--application-date", type=_date, metavar="YYYY-MM-DD",
                       help="override the application date (decides the edition)")
        p.add_argument("--rules-override", type=Path, metavar="FILE",
                       help="TOML file with official values (e.g. the full norm table)")
        p.add_argument("--norm-policy", choices=[p.value for p in NormPolicy],
                       default="nearest", help="norms between published rows (R-LVL-3)")
        p.add_argument("--thirty-plus-basis", choices=["fte", "headcount"], default="fte",
                       help="basis of the PSO 30+ share (R-30-4)")
        p.add_argument("--thirty-plus-denominator", choices=["payroll", "all_staff"],
                       default="payroll",
                       help="whom the PSO 30+ share is taken of (R-30-4; all_staff: as in 0.1)")
        p.add_argument("--plot", type=Path, metavar="FILE",
                       help="also save the ladder plot (PNG or SVG; needs the plot extra)")
        p.add_argument("--output", "-o", type=Path, metavar="FILE",
                       help="write the report to FILE instead of standard output")

    example = sub.add_parser("example", help="assess the embedded example organisation")
    report_options(example)
    assess_p = sub.add_parser("assess", help="assess an organisation file (TOML or JSON)")
    assess_p.add_argument("file", type=Path, help="organisation file")
    report_options(assess_p)

    _rule_data_commands(sub)
    return parser


def _rule_data_commands(sub: Any) -> None:
    """The ``norms`` and ``rules`` commands: the rule data for people (R-LVL-2, R-ED-2)."""
    norms = sub.add_parser("norms", help="show the norms for a company size")
    norms.add_argument("--size", type=int, required=True,
                       help="company size in whole fte, 1 or more")
    norms.add_argument("--on", type=_date, default=None, metavar="YYYY-MM-DD",
                       help="application date (default today)")
    norms.add_argument("--norm-policy", choices=[p.value for p in NormPolicy], default="nearest",
                       help="norms between published rows (R-LVL-3)")
    norms.add_argument("--rules-override", type=Path, metavar="FILE",
                       help="TOML file with official values (e.g. the full norm table)")
    norms.add_argument("--format", choices=RULE_FORMATS, default="text", help="output format")
    norms.add_argument("--lang", choices=LANGUAGES, default="nl", help="language (default nl)")

    rules = sub.add_parser("rules", help="list the rule values in force, or what changed "
                                         "between two editions or dates, with sources")
    when = rules.add_mutually_exclusive_group()
    when.add_argument("--on", type=_date, default=None, metavar="YYYY-MM-DD",
                      help="application date (default today)")
    when.add_argument("--diff", nargs=2, metavar=("A", "B"),
                      help="every value that changed from A to B, each an edition (e.g. 2.0) "
                           "or a date YYYY-MM-DD")
    rules.add_argument("--rules-override", type=Path, metavar="FILE",
                       help="TOML file with official values (not with --diff)")
    rules.add_argument("--format", choices=RULE_FORMATS, default="text", help="output format")
    rules.add_argument("--lang", choices=LANGUAGES, default="nl", help="language (default nl)")


def _overrides(path: Path | None) -> RuleOverrides | None:
    return None if path is None else load_overrides(path)


def _rules(args: argparse.Namespace) -> RuleSet:
    return rules_at(args.on or dt.date.today(), _overrides(args.rules_override))


def _progress(lang: str) -> Callable[[int], None] | None:
    if not sys.stderr.isatty():
        return None

    def show(rows: int) -> None:
        print(f"\rpsoladder: {messages.text('cli.progress', lang, rows=rows)}", end="",
              file=sys.stderr, flush=True)

    return show


def _assess(args: argparse.Namespace, path: Path) -> str:
    progress = _progress(args.lang)
    a = assess_file(path, application_date=args.application_date,
                    overrides=_overrides(args.rules_override), norm_policy=args.norm_policy,
                    thirty_plus_basis=args.thirty_plus_basis,
                    thirty_plus_denominator=args.thirty_plus_denominator, progress=progress,
                    detail=args.explain is not None)
    if progress is not None:
        print("\r", end="", file=sys.stderr)
    if args.plot is not None:
        from psoladder.plot import save_plot

        save_plot(a, args.plot, lang=args.lang)
    if sys.stderr.isatty() or args.format != "json":
        print(clean(messages.text("cli.read", args.lang, file=path.name,
                                  rows=a.workforce.rows_read, persons=a.workforce.person_count,
                                  purchases=len(a.purchases.purchases))), file=sys.stderr)
    return render(a, args.format, lang=args.lang, explain=args.explain or False,
                  exact=args.exact)


def _norms(args: argparse.Namespace) -> str:
    if args.size < 1:
        raise InputError.single(
            "the company size must be a whole number of fte, 1 or more", field="--size",
            value=args.size, hint="give the total fte rounded half-up, e.g. --size 12")
    rules = _rules(args)
    n = norms_for(args.size, rules=rules, policy=args.norm_policy)
    return render_norms(n, rules, args.format, args.lang)


def _rules_listing(args: argparse.Namespace) -> str:
    if args.diff is not None:
        if args.rules_override is not None:
            raise InputError.single(
                "--diff compares the shipped rule data", field="--rules-override",
                hint="leave out --rules-override, or list the overridden rules with --on")
        return render_diff(rules_diff(*args.diff), args.format, args.lang)
    return render_rules(_rules(args), args.format, args.lang)


def _explain_option(argv: Sequence[str]) -> list[str]:
    """``--explain=DETAIL`` as the hidden ``--explain-detail=DETAIL``."""
    return [f"--explain-detail={a.partition('=')[2]}" if a.startswith("--explain=") else a
            for a in argv]


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(_explain_option(sys.argv[1:] if argv is None else argv))
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
    if output is not None:
        output.write_text(text + "\n", encoding="utf-8")
    else:
        sys.stdout.write(text + "\n")
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
