"""PDF, Word (.docx) and OFD beside .txt (issue 14): reading order, fields, hostile files, radicals.

Every test file is built here from our own texts (tests/formats_fixtures.py): PDFs painted with Qt
and a CJK font, .docx written with python-docx, OFD written with zipfile to GB/T 33190's layout.
"""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import time
import unicodedata
import zipfile
from pathlib import Path

import pytest

from reader.core.text import formats
from reader.core.text.formats import ofd as ofd_reader
from reader.core.text.formats import pdf as pdf_reader
from reader.core.text.normalise import RADICAL_SUPPLEMENT_SOURCE, RADICAL_SUPPLEMENT_TARGET, RADICALS, clean_text
from reader.core.documents.pipeline import parse_bytes, parse_file
from tests import formats_fixtures as fx
from tests.conftest import ROOT


@pytest.fixture(scope="session")
def files(qapp) -> dict[str, bytes]:
    """Every fixture once per session (the PDFs need Qt's font machinery: qapp)."""
    return {
        "gazette.txt": fx.gazette_text().encode("utf-8"),
        "gazette-1col.pdf": fx.gazette_pdf(columns=1),
        "gazette-2col.pdf": fx.gazette_pdf(columns=2),
        "gazette-rows.pdf": fx.gazette_pdf(columns=2, row_order=True),
        "table.pdf": fx.table_pdf(),
        "scan.pdf": fx.scanned_pdf(),
        "notice.docx": fx.gazette_docx(),
        "gazette.ofd": fx.gazette_ofd(),
    }


def _fields(doc) -> tuple:
    m = doc.meta
    return m.title, m.doc_number, tuple(m.issuers), m.date, m.kind, m.year


# ── the same documents and fields as the .txt ───────────────────────────────

@pytest.mark.parametrize("name", ["gazette-1col.pdf", "gazette-2col.pdf", "gazette-rows.pdf", "gazette.ofd"])
def test_a_paged_gazette_gives_the_documents_and_fields_of_its_text(files, name):
    text = parse_bytes(files["gazette.txt"], "gazette.txt")
    paged = parse_bytes(files[name], name)
    assert paged.error is None and text.error is None
    assert len(paged.documents) == len(text.documents) == len(fx.GAZETTE_DOCS)
    for want, got in zip(text.documents, paged.documents):
        assert _fields(got) == _fields(want)
        assert got.text == want.text  # lines re-joined into the same paragraphs, headers and page numbers gone
        assert [s.text for s in got.entities] == [s.text for s in want.entities]
        assert got.pages is not None and want.pages is None
    assert paged.encoding in ("PDF", "OFD")


def test_two_columns_drawn_row_by_row_are_read_by_position(files):
    """The content stream alternates left and right column lines: read in stream order the text
    would interleave two documents; the characters' positions give the columns."""
    extracted = formats.extract(files["gazette-rows.pdf"], "rows.pdf")
    first_doc = "".join(fx.GAZETTE_DOCS[0][:4]).replace("　", "")
    text = clean_text(extracted.text.replace("\n", ""))
    assert first_doc in text
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(files["gazette-rows.pdf"])[0]
    stream_order = page.get_textpage().get_text_range().translate(RADICALS).replace("\r\n", "")
    assert first_doc not in stream_order  # the stream's own order is wrong: the test can fail


def test_columns_are_not_found_in_a_one_column_page_or_a_table(files):
    for name in ("gazette-1col.pdf", "table.pdf"):
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw

        page = pdfium.PdfDocument(files[name])[0]
        runs, _ = pdf_reader._runs(page.get_textpage(), name, 0, raw)
        from reader.core.text.formats.layout import _gutter

        assert _gutter(runs) is None, name


@pytest.mark.parametrize("rotate", [90, 270])
def test_a_rotated_page_is_read_along_its_lines(rotate):
    lines = [b"First line of the landscape page", b"Second line below it", b"Third line"]
    extracted = formats.extract(fx.rotated_pdf(lines, rotate), "landscape.pdf")
    assert extracted.text.split("\n")[:3] == [line.decode() for line in lines]


def test_a_pdf_table_is_a_table(files):
    result = parse_bytes(files["table.pdf"], "table.pdf")
    assert result.error is None and len(result.documents) == 1
    doc = result.documents[0]
    assert [t.rows for t in doc.tables] == [fx.TABLE_ROWS]
    assert doc.meta.doc_number == "江财农〔2023〕9号" and doc.meta.date == "2023-04-10"


