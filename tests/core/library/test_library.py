"""The library: incremental updates equal a clean build, problems, atomicity, CLI."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.library.library import Library, Progress
from tests.conftest import SEEDS

QUERIES = ["金融", "市政府 -办公厅", "通知 OR 意见", "年份:2022", "局", "2022年", "甬政办发", '"实施意见"',
           "责任单位：市"]


def snapshot(lib: Library) -> dict:
    """Everything a user can see: documents and the results of several queries."""
    docs = sorted((d.id, d.title, d.file, d.first_line, d.last_line) for d in lib.documents())
    results = {}
    for q in QUERIES:
        r = lib.search(q, limit=100_000)
        results[q] = (r.error, sorted(h.doc.id for h in r.hits), r.facets)
    return {"docs": docs, "results": results}


def clean_build(folder: Path, tmp_path: Path) -> dict:
    index = tmp_path / f"clean-{time.monotonic_ns()}"
    lib = Library([folder], index_dir=index)
    lib.update()
    snap = snapshot(lib)
    lib.close()
    return snap


N_FILES = 3


@pytest.fixture()
def library_copy(tmp_path):
    """The smallest seed files (parsing is the slow part), copied: tests change them."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for f in sorted(SEEDS.glob("*.txt"), key=lambda p: p.stat().st_size)[:N_FILES]:
        shutil.copy2(f, folder / f.name)
    return folder


def folder_state(folder: Path) -> dict:
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.rglob("*"))}


def test_incremental_add_change_delete_rename_equals_clean_build(library_copy, tmp_path):
    lib = Library([library_copy], index_dir=tmp_path / "index")
    first = lib.update()
    assert first.new == N_FILES and first.files == N_FILES and first.documents > N_FILES

    files = sorted(library_copy.glob("*.txt"))
    # add: a file of my own, in a subfolder
    sub = library_copy / "新建文件夹"
    sub.mkdir()
    (sub / "关于测试增量索引的通知.txt").write_text(
        "宁波市测试局关于测试增量索引的通知\n甬测发〔2023〕7号\n各有关单位：\n现将增量索引测试有关事项通知如下。\n"
        "请于2023年3月1日前完成。\n宁波市测试局\n2023年2月1日\n",
        encoding="gb18030",
    )
    # change: append a paragraph to one file
    with open(files[0], "a", encoding="utf-8") as f:
        f.write("\n附加的段落：独一无二的增量测试词语。\n")
    # delete one, rename another
    files[1].unlink()
    files[2].rename(library_copy / "改名以后.txt")

    s = lib.update()
    assert (s.new, s.changed, s.removed) == (2, 1, 2)
    assert lib.search("独一无二的增量测试词语").total >= 1
    assert lib.search("增量索引测试").total >= 1
    assert snapshot(lib) == clean_build(library_copy, tmp_path)

    again = lib.update()
    assert (again.new, again.changed, again.removed) == (0, 0, 0)


def test_nothing_changed_touch_and_documents_folder_untouched(library_copy, tmp_path):
    lib = Library([library_copy], index_dir=tmp_path / "index")
    before = folder_state(library_copy)
    lib.update()
    assert folder_state(library_copy) == before  # the app never writes to document folders
    s = lib.update()
    assert (s.new, s.changed, s.removed, s.cancelled) == (0, 0, 0, False)
    # a new mtime with the same bytes is not a change
    f = sorted(library_copy.glob("*.txt"))[0]
    os.utime(f, ns=(f.stat().st_atime_ns, f.stat().st_mtime_ns + 5_000_000_000))
    s = lib.update()
    assert (s.new, s.changed, s.removed) == (0, 0, 0)
    assert not any(p.name.startswith(".") or "sqlite" in p.name for p in library_copy.rglob("*"))


def test_unreadable_files_and_missing_folders_are_problems(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "好的.txt").write_text("关于正常文件的通知\n正文内容。\n", encoding="utf-8")
    (folder / "坏的.txt").write_bytes(bytes(range(256)) * 40)  # binary, not text
    missing = tmp_path / "不存在的文件夹"
    lib = Library([folder, missing], index_dir=tmp_path / "index")
    s = lib.update()
    probs = {Path(p.file).name: p.reason for p in lib.problems()}
    assert s.problems == len(probs) == 2
    assert "坏的.txt" in probs and probs["坏的.txt"]
    assert "不存在的文件夹" in probs
    assert lib.search("正常文件").total == 1
    # fixing the file removes the problem
    (folder / "坏的.txt").write_text("关于修好文件的通知\n", encoding="utf-8")
    missing.mkdir()
    s = lib.update()
    assert s.problems == 0 and lib.problems() == []
    assert lib.search("修好文件").total == 1


