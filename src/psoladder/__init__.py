"""psoladder: the Dutch Prestatieladder Socialer Ondernemen (PSO), exact and explained.

The curated public API. Typical use::

    import psoladder

    org = psoladder.load_organisation("organisation.toml")
    result = psoladder.assess(org)
    print(result.level, result.total_pct)
    print(result.explanation)
    plan = psoladder.load_scenarios("organisation.toml")["Plan A"]
    print(psoladder.compare(result, psoladder.assess(plan(org))).figures)
    print(psoladder.forecast(org, until=datetime.date(2028, 5, 1)).changes)

Every figure is exact (``Decimal`` outside, exact ratios inside) and every
rule value comes from the dated, cited rule data (:mod:`psoladder.rules`).
"""

from __future__ import annotations

import functools
import gc
import importlib
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from psoladder.assessment import (
        Assessment,
        Checked,
        assess,
        assess_file,
        assess_many,
        check_file,
    )
    from psoladder.errors import InputError, NoRuleInForce, Problem, PsoError, RuleDataError
    from psoladder.explain import Explanation, Step
    from psoladder.indirect import SupplierProfile
    from psoladder.io import example_path, load_example, load_organisation, read_payroll
    from psoladder.io.payroll import PayrollFormat
    from psoladder.levels import Gap, NormPolicy, Norms, NormSource, Position, norms_for
    from psoladder.model import (
        AspirantPlan,
        ContractType,
        Employment,
        Entity,
        Evidence,
        Level,
        Organisation,
        Purchase,
        Recertification,
        SupplierKind,
        TargetGroup,
    )
    from psoladder.periods import DateRange
    from psoladder.planning.compare import Comparison, compare
    from psoladder.planning.files import load_scenarios
    from psoladder.planning.forecast import Forecast, forecast
    from psoladder.planning.scenarios import Scenario
    from psoladder.pseudonym import pseudonymise
    from psoladder.rules import (
        Cited,
        Notice,
        RuleChange,
        RuleDiff,
        RuleOverrides,
        RuleSet,
        SourceQuality,
        Status,
        load_overrides,
        rules_at,
        rules_diff,
    )
    from psoladder.thirtyplus import ThirtyPlus, ThirtyPlusBasis, ThirtyPlusDenominator

# The public names, by the module that defines them. They are imported on
# first use (PEP 562), so ``import psoladder`` stays fast for the command line
# and notebooks; the computation modules load when first needed.
_PUBLIC = {
    "psoladder.assessment": ("Assessment", "Checked", "assess", "assess_file", "assess_many",
                             "check_file"),
    "psoladder.errors": ("InputError", "NoRuleInForce", "Problem", "PsoError", "RuleDataError"),
    "psoladder.explain": ("Explanation", "Step"),
    "psoladder.indirect": ("SupplierProfile",),
    "psoladder.io": ("example_path", "load_example", "load_organisation", "read_payroll"),
    "psoladder.levels": ("Gap", "NormPolicy", "Norms", "NormSource", "Position", "norms_for"),
    "psoladder.model": ("AspirantPlan", "ContractType", "Employment", "Entity", "Evidence", "Level",
                        "Organisation", "Purchase", "Recertification", "SupplierKind",
                        "TargetGroup"),
    "psoladder.periods": ("DateRange",),
    # issue 15: planning ahead
    "psoladder.planning.compare": ("Comparison", "compare"),
    "psoladder.planning.files": ("load_scenarios",),
    "psoladder.planning.forecast": ("Forecast", "forecast"),
    "psoladder.planning.scenarios": ("Scenario",),
    "psoladder.pseudonym": ("pseudonymise",),
    # issue 12: payroll exports as payroll systems write them, checking without assessing
    "psoladder.io.payroll": ("PayrollFormat",),

    "psoladder.rules": ("Cited", "Notice", "RuleChange", "RuleDiff", "RuleOverrides", "RuleSet",
                        "SourceQuality", "Status", "load_overrides", "rules_at", "rules_diff"),
    "psoladder.thirtyplus": ("ThirtyPlus", "ThirtyPlusBasis", "ThirtyPlusDenominator"),
}
_WHERE = {name: module for module, names in _PUBLIC.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'psoladder' has no attribute {name!r}")
    # Loading the computation modules makes many objects and no garbage: the
    # cycle collector is paused meanwhile (and restored; about a tenth of the
    # import time).
    paused = gc.isenabled()
    gc.disable()
    try:
        value = getattr(importlib.import_module(module), name)
    finally:
        if paused:
            gc.enable()
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_WHERE})


# Notebook views (issue #13). The assessment and the explanation know nothing
# of presentation; the package registers psoladder.notebook's views for them
# with a running IPython kernel, by name, so nothing is imported until an
# object is displayed.


def _notebook_view(mime: str, obj: Any) -> str:
    notebook = importlib.import_module("psoladder.notebook")
    return str(notebook.html(obj) if mime == "text/html" else notebook.markdown(obj))


def load_ipython_extension(shell: Any) -> None:
    """``%load_ext psoladder``: show assessments and explanations as reports in notebooks."""
    formatters = shell.display_formatter.formatters
    for mime in ("text/html", "text/markdown"):
        for module, name in (("psoladder.assessment", "Assessment"),
                             ("psoladder.explain", "Explanation")):
            formatters[mime].for_type_by_name(module, name,
                                              functools.partial(_notebook_view, mime))


def _register_with_ipython() -> None:
    ipython = sys.modules.get("IPython")
    get_ipython = getattr(ipython, "get_ipython", None)
    shell = get_ipython() if callable(get_ipython) else None
    if shell is not None and hasattr(shell, "display_formatter"):
        load_ipython_extension(shell)


_register_with_ipython()


__version__ = "0.1.0"

__all__ = [
    "AspirantPlan",
    "Assessment",
    "Checked",
    "Cited",
    "Comparison",
    "ContractType",
    "DateRange",
    "Employment",
    "Entity",
    "Evidence",
    "Explanation",
    "Forecast",
    "Gap",
    "InputError",
    "Level",
    "NoRuleInForce",
    "NormPolicy",
    "NormSource",
    "Norms",
    "Notice",
    "Organisation",
    "PayrollFormat",
    "Position",
    "Problem",
    "PsoError",
    "Purchase",
    "Recertification",
    "RuleChange",
    "RuleDataError",
    "RuleDiff",
    "RuleOverrides",
    "RuleSet",
    "Scenario",
    "SourceQuality",
    "Status",
    "Step",
    "SupplierKind",
    "SupplierProfile",
    "TargetGroup",
    "ThirtyPlus",
    "ThirtyPlusBasis",
    "ThirtyPlusDenominator",
    "__version__",
    "assess",
    "assess_file",
    "assess_many",
    "check_file",
    "compare",
    "example_path",
    "forecast",
    "load_example",
    "load_organisation",
    "load_overrides",
    "load_scenarios",
    "norms_for",
    "pseudonymise",
    "read_payroll",
    "rules_at",
    "rules_diff",
]
