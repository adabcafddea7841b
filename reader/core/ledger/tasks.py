"""Who does what by when: the task ledger (任务台账) of a document.

A *task* is the numbered item or the sentence that carries a responsibility. Found in
four shapes, all on the document's reading text (offsets point into Document.text):

- **item** — a responsibility clause in brackets or behind labels:
  （责任单位：A、B）· （牵头单位：A；配合单位：B、C）· (牵头领导：X，主要责任单位：A等部门、单位).
  A clause that stands after the end of a sentence (…以上。（责任单位：…）) belongs to
  everything before it back to the previous clause of the same numbered item (or the
  item's start); a clause inside a sentence belongs to that sentence.
- **sentence** — prose that assigns work: 区水利局牵头，区应急管理局、区气象局配合，于6月20日前完成;
  由市财政局会同市发改委…; （区住建局牵头负责，各街道配合）.
- **table** — a 任务分解 table (tab-separated rows, or HTML <tr>/<td> text) whose header
  names the columns: 序号 / 任务 / 牵头单位 / 配合单位 / 完成时限 / 牵头领导.
- **duty** — a leader's division of duties (工作分工): 副市长X 负责… 分管A、B。联系C、D。
  The 分管 units are the leader's lead units, the 联系 units go to cooperating_units.

Roles (the rule the ledger follows):
- lead: 牵头单位 / 主要责任单位 / 主办 / 牵头/推进单位 labels; in prose X牵头(负责), X负责,
  X会同Y (X leads, Y cooperates).
- 责任单位 / 责任部门 / 落实单位 lists: every unit is responsible and so listed as lead —
  unless the document says the first one leads (列第一位的为牵头单位 · 排在首位的牵头),
  then the first is lead and the rest cooperate.
- cooperating: 配合 / 协办 / 协助 / 参与 labels or verbs, and the object of 会同.
- lead officials: 牵头领导 / 责任领导 names; the leader of a duty paragraph.
- deadlines: the date spans of the task that are time limits (…前, …底, …内, 于/在/到…,
  or any date in a 完成时限 label or column) plus non-date limits written there (持续推进).
- targets: the number spans of the task, outside its responsibility clause.
Trailing 等部门、单位 / 等 are dropped from unit names; clauses broken over lines, full- and
half-width brackets and 、，；separators are read as one clause.
"""
from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field

from reader.core.model import Document
from reader.core.text.patterns import LIST_CLOSE as _CLOSE
from reader.core.text.patterns import LIST_OPEN as _OPEN
from reader.core.text.patterns import (
    CJK, ITEM_TAIL_RE, LABEL_NOUN, LABEL_QUALIFIER, LABEL_ROLE, LABEL_ROLE_ALT, balanced_end, split_top_level,
)
from reader.core.documents.organisations import Unit, make_unit, place_of, tidy, unit_matches

_PAIR = dict(zip(_OPEN, _CLOSE))
_SENTENCE_END = set("。！？；;!?\n")
_TERMINAL = set("。！？；：;:!?）)”’》」』】")


@dataclass
class Task:
    doc_id: str
    path: str  # heading path of the item: 三、（二）12.
    text: str  # the task's words, line breaks of the reading text removed
    start: int  # offsets in Document.text: doc.text[start:end] is the task
    end: int
    lead_units: list[Unit] = field(default_factory=list)
    cooperating_units: list[Unit] = field(default_factory=list)
    lead_officials: list[str] = field(default_factory=list)
    deadlines: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    kind: str = "item"  # item | sentence | table | duty

    @property
    def units(self) -> list[Unit]:
        return self.lead_units + self.cooperating_units

    def involves(self, unit_query: str) -> bool:
        """Whether a unit filter (市经信局, 区住建局, 北仑区住房和城乡建设局) names one of its units."""
        return any(unit_matches(unit_query, u) for u in self.units)

    @classmethod
    def from_json(cls, d: dict) -> "Task":
        """The inverse of to_json (tasks are stored in the index as these records)."""
        return cls(
            doc_id=d["doc_id"], path=d["path"], text=d["text"], start=d["start"], end=d["end"],
            lead_units=[Unit(*u) for u in d.get("lead_units", [])],
            cooperating_units=[Unit(*u) for u in d.get("cooperating_units", [])],
            lead_officials=list(d.get("lead_officials", [])), deadlines=list(d.get("deadlines", [])),
            targets=list(d.get("targets", [])), kind=d.get("kind", "item"),
        )

    def to_json(self) -> dict:
        return {
            "doc_id": self.doc_id,
            "path": self.path,
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "lead_units": [list(u) for u in self.lead_units],
            "cooperating_units": [list(u) for u in self.cooperating_units],
            "lead_officials": list(self.lead_officials),
            "deadlines": list(self.deadlines),
            "targets": list(self.targets),
        }


# ---------------------------------------------------------------- headings
_HEADING_RES = (
    (0, re.compile("^第[一二三四五六七八九十百零〇]+章"), "{m}"),
    (1, re.compile("^第[一二三四五六七八九十百零〇]+节"), "{m}"),
    (2, re.compile("^第[一二三四五六七八九十百千零〇]+条"), "{m}"),
    (3, re.compile("^([一二三四五六七八九十]+)[、，,.．]"), "{1}、"),
    (4, re.compile("^[（(]([一二三四五六七八九十]+)[)）]"), "（{1}）"),
    (6, re.compile(r"^(\d{1,2}(?:[.．]\d{1,2}){1,3})(?![\d.．])[.．、]?"), "{1}"),
    (5, re.compile(r"^(\d{1,3})(?:[.．](?!\d)|、)"), "{1}."),
    (7, re.compile(r"^[（(](\d{1,2})[)）]"), "（{1}）"),
)
_LEAD_NOISE = " \u3000*＊-·•>#"


