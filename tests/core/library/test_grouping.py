"""How documents are grouped for the tree, without Qt (reader.core.library.grouping)."""
from __future__ import annotations

from pathlib import Path

from reader.core.library.grouping import Twin, plan_source_tree, plan_tree, twin_notes
from reader.core.library.records import DocInfo


def info(id, title, issuers=(), year=None, date=None, number=None, file="x.txt", first_line=1):
    return DocInfo(id=id, title=title, doc_number=number, issuers=list(issuers), canonical_issuers=list(issuers),
                   date=date, year=year, kind="通知", file=file, first_line=first_line, last_line=first_line + 1)


def test_plan_groups_issuers_by_size_then_years_newest_first_and_unknown_last():
    docs = [info("a", "一", ["甲局"], 2021, "2021-03-01"), info("b", "二", ["甲局"], 2022, "2022-01-05"),
            info("c", "三", ["甲局", "乙局"], 2022, "2022-09-30"), info("d", "四", [], None)]
    plan = plan_tree(docs, unknown="?")
    assert [(issuer, [(y, [d.id for d in ds]) for y, ds in years]) for issuer, years in plan.grouped] == [
        ("甲局", [("2022", ["c", "b"]), ("2021", ["a"])]),
        ("乙局", [("2022", ["c"])]),
        ("?", [("?", ["d"])]),
    ]


def test_filter_words_keep_only_matching_documents_and_counts_follow():
    docs = [info("a", "住房保障通知", ["甲局"], 2021), info("b", "交通通知", ["甲局"], 2021)]
    plan = plan_tree(docs, words=["住房"])
    texts = [n.text for n in plan.nodes if n.kind != "root"]
    assert texts == ["甲局（1）", "2021（1）", "住房保障通知"]


def test_twins_get_their_place_and_first_line():
    docs = [info("x", "任免名单", first_line=40), info("y", "任免名单", first_line=12), info("z", "别的")]
    assert twin_notes(docs) == {"y": Twin(1, 2, 12), "x": Twin(2, 2, 40)}


def test_source_plan_keeps_file_order_and_natural_issue_order():
    docs = [info("a", "甲", file="/g/第10期.txt", first_line=30), info("b", "乙", file="/g/第2期.txt", first_line=5),
            info("c", "丙", file="/g/第10期.txt", first_line=3)]
    plan = plan_source_tree(docs)
    assert [(f, [d.id for d in ds[0][1]]) for f, ds in plan.grouped] == [
        ("/g/第2期.txt", ["b"]), ("/g/第10期.txt", ["c", "a"])]


def test_twins_in_a_paged_source_start_at_their_page(tmp_path, qapp):  # qapp: the fixture PDF is drawn by Qt
    """The tree tells same-titled documents of a PDF apart by page, as the reading pane names them:
    the pages are stored in the index, so the tree's DocInfo has them without loading any text."""
    from reader.core.library.library import Library
    from tests import formats_fixtures as fx

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "公报.pdf").write_bytes(fx.gazette_pdf(columns=2))
    (folder / "公报.txt").write_text(fx.gazette_text(), encoding="utf-8")
    lib = Library([folder], index_dir=tmp_path / "index")
    try:
        lib.update()
        infos = lib.documents()
    finally:
        lib.close()
    by_suffix = {Path(d.file).suffix: d for d in infos}
    assert by_suffix[".pdf"].pages == (1, 1) and by_suffix[".txt"].pages is None
    twins = [info("a", "任免名单", file="g.pdf", first_line=40), info("b", "任免名单", file="g.pdf", first_line=9)]
    twins[0].pages, twins[1].pages = (3, 4), (1, 1)
    assert twin_notes(twins) == {"b": Twin(1, 2, 9, 1), "a": Twin(2, 2, 40, 3)}
