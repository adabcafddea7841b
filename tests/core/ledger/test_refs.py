"""Cross-references: what a document cites (resolved or not) and what cites it."""
from __future__ import annotations

import json

from reader.cli.main import main
from reader.core.library.library import Library
from reader.core.documents.pipeline import parse_file, parse_text
from reader.core.text.patterns import normalise_docno
from reader.core.ledger.refs import CrossRefs

CITED = """宁波市人民政府办公厅关于印发宁波市停车管理办法的通知
甬政办发〔2022〕30号
各区（县、市）人民政府，市直各单位：
《宁波市停车管理办法》已经市政府同意，现印发给你们，请认真贯彻执行。
宁波市人民政府办公厅
2022年6月1日
"""

CITING = """宁波市北仑区人民政府办公室关于贯彻落实停车管理办法的通知
仑政办〔2022〕40号
各街道办事处，区直各单位：
为贯彻落实《宁波市人民政府办公厅关于印发宁波市停车管理办法的通知》（甬政办发[2022]30号）和
《国务院办公厅关于加强城市停车设施建设的指导意见》（国办发〔2021〕46号）精神，结合我区实际，现通知如下。
宁波市北仑区人民政府办公室
2022年7月1日
"""


def _doc(text: str):
    return max(parse_text(text, "<test>"), key=lambda d: len(d.text))


def test_normalise_docno_folds_brackets_spaces_and_digits():
    assert normalise_docno("甬政办发 [2022] 30 号") == "甬政办发〔2022〕30号"
    assert normalise_docno("甬政办发（２０２２）３０号") == "甬政办发〔2022〕30号"
    assert normalise_docno("甬政办发【2022】30号") == "甬政办发〔2022〕30号"


def test_both_directions_over_documents():
    cited, citing = _doc(CITED), _doc(CITING)
    refs = CrossRefs.from_documents([cited, citing])
    out = refs.cites(citing.id)
    assert [c.doc_number for c in out] == ["甬政办发〔2022〕30号", "国办发〔2021〕46号"]
    assert [t.id for t in out[0].targets] == [cited.id]  # half-width brackets still resolve
    assert normalise_docno(out[0].printed) == "甬政办发〔2022〕30号" and "30号" in out[0].printed
    assert not out[1].resolved  # not in this set of documents: listed, unresolved
    assert citing.text[out[0].start:out[0].end] == out[0].printed
    by = refs.cited_by(cited.id)
    assert [c.source.id for c in by] == [citing.id]
    assert refs.cited_by(citing.id) == []


def test_own_doc_number_is_not_a_citation():
    cited = _doc(CITED)
    assert not any(s.type == "docref" for s in cited.entities)  # its header 文号: no docref span (pipeline passes it)
    refs = CrossRefs.from_documents([cited])
    assert refs.cites(cited.id) == []


def test_find_by_id_prefix_or_number():
    cited, citing = _doc(CITED), _doc(CITING)
    refs = CrossRefs.from_documents([cited, citing])
    assert [d.id for d in refs.find(cited.id)] == [cited.id]
    assert [d.id for d in refs.find(cited.id[:8])] == [cited.id]
    assert [d.id for d in refs.find("甬政办发(2022)30号")] == [cited.id]
    assert refs.find("国办发〔2021〕46号") == []


def test_seed_references_resolve_within_the_seeds(seed_files):
    docs = [d for f in seed_files for d in parse_file(f).documents]
    refs = CrossRefs.from_documents(docs)
    total = resolved = 0
    for d in docs:
        for c in refs.cites(d.id):
            total += 1
            resolved += c.resolved
            for t in c.targets:
                assert normalise_docno(t.doc_number) == c.doc_number
                assert any(x.source.id == d.id for x in refs.cited_by(t.id))
    assert total > 30
    assert resolved >= 5  # e.g. 发文目录 entries and a district plan citing the city plan


def test_library_refs_match_document_refs(seed_files):
    lib = Library([seed_files[0].parent])
    lib.update()
    refs = CrossRefs.from_library(lib)
    docs = [d for f in seed_files for d in parse_file(f).documents]
    direct = CrossRefs.from_documents(docs)
    n_lib = sum(len(refs.cites(i)) for i in refs.docs)
    n_direct = sum(len(direct.cites(d.id)) for d in docs)
    assert n_lib == n_direct
    assert sum(len(refs.cited_by(i)) for i in refs.docs) == sum(c.resolved * len(c.targets)
                                                                 for d in docs for c in direct.cites(d.id))


def test_cli_refs_lists_both_directions(capsys):
    # over the seed library (the default): find a document cited by another one
    lib = Library([])
    lib.update()
    refs = CrossRefs.from_library(lib)
    target = next(i for i in refs.docs if refs.cited_by(i))
    number = refs.docs[target].doc_number
    assert main(["refs", "--json", number]) == 0
    rec = json.loads(capsys.readouterr().out.splitlines()[0])
    assert rec["doc"]["id"] == target
    assert rec["cited_by"] and all(any(t["id"] == target for t in c["targets"]) for c in rec["cited_by"])
    assert main(["refs", target]) == 0
    text = capsys.readouterr().out
    assert "被引用" in text and "引用" in text and number in text


def test_cli_refs_unknown_document(capsys):
    assert main(["index"]) == 0
    assert main(["refs", "不存在发〔1999〕1号"]) == 1
    err = capsys.readouterr().err
    assert "不存在发〔1999〕1号" in err and "Traceback" not in err
