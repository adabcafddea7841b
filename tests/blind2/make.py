"""Write the second blind set (issue 12: laws, regulations, interpretations, resolutions, reports)
as the encoded files a user would have.

    python tests/blind2/make.py OUT_DIR

The held-out set's contract and code (tests/heldout/make.py) for this folder's gold set.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("heldout_make", HERE.parent / "heldout" / "make.py")
_heldout = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_heldout)
encode = _heldout.encode


def manifest() -> dict[str, dict]:
    return _heldout.manifest(HERE)


def source_text(name: str) -> str:
    return _heldout.source_text(name, HERE)


def write_corpus(out_dir: str | Path) -> dict[str, Path]:
    return _heldout.write_corpus(out_dir, HERE)


if __name__ == "__main__":
    _heldout.main(sys.argv, HERE)
