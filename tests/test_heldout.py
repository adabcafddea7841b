"""Regression guard on the held-out corpus (tests/heldout): what the parser got right blind stays right.

The corpus and gold were written without reading the parser (tests/heldout/BLIND_RESULT.md).
These tests assert only what passed at that blind run. The gaps it found are the parser
team's work list; they are named in KNOWN_GAPS below and excluded from the assertions
(not skipped: every other document and span is still checked). When a gap is fixed,
remove it from KNOWN_GAPS so the fix is guarded too.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.judge import load_judge

ROOT = Path(__file__).resolve().parents[1]
GOLD = json.loads((ROOT / "tests" / "heldout" / "gold.json").read_text(encoding="utf-8"))

# (file, gold title line) of gold documents the blind run did not find as one document.
KNOWN_MISSING: set[tuple[str, int]] = set()
# (file, gold title line, field) wrong at the blind run.
KNOWN_FIELD_GAPS = {
    ("yunling_npc_gazette_2023_06.txt", 21, "issuers"),      # 议程: organ with 第十六届 taken as issuer
}
# (file, parsed title) of parsed documents that match no gold document at the blind run.
KNOWN_INVENTED: set[tuple[str, str]] = set()
# (file, line) of source lines no reading text keeps (the blind run lost a 决定's body; fixed).
KNOWN_LOST: set[tuple[str, int]] = set()
# Parsed entity spans inside gold paragraphs that are wrong: (type, text).
# (《…三年行动方案》「三年」 fixed: no quantity inside a book title.) 请你委抓紧编制…: the addressee given a task
# acts by blind7's and blind9's gold (你县要… · 请你区组织…); this older gold leaves it out
KNOWN_WRONG_SPANS: set[tuple[str, str]] = {("unit", "你委")}


@pytest.fixture(scope="module")
def bench():
    return load_judge()


@pytest.fixture(scope="module")
def report(bench, tmp_path_factory):
    return bench.evaluate(tmp_path_factory.mktemp("heldout"))


def test_gold_is_consistent_with_the_corpus(bench):
    """Every gold title line holds part of its title; every gold paragraph is in its source file."""
    make = bench.make
    assert set(make.manifest()) == {g["file"] for g in GOLD["documents"]}
    for g in GOLD["documents"]:
        line = make.source_text(g["file"]).split("\n")[g["title_line"] - 1]
        assert line.strip() and bench.norm_title(line) in bench.norm_title(g["title"]), g
    for item in GOLD["entities"]:
        plain, spans = bench.gold_spans(item["text"])
        assert bench.fold(plain) in bench.fold(make.source_text(item["file"])), plain
        assert all(plain[s:e] == t for _, s, e, t in spans)


def test_every_file_is_read_with_the_right_text(report):
    assert len(report.files) == 13
    for f in report.files:
        assert f.exception is None and f.error is None, (f.name, f.exception, f.error)
        assert f.encoding_text_ok, (f.name, f.encoding)
        assert f.encoding_name_ok, (f.name, f.encoding)
        assert f.docs, f.name


def test_entity_spans_are_in_bounds_and_disjoint(report):
    assert report.spans_in_bounds
    for f in report.files:
        for d in f.docs:
            spans = sorted(d.entities, key=lambda s: (s.start, s.end))
            assert all(a.end <= b.start for a, b in zip(spans, spans[1:])), (f.name, d.first_line)


def test_documents_found(report):
    missing = {(name, g["title_line"]) for name, g, _ in report.missed + report.merged}
    assert missing <= KNOWN_MISSING, sorted(missing - KNOWN_MISSING)
    assert report.found >= len(GOLD["documents"]) - len(KNOWN_MISSING)


def test_no_invented_documents(report):
    invented = {(name, d.meta.title) for name, d in report.invented}
    assert invented <= KNOWN_INVENTED, sorted(invented - KNOWN_INVENTED)


def test_same_title_documents_stay_apart(report):
    """Three 任免 notices and two 任免名单 share a title: each is its own document."""
    for name, n in (("taihe_personnel_2024.txt", 3), ("yunling_npc_gazette_2023_06.txt", 2)):
        titles = [g["title"] for g in GOLD["documents"] if g["file"] == name]
        same = max(titles.count(t) for t in titles)
        assert same == n
        matched = [d for f, g, d in report.matches if f == name and titles.count(g["title"]) == n]
        assert len(matched) == n and len({(d.first_line, d.last_line) for d in matched}) == n


@pytest.mark.parametrize("field", ["title", "doc_number", "issuers", "date", "kind"])
def test_fields_of_found_documents(report, field):
    wrong = {(name, line, f) for name, line, f, _, _ in report.field_bad if f == field}
    assert wrong <= KNOWN_FIELD_GAPS, sorted(wrong - KNOWN_FIELD_GAPS)


def test_no_source_line_lost(report):
    lost = {(name, no) for name, no, _ in report.lost_lines}
    assert lost <= KNOWN_LOST, sorted(lost - KNOWN_LOST)


def test_entity_recall_in_gold_paragraphs(report):
    for t in ("date", "number", "unit", "docref"):
        assert report.ent_gold[t] > 0
        assert report.ent_found[t] == report.ent_gold[t], (t, [m for m in report.ent_bad if "missed" in m])


def test_entity_precision_in_gold_paragraphs(report):
    wrong = report.ent_parsed - report.ent_correct
    assert sum(wrong.values()) <= len(KNOWN_WRONG_SPANS), [m for m in report.ent_bad if "wrong" in m]
    for msg in report.ent_bad:
        if ": wrong " in msg:
            assert any(f"wrong {t} 「{x}」" in msg for t, x in KNOWN_WRONG_SPANS), msg
