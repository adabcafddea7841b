"""Print (Ctrl+P, with preview) and PDF export of documents: one layout for both.

build_document lays documents out as one QTextDocument: for each, a header block (title, then
文号, 发文机关, 成文日期 and source, then a rule), the reading text in the reading font and
spacing with its tables as tables (the reading pane's own insert_text, so both draw the same
grid), section headings in bold and, when chosen, the highlight colours of dates, numbers,
units and doc references; each document from a new page. paint_pages puts that layout on a
paged device (a printer, the preview, a QPdfWriter) page by page with a footer
"第 N 页 共 M 页" on every page, so the preview shows what is printed and the PDF export is
the same pages. The PDF embeds the subset of the CJK font it uses (Qt's PDF engine embeds
TrueType glyphs), so it reads the same on a machine without that font. Its text layer (what
a PDF viewer searches and copies) is rebuilt from the text drawn (reader.ui.pdftext: Qt's own
reads 人民 as the radicals ⼈⺠ and loses the digits of a file path), for pdf_bytes and for a
PDF file printed to alike.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
    QTextLength,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QMainWindow, QToolBar, QWidget

from reader.core.model import Document, Table
from reader.core.text.patterns import section_heading
from reader.core.text.tables import tables_in_text
from reader.ui import pdftext, theme
from reader.ui.dialogs import resize_within_screen
from reader.ui.reading import (
    PROPORTIONAL_HEIGHT,
    column_widths,
    grids_that_fit,
    highlight_formats,
    insert_text,
    offsets_kept,
)

PRINT_POINT_SIZE = 12  # body text on paper: 小四 is 12 pt
TITLE_POINT_SIZE = 18  # 小二 (18 pt) for the title, as 公文 titles are printed larger
FOOTER_POINT_SIZE = 9
PAGE_MARGINS_MM = QMarginsF(25, 25, 25, 20)  # left, top, right, bottom
FOOTER_MM = 10.0  # the page-number line, at the bottom of the printable area
PDF_RESOLUTION = 300


def header_rows(doc: Document) -> list[str]:
    m = doc.meta
    unknown = QCoreApplication.translate("Printing", "未识别")
    return [
        QCoreApplication.translate("Printing", "文号：%1").replace("%1", m.doc_number or unknown),
        QCoreApplication.translate("Printing", "发文机关：%1").replace("%1", "、".join(m.issuers) or unknown),
        QCoreApplication.translate("Printing", "成文日期：%1").replace("%1", m.date or unknown),
        _source_row(doc),
    ]


def footer_text(page: int, total: int) -> str:
    return (QCoreApplication.translate("Printing", "第 %1 页 共 %2 页")
            .replace("%1", str(page)).replace("%2", str(total)))


def _source_row(doc: Document) -> str:
    """来源：file 第 12–40 行, or for a PDF/OFD the pages it is printed on (第 3–5 页)."""
    if doc.pages and doc.pages[0] == doc.pages[1]:
        return QCoreApplication.translate("Printing", "来源：%1 第 %2 页").replace("%1", doc.file).replace(
            "%2", str(doc.pages[0]))
    if doc.pages:
        return (QCoreApplication.translate("Printing", "来源：%1 第 %2–%3 页").replace("%1", doc.file)
                .replace("%2", str(doc.pages[0])).replace("%3", str(doc.pages[1])))
    return (QCoreApplication.translate("Printing", "来源：%1 第 %2–%3 行")
            .replace("%1", doc.file).replace("%2", str(doc.first_line)).replace("%3", str(doc.last_line)))


def _print_font(point_size: float, families: Sequence[str]) -> QFont:
    font = QFont()
    font.setFamilies(list(families))
    font.setPointSizeF(point_size)
    return font


def _paper_columns(table: Table) -> list[QTextLength]:
    """On paper a grid spans the text width, its columns in the proportions of the screen's."""
    widths = column_widths(table)
    total = sum(widths) or 1
    return [QTextLength(QTextLength.Type.PercentageLength, 100.0 * w / total) for w in widths]


