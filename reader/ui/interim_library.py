"""Stand-in for reader.core.library.Library while that module does not exist yet.

Same method names and record fields as the Library API in the team brief, built from
reader.core.pipeline.parse_file in memory; no index. backend.make_library uses the real
Library whenever it can be imported, so this file is only a bridge.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.pipeline import parse_file


@dataclass
class DocInfo:
    id: str
    title: str
    doc_number: str | None
    issuers: list[str]
    canonical_issuers: list[str]
    date: str | None
    year: int | None
    kind: str
    file: str
    first_line: int
    last_line: int


@dataclass
class Progress:
    done: int
    total: int
    current: str


@dataclass
class UpdateSummary:
    files: int
    documents: int
    new: int
    changed: int
    removed: int
    problems: int
    seconds: float
    cancelled: bool


@dataclass
class Problem:
    file: str
    reason: str


@dataclass
class Snippet:
    text: str
    marks: list[tuple[int, int]]


@dataclass
class Hit:
    doc: DocInfo
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


def _info(doc) -> DocInfo:
    m = doc.meta
    return DocInfo(doc.id, m.title, m.doc_number, list(m.issuers), list(m.canonical_issuers), m.date, m.year,
                   m.kind, doc.file, doc.first_line, doc.last_line)


class Library:
    def __init__(self, folders, index_dir=None):
        self.folders = [Path(f) for f in folders]
        self._docs: dict[str, object] = {}
        self._mtimes: dict[str, float] = {}
        self._problems: list[Problem] = []

    def _files(self) -> list[Path]:
        files: list[Path] = []
        for folder in self.folders:
            if folder.is_file():
                files.append(folder)
            elif folder.is_dir():
                files += sorted(p for p in folder.rglob("*.txt") if p.is_file())
        return files

    def update(self, progress=None, cancel=None) -> UpdateSummary:
        t0 = time.monotonic()
        files = self._files()
        new = changed = 0
        seen = set()
        docs = dict(self._docs)
        problems = [p for p in self._problems]
        cancelled = False
        for i, path in enumerate(files):
            if cancel and cancel():
                cancelled = True
                break
            name = str(path)
            seen.add(name)
            mtime = path.stat().st_mtime
            if self._mtimes.get(name) != mtime:
                if name in self._mtimes:
                    changed += 1
                else:
                    new += 1
                docs = {k: d for k, d in docs.items() if d.file != name}
                problems = [p for p in problems if p.file != name]
                result = parse_file(path)
                if result.error:
                    problems.append(Problem(name, result.error))
                for d in result.documents:
                    docs[d.id] = d
                self._mtimes[name] = mtime
            if progress:
                progress(Progress(i + 1, len(files), name))
        removed = 0
        if not cancelled:
            for name in list(self._mtimes):
                if name not in seen:
                    removed += 1
                    del self._mtimes[name]
                    docs = {k: d for k, d in docs.items() if d.file != name}
        self._docs, self._problems = docs, problems
        return UpdateSummary(len(files), len(docs), new, changed, removed, len(problems),
                             time.monotonic() - t0, cancelled)

    def documents(self) -> list[DocInfo]:
        return [_info(d) for d in self._docs.values()]

    def document(self, doc_id):
        return self._docs.get(doc_id)

    def problems(self) -> list[Problem]:
        return list(self._problems)

    def search(self, query, *, issuer=None, year_from=None, year_to=None, kind=None, sort="relevance", limit=50):
        terms = [t for t in query.split() if t]
        hits = []
        for d in self._docs.values():
            m = d.meta
            if issuer and issuer not in m.canonical_issuers:
                continue
            if year_from and (m.year or 0) < year_from:
                continue
            if year_to and (m.year or 9999) > year_to:
                continue
            if kind and m.kind != kind:
                continue
            hay = m.title + "\n" + d.text
            if not terms or not all(t in hay for t in terms):
                continue
            count = sum(d.text.count(t) for t in terms)
            pos = d.text.find(terms[0])
            start = max(0, pos - 30)
            text = d.text[start:pos + 60]
            marks = []
            for t in terms:
                j = text.find(t)
                while j >= 0:
                    marks.append((j, j + len(t)))
                    j = text.find(t, j + len(t))
            hits.append(Hit(_info(d), float(count), count, [Snippet(text, sorted(marks))] if pos >= 0 else []))
        if sort == "date":
            hits.sort(key=lambda h: h.doc.date or "", reverse=True)
        else:
            hits.sort(key=lambda h: -h.score)
        return SearchResult(query, hits[:limit], len(hits))
