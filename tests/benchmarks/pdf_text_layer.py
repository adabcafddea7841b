"""The PDF text layer on the seed corpus (a measurement, not a test):

    .venv/bin/python tests/benchmarks/pdf_text_layer.py [--folder seeds] [--per-file 40]

Each document of each file in --folder (its first --per-file documents) goes through pdf_bytes;
the PDF is read back by pdftotext (poppler) and by pypdfium2 (PDFium), raw: no character mapped
to another. A read-back is "right" when, whitespace and the footers' 第/页/共 and digits aside,
it holds every character of the document's title, header rows and text and no other character
(a radical for an ideograph, U+2012 for an en dash, or a lost digit makes it wrong); lines a
page break draws twice do not count against it. Counted with the text layer rebuilt
(reader.ui.pdftext) and, for comparison, with Qt's own ToUnicode maps. Also counts the fonts whose
unnamed glyphs were named (the drawing order confirmed) and those left unnamed.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _read_back(data: bytes, work: Path) -> dict[str, str]:
    import pypdfium2

    path = work / "doc.pdf"
    path.write_bytes(data)
    pdf = pypdfium2.PdfDocument(data)
    try:
        pdfium = "".join(pdf[n].get_textpage().get_text_range() for n in range(len(pdf)))
    finally:
        pdf.close()
    plain = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return {"pdftotext": plain, "pdfium": pdfium}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folder", default=None, help="the files to print (default: the seed corpus)")
    parser.add_argument("--per-file", type=int, default=40)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from reader.core.documents.pipeline import parse_file
    from reader.core.seeds import seeds_dir
    from reader.ui import pdftext, printing

    app = QApplication.instance() or QApplication([])  # noqa: F841 (fonts need the app)
    folder = Path(args.folder) if args.folder else Path(seeds_dir())
    docs = [d for f in sorted(folder.iterdir()) if f.is_file() for d in parse_file(f).documents[:args.per_file]]
    footer = set("第页共0123456789")
    rebuilt = pdftext.fix_text_layer
    corrected = pdftext.corrected_codes
    fonts = {"named": 0, "left unnamed": 0}

    def counting(codes, glyph_of, drawn):
        out = corrected(codes, glyph_of, drawn)
        gaps = [c for c in range(1, max(codes, default=0) + 1) if c not in codes]
        added = len(out) > len(codes)
        if gaps or added:
            fonts["named" if added and all(c in out for c in gaps) else "left unnamed"] += 1
        return out

    pdftext.corrected_codes = counting
    right = {}
    with tempfile.TemporaryDirectory() as tmp:
        for label, fix in (("Qt's own ToUnicode", lambda data, glyphs, raw: data), ("rebuilt", rebuilt)):
            pdftext.fix_text_layer = fix
            for doc in docs:
                want = "".join(doc.meta.title + "".join(printing.header_rows(doc)) + doc.text)
                want_set = set("".join(want.split()))
                for reader, text in _read_back(printing.pdf_bytes([doc]), Path(tmp)).items():
                    got = set("".join(text.split()))
                    ok = got - footer <= want_set <= got
                    right[label, reader] = right.get((label, reader), 0) + ok
    pdftext.fix_text_layer, pdftext.corrected_codes = rebuilt, corrected
    print(f"{len(docs)} documents from {folder}")
    for (label, reader), n in right.items():
        print(f"{label:20} {reader:10} right {n}/{len(docs)}")
    print(f"fonts with glyphs Qt left unnamed: {fonts['named']} named, {fonts['left unnamed']} left unnamed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
