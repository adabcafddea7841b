"""The query language, exact search, ranking, snippets and facets.

Query language (also in README.md):

- words separated by spaces must all occur (AND): ``金融 监管``
- ``"quoted phrase"`` (also “…”) is one word, spaces included
- ``A OR B`` (or ``A | B``): either; OR binds tighter than AND
- ``-word`` excludes documents containing word
- field filters: ``发文机关:``/``issuer:``, ``年份:``/``year:`` (``2022``, ``2021-2023``),
  ``文号:``/``docno:``, ``文种:``/``kind:``, ``标题:``/``title:``, ``单位:``/``unit:``;
  they can be negated and ORed too; full-width ``：`` works as well

A word matches a document iff the document's folded reading text contains it
(see reader.core.library.analysis). Ranking is BM25F over exact occurrence counts with
the title and the doc number weighted up.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.core.library.analysis import OffsetMap, find_all, fold, fold_docno
from reader.core.text.patterns import docno_brackets, has_docno_number

if TYPE_CHECKING:
    from reader.core.library.records import DocInfo

MAX_QUERY_CHARS = 1000
MAX_TERMS = 64
SNIPPET_CHARS = 120
SNIPPET_BEFORE = 30
MAX_SNIPPETS = 3


@dataclass
class Snippet:
    text: str
    marks: list[tuple[int, int]]  # offsets into Snippet.text


@dataclass
class Hit:
    doc: "DocInfo"
    score: float
    hit_count: int
    snippets: list[Snippet]


@dataclass
class SearchResult:
    query: str
    hits: list[Hit]
    total: int
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    error: str | None = None


# ---------------------------------------------------------------- parsing
FIELD_ALIASES = {
    "发文机关": "issuer", "机关": "issuer", "issuer": "issuer",
    "年份": "year", "年度": "year", "year": "year",
    "文号": "docno", "docno": "docno",
    "文种": "kind", "kind": "kind",
    "标题": "title", "title": "title",
    "单位": "unit", "责任单位": "unit", "unit": "unit",
    "备注": "note", "批注": "note", "note": "note",
}
_OPEN_QUOTES = {'"': '"', "“": "”", "＂": "＂", "”": "”"}
_CLOSE_QUOTES = {'"', "”", "＂", "“"}
_YEAR_RE = re.compile(r"^(\d{4})年?(?:(?:-|–|—|~|～|至|到|\.\.)(\d{4})年?)?$")


class QueryError(ValueError):
    """A query that cannot be run; the message is for the user, in Chinese."""


@dataclass
class Term:
    field: str | None  # None: the reading text
    value: str  # folded; for year: "lo-hi"
    raw: str

    def year_range(self) -> tuple[int, int]:
        lo, hi = self.value.split("-")
        return int(lo), int(hi)


@dataclass
class Clause:
    alternatives: list[Term]
    negated: bool = False


@dataclass
class Query:
    clauses: list[Clause]

    def positive_words(self) -> list[str]:
        """Folded text words whose occurrences count and are marked."""
        out: list[str] = []
        for c in self.clauses:
            if c.negated:
                continue
            for t in c.alternatives:
                if t.field is None and t.value not in out:
                    out.append(t.value)
        return out


def _lex(q: str) -> list[str]:
    """Split at whitespace outside quotes; tokens keep their quote characters."""
    tokens: list[str] = []
    i, n = 0, len(q)
    while i < n:
        if q[i].isspace():
            i += 1
            continue
        j = i
        while j < n and not q[j].isspace():
            ch = q[j]
            if ch in _OPEN_QUOTES:
                j = _quote_end(q, j) + 1  # an unclosed quote runs to the end
                continue
            j += 1
        tokens.append(q[i:j])
        i = j
    return tokens


def _quote_end(s: str, i: int) -> int:
    """Index of the quote that closes the one at s[i], or len(s) when none does.

    A straight " is also closed by any other double quote (” ＂ “): pasted text mixes them.
    """
    close = _OPEN_QUOTES[s[i]]
    k = i + 1
    while k < len(s) and s[k] != close and not (close == '"' and s[k] in _CLOSE_QUOTES):
        k += 1
    return k


def _unquote(s: str) -> tuple[str, bool]:
    """Remove quote characters (the phrase delimiters); True when there were some."""
    out = []
    i, n = 0, len(s)
    quoted = False
    while i < n:
        ch = s[i]
        if ch in _OPEN_QUOTES:
            k = _quote_end(s, i)
            out.append(s[i + 1 : k])
            quoted = True
            i = k + 1
            continue
        out.append(ch)
        i += 1
    return "".join(out), quoted


def _make_term(token: str) -> tuple[Term, bool]:
    """A token → (Term, negated)."""
    negated = False
    if token in ("-", "－"):
        raise QueryError("“-”后面应紧跟要排除的词，例如 -通知。")
    if token[:1] in ("-", "－"):
        negated = True
        token = token[1:]
    m = re.match(r"^([^:：\"“”＂]{1,8})[:：](.*)$", token, re.S)
    if m and m.group(1).lower() in FIELD_ALIASES:
        fname = FIELD_ALIASES[m.group(1).lower()]
        value, _ = _unquote(m.group(2))
        value = value.strip()
        if not value:
            raise QueryError(f"“{m.group(1)}:”后面需要填写内容，例如 {m.group(1)}:2022。")
        if fname == "year":
            ym = _YEAR_RE.match(fold(value).replace(" ", ""))
            if not ym:
                raise QueryError(f"年份写法不对：“{value}”。请写四位数字，例如 年份:2022 或 年份:2021-2023。")
            lo = int(ym.group(1))
            hi = int(ym.group(2) or lo)
            if lo > hi:
                lo, hi = hi, lo
            return Term("year", f"{lo}-{hi}", token), negated
        if fname == "docno":
            return Term("docno", fold_docno(value), token), negated
        return Term(fname, fold(value), token), negated
    text, quoted = _unquote(token)
    if not text:
        raise QueryError("引号里没有内容，请在引号中写要查找的词。" if quoted else "请输入检索词。")
    return Term(None, fold(text), token), negated


def parse_query(q: str) -> Query:
    """Parse the query language; raises QueryError with a Chinese message."""
    if len(q) > MAX_QUERY_CHARS:
        raise QueryError(f"检索式太长（{len(q)} 个字符），最多 {MAX_QUERY_CHARS} 个字符，请缩短。")
    tokens = _lex(q)
    clauses: list[Clause] = []
    pending_or = False
    for token in tokens:
        if token in ("OR", "|", "｜"):
            if not clauses or pending_or:
                raise QueryError("“OR”两边都需要检索词，例如 通知 OR 意见。")
            pending_or = True
            continue
        term, negated = _make_term(token)
        if pending_or:
            last = clauses[-1]
            if last.negated or negated:
                raise QueryError("排除词（-词）不能与 OR 连用。")
            last.alternatives.append(term)
            pending_or = False
        else:
            clauses.append(Clause([term], negated))
    if pending_or:
        raise QueryError("“OR”两边都需要检索词，例如 通知 OR 意见。")
    if sum(len(c.alternatives) for c in clauses) > MAX_TERMS:
        raise QueryError(f"检索词太多（最多 {MAX_TERMS} 个）。")
    return Query(clauses)


# ---------------------------------------------------------------- running
def run_search(library, snap, query: str, *, issuer=None, year_from=None, year_to=None, kind=None,
               sort="relevance", limit=50, snippets=True) -> SearchResult:
    """Search snapshot snap of library; never raises for any query text."""
    try:
        return _run(library, snap, query, issuer, year_from, year_to, kind, sort, limit, snippets)
    except QueryError as exc:
        return SearchResult(query=query, hits=[], total=0, facets={}, error=str(exc))
    except RecursionError:
        return SearchResult(query=query, hits=[], total=0, facets={}, error="检索式过于复杂，请简化。")


_FIELDS = {"title": "title", "docno": "doc_number", "issuer": "issuers", "kind": "kind", "unit": "units"}


def word_forms(word: str) -> list[str]:
    """The folded forms a text word is searched as: itself, and for a 文号 typed with
    any brackets (甬政办发[2022]19号, （2022）, 【2022】) every bracket form a text may print."""
    if not has_docno_number(word):
        return [word]
    core = fold(docno_brackets(word))
    forms = [word]
    for o, c in _DOCNO_FORMS:
        f = fold(core.replace("〔", o).replace("〕", c))
        if f not in forms:
            forms.append(f)
    return forms


_DOCNO_FORMS = (("〔", "〕"), ("[", "]"), ("(", ")"), ("【", "】"))


def _compile_term(t: Term, snap):
    from whoosh import query as wq

    from reader.core.library.searcher import Contains, ExactText, zero_score

    if t.field is None:
        forms = word_forms(t.value)
        parts = [ExactText(f, snap) for f in forms]
        if len(forms) > 1:  # a 文号: its document by its metadata too
            parts.append(zero_score(Contains("doc_number", fold_docno(t.value), snapshot=snap)))
        return parts[0] if len(parts) == 1 else wq.Or(parts)
    if t.field == "year":
        return zero_score(year_range(*t.year_range()))
    if t.field == "note":  # the user's own notes (reader.core.library.notes), not the index
        from reader.core.library.notes import NotesStore

        store = NotesStore()
        try:
            ids = sorted(store.ids_noting(t.value))
        finally:
            store.close()
        return zero_score(wq.Or([wq.Term("id", i) for i in ids])) if ids else wq.NullQuery
    return zero_score(Contains(_FIELDS[t.field], t.value, snapshot=snap))


YEAR_MAX = 0xFFFF  # the year field's range (reader.core.library.schema)


def year_range(lo: int | None, hi: int | None):
    """Whoosh query for years lo..hi (either open); years outside the field's range match nothing."""
    from whoosh import query as wq

    lo = None if lo is None else max(0, int(lo))
    hi = None if hi is None else min(YEAR_MAX, int(hi))
    if ((lo is not None and lo > YEAR_MAX) or (hi is not None and hi < 0)
            or (lo is not None and hi is not None and lo > hi)):
        return wq.NullQuery
    return wq.NumericRange("year", lo, hi)


