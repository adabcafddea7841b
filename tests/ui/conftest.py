"""Fixtures for the GUI tests: a private settings file and a library window on the seeds."""
from __future__ import annotations

from pathlib import Path

import pytest

from reader.ui.backend import make_library


@pytest.fixture
def settings_file(tmp_path) -> Path:
    return tmp_path / "settings" / "reader.ini"


@pytest.fixture
def make_settings(settings_file):
    from PySide6.QtCore import QSettings

    from reader.ui.settings import Settings

    def build() -> Settings:
        settings_file.parent.mkdir(parents=True, exist_ok=True)
        return Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))

    return build


@pytest.fixture(scope="session")
def seeds_index_dir(tmp_path_factory) -> Path:
    """One index of the seeds for the whole session, so each test does not rebuild it."""
    return tmp_path_factory.mktemp("seeds-index")


@pytest.fixture
def library_factory(seeds_index_dir, monkeypatch):
    monkeypatch.setenv("READER_INDEX_DIR", str(seeds_index_dir))
    return make_library


@pytest.fixture
def open_window(qtbot, make_settings, library_factory):
    """Start a main window on the given folders (default: seeds) and wait for its index."""
    from reader.core.seeds import seeds_dir
    from reader.ui.main_window import MainWindow

    windows = []

    def start(folders=None, settings=None, wait=True):
        window = MainWindow(settings or make_settings(), folders=folders,
                            watch=False, library_factory=library_factory)
        qtbot.addWidget(window)
        if window.settings.geometry() is None:
            window.resize(1200, 800)
        window.show()
        if wait:
            with qtbot.waitSignal(window.service.indexing_finished, timeout=120_000):
                window.start()
        else:
            window.start()
        windows.append(window)
        return window

    yield start
    for window in windows:
        window.service.shutdown()


@pytest.fixture
def search(qtbot):
    """Type a query (setText: never keyClicks with Chinese) and wait for its results."""

    def run(window, text: str):
        with qtbot.waitSignal(window.search_done, timeout=30_000) as blocker:
            window.search_bar.field.setText(text)
            window.run_search_now()
        return blocker.args[0]

    return run
