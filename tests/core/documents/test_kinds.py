"""Every kind of official document (issue 12): laws, regulations, interpretations, resolutions,
reports and joint issuances split and described right. Texts written for the purpose."""
from __future__ import annotations

import pytest

from reader.core.text.normalise import clean_lines
from reader.core.text.patterns import title_kind
from reader.core.documents.pipeline import parse_text


def titles(docs):
    return [d.meta.title for d in docs]


@pytest.mark.parametrize("title, kind", [
    ("中华人民共和国港口航道保护法", "法"),
    ("证券法", "法"),
    ("最高人民法院关于审理建设工程合同纠纷案件适用法律问题的解释", "解释"),
    ("中华人民共和国刑法修正案（九）", "修正案"),
    ("某省人大常委会2022年度立法工作安排", "安排"),
    ("关于改进工作方法", ""),  # ordinary words ending in 法 are not laws
    ("各单位要依法", ""),
    ("适用本法", ""),
    ("具体做法", ""),
    ("资金管理办法", "办法"),
    ("某省高级人民法院关于审理建设工程纠纷案件若干问题的解答", "解答"),
])
def test_laws_interpretations_amendments_and_plans_are_kinds(title, kind):
    assert title_kind(title) == kind


LAWS = """\
中华人民共和国海港保护法

（2021年6月10日第十三届全国人民代表大会常务委员会第二十九次会议通过）

第一条　为了保护海港，制定本法。
第二条　本法自2021年9月1日起施行。

中华人民共和国刑法修正案（十五）

（2021年6月10日第十三届全国人民代表大会常务委员会第二十九次会议通过）

一、将刑法第一百条修改为：“……”
二、本修正案自2021年9月1日起施行。

最高人民法院关于审理海港纠纷案件适用法律若干问题的解释

（2021年5月20日最高人民法院审判委员会第1840次会议通过，自2021年7月1日起施行）

第一条　人民法院审理海港纠纷案件，适用本解释。
第二条　本解释自2021年7月1日起施行。

某某省人民代表大会常务委员会2021年度执法检查工作安排

（2021年3月2日某某省第十三届人民代表大会常务委员会第五十次主任会议通过）

一、检查海港保护法的实施情况。
二、检查报告提请常委会第三十次会议审议。
"""


def test_laws_amendments_interpretations_and_plans_under_an_adoption_note_are_documents():
    docs = parse_text(LAWS)
    assert titles(docs) == [
        "中华人民共和国海港保护法", "中华人民共和国刑法修正案（十五）",
        "最高人民法院关于审理海港纠纷案件适用法律若干问题的解释",
        "某某省人民代表大会常务委员会2021年度执法检查工作安排"]
    assert [d.meta.kind for d in docs] == ["法", "修正案", "解释", "安排"]


SHORT_ISSUE = """\
第一条　本条例自2022年1月1日起施行。
— 7 —
某某市人大常委会公报　2022·1

某某市人民代表大会常务委员会关于批准某项预算调整方案的决议

（2021年12月28日某某市第十六届人民代表大会常务委员会第四十次会议通过）

会议决定，批准预算调整方案。
— 8 —
某某市人大常委会公报　2022·1

某某市人民代表大会常务委员会关于某某事项的决定

（2021年12月28日某某市第十六届人民代表大会常务委员会第四十次会议通过）

会议决定如下。
"""


def test_a_gazette_header_printed_twice_beside_page_numbers_is_page_furniture():
    kept = [line.text for line in clean_lines(SHORT_ISSUE)]
    assert "某某市人大常委会公报　2022·1" not in kept
    docs = parse_text(SHORT_ISSUE)
    assert "某某市人民代表大会常务委员会关于批准某项预算调整方案的决议" in titles(docs)
    assert "某某市人民代表大会常务委员会关于某某事项的决定" in titles(docs)


