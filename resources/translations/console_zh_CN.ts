<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>{count} orders, ¥{total}</source>
        <translation>共 {count} 笔订单，合计 ¥{total}</translation>
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
        <source>Showing {count} customers picked in the chart.</source>
        <translation>正在显示图表中选中的 {count} 个客户。</translation>
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
    <message>
        <source>Deleted {count} customers.</source>
        <translation>已删除 {count} 个客户。</translation>
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
        <source>{count} likely duplicate pairs.</source>
        <translation>找到 {count} 组疑似重复客户。</translation>
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
        <source>Key-account opportunities by stage, forecast and stalled deals.</source>
        <translation>按阶段查看大客户销售机会、销售预测和停滞的商机。</translation>
    </message>
    <message>
        <source>Competitor profiles, intelligence feed, price watch and battlecards.</source>
        <translation>竞争对手档案、情报动态、价格监测和竞争应对卡。</translation>
    </message>
    <message>
        <source>Monthly attendance ledgers imported from DingTalk, WeCom, Feishu or ZKTeco.</source>
        <translation>从钉钉、企业微信、飞书或中控考勤机导入的月度考勤台账。</translation>
    </message>
    <message>
        <source>Reps&apos; activities and the share of time spent selling.</source>
        <translation>销售人员的活动，以及直接销售时间所占的比例。</translation>
    </message>
    <message>
        <source>Visit plans by customer class, printed for the reps.</source>
        <translation>按客户类别制定拜访计划，打印后交给销售人员。</translation>
    </message>
    <message>
        <source>The week at a glance across all registers.</source>
        <translation>本周各项业务一览。</translation>
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
    <name>PlaceholderPage</name>
    <message>
        <source>This register is not built yet.</source>
        <translation>此模块尚在开发中。</translation>
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
    <name>_ChartBase</name>
    <message>
        <source>… and {count} more</source>
        <translation>… 另有 {count} 个</translation>
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
        <source>Exported {count} customers to {file}.</source>
        <translation>已将 {count} 个客户导出到 {file}。</translation>
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
        <source>Sales console</source>
        <translation>销售管理台</translation>
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
        <source>Exported {count} customers to {file}.</source>
        <translation>已将 {count} 个客户导出到 {file}。</translation>
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
        <source>Sheet {sheet}, row {row}, column {column}: &quot;{value}&quot;: {problem}</source>
        <translation>工作表 {sheet}，第 {row} 行，{column} 列：“{value}”：{problem}</translation>
    </message>
</context>
<context>
    <name>jobs</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>labels</name>
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
</TS>
