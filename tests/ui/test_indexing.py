"""Background indexing: progress arrives, the event loop keeps running, cancel stops it."""
from __future__ import annotations

import time

from PySide6.QtCore import QTimer

from reader.ui.backend import LibraryService, make_library

PARAGRAPH = (
    "宁波市财政局关于做好{n}号工作的通知\n"
    "各区（县、市）财政局：\n"
    "为贯彻落实有关要求，2022年5月底前完成{n}项任务，安排资金{n}00万元。"
    "（责任单位：市财政局、市发改委）\n"
)


def make_corpus(folder, files: int, paragraphs: int):
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(files):
        body = "".join(PARAGRAPH.format(n=i * 1000 + j) for j in range(paragraphs))
        (folder / f"文件{i:03d}.txt").write_text(body, encoding="utf-8")


def test_indexing_runs_in_the_background_with_progress(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("READER_INDEX_DIR", str(tmp_path / "index"))
    corpus = tmp_path / "corpus"
    make_corpus(corpus, files=40, paragraphs=60)
    service = LibraryService([str(corpus)], watch=False, library_factory=make_library)
    progress = []
    service.indexing_progress.connect(lambda d, t, c: progress.append((d, t)))
    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(service.is_indexing()))
    timer.start()
    with qtbot.waitSignal(service.indexing_finished, timeout=120_000) as blocker:
        service.update_in_background()
        assert service.is_indexing()  # update_in_background returned while the work goes on
    timer.stop()
    summary = blocker.args[0]
    assert not isinstance(summary, Exception), summary
    assert summary.files == 40 and not summary.cancelled
    assert progress and progress[-1] == (40, 40)
    assert any(ticks), "the GUI thread's timer fired while indexing ran"
    assert len(service.documents()) >= 40
    service.shutdown()


def test_cancel_stops_indexing(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("READER_INDEX_DIR", str(tmp_path / "index"))
    corpus = tmp_path / "corpus"
    make_corpus(corpus, files=150, paragraphs=40)
    service = LibraryService([str(corpus)], watch=False, library_factory=make_library)
    started = time.monotonic()
    with qtbot.waitSignal(service.indexing_finished, timeout=120_000) as blocker:
        service.update_in_background()
        qtbot.waitSignal(service.indexing_progress, timeout=60_000).wait()
        service.cancel()
    summary = blocker.args[0]
    assert not isinstance(summary, Exception), summary
    assert summary.cancelled
    assert time.monotonic() - started < 60
    service.shutdown()


def test_window_shows_progress_and_cancel_while_indexing(open_window, qtbot, tmp_path):
    corpus = tmp_path / "corpus"
    make_corpus(corpus, files=120, paragraphs=40)
    window = open_window(folders=[str(corpus)], wait=False)
    qtbot.waitUntil(lambda: window.progress.isVisible(), timeout=30_000)
    assert window.cancel_button.isVisible()
    with qtbot.waitSignal(window.service.indexing_finished, timeout=120_000):
        window.cancel_button.click()
    assert not window.progress.isVisible()


def test_after_indexing_the_gui_thread_reads_nothing_from_the_library(qtbot, tmp_path, monkeypatch):
    """Documents, problems and the tree come prepared from the indexing thread."""
    import threading

    monkeypatch.setenv("READER_INDEX_DIR", str(tmp_path / "index"))
    corpus = tmp_path / "corpus"
    make_corpus(corpus, files=3, paragraphs=2)
    (corpus / "坏.txt").write_bytes(bytes(range(256)) * 8)
    service = LibraryService([str(corpus)], watch=False, library_factory=make_library)
    calls = []
    library = service.library
    for name in ("documents", "problems"):
        original = getattr(library, name)

        def spy(*a, _original=original, _name=name, **k):
            calls.append((_name, threading.current_thread() is threading.main_thread()))
            return _original(*a, **k)

        setattr(library, name, spy)
    with qtbot.waitSignal(service.indexing_finished, timeout=60_000):
        service.update_in_background()
    assert len(service.documents()) >= 3
    assert [p.file.endswith("坏.txt") for p in service.problems()] == [True]
    assert service.tree_plan() is not None
    assert calls and not any(on_main for _, on_main in calls)
    service.shutdown()


def test_first_indexing_fills_the_tree_as_batches_are_committed(qtbot, tmp_path, open_window, monkeypatch):
    """A first indexing commits in batches (100 files, then 200, …): the window shows the
    documents committed so far before the indexing finishes, and all of them at the end."""
    import reader.ui.backend as backend
    from tests.reliability.helpers import make_doc

    monkeypatch.setenv("READER_INDEX_WORKERS", "1")
    monkeypatch.setattr(backend, "FIRST_BATCH_FILES", 40)
    folder = tmp_path / "公文"
    folder.mkdir()
    for i in range(130):
        (folder / f"{i:03d}.txt").write_text(make_doc(f"分批主题{i:03d}", i), encoding="utf-8")
    window = open_window([str(folder)], start=False)
    seen: list[tuple[int, bool]] = []
    window.service.documents_changed.connect(
        lambda: seen.append((len(window.service.documents()), window.service.is_indexing())))
    with qtbot.waitSignal(window.service.indexing_finished, timeout=120_000):
        window.start()
    qtbot.waitUntil(lambda: seen and seen[-1][0] == 130, timeout=30_000)
    during = [n for n, indexing in seen if indexing]
    assert during[:2] == [40, 120]  # batches of 40, then 80 committed and shown while indexing
    assert window.service.search("分批主题129").total == 1
    window.service.shutdown()
