"""reader.core.documents.pipeline: the worker pools that isolate native readers end cleanly."""
from __future__ import annotations

import multiprocessing
import os
import struct
from concurrent.futures import ProcessPoolExecutor

from reader.core.documents.pipeline import kill_executor


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
