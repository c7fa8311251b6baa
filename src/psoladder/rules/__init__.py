"""The dated PSO rule data, and the rule set in force on a date: the public surface.

The rules live in ``psoladder/rules/data/pso.toml`` as data, not in code. Each
value carries its rule id (``R-...``), the date it applies from, its source URL
and a status:

* ``published``: stated with the figure in the cited source;
* ``decision``: psoladder's documented choice where the sources are silent;
* ``unknown``: no public figure exists; the value used in its place (for a
  figure that decides the level, the *conservative* value that can never
  overstate it) raises a notice naming the rule id;
* ``user``: supplied in a user override file (:func:`load_overrides`), e.g.
  the official full norm table from the PSO-Handleiding.

and the quality of its source (:class:`SourceQuality`, declared once per
source): primary (PSO-Nederland, TNO), secondary (anyone else: a value that
rests only on one raises a notice) or psoladder's own decisions page.

:func:`rules_at` gives the :class:`RuleSet` in force for an application date
(R-ED-1): the edition whose applies-from date is the latest on or before it.
Dates before edition 1.5 (2017-04-01) raise :class:`~psoladder.errors.NoRuleInForce`
(R-ED-3). :func:`rules_diff` lists what changed between two editions or dates.
The norms of a company size are :func:`psoladder.norms_for` (in
:mod:`psoladder.levels`, with the policies of R-LVL-3).

The parts, by name: :mod:`~psoladder.rules.datamodel` (Cited, Notice, Edition,
NormTable, RuleSet), :mod:`~psoladder.rules.loading` (the shipped data and its
schema check), :mod:`~psoladder.rules.checks` (what a value of each unit may
be), :mod:`~psoladder.rules.overrides` (user override files) and
:mod:`~psoladder.rules.diff` (what changed).

>>> import datetime as dt
>>> rs = rules_at(dt.date(2023, 3, 31))
>>> rs.edition.name
'2.0'
>>> rules_at(dt.date(2023, 4, 1)).edition.name
'2.1'
>>> rs.decimal("max_indirect_share").value
Decimal('0.80')
>>> print(rs.decimal("max_indirect_share").citation())
R-IND-4: 0.80 (published, primary source, from 2017-04-01; https://www.pso-nederland.nl/direct-meten-en-aanvragen/wat-meet-en-certificeert-de-pso/indirecte-sociale-bijdrage)
>>> rules_at(dt.date(2017, 3, 31))
Traceback (most recent call last):
...
psoladder.errors.NoRuleInForce: no PSO rule in force on 2017-03-31: psoladder supports application dates from 2017-04-01 (PSO-Handleiding 1.5) on (R-ED-3)
"""

from __future__ import annotations

from psoladder.rules.datamodel import (
    Cited,
    ContractTypeRules,
    Edition,
    Eligibility,
    NormRow,
    NormTable,
    Notice,
    RuleSet,
    Source,
    SourceQuality,
    Status,
    TargetGroupRules,
    WindowKind,
    rule_sort_key,
    secondary_notices,
)
from psoladder.rules.diff import RuleChange, RuleDiff, rules_diff
from psoladder.rules.loading import RuleData, rule_data, rules_at
from psoladder.rules.loading import _parse as _parse  # for the schema tests
from psoladder.rules.overrides import RuleOverrides, load_overrides, overrides_from_mapping

__all__ = [
    "Cited",
    "ContractTypeRules",
    "Edition",
    "Eligibility",
    "NormRow",
    "NormTable",
    "Notice",
    "RuleChange",
    "RuleData",
    "RuleDiff",
    "RuleOverrides",
    "RuleSet",
    "Source",
    "SourceQuality",
    "Status",
    "TargetGroupRules",
    "WindowKind",
    "load_overrides",
    "overrides_from_mapping",
    "rule_data",
    "rule_sort_key",
    "rules_at",
    "rules_diff",
    "secondary_notices",
]
