"""Task ledger (任务台账): who leads, who cooperates, by when, how much.

Documents written here cover prose responsibilities, a 工作分工 notice, labelled clauses
broken over lines with full- and half-width brackets, 任务分解 tables (tab-separated with a
row broken mid-clause, and HTML). The seed tests check general properties only.
"""
from __future__ import annotations

import csv
import io
import json
import re

import pytest

from reader.cli.main import main
from reader.core.documents.pipeline import parse_file, parse_text
from reader.core.ledger.tasks import Task, extract_tasks, tasks_for_unit
from reader.core.documents.organisations import Unit, canonical_unit, unit_matches

PROSE = """宁波市北仑区防汛工作会议纪要
仑政纪〔2023〕5号
2023年5月30日，区政府召开防汛工作会议。会议纪要如下：
一、关于城区排涝设施排查
会议要求区水利局牵头，区应急管理局、区气象局配合，于6月20日前完成全区排涝泵站排查，
排查泵站不少于35座。
二、关于地下空间防汛
由区住建局会同区综合执法局制定地下车库防汛应急方案，6月底前报区政府。
三、关于物资储备
区应急管理局负责，各街道配合，年底前新增防汛沙袋2万只。
宁波市北仑区人民政府办公室
2023年5月31日
"""

DUTY = """宁波市海曙区人民政府关于区政府领导工作分工的通知
海政发〔2023〕3号
各乡镇人民政府、街道办事处，区政府各部门：
现将区政府领导工作分工通知如下：
区长 张 三 领导区政府全面工作。负责审计方面工作。
分管区审计局。
副区长李四　负责发展改革、财政、住房和城乡建设等方面工作。
分管区发改局、区财政局、区住建局（区人防办）。
联系区税务局、人行海曙支行。
副区长王五五 负责教育、人力资源和社会保障等方面工作。
分管区教育局、区人社局、区
市场监管局。
联系区总工会、团区委等。
宁波市海曙区人民政府
2023年2月1日
"""

ITEMS = """宁波市北仑区人民政府关于加快推进城市更新的实施意见
仑政发〔2023〕8号
各街道办事处，区直各单位：
为推进城市更新，提出如下意见。
一、重点任务
（一）实施老旧小区改造。2023年完成改造小区15个，惠及居民1.2万户。(牵头领导：张三，主要责任单
位：区住建局、区发改局等部门、单位；配合单位：区财政局，各街道）
（二）完善排水设施。新建雨污管网30公里。（牵头单位：区水利局；配合单位：区住建局、区综合执法局）
（三）盘活存量用地。2023年6月底前出台低效用地再开发办法。（责任单位：区资规分局、区经信局、区财政局）
宁波市北仑区人民政府
2023年4月1日
"""

TABLE = """宁波市北仑区人民政府办公室关于印发2023年民生实事任务分解表的通知
仑政办〔2023〕12号
各街道办事处，区直各单位：
现将《2023年民生实事任务分解表》印发给你们，请认真贯彻执行。
宁波市北仑区人民政府办公室
2023年3月1日
2023年民生实事任务分解表
序号\t任务\t牵头单位\t配合单位\t完成时限
1\t新建城市公园5个，
改造提升口袋公园20个\t区住建局\t区财政局、区资规分局\t2023年9月底前
2\t新增养老机构床位300张\t区民政局\t区卫健局、各街道\t年底前
3\t完成老旧小区改造12个（含加装电梯）\t区住建局\t区发改局(区粮食局)、区财政局等部门、单位\t2023年11月30日前
"""

HTML_TABLE = """宁波市北仑区人民政府办公室关于印发重点工作任务清单的通知
仑政办〔2023〕15号
各街道办事处，区直各单位：
现将任务清单印发给你们。
宁波市北仑区人民政府办公室
2023年4月2日
<table border="1"><tr><th>序号</th><th>重点任务</th><th>责任单位</th><th>完成时间</th></tr>\
<tr><td>1</td><td>建成区级数据中心</td><td>区大数据中心、区经信局</td><td>2023年10月底前</td></tr>\
<tr><td>2</td><td>完成&quot;一网通办&quot;改革</td><td>区政务办</td><td>持续推进</td></tr></table>
"""


