"""The streaming path (assess_file) gives the same assessment as the in-memory one."""

from __future__ import annotations

import csv
import gc
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

import psoladder
from psoladder import assess, assess_file, assess_many, load_organisation
from psoladder.model import input_fields
from psoladder.testing import strategies as pst

EXAMPLES = Path(__file__).parent.parent / "examples"
FIELDS = list(input_fields(psoladder.Employment))


def same(a: psoladder.Assessment, b: psoladder.Assessment) -> None:
    da, db = a.to_dict(), b.to_dict()
    assert da == db
    assert a.explanation.figures() == b.explanation.figures()


def test_examples_stream_to_the_same_result() -> None:
    for path in [psoladder.example_path(), *sorted(EXAMPLES.glob("*/organisation.toml"))]:
        same(assess(load_organisation(path)), assess_file(path))


def test_streamed_explanation_summarises_people_outside_the_target_groups() -> None:
    a = assess_file(EXAMPLES / "large" / "organisation.toml")
    total = a.explanation.step("total_fte")
    assert any(s.title.key == "x.rows_not_kept" for s in total.walk())
    assert all(s.children for s in a.explanation.step("weighted_target_fte").children)


def test_payroll_errors_are_located_in_the_streamed_path(tmp_path: Path) -> None:
    (tmp_path / "p.csv").write_text("person,start,hours_per_week\nA,2023-01-01,x\n"
                                    "B,2023-01-01,40\nC,,40\n", encoding="utf-8")
    (tmp_path / "o.toml").write_text('name = "X"\nkvk = "12345678"\n'
                                     'application_date = 2024-05-01\nemployments = "p.csv"\n',
                                     encoding="utf-8")
    with pytest.raises(psoladder.InputError) as info:
        assess_file(tmp_path / "o.toml")
    assert [(p.row, p.field) for p in info.value.problems] == [(2, "hours_per_week"),
                                                               (4, "start")]


def test_problem_list_is_capped_with_a_count(tmp_path: Path) -> None:
    from psoladder.io.payroll import MAX_PROBLEMS, read_payroll

    rows = "".join(f"P{i},2023-01-01,x\n" for i in range(MAX_PROBLEMS + 5))
    (tmp_path / "p.csv").write_text("person,start,hours_per_week\n" + rows, encoding="utf-8")
    with pytest.raises(psoladder.InputError) as info:
        read_payroll(tmp_path / "p.csv")
    assert len(info.value.problems) == MAX_PROBLEMS + 1
    assert "5 more problems" in info.value.problems[-1].message


