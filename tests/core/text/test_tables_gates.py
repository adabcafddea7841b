"""tabulate's shortcut (no tab or double space in any paragraph: nothing to do) gives the full
answer: checked on every short string and every short list of them over an alphabet of the
characters a row is made of, so a change to row_cells or the joins without the gate fails here."""
from __future__ import annotations

import itertools

from reader.core.text import tables as T

_ALPHABET = ["\t", " ", "\u3000", "字", "1", "，", "。"]


def _strings(max_len: int):
    for n in range(1, max_len + 1):
        for chars in itertools.product(_ALPHABET, repeat=n):
            yield "".join(chars)


def test_a_paragraph_the_gate_stops_is_no_row():
    for s in _strings(5):
        if not T._may_hold_rows([s]):
            assert T.row_cells(s) is None, repr(s)


def test_gate_never_straddles_two_paragraphs():
    for a, b in itertools.product(list(_strings(3)), repeat=2):
        assert T._may_hold_rows([a, b]) == (T._may_hold_rows([a]) or T._may_hold_rows([b])), (a, b)


def test_gated_tabulate_is_the_full_tabulate(monkeypatch):
    pieces = ["字字，", "1。", "字\t1", "1\t字\t字", "字  字  1", "\t\t字字字。\t"]
    full = {}
    monkeypatch.setattr(T, "_may_hold_rows", lambda texts: True)
    lists = [list(p) for n in (1, 2, 3) for p in itertools.product(pieces, repeat=n)]
    for paras in lists:
        full[tuple(paras)] = T.tabulate([(p, k + 1, k + 1) for k, p in enumerate(paras)])
    monkeypatch.undo()
    for paras in lists:
        texts, found = T.tabulate([(p, k + 1, k + 1) for k, p in enumerate(paras)])
        want_texts, want_found = full[tuple(paras)]
        assert texts == want_texts and found == want_found, paras
