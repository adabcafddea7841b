"""Folding, bigram keys, offset mapping and the segment store."""
from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core import index as store
from reader.core.analysis import OffsetMap, find_all, fold, fold_char, gram_keys, query_keys

TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from("金融监管局市政府办公厅。，（）：；…①㎡ＡＢＣabcXYZ0123４５ \n、“”〔〕℃Ⅳ𠮷İ"),
        st.characters(min_codepoint=0x20, max_codepoint=0x2FFFF, blacklist_categories=("Cs",)),
    ),
    max_size=40,
)


def test_fold_is_nfkc_and_lower_per_character():
    assert fold("ＡＢＣ，（一）…①㎡") == "abc,(一)...1m2"
    assert fold("宁波市人民政府") == "宁波市人民政府"
    assert fold("İ") == "i̇"  # lower case may lengthen
    for c in "Ａ，①…㎡ℌ𝐀":
        assert fold_char(c) == unicodedata.normalize("NFKC", c).lower()


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_fold_equals_per_character_definition(text):
    assert fold(text) == "".join(unicodedata.normalize("NFKC", c).lower() for c in text)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.data())
def test_offset_map_points_at_the_characters_that_produced_a_match(text, data):
    folded = fold(text)
    if not folded:
        return
    i = data.draw(st.integers(0, len(folded) - 1))
    j = data.draw(st.integers(i + 1, len(folded)))
    m = OffsetMap(text)
    s, e = m.start(i), m.end(j)
    assert 0 <= s < e <= len(text)
    # the original slice folds to a string that contains the folded match
    assert folded[i:j] in fold(text[s:e])


@settings(max_examples=300, deadline=None)
@given(TEXT, st.data())
def test_query_keys_are_a_subset_of_the_keys_of_every_text_containing_the_word(text, data):
    folded = fold(text)
    if not folded:
        return
    i = data.draw(st.integers(0, len(folded) - 1))
    j = data.draw(st.integers(i + 1, len(folded)))
    assert query_keys(folded[i:j]) <= gram_keys(folded)


def test_keys_of_short_strings():
    assert gram_keys("") == set() and query_keys("") == set()
    assert query_keys("局") == {ord("局")}
    assert len(query_keys("市政府")) == 2
    assert len(query_keys("𠮷")) == 1  # a surrogate pair is one bigram


def test_find_all_overlapping():
    assert find_all("aaaa", "aa") == [0, 1, 2]
    assert find_all("abc", "") == []


def test_segment_round_trip(tmp_path):
    b = store.SegmentBuilder()
    docs = {7: "金融监管局", 9: "市政府金融办", 12: "局"}
    for key, text in docs.items():
        b.add(key, gram_keys(fold(text)), len(text))
    path = tmp_path / store.segment_name(1)
    nterms = b.write(path)
    seg = store.Segment(path)
    assert nterms == len(seg.terms)
    for word in ["金融", "局", "监管局", "政府金", "不在"]:
        want = {k for k, t in docs.items() if word in t}
        got = None
        for g in query_keys(word):
            ks = set(seg.docs(g))
            got = ks if got is None else got & ks
        assert want <= (got or set())
        if len(word) == 2 or len(word) == 1:
            assert got == want
    assert seg.doc_count(next(iter(query_keys("金融")))) == 2
    seg.close()


def test_truncated_segment_is_refused(tmp_path):
    b = store.SegmentBuilder()
    b.add(1, gram_keys("金融监管"), 4)
    path = tmp_path / store.segment_name(1)
    b.write(path)
    path.write_bytes(path.read_bytes()[:-4])
    try:
        store.Segment(path)
    except ValueError as exc:
        assert "truncated" in str(exc)
    else:
        raise AssertionError("a truncated segment must not open")


def test_orphan_segments_are_removed_on_open(tmp_path):
    conn, notice = store.open_store(tmp_path)
    assert notice is None
    conn.close()
    orphan = tmp_path / store.segment_name(99)
    orphan.write_bytes(b"left by a killed indexer")
    conn, _ = store.open_store(tmp_path)
    conn.close()
    assert not orphan.exists()


def test_text_packing_round_trip():
    s = "宁波\n𠮷…ＡＢＣ"
    assert store.unpack_text(store.pack_text(s)) == s
    assert store.unpack_text(None) == ""
    assert store.unpack_json(store.pack_json({"a": ["一"]})) == {"a": ["一"]}
