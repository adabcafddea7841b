"""任务 tab and 台账 view: list, scroll, filter, sort, export."""
from __future__ import annotations

import csv
import io

from reader.core.documents.pipeline import parse_text
from reader.core.ledger.rows import ledger_rows
from reader.ui.tasks_panel import LedgerView, TaskPanel
from tests.core.ledger.test_rows import A as ITEMS  # one 实施意见 with two items, 区住建局 leading the first


OTHER = """宁波市人民政府办公厅关于推进数字化改革的通知
甬政办发〔2022〕5号
1.建设城市大脑。年底前上线。（责任单位：市大数据局、市经信局）
宁波市人民政府办公厅
2022年3月1日
"""


def _doc(text):
    return max(parse_text(text, "<test>"), key=lambda d: len(d.text))


def test_task_panel_lists_tasks_and_scrolls_to_them(qtbot):
    doc = _doc(ITEMS)
    panel = TaskPanel()
    qtbot.addWidget(panel)
    panel.set_document(doc)
    assert panel.tree.topLevelItemCount() == 2
    first = panel.tree.topLevelItem(0)
    assert first.text(0) == "一、（一）" and first.text(2) == "区住建局" and first.text(4) == "6月底前"
    with qtbot.waitSignal(panel.scroll_requested) as blocker:
        panel.tree.itemClicked.emit(first, 0)
    start, end = blocker.args
    assert doc.text[start:end].startswith("实施老旧小区改造")
    with qtbot.waitSignal(panel.search_requested) as blocker:
        panel.tree.itemDoubleClicked.emit(first, 0)
    assert blocker.args == ["区住建局"]
    panel.set_document(None)
    assert panel.tree.topLevelItemCount() == 0


def test_ledger_filters_sorts_and_exports(qtbot, tmp_path):
    rows = list(ledger_rows([_doc(ITEMS), _doc(OTHER)]))
    view = LedgerView()
    qtbot.addWidget(view)
    view.set_rows(rows)
    assert view.model.rowCount() == 3
    view.unit_edit.setText("区住建局")  # set directly: keyClicks with Chinese aborts pytest-qt
    assert view.model.rowCount() == 2
    view.unit_edit.setText("市经济和信息化局")  # canonical form finds the printed 市经信局
    assert view.model.rowCount() == 1
    view.unit_edit.setText("")
    view.year_edit.setText("2022")
    assert view.model.rowCount() == 1
    view.year_edit.setText("")
    view.deadline_edit.setText("6月底")
    assert view.model.rowCount() == 1
    view.deadline_edit.setText("")
    view.table.sortByColumn(1, view.table.horizontalHeader().sortIndicatorOrder().AscendingOrder)
    numbers = [view.model.index(r, 1).data() for r in range(view.model.rowCount())]
    assert numbers == sorted(numbers)
    view.issuer_edit.setText("北仑区")
    out = tmp_path / "ledger.csv"
    assert view.export_csv(str(out)) == 2
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    body = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert body[0][0] == "公文标题" and len(body) == 3
    with qtbot.waitSignal(view.scroll_requested) as blocker:
        view.table.activated.emit(view.model.index(0, 0))
    assert blocker.args[0] == rows[0][0].id
