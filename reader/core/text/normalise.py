"""Clean source lines and reflow them into reading text.

clean_lines(text) → one Line per source line, numbered as an editor counts them:
only CR, LF and CRLF end a line (NOT str.splitlines, which also splits on form feed,
\x1c–\x1e, NEL and U+2028, and would shift every line number after one). Use
split_source_lines() to map Line.no back to the raw text. Layout noise is removed:

- outer whitespace (incl. U+3000 ideographic space, NBSP, zero-width marks) stripped;
- bidi controls (U+202A–U+202E, U+2066–U+2069) and SUB dropped, other control characters
  shown as control pictures (␇ ␛ ␡), so nothing in a file can reorder or hide text in
  the reading pane, nor send escape sequences to a terminal;
- Kangxi radicals and CJK radical-supplement characters read as the ideographs they stand for
  (⼈⺠政府 → 人民政府: RADICALS);
- full-width digits, Latin letters and ％ folded to ASCII; CJK punctuation
  （）〔〕：， stays as printed (this is NOT a blanket NFKC);
- spaces that PDF extraction puts around numbers in dates and quantities removed
  ("2024 年 7 月 1 日" → "2024年7月1日", "20 22 年 10 月" → "2022年10月", "共 49人" → "共49人", "第 19号" → "第19号"),
  but a space between an organ name and a closing date ("宁波市人民政府 2022年5月17日",
  a signature on one line), between table cells ("2025年指标 2020年底基数") and
  between CJK words ("第一章  总  则", two issuers side by side) stays;
- page numbers ("— 13 —", "- 13 -", "－13－", "第 3 页", a bare number alone between
  blank lines and far from other bare numbers) and running headers are not returned
  at all. A running header is a short line (≤ 60 chars, not ending in punctuation)
  repeated ≥ 3 times that, in at least half of its occurrences, sits right beside a
  page number or carries one on the same line — or that names a gazette issue
  (公报, 第N期 …) and recurs at least 20 lines apart. Salutations, signatures and
  the issuer printed under a header recur too, but are two lines from the number.

reflow(lines) → the reading text of one document: paragraphs separated by "\n".
It measures the document's own layout first (_Layout: page width, whether lines
were wrapped by a page at all, whether blank lines are double spacing or paragraph
breaks) and joins a line to the next only when the break was made by the page
width or a page break — never after sentence-final punctuation, before headings,
around signature/date/文号 lines, table rows and table-of-contents entries.

Invariant (tested): reflow only removes whitespace, and moves a page's footnotes that
interrupt a sentence ("…占比不" / "1" / "注1：…" / page break / "低于50%…") to after the
paragraph they interrupted. With every character of LAYOUT_SPACE deleted, reflow(lines)
equals the concatenation of the lines' texts whenever no footnote moved, and holds the
same characters when one did.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, count, islice

from reader.core.model import Line, Lines, line_columns
from reader.core.text.patterns import (
    BARE_PAGE_NUMBER,
    CJK,
    EDGE_PAGE_NUMBER,
    GAZETTE_WORDS,
    HEADING_FIRST_CHARS,
    HEADING_START,
    PAGE_DASHES,
    PAGE_NUMBER_LINE,
    TITLE_KIND_LAST_CHARS,
    compact,
    has_about,
    is_organ,
    masthead,
    title_kind,
)
from reader.core.text.patterns import LABEL_START as _LABEL
from reader.core.text.patterns import ORGAN_END_CHARS as _ORGAN_END
from reader.core.text.patterns import SIGNATURE_ORGAN_LINE as _ORGAN_LINE
from reader.core.text.patterns import SIGNER_NAME_LINE as _NAME_LINE
from reader.core.text.patterns import STANDALONE_DATE_LINE as _DATE_LINE
from reader.core.text.patterns import STANDALONE_DOCNO_LINE as _DOC_NUMBER_LINE
from reader.core.text.patterns import TABLE_CELL_GAPS as _TABLE_GAPS
from reader.core.text.patterns import TOC_ENTRY_END as _TOC_ENTRY
from reader.core.text.tables import strip_keeping_tabs, strip_layout_markup, table_row_texts

# ── what counts as droppable space ───────────────────────────────────────────

ZERO_WIDTH = "\ufeff\u200b\u200c\u200d\u2060"
LAYOUT_SPACE = re.compile(r"[\s" + ZERO_WIDTH + "]+")
"""Whitespace (Python's str.isspace set) and zero-width marks: what normalising may drop."""

_NEWLINE = re.compile(r"\r\n|\r|\n")
_ODD_BREAKS = re.compile("[\f\v\x1c-\x1f\x85\u2028\u2029]")
# Characters that must not reach a reading text as they are: bidi embedding/override/
# isolate controls reorder what is displayed (a line could show one thing and be searched
# as another) and are dropped; other control characters would vanish in the GUI or act on
# a terminal (ESC sequences in `reader search` output) and become visible "control
# pictures" (␀ ␇ ␛ ␡; C1 controls U+FFFD). SUB, the DOS end-of-file mark, is dropped.
_UNSAFE_CHARS = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_TRANSLATION = {
    **{c: 0x2400 + c for c in (*range(0x00, 0x09), *range(0x0E, 0x1C))},  # not TAB/LF/VT/FF/CR
    0x1A: None,
    0x7F: 0x2421,
    **{c: 0xFFFD for c in range(0x80, 0xA0) if c != 0x85},  # NEL is a line break (_ODD_BREAKS)
    **{c: None for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))},
}

_FULLWIDTH_FOLD = str.maketrans(
    {
        **{chr(0xFF10 + i): chr(0x30 + i) for i in range(10)},  # ０-９
        **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},  # Ａ-Ｚ
        **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},  # ａ-ｚ
        "％": "%",
    }
)

_FULLWIDTH = re.compile("[０-９Ａ-Ｚａ-ｚ％]")

# ── radicals printed for ideographs ──────────────────────────────────────────
# PDF extraction often gives a Kangxi radical (U+2F00–U+2FD5) or a CJK radical-supplement code
# point (U+2E80–U+2EF3) where the page shows the ideograph: fonts map both code points to one
# glyph and the PDF's ToUnicode map names the radical (⼈⺠政府, ⼆〇⼀⼀年九⽉五⽇, 财政部⻔).
# Each is read as the ideograph it stands for, in every format, .txt included. Kangxi radicals by
# NFKC; the supplement has no decomposition, so its table is Unicode's EquivalentUnifiedIdeograph.txt
# for U+2E80–U+2EF3 (Debian package unicode-data; U+2E80 CJK RADICAL REPEAT has no equivalent).
RADICAL_SUPPLEMENT_SOURCE = (
    "⺁⺂⺃⺄⺅⺆⺇⺈⺉⺊⺋⺌⺍⺎⺏⺐⺑⺒⺓⺔⺕⺖⺗⺘⺙⺛⺜⺝⺞⺟⺠⺡⺢⺣⺤⺥⺦⺧"
    "⺨⺩⺪⺫⺬⺭⺮⺯⺰⺱⺲⺳⺴⺵⺶⺷⺸⺹⺺⺻⺼⺽⺾⺿⻀⻁⻂⻃⻄⻅⻆⻇⻈⻉⻊⻋⻌⻍"
    "⻎⻏⻐⻑⻒⻓⻔⻕⻖⻗⻘⻙⻚⻛⻜⻝⻞⻟⻠⻡⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻭⻮⻯⻰⻱⻲⻳"
)
RADICAL_SUPPLEMENT_TARGET = (
    "厂乛乚乙亻冂𠘨刀刂卜㔾小小兀尣尢𡯂巳幺彑𫜹忄心扌攵旡日月歺母民氵氺灬爫爫丬牛"
    "犭王𤴔目示礻𥫗糹纟罓罒㓁冗𦉫羊𦍌𦍋耂肀聿肉𦥑艹艹艹虎衤覀西见角𧢲讠贝𧾷车辶辶"
    "辶邑钅長镸长门𨸏阝雨青韦页风飞食𩙿飠饣𩠐马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀龟"
)
RADICALS = str.maketrans({
    **{chr(cp): unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)},
    **dict(zip(RADICAL_SUPPLEMENT_SOURCE, RADICAL_SUPPLEMENT_TARGET)),
})
"""str.translate table: every radical code point → its ideograph."""
_RADICAL = re.compile("[\u2e81-\u2ef3\u2f00-\u2fd5]")


