"""Parse speed per format (issue 14): MB/s and pages/s of reader.core.documents.pipeline.parse_bytes on the
same gazette issue as .txt, PDF (two columns, drawn row by row), OFD and .docx.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_formats.py [--docs 90] [--repeat 3]

The files are built here (tests/formats_fixtures.py: Qt paints the PDF with a CJK font). Each
figure is the best of --repeat runs; "extract" is the format reader alone (text and page starts),
"parse" the whole pipeline (extract, normalise, split, metadata, entities, tables).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=90, help="documents in the issue (default 90)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (fonts for the PDF)
    from reader.core.text import formats
    from reader.core.documents.pipeline import parse_bytes
    from tests import formats_fixtures as fx

    docs = fx.many_docs(args.docs)
    text = "\n".join(line for d in docs for line in (*d, "")) + "\n"
    files = {
        "txt": text.encode("utf-8"),
        "pdf": fx.gazette_pdf(columns=2, docs=docs, row_order=True),
        "ofd": _ofd(fx, docs),
        "docx": _docx(docs),
    }
    print(f"{args.docs} documents; best of {args.repeat}")
    print(f"{'format':6} {'size':>9} {'pages':>5} {'docs':>5} {'extract s':>9} {'parse s':>8} "
          f"{'MB/s':>7} {'pages/s':>8}")
    for kind, data in files.items():
        result = parse_bytes(data, f"issue.{kind}")
        assert result.error is None, result.error
        extract = _best(lambda: formats.extract(data, kind), args.repeat) if kind != "txt" else 0.0
        parse = _best(lambda: parse_bytes(data, f"issue.{kind}"), args.repeat)
        pages = result.pages
        mb = len(data) / 1e6
        pps = f"{pages / parse:8.1f}" if pages else f"{'—':>8}"
        print(f"{kind:6} {len(data):9,} {pages or '—':>5} {len(result.documents):5} {extract:9.3f} {parse:8.3f} "
              f"{mb / parse:7.2f} {pps}")
    return 0


def _ofd(fx, docs) -> bytes:
    paragraphs = [line for d in docs for line in (*d, "")]
    lines = fx._column_lines(paragraphs, 40)
    return fx.gazette_ofd(pages=[lines[i : i + 40] for i in range(0, len(lines), 40)])


def _docx(docs) -> bytes:
    import io

    import docx

    d = docx.Document()
    for doc in docs:
        for para in doc:
            d.add_paragraph(para)
        d.add_paragraph("")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


if __name__ == "__main__":
    raise SystemExit(main())
