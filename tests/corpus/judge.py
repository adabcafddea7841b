"""Compare parsed documents with hand-made gold: the judge shared by the seed and corpus tests.

Gold format (one entry per document, in order of its header):
    line        1-based line of the title's first line in the source file
    title, doc_number, issuers, date, kind
                the expected value; "*" means "not scored" (nothing printed to judge by);
                {"one_of": [...]} accepts any listed value
    optional    true for items that may be present or absent (记事, 发文目录, statistics tables);
                they absorb a parsed document but are never scored

A parsed document matches a gold one when the gold title line lies in the parsed line range
(two lines of slack above it, for a parser that starts a document at its 文号) and either the
titles are equal after NFKC and whitespace removal, or they overlap mostly, or the gold title is
"*". Each parsed document matches at most one gold document (greedy, best pairs first), so two
gold documents merged into one parsed document show up as a missing gold document.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher

FIELDS = ("title", "doc_number", "issuers", "date", "kind")
ANY = "*"
LINE_SLACK = 2
TITLE_SIMILARITY = 0.6


def norm(text: str | None) -> str:
    """NFKC-folded text without any whitespace (layout noise in titles and numbers)."""
    if text is None:
        return ""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def alternatives(gold_value) -> list:
    if isinstance(gold_value, dict) and "one_of" in gold_value:
        return list(gold_value["one_of"])
    return [gold_value]


def _canon(field_name: str, value):
    if field_name == "issuers":
        return tuple(norm(v) for v in (value or []))
    if field_name in ("title", "doc_number"):
        return norm(value) if value else None
    if field_name == "kind":
        return (value or "").strip()
    return value or None  # date


def field_ok(field_name: str, gold_value, got_value) -> bool:
    if gold_value == ANY:
        return True
    got = _canon(field_name, got_value)
    return any(_canon(field_name, alt) == got for alt in alternatives(gold_value))


def got_field(doc, field_name: str):
    return getattr(doc.meta, field_name)


def _title_similarity(gold_title, got_title: str) -> tuple[bool, float]:
    if gold_title == ANY:
        return False, 0.0
    got = norm(got_title)
    best, exact = 0.0, False
    for alt in alternatives(gold_title):
        g = norm(alt)
        if not g or not got:
            continue
        if g == got:
            exact = True
        best = max(best, SequenceMatcher(None, g, got, autojunk=False).ratio())
    return exact, best


@dataclass
class Matching:
    pairs: list[tuple[dict, object]] = field(default_factory=list)  # (gold, parsed doc)
    missing: list[dict] = field(default_factory=list)  # required gold docs not found
    invented: list[object] = field(default_factory=list)  # parsed docs matching no gold entry
    merged: list[tuple[dict, dict, object]] = field(default_factory=list)  # (missing gold, gold it was merged with, doc)


def match(gold_docs: list[dict], parsed_docs: list) -> Matching:
    candidates = []
    for gi, g in enumerate(gold_docs):
        for pi, d in enumerate(parsed_docs):
            contains = d.first_line - LINE_SLACK <= g["line"] <= d.last_line
            if not contains:
                continue
            exact, sim = _title_similarity(g["title"], d.meta.title)
            if not (exact or sim >= TITLE_SIMILARITY or g["title"] == ANY):
                continue
            # best first: equal titles, then similar titles, then headers closest to the gold line
            candidates.append(((exact, sim, -abs(d.first_line - g["line"])), gi, pi))
    candidates.sort(key=lambda c: c[0], reverse=True)
    used_gold: dict[int, int] = {}
    used_doc: dict[int, int] = {}
    for _, gi, pi in candidates:
        if gi in used_gold or pi in used_doc:
            continue
        used_gold[gi] = pi
        used_doc[pi] = gi
    result = Matching()
    for gi, g in enumerate(gold_docs):
        if gi in used_gold:
            result.pairs.append((g, parsed_docs[used_gold[gi]]))
        elif not g.get("optional"):
            result.missing.append(g)
            for pi, d in enumerate(parsed_docs):
                if d.first_line <= g["line"] <= d.last_line and pi in used_doc:
                    result.merged.append((g, gold_docs[used_doc[pi]], d))
                    break
    result.invented = [d for pi, d in enumerate(parsed_docs) if pi not in used_doc]
    return result


@dataclass
class Mismatch:
    file: str
    line: int
    field: str
    gold: object
    got: object
    where: str


def score(file: str, gold_docs: list[dict], matching: Matching) -> tuple[dict[str, int], list[Mismatch]]:
    """Correct-field counts over the required gold documents (missing ones count as wrong)."""
    correct = {f: 0 for f in FIELDS}
    mismatches: list[Mismatch] = []
    found = {id(g): d for g, d in matching.pairs}
    for g in gold_docs:
        if g.get("optional"):
            continue
        d = found.get(id(g))
        for f in FIELDS:
            if d is None:
                mismatches.append(Mismatch(file, g["line"], f, g[f], "<document not found>", "-"))
            elif field_ok(f, g[f], got_field(d, f)):
                correct[f] += 1
            else:
                mismatches.append(Mismatch(file, g["line"], f, g[f], got_field(d, f), f"{d.first_line}-{d.last_line}"))
    return correct, mismatches


def _show(value) -> str:
    if isinstance(value, dict) and "one_of" in value:
        return " | ".join(_show(v) for v in value["one_of"])
    if isinstance(value, list):
        return "[" + ", ".join(value) + "]"
    return "null" if value is None else str(value)


def mismatch_table(rows: list[Mismatch]) -> str:
    out = ["file:gold_line  field       gold  ≠  parsed  (parsed lines)"]
    for r in rows:
        out.append(f"{r.file}:{r.line}  {r.field:<10}  {_show(r.gold)}  ≠  {_show(r.got)}  ({r.where})")
    return "\n".join(out)


def describe_problems(file: str, matching: Matching, *, include_invented: bool = True) -> str:
    lines = []
    for g in matching.missing:
        merged = [m for m in matching.merged if m[0] is g]
        if merged:
            _, other, d = merged[0]
            lines.append(f"{file}:{g['line']} MERGED  {_show(g['title'])}  into the document of "
                         f"{_show(other['title'])} (parsed lines {d.first_line}-{d.last_line}, title {d.meta.title!r})")
        else:
            lines.append(f"{file}:{g['line']} MISSING {_show(g['title'])}")
    if include_invented:
        for d in matching.invented:
            lines.append(f"{file}:{d.first_line}-{d.last_line} INVENTED {d.meta.title!r}")
    return "\n".join(lines)
