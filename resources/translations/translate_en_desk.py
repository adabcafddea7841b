"""English texts for the desktop-reader features (help, history, recent documents, fonts,
bookmarks and notes, printing, deadlines): merged into translate_en.EN."""
from __future__ import annotations

EN = {
    # help
    "搜索全部公文：标题、正文、文号…（Ctrl+K；语法见 F1）":
        "Search all documents: titles, text, document numbers… (Ctrl+K; syntax: F1)",
    "搜索语法(&S)": "&Search Syntax",
    "搜索语法": "Search syntax",
    "输入": "You type",
    "找到的公文": "Finds documents",
    "双击：用这个示例搜索": "Double-click: search with this example",
    "试一试": "Try it",
    "用所选示例搜索全部公文": "Search all documents with the selected example",
    "同时包含两个词（空格分隔的词须全部出现）": "containing both (words separated by spaces are ANDed)",
    "包含引号中的原文（含空格）；中文引号“…”同样可用":
        "containing the quoted text as it is, spaces included; “…” quotes work too",
    "包含任一个（也可写 通知 | 意见）；OR 比空格结合得更紧：外贸 金融 OR 财政 = 外贸 且（金融 或 财政）":
        ("containing either (also 通知 | 意见); OR binds tighter than the spaces: "
         "外贸 金融 OR 财政 = 外贸 and (金融 or 财政)"),
    "包含“市政府”但不包含“办公厅”": "containing 市政府 but not 办公厅",
    "发文机关（原文或规范名称）包含“财政局”；也可写 issuer:":
        "whose issuer (as printed or canonical) contains 财政局; also issuer:",
    "成文于该年份；year:2021-2023 或 年份:2021至2023 表示年份范围":
        "dated in that year; year:2021-2023 or 年份:2021至2023 for a range",
    "文号包含该文字；[2022]、（2022）都按〔2022〕读；也可写 docno:":
        "whose 文号 contains it ([2022], （2022） are read as 〔2022〕); also docno:",
    "按文种；也可写 kind:": "by kind (文种); also kind:",
    "按标题；也可写 title:": "by title; also title:",
    "按任务中的责任单位（原文或规范名称）；也可写 unit:":
        "by a responsible unit of the document's tasks (as printed or canonical); also unit:",
    "自己写的批注包含该文字；也可写 批注: 或 note:": "with a note of yours containing the text; also 批注: or note:",
    "字段条件也可取反（-）或用 OR 连接；全角冒号“：”与“:”相同":
        "field filters can be negated (-) and ORed; ：works like :",
    "搜索找到的正是在正文中按 Ctrl+F 能找到的内容：全角与半角、“…”与“...”视为相同，"
    "英文字母不分大小写；不按词典切词，“金融监管”也能找到“市地方金融监管局”。":
        "Search finds exactly what Ctrl+F finds in the reading text: full-width and half-width forms "
        "are equal, “…” equals “...”, Latin letters ignore case; no dictionary decides what a word is, "
        "so 金融监管 also finds 市地方金融监管局.",
    "像运算符的文字加引号即按原文搜索（\"OR\"、\"-1\"、\"责任单位：市\"）。"
    "无法执行的查询（单独的 OR 或 -、年份:abc、超过 1000 个字符）会说明原因。"
    "结果按相关度（标题和文号加权）或日期排序。双击一个示例即可试用。":
        "Text that looks like an operator is searched as text when quoted (\"OR\", \"-1\", \"责任单位：市\"). "
        "A query that cannot be run (a lone OR or -, 年份:abc, more than 1000 characters) says why. "
        "Results are ranked by relevance (title and 文号 weighted up) or by date. Double-click an example to try it.",
    # history and recent documents
    "前进(&W)": "&Forward",
    "回到上一篇公文（Alt+←）": "Back to the previous document (Alt+←)",
    "回到后退前的公文（Alt+→）": "Forward to the document you went back from (Alt+→)",
    "最近打开(&R)": "&Recent Documents",
    "（无）": "(none)",
    "清除列表": "Clear the list",
    "找不到“%1”：文件可能已移动或已从公文库中移除": "Cannot find “%1”: the file may have moved or left the library",
    # source files
    "打开原文件(&O)": "&Open Source File",
    "打开所在文件夹(&D)": "Open Containing &Folder",
    "打开原文件": "Open source file",
    "打开所在文件夹": "Open containing folder",
    "没有打开的公文": "No document is open",
    "找不到 %1（可能已移动或删除）": "Cannot find %1 (moved or deleted?)",
    "系统无法打开 %1": "The system cannot open %1",
    # single files, drag and drop
    "单个文件": "Single files",
    "用 Ctrl+Shift+O 或把文件拖到窗口上，即可单独打开一个文件，不加入公文库。":
        "Open a file on its own with Ctrl+Shift+O or by dropping it on the window; it is not added to the library.",
    "打开单个文件(&F)…": "Open &File…",
    "阅读一个文件而不把它的文件夹加入公文库": "Read one file without adding its folder to the library",
    "关闭此文件": "Close this file",
    "把所在文件夹加入公文库": "Add its folder to the library",
    "打开单个文件": "Open a single file",
    "正在读取 %1…": "Reading %1…",
    "无法读取 %1：%2": "Cannot read %1: %2",
    "%1：%2 篇公文（单个文件，未加入公文库）": "%1: %2 documents (a single file, not added to the library)",
    "%1 已在公文库中": "%1 is already in the library",
    "加入公文库": "Add to the library",
    "把文件夹“%1”加入公文库？其中所有 .txt 文件都会被读取并建立索引（文件本身不会被改动）。":
        ("Add the folder “%1” to the library? "
         "Every .txt file in it will be read and indexed (the files themselves are never changed)."),
    # fonts
    "字体(&N)…": "Fo&nt…",
    "阅读字体": "Reading font",
    "默认（界面字体）": "Default (interface font)",
    "仿宋": "FangSong",
    "宋体": "Song",
    "楷体": "Kai",
    "黑体": "Hei",
    " 磅": " pt",
    "字体：": "Typeface:",
    "字号：": "Size:",
    "行距：": "Line spacing:",
    "只列出本机已安装的字体；缺字时自动用思源/Noto 中文字体补足。":
        ("Only the typefaces installed on this computer are listed; "
         "characters a face lacks come from Noto/Source Han CJK fonts."),
    # stars, read marks, notes
    "收藏本文(&B)": "&Bookmark This Document",
    "已读(&D)": "Rea&d",
    "打开公文即标为已读；取消勾选可标回未读": "Opening a document marks it read; untick to mark it unread again",
    "添加批注(&M)…": "Add a &Note…",
    "收藏与批注": "Bookmarks and notes",
    "收藏": "Bookmarks",
    "批注": "Notes",
    "批注（%1）": "Notes (%1)",
    "已收藏": "Bookmarked",
    "已取消收藏": "Bookmark removed",
    "批注内容：": "Note:",
    "对“%1”的批注：": "Note on “%1”:",
    "添加批注": "Add a note",
    "编辑批注": "Edit the note",
    "删除批注": "Delete the note",
    "删除这条批注？": "Delete this note?",
    "还没有收藏的公文。打开一篇公文后按 Ctrl+D 收藏。":
        "No bookmarks yet. Open a document and press Ctrl+D to bookmark it.",
    "添加批注…": "Add a note…",
    "选中一段文字再添加，即为该段的批注；不选则为全文批注":
        "Select a passage first to note on it; with nothing selected the note is on the whole document",
    "编辑批注…": "Edit the note…",
    "（原文已改动，找不到这段文字）": "(the text changed: this passage is no longer found)",
    "本文批注（%1）": "Notes on this document (%1)",
    "打开一篇公文后可添加批注。": "Open a document to add notes.",
    "未读 %1": "%1 unread",
    # print, PDF
    "打印(&P)…": "&Print…",
    "导出为 PDF(&D)…": "Export as P&DF…",
    "打印预览 — %1": "Print preview — %1",
    "等%1篇": " and others (%1)",
    "导出为 PDF": "Export as PDF",
    "PDF 文件 (*.pdf)": "PDF files (*.pdf)",
    "已导出 %1 篇公文到 %2": "Exported %1 documents to %2",
    "来源：%1 第 %2–%3 行": "Source: %1 lines %2–%3",
    "请先打开或选择要打印的公文。": "Open or select the documents to print first.",
    "所选范围有 %1 篇公文，全部排版可能要一些时间。继续？":
        "The selection holds %1 documents; laying them all out may take a while. Continue?",
    "打印": "Print",
    "打印所选的公文（目录或搜索结果中的选择），或打开的公文":
        "Print the selected documents (in the tree or the search results), or the open one",
    "所选的 %1 篇公文": "The %1 selected documents",
    "当前打开的公文": "The open document",
    "打印高亮标记": "Print highlights",
    "用阅读区的颜色标出日期与时限、数量与指标、责任单位和引用文号（阅读区“高亮”中勾选的类别）；不勾选则只印文字":
        "Mark dates and deadlines, quantities, responsible units and cited numbers in the reading pane's colours "
        "(the classes ticked under 高亮 there); unticked, only the text is printed",
    "打印：": "Print:",
    "%1 篇公文": "%1 documents",
    "，共 %1 页": ", %1 pages",
    "第 %1 页 共 %2 页": "Page %1 of %2",
    "无法开始打印": "Cannot start printing",
    "无法开始新的一页": "Cannot start a new page",
    # deadlines
    "时限提醒(&L)…": "Dead&lines…",
    "时限提醒": "Deadlines",
    "今天：%1": "Today: %1",
    "按责任单位筛选，如 市财政局": "Filter by responsible unit, e.g. 市财政局",
    "剩余": "Left",
    ("按印发的完成时限计算（如“6月底前”按公文当年 6 月 30 日）；"
     "没有具体日期的任务（如“长期坚持”）不列出。双击一项打开公文。"):
        ("Counted from the deadlines as printed (6月底前 is June 30 of the document's year); "
         "tasks without a date (长期坚持) are not listed. Double-click one to open its document."),
    "已逾期（%1）": "Overdue (%1)",
    "本周到期（%1）": "Due this week (%1)",
    "本月到期（%1）": "Due this month (%1)",
    "以后（%1）": "Later (%1)",
    "逾期 %1 天": "%1 days overdue",
    "今天": "today",
    "%1 天": "%1 days",
    "原文时限：%1": "Deadline as printed: %1",
    "%1 项有时限的任务": "%1 tasks with a deadline",
    # Word export
    "格式：": "Format:",
    "文本（.txt）": "Text (.txt)",
    "Word 文档（.docx）": "Word document (.docx)",
    "将导出 %1 篇公文为 Word 文档。": "%1 documents will be exported as Word documents.",
    # the tree's 按来源文件 view
    "按来源文件": "By source file",
    "目录的分组方式：发文机关 → 年份，任务中的责任单位（规范名称），或来源文件（一期公报）→ 其中的公文（按印刷顺序）":
        "How the tree groups documents: issuer → year, the responsible units named in tasks (canonical names), "
        "or source file (a gazette issue) → its documents in print order",
    # the export dialog's list
    "标题": "Title",
    "（找不到这篇公文）": "(document not found)",
    "（无标题）": "(no title)",
}