DECREES = """\
某某市人民政府公报
2021年第5期

目　录

【市政府令】
某某市人民政府令（第31号）
某某市停车场管理办法
【部门文件】
某某市财政局关于做好年度决算工作的通知

某某市人民政府令
第31号

《某某市停车场管理办法》已于2021年4月2日经市人民政府第60次常务会议审议通过，现予公布，自2021年6月1日起施行。

市长　王某某
2021年4月9日

某某市停车场管理办法

第一条　为了加强停车场管理，制定本办法。
第二条　本办法自2021年6月1日起施行。

生态环境部令
2021年第20号

《排污许可登记管理规定》已于2021年3月1日经生态环境部部务会议审议通过，现予公布，自2021年5月1日起施行。

部长　黄某某
2021年3月10日

排污许可登记管理规定

第一条　为了规范排污许可登记，制定本规定。
第二条　本规定自2021年5月1日起施行。

某省人民代表大会常务委员会公告
第八号

《某省河道保护条例》已由某省第十三届人民代表大会常务委员会第二十次会议于2021年5月28日通过，现予公布，自2021年9月1日起施行。

某省人民代表大会常务委员会
2021年5月28日

某省河道保护条例

（2021年5月28日某省第十三届人民代表大会常务委员会第二十次会议通过）

第一条　为了保护河道，制定本条例。
第二条　本条例自2021年9月1日起施行。
"""


def test_a_decree_is_the_regulation_it_promulgates_and_an_announcement_is_its_own_document():
    """令 / 公告 numbers over two lines (第31号, 2021年第20号, 第八号); the contents entry printed
    above the first 令 is not its title. A 令's number is its regulation's (a 规章 is cited by it),
    so the regulation printed under the signature is the 令's text; a 公告 is an act of its own,
    signed and dated, and the law under it, with its own adoption note, is another document."""
    docs = parse_text(DECREES)
    assert [(d.meta.title, d.meta.doc_number, d.meta.issuers, d.meta.kind) for d in docs] == [
        ("某某市停车场管理办法", "某某市人民政府令第31号", ["某某市人民政府"], "办法"),
        ("排污许可登记管理规定", "生态环境部令2021年第20号", ["生态环境部"], "规定"),
        ("某省人民代表大会常务委员会公告", "某省人民代表大会常务委员会公告第八号",
         ["某省人民代表大会常务委员会"], "公告"),
        ("某省河道保护条例", None, ["某省人民代表大会常务委员会"], "条例"),
    ]
    assert "第二条　本条例自2021年9月1日起施行。" in docs[3].text
    assert "第二条　本条例自2021年9月1日起施行。" not in docs[2].text


LAW_WITH_CONTENTS = """\
某某省人民代表大会常务委员会公报
2020年第4号

目　　录

某某省水土保持条例……………………………………（3）
某某省人民代表大会常务委员会关于某某的决定…………（9）

某某省水土保持条例

（2020年7月30日某某省第十三届人民代表大会常务委员会第二十次会议通过）

目　　录

第一章　总　　则
第二章　预防与治理
第三章　附　　则

第一章　总　　则

第一条　为了预防和治理水土流失，制定本条例。
第二条　县级以上人民政府水行政主管部门负责本行政区域的水土保持工作。

第二章　预防与治理

第三条　禁止在崩塌、滑坡危险区取土、挖砂、采石。

第三章　附　　则

第四条　本条例自2020年10月1日起施行。

某某省人民代表大会常务委员会关于某某的决定

（2020年7月30日某某省第十三届人民代表大会常务委员会第二十次会议通过）

会议决定如下。
"""


def test_a_law_keeps_its_own_contents_and_chapters():
    """A law's own 目录 (its chapters listed) is part of it, and its chapters start over after it."""
    docs = parse_text(LAW_WITH_CONTENTS)
    assert titles(docs) == ["某某省水土保持条例", "某某省人民代表大会常务委员会关于某某的决定"]
    law = docs[0]
    assert "第二章　预防与治理" in law.text and "本条例自2020年10月1日起施行" in law.text
    assert (law.first_line, law.last_line) == (9, 30)


