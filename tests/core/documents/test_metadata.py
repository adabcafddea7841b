"""Reading a document's metadata: 文号, title, issuers, 成文日期, 文种, attachments."""
from __future__ import annotations

import pytest

from reader.core.documents.metadata import canonical_issuer, read_metadata
from reader.core.model import Line, Segment
from reader.core.text.patterns import docno_line, find_date, normalise_docno, title_kind
from reader.core.documents.pipeline import parse_text


def one(text: str):
    docs = parse_text(text)
    assert len(docs) == 1, [d.title for d in docs]
    return docs[0].meta


@pytest.mark.parametrize(("printed", "expected"), [
    ("仑政办〔2022〕10 号", "仑政办〔2022〕10号"),
    ("（仑科(2022) 2 号)", "仑科〔2022〕2号"),
    ("甬政发[2021]42号", "甬政发〔2021〕42号"),
    ("浙政办发［2022］10号", "浙政办发〔2022〕10号"),
    ("甬政发 〔 2022 〕 21 号", "甬政发〔2022〕21号"),
    ("宁波市人民政府令 第 188 号", "宁波市人民政府令第188号"),
    ("江交發〔2022〕31號", "江交發〔2022〕31號"),
])
def test_doc_number_brackets_and_spaces_are_normalised(printed, expected):
    assert docno_line(printed) == expected
    assert normalise_docno(printed) == expected


def test_a_line_with_a_number_and_a_title_is_not_a_doc_number_line():
    assert docno_line("甬政发〔2021〕42号   宁波市人民政府关于同意某事的批复") is None
    assert docno_line("根据《意见》（国发〔2020〕14号）精神") is None


def test_dates_arabic_spaced_and_chinese_numerals():
    assert find_date("2024 年 7 月 31 日") == (2024, 7, 31)
    assert find_date("二〇一一年九月五日") == (2011, 9, 5)
    assert find_date("二○二三年十二月二十六日") == (2023, 12, 26)
    assert find_date("第十九次会议") is None


@pytest.mark.parametrize(("title", "kind"), [
    ("宁波市人民政府关于印发某某规划的通知", "通知"),
    ("宁波市推进产业基础高级化实施方案 (2021-2025年)", "方案"),
    ("关于《宁波市慈善事业促进条例（修订草案）》的说明", "说明"),
    ("某某区人民政府办公室关于某某工作的实施意见", "意见"),
    ("宁波市人大常委会任免名单", "名单"),
    ("关于同意设立某某开发区的批复", "批复"),
    ("北仑区森林禁火令", "令"),
    ("市政府12月份记事", "记事"),
    ("市政府、市政府办公厅12月份发文目录", "目录"),
    ("《关于深入实施某某计划的若干意见》政策解读", "解读"),
    ("宁波市2022年1—4月主要经济指标完成情况", ""),
    ("關於調整收費標準的通知", "通知"),
    ("某某管理辦法", "办法"),
])
def test_kind_is_the_last_word_of_the_title(title, kind):
    assert title_kind(title) == kind


def test_canonical_issuers_expand_short_forms_in_the_files_city():
    assert canonical_issuer("市政府办公厅", "宁波市") == "宁波市人民政府办公厅"
    assert canonical_issuer("市政府", "宁波市") == "宁波市人民政府"
    assert canonical_issuer("市市场监管局", "宁波市") == "宁波市市场监督管理局"
    assert canonical_issuer("市发改委", "宁波市") == "宁波市发展和改革委员会"
    assert canonical_issuer("宁波市人大常委会") == "宁波市人民代表大会常务委员会"
    assert canonical_issuer("宁波市第十六届人民代表大会常务委员会") == "宁波市人民代表大会常务委员会"
    assert canonical_issuer("区科技局", "宁波市", "北仑区") == "宁波市北仑区科学技术局"
    assert canonical_issuer("北仑区安委会", "宁波市", "北仑区") == "宁波市北仑区安全生产委员会"
    assert canonical_issuer("县政府办公室", None, "宁海县") == "宁海县人民政府办公室"
    assert canonical_issuer("市人大常委会主任会议", "宁波市") == "宁波市人民代表大会常务委员会主任会议"
    assert canonical_issuer("市人大财政经济委员会", "宁波市") == "宁波市人民代表大会财政经济委员会"
    assert canonical_issuer("市政府妇儿工委办公室", "宁波市") == "宁波市人民政府妇女儿童工作委员会办公室"
    # full names are kept as they are
    assert canonical_issuer("宁波市人民政府办公厅", "宁波市") == "宁波市人民政府办公厅"


