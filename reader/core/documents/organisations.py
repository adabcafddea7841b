"""Organisations: one canonical name per organisation, for issuers and responsible units alike.

This module does not *find* organisations (entities finds units, metadata issuers); it only
says which organisation a printed name stands for, so that one office's documents and tasks
are gathered under one name over a whole library, whether it issued a document or was named
in one:

    区住建局 in a 北仑 document          → 宁波市北仑区住房和城乡建设局
    北仑区科技局 as issuer or as unit    → 宁波市北仑区科学技术局
    市发改委（市粮食物资局）in a 宁波 one → 宁波市发展和改革委员会
    财政局 in a 北仑 task table          → 宁波市北仑区财政局

Rules, in order (canonical_org):
1. Layout noise goes (spaces, tags), a parenthetical alias is dropped (市发改委（市粮食物资局） →
   市发改委) and so is a term (第十六届人民代表大会常务委员会: the same organ every term); the
   printed form is always kept next to the canonical one by the callers.
2. The place: a leading 市 becomes the document's city (not 市场, 市直, 市级, 市属), a leading
   区/县 its district when the district is one; a bare government body (财政局, 发展和改革局)
   gets the document's own level (district if the document is a district's, else city). A
   district unit is named with its city when the city is known (宁波市北仑区…, whoever prints
   it): district names repeat across cities (鼓楼区 is in 南京 and in 福州).
3. Abbreviations are expanded by one general table (ABBREVIATIONS; 住建局 → 住房和城乡建设局,
   市人大常委会主任会议 → …人民代表大会常务委员会主任会议).
Names with a place of their own (宁波海关, 宁波银保监局, 人行市中心支行, 国务院…) keep it."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from reader.core.text.patterns import CJK, CN_DIGITS


class Unit(NamedTuple):
    """An organisation as printed in the document and as canonicalised for grouping."""

    printed: str
    canonical: str


# Short form → full form, matched at the end of the name (after the place prefix).
# Longest first; keep general (no one city's special bodies here).
ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("人大常委会", "人民代表大会常务委员会"),
    ("发改委", "发展和改革委员会"),
    ("发改局", "发展和改革局"),
    ("经信委", "经济和信息化委员会"),
    ("经信局", "经济和信息化局"),
    ("科技局", "科学技术局"),
    ("市场监管局", "市场监督管理局"),
    ("市监局", "市场监督管理局"),
    ("人力社保局", "人力资源和社会保障局"),
    ("人社局", "人力资源和社会保障局"),
    ("住建局", "住房和城乡建设局"),
    ("住建委", "住房和城乡建设委员会"),
    ("自然资源规划局", "自然资源和规划局"),
    ("自然资源规划分局", "自然资源和规划分局"),
    ("资规局", "自然资源和规划局"),
    ("资规分局", "自然资源和规划分局"),
    ("交通局", "交通运输局"),
    ("卫健委", "卫生健康委员会"),
    ("卫生健康委", "卫生健康委员会"),
    ("卫健局", "卫生健康局"),
    ("国资委", "国有资产监督管理委员会"),
    ("医保局", "医疗保障局"),
    ("文广旅游局", "文化广电旅游局"),
    ("文广旅体局", "文化广电旅游体育局"),
    ("文化和广电旅游体育局", "文化广电旅游体育局"),
    ("文化与广电旅游体育局", "文化广电旅游体育局"),
    ("应急局", "应急管理局"),
    ("地方金融监管局", "地方金融监督管理局"),
    ("综合执法局", "综合行政执法局"),
    ("城管局", "城市管理局"),
    ("民宗局", "民族宗教事务局"),
    ("大数据局", "大数据发展管理局"),
    ("人防办", "人民防空办公室"),
    ("外办", "外事办公室"),
    ("台办", "台湾事务办公室"),
    ("侨办", "侨务办公室"),
    ("编办", "机构编制委员会办公室"),
    ("网信办", "网络安全和信息化委员会办公室"),
    ("政研室", "政策研究室"),
    ("安委会", "安全生产委员会"),
    ("安委办", "安全生产委员会办公室"),
    ("管委会", "管理委员会"),
    ("妇儿工委", "妇女儿童工作委员会"),
    ("政府办公厅", "人民政府办公厅"),
    ("政府办公室", "人民政府办公室"),
    ("政府办", "人民政府办公室"),
    ("政府", "人民政府"),
)
_ABBREV_SORTED = sorted(ABBREVIATIONS, key=lambda p: len(p[0]), reverse=True)

# Short forms that stand inside a name too (市人大常委会主任会议, 市政府妇儿工委办公室).
_INFIX = tuple((re.compile(p), full) for p, full in (
    (r"人大常委会", "人民代表大会常务委员会"),
    (r"人大(?!常委会|常务委员会|代表)", "人民代表大会"),
    (r"(?<=[省市区县州旗镇乡])政府(?=.)", "人民政府"),  # 市政府驻京办 (not 政府投资项目评审中心)
    (r"妇儿工委", "妇女儿童工作委员会"),
    (r"管委会(?=.)", "管理委员会"),
    (r"安委会(?=.)", "安全生产委员会"),
))
_TERM_RE = re.compile(f"第[{CN_DIGITS}\\d]+届")  # 第十六届人民代表大会常务委员会: the same organ every term

# the 机关代字 of a 文号 → (city, district); asked only when the issuer names no place
DOCNO_PLACE = {
    "甬": ("宁波市", None), "仑": ("宁波市", "北仑区"), "鄞": ("宁波市", "鄞州区"),
    "杭": ("杭州市", None), "温": ("温州市", None), "绍": ("绍兴市", None), "嘉": ("嘉兴市", None),
    "湖": ("湖州市", None), "金": ("金华市", None), "衢": ("衢州市", None), "舟": ("舟山市", None),
    "台": ("台州市", None), "丽": ("丽水市", None),
}

_PLACE_RE = re.compile(f"^(?P<city>[{CJK}]{{2,4}}?市)?(?P<district>[{CJK}]{{2,4}}?[区县])?")
_TRAILING_ALIAS_RE = re.compile(r"[（(][^（()）]{1,20}[)）]$")
_TAG_RE = re.compile("<[^<>]{0,40}>")
_SPACE_RE = re.compile(r"[\s\u3000*＊]+")
# bodies that belong to a level of government and so take its place when printed bare
_GOV_BODY_RE = re.compile("(?:局|委员会|委|办公室|研究室|办|中心|分局)$")
# names that already carry a place of their own, or are not one level's government body
_OWN_PLACE_RE = re.compile(
    "^(?:各|全|有关|相关|其他|中国|中共|国家|国务院|中央|最高|人行|财政部|中科院|兵科院)"
    "|海关|银保监|证监|支行|分行|公司|集团|大学|学院|部队"
    "|^[^市区县省]{1,5}?[省市区县州](?!场|民|级|直|属|内|外)"
)


def place_of(doc) -> tuple[str | None, str | None]:
    """(city, district) a document speaks for: from its canonical issuer, else its 文号."""
    meta = getattr(doc, "meta", doc)
    for name in list(getattr(meta, "canonical_issuers", []) or []) + list(getattr(meta, "issuers", []) or []):
        m = _PLACE_RE.match(name or "")
        if m and (m.group("city") or m.group("district")):
            city, district = m.group("city"), m.group("district")
            if district and not _real_district(district):
                district = None
            if city or district:
                return city, district
    docno = getattr(meta, "doc_number", None) or ""
    if docno[:1] in DOCNO_PLACE:
        return DOCNO_PLACE[docno[:1]]
    # no issuer, no 文号 (a gazette's 说明, 报告): the place the title is about, 关于《宁波市…》
    m = _TITLE_PLACE_RE.search(getattr(meta, "title", "") or "")
    if m:
        district = m.group("district")
        return m.group("city"), district if district and _real_district(district) else None
    return None, None


_TITLE_PLACE_RE = re.compile(
    f"(?:^|(?<=[《“于]))(?!关于|我|本|全|各|该|市)(?P<city>[{CJK}]{{2,3}}市)(?![场民级])(?P<district>[{CJK}]{{2,3}}?[区县](?![域级]))?")


def _real_district(name: str) -> bool:
    # "宁波市第十六届人民代表大会常务委" would read 第十六届人民代表大会常务委…区? no; guard odd matches
    return not re.search("[第届会委局厅办]", name)


def tidy(printed: str) -> str:
    """The printed name without layout noise: spaces, markdown stars, tags, 〔〕 for （）."""
    s = _TAG_RE.sub("", printed) if "<" in printed else printed
    s = _SPACE_RE.sub("", s)
    return s.strip("，、；。,;:：")


def expand(name: str) -> str:
    """Abbreviations → full forms (住建局 → 住房和城乡建设局, 市政府妇儿工委办公室 →
    市人民政府妇女儿童工作委员会办公室); other names unchanged."""
    for short, full in _ABBREV_SORTED:  # the ending first: 区政府办 → 区人民政府办公室
        if name.endswith(short) and not name.endswith(full):
            if short.startswith("政府") and name[: -len(short)].endswith("人民"):
                continue
            name = name[: -len(short)] + full
            break
    for pattern, full in _INFIX:
        name = pattern.sub(full, name)
    return name


_NOT_CITY_PREFIX = ("市直", "市级", "市属", "市场")  # 市场监管局 is not 宁波 + 场监管局
_NOT_DISTRICT_PREFIX = ("区直", "区级", "县直", "县级", "区县", "县市", "区（")


def _without_alias(c: str) -> str:
    """市自然资源规划局（市海洋局、市林业局） → 市自然资源规划局."""
    while True:
        m = _TRAILING_ALIAS_RE.search(c)
        if not m or m.start() < 2:
            return c
        c = c[: m.start()]


def _placed(c: str, city: str | None, district: str | None) -> str:
    """The name with the document's place where it names none of its own (rule 2)."""
    if c.startswith("市") and city and not c.startswith(_NOT_CITY_PREFIX):
        return city + c[1:]
    if c[0] in "区县" and district and district.endswith(c[0]) and not c.startswith(_NOT_DISTRICT_PREFIX):
        return (city or "") + district + c[1:]
    if (district or city) and _bare_body(c, city, district):
        return (city or "") + (district or "") + c
    if city and district and c.startswith(district):
        return city + c  # 北仑区住建局 → 宁波市北仑区住建局
    return c