def radicals_to_ideographs(text: str) -> str:
    """⼈⺠政府 → 人民政府 (see RADICALS)."""
    return text.translate(RADICALS) if _RADICAL.search(text) else text


# ── spaces inside dates and quantities ───────────────────────────────────────

_SPACE = "[ \u3000\u00a0]"
# Measure words and date parts that follow a number in 公文.
_UNITS = (
    "年月日号期届次个人名位家户元角万亿千百项件条款章节篇岁天周时分秒"
    "公米吨台辆套所座批类种倍成亩张份册页部只头起宗笔余多季度栋间层处例床"
    "%‰"
)
_NUMBER = r"\d+(?:[.,，]\d+)*"

# digit, spaces, unit: "2024 年", "1 号", "49 人", "99.81 %"
# (Each pattern here starts with a character, not a lookbehind: the engine skips to it at C speed.)
_SPACE_BEFORE_UNIT = re.compile(rf"{_SPACE}(?<=\d{_SPACE}){_SPACE}*(?=[{_UNITS}])")
# CJK (or closing bracket), spaces, a number that has a unit: "共 49人", "第 19号", "于 2024年"
_SPACE_BEFORE_NUMBER = re.compile(
    rf"({_SPACE}(?<=[{CJK}〕）】，、：；（(]{_SPACE}){_SPACE}*)(?={_NUMBER}{_SPACE}*[{_UNITS}])"
)
# A full date closing the line: after an organ name it is a signature, keep the space.
_DATE_TO_END = re.compile(rf"{_SPACE}*\d{{4}}{_SPACE}*年{_SPACE}*\d{{1,2}}{_SPACE}*月{_SPACE}*\d{{1,2}}{_SPACE}*日$")


# a year cut in two by the layout: "20 22 年 10 月" (a table cell of the 燃气 task list)
_SPLIT_YEAR = re.compile(rf"(19|20)(?<![\d.]\d\d){_SPACE}+(\d{{2}})(?={_SPACE}*年)")


# A space next to a digit: every pattern above needs one (a digit before _SPACE, or a _NUMBER after
# it). Its first item is a plain class, so the engine skips to each space at C speed.
_SPACE_BY_DIGIT = re.compile(rf"{_SPACE}(?:(?<=\d.)|(?=\d))")


def squeeze_number_spaces(text: str) -> str:
    """Remove layout spaces around numbers in dates and quantities (see module doc)."""
    if (" " not in text and "\u3000" not in text and "\u00a0" not in text) or _SPACE_BY_DIGIT.search(text) is None:
        return text  # (no space at all: most lines, told without a call into the engine)
    if "年" in text:
        text = _SPLIT_YEAR.sub(r"\1\2", text)
    text = _SPACE_BEFORE_UNIT.sub("", text)

    def before_number(m: re.Match[str]) -> str:
        start = m.start()
        if text[start - 1] in _ORGAN_END and _DATE_TO_END.match(text, start):
            return m.group(1)  # "宁波市人民政府 2022年5月17日": issuer and date side by side
        return ""

    if _looks_like_spaced_cells(text):
        return text  # table cells: "2025年指标 2020年底基数 2025年指标 2020年底基数"
    return _SPACE_BEFORE_NUMBER.sub(before_number, text)


_SPACED_DATE = re.compile(r"\d年\s+\d{1,2}月|\d月\s+\d{1,2}日")


def _looks_like_spaced_cells(text: str) -> bool:
    """A table row whose cells are separated by single spaces: most cells hold a number."""
    if "，" in text or "。" in text or "；" in text or _SPACED_DATE.search(text):
        return False
    cells = text.split()
    if len(cells) < 3:
        return False
    with_digits = sum(1 for c in cells if any(ch.isdigit() for ch in c))
    return with_digits >= 0.75 * len(cells) and all(len(c) > 1 for c in cells)


_MD_HEADING = re.compile(r"^#{1,6}[ \t\u3000]+(?=\S)|[ \t\u3000]+#+$")
_MD_QUOTE = re.compile(r"^(?:>[ \t\u3000]*)+")


def clean_text(raw: str) -> str:
    """One raw source line → its cleaned text (no page-furniture detection)."""
    return _clean_text(raw, True, True, True, True)


def _clean_text(raw: str, odd: bool, unsafe: bool, fullwidth: bool, radicals: bool) -> str:
    """clean_text; odd, unsafe, fullwidth, radicals False: the file holds no such character
    (asked once per file, not per line: most files hold none)."""
    text = raw.strip()
    if raw.count("\t") >= 2 and text:
        # a table row: tabs at its ends are its empty first and last cells ("\t\t\t…的规定持证
        # 上岗。\t\t\t", a cell wrapped under the row above; "\t违章占压管道数量\t\t"), kept
        text = strip_keeping_tabs(raw)
    if odd and _ODD_BREAKS.search(text):
        # Line/paragraph separators that are not line ends here would split a reading
        # text (Qt, str.splitlines) where the pipeline does not: make them spaces.
        text = _ODD_BREAKS.sub(" ", text)
    if unsafe and _UNSAFE_CHARS.search(text):
        text = text.translate(_UNSAFE_TRANSLATION).strip()
    if text and (text[0] in ZERO_WIDTH or text[-1] in ZERO_WIDTH):
        text = text.strip(ZERO_WIDTH + " \t\u3000\u00a0\f\v")
    if not text:
        return ""
    if not text.isascii():
        if fullwidth and _FULLWIDTH.search(text):
            text = text.translate(_FULLWIDTH_FOLD)
        if radicals:
            text = radicals_to_ideographs(text)
    if "<" in text or "**" in text:
        text = strip_layout_markup(text)  # <p>, <br>, <ol …>, **…**: a converter's layout
    first = text[:1]
    if first == "#":
        text = _MD_HEADING.sub("", text)  # "## 第一章　总则": Markdown heading marks, not text
    elif first == ">" and text[1:2] in (" ", "\u3000", ">"):
        text = _MD_QUOTE.sub("", text)  # "> （2022年…通过）": a Markdown quote mark, not text
    elif first == "*" and text[-1:] == "*" and len(text) > 2 and text[1] not in " *" and text[-2] != "*":
        text = text[1:-1]  # "*（2023年…通过）*": a Markdown emphasis around the whole line, not text
    return squeeze_number_spaces(text)


def split_source_lines(text: str, odd: bool | None = None) -> list[str]:
    """Split like an editor counts lines: CR, LF and CRLF only (not form feed, U+2028…).
    `odd`: whether the text holds an _ODD_BREAKS character, when the caller knows already."""
    if not text:
        return []
    if not (_ODD_BREAKS.search(text) if odd is None else odd):
        return text.splitlines()  # the same split when no other line break is in the text (and faster)
    raw = _NEWLINE.split(text)
    if raw[-1] == "":
        raw.pop()
    return raw


