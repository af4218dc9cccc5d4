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
    <name>QObject</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>edit %1 of %2</source>
        <translation>编辑 %2 的 %1</translation>
    </message>
    <message>
        <source>delete models (%1)</source>
        <translation>删除模型（%1）</translation>
    </message>
    <message>
        <source>stored in the keychain</source>
        <translation>已存储在钥匙串中</translation>
    </message>
    <message>
        <source>stored in the key file</source>
        <translation>已存储在密钥文件中</translation>
    </message>
    <message>
        <source>from the environment variable %1</source>
        <translation>来自环境变量 %1</translation>
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
    <name>signalbox::CatalogImportDialog</name>
    <message>
        <source>Import from a price catalog</source>
        <translation>从价格目录导入</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Reading the catalog</source>
        <translation>正在读取目录</translation>
    </message>
    <message>
        <source>Filter by name, e.g. gpt-4o or claude</source>
        <translation>按名称筛选，例如 gpt-4o 或 claude</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>筛选(&amp;F)：</translation>
    </message>
    <message>
        <source>Catalog &amp;provider:</source>
        <translation>目录提供商(&amp;P)：</translation>
    </message>
    <message>
        <source>Models whose catalog provider matches no configured provider are added to this one</source>
        <translation>目录提供商与任何已配置提供商都不匹配的模型将添加到此提供商</translation>
    </message>
    <message>
        <source>Add unmatched models &amp;to:</source>
        <translation>未匹配的模型添加到(&amp;T)：</translation>
    </message>
    <message>
        <source>Catalog model</source>
        <translation>目录模型</translation>
    </message>
    <message>
        <source>Catalog provider</source>
        <translation>目录提供商</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Import does</source>
        <translation>导入操作</translation>
    </message>
    <message>
        <source>Catalog models</source>
        <translation>目录模型</translation>
    </message>
    <message>
        <source>Check shown</source>
        <translation>勾选显示项</translation>
    </message>
    <message>
        <source>Uncheck all</source>
        <translation>全部取消勾选</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>The catalog could not be read: %1</source>
        <translation>无法读取目录：%1</translation>
    </message>
    <message>
        <source>All providers</source>
        <translation>所有提供商</translation>
    </message>
    <message>
        <source>add %1 at %2</source>
        <translation>在 %2 添加 %1</translation>
    </message>
    <message>
        <source>update prices of %1</source>
        <translation>更新 %1 的价格</translation>
    </message>
    <message>
        <source>prices already match</source>
        <translation>价格已一致</translation>
    </message>
    <message>
        <source>%1 chat models in the catalog, %2 shown. Checked: %3 to add, %4 to update.</source>
        <translation>目录中有 %1 个聊天模型，显示 %2 个。已勾选：添加 %3 个，更新 %4 个。</translation>
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
    <name>signalbox::CheckListEditor</name>
    <message>
        <source>Add a name and press Enter</source>
        <translation>输入名称后按回车键</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>新名称</translation>
    </message>
