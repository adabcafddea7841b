"""Reading text → highlighted entity spans: dates, quantities, responsible units, doc numbers.

`find_entities(text)` returns `Span`s sorted by start, never overlapping, never
crossing a line break ("\\n") or a table cell ("\\t"), with `text == text[start:end]`.

Everything is rule based (precompiled regular expressions plus a little context
checking in Python); a 200 KB document takes a few tens of milliseconds.

Where two candidates overlap the more specific class wins:
docref (甬政发〔2022〕21号) > date (2022年5月) > number (200万元) > unit (市财政局).
So the year inside a doc number is never a date, and a date is never a number.
A number's 左右 is left out of its span (ENTITIES.md allows it); two quantities joined by 至, each
with its unit (十万元至五十万元), are two spans, a dash range (10%-15%, 1-2家) one.

Units (责任单位) are only looked for where the text says someone acts:
- responsibility clauses: ``（责任单位：A、B；配合单位：C）`` whatever the brackets,
  labels and separators — every listed item is a unit, labels and leaders' names
  (牵头领导：…) are not;
- prose that assigns work: ``A牵头，B、C配合`` · ``由A会同B`` · ``请A…`` ; without 由 a
  name needs a place prefix (市/区/各/宁波市…) or a strong suffix (海关, 管委会, 分局…) so that
  ``支持龙头企业、研究院牵头`` stays plain text;
- regulatory prose (issue 12): a whole name before what it does (``海警机构依法负责`` ·
  ``省财政厅给予奖补`` · ``人民法院不予支持`` · ``A、B将…``), the partner after ``配合/协助/委托/要求``,
  the body applied, sued or reported to (``向A申请`` · ``向A起诉`` · ``报A批准``, not ``报A备案``),
  functions listed before ``等部门`` with their level (``县级以上人民政府发展改革、财政等部门``);
- division-of-duty lists ``分管A、B，C。`` / ``联系A、B`` run to the end of the sentence;
- table rows (tab separated): cells under a 单位/部门 header, and, in a table without one,
  cells of authority names that follow a task cell.
Organisation names are recognised by shape: any characters, then a suffix (局 委 办 厅 院 会
中心 支行 公司 集团 政府 街道 管委会 指挥部 支队 …), never running over a verb that assigns
work (市财政局|会同|市审计局) and not one of the ordinary words with such an ending (布局, 部署).
The issuer in a title or signature is never a unit span (nothing there says "acts").

Known limits: a doc number's issuer code glued to preceding text (全国办发〔…〕) takes the
extra characters; an organisation named in prose without any assignment cue is not marked.
"""
from __future__ import annotations

import bisect
import functools
import operator
import re

from reader.core.model import Span
from reader.core.text.patterns import (
    CJK, ITEM_TAIL_RE, LABEL_NOUN, LABEL_QUALIFIER, LABEL_ROLE, LABEL_ROLE_ALT, LIST_CLOSE, LIST_OPEN, balanced_end,
    docno_key, split_top_level,
)

__all__ = ["find_entities"]

# ------------------------------------------------------------------ building blocks
def _maybe(pattern: str) -> str:
    """`pattern` or nothing, the longer first: what "(?:pattern)?" matches, written as a choice.
    The regex engine runs an optional group through a repeat context, allocated anew each time
    it is tried; a choice costs no allocation. (Used in the patterns tried at every numeral.)"""
    return "(?:" + pattern + "|)"


def _trie_regex(words) -> str:
    """An alternation of literal words as a prefix tree: 亿元|亿美元 → 亿(?:元|美元).

    The regex engine tries alternatives one by one; factoring shared prefixes keeps a
    150-word unit list from costing 150 attempts at every digit.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            # prefer the longer word: 万元 before 万
            return _maybe(body)
        return body

    # a look-ahead at the first characters: the engine tries a choice's alternatives one by one
    # (137 first characters for the units), so a position where no word starts is refused in
    # one test instead of one per first character
    firsts = "".join(re.escape(ch) for ch in sorted(trie))
    return "(?:(?=[" + firsts + "])" + build(trie) + ")"


def _first_chars(words: str) -> str:
    """The characters the alternatives of `words` ("牵头|主管(?=全国|…)|联合(?!会|社)|…": literal
    words, each maybe followed by a look-ahead) start with. The look-aheads' own alternatives
    start nothing (with them, 市 区 县 国 有 本 各 … would make every few characters a candidate).
    An alternative that is not a literal word raises here, at import: no word slips past a gate
    made of these characters."""
    found = set()
    for word in re.sub(r"\(\?[=!][^()]*\)", "", words).split("|"):
        if not word or re.search(r"[\\()\[\]{}.*+?^$]", word):
            raise ValueError(f"trigger gate: {word!r} is not a literal word")
        found.add(word[0])
    return "".join(sorted(found))


_MATCH_START = operator.methodcaller("start")


class _LiteralScan:
    """A regex whose every match opens with `literal`, scanned from that literal's first occurrence,
    found by str.find: the text before it is skipped in C far faster than the regex engine steps
    through it, and a text without the literal (most texts, for 处室：, 〔, 经商) is not scanned at all.
    The matches are the regex's: none starts before the literal, and a look-behind still sees the
    text before the scan's start."""
    __slots__ = ("literal", "rx")

    def __init__(self, literal: str, rest: str = "") -> None:
        self.literal = literal
        self.rx = re.compile(re.escape(literal) + rest)

    def finditer(self, text: str):
        first = text.find(self.literal)
        return self.rx.finditer(text, first) if first >= 0 else iter(())

_D = "[0-9０-９]"
_S = "[ \u3000]{0,2}"  # layout spaces inside a date or quantity ("2024 年 7 月")
_CN_DIGIT = "一二三四五六七八九"

_YEAR = f"(?:[1１][9９]|[2２][0０]){_D}{{2}}"
_CYEAR = "[一二][〇零○Ｏ０0O九][〇零○Ｏ０0O一二三四五六七八九]{2}"  # 一九九0年: a zero typed as a digit
_MONTH = "(?:[1１][0-2０-２]|[0０]?[1-9１-９])"
_CMONTH = "(?:十[一二]?|[一二三四五六七八九])"
_DAY = "(?:[3３][01０１]|[12１２][0-9０-９]|[0０]?[1-9１-９])"
_CDAY = "(?:三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
_DASH = "(?:[-—–~～－]{1,2}|至|到)"

# a season / half / part of a year that may follow "2022年" or stand alone
_PERIOD = (
    "(?:[上下]半年"
    "|(?:第[一二三四1-4１-４]|[一二三四1-4１-４]|前[一二三两]|后[一二三两])季度(?:末|初)?"
    "|[上下]半月)"
)
_MONTH_PART = "(?:中下旬|上中旬|[上中下]旬|底|末|初|第[一二三四五1-5１-５]周)"
_YEAR_PART = "(?:年?[底末初]|度)"
# deadline markers that belong to the date ("6月底前", "自2023年5月1日起")
_DEADLINE = "(?:之前|以前|前(?![一二三四五六七八九十两0-9０-９])|起|以来|为止|止|之后|以后|以内|内)"

_YMD = (
    f"(?:{_YEAR}|{_CYEAR}){_S}年"
    f"(?:{_S}(?:{_PERIOD}"
    f"|{_MONTH}(?:{_S}{_DASH}{_S}{_MONTH})?{_S}月份?(?:{_S}{_DAY}{_S}[日号]|{_MONTH_PART})?"
    f"|{_CMONTH}月份?(?:{_CDAY}日|{_MONTH_PART})?"
    f"|{_YEAR_PART}))?"
)
_MD = (
    # not inside arithmetic: 250天÷12月=20.83天 divides by twelve months
    f"(?<![0-9０-９.．个÷×*=＝])(?:{_MONTH}{_S}月份?(?:{_S}{_DAY}(?:{_S}{_DASH}{_S}{_DAY})?{_S}[日号]|{_MONTH_PART})?)(?![=＝÷×])"
)
# right-hand side of a range: a full date, a month(-day), or a bare day
_RANGE_RIGHT = (
    f"(?:{_YMD}|(?:次年|翌年|当年|下一?年){_S}{_MONTH}{_S}月(?:{_S}{_DAY}{_S}[日号])?|{_MONTH}{_S}月份?(?:{_S}{_DAY}{_S}[日号]|{_MONTH_PART})?|{_DAY}{_S}[日号])"
)
_RELATIVE_YEAR = "(?:今|明|去|当|本|上|次)年"
_ISO_MONTH = "(?:[1][0-2]|0?[1-9])"

# the characters a date can start with
_DATE_FIRST = "0-9０-９一二三四五六七八九十上下第前后今明去当本次每年"
_DATE_DASH_CHARS = "\\-—–~～－至到"  # _DASH's characters
# …and the first two characters (three to five for digits) a date can start with: refuses most of
# the positions where _DATE_FIRST lets a date start (一是, 以上, 应当, 12345). The second characters
# of its alternatives first, in one test (without it, every alternative is tried in turn)
_DATE_SECOND = f"0-9０-９ \u3000年月日季{_DATE_DASH_CHARS}./〇零○Ｏ0O九一二三四两半底末"
_DATE_GATE = (
    f"(?=.[{_DATE_SECOND}])(?:"
    # a year (2022年 · 2021-2025 · 2022.9.30; 12022年 too: the year has no look-behind there)
    f"[1１][9９][0-9０-９]{{2}}[ \u3000年{_DATE_DASH_CHARS}./]|[2２][0０][0-9０-９]{{2}}[ \u3000年{_DATE_DASH_CHARS}./]"
    # a month or a day: one or two digits, not after a digit (5月 · 3至5月 · 6日 · 10 - 12日)
    f"|[0-9０-９](?<![0-9０-９].)[0-9０-９]?[ \u3000月日{_DATE_DASH_CHARS}]"
    "|[1-4１-４一二三四]季|[一二][〇零○Ｏ０0O九]|十[一二月]|[一二三四五六七八九]月"
    "|[本下当次]月|[今明去当本上次]年|每月|[上下]半|第[一二三四1-4１-４]|[前后][一二三两]|年[底末])"
)
_DATE = (
    "(?:"
    # 2021-2025年 · 2021—2035年 · （2021-2025）
    f"(?<![0-9０-９A-Za-z\\-/.])(?P<yr>{_YEAR}){_S}{_DASH}{_S}(?P<yr2>{_YEAR})(?:{_S}年(?:度)?)?(?![0-9０-９\\-/])"
    # 1—5月 · 3至5月
    f"|(?<![0-9０-９.．个\\-])(?:{_MONTH}){_S}{_DASH}{_S}{_MONTH}{_S}月份?(?!{_S}[0-9０-９])"
    # full, partial dates, optionally ranged
    f"|(?:{_YMD}|{_MD})(?:{_S}(?:上午|下午|晚上)?{_S}{_DASH}{_S}{_RANGE_RIGHT})?"
    # 十二月底前 · 一月十五日前: a month in Chinese numerals with its part or day (a bare 三月 is not)
    f"|(?<![一二三四五六七八九十〇零])(?:十[一二]?|[一二三四五六七八九])月(?:{_MONTH_PART}|{_CDAY}日)"
    # 下月底前 · 本月中旬
    f"|(?:本|下|当|次)月(?:{_MONTH_PART}|{_S}{_DAY}{_S}[日号])"
    # 每年七月向常务委员会报告: the month of a yearly duty (after 每年 a bare month is a date)
    "|(?<=每年)(?:十[一二]?|[一二三四五六七八九])月"
    # 今年6月底 · 明年上半年
    f"|{_RELATIVE_YEAR}(?:{_PERIOD}|{_MONTH}{_S}月(?:{_S}{_DAY}{_S}[日号]|{_MONTH_PART})?|[底末初])"
    # 每月10日 · a chronicle (记事) entry starting a paragraph: "6日　市长…"
    f"|每月{_S}{_DAY}{_S}[日号]"
    f"|(?:(?<=\n)|^){_DAY}(?:{_S}{_DASH}{_S}{_DAY})?{_S}日(?=[ \u3000\t]|[上下]午)"
    # ISO-ish: 2022-9-30 · 2022.9.30 · 2022/9/30
    # (the same separator twice, written out: a back-reference cannot stand in _DATE_RE's look-behind)
    f"|(?<![0-9０-９A-Za-z\\-/.]){_YEAR}(?:-{_ISO_MONTH}-|\\.{_ISO_MONTH}\\.|/{_ISO_MONTH}/)(?:3[01]|[12][0-9]|0?[1-9])"
    "(?![0-9A-Za-z\\-/.])"
    # stand-alone periods: 上半年 · 第一季度 · 年底前
    f"|(?<![{CJK}]半){_PERIOD}"
    "|(?<![0-9０-９每一二两三四五六七八九十百几多余个])年(?:底|末)"  # 年内新增50家: a span of time, not a date
    ")"
    f"(?:{_S}{_DEADLINE})?"
)
# The scan: a character a date can start with, then (the look-behind steps back over it) the gate
# and the date, captured. Opening with a character class, the pattern lets the regex engine skip
# in C from one candidate character to the next; a look-ahead first would be tried at every
# position. Each match is one character long, so every position a date can start at is
# tried, and a date is found inside an earlier one too: _find_dates keeps, as a plain
# "(?=[…])(?:…)" finditer would, the first date at or after the end of the last one kept
# (searching from that end, so the dates inside it are not matched at all).
_DATE_RE = re.compile(f"[{_DATE_FIRST}](?<=(?=(?:{_DATE_GATE}))(?=(?P<date>{_DATE})).)")
# a date at the end of "自…起" takes its 自/从 too
_FROM_PREFIX = frozenset("自从")

# ------------------------------------------------------------------ doc numbers
_DOCREF_OPEN = "〔［[(（【"
_DOCREF_YEAR_TAIL = f"{_S}(?:{_YEAR}){_S}[〕］\\])）】]{_S}第?{_S}{_D}{{1,5}}{_S}[号號]"
_DOCREF_YEAR_RE = re.compile(f"[{re.escape(_DOCREF_OPEN)}]{_DOCREF_YEAR_TAIL}")
# the same matches as one scan per opening bracket, from that literal character (which the regex
# engine finds far faster than one of a class): a match holds no opening bracket but its first
# character, so matches of two scans never overlap and, in order of start, are _DOCREF_YEAR_RE's
_DOCREF_YEAR_SCANS = tuple(_LiteralScan(ch, _DOCREF_YEAR_TAIL) for ch in _DOCREF_OPEN)
_DOCREF_ORDER_SCAN = _LiteralScan(
    "令", f"{_S}第?{_S}(?:{_D}{{1,4}}|[一二三四五六七八九十百零〇]{{1,6}}){_S}[号號]"
)
_ORDER_ISSUER_TAILS = ("政府", "院", "部", "局", "委", "署", "主席", "厅", "行", "会", "廳", "會")
# characters that cannot be part of a doc-number prefix (甬政办发): walking left stops there
_DOCREF_STOP = (set("的了和及与在按照据于关为是等文号件《》“”\"'、，。；：！？（）()〔〕[]【】 \t\n\u3000")
                | set("據於關為與號"))  # and in traditional characters


