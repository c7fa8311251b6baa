"""Benchmark: the worst cases the input bounds allow (issue #16).

Each case runs in a fresh process; the script prints its wall time and peak
memory (max RSS). The cases:

* ``rows``: a payroll of ``psoladder.limits.MAX_ROWS`` rows, every row in the
  peiljaar (the memory worst case of the streaming path), through
  ``assess_file``;
* ``concurrent``: target-group persons whose rows all overlap (the fte cap is
  applied piece by piece and every row is kept), ``MAX_TARGET_GROUP_ROWS``
  rows in all (or ``PSOLADDER_BENCH_CONCURRENT``), 2,000 rows a person;
* ``persons``: ``MAX_ROWS`` rows, each of its own person, in the peiljaar;
* ``orgfile``: an organisation file of ``MAX_ORGANISATION_FILE_BYTES`` with
  inline ``[[employment]]`` tables, through ``load_organisation`` + ``assess``;
* ``hostile``: files refused at a bound (a 10,000-part dotted key, a
  100,000-deep JSON array, a payroll line without line ends, a number of a
  million digits): the time to the error.

Usage: ``python benchmarks/bench_bounds.py [rows] [concurrent] [persons] [orgfile] [hostile]``
(default: all).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import peak_mb, write  # noqa: E402

DATA = HERE / "_data"


def _child(case: str, arg: str) -> None:
    import psoladder

    start = time.perf_counter()
    outcome = "ok"
    try:
        if case == "orgfile":
            psoladder.assess(psoladder.load_organisation(arg))
        else:
            psoladder.assess_file(arg)
    except psoladder.InputError as exc:
        outcome = "input error: " + exc.problems[0].message[:60]
    seconds = time.perf_counter() - start
    print(f"{seconds:.2f}\t{peak_mb():.0f}\t{outcome}")




def _run(label: str, case: str, arg: Path) -> None:
    out = subprocess.run([sys.executable, __file__, "--child", case, str(arg)],
                         capture_output=True, text=True, check=True)
    seconds, peak, outcome = out.stdout.strip().split("\t")
    print(f"{label:<58} {float(seconds):8.2f} s {float(peak):7.0f} MB   {outcome}")


def _concurrent(n: int) -> Path:
    import datetime as dt
    import random

    folder = DATA / "bounds"
    folder.mkdir(parents=True, exist_ok=True)
    payroll = folder / f"concurrent-{n}.csv"
    if not payroll.exists():
        rng = random.Random(1)
        with payroll.open("w", encoding="utf-8") as f:
            f.write("person,start,hours_per_week,target_group\n")
            for i in range(n):
                day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(365))
                f.write(f"P{i // 2000},{day.isoformat()},1.5,wajong\n")
    org = folder / f"concurrent-{n}.toml"
    org.write_text('name = "Concurrent"\nkvk = "12345678"\napplication_date = 2024-05-01\n'
                   f'employments = "{payroll.name}"\n', encoding="utf-8")
    return org


def _persons(n: int) -> Path:
    folder = DATA / "bounds"
    folder.mkdir(parents=True, exist_ok=True)
    payroll = folder / f"persons-{n}.csv"
    if not payroll.exists():
        with payroll.open("w", encoding="utf-8") as f:
            f.write("person,start,hours_per_week\n")
            f.writelines(f"P{i:07d},2022-06-01,32\n" for i in range(n))
    org = folder / f"persons-{n}.toml"
    org.write_text('name = "Persons"\nkvk = "12345678"\napplication_date = 2024-05-01\n'
                   f'employments = "{payroll.name}"\n', encoding="utf-8")
    return org


def _orgfile() -> Path:
    from psoladder.limits import MAX_ORGANISATION_FILE_BYTES

    folder = DATA / "bounds"
    folder.mkdir(parents=True, exist_ok=True)
    org = folder / "largest-organisation.toml"
    head = ('name = "Largest"\nkvk = "12345678"\napplication_date = 2024-05-01\n'
            "peiljaar = { start = 2023-01-01, end = 2023-12-31 }\n")
    row = ('[[employment]]\nperson = "E{:07d}"\nstart = 2019-03-01\nend = 2024-02-29\n'
           'hours_per_week = 32.5\ncontract = "regular"\n\n')
    parts, size, i = [head], len(head), 0
    while size + len(row) + 2 < MAX_ORGANISATION_FILE_BYTES:
        text = row.format(i)
        parts.append(text)
        size += len(text)
        i += 1
    org.write_text("".join(parts), encoding="utf-8")
    return org


def _hostile() -> list[tuple[str, Path]]:
    folder = DATA / "bounds"
    folder.mkdir(parents=True, exist_ok=True)
    cases = {
        "dotted.toml": "a" + ".a" * 10_000 + " = 1\n",
        "deep.json": '{"name": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "digits.toml": 'name = "X"\nfulltime_hours = ' + "9" * 1_000_000 + "\n",
        "lines.toml": 'name = "X"\nkvk = "12345678"\napplication_date = 2024-05-01\n'
                      'employments = "lines.csv"\n',
    }
    (folder / "lines.csv").write_text("person,start,hours_per_week\n" + "x" * 50_000_000,
                                      encoding="utf-8")
    out = []
    for name, text in cases.items():
        (folder / name).write_text(text, encoding="utf-8")
        out.append((name, folder / name))
    return out


def main(cases: list[str]) -> None:
    from psoladder.limits import MAX_ROWS, MAX_TARGET_GROUP_ROWS

    concurrent = int(os.environ.get("PSOLADDER_BENCH_CONCURRENT", MAX_TARGET_GROUP_ROWS))
    print(f"{'case':<58} {'time':>10} {'peak':>10}")
    if "rows" in cases:
        _, org = write(MAX_ROWS, DATA, "peiljaar")
        _run(f"{MAX_ROWS:,} rows in the peiljaar (assess_file)", "file", org)
    if "concurrent" in cases:
        _run(f"{concurrent:,} target-group rows, 2,000 overlapping a person", "file",
             _concurrent(concurrent))
    if "persons" in cases:
        _run(f"{MAX_ROWS:,} rows of as many persons", "file", _persons(MAX_ROWS))
    if "orgfile" in cases:
        _run("largest organisation file (load_organisation + assess)", "orgfile", _orgfile())
    if "hostile" in cases:
        for name, path in _hostile():
            _run(f"refused: {name}", "file", path)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child(sys.argv[2], sys.argv[3])
    else:
        main(sys.argv[1:] or ["rows", "concurrent", "persons", "orgfile", "hostile"])
