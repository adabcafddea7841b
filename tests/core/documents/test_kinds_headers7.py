"""Header shapes of issue 12 found missing on blind set 7, each on text written for the purpose:
an adoption note listing its amendments over more than three rows of a narrow page, a collection's
编辑说明 and its end mark （本期终）, a 文号 with 签发人 on the same line under an A类 mark and a
masthead, and a title whose 文种 word a narrow page cut (…的实施意 / 见) over a wrapped 主送."""
from __future__ import annotations

from reader.core.documents.pipeline import parse_text
from reader.core.text.patterns import COLOPHON_LINE, FRONT_MATTER_HEADING, ISSUE_COLOPHON


def spans(docs):
    return [(d.first_line, d.last_line, d.meta.title) for d in docs]


LONG_AMENDMENT_NOTE = """\
法规选编

最高人民法院关于审理渔船纠纷案件若干问题的规定
（2024年3月1日最高人民法院审判委员会第1900次会议通过）
法释〔2024〕6号

　　第一条　人民法院审理渔船纠纷案件，适用本规定。
　　第二条　本规定自2024年5月1日起施行。

三、地方性法规

澄海省人民代表大会常务委员会立法程序规则
（一九九〇年五月十日澄海省第七届人民代表大会常务委员会第十五次会议
通过　根据二〇一二年三月一日澄海省第十一届人民代表大会常务委员会
第二十八次会议《关于修改〈澄海省人民代表大会常务委员会立法程序规则〉
的决定》修正）

　　第一条　为了规范立法程序，根据有关法律，制定本规则。
　　第二条　常务委员会审议法规案，一般经两次会议审议后交付表决。
　　第三条　本规则自公布之日起施行。

澄海省渔业协会章程
（2024年6月1日澄海省渔业协会第三次会员代表大会通过）

　　第一条　本会是渔业生产者的自律组织。
　　第二条　本会接受澄海省农业农村厅的指导。
"""


def test_adoption_note_over_four_rows_confirms_its_title():
    docs = parse_text(LONG_AMENDMENT_NOTE)
    assert [(a, b, t) for a, b, t in spans(docs)] == [
        (3, 8, "最高人民法院关于审理渔船纠纷案件若干问题的规定"),
        # 三、地方性法规 heads the section the rules open (test_split9), not the 规定 above it
        (10, 20, "澄海省人民代表大会常务委员会立法程序规则"),
        (22, 26, "澄海省渔业协会章程")]
    rules = docs[1].meta
    assert rules.date == "1990-05-10" and rules.kind == "规则"
    # the note's wrapped rows (…人民代表大会常务委员会 at a row end) are no byline
    assert rules.issuers == ["澄海省人民代表大会常务委员会"]
    assert docs[0].meta.date == "2024-03-01"  # the 规定 no longer takes the rules' note


def test_a_sentence_in_a_bracket_is_no_adoption_note():
    text = LONG_AMENDMENT_NOTE.replace("的决定》修正）", "的决定》修正。此后又作修改）")
    docs = parse_text(text)
    # past three rows a note holds no sentence end: the rules are not confirmed by it
    assert "澄海省人民代表大会常务委员会立法程序规则" not in [d.meta.title for d in docs]


FRONT_AND_END_MATTER = """\
规章文件选编
（2025年第3期）

澄海市司法局　编

编辑说明

　　一、本选编收录2025年7月至9月期间公布的地方性法规和政府规章，供各级行政机关学习使用。
　　二、所收文件以正式公布的文本为准。

目　录

澄海市养犬管理规定…………………………………………1
澄海市停车场管理办法………………………………………5

澄海市养犬管理规定
（2025年7月1日澄海市人民政府第12次常务会议通过）

　　第一条　为了规范养犬行为，制定本规定。
　　第二条　本规定自2025年9月1日起施行。

澄海市停车场管理办法
（2025年8月1日澄海市人民政府第14次常务会议通过）

　　第一条　为了规范停车场管理，制定本办法。
　　第二条　本办法自2025年10月1日起施行。

（本期终）
"""


def test_editors_note_and_end_mark_are_no_document():
    docs = parse_text(FRONT_AND_END_MATTER)
    assert spans(docs) == [(16, 20, "澄海市养犬管理规定"), (22, 26, "澄海市停车场管理办法")]
    assert all("本期终" not in d.text for d in docs)
    assert FRONT_MATTER_HEADING.match("出版说明") and not FRONT_MATTER_HEADING.match("关于调整价格的说明")
    assert COLOPHON_LINE.match("（本辑终）") and ISSUE_COLOPHON.match("（本期完）")


SIGNER_ON_THE_NUMBER_LINE = """\
B类

澄海市民政局

澄民提〔2025〕14号　　　　　　　签发人：郑明远

澄海市民政局关于市人大十六届二次会议第0088号建议的答复

周海燕代表：

　　您提出的《关于完善社区养老服务设施的建议》收悉。现答复如下：我局将于年内新建社区养老服务站12个。
　　感谢您对民政工作的关心和支持。

澄海市民政局
2025年6月20日

抄送：市人大常委会代表工作委员会。
"""


def test_number_with_its_signer_on_one_line_under_a_mark_and_masthead():
    docs = parse_text(SIGNER_ON_THE_NUMBER_LINE)
    assert spans(docs) == [(1, 17, "澄海市民政局关于市人大十六届二次会议第0088号建议的答复")]
    meta = docs[0].meta
    assert meta.doc_number == "澄民提〔2025〕14号" and meta.kind == "答复" and meta.date == "2025-06-20"


TITLE_CUT_IN_ITS_KIND_WORD = """\
澄海市水利局文件

澄水发〔2025〕8号

澄海市水利局关于加强农村小型水库安全运行管理工作的实施意
见

各县（市、区）水利局，局机关各科室，市水文站、市水库管理中心、
各直属单位：
　　为切实保障农村小型水库安全运行，现提出如下实施意见。
　　一、落实安全管理责任。各县（市、区）水利局负责辖区内小型水库的日常监管。
　　二、加强汛期巡查。汛期每日巡查不少于一次。

澄海市水利局
2025年4月2日
"""


def test_title_whose_kind_word_a_narrow_page_cut_stays_whole_over_a_wrapped_addressee():
    docs = parse_text(TITLE_CUT_IN_ITS_KIND_WORD)
    assert spans(docs) == [(1, 15, "澄海市水利局关于加强农村小型水库安全运行管理工作的实施意见")]
    meta = docs[0].meta
    assert meta.kind == "意见" and meta.date == "2025-04-02" and meta.doc_number == "澄水发〔2025〕8号"
