"""`reader --self-test`: prove that this installation (or frozen bundle) works, offscreen, offline.

Each step prints one line — OK or FAIL, what it saw, how long it took — and the exit status is 0
only when every step did what it should. Nothing outside a temporary folder is written: the index,
the exports and Qt's settings all go there, and the seed files are checksummed before and after.

Steps: seeds (every bundled seed decodes) → index (Library.update into a temp folder) → search (a
word taken from an indexed title must find that document; a word that occurs nowhere must find
nothing) → read (Library.document) → qt (starts offscreen, Chinese Qt translation and the
desktop's platform and input-method plugins present) → render (the GUI's reading pane shows the document, grabbed to
an image, with highlight formatting on entity text) → export (written, read back, equal) → pdf (the
document printed to PDF reads back through PDFium) → seeds unchanged. A step whose input is
missing because an earlier step failed is a FAIL too.
"""
from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader import __version__


class StepFailed(Exception):
    """A step ran but did not do what it should; the message says what it saw."""


@dataclass
class StepResult:
    name: str
    ok: bool
    detail: str
    seconds: float


@dataclass
class _State:
    tmp: Path
    seed_files: list[Path]
    checksums: dict[Path, str]
    library: object = None
    doc_id: str | None = None
    query: str | None = None
    document: object = None  # the Document shown and exported


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ------------------------------------------------------------------ steps
def _step_seeds(st: _State) -> str:
    """The bundled seeds are there and decode; parsing them is the index step's job (done once)."""
    from reader.core.text.decode import decode_file
    from reader.core.model import ReadError
    from reader.core.seeds import seeds_dir

    folder = seeds_dir()
    if not folder.is_dir():
        raise StepFailed(f"no seeds folder at {folder}")
    if not st.seed_files:
        raise StepFailed(f"no .txt files in {folder}")
    encodings, errors, chars = set(), [], 0
    for f in st.seed_files:
        try:
            decoded = decode_file(f)
        except ReadError as exc:
            errors.append(f"{f.name}: {exc.reason}")
            continue
        encodings.add(decoded.encoding)
        chars += len(decoded.text)
    if errors:
        raise StepFailed("; ".join(errors))
    return f"{len(st.seed_files)} files, {chars:,} characters ({', '.join(sorted(encodings))}) in {folder}"


def _step_index(st: _State) -> str:
    from reader.core.library.library import Library
    from reader.core.seeds import seeds_dir

    lib = Library([seeds_dir()], index_dir=st.tmp / "index")
    summary = lib.update()
    if summary.cancelled:
        raise StepFailed("indexing reported itself cancelled")
    if summary.files != len(st.seed_files):
        raise StepFailed(f"indexed {summary.files} files, expected {len(st.seed_files)}")
    listed = lib.documents()
    if not listed or summary.documents == 0:
        raise StepFailed(f"index holds no documents ({summary})")
    if summary.problems:
        raise StepFailed(f"{summary.problems} problem(s): {lib.problems()}")
    st.library = lib
    # The index is a Whoosh index: Whoosh itself opens it and counts the same documents.
    from whoosh.index import open_dir

    from reader.core.library.index import INDEX_NAME, WHOOSH_DIR

    ix = open_dir(str(st.tmp / "index" / WHOOSH_DIR), indexname=INDEX_NAME)
    with ix.searcher() as s:
        whoosh_docs = s.doc_count()
    if whoosh_docs != len(listed):
        raise StepFailed(f"Whoosh counts {whoosh_docs} documents, the library lists {len(listed)}")
    return f"{summary.files} files, {summary.documents} documents, {len(listed)} listed, Whoosh index of {whoosh_docs}"


def _query_from_titles(docs) -> tuple[str, str]:
    """A query that must hit a known document: the first 4 CJK characters of its title."""
    for d in docs:
        cjk = [c for c in d.title if "\u4e00" <= c <= "\u9fff"]
        if len(cjk) >= 2:
            # Consecutive CJK characters from the start of the first CJK run.
            start = next(i for i, c in enumerate(d.title) if "\u4e00" <= c <= "\u9fff")
            run = ""
            for c in d.title[start:]:
                if not ("\u4e00" <= c <= "\u9fff") or len(run) == 4:
                    break
                run += c
            if len(run) >= 2:
                return d.id, run
    raise StepFailed("no indexed title has two consecutive Chinese characters to search for")