</context>
<context>
    <name>signalbox::ConfigEditorPage</name>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Drop the edits on this page and show the config in force</source>
        <translation>放弃此页上的编辑，显示当前生效的配置</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Save the edits and apply them to the running router</source>
        <translation>保存编辑并应用到正在运行的路由器</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>正在应用…</translation>
    </message>
    <message>
        <source>Edits dropped</source>
        <translation>已放弃编辑</translation>
    </message>
    <message>
        <source>The config changed elsewhere; Apply keeps those changes and adds yours</source>
        <translation>配置已在别处更改；应用会保留那些更改并加入您的编辑</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>已应用</translation>
    </message>
    <message>
        <source>Not applied</source>
        <translation>未应用</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>以及另外 %1 个</translation>
    </message>
    <message>
        <source>Problems: %1. Marked fields show the reason on hover.</source>
        <translation>问题：%1。将鼠标悬停在标记的字段上可查看原因。</translation>
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
    <name>signalbox::GateStoreView</name>
    <message>
        <source>Gate store</source>
        <translation>闸门存储</translation>
    </message>
    <message>
        <source>Gate store status</source>
        <translation>闸门存储状态</translation>
    </message>
    <message>
        <source>Store:</source>
        <translation>存储：</translation>
    </message>
    <message>
        <source>Health:</source>
        <translation>健康状况：</translation>
    </message>
    <message>
        <source>When unreachable:</source>
        <translation>无法访问时：</translation>
    </message>
    <message>
        <source>Instances reporting:</source>
        <translation>正在上报的实例：</translation>
    </message>
    <message>
        <source>Pending settlements:</source>
        <translation>待结算：</translation>
    </message>
    <message>
        <source>The store is chosen in gates.store of the config file and changes when Signalbox restarts.</source>
        <translation>存储在配置文件的 gates.store 中选择，并在 Signalbox 重启时生效。</translation>
    </message>
    <message>
        <source>Waiting for the router…</source>
        <translation>正在等待路由器…</translation>
    </message>
    <message>
        <source>Redis at %1, shared by every instance with the same prefix</source>
        <translation>Redis（%1），由所有使用相同前缀的实例共享</translation>
    </message>
    <message>
        <source>In memory, this process only</source>
        <translation>内存中，仅限本进程</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>无法访问</translation>
    </message>
    <message>
        <source>Unreachable: %1</source>
        <translation>无法访问：%1</translation>
    </message>
    <message>
        <source>Requests pass, held to this instance&apos;s own counters (open)</source>
        <translation>请求放行，仅受本实例自身计数器约束（open）</translation>
    </message>
    <message>
        <source>Requests are rejected with 503 (closed)</source>
        <translation>请求被拒绝并返回 503（closed）</translation>
    </message>
</context>
<context>
    <name>signalbox::GatesPage</name>
    <message>
        <source>Gates</source>
        <translation>闸门</translation>
    </message>
    <message>
        <source>Budgets and rate limits every request is held to. A request whose worst-case cost does not fit a budget moves to a cheaper fallback or is rejected with 402; one over a rate limit gets 429.</source>
        <translation>每个请求都须遵守的预算和速率限制。最坏情况费用超出预算的请求会转到更便宜的备用模型，或以 402 被拒绝；超出速率限制的请求会收到 429。</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>no daily budget</source>
        <translation>无每日预算</translation>
    </message>
    <message>
        <source>Daily budget in USD</source>
        <translation>每日预算（美元）</translation>
    </message>
    <message>
        <source>&amp;Daily budget:</source>
        <translation>每日预算(&amp;D)：</translation>
    </message>
    <message>
        <source>no monthly budget</source>
        <translation>无每月预算</translation>
    </message>
    <message>
        <source>Monthly budget in USD</source>
        <translation>每月预算（美元）</translation>
    </message>
    <message>
        <source>&amp;Monthly budget:</source>
        <translation>每月预算(&amp;M)：</translation>
    </message>
    <message>
        <source>The day and month of the budgets follow this time zone</source>
        <translation>预算的日和月按此时区计算</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>时区(&amp;T)：</translation>
    </message>
    <message>
        <source>The hour at which the day starts; the month starts at this hour on the 1st</source>
        <translation>一天开始的整点；每月 1 日的这个整点开始新的一个月</translation>
    </message>
    <message>
        <source>&amp;Reset hour:</source>
        <translation>重置时间(&amp;R)：</translation>
    </message>
    <message>
        <source>e.g. 50, 80, 95</source>
        <translation>例如 50, 80, 95</translation>
    </message>
    <message>
        <source>Percentages of each budget at which a warning is shown once per period, separated by commas</source>
        <translation>每项预算的百分比阈值，达到时每个周期显示一次警告，以逗号分隔</translation>
    </message>
    <message>
        <source>&amp;Warn at (%):</source>
        <translation>警告阈值(&amp;W)（%）：</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> 个令牌</translation>
    </message>
    <message>
        <source>Output reserved for a request that sets no max_tokens, capped by the model&apos;s maximum output</source>
        <translation>为未设置 max_tokens 的请求预留的输出量，不超过模型的最大输出</translation>
    </message>
    <message>
        <source>Reserve &amp;output:</source>
        <translation>预留输出(&amp;O)：</translation>
    </message>
    <message>
        <source>Daily budgets per stage are set on the Stages page.</source>
        <translation>各阶段的每日预算在“阶段”页面设置。</translation>
    </message>
    <message>
        <source>Rate limits per minute</source>
        <translation>每分钟速率限制</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Rate limits</source>
        <translation>速率限制</translation>
    </message>
    <message>
        <source>Scope: global, provider:ID, model:ID or stage:NAME. 0 means no limit.</source>
        <translation>范围：global、provider:ID、model:ID 或 stage:NAME。0 表示不限制。</translation>
    </message>
    <message>
        <source>Daily budgets per model</source>
        <translation>各模型每日预算</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>USD per day</source>
        <translation>美元/天</translation>
    </message>
    <message>
        <source>Model budgets</source>
        <translation>模型预算</translation>
    </message>
    <message>
        <source>not a list of numbers; write percentages such as 50, 80, 95</source>
        <translation>不是数字列表；请填写百分比，例如 50, 80, 95</translation>
    </message>
    <message>
        <source>Redis password</source>
        <translation>Redis 密码</translation>
    </message>
    <message>
        <source>Paste the Redis password</source>
        <translation>粘贴 Redis 密码</translation>
    </message>
    <message>
        <source>Kept in the keychain, never in the config file. The router uses it at once; SIGNALBOX_REDIS_PASSWORD, when set, takes precedence.</source>
        <translation>保存在钥匙串中，绝不写入配置文件。路由器会立即使用它；若设置了 SIGNALBOX_REDIS_PASSWORD，则以其为准。</translation>
    </message>
