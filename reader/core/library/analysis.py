"""Text folding and character bigrams: what "the same text" means for search.

Search has one rule: a query word matches a document iff the document's
reading text contains it, after both are *folded* the same way. Folding maps
every character on its own to NFKC and lower case (full-width ``，`` → ``,``,
``Ａ`` → ``a``, ``…`` → ``...``, ``①`` → ``1``). Folding character by
character (not NFKC of the whole string) keeps it a pure per-character map,
so positions in folded text can be mapped back to the original text
(:class:`OffsetMap`) and the same function serves documents and queries.

The index's content terms are the folded text's single characters and
character pairs, keyed as 32-bit integers (two UTF-16 code units), with their
counts and no positions: cheap to build and to store. For a word of one or two
code units the postings decide; for longer words they only narrow the
candidate documents and a substring check on the folded text decides. Keep this module's
import path stable: stored indexes name ANALYZER_VERSION and must be rebuilt
whenever folding or bigram keys change.
"""
from __future__ import annotations

import re
import sys
import unicodedata
from array import array
from bisect import bisect_right
from collections import Counter

from reader.core.text.patterns import docno_key

# Bump whenever fold() or gram_keys() change: stored indexes are rebuilt.
ANALYZER_VERSION = f"5-{sys.byteorder}"

# Supplementary planes whose characters NFKC changes and that occur in real text:
# mathematical alphanumerics, enclosed alphanumerics, CJK compatibility ideographs.
_EXTRA_RANGES = ((0x1D400, 0x1D800), (0x1F100, 0x1F300), (0x2F800, 0x2FA20), (0x1FBF0, 0x1FBFA))

_table: dict[str, str] | None = None
_changing: re.Pattern[str] | None = None
_expanding: re.Pattern[str] | None = None


def _build_tables() -> None:
    global _table, _changing, _expanding
    table: dict[str, str] = {}
    ranges = [(0, 0xD800), (0xE000, 0x10000), *_EXTRA_RANGES]
    for lo, hi in ranges:
        for cp in range(lo, hi):
            c = chr(cp)
            f = unicodedata.normalize("NFKC", c).lower()
            if f != c:
                table[c] = f
    _table = table
    # Only BMP characters in the class: the regex engine tests a BMP class with a
    # bitmap, but scans a list for astral characters (100× slower per character).
    bmp = [c for c in sorted(table) if ord(c) < 0x10000]
    _changing = re.compile("[" + "".join(re.escape(c) for c in bmp) + "]|[\U00010000-\U0010FFFF]")
    expanding = sorted(c for c, f in table.items() if len(f) != 1 and ord(c) < 0x10000)
    _expanding = re.compile("[" + "".join(re.escape(c) for c in expanding) + "]|[\U00010000-\U0010FFFF]")


def _tables() -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    if _table is None:
        _build_tables()
    assert _table is not None and _changing is not None and _expanding is not None
    return _table, _changing, _expanding


def fold(text: str) -> str:
    """NFKC + lower case, character by character (about 40 ns per character)."""
    table, changing, _ = _tables()
    get = table.get
    return changing.sub(lambda m: get(m.group()) or _astral(m.group()), text)


def _astral(c: str) -> str:
    """Fold of a character outside the precomputed table (astral planes), cached."""
    table, _, _ = _tables()
    f = table.get(c)
    if f is None:
        f = unicodedata.normalize("NFKC", c).lower()
        table[c] = f
    return f


def fold_char(c: str) -> str:
    table, _, _ = _tables()
    return table.get(c) or (_astral(c) if ord(c) >= 0x10000 else c)