@settings(max_examples=30)
@given(pst.organisations(max_people=12))
def test_streamed_equals_in_memory(tmp_path_factory, org: psoladder.Organisation) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("org")
    with (folder / "payroll.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(FIELDS)
        for e in org.employments:
            values = attrs.asdict(e, recurse=False)
            writer.writerow(["" if v is None else getattr(v, "value", v) for v in
                             (values[k] for k in FIELDS)])
    assert org.peiljaar is not None
    (folder / "org.toml").write_text(
        f'name = "H"\nkvk = ["12345678"]\napplication_date = {org.application_date}\n'
        f"fulltime_hours = {org.fulltime_hours}\n"
        f"peiljaar = {{ start = {org.peiljaar.start}, end = {org.peiljaar.end} }}\n"
        'employments = "payroll.csv"\n', encoding="utf-8")
    plain = attrs.evolve(org, name="H", purchases=())
    streamed = assess_file(folder / "org.toml")
    in_memory = assess(plain)
    for name in ("total_fte", "weighted_target_fte", "total_pct", "level", "size", "eligible"):
        assert getattr(streamed, name) == getattr(in_memory, name), name
    assert streamed.thirty_plus.to_dict() == in_memory.thirty_plus.to_dict()
    assert streamed.banenafspraak.jobs == in_memory.banenafspraak.jobs


def test_assess_many_restores_the_garbage_collector() -> None:
    org = psoladder.load_example()
    calls = []
    assert gc.isenabled()
    results = assess_many([org, org], progress=lambda done, total: calls.append((done, total)))
    assert gc.isenabled()
    assert calls == [(1, 2), (2, 2)]
    assert [r.level for r in results] == [results[0].level] * 2
    gc.disable()
    try:
        assess_many(iter([org]))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_detail_keeps_every_row() -> None:
    a = assess_file(psoladder.example_path(), detail=True)
    assert all(not p.summarised for p in a.workforce.persons)
    assert sum(p.rows for p in a.workforce.persons) == a.workforce.rows_read
    same(a, assess(load_organisation(psoladder.example_path())))


def test_unsorted_payroll_streams_to_the_same_result(tmp_path: Path) -> None:
    import random

    source = EXAMPLES / "large"
    lines = (source / "payroll.csv").read_text("utf-8").splitlines()
    body = lines[1:]
    random.Random(4).shuffle(body)
    (tmp_path / "payroll.csv").write_text("\n".join([lines[0], *body]) + "\n", "utf-8")
    (tmp_path / "organisation.toml").write_text(
        (source / "organisation.toml").read_text("utf-8"), "utf-8")
    shuffled = assess_file(tmp_path / "organisation.toml")
    original = assess_file(source / "organisation.toml")
    for name in ("total_fte", "weighted_target_fte", "total_pct", "level", "size"):
        assert getattr(shuffled, name) == getattr(original, name)
    assert shuffled.thirty_plus.to_dict() == original.thirty_plus.to_dict()


def test_last_lines_and_early_completion() -> None:
    from psoladder.fte import WorkforceBuilder
    from psoladder.io.payroll import last_lines

    last = last_lines(EXAMPLES / "large" / "payroll.csv")
    assert len(last) == psoladder.assess_file(EXAMPLES / "large" / "organisation.toml"
                                              ).workforce.person_count
    org = psoladder.load_example()
    builder = WorkforceBuilder(peiljaar=org.peiljaar, fulltime_hours=None,  # type: ignore[arg-type]
                               rules=psoladder.rules_at(org.application_date), detail=False)
    first = org.employments[0]
    builder.add(1, first)
    builder.complete(first.person)
    with pytest.raises(ValueError, match="completed"):
        builder.add(2, first)


def test_xlsx_payroll_streams_like_the_in_memory_path(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    lines = (psoladder.example_path().parent / "payroll.csv").read_text("utf-8").splitlines()
    for line in lines:
        sheet.append(line.split(","))
    book.save(tmp_path / "payroll.xlsx")
    text = psoladder.example_path().read_text("utf-8").replace("payroll.csv", "payroll.xlsx")
    (tmp_path / "organisation.toml").write_text(text, "utf-8")
    streamed = assess_file(tmp_path / "organisation.toml")
    same(streamed, assess(load_organisation(tmp_path / "organisation.toml")))
    assert streamed.total_pct == assess_file(psoladder.example_path()).total_pct


@pytest.mark.parametrize("blocks", [False, True])
def test_every_person_is_done_even_when_the_sink_renames_rows(blocks: bool) -> None:
    # A sink that renames the rows (a pseudonym) still hears each person done
    # by the identifier read, once, right after their last line, so the
    # builder frees them while streaming (it kept them all before).
    from psoladder.io.payroll import last_lines, stream_payroll

    path = EXAMPLES / "large" / "payroll.csv"
    last = last_lines(path)
    lines: dict[str, int] = {}
    done: list[str] = []

    class Renaming:
        def __call__(self, line: int, row: psoladder.fte.Row) -> None:
            lines[row.person] = line
            row.person = "alias-" + row.person

        def block_(self, start: int, rows: list[psoladder.fte.Row]) -> None:
            for line, row in enumerate(rows, start):
                self(line, row)

    sink = Renaming()
    if blocks:
        sink.block = sink.block_  # type: ignore[attr-defined]

    def person_done(person: str) -> None:
        assert lines[person] == last[person]
        done.append(person)

    stream_payroll(path, sink, person_done=person_done)
    assert sorted(done) == sorted(last)


def test_pseudonymised_streaming_completes_people_as_it_goes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from psoladder.fte import WorkforceBuilder

    completed: list[str] = []
    original = WorkforceBuilder.complete

    def complete(self: WorkforceBuilder, person: str) -> None:
        completed.append(person)
        original(self, person)

    monkeypatch.setattr(WorkforceBuilder, "complete", complete)
    org = EXAMPLES / "large" / "organisation.toml"
    plain = psoladder.assess_file(org, engine="validating")
    names = {p.person for p in plain.workforce.persons}
    completed.clear()
    hidden = psoladder.assess_file(org, engine="validating", pseudonym_key="k" * 32)
    assert len(completed) == len(set(completed)) == plain.workforce.person_count
    assert not names & set(completed)  # each completed under their pseudonym
    assert hidden.exact_total_fte == plain.exact_total_fte
    assert hidden.exact_weighted == plain.exact_weighted
