<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>About</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="70" />
        <source>公文阅读器</source>
        <translation>Gongwen Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="71" />
        <source>离线阅读、检索和导出中文公文（政府公报、通知、意见、规划、纪要）。</source>
        <translation>Read, search and export Chinese official documents offline (gazettes, notices, opinions, plans, minutes).</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="72" />
        <source>高亮日期与时限、数量与指标、责任单位和引用文号。</source>
        <translation>Highlights dates and deadlines, quantities, responsible units and cited document numbers.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="73" />
        <source>使用的开源软件：</source>
        <translation>Open-source software used:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="84" />
        <source>关于公文阅读器</source>
        <translation>About Gongwen Reader</translation>
    </message>
</context>
<context>
    <name>DocTree</name>
    <message>
        <location filename="../../reader/ui/tree.py" line="55" />
        <source>同名第%1篇，共%2篇</source>
        <translation>same title, %1 of %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree.py" line="58" />
        <source>（第%1行起）</source>
        <translation> (from line %1)</translation>
    </message>
</context>
<context>
    <name>DocTreeModel</name>
    <message>
        <location filename="../../reader/ui/tree.py" line="284" />
        <source>公文</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="163" />
        <location filename="../../reader/ui/tree.py" line="197" />
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
        <location filename="../../reader/ui/export_dialog.py" line="87" />
        <source>导出公文</source>
        <translation>Export documents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="90" />
        <source>将导出 %1 篇公文为文本文件。</source>
        <translation>%1 documents will be exported as text files.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="97" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="101" />
        <source>目标文件夹：</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="103" />
        <source>每篇公文一个文件</source>
        <translation>One file per document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="104" />
        <source>合并为一个文件：</source>
        <translation>One combined file:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="118" />
        <source>方式：</source>
        <translation>Files:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="123" />
        <source>编码：</source>
        <translation>Encoding:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="127" />
        <source>换行符：</source>
        <translation>Line ends:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="130" />
        <source>已有同名文件时不会覆盖，而是另起新文件名。</source>
        <translation>Existing files are never overwritten; a new name is chosen instead.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="144" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="146" />
        <source>打开文件夹</source>
        <translation>Open Folder</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="154" />
        <source>选择导出文件夹</source>
        <translation>Choose the export folder</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="169" />
        <source>请选择目标文件夹。</source>
        <translation>Please choose a folder.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="172" />
        <source>请填写合并文件的文件名。</source>
        <translation>Please enter a name for the combined file.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="177" />
        <source>无法创建文件夹：%1</source>
        <translation>Cannot create the folder: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="190" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="192" />
        <source>导出失败：%1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="197" />
        <source>已写入 %1 个文件：</source>
        <translation>%1 files written:</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/ui/reading.py" line="522" />
        <source>在本文中查找</source>
        <translation>Find in this document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="531" />
        <source>上一处 (Shift+F3)</source>
        <translation>Previous (Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="535" />
        <source>下一处 (F3)</source>
        <translation>Next (F3)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="539" />
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="541" />
        <source>查找：</source>
        <translation>Find:</translation>
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
        <location filename="../../reader/ui/ledger.py" line="47" />
        <source>任务台账</source>
        <translation>Task ledger</translation>
    </message>
    <message>
        <location filename="../../reader/ui/ledger.py" line="68" />
        <source>正在汇总全部公文中的任务…</source>
        <translation>Gathering the tasks of all documents…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/ledger.py" line="72" />
        <source>正在汇总全部公文中的任务… %1/%2</source>
        <translation>Gathering the tasks of all documents… %1/%2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/ledger.py" line="86" />
        <source>无法汇总任务：%1</source>
        <translation>Cannot gather the tasks: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/ledger.py" line="90" />
        <source>%1 篇公文中的任务；双击一行打开公文。</source>
        <translation>Tasks in %1 documents; double-click a row to open its document.</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="190" />
        <source>公文</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="191" />
        <source>文号</source>
        <translation>Doc number</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="192" />
        <source>发文机关</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="193" />
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="194" />
        <source>条目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="195" />
        <source>任务</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="196" />
        <source>牵头单位</source>
        <translation>Lead units</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="197" />
        <source>配合单位</source>
        <translation>Cooperating units</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="198" />
        <source>牵头领导</source>
        <translation>Lead officials</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="199" />
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="200" />
        <source>目标指标</source>
        <translation>Targets</translation>
    </message>
</context>
<context>
    <name>LedgerView</name>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="312" />
        <source>单位，如 市经信局</source>
        <translation>Unit, e.g. 市经信局</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="314" />
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="316" />
        <source>发文机关</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="318" />
        <source>时限文字，如 6月底</source>
        <translation>Deadline text, e.g. 6月底</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="320" />
        <source>时限自，如 2023-01</source>
        <translation>Due from, e.g. 2023-01</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="321" />
        <source>完成时限不早于：年、年-月或年-月-日（6月底前按当年 6 月 30 日计）</source>
        <translation>Deadline no earlier than: year, year-month or year-month-day (6月底前 counts as June 30 of the document's year)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="323" />
        <source>时限至，如 2023-06</source>
        <translation>Due by, e.g. 2023-06</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="324" />
        <source>完成时限不晚于：年、年-月或年-月-日</source>
        <translation>Deadline no later than: year, year-month or year-month-day</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="333" />
        <source>导出当前筛选和排序的任务（UTF-8 带 BOM，Excel 可直接打开）</source>
        <translation>Export the tasks as filtered and sorted (UTF-8 with BOM, opens in Excel)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="335" />
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="336" />
        <source>导出当前筛选和排序的任务为 .xlsx 工作簿</source>
        <translation>Export the tasks as filtered and sorted to an .xlsx workbook</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="388" />
        <source>共 %1 项任务（全部 %2 项）</source>
        <translation>%1 tasks (of %2)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="392" />
        <source>　无法识别的日期：%1（请写 2023、2023-06 或 2023-06-30）</source>
        <translation>  Unreadable date: %1 (write 2023, 2023-06 or 2023-06-30)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="410" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="420" />
        <source>无法写入 %1：%2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="423" />
        <source>已导出 %1 项任务到 %2</source>
        <translation>Exported %1 tasks to %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="332" />
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="404" />
        <location filename="../../reader/ui/tasks_panel.py" line="409" />
        <location filename="../../reader/ui/tasks_panel.py" line="420" />
        <source>导出任务台账</source>
        <translation>Export the task ledger</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="146" />
        <source>公文阅读器</source>
        <translation>Gongwen Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="197" />
        <source>按发文机关</source>
        <translation>By issuer</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="198" />
        <source>按责任单位</source>
        <translation>By responsible unit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="199" />
        <source>目录的分组方式：发文机关 → 年份，或任务中的责任单位（规范名称）</source>
        <translation>Group the tree by issuer → year, or by the responsible units named in tasks (canonical names)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="207" />
        <source>筛选目录（标题、文号、机关、单位）</source>
        <translation>Filter (title, doc number, issuer, unit)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="224" />
        <source>公文目录</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="244" />
        <location filename="../../reader/ui/main_window.py" line="644" />
        <source>搜索结果</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="254" />
        <source>要素</source>
        <translation>Entities</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="255" />
        <source>任务</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="256" />
        <source>引用</source>
        <translation>References</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="294" />
        <source>添加文件夹(&amp;A)…</source>
        <translation>&amp;Add Folder…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="295" />
        <source>移除文件夹(&amp;R)…</source>
        <translation>&amp;Remove Folder…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="296" />
        <source>重新扫描(&amp;S)</source>
        <translation>Re&amp;scan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="297" />
        <source>导出所选(&amp;E)…</source>
        <translation>&amp;Export Selected…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="298" />
        <source>无法读取的文件(&amp;P)…</source>
        <translation>Unreadable &amp;Files…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="299" />
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="300" />
        <source>复制(&amp;C)</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="301" />
        <source>全选(&amp;A)</source>
        <translation>Select &amp;All</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="302" />
        <source>在本文中查找(&amp;F)…</source>
        <translation>&amp;Find in Document…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="303" />
        <source>下一处(&amp;N)</source>
        <translation>Find &amp;Next</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="304" />
        <source>上一处(&amp;V)</source>
        <translation>Find Pre&amp;vious</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="305" />
        <source>搜索全部公文(&amp;S)</source>
        <translation>&amp;Search All Documents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="306" />
        <source>后退(&amp;B)</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="307" />
        <source>放大(&amp;I)</source>
        <translation>Zoom &amp;In</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="308" />
        <source>缩小(&amp;O)</source>
        <translation>Zoom &amp;Out</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="309" />
        <source>原始大小(&amp;R)</source>
        <translation>&amp;Reset Zoom</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="310" />
        <source>本文要素侧栏(&amp;P)</source>
        <translation>Side &amp;Panel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="311" />
        <source>任务台账(&amp;T)…</source>
        <translation>&amp;Task Ledger…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="321" />
        <source>关于公文阅读器(&amp;A)</source>
        <translation>&amp;About Gongwen Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="327" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="331" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="335" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="337" />
        <source>高亮</source>
        <translation>Highlights</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="344" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="359" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="360" />
        <source>停止建立索引（已读完的文件保留）</source>
        <translation>Stop indexing (files read so far are kept)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="448" />
        <location filename="../../reader/ui/main_window.py" line="551" />
        <source>正在打开公文库…</source>
        <translation>Opening the library…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="460" />
        <source>%n 个文件夹</source>
        <translation>
            <numerusform>%n folder</numerusform>
            <numerusform>%n folders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="461" />
        <source>%n 个文件</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="462" />
        <location filename="../../reader/ui/main_window.py" line="670" />
        <source>%n 篇公文</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="672" />
        <source>%n 处匹配</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="674" />
        <source>（显示前 %n 篇）</source>
        <translation>
            <numerusform> (showing the first %n)</numerusform>
            <numerusform> (showing the first %n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="469" />
        <location filename="../../reader/ui/main_window.py" line="490" />
        <source>正在读取公文库中的文件并建立索引，完成后公文将显示在左侧目录中。</source>
        <translation>Reading the library's files and building the index; the documents will appear on the left.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="471" />
        <source>公文库中还没有公文。请用“文件 → 添加文件夹…”选择存放公文的文件夹。</source>
        <translation>The library has no documents yet. Choose a folder with File → Add Folder….</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="485" />
        <source>⚠ %1 个文件无法读取</source>
        <translation>⚠ %1 files could not be read</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="502" />
        <source>索引 %v/%m</source>
        <translation>Indexing %v/%m</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="510" />
        <source>建立索引失败：%1</source>
        <translation>Indexing failed: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="514" />
        <source>已取消建立索引</source>
        <translation>Indexing cancelled</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="517" />
        <source>索引已更新：新增 %1，修改 %2，移除 %3 个文件（%4 秒）</source>
        <translation>Index updated: %1 new, %2 changed, %3 removed files (%4 s)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="527" />
        <source>添加文件夹到公文库</source>
        <translation>Add a folder to the library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="542" />
        <source>移除文件夹</source>
        <translation>Remove folder</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="542" />
        <source>从公文库中移除（不删除文件）：</source>
        <translation>Remove from the library (files are not deleted):</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="575" />
        <source>公文库中的公文没有列出责任单位的任务。</source>
        <translation>No document in the library names units responsible for tasks.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="580" />
        <source>正在汇总各公文的责任单位…</source>
        <translation>Gathering the responsible units of all documents…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="659" />
        <source>搜索出错：%1</source>
        <translation>Search error: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="666" />
        <source>无法搜索：%1</source>
        <translation>Cannot search: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="676" />
        <source>搜索结果（%1）</source>
        <translation>Results (%1)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="684" />
        <source>正在搜索…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="708" />
        <source>找不到这篇公文（索引可能正在更新）</source>
        <translation>Document not found (the index may be updating)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="722" />
        <source>无法列出本文任务：%1</source>
        <translation>Cannot list this document's tasks: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="723" />
        <source>%1 — 公文阅读器</source>
        <translation>%1 — Gongwen Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="758" />
        <source>库中没有 %1</source>
        <translation>%1 is not in the library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="820" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="820" />
        <source>请先在目录或搜索结果中选择要导出的公文。</source>
        <translation>Select documents in the tree or the results first.</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="29" />
        <source>无法读取的文件</source>
        <translation>Unreadable files</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="33" />
        <source>以下 %1 个文件未能读取，其中的公文不在库中：</source>
        <translation>These %1 files could not be read; their documents are not in the library:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="35" />
        <source>所有文件均已成功读取。</source>
        <translation>All files were read.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="40" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="40" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <location filename="../../reader/ui/reading.py" line="607" />
        <source>高亮：</source>
        <translation>Highlights:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="646" />
        <source>公文阅读器</source>
        <translation>Gongwen Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="647" />
        <source>在左侧目录中选择一篇公文，或在上方搜索全部公文。</source>
        <translation>Choose a document on the left, or search all documents above.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="655" />
        <source>（无标题）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="656" />
        <source>未识别</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="658" />
        <source>文号：%1</source>
        <translation>Doc number: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="659" />
        <source>发文机关：%1</source>
        <translation>Issuer: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="660" />
        <source>成文日期：%1</source>
        <translation>Date: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="661" />
        <source>文种：%1</source>
        <translation>Kind: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="665" />
        <source>年份：%1（取自本期）</source>
        <translation>Year: %1 (the issue's)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="665" />
        <source>年份：%1</source>
        <translation>Year: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="669" />
        <source>来源：%1　第 %2–%3 行　编码 %4</source>
        <translation>Source: %1  lines %2–%3  encoding %4</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="715" />
        <source>无匹配</source>
        <translation>No matches</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="718" />
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
        <location filename="../../reader/ui/results.py" line="55" />
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
        <location filename="../../reader/ui/results.py" line="63" />
        <source>未识别</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../reader/ui/results.py" line="64" />
        <source>日期未识别</source>
        <translation>date unknown</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="71" />
        <source>搜索全部公文：标题、正文、文号…（Ctrl+K）</source>
        <translation>Search all documents: title, text, doc number… (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="83" />
        <source>按相关度</source>
        <translation>By relevance</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="84" />
        <source>按日期（新→旧）</source>
        <translation>By date (newest first)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="85" />
        <source>发文机关</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="86" />
        <source>起始年份</source>
        <translation>From year</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="87" />
        <source>截止年份</source>
        <translation>To year</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="88" />
        <source>文种</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="89" />
        <source>排序</source>
        <translation>Sort</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="120" />
        <source>全部发文机关</source>
        <translation>All issuers</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="121" />
        <source>起始年</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="122" />
        <source>截止年</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="123" />
        <source>全部文种</source>
        <translation>All kinds</translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="73" />
        <source>牵头：</source>
        <translation>Lead: </translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="75" />
        <source>配合：</source>
        <translation>With: </translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="77" />
        <source>时限：</source>
        <translation>Deadline: </translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="103" />
        <source>本文任务</source>
        <translation>Tasks in this document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="110" />
        <source>条目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="110" />
        <source>任务</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="110" />
        <source>牵头</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="110" />
        <source>配合</source>
        <translation>With</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="110" />
        <source>时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="118" />
        <source>单击：跳到文中位置；双击：在全部公文中搜索牵头单位</source>
        <translation>Click: go to it in the text; double-click: search all documents for the lead unit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="126" />
        <source>选中一项任务，这里显示全文、责任单位、时限和指标。</source>
        <translation>Select a task to see its full text, units, deadline and targets here.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="154" />
        <source>本文任务（%1）</source>
        <translation>Tasks in this document (%1)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="166" />
        <source>牵头单位</source>
        <translation>Lead units</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="167" />
        <source>联系单位</source>
        <translation>Liaison units</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="167" />
        <source>配合单位</source>
        <translation>Cooperating units</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="168" />
        <source>牵头领导</source>
        <translation>Lead officials</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="169" />
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tasks_panel.py" line="170" />
        <source>目标指标</source>
        <translation>Targets</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../reader/ui/app.py" line="137" />
        <source>另一个公文阅读器窗口正在使用这个索引：本窗口只读，不更新索引。</source>
        <translation>Another Gongwen Reader window is using this index: this window only reads it and does not update it.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/app.py" line="139" />
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
</context>
</TS>