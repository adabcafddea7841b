"""Run the stages on one file: the single entry point the CLI, index and GUI share."""
from __future__ import annotations

from pathlib import Path

from reader.core import deadline, decode
from reader.core.model import Document, ParseResult, ReadError

# Bump whenever a stage changes what documents, metadata or reading texts come out:
# stored indexes record it and rebuild themselves when it changes.
PIPELINE_VERSION = 6  # 2: control and bidi characters neutralised (normalise); 3: held-out splitter/metadata/reflow fixes; 4: reflow joins lines cut inside sentences and titles over several lines; tables (rows padded), layout markup dropped; 5: laws, interpretations, resolutions, reports, 令/公告 and joint titles (issue 12), date_role, .md, regulatory units and time limits; 6: footnotes moved after the sentence they interrupt, lines cut at a conjunction, annex titles ending in a table name, tables keep empty cells printed as tabs and join wrapped cells


def parse_text(text: str, file: str = "<text>", encoding: str = "utf-8") -> list[Document]:
    """Split already-decoded text into documents with metadata and entity spans."""
    # Imported here: opening an index only to read it (which needs PIPELINE_VERSION) does
    # not compile the stages' patterns (0.3 s).
    from reader.core import entities, metadata, normalise, split, tables

    lines = normalise.clean_lines(text)
    docs: list[Document] = []
    for segment in split.split_documents(lines):
        deadline.check()
        if not segment.lines:
            continue
        meta = metadata.read_metadata(segment)
        paragraphs, found_tables = tables.tabulate(normalise.reflow_paragraphs(segment.lines))
        body = "\n".join(paragraphs)
        numbers = [l.no for l in segment.lines]
        docs.append(
            Document(
                file=file,
                encoding=encoding,
                first_line=min(numbers),
                last_line=max(numbers),
                meta=meta,
                text=body,
                entities=entities.find_entities(body, own_doc_number=meta.doc_number),
                tables=found_tables,
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


def parse_bytes(data: bytes, name: str) -> ParseResult:
    """Parse a file's bytes (already read: the library hashes and parses one read). A file
    still parsing after its time budget (deadline.parse_seconds(size)) gives a result with
    `error`, never an exception."""
    seconds = deadline.parse_seconds(len(data))
    try:
        with deadline.limit(seconds):
            decoded = decode.decode_bytes(data, name)
            documents = parse_text(decoded.text, name, decoded.encoding)
    except ReadError as exc:
        return ParseResult(file=name, error=exc.reason)
    except deadline.ParseTimeout:
        return ParseResult(file=name, error=f"解析超时（超过 {seconds:.4g} 秒），文件可能异常 "
                                            f"(parse time limit exceeded: {seconds:.4g} s)")
    return ParseResult(file=name, encoding=decoded.encoding, documents=documents)
