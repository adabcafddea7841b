"""reader.core.ledger.links: the ledger rows, unit → documents and cross-references, grouped
from what the library stored at index time (no Qt)."""
from __future__ import annotations

from reader.core.ledger.links import compute_links
from reader.core.library.library import Library
from tests.core.ledger.test_rows import A, B

CITING = """宁波市北仑区人民政府办公室关于落实城市更新工作的通知
仑政办发〔2023〕3号
各街道办事处：
为落实《宁波市北仑区人民政府关于加快推进城市更新的实施意见》（仑政发〔2023〕19号），现就有关事项通知如下。
一、6月底前完成摸底。（责任单位：区住建局）
宁波市北仑区人民政府办公室
2023年5月1日
"""


def _library(tmp_path) -> Library:
    folder = tmp_path / "公文"
    folder.mkdir()
    for name, text in (("a.txt", A), ("b.txt", B), ("c.txt", CITING)):
        (folder / name).write_text(text, encoding="utf-8")
    lib = Library([folder], index_dir=tmp_path / "index")
    lib.update()
    return lib


def test_links_group_rows_units_and_citations(tmp_path):
    lib = _library(tmp_path)
    links = compute_links(lib.stored_links(), unknown="?")
    titles = {doc.meta.title for doc, _ in links.rows}
    assert len(links.rows) == 5 and len(titles) == 3  # two items each in A and B, one in CITING
    housing = links.unit_docs["宁波市北仑区住房和城乡建设局"]
    assert sorted(d.doc_number for d in housing) == ["仑政办发〔2023〕3号", "仑政发〔2023〕19号"]
    assert "区住建局" in links.unit_printed["宁波市北仑区住房和城乡建设局"]
    cited = next(d for d in housing if d.doc_number == "仑政发〔2023〕19号")
    assert [c.source.doc_number for c in links.refs.cited_by(cited.id)] == ["仑政办发〔2023〕3号"]
    assert links.ledger.rows == links.rows  # the 台账's table is built beside them
    lib.close()


def test_cancelled_links_are_none(tmp_path):
    lib = _library(tmp_path)
    assert compute_links(lib.stored_links(), cancelled=lambda: True) is None
    assert compute_links(None) is None
    lib.close()
