"""Export documents as plain text files with a metadata header (or as Word files: export_docx).

Each file is::

    标题：…
    文号：…
    发文机关：…、…
    成文日期：YYYY-MM-DD
    来源：<file>:<first>-<last>          (a PDF/OFD adds its pages: … 第3-5页)
    <blank line>
    <reading text>

File names come from 文号 and title, made safe on every system. Nothing is
ever overwritten (an existing name gets " (2)", " (3)" …) and nothing is
written outside the chosen folder.
"""
from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from reader.core.model import Document
from reader.core.text.tables import aligned_rows
from reader.core.text.formats import TEXT_SUFFIXES

ENCODINGS = ("utf-8", "utf-8-sig", "gb18030")
MAX_NAME_CHARS = 120
MAX_NAME_BYTES = 200  # leaves room for " (99).txt" under the 255-byte limit
SEPARATOR = "=" * 40  # between documents in a single-file export
HEADER_FIELDS = ("标题", "文号", "发文机关", "成文日期", "来源")
# Path separators, Windows-forbidden characters, control characters, and bidi controls
# (U+202E would show "exe.txt" as "txt.exe").
_BAD_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]')
# Windows device names, with any extension: such a file cannot be created, or opens the device.
# COM0/LPT0, the superscript digits ¹²³ and the console's CONIN$/CONOUT$ count too.
_RESERVED = {"con", "prn", "aux", "nul", "conin$", "conout$",
             *(f"{port}{digit}" for port in ("com", "lpt") for digit in "0123456789¹²³")}


def header_lines(doc: Document, notes: Sequence[str] = ()) -> list[str]:
    """The metadata header; the user's notes on the document (批注) follow as lines of their own."""
    m = doc.meta
    return [
        f"标题：{m.title}",
        f"文号：{m.doc_number or ''}",
        f"发文机关：{'、'.join(m.issuers)}",
        f"成文日期：{m.date or ''}",
        f"来源：{doc.file}:{doc.first_line}-{doc.last_line}" + (_pages(doc.pages) if doc.pages else ""),
        *(f"批注：{n}" for n in notes),
    ]


def _pages(pages: tuple[int, int]) -> str:
    first, last = pages
    return f" 第{first}页" if first == last else f" 第{first}-{last}页"


def render(doc: Document, notes: Sequence[str] = ()) -> str:
    """The exported text of one document, with "\\n" line ends."""
    return "\n".join(header_lines(doc, notes)) + "\n\n" + export_text(doc) + "\n"


def export_text(doc: Document) -> str:
    """The reading text with each table written as aligned columns (a text file has no grid)."""
    text = doc.text
    for table in sorted(doc.tables, key=lambda t: t.start, reverse=True):
        if 0 <= table.start <= table.end <= len(text):
            text = text[: table.start] + "\n".join(aligned_rows(table)) + text[table.end:]
    return text


def safe_name(name: str, default: str = "未命名") -> str:
    """A file name stem that is valid and harmless on Windows, macOS and Linux."""
    s = re.sub(r"\s+", " ", name)
    s = _BAD_CHARS.sub("", s).strip()
    s = re.sub(r"\.{2,}", ".", s).strip(" .")
    s = s[:MAX_NAME_CHARS]
    while len(s.encode("utf-8")) > MAX_NAME_BYTES:  # Linux and macOS count bytes (255)
        s = s[:-1]
    s = s.rstrip(" .")
    if not s:
        s = default
    if s.split(".")[0].strip().lower() in _RESERVED:
        s = "_" + s
    return s


def doc_file_stem(doc: Document) -> str:
    m = doc.meta
    parts = [p for p in (m.doc_number, m.title) if p]
    return safe_name(" ".join(parts))


def _create_unique(out_dir: Path, stem: str, suffix: str, data: bytes, taken: set[str]) -> Path:
    """Write data to a new file named stem[ (n)]suffix in out_dir; never overwrites."""
    n = 1
    while True:
        name = f"{stem}{suffix}" if n == 1 else f"{stem} ({n}){suffix}"
        n += 1
        if name.lower() in taken:
            continue
        path = out_dir / name
        if path.is_symlink():
            continue  # a link planted under this name: never written through, take the next name
        if path.resolve().parent != out_dir:
            raise ValueError(f"不安全的文件名：{name}")
        try:
            with open(path, "xb") as f:  # exclusive create: never overwrite
                f.write(data)
        except FileExistsError:
            continue
        taken.add(name.lower())
        return path


def _encode(text: str, encoding: str, crlf: bool) -> bytes:
    if crlf:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    return text.encode(encoding)


