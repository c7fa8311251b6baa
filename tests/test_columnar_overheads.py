"""The work around the columnar engine's kernels: exact sums, capped parts, the collector, imports (issue 11)."""

from __future__ import annotations

import gc
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psoladder.assessment import _results_kept
from psoladder.fte import exact_hour_days, exact_sum

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

values = st.one_of(st.integers(0, 10**9),
                   st.fractions(min_value=0, max_value=10**6, max_denominator=10**4))


@given(st.lists(values, max_size=30))
def test_exact_sum_is_the_sum(terms: list[int | Fraction]) -> None:
    found = exact_sum(terms)
    assert found == sum(terms, Fraction(0))
    # A whole sum is an int, as the Fraction-by-Fraction sums gave it.
    assert (type(found) is int) == (Fraction(found).denominator == 1)


def test_exact_sum_of_generators_and_whole_fractions() -> None:
    assert exact_sum(x for x in (Fraction(1, 2), Fraction(3, 2), 1)) == 3
    assert type(exact_sum([Fraction(4, 2)])) is int
    assert exact_sum([]) == 0


@given(st.integers(0, 10**7), st.fractions(min_value=0, max_value=10**4, max_denominator=10**5),
       st.sampled_from([1, 10, 100, 1000]))
def test_capped_parts_as_exact_hour_days(units: int, part: Fraction, scale: int) -> None:
    np = pytest.importorskip("numpy")
    from psoladder.columnar.engine import _plus_parts

    into: list[object] = [None, "untouched"]
    _plus_parts(into, np.array([units, 5], dtype=np.int64), {0: part}, scale)
    expected = exact_hour_days(units + part, scale)
    assert into == [expected, "untouched"]
    assert type(into[0]) is type(expected)


def test_results_kept_restores_the_collector() -> None:
    was = gc.isenabled()
    try:
        gc.enable()
        with _results_kept():
            assert not gc.isenabled()
            kept = [[i] for i in range(1000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() == 0  # nothing left frozen
        assert all(gc.is_tracked(k) for k in kept[:3])
        gc.disable()
        with _results_kept():
            pass
        assert not gc.isenabled()  # the caller's choice stands
    finally:
        (gc.enable if was else gc.disable)()


def test_results_kept_leaves_a_programs_frozen_objects_frozen() -> None:
    was = gc.isenabled()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen
        with _results_kept():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
        (gc.enable if was else gc.disable)()


def test_an_assessment_loads_no_module_it_does_not_use() -> None:
    organisation = EXAMPLES / "medium" / "organisation.toml"
    code = ("import sys, psoladder; psoladder.assess_file(sys.argv[1]); "
            "print(sorted(m for m in ('zipfile', 'difflib', 'psoladder.planning.scenarios') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(organisation)], check=True,
                         capture_output=True, text=True)
    assert out.stdout.strip() == "[]"
