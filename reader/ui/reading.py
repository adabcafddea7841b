"""The reading pane: a metadata header, the reading text with highlights, find and hit navigation.

Text is always text. The reading text goes into a QTextDocument with QTextCursor.insertText,
never through setHtml/Markdown, and highlights are QTextLayout format ranges on top of it,
so markup in a source file (HTML tables, <script>, Qt rich text) is shown literally.

Highlights are applied lazily, only to the blocks on screen (plus a margin), because a long
document has thousands of spans and building all their formats costs more than the 100 ms
an open may take. Each block remembers which "generation" of highlight settings it was
formatted with; changing the toggles or the hits bumps the generation.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeySequence,
    QShortcut,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLayout,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.library.analysis import OffsetMap, find_all, fold
from reader.core.model import Document, Span, Table
from reader.core.text.normalise import display_width
from reader.core.text.patterns import section_heading
from reader.core.text.tables import tables_in_text
from reader.ui import theme
from reader.ui.plain import plain_tooltip

VISIBLE_MARGIN_BLOCKS = 40
READING_MIN_WIDTH = 440  # px: the reading pane's narrowest (about 24 characters a line at 13 pt)
PROPORTIONAL_HEIGHT = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value  # line height in percent
TABLE_COLUMN_MIN, TABLE_COLUMN_MAX = 3, 16
"""A grid column is as wide as its widest cell, within these many CJK characters (cells wrap)."""


def column_widths(table: Table) -> list[float]:
    """Each column's width in CJK characters: its widest cell, within the min and max."""
    widths = [0.0] * len(table.rows[0])
    for row in table.rows:
        for c, cell in enumerate(row):
            widths[c] = max(widths[c], display_width(cell) + 1)
    return [min(TABLE_COLUMN_MAX, max(TABLE_COLUMN_MIN, w)) for w in widths]


def _has_header(table: Table) -> bool:
    """The first row names the columns unless it is numbered like the data (a table cut in two)."""
    first = table.rows[0][0].strip()
    return not (first[:1].isdigit() and len(table.rows) > 0 and first.rstrip(".、．").isdigit())


def _fits(text: str, table: Table) -> bool:
    """A table is drawn as a grid only where the text holds exactly its rows, after a line end."""
    return (
        0 < table.start <= table.end <= len(text)
        and text[table.start - 1] == "\n"
        and (table.end == len(text) or text[table.end] == "\n")
        and bool(table.rows)
        and text[table.start:table.end] == "\n".join("\t".join(r) for r in table.rows)
    )


def _block_starts(doc: QTextDocument) -> list[int]:
    starts = []
    block = doc.begin()
    while block.isValid():
        starts.append(block.position())
        block = block.next()
    return starts or [0]


def _blocks_match(doc: QTextDocument, text: str) -> bool:
    block = doc.begin()
    while block.isValid():
        start = block.position()
        content = block.text()
        if text[start:start + len(content)] != content:
            return False
        block = block.next()
    return True


def grids_that_fit(text: str, tables: Sequence[Table]) -> list[Table]:
    """The tables drawn as grids, in text order: those whose rows the text holds exactly."""
    return [t for t in sorted(tables, key=lambda t: t.start) if _fits(text, t)]


def fixed_columns(table: Table, font_size: float) -> list[QTextLength]:
    """On screen: each column as wide as its widest cell (column_widths), in pixels."""
    em = font_size * 1.4  # a CJK character at the reading size, in pixels
    return [QTextLength(QTextLength.Type.FixedLength, em * w) for w in column_widths(table)]


