"""A file's lines → one segment per document.

How a file is read (GB/T 9704 shapes, nothing specific to one publication):

1. Every non-blank line is classified: 文号 line, date line, 主送 (opener), byline,
   numbered heading, title-like, table-of-contents entry, running header/page number.
2. Headers are found: a 文号 line with the title lines printed before or after it, or a
   title standing alone (人大 gazettes, 纪要, 记事 …) confirmed by what follows it (a
   byline, an adoption note “（2024年7月31日…通过）”, a 主送 line, a first heading).
   Table-of-contents regions never give headers.
3. Each header anchors a document. Files come in two orders: header → 主送 → body, or
   (two-column extractions, release files) 主送 → body → signature, then the header
   printed below. The order is decided per file from where the 主送 lines stand; in the
   second order each 主送 is paired with the next header.
4. The remaining lines are cut into blocks (at headers, 主送 lines, signatures, numbered
   headings, attachment titles) and each block goes to a document: by default the one
   before it, unless another one continues better — a block that starts mid-sentence
   continues a document that stopped mid-sentence (judged by how often the joining
   character pair occurs in the file), numbering continues (（十八）→（十九）, 第五章 →
   第六章), a signed document only takes attachments, and what a block is about (shared
   character pairs with the document's latest lines) settles close calls. This reassembles
   documents whose pieces a two-column extraction interleaved.
5. What is not a document: contents pages (page references, or entries with no body between
   them), a cover or masthead before the first document, the title of an attachment (the
   name a 印发 notice or 政府令 carries, or 附件N's heading), a cited 文号 in a sentence.
   A file with none of these shapes is one document.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from dataclasses import dataclass, field

from reader.core.documents import deadline
from reader.core.text import patterns as P
from reader.core.model import Line, Segment


@dataclass
class DocSegment(Segment):
    """A segment plus what the split already learnt about its header."""

    title: str = ""
    doc_number: str | None = None
    kind_hint: str = ""  # "目录" for front matter / contents sections
    header_lines: list[Line] = field(default_factory=list)
    context: dict = field(default_factory=dict)  # file-level: {"city": "宁波市", "district": …}


# ---------------------------------------------------------------- row shapes
_PAGE_NO = re.compile(r"^[-—–－_~·\s]*(?:第\s*)?\d{1,4}(?:\s*页)?[-—–－_~·\s]*$")
_RUNNING = re.compile(r"公报.{0,6}[【\[〔(（].{0,30}[期号].{0,6}[】\]〕)）]|^[-—]\s*\d+\s*[-—]$")
_GLUED_PAGE_REF = re.compile(r"^(.{4,}?)[（(]\d{1,4}[)）]$")
TOC_GLUED_REACH = 3  # rows between two "title（page）" entries of one contents page
_PAGE_REF = re.compile(r"(?:\.{3,}|…{1,}|·{3,}|-{3,})[（(]?\d{1,4}[)）]?$|[)）][（(]\d{1,4}[)）]$")
_CODE = re.compile(
    r"^(?:规范性文件(?:统一)?编号|统一编号|[A-Z]{2,}[0-9A-Z]*[-－—]+\d{4}[-－—]+\d{2,}"
    r"|[（(]此件.{1,8}[)）]$|(?:特急|加急|特提|平急)$|(?:绝密|机密|秘密)(?:★.{0,6})?$|\d{6}$)")
_INLINE_DOCNO = re.compile(r"^(.{4,80}?)[ \t\u3000]{2,}([（(]?[^\s（(]{1,16}[〔［\[【(（]\s*\d{4}\s*[〕］\]】)）]\s*\d{1,5}\s*[号號][)）]?)$")
_PLACE = rf"[{P.CJK}]{{2,3}}?"
_MASTHEAD_PLACE = re.compile(
    rf"^({_PLACE}市)({_PLACE}[区县])?(?:第[一二三四五六七八九十]+届)?(?:人民政府|人民代表大会|人大常委会)")
_MASTHEAD_COUNTY = re.compile(rf"^({_PLACE}[区县])(?:第[一二三四五六七八九十]+届)?(?:人民政府|人民代表大会|人大常委会)")
_SIGNED_CITY = re.compile(rf"^({_PLACE}市)人民政府")
_LABEL_LINE = re.compile(r"^[^，。：:]{1,8}[：:]\S")
_CODE_START = set("规统（(特加平绝机秘")
_MASTHEAD = re.compile(rf"^[{P.CJK}（）()]{{2,40}}(?:文件|文件)$")
_OPENER_WORDS = re.compile(r"人民政府|政府|委员会|常委会|各单位|单位|各位|局|办事处|部门|同志|厅|委|办|公司|院|学校|街道|乡镇")
_NOT_OPENER = re.compile(r"研究|同意|决定|如下|批准|根据|经|为了|按照|任命|免去|附件|注|电话|地址|联系|报送|填报|时间|日期|名称|单位：$|组长|成员|说明")
_ADDRESSEE_PART = re.compile(
    r"(?:^各|政府|单位|單位|委员会|常委会|局|院|校|会|处|厅|委|办|公司|街道|乡镇|部门|机构|同志|委员|主任|秘书长|代表|中心|集团|企业|支队|部队)$")
_ATTACHMENT_LABEL = re.compile(r"^附件[\d一二三四五六七八九十]*[:：]?$|^附表[\d一二三四五六七八九十]*$")
_ATTACHMENT_LIST = re.compile(r"^附件[:：](.+)$")
_PUBLICITY = re.compile(r"[（(]此件.{1,8}[)）]")
_LIST_ITEM = re.compile(r"^\d{1,2}[.．、]")
_TABLE_CAPTION = re.compile(r"(?:完成情况|经济指标|统计表|统计数据|统计快报)$")
_PERIOD = re.compile(r"\d{4}年")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_SENTENCE_MARK = re.compile(r"[。；！？;!?：:]")
_NOT_TITLE_START = re.compile(r"^(?:附件|附表|附录|注[:：]|[-•·])|^【[^】]{1,12}】$")  # 【国务院文件】: a contents section
_CARRIER_SENTENCE = re.compile(r"(?:印发|转发)给你们|现予(?:发布|公布|印发)|公布如下|印发.{0,40}的通知|现将.{0,60}(?:印发|转发)")
_KEY_DROP = re.compile(r"[\s《》〈〉“”\"'‘’()（）\[\]【】〔〕,，、.。:：;；!！?？·\-—]")
_CONT_START = set("，。、；：）》”’,;:)!?！？")
_TABLE = re.compile(r"\t|\S\s{3,}\S")


def _is_page_noise(text: str) -> bool:
    c = P.compact(text)
    if not c:
        return False
    if len(c) <= 12 and _PAGE_NO.match(text) and re.search(r"[-—–－]|页", text):
        return True
    return len(c) <= 60 and bool(_RUNNING.search(c))


_UNKNOWN = 2  # in a bytearray cache of yes/no answers: not computed yet


@dataclass
class _Rows:
    lines: list[Line]  # content rows (non-blank, not page noise)
    c: list[str]  # compact text
    width: float  # typical full line length (compact chars)
    corpus: str

    def __post_init__(self) -> None:
        n = len(self.lines)
        # Yes/no marks are bytearrays (1 byte a row, not an 8-byte list slot): a file of a million
        # short lines has a million rows. The caches hold _UNKNOWN until first asked.
        self.docno: list[str | None] = [None] * n
        self.date = bytearray(n)
        self.head: list[tuple[str, int] | None] = [None] * n
        self.toc = bytearray(n)
        self.code = bytearray(n)
        self._bigram: dict[str, bool] = {}
        self._titleish = bytearray([_UNKNOWN]) * n
        self._complete = bytearray([_UNKNOWN]) * n
        self._key: list[str | None] = [None] * n
        self.closing = bytearray(n)
        self.inline_title: dict[int, str] = {}  # row → title printed left of its 文号

    def titleish(self, i: int) -> bool:
        v = self._titleish[i]
        if v == _UNKNOWN:
            v = self._titleish[i] = self._titleish_uncached(i)
        return v == 1

    def complete(self, i: int) -> bool:
        v = self._complete[i]
        if v == _UNKNOWN:
            v = self._complete[i] = self._complete_uncached(i)
        return v == 1

    def key(self, i: int) -> str:
        v = self._key[i]
        if v is None:
            v = self._key[i] = _title_key(self.c[i])
        return v

    def _titleish_uncached(self, i: int) -> bool:
        c = self.c[i]
        if not (2 <= len(c) <= 70) or self.docno[i] or self.date[i] or self.code[i] or self.toc[i]:
            return False
        if c[-1] in "，、," or _SENTENCE_MARK.search(c) or _PUBLICITY.fullmatch(c):
            return False
        if self.head[i] or _TABLE.search(self.lines[i].text):
            return False
        return not _NOT_TITLE_START.match(c)

    def _complete_uncached(self, i: int) -> bool:
        """Does row i end a paragraph (sentence end, short last line)?"""
        c = self.c[i]
        if not c:
            return True
        if c[-1] in P.TERMINAL or c[-1] in P.CLOSERS:
            return True
        if self.date[i] or len(c) < 0.8 * self.width:
            return True
        text = self.lines[i].text
        return ("\t" in text or "   " in text) and bool(_TABLE.search(text))

    def bigram_seen(self, pair: str) -> bool:
        seen = self._bigram.get(pair)
        if seen is None:
            seen = self._bigram[pair] = pair in self.corpus
        return seen


def _prepare(lines: Sequence[Line]) -> tuple[_Rows, list[Line]]:
    content: list[Line] = []
    noise: list[Line] = []
    cs: list[str] = []
    for line in lines:
        t = line.text
        if not t or t.isspace():
            continue
        c = "".join(t.split())
        # cheap gate first: page furniture is short and has dashes, 页 or 公报
        if len(c) <= 60 and (c[0] in "-—–－_~·第" or "公报" in c) and _is_page_noise(t):
            noise.append(line)
            continue
        content.append(line)
        cs.append(c)
    lengths = sorted(len(c) for c in cs if len(c) >= 8)
    width = float(lengths[int(len(lengths) * 0.8)]) if lengths else 40.0
    rows = _Rows(content, cs, width, "".join(cs))
    docno, date, head, code = rows.docno, rows.date, rows.head, rows.code
    for i, c in enumerate(cs):
        n = len(c)
        if n <= 40 and ("号" in c or "號" in c):
            docno[i] = P.docno_line(c)
        if n <= 16 and c[-1] in "日）)" and c[0] not in "（(":
            date[i] = P.date_line(c) is not None
        if c[0] in "第一二三四五六七八九十（(0123456789-":
            head[i] = P.heading(c)
        if n <= 40 and (c[0] in _CODE_START or c[0].isascii()):
            code[i] = bool(_CODE.match(c))
        if c.endswith("文件") and n <= 42:
            code[i] = code[i] or bool(_MASTHEAD.match(c))
    # a title with its 文号 at the right end of the same line: 某某的通知    甬政发〔2022〕21号
    for i, line in enumerate(content):
        if docno[i] is None and ("号" in cs[i][-6:] or "號" in cs[i][-6:]):
            m = _INLINE_DOCNO.match(line.text.strip())
            if m and P.ends_with_kind(m.group(1)):
                docno[i] = P.docno_line(m.group(2))
                if docno[i]:
                    rows.inline_title[i] = m.group(1).strip()
    # 宁波市人民政府令 / 第260号 · 交通运输部令 / 2023年第8号 · 某常委会公告 / 第十五号 on two lines
    for i in range(len(cs) - 1):
        if cs[i].endswith(("令", "公告")) and len(cs[i]) <= 24 and P.DECREE_SEQ_LINE.fullmatch(cs[i + 1]):
            docno[i] = P.normalise_docno(cs[i] + cs[i + 1])
            code[i + 1] = True
    rows.closing = bytearray(bool((date[i] or c[-1] == "日") and _is_closing_date(rows, i)) for i, c in enumerate(cs))
    for i in range(1, len(cs)):
        if rows.closing[i - 1] and _PUBLICITY.fullmatch(cs[i]):
            code[i] = False  # （此件公开发布） after a signature date ends that document, not a header code
    _mark_toc(rows)
    return rows, noise


def _mark_toc(rows: _Rows) -> None:
    n = len(rows.c)
    refs = [i for i, l in enumerate(rows.lines)
            if rows.c[i][-1] in ")）0123456789" and (
                _PAGE_REF.search(rows.c[i]) or re.search(r"\t\s*[（(]\s*\d{1,4}\s*[)）]\s*$", l.text))]
    # 某某解释（215）: a title with its page number glued on, when another such entry is near
    glued = [i for i, c in enumerate(rows.c) if c[-1] in ")）" and (m := _GLUED_PAGE_REF.match(c)) and P.ends_with_kind(m.group(1))]
    near = {i for a, b in zip(glued, glued[1:]) if b - a <= TOC_GLUED_REACH for i in (a, b)}
    if near:
        refs = sorted(set(refs) | near)
    groups: list[list[int]] = []
    for i in refs:
        if groups and i - groups[-1][-1] <= 6:
            groups[-1].append(i)
        else:
            groups.append([i])
    for g in groups:
        start, end = g[0], g[-1]
        # the title lines of the first entry, and a 目录 heading just before
        for j in range(start - 1, max(-1, start - 9), -1):
            if rows.c[j] in ("目录", "目次") or rows.c[j].endswith("目录"):
                start = j
                break
        if len(g) == 1 and start == g[0]:
            if start > 0 and rows.titleish(start - 1) and not rows.date[start - 1]:
                start -= 1
        for j in range(start, end + 1):
            rows.toc[j] = True


# ---------------------------------------------------------------- headers
@dataclass
class _Header:
    rows: list[int]
    title_rows: list[int]
    docno: str | None
    adoption: bool = False

    @property
    def start(self) -> int:
        return min(self.rows)

    @property
    def end(self) -> int:
        return max(self.rows)


def _is_opener(rows: _Rows, i: int) -> int:
    """How many rows the 主送 line at i spans (0: not a 主送 line)."""
    c = rows.c[i]
    if c[-1] not in "：:" and not (i + 1 < len(rows.c) and rows.c[i + 1][-1] in "：:"):
        return 0
    if P.SALUTATION.match(c):
        return 0  # 各位代表： opens a speech's body; a 主送 names organs
    for span in (1, 2):
        if i + span > len(rows.c):
            break
        text = "".join(rows.c[i:i + span])
        if span == 2 and (rows.complete(i) and len(rows.c[i]) < 0.8 * rows.width):
            break
        if not text.endswith(("：", ":")) or not (4 <= len(text) <= 90):
            continue
        if "。" in text or _NOT_OPENER.search(text[:12]) or rows.head[i] or rows.toc[i]:
            continue
        if text.startswith("（") or not _OPENER_WORDS.search(text):
            continue
        if "：" in text[:-1] or ":" in text[:-1]:
            continue
        parts = [x for x in re.split(r"[，、,；;]", re.sub(r"[（(][^）)]*[)）]", "", text[:-1])) if x]
        good = sum(1 for x in parts if _ADDRESSEE_PART.search(x))
        if not parts or good * 2 < len(parts) + (1 if len(parts) > 1 else 0):
            continue
        return span
    return 0


def _adoption_span(rows: _Rows, i: int) -> int:
    """Rows of an adoption note “（2024年7月31日…会议通过）” or a bare “（2024年7月31日）”."""
    c = rows.c[i]
    if not c.startswith(("（", "(")) or not P.DATE_RE.match(c[1:]) and not P.CN_DATE_RE.match(c[1:]):
        return 0
    text = ""
    for span in range(1, 4):
        if i + span > len(rows.c):
            break
        text += rows.c[i + span - 1]
        if text.endswith(("）", ")")):
            return span
    return 0


def _is_closing_date(rows: _Rows, i: int) -> bool:
    if not rows.date[i]:
        c = rows.c[i]
        return c[-1] == "日" and len(c) <= 50 and P.signed_date_line(rows.lines[i].text) is not None
    if i == 0:
        return False
    prev = rows.c[i - 1]
    return P.is_speaker(prev) or prev.endswith("（盖章）") or "此页无正文" in prev or rows.date[i - 1]


def _title_piece(rows: _Rows, i: int) -> bool:
    """Title-like, or a short tail a narrow page cut off a title (知 / 2025）)."""
    return rows.titleish(i) or (
        0 < len(rows.c[i]) < 2 and not rows.toc[i] and rows.c[i] not in "。；：，、")


def _title_back(rows: _Rows, j: int, taken: set[int]) -> list[int]:
    """The title rows ending at row j (the row above a 文号), [] when j does not end a title."""
    run: list[int] = []
    for k in range(3):  # the 文种 word may sit on a short last piece, or on the one before
        if j - k < 0 or j - k in taken or not _title_piece(rows, j - k):
            return []
        run.insert(0, j - k)
        if P.ends_with_kind("".join(rows.c[x] for x in run)):
            break
    else:
        return []
    while len(run) < 6:
        first = run[0]
        cand = first - 1
        if cand < 0 or cand in taken or not rows.titleish(cand):
            break
        if P.ends_with_kind(rows.c[cand]) and rows.c[cand][-1] not in "》”":
            break  # a title of its own (the 文种 inside 《…》 does not end one)
        fc = rows.c[first]
        if _joint_organs_above(fc, rows.c[cand]):
            run.insert(0, cand)  # 某某局　某某局 / 某某局关于…的通知: issuers printed over two lines
            continue
        if P.has_about(fc) and not P.starts_about(fc):
            break
        if P.is_organ(fc):
            break
        if P.starts_about(fc) and not P.is_organ(rows.c[cand]):
            break
        run.insert(0, cand)
    return run


def _joint_organs_above(first: str, above: str) -> bool:
    """Is `above` another issuer of a joint title whose first row is `first`?

    最高人民法院 / 最高人民检察院 / 关于…的解释 (one organ a row), or 某某局　某某局 /
    某某局关于…的通知 (the last organ opens the 关于 row). Never the same organ twice
    (a masthead over a title that repeats it)."""
    if not P.is_organ(above) or above == first:
        return False
    if P.is_organ(first):
        return not first.startswith(above) and not above.startswith(first)
    k = first.find("关于")
    lead = first[:k] if k > 0 else ""
    return bool(lead) and P.is_organ(lead) and lead not in above and above not in lead


def _title_forward(rows: _Rows, k: int, taken: set[int], limit: int = 6) -> list[int]:
    run: list[int] = []
    for j in range(k, min(k + limit, len(rows.c))):
        if j in taken or not _title_piece(rows, j):
            return []
        run.append(j)
        if P.ends_with_kind("".join(rows.c[x] for x in run)):
            return run
    return []


def _confirms_title(rows: _Rows, j: int, kind: str) -> bool:
    """Does row j (just after a candidate title) show the title was a document's?"""
    if kind == "目录" and j < len(rows.c) and rows.toc[j]:
        return False  # the heading of a table of contents
    if kind in ("记事", "目录", "解读"):
        return True
    if j >= len(rows.c):
        return False
    c = rows.c[j]
    if rows.docno[j] and P.promulgation_number(rows.docno[j]):
        return False  # a 令/公告 names what it promulgates; a line above it is not that title
    if rows.docno[j] or _adoption_span(rows, j) or _is_opener(rows, j):
        return True
    if P.is_speaker(c) and not P.ends_with_kind(c):
        return True
    if P.speech_date(c):
        return True  # ——2024年3月5日在某会议上: a report or speech
    if kind in ("决议", "决定") and _SESSION_OPENING.match(c):
        return True  # 某某第N次会议听取/审查了…: a resolution opens with the session that makes it
    head = rows.head[j]
    return bool(head and head[1] == 1 and head[0] in ("cn", "chapter", "article"))