NOTICE = """\
甬政办发〔2022〕19号

宁波市人民政府办公厅关于印发宁波市
创业投资引导基金管理办法的通知（甬政办发〔2022〕19号）

各区（县、市）人民政府，市直及部省属驻甬各单位：

《宁波市创业投资引导基金管理办法》已经市政府同意，现印发给你们，请认真贯彻执行。
本办法自2022年6月19日起施行。

宁波市人民政府办公厅

2022年5月17日
"""


def test_notice_metadata_from_header_and_signature_not_from_body_dates():
    m = one(NOTICE)
    assert m.title == "宁波市人民政府办公厅关于印发宁波市创业投资引导基金管理办法的通知"
    assert m.doc_number == "甬政办发〔2022〕19号"
    assert m.issuers == ["宁波市人民政府办公厅"]
    assert m.canonical_issuers == ["宁波市人民政府办公厅"]
    assert m.date == "2022-05-17" and m.year == 2022
    assert m.kind == "通知"
    assert m.attachments == ["宁波市创业投资引导基金管理办法"]


def test_joint_issuance_keeps_every_issuer_in_printed_order():
    spaced = """\
仑政干〔2022〕2号

宁波市北仑区人民政府 宁波开发区管委会
关于贺宏永等同志职务任免的通知

各街道办事处：

经研究，决定任命贺宏永同志为某局局长。

宁波市北仑区人民政府 宁波开发区管委会

2022年3月22日
"""
    m = one(spaced)
    assert m.issuers == ["宁波市北仑区人民政府", "宁波开发区管委会"]
    assert m.canonical_issuers[0] == "宁波市北仑区人民政府"

    signed_only = """\
关于印发《某某项目实施细则》的通知

（仑科〔2022〕2号）

各单位：

现将《某某项目实施细则》印发给你们，请遵照执行。

宁波市北仑区科学技术局
宁波市北仑区财政局

2022年2月9日
"""
    m = one(signed_only)
    assert m.issuers == ["宁波市北仑区科学技术局", "宁波市北仑区财政局"]
    assert m.doc_number == "仑科〔2022〕2号"
    assert m.attachments == ["某某项目实施细则"]


def test_government_order_with_chinese_numeral_date():
    text = """\
临海县人民政府令

第 27 号

《临海县城市道路挖掘管理办法》已经2011年8月30日县人民政府第19次常务会议审议通过，现予公布，自2011年11月1日起施行。

县长　周明远
二〇一一年九月五日

临海县城市道路挖掘管理办法

第一条　为加强城市道路挖掘管理，制定本办法。

第二条　本县城市规划区内城市道路的挖掘，适用本办法。
"""
    m = one(text)
    assert m.doc_number == "临海县人民政府令第27号"
    assert m.date == "2011-09-05"
    assert m.issuers == ["临海县人民政府"]
    assert m.kind in ("令", "办法")


def test_decree_numbered_for_the_city_of_the_gazette():
    text = """\
宁波市人民政府公报

宁波市政府非税收入管理实施规定

政府令第260号

《宁波市政府非税收入管理实施规定》已经市人民政府常务会议审议通过，现予发布。

市长 裘东耀

2021年12月23日

宁波市政府非税收入管理实施规定

第一条 为了规范政府非税收入管理活动，制定本规定。
"""
    docs = parse_text(text)
    assert len(docs) == 1
    m = docs[0].meta
    assert m.doc_number == "宁波市人民政府令第260号"
    assert m.title == "宁波市政府非税收入管理实施规定"
    assert m.kind == "规定"
    assert m.date == "2021-12-23"
    assert "第一条" in docs[0].text


