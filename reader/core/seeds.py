"""Where the bundled sample corpus (seeds/) is, in a checkout and in a frozen bundle."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding seeds/ and resources/: the bundle dir when frozen, else the checkout."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[2]


def seeds_dir() -> Path:
    override = os.environ.get("READER_SEEDS")
    return Path(override) if override else app_root() / "seeds"


def resources_dir() -> Path:
    return app_root() / "resources"
