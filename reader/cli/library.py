"""CLI commands over the library: `reader index | search | export | problems`.

Registered in reader/cli/main.py (COMMANDS). All of them take --index-dir; with no
folders, `reader index` updates the folders indexed last time (the bundled
seeds/ the first time).
"""
from __future__ import annotations

import argparse
import errno
import json
import sqlite3
import sys

from reader.core.library.records import UNKNOWN


def add_index_dir(p: argparse.ArgumentParser) -> None:
    p.add_argument("--index-dir", metavar="DIR", help="索引所在文件夹（默认在用户数据目录；环境变量 READER_INDEX_DIR）")


def open_library(args, folders=()):
    from reader.core.library.library import Library

    lib = Library(list(folders), index_dir=args.index_dir)
    if lib.notice:
        print(lib.notice, file=sys.stderr)
    return lib


def ensure_built(lib) -> None:
    """Commands that read never index (they would replace the folders an unfinished build
    was given with the samples): on an index no update has committed, say how to build it."""
    if lib.is_built():
        return
    running = lib.indexer_running()
    if running:
        msg = f"索引正在建立中{running.strip()}，请等它完成后再试 (the index is being built)。"
    else:
        msg = ("还没有建立索引（或索引已清空）：请先运行 reader index [文件夹]，不写文件夹时用上次的文件夹，"
               "第一次用自带样例 (the library has not been indexed yet: run reader index)。")
    print(msg, file=sys.stderr)
    raise SystemExit(1)


