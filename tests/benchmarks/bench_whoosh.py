"""Why the content field has its own postings writer: Whoosh's stock writer against
reader.core.library.index.GramWriter, the same documents, one table.

    .venv/bin/python tests/benchmarks/bench_whoosh.py [FOLDER]   # default: the bundled seeds

Both write one Whoosh index of the reading texts so that any substring can be found
exactly (every character and character pair a term, no positions). "stock" sends each
term through Whoosh's analyzer, posting pool and postings writer (limitmb=512);
"GramWriter" is the library's writer: the same Whoosh segments, TOC and fields, with
the content terms of each document taken in bulk as arrays. Parsing and folding are
done once, outside both timings; the last column extrapolates to 100 MB.
"""
from __future__ import annotations

import sys
import tempfile
import time
from array import array
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from whoosh.analysis import Token, Tokenizer  # noqa: E402

from reader.core.library.analysis import fold  # noqa: E402


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
    from reader.core.documents.pipeline import parse_file

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


def _gramwriter_build(docs, index_dir: Path) -> float:
    from whoosh.index import FileIndex, TOC

    from reader.core.library import index as store
    from reader.core.library.library import _prepare_doc
    from reader.core.library.schema import CONTENT, make_schema

    prepared = [_prepare_doc(i, d) for i, d in enumerate(docs)]
    storage = store.PrivateStorage(str(index_dir))
    TOC.create(storage, make_schema(), store.INDEX_NAME)
    t0 = time.perf_counter()
    writer = store.GramWriter(FileIndex(storage, indexname=store.INDEX_NAME))
    for key, p in enumerate(prepared):
        keys = array("I")
        keys.frombytes(p.keys)
        fields = {k: v for k, v in p.fields.items() if v is not None}
        writer.add_document(key=key, **fields, **{CONTENT: (keys, p.counts, p.length)})
    writer.commit()
    return time.perf_counter() - t0


def _distinct_grams(text: str) -> int:
    f = fold(text)
    grams = {c for c in f if not c.isspace()}
    grams.update(f[i : i + 2] for i in range(len(f) - 1) if not (f[i].isspace() or f[i + 1].isspace()))
    return len(grams)


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "seeds"
    docs = _documents(folder)
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    postings = sum(_distinct_grams(d.text) + _distinct_grams(d.meta.title) for d in docs)
    with tempfile.TemporaryDirectory() as tmp:
        w_dir, g_dir = Path(tmp, "stock"), Path(tmp, "gram")
        w_dir.mkdir()
        g_dir.mkdir()
        stock_s = _whoosh_build(docs, w_dir)
        gram_s = _gramwriter_build(docs, g_dir)
    print(f"{len(docs)} documents, {mb:.1f} MB of reading text, {postings:,} (gram, document) postings\n")
    print(f"{'Whoosh writer':<44}{'index s':>9}{'µs/posting':>12}{'s per 100 MB':>14}")
    for name, secs in (("stock: analyzer, pool, postings writer", stock_s),
                       ("GramWriter: content terms in bulk", gram_s)):
        print(f"{name:<44}{secs:>9.1f}{secs / postings * 1e6:>12.2f}{secs / mb * 100:>14.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
