"""The shortcuts reflow and clean_lines take instead of a regex search give the regex's answer.

Each shortcut (a test of the line's last characters, a gate before a pattern) is checked against
the pattern it stands for on every string of a small alphabet that holds the characters the
pattern is about, so a pattern changed without its shortcut fails here.
"""
from __future__ import annotations

import itertools
import re
import sys

from reader.core.text import normalise as N
from reader.core.text.tables import SPACE_NOT_TAB, strip_keeping_tabs

# the characters the end-of-line patterns look at, and some that they do not
_ALPHABET = ["。", "？", "…", "：", "”", "）", ")", "'", "，", "和", "及", "参", "以", "字", "a", "1", " ", "\n"]


def _strings(max_len: int = 4):
    for n in range(1, max_len + 1):
        for chars in itertools.product(_ALPHABET, repeat=n):
            yield "".join(chars)


def test_sentence_ends_is_the_sentence_final_pattern():
    texts = list(_strings())
    for s, final in zip(texts, N._sentence_ends(texts, N._last_chars(texts))):
        assert final == (N._SENTENCE_FINAL.search(s) is not None), repr(s)


def test_at_end_is_a_search_of_the_whole_line():
    for rx in (N._CLOSED_END, N._OPEN_ENDED, N._MID_SENTENCE_END, N._MID_WORD, N._CONNECTIVE_END):
        for s in _strings():
            assert N._at_end(rx, s) == (rx.search(s) is not None), (rx.pattern, repr(s))


def test_connective_columns_are_the_connective_patterns():
    texts = [s for s in _strings(3) if s.strip()]
    ends, starts = N._connective_columns(texts, N._first_chars(texts), N._last_chars(texts))
    for t, end, start in zip(texts, ends, starts):
        assert end == (N._CONNECTIVE_END.search(t) is not None), repr(t)
        assert start == (N._CONNECTIVE_START.match(t) is not None), repr(t)


def test_squeeze_gate_lets_through_every_line_it_changes():
    # a line the gate stops must be one the patterns leave alone
    alphabet = ["1", "2", "0", "9", " ", "\u3000", "\u00a0", "年", "人", "府", "，", "a"]
    for n in range(1, 6):
        for chars in itertools.product(alphabet, repeat=n):
            s = "".join(chars)
            if N._SPACE_BY_DIGIT.search(s) is None:
                assert N._SPLIT_YEAR.sub(r"\1\2", s) == s and N._SPACE_BEFORE_UNIT.sub("", s) == s
                assert N._SPACE_BEFORE_NUMBER.search(s) is None, repr(s)


def test_clean_lines_finds_each_kind_of_special_character():
    # one full-width digit, one radical, one control character, one odd line break in one file
    lines = N.clean_lines("第１条\n⼈民政府\n控\x07制\n分\u2028隔\n")
    assert lines.texts == ["第1条", "人民政府", "控\u2407制", "分 隔"]  # as before the one-scan change


def test_footnote_gate_is_what_the_note_patterns_start_with():
    # _footnotes skips a line whose first character is neither 注 nor a digit: both patterns
    # must still need one of those at the line's start
    assert N._NAMED_NOTE.pattern.startswith("^注")
    assert N._NOTE_MARKER.pattern.startswith(r"^\d")
    for s in ("注1：说明", "12", "1", "注：见附件"):
        assert N._NAMED_NOTE.match(s) or N._NOTE_MARKER.match(s)
        assert s[0] == "注" or s[0].isdigit()


def test_plain_columns_are_the_line_by_line_columns():
    # every short run of blank / text lines, numbered in order, with gaps (lines left out) and
    # out of order (a splice from elsewhere in the file)
    for pattern in itertools.product(["", "字", "甲乙"], repeat=5):
        for numbering in ([1, 2, 3, 4, 5], [1, 2, 5, 6, 9], [7, 8, 1, 2, 3], [3, 9, 4, 10, 11]):
            texts = list(pattern)
            assert N._plain_columns(numbering, texts) == N._markup_columns(numbering, texts), (numbering, texts)


def test_salutation_gate_is_the_salutation_pattern():
    # _standalone asks _SALUTATION only of a line whose last character is a colon or "\n"
    alphabet = ["：", ":", "\n", "字", "。", " "]
    for s in ("".join(c) for n in range(1, 6) for c in itertools.product(alphabet, repeat=n)):
        found = N._SALUTATION.search(s, len(s) - 2) is not None
        assert found == (s[-1] in "：:\n" and found), repr(s)
        assert found == (N._SALUTATION.search(s) is not None), repr(s)


def test_marked_lines_are_the_lines_a_search_per_line_finds():
    # clean_lines finds the lines needing _clean_text's full steps from one scan of the whole text:
    # the same lines as a search in each source line, whatever ends the lines (LF, CR, CRLF)
    alphabet = ["\n", "\r", "\r\n", "\t", "#", "字", "１", "\u2028"]
    for n in range(1, 6):
        for chars in itertools.product(alphabet, repeat=n):
            s = "".join(chars)
            odd = N._ODD_BREAKS.search(s) is not None
            per_line = [i for i, raw in enumerate(N.split_source_lines(s, odd)) if N._NEEDS_FULL_CLEAN.search(raw)]
            marks = [m.start() for m in N._NEEDS_FULL_CLEAN.finditer(s)]
            assert N._line_indices(s, marks) == per_line, repr(s)


