"""User overrides of the rule data: values a user holds from the PSO-Handleiding.

Overridden values get status ``user`` and are cited with the user's source.
Override files are strict and bounded (:func:`overrides_from_mapping`): every
problem is refused with its key path before any value is used. Norm rows are
merged with the published rows row by row, each credited to its true source.
"""

from __future__ import annotations

import itertools
import tomllib
import unicodedata
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from psoladder.errors import RuleDataError
from psoladder.model import ContractType, TargetGroup
from psoladder.rules.checks import Checker, checked_number, checked_value, key_text, shown
from psoladder.rules.datamodel import Cited, NormRow, RuleSet, SourceQuality, Status
from psoladder.rules.loading import rule_data

__all__ = ["MAX_OVERRIDE_BYTES", "RuleOverrides", "load_overrides", "overrides_from_mapping"]


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
        norm_rows: Norm rows; a row replaces the data's row of its size, the
            other sizes keep the published rows (each row cited to its own
            source, R-LVL-3).
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
            # A user value is no longer unknown: it has no admissible range.
            return attrs.evolve(cited, value=value, status=Status.USER, source=self.source,
                                applies_from=on, note="user override",
                                quality=SourceQuality.USER, admissible=None)

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
            rows = tuple(by_size[s] for s in sorted(by_size))
            _check_falling(rows, self.source)
            norms = attrs.evolve(
                norms, rows=rows,
                complete=set(range(norms.smallest_size, norms.open_ended_from + 1)) <= sizes,
                user_sizes=frozenset(r.size for r in self.norm_rows),
                user_citation=user(norms.citation, f"{len(self.norm_rows)} user rows"),
                user_basistrede=user_basistrede,
            )
        return attrs.evolve(rules, parameters=params, target_groups=groups,
                            contract_types=contracts, norms=norms,
                            overridden=rules.overridden | names)


#: The largest override file psoladder reads: a full norm table with
#: Basistrede norms takes about 10 kB.
MAX_OVERRIDE_BYTES = 1_000_000

