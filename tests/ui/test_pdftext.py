"""The ToUnicode maps of the PDFs Qt writes, rebuilt from the text drawn (reader.ui.pdftext)."""
from __future__ import annotations

from reader.ui.pdftext import corrected_codes, drawn_glyphs, read_to_unicode, write_to_unicode

# a font as Qt sees it: 人 and the radical ⼈ share glyph 10; glyphs 30 and 31 (SC digits put in
# by an OpenType substitution) have no code point; a is glyph 11
CMAP = {"人": 10, "⼈": 10, "a": 11, "0": 20, "9": 21}


def glyph_of(text):
    return CMAP.get(text)


def test_a_shared_glyph_reads_as_the_text_drawn_and_unnamed_glyphs_in_drawing_order():
    drawn = {10: "人", 30: "0", 11: "a", 31: "9"}  # Qt numbers them 1, 2, 3, 4 in this order
    qt = {1: "⼈", 3: "a"}  # the lowest code point of glyph 10; nothing for 30 and 31
    assert corrected_codes(qt, glyph_of, drawn) == {1: "人", 2: "0", 3: "a", 4: "9"}


def test_unnamed_glyphs_stay_unnamed_when_the_order_does_not_hold():
    drawn = {30: "0", 10: "人", 11: "a", 31: "9"}  # 30 drawn first, yet Qt's code 1 is glyph 10
    assert corrected_codes({1: "⼈", 3: "a"}, glyph_of, drawn) == {1: "人", 3: "a"}


def test_a_radical_no_drawn_text_accounts_for_reads_as_its_ideograph():
    assert corrected_codes({1: "⺠", 2: "⽔", 3: "b"}, glyph_of, {}) == {1: "民", 2: "水", 3: "b"}


def test_the_cmap_written_reads_back():
    codes = {1: "人", 2: "0", 0x1FF: "𠀀", 0x200: "ﬁ", 0x300: "fi"}
    many = {n: chr(0x4E00 + n) for n in range(1, 260)}  # more than one bfchar section
    for table in (codes, many):
        cmap = write_to_unicode(table)
        assert cmap.count(b"beginbfchar") == (len(table) + 99) // 100
        assert read_to_unicode(cmap) == table


def test_qt_ranges_are_read():
    cmap = (b"3 beginbfrange\n<0000> <0000> <0000>\n<0001> <0003> [<2F08> <0031> <D840DC00>]\n"
            b"<0010> <0012> <0041>\nendbfrange\n")
    assert read_to_unicode(cmap) == {0: "\0", 1: "⼈", 2: "1", 3: "𠀀", 0x10: "A", 0x11: "B", 0x12: "C"}


def test_the_glyphs_drawn_and_their_text(qapp):
    """A path's digits in a Latin run ('locl' substitutes them in Noto Sans CJK SC) each read as
    their digit, a repeated one too; a ligature reads as all its characters."""
    from PySide6.QtGui import QFont, QRawFont, QTextDocument

    layout = QTextDocument()
    font = QFont()
    font.setFamilies(["Noto Sans CJK SC"])
    layout.setDefaultFont(font)
    layout.setPlainText("人民政府 /work/001_a9 office")
    layout.pageCount()  # laid out
    glyphs, fonts = drawn_glyphs(layout)
    ((name, drawn),) = glyphs.items()
    raw = fonts[name]
    assert isinstance(raw, QRawFont)
    texts = set(drawn.values())
    assert {"人", "民", "政", "府", "0", "1", "9", "a"} <= texts
    assert not any(len(t) > 1 and t.isdigit() for t in texts)  # "00" is two glyphs, not one
    ligature = [t for t in texts if len(t) > 1]
    assert all(t in "office" for t in ligature)  # whichever ligature the font has (ffi, fi)
    assert "".join(drawn[g] for g in raw.glyphIndexesForString("人民")) == "人民"
