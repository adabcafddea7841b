"""Faults: a killed indexer, a damaged index folder, a full disk, two processes at once.

The property each time: the next start opens a consistent index (or empties it and says
so), finishes the job, and searches give exactly what a clean build gives.
"""
from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from reader.core.library import index as store
from reader.core.library.library import Library
from reader.core.library.schema import GramPostingsBuilder
from tests.reliability.helpers import PYTHON, ROOT, make_doc, run_reader, snapshot

N_KILLS = 20
QUERIES = ["通知", "宁波市人民政府", "主题003号", "主题017号", "修改", "新增文件", "市财政局牵头"]


def _corpus(folder: Path, n: int = 36) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"文件{i:03d}.txt").write_text(make_doc(f"主题{i:03d}号", i) * 6, encoding="utf-8")
    seed = min((ROOT / "seeds").glob("*.txt"), key=lambda p: p.stat().st_size)
    shutil.copy(seed, folder / "样例.txt")


def _clean(folder: Path, where: Path) -> dict:
    shutil.rmtree(where, ignore_errors=True)
    lib = Library([folder], index_dir=where)
    lib.update()
    snap = snapshot(lib, QUERIES)
    lib.close()
    return snap


def _consistent(index: Path) -> None:
    """The SQLite file is sound, the Whoosh generation it records is whole (every file of
    its manifest there, with its size), and both stores hold the same documents."""
    from whoosh.index import TOC

    from reader.core.library.searcher import _Leaf

    conn = sqlite3.connect(index / store.DB_NAME)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        gen = store.committed_generation(conn)
        assert gen is not None
        for name, size in conn.execute("SELECT name, size FROM manifest"):
            assert (index / store.WHOOSH_DIR / name).stat().st_size == size, name
        keys = {k for (k,) in conn.execute("SELECT key FROM docs")}
        files = {p for (p,) in conn.execute("SELECT path FROM files")}
        assert {f for (f,) in conn.execute("SELECT DISTINCT file FROM docs")} <= files
    finally:
        conn.close()
    storage = store.PrivateStorage(str(index / store.WHOOSH_DIR))
    toc = TOC.read(storage, store.INDEX_NAME, gen=gen)
    from whoosh.index import FileIndex

    reader = FileIndex._reader(storage, toc.schema, toc.segments, toc.generation)
    try:
        in_whoosh = set()
        for r, _ in reader.leaf_readers():
            leaf = _Leaf(r, 0)
            in_whoosh.update(k for d, k in enumerate(leaf.keys) if d not in leaf.deleted)
    finally:
        reader.close()
    assert in_whoosh == keys  # one commit for both stores


def _mutate(folder: Path, rng: random.Random, step: int) -> None:
    """Give the next indexer work: change several files, add one, sometimes delete one."""
    files = sorted(folder.glob("*.txt"))
    for path in rng.sample(files, min(8, len(files))):
        with open(path, "a", encoding="utf-8") as f:
            f.write(f"\n第{step}次修改的补充说明。\n")
    (folder / f"新增{step:02d}.txt").write_text(make_doc(f"新增文件{step:02d}", step), encoding="utf-8")
    if step % 3 == 0:
        rng.choice([p for p in files if p.name.startswith("文件")]).unlink()


# The same update as `reader index`, stopping (to be killed) at a chosen point: before
# file N is read, between the Whoosh commit and the SQLite commit, or after the SQLite
# commit before the old generation's files are deleted.
_CHILD = """
import sys, time
from reader.core.library import index as store
from reader.core.library.library import Library
where = sys.argv[3]
def stop(label):
    print("at", label, flush=True)
    time.sleep(120)
if where == "whoosh-committed":
    real = store.Store._write_manifest
    def manifest(self, conn, gen, segments):
        stop(where)
    store.Store._write_manifest = manifest
elif where == "sqlite-committed":
    store.clean_files = lambda *a: stop(where)
lib = Library([sys.argv[1]], index_dir=sys.argv[2])
def progress(p):
    if where.isdigit() and p.done >= int(where):
        stop(where)
lib.update(progress=progress)
print("done", flush=True)
"""


