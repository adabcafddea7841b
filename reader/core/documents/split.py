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
import operator
import re
from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import compress, filterfalse, islice
from dataclasses import dataclass, field

from reader.core.documents import deadline
from reader.core.model import Line, Lines, Segment, line_columns
from reader.core.text import patterns as P


@dataclass
class DocSegment(Segment):
    """A segment plus what the split already learnt about its header."""

    title: str = ""
    doc_number: str | None = None
    kind_hint: str = ""  # a 文种 the split knows better than the title (the splitter leaves it empty today)
    header_lines: list[Line] = field(default_factory=list)  # lines is a Lines (compact columns)
    context: dict = field(default_factory=dict)  # file-level: {"city": "宁波市", "district": …}


# ---------------------------------------------------------------- row shapes
# whole-line shapes shared with normalise (page furniture, contents entries, tables, labels):
# reader/core/patterns.py, "line shapes"
TOC_GLUED_REACH = 3  # rows between two "title（page）" entries of one contents page
_CODE = re.compile(
    r"^(?:规范性文件(?:统一)?编号|统一编号|[A-Z]{2,}[0-9A-Z]*[-－—]+\d{4}[-－—]+\d{2,}"
    r"|[（(]此件.{1,8}[)）]$|(?:特急|加急|特提|平急)$|(?:绝密|机密|秘密)(?:★.{0,6})?$|\d{6}$"
    r"|签发人[:：][^，。；]{1,20}$|[A-D]类$)")  # 签发人：某某 under a 文号; A类 marks a proposal answer
_INLINE_DOCNO = re.compile(r"^(.{4,80}?)[ \t\u3000]{2,}"
                           r"([（(]?[^\s（(]{1,16}[〔［\[【(（]\s*\d{4}\s*[〕］\]】)）]\s*\d{1,5}\s*[号號][)）]?)$")
_DOCNO_SIGNER = re.compile(r"^(.{4,30}?[号號])签发人[:：][^，。；]{1,20}$")
_PLACE = rf"[{P.CJK}]{{2,3}}?"
_MASTHEAD_PLACE = re.compile(
    rf"^({_PLACE}市)({_PLACE}[区县])?(?:第[一二三四五六七八九十]+届)?(?:人民政府|人民代表大会|人大常委会)")
_MASTHEAD_COUNTY = re.compile(rf"^({_PLACE}[区县])(?:第[一二三四五六七八九十]+届)?(?:人民政府|人民代表大会|人大常委会)")
_SIGNED_CITY = re.compile(rf"^({_PLACE}市)人民政府")
_CODE_START = "规统（(特加平绝机秘签"  # (a str: `in` needs no hash of the character)
_OPENER_WORDS = re.compile(r"人民政府|政府|委员会|常委会|各单位|单位|各位|局|办事处|部门|同志|厅|委|办"
                           r"|公司|院|学校|街道|乡镇")
_NOT_OPENER = re.compile(r"研究|同意|决定|如下|批准|根据|经|为了|按照|任命|免去|附件|注|电话|地址|联系"
                         r"|报送|填报|时间|日期|名称|单位：$|组长|成员|说明")
_ADDRESSEE_PART = re.compile(
    r"(?:^各|政府|单位|單位|委员会|常委会|局|院|校|会|处|厅|委|办|公司|街道|乡镇|部门|机构|同志|委员|主任|秘书长|代表|中心|集团|企业|支队|部队)$")
_ATTACHMENT_LABEL = re.compile(r"^附件[\d一二三四五六七八九十]*[:：]?$|^附表[\d一二三四五六七八九十]*$"
                               r"|^附录[A-Z\d一二三四五六七八九十]*[:：]?$")  # 附录 / 附录A: an annex
_ATTACHMENT_LIST = re.compile(r"^附件[:：](.+)$")
_PUBLICITY = re.compile(r"[（(]此件.{1,8}[)）]")
_LIST_ITEM = re.compile(r"^\d{1,2}[.．、]")
_TABLE_CAPTION_ENDS = ("完成情况", "经济指标", "统计表", "统计数据", "统计快报")
_PERIOD = re.compile(r"\d{4}年")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_SENTENCE_MARK = re.compile(r"[。；！？;!?：:]")
# 【国务院文件】: a contents section
_NOT_TITLE_START = re.compile(r"^(?:附件|附表|附录|注[:：]|[-•·])|^【[^】]{1,12}】$")
_NOT_TITLE_FIRST = "附注-•·【"  # the first characters of _NOT_TITLE_START (a cheap test before it)
_PARAGRAPH_END = "".join(sorted(P.TERMINAL | P.CLOSERS))  # a row ending in one of these ends a paragraph
_CARRIER_SENTENCE = re.compile(r"(?:印发|转发)给你们|现予(?:发布|公布|印发)|公布如下|印发.{0,40}的通知"
                               r"|现将.{0,60}(?:印发|转发)")
def _may_carry(c: str) -> bool:
    """A cheap gate before _CARRIER_SENTENCE (a regex search tries every position): each of its
    sentences holds one of these words."""
    return "印发" in c or "转发" in c or "现予" in c or "公布" in c


_KEY_DROP = re.compile(r"[\s《》〈〉“”\"'‘’()（）\[\]【】〔〕,，、.。:：;；!！?？·\-—]")
_CONT_START = set("，。、；：）》”’,;:)!?！？")


def _is_page_noise(text: str) -> bool:
    c = P.compact(text)
    if not c:
        return False
    if len(c) <= 12 and P.LEFTOVER_PAGE_NUMBER.match(text) and re.search(r"[-—–－]|页", text):
        return True
    return len(c) <= 60 and bool(P.GAZETTE_ISSUE_LINE.search(c))


@dataclass
class _Rows:
    lines: Lines  # content rows (non-blank, not page noise)
    c: list[str]  # compact text
    width: float  # typical full line length (compact chars)
    corpus: str

    def __post_init__(self) -> None:
        n = len(self.lines)
        self.texts: list[str] = self.lines.texts  # the rows' texts and line numbers (columns of lines)
        self.nos: array = self.lines.nos
        # Yes/no marks are bytearrays (1 byte a row, not an 8-byte list slot): a file of a million
        # short lines has a million rows.
        self.docno: list[str | None] = [None] * n
        self.date = bytearray(n)
        self.head: list[tuple[str, int] | None] = [None] * n
        self.toc = bytearray(n)
        self.labels: set[str] = set()  # a collection's section labels (法　　律, 司法解释) its contents print
        self.code = bytearray(n)
        self._bigram: dict[str, bool] = {}
        self.gap = bytearray(n)  # a table gap (P.TABLE_GAP) in the row's text
        # _prepare answers titleish and complete for every row as it marks it (_titleish: 0 no, else
        # title-like by its shape); a row marked a contents row later (mark_toc) is no title from then on.
        self._titleish = bytearray(n)
        self._complete = bytearray(n)
        self.closing = bytearray(n)
        self.inline_title: dict[int, str] = {}  # row → title printed left of its 文号
        self.colon_ends: list[int] = []  # the rows ending in a colon (a 主送 line does)

    def titleish(self, i: int) -> bool:
        """Could row i be (part of) a title: 2–70 characters, no sentence mark, not a 文号, date,
        code, heading, table or contents row (_mark_rows reads the shape)?"""
        return self._titleish[i] != 0

    def mark_toc(self, i: int) -> None:
        """Row i is a contents row, and so no title (whether or not titleish was asked before)."""
        self.toc[i] = True
        self._titleish[i] = 0

    def complete(self, i: int) -> bool:
        """Does row i end a paragraph (sentence end, short last line)?"""
        return self._complete[i] == 1

    def maybe_titleish(self) -> Iterator[int]:
        """The title-like rows (titleish), read as the marks stand while iterating."""
        return compress(range(len(self._titleish)), self._titleish)

    def key(self, i: int) -> str:
        return _title_key(self.c[i])  # not cached: asked about once per row, and a key per row would cost memory

    def bigram_seen(self, pair: str) -> bool:
        seen = self._bigram.get(pair)
        if seen is None:
            # (`pair in corpus`, read by the regex engine's literal scan: on a long CJK text, which a
            # pair it does not hold is read to the end of, about a quarter faster than str's search)
            seen = self._bigram[pair] = re.search(re.escape(pair), self.corpus) is not None
        return seen


def _prepare(lines: Sequence[Line]) -> tuple[_Rows, Lines]:
    """The content rows of the lines (non-blank, not page furniture) with their shapes, and the
    page-furniture lines left out."""
    all_nos, all_texts = line_columns(lines)
    nos, texts, cs = array("i"), [], []
    noise_nos, noise_texts = array("i"), []
    for no, t in compress(zip(all_nos, all_texts), all_texts):  # (empty lines skipped in C)
        if t.isspace():
            continue
        # compact text: without whitespace (every whitespace character is a separator or a
        # control, which isprintable() refuses, except the ASCII space)
        c = t if " " not in t and t.isprintable() else "".join(t.split())
        # cheap gate first: page furniture is short and has dashes, 页 or 公报
        if len(c) <= 60 and (c[0] in "-—–－_~·第" or "公报" in c) and _is_page_noise(t):
            noise_nos.append(no)
            noise_texts.append(t)
            continue
        nos.append(no)
        texts.append(t)
        cs.append(c)
    if cs and P.COLOPHON_LINE.match(cs[-1]):
        _drop_colophon(nos, texts, cs, noise_nos, noise_texts)
    noise = Lines(noise_nos, noise_texts)
    content = Lines(nos, texts)
    lengths = sorted(filter((7).__lt__, map(len, cs)))  # the lengths of the rows of 8 characters or more
    width = float(lengths[int(len(lengths) * 0.8)]) if lengths else 40.0
    rows = _Rows(content, cs, width, "".join(cs))
    later = _mark_rows(rows)
    _mark_two_row_shapes(rows, later)
    _mark_toc(rows, later.spaced_labels, later.page_ends)
    return rows, noise


