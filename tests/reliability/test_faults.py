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

from reader.core import index as store
from reader.core.library import Library
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
    """The SQLite file is sound and every segment it lists is whole."""
    conn = sqlite3.connect(index / store.DB_NAME)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for (name,) in conn.execute("SELECT name FROM segments"):
            assert store.segment_problem(index / name) is None, name
        keys = {k for (k,) in conn.execute("SELECT key FROM docs")}
        files = {p for (p,) in conn.execute("SELECT path FROM files")}
        assert {f for (f,) in conn.execute("SELECT DISTINCT file FROM docs")} <= files
    finally:
        conn.close()
    assert keys is not None


def _mutate(folder: Path, rng: random.Random, step: int) -> None:
    """Give the next indexer work: change several files, add one, sometimes delete one."""
    files = sorted(folder.glob("*.txt"))
    for path in rng.sample(files, min(8, len(files))):
        with open(path, "a", encoding="utf-8") as f:
            f.write(f"\n第{step}次修改的补充说明。\n")
    (folder / f"新增{step:02d}.txt").write_text(make_doc(f"新增文件{step:02d}", step), encoding="utf-8")
    if step % 3 == 0:
        rng.choice([p for p in files if p.name.startswith("文件")]).unlink()


# The same update as `reader index`, printing each file as it starts: lets the test kill
# at a random point *inside* the work whatever the machine's speed.
_CHILD = """
import sys
from reader.core.library import Library
lib = Library([sys.argv[1]], index_dir=sys.argv[2])
print("open", flush=True)
lib.update(progress=lambda p: print("file", p.done, flush=True))
print("done", flush=True)
"""


def _kill_inside(env, folder, index, rng) -> bool:
    """Start an indexer, SIGKILL it after a random number of files plus a random delay.
    True when it was still running when killed."""
    proc = subprocess.Popen([PYTHON, "-c", _CHILD, str(folder), str(index)], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    target = rng.randint(0, 10)
    for line in proc.stdout:
        if line.startswith("file") and int(line.split()[1]) >= target or line.startswith("done"):
            break
    time.sleep(rng.uniform(0, 0.05))
    alive = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    return alive


def test_sigkill_at_random_moments_never_breaks_the_index(tmp_path):
    """20 SIGKILLs: 15 at a random file of the work (plus a random delay), 5 of the real
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
    killed_mid_run = 0
    for step in range(1, N_KILLS + 1):
        _mutate(folder, rng, step)
        if step % 4 == 2:  # the real command, killed after a random time
            proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
            time.sleep(rng.uniform(0.3, full_run))
            killed_mid_run += proc.poll() is None
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        else:
            killed_mid_run += _kill_inside(env, folder, index, rng)
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
    assert killed_mid_run >= 15, "the kills must land while the indexer works"
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    assert snapshot(Library([folder], index_dir=index), QUERIES) == _clean(folder, tmp_path / "clean")


def _damage(kind: str, index: Path) -> None:
    db = index / store.DB_NAME
    segs = sorted(index.glob("seg-*"))
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
    elif kind == "segment-half-written":
        segs[0].write_bytes(segs[0].read_bytes()[: segs[0].stat().st_size // 2])
    elif kind == "segment-garbled-header":
        data = bytearray(segs[0].read_bytes())
        data[:16] = b"\xde\xad\xbe\xef" * 4
        segs[0].write_bytes(bytes(data))
    elif kind == "segment-deleted":
        segs[0].unlink()
    elif kind == "wal-garbage":
        (index / "library.sqlite-wal").write_bytes(random.Random(2).randbytes(20_000))
    elif kind == "stale-tmp-segment":
        (index / "seg-00000099.tmp").write_bytes(b"half a segment from a killed writer")
        (index / "seg-00000099.grams").write_bytes(b"GWRG0002 unlisted")
    elif kind == "stale-sqlite-lock":
        # a writer killed inside its transaction leaves a hot WAL and -shm: simulated by a
        # second process holding an open write transaction when it is killed
        code = ("import sqlite3,os,signal; c=sqlite3.connect(r'%s'); c.execute('PRAGMA journal_mode=WAL');"
                "c.execute('BEGIN IMMEDIATE'); c.execute('DELETE FROM docs'); os.kill(os.getpid(), signal.SIGKILL)"
                % db)
        assert subprocess.run([PYTHON, "-c", code]).returncode == -signal.SIGKILL
    else:
        raise AssertionError(kind)


DAMAGE = ["db-truncated", "db-garbled", "db-empty", "db-deleted", "segment-half-written",
          "segment-garbled-header", "segment-deleted", "wal-garbage", "stale-tmp-segment", "stale-sqlite-lock"]


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
    if kind.startswith(("db-truncated", "db-garbled", "segment")):
        assert notice and "索引" in notice  # the user is told why it rebuilt
        assert s.notice == notice
    _consistent(index)
    assert not list(index.glob("*.tmp")) and not (index / "seg-00000099.grams").exists()


def test_damaged_index_via_cli_gives_a_message_not_a_traceback(small_corpus, tmp_path):
    folder, _ = small_corpus
    index = tmp_path / "index"
    assert run_reader("index", str(folder), "--index-dir", str(index)).returncode == 0
    _damage("db-garbled", index)
    r = run_reader("search", "通知", "--index-dir", str(index))
    assert "Traceback" not in r.stderr
    assert "索引" in r.stderr and r.returncode == 0
    assert "共 " in r.stdout


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
    real_write = store.SegmentBuilder.write

    def full_disk(self, path):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(store.SegmentBuilder, "write", full_disk)
    with pytest.raises(OSError) as info:
        lib.update()
    assert info.value.errno == errno.ENOSPC
    _consistent(index)
    assert not list(index.glob("*.tmp"))
    monkeypatch.setattr(store.SegmentBuilder, "write", real_write)
    lib2 = Library([copy], index_dir=index)
    lib2.update()
    assert snapshot(lib2, QUERIES) == _clean(copy, tmp_path / "clean")
    assert before["docs"]  # the old index was there all along


def test_full_disk_via_cli_is_a_message(small_corpus, tmp_path):
    """The CLI under a real ENOSPC (the writer patched in a child process): a message, exit 1."""
    folder, _ = small_corpus
    index = tmp_path / "index"
    code = (
        "import errno, os, sys; from reader.core import index as s\n"
        "def w(self, path): raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))\n"
        "s.SegmentBuilder.write = w\n"
        "from reader.cli import main; sys.exit(main(sys.argv[1:]))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), READER_INDEX_WORKERS="1")
    r = subprocess.run([PYTHON, "-c", code, "index", str(folder), "--index-dir", str(index)],
                       capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert "Traceback" not in r.stderr, r.stderr
    assert r.returncode != 0 and "空间" in r.stderr


def test_two_indexers_at_once_do_not_corrupt(small_corpus, tmp_path):
    folder, want = small_corpus
    index = tmp_path / "index"
    env = dict(os.environ, PYTHONPATH=str(ROOT), READER_INDEX_WORKERS="1")
    cmd = [PYTHON, "-m", "reader", "index", str(folder), "--index-dir", str(index)]
    procs = [subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    reader_code = ("import sys; from reader.core.library import Library\n"
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