</context>
<context>
    <name>signalbox::KeyManager</name>
    <message>
        <source>The key is empty; paste the provider&apos;s key.</source>
        <translation>密钥为空；请粘贴提供商的密钥。</translation>
    </message>
    <message>
        <source>No keychain is available, so the key was not stored. Turn on the key file to store it in the data folder instead.</source>
        <translation>没有可用的钥匙串，因此未存储密钥。请打开密钥文件，改为将其存储在数据文件夹中。</translation>
    </message>
    <message>
        <source>Storing the key in %1 failed: %2</source>
        <translation>将密钥存储到 %1 失败：%2</translation>
    </message>
    <message>
        <source>The key is stored in %1.</source>
        <translation>密钥已存储在 %1 中。</translation>
    </message>
    <message>
        <source>Removing the key failed: %1</source>
        <translation>移除密钥失败：%1</translation>
    </message>
    <message>
        <source>The stored key was removed.</source>
        <translation>已移除存储的密钥。</translation>
    </message>
    <message>
        <source>The value is empty; paste the password or token.</source>
        <translation>值为空；请粘贴密码或令牌。</translation>
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
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Gates</source>
        <translation>闸门</translation>
    </message>
    <message>
        <source>Providers and keys</source>
        <translation>提供商与密钥</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>signalbox::ModelItemDelegate</name>
    <message>
        <source>Provider</source>
        <translation>提供商</translation>
    </message>
    <message>
        <source>Price in USD per million tokens</source>
        <translation>价格（美元/百万令牌）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Reasoning tokens per output token</source>
        <translation>每个输出令牌的推理令牌数</translation>
    </message>
    <message>
        <source>Hidden reasoning tokens per visible output token, 0 to 100</source>
        <translation>每个可见输出令牌对应的隐藏推理令牌数，0 到 100</translation>
    </message>