_DATE_DIGITS = frozenset("0123456789０１２３４５６７８９〇零一二三四五六七八九十")


def _docref_prefix_start(text: str, pos: int, limit: int) -> int:
    """Index where the issuer code before a doc-number bracket starts (pos if none)."""
    i = pos
    # 甬政发 〔2022〕 21 号: layout spaces between the code and the bracket
    while i > 0 and pos - i < 2 and text[i - 1] in " \u3000":
        i -= 1
    end = i
    while i > 0 and end - i < limit:
        ch = text[i - 1]
        if ch in _DOCREF_STOP or not ("\u4e00" <= ch <= "\u9fff"):
            break
        if ch in "年月日" and i > 1 and text[i - 2] in _DATE_DIGITS:
            break  # 2009年2月16日市人民政府令第12号: the date before the issuer is no part of it
        i -= 1
    if i == end:
        return pos
    if text.endswith("中华人民共和", 0, i):  # 中华人民共和国主席令: 和 is part of the name here
        i -= 6
    return i


def _find_docrefs(text: str) -> list[tuple[int, int]]:
    out = []
    for m in sorted((m for rx in _DOCREF_YEAR_SCANS for m in rx.finditer(text)), key=_MATCH_START):
        start = _docref_prefix_start(text, m.start(), 6)
        if start < m.start():
            out.append((start, m.end()))
    for m in _DOCREF_ORDER_SCAN.finditer(text):
        # 市政府令第188号 · 宁波市人民政府令第188号 · 国务院令第699号
        start = _docref_prefix_start(text, m.start(), 12)
        issuer = text[start : m.start()]
        if issuer.endswith(_ORDER_ISSUER_TAILS):
            out.append((start, m.end()))
    return out


# ------------------------------------------------------------------ numbers
_UNITS = """
亿元人民币 万元人民币 元人民币 人民币 亿美元 万美元 美元 欧元 港元 日元 英镑 亿元 万元 千元 百元 元
个百分点 百分点 % ％ ‰
成 个工作日 个自然日 工作日 自然日 个小时 小时 分钟 秒钟 个月 周年 周岁 天 日 周 年 岁 学时 课时
人次 家次 户次 架次 艘次 车次 班次 批次 项次 吨次 个次 场次 人 名 位 户 家 个 项 件 宗 起 例 台 套 辆 艘 架 列
所 座 栋 幢 间 层 条 批 次 轮 期 场 支 处 片 块 张 份 册 部 种 类 只 头 匹 株 棵 篇 本 组 对 枚 根 段 门 口
床 床位 个床位 张床位 个车位 车位 个点位 个岗位
微克/立方米 毫克/立方米 μg/m³ mg/m³ 平方公里 平方千米 平方米 平米 立方米 万方 方 公顷 亩 公里 千米 厘米 毫米 米 海里
客位 个客位 分
吨标准煤 吨标煤 万吨 千吨 吨 千克 公斤 斤 克 升 毫升
千瓦时 兆瓦时 千瓦 兆瓦 吉瓦 瓦时 瓦 千伏 伏 度 标准箱 标箱 分贝 倍 番
TEU teu kWh kwh KWh kW KW kw MW GW kV KV km tce
"""
# a unit followed by these is a different word (元素, 场所, 部署, 人民, 期间 …)
_UNIT_BLOCK = {
    "元": "素旦宵首材",
    "座": "谈",
    "人": "民员才口大士工",
    "名": "单义称录额誉",
    "位": "于置次",
    "家": "庭长乡属",
    "处": "理置罚室于在",
    "场": "所景地馆",
    "部": "门署分长委",
    "支": "持付出撑部",
    "所": "有属在得以需谓",
    "条": "件例款",
    "类": "型似别",
    "种": "植类子",
    "起": "来步草点诉",
    "片": "区",
    "期": "间限望待末中初刊货满内",
    "方": "面式案向针法位便略",
    "成": "员立果本为效熟功绩都年交型长像",
    "段": "落",
    "天": "然津地气",
    "日": "常益本报",
    "层": "次面级楼",
    "分": "局钟队行公类别配析期批会之工布散解成享管值数",
    "年": "级度",
    "周": "期边",
    "间": "隔",
    "门": "户类槛",
    "口": "岸号径",
    "本": "地市级着",
    "张": "贴",
    "批": "准复示",
    "只": "要是有能",
    "头": "部",
    "对": "象于接标外",
    "组": "织成建",
    "列": "入为",
    "块": "状",
    "根": "据本",
}
# after a Chinese numeral only these measure words make a quantity (avoids 五位一体, 二级市场, 一期工程)
_CN_UNITS = set(
    """亿元 万元 千元 元 美元 亿美元 万美元 个百分点 百分点 个工作日 个月 周年 周岁 天 年 岁 小时 个小时 分钟
人次 人 名 户 家 个 项 件 宗 起 例 台 套 辆 艘 架 所 座 栋 条 批 次 轮 场 支 处 张 份 种 类 倍 番 成 万吨 吨 亩 公里 米
平方米 平方公里 公顷 立方米 海里 客位 个客位 层 学时 课时 只""".split()
)
# Big5 / traditional-character documents write the same measure words traditionally
# (126個, 3萬元, 5項, 10戶, 20輛, 3臺, 5噸, 10畝); Taiwan usage adds 公尺 / 平方公尺 / 公頃.
_TRAD = str.maketrans(
    "个万亿项户辆台吨亩时钟条处场种类张间层栋只头门组对笔点标车岁欧镑币顷备规础间级总号",
    "個萬億項戶輛臺噸畝時鐘條處場種類張間層棟隻頭門組對筆點標車歲歐鎊幣頃備規礎間級總號",
)
_TRAD_ONLY_UNITS = "公尺 平方公尺 立方公尺 公頃 萬平方公尺 人次"
_UNITS = _UNITS + " " + " ".join(u.translate(_TRAD) for u in _UNITS.split()) + " " + _TRAD_ONLY_UNITS
_CN_UNITS |= {u.translate(_TRAD) for u in _CN_UNITS} | {"公尺", "平方公尺", "公頃"}
for _unit, _blocked in list(_UNIT_BLOCK.items()):
    _UNIT_BLOCK.setdefault(_unit.translate(_TRAD), _blocked + _blocked.translate(_TRAD))
    _UNIT_BLOCK[_unit] = _blocked + _blocked.translate(_TRAD)
_UNIT_LIST = sorted(set(_UNITS.split()), key=len, reverse=True)
_UNIT_ALT = _trie_regex(_UNIT_LIST)
_PER_UNIT = _maybe("/(?:" + _UNIT_ALT + "|[亩人年月日户台吨件次])")

# every repetition is bounded: a run of 100 000 digits must not cost a backtrack per digit
_DECIMALS = _maybe(f"[.．]{_D}{{1,8}}")  # 1.38
_CN_DECIMALS = _maybe("[点點][零一二三四五六七八九]{1,8}")  # 一点五
_AR_NUM = f"(?:{_D}{{1,3}}(?:[,，]{_D}{{3}}){{1,5}}|{_D}{{1,16}}){_DECIMALS}"
_CN_NUM = f"(?:[一二两兩三四五六七八九十][零〇一二两兩三四五六七八九十百千万亿萬億]{{0,12}}{_CN_DECIMALS})"
_MULT = _maybe("[多余]?[十百千万亿萬億]{1,3}[多余]?|[多余]")  # 1.38万 · 100多万 · 20余 · 10万余 (or none)
# a numeral that is not the first of its match (the end of a range: 1-[2]家, 百分之[五十])
_NUMERAL2 = f"(?:{_AR_NUM}{_S}{_MULT}|{_CN_NUM}{_MULT})"

_NUM_FIRST = "[0-9０-９一二两兩三四五六七八九十百零]"
_NUM_AR_NOT_BEFORE = "[0-9０-９.．A-Za-z_/]"
_NUM_CN_NOT_BEFORE = "[一二两兩三四五六七八九十百千万亿萬億零〇点點]"
_NUMBER_RE = re.compile(
    # The pattern starts with a plain character class so the engine can jump from candidate to
    # candidate; the look-behind after it refuses to start inside 2022, GB25506 or 二十.
    f"(?P<num>{_NUM_FIRST}"
    f"(?:(?<=[0-9０-９])(?<!{_NUM_AR_NOT_BEFORE}.)(?P<ar1>(?:{_D}{{0,2}}(?:[,，]{_D}{{3}}){{1,5}}|{_D}{{0,15}}){_DECIMALS}){_S}{_MULT}"
    f"|(?<=[一二两兩三四五六七八九十百])(?<!{_NUM_CN_NOT_BEFORE}.)(?P<cn1>(?<!百)[零〇一二两兩三四五六七八九十百千万亿萬億]{{0,12}}{_CN_DECIMALS}){_MULT}"
    "|(?<=百)(?<!" + _NUM_CN_NOT_BEFORE + ".)(?P<pct>分之" + _NUMERAL2 + ")"
    # 零点五元 · 零点五平方公里: a decimal below one in Chinese numerals
    "|(?<=零)(?<!" + _NUM_CN_NOT_BEFORE + ".)(?P<cn0>[点點][零一二三四五六七八九]{1,8})"
    "))"
    "(?:"
    # 200家 · 10%-15% (a range whose first part carries the unit too)
    f"{_S}(?P<u2>(?!分之){_UNIT_ALT}){_maybe(f'{_S}[-—–~～－至到]{_S}{_NUMERAL2}{_S}(?P<u1>{_UNIT_ALT})')}{_PER_UNIT}"
    # 1-2家 · 3至5年 · 5～10万元
    f"|{_S}[-—–~～－至到]{_S}{_NUMERAL2}{_S}(?P<u3>{_UNIT_ALT}){_PER_UNIT}"
    # 三分之一
    "|(?<=[一二三四五六七八九十])(?P<frac>分之[一二三四五六七八九十]{1,4})"
    # Arabic with a multiplier only: 180亿 · 3万
    "|(?:(?<=[万亿萬億])|(?<=[万亿萬億][多余]))(?P<bare>)"
    # 百分之五十 (already whole)
    "|(?(pct)(?P<pctend>)|(?!))"
    ")"
    # 7.5%左右: the modifier is left out of the span (ENTITIES.md allows it), so the span is the
    # quantity whether a reader's mark takes 左右 in or not
)
_CODE_BEFORE = set("0123456789０１２３４５６７８９ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.．_/／#№:")
_MINUS = set("-－−")

_CLAUSE_END = set("。，；、：:;,）)！？")
_ORDINAL_LIST_RE = re.compile(
    "第[0-9０-９一二两三四五六七八九十百零〇]{1,6}(?:[、，和及至到\\-—][0-9０-９一二两三四五六七八九十百零〇]{1,6}){0,4}[、，和及至到\\-—]$"
)
_MEETING_AFTER_CI = re.compile(f"[{CJK}]{{0,4}}会|全体")
# "104次常务会议" is the 104th session, "召开2次联席会议" two meetings
_SESSION_AFTER = ("常务会议", "全体会议", "全体（扩大）会议", "主任会议", "全会", "代表大会", "党代会", "常委会会议",
                  "常务委员会")


# after 二十日 / 七日 these make a time limit (三月十五日前 is a date: 月 before it)
# 调解期限为三十日 · 不得超过三十日 · 可以延长十日 · 每十五日 (a period after 每)
# (公示时间不少于三十日 · 应当提前七日公告: a notice period)
_PERIOD_BEFORE = ("期限为", "期限是", "时限为", "为期", "超过", "延长", "每", "少于", "提前")
_TIME_LIMIT_AFTER = ("内", "以内", "之内", "前", "以前", "之前", "后", "以后", "之后", "起")


_NTH_BEFORE = re.compile("第[0-9一二三四五六七八九十]{1,3}个$")


# _NUMBER_RE's groups by number: m.groups() fetches them all in one call
_G_NUM, _G_AR1, _G_CN1, _G_PCT, _G_U2, _G_U1, _G_U3, _G_FRAC, _G_BARE, _G_PCTEND = (
    _NUMBER_RE.groupindex[name] - 1
    for name in ("num", "ar1", "cn1", "pct", "u2", "u1", "u3", "frac", "bare", "pctend"))


def _number_ok(text: str, m: re.Match, g: tuple) -> bool:
    """Whether a numeral-and-unit match is a quantity a reader compares (not an ordinal, a code,
    a year, a programme's name or an idiom): the named steps below, in order. `g`: m.groups()."""
    num = g[_G_NUM]
    ar = num if g[_G_AR1] is not None else None
    unit = g[_G_U1] or g[_G_U3] or g[_G_U2]
    if unit == "年" and ar is not None and len(ar.lstrip("0０")) >= 4:
        return False  # 2022年: a year, not a duration (the commonest refusal, so first: no step below accepts it)
    j = m.start()
    while j > 0 and text[j - 1] in " \u3000":
        j -= 1
    before = text[j - 1] if j > 0 else ""
    if _ordinal_before(text, j, before):
        return False
    cn = num if num[0] == "零" or g[_G_CN1] is not None else None  # 零 starts only 零点五 (cn0)
    if ar is not None and _code_before(text, j, before):
        return False
    verdict = _form_verdict(g, cn, ar, unit)
    if verdict is not None:
        return verdict
    end = m.end()
    if _unit_is_another_word(text, j, before, end, unit):
        return False
    if cn is not None:
        ranged = g[_G_U1] is not None or g[_G_U3] is not None
        return _chinese_count_ok(text, j, before, end, unit, cn, ranged)
    return _arabic_count_ok(text, end, unit, ar)


def _ordinal_before(text: str, j: int, before: str) -> bool:
    """第五, 星期三, 第六个五年计划: an ordinal or a name, not a quantity."""
    if before == "第" or text.endswith(("星期", "礼拜"), 0, j):
        return True
    return before == "个" and bool(_NTH_BEFORE.search(text, max(0, j - 6), j))


def _code_before(text: str, j: int, before: str) -> bool:
    """20 22年 (a year torn by layout spaces), No. 5, 0574-87654321, BBLD00-2022-0001."""
    if before in _CODE_BEFORE:
        return True
    return before in _MINUS and j > 1 and text[j - 2] in _CODE_BEFORE


def _form_verdict(g: tuple, cn: str | None, ar: str | None, unit: str | None) -> bool | None:
    """The forms that decide by themselves (百分之五十, 三分之一, a bare number); None: read on."""
    if g[_G_PCTEND] is not None:
        return g[_G_PCT] is not None  # 百分之五十
    if g[_G_FRAC] is not None:
        return cn is not None and unit is None
    if g[_G_PCT] is not None:
        return False  # 百分之 with a unit after it: not a form we know
    if g[_G_BARE] is not None:
        return ar is not None
    if unit is None:
        return False
    return None


def _unit_is_another_word(text: str, j: int, before: str, end: int, unit: str) -> bool:
    """第十二、十三条 · 三年行动计划 · 3元素, 5部门: the numeral is an ordinal or the unit a word."""
    if before in "、，和及至到-—" and _ORDINAL_LIST_RE.search(text, max(0, j - 14), j):
        return True  # 第十二、十三条 · 第一、二批: still ordinals
    # 三年行动计划 · 三年攻坚行动: the name of a programme (as in its title), not a duration
    if unit == "年" and text.startswith(("行动", "攻坚"), end):
        return True
    blocked = _UNIT_BLOCK.get(unit)  # the characters that make the unit another word
    return bool(blocked) and end < len(text) and text[end] in blocked


