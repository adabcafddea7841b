"""Parse speed of the whole pipeline (clean → split → metadata → reflow → entities) on big files.

    .venv/bin/python tests/benchmarks/bench_split.py [--mb 5]
    .venv/bin/python tests/benchmarks/bench_split.py --alternating 10   # target < 10 s

Builds one file of about --mb megabytes by concatenating the seeds (each seed is a realistic
mix: interleaved release file, notices, a narrow-column 人大 gazette, government gazettes), then
times parse_text on it and on each seed (CPU time of this process, so other load on the
machine does not count), and reports s/MB per stage. With --alternating MB it times instead
a file of that size made of alternating 文号 / title lines (甬政发〔2022〕N号 / 关于做好第N项工作的通知),
the shape that once made the splitter quadratic (past N=99999 the pairs become body text).
Not collected by pytest.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Run as a script: the repository root goes on the path so that `reader` imports; the
# functions below import it when they run.
sys.path.insert(0, str(ROOT))


def stages(text: str) -> dict[str, float]:
    from reader.core.documents import entities, metadata, split
    from reader.core.text import normalise

    t = {}
    t0 = time.process_time()
    lines = normalise.clean_lines(text)
    t["clean"] = time.process_time() - t0
    t0 = time.process_time()
    segments = split.split_documents(lines)
    t["split"] = time.process_time() - t0
    t0 = time.process_time()
    metas = [metadata.read_metadata(s) for s in segments]
    t["metadata"] = time.process_time() - t0
    t0 = time.process_time()
    bodies = [normalise.reflow(s.lines) for s in segments]
    t["reflow"] = time.process_time() - t0
    t0 = time.process_time()
    for b in bodies:
        entities.find_entities(b)
    t["entities"] = time.process_time() - t0
    t["documents"] = len(metas)
    return t


def alternating(mb: float) -> str:
    """About `mb` MB (UTF-8) of alternating 文号 and title lines."""
    parts, size, n = [], 0, 1
    while size < mb * 1e6:
        pair = f"甬政发〔2022〕{n}号\n关于做好第{n}项工作的通知\n"
        parts.append(pair)
        size += len(pair.encode("utf-8"))
        n += 1
    return "".join(parts)


def main() -> None:
    from reader.core.documents.pipeline import parse_text

    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--alternating", type=float, metavar="MB",
                    help="time only a file of MB megabytes of alternating 文号 / title lines")
    args = ap.parse_args()
    if args.alternating:
        text = alternating(args.alternating)
        mb = len(text.encode("utf-8")) / 1e6
        t0 = time.process_time()
        docs = parse_text(text, "alternating.txt")
        dt = time.process_time() - t0
        print(f"{'alternating 文号/title lines':32s} {mb:6.2f} MB  {len(docs):4d} docs  {dt:6.3f} s  (target < 10 s)")
        return
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    for p, text in zip(seeds, texts):
        mb = len(text.encode("utf-8")) / 1e6
        t0 = time.process_time()
        docs = parse_text(text, p.name)
        dt = time.process_time() - t0
        print(f"{p.name:32s} {mb:6.2f} MB  {len(docs):4d} docs  {dt:6.3f} s  {dt / mb:6.3f} s/MB")
    big, size = [], 0
    while size < args.mb * 1e6:
        for text in texts:
            big.append(text)
            size += len(text.encode("utf-8"))
    text = "\n".join(big)
    mb = len(text.encode("utf-8")) / 1e6
    t0 = time.process_time()
    docs = parse_text(text, "big.txt")
    dt = time.process_time() - t0
    print(f"{'concatenated seeds':32s} {mb:6.2f} MB  {len(docs):4d} docs  {dt:6.3f} s  {dt / mb:6.3f} s/MB"
          f"  ({mb / dt:.2f} MB/s)")
    t = stages(text)
    print("stages (s/MB): " + "  ".join(f"{k} {v / mb:.3f}" for k, v in t.items() if k != "documents"))
    # the interpreter matters: a CPython built with PGO and LTO (Debian's python3) runs this about
    # 12 % faster than one built without (pyenv's default build)
    print(f"python {sys.version.split()[0]} at {sys.base_prefix}, load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
