"""Whoosh queries, matcher data and the weighting model for exact search.

A text word is an :class:`ExactText` query: on each segment its candidates come
from the content postings (the word's rarest character pairs intersected), and a
substring test on the folded reading text decides — so a word matches a document
iff the document's folded text contains it. Words of one or two UTF-16 code
units are decided by the postings alone. Field filters are :class:`Contains`
queries over whole-value terms (a part of an organ's name finds it), year ranges
Whoosh's NumericRange. Scoring is :class:`ExactBM25F`: BM25 over occurrence
counts, with the title and 文号 weighted up, and IDF over the whole index.

A :class:`Snapshot` is one committed generation of the index opened for reading:
its Whoosh searcher, the documents' light metadata, and the word match sets
computed on it (cached, since they are exact and global).
"""
from __future__ import annotations

import heapq
import math
import threading
from array import array
from collections import Counter, OrderedDict
from itertools import chain

from whoosh import query as wq
from whoosh.collectors import Collector
from whoosh.matching import ListMatcher, NullMatcher
from whoosh.scoring import BaseScorer, WeightingModel
from whoosh.searching import Searcher
from whoosh.sorting import Categorizer, FacetType

from reader.core.library.analysis import fold, fold_docno, query_keys
from reader.core.library.schema import CONTENT

TITLE_WEIGHT = 4.0  # a word in the title counts as four occurrences in the text
DOCNO_WEIGHT = 4.0  # likewise in the 文号
BM25_K1 = 1.2
BM25_B = 0.75
TF_CAP = 6  # occurrences counted per word and document for ranking (BM25 saturates)
# A word in the title or 文号 also adds this many IDFs outside the text's saturation: a
# document about the word (关于金融支持…的实施意见) ranks above one that only mentions it
# often (the 分工 notice); the title weight alone was lost in the saturation.
TITLE_MATCH_BONUS = 1.0
# A pair in more than this share of a segment's documents narrows nothing: every
# document is a candidate.
COMMON_SHARE = 0.95
MATCH_CACHE = 256  # words whose match sets a snapshot keeps


def postings_are_exact(w: str) -> bool:
    """True when the postings alone decide whether a document contains w.

    A one-unit word has its own key; a two-unit word is one pair, whose key cannot
    be a one-character key unless its second unit is U+0000. Longer words need the
    substring check on the text.
    """
    n = len(w.encode("utf-16-le", "surrogatepass"))
    return n == 2 or (n == 4 and not w.endswith("\x00"))


def count_capped(text: str, w: str, cap: int = TF_CAP) -> int:
    """Non-overlapping occurrences of w in text, counting no further than cap."""
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


class _Leaf:
    """One segment of the snapshot: doc number → key, deletions, content postings, and the
    sort and facet values of every document read once from the segment's Whoosh columns
    (a search then looks them up in lists instead of reading a column per document)."""

    def __init__(self, reader, offset: int):
        self.reader = reader
        self.offset = offset
        self.doccount = n = reader.doc_count_all()
        self.keys = array("Q", reader.column_reader("key")) if n else array("Q")
        self.deleted = set(reader.deleted_docs_set) if reader.has_deletions() else set()
        terms = getattr(reader, "_terms", None)  # Whoosh's SegmentReader keeps it private
        self.grams = getattr(terms, "grams", None)
        # filled by Snapshot from the stored fields it reads anyway (one pass, no column reads)
        self.dates = array("I", bytes(4 * n))
        self.year_facet: list = [None] * n
        self.kind_facet: list = [None] * n
        self.issuer_facet: list = [()] * n


class WordMatches:
    """Where one folded word occurs: per leaf, ascending doc numbers and term frequencies."""

    def __init__(self, ids: list[array], tfs: list[list[int]]):
        self.ids = ids
        self.tfs = tfs
        self.df = sum(len(a) for a in ids)


