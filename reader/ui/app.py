"""Start the desktop app: `reader` (no sub-command) or `reader gui [options]`.

`reader gui --search 金融 --open 1 --screenshot shot.png` starts, waits for the library to be
indexed, runs the search, opens the first hit, saves the window as PNG and quits: the
screenshot command for README and CI (run it under xvfb-run on a headless machine).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path


_T0 = time.perf_counter()


# --dialog NAME → the MainWindow method that opens that dialog and returns it.
SCREENSHOT_DIALOGS = {
    "search-help": "show_search_help",
    "fonts": "show_font_dialog",
    "print-preview": "show_print_preview",
    "deadlines": "show_deadlines",
    "export": "show_export_dialog",
    "note": "show_note_dialog",
}
# --tab NAME → the left-hand tab shown (index in MainWindow.left_tabs, by the attribute naming it)
SCREENSHOT_TABS = {"tree": 0, "results": 1, "files": "single_tab", "starred": "starred_tab", "notes": "notes_tab"}


def build_arg_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="reader gui", description="公文阅读器 desktop app")
    add_gui_arguments(p)
    return p


def add_gui_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--library", action="append", metavar="DIR",
                   help="library folder (repeatable); default: the saved folders, on first run the bundled seeds")
    p.add_argument("--search", metavar="QUERY", help="run this search after start")
    p.add_argument("--open", metavar="N|ID|TITLE",
                   help="open the N-th search result (1-based), a doc id, "
                        "or the first document whose title contains TITLE")
    p.add_argument("--screenshot", metavar="PNG", help="save the window to PNG once ready, then quit")
    p.add_argument("--size", metavar="WxH", default="1360x860", help="window size for --screenshot (default 1360x860)")
    p.add_argument("--file", action="append", metavar="FILE",
                   help="open this file on its own (repeatable): read and shown, not added to the library")
    p.add_argument("--dialog", metavar="NAME", choices=sorted(SCREENSHOT_DIALOGS),
                   help="with --screenshot: open this dialog and save it instead of the window "
                        f"({', '.join(sorted(SCREENSHOT_DIALOGS))})")
    p.add_argument("--tab", metavar="NAME", choices=sorted(SCREENSHOT_TABS),
                   help="with --screenshot: show this tab (tree, results, files, starred on the left; notes: the side "
                        "panel's 批注); the tree's "
                        "grouping is the saved one (tree/mode=issuer|unit|source in --settings)")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="the day 时限提醒 counts from (default: today)")
    p.add_argument("--settings", metavar="INI", help="settings file to use instead of the user's (e.g. a fresh one)")


def install_translations(app, lang: str | None = None) -> list:
    """Qt's own strings in Chinese; with lang (or READER_LANG), the UI in that language.

    The UI's source strings are Simplified Chinese; another language comes from
    resources/translations/reader_<lang>.qm (READER_LANG=en: English). Returns the installed
    translators (the caller keeps them alive).
    """
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    from reader.core.seeds import resources_dir

    lang = lang if lang is not None else os.environ.get("READER_LANG", "")
    installed = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if lang and not lang.startswith("zh"):
        tr = QTranslator(app)
        if tr.load(f"reader_{lang}", str(Path(resources_dir()) / "translations")):
            app.installTranslator(tr)
            installed.append(tr)
        qt_names = [f"qtbase_{lang}"]
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        qt_names = ["qtbase_zh_CN", "qt_zh_CN"]
    for name in qt_names:
        tr = QTranslator(app)
        if tr.load(name, qt_dir):
            app.installTranslator(tr)
            installed.append(tr)
            break
    return installed


def make_app(argv: Sequence[str] | None = None):
    from PySide6.QtWidgets import QApplication

    from reader.ui import theme
    from reader.ui.settings import APPLICATION, ORGANIZATION

    # The indexer and the search run on Python threads; handing the GIL over every 2 ms
    # instead of 5 ms keeps the event loop's waits short (100 MB indexed in the background:
    # longest event-loop gap 145 ms → 68 ms, p99 33 → 22 ms; tests/benchmarks/bench_ui.py).
    sys.setswitchinterval(0.002)
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv or ["reader"]))
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("公文阅读器")
    from reader import __version__

    app.setApplicationVersion(__version__)
    app.setDesktopFileName("reader")
    app._translators = install_translations(app)  # keep references alive
    theme.apply_app_look(app)
    return app


def run(argv: Sequence[str] | None = None) -> int:
    """Entry point for `reader` with no sub-command (argv may carry gui options)."""
    args = build_arg_parser().parse_args(list(argv or []))
    return run_gui(args)


INSTANCE_LOCK = "gui.lock"


def acquire_instance_lock(index_dir: str | Path | None = None):
    """Hold the index folder for this app: a QLockFile, or None when another running app holds it.

    A lock left by an app that crashed (its process is gone) is taken over: QLockFile checks
    the owner's PID; the lock never goes stale by age alone.
    """
    from PySide6.QtCore import QLockFile

    from reader.core.library.index import default_index_dir

    folder = Path(index_dir) if index_dir is not None else default_index_dir()
    folder.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(folder / INSTANCE_LOCK))
    lock.setStaleLockTime(0)
    return lock if lock.tryLock(0) else None


def run_gui(args: argparse.Namespace) -> int:
    app = make_app(sys.argv[:1])
    from PySide6.QtCore import QSettings, QTimer

    from reader.ui.main_window import MainWindow
    from reader.ui.settings import Settings

    settings = Settings(QSettings(args.settings, QSettings.Format.IniFormat)) if args.settings else Settings()
    screenshot = getattr(args, "screenshot", None)
    # A second app on the same index only reads it: it neither indexes nor watches, so two
    # windows never race to update it (SQLite would serialise them, but it is twice the work).
    instance_lock = acquire_instance_lock()
    read_only = instance_lock is None
    window = MainWindow(settings, folders=args.library, watch=not screenshot and not read_only)
    window._instance_lock = instance_lock  # held as long as the window lives
    if read_only:
        window.service.read_only = True
        message = window.tr("另一个公文阅读器窗口正在使用这个索引：本窗口只读，不更新索引。")
        print(message, file=sys.stderr)
        window.setWindowTitle(window.windowTitle() + window.tr("（只读）"))
        window.show_read_only(message)
    if getattr(args, "today", None):
        from datetime import date

        window.today_override = date.fromisoformat(args.today)
    if screenshot:
        window.persist = False  # a screenshot leaves the user's settings as they were
        w, _, h = (args.size or "1360x860").partition("x")
        window.resize(int(w), int(h))
    window.show()
    driver = _Driver(window, args, read_only=read_only)
    QTimer.singleShot(0, driver.begin)
    status = app.exec()
    return driver.status or status


class _Driver:
    """Does what the command line asked once the library is ready, then maybe screenshots."""

    def __init__(self, window, args, read_only: bool = False):
        self.window = window
        self.args = args
        self.read_only = read_only
        self.status = 0
        self.done = False

    def begin(self) -> None:
        from PySide6.QtWidgets import QApplication

        w = self.window
        QApplication.processEvents()  # let the window paint before the index is opened
        if os.environ.get("READER_STARTUP_TRACE"):
            print(f"window shown {time.perf_counter() - _T0:.3f}s", file=sys.stderr)
        if self.args.screenshot and not self.read_only:
            # Wait for the first index update so a fresh machine shows a full library.
            w.service.indexing_finished.connect(self._after_index)
        else:
            w.service.library_opened.connect(self._after_open)
        w.start()

    def _after_open(self) -> None:
        self.window.service.library_opened.disconnect(self._after_open)
        self._apply_request()

    def _after_index(self, _result) -> None:
        if self.done:
            return
        self.done = True
        self.window.reload_documents()
        self._apply_request()

    def _apply_request(self) -> None:
        w = self.window
        if self.args.search:
            w.search_done.connect(self._after_search)
            w.search_bar.field.setText(self.args.search)
            w.run_search_now()
        else:
            self._open_requested()

    def _after_search(self, _result) -> None:
        self.window.search_done.disconnect(self._after_search)
        self._open_requested()

    def _open_requested(self) -> None:
        w = self.window
        files = list(getattr(self.args, "file", None) or [])
        if files:  # single files first; the rest of the request once they are read
            self._files_left = len(files)
            w.single_files.loaded.connect(self._file_loaded)
            for f in files:
                w.open_single_file(f)
            return
        self._after_files()

    def _file_loaded(self, _path, _result) -> None:
        self._files_left -= 1
        if self._files_left == 0:
            self.window.single_files.loaded.disconnect(self._file_loaded)
            self._after_files(files_opened=True)

    def _after_files(self, files_opened: bool = False) -> None:
        w = self.window
        target = self.args.open
        if target is None and self.args.search and not files_opened:
            target = "1"
        if target:
            self._open(target)
        elif self.args.screenshot and not files_opened:
            docs = w.service.documents()
            if docs and w.current_doc_id is None:
                longest = max(docs, key=lambda d: d.last_line - d.first_line)
                w.open_document(longest.id)
        if self.args.screenshot:
            from PySide6.QtCore import QTimer

            QTimer.singleShot(600, self._grab)

    def _open(self, target: str) -> None:
        w = self.window
        if target.isdigit():
            n = int(target) - 1
            if w.results_model.rowCount():
                if 0 <= n < w.results_model.rowCount():
                    index = w.results_model.index(n, 0)
                    w.results.setCurrentIndex(index)
                    w.open_document(w.results_model.hits[n].doc.id, force=True)
                return
            docs = w.service.documents()
            if 0 <= n < len(docs):
                w.open_document(docs[n].id)
            return
        if w.service.doc_info(target) is not None:
            w.open_document(target)
            return
        for doc in w.service.documents():
            if target in doc.title:
                w.open_document(doc.id)
                return
        print(f"--open: no document matches {target!r}", file=sys.stderr)
        self.status = 1

    def _grab(self, waited: int = 0) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        # a dialog over the library's tasks (时限提醒) waits for them, at most 30 s
        if getattr(self.args, "dialog", None) == "deadlines" and self.window.service.links() is None and waited < 300:
            QTimer.singleShot(100, lambda: self._grab(waited + 1))
            return

        out = Path(self.args.screenshot)
        out.parent.mkdir(parents=True, exist_ok=True)
        self.window.reading.view.apply_visible_highlights()
        QApplication.processEvents()
        target = self.window
        tab = SCREENSHOT_TABS.get(getattr(self.args, "tab", None) or "")
        if tab is not None:
            tabs = self.window.side_tabs if tab == "notes_tab" else self.window.left_tabs
            tabs.setCurrentIndex(tab if isinstance(tab, int) else getattr(self.window, tab))
            QApplication.processEvents()
        if getattr(self.args, "dialog", None):
            target = getattr(self.window, SCREENSHOT_DIALOGS[self.args.dialog])()
            for _ in range(3):
                QApplication.processEvents()
        if not target.grab().save(str(out), "PNG"):
            print(f"could not write {out}", file=sys.stderr)
            self.status = 1
        else:
            print(str(out))
        self.window.close()
        QApplication.quit()


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
