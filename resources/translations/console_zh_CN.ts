<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivitiesPage</name>
    <message>
        <source>Last 3 months</source>
        <translation>近3个月</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Import activities…</source>
        <translation>导入活动…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Activity types…</source>
        <translation>活动类型…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>活动记录</translation>
    </message>
    <message>
        <source>Time allocation</source>
        <translation>时间分配</translation>
    </message>
    <message>
        <source>Contact cost</source>
        <translation>联系成本</translation>
    </message>
    <message>
        <source>Search rep, customer, type, outcome or pinyin…</source>
        <translation>搜索销售代表、客户、类型、结果或拼音…</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>销售代表</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>时间类别</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Quick add (Enter adds)</source>
        <translation>快速录入（按回车添加）</translation>
    </message>
    <message>
        <source>Team direct-selling share by week</source>
        <translation>团队每周直接销售时间占比</translation>
    </message>
    <message>
        <source>What if support staff took over…</source>
        <translation>假如由支持人员接手…</translation>
    </message>
    <message>
        <source>…or only these types:</source>
        <translation>…或只转移这些类型：</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Face-to-face share</source>
        <translation>面对面占比</translation>
    </message>
    <message>
        <source>Cost units</source>
        <translation>成本单位</translation>
    </message>
    <message>
        <source>Won (¥)</source>
        <translation>赢单金额（元）</translation>
    </message>
    <message>
        <source>Cost per ¥10,000 won</source>
        <translation>每万元赢单成本</translation>
    </message>
    <message>
        <source>Customer class</source>
        <translation>客户类别</translation>
    </message>
    <message>
        <source>Per rep</source>
        <translation>按销售代表</translation>
    </message>
    <message>
        <source>Per customer class (ABC)</source>
        <translation>按客户类别（ABC）</translation>
    </message>
    <message>
        <source>The activities could not be loaded: {error}</source>
        <translation>无法加载活动记录：{error}</translation>
    </message>
    <message>
        <source>{count} activities from {first} to {last}.</source>
        <translation>{first} 至 {last} 共 {count} 条活动。</translation>
    </message>
    <message>
        <source>{count} activities, {hours} h · direct selling {share} (target {target})</source>
        <translation>{count} 条活动，{hours} 小时 · 直接销售时间 {share}（目标 {target}）</translation>
    </message>
    <message>
        <source>Added an activity on {day}, outside the period shown.</source>
        <translation>已添加 {day} 的活动，不在当前显示的期间内。</translation>
    </message>
    <message>
        <source>Delete activities</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <source>Delete {count} activities?</source>
        <translation>删除 {count} 条活动？</translation>
    </message>
    <message>
        <source>Target {share}</source>
        <translation>目标 {share}</translation>
    </message>
    <message>
        <source>Where the time goes, {first} – {last} ({count} reps)</source>
        <translation>时间都去哪儿了：{first} – {last}（{count} 名销售代表）</translation>
    </message>
    <message>
        <source>no direct selling logged</source>
        <translation>没有直接销售时间记录</translation>
    </message>
    <message>
        <source>= {gain:+.0%} reps</source>
        <translation>= 人手 {gain:+.0%}</translation>
    </message>
    <message>
        <source>{hours} h of {total} h move to support staff and become selling time: the same direct-selling hours as {extra:.1f} more reps at today&apos;s share (of {reps}).</source>
        <translation>{total} 小时中有 {hours} 小时转给支持人员，变成销售时间：相当于按现在的占比再增加 {extra:.1f} 名销售代表（现有 {reps} 名）的直接销售时间。</translation>
    </message>
    <message>
        <source>Now {share}</source>
        <translation>现在 {share}</translation>
    </message>
    <message>
        <source>After {share}</source>
        <translation>调整后 {share}</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>After</source>
        <translation>调整后</translation>
    </message>
    <message>
        <source>Contacts are direct-selling activities by channel; one visit : one call : one e-mail cost {visit:g} : {phone:g} : {email:g} cost units (a meeting with a customer counts as a visit). Won amounts are opportunities won in the period.</source>
        <translation>联系指按方式统计的直接销售活动；一次拜访 : 一次电话 : 一封邮件的成本为 {visit:g} : {phone:g} : {email:g} 个成本单位（与客户开会按拜访计）。赢单金额为本期间赢单的销售机会。</translation>
    </message>
    <message>
        <source>No customer</source>
        <translation>未关联客户</translation>
    </message>
    <message>
        <source>Export activities</source>
        <translation>导出活动</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exported {count} activities to {file}.</source>
        <translation>已导出 {count} 条活动到 {file}。</translation>
    </message>
    <message>
        <source>The export failed: {error}</source>
        <translation>导出失败：{error}</translation>
    </message>
    <message>
        <source>Exporting activities…</source>
        <translation>正在导出活动…</translation>
    </message>
</context>
<context>
    <name>ActivityEditDialog</name>
    <message>
        <source>Edit activity</source>
        <translation>编辑活动</translation>
    </message>
</context>
<context>
    <name>ActivityForm</name>
    <message>
        <source>90 / 1.5h / 2小时</source>
        <translation>90 / 1.5h / 2小时</translation>
    </message>
    <message>
        <source>A bare number is minutes; empty: from the start and end times.</source>
        <translation>只写数字表示分钟；留空则按开始和结束时间计算。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Customer (optional): type part of the name or its pinyin</source>
        <translation>客户（可选）：输入名称的一部分或拼音</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>销售代表</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Choose a rep.</source>
        <translation>请选择销售代表。</translation>
    </message>
    <message>
        <source>Choose an activity type.</source>
        <translation>请选择活动类型。</translation>
    </message>
    <message>
        <source>Start and end are clock times such as 9:00 or 14:30.</source>
        <translation>开始和结束应为时刻，例如 9:00 或 14:30。</translation>
    </message>
    <message>
        <source>The duration is minutes (90) or a time such as 1.5h or 2小时, up to 24 hours.</source>
        <translation>时长可写分钟数（90）或 1.5h、2小时 等，最多 24 小时。</translation>
    </message>
    <message>
        <source>Give the duration, or both the start and the end time.</source>
        <translation>请填写时长，或同时填写开始和结束时间。</translation>
    </message>
    <message>
        <source>No customer is named “{name}”; pick one from the list or leave it empty.</source>
        <translation>没有名为“{name}”的客户；请从列表中选择，或留空。</translation>
    </message>
    <message>
        <source>Several customers are named “{name}”; pick one from the list.</source>
        <translation>有多个客户名为“{name}”；请从列表中选择。</translation>
    </message>
</context>
<context>
    <name>ActivityImportDialog</name>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
</context>
<context>
    <name>ActivityTypesDialog</name>
    <message>
        <source>Activity types</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Time category</source>
        <translation>时间类别</translation>
    </message>
    <message>
        <source>Default channel</source>
        <translation>默认方式</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>使用次数</translation>
    </message>
    <message>
        <source>Add type</source>
        <translation>添加类型</translation>
    </message>
    <message>
        <source>Delete type</source>
        <translation>删除类型</translation>
    </message>
    <message>
        <source>Word in reps&apos; sheets</source>
        <translation>销售表格中的写法</translation>
    </message>
    <message>
        <source>Means</source>
        <translation>对应类型</translation>
    </message>
    <message>
        <source>Forget word</source>
        <translation>忘记此写法</translation>
    </message>
    <message>
        <source>Each type counts towards one time category; changing it re-files past activities too.</source>
        <translation>每种类型计入一个时间类别；修改类别后，以往的活动也按新类别统计。</translation>
    </message>
    <message>
        <source>Words learned from imported sheets:</source>
        <translation>从导入表格中学到的写法：</translation>
    </message>
    <message>
        <source>New type</source>
        <translation>新类型</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Default types cannot be deleted; change their category instead.</source>
        <translation>默认类型不能删除；请改为修改其时间类别。</translation>
    </message>
    <message>
        <source>“{name}” is used by {count} activities; change its category instead of deleting it.</source>
        <translation>“{name}”已被 {count} 条活动使用；请修改其时间类别，而不要删除。</translation>
    </message>
    <message>
        <source>Every type needs a name.</source>
        <translation>每种类型都需要名称。</translation>
    </message>
    <message>
        <source>A type in use cannot be deleted ({count} activities).</source>
        <translation>正在使用的类型不能删除（{count} 条活动）。</translation>
    </message>
</context>
<context>
    <name>AddVisitDialog</name>
    <message>
        <source>Add a visit</source>
        <translation>添加拜访</translation>
    </message>
    <message>
        <source>e.g. present the new price list</source>
        <translation>例如：介绍新价格表</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>拜访目的</translation>
    </message>
    <message>
        <source>Choose one of the rep&apos;s customers from the list.</source>
        <translation>请从列表中选择一个客户。</translation>
    </message>
</context>
<context>
    <name>AttendanceCharts</name>
    <message>
        <source>Late arrivals and absent days per rep</source>
        <translation>各销售人员迟到次数与旷工天数</translation>
    </message>
    <message>
        <source>Team trend by month</source>
        <translation>团队月度趋势</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>旷工</translation>
    </message>
    <message>
        <source>Late arrivals and absent days: the {shown} most often late of {count} reps (drag for more)</source>
        <translation>迟到次数与旷工天数：{count} 名销售人员中迟到最多的 {shown} 人（拖动查看更多）</translation>
    </message>
    <message>
        <source>Late arrivals</source>
        <translation>迟到次数</translation>
    </message>
    <message>
        <source>Absent days</source>
        <translation>旷工天数</translation>
    </message>
