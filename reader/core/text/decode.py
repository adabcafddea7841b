"""Bytes → text, whatever the encoding the file was saved in.

Order of the checks (each says why it comes where it does):

1. empty file → ReadError
2. byte-order mark (UTF-8, UTF-32 LE/BE, UTF-16 LE/BE) → that codec; in UTF-16/32 a few
   damaged characters (an unpaired surrogate, a cut-off last unit) are each replaced by one
   U+FFFD and counted in Decoded.encoding, as invalid UTF-8 bytes are (step 7)
3. known binary signatures (PNG, JPEG, ZIP/docx, PDF, ELF, …) → ReadError
4. NUL bytes: UTF-16/UTF-32 without BOM when the NULs sit in one byte lane and
   the decoded text is plausible (damaged characters as in step 2); a few stray
   NULs (≤ MAX_NUL_SHARE of the bytes, e.g. from a bad copy or an editor's
   padding) are dropped, the rest of the file
   decoded by the steps below, and Decoded.encoding says how many were dropped;
   more NULs than that → binary → ReadError
5. too many control bytes → ReadError (binary)
6. strict UTF-8
7. UTF-8 with a few invalid bytes (valid multi-byte sequences far outnumber
   the invalid bytes): decoded with U+FFFD, and Decoded.encoding says so
8. chardet on a sample (its confidence is not used: it is low even when right);
   GB2312/GBK/GB18030 answers are read as GB18030; an implausible answer
   (e.g. a Latin code page for Chinese bytes) loses to GB18030 / UTF-16
9. GB18030 as the last resort; if nothing decodes cleanly, the best candidate
   with its invalid bytes replaced, reported in Decoded.encoding — or a
   ReadError when so much is invalid that the text would be garbage.

Nothing is decoded silently with replacement characters.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

import chardet

from reader.core.model import Decoded, ReadError
from reader.core.text.patterns import CJK

SAMPLE_BYTES = 64 * 1024
"""chardet and the plausibility checks look only at this much of the file."""

MAX_INVALID_SHARE = 0.01
"""More invalid bytes than this share of the file (under the best codec) → refuse."""

MAX_FILE_BYTES = 256 * 1024 * 1024
"""Bigger files are refused with a reason: parsing holds a file's text and documents in memory
(peak ≈ 12× the file: 2.3 GB for 200 MB, tests/benchmarks/bench_reliability.py), and one huge
file that exhausts memory would stop the whole library from ever finishing its index."""

MAX_NUL_SHARE = 0.01
"""Up to this share of NUL bytes in otherwise ordinary text: dropped (and counted), not refused."""

MIN_PLAUSIBILITY = 0.8
"""A decode whose sample has fewer ordinary characters than this is garbage → refuse."""

MIN_ASCII_IN_CODEPAGE_TEXT = 0.7
"""Text read with a single-byte code page (cp1252, koi8…) must be at least this much ASCII."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG 图片 (PNG image)"),
    (b"\xff\xd8\xff", "JPEG 图片 (JPEG image)"),
    (b"GIF87a", "GIF 图片 (GIF image)"),
    (b"GIF89a", "GIF 图片 (GIF image)"),
    (b"BM", ""),  # placeholder, see _magic_reason (too short to trust alone)
    (b"II*\x00", "TIFF 图片 (TIFF image)"),
    (b"MM\x00*", "TIFF 图片 (TIFF image)"),
    (b"PK\x03\x04", "ZIP 压缩包或 Office 文档 (ZIP archive / docx / xlsx)"),
    (b"PK\x05\x06", "ZIP 压缩包 (empty ZIP archive)"),
    (b"%PDF-", "PDF 文档，不是文本 (PDF document: read by reader.core.text.formats, not as text)"),
    (b"\x7fELF", "可执行程序 (ELF executable)"),
    (b"\x1f\x8b", "gzip 压缩包 (gzip archive)"),
    (b"BZh", ""),  # placeholder, see _magic_reason
    (b"\xfd7zXZ\x00", "xz 压缩包 (xz archive)"),
    (b"7z\xbc\xaf\x27\x1c", "7z 压缩包 (7-Zip archive)"),
    (b"Rar!\x1a\x07", "RAR 压缩包 (RAR archive)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "旧版 Office 文档 (OLE: doc / xls / ppt)"),
    (b"SQLite format 3\x00", "SQLite 数据库 (SQLite database)"),
    (b"\x00asm", "WebAssembly 模块 (wasm)"),
    (b"OggS", "Ogg 音视频 (Ogg media)"),
    (b"ID3", ""),  # placeholder, see _magic_reason
    (b"fLaC", "FLAC 音频 (FLAC audio)"),
    (b"\xca\xfe\xba\xbe", "Java class / Mach-O 程序 (binary)"),
)