def test_a_docx_gives_paragraphs_in_order_tables_as_tables_its_masthead_header_and_no_footer(files):
    result = parse_bytes(files["notice.docx"], "notice.docx")
    assert result.error is None and result.encoding == "DOCX"
    doc = result.documents[0]
    assert [t.rows for t in doc.tables] == [fx.TABLE_ROWS]
    assert doc.meta.title == fx.TABLE_DOC[0] and doc.meta.doc_number == "江财农〔2023〕9号"
    assert doc.meta.issuers == ["江海市财政局"] and doc.meta.date == "2023-04-10"
    # the page header is a masthead: read once, before the body; the footer is left out
    assert doc.text.startswith("江海市财政局文件") and doc.text.count("江海市财政局文件") == 1
    assert "— 1 —" not in doc.text
    assert doc.pages is None  # Word files are not paged: lines, not pages
    assert doc.text.index("根据省财政厅") < doc.text.index("序号") < doc.text.index("南港市")


def test_a_revised_docx_reads_what_word_shows():
    text = formats.extract(fx.revised_docx(), "revised.docx").text
    lines = text.split("\n")
    assert lines[1] == "请于6月10日前报送市防指办公室。"  # insertion and field result in, deletion and code out
    assert "5月底前" not in text and "PAGE" not in text
    assert "联系人：王明" in lines  # a block content control's paragraph


def test_word_list_numbers_are_printed_as_word_shows_them():
    lines = formats.extract(fx.numbered_docx(), "numbered.docx").text.split("\n")
    assert lines[1:7] == ["一、总体要求", "（一）稳定粮食面积", "（二）抓好农资供应", "二、工作措施",
                          "（一）强化技术指导", "不编号的段落。"]


@pytest.mark.parametrize("masthead", ["alternate", "vml", "wordart", "group", "fallback"])
def test_a_masthead_in_a_text_box_is_read_once_and_names_the_issuer(masthead):
    """红头 mastheads are often text boxes (Word's DrawingML box with its VML copy, a VML box from
    WPS, legacy WordArt, a group holding masthead and 文号, a box only in mc:Fallback): read once,
    it is the only place the issuer is named."""
    data = fx.text_box_docx(masthead)
    text = formats.extract(data, "红头.docx").text
    assert text.startswith("江海市人民政府文件\n江政发〔2023〕21号\n")
    assert text.count("江海市人民政府文件") == 1 and text.count("江政发〔2023〕21号") == 1
    doc, = parse_bytes(data, "红头.docx").documents
    assert doc.meta.issuers == ["江海市人民政府"]
    assert doc.meta.doc_number == "江政发〔2023〕21号" and doc.meta.title == fx.TEXT_BOX_NOTICE[1]


MASTHEAD = "江澜市人民政府办公厅文件"


@pytest.mark.parametrize("where", ["default", "first", "box", "joint"])
def test_a_masthead_in_the_page_header_the_first_page_shows_names_the_issuer(where):
    """A 红头 put in Word's page header (word/header*.xml), not the body: the default header, the
    first-page header of a file with "different first page" (its default header a running header),
    a text box in the header, a joint masthead's organs one a row over 文件. Only the header names
    the issuer; its masthead rows go before the body, once."""
    rows = ["江澜市财政局", "江澜市农业农村局", "文件"] if where == "joint" else [MASTHEAD]
    data = {"default": lambda: fx.header_docx(rows),
            "first": lambda: fx.header_docx(["江澜市人民政府公报 2024年第3期"], first=rows),
            "box": lambda: fx.header_docx(rows, masthead_box=True),
            "joint": lambda: fx.header_docx(rows)}[where]()
    text = formats.extract(data, "红头.docx").text
    assert text == "\n".join(rows) + "\n" + formats.extract(fx.header_docx(), "红头.docx").text
    assert "公报" not in text
    doc, = parse_bytes(data, "红头.docx").documents
    assert doc.meta.issuers == (["江澜市财政局", "江澜市农业农村局"] if where == "joint" else ["江澜市人民政府办公厅"])
    assert doc.meta.doc_number == "江政发〔2023〕21号" and doc.meta.title == fx.TEXT_BOX_NOTICE[1]
    assert doc.text.count(rows[0]) == 1


