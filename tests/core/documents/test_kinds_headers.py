"""Header shapes of issue 12 found missing on blind set 6, each on text written for the purpose:
a 公告 whose organ and word are printed over two lines with a term number, a 文号 under the
adoption note, a 文号 above the title with 签发人, a report's date line wrapped, the issue's back
matter without a rule, a regulation's 令 number in its 公布 note, a Markdown note in *…*, and a
byline organ named without its place."""
from __future__ import annotations

from reader.core.documents.pipeline import parse_text
from reader.core.text.normalise import clean_lines
from reader.core.text.patterns import ISSUE_COLOPHON, promulgation_number


def spans(docs):
    return [(d.first_line, d.last_line, d.meta.title) for d in docs]


TERM_ANNOUNCEMENT = """\
澄海省人民代表大会常务委员会公报

澄海省人民代表大会常务委员会
公　　告
〔十三届〕第九号

　　《澄海省养犬管理条例》已由澄海省第十三届人民代表大会常务委员会第八次会议于2024年5月30日通过，现予公布，自2024年9月1日起施行。

澄海省人民代表大会常务委员会
2024年5月30日

澄海省养犬管理条例
（2024年5月30日澄海省第十三届人民代表大会常务委员会第八次会议通过）

　　第一条　为了规范养犬行为，制定本条例。
　　第二条　本条例自2024年9月1日起施行。
"""


def test_announcement_with_organ_and_word_on_two_lines_and_a_term_number():
    docs = parse_text(TERM_ANNOUNCEMENT)
    assert spans(docs) == [(3, 10, "澄海省人民代表大会常务委员会公告"), (12, 16, "澄海省养犬管理条例")]
    notice = docs[0].meta
    assert notice.doc_number == "澄海省人民代表大会常务委员会公告〔十三届〕第九号"
    assert notice.issuers == ["澄海省人民代表大会常务委员会"] and notice.date == "2024-05-30"
    assert "《澄海省养犬管理条例》已由" in docs[0].text  # the promulgating sentence is read
    assert promulgation_number(notice.doc_number)["what"] == "公告"
    assert promulgation_number("某市人民政府令〔2024〕3号") is None  # a 〔year〕 is an ordinary 文号's


NUMBER_UNDER_NOTE = """\
最高人民法院关于审理渔船纠纷案件若干问题的规定
（2024年3月1日最高人民法院审判委员会第1900次会议通过，自2024年5月1
日起施行）
法释〔2024〕6号

　　第一条　人民法院审理渔船纠纷案件，适用本规定。
　　第二条　本规定自2024年5月1日起施行。

最高人民法院关于审理码头纠纷案件若干问题的解释
（2024年4月1日最高人民法院审判委员会第1905次会议通过）
法释〔2024〕7号

　　第一条　人民法院审理码头纠纷案件，适用本解释。
"""


def test_number_printed_under_the_adoption_note_is_the_documents():
    docs = parse_text(NUMBER_UNDER_NOTE)
    assert [(a, b, t, d.meta.doc_number) for d, (a, b, t) in zip(docs, spans(docs))] == [
        (1, 7, "最高人民法院关于审理渔船纠纷案件若干问题的规定", "法释〔2024〕6号"),
        (9, 13, "最高人民法院关于审理码头纠纷案件若干问题的解释", "法释〔2024〕7号")]


SIGNER = """\
B类

临江县农业农村局

临农提〔2024〕5号

签发人：周某某


临江县农业农村局关于县政协十届二次会议第0031号提案的答复

张某委员：

　　您提出的关于发展庭院经济的提案收悉。现答复如下：
　　一、下一步将加大扶持力度。

临江县农业农村局
2024年6月3日
"""


def test_number_above_the_title_with_its_signer_and_class_mark_heads_the_answer():
    docs = parse_text(SIGNER)
    assert spans(docs) == [(1, 18, "临江县农业农村局关于县政协十届二次会议第0031号提案的答复")]
    assert docs[0].meta.doc_number == "临农提〔2024〕5号"


