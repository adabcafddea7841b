"""parse_text pauses the garbage collector and always gives it back (pipeline._gc_paused)."""
from __future__ import annotations

import gc
import os
import threading

import pytest

from reader.core.documents import pipeline


def test_collector_is_off_during_a_parse_and_on_after(monkeypatch):
    seen = []
    real = pipeline._parse_text

    def spy(*args):
        seen.append(gc.isenabled())
        return real(*args)

    monkeypatch.setattr(pipeline, "_parse_text", spy)
    assert gc.isenabled()
    docs = pipeline.parse_text("关于做好防汛工作的通知\n各区县人民政府：\n现将有关事项通知如下。\n")
    assert docs and seen == [False]
    assert gc.isenabled()


def test_collector_back_on_after_an_exception(monkeypatch):
    def boom(*args):
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "_parse_text", boom)
    with pytest.raises(RuntimeError):
        pipeline.parse_text("x")
    assert gc.isenabled()


def test_a_caller_that_turned_it_off_keeps_it_off():
    gc.disable()
    try:
        pipeline.parse_text("关于做好防汛工作的通知\n")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_threads_nest_the_last_to_leave_turns_it_on(monkeypatch):
    inside = threading.Barrier(3)
    release = threading.Event()
    after_first = []

    def slow(*args):
        inside.wait(timeout=10)
        release.wait(timeout=10)
        return []

    def fast(*args):
        return []

    monkeypatch.setattr(pipeline, "_parse_text", slow)
    first = threading.Thread(target=pipeline.parse_text, args=("a",))
    second = threading.Thread(target=pipeline.parse_text, args=("b",))
    first.start()
    second.start()
    inside.wait(timeout=10)          # both parses are inside the pause
    assert not gc.isenabled()
    monkeypatch.setattr(pipeline, "_parse_text", fast)
    pipeline.parse_text("c")         # a third one enters and leaves meanwhile
    after_first.append(gc.isenabled())
    release.set()
    first.join(timeout=10)
    second.join(timeout=10)
    assert after_first == [False]    # two parses still running: still off
    assert gc.isenabled()            # all left: on again


def test_a_child_forked_during_a_parse_collects_again(monkeypatch):
    inside = threading.Event()
    release = threading.Event()

    def slow(*args):
        inside.set()
        release.wait(timeout=10)
        return []

    monkeypatch.setattr(pipeline, "_parse_text", slow)
    worker = threading.Thread(target=pipeline.parse_text, args=("a",))
    worker.start()
    try:
        assert inside.wait(timeout=10) and not gc.isenabled()
        pid = os.fork()
        if pid == 0:  # the child: no parsing thread here
            ok = gc.isenabled() and pipeline._gc_pausers == 0
            monkeypatch.setattr(pipeline, "_parse_text", lambda *args: [])
            pipeline.parse_text("b")
            os._exit(0 if ok and gc.isenabled() else 1)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
    finally:
        release.set()
        worker.join(timeout=10)
    assert gc.isenabled()
