"""The task tab beside the entity panel and the 任务台账 window, wired into the main window."""
from __future__ import annotations

PLAN = """宁波市北仑区人民政府关于加快推进城市更新的实施意见
仑政发〔2023〕8号
各街道办事处，区直各单位：
一、重点任务
（一）实施老旧小区改造。6月底前完成改造小区15个。（牵头单位：区住建局；配合单位：区财政局）
（二）完善排水设施。新建雨污管网30公里。（牵头单位：区水利局；配合单位：区住建局）
宁波市北仑区人民政府
2023年4月1日
"""


def test_task_tab_and_ledger(open_window, qtbot, tmp_path):
    folder = tmp_path / "公文"
    folder.mkdir()
    (folder / "计划.txt").write_text(PLAN, encoding="utf-8")
    window = open_window(folders=[str(folder)])
    doc = max(window.service.documents(), key=lambda d: d.last_line - d.first_line)
    window.open_document(doc.id)
    tasks = window.task_panel.tasks
    assert len(tasks) >= 2, "the two numbered items with their units are tasks"
    assert window.side_tabs.indexOf(window.task_panel) >= 0
    # clicking a task scrolls the reading pane to it and selects its text
    item = window.task_panel.tree.topLevelItem(1)
    window.task_panel._clicked(item)
    selected = window.reading.view.textCursor()
    assert selected.selectionStart() == tasks[1].start

    # opened at once, while the library's links may still be those of the previous library
    # state: the ledger shows only rows of the documents shown now, and is not refilled under
    # the activation below when the links of this state arrive
    window.act_ledger.trigger()
    ledger = window.ledger
    qtbot.addWidget(ledger)
    qtbot.waitUntil(lambda: ledger.view.model.rowCount() >= 2, timeout=30_000)
    # activating a ledger row opens its document at the task
    window.open_document(doc.id)
    index = ledger.view.model.index(0, 0)
    ledger.view._activated(index)
    doc_of_row, task = ledger.view.model.row_at(index.row())
    assert window.current_doc_id == doc_of_row.id
    assert window.reading.view.textCursor().selectionStart() == task.start
    ledger.close()
