"""The shortcuts reflow and clean_lines take instead of a regex search give the regex's answer.

Each shortcut (a test of the line's last characters, a gate before a pattern) is checked against
the pattern it stands for on every string of a small alphabet that holds the characters the
pattern is about, so a pattern changed without its shortcut fails here.
"""
from __future__ import annotations

import itertools

from reader.core.text import normalise as N

# the characters the end-of-line patterns look at, and some that they do not
_ALPHABET = ["。", "？", "…", "：", "”", "）", ")", "'", "，", "和", "及", "参", "以", "字", "a", "1", " ", "\n"]


def _strings(max_len: int = 4):
    for n in range(1, max_len + 1):
        for chars in itertools.product(_ALPHABET, repeat=n):
            yield "".join(chars)


def test_sentence_ends_is_the_sentence_final_pattern():
    texts = list(_strings())
    for s, final in zip(texts, N._sentence_ends(texts)):
        assert final == (N._SENTENCE_FINAL.search(s) is not None), repr(s)


def test_at_end_is_a_search_of_the_whole_line():
    for rx in (N._CLOSED_END, N._OPEN_ENDED, N._MID_SENTENCE_END, N._MID_WORD, N._CONNECTIVE_END):
        for s in _strings():
            assert N._at_end(rx, s) == (rx.search(s) is not None), (rx.pattern, repr(s))


def test_connective_columns_are_the_connective_patterns():
    texts = [s for s in _strings(3) if s.strip()]
    ends, starts = N._connective_columns(texts, N._first_chars(texts))
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
