"""Fuzzing the readers, the assessment and the command line with mutated example files.

Every case must end, within its deadline, in a result or a located input
error (exit 0 or 2), never a traceback (see ``contract.py``); and where both
readers succeed, ``assess(load_organisation(p))`` and ``assess_file(p)``
give the same figures and warnings.

Short profile (CI): a few dozen cases per test, derandomised.
``PSOLADDER_FUZZ=long``: the release profile, random, about 200 times more.
"""

from __future__ import annotations

import json
import re
import resource
import subprocess
import sys
import tomllib
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.fuzz import mutate
from tests.fuzz.conftest import PROFILE
from tests.fuzz.contract import api, cli, record

ORG_TOML, PAYROLL = mutate.example_seed()
SEEDS = mutate.seeds()
OVERRIDE = ('source = "PSO-Handleiding 2.1, normtabel (fuzz)"\n\n[parameters]\n'
            "max_indirect_share = 0.80\n\n[target_groups.student_level_1]\nweight = 0.5\n\n"
            "[contract_types.trial]\nweight = 0.5\n\n[[norms]]\nsize = 2\nbasistrede = 15.0\n"
            "trede_1 = 21.4\ntrede_2 = 28.0\ntrede_3 = 33.0\n")


def scaled(n: float) -> settings:
    """The fuzz profile with ``n`` times its examples (at least 1)."""
    return settings(PROFILE, max_examples=max(1, int(PROFILE.max_examples * n)))


def folder(tmp: pytest.TempPathFactory) -> Path:
    return tmp.mktemp("case")


