"""reader.core.ledger.export: the task ledger as CSV (UTF-8 with BOM) and XLSX, deadlines as dates."""
from __future__ import annotations

import subprocess
import sys
from datetime import date

import openpyxl

from reader.core.ledger.export import (
    LEDGER_COLUMNS,
    deadline_date,
    parse_date_bound,
    save_csv,
    write_xlsx,
)
from reader.core.documents.pipeline import parse_text
from reader.core.ledger.tasks import extract_tasks

PLAN = """宁波市北仑区人民政府关于加快推进城市更新的实施意见
仑政发〔2023〕8号
各街道办事处，区直各单位：
一、重点任务
（一）实施老旧小区改造。6月底前完成改造小区15个。（牵头单位：区住建局；配合单位：区财政局）
（二）完善排水设施。=SUM(A1:A2) 新建雨污管网30公里。（牵头单位：区水利局；配合单位：区住建局）
宁波市北仑区人民政府
2023年4月1日
"""


def _rows():
    docs = parse_text(PLAN, "计划.txt", "utf-8")
    return [(d, t) for d in docs for t in extract_tasks(d)]


def test_xlsx_opens_with_header_and_one_row_per_task(tmp_path):
    rows = _rows()
    assert len(rows) >= 2
    out = tmp_path / "台账.xlsx"
    assert write_xlsx(rows, out) == len(rows)
    ws = openpyxl.load_workbook(out).active
    assert [c.value for c in ws[1]] == list(LEDGER_COLUMNS)
    assert ws.max_row == len(rows) + 1
    body = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    lead = LEDGER_COLUMNS.index("牵头单位")
    assert [r[lead] for r in body] == ["区住建局", "区水利局"]
    assert body[0][LEDGER_COLUMNS.index("文号")] == "仑政发〔2023〕8号"
    assert "6月底前" in body[0][LEDGER_COLUMNS.index("完成时限")]
    # text that looks like a formula stays text
    task_text = body[1][LEDGER_COLUMNS.index("任务内容")]
    assert "=SUM(A1:A2)" in task_text
    assert ws.cell(row=3, column=LEDGER_COLUMNS.index("任务内容") + 1).data_type == "s"
    assert ws.freeze_panes == "A2"


def test_xlsx_survives_control_characters(tmp_path):
    docs = parse_text(PLAN, "计划.txt", "utf-8")
    doc, t = docs[0], extract_tasks(docs[0])[0]
    t.text = "改造\x07小区"  # openpyxl refuses C0 controls
    out = tmp_path / "x.xlsx"
    write_xlsx([(doc, t)], out)
    ws = openpyxl.load_workbook(out).active
    assert ws.cell(row=2, column=LEDGER_COLUMNS.index("任务内容") + 1).value == "改造\ufffd小区"


