"""Benchmark: the import time of ``psoladder``.

Starts fresh interpreters and prints the median wall time of
``python -c "import psoladder"`` minus that of ``python -c "pass"``, and the
self-reported ``-X importtime`` total. ``import psoladder`` loads the public
names lazily (PEP 562); the second figure is the import of everything an
assessment needs (``from psoladder import assess``), the cost of the first call;
the third, with the ``fast`` extra, adds what the columnar engine of
``assess_file`` loads (numpy, pyarrow and the engine's modules).

The interpreters import from byte-code caches, as an installed package does
(``PYTHONDONTWRITEBYTECODE``, which some sandboxes set, is left out of their
environment, so the caches are written once).

Usage: ``python benchmarks/bench_import.py [RUNS]``.
"""

from __future__ import annotations

import importlib.util
import os
import statistics
import subprocess
import sys
import time

_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
_FAST = ("import psoladder.assessment, psoladder.columnar.engine, psoladder.columnar.read, "
         "psoladder.columnar.columns")


def _wall(code: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=_ENV)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(runs: int) -> None:
    fast = all(importlib.util.find_spec(m) is not None for m in ("numpy", "pyarrow"))
    subprocess.run([sys.executable, "-c", _FAST if fast else "from psoladder import assess"],
                   check=True, env=_ENV)  # write the byte-code caches
    bare = _wall("pass", runs)
    full = _wall("import psoladder", runs)
    ready = _wall("from psoladder import assess", runs)
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", "import psoladder"],
                         capture_output=True, text=True, check=True, env=_ENV).stderr
    total = next(int(line.split("|")[1]) for line in out.splitlines()
                 if line.rstrip().endswith("| psoladder"))
    print(f"import psoladder: {(full - bare) * 1000:.0f} ms (median of {runs} fresh "
          f"interpreters, start-up of {bare * 1000:.0f} ms subtracted); "
          f"-X importtime: {total / 1000:.0f} ms")
    print(f"from psoladder import assess (all computation modules): "
          f"{(ready - bare) * 1000:.0f} ms")
    if fast:
        columnar = _wall(_FAST, runs)
        print(f"... and the columnar engine's modules (numpy, pyarrow): "
              f"{(columnar - bare) * 1000:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