</context>
<context>
    <name>AttendanceImportDialog</name>
    <message>
        <source>Import attendance</source>
        <translation>导入考勤</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Month of the day columns</source>
        <translation>日期列所属月份</translation>
    </message>
    <message>
        <source>Header rows</source>
        <translation>表头行</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>表格格式</translation>
    </message>
    <message>
        <source>Understood</source>
        <translation>识别结果</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header in the file</source>
        <translation>文件中的表头</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>首个值</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>识别为</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Punch times</source>
        <translation>打卡时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>单元格内容</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>These people match no rep. Choose who each one is, or add them as new reps:</source>
        <translation>以下人员与现有销售人员均不匹配。请逐一指定对应的销售人员，或将其添加为新的销售人员：</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>销售人员</translation>
    </message>
    <message>
        <source>Remember this column mapping for files that look the same</source>
        <translation>记住此列对应关系，用于格式相同的文件</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Columns (change “Read as” where the guess is wrong):</source>
        <translation>列对应关系（识别有误时请修改“识别为”）：</translation>
    </message>
    <message>
        <source>First person-days as they will be imported:</source>
        <translation>前几条每日考勤记录（即将导入的内容）：</translation>
    </message>
    <message>
        <source>one row per punch</source>
        <translation>每次打卡一行</translation>
    </message>
    <message>
        <source>one row per person and day</source>
        <translation>每人每天一行</translation>
    </message>
    <message>
        <source>month grid: one row per person, one column per day</source>
        <translation>月度表：每人一行，每天一列</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <source>Punch time</source>
        <translation>打卡时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <source>This is not a date, or the day does not exist. Write it like 2026-10-03 in the file, or set this column to “(ignore)” if it is not the date.</source>
        <translation>这不是日期，或该日期不存在。请在文件中按 2026-10-03 的格式填写；如果此列不是日期，请将其设为“（忽略）”。</translation>
    </message>
    <message>
        <source>This is not a clock time, or the time does not exist (e.g. 25:61). Write times like 09:05, several separated by spaces or line breaks, and 次日 00:30 for after midnight.</source>
        <translation>这不是时刻，或该时间不存在（如 25:61）。时间请写成 09:05 的格式，多个时间之间用空格或换行分隔，过了午夜的时间写成“次日 00:30”。</translation>
    </message>
    <message>
        <source>The date has no year, and the file states none. Write the year in the date (2026-10-03) or in a title row above the header (e.g. 2026年10月).</source>
        <translation>日期中没有年份，文件中也未注明。请在日期中写上年份（2026-10-03），或在表头上方的标题行中注明（如 2026年10月）。</translation>
    </message>
    <message>
        <source>This column should hold a date and a time of day, but the cell has only a date. Check that the column is read as the right thing, or add the punch time to the cell.</source>
        <translation>此列应包含日期和具体时间，但该单元格只有日期。请检查此列是否识别正确，或在单元格中补上打卡时间。</translation>
    </message>
    <message>
        <source>This row has attendance but neither a name nor an employee number. Fill in who it is, or delete the row.</source>
        <translation>此行有考勤数据，但既没有姓名也没有工号。请填写是谁，或删除该行。</translation>
    </message>
    <message>
        <source>This row has no date. Fill in the date, or check which column is read as “Date”.</source>
        <translation>此行没有日期。请填写日期，或检查哪一列被识别为“日期”。</translation>
    </message>
    <message>
        <source>No header naming the person and the date (or the days of the month) was found. Check the header rows and the layout above, and that one column is read as “Name” or “Employee no.” and one as “Date” or “Date and time”, or choose another sheet.</source>
        <translation>未找到标明人员和日期（或当月各天）的表头。请检查上方的表头行和表格格式，确认有一列识别为“姓名”或“工号”、有一列识别为“日期”或“日期时间”；或者选择其他工作表。</translation>
    </message>
    <message>
        <source>The day columns have no year and month: the file states neither in a title, the sheet name nor the file name. Set the month of the day columns above.</source>
        <translation>日期列没有年份和月份：文件的标题、工作表名称和文件名中都未注明。请在上方设置日期列所属月份。</translation>
    </message>
    <message>
        <source>The mapping names a column or header row this sheet does not have. Check the header rows and the “Read as” choices.</source>
        <translation>列对应关系中指定的列或表头行在此工作表中不存在。请检查表头行和各列的“识别为”设置。</translation>
    </message>
    <message>
        <source>Choose an attendance workbook</source>
        <translation>选择考勤 Excel 工作簿</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx *.xlsm *.xls)</source>
        <translation>Excel 工作簿 (*.xlsx *.xlsm *.xls)</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>Reading cancelled. Choose the file again to import it.</source>
        <translation>已取消读取。如需导入，请重新选择该文件。</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}. Check that it is an Excel workbook without a password, then choose it again.</source>
        <translation>无法读取 {file}：{reason}。请确认它是未设密码的 Excel 工作簿，然后重新选择。</translation>
    </message>
    <message>
        <source>{file} could not be read; the details are in the log file.</source>
        <translation>无法读取 {file}，详细信息见日志文件。</translation>
    </message>
    <message>
        <source>One problem stops the import. Correct it in the file and choose the file again, or correct the mapping above; nothing is imported until every cell can be read.</source>
        <translation>有 1 个问题导致无法导入。请在文件中更正后重新选择该文件，或更正上方的列对应关系；在所有单元格都能读取之前，不会导入任何数据。</translation>
    </message>
    <message>
        <source>{count} problems stop the import. Correct them in the file and choose the file again, or correct the mapping above; nothing is imported until every cell can be read.</source>
        <translation>有 {count} 个问题导致无法导入。请在文件中更正后重新选择该文件，或更正上方的列对应关系；在所有单元格都能读取之前，不会导入任何数据。</translation>
    </message>
    <message>
        <source>No attendance was found on this sheet. Check the mapping or the sheet.</source>
        <translation>此工作表中未找到考勤数据。请检查列对应关系或所选工作表。</translation>
    </message>
    <message>
        <source>Ready to import. Person-days: {days}.</source>
        <translation>可以导入，共 {days} 条每日考勤记录。</translation>
    </message>
    <message>
        <source>(choose the month)</source>
        <translation>（请选择月份）</translation>
    </message>
    <message>
        <source>Sheet “{sheet}”: the layout was not recognised.</source>
        <translation>工作表“{sheet}”：未能识别表格格式。</translation>
    </message>
    <message>
        <source>Sheet “{sheet}” read as {shape}.</source>
        <translation>工作表“{sheet}”识别为：{shape}。</translation>
    </message>
    <message>
        <source>Header in row {row}.</source>
        <translation>表头在第 {row} 行。</translation>
    </message>
    <message>
        <source>Header in rows {first} to {last}.</source>
        <translation>表头在第 {first} 至 {last} 行。</translation>
    </message>
    <message>
        <source>Period {period}.</source>
        <translation>考勤月份：{period}。</translation>
    </message>
    <message>
        <source>Dates from {first} to {last}.</source>
        <translation>日期范围：{first} 至 {last}。</translation>
    </message>
    <message>
        <source>Person-days: {days}; people: {people}.</source>
        <translation>每日考勤记录 {days} 条，共 {people} 人。</translation>
    </message>
    <message>
        <source>Using the column mapping you corrected for a file like this before.</source>
        <translation>已沿用您之前为同类文件更正过的列对应关系。</translation>
    </message>
    <message>
        <source>One row that holds no attendance (a blank row, a total or a note) was skipped.</source>
        <translation>已跳过 1 行不含考勤数据的行（空行、合计行或备注）。</translation>
    </message>
    <message>
        <source>{count} rows that hold no attendance (blank rows, totals, notes) were skipped.</source>
        <translation>已跳过 {count} 行不含考勤数据的行（空行、合计行、备注）。</translation>
    </message>
    <message>
        <source>Status words the attendance rules do not know are imported as written: {words}.</source>
        <translation>以下状态词不在考勤规则中，将按原文导入：{words}。</translation>
    </message>
    <message>
        <source>Day {day} ({date})</source>
        <translation>{day} 日（{date}）</translation>
    </message>
    <message>
        <source>next day {time}</source>
        <translation>次日 {time}</translation>
    </message>
    <message>
        <source>{count} cells cannot be read; the first {shown} are listed:</source>
        <translation>有 {count} 个单元格无法读取，以下列出前 {shown} 个：</translation>
    </message>
    <message>
        <source>Cells that cannot be read:</source>
        <translation>无法读取的单元格：</translation>
    </message>
    <message>
        <source>Add as a new rep</source>
        <translation>添加为新的销售人员</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>正在导入 {file}…</translation>
    </message>
    <message>
        <source>{added} days added, {replaced} replaced, {unchanged} unchanged; {people} people added.</source>
        <translation>新增 {added} 条每日考勤记录，替换 {replaced} 条，{unchanged} 条未变；新增销售人员 {people} 名。</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>未导入任何数据。</translation>
    </message>
    <message>
        <source>Cells that cannot be read: {count}.</source>
        <translation>无法读取的单元格：{count} 个。</translation>
    </message>
    <message>
        <source>Choose who these people are: {people}.</source>
        <translation>请指定以下人员对应的销售人员：{people}。</translation>
    </message>
    <message>
        <source>The import failed and nothing was changed. The details are in the log file.</source>
        <translation>导入失败，数据未作任何更改。详细信息见日志文件。</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was changed.</source>
        <translation>已取消导入，数据未作任何更改。</translation>
    </message>
</context>
<context>
    <name>AttendancePage</name>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Rules…</source>
        <translation>考勤规则…</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>✓ normal   迟 late   早 early leave   缺 missing punch   旷 absent   假 leave   差 business trip   外 field work   休 rest day; grey columns are weekends and holidays. Click a day to correct it.</source>
        <translation>✓ 正常   迟 迟到   早 早退   缺 缺卡   旷 旷工   假 请假   差 出差   外 外勤   休 休息日；灰色列为周末和节假日。点击某一天可更正考勤。</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>考勤台账</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>The ledger could not be loaded: {error}</source>
        <translation>无法加载考勤台账：{error}</translation>
    </message>
    <message>
        <source>Work days</source>
        <translation>应出勤天数</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>实际出勤</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>Late min.</source>
        <translation>迟到分钟</translation>
    </message>
    <message>
        <source>Early</source>
        <translation>早退</translation>
    </message>
    <message>
        <source>Early min.</source>
        <translation>早退分钟</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺卡</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>旷工</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Trip</source>
        <translation>出差</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>外勤</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>(adjusted working day, 调休)</source>
        <translation>（调休上班日）</translation>
    </message>
    <message>
        <source>No record for this working day</source>
        <translation>该工作日无考勤记录</translation>
    </message>
    <message>
        <source>The public-holiday calendar for {year} is not known yet: weekdays count as working days. Set holidays and adjusted working days by hand.</source>
        <translation>尚无 {year} 年的法定节假日安排：暂按周一至周五计为工作日。请手动设置节假日和调休上班日。</translation>
    </message>
    <message>
        <source>Reps: {count}; working days: {workdays}.</source>
        <translation>销售人员：{count} 人；应出勤：{workdays} 天。</translation>
    </message>
    <message>
        <source>Late {n} times or more: {names}.</source>
        <translation>迟到 {n} 次及以上：{names}。</translation>
    </message>
    <message>
        <source>Late {minutes} min</source>
        <translation>迟到 {minutes} 分钟</translation>
    </message>
    <message>
        <source>Early leave {minutes} min</source>
        <translation>早退 {minutes} 分钟</translation>
    </message>
    <message>
        <source>Missing punches: {count}</source>
        <translation>缺卡 {count} 次</translation>
    </message>
    <message>
        <source>attendance-{year}-{month:02d}.xlsx</source>
        <translation>考勤-{year}-{month:02d}.xlsx</translation>
    </message>
    <message>
        <source>Export ledger</source>
        <translation>导出考勤台账</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Ledger written to {file}.</source>
        <translation>考勤台账已保存到 {file}。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Writing the ledger…</source>
        <translation>正在写入考勤台账…</translation>
    </message>
    <message>
        <source>Attendance ledger</source>
        <translation>考勤台账</translation>
    </message>
</context>
<context>
    <name>AttendanceRulesDialog</name>
    <message>
        <source>Attendance rules</source>
        <translation>考勤规则</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <source> times</source>
        <translation> 次</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Shift starts</source>
        <translation>上班时间</translation>
    </message>
    <message>
        <source>Shift ends</source>
        <translation>下班时间</translation>
    </message>
    <message>
        <source>Grace after the start</source>
        <translation>迟到宽限时间</translation>
    </message>
    <message>
        <source>Seriously late from</source>
        <translation>严重迟到起点</translation>
    </message>
    <message>
        <source>Flag a rep late this often in a month</source>
        <translation>每月迟到达到此次数时予以标记</translation>
    </message>
    <message>
        <source>Punches before this time belong to the previous day</source>
        <translation>此时间之前的打卡计入前一天</translation>
    </message>
    <message>
        <source>Punches this close together count as one</source>
        <translation>间隔不超过此时长的打卡计为一次</translation>
    </message>
    <message>
        <source>A day of leave is</source>
        <translation>请假一天折合</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Rest days of the week</source>
        <translation>每周休息日</translation>
    </message>
    <message>
        <source>Company calendar (overrides the public holidays and 调休 days)</source>
        <translation>公司日历（优先于法定节假日和调休安排）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>休息日</translation>
    </message>
    <message>
        <source>e.g. company anniversary</source>
        <translation>如：公司周年庆</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>The shift must end after it starts.</source>
        <translation>下班时间必须晚于上班时间。</translation>
    </message>
