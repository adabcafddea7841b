"""The main window: search bar on top; tree/results | reading pane | entity panel below."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.library.history import NavHistory, push_recent
from reader.core.documents.identity import DocKey, resolve
from reader.core.seeds import resources_dir, seeds_dir
from reader.ui import theme
from reader.ui.backend import LibraryService
from reader.ui.dialogs import ProblemsDialog, show_about
from reader.ui.entities_panel import EntityPanel
from reader.ui.plain import plain_tooltip
from reader.ui.reading import ReadingPane
from reader.ui.refs_panel import RefsPanel
from reader.ui.results import ROLE_DOC_ID as RESULT_DOC_ID
from reader.ui.results import ResultDelegate, ResultsModel
from reader.ui.settings import Settings
from reader.ui.tabs import never_hide_tabs
from reader.ui.tasks_panel import TaskPanel
from reader.core.library.grouping import plan_source_tree, plan_unit_tree
from reader.ui.tree import ROLE_DOC_ID, DocTreeDelegate, DocTreeModel, doc_ids_under

SEARCH_DEBOUNCE_MS = 250
SEARCH_LIMIT = 200
PROGRESS_SHOW_DELAY_MS = 400
PRINT_ASK_ABOVE = 30  # documents: printing more asks first (each is read and laid out)


def app_icon() -> QIcon:
    icons = Path(resources_dir()) / "icons"
    for name in ("app.svg", "app.png", "app-256.png"):
        if (icons / name).exists():
            return QIcon(str(icons / name))
    return QIcon()


class SearchBar(QWidget):
    """Query field plus issuer / year range / kind filters and the sort order."""

    changed = Signal()  # anything changed: run the (debounced) search
    submitted = Signal()  # Enter: run it now
    down_pressed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("searchBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        self.field = QLineEdit(self)
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(self.tr("搜索全部公文：标题、正文、文号…（Ctrl+K；语法见 F1）"))
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self.changed)
        self.field.returnPressed.connect(self.submitted)
        self.field.installEventFilter(self)
        self.issuer = QComboBox(self)
        self.issuer.setMinimumContentsLength(10)
        self.issuer.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.year_from = QComboBox(self)
        self.year_to = QComboBox(self)
        self.kind = QComboBox(self)
        self.sort = QComboBox(self)
        self.sort.addItem(self.tr("按相关度"), "relevance")
        self.sort.addItem(self.tr("按日期（新→旧）"), "date")
        self.issuer.setToolTip(self.tr("发文机关"))
        self.year_from.setToolTip(self.tr("起始年份"))
        self.year_to.setToolTip(self.tr("截止年份"))
        self.kind.setToolTip(self.tr("文种"))
        self.sort.setToolTip(self.tr("排序"))
        for box in (self.issuer, self.year_from, self.year_to, self.kind, self.sort):
            box.currentIndexChanged.connect(self.changed)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.issuer)
        layout.addWidget(self.year_from)
        layout.addWidget(QLabel("–", self))
        layout.addWidget(self.year_to)
        layout.addWidget(self.kind)
        layout.addWidget(self.sort)
        self.set_choices([], [], [])

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        # Down in the search field moves into the results list (keyboard navigation).
        if obj is self.field and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return True
        return super().eventFilter(obj, event)

    def set_choices(self, issuers: Sequence[str], years: Sequence[int], kinds: Sequence[str]) -> None:
        def refill(box: QComboBox, first: str, values: Sequence) -> None:
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(first, None)
            for v in values:
                box.addItem(str(v), v)
            i = box.findData(current)
            box.setCurrentIndex(i if i >= 0 else 0)
            box.blockSignals(False)

        refill(self.issuer, self.tr("全部发文机关"), issuers)
        refill(self.year_from, self.tr("起始年"), sorted(years))
        refill(self.year_to, self.tr("截止年"), sorted(years, reverse=True))
        refill(self.kind, self.tr("全部文种"), kinds)

    def query(self) -> str:
        return self.field.text().strip()

    def filters(self) -> dict:
        return {
            "issuer": self.issuer.currentData(),
            "year_from": self.year_from.currentData(),
            "year_to": self.year_to.currentData(),
            "kind": self.kind.currentData(),
            "sort": self.sort.currentData() or "relevance",
        }


class MainWindow(QMainWindow):
    document_opened = Signal(str)
    search_done = Signal(object)

    def __init__(self, settings: Settings | None = None, folders: Sequence[str] | None = None,
                 *, watch: bool = True, library_factory=None):
        super().__init__()
        self.settings = settings or Settings()
        self.setWindowTitle(self.tr("公文阅读器"))
        self.setWindowIcon(app_icon())
        saved = self.settings.folders()
        # Folders named on the command line are for this session only: not saved unless the
        # user changes the library from the menu.
        self._save_folders = folders is None
        if folders is not None:
            self.folders = [str(f) for f in folders]
        elif saved is not None:
            self.folders = saved
        else:
            self.folders = [str(seeds_dir())]  # first run: the bundled seeds
            self.settings.set_folders(self.folders)
        kwargs = {"watch": watch}
        if library_factory is not None:
            kwargs["library_factory"] = library_factory
        self.service = LibraryService(self.folders, self, **kwargs)
        self.service.unknown_label = QCoreApplication.translate("DocTreeModel", "未识别")
        self.current_doc_id: str | None = None
        self.nav = NavHistory()  # back/forward across the session (Alt+← / Alt+→)
        self.last_result = None
        self._restored_last = False
        self.persist = True  # save settings on close (a --screenshot run does not)

        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self._connect()
        self._restore_settings()
        self._build_desk_features()

    # ------------------------------------------------------------ building
    def _build_widgets(self) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.search_bar = SearchBar(central)
        outer.addWidget(self.search_bar)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)

        self.left_tabs = QTabWidget(self.splitter)
        self.left_tabs.setObjectName("leftTabs")
        never_hide_tabs(self.left_tabs)
        tree_page = QWidget(self.left_tabs)
        tree_layout = QVBoxLayout(tree_page)
        tree_layout.setContentsMargins(4, 4, 4, 4)
        self.tree_mode = QComboBox(tree_page)
        self.tree_mode.setObjectName("treeMode")
        self.tree_mode.addItem(self.tr("按发文机关"), "issuer")
        self.tree_mode.addItem(self.tr("按责任单位"), "unit")
        self.tree_mode.addItem(self.tr("按来源文件"), "source")
        self.tree_mode.setToolTip(self.tr("目录的分组方式：发文机关 → 年份，任务中的责任单位（规范名称），"
                                          "或来源文件（一期公报）→ 其中的公文（按印刷顺序）"))
        self.tree_mode.setCurrentIndex(max(0, self.tree_mode.findData(self.settings.tree_mode())))
        self.tree_note = QLabel(tree_page)
        self.tree_note.setObjectName("treeNote")
        self.tree_note.setTextFormat(Qt.TextFormat.PlainText)
        self.tree_note.setWordWrap(True)
        self.tree_note.hide()
        self.tree_filter = QLineEdit(tree_page)
        self.tree_filter.setPlaceholderText(self.tr("筛选目录（标题、文号、机关、单位）"))
        self.tree_filter.setClearButtonEnabled(True)
        self.tree_model = DocTreeModel(self)
        self.tree = QTreeView(tree_page)
        self.tree.setObjectName("docTree")
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setItemDelegate(DocTreeDelegate(self.tree))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setAnimated(False)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        tree_layout.addWidget(self.tree_mode)
        tree_layout.addWidget(self.tree_filter)
        tree_layout.addWidget(self.tree_note)
        tree_layout.addWidget(self.tree, 1)
        self.left_tabs.addTab(tree_page, self.tr("公文目录"))

        results_page = QWidget(self.left_tabs)
        results_layout = QVBoxLayout(results_page)
        results_layout.setContentsMargins(4, 4, 4, 4)
        self.results_label = QLabel(results_page)
        self.results_label.setObjectName("resultsLabel")
        self.results_label.setTextFormat(Qt.TextFormat.PlainText)
        self.results_label.setWordWrap(True)
        self.results_model = ResultsModel(self)
        self.results = QListView(results_page)
        self.results.setObjectName("results")
        self.results.setModel(self.results_model)
        self.results.setItemDelegate(ResultDelegate(self.results))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results.setUniformItemSizes(True)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        results_layout.addWidget(self.results_label)
        results_layout.addWidget(self.results, 1)
        self.left_tabs.addTab(results_page, self.tr("搜索结果"))

        self.reading = ReadingPane(self.splitter)
        self.reading.set_enabled_types(self.settings.enabled_highlights())
        self.reading.view.set_font_size(self.settings.font_size())
        self.side_tabs = QTabWidget(self.splitter)
        self.side_tabs.setObjectName("sideTabs")
        never_hide_tabs(self.side_tabs)
        self.entity_panel = EntityPanel(self.side_tabs)
        self.task_panel = TaskPanel(self.side_tabs)
        self.refs_panel = RefsPanel(self.side_tabs)
        self.side_tabs.addTab(self.entity_panel, self.tr("要素"))
        self.side_tabs.addTab(self.task_panel, self.tr("任务"))
        self.side_tabs.addTab(self.refs_panel, self.tr("引用"))
        self.splitter.addWidget(self.left_tabs)
        self.splitter.addWidget(self.reading)
        self.splitter.addWidget(self.side_tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([370, 730, 280])
        outer.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._searching_label = QTimer(self)  # "searching…" only when a search takes a while
        self._searching_label.setSingleShot(True)
        self._searching_label.setInterval(200)
        self._searching_label.timeout.connect(self._show_searching)
        self._search_seq = 0
        self._focus_results_pending = False

    def _action(self, text: str, slot, shortcut=None, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                action.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        S = QKeySequence.StandardKey
        self.act_add_folder = self._action(self.tr("添加文件夹(&A)…"), self.add_folder_dialog, S.Open)
        self.act_remove_folder = self._action(self.tr("移除文件夹(&R)…"), self.remove_folder_dialog)
        self.act_rescan = self._action(self.tr("重新扫描(&S)"), self.service.update_in_background, S.Refresh)
        self.act_export = self._action(self.tr("导出所选(&E)…"), self.export_selected, "Ctrl+E")
        self.act_problems = self._action(self.tr("无法读取的文件(&P)…"), self.show_problems)
        self.act_quit = self._action(self.tr("退出(&Q)"), self.close, S.Quit)
        self.act_copy = self._action(self.tr("复制(&C)"), self.copy, S.Copy)
        self.act_select_all = self._action(self.tr("全选(&A)"), lambda: self.reading.view.selectAll())
        self.act_find = self._action(self.tr("在本文中查找(&F)…"), self.reading.open_find, S.Find)
        self.act_next = self._action(self.tr("下一处(&N)"), self.reading.next_hit, "F3")
        self.act_prev = self._action(self.tr("上一处(&V)"), self.reading.previous_hit, "Shift+F3")
        self.act_search = self._action(self.tr("搜索全部公文(&S)"), self.focus_search, ["Ctrl+K", "Ctrl+L"])
        self.act_back = self._action(self.tr("后退(&B)"), self.go_back, S.Back)
        self.act_zoom_in = self._action(self.tr("放大(&I)"), lambda: self.zoom(1), ["Ctrl+=", "Ctrl++", S.ZoomIn])
        self.act_zoom_out = self._action(self.tr("缩小(&O)"), lambda: self.zoom(-1), ["Ctrl+-", S.ZoomOut])
        self.act_zoom_reset = self._action(self.tr("原始大小(&R)"), lambda: self.zoom(0), "Ctrl+0")
        self.act_panel = self._action(self.tr("本文要素侧栏(&P)"), self.side_tabs.setVisible, "F9", checkable=True)
        self.act_ledger = self._action(self.tr("任务台账(&T)…"), self.show_ledger, "Ctrl+T")
        self.act_panel.setChecked(True)
        self.highlight_actions: dict[str, QAction] = {}
        for i, kind in enumerate(theme.HIGHLIGHTS, 1):
            act = self._action(theme.highlight_label(kind), lambda on, k=kind: self.set_highlight(k, on),
                               f"Ctrl+{i}", checkable=True)
            act.blockSignals(True)
            act.setChecked(self.settings.highlight_enabled(kind))
            act.blockSignals(False)
            self.highlight_actions[kind] = act
        self.act_about = self._action(self.tr("关于公文阅读器(&A)"), lambda: show_about(self))
        self.tree.addAction(self.act_export)
        self.results.addAction(self.act_export)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        self.file_menu = file_menu
        for a in (self.act_add_folder, self.act_remove_folder, self.act_rescan, None, self.act_export,
                  None, self.act_problems, None, self.act_quit):
            file_menu.addSeparator() if a is None else file_menu.addAction(a)
        edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        self.edit_menu = edit_menu
        for a in (self.act_copy, self.act_select_all, None, self.act_find, self.act_next, self.act_prev,
                  None, self.act_search):
            edit_menu.addSeparator() if a is None else edit_menu.addAction(a)
        view_menu = bar.addMenu(self.tr("视图(&V)"))
        self.view_menu = view_menu
        view_menu.addSection(self.tr("高亮"))
        for act in self.highlight_actions.values():
            view_menu.addAction(act)
        view_menu.addSeparator()
        for a in (self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset, None, self.act_panel, self.act_ledger,
                  None, self.act_back):
            view_menu.addSeparator() if a is None else view_menu.addAction(a)
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        self.help_menu = help_menu
        help_menu.addAction(self.act_about)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.library_label = QLabel(status)
        self.library_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problems_button = QToolButton(status)
        self.problems_button.setObjectName("problemsButton")
        self.problems_button.clicked.connect(self.show_problems)
        self.problems_button.hide()
        self.progress = QProgressBar(status)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("取消"), status)
        self.cancel_button.setToolTip(self.tr("停止建立索引（已读完的文件保留）"))
        self.cancel_button.clicked.connect(self.service.cancel)
        self.cancel_button.hide()
        self.hit_label = QLabel(status)
        self.hit_label.setTextFormat(Qt.TextFormat.PlainText)
        status.addWidget(self.library_label)
        status.addPermanentWidget(self.hit_label)
        status.addPermanentWidget(self.problems_button)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)
        self._progress_delay = QTimer(self)
        self._progress_delay.setSingleShot(True)
        self._progress_delay.setInterval(PROGRESS_SHOW_DELAY_MS)
        self._progress_delay.timeout.connect(self._show_progress)

    def _connect(self) -> None:
        self.search_bar.changed.connect(self.search_timer.start)
        self.search_bar.submitted.connect(self.run_search_now)
        self.search_bar.down_pressed.connect(self._focus_results)
        self.search_timer.timeout.connect(self.run_search)
        self.service.search_finished.connect(self._search_finished)
        self._tree_filter_timer = QTimer(self)
        self._tree_filter_timer.setSingleShot(True)
        self._tree_filter_timer.setInterval(150)
        self._tree_filter_timer.timeout.connect(lambda: self._filter_tree(self.tree_filter.text()))
        self.tree_filter.textChanged.connect(self._tree_filter_timer.start)
        self.tree.selectionModel().currentChanged.connect(self._tree_current_changed)
        self.tree.activated.connect(self._tree_activated)
        self.results.selectionModel().currentChanged.connect(self._result_current_changed)
        self.results.activated.connect(lambda index: self._result_current_changed(index, QModelIndex()))
        self.reading.docref_clicked.connect(self.open_doc_number)
        self.reading.hit_status.connect(self.hit_label.setText)
        self.reading.highlight_toggled.connect(lambda kind, on: self.highlight_actions[kind].setChecked(on))
        self.entity_panel.scroll_requested.connect(lambda s, e: self.reading.view.scroll_to(s, e, select=True))
        self.entity_panel.search_requested.connect(self.search_for)
        self.entity_panel.docref_requested.connect(self.open_doc_number)
        self.task_panel.scroll_requested.connect(lambda s, e: self.reading.view.scroll_to(s, e, select=True))
        self.task_panel.search_requested.connect(self.search_for)
        self.service.indexing_started.connect(self._indexing_started)
        self.service.indexing_progress.connect(self._indexing_progress)
        self.service.indexing_finished.connect(self._indexing_finished)
        self.service.documents_changed.connect(self.reload_documents)
        self.service.links_ready.connect(self._links_ready)
        self.tree_mode.currentIndexChanged.connect(self._tree_mode_changed)
        self.refs_panel.open_requested.connect(self._open_citation)
        self.refs_panel.scroll_requested.connect(lambda s, e: self.reading.view.scroll_to(s, e, select=True))

    # ------------------------------------------------------------ settings
    def _restore_settings(self) -> None:
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 860)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        self._splitter_restored = False

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        # The splitter's saved sizes only fit once the window has its restored size.
        if not self._splitter_restored:
            self._splitter_restored = True
            state = self.settings.splitter_state()
            if state is not None:
                self.splitter.restoreState(state)
            self.act_panel.setChecked(not self.side_tabs.isHidden())
            QTimer.singleShot(0, lambda: self._fit_tabs(give_back=True))  # once the splitter has its size

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_tabs(give_back=True)

    def save_settings(self) -> None:
        self.settings.save_window(self.saveGeometry(), self.saveState(), self.splitter.saveState())
        self.settings.set_font_size(int(round(self.reading.view.font_size())))
        for kind, act in self.highlight_actions.items():
            self.settings.set_highlight_enabled(kind, act.isChecked())
        self.settings.set_last_document(self.current_doc_id)
        if self._save_folders:
            self.settings.set_folders(self.folders)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.persist:
            self.save_settings()
        self.service.shutdown()
        super().closeEvent(event)

    # ------------------------------------------------------------ library
    def start(self) -> None:
        """Show what the index already holds, then bring it up to date; both in the background."""
        self.library_label.setText(self.tr("正在打开公文库…"))
        self.service.open_then_update()

    def reload_documents(self) -> None:
        docs = self.service.documents()
        self._apply_tree_plan()
        issuers = sorted({i for d in docs for i in d.canonical_issuers})
        years = sorted({d.year for d in docs if d.year})
        kinds = sorted({d.kind for d in docs if d.kind})
        self.search_bar.set_choices(issuers, years, kinds)
        files = len({d.file for d in docs})
        self.library_label.setText(" · ".join((
            self.tr("%n 个文件夹", None, len(self.folders)),
            self.tr("%n 个文件", None, files),
            self.tr("%n 篇公文", None, len(docs)),
        )))
        self._update_problems_button()
        if self.reading.document is None:
            if docs:
                self.reading.show_placeholder()
            elif self.service.is_indexing():
                self.reading.show_placeholder(self.tr("正在读取公文库中的文件并建立索引，完成后公文将显示在左侧目录中。"))
            else:
                self.reading.show_placeholder(
                    self.tr("公文库中还没有公文。请用“文件 → 添加文件夹…”选择存放公文的文件夹。"))
        if not self._restored_last and docs:
            self._restored_last = True
            last = self.settings.last_document()
            if last and self.service.doc_info(last) is not None and self.current_doc_id is None:
                self.open_document(last)
        elif self.current_doc_id:
            self._select_in_tree(self.current_doc_id)
        if self.search_bar.query():
            self.run_search()

    def _update_problems_button(self) -> None:
        problems = self.service.problems()
        self.problems_button.setVisible(bool(problems))
        self.problems_button.setText(self.tr("⚠ %1 个文件无法读取").replace("%1", str(len(problems))))

    def _indexing_started(self) -> None:
        self.progress.setRange(0, 0)
        if self.reading.document is None and not self.service.documents():
            self.reading.show_placeholder(self.tr("正在读取公文库中的文件并建立索引，完成后公文将显示在左侧目录中。"))
        self._progress_delay.start()

    def _show_progress(self) -> None:
        if self.service.is_indexing():
            self.progress.show()
            self.cancel_button.show()
            self.cancel_button.setEnabled(True)

    def _indexing_progress(self, done: int, total: int, current: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("索引 %v/%m"))
        self.progress.setToolTip(plain_tooltip(current))

    def show_read_only(self, why: str) -> None:
        """A lasting mark in the status bar (not a temporary message: that was drawn over
        the library summary, which normal status widgets keep showing)."""
        label = QLabel(self.tr("只读"), self.statusBar())
        label.setObjectName("readOnlyLabel")
        label.setToolTip(why)
        self.statusBar().addPermanentWidget(label)
        self.read_only_label = label

    def _indexing_finished(self, result) -> None:
        self._progress_delay.stop()
        self.progress.hide()
        self.cancel_button.hide()
        if isinstance(result, Exception):
            self.statusBar().showMessage(self.tr("建立索引失败：%1").replace("%1", str(result)), 10000)
            return
        notice = getattr(result, "notice", None)
        if getattr(result, "cancelled", False):
            self.statusBar().showMessage(self.tr("已取消建立索引"), 5000)
        elif result.new or result.changed or result.removed:
            self.statusBar().showMessage(
                self.tr("索引已更新：新增 %1，修改 %2，移除 %3 个文件（%4 秒）")
                .replace("%1", str(result.new)).replace("%2", str(result.changed))
                .replace("%3", str(result.removed)).replace("%4", f"{result.seconds:.1f}"),
                8000,
            )
        if notice:  # e.g. the index was rebuilt: say so, without a modal dialog
            self.statusBar().showMessage(str(notice), 15000)
        self._update_problems_button()

    def add_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("添加文件夹到公文库"))
        if folder:
            self.add_folder(folder)

    def add_folder(self, folder: str) -> None:
        folder = str(Path(folder))
        if folder in self.folders:
            return
        self.set_folders(self.folders + [folder])

    def remove_folder_dialog(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        if not self.folders:
            return
        folder, ok = QInputDialog.getItem(self, self.tr("移除文件夹"), self.tr("从公文库中移除（不删除文件）："),
                                          self.folders, 0, False)
        if ok and folder:
            self.set_folders([f for f in self.folders if f != folder])

    def set_folders(self, folders: Sequence[str]) -> None:
        self.folders = [str(f) for f in folders]
        self._save_folders = True
        self.settings.set_folders(self.folders)
        self.library_label.setText(self.tr("正在打开公文库…"))
        self.service.set_folders(self.folders)

    def show_problems(self) -> None:
        ProblemsDialog(self.service.problems(), self).exec()

    # ------------------------------------------------------------ tree
    def tree_view_mode(self) -> str:
        return self.tree_mode.currentData() or "issuer"

    def _tree_mode_changed(self, _index: int) -> None:
        if self.persist:
            self.settings.set_tree_mode(self.tree_view_mode())
        self._apply_tree_plan()

    def _apply_tree_plan(self) -> None:
        """Show the current view: issuer → year (prepared by the indexing thread),
        responsible unit → documents (prepared by the links thread, see reader.ui.links) or
        source file → documents in file order (planned here, once per document list)."""
        self.tree_note.hide()
        if self.tree_view_mode() == "source":
            docs = self.service.documents()
            cached = getattr(self, "_source_plan", None)
            if cached is None or cached[0] is not docs:
                self._source_plan = (docs, plan_source_tree(docs, self.tree_model.unknown))
            self.tree_model.set_plan(self._source_plan[1])
        elif self.tree_view_mode() == "unit":
            links = self.service.links()
            if links is not None:
                self.tree_model.set_plan(links.unit_plan)
                if not links.unit_docs:
                    self.tree_note.setText(self.tr("公文库中的公文没有列出责任单位的任务。"))
                    self.tree_note.show()
            else:
                self.tree_model.set_plan(plan_unit_tree({}, {}, self.tree_model.unknown))
                if self.service.documents():
                    self.tree_note.setText(self.tr("正在汇总各公文的责任单位…"))
                    self.tree_note.show()
        else:
            plan = self.service.tree_plan()
            if plan is not None:
                self.tree_model.set_plan(plan)
            else:
                self.tree_model.set_documents(self.service.documents())
        self._filter_tree(self.tree_filter.text())

    def _links_ready(self) -> None:
        if self.tree_view_mode() == "unit":
            self._apply_tree_plan()
        if self.current_doc_id:
            self._update_refs(self.current_doc_id)

    def _filter_tree(self, text: str) -> None:
        self.tree_model.set_filter_text(text)
        if text.strip():
            self.tree.expandAll()
        else:
            self.tree.expandToDepth(0)
        if self.current_doc_id:
            self._select_in_tree(self.current_doc_id)

    def _tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        doc_id = current.data(ROLE_DOC_ID)
        if doc_id and doc_id != self.current_doc_id:
            self.open_document(doc_id)

    def _tree_activated(self, index: QModelIndex) -> None:
        doc_id = index.data(ROLE_DOC_ID)
        if doc_id:  # issuer/year rows: the view already expands them on double-click
            self.open_document(doc_id)

    def _select_in_tree(self, doc_id: str) -> None:
        index = self.tree_model.find_doc(doc_id)
        if not index.isValid():
            return
        self.tree.selectionModel().blockSignals(True)
        self.tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.tree.selectionModel().blockSignals(False)
        self.tree.scrollTo(index)
        self.tree.viewport().update()

    # ------------------------------------------------------------ search
    def focus_search(self) -> None:
        self.search_bar.field.setFocus()
        self.search_bar.field.selectAll()

    def search_for(self, text: str) -> None:
        self.search_bar.field.setText(text)
        self.run_search_now()

    def run_search_now(self) -> None:
        self.search_timer.stop()
        self.run_search()

    def run_search(self) -> None:
        query = self.search_bar.query()
        self.reading.set_query(query)
        if not query:
            self.results_model.set_hits([])
            self.results_label.setText("")
            self.left_tabs.setTabText(1, self.tr("搜索结果"))
            self._fit_tabs()
            self.left_tabs.setCurrentIndex(0)
            self.last_result = None
            self.service.cancel_searches()  # a search still running is not shown
            self._searching_label.stop()
            return
        self._search_seq = self.service.search_async(query, limit=SEARCH_LIMIT, **self.search_bar.filters())
        self._searching_label.start()

    def _search_finished(self, seq: int, result) -> None:
        if seq != self.service.latest_search() or not self.search_bar.query():
            return  # an older search, or the box was cleared meanwhile
        self._searching_label.stop()
        if isinstance(result, Exception):  # a bad query is a message, not a crash
            self.results_model.set_hits([])
            self.results_label.setText(self.tr("搜索出错：%1").replace("%1", str(result)))
            self.left_tabs.setCurrentIndex(1)
            self.search_done.emit(result)
            return
        self.last_result = result
        self.results_model.set_hits(result.hits)
        if result.error:
            self.results_label.setText(self.tr("无法搜索：%1").replace("%1", result.error))
        else:
            hit_total = sum(h.hit_count for h in result.hits)
            shown = len(result.hits)
            text = self.tr("%n 篇公文", None, result.total)
            if hit_total:  # a filter-only query (年份:2022) has no words to count
                text += " · " + self.tr("%n 处匹配", None, hit_total)
            if result.total > shown:
                text += self.tr("（显示前 %n 篇）", None, shown)
            self.results_label.setText(text)
        self.left_tabs.setTabText(1, self.tr("搜索结果（%1）").replace("%1", str(result.total)))
        self._fit_tabs()
        self.left_tabs.setCurrentIndex(1)
        if self._focus_results_pending:
            self._focus_results_pending = False
            self._focus_results()
        self.search_done.emit(result)

    def _show_searching(self) -> None:
        self.results_label.setText(self.tr("正在搜索…"))

    def _focus_results(self) -> None:
        if self.search_timer.isActive():
            self._focus_results_pending = True
            self.run_search_now()
            return
        if self.results_model.rowCount():
            self.left_tabs.setCurrentIndex(1)
            self.results.setFocus()
            if not self.results.currentIndex().isValid():
                self.results.setCurrentIndex(self.results_model.index(0, 0))

    def _result_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        doc_id = current.data(RESULT_DOC_ID)
        if doc_id:
            self.open_document(doc_id, force=True)

    # ------------------------------------------------------------ reading
    def open_document(self, doc_id: str, *, force: bool = False, remember: bool = True) -> bool:
        if doc_id == self.current_doc_id and not force:
            return True
        doc = self._document_any(doc_id)
        if doc is None:
            self.statusBar().showMessage(self.tr("找不到这篇公文（索引可能正在更新）"), 5000)
            return False
        if remember:
            self.nav.visit(doc_id)
        self.current_doc_id = doc_id
        links = self.service.known_numbers() - {doc.meta.doc_number}  # not a link to itself
        links |= self._resolvable_refs(doc)
        self.reading.show_document(doc, self.search_bar.query(), links)
        self._update_refs(doc_id)
        self.entity_panel.set_spans(doc.text, doc.entities)
        try:  # the tasks extracted once at index time, not again on the GUI thread
            self.task_panel.set_tasks(self.service.tasks(doc_id))
        except Exception as exc:  # the task list is a helper; the document still opens
            self.task_panel.set_tasks([])
            self.statusBar().showMessage(self.tr("无法列出本文任务：%1").replace("%1", str(exc)), 5000)
        self.setWindowTitle(self.tr("%1 — 公文阅读器").replace("%1", doc.title))
        if self.persist:
            self.settings.set_last_document(doc_id)
        self._select_in_tree(doc_id)
        self.document_opened.emit(doc_id)
        return True

    def _resolvable_refs(self, doc) -> set[str]:
        """Doc numbers as printed in `doc` that the library holds under another bracket or
        spacing form (国发[2020]14号 for 国发〔2020〕14号): links too."""
        links = self.service.links()
        if links is None:
            return set()
        return {c.printed for c in links.refs.cites(doc.id) if c.targets}

    def _update_refs(self, doc_id: str) -> None:
        links = self.service.links()
        if links is None or doc_id not in links.refs.docs:
            self.refs_panel.show_pending()
            return
        self.refs_panel.set_refs(links.refs.cites(doc_id), links.refs.cited_by(doc_id))

    def _open_citation(self, doc_id: str, start: int, end: int) -> None:
        if self.open_document(doc_id) and start >= 0:
            self.reading.view.scroll_to(start, end, select=True)

    def open_doc_number(self, doc_number: str) -> None:
        doc_id = self.service.doc_id_for_number(doc_number)
        links = self.service.links()
        if not doc_id and links is not None:
            found = [d for d in links.refs.resolve(doc_number) if d.id != self.current_doc_id]
            doc_id = found[0].id if found else None
        if doc_id:
            self.open_document(doc_id)
        else:
            self.statusBar().showMessage(self.tr("库中没有 %1").replace("%1", doc_number), 5000)

    def go_back(self) -> None:
        self._go(self.nav.back)

    def go_forward(self) -> None:
        self._go(self.nav.forward)

    def _go(self, step) -> None:
        """Back or forward: skip documents that re-indexing removed meanwhile."""
        while (doc_id := step()) is not None:
            if self.open_document(doc_id, remember=False):
                break
            self.nav.forget([doc_id])
        self._update_nav_actions()

    def set_highlight(self, kind: str, on: bool) -> None:
        enabled = {k for k, a in self.highlight_actions.items() if a.isChecked()}
        if on:
            enabled.add(kind)
        else:
            enabled.discard(kind)
        self.reading.set_enabled_types(enabled)
        if self.persist:
            self.settings.set_highlight_enabled(kind, on)

    def zoom(self, steps: int) -> None:
        if steps == 0:
            self.reading.view.set_font_size(theme.DEFAULT_READING_SIZE)
        else:
            self.reading.zoom(steps)
        self.settings.set_font_size(int(round(self.reading.view.font_size())))

    def copy(self) -> None:
        focus = self.focusWidget()
        if isinstance(focus, QLineEdit):
            focus.copy()
        else:
            self.reading.copy()

    # ------------------------------------------------------------ ledger
    def show_ledger(self) -> None:
        """任务台账: the tasks of every document, gathered on a worker thread."""
        from reader.ui.ledger import LedgerDialog

        if getattr(self, "ledger", None) is None:
            self.ledger = LedgerDialog(self.service, self)
            self.ledger.view.scroll_requested.connect(self._open_at)
        self.ledger.show()
        self.ledger.raise_()
        self.ledger.refresh()

    def _open_at(self, doc_id: str, start: int, end: int) -> None:
        if self.open_document(doc_id):
            self.reading.view.scroll_to(start, end, select=True)

    # ------------------------------------------------------------ export
    def selected_doc_ids(self) -> list[str]:
        """What 导出 and 打印 take: the selected result rows, or every document under the tree's
        selected nodes (the tab shown decides), else the open document."""
        tab = self.left_tabs.currentIndex()
        if tab == 1:
            rows = sorted(self.results.selectionModel().selectedRows(), key=lambda i: i.row())
            ids = [i.data(RESULT_DOC_ID) for i in rows]
        elif tab == 0:
            ids = doc_ids_under(self.tree_model, self.tree.selectionModel().selectedIndexes())
        else:  # 单个文件, 收藏: the open document (the tree's selection is out of sight)
            ids = []
        if not ids and self.current_doc_id:
            ids = [self.current_doc_id]
        return [i for i in ids if i]

    def _export_dialog(self):
        """The export dialog for the selected documents (None, after saying so, when none)."""
        from reader.ui.export_dialog import ExportDialog

        ids = self.selected_doc_ids()
        if not ids:
            QMessageBox.information(self, self.tr("导出"), self.tr("请先在目录或搜索结果中选择要导出的公文。"))
            return None
        infos = {d.id: d for d in self.service.documents()}

        def describe(doc_id):  # the library's light metadata; a file opened on its own is read
            info = infos.get(doc_id)
            if info is not None:
                return info.title, info.doc_number
            doc = self._document_any(doc_id)
            return None if doc is None else (doc.title, doc.meta.doc_number)

        store = getattr(self, "notes_store", None)
        notes = store.export_lines(ids) if store is not None else {}
        dialog = ExportDialog(ids, self._document_any, self.settings.last_export_dir(), self, describe=describe,
                              notes=notes)
        dialog.finished_export.connect(lambda _r: self.settings.set_last_export_dir(dialog.options()["out_dir"]))
        return dialog

    def export_selected(self) -> None:
        dialog = self._export_dialog()
        if dialog is not None:
            dialog.exec()

    def show_export_dialog(self):
        """The export dialog without waiting for it to close (screenshots)."""
        dialog = self._export_dialog()
        if dialog is not None:
            dialog.show()
        return dialog

    # ------------------------------------------------------------ desktop features (issue 15)
    def _build_desk_features(self) -> None:
        """Help, history, recent documents and the other desktop-reader features: each adds
        its actions to the menus built above."""
        self.act_search_help = self._action(self.tr("搜索语法(&S)"), self.show_search_help, "F1")
        self.help_menu.insertAction(self.act_about, self.act_search_help)
        self.help_menu.insertSeparator(self.act_about)

        # back / forward / recent
        self.act_forward = self._action(self.tr("前进(&W)"), self.go_forward, QKeySequence.StandardKey.Forward)
        self.view_menu.addAction(self.act_forward)
        self.act_back.setToolTip(self.tr("回到上一篇公文（Alt+←）"))
        self.act_forward.setToolTip(self.tr("回到后退前的公文（Alt+→）"))
        self.recent_menu = self.file_menu.addMenu(self.tr("最近打开(&R)"))
        self.recent_menu.setObjectName("recentMenu")
        self.file_menu.insertMenu(self.act_export, self.recent_menu)
        self.file_menu.insertSeparator(self.act_export)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        self.document_opened.connect(self._remember_opened)
        self._update_nav_actions()

        # the source file: from the menu and the reading pane (current document), and from
        # the result list and the tree (the row under the cursor)
        self.act_open_source = self._action(self.tr("打开原文件(&O)"), lambda: self.open_source(self._current_file()))
        self.act_open_folder = self._action(self.tr("打开所在文件夹(&D)"),
                                            lambda: self.open_source(self._current_file(), folder=True))
        self.file_menu.insertAction(self.act_problems, self.act_open_source)
        self.reading.source_button.setDefaultAction(self.act_open_source)  # beside 来源 in the reading pane
        self.file_menu.insertAction(self.act_problems, self.act_open_folder)
        self.file_menu.insertSeparator(self.act_problems)
        self.reading.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.reading.view.customContextMenuRequested.connect(self._reading_context_menu)
        for view, files in ((self.results, self._result_files), (self.tree, self._tree_files)):
            sep = QAction(view)
            sep.setSeparator(True)
            open_file = QAction(self.tr("打开原文件"), view)
            open_file.triggered.connect(lambda _=False, f=files: self.open_source(next(iter(f()), None)))
            open_dir = QAction(self.tr("打开所在文件夹"), view)
            open_dir.triggered.connect(lambda _=False, f=files: self.open_source(next(iter(f()), None), folder=True))
            view.addActions([sep, open_file, open_dir])
        self.result_source_actions = self.results.actions()[-2:]
        self.tree_source_actions = self.tree.actions()[-2:]

        # single files (Ctrl+Shift+O, drag and drop): read, not added to the library
        from reader.ui.single_files import SingleFiles, SingleFilesPanel

        self.single_files = SingleFiles(self)
        self.single_panel = SingleFilesPanel(self.single_files, self.left_tabs)
        self.single_tab = self.left_tabs.addTab(self.single_panel, self.tr("单个文件"))
        self.single_panel.open_requested.connect(self.open_document)
        self.single_files.loaded.connect(self._single_file_loaded)
        self._open_when_loaded: dict[str, object] = {}  # path → DocKey to open, or None: its first document
        self.act_open_file = self._action(self.tr("打开单个文件(&F)…"), self.open_file_dialog, "Ctrl+Shift+O")
        self.act_open_file.setToolTip(self.tr("阅读一个文件而不把它的文件夹加入公文库"))
        self.file_menu.insertAction(self.act_add_folder, self.act_open_file)
        close_file = QAction(self.tr("关闭此文件"), self.single_panel.tree)
        close_file.triggered.connect(self.close_single_file)
        add_folder = QAction(self.tr("把所在文件夹加入公文库"), self.single_panel.tree)
        add_folder.triggered.connect(
            lambda: self._ask_add_folder(str(Path(self.single_panel.current_file() or ".").parent))
            if self.single_panel.current_file() else None)
        sep = QAction(self.single_panel.tree)
        sep.setSeparator(True)
        self.single_panel.tree.addActions([self.act_open_source, self.act_open_folder, sep, close_file, add_folder])
        self.document_opened.connect(self._single_opened)
        self.setAcceptDrops(True)

        # reading font, size and line spacing (remembered)
        self.act_fonts = self._action(self.tr("字体(&N)…"), self.show_font_dialog)
        self.view_menu.insertAction(self.act_zoom_in, self.act_fonts)
        self.apply_reading_font(self.settings.reading_style(), self.reading.view.font_size(),
                                self.settings.line_spacing(), rerender=False)

        self._build_marks()

        # print with preview, export to PDF
        self.act_print = self._action(self.tr("打印(&P)…"), self.print_preview, QKeySequence.StandardKey.Print)
        self.act_export_pdf = self._action(self.tr("导出为 PDF(&D)…"), self.export_pdf_dialog)
        self.file_menu.insertAction(self.act_problems, self.act_print)
        self.file_menu.insertAction(self.act_problems, self.act_export_pdf)
        self.file_menu.insertSeparator(self.act_problems)
        self.act_print.setToolTip(self.tr("打印所选的公文（目录或搜索结果中的选择），或打开的公文"))
        for view in (self.tree, self.results):
            view.addAction(self.act_print)
            view.addAction(self.act_export_pdf)

        # 时限提醒: tasks by deadline
        self.today_override = None  # a date for 时限提醒 instead of today (gui --today)
        self.act_deadlines = self._action(self.tr("时限提醒(&L)…"), self.show_deadlines, "Ctrl+Shift+T")
        self.view_menu.insertAction(self.act_ledger, self.act_deadlines)
        self.view_menu.removeAction(self.act_ledger)
        self.view_menu.insertAction(self.act_deadlines, self.act_ledger)

    def show_search_help(self):
        """帮助 → 搜索语法 (F1): non-modal; double-clicking an example searches for it."""
        from reader.ui.help import SearchHelpDialog

        if getattr(self, "search_help", None) is None:
            self.search_help = SearchHelpDialog(self)
            self.search_help.try_query.connect(self.search_for)
        self.search_help.show()
        self.search_help.raise_()
        return self.search_help

    def _update_nav_actions(self) -> None:
        self.act_back.setEnabled(self.nav.can_go_back())
        self.act_forward.setEnabled(self.nav.can_go_forward())

    def _remember_opened(self, doc_id: str) -> None:
        self._update_nav_actions()
        doc = self.reading.document
        if doc is None or doc.id != doc_id or not self.persist:
            return
        self.settings.set_recent_documents(push_recent(self.settings.recent_documents(), DocKey.of(doc)))

    def _fill_recent_menu(self) -> None:
        """文件 → 最近打开: the last ten documents, newest first (from the settings, so a
        second window's opens show too)."""
        from reader.ui.plain import plain_tooltip

        menu = self.recent_menu
        menu.clear()
        recent = self.settings.recent_documents()
        for n, key in enumerate(recent, 1):
            title = key.title if len(key.title) <= 40 else key.title[:39] + "…"
            # && keeps an & in a title from becoming a mnemonic
            act = menu.addAction(f"&{n % 10} {title.replace('&', '&&')}")
            act.setToolTip(plain_tooltip(f"{key.title}\n{key.file}"))
            act.setData(key.id)
            act.triggered.connect(lambda _=False, k=key: self.open_recent(k))
        if not recent:
            menu.addAction(self.tr("（无）")).setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction(self.tr("清除列表"))
        clear.setEnabled(bool(recent))
        clear.triggered.connect(self.clear_recent)
        menu.setToolTipsVisible(True)

    def open_recent(self, key: DocKey) -> bool:
        """Open a recent document by its id, or by title and file when re-indexing changed it."""
        doc_id = resolve(key, self.service.documents()) or resolve(key, self.single_files.documents())
        if doc_id is not None and self.open_document(doc_id):
            return True
        library_files = {d.file for d in self.service.documents()}
        if key.file and key.file not in library_files and Path(key.file).is_file():
            self.open_single_file(key.file, key)  # a single file opened before: read it again
            return True
        self.statusBar().showMessage(
            self.tr("找不到“%1”：文件可能已移动或已从公文库中移除").replace("%1", key.title), 8000)
        return False

    def clear_recent(self) -> None:
        self.settings.set_recent_documents([])
        self._fill_recent_menu()

    # ------------------------------------------------------------ source files
    def _current_file(self) -> str | None:
        doc = self.reading.document
        return doc.file if doc is not None else None

    def _result_files(self) -> list[str]:
        index = self.results.currentIndex()
        hits = self.results_model.hits
        hit = hits[index.row()] if index.isValid() and index.row() < len(hits) else None
        return [hit.doc.file] if hit is not None else []

    def _tree_files(self) -> list[str]:
        doc_id = self.tree.currentIndex().data(ROLE_DOC_ID)
        info = self._doc_info_any(doc_id) if doc_id else None
        return [info.file] if info is not None else []

    def _doc_info_any(self, doc_id: str):
        """Library documents' DocInfo, or a single file's Document (both have id, title, file)."""
        return self.service.doc_info(doc_id) or self._single(doc_id)

    def _single(self, doc_id: str | None):
        files = getattr(self, "single_files", None)
        return files.get(doc_id) if files is not None else None

    def _document_any(self, doc_id: str):
        """A document of a file opened on its own, else of the library."""
        return self._single(doc_id) or self.service.document(doc_id)

    def open_source(self, path: str | None, folder: bool = False) -> bool:
        """打开原文件 / 打开所在文件夹 with the system's program; a message when it cannot."""
        from reader.ui.source import open_source

        problem = open_source(path, folder)
        if problem:
            self.statusBar().showMessage(problem, 8000)
        return problem is None

    def _reading_context_menu(self, pos) -> None:
        menu = self.reading_context_menu(pos)
        menu.exec(self.reading.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def reading_context_menu(self, pos):
        """The reading pane's context menu: the standard copy/select plus the document's actions."""
        menu = self.reading.view.createStandardContextMenu(pos)
        menu.addSeparator()
        menu.addActions([self.act_add_note, self.act_star])
        menu.addSeparator()
        menu.addActions([self.act_open_source, self.act_open_folder])
        return menu

    # ------------------------------------------------------------ single files, drag and drop
    def open_file_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("打开单个文件"), "",
                                                self.tr("公文文件 (*.txt *.md *.pdf *.docx *.ofd);;所有文件 (*)"))
        for path in files:
            self.open_single_file(path)

    def open_single_file(self, path: str, key: DocKey | None = None) -> None:
        """Read one file with the parsing pipeline and show it; the library is not changed."""
        path = str(Path(path).absolute())
        self._open_when_loaded[path] = key
        self.statusBar().showMessage(self.tr("正在读取 %1…").replace("%1", Path(path).name))
        self.single_files.load(path)

    def _single_file_loaded(self, path: str, result) -> None:
        wanted = self._open_when_loaded.pop(path, None)
        if result.error:
            self.statusBar().showMessage(
                self.tr("无法读取 %1：%2").replace("%1", path).replace("%2", result.error), 10000)
            return
        docs = self.single_files.files.get(path, [])
        self.statusBar().showMessage(
            self.tr("%1：%2 篇公文（单个文件，未加入公文库）")
            .replace("%1", Path(path).name).replace("%2", str(len(docs))), 8000)
        self.left_tabs.setCurrentIndex(self.single_tab)
        target = resolve(wanted, docs) if wanted is not None else (docs[0].id if docs else None)
        if target:
            self.open_document(target)
        elif wanted is not None:
            self.statusBar().showMessage(
                self.tr("找不到“%1”：文件可能已移动或已从公文库中移除").replace("%1", wanted.title), 8000)

    def _single_opened(self, doc_id: str) -> None:
        if self._single(doc_id) is not None:
            self.refs_panel.set_refs([], [])  # the library's cross-references do not cover it
            self.single_panel.select(doc_id)

    def close_single_file(self) -> None:
        path = self.single_panel.current_file()
        if not path:
            return
        self.single_files.close_file(path)
        self.single_panel.refresh()
        if self.reading.document is not None and self.reading.document.file == path:
            self.current_doc_id = None
            self.reading.show_placeholder()

    def _ask_add_folder(self, folder: str) -> bool:
        if folder in self.folders:
            self.statusBar().showMessage(self.tr("%1 已在公文库中").replace("%1", folder), 5000)
            return False
        answer = QMessageBox.question(
            self, self.tr("加入公文库"),
            self.tr("把文件夹“%1”加入公文库？"
                    "其中所有 .txt 文件都会被读取并建立索引（文件本身不会被改动）。").replace("%1", folder))
        if answer == QMessageBox.StandardButton.Yes:
            self.add_folder(folder)
            return True
        return False

    @staticmethod
    def _dropped_paths(mime) -> list[str]:
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile()] if mime.hasUrls() else []

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if self._dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if self._dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = self._dropped_paths(event.mimeData())
        if not paths:
            return super().dropEvent(event)
        event.acceptProposedAction()
        self.open_dropped(paths)

    def open_dropped(self, paths) -> None:
        """Files dropped on the window open as single files; a folder asks to join the library."""
        for path in paths:
            if Path(path).is_dir():
                self._ask_add_folder(str(Path(path)))
            elif Path(path).is_file():
                self.open_single_file(path)

    # ------------------------------------------------------------ reading font
    def show_font_dialog(self):
        """视图 → 字体…: window-modal, applied when accepted; returns the dialog."""
        from reader.ui.fonts import FontDialog

        dialog = FontDialog(self.settings.reading_style(), int(round(self.reading.view.font_size())),
                            self.settings.line_spacing(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply_reading_font(*dialog.values()))
        dialog.open()
        self.font_dialog = dialog
        return dialog

    def apply_reading_font(self, style: str, size: float, spacing: int, rerender: bool = True) -> None:
        """Use this typeface style, size and line spacing for the reading text, and remember them."""
        from reader.ui.fonts import families_for, installed_families

        theme.set_reading_style(families_for(style, installed_families()), spacing)
        if self.persist and rerender:
            self.settings.set_reading_style(style)
            self.settings.set_line_spacing(spacing)
            self.settings.set_font_size(int(size))
        self.reading.view.set_font_size(size)
        if rerender and self.current_doc_id:
            bar = self.reading.view.verticalScrollBar()
            fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
            self.open_document(self.current_doc_id, force=True, remember=False)
            bar.setValue(int(fraction * bar.maximum()))

    # ------------------------------------------------------------ 收藏 / 已读 / 批注
    def _build_marks(self) -> None:
        """Stars, read marks and notes, kept in the user's data folder (reader.core.library.notes)."""
        from reader.core.library.notes import NotesStore
        from reader.ui.marks import NotesPanel, StarredPanel

        self.notes_store = NotesStore()
        self.act_star = self._action(self.tr("收藏本文(&B)"), self._star_toggled, "Ctrl+D", checkable=True)
        self.act_read = self._action(self.tr("已读(&D)"), self._read_toggled, checkable=True)
        self.act_read.setToolTip(self.tr("打开公文即标为已读；取消勾选可标回未读"))
        self.act_add_note = self._action(self.tr("添加批注(&M)…"), self.add_note_dialog, "Ctrl+Shift+N")
        self.edit_menu.addSection(self.tr("收藏与批注"))
        self.edit_menu.addActions([self.act_star, self.act_read, self.act_add_note])
        self.starred_panel = StarredPanel(self.notes_store, self.left_tabs)
        self.starred_tab = self.left_tabs.addTab(self.starred_panel, self.tr("收藏"))
        self._fit_tabs()
        self.starred_panel.open_requested.connect(self.open_recent)
        self.notes_panel = NotesPanel(self.side_tabs)
        self.notes_tab = self.side_tabs.addTab(self.notes_panel, self.tr("批注"))
        self._fit_tabs()
        self.notes_panel.add_requested.connect(self.add_note_dialog)
        self.notes_panel.edit_requested.connect(self.edit_note_dialog)
        self.notes_panel.delete_requested.connect(self.delete_note)
        self.notes_panel.scroll_requested.connect(lambda s, e: self.reading.view.scroll_to(s, e, select=True))
        self.document_opened.connect(self._marks_document_opened)
        self.service.documents_changed.connect(self._marks_documents_changed)
        self._update_mark_actions()

    def _current_key(self) -> DocKey | None:
        doc = self.reading.document
        return DocKey.of(doc) if doc is not None else None

    def _update_mark_actions(self) -> None:
        key = self._current_key()
        for act, value in ((self.act_star, key is not None and self.notes_store.is_starred(key)),
                           (self.act_read, key is not None and self.notes_store.is_read(key))):
            act.blockSignals(True)
            act.setChecked(bool(value))
            act.setEnabled(key is not None)
            act.blockSignals(False)
        self.act_add_note.setEnabled(key is not None)

    def _marks_document_opened(self, _doc_id: str) -> None:
        key = self._current_key()
        if key is not None and self.persist and not self.notes_store.is_read(key):  # a screenshot run writes nothing
            self.notes_store.set_read(key)
            self.tree_model.set_read_ids(self.notes_store.read_ids())
        self._update_mark_actions()
        self._show_notes()

    def _marks_documents_changed(self) -> None:
        """After (re-)indexing: move marks and notes to documents whose id changed, recount."""
        docs = self.service.documents()
        if docs and self.notes_store.reconcile(docs):
            self.starred_panel.refresh()
        self.tree_model.set_read_ids(self.notes_store.read_ids())

    def _star_toggled(self, on: bool) -> None:
        key = self._current_key()
        if key is None:
            return
        self.notes_store.set_starred(key, on)
        self.starred_panel.refresh()
        self.statusBar().showMessage(self.tr("已收藏") if on else self.tr("已取消收藏"), 3000)

    def _read_toggled(self, on: bool) -> None:
        key = self._current_key()
        if key is not None:
            self.notes_store.set_read(key, on)
            self.tree_model.set_read_ids(self.notes_store.read_ids())

    def _show_notes(self) -> None:
        from reader.core.library.notes import locate

        key = self._current_key()
        if key is None:
            self.notes_panel.set_notes([], {}, enabled=False)
            return
        notes = self.notes_store.notes_for(key)
        text = self.reading.document.text
        self.notes_panel.set_notes(notes, {n.id: locate(n, text) for n in notes if n.on_passage})
        if notes:
            self.side_tabs.setTabText(self.notes_tab, self.tr("批注（%1）").replace("%1", str(len(notes))))
        else:
            self.side_tabs.setTabText(self.notes_tab, self.tr("批注"))
        self._fit_tabs()

    def _fit_tabs(self, give_back: bool = False) -> None:
        """Widen the tab panels to their rows of tabs (公文目录 搜索结果（n） 单个文件 收藏;
        要素 任务 引用 批注（n）) with width the reading pane can spare above its narrowest: at
        1024 pixels the last tab was hidden behind scroll arrows. No minimum width is set, so
        the window can still be made narrower (the labels are then shortened: tabs.py). give_back (at the first
        show and when the window is resized): a panel wider than its tabs gives the surplus to
        a reading pane too narrow for its legend on one row."""
        splitter = getattr(self, "splitter", None)
        if splitter is None or not splitter.isVisible() or splitter.count() != 3:
            return
        sizes = splitter.sizes()
        panels = [(i, tabs, tabs.tabBar().sizeHint().width() + 2)
                  for i, tabs in ((0, self.left_tabs), (2, self.side_tabs)) if not tabs.isHidden() and sizes[i]]
        spare = sizes[1] - max(self.reading.minimumWidth(), self.reading.minimumSizeHint().width())
        for i, _tabs, needed in panels:
            take = min(max(0, needed - sizes[i]), max(0, spare))
            sizes[i] += take
            sizes[1] -= take
            spare -= take
        if give_back:
            wanted = self.reading.comfortable_width() - sizes[1]
            for i, _tabs, needed in panels:
                give = min(max(0, sizes[i] - needed), max(0, wanted))
                sizes[i] -= give
                sizes[1] += give
                wanted -= give
        if sizes != splitter.sizes():
            splitter.setSizes(sizes)

    def _ask_note(self, title: str, quote: str, text: str = "") -> str | None:
        from PySide6.QtWidgets import QInputDialog

        body, ok = QInputDialog.getMultiLineText(self, title, self._note_label(quote), text)
        body = body.strip() if ok else ""
        return body or None

    def _note_label(self, quote: str) -> str:
        return self.tr("批注内容：") if not quote else self.tr("对“%1”的批注：").replace(
            "%1", quote if len(quote) <= 40 else quote[:39] + "…")

    def show_note_dialog(self):
        """添加批注 on the selected passage without waiting for it to close (screenshots): the
        dialog QInputDialog.getMultiLineText shows in _ask_note, built the same way."""
        from PySide6.QtWidgets import QInputDialog

        cursor = self.reading.view.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        doc = self.reading.document
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("添加批注"))
        dialog.setLabelText(self._note_label(doc.text[start:end] if doc is not None and end > start else ""))
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.show()
        return dialog

    def add_note_dialog(self) -> None:
        """A note on the selected passage, or on the whole document when nothing is selected."""
        key = self._current_key()
        if key is None:
            return
        cursor = self.reading.view.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        quote = self.reading.document.text[start:end] if end > start else ""
        body = self._ask_note(self.tr("添加批注"), quote)
        if body is None:
            return
        if quote:
            self.notes_store.add_note(key, body, start, end, quote)
        else:
            self.notes_store.add_note(key, body)
        self.side_tabs.setCurrentWidget(self.notes_panel)
        self.side_tabs.show()
        self._show_notes()

    def edit_note_dialog(self, note) -> None:
        if note is None:
            return
        body = self._ask_note(self.tr("编辑批注"), note.quote, note.body)
        if body is not None:
            self.notes_store.update_note(note.id, body)
            self._show_notes()

    def delete_note(self, note) -> None:
        if note is None:
            return
        answer = QMessageBox.question(self, self.tr("删除批注"), self.tr("删除这条批注？"))
        if answer == QMessageBox.StandardButton.Yes:
            self.notes_store.delete_note(note.id)
            self._show_notes()

    # ------------------------------------------------------------ print, PDF
    def _docs_for_output(self, ids: Sequence[str]) -> list:
        return [d for d in (self._document_any(i) for i in ids) if d is not None]

    def show_print_preview(self):
        """The print preview without waiting for it to close (screenshots)."""
        return self._print_preview(modal=False)

    def print_preview(self):
        """打印 (Ctrl+P): the open document in a print preview, printed from there."""
        return self._print_preview(modal=True)

    def _print_preview(self, modal: bool):
        """The selected documents (as export selects them: result rows, or everything under
        the tree's selected nodes), or the open one, in a print preview; printed from there."""
        from reader.ui.printing import PrintPreviewDialog, new_printer

        ids = self.selected_doc_ids()
        current = self.reading.document.id if self.reading.document is not None else None
        if not ids:
            self.statusBar().showMessage(self.tr("请先打开或选择要打印的公文。"), 5000)
            return None
        if modal and len(ids) > PRINT_ASK_ABOVE:
            answer = QMessageBox.question(
                self, self.tr("打印"),
                self.tr("所选范围有 %1 篇公文，全部排版可能要一些时间。继续？").replace("%1", str(len(ids))))
            if answer != QMessageBox.StandardButton.Yes:
                return None
        previous = getattr(self, "print_dialog", None)
        if previous is not None:
            previous.deleteLater()
        self._printer = new_printer()  # the dialog does not own the printer
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:  # the documents are read from the index here, once
            dialog = PrintPreviewDialog(self._printer, self, ids, self._document_any, current,
                                        self.reading.view.enabled_types(), self.settings.print_highlights())
        finally:
            QApplication.restoreOverrideCursor()
        dialog.highlights_changed.connect(lambda on: self.settings.set_print_highlights(on) if self.persist else None)
        self.print_dialog = dialog
        if modal:
            dialog.exec()
        else:
            dialog.show()
        return dialog

    def export_pdf_dialog(self) -> None:
        """导出为 PDF: the selected documents (or the open one) into one PDF, each from a new page."""
        from reader.core.export import doc_file_stem
        from reader.ui.printing import pdf_bytes

        docs = self._docs_for_output(self.selected_doc_ids())
        if not docs:
            QMessageBox.information(self, self.tr("导出"), self.tr("请先在目录或搜索结果中选择要导出的公文。"))
            return
        folder = self.settings.last_export_dir() or str(Path.home())
        name = doc_file_stem(docs[0]) + ("" if len(docs) == 1 else self.tr("等%1篇").replace("%1", str(len(docs))))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出为 PDF"), str(Path(folder) / f"{name}.pdf"),
                                              self.tr("PDF 文件 (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            Path(path).write_bytes(pdf_bytes(docs, docs[0].title if len(docs) == 1 else Path(path).stem))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("导出"),
                                self.tr("无法写入 %1：%2").replace("%1", path).replace("%2", str(exc)))
            return
        if self.persist:
            self.settings.set_last_export_dir(str(Path(path).parent))
        self.statusBar().showMessage(
            self.tr("已导出 %1 篇公文到 %2").replace("%1", str(len(docs))).replace("%2", path), 8000)

    # ------------------------------------------------------------ deadlines
    def show_deadlines(self):
        """时限提醒: the library's tasks by deadline, relative to today; double-click opens one."""
        from reader.ui.deadlines import DeadlinesDialog

        if getattr(self, "deadlines", None) is None:
            self.deadlines = DeadlinesDialog(self.service, self, today=self.today_override)
            self.deadlines.open_requested.connect(self._open_at)
        self.deadlines.show()
        self.deadlines.raise_()
        self.deadlines.refresh()
        return self.deadlines
