"""The files officials have — PDF, Word (.docx), OFD — turned into text the pipeline reads (issue 14).

A file's type is decided by its CONTENT, not its name (sniff):

- ``%PDF-`` at the start → PDF (pdf.py: pypdfium2, characters ordered by their positions);
- a ZIP holding ``word/document.xml`` → .docx (docx.py); a ZIP holding ``OFD.xml`` → OFD (ofd.py);
- an OLE2 compound file (``D0 CF 11 E0``) whose directory names a ``WordDocument`` stream, or one
  named .doc/.wps → old binary Word/WPS: a problem that says to save it as .docx; one holding an
  ``EncryptedPackage`` stream is a password-protected .docx: a problem that says so;
- anything else is text for reader.core.text.decode (which refuses other binaries with their reason).

extract(data, name) gives an Extracted: the text, one source line per printed line (PDF, OFD) or
per paragraph/table row (.docx, cells separated by tabs so that reader.core.text.tables reads them),
and for paged formats the line each page starts on. The pipeline then treats that text as it
treats a .txt file: line numbers are lines of the extracted text, page_of() maps them to pages.

Problems are ReadError with a reason (encrypted, scanned without a text layer, damaged, zip bomb,
too large); work is bounded by the parse budget (reader.core.documents.deadline.check between pages and
parts) and by the size limits of each module.
"""
from __future__ import annotations

import bisect
import io
import zipfile
from dataclasses import dataclass

from reader.core.model import ReadError

TEXT_SUFFIXES = (".txt", ".text", ".md")  # .md: laws are often kept as Markdown text
DOCUMENT_SUFFIXES = (".pdf", ".docx", ".ofd", ".doc", ".wps")
"""Files read through this package's readers (by content, once the name says they may be one):
native libraries, so always parsed in a worker process when indexing."""

PDF, DOCX, OFD, OLE, TEXT = "PDF", "DOCX", "OFD", "OLE", "TEXT"

OLD_WORD = ("旧版 Word/WPS 文档（.doc/.wps），无法直接读取，请用 Word 或 WPS 另存为 .docx 后再放入文件夹 "
            "(old binary .doc/.wps: save it as .docx)")

ENCRYPTED_OFFICE = ("Office 文档已加密，需要密码才能打开，请先在 Word/WPS 中取消密码 "
                    "(encrypted Office document: password required)")

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")  # a password-protected .docx/.xlsx


NOTHING_READ = {
    PDF: "扫描件，没有文字层（只有页码等零星文字）(scanned PDF: no text besides page furniture)",
    OFD: "OFD 文件中没有可读的正文（可能是扫描件）(OFD without readable text: scanned?)",
    DOCX: "Word 文件正文没有文字 (the .docx body holds no text)",
}
"""The reason for a file of these formats whose text gives no document at all."""


@dataclass(frozen=True)
class Extracted:
    """A document file's text, line by line, and where its pages start."""

    text: str
    kind: str  # PDF, DOCX, OFD
    page_starts: tuple[int, ...] = ()  # 1-based line number of each page's first line; () when not paged

    @property
    def pages(self) -> int:
        return len(self.page_starts)


