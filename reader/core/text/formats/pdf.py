"""PDF → text lines in reading order, with pypdfium2 (PDFium, the PDF engine of Chrome).

Why pypdfium2: it reads Chinese PDFs (CID fonts, ToUnicode maps) as well as the best, is many times
faster than the pure-Python readers and gives every character's box, which the reading order
needs; it adds ~8 MB to the bundle; Apache-2.0/BSD-3. tests/benchmarks/bench_pdf_libraries.py
measures it against pdfminer.six, pypdf and PyMuPDF (AGPL) — figures in the README.

The content stream's order is not the reading order (a producer may draw a page row by row
across both columns, or the header and page number first), so each page's characters are placed
by their boxes: reader.core.text.formats.layout orders them. PDFium's generated spaces and line
breaks are left out (gaps come from the boxes); a real space character before a character that
continues the run is kept as one space.
"""
from __future__ import annotations

import ctypes

from reader.core.documents import deadline
from reader.core.text.formats import PDF, Extracted
from reader.core.text.formats.layout import Run, RunBuilder, order
from reader.core.model import ReadError

MAX_PAGES = 20_000
MAX_PAGE_CHARS = 200_000
"""A page with more characters than this (a real dense page has ~3,000) is refused: a crafted page
of millions of glyphs would hold the parse for minutes."""

SCANNED = "扫描件，没有文字层 (scanned PDF without a text layer: run OCR first)"
ENCRYPTED = "PDF 已加密，需要密码才能打开 (encrypted PDF: password required)"
DAMAGED = "PDF 文件已损坏或不完整，无法读取 (damaged or truncated PDF)"


def extract(data: bytes, name: str) -> Extracted:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
            raise ReadError(name, ENCRYPTED) from exc
        raise ReadError(name, DAMAGED) from exc
    try:
        count = len(doc)
        if count == 0:
            raise ReadError(name, DAMAGED)
        if count > MAX_PAGES:
            raise ReadError(name, f"PDF 有 {count} 页，超过上限 {MAX_PAGES} 页 (too many pages)")
        lines: list[str] = []
        starts: list[int] = []
        chars = read = 0
        for index in range(count):
            deadline.check()
            starts.append(len(lines) + 1)
            try:
                page_lines, page_chars = _page_lines(doc, index, name, raw)
            except pdfium.PdfiumError:
                continue  # a page PDFium cannot load (damaged, a loop in the page tree): the others are read
            read += 1
            chars += page_chars
            lines.extend(page_lines)
    finally:
        doc.close()
    if read == 0:
        raise ReadError(name, DAMAGED)
    if chars == 0:
        raise ReadError(name, SCANNED)
    return Extracted("\n".join(lines) + "\n", PDF, tuple(starts))


def _page_lines(doc, index: int, name: str, raw) -> tuple[list[str], int]:
    page = doc[index]
    try:
        textpage = page.get_textpage()
        try:
            runs, chars = _runs(textpage, name, index, raw, raw.FPDFPage_GetRotation(page.raw) % 4)
        finally:
            textpage.close()
    finally:
        page.close()
    return order(runs), chars


def _runs(textpage, name: str, index: int, raw, rotation: int = 0) -> tuple[list[Run], int]:
    """The page's runs, in the page's coordinates as displayed: `rotation` (/Rotate ÷ 90) turns
    PDFium's unrotated boxes so that a landscape table page is read along its lines."""
    tp = textpage.raw
    n = raw.FPDFText_CountChars(tp)
    if n > MAX_PAGE_CHARS:
        raise ReadError(name, f"第 {index + 1} 页有 {n} 个字符，超过上限，疑为异常文件 (page too large)")
    # every character's UTF-16 code in one call; PDFium's generated characters (the spaces and
    # line breaks it adds) are whitespace, which is skipped: gaps come from the boxes
    buffer = (ctypes.c_ushort * (n + 1))()
    raw.FPDFText_GetText(tp, 0, n, buffer)
    rect = raw.FS_RECTF()
    rect_p = ctypes.byref(rect)
    get_box, font_size = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetFontSize
    builder = RunBuilder()
    real = 0
    high = 0
    space = False
    last_height, em = -1.0, 0.0
    for i in range(n):
        code = buffer[i]
        if 0xD800 <= code < 0xDC00:
            high = code
            continue
        if 0xDC00 <= code < 0xE000 and high:
            code = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
        high = 0
        if code <= 0x20 or code in (0xFFFE, 0xFFFF):
            space = space or code in (0x20, 0x09)
            continue
        ch = chr(code)
        if ch.isspace():
            space = True
            continue
        if not real & 1023:
            deadline.check()
        if not get_box(tp, i, rect_p):
            continue
        left, right, top, bottom = rect.left, rect.right, rect.top, rect.bottom
        if top < bottom:
            top, bottom = bottom, top
        if rotation:
            left, right, top, bottom = _rotate(rotation, left, right, top, bottom)
        height = top - bottom
        if height <= 0:
            continue
        real += 1
        if height != last_height:  # the font size changes rarely: ask only then
            size = font_size(tp, i)
            em = size if 0 < size <= height * 2 else height * 0.7
            last_height = height
        builder.add(ch, left, right, top, bottom, em, space)
        space = False
    return builder.runs, real


def _rotate(rotation: int, left: float, right: float, top: float, bottom: float) -> tuple[float, float, float, float]:
    """A box in page space → as the page is displayed, /Rotate 90·rotation degrees clockwise."""
    if rotation == 1:  # displayed x runs along the page's y, displayed up along the page's -x
        return bottom, top, -left, -right
    if rotation == 2:
        return -right, -left, -bottom, -top
    return -top, -bottom, right, left  # 270
