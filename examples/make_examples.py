"""Regenerate the example organisations' payroll files (deterministic).

Run from the repository root: ``python examples/make_examples.py``. It writes
the embedded example's payroll (``src/psoladder/data/example/payroll.csv``)
and the large example's (``examples/large/payroll.csv``). The organisation
files beside them are written by hand.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ["person", "start", "end", "hours_per_week", "contract", "target_group", "inflow",
          "status_until", "school_left", "ww_since", "status_lost", "placement_start",
          "registered"]


def _date(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def _regular_staff(rng: random.Random, prefix: str, n: int, year: int) -> list[dict[str, str]]:
    rows = []
    hours = ["12", "16", "20", "24", "24", "28", "32", "32", "36", "38"]
    for i in range(1, n + 1):
        start = _date(rng, dt.date(year - 12, 1, 1), dt.date(year, 11, 30))
        end = ""
        if rng.random() < 0.15:
            end = _date(rng, max(start, dt.date(year, 1, 1)), dt.date(year, 12, 31)).isoformat()
        person = f"{prefix}{i:05d}"
        rows.append({"person": person, "start": start.isoformat(), "end": end,
                     "hours_per_week": rng.choice(hours), "contract": "regular"})
        if rng.random() < 0.08 and not end:
            # A change of hours: the old contract ends, a new one starts.
            change = _date(rng, dt.date(year, 2, 1), dt.date(year, 11, 30))
            if change > start:
                rows[-1]["end"] = (change - dt.timedelta(days=1)).isoformat()
                rows.append({"person": person, "start": change.isoformat(), "end": "",
                             "hours_per_week": rng.choice(hours), "contract": "regular"})
    return rows


def _target_staff(year: int) -> list[dict[str, str]]:
    y = year
    return [
        {"person": "D001", "start": f"{y-9}-03-01", "hours_per_week": "16",
         "target_group": "wsw", "registered": "true"},
        {"person": "D002", "start": f"{y-4}-09-01", "hours_per_week": "16",
         "target_group": "wsw", "status_until": f"{y}-06-30", "registered": "true"},
        {"person": "D003", "start": f"{y-2}-02-01", "hours_per_week": "16",
         "target_group": "participatiewet"},
        {"person": "D004", "start": f"{y-7}-01-15", "hours_per_week": "32",
         "target_group": "participatiewet"},
        {"person": "D005", "start": f"{y-1}-05-01", "hours_per_week": "16",
         "target_group": "participatiewet_lks", "status_until": f"{y+1}-04-30",
         "registered": "true"},
        {"person": "D006", "start": f"{y-3}-10-01", "hours_per_week": "16",
         "target_group": "wajong"},
        {"person": "D007", "start": f"{y-1}-03-01", "hours_per_week": "20",
         "target_group": "ww", "ww_since": f"{y-2}-06-01"},
        {"person": "D008", "start": f"{y}-08-01", "hours_per_week": "12",
         "target_group": "statushouder"},
        {"person": "D009", "start": f"{y}-09-01", "end": f"{y+1}-06-30", "hours_per_week": "24",
         "contract": "placement", "target_group": "student_level_2"},
        {"person": "D010", "start": f"{y-2}-04-01", "hours_per_week": "16",
         "contract": "secondment_flex", "target_group": "participatiewet"},
        {"person": "D011", "start": f"{y-5}-01-01", "hours_per_week": "12",
         "target_group": "wia_wao_waz"},
    ]


def write(path: Path, rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row.get(k, "") for k in FIELDS} | {
                "contract": row.get("contract", "regular")})


def main() -> None:
    rng = random.Random(2024)
    embedded = _regular_staff(rng, "E", 110, 2023) + _target_staff(2023)
    write(ROOT / "src/psoladder/data/example/payroll.csv", embedded)
    rng = random.Random(7)
    large = _regular_staff(rng, "L", 3000, 2023)
    for i, row in enumerate(_target_staff(2023) * 6):
        large.append(row | {"person": f"T{i:04d}"})
    write(ROOT / "examples/large/payroll.csv", large)
    rng = random.Random(11)
    medium = _regular_staff(rng, "M", 38, 2023) + _target_staff(2023)[:6]
    write_dutch(ROOT / "examples/medium/loonadministratie.csv", medium)


DUTCH = {"person": "Personeelsnummer", "start": "Datum in dienst", "end": "Datum uit dienst",
         "hours_per_week": "Uren per week", "contract": "Contractsoort",
         "target_group": "Doelgroep", "status_until": "Indicatie tot", "ww_since": "WW sinds"}
DUTCH_CONTRACTS = {"regular": "vast", "secondment_flex": "detachering", "placement": "stage"}


def write_dutch(path: Path, rows: list[dict[str, str]]) -> None:
    """A payroll export as Dutch software writes it: BOM, semicolons, decimal commas."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
        writer.writerow(DUTCH.values())
        for row in rows:
            contract = DUTCH_CONTRACTS.get(row.get("contract", "regular"), "vast")
            hours = row["hours_per_week"].replace(".", ",")
            writer.writerow([row.get("person", ""), row.get("start", ""), row.get("end", ""),
                             hours, contract, row.get("target_group", ""),
                             row.get("status_until", ""), row.get("ww_since", "")])


if __name__ == "__main__":
    main()
