"""Splitting files into documents: general rules on texts written for the purpose."""
from __future__ import annotations

import re

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.text.normalise import clean_lines
from reader.core.documents.pipeline import parse_text


def titles(docs):
    return [d.meta.title for d in docs]


def doc_with(docs, phrase):
    """The documents whose reading text holds `phrase` (there should be exactly one)."""
    found = [d for d in docs if phrase in d.text]
    assert len(found) == 1, (phrase, [d.title for d in found])
    return found[0]


RELEASE = """\
杭政办发〔2023〕7号

杭州市人民政府办公厅关于做好春季森林防火工作的通知

各区、县（市）人民政府，市政府各部门、各直属单位：

为切实做好今年春季森林防火工作，经市政府同意，现就有关事项通知如下：

一、提高思想认识。各地要充分认识森林防火工作的重要性，落实属地责任，
确保森林资源安全。

二、加强火源管控。清明期间要加强重点区域巡查，严禁野外用火。

杭州市人民政府办公厅

2023年3月20日

杭政办发〔2023〕8号

杭州市人民政府办公厅关于进一步加强城市道路停车管理的意见

各区、县（市）人民政府，市政府各部门、各直属单位：

为缓解城市停车难问题，提升道路停车管理水平，提出如下意见。

一、规范道路停车泊位设置。严格控制道路停车泊位总量。

二、推进停车智慧化管理。到2024年底前建成全市统一停车平台。

杭州市人民政府办公厅

2023年3月25日
"""


def test_release_file_gives_one_document_per_notice():
    docs = parse_text(RELEASE)
    assert titles(docs) == [
        "杭州市人民政府办公厅关于做好春季森林防火工作的通知",
        "杭州市人民政府办公厅关于进一步加强城市道路停车管理的意见",
    ]
    first, second = docs
    assert "严禁野外用火" in first.text and "严禁野外用火" not in second.text
    assert "统一停车平台" in second.text
    assert first.first_line == 1 and first.last_line < second.first_line
    assert second.last_line == len(RELEASE.splitlines())


GAZETTE = """\
宁海县人民政府公报

2023 年第 3 期

目  录

宁海县人民政府关于公布县级重要水域名录的通知（宁政发〔2023〕5 号）......（2）
宁海县人民政府办公室关于印发宁海县防汛防台应急预案的通知（宁政办发〔2023〕11 号）......（4）

宁海县人民政府关于公布县级重要水域名录的通知

宁政发〔2023〕5 号

各乡镇人民政府、街道办事处，县政府各部门：

现将县级重要水域名录予以公布，请各地各部门严格按照名录加强保护管理。

宁海县人民政府

2023年2月10日

— 2 —

宁海县人民政府公报【2023年第3期】

宁海县人民政府办公室关于印发宁海县
防汛防台应急预案的通知

宁政办发〔2023〕11 号

各乡镇人民政府、街道办事处，县政府各部门：

《宁海县防汛防台应急预案》已经县政府同意，现印发给你们，请认真贯彻执行。

宁海县人民政府办公室

2023年3月1日

宁海县防汛防台应急预案

一、总则

为做好防汛防台工作，最大限度减少灾害损失，制定本预案。

二、组织体系

县防汛防台指挥部负责全县防汛防台工作。
"""


def test_gazette_toc_entries_are_not_documents_and_attachment_stays_with_notice():
    docs = parse_text(GAZETTE)
    real = [d for d in docs if d.meta.kind != "目录"]
    assert titles(real) == [
        "宁海县人民政府关于公布县级重要水域名录的通知",
        "宁海县人民政府办公室关于印发宁海县防汛防台应急预案的通知",
    ]
    assert [d.meta.doc_number for d in real] == ["宁政发〔2023〕5号", "宁政办发〔2023〕11号"]
    plan = doc_with(docs, "县防汛防台指挥部负责")
    assert plan is real[1]
    assert real[1].meta.attachments == ["宁海县防汛防台应急预案"]
    # the contents page is at most one 目录 item, never a 通知
    toc = [d for d in docs if d.meta.kind == "目录"]
    assert len(toc) <= 1
    assert all(d.first_line > 8 for d in real)


def test_title_after_number_and_title_before_number_both_work():
    before = ("关于调整市级机关事务管理职责的通知\n\n温政发〔2022〕3号\n\n"
              "各区人民政府：\n\n现将有关事项通知如下。\n\n温州市人民政府\n\n2022年1月5日\n")
    after = ("温政发〔2022〕3号\n\n温州市人民政府\n关于调整市级机关事务管理职责的通知\n\n"
             "各区人民政府：\n\n现将有关事项通知如下。\n\n温州市人民政府\n\n2022年1月5日\n")
    for text in (before, after):
        (doc,) = parse_text(text)
        assert doc.meta.doc_number == "温政发〔2022〕3号"
        assert doc.meta.title.endswith("关于调整市级机关事务管理职责的通知")
        assert doc.meta.date == "2022-01-05"


