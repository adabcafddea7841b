"""Run the stages on one file: the single entry point the CLI, index and GUI share."""
from __future__ import annotations

import gc
import os
import threading
from contextlib import contextmanager
from pathlib import Path

from reader.core.documents import deadline, workers
from reader.core.text import decode, formats
from reader.core.model import Document, ParseResult, ReadError, line_columns

# Bump whenever a stage changes what documents, metadata or reading texts come out:
# stored indexes record it and rebuild themselves when it changes.
# Versions: 2: control and bidi characters neutralised (normalise); 3: held-out splitter/metadata/reflow
# fixes; 4: reflow joins lines cut inside sentences and titles over several lines; tables (rows padded),
# layout markup dropped; 5: laws, interpretations, resolutions, reports, 令/公告 and joint titles (issue 12),
# date_role, .md, regulatory units and time limits; 6: one organisation canonicaliser for issuers and units
# (宁波市北仑区…), 文号 compared with 號 as 号, regulatory units (issue 12: duty-bearers, 申请/请求 X, 在…时);
# 7: PDF/.docx/OFD pages (Document.pages), radicals read as ideographs (issue 14); 8: footnotes moved after
# the sentence they interrupt, lines cut at a conjunction, annex titles ending in a table name, tables keep
# empty cells printed as tabs and join wrapped cells (issue 11); 9: the rules fixed on blind sets 5-8 (issue 12:
# 令 and 公告 blocks, titles over lines with their 文号 under them, front and back matter, bylines, 部令
# numbers, Markdown notes; units named before their verb, partners, levels, function lists); 10: .docx
# text boxes and WordArt read (红头 mastheads: issuers that were missed); 11: the rules fixed on blind set 9
# (titles going on to a （…）的通知 row, numbered section labels, units and 一-quantities) and 分管 before
# a leader is no list of duties (main held 10 while these were merged: an index made then is remade);
# 12: a table row whose gaps are ideographic spaces ends a paragraph (the splitter's paragraph-end test
# looked only for tabs and ASCII spaces), and a row marked a contents row is no title even if asked before
# (the speed pass before these changed no output); 13: a .docx masthead in the page header the first
# page shows (江澜市人民政府办公厅文件 in word/header*.xml) is read before the body: issuers that were missed;
# a masthead row stands on its own line in the reading text (not run into the title under it), and a joint
# masthead's organ rows above its 文件 are its document's (they were in none); a masthead names an organ
# before 文件 (a title's first line ending in 文件 was taken for one).
PIPELINE_VERSION = 13


_gc_lock = threading.Lock()
_gc_pausers = 0
_gc_was_enabled = False


@contextmanager
def _gc_paused():
    """The cyclic garbage collector off while a parse runs (a parse makes millions of small,
    acyclic objects, freed by reference counting; the collector's passes over them cost 2-4% of
    parse time). Threads nest: the first to enter turns it off (only if it was on), the last to
    leave turns it back on, in `finally`, so an exception or a deadline never leaves it off; a
    parse is bounded by its deadline, so cycles made meanwhile (e.g. by the GUI thread) wait at
    most that long. A caller that turned the collector off itself keeps it off."""
    global _gc_pausers, _gc_was_enabled
    with _gc_lock:
        if _gc_pausers == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pausers += 1
    try:
        yield
    finally:
        with _gc_lock:
            if _gc_pausers > 0:  # (0: a fork reset the count under a parse of this thread)
                _gc_pausers -= 1
                if _gc_pausers == 0 and _gc_was_enabled:
                    gc.enable()


def _gc_after_fork() -> None:
    """A child forked while another thread parsed has no such thread: its collector goes back on
    (as it was before the parses) and its count and lock start afresh. The app spawns its
    workers; this is for a caller that forks."""
    global _gc_pausers, _gc_lock
    if _gc_pausers and _gc_was_enabled:
        gc.enable()
    _gc_pausers = 0
    _gc_lock = threading.Lock()


os.register_at_fork(after_in_child=_gc_after_fork)


def parse_text(text: str, file: str = "<text>", encoding: str = "utf-8",
               page_starts: tuple[int, ...] = ()) -> list[Document]:
    """Split already-decoded text into documents with metadata and entity spans. `page_starts`:
    the line each page starts on, for text extracted from a paged file (Document.pages).
    The garbage collector is paused meanwhile (_gc_paused)."""
    with _gc_paused():
        return _parse_text(text, file, encoding, page_starts)