REPORT_AFTER_MEASURES = """\
澄江市人民政府令
第12号
　　《澄江市停车场管理办法》已经2024年1月5日市人民政府第30次常务会议审议通过，现予公布。
市长　某某
2024年1月10日

澄江市停车场管理办法

　　第一条　为了加强停车场管理，制定本办法。
　　第二条　本办法自2024年3月1日起施行。

政府工作报告
——2024年1月8日在澄江市第九届人民代表大会第三
次会议上

澄江市市长　某某

各位代表：
　　现在，我代表市人民政府，向大会报告工作。
"""


def test_report_whose_date_line_is_wrapped_is_not_merged_into_the_measures_before_it():
    docs = parse_text(REPORT_AFTER_MEASURES)
    assert [(a, t) for a, _, t in spans(docs)] == [(1, "澄江市停车场管理办法"), (12, "政府工作报告")]
    report = docs[1].meta
    assert (report.date, report.date_role, report.issuers) == ("2024-01-08", "成文", ["澄江市人民政府"])


BACK_MATTER = """\
澄江市人民政府关于做好防汛工作的通知
澄政发〔2024〕3号

各区人民政府：
　　现将有关事项通知如下。
澄江市人民政府
2024年5月6日

本刊地址：澄江市江滨路1号
邮政编码：300000
"""


def test_issue_back_matter_without_a_rule_is_no_documents_text():
    docs = parse_text(BACK_MATTER)
    assert spans(docs) == [(1, 7, "澄江市人民政府关于做好防汛工作的通知")]
    ends = parse_text(BACK_MATTER.replace("本刊地址：澄江市江滨路1号\n邮政编码：300000\n", "（本期完）\n"))
    assert spans(ends) == [(1, 7, "澄江市人民政府关于做好防汛工作的通知")]
    # a notice's own contact lines (no line naming the issue) stay its text
    own = parse_text(BACK_MATTER.replace("本刊地址", "地址"))
    assert own[0].last_line == 10
    assert ISSUE_COLOPHON.match("内部资料　免费交流") and not ISSUE_COLOPHON.match("地址：某路1号")


def test_regulation_printed_with_its_promulgation_note_takes_the_decree_number():
    docs = parse_text("海港引航条例\n（2024年2月1日中华人民共和国国务院令第790号公布　自2024年5月1日起施行）\n\n"
                      "　　第一条　为了规范引航，制定本条例。\n")
    assert docs[0].meta.doc_number == "中华人民共和国国务院令第790号"
    revised = parse_text("海港引航条例\n（2001年2月1日中华人民共和国国务院令第300号公布　根据2024年2月1日"
                         "《国务院关于修改部分行政法规的决定》修订）\n\n　　第一条　为了规范引航，制定本条例。\n")
    assert revised[0].meta.doc_number == "中华人民共和国国务院令第300号"
    adopted = parse_text("某省引航条例\n（2024年2月1日某省第十四届人民代表大会常务委员会第九次会议通过）\n\n"
                         "　　第一条　为了规范引航，制定本条例。\n")
    assert adopted[0].meta.doc_number is None


def test_markdown_note_in_emphasis_gives_the_adoption_date():
    docs = parse_text("# 澄江市人民代表大会常务委员会议事规则\n\n*（2023年6月1日澄江市第九届人民代表大会"
                      "常务委员会第十次会议通过）*\n\n**第一条**　为了规范议事，制定本规则。\n", file="rules.md")
    assert (docs[0].meta.date, docs[0].meta.date_role) == ("2023-06-01", "通过")
    assert [ln.text for ln in clean_lines("* 列表项目\n*强调*\n")] == ["* 列表项目", "强调"]


def test_byline_organ_without_place_takes_the_congress_place():
    docs = parse_text("澄江县人民代表大会常务委员会工作报告\n\n——2024年1月9日在澄江县第十届人民代表大会第三次会议上\n\n"
                      "县人大常委会主任　某某\n\n各位代表：\n\n　　我代表县人民代表大会常务委员会报告工作。\n")
    assert docs[0].meta.issuers == ["澄江县人民代表大会常务委员会"]
