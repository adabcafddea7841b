"""What the window derives from every document once per library update, on a worker thread:
the task ledger rows, responsible unit → documents (the tree's 按责任单位 view) and the
cross-references (cited / cited by).

One pass loads each document once (Library.document) and extracts its tasks once; on the
seeds that is ≈0.4 s, far too long for the GUI thread. The result is plain Python.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QThread, Signal

from reader.core.refs import CrossRefs, DocRef
from reader.core.tasks import extract_tasks


class LibraryLinks:
    """rows: (Document, Task) for the ledger; unit_docs: canonical unit → DocInfo list (a
    document once per unit); unit_printed: canonical unit → the forms printed for it;
    refs: CrossRefs over the library."""

    def __init__(self, rows, unit_docs, unit_printed, refs, plan):
        self.rows = rows
        self.unit_docs: dict[str, list] = unit_docs
        self.unit_printed: dict[str, list[str]] = unit_printed
        self.refs: CrossRefs = refs
        self.unit_plan = plan  # tree.TreePlan of the 按责任单位 view


def compute_links(infos: Sequence, load: Callable, unknown: str = "未识别",
                  cancelled: Callable[[], bool] = lambda: False) -> LibraryLinks | None:
    """Load every document of `infos` (DocInfo) with `load(id)` and gather the links.
    None if cancelled."""
    from reader.ui.tree import plan_unit_tree

    rows: list[tuple] = []
    unit_docs: dict[str, list] = {}
    unit_printed: dict[str, list[str]] = {}
    refs = CrossRefs()
    for info in infos:
        if cancelled():
            return None
        doc = load(info.id)
        if doc is None:
            continue
        refs.add(DocRef(info.id, info.title, info.doc_number),
                 [(s.text, s.start, s.end) for s in doc.entities if s.type == "docref"])
        try:
            tasks = extract_tasks(doc)
        except Exception:  # one odd document never costs the others their ledger
            tasks = []
        seen: set[str] = set()
        for t in tasks:
            rows.append((doc, t))
            for u in t.units:
                if not u.canonical:
                    continue
                printed = unit_printed.setdefault(u.canonical, [])
                if u.printed and u.printed not in printed:
                    printed.append(u.printed)
                if u.canonical not in seen:
                    seen.add(u.canonical)
                    unit_docs.setdefault(u.canonical, []).append(info)
    plan = plan_unit_tree(unit_docs, unit_printed, unknown)
    return LibraryLinks(rows, unit_docs, unit_printed, refs, plan)


class LinksWorker(QThread):
    done = Signal(object)  # (worker, LibraryLinks | Exception | None)

    def __init__(self, infos: Sequence, load: Callable, unknown: str, parent=None):
        super().__init__(parent)
        self.infos, self.load, self.unknown = list(infos), load, unknown
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    def run(self) -> None:
        try:
            result = compute_links(self.infos, self.load, self.unknown, lambda: self._cancelled)
        except Exception as exc:  # shown in the status bar, never a crash
            result = exc
        self.done.emit((self, result))