def _compile(q: Query, snap, filters: list):
    from whoosh import query as wq

    def clause(c: Clause):
        parts = [_compile_term(t, snap) for t in c.alternatives]
        return parts[0] if len(parts) == 1 else wq.Or(parts)

    positives = [clause(c) for c in q.clauses if not c.negated]
    negatives = [clause(c) for c in q.clauses if c.negated]
    positive = positives[0] if len(positives) == 1 else (wq.And(positives) if positives else wq.Every())
    if negatives:
        positive = wq.AndNot(positive, negatives[0] if len(negatives) == 1 else wq.Or(negatives))
    filt = None
    if filters:
        filt = filters[0] if len(filters) == 1 else wq.And(filters)
    return positive, filt


def _filter_args(snap, issuer, year_from, year_to, kind) -> list:
    from whoosh import query as wq

    from reader.core.library.searcher import Contains

    out = []
    for value in (issuer, kind):
        if value and not _encodable(value):  # a lone surrogate: no organ or kind is named so
            return [wq.NullQuery]
    if issuer:
        fi = fold(issuer)
        if ("issuers", fi.encode("utf-8")) in snap.reader:
            out.append(wq.Term("issuers", fi))
        else:  # no organ has exactly this name: accept a part of the name
            out.append(Contains("issuers", fi, snapshot=snap))
    if year_from is not None or year_to is not None:
        out.append(year_range(year_from, year_to))
    if kind:
        out.append(wq.Term("kind", fold(kind)))
    return out


