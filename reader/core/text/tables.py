"""Tables in a reading text, and the layout markup converters leave in text files.

A table reaches the reader in one of three shapes:

1. tab-separated rows ("序号\\t指标\\t2020基期值\\t2025目标值"), one source line per row;
2. column-aligned rows, cells set apart by runs of two or more spaces;
3. HTML ``<table>`` markup a converter left on one line (``<tr><td rowspan="5">…</td>…``).

Reflow turns all three into row paragraphs whose cells are separated by tabs
(``table_row_texts`` expands shape 3; markup is read by a tokenizer, never rendered), and
``tabulate`` gathers runs of two or more such paragraphs into ``Table``s: it pads every row
to the table's column count, so a reading text's table rows always hold exactly
``columns - 1`` tabs. The reading pane relies on that: a QTextTable's cells then sit at the
very offsets of the cells in the reading text.

Other layout markup (``<p>``, ``</p>``, ``<br>``, ``<ol style=…>``, ``<li>``, ``**bold**``) is
dropped by ``strip_layout_markup``, its content kept. Any other tag (``<b>``, ``<script>``,
``<img>`` …) is text and stays as printed.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from html.parser import HTMLParser
from itertools import accumulate

from reader.core.model import Table

# ── layout markup ───────────────────────────────────────────────────────────

_LAYOUT_TAG = re.compile(r"</?(?:p|br|ol|ul|li)(?:\s[^<>]{0,200})?\s*/?>", re.IGNORECASE)
_BOLD_MARK = re.compile(r"\*\*")


def strip_layout_markup(text: str) -> str:
    """Drop <p>, </p>, <br>, <ol …>, <ul>, <li> and ** marks; keep what they enclosed."""
    if "<" in text:
        text = _LAYOUT_TAG.sub(" ", text)
    if "**" in text:
        text = _BOLD_MARK.sub("", text)
    return strip_keeping_tabs(text)


SPACE_NOT_TAB = (
    "\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
"""Every whitespace character (str.isspace, regex \\s) but the tab."""


def strip_keeping_tabs(text: str) -> str:
    """Outer spaces go, outer tabs stay: they are a table row's empty first and last cells."""
    return text.strip(SPACE_NOT_TAB)


# ── HTML tables ─────────────────────────────────────────────────────────────

_TABLE_MARKUP = re.compile(r"<table\b[^<>]*>.*?</table\s*>", re.IGNORECASE | re.DOTALL)
_CELL_SPACE = re.compile(r"\s+")
MAX_SPAN = 50
"""rowspan/colspan values are capped: a garbled attribute must not build a huge grid."""


