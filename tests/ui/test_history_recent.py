"""Back/forward across the session (Alt+← / Alt+→) and 文件 → 最近打开 (ten, remembered)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def _recent_titles(window) -> list[str]:
    window._fill_recent_menu()
    return [a.text() for a in window.recent_menu.actions() if a.data()]


def test_alt_left_and_alt_right_walk_back_and_forward(open_window, qtbot):
    window = open_window()
    docs = window.service.documents()
    a, b, c = docs[0].id, docs[1].id, docs[2].id
    assert not window.act_back.isEnabled() and not window.act_forward.isEnabled()
    for doc_id in (a, b, c):
        window.open_document(doc_id)
    window.activateWindow()
    window.reading.view.setFocus()
    QTest.keyClick(window.reading.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_doc_id == b
    QTest.keyClick(window.reading.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_doc_id == a
    assert not window.act_back.isEnabled() and window.act_forward.isEnabled()
    QTest.keyClick(window.reading.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_doc_id == b
    window.open_document(c)
    window.go_back()
    window.open_document(docs[3].id)  # a new document clears what was ahead
    assert not window.act_forward.isEnabled()
    assert window.act_forward in window.view_menu.actions()


def test_recent_documents_are_remembered_across_restarts(open_window, make_settings):
    window = open_window(settings=make_settings())
    docs = window.service.documents()
    assert len(docs) >= 12
    for doc in docs[:12]:
        window.open_document(doc.id)
    titles = _recent_titles(window)
    assert len(titles) == 10
    assert docs[11].title[:30] in titles[0] and docs[2].title[:30] in titles[-1]
    window.open_document(docs[5].id)  # opened again: moves to the top, no duplicate
    titles = _recent_titles(window)
    assert docs[5].title[:30] in titles[0] and len(titles) == 10
    assert sum(docs[5].title[:30] in t for t in titles) == 1
    window.close()

    again = open_window(settings=make_settings())
    entries = [a for a in again.recent_menu.actions() if a.data()]
    assert entries[0].data() == docs[5].id
    again.open_document(docs[0].id)
    entries = [a for a in (again._fill_recent_menu() or again.recent_menu.actions()) if a.data()]
    entries[1].trigger()
    assert again.current_doc_id == docs[5].id


def test_a_recent_document_with_a_new_id_is_found_by_title_and_file(open_window, make_settings):
    from reader.core.documents.identity import DocKey

    window = open_window(settings=make_settings())
    doc = window.service.documents()[4]
    assert window.open_recent(DocKey("0000000000000000", doc.title, doc.file))
    assert window.current_doc_id == doc.id
    assert not window.open_recent(DocKey("0000000000000000", "不存在的公文", doc.file))
    assert "不存在的公文" in window.statusBar().currentMessage()
    window.clear_recent()
    assert _recent_titles(window) == []