def write(where: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        (where / name).write_bytes(data)


# ---------------------------------------------------------------- organisation files

@scaled(2)
@given(seed=st.sampled_from(sorted(SEEDS)), data=st.data())
def test_mutated_organisation_documents(tmp_path_factory: pytest.TempPathFactory, seed: str,
                                        data: st.DataObject) -> None:
    text = SEEDS[seed].decode()
    doc = (json.loads(text, parse_float=Decimal) if seed.endswith(".json")
           else tomllib.loads(text, parse_float=Decimal))
    mutated = data.draw(mutate.document_mutations(doc))
    where = folder(tmp_path_factory)
    name = "org.json" if seed.endswith(".json") else "org.toml"
    try:
        body = mutate.to_json(mutated) if name.endswith(".json") else mutate.to_toml(mutated)
    except (TypeError, ValueError):
        record("document", "not writable as " + name[-4:])
        return
    write(where, {name: body.encode(), "payroll.csv": PAYROLL.encode()})
    api(where / name)


@scaled(2)
@given(seed=st.sampled_from(sorted(SEEDS)), data=st.data())
def test_byte_mutated_organisation_files(tmp_path_factory: pytest.TempPathFactory, seed: str,
                                         data: st.DataObject) -> None:
    where = folder(tmp_path_factory)
    name = "org.json" if seed.endswith(".json") else "org.toml"
    write(where, {name: data.draw(mutate.byte_mutations(SEEDS[seed])),
                  "payroll.csv": PAYROLL.encode()})
    api(where / name)


# ---------------------------------------------------------------- payrolls

@scaled(2)
@given(data=st.data())
def test_mutated_payroll_csv(tmp_path_factory: pytest.TempPathFactory, data: st.DataObject) -> None:
    where = folder(tmp_path_factory)
    write(where, {"org.toml": ORG_TOML.encode(),
                  "payroll.csv": data.draw(mutate.table_mutations(PAYROLL))})
    api(where / "org.toml")


EXPORT_ORG, EXPORT = mutate.export_seed()


@scaled(1)
@given(data=st.data())
def test_mutated_export_csv(tmp_path_factory: pytest.TempPathFactory, data: st.DataObject) -> None:
    """Issue 12: a Dutch export (title block, Dutch dates, mapped codes), mutated."""
    where = folder(tmp_path_factory)
    write(where, {"org.toml": EXPORT_ORG.encode(),
                  "payroll.csv": data.draw(mutate.table_mutations(EXPORT, delimiter=";"))})
    api(where / "org.toml")


@scaled(0.6)
@given(data=st.data())
def test_mutated_payroll_xlsx(tmp_path_factory: pytest.TempPathFactory, data: st.DataObject) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    where = folder(tmp_path_factory)
    book = openpyxl.Workbook()
    for row in data.draw(mutate.workbook_rows(PAYROLL)):
        book.active.append(row)
    target = where / "payroll.xlsx"
    book.save(target)
    patch = data.draw(st.sampled_from(["none", "dimension", "far", "bytes"]))
    if patch in ("dimension", "far"):
        parts = {n: zipfile.ZipFile(target).read(n) for n in zipfile.ZipFile(target).namelist()}
        with zipfile.ZipFile(target, "w") as out:
            for n, content in parts.items():
                if "worksheets/" in n:
                    content = (re.sub(rb'<dimension ref="[^"]*"',
                                      b'<dimension ref="A1:XFD1048576"', content)
                               if patch == "dimension" else
                               content.replace(b"</row>", b'<c r="ZZ2"><v>1</v></c></row>', 1))
                out.writestr(n, content)
    elif patch == "bytes":
        target.write_bytes(data.draw(mutate.byte_mutations(target.read_bytes(), most=2)))
    write(where, {"org.toml": ORG_TOML.replace("payroll.csv", "payroll.xlsx").encode()})
    api(where / "org.toml")


# ---------------------------------------------------------------- command line and reports

@scaled(1.6)
@given(data=st.data(), fmt=st.sampled_from(["text", "markdown", "json", "html"]),
       lang=st.sampled_from(["nl", "en"]), explain=st.booleans(),
       extra=st.sampled_from([[], ["--norm-policy", "interpolate"],
                              ["--thirty-plus-basis", "headcount"],
                              ["--application-date", "2019-05-01"],
                              ["--application-date", "2100-12-31"],
                              ["-o", "out/report.txt"], ["-o", "."], ["-o", "report.txt"],
                              ["--plot", "ladder.xyz"], ["--pseudonymise"],
                              ["--allow-outside-paths"]]))
def test_command_line_on_mutated_files(tmp_path_factory: pytest.TempPathFactory,
                                       monkeypatch: pytest.MonkeyPatch, data: st.DataObject,
                                       fmt: str, lang: str, explain: bool,
                                       extra: list[str]) -> None:
    where = folder(tmp_path_factory)
    which = data.draw(st.sampled_from(["none", "none", "org", "payroll", "both"]))
    org = ORG_TOML.encode()
    payroll = PAYROLL.encode()
    if which in ("org", "both"):
        org = data.draw(mutate.byte_mutations(org, most=2))
    if which in ("payroll", "both"):
        payroll = data.draw(mutate.table_mutations(PAYROLL, most=2))
    write(where, {"org.toml": org, "payroll.csv": payroll})
    monkeypatch.chdir(where)
    monkeypatch.setenv("PSOLADDER_PSEUDONYM_KEY", "a fuzzing key of sixteen bytes or more")
    argv = ["assess", str(where / "org.toml"), "--format", fmt, "--lang", lang,
            *(["--explain"] if explain else []), *extra]
    cli(argv)


@scaled(0.2)
@given(data=st.data())
def test_command_line_plot(tmp_path_factory: pytest.TempPathFactory, data: st.DataObject) -> None:
    pytest.importorskip("matplotlib")
    where = folder(tmp_path_factory)
    payroll = (data.draw(mutate.table_mutations(PAYROLL, most=1)) if data.draw(st.booleans())
               else PAYROLL.encode())
    write(where, {"org.toml": ORG_TOML.encode(), "payroll.csv": payroll})
    suffix = data.draw(st.sampled_from([".png", ".svg", ".pdf", ".PNG", ".gif", ""]))
    cli(["assess", str(where / "org.toml"), "--plot", str(where / f"ladder{suffix}")],
        surface="cli --plot")


# ---------------------------------------------------------------- rule overrides

@scaled(0.4)
@given(data=st.data())
def test_mutated_override_files(tmp_path_factory: pytest.TempPathFactory,
                                data: st.DataObject) -> None:
    where = folder(tmp_path_factory)
    if data.draw(st.booleans()):
        doc = tomllib.loads(OVERRIDE, parse_float=Decimal)
        body = mutate.to_toml(data.draw(mutate.document_mutations(doc))).encode()
    else:
        body = data.draw(mutate.byte_mutations(OVERRIDE.encode()))
    write(where, {"override.toml": body})
    cli(["example", "--rules-override", str(where / "override.toml"), "--format", "json"],
        surface="cli --rules-override")


# ---------------------------------------------------------------- a few real processes

HOSTILE_FILES: dict[str, dict[str, bytes]] = {
    "deep-json": {"org.json": b'{"name": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"},
    "dotted-key": {"org.toml": b"a" + b".a" * 200_000 + b" = 1\n"},
    "huge-int": {"org.toml": ORG_TOML.replace("fulltime_hours = 38",
                                              "fulltime_hours = " + "9" * 100_000).encode()},
    "passwd": {"org.toml": ORG_TOML.replace('"payroll.csv"',
                                            '"../../../../../../etc/passwd"').encode()},
    "no-line-ends": {"org.toml": ORG_TOML.encode(),
                     "payroll.csv": b"person,start,hours_per_week\n" + b"x" * 5_000_000},
}


@pytest.mark.parametrize("name", sorted(HOSTILE_FILES))
def test_subprocess_contract_with_bounded_memory(tmp_path: Path, name: str) -> None:
    write(tmp_path, HOSTILE_FILES[name])
    target = next(p for p in tmp_path.iterdir() if p.name.startswith("org."))

    def limit() -> None:  # at most 1 GiB of address space for the child
        resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))

    out = subprocess.run([sys.executable, "-m", "psoladder", "assess", str(target)],
                         capture_output=True, text=True, timeout=120, check=False,
                         preexec_fn=limit)
    assert out.returncode == 2, out.stderr
    assert out.stderr.startswith("psoladder: ")
    assert "Traceback" not in out.stderr
    assert "internal error" not in out.stderr
    record("subprocess", "exit 2")
