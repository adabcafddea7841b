"""The index folder: only the index's own files are ever deleted, it is private, it is
never inside a library folder, and reading commands never index (second-round findings)."""
from __future__ import annotations

import os
import stat
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from reader.core.library import index as store
from reader.core.library.library import Library
from tests.reliability.helpers import PYTHON, ROOT, make_doc, run_reader, snapshot


def _library(folder: Path, n: int = 3) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"通知{i}.txt").write_text(make_doc(f"索引文件夹主题{i}", i), encoding="utf-8")
    return folder


def test_housekeeping_deletes_only_files_the_index_made(tmp_path):
    """An index folder that also holds the user's files (--index-dir pointed at a busy
    folder): a rebuild after damage, and every update, leave them alone."""
    folder = _library(tmp_path / "lib")
    index = tmp_path / "shared"
    index.mkdir()
    theirs = {
        "seg-会议纪要.txt": b"minutes", "草稿.tmp": b"draft", "seg-00000001.grams.bak": b"x",
        "MAIN_notes.txt": b"notes", "_MAIN_1.toc.txt": b"toc?", "library.sqlite.bak": b"backup",
    }
    for name, data in theirs.items():
        (index / name).write_bytes(data)
    (index / "whoosh-notes").mkdir()
    (index / "whoosh-notes" / "a.tmp").write_bytes(b"mine")
    lib = Library([folder], index_dir=index)
    lib.update()
    lib.close()
    (index / store.DB_NAME).write_bytes(b"garbage that is not a database" * 100)  # damage: rebuild
    lib = Library([folder], index_dir=index)
    assert lib.notice
    lib.update()
    assert len(lib.documents()) == 3
    lib.close()
    for name, data in theirs.items():
        assert (index / name).read_bytes() == data, name
    assert (index / "whoosh-notes" / "a.tmp").read_bytes() == b"mine"


@pytest.mark.parametrize("where", ["same", "inside", "contains"])
def test_index_folder_overlapping_a_library_folder_is_refused(tmp_path, where):
    folder = _library(tmp_path / "lib")
    index = {"same": folder, "inside": folder / "索引", "contains": tmp_path}[where]
    before = sorted(p.name for p in folder.rglob("*"))
    with pytest.raises(store.IndexFolderError) as info:
        Library([folder], index_dir=index)
    assert "索引文件夹" in str(info.value)
    assert sorted(p.name for p in folder.rglob("*")) == before  # nothing written there
    r = run_reader("index", str(folder), "--index-dir", str(index))
    assert r.returncode == 1 and "索引文件夹" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_index_is_private_and_an_old_one_is_repaired(tmp_path):
    folder = _library(tmp_path / "lib")
    index = tmp_path / "index"
    old = os.umask(0o022)
    try:
        lib = Library([folder], index_dir=index)
        lib.update()
        lib.search("通知")
        lib.close()
    finally:
        os.umask(old)

    def modes() -> dict[str, int]:
        out = {str(index): stat.S_IMODE(index.stat().st_mode)}
        for p in index.rglob("*"):
            out[str(p)] = stat.S_IMODE(p.stat().st_mode)
        return out

    for path, mode in modes().items():
        want = 0o700 if Path(path).is_dir() else 0o600
        assert mode == want, (path, oct(mode))
    for p in [index, *index.rglob("*")]:  # an index made by an older version, umask 022
        p.chmod(0o755 if p.is_dir() else 0o644)
    Library([folder], index_dir=index).close()
    assert all(mode in (0o700, 0o600) for mode in modes().values())


def test_reading_commands_never_index_and_say_how(tmp_path):
    """search/export on an index no update committed (never built, or its first build was
    killed): a message and exit 1; the folders recorded stay as they were."""
    folder = _library(tmp_path / "lib")
    index = str(tmp_path / "index")
    for args in (["search", "通知"], ["export", "--query", "通知", "--out", str(tmp_path / "out")]):
        r = run_reader(*args, "--index-dir", index)
        assert r.returncode == 1 and "reader index" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "out").exists()
    lib = Library([], index_dir=index)
    assert not lib.is_built() and lib.stored_folders() == []
    lib.close()
    assert run_reader("index", str(folder), "--index-dir", index).returncode == 0
    r = run_reader("search", "索引文件夹主题1", "--index-dir", index)
    assert r.returncode == 0 and "共 1 篇" in r.stdout
    lib = Library([], index_dir=index)
    assert lib.stored_folders() == [str(folder)]  # still the user's, not the samples
    lib.close()


_SLOW_INDEXER = """
import sys, time
from reader.core.library.library import Library
lib = Library([sys.argv[1]], index_dir=sys.argv[2])
def progress(p):
    print("working", flush=True)
    time.sleep(60)
lib.update(progress=progress)
"""


@contextmanager
def _indexer_at_work(folder: Path, index: Path):
    """Another process updating the index (stopped inside its update) while the block runs."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), READER_INDEX_WORKERS="1")
    proc = subprocess.Popen([PYTHON, "-c", _SLOW_INDEXER, str(folder), str(index)], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "working"
        yield proc
    finally:
        proc.kill()
        proc.wait(timeout=30)
        proc.stdout.close()


def test_second_indexer_is_told_at_once_which_process_runs(tmp_path):
    folder = _library(tmp_path / "lib")
    index = tmp_path / "index"
    with _indexer_at_work(folder, index) as first:
        t0 = time.monotonic()
        r = run_reader("index", str(folder), "--index-dir", str(index))
        waited = time.monotonic() - t0
        assert r.returncode == 1 and f"进程 {first.pid}" in r.stderr and "空间" not in r.stderr
        assert waited < 20  # at once, not after a lock timeout (30 s before)
        r = run_reader("search", "通知", "--index-dir", str(index))  # while the first build runs
        assert r.returncode == 1 and "正在建立" in r.stderr
    lib = Library([folder], index_dir=index)
    lib.update()
    assert len(lib.documents()) == 3
    assert snapshot(lib, ["通知"])["通知"]
    lib.close()


def test_waiting_for_another_indexer_stops_when_cancelled(tmp_path):
    """The app's indexer waits for a `reader index` running meanwhile; closing the app
    (cancel) ends the wait with a message instead of hanging the window's shutdown."""
    folder = _library(tmp_path / "lib")
    index = tmp_path / "index"
    with _indexer_at_work(folder, index) as first:
        lib = Library([folder], index_dir=index)
        asked = []

        def cancel() -> bool:
            asked.append(1)
            return len(asked) > 3

        with pytest.raises(store.IndexBusy) as info:
            lib.update(cancel=cancel)
        assert f"进程 {first.pid}" in str(info.value) and len(asked) == 4
        lib.close()