def _chinese_count_ok(text: str, j: int, before: str, end: int, unit: str, cn: str, ranged: bool) -> bool:
    """A Chinese numeral counts only with a measure word, or as a time limit (二十日内)."""
    if before in ("“", "\"", "‘", "「") and text.startswith(_QUOTE_END, end) and (
            unit in _DURATIONS or unit.endswith("元")):
        return True  # 将“十五日”修改为“七个工作日”: an amended time limit or amount, quoted whole
    if before in ("初", "周", "“", "\"", "‘", "「") or before in _CN_DIGIT:
        return False
    if unit == "年" and text.endswith("每", 0, j):
        return False  # 每五年开展一次: a frequency (每十五日, a day interval, is a time limit)
    time_limit = unit == "日" and before != "月" and (
        text.startswith(_TIME_LIMIT_AFTER, end) or text.endswith(_PERIOD_BEFORE, 0, j))
    if unit not in _CN_UNITS and not (unit == "期" and (cn == "两" or before == "分")) and not time_limit:
        return False  # 分两期建设 is a count, 二期工程 a name; 二十日内, 十五日前 are time limits
    if cn == "一" and not ranged and not (
        text.startswith(("内", "以内", "之内", "以上", "以下"), end)  # 一倍以上三倍以下
        or (unit != "次" and text.endswith(_BOUND_BEFORE, 0, j))  # 押金数额不得超过一个月租金
        or (unit != "次" and bool(_FLOOR_BEFORE_RE.search(text, max(0, j - 6), j)))
        or (unit in _DURATIONS and text.startswith(_TIME_LIMIT_AFTER, end))  # 会议举行一个月前
        or (unit == "次" and (end == len(text) or text[end] in _CLAUSE_END) and not _frequency(text, j))
    ):
        return False  # 一批企业, 一项制度, 一次性: idiom, not a quantity (复核一次。 is one)
    # 一次会议, 二次全会: an ordinal; 二次供水, 二次上市: "secondary"; 二轮延包: the second round
    # (a count of rounds says 两轮)
    return not ((unit == "次" or unit == "轮") and cn == "二") and not (
        unit == "次" and _MEETING_AFTER_CI.match(text, end))


_QUOTE_END = ("”", "\"", "’", "」", "以上", "以下")
# (有效期为一年 · 可以延长一个月: a term, an extension)
_BOUND_BEFORE = ("超过", "少于", "低于", "高于", "不足", "不满", "期为", "延长")
# 满一年的次日 (not 充满, 圆满, 每满) · 至少设置一个: a full period, a floor a few characters before
_FLOOR_BEFORE_RE = re.compile(f"(?:(?<![充圆美饱丰完布每])满|至少[{CJK}]{{0,3}})$")
_DURATIONS = frozenset(("个月", "日", "天", "年", "周", "小时", "个小时", "个工作日", "工作日", "分钟"))
_FREQUENCY_RE = re.compile("每[^，。；;,\n]{0,12}$")


def _frequency(text: str, j: int) -> bool:
    """每年至少举行一次 · 每季度巡查不少于一次: a frequency, not a count (复核一次 is one)."""
    return bool(_FREQUENCY_RE.search(text, max(0, j - 13), j))


def _arabic_count_ok(text: str, end: int, unit: str, ar: str | None) -> bool:
    if unit == "次" and text.startswith(_SESSION_AFTER, end):
        return False  # 104次常务会议: the 104th session
    if unit == "分" and (end - len(ar or "") - 1 < 0 or text[end - len(unit) - len(ar or "") - 1] in "时點点:："):
        return False  # 15时30分: a time of day, not a score
    return True


# ------------------------------------------------------------------ units (organisations)
_ORG_SUFFIXES = """
办事处 管委会 委员会 领导小组 工作小组 工作专班 专班 指挥部 办公室 办公厅 服务中心 中心 支行 分行 银行 分公司 公司 集团
部门 机关 机构 支队 大队 中队 调查队 消防队 执法队 稽查队 工作队 分局 总局
局 委 办 厅 院 署 会 所 站 室 部 处 政府 街道 乡镇
海关 法院 检察院 档案馆 主席团 秘书处 代表大会 主任会议
妇联 残联 侨联 文联 科协 工商联 社科联 联社 供销社 气象台 电视台 保障中心 人武部 军分区 监狱
总队 协会 庭
"""
_ORG_SUFFIX_LIST = sorted(set(_ORG_SUFFIXES.split()), key=len, reverse=True)
_ORG_SUFFIX_ALT = _trie_regex(_ORG_SUFFIX_LIST)
# endings that look like an organisation but are ordinary words
_NOT_ORG_ENDINGS = tuple(
    """格局 布局 大局 开局 结局 当局 全局 部署 全部 内部 外部 局部 干部 总部 东部 西部 中部 南部 北部 底部 顶部
社会 机会 大会 年会 晚会 例会 工作会 座谈会 推进会 现场会 交流会 博览会 展会 峰会 论坛会 运动会 发布会 协调会 联席会
场所 住所 处所 厕所 诊所 车站 加油站 加气站 充电站 泵站 承办 主办 兴办 督办 举办 创办 开办 代办 帮办 包办 查办 交办
好处 之处 各处 大厅 餐厅 中心城区 重心 核心 信心 决心 民心 初心 用心 精心 细心 中心镇 研究室 会议室 警务室 工作室
队伍 院落 庭院 大院 办法 科室 家庭 门庭 开庭 出庭 到庭 休庭 闭庭 组庭 宫庭""".split()
)
_GENERIC_ITEMS = frozenset(
    "单位 部门 机构 有关单位 有关部门 相关部门 相关单位 各单位 各部门 其他单位 其他部门 成员单位 各成员单位 企业 "
    "各有关单位 各有关部门 各相关单位 各相关部门 有关方面 "
    # 可以委托专业机构实施: a kind of body, none named
    "专业机构 第三方机构".split()
)
# collective actors that end in 单位/部门 but are still one named group: 市直有关单位 · 区直各部门
_COLLECTIVE_RE = re.compile(
    "(?:市直|区直|县直|省直|市级|区级|县级)[^\\s、，。；]{0,6}(?:单位|部门|机关)"
    # every government of a level: 各区（县） · 各镇（街道） · 各县（市、区）
    "|各(?:省|市|区|县|州|镇|乡|街道)(?:[（(][省市区县州旗镇乡街道、]{1,8}[）)])"
    # 由主任会议决定: the chairpersons' council of a standing committee
    "|主任会议")
_BR_OPEN = LIST_OPEN
_BR_CLOSE = LIST_CLOSE
_ORG_CHAR = (f"[^\\s，。；：、,;:！？!?“”\"《》+＋{re.escape(_BR_OPEN + _BR_CLOSE)}"
             "的了是在对把将被向从按以等和及与或并由请]")
_ORG_BR = f"[{re.escape(_BR_OPEN)}][^\\s，。；：{re.escape(_BR_OPEN + _BR_CLOSE)}]{{1,10}}[{re.escape(_BR_CLOSE)}]"
# "和" may sit inside a name (发展和改革局, 人力资源和社会保障局) but never before a new prefix
_ORG_AND = "(?:[和与](?![市区县省各]))"
# a name never runs on over a verb that assigns work (市财政局|会同|市审计局)
_ORG_VERBS = (
    "会同|牵头|负责|配合|联系|分管|协助|协同|联合(?!会|社)|参与|按照|根据|督促|指导(?!中心|站|组)|抓紧|尽快|加快|"
    "组织(?!部)|研究(?!院|中心|室|所|会)|统筹|做好|加强|开展|落实|制定|提出|审核|会商|指定|委托|授权|汇总|依法(?!治)|"
    # 人民检察院|发现行政机关… · 会同各专门委员会|完善常委会会议制度
    "发现|完善|"
    # A商B (consult): 国务院住房和城乡建设主管部门|商|中央军事委员会有关部门 (not 商务局)
    "商(?=国务院|国家|中央|省|市|区|县|各|有关|同级)"
)
# (tried at every character of a name: a look-ahead at the verbs' first characters refuses in one
# test the characters no verb starts with, instead of one test per verb)
_ORG_VERB_STOP = f"(?!(?=[{_first_chars(_ORG_VERBS)}])(?:{_ORG_VERBS}))"
# 县级以上人民政府… · 林业草原等有关主管部门: the level and the "and other competent" of regulatory prose
_ORG_LEVEL = "(?:以上|等(?:有关|相关)?(?=主管部门))"
# 各区、县（市）财政局: the levels of "each" listed before one name
# (the literal first: at most places the alternative fails on its first character, at no cost)
_ORG_LEVELS_LIST = "、(?:(?<=^各[省市区县乡镇]、)|(?<=[^各]各[省市区县乡镇]、))(?=[省市区县乡镇])"
# 设区的市人民政府: the one 的 of a level of government
_ORG_CITY_LEVEL = "的(?<=设区的)(?=市)"
_ORG_BODY = (f"(?:{_ORG_VERB_STOP}"
             f"(?:{_ORG_CHAR}|{_ORG_BR}|{_ORG_AND}|{_ORG_LEVEL}|{_ORG_LEVELS_LIST}|{_ORG_CITY_LEVEL}))")
_ORG_SUFFIX_GROUP = f"{_ORG_VERB_STOP}(?:{_ORG_SUFFIX_ALT})"
_ORG_RE = re.compile(
    f"{_ORG_BODY}{{1,22}}?{_ORG_SUFFIX_GROUP}(?:{_ORG_BODY}{{0,12}}?{_ORG_SUFFIX_GROUP})*(?:{_ORG_BR})?"
)
_ORG_PREFIX_RE = re.compile(
    "(?:各|市|区|县|省|州|乡|镇|国家|中央|全国|国务院|人行|中国|自治区|浙江"
    # the level relative to the one that acts: 同级有关部门 · 本级人民政府 · 上一级河湖长制办公室
    "|同级|本级|上一?级|下一?级|设区的市"
    # a division of the writing department: 厅水生态环境处负责… · 厅规划财务处
    "|厅(?=[^\\W\\d_]{1,10}[处局室])"
    # a place name: a few characters that are not function words, then 省/市/区/县…
    "|[^\\W\\d_的了是在对把将被向从按据以等和及与或并由请此项工作要应其该本我有关各]{1,5}?"
    "(?:省|市|区|县|州|旗|镇|乡|街道))"
)
# suffixes strong enough to need no place prefix in prose (宁波海关, 宁波舟山港集团)
_STRONG_SUFFIXES = tuple(
    "海关 管委会 办事处 支行 分行 集团 公司 指挥部 支队 大队 银保监局 证监局 税务局 调查队 监管局 "
    "人民政府 政府 街道 委员会 领导小组 "
    "分局 工委 党工委 "
    # regulatory prose names its actors by function: 林业主管部门应当… · 公路管理机构发现… · 人民法院应当…
    "主管部门 管理部门 主管机关 机关 机构 管理中心 人民法院 人民检察院 法院 检察院 "
    # the bodies of a congress: 大会主席团主持会议 · 大会秘书处负责… · 由主任会议决定
    "主席团 秘书处 代表大会 主任会议 办公厅 "
    # 仲裁庭应当… · 消费者协会应当… · 省消防救援总队负责…
    "仲裁庭 协会 总队 "
    # 理事会负责执行…决议 (a society's board) · 向居住地公安派出所申请…
    "理事会 派出所 "
    # 河湖长制办公室应当… · 领导小组办公室负责…: an office set up to act
    "办公室".split()
)

_STRONG_LAST = frozenset(w[-1] for w in _STRONG_SUFFIXES)

# responsibility clause labels: 责任单位： 牵头单位： 主要责任单位： 牵头/推进单位：
# A label ends in 单位/部门/…： — found from its (rare) ending, then read backwards.
# (and a bare role of a plan's item: 牵头：省人大财政经济委员会；配合：常委会预算工作委员会)
_LABEL_ENDING = "(?:[ \u3000]*[:：]|(?P<boxed>[】\\]]))"
_BARE_ROLES = ("牵头", "配合")
_LABEL_END_RE = re.compile(f"{LABEL_NOUN}{_LABEL_ENDING}")
_LABEL_END_BARE_RE = re.compile(f"(?:{LABEL_NOUN}|(?P<bare>{'|'.join(_BARE_ROLES)})){_LABEL_ENDING}")
# the same matches as one scan per word, from its literal first characters (which the regex engine
# finds far faster than one of a class): no word starts with another's second character, so two
# scans' matches never overlap and, in order of start, are _LABEL_END_RE's (_LABEL_END_BARE_RE's)
_LABEL_NOUNS = re.fullmatch(r"\(\?:([^()\[\]\\.*+?{}^$]+)\)", LABEL_NOUN).group(1).split("|")
_LABEL_END_SCANS = tuple(_LiteralScan(word, _LABEL_ENDING) for word in _LABEL_NOUNS)
_LABEL_END_BARE_SCANS = _LABEL_END_SCANS + tuple(_LiteralScan(word, _LABEL_ENDING) for word in _BARE_ROLES)

_LABEL_HEAD_RE = re.compile(f"{_maybe(LABEL_QUALIFIER)}{_maybe(LABEL_ROLE)}{_maybe(LABEL_ROLE_ALT)}$")
_LABEL_WORD_RE = re.compile(f"{LABEL_QUALIFIER}?{LABEL_ROLE}?{LABEL_ROLE_ALT}?(?:{LABEL_NOUN}|领导)")
_LABEL_BEFORE = set("（(〔［[【；;，,、 \u3000\t\n*＊>")


def _labels(text: str):
    """(label, end of the colon) of each responsibility label: 责任单位： · 牵头/推进单位："""
    # (the bare roles only where one is written: the scan from a label's rare ending stays fast)
    bare = "牵头：" in text or "配合：" in text
    scans = _LABEL_END_BARE_SCANS if bare else _LABEL_END_SCANS
    for m in sorted((m for rx in scans for m in rx.finditer(text)), key=_MATCH_START):
        s = m.start()
        head = _LABEL_HEAD_RE.search(text, max(0, s - 10), s)
        a = head.start() if head else s
        if m.group("boxed") and not (a < s and a > 0 and text[a - 1] in "【["):
            continue  # 【责任单位】 is a label, 某某单位】 is not
        # 责任单位： / 牵头单位： stand on their own; a bare 单位： must start a clause
        role_after_stop = bare and text.startswith(_BARE_ROLES, s) and text[a - 1] in "。"  # …（5月）。牵头：
        if a == s and a > 0 and text[a - 1] not in _LABEL_BEFORE and not role_after_stop:
            continue
        yield text[a : m.end()], m.end()


_ANY_LABEL_RE = re.compile(f"[{CJK}/]{{2,10}}[ \u3000]*[:：]")
_ITEM_SPLIT_CHARS = "、，,；; \u3000"

