"""Back/forward history, the recent-documents list and document identity (reader.core)."""
from __future__ import annotations

from types import SimpleNamespace

from reader.core.library.history import RECENT_LIMIT, NavHistory, push_recent
from reader.core.documents.identity import DocKey, resolve


def test_back_and_forward_walk_the_visits_like_a_browser():
    h = NavHistory()
    for doc in ("a", "b", "c"):
        h.visit(doc)
    assert h.back() == "b" and h.back() == "a" and h.back() is None
    assert h.current == "a"
    assert h.forward() == "b"
    h.visit("d")  # a new visit clears what was ahead
    assert not h.can_go_forward()
    assert h.back() == "b" and h.back() == "a"


def test_visiting_the_current_document_again_adds_no_step():
    h = NavHistory()
    h.visit("a")
    h.visit("a")
    assert not h.can_go_back()


def test_forgotten_ids_are_skipped():
    h = NavHistory()
    for doc in ("a", "b", "c"):
        h.visit(doc)
    h.forget(["b"])
    assert h.back() == "a"


def test_recent_list_is_newest_first_without_duplicates_and_bounded():
    recent: list[DocKey] = []
    for i in range(RECENT_LIMIT + 3):
        recent = push_recent(recent, DocKey(f"id{i}", f"标题{i}", "/a.txt"))
    assert len(recent) == RECENT_LIMIT
    assert recent[0].id == f"id{RECENT_LIMIT + 2}"
    recent = push_recent(recent, DocKey("id5", "标题5", "/a.txt"))
    assert [k.id for k in recent].count("id5") == 1 and recent[0].id == "id5"
    # the same title and file under a new id (re-indexed) replaces the old entry
    recent = push_recent(recent, DocKey("new5", "标题5", "/a.txt"))
    assert [k.title for k in recent].count("标题5") == 1 and recent[0].id == "new5"


def doc(id_, title, file="/公文/甲.txt"):
    return SimpleNamespace(id=id_, title=title, file=file)


def test_resolve_prefers_the_id_then_title_and_file():
    docs = [doc("1", "关于A的通知"), doc("2", "关于B的通知"), doc("3", "关于B的通知", "/公文/乙.txt")]
    assert resolve(DocKey("2", "x", "y"), docs) == "2"
    assert resolve(DocKey("old", "关于B的通知", "/公文/乙.txt"), docs) == "3"
    assert resolve(DocKey("old", "关于C的通知", "/公文/甲.txt"), docs) is None


def test_resolve_refuses_an_ambiguous_title_in_one_file():
    docs = [doc("1", "会议纪要"), doc("2", "会议纪要")]
    assert resolve(DocKey("old", "会议纪要", "/公文/甲.txt"), docs) is None


def test_keys_round_trip_through_json():
    key = DocKey("ab12", "关于“数字化”的通知", "/公文/甲.txt")
    assert DocKey.from_json(key.to_json()) == key
    assert DocKey.from_json({"title": "no id"}) is None and DocKey.from_json("junk") is None
