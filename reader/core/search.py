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
(see reader.core.analysis). Ranking is BM25F over exact occurrence counts with
the title and the doc number weighted up.
"""
from __future__ import annotations

import heapq
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING

from reader.core.analysis import OffsetMap, find_all, fold

if TYPE_CHECKING:
    from reader.core.library import DocInfo

MAX_QUERY_CHARS = 1000
MAX_TERMS = 64
SNIPPET_CHARS = 120
SNIPPET_BEFORE = 30
MAX_SNIPPETS = 3
TITLE_WEIGHT = 4.0
DOCNO_WEIGHT = 4.0
BM25_K1 = 1.2
BM25_B = 0.75
TF_CAP = 6  # occurrences counted per word and document for ranking


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
}
_OPEN_QUOTES = {'"': '"', "“": "”", "＂": "＂", "”": "”"}
_CLOSE_QUOTES = {'"', "”", "＂", "“"}
_YEAR_RE = re.compile(r"^(\d{4})年?(?:(?:-|–|—|~|～|至|到|\.\.)(\d{4})年?)?$")
_DOCNO_BRACKETS = str.maketrans({"[": "〔", "［": "〔", "【": "〔", "(": "〔", "（": "〔", "]": "〕", "］": "〕", "】": "〕", ")": "〕", "）": "〕"})


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
            return Term("docno", _fold_docno(value), token), negated
        return Term(fname, fold(value), token), negated
    text, quoted = _unquote(token)
    if not text:
        raise QueryError("引号里没有内容，请在引号中写要查找的词。" if quoted else "请输入检索词。")
    return Term(None, fold(text), token), negated


def _fold_docno(s: str) -> str:
    return fold(s.translate(_DOCNO_BRACKETS)).replace(" ", "")


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


# ---------------------------------------------------------------- matching
def _meta_match(term: Term, meta, year: int | None) -> bool:
    ftitle, fdocno, fissuers, fkind, funits = meta
    f = term.field
    if f == "title":
        return term.value in ftitle
    if f == "docno":
        return term.value in fdocno.translate(_DOCNO_BRACKETS).replace(" ", "")
    if f == "issuer":
        return any(term.value in x for x in fissuers)
    if f == "kind":
        return term.value in fkind
    if f == "unit":
        return any(term.value in u for u in funits)
    if f == "year":
        lo, hi = term.year_range()
        return year is not None and lo <= year <= hi
    return False


def run_search(library, st, query: str, *, issuer=None, year_from=None, year_to=None, kind=None,
               sort="relevance", limit=50) -> SearchResult:
    """Search the loaded state st of library; never raises for any query text."""
    try:
        return _run(library, st, query, issuer, year_from, year_to, kind, sort, limit)
    except QueryError as exc:
        return SearchResult(query=query, hits=[], total=0, facets={}, error=str(exc))
    except RecursionError:
        return SearchResult(query=query, hits=[], total=0, facets={}, error="检索式过于复杂，请简化。")


def _run(library, st, query, issuer, year_from, year_to, kind, sort, limit) -> SearchResult:
    if not isinstance(query, str):
        raise QueryError("检索式应为文字。")
    if sort not in ("relevance", "date"):
        raise QueryError("排序方式只能是 relevance（相关度）或 date（日期）。")
    q = parse_query(query)
    has_filters = issuer or year_from is not None or year_to is not None or kind
    if not q.clauses and not has_filters:
        raise QueryError("请输入检索词。")
    limit = max(0, int(limit))

    # 1. the starting set: all documents, narrowed by the filter arguments
    current: set[int] | None = None
    if has_filters:
        fi = fold(issuer) if issuer else None
        fk = fold(kind) if kind else None
        sel = []
        for key, info in st.infos.items():
            if year_from is not None and (info.year is None or info.year < year_from):
                continue
            if year_to is not None and (info.year is None or info.year > year_to):
                continue
            meta = st.folded_meta(key)
            if fk is not None and meta[3] != fk:
                continue
            if fi is not None and fi not in meta[2]:
                continue
            sel.append(key)
        current = set(sel)
        if fi is not None and not current and not any(fi in st.folded_meta(k)[2] for k in st.infos):
            # no organ has exactly this name: accept a part of the name
            current = {
                k for k, info in st.infos.items()
                if any(fi in x for x in st.folded_meta(k)[2])
                and (year_from is None or (info.year is not None and info.year >= year_from))
                and (year_to is None or (info.year is not None and info.year <= year_to))
                and (fk is None or st.folded_meta(k)[3] == fk)
            }

    # 2. positive clauses, most selective first; the documents each text word matched
    counts: dict[str, set[int]] = {}
    positives = [c for c in q.clauses if not c.negated]
    negatives = [c for c in q.clauses if c.negated]

    def selectivity(c: Clause) -> float:
        best = 0.0
        for t in c.alternatives:
            if t.field is None:
                n = st.gram_doc_count(t.value)
                best += len(st.infos) if n is None else n
            else:
                best += 0.3 * len(st.infos)
        return best

    positives.sort(key=selectivity)
    for clause in positives:
        matched: set[int] = set()
        for term in clause.alternatives:
            matched |= _match_term(st, term, current, counts)
        current = matched
        if not current:
            break
    if current is None:
        current = set(st.infos)
    # 3. exclusions
    for clause in negatives:
        if not current:
            break
        for term in clause.alternatives:
            excluded = _match_term(st, term, current, None)
            current = current - excluded

    # 4. ranking: BM25F over occurrence counts (capped: BM25 saturates), title and doc
    # number weighted up. Only the documents that can still reach the top are counted:
    # visited from the shortest (highest possible score) on, until the best possible
    # score of the rest is below the current last place.
    words = q.positive_words()
    rank = st.rank_meta()
    infos = st.infos
    dates = rank.dates
    scores: dict[int, float] = {}
    if sort == "date" or not words:
        top_keys = heapq.nlargest(limit, current, key=lambda k: (dates[k], -k))
        if words:
            for k in top_keys:
                scores[k] = _score(st, rank, k, words, counts)
    else:
        top_keys = _top_by_score(st, rank, current, words, counts, limit, scores)
    # 5. facets over every match
    issuers = Counter(chain.from_iterable(map(rank.issuer_labels.__getitem__, current)))
    years = Counter(map(rank.year_labels.__getitem__, current))
    kinds = Counter(map(rank.kind_labels.__getitem__, current))
    facets = {
        "issuer": dict(sorted(issuers.items(), key=lambda kv: (-kv[1], kv[0]))),
        "year": dict(sorted(years.items(), key=lambda kv: kv[0], reverse=True)),
        "kind": dict(sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))),
    }

    # 6. exact hit counts and snippets for the hits shown
    originals = library.original_texts(top_keys) if top_keys else {}
    folded = st.folded_texts(top_keys) if top_keys else {}
    hits_out = []
    for key in top_keys:
        text = originals.get(key, "")
        ftext = folded.get(key, "")
        hit_count = sum(ftext.count(w) for w in words)
        hits_out.append(
            Hit(doc=infos[key], score=round(scores.get(key, 0.0), 4), hit_count=hit_count,
                snippets=make_snippets(text, ftext, words))
        )
    return SearchResult(query=query, hits=hits_out, total=len(current), facets=facets)


def _score(st, rank, key: int, words: list[str], matched: dict[str, set[int]]) -> float:
    text = st.texts.get(key, "")
    norm = rank.norms[key]
    k1p1 = BM25_K1 + 1
    score = 0.0
    for w in words:
        tf = _count_capped(text, w) if key in matched.get(w, ()) else 0
        tfw = tf + rank.boost(w).get(key, 0.0)
        if tfw:
            score += rank.idf(w, matched) * tfw * k1p1 / (tfw + norm)
    return score


def _top_by_score(st, rank, current: set[int], words, matched, limit: int, scores: dict) -> list[int]:
    """The limit best documents of current by BM25F, ties by date then key (threshold algorithm)."""
    if limit <= 0 or not current:
        return []
    k1p1 = BM25_K1 + 1
    idf_sum = sum(rank.idf(w, matched) for w in words)
    heap: list[tuple[float, str, int, int]] = []  # (score, date, -key, key): the worst on top
    boosted = set()
    for w in words:
        boosted.update(k for k in rank.boost(w) if k in current)

    def consider(k: int) -> None:
        sc = _score(st, rank, k, words, matched)
        scores[k] = sc
        item = (sc, rank.dates[k], -k, k)
        if len(heap) < limit:
            heapq.heappush(heap, item)
        elif item > heap[0]:
            heapq.heapreplace(heap, item)

    for k in boosted:
        consider(k)
    norms = rank.norms
    cap_gain = TF_CAP * k1p1
    for k in rank.by_norm:  # ascending norm: descending best possible score
        if k not in current or k in boosted:
            continue
        if len(heap) >= limit and idf_sum * cap_gain / (TF_CAP + norms[k]) < heap[0][0]:
            break
        consider(k)
    return [item[3] for item in sorted(heap, reverse=True)]


def _count_capped(text: str, w: str, cap: int = TF_CAP) -> int:
    """Non-overlapping occurrences of w in text, counting no further than cap.

    BM25 saturates, so ranking needs no exact count beyond a few; stopping early
    saves scanning the rest of long documents for common words.
    """
    find = text.find
    i = find(w)
    if i < 0:
        return 0
    n = 1
    step = len(w)
    while n < cap:
        i = find(w, i + step)
        if i < 0:
            break
        n += 1
    return n


def _postings_are_exact(w: str) -> bool:
    """True when the index alone decides whether a document contains w.

    A one-unit word has its own key; a two-unit word is one bigram, whose key
    cannot be a one-character key unless its second unit is U+0000. Longer
    words need the substring check on the text.
    """
    n = len(w.encode("utf-16-le", "surrogatepass"))
    return n == 2 or (n == 4 and not w.endswith("\x00"))


def _match_term(st, term: Term, within: set[int] | None, matched: dict | None) -> set[int]:
    """Documents (of within, or of all) matching term; records text words' matches."""
    if term.field is None:
        w = term.value
        cand = st.candidates(w)
        if cand is None:
            keys = st.infos.keys() if within is None else within
        else:
            keys = cand & (st.infos.keys() if within is None else within)
        texts = st.folded_texts(keys)
        if cand is not None and _postings_are_exact(w):
            out = set(keys)
        else:
            get = texts.get
            out = {k for k in keys if w in get(k, "")}
        if matched is not None:
            matched.setdefault(w, set()).update(out)
        return out
    keys = st.infos if within is None else within
    return {k for k in keys if _meta_match(term, st.folded_meta(k), st.infos[k].year)}


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


def make_snippets(text: str, ftext: str, words: list[str]) -> list[Snippet]:
    """Up to MAX_SNIPPETS windows of text; every occurrence inside a window is marked."""
    marks = _marks(text, ftext, words) if words else []
    if not marks:
        head = text[:SNIPPET_CHARS].replace("\n", " ")
        return [Snippet(head, [])] if head else []
    out: list[Snippet] = []
    i = 0
    n = len(text)
    prev_end = 0
    while i < len(marks) and len(out) < MAX_SNIPPETS:
        s0 = marks[i][0]
        ws = max(prev_end, s0 - SNIPPET_BEFORE, 0)
        nl = text.rfind("\n", ws, s0)
        if nl >= 0:
            ws = nl + 1
        we = min(n, ws + SNIPPET_CHARS)
        while i < len(marks) and marks[i][0] < we:
            we = max(we, min(n, marks[i][1]))
            i += 1
        inside = [(max(s, ws) - ws, min(e, we) - ws) for s, e in marks if s < we and e > ws]
        out.append(Snippet(text[ws:we].replace("\n", " "), inside))
        prev_end = we
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
    return _marks(text, fold(text), words)