def _heading(line: str) -> tuple[int, str, int] | None:
    """(level, label as printed in a path, length of the marker) of a numbered line."""
    s = line.lstrip(_LEAD_NOISE)
    pad = len(line) - len(s)
    if not s or s[0] not in "第一二三四五六七八九十（(0123456789":
        return None
    for level, rx, fmt in _HEADING_RES:
        m = rx.match(s)
        if m:
            label = fmt.replace("{m}", m.group(0)).replace("{1}", m.group(1) if m.groups() else "")
            return level, label.replace("．", "."), pad + m.end()
    return None


def _path(stack: list[tuple[int, str]]) -> str:
    """三、（二）12. — a decimal label (6.2.4) already carries its parent (6.), so the parent goes."""
    labels = [lbl for _, lbl in stack]
    out = []
    for i, lbl in enumerate(labels):
        nxt = labels[i + 1] if i + 1 < len(labels) else ""
        if lbl.endswith(".") and nxt.startswith(lbl) and nxt != lbl:
            continue
        out.append(lbl)
    return "".join(out)


# ---------------------------------------------------------------- small helpers
_ITEM_SPLIT_RE = re.compile("[、，,；;/／\n]+|\\s{2,}|(?<=[局委办院队])(?:和|及|与)(?=[市区县省各])")
_ORG_END_RE = re.compile(
    "(?:局|委|办|厅|院|署|部|部门|处|室|所|站|队|会|社|联|中心|公司|集团|街道|办事处|政府|海关|银行|支行|分行|"
    "指挥部|小组|专班|乡镇|镇|乡|法院|检察院)(?:[（(][^（()）]{1,20}[)）])*$"
)
_ORG_START_RE = re.compile("^(?:各|市|区|县|省)")
_LEAD_IN_RE = re.compile(
    "^.*(?:关于[^，。；]*?(?:通知|意见|决定|纪要|方案)|会议要求|会议明确|会议决定|会议同意|要求|明确|决定|同意|责成|指定|安排"
    "|请|由|并由|分别由|均由|统一由|其中|同时|并)"
)
_VERBISH_RE = re.compile("会同|牵头|负责|配合|协助|组织|开展|推进|落实")
_NOT_UNITS = frozenset(
    "各自单位 本单位 有关部门 相关部门 有关单位 相关单位 各有关单位 各有关部门 各相关单位 各相关部门 部门 单位".split())


_ITEM_HEAD_RE = re.compile("^(?:和|及|与|以及|并|由|请)")


def _clean_item(s: str) -> str:
    s = tidy(s)
    s = _ITEM_HEAD_RE.sub("", s)
    for _ in range(2):
        m = ITEM_TAIL_RE.search(s)
        if m and m.start() > 0:
            s = s[: m.start()]
    return s.strip("，、；。,;:：等")


def _looks_like_unit(s: str) -> bool:
    if not (2 <= len(s) <= 40) or s in _NOT_UNITS:
        return False
    if re.search("[。！？：:]", s) or re.search("(?:企业|个人|用户|场所|主体)$", s):
        return False
    if _VERBISH_RE.search(s):
        return False  # 会同公安等相关部门: a clause, not a name
    return bool(_ORG_END_RE.search(s) or (_ORG_START_RE.match(s) and len(s) <= 8))


class _Healed:
    """A stretch of the reading text with its line breaks taken out (clauses broken over
    lines read as one), keeping each character's offset in the reading text."""

    def __init__(self, text: str, start: int, end: int):
        chars: list[str] = []
        pos: list[int] = []
        ls = start
        while ls <= end:
            le = text.find("\n", ls, end)
            if le < 0:
                le = end
            chars.append(text[ls:le])
            pos.extend(range(ls, le))
            if le >= end:
                break
            prev = text[ls:le].strip()
            # a paragraph end or a title-only heading line stays a boundary
            if prev[-1:] in _TERMINAL or (_heading(prev) and "。" not in prev and len(prev) < 40):
                chars.append("\n")
                pos.append(le)
            ls = le + 1
        self.s = "".join(chars)
        self.pos = pos
        self.doc_start, self.doc_end = start, end

    def doc(self, i: int) -> int:
        """Reading-text offset of healed index i (i may be len: the end)."""
        if i >= len(self.pos):
            return self.doc_end
        return self.pos[i]

    def doc_end_of(self, i: int) -> int:
        """Reading-text end offset for a healed end index."""
        return self.pos[i - 1] + 1 if 0 < i <= len(self.pos) else self.doc(i)


# ---------------------------------------------------------------- clause parsing
_LABEL_RE = re.compile(
    f"(?P<label>{LABEL_QUALIFIER}?{LABEL_ROLE}{LABEL_ROLE_ALT}?{LABEL_NOUN}"
    "|(?:牵头|责任|分管|联系)(?:市|区|县)?领导|完成时限|完成时间|完成期限|时间节点|时限要求|时间要求|办结时限)"
    "[ \u3000]*[:：]"
)
_VERB_RE = re.compile(
    "(?P<v>牵头配合|牵头负责|牵总|联合(?=[^，。；]{2,40}?(?:开展|组织|推进|实施|督查|检查))|牵头抓总(?!作用)|牵头(?!单位|部门|领导|抓总作用|作用)|具体负责|负责(?!人|同志|制|任|的)|配合(?!度|单位|部门)"
    "|协助(?!分管)|协办|参与(?=[，,；;。）)的]|$)|参加(?=[，,；;。）)的]|$)|会同)"
)
_ANY_TRIGGER_RE = re.compile(
    "牵头|负责|配合|协助|协办|参与|会同|单位[ \u3000]*[:：]|部门[ \u3000]*[:：]|领导[ \u3000]*[:：]")
_COOP_VERBS = frozenset(("配合", "协助", "协办", "参与", "参加", "牵头配合"))
_ATTRIBUTIVE_RE = re.compile("[^，,；;。：:（()）、]{0,2}的|解释|作用|职责")  # …负责举借的债务 · 本办法由X负责解释
_MODAL_TAIL = ("(?:分别|共同|具体|按职责分工|按照职责分工|按职责|按照职责|各自|要|应|应当|须|必须|需|需要|将|全面|统一"
               "|切实|积极|继续|主动|进一步|进行|定期|要求)+$")