# ── page numbers and running headers ─────────────────────────────────────────

_SENTENCE_END_CHARS = "。；，：！？、"
HEADER_MIN_REPEATS = 3
HEADER_MIN_REPEATS_BESIDE_NUMBERS = 2  # a gazette's name next to the page number each time: a short issue's header
HEADER_MAX_WIDTH = 60
BARE_NUMBER_MIN_GAP = 8
"""Bare numbers closer than this (non-blank lines) to another are table cells, not page numbers."""


def _is_blank(texts: list[str], i: int) -> bool:
    return i < 0 or i >= len(texts) or not texts[i]


def _page_numbers(texts: list[str], counts: Counter[str]) -> set[int]:
    """`counts`: the non-empty texts, counted. Each distinct text is read once, then its lines are
    found in one pass (in C): a page number recurs, most texts do not."""
    first_chars = PAGE_DASHES + "第Pp"  # what a PAGE_NUMBER_LINE starts with (joined once, not per text)
    numbers = {t for t in counts if t[0] in first_chars and PAGE_NUMBER_LINE.match(t)}
    bare_numbers = {t for t in counts if len(t) <= 4 and BARE_PAGE_NUMBER.match(t)}  # (at most 4 digits)
    found: set[int] = set()
    bare: list[int] = []
    for i in compress(count(), map((numbers | bare_numbers).__contains__, texts)):
        if texts[i] in numbers:
            found.add(i)
        elif _is_blank(texts, i - 1) and _is_blank(texts, i + 1):
            bare.append(i)
    # non-blank lines from each bare number to the next, to measure gaps
    gaps = [(b - a) - texts[a:b].count("") for a, b in zip(bare, bare[1:])]
    for k, i in enumerate(bare):
        near_prev = k > 0 and gaps[k - 1] < BARE_NUMBER_MIN_GAP
        near_next = k < len(gaps) and gaps[k] < BARE_NUMBER_MIN_GAP
        if not (near_prev or near_next):
            found.add(i)
    return found


def _beside(texts: list[str], marks: set[int], reach: int = 1) -> set[int]:
    """Indices of the `reach` nearest non-blank lines before and after each marked line."""
    found: set[int] = set()
    for i in marks:
        for step in (-1, 1):
            j, seen = i + step, 0
            while 0 <= j < len(texts) and seen < reach:
                if texts[j]:
                    found.add(j)
                    seen += 1
                j += step
    return found


def _running_headers(texts: list[str], counts: Counter[str], page_numbers: set[int]) -> set[int]:
    # A line's key: the line as a header candidate, its page number cut off (the few lines with a
    # page dash at an end), else the line itself. Keys are read per distinct text, not per line:
    # a key printed twice comes from a text printed twice, or from a text with a page number
    # (— 13 — 某某公报) beside others, so only those texts are read (`counts`: the non-empty texts
    # counted, in C).
    counts = counts.copy()
    for i in page_numbers:
        counts[texts[i]] -= 1  # a page-number line is no header candidate
    key_of: dict[str, str] = {}  # text → its key, for the texts that may recur as a header
    key_counts: Counter[str] = Counter()
    cut_keys: list[str] = []  # keys read from a line with a page number
    for t, n in counts.items():
        if n <= 0:
            continue
        if t[0] in PAGE_DASHES or t[-1] in PAGE_DASHES:
            if len(t) > HEADER_MAX_WIDTH + 20:
                continue
            key = EDGE_PAGE_NUMBER.match(t).group(1)
            if key != t:
                cut_keys.append(key)
        elif n >= 2:
            key = t
        else:
            continue
        if 4 <= len(key) <= HEADER_MAX_WIDTH and key[-1] not in _SENTENCE_END_CHARS:
            key_of[t] = key
            key_counts[key] += n
    for key in cut_keys:  # the header printed once without its page number counts too
        if key not in key_of and counts.get(key, 0) > 0 and key in key_counts \
                and key[0] not in PAGE_DASHES and key[-1] not in PAGE_DASHES:
            key_of[key] = key
            key_counts[key] += counts[key]
    repeated = {k for k, c in key_counts.items() if c >= HEADER_MIN_REPEATS_BESIDE_NUMBERS}
    if not repeated:
        return set()
    candidates = {t: k for t, k in key_of.items() if k in repeated}
    where: dict[str, list[int]] = {}
    numbered: set[int] = set()  # header lines that carry their page number themselves
    for i in compress(count(), map(candidates.__contains__, texts)):
        if i in page_numbers:
            continue
        t = texts[i]
        k = candidates[t]
        where.setdefault(k, []).append(i)
        if k != t:
            numbered.add(i)
    found: set[int] = set()
    # Only the line right next to a page number: an issuer printed at the top of the
    # page, under the running header, is two lines away and is body text.
    near_numbers = _beside(texts, page_numbers)
    for key, places in where.items():
        beside_numbers = sum(1 for i in places if i in near_numbers or i in numbered)
        if len(places) < HEADER_MIN_REPEATS:
            # printed only twice: a header only when it names the gazette and sits by the page number each time
            if beside_numbers == len(places) and GAZETTE_WORDS.search(key):
                found.update(places)
            continue
        spread = min(b - a for a, b in zip(places, places[1:])) >= 20
        if beside_numbers >= max(2, len(places) / 2) or (spread and GAZETTE_WORDS.search(key)):
            found.update(places)
    return found


_SPECIALS = (_ODD_BREAKS, _UNSAFE_CHARS, _FULLWIDTH, _RADICAL)  # each one character class
# A character only _clean_text's full steps handle: tabs, markup, Markdown marks, zero-width, the four above.
_NEEDS_FULL_CLEAN = re.compile("[\t<#>*" + ZERO_WIDTH + "]|" + "|".join(p.pattern for p in _SPECIALS))


def _line_indices(text: str, positions: list[int]) -> list[int]:
    """The index of the source line (as split_source_lines counts them) holding each position:
    ascending positions, none of them on a CR or LF. Lines are counted between positions (in C)."""
    found: list[int] = []
    line, start, crs = 0, 0, "\r" in text
    for p in positions:
        line += text.count("\n", start, p)
        if crs:
            line += text.count("\r", start, p) - text.count("\r\n", start, p)
        if not found or found[-1] != line:
            found.append(line)
        start = p
    return found


def clean_lines(text: str) -> Lines:
    """One Line per source line; page numbers and running headers left out (see module doc).

    The result is a Lines (line numbers and texts as two columns): no object per line."""
    # One scan for the characters _clean_text's full steps handle (most files hold none, or few):
    # which kinds the file holds, and which lines hold one.
    marks = [(m.start(), m.group()) for m in _NEEDS_FULL_CLEAN.finditer(text)]
    found = {ch for _, ch in marks}
    odd, unsafe, fullwidth, radicals = (any(p.match(ch) for ch in found) for p in _SPECIALS)
    # Every other line is only stripped and squeezed (squeeze_number_spaces' first test lets most
    # lines through at once: no space in them). An empty source line (about half of them) is an empty text.
    raw_lines = split_source_lines(text, odd)
    marked = _line_indices(text, [p for p, _ in marks])
    plain = raw_lines.copy()
    for i in marked:
        plain[i] = ""  # cleaned below
    texts = ["" if not raw else squeeze_number_spaces(raw.strip()) for raw in plain]
    for i in marked:
        texts[i] = _clean_text(raw_lines[i], odd, unsafe, fullwidth, radicals)
    counts = Counter(filter(None, texts))
    numbers = _page_numbers(texts, counts)
    furniture = numbers | _running_headers(texts, counts, numbers)
    if not furniture:
        return Lines(array("i", range(1, len(texts) + 1)), texts)
    keep = [True] * len(texts)
    for i in furniture:
        keep[i] = False
    return Lines(array("i", compress(range(1, len(texts) + 1), keep)), list(compress(texts, keep)))