def test_csv_has_bom_and_crlf(tmp_path):
    out = tmp_path / "台账.csv"
    n = save_csv(_rows(), out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == n + 1
    assert "区住建局" in data.decode("utf-8-sig")


def test_cli_tasks_xlsx(tmp_path):
    src = tmp_path / "计划.txt"
    src.write_text(PLAN, encoding="utf-8")
    out = tmp_path / "out.xlsx"
    proc = subprocess.run([sys.executable, "-m", "reader", "tasks", "--xlsx", str(out), str(src)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    ws = openpyxl.load_workbook(out).active
    assert ws.cell(row=1, column=1).value == LEDGER_COLUMNS[0]
    assert ws.max_row == 3


def test_deadline_dates():
    assert deadline_date("6月底前", 2023) == date(2023, 6, 30)
    assert deadline_date("2月底前", 2024) == date(2024, 2, 29)
    assert deadline_date("2023年3月31日前", 2020) == date(2023, 3, 31)
    assert deadline_date("年底前", 2022) == date(2022, 12, 31)
    assert deadline_date("2025年底前") == date(2025, 12, 31)
    assert deadline_date("9月中旬", 2023) == date(2023, 9, 20)
    assert deadline_date("6月底前") is None  # no year known
    assert deadline_date("持续推进", 2023) is None
    assert deadline_date("2月30日前", 2023) is None


def test_date_bounds():
    assert parse_date_bound("2023", end=False) == date(2023, 1, 1)
    assert parse_date_bound("2023", end=True) == date(2023, 12, 31)
    assert parse_date_bound("2023-6", end=True) == date(2023, 6, 30)
    assert parse_date_bound("2023年6月", end=False) == date(2023, 6, 1)
    assert parse_date_bound("2023-06-15", end=True) == date(2023, 6, 15)
    assert parse_date_bound("", end=True) is None
    assert parse_date_bound("六月", end=True) is None


# ---------------------------------------------------------------- the GUI's 台账 and 任务 tab
OTHER = """宁波市人民政府办公厅关于推进数字化改革的通知
甬政办发〔2022〕5号
1.建设城市大脑。年底前上线。（责任单位：市大数据局、市经信局）
2.完善数据共享。2023年3月31日前完成。（责任单位：市大数据局）
3.健全工作机制。持续推进。（责任单位：市经信局）
宁波市人民政府办公厅
2022年3月1日
"""


def _ledger_view(qtbot):
    from reader.core.ledger.rows import ledger_rows
    from reader.ui.tasks_panel import LedgerView

    docs = parse_text(PLAN, "计划.txt", "utf-8") + parse_text(OTHER, "通知.txt", "utf-8")
    view = LedgerView()
    qtbot.addWidget(view)
    view.set_rows(list(ledger_rows(docs)))
    return view


def test_ledger_view_deadline_range_and_sort_by_date(qtbot):
    from reader.core.ledger.rows import COL_DEADLINE

    view = _ledger_view(qtbot)
    assert view.model.rowCount() == 5
    texts = lambda: [view.model.index(r, COL_DEADLINE).data() for r in range(view.model.rowCount())]  # noqa: E731
    view.due_from_edit.setText("2023-01")  # 6月底前 of a 2023 document, 2023年3月31日前
    assert sorted(texts()) == ["2023年3月31日前", "6月底前"]
    view.due_to_edit.setText("2023-05")
    assert texts() == ["2023年3月31日前"]
    view.due_from_edit.setText("")
    view.due_to_edit.setText("2022")  # 年底前 of a 2022 document
    assert texts() == ["年底前"]
    view.due_to_edit.setText("明年")  # unreadable: no range, and the count line says so
    assert view.model.rowCount() == 5 and "明年" in view.count_label.text()
    view.due_to_edit.setText("")
    # sorting the deadline column goes by date, undated last
    view.table.sortByColumn(COL_DEADLINE, view.table.horizontalHeader().sortIndicatorOrder().AscendingOrder)
    assert texts()[:3] == ["年底前", "2023年3月31日前", "6月底前"]
    assert set(texts()[3:]) <= {"", "持续推进"}


def test_ledger_view_exports_visible_rows_to_xlsx(qtbot, tmp_path):
    view = _ledger_view(qtbot)
    view.unit_edit.setText("市大数据局")  # set directly: keyClicks with Chinese aborts pytest-qt
    assert view.model.rowCount() == 2
    out = tmp_path / "台账.xlsx"
    assert view.export_xlsx(str(out)) == 2
    ws = openpyxl.load_workbook(out).active
    assert [c.value for c in ws[1]] == list(LEDGER_COLUMNS)
    assert ws.max_row == 3
    leads = [r[LEDGER_COLUMNS.index("牵头单位")].value for r in ws.iter_rows(min_row=2)]
    assert all("市大数据局" in v for v in leads)


def test_task_tab_two_line_rows_and_details(qtbot):
    from reader.ui.tasks_panel import TaskPanel

    doc = max(parse_text(PLAN, "计划.txt", "utf-8"), key=lambda d: len(d.text))
    panel = TaskPanel()
    qtbot.addWidget(panel)
    panel.resize(280, 600)
    panel.show()
    panel.set_document(doc)
    tree = panel.tree
    assert [c for c in range(tree.columnCount()) if not tree.isColumnHidden(c)] == [1]
    delegate = tree.itemDelegateForColumn(1)
    index = tree.model().index(0, 1)
    top, sub = delegate._lines(index)
    assert top.startswith("一、（一）") and "实施老旧小区改造" in top
    assert "牵头：区住建局" in sub and "配合：区财政局" in sub and "时限：6月底前" in sub
    assert tree.sizeHintForRow(0) >= 2 * tree.fontMetrics().height()
    tree.setCurrentItem(tree.topLevelItem(1))
    details = panel.details_text()
    assert "完善排水设施" in details and "牵头单位：区水利局" in details and "配合单位：区住建局" in details
