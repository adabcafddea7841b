"""Benchmark: entity spans on a 200 KB reading text (the reading pane's budget is <100 ms per document).

Run: .venv/bin/python tests/benchmarks/bench_entities.py [--size 200000] [--runs 15] [--adversarial]
Prints the median and worst wall-clock and CPU time of find_entities on a document made of the
sample corpus' text (all classes dense), plus spans per class. Not collected by pytest.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.core.documents.entities import find_entities  # noqa: E402


def build_document(size: int) -> str:
    """A reading text of `size` characters: the seeds' lines, reflow-like (no blank lines)."""
    parts: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        parts.extend(line.strip() for line in text.splitlines() if line.strip())
    body = "\n".join(parts)
    while len(body) < size:
        body += "\n" + body
    return body[:size]


# Inputs built to make a careless regex backtrack or a context scan go quadratic; each ~100 000 chars.
ADVERSARIAL = {
    "digit run": "1" * 100_000,
    "Chinese numeral run": "一" * 100_000,
    "labels without lists": "责任单位：" * 20_000,
    "open clauses": "（责任单位：市财政局、" * 8_000,
    "trigger verbs only": "牵头" * 50_000,
    "由 + prefix": "由市" * 50_000,
    "years": "2022年" * 20_000,
    "torn digits": "2 0 2 2 年 " * 20_000,
    "doc-number brackets": "甬政发〔2022〕" * 20_000,
    "table rows": "\n".join(["1\t推进改革工作\t区财政局\t区发改局"] * 8_000),
    "unclosed brackets": "（" * 100_000,
}


def adversarial() -> None:
    for name, text in ADVERSARIAL.items():
        c0 = time.process_time()
        spans = find_entities(text)
        print(f"{name:22s} {len(text):7d} chars  {(time.process_time() - c0) * 1000:7.1f} ms cpu  {len(spans)} spans")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=200_000, help="characters (default 200000)")
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--adversarial", action="store_true", help="also time pathological inputs")
    args = ap.parse_args()
    if args.adversarial:
        adversarial()
    text = build_document(args.size)
    find_entities(text[:2000])  # warm-up: regex compilation happens at import, caches here
    wall, cpu = [], []
    spans = []
    for _ in range(args.runs):
        w0, c0 = time.perf_counter(), time.process_time()
        spans = find_entities(text)
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    kb = len(text.encode("utf-8")) / 1024
    print(f"document: {len(text)} characters, {kb:.0f} KB as UTF-8")
    print(f"wall ms: median {statistics.median(wall) * 1000:.1f}  worst {max(wall) * 1000:.1f}")
    print(f"cpu  ms: median {statistics.median(cpu) * 1000:.1f}  worst {max(cpu) * 1000:.1f}")
    print("spans:", dict(Counter(s.type for s in spans)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