def test_strip_keeping_tabs_strips_every_other_space():
    # the rule as a pattern: outer whitespace (\s) that is not a tab
    outer_space_not_tab = re.compile(r"^[^\S\t]+|[^\S\t]+$")
    assert set(SPACE_NOT_TAB) == {c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()} - {"\t"}
    alphabet = [" ", "\t", "\n", "\u3000", "\xa0", "\x1c", "字"]
    for n in range(1, 6):
        for chars in itertools.product(alphabet, repeat=n):
            s = "".join(chars)
            assert strip_keeping_tabs(s) == outer_space_not_tab.sub("", s), repr(s)


def test_bare_page_number_gate_is_its_length():
    # _page_numbers asks BARE_PAGE_NUMBER only of a text of at most 4 characters (a text holds no line end)
    for n in range(1, 7):
        for chars in itertools.product(["1", "０", "٣", "a", " "], repeat=n):
            s = "".join(chars)
            assert not N.BARE_PAGE_NUMBER.match(s) or len(s) <= 4, repr(s)


def test_heading_first_gate_lets_through_every_heading():
    # every character that starts a HEADING_START match (tried with the endings its branches
    # need) is one _HEADING_FIRST takes
    from reader.core.text.patterns import HEADING_START

    endings = ["、", ".", "．", "）", ")", "1）", "一）", "条 ", "部分", " ", "", "1、", "：", "十、"]
    for cp in [*range(0x10000), 0x1D7CE, 0x104A0]:
        c = chr(cp)
        if any(HEADING_START.match(c + e) for e in endings):
            assert N._HEADING_FIRST.match(c), repr(c)
    firsts = N._first_chars(["一、总则", "正文", "（二）", "3. 条", "附件"])
    assert N._picked(firsts, N._HEADING_FIRST) == [0, 2, 3, 4]


def test_first_character_gates_are_what_the_patterns_start_with():
    assert N._CONNECTIVE_START.pattern.startswith("^(?:以及|及)")
    assert N._DATED_NOTE.pattern.startswith("^[（(]")
    assert N._DATED_FIRST.match("（") and N._DATED_FIRST.match("(")
    for s in ("以及用电量", "及时", "注1：说明", "12", "注：见附件"):
        assert N._CONNECTIVE_FIRST.match(s) or not N._CONNECTIVE_START.match(s)
        assert N._NOTE_FIRST.match(s) or not (N._NAMED_NOTE.match(s) or N._NOTE_MARKER.match(s))


def test_title_kind_last_chars_hold_the_end_of_every_title():
    from reader.core.text.patterns import KINDS, TITLE_KIND_LAST_CHARS, title_kind

    for kind in KINDS:
        for title in (f"关于做好工作的{kind}", f"某某{kind}（试行）", f"《某某{kind}》", f"某某的{kind} \t"):
            if title_kind(title):
                assert title.rstrip()[-1:] in TITLE_KIND_LAST_CHARS, title


def test_table_name_end_needs_the_character_its_gate_asks_for():
    for s in ("任务分解表", "指标汇总表（2024年）", "一览表", "代表"):
        assert N._TABLE_NAME_END.search(s) is None or "表" in s


def test_toc_entry_end_is_the_leader_pattern():
    import re

    from reader.core.text.patterns import TOC_ENTRY_END

    plain = re.compile(r"(?:[…]+|[.．·]{3,})\s*[（(]?\d{1,4}[）)]?$")  # the pattern before its class came first
    alphabet = ["…", ".", "．", "·", " ", "1", "（", "）", "字"]
    for n in range(1, 7):
        for chars in itertools.product(alphabet, repeat=n):
            s = "".join(chars)
            a, b = plain.search(s), TOC_ENTRY_END.search(s)
            assert (a and a.span()) == (b and b.span()), repr(s)


def test_within_counts_as_the_test_of_each_width():
    widths = sorted(w / 2 for w in range(0, 200, 1) for _ in range(w % 3))
    for centre in range(0, 100, 5):
        for reach in (1.0, 3.0, 0.1 * centre, max(3.0, 0.1 * centre)):
            assert N._within(widths, float(centre), reach) == sum(1 for w in widths if abs(w - centre) <= reach)


def test_last_and_first_character_gates_of_standalone_lines():
    # each line a pattern finds has its gated character in the gate's class
    from reader.core.text.patterns import STANDALONE_DATE_LINE, TOC_ENTRY_END

    for s in ("2024年7月1日", "（2024年7月1日）", "二〇二四年七月一日", "（二〇二四年七月一日）（印发）"):
        assert STANDALONE_DATE_LINE.match(s) and N._DATE_FIRST.match(s[0]), s
    for s in ("目录……12", "第一章 总则.....3", "附则…（12）", "附则…(2)"):
        assert TOC_ENTRY_END.search(s) and N._TOC_LAST.match(s[-1]), s
    for s in _strings(3):
        if N._CONNECTIVE_END.search(s):
            assert N._CONNECTIVE_LAST.match(s[-1]), repr(s)
        if N._SALUTATION.search(s):
            assert N._SALUTATION_LAST.match(s[-1]), repr(s)
    texts = ["和", "甲：", "2024年7月1日", "目录……3"]
    assert N._picked(N._last_chars(texts), N._SALUTATION_LAST) == [1]


def test_title_last_gate_lets_through_every_line_that_may_end_a_title():
    from reader.core.text.patterns import TITLE_KIND_LAST_CHARS

    for cp in range(0x10000):  # a line whose last character is a space is let through (rstrip)
        c = chr(cp)
        assert bool(N._TITLE_LAST.match(c)) == (c in TITLE_KIND_LAST_CHARS or c.isspace()), repr(c)
    texts = ["关于…的通知", "某某通知 ", "正文。", "某某办法\t"]
    assert N._picked(N._last_chars(texts), N._TITLE_LAST) == [0, 1, 3]
