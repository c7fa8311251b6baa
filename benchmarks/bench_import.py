"""Benchmark: the import time of ``psoladder``.

Starts fresh interpreters and prints the median wall time of
``python -c "import psoladder"`` minus that of ``python -c "pass"``, and the
self-reported ``-X importtime`` total. ``import psoladder`` loads the public
names lazily (PEP 562); the second figure is the import of everything an
assessment needs (``from psoladder import assess``), the cost of the first call.

Usage: ``python benchmarks/bench_import.py [RUNS]``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time


def _wall(code: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(runs: int) -> None:
    subprocess.run([sys.executable, "-c", "import psoladder"], check=True)  # warm .pyc files
    bare = _wall("pass", runs)
    full = _wall("import psoladder", runs)
    ready = _wall("from psoladder import assess", runs)
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", "import psoladder"],
                         capture_output=True, text=True, check=True).stderr
    total = next(int(line.split("|")[1]) for line in out.splitlines()
                 if line.rstrip().endswith("| psoladder"))
    print(f"import psoladder: {(full - bare) * 1000:.0f} ms (median of {runs} fresh "
          f"interpreters, start-up of {bare * 1000:.0f} ms subtracted); "
          f"-X importtime: {total / 1000:.0f} ms")
    print(f"from psoladder import assess (all computation modules): "
          f"{(ready - bare) * 1000:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