def _one_doc(text: str):
    docs = parse_text(text, "<test>")
    assert docs, "the pipeline found no document"
    # the body we wrote is one document; take the one holding the most text
    return max(docs, key=lambda d: len(d.text))


def _printed(units: list[Unit]) -> list[str]:
    return [u.printed for u in units]


def _canonical(units: list[Unit]) -> list[str]:
    return [u.canonical for u in units]


def _healed(doc, t: Task) -> str:
    return doc.text[t.start:t.end].replace("\n", "")


# ---------------------------------------------------------------- prose
def test_prose_responsibilities_give_lead_cooperating_and_deadline():
    doc = _one_doc(PROSE)
    tasks = extract_tasks(doc)
    assert len(tasks) == 3
    t1, t2, t3 = tasks
    assert _printed(t1.lead_units) == ["区水利局"]
    assert _printed(t1.cooperating_units) == ["区应急管理局", "区气象局"]
    assert t1.deadlines == ["6月20日前"]
    assert t1.targets == ["35座"]
    assert t1.path == "一、"
    assert t1.text.startswith("会议要求区水利局牵头")  # not the heading title before it
    assert t1.kind == "sentence"
    # 由X会同Y: X leads, Y cooperates
    assert _printed(t2.lead_units) == ["区住建局"] and _printed(t2.cooperating_units) == ["区综合执法局"]
    assert t2.deadlines == ["6月底前"]
    assert _printed(t3.lead_units) == ["区应急管理局"] and _printed(t3.cooperating_units) == ["各街道"]
    assert t3.deadlines == ["年底前"] and t3.targets == ["2万只"]


def test_units_are_canonicalised_with_the_documents_district():
    doc = _one_doc(PROSE)
    t1, t2, _ = extract_tasks(doc)
    assert _canonical(t1.lead_units) == ["宁波市北仑区水利局"]
    assert _canonical(t2.lead_units) == ["宁波市北仑区住房和城乡建设局"]
    assert _canonical(t2.cooperating_units) == ["宁波市北仑区综合行政执法局"]


def test_task_offsets_point_at_the_task_in_the_reading_text():
    for text in (PROSE, DUTY, ITEMS):
        doc = _one_doc(text)
        tasks = extract_tasks(doc)
        assert tasks
        for t in tasks:
            assert 0 <= t.start < t.end <= len(doc.text)
            assert t.text and t.text in _healed(doc, t)


# ---------------------------------------------------------------- 工作分工
def test_division_of_duties_each_leader_is_a_task():
    doc = _one_doc(DUTY)
    tasks = extract_tasks(doc)
    assert [t.kind for t in tasks] == ["duty"] * 3
    assert [t.lead_officials for t in tasks] == [["张三"], ["李四"], ["王五五"]]
    li = tasks[1]
    assert _printed(li.lead_units) == ["区发改局", "区财政局", "区住建局（区人防办）"]
    assert _canonical(li.lead_units) == [
        "宁波市海曙区发展和改革局", "宁波市海曙区财政局", "宁波市海曙区住房和城乡建设局"]
    assert _printed(li.cooperating_units) == ["区税务局", "人行海曙支行"]
    wang = tasks[2]
    # the 分管 list broken over two lines is still one list; 等 is dropped
    assert _printed(wang.lead_units) == ["区教育局", "区人社局", "区市场监管局"]
    assert _printed(wang.cooperating_units) == ["区总工会", "团区委"]
    assert "宁波市海曙区人力资源和社会保障局" in _canonical(wang.lead_units)


