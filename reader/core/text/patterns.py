"""Shapes of the parts of a 公文 (GB/T 9704) that split and metadata both recognise.

Everything here works on one line's text (already stripped). `compact()` removes
all whitespace: PDF extraction scatters spaces through Chinese text
("2024 年 7 月 1 日", "仑政办〔2022〕10 号"), so shapes are matched on the compact form.
"""
from __future__ import annotations

import re

CJK = "\u4e00-\u9fff"
CN_DIGITS = "〇零○Ｏ一二两三四五六七八九十百千"

_WS = re.compile(r"\s+")


def compact(text: str) -> str:
    return "".join(text.split())


_NUMBER_CUT = re.compile(r"(?<=\d)[ \t\u3000]*\n[ \t\u3000]*(?=\d)")


def tidy_title(text: str) -> str:
    """Join title pieces: drop spaces next to Chinese text, keep one between Latin words; a number
    cut by the line end ("关于做好20" / "23年度…", a page's width in a PDF) is one number."""
    if "\n" in text:
        text = _NUMBER_CUT.sub("", text)
    text = _WS.sub(" ", text).strip()
    return re.sub(r"(?<=[^A-Za-z0-9]) | (?=[^A-Za-z0-9])", "", text)


# ------------------------------------------------------------------ numerals
_CN_VAL = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "0": 0, "０": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}


def cn_to_int(text: str) -> int | None:
    """一 → 1, 十九 → 19, 二十三 → 23, 一百零五 → 105; digits pass through."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _CN_VAL:
            current = _CN_VAL[ch]
        elif ch in _CN_UNIT:
            total += (current or 1) * _CN_UNIT[ch]
            current = 0
        else:
            return None
    return total + current


def cn_year(text: str) -> int | None:
    """二〇一一 → 2011 (digit by digit)."""
    digits = [_CN_VAL.get(ch) for ch in text]
    if len(digits) != 4 or any(d is None for d in digits):
        return None
    return int("".join(str(d) for d in digits))


# ------------------------------------------------------------------ doc numbers
_OPEN = "〔［\\[【(（{｛<＜"
_CLOSE = "〕］\\]】)）}｝>＞"
_DOCNO_NUMBER = rf"[{_OPEN}](?P<year>(?:19|20)\d{{2}})[{_CLOSE}]第?(?P<seq>\d{{1,5}})(?P<hao>[号號])"
DOCNO_RE = re.compile(rf"(?P<prefix>[{CJK}A-Za-z]{{1,16}}?){_DOCNO_NUMBER}")
_DOCNO_NUMBER_RE = re.compile(_DOCNO_NUMBER)
DECREE_RE = re.compile(  # a promulgation number: 国务院令第781号 · 交通运输部令2023年第8号 · 常委会公告第十五号
    rf"(?P<org>[{CJK}]{{0,20}}?)(?P<what>令|公告)(?P<yr>(?:19|20)\d{{2}}年|〔[{CN_DIGITS}]{{1,4}}届〕)?"
    rf"第(?P<seq>[\d{CN_DIGITS}]{{1,6}})(?P<hao>[号號])"
)  # 〔十四届〕第二十一号: a 常委会 numbers its 公告 within its term
DECREE_SEQ_LINE = re.compile(rf"(?:(?:19|20)\d{{2}}年|〔[{CN_DIGITS}]{{1,4}}届〕)?第[\d{CN_DIGITS}]{{1,6}}[号號]")
"""The second line of a promulgation number printed over two lines (某某令 / 第260号, 公告 / 〔十四届〕第二十一号)."""
BARE_DOCNO = re.compile(r"[〔［\[【(（]((?:19|20)\d{2})[〕］\]】)）]第?(\d{1,5})[号號]")
"""A number without an organ prefix (〔2024〕3号): how minutes are numbered under their title."""
_DOCNO_LINE = re.compile(rf"[（(]?(?:{DOCNO_RE.pattern})[)）]?")
_DECREE_LINE = re.compile(rf"[（(]?(?:{DECREE_RE.pattern})[)）]?")


def docno_line(text: str) -> str | None:
    """The doc number when the whole line is one (layout spaces and outer brackets allowed)."""
    c = compact(text)
    if len(c) > 40:
        return None
    if _DOCNO_LINE.fullmatch(c) or _DECREE_LINE.fullmatch(c):
        return normalise_docno(c)
    return None


_DOCNO_FOLD = str.maketrans({c: "〔" for c in "[［【(（{｛"} | {c: "〕" for c in "]］】)）}｝"}
                            | {chr(0xFF10 + i): str(i) for i in range(10)})


def docno_brackets(text: str) -> str:
    """Brackets of a 文号 as 〔〕, full-width digits as ASCII, no spaces; nothing else changed."""
    return compact(text or "").translate(_DOCNO_FOLD)


def normalise_docno(text: str) -> str:
    """The one 文号 normaliser: 〔〕 brackets, ASCII digits, no spaces, no outer brackets:
    仑科(2022) 2 号 → 仑科〔2022〕2号, 甬政办发（２０２２）３０号 → 甬政办发〔2022〕30号.
    The printed 号/號 is kept (a traditional document shows its own); compare with docno_key."""
    c = docno_brackets(text)
    m = DOCNO_RE.search(c)
    if m:
        return f"{m['prefix']}〔{m['year']}〕{m['seq']}{m['hao']}"
    m = DECREE_RE.search(c)
    if m:
        return f"{m['org']}{m['what']}{m['yr'] or ''}第{m['seq']}{m['hao']}"
    return c


def has_docno_number(text: str) -> bool:
    """Whether text holds the 〔year〕N号 of a 文号, however bracketed and spaced ([2022] 19 号)."""
    return _DOCNO_NUMBER_RE.search(docno_brackets(text)) is not None


def docno_key(text: str) -> str:
    """What two 文号 are compared by: normalise_docno with 號 read as 号
    (雲公通〔2023〕6號 cited as 雲公通〔2023〕6号 is the same document)."""
    return normalise_docno(text).replace("號", "号")


def promulgation_number(docno: str | None) -> re.Match | None:
    """The parts (org, what, yr, seq) of a 令/公告 number (国务院令第781号), None for other 文号."""
    if not docno or ("〔" in docno and "届〕" not in docno):
        return None
    return DECREE_RE.fullmatch(docno)


PROMULGATES = re.compile(
    r"^(?:《([^《》]{2,60})》(?:已经|经|已于|已由|业经|于).{0,80}?(?:通过|批准|同意).{0,30}?现予(?:公布|发布|颁布)"
    r"|现予?(?:公布|发布|颁布)《([^《》]{2,60})》)")
"""The sentence of a 令 or 公告 that names what it promulgates: 《X》已经…通过，现予公布, or the State
Council's 现公布《X》，自…起施行."""