@dataclass
class _LaterRows:
    """Rows _mark_rows found for a second look, once all rows are marked (a few of each)."""

    decrees: list[int] = field(default_factory=list)  # ending in 令/告: a promulgation number on the next row?
    dated: list[int] = field(default_factory=list)  # a date, or ending in 日: a signature's date?
    page_ends: list[int] = field(default_factory=list)  # ending in a digit (in brackets): a contents entry?
    spaced_labels: list[int] = field(default_factory=list)  # 法　　律: a section label?


def _mark_rows(rows: _Rows) -> _LaterRows:
    """Mark each row's own shapes (docno, date, head, code, gap; titleish and complete) in one pass."""
    cs, texts = rows.c, rows.texts
    docno, date, head, code, gap = rows.docno, rows.date, rows.head, rows.code, rows.gap
    titleish, complete = rows._titleish, rows._complete
    short = 0.8 * rows.width
    later = _LaterRows()
    for i, (c, t) in enumerate(zip(cs, texts)):
        n = len(c)
        first, last = c[0], c[-1]
        hao = "号" in c or "號" in c
        if hao and n <= 40:
            docno[i] = P.docno_line(c)
            if docno[i] is None and "签发人" in c and (m := _DOCNO_SIGNER.match(c)):
                docno[i] = P.docno_line(m.group(1))  # 某发〔2024〕9号　　签发人：某某 on one line
        if n <= 16 and last in "日）)" and first not in "（(":
            date[i] = P.date_line(c) is not None
        if first in "第一二三四五六七八九十（(0123456789-":
            head[i] = P.heading(c)
        if n <= 40 and (first in _CODE_START or first.isascii()):
            code[i] = bool(_CODE.match(c))
        if last == "件" and c.endswith("文件") and n <= 42:  # 某某局文件, or 文件 alone under a joint masthead's organs
            code[i] = code[i] or P.masthead(c, cs[i - 1] if i else "")
            if c == "文件" and code[i]:  # a joint masthead's organs, one a row above its 文件: its rows
                j = i - 1
                while j >= 0 and i - j <= ORGANS_ABOVE_FORWARD_TITLE and P.is_organ(cs[j]):
                    code[j], titleish[j] = True, 0
                    j -= 1
        if (spaces := len(t) - n):  # whitespace in the text (its compact text has none)
            if n <= 4 and _SPACED_LABEL.match(t.strip()):
                later.spaced_labels.append(i)
            # (P.TABLE_GAP: a tab, or three whitespace characters or more between two others)
            gap[i] = "\t" in t or (spaces >= 3 and P.TABLE_GAP.search(t) is not None)
        # a title with its 文号 at the right end of the same line: 某某的通知    甬政发〔2022〕21号
        if hao and docno[i] is None and ("号" in (tail := c[-6:]) or "號" in tail):
            _mark_inline_docno(rows, i)
        if last in "令告" and n <= 24:
            later.decrees.append(i)
        if date[i] or last == "日":
            later.dated.append(i)
        if last in "0123456789" or (last in ")）" and n > 1 and c[-2].isdecimal()):
            later.page_ends.append(i)
        elif last in "：:":
            rows.colon_ends.append(i)
        # a paragraph's end (_Rows.complete): a sentence end, a short last line, a date, a table row
        complete[i] = last in _PARAGRAPH_END or date[i] or n < short or gap[i]
        # title-like by its shape (_Rows.titleish), the cheap refusals first (。 before the search
        # for any sentence mark: most body rows hold one)
        if not (2 <= n <= 70) or docno[i] or date[i] or code[i] or head[i] or gap[i] or last in "，、," \
                or "。" in c or _SENTENCE_MARK.search(c) or (first in "（(" and _PUBLICITY.fullmatch(c)) \
                or (first in _NOT_TITLE_FIRST and _NOT_TITLE_START.match(c)) \
                or (n <= 4 and P.FRONT_MATTER_HEADING.match(c)):
            continue
        titleish[i] = 1
    return later


def _mark_inline_docno(rows: _Rows, i: int) -> None:
    """某某的通知    甬政发〔2022〕21号: row i's 文号 and the title printed left of it."""
    m = _INLINE_DOCNO.match(rows.texts[i].strip())
    if m and P.ends_with_kind(m.group(1)):
        rows.docno[i] = P.docno_line(m.group(2))
        if rows.docno[i]:
            rows.inline_title[i] = m.group(1).strip()


def _mark_two_row_shapes(rows: _Rows, later: _LaterRows) -> None:
    """Shapes read off two rows: a promulgation number printed over two, a signature's date."""
    cs, docno, code = rows.c, rows.docno, rows.code
    # 宁波市人民政府令 / 第260号 · 交通运输部令 / 2023年第8号 · 某常委会公告 / 第十五号 on two lines
    # (第十五号) in brackets too
    for i in later.decrees:
        if cs[i].endswith(("令", "公告")) and i + 1 < len(cs) and P.DECREE_SEQ_LINE.fullmatch(
                seq := cs[i + 1].strip("（()）")):
            # 某某常委会 / 公　　告 / 〔十四届〕第二十一号: the organ on the row above the bare word
            organ = cs[i - 1] if i > 0 and cs[i] in ("令", "公告") and P.is_organ(cs[i - 1]) else ""
            docno[i] = P.normalise_docno(organ + cs[i] + seq)
            code[i + 1] = True
            rows._titleish[i] = rows._titleish[i + 1] = 0  # a 文号 row, a code row
    closing = rows.closing
    for i in later.dated:
        closing[i] = _is_closing_date(rows, i)
    k = closing.find(1)  # the rows after a closing date (few): each one's next row
    while 0 <= k < len(cs) - 1:
        if _PUBLICITY.fullmatch(cs[k + 1]):
            code[k + 1] = False  # （此件公开发布） after a signature date ends that document, not a header code
        k = closing.find(1, k + 1)


def _drop_colophon(nos: array, texts: list[str], cs: list[str], noise_nos: array, noise_texts: list[str]) -> None:
    """An issue's back matter at the end of the file (a rule, then 主办：/编辑：/地址： lines; or, without
    a rule, lines one of which names the issue: 本刊地址：, 内部资料, （本辑完）) is no document's text:
    like the cover, it is left out with the page furniture."""
    k = len(cs)
    while k > 0 and P.COLOPHON_LINE.match(cs[k - 1]):
        k -= 1
    if k <= 1:
        return  # nothing but back matter
    if P.RULE_LINE.match(cs[k - 1]):
        k -= 1
    elif not any(P.ISSUE_COLOPHON.match(c) for c in cs[k:]):
        return  # no rule above them and none names the issue: a document's own 地址：/电话： lines
    furniture = sorted(zip(list(noise_nos) + list(nos[k:]), noise_texts + texts[k:]))
    noise_nos[:] = array("i", (no for no, _ in furniture))
    noise_texts[:] = [t for _, t in furniture]
    del nos[k:], texts[k:], cs[k:]


def _mark_toc(rows: _Rows, spaced_labels: list[int], page_ends: list[int]) -> None:
    """Mark the contents pages' rows (toc). page_ends: the rows ending in a digit, or a digit and
    a bracket (every page reference pattern ends so: a \\d before an optional bracket)."""
    c, texts = rows.c, rows.texts
    refs = [i for i in page_ends if _toc_page_ref(c[i]) or P.TOC_TAB_PAGE_REF.search(texts[i])]
    # 某某解释（215）: a title with its page number glued on, when another such entry is near
    glued = [i for i in page_ends
             if c[i][-1] in ")）" and (m := P.TOC_GLUED_PAGE_REF.match(c[i])) and P.ends_with_kind(m.group(1))]
    near = {i for a, b in zip(glued, glued[1:]) if b - a <= TOC_GLUED_REACH for i in (a, b)}
    if near:
        refs = sorted(set(refs) | near)
    groups: list[list[int]] = []
    for i in refs:
        if groups and i - groups[-1][-1] <= 6:
            groups[-1].append(i)
        else:
            groups.append([i])
    spans: list[tuple[int, int]] = []
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
            rows.mark_toc(j)
        spans.append((start, end))
    _mark_section_labels(rows, spans, spaced_labels)


SECTION_LABEL_MAX = 8
"""A section label of a collection (法　　律, 地方政府规章, 司法解释) is at most this long."""


_SPACED_LABEL = re.compile(rf"^[{P.CJK}](?:(?:[ \u3000]{{2,}}|\u3000)[{P.CJK}]){{1,3}}$")
"""法　　律, 规　　章: a short label printed with wide spaces between its characters."""
_NOT_LABEL = ("目录", "目次", "附件", "附录", "附表", "总则", "附则", "分则")


def _mark_section_labels(rows: _Rows, spans: list[tuple[int, int]], spaced: list[int]) -> None:
    """The short lines of a contents page that are no entry (no page number) are section
    labels, and so is a short line printed with wide spaces (法　　律) that is no 文种 word
    (公　　告 is a title): printed in the body, they head a section, not a document, and are
    never a title's first line (法律 + 中华人民共和国某某法)."""
    labels = {c for i in spaced if (c := rows.c[i]) not in _NOT_LABEL and not P.title_kind(c)}
    for start, end in spans:
        for j in range(start, end):
            c = rows.c[j]
            if rows.toc[j] and 2 <= len(c) <= SECTION_LABEL_MAX and c not in ("目录", "目次") \
                    and c[-1] not in ")）0123456789" and not _toc_page_ref(c):
                labels.add(c)
    if labels:
        rows.labels = labels
        for i, c in enumerate(rows.c):
            if c in labels:
                rows._titleish[i] = 0


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
        if span == 2 and (rows.complete(i) and len(rows.c[i]) < 0.8 * rows.width) and not _list_runs_on(c):
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


