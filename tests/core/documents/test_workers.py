"""reader.core.documents.workers: the worker processes that isolate native readers.

A call's hard limit counts from when a worker STARTS it: the wait in the queue, the worker's spawn
and imports are not the file's. No test here measures speed: the limits are set small for the test
(READER_PARSE_SECONDS, workers.HANG_GRACE), and the slow calls are sleeps well inside them.
"""
from __future__ import annotations

import io
import multiprocessing
import os
import struct
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from reader.core.documents import workers
from reader.core.documents.workers import kill_executor

SLOW_START = ("tests.core.documents.slow_start",)  # a worker that takes 3 s to come up


def test_killing_a_pool_with_half_a_result_in_its_pipe_ends_its_manager_thread():
    """A worker killed while sending its result leaves half a message in the pool's shared
    result pipe; the executor's manager thread then waited for the rest forever and the
    interpreter hung at exit (seen once in a full test run). kill_executor must end it."""
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    assert pool.submit(os.getpid).result(timeout=60) != os.getpid()
    manager = pool._executor_manager_thread
    assert manager is not None and manager.is_alive()
    # half a message: a header announcing 1000 bytes, then one byte (what a killed sender leaves)
    os.write(pool._result_queue._writer.fileno(), struct.pack("!i", 1000) + b"x")
    kill_executor(pool)
    manager.join(15)
    assert not manager.is_alive()


def test_a_workers_start_is_not_its_calls_time():
    """The worker spends 3 s coming up (slow_start); the call's limit is 1 s and the call itself is
    instant: a clock that ran from the submission would call it hung."""
    pool = workers.Workers(1, 1, warm=SLOW_START)
    try:
        submitted = time.monotonic()
        job = pool.submit(os.getpid, limit=1.0)
        assert job.started() is None
        assert workers.wait(job) != os.getpid()
        assert job.started() - submitted >= 3.0  # stamped after the worker came up, not at submission
    finally:
        pool.kill()


def test_a_call_running_past_its_limit_is_killed():
    with pytest.raises(workers.WorkerHung) as hung:
        workers.call_alone(time.sleep, 3600, limit=1.0)
    assert hung.value.reason == workers.hung_reason(1.0)  # the problem says how long it had


def test_a_worker_that_never_comes_up_ends_the_wait(monkeypatch):
    """The safety net for a call no worker starts: START_SECONDS after it became the next one due."""
    monkeypatch.setattr(workers, "START_SECONDS", 1.0)
    with pytest.raises(workers.WorkerHung) as hung:
        workers.call_alone(os.getpid, limit=100.0, warm=SLOW_START)
    assert hung.value.reason == workers.NEVER_STARTED  # not a parse that took 100 s


def test_a_call_whose_worker_dies_is_a_crash():
    with pytest.raises(workers.WorkerCrashed):
        workers.call_alone(os._exit, 3, limit=100.0)


def test_a_call_submitted_after_a_worker_died_fails_as_a_crash_instead_of_raising():
    """The index submits the next file when it has handed one on: a worker may have died meanwhile
    (seen once in twenty runs of the pool test below). The submission must not raise."""
    pool = workers.Workers(1, 2)
    try:
        with pytest.raises(workers.WorkerCrashed):
            workers.wait(pool.submit(os._exit, 3, limit=100.0))
        with pytest.raises(workers.WorkerCrashed):
            workers.wait(pool.submit(os.getpid, limit=100.0))
    finally:
        pool.kill()


# ---------------------------------------------------------------- the index's pool (library._pooled)
SLOW = 2.0
"""A slow file's parse: half its limit (2 s + HANG_GRACE 2 s below), so it always finishes in time."""


def _stand_in(path: str):
    """prepare_file as the worker runs it, for files named *slow* (SLOW seconds first), *hang*
    (never returns) and *crash* (the worker dies); every other file, and a slow one after its
    wait, is really read."""
    from reader.core.library.library import prepare_file

    name = Path(path).name
    if "crash" in name:
        os._exit(3)
    if "hang" in name:
        time.sleep(3600)
    if "slow" in name:
        time.sleep(SLOW)
    if not os.path.exists(path):
        return path, "digest", None, []
    return prepare_file(path)


