"""The Whoosh schema, field types and codec of the library index.

Whoosh pickles the schema (field types) and every segment (with its codec) into
the index's table of contents: the classes below are loaded by module path when
an index is opened. Moving this module or renaming its classes, or changing
what they write, means bumping FORMAT_VERSION: an index of another version is
emptied and rebuilt before Whoosh unpickles anything (``Store._open`` compares
the version key kept in SQLite first).

The reading text's postings are one Whoosh field, ``content``, whose terms are
the text's single characters and character pairs (keys from
:func:`reader.core.library.analysis.gram_counts`, as 4-byte big-endian term bytes).
Whoosh's own postings writer costs 16.4 µs of Python per posting, 350 s for a
100 MB library (``tests/benchmarks/bench_whoosh.py`` on the seeds, 2 cores; the
README's Whoosh section has the table); so the writer (:class:`reader.core.library.index.GramWriter`)
collects each document's term set in bulk and :class:`GramCodec` stores the
field's postings as sorted arrays in one file per segment (``.gpo``), read back
through Whoosh's TermsReader and ListMatcher interfaces. Everything else —
segments, generations, deletions, merges, stored fields, columns, the other
fields' postings — is Whoosh's W3 codec unchanged.
"""
from __future__ import annotations

import mmap
import os
import struct
import zlib
from array import array
from bisect import bisect_left

from whoosh import columns, fields, formats
from whoosh.codec import base as codec_base
from whoosh.codec.whoosh3 import W3Codec
from whoosh.matching import ListMatcher, NullMatcher
from whoosh.reading import TermNotFound

# Bump when the schema, the field types or the .gpo format change: indexes are rebuilt.
FORMAT_VERSION = 5  # 4: this module moved from reader.core.schema; 5: pages stored for the tree

CONTENT = "content"
GRAM_EXT = ".gpo"
_MAGIC = b"GWGPO001"
_HEADER = struct.Struct("<8sIIII")  # magic, nterms, npostings, doc id width, doc count
_TRAILER = struct.Struct("<I")  # crc32 of everything before it


def term_bytes(key: int) -> bytes:
    """A gram key as Whoosh term bytes (big-endian: byte order is numeric order)."""
    return struct.pack(">I", key)


def term_key(tbytes: bytes) -> int:
    return struct.unpack(">I", tbytes)[0]


# ---------------------------------------------------------------- field types
class GramField(fields.FieldType):
    """The reading text's character and character-pair terms, with their counts.

    Indexed only through :class:`reader.core.library.index.GramWriter`, which takes the
    value as a ready :class:`GramDoc`; the postings go to the segment's .gpo file.
    Field lengths are recorded (BM25 length normalisation).
    """

    indexed = True
    scorable = True
    stored = False
    unique = False
    column_type = None
    vector = None
    spelling = False
    multitoken_query = "and"
    sortable_typecode = None

    def __init__(self):
        self.format = formats.Frequency()
        self.analyzer = None

    def index(self, value, **kwargs):  # the writer never calls this for GramField
        raise TypeError("GramField values are added by GramWriter")

    def to_bytes(self, value):
        return value if isinstance(value, bytes) else term_bytes(int(value))

    def from_bytes(self, bs):
        return term_key(bs)

    def self_parsing(self):
        return True


class TermSetField(fields.FieldType):
    """A set of whole strings per document (organ names, a kind, a 文号), each one term.

    Values are folded by the caller. With ``column=True`` the strings are also kept
    as a list column, which Whoosh's overlapping facets read.
    """

    indexed = True
    scorable = False
    unique = False
    vector = None
    spelling = False
    multitoken_query = "or"
    sortable_typecode = None

    def __init__(self, stored: bool = False, column: bool = False):
        self.format = formats.Existence()
        self.analyzer = None
        self.stored = stored
        self.column_type = columns.VarBytesListColumn() if column else None

    @staticmethod
    def _values(value) -> list[str]:
        if value is None:
            return []
        if isinstance(value, str):
            return [value] if value else []
        return [v for v in dict.fromkeys(value) if v]

    def index(self, value, **kwargs):
        return [(v.encode("utf-8"), 1, 1.0, b"") for v in sorted(self._values(value))]

    def to_bytes(self, value):
        return value if isinstance(value, bytes) else value.encode("utf-8")

    def from_bytes(self, bs):
        return bs.decode("utf-8")

    def to_column_value(self, value):
        return [v.encode("utf-8") for v in self._values(value)]

    def from_column_value(self, value):
        return [v.decode("utf-8") for v in value]

    def self_parsing(self):
        return True


