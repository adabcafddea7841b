"""The rows of the task ledger (任务台账), for the GUI's 台账 window and `reader tasks` alike.

A row is a (document, task) pair: the document a reader.core.model.Document (only .meta,
.file and .id are read; Library.stored_links gives metadata-only ones), the task a
reader.core.ledger.tasks.Task.

- ledger_rows(documents, unit) / stored_ledger_rows(stored, unit): the rows of parsed
  documents, or of the tasks a library stored at index time, optionally only those that
  involve a unit (Task.involves: printed or canonical name, short forms too).
- LedgerTable(rows): what a table view needs to show, filter and sort many rows without
  building anything per row or per cell up front but the deadline dates and unit names the
  filters test. Build it off the GUI thread (it reads every task's deadlines); a view then
  asks for cells one at a time (cell()), and select()/order() give row numbers.
- LedgerQuery: the filters (unit, year, issuer, deadline text, deadline date range).

Plain Python: no Qt import.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from reader.core.ledger.export import task_deadline_dates
from reader.core.documents.organisations import query_forms

COLUMNS = ("公文", "文号", "发文机关", "年份", "条目", "任务", "牵头单位", "配合单位", "牵头领导", "完成时限",
           "目标指标")
COL_YEAR, COL_DEADLINE = COLUMNS.index("年份"), COLUMNS.index("完成时限")
NO_DATE = "9999-99-99"
"""Sort key of a task without a dated deadline: after every date."""


def units_text(units) -> str:
    """Units as printed, 、-separated (the ledger's and the task tab's cell text)."""
    return "、".join(u.printed for u in units)


# ---------------------------------------------------------------- rows
def ledger_rows(documents: Iterable, unit: str | None = None) -> Iterator[tuple]:
    """(doc, task) for every task of the documents (extracted now), only those involving
    `unit` when given. Parsing is slow: iterate it off the GUI thread."""
    from reader.core.ledger.tasks import extract_tasks

    for doc in documents:
        for t in extract_tasks(doc):
            if not unit or t.involves(unit):
                yield doc, t


def stored_ledger_rows(stored: Iterable | None, unit: str | None = None,
                       cancelled: Callable[[], bool] = lambda: False) -> Iterator[tuple]:
    """(doc, task) from Library.stored_links records (DocInfo, tasks, docrefs): the tasks
    extracted at index time, no document parsed again. Stops early when `cancelled()`."""
    for info, tasks, _refs in stored or []:
        if cancelled():
            return
        doc = info.as_document()
        for t in tasks:
            if not unit or t.involves(unit):
                yield doc, t


# ---------------------------------------------------------------- table
def _natural(text: str) -> tuple:
    """Sort key that reads digit runs as numbers: 〔2022〕5号 before 〔2022〕19号."""
    return tuple(int(p) if p.isdigit() else p for p in _DIGITS.split(text))


_DIGITS = re.compile(r"(\d+)")


class LedgerTable:
    """Rows with what filtering and sorting them needs, computed once (off the GUI thread).

    rows: the (doc, task) pairs in library order; dates: per row, its dated deadlines,
    earliest first; unit_names: per row, every unit name (printed and canonical) in one
    string, which the unit filter searches; units: every unit name, sorted (completion);
    documents: how many documents the rows come from.
    """

    def __init__(self, rows: Iterable[tuple] = ()):
        self.rows: list[tuple] = list(rows)
        self.dates: list[list[date]] = [task_deadline_dates(t, doc.meta.year) for doc, t in self.rows]
        self.unit_names: list[str] = ["\n".join(n for u in t.units for n in u) for _, t in self.rows]
        names: set[str] = set()
        seen: set[int] = set()
        for doc, t in self.rows:
            seen.add(id(doc))
            for u in t.units:
                names.update(n for n in (u.printed, u.canonical) if n)
        self.units: list[str] = sorted(names)
        self.documents = len(seen)
        self._keys: dict[int, list] = {}

    def __len__(self) -> int:
        return len(self.rows)

    def cell(self, row: int, col: int) -> str:
        """The text of one cell (COLUMNS order), made when asked."""
        doc, t = self.rows[row]
        m = doc.meta
        if col == 0:
            return m.title
        if col == 1:
            return m.doc_number or ""
        if col == 2:
            return "、".join(m.issuers)
        if col == COL_YEAR:
            return str(m.year or "")
        values = (t.path, t.text, units_text(t.lead_units), units_text(t.cooperating_units),
                  "、".join(t.lead_officials), "；".join(t.deadlines), "；".join(t.targets))
        return values[col - 4]

    def sort_keys(self, col: int) -> list:
        """Per row, its sort key in column col (cached): years as numbers, deadlines by their
        earliest date (undated last), text with its numbers read as numbers."""
        keys = self._keys.get(col)
        if keys is None:
            if col == COL_YEAR:
                keys = [doc.meta.year or 0 for doc, _ in self.rows]
            elif col == COL_DEADLINE:
                keys = [d[0].isoformat() if d else NO_DATE for d in self.dates]
            else:
                keys = [_natural(self.cell(r, col)) for r in range(len(self.rows))]
            self._keys[col] = keys
        return keys

    def order(self, selected: Sequence[int], col: int, descending: bool = False) -> list[int]:
        """The selected row numbers sorted by column col (stable; col < 0: library order)."""
        if col < 0:
            return sorted(selected, reverse=descending)
        keys = self.sort_keys(col)
        return sorted(selected, key=keys.__getitem__, reverse=descending)


@dataclass(frozen=True)
class LedgerQuery:
    """The ledger's filters; empty ones pass every row. A task passes the deadline range when
    one of its dated deadlines is inside it (bounds inclusive); a task without a dated
    deadline does not pass a range."""

    unit: str = ""
    year: str = ""
    issuer: str = ""
    deadline: str = ""
    due_from: date | None = None
    due_to: date | None = None
    _forms: list[str] = field(default_factory=list, compare=False, repr=False)

    def __post_init__(self) -> None:
        for name in ("unit", "year", "issuer", "deadline"):
            object.__setattr__(self, name, (getattr(self, name) or "").strip())
        # the unit filter reads a query as Task.involves does
        object.__setattr__(self, "_forms", query_forms(self.unit) if self.unit else [])

    def select(self, table: LedgerTable) -> list[int]:
        """Row numbers (library order) of the rows that pass every filter."""
        rows = range(len(table.rows))
        if self.unit:
            names, forms = table.unit_names, self._forms
            rows = [r for r in rows if any(f in names[r] for f in forms)]
        if self.year:
            rows = [r for r in rows if str(table.rows[r][0].meta.year or "") == self.year]
        if self.issuer:
            rows = [r for r in rows if self._issuer_ok(table.rows[r][0].meta)]
        if self.deadline:
            rows = [r for r in rows if any(self.deadline in d for d in table.rows[r][1].deadlines)]
        if self.due_from is not None or self.due_to is not None:
            lo, hi = self.due_from, self.due_to
            rows = [r for r in rows if any((lo is None or d >= lo) and (hi is None or d <= hi)
                                           for d in table.dates[r])]
        return list(rows)

    def _issuer_ok(self, meta) -> bool:
        return any(self.issuer in x for x in (*meta.issuers, *meta.canonical_issuers))