def insert_text(cursor: QTextCursor, text: str, grids: Sequence[Table], block_format: QTextBlockFormat,
                font_size: float, columns: Callable[[Table], list[QTextLength]] | None = None) -> None:
    """A reading text at the cursor (of an empty document): plain text with insertText, the
    grids (grids_that_fit) as QTextTables whose cells get insertText too, so every character
    keeps its offset in the text (offsets_kept checks it). The reading pane and the printed
    page (reader.ui.printing) both lay text out with this; columns(table) gives the column
    widths (default: fixed_columns)."""
    pos = 0
    for table in grids:
        cursor.insertText(text[pos:table.start - 1])  # the "\n" before the table: the table's own
        insert_table(cursor, table, font_size, columns(table) if columns else None)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.setBlockFormat(block_format)
        pos = table.end + 1
    if pos <= len(text):
        cursor.insertText(text[pos:])  # plain text: nothing is interpreted as markup


def offsets_kept(doc: QTextDocument, text: str, grids: Sequence[Table]) -> bool:
    """Does every character of `text` sit at its own offset in `doc` (filled by insert_text)?"""
    if not grids:
        return True
    # a table closing the text is followed by an empty block of Qt's own
    expected = len(text) + (1 if grids[-1].end == len(text) else 0)
    return doc.characterCount() - 1 == expected and _blocks_match(doc, text)


def insert_table(cursor: QTextCursor, table: Table, font_size: float,
                 columns: list[QTextLength] | None = None) -> None:
    fmt = QTextTableFormat()
    header = _has_header(table)
    fmt.setHeaderRowCount(1 if header else 0)
    fmt.setCellPadding(4)
    fmt.setCellSpacing(0)
    fmt.setBorder(1)
    fmt.setBorderBrush(QColor(theme.TABLE_BORDER))
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setTopMargin(4)
    fmt.setBottomMargin(font_size * 0.8)
    fmt.setColumnWidthConstraints(columns or fixed_columns(table, font_size))
    grid = cursor.insertTable(len(table.rows), len(table.rows[0]), fmt)
    head = QTextCharFormat()
    head.setFontWeight(QFont.Weight.Bold)
    head_back = QColor(theme.TABLE_HEADER_BACKGROUND)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            target = grid.cellAt(r, c)
            if r == 0 and header:
                cell_format = target.format()
                cell_format.setBackground(head_back)
                target.setFormat(cell_format)
            target.firstCursorPosition().insertText(cell, head if r == 0 and header else QTextCharFormat())


def highlight_formats() -> dict[str, QTextCharFormat]:
    """The character format of each highlight class (theme.HIGHLIGHTS) and of a section
    heading ("heading"): on screen and, when chosen, on paper."""
    formats: dict[str, QTextCharFormat] = {}
    for kind, style in theme.HIGHLIGHTS.items():
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(style.background))
        fmt.setForeground(QColor(style.foreground))
        if style.underline:
            fmt.setFontUnderline(True)
        formats[kind] = fmt
    heading = QTextCharFormat()
    heading.setFontWeight(QFont.Weight.Bold)
    formats["heading"] = heading
    return formats


def find_matches(text: str, query: str) -> list[tuple[int, int]]:
    """Hit positions of a library query in a reading text: the same matching as the search."""
    from reader.core.library.search import find_matches as core_find_matches

    return list(core_find_matches(text, query))


def find_in_text(text: str, needle: str) -> list[tuple[int, int]]:
    """Occurrences of needle in the text (find in document), folded as search folds both:
    "..." finds "…", "," finds "，", Latin letters ignore case. Non-overlapping, in order."""
    folded_needle = fold(needle)
    if not folded_needle or not text:
        return []
    offsets = OffsetMap(text)
    spans, end = [], -1
    for i in find_all(fold(text), folded_needle):
        if i < end:
            continue
        end = i + len(folded_needle)
        spans.append((offsets.start(i), offsets.end(end)))
    return spans


def query_has_words(query: str) -> bool:
    """Does the library query look for words in the text (not only filter by 年份:, 文种: …)?"""
    from reader.core.library.search import parse_query

    try:
        return bool(parse_query(query).positive_words())
    except Exception:  # an invalid query: it says so in the results list
        return False