_SESSION_OPENING = re.compile(r"^[^。，；]{0,40}?第[一二三四五六七八九十百\d]+次(?:全体)?会议(?:听取|审议|审查|决定|认为|同意|批准)")
_PAGE_TAIL = re.compile(r"[（(]?\d{1,4}[)）]?$")
_LEADER_CHARS = ".…·-— \t\u3000"


def _cut_toc_leader(c: str) -> str:
    """某某决定……（237） → 某某决定 (a string operation: a regex over the leader run backtracks)."""
    m = _PAGE_TAIL.search(c, max(0, len(c) - 6))
    return c[:m.start()].rstrip(_LEADER_CHARS) if m else c


def _toc_entries(rows: _Rows) -> set[str]:
    """The titles a contents page lists (leaders and page numbers cut; an entry wrapped over
    rows joined): a title standing alone that a contents entry names is a document."""
    entries: set[str] = set()
    pending = ""
    for i, c in enumerate(rows.c):
        if not rows.toc[i]:
            pending = ""
            continue
        cut = _cut_toc_leader(c)
        if cut != c:
            entries.add(pending + cut)
            pending = ""
        elif not (c in ("目录", "目次") or c.startswith("【")):
            pending += c
    return entries


def _paragraph_end_before(rows: _Rows, s: int) -> bool:
    if s == 0:
        return True
    p = s - 1
    c = rows.c[p]
    if c[-1] in P.TERMINAL or c[-1] in P.CLOSERS or rows.date[p] or rows.toc[p]:
        return True
    if _TABLE.search(rows.lines[p].text):
        return True
    if len(c) <= 40 and _LABEL_LINE.match(c):
        return True  # a label line: 电话：0574-…, 联系人：某某
    return len(c) < 0.6 * rows.width and not rows.titleish(p)