def _list_runs_on(c: str) -> bool:
    """各设区市、县自然资源主管部门，省地质 / 灾害防治中心，…：: a 主送 list whose row ends inside a
    name (its last item no addressee word) goes on to the next row, however short the row."""
    cut = max(c.rfind("，"), c.rfind("、"))
    return cut > 0 and _ADDRESSEE_PART.search(c[cut + 1:]) is None


ADOPTION_NOTE_MAX_ROWS = 8
"""A note that lists its amendments (通过　根据…《关于修改〈…〉的决定》第一次修正　根据…第二次修正)
runs over six rows of a narrow page; past three rows, no row of it ends a sentence."""


def _adoption_span(rows: _Rows, i: int) -> int:
    """Rows of an adoption note “（2024年7月31日…会议通过）” or a bare “（2024年7月31日）”."""
    c = rows.c[i]
    if not c.startswith(("（", "(")):
        return 1 if c[-1] in "过准" and P.BARE_ADOPTION_NOTE.match(c) else 0  # printed without brackets
    if not P.DATE_RE.match(c[1:]) and not P.CN_DATE_RE.match(c[1:]):
        return 0
    text = ""
    for span in range(1, ADOPTION_NOTE_MAX_ROWS + 1):
        if i + span > len(rows.c) or (span > 3 and "。" in rows.c[i + span - 1]):
            break
        text += rows.c[i + span - 1]
        if text.endswith(("）", ")")):
            return span
    return 0


def _is_closing_date(rows: _Rows, i: int) -> bool:
    if not rows.date[i]:
        c = rows.c[i]
        return c[-1] == "日" and len(c) <= 50 and P.signed_date_line(rows.texts[i]) is not None
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
        if _ends_title("".join(rows.c[x] for x in run)):
            break
    else:
        return []
    while len(run) < 6:
        first = run[0]
        cand = first - 1
        if cand < 0 or cand in taken or not rows.titleish(cand):
            break
        fc = rows.c[first]
        if P.ends_with_kind(rows.c[cand]) and rows.c[cand][-1] not in "》”" and not P.ends_title_only(fc):
            break  # a title of its own (the 文种 inside 《…》 does not end one, nor one the row below ends)
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


_ABOUT_TITLE = re.compile(rf"^[^，。；：]{{0,30}}?(?:关于|關於)[^，。；：]{{2,60}}的[{P.CJK}]{{2,3}}$")
"""关于…的解答 next to a 文号: a title by its shape, whatever its 文种 word."""


def _ends_title(text: str) -> bool:
    """Do these rows, printed next to a 文号, end a title (a 文种 word, or the 关于…的X shape)?"""
    return P.ends_with_kind(text) or _ABOUT_TITLE.match(text) is not None


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
        text = "".join(rows.c[x] for x in run)
        if _ends_title(text):
            nxt = j + 1
            if nxt < len(rows.c) and nxt not in taken and _title_piece(rows, nxt) and (
                    # …的实施意 / 见: the 关于…的X shape held a 文种 word cut by the page
                    (len(rows.c[nxt]) <= 2 and not P.ends_with_kind(text) and P.ends_with_kind(text + rows.c[nxt]))
                    # …关于印发某某行动方案 / （2026—2028年）的通知: a row that only ends a title
                    or P.ends_title_only(rows.c[nxt])):
                run.append(nxt)
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
    if _speech_date_span(rows, j):
        return True  # ——2024年3月5日在某会议上: a report or speech
    if kind in ("决议", "决定") and _SESSION_OPENING.match(c):
        return True  # 某某第N次会议听取/审查了…: a resolution opens with the session that makes it
    head = rows.head[j]
    return bool(head and head[1] == 1 and head[0] in ("cn", "chapter", "article"))


def _speech_date_span(rows: _Rows, j: int) -> int:
    """Rows of the date line under a report's title: ——2024年3月5日在某会议上 on one row, or wrapped
    over two (——2025年1月14日在某市第十届人民代表大会第五 / 次会议上); 0 when row j opens none."""
    c = rows.c[j]
    if P.speech_date(c):
        return 1
    if c[:1] in "—-－" and j + 1 < len(rows.c) and P.speech_date(c + rows.c[j + 1]):
        return 2
    return 0


_SESSION_OPENING = re.compile(r"^[^。，；]{0,40}?(?:第[一二三四五六七八九十百\d]+次(?:全体)?会议|常委会|常务委员会"
                              r"|人民代表大会)(?:听取|审议|审查|决定|认为|同意|批准)")


TOC_PAGE_REF_REACH = 9
"""The longest shortest match of P.TOC_PAGE_REF: three leader dots, a bracket, four digits, a bracket."""


def _toc_page_ref(c: str) -> bool:
    """Does compact row c end in a contents entry's page reference (P.TOC_PAGE_REF)? Searched from
    TOC_PAGE_REF_REACH characters before the end: a longer match ends in one that starts there,
    and a search from the start tries every position of a long row."""
    return P.TOC_PAGE_REF.search(c, max(0, len(c) - TOC_PAGE_REF_REACH)) is not None


def _cut_toc_leader(c: str) -> str:
    """某某决定……（237） → 某某决定 (a string operation: a regex over the leader run backtracks)."""
    m = P.TOC_PAGE_TAIL.search(c, max(0, len(c) - 6))
    return c[:m.start()].rstrip(P.TOC_LEADER_CHARS) if m else c


def _toc_entries(rows: _Rows) -> set[str]:
    """The titles a contents page lists (leaders and page numbers cut; an entry wrapped over
    rows joined): a title standing alone that a contents entry names is a document."""
    entries: set[str] = set()
    pending = ""
    last = -1
    for i in compress(range(len(rows.c)), rows.toc):
        if i != last + 1:
            pending = ""  # a row between: a new entry
        last = i
        c = rows.c[i]
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
    if c[-1] in _PARAGRAPH_END or rows.date[p] or rows.toc[p]:
        return True
    if rows.gap[p]:
        return True
    if len(c) <= 40 and ("：" in c or ":" in c) and P.LABEL_LINE.match(c):  # (the cheap test first)
        return True  # a label line: 电话：0574-…, 联系人：某某
    return len(c) < SHORT_ROW_SHARE * rows.width and not rows.titleish(p)


_CARRIES = re.compile(r"印发|转发|现予|发布|公布|颁布|印發|轉發|現予|發布|頒布")


def _carried_names(rows: _Rows, start: int, end: int) -> list[str]:
    """《X》 named by a 印发/现予公布 sentence in rows start..end-1 (at most 40 rows looked at)."""
    names: list[str] = []
    listing = False
    for i in range(start, min(end, start + 40)):
        c = rows.c[i]
        if "《" in c:
            said = c
            for k in range(i + 1, min(end, i + 3)):  # the sentence may wrap: 《X》已经…市人民政府 / 第31次…现予公布
                if (_CARRIES.search(said) and said.count("《") <= said.count("》")) or "。" in said:
                    break  # said and the name closed (现公布《某某 / 条例》 is cut in the name)
                said += rows.c[k]
            if _CARRIES.search(said):
                names.extend(re.findall(r"《([^》]+)》", said))
        m = _ATTACHMENT_LIST.match(c) if c[0] == "附" else None
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


DEADLINE_EVERY_ROWS = 0x3F
"""Row loops look at the parse deadline once per 64 rows (a check costs a clock read)."""


def _find_headers(rows: _Rows) -> list[_Header]:
    """The headers of the file in row order (module doc, step 2), found in passes:

    1. _docno_headers: each 文号 line with its title (above or below it) and codes;
    2. _StandaloneTitles: titles without a 文号 that what follows confirms;
    3. _table_caption_headers: statistics tables under their own caption;
    then headers that are not documents are dropped (_drop_carried_titles: what the header
    before carries; _drop_contents_runs: contents entries without page numbers), and the
    byline, adoption note and date lines right under each title join it (_take_lines_under_titles).
    `taken` holds the rows some header already owns: no row is in two headers.
    """
    taken: set[int] = set()
    headers = _docno_headers(rows, taken)
    front_end = min((h.start for h in headers), default=0)  # cover and contents before the first 文号
    headers += _StandaloneTitles(rows, taken, front_end).headers()
    headers += _table_caption_headers(rows, taken)
    headers.sort(key=lambda h: h.start)
    headers = _drop_carried_titles(rows, headers)
    headers = _drop_contents_runs(rows, headers, taken)
    _take_lines_under_titles(rows, headers, taken)
    for h in headers:  # a section label printed right above a document heads it, not the one before
        k = h.start - 1
        if k >= 0 and k not in taken and not rows.toc[k] and h.title_rows and (
                rows.c[k] in rows.labels or _NUMBERED_SECTION.match(rows.c[k]) and (k == 0 or rows.complete(k - 1))):
            h.rows.append(k)
            taken.add(k)
    return headers


_NUMBERED_SECTION = re.compile(
    rf"^(?:[一二三四五六七八九十]{{1,3}}、|第[一二三四五六七八九十]{{1,3}}部分)[{P.CJK}]{{2,8}}$")
"""二、行政法规, 第三部分规章: a collection's numbered section label. Right above a document's
title (after a finished paragraph) it heads that document's section: no line of the document
before it (a heading there would head text of its own, not a title)."""


# ---- pass 1: 文号 lines
ORGANS_ABOVE_FORWARD_TITLE = 4
"""A 文号 whose title is printed under it: up to this many organ/code rows above it are its masthead."""


def _docno_headers(rows: _Rows, taken: set[int]) -> list[_Header]:
    headers: list[_Header] = []
    seen: set[str] = set()
    for i in compress(range(len(rows.c)), rows.docno):  # the 文号 rows
        if rows.toc[i] or i in taken:
            continue
        deadline.check()
        h = _docno_header(rows, i, taken)
        if not h.title_rows and rows.docno[i] in seen:
            continue  # 某某〔2024〕41号 again at a page top, no title at it: a running header, body text
        seen.add(rows.docno[i])
        headers.append(h)
        taken.update(h.rows)
    return headers


