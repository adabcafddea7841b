"""打开原文件 / 打开所在文件夹: hand a document's source file to the desktop.

The system's default program opens the .txt (or its file manager the folder); this app never
writes to it. A file moved or deleted since indexing gives a message instead.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices


def source_url(path: str, folder: bool = False) -> QUrl:
    target = Path(path).parent if folder else Path(path)
    return QUrl.fromLocalFile(str(target))


def open_source(path: str | None, folder: bool = False) -> str | None:
    """Open the file (or its folder); None on success, else the message to show."""
    if not path:
        return QCoreApplication.translate("Source", "没有打开的公文")
    target = Path(path).parent if folder else Path(path)
    if not target.exists():
        return QCoreApplication.translate("Source", "找不到 %1（可能已移动或删除）").replace("%1", str(target))
    if not QDesktopServices.openUrl(source_url(path, folder)):
        return QCoreApplication.translate("Source", "系统无法打开 %1").replace("%1", str(target))
    return None