def test_cancel_keeps_a_working_index_and_the_next_update_finishes(library_copy, tmp_path):
    lib = Library([library_copy], index_dir=tmp_path / "index")
    seen: list[Progress] = []
    s = lib.update(progress=seen.append, cancel=lambda: len(seen) >= 2)
    assert s.cancelled and s.new < N_FILES
    assert all(isinstance(p, Progress) and p.total == N_FILES for p in seen)
    indexed = s.files
    assert indexed < N_FILES and len({d.file for d in lib.documents()}) == indexed
    s = lib.update()
    assert not s.cancelled and s.new == N_FILES - indexed and s.files == N_FILES
    assert snapshot(lib) == clean_build(library_copy, tmp_path)


def test_an_exception_mid_update_leaves_the_previous_index(library_copy, tmp_path):
    lib = Library([library_copy], index_dir=tmp_path / "index")
    lib.update()
    before = snapshot(lib)
    (library_copy / "新文件.txt").write_text("关于崩溃测试的通知\n崩溃测试专用词。\n", encoding="utf-8")
    for f in sorted(library_copy.glob("0*.txt"))[:2]:
        with open(f, "a", encoding="utf-8") as fh:
            fh.write("\n改动。\n")

    def boom(p: Progress) -> None:
        if p.done >= 1:
            raise RuntimeError("simulated crash")

    with pytest.raises(RuntimeError):
        lib.update(progress=boom)
    assert snapshot(Library([library_copy], index_dir=tmp_path / "index")) == before
    lib.update()
    assert lib.search("崩溃测试专用词").total == 1


KILLER = textwrap.dedent(
    """
    import os, sys
    from reader.core.library.library import Library
    lib = Library([sys.argv[1]], index_dir=sys.argv[2])
    def progress(p):
        if p.done >= int(sys.argv[3]):
            os._exit(9)   # killed: no cleanup, no rollback
    lib.update(progress=progress)
    """
)


def test_a_killed_indexer_never_leaves_a_broken_index(library_copy, tmp_path):
    index = tmp_path / "index"
    env = dict(os.environ, READER_INDEX_WORKERS="1")
    r = subprocess.run([sys.executable, "-c", KILLER, str(library_copy), str(index), "3"], env=env)
    assert r.returncode == 9
    lib = Library([library_copy], index_dir=index)
    assert lib.documents() == []  # the killed first build committed nothing
    s = lib.update()
    assert s.new == N_FILES and not lib.notice
    assert snapshot(lib) == clean_build(library_copy, tmp_path)
    # and killed during an update of an existing index
    with open(sorted(library_copy.glob("*.txt"))[0], "a", encoding="utf-8") as f:
        f.write("\n被杀死的更新。\n")
    (library_copy / "另一个.txt").write_text("另一个文件\n", encoding="utf-8")
    before = snapshot(lib)
    r = subprocess.run([sys.executable, "-c", KILLER, str(library_copy), str(index), "1"], env=env)
    assert r.returncode == 9
    assert snapshot(Library([library_copy], index_dir=index)) == before
    lib2 = Library([library_copy], index_dir=index)
    lib2.update()
    assert snapshot(lib2) == clean_build(library_copy, tmp_path)


def test_damaged_index_is_rebuilt_and_says_so(library_copy, tmp_path):
    index = tmp_path / "index"
    lib = Library([library_copy], index_dir=index)
    lib.update()
    want = snapshot(lib)
    lib.close()
    for p in index.iterdir():
        if p.name.startswith("library.sqlite"):
            p.write_bytes(b"this is not a database" * 100)
    lib = Library([library_copy], index_dir=index)
    assert lib.notice and "索引" in lib.notice
    s = lib.update()
    assert s.notice and s.new == N_FILES
    assert snapshot(lib) == want


def test_version_change_rebuilds(library_copy, tmp_path, monkeypatch):
    index = tmp_path / "index"
    lib = Library([library_copy], index_dir=index)
    lib.update()
    lib.close()
    import reader.core.documents.pipeline as pipeline

    monkeypatch.setattr(pipeline, "PIPELINE_VERSION", pipeline.PIPELINE_VERSION + 1000)
    lib = Library([library_copy], index_dir=index)
    assert lib.notice and lib.documents() == []
    s = lib.update()
    assert s.new == N_FILES and s.notice