_CARRIES = re.compile(r"印发|转发|现予|发布|公布|颁布|印發|轉發|現予|發布|頒布")


def _carried_names(rows: _Rows, start: int, end: int) -> list[str]:
    """《X》 named by a 印发/现予公布 sentence in rows start..end-1 (at most 40 rows looked at)."""
    names: list[str] = []
    listing = False
    for i in range(start, min(end, start + 40)):
        c = rows.c[i]
        if "《" in c and _CARRIES.search(c):
            names.extend(re.findall(r"《([^》]+)》", c))
        m = _ATTACHMENT_LIST.match(c)
        if m or (listing and _LIST_ITEM.match(c)):
            listing = True
            item = _LIST_ITEM.sub("", m.group(1) if m else c)
            if item:
                names.append(item)
        else:
            listing = False
    return names


def _strongly_confirmed(rows: _Rows, h: _Header) -> bool:
    """A title with its own 文号, byline, adoption note or 主送 under it."""
    j = h.title_rows[-1] + 1
    if j >= len(rows.c):
        return False
    c = rows.c[j]
    return bool(rows.docno[j] or _adoption_span(rows, j) or _is_opener(rows, j)
                or (P.is_speaker(c) and not P.ends_with_kind(c)))


_ORGAN_WORDS = ("人民政府", "委员会", "办公室", "办公厅", "常委会", "管委会", "人民代表大会")


