"""Security: document text is shown as text, export stays in its folder, queries cannot break search.

Decisions tested here:
- HTML, <script>, Qt rich text and entities in a file are shown literally everywhere:
  reading pane, its header, results list, tree, entity panel and every tooltip (Qt would
  render a tooltip that looks like HTML as rich text, so tooltips are escaped when needed).
- Bidi embedding/override/isolate controls (U+202A–U+202E, U+2066–U+2069) are dropped from
  the reading text: they only reorder what is displayed, so a file could show one thing and
  be searched as another. Other control characters (C0 except tab/newline, DEL, C1) are
  made visible as their Unicode "control picture" (␇ ␛ ␡) or U+FFFD, so they can neither
  vanish nor act on a terminal (`reader search`/`reader parse` print document text).
"""
from __future__ import annotations

import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.export import export_documents
from reader.core.library.library import Library
from reader.core.model import Document, Metadata, Span
from reader.core.documents.pipeline import parse_text
from tests.reliability.helpers import make_doc

MARKUP_TITLE = "关于<b>加粗</b>和<script>alert(1)</script>的通知"
EVIL = (
    f"{MARKUP_TITLE}\n"
    "甬政发〔2024〕9号\n"
    "各区县（市）人民政府，市直各单位：\n"
    "正文<img src=\"file:///etc/passwd\">与<a href=\"http://example.com/\">链接</a>&amp;实体&lt;不解码&gt;。\n"
    "<table><tr><td>表格</td></tr></table><style>body{color:red}</style><qt>富文本</qt>\n"
    "控制字符：响铃\x07退格\x08转义\x1b[31m红色\x1b[0m删除\x7f结束\x85换行。\n"
    "方向覆盖：\u202e文件名.exe\u202c与\u2066隔离\u2069和\u202b嵌入\u202c。\n"
    "请市财政局负责落实，2024年6月30日前完成。\n"
    "宁波市人民政府\n"
    "2024年3月1日\n"
)
LITERALS = ["<b>加粗</b>", "<script>alert(1)</script>", "<img src=\"file:///etc/passwd\">",
            "<a href=\"http://example.com/\">链接</a>", "&amp;实体&lt;不解码&gt;", "<style>body{color:red}</style>",
            "<qt>富文本</qt>"]
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
EVIL_FILE_NAME = "<i>斜体<u>文件 & 名.txt"


# ── core: what the reading text holds ────────────────────────────────────────


def test_reading_text_keeps_markup_literally_and_neutralises_controls():
    (doc, *_) = parse_text(EVIL)
    for literal in LITERALS:
        assert literal in doc.text, literal
    assert not BIDI.search(doc.text)
    assert not CONTROLS.search(doc.text.replace("\n", "").replace("\t", ""))
    assert "响铃␇退格␈转义␛[31m红色␛[0m删除␡结束" in doc.text
    assert "文件名.exe与隔离和嵌入" in doc.text
    assert doc.meta.title.startswith("关于<b>加粗</b>")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_no_control_or_bidi_character_survives_normalising(text):
    for doc in parse_text("关于测试的通知\n" + text + "\n宁波市人民政府\n"):
        assert not BIDI.search(doc.text)
        assert not CONTROLS.search(doc.text.replace("\n", "").replace("\t", ""))
        assert not BIDI.search(doc.meta.title) and not CONTROLS.search(doc.meta.title)


# ── GUI: every place that shows document text ───────────────────────────────


def shown(tooltip: str) -> str:
    """What Qt displays for a tooltip string (rich text when it looks like HTML)."""
    from PySide6.QtGui import Qt, QTextDocument

    if not Qt.mightBeRichText(tooltip):
        return tooltip
    doc = QTextDocument()
    doc.setHtml(tooltip)
    return doc.toPlainText()


@pytest.fixture
def evil_window(open_window, tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / EVIL_FILE_NAME).write_text(EVIL, encoding="utf-8")
    (folder / "普通.txt").write_text(make_doc("普通文件"), encoding="utf-8")
    window = open_window([str(folder)])
    window.reload_documents()
    return window


def _evil_doc(window):
    (info,) = [d for d in window.service.documents() if d.file.endswith(EVIL_FILE_NAME)]
    return window.service.document(info.id)


def test_reading_pane_shows_markup_literally(evil_window):
    from PySide6.QtCore import Qt

    w = evil_window
    doc = _evil_doc(w)
    assert w.open_document(doc.id)
    view = w.reading.view
    assert view.toPlainText() == doc.text
    qdoc = view.document()
    block = qdoc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            assert not fmt.isImageFormat() and not fmt.isAnchor() and not fmt.isTableCellFormat()
            it += 1
        block = block.next()
    assert qdoc.allFormats() and not any(f.isImageFormat() for f in qdoc.allFormats())
    header = w.reading
    assert header.title_label.text() == doc.meta.title
    assert header.title_label.textFormat() == Qt.TextFormat.PlainText
    assert EVIL_FILE_NAME in header.source_label.text()
    assert shown(header.source_label.toolTip()) == doc.file
    assert doc.meta.title in w.windowTitle()