MINUTES = """\
绍兴市第九届人民代表大会
常务委员会第十次会议纪要

绍兴市第九届人民代表大会常务委员会第十次会议于2023年6月28日在市行政中心举行。
会议纪要如下：

一、会议听取和审议了市政府关于生态环境保护工作情况的报告。

二、会议表决通过了有关人事任免事项。

关于接受张三请求辞去
绍兴市副市长职务的决定

（2023年6月29日绍兴市第九届人民代表大会
常务委员会第十次会议通过）

根据有关规定，会议决定：接受张三提出的辞去绍兴市副市长职务的请求。

绍兴市人大常委会任免名单

（2023年6月29日绍兴市第九届人民代表大会
常务委员会第十次会议通过）

任命：

李四为绍兴市人大常委会副秘书长。

绍兴市人大常委会任免名单

（2023年6月29日绍兴市第九届人民代表大会
常务委员会第十次会议通过）

免去：

王五的绍兴市监察委员会委员职务。
"""


def test_congress_gazette_without_doc_numbers_and_same_titles_stay_apart():
    docs = parse_text(MINUTES)
    assert titles(docs) == [
        "绍兴市第九届人民代表大会常务委员会第十次会议纪要",
        "关于接受张三请求辞去绍兴市副市长职务的决定",
        "绍兴市人大常委会任免名单",
        "绍兴市人大常委会任免名单",
    ]
    assert [d.meta.kind for d in docs] == ["纪要", "决定", "名单", "名单"]
    assert docs[0].meta.date == "2023-06-28"
    assert docs[1].meta.date == "2023-06-29"
    assert "李四" in docs[2].text and "李四" not in docs[3].text
    assert "王五" in docs[3].text


def test_issue_list_is_one_contents_document_not_many_notices():
    text = """\
湖州市人民政府关于表彰先进集体的决定

湖政发〔2022〕9号

各区县人民政府：

经研究，决定表彰一批先进集体。

湖州市人民政府

2022年4月1日

市政府、市政府办公厅4月份发文目录

湖政发〔2022〕9号   湖州市人民政府关于表彰先进集体的决定
湖政发〔2022〕10号   湖州市人民政府关于同意设立某某开发区的批复
湖政办发〔2022〕21号   湖州市人民政府办公厅关于印发某某方案的通知
"""
    docs = parse_text(text)
    assert len(docs) == 2
    assert docs[1].meta.kind == "目录"
    assert docs[1].meta.doc_number is None
    assert "湖政办发〔2022〕21号" in docs[1].text


def test_cited_doc_numbers_in_the_body_are_references_not_documents():
    text = """\
嘉政发〔2021〕15号

嘉兴市人民政府关于加快数字经济发展的实施意见

各县（市、区）人民政府，市政府各部门：

为贯彻落实《国务院关于加快数字经济发展的意见》（国发〔2020〕14号）和
《浙江省人民政府关于数字化改革的通知》（浙政发〔2021〕6号）精神，
提出如下实施意见。

一、总体要求。坚持创新驱动。

嘉兴市人民政府

2021年8月2日
"""
    (doc,) = parse_text(text)
    assert doc.meta.doc_number == "嘉政发〔2021〕15号"
    assert "国发〔2020〕14号" in doc.text


def test_file_without_official_document_structure_is_one_document():
    text = "会议记录\n\n今天大家讨论了下周的工作安排。\n小王负责准备材料。\n"
    (doc,) = parse_text(text)
    assert doc.meta.title == "会议记录"
    assert doc.meta.issuers == []
    assert (doc.first_line, doc.last_line) == (1, 4)


# Two notices printed in two columns: each 主送 and body come first, the 文号 and title
# below them, and the pages of the two documents alternate.
INTERLEAVED = """\
各县（市、区）人民政府，市直各单位：
经市政府同意，现将市政府领导工作分工通知如下：
市长赵一　领导市政府全面工作。负责财政、审计等方面工作。
分管市财政局、市审计局。
副市长钱二　负责发展改革、科学技术等方面工作。
分管市发改委、市科技局。

金政发〔2022〕21号

金华市人民政府
关于市政府领导工作分工的通知
各县（市、区）人民政府，市直各单位：
为推动我市金融高质量服务市场主体，经市政府同意，现提出如下实施意见。
一、加大政策调节力度
（一）扩大金融供给总量。坚持信贷、股权、债券、保险等多渠道融资并举，推动金融资源供给与经济增长合理匹配，2022年力争全市新增社会融资规模6000亿元以上、信贷规

金政办发〔2022〕19号

金华市人民政府办公厅
关于金融支持市场主体的实施意见

副市长孙三　负责教育、卫生健康等方面工作。
分管市教育局、市卫生健康委。
联系市总工会、团市委、市妇联。
金华市人民政府
2022年5月23日
模3700亿元以上。（责任单位：市地方金融监管局、人行市中心支行）
（二）用活惠企助企政策。引导金融机构用好央行降准释放资金，力争减费让利100亿元以上。
二、加强重点领域资金保障
（三）全力保供重大项目。强化财政、金融、国资联动，力争固定资产融资保障2600亿元。
金华市人民政府办公厅
2022年5月17日
"""