# The docs table of an index an earlier version of the app made (before issue 10), as found on a
# user's machine: an upgrade must make the tables again, not only empty them.
_OLD_DOCS_TABLE = """CREATE TABLE docs (
    key INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL, file TEXT NOT NULL, pos INTEGER, seg INTEGER,
    title TEXT, doc_number TEXT, issuers TEXT, canonical TEXT, date TEXT, year INTEGER,
    kind TEXT, units TEXT, first_line INTEGER, last_line INTEGER, encoding TEXT,
    length INTEGER, text BLOB, ftext BLOB, extra BLOB)"""


@pytest.mark.parametrize("old_version", ["store=3;analyzer=2;pipeline=4", None])
def test_an_index_of_an_older_version_with_other_columns_is_made_again(library_copy, tmp_path, old_version):
    import sqlite3

    from reader.core.library.index import DB_NAME

    index = tmp_path / "index"
    index.mkdir()
    conn = sqlite3.connect(index / DB_NAME)
    conn.executescript(f"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); {_OLD_DOCS_TABLE};"
                       "INSERT INTO docs (id, file, title) VALUES ('old', 'gone.txt', '旧文');")
    if old_version:
        conn.execute("INSERT INTO meta VALUES ('version', ?)", (old_version,))
    else:  # the version key already current: left so by a release that only emptied the tables
        from reader.core.library.index import version_key

        conn.execute("INSERT INTO meta VALUES ('version', ?)", (version_key(),))
    conn.commit()
    conn.close()
    lib = Library([library_copy], index_dir=index)
    try:
        s = lib.update()
        assert s.new == N_FILES and not s.problems
        assert len(lib.documents()) > N_FILES and all(d.file != "gone.txt" for d in lib.documents())
    finally:
        lib.close()


def test_parallel_parse_gives_the_same_index(library_copy, tmp_path, monkeypatch):
    for i in range(8 - N_FILES):  # enough files for worker processes
        shutil.copy(sorted(library_copy.glob("*.txt"))[i % N_FILES], library_copy / f"副本{i}.txt")
    monkeypatch.setenv("READER_INDEX_WORKERS", "2")
    a = Library([library_copy], index_dir=tmp_path / "a")
    a.update()
    monkeypatch.setenv("READER_INDEX_WORKERS", "1")
    b = Library([library_copy], index_dir=tmp_path / "b")
    b.update()
    assert snapshot(a) == snapshot(b)


def test_document_roundtrip(library_copy, tmp_path):
    from reader.core.documents.pipeline import parse_file

    lib = Library([library_copy], index_dir=tmp_path / "index")
    lib.update()
    f = sorted(library_copy.glob("*.txt"))[0]
    for want in parse_file(str(f)).documents:
        got = lib.document(want.id)
        assert got is not None
        assert (got.text, got.meta, got.entities, got.first_line, got.last_line, got.encoding) == (
            want.text, want.meta, want.entities, want.first_line, want.last_line, want.encoding)
    assert lib.document("no-such-id") is None