class _TableReader(HTMLParser):
    """Rows of cell texts from one <table>…</table>; rowspan/colspan leave empty cells."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None
        self._row: dict[int, str] | None = None
        self._pending: dict[tuple[int, int], bool] = {}  # cells covered by a rowspan above
        self._colspan = 1
        self._rowspan = 1

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "tr":
            self._finish_row()
            self._row = {}
        elif tag in ("td", "th"):
            if self._row is None:
                self._row = {}
            self._finish_cell()
            values = dict(attrs)
            self._colspan = _span(values.get("colspan"))
            self._rowspan = _span(values.get("rowspan"))
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._finish_cell()
        elif tag in ("tr", "table"):
            self._finish_row()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def _finish_cell(self) -> None:
        if self._cell is None or self._row is None:
            return
        text = _CELL_SPACE.sub(" ", strip_layout_markup("".join(self._cell))).strip()
        r = len(self.rows)
        col = 0
        while col in self._row or (r, col) in self._pending:
            col += 1
        for k in range(self._colspan):
            self._row[col + k] = text if k == 0 else ""
            for down in range(1, self._rowspan):
                self._pending[(r + down, col + k)] = True
        self._cell = None

    def _finish_row(self) -> None:
        self._finish_cell()
        if self._row is None:
            return
        r = len(self.rows)
        width = max([*self._row, *(c for (rr, c) in self._pending if rr == r)], default=-1) + 1
        self.rows.append([self._row.get(c, "") for c in range(width)])
        self._row = None


def _span(value: str | None) -> int:
    try:
        return max(1, min(MAX_SPAN, int(value or 1)))
    except ValueError:
        return 1


def table_row_texts(text: str) -> list[str] | None:
    """A line holding <table> markup → its paragraphs: the text before the table, one
    tab-separated paragraph per row, the text after it. None when there is no table.

    Converters often print the table's cells once more, flat and tab-separated, after the
    markup; that copy is dropped (its words are the table's, in the same order).
    """
    m = _TABLE_MARKUP.search(text)
    if m is None:
        return None
    reader = _TableReader()
    reader.feed(m.group(0))
    reader.close()
    rows = [row for row in reader.rows if any(row)]
    if not rows:
        return None
    before = text[: m.start()].strip(" \t")
    after = text[m.end():].strip(" \t")
    cells = [c for row in rows for c in row if c]
    flat = [c.strip() for c in after.split("\t") if c.strip()]
    if flat and flat == cells:
        after = ""
    out = [p for p in (before,) if p]
    out += ["\t".join(row) for row in rows]
    if after:
        out.append(after)
    return out


# ── tables in a reading text ────────────────────────────────────────────────

_ALIGNED_GAP = re.compile(r"(?<=\S)(?: {2,}|\u3000{2,})(?=\S)")
MIN_TABLE_ROWS = 2
"""One tab-separated line is a label and its value; a table has at least two rows."""


def row_cells(paragraph: str) -> list[str] | None:
    """The cells of a paragraph that is a table row, else None."""
    if "\t" not in paragraph and "  " not in paragraph and "\u3000\u3000" not in paragraph:
        return None
    if "\t" in paragraph:
        cells = [c.strip() for c in paragraph.split("\t")]
    elif len(_ALIGNED_GAP.findall(paragraph)) >= 2:
        cells = [c.strip() for c in _ALIGNED_GAP.split(paragraph)]
    else:
        return None
    printed = len(cells)
    while cells and not cells[-1]:
        cells.pop()
    # a row of three or more printed cells is a row even with one filled: a section row
    # ("持续巩固深化…\t\t\t\t\t") or the rest of a wrapped cell ("\t\t\t…持证上岗。\t\t\t")
    return cells if len(cells) >= 2 or (cells and printed >= 3) else None


def _may_hold_rows(texts: list[str]) -> bool:
    """Can row_cells take any of these paragraphs for a row? Not without a tab or a double
    space (its first test, asked here of all of them at once: joined by "\n", no such pair can
    straddle two paragraphs). When none can, _join_cut_rows and _join_wrapped_cells join
    nothing and no table is found."""
    blob = "\n".join(texts)
    return "\t" in blob or "  " in blob or "\u3000\u3000" in blob


def _printed_width(paragraph: str) -> int:
    """How many cells a tab-separated row printed, its empty last ones included."""
    return paragraph.count("\t") + 1 if "\t" in paragraph else len(row_cells(paragraph) or ())


def tabulate(paragraphs: Sequence[tuple[str, int, int]]) -> tuple[list[str], list[Table]]:
    """(paragraph, first source line, last source line) → the reading text's paragraphs, with
    every table's rows rewritten as padded tab-separated cells, and the tables found.

    Only whitespace changes: cells lose their outer spaces, aligned gaps become tabs, short
    rows get empty cells at the end.
    """
    texts = [p for p, _, _ in paragraphs]
    if not _may_hold_rows(texts):
        return texts, []  # no paragraph is a row (most documents): nothing to join or pad
    cells_of = _row_cells_memo()  # (one memo for the joins and the rows: most paragraphs stay as they were)
    paragraphs = _join_wrapped_cells(_join_cut_rows(paragraphs, cells_of))
    texts = [p for p, _, _ in paragraphs]
    cells = [cells_of(p) for p in texts]
    # rows read from one line's <table> markup make a table of their own (a converter may
    # print the same table again below it, as tab-separated lines)
    per_line = Counter(first for _, first, last in paragraphs if first == last)
    markup = [first == last and per_line[first] > 1 for _, first, last in paragraphs]
    tables: list[Table] = []
    offsets: list[int] = []  # (read only when a table is found)
    k = 0
    while k < len(texts):
        if cells[k] is None:
            k += 1
            continue
        j = k
        while j + 1 < len(texts) and cells[j + 1] is not None and markup[j + 1] == markup[k]:
            j += 1
        if j - k + 1 >= MIN_TABLE_ROWS:
            rows = _pad([cells[m] for m in range(k, j + 1)], [_printed_width(texts[m]) for m in range(k, j + 1)])
            for m, row in zip(range(k, j + 1), rows):
                texts[m] = "\t".join(row)
            tables.append(Table(rows=rows, first_line=min(paragraphs[m][1] for m in range(k, j + 1)),
                                last_line=max(paragraphs[m][2] for m in range(k, j + 1)), start=k, end=j))
        k = j + 1
    # paragraph indices → character offsets in "\n".join(texts)
    if tables:
        offsets = list(accumulate([len(t) + 1 for t in texts], initial=0))
    for t in tables:
        first, last = t.start, t.end
        t.start = offsets[first]
        t.end = offsets[last] + len(texts[last])
    return texts, tables


def _row_cells_memo() -> Callable[[str], list[str] | None]:
    """row_cells of each paragraph text, read once: a paragraph is asked about as the line, the
    row before and the row before that, and again when the tables are gathered."""
    memo: dict[str, list[str] | None] = {}

    def cells_of(text: str) -> list[str] | None:
        if text not in memo:
            memo[text] = row_cells(text)
        return memo[text]

    return cells_of


def _join_cut_rows(paragraphs: Sequence[tuple[str, int, int]],
                   cells_of: Callable[[str], list[str] | None] = row_cells) -> list[tuple[str, int, int]]:
    """A row whose last cell stops after a comma, with fewer cells than the row before, was
    cut inside that cell: "1\t新建城市公园5个，" / "改造提升口袋公园20个\t区住建局\t…" is one row.
    cells_of: row_cells, or a memo of it (_row_cells_memo)."""
    out: list[tuple[str, int, int]] = []
    for k, (text, first, last) in enumerate(paragraphs):
        nxt = cells_of(text)
        if out and nxt is None and k + 1 < len(paragraphs) and _cut_cell(out, paragraphs[k + 1][0], cells_of):
            # "…6. 消防控制室操作" / "人员未按GB25506的规定持证上岗。" / "2\t…": the rest of the cell
            prev, p_first, _ = out[-1]
            out[-1] = (prev + text, p_first, last)
            continue
        if out and nxt:
            prev, p_first, _ = out[-1]
            cells = cells_of(prev)
            before = cells_of(out[-2][0]) if len(out) > 1 else None
            if (cells and before and len(cells) < len(before) and _OPEN_CELL.search(cells[-1])
                    and len(cells) + len(nxt) - 1 <= len(before)):
                out[-1] = (prev.rstrip() + text.lstrip(), p_first, last)
                continue
        out.append((text, first, last))
    return out


WRAPPED_CELL_MIN = 20
"""A cell this long may wrap onto a line of its own; a shorter one ("排水设施建设") is a label,
and a lone cell under it a row of its own."""
_ITEM_START = re.compile(r"^(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）])")


def _join_wrapped_cells(paragraphs: Sequence[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A tab-separated row with an empty first cell whose other cells all sit under cells of
    the row above that are long and stop mid-sentence holds the rest of those cells, wrapped onto a line
    of their own: "1\t太平洋大厦\t…\t…6. 消防控制室操作\t…" / "\t\t\t人员未按…规定持证上岗。\t\t\t" is
    one row. A row that starts an item of its own ("2. 对城中村…") or fills a cell whose
    neighbour above is finished is a row of its own (a sub-row under a merged cell)."""
    out: list[tuple[str, int, int]] = []
    for text, first, last in paragraphs:
        if out and "\t" in text and "\t" in out[-1][0]:
            above = [c.strip() for c in out[-1][0].split("\t")]
            cells = [c.strip() for c in text.split("\t")]
            filled = [i for i, c in enumerate(cells) if c]
            if (filled and not cells[0] and len(filled) <= max(1, len(above) // 2)
                    and all(i < len(above) and len(above[i]) >= WRAPPED_CELL_MIN and not _CELL_END.search(above[i])
                            and not _ITEM_START.match(cells[i]) for i in filled)):
                for i in filled:
                    above[i] += _cell_glue(above[i], cells[i]) + cells[i]
                out[-1] = ("\t".join(above), out[-1][1], last)
                continue
        out.append((text, first, last))
    return out


def _cell_glue(left: str, right: str) -> str:
    """A space between two Latin words or numbers, none between Chinese characters."""
    return " " if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum() else ""


def _pad(rows: list[list[str]], printed: list[int] | None = None) -> list[list[str]]:
    """Rows made as wide as the widest. A short row under a cell printed once for several
    rows (a rowspan lost in extraction) gets its empty cells first: in a numbered table, a
    row that does not start with a number; elsewhere, a row one cell short whose last cell
    ends like the last column's cells (…区经信局). The first row (the header), rows that
    printed all their cells (empty ones as tabs) and other short rows end empty."""
    width = max(len(r) for r in rows)
    printed = printed or [len(r) for r in rows]
    full = [r for r in rows[1:] if len(r) == width]
    numbers = sum(1 for r in full if _is_number(r[0]))
    numbered = bool(full) and numbers > len(full) / 2
    last_ends = {r[-1][-1:] for r in full if r[-1]}
    by_second = _numbered_by_second_column(rows)
    out = []
    for n, r in enumerate(rows):
        missing = width - len(r)
        if by_second and n and missing and _is_number(r[0]) and not (len(r) > 1 and _is_number(r[1])):
            # "9\t高校高水平学科数…\t6\t8" in a table whose numbers stand in the second column
            # under a group cell ("学有优教"): the group cell printed once is missing
            out.append([""] + r + [""] * (missing - 1))
            continue
        under_span = n and missing and full and printed[n] < width and (
            (numbered and not _is_number(r[0]))
            or (not numbered and missing == 1 and r[-1][-1:] in last_ends
                and r[0] not in {f[0] for f in full}))
        out.append([""] * missing + r if under_span else r + [""] * missing)
    return out


def _numbered_by_second_column(rows: list[list[str]]) -> bool:
    """Most rows carry their item number in the second column (the first groups them)."""
    second = sum(1 for r in rows[1:] if len(r) > 1 and _is_number(r[1]))
    return second > (len(rows) - 1) / 2


def _is_number(cell: str) -> bool:
    return cell.rstrip(".、．").isdigit()


_OPEN_CELL = re.compile(r"[，、,（(《“]$")
_CELL_END = re.compile(r"[。！？；：!?;:…）)”’》】〕]$")


def _cut_cell(out: list[tuple[str, int, int]], following: str, cells_of=row_cells) -> bool:
    """The row before stops inside its last cell (it is shorter than the row above it, and
    its last cell ends no sentence) and the table goes on after this line. A full row whose
    overflow is printed under it is left alone: which cell the words belong to is unknown."""
    cells = cells_of(out[-1][0])
    if not cells or len(out) < 2:
        return False
    before = cells_of(out[-2][0])
    return (bool(before) and len(cells) < len(before)
            and cells_of(following) is not None and not _CELL_END.search(cells[-1]))


def aligned_rows(table: Table, gap: int = 2) -> list[str]:
    """The table as lines of text whose columns line up in a monospaced font (CJK = 2 cells)."""
    width = [0] * max((len(r) for r in table.rows), default=0)
    for row in table.rows:
        for c, cell in enumerate(row):
            width[c] = max(width[c], text_columns(cell))
    lines = []
    for row in table.rows:
        parts = [cell + " " * (width[c] - text_columns(cell)) for c, cell in enumerate(row)]
        lines.append((" " * gap).join(parts).rstrip())
    return lines


def text_columns(text: str) -> int:
    """Monospaced columns: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def tables_in_text(text: str) -> list[Table]:
    """The tables of a reading text that holds them as tabulate writes them (padded
    tab-separated rows); source lines unknown (0). For documents stored without tables."""
    paragraphs = [(p, 0, 0) for p in text.split("\n")]
    _, found = tabulate(paragraphs)
    return [t for t in found if text[t.start:t.end] == "\n".join("\t".join(r) for r in t.rows)]
