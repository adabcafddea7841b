"""Heavy reliability cases, too slow for CI: peak memory and time of the indexer on
a 200 MB text file, a single 10 MB line and 100,000 tiny files; and of the parser alone on a
file of 1,000,000 short lines.

    .venv/bin/python tests/benchmarks/bench_reliability.py            # all, full size
    .venv/bin/python tests/benchmarks/bench_reliability.py --scale 0.05 --only many-files
    .venv/bin/python tests/benchmarks/bench_reliability.py --only million-lines

Each case runs `Library.update()` (million-lines: `parse_file`) in a fresh child process; its
peak RSS (ru_maxrss of the child, plus of its parse workers when there are any) is what the
README reports. Only a temporary folder is written. The CI-sized versions are in
tests/reliability/.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

CHILD = r"""
import json, resource, sys, time
from reader.core.library.library import Library
folder, index = sys.argv[1:3]
t0 = time.perf_counter()
lib = Library([folder], index_dir=index)
s = lib.update()
update_s = time.perf_counter() - t0
t1 = time.perf_counter()
r = lib.search("通知")
search_s = time.perf_counter() - t1
self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"files": s.files, "documents": s.documents, "problems": s.problems,
                  "update_s": round(update_s, 1), "first_search_s": round(search_s, 2), "hits": r.total,
                  "peak_rss_mb": round(self_kb / 1024), "worker_peak_rss_mb": round(kids_kb / 1024)}))
"""


# A common word in one very large document, in a process that only searches: the time
# and peak memory search costs there (snippets used to mark every occurrence first).
SEARCH_CHILD = r"""
import json, resource, sys, time
from reader.core.library.library import Library
lib = Library([sys.argv[1]], index_dir=sys.argv[2])
out = {}
for label, word in (("common_cold_s", "的"), ("common_warm_s", "的"), ("pair_s", "加强"), ("rare_s", "主题词九九")):
    t = time.perf_counter()
    r = lib.search(word, limit=20)
    out[label] = round(time.perf_counter() - t, 3)
out["search_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
print(json.dumps(out))
"""


def make_big_document(folder: Path, mb: float) -> None:
    """One notice whose body runs to `mb` MB (a year's worth of a 公报 pasted as one file)."""
    body = "".join(seed_text().split("\n"))[:20000]
    head = "宁波市人民政府关于印发年度工作汇编的通知\n甬政发〔2024〕1号\n各区县（市）人民政府，市直各单位：\n"
    with open(folder / "汇编.txt", "w", encoding="utf-8") as f:
        f.write(head)
        written = len(head.encode("utf-8"))
        while written < mb * 1_000_000:
            chunk = body + "\n"
            f.write(chunk)
            written += len(chunk.encode("utf-8"))
        f.write("宁波市人民政府\n2024年3月1日\n")


# What `reader parse FILE` does (parse_file), in a process of its own: peak RSS and time. The
# parse budget is lifted (READER_PARSE_SECONDS) so that a loaded machine measures a slow parse
# instead of a timeout; cpu_s is the parse's CPU time, which load changes less than update_s.
PARSE_CHILD = r"""
import json, resource, sys, time
from reader.core.documents.pipeline import parse_file
path = sys.argv[1]
t0, c0 = time.perf_counter(), time.process_time()
r = parse_file(path)
parse_s, cpu_s = time.perf_counter() - t0, time.process_time() - c0
self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"files": 1, "documents": len(r.documents), "problems": int(r.error is not None),
                  "error": r.error, "update_s": round(parse_s, 1), "cpu_s": round(cpu_s, 1),
                  "peak_rss_mb": round(self_kb / 1024), "worker_peak_rss_mb": 0}))
"""
PARSE_SECONDS_FOR_BENCH = "3600"


def seed_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))


def make_big_file(folder: Path, mb: float) -> None:
    text = seed_text()
    target = int(mb * 1_000_000)
    with open(folder / "合订本.txt", "w", encoding="utf-8") as f:
        written = 0
        while written < target:
            f.write(text)
            f.write("\n")
            written += len(text.encode("utf-8")) + 1