def test_interleaved_pieces_are_reassembled_by_continuity():
    docs = parse_text(INTERLEAVED)
    assert titles(docs) == [
        "金华市人民政府关于市政府领导工作分工的通知",
        "金华市人民政府办公厅关于金融支持市场主体的实施意见",
    ]
    duties, finance = docs
    for phrase in ("市长赵一", "副市长钱二", "副市长孙三", "联系市总工会"):
        assert doc_with(docs, phrase) is duties
    for phrase in ("扩大金融供给总量", "模3700亿元以上", "用活惠企助企政策", "全力保供重大项目"):
        assert doc_with(docs, phrase) is finance
    assert duties.meta.date == "2022-05-23"
    assert finance.meta.date == "2022-05-17"
    assert finance.meta.doc_number == "金政办发〔2022〕19号"


def test_notice_printed_before_its_header_keeps_its_attachment():
    text = """\
各县（市、区）人民政府，市直各单位：
《丽水市创业投资引导基金管理办法》已经市政府同意，现印发给你们，请认真贯彻执行。
丽水市人民政府办公厅
2022年5月17日

丽政办发〔2022〕20号

丽水市人民政府办公厅关于印发丽水市
创业投资引导基金管理办法的通知

丽水市创业投资引导基金管理办法

第一章　总则
第一条　为规范引导基金的设立和运作，制定本办法。
第二条　引导基金是由市政府设立的政策性基金。
"""
    (doc,) = parse_text(text)
    assert doc.meta.title == "丽水市人民政府办公厅关于印发丽水市创业投资引导基金管理办法的通知"
    assert doc.meta.attachments == ["丽水市创业投资引导基金管理办法"]
    assert "第二条" in doc.text and "现印发给你们" in doc.text
    assert doc.meta.date == "2022-05-17"
    assert doc.text.startswith("丽政办发") or doc.text.startswith("丽水市人民政府办公厅关于")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([
    "", " ", "甬政发〔2022〕21号", "宁波市人民政府", "关于加强管理的通知", "各区人民政府：",
    "2022年5月23日", "二〇一一年九月五日", "一、总体要求", "（十九）守牢底线。", "第一条 为了规范",
    "目 录", "某某的通知（甬政发〔2021〕1号）......（3）", "— 13 —", "附件", "市长 张三",
    "（2024年7月31日宁波市第十六届人民代表大会", "常务委员会第十九次会议通过）",
    "正文内容，没有结束", "正文句子结束。", "\t表格\t1\t2", "：", "》", "（", "令第5号",
]) | st.text(max_size=30), max_size=60))
def test_parse_never_raises_and_ranges_stay_inside_the_file(pieces):
    text = "\n".join(pieces)
    n = len(text.splitlines())
    docs = parse_text(text)
    for d in docs:
        assert 1 <= d.first_line <= d.last_line <= max(n, 1)
        assert isinstance(d.meta.title, str)
    if any(re.search(r"[\u4e00-\u9fff]{2}", line.text) for line in clean_lines(text)):
        assert docs  # whatever survives the clean-up is in some document


def test_statistics_table_under_its_caption_is_its_own_item():
    text = """\
舟政发〔2022〕5号

舟山市人民政府关于加强安全生产工作的通知

各县（区）人民政府，市政府各部门：

现就加强安全生产工作通知如下：各地要落实安全生产责任制。

舟山市人民政府

2022年5月9日

舟山市2022年1—4月主要经济指标完成情况

指标 单位 4月 同比增长
规模以上工业总产值 亿元 1914.8 3.9
全社会用电量 亿千瓦时 74.4 -0.6
固定资产投资 亿元 11.3 5.3
财政总收入 亿元 282.4 -27.9
"""
    docs = parse_text(text)
    assert titles(docs) == ["舟山市人民政府关于加强安全生产工作的通知", "舟山市2022年1—4月主要经济指标完成情况"]
    assert "全社会用电量" not in docs[0].text
    assert docs[1].meta.doc_number is None and docs[1].meta.kind == ""