</context>
<context>
    <name>ClassificationDialog</name>
    <message>
        <source>Classification settings</source>
        <translation>分类设置</translation>
    </message>
    <message>
        <source>ABC by share of sales</source>
        <translation>ABC分类（按销售额占比）</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Trailing window</source>
        <translation>统计周期（最近）</translation>
    </message>
    <message>
        <source>A: first share of sales</source>
        <translation>A类：累计销售额占比达</translation>
    </message>
    <message>
        <source>B: next share of sales</source>
        <translation>B类：其后销售额占比</translation>
    </message>
    <message>
        <source>Value matrix (Star / Cow / Volcano / Dog)</source>
        <translation>价值矩阵（明星 / 奶牛 / 火山 / 小狗）</translation>
    </message>
    <message>
        <source>High purchase amount from</source>
        <translation>高采购额起点</translation>
    </message>
    <message>
        <source>High purchase density from (orders/year)</source>
        <translation>高购买密度起点（单/年）</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>客户分级</translation>
    </message>
    <message>
        <source>Closed customers: medium from</source>
        <translation>既成客户：中型客户起点</translation>
    </message>
    <message>
        <source>large from</source>
        <translation>大型客户起点</translation>
    </message>
    <message>
        <source>VIP from</source>
        <translation>VIP客户起点</translation>
    </message>
    <message>
        <source>Potential customers: A from close likelihood</source>
        <translation>潜在客户：A级（成交可能性）起点</translation>
    </message>
    <message>
        <source>B from</source>
        <translation>B级起点</translation>
    </message>
    <message>
        <source>C from (below is D)</source>
        <translation>C级起点（低于此为D级）</translation>
    </message>
    <message>
        <source>Weighted score</source>
        <translation>加权评分</translation>
    </message>
    <message>
        <source>Contribution</source>
        <translation>贡献度</translation>
    </message>
    <message>
        <source>Credit (payment punctuality)</source>
        <translation>信用（回款及时性）</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>忠诚度</translation>
    </message>
    <message>
        <source>Growth potential</source>
        <translation>成长潜力</translation>
    </message>
    <message>
        <source>A and B shares together cannot exceed 100%.</source>
        <translation>A类与B类的销售额占比之和不能超过 100%。</translation>
    </message>
    <message>
        <source>Grade thresholds must rise: medium ≤ large ≤ VIP.</source>
        <translation>分级门槛须逐级递增：中型 ≤ 大型 ≤ VIP。</translation>
    </message>
    <message>
        <source>Close-likelihood thresholds must fall: A ≥ B ≥ C.</source>
        <translation>成交可能性门槛须逐级递减：A ≥ B ≥ C。</translation>
    </message>
    <message>
        <source>At least one score weight must be above zero.</source>
        <translation>至少要有一项评分权重大于零。</translation>
    </message>
</context>
<context>
    <name>CompetitorsPage</name>
    <message>
        <source>Import competitor intelligence</source>
        <translation>导入竞争对手情报</translation>
    </message>
    <message>
        <source>Battlecard…</source>
        <translation>竞争对手作战卡…</translation>
    </message>
    <message>
        <source>Save battlecard PDF…</source>
        <translation>保存作战卡 PDF…</translation>
    </message>
    <message>
        <source>Search text, pinyin or initials</source>
        <translation>搜索内容、拼音或首字母</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Any reliability</source>
        <translation>全部可靠性</translation>
    </message>
    <message>
        <source>Add entry…</source>
        <translation>新增情报…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>可靠性</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>相关客户</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Intelligence</source>
        <translation>竞争对手情报</translation>
    </message>
    <message>
        <source>Double-click an entry to edit it</source>
        <translation>双击一条情报可编辑</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>优势</translation>
    </message>
    <message>
        <source>Weaknesses</source>
        <translation>劣势</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>价格策略</translation>
    </message>
    <message>
        <source>After-sales service</source>
        <translation>售后服务</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>交货</translation>
    </message>
    <message>
        <source>Technical support</source>
        <translation>技术支持</translation>
    </message>
    <message>
        <source>Sales target</source>
        <translation>销售目标</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>not estimated</source>
        <translation>未估计</translation>
    </message>
    <message>
        <source>Expected market share</source>
        <translation>预计市场占有率</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>Record a price…</source>
        <translation>记录价格…</translation>
    </message>
    <message>
        <source>Our list price…</source>
        <translation>我方目录价…</translation>
    </message>
    <message>
        <source>Set our own list price of a product from a date on; the chart compares.</source>
        <translation>设置我方某产品自某日起的目录价；图表中对照显示。</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Price watch</source>
        <translation>价格监测</translation>
    </message>
    <message>
        <source>Record a rep sighting…</source>
        <translation>记录对手业务员动向…</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Visits / month</source>
        <translation>每月拜访次数</translation>
    </message>
    <message>
        <source>Stay (minutes)</source>
        <translation>停留（分钟）</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>接触对象</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>话题</translation>
    </message>
    <message>
        <source>Dealer promotion</source>
        <translation>经销商促销</translation>
    </message>
    <message>
        <source>Rep behaviour</source>
        <translation>业务员动向</translation>
    </message>
    <message>
        <source>No competitors yet</source>
        <translation>尚无竞争对手</translation>
    </message>
    <message>
        <source>{count} sightings at {customers} customers; on average {visits} visits a month and {minutes} minutes a stay; dealer promotions seen {promotions} times.</source>
        <translation>在 {customers} 家客户处观察到 {count} 次；平均每月拜访 {visits} 次，每次停留 {minutes} 分钟；发现经销商促销 {promotions} 次。</translation>
    </message>
    <message>
        <source>{count} intelligence entries</source>
        <translation>{count} 条情报</translation>
    </message>
    <message>
        <source>Profile saved.</source>
        <translation>档案已保存。</translation>
    </message>
    <message>
        <source>Battlecard: {name}</source>
        <translation>竞争对手作战卡：{name}</translation>
    </message>
    <message>
        <source>Save battlecard</source>
        <translation>保存作战卡</translation>
    </message>
    <message>
        <source>PDF file (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Battlecard not saved</source>
        <translation>作战卡未保存</translation>
    </message>
    <message>
        <source>Battlecard saved to {file}.</source>
        <translation>作战卡已保存到 {file}。</translation>
    </message>
    <message>
        <source>Export intelligence</source>
        <translation>导出竞争对手情报</translation>
    </message>
    <message>
        <source>intelligence.xlsx</source>
        <translation>竞争对手情报.xlsx</translation>
    </message>
    <message>
        <source>Intelligence exported to {file}: {count} entries.</source>
        <translation>竞争对手情报已导出到 {file}：{count} 条。</translation>
    </message>
    <message>
        <source>Exporting intelligence…</source>
        <translation>正在导出竞争对手情报…</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>已知</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Role in decision</source>
        <translation>决策角色</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>态度</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Personal notes</source>
        <translation>个人情况备注</translation>
    </message>
</context>
<context>
    <name>ConversionChart</name>
    <message>
        <source>{step}
Entered: {entered}
Went further: {advanced}
Conversion: {rate}</source>
        <translation>{step}
进入：{entered}
推进到后续阶段：{advanced}
转化率：{rate}</translation>
    </message>
    <message>
        <source>No stage changes in the period</source>
        <translation>期间内没有阶段变化</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct {name}, {day}</source>
        <translation>更正考勤：{name}，{day}</translation>
    </message>
    <message>
        <source>e.g. 08:57 18:03 (next day: 次日 00:30)</source>
        <translation>如 08:57 18:03（跨天：次日 00:30）</translation>
    </message>
    <message>
        <source>e.g. 正常, 年假, 出差, 外勤</source>
        <translation>如 正常、年假、出差、外勤</translation>
    </message>
    <message>
        <source>Punch times</source>
        <translation>打卡时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>更正原因（必填）</translation>
    </message>
    <message>
        <source>Earlier corrections</source>
        <translation>以往更正记录</translation>
    </message>
    <message>
        <source>Punch times must be clock times such as 08:57 or 次日 00:30.</source>
        <translation>打卡时间须为 08:57 或 次日 00:30 这样的时刻。</translation>
    </message>
    <message>
        <source>Give a reason: corrections are kept in the audit trail.</source>
        <translation>请填写更正原因：每次更正都会记入审计记录。</translation>
    </message>
</context>
<context>
    <name>CustomerDetail</name>
    <message>
        <source>Profile</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Company size</source>
        <translation>公司规模</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>客户来源</translation>
    </message>
    <message>
        <source>Trade terms</source>
        <translation>交易条件</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Close likelihood</source>
        <translation>成交可能性</translation>
    </message>
    <message>
        <source>Credit rating</source>
        <translation>信用等级</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Business scope</source>
        <translation>经营范围</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Role in decision</source>
        <translation>决策角色</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>态度</translation>
    </message>
    <message>
        <source>Add contact…</source>
        <translation>添加联系人…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Add order…</source>
        <translation>添加订单…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Orders: {count}, ¥{total}</source>
        <translation>订单：{count} 笔，合计 ¥{total}</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Find duplicates…</source>
        <translation>查找重复客户…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Classification settings…</source>
        <translation>分类设置…</translation>
    </message>
    <message>
        <source>Show deleted</source>
        <translation>显示已删除</translation>
    </message>
    <message>
        <source>Search name, short name, phone or pinyin (e.g. hwjs)…</source>
        <translation>搜索客户名称、简称、电话或拼音（如 hwjs）…</translation>
    </message>
    <message>
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Select a customer to see and edit the profile, contacts and orders.</source>
        <translation>选择一个客户，即可查看和编辑其档案、联系人和订单。</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Pareto</source>
        <translation>帕累托图</translation>
    </message>
    <message>
        <source>Value matrix</source>
        <translation>价值矩阵</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Sales 12 mo. (¥)</source>
        <translation>近12个月销售额</translation>
    </message>
    <message>
        <source>Orders/yr</source>
        <translation>年订单数</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>The customer list could not be loaded: {error}</source>
        <translation>无法加载客户列表：{error}</translation>
    </message>
    <message>
        <source>{shown} of {total} customers</source>
        <translation>显示 {shown} 个客户（共 {total} 个）</translation>
    </message>
    <message>
        <source>Customers picked in the chart: {count}.</source>
        <translation>图表中选中的客户：{count} 个。</translation>
    </message>
    <message>
        <source>Customers deleted: {count}.</source>
        <translation>已删除客户：{count} 个。</translation>
    </message>
    <message>
        <source>Annual purchase amount (¥)</source>
        <translation>年采购额（元）</translation>
    </message>
    <message>
        <source>Orders per year</source>
        <translation>年订单数</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>The customer could not be saved: {error}</source>
        <translation>无法保存客户：{error}</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Open pipeline</source>
        <translation>在途销售机会</translation>
    </message>
    <message>
        <source>Weighted forecast</source>
        <translation>加权预测</translation>
    </message>
    <message>
        <source>Expected to close this month</source>
        <translation>本月预计成交</translation>
    </message>
    <message>
        <source>Won this month</source>
        <translation>本月赢单</translation>
    </message>
    <message>
        <source>Stalled deals</source>
        <translation>停滞的机会</translation>
    </message>
    <message>
        <source>Visits this week</source>
        <translation>本周拜访</translation>
    </message>
    <message>
        <source>Direct selling time this week</source>
        <translation>本周直接销售时间</translation>
    </message>
    <message>
        <source>Attendance this month</source>
        <translation>本月出勤</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Next steps due this week</source>
        <translation>本周到期的下一步</translation>
    </message>
    <message>
        <source>Latest competitor intelligence</source>
        <translation>最新竞争对手情报</translation>
    </message>
    <message>
        <source>The dashboard could not be loaded: {error}</source>
        <translation>仪表盘无法加载：{error}</translation>
    </message>
    <message>
        <source>Week of {monday} to {sunday}</source>
        <translation>本周：{monday} 至 {sunday}</translation>
    </message>
    <message>
        <source>Open deals: {count}</source>
        <translation>进行中的机会：{count}</translation>
    </message>
    <message>
        <source>Amount × stage probability</source>
        <translation>金额 × 阶段概率</translation>
    </message>
    <message>
        <source>Deals: {count}; past their close date: {overdue}</source>
        <translation>机会：{count}；已过预计成交日：{overdue}</translation>
    </message>
    <message>
        <source>Won: {won}; lost: {lost}</source>
        <translation>赢单：{won}；输单：{lost}</translation>
    </message>
    <message>
        <source>No stage change and no activity lately</source>
        <translation>近期既无阶段变化也无活动</translation>
    </message>
    <message>
        <source>{done} of {planned}</source>
        <translation>{done} / {planned}</translation>
    </message>
    <message>
        <source>Visits done of those planned</source>
        <translation>已完成 / 计划拜访</translation>
    </message>
    <message>
        <source>Target: {target}</source>
        <translation>目标：{target}</translation>
    </message>
    <message>
        <source>{late} late</source>
        <translation>迟到 {late} 次</translation>
    </message>
    <message>
        <source>Absent days: {absent}; flagged: {names}</source>
        <translation>旷工天数：{absent}；需关注：{names}</translation>
    </message>
    <message>
        <source>New this month: {count}</source>
        <translation>本月新增：{count}</translation>
    </message>
    <message>
        <source>{date} overdue</source>
        <translation>{date} 已逾期</translation>
    </message>
    <message>
        <source>Nothing due this week.</source>
        <translation>本周没有到期事项。</translation>
    </message>
    <message>
        <source>No intelligence recorded yet.</source>
        <translation>尚未记录情报。</translation>
    </message>
</context>
<context>
    <name>DealDetail</name>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Created on</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Won by</source>
        <translation>赢单对手</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>Buying stage</source>
        <translation>购买阶段</translation>
    </message>
    <message>
        <source>What happens next?</source>
        <translation>下一步做什么？</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Close the detail</source>
        <translation>关闭详情</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Key nodes</source>
        <translation>关键节点</translation>
    </message>
    <message>
        <source>History</source>
        <translation>阶段历史</translation>
    </message>
    <message>
        <source>The next step is overdue.</source>
        <translation>下一步已逾期。</translation>
    </message>
    <message>
        <source>Entered: {stage}</source>
        <translation>进入：{stage}</translation>
    </message>
</context>
<context>
    <name>DealDialog</name>
    <message>
        <source>New opportunity</source>
        <translation>新建销售机会</translation>
    </message>
    <message>
        <source>Edit opportunity</source>
        <translation>编辑销售机会</translation>
    </message>
    <message>
        <source>Type a name, pinyin or initials…</source>
        <translation>输入名称、拼音或首字母…</translation>
    </message>
    <message>
        <source>e.g. 二期产线自动化改造项目</source>
        <translation>例如：二期产线自动化改造项目</translation>
    </message>
    <message>
        <source>Amount in yuan, e.g. 1,250,000</source>
        <translation>金额（元），例如 1,250,000</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Move the deal on the board to change its stage.</source>
        <translation>在看板上拖动卡片来变更阶段。</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>Another competitor&apos;s name (added to the register)</source>
        <translation>其他竞争对手名称（将添加到竞争对手档案）</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>机会名称</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>Customer&apos;s buying stage</source>
        <translation>客户购买阶段</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Competitors involved</source>
        <translation>参与竞争对手</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Choose the customer from the list (type part of its name).</source>
        <translation>请从列表中选择客户（输入名称的一部分即可）。</translation>
    </message>
    <message>
        <source>Amount: {problem}</source>
        <translation>金额：{problem}</translation>
    </message>
    <message>
        <source>Give the opportunity a name.</source>
        <translation>请填写机会名称。</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Duplicate customers</source>
        <translation>重复客户</translation>
    </message>
    <message>
        <source>Search again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <source>Names at least this similar:</source>
        <translation>名称相似度不低于：</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>疑似重复客户</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Keep left, merge right into it</source>
        <translation>保留左侧，将右侧并入</translation>
    </message>
    <message>
        <source>Keep right, merge left into it</source>
        <translation>保留右侧，将左侧并入</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>不是重复客户</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>名称相同</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>名称相似</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <source>same e-mail</source>
        <translation>电子邮件相同</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <source>Likely duplicate pairs: {count}.</source>
        <translation>疑似重复客户：{count} 对。</translation>
    </message>
    <message>
        <source>Merge customers</source>
        <translation>合并重复客户</translation>
    </message>
    <message>
        <source>Move the contacts, orders and history of “{drop}” to “{keep}” and retire “{drop}”?</source>
        <translation>将“{drop}”的联系人、订单和历史记录转移到“{keep}”名下，并停用“{drop}”？</translation>
    </message>
</context>
<context>
    <name>ForecastChart</name>
    <message>
        <source>{month}
Deals expected to close: {count}
Amount: {amount}
Weighted: {weighted}</source>
        <translation>{month}
预计成交的机会：{count}
金额：{amount}
加权金额：{weighted}</translation>
    </message>
    <message>
        <source>No open deals with an expected close</source>
        <translation>没有填写预计成交日期的进行中机会</translation>
    </message>
    <message>
        <source>Monthly target {amount}</source>
        <translation>月度目标 {amount}</translation>
    </message>
</context>
<context>
    <name>FunnelChart</name>
    <message>
        <source>{amount} · deals: {count}</source>
        <translation>{amount} · 机会数：{count}</translation>
    </message>
    <message>
        <source>{stage}
Open deals: {count}
Amount: {amount}
Weighted: {weighted}</source>
        <translation>{stage}
进行中的机会：{count}
金额：{amount}
加权金额：{weighted}</translation>
    </message>
    <message>
        <source>No open deals</source>
        <translation>没有进行中的销售机会</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>表头行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header in the file</source>
        <translation>文件中的表头</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>首个值</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Columns (change “Import as” where the guess is wrong):</source>
        <translation>列对应关系（识别有误时请修改“导入为”）：</translation>
    </message>
    <message>
        <source>First rows:</source>
        <translation>前几行：</translation>
    </message>
    <message>
        <source>Choose a workbook</source>
        <translation>选择 Excel 工作簿</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx *.xlsm *.xls)</source>
        <translation>Excel 工作簿 (*.xlsx *.xlsm *.xls)</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <source>{rows} data rows on sheet “{sheet}”; {mapped} columns recognised.</source>
        <translation>工作表“{sheet}”中有 {rows} 行数据；已识别 {mapped} 列。</translation>
    </message>
    <message>
        <source>(do not import)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>正在导入 {file}…</translation>
    </message>
    <message>
        <source>Imported: {created} created, {updated} updated, {unchanged} unchanged.</source>
        <translation>导入完成：新建 {created} 个，更新 {updated} 个，{unchanged} 个未变。</translation>
    </message>
    <message>
        <source>{count} problems found in {file}. Nothing was imported; correct the file and try again.</source>
        <translation>在 {file} 中发现 {count} 个问题，未导入任何数据。请修改文件后重试。</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>无法读取该文件：{reason}</translation>
    </message>
    <message>
        <source>The import failed and nothing was changed: {error}</source>
        <translation>导入失败，数据未作任何更改：{error}</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was changed.</source>
        <translation>已取消导入，数据未作任何更改。</translation>
    </message>