def make_long_line(folder: Path, mb: float) -> None:
    from tests.reliability.helpers import make_doc

    unit = make_doc("超长单行", 9).replace("\n", "。").encode("utf-8")
    (folder / "单行.txt").write_bytes(unit * int(mb * 1_000_000 // len(unit) + 1))


def make_short_lines(folder: Path, count: int) -> None:
    """`count` lines of 6 characters each (≈18 bytes: a narrow-column extraction), cut from the seeds."""
    text = "".join(seed_text().split())
    step, span = 6, len(text) - 6
    lines = (text[k * step % span:k * step % span + step] for k in range(count))
    with open(folder / "窄栏.txt", "w", encoding="utf-8") as f:
        f.writelines(line + "\n" for line in lines)


def make_many_files(folder: Path, count: int) -> None:
    from tests.reliability.helpers import make_doc

    for i in range(count):
        d = folder / f"批次{i // 1000:03d}" / f"组{i // 100 % 10}"
        if i % 100 == 0:
            d.mkdir(parents=True, exist_ok=True)
        (d / f"文件{i:06d}.txt").write_text(make_doc(f"编号{i:06d}", i % 97), encoding="utf-8")


def run_case(name: str, build, workers: str | None, parse_only: bool = False, search: bool = False) -> dict:
    base = Path(tempfile.mkdtemp(prefix=f"bench-rel-{name}-"))
    try:
        folder = base / "lib"
        folder.mkdir()
        t0 = time.perf_counter()
        build(folder)
        size = sum(p.stat().st_size for p in folder.rglob("*.txt"))
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        if workers is not None:
            env["READER_INDEX_WORKERS"] = workers
        if parse_only:
            (path,) = folder.iterdir()
            argv = [sys.executable, "-c", PARSE_CHILD, str(path)]
            env["READER_PARSE_SECONDS"] = PARSE_SECONDS_FOR_BENCH
        else:
            argv = [sys.executable, "-c", CHILD, str(folder), str(base / "index")]
        r = subprocess.run(argv, env=env, capture_output=True, text=True, cwd=ROOT)
        if r.returncode != 0:
            raise SystemExit(f"{name} failed:\n{r.stderr}")
        out = json.loads(r.stdout.strip().splitlines()[-1])
        out.update(case=name, input_mb=round(size / 1e6, 1), build_s=round(time.perf_counter() - t0, 1))
        if search:
            r = subprocess.run([sys.executable, "-c", SEARCH_CHILD, str(folder), str(base / "index")], env=env,
                               capture_output=True, text=True, cwd=ROOT)
            if r.returncode != 0:
                raise SystemExit(f"{name} search failed:\n{r.stderr}")
            out.update(json.loads(r.stdout.strip().splitlines()[-1]))
        index = base / "index"
        index_bytes = sum(p.stat().st_size for p in index.rglob("*") if p.is_file()) if index.is_dir() else 0
        out["index_mb"] = round(index_bytes / 1e6, 1)
        return out
    finally:
        shutil.rmtree(base, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every size (0.05 for a quick look)")
    ap.add_argument("--only", choices=("big-file", "long-line", "many-files", "million-lines", "big-document"),
                    action="append")
    args = ap.parse_args()
    cases = {
        "big-file": (lambda f: make_big_file(f, 200 * args.scale), None, False),
        "long-line": (lambda f: make_long_line(f, 10 * args.scale), None, False),
        "many-files": (lambda f: make_many_files(f, int(100_000 * args.scale)), None, False),
        # parse only: peak memory per line of a file of very short lines
        "million-lines": (lambda f: make_short_lines(f, int(1_000_000 * args.scale)), None, True),
        # search: 的 in one 30 MB document (cold, warm), a word pair, a rare word
        "big-document": (lambda f: make_big_document(f, 30 * args.scale), None, False),
    }
    rows = []
    for name, (build, workers, parse_only) in cases.items():
        if args.only and name not in args.only:
            continue
        row = run_case(name, build, workers, parse_only, search=name == "big-document")
        print(json.dumps(row, ensure_ascii=False), flush=True)
        rows.append(row)
    print("\n| case | input | files | documents | index time | peak RSS (indexer) "
          "| peak RSS (a parse worker) | index size |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['case']} | {r['input_mb']} MB | {r['files']} | {r['documents']} | {r['update_s']} s | "
              f"{r['peak_rss_mb']} MB | {r['worker_peak_rss_mb']} MB | {r['index_mb']} MB |")
    for r in rows:
        if "common_cold_s" in r:
            print(f"\n{r['case']}: search 的 {r['common_cold_s']} s cold, {r['common_warm_s']} s warm; 加强 "
                  f"{r['pair_s']} s; a rare word {r['rare_s']} s; peak RSS of the searching process "
                  f"{r['search_rss_mb']} MB")


if __name__ == "__main__":
    main()
