"""Splitting and metadata rules found on blind set 9, each on a text written for the purpose."""
from __future__ import annotations

from reader.core.documents.pipeline import parse_text
from reader.core.text import patterns as P

NUMBER_ABOVE = """\
某某市人民政府公报　　2025年第4期

某政发〔2025〕12号

某某市人民政府关于印发某某市老旧小区改造行动方案
（2025—2027年）的通知

　　各区县人民政府，市政府各部门：
　　现将《某某市老旧小区改造行动方案（2025—2027年）》印发给你们，请认真贯彻执行。

某某市人民政府
2025年4月2日

某政办发〔2025〕7号

某某市人民政府办公室关于做好夏季防汛工作的通知

　　各区县人民政府：
　　请于2025年5月1日前完成隐患排查。

某某市人民政府办公室
2025年4月9日
"""

NUMBER_BELOW = """\
某某县人民政府关于印发某某县乡村振兴实施方案
（2025—2026年）的通知
某县政发〔2025〕3号
各乡镇人民政府，县政府各部门：
　　现将实施方案印发给你们，请结合实际认真执行。
某某县人民政府
2025年3月1日
"""

TAIL_ALONE = """\
某环发〔2025〕9号
某某市生态环境局关于印发大气污染防治攻坚方案
的通知
各区生态环境分局：
　　现将攻坚方案印发给你们，请抓好落实。
某某市生态环境局
2025年6月1日
"""


def test_a_title_row_ending_in_a_kind_goes_on_to_a_bracketed_tail_under_a_number():
    docs = parse_text(NUMBER_ABOVE, "gazette.txt")
    titles = [d.meta.title for d in docs]
    assert titles[0] == "某某市人民政府关于印发某某市老旧小区改造行动方案（2025—2027年）的通知"
    assert docs[0].meta.kind == "通知"
    assert docs[0].meta.doc_number == "某政发〔2025〕12号"
    assert titles[1] == "某某市人民政府办公室关于做好夏季防汛工作的通知"
    assert len(docs) == 2


def test_a_title_above_its_number_takes_its_bracketed_tail_too():
    [doc] = parse_text(NUMBER_BELOW, "notice.txt")
    assert doc.meta.title == "某某县人民政府关于印发某某县乡村振兴实施方案（2025—2026年）的通知"
    assert doc.meta.kind == "通知"
    assert doc.meta.doc_number == "某县政发〔2025〕3号"


def test_a_bare_de_kind_row_ends_the_title_above_it():
    [doc] = parse_text(TAIL_ALONE, "notice.txt")
    assert doc.meta.title == "某某市生态环境局关于印发大气污染防治攻坚方案的通知"
    assert doc.meta.kind == "通知"


def test_only_a_row_that_cannot_start_a_title_is_a_title_end():
    assert P.ends_title_only("（2025—2027年）的通知")
    assert P.ends_title_only("的实施意见")
    assert not P.ends_title_only("某某市人民政府关于做好防汛工作的通知")  # a title of its own
    assert not P.ends_title_only("（2025—2027年）")  # no 文种 word: a qualifier, not a title's end
    assert not P.ends_title_only("的通知要求，各单位应当于5月1日前报送。")  # a sentence


SECTIONS = """\
某某规章汇编
2025年第1辑

一、地方性法规

某某市物业管理条例
（2025年1月8日某某市人民代表大会常务委员会第五次会议通过）
　　第一条　为了规范物业管理活动，制定本条例。
　　第二条　本条例自2025年3月1日起施行。

- 2 -
某某规章汇编

二、政府规章

某某市停车场管理办法
（2025年2月3日某某市人民政府令第12号公布）
　　第一条　为了加强停车场管理，制定本办法。
　　第二条　本办法自2025年4月1日起施行。

三、规范性文件

某某市住房和城乡建设局关于加强物业服务监管的通知
某建发〔2025〕5号
各区住房和城乡建设局：
　　一、总体要求
　　各区应当于2025年6月30日前完成检查。
某某市住房和城乡建设局
2025年3月9日
"""


def test_a_numbered_section_label_above_a_title_is_no_line_of_the_document_before():
    docs = parse_text(SECTIONS, "collection.txt")
    assert [d.meta.title for d in docs] == [
        "某某市物业管理条例", "某某市停车场管理办法", "某某市住房和城乡建设局关于加强物业服务监管的通知"]
    regulation, measures, notice = docs
    assert "政府规章" not in regulation.text and "规范性文件" not in measures.text
    assert measures.text.startswith("二、政府规章")  # it heads the section the document opens
    assert "一、总体要求" in notice.text  # a heading inside a body stays there
