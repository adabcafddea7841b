"""The Qt binding must not corrupt the interpreter.

PySide6 6.12.0 under Python < 3.12 loses one reference to None on every C++ call that
returns nothing; after enough calls CPython aborts with "none_dealloc". pyproject.toml
keeps such a combination out; this test fails if it comes back.
"""
import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_do_not_leak_references_to_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("公文")
    assert abs(sys.getrefcount(None) - before) < 50
