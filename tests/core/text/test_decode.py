"""decode: every encoding a 公文 text file is found in, and everything that is not text."""
from __future__ import annotations

import os

import pytest

from reader.core.text.decode import SAMPLE_BYTES, decode_bytes, decode_file
from reader.core.model import ReadError
from reader.core.text.normalise import clean_lines

SIMPLIFIED = (
    "宁波市人民政府办公厅关于印发宁波市创业投资引导基金管理办法的通知\n"
    "甬政办发〔2022〕20号\n"
    "各区（县、市）人民政府，市直及部省属驻甬各单位：\n"
    "《宁波市创业投资引导基金管理办法》已经市政府同意，现印发给你们，请认真贯彻执行。\n"
    "宁波市人民政府办公厅\n"
    "2022年5月17日\n"
)
TRADITIONAL = (
    "臺北市政府關於印發創業投資引導基金管理辦法的通知\n"
    "各區政府、市府各機關：\n"
    "《臺北市創業投資引導基金管理辦法》業經市政府同意，現予印發，請認真貫徹執行。\n"
    "臺北市政府\n"
    "中華民國一一一年五月十七日\n"
)


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


@pytest.mark.parametrize(
    "data, text, encoding",
    [
        (SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8"),
        (SIMPLIFIED.encode("utf-8-sig"), SIMPLIFIED, "utf-8-sig"),
        (b"\xff\xfe" + SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, "utf-16-le"),
        (b"\xfe\xff" + SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16-be"),
        (b"\xff\xfe\x00\x00" + SIMPLIFIED.encode("utf-32-le"), SIMPLIFIED, "utf-32-le"),
        (b"\x00\x00\xfe\xff" + SIMPLIFIED.encode("utf-32-be"), SIMPLIFIED, "utf-32-be"),
        # UTF-16 without BOM: recognised from the NUL lane of the ASCII characters
        (SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, "utf-16-le"),
        (SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16-be"),
        (crlf(SIMPLIFIED).encode("utf-16-le"), crlf(SIMPLIFIED), "utf-16-le"),
        # GB family, Big5
        (crlf(SIMPLIFIED).encode("gb18030"), crlf(SIMPLIFIED), "gb18030"),
        (SIMPLIFIED.encode("gbk"), SIMPLIFIED, "gb18030"),
        (SIMPLIFIED.encode("gb2312"), SIMPLIFIED, "gb18030"),
        (TRADITIONAL.encode("big5"), TRADITIONAL, "big5"),
        (crlf(TRADITIONAL).encode("big5"), crlf(TRADITIONAL), "big5"),
        (b"plain ASCII notice\n", "plain ASCII notice\n", "utf-8"),
    ],
)
def test_encodings_round_trip(data, text, encoding):
    decoded = decode_bytes(data, "x.txt")
    assert decoded.text == text
    assert decoded.encoding == encoding


def test_gb18030_four_byte_characters():
    text = "𠀀𠮷 are four-byte GB18030 characters in 宁波市人民政府文件里。\n" * 20
    decoded = decode_bytes(text.encode("gb18030"), "x.txt")
    assert decoded.text == text and decoded.encoding == "gb18030"


def test_utf16_without_bom_or_ascii():
    """Pure CJK UTF-16 has no NUL bytes at all; chardet/plausibility must still find it."""
    text = "宁波市人民政府关于进一步加强安全生产工作的通知各区县市人民政府" * 30
    decoded = decode_bytes(text.encode("utf-16-le"), "x.txt")
    assert decoded.text == text and decoded.encoding == "utf-16-le"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_short_utf16_snippets_without_bom(codec):
    """Short pure-CJK snippets: no NUL lane, and low bytes like 0D in 不 (U+4E0D) look like controls."""
    for text in ["不断完善工作机制，不得擅自变更", "根据有关规定制定本办法", "一二三四五六七八九十"]:
        decoded = decode_bytes(text.encode(codec), "x.txt")
        assert (decoded.text, decoded.encoding) == (text, codec)


def test_utf32_without_bom():
    decoded = decode_bytes(SIMPLIFIED.encode("utf-32-le"), "x.txt")
    assert decoded.text == SIMPLIFIED and decoded.encoding == "utf-32-le"


@pytest.mark.parametrize(
    "data, word",
    [
        (b"", "empty"),
        (b"\xef\xbb\xbf", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG"),
        (b"\xff\xd8\xff\xe0" + bytes(64), "JPEG"),
        (b"GIF89a" + bytes(20), "GIF"),
        (b"PK\x03\x04" + b"word/document.xml" + bytes(20), "ZIP"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"\x7fELF\x02\x01\x01" + bytes(40), "ELF"),
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", "PE/MZ"),
        (b"\x1f\x8b\x08\x00" + bytes(20), "gzip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(40), "OLE"),
        (b"text\x00with a NUL in the middle of many words\x00\x01\x07" * 10, "NUL"),
        (bytes(range(1, 32)) * 30, "control"),
        (bytes(range(128, 256)) * 50, "unrecognised encoding"),
    ],
)
def test_not_text_is_refused_with_a_reason(data, word):
    with pytest.raises(ReadError) as info:
        decode_bytes(data, "bad.bin")
    assert info.value.path == "bad.bin"
    assert word.lower() in info.value.reason.lower()
    # Chinese first, English in brackets
    assert any("\u4e00" <= ch <= "\u9fff" for ch in info.value.reason)


def test_random_bytes_are_refused():
    data = os.urandom(20000)
    with pytest.raises(ReadError):
        decode_bytes(data, "random.bin")


def test_text_starting_with_mz_letters_is_still_text():
    assert decode_bytes(b"MZ is the label of our model zone\n", "a.txt").text.startswith("MZ")


def test_a_few_invalid_bytes_in_utf8_are_replaced_and_reported():
    good = SIMPLIFIED.encode("utf-8") * 20
    data = good + b"\xff\xfe\xc3" + good
    decoded = decode_bytes(data, "x.txt")
    assert decoded.encoding == "utf-8 (3 invalid bytes replaced)"
    assert decoded.text.count("\ufffd") == 3
    assert decoded.text.replace("\ufffd", "") == (good + good).decode("utf-8")


def test_a_stray_byte_in_gb18030_text_is_replaced_and_reported():
    good = SIMPLIFIED.encode("gb18030") * 20
    decoded = decode_bytes(good + b"\xff" + good, "x.txt")
    assert decoded.encoding == "gb18030 (1 invalid byte replaced)"
    assert decoded.text.replace("\ufffd", "") == SIMPLIFIED * 40


# One short notice line (title + 文号), and the same with its title only in Chinese characters.
SHORT = "宁波市人民政府办公厅关于印发宁波市创业投资引导基金管理办法的通知\n甬政办发〔2022〕20号\n"
PURE_CJK = "宁波市人民政府办公厅关于印发宁波市创业投资引导基金管理办法的通知" * 4 + "\n"


def _with_lone_surrogate(text: str, codec: str, bom: bytes) -> bytes:
    raw = text.encode(codec)
    unit = 4 if "32" in codec else 2
    mid = len(raw) // (2 * unit) * unit  # a code unit boundary in the middle
    return bom + raw[:mid] + "\ud800".encode(codec, "surrogatepass") + raw[mid:]


@pytest.mark.parametrize("text", [SHORT, PURE_CJK], ids=["short-notice", "pure-cjk"])
@pytest.mark.parametrize("codec, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                        ("utf-16-le", b""), ("utf-32-le", b"\xff\xfe\x00\x00")])
def test_an_unpaired_surrogate_in_utf16_is_replaced_like_a_bad_utf8_byte(text, codec, bom):
    """Rule: a damaged character in UTF-16/32 (named by its BOM or NUL lanes) is one U+FFFD,
    counted in the encoding note, like an invalid UTF-8 byte; it used to refuse a short file as
    无法识别的文本编码 (2 bytes counted against the 1% limit) or lose it to GB18030 mojibake."""
    decoded = decode_bytes(_with_lone_surrogate(text, codec, bom), "x.txt")
    assert decoded.encoding == f"{codec} (1 invalid character replaced)"
    assert decoded.text.replace("\ufffd", "", 1) == text and decoded.text.count("\ufffd") == 1
    raw = text.encode("utf-8")  # the same damage in UTF-8: also replaced, also reported
    bad = decode_bytes(raw[:3] + b"\xff" + raw[3:], "x.txt")
    assert bad.encoding == "utf-8 (1 invalid byte replaced)" and bad.text.count("\ufffd") == 1


def test_utf16_with_many_bad_code_units_is_still_refused():
    text = PURE_CJK * 3
    data = b"\xff\xfe" + b"".join(ch.encode("utf-16-le") + "\udc00".encode("utf-16-le", "surrogatepass")
                                   for ch in text)
    with pytest.raises(ReadError):
        decode_bytes(data, "x.txt")


def test_mostly_invalid_text_is_refused_not_garbled():
    data = SIMPLIFIED.encode("gb18030") + b"\xff\x80" * 200
    with pytest.raises(ReadError) as info:
        decode_bytes(data, "x.txt")
    assert "unrecognised encoding" in info.value.reason and "invalid" in info.value.reason


def test_literal_replacement_characters_in_valid_utf8_are_not_reported_as_errors():
    text = "目录条目被截断了�\n下一行\n"
    decoded = decode_bytes(text.encode("utf-8"), "x.txt")
    assert decoded.encoding == "utf-8" and decoded.text == text


def test_chardet_sees_a_sample_but_the_whole_file_is_decoded():
    """The first 64 KB are ASCII; the GB18030 text comes later. Nothing is lost."""
    ascii_head = b"Annex table of figures, 2022\n" * (SAMPLE_BYTES // 29 + 10)
    tail = (SIMPLIFIED * 50).encode("gb18030")
    decoded = decode_bytes(ascii_head + tail, "x.txt")
    assert decoded.encoding == "gb18030"
    assert decoded.text.endswith(SIMPLIFIED)
    assert decoded.text.startswith("Annex table")


def test_large_gb18030_file(tmp_path):
    text = crlf(SIMPLIFIED) * 20000  # ~3 MB
    path = tmp_path / "big.txt"
    path.write_bytes(text.encode("gb18030"))
    decoded = decode_file(path)
    assert decoded.encoding == "gb18030"
    assert decoded.text == text


def test_decode_file_errors_name_the_file(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(ReadError) as info:
        decode_file(missing)
    assert info.value.path == str(missing) and "not found" in info.value.reason
    with pytest.raises(ReadError) as info:
        decode_file(tmp_path)
    assert "directory" in info.value.reason
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(ReadError) as info:
        decode_file(empty)
    assert "empty" in info.value.reason


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_ends_survive_into_lines(newline):
    """CRLF and old-Mac CR files give the same lines and line numbers as LF files."""
    data = SIMPLIFIED.replace("\n", newline).encode("gb18030")
    lines = clean_lines(decode_bytes(data, "x.txt").text)
    assert [line.text for line in lines] == SIMPLIFIED.splitlines()
    assert [line.no for line in lines] == list(range(1, 7))


def test_seeds_decode_as_utf8(seed_files):
    for path in seed_files:
        decoded = decode_file(path)
        assert decoded.encoding == "utf-8"
        assert decoded.text == path.read_text(encoding="utf-8")
