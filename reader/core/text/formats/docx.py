"""Word .docx → text lines, with python-docx (already the app's Word writer, reader.core.export).

The body in document order: each paragraph one line (a line break inside it, w:br, starts a new
line; empty paragraphs are blank lines; tracked insertions, fields and content controls are
read, deleted text is not: _pieces), each table row one line of cells separated by tabs, the
rows of a table side by side so that reader.core.text.tables reads them as one table (a merged cell
counts once; a table inside a cell gives its text to the cell). A text box (w:txbxContent: a
DrawingML shape in w:drawing, a VML v:textbox in w:pict) and legacy WordArt (v:textpath, whose
text is its `string`), as 红头 mastheads often are, is read where its anchor run stands in its
paragraph: its paragraphs and tables as lines of their own, once (mc:AlternateContent holds the
same box twice, as mc:Choice and as mc:Fallback: the Choice is read). Headers, footers, footnotes and
comments are other parts of the file: left out of the body, like a gazette's running header, except
a 红头 masthead put in the page header the first page shows (江澜市人民政府办公厅文件 in
word/header1.xml: P.masthead), whose rows go before the body once (_header_masthead): it may be the
only place the issuer is named.
Labels of Word's automatic numbering ("一、", "（二）") are printed before their paragraphs, as Word
shows them (_ListNumbers).

Sizes are checked before python-docx unpacks anything (formats.open_zip: zip bombs); its lxml
parser does not resolve entities and refuses trees deeper than 256 levels.
"""
from __future__ import annotations

import io

from reader.core.documents import deadline
from reader.core.text.formats import DOCX, NOTHING_READ, Extracted, open_zip
from reader.core.model import ReadError
from reader.core.text import patterns as P

MAX_NESTING = 8
"""Tables inside table cells deeper than this are read as their text only; text boxes inside text
boxes deeper than this are left out."""

DAMAGED = "Word 文件（.docx）已损坏或不完整，无法读取 (damaged .docx: its ZIP package is not a Word document)"


def extract(data: bytes, name: str) -> Extracted:
    open_zip(data, name, "Word (.docx)").close()  # sizes checked before python-docx unpacks it
    import docx
    from lxml import etree

    try:
        document = docx.Document(io.BytesIO(data))
    except (KeyError, ValueError, etree.XMLSyntaxError, OSError, EOFError) as exc:
        raise ReadError(name, f"{DAMAGED}：{type(exc).__name__} {str(exc)[:120]}") from exc
    except Exception as exc:  # python-docx raises its own PackageNotFoundError and others
        raise ReadError(name, f"{DAMAGED}：{type(exc).__name__} {str(exc)[:120]}") from exc
    lines = _block_lines(document.element.body, document, _ListNumbers(document), 0)
    masthead = _header_masthead(document, lines)
    if masthead:
        lines = masthead + lines
    if not any(line.strip() for line in lines):
        raise ReadError(name, NOTHING_READ[DOCX])
    return Extracted("\n".join(lines) + "\n", DOCX, ())


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_V = "urn:schemas-microsoft-com:vml"
_R, _BOX, _TEXTPATH = f"{{{W}}}r", f"{{{W}}}txbxContent", f"{{{_V}}}textpath"
_ALTERNATE, _CHOICE, _FALLBACK = f"{{{_MC}}}AlternateContent", f"{{{_MC}}}Choice", f"{{{_MC}}}Fallback"
_T, _TAB, _BR, _CR = (f"{{{W}}}{t}" for t in ("t", "tab", "br", "cr"))
# Deleted and moved-away text (w:del, w:moveFrom) is not shown; paragraph and run properties hold no
# text (w:tab there is a tab-stop definition). Field codes (w:instrText) and deleted text
# (w:delText) are never read: only w:t, w:tab, w:br and w:cr in a run are.
# A VML shape type (v:shapetype) is a template: its v:textpath holds no text of the document.
_UNSHOWN = {f"{{{W}}}{t}" for t in ("del", "moveFrom", "pPr", "rPr")} | {f"{{{_V}}}shapetype"}