# ---------------------------------------------------------------- index
def add_index(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("index", help="建立或更新索引 (build or update the index)")
    p.add_argument("folders", nargs="*", metavar="FOLDER", help="文件夹；省略时沿用上次的文件夹（首次为自带样例）")
    p.add_argument("--wait", action="store_true", help="另一个索引程序在更新时等它完成（默认立即退出）")
    add_index_dir(p)
    p.set_defaults(func=cmd_index)


class _Bar:
    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()

    def __call__(self, pr) -> None:
        if not self.tty or pr.total == 0:
            return
        width = 30
        filled = width * pr.done // pr.total
        name = pr.current.rsplit("/", 1)[-1][-30:]
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {pr.done}/{pr.total} {name:<30}")
        sys.stderr.flush()

    def end(self) -> None:
        if self.tty:
            sys.stderr.write("\r" + " " * 80 + "\r")
            sys.stderr.flush()


def _write_failure(exc: Exception, index_dir) -> str:
    """The message for an update that could not write its index (nothing was changed)."""
    full = getattr(exc, "errno", None) == errno.ENOSPC or "full" in str(exc).lower()
    why = "磁盘空间不足" if full else f"无法写入索引（{exc}）"
    return f"{why}：索引保持为上次的状态（{index_dir}）。腾出空间或换一个索引文件夹（--index-dir）后再运行。"


def cmd_index(args) -> int:
    lib = open_library(args, args.folders)
    bar = _Bar()
    try:
        s = lib.update(progress=bar, wait=args.wait)
    except KeyboardInterrupt:
        bar.end()
        print("已中断，索引保持为上次的状态。", file=sys.stderr)
        return 130
    except (OSError, sqlite3.Error) as exc:  # a full disk, a read-only index folder…
        bar.end()
        print(_write_failure(exc, lib.index_dir), file=sys.stderr)
        return 1
    bar.end()
    # s.notice is the notice open_library printed already (the update reports why it rebuilt)
    print(
        f"文件 {s.files}，公文 {s.documents}；新增 {s.new}，变更 {s.changed}，移除 {s.removed}；"
        f"问题 {s.problems}；用时 {s.seconds:.2f} 秒"
    )
    if s.problems:
        print("有无法读取的文件，运行 reader problems 查看。", file=sys.stderr)
    return 0


# ---------------------------------------------------------------- search
def add_search(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help="检索 (search)")
    p.add_argument("query", metavar="QUERY", help='检索式：词 词、"短语"、A OR B、-排除、发文机关:… 年份:2021-2023 …')
    p.add_argument("--issuer", help="发文机关")
    p.add_argument("--year", help="年份或范围，如 2022 或 2021-2023")
    p.add_argument("--kind", help="文种，如 通知")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--sort", choices=("relevance", "date"), default="relevance")
    p.add_argument("--json", action="store_true", help="JSON Lines, one hit per line")
    add_index_dir(p)
    p.set_defaults(func=cmd_search)


def _year_range(text: str | None) -> tuple[int | None, int | None]:
    if not text:
        return None, None
    import re

    m = re.fullmatch(r"\s*(\d{4})\s*(?:[-~至到]\s*(\d{4}))?\s*", text)
    if not m:
        raise ValueError(f"年份写法不对：{text}（例如 2022 或 2021-2023）")
    lo = int(m.group(1))
    hi = int(m.group(2) or lo)
    return min(lo, hi), max(lo, hi)


def hit_json(hit) -> dict:
    d = hit.doc
    return {
        "id": d.id, "title": d.title, "doc_number": d.doc_number, "issuers": d.issuers, "date": d.date,
        "file": d.file, "lines": [d.first_line, d.last_line], "score": hit.score,
        "hit_count": hit.hit_count,
        "snippets": [{"text": s.text, "marks": [list(m) for m in s.marks]} for s in hit.snippets],
    }


def _marked(snippet, tty: bool) -> str:
    on, off = ("\x1b[1;31m", "\x1b[0m") if tty else ("【", "】")
    out, pos = [], 0
    for s, e in snippet.marks:
        out.append(snippet.text[pos:s] + on + snippet.text[s:e] + off)
        pos = e
    out.append(snippet.text[pos:])
    return "".join(out)


def cmd_search(args) -> int:
    try:
        lo, hi = _year_range(args.year)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    lib = open_library(args)
    ensure_built(lib)
    r = lib.search(args.query, issuer=args.issuer, year_from=lo, year_to=hi, kind=args.kind,
                   sort=args.sort, limit=args.limit)
    if r.error:
        print(r.error, file=sys.stderr)
        return 2
    if args.json:
        for hit in r.hits:
            print(json.dumps(hit_json(hit), ensure_ascii=False))
        return 0
    tty = sys.stdout.isatty()
    print(f"共 {r.total} 篇，显示 {len(r.hits)} 篇")
    for i, hit in enumerate(r.hits, 1):
        d = hit.doc
        print(f"{i:3d}. {d.title}")
        issuers = "、".join(d.issuers) or UNKNOWN
        print(f"     文号: {d.doc_number or UNKNOWN}  发文机关: {issuers}  日期: {d.date or UNKNOWN}  "
              f"命中 {hit.hit_count}  得分 {hit.score:.3f}")
        print(f"     {d.file}:{d.first_line}-{d.last_line}{_pages(lib, d.id)}  id={d.id}")
        for sn in hit.snippets:
            print(f"     … {_marked(sn, tty)} …")
    return 0


def _pages(lib, doc_id: str) -> str:
    """ (第 3–5 页) for a document of a paged source (PDF, OFD), else ""."""
    doc = lib.document(doc_id)
    pages = doc.pages if doc is not None else None
    if not pages:
        return ""
    return f"（第 {pages[0]} 页）" if pages[0] == pages[1] else f"（第 {pages[0]}–{pages[1]} 页）"


# ---------------------------------------------------------------- export
def add_export(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="导出公文为文本、PDF 或 Word 文件 (export documents as .txt, .pdf or .docx)")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--query", help="导出检索结果中的全部公文")
    g.add_argument("--id", nargs="+", dest="ids", metavar="ID", help="按 id 导出（见 reader search --json）")
    p.add_argument("--out", required=True, metavar="DIR", help="导出到的文件夹")
    p.add_argument("--encoding", choices=("utf-8", "utf-8-sig", "gb18030"), default="utf-8")
    p.add_argument("--crlf", action="store_true", help="Windows 换行 (CRLF)")
    p.add_argument("--single-file", metavar="NAME", help="全部写入一个文件")
    p.add_argument("--with-notes", action="store_true", help="附上自己写的批注（txt、docx）")
    p.add_argument("--format", choices=("txt", "pdf", "docx"), default="txt",
                   help="txt（默认）、pdf（A4，标题与文号等信息在首部，嵌入中文字体）或 docx（Word：同样的首部，"
                        "表格为 Word 表格）；--encoding/--crlf 只用于 txt")
    add_index_dir(p)
    p.set_defaults(func=cmd_export)


def cmd_export(args) -> int:
    from reader.core.export import export_docx, export_documents

    lib = open_library(args)
    ensure_built(lib)
    if args.query is not None:
        r = lib.search(args.query, limit=1_000_000, snippets=False)  # ids only
        if r.error:
            print(r.error, file=sys.stderr)
            return 2
        ids = [h.doc.id for h in r.hits]
    else:
        ids = args.ids
    docs, missing = [], []
    for i in ids:
        d = lib.document(i)
        (docs if d is not None else missing).append(d if d is not None else i)
    for i in missing:
        print(f"找不到 id 为 {i} 的公文", file=sys.stderr)
    if not docs:
        print("没有可导出的公文。", file=sys.stderr)
        return 1
    notes = {}
    if args.with_notes:  # the user's 批注 (the app's notes file), with their documents
        from reader.core.library.notes import NotesStore

        store = NotesStore()
        try:
            notes = store.export_lines([d.id for d in docs])
        finally:
            store.close()
    try:
        if getattr(args, "format", "txt") == "pdf":
            paths = _export_pdf(docs, args.out, args.single_file)
        elif getattr(args, "format", "txt") == "docx":
            paths = export_docx(docs, args.out, args.single_file, notes=notes)
        else:
            paths = export_documents(docs, args.out, encoding=args.encoding, crlf=args.crlf,
                                     single_file=args.single_file, notes=notes)
    except (OSError, ValueError) as exc:
        print(f"导出失败：{exc}", file=sys.stderr)
        return 1
    for p in paths:
        print(p)
    return 1 if missing else 0


def _export_pdf(docs, out, single_file):
    """PDF needs Qt's text layout and PDF writer: a window-less Qt application (offscreen
    unless a platform is set), created only for this format."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from reader.ui.printing import export_pdf

    _app = QGuiApplication.instance() or QGuiApplication(["reader"])  # kept alive while writing
    return export_pdf(docs, out, single_file)


# ---------------------------------------------------------------- problems
def add_problems(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("problems", help="列出无法读取的文件 (files that could not be read)")
    add_index_dir(p)
    p.set_defaults(func=cmd_problems)


def cmd_problems(args) -> int:
    lib = open_library(args)
    probs = lib.problems()
    if not probs:
        print("没有问题文件。")
        return 0
    for p in probs:
        print(f"{p.file}\t{p.reason}")
    return 0


COMMANDS = [add_index, add_search, add_export, add_problems]
