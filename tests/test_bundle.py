"""Build the PyInstaller bundle from build.spec into a temp folder, then run it as a user would.

Slow (≈30 s to build on 2 cores) but in the default run: the bundle is what officials get, and
nothing else proves it starts with no Python and no network. Needs PyInstaller (in the `test`
extra) and, on Linux, objdump (Debian package binutils).
"""
from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

EXE_NAME = "reader.exe" if sys.platform == "win32" else "reader"
CLI_EXE_NAME = "reader-cli.exe" if sys.platform == "win32" else "reader"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """dist/reader built from the working tree, in a temp folder (never the repo's dist/)."""
    if sys.platform.startswith("linux") and shutil.which("objdump") is None:
        pytest.fail("PyInstaller needs objdump on Linux: install the Debian package binutils")
    base = tmp_path_factory.mktemp("bundle")
    env = dict(os.environ, PYINSTALLER_CONFIG_DIR=str(base / "pyi-config"))
    proc = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(base / "dist"), "--workpath", str(base / "work"), str(ROOT / "build.spec")],
        cwd=base, env=env, capture_output=True, text=True, timeout=900,
    )
    assert proc.returncode == 0, f"pyinstaller failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-6000:]}"
    folder = base / "dist" / "reader"
    assert (folder / EXE_NAME).is_file()
    return folder


def _bare_env(home: Path) -> dict[str, str]:
    """What a user's shell might give: no PYTHONPATH, no virtualenv, nothing of ours."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}
    if sys.platform == "win32":
        env = {"SYSTEMROOT": os.environ.get("SYSTEMROOT", r"C:\Windows"), "USERPROFILE": str(home), "TEMP": str(home)}
    return env


def _no_network_prefix() -> list[str]:
    """`unshare -rn` (a user namespace with no network) where the kernel allows it, else nothing."""
    unshare = shutil.which("unshare")
    if sys.platform.startswith("linux") and unshare:
        if subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode == 0:
            return [unshare, "-rn"]
    return []


def test_bundle_prints_its_version(bundle, tmp_path):
    proc = subprocess.run([str(bundle / CLI_EXE_NAME), "--version"], env=_bare_env(tmp_path),
                          cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"reader {__version__}"


def test_bundle_self_test_passes_without_python_or_network(bundle, tmp_path):
    cmd = _no_network_prefix() + [str(bundle / CLI_EXE_NAME), "--self-test"]
    proc = subprocess.run(cmd, env=_bare_env(tmp_path), cwd=tmp_path, capture_output=True,
                          text=True, encoding="utf-8", timeout=300)
    out = proc.stdout
    assert proc.returncode == 0, f"self-test failed:\n{out}\n{proc.stderr[-3000:]}"
    assert "(frozen," in out  # the bundle's own Python ran, not the venv's
    steps = re.findall(r"^\s+(OK  |FAIL)\s+(\w+)", out, flags=re.M)
    assert [name for _, name in steps] == ["seeds", "index", "search", "read", "qt", "render", "export", "pdf",
                                           "unchanged"]
    assert all(status == "OK  " for status, _ in steps), out
    assert "self-test passed" in out


def test_bundle_fails_its_self_test_when_the_seeds_are_gone(bundle, tmp_path):
    """The self-test is able to fail: point it at an empty seeds folder."""
    empty = tmp_path / "no-seeds"
    empty.mkdir()
    env = _bare_env(tmp_path) | {"READER_SEEDS": str(empty)}
    proc = subprocess.run([str(bundle / CLI_EXE_NAME), "--self-test"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert proc.returncode == 1
    assert re.search(r"^\s+FAIL\s+seeds\b", proc.stdout, flags=re.M), proc.stdout


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() or p.is_symlink())


# Qt plugins that must never be pruned: display, images, Chinese input (ibus on Linux).
NEEDED_PLUGINS = {
    "linux": ["platforms/libqxcb.so", "platforms/libqwayland.so", "platforms/libqoffscreen.so",
              "platforminputcontexts/libibusplatforminputcontextplugin.so",
              "platforminputcontexts/libcomposeplatforminputcontextplugin.so",
              "imageformats/libqjpeg.so", "imageformats/libqsvg.so", "xcbglintegrations/"],
    "win32": ["platforms/qwindows.dll", "platforms/qoffscreen.dll", "imageformats/qjpeg.dll", "imageformats/qsvg.dll"],
    "darwin": ["platforms/libqcocoa.dylib", "platforms/libqoffscreen.dylib", "imageformats/libqjpeg.dylib"],
}


def test_bundle_holds_what_the_app_needs_and_not_more(bundle):
    files = _files(bundle)
    joined = "\n".join(files)
    internal = bundle / "_internal"
    # Data: seeds, icons, desktop entry, chardet's models, python-docx's templates.
    repo_seeds = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    assert sorted(p.name for p in (internal / "seeds").glob("*.txt")) == repo_seeds
    assert (internal / "resources" / "icons" / "app-256.png").is_file()
    assert (internal / "resources" / "reader.desktop").is_file()
    assert not (internal / "resources" / "launcher.py").exists()
    assert re.search(r"chardet/models/\w+\.bin", joined)
    assert "docx/templates/default.docx" in joined  # python-docx opens it for every Word export
    platform = "linux" if sys.platform.startswith("linux") else sys.platform
    for plugin in NEEDED_PLUGINS[platform]:
        assert re.search(rf"PySide6/(Qt/)?plugins/{re.escape(plugin)}", joined), plugin
    # Qt translations: Chinese and English only.
    qms = sorted(Path(f).name for f in files if re.search(r"PySide6/(Qt/)?translations/", f))
    assert qms and all(re.fullmatch(r"qt(base)?_(zh_CN|en)\.qm", q) for q in qms), qms
    assert any("zh_CN" in q for q in qms)
    # Nothing that talks to a network or belongs to unused Qt modules.
    for unwanted in ("libQt6Network", "libQt6Qml", "libQt6Quick", "libQt6Pdf", "QtWebEngine", "_ssl.",
                     "libssl", "libcrypto", "plugins/tls/", "tkinter", "numpy"):
        assert unwanted not in joined, unwanted
    # Every symlink resolves inside the bundle.
    dangling = [p for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling, dangling
    size_mb = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20
    assert size_mb < 150, f"bundle is {size_mb:.0f} MB, the aim is under 150 MB"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_icons_come_in_every_size_and_container():
    icons = ROOT / "resources" / "icons"
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert _png_size((icons / f"app-{size}.png").read_bytes()) == (size, size)
    ico = (icons / "app.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        w, h, _, _, _, _, length, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * i : 22 + 16 * i])
        assert _png_size(ico[offset : offset + length]) == ((w or 256), (h or 256))
        sizes.append(w or 256)
    assert sorted(sizes) == [16, 24, 32, 48, 64, 128, 256]
    icns = (icons / "app.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"<svg" in (icons / "app.svg").read_bytes() and b"<text" not in (icons / "app.svg").read_bytes()


def test_desktop_entry_names_the_installed_command_and_icon():
    import configparser
    import tomllib

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(ROOT / "resources" / "reader.desktop", encoding="utf-8")
    d = entry["Desktop Entry"]
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert d["Type"] == "Application" and d["Terminal"] == "false"
    assert d["Name"] == "公文阅读器" and d["Name[en]"]
    assert d["Exec"].split()[0] in scripts
    assert d["Icon"] and {"Office", "Viewer"} <= set(d["Categories"].strip(";").split(";"))
