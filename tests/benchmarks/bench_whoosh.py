"""Why the library does not index with Whoosh: the same documents, both engines, one table.

    .venv/bin/pip install -e '.[bench]'          # Whoosh-Reloaded, for this comparison only
    .venv/bin/python tests/benchmarks/bench_whoosh.py [FOLDER]   # default: the bundled seeds

Both index the reading text of every parsed document so that any substring can be
found exactly (the product's rule: it finds what Ctrl+F finds). Whoosh gets its cheapest
form for that: a CJK bigram+unigram field without positions (phrase=False), candidates
then verified by substring as the library does. Parsing is done once, outside both
timings, so the table compares indexing alone; the last column extrapolates to 100 MB.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


try:  # Whoosh pickles the analyzer into the index, so the tokenizer lives at module level.
    from whoosh.analysis import Token, Tokenizer
except ImportError:  # reported in main()
    Tokenizer = object

from reader.core.analysis import fold


class GramTokenizer(Tokenizer):
    """Every character and every pair of neighbouring characters of the folded text."""

    def __call__(self, value, **kwargs):
        t = Token(**kwargs)
        text = fold(value)
        for i, ch in enumerate(text):
            if ch.isspace():
                continue
            t.text = ch
            yield t
            if i + 1 < len(text) and not text[i + 1].isspace():
                t.text = text[i : i + 2]
                yield t


def _documents(folder: Path):
    from reader.core.pipeline import parse_file

    docs = []
    for path in sorted(folder.rglob("*.txt")):
        docs.extend(parse_file(path).documents)
    return docs


def _whoosh_build(docs, index_dir: Path) -> float:
    from whoosh import fields, index

    schema = fields.Schema(
        id=fields.ID(stored=True, unique=True),
        title=fields.TEXT(analyzer=GramTokenizer(), phrase=False, field_boost=4.0),
        body=fields.TEXT(analyzer=GramTokenizer(), phrase=False),
    )
    ix = index.create_in(str(index_dir), schema)
    t0 = time.perf_counter()
    writer = ix.writer(limitmb=512)
    for d in docs:
        writer.add_document(id=d.id, title=d.meta.title, body=d.text)
    writer.commit()
    return time.perf_counter() - t0


def _library_build(folder: Path, index_dir: Path) -> float:
    from reader.core.library import Library

    t0 = time.perf_counter()
    lib = Library([folder], index_dir=index_dir)
    lib.update()
    lib.close()
    return time.perf_counter() - t0


def _distinct_grams(text: str) -> int:
    f = fold(text)
    grams = {c for c in f if not c.isspace()}
    grams.update(f[i : i + 2] for i in range(len(f) - 1) if not (f[i].isspace() or f[i + 1].isspace()))
    return len(grams)


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "seeds"
    try:
        import whoosh  # noqa: F401
    except ImportError:
        print("Whoosh is not installed: .venv/bin/pip install -e '.[bench]'", file=sys.stderr)
        return 2
    docs = _documents(folder)
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    postings = sum(_distinct_grams(d.text) + _distinct_grams(d.meta.title) for d in docs)
    with tempfile.TemporaryDirectory() as tmp:
        w_dir, l_dir = Path(tmp, "whoosh"), Path(tmp, "library")
        w_dir.mkdir()
        whoosh_s = _whoosh_build(docs, w_dir)
        # The library's time includes parsing the files; parse time alone is subtracted.
        t0 = time.perf_counter()
        _documents(folder)
        parse_s = time.perf_counter() - t0
        library_s = max(_library_build(folder, l_dir) - parse_s, 0.0)
    print(f"{len(docs)} documents, {mb:.1f} MB of reading text, {postings:,} (gram, document) postings\n")
    print(f"{'engine':<38}{'index s':>9}{'µs/posting':>12}{'s per 100 MB':>14}")
    for name, secs in (("Whoosh-Reloaded, grams, no positions", whoosh_s), ("reader.core.index (bigram sets)", library_s)):
        print(f"{name:<38}{secs:>9.1f}{secs / postings * 1e6:>12.2f}{secs / mb * 100:>14.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
