"""Rows of tabs that hide no tab while shortened labels fit: when a panel is narrower than its row
(English labels at 1024 pixels), the labels are shortened with … before any tab is scrolled
behind arrows (only a window narrower still scrolls), and a shortened label shows its whole text
on hover."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QTabWidget, QToolTip

from reader.ui.plain import plain_tooltip


class _WholeLabelTips(QObject):
    """A tab's own tooltip if it has one, else its whole label."""

    def eventFilter(self, bar, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            index = bar.tabAt(event.pos())
            if index >= 0 and not bar.tabToolTip(index):
                QToolTip.showText(event.globalPos(), plain_tooltip(bar.tabText(index)), bar)
                return True
        return False


def never_hide_tabs(tabs: QTabWidget) -> None:
    bar = tabs.tabBar()
    bar.setElideMode(Qt.TextElideMode.ElideRight)
    bar.installEventFilter(_WholeLabelTips(bar))