def _pieces(element):
    """What Word shows of a paragraph, in order: its text (str: every run's text, tabs and breaks;
    runs inside tracked insertions, hyperlinks, simple fields and inline content controls
    included) and the text boxes anchored in it (the w:txbxContent or v:textpath element). Of an
    mc:AlternateContent the first mc:Choice is read (the Fallback only when there is none): both
    hold the same content. python-docx's Paragraph.text reads only the runs directly under the
    paragraph, and no text box."""
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _UNSHOWN:  # comments, processing instructions
            continue
        if tag == _T or tag == _TAB or tag == _BR or tag == _CR:
            if element.tag != _R:
                continue
            if tag == _T:
                yield child.text or ""
            elif tag == _TAB:
                yield "\t"
            elif tag == _CR or child.get(f"{{{W}}}type") not in ("page", "column"):
                yield "\n"
        elif tag == _BOX or tag == _TEXTPATH:
            yield child
        elif tag == _ALTERNATE:
            chosen = next(child.iterchildren(_CHOICE), None)
            if chosen is None:
                chosen = next(child.iterchildren(_FALLBACK), None)
            if chosen is not None:
                yield from _pieces(chosen)
        else:
            yield from _pieces(child)


def _block_lines(container, parent, numbers, depth: int) -> list[str]:
    """The lines of a body or a text box: paragraphs (with the text boxes they anchor) and tables.
    `parent`: python-docx's object the tables belong to; `numbers`: _ListNumbers, or None where
    Word's numbering labels are not printed (table cells)."""
    from docx.table import Table

    lines: list[str] = []
    for kind, element in _body_items(container, depth):
        deadline.check()
        if kind == "tbl":
            lines.extend(_table_rows(Table(element, parent), depth))
        else:
            lines.extend(_paragraph_block(element, parent, numbers, depth))
    return lines


def _paragraph_block(p, parent, numbers, depth: int) -> list[str]:
    """A paragraph's lines: its text, cut where a text box is anchored, and the box's lines there.
    The numbering label goes with the paragraph's first text (a box anchored before it does not
    take it); a paragraph that holds only a box is the box's lines, no blank line."""
    label = numbers.label(p) if numbers is not None else ""
    lines: list[str] = []
    text: list[str] = []
    for piece in _pieces(p):
        if isinstance(piece, str):
            text.append(piece)
            continue
        if "".join(text).strip():
            lines.extend(_paragraph_lines(label + "".join(text)))
            label = ""
        text.clear()
        if piece.tag == _TEXTPATH:
            if (piece.get("string") or "").strip():
                lines.extend(_paragraph_lines(piece.get("string")))
        elif depth < MAX_NESTING:
            lines.extend(_block_lines(piece, parent, numbers, depth + 1))
    rest = "".join(text)
    if rest.strip() or not lines:
        lines.extend(_paragraph_lines(label + rest))
    return lines