# ── reflow ───────────────────────────────────────────────────────────────────

# what HEADING_START starts with, as a class for _picked: HEADING_FIRST_CHARS or a digit
_HEADING_FIRST = re.compile("[" + re.escape("".join(sorted(HEADING_FIRST_CHARS))) + r"\d]")
# what a line ends with when it may end a title: TITLE_KIND_LAST_CHARS, or a space after it (\s: str.isspace)
_TITLE_LAST = re.compile("[" + re.escape("".join(sorted(TITLE_KIND_LAST_CHARS))) + r"\s]")

_CLOSERS = "”’」』）)】〕》\"'"
_FINAL_CHARS = "。！？；：!?;:…"  # what a sentence ends with, before its closers
_SENTENCE_FINAL = re.compile(rf"[{_FINAL_CHARS}][{_CLOSERS}]*$")
_OPEN_ENDED = re.compile(r"[，、,（(《“‘〔【]$")
_CN_NUM = "一二三四五六七八九十百零〇两"
# A note that opens with a date: "（2024年7月31日宁波市第十六届人民代表大会…通过）"
_DATED_NOTE = re.compile(r"^[（(]\d{4}年\d{1,2}月\d{1,2}日")
_DATED_FIRST = re.compile("[（(]")  # what _DATED_NOTE starts with
_SALUTATION = re.compile(r"[：:]$")

MAX_PAGE_WIDTH = 80
"""No printed page is wider than this (display columns, CJK = 1): wider lines are paragraphs."""
MIN_FULL_LINES = 2
PAGE_BREAK_MIN_WIDTH = 30
"""In paragraph-per-line text, an unfinished line this wide before a page break continues after it."""

_CLOSED_END = re.compile(rf"[{_FINAL_CHARS}{_CLOSERS}]$")


def _at_end(rx: re.Pattern[str], text: str) -> bool:
    """rx.search(text) for a pattern of one character then "$" (a look-behind before it may read
    further back): only the last two positions can match ("$" matches before a final "\n" too), so
    the search starts there instead of trying every character of the line."""
    return rx.search(text, max(len(text) - 2, 0)) is not None


_FINAL_CHAR_SET = frozenset(_FINAL_CHARS)
_FINAL_LAST = re.compile(rf"[{_FINAL_CHARS}{_CLOSERS}\n]")  # the last character of a line _SENTENCE_FINAL finds


def _sentence_ends(texts: list[str], lasts: str) -> list[bool]:
    """For each line: _SENTENCE_FINAL.search(line), read from the line's end instead of tried at
    every character, and only for the lines whose last character (lasts: _last_chars(texts)) is
    one a sentence can end with (_FINAL_LAST)."""
    finals = [False] * len(texts)
    for k in _picked(lasts, _FINAL_LAST):
        t = texts[k]
        if t[-1] == "\n":
            finals[k] = _SENTENCE_FINAL.search(t) is not None
        else:
            finals[k] = t.rstrip(_CLOSERS)[-1:] in _FINAL_CHAR_SET
    return finals


# "2.2 成员单位职责": a numbered section of a plan (not "2.2亿元", a quantity)
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})+(?![\d.])\s*(?![亿万千百元%‰倍个])")
# "甬政办发〔2021〕59号   宁波市人民政府办公厅关于…": a row of a 发文目录 opens with its 文号
_LISTED_DOCNO = re.compile(rf"^[-•·]?\s*[{CJK}]{{1,12}}[〔\[［(（]\d{{4}}[〕\]］)）]\d{{1,4}}号\s")
# "7 附则", "3.2.1 信息报告": numbered sections; "统一编号ZJBC00—2021—0009": a register code
_CODE = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\s|[A-Z]{2,}\d|编号")
_MID_SENTENCE_END = re.compile(rf"[{CJK}0-9A-Za-z%，、,（(《“‘〔【]$")
# Layout markup a converter left at a line end ("…区经信局**）", "…待遇。</p>"): not text.
_MARKUP_TAIL = re.compile(r"(?:\*\*|</?[A-Za-z][^<>]{0,40}>)+$")
CLOSED_PROSE_SHARE = 0.75
"""Prose lines of a paragraph-per-line text end a sentence at least this often; the rest were cut."""
MIN_PROSE_LINES = 4
"""Fewer prose lines than this say nothing about how the document ends its paragraphs."""
NARROWED_LINE_SHARE = 0.6
"""A wrapped line this wide, with digits, ending inside a word after a comma, was a full line."""
_MID_WORD = re.compile(f"[{CJK}]$")
_SENTENCE_INSIDE = re.compile(r"[，。；]")
TITLE_LINE_MAX = 40
"""A title printed over several lines has pieces no wider than this (display columns)."""
TITLE_MAX_PIECES = 3


def _is_prose(text: str, width: float) -> bool:
    """A line of running text: wide enough, with a comma or full stop inside (or wider than any
    title), not a table row."""
    return (width >= PAGE_BREAK_MIN_WIDTH and ("，" in text or "。" in text or width >= 2 * PAGE_BREAK_MIN_WIDTH)
            and "\t" not in text)


TITLE_TAIL_MAX = 12
"""A title's last piece this short (its bracketed tail left out) cannot be a title on its own."""


def _title_tail(text: str) -> bool:
    """"实施方案的通知", "行动方案（2021-2025年）", "汇总表": the 文种 (or table-name) end of a
    title, too short to be one."""
    return (_title_end(text) and len(re.sub(r"[（(][^（()）]*[)）]", "", compact(text))) <= TITLE_TAIL_MAX
            and not has_about(text))


# An annex's title ends with what the annex is when it is a table: "…单位和区域" / "汇总表",
# "…任务分解表", "…一览表"; not any word in 表 (代表, 发表, 外表).
_TABLE_NAME_END = re.compile(r"(?:汇总|一览|明细|分解|统计|清单|情况|计划|进度|分工|责任|任务|指标"
                             r"|登记|申报|对照|考核|评分|安排)表(?:[（(][^（()）]{1,16}[)）])?$")


def _title_end(text: str) -> bool:
    """text ends a title: with a 文种 word, or with the name of a kind of table."""
    # (a table's name ends in 表: that character first, then the pattern)
    return bool(title_kind(text)) or ("表" in text and _TABLE_NAME_END.search(compact(text)) is not None)


def _open_bracket(prev: str, text: str) -> bool:
    """prev opens a bracket that text closes: "（2024年7月31日…人民代表大会" / "常务委员会…通过）"."""
    if "（" not in prev and "(" not in prev and "《" not in prev:
        return False  # nothing opened (most lines)
    last_open = max(prev.rfind("（"), prev.rfind("("), prev.rfind("《"))
    if last_open <= max(prev.rfind("）"), prev.rfind(")"), prev.rfind("》")):
        return False  # every bracket closed again (the common case, decided without a scan)
    depth = 0
    for ch in prev:
        if ch in "（(《":
            depth += 1
        elif ch in "）)》" and depth:
            depth -= 1
    if not depth:
        return False
    for ch in text:
        if ch in "（(《":
            return False
        if ch in "）)》":
            return True
    return False


