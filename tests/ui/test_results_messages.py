"""Results rows and messages: two whole snippet lines with the mark on them, no "0 处" or
"无匹配" for filter-only queries, Ctrl+F folds like search, English plural forms."""
from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from reader.core.model import Document, Metadata
from reader.ui.reading import ReadingPane, find_in_text
from reader.ui.results import ResultDelegate, line_height, meta_line, snippet_text


def _hit(count=2, text="前文" * 40 + "关键词" + "后文" * 10):
    start = text.index("关键词")
    doc = SimpleNamespace(title="江澜市人民政府关于某事的通知", issuers=["江澜市人民政府"], canonical_issuers=[],
                          date="2023-05-06", doc_number=None)
    return SimpleNamespace(doc=doc, hit_count=count,
                           snippets=[SimpleNamespace(text=text, marks=[(start, start + 3)])])


def test_find_in_document_folds_like_search():
    text = "总投资约10亿元……其中，A类项目“ＡＢＣ”占50％。"
    ellipsis = text.index("…")
    assert find_in_text(text, "...") == [(ellipsis, ellipsis + 1), (ellipsis + 1, ellipsis + 2)]
    assert find_in_text(text, ",") == [(text.index("，"), text.index("，") + 1)]
    assert find_in_text(text, "abc") == [(text.index("ＡＢＣ"), text.index("ＡＢＣ") + 3)]
    assert find_in_text(text, "50%") == [(text.index("50％"), text.index("50％") + 3)]
    assert find_in_text(text, "") == []


def test_a_filter_only_query_shows_no_count_and_no_no_match(qtbot):
    assert "处" not in meta_line(_hit(count=0))
    assert meta_line(_hit(count=2)).startswith("2 处")
    pane = ReadingPane()
    qtbot.addWidget(pane)
    doc = Document("/tmp/a.txt", "utf-8", 1, 3, Metadata(title="测试"), "第一段。\n第二段。")
    pane.show_document(doc, query="年份:2022")
    assert pane.hit_label.text() == ""
    pane.set_query("没有的词")
    assert pane.hit_label.text() == "无匹配"


def test_result_rows_are_tall_enough_for_two_chinese_snippet_lines(qtbot):
    font = QApplication.font()
    option = QStyleOptionViewItem()
    option.font = font
    height = ResultDelegate().sizeHint(option, QModelIndex()).height()
    bold = QFont(font)
    bold.setBold(True)
    assert line_height(font) >= QFontMetrics(font).height()
    assert height >= line_height(bold) + 3 * line_height(font)


def test_the_first_mark_is_on_the_snippet_lines():
    text, marks = snippet_text(_hit(), lead=20)
    assert text.startswith("…") and text[marks[0][0]:marks[0][1]] == "关键词"
    assert marks[0][0] <= 20
    short, short_marks = snippet_text(_hit(text="关键词在前面"), lead=20)
    assert short == "关键词在前面" and short_marks == [(0, 3)]


def test_english_interface_counts_with_plural_forms(qtbot, make_settings, library_factory):
    from reader.ui.app import install_translations
    from reader.ui.results import ResultTexts
    from reader.ui.tasks_panel import LedgerModel

    app = QApplication.instance()
    translators = install_translations(app, "en")
    try:
        texts = ResultTexts()
        assert texts.hit_count(1) == "1 match" and texts.hit_count(3) == "3 matches"
        model = LedgerModel()
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        assert not any("\u4e00" <= ch <= "\u9fff" for h in headers for ch in h), headers
        from reader.ui.main_window import MainWindow

        window = MainWindow(make_settings(), watch=False, library_factory=library_factory)
        qtbot.addWidget(window)
        assert window.tr("%n 篇公文", "", 1) == "1 document"
        assert window.tr("%n 篇公文", "", 5) == "5 documents"
        window.service.shutdown()
    finally:
        for tr in translators:
            app.removeTranslator(tr)
