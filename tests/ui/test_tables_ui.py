"""Tables in the reading pane: a grid (QTextTable) whose cells keep their text offsets, a bold
header row, highlights and search hits inside cells, horizontal scrolling when wide."""
from __future__ import annotations

from PySide6.QtGui import QFont, QTextCursor

from reader.core.documents.pipeline import parse_text
from reader.ui import theme
from reader.ui.reading import ReadingPane
from tests.core.text.test_tables import NOTICE
from tests.ui.test_reading import backgrounds_at


def _pane(qtbot, doc, width=900):
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.resize(width, 600)
    pane.show()
    pane.show_document(doc)
    return pane


def _tables(view):
    doc = view.document()
    frames = [f for f in doc.rootFrame().childFrames()]
    from PySide6.QtGui import QTextTable

    return [f for f in frames if isinstance(f, QTextTable)]


def test_a_table_is_a_grid_with_its_cells_at_their_offsets(qtbot):
    (doc,) = parse_text(NOTICE)
    (table,) = doc.tables
    view = _pane(qtbot, doc).view
    (grid,) = _tables(view)
    assert (grid.rows(), grid.columns()) == (4, 4)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            assert grid.cellAt(r, c).firstCursorPosition().block().text() == cell
    # every block of the document sits at its offset in the reading text
    block = view.document().begin()
    while block.isValid():
        assert doc.text[block.position():block.position() + len(block.text())] == block.text()
        block = block.next()
    # the header row is bold, data rows are not
    head = grid.cellAt(0, 1).firstCursorPosition()
    head.movePosition(QTextCursor.MoveOperation.NextCharacter)
    assert head.charFormat().fontWeight() == QFont.Weight.Bold
    body = grid.cellAt(1, 1).firstCursorPosition()
    body.movePosition(QTextCursor.MoveOperation.NextCharacter)
    assert body.charFormat().fontWeight() != QFont.Weight.Bold


def test_dates_numbers_units_and_hits_are_marked_inside_cells(qtbot):
    (doc,) = parse_text(NOTICE)
    pane = _pane(qtbot, doc)
    view = pane.view
    view.apply_highlights(range(view.document().blockCount()))
    date = next(s for s in doc.entities if s.text == "2023年9月底前")
    number = next(s for s in doc.entities if s.text == "300张")
    assert theme.HIGHLIGHTS["date"].background in backgrounds_at(view, date.start)
    assert theme.HIGHLIGHTS["number"].background in backgrounds_at(view, number.start)
    pane.set_query("区住建局")
    assert len(view.hits()) >= 2
    start, end = view.hits()[0]
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "区住建局"


def test_a_wide_table_scrolls_sideways_and_cells_wrap(qtbot):
    rows = ["\t".join(f"第{c}列的一段较长的单元格文字，需要在格内换行显示" for c in range(8))] * 3
    text = "江澜市统计局关于某表的通知\n各单位：\n" + "\n".join(rows) + "\n江澜市统计局\n2023年1月1日\n"
    (doc,) = parse_text(text)
    assert doc.tables and len(doc.tables[0].rows[0]) == 8
    view = _pane(qtbot, doc, width=700).view
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() > 0)
    (grid,) = _tables(view)
    cell_block = grid.cellAt(1, 0).firstCursorPosition().block()
    assert cell_block.layout().lineCount() > 1  # wrapped inside its cell


def test_text_without_tables_is_unchanged(qtbot):
    (doc,) = parse_text("江澜市人民政府关于某事的通知\n各单位：\n现将有关事项通知如下。\n")
    view = _pane(qtbot, doc).view
    assert not _tables(view) and view.document().toPlainText() == doc.text