def _ordinal_continues(prev: str, text: str) -> bool:
    """"…外资规模升至计划单列市第" + "二、副省级城市第五": the numeral completes 第, not a heading."""
    return prev.endswith("第") and text[0] in _CN_NUM


def _title_pieces(texts: list[str], widths: list[float], blanks_before: list[int],
                  spliced: list[bool], gaps: list[int], stops: list[bool], blank_is_break: bool,
                  heads: list[bool], dated: list[bool]) -> list[bool]:
    """joins[k]: line k continues a title printed over two or three lines (dated[k]: line k opens
    with a bracketed date, _DATED_NOTE).

    The pieces are short, adjacent (no blank line, unless blank lines are the layout's double
    spacing), none a heading, date, 文号 or a sentence
    (。；：), only the last ends in a 文种 word: "宁波市北仑区人民政府办公室" / "关于印发2022年
    政府工作报告主要" / "任务分解的通知" is one title.
    """
    n = len(texts)
    joins = [False] * n

    # can line k be a piece of a title? asked of each line once, not again for each title it may end
    pieces = [w <= TITLE_LINE_MAX and not stop and "，" not in t
              and "。" not in t and "；" not in t and "：" not in t and ";" not in t and ":" not in t
              and not head and not _SECTION_NUMBER.match(t) and not _CODE.search(t)
              and not note
              for t, w, stop, head, note in zip(texts, widths, stops, heads, dated)]
    ends: list[bool | None] = [None] * n  # _title_end of each line, when first asked

    def title_end(k: int) -> bool:
        v = ends[k]
        if v is None:
            v = ends[k] = _title_end(texts[k])
        return v

    def starts_paragraph(k: int) -> bool:
        """The line before ends its own paragraph: a title never starts inside a sentence."""
        if k == 0 or stops[k - 1]:
            return True
        prev = texts[k - 1]
        return _at_end(_CLOSED_END, prev) or (widths[k - 1] < PAGE_BREAK_MIN_WIDTH and not _at_end(_OPEN_ENDED, prev))

    after = 0  # lines before this one are pieces of a title found already
    for k in compress(range(n), pieces):  # (only the lines that may be a piece: most are not)
        if k < after:
            continue
        found = 0
        if starts_paragraph(k) and not title_end(k):
            for last in range(k + 1, min(n, k + TITLE_MAX_PIECES)):
                # the document's own title, first in its text, may be spaced by single blank
                # lines (which the splitter may have moved after the header: a gap of one line)
                # or the piece that completes an unfinished title is only its 文种 tail
                # ("…高水平全面推进爱国卫生运动" / blank / "实施方案的通知")
                if not pieces[last]:
                    break
                spaced = (blanks_before[last] and blank_is_break) or spliced[last]
                own_title_gap = k == 0 and gaps[last] == 1
                if spaced and not own_title_gap and not (
                        not found and gaps[last] == 1 and _title_tail(texts[last])):  # a tail across a gap
                    break
                if found and has_about(texts[last]):
                    break  # the next title of a list ("关于…的通知" under "关于…的决定")
                if title_end(last):
                    found = last  # the furthest: "…专项报告的审议意见" / "研究处理情况的报告"
        if found:
            for m in range(k + 1, found + 1):
                joins[m] = True
            after = found + 1
    return joins


def display_width(text: str) -> float:
    """Width in CJK character cells: ASCII counts ½ (digits and Latin print narrow)."""
    ascii_chars = len(text) if text.isascii() else len(text.encode("ascii", "ignore"))
    return len(text) - 0.5 * ascii_chars


def _is_table_row(text: str) -> bool:
    return "\t" in text or len(_TABLE_GAPS.findall(text)) >= 2


