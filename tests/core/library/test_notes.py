"""收藏 / 已读 / 批注 store (reader.core.library.notes): kept across restarts and re-indexing."""
from __future__ import annotations

import sys
from types import SimpleNamespace

import pytest

from reader.core.documents.identity import DocKey
from reader.core.library.notes import NotesStore, default_notes_path, locate

KEY = DocKey("aaaa", "关于加强预算管理的通知", "/公文/甲.txt")
OTHER = DocKey("bbbb", "关于政府采购的通知", "/公文/甲.txt")


def test_stars_read_marks_and_notes_survive_a_restart(tmp_path):
    path = tmp_path / "notes.sqlite"
    store = NotesStore(path)
    store.set_starred(KEY)
    store.set_read(KEY)
    store.set_read(OTHER)
    store.set_read(OTHER, False)
    store.add_note(KEY, "整篇：下周例会讨论")
    passage = store.add_note(KEY, "时限偏紧", start=12, end=20, quote="6月底前完成")
    store.close()

    again = NotesStore(path)
    assert again.is_starred(KEY) and again.is_read(KEY)
    assert not again.is_starred(OTHER) and not again.is_read(OTHER)
    assert again.starred() == [KEY]
    assert again.read_ids() == {"aaaa"}
    notes = again.notes_for(KEY)
    assert [n.body for n in notes] == ["整篇：下周例会讨论", "时限偏紧"]  # document note first
    assert notes[1] == passage and notes[1].on_passage and not notes[0].on_passage
    again.update_note(passage.id, "时限偏紧，需协调")
    assert again.note(passage.id).body == "时限偏紧，需协调"
    again.delete_note(notes[0].id)
    assert [n.body for n in again.notes_for(KEY)] == ["时限偏紧，需协调"]
    again.set_starred(KEY, False)
    assert again.starred() == []


def doc(id_, title, file="/公文/甲.txt"):
    return SimpleNamespace(id=id_, title=title, file=file)


def test_reindexing_moves_records_to_the_new_id_by_title_and_file(tmp_path):
    store = NotesStore(tmp_path / "n.sqlite")
    store.set_starred(KEY)
    store.add_note(KEY, "批注")
    store.set_read(OTHER)
    # the file was edited above both documents: new ids, same titles and file
    docs = [doc("new-a", KEY.title), doc("new-b", OTHER.title)]
    assert store.reconcile(docs) == 2
    new_key = DocKey("new-a", KEY.title, KEY.file)
    assert store.is_starred(new_key) and [n.body for n in store.notes_for(new_key)] == ["批注"]
    assert store.read_ids() == {"new-b"}
    assert store.reconcile(docs) == 0  # nothing left to move


def test_records_of_missing_or_ambiguous_documents_are_kept_not_moved(tmp_path):
    store = NotesStore(tmp_path / "n.sqlite")
    store.set_starred(KEY)
    assert store.reconcile([doc("x", KEY.title), doc("y", KEY.title)]) == 0  # two candidates
    assert store.reconcile([]) == 0  # folder offline: nothing is lost
    assert store.starred() == [KEY]


def test_a_passage_is_found_again_after_the_text_moved():
    store_note = SimpleNamespace(on_passage=True, start=10, end=16, quote="6月底前完成")
    text = "一、工作目标。到2025年6月底前完成。"
    assert text[10:16] != "6月底前完成"
    start, end = locate(store_note, text)
    assert text[start:end] == "6月底前完成"
    assert locate(store_note, "全文已改写") is None
    assert locate(SimpleNamespace(on_passage=False), text) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG data folder is the Linux rule")
def test_the_store_lives_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("READER_NOTES_FILE", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_notes_path() == tmp_path / "gongwen-reader" / "notes.sqlite"
    monkeypatch.setenv("READER_NOTES_FILE", str(tmp_path / "x.sqlite"))
    assert default_notes_path() == tmp_path / "x.sqlite"