_TABLES = ("source", "parameters", "target_groups", "contract_types", "norms")
_ROW_KEYS = ("size", "basistrede", "trede_1", "trede_2", "trede_3")


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

    Every value is checked before it is used (see :func:`overrides_from_mapping`).
    Only a regular file of at most :data:`MAX_OVERRIDE_BYTES` is read.

    Raises:
        RuleDataError: Naming every problem of the file, each with its key path.
    """
    where = str(path)
    p = Path(path)
    if not p.is_file():  # a FIFO or device is never opened: it could block or never end
        what = "is not a regular file" if p.exists() else "does not exist"
        raise RuleDataError(f"override file {where} {what}; give a TOML file")
    try:
        with p.open("rb") as f:
            data = f.read(MAX_OVERRIDE_BYTES + 1)
    except OSError as exc:
        raise RuleDataError(f"cannot read override file {where}: "
                            f"{exc.strerror or type(exc).__name__}") from None
    if len(data) > MAX_OVERRIDE_BYTES:
        raise RuleDataError(f"override file {where} is larger than {MAX_OVERRIDE_BYTES:,} "
                            "bytes; it holds rule values only")
    try:
        doc = tomllib.loads(data.decode("utf-8-sig"), parse_float=Decimal)
    except UnicodeDecodeError:
        raise RuleDataError(f"override file {where} is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise RuleDataError(f"override file {where} is not valid TOML: {exc}") from None
    except (ValueError, RecursionError) as exc:  # huge integers, deep nesting
        raise RuleDataError(f"override file {where} cannot be read: "
                            f"{shown(str(exc), 80)}") from None
    return overrides_from_mapping(doc, where)


def overrides_from_mapping(doc: Mapping[str, Any], where: str = "override") -> RuleOverrides:
    """Build :class:`RuleOverrides` from a parsed document (see :func:`load_overrides`).

    The schema is strict, and every problem is reported at once with its key
    path: unknown tables and keys, values of the wrong type or shape,
    parameters the rule data does not have, and numbers out of bounds (a
    weight from 0 to 1, norms from 0 to 100 with at most 4 decimals, a norm
    row for a size the table has, each parameter by its unit, see
    :mod:`psoladder.rules.checks`). Numbers are ``Decimal`` or ``int``, never
    ``float``.

    Raises:
        RuleDataError: Naming every problem, each with its key path.
    """
    check = Checker(where, "rules override")
    if not isinstance(doc, Mapping):
        check.fail("the document must be a table of keys")
        check.done()
    for key in doc:
        if key not in _TABLES:
            check.fail(f"{key_text(key)}: unknown table (use {', '.join(_TABLES)})")
    source = doc.get("source")
    if not isinstance(source, str) or not source.strip():
        check.fail("source: say where the values come from, e.g. the handleiding edition")
    elif len(source) > 500 or any(unicodedata.category(c) == "Cc" for c in source):
        check.fail("source: at most 500 characters, without control characters")
    parameters = _parameters(doc.get("parameters", {}), check)
    groups = _weights(doc.get("target_groups", {}), "target_groups", TargetGroup, check)
    contracts = _weights(doc.get("contract_types", {}), "contract_types", ContractType, check)
    rows = _norm_rows(doc.get("norms", []), check)
    check.done()
    return RuleOverrides(source=str(source), parameters=parameters,
                         target_group_weights=groups, contract_weights=contracts,
                         norm_rows=tuple(sorted(rows, key=lambda r: r.size)))


def _parameters(table: Any, check: Checker) -> dict[str, Any]:
    if not isinstance(table, Mapping):
        check.fail("parameters: must be a table of name = value")
        return {}
    known = rule_data().raw["parameters"]
    out = {}
    for name, value in table.items():
        where = f"parameters.{key_text(name)}"
        if name not in known:
            check.fail(f"{where}: not a rule parameter (see psoladder rules for the names)")
            continue
        spec = known[name]
        checked = checked_value(spec["unit"], value, where, check, spec.get("bounds"))
        if checked is not None:
            out[name] = checked
    return out


def _weights(table: Any, key: str, kind: type[Any], check: Checker) -> dict[Any, Decimal]:
    if not isinstance(table, Mapping):
        check.fail(f"{key}: must hold a table per code, e.g. [{key}.<code>] weight = 0.5")
        return {}
    out = {}
    for code, entry in table.items():
        where = f"{key}.{key_text(code)}"
        try:
            member = kind(code)
        except ValueError:
            codes = ", ".join(m.value for m in kind)
            check.fail(f"{where}: not a {key[:-1].replace('_', ' ')} code (use {codes})")
            continue
        if not isinstance(entry, Mapping) or set(entry) != {"weight"}:
            check.fail(f"{where}: give weight = a number from 0 to 1 (and nothing else)")
            continue
        weight = checked_number(entry["weight"], f"{where}.weight", check, low=0, high=1,
                                places=4)
        if weight is not None:
            out[member] = Decimal(weight)
    return out


def _norm_rows(raw: Any, check: Checker) -> list[NormRow]:
    table = rule_data().raw["norms"]
    smallest, largest = table["smallest_size"], table["open_ended_from"]
    if not isinstance(raw, list):
        check.fail("norms: must be [[norms]] tables, one per size")
        return []
    if len(raw) > largest - smallest + 1:
        check.fail(f"norms: at most one row per size {smallest}..{largest} "
                   f"({largest - smallest + 1} rows), not {len(raw)}")
        return []
    rows: list[NormRow] = []
    with_basis = 0
    for i, r in enumerate(raw):
        where = f"norms[{i}]"
        if not isinstance(r, Mapping):
            check.fail(f"{where}: must be a table with size, trede_1, trede_2, trede_3")
            continue
        unknown = [k for k in r if k not in _ROW_KEYS]
        missing = [k for k in ("size", "trede_1", "trede_2", "trede_3") if k not in r]
        if unknown or missing:
            check.fail(f"{where}: needs size, trede_1, trede_2, trede_3 (and basistrede)"
                       + (f"; unknown key(s) {', '.join(key_text(k) for k in unknown)}"
                          if unknown else ""))
            continue
        size = checked_number(r["size"], f"{where}.size", check, low=smallest, high=largest,
                              places=0, whole=True)
        values = {k: checked_number(r[k], f"{where}.{k}", check, low=0, high=100, places=4)
                  for k in _ROW_KEYS[1:] if k in r}
        if size is None or None in values.values():
            continue
        row = NormRow(size=size, trede_1=Decimal(values["trede_1"]),
                      trede_2=Decimal(values["trede_2"]), trede_3=Decimal(values["trede_3"]),
                      basistrede=None if "basistrede" not in values
                      else Decimal(values["basistrede"]))
        ordered = [row.trede_1, row.trede_2, row.trede_3]
        if row.basistrede is not None:
            with_basis += 1
            ordered.insert(0, row.basistrede)
        if ordered != sorted(ordered):
            check.fail(f"{where}: norms must not fall from Basistrede to Trede 3")
            continue
        if any(other.size == size for other in rows):
            check.fail(f"{where}: a second row for size {size}")
            continue
        rows.append(row)
    if with_basis not in (0, len(rows)):
        check.fail("norms: give basistrede on every row or on none")
    try:
        _check_falling(sorted(rows, key=lambda r: r.size), "the override")
    except RuleDataError as exc:
        check.fail(f"norms: {exc}")
    return rows


def _check_falling(rows: Sequence[NormRow], source: str) -> None:
    """Norms must not rise with the company size (R-LVL-3; the gap searches rely on it)."""
    for smaller, larger in itertools.pairwise(rows):
        for level in ("basistrede", "trede_1", "trede_2", "trede_3"):
            low, high = getattr(smaller, level), getattr(larger, level)
            if low is not None and high is not None and high > low:
                raise RuleDataError(
                    f"the {level} norm of size {larger.size} ({high}) is above that of size "
                    f"{smaller.size} ({low}) with {source}: norms fall as the size rises "
                    "(R-LVL-3)")
