"""Write the held-out corpus as the encoded files a user would have.

    python tests/heldout/make.py OUT_DIR [GOLD_SET_FOLDER]   # default: this folder

Every gold set (tests/heldout, tests/blind2, tests/blind3) has this layout and is written by
these functions with its folder.

src/*.txt are UTF-8 with LF; manifest.json says, per file, the encoding to
write (utf-8, gb18030, gbk, utf-16 = with BOM, utf-16-le = no BOM, big5) and
whether lines end in CRLF. Line numbers in gold.json are 1-based lines of src,
which encoding and CRLF do not change. Encoding is strict: a character the
target encoding cannot hold is an error, never silently replaced.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"


def manifest(folder: Path = HERE) -> dict[str, dict]:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def source_text(name: str, folder: Path = HERE) -> str:
    return (folder / "src" / name).read_text(encoding="utf-8")


def encode(text: str, encoding: str, crlf: bool) -> bytes:
    if crlf:
        text = text.replace("\n", "\r\n")
    if encoding == "utf-16":  # with BOM, little-endian as Windows writes it
        return b"\xff\xfe" + text.encode("utf-16-le")
    return text.encode(encoding)


def write_corpus(out_dir: str | Path, folder: Path = HERE) -> dict[str, Path]:
    """Write every manifest file of the gold set in `folder` into out_dir; returns name -> path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, spec in manifest(folder).items():
        path = out / name
        path.write_bytes(encode(source_text(name, folder), spec["encoding"], spec["crlf"]))
        written[name] = path
    return written


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: make.py OUT_DIR [GOLD_SET_FOLDER]")
    for path in write_corpus(sys.argv[1], Path(sys.argv[2]) if len(sys.argv) == 3 else HERE).values():
        print(path)
