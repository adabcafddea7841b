"""The parser against hand-read gold for the bundled seed files (tests/data/seed_gold.json).

The gold was written by reading the source texts, independently of the parser. Checks:
every gold document is found (none merged into another), no document is invented (unless a
file's gold is marked partial), and for each metadata field the accuracy over all required
gold documents of all seeds reaches the product's stated aim of 95 %.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reader.core.documents.pipeline import parse_file
from tests.corpus.judge import FIELDS, describe_problems, match, mismatch_table, norm, score

ROOT = Path(__file__).resolve().parents[1]
GOLD = json.loads((ROOT / "tests" / "data" / "seed_gold.json").read_text(encoding="utf-8"))["files"]
SEEDS = ROOT / "seeds"
AIM = 0.95

_parsed: dict[str, object] = {}


def parsed(name: str):
    """parse_file once per seed for the whole module (the big gazette takes a while)."""
    if name not in _parsed:
        _parsed[name] = parse_file(SEEDS / name)
    return _parsed[name]


def test_gold_covers_every_seed():
    assert sorted(p.name for p in SEEDS.glob("*.txt")) == sorted(GOLD)


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_parses(name):
    result = parsed(name)
    assert result.error is None, f"{name}: {result.error}"
    assert result.documents, f"{name}: no documents"


@pytest.mark.parametrize("name", sorted(GOLD))
def test_every_gold_document_found(name):
    gold = GOLD[name]["documents"]
    m = match(gold, parsed(name).documents)
    assert not m.missing, (
        f"{len(m.missing)} of {sum(not g.get('optional') for g in gold)} gold documents not found "
        f"(parsed {len(parsed(name).documents)}):\n" + describe_problems(name, m, include_invented=False)
    )


@pytest.mark.parametrize("name", sorted(n for n in GOLD if not GOLD[n].get("partial")))
def test_no_invented_documents(name):
    m = match(GOLD[name]["documents"], parsed(name).documents)
    assert not m.invented, (
        f"{len(m.invented)} parsed documents match no gold document:\n"
        + "\n".join(f"{name}:{d.first_line}-{d.last_line} INVENTED {d.meta.title!r}" for d in m.invented)
    )


@pytest.mark.parametrize("field_name", FIELDS)
def test_field_accuracy(field_name):
    total = correct = 0
    rows = []
    for name in sorted(GOLD):
        gold = GOLD[name]["documents"]
        ok, mismatches = score(name, gold, match(gold, parsed(name).documents))
        total += sum(not g.get("optional") for g in gold)
        correct += ok[field_name]
        rows += [r for r in mismatches if r.field == field_name]
    accuracy = correct / total
    assert accuracy >= AIM, (
        f"{field_name}: {correct}/{total} = {accuracy:.1%} < {AIM:.0%}\n" + mismatch_table(rows)
    )


@pytest.mark.parametrize("name", sorted(GOLD))
def test_reading_texts_drop_page_furniture(name):
    """Page numbers (— 13 —) and the running headers the gold lists never reach a reading text."""
    page_number = re.compile(r"^\s*[—–\-－]\s*\d+\s*[—–\-－]\s*$")
    headers = [norm(h) for h in GOLD[name].get("running_headers", [])]
    for doc in parsed(name).documents:
        for line in doc.text.split("\n"):
            assert not page_number.match(line), f"{name}: page number {line!r} in {doc.meta.title!r}"
        flat = norm(doc.text)
        for header in headers:
            assert header not in flat, f"{name}: running header {header!r} in {doc.meta.title!r}"


@pytest.mark.parametrize("name", sorted(n for n in GOLD if not GOLD[n].get("interleaved")))
def test_documents_do_not_swallow_their_neighbours(name):
    """Outside two-column extractions, a document's line range holds no other document's title line."""
    gold = GOLD[name]["documents"]
    m = match(gold, parsed(name).documents)
    problems = [
        f"{name}:{d.first_line}-{d.last_line} {d.meta.title!r} "
        f"holds the title line {other['line']} of {other['title']!r}"
        for g, d in m.pairs
        for other in gold
        if other is not g and not other.get("optional") and d.first_line <= other["line"] <= d.last_line
    ]
    assert not problems, "\n".join(problems)
