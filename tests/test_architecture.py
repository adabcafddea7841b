"""The layering the code layout promises: reader.core is plain Python (no Qt), its modules
import one another without cycles (lazy imports inside functions included), and the stages
below the library never import it."""
from __future__ import annotations

import ast

from tests.conftest import ROOT

PACKAGE = ROOT / "reader"


def _imports() -> dict[str, set[str]]:
    """Module → the reader modules it imports anywhere in its source."""
    modules: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        modules[name] = found
    return {m: {d for d in deps if d in modules and d != m and not m.startswith(d + ".")} | {
        d for d in deps if not d.startswith("reader")} for m, deps in modules.items()}


def test_core_never_imports_qt():
    offenders = {m: sorted(d for d in deps if d.split(".")[0] in ("PySide6", "shiboken6") or d.startswith("reader.ui"))
                 for m, deps in _imports().items() if m.startswith("reader.core")}
    assert not {m: d for m, d in offenders.items() if d}


def test_core_has_no_import_cycle():
    graph = {m: {d for d in deps if d.startswith("reader.core")} for m, deps in _imports().items()
             if m.startswith("reader.core")}
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module: str, path: list[str]) -> list[str] | None:
        state[module] = 1
        for dep in sorted(graph.get(module, ())):
            if state.get(dep) == 1:
                return path[path.index(dep):] + [dep]
            if dep not in state:
                cycle = visit(dep, path + [dep])
                if cycle:
                    return cycle
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state:
            cycle = visit(module, [module])
            assert cycle is None, " → ".join(cycle)


def test_text_and_documents_stages_do_not_reach_up_into_library_or_ledger():
    """Data flows one way: decode → normalise → split → metadata → entities, then the library
    and the ledger use them; never the other way round."""
    lower = ("reader.core.text", "reader.core.documents")
    upper = ("reader.core.library", "reader.core.ledger", "reader.cli", "reader.ui")
    wrong = {m: sorted(d for d in deps if d.startswith(upper)) for m, deps in _imports().items()
             if m.startswith(lower)}
    assert not {m: d for m, d in wrong.items() if d}