GLUED_CONTENTS = """\
某某法院公报
2021年第2期

目　录
【司法解释】
最高人民法院关于审理某类纠纷案件适用法律若干问题的解释（3）
最高人民法院关于某类案件管辖的规定（7）
【司法文件】
最高人民法院印发《关于某项工作的意见》的通知（9）

最高人民法院
关于审理某类纠纷案件
适用法律若干问题的解释
法释〔2021〕5号

第一条　人民法院审理某类纠纷案件，适用本解释。
第二条　本解释自2021年3月1日起施行。

最高人民法院关于某类案件管辖的规定
法释〔2021〕6号

第一条　某类案件由中级人民法院管辖。
"""


def test_contents_entries_with_the_page_number_glued_on_are_not_documents():
    docs = parse_text(GLUED_CONTENTS)
    assert titles(docs) == ["最高人民法院关于审理某类纠纷案件适用法律若干问题的解释",
                            "最高人民法院关于某类案件管辖的规定"]


JOINT_TITLES = """\
最高人民法院
最高人民检察院
关于办理某类刑事案件
适用法律若干问题的解释
法释〔2021〕9号

第一条　本解释自2021年5月1日起施行。

某某市财政局　某某市民政局
国家税务总局某某市税务局关于做好某项补贴发放工作的通知
某财社〔2021〕8号

各区财政局、民政局、税务局：
现就有关事项通知如下。
某某市财政局　　某某市民政局　　国家税务总局某某市税务局
2021年4月2日
"""


def test_a_joint_title_over_several_lines_keeps_every_issuer():
    docs = parse_text(JOINT_TITLES)
    assert [(d.meta.title, d.meta.issuers) for d in docs] == [
        ("最高人民法院最高人民检察院关于办理某类刑事案件适用法律若干问题的解释", ["最高人民法院", "最高人民检察院"]),
        ("某某市财政局某某市民政局国家税务总局某某市税务局关于做好某项补贴发放工作的通知",
         ["某某市财政局", "某某市民政局", "国家税务总局某某市税务局"]),
    ]


REPORTS = """\
某某市人民政府工作报告

——2021年1月20日在某某市第十六届人民代表大会第五次会议上

某某市市长　张某某

各位代表：
现在，我代表市人民政府，向大会报告工作，请予审议。
一、过去一年的工作
全市生产总值增长6%。
各位代表！
新的一年，我们要再接再厉。

关于某某市2020年预算执行情况和2021年预算草案的报告

——2021年1月20日在某某市第十六届人民代表大会第五次会议上

某某市财政局

各位代表：
受市人民政府委托，现将预算情况提请大会审议。
同志们、朋友们：
让我们继续奋斗！

论当前的农业形势

——一九八二年三月一日在某某会议上

某某部部长　王某某

同志们：
今天讲三个问题。
"""


def test_reports_are_titled_dated_and_signed_by_their_byline_and_a_salutation_starts_nothing():
    docs = parse_text(REPORTS)
    assert [(d.meta.title, d.meta.issuers) for d in docs] == [
        ("某某市人民政府工作报告", ["某某市人民政府"]),
        ("关于某某市2020年预算执行情况和2021年预算草案的报告", ["某某市财政局"]),
        ("论当前的农业形势", ["某某部"]),
    ]
    assert "新的一年，我们要再接再厉。" in docs[0].text
    assert [d.meta.kind for d in docs] == ["报告", "报告", "讲话"]  # 论…形势: a speech, not at a congress


