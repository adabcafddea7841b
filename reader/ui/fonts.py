"""视图 → 字体…: the reading text's typeface (仿宋, 宋体, 楷体, 黑体), size and line spacing.

Official documents are printed in 仿宋 (body), 宋体/小标宋 (titles), 楷体 and 黑体 (headings);
readers used to paper want the same face on screen. Which faces exist depends on the machine,
so a style is offered when one of its known families is installed (QFontDatabase), and every
choice ends in a CJK fallback ("Noto Serif CJK SC" / "Noto Sans CJK SC" and the UI's sans
stack) so a character the face lacks still renders.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase, QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader.ui import theme

# Known family names per style, preferred first (Windows, macOS, Linux names, then CJK families
# that draw the same style).
STYLE_FAMILIES: dict[str, list[str]] = {
    "fangsong": ["FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "华文仿宋", "FangSong SC"],
    "song": ["SimSun", "宋体", "NSimSun", "新宋体", "Songti SC", "STSong", "华文宋体", "Source Han Serif SC",
             "Noto Serif CJK SC", "AR PL UMing CN"],
    "kai": ["KaiTi", "楷体", "KaiTi_GB2312", "楷体_GB2312", "STKaiti", "华文楷体", "Kaiti SC", "AR PL UKai CN"],
    "hei": ["SimHei", "黑体", "Heiti SC", "STHeiti", "华文黑体", "Microsoft YaHei", "Source Han Sans SC",
            "Noto Sans CJK SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei"],
}
SERIF_STYLES = {"fangsong", "song", "kai"}  # their fallback is the serif CJK face first
DEFAULT_STYLE = "default"  # the UI's CJK sans stack (theme.FONT_FAMILIES)
DEFAULT_LINE_SPACING = 150  # percent of the line height: the reading pane's long-standing look
MIN_LINE_SPACING, MAX_LINE_SPACING = 100, 300


@dataclass(frozen=True)
class FontChoice:
    key: str  # "default" or a STYLE_FAMILIES key
    label: str
    family: str | None  # the installed family it uses (None: the default stack)


def style_label(key: str) -> str:
    return {
        "default": QCoreApplication.translate("Fonts", "默认（界面字体）"),
        "fangsong": QCoreApplication.translate("Fonts", "仿宋"),
        "song": QCoreApplication.translate("Fonts", "宋体"),
        "kai": QCoreApplication.translate("Fonts", "楷体"),
        "hei": QCoreApplication.translate("Fonts", "黑体"),
    }[key]


def installed_family(key: str, installed: Iterable[str]) -> str | None:
    have = {f.casefold(): f for f in installed}
    for name in STYLE_FAMILIES.get(key, []):
        if name.casefold() in have:
            return have[name.casefold()]
    return None


def font_choices(installed: Iterable[str]) -> list[FontChoice]:
    """The default stack, then each style that has an installed family."""
    installed = list(installed)
    choices = [FontChoice(DEFAULT_STYLE, style_label(DEFAULT_STYLE), None)]
    for key in STYLE_FAMILIES:
        family = installed_family(key, installed)
        if family:
            choices.append(FontChoice(key, f"{style_label(key)}（{family}）", family))
    return choices


def families_for(key: str, installed: Iterable[str]) -> list[str]:
    """The family list for a style: its installed face, then fallbacks that always draw CJK."""
    family = installed_family(key, installed) if key != DEFAULT_STYLE else None
    if family is None:
        return list(theme.FONT_FAMILIES)
    fallback = ["Noto Serif CJK SC"] if key in SERIF_STYLES else []
    return list(dict.fromkeys([family, *fallback, *theme.FONT_FAMILIES]))


def installed_families() -> list[str]:
    return list(QFontDatabase.families())


SAMPLE = (
    "关于进一步加强预算执行管理的通知\n"
    "各区（县、市）人民政府，市直及部省属驻甬各单位：\n"
    "2023年6月底前完成，新增贷款6000亿元。"
)


class FontDialog(QDialog):
    def __init__(self, style: str, size: int, spacing: int, parent: QWidget | None = None,
                 installed: Iterable[str] | None = None):
        super().__init__(parent)
        self.setObjectName("fontDialog")
        self.setWindowTitle(self.tr("阅读字体"))
        self.installed = list(installed) if installed is not None else installed_families()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.family = QComboBox(self)
        for choice in font_choices(self.installed):
            self.family.addItem(choice.label, choice.key)
        self.family.setCurrentIndex(max(0, self.family.findData(style)))
        self.size = QSpinBox(self)
        self.size.setRange(theme.MIN_READING_SIZE, theme.MAX_READING_SIZE)
        self.size.setSuffix(self.tr(" 磅"))
        self.size.setValue(int(size))
        self.spacing = QSpinBox(self)
        self.spacing.setRange(MIN_LINE_SPACING, MAX_LINE_SPACING)
        self.spacing.setSingleStep(10)
        self.spacing.setSuffix(" %")
        self.spacing.setValue(int(spacing))
        form.addRow(self.tr("字体："), self.family)
        form.addRow(self.tr("字号："), self.size)
        form.addRow(self.tr("行距："), self.spacing)
        layout.addLayout(form)
        self.preview = QTextEdit(self)
        self.preview.setObjectName("fontPreview")
        self.preview.setReadOnly(True)
        self.preview.setAcceptRichText(False)
        self.preview.setMinimumSize(460, 150)
        layout.addWidget(self.preview, 1)
        note = QLabel(self.tr("只列出本机已安装的字体；缺字时自动用思源/Noto 中文字体补足。"), self)
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore_defaults)
        layout.addWidget(buttons)
        for signal in (self.family.currentIndexChanged, self.size.valueChanged, self.spacing.valueChanged):
            signal.connect(self._update_preview)
        self._update_preview()

    def restore_defaults(self) -> None:
        self.family.setCurrentIndex(max(0, self.family.findData(DEFAULT_STYLE)))
        self.size.setValue(theme.DEFAULT_READING_SIZE)
        self.spacing.setValue(DEFAULT_LINE_SPACING)

    def values(self) -> tuple[str, int, int]:
        return self.family.currentData() or DEFAULT_STYLE, self.size.value(), self.spacing.value()

    def _update_preview(self) -> None:
        style, size, spacing = self.values()
        font = theme.reading_font(size)
        font.setFamilies(families_for(style, self.installed))
        doc = self.preview.document()
        doc.setDefaultFont(font)
        self.preview.setPlainText(SAMPLE)
        cursor = QTextCursor(doc)
        cursor.select(QTextCursor.SelectionType.Document)
        block = QTextBlockFormat()
        block.setLineHeight(spacing, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.mergeBlockFormat(block)