class _ListNumbers:
    """The labels Word's numbering feature prints before list paragraphs ("一、", "（二）", "3."):
    part of the text a reader sees, and of what the splitter and the task reader look for.

    A paragraph is numbered by its own w:numPr or its style's (styles.xml); each w:num keeps its
    counters per level, a deeper level restarts when a shallower one advances; the label is the
    level's lvlText with %1…%9 replaced by the counters in the levels' number formats. Bullets
    give no label.
    """

    def __init__(self, document) -> None:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId → ilvl → (start, fmt, text)
        self.style_num: dict[str, tuple[str, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            numbering = document.part.part_related_by(RT.NUMBERING).element
        except (KeyError, AttributeError):
            return
        q = f"{{{W}}}"
        abstract = {}
        for a in numbering.iterchildren(q + "abstractNum"):
            lvls = {}
            for lvl in a.iterchildren(q + "lvl"):

                def get(name, lvl=lvl):
                    return next((e.get(q + "val") for e in lvl.iterchildren(q + name)), None)

                lvls[int(lvl.get(q + "ilvl", "0"))] = (int(get("start") or 1), get("numFmt") or "decimal",
                                                         get("lvlText") or "")
            abstract[a.get(q + "abstractNumId")] = lvls
        for num in numbering.iterchildren(q + "num"):
            ref = next((e.get(q + "val") for e in num.iterchildren(q + "abstractNumId")), None)
            if ref in abstract:
                self.levels[num.get(q + "numId")] = abstract[ref]
        for style in document.styles.element.iterchildren(q + "style"):
            found = self._num_pr(style)
            if found:
                self.style_num[style.get(q + "styleId")] = found

    @staticmethod
    def _num_pr(element) -> tuple[str, int] | None:
        q = f"{{{W}}}"
        for ppr in element.iterchildren(q + "pPr"):
            for num_pr in ppr.iterchildren(q + "numPr"):
                num_id = next((e.get(q + "val") for e in num_pr.iterchildren(q + "numId")), None)
                ilvl = next((e.get(q + "val") for e in num_pr.iterchildren(q + "ilvl")), "0")
                if num_id is not None:
                    return num_id, int(ilvl or 0)
        return None

    def label(self, p) -> str:
        if not self.levels:
            return ""
        found = self._num_pr(p)
        if found is None:
            q = f"{{{W}}}"
            style = next((s.get(q + "val") for ppr in p.iterchildren(q + "pPr")
                          for s in ppr.iterchildren(q + "pStyle")), None)
            found = self.style_num.get(style) if style else None
        if found is None or found[0] not in self.levels:
            return ""  # numId 0 switches numbering off
        num_id, ilvl = found
        levels = self.levels[num_id]
        if ilvl not in levels or levels[ilvl][1] in ("bullet", "none"):
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl][0] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = levels[ilvl][2]
        for k in range(9):
            if f"%{k + 1}" in text:
                start, fmt, _ = levels.get(k, (1, "decimal", ""))
                text = text.replace(f"%{k + 1}", number_label(counters.get(k, start), fmt))
        return text


_CN_DIGITS = "〇一二三四五六七八九"


def number_label(n: int, fmt: str) -> str:
    """A counter in a Word number format: decimal 3, chineseCounting 三 / 十二, decimalEnclosedCircle ③ …"""
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "japaneseCounting",
               "taiwaneseCounting", "chineseLegalSimplified"):
        if fmt == "ideographTraditional" and 1 <= n <= 10:
            return "甲乙丙丁戊己庚辛壬癸"[n - 1]
        if 0 <= n < 10:
            return _CN_DIGITS[n]
        if n < 100:
            tens, ones = divmod(n, 10)
            return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")
        return str(n)
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt in ("lowerLetter", "upperLetter") and n >= 1:
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 0 < n < 4000:
        out = ""
        for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                               (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
            while n >= value:
                out, n = out + numeral, n - value
        return out.lower() if fmt == "lowerRoman" else out
    return str(n)


def _header_masthead(document, body: list[str]) -> list[str]:
    """The 红头 masthead rows of the header the first page shows (the first section's first-page
    header when it has one, else its default header), to go before the body: rows that are a
    masthead (P.masthead: 某某局文件, or 文件 under organ rows) naming an organ, with the organ rows
    right above them (a joint masthead's organs one a row). Every other header row (a gazette's
    江澜市人民政府公报 2024年第3期, a title repeated on every page, 第 1 页) stays out, and so does
    a masthead the body's first rows already print."""
    section = document.sections[0] if document.sections else None
    if section is None:
        return []
    header = section.first_page_header if section.different_first_page_header_footer else section.header
    if header.is_linked_to_previous:  # the first section has no such header: nothing on the page
        return []
    rows = [line for line in _block_lines(header._element, header, None, 0) if line.strip()]
    cs = [P.compact(row) for row in rows]
    keep: set[int] = set()
    for i, c in enumerate(cs):
        above = cs[i - 1] if i else ""
        if P.masthead(c, above):
            keep.add(i)
            j = i - 1
            while j >= 0 and j not in keep and P.is_organ(cs[j]):
                keep.add(j)
                j -= 1
    if not keep:
        return []
    printed = {P.compact(line) for line in body[:len(rows) + 8] if line.strip()}
    if all(cs[i] in printed for i in keep):
        return []
    return [rows[i].replace("\t", "") for i in sorted(keep)]  # (organ and 文件 in two cells of a table: one row)


def _body_items(container, depth: int):
    """("p" | "tbl", element) of a body in order; block content controls (w:sdt) are opened."""
    for child in container.iterchildren():
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == f"{{{W}}}p":
            yield "p", child
        elif tag == f"{{{W}}}tbl":
            yield "tbl", child
        elif tag == f"{{{W}}}sdt" and depth < MAX_NESTING:
            for content in child.iterchildren(f"{{{W}}}sdtContent"):
                yield from _body_items(content, depth + 1)


def _paragraph_lines(text: str) -> list[str]:
    return text.split("\n") if "\n" in text else [text]


def _cell_text(cell, depth: int) -> str:
    parts = [t for p in cell.paragraphs for t in _paragraph_block(p._p, cell, None, depth) if t.strip()]
    if depth < MAX_NESTING:
        for inner in cell.tables:
            parts.extend(" ".join(row.split("\t")) for row in _table_rows(inner, depth + 1))
    # a cell is one table cell: its own line breaks and tabs become spaces
    return " ".join(" ".join(p.split()) for p in parts)


def _table_rows(table, depth: int) -> list[str]:
    rows: list[str] = []
    for row in table.rows:
        deadline.check()
        cells: list[str] = []
        seen = None
        for cell in row.cells:
            if cell._tc is seen:  # a horizontally merged cell is listed once per grid column
                continue
            seen = cell._tc
            cells.append(_cell_text(cell, depth))
        if any(cells):
            rows.append("\t".join(cells))
    return rows
