import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session", autouse=True)
def _seeds_never_written():
    """The sample corpus is a documents folder: no test, and nothing the app does, may change it
    (checked around the whole session: sha256, size and mtime of every file, and the listing)."""
    import hashlib

    def sums():
        return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_size, p.stat().st_mtime_ns)
                for p in sorted(SEEDS.iterdir())}

    before = sums()
    yield
    assert sums() == before, "seeds/ was written to during the test session"


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    files = sorted(SEEDS.glob("*.txt"))
    assert len(files) == 5
    return files


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory, monkeypatch):
    """Tests never touch the real user's data, config or index folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("READER_INDEX_DIR", str(home / "index"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))


# ---------------------------------------------------------------- the app's window (tests/ui, tests/reliability)
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
    from reader.ui.backend import make_library

    monkeypatch.setenv("READER_INDEX_DIR", str(seeds_index_dir))
    return make_library


@pytest.fixture
def open_window(qtbot, make_settings, library_factory, tmp_path, monkeypatch):
    """Start a main window and wait for its index: the one way tests open the app.

    folders=None: the bundled seeds, indexed once per session; other folders get this test's
    own index folder. watch: follow file changes; start=False: shown but not started (the test
    connects its signals first, then calls window.start()). Every window is shut down after.
    """
    from reader.ui.main_window import MainWindow

    windows = []

    def start(folders=None, settings=None, wait=True, watch=False, start=True):
        if folders is not None:
            monkeypatch.setenv("READER_INDEX_DIR", str(tmp_path / "index"))
        window = MainWindow(settings or make_settings(), folders=folders,
                            watch=watch, library_factory=library_factory)
        qtbot.addWidget(window)
        if window.settings.geometry() is None:
            window.resize(1200, 800)
        window.show()
        windows.append(window)
        if not start:
            return window
        if wait:
            with qtbot.waitSignal(window.service.indexing_finished, timeout=120_000):
                window.start()
        else:
            window.start()
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