_STOP_BACK = set("，,；;。！？!?：:（()）\n")


def _role_of_label(label: str) -> str:
    if "领导" in label:
        return "official"
    if "时" in label or "期限" in label:
        return "deadline"
    if any(w in label for w in ("牵头", "主要", "主办", "主责")):
        return "lead"
    if any(w in label for w in ("配合", "协办", "协助", "参与")):
        return "coop"
    return "responsible"


@dataclass
class _Clause:
    start: int  # healed indices, the whole clause incl. its brackets
    end: int
    lead: list[str] = field(default_factory=list)
    coop: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    officials: list[str] = field(default_factory=list)
    limits: list[str] = field(default_factory=list)  # text of 完成时限 values
    limit_spans: list[tuple[int, int]] = field(default_factory=list)
    bracketed: bool = False
    prose: bool = False

    def has_units(self) -> bool:
        return bool(self.lead or self.coop or self.responsible)


def _split_top(value: str) -> list[str]:
    """Split a list at 、，；/ and line breaks, never inside brackets (各区（县、市）政府)."""
    parts = [value[a:b] for a, b in split_top_level(value, 0, len(value), "、，,；;/／\n")]
    out = []
    for p in parts:
        for x in re.split("\\s{2,}|(?<=[局委办院队])(?:和|及|与)(?=[市区县省各])", p):
            pieces = x.split()
            if len(pieces) > 1 and all(_ORG_END_RE.search(y) for y in pieces):
                out += pieces  # 市经信局 市生态环境局 (a table cell)
            else:
                out.append(x)
    return out


def _split_units(value: str) -> list[str]:
    out = []
    for part in _split_top(value):
        item = _clean_item(part)
        if item and item not in _NOT_UNITS and len(item) <= 40:
            out.append(item)
    return out


def _split_names(value: str) -> list[str]:
    out = []
    for part in re.split("[、，,；;/／\\s]+", value):
        part = part.strip("。")
        if part:
            out.append(part)
    return out


def _bracket_around(s: str, a: int, b: int) -> tuple[int, int] | None:
    """The bracket pair enclosing s[a:b] with nothing but markup before a, if any."""
    i = a - 1
    while i >= 0 and s[i] in " \u3000*＊":
        i -= 1
    if i < 0 or s[i] not in _OPEN:
        return None
    depth, j = 0, i + 1
    while j < len(s):
        if s[j] in _OPEN:
            depth += 1
        elif s[j] in _CLOSE:
            if depth == 0:
                return i, j + 1
            depth -= 1
        elif s[j] in "。" and j >= b:
            return None
        j += 1
    return None


def _label_clauses(s: str) -> list[_Clause]:
    labels = list(_LABEL_RE.finditer(s))
    clauses: list[_Clause] = []
    cur: _Clause | None = None
    close_at = -1
    for k, m in enumerate(labels):
        # the value runs to the next label, the clause's closing bracket or the sentence end
        stop = labels[k + 1].start() if k + 1 < len(labels) else len(s)
        if cur is not None and m.start() >= close_at >= 0:
            clauses.append(cur)
            cur = None
        if cur is None:
            br = _bracket_around(s, m.start(), m.end())
            cur = _Clause(start=br[0] if br else m.start(), end=m.end(), bracketed=bool(br))
            close_at = br[1] if br else -1
        vend = balanced_end(s, m.end(), stop, "。\t")
        value = s[m.end():vend]
        role = _role_of_label(m.group("label"))
        if role == "official":
            cur.officials += _split_names(re.sub("[；;，,]$", "", value))
        elif role == "deadline":
            v = value.strip(" ；;，,")
            if v:
                cur.limits.append(v)
                cur.limit_spans.append((m.end(), vend))
        else:
            getattr(cur, "coop" if role == "coop" else role).extend(_split_units(value))
        cur.end = max(cur.end, close_at if close_at >= 0 else vend)
        nxt = labels[k + 1].start() if k + 1 < len(labels) else None
        gap = s[vend:nxt] if nxt is not None else ""
        if close_at < 0 and (nxt is None or gap.strip(" ；;，,\u3000*") != ""):
            clauses.append(cur)
            cur = None
    if cur is not None:
        clauses.append(cur)
    return clauses


def _subject_before(s: str, p: int, lo: int, units_at) -> tuple[list[str], int]:
    """The list of units a verb at p has as its subject: (items, start index)."""
    i = p
    while i > lo and s[i - 1] not in _STOP_BACK:
        i -= 1
        if i > lo and s[i - 1] in _CLOSE:  # 区（县、市）人民政府: brackets inside a name
            j = s.rfind(_OPEN[_CLOSE.index(s[i - 1])], lo, i - 1)
            if j >= 0 and i - 1 - j <= 12 and not any(c in "，。；" for c in s[j:i]):
                i = j
                continue
    region = s[i:p]
    region = re.sub(_MODAL_TAIL, "", region)
    m = _LEAD_IN_RE.match(region)
    offset = i
    if m and (m.end() < len(region)):
        # 会议要求区水利局 → 区水利局, but keep a name that merely contains 由/请
        rest = region[m.end():]
        if _looks_like_unit(_clean_item(re.split("[、和及与]", rest)[-1]) or "x"):
            offset = i + m.end()
            region = rest
    items = []
    spans = []
    depth, last = 0, 0
    for k, ch in enumerate(region + "、"):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch == "、" and depth == 0:
            spans.append((offset + last, offset + k, region[last:k]))
            last = k + 1
    real = []
    for a, b, part in spans:
        if not part or part in ("、", "和", "及", "与"):
            continue
        pieces = re.split("(和|及|与)", part)
        if len(pieces) > 1 and all(_ORG_END_RE.search(_clean_item(x)) for x in pieces[::2]):
            k = a  # 市地方金融监管局和宁波证监局
            for x in pieces:
                if x not in ("和", "及", "与"):
                    real.append((k, k + len(x), x))
                k += len(x)
        else:
            real.append((a, b, part))
    for k, (a, b, part) in enumerate(real):
        item = _clean_item(part)
        if not item:
            continue
        if _looks_like_unit(item) or units_at(a, b):
            items.append(item)
    return items, offset