def test_adoption_note_dates_a_decision_and_names_the_congress():
    text = """\
关于接受张三请求辞去
某某市副市长职务的决定

（2024 年 7 月 31 日某某市第十六届人民代表大会
常务委员会第十九次会议通过）

根据有关规定，会议决定：接受张三提出的辞去某某市副市长职务的请求。
"""
    m = one(text)
    assert m.title == "关于接受张三请求辞去某某市副市长职务的决定"
    assert m.date == "2024-07-31"
    assert m.kind == "决定"
    assert m.issuers == ["某某市人民代表大会常务委员会"]


def test_year_falls_back_to_the_doc_number():
    text = ("甬政发〔2021〕42号\n\n宁波市人民政府关于某某规划的批复\n\n某某局：\n\n"
            "你局的请示收悉。经研究，同意该规划。\n")
    m = one(text)
    assert m.date is None
    assert m.year == 2021


def test_segment_without_split_hints_still_reads():
    seg = Segment([Line(1, "温政发〔2022〕3号"), Line(2, ""), Line(3, "温州市人民政府关于某事的通知"),
                   Line(4, "各区人民政府："), Line(5, "现将有关事项通知如下。"), Line(6, "温州市人民政府"),
                   Line(7, "2022年1月5日")])
    m = read_metadata(seg)
    assert m.doc_number == "温政发〔2022〕3号"
    assert m.date == "2022-01-05"
    assert m.year == 2022


def test_number_printed_after_the_title_and_signature_on_one_line():
    text = ("温州市人民政府关于调整某某事项的通知（温政发〔2023〕7 号）\n\n各区人民政府：\n\n"
            "现将有关事项通知如下。\n\n温州市人民政府 2023年3月1日\n")
    m = one(text)
    assert m.title == "温州市人民政府关于调整某某事项的通知"
    assert m.doc_number == "温政发〔2023〕7号"
    assert m.issuers == ["温州市人民政府"]
    assert m.date == "2023-03-01"


def test_attachment_list_of_a_letter():
    text = """\
衢州市人民政府办公室关于征求《衢州市物业管理办法（征求意见稿）》意见的函
衢政办函〔2023〕8号
各县（市、区）人民政府，市政府各部门：
现征求你们的意见，请于2023年4月10日前反馈市住建局。
附件：1.衢州市物业管理办法（征求意见稿）
2.意见反馈表
衢州市人民政府办公室
2023年3月28日
附件1
衢州市物业管理办法（征求意见稿）
第一条 为规范物业管理活动，制定本办法。
附件2
意见反馈表
"""
    m = one(text)
    assert m.kind == "函"
    assert m.attachments == ["衢州市物业管理办法（征求意见稿）", "意见反馈表"]
    assert m.date == "2023-03-28"


def test_number_at_the_right_end_of_the_title_line_and_organs_side_by_side_in_the_signature():
    text = """\
关于调整城乡居民养老保险缴费档次的通知      杭人社发〔2023〕5号

各区、县（市）人力资源和社会保障局、财政局：

现将调整缴费档次的有关事项通知如下。

杭州市人力资源和社会保障局  杭州市财政局

2023年3月1日
"""
    m = one(text)
    assert m.title == "关于调整城乡居民养老保险缴费档次的通知"
    assert m.doc_number == "杭人社发〔2023〕5号"
    assert m.issuers == ["杭州市人力资源和社会保障局", "杭州市财政局"]
    assert m.date == "2023-03-01"


def test_county_gazette_context_names_the_county():
    text = ("宁海县人民政府公报\n\n县政府办公室关于做好防汛工作的通知\n宁政办发〔2023〕3号\n各乡镇人民政府：\n"
            "现将有关事项通知如下。\n宁海县人民政府办公室\n2023年6月1日\n")
    m = one(text)
    assert m.issuers == ["县政府办公室"]
    assert m.canonical_issuers == ["宁海县人民政府办公室"]