def test_attachment_title_that_fell_into_a_sentence_is_read_where_the_attachment_begins():
    text = """\
各县（市、区）人民政府，市直各单位：
《舟山市创业投资引导基金管理办法》已经市政府同意，现印发给你们，请认真贯彻执行。
舟山市人民政府办公厅
2022年5月17日

舟政办发〔2022〕20号

舟山市人民政府办公厅关于印发舟山市
创业投资引导基金管理办法的通知

第一章　总则
第一条　为推动全市创业创新，进一步规范引导基金的设立和运作，\
根据《国务院办公厅转发发展改革委等部门关于创业投资引导基金规范
舟山市创业投资引导基金管理办法
设立与运作指导意见的通知》（国办发〔2008〕116号）等文件精神，制定本办法。
第二条　引导基金是由市政府设立的政策性基金。
"""
    (doc,) = parse_text(text)
    assert doc.text.index("舟山市创业投资引导基金管理办法\n") < doc.text.index("第一章")
    assert "设立与运作指导意见的通知》" in doc.text
    assert doc.meta.attachments == ["舟山市创业投资引导基金管理办法"]


def test_body_before_header_without_an_addressee_opens_the_next_document():
    text = """\
各县（市、区）人民政府，市直各单位：
经市政府同意，现将有关事项通知如下：请各地认真贯彻执行。
湖州市人民政府办公室
2023年1月5日

湖政办发〔2023〕1号

湖州市人民政府办公室关于做好元旦春节期间安全工作的通知

为加强户外广告设施管理，保障公共安全，市政府决定开展专项整治。现公告如下：凡未经批准设置的户外广告设施，设置人应于2023年3月31日前自行拆除。
湖州市人民政府
2023年1月10日

湖政告〔2023〕2号

湖州市人民政府关于开展户外广告设施专项整治的公告
"""
    first, second = parse_text(text)
    assert second.meta.title == "湖州市人民政府关于开展户外广告设施专项整治的公告"
    assert "自行拆除" in second.text and "自行拆除" not in first.text
    assert second.meta.date == "2023-01-10" and first.meta.date == "2023-01-05"


def test_contents_without_page_numbers_are_not_documents():
    entries = [("绍兴市人民政府关于公布第五批市级文物保护单位的通知", "绍政发〔2023〕3号"),
               ("绍兴市人民政府关于同意设立某某园区的批复", "绍政函〔2023〕7号"),
               ("绍兴市人民政府办公室关于印发某某方案的通知", "绍政办发〔2023〕9号")]
    toc = "绍兴市人民政府公报\n2023年第2期\n目录\n" + "".join(f"{t}\n（{n}）\n" for t, n in entries)
    bodies = "".join(
        f"{t}\n（{n}）\n各区、县（市）人民政府：\n现将有关事项通知如下，请认真执行。\n"
        f"绍兴市人民政府\n2023年2月{k + 1}日\n"
        for k, (t, n) in enumerate(entries))
    docs = parse_text(toc + bodies)
    assert [d.meta.doc_number for d in docs] == [n for _, n in entries]
    assert all(d.first_line > 9 for d in docs)
    assert [d.meta.date for d in docs] == ["2023-02-01", "2023-02-02", "2023-02-03"]


def test_same_title_twice_without_adoption_notes_stays_two_documents():
    text = """\
宁海县人民政府任免名单
一、任命：
张三为宁海县交通运输局局长。
宁海县人民政府任免名单
一、任命：
李四为宁海县财政局副局长。
"""
    docs = parse_text(text)
    assert titles(docs) == ["宁海县人民政府任免名单", "宁海县人民政府任免名单"]
    assert "张三" in docs[0].text and "李四" in docs[1].text


def test_titles_cut_by_a_narrow_page_are_joined_whole():
    text = """\
宁波市人民政府关于贯彻落实《宁波市地名管理条例》
的实施意见
甬政发〔2021〕57号
各区县（市）人民政府，市直及部省属驻甬各单位：
为贯彻落实条例，提出如下实施意见。
宁波市人民政府
2021年12月29日
北仑区（开发区）高新技术企业五年培育发展行动方案（2021-
2025）
仑科〔2022〕4号
各街道：
现将方案印发给你们。
宁波市北仑区科学技术局
2022年3月1日
"""
    docs = parse_text(text)
    assert titles(docs) == [
        "宁波市人民政府关于贯彻落实《宁波市地名管理条例》的实施意见",
        "北仑区（开发区）高新技术企业五年培育发展行动方案（2021-2025）",
    ]
    assert [d.meta.kind for d in docs] == ["意见", "方案"]


def test_forwarded_document_with_its_own_number_belongs_to_the_forwarding_notice():
    text = """\
嘉兴市人民政府办公室转发市财政局关于加强政府采购管理意见的通知
嘉政办发〔2022〕5号
各县（市、区）人民政府，市政府各部门：
市财政局《关于加强政府采购管理的意见》已经市政府同意，现转发给你们，请认真贯彻执行。
嘉兴市人民政府办公室
2022年1月10日
关于加强政府采购管理的意见
嘉财采〔2021〕30号
一、规范采购程序。各单位要严格执行政府采购法。
二、加强监督检查。
嘉兴市财政局
2021年12月20日
"""
    (doc,) = parse_text(text)
    assert doc.meta.doc_number == "嘉政办发〔2022〕5号"
    assert doc.meta.date == "2022-01-10"
    assert "加强监督检查" in doc.text


