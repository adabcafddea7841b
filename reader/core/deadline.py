"""A time limit for parsing one file: one pathological file must not hold back an update.

`pipeline.parse_file` starts the clock with `limit()`; the splitter's and the pipeline's
loops call `check()`, which raises ParseTimeout once the time is up, and parse_file turns
that into the file's error (a problem in the library, like an unreadable file). Outside
`limit()` (parse_text called directly) `check()` does nothing. The clock is a ContextVar,
so files parsed in different threads each have their own.
"""
from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

PARSE_SECONDS = 60.0
"""Per file. The worst real shapes parse at about 1.5 s/MB on 2 cores (10 MB of alternating
文号 / title lines: 6 s), so a file still parsing after a minute is pathological."""

PARSE_SECONDS_ENV = "READER_PARSE_SECONDS"
"""Overrides PARSE_SECONDS (seconds, a number), e.g. a small budget in tests."""

_deadline: ContextVar[float | None] = ContextVar("reader_parse_deadline", default=None)


class ParseTimeout(Exception):
    """The file's parse time budget ran out."""


def parse_seconds() -> float:
    """The budget per file: READER_PARSE_SECONDS if set to a number, else PARSE_SECONDS."""
    try:
        return float(os.environ.get(PARSE_SECONDS_ENV, ""))
    except ValueError:
        return PARSE_SECONDS


@contextmanager
def limit(seconds: float) -> Iterator[None]:
    """Within this block, check() raises ParseTimeout after `seconds`."""
    token = _deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def check() -> None:
    """Raise ParseTimeout if the current limit() has run out; cheap enough for every row."""
    end = _deadline.get()
    if end is not None and time.monotonic() > end:
        raise ParseTimeout