def promulgated_name(text: str) -> str | None:
    m = PROMULGATES.match(compact(text))
    return (m.group(1) or m.group(2)) if m else None


BARE_ADOPTION_NOTE = re.compile(rf"^(?:(?:19|20)\d{{2}}|[{CN_DIGITS}]{{4}})年[^，。；]{{4,80}}?"
                                r"(?:会议|主任会议|常务会议)(?:审议)?(?:通过|批准)$")
"""An adoption note printed without brackets under a title (2024年2月26日某市人民政府第38次常务会议通过)."""


# ------------------------------------------------------------------ dates
DATE_RE = re.compile(r"(?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
CN_DATE_RE = re.compile(
    r"(?P<y>[〇零○Ｏ0０一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,3})月(?P<d>[一二三四五六七八九十]{1,3})日"
)


def find_date(text: str) -> tuple[int, int, int] | None:
    c = compact(text)
    m = DATE_RE.search(c)
    if m:
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    else:
        m = CN_DATE_RE.search(c)
        if not m:
            return None
        y, mo, d = cn_year(m["y"]), cn_to_int(m["m"]), cn_to_int(m["d"])
        if y is None or mo is None or d is None:
            return None
    if 1 <= mo <= 12 and 1 <= d <= 31:
        return y, mo, d
    return None


def date_line(text: str) -> tuple[int, int, int] | None:
    """A date standing alone on its line (成文日期 under a signature), maybe in brackets."""
    c = compact(text).strip("（）()")
    if len(c) > 14:
        return None
    if DATE_RE.fullmatch(c) or CN_DATE_RE.fullmatch(c):
        return find_date(c)
    return None


def iso(date: tuple[int, int, int]) -> str:
    return f"{date[0]:04d}-{date[1]:02d}-{date[2]:02d}"


# ------------------------------------------------------------------ organs, kinds
ORGAN_SUFFIXES = (
    "辦公室", "辦公廳", "委員會", "廳", "辦", "總局", "中心",
    "人民政府", "政府", "办公厅", "办公室", "委员会", "常委会", "管委会", "委", "局", "厅", "办",
    "院", "中心", "部", "署", "集团", "公司", "街道办事处", "办事处", "会议", "小组", "支行",
    "分局", "监管局", "联合会", "协会", "法院", "检察院", "安委会", "指挥部", "研究室",
)
_NOT_ORGAN = re.compile(r"[，。；：、！？,.;:!?“”《》]|\d{4}年")
_ORGAN_END = re.compile("(?:" + "|".join(sorted(ORGAN_SUFFIXES, key=len, reverse=True)) + ")$")
ROLE_NAME_RE = re.compile(
    rf"^(?:[{CJK}]{{0,20}}?)(?P<role>市长|区长|县长|主任|副主任|局长|副局长|秘书长|副市长|副区长|主任委员|副主任委员|书记|厅长|部长|院长|检察长|理事长"
    rf"|总理|副总理|省长|副省长|州长|副州长|主席|副主席|委员长|署长|行长|审计长)[{CJK}]{{2,4}}$"
)


def is_organ(text: str) -> bool:
    """A bare organ name: 宁波市人民政府办公厅, 市人大社会建设委员会, 区科技局."""
    c = compact(text)
    if not (2 <= len(c) <= 32) or _NOT_ORGAN.search(c) or c[0] in "（(":
        return False
    return bool(_ORGAN_END.search(c))


MASTHEAD = re.compile(rf"^[{CJK}（）()]{{2,40}}文件$")
"""A 红头 masthead row, compact: 江海市人民政府文件, 某某局某某局文件 (a joint masthead on one row)."""


def masthead(c: str, above: str = "") -> bool:
    """A masthead row (`c` compact): 某某局文件 (an organ before 文件: a title's first line may end in
    文件 too, 关于清理规范性文件 / 的通知), or 文件 alone under an organ row (`above`: a joint
    masthead's organs one a row, 文件 beside or under them)."""
    if c == "文件":
        return is_organ(above)
    return MASTHEAD.match(c) is not None and is_organ(c[:-2])


def byline_organ(text: str, place: str = "") -> str | None:
    """The organ of a role-and-name byline: 国务院总理 李强 → 国务院, 市民政局局长 胡杰 → 市民政局;
    a governor without a place (市长 林某) is the government of `place` when it is a place of
    that level (the 青川市 whose congress hears the report)."""
    c = compact(text)
    m = ROLE_NAME_RE.match(c)
    if not m:
        return None
    organ = c[:m.start("role")]
    role = m["role"].lstrip("副")
    governor = role in ("省长", "市长", "区长", "县长", "州长")
    if governor and organ in ("", "代") and place.endswith(role[0]):
        organ = place  # 市长 林某, 代区长 李某
    if governor and organ[-1:] in ("省", "市", "区", "县", "州"):
        return organ + "人民政府"  # 某某市市长 → 某某市人民政府
    return organ if is_organ(organ) else None


_CONGRESS_PLACE = re.compile(rf"^([{CJK}]{{2,12}}?[省市区县州])(?:第[{CN_DIGITS}\d]+届)?人民代表大会")


def congress_place(where: str) -> str:
    """The place of a congress a report is made at: 青川市第十七届人民代表大会第三次会议 → 青川市."""
    m = _CONGRESS_PLACE.match(where)
    return m.group(1) if m else ""


_SPEECH_DATE = re.compile(
    r"^[—\-－]{1,2}\s*(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|[〇零○Ｏ一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)\s*在(?P<where>.{2,60}?)上(?:的(?:讲话|报告|发言))?$")


def speech_date(text: str) -> tuple[tuple[int, int, int], str] | None:
    """The line under a report or speech title: ——2024年3月5日在某会议上 → (date, where)."""
    m = _SPEECH_DATE.match(text.strip())
    if not m:
        return None
    d = find_date(m["date"])
    return (d, compact(m["where"])) if d else None


SALUTATION = re.compile(
    r"^(?:(?:各位|尊敬的|亲爱的)?(?:代表|委员|同志|朋友|来宾|领导|老师|同学|同仁)们?[、，,]?)+[：:！!]$")
"""各位代表：, 同志们、朋友们：: the audience of a speech or report, not the organs a 主送 names."""


def is_speaker(text: str) -> bool:
    """A byline under a title: an organ, or a role and a name (市民政局局长 胡 杰)."""
    c = compact(text)
    if len(c) > 36 or re.search(r"[，。；：！？,.;:!?《》]", c):
        return False
    return is_organ(c) or bool(ROLE_NAME_RE.match(c))


KINDS = (
    "通知", "通报", "通告", "公告", "意见", "决定", "决议", "办法", "规定", "细则", "规则", "纪要",
    "报告", "说明", "批复", "请示", "函", "名单", "议程", "讲话", "方案", "规划", "计划", "令",
    "条例", "议案", "目录", "记事", "解读", "摘要", "要点", "纲要", "指南", "指引", "清单", "预案",
    "公报", "命令", "章程", "制度", "守则", "答复", "复函", "意见书", "决议案", "标准", "实施意见",
    "大事记", "法", "解释", "安排", "修正案", "解答",
)
# What may follow the 文种 word at the end of a title: （草案） （试行） （2021-2025年） 》 etc.
_TITLE_TAIL = re.compile(r"(?:[（(][^（()）]{1,16}[)）]|》|”)+$")
KIND_NORMAL = {"实施意见": "意见", "复函": "函", "决议案": "决议", "意见书": "意见", "命令": "令",
               "大事记": "记事"}  # 某月政务大事记: a chronicle, the same 文种 as 记事
# the same words in traditional characters (Big5 files): matched, and reported simplified
_TRAD_KINDS = {
    "通報": "通报", "意見": "意见", "決定": "决定", "決議": "决议", "辦法": "办法", "規定": "规定",
    "細則": "细则", "規則": "规则", "紀要": "纪要", "報告": "报告", "說明": "说明", "批復": "批复",
    "請示": "请示", "名單": "名单", "議程": "议程", "講話": "讲话", "規劃": "规划", "計劃": "计划",
    "條例": "条例", "議案": "议案", "目錄": "目录", "記事": "记事", "解讀": "解读", "預案": "预案",
    "綱要": "纲要", "清單": "清单", "實施意見": "意见",
}
KIND_NORMAL.update(_TRAD_KINDS)
KINDS = KINDS + tuple(_TRAD_KINDS)
_KIND_RE = re.compile("(?:" + "|".join(sorted(KINDS, key=len, reverse=True)) + ")$")
# 法 ends a law's name (湿地保育法, 中华人民共和国刑法) but also ordinary words a line may end in
_NOT_LAW = re.compile(
    r"(?:[方做说看想手写用算疗语书司执违合守依非立普犯变效取无设兵戏魔技章打玩活加减乘除笔刀心佛干本该此]|办)法$")
TITLE_KIND_LAST_CHARS = frozenset({k[-1] for k in KINDS} | set(")）》”"))
"""The last character (whitespace aside) of any title title_kind names a 文种 of: title_kind's
first test, for a caller that asks about many lines before calling it."""


def title_kind(title: str) -> str:
    """The 文种 a title ends with ('' when none): …的通知 → 通知, …方案（2021-2025年） → 方案."""
    c = compact(title)
    if not c or c[-1] not in TITLE_KIND_LAST_CHARS:
        return ""
    for _ in range(2):
        m = _KIND_RE.search(c)
        if m:
            k = m.group(0)
            if k == "函" and not re.search(r"(?:的|复|公|復)函$", c):
                return ""
            if k == "法" and (len(c) < 3 or _NOT_LAW.search(c)):
                return ""
            return KIND_NORMAL.get(k, k)
        stripped = _TITLE_TAIL.sub("", c)
        if stripped == c:
            break
        c = stripped
    return ""


def ends_with_kind(text: str) -> bool:
    return bool(title_kind(text))


_TITLE_END_ROW = re.compile(r"^(?:[（(][^（()）]{1,20}[)）])?的[^，。；：]{1,12}$")


def ends_title_only(row: str) -> bool:
    """Is this row (compact) only the end of a title begun above it: 的通知, or a bracketed
    qualifier then 的 and the 文种 word ("（2026—2028年）的通知" under "…关于印发某某行动方案")?
    Such a row never starts a title, so the row above it, though it ends in a 文种 word, goes on."""
    return _TITLE_END_ROW.match(row) is not None and ends_with_kind(row)


# ------------------------------------------------------------------ headings
_HEADINGS = (
    ("chapter", re.compile(r"^第([一二三四五六七八九十百零〇]+)章")),
    ("article", re.compile(r"^第([一二三四五六七八九十百千零〇]+)条")),
    ("cn", re.compile(r"^([一二三四五六七八九十]+)[、，,.．]")),
    ("pcn", re.compile(r"^[（(]([一二三四五六七八九十]+)[)）]")),
    ("ar", re.compile(r"^(\d{1,2})[.．、](?!\d)")),
    ("par", re.compile(r"^[（(](\d{1,2})[)）]")),
)
HEADING_LEVEL = {"chapter": 0, "article": 1, "cn": 2, "pcn": 3, "ar": 4, "par": 5}
_HEADING_FIRST = {"chapter": "第", "article": "第", "cn": "一二三四五六七八九十", "pcn": "（(",
                  "ar": "0123456789", "par": "（("}  # the characters each family's numbering starts with
_HEADINGS_AT: dict[str, list[tuple[str, re.Pattern]]] = {}
"""First character → the families (of _HEADINGS, in its order) whose numbering starts with it."""
for _family, _rx in _HEADINGS:
    for _ch in _HEADING_FIRST[_family]:
        _HEADINGS_AT.setdefault(_ch, []).append((_family, _rx))
del _family, _rx, _ch


def heading(text: str) -> tuple[str, int] | None:
    """The numbering a line starts with: ('cn', 2) for 二、, ('pcn', 19) for （十九）."""
    c = text.lstrip("- ·•")
    if not c:
        return None
    for family, rx in _HEADINGS_AT.get(c[0], ()):
        m = rx.match(c)
        if m:
            n = cn_to_int(m.group(1))
            if n:
                return family, n
    return None


_CN_NUM = "一二三四五六七八九十百零〇两"
HEADING_START = re.compile(
    rf"^(?:[{_CN_NUM}]+[、．.]"  # 一、
    rf"|[（(][{_CN_NUM}]+[）)]"  # （一） (一)
    r"|[（(]\d{1,3}[）)]"  # （1）
    r"|\d{1,3}[、．]"  # 1、 1．
    r"|\d{1,3}\.(?![\d%])"  # 1. (not 1.5; "7.3 预案" is not told from "1.2 车位")
    rf"|第[{_CN_NUM}\d]+[条章节篇编款](?:\s|$)"  # "第X条 …" (not "第十六条对…", a citation)
    rf"|第[{_CN_NUM}\d]+部分"
    r"|[①-⑳⑴-⒇]"
    r"|[-•·▪●○◆◇■□]\s"  # bullets
    r"|附件(?:\s*\d+)?(?:[：:]|\s|$)"
    r")"
)
"""A line that opens a heading, list item or article: reflow never joins it to the line before."""
HEADING_FIRST_CHARS = frozenset(_CN_NUM + "（(第-•·▪●○◆◇■□附" + "".join(map(chr, range(ord("①"), ord("⒇") + 1))))
"""What a HEADING_START match starts with, besides a digit (\\d: str.isdecimal): the first item of
each of its branches. For a caller that asks it of every line, as a test before the pattern."""

_SECTION_HEADING = re.compile(
    rf"^(?:第[{_CN_NUM}\d]+(?:[章节条篇]|部分)|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|附件\s*\d*[：:]?$)"
)
SECTION_HEADING_MAX = 40
"""A heading is a short line; a longer paragraph that opens with 二、 is an item with its text."""


def section_heading(paragraph: str) -> bool:
    """A reading-text paragraph that is a section heading (第一章, 一、, （一）, 附件1): drawn bold.

    Only a whole short paragraph is one; reflow has joined a line broken inside a sentence
    ("…计划单列市第" + "二、副省级城市第五；…") before this is asked.
    """
    return len(paragraph) <= SECTION_HEADING_MAX and _SECTION_HEADING.match(paragraph) is not None


TERMINAL = set("。！？；：!?;:…")
CLOSERS = set("）)”’》」』】")


ABOUT = ("关于", "關於")


_ABOUT_RE = re.compile("|".join(ABOUT))


def has_about(text: str, within: int = 30) -> bool:
    """关于 within the first `within` (>= 0) characters."""
    return _ABOUT_RE.search(text, 0, within) is not None


def starts_about(text: str) -> bool:
    return text.startswith(ABOUT)


_SIGNED_DATE = re.compile(
    r"^(?P<organ>\S.{1,40}?)\s+(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|[〇零○Ｏ一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)$")


def signed_date_line(text: str) -> tuple[str, tuple[int, int, int]] | None:
    """An organ and its date on one line: 宁波市人民政府 2022年5月17日 → (organ, date)."""
    m = _SIGNED_DATE.match(text.strip())
    if not m or not is_organ(m["organ"]):
        return None
    d = find_date(m["date"])
    return (compact(m["organ"]), d) if d else None


# ------------------------------------------------------------------ responsibility clauses
# 责任单位： · 牵头/推进单位： · 主要责任单位：: the words a clause label is made of. One vocabulary:
# reader.core.documents.entities marks the units after a label, reader.core.ledger.tasks reads the roles.
LABEL_QUALIFIER = "(?:主要|具体|其他|市级|区级|县级)"
LABEL_ROLE = ("(?:责任|牵头|配合|协办|协助|参与|承办|主办|实施|推进|督办|监管|落实|主责|执行|协同|指导|完成|负责"
              "|联系|督查|工作|提请|起草|报告)")  # 提请单位：省人民政府 · 起草单位：省体育局 (a legislative plan)
# 报告单位：省人民政府 (a supervision plan: the body that reports to the standing committee)
LABEL_ROLE_ALT = "(?:/(?:责任|牵头|配合|推进|协办|实施))"  # 牵头/推进单位
LABEL_NOUN = "(?:单位|部门|处室|科室|主体|机关)"

ITEM_TAIL_GATE = "(?=[等按根分共具牵负配落参其各有成以（(要应须必需])"
"""The characters ITEM_TAIL_RE's alternatives start with: searched for at every position of an
item, the pattern is refused in one test where none starts (its optional groups cost the
engine an allocation each). A new alternative adds its first character here."""
ITEM_TAIL_RE = re.compile(
    ITEM_TAIL_GATE +
    # …等部门、单位 · 等有关单位 · 等驻甬部队
    "(?:等(?:有关|相关|其他|各)?(?:部门|单位|机构|区域|成员单位|驻[^、，]{1,6})?(?:[、和及](?:部门|单位|机构)){0,3}"
    # …按职责分工负责 · 牵头 · 配合落实
    "|(?:按职责分工|按照职责分工|按职责|根据职责|按照职责|分别|共同|具体)?(?:分工)?"
    "(?:牵头负责|负责|牵头|配合|落实|参与)(?:指导|督导|协调|组织|实施|推进|监督)?"
    "|(?<![局委办会部指各他关])(?:其他|各|有关)?成员单位|以下同|（以下[^）]{0,12}）|要|应当|应|须|必须|需要|需"
    # …（牵头） · （排名第一的为牵头单位）
    "|[（(][^（）()]{0,8}(?:牵头|配合|主责|召集|负责|落实|单位|排名第一)[）)])$"
)
"""What ends a list item but is not part of the name: 区住建局等部门 · 区财政局按职责分工负责 · 各成员单位."""


LIST_OPEN = "（(〔［[【"  # brackets that nest inside a list of units: 各区（县、市）政府
LIST_CLOSE = "）)〕］]】"


_LIST_CHAR_RES: dict[str, re.Pattern] = {}


def _list_chars_re(chars: str) -> re.Pattern:
    """The brackets and `chars`, as one character class (compiled once per `chars`): the two
    walkers below look only at these, and the regex engine skips the others in C."""
    rx = _LIST_CHAR_RES.get(chars)
    if rx is None:
        rx = _LIST_CHAR_RES[chars] = re.compile("[" + re.escape(LIST_OPEN + LIST_CLOSE + chars) + "]")
    return rx


def balanced_end(text: str, start: int, limit: int, stops: str, top_stops: str = "") -> int:
    """Where a list that starts at `start` ends: the first stop character, or the closing
    bracket that closes the bracket the list stands in, or `limit`, whichever comes first.
    `top_stops` end it only outside the brackets opened inside it.

    Brackets opened inside the list nest, so 各区（县、市）政府 stays one item.
    """
    depth = 0
    for m in _list_chars_re(stops + top_stops).finditer(text, start, limit):
        ch = m.group()
        if ch in stops or (depth == 0 and ch in top_stops):
            return m.start()
        if ch in LIST_OPEN:
            depth += 1
        elif ch in LIST_CLOSE:
            if depth == 0:
                return m.start()
            depth -= 1
    return max(start, limit)


def split_top_level(text: str, start: int, end: int, separators: str) -> list[tuple[int, int]]:
    """text[start:end] split at the separators that stand outside brackets, as (start, end)
    spans (empty ones included): 区住建局、各区（县、市）政府 → two items, not three."""
    items = []
    depth = 0
    i0 = start
    for m in _list_chars_re(separators).finditer(text, start, end):
        ch = m.group()
        if ch in LIST_OPEN:
            depth += 1
        elif ch in LIST_CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            i = m.start()
            items.append((i0, i))
            i0 = i + 1
    items.append((i0, end))
    return items


# ------------------------------------------------------------------ line shapes
# Whole-line shapes that normalise (page furniture, reflow's lines that stand alone) and split
# (rows) recognise. One place for both: where the two stages need a different rule for the same
# kind of line, both rules stand here side by side and say why they differ.

# -- page furniture. normalise.clean_lines drops page numbers and running headers by these …
PAGE_DASHES = "—–\\-－―‒~～·•"
PAGE_NUMBER_LINE = re.compile(
    rf"^(?:[{PAGE_DASHES}]+\s*\d{{1,4}}\s*[{PAGE_DASHES}]+"  # — 13 —, - 13 -, －13－, ·13·
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?"  # 第 3 页, 第3页 共10页
    r"|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?"
    r")$"
)
BARE_PAGE_NUMBER = re.compile(r"^\d{1,4}$")
"""A number alone on a line: a page number when blank lines surround it and no other is near."""
EDGE_PAGE_NUMBER = re.compile(
    rf"^(?:[{PAGE_DASHES}]+\s*\d{{1,4}}\s*[{PAGE_DASHES}]+\s+)?(.*?)(?:\s+[{PAGE_DASHES}]+\s*\d{{1,4}}\s*[{PAGE_DASHES}]+)?$"
)
"""A header line that carries the page number at one end: "宁波市政府公报 — 13 —" (group 1: the header)."""
GAZETTE_WORDS = re.compile(
    r"公报|政报|通报|简报|周刊|月刊|年鉴|会刊|第\s*\d+\s*[期号卷]|总第\s*\d+\s*期|\d{4}\s*年\s*第\s*\d+\s*期"
)
"""Words that name a gazette issue: a line with them that recurs is a running header."""
# … and split drops what is left of it in a row (a page number with underscores or 页 around
# it, which clean_lines does not take alone; a gazette's 【期号】 line printed once).
LEFTOVER_PAGE_NUMBER = re.compile(r"^[-—–－_~·\s]*(?:第\s*)?\d{1,4}(?:\s*页)?[-—–－_~·\s]*$")
GAZETTE_ISSUE_LINE = re.compile(r"公报.{0,6}[【\[〔(（].{0,30}[期号].{0,6}[】\]〕)）]|^[-—]\s*\d+\s*[-—]$")

# -- table-of-contents entries. split marks contents rows by their page references (on the
# compact row: no spaces left to match) …
TOC_PAGE_REF = re.compile(r"(?:\.{3,}|…{1,}|·{3,}|-{3,})[（(]?\d{1,4}[)）]?$|[)）][（(]\d{1,4}[)）]$")
TOC_TAB_PAGE_REF = re.compile(r"\t\s*[（(]\s*\d{1,4}\s*[)）]\s*$")
"""A contents entry: title, tab, (page) — matched on the printed line, tabs kept."""
TOC_GLUED_PAGE_REF = re.compile(r"^(.{4,}?)[（(]\d{1,4}[)）]$")
"""某某解释（215）: a title with its page number glued on (an entry only when another is near)."""
TOC_PAGE_TAIL = re.compile(r"[（(]?\d{1,4}[)）]?$")
TOC_LEADER_CHARS = ".…·-— \t\u3000"
# … reflow keeps a contents entry on its own line when it ends in leader dots and a page
# number (the printed line: spaces may stand between leader and number).
# Leaders are "…+" or "[.．·]{3,}", written as one class first (the leader's first character, then
# the rest of its kind): a pattern that starts with a class lets the engine skip to each leader
# character at C speed instead of trying both branches at every character of the line.
TOC_ENTRY_END = re.compile(r"[….．·](?:(?<=…)…*|(?<=[.．·])[.．·]{2,})\s*[（(]?\d{1,4}[）)]?$")

# -- table rows. split: any tab or a gap of 3+ spaces makes a row tabular (rows are short-lived
# layout) …
TABLE_GAP = re.compile(r"\t|\S\s{3,}\S")
# … reflow: two gaps of 2+ spaces at least (a single wide gap is a signature: 局长  张三).
TABLE_CELL_GAPS = re.compile(r"\S(?: {2,}|\u3000{2,})\S")

# -- label lines. split: a short label and its value end a paragraph (电话：0574-…, 联系人：某某) …
COLOPHON_LINE = re.compile(r"^(?:本刊)?(?:主办|主管|编辑|编印|编辑出版|出版|印刷|承印|发行|地址|电话|传真|邮编"
                           r"|邮政编码|网址|国内统一刊号|刊号|定价|投稿邮箱|电子邮箱|内部资料.{0,8})[:：]"
                           r"|^内部资料|^[（(]本[期辑刊卷][完终][)）]$")
"""A line of an issue's back matter (主办：某某办公厅, 编辑：某某编辑部, 本刊地址：…, 内部资料　免费交流,
（本辑完）, （本期终）)."""
ISSUE_COLOPHON = re.compile(r"^(?:本刊|主办[:：]|主管[:：]|编辑[:：]|编印[:：]|编辑出版[:：]|出版[:：]|承印[:：]"
                            r"|发行[:：]|国内统一刊号|刊号[:：]|内部资料|[（(]本[期辑刊卷][完终][)）]$)")
"""A back-matter line that names the issue itself (not a document's 地址：/电话： footer): with one of
these, trailing back matter is the issue's even without a rule drawn above it."""
FRONT_MATTER_HEADING = re.compile(r"^(?:(?:编辑|出版|编写|编印|编选)说明|编者按|前言|凡例|编后记?)$")
"""The heading of a collection's own front or back matter (编辑说明, 出版说明, 前言, 凡例, 编后记): the
editors speaking about the issue, no document's title."""
RULE_LINE = re.compile(r"^[—\-－_=＝━─]{4,}$")
"""A horizontal rule drawn with dashes."""
LABEL_LINE = re.compile(r"^[^，。：:]{1,8}[：:]\S")
# … reflow: two lines each opened by a Chinese label are items of a list (副指挥长：… / 成员：…).
LABEL_START = re.compile(r"^[\u4e00-\u9fff]{2,6}[：:]")

# -- lines reflow never joins to a neighbour (split reads dates and 文号 by date_line/docno_line,
# which also parse them; reflow only needs to know the line stands alone).
_REFLOW_CN_NUM = "一二三四五六七八九十百零〇两"
STANDALONE_DATE_LINE = re.compile(
    r"^[（(]?(?:\d{4}年\d{1,2}月\d{1,2}日"
    rf"|[〇零一二三四五六七八九]{{4}}年[{_REFLOW_CN_NUM}]{{1,2}}月[{_REFLOW_CN_NUM}]{{1,3}}日)"
    r"[）)]?(?:\s*[（(][^（()）]{1,12}[）)])?$"
)
STANDALONE_DOCNO_LINE = re.compile(
    r"^[\u4e00-\u9fff]{1,12}(?:〔|\[|［|\(|（)\d{4}(?:〕|\]|］|\)|）)\s*\d{1,4}\s*号$"
    r"|^[\u4e00-\u9fff]{2,20}令(?:第\s*\d+\s*号)?$"
)
ORGAN_END_CHARS = "府厅室会局委院部办处社行司站所队团组"
"""Last characters of organ names, for line shapes (is_organ uses the whole ORGAN_SUFFIXES)."""
SIGNATURE_ORGAN_LINE = re.compile(rf"^[{CJK}（）()·\s]{{2,30}}[{ORGAN_END_CHARS}]$")
SIGNER_NAME_LINE = re.compile(rf"^[{CJK}、（）]{{2,24}}\s+[{CJK}](?:\s*[{CJK}]){{1,3}}$")
""""市司法局局长 蒋文丰", "副市长 杨 勇": a speaker or signer, the name set apart by spaces."""