def _unplaced_lines(text):
    """Non-furniture source lines after the first document that no segment holds."""
    from reader.core.documents import split

    lines = clean_lines(text)
    rows, noise = split._prepare(lines)
    furniture = {line.no for line in noise} | {rows.lines[i].no for i in range(len(rows.c)) if rows.toc[i]}
    placed = {line.no for seg in split.split_documents(lines) for line in seg.lines}
    if not placed:
        return []
    start = min(placed)
    return [(line.no, line.text) for line in lines
            if line.text.strip() and line.no > start and line.no not in furniture and line.no not in placed]


def test_every_source_line_after_the_first_document_is_in_some_document():
    """Nothing of a source is lost: every non-blank line that is not a running header, page
    number or contents entry lies in some document (held-out corpus and seeds)."""
    from reader.core.text.decode import decode_file
    from tests.conftest import ROOT as root

    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted((root / "tests" / "heldout" / "src").glob("*.txt"))}
    texts.update({p.name: decode_file(p).text for p in sorted((root / "seeds").glob("*.txt"))})
    assert len(texts) >= 18
    lost = {name: _unplaced_lines(t) for name, t in texts.items()}
    assert not any(lost.values()), {k: v for k, v in lost.items() if v}


def test_body_of_a_decision_whose_words_match_the_contents_stays_with_it():
    """A body right after an adoption note shares its words with a contents entry: it must go
    to its 决定, never to the dropped contents page."""
    text = (
        "某某县人大常委会公报\n\n目  录\n\n"
        "某某县人民代表大会常务委员会关于召开某某县第九届人民代表大会第二次会议的决定 …………… 1\n"
        "某某县人民代表大会常务委员会关于批准某某县2022年决算的决议 ……………………… 2\n\n"
        "某某县人民代表大会常务委员会关于召开某某县第九届人民代表大会第二次会议的决定\n\n"
        "（2023年10月27日某某县第九届人民代表大会常务委员会第八次会议通过）\n\n"
        "某某县第九届人民代表大会常务委员会第八次会议决定：某某县第九届人民代表大会第二次会议于2024年1月在某某县召开。\n"
        "建议会议的主要议程是：听取和审查县人民政府工作报告。\n\n"
        "某某县人民代表大会常务委员会关于批准某某县2022年决算的决议\n\n"
        "（2023年10月27日某某县第九届人民代表大会常务委员会第八次会议通过）\n\n"
        "会议决定批准某某县2022年决算。\n"
    )
    assert _unplaced_lines(text) == []
    docs = parse_text(text)
    decision = doc_with(docs, "第二次会议的决定")
    assert "于2024年1月在某某县召开" in decision.text
    assert "听取和审查县人民政府工作报告" in decision.text


def test_chronicle_after_a_signed_notice_is_its_own_document():
    """A 大事记 section is a document of kind 记事, not the tail of the notice before it."""
    text = (
        "某某市财政局关于公布2023年第一批项目的通告\n\n某财通〔2023〕2号\n\n"
        "根据有关规定，现将2023年第一批项目予以公布。\n\n特此通告。\n\n"
        "某某市财政局\n2023年3月28日\n\n\n"
        "2023年4月某某市政务大事记\n\n"
        "4月3日  市长主持召开市政府常务会议，研究民营经济发展等事项。\n"
        "4月12日  全市安全生产工作会议召开。\n"
    )
    docs = parse_text(text)
    assert len(docs) == 2, titles(docs)
    chronicle = doc_with(docs, "全市安全生产工作会议召开")
    assert chronicle.meta.title == "2023年4月某某市政务大事记"
    assert chronicle.meta.kind == "记事"
    assert "全市安全生产工作会议" not in doc_with(docs, "特此通告").text


def test_publicity_note_under_the_date_ends_the_document_before_it():
    text = (
        "某某市人民政府办公室关于做好春季防火工作的通知\n\n某政办发〔2023〕11号\n\n"
        "各县（市、区）人民政府，市政府各部门：\n现就做好春季防火工作通知如下。\n\n"
        "某某市人民政府办公室\n2023年5月6日\n\n（此件公开发布）\n\n"
        "某某市人民政府办公室关于做好2023年度春季植树造林工作的通知\n\n某政办发〔2023〕12号\n\n"
        "各县（市、区）人民政府，市政府各部门：\n现就做好植树造林工作通知如下。\n\n"
        "某某市人民政府办公室\n2023年5月8日\n\n（此件主动公开）\n"
    )
    docs = parse_text(text)
    assert len(docs) == 2, titles(docs)
    first, second = sorted(docs, key=lambda d: d.first_line)
    assert first.text.rstrip().endswith("（此件公开发布）")
    assert "此件公开发布" not in second.text
    assert second.text.rstrip().endswith("（此件主动公开）")
    assert first.last_line == 11 and second.first_line == 13


