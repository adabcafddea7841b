"""The links of reader.core.ledger.links, computed on a worker thread once per library update."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QThread, Signal

from reader.core.ledger.links import compute_links


class LinksWorker(QThread):
    done = Signal(object)  # (worker, LibraryLinks | Exception | None)

    def __init__(self, stored: Callable, unknown: str, version: int, parent=None):
        super().__init__(parent)
        self.stored, self.unknown = stored, unknown
        self.version = version  # the service's state the links are of
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    def cancelled(self) -> bool:
        return self._cancelled

    def run(self) -> None:
        try:
            result = compute_links(self.stored(self.cancelled), self.unknown, self.cancelled)
            if result is not None:
                result.version = self.version
        except Exception as exc:  # shown in the status bar, never a crash
            result = exc
        self.done.emit((self, result))
