"""Tables: tab-separated, column-aligned and HTML <table> rows become structure (rows of cell
strings with their source lines and offsets in the reading text), layout markup goes."""
from __future__ import annotations

import json
import re

from reader.core.model import Document, Table
from reader.core.documents.pipeline import parse_text
from reader.core.text.tables import aligned_rows, strip_layout_markup, table_row_texts

NOTICE = """\
江澜市青岫区人民政府办公室关于印发2023年民生实事任务分解表的通知
江青政办〔2023〕12号
各街道办事处，区直各单位：
现将《2023年民生实事任务分解表》印发给你们，请认真贯彻执行。
江澜市青岫区人民政府办公室
2023年3月1日
2023年民生实事任务分解表
序号\t任务\t牵头单位\t完成时限
1\t新建城市公园5个\t区住建局\t2023年9月底前
2\t新增养老机构床位300张\t区民政局
3\t完成老旧小区改造12个\t区住建局\t2023年11月30日前
（此表由区政府办公室负责解释）
"""

MARKUP = """\
江澜市人民政府办公室关于印发产业园建设重点的通知
江政办发〔2023〕9号
各县（市、区）人民政府，市直各单位：
<p>现将产业园建设重点印发给你们，请<br>认真贯彻执行。</p>
<ol style="list-style-type: none"> 1. 加快（**牵头单位：市经信局**）园区建设。</ol>
<p>专栏1：特色产业园</p>\t<table border="1"><thead><tr><th>领域</th><th>产业园</th><th>主导行业</th></tr></thead>\
<tbody><tr><td rowspan="2">基础零部件</td><td>机器人小镇（青岫区）</td><td>工业机器人</td></tr>\
<tr><td>模具产业园&amp;基地</td><td>精密模具</td></tr><tr><td colspan="2">合计</td><td>2个</td></tr></tbody></table>\
\t领域\t产业园\t主导行业\t基础零部件\t机器人小镇（青岫区）\t工业机器人\t模具产业园&基地\t精密模具\t合计\t2个
江澜市人民政府办公室
2023年5月6日
"""


def test_tab_separated_rows_are_a_table_in_the_document():
    (doc,) = parse_text(NOTICE)
    (table,) = doc.tables
    assert table.rows == [
        ["序号", "任务", "牵头单位", "完成时限"],
        ["1", "新建城市公园5个", "区住建局", "2023年9月底前"],
        ["2", "新增养老机构床位300张", "区民政局", ""],  # a short row gets empty cells
        ["3", "完成老旧小区改造12个", "区住建局", "2023年11月30日前"],
    ]
    assert (table.first_line, table.last_line) == (8, 11)
    assert doc.text[table.start:table.end].split("\n") == ["\t".join(r) for r in table.rows]
    assert "（此表由区政府办公室负责解释）" in doc.text[table.end:]
    # dates, numbers and units inside cells are found like anywhere else
    inside = {(s.type, s.text) for s in doc.entities if table.start <= s.start < table.end}
    assert ("date", "2023年9月底前") in inside and ("number", "300张") in inside


def test_html_table_rows_and_spans_and_no_markup_left():
    (doc,) = parse_text(MARKUP)
    (table,) = doc.tables
    assert table.rows == [
        ["领域", "产业园", "主导行业"],
        ["基础零部件", "机器人小镇（青岫区）", "工业机器人"],
        ["", "模具产业园&基地", "精密模具"],  # under a rowspan: an empty cell
        ["合计", "", "2个"],  # a colspan: the cell, then an empty one
    ]
    assert table.first_line == table.last_line == 6
    for markup in ("<p>", "</p>", "<br>", "<ol", "</ol>", "**", "<table", "<td", "&amp;"):
        assert markup not in doc.text, markup
    assert "现将产业园建设重点印发给你们，请 认真贯彻执行。" in doc.text or "请认真贯彻执行。" in doc.text
    assert "（牵头单位：市经信局）" in doc.text
    assert "专栏1：特色产业园" in doc.text
    assert doc.text.count("机器人小镇") == 1  # the flat copy of the cells after the markup is gone


def test_other_tags_stay_text():
    kept = "关于<b>加粗</b>和<script>x</script>的通知"
    assert strip_layout_markup(kept) == kept
    assert strip_layout_markup("<p>第一段</p><p>第二段</p>") == "第一段  第二段"
    assert table_row_texts("没有表格") is None


def test_table_round_trip_json_and_aligned_export():
    (doc,) = parse_text(NOTICE)
    (table,) = doc.tables
    record = json.loads(json.dumps(doc.to_json(), ensure_ascii=False))
    assert [Table.from_dict(t) for t in record["tables"]] == [table]
    lines = aligned_rows(table)
    assert lines[0].startswith("序号  任务")
    # every column starts at the same display column on every line
    col = [re.search(r"区(?:住建|民政)局", line).start() for line in lines[1:]]
    assert len(set(_display_col(line, c) for line, c in zip(lines[1:], col))) == 1


def _display_col(line: str, index: int) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line[:index])


