"""What the window derives from every document once per library update, on a worker thread:
the task ledger rows, responsible unit → documents (the tree's 按责任单位 view) and the
cross-references (cited / cited by).

Tasks and cited 文号 were extracted once at index time (Library.stored_links); this pass
only groups them. The result is plain Python.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QThread, Signal

from reader.core.ledger.rows import LedgerTable
from reader.core.ledger.refs import CrossRefs, DocRef


class LibraryLinks:
    """rows: (Document, Task) for the ledger, and ledger: the same as a LedgerTable;
    unit_docs: canonical unit → DocInfo list (a document once per unit); unit_printed:
    canonical unit → the forms printed for it; refs: CrossRefs over the library."""

    def __init__(self, rows, unit_docs, unit_printed, refs, plan, ledger: LedgerTable | None = None):
        self.rows = rows
        self.ledger = ledger if ledger is not None else LedgerTable(rows)  # the 台账's table, built here
        self.unit_docs: dict[str, list] = unit_docs
        self.unit_printed: dict[str, list[str]] = unit_printed
        self.refs: CrossRefs = refs
        self.unit_plan = plan  # tree.TreePlan of the 按责任单位 view
        self.version = -1  # LibraryService.state_version they were computed for


def compute_links(stored: Iterable | None, unknown: str = "未识别",
                  cancelled: Callable[[], bool] = lambda: False) -> LibraryLinks | None:
    """Group stored (DocInfo, tasks, docref spans) records into the links. None if cancelled."""
    from reader.core.library.grouping import plan_unit_tree

    if stored is None:
        return None
    rows: list[tuple] = []
    unit_docs: dict[str, list] = {}
    unit_printed: dict[str, list[str]] = {}
    refs = CrossRefs()
    for info, tasks, docrefs in stored:
        if cancelled():
            return None
        refs.add(DocRef(info.id, info.title, info.doc_number), docrefs)
        doc = info.as_document()
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

    def __init__(self, stored: Callable, unknown: str, version: int, parent=None):
        super().__init__(parent)
        self.stored, self.unknown = stored, unknown
        self.version = version  # the service's state the links are of
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    def run(self) -> None:
        try:
            cancelled = lambda: self._cancelled  # noqa: E731
            result = compute_links(self.stored(cancelled), self.unknown, cancelled)
            if result is not None:
                result.version = self.version
        except Exception as exc:  # shown in the status bar, never a crash
            result = exc
        self.done.emit((self, result))
