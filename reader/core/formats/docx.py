"""Word .docx → text lines, with python-docx (already the app's Word writer, reader.core.export).

The body in document order: each paragraph one line (a line break inside it, w:br, starts a new
line; empty paragraphs are blank lines), each table row one line of cells separated by tabs, the
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
    from lxml import etree

    try:
        document = docx.Document(io.BytesIO(data))
    except (KeyError, ValueError, etree.XMLSyntaxError, OSError, EOFError) as exc:
        raise ReadError(name, f"{DAMAGED}：{type(exc).__name__} {str(exc)[:120]}") from exc
    except Exception as exc:  # python-docx raises its own PackageNotFoundError and others
        raise ReadError(name, f"{DAMAGED}：{type(exc).__name__} {str(exc)[:120]}") from exc
    lines: list[str] = []
    for item in document.iter_inner_content():
        deadline.check()
        if hasattr(item, "rows"):
            lines.extend(_table_rows(item, 0))
        else:
            lines.extend(_paragraph_lines(item.text))
    if not any(line.strip() for line in lines):
        raise ReadError(name, NOTHING_READ[DOCX])
    return Extracted("\n".join(lines) + "\n", DOCX, ())


def _paragraph_lines(text: str) -> list[str]:
    return text.split("\n") if "\n" in text else [text]


def _cell_text(cell, depth: int) -> str:
    parts = [p.text for p in cell.paragraphs if p.text.strip()]
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
