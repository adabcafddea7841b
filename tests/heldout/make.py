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
    """Write every manifest file of the gold set in `folder` into out_dir; returns name -> path.
    The other gold sets (tests/blind2, tests/blind3) have the same layout and use this."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, spec in manifest(folder).items():
        path = out / name
        path.write_bytes(encode(source_text(name, folder), spec["encoding"], spec["crlf"]))
        written[name] = path
    return written


def main(argv: list[str], folder: Path = HERE) -> None:
    if len(argv) != 2:
        sys.exit("usage: make.py OUT_DIR")
    for path in write_corpus(argv[1], folder).values():
        print(path)


if __name__ == "__main__":
    main(sys.argv)