def _organ_continues(a: str, b: str) -> bool:
    """Does an organ name run on from row a into row b (常务委 / 员会第十九次…)?"""
    pair = a[-1:] + b[:1]
    return len(pair) == 2 and any(pair in w for w in _ORGAN_WORDS)


class _FrontTitles:
    """`text in this`: is text 1–3 consecutive rows of the cover and contents (rows before `end`)?

    Looks rows up by their own strings, built at the first question: no joined copy of every
    row pair and triple (three new strings a row, when the first 文号 comes late in a big file).
    """

    def __init__(self, c: list[str], end: int):
        self.c, self.end = c, end
        self._at: dict[str, int | list[int]] | None = None
        self._lengths: list[int] = []  # the lengths of those rows, ascending

    def _index(self) -> dict[str, int | list[int]]:
        at: dict[str, int | list[int]] = {}
        for a in range(self.end):
            x = self.c[a]
            seen = at.get(x)
            if seen is None:
                at[x] = a
            elif isinstance(seen, list):
                seen.append(a)
            else:
                at[x] = [seen, a]
        self._at = at
        self._lengths = sorted({len(x) for x in at})
        return at

    def __contains__(self, text: str) -> bool:
        at = self._at if self._at is not None else self._index()
        c, end = self.c, self.end
        for cut in self._lengths:  # the first row is text[:cut] for one of these
            if cut > len(text):
                break
            hit = at.get(text[:cut])
            if hit is None:
                continue
            rest = text[cut:]
            for a in hit if isinstance(hit, list) else (hit,):
                if not rest:
                    return True  # one row
                if a + 1 < end:
                    b = c[a + 1]
                    if rest == b:
                        return True  # two rows
                    if a + 2 < end and rest.startswith(b) and rest[len(b):] == c[a + 2]:
                        return True  # three rows
        return False


def _find_headers(rows: _Rows) -> list[_Header]:
    n = len(rows.c)
    taken: set[int] = set()
    headers: list[_Header] = []
    for i in range(n):
        if not rows.docno[i] or rows.toc[i] or i in taken:
            continue
        deadline.check()
        if i in rows.inline_title:
            h = _Header([i], [i], rows.docno[i])
            headers.append(h)
            taken.add(i)
            continue
        j = i - 1
        codes_before: list[int] = []
        while j >= 0 and rows.code[j] and j not in taken:
            codes_before.append(j)
            j -= 1
        title = _title_back(rows, j, taken)
        if title and P.promulgation_number(rows.docno[i]):
            # a 令/公告 is what it promulgates: a title-like line above it (the end of a contents
            # page) is its title only when it is that name (国务院关于修改…的决定 / 国务院令第N号)
            named = next((x for x in (P.promulgated_name(rows.c[r]) for r in range(i + 1, min(n, i + 5))) if x), None)
            if named and not _same_name("".join(rows.c[x] for x in title), named):
                title = []
        if title:
            # codes printed above the title (规范性文件统一编号) belong here too
            k = title[0] - 1
            while k >= 0 and rows.code[k] and k not in taken:
                codes_before.append(k)
                k -= 1
        k = i + 1
        codes_after: list[int] = []
        while k < n and rows.code[k]:
            codes_after.append(k)
            k += 1
        if not title:
            title = _title_forward(rows, k, taken)
            if title:
                m = j
                while m >= 0 and m not in taken and (P.is_organ(rows.c[m]) or rows.code[m]) and j - m < 4:
                    codes_before.append(m)
                    m -= 1
                k = title[-1] + 1
                while k < n and rows.code[k]:
                    codes_after.append(k)
                    k += 1
        h = _Header(sorted([i, *title, *codes_before, *codes_after]), title, rows.docno[i])
        headers.append(h)
        taken.update(h.rows)
    # titles standing alone
    front_end = min((h.start for h in headers), default=0)  # cover and contents before the first 文号
    front_titles = _FrontTitles(rows.c, front_end)
    toc_entries = _toc_entries(rows)
    s = 0
    while s < n:
        deadline.check()
        if s in taken or rows.toc[s] or not rows.titleish(s):
            s += 1
            continue
        if s > 0 and _ATTACHMENT_LABEL.match(rows.c[s - 1]):
            s += 1  # the title of an attachment (附件2 / 某某表) belongs to its document
            continue
        if not _paragraph_end_before(rows, s) and not (
                len(rows.c[s]) <= 30 and "，" not in rows.c[s] and "》" not in rows.c[s]
                and P.title_kind(rows.c[s]) in ("记事", "目录")):
            s += 1
            continue
        found: list[int] = []
        for span in range(1, 7):
            run = list(range(s, s + span))
            if run[-1] >= n or run[-1] in taken or not rows.titleish(run[-1]):
                break
            if span > 1 and P.is_speaker(rows.c[run[-1]]) and not P.ends_with_kind(rows.c[run[-1]]):
                break
            text = "".join(rows.c[x] for x in run)
            kind = P.title_kind(text)
            if rows.c[run[-1]] in ("目录", "目次"):
                break  # a bare 目 录 heading opens a table of contents, not a document
            if kind and kind != "公报" and "公报" not in text and len(text) >= 5 \
                    and text.count("《") <= text.count("》") and (
                    _confirms_title(rows, run[-1] + 1, kind) or (s == 0 and span <= 3 and kind != "目录")
                    or (s >= front_end and len(text) >= 10 and text in front_titles)  # listed in the contents
                    or (len(text) >= 8 and text in toc_entries)
                    or (kind == "纪要" and "会议纪要" in text and not P.starts_about(text))):
                found = run
                break
            if not kind and span <= 3 and len(text) >= 5 and "，" not in text and run[-1] + 1 < n \
                    and P.speech_date(rows.c[run[-1] + 1]):
                found = run  # a report titled by its subject (当前的经济形势和…方针), its date line under it
                break
        if found:
            h = _Header(list(found), list(found), None)
            headers.append(h)
            taken.update(found)
            s = found[-1] + 1
        else:
            s += 1
    # a statistics table under its own caption (主要经济指标完成情况) is an item of its own
    for s in range(n - 3):
        c = rows.c[s]
        if s in taken or rows.toc[s] or not _TABLE_CAPTION.search(c) or not rows.titleish(s) \
                or not _PERIOD.search(c):
            continue
        numeric = sum(1 for j in range(s + 1, min(n, s + 16)) if len(_NUMBER.findall(rows.lines[j].text)) >= 2)
        if numeric >= 3:
            headers.append(_Header([s], [s], None))
            taken.add(s)
    headers.sort(key=lambda h: h.start)
    kept: list[_Header] = []
    for h in headers:
        prev = kept[-1] if kept else None
        if h.docno is not None and prev is not None and h.title_rows:
            # a forwarded or issued document printed with its own 文号 under the notice
            title_text = "".join(rows.c[x] for x in h.title_rows)
            if any(_same_name(title_text, q) for q in _carried_names(rows, prev.end + 1, h.start)):
                continue
        if h.docno is None and prev is not None:
            strong = _strongly_confirmed(rows, h)
            prev_title = "".join(rows.c[x] for x in prev.title_rows)
            quoted = _carried_names(rows, prev.end + 1, h.start)
            title_text = "".join(rows.c[x] for x in h.title_rows)
            promulgates = bool(P.promulgation_number(prev.docno)) or bool(_CARRIES.search(prev_title))
            if (not strong or promulgates) and any(
                    _same_name(title_text, q) or _same_name(rows.c[h.title_rows[0]], q) for q in quoted):
                # what a 令/公告 promulgates or a notice issues, printed under it with its own
                # adoption note or 主送: the carried document, not a new one
                continue
        if h.docno is None and prev is not None and not _strongly_confirmed(rows, h):
            first = rows.c[h.title_rows[0]]
            carrier = promulgates
            if carrier and names_attachment("".join(rows.c[x] for x in h.title_rows), prev_title) or carrier and (
                    P.ends_with_kind(first) and not P.starts_about(first) and names_attachment(first, prev_title)):
                continue
        kept.append(h)
    headers = kept
    # Contents without page numbers: headers with nothing between them and the next header,
    # two or more in a row, are the entries of a table of contents.
    bodyless = [i + 1 < len(headers) and headers[i + 1].start <= headers[i].end + 1 for i in range(len(headers))]
    drop: set[int] = set()
    i = 0
    while i < len(headers):
        if bodyless[i]:
            j = i
            while j < len(headers) and bodyless[j]:
                j += 1
            if j - i >= 2:
                drop.update(range(i, j))
                for h in headers[i:j]:
                    for x in h.rows:
                        rows.toc[x] = True
                        taken.discard(x)
            i = j
        else:
            i += 1
    headers = [h for k, h in enumerate(headers) if k not in drop]
    # byline, adoption note and dates printed right under the title
    for h in headers:
        k = h.end + 1
        while k < n and k not in taken:
            if P.is_speaker(rows.c[k]) and not P.ends_with_kind(rows.c[k]) and len(rows.c[k]) <= 30 \
                    and not (k + 1 < n and (rows.date[k + 1] or _organ_continues(rows.c[k], rows.c[k + 1]))):
                h.rows.append(k)
            elif (span := _adoption_span(rows, k)):
                h.rows.extend(range(k, k + span))
                h.adoption = True
            elif P.speech_date(rows.c[k]):
                h.rows.append(k)
            else:
                break
            taken.update(h.rows)
            k = max(h.rows) + 1
    return headers


