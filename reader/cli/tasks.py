"""CLI commands `reader tasks` (the task ledger, 任务台账) and `reader refs` (cross-references).

Registered in reader/cli/main.py. Without files, both work on the indexed library (the folders
indexed last time; the bundled seeds the first time), like `reader search`.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from reader.cli.library import add_index_dir, ensure_built, open_library
from reader.core.library.walk import walk_folders
from reader.core.ledger.export import write_csv
from reader.core.ledger.rows import ledger_rows, stored_ledger_rows


# ---------------------------------------------------------------- documents
def _documents_from_paths(paths: list[str], problems: list[str]) -> Iterator:
    from reader.core.documents.pipeline import parse_file

    for name in paths:
        p = Path(name)
        if p.is_dir():
            walked = walk_folders([p])  # the library's rule: what it reads of a folder, and why not
            files = [Path(f) for f, _, _ in walked.files]
            problems.extend(f"{display_name(f)}: {reason}" for f, reason in walked.problems)
        elif p.is_file():
            files = [p]
        else:
            problems.append(f"{name}: 文件或文件夹不存在 (no such file or folder)")
            continue
        for f in files:
            result = parse_file(f)
            shown = display_name(str(f))
            if result.error is not None:
                problems.append(f"{shown}: 无法读取 (cannot read): {result.error}")
                continue
            for doc in result.documents:
                doc.file = shown  # a GBK-named file on Linux: its name readable, and printable
                yield doc


def display_name(name: str) -> str:
    """A file name that can be printed: Linux names are bytes, and a GBK name arrives with
    surrogate escapes that no UTF-8 output (JSON, CSV, terminal) accepts."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        raw = os.fsencode(name)
    for codec in ("utf-8", "gb18030"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "replace")


def _open_library(args):
    lib = open_library(args)
    ensure_built(lib)
    return lib


# ---------------------------------------------------------------- tasks
def add_tasks(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("tasks", help="任务台账：谁牵头、谁配合、何时完成 (task ledger)")
    p.add_argument("paths", nargs="*", metavar="FILE_OR_FOLDER",
                   help="文件或文件夹；省略时使用已建索引的文库（首次为自带样例）")
    p.add_argument("--unit", metavar="U", help="只列出涉及该单位的任务，如 市经信局、区住建局")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="JSON Lines, one task per line")
    fmt.add_argument("--csv", action="store_true", help="CSV（UTF-8 带 BOM，Excel 可直接打开），中文列名")
    fmt.add_argument("--xlsx", metavar="FILE", help="写入 Excel 工作簿（.xlsx），列与 --csv 相同")
    p.add_argument("-o", "--output", metavar="FILE", help="写入文件而不是标准输出")
    add_index_dir(p)
    p.set_defaults(func=cmd_tasks)


def _stored_ledger(args, unit: str | None):
    """The library's tasks as stored at index time (no document parsed again)."""
    return stored_ledger_rows(_open_library(args).stored_links(), unit)


def _units_text(units, canonical: bool) -> str:
    return "、".join(u.canonical if canonical else u.printed for u in units)


def cmd_tasks(args) -> int:
    problems: list[str] = []
    if args.paths:
        rows = ledger_rows(_documents_from_paths(args.paths, problems), args.unit)
    else:
        rows = _stored_ledger(args, args.unit)
    out_file = None
    try:
        if args.xlsx:
            from reader.core.ledger.export import write_xlsx

            n = write_xlsx(rows, args.xlsx)
            print(f"已写入 {n} 项任务：{args.xlsx}", file=sys.stderr)
        elif args.csv:
            if args.output:
                out_file = open(args.output, "w", encoding="utf-8-sig", newline="")
                n = write_csv(rows, out_file)
            else:
                buf = io.StringIO()
                n = write_csv(rows, buf)
                data = ("\ufeff" + buf.getvalue()).encode("utf-8")
                sys.stdout.flush()
                sys.stdout.buffer.write(data)
                sys.stdout.buffer.flush()
        else:
            out = sys.stdout
            if args.output:
                out_file = open(args.output, "w", encoding="utf-8", newline="\n")
                out = out_file
            n = _write_text_or_json(rows, out, as_json=args.json)
    except OSError as exc:
        print(f"无法写入 (cannot write): {exc}", file=sys.stderr)
        return 1
    finally:
        if out_file is not None:
            out_file.close()
    for p in problems:
        print(p, file=sys.stderr)
    if not args.json and not args.csv and not args.xlsx:
        print(f"共 {n} 项任务" + (f"（单位：{args.unit}）" if args.unit else ""), file=sys.stderr)
    return 1 if problems else 0


def _write_text_or_json(rows, out, *, as_json: bool) -> int:
    n = 0
    last_doc = None
    for doc, t in rows:
        n += 1
        if as_json:
            rec = t.to_json()
            rec.update({"title": doc.meta.title, "doc_number": doc.meta.doc_number,
                        "issuers": list(doc.meta.issuers), "date": doc.meta.date, "file": doc.file})
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            continue
        if doc is not last_doc:
            last_doc = doc
            out.write(f"\n《{doc.meta.title}》 {doc.meta.doc_number or ''}\n")
        text = t.text if len(t.text) <= 80 else t.text[:78] + "…"
        out.write(f"  {t.path or '—'}  {text}\n")
        parts = []
        if t.lead_units:
            parts.append("牵头: " + _units_text(t.lead_units, False))
        if t.cooperating_units:
            parts.append(("联系: " if t.kind == "duty" else "配合: ") + _units_text(t.cooperating_units, False))
        if t.lead_officials:
            parts.append("领导: " + "、".join(t.lead_officials))
        if t.deadlines:
            parts.append("时限: " + "；".join(t.deadlines))
        if t.targets:
            parts.append("指标: " + "；".join(t.targets))
        out.write("      " + "  ".join(parts) + "\n")
    return n


# ---------------------------------------------------------------- refs
def add_refs(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("refs", help="引用关系：本文引用了哪些文件、被哪些文件引用 (cross-references)")
    p.add_argument("doc", metavar="DOC", help="公文 id（reader search --json 给出）或文号，如 甬政办发〔2022〕19号")
    p.add_argument("--json", action="store_true", help="JSON: {doc, cites, cited_by}")
    add_index_dir(p)
    p.set_defaults(func=cmd_refs)


def cmd_refs(args) -> int:
    from reader.core.ledger.refs import CrossRefs

    lib = _open_library(args)
    refs = CrossRefs.from_library(lib)
    found = refs.find(args.doc)
    if not found:
        print(f"文库中没有该公文 (no such document): {args.doc}", file=sys.stderr)
        return 1
    for doc in found:
        cites, cited_by = refs.cites(doc.id), refs.cited_by(doc.id)
        if args.json:
            print(json.dumps({
                "doc": {"id": doc.id, "title": doc.title, "doc_number": doc.doc_number},
                "cites": [c.to_json() for c in cites],
                "cited_by": [c.to_json() for c in cited_by],
            }, ensure_ascii=False))
            continue
        print(f"《{doc.title}》 {doc.doc_number or ''}  [{doc.id}]")
        print(f"  引用 {len(cites)} 处：")
        for c in cites:
            if c.targets:
                where = "；".join(f"《{t.title}》 [{t.id}]" for t in c.targets)
            else:
                where = "（文库中没有）"
            print(f"    {c.printed} → {where}")
        print(f"  被引用 {len(cited_by)} 处：")
        for c in cited_by:
            print(f"    《{c.source.title}》 {c.source.doc_number or ''} [{c.source.id}]  引作 {c.printed}")
    return 0


COMMANDS = [add_tasks, add_refs]
