"""Word .docx → text lines, with python-docx (already the app's Word writer, reader.core.export).

The body in document order: each paragraph one line (a line break inside it, w:br, starts a new
line; empty paragraphs are blank lines; tracked insertions, fields and content controls are
read, deleted text is not: paragraph_text), each table row one line of cells separated by tabs, the
rows of a table side by side so that reader.core.tables reads them as one table (a merged cell
counts once; a table inside a cell gives its text to the cell). Headers, footers, footnotes and
comments are other parts of the file: left out of the body, like a gazette's running header.

Sizes are checked before python-docx unpacks anything (formats.open_zip: zip bombs); its lxml
parser does not resolve entities and refuses trees deeper than 256 levels.
"""
from __future__ import annotations

import io

from reader.core import deadline
from reader.core.formats import DOCX, NOTHING_READ, Extracted, open_zip
from reader.core.model import ReadError

MAX_NESTING = 8
"""Tables inside table cells deeper than this are read as their text only."""

DAMAGED = "Word 文件（.docx）已损坏或不完整，无法读取 (damaged .docx: its ZIP package is not a Word document)"


def extract(data: bytes, name: str) -> Extracted:
    open_zip(data, name, "Word (.docx)").close()  # sizes checked before python-docx unpacks it
    import docx
    from docx.table import Table
    from lxml import etree

    try:
        document = docx.Document(io.BytesIO(data))
    except (KeyError, ValueError, etree.XMLSyntaxError, OSError, EOFError) as exc:
        raise ReadError(name, f"{DAMAGED}：{type(exc).__name__} {str(exc)[:120]}") from exc
    except Exception as exc:  # python-docx raises its own PackageNotFoundError and others
        raise ReadError(name, f"{DAMAGED}：{type(exc).__name__} {str(exc)[:120]}") from exc
    lines: list[str] = []
    for kind, element in _body_items(document.element.body, 0):
        deadline.check()
        if kind == "tbl":
            lines.extend(_table_rows(Table(element, document), 0))
        else:
            lines.extend(_paragraph_lines(paragraph_text(element)))
    if not any(line.strip() for line in lines):
        raise ReadError(name, NOTHING_READ[DOCX])
    return Extracted("\n".join(lines) + "\n", DOCX, ())


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": W, "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}
# The visible text of a paragraph: every run's text, tabs and breaks, runs inside tracked
# insertions (w:ins), hyperlinks, simple fields and inline content controls included; deleted and
# moved-away text (w:del, w:moveFrom), field codes (w:instrText), tab-stop definitions and text boxes (their own
# paragraphs, w:txbxContent, and their VML copy in mc:Fallback) left out.
_RUN_TEXT = ("./descendant::w:r[not(ancestor::w:txbxContent) and not(ancestor::mc:Fallback)"
             " and not(ancestor::w:del) and not(ancestor::w:moveFrom)]"
             "/*[self::w:t or self::w:tab or self::w:br or self::w:cr]")


_run_text = None  # _RUN_TEXT compiled on first use (lxml is imported only when a .docx is read)


def paragraph_text(p) -> str:
    """A w:p element's text (see _RUN_TEXT); python-docx's Paragraph.text reads only the runs
    directly under the paragraph and loses tracked insertions, fields and content controls."""
    global _run_text
    if _run_text is None:
        from lxml import etree

        _run_text = etree.XPath(_RUN_TEXT, namespaces=_NS)
    out = []
    for e in _run_text(p):
        tag = e.tag.rsplit("}", 1)[-1]
        if tag == "t":
            out.append(e.text or "")
        elif tag == "tab":
            out.append("\t")
        elif tag == "br" and e.get(f"{{{W}}}type") not in ("page", "column"):
            out.append("\n")
        elif tag == "cr":
            out.append("\n")
    return "".join(out)


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
    parts = [t for t in (paragraph_text(p._p) for p in cell.paragraphs) if t.strip()]
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
