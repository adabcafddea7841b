"""reader.core.text.patterns: the shared shapes, one rule each (here: the 文号 normaliser)."""
from __future__ import annotations

import pytest

from reader.core.text import patterns as P
from reader.core.text.patterns import docno_key, has_docno_number, normalise_docno
from reader.core.ledger.refs import CrossRefs, DocRef
from reader.core.library.analysis import fold_docno


@pytest.mark.parametrize("printed,expected", [
    ("甬政办发 [2022] 30 号", "甬政办发〔2022〕30号"),
    ("甬政办发（２０２２）３０号", "甬政办发〔2022〕30号"),
    ("甬政办发【2022】30号", "甬政办发〔2022〕30号"),
    ("（仑科〔2022〕2号）", "仑科〔2022〕2号"),  # outer brackets of a title's tail
    ("国发〔2020〕第14号", "国发〔2020〕14号"),
    ("雲公通〔2023〕6號", "雲公通〔2023〕6號"),  # a traditional document keeps its own character
    ("国务院令第781号", "国务院令第781号"),
    ("〔2023〕9号", "〔2023〕9号"),  # minutes' bare number: brackets and spaces only
])
def test_one_normaliser_for_every_printed_form(printed, expected):
    assert normalise_docno(printed) == expected


def test_compared_forms_fold_the_traditional_hao():
    assert docno_key("雲公通〔2023〕6號") == docno_key("雲公通 (2023) 6号") == "雲公通〔2023〕6号"
    assert fold_docno("雲公通[2023]6號") == fold_docno("雲公通〔2023〕6号")
    assert has_docno_number("[2022] 19 号") and not has_docno_number("2022年19号楼")


def test_a_citation_with_the_other_hao_resolves():
    refs = CrossRefs()
    refs.add(DocRef("a", "雲林縣公安局通告", "雲公通〔2023〕6號"), [])
    refs.add(DocRef("b", "转发通知", None), [("雲公通[2023]6号", 10, 22)])
    (c,) = refs.cites("b")
    assert [t.id for t in c.targets] == ["a"] and c.doc_number == "雲公通〔2023〕6号"


def _walk_balanced_end(text, start, limit, stops, top_stops=""):
    # the character-by-character walk balanced_end stands for
    depth, end = 0, start
    while end < limit:
        ch = text[end]
        if ch in stops or (depth == 0 and ch in top_stops):
            break
        if ch in P.LIST_OPEN:
            depth += 1
        elif ch in P.LIST_CLOSE:
            if depth == 0:
                break
            depth -= 1
        end += 1
    return end


def _walk_split_top_level(text, start, end, separators):
    items, depth, i0 = [], 0, start
    for i in range(start, end):
        ch = text[i]
        if ch in P.LIST_OPEN:
            depth += 1
        elif ch in P.LIST_CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in separators:
            items.append((i0, i))
            i0 = i + 1
    items.append((i0, end))
    return items


def test_list_walkers_are_the_character_walks():
    # balanced_end and split_top_level look only at brackets and stops (a regex skips the rest):
    # the same answers as reading every character
    import random

    rng = random.Random(8)
    pieces = list("（(〔［[【）)〕］]】、，,；;/／\n。\t：:！？ -^\\") + ["市局", "区（县、市）政府"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        for seps in ("、，,； \u3000", "、", "、，,；;/／\n", "-^\\"):
            assert P.split_top_level(text, a, b, seps) == _walk_split_top_level(text, a, b, seps), (text, a, b)
        for stops, top in (("。\n\t：:", "；;，,"), ("。；;\n\t！？：:", ""), ("", ""), ("。\t", "")):
            assert P.balanced_end(text, a, b, stops, top) == _walk_balanced_end(text, a, b, stops, top), (text, a, b)


def test_item_tail_gate_lets_every_tail_through():
    # ITEM_TAIL_RE opens with a look-ahead at its alternatives' first characters: the same
    # tails as the pattern without it, on texts made of the pattern's own characters
    import random
    import re

    assert P.ITEM_TAIL_RE.pattern.startswith(P.ITEM_TAIL_GATE)
    plain = re.compile(P.ITEM_TAIL_RE.pattern[len(P.ITEM_TAIL_GATE):])
    chars = sorted(set(re.findall(r"[\u4e00-\u9fff（）()、，]", plain.pattern)))
    words = ["等部门", "按职责分工负责", "成员单位", "各成员单位", "以下同", "（以下简称市局）", "（牵头）", "要",
             "应当", "市局", "等驻甬部队", "、", "区财政局"]
    rng = random.Random(9)
    found = 0
    for _ in range(30000):
        text = "".join(rng.choice(chars + words) for _ in range(rng.randint(0, 8)))
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        want = plain.search(text, a, b)
        got = P.ITEM_TAIL_RE.search(text, a, b)
        assert (got and got.span()) == (want and want.span()), (text, a, b)
        found += bool(want)
    assert found > 1000
