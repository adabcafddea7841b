"""Bytes → text, whatever the encoding (placeholder, being completed)."""
from __future__ import annotations

from pathlib import Path

from reader.core.model import Decoded, ReadError


def decode_bytes(data: bytes, name: str = "<bytes>") -> Decoded:
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return Decoded(data.decode("gb18030"), "gb18030")


def decode_file(path: str | Path) -> Decoded:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ReadError(str(path), exc.strerror or str(exc)) from exc
    return decode_bytes(data, str(path))
