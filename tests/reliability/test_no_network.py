"""The app opens no network connection, ever.

In-process: socket creation, connection and name lookup (and asyncio's) fail the test,
while the main window starts offscreen, indexes, searches, opens a document and exports;
the CLI does index, search and export. Qt's own networking would not go through Python's
socket module, so a child process runs the same journey under strace (every socket() and
connect() system call of every thread and child, Qt's included) inside a network
namespace with no network at all (unshare -rn): no AF_INET/AF_INET6 socket may appear.
"""
from __future__ import annotations

import asyncio
import os
import re
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from tests.reliability.helpers import PYTHON, ROOT, make_doc

ATTEMPTS: list[str] = []


class _NoNetwork(Exception):
    pass


@pytest.fixture
def no_network(monkeypatch):
    ATTEMPTS.clear()

    def refuse(name):
        def blocked(*args, **kwargs):
            ATTEMPTS.append(f"{name}{args!r}")
            raise _NoNetwork(f"network use: {name}")
        return blocked

    class GuardedSocket(socket.socket):
        def __init__(self, family=-1, *args, **kwargs):
            if family in (socket.AF_INET, socket.AF_INET6, -1):
                ATTEMPTS.append(f"socket(family={family})")
                raise _NoNetwork("network socket")
            super().__init__(family, *args, **kwargs)

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "create_server",
                 "socketpair"):
        monkeypatch.setattr(socket, name, refuse(name))
    monkeypatch.setattr(asyncio.BaseEventLoop, "create_connection", refuse("asyncio.create_connection"))
    monkeypatch.setattr(asyncio.BaseEventLoop, "getaddrinfo", refuse("asyncio.getaddrinfo"))
    yield ATTEMPTS
    assert ATTEMPTS == [], ATTEMPTS


def _library(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text(make_doc(f"离线主题{i}", i), encoding="utf-8")
    return folder


def test_guard_catches_a_connection(no_network):
    with pytest.raises(_NoNetwork):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(_NoNetwork):
        socket.socket()
    ATTEMPTS.clear()  # the guard itself works; the real tests below must leave it empty


def test_gui_journey_makes_no_network_call(no_network, qtbot, tmp_path, open_window):
    from reader.core.export import export_documents

    folder = _library(tmp_path)
    window = open_window([str(folder)], watch=True)
    window.reload_documents()
    with qtbot.waitSignal(window.search_done, timeout=30_000) as blocker:
        window.search_bar.field.setText("离线主题1")
        window.run_search_now()
    hits = blocker.args[0].hits
    assert hits
    assert window.open_document(hits[0].doc.id)
    docs = [window.service.document(h.doc.id) for h in hits]
    assert export_documents(docs, tmp_path / "out")
    window.close()
    window.service.shutdown()


def test_cli_journey_makes_no_network_call(no_network, tmp_path, capsys):
    from reader.cli.main import main

    folder = _library(tmp_path)
    index = str(tmp_path / "index")
    assert main(["index", str(folder), "--index-dir", index]) == 0
    assert main(["search", "离线主题2", "--index-dir", index, "--json"]) == 0
    assert "离线主题2" in capsys.readouterr().out
    assert main(["export", "--query", "离线主题", "--out", str(tmp_path / "out"), "--index-dir", index]) == 0
    assert len(list((tmp_path / "out").iterdir())) == 3


JOURNEY = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
folder, index, out, ini = sys.argv[1:5]
os.environ["READER_INDEX_DIR"] = index
from reader.cli.main import main
assert main(["index", folder, "--index-dir", index]) == 0
assert main(["search", "离线主题1", "--index-dir", index]) == 0
assert main(["export", "--query", "离线主题", "--out", out, "--index-dir", index]) == 0
import reader.ui
from PySide6.QtCore import QSettings, QTimer
from reader.ui.app import make_app
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
app = make_app(["reader"])
w = MainWindow(Settings(QSettings(ini, QSettings.Format.IniFormat)), folders=[folder])
w.show()
state = {}
def indexed(_r):
    w.reload_documents()
    w.search_done.connect(searched)
    w.search_bar.field.setText("离线主题2")
    w.run_search_now()
def searched(result):
    state["opened"] = w.open_document(result.hits[0].doc.id)
    w.close()
    app.quit()
w.service.indexing_finished.connect(indexed)
w.start()
QTimer.singleShot(60000, app.quit)
app.exec()
print("JOURNEY OK" if state.get("opened") else "JOURNEY FAILED")
"""


def test_child_process_opens_no_socket_at_all_in_a_network_free_namespace(tmp_path):
    assert shutil.which("strace") and shutil.which("unshare"), "CI image has strace and util-linux"
    folder = _library(tmp_path)
    log = tmp_path / "strace.log"
    env = dict(os.environ, PYTHONPATH=str(ROOT), READER_INDEX_WORKERS="2")
    cmd = ["unshare", "-rn", "strace", "-f", "-e", "trace=socket,connect", "-o", str(log),
           PYTHON, "-c", JOURNEY, str(folder), str(tmp_path / "index"), str(tmp_path / "out"),
           str(tmp_path / "reader.ini")]
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=180, cwd=ROOT)
    assert r.returncode == 0 and "JOURNEY OK" in r.stdout, r.stderr[-3000:]
    calls = log.read_text()
    assert "+++ exited with 0 +++" in calls  # strace did follow the journey
    network = [line for line in calls.splitlines()
               if re.search(r"socket\((AF_INET|AF_INET6|AF_PACKET)", line) or re.search(r"connect\(.*AF_INET", line)]
    assert network == [], network
    assert len(list((tmp_path / "out").iterdir())) == 3
