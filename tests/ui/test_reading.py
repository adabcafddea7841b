"""Reading pane: highlight classes, text shown literally, find, zoom, doc-reference links."""
from __future__ import annotations

from reader.core.model import Document, Metadata, Span
from reader.ui import theme
from reader.ui.reading import ReadingPane


def make_doc(text: str, spans=(), title="测试文件", number=None) -> Document:
    return Document(file="/tmp/测试.txt", encoding="utf-8", first_line=1, last_line=text.count("\n") + 1,
                    meta=Metadata(title=title, doc_number=number), text=text, entities=list(spans))


def span(text: str, kind: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(kind, start, start + len(needle), needle)


TEXT = (
    "一、工作目标\n"
    "到2025年6月底前，全市新增贷款6000亿元，增长15%。\n"
    "（责任单位：市财政局、市发改委）\n"
    "根据国办发〔2008〕116号和甬政发〔2021〕9号文件精神执行。"
)
SPANS = [
    span(TEXT, "date", "2025年6月底前"),
    span(TEXT, "number", "6000亿元"),
    span(TEXT, "number", "15%"),
    span(TEXT, "unit", "市财政局"),
    span(TEXT, "unit", "市发改委"),
    span(TEXT, "docref", "国办发〔2008〕116号"),
    span(TEXT, "docref", "甬政发〔2021〕9号"),
]


def backgrounds_at(view, start: int) -> set[str]:
    block = view.document().findBlock(start)
    col = start - block.position()
    return {
        r.format.background().color().name()
        for r in block.layout().formats()
        if r.start <= col < r.start + r.length
    }


def test_each_class_gets_its_own_colour_and_can_be_switched_off(qtbot):
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.resize(900, 600)
    pane.show()
    pane.show_document(make_doc(TEXT, SPANS))
    view = pane.view
    for s in SPANS:
        assert theme.HIGHLIGHTS[s.type].background in backgrounds_at(view, s.start), s
    colours = {style.background for style in theme.HIGHLIGHTS.values()}
    assert len(colours) == 4  # four distinguishable colours
    pane.set_enabled_types({"date", "number", "docref"})
    unit = SPANS[3]
    assert theme.HIGHLIGHTS["unit"].background not in backgrounds_at(view, unit.start)
    assert theme.HIGHLIGHTS["date"].background in backgrounds_at(view, SPANS[0].start)
    assert not pane.legend_boxes["unit"].isChecked()
    assert view.highlight_counts()["unit"] == 0 and view.highlight_counts()["number"] == 2


def test_highlights_exist_for_each_class_in_a_seed_document(open_window):
    window = open_window()
    best, best_kinds = None, set()
    for info in window.service.documents():
        doc = window.service.document(info.id)
        kinds = {s.type for s in doc.entities}
        if len(kinds) > len(best_kinds):
            best, best_kinds = doc, kinds
    assert best is not None and {"date", "number", "unit"} <= best_kinds
    window.open_document(best.id)
    view = window.reading.view
    for kind in best_kinds:
        first = next(s for s in best.entities if s.type == kind)
        view.scroll_to(first.start)
        assert theme.HIGHLIGHTS[kind].background in backgrounds_at(view, first.start), kind
        assert window.entity_panel.item_texts(kind), kind


def test_markup_in_a_source_is_shown_literally(qtbot):
    text = ('<table border=1><tr><td>项目</td><td>金额</td></tr></table>\n'
            '<script>alert("x")</script><b>粗体</b> &amp; <img src=x>\n'
            '<qt><font color=red>红字</font></qt>')
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.show()
    pane.show_document(make_doc(text, title="<b>标题</b><br>第二行"))
    assert pane.view.toPlainText() == text
    assert pane.title_label.text() == "<b>标题</b><br>第二行"
    assert pane.title_label.textFormat().name == "PlainText"
    assert pane.view.document().toPlainText().count("<td>") == 2


def test_find_in_document_counts_and_moves(qtbot):
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.show()
    pane.show_document(make_doc("甲乙丙，甲乙。\n丁甲乙"))
    pane.open_find()
    pane.find_bar.field.setText("甲乙")
    assert pane.view.hits() == [(0, 2), (4, 6), (9, 11)]
    assert pane.hit_label.text() == "第 1 / 3 处"
    pane.next_hit()
    pane.next_hit()
    assert pane.view.current_hit() == 2
    pane.next_hit()
    assert pane.view.current_hit() == 0  # wraps
    pane.previous_hit()
    assert pane.view.current_hit() == 2
    pane.find_bar.close_bar()
    assert pane.view.hits() == []


def test_zoom_changes_the_reading_font(qtbot):
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.show_document(make_doc("文字"))
    before = pane.view.font_size()
    pane.zoom(2)
    assert pane.view.font_size() == before + 2
    assert pane.view.document().defaultFont().pointSizeF() == before + 2
    pane.zoom(-3)
    assert pane.view.font_size() == before - 1


def test_docref_to_a_document_in_the_library_is_a_link(qtbot):
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.resize(900, 600)
    pane.show()
    pane.show_document(make_doc(TEXT, SPANS), links={"甬政发〔2021〕9号"})
    view = pane.view
    linked, unlinked = SPANS[6], SPANS[5]
    block = view.document().findBlock(linked.start)
    fmts = {(r.start + block.position(), r.format.isAnchor() or r.format.fontUnderline())
            for r in block.layout().formats()}
    assert (linked.start, True) in fmts
    # a click on the linked reference asks to open it; the other one is not a link
    cursor = view.textCursor()
    cursor.setPosition(linked.start + 2)
    point = view.cursorRect(cursor).center()
    assert view.docref_at(point) == "甬政发〔2021〕9号"
    cursor.setPosition(unlinked.start + 2)
    assert view.docref_at(view.cursorRect(cursor).center()) is None
    with qtbot.waitSignal(view.docref_clicked) as blocker:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        cursor.setPosition(linked.start + 2)
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.cursorRect(cursor).center())
    assert blocker.args == ["甬政发〔2021〕9号"]


def test_copy_puts_the_selected_text_on_the_clipboard(qtbot):
    from PySide6.QtGui import QGuiApplication, QTextCursor

    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.show_document(make_doc("第一段。\n第二段。"))
    cursor = pane.view.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(4, QTextCursor.MoveMode.KeepAnchor)
    pane.view.setTextCursor(cursor)
    pane.copy()
    assert QGuiApplication.clipboard().text() == "第一段。"


def test_header_says_unknown_and_marks_an_issue_year(qtbot):
    pane = ReadingPane()
    qtbot.addWidget(pane)
    doc = make_doc("关于某项工作的报告\n正文。", title="关于某项工作的报告")
    doc.meta.year, doc.meta.year_source = 2024, "issue"
    pane.show_document(doc)
    text = pane.meta_label.text()
    assert "—" not in text
    assert "文号：未识别" in text and "成文日期：未识别" in text and "文种：未识别" in text
    assert "年份：2024（取自本期）" in text
    doc.meta.year_source = ""  # a document read back from an index that keeps only the year
    pane.show_document(doc)
    assert "年份：2024" in pane.meta_label.text() and "取自本期" not in pane.meta_label.text()