def _object_after(s: str, p: int, hi: int, spans_in=None) -> list[str]:
    """会同 Y、Z + verb: the units after 会同 up to the next verb or boundary.

    Where the entity finder marked the names, the list is the run of unit spans
    right after 会同 joined only by 、和及与; else the names are read up to the verb."""
    if spans_in is not None:
        out, k = [], p
        for a, b in spans_in(p, hi):
            if a < k:
                continue
            if s[k:a].strip("、，,和及与 ") != "":
                break
            out.append(_clean_item(s[a:b]))
            k = b
        if out:
            return [x for x in out if x]
    j = p
    while j < hi and s[j] not in _STOP_BACK:
        if _VERB_RE.match(s, j) and j > p:
            break
        j += 1
    region = s[p:j]
    # stop at the first verb-like word that ends the names (制定, 研究, 做好…)
    cut = re.search("(?<=[局委办院队府心司会])(?=[^、和及与（(局委办院队府心司会])", region)
    if cut:
        region = region[: cut.start()]
    return [x for x in _split_units(region) if _looks_like_unit(x)]


def _prose_clauses(s: str, lo: int, hi: int, units_at, need_entity: bool, spans_in=None) -> list[_Clause]:
    """Responsibilities written as prose between s[lo:hi]; grouped per bracket or sentence."""
    raw: list[tuple[int, int, str, list[str]]] = []
    for m in _VERB_RE.finditer(s, lo, hi):
        v = m.group("v")
        if v not in _COOP_VERBS and _ATTRIBUTIVE_RE.match(s, m.end()):
            continue  # 由市政府负责举借的债务: describes a thing, assigns no work
        if v == "联合":  # 由X牵头，联合Y、Z开展…: only the named partners, from entity spans
            obj = _object_after(s, m.end(), hi, spans_in) if spans_in is not None else []
            if obj and raw:
                raw.append((m.end(), m.end() + 1, "coop", obj))
            continue
        items, a = _subject_before(s, m.start(), lo, units_at)
        if not items:
            if v == "会同" and raw and spans_in is not None:  # 由X牵头，会同Y、Z…: Y, Z cooperate
                obj = _object_after(s, m.end(), hi, spans_in)
                if obj:
                    raw.append((m.end(), m.end() + 1, "coop", obj))
            continue
        role = "coop" if v in _COOP_VERBS else "lead"
        raw.append((a, m.end(), role, items))
        if v == "会同":
            obj = _object_after(s, m.end(), hi, spans_in)
            if obj:
                raw.append((m.end(), m.end() + 1, "coop", obj))
    groups: list[_Clause] = []
    for a, b, role, items in raw:
        key_open = _enclosing_open(s, a, lo)
        g = groups[-1] if groups else None
        same = False
        if g is not None:
            if key_open is not None and key_open == getattr(g, "_open", None):
                same = True
            elif key_open is None and getattr(g, "_open", None) is None:
                between = s[g.end:a]
                same = not any(ch in _SENTENCE_END for ch in between)
        if not same:
            g = _Clause(start=a, end=b, prose=True)
            g._open = key_open  # type: ignore[attr-defined]
            if key_open is not None:
                close = _matching_close(s, key_open, hi)
                g.start, g.end, g.bracketed = key_open, close, True
            groups.append(g)
        g.end = max(g.end, b)
        (g.lead if role == "lead" else g.coop).extend(x for x in items if x not in g.lead + g.coop)
    out = []
    for g in groups:
        if need_entity and not any(units_at(*sp) for sp in _item_spans(s, g)):
            continue
        out.append(g)
    return out


def _item_spans(s: str, g: _Clause):
    for name in g.lead + g.coop:
        i = s.find(name, g.start, g.end)
        if i >= 0:
            yield i, i + len(name)


def _enclosing_open(s: str, a: int, lo: int) -> int | None:
    depth = 0
    i = a - 1
    while i >= lo:
        ch = s[i]
        if ch in _CLOSE:
            depth += 1
        elif ch in _OPEN:
            if depth == 0:
                return i
            depth -= 1
        elif ch == "。" and depth == 0:
            return None
        i -= 1
    return None


def _matching_close(s: str, i: int, hi: int) -> int:
    """Just after the bracket that closes the one opened at i (hi when none does)."""
    j = balanced_end(s, i + 1, hi, "")
    return j + 1 if j < hi else hi


# ---------------------------------------------------------------- document walk
# 文种 that mostly tell what was done: prose there is a task only where it asks for something
_REPORT_KINDS = frozenset("报告 说明 讲话 议案 解读 记事 总结 汇报 发言".split())
_ASKING_RE = re.compile("(?<![邀申])请(?!示)|(?<![重主需纲必只])要(?![求点素闻件])|应当"
                        "|(?<![适响反供对相])应(?![用急对])"
                        "|(?<![必])须|必须|建议|力争|确保|抓紧|尽快")
_FIRST_LEADS_RE = re.compile(
    "(?:列|排|位)(?:在)?(?:第一位|第一|首位|首)(?:的|者)?(?:单位|部门)?为?牵头|第一(?:个|家)?(?:单位|部门)为牵头|"
    "首位的?(?:单位|部门)?为牵头"
)
_DEADLINE_TAIL_RE = re.compile("(?:前|之前|以前|底|末|内|以内|之内|为止|止)$")
_DEADLINE_AFTER_RE = re.compile("^(?:前|之前|以前|完成|底前|办结|全面完成|基本完成|实现|建成|上线|出台|到位)")
_NOT_DEADLINE_AFTER_RE = re.compile("^(?:的|建设|建成|投用|成立|出生|以来|已)")
_DEADLINE_BEFORE_RE = re.compile("(?:于|在|到|至|截至|截止|不晚于|力争|确保)$")
_LEADER_RE = re.compile(
    f"^(?:党组成员、|党组副书记、|党组书记、)?(?P<role>[^\\s，。：；]{{0,16}}?"
    "(?:常务副市长|副市长|市长|副局长|局长|常务副区长|副区长|区长|常务副县长|副县长|县长|副秘书长|秘书长|副主任|主任))"
    f"[ \u3000]*(?P<name>[{CJK}](?:[ \u3000]?[{CJK}]){{1,3}}?)[ \u3000]*(?=负责|领导|主持|处理|主管|协助)"
)