def test_default_index_dir_per_platform(monkeypatch, tmp_path):
    import sys

    from reader.core.library import index

    monkeypatch.delenv("READER_INDEX_DIR", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert index.default_index_dir() == tmp_path / "xdg" / "gongwen-reader" / "index"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    assert index.default_index_dir() == tmp_path / "local" / "gongwen-reader" / "index"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert index.default_index_dir() == Path.home() / "Library" / "Application Support" / "gongwen-reader" / "index"
    monkeypatch.setenv("READER_INDEX_DIR", str(tmp_path / "override"))
    assert index.default_index_dir() == tmp_path / "override"


# ---------------------------------------------------------------- CLI
def test_cli_index_search_problems(tmp_path, capsys, library_copy):
    idx = str(tmp_path / "cli-index")
    assert main(["index", str(library_copy), "--index-dir", idx]) == 0
    out = capsys.readouterr().out
    assert f"文件 {N_FILES}" in out and f"新增 {N_FILES}" in out and "秒" in out
    assert main(["index", "--index-dir", idx]) == 0  # no folder: the folders of last time
    assert "新增 0" in capsys.readouterr().out
    assert main(["search", "金融", "--json", "--limit", "3", "--index-dir", idx]) == 0
    lines = [json.loads(record) for record in capsys.readouterr().out.splitlines()]
    assert len(lines) == 3
    for rec in lines:
        assert {"id", "title", "doc_number", "issuers", "date", "file", "lines", "score", "snippets"} <= set(rec)
        assert rec["file"].startswith(str(library_copy))
    assert main(["search", "OR", "--index-dir", idx]) == 2
    assert "OR" in capsys.readouterr().err
    assert main(["search", "金融", "--year", "2022", "--sort", "date", "--index-dir", idx]) == 0
    assert "共" in capsys.readouterr().out
    assert main(["problems", "--index-dir", idx]) == 0
    assert "没有问题文件" in capsys.readouterr().out


def test_cli_index_without_folder_indexes_the_seeds(tmp_path, capsys):
    idx = str(tmp_path / "seeds-index")
    with pytest.raises(SystemExit) as info:  # a search never builds the index itself
        main(["search", "金融", "--limit", "1", "--index-dir", idx])
    assert info.value.code == 1 and "reader index" in capsys.readouterr().err
    assert main(["index", "--index-dir", idx]) == 0
    assert main(["search", "金融", "--limit", "1", "--index-dir", idx]) == 0
    assert "共" in capsys.readouterr().out
    assert main(["search", "调研报告", "--index-dir", idx]) == 0  # reports carry no 文号 or date
    out = capsys.readouterr().out
    assert "文号: 未识别" in out and "日期: 未识别" in out and ": —" not in out  # "—" reads as 一
    lib = Library([], index_dir=idx)
    assert {Path(d.file).parent for d in lib.documents()} == {SEEDS.resolve()}


def test_an_unavailable_folder_keeps_its_documents_until_taken_out(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "甲.txt").write_text("关于甲文件的通知\n甲文件专用词。\n", encoding="utf-8")
    (b / "乙.txt").write_text("关于乙文件的通知\n乙文件专用词。\n", encoding="utf-8")
    index = tmp_path / "index"
    Library([a, b], index_dir=index).update()
    away = tmp_path / "b-away"
    b.rename(away)  # the disk is unplugged
    lib = Library([a, b], index_dir=index)
    s = lib.update()
    assert s.removed == 0 and s.problems == 1
    assert lib.search("乙文件专用词").total == 1
    lib = Library([a], index_dir=index)  # the user takes the folder out
    s = lib.update()
    assert s.removed == 1 and s.problems == 0
    assert lib.search("乙文件专用词").total == 0 and lib.search("甲文件专用词").total == 1


def test_segments_are_compacted_and_results_stay_the_same(library_copy, tmp_path, monkeypatch):
    import reader.core.library.index as index_module

    monkeypatch.setattr(index_module, "MAX_SEGMENTS", 2)
    index = tmp_path / "index"
    lib = Library([library_copy], index_dir=index)
    lib.update()
    f = sorted(library_copy.glob("*.txt"))[0]
    for i in range(4):  # each update writes one more Whoosh segment
        with open(f, "a", encoding="utf-8") as fh:
            fh.write(f"\n第{i}次追加的段落，压缩测试词{i}。\n")
        lib.update()
        assert len(list((index / "whoosh").glob("*.gpo"))) <= 3  # two, plus the one merging them
    assert len(list((index / "whoosh").glob("*.gpo"))) <= 2
    assert lib.search("压缩测试词3").total == 1
    assert snapshot(lib) == clean_build(library_copy, tmp_path)


def test_a_law_keeps_its_date_roles_through_the_index(tmp_path):
    """The index gives back what the parser read: the role of a document's date and every
    dated role of its header (a law's 通过 and 施行), not only the date."""
    from reader.core.documents.pipeline import parse_text

    law = ("中华人民共和国测试法\n"
           "（2023年3月13日第十四届全国人民代表大会第一次会议通过）\n"
           "第一条　为了规范测试工作，制定本法。\n"
           "第二条　本法自2023年7月1日起施行。\n")
    folder = tmp_path / "laws"
    folder.mkdir()
    (folder / "法.txt").write_text(law, encoding="utf-8")
    parsed = parse_text(law)[0].meta
    lib = Library([folder], index_dir=tmp_path / "index")
    lib.update()
    (info,) = lib.documents()
    meta = lib.document(info.id).meta
    assert (meta.date, meta.date_role, meta.dated_roles) == (parsed.date, parsed.date_role, parsed.dated_roles)
    assert meta.date_role  # the parser read a role for it
    lib.close()
