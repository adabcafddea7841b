"""帮助 → 搜索语法 (F1): the query language with examples, in the interface's language."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def test_f1_shows_the_query_language_and_an_example_runs(open_window, qtbot):
    window = open_window()
    assert "F1" in window.search_bar.field.placeholderText()
    assert window.act_search_help in window.help_menu.actions()
    window.activateWindow()
    window.reading.view.setFocus()
    QTest.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: getattr(window, "search_help", None) is not None and window.search_help.isVisible())
    dialog = window.search_help
    examples = dialog.examples()
    # every operator of the README table has an example
    for needle in ("金融 监管", '"支持 政策"', "OR", "-办公厅",
                   "发文机关:", "年份:", "文号:", "文种:", "标题:", "单位:"):
        assert any(needle in e for e in examples), needle
    meanings = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert all(meanings) and "不包含" in meanings[3]
    # a double-click on an example searches for it
    with qtbot.waitSignal(window.search_done, timeout=30_000):
        dialog.table.setCurrentCell(0, 0)
        dialog.try_button.click()
    assert window.search_bar.field.text() == "金融 监管"
    assert window.results_model.rowCount() > 0


def test_search_help_in_english(qtbot):
    from reader.ui.app import install_translations
    from reader.ui.help import SearchHelpDialog

    app = QApplication.instance()
    translators = install_translations(app, "en")
    try:
        dialog = SearchHelpDialog()
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Search syntax"
        assert "Ctrl+F" in dialog.intro.text()
        assert dialog.table.item(3, 1).text().startswith("containing 市政府 but not 办公厅")
    finally:
        for tr in translators:
            app.removeTranslator(tr)
