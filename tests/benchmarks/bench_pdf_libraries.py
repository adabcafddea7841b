"""Which PDF library reads Chinese 公文 best (issue 14): speed, reading order, bundle size, licence.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_pdf_libraries.py [--docs 60]

(the candidates besides pypdfium2: `.venv/bin/pip install -e '.[bench-pdf]'`; one not installed is
listed as such.) The test PDF is a gazette issue built here (tests/formats_fixtures.py): two
columns, the content stream drawn ROW BY ROW across the columns, a running header and page
numbers, Qt's CJK font (whose ToUnicode map gives radicals: ⼈⺠). For each library:

- s/page: seconds per page for its plain text extraction (best of 3);
- rows / cols: of the issue's paragraphs (radicals mapped, whitespace dropped), how many appear
  whole in the library's text — a paragraph split by the other column's lines is lost — on the
  PDF drawn row by row (rows) and on the same issue drawn column by column (cols);
- installed MB: the size on disk of the packages it brings (site-packages folders).

"reader" is this app's reader (pypdfium2 + the character-box layout of reader.core.text.formats.layout).
"""
from __future__ import annotations

import argparse
import importlib.util
import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

LIBS = {
    "reader (pypdfium2 + layout)": ("pypdfium2", "Apache-2.0 / BSD-3", ["pypdfium2", "pypdfium2_raw"]),
    "pypdfium2 get_text_range": ("pypdfium2", "Apache-2.0 / BSD-3", ["pypdfium2", "pypdfium2_raw"]),
    "pdfminer.six": ("pdfminer", "MIT", ["pdfminer", "charset_normalizer"]),
    "pypdf": ("pypdf", "BSD-3", ["pypdf"]),
    "PyMuPDF": ("pymupdf", "AGPL-3.0", ["pymupdf", "fitz"]),
}


def _size(packages: list[str]) -> float:
    total = 0
    for name in packages:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        for folder in spec.submodule_search_locations:
            total += sum(f.stat().st_size for f in Path(folder).rglob("*") if f.is_file())
    return total / 1e6


def _reader(data: bytes) -> str:
    from reader.core.text.formats import extract

    return extract(data, "x.pdf").text


def _pdfium(data: bytes) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))


def _pdfminer(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def _pypdf(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)


def _pymupdf(data: bytes) -> str:
    import pymupdf

    doc = pymupdf.open(stream=data, filetype="pdf")
    return "\n".join(page.get_text() for page in doc)


RUN = {"reader (pypdfium2 + layout)": _reader, "pypdfium2 get_text_range": _pdfium, "pdfminer.six": _pdfminer,
       "pypdf": _pypdf, "PyMuPDF": _pymupdf}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=60)
    args = ap.parse_args()
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841
    from reader.core.text.normalise import RADICALS
    from tests import formats_fixtures as fx

    docs = fx.many_docs(args.docs)
    data = fx.gazette_pdf(columns=2, docs=docs, row_order=True)
    by_columns = fx.gazette_pdf(columns=2, docs=docs, row_order=False)
    import pypdfium2 as pdfium

    pages = len(pdfium.PdfDocument(data))
    paragraphs = {"".join(p.split()) for d in docs for p in d if len("".join(p.split())) >= 12}

    def whole(text: str) -> int:
        flat = "".join(text.translate(RADICALS).split())
        return sum(1 for p in paragraphs if p in flat)

    print(f"{len(data):,} bytes, {pages} pages, {len(paragraphs)} distinct paragraphs of ≥ 12 characters")
    print(f"{'library':30} {'s/page':>7} {'rows':>9} {'cols':>9} {'inst. MB':>9}  licence")
    for name, (module, licence, packages) in LIBS.items():
        if importlib.util.find_spec(module) is None:
            print(f"{name:30} not installed (pip install -e '.[bench-pdf]')")
            continue
        fn = RUN[name]
        fn(data)  # warm up: imports
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            text = fn(data)
            best = min(best, time.perf_counter() - start)
        n = len(paragraphs)
        print(f"{name:30} {best / pages:7.4f} {whole(text):4}/{n:<4} {whole(fn(by_columns)):4}/{n:<4} "
              f"{_size(packages):9.1f}  {licence}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