class Snapshot:
    """A committed generation of the index, opened for searching."""

    def __init__(self, store, texts):
        from reader.core.library.records import UNKNOWN_ISSUER as UNKNOWN
        from reader.core.library.records import UNKNOWN_YEAR, DocInfo, date_number

        self.store = store
        self.texts = texts
        self.generation = store.generation()
        self.reader = store.open_reader()
        self.searcher = Searcher(self.reader, weighting=ExactBM25F(self))
        self.leaves = [_Leaf(r, off) for r, off in self.reader.leaf_readers()]
        self._leaf_of = {id(leaf.reader): leaf for leaf in self.leaves}
        self.global_keys = array("Q")
        for leaf in self.leaves:
            self.global_keys.extend(leaf.keys)
        self.infos: dict[int, DocInfo] = {}
        self.ftitles: dict[int, str] = {}
        self.fdocnos: dict[int, str] = {}
        self.lengths: dict[int, int] = {}
        places: list[tuple[str, int, int]] = []
        for leaf in self.leaves:
            for docnum, fields in leaf.reader.iter_docs():
                key = leaf.keys[docnum]
                info = self.infos[key] = DocInfo(
                    id=fields["id"], title=fields.get("title_shown") or "",
                    doc_number=fields.get("doc_number_shown"),
                    issuers=list(fields.get("issuers_shown") or []),
                    canonical_issuers=list(fields.get("canonical_shown") or []),
                    date=fields.get("date") or None, year=fields.get("year"),
                    kind=fields.get("kind_shown") or "",
                    file=fields["file"], first_line=fields["first_line"], last_line=fields["last_line"],
                    pages=tuple(fields["pages"]) if fields.get("pages") else None,
                )
                places.append((fields["file"], fields.get("pos", 0), key))
                self.ftitles[key] = fold(info.title)
                self.fdocnos[key] = fold(info.doc_number or "")
                self.lengths[key] = fields.get("length", 0)
                leaf.dates[docnum] = date_number(info.date)
                leaf.year_facet[docnum] = str(info.year) if info.year is not None else UNKNOWN_YEAR
                leaf.kind_facet[docnum] = info.kind or UNKNOWN
                leaf.issuer_facet[docnum] = tuple(dict.fromkeys(info.canonical_issuers)) or (UNKNOWN,)
        places.sort()
        self.order = [k for _, _, k in places]
        self.by_id: dict[str, int] = {}
        for key in self.order:
            self.by_id.setdefault(self.infos[key].id, key)
        self.n_docs = max(1, len(self.infos))
        total = sum(self.lengths.values())
        self.avg_length = max(1.0, total / self.n_docs)
        self._matches: OrderedDict[str, WordMatches] = OrderedDict()
        self._lock = threading.Lock()
        texts.retain(set(self.infos))

    def stale(self) -> bool:
        """True when another generation has been committed since this one was opened."""
        try:
            return self.store.generation() != self.generation
        except Exception:
            return False

    def leaf_of(self, reader) -> _Leaf:
        return self._leaf_of[id(reader)]

    def field_values(self, leaf: _Leaf, fieldname: str) -> list | None:
        """Per document of leaf, the folded values a whole-value field indexes (as the
        writer folded them), for Contains; None for a field not kept here (units)."""
        cache = leaf.__dict__.setdefault("values", {})
        if fieldname in cache:
            return cache[fieldname]
        make = {
            "title": lambda i: (fold(i.title),),
            "doc_number": lambda i: (fold_docno(i.doc_number),) if i.doc_number else (),
            "issuers": lambda i: tuple(fold(x) for x in (*i.issuers, *i.canonical_issuers)),
            "kind": lambda i: (fold(i.kind),) if i.kind else (),
        }.get(fieldname)
        if make is None:
            return None
        infos = self.infos
        values = [make(infos[k]) if k in infos else () for k in leaf.keys]
        cache[fieldname] = values
        return values

    # -- exact word matches
    def matches(self, word: str) -> WordMatches:
        with self._lock:
            m = self._matches.get(word)
            if m is not None:
                self._matches.move_to_end(word)
                return m
        m = self._compute(word)
        with self._lock:
            self._matches[word] = m
            while len(self._matches) > MATCH_CACHE:
                self._matches.popitem(last=False)
        return m

    def _compute(self, word: str) -> WordMatches:
        keys = query_keys(word)
        exact = postings_are_exact(word)
        all_ids: list[array] = []
        all_tfs: list[list[int]] = []
        for leaf in self.leaves:
            ids, tfs = self._leaf_matches(leaf, word, keys, exact)
            all_ids.append(ids)
            all_tfs.append(tfs)
        return WordMatches(all_ids, all_tfs)

    def _leaf_matches(self, leaf: _Leaf, word: str, keys: set[int], exact: bool) -> tuple[array, list[int]]:
        g = leaf.grams
        deleted = leaf.deleted
        if g is None or not keys or leaf.doccount == 0:
            return array("I"), []
        if exact:
            (key,) = keys
            ids = g.docnums(key)
            counts = g.counts(key)
            pairs = [(d, c) for d, c in zip(ids, counts) if d not in deleted] if deleted else list(zip(ids, counts))
            return array("I", [d for d, _ in pairs]), [min(c, TF_CAP) for _, c in pairs]
        dfs = sorted((g.doc_frequency(k), k) for k in keys)
        if dfs[0][0] == 0:
            return array("I"), []
        if dfs[0][0] > COMMON_SHARE * leaf.doccount:
            cand = range(leaf.doccount)
        else:
            chosen = [k for n, k in dfs[:3] if n <= 8 * dfs[0][0] + 64]
            found: set[int] | None = None
            for k in chosen:
                docs = g.docnums(k)
                found = set(docs) if found is None else found.intersection(docs)
                if not found:
                    return array("I"), []
            cand = sorted(found)
        keyof = leaf.keys
        if deleted:
            cand = [d for d in cand if d not in deleted]
        keys = [keyof[d] for d in cand]
        get = self.texts.get(keys).get
        counts = [count_capped(get(k, ""), word) for k in keys]  # stops at TF_CAP: a common
        # word's documents are not scanned to their end
        ids = array("I", [d for d, c in zip(cand, counts) if c])
        tfs = [c if c < TF_CAP else TF_CAP for c in counts if c]
        return ids, tfs

    def idf(self, word: str) -> float:
        df = self.matches(word).df or 1
        return math.log(1.0 + (self.n_docs - df + 0.5) / (df + 0.5))

    def close(self) -> None:
        try:
            self.searcher.close()
        except Exception:
            pass