def _step_search(st: _State) -> str:
    if st.library is None:
        raise StepFailed("not run: needs the index step")
    doc_id, query = _query_from_titles(st.library.documents())
    result = st.library.search(query)
    if result.error:
        raise StepFailed(f"search {query!r} gave an error: {result.error}")
    ids = [h.doc.id for h in result.hits]
    if doc_id not in ids:
        raise StepFailed(f"search {query!r} did not find the document whose title holds it ({len(ids)} hits)")
    if not any(s.marks for h in result.hits for s in h.snippets):
        raise StepFailed(f"search {query!r}: no snippet has the hit marked")
    absent = "自检" + hashlib.sha1(b"absent").hexdigest()[:8] + "无此词"
    none = st.library.search(absent)
    if none.hits:
        raise StepFailed(f"a word that occurs nowhere ({absent!r}) found {len(none.hits)} hits")
    st.doc_id, st.query = doc_id, query
    return f"{query!r}: {result.total} hits, first {result.hits[0].doc.title[:24]!r}; absent word: 0 hits"


def _step_read(st: _State) -> str:
    if st.library is None:
        raise StepFailed("not run: needs the index step")
    # The document to show: the one with most entity spans, so the render step can see highlights.
    best, best_n = None, -1
    for info in st.library.documents():
        doc = st.library.document(info.id)
        if doc is None:
            raise StepFailed(f"Library.document({info.id!r}) returned None for a listed document")
        if not doc.text.strip():
            raise StepFailed(f"document {info.id!r} has an empty reading text")
        if len(doc.entities) > best_n:
            best, best_n = doc, len(doc.entities)
    st.document = best
    return f"{len(st.library.documents())} documents read back; showing {best.title[:24]!r} ({best_n} spans)"


def _find_text_views(widget):
    from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

    views = [widget] if isinstance(widget, (QTextEdit, QPlainTextEdit)) else []
    views += widget.findChildren(QTextEdit) + widget.findChildren(QPlainTextEdit)
    return views


def _highlights(view) -> list[tuple[str, int]]:
    """(text, background RGB) of every highlighted piece: char formats, extra selections, layout formats."""
    from PySide6.QtCore import Qt

    def painted(fmt) -> bool:
        return fmt.background().style() != Qt.BrushStyle.NoBrush

    out = []
    for block in _blocks(view.document()):
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.isValid() and painted(frag.charFormat()):
                out.append((frag.text(), frag.charFormat().background().color().rgb()))
            it += 1
        for rng in block.layout().formats():
            if painted(rng.format):
                out.append((block.text()[rng.start : rng.start + rng.length], rng.format.background().color().rgb()))
    for sel in view.extraSelections():
        if painted(sel.format):
            out.append((sel.cursor.selectedText(), sel.format.background().color().rgb()))
    return [(t, c) for t, c in out if t.strip()]


