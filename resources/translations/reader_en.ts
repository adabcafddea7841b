<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>About</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="82" />
        <source>公文阅读器</source>
        <translation>Gongwen Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="83" />
        <source>离线阅读、检索和导出中文公文（政府公报、通知、意见、规划、纪要）。</source>
        <translation>Read, search and export Chinese official documents offline (gazettes, notices, opinions, plans, minutes).</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="85" />
        <source>高亮日期与时限、数量与指标、责任单位和引用文号。</source>
        <translation>Highlights dates and deadlines, quantities, responsible units and cited document numbers.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="86" />
        <source>使用的开源软件：</source>
        <translation>Open-source software used:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="97" />
        <source>关于公文阅读器</source>
        <translation>About Gongwen Reader</translation>
    </message>
</context>
<context>
    <name>DeadlinesDialog</name>
    <message>
        <location filename="../../reader/ui/deadlines.py" line="47" />
        <source>时限提醒</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <location filename="../../reader/ui/deadlines.py" line="51" />
        <source>今天：%1</source>
        <translation>Today: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/deadlines.py" line="54" />
        <source>按责任单位筛选，如 市财政局</source>
        <translation>Filter by responsible unit, e.g. 市财政局</translation>
    </message>
    <message>
        <location filename="../../reader/ui/deadlines.py" line="66" />
        <source>时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../reader/ui/deadlines.py" line="66" />
        <source>剩余</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../reader/ui/deadlines.py" line="66" />
        <source>任务</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../../reader/ui/deadlines.py" line="66" />
        <source>牵头单位</source>
        <translation>Lead units</translation>
    </message>
    <message>
        <location filename="../../reader/ui/deadlines.py" line="66" />
        <source>公文</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/deadlines.py" line="78" />
        <source>按印发的完成时限计算（如“6月底前”按公文当年 6 月 30 日）；没有具体日期的任务（如“长期坚持”）不列出。双击一项打开公文。</source>
        <translation>Counted from the deadlines as printed (6月底前 is June 30 of the document's year); tasks without a date (长期坚持) are not listed. Double-click one to open its document.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/deadlines.py" line="99" />
        <source>正在汇总全部公文中的任务…</source>
        <translation>Gathering the tasks of all documents…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/deadlines.py" line="124" />
        <source>已逾期（%1）</source>
        <translation>Overdue (%1)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/deadlines.py" line="125" />
        <source>本周到期（%1）</source>
        <translation>Due this week (%1)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/deadlines.py" line="126" />
        <source>本月到期（%1）</source>
        <translation>Due this month (%1)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/deadlines.py" line="127" />
        <source>以后（%1）</source>
        <translation>Later (%1)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/deadlines.py" line="143" />
        <source>逾期 %1 天</source>
        <translation>%1 days overdue</translation>
    </message>
    <message>
        <location filename="../../reader/ui/deadlines.py" line="144" />
        <source>今天</source>
        <translation>today</translation>
    </message>
    <message>
        <location filename="../../reader/ui/deadlines.py" line="144" />
        <source>%1 天</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <location filename="../../reader/ui/deadlines.py" line="149" />
        <source>原文时限：%1</source>
        <translation>Deadline as printed: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/deadlines.py" line="160" />
        <source>%1 项有时限的任务</source>
        <translation>%1 tasks with a deadline</translation>
    </message>
</context>
<context>
    <name>DocTree</name>
    <message>
        <location filename="../../reader/ui/tree.py" line="28" />
        <source>同名第%1篇，共%2篇</source>
        <translation>same title, %1 of %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree.py" line="31" />
        <source>（第%1页起）</source>
        <translation> (from page %1)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree.py" line="33" />
        <source>（第%1行起）</source>
        <translation> (from line %1)</translation>
    </message>
</context>
<context>
    <name>DocTreeModel</name>
    <message>
        <location filename="../../reader/ui/tree.py" line="189" />
        <source>公文</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree.py" line="299" />
        <source>未读 %1</source>
        <translation>%1 unread</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="168" />
        <location filename="../../reader/ui/tree.py" line="61" />
        <source>未识别</source>
        <translation>Unknown</translation>
    </message>
</context>
<context>
    <name>EntityPanel</name>
    <message>
        <location filename="../../reader/ui/entities_panel.py" line="35" />
        <source>本文要素</source>
        <translation>In this document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/entities_panel.py" line="46" />
        <source>单击：跳到文中位置；双击责任单位：在全部公文中搜索；双击引用文号：打开该公文</source>
        <translation>Click: go to it in the text; double-click a unit: search all documents; double-click a cited number: open it</translation>
    </message>
    <message>
        <location filename="../../reader/ui/entities_panel.py" line="122" />
        <source>跳到文中位置</source>
        <translation>Go to it in the text</translation>
    </message>
    <message>
        <location filename="../../reader/ui/entities_panel.py" line="123" />
        <source>在全部公文中搜索“%1”</source>
        <translation>Search all documents for “%1”</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="101" />
        <source>导出公文</source>
        <translation>Export documents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="224" />
        <source>将导出 %1 篇公文为文本文件。</source>
        <translation>%1 documents will be exported as text files.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="121" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="111" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="111" />
        <source>文号</source>
        <translation>Doc number</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="125" />
        <source>目标文件夹：</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="128" />
        <source>文本（.txt）</source>
        <translation>Text (.txt)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="129" />
        <source>Word 文档（.docx）</source>
        <translation>Word document (.docx)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="130" />
        <source>格式：</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="132" />
        <source>每篇公文一个文件</source>
        <translation>One file per document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="133" />
        <source>合并为一个文件：</source>
        <translation>One combined file:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="147" />
        <source>方式：</source>
        <translation>Files:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="152" />
        <source>编码：</source>
        <translation>Encoding:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="156" />
        <source>换行符：</source>
        <translation>Line ends:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="161" />
        <source>已有同名文件时不会覆盖，而是另起新文件名。</source>
        <translation>Existing files are never overwritten; a new name is chosen instead.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="175" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="177" />
        <source>打开文件夹</source>
        <translation>Open Folder</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="192" />
        <source>（找不到这篇公文）</source>
        <translation>(document not found)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="193" />
        <source>（无标题）</source>
        <translation>(no title)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="193" />
        <source>未识别</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="210" />
        <source>选择导出文件夹</source>
        <translation>Choose the export folder</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="223" />
        <source>将导出 %1 篇公文为 Word 文档。</source>
        <translation>%1 documents will be exported as Word documents.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="242" />
        <source>请选择目标文件夹。</source>
        <translation>Please choose a folder.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="245" />
        <source>请填写合并文件的文件名。</source>
        <translation>Please enter a name for the combined file.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="250" />
        <source>无法创建文件夹：%1</source>
        <translation>Cannot create the folder: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="263" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="265" />
        <source>导出失败：%1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="270" />
        <source>已写入 %1 个文件：</source>
        <translation>%1 files written:</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/ui/reading.py" line="626" />
        <source>在本文中查找</source>
        <translation>Find in this document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="635" />
        <source>上一处 (Shift+F3)</source>
        <translation>Previous (Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="639" />
        <source>下一处 (F3)</source>
        <translation>Next (F3)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="643" />
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="645" />
        <source>查找：</source>
        <translation>Find:</translation>
    </message>
</context>
<context>
    <name>FontDialog</name>
    <message>
        <location filename="../../reader/ui/fonts.py" line="107" />
        <source>阅读字体</source>
        <translation>Reading font</translation>
    </message>
    <message>
        <location filename="../../reader/ui/fonts.py" line="117" />
        <source> 磅</source>
        <translation> pt</translation>
    </message>
    <message>
        <location filename="../../reader/ui/fonts.py" line="124" />
        <source>字体：</source>
        <translation>Typeface:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/fonts.py" line="125" />
        <source>字号：</source>
        <translation>Size:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/fonts.py" line="126" />
        <source>行距：</source>
        <translation>Line spacing:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/fonts.py" line="134" />
        <source>只列出本机已安装的字体；缺字时自动用思源/Noto 中文字体补足。</source>
        <translation>Only the typefaces installed on this computer are listed; characters a face lacks come from Noto/Source Han CJK fonts.</translation>
    </message>
</context>
<context>
    <name>Fonts</name>
    <message>
        <location filename="../../reader/ui/fonts.py" line="55" />
        <source>默认（界面字体）</source>
        <translation>Default (interface font)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/fonts.py" line="56" />
        <source>仿宋</source>
        <translation>FangSong</translation>
    </message>
    <message>
        <location filename="../../reader/ui/fonts.py" line="57" />
        <source>宋体</source>
        <translation>Song</translation>
    </message>
    <message>
        <location filename="../../reader/ui/fonts.py" line="58" />
        <source>楷体</source>
        <translation>Kai</translation>
    </message>
    <message>
        <location filename="../../reader/ui/fonts.py" line="59" />
        <source>黑体</source>
        <translation>Hei</translation>
    </message>
</context>
<context>
    <name>Highlights</name>
    <message>
        <location filename="../../reader/ui/theme.py" line="60" />
        <source>日期与时限</source>
        <translation>Dates and deadlines</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme.py" line="61" />
        <source>数量与指标</source>
        <translation>Quantities</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme.py" line="62" />
        <source>责任单位</source>
        <translation>Responsible units</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme.py" line="63" />
        <source>引用文号</source>
        <translation>Cited doc numbers</translation>
    </message>
</context>
<context>
    <name>LedgerDialog</name>
    <message>
        <location filename="../../reader/ui/ledger.py" line="54" />
        <source>任务台账</source>
        <translation>Task ledger</translation>
    </message>
    <message>
        <location filename="../../reader/ui/ledger.py" line="81" />
        <source>正在汇总全部公文中的任务…</source>
        <translation>Gathering the tasks of all documents…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/ledger.py" line="122" />
        <source>无法汇总任务：%1</source>
        <translation>Cannot gather the tasks: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/ledger.py" line="125" />
        <source>%1 篇公文中的任务；双击一行打开公文。</source>
        <translation>Tasks in %1 documents; double-click a row to open its document.</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="188" />
        <source>公文</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="189" />
        <source>文号</source>
        <translation>Doc number</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="190" />
        <source>发文机关</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="191" />
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="192" />
        <source>条目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="193" />
        <source>任务</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="194" />
        <source>牵头单位</source>
        <translation>Lead units</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="195" />
        <source>配合单位</source>
        <translation>Cooperating units</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="196" />
        <source>牵头领导</source>
        <translation>Lead officials</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="197" />
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="198" />
        <source>目标指标</source>
        <translation>Targets</translation>
    </message>
</context>
<context>
    <name>LedgerView</name>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="298" />
        <source>单位，如 市经信局</source>
        <translation>Unit, e.g. 市经信局</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="300" />
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="302" />
        <source>发文机关</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="304" />
        <source>时限文字，如 6月底</source>
        <translation>Deadline text, e.g. 6月底</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="306" />
        <source>时限自，如 2023-01</source>
        <translation>Due from, e.g. 2023-01</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="307" />
        <source>完成时限不早于：年、年-月或年-月-日（6月底前按当年 6 月 30 日计）</source>
        <translation>Deadline no earlier than: year, year-month or year-month-day (6月底前 counts as June 30 of the document's year)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="309" />
        <source>时限至，如 2023-06</source>
        <translation>Due by, e.g. 2023-06</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="310" />
        <source>完成时限不晚于：年、年-月或年-月-日</source>
        <translation>Deadline no later than: year, year-month or year-month-day</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="319" />
        <source>导出当前筛选和排序的任务（UTF-8 带 BOM，Excel 可直接打开）</source>
        <translation>Export the tasks as filtered and sorted (UTF-8 with BOM, opens in Excel)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="321" />
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="322" />
        <source>导出当前筛选和排序的任务为 .xlsx 工作簿</source>
        <translation>Export the tasks as filtered and sorted to an .xlsx workbook</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="374" />
        <source>共 %1 项任务（全部 %2 项）</source>
        <translation>%1 tasks (of %2)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="378" />
        <source>　无法识别的日期：%1（请写 2023、2023-06 或 2023-06-30）</source>
        <translation>  Unreadable date: %1 (write 2023, 2023-06 or 2023-06-30)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="396" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="406" />
        <source>无法写入 %1：%2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="409" />
        <source>已导出 %1 项任务到 %2</source>
        <translation>Exported %1 tasks to %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="318" />
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="390" />
        <location filename="../../reader/ui/tasks_panel.py" line="395" />
        <location filename="../../reader/ui/tasks_panel.py" line="406" />
        <source>导出任务台账</source>
        <translation>Export the task ledger</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="151" />
        <source>公文阅读器</source>
        <translation>Gongwen Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="203" />
        <source>按发文机关</source>
        <translation>By issuer</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="204" />
        <source>按责任单位</source>
        <translation>By responsible unit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="215" />
        <source>筛选目录（标题、文号、机关、单位）</source>
        <translation>Filter (title, doc number, issuer, unit)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="232" />
        <source>公文目录</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="252" />
        <location filename="../../reader/ui/main_window.py" line="677" />
        <source>搜索结果</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="262" />
        <source>要素</source>
        <translation>Entities</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="263" />
        <source>任务</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="264" />
        <source>引用</source>
        <translation>References</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="302" />
        <source>添加文件夹(&amp;A)…</source>
        <translation>&amp;Add Folder…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="303" />
        <source>移除文件夹(&amp;R)…</source>
        <translation>&amp;Remove Folder…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="304" />
        <source>重新扫描(&amp;S)</source>
        <translation>Re&amp;scan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="305" />
        <source>导出所选(&amp;E)…</source>
        <translation>&amp;Export Selected…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="306" />
        <source>无法读取的文件(&amp;P)…</source>
        <translation>Unreadable &amp;Files…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="307" />
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="308" />
        <source>复制(&amp;C)</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="309" />
        <source>全选(&amp;A)</source>
        <translation>Select &amp;All</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="310" />
        <source>在本文中查找(&amp;F)…</source>
        <translation>&amp;Find in Document…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="311" />
        <source>下一处(&amp;N)</source>
        <translation>Find &amp;Next</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="312" />
        <source>上一处(&amp;V)</source>
        <translation>Find Pre&amp;vious</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="313" />
        <source>搜索全部公文(&amp;S)</source>
        <translation>&amp;Search All Documents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="314" />
        <source>后退(&amp;B)</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="315" />
        <source>放大(&amp;I)</source>
        <translation>Zoom &amp;In</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="316" />
        <source>缩小(&amp;O)</source>
        <translation>Zoom &amp;Out</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="317" />
        <source>原始大小(&amp;R)</source>
        <translation>&amp;Reset Zoom</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="318" />
        <source>本文要素侧栏(&amp;P)</source>
        <translation>Side &amp;Panel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="319" />
        <source>任务台账(&amp;T)…</source>
        <translation>&amp;Task Ledger…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="329" />
        <source>关于公文阅读器(&amp;A)</source>
        <translation>&amp;About Gongwen Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="335" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="340" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="345" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="347" />
        <source>高亮</source>
        <translation>Highlights</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="354" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="370" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="371" />
        <source>停止建立索引（已读完的文件保留）</source>
        <translation>Stop indexing (files read so far are kept)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="464" />
        <location filename="../../reader/ui/main_window.py" line="577" />
        <source>正在打开公文库…</source>
        <translation>Opening the library…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="476" />
        <source>%n 个文件夹</source>
        <translation>
            <numerusform>%n folder</numerusform>
            <numerusform>%n folders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="477" />
        <source>%n 个文件</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="478" />
        <location filename="../../reader/ui/main_window.py" line="704" />
        <source>%n 篇公文</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="525" />
        <source>只读</source>
        <translation>Read-only</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="706" />
        <source>%n 处匹配</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="708" />
        <source>（显示前 %n 篇）</source>
        <translation>
            <numerusform> (showing the first %n)</numerusform>
            <numerusform> (showing the first %n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="905" />
        <source>搜索语法(&amp;S)</source>
        <translation>&amp;Search Syntax</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="910" />
        <source>前进(&amp;W)</source>
        <translation>&amp;Forward</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="912" />
        <source>回到上一篇公文（Alt+←）</source>
        <translation>Back to the previous document (Alt+←)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="913" />
        <source>回到后退前的公文（Alt+→）</source>
        <translation>Forward to the document you went back from (Alt+→)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="914" />
        <source>最近打开(&amp;R)</source>
        <translation>&amp;Recent Documents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="925" />
        <source>打开原文件(&amp;O)</source>
        <translation>&amp;Open Source File</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="926" />
        <source>打开所在文件夹(&amp;D)</source>
        <translation>Open Containing &amp;Folder</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="937" />
        <source>打开原文件</source>
        <translation>Open source file</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="939" />
        <source>打开所在文件夹</source>
        <translation>Open containing folder</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="950" />
        <source>单个文件</source>
        <translation>Single files</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="954" />
        <source>打开单个文件(&amp;F)…</source>
        <translation>Open &amp;File…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="955" />
        <source>阅读一个文件而不把它的文件夹加入公文库</source>
        <translation>Read one file without adding its folder to the library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="957" />
        <source>关闭此文件</source>
        <translation>Close this file</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="959" />
        <source>把所在文件夹加入公文库</source>
        <translation>Add its folder to the library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="970" />
        <source>字体(&amp;N)…</source>
        <translation>Fo&amp;nt…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="978" />
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="979" />
        <source>导出为 PDF(&amp;D)…</source>
        <translation>Export as P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="983" />
        <source>打印所选的公文（目录或搜索结果中的选择），或打开的公文</source>
        <translation>Print the selected documents (in the tree or the search results), or the open one</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="990" />
        <source>时限提醒(&amp;L)…</source>
        <translation>Dead&amp;lines…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1033" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1035" />
        <source>清除列表</source>
        <translation>Clear the list</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1050" />
        <location filename="../../reader/ui/main_window.py" line="1138" />
        <source>找不到“%1”：文件可能已移动或已从公文库中移除</source>
        <translation>Cannot find “%1”: the file may have moved or left the library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1110" />
        <source>打开单个文件</source>
        <translation>Open a single file</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1111" />
        <source>公文文件 (*.txt *.md *.pdf *.docx *.ofd);;所有文件 (*)</source>
        <translation>Documents (*.txt *.md *.pdf *.docx *.ofd);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1119" />
        <source>正在读取 %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1126" />
        <source>无法读取 %1：%2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1130" />
        <source>%1：%2 篇公文（单个文件，未加入公文库）</source>
        <translation>%1: %2 documents (a single file, not added to the library)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1157" />
        <source>%1 已在公文库中</source>
        <translation>%1 is already in the library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1160" />
        <source>加入公文库</source>
        <translation>Add to the library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1161" />
        <source>把文件夹“%1”加入公文库？其中所有 .txt 文件都会被读取并建立索引（文件本身不会被改动）。</source>
        <translation>Add the folder “%1” to the library? Every .txt file in it will be read and indexed (the files themselves are never changed).</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1235" />
        <source>收藏本文(&amp;B)</source>
        <translation>&amp;Bookmark This Document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1236" />
        <source>已读(&amp;D)</source>
        <translation>Rea&amp;d</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1237" />
        <source>打开公文即标为已读；取消勾选可标回未读</source>
        <translation>Opening a document marks it read; untick to mark it unread again</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1238" />
        <source>添加批注(&amp;M)…</source>
        <translation>Add a &amp;Note…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1239" />
        <source>收藏与批注</source>
        <translation>Bookmarks and notes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1242" />
        <source>收藏</source>
        <translation>Bookmarks</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1246" />
        <location filename="../../reader/ui/main_window.py" line="1312" />
        <source>批注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1291" />
        <source>已收藏</source>
        <translation>Bookmarked</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1291" />
        <source>已取消收藏</source>
        <translation>Bookmark removed</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1310" />
        <source>批注（%1）</source>
        <translation>Notes (%1)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1352" />
        <source>批注内容：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1352" />
        <source>对“%1”的批注：</source>
        <translation>Note on “%1”:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1364" />
        <location filename="../../reader/ui/main_window.py" line="1378" />
        <source>添加批注</source>
        <translation>Add a note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1392" />
        <source>编辑批注</source>
        <translation>Edit the note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1400" />
        <source>删除批注</source>
        <translation>Delete the note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1400" />
        <source>删除这条批注？</source>
        <translation>Delete this note?</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1425" />
        <source>请先打开或选择要打印的公文。</source>
        <translation>Open or select the documents to print first.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1429" />
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1430" />
        <source>所选范围有 %1 篇公文，全部排版可能要一些时间。继续？</source>
        <translation>The selection holds %1 documents; laying them all out may take a while. Continue?</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1461" />
        <source>等%1篇</source>
        <translation> and others (%1)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1462" />
        <source>导出为 PDF</source>
        <translation>Export as PDF</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1463" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1472" />
        <source>无法写入 %1：%2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="1477" />
        <source>已导出 %1 篇公文到 %2</source>
        <translation>Exported %1 documents to %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="485" />
        <location filename="../../reader/ui/main_window.py" line="507" />
        <source>正在读取公文库中的文件并建立索引，完成后公文将显示在左侧目录中。</source>
        <translation>Reading the library's files and building the index; the documents will appear on the left.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="205" />
        <source>按来源文件</source>
        <translation>By source file</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="206" />
        <source>目录的分组方式：发文机关 → 年份，任务中的责任单位（规范名称），或来源文件（一期公报）→ 其中的公文（按印刷顺序）</source>
        <translation>How the tree groups documents: issuer → year, the responsible units named in tasks (canonical names), or source file (a gazette issue) → its documents in print order</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="488" />
        <source>公文库中还没有公文。请用“文件 → 添加文件夹…”选择存放公文的文件夹。</source>
        <translation>The library has no documents yet. Choose a folder with File → Add Folder….</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="502" />
        <source>⚠ %1 个文件无法读取</source>
        <translation>⚠ %1 files could not be read</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="519" />
        <source>索引 %v/%m</source>
        <translation>Indexing %v/%m</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="536" />
        <source>建立索引失败：%1</source>
        <translation>Indexing failed: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="540" />
        <source>已取消建立索引</source>
        <translation>Indexing cancelled</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="543" />
        <source>索引已更新：新增 %1，修改 %2，移除 %3 个文件（%4 秒）</source>
        <translation>Index updated: %1 new, %2 changed, %3 removed files (%4 s)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="553" />
        <source>添加文件夹到公文库</source>
        <translation>Add a folder to the library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="568" />
        <source>移除文件夹</source>
        <translation>Remove folder</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="568" />
        <source>从公文库中移除（不删除文件）：</source>
        <translation>Remove from the library (files are not deleted):</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="608" />
        <source>公文库中的公文没有列出责任单位的任务。</source>
        <translation>No document in the library names units responsible for tasks.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="613" />
        <source>正在汇总各公文的责任单位…</source>
        <translation>Gathering the responsible units of all documents…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="693" />
        <source>搜索出错：%1</source>
        <translation>Search error: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="700" />
        <source>无法搜索：%1</source>
        <translation>Cannot search: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="710" />
        <source>搜索结果（%1）</source>
        <translation>Results (%1)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="719" />
        <source>正在搜索…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="743" />
        <source>找不到这篇公文（索引可能正在更新）</source>
        <translation>Document not found (the index may be updating)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="757" />
        <source>无法列出本文任务：%1</source>
        <translation>Cannot list this document's tasks: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="758" />
        <source>%1 — 公文阅读器</source>
        <translation>%1 — Gongwen Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="793" />
        <source>库中没有 %1</source>
        <translation>%1 is not in the library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="871" />
        <location filename="../../reader/ui/main_window.py" line="1458" />
        <location filename="../../reader/ui/main_window.py" line="1471" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="871" />
        <location filename="../../reader/ui/main_window.py" line="1458" />
        <source>请先在目录或搜索结果中选择要导出的公文。</source>
        <translation>Select documents in the tree or the results first.</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../../reader/ui/marks.py" line="94" />
        <source>添加批注…</source>
        <translation>Add a note…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/marks.py" line="95" />
        <source>选中一段文字再添加，即为该段的批注；不选则为全文批注</source>
        <translation>Select a passage first to note on it; with nothing selected the note is on the whole document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/marks.py" line="97" />
        <source>编辑批注…</source>
        <translation>Edit the note…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/marks.py" line="99" />
        <source>删除批注</source>
        <translation>Delete the note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/marks.py" line="119" />
        <source>（原文已改动，找不到这段文字）</source>
        <translation>(the text changed: this passage is no longer found)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/marks.py" line="124" />
        <source>本文批注（%1）</source>
        <translation>Notes on this document (%1)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/marks.py" line="125" />
        <source>打开一篇公文后可添加批注。</source>
        <translation>Open a document to add notes.</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../reader/ui/printing.py" line="393" />
        <source>所选的 %1 篇公文</source>
        <translation>The %1 selected documents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/printing.py" line="395" />
        <source>当前打开的公文</source>
        <translation>The open document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/printing.py" line="400" />
        <source>打印高亮标记</source>
        <translation>Print highlights</translation>
    </message>
    <message>
        <location filename="../../reader/ui/printing.py" line="402" />
        <source>用阅读区的颜色标出日期与时限、数量与指标、责任单位和引用文号（阅读区“高亮”中勾选的类别）；不勾选则只印文字</source>
        <translation>Mark dates and deadlines, quantities, responsible units and cited numbers in the reading pane's colours (the classes ticked under 高亮 there); unticked, only the text is printed</translation>
    </message>
    <message>
        <location filename="../../reader/ui/printing.py" line="413" />
        <source>打印：</source>
        <translation>Print:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/printing.py" line="473" />
        <location filename="../../reader/ui/printing.py" line="477" />
        <source>打印预览 — %1</source>
        <translation>Print preview — %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/printing.py" line="476" />
        <location filename="../../reader/ui/printing.py" line="479" />
        <source>%1 篇公文</source>
        <translation>%1 documents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/printing.py" line="481" />
        <source>，共 %1 页</source>
        <translation>, %1 pages</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../reader/ui/printing.py" line="75" />
        <source>未识别</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../reader/ui/printing.py" line="77" />
        <source>文号：%1</source>
        <translation>Doc number: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/printing.py" line="78" />
        <source>发文机关：%1</source>
        <translation>Issuer: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/printing.py" line="79" />
        <source>成文日期：%1</source>
        <translation>Date: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/printing.py" line="85" />
        <source>第 %1 页 共 %2 页</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/printing.py" line="92" />
        <source>来源：%1 第 %2 页</source>
        <translation>Source: %1 page %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/printing.py" line="95" />
        <source>来源：%1 第 %2–%3 页</source>
        <translation>Source: %1 pages %2–%3</translation>
    </message>
    <message>
        <location filename="../../reader/ui/printing.py" line="97" />
        <source>来源：%1 第 %2–%3 行</source>
        <translation>Source: %1 lines %2–%3</translation>
    </message>
    <message>
        <location filename="../../reader/ui/printing.py" line="194" />
        <source>（无标题）</source>
        <translation>(no title)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/printing.py" line="221" />
        <source>无法开始打印</source>
        <translation>Cannot start printing</translation>
    </message>
    <message>
        <location filename="../../reader/ui/printing.py" line="235" />
        <source>无法开始新的一页</source>
        <translation>Cannot start a new page</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="41" />
        <source>无法读取的文件</source>
        <translation>Unreadable files</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="45" />
        <source>以下 %1 个文件未能读取，其中的公文不在库中：</source>
        <translation>These %1 files could not be read; their documents are not in the library:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="47" />
        <source>所有文件均已成功读取。</source>
        <translation>All files were read.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="52" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="52" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <location filename="../../reader/ui/reading.py" line="749" />
        <source>高亮：</source>
        <translation>Highlights:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="791" />
        <source>公文阅读器</source>
        <translation>Gongwen Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="792" />
        <source>在左侧目录中选择一篇公文，或在上方搜索全部公文。</source>
        <translation>Choose a document on the left, or search all documents above.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="804" />
        <source>%1日期：%2</source>
        <translation>Date (%1): %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="807" />
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="813" />
        <source>（无标题）</source>
        <translation>(no title)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="814" />
        <source>未识别</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="816" />
        <source>文号：%1</source>
        <translation>Doc number: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="817" />
        <source>发文机关：%1</source>
        <translation>Issuer: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="803" />
        <source>成文日期：%1</source>
        <translation>Date: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="671" />
        <source>第 %1 页</source>
        <translation>page %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="673" />
        <source>第 %1–%2 页</source>
        <translation>pages %1–%2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="675" />
        <source>第 %1–%2 行</source>
        <translation>lines %1–%2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="678" />
        <source>格式 %1</source>
        <translation>format %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="680" />
        <source>编码 %1</source>
        <translation>encoding %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="681" />
        <source>来源：%1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="819" />
        <source>文种：%1</source>
        <translation>Kind: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="823" />
        <source>年份：%1（取自本期）</source>
        <translation>Year: %1 (the issue's)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="823" />
        <source>年份：%1</source>
        <translation>Year: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="874" />
        <source>无匹配</source>
        <translation>No matches</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="867" />
        <location filename="../../reader/ui/reading.py" line="877" />
        <source>第 %1 / %2 处</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>RefsPanel</name>
    <message>
        <location filename="../../reader/ui/refs_panel.py" line="73" />
        <location filename="../../reader/ui/refs_panel.py" line="149" />
        <source>引用关系</source>
        <translation>References</translation>
    </message>
    <message>
        <location filename="../../reader/ui/refs_panel.py" line="83" />
        <source>单击：打开公文（灰色的文号不在公文库中，单击跳到文中位置）</source>
        <translation>Click: open the document (grey numbers are not in the library: click goes to them in the text)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/refs_panel.py" line="98" />
        <source>正在汇总引用关系…</source>
        <translation>Gathering references…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/refs_panel.py" line="109" />
        <source>本文引用（%1）</source>
        <translation>Cites (%1)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/refs_panel.py" line="128" />
        <source>被引用（%1）</source>
        <translation>Cited by (%1)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/refs_panel.py" line="138" />
        <source>公文库中没有引用本文的公文</source>
        <translation>No document in the library cites this one</translation>
    </message>
    <message>
        <location filename="../../reader/ui/refs_panel.py" line="143" />
        <source>引用 %1 个文号 · 被 %2 篇公文引用</source>
        <translation>Cites %1 numbers · cited by %2 documents</translation>
    </message>
</context>
<context>
    <name>ResultTexts</name>
    <message numerus="yes">
        <location filename="../../reader/ui/results.py" line="56" />
        <source>%n 处</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <location filename="../../reader/ui/results.py" line="64" />
        <source>未识别</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../reader/ui/results.py" line="65" />
        <source>日期未识别</source>
        <translation>date unknown</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="76" />
        <source>搜索全部公文：标题、正文、文号…（Ctrl+K；语法见 F1）</source>
        <translation>Search all documents: titles, text, document numbers… (Ctrl+K; syntax: F1)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="88" />
        <source>按相关度</source>
        <translation>By relevance</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="89" />
        <source>按日期（新→旧）</source>
        <translation>By date (newest first)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="90" />
        <source>发文机关</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="91" />
        <source>起始年份</source>
        <translation>From year</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="92" />
        <source>截止年份</source>
        <translation>To year</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="93" />
        <source>文种</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="94" />
        <source>排序</source>
        <translation>Sort</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="125" />
        <source>全部发文机关</source>
        <translation>All issuers</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="126" />
        <source>起始年</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="127" />
        <source>截止年</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="128" />
        <source>全部文种</source>
        <translation>All kinds</translation>
    </message>
</context>
<context>
    <name>SearchHelp</name>
    <message>
        <location filename="../../reader/ui/help.py" line="30" />
        <source>同时包含两个词（空格分隔的词须全部出现）</source>
        <translation>containing both (words separated by spaces are ANDed)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help.py" line="31" />
        <source>包含引号中的原文（含空格）；中文引号“…”同样可用</source>
        <translation>containing the quoted text as it is, spaces included; “…” quotes work too</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help.py" line="32" />
        <source>包含任一个（也可写 通知 | 意见）；OR 比空格结合得更紧：外贸 金融 OR 财政 = 外贸 且（金融 或 财政）</source>
        <translation>containing either (also 通知 | 意见); OR binds tighter than the spaces: 外贸 金融 OR 财政 = 外贸 and (金融 or 财政)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help.py" line="35" />
        <source>包含“市政府”但不包含“办公厅”</source>
        <translation>containing 市政府 but not 办公厅</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help.py" line="36" />
        <source>发文机关（原文或规范名称）包含“财政局”；也可写 issuer:</source>
        <translation>whose issuer (as printed or canonical) contains 财政局; also issuer:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help.py" line="38" />
        <source>成文于该年份；year:2021-2023 或 年份:2021至2023 表示年份范围</source>
        <translation>dated in that year; year:2021-2023 or 年份:2021至2023 for a range</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help.py" line="40" />
        <source>文号包含该文字；[2022]、（2022）都按〔2022〕读；也可写 docno:</source>
        <translation>whose 文号 contains it ([2022], （2022） are read as 〔2022〕); also docno:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help.py" line="42" />
        <source>按文种；也可写 kind:</source>
        <translation>by kind (文种); also kind:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help.py" line="43" />
        <source>按标题；也可写 title:</source>
        <translation>by title; also title:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help.py" line="44" />
        <source>按任务中的责任单位（原文或规范名称）；也可写 unit:</source>
        <translation>by a responsible unit of the document's tasks (as printed or canonical); also unit:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help.py" line="46" />
        <source>自己写的批注包含该文字；也可写 批注: 或 note:</source>
        <translation>with a note of yours containing the text; also 批注: or note:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help.py" line="47" />
        <source>字段条件也可取反（-）或用 OR 连接；全角冒号“：”与“:”相同</source>
        <translation>field filters can be negated (-) and ORed; ：works like :</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help.py" line="53" />
        <source>搜索找到的正是在正文中按 Ctrl+F 能找到的内容：全角与半角、“…”与“...”视为相同，英文字母不分大小写；不按词典切词，“金融监管”也能找到“市地方金融监管局”。</source>
        <translation>Search finds exactly what Ctrl+F finds in the reading text: full-width and half-width forms are equal, “…” equals “...”, Latin letters ignore case; no dictionary decides what a word is, so 金融监管 also finds 市地方金融监管局.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help.py" line="61" />
        <source>像运算符的文字加引号即按原文搜索（"OR"、"-1"、"责任单位：市"）。无法执行的查询（单独的 OR 或 -、年份:abc、超过 1000 个字符）会说明原因。结果按相关度（标题和文号加权）或日期排序。双击一个示例即可试用。</source>
        <translation>Text that looks like an operator is searched as text when quoted ("OR", "-1", "责任单位：市"). A query that cannot be run (a lone OR or -, 年份:abc, more than 1000 characters) says why. Results are ranked by relevance (title and 文号 weighted up) or by date. Double-click an example to try it.</translation>
    </message>
</context>
<context>
    <name>SearchHelpDialog</name>
    <message>
        <location filename="../../reader/ui/help.py" line="77" />
        <source>搜索语法</source>
        <translation>Search syntax</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help.py" line="87" />
        <source>输入</source>
        <translation>You type</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help.py" line="87" />
        <source>找到的公文</source>
        <translation>Finds documents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help.py" line="98" />
        <source>双击：用这个示例搜索</source>
        <translation>Double-click: search with this example</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help.py" line="110" />
        <source>试一试</source>
        <translation>Try it</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help.py" line="111" />
        <source>用所选示例搜索全部公文</source>
        <translation>Search all documents with the selected example</translation>
    </message>
</context>
<context>
    <name>SingleFilesPanel</name>
    <message>
        <location filename="../../reader/ui/single_files.py" line="93" />
        <source>用 Ctrl+Shift+O 或把文件拖到窗口上，即可单独打开一个文件，不加入公文库。</source>
        <translation>Open a file on its own with Ctrl+Shift+O or by dropping it on the window; it is not added to the library.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/single_files.py" line="115" />
        <source>（无标题）</source>
        <translation>(no title)</translation>
    </message>
</context>
<context>
    <name>Source</name>
    <message>
        <location filename="../../reader/ui/source.py" line="22" />
        <source>没有打开的公文</source>
        <translation>No document is open</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source.py" line="25" />
        <source>找不到 %1（可能已移动或删除）</source>
        <translation>Cannot find %1 (moved or deleted?)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source.py" line="27" />
        <source>系统无法打开 %1</source>
        <translation>The system cannot open %1</translation>
    </message>
</context>
<context>
    <name>StarredPanel</name>
    <message>
        <location filename="../../reader/ui/marks.py" line="39" />
        <source>还没有收藏的公文。打开一篇公文后按 Ctrl+D 收藏。</source>
        <translation>No bookmarks yet. Open a document and press Ctrl+D to bookmark it.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/marks.py" line="55" />
        <source>（无标题）</source>
        <translation>(no title)</translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="69" />
        <source>牵头：</source>
        <translation>Lead: </translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="71" />
        <source>配合：</source>
        <translation>With: </translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="73" />
        <source>时限：</source>
        <translation>Deadline: </translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="99" />
        <source>本文任务</source>
        <translation>Tasks in this document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="106" />
        <source>条目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="106" />
        <source>任务</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="106" />
        <source>牵头</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="106" />
        <source>配合</source>
        <translation>With</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="106" />
        <source>时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="114" />
        <source>单击：跳到文中位置；双击：在全部公文中搜索牵头单位</source>
        <translation>Click: go to it in the text; double-click: search all documents for the lead unit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="122" />
        <source>选中一项任务，这里显示全文、责任单位、时限和指标。</source>
        <translation>Select a task to see its full text, units, deadline and targets here.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="150" />
        <source>本文任务（%1）</source>
        <translation>Tasks in this document (%1)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="162" />
        <source>牵头单位</source>
        <translation>Lead units</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="163" />
        <source>联系单位</source>
        <translation>Liaison units</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="163" />
        <source>配合单位</source>
        <translation>Cooperating units</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="165" />
        <source>牵头领导</source>
        <translation>Lead officials</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="166" />
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="167" />
        <source>目标指标</source>
        <translation>Targets</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../reader/ui/app.py" line="161" />
        <source>另一个公文阅读器窗口正在使用这个索引：本窗口只读，不更新索引。</source>
        <translation>Another Gongwen Reader window is using this index: this window only reads it and does not update it.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/app.py" line="163" />
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
</context>
</TS>