"""Library folders: unreadable files listed with reasons; changes picked up while running."""
from __future__ import annotations

from reader.ui.dialogs import ProblemsDialog

NOTICE = (
    "宁波市财政局关于{topic}的通知\n"
    "甬财发〔2023〕{n}号\n"
    "各区（县、市）财政局：\n"
    "现就{topic}有关事项通知如下。2023年6月底前完成。\n"
    "宁波市财政局\n"
    "2023年3月1日\n"
)


def test_unreadable_files_are_listed_with_their_reason(open_window, qtbot, tmp_path):
    folder = tmp_path / "公文"
    folder.mkdir()
    (folder / "通知.txt").write_text(NOTICE.format(topic="预算管理", n=1), encoding="utf-8")
    (folder / "坏文件.txt").write_bytes(bytes(range(256)) * 64)  # binary, not text
    window = open_window(folders=[str(folder)])
    problems = window.service.problems()
    assert [p.file.endswith("坏文件.txt") for p in problems] == [True]
    assert window.problems_button.isVisible() or not window.isVisible()
    assert "1" in window.problems_button.text()
    dialog = ProblemsDialog(problems, window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text().endswith("坏文件.txt")
    assert dialog.table.item(0, 1).text() == problems[0].reason and problems[0].reason


def test_new_file_in_a_library_folder_is_picked_up_while_running(qtbot, tmp_path, open_window):
    folder = tmp_path / "公文"
    folder.mkdir()
    (folder / "一.txt").write_text(NOTICE.format(topic="预算管理", n=1), encoding="utf-8")
    window = open_window([str(folder)], watch=True)
    before = {d.title for d in window.service.documents()}
    assert any("预算管理" in t for t in before)
    (folder / "二.txt").write_text(NOTICE.format(topic="政府采购", n=2), encoding="utf-8")
    qtbot.waitUntil(lambda: any("政府采购" in d.title for d in window.service.documents()), timeout=20_000)
    # and the tree shows it
    from reader.ui.tree import doc_ids_under

    model = window.tree_model
    ids = doc_ids_under(model, [model.index(r, 0) for r in range(model.rowCount())])
    assert len(ids) == len(window.service.documents()) == 2
    window.service.shutdown()


def test_file_edited_in_place_is_picked_up_while_running(qtbot, tmp_path, open_window):
    folder = tmp_path / "公文"
    folder.mkdir()
    path = folder / "一.txt"
    path.write_text(NOTICE.format(topic="预算管理", n=1), encoding="utf-8")
    window = open_window([str(folder)], watch=True)
    with open(path, "w", encoding="utf-8") as f:  # same file, new content (no rename)
        f.write(NOTICE.format(topic="资产清查", n=7))
    qtbot.waitUntil(lambda: any("资产清查" in d.title for d in window.service.documents()), timeout=20_000)
    assert not any("预算管理" in d.title for d in window.service.documents())
    window.service.shutdown()


def test_cited_doc_number_opens_the_cited_document(open_window, qtbot, tmp_path):
    folder = tmp_path / "公文"
    folder.mkdir()
    (folder / "甲.txt").write_text(NOTICE.format(topic="预算管理", n=5), encoding="utf-8")
    citing = (
        "宁波市财政局关于进一步加强预算执行的通知\n"
        "甬财发〔2023〕9号\n"
        "各区（县、市）财政局：\n"
        "根据《宁波市财政局关于预算管理的通知》（甬财发〔2023〕5号）要求，现通知如下。\n"
        "宁波市财政局\n"
        "2023年4月1日\n"
    )
    (folder / "乙.txt").write_text(citing, encoding="utf-8")
    window = open_window(folders=[str(folder)])
    docs = {d.doc_number: d for d in window.service.documents()}
    assert {"甬财发〔2023〕5号", "甬财发〔2023〕9号"} <= set(docs)
    window.open_document(docs["甬财发〔2023〕9号"].id)
    view = window.reading.view
    refs = [s for s in view.spans() if s.type == "docref" and view.text()[s.start:s.end] == "甬财发〔2023〕5号"]
    assert refs, "the citation is marked as a doc reference"
    cursor = view.textCursor()
    cursor.setPosition(refs[0].start + 2)
    view.scroll_to(refs[0].start)
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.cursorRect(cursor).center())
    assert window.current_doc_id == docs["甬财发〔2023〕5号"].id
    window.go_back()
    assert window.current_doc_id == docs["甬财发〔2023〕9号"].id


def test_adding_a_folder_while_indexing_switches_to_the_new_library(open_window, qtbot, tmp_path):
    from tests.ui.test_indexing import make_corpus

    big = tmp_path / "大"
    make_corpus(big, files=80, paragraphs=40)
    small = tmp_path / "小"
    small.mkdir()
    (small / "一.txt").write_text(NOTICE.format(topic="政府采购", n=3), encoding="utf-8")
    window = open_window(folders=[str(big)], wait=False)
    qtbot.waitUntil(window.service.is_indexing, timeout=30_000)
    with qtbot.waitSignal(window.service.indexing_finished, timeout=120_000):
        window.add_folder(str(small))  # stops the running update, opens the new library
    assert window.folders == [str(big), str(small)]
    titles = [d.title for d in window.service.documents()]
    assert any("政府采购" in t for t in titles)


def test_window_follows_an_index_update_made_by_another_process(qtbot, tmp_path, open_window):
    """`reader index` from a terminal while the window is open (or the app that owns the
    index, for a read-only second window): the window's documents and searches follow,
    and documents deleted meanwhile leave its list."""
    import subprocess
    import sys

    from tests.reliability.helpers import ROOT

    index = tmp_path / "index"  # open_window's index folder for a folder of the test's own
    folder = tmp_path / "公文"
    folder.mkdir()
    (folder / "一.txt").write_text(NOTICE.format(topic="预算管理", n=1), encoding="utf-8")
    (folder / "二.txt").write_text(NOTICE.format(topic="资产清查", n=2), encoding="utf-8")
    window = open_window([str(folder)], start=False)
    window.service.read_only = True  # as the second app on an index: it never updates
    window.show_read_only("另一个公文阅读器窗口正在使用这个索引")
    run = [sys.executable, "-m", "reader", "index", str(folder), "--index-dir", str(index)]
    assert subprocess.run(run, cwd=ROOT, capture_output=True).returncode == 0
    with qtbot.waitSignal(window.service.documents_changed, timeout=60_000):
        window.start()
    assert len(window.service.documents()) == 2
    (folder / "三.txt").write_text(NOTICE.format(topic="政府采购", n=3), encoding="utf-8")
    (folder / "二.txt").unlink()
    assert subprocess.run(run, cwd=ROOT, capture_output=True).returncode == 0
    qtbot.waitUntil(lambda: {d.title for d in window.service.documents()} ==
                    {"宁波市财政局关于预算管理的通知", "宁波市财政局关于政府采购的通知"}, timeout=20_000)
    assert window.service.search("政府采购").total == 1
    for d in window.service.documents():
        assert window.service.document(d.id) is not None
    # read-only is a lasting mark; the library summary stays readable beside it, nothing drawn over it
    assert window.read_only_label.isVisible() and window.read_only_label.text() == "只读"
    assert window.statusBar().currentMessage() == "" and window.library_label.isVisible()
    window.service.shutdown()
