"""Build the PyInstaller bundle from build.spec into a temp folder, then run it as a user would.

Slow (≈30 s to build on 2 cores) but in the default run: the bundle is what officials get, and
nothing else proves it starts with no Python and no network. Needs PyInstaller (in the `test`
extra) and, on Linux, objdump (Debian package binutils).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import time
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


def _school_notice(k: int) -> str:
    """A short notice whose words (校园安全) are in none of the PDF and Word fixtures."""
    return (f"江海市教育局关于开展第{k}批校园安全检查的通知\n江教发〔2023〕{k}号\n各区（县、市）教育局，市直各学校：\n"
            f"　　为做好校园安全工作，市教育局决定于2023年{k}月开展第{k}批校园安全检查，请各校认真做好自查。\n"
            f"江海市教育局\n2023年{k}月1日\n")


def _processes_of(exe: Path) -> dict[int, list[str]]:
    """pid → command line of each running process whose executable is `exe` (Linux: /proc)."""
    target = os.path.realpath(exe)
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if os.readlink(entry / "exe") == target:
                found[int(entry.name)] = (entry / "cmdline").read_bytes().decode("utf-8", "replace").split("\0")
        except OSError:  # gone meanwhile, or a zombie
            pass
    return found


def _run_watching_workers(cmd: list[str], env: dict[str, str], cwd: Path, exe: Path | None):
    """Run cmd to its end (120 s at most): (process, stdout, stderr, pids of the multiprocessing
    workers started from `exe` seen while it ran, none watched when exe is None)."""
    workers: set[int] = set()
    out_file, err_file = cwd / "run-out.txt", cwd / "run-err.txt"
    with open(out_file, "w", encoding="utf-8") as out, open(err_file, "w", encoding="utf-8") as err:
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=out, stderr=err)
        end = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < end:
            if exe is not None:
                workers |= {pid for pid, argv in _processes_of(exe).items() if "--multiprocessing-fork" in argv}
            time.sleep(0.02)
        if proc.poll() is None:
            proc.kill()
        proc.wait(10)
    return proc, out_file.read_text("utf-8"), err_file.read_text("utf-8"), workers


def test_bundle_indexes_pdf_and_word_files_in_worker_processes(bundle, tmp_path, qapp):
    """PDF and Word files are parsed in spawned worker processes (reader/core/documents/workers.py),
    and in the bundle each worker is the bundle's executable started again: it must run its task
    (multiprocessing.freeze_support() in resources/launcher.py), not the command line. Without that
    the children fail on multiprocessing's arguments and every file is 解析进程异常退出. Eight files,
    so the index parses them in a pool of min(4, CPUs) workers, as a source checkout does."""
    from tests import formats_fixtures as fx

    docs = tmp_path / "公文"
    docs.mkdir()
    fx.write(docs, "公报.pdf", fx.gazette_pdf(columns=1))  # three documents (防汛防台 …)
    fx.write(docs, "通知.docx", fx.gazette_docx())  # one document (饮用水)
    for k in range(1, 7):
        (docs / f"检查{k}.txt").write_text(_school_notice(k), "utf-8")
    exe = bundle / CLI_EXE_NAME
    env = _bare_env(tmp_path)
    index = tmp_path / "index"
    linux = sys.platform.startswith("linux")
    proc, stdout, stderr, workers = _run_watching_workers(
        [str(exe), "index", str(docs), "--index-dir", str(index)], env, tmp_path, exe if linux else None)
    assert proc.returncode == 0, f"{stdout}\n{stderr[-3000:]}"
    summary = re.search(r"文件 (\d+)，公文 (\d+)；.*问题 (\d+)", stdout)
    assert summary and summary.groups() == ("8", "10", "0"), f"{stdout}\n{stderr[-3000:]}"
    assert "usage:" not in stderr, stderr[-3000:]  # no child ran the command line
    if linux:
        assert len(workers) == max(1, min(4, os.cpu_count() or 1)), workers
        end = time.monotonic() + 10
        while _processes_of(exe) and time.monotonic() < end:  # the resource tracker ends with its parent
            time.sleep(0.05)
        assert not _processes_of(exe), _processes_of(exe)  # no worker or helper left behind

    def files_found(query: str) -> list[str]:
        proc = subprocess.run([str(exe), "search", query, "--json", "--index-dir", str(index)], env=env,
                              cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", timeout=60)
        assert proc.returncode == 0, proc.stderr[-3000:]
        return sorted(Path(json.loads(line)["file"]).name for line in proc.stdout.splitlines())

    assert files_found("防汛防台") == ["公报.pdf"]
    assert files_found("饮用水") == ["通知.docx"]


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
