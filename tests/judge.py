"""The parser-accuracy judge (tests/benchmarks/parser_accuracy.py) loaded as a module, for the
tests that guard the held-out and blind sets (test_heldout, test_blind*), and the checks they share."""
from __future__ import annotations

import importlib.util
import sys
from collections import Counter

from tests.conftest import ROOT


def load_judge(corpus: str | None = None):
    """The judge, bound to tests/<corpus> (None: tests/heldout, its default). Each set gets a
    module of its own name: the judge's dataclasses look their module up in sys.modules."""
    path = ROOT / "tests" / "benchmarks" / "parser_accuracy.py"
    spec = importlib.util.spec_from_file_location(f"{corpus or 'heldout'}_parser_accuracy", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    if corpus:
        module.use_corpus(ROOT / "tests" / corpus)
    return module


# ---- the checks every blind-set guard makes (tests/test_blind*.py); KNOWN_* sets name what is
# still wrong, so a guard fails on anything new and on nothing it has owned up to

FIELDS = ("title", "doc_number", "issuers", "date", "kind", "date_role", "range")


def named(message: str) -> str:
    """The span a judge message names: 「X」, or after the colon of a paragraph's missed list."""
    return message.split("「")[1].split("」")[0] if "「" in message else message.split(": ", 1)[-1]


def check_documents(report, known_not_found=frozenset(), known_invented=frozenset()) -> None:
    """Every gold document found (but the known (file, title_line)), none invented (but the known
    (file, parsed first_line))."""
    not_found = {(name, g["title_line"]) for name, g, _ in report.missed + report.merged}
    assert not_found <= set(known_not_found), sorted(not_found - set(known_not_found))
    assert report.found >= report.gold_docs - len(known_not_found)
    invented = {(name, d.first_line) for name, d in report.invented}
    assert invented <= set(known_invented), sorted(invented - set(known_invented))


def check_field(report, field: str, known_gaps=frozenset()) -> None:
    """`field` right on every found document but the known (file, title_line, field)."""
    wrong = {(name, line, f) for name, line, f, _, _ in report.field_bad if f == field}
    assert wrong <= set(known_gaps), sorted(wrong - set(known_gaps))


def check_files_read(report, lines_lost: bool = False) -> None:
    """Every file decoded to its exact text without error, its spans inside their texts, and
    (unless lines_lost) every source line in some reading text."""
    assert all(f.encoding_text_ok and f.error is None and f.exception is None for f in report.files)
    assert report.spans_in_bounds
    if not lines_lost:
        assert report.lost_lines == []


def check_entities(report, kind: str, known_missed=(), known_wrong=()) -> None:
    """Every gold span of `kind` found but the known missed texts; no parsed span of `kind` wrong
    but the known wrong texts. A text missed (or wrong) in two places is listed twice."""
    missed = Counter(named(m) for m in report.ent_bad if f"missed {kind}" in m)
    assert not missed - Counter(known_missed), sorted((missed - Counter(known_missed)).elements())
    wrong = Counter(named(m) for m in report.ent_bad if f"wrong {kind}" in m)
    assert not wrong - Counter(known_wrong), sorted((wrong - Counter(known_wrong)).elements())
    assert report.ent_gold[kind] - report.ent_found[kind] == sum(missed.values())
    assert report.ent_parsed[kind] - report.ent_correct[kind] == sum(wrong.values())
