"""Entry script of the PyInstaller bundle (build.spec): `dist/reader/reader` runs `reader.cli.main`.

Kept outside the package so PyInstaller does not put reader/ itself on the module path.

freeze_support() comes first, before anything of the app is imported, on every platform: PDF, Word
and OFD files are parsed in "spawn" worker processes (reader/core/documents/workers.py), and in the
bundle each worker is this executable started again with multiprocessing's arguments
(`--multiprocessing-fork …`, or `-c "from multiprocessing.resource_tracker import main…"`).
PyInstaller's runtime hook (pyi_rth_multiprocessing) makes freeze_support() run that task and exit,
on Linux and macOS too; without it the child would run the app's command line, fail on those
arguments, and every such file would be reported as 解析进程异常退出 (tests/test_bundle.py).
"""
import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from reader.cli.main import main

    sys.exit(main())
