"""Odd files in a library folder: each bad one is a clear, per-file problem; everything else indexes.

One messy folder is indexed once (module fixture); each test checks one kind of file.
Files that are readable with repairs (stray NUL bytes, a few invalid UTF-8 bytes) are
indexed and say so in their encoding label, which the reading pane shows.
"""
from __future__ import annotations

import io
import os
import random
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.text.decode import decode_bytes
from reader.core.library.library import Library, Progress
from reader.core.model import ReadError
from reader.core.documents.pipeline import parse_file, parse_text
from tests.reliability.helpers import ROOT, doc_ids, make_doc, snapshot

TRADITIONAL = (
    "關於做好{topic}工作的通知\n各區縣人民政府：\n為進一步做好{topic}工作，現就有關事項通知如下。\n"
    "一、提高認識。各單位要把{topic}工作擺在重要位置。\n寧波市人民政府\n2024年3月1日\n"
)
LONG_LINE_BYTES = 2_000_000  # CI size; the 10 MB line is in tests/benchmarks/bench_reliability.py
GBK_NAME = "公文阅读".encode("gbk") + b".txt"  # not valid UTF-8


def png_bytes() -> bytes:
    """A real 2×2 PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + bytes([255, 0, 0] * 2) for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", make_doc("压缩包里的文字"))
    return buf.getvalue()


def elf_bytes() -> bytes:
    with open("/proc/self/exe", "rb") as f:  # the running Python: a real executable
        return f.read(64 * 1024)


# name → (bytes, kind): "problem" must be listed with a reason, "ok" must be indexed
def messy_files() -> dict[str, tuple[bytes, str]]:
    utf8 = make_doc("统一编码").encode("utf-8")
    files: dict[str, tuple[bytes, str]] = {
        "empty.txt": (b"", "problem"),
        "one-byte-text.txt": (b"x", "ok"),
        "one-byte-binary.txt": (b"\xff", "problem"),
        "image.txt": (png_bytes(), "problem"),
        "archive.txt": (zip_bytes(), "problem"),
        "program.txt": (elf_bytes(), "problem"),
        "nul-bytes.txt": (make_doc("空字节").encode() + b"\x00\x00" + make_doc("空字节续").encode(), "ok"),
        "mostly-nul.txt": (b"\x00\x00\x00" * 200 + "正文".encode() * 50, "problem"),
        "bad-utf8.txt": (make_doc("坏字节").encode() * 3 + b"\xff\xfe" + make_doc("坏字节").encode() * 3, "ok"),
        "random.txt": (random.Random(7).randbytes(30_000), "problem"),
        "utf8.txt": (utf8, "ok"),
        "utf8-bom.txt": (b"\xef\xbb\xbf" + make_doc("带签名").encode("utf-8"), "ok"),
        "gb18030.txt": (make_doc("国标编码").encode("gb18030"), "ok"),
        "gb18030-4byte.txt": (make_doc("𠀀𠀁𪚥数据").encode("gb18030"), "ok"),
        "big5.txt": (TRADITIONAL.format(topic="繁體編碼").encode("big5"), "ok"),
        "utf16le-bom.txt": (b"\xff\xfe" + make_doc("小端签名").encode("utf-16-le"), "ok"),
        "utf16be-bom.txt": (b"\xfe\xff" + make_doc("大端签名").encode("utf-16-be"), "ok"),
        "utf16le.txt": (make_doc("小端无签名").encode("utf-16-le"), "ok"),
        "utf16be.txt": (make_doc("大端无签名").encode("utf-16-be"), "ok"),
        "with spaces and 'quotes' \"double\".txt": (make_doc("引号文件名").encode(), "ok"),
        ("很长的文件名" * 13) + ".txt": (make_doc("长文件名").encode(), "ok"),
    }
    unit = make_doc("超长单行", 9).replace("\n", "。")
    line = (unit * (LONG_LINE_BYTES // len(unit.encode()) + 1)).encode()[:LONG_LINE_BYTES]
    files["one-long-line.txt"] = (line[: line.rfind("。".encode()) + 3], "ok")
    return files


def deep_dir(base: Path, depth: int) -> Path:
    d = base
    for i in range(depth):
        d = d / f"第{i}层"
    d.mkdir(parents=True)
    return d


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    """A folder with every kind of odd file, indexed once."""
    base = tmp_path_factory.mktemp("messy")
    folder = base / "公文库"
    folder.mkdir()
    files = messy_files()
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    # deep nesting and a long path (~3,000 bytes, under Linux's 4,096)
    (deep_dir(folder, 60) / "深层.txt").write_text(make_doc("深层目录"), encoding="utf-8")
    long_dir = folder
    for i in range(14):
        long_dir = long_dir / (f"{i}级" + "很长的目录名" * 12)
    long_dir.mkdir(parents=True)
    (long_dir / "长路径.txt").write_text(make_doc("长路径文件"), encoding="utf-8")
    assert len(os.fsencode(long_dir / "长路径.txt")) > 3000
    # symlink loops and special files
    os.symlink("..", folder / "loop")
    os.symlink(".", folder / "self")
    os.symlink(folder / "nowhere.txt", folder / "dangling.txt")
    os.mkfifo(folder / "pipe.txt")  # reading it would block forever
    index = base / "index"
    lib = Library([folder], index_dir=index)
    summary = lib.update()
    return folder, lib, summary, files


def test_every_bad_file_has_its_own_reason_and_the_rest_indexes(messy):
    folder, lib, summary, files = messy
    problems = {Path(p.file).name: p.reason for p in lib.problems()}
    # links not followed are problems too (test_links.py): loop -> .. points outside the folder
    expected_bad = {n for n, (_, kind) in files.items() if kind == "problem"} | {"loop", "dangling.txt"}
    assert set(problems) == expected_bad, problems
    for name, reason in problems.items():
        assert reason.strip() and "Traceback" not in reason
        assert any("\u4e00" <= ch <= "\u9fff" for ch in reason), (name, reason)  # a Chinese message
    indexed = {Path(d.file).name for d in lib.documents()}
    expected_ok = {n for n, (_, kind) in files.items() if kind == "ok"} | {"深层.txt", "长路径.txt"}
    assert expected_ok <= indexed, expected_ok - indexed
    assert summary.problems == len(expected_bad)
    assert not summary.cancelled


@pytest.mark.parametrize("name, word", [
    ("empty.txt", "空文件"), ("image.txt", "PNG"), ("archive.txt", "ZIP"), ("program.txt", "ELF"),
    ("mostly-nul.txt", "NUL"), ("one-byte-binary.txt", "编码"), ("random.txt", "二进制"),
])
def test_the_reason_names_what_is_wrong(messy, name, word):
    _, lib, _, _ = messy
    reasons = {Path(p.file).name: p.reason for p in lib.problems()}
    assert word in reasons[name]


@pytest.mark.parametrize("topic", [
    "统一编码", "带签名", "国标编码", "𠀀𠀁𪚥数据", "繁體編碼", "小端签名", "大端签名", "小端无签名", "大端无签名",
    "引号文件名", "长文件名", "深层目录", "长路径文件", "空字节", "坏字节", "超长单行",
])
def test_each_encoding_and_odd_name_is_searchable(messy, topic):
    _, lib, _, _ = messy
    ids = doc_ids(lib, topic)
    assert ids, topic
    for i in ids:
        assert topic in lib.document(i).text


def test_gb18030_four_byte_characters_survive(messy):
    _, lib, _, _ = messy
    assert len("𠀀".encode("gb18030")) == 4
    (doc_id,) = doc_ids(lib, "𠀀𠀁𪚥数据")
    doc = lib.document(doc_id)
    assert doc.encoding == "gb18030"
    assert "关于做好𠀀𠀁𪚥数据工作的通知" in doc.text


def test_repaired_files_say_what_was_repaired(messy):
    _, lib, _, _ = messy
    by_file = {Path(d.file).name: lib.document(d.id) for d in lib.documents()}
    nul = by_file["nul-bytes.txt"]
    assert "2 NUL bytes dropped" in nul.encoding and "\x00" not in nul.text
    bad = [lib.document(d.id) for d in lib.documents() if d.file.endswith("bad-utf8.txt")]
    assert all("2 invalid bytes replaced" in d.encoding for d in bad)
    assert sum(d.text.count("\ufffd") for d in bad) >= 1
    assert by_file["utf8.txt"].encoding == "utf-8"


def test_nul_policy_is_consistent():
    """A few stray NULs are dropped and counted; a file that is mostly NULs is binary."""
    text = make_doc("空字节规则") * 3
    for codec in ("utf-8", "gb18030"):
        data = text.encode(codec)
        mid = len(data) // 2
        mid = data.rfind("\n".encode(codec), 0, mid) + 1
        d = decode_bytes(data[:mid] + b"\x00" + data[mid:])
        assert d.text == text and d.encoding == f"{codec} (1 NUL byte dropped)"
    with pytest.raises(ReadError, match="NUL"):
        decode_bytes(text.encode() + b"\x00" * (len(text.encode()) // 20))


def test_symlink_loops_and_pipes_do_not_hang_or_duplicate(messy):
    folder, lib, _, _ = messy
    files = [d.file for d in lib.documents()]
    assert not any("/loop/" in f or "/self/" in f for f in files)
    assert not any(f.endswith("pipe.txt") or f.endswith("dangling.txt") for f in files)
    # every document's file is inside the folder and listed once per document
    assert all(f.startswith(str(folder)) for f in files)


def test_a_second_update_changes_nothing(messy):
    folder, lib, _, _ = messy
    queries = ["统一编码", "通知", "宁波市人民政府"]
    before = snapshot(lib, queries)
    s = lib.update()
    assert (s.new, s.changed, s.removed) == (0, 0, 0)
    assert snapshot(lib, queries) == before


def test_file_names_in_gbk_bytes(tmp_path):
    """Linux file names are bytes: a GBK name (not valid UTF-8) is listed as a problem under its
    readable name, asking for a rename; it used to abort the whole update."""
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "正常.txt").write_text(make_doc("正常文件"), encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), GBK_NAME), "wb") as f:
        f.write(make_doc("国标文件名").encode("gb18030"))
    lib = Library([folder], index_dir=tmp_path / "index")
    lib.update()
    assert doc_ids(lib, "正常文件")
    (problem,) = lib.problems()
    assert problem.file.endswith("公文阅读.txt") and "文件名" in problem.reason and "GBK" in problem.reason
    assert lib.update().problems == 1  # stays listed, nothing else changes


# ── unreadable, vanishing and changing files ────────────────────────────────


def test_unreadable_file_is_a_problem_patched_open(tmp_path, monkeypatch):
    """Tests run as root, so chmod 000 does not stop reading: open() is made to refuse instead.
    (test_unreadable_file_as_another_user does it for real, as user nobody.)"""
    import builtins

    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "好.txt").write_text(make_doc("可读文件"), encoding="utf-8")
    secret = folder / "锁住.txt"
    secret.write_text(make_doc("锁住的文件"), encoding="utf-8")
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        if os.fspath(file) == str(secret):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(Path, "read_bytes", lambda self: real_open(self, "rb").read() if str(self) != str(secret)
                        else guarded_open(self))
    lib = Library([folder], index_dir=tmp_path / "index")
    s = lib.update()
    assert s.problems == 1
    (p,) = lib.problems()
    assert p.file == str(secret) and "没有读取权限" in p.reason
    assert doc_ids(lib, "可读文件")


_AS_NOBODY = """
import json, os, sys
from reader.core.library.library import Library
folder, index, warm = sys.argv[1:4]
w = Library([folder], index_dir=warm)  # as root: loads every lazily imported module
w.update(); w.search("可读文件"); w.close()
os.setgid(65534)
os.setuid(65534)
lib = Library([folder], index_dir=index)
lib.update()
print(json.dumps({"problems": [[p.file, p.reason] for p in lib.problems()],
                  "docs": [d.file for d in lib.documents()]}))
