"""视图 → 字体…: typeface style (仿宋/宋体/楷体/黑体 when installed), size and line spacing, remembered."""
from __future__ import annotations

from reader.ui import theme
from reader.ui.fonts import DEFAULT_STYLE, families_for, font_choices


def test_only_installed_styles_are_offered_each_with_a_cjk_fallback():
    installed = ["DejaVu Sans", "FangSong", "WenQuanYi Micro Hei", "AR PL UKai CN"]
    keys = [c.key for c in font_choices(installed)]
    assert keys == [DEFAULT_STYLE, "fangsong", "kai", "hei"]  # no 宋体 face installed
    assert font_choices(installed)[1].label == "仿宋（FangSong）"
    fangsong = families_for("fangsong", installed)
    assert fangsong[0] == "FangSong" and fangsong[1] == "Noto Serif CJK SC" and "Noto Sans CJK SC" in fangsong
    assert families_for("song", installed) == theme.FONT_FAMILIES  # not installed: the default stack
    assert families_for("hei", ["wenquanyi micro hei"])[0] == "wenquanyi micro hei"  # case-insensitive


def test_font_dialog_changes_the_reading_text_and_is_remembered(open_window, make_settings, qtbot, monkeypatch):
    import reader.ui.fonts as fonts

    monkeypatch.setattr(fonts, "installed_families", lambda: ["WenQuanYi Micro Hei", "KaiTi"])
    monkeypatch.setattr(theme, "_reading_families", None)  # restored after the test
    monkeypatch.setattr(theme, "_line_height", theme.DEFAULT_LINE_HEIGHT)
    window = open_window(settings=make_settings())
    window.open_document(window.service.documents()[2].id)
    assert window.act_fonts in window.view_menu.actions()
    dialog = window.show_font_dialog()
    labels = [dialog.family.itemText(i) for i in range(dialog.family.count())]
    assert labels == ["默认（界面字体）", "楷体（KaiTi）", "黑体（WenQuanYi Micro Hei）"]
    dialog.family.setCurrentIndex(dialog.family.findData("kai"))
    dialog.size.setValue(17)
    dialog.spacing.setValue(200)
    assert dialog.preview.document().defaultFont().families()[0] == "KaiTi"
    dialog.accept()
    view = window.reading.view
    assert view.document().defaultFont().families()[0] == "KaiTi"
    assert view.font_size() == 17
    block = view.document().firstBlock().blockFormat()
    assert round(block.lineHeight()) == 200
    window.close()

    again = open_window(settings=make_settings())
    assert again.reading.view.font_size() == 17
    again.open_document(again.service.documents()[1].id)
    assert again.reading.view.document().defaultFont().families()[0] == "KaiTi"
    assert round(again.reading.view.document().firstBlock().blockFormat().lineHeight()) == 200
    dialog = again.show_font_dialog()
    assert dialog.values() == ("kai", 17, 200)
    dialog.restore_defaults()
    dialog.accept()
    assert again.reading.view.document().defaultFont().families() == theme.FONT_FAMILIES
    assert round(again.reading.view.document().firstBlock().blockFormat().lineHeight()) == 150
