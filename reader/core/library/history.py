"""Where the reader has been: back/forward across a session and the recent-documents list.

Plain data, no Qt: the window keeps one NavHistory per session and stores the recent list
(DocKey records, newest first) in its settings.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from reader.core.documents.identity import DocKey

RECENT_LIMIT = 10  # 文件 → 最近打开 shows this many: one screen of a menu
HISTORY_LIMIT = 200  # back steps kept in a session; older ones are dropped


class NavHistory:
    """Browser-style history of document ids: visiting a new document clears forward."""

    def __init__(self) -> None:
        self.current: str | None = None
        self._back: list[str] = []
        self._forward: list[str] = []

    def visit(self, doc_id: str) -> None:
        if doc_id == self.current:
            return
        if self.current is not None:
            self._back.append(self.current)
            del self._back[:-HISTORY_LIMIT]
        self._forward.clear()
        self.current = doc_id

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def back(self) -> str | None:
        """Step back; the id to show, or None at the start."""
        if not self._back:
            return None
        if self.current is not None:
            self._forward.append(self.current)
        self.current = self._back.pop()
        return self.current

    def forward(self) -> str | None:
        if not self._forward:
            return None
        if self.current is not None:
            self._back.append(self.current)
        self.current = self._forward.pop()
        return self.current

    def forget(self, doc_ids: Iterable[str]) -> None:
        """Drop ids that no longer exist (re-indexing removed them) from both directions."""
        gone = set(doc_ids)
        self._back = [d for d in self._back if d not in gone]
        self._forward = [d for d in self._forward if d not in gone]


def push_recent(recent: Sequence[DocKey], key: DocKey, limit: int = RECENT_LIMIT) -> list[DocKey]:
    """`key` first, then the others that are not the same document, at most `limit`."""
    return [key, *(k for k in recent if not k.same_document(key))][:limit]