# prose triggers
_LEFT_TRIGGERS = (
    "牵头负责|牵头|具体负责|具体办理|具体实施|分别负责|负责|配合|会同|协同|联合|协助|参与|组织实施|根据职责|按照职责|按职责|依职责|"
    "按照各自职责|依照职责|依照各自职责|牵总|要求|要|应当|须|必须|可以|主管(?=全国|本行政区域|本地区)"
    # 大会主席团主持会议: presiding is acting (not 主持召开 by a person, who is no name here)
    "|主持"
    # 主管机关商国务院有关主管部门确定: 商 (consult) joins two actors like 会同, before another body only
    "|商(?=国务院|国家|中央|省|市|区|县|各|有关|同级)"
    # A可以委托B调查 · 可以要求公安机关补充: both sides act
    "|委托"
)
# regulatory prose: a named body followed by what it does — 海警机构依法负责… · 省财政厅给予奖补 ·
# 人民法院不予支持 · 省应急管理厅组织检查组 · 省教育厅将适时督查 · …等部门参加 · A提请B讨论 ·
# A对本行政区域内…负责 · 区科技局每年征集… · 市气象局做好… · 市城管局组建… (每年向B报告: B is only told,
# and a report is no task assigned here). Common words: they count only right after the end of a name (the
# regex's look-behind), so the scan stays as fast as before.
# (市卫生健康委指导开展… · 区财政局安排专项经费: guiding and funding are acting, 指导意见 is a paper)
_WEAK_TRIGGERS = ("依法|依照|按照|给予|不予|应予|组织(?!部|法)|将|对|参加|提请|每年(?!向)|做好|组建"
                  "|指导(?!意见|思想|原则|性|文件|价)|安排"
                  # 省审计厅予以配合 · 市商务局督促加油站… · 领导小组办公室每月通报… · （省林业局起草）
                  "|予以配合|予以协助|予以支持|督促|每月(?!向)|每季度(?!向)|起草")
# 会议要求，市财政局要做好资金保障 · 市住建局应当会同…: a modal after a whole name assigns work,
# but only when the name alone fills the clause (not 主要/重要/需要, not 各地要)
_MODAL_TRIGGERS = frozenset(("要", "应当", "须", "必须", "可以"))
_PARTNER_TRIGGERS = frozenset(("配合", "协助", "委托", "要求"))
# 申请县级以上人民政府处理 · 请求人民法院撤销 · 邀请居民委员会参与: the body a party turns to acts
# 提请主任会议决定 · 提交财政经济委员会审查 · 督促县人民政府完成 · 移送综合执法局查处: the body a matter is
# put to, or urged or handed to, acts on it
_RIGHT_TRIGGERS = "由|会同|分管|协助分管|联系|申请|请求|邀请|请|提请|提交|督促|移送"
_TURNED_TO = frozenset(("申请", "请求", "邀请"))
_ORG_END_CHARS = frozenset(w[-1] for w in _ORG_SUFFIX_LIST) | set("）)〕]】*＊等要应须需均也则还并")


# 报本级人民政府批准 · 向人民法院起诉: the verb, then the 报 / 向 before it (_applied_to); in this scan
# (which runs anyway) they cost far less than a pass of their own
# (报市自然资源和规划局审查: the reviewer acts; 报…备案 only files a record with a body)
_APPROVALS = "审批|批准|核准|审定|拨付|审查|审核"
_SUITS = "起诉|提起"
_TRIGGER_WORDS = "|".join((_LEFT_TRIGGERS, _RIGHT_TRIGGERS, _APPROVALS, _SUITS))
_TRIGGER_KINDS = (("left", _LEFT_TRIGGERS), ("right", _RIGHT_TRIGGERS), ("approve", _APPROVALS), ("sue", _SUITS))


