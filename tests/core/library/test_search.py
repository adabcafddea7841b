"""Search finds what Ctrl+F finds: exactness against brute force, the query language, snippets."""
from __future__ import annotations

import random
import re

import pytest

from reader.core.library.analysis import fold
from reader.core.library.library import Library
from reader.core.documents.pipeline import parse_file
from reader.core.library.search import find_matches, parse_query
from tests.conftest import SEEDS

SPECIAL = set('"“”＂')


@pytest.fixture(scope="session")
def seed_library(tmp_path_factory):
    lib = Library([SEEDS], index_dir=tmp_path_factory.mktemp("seed-index"))
    summary = lib.update()
    assert summary.documents > 0 and summary.problems == 0
    return lib


@pytest.fixture(scope="session")
def seed_docs(seed_library):
    """The pipeline's documents of the seeds, parsed independently of the library."""
    docs = []
    for info_file in sorted({d.file for d in seed_library.documents()}):
        docs.extend(parse_file(info_file).documents)
    assert docs
    return docs


def brute_force(docs, word: str) -> set[str]:
    w = fold(word)
    return {d.id for d in docs if w in fold(d.text)}


def as_query(s: str) -> str | None:
    """s as one query word: quoted when it holds spaces, operators or a colon."""
    if any(c in SPECIAL for c in s) or not s.strip():
        return None
    if any(c.isspace() for c in s) or s[0] in "-－" or ":" in s or "：" in s or s in ("OR", "|", "｜"):
        return f'"{s}"'
    return s


def _line_break_strings(docs, rng) -> list[str]:
    """Strings that a line break split in the source file and the reading text joins."""
    out = []
    for f in sorted({d.file for d in docs}):
        lines = open(f, encoding="utf-8", errors="replace").read().splitlines()
        for a, b in zip(lines, lines[1:]):
            a, b = a.strip(), b.strip()
            if len(a) >= 3 and len(b) >= 3:
                out.append(a[-2:] + b[:2])
    rng.shuffle(out)
    return out


def query_strings(docs) -> list[str]:
    rng = random.Random(20261123)
    texts = [d.text for d in docs if len(d.text) > 20]
    qs: list[str] = []
    for _ in range(260):  # random substrings of length 1–8
        t = rng.choice(texts)
        n = rng.randint(1, 8)
        i = rng.randrange(0, len(t) - n)
        qs.append(t[i : i + n])
    joined = "\n".join(texts)
    qs += rng.sample(re.findall(r"\d{4}年\d{1,2}月(?:\d{1,2}日)?", joined), 20)
    qs += rng.sample(re.findall(r"[\u4e00-\u9fff]{1,6}〔\d{4}〕\d+号", joined), 15)
    qs += rng.sample(re.findall(r"\d+(?:\.\d+)?(?:亿元|万元|%|个|家|万)", joined), 20)
    qs += _line_break_strings(docs, rng)[:40]
    qs += ["犇犇犇", "zz不存在zz", "（", "、", "．", "Ａ", "“"]
    return qs


def test_every_query_returns_exactly_the_documents_that_contain_it(seed_library, seed_docs):
    checked = 0
    for s in query_strings(seed_docs):
        q = as_query(s)
        if q is None:
            continue
        r = seed_library.search(q, limit=100_000)
        assert r.error is None, (s, r.error)
        got = {h.doc.id for h in r.hits}
        assert got == brute_force(seed_docs, s), s
        assert r.total == len(got)
        checked += 1
    assert checked >= 300


def test_line_break_strings_are_found(seed_library, seed_docs):
    """Words split by a source line break are found where the reading text joins them."""
    found = 0
    for s in _line_break_strings(seed_docs, random.Random(1))[:300]:
        q = as_query(s)
        if q is None:
            continue
        want = brute_force(seed_docs, s)
        if want:
            got = {h.doc.id for h in seed_library.search(q, limit=100_000).hits}
            assert got == want, s
            found += 1
    assert found >= 20


def test_folding_full_width_and_case(seed_library, seed_docs):
    text_word = next(w for w in re.findall(r"[A-Za-z]{2,}", "\n".join(d.text for d in seed_docs)))
    upper = text_word.upper()
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in text_word)
    ids = {h.doc.id for h in seed_library.search(text_word, limit=10_000).hits}
    assert ids
    assert ids == {h.doc.id for h in seed_library.search(upper, limit=10_000).hits}
    assert ids == {h.doc.id for h in seed_library.search(full_width, limit=10_000).hits}


# ---------------------------------------------------------------- query language
def ids(lib, q, **kw):
    r = lib.search(q, limit=100_000, **kw)
    assert r.error is None, (q, r.error)
    return {h.doc.id for h in r.hits}


