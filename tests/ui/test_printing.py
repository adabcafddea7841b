"""Print (Ctrl+P, with preview) and export to PDF: a header block, the text, a CJK font embedded."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog

from reader.core.normalise import RADICALS
from reader.core.pipeline import parse_file
from reader.ui.printing import build_document, export_pdf, pdf_bytes

pdftotext = shutil.which("pdftotext")


def _seed_docs(seed_files, n=2):
    return parse_file(seed_files[0]).documents[:n]


def _pages(data: bytes) -> int:
    return data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type/Page\n")


# pdftotext reads glyphs shared with radicals back as compatibility code points, depending on
# the CJK font (Noto: 人民 → ⼈⺠): read back through normalisation's one table (RADICALS).

def _text(path: Path) -> str:
    out = subprocess.run([pdftotext, "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.translate(RADICALS)


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