# ---------------------------------------------------------------- documents
class _Doc:
    __slots__ = ("rows", "header", "anchor", "closed", "last_body", "marks", "last_family",
                 "carrier", "title", "docno", "kind_hint", "order", "grams", "names",
                 "_grams_at", "_keys", "_keys_at", "_blob", "last_row", "attach_at", "awaiting_attachment",
                 "contents_open")

    def __init__(self, anchor: int, order: int, header: _Header | None = None, kind_hint: str = ""):
        self.rows: list[int] = []
        self.header = header
        self.anchor = anchor
        self.closed = False
        self.last_body: int | None = None
        self.marks: dict[str, int] = {}
        self.last_family: str | None = None
        self.carrier = False
        self.title = ""
        self.docno: str | None = header.docno if header else None
        self.kind_hint = kind_hint
        self.order = order
        self.grams: set[str] = set()
        self.names: list[str] = []
        self._grams_at = -1
        self._keys: list[tuple[str, str]] = []
        self._keys_at = -1
        self._blob = ""
        self.last_row = anchor
        self.attach_at: int | None = None  # where in rows its attachment begins
        self.awaiting_attachment = False  # signed, its header printed under it, no attachment text yet
        self.contents_open = False  # a law's own 目录 (its chapters listed) is being read

    def name_keys(self) -> list[tuple[str, str]]:
        """(key, key without place prefix) of each name this document carries; cached."""
        if self._keys_at != len(self.names):
            keys = []
            for name in attachment_names(self.title) + self.names:
                k = _title_key(name)
                keys.append((k, _PLACE_PREFIX.sub("", k)))
            self._keys, self._keys_at = keys, len(self.names)
            self._blob = "\x00".join(k for k, _ in keys)
        return self._keys

    @property
    def blob(self) -> str:
        self.name_keys()
        return self._blob


def _numbering_score(doc: _Doc, mark: tuple[str, int]) -> float:
    family, n = mark
    if doc.contents_open and family == "chapter" and n == 1 and family in doc.marks:
        return 4.0  # the chapters start over after the document's own contents
    last = doc.marks.get(family)
    level = P.HEADING_LEVEL[family]
    parent_recent = doc.last_family is not None and P.HEADING_LEVEL[doc.last_family] < level
    if last is None:
        if n == 1:
            return 1.0 if parent_recent else 0.0
        return -1.5
    if n == last + 1:
        return 4.0
    if n == 1 and parent_recent:
        return 2.0
    if n <= last:
        return -3.0
    return -1.0


HEADER_TAKES_NEXT_BLOCK = 3.0  # a header with no body yet owns the text printed right under it


