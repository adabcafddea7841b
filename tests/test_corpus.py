"""The parser against a hand-written corpus with known answers (tests/corpus/).

Each corpus file is built at test time from a UTF-8 source into its declared bytes (GB18030 with
CRLF, UTF-16 with and without BOM, GBK, Big5, PDF-style wrapping) and parsed with parse_file.
Asserted, as for the seeds: every gold document found, none invented, every metadata field
right; plus decode facts (the encoding reported) and reflow facts (split sentences come back
whole, page numbers and running headers are gone, no CJK character of the body is lost).
"""
from __future__ import annotations

import codecs
import re

import pytest

from reader.core.documents.pipeline import parse_file
from tests.corpus import make
from tests.corpus.judge import FIELDS, describe_problems, match, mismatch_table, norm, score

CORPUS = make.GOLD
NAMES = sorted(CORPUS)
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002ffff]")


def cjk_only(text: str) -> str:
    return "".join(CJK.findall(text))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """name → (ParseResult, gold documents with their resolved title line)."""
    out_dir = tmp_path_factory.mktemp("corpus")
    results = {}
    for name in NAMES:
        path = make.build(name, out_dir)
        text = make.render(name)
        gold = []
        for g in CORPUS[name]["documents"]:
            g = dict(g)
            g["line"] = make.anchor_line(text, g["anchor"], g.get("occurrence", 1))
            gold.append(g)
        results[name] = (parse_file(path), gold)
    return results


def _pairs(corpus, name):
    result, gold = corpus[name]
    return match(gold, result.documents)


@pytest.mark.parametrize("name", NAMES)
def test_corpus_file_decodes(corpus, name):
    result, _ = corpus[name]
    assert result.error is None, f"{name}: {result.error}"
    assert result.encoding, f"{name}: no encoding reported"
    reported = codecs.lookup(result.encoding).name
    accepted = {codecs.lookup(e).name for e in CORPUS[name]["expect_encoding"]}
    assert reported in accepted, f"{name}: encoding reported {result.encoding!r}, expected one of {sorted(accepted)}"
    for doc in result.documents:
        assert "\r" not in doc.text and "\ufeff" not in doc.text and "\ufffd" not in doc.text, (
            f"{name}: reading text of {doc.meta.title!r} keeps CR, BOM or replacement characters"
        )


@pytest.mark.parametrize("name", NAMES)
def test_corpus_documents_found(corpus, name):
    m = _pairs(corpus, name)
    assert not m.missing, describe_problems(name, m, include_invented=False) + "\n" + _listing(corpus, name)


@pytest.mark.parametrize("name", NAMES)
def test_corpus_no_invented_documents(corpus, name):
    m = _pairs(corpus, name)
    assert not m.invented, "\n".join(
        f"{name}:{d.first_line}-{d.last_line} INVENTED {d.meta.title!r}" for d in m.invented
    ) + "\n" + _listing(corpus, name)


@pytest.mark.parametrize("name", NAMES)
def test_corpus_metadata(corpus, name):
    _, gold = corpus[name]
    correct, mismatches = score(name, gold, _pairs(corpus, name))
    assert not mismatches, mismatch_table(mismatches)
    assert all(correct[f] == len(gold) for f in FIELDS)


def _matched(corpus, name):
    """(gold, parsed document) pairs; a gold document that was not found fails the calling test."""
    m = _pairs(corpus, name)
    assert not m.missing, describe_problems(name, m, include_invented=False)
    return m.pairs


def _listing(corpus, name) -> str:
    result, _ = corpus[name]
    return "parsed: " + "; ".join(f"{d.first_line}-{d.last_line} {d.meta.title!r}" for d in result.documents)


def _cases(key):
    return [(n, i) for n in NAMES for i, g in enumerate(CORPUS[n]["documents"]) if g.get(key)]


@pytest.mark.parametrize(("name", "index"), _cases("must_contain"))
def test_reading_text_keeps_sentences_whole(corpus, name, index):
    """Sentences broken over lines (or over a page break) come back as one unbroken string."""
    pairs = _matched(corpus, name)
    gold, doc = pairs[index]
    for sentence in gold["must_contain"]:
        assert sentence in doc.text, f"{name}: {sentence!r} not in the reading text of {doc.meta.title!r}:\n{doc.text}"


@pytest.mark.parametrize("name", [n for n in NAMES if CORPUS[n].get("must_not_contain") or CORPUS[n].get("noise")])
def test_reading_text_has_no_page_furniture(corpus, name):
    """Running headers, page numbers, the cover and the TOC never reach a reading text."""
    result, _ = corpus[name]
    page_number = re.compile(r"^\s*[—–-]\s*\d+\s*[—–-]\s*$")
    for doc in result.documents:
        for text in CORPUS[name].get("must_not_contain", []):
            assert text not in doc.text, f"{name}: {text!r} in the reading text of {doc.meta.title!r}"
        for line in doc.text.split("\n"):
            assert not page_number.match(line), f"{name}: page number {line!r} in {doc.meta.title!r}"


@pytest.mark.parametrize(("name", "index"), _cases("body"))
def test_reading_text_loses_no_cjk_character(corpus, name, index):
    """Every CJK character of the body, in order, minus running headers and page numbers."""
    pairs = _matched(corpus, name)
    gold, doc = pairs[index]
    lines = make.render(name).split("\n")
    start_text, end_text = gold["body"]
    start = next(i for i in range(gold["line"] - 1, len(lines)) if lines[i].strip().startswith(start_text))
    end = next(i for i in range(start, len(lines)) if lines[i].strip().startswith(end_text))
    noise = [re.compile(p) for p in CORPUS[name].get("noise", [])]
    body = [line for line in lines[start : end + 1] if not any(p.match(line) for p in noise)]
    expected = cjk_only("".join(body))
    assert expected in cjk_only(doc.text), (
        f"{name}: the CJK characters of lines {start + 1}-{end + 1} are not all in the reading text, "
        f"in order:\n{doc.text}"
    )


@pytest.mark.parametrize(("name", "index"), _cases("heading_lines"))
def test_reflow_keeps_headings_and_paragraphs_apart(corpus, name, index):
    pairs = _matched(corpus, name)
    gold, doc = pairs[index]
    lines = [line.strip() for line in doc.text.split("\n")]
    for heading in gold["heading_lines"]:
        assert heading in lines, f"{name}: heading {heading!r} is not a line of its own:\n{doc.text}"
    for start in gold.get("paragraph_starts", []):
        assert any(line.startswith(start) for line in lines), f"{name}: no paragraph starts with {start!r}:\n{doc.text}"


@pytest.mark.parametrize(("name", "index"), _cases("attachments_include"))
def test_attachments_belong_to_the_notice(corpus, name, index):
    pairs = _matched(corpus, name)
    gold, doc = pairs[index]
    got = {norm(a) for a in doc.meta.attachments}
    for title in gold["attachments_include"]:
        assert norm(title) in got, f"{name}: attachment {title!r} not in {doc.meta.attachments!r}"


@pytest.mark.parametrize("name", [n for n in NAMES if len(CORPUS[n]["documents"]) > 1])
def test_documents_do_not_swallow_their_neighbours(corpus, name):
    """A document's line range ends before the next document's title begins."""
    _, gold = corpus[name]
    problems = [
        f"{name}:{d.first_line}-{d.last_line} {d.meta.title!r} "
        f"holds the title line {other['line']} of {other['title']!r}"
        for g, d in _pairs(corpus, name).pairs
        for other in gold
        if other is not g and d.first_line <= other["line"] <= d.last_line
    ]
    assert not problems, "\n".join(problems)