def _codes_up(rows: _Rows, j: int, taken: set[int]) -> list[int]:
    """The code rows (规范性文件统一编号, 特急, 秘密★…) ending at row j, going up."""
    found: list[int] = []
    while j >= 0 and rows.code[j] and j not in taken:
        found.append(j)
        j -= 1
    return found


def _codes_down(rows: _Rows, k: int) -> list[int]:
    """The code rows starting at row k, going down."""
    found: list[int] = []
    while k < len(rows.c) and rows.code[k]:
        found.append(k)
        k += 1
    return found


def _docno_header(rows: _Rows, i: int, taken: set[int]) -> _Header:
    """The header around the 文号 at row i: its title above it (else below it) and the codes."""
    if i in rows.inline_title:
        return _Header([i], [i], rows.docno[i])  # 某某的通知    甬政发〔2022〕21号 on one row
    codes_before = _codes_up(rows, i - 1, taken)
    j = i - 1 - len(codes_before)  # the row above the 文号 and its codes
    title = _title_back(rows, j, taken)
    if title and not _promulgated_title_fits(rows, i, title):
        title = []
    if title:
        codes_before += _codes_up(rows, title[0] - 1, taken)  # codes printed above the title belong here too
    codes_after = _codes_down(rows, i + 1)
    if not title and _announcement_line(rows, i) and rows.c[i].endswith("公告"):
        title = [i]  # 某某常委会公告 / 第十二号: the 公告 is titled by its own line
        if rows.c[i] == "公告" and i > 0 and i - 1 not in taken and P.is_organ(rows.c[i - 1]):
            title = [i - 1, i]  # 某某常委会 / 公　　告: the organ printed over the word
    if not title:
        title = _title_forward(rows, i + 1 + len(codes_after), taken)
        if title:
            codes_before += _organs_up(rows, j, taken)
            codes_after += _codes_down(rows, title[-1] + 1)
    if not title and (note := _note_ending_at(rows, j, taken)):
        title = _title_back(rows, note[0] - 1, taken)  # 某某规定 / （…会议通过） / 法释〔2025〕4号
        if title:
            codes_before += note
    return _Header(sorted([i, *title, *codes_before, *codes_after]), title, rows.docno[i])


def _note_ending_at(rows: _Rows, j: int, taken: set[int]) -> list[int]:
    """The rows of an adoption note （…会议通过，自…起施行） that ends at row j, [] when none does."""
    for span in range(1, ADOPTION_NOTE_MAX_ROWS + 1):
        a = j - span + 1
        if a < 1 or a in taken:
            break
        if _adoption_span(rows, a) == span:
            return list(range(a, j + 1))
    return []


def _announcement_line(rows: _Rows, i: int) -> bool:
    """Is row i a 公告's own line: 某某常委会公告 with its number under it (（第十二号）), or
    某某常委会公告　第十二号 on one line (an organ's 公告, not a title 关于…的公告)?"""
    decree = P.promulgation_number(rows.docno[i])
    if not decree or decree["what"] != "公告":
        return False
    return rows.c[i].endswith("公告") or P.is_organ(decree["org"])


def _announces(rows: _Rows, h: _Header) -> bool:
    """Is h a 公告 titled by its own line (no 关于…的公告 title of its own above its number)?"""
    return h.docno is not None and any(
        _announcement_line(rows, r) and (set(h.title_rows) <= {r} or h.title_rows == [r - 1, r] and rows.c[r] == "公告"
                                         and P.is_organ(rows.c[r - 1]))
        for r in h.rows if rows.docno[r])


def _promulgated_title_fits(rows: _Rows, i: int, title: list[int]) -> bool:
    """A 令/公告 is what it promulgates: a title-like line above it (the end of a contents page)
    is its title only when it is that name (国务院关于修改…的决定 / 国务院令第N号)."""
    if not P.promulgation_number(rows.docno[i]):
        return True
    later = range(i + 1, min(len(rows.c), i + 5))
    named = next((x for x in (P.promulgated_name(rows.c[r]) for r in later) if x), None)
    return not named or _same_name("".join(rows.c[x] for x in title), named)


def _organs_up(rows: _Rows, j: int, taken: set[int]) -> list[int]:
    """Organ names and codes ending at row j: the masthead above a 文号 whose title is below it."""
    found: list[int] = []
    m = j
    while m >= 0 and m not in taken and (P.is_organ(rows.c[m]) or rows.code[m]) and j - m < ORGANS_ABOVE_FORWARD_TITLE:
        found.append(m)
        m -= 1
    return found


# ---- pass 2: titles standing alone
STANDALONE_TITLE_MAX_ROWS = 6
"""A title without a 文号 is printed over at most this many rows."""


_CHRONICLE_OR_CONTENTS_END = "".join(sorted(
    {k[-1] for k in P.KINDS if P.KIND_NORMAL.get(k, k) in ("记事", "目录")} | set(")）》”")))
"""The last characters of a title whose 文种 is 记事 or 目录 (its word, or a bracket or quote after it)."""


class _StandaloneTitles:
    """Titles standing alone (人大 gazettes, 纪要, 记事 …), confirmed by what follows them."""

    def __init__(self, rows: _Rows, taken: set[int], front_end: int):
        self.rows, self.taken, self.front_end = rows, taken, front_end
        self.front_titles = _FrontTitles(rows.c, front_end)
        self.toc_entries = _toc_entries(rows)

    def headers(self) -> list[_Header]:
        headers: list[_Header] = []
        after = 0  # the row after the last title found
        for steps, s in enumerate(self.rows.maybe_titleish()):  # (a title starts title-like)
            if not steps & DEADLINE_EVERY_ROWS:
                deadline.check()
            found = self.title_at(s) if s >= after and self.may_start(s) else []
            if found:
                headers.append(_Header(list(found), list(found), None))
                self.taken.update(found)
                after = found[-1] + 1
        return headers

    def may_start(self, s: int) -> bool:
        """Can a title start at row s (title-like, not an attachment's, at a paragraph start)?"""
        rows = self.rows
        if s in self.taken or not rows.titleish(s):  # (a contents row is no title: mark_toc)
            return False
        c = rows.c[s]
        if s > 0 and rows.c[s - 1][0] == "附" and _ATTACHMENT_LABEL.match(rows.c[s - 1]):
            return False  # the title of an attachment (附件2 / 某某表, 附录 / 某某目录) belongs to its document
        if _paragraph_end_before(rows, s):
            return True
        # 记事/目录 headings may follow text without a paragraph end
        return len(c) <= 30 and c[-1] in _CHRONICLE_OR_CONTENTS_END and "，" not in c and "》" not in c \
            and P.title_kind(c) in ("记事", "目录")

    def title_at(self, s: int) -> list[int]:
        """The rows of a confirmed title starting at row s, [] when there is none."""
        rows = self.rows
        for span, last, text in self._spans(s):
            lc = rows.c[last]
            if span > 1 and P.is_speaker(lc) and not P.ends_with_kind(lc):
                break
            kind = P.title_kind(text)
            if lc in ("目录", "目次"):
                break  # a bare 目 录 heading opens a table of contents, not a document
            if kind and self.confirmed(s, span, text, kind):
                if text.endswith("》"):
                    return self.longer(s, span) or list(range(s, last + 1))
                return list(range(s, last + 1))
            if not kind and span <= 3 and len(text) >= 5 and "，" not in text and last + 1 < len(rows.c) \
                    and P.speech_date(rows.c[last + 1]):
                # a report titled by its subject (当前的经济形势和…方针), its date line under it
                return list(range(s, last + 1))
        return []

    def longer(self, s: int, span: int) -> list[int]:
        """关于修改《某某条例》 / 等三件地方性法规的决定: a row ending in a 文种 inside 《…》 whose
        title goes on (the rows below end one with its own 文种, confirmed): those rows, else []."""
        for longer, last, text in self._spans(s, span + 1):
            kind = P.title_kind(text)
            if kind and not text.endswith("》") and self.confirmed(s, longer, text, kind):
                return list(range(s, last + 1))
        return []

    def _spans(self, s: int, first: int = 1) -> Iterator[tuple[int, int, str]]:
        """(span, last row, text of rows s … last) from span `first` on, while the rows may go on
        a title (title-like, not taken, at most STANDALONE_TITLE_MAX_ROWS): what title_at and
        longer walk."""
        rows = self.rows
        text = "".join(rows.c[s:s + first - 1])
        for span in range(first, STANDALONE_TITLE_MAX_ROWS + 1):
            last = s + span - 1
            if last >= len(rows.c) or last in self.taken or not rows.titleish(last):
                return
            text += rows.c[last]
            yield span, last, text

    def confirmed(self, s: int, span: int, text: str, kind: str) -> bool:
        """Is the title text (rows s … s+span-1, of 文种 kind) a document's?"""
        if kind == "公报" or "公报" in text or len(text) < 5 or text.count("《") > text.count("》"):
            return False
        return (_confirms_title(self.rows, s + span, kind)
                or (s == 0 and span <= 3 and kind != "目录")  # the file opens with it
                or (s >= self.front_end and len(text) >= 10 and text in self.front_titles)  # listed in the contents
                or (len(text) >= 8 and text in self.toc_entries)
                or (kind == "纪要" and "会议纪要" in text and not P.starts_about(text)))


# ---- pass 3: statistics tables
TABLE_CAPTION_REACH = 15
"""Rows under a table caption looked at for numeric rows."""
TABLE_CAPTION_MIN_NUMERIC_ROWS = 3
"""Numeric rows (two numbers or more) under a caption that make it a table of its own."""


