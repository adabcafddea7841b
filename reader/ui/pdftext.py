"""The text layer of the PDFs Qt writes for us: each embedded font's ToUnicode map rebuilt from
the text we drew, so that search and copy in any PDF viewer give the characters on the page.

Qt's PDF engine (QFontSubset::createToUnicodeMap) names each glyph by the lowest BMP code point
the font's cmap maps to it. That is wrong in two ways for the CJK fonts we print with:
- a glyph shared by several code points reads as the first: Noto CJK draws 人 (U+4EBA) and the
  Kangxi radical ⼈ (U+2F08) with one glyph, so 人民政府 reads back as ⼈⺠政府; likewise 生, 水,
  文, 门 and the en dash of "第 12–40 行" (read as the figure dash U+2012);
- a glyph no BMP code point maps to (an OpenType substitution, e.g. the SC digits 'locl' puts
  in a Latin run such as a file path) has no entry at all, so "seeds/001_a9d0" reads "seeds/_a d".
Qt's API has no say in the map, and a font choice (a Latin font first, or 'locl' off) would change
the printed glyphs and still leave the radicals (the CJK font shares their glyphs), so after Qt
has written the PDF we rewrite each Type0 font's ToUnicode stream: a glyph we laid out gets the
characters it was shaped from (drawn_glyphs), the glyphs Qt left unnamed the substituted glyphs
we drew, in the order we drew them (Qt numbers glyphs in the order it first draws them; used only
when the glyphs it did name confirm that order), and a radical no laid-out text accounts for the
ideograph it stands for (core's RADICALS). Only those streams and the xref change: the pages,
fonts and everything else are the same bytes, so the printed page is the same.
"""
from __future__ import annotations

import math
import re
import struct
from collections.abc import Sequence

from PySide6.QtGui import QFont, QRawFont, QTextDocument, QTextLayout

from reader.core.text.normalise import RADICALS

# glyph index → the text it was shaped from, per font (PostScript name), in the order first drawn
GlyphTexts = dict[str, dict[int, str]]

_RUN_FLAGS = (QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes
              | QTextLayout.GlyphRunRetrievalFlag.RetrieveStringIndexes)


def postscript_name(raw: QRawFont) -> str:
    """The font's PostScript name (its 'name' table, name ID 6): the BaseFont Qt writes."""
    table = bytes(raw.fontTable("name").data())
    try:
        _fmt, count, strings = struct.unpack(">HHH", table[:6])
        for n in range(count):
            platform, _enc, _lang, name_id, length, offset = struct.unpack(">6H", table[6 + 12 * n:18 + 12 * n])
            if name_id == 6:
                data = table[strings + offset:strings + offset + length]
                return data.decode("utf-16-be" if platform in (0, 3) else "latin-1")
    except (struct.error, UnicodeDecodeError):
        pass
    return raw.familyName().replace(" ", "")


class _Fonts:
    """The fonts glyph runs are drawn in: each QRawFont's PostScript name, looked up once."""

    def __init__(self):
        self.by_name: dict[str, QRawFont] = {}
        self._names: dict[tuple, str] = {}
        self._cmap: dict[str, dict[str, int]] = {}

    def name(self, raw: QRawFont) -> str:
        identity = (raw.familyName(), raw.styleName(), raw.weight(), raw.style())
        name = self._names.get(identity)
        if name is None:
            name = self._names[identity] = postscript_name(raw)
            self.by_name.setdefault(name, raw)
        return name

    def cmap_glyphs(self, name: str, chars: list[str]) -> list[int]:
        """The glyphs the font's cmap gives `chars` (0: none; cached, as every glyph drawn asks)."""
        cmap = self._cmap.setdefault(name, {})
        for char in set(chars).difference(cmap):
            glyphs = self.by_name[name].glyphIndexesForString(char)
            cmap[char] = glyphs[0] if len(glyphs) == 1 else 0
        return [cmap[c] for c in chars]


def _line_glyphs(fonts: _Fonts, text: str, line) -> list[tuple[str, list[int], list[str]]]:
    """(font, glyphs, the text each was shaped from) for the glyph runs of `line` (a QTextLine of
    `text`), in logical order. The runs' string indexes are used when every glyph is its
    character's own (cmap) glyph; else (a substituted glyph, e.g. 'locl' digits, or Qt's string
    indexes of a fallback font's run, which are wrong) each character's glyphs are asked for."""
    out = []
    for run in line.glyphRuns(-1, -1, _RUN_FLAGS):
        name = fonts.name(run.rawFont())
        glyphs, at = list(run.glyphIndexes()), run.stringIndexes()
        chars = [text[i] for i in at if 0 <= i < len(text)]
        if len(chars) != len(glyphs) or fonts.cmap_glyphs(name, chars) != glyphs:
            return _glyphs_by_character(fonts, text, line)
        out.append((name, glyphs, chars))
    return out


