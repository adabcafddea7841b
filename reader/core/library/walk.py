"""Which files of the library folders are read: the one folder walker.

Rules, in order:

1. A name starting with "." (hidden file or folder) is skipped, and so is `skip` (the
   index folder, when it lies inside a library folder).
2. A regular file whose name ends with one of READABLE_SUFFIXES is read (lib/通知.txt,
   lib/公报.pdf, lib/方案.docx, lib/批复.ofd; lib/旧稿.doc to say it must be saved as .docx);
   other files are not looked at (FIFOs, devices, lib/照片.jpg). What a file holds, not its
   name, then decides how it is read (reader.core.text.formats.sniff).
3. A symbolic link, to a file or a folder, is followed only when its resolved target lies
   inside one of the library folders (lib/存档 -> lib/.存档). What it reaches is read once:
   a target the walk reaches anyway (lib/本库 -> lib, a link into another library folder)
   adds nothing, and no folder is walked twice, so links cannot loop.
4. Every other link that could have been read (a link to a folder; to a file, or broken,
   with a readable name or no suffix) is a problem with its reason, and is not read:
   lib/passwd.txt -> /etc/passwd points outside the library folders; a dangling link; a
   loop of links.
"""
from __future__ import annotations

import errno
import os
import stat
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.text.formats import DOCUMENT_SUFFIXES, TEXT_SUFFIXES

READABLE_SUFFIXES = TEXT_SUFFIXES + DOCUMENT_SUFFIXES
"""File name endings read as documents (compared in lower case). .pdf/.docx/.ofd are read by
reader.core.text.formats; .doc/.wps (old binary Word/WPS) are listed as problems that say to save
them as .docx."""

LINK_OUTSIDE = "链接指向文库文件夹之外，未读取 (link points outside the library folders)"
LINK_DANGLING = "链接指向的文件或文件夹不存在，未读取 (dangling link: its target does not exist)"
LINK_LOOP = "链接循环，未读取 (symlink loop)"


def is_readable_name(name: str) -> bool:
    return name.lower().endswith(READABLE_SUFFIXES)


@dataclass
class Walk:
    files: list[tuple[str, int, int]] = field(default_factory=list)  # (path, size, mtime_ns)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)


def walk_folders(folders: Sequence[str | Path], skip: str | Path | None = None) -> Walk:
    """Every readable file under the folders, by the rules above, and the links not followed.

    Paths are the folder joined with the names below it (as found, links not resolved);
    files come folder by folder, each folder's files (by name) before its subfolders.
    """
    return _Walker(folders, skip).run()


class _Walker:
    def __init__(self, folders: Sequence[str | Path], skip: str | Path | None):
        self.folders = [str(f) for f in folders]
        self.roots = [os.path.realpath(f) for f in self.folders]
        self.skip = str(skip) if skip is not None else None
        self.skip_real = os.path.realpath(self.skip) if self.skip is not None else None
        self.out = Walk()
        self.seen_files: set[tuple[int, int]] = set()  # (st_dev, st_ino) of every file read
        self.seen_dirs: set[tuple[int, int]] = set()  # and of every folder walked
        self.links: deque[os.DirEntry] = deque()  # links met, followed once the plain walk is done

    def run(self) -> Walk:
        for folder in self.folders:
            self._walk_dir(folder, by_link=False)
        # Links last: what the folders hold by themselves is known, so a link only adds
        # what nothing else reaches.
        while self.links:
            self._follow(self.links.popleft())
        return self.out

    def _walk_dir(self, top: str, by_link: bool) -> None:
        stack = [top]
        while stack:
            d = stack.pop()
            try:
                st = os.stat(d)
                with os.scandir(d) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError:
                continue
            ident = (st.st_dev, st.st_ino)
            if ident in self.seen_dirs:
                continue
            self.seen_dirs.add(ident)
            subdirs = []
            for e in entries:
                if e.name.startswith("."):
                    continue
                try:
                    if e.is_symlink():
                        self.links.append(e)
                    elif e.is_dir(follow_symlinks=False):
                        if e.path != self.skip:
                            subdirs.append(e.path)
                    elif is_readable_name(e.name) and e.is_file(follow_symlinks=False):
                        self._add_file(e.path, e.stat(follow_symlinks=False), by_link)
                except OSError:
                    continue
            stack.extend(reversed(subdirs))

    def _add_file(self, path: str, st: os.stat_result, by_link: bool) -> None:
        """A file found by name is always read; one reached through a link only when new."""
        ident = (st.st_dev, st.st_ino)
        if by_link and ident in self.seen_files:
            return
        self.seen_files.add(ident)
        self.out.files.append((path, st.st_size, st.st_mtime_ns))

    def _follow(self, e: os.DirEntry) -> None:
        could_read = is_readable_name(e.name) or not os.path.splitext(e.name)[1]
        try:
            st = os.stat(e.path)  # follows the whole chain of links
        except FileNotFoundError:
            if could_read:
                self._problem(e.path, LINK_DANGLING)
            return
        except OSError as exc:
            if could_read:
                self._problem(e.path, LINK_LOOP if exc.errno == errno.ELOOP else
                              f"无法读取链接的目标，未读取 (link target unreadable: {exc.strerror or exc})")
            return
        is_dir = stat.S_ISDIR(st.st_mode)
        if not is_dir and not (is_readable_name(e.name) and stat.S_ISREG(st.st_mode)):
            return  # a file that would not be read under its own name either
        target = os.path.realpath(e.path)
        if self.skip_real is not None and _inside(target, self.skip_real):
            return
        if not any(_inside(target, root) for root in self.roots):
            self._problem(e.path, LINK_OUTSIDE)
            return
        if is_dir:
            self._walk_dir(e.path, by_link=True)  # a folder walked already is skipped there
        else:
            self._add_file(e.path, st, by_link=True)

    def _problem(self, path: str, reason: str) -> None:
        self.out.problems.append((path, reason))


def _inside(path: str, folder: str) -> bool:
    """Is the resolved `path` the resolved `folder` or below it?"""
    try:
        return os.path.commonpath([path, folder]) == folder
    except ValueError:  # different drives (Windows)
        return False