</context>
<context>
    <name>IntelligenceEntryDialog</name>
    <message>
        <source>Edit intelligence entry</source>
        <translation>编辑竞争对手情报</translation>
    </message>
    <message>
        <source>Add intelligence entry</source>
        <translation>新增竞争对手情报</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <source>What was seen or heard, by whom, where</source>
        <translation>看到或听到了什么，由谁提供，在哪里</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>可靠性</translation>
    </message>
    <message>
        <source>Intelligence</source>
        <translation>情报内容</translation>
    </message>
</context>
<context>
    <name>LabelMappingDialog</name>
    <message>
        <source>New activity types in this sheet</source>
        <translation>表格中的新活动类型</translation>
    </message>
    <message>
        <source>The sheet uses words for activity types the console does not know yet. Say once what each means; the console remembers it for the next imports.</source>
        <translation>表格中有系统尚不认识的活动类型写法。请指定一次每种写法对应的类型，以后导入时系统会记住。</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sales console</source>
        <translation>销售管理台</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>销售机会</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>考勤</translation>
    </message>
    <message>
        <source>Activities &amp; time</source>
        <translation>活动与时间</translation>
    </message>
    <message>
        <source>Visit plans</source>
        <translation>拜访计划</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Import customers…</source>
        <translation>导入客户…</translation>
    </message>
    <message>
        <source>Export customers…</source>
        <translation>导出客户…</translation>
    </message>
    <message>
        <source>Import attendance…</source>
        <translation>导入考勤…</translation>
    </message>
    <message>
        <source>Import opportunities…</source>
        <translation>导入销售机会…</translation>
    </message>
    <message>
        <source>Export opportunities…</source>
        <translation>导出销售机会…</translation>
    </message>
    <message>
        <source>Import competitor intelligence…</source>
        <translation>导入竞争对手情报…</translation>
    </message>
    <message>
        <source>Export competitor intelligence…</source>
        <translation>导出竞争对手情报…</translation>
    </message>
    <message>
        <source>Import activities…</source>
        <translation>导入活动…</translation>
    </message>
    <message>
        <source>Open the sample workspace</source>
        <translation>打开示例工作区</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>Classification settings…</source>
        <translation>分类设置…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>The new language takes effect the next time the console starts.</source>
        <translation>新的界面语言将在下次启动销售管理台时生效。</translation>
    </message>
    <message>
        <source>Sales console
Database: {name}</source>
        <translation>销售管理台
数据库：{name}</translation>
    </message>
    <message>
        <source>Sample workspace</source>
        <translation>示例工作区</translation>
    </message>
    <message>
        <source>The sample data could not be created: {error}</source>
        <translation>无法创建示例数据：{error}</translation>
    </message>
    <message>
        <source>Preparing the sample workspace…</source>
        <translation>正在准备示例工作区…</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Confirm key node</source>
        <translation>确认关键节点</translation>
    </message>
    <message>
        <source>Moving “{deal}” from {source} to {target} needs this key node. Confirm it was reached:</source>
        <translation>将“{deal}”从{source}推进到{target}，需要先达成以下关键节点。请确认：</translation>
    </message>
    <message>
        <source>on</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Note for the history (optional)</source>
        <translation>阶段历史备注（可选）</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>推进</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>Add order</source>
        <translation>添加订单</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Record a loss</source>
        <translation>记录输单</translation>
    </message>
    <message>
        <source>Record a win</source>
        <translation>记录赢单</translation>
    </message>
    <message>
        <source>“{deal}” was lost.</source>
        <translation>“{deal}”输单。</translation>
    </message>
    <message>
        <source>“{deal}” was won.</source>
        <translation>“{deal}”赢单。</translation>
    </message>
    <message>
        <source>Price higher than the competitor&apos;s</source>
        <translation>价格高于竞争对手</translation>
    </message>
    <message>
        <source>Technical solution did not fit</source>
        <translation>技术方案不符合客户要求</translation>
    </message>
    <message>
        <source>Competitor closer to the decision makers</source>
        <translation>竞争对手与决策人关系更近</translation>
    </message>
    <message>
        <source>Delivery time not acceptable</source>
        <translation>交期不能满足客户要求</translation>
    </message>
    <message>
        <source>Customer cancelled or postponed the project</source>
        <translation>客户取消或推迟项目</translation>
    </message>
    <message>
        <source>Best technical solution</source>
        <translation>技术方案领先</translation>
    </message>
    <message>
        <source>Price and payment terms</source>
        <translation>价格和付款条件有优势</translation>
    </message>
    <message>
        <source>Relationship with the decision makers</source>
        <translation>与决策人关系稳固</translation>
    </message>
    <message>
        <source>Existing customer bought again</source>
        <translation>老客户复购</translation>
    </message>
    <message>
        <source>Why was it lost? (required)</source>
        <translation>输单原因（必填）</translation>
    </message>
    <message>
        <source>Why did we win? (optional)</source>
        <translation>赢单原因（可选）</translation>
    </message>
    <message>
        <source>(no competitor / not known)</source>
        <translation>（无竞争对手 / 未知）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Won by</source>
        <translation>赢单对手</translation>
    </message>
    <message>
        <source>Record loss</source>
        <translation>记录输单</translation>
    </message>
    <message>
        <source>Record win</source>
        <translation>记录赢单</translation>
    </message>