</context>
<context>
    <name>signalbox::ModelTableModel</name>
    <message>
        <source>add model %1</source>
        <translation>添加模型 %1</translation>
    </message>
    <message>
        <source>duplicate model %1</source>
        <translation>复制模型 %1</translation>
    </message>
    <message>
        <source>import from a price catalog (%1 models)</source>
        <translation>从价格目录导入（%1 个模型）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>USD per million tokens</source>
        <translation>美元/百万令牌</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>0 to 100, higher is better; automatic routing weighs it against price</source>
        <translation>0 到 100，越高越好；自动路由会将其与价格权衡</translation>
    </message>
    <message>
        <source>Model id</source>
        <translation>模型 ID</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>提供商</translation>
    </message>
    <message>
        <source>Upstream id</source>
        <translation>上游 ID</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Cache read</source>
        <translation>缓存读取</translation>
    </message>
    <message>
        <source>Cache write</source>
        <translation>缓存写入</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Max output</source>
        <translation>最大输出</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>擅长</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>能力</translation>
    </message>
    <message>
        <source>Hidden reasoning tokens the model spends per visible output token, 0 to 100.
They are billed as output; automatic routing and budget reservations count them.
0 means the model does not reason unless a request asks it to.</source>
        <translation>模型每生成一个可见输出令牌所消耗的隐藏推理令牌数，0 到 100。
这些令牌按输出计费；自动路由和预算预留都会将其计入。
0 表示除非请求要求，否则模型不进行推理。</translation>
    </message>
    <message>
        <source>Reasoning ×</source>
        <translation>推理 ×</translation>
    </message>
