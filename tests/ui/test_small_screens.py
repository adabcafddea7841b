"""At 1024x700 every tab, group name and dialog is whole: tabs are not hidden behind scroll
arrows, a group's name gives way to its unread badge but keeps its count, and the dialogs fit
the screen."""
from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication


def _settle(qtbot):
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(20)


def test_at_1024_pixels_every_tab_is_shown_whole(open_window, search, qtbot):
    window = open_window()
    window.resize(1024, 700)
    _settle(qtbot)
    window.splitter.setSizes([240, 600, 170])  # panels narrower than their tabs (as saved, say)
    _settle(qtbot)
    assert window.left_tabs.tabBar().sizeHint().width() > window.left_tabs.width()
    search(window, "通知")  # 搜索结果（n）: a wider tab
    window.open_document(window.service.documents()[0].id)
    _settle(qtbot)
    assert window.width() == 1024
    for tabs in (window.left_tabs, window.side_tabs):
        assert tabs.tabBar().sizeHint().width() <= tabs.width(), [tabs.tabText(i) for i in range(tabs.count())]
    # the reading pane keeps at least its narrowest width, and the window can still be narrower
    assert window.reading.width() >= window.reading.minimumSizeHint().width()
    window.resize(760, 560)
    _settle(qtbot)
    assert window.width() == 760


def test_a_long_group_name_is_shortened_and_keeps_its_count(qapp):
    from reader.ui.tree import fit_group_label

    fm = QFontMetrics(QFont())
    text = "宁波市人民代表大会常务委员会办公厅（16）"
    width = fm.horizontalAdvance(text) // 2
    shown = fit_group_label(text, fm, width)
    assert shown.endswith("…（16）") and shown.startswith("宁波市")
    assert fm.horizontalAdvance(shown) <= width
    assert fit_group_label(text, fm, fm.horizontalAdvance(text) + 10) == text
    assert fit_group_label("其他", fm, 200) == "其他"


def test_dialogs_fit_the_screen(open_window, qtbot):
    window = open_window()
    window.open_document(window.service.documents()[0].id)
    area = window.screen().availableGeometry()
    dialogs = [window.show_deadlines(), window.show_search_help(), window.show_print_preview()]
    window.show_ledger()
    dialogs.append(window.ledger)
    for dialog in dialogs:
        _settle(qtbot)
        assert dialog.width() <= area.width() and dialog.height() <= area.height(), (dialog, dialog.size(), area)
        dialog.close()


def test_the_legend_wraps_onto_rows_instead_of_widening_the_reading_pane(qtbot):
    from reader.core.documents.pipeline import parse_text
    from reader.ui.reading import READING_MIN_WIDTH, ReadingPane
    from tests.core.text.test_tables import NOTICE

    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.show()
    pane.show_document(parse_text(NOTICE)[0])
    rows = {}
    for width in (1400, READING_MIN_WIDTH):
        pane.resize(width, 600)
        _settle(qtbot)
        boxes = list(pane.legend_boxes.values())
        for box in boxes:  # every class whole inside the pane
            right = box.mapTo(pane, box.rect().topRight()).x()
            assert box.isVisible() and right < pane.width(), (width, box.text(), right)
        rows[width] = len({box.mapTo(pane, box.rect().topLeft()).y() for box in boxes})
    assert rows[1400] == 1 and rows[READING_MIN_WIDTH] >= 2
    assert pane.minimumSizeHint().width() <= READING_MIN_WIDTH


def test_in_english_at_1024_pixels_no_tab_is_hidden_and_a_shortened_one_says_its_name(
        qtbot, make_settings, library_factory, search):
    """English labels need about 700 pixels next to the reading pane: they are shortened, never
    scrolled out of sight, and hovering a tab shows its whole label."""
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    from reader.ui.app import install_translations
    from reader.ui.main_window import MainWindow

    app = QApplication.instance()
    translators = install_translations(app, "en")
    try:
        window = MainWindow(make_settings(), watch=False, library_factory=library_factory)
        qtbot.addWidget(window)
        window.show()
        window.start()
        qtbot.waitUntil(lambda: bool(window.service.documents()), timeout=60_000)
        window.resize(1024, 700)
        _settle(qtbot)
        search(window, "通知")
        window.open_document(window.service.documents()[0].id)
        _settle(qtbot)
        shortened = []
        for tabs in (window.left_tabs, window.side_tabs):
            bar = tabs.tabBar()
            assert bar.tabRect(bar.count() - 1).right() <= bar.width(), [tabs.tabText(i) for i in range(tabs.count())]
            if bar.sizeHint().width() > bar.width():
                shortened.append(bar)
        assert shortened, "at 1024 pixels the English tabs need more room than they have: the test shows nothing"
        bar = shortened[0]
        centre = bar.tabRect(0).center()
        QApplication.sendEvent(bar, QHelpEvent(QEvent.Type.ToolTip, centre, bar.mapToGlobal(QPoint(centre))))
        assert QToolTip.text() == bar.tabText(0) and QToolTip.text().isascii()
        window.service.shutdown()
    finally:
        for tr in translators:
            app.removeTranslator(tr)