# Signatures that are plain ASCII letters: only binary when NUL/control bytes follow soon.
_WEAK_MAGIC = {b"BM": "BMP 图片 (BMP image)", b"BZh": "bzip2 压缩包 (bzip2 archive)",
               b"ID3": "MP3 音频 (MP3 audio)", b"MZ": "Windows 程序 (PE/MZ executable)"}

# C0 control bytes that never occur in text (TAB LF VT FF CR and ESC/SUB are tolerated).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 26, 27))
MAX_CONTROL_SHARE = 0.05
_NOT_UTF8_LEADS = bytes(b for b in range(256) if not 0xC2 <= b <= 0xF4)

_GB_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "euc-cn", "x-gbk"}
# Each invalid byte becomes this lone surrogate (never produced by a valid decode),
# so invalid bytes can be counted and then shown as U+FFFD.
_INVALID_MARK = "\udcff"


def _mark_invalid(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return _INVALID_MARK * (exc.end - exc.start), exc.end


codecs.register_error("reader-mark-invalid", _mark_invalid)


def _mark_invalid_character(exc: UnicodeError) -> tuple[str, int]:
    """One mark per error, whatever its length: in UTF-16/32 an error is one damaged character
    (an unpaired surrogate is 2 or 4 bytes), shown as one U+FFFD."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return _INVALID_MARK, exc.end


codecs.register_error("reader-mark-invalid-character", _mark_invalid_character)

_WIDE_CODECS = ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")


def decode_file(path: str | Path) -> Decoded:
    """Read and decode one file; ReadError (with a human reason) when it is not text."""
    return decode_bytes(read_file(path), str(path))


def read_file(path: str | Path) -> bytes:
    """A file's bytes; ReadError (with a human reason) when it is too large or unreadable."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            mb, limit = size // (1024 * 1024), MAX_FILE_BYTES // (1024 * 1024)
            raise ReadError(str(path), f"文件太大（{mb} MB，上限 {limit} MB），请拆分后再放入文件夹 "
                                       f"(file too large: {mb} MB, limit {limit} MB; split it)")
        data = p.read_bytes()
    except FileNotFoundError as exc:
        raise ReadError(str(path), "文件不存在 (file not found)") from exc
    except IsADirectoryError as exc:
        raise ReadError(str(path), "这是文件夹，不是文件 (is a directory)") from exc
    except PermissionError as exc:
        raise ReadError(str(path), "没有读取权限 (permission denied)") from exc
    except OSError as exc:
        raise ReadError(str(path), f"无法读取 ({exc.strerror or exc})") from exc
    return data


def decode_bytes(data: bytes, name: str = "<bytes>") -> Decoded:
    """Decode a file's bytes; `name` only labels the ReadError."""
    if not data:
        raise ReadError(name, "空文件 (empty file)")

    for bom, codec in _BOMS:
        if data.startswith(bom):
            body = data if codec == "utf-8-sig" else data[len(bom):]
            if not body or body == codecs.BOM_UTF8:
                raise ReadError(name, "空文件，只有字节顺序标记 (empty file: only a byte-order mark)")
            return _decode_declared(body, codec, name)

    reason = _magic_reason(data)
    if reason:
        raise ReadError(name, _binary_reason(reason))

    sample = data[:SAMPLE_BYTES]
    if b"\x00" in data:
        wide = _guess_wide(sample)
        if wide is not None:
            return _decode_declared(data, wide, name)
        nuls = data.count(0)
        if nuls > MAX_NUL_SHARE * len(data):
            raise ReadError(name, _binary_reason("含有 NUL 字节 (contains NUL bytes)"))
        # Text with a few stray NULs: the remaining bytes must still pass every check below
        # (binary data with sparse NULs fails them), and the label says what was dropped.
        rest = decode_bytes(data.replace(b"\x00", b""), name)
        return Decoded(rest.text, _with_note(rest.encoding, f"{nuls} NUL byte{'s' if nuls != 1 else ''} dropped"))

    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > MAX_CONTROL_SHARE * len(sample):
        # CJK in UTF-16 has many low bytes 00–1F (不 = U+4E0D): is it that?
        wide = _guess_wide(sample)
        if wide is not None:
            return _decode_declared(data, wide, name)
        share = f"{controls / len(sample):.0%}"
        raise ReadError(name, _binary_reason(f"控制字符占 {share} ({share} control bytes)"))

    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass

    mostly_utf8 = _decode_mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8

    candidates = _candidates(sample)
    for codec in candidates:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if _is_plausible(text, codec):
            return Decoded(text, codec)
    return _decode_best_effort(data, candidates, name)


# ── helpers ──────────────────────────────────────────────────────────────────


def _binary_reason(what: str) -> str:
    """'PNG 图片 (PNG image)' → '二进制文件，不是文本：PNG 图片 (binary file: PNG image)'."""
    zh, _, en = what.partition(" (")
    return f"二进制文件，不是文本：{zh} (binary file: {en.rstrip(')') or zh})"


def _magic_reason(data: bytes) -> str:
    head = data[:64]
    for magic, reason in _MAGIC:
        if reason and head.startswith(magic):
            return reason
    for magic, reason in _WEAK_MAGIC.items():
        if head.startswith(magic) and any(b < 9 or 13 < b < 26 for b in head[len(magic):]):
            return reason
    if head[4:8] == b"ftyp":
        return "MP4/MOV 视频 (MP4 / MOV video)"
    if head.startswith(b"RIFF") and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        kind = head[8:12].decode("ascii").strip()
        return f"{kind} 媒体文件 ({kind} media file)"
    return ""


def _guess_wide(sample: bytes) -> str | None:
    """UTF-16/UTF-32 without BOM, recognised by where the NUL bytes sit.

    ASCII characters (newlines, digits, spaces) in UTF-16 LE put a NUL in every
    odd byte; in BE in every even byte. A binary file scatters NULs over both
    lanes. The candidate must then also decode to plausible text.
    """
    n = len(sample) - len(sample) % 4
    if n < 4:
        return None
    lanes = [sample[i:n:4].count(0) for i in range(4)]
    total = sum(lanes)
    candidates: list[str] = []
    quads = n // 4
    # UTF-32: three NUL lanes nearly full (BMP text has the top two bytes 0 always).
    if lanes[2] + lanes[3] >= 1.9 * quads and lanes[3] >= 0.95 * quads and lanes[0] < 0.5 * quads:
        candidates.append("utf-32-le")
    if lanes[0] + lanes[1] >= 1.9 * quads and lanes[0] >= 0.95 * quads and lanes[3] < 0.5 * quads:
        candidates.append("utf-32-be")
    odd, even = lanes[1] + lanes[3], lanes[0] + lanes[2]
    if total and odd >= 0.9 * total:
        candidates.append("utf-16-le")
    if total and even >= 0.9 * total:
        candidates.append("utf-16-be")
    # Pure-CJK UTF-16 has NULs only from characters like 一 (U+4E00), in either
    # lane: try both byte orders anyway; binary data never reads as plausible text.
    # ASCII read as UTF-16 also looks like CJK, so only when the bytes are not UTF-8-ish.
    as_utf8 = _decode_sample(sample, "utf-8") or ""
    if as_utf8.count(_INVALID_MARK) >= 0.1 * n:
        candidates += ["utf-16-le", "utf-16-be"]
    for codec in dict.fromkeys(candidates):
        text = _decode_sample(sample, codec)
        if text is not None and _plausibility(text) >= 0.9:
            return codec
    return None


def _decode_sample(sample: bytes, codec: str) -> str | None:
    """Decode a sample that may end inside a character; invalid bytes are marked
    (and so count against plausibility). None if the codec does not exist."""
    try:
        decoder = codecs.getincrementaldecoder(codec)("reader-mark-invalid")
        return decoder.decode(sample, final=False)
    except (LookupError, UnicodeDecodeError):
        return None


_MULTIBYTE_PREFIXES = ("utf", "gb", "big5", "euc", "shift", "cp932", "cp949", "cp950",
                       "iso2022", "johab", "hz", "ms9")


def _is_plausible(text: str, codec: str) -> bool:
    """Not garbage. A single-byte code page decodes any bytes at all, so its text must
    also be mostly ASCII (European text is; binary data and mojibake of Chinese are not).
    """
    sample = text[:SAMPLE_BYTES]
    if _plausibility(sample, _LETTERS_TOO) < MIN_PLAUSIBILITY:
        return False
    if codec.startswith(_MULTIBYTE_PREFIXES) or not sample:
        return True
    ascii_chars = len(sample.encode("ascii", "ignore"))
    return ascii_chars >= MIN_ASCII_IN_CODEPAGE_TEXT * len(sample)


def _plausibility(text: str, ordinary: re.Pattern[str] | None = None) -> float:
    """Share of characters that belong to ordinary Chinese or ASCII text.

    Real text scores near 1; mojibake (GBK read as cp1252, UTF-8 read as UTF-16,
    random bytes) scores far lower.
    """
    if not text:
        return 0.0
    odd = len((ordinary or _ORDINARY_CHARS).sub("", text))
    return 1.0 - odd / len(text)


_ORDINARY_CHARS = re.compile(
    "["
    "\t\n\r\f\x20-\x7e"
    + CJK  # CJK unified ideographs
    + "\u3400-\u4dbf"  # CJK extension A
    "\u3000-\u303f"  # CJK punctuation
    "\uff00-\uffef"  # full-width forms
    "\u2000-\u206f"  # general punctuation (“” — …)
    "\u2460-\u24ff\u2160-\u217f\u25a0-\u25ff"  # ① Ⅰ ■
    "\u00a0\u00b7\u00d7\u00f7\u00b0\u00a7"
    "]+"
)
# Also accepts accented Latin, Greek and Cyrillic letters: text in those languages is
# not garbage, even though the reader is made for Chinese.
_LETTERS_TOO = re.compile(_ORDINARY_CHARS.pattern[:-2] + "\u00c0-\u024f\u0370-\u04ff]+")


def _normal_codec_name(name: str) -> str:
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return ""
    codec = codec.replace("_", "-")
    return "gb18030" if codec in _GB_FAMILY else codec


def _safe_sample(sample: bytes) -> bytes:
    """Cut the sample after its last newline so no multi-byte character is split."""
    if len(sample) < SAMPLE_BYTES:
        return sample
    cut = sample.rfind(b"\n")
    return sample[: cut + 1] if cut > len(sample) // 2 else sample


def _candidates(sample: bytes) -> list[str]:
    """Codecs to try, best first: chardet's answer unless it reads as mojibake, then GB18030."""
    safe = _safe_sample(sample)
    guess = chardet.detect(safe).get("encoding") or ""
    first = _normal_codec_name(guess) if guess else ""
    order = [c for c in (first, "gb18030") if c]
    # A Chinese-reading product: a guess that reads as mojibake (or no guess) loses to
    # GB18030, Big5 or UTF-16 when one of those reads as real text.
    score = _sample_score(safe, first) if first else -1.0
    if score < 0.9:
        scored = sorted(
            ((_sample_score(safe, c), c) for c in ("gb18030", "big5", "utf-16-le", "utf-16-be")),
            reverse=True,
        )
        best_score, best = scored[0]
        if best_score >= 0.9 and best_score > score:
            order = [best] + [c for c in order if c != best]
    return list(dict.fromkeys(order))


def _sample_score(sample: bytes, codec: str) -> float:
    text = _decode_sample(sample, codec)
    return -1.0 if text is None else _plausibility(text)


def _count_invalid(text_marked: str) -> int:
    return text_marked.count(_INVALID_MARK)


def _replace_escapes(text_marked: str) -> str:
    return text_marked.replace(_INVALID_MARK, "\ufffd")


def _decode_mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 text with a few stray bytes: decode it, replacing and counting them.

    Accepted only when valid multi-byte sequences outnumber invalid bytes 20:1,
    which GBK/Big5 text read as UTF-8 never does (almost all its bytes are invalid).
    Uses the C-speed surrogateescape handler (one lone surrogate per invalid byte).
    """
    sample = data[:SAMPLE_BYTES]
    if _count_escaped(sample.decode("utf-8", errors="surrogateescape")) > 0.05 * len(sample):
        return None  # clearly not UTF-8: do not decode the whole file this way
    escaped = data.decode("utf-8", errors="surrogateescape")
    invalid = _count_escaped(escaped)
    # Valid UTF-8 multi-byte characters ≈ lead bytes C2–F4 not counted as invalid.
    leads = len(data) - len(data.translate(None, _NOT_UTF8_LEADS))
    valid_multibyte = leads - invalid
    if invalid == 0 or valid_multibyte < 20 * invalid or invalid > MAX_INVALID_SHARE * len(data):
        return None
    return Decoded(_ESCAPED_BYTE.sub("\ufffd", escaped), _replaced_label("utf-8", invalid))


_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def _count_escaped(text: str) -> int:
    return len(_ESCAPED_BYTE.findall(text))


def _decode_declared(data: bytes, codec: str, name: str) -> Decoded:
    """Decode with a codec named by a BOM or the NUL pattern; report any invalid bytes."""
    try:
        return Decoded(data.decode(codec), codec)
    except UnicodeDecodeError:
        pass
    if codec in _WIDE_CODECS:
        damaged = _decode_damaged_wide(data, codec)
        if damaged is not None:
            return damaged
    return _decode_best_effort(data, [codec], name)


def _decode_damaged_wide(data: bytes, codec: str) -> Decoded | None:
    """UTF-16/32 known from its BOM or NUL lanes with a few damaged characters: each becomes one
    U+FFFD. At most MAX_INVALID_SHARE of the characters, and one damaged character never refuses
    a file (a short UTF-16 note has fewer than 100 bytes).

    The codec is not in doubt, so no other codec competes: GB18030 decodes UTF-16 bytes of pure
    Chinese text without an error, into plausible-looking nonsense."""
    marked = data.decode(codec, errors="reader-mark-invalid-character")
    invalid = _count_invalid(marked)
    if invalid > max(1.0, MAX_INVALID_SHARE * len(marked)) \
            or not _is_plausible(marked.replace(_INVALID_MARK, ""), codec):
        return None
    return Decoded(_replace_escapes(marked), _replaced_label(codec, invalid, "character"))


def _decode_best_effort(data: bytes, codecs_: list[str], name: str) -> Decoded:
    """No codec decodes cleanly: take the one with fewest invalid bytes, or refuse."""
    best: tuple[int, str, str] | None = None
    garbage: list[str] = []
    for codec in dict.fromkeys([*codecs_, "gb18030"]):
        marked_sample = _decode_sample(data[:SAMPLE_BYTES], codec)
        if marked_sample is None or _count_invalid(marked_sample) > MAX_INVALID_SHARE * len(data[:SAMPLE_BYTES]):
            garbage.append(codec)  # hopeless from its first 64 KB: skip the slow full decode
            continue
        try:
            escaped = data.decode(codec, errors="reader-mark-invalid")
        except (LookupError, UnicodeDecodeError):
            continue
        if not _is_plausible(escaped.replace(_INVALID_MARK, ""), codec):
            garbage.append(codec)
            continue
        invalid = _count_invalid(escaped)
        if best is None or invalid < best[0]:
            best = (invalid, codec, escaped)
    if best is None:
        tried = ", ".join(garbage) or "utf-8, gb18030"
        raise ReadError(
            name,
            f"无法识别的文本编码，有大量无效字节或乱码 "
            f"(unrecognised encoding: invalid bytes or garbage as {tried})",
        )
    invalid, codec, escaped = best
    if invalid > MAX_INVALID_SHARE * len(data):
        raise ReadError(
            name,
            f"无法识别的文本编码，按 {codec} 解码有 {invalid} 个无效字节 "
            f"(unrecognised encoding: {invalid} of {len(data)} bytes invalid as {codec})",
        )
    return Decoded(_replace_escapes(escaped), _replaced_label(codec, invalid))


def _with_note(label: str, note: str) -> str:
    """'utf-8' + note → 'utf-8 (note)'; 'utf-8 (3 invalid bytes replaced)' → '… replaced; note)'."""
    return f"{label[:-1]}; {note})" if label.endswith(")") else f"{label} ({note})"


def _replaced_label(codec: str, invalid: int, unit: str = "byte") -> str:
    return f"{codec} ({invalid} invalid {unit}{'s' if invalid != 1 else ''} replaced)"
