"""Painting shared by the delegates that draw their own rows (tree, results, tasks, references)."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

SUBTLE = QColor("#6b7280")  # second lines: metadata, roles, dates


def draw_item_frame(delegate: QStyledItemDelegate, painter: QPainter, option: QStyleOptionViewItem,
                    index: QModelIndex) -> tuple[QStyleOptionViewItem, str]:
    """Draw an item's background, selection and focus as the style does, but not its text.

    Returns the initialised option (for font, palette, rect) and the text the style would
    have drawn, which the caller paints itself.
    """
    opt = QStyleOptionViewItem(option)
    delegate.initStyleOption(opt, index)
    text = opt.text
    opt.text = ""
    style = opt.widget.style() if opt.widget else None
    if style is not None:
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
    return opt, text


def draw_two_lines(painter: QPainter, opt: QStyleOptionViewItem, rect: QRect, top_text: str, sub: str) -> None:
    """The row's text on top, elided to the width, and a smaller grey line under it."""
    fm = QFontMetrics(opt.font)
    painter.save()
    painter.setFont(opt.font)
    painter.setPen(opt.palette.text().color())  # the theme's selection is a light tint
    top = QRect(rect.left(), rect.top(), rect.width(), fm.height())
    painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     fm.elidedText(top_text, Qt.TextElideMode.ElideRight, rect.width()))
    small = QFont(opt.font)
    small.setPointSizeF(max(7.0, opt.font.pointSizeF() - 1))
    painter.setFont(small)
    painter.setPen(SUBTLE)
    bottom = QRect(rect.left(), rect.top() + fm.height() + 2, rect.width(), fm.height())
    painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     QFontMetrics(small).elidedText(sub, Qt.TextElideMode.ElideRight, rect.width()))
    painter.restore()
