<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConsoleText</name>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Daily budget</source>
        <translation>每日预算</translation>
    </message>
    <message>
        <source>Monthly budget</source>
        <translation>每月预算</translation>
    </message>
    <message>
        <source>Stage budget: %1</source>
        <translation>阶段预算：%1</translation>
    </message>
    <message>
        <source>Model budget: %1</source>
        <translation>模型预算：%1</translation>
    </message>
    <message>
        <source>Requests per minute: %1</source>
        <translation>每分钟请求数：%1</translation>
    </message>
    <message>
        <source>Tokens per minute: %1</source>
        <translation>每分钟令牌数：%1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Tripped</source>
        <translation>已触发</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Limit: %1</source>
        <translation>限额：%1</translation>
    </message>
    <message>
        <source>Spent: %1</source>
        <translation>已花费：%1</translation>
    </message>
    <message>
        <source>In the last minute: %1</source>
        <translation>最近一分钟：%1</translation>
    </message>
    <message>
        <source>Reserved by requests in flight: %1</source>
        <translation>进行中的请求已预留：%1</translation>
    </message>
    <message>
        <source>Resets at %1</source>
        <translation>重置时间：%1</translation>
    </message>
    <message>
        <source>Oldest entry leaves at %1</source>
        <translation>最早的记录将于 %1 移出</translation>
    </message>
    <message>
        <source>(no stage)</source>
        <translation>（无阶段）</translation>
    </message>
</context>
<context>
    <name>RequestCsv</name>
    <message>
        <source>Cannot open %1 for writing: %2</source>
        <translation>无法打开 %1 进行写入：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>RequestDetails</name>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Tokens and cost</source>
        <translation>令牌与费用</translation>
    </message>
    <message>
        <source>Timings</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试</translation>
    </message>
    <message>
        <source>Decision trace</source>
        <translation>决策轨迹</translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation>%1（HTTP %2）</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>请求 ID</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>提供商</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>classifier call made while routing</source>
        <translation>路由过程中的分类器调用</translation>
    </message>
    <message>
        <source>estimated (no usage report arrived)</source>
        <translation>估算值（未收到用量报告）</translation>
    </message>
    <message>
        <source>reported by the provider</source>
        <translation>由提供商报告</translation>
    </message>
    <message>
        <source>Input, estimated before the call</source>
        <translation>输入（调用前估算）</translation>
    </message>
    <message>
        <source>Input, billed</source>
        <translation>输入（计费）</translation>
    </message>
    <message>
        <source>Cached input</source>
        <translation>缓存输入</translation>
    </message>
    <message>
        <source>Cache writes</source>
        <translation>缓存写入</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Reasoning, part of output</source>
        <translation>推理（计入输出）</translation>
    </message>
    <message>
        <source>Billed counts</source>
        <translation>计费依据</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>not streamed, or no token arrived</source>
        <translation>未流式传输，或未收到令牌</translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation>首个令牌耗时</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Streamed</source>
        <translation>流式传输</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>attempt %1 on &apos;%2&apos;: %3</source>
        <translation>第 %1 次尝试，模型“%2”：%3</translation>
    </message>
    <message>
        <source>no upstream call was made</source>
        <translation>未调用上游</translation>
    </message>
</context>
<context>
    <name>signalbox::ChatStream</name>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1：%2</translation>
    </message>
</context>
<context>
    <name>signalbox::DashboardPage</name>
    <message>
        <source>Gates</source>
        <translation>闸门</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the base URL for OpenAI-compatible clients</source>
        <translation>复制供 OpenAI 兼容客户端使用的基础 URL</translation>
    </message>
    <message>
        <source>Copy the endpoint address</source>
        <translation>复制端点地址</translation>
    </message>
    <message>
        <source>Endpoint (base URL)</source>
        <translation>端点（基础 URL）</translation>
    </message>
    <message>
        <source>Spend today</source>
        <translation>今日花费</translation>
    </message>
    <message>
        <source>Requests today</source>
        <translation>今日请求</translation>
    </message>
    <message>
        <source>Cumulative spend today</source>
        <translation>今日累计花费</translation>
    </message>
    <message>
        <source>Requests per minute, last hour</source>
        <translation>每分钟请求数（最近一小时）</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Spend by model</source>
        <translation>按模型统计花费</translation>
    </message>
    <message>
        <source>Spend by stage</source>
        <translation>按阶段统计花费</translation>
    </message>
    <message>
        <source>%1 tokens in, %2 out</source>
        <translation>输入 %1 个令牌，输出 %2 个</translation>
    </message>
    <message>
        <source>no daily budget set</source>
        <translation>未设置每日预算</translation>
    </message>
    <message>
        <source>of %1 daily budget (%2)</source>
        <translation>占每日预算 %1 的 %2</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>Copied %1 to the clipboard</source>
        <translation>已将 %1 复制到剪贴板</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>未运行</translation>
    </message>
