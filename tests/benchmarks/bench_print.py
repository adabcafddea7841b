"""Print and PDF speed, measured (not a test): `python tests/benchmarks/bench_print.py`.

For the longest seed document and for all seed documents at once (what printing a whole tree
node asks for): the time to build the printable document (build_document: header blocks,
text, tables, highlights) and to paginate it and paint the pages with their footers into a
PDF (paint_pages on a QPdfWriter, the path printing and the preview take too; Qt lays the text
out here), then to rebuild the PDF's text layer (text_layer_fixed: the glyphs drawn, read from the
layout, and the ToUnicode maps rewritten), with and without highlights, and the number of pages. Runs offscreen unless
QT_QPA_PLATFORM is set; best of --repeat runs.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QPdfWriter
    from PySide6.QtWidgets import QApplication

    from reader.core.documents.pipeline import parse_file
    from reader.core.seeds import seeds_dir
    from reader.ui import theme
    from reader.ui.printing import PDF_RESOLUTION, build_document, page_layout, paint_pages, text_layer_fixed

    app = QApplication.instance() or QApplication([])  # noqa: F841 (fonts need the app)
    docs = [d for f in sorted(Path(seeds_dir()).glob("*.txt")) for d in parse_file(f).documents]
    longest = max(docs, key=lambda d: len(d.text))
    cases = [(f"longest seed document ({len(longest.text):,} chars)", [longest]),
             (f"all {len(docs)} seed documents ({sum(len(d.text) for d in docs):,} chars)", docs)]
    for label, chosen in cases:
        for highlights in ((), tuple(theme.HIGHLIGHTS)):
            best_build = best_paint = best_layer = float("inf")
            pages = 0
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                layout = build_document(chosen, highlights=highlights)
                t1 = time.perf_counter()
                data = QByteArray()
                buffer = QBuffer(data)
                buffer.open(QIODevice.OpenModeFlag.WriteOnly)
                writer = QPdfWriter(buffer)
                writer.setResolution(PDF_RESOLUTION)
                writer.setPageLayout(page_layout())
                pages = paint_pages(layout, writer)
                del writer
                t2 = time.perf_counter()
                text_layer_fixed(bytes(data.data()), layout, pages)
                t3 = time.perf_counter()
                best_build, best_paint = min(best_build, t1 - t0), min(best_paint, t2 - t1)
                best_layer = min(best_layer, t3 - t2)
            print(f"{label}, highlights {'on ' if highlights else 'off'}: built {best_build * 1000:6.0f} ms, "
                  f"paginated and painted to PDF {best_paint * 1000:6.0f} ms, "
                  f"text layer {best_layer * 1000:5.0f} ms, {pages} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
