"""Export: round trips in every encoding, safe unique names, never overwrite, only inside the folder."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.export import ENCODINGS, export_documents, read_export, safe_name
from reader.core.model import Document, Metadata
from reader.core.documents.pipeline import parse_file
from tests.conftest import SEEDS


def make_doc(title="宁波市财政局关于测试导出的通知", number="甬财发〔2023〕8号",
             text="第一段。\n第二段，含符号：①…ＡＢＣ、𠮷。\n\n最后一段", **kw):
    meta = Metadata(title=title, doc_number=number, issuers=kw.get("issuers", ["宁波市财政局", "宁波市税务局"]),
                    date=kw.get("date", "2023-02-01"), year=2023, kind="通知")
    return Document(file=kw.get("file", "/data/公文/测试.txt"), encoding="utf-8", first_line=3, last_line=9,
                    meta=meta, text=text)


@pytest.fixture(scope="module")
def seed_docs():
    smallest = min(SEEDS.glob("*.txt"), key=lambda p: p.stat().st_size)
    docs = parse_file(smallest).documents
    assert docs
    return docs


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("crlf", [False, True])
def test_round_trip_each_encoding(tmp_path, seed_docs, encoding, crlf):
    docs = [make_doc(), *seed_docs]
    paths = export_documents(docs, tmp_path / "out", encoding=encoding, crlf=crlf)
    assert len(paths) == len(docs) == len(set(paths))
    for doc, path in zip(docs, paths):
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
        assert (b"\r\n" in raw) == crlf
        if not crlf:
            assert b"\r" not in raw
        [(fields, text)] = read_export(path, encoding)
        assert text == doc.text
        assert fields["标题"] == doc.meta.title
        assert fields["文号"] == (doc.meta.doc_number or "")
        assert fields["发文机关"] == "、".join(doc.meta.issuers)
        assert fields["成文日期"] == (doc.meta.date or "")
        assert fields["来源"] == f"{doc.file}:{doc.first_line}-{doc.last_line}"


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_single_file_round_trip(tmp_path, seed_docs, encoding):
    docs = [make_doc(), *seed_docs[:5]]
    [path] = export_documents(docs, tmp_path, encoding=encoding, single_file="合订本")
    assert path.name == "合订本.txt"
    back = read_export(path, encoding)
    assert [t for _, t in back] == [d.text for d in docs]
    [again] = export_documents(docs, tmp_path, encoding=encoding, single_file="合订本.txt")
    assert again.name == "合订本 (2).txt" and path.read_bytes() != b""


def test_names_are_safe_unique_and_never_overwrite(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    existing = out / "甬财发〔2023〕8号 宁波市财政局关于测试导出的通知.txt"
    existing.write_text("用户自己的文件", encoding="utf-8")
    docs = [make_doc(), make_doc(), make_doc(title='a/b\\c:d*e?f"g<h>i|j\x01k', number=None),
            make_doc(title="CON", number=None), make_doc(title="nul.txt", number=None),
            make_doc(title="../../逃出去", number=None), make_doc(title="", number=None),
            make_doc(title="长" * 500, number=None), make_doc(title=" . . ", number=None)]
    paths = export_documents(docs, out)
    assert existing.read_text(encoding="utf-8") == "用户自己的文件"
    names = [p.name for p in paths]
    assert names[0] == "甬财发〔2023〕8号 宁波市财政局关于测试导出的通知 (2).txt"
    assert names[1] == "甬财发〔2023〕8号 宁波市财政局关于测试导出的通知 (3).txt"
    assert names[2] == "abcdefghijk.txt"
    assert names[3] == "_CON.txt" and names[4] == "_nul.txt.txt"
    assert ".." not in names[5] and "/" not in names[5]
    assert names[6] == "未命名.txt" and names[8] == "未命名 (2).txt"
    assert len(Path(names[7]).stem) <= 120 and len(names[7].encode("utf-8")) <= 255
    for p in paths:
        assert p.parent == out.resolve()
    assert sorted(os.listdir(out)) == sorted([existing.name, *names])
    for bad in '/\\:*?"<>|':
        assert bad not in "".join(names)


@pytest.mark.parametrize("name", [
    "CONIN$", "conout$", "CONIN$.txt", "COM¹", "COM²", "com³.备份", "LPT¹", "LPT²", "lpt³", "COM0", "LPT0", "CON ",
])
def test_every_windows_device_name_is_defused(name):
    """Windows also reserves CONIN$, CONOUT$, COM0/LPT0 and COM¹²³ / LPT¹²³ (superscript digits),
    with any extension: such a file cannot be created or opens the device."""
    assert safe_name(name).startswith("_"), safe_name(name)


@pytest.mark.parametrize("name", ["CONIN", "COM10", "COM¹¹", "LPT⁴", "CONOUT$X", "通知 CON"])
def test_names_that_only_look_like_device_names_are_kept(name):
    assert safe_name(name) == name


def test_safe_name_rules():
    assert safe_name("COM1") == "_COM1"
    assert safe_name("lpt9.备份") == "_lpt9.备份"
    assert safe_name("a\tb\nc") == "a b c"
    assert safe_name("...") == "未命名"
    assert safe_name("x" * 300).__len__() == 120
    assert safe_name("正常 名字") == "正常 名字"


def test_unknown_encoding_is_refused(tmp_path):
    with pytest.raises(ValueError, match="编码"):
        export_documents([make_doc()], tmp_path, encoding="latin-1")
    assert list(tmp_path.iterdir()) == []


def _indexed_sample(tmp_path) -> str:
    """An index (its folder, returned) of a copy of the smallest seed file, built by the CLI."""
    folder = tmp_path / "docs"
    folder.mkdir()
    smallest = min(SEEDS.glob("*.txt"), key=lambda p: p.stat().st_size)
    (folder / "a.txt").write_bytes(smallest.read_bytes())
    idx = str(tmp_path / "idx")
    assert main(["index", str(folder), "--index-dir", idx]) == 0
    return idx


def test_cli_export(tmp_path, capsys):
    idx = _indexed_sample(tmp_path)
    capsys.readouterr()
    out = tmp_path / "导出"
    assert main(["export", "--query", "通知", "--out", str(out), "--encoding", "gb18030", "--crlf",
                 "--index-dir", idx]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed and all(Path(p).parent == out.resolve() and Path(p).exists() for p in printed)
    assert main(["search", "通知", "--json", "--limit", "2", "--index-dir", idx]) == 0
    import json

    ids = [json.loads(record)["id"] for record in capsys.readouterr().out.splitlines()]
    assert main(["export", "--id", *ids, "--out", str(out), "--single-file", "两篇", "--index-dir", idx]) == 0
    [one] = capsys.readouterr().out.splitlines()
    assert len(read_export(one)) == 2
    assert main(["export", "--id", "no-such-id", "--out", str(out), "--index-dir", idx]) == 1
    assert "找不到" in capsys.readouterr().err


def test_notes_are_exported_with_their_documents(tmp_path, capsys, monkeypatch):
    """批注 go with the document they are about (issue 15): in the text header and the Word
    file, from the app's export and from `reader export --with-notes`."""
    import docx

    from reader.core.export import export_docx
    from reader.core.library.library import Library
    from reader.core.library.notes import DocKey, NotesStore

    monkeypatch.setenv("READER_NOTES_FILE", str(tmp_path / "notes.sqlite"))
    idx = _indexed_sample(tmp_path)
    lib = Library([], index_dir=idx)
    info = lib.documents()[0]
    doc = lib.document(info.id)
    store = NotesStore()
    store.add_note(DocKey(info.id, info.title, info.file), "请办公室跟进")
    store.add_note(DocKey(info.id, info.title, info.file), "重点", 0, 4, quote=doc.text[:4])
    notes = store.export_lines([info.id])
    store.close()
    assert notes[info.id] == ["请办公室跟进", f"「{doc.text[:4]}」重点"]
    (path,) = export_documents([doc], tmp_path / "txt", notes=notes)
    (fields, text), = read_export(path)
    assert fields["批注"] == f"「{doc.text[:4]}」重点" and text.startswith(doc.text[:20])
    assert "批注：请办公室跟进" in path.read_text(encoding="utf-8")
    (word,) = export_docx([doc], tmp_path / "docx", notes=notes)
    paragraphs = [p.text for p in docx.Document(str(word)).paragraphs]
    assert "批注：请办公室跟进" in paragraphs
    capsys.readouterr()
    out = tmp_path / "cli"
    assert main(["export", "--id", info.id, "--out", str(out), "--with-notes", "--index-dir", idx]) == 0
    assert "批注：请办公室跟进" in next(out.iterdir()).read_text(encoding="utf-8")
    lib.close()
