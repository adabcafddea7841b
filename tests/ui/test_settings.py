"""Settings persist across a restart of the main window."""
from __future__ import annotations


def test_settings_survive_a_restart(open_window, make_settings, tmp_path, qtbot):
    window = open_window(settings=make_settings())
    docs = window.service.documents()
    target = docs[len(docs) // 2].id
    window.open_document(target)
    window.highlight_actions["number"].setChecked(False)
    window.zoom(3)
    size = window.reading.view.font_size()
    window.resize(760, 560)
    window.splitter.setSizes([300, 500, 200])
    sizes = window.splitter.sizes()
    extra = tmp_path / "更多公文"
    extra.mkdir()
    window.add_folder(str(extra))
    window.close()

    again = open_window(settings=make_settings())
    assert str(extra) in again.folders
    assert again.reading.view.font_size() == size
    assert not again.highlight_actions["number"].isChecked()
    assert "number" not in again.reading.view.enabled_types()
    assert again.highlight_actions["date"].isChecked()
    assert again.current_doc_id == target  # the last document is open again
    assert (again.width(), again.height()) == (760, 560)
    assert again.splitter.sizes() == sizes


def test_first_run_opens_the_bundled_seeds(qtbot, make_settings, library_factory):
    from reader.core.seeds import seeds_dir
    from reader.ui.main_window import MainWindow

    settings = make_settings()
    assert settings.folders() is None
    window = MainWindow(settings, watch=False, library_factory=library_factory)
    qtbot.addWidget(window)
    assert window.folders == [str(seeds_dir())]
    assert settings.folders() == [str(seeds_dir())]
    window.service.shutdown()
