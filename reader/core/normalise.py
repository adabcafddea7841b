"""Clean source lines and reflow them into reading text (placeholder, being completed)."""
from __future__ import annotations

from collections.abc import Sequence

from reader.core.model import Line


def clean_lines(text: str) -> list[Line]:
    return [Line(i, s.strip()) for i, s in enumerate(text.splitlines(), start=1)]


def reflow(lines: Sequence[Line]) -> str:
    return "\n".join(l.text for l in lines if l.text)
