"""Entry script of the PyInstaller bundle (build.spec): `dist/reader/reader` runs `reader.cli.main`.

Kept outside the package so PyInstaller does not put reader/ itself on the module path.
freeze_support() makes a frozen child process (multiprocessing, e.g. a parallel index writer)
run its task instead of starting the whole app again.
"""
import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from reader.cli.main import main

    sys.exit(main())
