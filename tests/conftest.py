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
