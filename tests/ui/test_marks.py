"""收藏 / 已读 / 批注 in the window: stars, read marks with unread counts, notes beside the text,
kept across restarts (in the user's data folder, never in the documents folder)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QInputDialog, QMessageBox


@pytest.fixture
def answers(monkeypatch):
    """Texts the note dialog will be answered with, in order."""
    queue: list[str] = []
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        staticmethod(lambda *a, **k: (queue.pop(0), True) if queue else ("", False)))
    return queue


def _select(view, start: int, end: int) -> None:
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def test_star_a_document_and_find_it_in_the_starred_tab_after_a_restart(open_window, make_settings):
    window = open_window(settings=make_settings())
    docs = window.service.documents()
    window.open_document(docs[3].id)
    assert not window.act_star.isChecked()
    window.act_star.trigger()  # Ctrl+D
    assert window.act_star.isChecked()
    assert [k.id for k in window.starred_panel.keys()] == [docs[3].id]
    assert window.left_tabs.tabText(window.starred_tab) == "收藏"
    window.close()

    again = open_window(settings=make_settings())
    again.open_document(docs[0].id)
    assert [k.title for k in again.starred_panel.keys()] == [docs[3].title]
    again.starred_panel.list.itemClicked.emit(again.starred_panel.list.item(0))
    assert again.current_doc_id == docs[3].id and again.act_star.isChecked()
    again.act_star.trigger()
    assert again.starred_panel.keys() == []
    store = Path(again.notes_store.path)
    assert store.is_file() and Path(os.environ["XDG_DATA_HOME"]) in store.parents
    assert not any(Path(f) in store.parents for f in again.folders)


def test_notes_on_a_passage_and_on_the_document_show_beside_the_text(open_window, make_settings, answers, monkeypatch):
    window = open_window(settings=make_settings())
    doc = window.service.documents()[1]
    window.open_document(doc.id)
    text = window.reading.document.text
    start = text.index("\n") + 1
    end = start + 12
    _select(window.reading.view, start, end)
    answers.append("这段要在例会上讨论")
    window.act_add_note.trigger()
    _select(window.reading.view, 0, 0)
    answers.append("全文转发各科室")
    window.notes_panel.add_button.click()
    panel = window.notes_panel
    notes = panel.notes()
    assert [n.body for n in notes] == ["全文转发各科室", "这段要在例会上讨论"]
    assert notes[1].quote == text[start:end]
    assert panel.list.item(1).text() == f"「{text[start:end]}」\n这段要在例会上讨论"
    assert window.side_tabs.currentWidget() is panel
    assert window.side_tabs.tabText(window.notes_tab) == "批注（2）"
    # clicking the passage note selects the passage in the text
    _select(window.reading.view, 0, 0)
    panel.list.itemClicked.emit(panel.list.item(1))
    cursor = window.reading.view.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (start, end)
    # edit and delete
    panel.list.setCurrentRow(0)
    answers.append("全文转发各科室并存档")
    panel.edit_action.trigger()
    assert panel.notes()[0].body == "全文转发各科室并存档"
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    panel.list.setCurrentRow(0)
    panel.delete_action.trigger()
    assert [n.body for n in panel.notes()] == ["这段要在例会上讨论"]
    # another document has no notes; the first one's come back
    window.open_document(window.service.documents()[2].id)
    assert panel.notes() == [] and window.side_tabs.tabText(window.notes_tab) == "批注"
    window.close()
    again = open_window(settings=make_settings())
    again.open_document(doc.id)
    assert [n.body for n in again.notes_panel.notes()] == ["这段要在例会上讨论"]


def test_opening_marks_read_and_the_tree_counts_unread(open_window, make_settings):
    window = open_window(settings=make_settings())
    model = window.tree_model
    top = model.index(0, 0)
    issuer_docs = model.doc_ids_under([top])
    assert model.unread_count(top) == len(issuer_docs)
    from reader.ui.tree import ROLE_UNREAD

    assert top.data(ROLE_UNREAD) == len(issuer_docs)
    window.open_document(issuer_docs[0])
    assert window.act_read.isChecked()
    assert model.unread_count(model.index(0, 0)) == len(issuer_docs) - 1
    window.act_read.trigger()  # mark unread again
    assert model.unread_count(model.index(0, 0)) == len(issuer_docs)
    for doc_id in reversed(issuer_docs):  # the first one last: it is still open, marked unread
        window.open_document(doc_id)
    assert model.unread_count(model.index(0, 0)) == 0
    assert not model.index(0, 0).data(ROLE_UNREAD)


def test_marks_follow_a_document_whose_id_changed(open_window, make_settings, tmp_path, qtbot):
    from tests.ui.test_library import NOTICE

    folder = tmp_path / "公文"
    folder.mkdir()
    path = folder / "通知.txt"
    path.write_text(NOTICE.format(topic="预算管理", n=1), encoding="utf-8")
    window = open_window(folders=[str(folder)], settings=make_settings())
    doc = window.service.documents()[0]
    window.open_document(doc.id)
    window.act_star.trigger()
    # a blank line above the document moves its lines: a new id, same title and file
    path.write_text("\n\n" + NOTICE.format(topic="预算管理", n=1), encoding="utf-8")
    with qtbot.waitSignal(window.service.indexing_finished, timeout=60_000):
        window.service.update_in_background()
    new = window.service.documents()[0]
    assert new.id != doc.id and new.title == doc.title
    assert [k.id for k in window.starred_panel.keys()] == [new.id]
    window.open_document(new.id)
    assert window.act_star.isChecked() and window.act_read.isChecked()
