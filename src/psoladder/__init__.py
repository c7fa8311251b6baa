"""psoladder: the Dutch Prestatieladder Socialer Ondernemen (PSO), exact and explained.

The curated public API. Typical use::

    import psoladder

    org = psoladder.load_organisation("organisation.toml")
    result = psoladder.assess(org)
    print(result.level, result.total_pct)
    print(result.explanation)

Every figure is exact (``Decimal`` outside, exact ratios inside) and every
rule value comes from the dated, cited rule data (:mod:`psoladder.rules`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from psoladder.assessment import Assessment, assess, assess_file, assess_many
    from psoladder.errors import InputError, NoRuleInForce, Problem, PsoError, RuleDataError
    from psoladder.explain import Explanation, Step
    from psoladder.indirect import SupplierProfile
    from psoladder.io import example_path, load_example, load_organisation, read_payroll
    from psoladder.levels import Gap, NormPolicy, Norms, NormSource, Position, norms_for
    from psoladder.model import (
        AspirantPlan,
        ContractType,
        Employment,
        Evidence,
        Level,
        Organisation,
        Purchase,
        Recertification,
        SupplierKind,
        TargetGroup,
    )
    from psoladder.periods import DateRange
    from psoladder.pseudonym import pseudonymise
    from psoladder.rules import (
        Cited,
        Notice,
        RuleOverrides,
        RuleSet,
        Status,
        load_overrides,
        rules_at,
    )
    from psoladder.thirtyplus import ThirtyPlus, ThirtyPlusBasis

# The public names, by the module that defines them. They are imported on
# first use (PEP 562), so ``import psoladder`` stays fast for the command line
# and notebooks; the computation modules load when first needed.
_PUBLIC = {
    "psoladder.assessment": ("Assessment", "assess", "assess_file", "assess_many"),
    "psoladder.errors": ("InputError", "NoRuleInForce", "Problem", "PsoError", "RuleDataError"),
    "psoladder.explain": ("Explanation", "Step"),
    "psoladder.indirect": ("SupplierProfile",),
    "psoladder.io": ("example_path", "load_example", "load_organisation", "read_payroll"),
    "psoladder.levels": ("Gap", "NormPolicy", "Norms", "NormSource", "Position", "norms_for"),
    "psoladder.model": ("AspirantPlan", "ContractType", "Employment", "Evidence", "Level",
                        "Organisation", "Purchase", "Recertification", "SupplierKind",
                        "TargetGroup"),
    "psoladder.periods": ("DateRange",),
    "psoladder.pseudonym": ("pseudonymise",),
    "psoladder.rules": ("Cited", "Notice", "RuleOverrides", "RuleSet", "Status",
                        "load_overrides", "rules_at"),
    "psoladder.thirtyplus": ("ThirtyPlus", "ThirtyPlusBasis"),
}
_WHERE = {name: module for module, names in _PUBLIC.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'psoladder' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_WHERE})


__version__ = "0.1.0"

__all__ = [
    "AspirantPlan",
    "Assessment",
    "Cited",
    "ContractType",
    "DateRange",
    "Employment",
    "Evidence",
    "Explanation",
    "Gap",
    "InputError",
    "Level",
    "NoRuleInForce",
    "NormPolicy",
    "NormSource",
    "Norms",
    "Notice",
    "Organisation",
    "Position",
    "Problem",
    "PsoError",
    "Purchase",
    "Recertification",
    "RuleDataError",
    "RuleOverrides",
    "RuleSet",
    "Status",
    "Step",
    "SupplierKind",
    "SupplierProfile",
    "TargetGroup",
    "ThirtyPlus",
    "ThirtyPlusBasis",
    "__version__",
    "assess",
    "assess_file",
    "assess_many",
    "example_path",
    "load_example",
    "load_organisation",
    "load_overrides",
    "norms_for",
    "pseudonymise",
    "read_payroll",
    "rules_at",
]
