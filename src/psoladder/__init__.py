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
from psoladder.rules import Cited, Notice, RuleOverrides, RuleSet, Status, load_overrides, rules_at
from psoladder.thirtyplus import ThirtyPlus, ThirtyPlusBasis

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
    "read_payroll",
    "rules_at",
]
