"""Write the second blind set (issue 12: laws, regulations, interpretations, resolutions, reports)
as the encoded files a user would have.

    python tests/blind2/make.py OUT_DIR

Same contract as tests/heldout/make.py, whose encoder this reuses: src/* are UTF-8 with LF,
manifest.json gives each file's encoding and line ends, gold line numbers are 1-based lines of src.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"

_spec = importlib.util.spec_from_file_location("heldout_make", HERE.parent / "heldout" / "make.py")
_heldout = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_heldout)
encode = _heldout.encode


def manifest() -> dict[str, dict]:
    return json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))


def source_text(name: str) -> str:
    return (SRC / name).read_text(encoding="utf-8")


def write_corpus(out_dir: str | Path) -> dict[str, Path]:
    """Write every manifest file into out_dir; returns name -> path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, spec in manifest().items():
        path = out / name
        path.write_bytes(encode(source_text(name), spec["encoding"], spec["crlf"]))
        written[name] = path
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make.py OUT_DIR")
    for name, path in write_corpus(sys.argv[1]).items():
        print(path)
