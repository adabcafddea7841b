"""Shared pieces of the reliability suite: generated 公文, library snapshots, checksums."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable

# Characters every generated document uses, so queries find them in any encoding we write.
_BODY = (
    "为进一步做好{topic}工作，经研究，现就有关事项通知如下。\n"
    "一、提高认识。各单位要把{topic}工作摆在重要位置，确保于2024年6月30日前完成。\n"
    "二、明确分工。由市财政局牵头，市发展改革委配合，落实资金{n}万元。\n"
    "三、加强督查。对工作不力的单位予以通报。\n"
)


def make_doc(topic: str, n: int = 1) -> str:
    """A small but complete notice whose title and body carry `topic` (a unique search word)."""
    return (
        f"关于做好{topic}工作的通知\n"
        f"甬政发〔2024〕{n}号\n"
        "各区县（市）人民政府，市直各单位：\n"
        + _BODY.format(topic=topic, n=n)
        + "宁波市人民政府\n2024年3月1日\n"
    )


def doc_ids(lib, query: str) -> set[str]:
    """All doc ids a query finds (no limit)."""
    r = lib.search(query, limit=1_000_000)
    assert r.error is None, (query, r.error)
    return {h.doc.id for h in r.hits}


def snapshot(lib, queries) -> dict:
    """What a user can observe of an index: every doc, and the ids each query finds."""
    docs = sorted((d.id, d.file, d.title, d.first_line, d.last_line) for d in lib.documents())
    return {"docs": docs, **{q: sorted(doc_ids(lib, q)) for q in queries}}


def tree_checksums(*folders: Path) -> dict[str, tuple[str, int, int]]:
    """sha256, size and mtime_ns of every file under the folders (symlinks not followed)."""
    out: dict[str, tuple[str, int, int]] = {}
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(os.fsencode(folder)):
            for name in filenames:
                p = os.path.join(dirpath, name)
                st = os.lstat(p)
                if not os.path.isfile(p) or os.path.islink(p):
                    out[os.fsdecode(p)] = ("special", st.st_size, st.st_mtime_ns)
                    continue
                try:
                    with open(p, "rb") as f:
                        digest = hashlib.sha256(f.read()).hexdigest()
                except PermissionError:
                    digest = "unreadable"
                out[os.fsdecode(p)] = (digest, st.st_size, st.st_mtime_ns)
    return out


def run_reader(*args: str, env: dict | None = None, timeout: float = 120, **kw) -> subprocess.CompletedProcess:
    """`python -m reader ARGS` in a child process, output captured as text."""
    full_env = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    return subprocess.run([PYTHON, "-m", "reader", *args], cwd=ROOT, env=full_env, capture_output=True,
                          text=True, timeout=timeout, **kw)