def test_results_list_and_snippets_show_markup_literally(evil_window, qtbot):
    from PySide6.QtCore import Qt

    w = evil_window
    with qtbot.waitSignal(w.search_done, timeout=30_000) as blocker:
        w.search_bar.field.setText("加粗")
        w.run_search_now()
    result = blocker.args[0]
    assert result.hits
    model = w.results_model
    index = model.index(0, 0)
    hit = model.hits[0]
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == hit.doc.title == _evil_doc(w).meta.title
    tip = shown(model.data(index, Qt.ItemDataRole.ToolTipRole))
    assert tip.split("\n")[0] == hit.doc.title and hit.doc.file in tip
    for snippet in hit.snippets:
        assert "<" in snippet.text or "加粗" in snippet.text
    assert not w.results.grab().isNull()  # the delegate paints it (plain QTextLayout) without error


def test_tree_shows_markup_literally(evil_window):
    from PySide6.QtCore import Qt

    w = evil_window
    doc = _evil_doc(w)
    index = w.tree_model.find_doc(doc.id)
    assert index.isValid()
    assert w.tree_model.data(index, Qt.ItemDataRole.DisplayRole) == doc.meta.title
    assert shown(w.tree_model.data(index, Qt.ItemDataRole.ToolTipRole)).split("\n")[0] == doc.meta.title
    assert not w.tree.grab().isNull()


def test_entity_panel_and_its_tooltips_show_markup_literally(qtbot):
    from reader.ui.entities_panel import EntityPanel

    text = "由<b>市财政局</b>负责，于<i>2024年</i>完成，见<a href='x'>甬政发〔2024〕1号</a>。"
    spans = []
    for kind, needle in (("unit", "<b>市财政局</b>"), ("date", "<i>2024年</i>"),
                         ("docref", "<a href='x'>甬政发〔2024〕1号</a>")):
        start = text.index(needle)
        spans.append(Span(kind, start, start + len(needle), needle))
    panel = EntityPanel()
    qtbot.addWidget(panel)
    panel.set_spans(text, spans)
    for span in spans:
        group = panel.groups[span.type]
        item = group.child(0)
        assert item.text(0) == span.text
        assert shown(item.toolTip(0)) == span.text
        assert panel.item_texts(span.type) == [span.text]
    with qtbot.waitSignal(panel.search_requested) as blocker:
        panel._double_clicked(panel.groups["unit"].child(0))
    assert blocker.args == ["<b>市财政局</b>"]  # the value searched is the literal text


def test_progress_and_problem_tooltips_show_file_names_literally(evil_window, tmp_path):
    from reader.ui.dialogs import ProblemsDialog
    from reader.core.library.library import Problem

    w = evil_window
    name = str(tmp_path / "<b>坏</b>文件.txt")
    w._indexing_progress(1, 2, name)
    assert shown(w.progress.toolTip()) == name
    dialog = ProblemsDialog([Problem(name, "空文件 (empty file)")], w)
    assert dialog.table.item(0, 0).text() == name
    assert shown(dialog.table.item(0, 0).toolTip()) == name


# ── export: only inside the chosen folder, safe unique names ────────────────


def _doc(title: str, number: str | None = None, text: str = "正文。") -> Document:
    return Document(file="/src/x.txt", encoding="utf-8", first_line=1, last_line=3,
                    meta=Metadata(title=title, doc_number=number), text=text)


HOSTILE_TITLES = [
    "../../../etc/passwd", "..\\..\\windows\\system32\\evil", "/absolute/path", "C:\\Windows\\win.ini",
    'a/b\\c:d*e?f"g<h>i|j', "..", ".", "...", "", "   ", "CON", "nul", "COM1", "LPT9", "con.txt", "Aux .  ",
    "名" * 400, "a" * 1000, "重复的标题", "重复的标题", "重复的标题", "\x00\x01控制\x1f字符", ".hidden",
    "~", "-rf", "\u202e文件名.exe", "title\nwith\nnewlines",
]


def test_export_writes_only_inside_the_folder_with_safe_unique_names(tmp_path):
    out = tmp_path / "out"
    docs = [_doc(t) for t in HOSTILE_TITLES] + [_doc("标题", "../../甬政发〔2024〕1号")]
    before_outside = set(tmp_path.iterdir())
    paths = export_documents(docs, out)
    assert len(paths) == len(docs) == len(set(paths))
    assert set(tmp_path.iterdir()) == before_outside | {out}  # nothing written next to it
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == len(docs)
    assert len({n.lower() for n in names}) == len(names)  # unique even on a case-insensitive disk
    for p in paths:
        assert p.parent == out.resolve()
        name = p.name
        assert not set('/\\:*?"<>|') & set(name) and not CONTROLS.search(name)
        assert len(name.encode("utf-8")) <= 255 and not name.startswith(".") and not name.endswith((" ", "."))
        stem = name.split(".")[0].strip().lower()
        assert stem not in {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                            *(f"lpt{i}" for i in range(1, 10))}, name
        assert not BIDI.search(name)
    assert {p.read_text(encoding="utf-8").split("\n")[0] for p in paths} >= {"标题：重复的标题"}