# ---------------------------------------------------------------- labelled clauses
def test_labelled_clauses_broken_over_lines_with_mixed_brackets():
    doc = _one_doc(ITEMS)
    tasks = extract_tasks(doc)
    assert [t.path for t in tasks] == ["一、（一）", "一、（二）", "一、（三）"]
    t1, t2, t3 = tasks
    # half-width "(" closed by full-width "）", label broken as 主要责任单\n位, 等部门、单位 dropped
    assert t1.lead_officials == ["张三"]
    assert _printed(t1.lead_units) == ["区住建局", "区发改局"]
    assert _printed(t1.cooperating_units) == ["区财政局", "各街道"]
    assert t1.targets == ["15个", "1.2万户"]
    assert t1.text.startswith("实施老旧小区改造") and t1.text.endswith("各街道）")
    assert _printed(t2.lead_units) == ["区水利局"]
    assert _printed(t2.cooperating_units) == ["区住建局", "区综合执法局"]
    assert t2.targets == ["30公里"]
    # a 责任单位 list without a rule saying who leads: all are responsible (lead)
    assert _printed(t3.lead_units) == ["区资规分局", "区经信局", "区财政局"] and not t3.cooperating_units
    assert t3.deadlines == ["2023年6月底前"]


def test_first_of_a_responsible_list_leads_only_where_the_document_says_so():
    text = ITEMS.replace("为推进城市更新，提出如下意见。",
                         "为推进城市更新，提出如下意见。责任单位中列第一位的为牵头单位。")
    t3 = extract_tasks(_one_doc(text))[2]
    assert _printed(t3.lead_units) == ["区资规分局"]
    assert _printed(t3.cooperating_units) == ["区经信局", "区财政局"]


def test_several_clauses_in_one_item_split_the_item():
    text = """宁波市人民政府办公厅关于推动外贸发展的实施意见
甬政办发〔2023〕7号
1.推动跨境电商创新。优化跨境电商监管服务。（牵头单位：市商务局；配合单位：宁波海关）鼓励各地加大支持力度。（牵头单位：各区（县、市）政府；配合单位：市财政局）
宁波市人民政府办公厅
2023年1月5日
"""
    tasks = extract_tasks(_one_doc(text))
    assert len(tasks) == 2
    assert tasks[0].text.startswith("推动跨境电商创新") and tasks[0].text.endswith("宁波海关）")
    assert tasks[1].text.startswith("鼓励各地加大支持力度")
    assert _printed(tasks[1].lead_units) == ["各区（县、市）政府"]  # 、 inside brackets is no separator
    assert _canonical(tasks[0].lead_units) == ["宁波市商务局"]
    assert tasks[0].path == tasks[1].path == "1."


def test_heading_path_nests_numbering_levels():
    text = """宁波市人民政府关于印发行动方案的通知
甬政发〔2023〕9号
三、主要任务
（二）推进数字化改革
12.建设城市大脑。（责任单位：市大数据局）
13.完善公共数据平台。（责任单位：市大数据局、市经信局）
四、保障措施
宁波市人民政府
2023年2月1日
"""
    tasks = extract_tasks(_one_doc(text))
    assert [t.path for t in tasks] == ["三、（二）12.", "三、（二）13."]


# ---------------------------------------------------------------- tables
def test_task_table_with_a_row_broken_mid_clause():
    doc = _one_doc(TABLE)
    tasks = [t for t in extract_tasks(doc) if t.kind == "table"]
    assert len(tasks) == 3
    t1, t2, t3 = tasks
    assert t1.text == "新建城市公园5个，改造提升口袋公园20个"
    assert t1.path == "1."
    assert _printed(t1.lead_units) == ["区住建局"]
    assert _printed(t1.cooperating_units) == ["区财政局", "区资规分局"]
    assert t1.deadlines == ["2023年9月底前"]
    assert t1.targets == ["5个", "20个"]
    assert t2.deadlines == ["年底前"] and _printed(t2.cooperating_units) == ["区卫健局", "各街道"]
    assert _printed(t3.cooperating_units) == ["区发改局(区粮食局)", "区财政局"]
    assert _canonical(t3.cooperating_units) == ["宁波市北仑区发展和改革局", "宁波市北仑区财政局"]
    for t in tasks:  # the row's place in the reading text
        assert doc.text[t.start:t.end].startswith(t.path.rstrip("."))


def test_html_task_table():
    tasks = extract_tasks(_one_doc(HTML_TABLE))
    assert [t.text for t in tasks] == ["建成区级数据中心", '完成"一网通办"改革']
    assert _printed(tasks[0].lead_units) == ["区大数据中心", "区经信局"]
    assert tasks[0].deadlines == ["2023年10月底前"]
    assert tasks[1].deadlines == ["持续推进"]


