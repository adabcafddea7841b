"""What the window derives from every document once per library update (on a worker thread:
reader.ui.links runs it): the task ledger rows, responsible unit → documents (the tree's
按责任单位 view) and the cross-references (cited / cited by).

Tasks and cited 文号 were extracted once at index time (Library.stored_links); this pass
only groups them. Plain Python, so the CLI and tests use it without Qt.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from reader.core.ledger.refs import CrossRefs, DocRef
from reader.core.ledger.rows import LedgerTable
from reader.core.library.grouping import plan_unit_tree
from reader.core.library.records import UNKNOWN


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
        self.unit_plan = plan  # grouping.TreePlan of the 按责任单位 view
        self.version = -1  # LibraryService.state_version they were computed for


def compute_links(stored: Iterable | None, unknown: str = UNKNOWN,
                  cancelled: Callable[[], bool] = lambda: False) -> LibraryLinks | None:
    """Group stored (DocInfo, tasks, docref spans) records into the links. None if cancelled."""
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
