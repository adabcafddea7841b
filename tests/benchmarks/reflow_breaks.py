"""Count paragraph breaks that fall inside a sentence in the reading texts of a folder.

A break counts when the paragraph before it is prose (a comma or full stop in it, at least
MIN_CHARS characters, no tab) and ends in an ideograph or a comma, and the paragraph after
it opens no heading. Not a test: a measurement of reflow (issue 11), e.g.

    .venv/bin/python tests/benchmarks/reflow_breaks.py            # the seeds
    .venv/bin/python tests/benchmarks/reflow_breaks.py -v FOLDER  # list them
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from reader.core.documents.pipeline import parse_file
from reader.core.text.patterns import HEADING_START

MIN_CHARS = 8
_OPEN_END = re.compile(r"[\u4e00-\u9fff，、]$")


def breaks(folder: Path) -> list[tuple[str, str, str, str]]:
    found = []
    for path in sorted(folder.rglob("*.txt")):
        for doc in parse_file(path).documents:
            paras = doc.text.split("\n")
            for a, b in zip(paras, paras[1:]):
                if len(a) < MIN_CHARS or "\t" in a or "\t" in b or not ("，" in a or "。" in a):
                    continue
                if _OPEN_END.search(a) and b and not HEADING_START.match(b):
                    found.append((path.name, doc.title, a[-18:], b[:18]))
    return found


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    folder = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "seeds"
    found = breaks(folder)
    if verbose:
        for name, title, a, b in found:
            print(f"{name[:12]}  {title[:16]}  …{a} ⏎ {b}…")
    print(len(found))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