def test_and_or_not_and_phrases(seed_library, seed_docs):
    a, b = "金融", "外贸"
    A, B = brute_force(seed_docs, a), brute_force(seed_docs, b)
    assert A and B and A != B
    assert ids(seed_library, f"{a} {b}") == A & B
    assert ids(seed_library, f"{a} OR {b}") == A | B
    assert ids(seed_library, f"{a} | {b}") == A | B
    assert ids(seed_library, f"{a} -{b}") == A - B
    assert ids(seed_library, f"-{b}") == {d.id for d in seed_docs} - B
    # OR binds tighter than AND
    c = "责任单位"
    C = brute_force(seed_docs, c)
    assert ids(seed_library, f"{c} {a} OR {b}") == C & (A | B)
    # a phrase is one word, spaces included; without quotes the words are ANDed
    phrase_docs = [d for d in seed_docs if re.search(r"\S{2} \S{2}", d.text)]
    if phrase_docs:
        m = re.search(r"\S{2} \S{2}", phrase_docs[0].text).group()
        if not any(ch in SPECIAL for ch in m):
            assert ids(seed_library, f'"{m}"') == brute_force(seed_docs, m)
    assert ids(seed_library, f'"{a}{b}"') == brute_force(seed_docs, a + b)


def test_field_filters_follow_the_metadata(seed_library):
    infos = seed_library.documents()
    with_issuer = next(d for d in infos if d.issuers)
    name = with_issuer.issuers[0]
    want = {d.id for d in infos if any(fold(name[:4]) in fold(x) for x in d.issuers + d.canonical_issuers)}
    assert ids(seed_library, f"发文机关:{name[:4]}") == want
    assert ids(seed_library, f"issuer:{name[:4]}") == want

    years = sorted({d.year for d in infos if d.year})
    y = years[0]
    assert ids(seed_library, f"年份:{y}") == {d.id for d in infos if d.year == y}
    lo, hi = years[0], years[-1]
    assert ids(seed_library, f"year:{lo}-{hi}") == {d.id for d in infos if d.year and lo <= d.year <= hi}
    assert ids(seed_library, f"year：{hi}-{lo}") == {d.id for d in infos if d.year and lo <= d.year <= hi}

    with_no = next(d for d in infos if d.doc_number)
    part = with_no.doc_number[-6:]
    assert with_no.id in ids(seed_library, f"文号:{part}")
    assert ids(seed_library, f"docno:{part}") == {
        d.id for d in infos if d.doc_number and fold(part) in fold(d.doc_number)}

    kind = next(d.kind for d in infos if d.kind)
    assert ids(seed_library, f"文种:{kind}") == {d.id for d in infos if fold(kind) in fold(d.kind)}
    word = with_issuer.title[2:5]
    assert ids(seed_library, f"标题:{word}") == {d.id for d in infos if fold(word) in fold(d.title)}
    assert ids(seed_library, f"-title:{word}") == {d.id for d in infos if fold(word) not in fold(d.title)}


def test_filter_arguments(seed_library):
    infos = seed_library.documents()
    d = next(d for d in infos if d.canonical_issuers and d.year)
    got = ids(seed_library, "", issuer=d.canonical_issuers[0], year_from=d.year, year_to=d.year)
    assert got == {x.id for x in infos
                   if d.canonical_issuers[0] in x.canonical_issuers + x.issuers and x.year == d.year}
    kind_got = ids(seed_library, "", kind=d.kind) if d.kind else set()
    assert kind_got == {x.id for x in infos if d.kind and x.kind == d.kind}


@pytest.mark.parametrize(
    "query",
    ['"未闭合的引号', "OR", "金融 OR", "OR 金融", "-", "金融 -", "年份:abc", "year:20", "发文机关:", "x" * 10_000,
     "", "   ", '""', "金融 OR -外贸", "| |"],
)
def test_bad_queries_give_a_message_or_results_never_an_exception(seed_library, query):
    r = seed_library.search(query)
    assert r.error is None or (isinstance(r.error, str) and re.search(r"[\u4e00-\u9fff]", r.error))
    if r.error:
        assert r.hits == [] and r.total == 0


@pytest.mark.parametrize("query", ["OR", "-", "年份:abc", "x" * 10_000, "", '""', "发文机关:"])
def test_clearly_broken_queries_say_why(seed_library, query):
    assert seed_library.search(query).error


@pytest.mark.parametrize("query", [".*", "[a-z]+", "(金融", "\\d{4}", "^$", "a.b|c", "*", "?", "%_",
                                   "'; DROP TABLE docs; --"])
def test_regex_and_sql_like_text_is_searched_literally(seed_library, seed_docs, query):
    r = seed_library.search(f'"{query}"', limit=100_000)
    assert r.error is None
    assert {h.doc.id for h in r.hits} == brute_force(seed_docs, query)


