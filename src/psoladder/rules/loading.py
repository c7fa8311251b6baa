"""Loading the shipped rule data (``data/pso.toml``) and its schema check.

The file is read once (:func:`rule_data`), checked as a whole (every problem
reported at once, as a :class:`~psoladder.errors.RuleDataError`) and kept as
dated value histories; :meth:`RuleData.at` builds the
:class:`~psoladder.rules.datamodel.RuleSet` of one date.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import tomllib
from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from psoladder.errors import NoRuleInForce
from psoladder.model import ContractType, Level, TargetGroup
from psoladder.rules.checks import UNITS, Checker, checked_number, checked_value
from psoladder.rules.datamodel import (
    REFERENCES,
    Admissible,
    Bound,
    Cited,
    ContractTypeRules,
    Edition,
    Eligibility,
    NormRow,
    NormTable,
    RuleSet,
    Source,
    SourceQuality,
    Status,
    TargetGroupRules,
    WindowKind,
)

if TYPE_CHECKING:
    from psoladder.rules.overrides import RuleOverrides

__all__ = ["RuleData", "rule_data"]


@attrs.frozen
class _Entry:
    applies_from: dt.date
    value: Any
    status: Status
    source: Source
    note: str
    conservative: Any
    admissible: Admissible | None = None


@attrs.frozen
class _History:
    name: str
    rule: str
    entries: tuple[_Entry, ...]

    def at(self, on: dt.date) -> Cited[Any] | None:
        current = None
        for entry in self.entries:
            if entry.applies_from <= on:
                current = entry
        if current is None:
            return None
        value = current.conservative if current.status is Status.UNKNOWN else current.value
        return Cited(value, self.rule, current.applies_from, current.source.url, current.status,
                     current.note, self.name, quality=current.source.quality,
                     admissible=current.admissible)


@attrs.frozen
class RuleData:
    """The whole rule data file, checked. Use :func:`rules_at` for one date.

    Attributes:
        editions: Known editions, oldest first.
        last_verified: When the data was last verified.
        sources: The sources by key.
        raw: The parsed TOML document.
    """

    editions: tuple[Edition, ...]
    last_verified: dt.date
    sources: Mapping[str, Source]
    raw: Mapping[str, Any]
    _parameters: Mapping[str, _History]
    _group_histories: Mapping[TargetGroup, Mapping[str, _History]]
    _contract_histories: Mapping[ContractType, Mapping[str, _History]]

    @property
    def first_date(self) -> dt.date:
        """The first supported application date."""
        return self.editions[0].applies_from

    def histories(self) -> Iterator[tuple[str, _History]]:
        """Every dated value history, with a qualified name."""
        for name, h in self._parameters.items():
            yield f"parameters.{name}", h
        for group, hs in self._group_histories.items():
            for key, h in hs.items():
                yield f"target_groups.{group.value}.{key}", h
        for contract, hs in self._contract_histories.items():
            for key, h in hs.items():
                yield f"contract_types.{contract.value}.{key}", h

    def at(self, on: dt.date) -> RuleSet:
        """The rule set in force on ``on``."""
        if on < self.first_date:
            raise NoRuleInForce(on, self.first_date)
        edition = [e for e in self.editions if e.applies_from <= on][-1]
        params = {}
        for name, history in self._parameters.items():
            cited = history.at(on)
            if cited is not None:
                params[name] = cited
        groups = {g: self._group_at(g, on) for g in TargetGroup}
        contracts = {c: self._contract_at(c, on) for c in ContractType}
        return RuleSet(on=on, edition=edition, editions=self.editions,
                       last_verified=self.last_verified, parameters=params,
                       target_groups=groups, contract_types=contracts,
                       norms=self._norms_at(on), sources=self.sources)

    def _group_at(self, group: TargetGroup, on: dt.date) -> TargetGroupRules:
        data = self.raw["target_groups"][group.value]
        hs = self._group_histories[group]
        weight = hs["weight"].at(on)
        available = hs["available_from"].at(on)
        if available is None:
            # Not yet a target group (R-TG-15): cite when it starts.
            first = hs["available_from"].entries[0]
            available = Cited(False, "R-TG-15", self.first_date, first.source.url,
                              first.status,
                              f"a target group from {first.applies_from.isoformat()} on",
                              f"{group.value}.available_from", quality=first.source.quality)
            weight = Cited(Decimal(0), "R-TG-15", self.first_date, first.source.url,
                           first.status, "not a target group under this edition",
                           f"{group.value}.weight", quality=first.source.quality)
        assert weight is not None
        return TargetGroupRules(
            group=group, rule=data["rule"], label_en=data["label_en"], label_nl=data["label_nl"],
            available=available, weight=attrs.evolve(weight, value=Decimal(weight.value)),
            window=WindowKind(data["window"]),
            window_years=_opt_at(hs, "window_years", on),
            eligibility=Eligibility(data.get("eligibility", "none")),
            eligibility_months=_opt_at(hs, "eligibility_months", on),
            eligibility_years=_opt_at(hs, "eligibility_years", on),
            disabled_in_service_counts=_flag_from(hs, "disabled_in_service_from", on,
                                                  self.first_date),
            requires=tuple(data.get("requires", ())),
            starts=hs["available_from"].entries[0].applies_from,
            disabled_in_service_starts=(hs["disabled_in_service_from"].entries[0].applies_from
                                        if "disabled_in_service_from" in hs else None),
        )

    def _contract_at(self, contract: ContractType, on: dt.date) -> ContractTypeRules:
        data = self.raw["contract_types"][contract.value]
        hs = self._contract_histories[contract]
        weight = hs["weight"].at(on)
        assert weight is not None
        return ContractTypeRules(
            contract=contract, rule=data["rule"], label_en=data["label_en"],
            label_nl=data["label_nl"], weight=attrs.evolve(weight, value=Decimal(weight.value)),
            window_years=_opt_at(hs, "window_years", on),
            excluded_from_total=_opt_at(hs, "excluded_from_total", on),
        )

    def _norms_at(self, on: dt.date) -> NormTable:
        norms = self.raw["norms"]
        rows = tuple(
            NormRow(size=r["size"], trede_1=r["trede_1"], trede_2=r["trede_2"],
                    trede_3=r["trede_3"], basistrede=r.get("basistrede"))
            for r in norms["rows"]
        )
        source = self.sources[norms["source"]]
        citation = Cited(f"{len(rows)} published rows", norms["rule"], norms["applies_from"],
                         source.url, Status(norms["status"]), norms.get("note", ""), "norms",
                         quality=source.quality)
        basis = norms.get("basistrede")
        basistrede = None
        if basis is not None and basis["applies_from"] <= on:
            basis_source = self.sources[basis["source"]]
            basistrede = Cited("Basistrede norms", basis["rule"], basis["applies_from"],
                               basis_source.url, Status(basis["status"]),
                               basis.get("note", "Basistrede norm values are not published"),
                               "norms.basistrede", quality=basis_source.quality,
                               admissible=_admissible_of(basis))
        between = norms.get("between_rows")
        between_rows = None
        if between is not None and between["applies_from"] <= on:
            between_source = self.sources[between["source"]]
            between_rows = Cited(between["conservative"], between["rule"],
                                 between["applies_from"], between_source.url,
                                 Status(between["status"]), between.get("note", ""),
                                 "norms.between_rows", quality=between_source.quality,
                                 admissible=_admissible_of(between))
        sizes = {r.size for r in rows}
        complete = set(range(norms["smallest_size"], norms["open_ended_from"] + 1)) <= sizes
        return NormTable(rows=rows, citation=citation, smallest_size=norms["smallest_size"],
                         open_ended_from=norms["open_ended_from"], complete=complete,
                         basistrede=basistrede, between_rows=between_rows)


def _opt_at(hs: Mapping[str, _History], key: str, on: dt.date) -> Cited[Any] | None:
    return hs[key].at(on) if key in hs else None


def _flag_from(hs: Mapping[str, _History], key: str, on: dt.date,
               first_date: dt.date) -> Cited[bool] | None:
    if key not in hs:
        return None
    cited = hs[key].at(on)
    if cited is None:
        first = hs[key].entries[0]
        return Cited(False, hs[key].rule, first_date, first.source.url, first.status,
                     f"from {first.applies_from.isoformat()} on", hs[key].name,
                     quality=first.source.quality)
    return cited


_STATUSES = {s.value for s in Status} - {"user"}


_ENTRY_KEYS = {"from", "value", "status", "source", "note", "conservative", "admissible"}
_LOW_KEYS = {"at_least": True, "above": False}
_HIGH_KEYS = {"at_most": True, "below": False}


def _admissible_of(table: Mapping[str, Any]) -> Admissible | None:
    """The checked ``admissible`` table of an entry, as an :class:`Admissible`."""
    raw = table.get("admissible")
    return None if raw is None else _admissible(raw)


def _admissible(raw: Mapping[str, Any]) -> Admissible:
    (low_key,) = set(raw) & set(_LOW_KEYS)
    (high_key,) = set(raw) & set(_HIGH_KEYS)
    return Admissible(Bound(raw[low_key], _LOW_KEYS[low_key]),
                      Bound(raw[high_key], _HIGH_KEYS[high_key]), raw["note"])


def _check_admissible(raw: Any, where: str, check: Checker, *,
                      references: tuple[str, ...] = ()) -> Admissible | None:
    """Check an ``admissible`` table: one lower end, one upper end, a note (issue 17).

    Each end is a number from 0 to 100, or one of ``references``.
    """
    where = f"{where}.admissible"
    if not isinstance(raw, Mapping):
        check.fail(f"{where}: give {{ at_least | above = ..., at_most | below = ..., "
                   "note = \"why\" }")
        return None
    lows, highs = set(raw) & set(_LOW_KEYS), set(raw) & set(_HIGH_KEYS)
    unknown = set(raw) - set(_LOW_KEYS) - set(_HIGH_KEYS) - {"note"}
    if len(lows) != 1 or len(highs) != 1 or unknown:
        check.fail(f"{where}: give one of at_least/above, one of at_most/below and a note")
        return None
    if not isinstance(raw.get("note"), str) or not raw["note"].strip():
        check.fail(f"{where}.note: say why the value lies in this range")
        return None
    ends = []
    for key in (*lows, *highs):
        value = raw[key]
        if isinstance(value, str):
            if value not in references:
                allowed = ", ".join(references) or "none here"
                check.fail(f"{where}.{key}: {value!r} is not a reference ({allowed})")
                return None
        elif checked_number(value, f"{where}.{key}", check, low=0, high=100,
                            places=4) is None:
            return None
        ends.append(value)
    low, high = ends
    if not isinstance(low, str) and not isinstance(high, str) and low > high:
        check.fail(f"{where}: the lower end {low} is above the upper end {high}")
        return None
    return _admissible(raw)


def _history(name: str, rule: str, entries: Any, sources: Mapping[str, Source],
             check: Checker, unit: str | None = None, bounds: Any = None) -> _History:
    out = []
    if not isinstance(entries, list) or not entries:
        check.fail(f"{name}: needs a non-empty list of dated values")
        return _History(name, rule, ())
    previous: dt.date | None = None
    for i, e in enumerate(entries):
        where = f"{name}[{i}]"
        if not isinstance(e, Mapping) or set(e) - _ENTRY_KEYS:
            check.fail(f"{where}: an entry has only the keys {sorted(_ENTRY_KEYS)}")
            continue
        start = e.get("from")
        if not isinstance(start, dt.date):
            check.fail(f"{where}: 'from' must be a date")
            continue
        if previous is not None and start <= previous:
            check.fail(f"{where}: dates must increase ({start} after {previous})")
        previous = start
        status = e.get("status")
        if status not in _STATUSES:
            check.fail(f"{where}: status must be one of {sorted(_STATUSES)}, not {status!r}")
            continue
        source = e.get("source")
        if source not in sources:
            check.fail(f"{where}: source {source!r} is not a key of [sources]")
            continue
        if status == "unknown":
            if "value" in e or "conservative" not in e:
                check.fail(f"{where}: an unknown value has no 'value' and needs 'conservative'")
        elif "value" not in e and name.rsplit(".", 1)[-1] not in _DATE_ONLY:
            check.fail(f"{where}: a {status} entry needs a 'value'")
        if isinstance(e.get("value"), float) or isinstance(e.get("conservative"), float):
            check.fail(f"{where}: float value (load with parse_float=Decimal)")
        elif unit is not None:
            value = e["conservative"] if status == "unknown" else e.get("value")
            if value is not None:
                checked_value(unit, value, where, check, bounds)
        admissible = None
        if "admissible" in e or (status == "unknown" and unit == "weight"):
            admissible = _entry_admissible(e, where, status, unit, check)
        out.append(_Entry(start, e.get("value", True), Status(status), sources[str(source)],
                          e.get("note", ""), e.get("conservative"), admissible))
    return _History(name, rule, tuple(out))


def _entry_admissible(e: Mapping[str, Any], where: str, status: str, unit: str | None,
                      check: Checker) -> Admissible | None:
    """The admissible range of an unknown weight (issue 17).

    Every unknown weight needs one: a weight moves the level. Its lower end is
    the conservative value (the value that never overstates the level) and
    its upper end is included, because the possible level is computed there.
    """
    if status != "unknown" or unit != "weight":
        check.fail(f"{where}: only an unknown weight has an admissible range")
        return None
    if "admissible" not in e:
        check.fail(f"{where}: an unknown weight needs admissible = {{ ... }} (the values it "
                   "can have and why)")
        return None
    admissible = _check_admissible(e["admissible"], where, check)
    if admissible is None:
        return None
    if admissible.low.value != e.get("conservative"):
        check.fail(f"{where}.admissible: the lower end must be the conservative value "
                   f"{e.get('conservative')} (the value that never overstates the level)")
        return None
    high = admissible.high.value
    if not admissible.high.included or isinstance(high, str) or high > 1:
        check.fail(f"{where}.admissible: the upper end must be at_most a weight of at most 1 "
                   "(the possible level is computed at it)")
        return None
    return admissible


_DATE_ONLY = {"available_from", "disabled_in_service_from"}
# The dated values of a target group or contract type, with their units.
_GROUP_HISTORIES = {"weight": "weight", "window_years": "years",
                    "eligibility_months": "months", "eligibility_years": "years"}
_CONTRACT_HISTORIES = {"weight": "weight", "window_years": "years",
                       "excluded_from_total": "yes/no"}
_PARAMETER_KEYS = {"rule", "description", "unit", "values", "bounds"}


def _sources(raw: Mapping[str, Any], check: Checker) -> dict[str, Source]:
    """The ``[sources]`` table: each source with its URL, quality and publisher."""
    out = {}
    qualities = {q.value for q in SourceQuality} - {SourceQuality.USER.value}
    for key, s in raw.items():
        if not isinstance(s, Mapping) or set(s) != {"url", "quality", "publisher"}:
            check.fail(f"sources.{key}: give {{ url, quality, publisher }}")
            continue
        url, quality, publisher = s["url"], s["quality"], s["publisher"]
        if not (isinstance(url, str) and url.startswith(("http://", "https://"))):
            check.fail(f"sources.{key}.url: must be a URL")
        if quality not in qualities:
            check.fail(f"sources.{key}.quality: must be one of {sorted(qualities)}")
            continue
        if not isinstance(publisher, str) or not publisher:
            check.fail(f"sources.{key}.publisher: say who published it")
        out[key] = Source(key, str(url), SourceQuality(quality), str(publisher))
    return out


def _parse(doc: Mapping[str, Any], where: str) -> RuleData:
    check = Checker(where)
    sources = _sources(doc.get("sources", {}), check)
    editions = []
    for i, e in enumerate(doc.get("editions", [])):
        if e.get("source") not in sources:
            check.fail(f"editions[{i}]: source {e.get('source')!r} is not a key of [sources]")
            continue
        source = sources[e["source"]]
        editions.append(Edition(e["edition"], e["applies_from"], source.url,
                                e.get("changes", ""), quality=source.quality,
                                changes_nl=e.get("changes_nl", "")))
    if not editions:
        check.fail("editions: none listed")
    for a, b in itertools.pairwise(editions):
        if not (a.applies_from < b.applies_from and a.key < b.key):
            check.fail(f"editions: {b.name} must follow {a.name} in number and date")
    if not isinstance(doc.get("last_verified"), dt.date):
        check.fail("last_verified: must be a date")

    params = {}
    for name, p in doc.get("parameters", {}).items():
        if not str(p.get("rule", "")).startswith("R-"):
            check.fail(f"parameters.{name}: needs a rule id R-...")
        if set(p) - _PARAMETER_KEYS:
            check.fail(f"parameters.{name}: unknown key(s) {sorted(set(p) - _PARAMETER_KEYS)}")
        unit = p.get("unit")
        if unit not in UNITS:
            check.fail(f"parameters.{name}: unit {unit!r} is not one of {sorted(UNITS)}")
            unit = None
        params[name] = _history(name, p.get("rule", "?"), p.get("values"), sources, check,
                                unit, p.get("bounds"))

    groups: dict[TargetGroup, dict[str, _History]] = {}
    raw_groups = doc.get("target_groups", {})
    for code in raw_groups:
        if code not in {g.value for g in TargetGroup}:
            check.fail(f"target_groups.{code}: not a TargetGroup code")
    for group in TargetGroup:
        data = raw_groups.get(group.value)
        if data is None:
            check.fail(f"target_groups.{group.value}: missing (every TargetGroup needs rules)")
            continue
        rule = data.get("rule", "?")
        hs = {k: _history(f"{group.value}.{k}", rule, data[k], sources, check, unit)
              for k, unit in _GROUP_HISTORIES.items() if k in data}
        if "weight" not in hs:
            check.fail(f"target_groups.{group.value}: needs weight")
        first = editions[0].applies_from if editions else dt.date.min
        avail = data.get("available_from", {"from": first, "status": "published",
                                            "source": data["weight"][0]["source"]})
        hs["available_from"] = _history(f"{group.value}.available_from", "R-TG-15", [avail],
                                        sources, check)
        if "disabled_in_service_from" in data:
            hs["disabled_in_service_from"] = _history(
                f"{group.value}.disabled_in_service_from", rule,
                [data["disabled_in_service_from"]], sources, check)
        try:
            kind = WindowKind(data.get("window"))
        except ValueError:
            check.fail(f"target_groups.{group.value}: unknown window {data.get('window')!r}")
        else:
            needs_years = kind in (WindowKind.YEARS_FROM_INFLOW, WindowKind.YEARS_FROM_SCHOOL)
            if needs_years != ("window_years" in hs):
                check.fail(f"target_groups.{group.value}: window_years goes with a years window")
        try:
            Eligibility(data.get("eligibility", "none"))
        except ValueError:
            check.fail(f"target_groups.{group.value}: unknown eligibility")
        groups[group] = hs

    contracts: dict[ContractType, dict[str, _History]] = {}
    raw_contracts = doc.get("contract_types", {})
    for contract in ContractType:
        data = raw_contracts.get(contract.value)
        if data is None:
            check.fail(f"contract_types.{contract.value}: missing")
            continue
        contracts[contract] = {
            k: _history(f"{contract.value}.{k}", data.get("rule", "?"), data[k], sources, check,
                        unit)
            for k, unit in _CONTRACT_HISTORIES.items() if k in data
        }

    _check_norms(doc.get("norms", {}), sources, check)
    for level in doc.get("parameters", {}).get("levels_available", {}).get("values", []):
        for code in level.get("value", []):
            if code not in {lv.value for lv in Level}:
                check.fail(f"levels_available: {code!r} is not a Level")
    for name in ("thirty_plus_excluded_groups", "banenafspraak_groups",
                 "banenafspraak_groups_when_registered"):
        for entry in doc.get("parameters", {}).get(name, {}).get("values", []):
            for code in entry.get("value", []):
                if code not in {g.value for g in TargetGroup}:
                    check.fail(f"parameters.{name}: {code!r} is not a TargetGroup code")
    check.done()
    return RuleData(tuple(editions), doc["last_verified"], sources, doc, params, groups,
                    contracts)


def _check_norms(norms: Mapping[str, Any], sources: Mapping[str, Source],
                 check: Checker) -> None:
    if norms.get("source") not in sources:
        check.fail("norms: source is not a key of [sources]")
    rows = norms.get("rows", [])
    if not rows:
        check.fail("norms: no rows")
        return
    sizes = [r.get("size") for r in rows]
    if sizes != sorted(set(sizes)):
        check.fail("norms: sizes must increase, each once")
    if sizes[0] != norms.get("smallest_size") or sizes[-1] != norms.get("open_ended_from"):
        check.fail("norms: the first row must be smallest_size and the last open_ended_from")
    previous = None
    for r in rows:
        values = [r.get(k) for k in ("trede_1", "trede_2", "trede_3")]
        if not all(isinstance(v, Decimal | int) for v in values):
            check.fail(f"norms: row {r.get('size')} needs trede_1..3 as numbers")
            continue
        if not values[0] <= values[1] <= values[2]:
            check.fail(f"norms: row {r.get('size')} must have trede_1 <= trede_2 <= trede_3")
        if previous is not None and any(v > p for v, p in zip(values, previous, strict=True)):
            check.fail(f"norms: row {r.get('size')} is higher than a smaller size's row "
                       "(norms fall as size rises, R-LVL-3)")
        previous = values
    _check_norm_unknowns(norms, sources, check)


#: The keys of ``[norms.between_rows]`` and ``[norms.basistrede]``.
_NORM_UNKNOWN_KEYS = {"rule", "applies_from", "status", "source", "note", "conservative",
                      "admissible"}


def _check_norm_unknowns(norms: Mapping[str, Any], sources: Mapping[str, Source],
                         check: Checker) -> None:
    """The unknown norms: sizes between rows (R-LVL-3) and the Basistrede (R-LVL-5), issue 17.

    The norm of a size between rows is conservatively the row below's, so the
    range's upper end must be that row; the Basistrede's range may name the
    norms of its neighbours and of Trede 1.
    """
    for key in ("between_rows", "basistrede"):
        table = norms.get(key)
        where = f"norms.{key}"
        if table is None:
            if key == "between_rows":
                check.fail(f"{where}: missing (the norms of sizes between the published "
                           "rows are unknown and need their admissible range)")
            continue
        if not isinstance(table, Mapping) or set(table) - _NORM_UNKNOWN_KEYS:
            check.fail(f"{where}: a table with the keys {sorted(_NORM_UNKNOWN_KEYS)}")
            continue
        if not str(table.get("rule", "")).startswith("R-"):
            check.fail(f"{where}: needs a rule id R-...")
        if table.get("source") not in sources:
            check.fail(f"{where}: source {table.get('source')!r} is not a key of [sources]")
        if not isinstance(table.get("applies_from"), dt.date):
            check.fail(f"{where}: applies_from must be a date")
        if table.get("status") not in _STATUSES:
            check.fail(f"{where}: status must be one of {sorted(_STATUSES)}")
            continue
        if table["status"] != "unknown":
            if "admissible" in table:
                check.fail(f"{where}: only an unknown value has an admissible range")
            continue
        if "admissible" not in table:
            check.fail(f"{where}: an unknown norm needs admissible = {{ ... }} (the values it "
                       "can have and why)")
            continue
        admissible = _check_admissible(table["admissible"], where, check,
                                       references=REFERENCES)
        if admissible is None or key != "between_rows":
            continue
        if (table.get("conservative") != "row_below" or admissible.high != Bound("row_below", True)
                or admissible.low.value != "row_above"):
            check.fail(f"{where}: conservative must be 'row_below' (the stricter norm, "
                       "R-LVL-3), and the range at_least 'row_above', at_most 'row_below'")


@functools.cache
def rule_data() -> RuleData:
    """The shipped rule data, loaded and schema-checked once."""
    text = (Path(__file__).parent / "data" / "pso.toml").read_text("utf-8")
    return _parse(tomllib.loads(text, parse_float=Decimal), "psoladder/rules/data/pso.toml")


def rules_at(on: dt.date, overrides: RuleOverrides | None = None) -> RuleSet:
    """The rule set in force for an application date (R-ED-1, R-ED-3).

    Args:
        on: The application date (aanvraagdatum).
        overrides: User values that replace the data's (see :func:`load_overrides`).

    Raises:
        NoRuleInForce: For a date before 2017-04-01.
    """
    if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
        raise TypeError(f"rules_at needs a datetime.date, not {type(on).__name__}")
    rules = _rules_on(on)
    return overrides.apply(rules) if overrides is not None else rules


@functools.lru_cache(maxsize=256)
def _rules_on(on: dt.date) -> RuleSet:
    # A RuleSet is immutable (its memo only caches derived values), so one per
    # date can be shared by every assessment on that date.
    return rule_data().at(on)