@lru_cache(maxsize=8192)
def canonical_org(printed: str, city: str | None = None, district: str | None = None) -> str:
    """One name per organisation, issuer or unit; see the module docstring for the rules."""
    c = _TERM_RE.sub("", tidy(printed).replace("〔", "（").replace("〕", "）"))
    c = _without_alias(c)
    if not c:
        return tidy(printed)
    return _placed(expand(c), city, district)  # expanded as printed: 政府投资项目… is no 区政府


canonical_unit = canonical_org  # the name the ledger code knows it by


def _bare_body(name: str, city: str | None = None, district: str | None = None) -> bool:
    """财政局, 发展和改革局: a body of whichever government prints it, named without a place
    (宁波海事局, 北仑海事处 name their place without 市/区)."""
    for place in (city, district):
        if place and len(place) > 2 and name.startswith(place[:-1]):
            return False
    if name[:1] in "省市区县" and not name.startswith(_NOT_CITY_PREFIX):  # 县财政局 in a 区's document: another level
        return False
    return len(name) >= 3 and bool(_GOV_BODY_RE.search(name)) and not _OWN_PLACE_RE.search(name)


def make_unit(printed: str, city: str | None, district: str | None) -> Unit:
    p = tidy(printed)
    return Unit(p, canonical_unit(p, city, district))


def query_forms(query: str) -> list[str]:
    """What a unit filter (市经信局, 住建局, 北仑区住房和城乡建设局) may match inside a name."""
    q = tidy(query)
    return [f for f in dict.fromkeys((q, expand(q))) if f]


def unit_matches(query: str, unit: Unit) -> bool:
    forms = query_forms(query)
    return any(f in unit.printed or f in unit.canonical for f in forms)