def test_unbalanced_quote_searches_the_rest_as_a_phrase(seed_library, seed_docs):
    assert ids(seed_library, '"金融监管') == brute_force(seed_docs, "金融监管")


def test_bad_sort_is_a_message(seed_library):
    assert seed_library.search("金融", sort="size").error


# ---------------------------------------------------------------- results
def test_hits_snippets_marks_and_facets(seed_library, seed_docs):
    words = ["金融", "监管"]
    r = seed_library.search("金融 监管", limit=20)
    assert r.error is None and r.hits
    by_id = {d.id: d for d in seed_docs}
    for hit in r.hits:
        doc = by_id[hit.doc.id]
        ft = fold(doc.text)
        assert hit.hit_count == sum(ft.count(w) for w in words)
        assert hit.snippets
        for sn in hit.snippets:
            assert sn.marks
            for s, e in sn.marks:
                marked = fold(sn.text[s:e])
                assert any(w in marked for w in words)
            # every occurrence inside the snippet is marked
            fs = fold(sn.text)
            for w in words:
                for m in re.finditer(re.escape(w), fs):
                    assert any(s <= m.start() and m.end() <= e for s, e in sn.marks), (w, sn)
    # scores descend
    scores = [h.score for h in r.hits]
    assert scores == sorted(scores, reverse=True)
    # facets count every match
    assert sum(r.facets["year"].values()) == r.total
    all_hits = seed_library.search("金融 监管", limit=100_000).hits
    per_issuer: dict[str, int] = {}
    for h in all_hits:
        for name in dict.fromkeys(h.doc.canonical_issuers) or ["未识别"]:
            per_issuer[name] = per_issuer.get(name, 0) + 1
    assert r.facets["issuer"] == per_issuer


def test_title_matches_rank_first(seed_library, seed_docs):
    infos = {d.id: d for d in seed_library.documents()}
    target = next(infos[d.id] for d in seed_docs
                  if len(d.title) >= 12 and d.meta.doc_number and fold(d.title) in fold(d.text))
    r = seed_library.search(f'"{target.title}"', limit=5)
    assert r.hits and r.hits[0].doc.title == target.title


def test_sort_by_date(seed_library):
    r = seed_library.search("通知", sort="date", limit=1000)
    dates = [h.doc.date or "" for h in r.hits]
    assert dates == sorted(dates, reverse=True)


def test_limit(seed_library):
    r = seed_library.search("的", limit=3)
    assert len(r.hits) == 3 and r.total > 3


# ---------------------------------------------------------------- find_matches
def test_find_matches_marks_every_occurrence_at_the_right_characters():
    text = "关于金融监管的通知。\n金融\n监管……金融监管局；ＡＢＣ金融"
    assert find_matches(text, "金融监管") == [(2, 6), (18, 22)]
    assert find_matches(text, "abc") == [(24, 27)]
    assert [text[s:e] for s, e in find_matches(text, "金融")] == ["金融", "金融", "金融", "金融"]
    # "…" folds to "...": a match inside the expansion marks the whole character
    assert [text[s:e] for s, e in find_matches(text, "..")] == ["……"]
    # exclusions and field filters are not marked; bad queries mark nothing
    assert find_matches(text, "金融 -监管") == [(2, 4), (11, 13), (18, 20), (27, 29)]
    assert find_matches(text, "标题:金融") == []
    assert find_matches(text, '"金融') == [(2, 4), (11, 13), (18, 20), (27, 29)]
    assert find_matches(text, "OR") == []


def test_find_matches_merges_overlaps():
    assert find_matches("aaaa", "aa") == [(0, 4)]
    assert find_matches("市政府办公厅", "市政 政府办") == [(0, 4)]


def test_parse_query_structure():
    q = parse_query('金融 "a b" x OR y -z 发文机关：财政局 year:2021-2023')
    kinds = [(c.negated, [(t.field, t.value) for t in c.alternatives]) for c in q.clauses]
    assert kinds == [
        (False, [(None, "金融")]),
        (False, [(None, "a b")]),
        (False, [(None, "x"), (None, "y")]),
        (True, [(None, "z")]),
        (False, [("issuer", "财政局")]),
        (False, [("year", "2021-2023")]),
    ]


def test_snippets_are_cut_before_occurrences_are_gathered():
    """A common word in a very large document: the snippets need the first few occurrences,
    so the folded text is searched a bounded number of times, not once per occurrence."""
    from reader.core.library.search import MAX_SNIPPETS, SNIPPET_CHARS, make_snippets

    class Counting(str):
        finds = 0

        def find(self, *args):
            Counting.finds += 1
            return str.find(self, *args)

    text = "关于加强管理的通知\n" + "的工作的要求" * 200_000
    snippets = make_snippets(text, Counting(text), ["的"])
    assert len(snippets) == MAX_SNIPPETS
    assert all("的" in sn.text and sn.marks for sn in snippets)
    assert Counting.finds <= MAX_SNIPPETS * SNIPPET_CHARS + 10  # not 400,000