def test_last_contents_entry_without_doc_number_is_its_own_document():
    """A gazette's contents list titles without page numbers; its last document has no 文号 and
    nothing under its title confirms it: being listed in the contents does."""
    text = (
        "某某县人民政府公报\n二〇二四年第2期\n\n本期要目\n"
        "某某县人民政府关于调整县政府领导同志工作分工的通知\n"
        "某某县应急管理局关于禁止野外用火的通告\n\n\n"
        "某某县人民政府关于调整县政府领导同志工作分工的通知\n某政发〔2024〕5号\n"
        "各乡镇人民政府，县政府各部门：\n现将县政府领导同志工作分工调整如下。\n"
        "某某县人民政府\n2024年2月6日\n\n"
        "某某县应急管理局关于禁止野外用火的通告\n"
        "为切实做好森林防灭火工作，现将有关事项通告如下：\n一、全县范围内禁止一切野外用火。\n"
        "特此通告。\n某某县应急管理局\n2024年2月28日\n"
    )
    docs = parse_text(text)
    assert titles(docs) == ["某某县人民政府关于调整县政府领导同志工作分工的通知",
                            "某某县应急管理局关于禁止野外用火的通告"]
    notice = doc_with(docs, "禁止一切野外用火")
    assert notice.meta.kind == "通告" and notice.meta.date == "2024-02-28"


ORPHAN_AFTER_SIGNATURE = """\
各县（市、区）人民政府，市直各单位：
为推动外贸高质量发展，经市政府同意，结合我市实际，现提出如下实施意见，请结合实际认真贯彻落实。

衢政办发〔2022〕21号

衢州市人民政府办公厅关于加快培育新优势推动外贸高质量发展的实施意见

一、加强外贸人才队伍建设。加大国际贸易人才招引和培育力度，鼓励企业通过并购、合作等方式引进
各县（市、区）局，市特检院，各电梯施工、维保单位：
《衢州市电梯施工、维保质量安全信用管理办法（试行）》已经局长办公会议审议通过，现印发给你们。
衢州市市场监督管理局
2022年5月18日

衢市监特〔2022〕187号

衢州市市场监督管理局关于印发《衢州市电梯施工、维保质量安全信用管理办法（试行）》的通知

擅长跨境电商运营的专业人才和团队。（牵头单位：市商务局；配合单位：市委人才办）
二、强化组织保障。各地各相关部门要认真按照国家、省有关决策部署，切实为外贸企业纾困解难。
衢州市人民政府办公厅
2022年5月23日
第一章　总则
第一条　为加强电梯施工、维保质量安全信用管理，根据有关法律法规，结合本市实际，制定本办法。
"""


def test_text_going_on_mid_sentence_after_a_signature_belongs_to_the_document_it_continues():
    """A signed notice whose header is printed under it takes an attachment next — which opens
    with its title, 附件 or a heading, never in the middle of a sentence: such text continues the
    document that broke off there (its numbering goes on too)."""
    docs = parse_text(ORPHAN_AFTER_SIGNATURE)
    trade, lifts = docs
    assert trade.meta.title.endswith("推动外贸高质量发展的实施意见")
    assert lifts.meta.doc_number == "衢市监特〔2022〕187号"
    assert "等方式引进擅长跨境电商运营的专业人才和团队。" in trade.text
    assert doc_with(docs, "二、强化组织保障") is trade
    assert doc_with(docs, "第一条　为加强电梯") is lifts or doc_with(docs, "第一条 为加强电梯") is lifts
    assert trade.meta.date == "2022-05-23" and lifts.meta.date == "2022-05-18"


def test_character_pairs_count_and_intersect_like_the_pairs_themselves():
    # _pairs gives each pair as one number: sizes and shared counts must be those of the
    # 2-character strings, for CJK, ASCII, a character outside the BMP and a lone surrogate
    from reader.core.documents.split import _pairs

    def as_strings(text):
        return {text[k:k + 2] for k in range(len(text) - 1)}

    texts = ["", "关", "关于", "关于关于做好", "ab关于𠀀x𠀀关", "通知\ud800通知", "aaaa",
             "做好工作的通知各区县人民政府"]
    for a in texts:
        assert len(_pairs(a)) == len(as_strings(a)), a
        for b in texts:
            assert len(_pairs(a) & _pairs(b)) == len(as_strings(a) & as_strings(b)), (a, b)


COLLECTION_WITH_SECTIONS = """\
某省法规选编
2021年第1辑

目　　录

法　　律
中华人民共和国某某保护法………………………………1
司法解释
最高人民法院关于审理某类纠纷案件适用法律问题的解释……5

法　　律

中华人民共和国某某保护法
（2021年4月29日第十三届全国人民代表大会常务委员会第二十八次会议通过）
第一条　为了保护某某，制定本法。
第二条　本法自2021年9月1日起施行。

司法解释

最高人民法院关于审理某类纠纷案件适用法律问题的解释
法释〔2021〕7号
第一条　本解释自2021年6月1日起施行。
"""


