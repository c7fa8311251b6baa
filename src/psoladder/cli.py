"""The ``psoladder`` command line (also ``python -m psoladder``).

Commands::

    psoladder example [--format text|markdown|json|html] [--lang nl|en] [--explain[=full]]
                      [--exact]
    psoladder assess FILE [--format ...] [--lang ...] [--explain[=full]] [--exact]
                          [--application-date YYYY-MM-DD]
                          [--rules-override FILE] [--norm-policy nearest|interpolate]
                          [--thirty-plus-basis fte|headcount]
                          [--thirty-plus-denominator payroll|all_staff] [--plot FILE] [-o FILE]
                          [--allow-outside-paths] [--pseudonymise]
                          [--engine auto|fast|pure|validating]
    psoladder norms --size N [--on YYYY-MM-DD] [--norm-policy ...] [--rules-override FILE]
                    [--format text|markdown|json] [--lang nl|en]
    psoladder rules [--on YYYY-MM-DD | --diff A B] [--rules-override FILE]
                    [--format text|markdown|json] [--lang nl|en]
    psoladder assess FILE --scenario NAME | --all-scenarios [...]
    psoladder forecast FILE --until YYYY-MM-DD [--every month|quarter|half_year|year]
                       [--from YYYY-MM-DD] [--purchases repeat|as_entered|none]
                       [--scenario NAME] [--plot FILE] [--format ...] [--lang ...] [--exact]
    psoladder compare FILE [OTHER] [--scenario NAME | --scenarios A B]
                      [--dates YYYY-MM-DD YYYY-MM-DD] [--purchases ...] [--format ...]
    psoladder new [FOLDER] [--lang nl|en]
    psoladder check FILE [--lang nl|en] [--format text|json] [--application-date YYYY-MM-DD]
    psoladder groups [--format text|markdown|json] [--lang nl|en]
    psoladder schema

FILE ``-`` reads the organisation from standard input (JSON or TOML); a
payroll it names is then relative to the current folder. ``-o report.md``
(``.txt``, ``.html``, ``.json``) chooses the format unless ``--format`` is
given. Messages, errors and progress lines follow ``--lang``.

Exit status: 0 on success, 2 on bad input (every problem on stderr, each with
its location; never a traceback), 1 on an unexpected internal error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from psoladder import __version__, messages
from psoladder.assessment import Assessment, assess, assess_file, check_file
from psoladder.columnar import ENGINES
from psoladder.document import clean
from psoladder.errors import InputError, PsoError
from psoladder.groupsreport import FORMATS as GROUP_FORMATS
from psoladder.groupsreport import render_groups
from psoladder.io import example_path, load_organisation
from psoladder.io.files import open_regular
from psoladder.io.orgfile import Document, document_from_text
from psoladder.levels import NormPolicy, norms_for
from psoladder.limits import MAX_ORGANISATION_FILE_BYTES
from psoladder.model import Organisation
from psoladder.planning.compare import compare
from psoladder.planning.files import load_scenarios
from psoladder.planning.forecast import EVERY, PURCHASES, at_date, forecast
from psoladder.planning.report import (
    render_comparison,
    render_forecast,
    render_scenario,
    render_scenarios,
)
from psoladder.planning.scenarios import Scenario
from psoladder.pseudonym import KEY_ENVIRONMENT_VARIABLE, key_from_environment, pseudonymise
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
        _assessment_options(p)
        p.add_argument("--explain", action="store_const", const="summary", default=None,
                       help="(also --explain=full) add the step-by-step explanation with "
                       "calculations, rule ids "
                       "and sources; --explain=full also lists everyone outside the target "
                       "groups")
        # --explain=full arrives here (see _explain_option): a flag that takes no value
        # keeps "psoladder assess --explain FILE" working.
        p.add_argument("--explain-detail", dest="explain", choices=("summary", "full"),
                       help=argparse.SUPPRESS)
        p.add_argument("--application-date", type=_date, metavar="YYYY-MM-DD",
                       help="override the application date (decides the edition)")
        p.add_argument("--plot", type=Path, metavar="FILE",
                       help="also save the ladder plot (PNG or SVG; needs the plot extra)")
        _engine_option(p)

    example = sub.add_parser("example", help="assess the embedded example organisation")
    report_options(example)
    assess_p = sub.add_parser("assess", help="assess an organisation file (TOML or JSON)")
    assess_p.add_argument("file", type=Path, help="organisation file")
    report_options(assess_p)
    _scenario_options(assess_p)

    _rule_data_commands(sub)
    _planning_commands(sub)
    _start_commands(sub)
    return parser


def _engine_option(p: argparse.ArgumentParser) -> None:
    # Issue 11: the columnar engine (fast extra) or the validating one; same result.
    p.add_argument("--engine", choices=ENGINES, default="auto",
                   help="payroll engine: auto (columnar; with the fast extra, pyarrow's), "
                        "fast, pure (columnar in pure Python) or validating; the result is "
                        "the same")


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
    def refuse(key: str) -> InputError:
        return InputError([messages.problem(f"cli.{key}", field=option, value=str(path),
                                            hint=f"cli.{key}_hint")])

    if path.is_dir():
        raise refuse("out_folder")
    folder = path.parent
    if not folder.is_dir():
        raise refuse("out_no_folder")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise refuse("out_denied")


def _check_outputs(args: argparse.Namespace) -> None:
    """Check ``-o`` and ``--plot`` before the assessment runs."""
    output, plot = getattr(args, "output", None), getattr(args, "plot", None)
    if output is not None:
        _writable(output, "--output")
    if plot is not None:
        if plot.suffix.lower() not in _PLOT_SUFFIXES:
            raise InputError([messages.problem("cli.plot_format", field="--plot",
                                               value=str(plot), hint="cli.plot_format_hint",
                                               suffixes=", ".join(_PLOT_SUFFIXES))])
        _writable(plot, "--plot")


def _write(path: Path, write: Callable[[Path], object], option: str) -> None:
    """Write an output file, an OSError becoming an input error."""
    try:
        write(path)
    except OSError as exc:
        raise InputError([messages.problem("in.cannot_write", field=option, value=str(path),
                                           reason=exc.strerror or str(exc))]) from None


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


def _progress(lang: str) -> Callable[[int], None] | None:
    if not sys.stderr.isatty():
        return None

    def show(rows: int) -> None:
        print(f"\rpsoladder: {messages.text('cli.progress', lang, rows=rows)}", end="",
              file=sys.stderr, flush=True)

    return show


def _assess(args: argparse.Namespace, path: Path) -> str:
    _check_outputs(args)
    progress = _progress(args.lang)
    a = assess_file(_source(path), application_date=args.application_date,
                    overrides=_overrides(args.rules_override), norm_policy=args.norm_policy,
                    thirty_plus_basis=args.thirty_plus_basis,
                    thirty_plus_denominator=args.thirty_plus_denominator, progress=progress,
                    detail=args.explain is not None, allow_outside=args.allow_outside_paths,
                    pseudonym_key=_pseudonym_key(args), engine=args.engine)
    if progress is not None:
        print("\r", end="", file=sys.stderr)
    if args.plot is not None:
        from psoladder.plot import save_plot

        _write(args.plot, lambda p: save_plot(a, p, lang=args.lang), "--plot")
    if sys.stderr.isatty() or args.format != "json":
        print(clean(messages.text("cli.read", args.lang, file=_shown_name(path),
                                  rows=a.workforce.rows_read, persons=a.workforce.person_count,
                                  purchases=len(a.purchases.purchases))), file=sys.stderr)
        for n in a.reading:  # issue 12: what the payroll reader decided
            print(clean(f"psoladder: {n.rule}: {n.text(args.lang)}"), file=sys.stderr)
    return render(a, args.format, lang=args.lang, explain=args.explain or False,
                  exact=args.exact)


def _norms(args: argparse.Namespace) -> str:
    if args.size < 1:
        raise InputError([messages.problem("cli.size", field="--size", value=args.size,
                                           hint="cli.size_hint")])
    rules = _rules(args)
    n = norms_for(args.size, rules=rules, policy=args.norm_policy)
    return render_norms(n, rules, args.format, args.lang)


def _rules_listing(args: argparse.Namespace) -> str:
    if args.diff is not None:
        if args.rules_override is not None:
            raise InputError([messages.problem("cli.diff_override", field="--rules-override",
                                               hint="cli.diff_override_hint")])
        return render_diff(rules_diff(*args.diff), args.format, args.lang)
    return render_rules(_rules(args), args.format, args.lang)


# ------------------------------------------------------------------ issue 15: planning


def _scenario_options(p: argparse.ArgumentParser) -> None:
    """``--scenario NAME`` and ``--all-scenarios`` of ``assess``."""
    which = p.add_mutually_exclusive_group()
    which.add_argument("--scenario", metavar="NAME",
                       help="assess the organisation with the changes of this [[scenario]]")
    which.add_argument("--all-scenarios", action="store_true",
                       help="the baseline and every [[scenario]] side by side")


def _assessment_options(p: argparse.ArgumentParser) -> None:
    """The options of every command that assesses and reports: format, rules, output."""
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="output format (default text, or what -o's suffix says)")
    p.add_argument("--lang", choices=LANGUAGES, default="nl",
                   help="report language (default nl)")
    p.add_argument("--exact", action="store_true",
                   help="show exact values instead of rounded ones (fte 4, percentages "
                   "and euros 2 decimals)")
    p.add_argument("--rules-override", type=Path, metavar="FILE",
                   help="TOML file with official values (e.g. the full norm table)")
    p.add_argument("--norm-policy", choices=[p.value for p in NormPolicy],
                   default="nearest", help="norms between published rows (R-LVL-3)")
    p.add_argument("--thirty-plus-basis", choices=["fte", "headcount"], default="fte",
                   help="basis of the PSO 30+ share (R-30-4)")
    p.add_argument("--thirty-plus-denominator", choices=["payroll", "all_staff"],
                   default="payroll",
                   help="whom the PSO 30+ share is taken of (R-30-4; all_staff: as in 0.1)")
    p.add_argument("--output", "-o", type=Path, metavar="FILE",
                   help="write the report to FILE instead of standard output")
    _input_options(p)


def _purchases_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--purchases", choices=PURCHASES, default="repeat",
                   help="purchases at later dates: repeat the peiljaar's every year "
                        "(default), as_entered, or none")


def _planning_commands(sub: Any) -> None:
    """The ``forecast`` and ``compare`` commands (issue 15)."""
    fc = sub.add_parser("forecast", help="the level at future application dates, when it "
                                         "changes and why")
    fc.add_argument("file", type=Path, help="organisation file")
    fc.add_argument("--until", type=_date, required=True, metavar="YYYY-MM-DD",
                    help="the last application date")
    fc.add_argument("--every", choices=list(EVERY), default="quarter",
                    help="the step between application dates (default quarter)")
    fc.add_argument("--from", dest="start", type=_date, metavar="YYYY-MM-DD",
                    help="the first application date (default the file's)")
    fc.add_argument("--scenario", metavar="NAME", help="forecast this [[scenario]]")
    fc.add_argument("--plot", type=Path, metavar="FILE",
                    help="also save the forecast plot (PNG or SVG; needs the plot extra)")
    _assessment_options(fc)
    _purchases_option(fc)

    cmp = sub.add_parser("compare", help="every figure that differs between two files, "
                                         "scenarios or application dates, and who is behind it")
    cmp.add_argument("file", type=Path, help="organisation file (the first side)")
    cmp.add_argument("other", type=Path, nargs="?",
                     help="a second organisation file (default: the same file)")
    which = cmp.add_mutually_exclusive_group()
    which.add_argument("--scenario", metavar="NAME",
                       help="the second side is this [[scenario]] of the file")
    which.add_argument("--scenarios", nargs=2, metavar=("A", "B"),
                       help="compare two [[scenario]] tables of the file")
    when = cmp.add_mutually_exclusive_group()
    when.add_argument("--dates", nargs=2, type=_date, metavar=("A", "B"),
                      help="the two application dates (e.g. the last certificate's and "
                           "the next); the peiljaar moves along")
    when.add_argument("--application-date", type=_date, metavar="YYYY-MM-DD",
                      help="one application date for both sides")
    _assessment_options(cmp)
    _purchases_option(cmp)


def _load(args: argparse.Namespace, path: Path) -> Organisation:
    """An organisation file of a planning command, its payroll contained (#16)."""
    return load_organisation(_source(path), allow_outside=args.allow_outside_paths)


def _private(args: argparse.Namespace, org: Organisation) -> Organisation:
    """``org`` with pseudonyms for its people when asked (after scenarios named them, #16)."""
    return pseudonymise(org, _pseudonym_key(args)) if args.pseudonymise else org


def _planning_assess(args: argparse.Namespace, org: Organisation) -> Assessment:
    return assess(_private(args, org), overrides=_overrides(args.rules_override),
                  norm_policy=args.norm_policy, thirty_plus_basis=args.thirty_plus_basis,
                  thirty_plus_denominator=args.thirty_plus_denominator)


def _scenario(path: Path, name: str, option: str) -> Scenario:
    scenarios = load_scenarios(path)
    if name not in scenarios:
        known = ", ".join(scenarios) or "none ([[scenario]] tables)"
        raise InputError([messages.problem("cli.no_scenario", field=option, value=name,
                                           hint="cli.no_scenario_hint", name=name,
                                           where=path.name, known=known)])
    return scenarios[name]


def _assess_scenarios(args: argparse.Namespace) -> str:
    path: Path = args.file
    _check_outputs(args)
    org = _load(args, path)

    def on_date(changed: Organisation) -> Organisation:
        # a later application date moves the peiljaar and purchases along, as a forecast does
        if args.application_date is None:
            return changed
        return at_date(changed, args.application_date)

    if args.scenario:
        scenario = _scenario(path, args.scenario, "--scenario")
        a = _planning_assess(args, on_date(scenario(org)))
        if args.plot is not None:
            from psoladder.plot import save_plot

            _write(args.plot, lambda p: save_plot(a, p, lang=args.lang), "--plot")
        return render_scenario(a, scenario, args.format, lang=args.lang,
                               explain=args.explain or False, exact=args.exact)
    baseline = _planning_assess(args, on_date(org))
    results = [(s, _planning_assess(args, on_date(s(org)))) for s in load_scenarios(path).values()]
    return render_scenarios(baseline, results, args.format, lang=args.lang, exact=args.exact)


def _forecast(args: argparse.Namespace) -> str:
    _check_outputs(args)
    org = _load(args, args.file)
    if args.scenario:
        org = _scenario(args.file, args.scenario, "--scenario")(org)
    f = forecast(_private(args, org), until=args.until, every=args.every, start=args.start,
                 purchases=args.purchases, overrides=_overrides(args.rules_override),
                 norm_policy=args.norm_policy, thirty_plus_basis=args.thirty_plus_basis,
                 thirty_plus_denominator=args.thirty_plus_denominator)
    if args.plot is not None:
        from psoladder.plot import save_forecast_plot

        _write(args.plot, lambda p: save_forecast_plot(f, p, lang=args.lang), "--plot")
    return render_forecast(f, args.format, lang=args.lang, exact=args.exact)


def _compare(args: argparse.Namespace) -> str:
    _check_outputs(args)
    paths = (args.file, args.other or args.file)
    first = _load(args, paths[0])
    orgs = [first, first if paths[1] == paths[0] else _load(args, paths[1])]
    names = args.scenarios or (None, args.scenario)
    labels: list[list[str]] = [[], []]
    for i in (0, 1):
        if paths[0] != paths[1]:
            labels[i].append(paths[i].name)
        name = names[i]
        if name:
            orgs[i] = _scenario(paths[i], name, "--scenarios" if args.scenarios
                                else "--scenario")(orgs[i])
            labels[i].append(name)
        elif names[1 - i]:
            labels[i].append(messages.text("sc.baseline", args.lang))
        if args.dates:
            orgs[i] = at_date(orgs[i], args.dates[i], purchases=args.purchases)
            labels[i].append(messages.text("cmp.side_date", args.lang, on=args.dates[i]))
        elif args.application_date is not None:
            orgs[i] = at_date(orgs[i], args.application_date, purchases=args.purchases)
    a, b = (_planning_assess(args, org) for org in orgs)
    c = compare(a, b, labels=(", ".join(labels[0]) or None, ", ".join(labels[1]) or None))
    return render_comparison(c, args.format, lang=args.lang, exact=args.exact)


def _explain_option(argv: Sequence[str]) -> list[str]:
    """``--explain=DETAIL`` as the hidden ``--explain-detail=DETAIL``."""
    return [f"--explain-detail={a.partition('=')[2]}" if a.startswith("--explain=") else a
            for a in argv]


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(_explain_option(sys.argv[1:] if argv is None else argv))
    lang = getattr(args, "lang", "nl")
    try:
        _infer_format(args)
        if args.command == "new":
            text = _new(args)
        elif args.command == "check":
            status, text = _check(args)
            sys.stdout.write(text + "\n")
            return status
        elif args.command == "groups":
            text = render_groups(args.format, args.lang)
        elif args.command == "schema":
            from psoladder.io.schema import schema_text

            text = schema_text().rstrip("\n")
        elif args.command == "example":
            text = _assess(args, example_path())
        elif args.command == "assess" and (args.scenario or args.all_scenarios):
            text = _assess_scenarios(args)
        elif args.command == "assess":
            text = _assess(args, args.file)
        elif args.command == "norms":
            text = _norms(args)
        elif args.command == "forecast":
            text = _forecast(args)
        elif args.command == "compare":
            text = _compare(args)
        else:
            text = _rules_listing(args)
    except InputError as exc:
        print(f"psoladder: {messages.error_text(exc, lang)}", file=sys.stderr)
        return 2
    except PsoError as exc:
        print(f"psoladder: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"psoladder: {exc.strerror or exc}: {exc.filename or ''}", file=sys.stderr)
        return 2
    except ImportError as exc:  # an optional extra that is not installed (--plot, ...)
        print(f"psoladder: {exc}", file=sys.stderr)
        return 2
    output = getattr(args, "output", None)
    if output is None:
        sys.stdout.write(text + "\n")
        return 0
    try:
        _write(output, lambda p: p.write_text(text + "\n", encoding="utf-8"), "--output")
    except InputError as exc:
        print(f"psoladder: {messages.error_text(exc, lang)}", file=sys.stderr)
        return 2
    return 0


# ------------------------------------------------------------------ issue 12: starting out


def _start_commands(sub: Any) -> None:
    """The ``new``, ``check`` and ``groups`` commands."""
    new = sub.add_parser("new", help="write a commented organisation file and a payroll CSV "
                                     "with Dutch headers, ready to fill in")
    new.add_argument("folder", type=Path, nargs="?", default=Path("."),
                     help="the folder to write them in (default the current one; created "
                     "when missing)")
    new.add_argument("--lang", choices=LANGUAGES, default="nl",
                     help="language of the comments and file names (default nl)")
    check = sub.add_parser("check", help="report every problem of an organisation file and "
                                         "its payroll, without assessing")
    check.add_argument("file", type=Path, help="organisation file (- for standard input)")
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="output format")
    check.add_argument("--lang", choices=LANGUAGES, default="nl", help="language (default nl)")
    check.add_argument("--application-date", type=_date, metavar="YYYY-MM-DD",
                       help="check against the rules of this application date")
    check.add_argument("--allow-outside-paths", action="store_true",
                       help="read a payroll file outside the organisation file's folder")
    groups = sub.add_parser("groups", help="the target-group codes, their names, weights, "
                                           "windows and dates, per edition")
    groups.add_argument("--format", choices=GROUP_FORMATS, default="text", help="output format")
    groups.add_argument("--lang", choices=LANGUAGES, default="nl", help="language (default nl)")
    sub.add_parser("schema", help="print the JSON Schema of the organisation file (for editors)")


#: The report format of an output file's suffix (``-o report.md``).
_SUFFIX_FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
                   ".html": "html", ".htm": "html", ".json": "json"}


