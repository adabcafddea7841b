"""Time of the window's per-update links pass (Library.stored_links: every document's tasks
and cited 文号 as stored at index time; reader.core.ledger.links.compute_links: units grouped,
cross-references built, the unit tree planned) on the seeds, and of the pieces the GUI
thread does with its result.

    READER_INDEX_DIR=/tmp/bench-idx .venv/bin/python tests/benchmarks/bench_links.py
"""
from __future__ import annotations

import time

from reader.core.library.library import Library
from reader.core.seeds import seeds_dir
from reader.core.ledger.links import compute_links
from reader.core.library.grouping import build_nodes


def main() -> None:
    lib = Library([seeds_dir()])
    lib.update()
    infos = lib.documents()
    best = None
    for _ in range(5):
        t0 = time.perf_counter()
        links = compute_links(lib.stored_links())
        best = min(best or 1e9, time.perf_counter() - t0)
    print(f"{len(infos)} documents, {len(links.rows)} tasks, {len(links.unit_docs)} units: "
          f"compute_links best of 5 {best * 1000:.0f} ms (worker thread)")
    plan = links.unit_plan
    t0 = time.perf_counter()
    for _ in range(20):
        build_nodes(plan.grouped, plan.haystack, ["住房"], "unit", plan.group_text)
    print(f"unit tree filter rebuild (GUI thread): {(time.perf_counter() - t0) / 20 * 1000:.1f} ms")
    doc = max(infos, key=lambda d: len(links.refs.cites(d.id)))
    t0 = time.perf_counter()
    for _ in range(100):
        links.refs.cites(doc.id), links.refs.cited_by(doc.id)
    print(f"cites + cited_by of one document (GUI thread): {(time.perf_counter() - t0) / 100 * 1000:.2f} ms")


if __name__ == "__main__":
    main()