</context>
<context>
    <name>ParetoChart</name>
    <message>
        <source>Customers ranked by sales</source>
        <translation>客户（按销售额排名）</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Cumulative share of sales</source>
        <translation>累计销售额占比</translation>
    </message>
    <message>
        <source>{share:.0%} of sales</source>
        <translation>占销售额 {share:.0%}</translation>
    </message>
    <message>
        <source>Top {count} customers ({share:.0%} of customers)</source>
        <translation>前 {count} 个客户（占客户总数 {share:.0%}）</translation>
    </message>
    <message>
        <source>{label}
Sales: {amount}
Cumulative share: {share:.1%}</source>
        <translation>{label}
销售额：{amount}
累计占比：{share:.1%}</translation>
    </message>
</context>
<context>
    <name>PipelineDashboard</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Whole team</source>
        <translation>整个团队</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>未设目标</translation>
    </message>
    <message>
        <source>Set target</source>
        <translation>设定目标</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Monthly target (¥):</source>
        <translation>月度目标（¥）：</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>销售机会</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Days quiet</source>
        <translation>停滞天数</translation>
    </message>
    <message>
        <source>Quiet since</source>
        <translation>最后进展日</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（¥）</translation>
    </message>
    <message>
        <source>Funnel: open deals by stage</source>
        <translation>销售漏斗：各阶段进行中的销售机会</translation>
    </message>
    <message>
        <source>Weighted forecast by month of expected close</source>
        <translation>按预计成交月份的加权预测</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Stalled deals</source>
        <translation>停滞的销售机会</translation>
    </message>
    <message>
        <source>The pipeline dashboard could not be loaded: {error}</source>
        <translation>无法加载销售漏斗看板：{error}</translation>
    </message>
    <message>
        <source>Open deals: {count} · amount {amount} · weighted {weighted}</source>
        <translation>进行中的销售机会：{count} · 金额 {amount} · 加权 {weighted}</translation>
    </message>
    <message>
        <source>Stage conversion, last {months} months</source>
        <translation>阶段转化率（近 {months} 个月）</translation>
    </message>
    <message>
        <source>Average days in each stage, last {months} months</source>
        <translation>各阶段平均停留天数（近 {months} 个月）</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>无负责人</translation>
    </message>
    <message>
        <source>Win rate by rep, last {months} months</source>
        <translation>各销售代表赢单率（近 {months} 个月）</translation>
    </message>
    <message>
        <source>No deals closed in the period</source>
        <translation>期间内没有结束的销售机会</translation>
    </message>
    <message>
        <source>Our win rate against each competitor, last {months} months</source>
        <translation>对各竞争对手的赢单率（近 {months} 个月）</translation>
    </message>
    <message>
        <source>No closed deals with competitors in the period</source>
        <translation>期间内没有涉及竞争对手的已结束机会</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>更晚</translation>
    </message>
    <message>
        <source>Stalled deals: no stage change and no activity for {days} days or more ({count})</source>
        <translation>停滞的销售机会：{days} 天及以上无阶段变化且无活动（{count}）</translation>
    </message>
    <message>
        <source>Monthly target: {problem}</source>
        <translation>月度目标：{problem}</translation>
    </message>
</context>
<context>
    <name>PipelinePage</name>
    <message>
        <source>New opportunity</source>
        <translation>新建销售机会</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Won…</source>
        <translation>赢单…</translation>
    </message>
    <message>
        <source>Lost…</source>
        <translation>输单…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Pipeline settings…</source>
        <translation>销售流程设置…</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>看板</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <source>Search customer, opportunity, owner or pinyin (e.g. hwjs)…</source>
        <translation>搜索客户、机会、负责人或拼音（如 hwjs）…</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>No deals in this stage</source>
        <translation>此阶段暂无销售机会</translation>
    </message>
    <message>
        <source>Select a deal to see its details, key nodes and history.</source>
        <translation>选择一个销售机会，查看详情、关键节点和阶段历史。</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>销售机会</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Weighted (¥)</source>
        <translation>加权金额（元）</translation>
    </message>
    <message>
        <source>Prob.</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Days in stage</source>
        <translation>本阶段天数</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Next step on</source>
        <translation>下一步日期</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>Won by</source>
        <translation>赢单对手</translation>
    </message>
    <message>
        <source>Created on</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>The pipeline could not be loaded: {error}</source>
        <translation>销售机会无法加载：{error}</translation>
    </message>
    <message>
        <source>{shown} of {total} deals · amount {amount} · weighted forecast {weighted}</source>
        <translation>显示 {shown} / 共 {total} 个销售机会 · 金额 {amount} · 加权预测 {weighted}</translation>
    </message>
    <message>
        <source>Amount {amount}
Weighted {weighted}</source>
        <translation>金额 {amount}
加权 {weighted}</translation>
    </message>
    <message>
        <source>Expected close: {date}</source>
        <translation>预计成交：{date}</translation>
    </message>
    <message>
        <source>Closed on {date}</source>
        <translation>结束于 {date}</translation>
    </message>
    <message>
        <source>In this stage for {days} days.</source>
        <translation>已在本阶段 {days} 天。</translation>
    </message>
    <message>
        <source>Next step: {step} ({on})</source>
        <translation>下一步：{step}（{on}）</translation>
    </message>
    <message>
        <source>{days} d</source>
        <translation>{days}天</translation>
    </message>
    <message>
        <source>The pipeline dashboard is not available in this version.</source>
        <translation>此版本暂无销售机会仪表盘。</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>移动到</translation>
    </message>
    <message>
        <source>The deal was not moved: {nodes} not confirmed.</source>
        <translation>销售机会未推进：关键节点“{nodes}”未确认。</translation>
    </message>
    <message>
        <source>The deal was not moved: it is closed; reopen it first.</source>
        <translation>销售机会未推进：该机会已结束，请先重新打开。</translation>
    </message>
    <message>
        <source>A loss needs its reason; nothing was recorded.</source>
        <translation>输单必须填写原因；未作记录。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>The opportunity could not be saved: {error}</source>
        <translation>销售机会无法保存：{error}</translation>
    </message>
    <message>
        <source>Export opportunities</source>
        <translation>导出销售机会</translation>
    </message>
    <message>
        <source>opportunities.xlsx</source>
        <translation>销售机会.xlsx</translation>
    </message>
    <message>
        <source>Opportunities exported to {file}: {count}.</source>
        <translation>已导出销售机会到 {file}：{count} 个。</translation>
    </message>
    <message>
        <source>Exporting opportunities…</source>
        <translation>正在导出销售机会…</translation>
    </message>
</context>
<context>
    <name>PipelineSettingsDialog</name>
    <message>
        <source>Pipeline settings</source>
        <translation>销售流程设置</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stage&lt;/b&gt;</source>
        <translation>&lt;b&gt;阶段&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Win probability&lt;/b&gt;</source>
        <translation>&lt;b&gt;赢单概率&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Key node required to leave it&lt;/b&gt;</source>
        <translation>&lt;b&gt;推进前须达成的关键节点&lt;/b&gt;</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>无目标</translation>
    </message>
    <message>
        <source>A deal stalls after</source>
        <translation>停滞判定</translation>
    </message>
    <message>
        <source>Monthly target (¥)</source>
        <translation>月度目标（元）</translation>
    </message>
    <message>
        <source>Monthly target: {problem}</source>
        <translation>月度目标：{problem}</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This register is not built yet.</source>
        <translation>此模块尚在开发中。</translation>
    </message>
</context>
<context>
    <name>PriceChart</name>
    <message>
        <source>Price (yuan)</source>
        <translation>价格（元）</translation>
    </message>
    <message>
        <source>{product}: our list price</source>
        <translation>{product}：我方目录价</translation>
    </message>
</context>
<context>
    <name>PriceObservationDialog</name>
    <message>
        <source>Record a price</source>
        <translation>记录竞争对手价格</translation>
    </message>
    <message>
        <source>Our list price</source>
        <translation>我方目录价</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Price (yuan)</source>
        <translation>价格（元）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>RepObservationDialog</name>
    <message>
        <source>Record a rep sighting</source>
        <translation>记录对手业务员动向</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Promoting through a dealer</source>
        <translation>通过经销商促销</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Visits a month</source>
        <translation>每月拜访次数</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>停留时间</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>接触对象</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>话题</translation>
    </message>
</context>
<context>
    <name>StageDaysChart</name>
    <message>
        <source>{days} d</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>{stage}
Average: {days} days
Stretches counted: {periods}</source>
        <translation>{stage}
平均：{days} 天
统计的停留段数：{periods}</translation>
    </message>
    <message>
        <source>No stage history in the period</source>
        <translation>期间内没有阶段记录</translation>
    </message>
</context>
<context>
    <name>TimeSettingsDialog</name>
    <message>
        <source>Sales time settings</source>
        <translation>销售时间设置</translation>
    </message>
    <message>
        <source>Direct-selling target</source>
        <translation>直接销售时间目标</translation>
    </message>
    <message>
        <source>Cost of one contact, in cost units (the handbook: 100 : 1 : 0.01)</source>
        <translation>每次联系的成本（成本单位；手册建议 100 : 1 : 0.01）</translation>
    </message>
    <message>
        <source>Visit (or meeting with the customer)</source>
        <translation>拜访（或与客户开会）</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮件</translation>
    </message>
</context>
<context>
    <name>VisitOutcomeDialog</name>
    <message>
        <source>Visit outcome: {customer}</source>
        <translation>拜访结果：{customer}</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>What the customer said, needs, objections, agreements</source>
        <translation>客户的反馈、需求、异议和达成的共识</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Time spent</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>拜访结果</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Write what came out of the visit.</source>
        <translation>请填写这次拜访的结果。</translation>
    </message>