# ── ranking, 文号 forms, units, IDF: on documents written here ──────────────────
def _notice(title: str, docno: str, body: str) -> str:
    return f"{title}\n{docno}\n各有关单位：\n{body}\n宁波市测试局\n2023年2月1日\n"


@pytest.fixture(scope="module")
def own_library(tmp_path_factory):
    from reader.core.library.library import Library

    base = tmp_path_factory.mktemp("own")
    folder = base / "docs"
    folder.mkdir()
    files = {
        "about.txt": _notice("宁波市测试局关于加强金融监管的通知", "甬测发〔2023〕7号",
                             "为做好金融监管工作，现通知如下。一、明确职责（牵头单位：市经信局；配合单位：市财政局）。"),
        "mentions.txt": _notice("宁波市测试局关于领导工作分工的通知", "甬测发〔2023〕8号",
                                "分管金融、监管、金融服务、金融稳定、市场监管、金融监管、安全监管、质量监管工作。" * 3),
        "parking.txt": _notice("关于缓解停车难问题的报告", "甬测发〔2023〕9号", "停车难问题已有改善。"),
        "minutes.txt": _notice("第十九次会议纪要", "甬测发〔2023〕10号",
                               "会议听取停车难问题报告，指出停车难、停车贵，要求缓解停车难。" * 2),
        "cites.txt": _notice("关于转发有关文件的通知", "甬测发〔2023〕11号",
                             "根据《通知》（甬测发[2023]7号）精神，抓好落实。"),
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    lib = Library([folder], index_dir=base / "index")
    lib.update()
    yield lib
    lib.close()


def _titles(lib, q):
    r = lib.search(q, limit=10)
    assert r.error is None, r.error
    return [h.doc.title for h in r.hits]


def test_a_document_about_the_words_ranks_above_one_that_repeats_them(own_library):
    assert _titles(own_library, "金融 监管")[0] == "宁波市测试局关于加强金融监管的通知"
    got = _titles(own_library, "停车难")
    assert got.index("关于缓解停车难问题的报告") < got.index("第十九次会议纪要")


@pytest.mark.parametrize("typed", ["甬测发〔2023〕7号", "甬测发[2023]7号", "甬测发（2023）7号", "甬测发(2023)7号",
                                   "甬测发【2023】7号", "甬测发［2023］7号", "甬测发 〔2023〕 7号"])
def test_a_doc_number_is_found_however_its_brackets_are_typed(own_library, typed):
    got = _titles(own_library, f'"{typed}"' if " " in typed else typed)
    # the document numbered so, and the one citing it with other brackets ([2023])
    assert set(got) == {"宁波市测试局关于加强金融监管的通知", "关于转发有关文件的通知"}


def test_unit_filter_takes_the_printed_or_the_canonical_name(own_library):
    printed = _titles(own_library, "单位:市经信局")
    assert printed == ["宁波市测试局关于加强金融监管的通知"]
    assert _titles(own_library, "单位:宁波市经济和信息化局") == printed


def test_idf_is_a_statistic_of_the_whole_index(own_library):
    """监管's IDF is the same alone and beside 金融 (it used to be counted over the documents
    金融 had left), and equals the formula over a brute-force document frequency."""
    import math

    from reader.core.library.searcher import ExactScorer

    snap = own_library._current()
    texts = own_library.texts.get(list(snap.infos))
    df = sum("监管" in texts[k] for k in snap.infos)
    want = math.log(1.0 + (len(snap.infos) - df + 0.5) / (df + 0.5))
    own_library.search("金融 监管")
    assert snap.idf("监管") == pytest.approx(want)
    leaf = snap.leaves[0]
    assert ExactScorer(snap, leaf, "监管").idf == pytest.approx(want)


def test_note_field_finds_documents_by_the_users_own_notes(own_library, tmp_path, monkeypatch):
    """备注: searches the notes kept beside the index (reader.core.library.notes), folded like search."""
    from reader.core.library.notes import DocKey, NotesStore

    monkeypatch.setenv("READER_NOTES_FILE", str(tmp_path / "notes.sqlite"))
    target = next(d for d in own_library.documents() if "停车难" in d.title)
    store = NotesStore()
    store.add_note(DocKey(target.id, target.title, target.file), "下周跟进，ＯＫ")
    store.close()
    assert _titles(own_library, "备注:跟进") == [target.title]
    assert _titles(own_library, "note:ok") == [target.title]  # full-width and case folded
    assert _titles(own_library, "批注:跟进 停车难") == [target.title]
    assert _titles(own_library, "备注:没有这条") == []
    assert target.title not in _titles(own_library, "停车难 -备注:跟进")