def _infer_format(args: argparse.Namespace) -> None:
    """``--format`` from ``-o``'s suffix when not given (issue 12); text otherwise."""
    if not hasattr(args, "format") or args.format is not None:
        return
    output = getattr(args, "output", None)
    if output is None:
        args.format = "text"
        return
    fmt = _SUFFIX_FORMATS.get(output.suffix.lower())
    if fmt is None and output.is_dir():
        args.format = "text"  # refused as a folder by the output check
        return
    if fmt is None:
        raise InputError([messages.problem("cli.format_suffix", field="--output",
                                           value=str(output), hint="cli.format_suffix_hint")])
    args.format = fmt


_STDIN: dict[str, Document] = {}


def _source(path: Path) -> Path | Document:
    """The organisation file, or for ``-`` its content read from standard input (once)."""
    if str(path) != "-":
        return path
    if "-" not in _STDIN:
        data = sys.stdin.buffer.read(MAX_ORGANISATION_FILE_BYTES + 1)
        if len(data) > MAX_ORGANISATION_FILE_BYTES:
            raise InputError([messages.problem("cli.stdin_too_large", file="<stdin>",
                                               most=MAX_ORGANISATION_FILE_BYTES)])
        _STDIN["-"] = document_from_text(data, name="<stdin>", base=Path.cwd())
    return _STDIN["-"]