def _encodable(s: str) -> bool:
    try:
        s.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def _run(library, snap, query, issuer, year_from, year_to, kind, sort, limit, snippets) -> SearchResult:
    from whoosh import query as wq

    if not isinstance(query, str):
        raise QueryError("检索式应为文字。")
    if sort not in ("relevance", "date"):
        raise QueryError("排序方式只能是 relevance（相关度）或 date（日期）。")
    q = parse_query(query)
    has_filters = issuer or year_from is not None or year_to is not None or kind
    if not q.clauses and not has_filters:
        raise QueryError("请输入检索词。")
    limit = max(0, int(limit))
    words = q.positive_words()
    wquery, wfilter = _compile(q, snap, _filter_args(snap, issuer, year_from, year_to, kind))
    from reader.core.library.searcher import LeafFacet, RankingCollector

    by = "date-only" if not words else ("date" if sort == "date" else "score")
    facets = {
        "issuer": LeafFacet(snap, "issuer_facet", allow_overlap=True),
        "year": LeafFacet(snap, "year_facet"),
        "kind": LeafFacet(snap, "kind_facet"),
    }
    collector = RankingCollector(snap, by, max(1, limit), facets)
    snap.searcher.search_with_collector(wquery if wfilter is None else wq.And([wquery, wfilter]), collector)
    total = collector.total
    facets_out = {
        "issuer": dict(sorted(collector.counts["issuer"].items(), key=lambda kv: (-kv[1], kv[0]))),
        "year": dict(sorted(collector.counts["year"].items(), key=lambda kv: kv[0], reverse=True)),
        "kind": dict(sorted(collector.counts["kind"].items(), key=lambda kv: (-kv[1], kv[0]))),
    }
    score_at = {"score": 0, "date": 2}.get(by)
    top = []
    for rank, docnum in collector.top[:limit]:
        top.append((snap.global_keys[docnum], -rank[score_at] if score_at is not None else 0.0))
    infos = snap.infos
    if not snippets:
        hits_out = [Hit(doc=infos[k], score=round(sc, 4), hit_count=0, snippets=[]) for k, sc in top]
        return SearchResult(query=query, hits=hits_out, total=total, facets=facets_out)
    keys = [k for k, _ in top]
    originals = library.original_texts(keys) if keys else {}
    folded = snap.texts.get(keys) if keys else {}
    marked = _marked_words(words)
    hits_out = []
    for key, sc in top:
        text = originals.get(key, "")
        ftext = folded.get(key, "")
        hit_count = sum(ftext.count(w) for w in marked)
        hits_out.append(
            Hit(doc=infos[key], score=round(sc, 4) if words else 0.0, hit_count=hit_count,
                snippets=make_snippets(text, ftext, marked))
        )
    return SearchResult(query=query, hits=hits_out, total=total, facets=facets_out)