</context>
<context>
    <name>signalbox::GateLamp</name>
    <message>
        <source>%1 · %2 of %3</source>
        <translation>%1 · %3 的 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>signalbox::GateLampsView</name>
    <message>
        <source>No gates are configured: add a budget or rate limit to the config&apos;s gates section.</source>
        <translation>未配置闸门：请在配置的 gates 部分添加预算或速率限制。</translation>
    </message>
</context>
<context>
    <name>signalbox::MainWindow</name>
    <message>
        <source>Signalbox</source>
        <translation>Signalbox</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Routing paused: the endpoint answers 503</source>
        <translation>路由已暂停：端点返回 503</translation>
    </message>
    <message>
        <source>Routing resumed</source>
        <translation>路由已恢复</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>试验场</translation>
    </message>
    <message>
        <source>Starting the router…</source>
        <translation>正在启动路由器…</translation>
    </message>
    <message>
        <source>Click to copy the base URL</source>
        <translation>点击复制基础 URL</translation>
    </message>
    <message>
        <source>Endpoint address; click to copy</source>
        <translation>端点地址；点击复制</translation>
    </message>
    <message>
        <source>Spend today</source>
        <translation>今日花费</translation>
    </message>
    <message>
        <source>&amp;Pause routing</source>
        <translation>暂停路由(&amp;P)</translation>
    </message>
    <message>
        <source>While paused, the endpoint answers 503 to every model request</source>
        <translation>暂停期间，端点对每个模型请求返回 503</translation>
    </message>
    <message>
        <source>Pause routing</source>
        <translation>暂停路由</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export requests as CSV…</source>
        <translation>将请求导出为 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Routing</source>
        <translation>路由(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Copy endpoint address</source>
        <translation>复制端点地址(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Find requests</source>
        <translation>查找请求(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>The language changes when Signalbox starts again.</source>
        <translation>语言将在 Signalbox 下次启动时更改。</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Routing live (demo: simulated upstream and traffic)</source>
        <translation>路由运行中（演示：模拟上游和流量）</translation>
    </message>
    <message>
        <source>Routing live</source>
        <translation>路由运行中</translation>
    </message>
    <message>
        <source>Router listening on %1</source>
        <translation>路由器正在监听 %1</translation>
    </message>
    <message>
        <source>Today %1 of %2</source>
        <translation>今日 %1 / %2</translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation>今日 %1</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Routing is paused: the endpoint answers 503. Click to resume.</source>
        <translation>路由已暂停：端点返回 503。点击恢复。</translation>
    </message>
    <message>
        <source>Routing is live. Click to pause it.</source>
        <translation>路由运行中。点击暂停。</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>The router could not start: %1</source>
        <translation>路由器无法启动：%1</translation>
    </message>
    <message>
        <source>Copied %1 to the clipboard</source>
        <translation>已将 %1 复制到剪贴板</translation>
    </message>
</context>
<context>
    <name>signalbox::PlaygroundPage</name>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>Automatic (auto)</source>
        <translation>自动（auto）</translation>
    </message>
    <message>
        <source>&amp;Route:</source>
        <translation>路由(&amp;R)：</translation>
    </message>
    <message>
        <source>Maximum output tokens</source>
        <translation>最大输出令牌数</translation>
    </message>
    <message>
        <source>&amp;Max output tokens:</source>
        <translation>最大输出令牌数(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Prompt:</source>
        <translation>提示词(&amp;P)：</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Type a prompt to see where the router sends it.</source>
        <translation>输入提示词，查看路由器会将其发往何处。</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>Send the prompt to the local endpoint; this calls the provider and is billed (Ctrl+Return)</source>
        <translation>将提示词发送到本地端点；这会调用提供商并产生费用（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>Routing decision (dry run)</source>
        <translation>路由决策（试运行）</translation>
    </message>
    <message>
        <source>Routing decision</source>
        <translation>路由决策</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Nothing sent yet.</source>
        <translation>尚未发送。</translation>
    </message>
    <message>
        <source>Stage: %1</source>
        <translation>阶段：%1</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <source>unknown (the model is not in the registry)</source>
        <translation>未知（该模型不在注册表中）</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>提供商</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Candidates, in order</source>
        <translation>候选模型（按顺序）</translation>
    </message>
    <message>
        <source>Estimated input tokens</source>
        <translation>估算输入令牌数</translation>
    </message>
    <message>
        <source>Worst-case cost</source>
        <translation>最坏情况费用</translation>
    </message>
    <message>
        <source>Rejected with HTTP %1 (%2)</source>
        <translation>已拒绝，HTTP %1（%2）</translation>
    </message>
    <message>
        <source>Decision trace</source>
        <translation>决策轨迹</translation>
    </message>
    <message>
        <source>Waiting for the answer…</source>
        <translation>正在等待回答…</translation>
    </message>
    <message>
        <source>Stopped; the request was cancelled.</source>
        <translation>已停止；请求已取消。</translation>
    </message>
    <message>
        <source>Answering: %1 (route: %2)</source>
        <translation>正在回答：%1（路由：%2）</translation>
    </message>
    <message>
        <source>Answered by %1 (route: %2)</source>
        <translation>由 %1 回答（路由：%2）</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>%1 tokens in, %2 out; cost %3; latency %4 ms</source>
        <translation>输入 %1 个令牌，输出 %2 个；费用 %3；延迟 %4 毫秒</translation>
    </message>
</context>
<context>
    <name>signalbox::RateChart</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Requests per minute</source>
        <translation>每分钟请求数</translation>
    </message>
    <message>
        <source>Requests per minute over the last hour</source>
        <translation>最近一小时每分钟请求数</translation>
    </message>
</context>
<context>
    <name>signalbox::RequestTableModel</name>
    <message>
        <source>%1 → %2%3</source>
        <translation>%1 → %2%3</translation>
    </message>
    <message>
        <source> (est.)</source>
        <translation>（估算）</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Tokens in → out</source>
        <translation>令牌 输入 → 输出</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>signalbox::RequestsPage</name>
    <message>
        <source>Request details</source>
        <translation>请求详情</translation>
    </message>
    <message>
        <source>Select a request to see its decision trace, attempts, tokens, cost and timings.</source>
        <translation>选择一个请求，查看其决策轨迹、尝试、令牌、费用和耗时。</translation>
    </message>
    <message>
        <source>Search id, model, stage, error, trace… (Ctrl+F)</source>
        <translation>搜索 ID、模型、阶段、错误、轨迹…（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search requests</source>
        <translation>搜索请求</translation>
    </message>
    <message>
        <source>Filter by stage</source>
        <translation>按阶段筛选</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>所有阶段</translation>
    </message>
    <message>
        <source>(no stage)</source>
        <translation>（无阶段）</translation>
    </message>
    <message>
        <source>Filter by model</source>
        <translation>按模型筛选</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>所有模型</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>client cancelled</source>
        <translation>客户端已取消</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the requests shown as a CSV file</source>
        <translation>将显示的请求保存为 CSV 文件</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Export requests as CSV</source>
        <translation>将请求导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n request(s) to %1</source>
        <translation>
            <numerusform>已将 %n 个请求导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
</context>
<context>
    <name>signalbox::RouterWorker</name>
    <message>
        <source>%1 reached %2% of its limit: $%3 of $%4 spent</source>
        <translation>%1 已达到限额的 %2%：已花费 $%3 / $%4</translation>
    </message>
    <message>
        <source>Config file %1 has invalid gates, the previous config stays in force: %2</source>
        <translation>配置文件 %1 中的闸门无效，继续使用之前的配置：%2</translation>
    </message>
    <message>
        <source>Config reloaded from %1</source>
        <translation>已从 %1 重新加载配置</translation>
    </message>
    <message>
        <source>Config file %1 is invalid, the previous config stays in force: %2</source>
        <translation>配置文件 %1 无效，继续使用之前的配置：%2</translation>
    </message>
</context>
<context>
    <name>signalbox::SpendBreakdown</name>
    <message>
        <source>Spend by model</source>
        <translation>按模型统计花费</translation>
    </message>
    <message>
        <source>Spend by stage</source>
        <translation>按阶段统计花费</translation>
    </message>
    <message>
        <source>(other)</source>
        <translation>（其他）</translation>
    </message>
    <message>
        <source>(no model)</source>
        <translation>（无模型）</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n request(s)</source>
        <translation>
            <numerusform>%1 · %n 个请求</numerusform>
        </translation>
    </message>
    <message>
        <source>No spend yet today</source>
        <translation>今日尚无花费</translation>
    </message>
</context>
<context>
    <name>signalbox::SpendChart</name>
    <message>
        <source>Spend today</source>
        <translation>今日花费</translation>
    </message>
    <message>
        <source>Cumulative spend today against the daily budget</source>
        <translation>今日累计花费与每日预算对比</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Spend (USD)</source>
        <translation>花费（美元）</translation>
    </message>
    <message>
        <source>Daily budget %1</source>
        <translation>每日预算 %1</translation>
    </message>
    <message>
        <source>Warnings at %1</source>
        <translation>警告阈值 %1</translation>
    </message>
</context>
<context>
    <name>signalbox::TrayController</name>
    <message>
        <source>Signalbox is still routing</source>
        <translation>Signalbox 仍在路由</translation>
    </message>
    <message>
        <source>The endpoint keeps running in the background. Use Quit in the tray menu to stop it.</source>
        <translation>端点将在后台继续运行。使用托盘菜单中的“退出”来停止它。</translation>
    </message>
    <message>
        <source>&amp;Show console</source>
        <translation>显示控制台(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit Signalbox</source>
        <translation>退出 Signalbox(&amp;Q)</translation>
    </message>
    <message>
        <source>Today: %1 of %2 (%3)</source>
        <translation>今日：%1 / %2（%3）</translation>
    </message>
    <message>
        <source>Today: %1, no daily budget</source>
        <translation>今日：%1，无每日预算</translation>
    </message>
    <message>
        <source>Routing paused</source>
        <translation>路由已暂停</translation>
    </message>
    <message>
        <source>Gates: %1</source>
        <translation>闸门：%1</translation>
    </message>
    <message>
        <source>Signalbox</source>
        <translation>Signalbox</translation>
    </message>
</context>
</TS>