@pytest.mark.parametrize("note, date, role, issuers", [
    ("（2011年3月1日中华人民共和国国务院令第590号公布　根据2020年11月29日《国务院关于修改部分行政法规的决定》修订）",
     "2011-03-01", "公布", ["中华人民共和国国务院"]),
    ("（2019年6月28日第十三届全国人民代表大会常务委员会第十一次会议通过）",
     "2019-06-28", "通过", ["全国人民代表大会常务委员会"]),
    ("（2020年5月28日某某省第十三届人民代表大会第三次会议通过　2023年1月5日修正）",
     "2020-05-28", "通过", ["某某省人民代表大会"]),
    ("（2021年2月22日最高人民法院审判委员会第1832次会议通过，自2021年3月1日起施行）",
     "2021-02-22", "通过", ["最高人民法院"]),
    ("（2022年9月1日某某市人民政府第12次常务会议通过）", "2022-09-01", "通过", ["某某市人民政府"]),
    # a 主任会议 is the 常委会's meeting, as a 常务会议 is the government's
    ("（2022年2月27日某某省第十四届人民代表大会常务委员会第二十八次主任会议通过）", "2022-02-27", "通过",
     ["某某省人民代表大会常务委员会"]),
    # a society's congress adopts the society's own 章程
    ("（二〇二二年一月十二日某某省法学会第七次会员代表大会通过）", "2022-01-12", "通过", ["某某省法学会"]),
])
def test_a_note_under_the_title_gives_date_role_and_issuer_never_the_date_in_force(note, date, role, issuers):
    text = f"某某管理条例\n\n{note}\n\n第一条　为了加强管理，制定本条例。\n第二条　本条例自2030年1月1日起施行。\n"
    (doc,) = parse_text(text)
    assert (doc.meta.date, doc.meta.date_role, doc.meta.issuers) == (date, role, issuers)


def test_a_signature_date_is_the_date_of_record_and_a_session_is_its_congress():
    docs = parse_text(DECREES)
    assert [(d.meta.date, d.meta.date_role) for d in docs] == [
        ("2021-04-09", "成文"), ("2021-03-10", "成文"), ("2021-05-28", "成文"), ("2021-05-28", "通过")]
    (resolution,) = parse_text(
        "第九届某某市人民代表大会第一次会议关于政府工作报告的决议\n\n"
        "（2022年1月10日第九届某某市人民代表大会第一次会议通过）\n\n会议决定，批准这个报告。\n")
    assert resolution.meta.issuers == ["某某市人民代表大会"]
    assert (resolution.meta.date, resolution.meta.date_role) == ("2022-01-10", "通过")
    (report,) = parse_text(REPORTS.split("\n\n关于")[0])
    assert (report.meta.date, report.meta.date_role) == ("2021-01-20", "成文")


RESOLUTIONS = """\
某某市人大常委会公报
2022年第3号

目　　录

某某市人民代表大会常务委员会关于设立某某纪念日的决定…（5）
某某市人民代表大会常务委员会关于批准2021年市级决算的决议…（6）

某某市人民代表大会常务委员会关于设立某某纪念日的决定

为了弘扬某某精神，某某市第十六届人民代表大会常务委员会第三次会议决定：将每年5月8日设立为某某纪念日。

某某市人民代表大会常务委员会关于批准2021年市级决算的决议

某某市第十六届人民代表大会常务委员会第三次会议审查了2021年市级决算草案。会议决定，批准2021年市级决算。

某某市人民代表大会常务委员会关于某项工作的决议

某某市第十六届人民代表大会常务委员会第四次会议听取了市人民政府关于某项工作的报告。会议同意这个报告。

某某市人民代表大会常务委员会关于另一项工作的决议

市人大常委会听取和审议了市人民政府关于另一项工作的报告。会议同意这个报告。
"""


def test_a_resolution_without_adoption_note_is_confirmed_by_its_contents_entry_or_its_session():
    docs = parse_text(RESOLUTIONS)
    assert titles(docs) == [
        "某某市人民代表大会常务委员会关于设立某某纪念日的决定",
        "某某市人民代表大会常务委员会关于批准2021年市级决算的决议",
        "某某市人民代表大会常务委员会关于某项工作的决议",
        "某某市人民代表大会常务委员会关于另一项工作的决议",  # its session not numbered
    ]