class ReadingView(QTextEdit):
    """Read-only view of one reading text with lazily applied highlight formats."""

    docref_clicked = Signal(str)  # the cited doc number, when the library holds it

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setAcceptRichText(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.viewport().setMouseTracking(True)
        self.setObjectName("readingView")
        self._font_size = float(theme.DEFAULT_READING_SIZE)
        self._text = ""
        self._line_starts: list[int] = [0]
        self._spans: list[Span] = []
        self._entity_ranges: dict[int, list[tuple[int, int, str]]] = {}
        self._heading_blocks: set[int] = set()
        self._hit_ranges: dict[int, list[tuple[int, int]]] = {}
        self._hits: list[tuple[int, int]] = []
        self._current_hit = -1
        self._links: set[str] = set()
        self._enabled: set[str] = set(theme.HIGHLIGHTS)
        self._generation = 0
        self._applied: dict[int, int] = {}
        self._formats = self._build_formats()
        self.verticalScrollBar().valueChanged.connect(self._schedule_apply)
        self._apply_timer = QTimer(self)
        self._apply_timer.setSingleShot(True)
        self._apply_timer.setInterval(0)
        self._apply_timer.timeout.connect(self.apply_visible_highlights)

    # ------------------------------------------------------------ content
    def set_content(self, text: str, spans: Sequence[Span], links: Iterable[str] = (),
                    tables: Sequence[Table] = ()) -> None:
        """Show a reading text; its tables (rows of tab-separated cells in the text) as grids.

        Each cell is a block of the QTextDocument and every character keeps its offset in the
        text (a table's cell markers take the places of the tabs and line ends between its
        cells), so spans, hits and find work on tables as on any paragraph.
        """
        self._text = text
        self._spans = sorted(spans, key=lambda s: (s.start, s.end))
        self._links = set(links)
        self._hits, self._hit_ranges, self._current_hit = [], {}, -1
        self._applied.clear()
        self._generation += 1
        self.setExtraSelections([])

        doc = self._new_document()
        cursor = QTextCursor(doc)
        block_format = QTextBlockFormat()
        block_format.setLineHeight(theme.reading_line_height(), PROPORTIONAL_HEIGHT)
        block_format.setBottomMargin(self._font_size * 0.5)
        cursor.setBlockFormat(block_format)
        grids = grids_that_fit(text, tables)
        insert_text(cursor, text, grids, block_format, self._font_size)
        starts = _block_starts(doc)
        if not offsets_kept(doc, text, grids):
            # never show a table at the wrong offsets: plain paragraphs instead
            doc = self._new_document()
            cursor = QTextCursor(doc)
            cursor.setBlockFormat(block_format)
            cursor.insertText(text)
            starts = _block_starts(doc)
        self._line_starts = starts
        self._entity_ranges = {}
        for span in self._spans:
            for block, col, length in self._split_by_block(span.start, span.end):
                self._entity_ranges.setdefault(block, []).append((col, length, span.type))
        self._heading_blocks = {
            i for i, start in enumerate(starts)
            if section_heading(text[start:starts[i + 1] - 1] if i + 1 < len(starts) else text[start:])
        }
        self.setDocument(doc)  # Qt deletes the previous document: it was our child
        self.verticalScrollBar().setValue(0)
        self.apply_visible_highlights()

    def _new_document(self) -> QTextDocument:
        doc = QTextDocument(self)
        doc.setDefaultFont(theme.reading_font(self._font_size))
        doc.setDocumentMargin(18)
        doc.setUndoRedoEnabled(False)
        return doc

    def text(self) -> str:
        return self._text

    def spans(self) -> list[Span]:
        return list(self._spans)

    def _split_by_block(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """(block, column, length) pieces of a text range; spans may cross a line end."""
        pieces = []
        block = bisect.bisect_right(self._line_starts, start) - 1
        while start < end and block < len(self._line_starts):
            block_start = self._line_starts[block]
            block_end = (
                self._line_starts[block + 1] - 1 if block + 1 < len(self._line_starts) else len(self._text)
            )
            piece_end = min(end, block_end)
            if piece_end > start:
                pieces.append((block, start - block_start, piece_end - start))
            block += 1
            start = self._line_starts[block] if block < len(self._line_starts) else end
        return pieces

    # ------------------------------------------------------------ highlights
    def _build_formats(self) -> dict[str, QTextCharFormat]:
        formats = highlight_formats()
        link = QTextCharFormat(formats["docref"])
        link.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        link.setForeground(QColor("#4c1d95"))
        formats["docref-link"] = link
        hit = QTextCharFormat()
        hit.setBackground(QColor(theme.HIT_BACKGROUND))
        hit.setForeground(QColor("#000000"))
        formats["hit"] = hit
        return formats

    def set_enabled_types(self, kinds: Iterable[str]) -> None:
        self._enabled = set(kinds)
        self._invalidate()

    def enabled_types(self) -> set[str]:
        return set(self._enabled)

    def _invalidate(self) -> None:
        self._generation += 1
        self.apply_visible_highlights()

    def _schedule_apply(self) -> None:
        self._apply_timer.start()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._schedule_apply()

    def visible_block_range(self) -> tuple[int, int]:
        top = self.cursorForPosition(QPoint(0, 0)).blockNumber()
        bottom = self.cursorForPosition(QPoint(self.viewport().width(), self.viewport().height())).blockNumber()
        return top, bottom

    def apply_visible_highlights(self) -> None:
        doc = self.document()
        if doc is None or not self._text:
            return
        top, bottom = self.visible_block_range()
        first = max(0, top - VISIBLE_MARGIN_BLOCKS)
        last = min(doc.blockCount() - 1, bottom + VISIBLE_MARGIN_BLOCKS)
        self.apply_highlights(range(first, last + 1))

    def apply_highlights(self, blocks: Iterable[int]) -> None:
        doc = self.document()
        first_pos = last_end = -1
        for number in sorted(blocks):
            if self._applied.get(number) == self._generation:
                continue
            self._applied[number] = self._generation
            ranges = self.block_format_ranges(number)
            block = doc.findBlockByNumber(number)
            if not block.isValid():
                continue
            layout = block.layout()
            if ranges or layout.formats():
                layout.setFormats(ranges)
                if first_pos < 0:
                    first_pos = block.position()
                last_end = block.position() + block.length()
        if first_pos >= 0:
            # QTextLayout.setFormats only records the change; QTextDocumentLayout lays the
            # blocks out again when the change is flushed (what QSyntaxHighlighter does too).
            # Without this flush, later changes merge into a wrong range and blocks vanish.
            doc.markContentsDirty(first_pos, last_end - first_pos)

    def block_format_ranges(self, number: int) -> list[QTextLayout.FormatRange]:
        """The format ranges a block shows with the current toggles and hits."""
        ranges: list[QTextLayout.FormatRange] = []

        def add(col: int, length: int, fmt: QTextCharFormat) -> None:
            r = QTextLayout.FormatRange()
            r.start, r.length, r.format = col, length, fmt
            ranges.append(r)

        if number in self._heading_blocks:
            block_len = (
                self._line_starts[number + 1] - 1 - self._line_starts[number]
                if number + 1 < len(self._line_starts)
                else len(self._text) - self._line_starts[number]
            )
            add(0, block_len, self._formats["heading"])
        for col, length, kind in self._entity_ranges.get(number, ()):
            if kind not in self._enabled:
                continue
            if kind == "docref" and self._is_link_at(number, col, length):
                add(col, length, self._formats["docref-link"])
            else:
                add(col, length, self._formats[kind])
        for col, length in self._hit_ranges.get(number, ()):
            add(col, length, self._formats["hit"])
        return ranges

    def _is_link_at(self, block: int, col: int, length: int) -> bool:
        start = self._line_starts[block] + col
        return self._text[start : start + length] in self._links

    def highlight_counts(self) -> dict[str, int]:
        """How many spans of each class are shown now (for tests and the legend)."""
        counts = {kind: 0 for kind in theme.HIGHLIGHTS}
        for span in self._spans:
            if span.type in self._enabled and span.type in counts:
                counts[span.type] += 1
        return counts

    # ------------------------------------------------------------ hits
    def set_hits(self, hits: Sequence[tuple[int, int]]) -> None:
        self._hits = sorted(hits)
        self._hit_ranges = {}
        for start, end in self._hits:
            for block, col, length in self._split_by_block(start, end):
                self._hit_ranges.setdefault(block, []).append((col, length))
        self._current_hit = -1
        self.setExtraSelections([])
        self._invalidate()

    def hits(self) -> list[tuple[int, int]]:
        return list(self._hits)

    def current_hit(self) -> int:
        return self._current_hit

    def go_to_hit(self, index: int) -> None:
        if not self._hits:
            return
        self._current_hit = index % len(self._hits)
        start, end = self._hits[self._current_hit]
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(theme.CURRENT_HIT_BACKGROUND))
        fmt.setForeground(QColor("#000000"))
        selection.format = fmt
        self.setExtraSelections([selection])
        self.scroll_to(start, end)

    def next_hit(self) -> None:
        self.go_to_hit(self._current_hit + 1)

    def previous_hit(self) -> None:
        self.go_to_hit(self._current_hit - 1 if self._current_hit >= 0 else -1)

    def scroll_to(self, start: int, end: int | None = None, select: bool = False) -> None:
        """Bring a text range into view, a little below the top edge."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(start, len(self._text)))
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        if rect.top() < 0 or rect.bottom() > self.viewport().height():
            bar.setValue(bar.value() + rect.top() - self.viewport().height() // 3)
        if select and end is not None:
            cursor.setPosition(min(end, len(self._text)), QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)
        self.apply_visible_highlights()

    # ------------------------------------------------------------ zoom
    def font_size(self) -> float:
        return self._font_size

    def set_font_size(self, size: float) -> None:
        size = max(theme.MIN_READING_SIZE, min(theme.MAX_READING_SIZE, size))
        if size == self._font_size:
            return
        bar = self.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self._font_size = size
        doc = self.document()
        doc.setDefaultFont(theme.reading_font(size))
        bar.setValue(int(fraction * bar.maximum()))
        self._schedule_apply()

    # ------------------------------------------------------------ links
    def docref_at(self, pos: QPoint) -> str | None:
        offset = self.cursorForPosition(pos).position()
        for span in self._spans:
            if span.start > offset:
                break
            if span.type == "docref" and span.start <= offset < span.end:
                text = self._text[span.start : span.end]
                return text if text in self._links else None
        return None

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        super().mouseMoveEvent(event)
        over_link = "docref" in self._enabled and self.docref_at(event.position().toPoint()) is not None
        self.viewport().setCursor(
            Qt.CursorShape.PointingHandCursor if over_link else Qt.CursorShape.IBeamCursor
        )

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        if "docref" not in self._enabled:
            return
        target = self.docref_at(event.position().toPoint())
        if target:
            self.docref_clicked.emit(target)


class FlowLayout(QLayout):
    """Items left to right in rows, wrapping onto the next row when the width runs out (Qt's
    flow layout example): as narrow as its widest item, as tall as its rows at a width."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8):
        super().__init__(parent)
        self._items: list = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:  # noqa: N802 (Qt names)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        """All on one row."""
        hints = [item.sizeHint() for item in self._items]
        width = sum(h.width() for h in hints) + self._spacing * max(0, len(hints) - 1)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(),
                     max((h.height() for h in hints), default=0) + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, row_height = area.x(), area.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if row_height and x + hint.width() > area.right() + 1:  # this row is full
                x, y, row_height = area.x(), y + row_height + self._spacing // 2, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + margins.bottom()


class WholeLabel(QLabel):
    """A one-line label that is shown whole or not at all (never a sliver of its text) when
    its layout gives it less than it needs."""

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self.width() >= self.sizeHint().width():
            super().paintEvent(event)


class FindBar(QFrame):
    """Ctrl+F bar: a field, previous/next and an "n / m" counter."""

    changed = Signal(str)
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("findBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("在本文中查找"))
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self.changed)
        self.field.returnPressed.connect(self.next_requested)
        self.counter = QLabel(self)
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        self.counter.setMinimumWidth(70)
        prev_button = QToolButton(self)
        prev_button.setText("▲")
        prev_button.setToolTip(self.tr("上一处 (Shift+F3)"))
        prev_button.clicked.connect(self.previous_requested)
        next_button = QToolButton(self)
        next_button.setText("▼")
        next_button.setToolTip(self.tr("下一处 (F3)"))
        next_button.clicked.connect(self.next_requested)
        close_button = QToolButton(self)
        close_button.setText("✕")
        close_button.setToolTip(self.tr("关闭 (Esc)"))
        close_button.clicked.connect(self.close_bar)
        layout.addWidget(QLabel(self.tr("查找："), self))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.counter)
        layout.addWidget(prev_button)
        layout.addWidget(next_button)
        layout.addWidget(close_button)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)

    def open_bar(self, text: str = "") -> None:
        self.show()
        if text:
            self.field.setText(text)
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()


