"""打开原文件 / 打开所在文件夹 from the reading pane, the result list and the tree."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtCore import QPoint


@pytest.fixture
def opened(monkeypatch):
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url) or True))
    return urls


def test_reading_pane_opens_the_file_and_its_folder(open_window, opened):
    window = open_window()
    doc = window.service.documents()[0]
    window.open_document(doc.id)
    menu = window.reading_context_menu(QPoint(10, 10))
    texts = [a.text() for a in menu.actions()]
    assert any("Copy" in t or "复制" in t for t in texts), texts  # the standard entries stay
    assert window.act_open_source in menu.actions() and window.act_open_folder in menu.actions()
    window.act_open_source.trigger()
    window.act_open_folder.trigger()
    assert [u.toLocalFile() for u in opened] == [doc.file, str(Path(doc.file).parent)]
    assert window.act_open_source in window.file_menu.actions()


def test_result_list_and_tree_open_the_row_under_the_cursor(open_window, search, opened):
    window = open_window()
    search(window, "通知")
    second = window.results_model.hits[1].doc
    window.results.setCurrentIndex(window.results_model.index(1, 0))
    open_file, open_dir = window.result_source_actions
    assert open_file in window.results.actions()
    open_file.trigger()
    open_dir.trigger()
    assert [u.toLocalFile() for u in opened] == [second.file, str(Path(second.file).parent)]
    opened.clear()
    doc = window.service.documents()[3]
    window.tree.setCurrentIndex(window.tree_model.find_doc(doc.id))
    window.tree_source_actions[0].trigger()
    assert [u.toLocalFile() for u in opened] == [doc.file]


def test_a_missing_file_is_a_message_not_a_launch(open_window, opened, tmp_path):
    window = open_window()
    assert not window.open_source(str(tmp_path / "已删除.txt"))
    assert opened == [] and "已删除.txt" in window.statusBar().currentMessage()
    assert not window.open_source(None)
