"""Worker processes for the readers that run native code (PDFium, lxml): a crash or a hang inside
one costs the file it was reading, never the caller (an index update, the window).

A file's hard limit counts from when a worker STARTS it, not from when it was queued: the time it
waited behind other files, for a process to spawn or for the parser to be imported is not the
file's. Each worker says when it starts a call by writing time.monotonic() into that call's slot
of an array shared with the parent, before it runs the call: one 8-byte store, so a kill cannot
leave it half written, and made before the call, so a hang that holds the GIL (a regular
expression stuck in C) cannot hold the report back. time.monotonic() is one clock for every
process of a machine (CLOCK_MONOTONIC on Linux, QueryPerformanceCounter on Windows,
mach_absolute_time on macOS).

A call no worker has started is given up START_SECONDS after it became the next one due (the
caller says when, Job.waiting_since): only workers that never come up (a spawn that hangs) reach it.
"""
from __future__ import annotations

import importlib
import multiprocessing
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from reader.core.documents import deadline

PARSER_CRASHED = "解析进程异常退出，文件可能已损坏或含有恶意内容 (the parser crashed on this file)"


def hung_reason(seconds: float) -> str:
    """The problem of a file whose parse was stopped `seconds` after its worker started it."""
    return (f"解析进程超过 {seconds:.4g} 秒无响应，已终止，文件可能异常 "
            f"(the parser hung on this file and was stopped after {seconds:.4g} s)")



HANG_GRACE = 10.0
"""Seconds past a file's parse budget (deadline.parse_seconds), counted from when its worker started
it, before the worker is killed. The budget is checked between pages and rows, so a parse past it
ends itself with its own, clearer reason (解析超时) well within this; what is still running then is
stuck inside a native library or one C call. (It was 30 s while the clock ran from when the file
was queued: that slack paid for the wait and the worker's start.)"""

START_SECONDS = 60.0
"""A call no worker has started this long after it became the next one due is given up as hung:
the safety net for workers that never come up (they do in 1-3 s)."""

NEVER_STARTED = (f"解析进程 {START_SECONDS:.0f} 秒内未能启动，已放弃，请重新更新索引 "
                 f"(no parser process started for this file within {START_SECONDS:.0f} s)")

POLL_SECONDS = 0.25
"""How often a waiting caller looks at the clocks."""

WARM_MODULES = ("reader.core.documents.pipeline",)
"""Imported when a worker starts, before any call: the parser's import is not a file's time."""

_NOT_STARTED = -1.0
_slots = None  # in a worker: the pool's shared start times, one slot per call in flight


def hard_limit(size: int) -> float:
    """Seconds a file of `size` bytes may run in a worker, from when the worker started it."""
    return deadline.parse_seconds(size) + HANG_GRACE


def _init(slots, warm: tuple[str, ...]) -> None:
    global _slots
    _slots = slots
    for name in warm:
        importlib.import_module(name)


def _run(slot: int, fn: Callable, *args):
    _slots[slot] = time.monotonic()
    return fn(*args)


class WorkerCrashed(Exception):
    """The worker process died during the call."""


