"""Print (Ctrl+P, with preview) and PDF export of documents.

A document is laid out as a QTextDocument: a header block (title, then 文号, 发文机关, 成文日期
and source, then a rule) and the reading text in the reading font, each document on new
pages. The same layout goes to the printer, the preview and the PDF, so what the preview
shows is what is printed. The PDF embeds the subset of the CJK font it uses (Qt's PDF engine
embeds TrueType glyphs), so it reads the same on a machine without that font.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, Qt
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from reader.core.model import Document
from reader.ui import theme

PRINT_POINT_SIZE = 12  # body text on paper: 小四 is 12 pt
TITLE_POINT_SIZE = 18  # 小二 (18 pt) for the title, as 公文 titles are printed larger
PAGE_MARGINS_MM = QMarginsF(25, 25, 25, 25)
PDF_RESOLUTION = 300


def header_rows(doc: Document) -> list[str]:
    m = doc.meta
    return [
        QCoreApplication.translate("Printing", "文号：%1").replace("%1", m.doc_number or "—"),
        QCoreApplication.translate("Printing", "发文机关：%1").replace("%1", "、".join(m.issuers) or "—"),
        QCoreApplication.translate("Printing", "成文日期：%1").replace("%1", m.date or "—"),
        _source_row(doc),
    ]


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


def build_document(docs: Sequence[Document], point_size: float = PRINT_POINT_SIZE,
                   families: Sequence[str] | None = None) -> QTextDocument:
    """The printable layout of `docs`: plain text only (nothing in a document is markup)."""
    families = list(families) if families else theme.reading_font(point_size).families()
    text_doc = QTextDocument()
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(point_size)
    text_doc.setDefaultFont(font)
    text_doc.setDocumentMargin(0)
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
        if n:
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
        body_block = QTextBlockFormat()
        body_block.setLineHeight(theme.reading_line_height(), QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        body_block.setBottomMargin(point_size * 0.4)
        body_block.setTextIndent(0)
        for paragraph in doc.text.split("\n"):
            cursor.insertBlock(body_block, body_fmt)
            cursor.insertText(paragraph, body_fmt)
    return text_doc


def _page_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       PAGE_MARGINS_MM, QPageLayout.Unit.Millimeter)


def pdf_bytes(docs: Sequence[Document], title: str = "") -> bytes:
    """`docs` as one PDF (A4, each document from a new page)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(_page_layout())
    writer.setTitle(title or (docs[0].meta.title if docs else ""))
    writer.setCreator("公文阅读器")
    layout = build_document(docs)
    layout.print_(writer)
    del writer  # finishes the PDF
    buffer.close()
    return bytes(data.data())


def export_pdf(docs: Sequence[Document], out_dir, single_file: str | None = None) -> list[Path]:
    """One PDF per document (named like the text export), or all in one; never overwrites."""
    from reader.core.export import doc_file_stem, write_new_files

    if single_file is not None:
        stem = single_file[:-4] if single_file.lower().endswith(".pdf") else single_file
        return write_new_files(out_dir, [(stem, pdf_bytes(docs, stem))], ".pdf")
    return write_new_files(out_dir, [(doc_file_stem(d), pdf_bytes([d])) for d in docs], ".pdf")


def print_documents(docs: Sequence[Document], printer) -> None:
    """Lay `docs` out on `printer` (a QPrinter: real, preview or PDF)."""
    printer.setPageLayout(_page_layout())
    build_document(docs).print_(printer)