MARKDOWN = """\
# 某某市养老服务条例

（2021年8月26日某某市第十五届人民代表大会常务委员会第四十次会议通过）

## 第一章　总则

**第一条**　为了发展养老服务，制定本条例。

## 第二章　养老服务设施规划 ##

**第二条**　市人民政府民政部门负责养老服务设施规划。

## 第三章　附则

**第三条**　本条例自2022年1月1日起施行。
"""


def test_markdown_is_read_as_text_with_its_markup_understood():
    from reader.core.library.walk import is_readable_name
    assert is_readable_name("某某条例.md") and is_readable_name("通知.TXT")
    (doc,) = parse_text(MARKDOWN)
    assert doc.meta.title == "某某市养老服务条例" and doc.meta.kind == "条例"
    assert "#" not in doc.text and "**" not in doc.text
    assert "第二章　养老服务设施规划\n第二条　市人民政府民政部门负责养老服务设施规划。" in doc.text


ANNEX_HEADING = """\
某某市人民政府关于印发某某市防汛应急预案的通知
某政发〔2022〕5号

各区人民政府，市政府各部门：
现将《某某市防汛应急预案》印发给你们，请认真贯彻执行。
某某市人民政府
2022年5月10日

某某市防汛应急预案

1　总则
为做好防汛工作，制定本预案。

附录

附录A　应急预案目录
附录B　某某市防汛指挥部成员单位职责

某某市财政局关于做好2022年度预算执行工作的通知
某财预〔2022〕9号

各区财政局：
现就有关事项通知如下。
某某市财政局
2022年6月1日
"""


def test_an_annex_heading_is_part_of_its_document():
    docs = parse_text(ANNEX_HEADING)
    assert titles(docs) == ["某某市人民政府关于印发某某市防汛应急预案的通知",
                            "某某市财政局关于做好2022年度预算执行工作的通知"]
    assert "附录A　应急预案目录" in docs[0].text


def test_every_dated_role_of_the_header_is_kept_in_printed_order():
    (law,) = parse_text("某某条例\n\n（2011年3月1日某某市人民政府令第59号公布　根据2020年11月29日《某某决定》修订）\n\n"
                        "第一条　本条例自2011年5月1日起施行。\n")
    assert law.meta.dated_roles == [("公布", "2011-03-01"), ("修订", "2020-11-29")]
    docs = parse_text(DECREES)
    assert docs[0].meta.dated_roles == [("通过", "2021-04-02"), ("施行", "2021-06-01"), ("成文", "2021-04-09")]
    assert docs[0].meta.date == "2021-04-09"  # the signature, never the 施行 date
    (joint,) = parse_text("某某解释\n\n（2021年1月4日最高人民法院审判委员会第1820次会议、2021年2月2日最高人民检察院"
                          "第十三届检察委员会第六十次会议通过，自2021年3月1日起施行）\n\n"
                          "第一条　本解释自2021年3月1日起施行。\n")
    assert joint.meta.dated_roles == [("通过", "2021-01-04"), ("通过", "2021-02-02"), ("施行", "2021-03-01")]
    assert joint.to_json()["dates"][-1] == {"role": "施行", "date": "2021-03-01"}


WRAPPED_DECREE = """\
某某市人民政府公报　　　　　　2021年第6期
某某市人民政府令
第32号

　　《某某市犬只管理办法》已经2021年5月6日市人民政府
第61次常务会议审议通过，现予公布，自2021年7月1日起施行。
市长　王某某
2021年5月12日

某某市犬只管理办法
　　第一条　为了规范犬只管理，维护市容和公共
安全，制定本办法。
　　第二条　本办法自2021年7月1日起施行。
"""