def _body_block_format(point_size: float) -> QTextBlockFormat:
    block = QTextBlockFormat()
    block.setLineHeight(theme.reading_line_height(), PROPORTIONAL_HEIGHT)
    block.setBottomMargin(point_size * 0.4)
    return block


def body_document(doc: Document, point_size: float, families: Sequence[str],
                  highlights: Iterable[str] = ()) -> QTextDocument:
    """One document's reading text as laid out on paper: tables as tables, section headings
    bold and the spans of the `highlights` classes (theme.HIGHLIGHTS keys) in their colours."""
    text = doc.text
    body = QTextDocument()
    body.setDefaultFont(_print_font(point_size, families))
    body.setUndoRedoEnabled(False)
    block_format = _body_block_format(point_size)
    cursor = QTextCursor(body)
    cursor.setBlockFormat(block_format)
    grids = grids_that_fit(text, doc.tables or tables_in_text(text))
    insert_text(cursor, text, grids, block_format, point_size, columns=_paper_columns)
    if not offsets_kept(body, text, grids):  # never a table at the wrong offsets: paragraphs instead
        body.clear()
        cursor = QTextCursor(body)
        cursor.setBlockFormat(block_format)
        cursor.insertText(text)
    formats = highlight_formats()
    block = body.begin()
    while block.isValid():
        if section_heading(block.text()):
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(formats["heading"])
        block = block.next()
    kinds = set(highlights)
    end_of_text = body.characterCount() - 1
    for span in doc.entities:
        if span.type in kinds and span.type in formats and 0 <= span.start < span.end <= end_of_text:
            cursor = QTextCursor(body)
            cursor.setPosition(span.start)
            cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(formats[span.type])
    return body


def build_document(docs: Sequence[Document], point_size: float = PRINT_POINT_SIZE,
                   families: Sequence[str] | None = None, highlights: Iterable[str] = ()) -> QTextDocument:
    """The printable layout of `docs`: plain text only (nothing in a document is markup).

    highlights: the highlight classes printed in colour (none: the text is printed plain)."""
    families = list(families) if families else theme.reading_font(point_size).families()
    highlights = tuple(highlights)
    text_doc = QTextDocument()
    text_doc.setDefaultFont(_print_font(point_size, families))
    text_doc.setDocumentMargin(0)
    text_doc.setUndoRedoEnabled(False)
    cursor = QTextCursor(text_doc)

    title_fmt = QTextCharFormat()
    title_fmt.setFontFamilies(families)
    title_fmt.setFontPointSize(TITLE_POINT_SIZE)
    title_fmt.setFontWeight(QFont.Weight.Bold)
    meta_fmt = QTextCharFormat()
    meta_fmt.setFontFamilies(families)
    meta_fmt.setFontPointSize(point_size * 0.8)
    meta_fmt.setForeground(Qt.GlobalColor.darkGray)
    body_fmt = QTextCharFormat()
    body_fmt.setFontFamilies(families)
    body_fmt.setFontPointSize(point_size)

    for n, doc in enumerate(docs):
        title_block = QTextBlockFormat()
        title_block.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        title_block.setBottomMargin(point_size * 0.8)
        if n:
            title_block.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            cursor.insertBlock(title_block, title_fmt)
        else:  # the document's first, empty block
            cursor.setBlockFormat(title_block)
            cursor.setBlockCharFormat(title_fmt)
        cursor.insertText(doc.meta.title or QCoreApplication.translate("Printing", "（无标题）"), title_fmt)
        meta_block = QTextBlockFormat()
        meta_block.setAlignment(Qt.AlignmentFlag.AlignLeft)
        for row in header_rows(doc):
            cursor.insertBlock(meta_block, meta_fmt)
            cursor.insertText(row, meta_fmt)
        rule_block = QTextBlockFormat()  # a horizontal rule under the header block
        rule_block.setProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth, 1)
        rule_block.setBottomMargin(point_size * 0.5)
        cursor.insertBlock(rule_block, meta_fmt)
        cursor.insertBlock(_body_block_format(point_size), body_fmt)
        cursor.insertFragment(QTextDocumentFragment(body_document(doc, point_size, families, highlights)))
    return text_doc


