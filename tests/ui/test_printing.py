"""Print (Ctrl+P, with preview) and export to PDF: a header block, the text, a CJK font embedded."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog

from reader.core.documents.pipeline import parse_file
from reader.ui.printing import build_document, export_pdf, pdf_bytes

pdftotext = shutil.which("pdftotext")


def _seed_docs(seed_files, n=2):
    return parse_file(seed_files[0]).documents[:n]


def _pages(data: bytes) -> int:
    return data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type/Page\n")


def _text(path: Path) -> str:
    """The PDF's text as pdftotext reads it, as it is (no character mapped to another)."""
    return subprocess.run([pdftotext, "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_layout_has_the_header_block_then_the_text(seed_files, qapp):
    doc = _seed_docs(seed_files, 1)[0]
    layout = build_document([doc])
    plain = layout.toPlainText()
    lines = plain.split("\n")
    assert lines[0] == doc.meta.title
    assert lines[1] == f"文号：{doc.meta.doc_number}"
    assert lines[2].startswith("发文机关：") and lines[3].startswith("成文日期：")
    assert lines[4].startswith("来源：") and doc.file in lines[4]
    assert doc.text.split("\n")[0] in plain and plain.rstrip().endswith(doc.text.split("\n")[-1])
    from PySide6.QtCore import Qt

    assert layout.firstBlock().blockFormat().alignment() & Qt.AlignmentFlag.AlignHCenter


def test_pdf_embeds_a_cjk_font_and_reads_back(seed_files, qapp, tmp_path):
    docs = _seed_docs(seed_files, 2)
    data = pdf_bytes(docs)
    assert data.startswith(b"%PDF")
    assert b"/FontFile2" in data or b"/FontFile3" in data  # the font program is embedded
    assert _pages(data) >= 2  # the second document starts on a new page
    path = tmp_path / "two.pdf"
    path.write_bytes(data)
    text = _text(path).replace(" ", "")  # pdftotext: poppler-utils, installed by the README's test command
    for doc in docs:
        assert doc.meta.title.replace(" ", "")[:12] in text.replace("\n", "")
        assert f"文号：{doc.meta.doc_number}" in text
    assert docs[0].text.split("\n")[3][:10] in text


def test_export_pdf_names_files_like_the_text_export_and_never_overwrites(seed_files, qapp, tmp_path):
    docs = _seed_docs(seed_files, 2)
    first = export_pdf(docs, tmp_path)
    again = export_pdf(docs[:1], tmp_path)
    assert [p.suffix for p in first] == [".pdf", ".pdf"]
    assert first[0].stem.startswith(docs[0].meta.doc_number)
    assert again[0] != first[0] and again[0].name.endswith(" (2).pdf")
    combined = export_pdf(docs, tmp_path, single_file="合订本.pdf")
    assert combined[0].name == "合订本.pdf"


def test_ctrl_p_opens_a_preview_of_the_open_document(open_window, monkeypatch, tmp_path):
    window = open_window()
    window.open_document(window.service.documents()[0].id)
    shown = []

    def fake_exec(dialog):
        shown.append(dialog)
        # what the preview would paint: print to a PDF printer instead
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        dialog.paintRequested.emit(printer)
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    assert window.act_print.shortcut().toString() == "Ctrl+P"
    window.act_print.trigger()
    assert shown and window.reading.document.title in shown[0].windowTitle()
    data = (tmp_path / "printed.pdf").read_bytes()
    assert data.startswith(b"%PDF") and _pages(data) >= 1
    assert window.reading.document.meta.title[:8] in _text(tmp_path / "printed.pdf").replace(" ", "").replace("\n", "")


def test_export_pdf_from_the_menu_writes_the_chosen_file(open_window, monkeypatch, tmp_path):
    window = open_window()
    doc = window.service.documents()[0]
    window.open_document(doc.id)
    target = tmp_path / "导出" / "一篇"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.act_export_pdf.trigger()
    out = target.with_suffix(".pdf")
    assert out.read_bytes().startswith(b"%PDF")
    assert str(out) in window.statusBar().currentMessage()


def test_cli_export_format_pdf(tmp_path, seed_files):
    import os
    import sys

    from reader.core.seeds import seeds_dir

    env = dict(os.environ, READER_INDEX_DIR=str(tmp_path / "idx"))
    run = lambda *a: subprocess.run([sys.executable, "-m", "reader", *a], capture_output=True, text=True, env=env)  # noqa: E731
    assert run("index", str(seeds_dir())).returncode == 0
    result = run("export", "--query", "文号:甬政发〔2022〕21号", "--out", str(tmp_path / "out"), "--format", "pdf")
    assert result.returncode == 0, result.stderr
    paths = [Path(p) for p in result.stdout.splitlines()]
    assert len(paths) == 1 and paths[0].suffix == ".pdf"
    text = _text(paths[0])
    assert "文号：甬政发〔2022〕21号" in text.replace(" ", "")


# ------------------------------------------------------------ issue 15: selection, footer, highlights, tables
def _print_to_pdf(dialog, path: Path) -> Path:
    """What printing from the preview gives: its pages painted on a PDF printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    dialog.paintRequested.emit(printer)
    return path


def _page_texts(path: Path) -> list[str]:
    """Each page's text (pdftotext ends every page with a form feed), spaces removed."""
    pages = _text(path).split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [p.replace(" ", "") for p in pages]


def _flat(s: str) -> str:
    return s.replace(" ", "").replace("\n", "")


def _notice():
    from reader.core.documents.pipeline import parse_text
    from tests.core.text.test_tables import NOTICE

    (doc,) = parse_text(NOTICE)
    return doc


def _preview(qtbot, docs, current=None, highlights=False, kinds=("date", "number", "unit", "docref")):
    from reader.ui.printing import PrintPreviewDialog, new_printer

    by_id = {d.id: d for d in docs}
    printer = new_printer()
    dialog = PrintPreviewDialog(printer, None, list(by_id), by_id.get, current, kinds, highlights)
    dialog._printer = printer
    qtbot.addWidget(dialog)
    return dialog


def test_ctrl_p_prints_the_selected_results_in_order_with_page_numbers_on_every_page(
        open_window, search, monkeypatch, tmp_path):
    from PySide6.QtCore import QItemSelectionModel

    window = open_window()
    result = search(window, "通知")
    assert len(result.hits) >= 3
    window.open_document(result.hits[0].doc.id)
    rows = (0, 2, 1)  # selected in this order; printed in the list's order
    selection = window.results.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(window.results_model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    window.left_tabs.setCurrentIndex(1)
    shown = []

    def fake_exec(dialog):
        shown.append(dialog)
        _print_to_pdf(dialog, tmp_path / "selected.pdf")
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    window.act_print.trigger()
    (dialog,) = shown
    expected = [result.hits[r].doc for r in sorted(rows)]
    assert dialog.doc_ids() == [d.id for d in expected]
    assert "3 篇公文" in dialog.windowTitle()
    pages = _page_texts(tmp_path / "selected.pdf")
    assert len(pages) >= 3 and len(pages) == dialog.pages
    # every page carries its number and the total in the footer
    for n, page in enumerate(pages, 1):
        assert f"第{n}页共{len(pages)}页" in page, (n, page[-80:])
    # each document starts on a page of its own, in the list's order
    flat = [_flat(p) for p in pages]
    first_pages = []
    for doc in expected:
        number = f"文号：{doc.doc_number}" if doc.doc_number else None
        title = _flat(doc.title)[:10]
        hit = next(i for i, p in enumerate(flat) if title in p and (number is None or number in p))
        first_pages.append(hit)
    assert first_pages == sorted(first_pages) and len(set(first_pages)) == 3


def test_the_open_document_when_the_selection_is_another_one(qtbot, seed_files):
    docs = _seed_docs(seed_files, 2)
    dialog = _preview(qtbot, docs[1:], current=None)
    assert dialog.doc_ids() == [docs[1].id] and dialog.scope_box.isHidden()  # nothing to choose
    from reader.ui.printing import PrintPreviewDialog, new_printer

    loads = {d.id: d for d in docs}
    printer = new_printer()
    dialog = PrintPreviewDialog(printer, None, [docs[1].id], loads.get, docs[0].id)
    qtbot.addWidget(dialog)
    assert dialog.doc_ids() == [docs[0].id]  # the open one first; the selection is offered
    assert dialog.scope_box.count() == 2 and not dialog.scope_box.isHidden()
    dialog.scope_box.setCurrentIndex(1)
    assert dialog.doc_ids() == [docs[1].id] and docs[1].title in dialog.windowTitle()


def test_highlights_are_printed_only_when_chosen(qtbot, tmp_path):
    from PySide6.QtGui import QImage

    from reader.ui import theme

    doc = _notice()
    date = next(s for s in doc.entities if s.type == "date" and s.text == "2023年9月底前")
    layouts = {on: build_document([doc], highlights=("date",) if on else ()) for on in (True, False)}
    for on, layout in layouts.items():
        found = layout.find(date.text)
        assert not found.isNull()
        colour = found.charFormat().background().color().name() if found.charFormat().background().style() else None
        assert (colour == theme.HIGHLIGHTS["date"].background) is on
    # the print preview's choice, in the printed pages: the date colour is on paper or not
    dialog = _preview(qtbot, [doc], highlights=False)
    counts = {}
    for on in (False, True):
        dialog.highlight_box.setChecked(on)
        pdf = _print_to_pdf(dialog, tmp_path / f"hl-{on}.pdf")
        subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / f"hl-{on}")],
                       check=True)
        image = QImage(str(next(tmp_path.glob(f"hl-{on}*.png"))))
        wanted = {theme.HIGHLIGHTS[k].background.lower() for k in theme.HIGHLIGHTS}
        counts[on] = sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
                         if image.pixelColor(x, y).name() in wanted)
    assert counts[False] == 0 and counts[True] > 50
    assert dialog.printed_highlights() == ("date", "number", "unit", "docref")