class WorkerHung(Exception):
    """The call ran past its limit and its worker was killed; `reason`: the file's problem."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(eq=False)
class Job:
    """One call submitted to Workers: its future, and the clock that says whether it hangs."""

    future: Future
    limit: float  # seconds from its start (hard_limit)
    workers: Workers | None = None  # None: a job made already done (done())
    slot: int = -1
    waiting_since: float | None = None  # set by the caller when the job becomes the next one due

    @classmethod
    def resolved(cls, result) -> Job:
        """A job whose result is known without running it (a hung file's problem)."""
        future: Future = Future()
        future.set_result(result)
        return cls(future, 0.0)

    def started(self) -> float | None:
        """time.monotonic() when a worker started the call, None before."""
        if self.workers is None:
            return None
        stamp = self.workers.slots[self.slot]
        return None if stamp == _NOT_STARTED else min(stamp, time.monotonic())

    def overdue(self, now: float | None = None) -> bool:
        """Still running `limit` seconds after its worker started it (or, never started,
        START_SECONDS after it became the next one due)."""
        if self.future.done():
            return False
        now = time.monotonic() if now is None else now
        start = self.started()
        if start is not None:
            return now - start > self.limit
        return self.waiting_since is not None and now - self.waiting_since > START_SECONDS

    def hung_reason(self) -> str:
        """The problem of an overdue job: stopped `limit` seconds after its start, or never started."""
        return NEVER_STARTED if self.started() is None else hung_reason(self.limit)

    def succeeded(self) -> bool:
        f = self.future
        return f.done() and not f.cancelled() and f.exception() is None

    def release(self) -> None:
        """Its slot may serve another call (call once the job has left the caller's queue)."""
        if self.workers is not None and self.slot >= 0:
            self.workers.free.append(self.slot)
            self.slot = -1


class Workers:
    """A spawn ProcessPoolExecutor whose calls report when they start, and that can be killed.

    `capacity`: how many calls may be in flight (submitted, not released) at once.
    """

    def __init__(self, workers: int, capacity: int, warm: Sequence[str] = WARM_MODULES):
        ctx = multiprocessing.get_context("spawn")
        self.slots = ctx.RawArray("d", [_NOT_STARTED] * capacity)
        self.free = list(range(capacity - 1, -1, -1))
        self.executor = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init,
                                            initargs=(self.slots, tuple(warm)))

    def submit(self, fn: Callable, *args, limit: float) -> Job:
        """fn(*args) in a worker; `limit`: seconds it may run once started."""
        if not self.free:
            raise RuntimeError("more calls in flight than the pool's capacity")
        slot = self.free.pop()
        self.slots[slot] = _NOT_STARTED
        try:
            future = self.executor.submit(_run, slot, fn, *args)
        except BrokenProcessPool as exc:  # a worker died since the last call: the job fails as the pool's calls do
            future = Future()
            future.set_exception(exc)
        return Job(future, limit, self, slot)

    def kill(self) -> None:
        """Stop at once: a hung or crashed worker is never waited for."""
        kill_executor(self.executor)

    def close(self) -> None:
        """Stop when idle (no call in flight is left running)."""
        self.executor.shutdown(wait=True, cancel_futures=True)


def wait(job: Job):
    """The job's result; WorkerCrashed if its worker died, WorkerHung once it is overdue (the caller
    kills the pool then). Timed from the call: the job is the next one due."""
    if job.waiting_since is None:
        job.waiting_since = time.monotonic()
    while True:
        try:
            return job.future.result(timeout=POLL_SECONDS)
        except FutureTimeout:
            if job.overdue():
                raise WorkerHung(job.hung_reason()) from None
        except BrokenProcessPool:
            raise WorkerCrashed from None


def call_alone(fn: Callable, *args, limit: float, warm: Sequence[str] = WARM_MODULES):
    """fn(*args) in a worker process of its own, killed afterwards: its result, or WorkerCrashed /
    WorkerHung (`limit` seconds from when the worker started the call)."""
    workers = Workers(1, 1, warm)
    try:
        return wait(workers.submit(fn, *args, limit=limit))
    finally:
        workers.kill()


def kill_executor(pool) -> None:
    """Stop a ProcessPoolExecutor at once: a hung or crashed worker is never waited for.

    Its workers send results through one shared pipe. A worker killed in the middle of
    sending leaves half a message there, and the executor's manager thread waits for the
    rest forever: the interpreter then hangs at exit, joining that thread. So after the
    workers are dead, this process's copy of the pipe's write end is closed too; with no
    writer left the manager's read ends (EOF), it counts the pool as broken and stops.
    """
    processes = list((getattr(pool, "_processes", None) or {}).values())
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)  # shutdown() drops it
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in processes:
        try:
            proc.kill()
        except Exception:  # already gone
            pass
    for proc in processes:
        proc.join(5)
    if writer is not None:
        try:
            writer.close()
        except OSError:
            pass