"""


def test_unreadable_file_as_another_user():
    """Really unreadable: a fresh child process imports everything as root, then drops to
    user nobody (root may) and indexes a folder holding a chmod-000 file. (The interpreter's
    own files are not readable by nobody here, hence the imports first.)"""
    import json
    import subprocess
    import tempfile

    from tests.reliability.helpers import PYTHON

    assert os.geteuid() == 0, "this suite runs as root in CI; as a normal user chmod alone would do"
    base = Path(tempfile.mkdtemp(prefix="reliability-nobody-"))
    os.chmod(base, 0o755)
    folder = base / "lib"
    folder.mkdir()
    (folder / "好.txt").write_text(make_doc("可读文件"), encoding="utf-8")
    secret = folder / "锁住.txt"
    secret.write_text(make_doc("锁住的文件"), encoding="utf-8")
    index = base / "index"
    index.mkdir()
    os.chown(index, 65534, 65534)
    secret.chmod(0)
    try:
        r = subprocess.run([PYTHON, "-c", _AS_NOBODY, str(folder), str(index), str(base / "warm")],
                           capture_output=True, text=True, timeout=120, cwd=ROOT,
                           env=dict(os.environ, READER_INDEX_WORKERS="1", PYTHONPATH=str(ROOT)))
    finally:
        secret.chmod(0o644)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout.strip().splitlines()[-1])
    assert [p[0] for p in out["problems"]] == [str(secret)]
    assert "没有读取权限" in out["problems"][0][1]
    assert out["docs"] == [str(folder / "好.txt")]


def _lib_with_hook(tmp_path, hook):
    folder = tmp_path / "lib"
    folder.mkdir()
    for i in range(4):
        (folder / f"文件{i}.txt").write_text(make_doc(f"文件{i}号主题", i), encoding="utf-8")
    lib = Library([folder], index_dir=tmp_path / "index")

    def progress(p: Progress) -> None:
        if p.current:
            hook(Path(p.current))

    return folder, lib, progress


def _clean_build(folder, tmp_path, queries):
    clean = Library([folder], index_dir=tmp_path / "clean")
    clean.update()
    return snapshot(clean, queries)


QUERIES = [f"文件{i}号主题" for i in range(4)] + ["通知", "改写后的内容"]


def test_file_deleted_between_scan_and_read(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_INDEX_WORKERS", "1")
    victim_name = "文件2.txt"
    folder, lib, progress = _lib_with_hook(tmp_path, lambda p: p.name == victim_name and p.unlink())
    s = lib.update(progress=progress)
    assert not s.cancelled
    reasons = {Path(p.file).name: p.reason for p in lib.problems()}
    assert "被删除" in reasons[victim_name]  # said, not silently lost
    assert doc_ids(lib, "文件1号主题") and not doc_ids(lib, "文件2号主题")
    s = lib.update()
    assert s.removed == 1 and lib.problems() == []
    assert snapshot(lib, QUERIES) == _clean_build(folder, tmp_path, QUERIES)


def test_file_truncated_between_scan_and_read(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_INDEX_WORKERS", "1")
    folder, lib, progress = _lib_with_hook(
        tmp_path, lambda p: p.name == "文件1.txt" and p.write_bytes(p.read_bytes()[:40]))
    lib.update(progress=progress)
    lib.update()
    assert snapshot(lib, QUERIES) == _clean_build(folder, tmp_path, QUERIES)


def test_file_changing_while_indexed_is_caught_up(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_INDEX_WORKERS", "1")

    def rewrite(p: Path) -> None:
        if p.name == "文件3.txt":
            p.write_text(make_doc("改写后的内容", 3), encoding="utf-8")

    folder, lib, progress = _lib_with_hook(tmp_path, rewrite)
    lib.update(progress=progress)
    lib.update()  # the next update (the watcher's) sees the change
    assert doc_ids(lib, "改写后的内容") and not doc_ids(lib, "文件3号主题")
    assert snapshot(lib, QUERIES) == _clean_build(folder, tmp_path, QUERIES)


# ── fuzz: the whole pipeline on random and mutated text ────────────────────


def _seed_texts() -> list[str]:
    texts = [make_doc("模糊测试", 5), TRADITIONAL.format(topic="模糊")]
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        texts.append(parse_file(p).documents[0].text[:3000] if parse_file(p).documents else "")
    return [t for t in texts if t]


SEED_TEXTS = _seed_texts()


@st.composite
def mutated_bytes(draw) -> bytes:
    text = draw(st.sampled_from(SEED_TEXTS))
    codec = draw(st.sampled_from(["utf-8", "gb18030", "utf-16-le", "utf-8-sig"]))
    lines = text.split("\n")
    how = draw(st.sampled_from(["flip", "shuffle", "truncate", "splice", "as-is"]))
    if how == "shuffle":
        draw(st.randoms(use_true_random=False)).shuffle(lines)
    data = bytearray("\n".join(lines).encode(codec, "replace"))
    if how == "flip" and data:
        for _ in range(draw(st.integers(1, 20))):
            i = draw(st.integers(0, len(data) - 1))
            data[i] = draw(st.integers(0, 255))
    elif how == "truncate":
        data = data[: draw(st.integers(0, len(data)))]
    elif how == "splice":
        i = draw(st.integers(0, len(data)))
        data[i:i] = draw(st.binary(max_size=200))
    return bytes(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.one_of(mutated_bytes(), st.binary(max_size=3000)))
def test_fuzz_parse_file_never_raises_and_keeps_the_text(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.txt"
    path.write_bytes(data)
    result = parse_file(path)
    if result.error is not None:
        assert result.error.strip() and not result.documents
        return
    for doc in result.documents:
        assert 1 <= doc.first_line <= doc.last_line
        for span in doc.entities:
            assert doc.text[span.start:span.end] == span.text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet=st.sampled_from(list("关于通知〔〕号年月日一二三、。，：\n 　0123456789"
                                                  "市人民政府局委办\t\r<>&\x00\u202e")),
                    max_size=400))
def test_fuzz_parse_text_on_random_official_looking_text(text):
    for doc in parse_text(text):
        assert doc.first_line >= 1
        for span in doc.entities:
            assert doc.text[span.start:span.end] == span.text


def test_two_thousand_tiny_files_all_arrive(tmp_path):
    """CI size of the 100,000-file case (tests/benchmarks/bench_reliability.py): every file is
    indexed and findable by its own number, with the parallel parse workers."""
    folder = tmp_path / "lib"
    n = 2000
    for i in range(n):
        d = folder / f"批次{i // 500}" / f"组{i // 50 % 10}"
        if i % 50 == 0:
            d.mkdir(parents=True)
        (d / f"文件{i:05d}.txt").write_text(make_doc(f"编号{i:05d}", i % 97), encoding="utf-8")
    lib = Library([folder], index_dir=tmp_path / "index")
    s = lib.update()
    assert (s.files, s.documents, s.problems) == (n, n, 0)
    for i in random.Random(3).sample(range(n), 40):
        (hit,) = lib.search(f"编号{i:05d}").hits
        assert hit.doc.file.endswith(f"文件{i:05d}.txt")
    assert lib.search("通知", limit=10).total == n


def test_a_file_too_big_to_hold_in_memory_is_a_problem_not_a_crash(tmp_path, monkeypatch):
    """Above decode.MAX_FILE_BYTES (256 MB; lowered here) a file is refused with its size,
    so one huge file cannot exhaust memory and stop the whole library from indexing."""
    import reader.core.text.decode as decode

    monkeypatch.setattr(decode, "MAX_FILE_BYTES", 3 * 1024 * 1024)
    monkeypatch.setenv("READER_INDEX_WORKERS", "1")
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "巨大.txt").write_bytes(make_doc("巨大文件").encode() * 8000)
    (folder / "小.txt").write_text(make_doc("小文件"), encoding="utf-8")
    assert (folder / "巨大.txt").stat().st_size > decode.MAX_FILE_BYTES
    lib = Library([folder], index_dir=tmp_path / "index")
    lib.update()
    (p,) = lib.problems()
    assert p.file.endswith("巨大.txt") and "文件太大" in p.reason and "MB" in p.reason
    assert doc_ids(lib, "小文件") and not doc_ids(lib, "巨大文件")
