"""Word export: the .docx read back with python-docx (header, paragraphs, tables), names, CLI."""
from __future__ import annotations

import docx

from reader.cli.main import main
from reader.core.export import export_docx
from reader.core.model import Document, Metadata, Table


def make_doc(title="宁波市财政局关于测试导出的通知", number="甬财发〔2023〕8号", text="第一段。\n第二段，含符号：①𠮷。",
             tables=()):
    meta = Metadata(title=title, doc_number=number, issuers=["宁波市财政局", "宁波市税务局"],
                    date="2023-02-01", year=2023, kind="通知")
    return Document(file="/data/公文/测试.txt", encoding="utf-8", first_line=3, last_line=9,
                    meta=meta, text=text, tables=list(tables))


def _paragraphs(path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_docx_has_the_header_then_the_text(tmp_path):
    doc = make_doc()
    [path] = export_docx([doc], tmp_path)
    assert path.name == "甬财发〔2023〕8号 宁波市财政局关于测试导出的通知.docx"
    word = docx.Document(str(path))
    paras = [p.text for p in word.paragraphs]
    assert paras[0] == doc.title and word.paragraphs[0].style.name == "Heading 1"
    assert paras[1:4] == ["文号：甬财发〔2023〕8号", "发文机关：宁波市财政局、宁波市税务局", "成文日期：2023-02-01"]
    assert "第一段。" in paras and "第二段，含符号：①𠮷。" in paras
    assert not word.tables


def test_a_table_becomes_a_word_table_in_place_of_its_text(tmp_path):
    rows = [["序号", "单位", "金额"], ["1", "市财政局", "100"], ["2", "市税务局", "200"]]
    before, after = "一、资金安排如下：\n", "\n二、请按时报送。"
    table_text = "\n".join("\t".join(r) for r in rows)
    text = before + table_text + after
    table = Table(rows, 5, 7, len(before), len(before) + len(table_text))
    [path] = export_docx([make_doc(text=text, tables=[table])], tmp_path)
    word = docx.Document(str(path))
    [grid] = word.tables
    assert [[c.text for c in r.cells] for r in grid.rows] == rows
    paras = [p.text for p in word.paragraphs]
    assert "一、资金安排如下：" in paras and "二、请按时报送。" in paras
    assert not any("市财政局\t" in p for p in paras)  # the table's text is not repeated as paragraphs
    # the table sits between the two paragraphs, in the body's order
    body = [el.tag.rsplit("}", 1)[1] for el in word.element.body]
    i_tbl = body.index("tbl")
    texts = [p.text for p in word.paragraphs]
    assert body[:i_tbl].count("p") == texts.index("一、资金安排如下：") + 1


def test_single_file_and_never_overwrites(tmp_path):
    docs = [make_doc(), make_doc(title="第二篇通知", number=None, text="正文\x01二。")]
    [path] = export_docx(docs, tmp_path, single_file="合订本.docx")
    assert path.name == "合订本.docx"
    paras = _paragraphs(path)
    assert "宁波市财政局关于测试导出的通知" in paras and "第二篇通知" in paras and "正文二。" in paras
    [again] = export_docx(docs, tmp_path, single_file="合订本")
    assert again.name == "合订本 (2).docx"
    [one] = export_docx(docs[:1], tmp_path)
    [two] = export_docx(docs[:1], tmp_path)
    assert one != two and two.name.endswith(" (2).docx")


def test_cli_export_format_docx(tmp_path, monkeypatch, capsys):
    from reader.core.seeds import seeds_dir

    monkeypatch.setenv("READER_INDEX_DIR", str(tmp_path / "idx"))
    assert main(["index", str(seeds_dir())]) == 0
    capsys.readouterr()
    assert main(["export", "--query", "文号:甬政发〔2022〕21号", "--out", str(tmp_path / "out"),
                 "--format", "docx"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert line.endswith(".docx")
    assert "文号：甬政发〔2022〕21号" in _paragraphs(line)
