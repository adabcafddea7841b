"""Where the app keeps its own data on this platform (the index, notes): one rule."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def user_data_dir() -> Path:
    """This platform's per-user data folder for the app."""
    if sys.platform.startswith("win"):
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "gongwen-reader"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "gongwen-reader"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "gongwen-reader"
