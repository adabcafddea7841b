"""Build the hand-written test corpus: UTF-8 sources in src/ → files in their declared encodings.

The sources are readable UTF-8 with LF line ends; gold.json declares, per file, the bytes to
produce (encoding, BOM, line ends) and an optional layout transform:

    pdf_wrap   break every line longer than `width` characters into pieces of `width`
               characters (mid-sentence, as PDF text extraction does) and put a blank line
               between every two text lines

Usage: python tests/corpus/make.py OUT_DIR   (writes every corpus file, for a look by hand)
"""
from __future__ import annotations

import codecs
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))["files"]


def pdf_wrap(text: str, width: int) -> str:
    pieces: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        while len(line) > width:
            pieces.append(line[:width])
            line = line[width:]
        pieces.append(line)
    return "\n\n".join(pieces) + "\n"


def render(name: str) -> str:
    """The file's text after the layout transform, with LF line ends (what a decoder should give back)."""
    spec = GOLD[name]
    text = (HERE / "src" / name).read_text(encoding="utf-8")
    transform = spec.get("transform")
    if transform:
        if transform["kind"] != "pdf_wrap":
            raise ValueError(f"{name}: unknown transform {transform['kind']}")
        text = pdf_wrap(text, transform["width"])
    return text


def encode(name: str) -> bytes:
    spec = GOLD[name]
    text = render(name).replace("\n", spec.get("newline", "\n"))
    data = text.encode(spec["encoding"])
    if spec.get("bom"):
        boms = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE, "utf-8": codecs.BOM_UTF8}
        data = boms[spec["encoding"]] + data
    return data


def build(name: str, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / name
    path.write_bytes(encode(name))
    return path


def build_all(out_dir: Path) -> dict[str, Path]:
    return {name: build(name, out_dir) for name in GOLD}


def anchor_line(text: str, anchor: str, occurrence: int = 1) -> int:
    """1-based line number of the `occurrence`-th place where the anchor's lines appear in a row."""
    lines = [l.strip() for l in text.split("\n")]
    want = anchor.split("\n")
    seen = 0
    for i in range(len(lines) - len(want) + 1):
        if lines[i : i + len(want)] == want:
            seen += 1
            if seen == occurrence:
                return i + 1
    raise LookupError(f"anchor {anchor!r} #{occurrence} not in text")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for name, path in build_all(Path(sys.argv[1])).items():
        print(path)
