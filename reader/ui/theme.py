"""Fonts, highlight colours and the style sheet: the look in one place."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont, QGuiApplication

from reader.core.seeds import resources_dir

# "Noto Sans CJK SC" first: with fonts-noto-cjk installed, Qt otherwise picks the Japanese
# glyph shapes for shared ideographs.
FONT_FAMILIES = [
    "Noto Sans CJK SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
    "Source Han Sans SC",
    "Noto Sans SC",
    "sans-serif",
]
READING_FONT_FAMILIES = [
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "SimSun",
    "Songti SC",
    *FONT_FAMILIES,
]

DEFAULT_READING_SIZE = 13
MIN_READING_SIZE = 8
MAX_READING_SIZE = 40


@dataclass(frozen=True)
class HighlightStyle:
    type: str
    background: str
    foreground: str
    underline: bool = False


# Four classes, four hues far apart (blue, amber, green, purple) as light tints so the dark
# text on top stays legible; a doc reference the library holds is a link: underlined.
HIGHLIGHTS: dict[str, HighlightStyle] = {
    "date": HighlightStyle("date", "#d0e4ff", "#0b3d91"),
    "number": HighlightStyle("number", "#ffe2b8", "#7a3e00"),
    "unit": HighlightStyle("unit", "#cdeecf", "#14532d"),
    "docref": HighlightStyle("docref", "#eadcf8", "#6b21a8"),  # underlined when it is a link
}
HIT_BACKGROUND = "#fff176"
CURRENT_HIT_BACKGROUND = "#ff9632"
TABLE_BORDER = "#b8bec9"
TABLE_HEADER_BACKGROUND = "#eef1f6"


def highlight_label(kind: str) -> str:
    labels = {
        "date": QCoreApplication.translate("Highlights", "日期与时限"),
        "number": QCoreApplication.translate("Highlights", "数量与指标"),
        "unit": QCoreApplication.translate("Highlights", "责任单位"),
        "docref": QCoreApplication.translate("Highlights", "引用文号"),
    }
    return labels[kind]


def ui_font(point_size: float | None = None) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    if point_size:
        font.setPointSizeF(point_size)
    return font


# The reader's choice (视图 → 字体…, reader.ui.fonts): None is the default sans stack.
_reading_families: list[str] | None = None
DEFAULT_LINE_HEIGHT = 150  # percent
_line_height = DEFAULT_LINE_HEIGHT


def set_reading_style(families: list[str] | None, line_height: int = DEFAULT_LINE_HEIGHT) -> None:
    """Typeface stack and line spacing (percent) of reading texts shown from now on."""
    global _reading_families, _line_height
    _reading_families = list(families) if families else None
    _line_height = int(line_height)


def reading_line_height() -> int:
    return _line_height


def reading_font(point_size: float) -> QFont:
    font = QFont()
    # By default the reading text uses the same sans family as the UI: Noto Serif CJK is rarely
    # installed, and mixing a Japanese-shaped fallback into reading text looks wrong.
    font.setFamilies(_reading_families or FONT_FAMILIES)
    font.setPointSizeF(point_size)
    return font


def color(name: str) -> QColor:
    return QColor(name)


def load_stylesheet(name: str = "reader.qss") -> str:
    path = Path(resources_dir()) / "styles" / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def apply_app_look(app: QGuiApplication) -> None:
    app.setFont(ui_font(app.font().pointSizeF() or 10))
    sheet = load_stylesheet()
    if sheet and hasattr(app, "setStyleSheet"):
        app.setStyleSheet(sheet)
