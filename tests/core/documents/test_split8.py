"""Splitting and metadata rules found on blind set 8, each on a text written for the purpose."""
from __future__ import annotations

from reader.core.documents.pipeline import parse_text

AMENDING_DECISION = """\
某某省人民代表大会常务委员会公报
2025年第2号

目　　录

某某省人民代表大会常务委员会公告（第九号）………………………………………（1）
某某省人民代表大会常务委员会关于批准某某市养犬管理条例的决定……………（1）
某某省人民代表大会常务委员会关于修改《某某省河道管理条例》
　　等四件地方性法规的决定……………………………………………………（2）

某某省人民代表大会常务委员会公告
（第九号）
　　《某某市养犬管理条例》已由某某省第十四届人民代表大会常务委员会第九次会议批准，现予公布。
某某省人民代表大会常务委员会
2025年3月2日

某某省人民代表大会常务委员会关于批准某某市养犬管理条例的决定
（2025年3月2日某某省第十四届人民代表大会常务委员会第九次会议通过）
　　某某省第十四届人民代表大会常务委员会第九次会议审查了某某市养犬管理条例，决定予以批准。

某某省人民代表大会常务委员会关于修改《某某省河道管理条例》
等四件地方性法规的决定
（2025年3月2日某某省第十四届人民代表大会常务委员会第九次会议通过）
　　某某省第十四届人民代表大会常务委员会第九次会议决定，对下列地方性法规作出修改：
　　一、《某某省河道管理条例》
　　将第九条修改为：“河道管理范围内禁止倾倒垃圾。”
　　二、《某某省林业条例》
　　将第十二条中的“三日”修改为“五日”。
　　本决定自2025年5月1日起施行。
"""


def test_title_row_ending_in_a_law_name_goes_on_to_its_own_kind_word():
    docs = parse_text(AMENDING_DECISION, "gazette.txt")
    titles = [d.meta.title for d in docs]
    assert "某某省人民代表大会常务委员会关于修改《某某省河道管理条例》等四件地方性法规的决定" in titles
    assert not any(t.startswith("等四件") for t in titles)
    amend = next(d for d in docs if "等四件" in d.meta.title)
    assert amend.meta.kind == "决定"
    assert "本决定自2025年5月1日起施行" in amend.text


COLLECTION = """\
建设工程法规选编
（第3辑）
某某省住房和城乡建设厅　编
编辑说明
　　一、本选编收录2025年公布的建设工程方面的法规、规章。
　　二、限于时间，疏漏之处在所难免，敬请指正。
某某省住房和城乡建设厅政策法规处
2025年10月
- 1 -
建设工程法规选编（第3辑）
一、规　　章
某某省建筑市场管理办法
（2025年6月3日某某省人民政府第十二次常务会议通过）
　　第一条　为了规范建筑市场秩序，制定本办法。
　　第二条　本办法自2025年8月1日起施行。

某某省住房和城乡建设厅关于工程质量保证金有关问题的复函
某建函〔2025〕21号
某某市住房和城乡建设局：
　　你局《关于工程质量保证金返还问题的请示》收悉。经研究，函复如下：
　　保证金应当在缺陷责任期满后十四日内返还。
　　此复。
某某省住房和城乡建设厅
2025年9月1日
"""


def test_a_collections_editorial_note_before_its_first_document_is_front_matter():
    docs = parse_text(COLLECTION, "collection.txt")
    titles = [d.meta.title for d in docs]
    assert titles == ["某某省建筑市场管理办法", "某某省住房和城乡建设厅关于工程质量保证金有关问题的复函"]
    assert not any("编辑说明" in d.text or "疏漏之处" in d.text for d in docs)


WRAPPED_ADDRESSEE = """\
某某省水利厅文件

某水发〔2025〕7号

某某省水利厅关于做好水库安全度汛工作的通
知

各市、县（区）水利局，省水利水电勘
测设计院，省水文中心：
入汛以来全省降雨较常年同期偏多两成，部分水库水位持续偏高，
安全度汛形势严峻。为切实保障水库安全，现将有关事项通知如下
一、落实安全责任。各地要逐库明确行政责任人、技术责任人和巡
查责任人，并在主汛期前完成培训，确保责任人熟悉水库基本情况。
二、加强巡查值守。汛期各水库要实行二十四小时值班制度，发现
险情立即报告并组织处置，不得迟报、漏报、瞒报。
三、严格调度运用。汛限水位以上的水库要按照批准的调度方案及
时泄洪，确需超汛限水位运行的须报有管辖权的水行政主管部门批
准后方可实施。

某某省水利厅
2025年5月6日
"""


