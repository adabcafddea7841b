"""A document segment → its metadata (placeholder, being completed)."""
from __future__ import annotations

from reader.core.model import Metadata, Segment


def read_metadata(segment: Segment) -> Metadata:
    first = next((l.text for l in segment.lines if l.text), "")
    return Metadata(title=first)
