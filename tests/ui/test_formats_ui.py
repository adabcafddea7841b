"""A PDF in the reading pane (issue 14): its page range instead of line numbers, and 打开原文件 beside it."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QDesktopServices

from reader.ui.reading import source_text
from tests import formats_fixtures as fx


@pytest.fixture
def opened(monkeypatch):
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url) or True))
    return urls


def test_a_pdf_opened_on_its_own_shows_pages_and_opens_the_original(open_window, qtbot, tmp_path, opened):
    pdf = tmp_path / "江海公报.pdf"
    pdf.write_bytes(fx.gazette_pdf(columns=2))
    window = open_window()
    with qtbot.waitSignal(window.single_files.loaded, timeout=60_000):
        window.open_single_file(str(pdf))
    doc = window.reading.document
    assert doc.meta.doc_number == "江政发〔2023〕18号" and doc.pages == (1, 1)
    shown = window.reading.source_label.text()
    assert "第 1 页" in shown and "格式 PDF" in shown and "行" not in shown.replace(str(pdf), "")
    button = window.reading.source_button
    assert button.isVisible() and button.defaultAction() is window.act_open_source
    button.click()
    assert [u.toLocalFile() for u in opened] == [str(pdf)]


def test_source_text_for_text_and_paged_documents(qapp):
    from reader.core.documents.pipeline import parse_bytes

    text_doc = parse_bytes(fx.gazette_text().encode("utf-8"), "公报.txt").documents[0]
    assert source_text(text_doc) == f"来源：公报.txt　第 {text_doc.first_line}–{text_doc.last_line} 行　编码 utf-8"
    spread = parse_bytes(fx.gazette_ofd(per_page=8), "公报.ofd").documents[0]
    assert source_text(spread) == "来源：公报.ofd　第 1–2 页　格式 OFD"


def test_a_printed_pdf_document_names_its_pages(qapp):
    from reader.core.documents.pipeline import parse_bytes
    from reader.ui.printing import header_rows

    spread = parse_bytes(fx.gazette_ofd(per_page=8), "公报.ofd").documents[0]
    assert header_rows(spread)[-1] == "来源：公报.ofd 第 1–2 页"
    text_doc = parse_bytes(fx.gazette_text().encode("utf-8"), "公报.txt").documents[0]
    assert header_rows(text_doc)[-1] == f"来源：公报.txt 第 {text_doc.first_line}–{text_doc.last_line} 行"
