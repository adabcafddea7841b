"""Test files in the formats officials have, built from our own Chinese texts (issue 14).

- PDFs are painted with Qt (QPdfWriter + QPainter, a CJK font embedded): a gazette issue laid out
  in ONE or TWO columns per page, with a running header and a page number on every page, lines
  wrapped at the column's width as a typesetter does; and a page holding a ruled table.
- .docx files are written with python-docx: paragraphs, a table, a header and a footer.
- OFD files are written with zipfile to GB/T 33190's structure: OFD.xml → Document.xml →
  Pages/Page_N/Content.xml with TextObject/TextCode elements.

GAZETTE is the text of one gazette issue as a text extraction would give it (one paragraph per
line); the PDF/OFD/docx builders lay out the same paragraphs, so every format can be compared
with the .txt.
"""
from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape
from pathlib import Path

ISSUE_HEADER = "江海市人民政府公报 2023年第6期"

GAZETTE_DOCS = [
    [
        "江海市人民政府关于印发江海市城乡供水保障三年行动方案的通知",
        "江政发〔2023〕18号",
        "各区（县、市）人民政府，市直各单位：",
        "　　《江海市城乡供水保障三年行动方案》已经市政府第二十七次常务会议审议通过，现印发给你们，"
        "请结合实际认真贯彻落实。各地各部门要把供水保障作为民生实事的重点，逐项明确责任单位和完成时限，确保2025年底前农村自来水普及率达到百分之九十九以上。",
        "　　各区（县、市）人民政府要建立供水工程建设和运行管理的长效机制，统筹安排资金，加强水源保护和水质监测，"
        "定期向社会公布供水水质信息，接受群众监督。市水利局要会同市财政局、市卫生健康委加强督促指导，每季度通报工作进展。",
        "江海市人民政府",
        "2023年3月15日",
    ],
    [
        "江海市人民政府办公室关于做好2023年度防汛防台工作的通知",
        "江政办发〔2023〕27号",
        "各区（县、市）人民政府，市直各单位：",
        "　　当前我市已进入主汛期，为切实做好今年防汛防台工作，保障人民群众生命财产安全，经市政府同意，"
        "现就有关事项通知如下。各地要在6月底前完成山塘水库、堤防海塘和城市排涝设施的隐患排查，建立问题清单，落实整改责任。",
        "　　市应急管理局要牵头修订防汛防台应急预案，组织开展不少于2次综合演练；市住房城乡建设局要加强"
        "在建工地和地下空间的安全检查，对排查发现的问题逐一整改销号。各地各部门要严格执行二十四小时值班和领导带班制度，确保信息畅通。",
        "江海市人民政府办公室",
        "2023年5月20日",
    ],
    [
        "江海市农业农村局关于公布2023年度市级农业龙头企业名单的通知",
        "江农发〔2023〕33号",
        "各区（县、市）农业农村局，各有关企业：",
        "　　根据《江海市农业龙头企业认定和运行监测管理办法》，经企业申报、县级推荐、专家评审和社会公示，"
        "认定江海绿源农业发展有限公司等36家企业为2023年度市级农业龙头企业，现予公布。",
        "　　各地要加强对龙头企业的指导服务，支持企业加快科技创新和品牌建设，带动农民增收。"
        "龙头企业实行动态管理，每两年监测一次，监测不合格的取消其资格。",
        "江海市农业农村局",
        "2023年6月2日",
    ],
]


def gazette_text() -> str:
    """The issue as a .txt extraction gives it: the header, then each document, a paragraph a line."""
    lines = [ISSUE_HEADER, ""]
    for doc in GAZETTE_DOCS:
        lines.extend(doc)
        lines.append("")
    return "\n".join(lines) + "\n"


TABLE_DOC = [
    "江海市财政局关于下达2023年农村饮用水提升补助资金的通知",
    "江财农〔2023〕9号",
    "各区（县、市）财政局、水利局：",
    "　　根据省财政厅下达的专项资金计划，现将2023年农村饮用水提升补助资金分配如下，请及时拨付到项目单位。",
]
TABLE_ROWS = [
    ["序号", "地区", "补助资金（万元）", "受益人口（人）"],
    ["1", "东湖区", "320", "18500"],
    ["2", "西岭县", "460", "27300"],
    ["3", "南港市", "285", "15200"],
]
TABLE_TAIL = ["江海市财政局", "2023年4月10日"]