@dataclass
class _Line:
    start: int
    end: int
    text: str


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(_Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def _is_table_line(t: str) -> bool:
    return t.count("\t") >= 2 or bool(re.search("<t[dhr][\\s>]", t))


class _Extractor:
    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.city, self.district = place_of(doc)
        self.first_leads = bool(_FIRST_LEADS_RE.search(doc.text))
        self.reporting = (doc.meta.kind or "") in _REPORT_KINDS
        spans = sorted(doc.entities, key=lambda s: s.start)
        self.unit_spans = [(s.start, s.end) for s in spans if s.type == "unit"]
        self.unit_starts = [a for a, _ in self.unit_spans]
        self.dates = [s for s in spans if s.type == "date"]
        self.numbers = [s for s in spans if s.type == "number"]
        self.date_starts = [d.start for d in self.dates]
        self.number_starts = [n.start for n in self.numbers]
        self.tasks: list[Task] = []

    # -- entity look-ups ------------------------------------------------
    @staticmethod
    def _spans_between(spans, starts, a: int, b: int):
        """The spans lying inside [a, b) (spans sorted by start)."""
        k = bisect.bisect_left(starts, a)
        while k < len(spans) and spans[k].start < b:
            if spans[k].end <= b:
                yield spans[k]
            k += 1

    def _unit_overlaps(self, a: int, b: int) -> bool:
        k = bisect.bisect_right(self.unit_starts, b - 1)
        for j in range(max(0, k - 3), k):
            sa, sb = self.unit_spans[j]
            if sa < b and sb > a:
                return True
        return False

    def _units(self, names: list[str]) -> list[Unit]:
        out: list[Unit] = []
        for n in names:
            u = make_unit(n, self.city, self.district)
            if u.printed and u not in out:
                out.append(u)
        return out

    # -- main ----------------------------------------------------------------
    def run(self) -> list[Task]:
        lines = _lines(self.text)
        i = 0
        stack: list[tuple[int, str]] = []
        block: list[_Line] = []
        block_path = ""
        block_numbered = False

        def flush():
            nonlocal block
            if block:
                self._block(block, block_path, block_numbered)
            block = []

        while i < len(lines):
            ln = lines[i]
            t = ln.text
            if _is_table_line(t) or re.match("\\s*<table", t):
                flush()
                j = i
                while j < len(lines) and (_is_table_line(lines[j].text) or "\t" in lines[j].text
                                          or self._table_continuation(lines, j)):
                    j += 1
                j = max(j, i + 1)
                self._table(lines[i:j], _path(stack))
                i = j
                continue
            lm = _LEADER_RE.match(t.strip())
            if lm:
                flush()
                j = i + 1
                while j < len(lines) and not _LEADER_RE.match(lines[j].text.strip()) and lines[j].text.strip() and (
                        re.match("^[ \u3000]*(?:分管|联系|协助|负责|领导)", lines[j].text)
                        or lines[j - 1].text.rstrip()[-1:] not in _TERMINAL):
                    j += 1
                self._duty(lines[i:j], lm, _path(stack))
                i = j
                continue
            h = _heading(t)
            continued = block and block[-1].text.rstrip()[-1:] not in _TERMINAL and t.strip() and h is None
            if h is not None:
                flush()
                level, label, _ = h
                while stack and (stack[-1][0] >= level or (
                        level == 6 and stack[-1][0] == 5 and not label.startswith(stack[-1][1]))):
                    stack.pop()  # 6.2.4 does not sit under an unrelated 8.
                stack.append((level, label))
                block_path = _path(stack)
                block_numbered = True
                block = [ln]
            elif continued or (block and block_numbered):
                block.append(ln)
            else:
                flush()
                block_path = _path(stack)
                block_numbered = False
                block = [ln] if t.strip() else []
            i += 1
        flush()
        self.tasks.sort(key=lambda t: (t.start, t.end))
        return self.tasks

    def _table_continuation(self, lines, j) -> bool:
        """A line without tabs inside a table: a cell broken mid-clause, if the table goes on."""
        if not lines[j].text.strip():
            return False
        return any("\t" in lines[k].text for k in range(j + 1, min(j + 3, len(lines))))

    # -- numbered items and prose -----------------------------------------------
    def _block(self, block: list[_Line], path: str, numbered: bool) -> None:
        start, end = block[0].start, block[-1].end
        if not _ANY_TRIGGER_RE.search(self.text[start:end].replace("\n", "")):
            return  # nothing that assigns work (cheap test before the per-character work)
        h = _Healed(self.text, start, end)
        s = h.s
        if not s.strip():
            return
        clauses = _label_clauses(s)
        clauses = [c for c in clauses if c.has_units() or c.officials]
        covered = [(c.start, c.end) for c in clauses]

        def units_at(a: int, b: int) -> bool:
            return self._unit_overlaps(h.doc(a), h.doc_end_of(b))

        def spans_in(a: int, b: int) -> list[tuple[int, int]]:
            """Entity unit spans inside healed [a, b), in healed indices."""
            da, db = h.doc(a), h.doc_end_of(b)
            k = bisect.bisect_left(self.unit_starts, da)
            out = []
            while k < len(self.unit_spans) and self.unit_spans[k][0] < db:
                sa, sb = self.unit_spans[k]
                ha, hb = bisect.bisect_left(h.pos, sa), bisect.bisect_left(h.pos, sb)
                if hb > ha:
                    out.append((ha, hb))
                k += 1
            return out

        marker0 = _heading(block[0].text)
        # prose between labelled clauses, after the item's own number (第六条 · 3.)
        lo = len(block[0].text[: marker0[2]]) if marker0 is not None else 0
        prose: list[_Clause] = []
        for a, b in covered + [(len(s), len(s))]:
            if a > lo:
                found = _prose_clauses(s, lo, a, units_at, need_entity=True, spans_in=spans_in)
                if self.reporting:  # a report tells what was done; keep only what it asks for
                    found = [c for c in found if _ASKING_RE.search(s, _sentence_start(s, c.start), c.end)]
                prose += found
            lo = max(lo, b)
        allc = sorted(clauses + prose, key=lambda c: c.start)
        marker = _heading(block[0].text)
        body_start = 0
        if marker is not None:
            body_start = len(block[0].text[: marker[2]].replace("\n", ""))
        prev_end = body_start
        for c in allc:
            if c.start < prev_end:
                continue
            if not c.prose and _after_sentence(s, c.start, prev_end):
                # a trailing clause (…以上。（责任单位：…）) covers the item back to the previous clause
                a, b, kind = prev_end, c.end, "item"
            elif c.bracketed:
                a, b = max(prev_end, _sentence_start(s, c.start)), c.end
                kind = "sentence" if c.prose else "item"
                if c.prose and _after_sentence(s, c.start, prev_end):
                    a = prev_end
            else:
                a, b = max(prev_end, _sentence_start(s, c.start)), _sentence_end(s, c.end)
                kind = "sentence" if c.prose else "item"
            while a < c.start and s[a] in "，、；;,。 \u3000":
                a += 1
            self._emit(h, a, b, c, path, kind)
            prev_end = b

    def _emit(self, h: _Healed, a: int, b: int, c: _Clause, path: str, kind: str) -> None:
        s = h.s
        lead, coop = list(c.lead), list(c.coop)
        if c.responsible:
            if self.first_leads and not lead:
                lead.append(c.responsible[0])
                coop = c.responsible[1:] + coop
            else:
                lead += c.responsible
        if not (lead or coop or c.officials):
            return
        ds, de = h.doc(a), h.doc_end_of(b)
        cs, ce = h.doc(c.start), h.doc_end_of(c.end)
        limit_spans = [(h.doc(x), h.doc_end_of(y)) for x, y in c.limit_spans]
        deadlines = self._deadlines(ds, de, limit_spans)
        for lim in c.limits:
            if not any(d in lim for d in deadlines):
                deadlines.append(lim)
        targets = [n.text for n in self._spans_between(self.numbers, self.number_starts, ds, de)
                   if not (cs <= n.start < ce)]
        text = s[a:b].replace("\n", "").strip()
        text = re.sub("<[^<>]{0,40}>", "", text).replace("**", "")
        self.tasks.append(Task(
            doc_id=self.doc.id, path=path, text=text, start=ds, end=de,
            lead_units=self._units(lead), cooperating_units=self._units(coop),
            lead_officials=_dedupe(c.officials), deadlines=deadlines, targets=targets, kind=kind,
        ))

    def _deadlines(self, a: int, b: int, limit_spans) -> list[str]:
        out = []
        for d in self._spans_between(self.dates, self.date_starts, a, b):
            before = self.text[max(0, d.start - 4):d.start]
            after = self.text[d.end:d.end + 4]
            in_limit = any(x <= d.start < y for x, y in limit_spans)
            if not in_limit and _NOT_DEADLINE_AFTER_RE.match(after):
                continue  # 2000年前建设的管道: a description, not a time limit
            if in_limit or _DEADLINE_TAIL_RE.search(d.text) or _DEADLINE_AFTER_RE.match(after) \
                    or _DEADLINE_BEFORE_RE.search(before):
                out.append(d.text)
        return _dedupe(out)

    # -- 工作分工 ------------------------------------------------------------------
    def _duty(self, block: list[_Line], m: re.Match, path: str) -> None:
        start, end = block[0].start, block[-1].end
        h = _Healed(self.text, start, end)
        s = h.s
        lead: list[str] = []
        coop: list[str] = []
        for lm in re.finditer("(?<![协助])(分管|联系)(?!工作)", s):
            j = lm.end()
            k = j
            while k < len(s) and s[k] not in "。\n":
                k += 1
            items = [x for x in _split_units(s[j:k]) if not re.search("方面|工作$", x)]
            (lead if lm.group(1) == "分管" else coop).extend(items)
        if not (lead or coop):
            return
        name = re.sub("[ \u3000]", "", m.group("name"))
        self.tasks.append(Task(
            doc_id=self.doc.id, path=path, text=s.replace("\n", "").strip(), start=start, end=end,
            lead_units=self._units(lead), cooperating_units=self._units(coop),
            lead_officials=[name], deadlines=[], targets=[], kind="duty",
        ))

    # -- 任务分解 tables ------------------------------------------------------------
    def _table(self, lines: list[_Line], path: str) -> None:
        """A 任务分解 table: header roles, then one task per data row.

        PDF tables lose merged cells: a row with fewer cells than the header is fitted by
        what its cells hold (see _fit); a tab-free line continues the cell above when that
        cell stops mid-clause, or is a row of its own when it starts with an item number."""
        header: dict[str, list[int]] | None = None
        ncols = 0
        prev: list[str] | None = None
        pending: list | None = None  # [cells, start, end]

        def flush():
            nonlocal pending, prev
            if pending is not None and header is not None:
                full = _fit(pending[0], header, ncols, prev)
                prev = full
                self._table_row(full, pending[1], pending[2], header, path)
            pending = None

        for cells, a, b in _table_rows(self.text, lines):
            roles = _header_roles(cells) if len(cells) >= 3 else None
            if roles is not None:
                flush()
                header, ncols, prev = roles, len(cells), None
                continue
            if header is None:
                continue
            if len(cells) == 1:
                c = cells[0].strip()
                if not c:
                    continue
                last = _strip_tags(pending[0][-1]).strip() if pending is not None else ""
                if pending is not None and last[-1:] not in _TERMINAL and not _NUMBERED_CELL_RE.match(c) \
                        and (_cell_type(last) == "task" or last[-1:] in "、，,"):
                    pending[0][-1] += c
                    pending[2] = b
                    continue
                flush()
                if _NUMBERED_CELL_RE.match(c) and len(c) > 8:
                    pending = [[c], a, b]
                continue
            if pending is not None and len(pending[0]) < ncols \
                    and re.fullmatch("\\d{1,3}", pending[0][0].strip() or "x") \
                    and len(pending[0]) + len(cells) - 1 <= ncols \
                    and _cell_type(pending[0][-1]) == "task" and _cell_type(cells[0]) == "task" \
                    and not _NUMBERED_CELL_RE.match(_strip_tags(cells[0])) \
                    and _strip_tags(pending[0][-1]).strip()[-1:] not in _TERMINAL:
                # a row broken mid-cell over two lines
                pending = [pending[0][:-1] + [pending[0][-1] + cells[0]] + cells[1:], pending[1], b]
                continue
            flush()
            pending = [list(cells), a, b]
        flush()

    def _table_row(self, cells, a, b, header, path) -> None:
        def col(role):
            vals = [cells[i].strip() for i in header.get(role, []) if i < len(cells) and cells[i].strip()]
            return vals

        lead_text = col("lead")
        coop_text = col("coop")
        resp_text = col("responsible")
        if not (lead_text or coop_text or resp_text):
            return
        lead, coop = [], []
        for v in lead_text + resp_text:
            lv, cv = _cell_units(v)
            lead += lv
            coop += cv
        if resp_text and self.first_leads and not lead_text and lead:
            coop = lead[1:] + coop
            lead = lead[:1]
        for v in coop_text:
            coop += _split_units(_strip_tags(v))
        task_text = "；".join(_dedupe(_strip_tags(v) for v in col("task"))) or _strip_tags(" ".join(cells))
        task_text = _CJK_GAP_RE.sub("", task_text)
        serial = "".join(col("serial")[:1])
        officials = [n for v in col("official") for n in _split_names(_strip_tags(v))]
        deadlines = [re.sub("[\\s\u3000]+", "", _strip_tags(v)).strip("，,;；。") for v in col("deadline")]
        targets = [n.text for n in self._spans_between(self.numbers, self.number_starts, a, b)
                   if any(n.text in v for v in col("task"))]
        if not (lead or coop):
            return
        self.tasks.append(Task(
            doc_id=self.doc.id, path=(f"{serial}." if re.fullmatch("\\d+", serial) else serial) or path,
            text=task_text, start=a, end=b,
            lead_units=self._units(_dedupe(lead)), cooperating_units=self._units(_dedupe(coop)),
            lead_officials=_dedupe(officials), deadlines=_dedupe(deadlines), targets=targets, kind="table",
        ))


# ---------------------------------------------------------------- table helpers
_HEADER_WORDS = {
    "serial": re.compile("^(?:序号|编号|序)$"),
    "official": re.compile("(?:牵头|责任|分管|联系)(?:市|区|县)?领导"),
    "lead": re.compile("牵头|主要责任|主办|主责"),
    "coop": re.compile("配合|协办|协助|参与"),
    "responsible": re.compile(
        "责任(?:单位|部门|处室)|落实单位|承办单位|实施单位|推进单位|负责单位|责任主体|督办单位|监管单位"),
    "deadline": re.compile("时限|完成时间|期限|截止|时间节点|完成年限"),
    "task": re.compile("任务|措施|内容|事项|工作|节点|项目|目标|举措|要求|隐患|问题"),
}


_NUMBERED_CELL_RE = re.compile("^(?:<p>)?\\s*\\d{1,2}(?:[.．]\\d{1,2})?[.．、]?\\s*[^\\d\\s]")
_DEADLINE_CELL_RE = re.compile(
    "\\d{4}\\s*年|\\d{1,2}\\s*月|\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}|年底|年内|季度|上半年|下半年|持续|长期|常态|完成基础上"
    "|每年|每月|每季|前$|底$")


_CJK_GAP_RE = re.compile(f"(?<=[{CJK}])[ \u3000]+(?=[{CJK}])")


def _cell_type(cell: str) -> str:
    c = _strip_tags(cell).strip()
    if not c:
        return "empty"
    if re.fullmatch("\\d{1,3}", c):
        return "serial"
    if _NUMBERED_CELL_RE.match(c) and len(c) > 8:
        return "task"
    items = _split_units(c)
    if len(c) <= 300 and items and "。" not in c.rstrip("。") and all(len(x) <= 24 for x in items) \
            and sum(_looks_like_unit(x) for x in items) * 2 >= len(items):
        return "unit"  # 区综合执法局、燃气经营企业
    if len(c) <= 300 and _VERB_RE.search(c) and (
            "由" in c or any(_looks_like_unit(x) for x in _cell_units(c)[0])):
        return "unit"  # 区住建局牵头负责;各街道负责推进 · 食堂由各自单位负责推进
    if len(c) <= 30 and _DEADLINE_CELL_RE.search(c.replace(" ", "")):
        return "deadline"
    return "task"


_ROLE_OK = {
    "serial": {"serial", "empty"},
    "task": {"task", "empty", "deadline", "unit"},
    "deadline": {"deadline", "empty"},
    "official": {"task", "unit", "empty"},
    "lead": {"unit", "empty"},
    "coop": {"unit", "empty"},
    "responsible": {"unit", "empty"},
}


def _col_role(header: dict[str, list[int]], i: int) -> str:
    for role, cols in header.items():
        if i in cols:
            return role
    return "task"


def _fit(cells: list[str], header: dict[str, list[int]], ncols: int, prev: list[str] | None) -> list[str]:
    """Cells of a row → one cell per header column.

    A full row maps one to one. A short row lost merged cells: it is aligned right when
    each cell then fits its column (merged 序号/任务 on the left), else each cell goes to
    the next column of its kind (task text, time limit, unit list). Columns a short row
    leaves empty take the row above's value (a merged cell spans them)."""
    if len(cells) >= ncols:
        return cells[:ncols]
    types = [_cell_type(c) for c in cells]
    offset = ncols - len(cells)
    if all(t in _ROLE_OK[_col_role(header, offset + k)] for k, t in enumerate(types)):
        out = [""] * offset + list(cells)
    else:
        out = [""] * ncols
        ptr = 0
        task_cols = header.get("task", [])
        for c, t in zip(cells, types):
            if t == "empty":
                continue
            if t == "task" and _NUMBERED_CELL_RE.match(_strip_tags(c)) and task_cols:
                want = [task_cols[-1]]
            elif t == "task":
                want = task_cols
            elif t == "deadline":
                want = header.get("deadline", []) + task_cols
            elif t == "unit":
                want = header.get("lead", []) + header.get("responsible", []) + header.get("coop", [])
            else:
                want = header.get("serial", [])
            for i in want:
                if i >= ptr and not out[i]:
                    out[i] = c
                    ptr = i + 1
                    break
    if prev is not None:
        unit_cols = header.get("lead", []) + header.get("responsible", []) + header.get("coop", [])
        if not any(out[i].strip() for i in unit_cols if i < len(out)):
            for i in unit_cols:
                out[i] = prev[i] if i < len(prev) else ""
        own_task = any(out[i].strip() for i in header.get("task", []))
        inherit = header.get("serial", []) + header.get("deadline", [])
        inherit += header.get("task", []) if not own_task else header.get("task", [])[:-1]
        for i in inherit:
            if not out[i].strip() and i < len(prev):
                out[i] = prev[i]
    return out


def _header_roles(cells: list[str]) -> dict[str, list[int]] | None:
    """Column roles of a task table's header row, or None when the row is not one."""
    clean = [_strip_tags(c).replace(" ", "") for c in cells]
    if len(clean) < 3 or any(len(c) > 14 for c in clean):
        return None
    roles: dict[str, list[int]] = {}
    for i, c in enumerate(clean):
        for role in ("serial", "official", "lead", "coop", "responsible", "deadline", "task"):
            if _HEADER_WORDS[role].search(c):
                roles.setdefault(role, []).append(i)
                break
    if not ({"lead", "responsible", "coop"} & roles.keys()) or "task" not in roles:
        return None
    return roles


def _strip_tags(s: str) -> str:
    return html.unescape(re.sub("<[^<>]*>", "", s)).strip()


def _table_rows(text: str, lines: list[_Line]) -> list[tuple[list[str], int, int]]:
    """Rows of a table region: tab-separated lines (a tab-free line continues the cell above),
    or the <tr> rows of HTML table text."""
    a, b = lines[0].start, lines[-1].end
    region = text[a:b]
    if re.search("<tr[\\s>]", region):
        rows = []
        for m in re.finditer("<tr[^>]*>(.*?)</tr>", region, re.S):
            cells = [c for c in re.findall("<t[dh][^>]*>(.*?)</t[dh]>", m.group(1), re.S)]
            if cells:
                rows.append(([_strip_tags(c) for c in cells], a + m.start(), a + m.end()))
        return rows
    rows: list[tuple[list[str], int, int]] = []
    for ln in lines:
        if ln.text.strip():
            rows.append((ln.text.split("\t"), ln.start, ln.end))
    return rows


def _cell_units(value: str) -> tuple[list[str], list[str]]:
    """Units of a lead/responsible cell: a plain list is all lead; prose uses the verbs."""
    v = _strip_tags(value)
    if _VERB_RE.search(v):
        h = v
        cl = _prose_clauses(h, 0, len(h), lambda a, b: False, need_entity=False)
        lead = [x for c in cl for x in c.lead]
        coop = [x for c in cl for x in c.coop]
        if lead or coop:
            return lead, coop
    # a plain list in a unit column: every name the column prints (燃气经营企业 too)
    return [x for x in _split_units(v) if len(x) <= 24 and not re.search("[。：:]", x)], []


# ---------------------------------------------------------------- sentence geometry
def _sentence_start(s: str, i: int) -> int:
    depth = 0
    j = i - 1
    while j >= 0:
        ch = s[j]
        if ch in _CLOSE:
            depth += 1
        elif ch in _OPEN:
            if depth == 0:
                pass
            else:
                depth -= 1
        elif ch in _SENTENCE_END and depth == 0:
            return j + 1
        j -= 1
    return 0


def _sentence_end(s: str, i: int) -> int:
    depth = 0
    j = i
    while j < len(s):
        ch = s[j]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            if depth == 0:
                return j  # the sentence sits in brackets: stop at their end
            depth -= 1
        elif ch in _SENTENCE_END and depth == 0:
            return j + 1
        j += 1
    return len(s)


def _after_sentence(s: str, i: int, lo: int) -> bool:
    """Whether only punctuation/markup stands between a sentence end (or lo) and i."""
    j = i - 1
    while j >= lo and s[j] in " \u3000*＊":
        j -= 1
    return j < lo or s[j] in _SENTENCE_END or s[j] in "）)"


def _dedupe(xs) -> list:
    out = []
    for x in xs:
        if x and x not in out:
            out.append(x)
    return out


# ---------------------------------------------------------------- API
def extract_tasks(doc: Document) -> list[Task]:
    """The tasks of one document, in reading order."""
    if not doc.text:
        return []
    return _Extractor(doc).run()


def tasks_for_unit(tasks, unit_query: str) -> list[Task]:
    return [t for t in tasks if t.involves(unit_query)]


def index_units(doc: Document, tasks: list[Task] | None = None) -> list[str]:
    """Every unit a document names, printed and canonical, for the index's unit field:
    the entity unit spans plus the units of its tasks (so unit:市经信局 and
    unit:宁波市经济和信息化局 find the same documents)."""
    city, district = place_of(doc)
    names: set[str] = set()
    for s in doc.entities:
        if s.type == "unit":
            u = make_unit(s.text, city, district)
            names.update((u.printed, u.canonical))
    for t in extract_tasks(doc) if tasks is None else tasks:
        for u in t.units:
            names.update((u.printed, u.canonical))
    return sorted(n for n in names if n)