def test_a_table_without_responsibility_columns_gives_no_tasks():
    text = """宁波市统计局关于2022年统计数据的通知
甬统〔2023〕1号
指标\t2021年\t2022年\t增长
地区生产总值\t14595亿元\t15704亿元\t3.5%
宁波市统计局
2023年1月20日
"""
    assert extract_tasks(_one_doc(text)) == []


def test_text_without_responsibilities_gives_no_tasks():
    text = """宁波市人民政府关于张三任职的通知
甬政干〔2023〕1号
经研究，决定任命张三为宁波市财政局副局长。
宁波市人民政府
2023年1月1日
"""
    assert extract_tasks(_one_doc(text)) == []


# ---------------------------------------------------------------- units
@pytest.mark.parametrize("printed,city,district,expected", [
    ("区住建局", "宁波市", "北仑区", "宁波市北仑区住房和城乡建设局"),
    ("宁波市北仑区住建局", "宁波市", None, "宁波市北仑区住房和城乡建设局"),
    ("市发改委（市粮食物资局）", "宁波市", None, "宁波市发展和改革委员会"),
    ("市经信局", "宁波市", None, "宁波市经济和信息化局"),
    ("区人社局", "宁波市", "鄞州区", "宁波市鄞州区人力资源和社会保障局"),
    ("市场监督管理局", "宁波市", "北仑区", "宁波市北仑区市场监督管理局"),
    ("财政局", "宁波市", None, "宁波市财政局"),
    ("宁波海关", "宁波市", "北仑区", "宁波海关"),
    ("各街道", "宁波市", "北仑区", "各街道"),
    ("各区〔县、市〕政府", "宁波市", None, "各区（县、市）人民政府"),
    ("区住建局", None, None, "区住房和城乡建设局"),
])
def test_canonical_unit(printed, city, district, expected):
    assert canonical_unit(printed, city, district) == expected


def test_unit_filter_matches_short_and_full_forms():
    u = Unit("市经信局", "宁波市经济和信息化局")
    assert unit_matches("市经信局", u) and unit_matches("市经济和信息化局", u)
    assert not unit_matches("区经信局", u)
    doc = _one_doc(PROSE)
    tasks = extract_tasks(doc)
    assert len(tasks_for_unit(tasks, "区住建局")) == 1
    assert len(tasks_for_unit(tasks, "北仑区应急管理局")) == 2
    assert tasks_for_unit(tasks, "区财政局") == []


# ---------------------------------------------------------------- seeds (general properties)
@pytest.fixture(scope="module")
def seed_tasks(seed_files):
    out = []
    for f in seed_files:
        for doc in parse_file(f).documents:
            out.append((doc, extract_tasks(doc)))
    return out


_LABEL_CLAUSE_RE = re.compile("[（(](?:牵头领导：[^，,；;）)]{1,20}[，,；;])?(?:主要)?(?:牵头|责任)单位：")


def test_seed_labelled_clauses_are_all_tasks(seed_tasks):
    """Every bracketed 牵头单位：/责任单位： clause of the seeds lies inside some task."""
    clauses = covered = 0
    for doc, tasks in seed_tasks:
        for m in _LABEL_CLAUSE_RE.finditer(doc.text):
            clauses += 1
            if any(t.start <= m.start() < t.end for t in tasks):
                covered += 1
    assert clauses > 100
    assert covered / clauses >= 0.97, (covered, clauses)


def test_seed_tasks_name_only_what_the_text_prints(seed_tasks):
    n = 0
    for doc, tasks in seed_tasks:
        flat = re.sub(r"\s+", "", re.sub("<[^<>]*>", "", doc.text)).replace("**", "")
        for t in tasks:
            n += 1
            assert t.lead_units or t.cooperating_units or t.lead_officials
            assert 0 <= t.start < t.end <= len(doc.text)
            for u in t.units:
                assert u.printed and re.sub(r"\s+", "", u.printed) in flat, u
                assert not re.search("单位：|部门：|牵头领导", u.printed), u
                assert not u.printed.endswith(("等", "等部门", "等单位")), u
            for name in t.lead_officials:
                assert name in flat and len(name) <= 6, name
    assert n >= 300