def test_a_section_label_of_a_collection_heads_the_document_below_it_and_is_never_in_its_title():
    """法　　律 / 司法解释, printed in the contents without a page number and again above a
    document: a section label, not the first line of a title nor the end of the document above."""
    law, interpretation = parse_text(COLLECTION_WITH_SECTIONS)
    assert law.meta.title == "中华人民共和国某某保护法"
    assert interpretation.meta.title == "最高人民法院关于审理某类纠纷案件适用法律问题的解释"
    assert law.last_line == 16  # 司法解释 (line 18) is not the law's
    assert interpretation.first_line == 18


REPORT_THEN_JOINT_MASTHEAD = """\
政府工作报告
——2022年1月10日在某某市第十六届人民代表大会第三次会议上
市长　王某某
各位代表：
　　现在，我代表市人民政府，向大会报告工作。
　　让我们团结奋斗！

某某市人民政府关于某某事项的通知
某政发〔2022〕1号
各区人民政府：
　　现将有关事项通知如下。
某某市人民政府
2022年1月20日
某某市财政局
某某市民政局
文件

某财社〔2022〕3号

某某市财政局　某某市民政局
关于做好某项补贴发放工作的通知
各区财政局、民政局：
　　现就有关事项通知如下。
某某市财政局　　某某市民政局
2022年2月1日
"""


def test_a_joint_masthead_whose_word_file_stands_alone_starts_its_notice():
    """某某局 / 某某局 / 文件: the bare 文件 line closes a masthead, so the organs above it are the
    notice's, not a tail of the unsigned report printed before the signed notice."""
    report, _, notice = parse_text(REPORT_THEN_JOINT_MASTHEAD)
    assert (report.first_line, report.last_line) == (1, 6)
    assert notice.first_line == 14
    assert notice.meta.issuers == ["某某市财政局", "某某市民政局"]


NOTICE_WITH_ANNEX_THEN_MINUTES = """\
某某市人民政府办公室关于印发某某实施方案的通知
某政办发〔2022〕5号
各区人民政府：
　　《某某实施方案》已经市人民政府同意，现印发给你们。
附件：某某实施方案
某某市人民政府办公室
2022年3月8日
附件
某某实施方案
　　一、新建城市公园10个。
附录
某某市为民办实事项目目录
序号	项目名称	责任单位
1	新建城市公园	市城市管理局
2	新增幼儿园学位	市教育局

某某市人民政府第12次常务会议纪要
〔2022〕3号
某某市人民政府办公室　　　　2022年2月27日

　　2022年2月26日，市长王某某主持召开市人民政府第12次常务会议。
　　一、会议同意某某办法。
出席：王某某　李某某
"""


def test_an_annex_contents_heading_is_its_documents_and_minutes_keep_their_body():
    """附录 / 项目目录 with a table under it is the notice's annex, not a 目录 of its own; the
    minutes' bare number and its office-and-date line are its header, so its body is its own."""
    notice, minutes = parse_text(NOTICE_WITH_ANNEX_THEN_MINUTES)
    assert (notice.first_line, notice.last_line) == (1, 15)
    assert (minutes.first_line, minutes.last_line) == (17, 23)
    assert (minutes.meta.doc_number, minutes.meta.date) == ("〔2022〕3号", "2022-02-27")
    # the number and the office-and-date line are the minutes' header, not a signature that
    # would close it before its body (and send the body to the document above)
    from reader.core.documents.split import split_documents
    last = split_documents(clean_lines(NOTICE_WITH_ANNEX_THEN_MINUTES))[-1]
    assert [ln.no for ln in last.header_lines] == [17, 18, 19]


def test_an_issues_back_matter_after_a_rule_is_no_documents_text():
    text = ("某某市人民代表大会常务委员会任免名单\n"
            "（2022年3月28日某某市第十六届人民代表大会常务委员会第九次会议通过）\n"
            "任命：\n王某某为某某市人民代表大会常务委员会副秘书长。\n\n————————————————\n"
            "主办：某某市人民代表大会常务委员会办公厅\n编辑：某某市人大常委会公报编辑部\n")
    (doc,) = parse_text(text)
    assert doc.last_line == 4 and "主办" not in doc.text
    # without the rule above them, label lines that name no issue are the document's (an
    # 地址：/电话： footer); 主办：/编辑： lines name the issue, so they go even without a rule
    footer = text.replace("————————————————\n", "").replace("主办：", "地址：").replace("编辑：", "电话：")
    (doc,) = parse_text(footer)
    assert doc.last_line == 7
    (doc,) = parse_text(text.replace("————————————————\n", ""))
    assert doc.last_line == 4


