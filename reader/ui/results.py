"""Search results: a list model over search hits and a delegate that draws them.

Each row: title, then hit count · date · issuer · 文号, then two lines of snippet with the
hits marked (the first mark always on them); rows are as tall as laid-out Chinese lines.
Snippets are laid out as plain text (QTextLayout + format ranges), never as HTML.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QObject, QModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from reader.ui import theme
from reader.ui.itempaint import SUBTLE, draw_item_frame
from reader.ui.plain import plain_tooltip

ROLE_HIT = Qt.ItemDataRole.UserRole + 1
ROLE_DOC_ID = Qt.ItemDataRole.UserRole + 2


class ResultsModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.hits: list = []

    def set_hits(self, hits: Sequence) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.doc.title
        if role == ROLE_HIT:
            return hit
        if role == ROLE_DOC_ID:
            return hit.doc.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip("\n".join(x for x in (hit.doc.title, hit.doc.doc_number or "", hit.doc.file) if x))
        return None


class ResultTexts(QObject):
    """Texts with a count: tr() with n picks the plural form ("1 match", "3 matches")."""

    def hit_count(self, n: int) -> str:
        return self.tr("%n 处", "", n)


_TEXTS = ResultTexts()


def meta_line(hit) -> str:
    doc = hit.doc
    issuers = "、".join(doc.issuers or doc.canonical_issuers) or QCoreApplication.translate("Results", "未识别")
    parts = [doc.date or QCoreApplication.translate("Results", "日期未识别"), issuers]
    if hit.hit_count:  # a filter-only query matches no words: no count to show
        parts.insert(0, _TEXTS.hit_count(hit.hit_count))
    if doc.doc_number:
        parts.append(doc.doc_number)
    return " · ".join(parts)


def snippet_text(hit, lead: int | None = None) -> tuple[str, list[tuple[int, int]]]:
    """The first snippet (one line, newlines folded) and its marks.

    With `lead`, a snippet whose first mark lies further in than that many characters is
    cut to start `lead // 2` characters before it, behind an ellipsis, so the mark shows.
    """
    if not hit.snippets:
        return "", []
    snippet = hit.snippets[0]
    text, marks = snippet.text.replace("\n", " "), list(snippet.marks)
    if lead is not None and marks and marks[0][0] > lead:
        cut = marks[0][0] - lead // 2
        text = "…" + text[cut:]
        marks = [(a - cut + 1, b - cut + 1) for a, b in marks if a >= cut]
    return text, marks


def line_height(font: QFont) -> float:
    """The height of a laid-out line of Chinese text in this font.

    Chinese glyphs come from a fallback CJK font whose lines are taller than the font's
    own metrics say (QFontMetrics.height()), so rows sized by those metrics clip the second
    snippet line.
    """
    layout = QTextLayout(CJK_SAMPLE, font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10000)
    layout.endLayout()
    return max(line.height(), QFontMetrics(font).height())


CJK_SAMPLE = "国务院办公厅关于印发的通知Ag"


class ResultDelegate(QStyledItemDelegate):
    PADDING = 6
    SNIPPET_LINES = 2

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        title_font = QFont(option.font)
        title_font.setBold(True)
        h = math.ceil(line_height(option.font))
        return QSize(200, self.PADDING * 2 + math.ceil(line_height(title_font)) + 2 + h + 2
                     + h * self.SNIPPET_LINES + 4)

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        hit = index.data(ROLE_HIT)
        opt, _ = draw_item_frame(self, painter, option, index)
        if hit is None:
            return
        text_color = opt.palette.text().color()
        grey = SUBTLE
        rect = opt.rect.adjusted(self.PADDING + 2, self.PADDING, -self.PADDING, -self.PADDING)
        painter.save()
        title_font = QFont(opt.font)
        title_font.setBold(True)
        fm_title = QFontMetrics(title_font)
        title_h = math.ceil(line_height(title_font))
        painter.setFont(title_font)
        painter.setPen(text_color)
        y = rect.top()
        painter.drawText(QRect(rect.left(), y, rect.width(), title_h),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm_title.elidedText(hit.doc.title, Qt.TextElideMode.ElideRight, rect.width()))
        y += title_h + 2
        fm = QFontMetrics(opt.font)
        h = math.ceil(line_height(opt.font))
        painter.setFont(opt.font)
        painter.setPen(grey)
        painter.drawText(QRect(rect.left(), y, rect.width(), h),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(meta_line(hit), Qt.TextElideMode.ElideRight, rect.width()))
        y += h + 2
        per_line = max(4, int(rect.width() / max(1, fm.horizontalAdvance("国"))))
        text, marks = snippet_text(hit, lead=per_line)
        if text:
            self._draw_snippet(painter, opt.font, text, marks, rect.left(), y, rect.width(),
                               h * self.SNIPPET_LINES, text_color)
        painter.restore()

    def _draw_snippet(self, painter, font, text, marks, x, y, width, max_height, color) -> None:
        layout = QTextLayout(text, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        mark = QTextCharFormat()
        mark.setBackground(QColor(theme.HIT_BACKGROUND))
        mark.setForeground(QColor("#000000"))
        mark.setFontWeight(QFont.Weight.Bold)
        ranges = []
        for start, end in marks:
            if 0 <= start < end <= len(text):
                r = QTextLayout.FormatRange()
                r.start, r.length, r.format = start, end - start, mark
                ranges.append(r)
        layout.setFormats(ranges)
        layout.beginLayout()
        height = 0.0
        for _ in range(self.SNIPPET_LINES):
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, height))
            height += line.height()
        layout.endLayout()
        painter.setPen(color)
        painter.setClipRect(QRect(x, y, width, int(max_height) + 1))
        layout.draw(painter, QPointF(x, y))
        painter.setClipping(False)