def test_seed_deadlines_and_targets_come_from_the_task(seed_tasks):
    for doc, tasks in seed_tasks:
        for t in tasks:
            # a table row may take merged cells (time limit, units) from the row above
            span = re.sub(r"\s+", "", doc.text if t.kind == "table" else doc.text[t.start:t.end])
            for d in t.deadlines:
                assert re.sub(r"\s+", "", d) in span, (d, t.text)
            for x in t.targets:
                assert x in doc.text[t.start:t.end], (x, t.text)


def test_seed_kinds_all_occur(seed_tasks):
    kinds = {t.kind for _, tasks in seed_tasks for t in tasks}
    assert kinds == {"item", "sentence", "table", "duty"}


# ---------------------------------------------------------------- CLI
@pytest.fixture()
def own_files(tmp_path):
    files = {}
    for name, text in (("prose.txt", PROSE), ("duty.txt", DUTY), ("items.txt", ITEMS), ("table.txt", TABLE)):
        p = tmp_path / "docs" / name
        p.parent.mkdir(exist_ok=True)
        p.write_text(text, encoding="gb18030")
        files[name] = p
    return files


def test_cli_tasks_json_lines(own_files, capsys):
    assert main(["tasks", "--json", str(own_files["prose.txt"])]) == 0
    recs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(recs) == 3
    assert recs[0]["lead_units"] == [["区水利局", "宁波市北仑区水利局"]]
    assert recs[0]["deadlines"] == ["6月20日前"]
    assert recs[0]["title"] == "宁波市北仑区防汛工作会议纪要"


def test_cli_tasks_unit_filter_over_a_folder(own_files, capsys):
    folder = own_files["prose.txt"].parent
    assert main(["tasks", "--json", "--unit", "区住建局", str(folder)]) == 0
    recs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert recs and all(
        any("住房和城乡建设局" in u[1] for u in r["lead_units"] + r["cooperating_units"]) for r in recs)
    # 海曙's 区住建局 is a different unit from 北仑's, but both answer the short form
    assert {r["title"][:6] for r in recs} >= {"宁波市海曙区", "宁波市北仑区"}


def test_cli_tasks_csv_for_excel(own_files, tmp_path, capsys):
    out = tmp_path / "ledger.csv"
    assert main(["tasks", "--csv", "-o", str(out), str(own_files["table.txt"])]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:6] == ["公文标题", "文号", "发文机关", "成文日期", "条目", "任务内容"]
    assert "牵头单位" in rows[0] and "配合单位" in rows[0] and "完成时限" in rows[0]
    body = [dict(zip(rows[0], r)) for r in rows[1:]]
    assert len(body) == 3
    assert body[0]["牵头单位"] == "区住建局" and body[0]["牵头单位（规范名称）"] == "宁波市北仑区住房和城乡建设局"
    assert body[0]["完成时限"] == "2023年9月底前"
    assert body[0]["文号"] == "仑政办〔2023〕12号"


def test_cli_tasks_csv_to_stdout_has_bom(own_files, capsysbinary):
    assert main(["tasks", "--csv", str(own_files["items.txt"])]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b"\xef\xbb\xbf\xe5\x85\xac\xe6\x96\x87")  # BOM + 公文


def test_cli_tasks_missing_file_is_a_message_not_a_traceback(tmp_path, capsys):
    assert main(["tasks", str(tmp_path / "nope.txt")]) == 1
    err = capsys.readouterr().err
    assert "nope.txt" in err and "Traceback" not in err


def test_cli_tasks_default_is_the_seed_library(capsys):
    assert main(["index"]) == 0  # the default index: the seeds the first time
    capsys.readouterr()
    assert main(["tasks", "--json", "--unit", "市经信局"]) == 0
    recs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(recs) >= 20
    for r in recs:
        names = [n for u in r["lead_units"] + r["cooperating_units"] for n in u]
        assert any("经信局" in n or "经济和信息化局" in n for n in names)


