"""Regression guard on blind set 6 (tests/blind6): units, numbers and dates in regulatory text.

Blind once (run 2 in tests/blind6/BLIND_RESULT.md: unit recall 282/357 = 0.79 at precision 0.99,
number 271/283, date 98/102); the entity rules were then written with its misses in view
(issue 12), so it now guards, it does not measure. The KNOWN_* sets are what is still missed or
marked against the gold. The splitter's and metadata's figures on this set are guarded elsewhere.
"""
from __future__ import annotations

import pytest

from tests.judge import check_entities, load_judge

KNOWN_MISSED_UNITS = (  # a text missed in two places is listed twice
    # “省人民政府、设区的市人民政府制定的规章…，应当…报送”: the rules' duty, a modifier before it
    "省人民政府", "设区的市人民政府",
    "制定机关",                          # 制定 stops a name (制定机关 = the body that made the rule)
    "管线权属单位", "管线权属单位",         # (two files) …的，管线权属单位可以先行开挖 · 管线权属单位接到通知后应当:
                                         # a party's power after a comma (可以 would take in beneficiaries),
                                         # a duty with no comma
    "人民法院",                           # 向人民法院提出: 提出 is no application verb (向X提出建议 only tells X)
    "网络服务提供者",                      # 可以要求网络服务提供者协助: a bearer is no name after 要求
    "城建档案管理机构",                    # 向…移交: a body handed something, not applied to
    "有关部门",                           # 督促有关部门依法履行: an everyone-word (ENTITIES.md)
    "住房和城乡建设部门",                  # a bare function with 部门 (not 管理部门/主管部门) and no level
    "农村土地承包仲裁委员会",               # X逾期未作出仲裁裁决，当事人…: a condition on X, not X's duty
    "具有资质的评估机构",                  # 可以委托具有资质的评估机构: a modifier with 的 after a partner verb
    "县财政局",                            # X在培育期内每年安排…: 每年 only right after the name
    "澹水区规划编制中心",                  # 请A组织B在…完成: B after 组织 (组织 after a name is too common a word)
    "各县（市、区）",                      # 各县（市、区）完成项目申报: 完成 is no verb of duty
    "区房屋安全管理工作领导小组",           # X统筹推进…: 统筹 after a name is no trigger (区财政局统筹安排 is not one)
)
# 向常务委员会报告上半年预算执行情况: ENTITIES.md lists 上半年 as a date; the gold does not mark it here
KNOWN_WRONG_DATES = {"上半年"}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return load_judge("blind6").evaluate(tmp_path_factory.mktemp("blind6"))


def test_units_found_and_none_wrong(report):
    check_entities(report, "unit", KNOWN_MISSED_UNITS)


def test_numbers_all_found_none_wrong(report):
    check_entities(report, "number")


def test_dates_found_and_none_wrong_but_the_known(report):
    check_entities(report, "date", known_wrong=KNOWN_WRONG_DATES)
