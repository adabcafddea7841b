"""Export selected documents as text or Word: folder, format, one file each or combined,
encoding and line ends (text only).

The writing is reader.core.export.export_documents or export_docx (which never overwrite an
existing file); this dialog only collects the choices, runs it in a worker thread with
progress, and shows what was written.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QThread, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

ENCODINGS = [("UTF-8", "utf-8"), ("UTF-8（带 BOM）", "utf-8-sig"), ("GB18030", "gb18030")]
LINE_ENDS = [("LF（Linux / macOS）", False), ("CRLF（Windows）", True)]
FORMATS = ["txt", "docx"]  # labels in ExportDialog (translated there)


class ExportWorker(QThread):
    progress = Signal(int, int)
    done = Signal(object)  # list[Path] or Exception

    def __init__(self, doc_ids: Sequence[str], load: Callable, out_dir: str, encoding: str, crlf: bool,
                 single_file: str | None, fmt: str = "txt", notes: dict | None = None, parent=None):
        super().__init__(parent)
        self.fmt = fmt
        self.notes = notes or {}  # the user's notes by document id, written with each document
        self.doc_ids = list(doc_ids)
        self.load = load
        self.out_dir = out_dir
        self.encoding = encoding
        self.crlf = crlf
        self.single_file = single_file
        self.cancelled = False

    def run(self) -> None:
        from reader.core.export import export_docx, export_documents

        def write(docs, single_file=None):
            if self.fmt == "docx":
                return export_docx(docs, self.out_dir, single_file, notes=self.notes)
            return export_documents(docs, self.out_dir, encoding=self.encoding, crlf=self.crlf,
                                    single_file=single_file, notes=self.notes)

        try:
            total = len(self.doc_ids)
            written: list[Path] = []
            docs = []
            for i, doc_id in enumerate(self.doc_ids):
                if self.cancelled:
                    break
                doc = self.load(doc_id)
                if doc is None:
                    continue
                if self.single_file:
                    docs.append(doc)
                else:
                    written += write([doc])
                self.progress.emit(i + 1, total)
            if self.single_file and docs and not self.cancelled:
                written += write(docs, self.single_file)
            self.done.emit(written)
        except Exception as exc:
            self.done.emit(exc)


class ExportDialog(QDialog):
    finished_export = Signal(object)

    def __init__(self, doc_ids: Sequence[str], load: Callable, default_dir: str = "",
                 parent: QWidget | None = None, describe: Callable | None = None, notes: dict | None = None):
        """describe(doc_id) → (title, 文号 or None) for the list of what will be written, or
        None for a document that cannot be found; without it each document is loaded."""
        super().__init__(parent)
        self.doc_ids = list(doc_ids)
        self.load = load
        self.notes = notes or {}  # 批注 by document id: exported with their documents
        self.written: list[Path] = []
        self.worker: ExportWorker | None = None
        self.setWindowTitle(self.tr("导出公文"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.count_label)
        # what will be written, before anything is: title and 文号 in export order
        self.doc_list = QTreeWidget(self)
        self.doc_list.setObjectName("exportList")
        self.doc_list.setColumnCount(2)
        self.doc_list.setHeaderLabels([self.tr("标题"), self.tr("文号")])
        self.doc_list.setRootIsDecorated(False)
        self.doc_list.setUniformRowHeights(True)
        self.doc_list.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self._fill_list(describe or self._describe_by_loading)
        layout.addWidget(self.doc_list)

        form = QFormLayout()
        folder_row = QHBoxLayout()
        self.folder_edit = QLineEdit(default_dir or str(Path.home()), self)
        browse = QPushButton(self.tr("浏览…"), self)
        browse.clicked.connect(self._browse)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        form.addRow(self.tr("目标文件夹："), folder_row)

        self.format_box = QComboBox(self)
        self.format_box.addItem(self.tr("文本（.txt）"), "txt")
        self.format_box.addItem(self.tr("Word 文档（.docx）"), "docx")
        form.addRow(self.tr("格式："), self.format_box)

        self.per_doc = QRadioButton(self.tr("每篇公文一个文件"), self)
        self.combined = QRadioButton(self.tr("合并为一个文件："), self)
        self.per_doc.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.per_doc)
        group.addButton(self.combined)
        self.combined_name = QLineEdit(f"公文导出-{_dt.date.today():%Y%m%d}.txt", self)
        self.combined_name.setEnabled(False)
        self.combined.toggled.connect(self.combined_name.setEnabled)
        mode = QVBoxLayout()
        mode.addWidget(self.per_doc)
        combined_row = QHBoxLayout()
        combined_row.addWidget(self.combined)
        combined_row.addWidget(self.combined_name, 1)
        mode.addLayout(combined_row)
        form.addRow(self.tr("方式："), mode)

        self.encoding_box = QComboBox(self)
        for label, codec in ENCODINGS:
            self.encoding_box.addItem(label, codec)
        form.addRow(self.tr("编码："), self.encoding_box)
        self.line_end_box = QComboBox(self)
        for label, crlf in LINE_ENDS:
            self.line_end_box.addItem(label, crlf)
        form.addRow(self.tr("换行符："), self.line_end_box)
        layout.addLayout(form)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self._format_changed()

        note = QLabel(self.tr("已有同名文件时不会覆盖，而是另起新文件名。"), self)
        note.setObjectName("hint")
        layout.addWidget(note)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, max(1, len(self.doc_ids)))
        self.progress.setValue(0)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.summary = QPlainTextEdit(self)
        self.summary.setReadOnly(True)
        self.summary.hide()
        layout.addWidget(self.summary, 1)

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("导出"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.open_folder_button = self.buttons.addButton(self.tr("打开文件夹"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button.hide()
        self.open_folder_button.clicked.connect(self._open_folder)
        self.export_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self._close_or_cancel)
        layout.addWidget(self.buttons)

    def _describe_by_loading(self, doc_id: str):
        doc = self.load(doc_id)
        return None if doc is None else (doc.meta.title, doc.meta.doc_number)

    def _fill_list(self, describe: Callable) -> None:
        items = []
        for doc_id in self.doc_ids:
            found = describe(doc_id)
            title, number = found if found is not None else (self.tr("（找不到这篇公文）"), None)
            item = QTreeWidgetItem([title or self.tr("（无标题）"), number or self.tr("未识别")])
            item.setToolTip(0, title or "")
            items.append(item)
        self.doc_list.addTopLevelItems(items)
        self.doc_list.header().resizeSection(0, 360)
        # as tall as its rows, up to eight (then it scrolls)
        row = max(self.doc_list.sizeHintForRow(0), self.fontMetrics().height() + 4)
        shown = max(1, min(len(items), 8))
        self.doc_list.setFixedHeight(self.doc_list.header().sizeHint().height() + shown * row
                                     + 2 * self.doc_list.frameWidth() + 2)

    def listed_rows(self) -> list[tuple[str, str]]:
        """(标题, 文号) of each row of the list, as shown."""
        return [(self.doc_list.topLevelItem(i).text(0), self.doc_list.topLevelItem(i).text(1))
                for i in range(self.doc_list.topLevelItemCount())]

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择导出文件夹"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def export_format(self) -> str:
        return self.format_box.currentData() or "txt"

    def _format_changed(self, _index: int = 0) -> None:
        """Encoding and line ends are the text format's; the combined file's suffix follows."""
        fmt = self.export_format()
        self.encoding_box.setEnabled(fmt == "txt")
        self.line_end_box.setEnabled(fmt == "txt")
        n = str(len(self.doc_ids))
        self.count_label.setText(self.tr("将导出 %1 篇公文为 Word 文档。").replace("%1", n) if fmt == "docx"
                                 else self.tr("将导出 %1 篇公文为文本文件。").replace("%1", n))
        name = self.combined_name.text()
        stem, dot, suffix = name.rpartition(".")
        if dot and suffix.lower() in FORMATS:
            self.combined_name.setText(f"{stem}.{fmt}")

    def options(self) -> dict:
        return {
            "fmt": self.export_format(),
            "out_dir": self.folder_edit.text().strip(),
            "encoding": self.encoding_box.currentData(),
            "crlf": bool(self.line_end_box.currentData()),
            "single_file": self.combined_name.text().strip() if self.combined.isChecked() else None,
        }

    def start(self) -> None:
        opts = self.options()
        if not opts["out_dir"]:
            self._show_summary(self.tr("请选择目标文件夹。"))
            return
        if self.combined.isChecked() and not opts["single_file"]:
            self._show_summary(self.tr("请填写合并文件的文件名。"))
            return
        try:
            Path(opts["out_dir"]).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._show_summary(self.tr("无法创建文件夹：%1").replace("%1", str(exc)))
            return
        self.export_button.setEnabled(False)
        self.progress.show()
        self.worker = ExportWorker(self.doc_ids, self.load, **opts, notes=self.notes, parent=self)
        self.worker.progress.connect(lambda done, total: self.progress.setValue(done))
        self.worker.done.connect(self._done)
        self.worker.start()

    def _done(self, result) -> None:
        if self.worker is not None:
            self.worker.wait()
        self.worker = None
        self.close_button.setText(self.tr("关闭"))
        if isinstance(result, Exception):
            self._show_summary(self.tr("导出失败：%1").replace("%1", str(result)))
            self.export_button.setEnabled(True)
        else:
            self.written = list(result)
            self.progress.setValue(self.progress.maximum())
            lines = [self.tr("已写入 %1 个文件：").replace("%1", str(len(self.written)))]
            lines += [str(p) for p in self.written]
            self._show_summary("\n".join(lines))
            self.open_folder_button.setVisible(bool(self.written))
        self.finished_export.emit(result)

    def _open_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(self.options()["out_dir"]))

    def _show_summary(self, text: str) -> None:
        self.summary.setPlainText(text)
        self.summary.show()

    def _close_or_cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancelled = True
            self.worker.wait()
        self.reject()

    def wait(self) -> None:
        if self.worker is not None:
            self.worker.wait()
