"""The tree's 按来源文件 view: source file (a gazette issue) → its documents in print order."""
from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import Qt

from reader.core.library.grouping import plan_source_tree
from reader.ui.tree import ROLE_DOC_ID, ROLE_KEY, ROLE_NODE, DocTreeModel, doc_ids_under


def _info(id_, title, file, first_line, date="2023-01-01"):
    return SimpleNamespace(id=id_, title=title, doc_number=None, date=date, issuers=[], canonical_issuers=[],
                           kind="通知", year=int(date[:4]), file=file, first_line=first_line,
                           last_line=first_line + 5)


def _top_rows(model):
    return [model.index(r, 0) for r in range(model.rowCount())]


def test_source_plan_groups_by_file_in_file_order(qtbot):
    docs = [
        _info("c", "丙文", "/公报/2023年第10期.txt", 90, "2023-05-01"),
        _info("a", "甲文", "/公报/2023年第10期.txt", 3, "2022-01-01"),
        _info("b", "乙文", "/公报/2023年第10期.txt", 40, "2023-12-31"),
        _info("d", "丁文", "/公报/2023年第2期.txt", 1),
        _info("e", "戊文", "/其他/2023年第2期.txt", 7),
    ]
    model = DocTreeModel()
    model.set_plan(plan_source_tree(docs))
    assert model.top_kind() == "source"
    rows = _top_rows(model)
    # 第2期 before 第10期; a name found in two folders shows its folder
    assert [r.data() for r in rows] == [
        "公报/2023年第2期.txt（1）", "其他/2023年第2期.txt（1）", "2023年第10期.txt（3）"]
    assert rows[2].data(ROLE_NODE) == "source" and rows[2].data(ROLE_KEY) == "/公报/2023年第10期.txt"
    assert "/公报/2023年第10期.txt" in rows[2].data(Qt.ItemDataRole.ToolTipRole)  # the full path
    # documents in print order (first line), not by date
    assert [model.index(i, 0, rows[2]).data(ROLE_DOC_ID) for i in range(3)] == ["a", "b", "c"]
    # the filter matches titles and file names; counts follow
    model.set_filter_text("乙文")
    assert [r.data() for r in _top_rows(model)] == ["2023年第10期.txt（1）"]
    model.set_filter_text("其他")
    assert [r.data() for r in _top_rows(model)] == ["其他/2023年第2期.txt（1）"]
    model.set_filter_text("")
    assert sorted(doc_ids_under(model, _top_rows(model))) == ["a", "b", "c", "d", "e"]


def test_window_source_view_reads_a_file_in_print_order_and_is_remembered(open_window, qtbot, make_settings):
    settings = make_settings()
    window = open_window(settings=settings)
    window.tree_mode.setCurrentIndex(window.tree_mode.findData("source"))
    model = window.tree_model
    assert model.top_kind() == "source"
    docs = window.service.documents()
    by_file: dict[str, list] = {}
    for d in docs:
        by_file.setdefault(d.file, []).append(d)
    assert sorted(model.top_keys()) == sorted(by_file)
    for r in range(model.rowCount()):
        top = model.index(r, 0)
        file = top.data(ROLE_KEY)
        shown = [model.index(i, 0, top).data(ROLE_DOC_ID) for i in range(model.rowCount(top))]
        assert shown == [d.id for d in sorted(by_file[file], key=lambda d: d.first_line)]
    gazette = max(by_file, key=lambda f: len(by_file[f]))
    assert len(by_file[gazette]) > 1, "a seed file holds several documents"
    # clicking a document opens it
    first = min(by_file[gazette], key=lambda d: d.first_line)
    window.tree.setCurrentIndex(model.find_doc(first.id))
    assert window.current_doc_id == first.id
    # remembered, and switching back gives the issuer view
    assert settings.tree_mode() == "source"
    again = open_window(settings=make_settings())
    assert again.tree_view_mode() == "source"
    qtbot.waitUntil(lambda: again.tree_model.top_kind() == "source" and again.tree_model.rowCount() > 0,
                    timeout=60_000)
    window.tree_mode.setCurrentIndex(window.tree_mode.findData("issuer"))
    assert model.top_kind() == "issuer" and settings.tree_mode() == "issuer"