def source_text(doc: Document) -> str:
    """来源：file　第 3–5 页　格式 PDF for a paged source (PDF, OFD); 第 12–40 行　编码 gb18030 for text."""
    translate = QCoreApplication.translate
    if doc.pages:
        first, last = doc.pages
        if first == last:
            where = translate("ReadingPane", "第 %1 页").replace("%1", str(first))
        else:
            where = translate("ReadingPane", "第 %1–%2 页").replace("%1", str(first)).replace("%2", str(last))
    else:
        where = (translate("ReadingPane", "第 %1–%2 行")
                 .replace("%1", str(doc.first_line)).replace("%2", str(doc.last_line)))
    if doc.encoding.upper() in FORMAT_NAMES:
        kind = translate("ReadingPane", "格式 %1").replace("%1", FORMAT_NAMES[doc.encoding.upper()])
    else:
        kind = translate("ReadingPane", "编码 %1").replace("%1", doc.encoding)
    return translate("ReadingPane", "来源：%1").replace("%1", doc.file) + "　" + where + "　" + kind


FORMAT_NAMES = {"PDF": "PDF", "DOCX": "Word (.docx)", "OFD": "OFD"}
"""Document.encoding of a file read by reader.core.text.formats → the format's name shown."""


class ReadingPane(QWidget):
    """Header + legend + find bar + text, for one Document at a time."""

    docref_clicked = Signal(str)
    hit_status = Signal(str)
    highlight_toggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: Document | None = None
        self._query = ""
        self._find_text = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        self.header = QFrame(self)
        self.header.setObjectName("docHeader")
        header_layout = QVBoxLayout(self.header)
        header_layout.setContentsMargins(18, 12, 18, 10)
        header_layout.setSpacing(4)
        self.title_label = QLabel(self.header)
        self.title_label.setObjectName("docTitle")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta_label = QLabel(self.header)
        self.meta_label.setObjectName("docMeta")
        self.meta_label.setTextFormat(Qt.TextFormat.PlainText)
        self.meta_label.setWordWrap(True)
        self.meta_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source_label = QLabel(self.header)
        self.source_label.setObjectName("docSource")
        self.source_label.setTextFormat(Qt.TextFormat.PlainText)
        self.source_label.setWordWrap(True)
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # 打开原文件 beside the source: the main window binds it to its action (setDefaultAction)
        self.source_button = QToolButton(self.header)
        self.source_button.setObjectName("openSource")
        self.source_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.source_button.setAutoRaise(True)
        self.source_button.setVisible(False)
        source_row = QHBoxLayout()
        source_row.setContentsMargins(0, 0, 0, 0)
        source_row.addWidget(self.source_label, 1)
        source_row.addWidget(self.source_button, 0, Qt.AlignmentFlag.AlignTop)
        header_layout.addWidget(self.title_label)
        header_layout.addWidget(self.meta_label)
        header_layout.addLayout(source_row)

        self.legend = QFrame(self)
        self.legend.setObjectName("legend")
        legend_layout = QHBoxLayout(self.legend)
        legend_layout.setContentsMargins(18, 4, 18, 4)
        legend_layout.setSpacing(10)
        # the title and the four classes wrap onto a second row when the pane is narrow (an
        # English legend is wider than a 1024-pixel window's reading pane can hold beside
        # both panels)
        chips = QWidget(self.legend)
        chips_layout = FlowLayout(chips, spacing=10)
        legend_title = QLabel(self.tr("高亮："), chips)
        chips_layout.addWidget(legend_title)
        self.legend_boxes: dict[str, QCheckBox] = {}
        for kind, style in theme.HIGHLIGHTS.items():
            box = QCheckBox(theme.highlight_label(kind), chips)
            box.setObjectName(f"legend_{kind}")
            box.setChecked(True)
            box.setStyleSheet(
                f"QCheckBox {{ background: {style.background}; color: {style.foreground};"
                f" border-radius: 3px; padding: 1px 6px; }}"
            )
            box.toggled.connect(lambda on, k=kind: self.highlight_toggled.emit(k, on))
            self.legend_boxes[kind] = box
            chips_layout.addWidget(box)
        legend_layout.addWidget(chips, 1)
        self.hit_label = WholeLabel(self.legend)
        self.hit_label.setObjectName("hitCounter")
        self.hit_label.setTextFormat(Qt.TextFormat.PlainText)
        # the counter may shrink (it is in the status bar too): it never widens the pane
        self.hit_label.setMinimumWidth(1)
        legend_layout.addWidget(self.hit_label)

        self.find_bar = FindBar(self)
        self.find_bar.hide()
        self.find_bar.changed.connect(self._find_changed)
        self.find_bar.next_requested.connect(self.next_hit)
        self.find_bar.previous_requested.connect(self.previous_hit)
        self.find_bar.closed.connect(self._find_closed)

        self.view = ReadingView(self)
        self.view.docref_clicked.connect(self.docref_clicked)

        self.setMinimumWidth(READING_MIN_WIDTH)
        layout.addWidget(self.header)
        layout.addWidget(self.legend)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.view, 1)
        self.show_placeholder()

    # ------------------------------------------------------------ document
    def show_placeholder(self, message: str | None = None) -> None:
        self.document = None
        self.title_label.setText(self.tr("公文阅读器"))
        self.meta_label.setText(message or self.tr("在左侧目录中选择一篇公文，或在上方搜索全部公文。"))
        self.source_label.setText("")
        self.source_button.setVisible(False)
        self.view.set_content("", [])
        self._update_hit_label()

    def _date_text(self, m, unknown: str) -> str:
        """成文日期 for a signed document; for a law or resolution the role of its date (通过,
        公布…) and every other dated role its header prints (施行, 修正…)."""
        role = getattr(m, "date_role", "") or "成文"
        if role == "成文" and not getattr(m, "dated_roles", None):
            return self.tr("成文日期：%1").replace("%1", m.date or unknown)
        shown = [self.tr("%1日期：%2").replace("%1", role).replace("%2", m.date or unknown)]
        for r, d in getattr(m, "dated_roles", []) or []:
            if (r, d) != (role, m.date):
                shown.append(self.tr("%1：%2").replace("%1", r).replace("%2", d))
        return "　".join(shown)

    def show_document(self, doc: Document, query: str = "", links: Iterable[str] = ()) -> None:
        self.document = doc
        m = doc.meta
        self.title_label.setText(m.title or self.tr("（无标题）"))
        unknown = self.tr("未识别")
        parts = [
            self.tr("文号：%1").replace("%1", m.doc_number or unknown),
            self.tr("发文机关：%1").replace("%1", "、".join(m.issuers) or unknown),
            self._date_text(m, unknown),
            self.tr("文种：%1").replace("%1", m.kind or unknown),
        ]
        if m.year and (m.year_source == "issue" or not m.date):
            # no date of its own: the year from its 文号, or the gazette issue's
            year = (self.tr("年份：%1（取自本期）") if m.year_source == "issue" else self.tr("年份：%1"))
            parts.insert(3, year.replace("%1", str(m.year)))
        self.meta_label.setText("　　".join(parts))
        self.source_label.setText(source_text(doc))
        self.source_label.setToolTip(plain_tooltip(doc.file))
        self.source_button.setVisible(self.source_button.defaultAction() is not None)
        self.view.set_content(doc.text, doc.entities, links, doc.tables or tables_in_text(doc.text))
        self._query = query
        self._find_text = self.find_bar.field.text() if self.find_bar.isVisible() else ""
        self._refresh_hits(jump=True)

    def set_query(self, query: str) -> None:
        self._query = query
        if not self._find_text:
            self._refresh_hits(jump=True)

    def _active_hits(self) -> list[tuple[int, int]]:
        text = self.view.text()
        if not text:
            return []
        if self._find_text:
            return find_in_text(text, self._find_text)
        if self._query:
            return find_matches(text, self._query)
        return []

    def _refresh_hits(self, jump: bool) -> None:
        hits = self._active_hits()
        self.view.set_hits(hits)
        if hits and jump:
            self.view.go_to_hit(0)
        self._update_hit_label()

    def next_hit(self) -> None:
        self.view.next_hit()
        self._update_hit_label()

    def previous_hit(self) -> None:
        self.view.previous_hit()
        self._update_hit_label()

    def comfortable_width(self) -> int:
        """Wide enough for the legend on one row with a hit counter (第 99 / 99 处) beside it."""
        counter = self.hit_label.fontMetrics().horizontalAdvance(
            self.tr("第 %1 / %2 处").replace("%1", "99").replace("%2", "99"))
        return self.legend.sizeHint().width() - self.hit_label.sizeHint().width() + counter + 10

    def _update_hit_label(self) -> None:
        hits = self.view.hits()
        if not hits:
            searched = self._find_text or (self._query and query_has_words(self._query))
            text = self.tr("无匹配") if searched and self.document else ""
        else:
            current = self.view.current_hit() + 1
            text = self.tr("第 %1 / %2 处").replace("%1", str(max(current, 0) or "–")).replace("%2", str(len(hits)))
        self.hit_label.setText(text)
        self.find_bar.counter.setText(text)
        self.hit_status.emit(text)

    # ------------------------------------------------------------ find
    def open_find(self) -> None:
        selected = self.view.textCursor().selectedText()
        self.find_bar.open_bar(selected if selected and "\u2029" not in selected else "")

    def _find_changed(self, text: str) -> None:
        self._find_text = text
        self._refresh_hits(jump=True)

    def _find_closed(self) -> None:
        self._find_text = ""
        self._refresh_hits(jump=False)
        self.view.setFocus()

    # ------------------------------------------------------------ toggles and zoom
    def set_enabled_types(self, kinds: Iterable[str]) -> None:
        kinds = set(kinds)
        for kind, box in self.legend_boxes.items():
            box.blockSignals(True)
            box.setChecked(kind in kinds)
            box.blockSignals(False)
        self.view.set_enabled_types(kinds)

    def zoom(self, steps: int) -> None:
        self.view.set_font_size(self.view.font_size() + steps)

    def copy(self) -> None:
        self.view.copy()

