"""What the app remembers between runs, kept in QSettings.

Lists are stored as JSON strings: QSettings' own list handling differs between the INI and
native back ends (a one-element list comes back as a plain string).
"""
from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QSettings

from reader.ui.theme import DEFAULT_READING_SIZE, HIGHLIGHTS, MAX_READING_SIZE, MIN_READING_SIZE

ORGANIZATION = "gongwen-reader"
APPLICATION = "reader"


class Settings:
    def __init__(self, store: QSettings | None = None):
        self.store = store if store is not None else QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
        )

    # -- library folders; None means "never set": first run opens the bundled seeds
    def folders(self) -> list[str] | None:
        raw = self.store.value("library/folders")
        if raw is None:
            return None
        try:
            value = json.loads(str(raw))
        except ValueError:
            return None
        return [str(f) for f in value] if isinstance(value, list) else None

    def set_folders(self, folders: list[str]) -> None:
        self.store.setValue("library/folders", json.dumps(list(folders), ensure_ascii=False))

    # -- window
    def _bytes(self, key: str) -> QByteArray | None:
        value = self.store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def splitter_state(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    def save_window(self, geometry: QByteArray, state: QByteArray, splitter: QByteArray) -> None:
        self.store.setValue("window/geometry", geometry)
        self.store.setValue("window/state", state)
        self.store.setValue("window/splitter", splitter)

    # -- reading
    def font_size(self) -> int:
        try:
            size = int(self.store.value("reading/font_size", DEFAULT_READING_SIZE))
        except (TypeError, ValueError):
            size = DEFAULT_READING_SIZE
        return max(MIN_READING_SIZE, min(MAX_READING_SIZE, size))

    def set_font_size(self, size: int) -> None:
        self.store.setValue("reading/font_size", int(size))

    def highlight_enabled(self, kind: str) -> bool:
        value = self.store.value(f"highlight/{kind}", True)
        if isinstance(value, str):
            return value.lower() not in ("false", "0", "no")
        return bool(value)

    def set_highlight_enabled(self, kind: str, enabled: bool) -> None:
        self.store.setValue(f"highlight/{kind}", bool(enabled))

    def enabled_highlights(self) -> set[str]:
        return {kind for kind in HIGHLIGHTS if self.highlight_enabled(kind)}

    def last_document(self) -> str | None:
        value = self.store.value("reading/last_document")
        return str(value) if value else None

    def set_last_document(self, doc_id: str | None) -> None:
        self.store.setValue("reading/last_document", doc_id or "")

    def last_export_dir(self) -> str:
        return str(self.store.value("export/folder", "") or "")

    def set_last_export_dir(self, folder: str) -> None:
        self.store.setValue("export/folder", folder)

    def print_highlights(self) -> bool:
        """Print the highlight colours (打印预览's 打印高亮标记); off by default: plain text."""
        value = self.store.value("print/highlights", False)
        if isinstance(value, str):
            return value.lower() in ("true", "1", "yes")
        return bool(value)

    def set_print_highlights(self, on: bool) -> None:
        self.store.setValue("print/highlights", bool(on))

    def tree_mode(self) -> str:
        """The document tree's view: "issuer" (发文机关 → 年份), "unit" (责任单位) or "source" (来源文件)."""
        value = str(self.store.value("tree/mode", "issuer") or "issuer")
        return value if value in ("issuer", "unit", "source") else "issuer"

    def set_tree_mode(self, mode: str) -> None:
        self.store.setValue("tree/mode", mode)

    # -- desktop features: recent documents (文件 → 最近打开), newest first
    def recent_documents(self) -> list:
        from reader.core.documents.identity import DocKey

        try:
            value = json.loads(str(self.store.value("reading/recent", "[]") or "[]"))
        except ValueError:
            return []
        keys = [DocKey.from_json(v) for v in value] if isinstance(value, list) else []
        return [k for k in keys if k is not None]

    def set_recent_documents(self, keys) -> None:
        self.store.setValue("reading/recent", json.dumps([k.to_json() for k in keys], ensure_ascii=False))

    # -- reading font (视图 → 字体…): style key of reader.ui.fonts and line spacing in percent
    def reading_style(self) -> str:
        return str(self.store.value("reading/font_style", "default") or "default")

    def set_reading_style(self, style: str) -> None:
        self.store.setValue("reading/font_style", style)

    def line_spacing(self) -> int:
        try:
            value = int(self.store.value("reading/line_spacing", 150))
        except (TypeError, ValueError):
            value = 150
        return max(100, min(300, value))

    def set_line_spacing(self, percent: int) -> None:
        self.store.setValue("reading/line_spacing", int(percent))

    def sync(self) -> None:
        self.store.sync()