def make_schema() -> fields.Schema:
    """One Whoosh document per parsed document.

    ``key`` links the document to its row in the library database (reading text,
    entities, tasks); the facets and sort keys are columns.
    """
    return fields.Schema(
        key=fields.COLUMN(columns.NumericColumn("Q")),
        id=fields.ID(stored=True, unique=True),  # Document.id: file, lines and title
        file=fields.ID(stored=True),
        pos=fields.STORED(),
        first_line=fields.STORED(),
        last_line=fields.STORED(),
        pages=fields.STORED(),  # [first, last] page of a paged source (PDF, OFD), else None
        title=TermSetField(stored=False),  # folded
        title_shown=fields.STORED(),
        doc_number=TermSetField(stored=False),  # folded, brackets as 〔〕
        doc_number_shown=fields.STORED(),
        issuers=TermSetField(),  # folded, as printed and canonical
        issuers_shown=fields.STORED(),
        canonical_shown=fields.STORED(),
        issuer_facet=TermSetField(column=True),  # canonical, as shown; 未识别 when none
        kind=TermSetField(),  # folded
        kind_shown=fields.STORED(),
        kind_facet=fields.ID(sortable=True),
        date=fields.ID(stored=True),
        date_sort=fields.COLUMN(columns.NumericColumn("I")),  # yyyymmdd, 0 when unknown
        # 16 bits, shift_step 8: two terms per year. Whoosh 2.7.5's NumericRange gives wrong
        # answers for 32 bits with shift_step 4 or 16 (open ranges, single years);
        # tests/core/library/test_index.py checks ranges against brute force.
        year=fields.NUMERIC(int, bits=16, shift_step=8, stored=True, signed=False),
        year_facet=fields.ID(sortable=True),
        units=TermSetField(),  # folded, printed and canonical
        length=fields.STORED(),  # of the folded reading text (BM25), exact
        content=GramField(),
    )


# ---------------------------------------------------------------- postings file
class GramPostingsBuilder:
    """Collects per-term doc numbers and counts in arrays, in increasing doc order.

    One array append per posting; the whole bulk path (this, GramWriter and the
    .gpo file) costs 1.3 µs per posting against 16.4 µs through Whoosh's pool and
    postings writer (``tests/benchmarks/bench_whoosh.py``, seeds, 2 cores).
    """

    def __init__(self) -> None:
        self.docs: dict[int, array] = {}
        self.weights: dict[int, bytearray] = {}
        self.ndocs = 0

    def add(self, docnum: int, keys: array, counts: bytes) -> None:
        """keys: the document's distinct gram keys; counts[i]: occurrences of keys[i], capped at 255."""
        docs, weights = self.docs, self.weights
        for k, c in zip(keys, counts):
            a = docs.get(k)
            if a is None:
                docs[k] = array("I", (docnum,))
                weights[k] = bytearray((c,))
            else:
                a.append(docnum)
                weights[k].append(c)
        self.ndocs = max(self.ndocs, docnum + 1)

    def add_term_postings(self, key: int, docnums, counts) -> None:
        """Postings of one term from a merged segment (doc numbers already mapped, ascending)."""
        a = self.docs.get(key)
        if a is None:
            self.docs[key] = array("I", docnums)
            self.weights[key] = bytearray(counts)
        else:
            a.extend(docnums)
            self.weights[key].extend(counts)
        if docnums:
            self.ndocs = max(self.ndocs, docnums[-1] + 1)

    def write(self, f, doccount: int) -> None:
        """Write the postings file to the open Whoosh StructFile f (not closed here)."""
        terms = array("I", sorted(self.docs))
        offs = array("I", [0])
        width = 2 if doccount <= 0xFFFF else 4
        ids = array("H" if width == 2 else "I")
        w = bytearray()
        docs, weights = self.docs, self.weights
        narrow = ids.typecode != "I"
        for t in terms:
            ids.extend(array("H", docs[t]) if narrow else docs[t])
            w.extend(weights[t])
            offs.append(len(ids))
        body = [
            _HEADER.pack(_MAGIC, len(terms), len(ids), width, doccount),
            terms.tobytes(), offs.tobytes(), ids.tobytes(), bytes(w),
        ]
        crc = 0
        for part in body:
            crc = zlib.crc32(part, crc)
            f.write(part)
        f.write(_TRAILER.pack(crc))


