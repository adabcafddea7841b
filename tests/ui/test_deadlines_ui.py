"""时限提醒 (Ctrl+Shift+T): the library's tasks by deadline relative to a given day, by unit."""
from __future__ import annotations

from datetime import date

from reader.core.ledger.deadlines import BUCKETS, LATER, OVERDUE, THIS_MONTH, THIS_WEEK, counts, deadline_items
from reader.ui.deadlines import ROLE_TARGET

TODAY = date(2022, 6, 8)  # inside the seeds' years, so every bucket can have tasks


def _ready(window, qtbot):
    qtbot.waitUntil(lambda: window.service.links() is not None and not window.service.links_pending(), timeout=60_000)


def test_tasks_are_grouped_by_deadline_and_open_at_the_task(open_window, qtbot):
    window = open_window()
    _ready(window, qtbot)
    window.today_override = TODAY
    assert window.act_deadlines.shortcut().toString() == "Ctrl+Shift+T"
    assert window.act_deadlines in window.view_menu.actions()
    window.act_deadlines.trigger()
    dialog = window.deadlines
    assert dialog.isVisible() and dialog.today_label.text() == "今天：2022-06-08"
    expected = counts(deadline_items(window.service.links().rows, TODAY))
    assert sum(expected.values()) > 0 and expected[OVERDUE] > 0 and expected[LATER] > 0
    titles = [dialog.tree.topLevelItem(i).text(0) for i in range(4)]
    assert titles == [f"已逾期（{expected[OVERDUE]}）", f"本周到期（{expected[THIS_WEEK]}）",
                      f"本月到期（{expected[THIS_MONTH]}）", f"以后（{expected[LATER]}）"]
    overdue = dialog.bucket_rows(OVERDUE)
    dates = [r.text(0) for r in overdue]
    assert dates == sorted(dates, reverse=True)  # the most recently due first
    assert all(r.text(1).startswith("逾期") for r in overdue)
    later = [r.text(0) for r in dialog.bucket_rows(LATER)]
    assert later == sorted(later) and all(d > "2022-06-30" for d in later)
    # double-click a task: its document opens with the task selected
    row = overdue[0]
    doc_id, start, end = row.data(0, ROLE_TARGET)
    dialog.tree.itemActivated.emit(row, 0)
    assert window.current_doc_id == doc_id
    cursor = window.reading.view.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (start, end)


def test_unit_filter_narrows_to_that_units_tasks(open_window, qtbot):
    window = open_window()
    _ready(window, qtbot)
    window.today_override = TODAY
    dialog = window.show_deadlines()
    total = len(dialog.items)
    unit = dialog.bucket_rows(OVERDUE)[0].text(3).split("、")[0]
    dialog.set_unit(unit)
    assert 0 < len(dialog.items) < total
    assert all(it.task.involves(unit) for it in dialog.items)
    assert dialog.summary.text() == f"{len(dialog.items)} 项有时限的任务"
    dialog.set_unit("不存在的单位")
    assert dialog.items == [] and all(not dialog.bucket_rows(b) for b in BUCKETS)