</context>
<context>
    <name>VisitSettingsDialog</name>
    <message>
        <source>Visit planning settings</source>
        <translation>拜访计划设置</translation>
    </message>
    <message>
        <source>Class {name}</source>
        <translation>{name} 类客户</translation>
    </message>
    <message>
        <source> visits a day</source>
        <translation> 次/天</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Daily cap</source>
        <translation>每日拜访上限</translation>
    </message>
    <message>
        <source>Share of capacity planned</source>
        <translation>计划占用的拜访能力</translation>
    </message>
    <message>
        <source>Contact customers under contract at least every</source>
        <translation>签约客户的最长联系间隔</translation>
    </message>
    <message>
        <source>A customer in several classes is visited at the most frequent of them. The rest of the capacity is left to the rep&apos;s own judgement.</source>
        <translation>客户同时属于多个类别时，按其中最频繁的拜访频率安排。其余的拜访能力留给业务员自行安排。</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>上一期</translation>
    </message>
    <message>
        <source>Next period</source>
        <translation>下一期</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Plan visits</source>
        <translation>生成拜访计划</translation>
    </message>
    <message>
        <source>Plan the due visits of the period; locked and done visits stay where they are.</source>
        <translation>为本期到期的客户安排拜访；已锁定和已完成的拜访保持不变。</translation>
    </message>
    <message>
        <source>Plan every rep</source>
        <translation>为全体业务员生成</translation>
    </message>
    <message>
        <source>Plan the period for every rep at once.</source>
        <translation>一次为所有业务员生成本期计划。</translation>
    </message>
    <message>
        <source>Add visit…</source>
        <translation>添加拜访…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Contact coverage</source>
        <translation>联系覆盖</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Record outcome…</source>
        <translation>记录拜访结果…</translation>
    </message>
    <message>
        <source>Earlier in the day</source>
        <translation>当天提前</translation>
    </message>
    <message>
        <source>Later in the day</source>
        <translation>当天延后</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>This rep&apos;s customers</source>
        <translation>该业务员的客户</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <source>Days since</source>
        <translation>间隔天数</translation>
    </message>
    <message>
        <source>Allowed (days)</source>
        <translation>允许间隔（天）</translation>
    </message>
    <message>
        <source>Sales, last 12 months (¥)</source>
        <translation>近12个月销售额（¥）</translation>
    </message>
    <message>
        <source>The visit plans could not be loaded: {error}</source>
        <translation>无法加载拜访计划：{error}</translation>
    </message>
    <message>
        <source>No rep owns customers yet: give customers an owner on the Customers page to plan visits.</source>
        <translation>还没有业务员负责客户：请先在“客户”页面为客户指定负责人，再安排拜访。</translation>
    </message>
    <message>
        <source>Weekend</source>
        <translation>周末</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Business trip</source>
        <translation>出差</translation>
    </message>
    <message>
        <source>{count} of {cap}</source>
        <translation>{count} / {cap}</translation>
    </message>
    <message>
        <source>No visits</source>
        <translation>无拜访</translation>
    </message>
    <message>
        <source>Routine visit</source>
        <translation>例行拜访</translation>
    </message>
    <message>
        <source>last {date}</source>
        <translation>上次 {date}</translation>
    </message>
    <message>
        <source>first visit</source>
        <translation>首次拜访</translation>
    </message>
    <message>
        <source>{planned} visits on {days} working days: {share:.0%} of a capacity of {capacity} ({cap} a day; target {target:.0%} planned). {locked} locked, {done} done.</source>
        <translation>{days} 个工作日共 {planned} 次拜访：占拜访能力 {capacity} 次的 {share:.0%}（每天 {cap} 次；目标计划 {target:.0%}）。已锁定 {locked} 次，已完成 {done} 次。</translation>
    </message>
    <message>
        <source>Counted from today ({day}).</source>
        <translation>从今天（{day}）起计算。</translation>
    </message>
    <message>
        <source>Select a visit to lock it, move it or record its outcome.</source>
        <translation>选择一次拜访，可锁定、调整或记录拜访结果。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Done: the outcome is in the activity log.</source>
        <translation>已完成：结果已记入活动日志。</translation>
    </message>
    <message>
        <source>Locked: planning again keeps it on this day.</source>
        <translation>已锁定：重新生成计划时保留在这一天。</translation>
    </message>
    <message>
        <source>{day} is not a working day for the rep ({why}); the visit stays where it was.</source>
        <translation>{day} 不是该业务员的工作日（{why}）；拜访未移动。</translation>
    </message>
    <message>
        <source>A visit already done stays on its day.</source>
        <translation>已完成的拜访不能移动。</translation>
    </message>
    <message>
        <source>Part-day leave</source>
        <translation>部分时间请假</translation>
    </message>
    <message>
        <source>The holiday calendar does not cover {years} yet: public holidays are not left out; mark them under Attendance → Rules before planning.</source>
        <translation>节假日日历尚未包含 {years} 年：计划不会避开法定节假日；请先在“考勤 → 考勤规则”中标记这些日期。</translation>
    </message>
    <message>
        <source>{day} is already past; the visit stays where it was.</source>
        <translation>{day} 已经过去；拜访未移动。</translation>
    </message>
    <message>
        <source>{customer} moved to {day} and locked.</source>
        <translation>{customer} 已移至 {day} 并锁定。</translation>
    </message>
    <message>
        <source>That day now has {count} visits, more than the daily cap of {cap}.</source>
        <translation>当天已有 {count} 次拜访，超过每日上限 {cap} 次。</translation>
    </message>
    <message>
        <source>Visit to {customer} removed.</source>
        <translation>已移除对 {customer} 的拜访。</translation>
    </message>
    <message>
        <source>Choose a rep first.</source>
        <translation>请先选择业务员。</translation>
    </message>
    <message>
        <source>Planned {created} visits ({kept} locked or done kept); {left} due visits did not fit.</source>
        <translation>已安排 {created} 次拜访（保留已锁定或已完成的 {kept} 次）；{left} 次到期拜访没有空档。</translation>
    </message>
    <message>
        <source>Planning visits…</source>
        <translation>正在安排拜访…</translation>
    </message>
    <message>
        <source>Planned {created} visits for {reps} reps; {left} due visits did not fit.</source>
        <translation>已为 {reps} 名业务员安排 {created} 次拜访；{left} 次到期拜访没有空档。</translation>
    </message>
    <message>
        <source>The visits could not be planned: {error}</source>
        <translation>无法生成拜访计划：{error}</translation>
    </message>
    <message>
        <source>Not planned</source>
        <translation>未生成计划</translation>
    </message>
    <message>
        <source>Due but not planned (no room left):</source>
        <translation>已到期但未安排（没有空档）：</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>…另有 {count} 个</translation>
    </message>
    <message>
        <source>Visit added and locked.</source>
        <translation>拜访已添加并锁定。</translation>
    </message>
    <message>
        <source>Note: {day} is not a working day for the rep ({why}).</source>
        <translation>注意：{day} 不是该业务员的工作日（{why}）。</translation>
    </message>
    <message>
        <source>Outcome of the visit to {customer} saved in the activity log.</source>
        <translation>对 {customer} 的拜访结果已记入活动日志。</translation>
    </message>
    <message>
        <source>Settings saved; plan the visits again to apply them.</source>
        <translation>设置已保存；重新生成计划后生效。</translation>
    </message>
    <message>
        <source>{count} customers not contacted within their class&apos;s interval (or the contract minimum), most valuable first. Double-click one to plan a visit.</source>
        <translation>{count} 个客户超过其类别的联系间隔（或签约客户的最低联系要求）未联系，按价值从高到低排列。双击可安排拜访。</translation>
    </message>
    <message>
        <source>visit plan {rep} {period}</source>
        <translation>拜访计划 {rep} {period}</translation>
    </message>
    <message>
        <source>Save visit plan as PDF</source>
        <translation>将拜访计划保存为 PDF</translation>
    </message>
    <message>
        <source>PDF file (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Visit plan saved to {file}: {count} visits.</source>
        <translation>拜访计划已保存到 {file}：共 {count} 次拜访。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Saving the visit plan…</source>
        <translation>正在保存拜访计划…</translation>
    </message>
    <message>
        <source>Visit plan exported to {file}: {count} visits.</source>
        <translation>拜访计划已导出到 {file}：共 {count} 次拜访。</translation>
    </message>
    <message>
        <source>Export visit plan</source>
        <translation>导出拜访计划</translation>
    </message>
    <message>
        <source>Exporting the visit plan…</source>
        <translation>正在导出拜访计划…</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to the sales console</source>
        <translation>欢迎使用销售管理台</translation>
    </message>
    <message>
        <source>This database has no customers yet. Open the sample workspace to look around with realistic data (kept in its own file, your database stays empty), or import your customers from an Excel workbook.</source>
        <translation>此数据库中还没有客户。您可以打开示例工作区，用贴近实际的数据先熟悉一下（示例数据保存在单独的文件中，您的数据库仍保持为空），也可以从 Excel 工作簿导入您的客户。</translation>
    </message>
    <message>
        <source>Open the sample workspace</source>
        <translation>打开示例工作区</translation>
    </message>
    <message>
        <source>Import customers from Excel…</source>
        <translation>从 Excel 导入客户…</translation>
    </message>
    <message>
        <source>Start with an empty register</source>
        <translation>从空白客户台账开始</translation>
    </message>
</context>
<context>
    <name>WinRateChart</name>
    <message>
        <source>{name}
Won: {won}
Lost: {lost}
Win rate: {rate}</source>
        <translation>{name}
赢单：{won}
输单：{lost}
赢单率：{rate}</translation>
    </message>
    <message>
        <source>They won: {count}</source>
        <translation>对手赢单：{count}</translation>
    </message>
    <message>
        <source>No closed deals</source>
        <translation>没有已结束的销售机会</translation>
    </message>
</context>
<context>
    <name>_ChartBase</name>
    <message>
        <source>… and {count} more</source>
        <translation>… 另有 {count} 个</translation>
    </message>
</context>
<context>
    <name>activities</name>
    <message>
        <source>Direct selling</source>
        <translation>直接销售</translation>
    </message>
    <message>
        <source>Selling support</source>
        <translation>销售支持</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>行政事务</translation>
    </message>
    <message>
        <source>Internal meetings</source>
        <translation>内部会议</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>差旅</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>销售代表</translation>
    </message>
    <message>
        <source>Employee No.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Time range (9:00-11:30)</source>
        <translation>时间段（9:00-11:30）</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Duration (hours)</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <source>Duration (minutes)</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <source>Activity type</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Imported: {created} new activities, {updated} updated, {unchanged} already in the log.</source>
        <translation>已导入：新增 {created} 条活动，更新 {updated} 条，{unchanged} 条已在记录中。</translation>
    </message>
    <message>
        <source>{count} new words for types remembered for the next imports.</source>
        <translation>已记住 {count} 个新的类型写法，供以后导入使用。</translation>
    </message>
    <message>
        <source>{count} customer names are not in the customer file; their activities are logged without a customer, the name kept in the outcome: {names}</source>
        <translation>{count} 个客户名称不在客户档案中；这些活动未关联客户，名称保留在结果中：{names}</translation>
    </message>
    <message>
        <source>Import activities</source>
        <translation>导入活动</translation>
    </message>
    <message>
        <source>{file}: activity types not known: {labels}. Nothing imported; map them once in the import wizard (Activities → Import activities…) or add them to the type table, then import again.</source>
        <translation>{file}：不认识的活动类型：{labels}。未导入任何内容；请在导入向导（活动 → 导入活动…）中指定一次对应类型，或将其加入类型表，然后重新导入。</translation>
    </message>
    <message>
        <source>{file}: {count} problems, nothing imported. First: {problem}</source>
        <translation>{file}：发现 {count} 个问题，未导入任何内容。第一个：{problem}</translation>
    </message>
    <message>
        <source>{file}: cannot be read: {reason}</source>
        <translation>{file}：无法读取：{reason}</translation>
    </message>
    <message>
        <source>Imported {file}: {created} activities added, {updated} updated, {unchanged} unchanged.</source>
        <translation>已导入 {file}：新增 {created} 条活动，更新 {updated} 条，{unchanged} 条未变。</translation>
    </message>
    <message>
        <source>Not linked to a customer (name not found): {names}.</source>
        <translation>未关联客户（找不到名称）：{names}。</translation>
    </message>
    <message>
        <source>--from and --to must be dates as YYYY-MM-DD, e.g. 2026-10-01.</source>
        <translation>--from 和 --to 必须是 YYYY-MM-DD 格式的日期，例如 2026-10-01。</translation>
    </message>
    <message>
        <source>--to must not be before --from.</source>
        <translation>--to 不能早于 --from。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>This database was written by a newer version of the console (revision {rev}); update the console.</source>
        <translation>此数据库由更新版本的销售管理台写入（版本 {rev}），请升级销售管理台。</translation>
    </message>
    <message>
        <source>The database cannot be opened: {error}</source>
        <translation>无法打开数据库：{error}</translation>
    </message>
    <message>
        <source>{file}: {count} problems, nothing imported. First: {problem}</source>
        <translation>{file}：发现 {count} 个问题，未导入任何数据。第一个问题：{problem}</translation>
    </message>
    <message>
        <source>{file}: cannot be read: {reason}</source>
        <translation>{file}：无法读取：{reason}</translation>
    </message>
    <message>
        <source>Imported {file}: {created} created, {updated} updated, {unchanged} unchanged.</source>
        <translation>已导入 {file}：新建 {created} 个，更新 {updated} 个，{unchanged} 个未变。</translation>
    </message>
    <message>
        <source>Customers exported to {file}: {count}.</source>
        <translation>已导出客户到 {file}：{count} 个。</translation>
    </message>
    <message>
        <source>File problem: {error}</source>
        <translation>文件出错：{error}</translation>
    </message>
    <message>
        <source>The command failed: {error}</source>
        <translation>命令执行失败：{error}</translation>
    </message>
    <message>
        <source>{file}: {count} cells cannot be read, nothing imported. First: sheet {sheet}, row {row}, column {column}: {value} ({reason}).</source>
        <translation>{file}：有 {count} 个单元格无法读取，未导入任何数据。第一个：工作表 {sheet}，第 {row} 行，{column} 列：{value}（{reason}）。</translation>
    </message>
    <message>
        <source>{file}: no rep matches {names}; nothing imported. Add them with --add-unknown or map them in the console.</source>
        <translation>{file}：{names} 与现有销售人员均不匹配，未导入任何数据。请使用 --add-unknown 添加，或在销售管理台中指定对应的销售人员。</translation>
    </message>
    <message>
        <source>Imported {file}: {added} days added, {replaced} replaced, {unchanged} unchanged; {people} people added.</source>
        <translation>已导入 {file}：新增 {added} 条每日考勤记录，替换 {replaced} 条，{unchanged} 条未变；新增销售人员 {people} 名。</translation>
    </message>
    <message>
        <source>--month must be YYYY-MM, e.g. 2026-10.</source>
        <translation>--month 的格式须为 YYYY-MM，如 2026-10。</translation>
    </message>
    <message>
        <source>Sales console</source>
        <translation>销售管理台</translation>
    </message>
</context>
<context>
    <name>attendance</name>
    <message>
        <source>Annual leave</source>
        <translation>年假</translation>
    </message>
    <message>
        <source>Personal leave</source>
        <translation>事假</translation>
    </message>
    <message>
        <source>Sick leave</source>
        <translation>病假</translation>
    </message>
    <message>
        <source>Compensatory leave</source>
        <translation>调休</translation>
    </message>
    <message>
        <source>Marriage leave</source>
        <translation>婚假</translation>
    </message>
    <message>
        <source>Maternity leave</source>
        <translation>产假</translation>
    </message>
    <message>
        <source>Bereavement leave</source>
        <translation>丧假</translation>
    </message>
    <message>
        <source>Other leave</source>
        <translation>其他假</translation>
    </message>
</context>
<context>
    <name>battlecard</name>
    <message>
        <source>Battlecard: {name}</source>
        <translation>竞争对手作战卡：{name}</translation>
    </message>
    <message>
        <source>No intelligence recorded yet.</source>
        <translation>尚无情报记录。</translation>
    </message>
    <message>
        <source>No open deals against them.</source>
        <translation>没有与其竞争的进行中销售机会。</translation>
    </message>
    <message>
        <source>No prices observed yet.</source>
        <translation>尚无价格观察记录。</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>优势</translation>
    </message>
    <message>
        <source>Weaknesses</source>
        <translation>劣势</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>价格策略</translation>
    </message>
    <message>
        <source>After-sales service</source>
        <translation>售后服务</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>交货</translation>
    </message>
    <message>
        <source>Technical support</source>
        <translation>技术支持</translation>
    </message>
    <message>
        <source>Sales target</source>
        <translation>销售目标</translation>
    </message>
    <message>
        <source>Expected market share</source>
        <translation>预计市场占有率</translation>
    </message>
    <message>
        <source>Deals against them: {deals}. Won by us: {won}. Lost to them: {lost} ({lost_amount}). Lost to others: {others}. Open: {open}. Our win rate: {rate}.</source>
        <translation>与其竞争的销售机会：{deals} 个。我方赢单：{won}。输给该对手：{lost}（{lost_amount}）。输给其他对手：{others}。进行中：{open}。我方赢率：{rate}。</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>另有 {count} 个</translation>
    </message>
    <message>
        <source>Rep sightings: {count} at {customers} customers; {visits} visits a month, {minutes} minutes a stay on average; dealer promotions seen {promotions} times.</source>
        <translation>业务员动向：在 {customers} 家客户处观察到 {count} 次；平均每月拜访 {visits} 次，每次停留 {minutes} 分钟；发现经销商促销 {promotions} 次。</translation>
    </message>
    <message>
        <source>As of {day}</source>
        <translation>截至 {day}</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>Latest intelligence</source>
        <translation>最新情报</translation>
    </message>
    <message>
        <source>Price history</source>
        <translation>价格走势</translation>
    </message>
    <message>
        <source>Win / loss</source>
        <translation>赢单 / 输单</translation>
    </message>
    <message>
        <source>Open deals where they compete</source>
        <translation>该对手参与竞争的进行中销售机会</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>Export customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <source>customers.xlsx</source>
        <translation>客户.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Customers exported to {file}: {count}.</source>
        <translation>已导出客户到 {file}：{count} 个。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>{file} could not be written: {error}</source>
        <translation>无法写入 {file}：{error}</translation>
    </message>
    <message>
        <source>Exporting customers…</source>
        <translation>正在导出客户…</translation>
    </message>
</context>
<context>
    <name>headless</name>
    <message>
        <source>{file}: cannot be read: {reason}</source>
        <translation>{file}：无法读取：{reason}</translation>
    </message>
    <message>
        <source>{file}: {count} problems, nothing imported. First: {problem}</source>
        <translation>{file}：发现 {count} 个问题，未导入任何数据。第一个问题：{problem}</translation>
    </message>
</context>
<context>
    <name>headless_visits</name>
    <message>
        <source>--week must be an ISO week such as 2026-W48, not {text}.</source>
        <translation>--week 须为 ISO 周，例如 2026-W48，而不是 {text}。</translation>
    </message>
    <message>
        <source>--month must be YYYY-MM such as 2026-11, not {text}.</source>
        <translation>--month 须为 YYYY-MM 格式，例如 2026-11，而不是 {text}。</translation>
    </message>
    <message>
        <source>No rep is called {rep} (name or employee number); check the spelling in the console&apos;s rep list.</source>
        <translation>找不到销售代表 {rep}（按姓名或工号查找）；请对照控制台中的销售代表名单检查拼写。</translation>
    </message>
    <message>
        <source>Warning: the holiday calendar does not cover {years} yet; public holidays there are not left out.</source>
        <translation>警告：节假日日历尚未包含 {years} 年；计划不会避开这些年份的法定节假日。</translation>
    </message>
    <message>
        <source>{rep} had no visits planned in {period}; planned {count} visits first.</source>
        <translation>{rep} 在 {period} 没有拜访计划；已先生成计划：{count} 次拜访。</translation>
    </message>
    <message>
        <source>{file} could not be written: {error}</source>
        <translation>无法写入 {file}：{error}</translation>
    </message>
    <message>
        <source>{file}: {count} visits over {days} days</source>
        <translation>{file}：共 {count} 次拜访，分布在 {days} 天</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>No sales rep has this name; add the rep first or correct the name.</source>
        <translation>没有此姓名的销售人员；请先添加该销售人员，或更正姓名。</translation>
    </message>
    <message>
        <source>No customer has this ID; clear the cell to create a new customer.</source>
        <translation>没有此编号的客户；清空该单元格即可新建客户。</translation>
    </message>
    <message>
        <source>This customer appears twice in the file; keep one row.</source>
        <translation>该客户在文件中出现了两次；请只保留一行。</translation>
    </message>
    <message>
        <source>Status must be potential, closed or lost (潜在, 既成, 流失).</source>
        <translation>状态必须是潜在、既成或流失（potential、closed、lost）。</translation>
    </message>
    <message>
        <source>Expected yes or no (是/否).</source>
        <translation>应填写“是”或“否”（yes/no）。</translation>
    </message>
    <message>
        <source>The text is longer than this field holds; shorten it.</source>
        <translation>文字超出此字段可容纳的长度，请缩短。</translation>
    </message>
    <message>
        <source>No opportunity has this ID; clear the cell to create a new opportunity.</source>
        <translation>没有此编号的销售机会；清空该单元格即可新建机会。</translation>
    </message>
    <message>
        <source>This opportunity appears twice in the file; keep one row.</source>
        <translation>此销售机会在文件中出现了两次，请只保留一行。</translation>
    </message>
    <message>
        <source>Several customers have this name; merge the duplicates or write the full registered name.</source>
        <translation>有多个客户使用此名称；请先合并重复客户，或填写完整的注册名称。</translation>
    </message>
    <message>
        <source>Not a stage: write one of 客户开发, 立项, 提案, 招投标, 商务谈判, 工程实施 (or Development, Approval, Proposal, Tender, Negotiation, Implementation).</source>
        <translation>不是有效的阶段：请填写 客户开发、立项、提案、招投标、商务谈判、工程实施 之一（或英文 Development、Approval、Proposal、Tender、Negotiation、Implementation）。</translation>
    </message>
    <message>
        <source>Status must be open, won or lost (进行中, 赢单, 输单).</source>
        <translation>状态必须是 进行中、赢单 或 输单（open、won、lost）。</translation>
    </message>
    <message>
        <source>Not a buying stage: write one of 满意, 认识, 决定改变, 制定标准, 评价, 决定.</source>
        <translation>不是有效的客户购买阶段：请填写 满意、认识、决定改变、制定标准、评价、决定 之一。</translation>
    </message>
    <message>
        <source>A lost opportunity needs the reason it was lost; fill in the reason column.</source>
        <translation>输单的销售机会必须填写输单原因；请填写原因列。</translation>
    </message>
    <message>
        <source>Only a lost opportunity has a winning competitor; clear the cell or mark the deal lost.</source>
        <translation>只有输单的销售机会才有赢单对手；请清空该单元格，或将机会标为输单。</translation>
    </message>
    <message>
        <source>No sales rep has this name or employee number; add the rep first or correct the cell.</source>
        <translation>没有此姓名或工号的销售代表；请先添加该销售代表或更正单元格。</translation>
    </message>
    <message>
        <source>This activity type is not known; map it once in the import wizard or add it to the type table.</source>
        <translation>不认识此活动类型；请在导入向导中指定一次对应类型，或将其加入类型表。</translation>
    </message>
    <message>
        <source>Not a duration; write e.g. 2小时, 1.5h or 90分钟 (more than zero).</source>
        <translation>不是时长；请写成 2小时、1.5h 或 90分钟 等（须大于零）。</translation>
    </message>
    <message>
        <source>A duration cannot be negative.</source>
        <translation>时长不能为负数。</translation>
    </message>
    <message>
        <source>An activity lasts at most 24 hours; split a longer one by day.</source>
        <translation>一条活动最长 24 小时；更长的请按天拆分。</translation>
    </message>
    <message>
        <source>No duration: fill in the duration, or both the start and the end time.</source>
        <translation>缺少时长：请填写时长，或同时填写开始和结束时间。</translation>
    </message>
    <message>
        <source>Not a clock time or a time range; write e.g. 9:00 or 9:00-11:30.</source>
        <translation>不是时刻或时间段；请写成 9:00 或 9:00-11:30 等。</translation>
    </message>
    <message>
        <source>The channel must be visit, phone, e-mail or meeting (拜访, 电话, 邮件, 会议).</source>
        <translation>方式必须是拜访、电话、邮件或会议。</translation>
    </message>
    <message>
        <source>Two columns are imported as the same field; set one of them to “do not import”.</source>
        <translation>有两列导入为同一字段；请将其中一列设为“不导入”。</translation>
    </message>
    <message>
        <source>Not an intelligence category; write e.g. 价格, 人事变动, 新产品 or price, personnel.</source>
        <translation>不是情报类别；请填写如 价格、人事变动、新产品 或 price、personnel。</translation>
    </message>
    <message>
        <source>Not an intelligence source; write e.g. 经销商, 展会, 终端用户 or dealer, trade show.</source>
        <translation>不是情报来源；请填写如 经销商、展会、终端用户 或 dealer、trade show。</translation>
    </message>
    <message>
        <source>Reliability must be confirmed, probable or rumour (已证实, 可能, 传闻).</source>
        <translation>可靠性必须是 已证实、可能 或 传闻（confirmed, probable, rumour）。</translation>
    </message>
    <message>
        <source>Sheet {sheet}, row {row}, column {column}: &quot;{value}&quot;: {problem}</source>
        <translation>工作表 {sheet}，第 {row} 行，{column} 列：“{value}”：{problem}</translation>
    </message>
    <message>
        <source>{year}-{month:02d} in the ledger now: {people} people, {late} late arrivals, {absent} absent days, {missing} missing punches.</source>
        <translation>{year}-{month:02d} 考勤台账现为：{people} 人，迟到 {late} 次，旷工 {absent} 天，缺卡 {missing} 次。</translation>
    </message>
    <message>
        <source>{name} ({late})</source>
        <translation>{name}（{late} 次）</translation>
    </message>
    <message>
        <source>Late {count} times or more: {names}.</source>
        <translation>迟到 {count} 次及以上：{names}。</translation>
    </message>
</context>
<context>
    <name>intelligence</name>
    <message>
        <source>Imported {count} intelligence entries.</source>
        <translation>已导入 {count} 条竞争对手情报。</translation>
    </message>
    <message>
        <source>New competitors ({count}): {names}.</source>
        <translation>新建竞争对手（{count}）：{names}。</translation>
    </message>
    <message>
        <source>Intelligence exported to {file}: {count} entries.</source>
        <translation>竞争对手情报已导出到 {file}：{count} 条。</translation>
    </message>
</context>
<context>
    <name>jobs</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>{file} could not be written: {error}</source>
        <translation>无法写入 {file}：{error}</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{names} and {count} more</source>
        <translation>{names}等，另有 {count} 人</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>潜在</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>既成</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>流失</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>明星</translation>
    </message>
    <message>
        <source>Cow</source>
        <translation>奶牛</translation>
    </message>
    <message>
        <source>Volcano</source>
        <translation>火山</translation>
    </message>
    <message>
        <source>Dog</source>
        <translation>小狗</translation>
    </message>
    <message>
        <source>Small</source>
        <translation>小型</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中型</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>大型</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Final decision maker</source>
        <translation>最终决策者</translation>
    </message>
    <message>
        <source>Influencer</source>
        <translation>影响者</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>执行者</translation>
    </message>
    <message>
        <source>Negotiator</source>
        <translation>谈判者</translation>
    </message>
    <message>
        <source>Supporter</source>
        <translation>支持</translation>
    </message>
    <message>
        <source>Opponent</source>
        <translation>反对</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>中立</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <source>Not an e-mail address (expected name@example.com).</source>
        <translation>不是有效的电子邮件地址（格式如 name@example.com）。</translation>
    </message>
    <message>
        <source>Not a phone number (digits, spaces, + - ( ) only, 7 to 20 digits).</source>
        <translation>不是有效的电话号码（只能包含数字、空格和 + - ( )，共 7 到 20 位数字）。</translation>
    </message>
    <message>
        <source>Amounts cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>Not a number.</source>
        <translation>不是有效的数字。</translation>
    </message>
    <message>
        <source>Not a date (expected e.g. 2026-10-03).</source>
        <translation>不是有效的日期（格式如 2026-10-03）。</translation>
    </message>
    <message>
        <source>Not one of the allowed values.</source>
        <translation>不在允许的取值范围内。</translation>
    </message>
    <message>
        <source>Not a percentage between 0 and 100.</source>
        <translation>不是 0 到 100 之间的百分数。</translation>
    </message>
    <message>
        <source>Not a web address (expected e.g. www.example.com).</source>
        <translation>不是有效的网址（格式如 www.example.com）。</translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Company size</source>
        <translation>公司规模</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>客户来源</translation>
    </message>
    <message>
        <source>Credit rating</source>
        <translation>信用等级</translation>
    </message>
    <message>
        <source>Trade terms</source>
        <translation>交易条件</translation>
    </message>
    <message>
        <source>Business scope</source>
        <translation>经营范围</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Close likelihood</source>
        <translation>成交可能性</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>pipeline</name>
    <message>
        <source>Imported: {created} created, {updated} updated, {unchanged} unchanged.</source>
        <translation>已导入：新建 {created} 个，更新 {updated} 个，未变 {unchanged} 个。</translation>
    </message>
    <message>
        <source>New potential customers ({count}): {names}.</source>
        <translation>新建潜在客户（{count} 个）：{names}。</translation>
    </message>
    <message>
        <source>New competitors ({count}): {names}.</source>
        <translation>新建竞争对手（{count} 个）：{names}。</translation>
    </message>
    <message>
        <source>Opportunities exported to {file}: {count}.</source>
        <translation>已导出销售机会到 {file}：{count} 个。</translation>
    </message>
    <message>
        <source>Customer development</source>
        <translation>客户开发</translation>
    </message>
    <message>
        <source>Project approval</source>
        <translation>立项</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>提案</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>招投标</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>商务谈判</translation>
    </message>
    <message>
        <source>Implementation</source>
        <translation>工程实施</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <source>Project information confirmed</source>
        <translation>准确的项目信息</translation>
    </message>
    <message>
        <source>Pre-sales approval</source>
        <translation>售前立项</translation>
    </message>
    <message>
        <source>Relationship progressed</source>
        <translation>客户关系有效进展</translation>
    </message>
    <message>
        <source>Bid submitted</source>
        <translation>投标或议标</translation>
    </message>
    <message>
        <source>Contract signed</source>
        <translation>合同审批及签订</translation>
    </message>
    <message>
        <source>Accepted and closed</source>
        <translation>验收结项</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Aware of a problem</source>
        <translation>认识问题</translation>
    </message>
    <message>
        <source>Decided to change</source>
        <translation>决定改变</translation>
    </message>
    <message>
        <source>Setting criteria</source>
        <translation>制定标准</translation>
    </message>
    <message>
        <source>Evaluating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Deciding</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Opportunity ID</source>
        <translation>机会编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>销售机会</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>Customer&apos;s buying stage</source>
        <translation>客户购买阶段</translation>
    </message>
    <message>
        <source>Competitors involved</source>
        <translation>参与竞争对手</translation>
    </message>
    <message>
        <source>Won by</source>
        <translation>赢单对手</translation>
    </message>
    <message>
        <source>Outcome reason</source>
        <translation>输赢原因</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Next step date</source>
        <translation>下一步日期</translation>
    </message>
    <message>
        <source>Created on</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Import opportunities</source>
        <translation>导入销售机会</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>Print preview: {title}</source>
        <translation>打印预览：{title}</translation>
    </message>
    <message>
        <source>The PDF file {file} could not be written. Check that the folder exists, that you may write to it, and that the file is not open in another program.</source>
        <translation>无法写入 PDF 文件 {file}。请检查文件夹是否存在、您是否有写入权限，以及该文件是否已在其他程序中打开。</translation>
    </message>
</context>
<context>
    <name>visit_schedule</name>
    <message>
        <source>Jan</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>12月</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>Business cards</source>
        <translation>名片</translation>
    </message>
    <message>
        <source>Product catalogue</source>
        <translation>产品目录/宣传册</translation>
    </message>
    <message>
        <source>Latest price list</source>
        <translation>最新价格表</translation>
    </message>
    <message>
        <source>Reference customers in the same industry</source>
        <translation>同行业参考客户名单</translation>
    </message>
    <message>
        <source>Customer files</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Calculator</source>
        <translation>计算器</translation>
    </message>
    <message>
        <source>Notebook</source>
        <translation>笔记本</translation>
    </message>
    <message>
        <source>Company gift</source>
        <translation>公司礼品</translation>
    </message>
    <message>
        <source>Visit record forms</source>
        <translation>拜访记录表</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Final decision maker</source>
        <translation>最终决策者</translation>
    </message>
    <message>
        <source>Influencer</source>
        <translation>影响者</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>执行者</translation>
    </message>
    <message>
        <source>Negotiator</source>
        <translation>谈判者</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>明星</translation>
    </message>
    <message>
        <source>Cow</source>
        <translation>奶牛</translation>
    </message>
    <message>
        <source>Volcano</source>
        <translation>火山</translation>
    </message>
    <message>
        <source>Dog</source>
        <translation>小狗</translation>
    </message>
    <message>
        <source>On leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Half a day of leave</source>
        <translation>请假半天</translation>
    </message>
    <message>
        <source>Business trip</source>
        <translation>出差</translation>
    </message>
    <message>
        <source>Weekend</source>
        <translation>周末</translation>
    </message>
    <message>
        <source>{day} {month}</source>
        <translation>{month}{day}日</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
    <message>
        <source>Routine visit</source>
        <translation>例行拜访</translation>
    </message>
    <message>
        <source>First visit</source>
        <translation>首次拜访</translation>
    </message>
    <message>
        <source>Visit schedule · {rep} · {period}</source>
        <translation>拜访计划 · {rep} · {period}</translation>
    </message>
    <message>
        <source>{count} visits over {days} days</source>
        <translation>共 {count} 次拜访，分布在 {days} 天</translation>
    </message>
    <message>
        <source>Sales kit: check before you leave</source>
        <translation>销售工具：出发前检查</translation>
    </message>
    <message>
        <source>{weekday}, {date}</source>
        <translation>{date} {weekday}</translation>
    </message>
    <message>
        <source>{count} visits</source>
        <translation>{count} 次拜访</translation>
    </message>
    <message>
        <source>No visits planned</source>
        <translation>无拜访安排</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Open opportunities</source>
        <translation>在谈商机</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>拜访结果</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Fixed by the manager</source>
        <translation>经理指定</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>拜访目的</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>上次拜访</translation>
    </message>
</context>
<context>
    <name>visits</name>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>每周一次</translation>
    </message>
    <message>
        <source>Twice a month</source>
        <translation>每月两次</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>每月一次</translation>
    </message>
    <message>
        <source>Every two months</source>
        <translation>每两个月一次</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>每季度一次</translation>
    </message>
    <message>
        <source>Not on a schedule</source>
        <translation>不定期</translation>
    </message>
</context>
</TS>