def page_layout() -> QPageLayout:
    """A4 portrait with the margins of a printed 公文 page, in millimetres."""
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       PAGE_MARGINS_MM, QPageLayout.Unit.Millimeter)


def paint_pages(layout: QTextDocument, device, families: Sequence[str] | None = None) -> int:
    """Paint `layout` on a paged device (QPrinter, the preview's printer, QPdfWriter) in its
    printable area, a page at a time, with "第 N 页 共 M 页" centred at the foot of every
    page; returns the number of pages."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(QCoreApplication.translate("Printing", "无法开始打印"))
    try:
        text_layout = layout.documentLayout()
        text_layout.setPaintDevice(device)  # lay out in the device's resolution
        width, height = float(device.width()), float(device.height())
        footer = FOOTER_MM / 25.4 * device.logicalDpiY()
        body = QSizeF(width, height - footer)
        layout.setPageSize(body)
        layout = _paragraphs_within_pages(layout, device)
        text_layout = layout.documentLayout()
        total = max(1, layout.pageCount())
        footer_font = _footer_font(layout, families)
        for page in range(total):
            if page and not device.newPage():
                raise OSError(QCoreApplication.translate("Printing", "无法开始新的一页"))
            painter.save()
            painter.translate(0, -page * body.height())
            view = QRectF(0, page * body.height(), body.width(), body.height())
            painter.setClipRect(view)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = view.adjusted(0, _ROUNDING, 0, -_ROUNDING)  # a line on the edge: one page
            context.palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.black)
            text_layout.draw(painter, context)
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(Qt.GlobalColor.black)
            painter.drawText(QRectF(0, height - footer, width, footer),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                             footer_text(page + 1, total))
        return total
    finally:
        painter.end()


def _paragraphs_within_pages(layout: QTextDocument, device) -> QTextDocument:
    """A copy of `layout` (laid out in pages) in which no paragraph outside a table runs on
    over a page break: each is cut where its page ends, so the lines stay where they were.

    QTextLayout.draw also draws the line just above its clip rectangle, so the last line of a
    paragraph continued on the next page was drawn again at the top of that page, clipped away
    and invisible, and PDF readers found and copied it twice. `layout` itself is left whole: a
    preview lays it out again for every paper size."""
    paged = layout.clone()
    paged.documentLayout().setPaintDevice(device)
    paged.setPageSize(layout.pageSize())
    page_height = layout.pageSize().height()
    for _ in range(max(1, layout.pageCount())):  # a cut can move later lines: cut again
        cuts = _page_break_positions(paged, page_height)
        if not cuts:
            break
        for position in reversed(cuts):
            cursor = QTextCursor(paged)
            cursor.setPosition(position)
            before = cursor.blockFormat()
            after = QTextBlockFormat(before)
            after.setTopMargin(0)
            after.setTextIndent(0)
            after.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
            before.setBottomMargin(0)
            cursor.setBlockFormat(before)
            cursor.insertBlock(after)
        paged.markContentsDirty(0, paged.characterCount())  # an edit lays out only part of it
    return paged


_ROUNDING = 1.0  # device units; a line is tens of units high


def _page_break_positions(layout: QTextDocument, page_height: float) -> list[int]:
    """Document positions of the lines that start a page inside a paragraph (outside tables)."""
    cuts = []
    block = layout.begin()
    while block.isValid():
        lines = block.layout()
        if lines.lineCount() > 1 and QTextCursor(block).currentTable() is None:
            top = lines.position().y() + _ROUNDING  # Qt places a line at a page's top to 1/64
            page = int((top + lines.lineAt(0).y()) // page_height)
            for n in range(1, lines.lineCount()):
                line = lines.lineAt(n)
                line_page = int((top + line.y()) // page_height)
                if line_page != page:
                    cuts.append(block.position() + line.textStart())
                    page = line_page
        block = block.next()
    return cuts


def _footer_font(layout: QTextDocument, families: Sequence[str] | None = None) -> QFont:
    return _print_font(FOOTER_POINT_SIZE, families or layout.defaultFont().families())


def text_layer_fixed(data: bytes, layout: QTextDocument, pages: int) -> bytes:
    """`data`, the PDF paint_pages wrote of `layout` in `pages` pages, with the text layer that
    reads back as the text drawn (pdftext: Qt names shared glyphs by radicals and substituted
    glyphs by nothing); the pages themselves are unchanged."""
    font = _footer_font(layout)
    glyphs, fonts = pdftext.drawn_glyphs(layout, [(footer_text(n, pages), font) for n in range(1, pages + 1)])
    return pdftext.fix_text_layer(data, glyphs, fonts)


def pdf_bytes(docs: Sequence[Document], title: str = "", highlights: Iterable[str] = ()) -> bytes:
    """`docs` as one PDF (A4, each document from a new page, page numbers in the footer)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout())
    writer.setTitle(title or (docs[0].meta.title if docs else ""))
    writer.setCreator("公文阅读器")
    layout = build_document(docs, highlights=highlights)
    pages = paint_pages(layout, writer)
    del writer  # finishes the PDF
    buffer.close()
    return text_layer_fixed(bytes(data.data()), layout, pages)


