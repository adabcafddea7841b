"""Fill reader_en.ts with the English texts below, then build reader_en.qm.

    .venv/bin/pyside6-lupdate reader/ui/*.py -no-obsolete -ts resources/translations/reader_en.ts
    .venv/bin/python resources/translations/translate_en.py

The UI's source language is Simplified Chinese; READER_LANG=en starts it in English.
Strings missing here stay Chinese (and are listed when this script runs). Texts with a
count go through tr(text, "", n) and get their singular and plural in EN_PLURAL.
"""
from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
EN = {
    "公文阅读器": "Gongwen Reader",
    "离线阅读、检索和导出中文公文（政府公报、通知、意见、规划、纪要）。":
        "Read, search and export Chinese official documents offline (gazettes, notices, opinions, plans, minutes).",
    "高亮日期与时限、数量与指标、责任单位和引用文号。":
        "Highlights dates and deadlines, quantities, responsible units and cited document numbers.",
    "使用的开源软件：": "Open-source software used:",
    "关于公文阅读器": "About Gongwen Reader",
    "公文": "Documents",
    "未识别": "Unknown",
    "本文要素": "In this document",
    "单击：跳到文中位置；双击责任单位：在全部公文中搜索；双击引用文号：打开该公文":
        "Click: go to it in the text; double-click a unit: search all documents; double-click a cited number: open it",
    "打开文件夹": "Open Folder",
    "要素": "Entities",
    "任务": "Tasks",
    "任务台账(&T)…": "&Task Ledger…",
    "任务台账": "Task ledger",
    "无法列出本文任务：%1": "Cannot list this document's tasks: %1",
    "正在汇总全部公文中的任务…": "Gathering the tasks of all documents…",
    "正在汇总全部公文中的任务… %1/%2": "Gathering the tasks of all documents… %1/%2",
    "无法汇总任务：%1": "Cannot gather the tasks: %1",
    "%1 篇公文中的任务；双击一行打开公文。": "Tasks in %1 documents; double-click a row to open its document.",
    "单位，如 市经信局": "Unit, e.g. 市经信局",
    "年份": "Year",
    "时限，如 6月底": "Deadline, e.g. 6月底",
    "导出 CSV…": "Export CSV…",
    "共 %1 项任务": "%1 tasks",
    "导出任务台账": "Export the task ledger",
    "本文任务": "Tasks in this document",
    "条目": "Item",
    "牵头": "Lead",
    "配合": "With",
    "时限": "Deadline",
    "单击：跳到文中位置；双击：在全部公文中搜索牵头单位":
        "Click: go to it in the text; double-click: search all documents for the lead unit",
    "本文任务（%1）": "Tasks in this document (%1)",
    "正在打开公文库…": "Opening the library…",
    "正在搜索…": "Searching…",
    "正在读取公文库中的文件并建立索引，完成后公文将显示在左侧目录中。":
        "Reading the library's files and building the index; the documents will appear on the left.",
    "公文库中还没有公文。请用“文件 → 添加文件夹…”选择存放公文的文件夹。":
        "The library has no documents yet. Choose a folder with File → Add Folder….",
    "跳到文中位置": "Go to it in the text",
    "在全部公文中搜索“%1”": "Search all documents for “%1”",
    "导出公文": "Export documents",
    "将导出 %1 篇公文为文本文件。": "%1 documents will be exported as text files.",
    "浏览…": "Browse…",
    "目标文件夹：": "Folder:",
    "每篇公文一个文件": "One file per document",
    "合并为一个文件：": "One combined file:",
    "方式：": "Files:",
    "编码：": "Encoding:",
    "换行符：": "Line ends:",
    "已有同名文件时不会覆盖，而是另起新文件名。": "Existing files are never overwritten; a new name is chosen instead.",
    "导出": "Export",
    "选择导出文件夹": "Choose the export folder",
    "请选择目标文件夹。": "Please choose a folder.",
    "请填写合并文件的文件名。": "Please enter a name for the combined file.",
    "无法创建文件夹：%1": "Cannot create the folder: %1",
    "关闭": "Close",
    "导出失败：%1": "Export failed: %1",
    "已写入 %1 个文件：": "%1 files written:",
    "在本文中查找": "Find in this document",
    "上一处 (Shift+F3)": "Previous (Shift+F3)",
    "下一处 (F3)": "Next (F3)",
    "关闭 (Esc)": "Close (Esc)",
    "查找：": "Find:",
    "日期与时限": "Dates and deadlines",
    "数量与指标": "Quantities",
    "责任单位": "Responsible units",
    "引用文号": "Cited doc numbers",
    "筛选目录（标题、文号、机关）": "Filter (title, doc number, issuer)",
    "公文目录": "Documents",
    "搜索结果": "Results",
    "添加文件夹(&A)…": "&Add Folder…",
    "移除文件夹(&R)…": "&Remove Folder…",
    "重新扫描(&S)": "Re&scan",
    "导出所选(&E)…": "&Export Selected…",
    "无法读取的文件(&P)…": "Unreadable &Files…",
    "退出(&Q)": "&Quit",
    "复制(&C)": "&Copy",
    "全选(&A)": "Select &All",
    "在本文中查找(&F)…": "&Find in Document…",
    "下一处(&N)": "Find &Next",
    "上一处(&V)": "Find Pre&vious",
    "搜索全部公文(&S)": "&Search All Documents",
    "后退(&B)": "&Back",
    "放大(&I)": "Zoom &In",
    "缩小(&O)": "Zoom &Out",
    "原始大小(&R)": "&Reset Zoom",
    "本文要素侧栏(&P)": "Side &Panel",
    "关于公文阅读器(&A)": "&About Gongwen Reader",
    "文件(&F)": "&File",
    "编辑(&E)": "&Edit",
    "视图(&V)": "&View",
    "高亮": "Highlights",
    "帮助(&H)": "&Help",
    "取消": "Cancel",
    "停止建立索引（已读完的文件保留）": "Stop indexing (files read so far are kept)",
    "%1 个文件夹 · %2 个文件 · %3 篇公文": "%1 folders · %2 files · %3 documents",
    "⚠ %1 个文件无法读取": "⚠ %1 files could not be read",
    "索引 %v/%m": "Indexing %v/%m",
    "建立索引失败：%1": "Indexing failed: %1",
    "已取消建立索引": "Indexing cancelled",
    "索引已更新：新增 %1，修改 %2，移除 %3 个文件（%4 秒）":
        "Index updated: %1 new, %2 changed, %3 removed files (%4 s)",
    "添加文件夹到公文库": "Add a folder to the library",
    "移除文件夹": "Remove folder",
    "从公文库中移除（不删除文件）：": "Remove from the library (files are not deleted):",
    "搜索出错：%1": "Search error: %1",
    "无法搜索：%1": "Cannot search: %1",
    "%1 篇公文 · %2 处匹配": "%1 documents · %2 matches",
    "（显示前 %1 篇）": " (first %1 shown)",
    "搜索结果（%1）": "Results (%1)",
    "找不到这篇公文（索引可能正在更新）": "Document not found (the index may be updating)",
    "%1 — 公文阅读器": "%1 — Gongwen Reader",
    "库中没有 %1": "%1 is not in the library",
    "请先在目录或搜索结果中选择要导出的公文。": "Select documents in the tree or the results first.",
    "无法读取的文件": "Unreadable files",
    "以下 %1 个文件未能读取，其中的公文不在库中：":
        "These %1 files could not be read; their documents are not in the library:",
    "所有文件均已成功读取。": "All files were read.",
    "文件": "File",
    "原因": "Reason",
    "高亮：": "Highlights:",
    "在左侧目录中选择一篇公文，或在上方搜索全部公文。": "Choose a document on the left, or search all documents above.",
    "（无标题）": "(untitled)",
    "文号：%1": "Doc number: %1",
    "发文机关：%1": "Issuer: %1",
    "成文日期：%1": "Date: %1",
    "文种：%1": "Kind: %1",
    "来源：%1": "Source: %1",
    "来源：%1 第 %2 页": "Source: %1 page %2",
    "来源：%1 第 %2–%3 页": "Source: %1 pages %2–%3",
    "第 %1 页": "page %1",
    "第 %1–%2 页": "pages %1–%2",
    "第 %1–%2 行": "lines %1–%2",
    "格式 %1": "format %1",
    "编码 %1": "encoding %1",
    "公文文件 (*.txt *.md *.pdf *.docx *.ofd);;所有文件 (*)":
        "Documents (*.txt *.md *.pdf *.docx *.ofd);;All files (*)",
    "无匹配": "No matches",
    "第 %1 / %2 处": "%1 / %2",
    "搜索全部公文：标题、正文、文号…（Ctrl+K）": "Search all documents: title, text, doc number… (Ctrl+K)",
    "按相关度": "By relevance",
    "按日期（新→旧）": "By date (newest first)",
    "发文机关": "Issuer",
    "起始年份": "From year",
    "截止年份": "To year",
    "文种": "Kind",
    "排序": "Sort",
    "全部发文机关": "All issuers",
    "起始年": "From",
    "截止年": "To",
    "全部文种": "All kinds",
    "%1 处": "%1 hits",
    "日期未识别": "date unknown",
    # document tree by unit, 引用 tab, ledger filters and Excel export
    "按发文机关": "By issuer",
    "按责任单位": "By responsible unit",
    "筛选目录（标题、文号、机关、单位）": "Filter (title, doc number, issuer, unit)",
    "正在汇总各公文的责任单位…": "Gathering the responsible units of all documents…",
    "公文库中的公文没有列出责任单位的任务。": "No document in the library names units responsible for tasks.",
    "引用": "References",
    "引用关系": "References",
    "正在汇总引用关系…": "Gathering references…",
    "本文引用（%1）": "Cites (%1)",
    "被引用（%1）": "Cited by (%1)",
    "（公文库中没有）": "(not in the library)",
    "公文库中没有引用本文的公文": "No document in the library cites this one",
    "引用 %1 个文号 · 被 %2 篇公文引用": "Cites %1 numbers · cited by %2 documents",
    "单击：打开公文（灰色的文号不在公文库中，单击跳到文中位置）":
        "Click: open the document (grey numbers are not in the library: click goes to them in the text)",
    "牵头：": "Lead: ",
    "配合：": "With: ",
    "时限：": "Deadline: ",
    "牵头单位": "Lead units",
    "配合单位": "Cooperating units",
    "联系单位": "Liaison units",
    "牵头领导": "Lead officials",
    "完成时限": "Deadline",
    "目标指标": "Targets",
    "选中一项任务，这里显示全文、责任单位、时限和指标。":
        "Select a task to see its full text, units, deadline and targets here.",
    "时限文字，如 6月底": "Deadline text, e.g. 6月底",
    "时限自，如 2023-01": "Due from, e.g. 2023-01",
    "时限至，如 2023-06": "Due by, e.g. 2023-06",
    "完成时限不早于：年、年-月或年-月-日（6月底前按当年 6 月 30 日计）":
        ("Deadline no earlier than: year, year-month or year-month-day "
         "(6月底前 counts as June 30 of the document's year)"),
    "完成时限不晚于：年、年-月或年-月-日": "Deadline no later than: year, year-month or year-month-day",
    "共 %1 项任务（全部 %2 项）": "%1 tasks (of %2)",
    "　无法识别的日期：%1（请写 2023、2023-06 或 2023-06-30）":
        "  Unreadable date: %1 (write 2023, 2023-06 or 2023-06-30)",
    "导出 Excel…": "Export Excel…",
    "导出当前筛选和排序的任务（UTF-8 带 BOM，Excel 可直接打开）":
        "Export the tasks as filtered and sorted (UTF-8 with BOM, opens in Excel)",
    "导出当前筛选和排序的任务为 .xlsx 工作簿": "Export the tasks as filtered and sorted to an .xlsx workbook",
    "Excel 工作簿 (*.xlsx)": "Excel workbook (*.xlsx)",
    "无法写入 %1：%2": "Cannot write %1: %2",
    "已导出 %1 项任务到 %2": "Exported %1 tasks to %2",
    "另一个公文阅读器窗口正在使用这个索引：本窗口只读，不更新索引。":
        "Another Gongwen Reader window is using this index: this window only reads it and does not update it.",
    "（只读）": " (read-only)",
    "只读": "Read-only",
    "%1日期：%2": "Date (%1): %2",
    "%1：%2": "%1: %2",
    "文号": "Doc number",
    "年份：%1（取自本期）": "Year: %1 (the issue's)",
    "年份：%1": "Year: %1",
    "同名第%1篇，共%2篇": "same title, %1 of %2",
    "（第%1行起）": " (from line %1)",
    "（第%1页起）": " (from page %1)",
}
# Texts with a count (tr(text, "", n)): English singular and plural forms.
EN_PLURAL = {
    "%n 个文件夹": ("%n folder", "%n folders"),
    "%n 个文件": ("%n file", "%n files"),
    "%n 篇公文": ("%n document", "%n documents"),
    "%n 处匹配": ("%n match", "%n matches"),
    "（显示前 %n 篇）": (" (showing the first %n)", " (showing the first %n)"),
    "%n 处": ("%n match", "%n matches"),
}

sys.path.insert(0, str(HERE))
from translate_en_desk import EN as _DESK  # noqa: E402 (the desktop features' texts, kept apart)

EN.update(_DESK)


def main() -> int:
    ts = HERE / "reader_en.ts"
    tree = ET.parse(ts)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.find("source").text
        translation = message.find("translation")
        if message.get("numerus") == "yes" and source in EN_PLURAL:
            forms = translation.findall("numerusform")
            for form, text in zip(forms, EN_PLURAL[source]):
                form.text = text
            translation.attrib.pop("type", None)
        elif source in EN:
            translation.text = EN[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print("untranslated:", source)
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(ts), "-qm", str(HERE / "reader_en.qm")], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
