"""The desktop app (PySide6). Qt only: models wrap reader.core results, widgets show them.

Importing this package first works around a PySide6 6.12.0 bug on Python < 3.12: every call
of a C++ method returning void drops one reference to ``None`` (measured: 1000 calls of
QLabel.setText → refcount(None) −1000). After enough calls CPython aborts with
"none_dealloc: deallocating None". Python 3.12+ made None immortal, so the bug is invisible
there. Below 3.12 we give None a reference count it can never exhaust.
"""
from __future__ import annotations

import sys


def _make_none_immortal() -> None:
    if sys.version_info >= (3, 12):
        return
    import ctypes

    # ob_refcnt is the first field of every PyObject in CPython 3.11.
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40


_make_none_immortal()