</context>
<context>
    <name>signalbox::ModelsPage</name>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Every model the router can call, with its prices in USD per million tokens. Double-click a cell to edit it; changes apply when you press Apply.</source>
        <translation>路由器可调用的所有模型及其价格（美元/百万令牌）。双击单元格进行编辑；按“应用”后更改生效。</translation>
    </message>
    <message>
        <source>Model registry</source>
        <translation>模型注册表</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add a model</source>
        <translation>添加模型</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Add a copy of the selected model</source>
        <translation>添加所选模型的副本</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected models</source>
        <translation>删除所选模型</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Import prices…</source>
        <translation>导入价格…</translation>
    </message>
    <message>
        <source>Add models or update prices from a LiteLLM price catalog (model_prices_and_context_window.json)</source>
        <translation>从 LiteLLM 价格目录（model_prices_and_context_window.json）添加模型或更新价格</translation>
    </message>
    <message>
        <source>Import a LiteLLM price catalog</source>
        <translation>导入 LiteLLM 价格目录</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Imported: %1 added, %2 updated</source>
        <translation>已导入：添加 %1 个，更新 %2 个</translation>
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
    <name>signalbox::ProvidersPage</name>
    <message>
        <source>Providers and keys</source>
        <translation>提供商与密钥</translation>
    </message>
    <message>
        <source>Where each provider is reached and how it is called. Provider edits apply with Apply. Keys are saved at once, to the OS keychain, and never to the config file.</source>
        <translation>每个提供商的访问地址和调用方式。提供商的编辑在按“应用”后生效。密钥会立即保存到操作系统钥匙串，绝不会写入配置文件。</translation>
    </message>
    <message>
        <source>Provider id</source>
        <translation>提供商 ID</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <source>Needs key</source>
        <translation>需要密钥</translation>
    </message>
    <message>
        <source>Key variable</source>
        <translation>密钥变量</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>提供商</translation>
    </message>
    <message>
        <source>Add provider</source>
        <translation>添加提供商</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Paste a new key</source>
        <translation>粘贴新密钥</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>新 API 密钥</translation>
    </message>
    <message>
        <source>Save key</source>
        <translation>保存密钥</translation>
    </message>
    <message>
        <source>Remove key</source>
        <translation>移除密钥</translation>
    </message>
    <message>
        <source>Remove the stored key; keys in environment variables stay</source>
        <translation>移除存储的密钥；环境变量中的密钥保持不变</translation>
    </message>
    <message>
        <source>Store keys in an unencrypted file when no keychain is available</source>
        <translation>没有可用的钥匙串时，将密钥存储在未加密的文件中</translation>
    </message>
    <message>
        <source>The file is readable only by your user account, but the keys in it are not encrypted: anyone with access to your account or to its backups can read them. Turning this off deletes the file.</source>
        <translation>该文件仅您的用户帐户可读，但其中的密钥未加密：任何能访问您的帐户或其备份的人都能读取。关闭此选项会删除该文件。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>List the provider&apos;s models with GET {base_url}/models and the provider&apos;s key</source>
        <translation>使用 GET {base_url}/models 和提供商的密钥列出该提供商的模型</translation>
    </message>
    <message>
        <source>Lists the models the provider offers with your key.</source>
        <translation>列出提供商通过您的密钥提供的模型。</translation>
    </message>
    <message>
        <source>Models the provider lists</source>
        <translation>提供商列出的模型</translation>
    </message>
    <message>
        <source>Custom provider</source>
        <translation>自定义提供商</translation>
    </message>
    <message>
        <source>Key of %1</source>
        <translation>%1 的密钥</translation>
    </message>
    <message>
        <source>Checking the keychain…</source>
        <translation>正在检查钥匙串…</translation>
    </message>
    <message>
        <source>Keys are stored in the OS keychain under the service &quot;signalbox&quot;.</source>
        <translation>密钥存储在操作系统钥匙串的“signalbox”服务下。</translation>
    </message>
    <message>
        <source>&lt;b&gt;No keychain service is available&lt;/b&gt; (%1). Keys cannot be stored securely here: set them in environment variables, or turn on the key file below.</source>
        <translation>&lt;b&gt;没有可用的钥匙串服务&lt;/b&gt;（%1）。此处无法安全存储密钥：请在环境变量中设置，或打开下方的密钥文件。</translation>
    </message>
    <message>
        <source>Keys go to %1</source>
        <translation>密钥将存入 %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;No key.&lt;/b&gt; Requests to this provider fail until you save one here or set %1.</source>
        <translation>&lt;b&gt;没有密钥。&lt;/b&gt;在此保存密钥或设置 %1 之前，发往该提供商的请求都会失败。</translation>
    </message>
    <message>
        <source>This provider needs no key.</source>
        <translation>该提供商不需要密钥。</translation>
    </message>
    <message>
        <source>Key %1: &lt;code&gt;%2&lt;/code&gt;</source>
        <translation>密钥%1：&lt;code&gt;%2&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connected. Models listed: %1</source>
        <translation>已连接。列出的模型：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Failed:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;失败：&lt;/b&gt;%1</translation>
    </message>
</context>
<context>
    <name>signalbox::QualityEditor</name>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
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
    <name>signalbox::RouterService</name>
    <message>
        <source>the router is not running</source>
        <translation>路由器未运行</translation>
    </message>
</context>
<context>
    <name>signalbox::RouterWorker</name>
    <message>
        <source>%1 was already past %2% of its limit: $%3 of $%4 spent</source>
        <translation>%1 已超过限额的 %2%：已花费 $%3 / $%4</translation>
    </message>
    <message>
        <source>%1 reached %2% of its limit: $%3 of $%4 spent</source>
        <translation>%1 已达到限额的 %2%：已花费 $%3 / $%4</translation>
    </message>
    <message>
        <source>Config reloaded from %1</source>
        <translation>已从 %1 重新加载配置</translation>
    </message>
    <message>
        <source>invalid gates: %1</source>
        <translation>无效的闸门：%1</translation>
    </message>
    <message>
        <source>Config file %1 was not applied, the previous config stays in force: %2</source>
        <translation>配置文件 %1 未被应用，先前的配置继续生效：%2</translation>
    </message>
    <message>
        <source>gates.store changed in %1; restart Signalbox to use the new gate store</source>
        <translation>%1 中的 gates.store 已更改；请重启 Signalbox 以使用新的闸门存储</translation>
    </message>
    <message>
        <source>in memory (demo)</source>
        <translation>在内存中（演示）</translation>
    </message>
    <message>
        <source>Config applied and saved %1</source>
        <translation>配置已应用并保存：%1</translation>
    </message>
    <message>
        <source>the router is not running</source>
        <translation>路由器未运行</translation>
    </message>