def test_export_never_overwrites_and_never_follows_a_planted_symlink(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("原文件", encoding="utf-8")
    os.symlink(victim, out / "重要通知.txt")  # a link planted where the export would write
    (out / "重要通知 (2).txt").write_text("已有的文件", encoding="utf-8")
    (path,) = export_documents([_doc("重要通知")], out)
    assert path.name == "重要通知 (3).txt"
    assert victim.read_text(encoding="utf-8") == "原文件"
    assert (out / "重要通知 (2).txt").read_text(encoding="utf-8") == "已有的文件"


def test_single_file_export_name_is_made_safe(tmp_path):
    out = tmp_path / "out"
    (path,) = export_documents([_doc("甲"), _doc("乙")], out, single_file="../../逃逸.txt")
    assert path.parent == out.resolve() and not (tmp_path / "逃逸.txt").exists()


# ── queries: a result or a clear message, never an exception ────────────────


@pytest.fixture(scope="module")
def query_library(tmp_path_factory):
    base = tmp_path_factory.mktemp("queries")
    folder = base / "lib"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_text(make_doc(f"检索主题{i}", i), encoding="utf-8")
    (folder / "evil.txt").write_text(EVIL, encoding="utf-8")
    lib = Library([folder], index_dir=base / "index")
    lib.update()
    return lib


HOSTILE_QUERIES = [
    '"', '"""', '"未闭合的引号', '检索"主题', "'", "OR", "AND", "NOT", "-", "--", "- -", ":", "::", "发文机关:",
    "年份:", "年份:abc", "年份:2024-", "年份:99999999999999999999", "OR OR OR", "-通知", "-*", "*", "?",
    ".*[(?", "(((", ")", "[", "\\", "\\\\", "a" * 10_000, "通知" * 5000, "\x00", "通\x00知", "😀", "通知😀",
    "\ud800", "a\udfffb", "\u202e知通", "   ", "\t\n", "%", "_", "'; DROP TABLE docs; --", "<script>", "&amp;",
    "发文机关:\"", "文种:", "\uffff", "\U0010ffff",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES, ids=range(len(HOSTILE_QUERIES)))
def test_hostile_queries_give_a_result_or_a_message(query_library, query):
    r = query_library.search(query)
    assert r.error is None or (isinstance(r.error, str) and r.error.strip())
    assert r.total >= len(r.hits) >= 0
    r = query_library.search(query, issuer=query, kind=query, year_from=-1, year_to=10**9, sort="date")
    assert r.error is None or r.error.strip()


def test_markup_queries_find_the_literal_text(query_library):
    for literal in ("<script>alert(1)</script>", "&amp;实体", "<b>加粗</b>"):
        r = query_library.search(f'"{literal}"')
        assert r.error is None and r.hits, literal


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=80) | st.text(alphabet='"-:()*?[]\\ OR通知年份发文机关文种 ', max_size=30))
def test_any_string_is_a_result_or_a_message(query_library, query):
    r = query_library.search(query)
    assert r.error is None or r.error.strip()
    assert len(r.hits) <= r.total


def test_query_with_surrogates_via_cli_is_not_a_traceback(query_library, tmp_path):
    from tests.reliability.helpers import run_reader

    r = run_reader("search", '"未闭合 OR -', "--index-dir", str(query_library.index_dir))
    assert "Traceback" not in r.stderr


def test_task_panel_tooltips_show_markup_literally(qtbot):
    from reader.core.ledger.tasks import extract_tasks
    from reader.ui.tasks_panel import TaskPanel

    text = ("关于做好<b>资金</b>工作的通知\n各单位：\n"
            "一、由市财政局负责落实<b>专项</b>资金<img src=x>，2024年6月30日前完成。\n"
            "宁波市人民政府\n2024年3月1日\n")
    (doc,) = parse_text(text)
    import dataclasses

    tasks = extract_tasks(doc)
    assert tasks
    # the task extractor drops markup itself; the panel must not depend on that
    tasks = [dataclasses.replace(t, text="由<b>市财政局</b>负责<img src=x>落实") for t in tasks]
    panel = TaskPanel()
    qtbot.addWidget(panel)
    panel.set_tasks(tasks)
    for i, task in enumerate(tasks):
        assert shown(panel.tree.topLevelItem(i).toolTip(1)) == task.text