_VERIFIED: set[tuple] = set()  # files checked whole in this process: (path, size, mtime_ns, inode)


def file_crc(path: str) -> int:
    crc = 0
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
    return crc


def verified_once(path: str, check) -> None:
    """Run check(path) (raising ValueError when the file is damaged) once per process
    for a given file: index files never change once written."""
    st = os.stat(path)
    ident = (path, st.st_size, st.st_mtime_ns, st.st_ino)
    if ident not in _VERIFIED:
        check(path)
        _VERIFIED.add(ident)


class GramPostings:
    """A segment's .gpo file, memory-mapped: term key → doc numbers and counts."""

    def __init__(self, path: str, verify: bool = True):
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size < _HEADER.size + _TRAILER.size:
                raise ValueError(f"{os.path.basename(path)}: truncated postings file")
            self._mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        mm = self._mm
        magic, nterms, npost, width, self.doccount = _HEADER.unpack_from(mm, 0)
        expected = _HEADER.size + 4 * nterms + 4 * (nterms + 1) + (width + 1) * npost + _TRAILER.size
        if magic != _MAGIC or width not in (2, 4) or size != expected:
            raise ValueError(f"{os.path.basename(path)}: not a postings file or truncated")
        if verify:
            verified_once(path, lambda _p: self._check_crc(size))
        pos = _HEADER.size
        self.terms = array("I")
        self.terms.frombytes(mm[pos : pos + 4 * nterms])
        pos += 4 * nterms
        self.offs = array("I")
        self.offs.frombytes(mm[pos : pos + 4 * (nterms + 1)])
        pos += 4 * (nterms + 1)
        self._ids_at = pos
        self._weights_at = pos + width * npost
        self.width = width
        self.typecode = "H" if width == 2 else "I"

    def _check_crc(self, size: int) -> None:
        mm = self._mm
        if zlib.crc32(memoryview(mm)[: size - _TRAILER.size]) != _TRAILER.unpack_from(mm, size - _TRAILER.size)[0]:
            raise ValueError("postings file damaged (checksum)")

    def _index(self, key: int) -> int:
        i = bisect_left(self.terms, key)
        if i < len(self.terms) and self.terms[i] == key:
            return i
        return -1

    def __contains__(self, key: int) -> bool:
        return self._index(key) >= 0

    def doc_frequency(self, key: int) -> int:
        i = self._index(key)
        return 0 if i < 0 else self.offs[i + 1] - self.offs[i]

    def frequency(self, key: int) -> int:
        return sum(self.counts(key))

    def docnums(self, key: int) -> array:
        out = array(self.typecode)
        i = self._index(key)
        if i >= 0:
            w = self.width
            out.frombytes(self._mm[self._ids_at + w * self.offs[i] : self._ids_at + w * self.offs[i + 1]])
        return out

    def counts(self, key: int) -> bytes:
        i = self._index(key)
        if i < 0:
            return b""
        return self._mm[self._weights_at + self.offs[i] : self._weights_at + self.offs[i + 1]]

    def close(self) -> None:
        try:
            self._mm.close()
        except (BufferError, ValueError):
            pass