def _table_caption_headers(rows: _Rows, taken: set[int]) -> list[_Header]:
    """A statistics table under its own caption (主要经济指标完成情况) is an item of its own."""
    n = len(rows.c)
    headers: list[_Header] = []
    for s in rows.maybe_titleish():
        if s >= n - 3:
            break
        c = rows.c[s]
        if not c.endswith(_TABLE_CAPTION_ENDS) or s in taken or not _PERIOD.search(c):  # (s: title-like)
            continue
        below = range(s + 1, min(n, s + 1 + TABLE_CAPTION_REACH))
        numeric = sum(1 for j in below if len(_NUMBER.findall(rows.texts[j])) >= 2)
        if numeric >= TABLE_CAPTION_MIN_NUMERIC_ROWS:
            headers.append(_Header([s], [s], None))
            taken.add(s)
    return headers


# ---- headers that are not documents
def _drop_carried_titles(rows: _Rows, headers: list[_Header]) -> list[_Header]:
    """Headers without those of documents that the header kept before them carries."""
    kept: list[_Header] = []
    for h in headers:
        if not kept or not _carried_by(rows, kept[-1], h):
            kept.append(h)
    return kept


def _carried_by(rows: _Rows, prev: _Header, h: _Header) -> bool:
    """Is h's title a document that the document headed by prev issues, forwards or promulgates?"""
    title_text = "".join(rows.c[x] for x in h.title_rows)
    if h.docno is not None:
        # a forwarded or issued document printed with its own 文号 under the notice
        return bool(h.title_rows) and any(
            _same_name(title_text, q) for q in _carried_names(rows, prev.end + 1, h.start))
    strong = _strongly_confirmed(rows, h)
    prev_title = "".join(rows.c[x] for x in prev.title_rows)
    quoted = _carried_names(rows, prev.end + 1, h.start)
    promulgates = bool(P.promulgation_number(prev.docno)) or bool(_CARRIES.search(prev_title))
    first = rows.c[h.title_rows[0]]
    if _announces(rows, prev):
        return False  # a 公告 is signed and complete: the law it announces, printed under it, is a document
    if (not strong or promulgates) and any(_same_name(title_text, q) or _same_name(first, q) for q in quoted):
        # what a 令/公告 promulgates or a notice issues, printed under it with its own
        # adoption note or 主送: the carried document, not a new one
        return True
    if strong or not promulgates:
        return False
    # the attachment a 印发 notice names, printed as a title under it
    return names_attachment(title_text, prev_title) or (
        P.ends_with_kind(first) and not P.starts_about(first) and names_attachment(first, prev_title))


CONTENTS_RUN_MIN = 2
"""This many headers in a row with no text between them are the entries of a table of contents."""


def _drop_contents_runs(rows: _Rows, headers: list[_Header], taken: set[int]) -> list[_Header]:
    """Contents without page numbers: headers with nothing between them and the next header,
    CONTENTS_RUN_MIN or more in a row, are contents entries (their rows become contents rows)."""
    bodyless = [i + 1 < len(headers) and headers[i + 1].start <= headers[i].end + 1 for i in range(len(headers))]
    drop: set[int] = set()
    i = 0
    while i < len(headers):
        if not bodyless[i]:
            i += 1
            continue
        j = i
        while j < len(headers) and bodyless[j]:
            j += 1
        if j - i >= CONTENTS_RUN_MIN:
            drop.update(range(i, j))
            for h in headers[i:j]:
                for x in h.rows:
                    rows.mark_toc(x)
                    taken.discard(x)
        i = j
    return [h for k, h in enumerate(headers) if k not in drop]


# ---- lines that belong under a title
BYLINE_MAX_CHARS = 30
"""A byline (国务院总理 李强) is at most this long."""


def _take_lines_under_titles(rows: _Rows, headers: list[_Header], taken: set[int]) -> None:
    """Byline, adoption note and dates printed right under a title join its header."""
    n = len(rows.c)
    for h in headers:
        k = h.end + 1
        while k < n and k not in taken and _take_line_under(rows, h, k):
            taken.update(h.rows)
            k = max(h.rows) + 1


def _take_line_under(rows: _Rows, h: _Header, k: int) -> bool:
    """Add row k (and the rows of its note) to h when it is a byline, adoption note, speech date,
    or an organ and its date on one line (no body comes before a signature: it is the header's)."""
    c = rows.c[k]
    if P.is_speaker(c) and not P.ends_with_kind(c) and len(c) <= BYLINE_MAX_CHARS and not (
            k + 1 < len(rows.c) and (rows.date[k + 1] or _organ_continues(c, rows.c[k + 1]))):
        h.rows.append(k)
    elif (span := _adoption_span(rows, k)):
        h.rows.extend(range(k, k + span))
    elif (span := _speech_date_span(rows, k)):
        h.rows.extend(range(k, k + span))
    elif h.docno is None and len(c) <= 12 and P.BARE_DOCNO.fullmatch(c):
        h.rows.append(k)  # 〔2024〕3号 under a 纪要's title: its number
    elif rows.closing[k] and not rows.date[k] and P.signed_date_line(rows.texts[k]):
        h.rows.append(k)  # 某某办公室　2024年2月27日 right under a 纪要's title and number: its issuer and date
    else:
        return False
    return True


# ---------------------------------------------------------------- documents
class _Doc:
    """A document being assembled: its rows (in reading order) and what they told so far."""

    __slots__ = ("rows", "header", "closed", "last_body", "marks", "last_family",
                 "carrier", "title", "docno", "recent", "names",
                 "_recent_at", "_keys", "_keys_at", "_blob", "last_row", "attach_at", "awaiting_attachment",
                 "contents_open")

    def __init__(self, first_row: int, header: _Header | None = None):
        self.rows: Sequence[int] = array("i")  # 4 bytes a row, not an int object
        self.header = header
        self.closed = False  # signed: takes only its attachment now
        self.last_body: int | None = None
        self.marks: dict[str, int] = {}  # heading family → the last number read
        self.last_family: str | None = None
        self.carrier = False  # issues, forwards or promulgates another document
        self.title = ""
        self.docno: str | None = header.docno if header else None
        self.recent: set[int] = set()  # character pairs of its title and latest lines (recent_grams)
        self.names: list[str] = []
        self._recent_at = -1
        self._keys: list[tuple[str, str]] = []
        self._keys_at = -1
        self._blob = ""
        self.last_row = first_row
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


# ---- how well a block of rows continues a document: the points, and why
# Numbering (（十八）→（十九）, 第五章 → 第六章): _numbering_score.
NUMBER_NEXT = 4.0
"""The next number of the document's own numbering: the strongest sign of continuation."""
NUMBER_FIRST_UNDER_PARENT = 1.0
"""A family's first number right after a higher-level heading (一、 then （一）) in a document
that has not used the family yet."""
NUMBER_FIRST_FRESH = 0.0
"""A family's first number in a document without a higher heading just before: neutral."""
NUMBER_STARTS_MID = -1.5
"""A family the document never used, starting past 1: it began in another document."""
NUMBER_RESTART_UNDER_PARENT = 2.0
"""A family starting over at 1 under a new higher-level heading (the next chapter's 第一条)."""
NUMBER_GOES_BACK = -3.0
"""A number the document has passed already: another document's numbering."""
NUMBER_SKIPS = -1.0
"""A number further on than the next one: a gap, weakly against."""

# Placing a block (_Splitter.base_score, topic_score): sums of these; the best candidate takes it.
STAY_WITH_CURRENT = 1.5
"""The document being read takes the block unless another continues clearly better."""
SWITCH_BASE = -1.0
"""Going back to an earlier document needs evidence …"""
SWITCH_GAP_ROWS = 80.0
"""… and costs one more point per this many rows since it last took text (nearer is likelier)."""
HEADER_TAKES_NEXT_BLOCK = 3.0
"""A header with no body yet owns the text printed right under it."""
HEADER_NEXT_BLOCK_REACH = 2
"""Rows between a body-less header and the block for HEADER_TAKES_NEXT_BLOCK."""
ORPHAN_AFTER_SIGNATURE = -5.0
"""Text going on mid-sentence right after a signature and the header printed under it is not
that notice's attachment (which opens with a title, 附件 or a heading): as strong as a signature."""
SIGNED_TAKES_ONLY_ATTACHMENTS = -5.0
"""A signed document takes only attachments: a signature ends a document (GB/T 9704)."""
BROKEN_OFF_RESTARTS = -3.0
"""A heading or a short title after the document broke off mid-sentence: not its continuation."""
SENTENCE_CONTINUES = 3.0
"""The block finishes the sentence the document broke off (，、 start, a closing bracket, or a
character pair the file uses elsewhere)."""
SENTENCE_DOES_NOT_JOIN = -4.0
"""The joining character pair occurs nowhere else in the file: the two pieces do not belong
together, a little more sure than BROKEN_OFF_RESTARTS."""
CONTINUATION_AFTER_END = -3.0
"""A block opening with ，。）… cannot follow a finished paragraph."""
TOPIC_WEIGHT = 4.0
"""Points for a block whose character pairs all occur in the document's latest lines (a share
of them gives that share): what a block is about settles close calls, as much as a numbering."""

# Which documents compete for a block (_Splitter.place).
RECENT_DOCUMENTS = 6
"""Only the latest documents compete: a two-column extraction interleaves few at a time."""
CANDIDATE_REACH_ROWS = 150
"""A document that last took text more than this many rows ago is finished."""
CLOSE_CALL = 4.0
"""Base scores closer than this: the topic (TOPIC_WEIGHT) decides."""
TOPIC_SAMPLE_ROWS, TOPIC_SAMPLE_CHARS = 8, 200
"""What a block is about: the character pairs of its first rows, at most this many characters."""
UPCOMING_REACH_ROWS = 80
"""In a file whose bodies come before their headers, the next header this near is the block's."""
OPENS_UPCOMING_BELOW = -2.5
"""Best score below this: nothing before takes the block (signed, or the sentence does not
continue); it opens the document whose header comes next."""
RESUME_REACH_ROWS = 60
"""A sentence broken off more than this many rows ago is not resumed (_resumes_other)."""


