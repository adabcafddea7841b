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
"""Per file. The worst shape known, 10 MB of alternating 文号 / title lines, parses in about 6 s
(``tests/benchmarks/bench_split.py --alternating 10``, 2 cores), so a file still parsing after
a minute is pathological."""

PARSE_SECONDS_ENV = "READER_PARSE_SECONDS"
"""Overrides PARSE_SECONDS (seconds, a number), e.g. a small budget in tests."""

_deadline: ContextVar[float | None] = ContextVar("reader_parse_deadline", default=None)


class ParseTimeout(Exception):
    """The file's parse time budget ran out."""


SECONDS_PER_MB = 3.0
"""Added per MB of the file: large real files parse at 1.5–3 MB/s
(``tests/benchmarks/bench_split.py --mb 5``, 2 cores), so a 200 MB gazette dump (about 120 s)
is not cut off; a pathological small file still stops after a minute."""


def parse_seconds(size: int = 0) -> float:
    """The budget for a file of `size` bytes: READER_PARSE_SECONDS if set to a number, else
    PARSE_SECONDS plus SECONDS_PER_MB per MB."""
    try:
        return float(os.environ.get(PARSE_SECONDS_ENV, ""))
    except ValueError:
        return PARSE_SECONDS + SECONDS_PER_MB * size / 1e6


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