# ---------------------------------------------------------------- sorting and facets
class LeafFacet(FacetType):
    """A Whoosh facet whose values per document are a list of the snapshot's leaves
    (_Leaf attribute `attr`): for grouping by year, kind or issuer (overlapping)."""

    def __init__(self, snapshot: Snapshot, attr: str, allow_overlap: bool = False):
        self.snapshot, self.attr, self.allow_overlap = snapshot, attr, allow_overlap

    def categorizer(self, global_searcher):
        return _LeafCategorizer(self.snapshot, self.attr, self.allow_overlap)


class _LeafCategorizer(Categorizer):
    def __init__(self, snapshot: Snapshot, attr: str, allow_overlap: bool):
        self.snapshot, self.attr, self.allow_overlap = snapshot, attr, allow_overlap
        self.values: list = []

    def set_searcher(self, segment_searcher, docoffset):
        self.values = getattr(self.snapshot.leaf_of(segment_searcher.reader()), self.attr)

    def key_for(self, matcher, segment_docnum):
        return self.values[segment_docnum]

    def keys_for(self, matcher, segment_docnum):
        return self.values[segment_docnum]


class RankingCollector(Collector):
    """A Whoosh collector that ranks and counts per segment in bulk.

    Whoosh's sorting and grouping collectors call Python per matching document (a sort
    key and three facet keys through their categorizers, one at a time), which is most of
    a query's time for a common word in a large library. This one takes each segment's matches with their
    scores in one pass, counts the facets with the categorizers' value lists (Counter
    over a map, in C) and keeps the best `limit` by the RankFacet order.
    """

    def __init__(self, snapshot: Snapshot, by: str, limit: int, facets: dict[str, LeafFacet]):
        self.snapshot, self.by, self.limit = snapshot, by, limit
        self.facets = facets
        self.counts = {name: Counter() for name in facets}
        self.total = 0
        self.top: list[tuple[tuple, int]] = []  # (rank key, global docnum), best first

    def prepare(self, top_searcher, q, context):
        super().prepare(top_searcher, q, context.set(needs_current=True))
        self._cats = {name: f.categorizer(top_searcher) for name, f in self.facets.items()}
        self._candidates: list[tuple[tuple, int]] = []

    def collect_matches(self):
        m = self.matcher
        leaf = self.snapshot.leaf_of(self.subsearcher.reader())
        ids: list[int] = []
        scores: list[float] = []
        scored = self.by != "date-only"
        while m.is_active():
            ids.append(m.id())
            if scored:
                scores.append(m.score())
            m.next()
        if not ids:
            return
        self.total += len(ids)
        for name, cat in self._cats.items():
            cat.set_searcher(self.subsearcher, self.offset)
            values = cat.values
            if cat.allow_overlap:
                self.counts[name].update(chain.from_iterable(map(values.__getitem__, ids)))
            else:
                self.counts[name].update(map(values.__getitem__, ids))
        dates, keys, off = leaf.dates, leaf.keys, self.offset
        if self.by == "score":
            ranked = ((-sc, -dates[d], keys[d]) for d, sc in zip(ids, scores))
        elif self.by == "date":
            ranked = ((-dates[d], keys[d], -sc) for d, sc in zip(ids, scores))
        else:
            ranked = ((-dates[d], keys[d], 0.0) for d in ids)
        best = heapq.nsmallest(self.limit, zip(ranked, (d + off for d in ids)))
        self._candidates.extend(best)

    def finish(self):
        super().finish()
        self.top = heapq.nsmallest(self.limit, self._candidates)