def _numbering_score(doc: _Doc, mark: tuple[str, int]) -> float:
    """How well heading number `mark` (family, n) continues doc's numbering (NUMBER_* above)."""
    family, n = mark
    if doc.contents_open and family == "chapter" and n == 1 and family in doc.marks:
        return NUMBER_NEXT  # the chapters start over after the document's own contents
    last = doc.marks.get(family)
    level = P.HEADING_LEVEL[family]
    parent_recent = doc.last_family is not None and P.HEADING_LEVEL[doc.last_family] < level
    if last is None:
        if n == 1:
            return NUMBER_FIRST_UNDER_PARENT if parent_recent else NUMBER_FIRST_FRESH
        return NUMBER_STARTS_MID
    if n == last + 1:
        return NUMBER_NEXT
    if n == 1 and parent_recent:
        return NUMBER_RESTART_UNDER_PARENT
    if n <= last:
        return NUMBER_GOES_BACK
    return NUMBER_SKIPS


SWITCHING_HEADING_LEVEL = 2
"""Inside a flowing body only a heading of this level or higher (第N章, 第N条, 一、) may switch documents."""
SHORT_ROW_SHARE = 0.6
"""A row shorter than this share of the page width is a title or a paragraph's last line, not a cut one."""


def _pairs(text: str) -> set[int]:
    """The character pairs (bigrams) of text, each as one int: the pair's two UTF-32 code units
    read as one 8-byte number (one pair, one number, so sizes and intersections are those of the
    pairs). Read in C from the encoded text, with no 2-character string made per pair: topic
    scores build such a set for most placed blocks."""
    b = text.encode("utf-32-le", "surrogatepass")
    m = memoryview(b)
    found = set(m[: len(b) // 8 * 8].cast("Q"))  # pairs starting at even positions
    found.update(m[4: 4 + (len(b) - 4) // 8 * 8].cast("Q"))  # and at odd ones
    return found


def _first_mark(rows: _Rows, block: list[int]) -> tuple[str, int] | None:
    """The first heading number in the block."""
    return next((rows.head[i] for i in block if rows.head[i]), None)


class _Splitter:
    def __init__(self, rows: _Rows):
        self.rows = rows
        self.docs: list[_Doc] = []
        self._placed: set[int] = set()  # id() of every doc in self.docs: membership without a scan
        self.owner: list[_Doc | None] = [None] * len(rows.c)
        self.names_read = 0  # bumped whenever a document's carried names grow (recent_names' cache key)
        self._recent_names = ""
        self._recent_names_at = (-1, -1)

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
        names = len(doc.names)
        for i in idx:
            self._read_body_row(doc, rows.head[i], rows.c[i])
        if len(doc.names) != names:
            self.names_read += 1
        doc.last_body = idx[-1]
        doc.closed = rows.closing[idx[-1]]

    @staticmethod
    def _read_body_row(doc: _Doc, h: tuple[str, int] | None, c: str) -> None:
        """Note what a body row tells about its document: numbering, own contents, carried names."""
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
        if not doc.carrier and _may_carry(c) and _CARRIER_SENTENCE.search(c):
            doc.carrier = True

    def recent_names(self) -> str:
        """The name keys of the recent documents (those _attachment_owner asks), in one string: a
        row whose probe it does not hold names no attachment, and the documents are not asked one
        by one (nine rows in ten on the seeds). A document's title is set before it is placed, so
        the string changes only with the documents and their carried names."""
        at = (len(self.docs), self.names_read)
        if at != self._recent_names_at:
            self._recent_names = "\x00".join(doc.blob for doc in self.docs[-RECENT_DOCUMENTS:])
            self._recent_names_at = at
        return self._recent_names

    # -- scoring: how well a block continues a document is base_score (+ topic_score in a close call)
    def topic_score(self, doc: _Doc, grams: set[int]) -> float:
        # the share of the block's character pairs found in what the document is about now
        return TOPIC_WEIGHT * len(grams & self.recent_grams(doc)) / len(grams)

    def base_score(self, doc: _Doc, first: int, default: _Doc | None, mark: tuple[str, int] | None) -> float:
        """How well the block starting at row `first` (first heading number `mark`) continues `doc`
        (default: the document being read): a sum of the named points above, topic left out."""
        s = self._position_score(doc, first, default)
        orphan = self._orphan(first, default)
        if orphan and doc is default:
            s += ORPHAN_AFTER_SIGNATURE
        if doc.closed:
            s += 0.0 if self._attachment_like(doc, first) else SIGNED_TAKES_ONLY_ATTACHMENTS
        if doc.last_body is not None:
            s += self._sentence_score(doc, first, orphan)
        if mark:
            s += _numbering_score(doc, mark)
        return s

    @staticmethod
    def _position_score(doc: _Doc, first: int, default: _Doc | None) -> float:
        if doc is default:
            s = STAY_WITH_CURRENT
            if doc.header is not None and doc.last_body is None and first - doc.last_row <= HEADER_NEXT_BLOCK_REACH:
                s += HEADER_TAKES_NEXT_BLOCK
            return s
        return SWITCH_BASE - (first - doc.last_row) / SWITCH_GAP_ROWS

    def _orphan(self, first: int, default: _Doc | None) -> bool:
        """A signed notice's attachment opens with its title, 附件 or a heading: text going on
        mid-sentence right after the signature and header continues another document."""
        if default is None or not default.awaiting_attachment:
            return False
        rows = self.rows
        return not (rows.head[first] is not None or rows.c[first].startswith(("附件", "附表"))
                    or rows.titleish(first))

    def _attachment_like(self, doc: _Doc, first: int) -> bool:
        """Could the block starting at row `first` be the attachment of the signed doc?"""
        rows = self.rows
        if rows.c[first].startswith(("附件", "附表")):
            return True
        return doc.carrier and (rows.titleish(first) or (rows.head[first] is not None and rows.head[first][1] == 1))

    def _sentence_score(self, doc: _Doc, first: int, orphan: bool) -> float:
        """Does the block finish the sentence doc's last body row left open (or start a new one)?"""
        rows = self.rows
        fc = rows.c[first]
        starts_cont = fc[0] in _CONT_START
        if rows.complete(doc.last_body):
            return CONTINUATION_AFTER_END if starts_cont else 0.0
        lc = rows.c[doc.last_body]
        if rows.head[first] is not None or (
                not starts_cont and rows.titleish(first) and len(fc) < SHORT_ROW_SHARE * rows.width):
            return BROKEN_OFF_RESTARTS
        if starts_cont or _closes_what_opened(lc, fc):
            return SENTENCE_CONTINUES
        return SENTENCE_CONTINUES if orphan or rows.bigram_seen(lc[-1] + fc[0]) else SENTENCE_DOES_NOT_JOIN

    def recent_grams(self, doc: _Doc) -> set[int]:
        """Character pairs of the document's title and its latest lines: what it is about now."""
        if doc._recent_at != len(doc.rows):
            doc.recent = _pairs(doc.title + "".join(self.rows.c[i] for i in doc.rows[-12:])[-300:])
            doc._recent_at = len(doc.rows)
        return doc.recent

    # -- placing
    def place(self, block: list[int], default: _Doc | None, hard: bool,
              upcoming: _Doc | None = None) -> _Doc:
        """Give `block` to the document that continues it best (a new one when none can);
        `hard`: the block starts at a boundary (else only a switching heading may change documents);
        `upcoming`: the document whose header comes next in a body-first file."""
        if not self.docs and upcoming is None:
            return self._give(_Doc(block[0]), block)
        mark = _first_mark(self.rows, block)
        if upcoming is not None and self._restarts_for_upcoming(block, mark, default):
            # 主送/body printed before its header: a numbering that starts over belongs
            # to the document whose header comes next
            return self._give(upcoming, block)
        candidates = self._candidates(block, default, hard, mark)
        if not candidates:
            return self._give(_Doc(block[0]), block)
        best, best_score = self._best(candidates, block, mark, default, upcoming is not None)
        if upcoming is not None and best_score is not None and best_score < OPENS_UPCOMING_BELOW:
            # nothing before takes it (signed, or the sentence does not continue): in a file
            # whose bodies come before their headers, it opens the document whose header is next
            return self._give(upcoming, block)
        if best.closed:  # an attachment re-opens a signed notice; its numbering starts over
            best.marks.clear()
            best.last_family = None
            best.attach_at = len(best.rows)
        self.assign(best, block)
        return best

    def _give(self, doc: _Doc, block: list[int]) -> _Doc:
        self.add(doc)
        self.assign(doc, block)
        return doc

    def _restarts_for_upcoming(self, block: list[int], mark: tuple[str, int] | None, default: _Doc | None) -> bool:
        return bool(mark and mark[1] == 1 and P.HEADING_LEVEL[mark[0]] <= SWITCHING_HEADING_LEVEL
                    and self.rows.head[block[0]] == mark
                    and (default is None or _numbering_score(default, mark) < 0))

    def _candidates(self, block: list[int], default: _Doc | None, hard: bool,
                    mark: tuple[str, int] | None) -> list[_Doc]:
        first = block[0]
        candidates: list[_Doc] = [default] if default is not None else []
        for doc in self.docs[-RECENT_DOCUMENTS:]:
            if doc is default or first - doc.last_row > CANDIDATE_REACH_ROWS:
                continue
            # inside a flowing body only a higher-level heading that the default
            # document cannot take and this one continues may switch documents
            if not hard and not (mark and P.HEADING_LEVEL[mark[0]] <= SWITCHING_HEADING_LEVEL
                                 and _numbering_score(doc, mark) >= NUMBER_NEXT
                                 and (default is None or _numbering_score(default, mark) < 0)):
                continue
            candidates.append(doc)
        return candidates

    def _best(self, candidates: list[_Doc], block: list[int], mark: tuple[str, int] | None,
              default: _Doc | None, want_score: bool) -> tuple[_Doc, float | None]:
        """The best candidate and its score (None: a single candidate and no score wanted)."""
        first = block[0]
        if len(candidates) == 1:
            best = candidates[0]
            return best, self.base_score(best, first, default, mark) if want_score else None
        base = [self.base_score(doc, first, default, mark) for doc in candidates]
        top, second = sorted(base, reverse=True)[:2]
        grams: set[int] | None = None
        if top - second < CLOSE_CALL:  # close: what the block is about decides
            text = "".join(self.rows.c[i] for i in block[:TOPIC_SAMPLE_ROWS])[:TOPIC_SAMPLE_CHARS]
            grams = _pairs(text)
        best, best_score = candidates[0], None
        for doc, sc in zip(candidates, base):
            if grams and sc + TOPIC_WEIGHT >= top:  # (a candidate further behind cannot catch up: not scored)
                sc += self.topic_score(doc, grams)
            if best_score is None or sc > best_score:
                best, best_score = doc, sc
        return best, best_score


_PLACE_PREFIX = re.compile(rf"^(?:[{P.CJK}]{{2,4}}?[省市])?(?:[{P.CJK}]{{2,4}}?[区县])?")


def _title_key(text: str) -> str:
    """A title reduced for containment tests: no brackets, quotes, punctuation or spaces."""
    if text.isalnum():
        return text  # nothing to drop (every _KEY_DROP character is a space, punctuation or symbol)
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


def _attachment_owner(rows: _Rows, i: int, sp: _Splitter) -> tuple[_Doc, int] | None:
    """Rows from i that name a recent document's attachment (or repeat its title): (doc, row count).
    Asked only of title-like rows of 4 to 70 characters (_Assembly.take_row)."""
    c = rows.c[i]
    # the row's key is made only once a name holds its first two characters: when they are
    # letters (no _KEY_DROP character is alphanumeric) the key starts with them, so a name
    # without them cannot hold the key (most rows: no key made at all)
    probe = c[:2]
    first_key: str | None = None
    if not probe.isalnum():
        first_key = probe = rows.key(i)
        if len(first_key) < 2:
            return None
    if probe not in sp.recent_names():
        return None
    organ: bool | None = None  # an organ name is no attachment title; asked only when a name matches
    for doc in reversed(sp.docs[-RECENT_DOCUMENTS:]):
        if not doc.title and not doc.names:
            continue
        if doc._keys_at != len(doc.names):
            doc.name_keys()
        if probe not in doc._blob:
            continue
        if first_key is None:
            first_key = rows.key(i)
        if first_key is not probe and first_key not in doc._blob:
            continue
        if organ is None:
            organ = P.is_organ(c)
        if organ:
            return None
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
    reach = i - RESUME_REACH_ROWS
    for doc in docs[-RECENT_DOCUMENTS:]:
        last = doc.last_body
        if last is None or last < reach or doc is current:
            continue
        if not rows.complete(last):
            before, after = rows.c[last], rows.c[i]
            if rows.bigram_seen(before[-1] + after[0]) or _closes_what_opened(before, after):
                return True
    return False


def split_documents(lines: Sequence[Line]) -> list[Segment]:
    """The documents in a file's cleaned lines, one segment each (module doc: steps 1-5)."""
    rows, noise = _prepare(lines)
    if not rows.lines:
        return [DocSegment(noise)] if noise else []
    plan = _Plan(rows, _find_headers(rows))
    sp = _Splitter(rows)
    _Assembly(rows, sp, plan).run()
    segments = _segments(rows, noise, sp.docs, lines)
    if not segments:  # nothing but a contents page: still one document, never nothing
        segments = [DocSegment(rows.lines[:], context=_file_context(rows))]
    return segments


def _find_openers(rows: _Rows, in_header: dict[int, _Header]) -> list[tuple[int, int]]:
    """(row, row count) of every 主送 line outside headers and contents."""
    openers: list[tuple[int, int]] = []
    after = 0  # the row after the last 主送 found
    # a 主送 line ends in a colon, or the next row does (_is_opener)
    for i in sorted({k for j in rows.colon_ends for k in (j - 1, j) if k >= 0}):
        if i >= after and i not in in_header and not rows.toc[i]:
            span = _is_opener(rows, i)
            if span:
                openers.append((i, span))
                after = i + span
    return openers


class _Plan:
    """Which rows start which document (module doc, step 3), before any body row is placed.

    The file's order is decided from where its 主送 lines stand: right under a header (header
    → 主送 → body; each such 主送 joins its header) or not (body_first: 主送 → body → signature →
    header; each 主送 is paired with the next header). `start_doc` maps the first row of each
    header or 主送 to its document, `owned` each header/主送 row to (document, is body text).
    """

    def __init__(self, rows: _Rows, headers: list[_Header]):
        self.rows = rows
        self.in_header: dict[int, _Header] = {}  # header row → its header
        for h in headers:
            for i in h.rows:
                self.in_header[i] = h
        openers = _find_openers(rows, self.in_header)
        self.body_first = self._bodies_come_first(openers, headers)
        paired: dict[int, _Header] = {}
        if self.body_first:
            paired = self._pair_with_next_headers(openers, headers)
        else:
            self._join_openers_to_headers(openers)
        self.start_doc: dict[int, _Doc] = {}
        self.owned: dict[int, tuple[_Doc, bool]] = {}
        for pos, header, span in self._events(headers, openers, paired):
            self._start(pos, header, span)

    def header_just_before(self, o: int) -> _Header | None:
        """The header printed right above row o (code rows between them skipped)."""
        k = o - 1
        while k >= 0 and self.rows.code[k]:
            k -= 1
        return self.in_header.get(k) if k >= 0 else None

    def _bodies_come_first(self, openers: list[tuple[int, int]], headers: list[_Header]) -> bool:
        after_header = sum(1 for o, _ in openers if self.header_just_before(o) is not None)
        not_after = len(openers) - after_header
        first_header = min((h.start for h in headers), default=len(self.rows.c))
        return not_after > after_header or (not_after == after_header > 0 and openers[0][0] < first_header)

    def _join_openers_to_headers(self, openers: list[tuple[int, int]]) -> None:
        """Header → 主送 order: each 主送 right under a header is part of it (once per header)."""
        claimed: set[int] = set()
        for o, span in openers:
            h = self.header_just_before(o)
            if h is not None and not any(x in claimed for x in h.rows):
                h.rows.extend(range(o, o + span))
                for x in range(o, o + span):
                    self.in_header[x] = h
                claimed.update(h.rows)

    def _pair_with_next_headers(self, openers: list[tuple[int, int]], headers: list[_Header]) -> dict[int, _Header]:
        """Body-first order: each 主送 → the first free header after it and before the next 主送."""
        header_starts = sorted(headers, key=lambda h: h.start)
        n = len(self.rows.c)
        taken_h: set[int] = set()
        paired: dict[int, _Header] = {}
        nh = 0  # the headers before nh start at or before this opener, or are taken: never again
        for idx, (o, _) in enumerate(openers):
            nxt_opener = openers[idx + 1][0] if idx + 1 < len(openers) else n
            while nh < len(header_starts) and (header_starts[nh].start <= o or id(header_starts[nh]) in taken_h):
                nh += 1
            h = header_starts[nh] if nh < len(header_starts) else None
            if h is not None and h.start < nxt_opener:
                taken_h.add(id(h))
                paired[o] = h
        return paired

    def _events(self, headers: list[_Header], openers: list[tuple[int, int]],
                paired: dict[int, _Header]) -> list[tuple[int, _Header | None, int]]:
        """(row, header, 主送 row count) of each document start in row order: a header not
        paired with a 主送 (count 0), or a 主送 that opens a document (with its paired header)."""
        rows = self.rows
        paired_ids = {id(h) for h in paired.values()}
        events: list[tuple[int, _Header | None, int]] = [(h.start, h, 0) for h in headers if id(h) not in paired_ids]
        for o, span in openers:
            if o in self.in_header:
                continue
            if self.body_first or o == 0 or _is_closing_date(rows, o - 1) or (
                    rows.complete(o - 1) and rows.date[o - 1]):
                events.append((o, paired.get(o), span))
        events.sort(key=lambda e: e[0])
        return events

    def _start(self, pos: int, h: _Header | None, span: int) -> None:
        doc = _Doc(pos, h)
        for x in range(pos, pos + span):
            self.owned[x] = (doc, True)  # the 主送 is body text
        if h is not None:
            for x in h.rows:
                self.owned[x] = (doc, False)
        self.start_doc[pos] = doc
        doc.title = "".join(self.rows.c[x] for x in (h.title_rows if h else []))
        doc.carrier = bool(re.search(r"印发|发布|公布|转发|颁布", doc.title))

    def upcoming(self) -> _UpcomingStarts:
        return _UpcomingStarts(self)


class _UpcomingStarts:
    """The document whose header/主送 comes next after a row (asked with rows in increasing order)."""

    def __init__(self, plan: _Plan):
        self.plan = plan
        self.starts = sorted(plan.start_doc)
        self.next = 0

    def after(self, i: int, sp: _Splitter) -> _Doc | None:
        starts = self.starts
        while self.next < len(starts) and starts[self.next] <= i:
            self.next += 1
        if not self.plan.body_first or self.next >= len(starts) or starts[self.next] - i > UPCOMING_REACH_ROWS:
            return None
        doc = self.plan.start_doc[starts[self.next]]
        return None if sp.has(doc) else doc


class _Assembly:
    """Reads the rows in order and gives each to a document (module doc, step 4).

    Header and 主送 rows go to the document they start (plan.owned); the other rows are
    gathered into a block until a boundary (a heading, 附件, a signature, an attachment title,
    a sentence another document resumes), then the block is placed (_Splitter.place).
    `hard`: the block began at a strong boundary; `forced`: the document a 主送 just opened
    takes the next block whatever it is.
    """

    def __init__(self, rows: _Rows, sp: _Splitter, plan: _Plan):
        self.rows, self.sp, self.plan = rows, sp, plan
        self.upcoming = plan.upcoming()
        self.current: _Doc | None = None
        self.block: list[int] = []
        self.hard = True
        self.forced: _Doc | None = None
        self.skip_until = 0  # rows before this were taken as an attachment title

    def run(self) -> None:
        rows, plan = self.rows, self.plan
        for i in range(len(rows.c)):
            if not i & DEADLINE_EVERY_ROWS:
                deadline.check()
            if i in plan.start_doc and i >= self.skip_until:
                self.flush()
                self.sp.add(plan.start_doc[i])
            if i in plan.owned:
                self.take_owned(i, *plan.owned[i])
            elif i >= self.skip_until:
                self.take_row(i)
        self.flush()

    def flush(self) -> None:
        """Place the gathered block."""
        if not self.block:
            return
        if self.forced is not None:
            self.sp.assign(self.forced, self.block)
            self.current = self.forced
        else:
            self.current = self.sp.place(self.block, self.current, self.hard,
                                         self.upcoming.after(self.block[0], self.sp))
        self.block = []
        self.hard = False
        self.forced = None

    def take_owned(self, i: int, doc: _Doc, body: bool) -> None:
        """A header or 主送 row: its document's, and that document is read from here."""
        self.flush()
        self.sp.add(doc)
        self.sp.assign(doc, [i], body=body)
        if not body and doc.closed and doc.carrier:
            # the header printed under a signed notice: what follows is its attachment
            doc.closed = False
            doc.marks.clear()
            doc.last_family = None
            doc.attach_at = len(doc.rows)
            doc.awaiting_attachment = True
        self.current = doc
        self.hard = True
        self.forced = doc if body else None

    def take_row(self, i: int) -> None:
        rows = self.rows
        c = rows.c[i]
        after_closing = i > 0 and rows.closing[i - 1]
        if after_closing and _PUBLICITY.fullmatch(c) and self.sp.owner[i - 1] is not None:
            self.flush()  # （此件公开发布） printed under the date: the end of the signed document
            self.sp.assign(self.sp.owner[i - 1], [i], body=False)
            return
        found = _attachment_owner(rows, i, self.sp) if 4 <= len(c) <= 70 and rows.titleish(i) else None
        head = rows.head[i]
        # (a gathered block means i > 0)
        resumes = bool(head is None and self.block and rows.complete(i - 1) and c[0] not in _CONT_START
                       and _resumes_other(rows, i, self.sp.docs, self.current))
        if found is not None or resumes or head is not None or after_closing or c.startswith(("附件", "附表")):
            hard_here = found is not None or not head or self.hard or resumes
            if after_closing or (i > 0 and not rows.complete(i - 1)):
                hard_here = True
            self.flush()
            self.hard = hard_here
            if found is not None:
                self.take_attachment_title(i, *found)
                return
        self.block.append(i)
        if rows.closing[i]:
            self.flush()

    def take_attachment_title(self, i: int, owner: _Doc, count: int) -> None:
        """Rows i … i+count-1 name owner's attachment (or repeat its title): its attachment starts."""
        rows, sp = self.rows, self.sp
        if owner.closed:
            owner.marks.clear()
            owner.last_family = None
        span = list(range(i, i + count))
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
        self.skip_until = span[-1] + 1
        owner.closed = False
        self.current = owner
        self.hard = True


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
    """A cover, masthead or contents page: not a document (a gazette issue's front matter is
    listed, not read; the documents are what follows it). A collection's 编辑说明/前言 before its
    first document is front matter too, sentences and all (FRONT_MATTER_HEADING)."""
    if doc.header is None and sum(1 for i in doc.rows if rows.toc[i]) * 3 >= len(doc.rows):
        return True
    if doc is not docs[0] or doc.header is not None or len(docs) < 2:
        return False
    for i in doc.rows:  # a cover has no sentence; an 编辑说明 under it is the editors' own
        if P.FRONT_MATTER_HEADING.match(rows.c[i]):
            return True
        if "。" in rows.c[i]:
            return False
    return True


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


def _segments(rows: _Rows, noise: Lines, docs: list[_Doc], lines: Sequence[Line]) -> list[Segment]:
    ctx = _file_context(rows)
    _rehome_front_matter(rows, docs)
    nos, texts = line_columns(lines)
    loose = _loose_lines(rows, noise, docs, nos, texts)
    out: list[Segment] = []
    for doc in docs:
        deadline.check()
        if not doc.rows:
            continue
        if _is_front_matter(rows, doc, docs):
            continue  # a cover, masthead or contents page: its entries are not documents, and neither is it
        out.append(_segment(rows, doc, loose[id(doc)], nos, texts, ctx))
    return out


def _loose_lines(rows: _Rows, noise: Lines, docs: list[_Doc], nos: Sequence[int],
                 texts: list[str]) -> dict[int, list[int]]:
    """id(doc) → the lines (positions in nos/texts) that are no row of a document but go with
    it: blank and leftover lines go with the content line before them, except blank lines
    around a page break (layout, not paragraph breaks), which are left out."""
    # line number → document: a list, not a dict (one entry per line of a million-line file)
    by_no: list[_Doc | None] = [None] * (max(nos, default=0) + 1)
    rn = rows.nos
    for doc in docs:
        for i in doc.rows:
            by_no[rn[i]] = doc
    in_order = all(map(operator.le, nos, islice(nos, 1, None)))  # as clean_lines gives them: no sorted copy
    walk = enumerate(nos) if in_order else ((k, nos[k]) for k in sorted(range(len(nos)), key=nos.__getitem__))
    noise_nos = set(noise.nos)
    extra: dict[int, list[int]] = {id(d): [] for d in docs}
    prev_doc: _Doc | None = None
    pending_blank: list[int] = []
    furniture_gap = False  # page furniture (dropped lines) between the last content line and here
    last_no = 0
    for k, no in walk:
        if no in noise_nos:
            furniture_gap = True
            last_no = no
            continue
        if no > last_no + 1:
            furniture_gap = True
        last_no = no
        d = by_no[no]
        if d is not None:
            if pending_blank and d is prev_doc and not furniture_gap:
                extra[id(d)].extend(pending_blank)
            pending_blank = []
            furniture_gap = False
            prev_doc = d
            continue
        if not texts[k].strip():
            pending_blank.append(k)
        elif prev_doc is not None:
            extra[id(prev_doc)].extend(pending_blank)
            pending_blank = []
            extra[id(prev_doc)].append(k)
        elif docs:
            extra[id(docs[0])].append(k)
    return extra


def _segment(rows: _Rows, doc: _Doc, loose: list[int], nos: Sequence[int], texts: list[str],
             ctx: dict) -> DocSegment:
    """doc's lines: its header rows in source order, then its content rows in the order the
    document was assembled, each followed by the loose lines after it."""
    rn, rt = rows.nos, rows.texts
    header_idx = set(doc.header.rows) if doc.header else set()
    in_header = header_idx.__contains__
    head = sorted(filter(in_header, doc.rows))
    seg_nos, seg_texts = array("i", [rn[i] for i in head]), [rt[i] for i in head]
    body = list(filterfalse(in_header, doc.rows)) if header_idx else doc.rows
    body_nos = list(map(rn.__getitem__, body))
    if loose and all(map(operator.lt, body_nos, islice(body_nos, 1, None))) \
            and all(map(operator.lt, (lo := [nos[k] for k in loose]), islice(lo, 1, None))):
        # rows assembled in source order (most documents) and loose lines in order: each loose
        # line goes after the content line before it: the two are merged by line number
        first_no = body_nos[0] if body_nos else 1 << 62
        cut = bisect.bisect_left(lo, first_no)  # loose lines before the first content line
        seg_nos.extend(lo[:cut])
        seg_texts.extend(texts[k] for k in loose[:cut])
        merged_nos = body_nos + lo[cut:]
        merged_texts = [rt[i] for i in body] + [texts[k] for k in loose[cut:]]
        order = sorted(range(len(merged_nos)), key=merged_nos.__getitem__)  # two runs: one merge
        seg_nos.extend(map(merged_nos.__getitem__, order))
        seg_texts.extend(map(merged_texts.__getitem__, order))
        return _segment_of(rows, doc, head, seg_nos, seg_texts, ctx)
    content_nos = sorted(body_nos)
    after: dict[int, list[int]] = {}
    for k in loose:
        p = bisect.bisect_left(content_nos, nos[k]) - 1
        if p < 0:  # before the first content line
            seg_nos.append(nos[k])
            seg_texts.append(texts[k])
        else:
            after.setdefault(content_nos[p], []).append(k)
    if not after:
        seg_nos.extend(map(rn.__getitem__, body))
        seg_texts.extend(map(rt.__getitem__, body))
    else:
        add_no, add_text = seg_nos.append, seg_texts.append
        for i in body:
            no = rn[i]
            add_no(no)
            add_text(rt[i])
            for k in after.get(no, ()):
                add_no(nos[k])
                add_text(texts[k])
    return _segment_of(rows, doc, head, seg_nos, seg_texts, ctx)


def _segment_of(rows: _Rows, doc: _Doc, head: list[int], seg_nos: array, seg_texts: list[str],
                ctx: dict) -> DocSegment:
    rn, rt = rows.nos, rows.texts
    title_rows = doc.header.title_rows if doc.header else []
    return DocSegment(
        lines=Lines(seg_nos, seg_texts),
        title="\n".join(rows.inline_title.get(i, rt[i].strip()) for i in title_rows),
        doc_number=doc.docno,
        header_lines=[Line(rn[i], rt[i]) for i in head],
        context=dict(ctx),
    )