</context>
<context>
    <name>signalbox::SecretField</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the stored value; a value in the environment variable stays</source>
        <translation>移除已存储的值；环境变量中的值保持不变</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>正在移除…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not set.&lt;/b&gt; Save it here or set %1.</source>
        <translation>&lt;b&gt;未设置。&lt;/b&gt;请在此保存，或设置 %1。</translation>
    </message>
    <message>
        <source>Stored in the keychain: %1</source>
        <translation>已存储在钥匙串中：%1</translation>
    </message>
    <message>
        <source>Stored in the key file: %1</source>
        <translation>已存储在密钥文件中：%1</translation>
    </message>
    <message>
        <source>From the environment variable %1: %2. It takes precedence over the stored value.</source>
        <translation>来自环境变量 %1：%2。它优先于已存储的值。</translation>
    </message>
    <message>
        <source>From the environment variable %1: %2.</source>
        <translation>来自环境变量 %1：%2。</translation>
    </message>
</context>
<context>
    <name>signalbox::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>The console&apos;s language and the address the endpoint listens on.</source>
        <translation>控制台的语言以及端点监听的地址。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Console language</source>
        <translation>控制台语言</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Console &amp;language:</source>
        <translation>控制台语言(&amp;L)：</translation>
    </message>
    <message>
        <source>The language changes when Signalbox starts again. The --language option overrides this choice.</source>
        <translation>语言将在 Signalbox 下次启动时更改。--language 选项优先于此选择。</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>Base URL now:</source>
        <translation>当前基础 URL：</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>监听地址</translation>
    </message>
    <message>
        <source>HOST:PORT with an IP address; port 0 picks a free port</source>
        <translation>HOST:PORT，使用 IP 地址；端口 0 会选择一个空闲端口</translation>
    </message>
    <message>
        <source>Listen &amp;address:</source>
        <translation>监听地址(&amp;A)：</translation>
    </message>
    <message>
        <source>Language saved; it changes when Signalbox starts again.</source>
        <translation>语言已保存；将在 Signalbox 下次启动时更改。</translation>
    </message>
    <message>
        <source>The router listens on a new address when Signalbox starts again.</source>
        <translation>路由器将在 Signalbox 下次启动时监听新地址。</translation>
    </message>
    <message>
        <source>This run was started with --listen %1, which overrides this address.</source>
        <translation>本次运行使用了 --listen %1 启动，它会覆盖此地址。</translation>
    </message>
    <message>
        <source>This address is reachable from other machines, which could then spend your budget.</source>
        <translation>此地址可从其他机器访问，它们可能会花费您的预算。</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>访问令牌</translation>
    </message>
    <message>
        <source>Paste the access token clients must send</source>
        <translation>粘贴客户端必须发送的访问令牌</translation>
    </message>
    <message>
        <source>The endpoint requires no token now. It requires this one once server.access_token_ref is set in the config.</source>
        <translation>端点目前不要求令牌。在配置中设置 server.access_token_ref 后，端点会要求此令牌。</translation>
    </message>
    <message>
        <source>server.access_token_ref is set: every request except GET /health must send this token as &quot;Authorization: Bearer TOKEN&quot;. SIGNALBOX_ACCESS_TOKEN, when set, takes precedence.</source>
        <translation>已设置 server.access_token_ref：除 GET /health 外，每个请求都必须以 &quot;Authorization: Bearer TOKEN&quot; 发送此令牌。若设置了 SIGNALBOX_ACCESS_TOKEN，则以其为准。</translation>
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
    <name>signalbox::StagesPage</name>
    <message>
        <source>Stages</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Pipeline stages pick their model by name: send &quot;stage:NAME&quot; as the model, or the X-Signalbox-Stage header. Fallbacks are tried in order, top first; drag them to reorder.</source>
        <translation>流水线阶段按名称选择模型：将“stage:NAME”作为模型发送，或使用 X-Signalbox-Stage 请求头。备用模型按从上到下的顺序尝试；拖动可调整顺序。</translation>
    </message>
    <message>
        <source>New stage name</source>
        <translation>新阶段名称</translation>
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
        <source>Remove the selected stage and its budget</source>
        <translation>移除所选阶段及其预算</translation>
    </message>
    <message>
        <source>&quot;auto&quot; lets the router pick among the allowed models</source>
        <translation>“auto”让路由器在允许的模型中选择</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Fallbacks:</source>
        <translation>备用模型(&amp;F)：</translation>
    </message>
    <message>
        <source>Allowed models</source>
        <translation>允许的模型</translation>
    </message>
    <message>
        <source>With no model checked, the stage may use every model</source>
        <translation>未勾选任何模型时，该阶段可使用所有模型</translation>
    </message>
    <message>
        <source>&amp;Allowed models:</source>
        <translation>允许的模型(&amp;A)：</translation>
    </message>
    <message>
        <source>no stage budget</source>
        <translation>无阶段预算</translation>
    </message>
    <message>
        <source>Daily budget of the stage in USD</source>
        <translation>阶段每日预算（美元）</translation>
    </message>
    <message>
        <source>Daily &amp;budget:</source>
        <translation>每日预算(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Override:</source>
        <translation>临时覆盖(&amp;O)：</translation>
    </message>
    <message>
        <source>Fallbacks in order</source>
        <translation>按顺序排列的备用模型</translation>
    </message>
    <message>
        <source>Model to add as a fallback</source>
        <translation>要添加为备用的模型</translation>
    </message>
    <message>
        <source>Add fallback</source>
        <translation>添加备用模型</translation>
    </message>
    <message>
        <source>Pin to</source>
        <translation>固定为</translation>
    </message>
    <message>
        <source>Route this stage to one model until the given time, then return to its own model</source>
        <translation>在指定时间之前将此阶段路由到一个模型，之后恢复使用其自身的模型</translation>
    </message>
    <message>
        <source>Model the stage is pinned to</source>
        <translation>此阶段固定使用的模型</translation>
    </message>
    <message>
        <source>Pinned until, local time</source>
        <translation>固定截止时间（本地时间）</translation>
    </message>
    <message>
        <source>until</source>
        <translation>直到</translation>
    </message>
    <message>
        <source>Routing preview</source>
        <translation>路由预览</translation>
    </message>
    <message>
        <source>A sample prompt for the selected stage</source>
        <translation>所选阶段的示例提示词</translation>
    </message>
    <message>
        <source>Refactor the settings dialog so that it remembers its size.</source>
        <translation>重构设置对话框，使其记住自己的大小。</translation>
    </message>
    <message>
        <source>Sample prompt</source>
        <translation>示例提示词</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Show which model the router would pick, with the edits on this page</source>
        <translation>显示在应用本页编辑后路由器会选择哪个模型</translation>
    </message>
    <message>
        <source>Stage &quot;%1&quot;</source>
        <translation>阶段“%1”</translation>
    </message>
    <message>
        <source>Asking the router…</source>
        <translation>正在询问路由器…</translation>
    </message>
    <message>
        <source>The preview needs the router, which is not running.</source>
        <translation>预览需要路由器，但路由器未运行。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rejected with HTTP %1:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;被拒绝，HTTP %1：&lt;/b&gt;%2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; from provider %2, route &lt;i&gt;%3&lt;/i&gt;. Fallbacks: %4. Worst-case cost %5 for about %6 input tokens.&lt;br&gt;%7</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（提供商 %2），路由 &lt;i&gt;%3&lt;/i&gt;。备用模型：%4。最坏情况费用 %5，约 %6 个输入令牌。&lt;br&gt;%7</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
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
