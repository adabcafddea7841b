"""Every file has a parse time budget: past it the file is a problem, and the rest indexes.

The budget is READER_PARSE_SECONDS (default 60 s). No test here measures time: a budget
smaller than any parse always runs out, and a parse that would never end is stopped by it.
"""
from __future__ import annotations

import pytest

from reader.core.documents import deadline

from reader.core.documents import split
from reader.core.library.library import Library
from reader.core.documents.pipeline import parse_file
from tests.reliability.helpers import doc_ids, make_doc

TIMEOUT_WORDS = ("解析超时", "parse time limit exceeded")


def test_a_file_past_its_budget_is_an_error_with_a_reason(tmp_path, monkeypatch):
    f = tmp_path / "通知.txt"
    f.write_text(make_doc("预算") * 20, encoding="utf-8")
    assert parse_file(f).error is None
    monkeypatch.setenv(deadline.PARSE_SECONDS_ENV, "1e-6")
    result = parse_file(f)
    assert result.documents == []
    assert all(w in result.error for w in TIMEOUT_WORDS), result.error
    assert "超过 1e-06 秒" in result.error  # says which limit


def test_the_budget_stops_a_parse_that_would_never_end_and_the_rest_indexes(tmp_path, monkeypatch):
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "a-死循环.txt").write_text(make_doc("永不结束"), encoding="utf-8")
    (folder / "b-正常.txt").write_text(make_doc("正常文件", 2), encoding="utf-8")
    find_headers = split._find_headers

    def hangs_on_one_file(rows):
        while any("永不结束" in c for c in rows.c):  # a splitter bug that never returns
            deadline.check()
        return find_headers(rows)

    monkeypatch.setattr(split, "_find_headers", hangs_on_one_file)
    monkeypatch.setenv(deadline.PARSE_SECONDS_ENV, "0.2")
    monkeypatch.setenv("READER_INDEX_WORKERS", "1")  # in this process, where the patch is
    lib = Library([folder], index_dir=tmp_path / "index")
    summary = lib.update()
    assert not summary.cancelled
    (problem,) = lib.problems()
    assert problem.file.endswith("a-死循环.txt")
    assert all(w in problem.reason for w in TIMEOUT_WORDS), problem.reason
    assert doc_ids(lib, "正常文件")
    lib.close()


@pytest.mark.parametrize("value, expected",
                         [("", deadline.PARSE_SECONDS), ("abc", deadline.PARSE_SECONDS), ("2.5", 2.5)])
def test_the_budget_is_a_named_constant_the_environment_can_override(monkeypatch, value, expected):
    monkeypatch.setenv(deadline.PARSE_SECONDS_ENV, value)
    assert deadline.parse_seconds() == expected


def test_a_large_file_gets_a_budget_in_proportion(monkeypatch):
    """A 200 MB gazette dump parses in about two minutes: it must not be cut off at the
    small-file budget (the heavy benchmark lost all 19,365 documents of one)."""
    monkeypatch.delenv(deadline.PARSE_SECONDS_ENV, raising=False)
    assert deadline.parse_seconds(200_000_000) >= 200 / 1.5  # parse speed of real large files
    assert deadline.parse_seconds(10_000) < 61
