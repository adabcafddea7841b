"""reader.core.ledger.rows: the ledger's rows, filters and sort order (no Qt), shared by the
GUI's 台账 window and `reader tasks`."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

from reader.core.ledger.rows import (
    COL_DEADLINE,
    COL_YEAR,
    COLUMNS,
    LedgerQuery,
    LedgerTable,
    ledger_rows,
    stored_ledger_rows,
)
from reader.core.documents.pipeline import parse_text

A = """宁波市北仑区人民政府关于加快推进城市更新的实施意见
仑政发〔2023〕19号
各街道办事处，区直各单位：
一、重点任务
（一）实施老旧小区改造。6月底前完成改造小区15个。（牵头单位：区住建局；配合单位：区财政局）
（二）完善排水设施。新建雨污管网30公里。（牵头单位：区水利局；配合单位：区住建局、区综合执法局）
宁波市北仑区人民政府
2023年4月1日
"""

B = """宁波市人民政府办公厅关于推进数字化改革的通知
甬政办发〔2022〕5号
1.建设城市大脑。年底前上线。（责任单位：市大数据局、市经信局）
2.完善数据共享。2023年3月31日前完成。（责任单位：市大数据局）
宁波市人民政府办公厅
2022年3月1日
"""


def _docs():
    return [max(parse_text(text, name), key=lambda d: len(d.text)) for text, name in ((A, "a.txt"), (B, "b.txt"))]


def _table():
    return LedgerTable(ledger_rows(_docs()))


def test_rows_and_cells_in_library_order():
    table = _table()
    assert len(table) == 4 and table.documents == 2
    assert [table.cell(r, 1) for r in range(4)] == ["仑政发〔2023〕19号"] * 2 + ["甬政办发〔2022〕5号"] * 2
    assert table.cell(0, COLUMNS.index("牵头单位")) == "区住建局"
    assert table.cell(1, COLUMNS.index("配合单位")) == "区住建局、区综合执法局"
    assert table.cell(0, COL_YEAR) == "2023" and table.cell(0, COL_DEADLINE) == "6月底前"
    # completion offers printed and canonical names
    assert "区住建局" in table.units and "宁波市北仑区住房和城乡建设局" in table.units
    assert table.units == sorted(table.units)


def test_filters_read_a_unit_as_task_involves_does():
    docs = _docs()
    table = LedgerTable(ledger_rows(docs))
    for unit in ("区住建局", "北仑区住房和城乡建设局", "市经信局", "市经济和信息化局", "大数据", "区消防大队"):
        picked = [table.rows[r] for r in LedgerQuery(unit=unit).select(table)]
        assert picked == list(ledger_rows(docs, unit)), unit
        assert all(t.involves(unit) for _, t in picked)
    assert len(LedgerQuery(unit="区住建局").select(table)) == 2
    assert len(LedgerQuery(unit="  ").select(table)) == 4  # blank: no filter


def test_year_issuer_deadline_and_date_range_filters():
    table = _table()
    assert LedgerQuery(year="2022").select(table) == [2, 3]
    assert LedgerQuery(issuer="北仑区").select(table) == [0, 1]
    assert LedgerQuery(deadline="6月底").select(table) == [0]
    # 6月底前 in a 2023 document, 2023年3月31日前; a task without a dated deadline never passes a range
    assert LedgerQuery(due_from=date(2023, 1, 1)).select(table) == [0, 3]
    assert LedgerQuery(due_from=date(2023, 1, 1), due_to=date(2023, 5, 31)).select(table) == [3]
    assert LedgerQuery(due_to=date(2022, 12, 31)).select(table) == [2]
    assert LedgerQuery(year="2022", unit="市经信局").select(table) == [2]


def test_sort_orders_numbers_as_numbers_and_undated_last():
    table = _table()
    everything = list(range(4))
    numbers = [table.cell(r, 1) for r in table.order(everything, 1)]
    assert numbers == ["仑政发〔2023〕19号"] * 2 + ["甬政办发〔2022〕5号"] * 2
    deadlines = [table.cell(r, COL_DEADLINE) for r in table.order(everything, COL_DEADLINE)]
    assert deadlines[:3] == ["年底前", "2023年3月31日前", "6月底前"] and deadlines[3] == ""
    assert table.order([3, 0, 2], -1) == [0, 2, 3]  # no column: library order
    years = [table.cell(r, COL_YEAR) for r in table.order(everything, COL_YEAR, descending=True)]
    assert years == ["2023", "2023", "2022", "2022"]


def test_natural_order_of_document_numbers():
    from reader.core.ledger.rows import _natural

    printed = ["甬政办发〔2022〕19号", "甬政办发〔2022〕5号", "甬政办发〔2021〕59号"]
    assert sorted(printed, key=_natural) == ["甬政办发〔2021〕59号", "甬政办发〔2022〕5号", "甬政办发〔2022〕19号"]


class _Info:
    def __init__(self, doc):
        self.doc = doc

    def as_document(self):
        return self.doc


def test_stored_rows_are_the_rows_of_the_stored_tasks():
    from reader.core.ledger.tasks import extract_tasks

    docs = _docs()
    stored = [(_Info(d), extract_tasks(d), []) for d in docs]
    assert list(stored_ledger_rows(stored)) == list(ledger_rows(docs))
    assert list(stored_ledger_rows(stored, "市大数据局")) == list(ledger_rows(docs, "市大数据局"))
    assert list(stored_ledger_rows(None)) == []
    assert list(stored_ledger_rows(stored, cancelled=lambda: True)) == []


def test_cli_lists_the_same_rows(tmp_path):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "reader", "tasks", str(tmp_path), "--json", "--unit", "市大数据局"],
                         capture_output=True, text=True, encoding="utf-8", check=True).stdout
    got = [json.loads(line)["text"] for line in out.splitlines()]
    expected = [t.text for _, t in ledger_rows(_docs(), "市大数据局")]
    assert got == expected and len(got) == 2
