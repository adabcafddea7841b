"""reader.core.documents.organisations: one canonical name per organisation, whether it issues a
document or is named in one."""
from __future__ import annotations

import pytest

from reader.core.documents.metadata import canonical_issuer
from reader.core.documents.pipeline import parse_text
from reader.core.ledger.tasks import extract_tasks
from reader.core.documents.organisations import canonical_org, canonical_unit, expand


@pytest.mark.parametrize("printed,city,district,expected", [
    ("区科技局", "宁波市", "北仑区", "宁波市北仑区科学技术局"),
    ("北仑区科技局", "宁波市", "北仑区", "宁波市北仑区科学技术局"),
    ("区人社局", "宁波市", "北仑区", "宁波市北仑区人力资源和社会保障局"),
    ("市场监管局", "宁波市", None, "宁波市市场监督管理局"),  # not 宁波 + 场监督管理局
    ("市场监管局", "宁波市", "北仑区", "宁波市北仑区市场监督管理局"),
    ("市市场监管局", "宁波市", "北仑区", "宁波市市场监督管理局"),
    ("县政府办公室", "台州市", "天台县", "台州市天台县人民政府办公室"),
    ("县财政局", "宁波市", "北仑区", "县财政局"),  # a 县 is not this district
    ("国务院国资委", "宁波市", None, "国务院国有资产监督管理委员会"),  # a place of its own
    ("政府投资项目评审中心", "宁波市", "北仑区", "宁波市北仑区政府投资项目评审中心"),
    ("区政府办", "宁波市", "北仑区", "宁波市北仑区人民政府办公室"),
    ("宁波市第十六届人民代表大会常务委员会", None, None, "宁波市人民代表大会常务委员会"),
])
def test_issuer_and_unit_get_the_same_name(printed, city, district, expected):
    assert canonical_issuer(printed, city, district) == expected
    assert canonical_unit(printed, city, district) == expected
    assert canonical_org(printed, city, district) == expected


def test_abbreviations_expand_inside_and_at_the_end():
    assert expand("市人大常委会主任会议") == "市人民代表大会常务委员会主任会议"
    assert expand("区政府妇儿工委办公室") == "区人民政府妇女儿童工作委员会办公室"
    assert expand("安委办") == "安全生产委员会办公室"
    assert expand("人民政府") == "人民政府"
    assert expand("区政府办") == "区人民政府办公室"  # not 区人民人民政府办公室
    assert expand("市政府驻京办") == "市人民政府驻京办"
    assert expand("政府投资项目评审中心") == "政府投资项目评审中心"  # investment, not the organ


DISTRICT_NOTICE = """北仑区科技局关于开展科技企业孵化器评价工作的通知

仑科〔2024〕6号

各有关单位：
现将有关事项通知如下。
一、区科技局牵头，区人社局、区市场监管局配合，于6月底前完成评价。

北仑区科技局
2024年4月2日
"""


def test_one_office_one_name_as_issuer_and_as_unit_in_a_document_i_wrote():
    doc = parse_text(DISTRICT_NOTICE, "通知.txt")[0]
    assert doc.meta.canonical_issuers == ["宁波市北仑区科学技术局"]
    task = extract_tasks(doc)[0]
    assert [u.canonical for u in task.lead_units] == ["宁波市北仑区科学技术局"]
    assert [u.canonical for u in task.cooperating_units] == [
        "宁波市北仑区人力资源和社会保障局", "宁波市北仑区市场监督管理局"]