def export_pdf(docs: Sequence[Document], out_dir, single_file: str | None = None) -> list[Path]:
    """One PDF per document (named like the text export), or all in one; never overwrites."""
    from reader.core.export import doc_file_stem, write_new_files

    if single_file is not None:
        stem = single_file[:-4] if single_file.lower().endswith(".pdf") else single_file
        return write_new_files(out_dir, [(stem, pdf_bytes(docs, stem))], ".pdf")
    return write_new_files(out_dir, [(doc_file_stem(d), pdf_bytes([d])) for d in docs], ".pdf")


def print_documents(docs: Sequence[Document], printer, highlights: Iterable[str] = ()) -> int:
    """Lay `docs` out on `printer` (a QPrinter: real, preview or PDF) in its own page setup;
    returns the number of pages. A PDF file printed to gets the text layer of pdf_bytes."""
    layout = build_document(docs, highlights=highlights)
    pages = paint_pages(layout, printer)
    if (isinstance(printer, QPrinter) and printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
            and printer.outputFileName()):
        path = Path(printer.outputFileName())
        data = path.read_bytes()
        fixed = text_layer_fixed(data, layout, pages)
        if fixed != data:
            path.write_bytes(fixed)
    return pages


def new_printer():
    """A high-resolution QPrinter on A4 with the print margins (the user may change them in
    the preview's page setup)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout())
    return printer


PREVIEW_SIZE = (900, 760)


class PrintPreviewDialog(QPrintPreviewDialog):
    """打印预览 of the open document or of the selected ones, with a bar under Qt's toolbar:
    which documents (当前公文 / 所选 N 篇, when they differ) and whether highlights are printed.
    Printing from here prints the same pages (paintRequested → print_documents)."""

    highlights_changed = Signal(bool)

    def __init__(self, printer, parent, doc_ids: Sequence[str], load: Callable[[str], Document | None],
                 current_id: str | None = None, highlight_kinds: Iterable[str] = tuple(theme.HIGHLIGHTS),
                 print_highlights: bool = False):
        super().__init__(printer, parent)
        self.setObjectName("printPreview")
        self.load = load
        self.highlight_kinds = tuple(highlight_kinds)
        self.pages = 0
        self._loaded: dict[str, Document | None] = {}
        # which documents: the selection, or the open document when it is not the selection
        # (several selected: those first; one other selected: the open one first)
        selected = [i for i in doc_ids if i]
        scopes = [(self.tr("所选的 %1 篇公文").replace("%1", str(len(selected))), selected)] if selected else []
        if current_id and selected != [current_id]:
            scopes.insert(len(selected) > 1, (self.tr("当前打开的公文"), [current_id]))
        self._scopes = [ids for _label, ids in scopes]
        self.scope_box = QComboBox(self)
        self.scope_box.setObjectName("printScope")
        self.scope_box.addItems([label for label, _ids in scopes])
        self.highlight_box = QCheckBox(self.tr("打印高亮标记"), self)
        self.highlight_box.setObjectName("printHighlights")
        self.highlight_box.setToolTip(self.tr("用阅读区的颜色标出日期与时限、数量与指标、责任单位和引用文号"
                                              "（阅读区“高亮”中勾选的类别）；不勾选则只印文字"))
        self.highlight_box.setChecked(print_highlights)
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)

        bar = QWidget(self)
        bar.setObjectName("printOptions")
        row = QHBoxLayout(bar)
        row.setContentsMargins(8, 4, 8, 4)
        row.setSpacing(10)
        scope_label = QLabel(self.tr("打印："), bar)
        row.addWidget(scope_label)
        row.addWidget(self.scope_box)
        row.addSpacing(12)
        row.addWidget(self.highlight_box)
        row.addStretch(1)
        row.addWidget(self.count_label)
        scope_label.setVisible(self.scope_box.count() > 1)
        self.scope_box.setVisible(self.scope_box.count() > 1)
        # a second toolbar row under Qt's (the dialog holds a QMainWindow with the toolbar and
        # the pages); were that not so, a row above everything
        frame = self.findChild(QMainWindow)
        if frame is not None:
            row_bar = QToolBar(frame)
            row_bar.setObjectName("printOptionsBar")
            row_bar.setMovable(False)
            row_bar.addWidget(bar)
            frame.addToolBarBreak()
            frame.addToolBar(row_bar)
        elif self.layout() is not None:
            self.layout().insertWidget(0, bar)

        self.scope_box.currentIndexChanged.connect(self.refresh)
        self.highlight_box.toggled.connect(self.refresh)
        self.highlight_box.toggled.connect(self.highlights_changed)
        self.paintRequested.connect(self.paint)
        self._update_labels()
        resize_within_screen(self, *PREVIEW_SIZE)

    def doc_ids(self) -> list[str]:
        """The documents printed now, in order."""
        if not self._scopes:
            return []
        return list(self._scopes[max(0, self.scope_box.currentIndex())])

    def documents(self) -> list[Document]:
        out = []
        for doc_id in self.doc_ids():
            if doc_id not in self._loaded:
                self._loaded[doc_id] = self.load(doc_id)
            if self._loaded[doc_id] is not None:
                out.append(self._loaded[doc_id])
        return out

    def printed_highlights(self) -> tuple[str, ...]:
        return self.highlight_kinds if self.highlight_box.isChecked() else ()

    def paint(self, printer) -> None:
        self.pages = print_documents(self.documents(), printer, self.printed_highlights())
        self._update_labels()

    def refresh(self) -> None:
        preview = self.findChild(QPrintPreviewWidget)
        if preview is not None:
            preview.updatePreview()
        self._update_labels()

    def _update_labels(self) -> None:
        docs = self.documents()
        if len(docs) == 1:
            self.setWindowTitle(self.tr("打印预览 — %1").replace("%1", docs[0].title))
            self.printer().setDocName(docs[0].title)
        else:
            count = self.tr("%1 篇公文").replace("%1", str(len(docs)))
            self.setWindowTitle(self.tr("打印预览 — %1").replace("%1", count))
            self.printer().setDocName(count)
        text = self.tr("%1 篇公文").replace("%1", str(len(docs)))
        if self.pages:
            text += self.tr("，共 %1 页").replace("%1", str(self.pages))
        self.count_label.setText(text)
