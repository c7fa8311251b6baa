"""Generate a synthetic payroll export of N rows for the benchmarks (deterministic).

Usage: ``python benchmarks/generate.py ROWS [OUT_DIR] [years|peiljaar]``.
Writes ``payroll-ROWS.csv`` and ``organisation-ROWS.toml`` into OUT_DIR
(default ``benchmarks/_data``). Shape ``years`` (default): a history over
2013-2024, about 2.5 rows per person; most people have one contract, some
have changes of hours, some overlap; about 4% are in a target group, spread
over every group and contract type. Shape ``peiljaar``: every row lies in the
peiljaar 2023 (an export of one year only), the worst case for memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import resource
import sys
from pathlib import Path


def peak_mb() -> float:
    """Peak resident memory of this process since it started (VmHWM on Linux), in MB.

    ``ru_maxrss``, the fallback where ``/proc`` is missing, can keep the peak
    of the parent a child was forked from.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


FIELDS = ["person", "start", "end", "hours_per_week", "contract", "target_group", "inflow",
          "status_until", "school_left", "ww_since", "status_lost", "placement_start",
          "registered"]
GROUPS = ["wsw", "participatiewet", "participatiewet_lks", "wia_wao_waz", "wajong",
          "student_level_1", "student_level_2", "vso_pro", "ww", "wiw_id", "status_lost_2y",
          "young_disabled_wml", "doelgroepregister", "statushouder", "nug_sroi"]
CONTRACTS = ["regular"] * 12 + ["secondment_flex", "placement", "trial", "supported"]
HOURS = ["8", "12", "16", "20", "24", "24", "28", "32", "32", "36", "38", "40", "22.5", "33.6"]


def rows(n: int, seed: int = 1, shape: str = "years") -> list[dict[str, str]]:
    if shape == "peiljaar":
        return _one_year(n, seed)
    rng = random.Random(seed)
    out: list[dict[str, str]] = []
    person = 0
    day0 = dt.date(2013, 1, 1).toordinal()
    while len(out) < n:
        person += 1
        pid = f"P{person:08d}"
        group = rng.choice(GROUPS) if rng.random() < 0.04 else ""
        extra: dict[str, str] = {}
        start = dt.date.fromordinal(day0 + rng.randrange(3900))
        if group == "vso_pro":
            extra["school_left"] = (start - dt.timedelta(days=rng.randrange(900))).isoformat()
        elif group == "ww":
            extra["ww_since"] = (start - dt.timedelta(days=rng.randrange(60, 900))).isoformat()
        elif group == "status_lost_2y":
            extra["status_lost"] = (start - dt.timedelta(days=rng.randrange(900))).isoformat()
        for _ in range(rng.choice([1, 1, 1, 2, 3, 4, 5])):
            if len(out) >= n:
                break
            length = rng.randrange(30, 2000)
            end = start + dt.timedelta(days=length)
            open_end = rng.random() < 0.3
            out.append({"person": pid, "start": start.isoformat(),
                        "end": "" if open_end else end.isoformat(),
                        "hours_per_week": rng.choice(HOURS), "contract": rng.choice(CONTRACTS),
                        "target_group": group, **extra})
            # the next contract starts after this one, sometimes overlapping by a month
            start = end + dt.timedelta(days=1 - (30 if rng.random() < 0.1 else 0))
    return out


def _one_year(n: int, seed: int) -> list[dict[str, str]]:
    rng = random.Random(seed)
    out: list[dict[str, str]] = []
    person = 0
    last = dt.date(2023, 12, 31)
    while len(out) < n:
        person += 1
        group = rng.choice(GROUPS[:7]) if rng.random() < 0.04 else ""
        start = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(200))
        for _ in range(rng.choice([1, 1, 2, 3, 4])):
            if len(out) >= n or start > last:
                break
            end = min(start + dt.timedelta(days=rng.randrange(10, 160)), last)
            out.append({"person": f"Y{person:08d}", "start": start.isoformat(),
                        "end": end.isoformat(), "hours_per_week": rng.choice(HOURS),
                        "contract": rng.choice(CONTRACTS[:12]), "target_group": group})
            start = end + dt.timedelta(days=1)
    return out


def write(n: int, folder: Path, shape: str = "years") -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    suffix = f"{n}" if shape == "years" else f"{n}-{shape}"
    payroll = folder / f"payroll-{suffix}.csv"
    if not payroll.exists():
        with payroll.open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, FIELDS, lineterminator="\n")
            writer.writeheader()
            writer.writerows({k: r.get(k, "") for k in FIELDS} for r in rows(n, shape=shape))
    org = folder / f"organisation-{suffix}.toml"
    org.write_text(f'name = "Benchmark {n}"\nkvk = ["12345678"]\n'
                   "application_date = 2024-05-01\n"
                   "peiljaar = { start = 2023-01-01, end = 2023-12-31 }\n"
                   f'employments = "{payroll.name}"\n', encoding="utf-8")
    return payroll, org


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).parent / "_data"
    for path in write(count, out, sys.argv[3] if len(sys.argv) > 3 else "years"):
        print(path)
