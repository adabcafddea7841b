"""Symbolic links in the library folders: followed only into the library, reported otherwise.

Rule (reader/core/library/walk.py): a link to a file or a folder is followed only when its resolved
target lies inside one of the library folders, and what it reaches is read once (not again
under a second path, never round a loop). Every other link that could have been read is
listed as a problem with its reason; nothing outside the library folders is read.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.core.library.library import Library
from reader.core.library.walk import READABLE_SUFFIXES, walk_folders
from tests.reliability.helpers import doc_ids, make_doc

OUTSIDE = "链接指向文库文件夹之外"
DANGLING = "链接指向的文件或文件夹不存在"
LOOP = "链接循环"


@pytest.fixture
def tree(tmp_path):
    """lib/ and lib2/ (both library folders) and outside/, with links of every kind in lib/."""
    lib, lib2, outside = tmp_path / "lib", tmp_path / "lib2", tmp_path / "outside"
    for d in (lib, lib2, outside, lib / ".存档", lib / "子目录", outside / "机密"):
        d.mkdir()
    (lib / "正文.txt").write_text(make_doc("本库正文"), encoding="utf-8")
    (lib / "子目录" / "下级.txt").write_text(make_doc("下级文件", 2), encoding="utf-8")
    (lib / ".存档" / "旧文.txt").write_text(make_doc("隐藏存档", 3), encoding="utf-8")
    (lib2 / "二库.txt").write_text(make_doc("第二文库", 4), encoding="utf-8")
    (outside / "外部.txt").write_text(make_doc("库外文件", 5), encoding="utf-8")
    (outside / "机密" / "机密.txt").write_text(make_doc("库外目录", 6), encoding="utf-8")
    links = {
        "passwd.txt": outside / "外部.txt",  # a file outside (think /etc/passwd)
        "外部目录": outside / "机密",  # a folder outside
        "上级": tmp_path,  # a folder holding the library (outside, and a loop)
        "正文副本.txt": lib / "正文.txt",  # a file inside, read already
        "子目录别名": lib / "子目录",  # a folder inside, read already
        "本库": lib,  # the library folder itself
        "存档": lib / ".存档",  # a hidden folder inside: read through the link
        "二库别名": lib2,  # another library folder
        "二库文件.txt": lib2 / "二库.txt",
        "失效.txt": lib / "不存在.txt",  # dangling
        "圈甲.txt": lib / "圈乙.txt",  # a loop of two links
        "圈乙.txt": lib / "圈甲.txt",
        "图片.png": outside / "外部.txt",  # a name that would never be read anyway
    }
    for name, target in links.items():
        os.symlink(target, lib / name)
    return lib, lib2, outside


def names(paths):
    return sorted(Path(p).name for p in paths)


def test_links_into_the_library_are_followed_once_and_others_are_problems(tree):
    lib, lib2, _ = tree
    walked = walk_folders([lib, lib2])
    files = [p for p, _, _ in walked.files]
    assert len(files) == len(set(files))
    assert sorted(os.path.relpath(p, lib.parent) for p in files) == sorted([
        "lib/正文.txt", "lib/子目录/下级.txt", "lib/存档/旧文.txt", "lib2/二库.txt",
    ])
    problems = {Path(p).name: reason for p, reason in walked.problems}
    assert set(problems) == {"passwd.txt", "外部目录", "上级", "失效.txt", "圈甲.txt", "圈乙.txt"}
    for name in ("passwd.txt", "外部目录", "上级"):
        assert problems[name].startswith(OUTSIDE) and "(link points outside the library folders)" in problems[name]
    assert problems["失效.txt"].startswith(DANGLING)
    assert problems["圈甲.txt"].startswith(LOOP) and problems["圈乙.txt"].startswith(LOOP)
    for reason in problems.values():
        assert "未读取" in reason and reason.endswith(")")


def test_a_link_into_the_library_read_under_the_other_folder_is_not_read_twice(tree):
    lib, lib2, _ = tree
    (lib2 / "回指").symlink_to(lib / "子目录")
    walked = walk_folders([lib, lib2])
    assert names(p for p, _, _ in walked.files).count("下级.txt") == 1


def test_the_library_lists_link_problems_and_reads_nothing_outside(tree, tmp_path):
    lib, lib2, _ = tree
    library = Library([lib, lib2], index_dir=tmp_path / "index")
    library.update()
    files = {d.file for d in library.documents()}
    assert all(f.startswith((str(lib) + os.sep, str(lib2) + os.sep)) for f in files)
    assert not doc_ids(library, "库外文件") and not doc_ids(library, "库外目录")
    for word in ("本库正文", "下级文件", "隐藏存档", "第二文库"):
        assert len(doc_ids(library, word)) == 1, word
    problems = {Path(p.file).name: p.reason for p in library.problems()}
    assert {"passwd.txt", "外部目录", "上级", "失效.txt"} <= set(problems)
    assert problems["passwd.txt"].startswith(OUTSIDE)
    library.close()


def test_a_link_loop_through_the_library_folder_does_not_hang(tmp_path):
    lib = tmp_path / "lib"
    (lib / "a" / "b").mkdir(parents=True)
    (lib / "a" / "b" / "深.txt").write_text(make_doc("循环目录"), encoding="utf-8")
    os.symlink(lib, lib / "a" / "b" / "回到顶层")
    os.symlink(lib / "a", lib / "a" / "b" / "回到a")
    walked = walk_folders([lib])
    assert names(p for p, _, _ in walked.files) == ["深.txt"]
    assert walked.problems == []


def test_the_task_ledger_reads_a_folder_by_the_same_rule(tree):
    from reader.cli.tasks import _documents_from_paths

    lib, _, _ = tree
    problems: list[str] = []
    docs = list(_documents_from_paths([str(lib)], problems))
    texts = "".join(d.text for d in docs)
    assert "本库正文" in texts and "隐藏存档" in texts
    assert "库外文件" not in texts and "库外目录" not in texts
    assert any("passwd.txt" in p and OUTSIDE in p for p in problems), problems


def test_one_list_of_readable_suffixes():
    from reader.core import export
    from reader.core.library import library
    from reader.core.library import walk

    assert library.walk_folders is walk.walk_folders  # the library reads folders with the one walker
    assert export.TEXT_SUFFIXES is walk.TEXT_SUFFIXES  # a text export's own name keeps a text suffix
    assert set(walk.TEXT_SUFFIXES) | set(walk.DOCUMENT_SUFFIXES) == set(READABLE_SUFFIXES)