def export_documents(
    docs: Sequence[Document],
    out_dir,
    *,
    encoding: str = "utf-8",
    crlf: bool = False,
    single_file: str | None = None,
    notes: Mapping[str, Sequence[str]] | None = None,
) -> list[Path]:
    """Write docs into out_dir (created if needed); returns the paths written; notes: the
    user's notes by document id, written with each document's header.

    encoding is utf-8, utf-8-sig (with BOM, for Notepad) or gb18030; crlf gives
    Windows line ends; single_file writes all documents into one file of that name.
    """
    notes = notes or {}
    enc = encoding.lower().replace("_", "-")
    if enc in ("utf8",):
        enc = "utf-8"
    if enc not in ENCODINGS:
        raise ValueError(f"不支持的编码：{encoding}（可选 {', '.join(ENCODINGS)}）")
    out = Path(os.path.abspath(Path(out_dir).expanduser()))
    out.mkdir(parents=True, exist_ok=True)
    out = out.resolve()
    taken: set[str] = set()
    if single_file is not None:
        stem, suffix = os.path.splitext(single_file)
        if suffix.lower() not in TEXT_SUFFIXES:
            stem, suffix = single_file, ".txt"
        body = f"\n{SEPARATOR}\n\n".join(render(d, notes.get(d.id, ())) for d in docs)
        return [_create_unique(out, safe_name(stem, "导出"), suffix, _encode(body, enc, crlf), taken)]
    return [_create_unique(out, doc_file_stem(d), ".txt", _encode(render(d, notes.get(d.id, ())), enc, crlf), taken)
            for d in docs]


def write_new_files(out_dir, files: Sequence[tuple[str, bytes]], suffix: str) -> list[Path]:
    """Write (name stem, data) pairs into out_dir (created if needed) under safe, unique names:
    the naming and no-overwrite rules of export_documents for another format (e.g. PDF)."""
    out = Path(os.path.abspath(Path(out_dir).expanduser()))
    out.mkdir(parents=True, exist_ok=True)
    out = out.resolve()
    taken: set[str] = set()
    return [_create_unique(out, safe_name(stem, "导出"), suffix, data, taken) for stem, data in files]


# Characters XML 1.0 cannot hold (a .docx is XML): control characters other than tab and
# line ends, lone surrogates, U+FFFE/U+FFFF. A source file may carry them; Word never shows them.
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(s: str) -> str:
    return _XML_BAD.sub("", s)


def text_segments(doc: Document) -> list[tuple[str, object]]:
    """The reading text in order as ("text", str) and ("table", Table) pieces: each table
    replaces its span of the text (the cells tab-separated there). The Word export writes them;
    the self-test checks a text export against them."""
    text, pos, out = doc.text, 0, []
    for table in sorted(doc.tables, key=lambda t: t.start):
        if not (pos <= table.start <= table.end <= len(text)) or not table.rows:
            continue
        out.append(("text", text[pos:table.start]))
        out.append(("table", table))
        pos = table.end
    out.append(("text", text[pos:]))
    return out


def _add_docx_document(word, doc: Document, notes: Sequence[str] = ()) -> None:
    """One document into the python-docx Document `word`: the header (title as a heading,
    then 文号, 发文机关, 成文日期, the user's 批注), the text as paragraphs, tables as Word tables."""
    m = doc.meta
    word.add_heading(_xml_text(m.title), level=1)
    lines = header_lines(doc, notes)
    for line in lines[1:4] + lines[5:]:  # the text export's own lines, but the source path
        word.add_paragraph(_xml_text(line))
    word.add_paragraph("")
    for kind, piece in text_segments(doc):
        if kind == "table":
            width = max(len(r) for r in piece.rows)
            grid = word.add_table(rows=len(piece.rows), cols=width)
            grid.style = "Table Grid"
            for r, row in enumerate(piece.rows):
                for c, cell in enumerate(row):
                    grid.cell(r, c).text = _xml_text(cell)
            continue
        lines = piece.split("\n")
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        for line in lines:
            word.add_paragraph(_xml_text(line))


def docx_bytes(docs: Sequence[Document], notes: Mapping[str, Sequence[str]] | None = None) -> bytes:
    """`docs` as one Word document, each from a new page (with the user's notes by id)."""
    import io

    import docx
    from docx.enum.text import WD_BREAK

    word = docx.Document()
    for i, doc in enumerate(docs):
        if i:
            word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _add_docx_document(word, doc, (notes or {}).get(doc.id, ()))
    buf = io.BytesIO()
    word.save(buf)
    return buf.getvalue()


def export_docx(docs: Sequence[Document], out_dir, single_file: str | None = None,
                notes: Mapping[str, Sequence[str]] | None = None) -> list[Path]:
    """One .docx per document (named like the text export), or all in one; never overwrites."""
    if single_file is not None:
        stem = single_file[:-5] if single_file.lower().endswith(".docx") else single_file
        return write_new_files(out_dir, [(stem, docx_bytes(docs, notes))], ".docx")
    return write_new_files(out_dir, [(doc_file_stem(d), docx_bytes([d], notes)) for d in docs], ".docx")


def read_export(path, encoding: str = "utf-8") -> list[tuple[dict[str, str], str]]:
    """Read an exported file back: [(header fields, reading text)], one per document."""
    raw = Path(path).read_bytes().decode(encoding)
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    raw = raw.replace("\r\n", "\n")
    parts = raw.split(f"\n{SEPARATOR}\n\n")
    out = []
    for part in parts:
        head, _, body = part.partition("\n\n")
        fields = {}
        for line in head.split("\n"):
            k, _, v = line.partition("：")
            fields[k] = v
        out.append((fields, body[:-1] if body.endswith("\n") else body))
    return out