def _glyphs_by_character(fonts: _Fonts, text: str, line) -> list[tuple[str, list[int], list[str]]]:
    out: list[tuple[str, list[int], list[str]]] = []
    for at in range(line.textStart(), min(len(text), line.textStart() + line.textLength())):
        runs = line.glyphRuns(at, 1, QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes)
        for run in runs:
            name, glyphs = fonts.name(run.rawFont()), list(run.glyphIndexes())
            if (out and len(runs) == 1 and len(glyphs) == 1 and (out[-1][0], out[-1][1][-1:]) == (name, glyphs)
                    and _glyph_count(line, at - 1, 2) == 1):
                out[-1][2][-1] += text[at]  # a ligature (ﬃ): one glyph for this character and the last
            else:
                out.append((name, glyphs, [text[at]] * len(glyphs)))
    return out


def _glyph_count(line, start: int, length: int) -> int:
    runs = line.glyphRuns(start, length, QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes)
    return sum(len(run.glyphIndexes()) for run in runs)


def _single_line(text: str, font: QFont):
    single = QTextLayout(text, font)
    single.beginLayout()
    line = single.createLine()
    single.endLayout()
    return single, line


def drawn_glyphs(layout: QTextDocument, footers: Sequence[tuple[str, QFont]] = ()
                 ) -> tuple[GlyphTexts, dict[str, QRawFont]]:
    """What each glyph of `layout` (paginated for its paint device) and of the page `footers`
    (a text and its font per page, drawn after the page's body) was shaped from, by font, in the
    order paint_pages draws them: page by page, each line first on the page its top is on; and
    those fonts, by PostScript name."""
    fonts = _Fonts()
    page_height = layout.pageSize().height()
    frame_layout = layout.documentLayout()
    drawn = []  # (page, order within the page, [(font, glyphs, texts)])
    block = layout.begin()
    while block.isValid():  # every block, those in table cells too, in document order
        text_layout, text = block.layout(), block.text()
        top = frame_layout.blockBoundingRect(block).top()
        for n in range(text_layout.lineCount()):
            line = text_layout.lineAt(n)
            page = int((top + line.y()) // page_height) if page_height > 0 else 0
            drawn.append((page, len(drawn), _line_glyphs(fonts, text, line)))
        block = block.next()
    for page, (text, font) in enumerate(footers):
        _layout, line = _single_line(text, font)
        drawn.append((page, math.inf, _line_glyphs(fonts, text, line)))
    glyphs: GlyphTexts = {}
    for _page, _order, line_glyphs in sorted(drawn, key=lambda item: item[:2]):
        for name, run_glyphs, texts in line_glyphs:
            font = glyphs.setdefault(name, {})
            for glyph, text in zip(run_glyphs, texts):
                if glyph and glyph not in font:  # not .notdef, not known already
                    font[glyph] = text
    return glyphs, fonts.by_name


# ------------------------------------------------------------------ the PDF Qt wrote
_XREF = re.compile(rb"\nxref\n0 (\d+)\n")
_FONT = re.compile(rb"\A\d+ 0 obj\n<<\s*/Type\s*/Font\s*/Subtype\s*/Type0\s*/BaseFont\s*/([^\s/<>\[\]()]+)"
                   rb"[^>]*?/ToUnicode\s+(\d+)\s+0\s+R")
_STREAM = re.compile(rb"(\d+) 0 obj\n<<\s*/Length (\d+)\s*>>\nstream\n")
_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)")
_CHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


def _utf16(hex_text: bytes) -> str:
    return bytes.fromhex(hex_text.decode()).decode("utf-16-be", "replace")


def read_to_unicode(cmap: bytes) -> dict[int, str]:
    """A ToUnicode CMap's bfrange and bfchar entries: code → text."""
    out: dict[int, str] = {}
    for section in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi, dst in _RANGE.findall(section):
            lo, hi = int(lo, 16), int(hi, 16)
            if dst.startswith(b"["):
                for code, item in zip(range(lo, hi + 1), re.findall(rb"<([0-9A-Fa-f]+)>", dst)):
                    out[code] = _utf16(item)
            else:
                first = _utf16(dst.strip(b"<>"))
                for code in range(lo, hi + 1):
                    out[code] = first[:-1] + chr(ord(first[-1]) + code - lo) if first else ""
    for section in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, dst in _CHAR.findall(section):
            out[int(code, 16)] = _utf16(dst)
    return out