@pytest.mark.parametrize("header", [
    ["江澜市人民政府公报 2024年第3期"],  # a gazette's running header
    ["江澜市人民政府公报", "2024年第3期"],
    [fx.TEXT_BOX_NOTICE[1]],  # the title repeated on every page
    ["第 1 页"],
    ["关于转发省政府文件的通知文件"],  # ends in 文件 but names no organ
])
def test_a_running_page_header_stays_out_of_the_text_and_the_split(header):
    plain = fx.header_docx()
    data = fx.header_docx(header)
    assert formats.extract(data, "a.docx").text == formats.extract(plain, "a.docx").text
    got, want = parse_bytes(data, "a.docx"), parse_bytes(plain, "a.docx")
    assert [(d.text, d.meta.title, d.meta.issuers, d.meta.doc_number) for d in got.documents] == \
        [(d.text, d.meta.title, d.meta.issuers, d.meta.doc_number) for d in want.documents]
    assert want.documents[0].meta.issuers == []  # nothing but a masthead could name it


def test_a_masthead_in_a_default_header_the_first_page_does_not_show_is_left_out():
    """With "different first page" set and an empty first-page header, page 1 shows no masthead."""
    import docx

    d = docx.Document(io.BytesIO(fx.header_docx([MASTHEAD])))
    d.sections[0].different_first_page_header_footer = True
    out = io.BytesIO()
    d.save(out)
    assert MASTHEAD not in formats.extract(out.getvalue(), "a.docx").text


def test_a_masthead_both_in_the_header_and_in_the_body_is_read_once():
    import docx

    d = docx.Document(io.BytesIO(fx.text_box_docx()))  # its masthead a text box in the body
    d.sections[0].header.paragraphs[0].text = "江海市人民政府文件"
    out = io.BytesIO()
    d.save(out)
    text = formats.extract(out.getvalue(), "红头.docx").text
    assert text.startswith("江海市人民政府文件\n江政发〔2023〕21号\n") and text.count("江海市人民政府文件") == 1


def test_a_docx_without_a_header_reads_as_before():
    """No header part, and a header part holding nothing: the body alone, as it was read before."""
    import docx

    d = docx.Document(io.BytesIO(fx.header_docx()))
    assert d.sections[0].header.is_linked_to_previous  # the file has no header part at all
    body = "\n".join(fx.TEXT_BOX_NOTICE) + "\n"
    assert formats.extract(fx.header_docx(), "a.docx").text == body
    assert formats.extract(fx.header_docx([""]), "a.docx").text == body


def test_text_boxes_are_read_where_they_are_anchored_and_a_header_box_is_not():
    lines = [x for x in formats.extract(fx.text_box_docx(), "红头.docx").text.split("\n") if x]
    notice = fx.TEXT_BOX_NOTICE
    before, after = notice[5].split("，", 1)
    assert lines == ["江海市人民政府文件", *notice[:4],
                     "联系人：市防指办公室 李华", notice[4],  # a VML box anchored at the paragraph's start
                     before + "，", "隐患排查清单", "序号\t事项", "1\t水库安全检查", after,  # one in its middle
                     "（此件公开发布）", *notice[6:]]
    doc, = parse_bytes(fx.text_box_docx(), "红头.docx").documents
    assert [t.rows for t in doc.tables] == [[["序号", "事项"], ["1", "水库安全检查"]]]  # a table in a box is a table


def test_a_box_anchored_before_a_numbered_paragraphs_text_leaves_it_its_label():
    import docx
    from docx.oxml import parse_xml

    d = docx.Document(io.BytesIO(fx.numbered_docx()))
    numbered = d.paragraphs[1]._p  # 总体要求, numbered 一、
    numbered.insert(1, parse_xml(fx.text_box_run(["（本段附图）"], 5)))  # after its w:pPr
    out = io.BytesIO()
    d.save(out)
    lines = formats.extract(out.getvalue(), "numbered.docx").text.split("\n")
    assert lines[1:4] == ["（本段附图）", "一、总体要求", "（一）稳定粮食面积"]


def test_number_labels():
    from reader.core.text.formats.docx import number_label

    assert [number_label(n, "chineseCounting") for n in (1, 10, 11, 20, 23)] == ["一", "十", "十一", "二十", "二十三"]
    assert number_label(3, "decimalEnclosedCircle") == "③" and number_label(4, "upperRoman") == "IV"
    assert number_label(2, "ideographTraditional") == "乙" and number_label(12, "decimal") == "12"