class _Splitter:
    def __init__(self, rows: _Rows):
        self.rows = rows
        self.docs: list[_Doc] = []
        self._placed: set[int] = set()  # id() of every doc in self.docs: membership without a scan
        self.owner: list[_Doc | None] = [None] * len(rows.c)

    def add(self, doc: _Doc) -> None:
        """Append doc to the documents unless it is there already."""
        if id(doc) not in self._placed:
            self._placed.add(id(doc))
            self.docs.append(doc)

    def has(self, doc: _Doc) -> bool:
        return id(doc) in self._placed

    # -- assignment
    def assign(self, doc: _Doc, idx: Sequence[int], body: bool = True) -> None:
        for i in idx:
            self.owner[i] = doc
            doc.rows.append(i)
        if idx and idx[-1] > doc.last_row:
            doc.last_row = max(idx)
        if not body or not idx:
            return
        doc.awaiting_attachment = False
        rows = self.rows
        for i in idx:
            h = rows.head[i]
            c = rows.c[i]
            if c in ("目录", "目次"):
                doc.contents_open = True
            elif doc.contents_open and not (h and h[0] == "chapter"):
                doc.contents_open = False
            elif doc.contents_open and h[1] == 1 and "chapter" in doc.marks:
                doc.contents_open = False  # the body's first chapter after the contents
                doc.marks.clear()
            if h:
                doc.marks[h[0]] = h[1]
                doc.last_family = h[0]
            if "《" in c and _CARRIES.search(c):
                doc.names.extend(re.findall(r"《([^》]+)》", c))
            elif c.startswith("附件") and (m := _ATTACHMENT_LIST.match(c)):
                doc.names.append(_LIST_ITEM.sub("", m.group(1)))
                doc.carrier = True
            if not doc.carrier and _CARRIER_SENTENCE.search(c):
                doc.carrier = True
        doc.last_body = idx[-1]
        doc.closed = rows.closing[idx[-1]]

    def score(self, doc: _Doc, block: list[int], default: _Doc | None, grams: set[str]) -> float:
        rows = self.rows
        first = block[0]
        fc = rows.c[first]
        if doc is default:
            s = 1.5
            if doc.header is not None and doc.last_body is None and first - doc.last_row <= 2:
                s += HEADER_TAKES_NEXT_BLOCK
        else:
            gap = first - doc.last_row
            s = -1.0 - gap / 80.0
        mark = next((rows.head[i] for i in block if rows.head[i]), None)
        starts_marker = rows.head[first] is not None
        starts_cont = fc[0] in _CONT_START
        # A signed notice's attachment opens with its title, 附件 or a heading: text going on
        # mid-sentence right after the signature and header continues another document.
        orphan = default is not None and default.awaiting_attachment and not (
            starts_marker or fc.startswith(("附件", "附表")) or rows.titleish(first))
        if orphan and doc is default:
            s -= 5.0
        if doc.closed:
            attach_like = fc.startswith(("附件", "附表")) or (
                doc.carrier and (rows.titleish(first) or (starts_marker and rows.head[first][1] == 1)))
            s += 0.0 if attach_like else -5.0
        if doc.last_body is not None:
            lc = rows.c[doc.last_body]
            if not rows.complete(doc.last_body):
                if starts_marker or (not starts_cont and rows.titleish(first) and len(fc) < 0.6 * rows.width):
                    s -= 3.0
                elif starts_cont or _closes_what_opened(lc, fc):
                    s += 3.0
                else:
                    s += 3.0 if orphan or rows.bigram_seen(lc[-1] + fc[0]) else -4.0
            elif starts_cont:
                s -= 3.0
        if mark:
            s += _numbering_score(doc, mark)
        if grams:
            s += 4.0 * len(grams & self.recent_grams(doc)) / len(grams)
        return s

    def recent_grams(self, doc: _Doc) -> set[str]:
        """Character pairs of the document's title and its latest lines: what it is about now."""
        if doc._grams_at != len(doc.rows):
            text = doc.title + "".join(self.rows.c[i] for i in doc.rows[-12:])[-300:]
            doc.grams = {text[k:k + 2] for k in range(len(text) - 1)}
            doc._grams_at = len(doc.rows)
        return doc.grams

    def place(self, block: list[int], default: _Doc | None, hard: bool,
              upcoming: _Doc | None = None) -> _Doc:
        if not self.docs and upcoming is None:
            doc = _Doc(block[0], 0, kind_hint="")
            self.add(doc)
            self.assign(doc, block)
            return doc
        rows = self.rows
        first = block[0]
        mark = next((rows.head[i] for i in block if rows.head[i]), None)
        candidates: list[_Doc] = [default] if default is not None else []
        for doc in self.docs[-6:]:
            if doc is default:
                continue
            if first - doc.last_row > 150:
                continue
            if not hard:
                # inside a flowing body only a higher-level heading that the default
                # document cannot take and this one continues may switch documents
                if not (mark and P.HEADING_LEVEL[mark[0]] <= 2 and _numbering_score(doc, mark) >= 4
                        and (default is None or _numbering_score(default, mark) < 0)):
                    continue
            candidates.append(doc)
        if upcoming is not None and mark and mark[1] == 1 and P.HEADING_LEVEL[mark[0]] <= 2 \
                and rows.head[first] == mark and (default is None or _numbering_score(default, mark) < 0):
            # 主送/body printed before its header: a numbering that starts over belongs
            # to the document whose header comes next
            self.add(upcoming)
            self.assign(upcoming, block)
            return upcoming
        if not candidates:
            doc = _Doc(block[0], len(self.docs))
            self.add(doc)
            self.assign(doc, block)
            return doc
        best_score: float | None = None
        if len(candidates) == 1:
            best = candidates[0]
            if upcoming is not None:
                best_score = self.score(best, block, default, None)
        else:
            base = [(self.score(doc, block, default, None), doc) for doc in candidates]
            base.sort(key=lambda x: -x[0])
            grams: set[str] | None = None
            if base[0][0] - base[1][0] < 4.0:  # close: what the block is about decides
                text = "".join(rows.c[i] for i in block[:8])[:200]
                grams = {text[k:k + 2] for k in range(len(text) - 1)}
            best, best_score = candidates[0], None
            for doc in candidates:
                sc = self.score(doc, block, default, grams) if grams else next(x for x, d in base if d is doc)
                if best_score is None or sc > best_score:
                    best, best_score = doc, sc
        if upcoming is not None and best_score is not None and best_score < -2.5:
            # nothing before takes it (signed, or the sentence does not continue): in a file
            # whose bodies come before their headers, it opens the document whose header is next
            self.add(upcoming)
            self.assign(upcoming, block)
            return upcoming
        if best.closed:  # an attachment re-opens a signed notice; its numbering starts over
            best.marks.clear()
            best.last_family = None
            best.attach_at = len(best.rows)
        self.assign(best, block)
        return best


_PLACE_PREFIX = re.compile(rf"^(?:[{P.CJK}]{{2,4}}?[省市])?(?:[{P.CJK}]{{2,4}}?[区县])?")


def _title_key(text: str) -> str:
    """A title reduced for containment tests: no brackets, quotes, punctuation or spaces."""
    return _KEY_DROP.sub("", text)


def attachment_names(title: str) -> list[str]:
    """What a title says the document carries: X of 印发X的通知 (also 《X》), and the title itself."""
    names = [title] if title else []
    m = re.search(r"(?:印发|转发|发布|公布|颁布)(.+?)的(?:通知|决定|命令|令)$", title)
    if m:
        names.append(m.group(1))
        names.extend(re.findall(r"《([^》]+)》", m.group(1)))
    return names


def _same_name(text: str, name: str) -> bool:
    a, b = _title_key(text), _title_key(name)
    if len(a) < 6 or not b:
        return False
    if a == b:
        return True
    ca, cb = _PLACE_PREFIX.sub("", a), _PLACE_PREFIX.sub("", b)
    return len(ca) >= 6 and ca == cb


def names_attachment(text: str, title: str) -> bool:
    """Is `text` (a title-like line) the name of `title`'s attachment, or `title` itself?"""
    return any(_same_name(text, name) for name in attachment_names(title))


_PAIRS = (("《", "》"), ("（", "）"), ("“", "”"), ("(", ")"))


def _closes_what_opened(before: str, after: str) -> bool:
    """Does `after` close a bracket or quote that `before` left open (《… | …》)?"""
    for o, c in _PAIRS:
        if before.rfind(o) > before.rfind(c):
            k = after.find(c)
            if k >= 0 and after.find(o, 0, k) < 0:
                return True
    return False


def _attachment_owner(rows: _Rows, i: int, docs: list[_Doc]) -> tuple[_Doc, int] | None:
    """Rows from i that name a recent document's attachment (or repeat its title): (doc, row count)."""
    c = rows.c[i]
    if not (4 <= len(c) <= 70) or not rows.titleish(i) or P.is_organ(c):
        return None
    first_key = rows.key(i)
    if len(first_key) < 2:
        return None
    for doc in reversed(docs[-6:]):
        if not doc.title and not doc.names:
            continue
        if doc._keys_at != len(doc.names):
            doc.name_keys()
        if first_key not in doc._blob:
            continue
        keys = doc._keys
        key = ""
        for k in range(3):
            if i + k >= len(rows.c) or (k and not rows.titleish(i + k)):
                break
            key += rows.key(i + k)
            if len(key) >= 6:
                core = _PLACE_PREFIX.sub("", key)
                if any(key == a or (len(core) >= 6 and core == b) for a, b in keys):
                    return doc, k + 1
            if not any(key in a for a, _ in keys):
                break
    return None


def _resumes_other(rows: _Rows, i: int, docs: list[_Doc], current: _Doc | None) -> bool:
    """Could row i continue the sentence another recent document broke off?"""
    for doc in docs[-6:]:
        if doc is current or doc.last_body is None or i - doc.last_body > 60:
            continue
        if not rows.complete(doc.last_body):
            before, after = rows.c[doc.last_body], rows.c[i]
            if rows.bigram_seen(before[-1] + after[0]) or _closes_what_opened(before, after):
                return True
    return False


