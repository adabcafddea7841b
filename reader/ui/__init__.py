"""The desktop app (PySide6). Qt only: models wrap reader.core results, widgets show them.

Importing this package first works around a PySide6 6.12.0 bug on Python < 3.12: every call
of a C++ method returning void drops one reference to ``None`` (measured: 1000 calls of
QLabel.setText → refcount(None) −1000). After enough calls CPython aborts with
"none_dealloc: deallocating None". Python 3.12+ made None immortal, so the bug is invisible
there. Below 3.12 we give None (and the other shared singletons) a reference count it can
never exhaust.
"""
from __future__ import annotations

import sys


def _make_singletons_immortal() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    # The same bug was seen on True/False ("bool_dealloc") in a long benchmark run, so every
    # shared singleton CPython hands out gets the same treatment: None, the bools, the
    # cached small ints, the empty tuple/str/bytes.
    shared = [None, True, False, (), "", b"", NotImplemented, Ellipsis]
    shared += [int(str(i)) for i in range(-5, 257)]
    for obj in shared:
        # ob_refcnt is the first field of every PyObject in CPython ≤ 3.11.
        ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40


_make_singletons_immortal()
