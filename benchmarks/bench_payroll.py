"""Benchmark: large payroll files, end to end, both engines.

For generated payrolls of 1,000,000 rows (default) in two shapes, a history
over 2013-2024 and an export of one year where every row lies in the
peiljaar, this prints:

* the time of a bare ``csv.reader`` pass over the file (the floor for any
  Python reader);
* ``psoladder.assess_file`` with the columnar engine (``engine="fast"``, the
  ``fast`` extra), the pure-Python columnar engine (``engine="pure"``, what
  ``auto`` runs without the extra) and the validating engine
  (``engine="validating"``, row by row), each as a ratio to the
  ``csv.reader`` pass;
* a pandas computation of the plain fte per person (float arithmetic, no
  windows, weights or validation: a speed reference, not an equivalent
  result), when pandas is installed;
* the peak memory (max RSS) of each.

Each figure is measured in a fresh process (so the peak memory is that of
the run alone), from before ``import psoladder`` to the finished
assessment, ``--repeat`` times; the table shows the range (min-max). The
machine may be shared: run it more than once.

The ratios to ``csv.reader`` are given two ways: each run against the
fastest ``csv.reader`` pass (``x csv.reader``), and each run against the
``csv.reader`` pass of the same round (``x same round``: the runs of a round
follow each other, so a busy moment of a shared machine hits both alike).

Usage: ``python benchmarks/bench_payroll.py [ROWS ...] [--repeat N] [--skip-validating]
[--only fast,pure,csv] [--shape years|peiljaar]``. The ``csv.reader`` pass always
runs (the ratios need it). One run alone, in this process:
``python benchmarks/bench_payroll.py --child fast ORGANISATION.toml PAYROLL.csv``
(modes ``csv``, ``fast``, ``pure``, ``pandas``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import peak_mb, write  # noqa: E402

SHAPES = {"years": "history 2013-2024", "peiljaar": "one year, every row in the peiljaar"}
MODES = ("csv", "fast", "pure", "validating", "pandas")


def _child(mode: str, org: str, payroll: str) -> None:
    start = time.perf_counter()
    if mode == "csv":
        import csv

        with open(payroll, newline="", encoding="utf-8") as f:
            rows = sum(1 for _ in csv.reader(f))
        result: dict[str, object] = {"rows": rows - 1}
    elif mode in ("fast", "pure", "validating"):
        import psoladder

        a = psoladder.assess_file(org, engine=mode)  # type: ignore[arg-type]
        result = {"rows": a.workforce.rows_read, "level": a.level.value,
                  "total_fte": str(a.total_fte), "weighted": str(a.weighted_target_fte)}
    else:
        import pandas as pd

        df = pd.read_csv(payroll, usecols=["person", "start", "end", "hours_per_week"],
                         parse_dates=["start", "end"], dtype={"person": "string"})
        p0, p1 = pd.Timestamp("2023-01-01"), pd.Timestamp("2023-12-31")
        start_c = df["start"].clip(lower=p0)
        end_c = df["end"].fillna(p1).clip(upper=p1)
        days = ((end_c - start_c).dt.days + 1).clip(lower=0)
        fte = (df["hours_per_week"].clip(upper=40) / 40 * days / 365).groupby(df["person"]).sum()
        result = {"rows": len(df), "total_fte": float(fte.clip(upper=1).sum())}
    result["seconds"] = time.perf_counter() - start
    result["max_rss_mb"] = peak_mb()
    print(json.dumps(result))


# Children import from byte-code caches, as an installed package does (some
# sandboxes set PYTHONDONTWRITEBYTECODE, which would add compiling to every run).
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _run(mode: str, org: Path, payroll: Path) -> dict[str, object]:
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(org), str(payroll)],
                         capture_output=True, text=True, check=True, env=_ENV)
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def _span(values: list[float], unit: str = "", digits: int = 2) -> str:
    low, high = min(values), max(values)
    if f"{low:.{digits}f}" == f"{high:.{digits}f}":
        return f"{low:.{digits}f}{unit}"
    return f"{low:.{digits}f}-{high:.{digits}f}{unit}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rows", type=int, nargs="*", default=[1_000_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each figure")
    parser.add_argument("--skip-validating", action="store_true",
                        help="leave out the validating engine (the slowest)")
    parser.add_argument("--only", type=_modes, default=MODES, metavar="MODE,...",
                        help="run only these of " + ", ".join(MODES) + " (csv always runs)")
    parser.add_argument("--shape", choices=list(SHAPES), action="append",
                        help="only this shape of file (repeatable; default both)")
    args = parser.parse_args()
    try:
        import pandas  # noqa: F401

        have_pandas = True
    except ImportError:
        have_pandas = False
    modes = [m for m in MODES if m == "csv" or (
        m in args.only and not (m == "validating" and args.skip_validating)
        and not (m == "pandas" and not have_pandas))]
    subprocess.run([sys.executable, "-c", "import psoladder.assessment, psoladder.columnar"],
                   check=True, env=_ENV)  # write the byte-code caches
    print(f"python {sys.version.split()[0]}; {args.repeat} run(s) of each figure, each in a "
          f"fresh process; ranges are min-max")
    for n in args.rows:
        for shape, what in SHAPES.items():
            if args.shape and shape not in args.shape:
                continue
            payroll, org = write(n, HERE / "_data", shape)
            runs: dict[str, list[dict[str, object]]] = {m: [] for m in modes}
            for _ in range(args.repeat):
                for mode in modes:  # interleaved, so a busy moment hits every mode alike
                    runs[mode].append(_run(mode, org, payroll))
            seconds = {m: [float(r["seconds"]) for r in rs] for m, rs in runs.items()}  # type: ignore[arg-type]
            memory = {m: [float(r["max_rss_mb"]) for r in rs] for m, rs in runs.items()}  # type: ignore[arg-type]
            floor = min(seconds["csv"])
            print(f"\n{n:,} rows, {what} ({payroll.stat().st_size / 1e6:.0f} MB)")
            print(f"  {'':28} {'seconds':>13} {'x csv.reader':>13} {'peak MB':>11} "
                  f"{'x same round':>13}")
            labels = {"csv": "csv.reader pass", "fast": "assess_file, fast engine",
                      "pure": "assess_file, pure engine", "validating": "assess_file, validating",
                      "pandas": "pandas (float, fte only)"}
            for mode in modes:
                ratios = [s / floor for s in seconds[mode]]
                paired = [s / c for s, c in zip(seconds[mode], seconds["csv"], strict=True)]
                print(f"  {labels[mode]:28} {_span(seconds[mode], ' s'):>13} "
                      f"{_span(ratios, 'x', 1):>13} {_span(memory[mode], '', 0):>11} "
                      f"{_span(paired, 'x', 2):>13}")
            engines = [m for m in ("fast", "pure", "validating") if m in runs]
            if engines:
                first = runs[engines[0]][0]
                agree = all(r["total_fte"] == first["total_fte"]
                            and r["weighted"] == first["weighted"]
                            for m in engines for r in runs[m])
                print(f"  result: level {first['level']}, total fte "
                      f"{str(first['total_fte'])[:14]}, weighted {str(first['weighted'])[:12]}"
                      + (f"; engines agree: {'yes' if agree else 'NO'}"
                         if len(engines) > 1 else ""))


def _modes(text: str) -> tuple[str, ...]:
    """The modes a ``--only`` value names (comma-separated)."""
    named = tuple(m.strip() for m in text.split(",") if m.strip())
    unknown = [m for m in named if m not in MODES]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown mode(s) {', '.join(unknown)}; "
                                         f"choose from {', '.join(MODES)}")
    return named


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child(*sys.argv[2:5])
    else:
        main()