HUNG_4S = workers.hung_reason(4.0)
"""A hung file's problem under small_limits: it had 4 s."""


@pytest.fixture
def small_limits(monkeypatch):
    """A file's hard limit is 2 + 2 = 4 s from its start: twice a slow file's 2 s."""
    from reader.core.library import library as lib

    monkeypatch.setenv("READER_PARSE_SECONDS", "2")
    monkeypatch.setattr(workers, "HANG_GRACE", 2.0)
    monkeypatch.setattr(lib, "prepare_file", _stand_in)
    return lib


def test_files_queued_behind_slow_ones_are_not_timed_out_and_a_hang_is(small_limits):
    """One worker, four slow files in a row, then a hung one: the fourth slow file starts 6 s after
    it was queued, past its 4 s limit, yet runs 2 s; only the hung file is killed."""
    lib = small_limits
    paths = ["slow1.pdf", "slow2.pdf", "slow3.pdf", "slow4.pdf", "hang.pdf", "after.pdf"]
    results = list(lib._pooled(paths, 1, None, None, len(paths)))
    assert [r[0] for r in results] == paths
    errors = {r[0]: r[2] for r in results}
    assert errors == {**dict.fromkeys(paths), "hang.pdf": HUNG_4S}


def test_a_worker_that_crashes_or_hangs_costs_its_file_not_the_update(small_limits):
    lib = small_limits
    paths = ["a.pdf", "crash.pdf", "b.pdf", "hang.pdf", "c.pdf", "slow-d.pdf", "e.pdf"]
    results = list(lib._pooled(paths, 2, None, None, len(paths)))
    assert [r[0] for r in results] == paths
    errors = {r[0]: r[2] for r in results}
    assert errors == {**dict.fromkeys(paths), "crash.pdf": lib.WORKER_CRASHED, "hang.pdf": HUNG_4S}


def test_a_hang_behind_a_slow_file_is_killed_while_the_slow_one_finishes(small_limits):
    """Two workers: the hung file runs beside a slow one at the head of the queue; it is timed
    from its own start, killed, and the slow one (cut off by the restart) read again."""
    lib = small_limits
    paths = ["slow1.pdf", "hang.pdf", "slow2.pdf", "x.pdf"]
    results = list(lib._pooled(paths, 2, None, None, len(paths)))
    assert [r[0] for r in results] == paths
    assert {r[0]: r[2] for r in results} == {**dict.fromkeys(paths), "hang.pdf": HUNG_4S}


def _notice_docx(title: str, number: str) -> bytes:
    import docx

    d = docx.Document()
    for para in (f"{title}", number, "各区县人民政府，市政府各部门：",
                 f"现将{title[2:-3]}有关事项通知如下，请认真贯彻执行。", "江海市人民政府", "2023年5月8日"):
        d.add_paragraph(para)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_the_index_holds_every_file_but_the_hung_one(small_limits, tmp_path, monkeypatch):
    monkeypatch.setenv("READER_INDEX_WORKERS", "1")  # the tiny pool: Word files go to it even so
    lib = small_limits

    folder = tmp_path / "公文"
    folder.mkdir()
    names = ["1-slow", "2-slow", "3-slow", "4-slow", "5-hang", "6", "7"]
    for n, name in enumerate(names, 1):
        subject = f"做好第{n}批防汛工作"
        (folder / f"{name}.docx").write_bytes(_notice_docx(f"关于{subject}的通知", f"江政发〔2023〕{n}号"))
    library = lib.Library([folder], tmp_path / "index")
    try:
        summary = library.update()
        assert not summary.cancelled
        problems = {Path(p.file).name: p.reason for p in library.problems()}
        assert problems == {"5-hang.docx": HUNG_4S}
        assert "超过 4 秒无响应" in HUNG_4S and "stopped after 4 s" in HUNG_4S
        indexed = {Path(d.file).name: d for d in library.documents()}
        assert sorted(indexed) == sorted(f"{n}.docx" for n in names if "hang" not in n)
        assert indexed["4-slow.docx"].doc_number == "江政发〔2023〕4号"
    finally:
        library.close()