@dataclass
class _Layout:
    """How one document was laid out, measured from its own lines.

    width: the typical full line width (commonest width among the longer lines);
    wrapped: True when lines were broken by a page width (PDF extraction) — False
      when each line is already a paragraph (lines far wider than a page, or
      widths that do not cluster);
    blank_is_break: True when blank lines end paragraphs, False when they are
      double spacing (a blank line after nearly every line, even mid-sentence);
    closed_prose: True when nearly every prose line ends a sentence or a bracketed
      clause (paragraph-per-line text): the few that stop inside a word were cut by a
      converter ("…在册的低保户、低保边缘户人均收入分别超过低保" / "标准、低边标准…").
    """

    width: float
    tolerance: float
    wrapped: bool
    blank_is_break: bool
    closed_prose: bool = False

    @classmethod
    def measure(cls, texts: list[str], widths: list[float], blanks_before: list[int], spliced: list[bool],
                finals: list[bool]) -> _Layout:
        """finals[k]: line k ends a sentence (_sentence_ends)."""
        sized = sorted([w for w in widths if w >= 4])
        if not sized:
            return cls(0.0, 0.0, False, True)
        # The full width is the commonest width among the longer half of the lines
        # (ties → the wider): percentiles drift with indented first lines and digits.
        upper = Counter(map(round, sized[len(sized) // 2 :]))
        width = float(max(upper.items(), key=lambda kv: (kv[1], kv[0]))[0])
        # A paragraph's first line is indented two characters; digits print narrow.
        tolerance = max(3.0, 0.1 * width)
        # (lines counted by bisecting the sorted widths, not by a test of each)
        in_band = _within(sized, width, tolerance)
        # Page-width breaks give many lines of the very same width.
        exact = _within(sized, width, 1.0)
        too_wide = len(sized) - bisect.bisect_right(sized, width + tolerance)
        wrapped = (
            10 <= width <= MAX_PAGE_WIDTH
            and exact >= MIN_FULL_LINES
            # a short document has few full lines; a long one has them in number
            and in_band >= (0.2 if len(sized) >= 20 else 0.1) * len(sized)
            # lines wider than the "page" mean lines are paragraphs, not a page
            and too_wide <= 0.1 * len(sized)
            and not _same_endings(texts, widths, width - tolerance, finals)
        )
        # Blank lines after full, unfinished lines: the layout's double spacing.
        # (columns zipped: line k's splice and blanks with line k - 1's width and ending)
        mid = mid_blank = 0
        if wrapped:
            full = width - tolerance
            mid_blanks = [b > 0 for s, b, w, final in zip(islice(spliced, 1, None), islice(blanks_before, 1, None),
                                                          widths, finals) if not s and w >= full and not final]
            mid, mid_blank = len(mid_blanks), sum(mid_blanks)
        if mid >= 3:
            double_spaced = mid_blank >= 0.5 * mid
        else:  # (too few such lines: blank lines after any line, counted only now)
            pair_blanks = [b > 0 for s, b in zip(islice(spliced, 1, None), islice(blanks_before, 1, None)) if not s]
            pairs, pairs_blank = len(pair_blanks), sum(pair_blanks)
            double_spaced = pairs > 0 and pairs_blank >= 0.6 * pairs
        # (closed prose is told of paragraph-per-line text only: its lines read only then)
        return cls(width, tolerance, wrapped, not double_spaced, not wrapped and _closed_prose(texts, widths))


def _closed_prose(texts: list[str], widths: list[float]) -> bool:
    """Nearly every prose line ends a sentence or a bracketed clause (_Layout.closed_prose)."""
    prose = [t for t, w in zip(texts, widths) if _is_prose(t, w)]
    closed = sum(1 for t in prose if _at_end(_CLOSED_END, _MARKUP_TAIL.sub("", t) if t[-1] in "*>\n" else t))
    return len(prose) >= MIN_PROSE_LINES and closed >= CLOSED_PROSE_SHARE * len(prose)


def _within(ascending: list[float], centre: float, reach: float) -> int:
    """How many of the sorted widths w have abs(w - centre) <= reach. (w - centre is compared, as
    the test of each would: centre ± reach, rounded, could take in a width just outside.)"""
    def offset(w: float) -> float:
        return w - centre

    return (bisect.bisect_right(ascending, reach, key=offset)
            - bisect.bisect_left(ascending, -reach, key=offset))


def _same_endings(texts: list[str], widths: list[float], full: float, finals: list[bool]) -> bool:
    """A list of names ("…有限公司", "…委员会") looks like full lines, but page-width breaks
    fall on any character: when most 'full' lines end alike, they are list items."""
    endings = Counter(
        t[-2:] for t, w, final in zip(texts, widths, finals) if w >= full and not final
    )
    total = sum(endings.values())
    return total >= 5 and endings.most_common(1)[0][1] >= 0.4 * total


def _glue(left: str, right: str) -> str:
    """Separator when joining two lines: none for Chinese, a space between ASCII words."""
    a, b = left[-1], right[0]
    if a.isascii() and b.isascii() and b.isalnum() and (a.isalnum() or a in ",.;:!?)") and not (
        a.isdigit() and b.isdigit()
    ):
        return " "
    return ""


def reflow(lines: Sequence[Line]) -> str:
    """The reading text of one document: its lines joined into paragraphs, one per "\\n"."""
    return "\n".join(p for p, _, _ in reflow_paragraphs(lines))


def reflow_paragraphs(lines: Sequence[Line]) -> list[tuple[str, int, int]]:
    """reflow's paragraphs with the first and last source line each was read from.

    A line holding <table> markup gives one paragraph per table row (cells separated by
    tabs) besides the text around the table: see tables.table_row_texts.
    """
    all_nos, all_texts = line_columns(lines)
    columns = _markup_columns if any("<" in t for t in all_texts) else _plain_columns
    texts, nos, blanks_before, spliced, gaps = columns(all_nos, all_texts)
    if not texts:
        return []
    return _reflow_columns(texts, nos, blanks_before, spliced, gaps)


def _plain_columns(all_nos: Sequence[int], all_texts: list[str]) -> tuple[
        list[str], list[int], list[int], list[bool], list[int]]:
    """_markup_columns for lines without table markup (most documents): one text per non-blank
    line, each column built at once instead of line by line."""
    # (the non-blank lines picked by compress, in C: a text is its own selector)
    at = list(compress(range(len(all_texts)), all_texts))
    if not at:
        return [], [], [], [], []
    texts = list(compress(all_texts, all_texts))
    nos = list(compress(all_nos, all_texts))
    blanks_before = [at[0]] + [b - a - 1 for a, b in zip(at, islice(at, 1, None))]
    spliced = [False] + [b - a - 1 > n for a, b, n in zip(nos, islice(nos, 1, None), islice(blanks_before, 1, None))]
    gaps = [0] + [abs(b - a) - 1 for a, b in zip(nos, islice(nos, 1, None))]
    return texts, nos, blanks_before, spliced, gaps


def _markup_columns(all_nos: Sequence[int], all_texts: list[str]) -> tuple[
        list[str], list[int], list[int], list[bool], list[int]]:
    """reflow_paragraphs' line columns when some line holds <table> markup: one text per table row."""
    texts: list[str] = []
    nos: list[int] = []
    blanks_before: list[int] = []
    spliced: list[bool] = []  # lines left out (headers, other columns) before this one
    gaps: list[int] = []  # source lines between this line and the one before
    blanks, prev_no = 0, None
    for line_no, line_text in zip(all_nos, all_texts):
        if not line_text:
            blanks += 1
            continue
        pieces = table_row_texts(line_text) if "<" in line_text else None
        for k, piece in enumerate(pieces or [line_text]):
            texts.append(piece)
            nos.append(line_no)
            blanks_before.append(blanks if k == 0 else 0)
            spliced.append(k == 0 and prev_no is not None and line_no - prev_no - 1 > blanks)
            gaps.append(0 if prev_no is None or k else abs(line_no - prev_no) - 1)
        blanks, prev_no = 0, line_no
    return texts, nos, blanks_before, spliced, gaps


def _reflow_columns(texts: list[str], nos: list[int], blanks_before: list[int], spliced: list[bool],
                    gaps: list[int]) -> list[tuple[str, int, int]]:
    # footnotes printed inside a sentence go after its paragraph (see _footnotes)
    firsts = _first_chars(texts)
    notes, marker_joins = _footnotes(texts, blanks_before, spliced, firsts)
    if notes:
        moved = {i for block in notes.values() for i in block}
        keep = [i for i in range(len(texts)) if i not in moved]
        note_texts = {keep.index(c): [(texts[i], nos[i]) for i in block] for c, block in notes.items()}
        marker_joins = {keep.index(c) for c in notes} | {keep.index(i) for i in marker_joins if i in keep}
        texts, nos = [texts[i] for i in keep], [nos[i] for i in keep]
        blanks_before, spliced = [blanks_before[i] for i in keep], [spliced[i] for i in keep]
        gaps = [gaps[i] for i in keep]
        firsts = _first_chars(texts)
    else:
        note_texts = {}

    # what is asked of each line (of it as the line before and as the line after a join): once
    lasts = _last_chars(texts)
    widths = [display_width(t) for t in texts]
    finals = _sentence_ends(texts, lasts)
    heads = [False] * len(texts)
    for k in _picked(firsts, _HEADING_FIRST):
        heads[k] = HEADING_START.match(texts[k]) is not None
    dated = [False] * len(texts)  # opens with a bracketed date: a note, never joined to the line before
    for k in _picked(firsts, _DATED_FIRST):
        dated[k] = _DATED_NOTE.match(texts[k]) is not None
    opens = ["（" in t or "(" in t or "《" in t for t in texts]  # may open a bracket (_open_bracket's first test)
    and_ends, and_starts = _connective_columns(texts, firsts, lasts)
    # may end a title (title_kind's first test: _is_addressee_after_title and _two_titles need one
    # before the line after, and are asked of most lines joined)
    title_ends = [False] * len(texts)
    for k in _picked(lasts, _TITLE_LAST):
        title_ends[k] = texts[k].rstrip()[-1:] in TITLE_KIND_LAST_CHARS
    layout = _Layout.measure(texts, widths, blanks_before, spliced, finals)
    stops = _standalone(texts, firsts, lasts)
    # lines joined to the line before whatever else holds: the later pieces of a title, and the
    # lines around a footnote marker left in place (one column, not a column and a set)
    forced = _title_pieces(texts, widths, blanks_before, spliced, gaps, stops, layout.blank_is_break, heads, dated)
    for k in marker_joins:
        forced[k] = True

    # the layout's answers, read once: a line of width w is full when `wrapped and w >= full_from`
    closed_prose, blank_is_break, wrapped = layout.closed_prose, layout.blank_is_break, layout.wrapped
    full_from = layout.width - layout.tolerance
    narrowed_from = NARROWED_LINE_SHARE * layout.width
    paragraphs: list[tuple[str, int, int]] = []
    current = [texts[0]]
    first = nos[0]
    pending: list[tuple[str, int, int]] = []  # footnotes to print after the current paragraph
    for k in range(1, len(texts)):
        prev, text = texts[k - 1], texts[k]
        heading_next = (heads[k] and not _ordinal_continues(prev, text)) or (
            "号" in text[:24] and _LISTED_DOCNO.match(text) is not None)
        free = not stops[k - 1] and not stops[k] and not heading_next  # may be joined at all
        join = forced[k] or (
            free and (and_ends[k - 1] or and_starts[k]) and not (blank_is_break and blanks_before[k])
        ) or (
            free and opens[k - 1] and _open_bracket(prev, text)
        ) or (closed_prose and _cut_in_sentence(layout, prev, widths[k - 1], text, stops[k - 1] or stops[k])) or (
            free
            and not (blank_is_break and blanks_before[k] and not spliced[k] and not (
                # several blank lines after a full, unfinished line: a page break, not a paragraph end
                blanks_before[k] >= 2 and wrapped and widths[k - 1] >= full_from
            ))
            and not finals[k - 1]
            # (the reasons to join before the reasons not to: they are cheaper and most often false)
            and (
                (wrapped and widths[k - 1] >= full_from)
                or (wrapped and _at_end(_OPEN_ENDED, prev))
                # a paragraph-per-line text cut by a page break: the part before the
                # removed header/page number is a long unfinished sentence
                or (spliced[k] and not wrapped and widths[k - 1] >= PAGE_BREAK_MIN_WIDTH)
                # a full line narrowed by its digits ("2024 年 7月 30 日至 31日，市十六届" prints
                # as wide as the page, but its squeezed digits count half): a sentence going on
                or (wrapped and widths[k - 1] >= narrowed_from
                    and _at_end(_MID_WORD, prev) and _SENTENCE_INSIDE.search(prev) is not None
                    and not (heads[k - 1] and "。" not in prev))
            )
            and not (  # a title, then (after a gap) the 主送 line: two paragraphs
                (blanks_before[k] or spliced[k]) and title_ends[k - 1] and _is_addressee_after_title(prev, text))
            and not (title_ends[k - 1] and _two_titles(prev, text))
            and not dated[k]
        )
        if join:
            # (_glue's first test here: after a Chinese character, most lines, no space and no call)
            current.append(_glue(prev, text) + text if prev[-1].isascii() else text)
        else:
            paragraphs.append((_finish(current), first, nos[k - 1]))
            paragraphs += pending
            pending = []
            current = [text]
            first = nos[k]
        if note_texts and k in note_texts:  # (most documents have no footnote to move)
            pending += _note_paragraphs(note_texts[k])
    paragraphs.append((_finish(current), first, nos[-1]))
    return paragraphs + pending


# ── footnotes ────────────────────────────────────────────────────────────────

# A footnote reference printed as a line of its own (a superscript the extraction moved):
# one or two note numbers, "7" or "12" (notes 1 and 2).
_NOTE_MARKER = re.compile(r"^\d{1,3}$")
# A footnote at the foot of the page: "注1：…", "1 道路泊位…", "6公交分担率…" (the space squeezed
# away before a measure word), "[2]…": its number, then no digit.
_NOTE_LABEL = re.compile(r"^(?:注\s*)?[\[［]?(\d{1,2})[\]］]?(?:\s*[：:]|\s+|(?=[^\d\s.．、，,%]))")
_NOTE_END = re.compile(r"[。！？.!?][”’）)]*$")
MAX_NOTE_LINES = 12
"""A footnote block is a few lines at the foot of a page: longer runs are not footnotes."""


def _footnotes(texts: list[str], blanks_before: list[int], spliced: list[bool],
               firsts: str) -> tuple[dict[int, list[int]], set[int]]:
    """Footnotes that interrupt a sentence, and footnote markers inside one.

    A sentence cut at the foot of a page ("…绩效薪酬占比不") followed by a footnote marker
    line ("1", right under it) and the notes it numbers ("注1：…", "1 …", "2 …", each
    running on until it ends a sentence or the page ends) continues on the first line after
    the notes ("低于50%…"): {index of that line: indices of the marker and note lines},
    moved after the sentence's paragraph. Notes labelled 注/注1： with no marker line above
    them move the same way when a page break follows them. A marker line with no notes under
    it, between a cut sentence and its continuation, stays where it was printed and is joined
    on both sides (the second set: lines joined to the line before them). firsts: _first_chars(texts).
    """
    n = len(texts)
    notes: dict[int, list[int]] = {}
    joins: set[int] = set()
    # only a 注 note or a marker line (few lines) can match a pattern below
    for k in _picked(firsts, _NOTE_FIRST):
        if not 0 < k < n - 1:
            continue
        if not (_at_end(_MID_SENTENCE_END, texts[k - 1]) and not texts[k - 1][-1].isdigit() and not spliced[k]):
            continue
        marker = texts[k]
        if _NAMED_NOTE.match(marker) and display_width(texts[k - 1]) >= PAGE_BREAK_MIN_WIDTH / 2:
            block, j = _note_lines(texts, spliced, k, None)
            if j < n and spliced[j] and not HEADING_START.match(texts[j]):
                notes[j] = block  # no marker: only a page break after the notes tells
            continue
        if not (_NOTE_MARKER.match(marker) and not blanks_before[k]):
            continue
        # the notes a marker line numbers: "7" → note 7; "12" → notes 1 and 2, or note 12
        expected = {marker, *marker}
        if _note_number(texts[k + 1]) not in expected:
            if (not HEADING_START.match(texts[k + 1]) and not texts[k + 1][0].isdigit() and not blanks_before[k + 1]
                    and display_width(texts[k - 1]) >= PAGE_BREAK_MIN_WIDTH / 2):
                joins.update((k, k + 1))  # "…用好多层次" / "3" / "资本市场": the marker stays in place
            continue
        block, j = _note_lines(texts, spliced, k + 1, expected)
        if j < n and not HEADING_START.match(texts[j]):
            notes[j] = [k, *block]
    return notes, joins


_NAMED_NOTE = re.compile(r"^注\s*\d{0,2}\s*[：:]")
_NOTE_FIRST = re.compile(r"[注\d]")  # what _NAMED_NOTE and _NOTE_MARKER start with


def _note_lines(texts: list[str], spliced: list[bool], j: int, expected: set[str] | None) -> tuple[list[int], int]:
    """The note lines from j on (notes numbered as expected, or any 注 note when None), and the
    index of the first line after them."""
    block: list[int] = []
    open_note = False
    while j < len(texts) and len(block) < MAX_NOTE_LINES:
        number = _note_number(texts[j]) if expected is not None else (
            "注" if _NAMED_NOTE.match(texts[j]) else None)
        if number is not None and (expected is None or number in expected) and not open_note:
            if expected is not None:
                expected.discard(number)
            open_note = not _NOTE_END.search(texts[j])
        elif open_note and not spliced[j]:
            open_note = not _NOTE_END.search(texts[j])
        else:
            break
        block.append(j)
        j += 1
    return block, j


def _note_number(text: str) -> str | None:
    m = _NOTE_LABEL.match(text)
    return m.group(1) if m else None


def _note_paragraphs(lines: list[tuple[str, int]]) -> list[tuple[str, int, int]]:
    """The marker and note lines of a footnote block as paragraphs: one per note (a line
    that follows a finished note starts the next), the marker line before the first, set
    apart by a space."""
    out: list[tuple[list[str], int, int]] = []
    marked = bool(_NOTE_MARKER.match(lines[0][0]))
    for k, (text, no) in enumerate(lines):
        if k == 1 and marked:
            pieces, a, _ = out[0]
            out[0] = ([*pieces, " " + text], a, no)
        elif k == 0 or _NOTE_END.search(lines[k - 1][0]):
            out.append(([text], no, no))
        else:
            pieces, a, _ = out[-1]
            out[-1] = ([*pieces, _glue(pieces[-1], text) + text], a, no)
    return [(_finish(p), a, b) for p, a, b in out]


# ── connectives ──────────────────────────────────────────────────────────────

# A line never ends with a conjunction, nor starts with 及/以及: "工业生产及" / "用电量",
# "工业生产" / "及用电量" (a label of a statistics table) is one line cut in two.
_CONNECTIVE_END = re.compile(r"(?<![参给赋授])[和及与暨]$")
_CONNECTIVE_START = re.compile(r"^(?:以及|及)(?![时早格])")


def _connective_columns(texts: list[str], firsts: str, lasts: str) -> tuple[list[bool], list[bool]]:
    """For each line: does it end with a conjunction (_CONNECTIVE_END), does it start with 及/以及
    (_CONNECTIVE_START)? Line k - 1 and line k are one line cut in two when the first is true of
    k - 1 or the second of k. Each pattern needs its character at the line's end / start: that
    test first, then the pattern. firsts, lasts: _first_chars(texts), _last_chars(texts)."""
    ends = [False] * len(texts)
    for k in _picked(lasts, _CONNECTIVE_LAST):
        ends[k] = _at_end(_CONNECTIVE_END, texts[k])
    starts = [False] * len(texts)
    for k in _picked(firsts, _CONNECTIVE_FIRST):
        starts[k] = _CONNECTIVE_START.match(texts[k]) is not None
    return ends, starts


_CONNECTIVE_FIRST = re.compile("[以及]")  # what _CONNECTIVE_START starts with
_CONNECTIVE_LAST = re.compile("[和及与暨\n]")  # what a line _CONNECTIVE_END matches ends with


def _first_chars(texts: list[str]) -> str:
    """Each line's first character, all in one string: the lines whose first character a pattern
    needs are then found by one scan of it (_picked), not by a test of each line."""
    return "".join([t[0] for t in texts])


def _last_chars(texts: list[str]) -> str:
    """Each line's last character, all in one string (as _first_chars)."""
    return "".join([t[-1] for t in texts])


def _picked(chars: str, wanted: re.Pattern[str]) -> list[int]:
    """Indices of the lines whose character in `chars` (_first_chars, _last_chars) matches `wanted`."""
    return [m.start() for m in wanted.finditer(chars)]


def _cut_in_sentence(layout: _Layout, prev: str, prev_width: float, text: str, stop: bool) -> bool:
    """In text whose prose lines end their sentences, a prose line ending inside a word or
    after a comma was cut there: it continues on the next line, blank lines or not
    ("…用好多层次资" / "本市场。到2025年…"; "…（牵头单位：宁波舟" / "山港集团；…")."""
    return (
        layout.closed_prose
        and not stop
        and _is_prose(prev, prev_width)
        and _at_end(_MID_SENTENCE_END, prev)
        and not HEADING_START.match(text)
        and not _SECTION_NUMBER.match(text)
        and not (_LABEL.match(prev) and _LABEL.match(text))
        and not _DATED_NOTE.match(text)
    )


_ADDRESSEE_LINE = re.compile(r"^[^。；，,;：:]{2,}(?:[，、][^。；：:]+)*[：:]$")


def _is_addressee_after_title(prev: str, text: str) -> bool:
    """prev ends a document title (…的通知, …的意见) and text is a whole 主送 line (各乡镇人民政府：)."""
    # the ending first: on a line that does not end in a colon the pattern backtracks a long time
    if len(text) > 60 or not text.rstrip().endswith(("：", ":")) or not _ADDRESSEE_LINE.match(text.strip()):
        return False
    kind = title_kind(prev)
    if not kind:
        return False
    tail = compact(prev)
    return bool(re.search(r"的" + re.escape(kind) + r"[）)》”]*$", tail)
                or re.search(r"的.{0,4}" + re.escape(kind) + _TITLE_ALIAS + "$", tail))


_TITLE_ALIAS = r"(?:[（(][^（()）]{1,16}[)）])?"  # 通知（试行）, 办法（暂行）: a kind's bracketed qualifier


def _two_titles(prev: str, text: str) -> bool:
    """"…名录的通知" then "关于同意设立…的批复": a list of titles, each its own line."""
    return has_about(text, 12) and bool(title_kind(text)) and _ends_title(prev)


def _ends_title(text: str) -> bool:
    kind = title_kind(text)
    return bool(kind) and bool(re.search(r"的.{0,4}" + re.escape(kind) + _TITLE_ALIAS + "[》”]*$", compact(text)))


def _finish(pieces: list[str]) -> str:
    if len(pieces) == 1:
        return pieces[0]
    # A join can bring a number next to its unit: "以及 8" + "名代表" → "以及8名代表".
    return squeeze_number_spaces("".join(pieces))


_DATE_FIRST = re.compile(r"[（(\d〇零一二三四五六七八九]")  # what _DATE_LINE starts with
_TOC_LAST = re.compile(r"[\d）)]")  # what a line _TOC_ENTRY finds ends with (no "\n" after: not asked)
_SALUTATION_LAST = re.compile("[：:\n]")  # what a line _SALUTATION finds ends with
_MASTHEAD_LAST = re.compile("件")  # what a masthead row (patterns.masthead) ends with


def _standalone(texts: list[str], firsts: str, lasts: str) -> list[bool]:
    """Lines that are never joined to a neighbour: dates, signatures, 文号, table rows, TOC entries.
    firsts, lasts: _first_chars(texts), _last_chars(texts)."""
    dates = [False] * len(texts)
    for k in _picked(firsts, _DATE_FIRST):
        t = texts[k]
        dates[k] = len(t) <= 40 and "日" in t and _DATE_LINE.match(t) is not None
    # (each test a bool, so no bool() of the whole; the three that need a space asked for one once)
    stops = [
        date
        or "\t" in t
        or (" " in t and (("  " in t and _is_table_row(t))
                          or (len(t) <= 30 and _NAME_LINE.match(t) is not None)
                          or _looks_like_spaced_cells(t)))
        or ("\u3000\u3000" in t and _is_table_row(t))
        or (len(t) <= 40 and ("号" in t or "令" in t) and _DOC_NUMBER_LINE.match(t) is not None)
        for t, date in zip(texts, dates)
    ]
    for k in _picked(lasts, _TOC_LAST):
        if _TOC_ENTRY.search(texts[k]) is not None:
            stops[k] = True
    # a masthead (某某局文件; 文件 under a joint masthead's organs, one a row) heads the page: it is
    # never part of the title printed under it, nor are its organs one name (文件 alone counts even
    # with no organ above it: the organs may be header lines the reading text leaves out)
    for k in _picked(lasts, _MASTHEAD_LAST):
        c = compact(texts[k])
        if c == "文件":
            stops[k] = True
            j = k - 1
            while j >= 0 and is_organ(compact(texts[j])):
                stops[j] = True
                j -= 1
        elif masthead(c):
            stops[k] = True
    # Signature block: organ names on short lines directly above a date line;
    # also a reporting organ above the salutation ("市人大社会建设委员会" / "市人大常委会：").
    # (_SALUTATION, a colon then "$", can match only when the line ends in a colon or "\n")
    ends = [k for k, date in enumerate(dates) if date]
    ends += [k for k in _picked(lasts, _SALUTATION_LAST)
             if len(texts[k]) <= 30 and _SALUTATION.search(texts[k], len(texts[k]) - 2)]
    for k in ends:
        j = k - 1
        while j >= 0 and k - j <= 4 and _ORGAN_LINE.match(texts[j]):
            stops[j] = True
            j -= 1
    return stops