def split_documents(lines: Sequence[Line]) -> list[Segment]:
    rows, noise = _prepare(lines)
    if not rows.lines:
        return [DocSegment(list(noise))] if noise else []
    headers = _find_headers(rows)
    n = len(rows.c)
    in_header = [None] * n
    for h in headers:
        for i in h.rows:
            in_header[i] = h

    openers: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if in_header[i] is None and not rows.toc[i]:
            span = _is_opener(rows, i)
            if span:
                openers.append((i, span))
                i += span
                continue
        i += 1

    def header_just_before(o: int) -> _Header | None:
        k = o - 1
        while k >= 0 and rows.code[k]:
            k -= 1
        return in_header[k] if k >= 0 else None

    after_header = sum(1 for o, _ in openers if header_just_before(o) is not None)
    not_after = len(openers) - after_header
    first_header = min((h.start for h in headers), default=n)
    body_first = not_after > after_header or (
        not_after == after_header > 0 and openers[0][0] < first_header)

    # which rows start which document
    anchors: dict[int, _Doc] = {}
    header_doc: dict[int, _Doc] = {}
    order = 0
    claimed: set[int] = set()
    if not body_first:
        for o, span in openers:
            h = header_just_before(o)
            if h is not None and not any(x in claimed for x in h.rows):
                h.rows.extend(range(o, o + span))
                for x in range(o, o + span):
                    in_header[x] = h
                claimed.update(h.rows)
    header_starts = sorted(headers, key=lambda h: h.start)
    paired: dict[int, _Header] = {}
    if body_first:
        taken_h: set[int] = set()
        opener_rows = [o for o, _ in openers]
        nh = 0  # the headers before nh start at or before this opener, or are taken: never again
        for idx, (o, span) in enumerate(openers):
            nxt_opener = opener_rows[idx + 1] if idx + 1 < len(opener_rows) else n
            while nh < len(header_starts) and (header_starts[nh].start <= o or id(header_starts[nh]) in taken_h):
                nh += 1
            h = header_starts[nh] if nh < len(header_starts) else None
            if h is not None and h.start < nxt_opener:
                taken_h.add(id(h))
                paired[o] = h
    events: list[tuple[int, str, object]] = []
    paired_ids = {id(h) for h in paired.values()}
    for h in headers:
        if id(h) not in paired_ids:
            events.append((h.start, "header", h))
    for o, span in openers:
        if in_header[o] is not None:
            continue
        if body_first or o == 0 or _is_closing_date(rows, o - 1) or rows.complete(o - 1) and o > 0 and rows.date[o - 1]:
            events.append((o, "opener", (span, paired.get(o))))
    events.sort(key=lambda e: e[0])

    sp = _Splitter(rows)
    start_doc: dict[int, tuple[_Doc, list[int]]] = {}
    owned: dict[int, tuple[_Doc, bool]] = {}
    for pos, what, obj in events:
        if what == "header":
            h = obj  # type: ignore[assignment]
            doc = _Doc(h.start, order, h)
            order += 1
            for x in h.rows:
                owned[x] = (doc, False)
            start_doc[h.start] = (doc, [])
        else:
            span, h = obj  # type: ignore[misc]
            doc = _Doc(pos, order, h)
            order += 1
            for x in range(pos, pos + span):
                owned[x] = (doc, True)
            if h is not None:
                for x in h.rows:
                    owned[x] = (doc, False)
            start_doc[pos] = (doc, [])
        doc.title = "".join(rows.c[x] for x in (doc.header.title_rows if doc.header else []))
        doc.carrier = bool(re.search(r"印发|发布|公布|转发|颁布", doc.title))

    current: _Doc | None = None
    block: list[int] = []
    hard = True
    forced: _Doc | None = None
    starts = sorted(start_doc)
    next_start = 0
    skip_until = 0

    def upcoming_doc(i: int) -> _Doc | None:
        nonlocal next_start
        while next_start < len(starts) and starts[next_start] <= i:
            next_start += 1
        if not body_first or next_start >= len(starts) or starts[next_start] - i > 80:
            return None
        doc = start_doc[starts[next_start]][0]
        return None if sp.has(doc) else doc

    def flush() -> None:
        nonlocal current, block, hard, forced
        if block:
            if forced is not None:
                sp.assign(forced, block)
                current = forced
            else:
                current = sp.place(block, current, hard, upcoming_doc(block[0]))
            block = []
            hard = False
            forced = None

    for i in range(n):
        deadline.check()
        if i in start_doc and i >= skip_until:
            flush()
            sp.add(start_doc[i][0])
        if i in owned:
            flush()
            doc, body = owned[i]
            sp.add(doc)
            sp.assign(doc, [i], body=body)
            if not body and doc.closed and doc.carrier:
                # the header printed under a signed notice: what follows is its attachment
                doc.closed = False
                doc.marks.clear()
                doc.last_family = None
                doc.attach_at = len(doc.rows)
                doc.awaiting_attachment = True
            current = doc
            hard = True
            forced = doc if body else None
            continue
        if i < skip_until:
            continue
        if i > 0 and rows.closing[i - 1] and _PUBLICITY.fullmatch(rows.c[i]) and sp.owner[i - 1] is not None:
            flush()  # （此件公开发布） printed under the date: the end of the signed document
            sp.assign(sp.owner[i - 1], [i], body=False)
            continue
        found = _attachment_owner(rows, i, sp.docs) if 4 <= len(rows.c[i]) <= 70 and rows.titleish(i) else None
        owner = found[0] if found else None
        resumes = (
            i > 0 and block and rows.head[i] is None and rows.complete(i - 1)
            and rows.c[i][0] not in _CONT_START and _resumes_other(rows, i, sp.docs, current)
        )
        boundary = (
            owner is not None
            or resumes
            or rows.head[i] is not None
            or rows.c[i].startswith(("附件", "附表"))
            or (i > 0 and rows.closing[i - 1])
        )
        if boundary:
            hard_here = owner is not None or not rows.head[i] or hard or resumes
            if i > 0 and (rows.closing[i - 1] or not rows.complete(i - 1)):
                hard_here = True
            flush()
            hard = hard_here
        if owner is not None:
            if owner.closed:
                owner.marks.clear()
                owner.last_family = None
            span = list(range(i, i + found[1]))
            if owner.attach_at is not None and owner.last_body is not None and not rows.complete(owner.last_body):
                # the attachment's title fell into the middle of a sentence of the attachment:
                # read it where the attachment begins
                for k, x in enumerate(span):
                    owner.rows.insert(owner.attach_at + k, x)
                    sp.owner[x] = owner
            else:
                sp.assign(owner, span)
                if owner.closed or owner.attach_at is None:
                    owner.attach_at = len(owner.rows) - len(span)
            skip_until = span[-1] + 1
            owner.closed = False
            current = owner
            hard = True
            continue
        block.append(i)
        if rows.closing[i]:
            flush()
    flush()

    segments = _segments(rows, noise, sp.docs, lines)
    if not segments:  # nothing but a contents page: still one document, never nothing
        segments = [DocSegment(list(rows.lines), context=_file_context(rows))]
    return segments


def _file_context(rows: _Rows) -> dict:
    """The city (and district) the file speaks for: 市政府 in it means this city's.

    Asked first of the masthead (the first lines: 宁波市北仑区人民政府公报), then of the
    issuers the file names most often.
    """
    ctx: dict = {}
    for c in rows.c[:40]:
        m = _MASTHEAD_PLACE.match(c)
        if m:
            ctx["city"] = m.group(1)
            if m.group(2):
                ctx["district"] = m.group(2)
            return ctx
    for c in rows.c[:40]:
        m = _MASTHEAD_COUNTY.match(c)
        if m:
            ctx["district"] = m.group(1)
            break
    cnt = Counter(m.group(1) for c in rows.c[:5000] if (m := _SIGNED_CITY.match(c)))
    if cnt:
        ctx["city"] = cnt.most_common(1)[0][0]
    return ctx


