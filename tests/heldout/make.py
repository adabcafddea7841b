"""Write the held-out corpus as the encoded files a user would have.

    python tests/heldout/make.py OUT_DIR

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


def manifest() -> dict[str, dict]:
    return json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))


def source_text(name: str) -> str:
    return (SRC / name).read_text(encoding="utf-8")


def encode(text: str, encoding: str, crlf: bool) -> bytes:
    if crlf:
        text = text.replace("\n", "\r\n")
    if encoding == "utf-16":  # with BOM, little-endian as Windows writes it
        return b"\xff\xfe" + text.encode("utf-16-le")
    return text.encode(encoding)


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
