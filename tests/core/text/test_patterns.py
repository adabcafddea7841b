"""reader.core.text.patterns: the shared shapes, one rule each (here: the 文号 normaliser)."""
from __future__ import annotations

import pytest

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
