"""时限提醒 buckets (reader.core.ledger.deadlines), always relative to a given "today"."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from reader.core.ledger.deadlines import (
    LATER,
    OVERDUE,
    THIS_MONTH,
    THIS_WEEK,
    bucket_of,
    counts,
    deadline_items,
    due_date,
)
from reader.core.model import Document, Metadata
from reader.core.ledger.tasks import extract_tasks

TODAY = date(2026, 12, 2)  # a Wednesday


@pytest.mark.parametrize("due, expected", [
    (date(2026, 12, 1), OVERDUE),  # yesterday
    (date(2025, 6, 30), OVERDUE),
    (date(2026, 12, 2), THIS_WEEK),  # due today is not overdue yet
    (date(2026, 12, 6), THIS_WEEK),  # Sunday ends the week
    (date(2026, 12, 7), THIS_MONTH),  # next Monday
    (date(2026, 12, 31), THIS_MONTH),
    (date(2027, 1, 1), LATER),
], ids=["yesterday", "last-year", "today", "sunday", "next-monday", "month-end", "next-month"])
def test_bucket_relative_to_today(due, expected):
    assert bucket_of(due, TODAY) == expected


def test_a_week_running_into_next_month_is_still_this_week():
    today = date(2026, 12, 30)  # Wednesday; the week ends Sunday 2027-01-03
    assert bucket_of(date(2027, 1, 2), today) == THIS_WEEK
    assert bucket_of(date(2027, 1, 4), today) == LATER


def test_a_staged_task_counts_by_its_next_deadline_or_its_last_one():
    dates = [date(2026, 6, 30), date(2026, 12, 31), date(2027, 6, 30)]
    assert due_date(dates, TODAY) == date(2026, 12, 31)
    assert due_date(dates[:2], date(2027, 3, 1)) == date(2026, 12, 31)
    assert due_date([], TODAY) is None


TEXT = (
    "关于做好年底前重点工作的通知\n"
    "一、重点任务\n"
    "1.完成预算执行分析。（牵头单位：市财政局；完成时限：2026年12月4日前）\n"
    "2.开展安全生产检查。（牵头单位：市应急管理局；完成时限：2026年12月20日前）\n"
    "3.编制明年计划。（牵头单位：市发改委；完成时限：2027年3月底前）\n"
    "4.清理历史欠款。（牵头单位：市财政局；完成时限：6月底前）\n"
    "5.持续推进数字化改革。（牵头单位：市大数据局；完成时限：长期坚持）\n"
)


def _rows():
    doc = Document(file="/公文/通知.txt", encoding="utf-8", first_line=1, last_line=7,
                   meta=Metadata(title="关于做好年底前重点工作的通知", year=2026, date="2026-11-20"), text=TEXT)
    return [(doc, t) for t in extract_tasks(doc)]


def test_tasks_from_a_real_notice_fall_into_the_buckets():
    rows = _rows()
    assert len(rows) >= 5
    items = deadline_items(rows, TODAY)
    assert counts(items) == {OVERDUE: 1, THIS_WEEK: 1, THIS_MONTH: 1, LATER: 1}
    assert "预算执行" in [it for it in items if it.bucket == THIS_WEEK][0].task.text
    assert "安全生产" in [it for it in items if it.bucket == THIS_MONTH][0].task.text
    assert "明年计划" in [it for it in items if it.bucket == LATER][0].task.text
    overdue = [it for it in items if it.bucket == OVERDUE][0]
    assert "历史欠款" in overdue.task.text and overdue.due == date(2026, 6, 30)  # 6月底前 in the document's year
    assert not any("数字化" in it.task.text for it in items)  # 长期坚持 names no date
    assert [it for it in items if it.bucket == THIS_WEEK][0].days_left(TODAY) == 2


def test_filter_by_unit_printed_or_canonical():
    rows = _rows()
    assert {it.task.text[:2] for it in deadline_items(rows, TODAY, unit="市财政局")} == {"完成", "清理"}
    assert deadline_items(rows, TODAY, unit="市教育局") == []


def test_overdue_most_recent_first_others_soonest_first():
    doc = SimpleNamespace(meta=SimpleNamespace(year=2026))

    def task(text, deadline):
        return SimpleNamespace(text=text, deadlines=[deadline], involves=lambda u: True)

    rows = [(doc, task("a", "2026年1月1日")), (doc, task("b", "2026年11月1日")),
            (doc, task("c", "2027年5月1日")), (doc, task("d", "2027年2月1日"))]
    assert [it.task.text for it in deadline_items(rows, TODAY)] == ["b", "a", "d", "c"]
