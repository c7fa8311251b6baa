"""User overrides of the rule data: values a user holds from the PSO-Handleiding.

Overridden values get status ``user`` and are cited with the user's source.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from psoladder.errors import RuleDataError
from psoladder.model import ContractType, TargetGroup
from psoladder.rules.datamodel import Cited, NormRow, RuleSet, SourceQuality, Status
from psoladder.rules.loading import _Checker

__all__ = ["RuleOverrides", "load_overrides", "overrides_from_mapping"]


@attrs.frozen
class RuleOverrides:
    """Values a user supplies in place of the shipped rule data.

    Typical use: the official full norm table (sizes 2..105) or the Basistrede
    norms from the PSO-Handleiding an applicant received, or the student
    weights of edition 1.9 on. Overridden values get status ``user`` and the
    conservative-rule warnings for them disappear.

    Attributes:
        source: Where the values come from (shown as their citation).
        parameters: Parameter values by name.
        target_group_weights: Weights by target group.
        contract_weights: Weights by contract type.
        norm_rows: Norm rows; rows for the same size replace the data's.
    """

    source: str
    parameters: Mapping[str, Any] = attrs.Factory(dict)
    target_group_weights: Mapping[TargetGroup, Decimal] = attrs.Factory(dict)
    contract_weights: Mapping[ContractType, Decimal] = attrs.Factory(dict)
    norm_rows: tuple[NormRow, ...] = ()

    def apply(self, rules: RuleSet) -> RuleSet:
        """Return ``rules`` with these values in place."""
        on = rules.edition.applies_from
        names: set[str] = set()

        def user(cited: Cited[Any], value: Any) -> Cited[Any]:
            names.add(cited.name or cited.rule)
            return attrs.evolve(cited, value=value, status=Status.USER, source=self.source,
                                applies_from=on, note="user override",
                                quality=SourceQuality.USER)

        params = dict(rules.parameters)
        for name, value in self.parameters.items():
            if name not in params:
                raise RuleDataError(f"override: no parameter {name!r} in force on {rules.on}")
            params[name] = user(params[name], value)
        groups = dict(rules.target_groups)
        for group, weight in self.target_group_weights.items():
            tg = groups[group]
            if not tg.available.value:
                raise RuleDataError(f"override: {group.value} is not a target group under "
                                    f"edition {rules.edition.name}")
            groups[group] = attrs.evolve(tg, weight=user(tg.weight, weight))
        contracts = dict(rules.contract_types)
        for contract, weight in self.contract_weights.items():
            ct = contracts[contract]
            contracts[contract] = attrs.evolve(ct, weight=user(ct.weight, weight))
        norms = rules.norms
        if self.norm_rows:
            # Merged row by row: each row keeps its own source (R-LVL-3).
            by_size = {r.size: r for r in norms.rows}
            by_size.update({r.size: r for r in self.norm_rows})
            sizes = set(by_size)
            user_basistrede = None
            if any(r.basistrede is not None for r in self.norm_rows):
                basis = norms.basistrede or attrs.evolve(norms.citation, rule="R-LVL-5",
                                                         name="norms.basistrede")
                user_basistrede = user(basis, "Basistrede norms")
            norms = attrs.evolve(
                norms, rows=tuple(by_size[s] for s in sorted(by_size)),
                complete=set(range(norms.smallest_size, norms.open_ended_from + 1)) <= sizes,
                user_sizes=frozenset(r.size for r in self.norm_rows),
                user_citation=user(norms.citation, f"{len(self.norm_rows)} user rows"),
                user_basistrede=user_basistrede,
            )
        return attrs.evolve(rules, parameters=params, target_groups=groups,
                            contract_types=contracts, norms=norms,
                            overridden=rules.overridden | names)


def load_overrides(path: str | Path) -> RuleOverrides:
    """Read a rule-data override file (TOML).

    The file has a ``source`` line and any of these tables::

        source = "PSO-Handleiding 2.1, bijlage normtabel (received 2024-02-01)"

        [parameters]
        max_indirect_share = 0.80

        [target_groups.student_level_1]
        weight = 0.6

        [contract_types.trial]
        weight = 0.5

        [[norms]]
        size = 2
        basistrede = 15.0
        trede_1 = 21.4
        trede_2 = 28.0
        trede_3 = 33.0

    Raises:
        RuleDataError: Naming every problem of the file.
    """
    where = str(path)
    try:
        doc = tomllib.loads(Path(path).read_text("utf-8"), parse_float=Decimal)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise RuleDataError(f"cannot read override file {where}: {exc}") from None
    return overrides_from_mapping(doc, where)


def overrides_from_mapping(doc: Mapping[str, Any], where: str = "override") -> RuleOverrides:
    """Build :class:`RuleOverrides` from a parsed document (see :func:`load_overrides`)."""
    check = _Checker(where)
    source = doc.get("source")
    if not isinstance(source, str) or not source.strip():
        check.fail("source: say where the values come from, e.g. the handleiding edition")
    for key in doc:
        if key not in {"source", "parameters", "target_groups", "contract_types", "norms"}:
            check.fail(f"{key}: unknown table (use parameters, target_groups, contract_types, "
                       "norms)")
    groups = {}
    for code, table in doc.get("target_groups", {}).items():
        try:
            groups[TargetGroup(code)] = _weight(table, f"target_groups.{code}", check)
        except ValueError:
            check.fail(f"target_groups.{code}: not a target group code")
    contracts = {}
    for code, table in doc.get("contract_types", {}).items():
        try:
            contracts[ContractType(code)] = _weight(table, f"contract_types.{code}", check)
        except ValueError:
            check.fail(f"contract_types.{code}: not a contract type code")
    rows = []
    raw_rows = doc.get("norms", [])
    with_basis = sum(1 for r in raw_rows if "basistrede" in r)
    if with_basis not in (0, len(raw_rows)):
        check.fail("norms: give basistrede on every row or on none")
    for i, r in enumerate(raw_rows):
        try:
            row = NormRow(size=int(r["size"]), trede_1=Decimal(r["trede_1"]),
                          trede_2=Decimal(r["trede_2"]), trede_3=Decimal(r["trede_3"]),
                          basistrede=Decimal(r["basistrede"]) if "basistrede" in r else None)
        except (KeyError, TypeError, ValueError, ArithmeticError):
            check.fail(f"norms[{i}]: needs size, trede_1, trede_2, trede_3 (and basistrede)")
            continue
        ordered = [row.trede_1, row.trede_2, row.trede_3]
        if row.basistrede is not None:
            ordered.insert(0, row.basistrede)
        if ordered != sorted(ordered):
            check.fail(f"norms[{i}]: norms must not fall from Basistrede to Trede 3")
        rows.append(row)
    check.done()
    return RuleOverrides(source=str(source), parameters=dict(doc.get("parameters", {})),
                         target_group_weights=groups, contract_weights=contracts,
                         norm_rows=tuple(sorted(rows, key=lambda r: r.size)))


def _weight(table: Mapping[str, Any], where: str, check: _Checker) -> Decimal:
    value = table.get("weight")
    if set(table) != {"weight"} or not isinstance(value, Decimal | int) or isinstance(
            value, bool) or not 0 <= value <= 1:
        check.fail(f"{where}: give weight = a number from 0 to 1 (and nothing else)")
        return Decimal(0)
    return Decimal(value)