def _marked_words(words: list[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        for f in word_forms(w):
            if f not in out:
                out.append(f)
    return out


# ---------------------------------------------------------------- marks and snippets
def _marks(text: str, ftext: str, words: list[str]) -> list[tuple[int, int]]:
    """Merged occurrence intervals of words, as offsets into the original text."""
    spans: list[tuple[int, int]] = []
    for w in words:
        n = len(w)
        spans.extend((i, i + n) for i in find_all(ftext, w))
    if not spans:
        return []
    spans.sort()
    merged = [list(spans[0])]
    for s, e in spans[1:]:
        if s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    omap = OffsetMap(text)
    out = []
    for s, e in merged:
        os_, oe = omap.start(s), omap.end(e)
        os_ = min(max(os_, 0), len(text))
        oe = min(max(oe, os_), len(text))
        if out and os_ <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], oe))
        else:
            out.append((os_, oe))
    return out


def _occurrences(ftext: str, words: list[str]):
    """Merged occurrence intervals of words in ftext, in order, found one at a time: a
    snippet needs the first few, not every 的 of a 50 MB document."""
    import heapq

    heap = []
    for w in words:
        if w:
            i = ftext.find(w)
            if i >= 0:
                heap.append((i, len(w), w))
    heapq.heapify(heap)
    cur = None
    while heap:
        i, n, w = heap[0]
        j = ftext.find(w, i + 1)
        if j >= 0:
            heapq.heapreplace(heap, (j, n, w))
        else:
            heapq.heappop(heap)
        if cur is not None and i <= cur[1]:
            cur[1] = max(cur[1], i + n)
            continue
        if cur is not None:
            yield cur[0], cur[1]
        cur = [i, i + n]
    if cur is not None:
        yield cur[0], cur[1]


def make_snippets(text: str, ftext: str, words: list[str]) -> list[Snippet]:
    """Up to MAX_SNIPPETS windows of text; every occurrence inside a window is marked.

    Windows are cut on the folded text first and only then mapped to the original (an
    offset map of the text up to the last window), so the cost does not grow with the
    number of occurrences in the document.
    """
    occ = _occurrences(ftext, words) if words else iter(())
    first = next(occ, None)
    if first is None:
        head = text[:SNIPPET_CHARS].replace("\n", " ")
        return [Snippet(head, [])] if head else []
    windows: list[tuple[int, int, list[tuple[int, int]]]] = []  # folded (ws, we, marks)
    n = len(ftext)
    prev_end = 0
    pending = first
    while pending is not None and len(windows) < MAX_SNIPPETS:
        s0 = pending[0]
        ws = max(prev_end, s0 - SNIPPET_BEFORE, 0)
        nl = ftext.rfind("\n", ws, s0)
        if nl >= 0:
            ws = nl + 1
        we = min(n, ws + SNIPPET_CHARS)
        inside = []
        while pending is not None and pending[0] < we:
            we = max(we, min(n, pending[1]))
            inside.append(pending)
            pending = next(occ, None)
        windows.append((ws, we, inside))
        prev_end = we
    omap = OffsetMap(text[: windows[-1][1] + 1])
    out: list[Snippet] = []
    for ws, we, inside in windows:
        ows, owe = omap.start(ws), min(len(text), omap.end(we))
        marks = []
        for ms, me in inside:
            a, b = max(omap.start(ms), ows) - ows, min(omap.end(me), owe) - ows
            if b > a:
                marks.append((a, b))
        out.append(Snippet(text[ows:owe].replace("\n", " "), marks))
    return out


def find_matches(text: str, query: str) -> list[tuple[int, int]]:
    """Where the query's words occur in a reading text: (start, end) offsets, merged, sorted.

    Only the words that must or may occur (not exclusions, not field filters)
    are found. An invalid query finds nothing.
    """
    try:
        words = parse_query(query).positive_words()
    except QueryError:
        return []
    if not words or not text:
        return []
    return _marks(text, fold(text), _marked_words(words))
