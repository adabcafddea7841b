"""The UI's strings go through Qt's translation: with the English file the menus are English."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication


def _menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_ui_speaks_chinese_and_can_be_translated(qtbot, make_settings, library_factory):
    from reader.ui.app import install_translations
    from reader.ui.main_window import MainWindow

    window = MainWindow(make_settings(), watch=False, library_factory=library_factory)
    qtbot.addWidget(window)
    assert _menu_titles(window) == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]

    app = QApplication.instance()
    translators = install_translations(app, "en")
    try:
        assert translators, "resources/translations/reader_en.qm loads"
        english = MainWindow(make_settings(), watch=False, library_factory=library_factory)
        qtbot.addWidget(english)
        assert _menu_titles(english) == ["&File", "&Edit", "&View", "&Help"]
        assert english.reading.legend_boxes["unit"].text() == "Responsible units"
        english.service.shutdown()
    finally:
        for tr in translators:
            app.removeTranslator(tr)
    window.service.shutdown()
