"""Search from the search bar: results, filters, and hits marked in the opened document."""
from __future__ import annotations

from PySide6.QtCore import Qt

from reader.ui import theme


def _query_in_library(window) -> str:
    """A two-character word that occurs in the library: taken from a document title."""
    for doc in window.service.documents():
        title = "".join(ch for ch in doc.title if "\u4e00" <= ch <= "\u9fff")
        if len(title) >= 4:
            return title[2:4]
    raise AssertionError("no document with a Chinese title")


def test_search_shows_results_and_opening_one_marks_the_hits(open_window, qtbot):
    window = open_window()
    query = _query_in_library(window)
    window.search_bar.field.setText(query)  # never keyClicks with Chinese text
    with qtbot.waitSignal(window.search_done, timeout=5000) as blocker:
        pass  # debounced search-as-you-type fires by itself
    result = blocker.args[0]
    assert result.hits and window.results_model.rowCount() == len(result.hits)
    assert window.left_tabs.currentIndex() == 1
    assert str(result.total) in window.results_label.text()

    # keyboard: Down moves through the results and opens each one
    window.results.setFocus()
    window.results.setCurrentIndex(window.results_model.index(0, 0))
    first = window.current_doc_id
    assert first == result.hits[0].doc.id
    if len(result.hits) > 1:
        qtbot.keyClick(window.results, Qt.Key.Key_Down)
        assert window.current_doc_id == result.hits[1].doc.id

    window.open_document(result.hits[0].doc.id, force=True)
    view = window.reading.view
    hits = view.hits()
    assert hits, "hits are marked in the reading text"
    text = view.text()
    assert all(query in text[s:e] or text[s:e] in query for s, e in hits)
    assert view.current_hit() == 0
    # the marked ranges are on the layout of the block holding the first hit
    block = view.document().findBlock(hits[0][0])
    colours = {r.format.background().color().name() for r in block.layout().formats()}
    assert theme.HIT_BACKGROUND.lower() in colours
    # F3 / Shift+F3 move the current hit; the counter follows
    window.act_next.trigger()
    assert view.current_hit() == (1 if len(hits) > 1 else 0)
    assert f"/ {len(hits)}" in window.reading.hit_label.text()
    window.act_prev.trigger()
    assert view.current_hit() == 0


def test_enter_searches_at_once_and_empty_query_returns_to_the_tree(open_window, qtbot):
    window = open_window()
    query = _query_in_library(window)
    window.search_bar.field.setText(query)
    with qtbot.waitSignal(window.search_done, timeout=30_000):
        window.search_bar.submitted.emit()  # Enter
        assert not window.search_timer.isActive()
    assert window.results_model.rowCount() > 0
    window.search_bar.field.setText("")
    window.run_search_now()
    assert window.results_model.rowCount() == 0
    assert window.left_tabs.currentIndex() == 0


def test_year_filter_limits_results(open_window, search, qtbot):
    window = open_window()
    docs = window.service.documents()
    years = sorted({d.year for d in docs if d.year})
    query = _query_in_library(window)
    unfiltered = search(window, query).total
    if not years:
        assert unfiltered > 0
        return
    bar = window.search_bar
    bar.year_from.setCurrentIndex(bar.year_from.findData(years[-1]))
    bar.year_to.setCurrentIndex(bar.year_to.findData(years[-1]))
    with qtbot.waitSignal(window.search_done, timeout=30_000):
        window.run_search_now()
    assert all(h.doc.year == years[-1] for h in window.last_result.hits)
    assert window.last_result.total <= unfiltered


def test_unit_in_side_panel_searches_the_library(open_window, qtbot):
    window = open_window()
    with_units = [d for d in window.service.documents()
                  if any(s.type == "unit" for s in (window.service.document(d.id).entities))]
    assert with_units, "the seeds have responsibility clauses"
    window.open_document(with_units[0].id)
    units = window.entity_panel.item_texts("unit")
    assert units
    with qtbot.waitSignal(window.search_done, timeout=30_000):
        window.entity_panel.search_requested.emit(units[0])
    assert window.search_bar.query() == units[0]
    assert window.results_model.rowCount() > 0


def test_only_the_newest_search_is_shown(open_window, qtbot):
    window = open_window()
    query = _query_in_library(window)
    shown = []
    window.search_done.connect(lambda result: shown.append(result.query))
    with qtbot.waitSignal(window.search_done, timeout=30_000):
        for end in range(1, len(query) + 1):  # typing faster than the searches finish
            window.search_bar.field.setText(query[:end])
            window.run_search_now()
    qtbot.wait(300)
    assert shown == [query]
    assert window.last_result.query == query