def test_the_highlight_choice_is_remembered(open_window, monkeypatch):
    window = open_window()
    window.open_document(window.service.documents()[0].id)
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda dialog: 0)
    assert window.settings.print_highlights() is False
    window.act_print.trigger()
    assert not window.print_dialog.highlight_box.isChecked()
    window.print_dialog.highlight_box.setChecked(True)
    assert window.settings.print_highlights() is True
    window.act_print.trigger()
    assert window.print_dialog.highlight_box.isChecked()


def test_tables_are_printed_as_tables(qtbot, tmp_path):
    from PySide6.QtGui import QTextTable

    doc = _notice()
    (table,) = doc.tables
    layout = build_document([doc])
    grids = [f for f in layout.rootFrame().childFrames() if isinstance(f, QTextTable)]
    assert len(grids) == 1
    grid = grids[0]
    assert (grid.rows(), grid.columns()) == (len(table.rows), len(table.rows[0]))
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            assert grid.cellAt(r, c).firstCursorPosition().block().text() == cell
    # on paper a row's cells stand side by side on one line, in column order
    dialog = _preview(qtbot, [doc])
    lines = [line.split() for line in _text(_print_to_pdf(dialog, tmp_path / "table.pdf")).splitlines()]
    for row in table.rows:
        assert [c for c in row if c] in lines, row