# ---------------------------------------------------------------- codec
class GramTermInfo:
    """The few TermInfo answers Whoosh asks of a content term."""

    def __init__(self, df: int, weight: float, maxweight: float):
        self._df, self._weight, self._maxweight = df, weight, maxweight

    def doc_frequency(self):
        return self._df

    def weight(self):
        return self._weight

    def max_weight(self):
        return self._maxweight

    def min_length(self):
        return 0

    def max_length(self):
        return 0


class GramTermsReader(codec_base.TermsReader):
    """W3's terms reader, with the content field answered from the .gpo file."""

    def __init__(self, child, grams: GramPostings | None):
        self._child = child
        self.grams = grams

    def __contains__(self, term):
        fieldname, tbytes = term
        if fieldname == CONTENT:
            return self.grams is not None and term_key(tbytes) in self.grams
        return term in self._child

    def indexed_field_names(self):
        names = list(self._child.indexed_field_names())
        if self.grams is not None and CONTENT not in names:
            names.append(CONTENT)
        return names

    def cursor(self, fieldname, fieldobj):
        return self._child.cursor(fieldname, fieldobj)

    def _content_terms(self):
        if self.grams is not None:
            for k in self.grams.terms:
                yield CONTENT, term_bytes(k)

    def terms(self):
        # Like W3's, ordered by field number rather than name: content's terms come last.
        yield from self._child.terms()
        yield from self._content_terms()

    def terms_from(self, fieldname, prefix):
        if fieldname != CONTENT:
            return self._child.terms_from(fieldname, prefix)
        start = term_key(prefix.ljust(4, b"\0")) if prefix else 0
        return ((CONTENT, term_bytes(k)) for k in self.grams.terms if k >= start) if self.grams else iter(())

    def items(self):
        for t in self.terms():
            yield t, self.term_info(*t)

    def items_from(self, fieldname, prefix):
        for t in self.terms_from(fieldname, prefix):
            yield t, self.term_info(*t)

    def term_info(self, fieldname, tbytes):
        if fieldname != CONTENT:
            return self._child.term_info(fieldname, tbytes)
        key = term_key(tbytes)
        if self.grams is None or key not in self.grams:
            raise TermNotFound(f"No term {fieldname}:{tbytes!r}")
        counts = self.grams.counts(key)
        return GramTermInfo(len(counts), float(sum(counts)), float(max(counts)))

    def frequency(self, fieldname, tbytes):
        if fieldname != CONTENT:
            return self._child.frequency(fieldname, tbytes)
        return self.grams.frequency(term_key(tbytes)) if self.grams is not None else 0

    def doc_frequency(self, fieldname, tbytes):
        if fieldname != CONTENT:
            return self._child.doc_frequency(fieldname, tbytes)
        return self.grams.doc_frequency(term_key(tbytes)) if self.grams is not None else 0

    def matcher(self, fieldname, tbytes, format_, scorer=None):
        if fieldname != CONTENT:
            return self._child.matcher(fieldname, tbytes, format_, scorer=scorer)
        key = term_key(tbytes)
        if self.grams is None or key not in self.grams:
            return NullMatcher()
        ids = self.grams.docnums(key)
        weights = [float(c) for c in self.grams.counts(key)]
        return ListMatcher(ids, weights, format=format_, scorer=scorer, term=(fieldname, tbytes))

    def close(self):
        self._child.close()
        if self.grams is not None:
            self.grams.close()


class GramCodec(W3Codec):
    """Whoosh's W3 codec plus the content field's array postings (see the module docstring)."""

    def terms_reader(self, storage, segment):
        child = super().terms_reader(storage, segment)
        name = segment.make_filename(GRAM_EXT)
        grams = None
        if storage.file_exists(name):
            grams = GramPostings(os.path.join(storage.folder, name))
        return GramTermsReader(child, grams)