def test_a_wide_spaced_label_heads_a_section_without_contents_but_a_spaced_kind_is_a_title():
    text = ("某某市人民政府公报\n\n法　　律\n\n中华人民共和国某某保护法\n"
            "（2021年4月29日第十三届全国人民代表大会常务委员会第二十八次会议通过）\n"
            "第一条　为了保护某某，制定本法。\n")
    (law,) = parse_text(text)
    assert law.meta.title == "中华人民共和国某某保护法"
    assert law.first_line == 3  # the label heads it
    (notice,) = parse_text("公　　告\n\n为保障公共安全，现将有关事项公告如下。\n某某市公安局\n2021年2月1日\n")
    assert notice.meta.title == "公　　告".replace("　", "") and notice.meta.kind == "公告"


@pytest.mark.parametrize("gap", ["\t", "   ", "\u3000\u3000\u3000", " \u3000 "])
def test_a_table_row_ends_a_paragraph_whatever_its_gaps_are_printed_with(gap):
    """A row with a table gap (P.TABLE_GAP: a tab, or three whitespace characters between two
    others) is a table row: it ends a paragraph and is no title, with ideographic spaces as with
    ASCII ones (the paragraph-end test once looked only for a tab or three ASCII spaces)."""
    body = "为进一步做好全市安全生产工作，切实保障人民群众生命财产安全，现就有关事项通知如下，请认真贯彻执行"
    row = gap.join(["序号", "牵头单位名称", "配合单位名称", "联系人姓名", "联系电话号码", "完成时限要求",
                    "责任科室", "分管领导"])
    from reader.core.documents import split

    rows, _ = split._prepare(clean_lines(f"{body}\n{body}\n{row}\n{body}\n"))
    k = rows.c.index("".join(row.split()))
    assert len(rows.c[k]) >= 0.8 * rows.width  # not complete for being short
    assert rows.complete(k) and not rows.titleish(k)
    assert not rows.complete(k - 1)  # a full row with no sentence end goes on


def test_a_contents_row_is_no_title_even_when_asked_before_it_became_one():
    """A lone contents entry takes the title row above it into the contents: that row was asked
    whether it is title-like (it is, by its shape) before it was marked; from then on it is a
    contents row, and no title, whatever was answered before."""
    from reader.core.documents import split

    text = ("本期要目\n江澜市城市绿化管理办法\n（2023年5月8日市政府令第12号公布）……………………12\n"
            "江澜市人民政府关于做好防汛工作的通知\n各区县人民政府：\n现将有关事项通知如下。\n")
    rows, _ = split._prepare(clean_lines(text))
    assert [bool(rows.toc[i]) for i in range(4)] == [False, True, True, False]
    assert [rows.titleish(i) for i in range(4)] == [True, False, False, True]


def test_a_masthead_stands_on_its_own_line_and_a_joint_ones_organs_are_its_documents():
    """某某局文件 heads the page: the reading text keeps it apart from the title under it. A joint
    masthead prints its organs one a row above 文件: those rows are the document's too, each
    on its line (they were in no document, and 文件 ran into the title)."""
    single = ("江海市财政局文件\n江海市财政局关于下达2024年第一批专项资金的通知\n江财发〔2024〕3号\n"
              "各区县财政局：\n现将有关事项通知如下。\n江海市财政局\n2024年3月1日\n")
    (doc,) = parse_text(single)
    assert doc.text.split("\n")[:2] == ["江海市财政局文件", "江海市财政局关于下达2024年第一批专项资金的通知"]
    joint = ("国家发展改革委办公厅\n国家税务总局办公厅\n文件\n"
             "国家发展改革委办公厅 国家税务总局办公厅关于做好某某工作的通知\n发改办财金〔2024〕3号\n"
             "各省、自治区、直辖市发展改革委：\n现将有关事项通知如下。\n")
    (doc,) = parse_text(joint)
    assert doc.first_line == 1
    assert doc.text.split("\n")[:4] == ["国家发展改革委办公厅", "国家税务总局办公厅", "文件",
                                        "国家发展改革委办公厅 国家税务总局办公厅关于做好某某工作的通知"]
    assert doc.meta.issuers == ["国家发展改革委办公厅", "国家税务总局办公厅"]
    # a title's first line ending in 文件 names no organ before it: no masthead, its lines joined
    (doc,) = parse_text("江海市人民政府关于清理部分规范性文件\n的通知\n江政发〔2024〕3号\n各区县人民政府：\n"
                        "现将有关事项通知如下。\n")
    assert doc.text.split("\n")[0] == "江海市人民政府关于清理部分规范性文件的通知"
    assert doc.meta.title == "江海市人民政府关于清理部分规范性文件的通知"  # not 的通知 under a "masthead"
    assert doc.meta.issuers == ["江海市人民政府"]
