"""Speed and memory of decode + clean_lines + reflow on a ~5 MB file.

Run: .venv/bin/python tests/benchmarks/bench_normalise.py [MB]
Builds the file from the seeds (repeated), writes it as GB18030 with CRLF, then
times decode_file, clean_lines and reflow (whole file, and per 200-line chunk as
the pipeline calls it per document), and measures decode_file's peak memory.
"""
from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.core.text.decode import decode_file  # noqa: E402
from reader.core.text.normalise import clean_lines, reflow  # noqa: E402


def main() -> None:
    target_mb = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    seeds = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    seed_bytes = len(seeds.encode("utf-8"))
    text = seeds * max(1, round(target_mb * 1e6 / (seed_bytes * 0.75)))  # GB18030 is ~3/4 of UTF-8
    text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        path.write_bytes(text.encode("gb18030", errors="replace"))
        size_mb = path.stat().st_size / 1e6

        t0 = time.process_time()
        decoded = decode_file(path)
        t_decode = time.process_time() - t0
        del decoded
        tracemalloc.start()  # a second run for memory: tracing slows Python code down
        decoded = decode_file(path)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

    # CPU time of this process: wall time is noisy when other jobs share the cores.
    t0 = time.process_time()
    lines = clean_lines(decoded.text)
    t_clean = time.process_time() - t0

    t0 = time.process_time()
    whole = reflow(lines)
    t_reflow = time.process_time() - t0

    t0 = time.process_time()
    for i in range(0, len(lines), 200):
        reflow(lines[i : i + 200])
    t_chunks = time.process_time() - t0

    print(f"file: {size_mb:.1f} MB GB18030+CRLF, {len(lines)} lines, encoding {decoded.encoding}")
    print(f"decode_file: {t_decode:.2f} s, peak {peak / 1e6:.1f} MB ({peak / 1e6 / size_mb:.1f}x file)")
    print(f"clean_lines: {t_clean:.2f} s ({t_clean / size_mb:.3f} s/MB)")
    print(f"reflow whole file: {t_reflow:.2f} s ({t_reflow / size_mb:.3f} s/MB), {whole.count(chr(10)) + 1} paragraphs")
    print(f"reflow per 200-line chunk: {t_chunks:.2f} s ({t_chunks / size_mb:.3f} s/MB)")
    total = t_clean + t_reflow
    print(f"clean_lines + reflow: {total:.2f} s = {total / size_mb:.3f} s/MB (CPU time)")


if __name__ == "__main__":
    main()