def test_city_is_taken_from_a_masthead_or_signatures_not_from_a_sentence():
    text = """\
各区（县、市）人民政府，市直各单位：
市十六届人大一次会议选举产生了新一届市人民政府领导班子。经研究，现将市政府领导工作分工通知如下：
市长某某领导市政府全面工作。
宁波市人民政府
2022年5月23日

甬政发〔2022〕21号

市政府关于市政府领导工作分工的通知
"""
    m = one(text)
    assert m.issuers == ["市政府"]
    assert m.canonical_issuers == ["宁波市人民政府"]


def test_decree_without_its_own_title_is_titled_by_the_regulation_it_promulgates():
    """政府令: 令 number, 《X办法》已经…通过，现予公布, signature, then X's text: the document is X."""
    from reader.core.documents.pipeline import parse_text

    text = (
        "某某市人民政府令\n\n第12号\n\n"
        "《某某市停车场管理办法》已经2023年5月4日市人民政府第9次常务会议审议通过，现予公布，自2023年7月1日起施行。\n\n"
        "市长　张三\n二〇二三年五月十日\n\n"
        "某某市停车场管理办法\n\n第一章　总　则\n\n"
        "第一条　为了加强停车场管理，制定本办法。\n第二条　本办法自2023年7月1日起施行。\n"
    )
    docs = parse_text(text)
    assert len(docs) == 1
    meta = docs[0].meta
    assert meta.title == "某某市停车场管理办法"
    assert meta.kind == "办法"
    assert meta.doc_number == "某某市人民政府令第12号"
    assert meta.date == "2023-05-10"


def test_minutes_number_without_organ_prefix_is_the_doc_number():
    from reader.core.documents.pipeline import parse_text

    text = (
        "某某区人民政府常务会议纪要\n\n（2024）3号\n\n某某区人民政府办公室        2024年2月8日\n\n"
        "2024年2月5日，区长主持召开区政府第5次常务会议。纪要如下：\n\n一、关于春季植树工作\n会议同意有关安排。\n"
    )
    docs = parse_text(text)
    assert len(docs) == 1
    assert docs[0].meta.kind == "纪要"
    assert docs[0].meta.doc_number == "〔2024〕3号"


ISSUE = """\
江澜市人大常委会关于批准某项计划的决定
（2024年7月31日江澜市第九届人民代表大会常务委员会第十次会议通过）
江澜市第九届人民代表大会常务委员会第十次会议审议了市政府提请的议案，决定予以批准。

江澜市人大常委会关于接受张三辞职的决定
（2024年7月31日江澜市第九届人民代表大会常务委员会第十次会议通过）
会议决定接受张三辞去江澜市副市长职务的请求。

关于江澜市行政执法情况的报告
市司法局局长 李四
主任、副主任、秘书长、各位委员：
现将全市行政执法规范化情况报告如下，请予审议。

江澜市人大常委会关于接受王五辞职的决定
（2024年7月31日江澜市第九届人民代表大会常务委员会第十次会议通过）
会议决定接受王五辞去江澜市人大常委会委员职务的请求。
"""


def test_an_undated_item_of_an_issue_takes_the_issues_year_and_says_so():
    from reader.core.documents.pipeline import parse_text

    docs = parse_text(ISSUE)
    report = next(d for d in docs if d.title == "关于江澜市行政执法情况的报告")
    assert report.meta.date is None
    assert (report.meta.year, report.meta.year_source) == (2024, "issue")
    assert all(d.meta.year_source == "date" for d in docs if d is not report)
    assert report.to_json()["year_source"] == "issue"


def test_a_file_spanning_years_gives_no_issue_year():
    from reader.core.documents.pipeline import parse_text

    text = ISSUE.replace("（2024年7月31日江澜市第九届人民代表大会常务委员会第十次会议通过）",
                         "（2023年7月31日江澜市第九届人民代表大会常务委员会第十次会议通过）", 1)
    report = next(d for d in parse_text(text) if d.title == "关于江澜市行政执法情况的报告")
    assert report.meta.year is None and report.meta.year_source == ""


def test_a_document_round_trips_through_its_dict():
    import json

    from reader.core.model import Document
    from reader.core.documents.pipeline import parse_text

    for doc in parse_text(ISSUE):
        again = Document.from_dict(json.loads(json.dumps(doc.to_dict(), ensure_ascii=False)))
        assert again == doc and again.id == doc.id
        assert again.meta.year_source == doc.meta.year_source and again.tables == doc.tables


