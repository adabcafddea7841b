"""How the document tree groups documents: issuer → year → documents (from DocInfo
records, not folders), responsible unit → documents (the 按责任单位 view), or source file →
its documents in file order (the 按来源文件 view). Plain Python, so a worker thread can plan
the tree of a large library; reader.ui.tree shows a plan.

Issuers are grouped by canonical name; a joint issuance sits under each of its issuers;
unknown issuer or year go under the ``unknown`` node (the caller passes its label, translated).
Every node shows its count. Documents are newest first within a year. In the unit view, units
are canonical names (the printed forms are searched by the filter too) and a document sits
under every unit its tasks name.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePath
from typing import NamedTuple

from reader.core.library.records import UNKNOWN_ISSUER as UNKNOWN


class Twin(NamedTuple):
    """A row's place among same-titled documents of its group, and where it starts: its first
    page in a paged source (PDF, OFD), else its first source line."""

    place: int
    of: int
    line: int | None
    page: int | None = None




def _newest_first(docs: list) -> list:
    """Newest first, undated last (ISO dates sort as text; "" sorts below every date)."""
    return sorted(docs, key=lambda d: d.date or "", reverse=True)


def doc_subline(doc) -> str:
    parts = []
    if doc.doc_number:
        parts.append(doc.doc_number)
    if doc.date:
        parts.append(doc.date)
    return "　".join(parts)


def twin_notes(docs: Sequence) -> dict[str, Twin]:
    """Documents of one group with the same title and the same 文号 and date (three
    宁波市人大常委会任免名单 adopted at one session): each gets its place among them and its
    source line, so the rows can be told apart; a differing date or 文号 already shows."""
    same: dict[tuple, list] = {}
    for doc in docs:
        same.setdefault((doc.title, doc.doc_number or "", doc.date or ""), []).append(doc)
    notes: dict[str, Twin] = {}
    for twins in same.values():
        if len(twins) < 2:
            continue
        twins = sorted(twins, key=lambda d: (getattr(d, "file", ""), getattr(d, "first_line", 0)))
        for k, doc in enumerate(twins, 1):
            pages = getattr(doc, "pages", None)
            notes[doc.id] = Twin(k, len(twins), getattr(doc, "first_line", None) or None, pages[0] if pages else None)
    return notes


class Node:
    __slots__ = ("kind", "key", "text", "parent", "row", "children", "doc", "note")

    def __init__(self, kind, key, text, parent, row, doc=None, note=None):
        self.kind, self.key, self.text, self.parent, self.row = kind, key, text, parent, row
        self.children: list[int] = []
        self.doc = doc
        self.note = note  # a Twin, when same-titled rows must be told apart


class TreePlan:
    """Grouping, filter texts and rows of the tree: plain Python, so a worker thread can
    prepare it for a large library while the GUI thread keeps running."""

    def __init__(self, unknown, grouped, haystack, nodes, doc_nodes, words, top_kind="issuer", group_text=None,
                 labels=None):
        self.unknown, self.grouped, self.haystack = unknown, grouped, haystack
        self.nodes, self.doc_nodes, self.words = nodes, doc_nodes, words
        # "issuer" (issuer → year → doc), "unit" (unit → doc) or "source" (file → doc)
        self.top_kind = top_kind
        self.group_text = group_text or {}  # top node key → extra filter text (printed unit names)
        self.labels = labels or {}  # top node key → the name shown, when not the key (a file's name)


def _doc_haystack(doc) -> str:
    return " ".join(
        [doc.title, doc.doc_number or "", doc.date or "", " ".join(doc.issuers),
         " ".join(doc.canonical_issuers), doc.kind or ""]).lower()


def plan_tree(docs: Sequence, unknown: str = UNKNOWN, words: Sequence[str] = ()) -> TreePlan:
    grouped_map: dict[str, dict[str, list]] = {}
    counts: dict[str, int] = {}
    haystack: dict[str, str] = {}
    for doc in docs:
        issuers = list(dict.fromkeys(doc.canonical_issuers or [])) or [unknown]
        year = str(doc.year) if doc.year else unknown
        for issuer in issuers:
            grouped_map.setdefault(issuer, {}).setdefault(year, []).append(doc)
            counts[issuer] = counts.get(issuer, 0) + 1
        haystack[doc.id] = _doc_haystack(doc)
    order = sorted(grouped_map, key=lambda name: (name == unknown, -counts[name], name))
    grouped = [
        (issuer, [(year, _newest_first(grouped_map[issuer][year]))
                  for year in sorted(grouped_map[issuer],
                                     key=lambda y: (y == unknown, -int(y) if y.isdigit() else 0))])
        for issuer in order
    ]
    words = list(words)
    nodes, doc_nodes = build_nodes(grouped, haystack, words)
    return TreePlan(unknown, grouped, haystack, nodes, doc_nodes, words)


def plan_unit_tree(unit_docs: dict[str, list], unit_printed: dict[str, list[str]] | None = None,
                   unknown: str = UNKNOWN, words: Sequence[str] = ()) -> TreePlan:
    """Responsible unit (canonical) → documents, units with most documents first."""
    unit_printed = unit_printed or {}
    haystack: dict[str, str] = {}
    for docs in unit_docs.values():
        for doc in docs:
            if doc.id not in haystack:
                haystack[doc.id] = _doc_haystack(doc)
    order = sorted(unit_docs, key=lambda u: (-len(unit_docs[u]), u))
    grouped = [(unit, [(None, _newest_first(unit_docs[unit]))]) for unit in order]
    group_text = {unit: " ".join([unit] + list(unit_printed.get(unit, []))).lower() for unit in order}
    words = list(words)
    nodes, doc_nodes = build_nodes(grouped, haystack, words, "unit", group_text)
    return TreePlan(unknown, grouped, haystack, nodes, doc_nodes, words, "unit", group_text)


def _natural_key(text: str) -> list:
    """第2期 before 第10期: digit runs compare as numbers."""
    parts = re.split(r"(\d+)", text)  # text, digits, text, …: compared position by position
    return [int(part) if i % 2 else part for i, part in enumerate(parts)]


def plan_source_tree(docs: Sequence, unknown: str = UNKNOWN, words: Sequence[str] = ()) -> TreePlan:
    """Source file (a gazette issue, a collection) → its documents in file order (first line),
    so that an issue reads in print order. Files in name order (第2期 before 第10期, then by
folder); a file
    name shown once in the library is shown alone, one found in several folders with its folder."""
    by_file: dict[str, list] = {}
    haystack: dict[str, str] = {}
    for doc in docs:
        by_file.setdefault(doc.file, []).append(doc)
        haystack[doc.id] = _doc_haystack(doc)
    names = {f: PurePath(f).name or f for f in by_file}
    seen: dict[str, int] = {}
    for name in names.values():
        seen[name] = seen.get(name, 0) + 1
    labels = {f: (name if seen[name] == 1 else f"{PurePath(f).parent.name}/{name}") for f, name in names.items()}
    order = sorted(by_file, key=lambda f: (_natural_key(names[f]), f))
    grouped = [(f, [(None, sorted(by_file[f], key=lambda d: (d.first_line, d.last_line)))]) for f in order]
    group_text = {f: f.lower() for f in order}  # the filter finds a file by its name or folder
    words = list(words)
    nodes, doc_nodes = build_nodes(grouped, haystack, words, "source", group_text, labels)
    return TreePlan(unknown, grouped, haystack, nodes, doc_nodes, words, "source", group_text, labels)


def build_nodes(grouped, haystack: dict[str, str], words: Sequence[str], top_kind: str = "issuer",
                group_text: dict[str, str] | None = None,
                labels: dict[str, str] | None = None) -> tuple[list[Node], dict[str, int]]:
    """Rows for the documents whose filter text holds every word; counts follow the filter.
    A word found in a top node's group text (a unit's printed names) matches all its documents.
    A year of None: the documents sit right under the top node. labels: the text a top node
    shows instead of its key."""
    nodes = [Node("root", "", "", -1, 0)]
    doc_nodes: dict[str, int] = {}
    root = nodes[0]
    group_text = group_text or {}
    labels = labels or {}
    for issuer, years in grouped:
        kept_years = []
        extra = group_text.get(issuer, "")
        for year, docs in years:
            if words:
                docs = [d for d in docs if all(w in haystack[d.id] or w in extra for w in words)]
            if docs:
                kept_years.append((year, docs))
        if not kept_years:
            continue
        total = sum(len(d) for _, d in kept_years)
        issuer_id = len(nodes)
        nodes.append(Node(top_kind, issuer, f"{labels.get(issuer, issuer)}（{total}）", 0, len(root.children)))
        root.children.append(issuer_id)
        issuer_node = nodes[issuer_id]
        for year, docs in kept_years:
            notes = twin_notes(docs)
            if year is None:
                for doc in docs:
                    node_id = len(nodes)
                    nodes.append(Node("doc", doc.id, doc.title, issuer_id, len(issuer_node.children), doc,
                                       notes.get(doc.id)))
                    issuer_node.children.append(node_id)
                    doc_nodes.setdefault(doc.id, node_id)
                continue
            year_id = len(nodes)
            nodes.append(Node("year", year, f"{year}（{len(docs)}）", issuer_id, len(issuer_node.children)))
            issuer_node.children.append(year_id)
            children = nodes[year_id].children
            for row, doc in enumerate(docs):
                node_id = len(nodes)
                nodes.append(Node("doc", doc.id, doc.title, year_id, row, doc, notes.get(doc.id)))
                children.append(node_id)
                doc_nodes.setdefault(doc.id, node_id)
    return nodes, doc_nodes