def test_a_short_addressee_row_ending_inside_a_name_goes_on_to_the_next_row():
    docs = parse_text(WRAPPED_ADDRESSEE, "notice.txt")
    assert [d.meta.title for d in docs] == ["某某省水利厅关于做好水库安全度汛工作的通知"]
    assert str(docs[0].meta.date) == "2025-05-06"
    assert "严格调度运用" in docs[0].text


RUNNING_DOCNO = """\
某某县农业农村局文件

某农发〔2025〕12号

某某县农业农村局关于做好秋粮收购工作的通知

各乡镇人民政府，县直有关单位：
　　今年全县秋粮丰收在望，为做好秋粮收购工作，保护种粮农民利益，现将
有关事项通知如下：
　　一、加强组织领导。各乡镇要成立秋粮收购工作专班，统筹做好收购
网点布设、资金筹措和仓容准备等工作，确保农民售粮
- 1 -
某农发〔2025〕12号

方便。
　　二、严格执行政策。收购企业要严格执行国家最低收购价政策，不得
压级压价、拖欠粮款。
　　三、强化监督检查。县农业农村局将会同县市场监督管理局开展专项
检查，发现问题及时督促整改。

某某县农业农村局
2025年9月20日
- 2 -
"""


def test_a_docno_repeated_at_a_page_top_without_a_title_is_a_running_header():
    docs = parse_text(RUNNING_DOCNO, "notice.txt")
    assert [d.meta.title for d in docs] == ["某某县农业农村局关于做好秋粮收购工作的通知"]
    assert docs[0].meta.doc_number == "某农发〔2025〕12号"
    assert str(docs[0].meta.date) == "2025-09-20"
    assert "强化监督检查" in docs[0].text


GLUED_JOINT_TITLE = """\
某某市交通运输局某某市公安局关于加强校车通行管理的通知

各区县交通运输局、公安分局：
　　为保障学生乘车安全，现就加强校车通行管理有关事项通知如下：
　　一、校车应当按照核定路线行驶。
　　二、公安交警部门要加强校车通行路段的巡查。

某某市交通运输局　　　　某某市公安局
2025年3月1日
"""

SOCIETY_CHARTER = """\
某某省律师协会章程
（2025年5月8日某某省律师协会第九届理事会第二次全体会议通过）
　　第一条　某某省律师协会是依法成立的律师自律性组织。
　　第二条　本章程自通过之日起施行。
"""


def test_a_joint_title_with_its_organs_run_together_names_each_issuer():
    doc = parse_text(GLUED_JOINT_TITLE, "notice.txt")[0]
    assert list(doc.meta.issuers) == ["某某市交通运输局", "某某市公安局"]


def test_a_bodys_own_term_in_an_adoption_note_is_that_body():
    doc = parse_text(SOCIETY_CHARTER, "charter.txt")[0]
    assert list(doc.meta.issuers) == ["某某省律师协会"]
    assert str(doc.meta.date) == "2025-05-08"


MINISTRY_RULE = """\
港口设施维护管理规定
（2025年2月10日某某部令2025年第7号公布　自2025年5月1日起施行）
　　第一条　为了加强港口设施维护管理，制定本规定。
　　第二条　本规定自2025年5月1日起施行。
"""

RESEARCH_OFFICE_REPLY = """\
某某省高级人民法院研究室关于执行异议案件审查期限问题的答复
某高法研〔2025〕3号
某某市中级人民法院：
　　你院《关于执行异议案件审查期限问题的请示》收悉。经研究，答复如下：
　　执行异议案件应当自收到书面异议之日起十五日内审查完毕。
　　此复。
某某省高级人民法院研究室
2025年4月2日
"""


def test_a_ministry_order_with_its_year_names_the_ministry_in_a_promulgation_note():
    doc = parse_text(MINISTRY_RULE, "rule.txt")[0]
    assert list(doc.meta.issuers) == ["某某部"]


def test_a_research_office_is_an_organ_in_title_and_signature():
    doc = parse_text(RESEARCH_OFFICE_REPLY, "reply.txt")[0]
    assert list(doc.meta.issuers) == ["某某省高级人民法院研究室"]
    assert str(doc.meta.date) == "2025-04-02"
