"""OFD (GB/T 33190-2016, the national fixed-layout e-document format) → text lines in reading order.

An OFD file is a ZIP of XML parts: OFD.xml names each document's root (DocBody/DocRoot, e.g.
Doc_0/Document.xml); Document.xml lists the pages (Pages/Page@BaseLoc, relative to the document's
folder); each page's Content.xml holds layers of page objects, among them TextObject elements
(Boundary "x y w h" in mm, y downwards; Size: font size in mm) holding TextCode elements (X, Y:
the first glyph's origin inside the boundary; DeltaX: the advances, with "g n d" repeating d n
times) whose text is the characters. Text objects may sit inside PageBlock/CompositeObject
elements: every TextObject below Content is read.

Read with the standard library (zipfile + ElementTree; no kept OFD library for Python exists):
sizes are checked before anything is unpacked (formats.open_zip: zip bombs), DTDs refused
(formats.parse_xml), every part read at most MAX_PART_BYTES. The glyphs are then ordered by
reader.core.text.formats.layout, as a PDF page's characters are. Template pages (a page's Template
reference: letterheads, page numbers) are not read.
"""
from __future__ import annotations

import posixpath
import re

from reader.core.documents import deadline
from reader.core.text.formats import OFD, Extracted, open_zip, parse_xml, read_part
from reader.core.text.formats.layout import RunBuilder, order
from reader.core.model import ReadError

MAX_PAGES = 20_000
MAX_TEXT_CODES = 200_000  # text codes and glyphs per page, as PDF's MAX_PAGE_CHARS

NO_TEXT = "OFD 文件中没有可读的文字（可能是扫描件），无法读取 (OFD without readable text: scanned?)"
UNREADABLE = ("OFD 文件的文字使用了无法识别的编码（字体私有编码），无法读取 "
              "(OFD text in a private font encoding: cannot be read)")
_NUM = re.compile(r"-?\d+(?:\.\d+)?(?:[eE]-?\d+)?")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _numbers(text: str | None) -> list[float]:
    return [float(x) for x in _NUM.findall(text or "")]


def _deltas(text: str | None) -> list[float]:
    """DeltaX "g 3 4.2 1.5" → [4.2, 4.2, 4.2, 1.5] (GB/T 33190 §11.3)."""
    out: list[float] = []
    tokens = (text or "").split()
    k = 0
    while k < len(tokens) and len(out) < 100_000:
        if tokens[k] == "g" and k + 2 < len(tokens):
            try:
                count, value = int(float(tokens[k + 1])), float(tokens[k + 2])
            except ValueError:
                return out
            out.extend([value] * max(0, min(count, 100_000 - len(out))))
            k += 3
            continue
        try:
            out.append(float(tokens[k]))
        except ValueError:
            return out
        k += 1
    return out


def _child_text(element, name: str) -> str | None:
    for child in element.iter():
        if _local(child.tag) == name and child.text:
            return child.text.strip()
    return None


def _resolve(base_dir: str, loc: str) -> str:
    loc = loc.strip().replace("\\", "/")
    path = loc.lstrip("/") if loc.startswith("/") else posixpath.join(base_dir, loc)
    return posixpath.normpath(path)


def extract(data: bytes, name: str) -> Extracted:
    z = open_zip(data, name, "OFD")
    with z:
        names = {n.lower(): n for n in z.namelist()}
        root = parse_xml(read_part(z, names.get("ofd.xml", "OFD.xml"), name), "OFD.xml", name)
        doc_roots = [e.text.strip() for e in root.iter() if _local(e.tag) == "DocRoot" and e.text]
        if not doc_roots:
            raise ReadError(name, "OFD.xml 中没有 DocRoot，文件可能已损坏 (OFD without a document root)")
        lines: list[str] = []
        starts: list[int] = []
        glyphs = private = 0
        for doc_root in doc_roots[:16]:
            doc_path = _resolve("", doc_root)
            document = parse_xml(read_part(z, names.get(doc_path.lower(), doc_path), name), doc_path, name)
            base = posixpath.dirname(doc_path)
            pages = [e.get("BaseLoc", "") for e in document.iter() if _local(e.tag) == "Page" and e.get("BaseLoc")]
            if len(pages) > MAX_PAGES:
                raise ReadError(name, f"OFD 有 {len(pages)} 页，超过上限 {MAX_PAGES} 页 (too many pages)")
            for loc in pages:
                deadline.check()
                part = _resolve(base, loc)
                page = parse_xml(read_part(z, names.get(part.lower(), part), name), part, name)
                starts.append(len(lines) + 1)
                page_lines, n, pua = _page_lines(page, name, len(starts))
                glyphs += n
                private += pua
                lines.extend(page_lines)
    if glyphs == 0:
        raise ReadError(name, NO_TEXT)
    if private > 0.5 * glyphs:
        raise ReadError(name, UNREADABLE)
    return Extracted("\n".join(lines) + "\n", OFD, tuple(starts))


def _page_lines(page, name: str, number: int) -> tuple[list[str], int, int]:
    """The page's text lines; the number of glyphs read and of those in a Private Use Area."""
    builder = RunBuilder()
    glyphs = private = 0
    codes = 0
    for obj in page.iter():
        if _local(obj.tag) != "TextObject":
            continue
        box = _numbers(obj.get("Boundary"))
        if len(box) < 4:
            continue
        bx, by = box[0], box[1]
        size = _numbers(obj.get("Size"))
        em = size[0] if size and size[0] > 0 else 3.5
        ctm = _numbers(obj.get("CTM"))
        scale = abs(ctm[0]) if len(ctm) == 6 and ctm[0] else 1.0
        em *= scale
        for code in obj:
            if _local(code.tag) != "TextCode" or not code.text:
                continue
            codes += 1
            if codes > MAX_TEXT_CODES or glyphs + len(code.text) > MAX_TEXT_CODES:
                raise ReadError(name, f"OFD 第 {number} 页文字对象过多，疑为异常文件 (page too large)")
            if codes & 1023 == 0:
                deadline.check()
            text = code.text
            x = bx + float(code.get("X", "0") or 0) * scale
            y = by + float(code.get("Y", "0") or 0) * scale
            deltas = _deltas(code.get("DeltaX"))
            # y is the baseline, downwards: the glyphs span from y - em (top) to y + 0.2 em
            top, bottom = -(y - em), -(y + 0.2 * em)
            for k, ch in enumerate(text):
                if ch.isspace():
                    x += (deltas[k] if k < len(deltas) else em * 0.5) * scale
                    continue
                width = em if ord(ch) > 0x2E7F else 0.5 * em  # CJK full width, Latin and digits half
                advance = deltas[k] * scale if k < len(deltas) else width
                builder.add(ch, x, x + width, top, bottom, em)
                glyphs += 1
                private += 0xE000 <= ord(ch) <= 0xF8FF
                x += advance
    return order(builder.runs), glyphs, private