def test_a_relative_clause_assigns_no_work():
    text = """宁波市人民政府关于预算调整方案的议案
按照预算法规定，对由市政府负责举借的295亿元债务，编制市级预算调整方案。
宁波市人民政府
2024年8月1日
"""
    assert extract_tasks(_one_doc(text)) == []


def test_table_cells_with_space_separated_units_and_mixed_parties():
    text = """宁波市北仑区人民政府办公室关于印发燃气整治任务表的通知
仑政办〔2023〕20号
序号\t任务\t完成时限\t牵头单位\t配合单位
1\t开展燃气管道巡查。\t2023年12月\t区综合执法局、 燃气经营企业\t区住建局 区应急管理局
2\t完成报警器安装。\t\t区住建局\t各街道
宁波市北仑区人民政府办公室
2023年5月1日
"""
    tasks = extract_tasks(_one_doc(text))
    assert len(tasks) == 2
    assert _printed(tasks[0].lead_units) == ["区综合执法局", "燃气经营企业"]
    assert _printed(tasks[0].cooperating_units) == ["区住建局", "区应急管理局"]
    assert tasks[0].deadlines == ["2023年12月"]
    assert _printed(tasks[1].lead_units) == ["区住建局"] and _printed(tasks[1].cooperating_units) == ["各街道"]


def test_prose_shapes_modal_words_brackets_in_names_and_joined_units():
    text = """宁波市北仑区人民政府办公室关于做好森林防火工作的通知
仑政办〔2023〕30号
各街道办事处，区直各单位：
区住建局要牵头落实出租房屋管理责任。
区（县、市）人民政府负责属地停车管理统筹工作。
由区应急管理局和区气象局牵头，区公安分局、区资规分局等部门参加。
区发展和改革局会同区财政局、区应急管理局等部门做好物资保障。
特别重大事故由有关牵头单位组成调查组。
宁波市北仑区人民政府办公室
2023年3月1日
"""
    tasks = extract_tasks(_one_doc(text))
    got = [(_printed(t.lead_units), _printed(t.cooperating_units)) for t in tasks]
    assert got == [
        (["区住建局"], []),
        (["区（县、市）人民政府"], []),
        (["区应急管理局", "区气象局"], ["区公安分局", "区资规分局"]),
        (["区发展和改革局"], ["区财政局", "区应急管理局"]),
    ]


def test_partners_named_after_lianhe_and_decimal_numbering():
    text = """宁波市人民政府办公厅关于印发食品安全事故应急预案的通知
甬政办发〔2023〕60号
6.各方职责
6.2.4 由市审计局牵头，每年联合市财政局、市督考办等单位开展联合督查2次。
宁波市人民政府办公厅
2023年1月1日
"""
    tasks = extract_tasks(_one_doc(text))
    assert len(tasks) == 1
    t = tasks[0]
    assert t.path == "6.2.4"
    assert _printed(t.lead_units) == ["市审计局"]
    assert _printed(t.cooperating_units) == ["市财政局", "市督考办"]
    assert t.targets == ["2次"]


def test_a_report_tells_what_was_done_prose_there_is_a_task_only_when_it_asks():
    text = """关于我市缓解停车难问题情况的调研报告
市人大城市建设与环境资源保护委员会
今年3月以来，城建环资工委牵头就我市缓解停车难工作情况开展了调研。
建议由市住建局牵头，市公安局、市自然资源规划局配合，年底前出台停车设施建设规划。
"""
    doc = _one_doc(text)
    assert doc.meta.kind == "报告"
    tasks = extract_tasks(doc)
    assert len(tasks) == 1
    assert _printed(tasks[0].lead_units) == ["市住建局"]
    assert _printed(tasks[0].cooperating_units) == ["市公安局", "市自然资源规划局"]
    assert tasks[0].deadlines == ["年底前"]