def write_to_unicode(codes: dict[int, str]) -> bytes:
    """A ToUnicode CMap (two-byte codes, as Identity-H uses) with one bfchar entry per code."""
    entries = [(c, t) for c, t in sorted(codes.items()) if t]
    body = []
    for at in range(0, len(entries), 100):  # at most 100 entries per bfchar section
        chunk = entries[at:at + 100]
        body.append(f"{len(chunk)} beginbfchar")
        body += [f"<{c:04X}> <{t.encode('utf-16-be').hex().upper()}>" for c, t in chunk]
        body.append("endbfchar")
    return ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
            + "\n".join(body) + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").encode("ascii")


def corrected_codes(codes: dict[int, str], glyph_of, drawn: dict[int, str]) -> dict[int, str]:
    """One font's ToUnicode entries made right. codes: Qt's (code → its text); glyph_of: a text's
    glyph in the font (cmap), or None; drawn: glyph → the text it was shaped from, in drawing order.

    Qt numbers a font's glyphs in the order it first draws them, so the glyphs it could not name
    are the drawn ones it did not name, in drawing order; they are named so only when the named
    ones confirm that order (their codes rise with their place in `drawn`)."""
    out = dict(codes)
    glyph_at = {}
    for code, text in codes.items():
        glyph = glyph_of(text) if len(text) == 1 else None
        if glyph is not None:
            glyph_at[code] = glyph
        out[code] = drawn[glyph] if glyph in drawn else text.translate(RADICALS)
    place = {g: n for n, g in enumerate(drawn)}
    named = set(glyph_at.values())
    unnamed = [g for g in drawn if g not in named]
    numbered = len(named | set(drawn))  # the glyphs Qt numbered 1, 2, …: named or drawn
    missing = [c for c in range(1, numbered + 1) if c not in codes]
    guess = dict(zip(missing, unnamed))
    order = [place[g] for _c, g in sorted({**glyph_at, **guess}.items()) if g in place]
    if unnamed and len(unnamed) == len(missing) and order == sorted(order):
        out.update((code, drawn[g]) for code, g in guess.items())
    return out


def fix_text_layer(data: bytes, drawn: GlyphTexts, raw_fonts: dict[str, QRawFont]) -> bytes:
    """`data` (a PDF from Qt's PDF engine) with each Type0 font's ToUnicode rebuilt (see the
    module's docstring); anything not shaped as Qt writes it comes back unchanged."""
    xref = _XREF.search(data)
    if not xref:
        return data
    size = int(xref.group(1))
    table = data[xref.end():xref.end() + 20 * size]
    offsets = [int(table[20 * n:20 * n + 10]) for n in range(size) if table[20 * n + 17:20 * n + 18] == b"n"]
    if len(offsets) != size - 1:
        return data
    order = sorted(range(1, size), key=lambda n: offsets[n - 1])
    bounds = {n: (offsets[n - 1], offsets[order[i + 1] - 1] if i + 1 < len(order) else xref.start() + 1)
              for i, n in enumerate(order)}
    replaced: dict[int, bytes] = {}
    for lo, hi in bounds.values():
        font = _FONT.match(data[lo:min(hi, lo + 4096)])  # a Type0 font dictionary, as Qt writes it
        if not font:
            continue
        base_font, obj = font.group(1).decode("latin-1"), int(font.group(2))
        if not 0 < obj < size or base_font not in drawn or base_font not in raw_fonts:
            continue
        start = offsets[obj - 1]
        head = _STREAM.match(data, start)
        if not head or int(head.group(1)) != obj:
            continue
        length = int(head.group(2))
        raw = raw_fonts[base_font]

        def glyph_of(text: str, raw=raw):
            glyphs = raw.glyphIndexesForString(text)
            return glyphs[0] if len(glyphs) == 1 and glyphs[0] else None

        codes = read_to_unicode(data[head.end():head.end() + length])
        cmap = write_to_unicode(corrected_codes(codes, glyph_of, drawn[base_font]))
        replaced[obj] = b"%d 0 obj\n<< /Length %d >>\nstream\n" % (obj, len(cmap)) + cmap + b"\nendstream\nendobj\n"
    if not replaced:
        return data
    out = bytearray(data[:offsets[order[0] - 1]])
    new_offsets = {}
    for n in order:
        new_offsets[n] = len(out)
        lo, hi = bounds[n]
        out += replaced.get(n, data[lo:hi])
    trailer_at = data.find(b"trailer", xref.end())
    startxref = data.find(b"startxref", trailer_at)
    if trailer_at < 0 or startxref < 0:
        return data
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % new_offsets[n] for n in range(1, size))
    out += data[trailer_at:startxref] + b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)
