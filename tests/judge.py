"""The parser-accuracy judge (tests/benchmarks/parser_accuracy.py) loaded as a module, for the
tests that guard the held-out and blind sets (test_heldout, test_blind2, test_blind4)."""
from __future__ import annotations

import importlib.util
import sys

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
