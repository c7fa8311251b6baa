"""Benchmark: large payroll files, end to end.

For generated payrolls (default 100,000 and 1,000,000 rows) this prints:

* rows per second of ``psoladder.assess_file`` (streaming, exact);
* its time as a ratio to a bare ``csv.reader`` pass over the same file (the
  floor for any Python reader);
* the wall time of the command ``psoladder assess FILE --format json`` (with
  interpreter start-up and import) and its ratio to the same floor;
* the ratio to a pandas computation of the plain fte per person (when pandas
  is installed; float arithmetic, no windows or weights: a speed reference,
  not an equivalent result);
* the peak memory (max RSS) of each, measured in a fresh process.

The largest size is also run with every row inside the peiljaar (an export
of one year), the worst case for memory.

Usage: ``python benchmarks/bench_payroll.py [ROWS ...]``.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write  # noqa: E402


def _peak_mb() -> float:
    """Peak resident memory of this process (VmHWM on Linux, else ru_maxrss)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(mode: str, org: str, payroll: str) -> None:
    start = time.perf_counter()
    if mode == "csv":
        import csv

        with open(payroll, newline="", encoding="utf-8") as f:
            rows = sum(1 for _ in csv.reader(f))
        result = {"rows": rows - 1}
    elif mode == "psoladder":
        import psoladder

        a = psoladder.assess_file(org)
        result = {"rows": a.workforce.rows_read, "level": a.level.value,
                  "total_fte": str(a.total_fte)}
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
    result["max_rss_mb"] = _peak_mb()
    print(json.dumps(result))


def _run(mode: str, org: Path, payroll: Path) -> dict[str, object]:
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(org), str(payroll)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def _cli(org: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "psoladder", "assess", str(org), "--format", "json"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main(sizes: list[int]) -> None:
    try:
        import pandas  # noqa: F401

        have_pandas = True
    except ImportError:
        have_pandas = False
    print(f"python {sys.version.split()[0]}; pandas {'yes' if have_pandas else 'not installed'}")
    runs = [(n, "years") for n in sizes] + [(max(sizes), "peiljaar")]
    for n, shape in runs:
        payroll, org = write(n, HERE / "_data", shape)
        floor = min((_run("csv", org, payroll) for _ in range(3)),
                    key=lambda r: float(r["seconds"]))  # type: ignore[arg-type]
        ours = _run("psoladder", org, payroll)
        cli_time = _cli(org)
        t_floor, t_ours = float(floor["seconds"]), float(ours["seconds"])  # type: ignore[arg-type]
        what = "history 2013-2024" if shape == "years" else "all in the peiljaar"
        print(f"\n{n:,} rows, {what} ({payroll.stat().st_size / 1e6:.0f} MB)")
        print(f"  csv.reader pass           {t_floor:8.2f} s   {floor['max_rss_mb']:6.0f} MB")
        print(f"  psoladder.assess_file     {t_ours:8.2f} s   {ours['max_rss_mb']:6.0f} MB   "
              f"{n / t_ours:,.0f} rows/s   {t_ours / t_floor:5.1f}x the csv pass")
        print(f"  psoladder assess (CLI)    {cli_time:8.2f} s             "
              f"{cli_time / t_floor:5.1f}x the csv pass (with start-up and report)")
        if have_pandas:
            pd_run = _run("pandas", org, payroll)
            t_pd = float(pd_run["seconds"])  # type: ignore[arg-type]
            print(f"  pandas (float, fte only)  {t_pd:8.2f} s   {pd_run['max_rss_mb']:6.0f} MB   "
                  f"psoladder is {t_ours / t_pd:5.1f}x pandas")
        print(f"  result: level {ours['level']}, total fte {ours['total_fte'][:12]}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child(*sys.argv[2:5])
    else:
        main([int(a) for a in sys.argv[1:]] or [100_000, 1_000_000])
