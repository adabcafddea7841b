"""Benchmark: task extraction (任务台账) per document and over the seed library.

Run: .venv/bin/python tests/benchmarks/bench_tasks.py [--runs 5] [--size 200000]
Prints (1) the time to extract the tasks of every seed document, per 100k characters, and
(2) the time for one large document of `size` characters built from the seeds' task-dense
text (the GUI's 任务 tab works on one open document). Not collected by pytest.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from dataclasses import replace  # noqa: E402

from reader.core.model import Span  # noqa: E402
from reader.core.documents.pipeline import parse_file  # noqa: E402
from reader.core.ledger.tasks import extract_tasks  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--size", type=int, default=200_000)
    args = ap.parse_args()
    docs = [d for p in sorted((ROOT / "seeds").glob("*.txt")) for d in parse_file(p).documents]
    chars = sum(len(d.text) for d in docs)
    times, n = [], 0
    for _ in range(args.runs):
        t0 = time.perf_counter()
        n = sum(len(extract_tasks(d)) for d in docs)
        times.append(time.perf_counter() - t0)
    med = statistics.median(times)
    print(f"seeds: {len(docs)} documents, {chars} chars, {n} tasks: median {med * 1000:.0f} ms "
          f"({med * 1000 * 100_000 / chars:.0f} ms per 100k chars), worst {max(times) * 1000:.0f} ms")
    dense = max(docs, key=lambda d: len(extract_tasks(d)) / max(1, len(d.text)))
    copies = max(1, args.size // max(1, len(dense.text) + 1))
    text = "\n".join([dense.text] * copies)
    spans = [Span(s.type, s.start + k * (len(dense.text) + 1), s.end + k * (len(dense.text) + 1), s.text)
             for k in range(copies) for s in dense.entities]
    big_doc = replace(dense, text=text, entities=spans)
    times = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        n = len(extract_tasks(big_doc))
        times.append(time.perf_counter() - t0)
    print(f"one document of {len(big_doc.text)} chars, {n} tasks: median "
          f"{statistics.median(times) * 1000:.0f} ms, worst {max(times) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