def _parse_text(text: str, file: str, encoding: str, page_starts: tuple[int, ...]) -> list[Document]:
    # Imported here: opening an index only to read it (which needs PIPELINE_VERSION) does
    # not compile the stages' patterns, a noticeable part of start-up.
    from reader.core.documents import entities
    from reader.core.documents import metadata
    from reader.core.text import normalise
    from reader.core.documents import split
    from reader.core.text import tables

    lines = normalise.clean_lines(text)
    docs: list[Document] = []
    for segment in split.split_documents(lines):
        deadline.check()
        if not segment.lines:
            continue
        meta = metadata.read_metadata(segment)
        paragraphs, found_tables = tables.tabulate(normalise.reflow_paragraphs(segment.lines))
        body = "\n".join(paragraphs)
        numbers = line_columns(segment.lines)[0]
        first, last = min(numbers), max(numbers)  # (not in order when two columns were interleaved)
        docs.append(
            Document(
                file=file,
                encoding=encoding,
                first_line=first,
                last_line=last,
                meta=meta,
                text=body,
                entities=entities.find_entities(body, own_doc_number=meta.doc_number),
                tables=found_tables,
                pages=formats.page_range(page_starts, first, last),
            )
        )
    metadata.apply_issue_year([d.meta for d in docs])
    metadata.name_untitled([(d.meta, d.text) for d in docs])
    return docs


def parse_file(path: str | Path) -> ParseResult:
    """Parse one file; an unreadable file gives a result with `error`, never an exception."""
    try:
        data = decode.read_file(path)
    except ReadError as exc:
        return ParseResult(file=str(path), error=exc.reason)
    return parse_bytes(data, str(path))


def parse_file_isolated(path: str | Path) -> ParseResult:
    """parse_file in a process of its own for PDF, Word and OFD files (by name: their readers are
    native libraries, whose crash or hang must not take the caller with it, e.g. the GUI); text
    files in this process. A crash or hang is the file's error (reader.core.documents.workers)."""
    if not str(path).lower().endswith(formats.DOCUMENT_SUFFIXES):
        return parse_file(path)
    try:
        size = os.path.getsize(path)
    except OSError:
        return parse_file(path)  # gives the reason (missing, permission…)
    try:
        return workers.call_alone(parse_file, str(path), limit=workers.hard_limit(size))
    except workers.WorkerCrashed:
        return ParseResult(file=str(path), error=workers.PARSER_CRASHED)
    except workers.WorkerHung as exc:
        return ParseResult(file=str(path), error=exc.reason)


def parse_bytes(data: bytes, name: str) -> ParseResult:
    """Parse a file's bytes (already read: the library hashes and parses one read). A file
    still parsing after its time budget (deadline.parse_seconds(size)) gives a result with
    `error`, never an exception."""
    seconds = deadline.parse_seconds(len(data))
    try:
        with deadline.limit(seconds):
            text, encoding, page_starts = decode_any(data, name)
            documents = parse_text(text, name, encoding, page_starts)
            if not documents and encoding in formats.NOTHING_READ:
                # only page furniture (a scan stamped with page numbers): a problem, not an empty file
                raise ReadError(name, formats.NOTHING_READ[encoding])
    except ReadError as exc:
        return ParseResult(file=name, error=exc.reason)
    except deadline.ParseTimeout:
        return ParseResult(file=name, error=f"解析超时（超过 {seconds:.4g} 秒），文件可能异常 "
                                            f"(parse time limit exceeded: {seconds:.4g} s)")
    return ParseResult(file=name, encoding=encoding, documents=documents, pages=len(page_starts))


def decode_any(data: bytes, name: str) -> tuple[str, str, tuple[int, ...]]:
    """A file's text whatever its format: (text, encoding or format, page start lines).

    PDF, .docx and OFD by their content (reader.core.text.formats), anything else decoded as text
    (reader.core.text.decode). ReadError with the reason when it cannot be read."""
    extracted = formats.extract(data, name)
    if extracted is not None:
        return extracted.text, extracted.kind, extracted.page_starts
    decoded = decode.decode_bytes(data, name)
    return decoded.text, decoded.encoding, ()
