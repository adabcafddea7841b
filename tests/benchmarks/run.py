"""Index and search benchmark: prints one table.

    .venv/bin/python tests/benchmarks/make_corpus.py --mb 10 --out /tmp/gw10
    .venv/bin/python tests/benchmarks/run.py /tmp/gw10

Build (fresh index in a temp folder), no-change rescan, one-file-changed
update, query latency (top 20 with snippets, warm), exactness of every
benchmark query against a brute-force scan, and grep -c / ripgrep over the
same files as the floor of a full scan. Each phase runs in its own process so
peak RSS is that phase's. The corpus folder is modified by the
one-file-changed step (one line appended to one file).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _rss_mb() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r / 1024 if sys.platform != "darwin" else r / 1e6


def phase_build(corpus: str, index_dir: str) -> dict:
    from reader.core.library.library import Library

    lib = Library([corpus], index_dir=index_dir)
    t = time.perf_counter()
    s = lib.update()
    build = time.perf_counter() - t
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"build_s": build, "rss_mb": _rss_mb(), "docs": s.documents, "files": s.files, "problems": s.problems,
            "cpu_main_s": me.ru_utime + me.ru_stime, "cpu_workers_s": kids.ru_utime + kids.ru_stime,
            "rss_worker_mb": kids.ru_maxrss / 1024, "load": os.getloadavg()[0]}


def phase_rescan(corpus: str, index_dir: str) -> dict:
    from reader.core.library.library import Library

    lib = Library([corpus], index_dir=index_dir)
    t = time.perf_counter()
    s = lib.update()
    nochange = time.perf_counter() - t
    assert s.new == s.changed == s.removed == 0, s
    files = sorted(Path(corpus).rglob("*.txt"))
    victim = files[len(files) // 2]
    raw = victim.read_bytes()
    enc = "utf-8"
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        enc = "gb18030"
    victim.write_bytes(raw + "\n本行为基准测试追加的内容。\n".encode(enc))
    t = time.perf_counter()
    s = lib.update()
    one = time.perf_counter() - t
    assert s.changed == 1, s
    return {"nochange_s": nochange, "onechange_s": one, "rss_mb": _rss_mb()}


def make_queries(texts: list[str], n: int, rng: random.Random) -> list[str]:
    qs: list[str] = []
    common = ["发展", "市政府", "金融", "通知", "责任单位", "2021年", "局", "实施意见", "人民政府办公厅", "亿元"]
    qs += common
    while len(qs) < n - 10:
        t = rng.choice(texts)
        if len(t) < 20:
            continue
        ln = rng.choice([2, 3, 4, 4, 5, 6, 8])
        i = rng.randrange(0, len(t) - ln)
        w = t[i : i + ln]
        if any(c.isspace() or c in '"“”＂-|｜:：' for c in w):
            continue
        if rng.random() < 0.2:  # two words ANDed
            j = rng.randrange(0, len(t) - 3)
            w2 = t[j : j + 3]
            if not any(c.isspace() or c in '"“”＂-|｜:：' for c in w2):
                w = f"{w} {w2}"
        qs.append(w)
    qs += ["不存在的词语组合", "犇犇", "甬政办发", "\"市人民政府\" -通知", "金融 OR 外贸", "年份:2021-2023 发展",
           "发文机关:宁波市人民政府 意见", "标题:通知", "2022年5月", "第三条"]
    return qs[:n]


def phase_query(corpus: str, index_dir: str, nq: int) -> dict:
    from reader.core.library.library import Library
    from reader.core.library.search import parse_query

    t = time.perf_counter()
    lib = Library([corpus], index_dir=index_dir)  # opens and checks both stores
    opening = time.perf_counter() - t
    t = time.perf_counter()
    lib.search("发展", limit=20)
    first = time.perf_counter() - t
    t = time.perf_counter()
    lib.warm()  # what the GUI does in the background after opening
    warm = time.perf_counter() - t
    snap = lib._current()
    ftexts = lib.texts.texts
    texts = [ftexts[k] for k in snap.order]
    queries = make_queries(texts, nq, random.Random(3))
    lat = []
    exact = 0
    for q in queries:
        t = time.perf_counter()
        r = lib.search(q, limit=20)
        lat.append(time.perf_counter() - t)
        # brute force over the folded texts, for plain word queries
        pq = parse_query(q)
        if all(len(c.alternatives) == 1 and not c.negated and c.alternatives[0].field is None for c in pq.clauses):
            words = [c.alternatives[0].value for c in pq.clauses]
            want = sum(1 for k in snap.order if all(w in ftexts[k] for w in words))
            exact += int(want == r.total)
        else:
            exact += 1
    lat.sort()
    return {
        "opening_s": opening,
        "first_query_s": first,
        "warm_s": warm,
        "p50_ms": 1000 * statistics.median(lat),
        "p95_ms": 1000 * lat[int(0.95 * (len(lat) - 1))],
        "max_ms": 1000 * lat[-1],
        "queries": len(queries),
        "exact": f"{exact}/{len(queries)}",
        "rss_mb": _rss_mb(),
        "floor_words": [q for q in queries if " " not in q and ":" not in q][:20],
    }


def floor(corpus: str, words: list[str]) -> dict:
    out = {}
    for tool, argv in (("grep", ["grep", "-rcF", "--"]), ("rg", ["rg", "-c", "-F", "--"])):
        if shutil.which(argv[0]) is None:
            continue
        lat = []
        for w in words:
            t = time.perf_counter()
            subprocess.run([*argv, w, corpus], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            lat.append(time.perf_counter() - t)
        lat.sort()
        out[tool] = (1000 * statistics.median(lat), 1000 * lat[int(0.95 * (len(lat) - 1))])
    return out


def _child(phase: str, *args: str) -> dict:
    r = subprocess.run([sys.executable, __file__, "--phase", phase, *args], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"phase {phase} failed:\n{r.stderr}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--index-dir")
    ap.add_argument("--queries", type=int, default=60)
    ap.add_argument("--phase", choices=("build", "rescan", "query"))
    a = ap.parse_args()
    if a.phase:
        fn = {"build": lambda: phase_build(a.corpus, a.index_dir),
              "rescan": lambda: phase_rescan(a.corpus, a.index_dir),
              "query": lambda: phase_query(a.corpus, a.index_dir, a.queries)}[a.phase]
        print(json.dumps(fn(), ensure_ascii=False))
        return
    text_bytes = sum(p.stat().st_size for p in Path(a.corpus).rglob("*.txt"))
    index_dir = a.index_dir or tempfile.mkdtemp(prefix="gw-bench-index-")
    shutil.rmtree(index_dir, ignore_errors=True)
    b = _child("build", a.corpus, "--index-dir", index_dir)
    size = sum(p.stat().st_size for p in Path(index_dir).rglob("*") if p.is_file())
    r = _child("rescan", a.corpus, "--index-dir", index_dir)
    q = _child("query", a.corpus, "--index-dir", index_dir, "--queries", str(a.queries))
    fl = floor(a.corpus, q["floor_words"])
    mb = text_bytes / 1e6
    rows = [
        ("corpus", f"{mb:.1f} MB, {b['files']} files, {b['docs']} documents, {b['problems']} problems"),
        ("build", f"{b['build_s']:.1f} s = {mb / b['build_s']:.2f} MB/s, peak RSS {b['rss_mb']:.0f} MB "
                  f"(+ largest worker {b.get('rss_worker_mb', 0):.0f} MB)"),
        ("build CPU", f"main {b.get('cpu_main_s', 0):.1f} s, parse workers {b.get('cpu_workers_s', 0):.1f} s "
                      f"(load average {b.get('load', 0):.1f} on {os.cpu_count()} cores)"),
        ("index size / text", f"{size / 1e6:.1f} MB / {mb:.1f} MB = {size / text_bytes:.2f}"),
        ("no-change rescan", f"{r['nochange_s'] * 1000:.0f} ms"),
        ("one file changed", f"{r['onechange_s'] * 1000:.0f} ms"),
        ("opening · first query", f"{q['opening_s'] * 1000:.0f} ms · {q['first_query_s'] * 1000:.0f} ms"),
        ("query top-20+snippets", f"p50 {q['p50_ms']:.1f} ms, p95 {q['p95_ms']:.1f} ms, max {q['max_ms']:.1f} ms "
                                  f"({q['queries']} queries), peak RSS {q['rss_mb']:.0f} MB"),
        ("exact vs brute force", q["exact"]),
    ]
    for tool, (p50, p95) in fl.items():
        rows.append((f"{tool} -c (floor)", f"p50 {p50:.1f} ms, p95 {p95:.1f} ms per word, full scan"))
    w = max(len(k) for k, _ in rows)
    print(f"| {'measure'.ljust(w)} | value")
    print(f"|{'-' * (w + 2)}|------")
    for k, v in rows:
        print(f"| {k.ljust(w)} | {v}")
    if not a.index_dir:
        shutil.rmtree(index_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