def test_ofd_pages_give_page_ranges(files):
    result = parse_bytes(fx.gazette_ofd(per_page=12), "paged.ofd")
    assert result.error is None and result.pages == 3
    assert [d.pages for d in result.documents] == [(1, 1), (2, 2), (3, 3)]
    spread = parse_bytes(fx.gazette_ofd(per_page=8), "spread.ofd")
    assert spread.documents[0].pages == (1, 2)  # a document over two pages: 第 1–2 页


def test_the_type_is_read_from_the_content_not_the_name(files):
    assert formats.sniff(files["gazette-2col.pdf"]) == formats.PDF
    assert formats.sniff(files["notice.docx"]) == formats.DOCX
    assert formats.sniff(files["gazette.ofd"]) == formats.OFD
    assert formats.sniff(files["gazette.txt"]) == formats.TEXT
    renamed = parse_bytes(files["gazette-2col.pdf"], "公报.txt")  # a PDF saved as .txt
    assert renamed.error is None and renamed.encoding == "PDF" and len(renamed.documents) == 3
    text_named_pdf = parse_bytes(files["gazette.txt"], "公报.pdf")
    assert text_named_pdf.error is None and text_named_pdf.encoding == "utf-8"


# ── problems with their reasons, in bounded time ───────────────────────────