def _alternatives(words: str) -> list[str]:
    """The top-level alternatives of "牵头|主管(?=全国|…)|…" (a "|" inside a look-ahead stays)."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(words):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(words[start:i])
            start = i + 1
    out.append(words[start:])
    return out


def _trigger_scan(kinds) -> tuple[re.Pattern, dict[str, str]]:
    """One regex for the trigger words of every kind, and the kind of each word it can match.

    The alternatives keep their order (the first that matches wins, as in "A|B|…": 协助 before
    协助分管, 要求 before 要) but are grouped by their first character, 牵(?:头负责|头|总)|…, so the
    pattern opens with a choice of literal characters: the regex engine then skips in C from
    one candidate character to the next (a look-ahead first, (?=[…]), is tried at every position).
    The match is the word itself; its kind is the first kind that lists it (会同 is left and
    right: left's comes first and has no look-ahead, so it always wins)."""
    _first_chars("|".join(words for _, words in kinds))  # every alternative a literal word (raises)
    by_first: dict[str, list[str]] = {}
    kind_of: dict[str, str] = {}
    guarded: set[str] = set()
    for kind, words in kinds:
        for alt in _alternatives(words):
            word = re.sub(r"\(\?[=!][^()]*\)", "", alt)
            if word in guarded:
                raise ValueError(f"trigger scan: {word!r} follows a look-ahead alternative of the same word")
            kind_of.setdefault(word, kind)
            if alt != word:
                guarded.add(word)
            by_first.setdefault(alt[0], []).append(alt[1:])
    pattern = "|".join(re.escape(ch) + "(?:" + "|".join(rests) + ")" for ch, rests in by_first.items())
    return re.compile(pattern), kind_of


_TRIGGER_RE, _TRIGGER_KIND = _trigger_scan(_TRIGGER_KINDS)
_LAST_ITEM_RE = re.compile("[^、，。；：！？,;:!?\\s“”《》]{2,40}$")
# a scan of its own, from the (rarer) first character of a weak verb, where the last character of
# a name stands before it: the match is the verb's first character (the verb starts at m.start())
_WEAK_TRIGGER_RE = re.compile(
    f"[{_first_chars(_WEAK_TRIGGERS)}]"
    f"(?<=(?<=[{re.escape(''.join(sorted(set(w[-1] for w in _ORG_SUFFIX_LIST))))}）])(?={_WEAK_TRIGGERS}).)")
_LEFT_BOUNDARY = set("，。；：！？,;:!?\n\t“”《》")
_LEFT_LEAD_RE = re.compile(
    # no "^": match(text, pos) anchors at pos, while "^" would only ever match at 0
    # (not 和 与 将 应 及: they begin place names — 和平区, 将乐县, 应城市)
    "(?:分别由|并由|均由|统一由|由|建议由|建议|要求|责成|明确由|明确|指定由|指定|委托|商请|提请|请|并|要|须|其中|同时)"
)


# 各地各部门 · 各地各相关部门 · 各有关部门: everyone, not a named body
_EVERYONE_RE = re.compile(
    # (其有关部门: its departments, whichever they are)
    "其?(?:各地(?:各)?(?:有关|相关)?(?:部门|单位)?|各(?:有关|相关)?(?:部门|单位)|有关(?:部门|单位|方面)"
    # 配合相关街道和部门: whichever streets it concerns, no named body
    "|(?:有关|相关)(?:街道|乡镇|镇街))")


# 你街道 · 你局 · 你单位 · 我市 · 贵单位 · 本局: the addressee or the writer, not a named body
_PRONOUN_ORG_RE = re.compile(
    f"(?:你|您|我|贵|该|本|其|此)(?:省|市|区|县|州|镇|乡|街道|单位|部门|机关|{_ORG_SUFFIX_ALT})?"
)


# a congress is a body (由会员代表大会选举 · 市人民代表大会决定), a 大会 is a meeting
_CONGRESS = "代表大会"


# 常务委员会第九次会(议) · 第二次全体会(议) · 第三十二次常务会(议): a session, not a body (a term, 第十六届, is
# part of a body's name)
_SESSION_RE = re.compile("第[〇零一二三四五六七八九十百0-9０-９]+次[^次]{0,4}会$")


# 常委会研究室 · 最高人民法院研究室: a named body's office, though a bare 研究室 is a room
_DIVISIONS = ("研究室",)


def _division_of_body(s: str) -> bool:
    return s.endswith(_DIVISIONS) and bool(_ORG_RE.fullmatch(s, 0, len(s) - 3))


def _not_org_word(s: str) -> bool:
    return (
        (s.endswith(_NOT_ORG_ENDINGS) and not s.endswith(_CONGRESS) and not _division_of_body(s))
        or (s.endswith("会") and bool(_SESSION_RE.search(s)))
        or s in _GENERIC_ITEMS
        or bool(_EVERYONE_RE.fullmatch(s))
        or bool(_PRONOUN_ORG_RE.fullmatch(s))
    )


# 财政部 · 应急管理部 · 交通运输部: a ministry needs no place (内部, 干部 are not names: _NOT_ORG_ENDINGS)
# (委组织部: 市委组织部 cut by a line end — a party committee's department needs its place)
_MINISTRY_RE = re.compile(f"(?!委)[{CJK}]{{2,8}}部")


# 省和市（州）人民政府 · 市和区（县）人民政府: levels of government named together share one name
_JOINED_LEVELS_RE = re.compile(
    "(?:[省市区县乡镇](?:[（(][省市区县州旗、]{1,6}[）)])?[和及与、]){1,3}(?=[省市区县乡镇])")


_MEMBERS_RE = re.compile("(?:各|其他|有关)?成员单位$")


# (a pure function of its arguments, asked again and again for the same names within a document:
# 市财政局 in every clause that lists it)
@functools.lru_cache(maxsize=4096)
def _is_org(s: str, *, need_prefix: bool) -> bool:
    """A whole string that reads as one organisation name."""
    if not (2 <= len(s) <= 40) or _not_org_word(s):
        return False
    if s.startswith(_WHERE_BEFORE) and not _ORG_RE.fullmatch(s):
        where = next(w for w in _WHERE_BEFORE if s.startswith(w))
        if len(s) - len(where) >= 2:
            s = s[len(where):]  # 所在地县级人民政府
    levels = _JOINED_LEVELS_RE.match(s)
    if levels:
        s = s[levels.end():]
    if _COLLECTIVE_RE.fullmatch(s):
        return True
    members = _MEMBERS_RE.search(s) if s.endswith("成员单位") else None
    if members and members.start() >= 2:
        # 省安全生产委员会各成员单位: the members of a named body act as one
        return _is_org(s[:members.start()], need_prefix=need_prefix)
    if not _ORG_RE.fullmatch(s):
        return False
    if need_prefix and not (_ORG_PREFIX_RE.match(s) or s.endswith(_STRONG_SUFFIXES) or _MINISTRY_RE.fullmatch(s)):
        return False
    return True


def _split_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split text[start:end] at list separators outside brackets; (start, end) of each item.
    A bare level before 、 shares the next item's name: 市、区人民政府 is one item."""
    items = [(a, b) for a, b in split_top_level(text, start, end, _ITEM_SPLIT_CHARS) if b > a]
    if not _LONE_LEVEL_RE.search(text, start, end):
        return items
    out: list[tuple[int, int]] = []
    for a, b in items:
        if out and _LEVEL_ITEM_RE.fullmatch(text, *out[-1]) and text[a - 1] == "、" and text[a] in _LEVEL_CHARS:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


_LEVEL_CHARS = frozenset("省市区县乡镇")
_LONE_LEVEL_RE = re.compile("[省市区县乡镇]、")
# 市、区人民政府 · 各区、县（市）财政局: a bare level (with 各) before 、 and another level
_LEVEL_ITEM_RE = re.compile("各?[省市区县乡镇]")


_ITEM_PAD = set(" \u3000*＊")
_TAG_RE = re.compile("<[^<>\n]{1,40}>")
_TAG_END_RE = re.compile("<[^<>\n]{1,40}>$")


def _trim_item(text: str, a: int, b: int) -> tuple[int, int]:
    """Drop what is not part of the name: 等部门、单位 · 按职责负责 · spaces."""
    while True:
        while a < b and text[a] in _ITEM_PAD:
            a += 1
        while b > a and text[b - 1] in _ITEM_PAD:
            b -= 1
        # markup left in extracted tables: <p>区安委会</p>
        if text.find("<", a, b) < 0:
            break  # (no tag without its "<": the two searches below would find nothing)
        m = _TAG_RE.match(text, a, b)
        if m:
            a = m.end()
            continue
        m = _TAG_END_RE.search(text, a, b)
        if m and m.start() > a:
            b = m.start()
            continue
        break
    for _ in range(3):
        m = ITEM_TAIL_RE.search(text, a, b)
        if not m or m.start() == a:
            break
        b = m.start()
    m = _LEFT_LEAD_RE.match(text, a, b)
    if m and b - m.end() >= 2:
        a = m.end()
    if b - a > 2 and text[b - 1] in _BR_CLOSE:
        # 区商务局（农贸市场）: a remark after the name is not part of it; a level (各区（县）) or
        # another name of the same body (市委宣传部（市新闻办）) is
        k = _bracket_start(text, a, b)
        if k > a + 1 and not _BRACKET_KEEP_RE.fullmatch(text, k + 1, b - 1) and not any(
                _ORG_RE.fullmatch(text, x, y) for x, y in split_top_level(text, k + 1, b - 1, "、")
        ) and _is_org(text[a:k], need_prefix=False):
            b = k  # (农业农村局（水利局、渔业局）: the other names the same body bears, kept)
    return a, b


# kept brackets: levels (各区（县）) and kinds of organisation (驻甬金融机构（企业）)
_BRACKET_KEEP_RE = re.compile("[省市区县州旗镇乡街道、]{1,8}|企业|单位|机构|公司|集团")


def _bracket_start(text: str, a: int, b: int) -> int:
    """Index of the bracket that the bracket at b - 1 closes (a - 1 if none within text[a:b])."""
    depth = 0
    for k in range(b - 1, a - 1, -1):
        if text[k] in _BR_CLOSE:
            depth += 1
        elif text[k] in _BR_OPEN:
            depth -= 1
            if depth == 0:
                return k
    return a - 1


_CLAUSE_MAX = 400  # characters: a responsibility list is never longer
# notes inside a clause that are not names: 排名第一的为牵头单位 · 列第一位的为牵头单位 · 下同
_CLAUSE_NOTE_RE = re.compile("排名|列第|居首|的为|^(?:下同|同上|以下同)$")
_LIST_TAIL_RE = re.compile("等(?:有关|相关|其他)?(?:部门|单位|机构)(?:[、和及](?:部门|单位|机构)){0,3}$")


def _clause_units(text: str) -> list[tuple[int, int]]:
    """Items listed after 责任单位： / 牵头单位： / 配合单位： … up to the end of the clause."""
    out = []
    n = len(text)
    for label, i in _labels(text):
        if "领导" in label:
            continue
        # reflow keeps the break after a colon: "配合单位：\n市商务局、…" is one clause
        j = i
        while j < n and text[j] in " \u3000":
            j += 1
        if j < n and text[j] == "\n":
            i = j + 1
        limit = min(n, i + _CLAUSE_MAX)
        # another label's colon ("…、市财政局。牵头单位：" without a separator) ends the list too
        end = balanced_end(text, i, limit, "。\n\t：:", top_stops="；;，,")
        while end < limit and text[end] in "；;，,":
            if _ANY_LABEL_RE.match(text, end + 1):
                break  # 牵头单位：A；配合单位：B
            if text[end] in "；;" and not _looks_like_list_continues(text, end + 1):
                break
            end = balanced_end(text, end + 1, limit, "。\n\t：:", top_stops="；;，,")
        if end - i >= _CLAUSE_MAX:  # not a clause: a label followed by prose
            continue
        # "…等部门、单位" at the end of the whole list
        value_end = end
        if end < n and text[end] in "：:":
            # the list ran into the next label (…、各乡镇人民政府　完成时限：): that label is no name
            value_end = max(i, max(text.rfind(c, i, end) for c in _ITEM_SPLIT_CHARS) + 1)
        tail = _LIST_TAIL_RE.search(text, i, value_end)
        if tail:
            value_end = tail.start()
        for a, b in _split_items(text, i, value_end):
            a, b = _trim_item(text, a, b)
            s = text[a:b]
            # inside a clause 各部门、各单位 are the named actors; a bare 单位 / 部门 or a label is not
            if (
                len(s) < 2
                or (s in _GENERIC_ITEMS and not s.startswith("各"))
                or _looks_like_sentence(s)
                or _LABEL_WORD_RE.fullmatch(s)
                or _CLAUSE_NOTE_RE.search(s)
            ):
                continue
            out.append((a, b))
    return out


def _looks_like_list_continues(text: str, i: int) -> bool:
    """After a '；' inside a clause: is the next item an organisation (not a new sentence)?"""
    m = _ORG_RE.match(text, i)
    return bool(m) and m.end() - i <= 25


_SENTENCE_HINT_RE = re.compile("[。！？]|要|应当|推进|加强|完善|实施|建立|开展|确保|做好|落实|提升|推动")


def _looks_like_sentence(s: str) -> bool:
    return len(s) > 30 or bool(_SENTENCE_HINT_RE.search(s)) and not _ORG_RE.fullmatch(s)


# a clause that opens with a verb or a person is no name list: 引导金融机构对照… · 鼓励残疾人服务机构参加… ·
# 受市政府委托 · 移交司法机关依法… · 市长某某到会提请…
_NOT_NAME_LEAD_RE = re.compile(
    "引导|鼓励|促进|强化|加强|推动|督促|支持|正确|切实|适当|依法|依规|例如|比如|会议|移交|履行|提高|区分|发挥|协调"
    "|统筹|指导|推进|积极|进一步|充分|完善|健全|做好|确保|对照|我受|受(?=[市区县省国各])|经(?=[商市区县省国])"
    "|(?:副)?(?:市长|区长|县长|省长|州长|镇长|乡长)")
_ENUMERATOR_RE = re.compile(
    "[一二三四五六七八九十]{1,3}、|[0-9]{1,2}[、．.]|[（(](?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})[）)]")


# the characters _org_items_before's walk acts on (separators, brackets, boundaries, 由, layout
# spaces); at any other it only steps on
_WALK_MARKS = frozenset(_ITEM_SPLIT_CHARS + _BR_CLOSE + _BR_OPEN + "由 \u3000") | _LEFT_BOUNDARY


def _org_items_before(text: str, pos: int) -> list[tuple[int, int]]:
    """Organisations listed right before a trigger verb (区水利局牵头 · A、B配合)."""
    i = pos
    depth = 0
    run = 0  # characters since the last list separator: a name is never longer than 40
    floor = max(0, pos - 120)
    while i > floor and run <= 40:
        ch = text[i - 1]
        if ch not in _WALK_MARKS:
            run += 1  # (most characters: one more of a name, in one test)
            i -= 1
            continue
        run = 0 if ch in _ITEM_SPLIT_CHARS else run + 1
        if ch in _BR_CLOSE:
            depth += 1
        elif ch in _BR_OPEN:
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and ch in _LEFT_BOUNDARY:
            break
        elif depth == 0 and ch == "由":
            break
        elif depth == 0 and ch in " \u3000" and i > 1 and text[i - 2] not in "、，,":
            break  # 第六条 市市场监管局负责: a layout space before the name, not a list gap
        i -= 1
    lead = _ENUMERATOR_RE.match(text, i, pos)
    if lead and (i == 0 or text[i - 1] in "\n。；;：:"):
        i = lead.end()  # 二、省人民政府应当…: the item number is not a name in the list
    if pos - i < 2 or _NOT_NAME_LEAD_RE.match(text, i):
        return []
    # after 由 the agent is explicit: 由公安分局会同… needs no place prefix
    items = _names_in(text, i, pos, need_prefix=not (i > 0 and text[i - 1] == "由"))
    if not items:
        # 河湖所在地的村民委员会、居民委员会应当…: the bodies after the last 的, a modifier before them
        k = text.rfind("的", i, pos)
        if k >= 0 and pos - k > 2:
            if text.endswith(_BELONGS_TO, i, k) and _is_org(text[i:k - 2], need_prefix=True) \
                    and _ORG_RE.fullmatch(text, k + 1, pos):
                return [(i, pos)]  # 气象主管机构所属的气象台站应当…: a body named by the one it belongs to
            return _names_in(text, k + 1, pos)
    # "（各区政府，市教育局、市卫生健康委按职责分工负责）": earlier comma-separated names share the verb
    while items and i > 0 and text[i - 1] in "，,":
        j = i - 1
        while j > 0 and pos - j < 160 and text[j - 1] not in _LEFT_BOUNDARY and text[j - 1] not in _BR_OPEN:
            j -= 1
        earlier = _names_in(text, j, i - 1)
        if not earlier:
            break
        items = earlier + items
        i = j
    return items


_BELONGS_TO = ("所属",)


def _names_in(text: str, i: int, pos: int, need_prefix: bool = True) -> list[tuple[int, int]]:
    """All of text[i:pos] as a list of organisation names, or [] when any item is not one."""
    items = []
    for a, b in _split_items(text, i, pos):
        a, b = _trim_item(text, a, b)
        if b - a < 2:
            return []
        if _is_org(text[a:b], need_prefix=False):
            items.append((a, b))
            continue
        if (items or text[a] == "各") and _is_bearer(text[a:b]):
            # 各街道办事处、社区居民委员会、物业服务企业应当…: a duty-bearer in the list
            # (各牵头单位要…: each body of a role, named by it)
            items.append((a, b))
            continue
        # "区商务局和区文广旅体局" → split at 和/及/与 before a new name
        parts = _split_and(text, a, b)
        if parts is None:
            return []
        items.extend(parts)
    # one name at least must carry a place prefix or a strong suffix (not "龙头企业研究院")
    if need_prefix and not any(_is_org(text[a:b], need_prefix=True) or text[a] == "各" for a, b in items):
        return []
    return items


_AND_SPLIT_RE = re.compile("[和及与](?=[市区县省各])|以及")


def _split_and(text: str, a: int, b: int) -> list[tuple[int, int]] | None:
    cuts = [m for m in _AND_SPLIT_RE.finditer(text, a, b)]
    if not cuts:
        return None
    parts = []
    p = a
    for m in cuts:
        parts.append((p, m.start()))
        p = m.end()
    parts.append((p, b))
    if all(_is_org(text[x:y], need_prefix=False) for x, y in parts):
        return parts
    return None


_ORG_STOP_AFTER = set("、，。；：,;:）)】〕\t\n 和及与或等")
_VERB_AFTER_ORG_RE = re.compile(
    "(?:牵头|负责|会同|配合|协同|联合|协助|参与|组织|统筹|按|根据|依|具体|分别|共同|做好|抓好|加强|研究|制定|"
    "出台|开展|实施|落实|推进|督促|指导|审核|审查|提出|报|向|对|在|为|作为|要|应|须|将|已|于|承担|协调|主要|总体|"
    "抓紧|尽快|加快|及时|认真|切实|进一步|继续|会商|商|同|一并|立即|全面|积极|主动|严格|依法|结合|围绕|针对|每|定期|"
    "责令|予以|给予|处以|没收|吊销|撤销|收回|作出|决定|批准|核准|确认|认定|发放|受理|办理|编制|修改|起草|印发|汇总|统一|"
    "判令|判决|裁决|裁定|处理|调解|参与|派出|派员|提请|审议|讨论|整改|补办|申领|调查|"
    # 由公安机关交通管理部门处警告或者五十元罚款: 处 (impose) after a name, before the penalty
    "处(?=警告|罚款|[一二三四五六七八九十百千万0-9])|"
    # the body applied or turned to, or the one that approves, elects or completes: 向仲裁机构申请 ·
    # 向人民法院起诉 · 报本级人民政府审批 · 由会员代表大会选举 · 要求公安机关补充
    "申请|起诉|提起|审批|拨付|选举|补充|不予|应予|进行)"
)


def _org_items_after(text: str, pos: int, need_prefix: bool = True, strict: bool = False) -> list[tuple[int, int]]:
    """Organisations listed right after 由 / 会同 / 分管 / 联系, up to the first non-name.
    `strict`: a separator or a known verb must follow each name, even a name with its place
    (协助市长处理… is a person: 市长处 is no name)."""
    if not _SUFFIX_AHEAD_RE.match(text, pos):
        return []  # no name ending anywhere near: spare the (costly) name regex
    items = []
    i = pos
    n = len(text)
    while i < n:
        # 由所在地街道办事处… · 所在地县级人民政府: where the matter lies names the body
        here = next(w for w in _WHERE_BEFORE if text.startswith(w, i)) if text.startswith(_WHERE_BEFORE, i) else ""
        m = _ORG_RE.match(text, i + len(here)) if here else None
        if not m:
            here = ""  # (由当地街道统一组织: 当地街道 is the name)
            m = _ORG_RE.match(text, i)
        c = _COLLECTIVE_RE.match(text, i) if text[i] in _COLLECTIVE_FIRST else None
        if c and (not m or (c.end() >= m.end() or not _ends_name(text, m.end())) and _ends_name(text, c.end())):
            m = c  # 由主任会议决定 · 各区（县）要 (not 各区（县）政府, the longer name)
        if not m:
            break
        a, b = i if here else m.start(), m.end()
        # the lazy match may stop early inside a longer name: 市委 → 市委人才办 handled by the regex's repetition
        ends = _ends_name(text, b)
        if not ends:
            # the repetition may run over an adverb and a verb: 由公安机关依法给予处|罚 → 公安机关
            adverb = _ADVERB_RE.search(text, a, b)
            if adverb and adverb.start() - a >= 2:
                b = adverb.start()
                ends = _ends_name(text, b)
        if not ends:
            # the repetition ran over a verb that starts like a name's ending: 由公安机关交通管理部门处|警告
            k = next((k for k in range(b - 1, a + 1, -1) if text[k - 1] in _STRONG_LAST
                      and text.endswith(_STRONG_SUFFIXES, a, k) and _ends_name(text, k)), None)
            if k:
                b, ends = k, True
        # a name with its place prefix may be followed by any verb (由市气象局发布…); a bare one
        # (由大数据中心…) only by a known one, lest a word be cut in the middle
        # (or one whose ending is a name's: 会同公安机关交通管理部门合理设置…)
        if not (ends or ((_ORG_PREFIX_RE.match(text, a) or text.endswith(_STRONG_SUFFIXES, a, b)) and not strict)):
            break
        # 由市政府分管领导… · 由区妇联主席任组长 · 由区科技局局长…: a person acts, not the body
        if text.startswith(_TITLES_AFTER, b) or text.startswith(_TITLES_AFTER, b - 1):
            break
        # the first name must read as an organisation on its own; later ones ride on the list
        if not _is_org(text[a:b], need_prefix=need_prefix and not items):
            break
        items.append((a, b))
        if b < n and text[b] in "、和及与":
            i = b + 1
            continue
        if text.startswith(("以及", "或者"), b):
            i = b + 2
            continue
        if text.startswith("或", b):  # 由上级机关或所在单位给予处分
            i = b + 1
            continue
        break
    return items


# last characters of a name that may stand before 要/应当 (not 需要, not 主要)
# (and a bracket: 各区（县）要…)
# (and 企业/单位 ending a list of names: …、物业服务企业应当…)
_MODAL_NAME_END = (frozenset(w[-1] for w in _ORG_SUFFIX_LIST) - set("需主重")) | set("）)业位")
_BEARER_END = frozenset("业位")
_TITLES_AFTER = tuple(
    "主任 副主任 主席 副主席 书记 副书记 局长 副局长 处长 科长 院长 会长 部长 厅长 主委 秘书长 组长 "
    "分管领导 分管副 主要领导 主要负责 领导 党组 负责人 负责同志 干部 成员 同志 工作人员".split()
)


_DUTY_WORDS = ("联系", "分管", "协助", "负责", "主持", "领导", "兼任", "代管")


def _not_a_contact_list(text: str, pos: int) -> bool:
    """联系人 / 联系电话 / 联系领导 are fields; 联系人行市中心支行 is 联系 + 人行…"""
    if text.startswith("人行", pos):
        return False
    return text.startswith(("领导", "人", "电话", "方式", "单位", "地址", "邮箱"), pos)


_LEADER_IN_CHARGE_RE = re.compile("(?:[省市区县乡镇]|市县|县区)?(?:领导|副)")
"""What follows 分管 in 分管区领导 / 分管副区长: the person in charge, not the bodies put in their charge."""


def _duty_list(text: str, pos: int) -> list[tuple[int, int]]:
    """分管A、B，C。 / 联系A、B等: a division-of-duty list runs to the end of the sentence.

    The first name must read as an organisation; after it the list vouches for its items
    (甬港联, 宁波边检, 在甬高校), up to the first item that reads like prose.
    """
    end = balanced_end(text, pos, min(len(text), pos + _CLAUSE_MAX), "。；;\n\t！？：:")
    out = []
    for a, b in _split_items(text, pos, end):
        a, b = _trim_item(text, a, b)
        s = text[a:b]
        if len(s) < 2:
            continue
        if (
            len(s) > 30
            or _looks_like_sentence(s)
            or s in _GENERIC_ITEMS
            or _CLAUSE_NOTE_RE.search(s)
            or s.startswith(_DUTY_WORDS)
        ):
            break
        out.append((a, b))
    # the list must name at least one organisation outright (not 联系群众、联系实际)
    if not any(_is_org(text[a:b], need_prefix=True) for a, b in out):
        return []
    return out


def _prose_units(text: str) -> list[tuple[int, int]]:
    out = []
    approvals: list[int] = []
    suits: list[int] = []
    duties: list[int] = []  # _BEARER_DUTY_RE's matches, read off this scan (_DUTY_OFFSETS)
    for m in _TRIGGER_RE.finditer(text):
        word = m.group()
        offsets = _DUTY_OFFSETS.get(word)
        if offsets:
            duties.extend(m.start() + k for k in offsets)
        kind = _TRIGGER_KIND[word]
        if kind == "approve":
            approvals.append(m.start())
        elif kind == "sue":
            suits.append(m.start())
        elif kind == "left":
            # cheap test first (most matches are a modal after an ordinary word): a name's last
            # character before the verb, or a verb that names its partner after it
            ch = text[m.start() - 1] if m.start() > 0 else ""
            if ch in _ORG_END_CHARS or ch in _BEARER_END or word in _AFTER_TOO:
                out.extend(_left_trigger_units(text, m, ch))
        elif word in ("分管", "协助分管", "联系"):
            if word == "联系" and _not_a_contact_list(text, m.end()):
                continue
            if word != "联系" and _LEADER_IN_CHARGE_RE.match(text, m.end()):
                continue  # 分管区领导召集… · 分管副市长: the leader in charge (a person), no list of duties
            out.extend(_duty_list(text, m.end()))
        else:
            if word == "联系" and _not_a_contact_list(text, m.end()):
                continue
            if word == "由" and (
                (m.start() > 0 and text[m.start() - 1] in "自理缘事因来经")
                or text.startswith(("于", "此", "衷"), m.end())
            ):
                continue  # 自由贸易 · 理由 · 由于 · 由此
            if word in _TURNED_TO:
                if m.start() == 0 or text[m.start() - 1] not in "出的项此该其":  # 提出请求: a noun
                    out.extend(_turned_to(text, m.end()))
                continue
            if word == "请" and (
                text.startswith(tuple("求示假教愿柬辞托予"), m.end())
                or (m.start() > 0 and text[m.start() - 1] in "报提申呈敬邀聘")
            ):
                continue
            # (a matter put to a body: the name must end before a verb — 提交市政府常务会议 is a meeting)
            items = _org_items_after(text, m.end(), need_prefix=word != "由", strict=word in _PUT_TO)
            if items and word in ("提请", "提交") and _RELATIVE_AFTER_RE.match(text, items[-1][1]):
                continue  # 提请常务委员会审议的议案: the bill is described, nobody is asked here
            if not items and word == "由":
                # 由共同的上一级河湖长制办公室协调: a short modifier with 的 before the name
                mod = _MODIFIER_RE.match(text, m.end())
                if mod:
                    items = _org_items_after(text, mod.end())
            out.extend(items)
    for m in _WEAK_TRIGGER_RE.finditer(text):
        verb = m.start()
        # cheap test first: the last item before the verb must have a name's shape
        last = _LAST_ITEM_RE.search(text, max(0, verb - 41), verb)
        if last and (_ORG_RE.fullmatch(text, last.start(), verb)
                     or _LIST_TAIL_RE.search(text, last.start(), verb)  # …区卫生健康局等部门参加
                     or _ORG_RE.fullmatch(text, _after_open_bracket(text, last.start(), verb), verb)):
            out.extend(_org_items_before(text, verb))
    out.extend(_role_units(text))
    out.extend(_conditional_subjects(text, duties))
    out.extend(_applied_to(text, approvals, suits))
    out.extend(_function_lists(text))
    out.extend(_deciding_bodies(text))
    out.extend(_addressees_and_consulted(text))
    return out


def _addressees_and_consulted(text: str) -> list[tuple[int, int]]:
    out = [m.span() for m in _ADDRESSEE_RE.finditer(text)
           if m.start() == 0 or text[m.start() - 1] in _ADDRESSEE_AFTER] if "你" in text else []
    for m in _CONSULTED_SCAN.finditer(text):
        # 经商A、B，拟于… · 经商县财政局同意: the bodies consulted agree, they act (经商X, blind8's convention)
        items = _org_items_after(text, m.end())
        if items and text.startswith(("，", ",", "同意", "后", "一致"), items[-1][1]):
            out.extend(items)
    return out


_CONSULTED_SCAN = _LiteralScan("经商", "(?!务|业|贸|品|量|定)")


# 三、你市要认真做好… · 请你区组织编制…: the addressee of a 批复 or 复函 given a task acts (你县《关于…的请示》,
# the addressee named as the one who asked, does not)
_ADDRESSEE_AFTER = frozenset("请由望。；;，,、\n\u3000")
_ADDRESSEE_RE = re.compile(
    "你(?:省|市|区|县|州|旗|镇|乡|街道|局|委|厅|办|院|单位|公司)"
    "(?=要|应当|须|必须|务必|负责|组织|抓紧|尽快|认真|切实|及时|做好|按照|依法|牵头|会同|督促|配合|协助|落实)")


# 以省民政厅审核确认的方案为准 · 停放在县级水行政主管部门指定的地点 · 以县交通运输局发布的公告为准: the
# body that decides what the rule points to acts, though it stands in a modifier
_DECIDED_WORDS = ("审核确认", "指定", "确定", "确认", "核定", "划定", "审定", "认定", "发布", "公布")
_DECIDED_RE = re.compile(f"(?:{'|'.join(_DECIDED_WORDS)})的")


def _ending_scan(words, last: str) -> re.Pattern:
    """The matches of "(?:w1|w2|…)last" as a scan from the literal `last` (which the regex engine
    finds far faster than one of the words' first characters), each word in a look-behind that
    captures it, the longest first: a match's start is m.start(m.lastindex).

    The same matches as the plain scan's while no word holds `last`: each match then ends at its
    own `last`, and of the words that end there the longest starts first, as the plain scan, which
    tries every start from the left, finds it."""
    if any(last in w for w in words):
        raise ValueError(f"ending scan: a word holds {last!r}")
    by_length: dict[int, list[str]] = {}
    for w in words:
        by_length.setdefault(len(w), []).append(re.escape(w))
    behind = (f"(?<=({'|'.join(ws)}){re.escape(last)})" for _, ws in sorted(by_length.items(), reverse=True))
    return re.compile(f"{re.escape(last)}(?:{'|'.join(behind)})")


# (the 的 after one of the words: 3 250 candidates in the seeds' texts, where the words' first
# characters are 6 190, each tried through a class)
_DECIDED_SCAN = _ending_scan(_DECIDED_WORDS, "的")
_DECIDED_PREP_RE = re.compile("(?:以|在|按照|按|依照|根据)(?=[^，。；;,\n以在按照依根]{2,30}$)")


def _deciding_bodies(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _DECIDED_SCAN.finditer(text):
        start = m.start(m.lastindex)  # the decision word's
        prep = _DECIDED_PREP_RE.search(text, max(0, start - 32), start)
        if not prep:
            continue
        items = _org_items_after(text, prep.end())
        if items and items[-1][1] == start:
            out.extend(items)
    return out


def _after_open_bracket(text: str, a: int, b: int) -> int:
    """After the last bracket opened in text[a:b] (…条例（省林业局 → 省林业局), else b: no name."""
    k = max(text.rfind(c, a, b) for c in _BR_OPEN)
    return k + 1 if k >= 0 and not any(c in _BR_CLOSE for c in text[k:b]) else b


def _role_units(text: str) -> list[tuple[int, int]]:
    """市住房和城乡建设局是本市…的主管部门 · 各乡镇人民政府是本辖区…的责任主体."""
    out = []
    for role in _ROLES:
        k = text.find(role)
        while k >= 0:
            m = _COMPETENT_RE.search(text, max(0, k - 24), k)
            if m:
                out.extend(_org_items_before(text, m.start()))
            k = text.find(role, k + len(role))
    return out


_PUT_TO = frozenset(("提请", "提交", "督促", "移送"))
_RELATIVE_AFTER_RE = re.compile("[^，。；;,\n]{0,8}的")
# a body named the competent authority of a field, or the one answerable for a task: it acts
_ROLES = ("主管部门", "责任主体")
_COMPETENT_RE = re.compile("是[^，。；;\n是]{0,20}?的?(?:行政)?$")  # …主管部门 after it
_MODIFIER_RE = re.compile("[^，。；、,;\n的]{1,6}的")
_NOT_TURNED_TO = ("公司", "企业", "集团")
_LIST_JOIN_RE = re.compile("[、和与及]")
_EACH_BEARER_RE = re.compile("各[^\\W\\d_的了是在对把将被向从按以等和及与或并由请其该本各有关相未已凡级类]{2,10}单位$")


_AFTER_TOO = _PARTNER_TRIGGERS | {"会同", "商"}


_SUPERIOR = ("上级", "上一级")


def _left_trigger_units(text: str, m: re.Match, ch: str) -> list[tuple[int, int]]:
    """The names before a verb they govern (区水利局牵头), and its partners after it (会同B);
    ch: the character before the verb."""
    word = m.group()
    # 牵头单位 / 负责人 / 配合单位 are labels, not verbs
    if text.startswith(("单位", "人", "领导", "同志"), m.end()):
        return []
    # a name (or 等/要 after it) must end right before the verb
    out: list[tuple[int, int]] = []
    if word == "要" and ch in _BEARER_END:
        # 道路运输企业要对驾驶员…: a regulated organisation opening a sentence, given a task
        k = _clause_start(text, m.start(), "。；;\n！？")
        if _is_bearer(text[k:m.start()]):
            return [(k, m.start())]
    # (企业/单位 only closing a list, …、物业服务企业应当 · 事发地县级政府及市级有关单位必须, or a body's
    # members: 省安委会各成员单位要)
    if ch in _ORG_END_CHARS or (ch in _BEARER_END and word in _MODAL_TRIGGERS and (
            _LIST_JOIN_RE.search(text, max(0, m.start() - 30), m.start()) or text.endswith("成员单位", 0, m.start())
            or _EACH_BEARER_RE.search(text, max(0, m.start() - 13), m.start()))):
        if word in _MODAL_TRIGGERS:
            if ch not in _MODAL_NAME_END:
                return []
            if word == "可以" and text.startswith(("申请", "请求", "要求"), m.end()):
                return []  # 业主委员会可以申请…: a party asking, the body asked is the unit
        out = _org_items_before(text, m.start())
        if not out and ch == "门" and word in _BARE_DEPT_TRIGGERS:
            out = _bare_department(text, m.start())
    # 会同 names its partner whoever leads, 配合/协助 the one helped, 委托/要求 the one charged;
    # 商 only between two bodies (经商某部 is consulting)
    if word == "会同":
        # 各地民政部门要会同自然资源部门，…: a bare field's department is the partner too
        return out + (_org_items_after(text, m.end()) or _bare_department_after(text, m.end()))
    if word == "商" and out:
        return out + _org_items_after(text, m.end())
    if word in _PARTNER_TRIGGERS:
        partners = _org_items_after(text, m.end(), strict=True)
        if word == "协助" and partners and text.startswith(_SUPERIOR, partners[0][0]):
            partners = []  # 协助上级人民政府及其有关部门做好…: whoever is above is helped, the subject acts
        return out + partners
    return out  # 申请设立分公司: what is applied for, not to


# 第五条　民政部门应当… · 。审批部门应当…: a field's department, bare, opening a clause of duty
# (not 有关/相关/职能/业务… 部门: no field named; not mid-clause, where 部门 ends many a phrase)
_BARE_DEPT_TRIGGERS = frozenset(("应当", "要", "会同", "负责"))
_BARE_DEPT_RE = re.compile("[^\\W\\d_的了是在对把将被向从按以等和及与或并由请其该本各有关相未已凡级类这此]{2,6}部门$")
_BARE_DEPT_NOT = ("职能", "业务", "行业", "责任", "成员", "牵头", "配合", "主办", "承办", "政府", "上级", "下级",
                  "属地", "其他", "监管", "执法", "审核", "相应", "对口", "涉及", "同级", "归口", "综合")
_BARE_DEPT_AFTER_RE = re.compile(_BARE_DEPT_RE.pattern[:-1])
_BARE_DEPT_BEFORE = set("。；;\n\u3000")


# …，医疗保障部门负责… · 用人单位招录…，人力资源社会保障部门应当…: after a comma only a field of four
# characters or more (受理后，登记部门要…: a role, not a field)
_BARE_FIELD_AFTER_COMMA_RE = re.compile(
    "(?<=[，,])" + _BARE_DEPT_RE.pattern[:_BARE_DEPT_RE.pattern.index("{")] + "{4,8}部门$")


def _bare_department(text: str, pos: int) -> list[tuple[int, int]]:
    m = _BARE_DEPT_RE.search(text, max(0, pos - 8), pos)
    if m and m.start() > 0 and text[m.start() - 1] not in _BARE_DEPT_BEFORE:
        m = _BARE_FIELD_AFTER_COMMA_RE.search(text, max(0, pos - 11), pos)
    if not m:
        return []
    a = m.start()
    if text.startswith(_BARE_DEPT_NOT, a):
        return []
    return [(a, pos)] if not _not_org_word(text[a:pos]) else []


def _bare_department_after(text: str, pos: int) -> list[tuple[int, int]]:
    """会同自然资源部门，… · 会同财政部门制定…: a field's department right after the verb."""
    m = _BARE_DEPT_AFTER_RE.match(text, pos)
    if not m or text.startswith(_BARE_DEPT_NOT, pos) or _not_org_word(m.group()) or not _ends_name(text, m.end()):
        return []
    return [(pos, m.end())]


def _turned_to(text: str, pos: int) -> list[tuple[int, int]]:
    """The bodies after 申请 / 请求 / 邀请 (not 申请人, the applicant)."""
    if text.startswith("人", pos) and not text.startswith("人民", pos):
        return []
    out = []
    for a, b in _org_items_after(text, pos):
        b = _name_end(text, a, b)
        if b and not text[a:b].endswith(_NOT_TURNED_TO):
            out.append((a, b))
    return out


def _ends_name(text: str, b: int) -> bool:
    return b == len(text) or text[b] in _ORG_STOP_AFTER or bool(_VERB_AFTER_ORG_RE.match(text, b))


def _name_end(text: str, a: int, b: int) -> int | None:
    """The end of the longest name in text[a:b] that a verb or a separator follows:
    申请县级以上人民政府依法处理 → …人民政府 (not …依法处); 请求辞去市人大常委会委员 → none."""
    adverb = _ADVERB_RE.search(text, a, b)
    if adverb and _is_org(text[a:adverb.start()], need_prefix=True):
        return adverb.start()
    for k in range(b, a + 1, -1):
        if _ends_name(text, k) and (k == b or _is_org(text[a:k], need_prefix=True)):
            return k
    return None


_ADVERB_RE = re.compile("依法|依照|按照|予以|立即|及时")  # never inside a name


# (向公安机关交通管理部门申领号牌 · 向城市管理部门补办手续 · 向市场监督管理部门办理使用登记)
# (向县级以上市场监督管理部门投诉: a complaint lodged is handled by the body)
_APPLIED_VERBS = "申请|申领|补办|办理|投诉|举报"
_APPLY_AFTER_RE = re.compile("(?:提出|递交|提交|书面)?申请|(?:直接)?(?:起诉|提起)|" + _APPLIED_VERBS)
# 报本级人民政府批准 · 报请省人民政府审批 · 报同级财政部门拨付: the body that approves acts
# (报市政府备案: the body is only told)
_APPROVE_AFTER_RE = re.compile(_APPROVALS)
_APPLY_RE = re.compile(f"向(?=[^。；;\n]{{2,45}}?(?:{_APPLIED_VERBS}))")
_TOWARDS_RE = re.compile("向(?=[^。；;\n向]{2,45}$)")
# 报本级人民政府批准 · 经本级人民政府审定: the body that approves
_REPORT_TO_RE = re.compile("(?:报请|报送|上报|报(?!经))(?=[^。；;\n报]{2,30}$)"
                           "|经(?![济营费纪])(?=[^。；;\n报经]{2,30}$)")


def _applied_to(text: str, approvals: list[int], suits: list[int]) -> list[tuple[int, int]]:
    """向所在地县级商务主管部门申请备案 · 向人民法院起诉 · 报本级人民政府批准: the body applied or
    turned to (not 向X报告, who is only told)."""
    out = []
    # 报…批准: found from the (rarer) approval word, then the 报 before it
    # 报…批准 · 向…起诉: found from the (rarer) verb, then the 报 / 向 before it
    reports = [r for a in approvals
               if (text.find("报", max(0, a - 32), a) >= 0 or text.find("经", max(0, a - 32), a) >= 0)
               and (r := _REPORT_TO_RE.search(text, max(0, a - 32), a))]
    sued = [r for a in suits
            if text.find("向", max(0, a - 47), a) >= 0 and (r := _TOWARDS_RE.search(text, max(0, a - 47), a))]
    for m in list(_APPLY_RE.finditer(text)) + reports + sued:
        here = next((w for w in _WHERE_BEFORE if text.startswith(w, m.end())), "")
        if not here and (where := _PLACE_WHERE_RE.match(text, m.end())):
            here = where.group()  # 向河道所在地县级水行政主管部门申请: where the thing lies
        items = _org_items_after(text, m.end() + len(here))
        after = _APPLY_AFTER_RE if text[m.start()] == "向" else _APPROVE_AFTER_RE
        end = items[-1][1] if items else 0
        if items and text.startswith("会同", end):
            # 经市商务局会同市自然资源和规划局审查: the verb after the partner (whom 会同 finds itself)
            partners = _org_items_after(text, end + 2)
            end = partners[-1][1] if partners else end
        if items and after.match(text, end):
            items[0] = (m.end(), items[0][1])  # 所在地 belongs to the name: 所在地县级…部门
            out.extend(x for x in items if not text[x[0]:x[1]].endswith(_NOT_TURNED_TO))
    return out


_WHERE_BEFORE = ("所在地", "当地", "住所地", "居住地", "户籍地", "所在")  # (所在地 before 所在: the first that fits)
_PLACE_WHERE_RE = re.compile("[^\\W\\d_的了是在对把将被向从按以等和及与或并由请]{1,4}所在地")



# 发展改革、自然资源、水利等部门按照各自职责…: functions listed before 等部门 name the bodies
# that exercise them; the whole list is one span (as 县级以上人民政府林业草原等有关主管部门)
_FUNCTION_CHAR = "[^\\W\\d_的了是在对把将被向从按以等和及与或并由请]"
_FUNCTION = f"{_FUNCTION_CHAR}{{2,8}}(?:和{_FUNCTION_CHAR}{{2,4}})?"  # 自然资源和规划
# the level the functions belong to: 县级以上人民政府发展改革、财政…等部门 · 同级应急管理、水利等部门
_FUNCTION_LEVEL = ("(?:(?:县级以上|设区的市级以上|省级|市级|县级|乡级|各级|省|市|县|设区的市)?"
                   "(?:地方)?(?:各级)?人民政府"
                   "|同级|本级|上级|上一级|国务院|各级|各地"
                   # 各市（州）发展改革、财政、农业农村部门: the functions of every government of a level
                   "|各(?:省|市|区|县|州)(?:[（(][省市区县州旗、]{1,8}[）)])?)")
# with its level a list needs no 等: 县级以上人民政府林业、城市绿化主管部门 · 各级发展改革、财政部门
_FUNCTION_LIST_RE = re.compile(
    f"{_FUNCTION_LEVEL}?(?:{_FUNCTION}、){{1,10}}{_FUNCTION}等(?:有关|相关|其他)?(?:主管)?部门"
    f"|{_FUNCTION_LEVEL}(?:{_FUNCTION}、){{1,10}}{_FUNCTION}(?:主管)?部门")
# a trigger after the list (…等部门按照各自职责 · …等部门，按照各自职责 · …等部门参加), or a partner verb before it
_FUNCTION_LIST_AFTER = re.compile(f"[，,]?(?:{_LEFT_TRIGGERS}|{_WEAK_TRIGGERS}|在各自(?:的)?职责范围内)")


def _list_tails(text: str):
    """(start, end) of each list's end: …等(有关)部门, or the whole 、-list after a level
    (人民政府林业、城市绿化主管部门 · 各级发展改革、财政部门), found from the level's words."""
    tails = [(m.start(), m.end()) for m in _FUNCTION_TAIL_RE.finditer(text)]
    for m in sorted((m for rx in _LEVEL_WORD_SCANS for m in rx.finditer(text)), key=_MATCH_START):
        if text.find("、", m.end(), m.end() + 11) < 0:
            continue  # no function list after the level (most 人民政府 and 各市)
        t = _LEVEL_TAIL_RE.match(text, m.end())
        if t and "等" not in t.group():
            tails.append((text.rfind("、", m.end(), t.end()) + 1, t.end()))  # the last function
    return tails


def _function_lists(text: str) -> list[tuple[int, int]]:
    out = []
    for start, end in _list_tails(text):
        m = _Tail(start, end)
        after = _FUNCTION_LIST_AFTER.match(text, m.end())
        # cheap test first: a verb after the list, or a partner verb not far before it, or 由
        if not after and not _PARTNER_NEAR_RE.search(text, max(0, m.start() - 120), m.start()) \
                and text.find("由", max(0, m.start() - 80), m.start()) < 0 \
                and text.find("报", max(0, m.start() - 80), m.start()) < 0:
            continue
        a = _clause_start(text, m.start())
        partner = _PARTNER_BEFORE_RE.search(text, a, m.start())
        agent = None if partner or after else _AGENT_BEFORE_RE.search(text, a, m.start())
        if agent and agent.group("report") and not _APPROVE_AFTER_RE.match(text, m.end()):
            agent = None  # 报X备案: X is only told
        if partner:
            a = partner.end()  # 会同同级应急管理、水利、自然资源等部门，在汛期前…
        elif agent:
            a = agent.end()  # 由县级人民政府林业、城市绿化主管部门确定
        elif not after:
            continue
        lead = _LEFT_LEAD_RE.match(text, a, m.start()) or _LIST_VERB_RE.match(text, a, m.start())
        a = lead.end() if lead else a  # 由民政、公安等部门负责 · 强化财政、税务等部门协同
        # 市政府及发改、交通等相关部门要…: a body named before the list is its own span
        joined = _JOINED_RE.search(text, a, m.start())
        if joined and _is_org(text[a:joined.start()], need_prefix=True):
            out.append((a, joined.start()))
            a = joined.end()
        whole = _FUNCTION_LIST_RE.fullmatch(text, a, m.end())
        if whole and not _SENTENCE_HINT_RE.search(text, a, m.start()) and not _names_in(text, a, m.start()):
            out.append((a, m.end()))  # (公安分局、区应急管理局等部门: names, each its own span)
    return out


# the last partner verb of a clause, with no other verb after it: 应当会同|同级应急管理、水利等部门
_PARTNER_BEFORE_RE = re.compile("(?:会同|配合|协助|委托|要求)(?=[^会配协委要]*$)")
_PARTNER_NEAR_RE = re.compile("会同|配合|协助|委托|要求")
# 由X确定 · 报X审查: the agent, or the body that approves (报 only with the approval after the list)
_AGENT_BEFORE_RE = re.compile("(?:(?<![自理缘事因来经])由(?![于此衷])|(?P<report>报请|报))(?=[^由报]*$)")
_FUNCTION_TAIL_RE = re.compile("等(?:有关|相关|其他)?(?:主管)?部门")
_LEVEL_WORD_RE = re.compile("人民政府|国务院|各级|各地|各[省市区县州](?:[（(][省市区县州旗、]{1,8}[）)])?")
# the same matches as three scans, each from a literal first character (which the regex engine
# finds far faster than one of a class of three): no match of one can overlap one of another
# (人 国 各 stand nowhere inside the others), so in order of start they are _LEVEL_WORD_RE's
_LEVEL_WORD_SCANS = (_LiteralScan("人民政府"), _LiteralScan("国务院"),
                     _LiteralScan("各", "(?:级|地|[省市区县州](?:[（(][省市区县州旗、]{1,8}[）)])?)"))
_LEVEL_TAIL_RE = re.compile(f"(?:{_FUNCTION}、){{1,10}}{_FUNCTION}(?:主管)?部门")


class _Tail:
    """A found list end, read like a match (start, end)."""
    __slots__ = ("_a", "_b")

    def __init__(self, a: int, b: int) -> None:
        self._a, self._b = a, b

    def start(self) -> int:
        return self._a

    def end(self) -> int:
        return self._b


_JOINED_RE = re.compile("[及和与]")
_LIST_VERB_RE = re.compile("强化|加强|推动|督促|指导|组织|协调|统筹|发挥")


_CLAUSE_HEAD_RE = re.compile(
    "[ \u3000]*(?:第[一二三四五六七八九十百零〇]+条|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]"
    "|\\d{1,2}[.．、](?!\\d))?[ \u3000]*")


def _clause_start(text: str, pos: int, boundary: str = "。；;\n！？，,：:") -> int:
    """Where the clause holding pos begins, after its article or item number (第五条 · 三、)."""
    i = pos
    while i > 0 and text[i - 1] not in boundary and pos - i < 120:
        i -= 1
    head = _CLAUSE_HEAD_RE.match(text, i, pos)
    return head.end() if head else i


# 公路管理机构发现公路损毁的，应当… · 人民检察院在办理…时，应当… · 人民法院审理…，可以…: the body a
# duty or power falls on opens the sentence, a condition or situation between it and the modal
# (人民法院在审理中发现…的，应当…: where it acts, then its duty)
_CONDITION_VERB_RE = re.compile("发现|收到|接到|受理|作出|检查|审查|开展|实施|审理|办理|履行|处理|对|因|在")
_SITUATION_RE = re.compile("在[^，。；;\n]{1,40}?时[，,]")
_DOING_THEN_MODAL_RE = re.compile("[^，。；;,\n]{1,30}的[，,](?:并|则|也)?(?:应当|可以|须|必须)")
_LATER_MODAL = "(?:并|则|也)?(?:应当|应|可以|须|必须|由其)"
_LATER_MODAL_RE = re.compile(f"[，,]{_LATER_MODAL}")
_SENTENCE_START = set("。；;\n！？")
# a regulated organisation named by what it runs: 燃气经营单位 · 客运站经营企业
# (each of a role's bodies: 各牵头单位 · 各管线权属单位; a provider of a service: 网络服务提供者)
_BEARER_RE = re.compile(
    "各?[^\\W\\d_的了是在对把将被向从按以等和及与或并由请其该本各有关相未已凡]{2,10}(?:单位|企业|服务提供者|经营者|开办者)")
_NOT_BEARER_START = ("各级", "各类", "有关", "相关", "其他", "该", "本", "上述", "所有", "全部", "任何", "下列", "以下")
_BEARER_DUTY_RE = re.compile("应当|须|必须|负责")


def _is_bearer(s: str) -> bool:
    """物业服务企业 · 燃气经营单位: a regulated organisation named by what it runs."""
    return bool(_BEARER_RE.fullmatch(s)) and not s.startswith(_NOT_BEARER_START) and not _not_org_word(s)


def _subject_at(text: str, i: int, end: int) -> tuple[int, int] | None:
    """The organisation (or duty-bearing 单位/企业) that text[i:] opens with."""
    name = _ORG_RE.match(text, i, end)
    if name and not _is_org(name.group(), need_prefix=True):
        name = None
    # (the bearer is looked for only where the name holds 单位/企业 or there is no name)
    bearer = _BEARER_RE.match(text, i, end) if not name or _BEARER_INSIDE_RE.search(name.group()) else None
    if bearer and not _is_bearer(bearer.group()):
        bearer = None
    # (执收单位发现政府…票据的: the name would run over the bearer to the next 政府)
    if name and not (bearer and bearer.end() < name.end()):
        return name.start(), name.end()
    if bearer:
        return bearer.start(), bearer.end()
    return None


_BEARER_INSIDE_RE = re.compile("单位|企业|提供者|经营者|开办者")
_SENTENCE_END_RE = re.compile("[。；;\n！？]")
_BEARER_AT_RE = re.compile(f"{_BEARER_RE.pattern}(?={_BEARER_DUTY_RE.pattern})")


_BEARER_NOUNS = ("单位", "企业", "服务提供者", "经营者", "开办者")
_BEARER_DUTY_WORDS = f"(?:{'|'.join(_BEARER_NOUNS)})(?:{_BEARER_DUTY_RE.pattern})"
_COMMA_BEARER_RE = re.compile(f"[，,的“](?=[^，,。；;\n]{{2,10}}{_BEARER_DUTY_WORDS})")
# a text without these words has no _COMMA_BEARER_RE match: a try at the few duty words found by
# _BEARER_DUTY_RE's scan (which runs anyway, for the cues) instead of one at every comma.
# (No match of _BEARER_DUTY_RE can hide one after a bearer noun: 位 业 者 start no duty word.)
_BEARER_DUTY_WORDS_RE = re.compile(_BEARER_DUTY_WORDS)
# the commas _LATER_MODAL_RE starts at, found by two scans from a literal character (the engine
# finds a literal far faster than one of a class): a match is the comma alone
_LATER_COMMA_RES = (_LiteralScan("，", f"(?={_LATER_MODAL})"), _LiteralScan(",", f"(?={_LATER_MODAL})"))


def _duty_offsets() -> dict[str, tuple[int, ...]]:
    """Where _BEARER_DUTY_RE's words stand inside each trigger word (负责 in 牵头负责 at 2; 应当 at 0).

    Every duty word (应当 须 必须 负责) is a trigger word, so the trigger scan, which runs anyway,
    passes every duty match: at its start, or inside a longer trigger word. That holds while no
    trigger word ends with the beginning of a duty word (…应|当…: the duty would straddle the
    trigger's end, hidden from both), which is checked here, at import."""
    duty_words = _BEARER_DUTY_RE.pattern.split("|")
    offsets = {}
    for word in _TRIGGER_KIND:
        for duty in duty_words:
            if duty not in _TRIGGER_KIND:
                raise ValueError(f"duty word {duty!r} is no trigger word")
            if any(word.endswith(duty[:k]) for k in range(1, len(duty))):
                raise ValueError(f"trigger word {word!r} ends with the start of duty word {duty!r}")
        found = tuple(m.start() for m in _BEARER_DUTY_RE.finditer(word))
        if found:
            offsets[word] = found
    return offsets


_DUTY_OFFSETS = _duty_offsets()
_SENTENCE_ENDS = "。；;\n！？"


def _conditional_subjects(text: str, duties: list[int] | None = None) -> list[tuple[int, int]]:
    """`duties`: the starts of _BEARER_DUTY_RE's matches, if known (_prose_units reads them off
    its trigger scan)."""
    out = []
    if duties is None:
        duties = [m.start() for m in _BEARER_DUTY_RE.finditer(text)]
    later = sorted(m.start() for rx in _LATER_COMMA_RES for m in rx.finditer(text))
    # after a comma only a duty-bearer's own 应当 counts: 对材料齐全的，执收单位应当…
    bearer_duty = any(text.endswith(_BEARER_NOUNS, 0, k) for k in duties)  # _BEARER_DUTY_WORDS_RE.search
    for m in _COMMA_BEARER_RE.finditer(text) if bearer_duty else ():
        bearer = _BEARER_AT_RE.match(text, m.end())
        if bearer and not text.startswith(_NOT_BEARER_START, m.end()) and not _not_org_word(bearer.group()):
            out.append((bearer.start(), bearer.end()))
    # where a sentence can hold a duty at all
    cues = duties + later + [m.start() for m in _SITUATION_RE.finditer(text)]
    for i, stop in _sentences_holding(text, cues):
        head = _CLAUSE_HEAD_RE.match(text, i)
        i = head.end() if head else i
        stop = min(stop, i + 200)
        subject = _subject_at(text, i, min(len(text), i + 40))
        if not subject:
            continue
        b = subject[1]
        more = []  # 各中级人民法院、基层人民法院在审理中…: every subject of the list
        while b < stop and text[b] == "、" and (nxt := _subject_at(text, b + 1, min(len(text), b + 41))):
            more.append(nxt)
            b = nxt[1]
        if text.endswith(_BEARER_NOUNS, 0, b) and _BEARER_DUTY_RE.match(text, b):
            out.append(subject)  # 燃气经营单位应当建立… (a named body's 应当 is _prose_units')
            out.extend(more)
            continue
        situation = _SITUATION_RE.match(text, b)
        if not situation and not _is_bearer(text[subject[0]:b]):
            # 人民法院保全电子数据的，可以要求…: a named body, what it does, then its power or duty
            situation = _DOING_THEN_MODAL_RE.match(text, b)
        verb = _CONDITION_VERB_RE.match(text, b)
        if not (situation or verb) or (not situation and verb.group() == "在" and _is_bearer(text[subject[0]:b])):
            continue  # (信用C级单位在一定时期内…: 在 follows a named body only)
        if situation or _LATER_MODAL_RE.search(text, b, stop):
            out.append(subject)
            out.extend(more)
    return out


_SENTENCE_NEAR = 100  # characters


def _sentences_holding(text: str, positions: list[int]) -> list[tuple[int, int]]:
    """(start, end) of each sentence (between two of _SENTENCE_ENDS) that holds one of the
    positions, in order, each once; a position on a sentence end is in none.

    Only those sentences are delimited: forwards a search to the next end, backwards a
    bounded rfind per end character (no further back than the end of the last sentence found),
    first over the _SENTENCE_NEAR characters before the position, where most sentences start:
    an end found there is the last one, and only where none is the rest searched."""
    out: list[tuple[int, int]] = []
    n = len(text)
    stop = -1  # the end of the last sentence found
    for p in sorted(set(positions)):
        if p <= stop or text[p] in _SENTENCE_ENDS:
            continue
        lo = max(stop, 0)
        near = max(lo, p - _SENTENCE_NEAR)
        start = max(text.rfind(ch, near, p) for ch in _SENTENCE_ENDS)
        if start < 0 and near > lo:
            start = max(text.rfind(ch, lo, near) for ch in _SENTENCE_ENDS)
        start += 1
        m = _SENTENCE_END_RE.search(text, p)
        stop = m.start() if m else n
        out.append((start, stop))
    return out


_COLLECTIVE_FIRST = frozenset("市区县省各主")
# a name (or a collective: …单位, 各区（县）, 主任会议) ends within 30 characters of its start
_SUFFIX_AHEAD_RE = re.compile(
    f"[^，。；：,;:\n]{{0,30}}?[{re.escape(''.join(sorted(set(w[-1] for w in _ORG_SUFFIX_LIST) | set('位）)议'))))}]")


# a column of responsible units; a bare 单位 column is a unit of measure (亿元, 家)
_HEADER_UNIT_RE = re.compile("(?:责任|牵头|配合|承办|主办|协办|督办|推进|实施|主责|参与)[^\\t]{0,4}(?:单位|部门|处室)")


_TASK_CJK_RE = re.compile(f"[{CJK}]{{4,}}")
_CJK_RE = re.compile(f"[{CJK}]")
_TAG_ANY_RE = re.compile("<[^<>\n]{1,40}>")


def _is_task_cell(cell: str) -> bool:
    """A cell that states work to do (推进数字化改革), not a name, number or date."""
    c = _TAG_ANY_RE.sub("", cell).strip()
    return bool(_TASK_CJK_RE.search(c)) and not _is_org(c, need_prefix=False)


def _table_units(text: str) -> list[tuple[int, int]]:
    """Tab-separated rows: cells under a 单位 header, and cells made only of organisation names."""
    if "\t" not in text:
        return []  # no row at all (most documents): no walk over every line
    out = []
    unit_cols: set[int] = set()
    line_start = 0
    for line in text.split("\n"):
        if "\t" not in line:
            unit_cols = set()
            line_start += len(line) + 1
            continue
        cells = line.split("\t")
        # (the header pattern never crosses a tab: a row without a match anywhere has no header cell)
        header = {k for k, c in enumerate(cells) if _HEADER_UNIT_RE.search(c.strip()) and len(c.strip()) <= 12
                  } if _HEADER_UNIT_RE.search(line) else set()
        if header:
            unit_cols = header
        else:
            pos = line_start
            # without a 单位 header a row counts only as a task row: names come after the task text
            task_seen = False
            for k, cell in enumerate(cells):
                if k not in unit_cols and not unit_cols and not task_seen:
                    task_seen = _is_task_cell(cell)
                    pos += len(cell) + 1
                    continue
                # (a cell without a CJK character holds no name: an item either column takes has one)
                if len(cell) <= 120 and _CJK_RE.search(cell):
                    items = []
                    ok = True
                    for a, b in _split_items(text, pos, pos + len(cell)):
                        a, b = _trim_item(text, a, b)
                        s = text[a:b]
                        if len(s) < 2:
                            continue
                        if k in unit_cols:
                            if s in _GENERIC_ITEMS or _looks_like_sentence(s) or not _CJK_RE.search(s):
                                ok = False
                                break
                        elif not _is_org(s, need_prefix=True) or len(s) > 25 or s.endswith("公司"):
                            # outside a 单位 column only a plain authority name counts
                            # (not 隐患单位 companies, not a 派出所 header)
                            ok = False
                            break
                        items.append((a, b))
                    if ok:
                        out.extend(items)
                pos += len(cell) + 1
        line_start += len(line) + 1
    return out


# ------------------------------------------------------------------ assembly
_PRIORITY = {"docref": 0, "date": 1, "number": 2, "unit": 3}


def _find_dates(text: str) -> list[tuple[int, int]]:
    out = []
    last = 0
    # (searched from the end of the last date: the dates that start inside it, 5月 in 2022年5月, are
    # not kept, and each match is one character long, so a finditer would report them too)
    while m := _DATE_RE.search(text, last):
        a, b = m.span("date")
        last = b
        if m.group("yr") is not None:
            y1, y2 = int(_fold(m.group("yr"))), int(_fold(m.group("yr2")))
            if not (0 < y2 - y1 <= 50):
                continue
        # trailing spaces captured by _S before an absent deadline marker
        while b > a and text[b - 1] in " \u3000":
            b -= 1
        if a > 0 and text[a - 1] in _FROM_PREFIX and text[b - 1] == "起":
            a -= 1
        if b > a:
            out.append((a, b))
    return out


_FOLD = str.maketrans("０１２３４５６７８９", "0123456789")


def _fold(s: str) -> str:
    return s.translate(_FOLD)


# statistics tables: the unit is a column (单位 / 计量单位) or sits in a bracket at the end of a
# header or indicator cell: 增长（%） · 城镇新增就业人员（万人） · 每千人床位数（张）*
_MEASURE_BRACKET = f"[（(][ \u3000]?[万亿千百]?(?:{_UNIT_ALT})(?:/[万千]?(?:{_UNIT_ALT}))?[ \u3000]?[）)]\\*?$"
_MEASURE_HEADER_RE = re.compile(f"^(?:计量)?单位$|{_MEASURE_BRACKET}")
_MEASURE_CELL_RE = re.compile(_MEASURE_BRACKET)
_BARE_NUMBER_CELL_RE = re.compile(
    f"(?:[≥≤><＞＜]|约)?[-－−]?{_D}{{1,12}}(?:[.．]{_D}{{1,6}})?[%％‰]?|\\[{_D}{{1,12}}(?:[.．]{_D}{{1,6}})?\\]"
)
_ORDINAL_HEADERS = ("序号", "编号", "排名", "年份", "序")


def _table_numbers(text: str) -> list[tuple[int, int]]:
    """Bare numeric cells of a table whose header or row names the unit."""
    if "\t" not in text:
        return []  # no row at all (most documents): no walk over every line
    out = []
    measured = False  # the header names units for its columns
    skip_cols: set[int] = set()
    line_start = 0
    for line in text.split("\n"):
        if "\t" not in line:
            measured = False
            line_start += len(line) + 1
            continue
        cells = line.split("\t")
        stripped = [c.strip() for c in cells]
        has_numbers = any(_BARE_NUMBER_CELL_RE.fullmatch(c) for c in stripped)
        if not has_numbers:
            if any(_MEASURE_HEADER_RE.search(c) for c in stripped):
                measured = True
            skip_cols = {k for k, c in enumerate(stripped) if c in _ORDINAL_HEADERS}
        elif measured or any(_MEASURE_CELL_RE.search(c) for c in stripped):
            pos = line_start
            # numbers count after the indicator cell that carries the unit, else after the first text cell
            first_text = next((k for k, c in enumerate(stripped) if _MEASURE_CELL_RE.search(c)), None)
            if first_text is None:
                first_text = next((k for k, c in enumerate(stripped) if c and not _BARE_NUMBER_CELL_RE.fullmatch(c)), 0)
            for k, cell in enumerate(cells):
                c = cell.strip()
                # numbers before the first text cell are row numbers (序号), not quantities
                if k > first_text and k not in skip_cols and c and _BARE_NUMBER_CELL_RE.fullmatch(c):
                    a = pos + cell.index(c)
                    out.append((a, a + len(c)))
                pos += len(cell) + 1
        line_start += len(line) + 1
    return out


# a book title (《…三年行动计划》, 《关于下达100万元…的通知》) is a name: no quantity inside it
_BOOK_TITLE_RE = re.compile("《[^《》\n]{1,150}》")


def _book_titles(text: str) -> list[tuple[int, int]]:
    if "《" not in text:
        return []
    return [(m.start(), m.end()) for m in _BOOK_TITLE_RE.finditer(text)]


def _find_numbers(text: str) -> list[tuple[int, int]]:
    out = []
    titles = _book_titles(text)
    title_starts = [a for a, _ in titles]
    for m in _NUMBER_RE.finditer(text):
        g = m.groups()
        if _number_ok(text, m, g):
            a, b = m.start(), m.end()
            k = bisect.bisect_right(title_starts, a) - 1
            if k >= 0 and titles[k][1] > a:
                continue
            while b > a and text[b - 1] in " \u3000":
                b -= 1
            # a sign of its own: 自然增长率为-0.48‰
            if (a > 0 and text[a - 1] in _MINUS and g[_G_AR1] is not None
                    and (a < 2 or text[a - 2] not in _CODE_BEFORE)):
                a -= 1
            if g[_G_U1] is not None:
                # 十万元至五十万元: two quantities, each with its unit, joined by a word; written
                # with a dash (10%-15%) the range is one token, and 1-2家 has one unit anyway
                mid = m.end("u2")
                k = mid
                while k < b and text[k] in " \u3000":
                    k += 1
                if k < b and text[k] in "至到":
                    out.append((a, mid))
                    k += 1
                    while k < b and text[k] in " \u3000":
                        k += 1
                    out.append((k, b))
                    continue
            out.append((a, b))
    return out


def find_entities(text: str, own_doc_number: str | None = None) -> list[Span]:
    """Dates, numbers, responsible units and cited doc numbers in a reading text.

    `own_doc_number` is the document's own 文号 (from its metadata): where the text shows
    it (the header line) it is not a citation, so it gives no docref span — though it
    still keeps its year from being read as a date.
    """
    if not text:
        return []
    candidates: list[tuple[int, int, int, str]] = []
    docrefs = _find_docrefs(text)
    if own_doc_number:
        own = docno_key(own_doc_number)
        for a, b in docrefs:
            if docno_key(text[a:b]) == own:
                candidates.append((_PRIORITY["docref"], a, -b, "own"))
    for kind, finder in (
        ("docref", lambda _: docrefs),
        ("date", _find_dates),
        ("number", _find_numbers),
        ("number", _table_numbers),
        ("unit", _units),
    ):
        priority = _PRIORITY[kind]
        for a, b in finder(text):
            candidates.append((priority, a, -b, kind))  # -b: the longer first among equal starts
    candidates.sort(key=_BY_PRIORITY_START_LENGTH)  # stable: ties keep the finders' order
    starts: list[int] = []
    ends: list[int] = []
    kinds: list[str] = []
    pieces: list[str] = []
    n = len(text)
    for _, a, b, kind in candidates:
        b = -b
        if b <= a or a < 0 or b > n:
            continue
        piece = text[a:b]
        if "\n" in piece or "\t" in piece:
            continue
        k = bisect.bisect_left(starts, a)
        if k > 0 and ends[k - 1] > a:
            continue
        if k < len(starts) and starts[k] < b:
            continue
        starts.insert(k, a)
        ends.insert(k, b)
        kinds.insert(k, kind)
        pieces.insert(k, piece)
    return [_span(kind, a, b, piece) for a, b, kind, piece in zip(starts, ends, kinds, pieces) if kind != "own"]


_BY_PRIORITY_START_LENGTH = operator.itemgetter(0, 1, 2)


_new_object = object.__new__


def _span(kind: str, start: int, end: int, piece: str) -> Span:
    """Span(kind, start, end, piece) without the frozen dataclass's __init__ (four
    object.__setattr__ calls): the same fields in the same order, about half the time; tested
    equal to the constructor's."""
    span = _new_object(Span)
    fields = span.__dict__
    fields["type"] = kind
    fields["start"] = start
    fields["end"] = end
    fields["text"] = piece
    return span


def _units(text: str) -> list[tuple[int, int]]:
    out = []
    for a, b in _clause_units(text) + _prose_units(text) + _table_units(text):
        out.extend(_split_joined(text, a, b))
    return out


_JOIN_RE = re.compile("[和与及]")


def _split_joined(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """"区综合执法局和华润兴光燃气公司" is two names; "人力资源和社会保障局" is one."""
    if not _JOIN_RE.search(text, a, b):
        return [(a, b)]  # (most names: one search, not a scan set up to find nothing)
    for m in _JOIN_RE.finditer(text, a, b):
        left, right = text[a : m.start()], text[m.end() : b]
        if _is_org(left, need_prefix=False) and _is_org(right, need_prefix=False):
            return [(a, m.start())] + _split_joined(text, m.end(), b)
    return [(a, b)]