def _blocks(document):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def _qt_app(st: _State):
    """The QApplication, made once, offscreen unless told otherwise, with settings in the temp folder."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QSettings, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        return QApplication.instance()
    # Settings the pane reads or writes go to the temp folder, never the user's.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(st.tmp / "settings"))

    def quiet(mode, context, message):
        # The offscreen platform warns about window hints it cannot apply; that is not a failure.
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)
    app = QApplication([sys.argv[0] if sys.argv else "reader"])
    QCoreApplication.setOrganizationName("gongwen-reader-selftest")
    return app


def _step_qt(st: _State) -> str:
    """Qt starts, its Chinese translation loads, and the plugins a desktop needs are there."""
    app = _qt_app(st)
    from PySide6.QtCore import QLibraryInfo, QTranslator
    from PySide6.QtGui import QFontDatabase

    translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not QTranslator().load("qtbase_zh_CN", translations):
        raise StepFailed(f"Qt's Chinese translation (qtbase_zh_CN) does not load from {translations}")
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    need = {"linux": ["platforms/*qxcb*", "platforms/*qwayland*", "platforminputcontexts/*ibus*"],
            "win32": ["platforms/*qwindows*"], "darwin": ["platforms/*qcocoa*"]}
    key = "linux" if sys.platform.startswith("linux") else sys.platform
    missing = [pat for pat in need.get(key, []) if not list(plugins.glob(pat))]
    if missing:
        raise StepFailed(f"Qt plugins missing under {plugins}: {missing}")
    cjk = [f for f in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)]
    font = f"{len(cjk)} Chinese font families" if cjk else "WARNING: no Chinese font installed, text shows as boxes"
    return f"platform {app.platformName()}, qtbase_zh_CN loaded, plugins present; {font}"


def _step_render(st: _State) -> str:
    doc = st.document
    if doc is None:
        raise StepFailed("not run: needs the read step")
    if not doc.entities:
        raise StepFailed("no document has entity spans to highlight (reader.core.documents.entities found none)")
    app = _qt_app(st)
    from reader.ui.reading import ReadingPane

    pane = ReadingPane()
    pane.resize(900, 700)
    pane.show()
    query = st.query if st.query and st.query in doc.text else ""
    pane.show_document(doc, query=query)
    app.processEvents()
    views = _find_text_views(pane)
    if not views:
        raise StepFailed("the reading pane holds no text view to check highlights in")
    view = max(views, key=lambda v: len(v.toPlainText()))
    if doc.text.strip()[:40] not in view.toPlainText():
        raise StepFailed("the reading text is not what the pane shows")
    # Bring the first entity on screen: highlights may be applied only to visible blocks.
    first = min(doc.entities, key=lambda e: e.start)
    cursor = view.textCursor()
    cursor.setPosition(min(first.start, len(view.toPlainText())))
    view.setTextCursor(cursor)
    for _ in range(3):  # layout is lazy: scroll again once it is done
        app.processEvents()
        view.ensureCursorVisible()
    app.processEvents()
    image = pane.grab().toImage()
    if image.isNull() or image.width() < 100 or image.height() < 100:
        raise StepFailed(f"grabbed image is empty ({image.width()}×{image.height()})")
    small = image.scaled(90, 70)
    colours = {small.pixel(x, y) for x in range(small.width()) for y in range(small.height())}
    if len(colours) < 8:
        raise StepFailed(f"grabbed image is nearly blank ({len(colours)} colours)")
    entity_texts = {e.text for e in doc.entities}
    marked = [(t, c) for t, c in _highlights(view) if any(t in e or e in t for e in entity_texts)]
    if not marked:
        raise StepFailed(f"no entity text carries a highlight format ({len(entity_texts)} entities)")
    # …and the highlight colours are actually painted.
    wanted = {c & 0xFFFFFF for _, c in marked}
    pixels = view.viewport().grab().toImage().convertToFormat(image.Format.Format_RGB32)  # text only, no legend
    painted = {pixels.pixel(x, y) & 0xFFFFFF for x in range(0, pixels.width(), 2) for y in range(0, pixels.height(), 2)}
    if not wanted & painted:
        raise StepFailed(f"highlight colours {sorted(hex(c) for c in wanted)} appear nowhere in the rendered pane")
    if os.environ.get("READER_SELFTEST_IMAGE"):  # keep the rendered pane for a person to look at
        image.save(os.environ["READER_SELFTEST_IMAGE"])
    pane.close()
    return (f"{image.width()}×{image.height()} px; {len(marked)} entity highlights in "
            f"{len(wanted)} colours, {len(wanted & painted)} of them painted on screen")


def _export_pieces(doc) -> list[str]:
    """What an export must hold: every line of the text outside its tables, and every table cell."""
    from reader.core.export import text_segments

    pieces = []
    for kind, piece in text_segments(doc):
        pieces += piece.split("\n") if kind == "text" else [cell for row in piece.rows for cell in row]
    return [p.strip() for p in pieces if p.strip()]


def _step_export(st: _State) -> str:
    from reader.core.export import export_documents

    doc = st.document
    if doc is None:
        raise StepFailed("not run: needs the read step")
    details = []
    for encoding in ("utf-8", "gb18030"):
        out_dir = st.tmp / f"export-{encoding}"
        out_dir.mkdir()
        paths = export_documents([doc], out_dir, encoding=encoding)
        if len(paths) != 1:
            raise StepFailed(f"{encoding}: expected 1 file, got {len(paths)}")
        path = Path(paths[0])
        if path.resolve().parent != out_dir.resolve():
            raise StepFailed(f"{encoding}: written outside the chosen folder: {path}")
        back = path.read_bytes().decode(encoding).replace("\r\n", "\n")
        # (a table is laid out in aligned columns, not as its tab-separated span: its cells must be there)
        missing = [line for line in _export_pieces(doc) if line not in back]
        if missing:
            raise StepFailed(f"{encoding}: the file read back does not hold the document's text: {missing[0][:40]!r}")
        details.append(f"{encoding} {path.stat().st_size} B")
    return "written and read back: " + ", ".join(details)


def _step_pdf(st: _State) -> str:
    """A PDF is read (PDFium, reader.core.text.formats): the read document, printed to PDF by the app's own
    writer (CJK font embedded), parses back with its text; the bundle carries pypdfium2's library."""
    if st.document is None:
        raise StepFailed("not run: needs the read step")
    from reader.core.text.formats.pdf import extract
    from reader.core.text.normalise import clean_text
    from reader.core.documents.pipeline import parse_bytes
    from reader.ui.printing import pdf_bytes

    data = pdf_bytes([st.document])
    result = parse_bytes(data, "selftest.pdf")
    if result.error:
        raise StepFailed(f"the PDF could not be read: {result.error}")
    if result.encoding != "PDF" or not result.documents:
        raise StepFailed(f"the PDF was not read as a PDF ({result.encoding}, {len(result.documents)} documents)")
    pages = extract(data, "selftest.pdf").pages
    want = "".join(st.document.text.split())[:30]
    got = "".join("".join(d.text.split()) for d in result.documents)
    if clean_text(want) not in got:
        raise StepFailed(f"the PDF's text does not hold the document's first words {want!r}")
    return f"{len(data):,} bytes, {pages} pages → {len(result.documents)} documents, text read back"


