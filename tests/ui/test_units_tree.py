"""The tree's 按责任单位 view: responsible unit (canonical) → documents, counts, filter, remembered."""
from __future__ import annotations

from types import SimpleNamespace

from reader.core.library.grouping import plan_unit_tree
from reader.ui.tree import ROLE_DOC_ID, ROLE_KEY, ROLE_NODE, DocTreeModel, doc_ids_under

PLAN = """宁波市北仑区人民政府关于加快推进城市更新的实施意见
仑政发〔2023〕8号
各街道办事处，区直各单位：
一、重点任务
（一）实施老旧小区改造。6月底前完成改造小区15个。（牵头单位：区住建局；配合单位：区财政局）
（二）完善排水设施。新建雨污管网30公里。（牵头单位：区水利局；配合单位：区住建局）
宁波市北仑区人民政府
2023年4月1日
"""

NOTICE = """宁波市北仑区人民政府办公室关于做好防汛工作的通知
仑政办发〔2023〕12号
各街道办事处，区直各单位：
会议要求区水利局牵头，区应急管理局、区气象局配合，于6月20日前完成防汛检查。
宁波市北仑区人民政府办公室
2023年5月10日
"""


def _info(id_, title, date):
    return SimpleNamespace(id=id_, title=title, doc_number=None, date=date, issuers=[], canonical_issuers=[],
                           kind="通知", year=int(date[:4]))


def _top_rows(model):
    return [model.index(r, 0) for r in range(model.rowCount())]


def test_unit_plan_groups_counts_and_filters(qtbot):
    a, b, c = _info("a", "甲文", "2023-01-02"), _info("b", "乙文", "2023-05-01"), _info("c", "丙文", "2022-01-01")
    unit_docs = {"北仑区住房和城乡建设局": [a, c, b], "北仑区水利局": [b]}
    printed = {"北仑区住房和城乡建设局": ["区住建局"], "北仑区水利局": ["区水利局"]}
    model = DocTreeModel()
    model.set_plan(plan_unit_tree(unit_docs, printed))
    assert model.top_kind() == "unit"
    rows = _top_rows(model)
    assert [r.data() for r in rows] == ["北仑区住房和城乡建设局（3）", "北仑区水利局（1）"]
    assert rows[0].data(ROLE_NODE) == "unit"
    # documents right under the unit, newest first
    assert [model.index(i, 0, rows[0]).data(ROLE_DOC_ID) for i in range(3)] == ["b", "a", "c"]
    assert model.index(0, 0, rows[0]).data(ROLE_NODE) == "doc"
    # the filter matches titles and the printed unit names; counts follow
    model.set_filter_text("甲文")
    assert [r.data() for r in _top_rows(model)] == ["北仑区住房和城乡建设局（1）"]
    model.set_filter_text("区住建局")
    assert [r.data() for r in _top_rows(model)] == ["北仑区住房和城乡建设局（3）"]
    model.set_filter_text("没有这个")
    assert model.rowCount() == 0
    model.set_filter_text("")
    assert sorted(doc_ids_under(model, _top_rows(model))) == ["a", "b", "c"]


def test_window_unit_view_from_documents_i_wrote(open_window, qtbot, tmp_path, make_settings):
    folder = tmp_path / "公文"
    folder.mkdir()
    (folder / "计划.txt").write_text(PLAN, encoding="utf-8")
    (folder / "通知.txt").write_text(NOTICE, encoding="gb18030")
    settings = make_settings()
    window = open_window(folders=[str(folder)], settings=settings)
    qtbot.waitUntil(lambda: window.service.links() is not None and not window.service.links_pending(), timeout=60_000)
    window.tree_mode.setCurrentIndex(window.tree_mode.findData("unit"))
    model = window.tree_model
    assert model.top_kind() == "unit"
    units = model.top_keys()
    # canonical names (the district's, from the documents' place), not the short printed forms
    assert "宁波市北仑区住房和城乡建设局" in units and "宁波市北仑区水利局" in units
    assert not any(u.startswith("区") for u in units)
    docs = {d.title: d.id for d in window.service.documents()}
    water = model.docs_under("宁波市北仑区水利局")
    assert sorted(water) == sorted(docs.values()), "both documents give 区水利局 a task"
    assert model.docs_under("宁波市北仑区住房和城乡建设局") == [docs[PLAN.splitlines()[0]]]
    keys = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert any(k.startswith("宁波市北仑区水利局（2）") for k in keys)
    # the filter works in this view too
    window.tree_filter.setText("防汛")
    window._filter_tree("防汛")
    assert all(model.docs_under(u) == [docs[NOTICE.splitlines()[0]]] for u in model.top_keys())
    assert "北仑区住房和城乡建设局" not in model.top_keys()
    window.tree_filter.setText("")
    window._filter_tree("")
    # clicking a document in this view opens it
    index = model.find_doc(docs[NOTICE.splitlines()[0]])
    window.tree.setCurrentIndex(index)
    assert window.current_doc_id == docs[NOTICE.splitlines()[0]]
    # remembered: a new window on the same settings opens in the unit view
    assert settings.tree_mode() == "unit"
    window.tree_mode.setCurrentIndex(window.tree_mode.findData("issuer"))
    assert model.top_kind() == "issuer" and settings.tree_mode() == "issuer"
    window.tree_mode.setCurrentIndex(window.tree_mode.findData("unit"))
    again = open_window(folders=[str(folder)], settings=make_settings())
    assert again.tree_view_mode() == "unit"
    qtbot.waitUntil(lambda: again.tree_model.top_kind() == "unit" and again.tree_model.rowCount() > 0, timeout=60_000)


def test_unit_view_on_the_seeds_covers_every_ledger_unit(open_window, qtbot):
    window = open_window()
    qtbot.waitUntil(lambda: window.service.links() is not None and not window.service.links_pending(), timeout=60_000)
    window.tree_mode.setCurrentIndex(window.tree_mode.findData("unit"))
    links = window.service.links()
    expected = {u.canonical for _, t in links.rows for u in t.units if u.canonical}
    assert set(window.tree_model.top_keys()) == expected and expected
    # counts on every unit node are the number of its documents
    for r in range(window.tree_model.rowCount()):
        index = window.tree_model.index(r, 0)
        n = int(index.data().rsplit("（", 1)[1].rstrip("）"))
        assert n == window.tree_model.rowCount(index) == len(links.unit_docs[index.data(ROLE_KEY)])