def test_document_without_tables_has_none():
    (doc,) = parse_text(
        "江澜市人民政府关于某事的通知\n各单位：\n现将有关事项通知如下。\n江澜市人民政府\n2023年1月1日\n")
    assert doc.tables == [] and doc.to_json()["tables"] == []
    assert isinstance(doc, Document)


def test_export_writes_tables_as_aligned_text(tmp_path):
    from reader.core.export import export_documents, read_export

    (doc,) = parse_text(NOTICE)
    (path,) = export_documents([doc], tmp_path)
    ((fields, body),) = read_export(path)
    assert "\t" not in body
    assert "\n".join(aligned_rows(doc.tables[0])) in body
    assert body.startswith(doc.text[: doc.tables[0].start])


def test_a_row_cut_inside_its_last_cell_is_one_row():
    text = NOTICE.replace("2\t新增养老机构床位300张\t区民政局\n",
                          "2\t新增养老机构床位300张，\n新建社区食堂10个\t区民政局\n")
    (doc,) = parse_text(text)
    assert doc.tables[0].rows[2] == ["2", "新增养老机构床位300张，新建社区食堂10个", "区民政局", ""]


def test_a_row_under_a_category_printed_once_is_shifted_right():
    text = NOTICE.split("2023年民生实事任务分解表")[0] + (
        "目标任务分解表\n"
        "指标类别\t指标名称\t2020年基数\t2025年目标\t牵头单位\n"
        "综合效益\t规上工业增加值率(%)\t22.6\t24.5\t区经信局\n"
        "规上工业亩均税收(万元/亩)\t44.4\t60\t区经信局\n"
        "创新能力\t研发投入(亿元)\t54\t90\t区科技局\n"
    )
    (doc,) = parse_text(text)
    assert doc.tables[0].rows[2] == ["", "规上工业亩均税收(万元/亩)", "44.4", "60", "区经信局"]
    (notice,) = parse_text(NOTICE)  # numbered rows: a short row ends empty
    assert notice.tables[0].rows[2][-1] == ""


HEAD = NOTICE.split("2023年民生实事任务分解表\n序号")[0]


def test_empty_first_and_last_cells_printed_as_tabs_are_kept():
    """A row that prints its empty cells as tabs keeps them: a section row under the header
    ("推进城市更新\t\t\t") does not cut the table in two, a row under a group cell keeps its place."""
    text = HEAD + (
        "重点任务清单\n"
        "序号\t关键节点\t措施\t牵头单位\n"
        "推进城市更新\t\t\t\n"
        "1\t老旧小区改造\t完成改造小区12个。\t区住建局\n"
        "\t\t新增停车位300个。\t区住建局\n"
        "2\t排水设施建设\t新建雨污管网30公里。\t区水利局\n"
        "\t违章占压管道\t\t\n"
    )
    (doc,) = parse_text(text)
    (table,) = doc.tables
    assert table.rows == [
        ["序号", "关键节点", "措施", "牵头单位"],
        ["推进城市更新", "", "", ""],
        ["1", "老旧小区改造", "完成改造小区12个。", "区住建局"],
        ["", "", "新增停车位300个。", "区住建局"],
        ["2", "排水设施建设", "新建雨污管网30公里。", "区水利局"],
        ["", "违章占压管道", "", ""],
    ]
    assert doc.text[table.start:table.end].split("\n") == ["\t".join(r) for r in table.rows]


def test_a_cell_wrapped_onto_a_row_of_its_own_joins_the_cell_above():
    text = HEAD + (
        "隐患单位汇总表\n"
        "序号\t单位\t上报的隐患\t督办单位\n"
        "1\t江澜大厦\t1. 消防车道被占用； 2. 消防控制室操作\t区消防救援大队\n"
        "\t\t人员未持证上岗。\t\n"
        "2\t江澜物流园\t未设置消防供水管网。\t区应急管理局\n"
        "\t\t2. 消防通道堵塞。\t\n"
    )
    (doc,) = parse_text(text)
    rows = doc.tables[0].rows
    assert rows[1] == ["1", "江澜大厦", "1. 消防车道被占用； 2. 消防控制室操作人员未持证上岗。", "区消防救援大队"]
    # under a finished cell, or opening an item of its own: a row of its own
    assert rows[2:] == [["2", "江澜物流园", "未设置消防供水管网。", "区应急管理局"], ["", "", "2. 消防通道堵塞。", ""]]


def test_a_numbered_row_missing_its_group_cell_moves_under_the_numbers():
    text = HEAD + (
        "主要指标\n"
        "领域\t序号\t指标名称\t2020年\t2025年\n"
        "学有优教\t5\t优质幼儿园占比（%）\t70.5\t80\n"
        "\t6\t儿童预期受教育年限（年）\t15.12\t15.5\n"
        "7\t高等教育毛入学率（%）\t69\t75\t\n"
        "劳有厚得\t8\t城镇新增就业人员（万人）\t21\t90\n"
    )
    (doc,) = parse_text(text)
    assert doc.tables[0].rows[3] == ["", "7", "高等教育毛入学率（%）", "69", "75"]
