"""The gates entities puts before its scans let through everything the scans can find."""
from __future__ import annotations

import pytest

from reader.core.documents import entities as E


def test_trigger_gate_is_the_triggers_first_characters():
    gate = E._first_chars(E._TRIGGER_WORDS)
    assert E._TRIGGER_RE.pattern.startswith(f"(?=[{gate}])")
    for word in ("牵头", "负责", "会同", "主管", "商", "由", "邀请", "要", "批准", "起诉"):
        assert word[0] in gate
    # the words inside 主管(?=全国|本行政区域|…) and 商(?=国务院|…|市|区|县|…) start no trigger
    for ch in "市区县国有本各同省":
        assert ch not in gate
    assert E._TRIGGER_RE.search("由市住建局牵头") is not None


def test_trigger_gate_refuses_a_pattern_it_cannot_read():
    with pytest.raises(ValueError):
        E._first_chars("牵头|[甲乙]负责")


def test_comma_bearer_gate():
    text = "对材料齐全的，执收单位应当当场受理。"
    assert E._BEARER_DUTY_WORDS_RE.search(text) and E._COMMA_BEARER_RE.search(text)
    assert [text[a:b] for a, b in E._conditional_subjects(text)] == ["执收单位"]
    assert E._conditional_subjects("对材料齐全的，执收单位当场受理。") == []  # no duty word: the gate shuts


def test_publicity_gate_of_the_splitter():
    # split._Rows tries _PUBLICITY.fullmatch only on a row that opens with a bracket
    from reader.core.documents import split as S

    assert S._PUBLICITY.pattern.startswith("[（(]")
    assert S._PUBLICITY.fullmatch("（此件公开发布）") and not S._PUBLICITY.fullmatch("此件公开发布）")


def test_fast_span_is_the_constructors_span():
    import dataclasses
    import pickle

    from reader.core.model import Span

    made, built = E._span("date", 3, 9, "2024年"), Span("date", 3, 9, "2024年")
    assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
    assert vars(made) == vars(built) and list(vars(made)) == [f.name for f in dataclasses.fields(Span)]
    assert pickle.dumps(made) == pickle.dumps(built)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.start = 4