def test_many_documents_ask_before_printing(open_window, monkeypatch):
    import reader.ui.main_window as main_window
    from PySide6.QtWidgets import QMessageBox

    window = open_window()
    window.open_document(window.service.documents()[0].id)
    monkeypatch.setattr(main_window, "PRINT_ASK_ABOVE", 0)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No))
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda dialog: pytest.fail("printed after No"))
    assert window.print_preview() is None and asked


# ------------------------------------------------------------ issue 15: the PDF's text layer
# What any PDF viewer searches and copies: the characters drawn, not the radicals that share
# their glyphs in the CJK font (人 ⼈, 民 ⺠, 生 ⽣, 水 ⽔, 文 ⽂, 门 ⻔) and not nothing for the
# SC digits an OpenType substitution draws in a Latin run (a file path).
LAYER_TEXT = """宁波市人民政府关于做好2024年生活污水治理工作的通知
甬政发〔2024〕7号
各区县（市）人民政府，市直各部门：
现将生活用水、污水处理和部门协调工作通知如下，文件编号 abc-0123456789。
一、各单位要在2024年9月30日前完成第1–3批水质检测。
宁波市人民政府
2024年3月5日
"""
_RADICAL_POINTS = re.compile("[\u2e80-\u2fdf]")


def _layer_doc(tmp_path: Path):
    from reader.core.documents.pipeline import parse_text

    (doc,) = parse_text(LAYER_TEXT, file=str(tmp_path / "公文2024" / "001_a9d0ca34a1580a09.txt"))
    return doc


