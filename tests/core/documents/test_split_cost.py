"""The splitter's cost grows linearly with the file: counted, not timed.

A file of alternating 文号 / title lines (甬政发〔2022〕N号 / 关于做好第N项工作的通知) took
21 s at 1.6 MB and did not finish at 10 MB: every list scan (list.index, list.remove,
list.insert, `x in list`) over a document's rows or over the documents was repeated once
per line. Here every such scan is counted by the length of the list it walks; a linear
splitter does a bounded amount of that work per line, a quadratic one a growing amount.
"""
from __future__ import annotations

import pytest

from reader.core.documents import split
from reader.core.text.normalise import clean_lines


def alternating(first: int, count: int) -> str:
    """`count` 文号 / title pairs from number `first` on (past 99999 a number is no 文号)."""
    return "".join(f"甬政发〔2022〕{n}号\n关于做好第{n}项工作的通知\n" for n in range(first, first + count))


def notices(count: int) -> str:
    """`count` short notices, each title followed by its 主送 line: one document each."""
    return "".join(f"关于做好第{n}项工作的通知\n各区县人民政府：\n" for n in range(1, count + 1))


class CountingList(list):
    """A list that adds the length of every scan it does to `CountingList.work`."""

    work = 0

    def _scan(self) -> None:
        CountingList.work += len(self)

    def index(self, *a):
        self._scan()
        return super().index(*a)

    def remove(self, x):
        self._scan()
        return super().remove(x)

    def insert(self, i, x):
        self._scan()
        return super().insert(i, x)

    def __contains__(self, x):
        self._scan()
        return super().__contains__(x)


@pytest.fixture
def counted(monkeypatch):
    """Split with every document's rows and the splitter's document list counting their scans."""
    doc_init, splitter_init = split._Doc.__init__, split._Splitter.__init__

    def doc(self, *a, **kw):
        doc_init(self, *a, **kw)
        self.rows = CountingList()

    def splitter(self, *a, **kw):
        splitter_init(self, *a, **kw)
        self.docs = CountingList()

    monkeypatch.setattr(split._Doc, "__init__", doc)
    monkeypatch.setattr(split._Splitter, "__init__", splitter)

    def work(text: str) -> tuple[int, int]:
        CountingList.work = 0
        segments = split.split_documents(clean_lines(text))
        return CountingList.work, len(segments)

    return work


@pytest.mark.parametrize("make", [
    pytest.param(lambda k: alternating(99_999 - k, 2 * k), id="alternating-docno-title"),
    pytest.param(lambda k: notices(k), id="many-small-documents"),
])
def test_list_scans_grow_linearly_with_the_file(counted, make):
    small, docs_small = counted(make(500))
    big, docs_big = counted(make(2000))
    assert docs_big >= docs_small  # the same shape, four times as long
    # linear: about 4x the work for 4x the lines; quadratic would be about 16x
    assert big <= 6 * max(small, 2000), (small, big)


def test_per_line_memory_stays_small():
    """A million-line file must not cost an object per line (bench_reliability.py --only
    million-lines): clean_lines and the segments hold line numbers in an array of 4-byte ints
    and the texts in a list, the splitter's documents their rows in arrays, and its yes/no
    marks take a byte a row."""
    from array import array

    from reader.core.model import Line, Lines

    assert not hasattr(Line(1, "通知"), "__dict__")
    lines = clean_lines(notices(50))
    assert isinstance(lines, Lines) and isinstance(lines.nos, array) and lines.nos.itemsize == 4
    rows, _ = split._prepare(lines)
    for marks in (rows.date, rows.toc, rows.code, rows.closing, rows._titleish, rows._complete):
        assert isinstance(marks, bytearray)
    assert isinstance(rows.nos, array)
    segments = split.split_documents(lines)
    assert len(segments) == 50
    for seg in segments:
        assert isinstance(seg.lines, Lines) and isinstance(seg.lines.nos, array)


def test_lines_behave_as_a_list_of_line():
    """Lines (two columns) stands in for list[Line] wherever the stages take lines."""
    from reader.core.model import Line, Lines, line_columns

    plain = [Line(1, "关于某事的通知"), Line(2, ""), Line(4, "各区人民政府：")]
    lines = Lines.of(plain)
    assert lines == plain and plain == lines and list(lines) == plain
    assert len(lines) == 3 and lines[2] == Line(4, "各区人民政府：") and lines[-1].no == 4
    assert lines[1:] == plain[1:] and isinstance(lines[1:], Lines)
    assert lines + [Line(5, "x")] == plain + [Line(5, "x")]
    assert Line(2, "") in lines and lines != plain[:2] and not Lines()
    assert line_columns(lines) == (lines.nos, lines.texts)
    assert line_columns(plain) == ([1, 2, 4], ["关于某事的通知", "", "各区人民政府："])
    with pytest.raises(ValueError):
        Lines([1, 2], ["only one text"])
