"""The task ledger (任务台账) as files: CSV for Excel (UTF-8 with BOM) and XLSX (openpyxl).

Rows are (document, task) pairs: the document is a reader.core.model.Document (its .meta
and .file are read), the task a reader.core.ledger.tasks.Task. The CLI (`reader tasks --csv/--xlsx`)
and the GUI's 台账 window write through these functions, so both give the same columns.

deadline_date() reads a deadline as printed (6月底前, 2023年3月31日前, 年底前) as the last day
it allows, for sorting and for filtering the ledger by a date range.
"""
from __future__ import annotations

import calendar
import csv
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

LEDGER_COLUMNS = (
    "公文标题", "文号", "发文机关", "成文日期", "条目", "任务内容", "牵头单位", "牵头单位（规范名称）",
    "配合单位", "配合单位（规范名称）", "牵头领导", "完成时限", "目标指标", "类型", "文件", "起始位置", "结束位置",
)
KIND_NAMES = {"item": "条目", "sentence": "语句", "table": "表格", "duty": "分工"}

# Column widths in the XLSX (characters); the task text gets the room.
_XLSX_WIDTHS = (30, 18, 18, 11, 10, 60, 20, 24, 24, 28, 10, 16, 16, 6, 24, 8, 8)


def _units_text(units, canonical: bool) -> str:
    return "、".join(u.canonical if canonical else u.printed for u in units)


def ledger_row(doc, t) -> list:
    """One task as the ledger's cells, in LEDGER_COLUMNS order (positions stay ints)."""
    m = doc.meta
    return [
        m.title, m.doc_number or "", "、".join(m.issuers), m.date or "", t.path, t.text,
        _units_text(t.lead_units, False), _units_text(t.lead_units, True),
        _units_text(t.cooperating_units, False), _units_text(t.cooperating_units, True),
        "、".join(t.lead_officials), "；".join(t.deadlines), "；".join(t.targets),
        KIND_NAMES.get(t.kind, t.kind), doc.file, t.start, t.end,
    ]


def write_csv(rows: Iterable[tuple], stream) -> int:
    """The ledger as CSV into an open text stream: CRLF rows, Chinese column names. Open the
    file with encoding="utf-8-sig", newline="" (the BOM is what makes Excel read UTF-8)."""
    w = csv.writer(stream, lineterminator="\r\n")
    w.writerow(LEDGER_COLUMNS)
    n = 0
    for doc, t in rows:
        w.writerow(ledger_row(doc, t))
        n += 1
    return n


def save_csv(rows: Iterable[tuple], path: str | Path) -> int:
    """write_csv into a file, UTF-8 with BOM."""
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        return write_csv(rows, f)


_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _cell(value):
    # openpyxl refuses C0 controls (IllegalCharacterError); a formula-looking text stays text.
    if isinstance(value, str):
        return _ILLEGAL_XML.sub("\ufffd", value)
    return value


def write_xlsx(rows: Iterable[tuple], path: str | Path, *, sheet_title: str = "任务台账") -> int:
    """The ledger as an Excel workbook: a bold, frozen header row with a filter, wrapped task
    text, every cell stored as text (a 文号 or a date is never turned into a number or formula)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title
    ws.append(list(LEDGER_COLUMNS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    n = 0
    for doc, t in rows:
        values = [_cell(v) for v in ledger_row(doc, t)]
        ws.append(values)
        n += 1
        for cell in ws[n + 1]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # '=SUM(…)' in a document stays text
            cell.alignment = wrap
    for i, width in enumerate(_XLSX_WIDTHS, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(LEDGER_COLUMNS))}{n + 1}"
    wb.save(str(path))
    return n


# ---------------------------------------------------------------- deadlines as dates
_YMD = re.compile(r"(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日|(底|末|中旬|上旬|下旬|中))?")
_YEAR_END = re.compile(r"(?:(\d{4})\s*年\s*)?(?:年底|年末|年内|底前|年前)")
_ISO = re.compile(r"(\d{4})[-./](\d{1,2})(?:[-./](\d{1,2}))?")
_YEAR_ONLY = re.compile(r"(\d{4})\s*年")


def deadline_date(text: str, default_year: int | None = None) -> date | None:
    """The last day a printed deadline allows: 6月底前 → June 30 of default_year,
    2023年3月31日前 → 2023-03-31, 年底前 → Dec 31, 2024年 → 2024-12-31, 上旬 → the 10th,
    中旬 → the 20th. None when it names no date (持续推进, 长期坚持) or no year is known."""
    text = (text or "").translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    m = _ISO.search(text)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        day = int(m.group(3)) if m.group(3) else None
        return _make(y, mo, day)
    m = _YMD.search(text)
    if m:
        y = int(m.group(1)) if m.group(1) else default_year
        if y is None:
            return None
        mo = int(m.group(2))
        if m.group(3):
            return _make(y, mo, int(m.group(3)))
        part = m.group(4) or ""
        if part == "上旬":
            return _make(y, mo, 10)
        if part in ("中旬", "中"):
            return _make(y, mo, 20)
        return _make(y, mo, None)
    m = _YEAR_END.search(text)
    if m:
        y = int(m.group(1)) if m.group(1) else default_year
        return date(y, 12, 31) if y else None
    m = _YEAR_ONLY.search(text)
    if m:
        return date(int(m.group(1)), 12, 31)
    return None


def _make(y: int, mo: int, day: int | None) -> date | None:
    if not (1 <= mo <= 12) or not (1900 <= y <= 2200):
        return None
    last = calendar.monthrange(y, mo)[1]
    if day is None:
        return date(y, mo, last)
    return date(y, mo, day) if 1 <= day <= last else None


def task_deadline_dates(t, default_year: int | None = None) -> list[date]:
    """The dates of a task's deadlines (those that name one), earliest first."""
    return sorted(d for d in (deadline_date(x, default_year) for x in t.deadlines) if d is not None)


def parse_date_bound(text: str, *, end: bool) -> date | None:
    """A range bound typed by the user: 2023 / 2023-6 / 2023-06-30 / 2023年6月; `end` picks the
    last day of a year or month, otherwise the first. None for empty or unreadable text."""
    text = (text or "").strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    m = re.fullmatch(r"(\d{4})\s*(?:年)?(?:\s*[-./]?\s*(\d{1,2})\s*(?:月)?(?:\s*[-./]?\s*(\d{1,2})\s*(?:日)?)?)?", text)
    if not m:
        return None
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if mo is None:
        return date(y, 12, 31) if end else date(y, 1, 1)
    if day is None:
        return _make(y, mo, None) if end else _make(y, mo, 1)
    return _make(y, mo, day)