def _read_back(path: Path) -> dict[str, str]:
    """The raw text of `path` by poppler (pdftotext) and by PDFium (pypdfium2)."""
    pdfium = "".join(_pages_text(path))
    plain = subprocess.run([pdftotext, str(path), "-"], capture_output=True, text=True, check=True).stdout
    return {"pdftotext": plain, "pdfium": pdfium}


def _assert_reads_back(path: Path, doc) -> None:
    from reader.ui.printing import header_rows

    wanted = [doc.meta.title, *header_rows(doc), *doc.text.split("\n")]
    assert "人民政府" in doc.text and "生活" in doc.text and "部门" in doc.text and "水" in doc.text
    assert any(c.isdigit() for c in doc.file)
    for reader, raw in _read_back(path).items():
        assert not _RADICAL_POINTS.search(raw), (reader, _RADICAL_POINTS.findall(raw))
        flat = "".join(raw.split())
        for piece in wanted:
            assert "".join(piece.split()) in flat, (reader, piece, raw)


def test_exported_pdf_reads_back_as_the_text_drawn(qapp, tmp_path):
    doc = _layer_doc(tmp_path)
    (path,) = export_pdf([doc], tmp_path / "out")
    _assert_reads_back(path, doc)


def test_printed_pdf_reads_back_as_the_text_drawn(qtbot, tmp_path):
    doc = _layer_doc(tmp_path)
    dialog = _preview(qtbot, [doc])
    _assert_reads_back(_print_to_pdf(dialog, tmp_path / "printed.pdf"), doc)


def test_cli_export_pdf_reads_back_as_the_text_drawn(tmp_path):
    import os
    import sys

    from reader.core.documents.pipeline import parse_text

    folder = tmp_path / "公文2024"
    folder.mkdir()
    source = folder / "001_a9d0ca34a1580a09.txt"
    source.write_text(LAYER_TEXT, encoding="utf-8")
    env = dict(os.environ, READER_INDEX_DIR=str(tmp_path / "idx"))
    run = lambda *a: subprocess.run([sys.executable, "-m", "reader", *a], capture_output=True, text=True, env=env)  # noqa: E731
    assert run("index", str(folder)).returncode == 0
    result = run("export", "--query", "文号:甬政发〔2024〕7号", "--out", str(tmp_path / "out"), "--format", "pdf")
    assert result.returncode == 0, result.stderr
    (path,) = [Path(p) for p in result.stdout.splitlines()]
    (doc,) = parse_text(LAYER_TEXT, file=str(source))
    _assert_reads_back(path, doc)


def test_a_latin_reading_font_before_the_cjk_one_reads_back_too(qapp, tmp_path):
    """Latin in one font, CJK in another (Qt's string indexes of such a fallback run are wrong)."""
    from PySide6.QtGui import QFontDatabase

    from reader.ui import theme

    latin = next((f for f in ("DejaVu Serif", "Liberation Serif", "Times New Roman", "DejaVu Sans")
                  if f in QFontDatabase.families()), None)
    assert latin, "a Latin font is needed for this test (fonts-dejavu-core)"
    doc = _layer_doc(tmp_path)
    theme.set_reading_style([latin, "Noto Sans CJK SC"])
    try:
        (path,) = export_pdf([doc], tmp_path / "out")
    finally:
        theme.set_reading_style(None)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert latin.replace(" ", "") in fonts and "CJK" in fonts  # both drawn
    _assert_reads_back(path, doc)