def _is_front_matter(rows: _Rows, doc: _Doc, docs: list[_Doc]) -> bool:
    """A cover, masthead or contents page: not a document (DOCUMENTS.md)."""
    if doc.header is None and sum(1 for i in doc.rows if rows.toc[i]) * 3 >= len(doc.rows):
        return True
    return doc is docs[0] and doc.header is None and len(docs) > 1 and not any("。" in rows.c[i] for i in doc.rows)


def _rehome_front_matter(rows: _Rows, docs: list[_Doc]) -> None:
    """Give the rows of a dropped cover/contents 'document' that lie among real documents to them.

    A body block can be placed with the contents page (its title words match a contents
    entry); dropping the contents page must not drop that body. Each such row goes to the
    kept document owning the nearest row before it (else after it), right after that row.
    Contents-entry rows and the cover before the first kept document stay out: they are
    front matter, not text.

    Rows are moved one by one in the dropped documents' order, and a moved row can be the
    nearest row before a later one. The nearest owned row is looked up in a Fenwick tree
    and each document's rows are a linked list while rows move in, so the cost is
    n log n in rows, not one scan of a document's rows per moved row.
    """
    dropped = [d for d in docs if d.rows and _is_front_matter(rows, d, docs)]
    if not dropped:
        return
    dropped_ids = {id(d) for d in dropped}
    kept = [d for d in docs if d.rows and id(d) not in dropped_ids]
    if not kept:
        return
    owner: dict[int, _Doc] = {i: d for d in kept for i in d.rows}
    first_kept = min(owner)
    moving = [[i for i in d.rows if i > first_kept and not rows.toc[i]] for d in dropped]
    if not any(moving):
        return
    every = [i for d in (*kept, *dropped) for i in d.rows]
    if len(every) != len(set(every)):  # a row in two places: keep the plain rule's exact order
        _rehome_by_scanning(rows, dropped, owner, first_kept)
        return
    n = len(rows.c)
    owned = _Predecessors(n)
    for i in owner:
        owned.add(i)
    after: dict[int, int | None] = {}  # row → the row after it in its document (linked list)
    for d in kept:
        for a, b in zip(d.rows, d.rows[1:]):
            after[a] = b
        after[d.rows[-1]] = None
    changed: dict[int, _Doc] = {}
    for d, move in zip(dropped, moving):
        for i in move:
            deadline.check()
            k = owned.before(i)
            target = owner[k]  # k exists: first_kept < i is owned
            after[i], after[k] = after[k], i
            owner[i] = target
            owned.add(i)
            changed[id(target)] = target
        if move:
            gone = set(move)
            d.rows = [i for i in d.rows if i not in gone]
    for target in changed.values():
        start, order = target.rows[0], []
        x: int | None = start
        while x is not None:
            order.append(x)
            x = after[x]
        target.rows = order


def _rehome_by_scanning(rows: _Rows, dropped: list[_Doc], owner: dict[int, _Doc], first_kept: int) -> None:
    """The rule of _rehome_front_matter, one list scan per moved row (rows listed twice)."""
    for d in dropped:
        moving = [i for i in d.rows if i > first_kept and not rows.toc[i]]
        for i in moving:
            k = i - 1
            while k >= 0 and k not in owner:
                k -= 1
            target = owner[k]
            target.rows.insert(target.rows.index(k) + 1, i)
            owner[i] = target
            d.rows.remove(i)


class _Predecessors:
    """A growing set of rows 0..n-1 that answers "the largest member below i" in O(log n)."""

    def __init__(self, n: int):
        self.n = n
        self.tree = [0] * (n + 1)  # Fenwick tree of member counts
        self.top = 1 << max(0, n.bit_length() - 1)

    def add(self, i: int) -> None:
        i += 1
        while i <= self.n:
            self.tree[i] += 1
            i += i & -i

    def before(self, i: int) -> int:
        """The largest member < i, or -1."""
        count, j = 0, i  # members among rows 0..i-1
        while j > 0:
            count += self.tree[j]
            j -= j & -j
        if count == 0:
            return -1
        pos, step = 0, self.top  # the count-th member: descend the tree
        while step:
            nxt = pos + step
            if nxt <= self.n and self.tree[nxt] < count:
                pos = nxt
                count -= self.tree[nxt]
            step >>= 1
        return pos  # 1-based position pos + 1 is row pos


def _segments(rows: _Rows, noise: list[Line], docs: list[_Doc], lines: Sequence[Line]) -> list[Segment]:
    ctx = _file_context(rows)
    _rehome_front_matter(rows, docs)
    # blank and noise lines go with the content line before them
    # line number → document: a list, not a dict (one entry per line of a million-line file)
    by_no: list[_Doc | None] = [None] * (max((l.no for l in lines), default=0) + 1)
    for doc in docs:
        for i in doc.rows:
            by_no[rows.lines[i].no] = doc
    in_order = all(a.no <= b.no for a, b in pairwise(lines))  # as clean_lines gives them: no sorted copy
    all_lines = lines if in_order else sorted(lines, key=lambda l: l.no)
    noise_nos = {l.no for l in noise}
    extra: dict[int, list[Line]] = {id(d): [] for d in docs}
    prev_doc: _Doc | None = None
    pending_blank: list[Line] = []
    furniture_gap = False  # page furniture (dropped lines) between the last content line and here
    last_no = 0
    for line in all_lines:
        if line.no > last_no + 1 or line.no in noise_nos:
            furniture_gap = True
        last_no = line.no
        if line.no in noise_nos:
            continue
        d = by_no[line.no]
        if d is not None:
            # blank lines around a page break are layout, not paragraph breaks: leave them out
            if pending_blank and d is prev_doc and not furniture_gap:
                extra[id(d)].extend(pending_blank)
            pending_blank = []
            furniture_gap = False
            prev_doc = d
            continue
        if not line.text.strip():
            pending_blank.append(line)
        elif prev_doc is not None:
            extra[id(prev_doc)].extend(pending_blank)
            pending_blank = []
            extra[id(prev_doc)].append(line)
        elif docs:
            extra[id(docs[0])].append(line)
    out: list[Segment] = []
    for doc in docs:
        deadline.check()
        if not doc.rows:
            continue
        header_idx = set(doc.header.rows) if doc.header else set()
        head_lines = [rows.lines[i] for i in sorted(i for i in doc.rows if i in header_idx)]
        # content rows in the order the document was assembled; blank lines after the row before them
        after: dict[int, list[Line]] = {}
        content_nos = sorted(rows.lines[i].no for i in doc.rows if i not in header_idx)
        lead: list[Line] = []
        for line in extra[id(doc)]:
            k = bisect.bisect_left(content_nos, line.no) - 1
            if k < 0:
                lead.append(line)
            else:
                after.setdefault(content_nos[k], []).append(line)
        body_lines = list(lead)
        for i in doc.rows:
            if i in header_idx:
                continue
            no = rows.lines[i].no
            body_lines.append(rows.lines[i])
            body_lines.extend(after.get(no, ()))
        kind_hint = doc.kind_hint
        if _is_front_matter(rows, doc, docs):
            continue  # a cover, masthead or contents page: its entries are not documents, and neither is it
        seg = DocSegment(
            lines=head_lines + body_lines,
            title="\n".join(rows.inline_title.get(i, rows.lines[i].text.strip())
                            for i in (doc.header.title_rows if doc.header else [])),
            doc_number=doc.docno,
            kind_hint=kind_hint,
            header_lines=head_lines,
            context=dict(ctx),
        )
        out.append(seg)
    return out