# ── PDF (Qt) ─────────────────────────────────────────────────────────────────

PAGE_W, PAGE_H = 595, 842  # A4 in points (the writer's resolution is 72 dpi)
MARGIN = 56
FONT_PT = 10.5
LINE_PT = 17


def _cjk_font(point: float = FONT_PT):
    from PySide6.QtGui import QFont, QFontDatabase

    families = [f for f in QFontDatabase.families() if "CJK SC" in f] or ["Noto Serif CJK SC"]
    font = QFont()
    font.setFamilies(sorted(families))
    font.setPointSizeF(point)
    return font


def _wrap(paragraph: str, chars: int) -> list[str]:
    """A paragraph cut at the column's width in characters, as a typesetter does (CJK: anywhere)."""
    return [paragraph[i : i + chars] for i in range(0, len(paragraph), chars)] or [""]


def _column_lines(paragraphs: list[str], chars: int) -> list[str]:
    out: list[str] = []
    for p in paragraphs:
        out.extend(_wrap(p, chars) if p else [""])
    return out


class _Painter:
    """A QPdfWriter + QPainter at 72 dpi (coordinates in points), with running header and page numbers."""

    def __init__(self, header: str | None):
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
        from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

        self.data = QByteArray()
        self.buffer = QBuffer(self.data)
        self.buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.writer = QPdfWriter(self.buffer)
        self.writer.setResolution(72)
        self.writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                              QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point))
        self.painter = QPainter(self.writer)
        self.painter.setFont(_cjk_font())
        self.header = header
        self.page = 1
        self._furniture()

    def _furniture(self) -> None:
        from PySide6.QtCore import QRectF, Qt

        if self.header:
            self.painter.drawText(QRectF(MARGIN, MARGIN - 30, PAGE_W - 2 * MARGIN, 16),
                                  Qt.AlignmentFlag.AlignHCenter, self.header)
        self.painter.drawText(QRectF(MARGIN, PAGE_H - MARGIN + 10, PAGE_W - 2 * MARGIN, 16),
                              Qt.AlignmentFlag.AlignHCenter, f"— {self.page} —")

    def new_page(self) -> None:
        self.writer.newPage()
        self.page += 1
        self._furniture()

    def text(self, x: float, y: float, s: str) -> None:
        self.painter.drawText(int(x), int(y), s)

    def finish(self) -> bytes:
        self.painter.end()
        del self.writer
        self.buffer.close()
        return bytes(self.data.data())