def test_the_text_layer_leaves_the_pages_as_drawn(qapp, tmp_path, monkeypatch):
    from reader.ui import pdftext

    doc = _layer_doc(tmp_path)
    fixed = pdf_bytes([doc])
    monkeypatch.setattr(pdftext, "fix_text_layer", lambda data, glyphs, fonts: data)
    qt_own = pdf_bytes([doc])
    images = {}
    for name, data in (("fixed", fixed), ("qt", qt_own)):
        pdf = tmp_path / f"{name}.pdf"
        pdf.write_bytes(data)
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / name)], check=True)
        images[name] = [p.read_bytes() for p in sorted(tmp_path.glob(f"{name}-*.png"))]
    assert images["fixed"] and images["fixed"] == images["qt"]
    # the xref names every object where it is (viewers that do not rebuild a broken xref need it)
    xref = fixed.rindex(b"\nxref\n") + 1
    assert int(fixed.split(b"startxref")[-1].split()[0]) == xref
    entries = fixed[xref:].split(b"\n")[2:]
    count = int(fixed[xref:].split(b"\n")[1].split()[1])
    for n in range(1, count):
        offset = int(entries[n][:10])
        assert fixed[offset:].startswith(b"%d 0 obj" % n), n


# A paragraph continued on the next page: QTextLayout.draw also draws the line just above its
# clip, so that line was drawn again, clipped away, at the top of the next page and every PDF
# reader found and copied it twice.
_LONG_BODY = "\n".join(f"第{n}段：各有关单位要按照要求做好第{n}项工作，确保任务按期完成，"
                       "并及时报送工作进展情况和存在的问题。" for n in range(1, 121))
_LONG = ("某某市人民政府关于做好有关工作的通知\n某政发〔2024〕1号\n各区县人民政府：\n"
         f"{_LONG_BODY}\n某某市人民政府\n2024年3月5日\n")


def _pages_text(path: Path) -> list[str]:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return [pdf[n].get_textpage().get_text_range() for n in range(len(pdf))]
    finally:
        pdf.close()


def _printed_once(pages: list[str], doc) -> None:
    from reader.ui.printing import header_rows

    footers = re.compile(r"第\d+页共\d+页")
    drawn = footers.sub("", "".join("".join(pages).split()))
    assert len(pages) > 5 and drawn == "".join("".join([doc.meta.title, *header_rows(doc), doc.text]).split())


def test_a_paragraph_over_a_page_break_is_in_the_pdf_once(qapp, tmp_path):
    from reader.core.documents.pipeline import parse_text

    (doc,) = parse_text(_LONG, file=str(tmp_path / "a.txt"))
    (path,) = export_pdf([doc], tmp_path / "out")
    pages = _pages_text(path)
    _printed_once(pages, doc)
    cut = [n for n in range(len(pages) - 1) if not pages[n + 1].lstrip().startswith("第")]
    assert cut, "no paragraph runs over a page break: the test shows nothing"


def test_printing_to_pdf_draws_each_line_once_and_leaves_the_layout_whole(qtbot, tmp_path):
    from reader.core.documents.pipeline import parse_text
    from reader.ui.printing import paint_pages, print_documents

    (doc,) = parse_text(_LONG, file=str(tmp_path / "a.txt"))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "p.pdf"))
    assert print_documents([doc], printer) > 5
    _printed_once(_pages_text(tmp_path / "p.pdf"), doc)

    layout = build_document([doc])
    blocks = layout.blockCount()
    printer.setOutputFileName(str(tmp_path / "again.pdf"))
    assert paint_pages(layout, printer) > 5
    assert layout.blockCount() == blocks  # a preview lays the same layout out again for another paper