UNTITLED_FIRST = """\
各县（市、区）人民政府，市直各单位：
为贯彻落实《国务院关于进一步提高上市公司质量的意见》和省政府有关文件精神，推动我市上市公司扩量提质，深入实施“凤凰行动”江澜计划，促进经济高质量发展，提出如下意见。
一、支持企业上市。对在境内首次公开发行股票并上市的企业，市级财政给予一次性补助。
江澜市人民政府
2021年10月11日

各县（市、区）人民政府，市直各单位：
《江澜市食品安全事故应急预案》已经市政府同意，现印发给你们，请认真贯彻执行。
江澜市人民政府办公厅
2021年9月30日
江政办发〔2021〕60号
江澜市人民政府办公厅关于印发江澜市食品安全事故应急预案的通知

《关于深入实施“凤凰行动”江澜计划促进经济高质量发展的若干意见》政策解读
一、起草背景
为进一步加大对企业上市的扶持力度，我市制定了《江澜市人民政府关于深入实施“凤凰行动”江澜计划促进经济高质量发展的若干意见》（以下简称《意见》）。
解读机构：江澜市地方金融监管局
"""


def test_a_document_without_a_title_line_takes_the_title_the_file_gives_it():
    from reader.core.documents.pipeline import parse_text

    docs = parse_text(UNTITLED_FIRST)
    first = docs[0]
    assert first.meta.title == "江澜市人民政府关于深入实施“凤凰行动”江澜计划促进经济高质量发展的若干意见"
    assert first.meta.kind == "意见"
    # a citation of another issuer or 文种 is not taken
    other = UNTITLED_FIRST.replace("《江澜市人民政府关于深入", "《江澜市财政局关于深入")
    assert parse_text(other)[0].meta.title.startswith("为贯彻落实")


@pytest.mark.parametrize("where, byline, issuer", [
    ("某某市第十六届人民代表大会第三次会议", "市长　王某某", "某某市人民政府"),
    ("某某区第五届人民代表大会第二次会议", "代区长　李某", "某某区人民政府"),
    ("某某市第十六届人民代表大会第三次会议", "区长　李某", None),  # a 区长 does not report to a city's congress
])
def test_a_governor_byline_without_a_place_is_the_government_of_the_congress_it_reports_to(where, byline, issuer):
    meta = one(f"政府工作报告\n\n——2022年1月10日在{where}上\n\n{byline}\n\n各位代表：\n"
               "现在，我代表政府，向大会报告工作，请予审议。\n")
    assert meta.issuers == ([issuer] if issuer else [])


def test_a_governor_byline_with_an_unnamed_congress_speaks_for_the_files_city():
    text = ("某某市人民政府关于某事的通知\n某政发〔2022〕1号\n各区人民政府：\n现将有关事项通知如下。\n"
            "某某市人民政府\n2022年1月5日\n\n关于我市停车难问题情况的报告\n\n副市长　杨某\n\n"
            "主任、副主任、秘书长、各位委员：\n受市人民政府委托，现将有关情况报告如下。\n")
    notice, report = parse_text(text)
    assert report.meta.issuers == ["某某市人民政府"]  # the city the file's signatures name


@pytest.mark.parametrize("masthead, signature", [
    ("某某市财政局\n某某市民政局\n文件", "某某市财政局　　某某市民政局"),  # a masthead over three lines
    ("某某市财政局\n某某市民政局文件", "某某市财政局\n某某市民政局"),
    ("某某市财政局文件", "某某市财政局　　某某市民政局"),  # one organ printed, the signature names both
])
def test_a_joint_issuance_keeps_every_organ_of_its_masthead_or_signature(masthead, signature):
    text = (f"{masthead}\n\n某财社〔2022〕3号\n\n关于做好某项补贴发放工作的通知\n\n各区财政局、民政局：\n"
            f"　　现就有关事项通知如下。\n\n{signature}\n2022年3月11日\n")
    assert one(text).issuers == ["某某市财政局", "某某市民政局"]