@pytest.mark.parametrize("printed,city,district,expected", [
    ("宁波海事局", "宁波市", None, "宁波海事局"),  # names its place without 市
    ("北仑海事处", "宁波市", "北仑区", "北仑海事处"),
    ("政研室", "宁波市", "北仑区", "宁波市北仑区政策研究室"),
    ("文化与广电旅游体育局", "宁波市", "北仑区", "宁波市北仑区文化广电旅游体育局"),
])
def test_canonical_unit_place_and_variants(printed, city, district, expected):
    assert canonical_unit(printed, city, district) == expected


def test_hui_tong_after_the_lead_clause_names_cooperating_units():
    text = """宁波市北仑区人民政府办公室关于开展大排查的通知
仑政办〔2022〕2号
由区大数据中心牵头，会同区人力社保局、区医保局、区教育局加强数据比对，提高准确率。
宁波市北仑区人民政府办公室
2022年2月10日
"""
    tasks = extract_tasks(_one_doc(text))
    assert len(tasks) == 1
    assert _printed(tasks[0].lead_units) == ["区大数据中心"]
    assert _printed(tasks[0].cooperating_units) == ["区人力社保局", "区医保局", "区教育局"]


def test_articles_supervision_tables_and_decimal_paths():
    text = """宁波市北仑区人民政府办公室关于印发管理办法的通知
仑政办〔2022〕3号
8.其他事项
9.1 区安委办会同区住建局适时组织检查。
第六条 区市场监管局负责组织信用等级的评定和信息公开。
第七条 区应急管理局负责本办法的日常管理工作。
序号\t隐患单位\t上报的火灾隐患\t督办单位\t整改期限
1\t某大厦\t消防车道被占用。\t新碶街道、区消防救援大队\t2022-9-30
宁波市北仑区人民政府办公室
2022年3月1日
"""
    tasks = extract_tasks(_one_doc(text))
    got = [(t.path, _printed(t.lead_units), _printed(t.cooperating_units), t.deadlines) for t in tasks]
    assert got == [
        ("9.1", ["区安委办"], ["区住建局"], []),  # not under the unrelated 8.
        ("第六条", ["区市场监管局"], [], []),
        ("第七条", ["区应急管理局"], [], []),  # 负责本办法的…工作 is an assignment
        ("1.", ["新碶街道", "区消防救援大队"], [], ["2022-9-30"]),
    ]
    assert tasks[3].text == "某大厦；消防车道被占用。"


def test_cooperation_words_joined_to_other_words():
    text = """宁波市北仑区人民政府办公室关于印发森林火灾应急预案的通知
仑政办〔2022〕5号
加大瓶装液化气市场整治力度（区综合执法局负责，各街道、区市场监管局牵头配合）。
区政府组织由区应急管理局牵头，公安分局、区资规分局等相关部门参加的调查评估组，及时开展调查评估。
宁波市北仑区人民政府办公室
2022年3月1日
"""
    tasks = extract_tasks(_one_doc(text))
    got = [(_printed(t.lead_units), _printed(t.cooperating_units)) for t in tasks]
    assert got == [(["区综合执法局"], ["各街道", "区市场监管局"]),
                   (["区应急管理局"], ["公安分局", "区资规分局"])]



def test_index_units_give_printed_and_canonical_names():
    """What the index's unit field should hold (see index_units): both forms of each unit."""
    from reader.core.ledger.tasks import index_units

    doc = _one_doc(ITEMS)
    names = index_units(doc)
    assert "区住建局" in names and "宁波市北仑区住房和城乡建设局" in names
    assert "区资规分局" in names and "宁波市北仑区自然资源和规划分局" in names
    title_only = _one_doc("""关于《宁波市停车条例（草案）》的说明

一、加强停车设施建设。（责任单位：市经信局）
""")
    assert "宁波市经济和信息化局" in index_units(title_only)  # no issuer: the place comes from the title


def test_cli_tasks_gbk_file_name(tmp_path, capsys):
    """Linux file names are bytes: a GBK-named file is read and its name printed readably."""
    import os

    folder = tmp_path / "gbk"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), "防汛纪要.txt".encode("gbk")), "wb") as f:
        f.write(PROSE.encode("gb18030"))
    assert main(["tasks", "--json", str(folder)]) == 0
    recs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(recs) == 3 and recs[0]["file"].endswith("防汛纪要.txt")
