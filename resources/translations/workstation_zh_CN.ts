<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Board</name>
    <message>
        <location filename="../../ui/board/charts.py" line="+88"/>
        <source>wrong item / 1,000</source>
        <translation>错货 / 每千次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>over-scan / 1,000</source>
        <translation>多扫 / 每千次</translation>
    </message>
    <message>
        <location filename="../../ui/board/model.py" line="+82"/>
        <source>save the report as .pdf, .csv or .json, not .{format}</source>
        <translation>报表请保存为 .pdf、.csv 或 .json，不能是 .{format}</translation>
    </message>
    <message>
        <location filename="../../ui/board/page.py" line="+63"/>
        <source>orders packed</source>
        <translation>已打包订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/board/tables.py" line="+66"/>
        <source>units</source>
        <translation>件数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>orders / h</source>
        <translation>订单 / 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>avg s / order</source>
        <translation>平均秒 / 单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p90 s / order</source>
        <translation>P90 秒 / 单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrong / 1,000</source>
        <translation>错货 / 每千次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>over / 1,000</source>
        <translation>多扫 / 每千次</translation>
    </message>
    <message>
        <location filename="../../ui/board/tables.py" line="-8"/>
        <source>order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cutoff</source>
        <translation>截单时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>min left</source>
        <translation>剩余分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>station</source>
        <translation>工位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>orders/h</source>
        <translation>订单/时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>avg s</source>
        <translation>平均秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p90 s</source>
        <translation>P90 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scans</source>
        <translation>扫描次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrong/1k</source>
        <translation>错货/千次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>over/1k</source>
        <translation>多扫/千次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>due</source>
        <translation>应完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>remaining</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on hold</source>
        <translation>暂扣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parked</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>jobs</source>
        <translation>打印任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>faulted</source>
        <translation>故障</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wait s</source>
        <translation>等待秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>longest s</source>
        <translation>最长秒</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <location filename="../../ui/board/page.py" line="+28"/>
        <source>Shift board</source>
        <translation>班次看板</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save report...</source>
        <translation>保存报表...</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>At risk of missing the cut-off</source>
        <translation>可能赶不上截单时间</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Stations</source>
        <translation>工位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exceptions</source>
        <translation>异常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reprints</source>
        <translation>补打</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer faults</source>
        <translation>打印机故障</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Orders packed per hour</source>
        <translation>每小时已打包订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy per station (per 1,000 scans)</source>
        <translation>各工位准确率（每千次扫描）</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Save today&apos;s report</source>
        <translation>保存今日报表</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>saved {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{name} ({role}) may not see the shift board: only leads and admins. Your own figures: workstation report --as &lt;your badge&gt;.</source>
        <translation>{name}（{role}）无权查看班次看板：仅限组长和管理员。查看您本人的数据：workstation report --as &lt;您的工牌&gt;。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>updated {time} UTC</source>
        <translation>更新于 {time} UTC</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>loading...</source>
        <translation>加载中...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shift board {date}</source>
        <translation>班次看板 {date}</translation>
    </message>
</context>
<context>
    <name>Camera</name>
    <message>
        <location filename="../../ui/camera_scanner.py" line="+106"/>
        <source>no camera found: plug one in, or attach a scanner</source>
        <translation>未找到摄像头：请插入摄像头，或连接扫描枪</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>camera error: {text}</source>
        <translation>摄像头故障：{text}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>camera on: {name}</source>
        <translation>摄像头已开启：{name}</translation>
    </message>
</context>
<context>
    <name>CommandSheet</name>
    <message>
        <location filename="../../ui/command_sheet.py" line="+35"/>
        <source>out of stock</source>
        <translation>缺货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not found at location</source>
        <translation>库位上找不到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>damaged</source>
        <translation>破损</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrong item picked</source>
        <translation>拣错商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other reason</source>
        <translation>其他原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scale fault</source>
        <translation>电子秤故障</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>extra packaging material</source>
        <translation>额外包装材料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>catalogue weight wrong</source>
        <translation>商品资料重量有误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>label damaged</source>
        <translation>标签破损</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>label printed badly</source>
        <translation>标签打印不清</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Close this parcel, open the next</source>
        <translation>封好此包裹，打开下一个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove: the next item scan takes one unit out</source>
        <translation>移除：下一次扫描商品将减去一件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Park this order (any station may resume it)</source>
        <translation>挂起此订单（任何工位都可继续）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to packing (leave remove/short/damaged)</source>
        <translation>返回打包（退出移除/缺货/破损模式）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel packing this order (put the items back)</source>
        <translation>取消打包此订单（把商品放回）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign out (an open order is parked)</source>
        <translation>退出登录（打开的订单将挂起）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Short, then scan the item: {reason}</source>
        <translation>缺货，然后扫描商品：{reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Damaged, then scan the item: {reason}</source>
        <translation>破损，然后扫描商品：{reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lead releases the parcel&apos;s weight: {reason}</source>
        <translation>组长放行包裹重量：{reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print the last shipping label again: {reason}</source>
        <translation>补打上一张快递面单：{reason}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Station {station}: scan a code instead of touching the screen</source>
        <translation>工位 {station}：扫描条码，无需触碰屏幕</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Command barcodes</source>
        <translation>指令条码</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <location filename="../../ui/crash.py" line="+58"/>
        <source>The station hit a bug</source>
        <translation>工位程序出错</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong inside the program: {summary}

The last scan shown on screen was recorded. Tell the shift lead; the details are in the log{where}.</source>
        <translation>程序内部出错：{summary}

屏幕上显示的最后一次扫描已记录。请告知班组长；详细信息见日志{where}。</translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <location filename="../../ui/desk/page.py" line="+139"/>
        <source>Desk: find an order, reprint labels</source>
        <translation>服务台：查找订单、补打标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order number, tracking number, SSCC, tote or customer name, or scan a label</source>
        <translation>订单号、运单号、SSCC、周转箱或客户姓名，或扫描标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcels</source>
        <translation>包裹</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Labels and print history</source>
        <translation>标签与打印记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status history</source>
        <translation>状态记录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scans</source>
        <translation>扫描记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <source>Parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Box</source>
        <translation>箱型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight (g)</source>
        <translation>重量 (克)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SSCC</source>
        <translation>SSCC</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Job</source>
        <translation>打印任务</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reprint of</source>
        <translation>补打自</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <location line="+7"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <location line="+4"/>
        <source>At</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Scanned</source>
        <translation>扫描内容</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>信息</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reprint all labels…</source>
        <translation>补打全部标签…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reprint one parcel…</source>
        <translation>补打单个包裹…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Void selected label…</source>
        <translation>作废所选标签…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scan any label of a parcel, or type what you know about the order.</source>
        <translation>扫描包裹上的任一标签，或输入您知道的订单信息。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing found for {query}</source>
        <translation>未找到 {query}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} orders found: choose one</source>
        <translation>找到 {count} 个订单：请选择一个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} found</source>
        <translation>已找到订单 {order}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} label(s) of order {order} sent to print again</source>
        <translation>订单 {order} 的 {count} 张标签已重新发送打印</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label {job} voided</source>
        <translation>标签 {job} 已作废</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not do that: {error}</source>
        <translation>无法完成：{error}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Reprint labels</source>
        <translation>补打标签</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Choose the label to void in the labels tab first.</source>
        <translation>请先在标签页中选择要作废的标签。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Void label {job}</source>
        <translation>作废标签 {job}</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Printer: {url}</source>
        <translation>打印机：{url}</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <location filename="../../ui/setup/wizard_pages.py" line="+234"/>
        <source>Scan any barcode now…</source>
        <translation>现在扫描任意条码…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put a known weight on the scale…</source>
        <translation>把已知重量的物品放到秤上…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Scan received: {text}</source>
        <translation>已收到扫描：{text}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The scan was not complete: {reason}</source>
        <translation>扫描不完整：{reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Weight received: {grams} g, stable</source>
        <translation>已收到重量：{grams} 克，已稳定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading {grams} g…</source>
        <translation>读数 {grams} 克…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing arrived in 30 seconds. Check the cable and the URL.</source>
        <translation>30 秒内没有收到数据。请检查连接线和 URL。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scanner and scale</source>
        <translation>扫描枪和电子秤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose them, then scan a barcode and weigh something to prove they work.</source>
        <translation>选择设备，然后扫描一个条码并称一件物品，确认它们正常工作。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale</source>
        <translation>电子秤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test scan</source>
        <translation>测试扫描</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test weight</source>
        <translation>测试称重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simulate (sim:// device)</source>
        <translation>模拟（sim:// 设备）</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <location filename="../../ui/board/drill_dialog.py" line="+14"/>
        <source>Behind the figure: {what}</source>
        <translation>数据明细：{what}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{what}: {orders} orders, {events} scan events ({start} to {end} UTC)</source>
        <translation>{what}：{orders} 个订单，{events} 条扫描记录（{start} 至 {end} UTC）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan events</source>
        <translation>扫描记录</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <location filename="../../ui/setup/wizard_pages.py" line="+16"/>
        <source>Ready</source>
        <translation>准备就绪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish writes these settings; the station starts with them.</source>
        <translation>点击“完成”将保存这些设置，工位将以此启动。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Station: {name}</source>
        <translation>工位：{name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label printer: {url}</source>
        <translation>标签打印机：{url}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slip printer: {url}</source>
        <translation>装箱单打印机：{url}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner: {url}</source>
        <translation>扫描枪：{url}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale: {url}</source>
        <translation>电子秤：{url}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings file: {path}</source>
        <translation>设置文件：{path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✘ marks a test not passed: you can finish now and test again later in Settings.</source>
        <translation>✘ 表示测试未通过：可以先完成，稍后在“设置”中重新测试。</translation>
    </message>
</context>
<context>
    <name>LabelPreview</name>
    <message>
        <location filename="../../ui/packing/label_preview.py" line="+57"/>
        <source>waiting to print</source>
        <translation>等待打印</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>printing…</source>
        <translation>打印中…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>did it print?</source>
        <translation>打印出来了吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>void</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Parcel {n} of {count}</source>
        <translation>第 {n}/{count} 个包裹</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>another printer, e.g. tcp://host:9100</source>
        <translation>另一台打印机，例如 tcp://host:9100</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send to this printer</source>
        <translation>发送到这台打印机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It printed</source>
        <translation>已打印出来</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not printed: send again</source>
        <translation>没打印出来：重新发送</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{state} on {printer}</source>
        <translation>{printer}：{state}</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Label printed</source>
        <translation>标签已打印</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Label printed for {order}</source>
        <translation>订单 {order} 的标签已打印</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This station has no print spooler</source>
        <translation>本工位没有打印队列</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type the other printer&apos;s address first</source>
        <translation>请先输入另一台打印机的地址</translation>
    </message>
</context>
<context>
    <name>OperatorsPage</name>
    <message>
        <location filename="../../ui/setup/operators_page.py" line="+154"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+5"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Lead</source>
        <translation>组长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Operators</source>
        <translation>操作员管理</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+13"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+13"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+12"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+13"/>
        <source>Badge</source>
        <translation>工牌</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>PIN (4-12 digits)</source>
        <translation>PIN（4-12 位数字）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scan the badge</source>
        <translation>扫描工牌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave empty to keep the PIN</source>
        <translation>留空则保留原 PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save changes</source>
        <translation>保存更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disable / enable</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>yes</source>
        <translation>有</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only an admin may manage operators: {reason}</source>
        <translation>只有管理员可以管理操作员：{reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
</context>
<context>
    <name>OrderLines</name>
    <message>
        <location filename="../../ui/packing/lines.py" line="+57"/>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>short</source>
        <translation>缺货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scanning</source>
        <translation>扫描中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to scan</source>
        <translation>待扫描</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>FRAGILE: wrap it</source>
        <translation>易碎：请包好</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>scan its serial number</source>
        <translation>请扫描序列号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>scan its lot number</source>
        <translation>请扫描批号</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>({short} short)</source>
        <translation>（缺 {short} 件）</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanned</source>
        <translation>已扫描</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>PackingScreen</name>
    <message>
        <location filename="../../ui/packing/screen.py" line="+81"/>
        <source>{n} (of {count})</source>
        <translation>{n}（共 {count}）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{done} of {units} units</source>
        <translation>{done}/{units} 件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to {who}</source>
        <translation>寄往 {who}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mode: {mode}</source>
        <translation>模式：{mode}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer&apos;s note: {note}</source>
        <translation>客户备注：{note}</translation>
    </message>
</context>
<context>
    <name>PackingViewModel</name>
    <message>
        <location filename="../../ui/packing/viewmodel.py" line="+65"/>
        <location line="+97"/>
        <location line="+114"/>
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <location line="-211"/>
        <location line="+1"/>
        <source>starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+97"/>
        <location line="+113"/>
        <source>Scale</source>
        <translation>电子秤</translation>
    </message>
    <message>
        <location line="-209"/>
        <location line="+97"/>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>no print job yet</source>
        <translation>暂无打印任务</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Nothing was recorded: scan it again when this is solved</source>
        <translation>未记录任何内容：问题解决后请重新扫描</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Unreadable scan</source>
        <translation>扫描无法识别</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The screen stays red until then, or until a lead scans their badge</source>
        <translation>在此之前屏幕保持红色，或直到组长扫描工牌</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the items and weigh the parcel again, or a lead scans their badge and a reason from the command sheet</source>
        <translation>请检查商品并重新称重，或由组长扫描工牌并从指令条码单上扫描原因</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan the reason from the command sheet</source>
        <translation>从指令条码单上扫描原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stick the label on the parcel and scan it</source>
        <translation>把标签贴到包裹上并扫描</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scan the label of the next parcel</source>
        <translation>扫描下一个包裹的标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the next order, tote or pick list</source>
        <translation>扫描下一个订单、周转箱或拣货单</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Scan your badge to sign in</source>
        <translation>扫描工牌登录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the parcel on the scale</source>
        <translation>把包裹放到秤上</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan an order, tote or pick list</source>
        <translation>扫描订单、周转箱或拣货单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Now scan the item</source>
        <translation>现在扫描商品</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next: {name} ({sku})</source>
        <translation>下一件：{name}（{sku}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the next item</source>
        <translation>扫描下一件商品</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Welcome to station {station}</source>
        <translation>欢迎来到工位 {station}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order {order} is open</source>
        <translation>订单 {order} 已打开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ready</source>
        <translation>准备就绪</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>box {box}</source>
        <translation>箱型 {box}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected {kg:.3f} kg ± {tolerance} g</source>
        <translation>应为 {kg:.3f} 千克 ± {tolerance} 克</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the cable</source>
        <translation>请检查连接线</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not set up</source>
        <translation>未设置</translation>
    </message>
</context>
<context>
    <name>Parcels</name>
    <message>
        <location filename="../../ui/packing/parcels.py" line="+28"/>
        <source>Parcel {n}</source>
        <translation>包裹 {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>box {box}</source>
        <translation>箱型 {box}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (suggested)</source>
        <translation>（建议）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+75"/>
        <source>expected {kg} ± {tolerance} g</source>
        <translation>应为 {kg} ± {tolerance} 克</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Put the parcel on the scale</source>
        <translation>把包裹放到秤上</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no expected weight</source>
        <translation>无预期重量</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> (settling)</source>
        <translation>（稳定中）</translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <location filename="../../ui/messages.py" line="+96"/>
        <source>shipping label</source>
        <extracomment>What each kind of print job is called (``PrintJob.kind``), for the printer line and the desk.</extracomment>
        <translation>快递面单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>return label</source>
        <translation>退货面单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>packing slip</source>
        <translation>装箱单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manifest</source>
        <translation>交接清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test label</source>
        <translation>测试标签</translation>
    </message>
</context>
<context>
    <name>Printer</name>
    <message>
        <location filename="../../ui/spooler_link.py" line="+53"/>
        <source>out of paper</source>
        <translation>缺纸</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>head open</source>
        <translation>打印头未合上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>out of ribbon</source>
        <translation>碳带用完</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>busy (buffer full)</source>
        <translation>忙碌（缓存已满）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cutter fault</source>
        <translation>切刀故障</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>overheated</source>
        <translation>过热</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hardware error</source>
        <translation>硬件故障</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not answering (state unknown)</source>
        <translation>无响应（状态未知）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>printed {what}</source>
        <translation>已打印 {what}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>printing {what}…</source>
        <translation>正在打印 {what}…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>did {what} print?</source>
        <translation>{what} 打印出来了吗？</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Look at the printer, then confirm or reprint it on the desk</source>
        <translation>请查看打印机，然后在服务台确认或补打</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the printer, or send the job to another printer on the desk</source>
        <translation>请检查打印机，或在服务台把任务发送到另一台打印机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what}: {reason}</source>
        <translation>{what}：{reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{role}: {state}</source>
        <translation>{role}：{state}</translation>
    </message>
</context>
<context>
    <name>PrintersPage</name>
    <message>
        <location filename="../../ui/setup/wizard_pages.py" line="-171"/>
        <source>Printing the test label…</source>
        <translation>正在打印测试标签…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Test label printed on {url}. Check that its ruler measures 10 mm.</source>
        <translation>测试标签已在 {url} 打印。请确认标尺长度为 10 毫米。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The printer reports {reported} dpi, not {dpi}: change the dpi above.</source>
        <translation>打印机报告为 {reported} dpi，而不是 {dpi}：请修改上方的 dpi。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+5"/>
        <source>Not printed: {error}</source>
        <translation>未打印：{error}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Printers</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the label printer and the packing slip printer, then print a test label.</source>
        <translation>选择标签打印机和装箱单打印机，然后打印一张测试标签。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label printer</source>
        <translation>标签打印机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Slip printer</source>
        <translation>装箱单打印机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label size</source>
        <translation>标签尺寸</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Printer dpi</source>
        <translation>打印机 dpi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print test label</source>
        <translation>打印测试标签</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/desk/reason_dialog.py" line="+70"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label damaged or unreadable</source>
        <translation>标签破损或无法扫描</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer jammed</source>
        <translation>打印机卡纸</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label lost</source>
        <translation>标签丢失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label on the wrong parcel</source>
        <translation>标签贴错包裹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All labels of the order</source>
        <translation>该订单的全部标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only parcel {seq}</source>
        <translation>仅包裹 {seq}</translation>
    </message>
</context>
<context>
    <name>SelfTestPage</name>
    <message>
        <location filename="../../ui/setup/selftest_page.py" line="+96"/>
        <source>No self-test yet this shift.</source>
        <translation>本班次尚未自检。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last self-test this shift: passed at {time}</source>
        <translation>本班次最近一次自检：{time} 已通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last self-test this shift: FAILED at {time}</source>
        <translation>本班次最近一次自检：{time} 未通过</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Could not do that: {error}</source>
        <translation>无法完成：{error}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Pre-shift self-test</source>
        <translation>班前自检</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print self-test sheet</source>
        <translation>打印自检单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip this step</source>
        <translation>跳过此步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start again</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Suffix (Enter after each code)</source>
        <translation>后缀（每个条码后回车）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capitals and small letters, y/z</source>
        <translation>大小写字母，y/z</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Digits (NumLock)</source>
        <translation>数字（NumLock）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Symbols @#[]{}&lt;&gt;|\~^_&apos;&quot;/</source>
        <translation>符号 @#[]{}&lt;&gt;|\~^_&apos;&quot;/</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More symbols</source>
        <translation>更多符号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyboard layout test with GS</source>
        <translation>键盘布局测试（含 GS）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GS1-128 with GS separator</source>
        <translation>带 GS 分隔符的 GS1-128</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test label: printed and readable</source>
        <translation>测试标签：已打印且可扫描</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test label: ruler measures 10 mm</source>
        <translation>测试标签：标尺为 10 毫米</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale: zero, then the test weight</source>
        <translation>电子秤：先归零，再称测试砝码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code {n}</source>
        <translation>条码 {n}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The scanner sends no Enter after a code: program its suffix to CR (Enter).</source>
        <translation>扫描枪在条码后没有发送回车：请把后缀设置为 CR（回车）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The GS separator is lost: program the scanner to send GS (Ctrl+]) or use it in serial (USB COM) mode.</source>
        <translation>GS 分隔符丢失：请设置扫描枪发送 GS（Ctrl+]），或改用串口（USB COM）模式。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Digits are missing: switch NumLock on, or program the scanner to type digits on the main keys.</source>
        <translation>数字丢失：请打开 NumLock，或设置扫描枪使用主键盘数字键。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>y and z are swapped: the computer uses a German (QWERTZ) layout. Set the scanner and the computer to the same layout.</source>
        <translation>y 和 z 互换了：电脑使用德语（QWERTZ）键盘布局。请将扫描枪和电脑设置为相同布局。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Letters and digits are swapped: the computer uses a French (AZERTY) layout. Set the scanner and the computer to the same layout.</source>
        <translation>字母和数字错乱：电脑使用法语（AZERTY）键盘布局。请将扫描枪和电脑设置为相同布局。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>@ and &quot; are swapped: the computer uses a UK layout. Set the scanner and the computer to the same layout.</source>
        <translation>@ 和 &quot; 互换了：电脑使用英式（UK）键盘布局。请将扫描枪和电脑设置为相同布局。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Capitals and small letters are swapped: switch Caps Lock off.</source>
        <translation>大小写颠倒：请关闭 Caps Lock。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The scan does not match the sheet: reset the scanner to its factory settings, or use it in serial (USB COM) mode.</source>
        <translation>扫描结果与自检单不符：请将扫描枪恢复出厂设置，或改用串口（USB COM）模式。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The printer&apos;s dpi differs from the settings: correct the dpi in Settings.</source>
        <translation>打印机 dpi 与设置不一致：请在“设置”中更正 dpi。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That was not the test label just printed.</source>
        <translation>这不是刚打印的测试标签。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The test label was not printed: check the label printer.</source>
        <translation>测试标签未打印：请检查标签打印机。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The ruler is not 10 mm: check the label size and dpi in Settings.</source>
        <translation>标尺不是 10 毫米：请在“设置”中检查标签尺寸和 dpi。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The scale shows the wrong weight: calibrate it.</source>
        <translation>电子秤读数不准：请校准。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped.</source>
        <translation>已跳过。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That was code {n}: scan the codes in order, this one is {step}.</source>
        <translation>刚才扫的是条码 {n}：请按顺序扫描，现在应扫 {step}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saving the result…</source>
        <translation>正在保存结果…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-test passed. Ready to pack.</source>
        <translation>自检通过，可以开始打包。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-test failed: fix what is marked red and start again.</source>
        <translation>自检未通过：请处理标红的项目后重新开始。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Printing the test label…</source>
        <translation>正在打印测试标签…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the barcode on the test label just printed.</source>
        <translation>扫描刚打印的测试标签上的条码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Measure the ruler on the test label, then scan code 8 (10 mm) or code 9 (not 10 mm) on the sheet.</source>
        <translation>量一下测试标签上的标尺，然后扫描自检单上的条码 8（10 毫米）或条码 9（不是 10 毫米）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Take everything off the scale.</source>
        <translation>把秤上的东西全部拿走。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the test weight of {grams} g on the scale.</source>
        <translation>把 {grams} 克的测试砝码放到秤上。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan {step} on the self-test sheet.</source>
        <translation>扫描自检单上的{step}。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/setup/settings_page.py" line="+189"/>
        <source>Printing the test label…</source>
        <translation>正在打印测试标签…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Printed. Its ruler must measure 10 mm.</source>
        <translation>已打印。标尺应为 10 毫米。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not printed: {error}</source>
        <translation>未打印：{error}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printers</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scanner and scale</source>
        <translation>扫描枪和电子秤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packing</source>
        <translation>打包</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Label printer</source>
        <translation>标签打印机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Slip printer</source>
        <translation>装箱单打印机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label size</source>
        <translation>标签尺寸</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Printer dpi</source>
        <translation>打印机 dpi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale</source>
        <translation>电子秤</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Self-test weight</source>
        <translation>自检砝码重量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sound volume</source>
        <translation>提示音音量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight tolerance</source>
        <translation>重量允差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>but at least</source>
        <translation>但至少</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print test label</source>
        <translation>打印测试标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weigh every parcel before its label prints</source>
        <translation>每个包裹打印标签前先称重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../ui/setup/wizard.py" line="+73"/>
        <source>Station set-up</source>
        <translation>工位设置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SimPanel</name>
    <message>
        <location filename="../../ui/sim_panel.py" line="+22"/>
        <source>Simulator:</source>
        <translation>模拟器：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>type a code, Enter scans it</source>
        <translation>输入条码，按回车即扫描</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+34"/>
        <source>Unplug scanner</source>
        <translation>拔出扫描枪</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>grams on the scale</source>
        <translation>秤上克数</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Plug scanner in</source>
        <translation>插入扫描枪</translation>
    </message>
</context>
<context>
    <name>Station</name>
    <message>
        <location filename="../../ui/pages.py" line="+67"/>
        <source>Desk</source>
        <translation>服务台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-test</source>
        <translation>自检</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Board</source>
        <translation>看板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operators</source>
        <translation>操作员管理</translation>
    </message>
    <message>
        <location filename="../../ui/station.py" line="+99"/>
        <source>Packing</source>
        <translation>打包</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No device is set in the settings</source>
        <translation>设置中未指定设备</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <location filename="../../ui/setup/wizard_pages.py" line="-87"/>
        <source>Welcome: set up this packing station</source>
        <translation>欢迎：设置这个打包工位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the language and give the station a name.</source>
        <translation>选择语言并为工位命名。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station name</source>
        <translation>工位名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name appears on reports and tells leads where an order is being packed. Letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, e.g. PACK-01.</source>
        <translation>该名称会出现在报表中，让组长知道订单在哪个工位打包。可用字母、数字、&apos;-&apos;、&apos;_&apos; 和 &apos;.&apos;，例如 PACK-01。</translation>
    </message>
</context>
<context>
    <name>StationWindow</name>
    <message>
        <location filename="../../ui/window.py" line="+106"/>
        <source>This page needs a lead: scan a lead&apos;s badge on the packing screen first</source>
        <translation>此页面需要组长权限：请先在打包界面扫描组长工牌</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Packing station {station}</source>
        <translation>打包工位 {station}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print command sheet</source>
        <translation>打印指令条码单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Light theme</source>
        <translation>浅色主题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dark theme</source>
        <translation>深色主题</translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message>
        <location filename="../../ui/packing/status_strip.py" line="+90"/>
        <source>Station</source>
        <translation>工位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>stable</source>
        <translation>稳定</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>settling</source>
        <translation>稳定中</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <location filename="../../ui/i18n.py" line="+132"/>
        <source>No Chinese font is installed: Chinese names and addresses show as boxes. Ask IT to install fonts-noto-cjk.</source>
        <extracomment>Language code (as in the settings) -&gt; its own name, shown in the language chooser. The translators installed now (by any ``Translations``): a switch replaces all of them.</extracomment>
        <translation>未安装中文字体：中文姓名和地址会显示为方框。请联系 IT 安装 fonts-noto-cjk。</translation>
    </message>
</context>
<context>
    <name>outcome</name>
    <message>
        <location filename="../../ui/messages.py" line="+24"/>
        <source>Order {order} opened: {lines} lines, {units} units</source>
        <translation>订单 {order} 已打开：{lines} 行，{units} 件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} resumed: {scanned} of {units} units scanned</source>
        <translation>订单 {order} 已继续：已扫描 {scanned}/{units} 件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: {scanned} of {ordered}</source>
        <translation>{name}：{scanned}/{ordered}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} complete: {units} units in {parcels} parcel(s)</source>
        <translation>订单 {order} 已完成：{units} 件，共 {parcels} 个包裹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong item: {name} is not in this order. Take it out and scan it again</source>
        <translation>商品错误：{name} 不属于此订单。请取出并再扫描一次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many: {sku} needs {ordered}. Take the extra unit out and scan it again</source>
        <translation>数量过多：{sku} 只需要 {ordered} 件。请取出多余的一件并再扫描一次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown barcode {code}</source>
        <translation>未知条码 {code}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unreadable scan: {error}</source>
        <translation>扫描无法识别：{error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{sku}: scan the serial number</source>
        <translation>{sku}：请扫描序列号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{sku}: scan the lot (batch) number</source>
        <translation>{sku}：请扫描批号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial {serial} was already packed. Take this unit out and scan it again</source>
        <translation>序列号 {serial} 已经打包过。请取出这件商品并再扫描一次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired: lot {lot} of {sku} expired on {expiry}. Take it out and scan it again</source>
        <translation>已过期：{sku} 的批号 {lot} 已于 {expiry} 过期。请取出并再扫描一次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No order, tote or pick list {code}</source>
        <translation>没有订单、周转箱或拣货单 {code}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} is in progress at station {station} by {operator}</source>
        <translation>订单 {order} 正在工位 {station} 由 {operator} 处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} is cancelled: do not pack it</source>
        <translation>订单 {order} 已取消：请勿打包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} is on hold: {reason}</source>
        <translation>订单 {order} 已暂扣：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} is already {status}</source>
        <translation>订单 {order} 已是{status}状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} is open here: finish or park it first</source>
        <translation>订单 {order} 正在本工位打开：请先完成或挂起</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No order open: scan an order, tote or pick list</source>
        <translation>没有打开的订单：请扫描订单、周转箱或拣货单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still waiting: scan {code} back out, or a lead&apos;s badge</source>
        <translation>仍在等待：请把 {code} 取出后扫描，或扫描组长工牌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed: {sku} taken out</source>
        <translation>已确认：{sku} 已取出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead {lead} overrode: {what}</source>
        <translation>组长 {lead} 已放行：{what}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed {quantity} x {sku}: {scanned} of {ordered}</source>
        <translation>已移除 {quantity} x {sku}：{scanned}/{ordered}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing of {sku} to remove</source>
        <translation>没有可移除的 {sku}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{sku}: {quantity} short ({reason})</source>
        <translation>{sku}：缺 {quantity} 件（{reason}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{sku}: {quantity} damaged ({reason}); scan a good unit</source>
        <translation>{sku}：{quantity} 件破损（{reason}）；请扫描一件完好的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{mode}: now scan the item</source>
        <translation>{mode}：现在扫描商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcel {parcel} closed; parcel {next} open</source>
        <translation>包裹 {parcel} 已封箱；包裹 {next} 已打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcel {parcel} is empty: scan items into it first</source>
        <translation>包裹 {parcel} 是空的：请先扫描商品装入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcel {parcel}: box {box}</source>
        <translation>包裹 {parcel}：箱型 {box}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcel {parcel}: {grams} g</source>
        <translation>包裹 {parcel}：{grams} 克</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} parked</source>
        <translation>订单 {order} 已挂起</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packing of order {order} cancelled: put the items back</source>
        <translation>订单 {order} 的打包已取消：请把商品放回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} complete but short: on hold for a lead</source>
        <translation>订单 {order} 已完成但有缺货：已暂扣，等待组长处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown command {code}</source>
        <translation>未知指令 {code}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{sku}: quantity entry is not allowed on this line</source>
        <translation>{sku}：此行不允许手动输入数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in: {operator}</source>
        <translation>已登录：{operator}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nobody is signed in: scan your badge first</source>
        <translation>尚未登录：请先扫描工牌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{operator} may not {what}: a lead&apos;s badge is needed</source>
        <translation>{operator} 无权{what}：需要组长工牌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label of order {order} parcel {parcel} of {parcels} confirmed</source>
        <translation>订单 {order} 第 {parcel}/{parcels} 个包裹的标签已确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label of order {order} parcel {parcel} was already confirmed</source>
        <translation>订单 {order} 包裹 {parcel} 的标签已确认过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong label: this is order {order} parcel {parcel}, but order {expected} was just packed here. Take the label off</source>
        <translation>标签错误：这是订单 {order} 包裹 {parcel} 的标签，但本工位刚打包的是订单 {expected}。请撕下该标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcel {parcel}: put it on the scale (expected {expected})</source>
        <translation>包裹 {parcel}：请放到秤上（应为 {expected}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcel {parcel} weighs {grams} g, expected {expected} (± {allowed} g): check the items and weigh again, or a lead releases it</source>
        <translation>包裹 {parcel} 重 {grams} 克，应为 {expected}（± {allowed} 克）：请检查商品后重新称重，或由组长放行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead {lead}: scan the reason for releasing parcel {parcel}</source>
        <translation>组长 {lead}：请扫描放行包裹 {parcel} 的原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed out: {operator}</source>
        <translation>已退出登录：{operator}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order}: {labels} label(s) printed again</source>
        <translation>订单 {order}：已补打 {labels} 张标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing to reprint: no order was packed at this station yet</source>
        <translation>没有可补打的内容：本工位还没有打包过订单</translation>
    </message>
</context>
</TS>