def _kill_inside(env, folder, index, where: str) -> bool:
    """Start an indexer that stops at `where`; SIGKILL it there. True when it was
    killed there (False: it finished first, e.g. there were fewer files)."""
    proc = subprocess.Popen([PYTHON, "-c", _CHILD, str(folder), str(index), where], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    stopped = False
    for line in proc.stdout:
        if line.startswith("at "):
            stopped = True
            break
        if line.startswith("done"):
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    return stopped


def test_sigkill_at_random_moments_never_breaks_the_index(tmp_path):
    """20 SIGKILLs: 15 at a chosen point of the work (before a random file, between the
    Whoosh and the SQLite commit, after the SQLite commit before cleaning), 5 of the real
    `reader index` command after a random time. After each: the index is consistent and
    shows either the state before the killed run or the complete state after it; every
    fourth time the next start finishes and must equal a clean build."""
    rng = random.Random(20241123)
    folder = tmp_path / "lib"
    index = tmp_path / "index"
    _corpus(folder, n=24)
    env = dict(os.environ, READER_INDEX_WORKERS="1", PYTHONPATH=str(ROOT))
    cmd = [PYTHON, "-m", "reader", "index", str(folder), "--index-dir", str(index)]
    t0 = time.monotonic()
    assert subprocess.run(cmd, env=env, capture_output=True, cwd=ROOT, timeout=120).returncode == 0
    full_run = time.monotonic() - t0
    committed = _clean(folder, tmp_path / "clean")
    killed_inside = 0
    points = ["whoosh-committed", "sqlite-committed"] * 3 + [str(rng.randint(0, 8)) for _ in range(9)]
    rng.shuffle(points)
    for step in range(1, N_KILLS + 1):
        _mutate(folder, rng, step)
        if step % 4 == 2:  # the real command, killed after a random time
            proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
            time.sleep(rng.uniform(0.3, full_run))
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        else:
            killed_inside += _kill_inside(env, folder, index, points.pop())
        _consistent(index)
        lib = Library([folder], index_dir=index)
        seen = snapshot(lib, QUERIES)
        if seen != committed:  # the killed run had committed: it must be the new state, whole
            committed = _clean(folder, tmp_path / "clean")
            assert lib.notice or seen == committed, f"step {step}: a partial state"
        if step % 4 == 0:  # the next start finishes the job
            s = lib.update()
            assert not s.cancelled
            committed = _clean(folder, tmp_path / "clean")
            assert snapshot(lib, QUERIES) == committed, f"step {step}"
        lib.close()
    assert killed_inside == 15, "every planned kill lands while the indexer works"
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    assert snapshot(Library([folder], index_dir=index), QUERIES) == _clean(folder, tmp_path / "clean")


def _whoosh_file(index: Path, ext: str) -> Path:
    return next((index / store.WHOOSH_DIR).glob(f"{store.INDEX_NAME}_*{ext}"))


def _damage(kind: str, index: Path) -> None:
    db = index / store.DB_NAME
    wdir = index / store.WHOOSH_DIR
    if kind == "db-truncated":
        db.write_bytes(db.read_bytes()[: db.stat().st_size // 2])
    elif kind == "db-garbled":
        data = bytearray(db.read_bytes())
        data[: min(len(data), 8192)] = random.Random(1).randbytes(min(len(data), 8192))
        db.write_bytes(bytes(data))
    elif kind == "db-empty":
        db.write_bytes(b"")
    elif kind == "db-deleted":
        db.unlink()
    elif kind == "postings-half-written":
        p = _whoosh_file(index, ".gpo")
        p.write_bytes(p.read_bytes()[: p.stat().st_size // 2])
    elif kind == "postings-garbled-header":
        p = _whoosh_file(index, ".gpo")
        data = bytearray(p.read_bytes())
        data[:16] = b"\xde\xad\xbe\xef" * 4
        p.write_bytes(bytes(data))
    elif kind == "postings-garbled-middle":  # same size, header intact: only the checksum tells
        p = _whoosh_file(index, ".gpo")
        data = bytearray(p.read_bytes())
        mid = len(data) // 2
        data[mid : mid + 64] = bytes(64)
        p.write_bytes(bytes(data))
    elif kind == "postings-deleted":
        _whoosh_file(index, ".gpo").unlink()
    elif kind == "terms-truncated":
        p = _whoosh_file(index, ".trm")
        p.write_bytes(p.read_bytes()[: p.stat().st_size // 3])
    elif kind == "toc-garbled":
        p = next(wdir.glob("_MAIN_*.toc"))
        data = bytearray(p.read_bytes())
        data[10:40] = random.Random(3).randbytes(30)
        p.write_bytes(bytes(data))
    elif kind == "toc-deleted":
        next(wdir.glob("_MAIN_*.toc")).unlink()
    elif kind == "wal-garbage":
        (index / "library.sqlite-wal").write_bytes(random.Random(2).randbytes(20_000))
    elif kind == "stale-writer-files":
        # what a writer killed mid-segment leaves: a temp folder, a newer TOC, segment files
        (wdir / "MAIN.tmp").mkdir()
        (wdir / "MAIN.tmp" / "pool.tmp").write_bytes(b"half a pool")
        (wdir / "MAIN_zzzzzzzz.gpo").write_bytes(b"GWGPO001 unlisted")
        (wdir / "_MAIN_99.toc").write_bytes(b"a table of contents of a killed writer")
        (wdir / "_MAIN_99.toc.1700000000.0").write_bytes(b"half a table of contents")
    elif kind == "stale-sqlite-lock":
        # a writer killed inside its transaction leaves a hot WAL and -shm: simulated by a
        # second process holding an open write transaction when it is killed
        code = ("import sqlite3,os,signal; c=sqlite3.connect(r'%s'); c.execute('PRAGMA journal_mode=WAL');"
                "c.execute('BEGIN IMMEDIATE'); c.execute('DELETE FROM docs'); os.kill(os.getpid(), signal.SIGKILL)"
                % db)
        assert subprocess.run([PYTHON, "-c", code]).returncode == -signal.SIGKILL
    else:
        raise AssertionError(kind)


DAMAGE = ["db-truncated", "db-garbled", "db-empty", "db-deleted", "postings-half-written",
          "postings-garbled-header", "postings-garbled-middle", "postings-deleted", "terms-truncated",
          "toc-garbled", "toc-deleted", "wal-garbage", "stale-writer-files", "stale-sqlite-lock"]
# Damage the user is told about (the index is emptied and rebuilt, with a notice).
_NOTICED = ("db-truncated", "db-garbled", "postings", "terms", "toc")


def _only_the_committed_generation(index: Path) -> None:
    conn = sqlite3.connect(index / store.DB_NAME)
    try:
        listed = {n for (n,) in conn.execute("SELECT name FROM manifest")}
    finally:
        conn.close()
    present = {p.name for p in (index / store.WHOOSH_DIR).iterdir()} - {f"{store.INDEX_NAME}_WRITELOCK"}
    assert present == listed


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    base = tmp_path_factory.mktemp("faults")
    folder = base / "lib"
    _corpus(folder, n=12)
    return folder, _clean(folder, base / "clean")


@pytest.mark.parametrize("kind", DAMAGE)
def test_damaged_index_folder_recovers_by_itself(small_corpus, tmp_path, kind, monkeypatch):
    monkeypatch.setenv("READER_INDEX_WORKERS", "1")
    folder, want = small_corpus
    index = tmp_path / "index"
    lib = Library([folder], index_dir=index)
    lib.update()
    lib.close()
    _damage(kind, index)
    lib = Library([folder], index_dir=index)  # never raises
    notice = lib.notice
    lib.documents()
    s = lib.update()  # one update, no deleting by hand
    assert snapshot(lib, QUERIES) == want
    if kind.startswith(_NOTICED):
        assert notice and "索引" in notice  # the user is told why it rebuilt
        assert s.notice == notice
    _consistent(index)
    _only_the_committed_generation(index)


def test_damaged_index_via_cli_gives_a_message_not_a_traceback(small_corpus, tmp_path):
    """A search on a damaged index says it was emptied and how to rebuild it (it does not
    rebuild by itself: a reading command never indexes); `reader index` then rebuilds."""
    folder, _ = small_corpus
    index = tmp_path / "index"
    assert run_reader("index", str(folder), "--index-dir", str(index)).returncode == 0
    _damage("db-garbled", index)
    r = run_reader("search", "通知", "--index-dir", str(index))
    assert "Traceback" not in r.stderr
    assert "索引无法打开" in r.stderr and "reader index" in r.stderr and r.returncode == 1
    _damage("db-garbled", index)
    r = run_reader("index", str(folder), "--index-dir", str(index))
    assert r.returncode == 0 and r.stderr.count("索引无法打开") == 1  # said once, not twice
    r = run_reader("search", "通知", "--index-dir", str(index))
    assert r.returncode == 0 and "共 " in r.stdout


def test_full_disk_while_indexing(small_corpus, tmp_path, monkeypatch):
    """ENOSPC from the segment writer: update fails cleanly, the old index stays, the next run finishes."""
    monkeypatch.setenv("READER_INDEX_WORKERS", "1")
    folder, want = small_corpus
    index = tmp_path / "index"
    lib = Library([folder], index_dir=index)
    lib.update()
    before = snapshot(lib, QUERIES)
    copy = tmp_path / "lib"
    shutil.copytree(folder, copy)
    lib = Library([copy], index_dir=index)
    real_write = GramPostingsBuilder.write

    def full_disk(self, f, doccount):
        f.write(b"x" * 10_000)  # a part was written before the disk filled
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "postings")

    monkeypatch.setattr(GramPostingsBuilder, "write", full_disk)
    (copy / "新的.txt").write_text(make_doc("磁盘已满"), encoding="utf-8")
    with pytest.raises(OSError) as info:
        lib.update()
    assert info.value.errno == errno.ENOSPC
    _consistent(index)
    _only_the_committed_generation(index)  # the half-written segment is gone
    assert (index / "library.sqlite-wal").stat().st_size == 0  # the WAL's space given back
    monkeypatch.setattr(GramPostingsBuilder, "write", real_write)
    lib2 = Library([copy], index_dir=index)
    lib2.update()
    assert snapshot(lib2, QUERIES) == _clean(copy, tmp_path / "clean")
    assert before["docs"]  # the old index was there all along


def test_full_disk_via_cli_is_a_message(small_corpus, tmp_path):
    """The CLI under a real ENOSPC (the writer patched in a child process): a message, exit 1."""
    folder, _ = small_corpus
    index = tmp_path / "index"
    code = (
        "import errno, os, sys; from reader.core.library import schema as s\n"
        "def w(self, f, n): raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), 'postings')\n"
        "s.GramPostingsBuilder.write = w\n"
        "from reader.cli.main import main; sys.exit(main(sys.argv[1:]))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), READER_INDEX_WORKERS="1")
    r = subprocess.run([PYTHON, "-c", code, "index", str(folder), "--index-dir", str(index)],
                       capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert "Traceback" not in r.stderr, r.stderr
    assert r.returncode != 0 and "空间" in r.stderr
    # that fresh index, whose first build failed: every command gives a message (search
    # used to end in a traceback from the automatic build)
    for args in (["search", "通知"], ["problems"], ["tasks"],
                 ["export", "--query", "通知", "--out", str(tmp_path / "o")]):
        r = subprocess.run([PYTHON, "-c", code, *args, "--index-dir", str(index)],
                           capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
        assert "Traceback" not in r.stderr, (args, r.stderr)


def test_two_indexers_at_once_do_not_corrupt(small_corpus, tmp_path):
    folder, want = small_corpus
    index = tmp_path / "index"
    env = dict(os.environ, PYTHONPATH=str(ROOT), READER_INDEX_WORKERS="1")
    cmd = [PYTHON, "-m", "reader", "index", str(folder), "--index-dir", str(index), "--wait"]
    procs = [subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    reader_code = ("import sys; from reader.core.library.library import Library\n"
                   "lib = Library([sys.argv[1]], index_dir=sys.argv[2])\n"
                   "for _ in range(20):\n"
                   "    r = lib.search('通知'); assert r.error is None; lib.documents()\n"
                   "print('READ OK')\n")
    reading = subprocess.run([PYTHON, "-c", reader_code, str(folder), str(index)], env=env, cwd=ROOT,
                             capture_output=True, text=True, timeout=120)
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    assert reading.returncode == 0 and "READ OK" in reading.stdout, reading.stderr
    _consistent(index)
    assert snapshot(Library([folder], index_dir=index), QUERIES) == want


# ── two apps on one index ───────────────────────────────────────────────────

_HOLD_LOCK = """
import sys, time
import reader.ui
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from reader.ui.app import acquire_instance_lock
lock = acquire_instance_lock(sys.argv[1])
print("HELD" if lock is not None else "BUSY", flush=True)
time.sleep(120)
"""


def _hold_lock(index: Path) -> subprocess.Popen:
    proc = subprocess.Popen([PYTHON, "-c", _HOLD_LOCK, str(index)], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                            env=dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen"))
    assert proc.stdout.readline().strip() == "HELD"
    return proc


def test_instance_lock_detects_a_running_app_and_takes_over_a_dead_ones(tmp_path, qapp):
    from reader.ui.app import acquire_instance_lock

    index = tmp_path / "index"
    first = acquire_instance_lock(index)
    assert first is not None
    assert acquire_instance_lock(index) is None  # a second app sees the first
    first.unlock()
    again = acquire_instance_lock(index)
    assert again is not None
    again.unlock()
    holder = _hold_lock(index)
    assert acquire_instance_lock(index) is None  # held by another process
    holder.send_signal(signal.SIGKILL)  # the first app crashes: its lock file stays behind
    holder.wait(timeout=30)
    holder.stdout.close()
    assert (index / "gui.lock").exists()
    taken = acquire_instance_lock(index)  # stale (owner gone): taken over, no deleting by hand
    assert taken is not None
    taken.unlock()


def test_second_app_reads_the_index_and_does_not_update_it(small_corpus, tmp_path):
    folder, _ = small_corpus
    lib_folder = tmp_path / "lib"
    shutil.copytree(folder, lib_folder)
    index = tmp_path / "index"
    lib = Library([lib_folder], index_dir=index)
    lib.update()
    before = snapshot(lib, QUERIES)
    lib.close()
    (lib_folder / "新来的.txt").write_text(make_doc("第二个窗口不索引"), encoding="utf-8")
    holder = _hold_lock(index)  # the first app
    try:
        shot = tmp_path / "second.png"
        r = run_reader("gui", "--library", str(lib_folder), "--search", "主题003号", "--screenshot", str(shot),
                       "--settings", str(tmp_path / "s.ini"),
                       env={"READER_INDEX_DIR": str(index), "QT_QPA_PLATFORM": "offscreen"})
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
        holder.stdout.close()
    assert r.returncode == 0, r.stderr
    assert "只读" in r.stderr and shot.exists()
    after = Library([lib_folder], index_dir=index)
    assert not after.search("第二个窗口不索引").hits  # it did not index the new file
    assert snapshot(after, QUERIES) == before
    _consistent(index)
