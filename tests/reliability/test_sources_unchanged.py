"""The documents folders are never written to.

A dedicated journey (index, search, read, export, GUI start/open/close, rescans, problems)
over a folder of seeds plus odd files, comparing sha256, size and mtime of every file —
and the folder listing itself — before and after. tests/conftest.py also checksums the
seeds around the whole test session.
"""
from __future__ import annotations

import os
import shutil

from reader.core.export import export_documents
from reader.core.library.library import Library
from tests.reliability.helpers import ROOT, make_doc, tree_checksums


def _listing(folder):
    return sorted(os.fsdecode(os.path.join(d, n)) for d, ds, fs in os.walk(os.fsencode(folder)) for n in ds + fs)


def test_index_search_read_export_and_gui_leave_the_folder_untouched(qtbot, tmp_path, open_window):

    folder = tmp_path / "公文"
    shutil.copytree(ROOT / "seeds", folder)
    (folder / "子文件夹").mkdir()
    (folder / "子文件夹" / "gbk.txt").write_bytes(make_doc("国标").encode("gb18030"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (folder / "readonly.txt").write_text(make_doc("只读"), encoding="utf-8")
    (folder / "readonly.txt").chmod(0o444)
    os.utime(folder / "readonly.txt", ns=(1_000_000_000, 1_000_000_000))  # an old mtime stays old
    before, listing = tree_checksums(folder), _listing(folder)
    folder_mtime = folder.stat().st_mtime_ns

    lib = Library([folder], index_dir=tmp_path / "index")
    lib.update()
    lib.update()
    hits = lib.search("通知", limit=20).hits
    docs = [lib.document(h.doc.id) for h in hits]
    assert docs and lib.problems()
    export_documents(docs, tmp_path / "export")
    export_documents(docs, tmp_path / "export", single_file="全部.txt", encoding="gb18030", crlf=True)
    lib.close()

    window = open_window([str(folder)], watch=True)
    window.reload_documents()
    assert window.open_document(docs[0].id)
    with qtbot.waitSignal(window.service.indexing_finished, timeout=60_000):
        window.service.update_in_background()
    window.close()
    window.service.shutdown()

    assert tree_checksums(folder) == before
    assert _listing(folder) == listing  # nothing created (no index, lock or temp file inside)
    assert folder.stat().st_mtime_ns == folder_mtime