def _shown_name(path: Path) -> str:
    return "<stdin>" if str(path) == "-" else path.name


def _new(args: argparse.Namespace) -> str:
    from psoladder.starter import starter_files

    folder: Path = args.folder
    files = starter_files(args.lang, dt.date.today())
    existing = [name for name in files if (folder / name).exists()]
    if existing:
        raise InputError([messages.problem("new.exists", file=str(folder / name),
                                           hint="new.exists_hint")
                          for name in existing])
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in files.items():
            with (folder / name).open("x", encoding="utf-8", newline="") as f:
                f.write(content)
    except OSError as exc:
        raise InputError([messages.problem("in.cannot_write", file=str(folder),
                                           reason=exc.strerror or type(exc).__name__)]) from None
    org, payroll = list(files)
    return "\n".join([messages.text("new.written", args.lang,
                                    files=[str(folder / n) for n in files]),
                       messages.text("new.next", args.lang, org=str(folder / org),
                                     payroll=str(folder / payroll))])


def _check(args: argparse.Namespace) -> tuple[int, str]:
    """Every problem of an organisation file and its payroll: status 0 when none, 2 otherwise."""
    import json

    try:
        checked = check_file(_source(args.file), application_date=args.application_date,
                             progress=_progress(args.lang),
                             allow_outside=args.allow_outside_paths)
    except InputError as exc:
        if args.format == "json":
            return 2, json.dumps({"ok": False, "problems": [
                {"file": p.file, "row": p.row, "field": p.field, "value": p.value,
                 "message": p.message, "hint": p.hint,
                 **({"text": messages.problem_text(p, args.lang)} if args.lang != "en"
                    else {})} for p in exc.problems]}, indent=2, ensure_ascii=False)
        raise
    lines = [messages.text("chk.ok", args.lang, file=checked.file, rows=checked.rows,
                           persons=checked.persons, purchases=checked.purchases)]
    if checked.payroll is not None:
        lines.append(checked.payroll.summary(args.lang))
    lines += [f"{n.rule}: {n.text(args.lang)}" for n in checked.reading]
    if args.format == "json":
        return 0, json.dumps({"ok": True, "file": checked.file, "rows": checked.rows,
                              "persons": checked.persons, "purchases": checked.purchases,
                              "reading": [{"file": n.rule, "message": n.message,
                                           **({"text": n.text(args.lang)}
                                              if args.lang != "en" else {})}
                                          for n in checked.reading]},
                             indent=2, ensure_ascii=False)
    return 0, "\n".join(clean(line) for line in lines)


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