def gazette_pdf(columns: int = 2, header: str | None = ISSUE_HEADER, docs=None, row_order: bool = False) -> bytes:
    """The gazette laid out in `columns` columns, each column filled top to bottom before the next.

    row_order: the content stream draws each page ROW BY ROW across the columns (left line, right
    line, next row …), as some producers do: the stream's order is then not the reading order and
    only the characters' positions give it."""
    from PySide6.QtGui import QFontMetricsF

    docs = GAZETTE_DOCS if docs is None else docs
    p = _Painter(header)
    gutter = 24
    col_w = (PAGE_W - 2 * MARGIN - (columns - 1) * gutter) / columns
    em = QFontMetricsF(_cjk_font()).horizontalAdvance("国")
    chars = int(col_w // em)
    paragraphs: list[str] = []
    for doc in docs:
        paragraphs.extend(doc)
        paragraphs.append("")
    lines = _column_lines(paragraphs, chars)
    per_col = int((PAGE_H - 2 * MARGIN) // LINE_PT)
    per_page = per_col * columns
    for start in range(0, len(lines), per_page):
        if start:
            p.new_page()
        page = lines[start : start + per_page]
        placed = [(k // per_col, k % per_col, line) for k, line in enumerate(page)]
        if row_order:
            placed.sort(key=lambda t: (t[1], t[0]))
        for col, row, line in placed:
            if line:
                p.text(MARGIN + col * (col_w + gutter), MARGIN + LINE_PT * (row + 1), line)
    return p.finish()


def table_pdf() -> bytes:
    """One page: a notice whose middle is a ruled table (cells centred in their boxes)."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QFontMetricsF

    p = _Painter(None)
    em = QFontMetricsF(_cjk_font()).horizontalAdvance("国")
    chars = int((PAGE_W - 2 * MARGIN) // em)
    y = MARGIN + LINE_PT
    for line in _column_lines(TABLE_DOC, chars):
        p.text(MARGIN, y, line)
        y += LINE_PT
    y += 8
    widths = [50, 120, 150, 150]
    for row in TABLE_ROWS:
        x = MARGIN
        for w, cell in zip(widths, row):
            p.painter.drawRect(QRectF(x, y, w, 24))
            p.painter.drawText(QRectF(x, y, w, 24), Qt.AlignmentFlag.AlignCenter, cell)
            x += w
        y += 24
    y += LINE_PT + 8
    for line in TABLE_TAIL:
        p.text(MARGIN, y, line)
        y += LINE_PT
    return p.finish()


def scanned_pdf() -> bytes:
    """A page with only a picture and lines on it: what a scanner gives (no text layer)."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage

    p = _Painter(None)
    p.painter.end()  # the page furniture is text: start again without it
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QPainter, QPdfWriter

    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buf)
    writer.setResolution(72)
    painter = QPainter(writer)
    image = QImage(200, 280, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    for k in range(20, 260, 12):
        for x in range(20, 180):
            image.setPixelColor(x, k, QColor("black"))
    painter.drawImage(QRectF(40, 40, 400, 560), image)
    painter.end()
    del writer
    buf.close()
    return bytes(data.data())


# ── .docx (python-docx) ──────────────────────────────────────────────────────

def gazette_docx(with_table: bool = True) -> bytes:
    """The table notice as Word writes it: its masthead in the page header (read before the body), a
    footer (left out), paragraphs, a table."""
    import docx

    d = docx.Document()
    section = d.sections[0]
    section.header.paragraphs[0].text = "江海市财政局文件"
    section.footer.paragraphs[0].text = "— 1 —"
    for para in TABLE_DOC:
        d.add_paragraph(para)
    if with_table:
        table = d.add_table(rows=len(TABLE_ROWS), cols=len(TABLE_ROWS[0]))
        for r, row in enumerate(TABLE_ROWS):
            for c, cell in enumerate(row):
                table.cell(r, c).text = cell
    for para in TABLE_TAIL:
        d.add_paragraph(para)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


# ── OFD (GB/T 33190, written with zipfile) ──────────────────────────────────

OFD_NS = "http://www.ofdspec.org/2016"


def _delta_x(text: str, size: float) -> str:
    """DeltaX of a TextCode: the advance after each glyph but the last, runs written "g n d"."""
    advances = [size if ord(ch) > 0x2E7F else size / 2 for ch in text[:-1]]
    out: list[str] = []
    k = 0
    while k < len(advances):
        j = k
        while j < len(advances) and advances[j] == advances[k]:
            j += 1
        out.append(f"g {j - k} {advances[k]:g}" if j - k > 1 else f"{advances[k]:g}")
        k = j
    return " ".join(out)


def _ofd_page(lines: list[tuple[float, float, str]], shuffle: bool) -> str:
    """Content.xml of one page: one TextObject per line (Boundary in mm, TextCode X/Y inside it).
    `shuffle`: the objects are written bottom line first (a producer's order, not the reading order)."""
    objs = []
    items = list(enumerate(lines, start=1))
    if shuffle:
        items.reverse()
    for n, (x, y, text) in items:
        objs.append(
            f'<ofd:TextObject ID="{100 + n}" Boundary="{x} {y} 160 6" Font="3" Size="3.7">'
            f'<ofd:TextCode X="0" Y="5" DeltaX="{_delta_x(text, 3.7)}">{escape(text)}</ofd:TextCode></ofd:TextObject>'
        )
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{OFD_NS}"><ofd:Content>'
            f'<ofd:Layer ID="2">{"".join(objs)}</ofd:Layer></ofd:Content></ofd:Page>')


def gazette_ofd(shuffle: bool = True, pages: list[list[str]] | None = None, chars: int = 40,
                per_page: int = 40) -> bytes:
    """The gazette as an OFD: lines wrapped at `chars`, `per_page` lines a page, in Doc_0/Pages/Page_N/Content.xml."""
    if pages is None:
        paragraphs: list[str] = []
        for doc in GAZETTE_DOCS:
            paragraphs.extend(doc)
            paragraphs.append("")
        lines = _column_lines(paragraphs, chars)
        pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{OFD_NS}" Version="1.1" '
                              f'DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>test</ofd:DocID></ofd:DocInfo>'
                              f'<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        page_refs = "".join(f'<ofd:Page ID="{10 + k}" BaseLoc="Pages/Page_{k}/Content.xml"/>'
                            for k in range(len(pages)))
        z.writestr("Doc_0/Document.xml",
                   f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{OFD_NS}"><ofd:CommonData>'
                   f'<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>'
                   f'<ofd:MaxUnitID>999</ofd:MaxUnitID></ofd:CommonData><ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>')
        for k, page in enumerate(pages):
            placed = [(25.0, 20.0 + 6.5 * i, line) for i, line in enumerate(page) if line]
            z.writestr(f"Doc_0/Pages/Page_{k}/Content.xml", _ofd_page(placed, shuffle))
    return out.getvalue()


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


# ── hand-written PDFs (hostile shapes) ──────────────────────────────────────

def raw_pdf(objects: list[bytes], trailer_extra: bytes = b"", root: int = 1) -> bytes:
    """A PDF from its numbered objects (1 …), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, trailer_extra, xref)
    return bytes(out)


def _page_objects(content: bytes, media_box: bytes = b"[0 0 595 842]") -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox " + media_box
        + b" /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def latin_pdf(text: bytes = b"Hello PDF") -> bytes:
    return raw_pdf(_page_objects(b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET"))


def encrypted_pdf() -> bytes:
    """Standard security handler (RC4, R2) with a user password we do not give: PDFium asks for it."""
    objs = _page_objects(b"BT /F1 12 Tf 72 720 Td (secret) Tj ET")
    objs.append(b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <" + b"11" * 32
                + b"> /U <" + b"22" * 32 + b"> >>")
    return raw_pdf(objs, b"/Encrypt 6 0 R /ID [<" + b"33" * 16 + b"> <" + b"33" * 16 + b">] ")


def huge_page_pdf(chars: int = 250_000) -> bytes:
    """One page whose content draws `chars` characters (a real page has a few thousand)."""
    row = b"A" * 10_000  # PDFium reads strings up to 32,767 bytes: many rows
    rows = b" ".join(b"0 -1 Td (" + row + b") Tj" for _ in range(chars // len(row)))
    return raw_pdf(_page_objects(b"BT /F1 1 Tf 0 14000 Td " + rows + b" ET", media_box=b"[0 0 14400 14400]"))


def recursive_pdf() -> bytes:
    """A page tree whose Pages node lists itself as its own kid (a loop)."""
    objs = _page_objects(b"BT /F1 12 Tf 72 720 Td (loop) Tj ET")
    objs[1] = b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>"
    return raw_pdf(objs)


def zip_bomb(inner: str, size: int = 40 * 2**20, extra: dict[str, bytes] | None = None) -> bytes:
    """A ZIP whose `inner` part unpacks to `size` bytes of spaces (compressed ~1000×)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (extra or {}).items():
            z.writestr(name, data)
        with z.open(inner, "w", force_zip64=True) as f:
            chunk = b" " * 2**20
            for _ in range(size // len(chunk)):
                f.write(chunk)
    return out.getvalue()


def old_word_doc(stream: str = "WordDocument") -> bytes:
    """The start of an OLE2 compound file whose directory names `stream`: WordDocument (.doc/.wps),
    EncryptedPackage (a password-protected .docx)."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    entry = stream.encode("utf-16-le").ljust(64, b"\x00")
    return header + entry + b"\x00" * 1024


def many_docs(n: int) -> list[list[str]]:
    """`n` documents in the gazette's shape (each its own number and date), for benchmarks."""
    docs = []
    for k in range(n):
        base = GAZETTE_DOCS[k % len(GAZETTE_DOCS)]
        number = base[1].replace("〕", "〕1").replace("号", f"{k}号", 1) if k >= len(GAZETTE_DOCS) else base[1]
        docs.append([base[0].replace("通知", f"通知（第{k + 1}批）") if k >= len(GAZETTE_DOCS) else base[0],
                     number, *base[2:-1], f"2023年{k % 12 + 1}月{k % 27 + 1}日"])
    return docs


def object_stream_loop_pdf() -> bytes:
    """PDF 1.5 with a cross-reference stream whose page tree lives in two object streams that
    extend each other (/Extends 6 0 R ↔ /Extends 5 0 R): a loop a reader might follow forever."""
    import struct

    content = b"BT /F1 12 Tf 72 720 Td (object streams) Tj ET"
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}

    def put(n: int, body: bytes) -> None:
        offsets[n] = len(out)
        out.extend(b"%d 0 obj\n" % n + body + b"\nendobj\n")

    def objstm(inner: int, body: bytes, extends: int) -> bytes:
        head = b"%d 0 " % inner
        data = head + body
        return (b"<< /Type /ObjStm /N 1 /First %d /Extends %d 0 R /Length %d >>\nstream\n"
                % (len(head), extends, len(data)) + data + b"\nendstream")

    put(1, b"<< /Type /Catalog /Pages 2 0 R >>")
    put(4, b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    put(5, objstm(2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", 6))
    put(6, objstm(3, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                     b"/Resources << /Font << /F1 7 0 R >> >> /Contents 4 0 R >>", 5))
    put(7, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    xref_at = len(out)
    rows = [struct.pack(">BIH", 0, 0, 65535)]
    for n in range(1, 9):
        if n == 2:
            rows.append(struct.pack(">BIH", 2, 5, 0))
        elif n == 3:
            rows.append(struct.pack(">BIH", 2, 6, 0))
        elif n == 8:
            rows.append(struct.pack(">BIH", 1, xref_at, 0))
        else:
            rows.append(struct.pack(">BIH", 1, offsets[n], 0))
    data = b"".join(rows)
    out.extend(b"8 0 obj\n<< /Type /XRef /Size 9 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n" % len(data)
               + data + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref_at)
    return bytes(out)


def rotated_pdf(lines: list[bytes], rotate: int = 90) -> bytes:
    """A landscape page stored upright with /Rotate: each line is drawn along the page's y axis
    (90) or against it (270), as producers store a landscape table page."""
    ops = []
    for k, line in enumerate(lines):
        if rotate == 90:  # reads upwards; the next line further right (lower once displayed)
            ops.append(b"BT /F1 12 Tf 0 1 -1 0 %d 100 Tm (%s) Tj ET" % (100 + 20 * k, line))
        else:  # 270: reads downwards; the next line further left
            ops.append(b"BT /F1 12 Tf 0 -1 1 0 %d 700 Tm (%s) Tj ET" % (400 - 20 * k, line))
    objs = _page_objects(b"\n".join(ops))
    objs[2] = objs[2].replace(b"/Type /Page ", b"/Type /Page /Rotate %d " % rotate)
    return raw_pdf(objs)


def revised_docx() -> bytes:
    """A .docx as a reviewer leaves it: a tracked insertion, a tracked deletion, a field, a block
    content control and a tab-stop definition (python-docx writes the paragraphs; the markup is
    added to its XML)."""
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    d = docx.Document()
    d.add_paragraph("江海市水利局关于报送防汛物资储备情况的通知")
    p = d.add_paragraph("请于")
    p._p.append(parse_xml(f'<w:ins {w} w:id="1" w:author="审核"><w:r><w:t>6月10日前</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f'<w:del {w} w:id="2" w:author="审核"><w:r><w:delText>5月底前</w:delText>'
                          f'<w:tab/></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:fldSimple {w} w:instr="DOCPROPERTY 单位"><w:r><w:t>报送市防指办公室</w:t></w:r>'
                          f'</w:fldSimple>'))
    p._p.append(parse_xml(f'<w:r {w}><w:fldChar w:fldCharType="begin"/></w:r>'))
    p._p.append(parse_xml(f'<w:r {w}><w:instrText>PAGE</w:instrText></w:r>'))
    p._p.append(parse_xml(f'<w:r {w}><w:t>。</w:t></w:r>'))
    p._p.insert(0, parse_xml(f'<w:pPr {w}><w:tabs><w:tab w:val="left" w:pos="4200"/></w:tabs></w:pPr>'))
    sdt = parse_xml(f'<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>联系人：王明</w:t></w:r></w:p></w:sdtContent></w:sdt>')
    d.element.body.insert(len(d.element.body) - 1, sdt)  # before the section properties
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def numbered_docx() -> bytes:
    """Headings numbered by Word's numbering feature (一、 at level 0, （一） at level 1), not typed."""
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="7">'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        f'<w:lvlText w:val="%1、"/></w:lvl>'
        f'<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        f'<w:lvlText w:val="（%2）"/></w:lvl>'
        f'</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="9"><w:abstractNumId w:val="7"/></w:num>'))
    d.add_paragraph("江海市农业农村局关于做好春耕生产工作的通知")
    items = [(0, "总体要求"), (1, "稳定粮食面积"), (1, "抓好农资供应"), (0, "工作措施"), (1, "强化技术指导")]
    for level, text in items:
        p = d.add_paragraph(text)
        p._p.insert(0, parse_xml(f'<w:pPr {w}><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="9"/></w:numPr>'
                                 f'</w:pPr>'))
    d.add_paragraph("不编号的段落。")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


# ── .docx text boxes (Word's XML, added to what python-docx writes) ─────────

_BOX_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
           'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
           'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
           'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
           'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
           'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"')


def _box_paragraphs(texts: list[str]) -> str:
    return "".join(f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:color w:val="FF0000"/></w:rPr>'
                   f'<w:t>{escape(t)}</w:t></w:r></w:p>' for t in texts)


def _wps_shape(content: str, n: int) -> str:
    """A DrawingML text box shape (Word 2010+): its text in wps:txbx/w:txbxContent."""
    return (f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="{n * 600000}"/>'
            f'<a:ext cx="5400000" cy="600000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
            f'<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>')


def _anchor(graphic_data: str, uri: str, n: int) -> str:
    return (f'<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{n}" '
            f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
            f'<wp:positionV relativeFrom="page"><wp:posOffset>{900000 + n * 600000}</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="5400000" cy="600000"/><wp:wrapTopAndBottom/><wp:docPr id="{n}" name="文本框 {n}"/>'
            f'<a:graphic><a:graphicData uri="{uri}">{graphic_data}</a:graphicData></a:graphic></wp:anchor>'
            f'</w:drawing>')


def _vml_box(content: str, n: int) -> str:
    """The same box as VML (Word 2003, WPS, and the mc:Fallback Word writes beside a DrawingML box)."""
    return (f'<w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
            f'path="m,l,21600r21600,l21600,xe"/>'
            f'<v:shape id="文本框 {n}" o:spid="_x0000_s{1025 + n}" type="#_x0000_t202" '
            f'style="position:absolute;margin-left:0;margin-top:{70 + n * 47}pt;width:425pt;height:47pt">'
            f'<v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict>')


def text_box_run(texts: list[str], n: int, kind: str = "alternate") -> str:
    """A run anchoring one text box of paragraphs `texts`, as Word writes it (`alternate`: DrawingML
    in mc:Choice and the same box as VML in mc:Fallback), as WPS and Word 2003 write it (`vml`), a
    box only in mc:Fallback (`fallback`), or a group of two boxes, the second holding `texts`[1:]
    (`group`, with its VML group as Fallback)."""
    wps_uri = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    content = _box_paragraphs(texts)
    if kind == "vml":
        inner = _vml_box(content, n)
    elif kind == "fallback":
        inner = f'<mc:AlternateContent><mc:Fallback>{_vml_box(content, n)}</mc:Fallback></mc:AlternateContent>'
    elif kind == "group":
        first, rest = _box_paragraphs(texts[:1]), _box_paragraphs(texts[1:])
        group = f'<wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr/>{_wps_shape(first, 0)}{_wps_shape(rest, 1)}</wpg:wgp>'
        vml = (f'<w:pict><v:group style="position:absolute;width:425pt;height:94pt">'
               f'<v:shape type="#_x0000_t202"><v:textbox><w:txbxContent>{first}</w:txbxContent></v:textbox></v:shape>'
               f'<v:shape type="#_x0000_t202"><v:textbox><w:txbxContent>{rest}</w:txbxContent></v:textbox></v:shape>'
               f'</v:group></w:pict>')
        inner = (f'<mc:AlternateContent><mc:Choice Requires="wpg">'
                 f'{_anchor(group, "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup", n)}'
                 f'</mc:Choice><mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent>')
    else:
        inner = (f'<mc:AlternateContent><mc:Choice Requires="wps">{_anchor(_wps_shape(content, 0), wps_uri, n)}'
                 f'</mc:Choice><mc:Fallback>{_vml_box(content, n)}</mc:Fallback></mc:AlternateContent>')
    return f'<w:r {_BOX_NS}><w:rPr><w:noProof/></w:rPr>{inner}</w:r>'


def word_art_run(text: str) -> str:
    """Legacy WordArt (VML v:textpath, from .doc files saved as .docx): its text is an attribute."""
    return (f'<w:r {_BOX_NS}><w:pict><v:shapetype id="_x0000_t136" o:spt="136" adj="10800" '
            f'path="m@7,l@8,m@5,21600l@6,21600e">'
            f'<v:textpath on="t" fitshape="t"/></v:shapetype><v:shape id="艺术字 1" type="#_x0000_t136" '
            f'style="position:absolute;width:425pt;height:56pt" fillcolor="red" stroked="f">'
            f'<v:textpath style="font-family:&quot;方正小标宋简体&quot;" string="{escape(text)}"/>'
            f'</v:shape></w:pict></w:r>')


TEXT_BOX_NOTICE = [
    "江政发〔2023〕21号",
    "关于做好2023年防汛抗旱工作的通知",
    "各区县人民政府，市政府各部门：",
    "为切实做好今年防汛抗旱工作，确保人民群众生命财产安全，现就有关事项通知如下。",
    "一、加强监测预警。市气象局要加密监测，及时发布预警信息。",
    "二、落实防汛责任。各区县要压实属地责任，于6月15日前完成隐患排查。",
    "2023年5月8日",
]


def text_box_docx(masthead: str = "alternate") -> bytes:
    """A 红头 notice whose masthead (江海市人民政府文件) is a text box anchored in the first, otherwise
    empty paragraph (`masthead`: a text_box_run kind, or `wordart`); a sidebar box in the body as
    VML; a box holding a paragraph and a table anchored in the middle of a paragraph; a box only
    in mc:Fallback; and a text box in the page header, which stays out like the header. Neither
    the title nor the body names the issuer: only the masthead does. `group`: the masthead and
    the 文号 are two boxes of one group shape."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    header = d.sections[0].header.paragraphs[0]
    header.text = "江海市人民政府"
    header._p.append(parse_xml(text_box_run(["页眉文本框：内部资料"], 9)))
    first = d.add_paragraph()
    if masthead == "wordart":
        first._p.append(parse_xml(word_art_run("江海市人民政府文件")))
    elif masthead == "group":
        first._p.append(parse_xml(text_box_run(["江海市人民政府文件", TEXT_BOX_NOTICE[0]], 1, "group")))
    else:
        first._p.append(parse_xml(text_box_run(["江海市人民政府文件"], 1, masthead)))
    for text in TEXT_BOX_NOTICE[1 if masthead == "group" else 0:4]:
        d.add_paragraph(text)
    sidebar = d.add_paragraph(TEXT_BOX_NOTICE[4])
    sidebar._p.insert(1 if sidebar._p.pPr is not None else 0, parse_xml(
        text_box_run(["联系人：市防指办公室 李华"], 2, "vml")))
    before, after = TEXT_BOX_NOTICE[5].split("，", 1)
    middle = d.add_paragraph(before + "，")
    box = parse_xml(text_box_run(["隐患排查清单"], 3))
    content = box.find(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}txbxContent")
    table = d.add_table(rows=2, cols=2)
    for r, row in enumerate([["序号", "事项"], ["1", "水库安全检查"]]):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    content.append(table._tbl)  # the table moves from the body into the box (Choice); Fallback keeps the paragraph
    middle._p.append(box)
    middle._p.append(parse_xml(f'<w:r {_BOX_NS}><w:t>{escape(after)}</w:t></w:r>'))
    tail = d.add_paragraph()
    tail._p.append(parse_xml(text_box_run(["（此件公开发布）"], 4, "fallback")))
    for text in TEXT_BOX_NOTICE[6:]:
        d.add_paragraph(text)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def header_docx(default: list[str] | None = None, first: list[str] | None = None,
                masthead_box: bool = False) -> bytes:
    """TEXT_BOX_NOTICE with nothing in its body naming the issuer, and the given rows in the first
    section's default page header and, when `first` is given, in its first-page header (Word's
    "different first page" set). `masthead_box`: the default header's rows are a text box anchored
    in its paragraph, as a 红头 drawn in the header often is. No header at all when both are None."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    section = d.sections[0]
    if default is not None:
        paragraph = section.header.paragraphs[0]
        if masthead_box:
            paragraph._p.append(parse_xml(text_box_run(default, 1)))
        else:
            paragraph.text = default[0]
            for row in default[1:]:
                section.header.add_paragraph(row)
    if first is not None:
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].text = first[0]
        for row in first[1:]:
            section.first_page_header.add_paragraph(row)
    for text in TEXT_BOX_NOTICE:
        d.add_paragraph(text)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()
