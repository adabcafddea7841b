"""Open a single file (Ctrl+Shift+O) or drop files/folders on the window: read, not added to the library."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.ui.test_library import NOTICE


@pytest.fixture
def loose_file(tmp_path) -> Path:
    folder = tmp_path / "外来"
    folder.mkdir()
    path = folder / "两篇通知.txt"
    path.write_text(NOTICE.format(topic="政府采购", n=7) + "\n\n" + NOTICE.format(topic="资产清查", n=8),
                    encoding="utf-8")
    return path


def _files_snapshot(folder: Path):
    return sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir())


def test_ctrl_shift_o_reads_a_file_without_adding_its_folder(open_window, qtbot, loose_file, monkeypatch):
    window = open_window()
    library_docs = len(window.service.documents())
    folders = list(window.folders)
    before = _files_snapshot(loose_file.parent)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(loose_file)], "")))
    assert window.act_open_file.shortcut().toString() == "Ctrl+Shift+O"
    with qtbot.waitSignal(window.single_files.loaded, timeout=30_000):
        window.act_open_file.trigger()
    # shown: the 单个文件 tab lists the file and its documents, the first one is open
    assert window.left_tabs.currentWidget() is window.single_panel
    top = window.single_panel.tree.topLevelItem(0)
    assert top.text(0).startswith("两篇通知.txt") and top.childCount() == 2
    assert [top.child(i).text(0) for i in range(2)] == [
        "宁波市财政局关于政府采购的通知", "宁波市财政局关于资产清查的通知"]
    assert window.reading.document.title == "宁波市财政局关于政府采购的通知"
    assert window.reading.document.meta.doc_number == "甬财发〔2023〕7号"
    # clicking the second document opens it; back returns to the first
    window.single_panel.tree.setCurrentItem(top.child(1))
    assert window.reading.document.title == "宁波市财政局关于资产清查的通知"
    window.go_back()
    assert window.reading.document.title == "宁波市财政局关于政府采购的通知"
    # the library is unchanged, the file untouched
    assert window.folders == folders and len(window.service.documents()) == library_docs
    assert _files_snapshot(loose_file.parent) == before
    assert window.settings.folders() == folders


def test_dropping_a_file_opens_it_and_a_folder_asks_to_join_the_library(open_window, qtbot, loose_file, monkeypatch):
    window = open_window()
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))

    def drop(path: Path):
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path))])
        pos = QPointF(window.width() / 2, window.height() / 2)
        event = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        window.dropEvent(event)
        return event

    with qtbot.waitSignal(window.single_files.loaded, timeout=30_000):
        assert drop(loose_file).isAccepted()
    assert window.reading.document.file == str(loose_file)
    folders = list(window.folders)
    drop(loose_file.parent)
    assert asked and str(loose_file.parent) in asked[0]
    assert window.folders == folders  # answered no: nothing added
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(window.service.indexing_finished, timeout=120_000):
        drop(loose_file.parent)
    assert window.folders == folders + [str(loose_file.parent)]
    assert any(d.title == "宁波市财政局关于资产清查的通知" for d in window.service.documents())


def test_an_unreadable_file_says_why(open_window, qtbot, tmp_path):
    window = open_window()
    bad = tmp_path / "坏.txt"
    bad.write_bytes(b"")
    with qtbot.waitSignal(window.single_files.loaded, timeout=30_000) as blocker:
        window.open_single_file(str(bad))
    assert blocker.args[1].error
    assert "坏.txt" in window.statusBar().currentMessage()
    assert window.single_panel.tree.topLevelItemCount() == 0


def test_a_single_file_in_recent_documents_is_read_again(open_window, qtbot, loose_file, make_settings):
    window = open_window(settings=make_settings())
    with qtbot.waitSignal(window.single_files.loaded, timeout=30_000):
        window.open_single_file(str(loose_file))
    window.single_panel.tree.setCurrentItem(window.single_panel.tree.topLevelItem(0).child(1))
    window.close()
    again = open_window(settings=make_settings())
    key = again.settings.recent_documents()[0]
    assert key.title == "宁波市财政局关于资产清查的通知"
    with qtbot.waitSignal(again.single_files.loaded, timeout=30_000):
        assert again.open_recent(key)
    assert again.reading.document.title == "宁波市财政局关于资产清查的通知"


def test_a_recent_single_file_without_that_document_any_more_says_so(open_window, qtbot, loose_file):
    from reader.core.documents.identity import DocKey

    window = open_window()
    with qtbot.waitSignal(window.single_files.loaded, timeout=30_000):
        assert window.open_recent(DocKey("0000000000000000", "已删去的通知", str(loose_file)))
    assert "已删去的通知" in window.statusBar().currentMessage()