class OffsetMap:
    """Maps offsets in fold(text) back to offsets in text.

    Most characters fold to exactly one character; only the few that expand
    (``…`` → ``...``, ``㎡`` → ``m2``) shift later offsets, so only those are
    recorded.
    """

    def __init__(self, text: str):
        table, _, expanding = _tables()
        self._fpos: list[int] = []  # folded offset where an expansion starts
        self._opos: list[int] = []  # its original offset
        self._flen: list[int] = []  # its folded length
        shift = 0
        for m in expanding.finditer(text):
            o = m.start()
            n = len(table.get(m.group()) or _astral(m.group()))
            if n == 1:
                continue
            self._fpos.append(o + shift)
            self._opos.append(o)
            self._flen.append(n)
            shift += n - 1
        self.identity = not self._fpos

    def start(self, fpos: int) -> int:
        """Original offset of the character that produced folded offset fpos."""
        if self.identity:
            return fpos
        k = bisect_right(self._fpos, fpos) - 1
        if k < 0:
            return fpos
        f0, o0, n = self._fpos[k], self._opos[k], self._flen[k]
        if fpos < f0 + n:
            return o0
        return fpos - (f0 + n) + o0 + 1

    def end(self, fpos: int) -> int:
        """Original exclusive end for a folded exclusive end fpos."""
        if self.identity or fpos <= 0:
            return fpos
        return self.start(fpos - 1) + 1


def gram_keys(folded: str) -> set[int]:
    """The keys a document is indexed under: its bigrams and its single characters.

    A bigram key is two adjacent UTF-16 code units packed into one 32-bit
    integer (first unit in the low half), read straight from the encoded bytes
    without per-bigram string objects; a single-character key is the code unit.
    (A bigram whose second unit is U+0000 shares its key with a character: the
    candidates are then a superset, which verification removes.)
    """
    data = folded.encode("utf-16-le", "surrogatepass")
    n = len(data)
    if n < 2:
        return set()
    view = memoryview(data)
    keys = set(view[: n // 2 * 2].cast("H"))
    if n >= 4:
        keys.update(view[: n // 4 * 4].cast("I"))
    if n >= 6:
        keys.update(view[2 : 2 + (n - 2) // 4 * 4].cast("I"))
    return keys


def query_keys(folded_word: str) -> set[int]:
    """Keys every document containing folded_word is indexed under.

    Its bigrams (selective) when it has two or more code units, else its
    single character.
    """
    data = folded_word.encode("utf-16-le", "surrogatepass")
    n = len(data)
    if n < 2:
        return set()
    view = memoryview(data)
    if n == 2:
        return set(view.cast("H"))
    keys = set(view[: n // 4 * 4].cast("I"))
    if n >= 6:
        keys.update(view[2 : 2 + (n - 2) // 4 * 4].cast("I"))
    return keys


def gram_counts(folded: str) -> tuple[array, bytes]:
    """The document's terms for the index: each distinct key of :func:`gram_keys` and
    how often it occurs (capped at 255), as parallel arrays.

    Counting runs in C (Counter over memoryview casts): about 60 ns per character.
    The count of a two-unit word's key is its (overlapping) occurrence count, which
    ranking uses as the term frequency without reading the text.
    """
    data = folded.encode("utf-16-le", "surrogatepass")
    n = len(data)
    counts: Counter = Counter()
    if n >= 2:
        view = memoryview(data)
        counts.update(view[: n // 2 * 2].cast("H"))
        if n >= 4:
            counts.update(view[: n // 4 * 4].cast("I"))
        if n >= 6:
            counts.update(view[2 : 2 + (n - 2) // 4 * 4].cast("I"))
    keys = array("I", counts.keys())
    return keys, bytes([c if c < 255 else 255 for c in counts.values()])


def find_all(folded_text: str, folded_word: str) -> list[int]:
    """Every start offset of folded_word in folded_text, overlapping ones included."""
    out: list[int] = []
    if not folded_word:
        return out
    find = folded_text.find
    i = find(folded_word)
    while i >= 0:
        out.append(i)
        i = find(folded_word, i + 1)
    return out


def fold_docno(s: str) -> str:
    """A 文号 folded for the index and the query alike: reader.core.text.patterns.docno_key (any
    brackets as 〔〕, no spaces, 號 as 号), then search folding."""
    return fold(docno_key(s))