HOSTILE = {
    "scan.pdf": (lambda f: f["scan.pdf"], "扫描件，没有文字层"),
    "encrypted.pdf": (lambda f: fx.encrypted_pdf(), "已加密"),
    "truncated.pdf": (lambda f: f["gazette-2col.pdf"][: len(f["gazette-2col.pdf"]) // 3], "损坏或不完整"),
    "garbage.pdf": (lambda f: b"%PDF-1.7\n" + bytes(range(256)) * 40, "损坏或不完整"),
    "huge-page.pdf": (lambda f: fx.huge_page_pdf(), "超过上限"),
    "bomb.docx": (lambda f: fx.zip_bomb("word/document.xml", extra={"[Content_Types].xml": b"<Types/>"}), "压缩炸弹"),
    "bomb.ofd": (lambda f: fx.zip_bomb("Doc_0/Pages/Page_0/Content.xml", extra={"OFD.xml": b"<OFD/>"}), "压缩炸弹"),
    "old.doc": (lambda f: fx.old_word_doc(), "另存为 .docx"),
    "locked.docx": (lambda f: fx.old_word_doc("EncryptedPackage"), "已加密"),
    "old-named.wps": (lambda f: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000, "另存为 .docx"),
    "damaged.docx": (lambda f: f["notice.docx"][:-200] , "ZIP"),
    "no-text.ofd": (lambda f: fx.gazette_ofd(pages=[[]]), "没有可读的文字"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files_are_problems_with_a_reason(files, name):
    make, reason = HOSTILE[name]
    start = time.monotonic()
    result = parse_bytes(make(files), name)
    assert result.error is not None and reason in result.error, result.error
    assert result.documents == []
    assert time.monotonic() - start < 30  # bounded: never the whole parse budget


def test_a_scan_with_page_numbers_only_is_still_a_scan():
    numbers = fx.raw_pdf(fx._page_objects(b"BT /F1 12 Tf 280 30 Td (- 1 -) Tj ET"))
    result = parse_bytes(numbers, "stamped.pdf")
    assert result.error and "扫描件" in result.error and result.documents == []


def test_a_page_tree_that_loops_costs_only_the_looping_page():
    result = parse_bytes(fx.recursive_pdf(), "loop.pdf")
    assert result.error is None and [d.text for d in result.documents] == ["loop"]


def test_object_streams_that_extend_each_other_are_read_once():
    start = time.monotonic()
    result = parse_bytes(fx.object_stream_loop_pdf(), "objstm.pdf")
    assert time.monotonic() - start < 30
    assert result.error is None and [d.text for d in result.documents] == ["object streams"]


def test_zip_bomb_check_reads_only_the_directory():
    """The sizes come from the ZIP's directory: refused before a byte is unpacked."""
    bomb = fx.zip_bomb("word/document.xml", size=8 * 2**20, extra={"[Content_Types].xml": b"<Types/>"})
    with zipfile.ZipFile(__import__("io").BytesIO(bomb)) as z:
        reason = formats.zip_bomb_reason(z)
    assert reason and "压缩比异常" in reason  # 8 MB of spaces: within the size cap, but ~1000×


def test_xml_with_entities_is_refused():
    bomb = ('<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>&b;</ofd:DocRoot>'
            '</ofd:DocBody></ofd:OFD>')
    out = __import__("io").BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("OFD.xml", bomb)
    result = parse_bytes(out.getvalue(), "entities.ofd")
    assert result.error and "DTD" in result.error


def test_deeply_nested_ofd_page_is_bounded():
    deep = "<a>" * 200_000 + "</a>" * 200_000
    data = fx.gazette_ofd(pages=[["江海市人民政府关于测试的通知"]])
    out = __import__("io").BytesIO()
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            body = src.read(info)
            if info.filename.endswith("Content.xml"):
                body = body.replace(b"<ofd:Content>", b"<ofd:Content>" + deep.encode())
            z.writestr(info.filename, body)
    start = time.monotonic()
    result = parse_bytes(out.getvalue(), "deep.ofd")
    assert time.monotonic() - start < 30
    assert result.error is not None or result.documents  # either way: an answer, not a crash


def test_an_ofd_in_a_private_font_encoding_is_a_problem():
    result = parse_bytes(fx.gazette_ofd(pages=[["\ue000\ue001\ue002\ue003\ue004"]]), "pua.ofd")
    assert result.error and "无法识别的编码" in result.error


def test_ofd_delta_x_runs():
    assert ofd_reader._deltas("g 3 4.2 1.5") == [4.2, 4.2, 4.2, 1.5]
    assert ofd_reader._deltas("1 2 x") == [1.0, 2.0]


# ── Kangxi radicals and radical-supplement characters ──────────────────────

def test_radicals_become_ideographs_in_every_format():
    assert clean_text("⼈⺠政府") == "人民政府"
    assert clean_text("⼆〇⼀⼀年九⽉五⽇") == "二〇一一年九月五日"
    assert clean_text("财政部⻔") == "财政部门"


def test_a_txt_extracted_from_a_pdf_reads_issuer_date_and_search_words():
    """The issue's measurement: a 政府令 whose .txt carries radicals lost its issuer and date."""
    text = ("江海市⼈⺠政府令\n第 12 号\n《江海市城市供⽔管理办法》已经2011年8⽉30⽇市⼈⺠政府第9次常务会议审议通过，"
            "现予公布，⾃2011年10⽉1⽇起施⾏。\n市长  王明\n⼆〇⼀⼀年九⽉五⽇\n")
    result = parse_bytes(text.encode("utf-8"), "令.txt")
    doc = result.documents[0]
    assert "江海市人民政府" in doc.meta.issuers[0]
    assert doc.meta.date == "2011-09-05"
    assert "人民政府" in doc.text and "⼈" not in doc.text and "⺠" not in doc.text


def _unified(ch: str) -> bool:
    """A CJK unified ideograph (by its name; by its block for those newer than this Python's
    Unicode tables, e.g. U+2B739, added to Extension C in Unicode 15)."""
    cp = ord(ch)
    return len(ch) == 1 and (unicodedata.name(ch, "").startswith("CJK UNIFIED IDEOGRAPH-")
                             or 0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF or 0x20000 <= cp <= 0x323AF)


def test_the_radical_supplement_table_is_complete_and_maps_to_unified_ideographs():
    """Derived from Unicode's EquivalentUnifiedIdeograph.txt; checked here against unicodedata:
    every assigned code point of U+2E81–U+2EF3 is mapped, each to one CJK unified ideograph,
    and every Kangxi radical folds (NFKC) to an ideograph too."""
    assigned = [chr(cp) for cp in range(0x2E81, 0x2EF4) if unicodedata.name(chr(cp), "")]
    assert sorted(RADICAL_SUPPLEMENT_SOURCE) == assigned
    assert len(RADICAL_SUPPLEMENT_SOURCE) == len(RADICAL_SUPPLEMENT_TARGET)
    for radical, ideograph in zip(RADICAL_SUPPLEMENT_SOURCE, RADICAL_SUPPLEMENT_TARGET):
        assert unicodedata.name(radical).startswith("CJK RADICAL ")
        assert _unified(ideograph), (radical, ideograph)
    for cp in range(0x2F00, 0x2FD6):
        assert unicodedata.name(chr(cp)).startswith("KANGXI RADICAL ")
        assert _unified(chr(cp).translate(RADICALS))
    # the simplified forms printed in mainland documents
    assert "⺠⻔⻓⻅⻚⻛⻜⻢⻥⻦⻉⻋".translate(RADICALS) == "民门长见页风飞马鱼鸟贝车"
    # where the supplement's name is a Kangxi radical's name with nothing added, both read alike
    kangxi = {unicodedata.name(chr(cp))[len("KANGXI RADICAL "):]: chr(cp) for cp in range(0x2F00, 0x2FD6)}
    agree = [r for r in RADICAL_SUPPLEMENT_SOURCE
             if unicodedata.name(r)[len("CJK RADICAL "):] in kangxi
             and r.translate(RADICALS) == kangxi[unicodedata.name(r)[len("CJK RADICAL "):]].translate(RADICALS)]
    assert len(agree) >= 10


# ── the library, the CLI, export ────────────────────────────────────────────

def _library_folder(tmp_path: Path, files: dict[str, bytes]) -> Path:
    lib = tmp_path / "公文"
    lib.mkdir()
    for name in ("gazette-2col.pdf", "notice.docx", "gazette.ofd", "scan.pdf"):
        (lib / name).write_bytes(files[name])
    (lib / "加密.pdf").write_bytes(fx.encrypted_pdf())
    (lib / "旧稿.doc").write_bytes(fx.old_word_doc())
    (lib / "炸弹.docx").write_bytes(fx.zip_bomb("word/document.xml", extra={"[Content_Types].xml": b"<Types/>"}))
    return lib


def _listing(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.rglob("*"))}


def test_the_library_indexes_every_format_in_worker_processes(files, tmp_path, monkeypatch):
    from reader.core.library.library import Library

    monkeypatch.setenv("READER_INDEX_WORKERS", "1")  # one worker: PDFs still go to a worker process
    lib = _library_folder(tmp_path, files)
    before = _listing(lib)
    library = Library([lib], tmp_path / "index")
    summary = library.update()
    assert not summary.cancelled
    reasons = {Path(p.file).name: p.reason for p in library.problems()}
    assert "扫描件，没有文字层" in reasons["scan.pdf"]
    assert "已加密" in reasons["加密.pdf"]
    assert "另存为 .docx" in reasons["旧稿.doc"]
    assert "压缩炸弹" in reasons["炸弹.docx"]
    docs = library.documents()
    by_file = {}
    for info in docs:
        by_file.setdefault(Path(info.file).name, []).append(info)
    assert len(by_file["gazette-2col.pdf"]) == 3 and len(by_file["gazette.ofd"]) == 3
    assert len(by_file["notice.docx"]) == 1
    stored = library.document(by_file["gazette-2col.pdf"][1].id)
    assert stored.pages == (1, 1) and stored.encoding == "PDF"
    assert library.document(by_file["notice.docx"][0].id).tables[0].rows == fx.TABLE_ROWS
    hits = library.search("人民政府 供水")
    assert any(Path(h.doc.file).name == "gazette-2col.pdf" for h in hits.hits)
    library.close()
    assert _listing(lib) == before  # nothing written beside the sources


def test_reader_parse_and_export_read_a_pdf(files, tmp_path):
    pdf = tmp_path / "公报.pdf"
    pdf.write_bytes(files["gazette-2col.pdf"])
    proc = subprocess.run([sys.executable, "-m", "reader", "parse", str(pdf), "--json"], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["doc_number"] for r in records] == ["江政发〔2023〕18号", "江政办发〔2023〕27号", "江农发〔2023〕33号"]
    assert all(r["pages"] == [1, 1] and r["encoding"] == "PDF" for r in records)

    from reader.core.export import export_documents

    docs = parse_file(pdf).documents
    out = export_documents(docs, tmp_path / "导出")
    assert len(out) == 3
    written = out[0].read_text("utf-8")
    assert f"来源：{pdf}:{docs[0].first_line}-{docs[0].last_line} 第1页" in written
    assert docs[0].meta.title in written and re.sub(r"\s", "", docs[0].text)[:40] in re.sub(r"\s", "", written)


def test_reader_search_names_the_pages_of_a_pdf_document(files, tmp_path):
    folder = tmp_path / "公文"
    folder.mkdir()
    (folder / "公报.pdf").write_bytes(files["gazette-2col.pdf"])
    idx = str(tmp_path / "index")
    run = [sys.executable, "-m", "reader"]
    assert subprocess.run(run + ["index", str(folder), "--index-dir", idx], capture_output=True, cwd=ROOT,
                          timeout=120).returncode == 0
    proc = subprocess.run(run + ["search", "江政发", "--index-dir", idx], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "（第 1 页）" in proc.stdout  # the source line range comes with the page it is printed on
