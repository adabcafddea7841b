"""引用 tab: what the open document cites (links open it, unresolved shown as text) and what cites it."""
from __future__ import annotations

CITED = """宁波市北仑区人民政府关于印发北仑区城市更新三年行动计划的通知
仑政发〔2023〕5号
各街道办事处，区直各单位：
现将《北仑区城市更新三年行动计划》印发给你们，请认真贯彻执行。
宁波市北仑区人民政府
2023年2月1日
"""

CITING = """宁波市北仑区人民政府办公室关于做好城市更新项目推进工作的通知
仑政办发〔2023〕12号
各街道办事处，区直各单位：
根据《北仑区城市更新三年行动计划》（仑政发[2023]5号）和《浙江省城市更新条例》（浙政发〔2022〕99号）要求，现就有关事项通知如下。
一、按照仑政发（2023）5号的分工抓好落实。
宁波市北仑区人民政府办公室
2023年5月10日
"""


def _ready(window, qtbot):
    qtbot.waitUntil(lambda: window.service.links() is not None and not window.service.links_pending()
                    and len(window.service.links().refs.docs) == len(window.service.documents()), timeout=60_000)


def test_cites_and_cited_by_in_the_side_panel(open_window, qtbot, tmp_path):
    folder = tmp_path / "公文"
    folder.mkdir()
    (folder / "计划.txt").write_text(CITED, encoding="utf-8")
    (folder / "通知.txt").write_text(CITING, encoding="gb18030")
    window = open_window(folders=[str(folder)])
    _ready(window, qtbot)
    by_number = {d.doc_number: d.id for d in window.service.documents()}
    cited_id, citing_id = by_number["仑政发〔2023〕5号"], by_number["仑政办发〔2023〕12号"]
    assert window.side_tabs.indexOf(window.refs_panel) >= 0

    window.open_document(citing_id)
    cites = window.refs_panel.rows("cites")
    # one row per cited number (printed with [] and （） both resolve to the plan), plus the unresolved one
    opened = [a for _, a in cites if a and a[0] == "open"]
    assert [a[1] for a in opened] == [cited_id]
    assert any("×2" in text for text, a in cites if a and a[0] == "open")
    unresolved = [(text, a) for text, a in cites if a and a[0] == "scroll"]
    assert len(unresolved) == 1 and "浙政发〔2022〕99号" in unresolved[0][0]
    assert "公文库中没有" in unresolved[0][0]
    # an unresolved number scrolls to where it is cited
    group = window.refs_panel.cites_group
    item = next(group.child(i) for i in range(group.childCount()) if group.child(i).text(0) == unresolved[0][0])
    window.refs_panel._clicked(item)
    cursor = window.reading.view.textCursor()
    assert cursor.selectedText() == "浙政发〔2022〕99号"
    # the resolved one opens the cited document
    item = next(group.child(i) for i in range(group.childCount()) if group.child(i).text(0) == cites[0][0])
    window.refs_panel._clicked(item)
    assert window.current_doc_id == cited_id

    # the cited document lists who cites it; a click opens the citing one at the citation
    cited_by = window.refs_panel.rows("cited_by")
    assert len(cited_by) == 1 and cited_by[0][1][1] == citing_id
    assert "仑政办发〔2023〕12号" in cited_by[0][0]
    assert window.refs_panel.rows("cites") == []
    group = window.refs_panel.cited_by_group
    window.refs_panel._clicked(group.child(0))
    assert window.current_doc_id == citing_id
    assert window.reading.view.textCursor().selectedText() == "仑政发[2023]5号"

    # a number printed with other brackets is a link in the reading pane too
    window.open_doc_number("仑政发[2023]5号")
    assert window.current_doc_id == cited_id


def test_refs_panel_on_the_seeds_matches_crossrefs(open_window, qtbot):
    from reader.core.ledger.refs import CrossRefs

    window = open_window()
    _ready(window, qtbot)
    refs = CrossRefs.from_library(window.service.library)
    cited = [d for d in window.service.documents() if refs.cited_by(d.id)]
    assert cited, "some seed document is cited by another"
    doc = cited[0]
    window.open_document(doc.id)
    sources = {c.source.id for c in refs.cited_by(doc.id)}
    assert {a[1] for _, a in window.refs_panel.rows("cited_by")} == sources
    numbers = {c.doc_number for c in refs.cites(doc.id)}
    assert len(window.refs_panel.rows("cites")) >= len(numbers)
