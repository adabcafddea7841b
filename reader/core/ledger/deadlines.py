"""时限提醒: tasks by how soon their deadline falls — overdue, this week, this month, later.

A task's deadline as printed (6月底前, 2023年3月31日前, 年底前) is read as the last day it
allows (reader.core.ledger.export.deadline_date; a date without a year takes the document's).
A task with several deadlines (stages) counts by the next one not yet passed, or, when all
have passed, by the last one. Tasks whose deadlines name no date (持续推进) are left out.
"today" is always passed in, so the buckets are testable and the window can say which day
they are relative to.
"""
from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from reader.core.ledger.export import task_deadline_dates

OVERDUE, THIS_WEEK, THIS_MONTH, LATER = "overdue", "week", "month", "later"
BUCKETS = (OVERDUE, THIS_WEEK, THIS_MONTH, LATER)


def week_end(today: date) -> date:
    """Sunday of today's week (weeks run Monday to Sunday, as on Chinese calendars)."""
    return today + timedelta(days=6 - today.weekday())


def month_end(today: date) -> date:
    return today.replace(day=calendar.monthrange(today.year, today.month)[1])


def bucket_of(due: date, today: date) -> str:
    """Overdue before today; this week up to Sunday (today included); this month up to its
    last day; later after that. A week running into next month counts as this week."""
    if due < today:
        return OVERDUE
    if due <= week_end(today):
        return THIS_WEEK
    if due <= month_end(today):
        return THIS_MONTH
    return LATER


def due_date(dates: list[date], today: date) -> date | None:
    """The deadline that counts: the next one from today, else the last one passed."""
    if not dates:
        return None
    upcoming = [d for d in dates if d >= today]
    return min(upcoming) if upcoming else max(dates)


@dataclass(frozen=True)
class DeadlineItem:
    doc: object  # reader.core.model.Document (meta, id, file)
    task: object  # reader.core.ledger.tasks.Task
    due: date
    bucket: str

    def days_left(self, today: date) -> int:
        return (self.due - today).days


def deadline_items(rows: Iterable[tuple], today: date, unit: str = "") -> list[DeadlineItem]:
    """(document, task) rows → items with a dated deadline, for tasks involving `unit` (printed or
    canonical name, as the ledger's filter) when given. Order: bucket, then the most pressing
    first — overdue ones most recently due first, the others soonest first."""
    unit = unit.strip()
    items = []
    for doc, task in rows:
        if unit and not task.involves(unit):
            continue
        due = due_date(task_deadline_dates(task, doc.meta.year), today)
        if due is not None:
            items.append(DeadlineItem(doc, task, due, bucket_of(due, today)))
    order = {b: i for i, b in enumerate(BUCKETS)}
    items.sort(key=lambda it: (order[it.bucket], -it.due.toordinal() if it.bucket == OVERDUE else it.due.toordinal()))
    return items


def counts(items: Iterable[DeadlineItem]) -> dict[str, int]:
    out = dict.fromkeys(BUCKETS, 0)
    for it in items:
        out[it.bucket] += 1
    return out