# ---------------------------------------------------------------- queries
class ExactText(wq.Query):
    """Documents whose folded reading text contains word (folded)."""

    def __init__(self, word: str, snapshot: Snapshot, boost: float = 1.0):
        self.word = word
        self.snapshot = snapshot
        self.boost = boost

    def __repr__(self):
        return f"{self.__class__.__name__}({self.word!r})"

    def __eq__(self, other):
        return other.__class__ is self.__class__ and other.word == self.word and other.snapshot is self.snapshot

    def __hash__(self):
        return hash((self.__class__.__name__, self.word))

    def __unicode__(self):
        return self.word

    __str__ = __unicode__

    def is_leaf(self):
        return True

    def field(self):
        return CONTENT

    def estimate_size(self, ixreader):
        return self.snapshot.matches(self.word).df

    def matcher(self, searcher, context=None):
        leaf = self.snapshot.leaf_of(searcher.reader())
        i = self.snapshot.leaves.index(leaf)
        m = self.snapshot.matches(self.word)
        ids = m.ids[i]
        if not ids:
            return NullMatcher()
        weighting = context.weighting if context is not None else searcher.weighting
        scorer = weighting.scorer(searcher, CONTENT, self.word) if weighting is not None else None
        return ListMatcher(ids, [float(t) for t in m.tfs[i]], scorer=scorer, term=(CONTENT, self.word))


class Contains(wq.MultiTerm):
    """Documents with a term of a whole-value field (organs, title, 文号, kind, units)
    that contains text; both folded. UTF-8 is self-synchronising, so a byte
    substring test on the terms is a character substring test.

    With a snapshot, fields it keeps per document are matched document by document
    (one substring test each) instead of as an Or of every matching term, which for
    标题:通知 is one term matcher per distinct title; scores are 0 (a filter).
    """

    constantscore = True

    def __init__(self, fieldname: str, text: str, boost: float = 1.0, snapshot: Snapshot | None = None):
        self.fieldname = fieldname
        self.text = text
        self.boost = boost
        self.snapshot = snapshot

    def matcher(self, searcher, context=None):
        snap = self.snapshot
        if snap is None:
            return super().matcher(searcher, context)
        leaf = snap.leaf_of(searcher.reader())
        values = snap.field_values(leaf, self.fieldname)
        if values is None:
            return super().matcher(searcher, context)
        needle, deleted = self.text, leaf.deleted
        ids = [d for d, vs in enumerate(values) if d not in deleted and any(needle in v for v in vs)]
        if not ids:
            return NullMatcher()
        return ListMatcher(ids, all_weights=0.0)

    def __repr__(self):
        return f"{self.__class__.__name__}({self.fieldname!r}, {self.text!r})"

    def __eq__(self, other):
        return other.__class__ is self.__class__ and (other.fieldname, other.text) == (self.fieldname, self.text)

    def __hash__(self):
        return hash((self.__class__.__name__, self.fieldname, self.text))

    def _btexts(self, ixreader):
        try:
            needle = self.text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: no term holds one
            return
        for btext in ixreader.lexicon(self.fieldname):
            if needle in btext:
                yield btext


def zero_score(q: wq.Query) -> wq.Query:
    """A filter: it narrows the documents and adds nothing to their scores."""
    return wq.ConstantScoreQuery(q, 0.0)


# ---------------------------------------------------------------- weighting
class ExactBM25F(WeightingModel):
    """BM25F over exact occurrence counts (capped at TF_CAP), with the title and the
    文号 weighted up. IDF and the average length are global statistics of the
    snapshot, never of the documents left by other words."""

    def __init__(self, snapshot: Snapshot):
        self.snapshot = snapshot

    def scorer(self, searcher, fieldname, text, qf=1):
        if fieldname != CONTENT:
            return _ZeroScorer()
        return ExactScorer(self.snapshot, self.snapshot.leaf_of(searcher.reader()), text)


class _ZeroScorer(BaseScorer):
    def score(self, matcher):
        return 0.0

    def max_quality(self):
        return 0.0


class ExactScorer(BaseScorer):
    def __init__(self, snapshot: Snapshot, leaf: _Leaf, word: str):
        self.word = word
        self.idf = snapshot.idf(word)
        self.keys = leaf.keys
        self.snapshot = snapshot

    def score(self, matcher):
        snap = self.snapshot
        key = self.keys[matcher.id()]
        w = self.word
        in_title = snap.ftitles[key].count(w)
        in_docno = snap.fdocnos[key].count(w)
        tfw = matcher.weight() + TITLE_WEIGHT * in_title + DOCNO_WEIGHT * in_docno
        norm = BM25_K1 * (1 - BM25_B + BM25_B * snap.lengths[key] / snap.avg_length)
        bonus = TITLE_MATCH_BONUS if in_title or in_docno else 0.0
        return self.idf * (tfw * (BM25_K1 + 1) / (tfw + norm) + bonus)

    def max_quality(self):
        return self.idf * (BM25_K1 + 1 + TITLE_MATCH_BONUS)