def test_a_decree_whose_promulgating_sentence_a_page_wrapped_is_still_its_regulation():
    """PDF text breaks 《X》已经…通过，现予公布 over two lines: the 令 still names X, so X's title
    under the signature is not a document of its own, and the 令 gives it number, issuer and date."""
    (doc,) = parse_text(WRAPPED_DECREE)
    m = doc.meta
    assert (m.title, m.doc_number, m.issuers, m.date, m.kind) == (
        "某某市犬只管理办法", "某某市人民政府令第32号", ["某某市人民政府"], "2021-05-12", "办法")
    assert ("通过", "2021-05-06") in m.dated_roles
    assert doc.first_line == 2


def test_an_announcement_number_in_brackets_is_its_number_not_part_of_its_title():
    text = ("某省人民代表大会常务委员会公告\n（第九号）\n\n"
            "《某省湿地保护条例》已由某省第十三届人民代表大会常务委员会第二十一次会议于2021年7月29日通过，"
            "现予公布，自2021年10月1日起施行。\n\n某省人民代表大会常务委员会\n2021年7月29日\n\n"
            "某省湿地保护条例\n\n（2021年7月29日某省第十三届人民代表大会常务委员会第二十一次会议通过）\n\n"
            "第一条　为了保护湿地，制定本条例。\n")
    announcement, law = parse_text(text)
    assert (announcement.meta.title, announcement.meta.doc_number) == (
        "某省人民代表大会常务委员会公告", "某省人民代表大会常务委员会公告第九号")
    assert (announcement.first_line, announcement.last_line) == (1, 7)
    assert (law.meta.title, law.meta.date, law.meta.date_role) == ("某省湿地保护条例", "2021-07-29", "通过")


@pytest.mark.parametrize("word", ["解答", "问答"])  # a 文种 listed, and one that is not
def test_a_title_over_two_lines_above_its_number_is_the_title_never_the_number(word):
    """某某法院 / 关于…的解答 / 某高法〔2021〕12号: the 关于…的X shape right above a 文号 is a title,
    whatever X is; the organ line above it is its first line, and no line is lost."""
    text = (f"某某省高级人民法院\n关于审理租赁合同纠纷案件若干问题的{word}\n\n某高法〔2021〕12号\n\n"
            "（2021年3月8日某某省高级人民法院审判委员会第5次会议通过）\n\n"
            "一、租赁合同的效力如何认定？\n答：依照民法典的规定认定。\n")
    (doc,) = parse_text(text)
    assert (doc.meta.title, doc.meta.doc_number) == (f"某某省高级人民法院关于审理租赁合同纠纷案件若干问题的{word}",
                                                     "某高法〔2021〕12号")
    assert doc.first_line == 1 and doc.meta.issuers == ["某某省高级人民法院"]


@pytest.mark.parametrize("note, date, issuers", [
    ("> 2021年12月28日某某市第十六届人民代表大会常务委员会第九次会议通过",
     "2021-12-28", ["某某市人民代表大会常务委员会"]),
    ("2021年2月26日某某市人民政府第38次常务会议通过", "2021-02-26", ["某某市人民政府"]),
])
def test_an_adoption_note_without_brackets_under_a_markdown_title_gives_date_and_issuer(note, date, issuers):
    """Markdown files print the note as a `> ` quote or a bare line under the `# ` title."""
    text = f"# 某某市停车场管理办法\n\n{note}\n\n## 第一章 总则\n\n第一条　为了规范停车场管理，制定本办法。\n"
    (doc,) = parse_text(text)
    assert (doc.meta.date, doc.meta.date_role, doc.meta.issuers) == (date, "通过", issuers)
    assert ">" not in doc.text


def test_a_body_sentence_that_starts_with_a_date_is_no_adoption_note():
    (doc,) = parse_text("某某市停车场管理办法\n\n第一条　为了规范停车场管理，制定本办法。\n"
                        "2021年2月26日起停车场由市人民政府第38次常务会议审议通过\n")
    assert doc.meta.date_role != "通过"