def sniff(data: bytes, name: str = "") -> str:
    """The file's type by its content (PDF, DOCX, OFD, OLE or TEXT)."""
    head = data[:8]
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(_OLE_MAGIC):
        return OLE
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = set(z.namelist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            return TEXT  # decode refuses it as a damaged ZIP
        if "word/document.xml" in names:
            return DOCX
        if "OFD.xml" in names or "ofd.xml" in {n.lower() for n in names}:
            return OFD
    return TEXT


def extract(data: bytes, name: str = "<bytes>") -> Extracted | None:
    """The text of a PDF/.docx/OFD file; None for a text file (decode reads it). ReadError with the
    reason for a file of these formats that cannot be read, and for old binary Word/WPS files."""
    kind = sniff(data, name)
    if kind == PDF:
        from reader.core.text.formats import pdf

        return pdf.extract(data, name)
    if kind == DOCX:
        from reader.core.text.formats import docx

        return docx.extract(data, name)
    if kind == OFD:
        from reader.core.text.formats import ofd

        return ofd.extract(data, name)
    if kind == OLE and _ENCRYPTED_STREAM in data[:1 << 20]:
        raise ReadError(name, ENCRYPTED_OFFICE)
    if kind == OLE and (_WORD_STREAM in data[:1 << 20] or name.lower().endswith((".doc", ".wps", ".dot", ".wpt"))):
        raise ReadError(name, OLD_WORD)
    return None


def page_of(page_starts: tuple[int, ...] | list[int], line: int) -> int:
    """The 1-based page holding source line `line` (0 when the file is not paged)."""
    if not page_starts:
        return 0
    return max(1, bisect.bisect_right(page_starts, line))


def page_range(page_starts, first_line: int, last_line: int) -> tuple[int, int] | None:
    """(first page, last page) of a document on lines first_line–last_line; None when not paged."""
    if not page_starts:
        return None
    return page_of(page_starts, first_line), page_of(page_starts, last_line)


# ── shared by the ZIP formats (.docx, OFD) ──────────────────────────────────

MAX_PART_BYTES = 32 * 1024 * 1024
"""One XML part of a .docx/OFD larger than this uncompressed is refused (a real document.xml of a
300-page report is ~5 MB)."""
MAX_TOTAL_BYTES = 256 * 1024 * 1024
"""All parts read from one file, uncompressed (the same ceiling as a text file: decode.MAX_FILE_BYTES)."""
MAX_RATIO = 200
"""A part whose uncompressed size is more than this many times its compressed size is a zip bomb
(XML compresses 5–20×; a bomb 1000× and more)."""
MAX_ENTRIES = 100_000


def zip_bomb_reason(z: zipfile.ZipFile) -> str | None:
    """Why this ZIP must not be read (sizes from its directory, checked BEFORE reading anything)."""
    infos = z.infolist()
    if len(infos) > MAX_ENTRIES:
        return f"压缩包条目过多（{len(infos)} 个），疑为恶意文件 (too many ZIP entries)"
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_PART_BYTES:
            return (f"压缩包内 {info.filename} 解压后 {info.file_size // 2**20} MB，超过上限，疑为压缩炸弹 "
                    f"(ZIP part too large: possible zip bomb)")
        if info.file_size > 1 << 20 and info.file_size > MAX_RATIO * max(1, info.compress_size):
            return (f"压缩包内 {info.filename} 压缩比异常（{info.file_size // max(1, info.compress_size)} 倍），"
                    f"疑为压缩炸弹 (ZIP compression ratio too high: possible zip bomb)")
    if total > MAX_TOTAL_BYTES:
        return f"压缩包解压后共 {total // 2**20} MB，超过上限，疑为压缩炸弹 (ZIP too large when unpacked)"
    return None


def read_part(z: zipfile.ZipFile, part: str, name: str) -> bytes:
    """One part of a checked ZIP, never more than MAX_PART_BYTES even if its header lies."""
    try:
        with z.open(part) as f:
            data = f.read(MAX_PART_BYTES + 1)
    except KeyError as exc:
        raise ReadError(name, f"文件缺少 {part}，无法读取 (missing part {part})") from exc
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise ReadError(name, f"压缩包已损坏，无法读取 {part} (damaged ZIP: {exc})") from exc
    if len(data) > MAX_PART_BYTES:
        raise ReadError(name, f"压缩包内 {part} 解压后超过上限，疑为压缩炸弹 (ZIP part too large: possible zip bomb)")
    return data


def open_zip(data: bytes, name: str, what: str) -> zipfile.ZipFile:
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ReadError(name, f"{what} 文件已损坏，无法读取 (damaged {what} file: {exc})") from exc
    reason = zip_bomb_reason(z)
    if reason:
        z.close()
        raise ReadError(name, reason)
    return z


def parse_xml(data: bytes, part: str, name: str):
    """An XML part as an ElementTree element; DTDs (entity expansion, external entities) refused."""
    import xml.etree.ElementTree as ET

    head = data[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data[:1 << 16]:
        raise ReadError(name, f"{part} 含有 DTD/实体声明，拒绝读取 (XML with DTD/entities refused)")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise ReadError(name, f"{part} 不是有效的 XML，文件可能已损坏 (invalid XML: {exc})") from exc
    except RecursionError as exc:
        raise ReadError(name, f"{part} 嵌套过深，拒绝读取 (XML nested too deeply)") from exc
