"""Digest of everything the parser gives, per file: proves a refactor changed no output.

    .venv/bin/python tests/benchmarks/parse_snapshot.py record /tmp/parse-base.json
    .venv/bin/python tests/benchmarks/parse_snapshot.py compare /tmp/parse-base.json

Run from the repository root. For every file of seeds/, tests/corpus/src, tests/heldout/src,
tests/blind2/src … tests/blind9/src, a generated corpus (tests/benchmarks/make_corpus.py --mb 5,
written to /tmp/gw5 when that folder is missing; --corpus names another) and a few generated
stress texts (alternating 文号/title lines, a file of very short lines, many small notices),
it hashes (sha256):

- the `reader parse --json` records (Document.to_json, as the CLI prints them),
- everything else a Document carries (model.document_to_dict: dated roles, canonical issuers …),
- the splitter's segments: each segment's line numbers and texts, title, 文号, kind hint,
  header lines and file context.

`record` writes {file: digest}; `compare` reruns and prints "N files, K differences" (exit 1 on
any difference or a file missing on either side). Not collected by pytest.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

FOLDERS = ("seeds", "tests/corpus/src", "tests/heldout/src", "tests/blind2/src", "tests/blind3/src",
           *(f"tests/blind{n}/src" for n in range(4, 10)))
STRESS = Path("/tmp/parse-snapshot-stress")


def _stress_texts() -> dict[str, str]:
    alternating = "".join(f"甬政发〔2022〕{n}号\n关于做好第{n}项工作的通知\n" for n in range(99_000, 101_000))
    short = "".join(f"第{n % 97}条\n" if n % 50 == 0 else f"短行{n % 1000}。\n" for n in range(20_000))
    notices = "".join(f"关于做好第{n}项工作的通知\n各区县人民政府：\n现将有关事项通知如下。\n\n"
                      for n in range(1, 400))
    return {"alternating.txt": alternating, "short-lines.txt": short, "notices.txt": notices}


def files(corpus: Path) -> list[str]:
    if not corpus.exists():
        subprocess.run([sys.executable, str(ROOT / "tests/benchmarks/make_corpus.py"), "--mb", "5",
                        "--out", str(corpus)], check=True, stdout=subprocess.DEVNULL)
    STRESS.mkdir(exist_ok=True)
    for name, text in _stress_texts().items():
        (STRESS / name).write_text(text, encoding="utf-8")
    found: list[str] = []
    for folder in FOLDERS:
        found += sorted(str(p.relative_to(ROOT)) for p in (ROOT / folder).rglob("*") if p.is_file())
    found += sorted(str(p) for p in corpus.rglob("*") if p.is_file())
    found += sorted(str(p) for p in STRESS.iterdir())
    return found


def digest(name: str) -> tuple[str, str]:
    from reader.core.text import decode
    from reader.core.text import normalise
    from reader.core.documents import split
    from reader.core.model import document_to_dict
    from reader.core.documents.pipeline import parse_file

    h = hashlib.sha256()
    path = ROOT / name if not Path(name).is_absolute() else Path(name)
    result = parse_file(name if not Path(name).is_absolute() else path)
    h.update(json.dumps({"file": result.file, "error": result.error, "encoding": result.encoding},
                        ensure_ascii=False).encode())
    for doc in result.documents:
        h.update(json.dumps(doc.to_json(), ensure_ascii=False).encode() + b"\n")
        h.update(json.dumps(document_to_dict(doc), ensure_ascii=False, sort_keys=True, default=str).encode())
    if result.error is None:
        text = decode.decode_bytes(path.read_bytes(), name).text
        for seg in split.split_documents(normalise.clean_lines(text)):
            h.update(json.dumps({
                "lines": [[line.no, line.text] for line in seg.lines],
                "title": getattr(seg, "title", None), "doc_number": getattr(seg, "doc_number", None),
                "kind_hint": getattr(seg, "kind_hint", None),
                "header": [line.no for line in getattr(seg, "header_lines", [])],
                "context": getattr(seg, "context", None),
            }, ensure_ascii=False, sort_keys=True).encode())
    return name, h.hexdigest()


def snapshot(corpus: Path) -> dict[str, str]:
    names = files(corpus)
    with ProcessPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(digest, names, chunksize=4))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("mode", choices=("record", "compare"))
    ap.add_argument("digests", type=Path)
    ap.add_argument("--corpus", type=Path, default=Path("/tmp/gw5"))
    args = ap.parse_args()
    now = snapshot(args.corpus)
    if args.mode == "record":
        args.digests.write_text(json.dumps(now, indent=1, ensure_ascii=False), encoding="utf-8")
        print(f"{len(now)} files recorded in {args.digests}")
        return 0
    before = json.loads(args.digests.read_text(encoding="utf-8"))
    differ = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    for k in differ:
        print("differs:", k, "(missing)" if k not in now or k not in before else "")
    print(f"{len(now)} files, {len(differ)} differences")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
