"""Export from the window: the files written, their content, encoding and line ends."""
from __future__ import annotations

import codecs

from reader.ui.export_dialog import ExportDialog


def _export(qtbot, window, ids, out_dir, *, encoding, crlf, combined=None):
    dialog = ExportDialog(ids, window.service.document, str(out_dir), window)
    qtbot.addWidget(dialog)
    dialog.encoding_box.setCurrentIndex(dialog.encoding_box.findData(encoding))
    dialog.line_end_box.setCurrentIndex(dialog.line_end_box.findData(crlf))
    if combined:
        dialog.combined.setChecked(True)
        dialog.combined_name.setText(combined)
    with qtbot.waitSignal(dialog.finished_export, timeout=30_000) as blocker:
        dialog.start()
    assert not isinstance(blocker.args[0], Exception), blocker.args[0]
    return dialog


def _two_docs(window):
    docs = [d for d in window.service.documents() if d.title]
    assert len(docs) >= 2
    return [docs[0].id, docs[-1].id]


def test_one_file_per_document_in_gb18030_with_crlf(open_window, qtbot, tmp_path):
    window = open_window()
    ids = _two_docs(window)
    out = tmp_path / "导出"
    dialog = _export(qtbot, window, ids, out, encoding="gb18030", crlf=True)
    files = sorted(out.iterdir())
    assert len(files) == 2 and sorted(dialog.written) == files
    assert "已写入 2 个文件" in dialog.summary.toPlainText()
    for doc_id in ids:
        doc = window.service.document(doc_id)
        matches = []
        for f in files:
            raw = f.read_bytes()
            text = raw.decode("gb18030")  # strict: raises if not GB18030
            if doc.text.splitlines()[0] in text:
                matches.append(text)
        assert len(matches) == 1, doc.title
        body = matches[0]
        assert "\r\n" in body and "\n" not in body.replace("\r\n", "")
        assert doc.text.replace("\n", "\r\n") in body


def test_combined_file_in_utf8_with_bom_and_never_overwrites(open_window, qtbot, tmp_path):
    window = open_window()
    ids = _two_docs(window)
    first = _export(qtbot, window, ids, tmp_path, encoding="utf-8-sig", crlf=False, combined="合并.txt")
    assert [p.name for p in first.written] == ["合并.txt"]
    raw = (tmp_path / "合并.txt").read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    text = raw[3:].decode("utf-8")
    assert "\r\n" not in text
    for doc_id in ids:
        assert window.service.document(doc_id).text in text
    # the same export again writes a new file and leaves the first one as it was
    second = _export(qtbot, window, ids, tmp_path, encoding="utf-8", crlf=False, combined="合并.txt")
    assert second.written and second.written[0].name != "合并.txt"
    assert (tmp_path / "合并.txt").read_bytes() == raw


def test_export_action_uses_the_selection_in_the_results(open_window, qtbot, search):
    window = open_window()
    ids = _two_docs(window)
    first_doc = window.service.doc_info(ids[0])
    word = "".join(ch for ch in first_doc.title if "\u4e00" <= ch <= "\u9fff")[:2]
    search(window, word)
    assert window.results_model.rowCount() >= 1
    model = window.results_model
    selection = window.results.selectionModel()
    for row in range(min(2, model.rowCount())):
        selection.select(model.index(row, 0), selection.SelectionFlag.Select)
    assert window.selected_doc_ids() == [h.doc.id for h in model.hits[: min(2, model.rowCount())]]


def test_word_format_writes_docx_files_with_the_text_and_tables(open_window, qtbot, tmp_path):
    import docx

    window = open_window()
    docs = [window.service.document(d.id) for d in window.service.documents() if d.title]
    with_table = next((d for d in docs if d.tables), None)
    assert with_table is not None  # the seeds have tables
    ids = [docs[0].id] + ([with_table.id] if with_table.id != docs[0].id else [])
    dialog = ExportDialog(ids, window.service.document, str(tmp_path), window)
    qtbot.addWidget(dialog)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("docx"))
    assert not dialog.encoding_box.isEnabled() and not dialog.line_end_box.isEnabled()
    assert "Word" in dialog.count_label.text()
    with qtbot.waitSignal(dialog.finished_export, timeout=30_000) as blocker:
        dialog.start()
    assert not isinstance(blocker.args[0], Exception), blocker.args[0]
    assert len(dialog.written) == len(ids) and all(p.suffix == ".docx" for p in dialog.written)
    for doc_id, path in zip(ids, dialog.written):
        doc = window.service.document(doc_id)
        word = docx.Document(str(path))
        paras = [p.text for p in word.paragraphs]
        assert paras[0] == doc.title
        word_rows = [[c.text for c in r.cells] for t in word.tables for r in t.rows]
        assert word_rows == [r for t in doc.tables for r in t.rows]


def test_word_format_combined_file_takes_the_docx_suffix(open_window, qtbot, tmp_path):
    window = open_window()
    ids = _two_docs(window)
    dialog = ExportDialog(ids, window.service.document, str(tmp_path), window)
    qtbot.addWidget(dialog)
    dialog.combined.setChecked(True)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("docx"))
    assert dialog.combined_name.text().endswith(".docx")
    with qtbot.waitSignal(dialog.finished_export, timeout=30_000):
        dialog.start()
    [path] = dialog.written
    assert path.suffix == ".docx" and path.read_bytes().startswith(b"PK")


def test_the_dialog_lists_the_documents_it_will_write_before_writing(open_window, qtbot, search, tmp_path):
    window = open_window()
    numbered = [d for d in window.service.documents() if d.title and d.doc_number]
    unnumbered = [d for d in window.service.documents() if d.title and not d.doc_number]
    assert numbered and unnumbered
    query = numbered[0].doc_number
    search(window, f"文号:{query}")
    model, selection = window.results_model, window.results.selectionModel()
    assert model.rowCount() >= 1
    selection.select(model.index(0, 0), selection.SelectionFlag.Select)
    dialog = window.show_export_dialog()
    qtbot.addWidget(dialog)
    hit = model.hits[0].doc
    assert dialog.listed_rows() == [(hit.title, hit.doc_number)]
    dialog.close()
    # from the dialog itself (documents loaded): order kept, a missing 文号 shown as —
    ids = [numbered[0].id, unnumbered[0].id]
    out = tmp_path / "导出"
    direct = ExportDialog(ids, window.service.document, str(out), window)
    qtbot.addWidget(direct)
    # a missing 文号 is 未识别, never "—" (which reads as 一 in a CJK font)
    assert direct.listed_rows() == [(numbered[0].title, numbered[0].doc_number), (unnumbered[0].title, "未识别")]
    assert direct.doc_list.headerItem().text(0) == "标题" and direct.doc_list.headerItem().text(1) == "文号"
    assert not out.exists()  # listed, nothing written yet


def test_the_apps_export_writes_the_users_notes_with_the_document(open_window, qtbot, tmp_path):
    from reader.core.library.notes import DocKey

    window = open_window()
    info = window.service.documents()[0]
    window.notes_store.add_note(DocKey(info.id, info.title, info.file), "导出时附上的批注")
    window.open_document(info.id)
    dialog = window._export_dialog()
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(tmp_path))
    with qtbot.waitSignal(dialog.finished_export, timeout=30_000):
        dialog.start()
    [path] = dialog.written
    assert "批注：导出时附上的批注" in path.read_text(encoding="utf-8")