def test_a_law_under_its_announcement_is_a_document_even_without_an_adoption_note():
    text = ("某省人民代表大会常务委员会公告\n第九号\n\n"
            "《某省湿地保护条例》已由某省第十三届人民代表大会常务委员会第二十一次会议于2021年7月29日通过，"
            "现予公布，自2021年10月1日起施行。\n\n某省人民代表大会常务委员会\n2021年7月29日\n\n"
            "某省湿地保护条例\n\n第一条　为了保护湿地，制定本条例。\n第二条　本条例自2021年10月1日起施行。\n")
    assert titles(parse_text(text)) == ["某省人民代表大会常务委员会公告", "某省湿地保护条例"]


def test_a_title_of_any_kind_printed_under_its_number_is_the_title():
    text = ("某高法〔2021〕13号\n\n某某省高级人民法院\n关于审理买卖合同纠纷案件若干问题的问答\n\n"
            "各中级人民法院：\n现将有关问题问答如下。\n")
    (doc,) = parse_text(text)
    assert doc.meta.title == "某某省高级人民法院关于审理买卖合同纠纷案件若干问题的问答"


def test_a_law_in_a_gazette_with_its_note_printed_without_brackets_is_a_document():
    text = ("某某市人民政府关于某事的通知\n某政发〔2021〕3号\n各区人民政府：\n现将有关事项通知如下。\n"
            "某某市人民政府\n2021年3月1日\n\n某某市停车场管理办法\n"
            "2021年2月26日某某市人民政府第38次常务会议通过\n"
            "第一条　为了规范停车场管理，制定本办法。\n")
    notice, rules = parse_text(text)
    assert rules.meta.title == "某某市停车场管理办法"
    assert (rules.meta.date, rules.meta.date_role, rules.meta.issuers) == ("2021-02-26", "通过", ["某某市人民政府"])


@pytest.mark.parametrize("sentence", [
    "现公布《某某设施保护\n条例》，自2021年\n9月1日起施行。",  # the State Council's phrasing, wrapped over three lines
    "《某某设施保护条例》已经2021年\n6月30日国务院第141次常务会议\n通过，现予公布，自2021年9月1日起施行。",
])
def test_a_decree_names_its_regulation_however_it_phrases_and_wraps_the_sentence(sentence):
    text = (f"某某公报　　2021年第20号\n中华人民共和国国务院令\n第740号\n{sentence}\n总理　李某某\n2021年7月8日\n\n"
            "某某设施保护条例\n第一条　为了保护某某设施，制定本条例。\n第二条　本条例自2021年9月1日起施行。\n")
    (doc,) = parse_text(text)
    assert (doc.meta.title, doc.meta.doc_number, doc.meta.date) == (
        "某某设施保护条例", "中华人民共和国国务院令第740号", "2021-07-08")
    assert "第二条　本条例自2021年9月1日起施行。" in doc.text


@pytest.mark.parametrize("head", ["某省人民代表大会常务委员会公告（第九号）", "某省人民代表大会常务委员会公告　第九号"])
def test_an_announcement_with_its_number_on_its_own_line_is_titled_and_numbered(head):
    text = (f"{head}\n\n《某省湿地保护条例》已由某省第十三届人民代表大会常务委员会第二十一次会议于2021年7月29日通过，"
            "现予公布，自2021年10月1日起施行。\n\n某省人民代表大会常务委员会\n2021年7月29日\n\n"
            "某省湿地保护条例\n\n（2021年7月29日某省第十三届人民代表大会常务委员会第二十一次会议通过）\n\n"
            "第一条　为了保护湿地，制定本条例。\n")
    announcement, law = parse_text(text)
    assert (announcement.meta.title, announcement.meta.doc_number, announcement.meta.kind) == (
        "某省人民代表大会常务委员会公告", "某省人民代表大会常务委员会公告第九号", "公告")
    assert law.meta.title == "某省湿地保护条例"