def _step_unchanged(st: _State) -> str:
    changed = [p.name for p, digest in st.checksums.items() if not p.exists() or _sha256(p) != digest]
    if changed:
        raise StepFailed(f"seed files changed: {changed}")
    return f"{len(st.checksums)} seed files byte-identical"


STEPS: list[tuple[str, Callable[[_State], str]]] = [
    ("seeds", _step_seeds),
    ("index", _step_index),
    ("search", _step_search),
    ("read", _step_read),
    ("qt", _step_qt),
    ("render", _step_render),
    ("export", _step_export),
    ("pdf", _step_pdf),
    ("unchanged", _step_unchanged),
]


def _run_step(name: str, func: Callable[[_State], str], st: _State) -> StepResult:
    t0 = time.perf_counter()
    try:
        detail, ok = func(st), True
    except StepFailed as exc:
        detail, ok = str(exc), False
    except ImportError as exc:
        detail, ok = f"missing module: {exc}", False
    except Exception as exc:  # a bug: say where, in one line
        tb = traceback.extract_tb(exc.__traceback__)[-1]
        detail, ok = f"{type(exc).__name__}: {exc} ({Path(tb.filename).name}:{tb.lineno})", False
    return StepResult(name, ok, detail, time.perf_counter() - t0)


def run_self_test(out=None) -> int:
    """Run every step, print a line per step, return 0 only if all passed."""
    out = out or sys.stdout
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from reader.core.seeds import seeds_dir

    frozen = "frozen" if getattr(sys, "frozen", False) else "python"
    print(f"reader {__version__} self-test ({frozen}, Python {sys.version.split()[0]}, {sys.platform})", file=out)
    t_all = time.perf_counter()
    results = []
    with tempfile.TemporaryDirectory(prefix="reader-selftest-", ignore_cleanup_errors=True) as tmp:
        seed_files = sorted(seeds_dir().glob("*.txt")) if seeds_dir().is_dir() else []
        st = _State(tmp=Path(tmp), seed_files=seed_files, checksums={p: _sha256(p) for p in seed_files})
        # Anything that asks for the default index or data dirs during the test gets the temp folder.
        env_keys = ("READER_INDEX_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")
        saved = {k: os.environ.get(k) for k in env_keys}
        os.environ["READER_INDEX_DIR"] = str(st.tmp / "default-index")
        for k in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            os.environ[k] = str(st.tmp / k.lower())
        try:
            for name, func in STEPS:
                r = _run_step(name, func, st)
                results.append(r)
                status = "OK  " if r.ok else "FAIL"
                print(f"  {status}  {r.name:<9} {r.seconds:6.2f} s  {r.detail}", file=out, flush=True)
            st.library = None  # let the index close before the folder goes
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
    failed = [r.name for r in results if not r.ok]
    total = time.perf_counter() - t_all
    if failed:
        print(f"self-test FAILED: {len(failed)} of {len(results)} steps ({', '.join(failed)}) in {total:.2f} s",
              file=out)
        return 1
    print(f"self-test passed: {len(results)} steps in {total:.2f} s", file=out)
    return 0
