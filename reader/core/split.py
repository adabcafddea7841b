"""A file's lines → the segments of its documents (placeholder, being completed)."""
from __future__ import annotations

from collections.abc import Sequence

from reader.core.model import Line, Segment


def split_documents(lines: Sequence[Line]) -> list[Segment]:
    return [Segment(list(lines))]
