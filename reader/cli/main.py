"""Command line: `reader [gui] | parse | index | search | export | problems`.

Every command calls the same core API as the GUI. Output is UTF-8 whatever the
terminal's locale says, so JSON Lines can be piped on any system.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from reader import __version__
from reader.cli.library import COMMANDS as _LIBRARY_COMMANDS
from reader.cli.tasks import COMMANDS as _TASK_COMMANDS
from reader.core.library.records import UNKNOWN


def _utf8_stdout() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")  # type: ignore[attr-defined]
        except (AttributeError, ValueError):
            pass


# ---------------------------------------------------------------- parse
def _add_parse(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("parse", help="解析文件并列出其中的公文 (parse files into documents)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="JSON Lines, one document per line")
    p.set_defaults(func=_cmd_parse)


def _cmd_parse(args: argparse.Namespace) -> int:
    from reader.core.documents.pipeline import parse_file

    status = 0
    for name in args.files:
        result = parse_file(name)
        if result.error is not None:
            status = 1
            if args.json:
                print(json.dumps({"file": name, "error": result.error}, ensure_ascii=False))
            else:
                print(f"{name}: 无法读取 (cannot read): {result.error}", file=sys.stderr)
            continue
        if args.json:
            for doc in result.documents:
                print(json.dumps(doc.to_json(), ensure_ascii=False))
        else:
            _print_table(name, result)
    return status




def _print_table(name: str, result) -> None:
    print(f"{name}  [{result.encoding}]  {len(result.documents)} 篇")
    for i, doc in enumerate(result.documents, 1):
        m = doc.meta
        issuers = "、".join(m.issuers) or UNKNOWN
        year = f"  年份: {m.year}（取自本期）" if m.year_source == "issue" else ""
        print(
            f"  {i:3d}. {m.title}\n"
            f"       文号: {m.doc_number or UNKNOWN}  发文机关: {issuers}  "
            f"日期: {m.date or UNKNOWN}{year}  文种: {m.kind or UNKNOWN}  行: {doc.first_line}–{doc.last_line}"
        )
        for a in m.attachments:
            print(f"       附: {a}")


# ---------------------------------------------------------------- gui
def _add_gui(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="打开桌面程序 (start the desktop app; --screenshot for a PNG of it)")
    from reader.ui.app import add_gui_arguments  # argparse only: importing it loads no Qt

    add_gui_arguments(p)
    p.set_defaults(func=_cmd_gui)


def _cmd_gui(args: argparse.Namespace) -> int:
    from reader.ui.app import run_gui

    return run_gui(args)


# ---------------------------------------------------------------- main
COMMANDS = [_add_parse, _add_gui, *_LIBRARY_COMMANDS, *_TASK_COMMANDS]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader", description="公文阅读器 (offline reader for Chinese official documents)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="自检: 离线检查解析、索引、检索、显示和导出 (offscreen self-test; exit 0 if all pass)")
    sub = parser.add_subparsers(dest="command")
    for add in COMMANDS:
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_stdout()
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from reader.cli.selftest import run_self_test

        return run_self_test()
    if args.command is None:
        return _run_gui(argv)
    from reader.core.library.index import IndexBusy, IndexFolderError

    try:
        return int(args.func(args) or 0)
    except (IndexFolderError, IndexBusy) as exc:  # said to the user, never a traceback
        print(exc, file=sys.stderr)
        return 1
    except BrokenPipeError:
        # `reader parse … | head`: the reader of our output left; that is not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _run_gui(argv: list[str]) -> int:
    try:
        from reader.ui.app import run
    except ImportError as exc:  # the GUI is being built; until then list the seeds
        print(f"GUI unavailable ({exc}); parsed library follows.", file=sys.stderr)
        from reader.core.seeds import seeds_dir

        files = sorted(str(p) for p in seeds_dir().glob("*.txt"))
        return main(["parse", *files])
    return run(argv)
