"""The document tree: issuer → year → documents, from metadata."""
from __future__ import annotations

from reader.core.library.records import DocInfo

from reader.ui.tree import ROLE_DOC_ID, DocTreeModel, doc_ids_under


def info(id, title, issuers=(), year=None, date=None, number=None, kind="通知"):
    return DocInfo(id=id, title=title, doc_number=number, issuers=list(issuers), canonical_issuers=list(issuers),
                   date=date, year=year, kind=kind, file="x.txt", first_line=1, last_line=2)


DOCS = [
    info("a", "甲局关于一的通知", ["甲局"], 2021, "2021-03-01", "甲发〔2021〕1号"),
    info("b", "甲局关于二的通知", ["甲局"], 2022, "2022-01-05", "甲发〔2022〕2号"),
    info("c", "甲局关于三的通知", ["甲局"], 2022, "2022-09-30", "甲发〔2022〕9号"),
    info("d", "甲局乙局关于联合的意见", ["甲局", "乙局"], 2022, "2022-05-01", kind="意见"),
    info("e", "无名文件", [], None),
    info("f", "乙局不知年份的通知", ["乙局"], None),
]


def _children(model, parent):
    return [model.index(r, 0, parent) for r in range(model.rowCount(parent))]


def test_tree_groups_by_issuer_then_year_newest_first(qtbot):
    model = DocTreeModel()
    model.set_documents(DOCS)
    assert model.issuers() == ["甲局", "乙局", "未识别"]  # most documents first, unknown last
    assert model.years("甲局") == ["2022", "2021"]
    assert model.years("乙局") == ["2022", "未识别"]
    jia = _children(model, model.index(-1, 0).parent())[0]
    assert jia.data() == "甲局（4）"
    y2022 = _children(model, jia)[0]
    assert y2022.data() == "2022（3）"
    # newest first within the year
    assert [i.data(ROLE_DOC_ID) for i in _children(model, y2022)] == ["c", "d", "b"]


def test_joint_issuance_sits_under_each_issuer_and_unknowns_under_未识别(qtbot):
    model = DocTreeModel()
    model.set_documents(DOCS)
    root = model.index(-1, 0)
    ids_by_issuer = {
        index.data(): doc_ids_under(model, [index]) for index in _children(model, root)
    }
    assert "d" in ids_by_issuer["甲局（4）"] and "d" in ids_by_issuer["乙局（2）"]
    assert ids_by_issuer["未识别（1）"] == ["e"]


def test_filter_narrows_to_matching_documents(qtbot):
    model = DocTreeModel()
    model.set_documents(DOCS)
    model.set_filter_text("联合")
    assert doc_ids_under(model, _children(model, model.index(-1, 0))) == ["d"]
    assert model.issuers() == ["甲局", "乙局"]  # the joint document under both issuers
    assert model.index(0, 0).data() == "甲局（1）"  # counts follow the filter
    model.set_filter_text("甲发〔2022〕")
    assert sorted(doc_ids_under(model, _children(model, model.index(-1, 0)))) == ["b", "c"]
    model.set_filter_text("乙局 通知")  # every word must match
    assert doc_ids_under(model, _children(model, model.index(-1, 0))) == ["f"]
    model.set_filter_text("")
    assert len(set(doc_ids_under(model, _children(model, model.index(-1, 0))))) == len(DOCS)


def test_tree_rows_parent_and_find(qtbot):
    model = DocTreeModel()
    model.set_documents(DOCS)
    index = model.find_doc("d")
    assert index.data(ROLE_DOC_ID) == "d"
    year = index.parent()
    assert year.data() == "2022（3）" and year.parent().data() == "甲局（4）"
    assert not year.parent().parent().isValid()
    assert model.rowCount(index) == 0 and model.rowCount(year) == 3


def test_window_tree_lists_the_seeds_issuers_and_years(open_window):
    window = open_window()
    docs = window.service.documents()
    assert docs, "the seeds give documents"
    model = window.tree_model
    expected_issuers = {i for d in docs for i in d.canonical_issuers}
    if any(not d.canonical_issuers for d in docs):
        expected_issuers.add("未识别")
    assert set(model.issuers()) == expected_issuers
    for issuer in expected_issuers:
        expected_years = {
            str(d.year) if d.year else "未识别"
            for d in docs
            if issuer in d.canonical_issuers or (issuer == "未识别" and not d.canonical_issuers)
        }
        assert set(model.years(issuer)) == expected_years
    # every document is reachable from the tree
    all_ids = doc_ids_under(model, _children(model, model.index(-1, 0)))
    assert set(all_ids) == {d.id for d in docs}


def test_selecting_a_year_node_selects_its_documents_for_export(open_window):
    window = open_window()
    model = window.tree_model
    issuer = model.index(0, 0)
    year = model.index(0, 0, issuer)
    window.left_tabs.setCurrentIndex(0)
    window.tree.selectionModel().select(year, window.tree.selectionModel().SelectionFlag.ClearAndSelect)
    ids = window.selected_doc_ids()
    assert ids and set(ids) == set(doc_ids_under(model, [year]))
    assert len(ids) == int(year.data().split("（")[1].rstrip("）"))


def test_filter_field_narrows_the_window_tree(open_window, qtbot):
    window = open_window()
    doc = window.service.documents()[0]
    window.tree_filter.setText(doc.title)
    qtbot.waitUntil(lambda: window.tree_model.filter_text() == doc.title.lower(), timeout=5000)
    ids = doc_ids_under(window.tree_model, _children(window.tree_model, window.tree_model.index(-1, 0)))
    assert doc.id in ids and len(ids) < len(window.service.documents())


def test_documents_with_the_same_title_are_told_apart(qtbot):
    from dataclasses import replace

    from reader.ui.tree import ROLE_SUBLINE

    base = info("l1", "江澜市人大常委会任免名单", ["江澜市人大常委会"], 2024, "2024-07-31")
    docs = [replace(base, id="l3", first_line=300), base, replace(base, id="l2", first_line=200),
            replace(base, id="l4", date="2024-06-28", first_line=50)]
    model = DocTreeModel()
    model.set_documents(docs)
    (issuer,) = _children(model, model.index(-1, 0))
    (year,) = _children(model, issuer)
    rows = {model.data(i, ROLE_DOC_ID): model.data(i, ROLE_SUBLINE) for i in _children(model, year)}
    assert len(set(rows.values())) == 4  # every row's second line differs
    assert "同名第1篇，共3篇" in rows["l1"] and "同名第2篇，共3篇" in rows["l2"] and "同名第3篇" in rows["l3"]
    assert rows["l4"] == "2024-06-28"  # its date already tells it apart


def test_same_titled_documents_of_a_pdf_name_their_page(qtbot):
    from dataclasses import replace

    from reader.ui.tree import ROLE_SUBLINE

    base = info("p1", "江澜市人大常委会任免名单", ["江澜市人大常委会"], 2024, "2024-07-31")
    docs = [replace(base, file="公报.pdf", first_line=9, pages=(2, 2)),
            replace(base, id="p2", file="公报.pdf", first_line=40, pages=(5, 6))]
    model = DocTreeModel()
    model.set_documents(docs)
    (issuer,) = _children(model, model.index(-1, 0))
    (year,) = _children(model, issuer)
    rows = {model.data(i, ROLE_DOC_ID): model.data(i, ROLE_SUBLINE) for i in _children(model, year)}
    assert "（第2页起）" in rows["p1"] and "（第5页起）" in rows["p2"] and "行" not in "".join(rows.values())
