<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AppInfo</name>
    <message>
        <location filename="../src/models/app_info.cpp" line="+8"/>
        <source>closelab — TCP close lab</source>
        <translation>closelab — TCP 挥手实验室</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How TCP closes a connection, and what Linux really does around it.</source>
        <translation>TCP 如何关闭连接，以及 Linux 在其中实际做了什么。</translation>
    </message>
</context>
<context>
    <name>Ladder</name>
    <message>
        <location filename="../qml/Ladder.qml" line="+435"/>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No run loaded</source>
        <translation>尚未载入运行结果</translation>
    </message>
</context>
<context>
    <name>LadderTimer</name>
    <message>
        <location filename="../qml/LadderTimer.qml" line="+68"/>
        <source>%1: %2 left</source>
        <translation>%1：剩余 %2</translation>
    </message>
</context>
<context>
    <name>closelab::App</name>
    <message>
        <location filename="../src/app/main.cpp" line="+202"/>
        <source>unknown option &apos;%1&apos;</source>
        <translation>未知选项“%1”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>多余的参数“%1”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--lang must be en or zh_CN, got &apos;%1&apos;</source>
        <translation>--lang 只能是 en 或 zh_CN，实际为“%1”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--size must look like 1366x768, got &apos;%1&apos;</source>
        <translation>--size 应形如 1366x768，实际为“%1”</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>--dialog must be shortcuts, about or error, got &apos;%1&apos;</source>
        <translation>--dialog 只能是 shortcuts、about 或 error，实际为“%1”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--scale must be a number from 0.5 to 4, got &apos;%1&apos;</source>
        <translation>--scale 必须是 0.5 到 4 之间的数，实际为“%1”</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>--size must be at most %1x%1 at this scale (16384 pixels a side), got &apos;%2&apos;</source>
        <translation>--size 在此缩放比例下最大为 %1x%1（每边 16384 像素），实际为“%2”</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>--at-time-us must be a non-negative integer, got &apos;%1&apos;</source>
        <translation>--at-time-us 必须是非负整数，实际为“%1”</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <location filename="../src/app/capture_harness.cpp" line="+77"/>
        <location filename="../src/app/main.cpp" line="+55"/>
        <source>cannot write the screenshot to %1</source>
        <translation>无法把截图写入 %1</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="-188"/>
        <source>--beat must be a non-negative integer, got &apos;%1&apos;</source>
        <translation>--beat 必须是非负整数，实际为“%1”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--beat needs --present</source>
        <translation>--beat 需要与 --present 一起使用</translation>
    </message>
    <message>
        <location filename="../src/app/capture_harness.cpp" line="-28"/>
        <source>--beat must be 0 to %1 (this scenario has %1 beats), got &apos;%2&apos;</source>
        <translation>--beat 必须在 0 到 %1 之间（该场景有 %1 个要点），实际为“%2”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--beat must be 0 to %1 (this scenario has no beats: one step per event, %1 steps), got &apos;%2&apos;</source>
        <translation>--beat 必须在 0 到 %1 之间（该场景没有要点：每个事件一步，共 %1 步），实际为“%2”</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="-83"/>
        <source>--tab must be ladder, load, compare or practice, got &apos;%1&apos;</source>
        <translation>--tab 必须是 ladder、load、compare 或 practice，实际为“%1”</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>--practice-seed must be a number from 0 to 2^64-1, got &apos;%1&apos;</source>
        <translation>--practice-seed 必须是 0 到 2^64-1 之间的数，实际为“%1”</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+142"/>
        <source>unknown question &apos;%1&apos;</source>
        <translation>未知题目“%1”</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>the mock interview could not be played</source>
        <translation>无法进行模拟面试</translation>
    </message>
</context>
<context>
    <name>closelab::Errors</name>
    <message>
        <location filename="../src/core/error_catalog.cpp" line="+23"/>
        <source>unknown scenario &apos;{id}&apos; (closelab-cli list shows the built-ins; a file name must end in .json)</source>
        <translation>未知场景“{id}”（“closelab-cli list”可列出内置场景；文件名必须以 .json 结尾）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown option &apos;{name}&apos;</source>
        <translation>未知选项“{name}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>option &apos;{name}&apos; does not exist in kernel {kernel}: {why}</source>
        <translation>内核 {kernel} 中没有选项“{name}”：{why}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} expects a whole number, got &apos;{value}&apos;</source>
        <translation>{name} 需要一个整数，实际为“{value}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} must be between {min} and {max}, got &apos;{value}&apos;</source>
        <translation>{name} 必须在 {min} 到 {max} 之间，实际为“{value}”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} expects 0 or 1, got &apos;{value}&apos;</source>
        <translation>{name} 只能是 0 或 1，实际为“{value}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} must be one of {allowed}, got &apos;{value}&apos;</source>
        <translation>{name} 必须是 {allowed} 之一，实际为“{value}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} expects two ports &apos;LOW HIGH&apos; between 1 and 65535, got &apos;{value}&apos;</source>
        <translation>{name} 需要两个 1 到 65535 之间的端口“LOW HIGH”，实际为“{value}”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name}: the low end {low} is above the high end {high}</source>
        <translation>{name}：下限 {low} 大于上限 {high}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} expects &apos;ON,SECONDS&apos; such as 1,0 or 0,0 (seconds 0..3600), got &apos;{value}&apos;</source>
        <translation>{name} 需要“ON,SECONDS”形式，例如 1,0 或 0,0（秒数 0..3600），实际为“{value}”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} expects ports or ranges like &apos;8080,9000-9010&apos;, got &apos;{value}&apos;</source>
        <translation>{name} 需要端口或端口范围，例如“8080,9000-9010”，实际为“{value}”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown kernel profile &apos;{kernel}&apos; (use linux-6, linux-4.9 or rfc793)</source>
        <translation>未知内核配置“{kernel}”（可用 linux-6、linux-4.9 或 rfc793）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this scenario has no host named &apos;{host}&apos;</source>
        <translation>本场景中没有名为“{host}”的主机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--set expects [HOST.]NAME=VALUE, e.g. client.net.ipv4.tcp_fin_timeout=7, got &apos;{text}&apos;</source>
        <translation>--set 需要 [HOST.]NAME=VALUE 形式，例如 client.net.ipv4.tcp_fin_timeout=7，实际为“{text}”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>option &apos;{name}&apos; cannot be set for a single host</source>
        <translation>选项“{name}”不能只针对单台主机设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not valid JSON: {message}</source>
        <translation>不是有效的 JSON：{message}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing field &apos;{field}&apos; in {where}</source>
        <translation>{where}中缺少字段“{field}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>field &apos;{field}&apos; must be {expected}</source>
        <translation>字段“{field}”必须是{expected}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>field &apos;{field}&apos; has a bad value &apos;{value}&apos;: {why}</source>
        <translation>字段“{field}”的值“{value}”无效：{why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown field &apos;{field}&apos;</source>
        <translation>未知字段“{field}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>field &apos;{field}&apos; names host &apos;{host}&apos;, which is not in &apos;hosts&apos;</source>
        <translation>字段“{field}”引用的主机“{host}”不在“hosts”中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>socket &apos;{sock}&apos; on host &apos;{host}&apos; is used before a listen, connect or accept created it</source>
        <translation>主机“{host}”上的套接字“{sock}”在 listen()、connect() 或 accept() 创建它之前就被使用了</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;{value}&apos; appears twice in &apos;{field}&apos;</source>
        <translation>“{value}”在“{field}”中出现了两次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read file &apos;{path}&apos;</source>
        <translation>无法读取文件“{path}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--seed expects a whole number 0..2^64-1, got &apos;{value}&apos;</source>
        <translation>--seed 需要 0..2^64-1 之间的整数，实际为“{value}”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} must be above 0 and at most {max}, got &apos;{value}&apos;</source>
        <translation>{name} 必须大于 0 且不超过 {max}，实际为“{value}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} needs --rate</source>
        <translation>{name} 需要同时给出 --rate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give --rate, or --count for back-to-back attempts</source>
        <translation>请给出 --rate，或用 --count 指定连续发起的尝试次数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--rate x --duration asks for more than {max} attempts; lower the rate, shorten the run or give --count</source>
        <translation>--rate × --duration 要求超过 {max} 次尝试；请降低速率、缩短运行时间或给出 --count</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} must not be negative, got &apos;{value}&apos;</source>
        <translation>{name} 不能为负数，实际为“{value}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--loss must be a probability from 0 up to (not including) 1, got &apos;{value}&apos;</source>
        <translation>--loss 必须是 0 到 1 之间的概率（不含 1），实际为“{value}”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--loopback puts both ends on one host: it excludes --clients and --nat</source>
        <translation>--loopback 把两端放在同一台主机上：不能与 --clients 或 --nat 同时使用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--duration / --sample-ms gives more than {max} samples</source>
        <translation>--duration / --sample-ms 会产生超过 {max} 个采样点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown host &apos;{host}&apos; in --set {name} (hosts here: {hosts})</source>
        <translation>--set {name} 中的主机“{host}”不存在（这里的主机：{hosts}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{message}</source>
        <translation>{message}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a scenario file holds one JSON object {...}, not a list or a single value</source>
        <translation>场景文件必须是一个 JSON 对象 {...}，不能是列表或单个值</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the scenario sends more than {max} segments (the limit was reached at {ms} ms): send fewer bytes, repeat fewer times or shorten duration_ms</source>
        <translation>场景发送的报文段超过 {max} 个（在 {ms} ms 时达到上限）：请少发一些字节、减少重复次数或缩短 duration_ms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown topic &apos;{topic}&apos; (topics: {topics})</source>
        <translation>未知主题“{topic}”（可用主题：{topics}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown question kind &apos;{kind}&apos; (kinds: {kinds})</source>
        <translation>未知题型“{kind}”（可用题型：{kinds}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>field &apos;{field}&apos; has no &apos;{lang}&apos; text</source>
        <translation>字段“{field}”缺少“{lang}”文本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{name}&apos; in &apos;{field}&apos; is not one of the question&apos;s params</source>
        <translation>“{field}”中的“{name}”不是本题声明的参数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>bad selector in &apos;{field}&apos;: {why}</source>
        <translation>“{field}”中的选择器有误：{why}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown question &apos;{id}&apos; (closelab-cli quiz list shows the ids)</source>
        <translation>未知题目“{id}”（“closelab-cli quiz list”可列出所有题目编号）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot read the answer &apos;{answer}&apos;: expected {expected}</source>
        <translation>无法识别答案“{answer}”：应为{expected}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;{name}&apos; is not an option this task lets you change (you may set: {knobs})</source>
        <translation>本题不允许修改“{name}”（可以设置的是：{knobs}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name}={value} is not one of the values this task offers ({allowed})</source>
        <translation>{name}={value} 不在本题提供的取值之中（{allowed}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the question&apos;s run cannot be played: {detail}</source>
        <translation>无法运行本题的实验：{detail}</translation>
    </message>
    <message>
        <location filename="../src/core/options.cpp" line="+51"/>
        <source>tcp_tw_reuse_delay was added in Linux 6.14; older kernels wait about 1 s of timestamp clock</source>
        <translation>tcp_tw_reuse_delay 是 Linux 6.14 才加入的；更早的内核按时间戳时钟等待约 1 秒</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>tcp_tw_recycle was removed in Linux 4.12 (commit 4396e46187ca) because it drops connections from clients behind NAT; use --kernel linux-4.9</source>
        <translation>tcp_tw_recycle 已在 Linux 4.12 中移除（提交 4396e46187ca），因为它会丢弃 NAT 后面客户端的连接；请使用 --kernel linux-4.9</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>MSL is a setting only of the rfc793 teaching profile; Linux uses a fixed TIME_WAIT of 60 s (use --kernel rfc793)</source>
        <translation>MSL 只是 rfc793 教学配置中的设置；Linux 的 TIME_WAIT 固定为 60 秒（请使用 --kernel rfc793）</translation>
    </message>
    <message>
        <location filename="../src/core/json_node.cpp" line="+28"/>
        <source>unexpected text after the end of the document</source>
        <translation>文档结束之后还有多余的内容</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>nested too deeply</source>
        <translation>嵌套层数过深</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unexpected end of input, a value was expected</source>
        <translation>输入意外结束，此处应有一个值</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>a member name in double quotes was expected</source>
        <translation>此处应为带双引号的成员名</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>duplicate member &apos;{member}&apos;</source>
        <translation>成员“{member}”重复出现</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;:&apos; was expected after member name &apos;{member}&apos;</source>
        <translation>成员名“{member}”之后应为“:”</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&apos;,&apos; or &apos;}&apos; was expected</source>
        <translation>此处应为“,”或“}”</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&apos;,&apos; or &apos;]&apos; was expected</source>
        <translation>此处应为“,”或“]”</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>unexpected character &apos;{char}&apos;</source>
        <translation>意外的字符“{char}”</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>a digit was expected</source>
        <translation>此处应为数字</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a digit was expected after &apos;.&apos;</source>
        <translation>“.”之后应为数字</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a digit was expected in the exponent</source>
        <translation>指数部分应为数字</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>number out of range</source>
        <translation>数值超出范围</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+12"/>
        <source>bad \u escape</source>
        <translation>无效的 \u 转义序列</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+13"/>
        <source>unterminated string</source>
        <translation>字符串缺少结束引号</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>control character in string</source>
        <translation>字符串中含有控制字符</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+4"/>
        <location line="+3"/>
        <source>unpaired surrogate</source>
        <translation>UTF-16 代理项不成对</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>bad escape in string</source>
        <translation>字符串中有无效的转义序列</translation>
    </message>
    <message>
        <location filename="../src/core/recording_json.cpp" line="+187"/>
        <location filename="../src/core/scenario.cpp" line="+325"/>
        <source>not a TCP state name</source>
        <translation>不是 TCP 状态名</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+9"/>
        <source>the recording</source>
        <translation>记录文件</translation>
    </message>
    <message>
        <location filename="../src/core/quiz/question_bank.cpp" line="+100"/>
        <source>question &apos;{id}&apos;</source>
        <translation>题目“{id}”</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../src/core/scenario.cpp" line="-252"/>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location line="+42"/>
        <location line="+4"/>
        <source>a list of strings</source>
        <translation>字符串列表</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a run {&quot;scenario&quot;: ID, ...}, {&quot;load&quot;: [...]} or {&quot;import&quot;: TEXT}</source>
        <translation>一个运行描述 {&quot;scenario&quot;: ID, ...}、{&quot;load&quot;: [...]} 或 {&quot;import&quot;: TEXT}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a run names exactly one of scenario, scenario_file, load or import</source>
        <translation>一个运行描述必须且只能给出“scenario”、“scenario_file”、“load”、“import”中的一项</translation>
    </message>
    <message>
        <location line="+50"/>
        <location line="+335"/>
        <location line="+114"/>
        <location filename="../src/core/scenario.cpp" line="+9"/>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location line="-402"/>
        <location line="+336"/>
        <source>a choice id is a short word without commas or spaces</source>
        <translation>选项编号应是不含逗号和空格的短词</translation>
    </message>
    <message>
        <location line="-304"/>
        <source>a question</source>
        <translation>一道题目</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>an id holds lower-case letters, digits and &apos;-&apos;</source>
        <translation>编号只能包含小写字母、数字和“-”</translation>
    </message>
    <message>
        <location line="+58"/>
        <location filename="../src/core/scenario.cpp" line="+6"/>
        <source>it must be between {min} and {max}</source>
        <translation>取值必须在 {min} 到 {max} 之间</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>it needs at least {n} entries</source>
        <translation>至少需要 {n} 项</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>an object {&quot;abs&quot;: N} or {&quot;rel&quot;: R}</source>
        <translation>对象 {&quot;abs&quot;: N} 或 {&quot;rel&quot;: R}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a number of at least 0</source>
        <translation>不小于 0 的数</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+116"/>
        <source>a list of values</source>
        <translation>取值列表</translation>
    </message>
    <message>
        <location line="-89"/>
        <location line="+114"/>
        <source>&quot;from&quot; must not be above &quot;to&quot;</source>
        <translation>“from”不能大于“to”</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>an order item picks one of the segments</source>
        <translation>排序题的每一项必须选中一个报文段</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>an object {NAME: {&quot;from&quot;: A, &quot;to&quot;: B} or {&quot;one_of&quot;: [...]}}</source>
        <translation>对象 {NAME: {&quot;from&quot;: A, &quot;to&quot;: B} 或 {&quot;one_of&quot;: [...]}}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a param name is lower-case letters, digits and &apos;_&apos;</source>
        <translation>参数名只能包含小写字母、数字和“_”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>an object {&quot;from&quot;: A, &quot;to&quot;: B} or {&quot;one_of&quot;: [...]}</source>
        <translation>对象 {&quot;from&quot;: A, &quot;to&quot;: B} 或 {&quot;one_of&quot;: [...]}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>a string or a number</source>
        <translation>字符串或数</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>an object {&quot;questions&quot;: [...]}</source>
        <translation>对象 {&quot;questions&quot;: [...]}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the question file</source>
        <translation>题目文件</translation>
    </message>
    <message>
        <location filename="../src/core/scenario.cpp" line="+9"/>
        <source>a number of milliseconds</source>
        <translation>以毫秒为单位的数值</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>it must be between 0 and {max} milliseconds</source>
        <translation>取值必须在 0 到 {max} 毫秒之间</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a number between 0 and 1</source>
        <translation>介于 0 和 1 之间的数</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a probability is between 0 and 1</source>
        <translation>概率必须在 0 到 1 之间</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>true or false</source>
        <translation>布尔值（true 或 false）</translation>
    </message>
    <message>
        <location filename="../src/core/quiz/question_bank.cpp" line="-631"/>
        <location filename="../src/core/scenario.cpp" line="+11"/>
        <source>an object {&quot;en&quot;: ..., &quot;zh_CN&quot;: ...}</source>
        <translation>对象 {&quot;en&quot;: ..., &quot;zh_CN&quot;: ...}</translation>
    </message>
    <message>
        <location filename="../src/core/scenario.cpp" line="+2"/>
        <source>the text &apos;{parent}&apos;</source>
        <translation>文本字段“{parent}”</translation>
    </message>
    <message>
        <location filename="../src/core/quiz/question_bank.cpp" line="+433"/>
        <location filename="../src/core/scenario.cpp" line="+17"/>
        <source>a string or a whole number</source>
        <translation>字符串或整数</translation>
    </message>
    <message>
        <location filename="../src/core/scenario.cpp" line="+9"/>
        <source>an object of option names and values</source>
        <translation>由选项名和取值组成的对象</translation>
    </message>
    <message>
        <location filename="../src/core/quiz/question_bank.cpp" line="-287"/>
        <location line="+263"/>
        <location line="+55"/>
        <location line="+21"/>
        <location filename="../src/core/scenario.cpp" line="+42"/>
        <location line="+125"/>
        <location line="+34"/>
        <location line="+20"/>
        <location line="+215"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../src/core/scenario.cpp" line="-386"/>
        <location line="+3"/>
        <location line="+18"/>
        <location line="+424"/>
        <source>a timeline entry</source>
        <translation>时间线条目</translation>
    </message>
    <message>
        <location line="-429"/>
        <location line="+79"/>
        <location line="+41"/>
        <location line="+51"/>
        <location line="+302"/>
        <source>use one of: {allowed}</source>
        <translation>只能是以下之一：{allowed}</translation>
    </message>
    <message>
        <location line="-461"/>
        <source>a socket needs a name</source>
        <translation>套接字需要一个名字</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>a listen call</source>
        <translation>listen() 调用</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <source>a connect call</source>
        <translation>connect() 调用</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>connect to another host (use a 127.x address pair for loopback)</source>
        <translation>只能连接另一台主机（回环连接请使用一对 127.x 地址）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>an accept call</source>
        <translation>accept() 调用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a send call</source>
        <translation>send() 调用</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>send at least one byte</source>
        <translation>至少要发送一个字节</translation>
    </message>
    <message>
        <location line="+204"/>
        <location line="+9"/>
        <location line="+23"/>
        <location line="+104"/>
        <source>the scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <location line="-131"/>
        <source>an id is needed</source>
        <translation>场景需要一个 id</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>it must be positive</source>
        <translation>取值必须大于 0</translation>
    </message>
    <message>
        <location line="-107"/>
        <location line="+113"/>
        <location line="+78"/>
        <location line="+26"/>
        <location line="+14"/>
        <location line="+38"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location line="-151"/>
        <source>at least two hosts are needed</source>
        <translation>至少需要两台主机</translation>
    </message>
    <message>
        <location filename="../src/core/quiz/question_bank.cpp" line="-345"/>
        <location line="+41"/>
        <location line="+221"/>
        <location line="+58"/>
        <location line="+18"/>
        <location line="+155"/>
        <location filename="../src/core/scenario.cpp" line="-112"/>
        <location line="+117"/>
        <location line="+71"/>
        <location line="+26"/>
        <location line="+15"/>
        <location line="+37"/>
        <source>a list of objects</source>
        <translation>对象列表</translation>
    </message>
    <message>
        <location filename="../src/core/scenario.cpp" line="-145"/>
        <location line="+15"/>
        <source>a host</source>
        <translation>主机条目</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>a host is named by its role, one of: {roles}</source>
        <translation>主机以角色命名，只能是以下之一：{roles}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>an IPv4 address such as 10.0.0.1 is expected</source>
        <translation>应为 IPv4 地址，例如 10.0.0.1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&apos;via&apos; must name a host with &quot;nat&quot;: true</source>
        <translation>“via”必须指向一台设置了 &quot;nat&quot;: true 的主机</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>a link</source>
        <translation>链路条目</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a list of two host names</source>
        <translation>由两个主机名组成的列表</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>a repeat entry</source>
        <translation>“repeat”条目</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>a fault</source>
        <translation>故障条目</translation>
    </message>
    <message>
        <location line="-391"/>
        <source>a list such as [&quot;FIN&quot;, &quot;ACK&quot;]</source>
        <translation>列表，例如 [&quot;FIN&quot;, &quot;ACK&quot;]</translation>
    </message>
    <message>
        <location line="+422"/>
        <source>a hold fault</source>
        <translation>“hold”故障</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a list of NAME=VALUE strings</source>
        <translation>由 NAME=VALUE 形式的字符串组成的列表</translation>
    </message>
    <message>
        <location filename="../src/models/note_text.cpp" line="+63"/>
        <source>, </source>
        <comment>separator between the items of a list in an error message: allowed values, host names</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../src/core/quiz/grader.cpp" line="+38"/>
        <source>it selects nothing on the question&apos;s run</source>
        <translation>它在本题的运行结果中选不出任何内容</translation>
    </message>
    <message>
        <location line="+75"/>
        <location line="+10"/>
        <source>one choice id of {ids}</source>
        <translation>{ids} 中的一个选项编号</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+10"/>
        <source>choice ids of {ids}, separated by commas</source>
        <translation>{ids} 中的选项编号，用逗号分隔</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+5"/>
        <source>TCP flags such as FIN,ACK (SYN ACK FIN RST PSH)</source>
        <translation>TCP 标志，例如 FIN,ACK（SYN ACK FIN RST PSH）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a TCP state name such as TIME_WAIT or LAST_ACK</source>
        <translation>TCP 状态名，例如 TIME_WAIT 或 LAST_ACK</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>a timer name: {timers}</source>
        <translation>定时器名称：{timers}</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>a number (in {unit})</source>
        <translation>一个数（单位 {unit}）</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+6"/>
        <source>an errno name such as EADDRNOTAVAIL</source>
        <translation>errno 名称，例如 EADDRNOTAVAIL</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>a word</source>
        <translation>一个词</translation>
    </message>
    <message>
        <location line="+71"/>
        <location line="+7"/>
        <location line="+17"/>
        <source>NAME=VALUE settings separated by spaces</source>
        <translation>用空格分隔的 NAME=VALUE 设置</translation>
    </message>
    <message>
        <location line="+115"/>
        <location line="+6"/>
        <source>every item id once, in your order: {ids}</source>
        <translation>按你的顺序把每个编号各写一次：{ids}</translation>
    </message>
    <message>
        <location filename="../src/core/quiz/quiz_run.cpp" line="+165"/>
        <source>a run is {&quot;scenario&quot;: ID, ...}, {&quot;load&quot;: [...]} or {&quot;import&quot;: TEXT}</source>
        <translation>运行描述应为 {&quot;scenario&quot;: ID, ...}、{&quot;load&quot;: [...]} 或 {&quot;import&quot;: TEXT}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;load&quot; is a list of the arguments of closelab-cli load</source>
        <translation>“load”是“closelab-cli load”的参数列表</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;import&quot; is the pasted listing, a string</source>
        <translation>“import”是粘贴的输出文本，为字符串</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;set&quot; is a list of &quot;NAME=VALUE&quot; strings</source>
        <translation>“set”是“NAME=VALUE”字符串的列表</translation>
    </message>
    <message>
        <location filename="../src/core/quiz/selector.cpp" line="+294"/>
        <source>a selector is an object {&quot;from&quot;: SOURCE, &quot;where&quot;: {...}, &quot;nth&quot;: N, &quot;value&quot;: FIELD}</source>
        <translation>选择器是对象 {&quot;from&quot;: SOURCE, &quot;where&quot;: {...}, &quot;nth&quot;: N, &quot;value&quot;: FIELD}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>it needs &quot;from&quot;: a source</source>
        <translation>需要“from”：一个数据来源</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown source &apos;{source}&apos; (sources: {sources})</source>
        <translation>未知数据来源“{source}”（可用来源：{sources}）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;where&quot; must be an object {FIELD: VALUE, ...}</source>
        <translation>“where”必须是对象 {FIELD: VALUE, ...}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>after_us and before_us take a time in microseconds</source>
        <translation>after_us 和 before_us 的值是以微秒计的时间</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a &quot;where&quot; value is a plain value, {&quot;in&quot;: [...]}, {&quot;contains&quot;: X} or {&quot;not&quot;: V}</source>
        <translation>“where”中的值应是普通值、{&quot;in&quot;: [...]}、{&quot;contains&quot;: X} 或 {&quot;not&quot;: V}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;in&quot; takes a list</source>
        <translation>“in”的值是列表</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;nth&quot; is a whole number, 1-based, negative from the end, never 0</source>
        <translation>“nth”是整数，从 1 开始计，负数表示从末尾数起，不能为 0</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;value&quot; is a field name, &quot;count&quot; or &quot;duration_us&quot;</source>
        <translation>“value”是字段名、“count”或“duration_us”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;duration_us&quot; exists for transitions only</source>
        <translation>“duration_us”只适用于 “transitions”</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a claim is {&quot;key&quot;: SELECTOR, &quot;op&quot;: OP, &quot;value&quot;: V}, {&quot;all&quot;: [...]}, {&quot;any&quot;: [...]} or {&quot;not&quot;: CLAIM}</source>
        <translation>断言是 {&quot;key&quot;: SELECTOR, &quot;op&quot;: OP, &quot;value&quot;: V}、{&quot;all&quot;: [...]}、{&quot;any&quot;: [...]} 或 {&quot;not&quot;: CLAIM}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;all&quot; and &quot;any&quot; take a list of claims</source>
        <translation>“all”和“any”的值是断言列表</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+11"/>
        <source>a claim needs &quot;key&quot;, &quot;op&quot; and &quot;value&quot;</source>
        <translation>断言需要“key”、“op”和“value”</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>&quot;op&quot; is one of == != &lt; &lt;= &gt; &gt;=</source>
        <translation>“op”只能是 == != &lt; &lt;= &gt; &gt;= 之一</translation>
    </message>
    <message>
        <location filename="../src/core/options.cpp" line="+94"/>
        <source>it is a Linux setting; the rfc793 teaching profile follows the RFCs only (use --kernel linux-6)</source>
        <translation>它是 Linux 的设置；rfc793 教学配置只遵循 RFC（请使用 --kernel linux-6）</translation>
    </message>
    <message>
        <location filename="../src/core/scenario.cpp" line="-359"/>
        <location line="+3"/>
        <source>a transition</source>
        <translation>状态转换条目</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+3"/>
        <source>an application call</source>
        <translation>应用调用条目</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>a beat</source>
        <translation>讲解节点条目</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a beat needs a caption</source>
        <translation>讲解节点需要一条说明</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>an object {&quot;segment&quot;: ...}, {&quot;transition&quot;: ...} or {&quot;app&quot;: ...}</source>
        <translation>对象 {&quot;segment&quot;: ...}、{&quot;transition&quot;: ...} 或 {&quot;app&quot;: ...}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a beat is anchored to one segment, one transition or one application call</source>
        <translation>一个讲解节点只能锚定在一个报文段、一个状态转换或一次应用调用上</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>beats are listed in time order; the beat before this one is at {prev} ms</source>
        <translation>讲解节点须按时间顺序列出；前一个节点在 {prev} 毫秒</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a beat without &quot;on&quot;</source>
        <translation>没有 &quot;on&quot; 的讲解节点条目</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a list of segment matches</source>
        <translation>报文段匹配条件的列表</translation>
    </message>
    <message>
        <location filename="../src/core/error_catalog.cpp" line="+2"/>
        <source>unknown sweep parameter &apos;{name}&apos; (one of {allowed})</source>
        <translation>未知的扫描参数“{name}”（可选：{allowed}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} expects a number, got &apos;{value}&apos;</source>
        <translation>{name} 需要一个数字，得到的是“{value}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the sweep has {count} points, more than the cap of {max} for one parameter and {max2} for two</source>
        <translation>这次扫描有 {count} 个点，超过了上限（一个参数最多 {max} 个，两个参数最多 {max2} 个）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the sweep makes {total} connection attempts in all, more than the limit of {max} (use fewer points, a lower rate or a shorter duration)</source>
        <translation>这次扫描总共发起 {total} 次连接尝试，超过了 {max} 次的上限（请减少点数、降低速率或缩短时长）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--param2 must name another parameter than --param, both are &apos;{name}&apos;</source>
        <translation>--param2 必须是与 --param 不同的参数，现在两者都是“{name}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{path}&apos; is empty: it holds no pcap or pcapng capture</source>
        <translation>“{path}”是空文件：其中没有 pcap 或 pcapng 抓包</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;{path}&apos; is not a readable pcap or pcapng capture: {detail}</source>
        <translation>“{path}”不是可读取的 pcap 或 pcapng 抓包：{detail}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;{path}&apos; has link type {linktype} ({name}); closelab reads Ethernet, Linux cooked (v1, v2), raw IP and loopback captures</source>
        <translation>“{path}”的链路类型是 {linktype}（{name}）；closelab 能读取以太网、Linux cooked（v1、v2）、原始 IP 和回环抓包</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;{path}&apos; is cut short: packet {packet} at byte {offset} is incomplete; the {packets} whole packets before it were read</source>
        <translation>“{path}”不完整：位于第 {offset} 字节的第 {packet} 个包残缺；已读取它之前的 {packets} 个完整的包</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;{path}&apos;: packet {packet} at byte {offset} is corrupt ({detail}); reading stopped there</source>
        <translation>“{path}”：位于第 {offset} 字节的第 {packet} 个包已损坏（{detail}）；读取到此为止</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--connection {index}: the capture holds {count} TCP connections</source>
        <translation>--connection {index}：该抓包中只有 {count} 条 TCP 连接</translation>
    </message>
</context>
<context>
    <name>closelab::Fates</name>
    <message>
        <location filename="../src/models/host_names.cpp" line="+28"/>
        <source>delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dropped</source>
        <translation>被丢弃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delayed</source>
        <translation>延迟</translation>
    </message>
</context>
<context>
    <name>closelab::Glossary</name>
    <message>
        <location filename="../src/models/glossary.cpp" line="+30"/>
        <source>four-way close</source>
        <translation>四次挥手</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The usual TCP teardown: each side sends a FIN and acknowledges the other&apos;s; on Linux it is often three segments, because the second ACK rides on the peer&apos;s FIN.</source>
        <translation>TCP 通常的断开过程：双方各发一个 FIN，并确认对方的 FIN；在 Linux 上常常只有三个报文段，因为第二个 ACK 搭载在对方的 FIN 上。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>three-way handshake</source>
        <translation>三次握手</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How a connection opens: SYN, SYN-ACK, ACK; each side chooses its initial sequence number.</source>
        <translation>建立连接的过程：SYN、SYN-ACK、ACK；双方各自选定初始序列号。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>active closer</source>
        <translation>主动关闭方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The side that calls close() first and sends the first FIN; it is the side that ends in TIME_WAIT.</source>
        <translation>先调用 close() 并发出第一个 FIN 的一方；最后进入 TIME_WAIT 的正是这一方。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>passive closer</source>
        <translation>被动关闭方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The side that receives the first FIN: CLOSE_WAIT until its application closes, then LAST_ACK; it never enters TIME_WAIT.</source>
        <translation>收到第一个 FIN 的一方：在应用程序关闭之前处于 CLOSE_WAIT，之后进入 LAST_ACK；它不会进入 TIME_WAIT。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>half-close</source>
        <translation>半关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shutdown(SHUT_WR) sends a FIN but keeps the socket open for reading, so data still flows the other way; FIN_WAIT_2 then has no timer.</source>
        <translation>shutdown(SHUT_WR) 发出 FIN，但套接字仍可读，反方向的数据照常流动；此时的 FIN_WAIT_2 没有定时器。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>simultaneous close</source>
        <translation>同时关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both sides send a FIN before receiving the other&apos;s: both pass through CLOSING and both end in TIME_WAIT.</source>
        <translation>双方在收到对方的 FIN 之前都发出了自己的 FIN：两边都经过 CLOSING，最后都进入 TIME_WAIT。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No connection: where every socket starts and ends.</source>
        <translation>没有连接：每个套接字生命的起点和终点。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A server socket waiting for SYNs on its port.</source>
        <translation>在端口上等待 SYN 的服务器套接字。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connect() has sent a SYN and waits for the SYN-ACK.</source>
        <translation>connect() 已发出 SYN，正在等待 SYN-ACK。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A SYN arrived and was answered with a SYN-ACK; the handshake&apos;s last ACK is awaited.</source>
        <translation>收到 SYN 并已回复 SYN-ACK，正在等待握手的最后一个 ACK。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The connection is open and data flows both ways.</source>
        <translation>连接已建立，数据可双向传输。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>close() was called and a FIN queued; Linux enters this state at once, even while the FIN still waits behind unsent data.</source>
        <translation>已调用 close()，FIN 已排入队列；即使 FIN 还排在未发送的数据之后，Linux 也会立即进入这个状态。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Our FIN is acknowledged and the peer&apos;s FIN is awaited; an orphaned socket lives tcp_fin_timeout here, a half-closed one has no timer.</source>
        <translation>我方的 FIN 已被确认，正在等待对方的 FIN；孤儿连接在此状态最多停留 tcp_fin_timeout，半关闭的套接字则没有定时器。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The peer has closed and our application has not yet; it never times out, so many CLOSE_WAIT sockets mean an application that forgets close().</source>
        <translation>对方已关闭而我方应用程序还没有关闭；它永不超时，所以大量 CLOSE_WAIT 意味着应用程序忘了调用 close()。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The two FINs crossed (simultaneous close) and ours is not yet acknowledged.</source>
        <translation>双方的 FIN 在途中交错（同时关闭），我方的 FIN 还未被确认。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The passive closer has sent its FIN and waits for the final ACK, retransmitting the FIN if it is lost.</source>
        <translation>被动关闭方已发出自己的 FIN，正在等待最后的 ACK；若 FIN 丢失则重传。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The active closer keeps the four-tuple for 60 s (TCP_TIMEWAIT_LEN, not a sysctl) to re-acknowledge a lost last FIN and to absorb stray segments.</source>
        <translation>主动关闭方把该四元组保留 60 秒（TCP_TIMEWAIT_LEN，不是内核参数），以便重新确认丢失的最后一个 FIN，并吸收迷途报文。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>stray segment</source>
        <translation>迷途报文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A delayed segment of an old connection that arrives after the same four-tuple is in use again; TIME_WAIT and PAWS exist to drop it.</source>
        <translation>旧连接的延迟报文段，在同一个四元组被再次使用后才到达；TIME_WAIT 和 PAWS 正是为了丢弃它而存在。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>incarnation</source>
        <translation>连接化身</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new connection on the same four-tuple as an earlier one; it must not accept the earlier one&apos;s segments.</source>
        <translation>与先前某条连接使用同一四元组的新连接；它不能接收旧连接的报文段。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>four-tuple</source>
        <translation>四元组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source address and port, destination address and port: the key of one TCP connection on a host.</source>
        <translation>源地址和端口、目的地址和端口：主机上标识一条 TCP 连接的键。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ephemeral port</source>
        <translation>临时端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The local port the kernel picks for connect() from ip_local_port_range (32768–60999 by default, even ports first).</source>
        <translation>内核为 connect() 从 ip_local_port_range 中挑选的本地端口（默认 32768–60999，先选偶数端口）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>port exhaustion</source>
        <translation>端口耗尽</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connect() fails with EADDRNOTAVAIL because every ephemeral port towards one destination is taken, usually by TIME_WAIT sockets.</source>
        <translation>connect() 以 EADDRNOTAVAIL 失败，因为通往同一目的端的临时端口全被占用，通常是被 TIME_WAIT 套接字占用。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>maximum segment lifetime (MSL)</source>
        <translation>最大报文段生存时间（MSL）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RFC 793&apos;s assumed bound on how long a segment survives in the network; TIME_WAIT is specified as 2 MSL, Linux simply uses 60 s.</source>
        <translation>RFC 793 假定的报文段在网络中存活时间的上限；规范要求 TIME_WAIT 为 2 MSL，Linux 直接取 60 秒。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>retransmission timeout (RTO)</source>
        <translation>重传超时（RTO）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long TCP waits for an ACK before resending: about 200 ms plus the round-trip time on Linux, doubled after each retry, at most 120 s.</source>
        <translation>TCP 在重发前等待 ACK 的时间：在 Linux 上约为 200 毫秒加往返时间，每次重试后翻倍，最长 120 秒。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TCP timestamps</source>
        <translation>TCP 时间戳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The RFC 7323 option carrying the sender&apos;s clock (TSval) and the echo of the peer&apos;s (TSecr); PAWS and tcp_tw_reuse need it.</source>
        <translation>RFC 7323 定义的选项，携带发送方的时钟值（TSval）和对方时钟的回显（TSecr）；PAWS 和 tcp_tw_reuse 都依赖它。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Protection Against Wrapped Sequences: a segment whose timestamp is older than the last one seen is dropped.</source>
        <translation>防止序列号回绕（PAWS）：时间戳比最近见到的更旧的报文段会被丢弃。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sequence number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The number of the first byte a segment carries; SYN and FIN each use one number as well.</source>
        <translation>报文段所携带第一个字节的编号；SYN 和 FIN 也各占用一个序号。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>acknowledgment number</source>
        <translation>确认号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The next sequence number the receiver expects; everything before it is acknowledged.</source>
        <translation>接收方期望的下一个序列号；在它之前的数据都已确认。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The flag that says &apos;I will send no more data&apos;; it uses one sequence number and must be acknowledged.</source>
        <translation>表示“我不再发送数据”的标志；它占用一个序号，必须被确认。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The reset flag: the connection is aborted at once, without TIME_WAIT, and the peer&apos;s next call fails with ECONNRESET.</source>
        <translation>复位标志：连接立即中止，不经过 TIME_WAIT，对方的下一次调用以 ECONNRESET 失败。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>orphaned connection</source>
        <translation>孤儿连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A connection whose application has called close(): the kernel finishes the close alone, bounded by tcp_fin_timeout and tcp_orphan_retries.</source>
        <translation>应用程序已调用 close() 的连接：内核独自完成剩下的关闭过程，受 tcp_fin_timeout 和 tcp_orphan_retries 约束。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>TIME_WAIT minisocket</source>
        <translation>TIME_WAIT 迷你套接字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The small object (256 bytes of slab on Linux 6.x) that replaces the full socket of about 2.3 KB in TIME_WAIT and in orphaned FIN_WAIT_2.</source>
        <translation>在 TIME_WAIT 和孤儿 FIN_WAIT_2 中代替约 2.3 KB 完整套接字的小对象（Linux 6.x 上占 256 字节 slab）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>kernel parameter</source>
        <translation>内核参数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A setting under /proc/sys/net, written with sysctl and kept per network namespace, such as net.ipv4.tcp_tw_reuse.</source>
        <translation>/proc/sys/net 下的设置，用 sysctl 写入，每个网络命名空间各有一份，例如 net.ipv4.tcp_tw_reuse。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>socket option</source>
        <translation>套接字选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A setting of one socket made with setsockopt(), such as SO_LINGER or SO_REUSEADDR.</source>
        <translation>用 setsockopt() 对单个套接字所做的设置，例如 SO_LINGER 或 SO_REUSEADDR。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>network address translation (NAT)</source>
        <translation>地址转换（NAT）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Many private hosts share one public address; each keeps its own timestamp clock, which is what broke tcp_tw_recycle.</source>
        <translation>许多私网主机共用一个公网地址；每台主机保留自己的时间戳时钟，tcp_tw_recycle 正是因此失效。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>MIB counter</source>
        <translation>MIB 计数器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A kernel statistic such as TCPTimeWaitOverflow or TWRecycled, read with nstat or from /proc/net/netstat.</source>
        <translation>内核统计计数，例如 TCPTimeWaitOverflow 或 TWRecycled，可用 nstat 或从 /proc/net/netstat 读取。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>connection pool</source>
        <translation>连接池</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeping connections open for many requests, so no connection is closed, and no TIME_WAIT created, per request.</source>
        <translation>让连接保持打开、服务多个请求，这样就不会每个请求关闭一次连接、产生一个 TIME_WAIT。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>connect() found no free local port towards that destination (&quot;Cannot assign requested address&quot;).</source>
        <translation>connect() 找不到通往该目的端的空闲本地端口（“Cannot assign requested address”）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>bind() found the port held by a socket it may not share with (&quot;Address already in use&quot;).</source>
        <translation>bind() 发现端口被一个不能与之共享的套接字占用（“Address already in use”）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The peer aborted the connection with an RST (&quot;Connection reset by peer&quot;).</source>
        <translation>对方用 RST 中止了连接（“Connection reset by peer”）。</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>See also:</source>
        <translation>另见：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>closelab::Hosts</name>
    <message>
        <location filename="../src/models/host_names.cpp" line="-13"/>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client 2</source>
        <translation>客户端 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NAT</source>
        <translation>NAT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load balancer</source>
        <translation>负载均衡器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Web server</source>
        <translation>Web 服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Client %1</source>
        <translation>客户端 %1</translation>
    </message>
</context>
<context>
    <name>closelab::Ladder</name>
    <message>
        <location filename="../src/models/ladder_scene.cpp" line="+66"/>
        <source>seq=%1 ack=%2 len=%3</source>
        <translation>seq=%1 ack=%2 len=%3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>TSval=%1 TSecr=%2</source>
        <translation>TSval=%1 TSecr=%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>rejected: PAWS (old timestamp)</source>
        <translation>被拒绝：PAWS（时间戳过旧）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>dropped: tcp_tw_recycle timestamp check</source>
        <translation>被丢弃：tcp_tw_recycle 时间戳检查</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>rejected: segment of an old connection</source>
        <translation>被拒绝：旧连接的报文段</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>rejected: out of window</source>
        <translation>被拒绝：超出窗口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no socket: answered with RST</source>
        <translation>无对应套接字：以 RST 应答</translation>
    </message>
    <message>
        <location line="+255"/>
        <source>fired</source>
        <translation>已触发</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 later (time compressed)</source>
        <translation>%1 之后（时间已压缩）</translation>
    </message>
    <message>
        <location line="-300"/>
        <source>win=%1</source>
        <translation>win=%1</translation>
    </message>
    <message>
        <location line="+221"/>
        <source>takes over TIME_WAIT :%1</source>
        <translation>接管 TIME_WAIT :%1</translation>
    </message>
</context>
<context>
    <name>closelab::NoteWhy</name>
    <message>
        <location filename="../src/core/note_catalog.cpp" line="+28"/>
        <source>The application&apos;s system call and what the kernel answered.</source>
        <translation>应用程序发起的系统调用，以及内核给出的结果。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bind() found no conflicting owner of the port, listen() made it a listener.</source>
        <translation>bind() 没有发现与该端口冲突的占用者，listen() 把它变成了监听套接字。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A port may be shared only if BOTH sockets set SO_REUSEADDR (and the old one is not listening), or BOTH set SO_REUSEPORT. TIME_WAIT and accepted sockets inherit the flags of the listener that created them, so the old server must have set the option too.</source>
        <translation>只有两个套接字都设置了 SO_REUSEADDR（且旧的不在监听），或者都设置了 SO_REUSEPORT，端口才能共享。TIME_WAIT 套接字和 accept() 得到的套接字继承创建它们的监听套接字的标志，所以旧的服务器也必须设置过该选项。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Linux scans the ephemeral range with step 2: first the ports with the parity of the range start, then the others. A port is usable if the whole 4-tuple is unused, so the same port can serve many destinations.</source>
        <translation>Linux 以步长 2 扫描临时端口范围：先扫与范围起点奇偶性相同的端口，再扫其余端口。只要整个四元组未被占用，端口就可用，所以同一个端口可以服务多个目的端。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Every local port already has a socket towards this destination. A TIME_WAIT is only taken over if tcp_tw_reuse allows it, timestamps were seen, and it is older than tcp_tw_reuse_delay.</source>
        <translation>每个本地端口都已有一个通往该目的端的套接字。只有在 tcp_tw_reuse 允许、见过时间戳、且存在时间超过 tcp_tw_reuse_delay 时，TIME_WAIT 才会被接管。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nothing listens on that port any more.</source>
        <translation>该端口上已经没有监听者了。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Every SYN was dropped silently, so the client only sees a timeout.</source>
        <translation>每个 SYN 都被悄悄丢弃了，所以客户端只看到超时。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The side that closes first is the one that will hold TIME_WAIT. Linux changes the state at once, even if the FIN still waits behind data.</source>
        <translation>先关闭的一方将持有 TIME_WAIT。即使 FIN 还排在数据之后，Linux 也会立即切换状态。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A half-close: this side will send no more data, the other side may go on sending. The socket is not orphaned, so no FIN_WAIT_2 timer applies.</source>
        <translation>半关闭：这一方不再发送数据，另一方仍可继续发送。套接字不是孤儿，因此没有 FIN_WAIT_2 定时器。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The application has closed, so nobody could read more data: Linux frees the full socket and keeps a small one that ss still shows as FIN-WAIT-2. tcp_fin_timeout is its lifetime; it does not change TIME_WAIT.</source>
        <translation>应用程序已经关闭，再没有人读取数据：Linux 释放完整的套接字，只保留一个小的，ss 仍把它显示为 FIN-WAIT-2。tcp_fin_timeout 就是它的寿命；它不会改变 TIME_WAIT。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>With a timeout T above 60 s the orphan lives 2*(T-60) s in total, not T.</source>
        <translation>当超时时间 T 大于 60 秒时，孤儿连接总共存活 2*(T-60) 秒，而不是 T 秒。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>tcp_fin_timeout applies only to orphans; after shutdown() FIN_WAIT_2 can last forever.</source>
        <translation>tcp_fin_timeout 只作用于孤儿连接；shutdown() 之后的 FIN_WAIT_2 可以一直持续下去。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The peer never sent its FIN in time. The peer&apos;s CLOSE_WAIT is unaffected.</source>
        <translation>对方没有及时发来 FIN。对方的 CLOSE_WAIT 不受影响。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The application closed; nobody can read this data.</source>
        <translation>应用程序已关闭，没有人能读取这些数据。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The peer has closed its direction. This side stays in CLOSE_WAIT until its application calls close().</source>
        <translation>对方已关闭它那个方向。这一方会一直处于 CLOSE_WAIT，直到应用程序调用 close()。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The passive closer never enters TIME_WAIT.</source>
        <translation>被动关闭方永远不会进入 TIME_WAIT。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Both sides closed at once; both will pass CLOSING and end in TIME_WAIT.</source>
        <translation>双方同时关闭；两边都会经过 CLOSING，最后进入 TIME_WAIT。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No timer ends CLOSE_WAIT: only the application&apos;s close() does. Many CLOSE_WAIT sockets mean a program that forgets to close.</source>
        <translation>没有任何定时器会结束 CLOSE_WAIT：只有应用程序的 close() 能结束它。大量 CLOSE_WAIT 意味着程序忘了关闭连接。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>TIME_WAIT keeps the 4-tuple so that a lost final ACK can be repeated and old segments cannot reach a new connection. On Linux it lasts 60 s (TCP_TIMEWAIT_LEN), whatever tcp_fin_timeout says.</source>
        <translation>TIME_WAIT 保留四元组，这样丢失的最后一个 ACK 可以重发，旧报文段也到不了新连接。在 Linux 上它持续 60 秒（TCP_TIMEWAIT_LEN），与 tcp_fin_timeout 的取值无关。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This is what TIME_WAIT is for: the peer did not get our last ACK.</source>
        <translation>这正是 TIME_WAIT 的用途：对方没有收到我们最后的 ACK。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>RFC 1122 4.2.2.13: a new SYN may reopen a TIME_WAIT if its sequence number (or timestamp) is newer. This is why server-side TIME_WAIT rarely blocks clients.</source>
        <translation>RFC 1122 4.2.2.13：如果新 SYN 的序列号（或时间戳）更新，就可以重新打开一个 TIME_WAIT。这就是服务器端的 TIME_WAIT 很少阻碍客户端的原因。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>RFC 1337 describes this hazard; tcp_rfc1337=1 makes Linux ignore the RST.</source>
        <translation>RFC 1337 描述了这种危险；tcp_rfc1337=1 让 Linux 忽略该 RST。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No log line, no RST: the socket just vanishes and TCPTimeWaitOverflow counts it. The protection of TIME_WAIT is lost for this connection.</source>
        <translation>没有日志，也没有 RST：套接字直接消失，由 TCPTimeWaitOverflow 计数。这条连接失去了 TIME_WAIT 的保护。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>tcp_tw_reuse lets an outgoing connection reuse a TIME_WAIT whose timestamps let PAWS tell old segments from new ones.</source>
        <translation>tcp_tw_reuse 让主动发起的连接复用一个 TIME_WAIT，前提是它的时间戳能让 PAWS 区分新旧报文段。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Without timestamps PAWS cannot protect the new connection, so Linux never reuses such a TIME_WAIT.</source>
        <translation>没有时间戳，PAWS 就无法保护新连接，所以 Linux 从不复用这样的 TIME_WAIT。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Linux 4.11 and older: a per-peer timestamp cache replaced the 60 s wait. It assumes one clock per IP address, which NAT breaks.</source>
        <translation>Linux 4.11 及更早版本：用按对端缓存的时间戳代替 60 秒的等待。它假定每个 IP 地址只有一个时钟，而 NAT 打破了这个假定。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>An orphan gets tcp_orphan_retries (0 means 8): a budget of 102.2 s.</source>
        <translation>孤儿连接的重传次数由 tcp_orphan_retries 决定（0 表示 8 次）：预算为 102.2 秒。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>RFC 2525 2.17: data would be lost silently, so the peer is told with RST.</source>
        <translation>RFC 2525 2.17：数据会被悄悄丢掉，所以用 RST 告知对方。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>An abortive close: quick and leaves no TIME_WAIT, but the peer sees ECONNRESET and data in flight is lost.</source>
        <translation>异常关闭：速度快，不留下 TIME_WAIT，但对方会看到 ECONNRESET，途中的数据也会丢失。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The connection is already gone on this side (expired, reset or never existed).</source>
        <translation>这一方的连接已经不存在了（已超时、已复位或从未存在）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Linux does not reset a synchronized connection on a SYN; the peer&apos;s answer to the challenge ACK (an RST) ends the stale connection.</source>
        <translation>Linux 不会因为一个 SYN 而复位已同步的连接；对方对挑战 ACK 的应答（一个 RST）会结束这条失效的连接。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>RFC 7323: a timestamp older than the last one seen marks an old duplicate.</source>
        <translation>RFC 7323：时间戳比最近见到的更旧，说明这是一个旧的重复报文。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Behind a NAT several hosts with different clocks share one address; the per-address timestamp cache takes the slower clock for old duplicates.</source>
        <translation>NAT 后面有多台时钟不同的主机共用一个地址；按地址缓存的时间戳会把时钟较慢的主机的报文当成旧的重复报文。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Same 4-tuple, sequence number inside the new window, no timestamps to tell it apart and no TIME_WAIT that kept the tuple busy.</source>
        <translation>四元组相同，序列号落在新连接的窗口内，既没有时间戳可供区分，也没有 TIME_WAIT 占住这个四元组。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The NAT rewrites addresses and ports but not TCP timestamps: each host behind it keeps its own clock.</source>
        <translation>NAT 改写地址和端口，但不改写 TCP 时间戳：它后面的每台主机都保留自己的时钟。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>With the local port fixed by bind(), Linux reuses a TIME_WAIT whenever it saw timestamps, whatever tcp_tw_reuse and tcp_tw_reuse_delay say; PAWS is the only protection left.</source>
        <translation>本地端口已由 bind() 固定时，只要见过时间戳，Linux 就会复用 TIME_WAIT，不管 tcp_tw_reuse 和 tcp_tw_reuse_delay 怎么设置；剩下的唯一保护就是 PAWS。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Linux sends an RST on close() when the socket has SO_LINGER {1,0} or unread data in its receive queue; the peer sees ECONNRESET and no side enters TIME_WAIT.</source>
        <translation>套接字设置了 SO_LINGER {1,0}，或接收队列里还有未读数据时，Linux 在 close() 时发送 RST；对方看到 ECONNRESET，双方都不进入 TIME_WAIT。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A FIN closes only one direction. If the side that sent it called close() rather than shutdown(SHUT_WR), nobody can read the data and it answers with an RST.</source>
        <translation>FIN 只关闭一个方向。如果发出 FIN 的一方调用的是 close() 而不是 shutdown(SHUT_WR)，就没有人能读这些数据，它会以 RST 应答。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A FIN is retransmitted until it is acknowledged. When the final ACK is lost, the side in LAST_ACK resends its FIN and the side in TIME_WAIT acknowledges it again: this is why TIME_WAIT lasts long enough.</source>
        <translation>FIN 在被确认之前会一直重传。最后的 ACK 丢失时，处于 LAST_ACK 的一方重发 FIN，处于 TIME_WAIT 的一方再次确认：这正是 TIME_WAIT 要持续足够长的原因。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The same 4-tuple within 60 s. A server in TIME_WAIT accepts the SYN when its sequence number or timestamp is newer; otherwise it answers with an ACK and the client sends an RST and tries again.</source>
        <translation>60 秒内出现同一个四元组。处于 TIME_WAIT 的服务器在 SYN 的序列号或时间戳更新时接受它；否则以 ACK 应答，客户端发送 RST 后重试。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Its receive buffer is full: the application does not read fast enough (or not at all, as before a CLOSE_WAIT leak).</source>
        <translation>它的接收缓冲区已满：应用读得不够快（或根本不读，就像 CLOSE_WAIT 泄漏之前那样）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An idle connection with SO_KEEPALIVE: the probe repeats the last byte already sent (seq = snd_nxt - 1) so that the peer must answer with an ACK.</source>
        <translation>设置了 SO_KEEPALIVE 的空闲连接：探测报文重复已发送的最后一个字节（序列号 = snd_nxt - 1），迫使对方以 ACK 应答。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server dropped the SYNs silently: a full backlog, a firewall, or tcp_tw_recycle&apos;s per-address timestamp check.</source>
        <translation>服务器悄悄丢弃了这些 SYN：可能是积压队列已满、防火墙，或 tcp_tw_recycle 按地址进行的时间戳检查。</translation>
    </message>
</context>
<context>
    <name>closelab::Notes</name>
    <message>
        <location line="-425"/>
        <source>{host}: {call}({sock}) returned {result}</source>
        <translation>{host}：{call}({sock}) 返回 {result}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{host} listens on {local}</source>
        <translation>{host}：在 {local} 上监听</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{host}: bind to port {port} fails with EADDRINUSE: a {state} socket holds it (old SO_REUSEADDR={old_reuseaddr}, SO_REUSEPORT={old_reuseport}; new SO_REUSEADDR={new_reuseaddr}, SO_REUSEPORT={new_reuseport})</source>
        <translation>{host}：绑定端口 {port} 失败，EADDRINUSE：端口被一个 {state} 套接字占用（旧的 SO_REUSEADDR={old_reuseaddr}、SO_REUSEPORT={old_reuseport}；新的 SO_REUSEADDR={new_reuseaddr}、SO_REUSEPORT={new_reuseport}）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{host}: connect() picks local port {port} towards {remote} (candidates tried: {probes})</source>
        <translation>{host}：connect() 选用本地端口 {port} 连接 {remote}（共尝试 {probes} 个候选端口）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{host}: connect() from {local} to {remote}: SYN sent, ISN {isn}</source>
        <translation>{host}：connect() 从 {local} 到 {remote}：已发送 SYN，初始序列号 {isn}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{host}: {local} &lt;-&gt; {remote} is ESTABLISHED</source>
        <translation>{host}：{local} &lt;-&gt; {remote} 进入 ESTABLISHED</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{host}: the SYN to {remote} was answered with RST: ECONNREFUSED</source>
        <translation>{host}：发往 {remote} 的 SYN 收到 RST 应答：ECONNREFUSED</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{host}: SYN to {remote} retransmitted (try {attempt}, next wait {rto_ms} ms)</source>
        <translation>{host}：重传发往 {remote} 的 SYN（第 {attempt} 次，下次等待 {rto_ms} 毫秒）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{host}: accept() returns {sock} ({remote})</source>
        <translation>{host}：accept() 返回 {sock}（{remote}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{host}: close() in {from}: FIN sent, now FIN_WAIT_1 (orphaned)</source>
        <translation>{host}：在 {from} 中调用 close()：已发送 FIN，进入 FIN_WAIT_1（成为孤儿连接）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{host}: shutdown(SHUT_WR): FIN sent, {from} -&gt; {to}; the socket can still read</source>
        <translation>{host}：shutdown(SHUT_WR)：已发送 FIN，{from} -&gt; {to}；套接字仍可读</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{host}: our FIN is acknowledged: FIN_WAIT_1 -&gt; FIN_WAIT_2</source>
        <translation>{host}：我方 FIN 已被确认：FIN_WAIT_1 -&gt; FIN_WAIT_2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{host}: orphaned FIN_WAIT_2 becomes a timewait-type socket for {ms} ms (tcp_fin_timeout)</source>
        <translation>{host}：孤儿 FIN_WAIT_2 转为 TIME_WAIT 类迷你套接字，保留 {ms} 毫秒（tcp_fin_timeout）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{host}: fin timeout {fin_ms} ms is over 60 s: the full FIN_WAIT_2 socket stays {ms} ms, then a mini-socket stays as long again</source>
        <translation>{host}：FIN 超时 {fin_ms} 毫秒超过 60 秒：完整的 FIN_WAIT_2 套接字先保留 {ms} 毫秒，之后迷你套接字再保留同样长的时间</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{host}: FIN_WAIT_2 without a timer: the application still holds the socket</source>
        <translation>{host}：FIN_WAIT_2 没有定时器：应用程序仍持有该套接字</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{host}: orphaned FIN_WAIT_2 {local} &lt;-&gt; {remote} expires</source>
        <translation>{host}：孤儿 FIN_WAIT_2 {local} &lt;-&gt; {remote} 超时消失</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{host}: data arrives for a socket its application closed ({state}): answered with RST</source>
        <translation>{host}：数据到达一个应用程序已关闭的套接字（{state}）：以 RST 应答</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{host}: FIN received: {from} -&gt; {to}; the reader will see EOF</source>
        <translation>{host}：收到 FIN：{from} -&gt; {to}；读取方将读到 EOF</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{host}: close() in CLOSE_WAIT: FIN sent, now LAST_ACK</source>
        <translation>{host}：在 CLOSE_WAIT 中调用 close()：已发送 FIN，进入 LAST_ACK</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{host}: ACK of our FIN in LAST_ACK: the socket is gone (no TIME_WAIT)</source>
        <translation>{host}：在 LAST_ACK 中收到我方 FIN 的 ACK：套接字消失（没有 TIME_WAIT）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{host}: FIN received while our FIN is unacknowledged: FIN_WAIT_1 -&gt; CLOSING</source>
        <translation>{host}：我方 FIN 尚未被确认时收到 FIN：FIN_WAIT_1 -&gt; CLOSING</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{host}: {local} &lt;-&gt; {remote} is still in CLOSE_WAIT ({ms} ms so far)</source>
        <translation>{host}：{local} &lt;-&gt; {remote} 仍处于 CLOSE_WAIT（已持续 {ms} 毫秒）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{host}: {local} &lt;-&gt; {remote} enters TIME_WAIT for {ms} ms</source>
        <translation>{host}：{local} &lt;-&gt; {remote} 进入 TIME_WAIT，持续 {ms} 毫秒</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{host}: TIME_WAIT {local} &lt;-&gt; {remote} ends after {ms} ms</source>
        <translation>{host}：TIME_WAIT {local} &lt;-&gt; {remote} 在 {ms} 毫秒后结束</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{host}: retransmitted FIN in TIME_WAIT: ACK sent again, timer restarted to {ms} ms</source>
        <translation>{host}：TIME_WAIT 中收到重传的 FIN：再次发送 ACK，定时器重置为 {ms} 毫秒</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{host}: out-of-window segment in TIME_WAIT answered with an ACK</source>
        <translation>{host}：TIME_WAIT 中收到窗口外报文段，以 ACK 应答</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{host}: in-window ACK in TIME_WAIT: timer restarted</source>
        <translation>{host}：TIME_WAIT 中收到窗口内的 ACK：定时器重置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{host}: SYN from {remote} takes over the TIME_WAIT {local} &lt;-&gt; {remote}; new ISN {isn} = old snd_nxt + 65537</source>
        <translation>{host}：来自 {remote} 的 SYN 接管了 TIME_WAIT {local} &lt;-&gt; {remote}；新的初始序列号 {isn} = 旧 snd_nxt + 65537</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{host}: RST in TIME_WAIT kills it (tcp_rfc1337=0, TIME_WAIT assassination)</source>
        <translation>{host}：TIME_WAIT 中收到 RST，被其终结（tcp_rfc1337=0，TIME_WAIT 暗杀）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{host}: RST in TIME_WAIT ignored (tcp_rfc1337=1)</source>
        <translation>{host}：TIME_WAIT 中收到的 RST 被忽略（tcp_rfc1337=1）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{host}: connect() takes over TIME_WAIT {local} &lt;-&gt; {remote} (age {age_ms} ms &gt;= tcp_tw_reuse_delay {delay_ms} ms); new ISN {isn}</source>
        <translation>{host}：connect() 接管 TIME_WAIT {local} &lt;-&gt; {remote}（已存在 {age_ms} 毫秒 &gt;= tcp_tw_reuse_delay {delay_ms} 毫秒）；新的初始序列号 {isn}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{host}: TIME_WAIT {local} &lt;-&gt; {remote} is only {age_ms} ms old (tcp_tw_reuse_delay {delay_ms} ms): not reused</source>
        <translation>{host}：TIME_WAIT {local} &lt;-&gt; {remote} 只存在了 {age_ms} 毫秒（tcp_tw_reuse_delay 为 {delay_ms} 毫秒）：不复用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{host}: TIME_WAIT {local} &lt;-&gt; {remote} saw no timestamps: tcp_tw_reuse cannot take it over</source>
        <translation>{host}：TIME_WAIT {local} &lt;-&gt; {remote} 没有见过时间戳：tcp_tw_reuse 无法接管它</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{host}: tcp_tw_reuse={value} does not allow reusing TIME_WAIT towards {remote}</source>
        <translation>{host}：tcp_tw_reuse={value} 不允许复用通往 {remote} 的 TIME_WAIT</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{host}: closelab.time_wait_len_ms=0 (what-if, not a kernel setting): {local} &lt;-&gt; {remote} closes without TIME_WAIT</source>
        <translation>{host}：closelab.time_wait_len_ms=0（假设实验，不是内核设置）：{local} &lt;-&gt; {remote} 关闭时不经过 TIME_WAIT</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{host}: tcp_tw_recycle: TIME_WAIT lasts only {ms} ms (3.5 x RTO) and the peer&apos;s timestamp {ts} is remembered for {peer}</source>
        <translation>{host}：tcp_tw_recycle：TIME_WAIT 只持续 {ms} 毫秒（3.5 x RTO），并为 {peer} 记下对方的时间戳 {ts}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{host}: FIN retransmitted (retry {attempt}, RTO {rto_ms} ms)</source>
        <translation>{host}：重传 FIN（第 {attempt} 次重试，RTO {rto_ms} 毫秒）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{host}: data retransmitted (retry {attempt}, RTO {rto_ms} ms)</source>
        <translation>{host}：重传数据（第 {attempt} 次重试，RTO {rto_ms} 毫秒）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{host}: tail loss probe resends the last segment</source>
        <translation>{host}：尾部丢失探测（TLP）重发最后一个报文段</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{host}: SO_LINGER {1,{secs}}: close() blocks until the FIN is acknowledged</source>
        <translation>{host}：SO_LINGER {1,{secs}}：close() 阻塞，直到 FIN 被确认</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{host}: close() returns after {ms} ms; the close goes on in the background</source>
        <translation>{host}：close() 在 {ms} 毫秒后返回；关闭过程在后台继续</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{host}: RST received in {from}: connection reset, the application will see ECONNRESET</source>
        <translation>{host}：在 {from} 中收到 RST：连接被复位，应用程序将看到 ECONNRESET</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{host}: segment for {local} &lt;-&gt; {remote} matches no socket: RST sent</source>
        <translation>{host}：发往 {local} &lt;-&gt; {remote} 的报文段找不到对应的套接字：发送 RST</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{host}: SYN in {state}: answered with a challenge ACK (RFC 5961)</source>
        <translation>{host}：在 {state} 中收到 SYN：以挑战 ACK 应答（RFC 5961）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{host}: in SYN_SENT an ACK for data never sent arrives: RST sent</source>
        <translation>{host}：在 SYN_SENT 中收到确认从未发送过的数据的 ACK：发送 RST</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{host}: PAWS drops a segment with old timestamp {tsval} (last seen {ts_recent})</source>
        <translation>{host}：PAWS 丢弃时间戳过旧的报文段 {tsval}（最近见到的是 {ts_recent}）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{host}: tcp_tw_recycle drops the SYN from {remote}: timestamp {tsval} is older than {cached} remembered for that address (PAWSPassiveRejected)</source>
        <translation>{host}：tcp_tw_recycle 丢弃来自 {remote} 的 SYN：时间戳 {tsval} 比该地址记录的 {cached} 更旧（PAWSPassiveRejected）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{host}: a {bytes}-byte segment of an OLD connection (#{old}) is accepted as data of connection #{new}: corrupted stream</source>
        <translation>{host}：旧连接（#{old}）的一个 {bytes} 字节报文段被当作连接 #{new} 的数据接收：数据流被破坏</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{host}: a segment of the old connection #{old} arrives and is dropped</source>
        <translation>{host}：旧连接 #{old} 的一个报文段到达并被丢弃</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>{host}: connect() picks the even local port {port} towards {remote} (candidates tried: {probes})</source>
        <translation>{host}：connect() 选用偶数本地端口 {port} 连接 {remote}（共尝试 {probes} 个候选端口）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{host}: connect() picks the odd local port {port} towards {remote} (candidates tried: {probes})</source>
        <translation>{host}：connect() 选用奇数本地端口 {port} 连接 {remote}（共尝试 {probes} 个候选端口）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{host}: out-of-window segment in TIME_WAIT answered with an ACK; the TIME_WAIT timer restarts</source>
        <translation>{host}：TIME_WAIT 中收到窗口外报文段，以 ACK 应答，TIME_WAIT 计时器重新开始</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{host}: a segment of the old connection #{old} arrives, matches no socket and is dropped</source>
        <translation>{host}：旧连接 #{old} 的一个报文段到达，没有匹配的套接字，被丢弃</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{host}: a segment of the old connection #{old} arrives at a TIME_WAIT socket and is dropped</source>
        <translation>{host}：旧连接 #{old} 的一个报文段到达 TIME_WAIT 套接字，被丢弃</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{host}: a segment of the old connection #{old} arrives with an old timestamp and is dropped by PAWS</source>
        <translation>{host}：旧连接 #{old} 的一个报文段带着过旧的时间戳到达，被 PAWS 丢弃</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{host}: a segment of the old connection #{old} arrives outside the receive window and is dropped</source>
        <translation>{host}：旧连接 #{old} 的一个报文段落在接收窗口之外，被丢弃</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>{host}: segment seq {seq} is outside the receive window: dropped, ACK sent</source>
        <translation>{host}：序列号为 {seq} 的报文段超出接收窗口：丢弃并发送 ACK</translation>
    </message>
    <message>
        <location line="-313"/>
        <source>{host}: connect() to {remote} fails with EADDRNOTAVAIL: every port of {range} ({ports} in all) is in use towards it ({time_wait} in TIME_WAIT)</source>
        <translation>{host}：connect() 到 {remote} 失败，EADDRNOTAVAIL：{range} 中的端口（共 {ports} 个）都已用于该目的端（其中 {time_wait} 个处于 TIME_WAIT）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{host}: connect() to {remote} gives up after {tries} {tries|SYN|SYNs}: ETIMEDOUT</source>
        <translation>{host}：connect() 到 {remote} 发送 {tries} 个 SYN 后放弃：ETIMEDOUT</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>{host}: {max} timewait {max|socket exists|sockets exist} (tcp_max_tw_buckets): {local} &lt;-&gt; {remote} skips {state} silently</source>
        <translation>{host}：已有 {max} 个 TIME_WAIT 类套接字（tcp_max_tw_buckets）：{local} &lt;-&gt; {remote} 悄悄跳过 {state}</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>{host}: gives up after {ms} ms of retransmissions ({retries} {retries|retry|retries}): socket destroyed, no RST</source>
        <translation>{host}：重传 {ms} 毫秒（{retries} 次重试）后放弃：套接字被销毁，不发送 RST</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{host}: close() with {bytes} unread {bytes|byte|bytes}: RST instead of FIN, no TIME_WAIT</source>
        <translation>{host}：close() 时还有 {bytes} 字节未读：发送 RST 而不是 FIN，没有 TIME_WAIT</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{host}: SO_LINGER {1,0}: close() sends RST, discards {bytes} {bytes|byte|bytes}, no TIME_WAIT</source>
        <translation>{host}：SO_LINGER {1,0}：close() 发送 RST，丢弃 {bytes} 字节，没有 TIME_WAIT</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>{host}: {bytes} {bytes|byte|bytes} received on {sock}</source>
        <translation>{host}：{sock} 收到 {bytes} 字节</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>link {from}-&gt;{to}: segment lost</source>
        <translation>链路 {from}-&gt;{to}：报文段丢失</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>link {from}-&gt;{to}: the scripted fault drops {flags}</source>
        <translation>链路 {from}-&gt;{to}：脚本故障丢弃了 {flags}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>link {from}-&gt;{to}: the scripted fault holds {flags} for {ms} ms</source>
        <translation>链路 {from}-&gt;{to}：脚本故障将 {flags} 滞留 {ms} 毫秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>link {from}-&gt;{to}: segment duplicated</source>
        <translation>链路 {from}-&gt;{to}：报文段被复制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{host}: NAT maps {private} to {public}</source>
        <translation>{host}：NAT 把 {private} 映射为 {public}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{host}: {name} = {value} (default {default})</source>
        <translation>{host}：{name} = {value}（默认值 {default}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{host}: bind() to port {port} before connect() takes over TIME_WAIT {local} &lt;-&gt; {remote} at once (age {age_ms} ms); new ISN {isn}</source>
        <translation>{host}：先 bind() 到端口 {port} 再 connect()，立即接管 TIME_WAIT {local} &lt;-&gt; {remote}（已存在 {age_ms} 毫秒）；新的初始序列号 {isn}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{host} ends the connection with an RST instead of a FIN, in {state}</source>
        <translation>{host} 在 {state} 状态下用 RST 而不是 FIN 结束了连接</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{host} sends {bytes} {bytes|byte|bytes} after the FIN of {fin_host}</source>
        <translation>{host} 在 {fin_host} 的 FIN 之后又发送了 {bytes} 字节</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{host} sends its FIN again (retransmission {attempt}): the ACK of {peer} did not arrive</source>
        <translation>{host} 再次发送自己的 FIN（第 {attempt} 次重传）：{peer} 的 ACK 没有到达</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{host}: a new SYN on {local} &lt;-&gt; {remote} {age_ms} ms after the previous connection closed, while {tw_host} still holds it in TIME_WAIT</source>
        <translation>{host}：上一条连接关闭 {age_ms} 毫秒后，{local} &lt;-&gt; {remote} 上出现新的 SYN，而 {tw_host} 仍把该四元组保留在 TIME_WAIT 中</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{host} advertises a zero receive window</source>
        <translation>{host} 通告接收窗口为零</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{host} sends a keep-alive probe</source>
        <translation>{host} 发送了一个保活探测</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{host} sends {count} {count|SYN|SYNs} to {remote} and gets no SYN-ACK</source>
        <translation>{host} 向 {remote} 发送了 {count} 个 SYN，没有收到 SYN-ACK</translation>
    </message>
</context>
<context>
    <name>closelab::OptionHelp</name>
    <message>
        <location filename="../src/models/option_help.cpp" line="+23"/>
        <source>Lets connect() take over one of this host&apos;s own TIME_WAIT four-tuples once that TIME_WAIT is older than tcp_tw_reuse_delay and carried timestamps. It only helps outgoing connections; a server gains nothing from it.</source>
        <translation>当本机某个 TIME_WAIT 的存在时间超过 tcp_tw_reuse_delay 且带有时间戳时，允许 connect() 接管它的四元组。只对主动发起的连接有用，服务器端得不到任何好处。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>2: reuse for loopback connections only (1: always, 0: never). Linux 4.9 knows only 0 and 1, default 0.</source>
        <translation>2：仅对环回连接复用（1：总是复用，0：从不复用）。Linux 4.9 只有 0 和 1，默认为 0。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not &quot;off by default&quot; and not a way to shorten TIME_WAIT: the default is 2 on current kernels, TIME_WAIT still lasts 60 s, and without timestamps nothing is ever reused.</source>
        <translation>它既不是“默认关闭”，也不能缩短 TIME_WAIT：当前内核默认值为 2，TIME_WAIT 仍然持续 60 秒，而且没有时间戳就什么也复用不了。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>How old, in milliseconds, a TIME_WAIT must be before tcp_tw_reuse may hand its four-tuple to a new connect() (Linux 6.14 and later).</source>
        <translation>TIME_WAIT 至少存在多少毫秒，tcp_tw_reuse 才能把它的四元组交给新的 connect()（Linux 6.14 及以后）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1000 ms; accepted values 1 to 60000.</source>
        <translation>1000 毫秒；可取 1 到 60000。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The &quot;reuse after one second&quot; of older articles was a hard-coded delay; it is this setting now, measured from entering TIME_WAIT.</source>
        <translation>旧文章里的“一秒后可复用”原本是写死在代码里的延迟；现在由这个参数决定，从进入 TIME_WAIT 起计时。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Offers the RFC 7323 timestamp option in SYNs. PAWS and tcp_tw_reuse rely on it; with 0 no connection carries timestamps.</source>
        <translation>在 SYN 中提供 RFC 7323 时间戳选项。PAWS 和 tcp_tw_reuse 都依赖它；设为 0 时所有连接都不带时间戳。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1: on, with a random offset per connection (2: on, without offsets).</source>
        <translation>1：开启，每条连接使用随机偏移（2：开启，不加偏移）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timestamps do not set any timeout; they let the kernel tell an old segment from a new one.</source>
        <translation>时间戳并不设定任何超时时间；它只是让内核能分辨新旧报文段。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How long an orphaned connection (its application has already called close()) may wait in FIN_WAIT_2 for the peer&apos;s FIN. Above 60 s the orphan lives about 2·(T−60) s. A half-closed socket still held by its application has no such timer.</source>
        <translation>孤儿连接（应用程序已调用 close()）在 FIN_WAIT_2 中等待对方 FIN 的最长时间。超过 60 秒时，孤儿连接实际存活约 2·(T−60) 秒。仍被应用程序持有的半关闭套接字没有这个定时器。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>60 s.</source>
        <translation>60 秒。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It does not change TIME_WAIT. TIME_WAIT is TCP_TIMEWAIT_LEN, 60 s, compiled into the kernel: with tcp_fin_timeout=30 every TIME_WAIT still lasts 60 s.</source>
        <translation>它不会改变 TIME_WAIT。TIME_WAIT 的长度是编译进内核的 TCP_TIMEWAIT_LEN，即 60 秒：设置 tcp_fin_timeout=30 后，每个 TIME_WAIT 仍然持续 60 秒。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The most TIME_WAIT sockets (orphaned FIN_WAIT_2 included) a host keeps. A connection that closes beyond it skips TIME_WAIT silently and TCPTimeWaitOverflow counts it.</source>
        <translation>一台主机最多保留的 TIME_WAIT 套接字数（包括孤儿 FIN_WAIT_2）。超出后关闭的连接会悄无声息地跳过 TIME_WAIT，并计入 TCPTimeWaitOverflow。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Half the established hash table, so it depends on memory (131072 on the reference machine).</source>
        <translation>已建立连接哈希表大小的一半，因此取决于内存大小（参考机器上为 131072）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overflowing connections are not reset, and current kernels log nothing; they just lose the protection TIME_WAIT gives.</source>
        <translation>溢出的连接并不会被复位，当前内核也不会打印任何日志；它们只是失去了 TIME_WAIT 提供的保护。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What a TIME_WAIT socket does with an in-window RST: 0 lets the RST kill it (TIME_WAIT assassination), 1 ignores the RST as RFC 1337 asks.</source>
        <translation>TIME_WAIT 套接字如何处理窗口内的 RST：0 表示 RST 会杀死它（TIME_WAIT 暗杀），1 表示按 RFC 1337 的建议忽略该 RST。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>0.</source>
        <translation>0。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The kernel documentation reads as if 0 protected TIME_WAIT; it is the other way round.</source>
        <translation>内核文档读起来像是 0 能保护 TIME_WAIT；实际恰恰相反。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How many times an orphaned socket retransmits its FIN before it gives up without a word.</source>
        <translation>孤儿套接字重传 FIN 的次数，用完后便悄无声息地放弃。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>0, which means 8: about 102 s of retransmissions.</source>
        <translation>0，即 8 次：约 102 秒的重传。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>0 does not mean &quot;no retries&quot;.</source>
        <translation>0 并不表示“不重试”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The retransmission budget of a socket its application still holds (after shutdown(), for example), as the time 15 doublings of the RTO would take.</source>
        <translation>仍被应用程序持有的套接字（例如调用 shutdown() 之后）的重传预算，按 RTO 翻倍 15 次所需的时间计算。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>15: about 924.6 s.</source>
        <translation>15：约 924.6 秒。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How many times connect() resends an unanswered SYN before it fails with ETIMEDOUT.</source>
        <translation>connect() 在以 ETIMEDOUT 失败之前，重发未获应答的 SYN 的次数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>6: about 127 s.</source>
        <translation>6：约 127 秒。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A SYN dropped by tcp_tw_recycle behind NAT looks exactly like this: the client just times out.</source>
        <translation>在 NAT 之后被 tcp_tw_recycle 丢弃的 SYN 看起来正是这样：客户端只是超时。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Linux 4.11 and older only: TIME_WAIT lasts 3.5·RTO instead of 60 s, and a per-peer timestamp cache drops any SYN whose timestamp is older than the last one seen from that address.</source>
        <translation>仅 Linux 4.11 及更早版本：TIME_WAIT 只持续 3.5·RTO 而不是 60 秒，并且按对端地址缓存的时间戳会丢弃任何时间戳比该地址上次更旧的 SYN。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>0. Removed in Linux 4.12.</source>
        <translation>0。已在 Linux 4.12 中移除。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;Turn on tcp_tw_recycle&quot; is the most copied bad advice about TIME_WAIT. Hosts behind one NAT address have different timestamp clocks, so the server silently drops their SYNs (PAWSPassiveRejected) and clients time out; that is why it was removed.</source>
        <translation>“打开 tcp_tw_recycle”是关于 TIME_WAIT 被转载最多的错误建议。同一个 NAT 地址后面的主机时间戳时钟各不相同，服务器会悄悄丢弃它们的 SYN（PAWSPassiveRejected），客户端随之超时；这正是它被移除的原因。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The shortest gap between two ACKs a TIME_WAIT socket sends in answer to invalid segments.</source>
        <translation>TIME_WAIT 套接字回应无效报文段时，两个 ACK 之间的最短间隔。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>500 ms.</source>
        <translation>500 毫秒。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The ephemeral ports connect() chooses from. Exhaustion is per destination: towards one address and port, each local port can hold one connection or TIME_WAIT at a time.</source>
        <translation>connect() 从中选择临时端口的范围。端口耗尽按目的端计算：对同一个目的地址和端口，每个本地端口同一时刻只能承载一条连接或一个 TIME_WAIT。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>32768 60999: 28232 ports; connect() tries even ports first, then odd.</source>
        <translation>32768 60999：共 28232 个端口；connect() 先尝试偶数端口，再尝试奇数端口。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The limit is not 65535 connections per host: the same local ports serve every other destination again. Towards one destination the sustainable close-first rate is ports ÷ 60 s.</source>
        <translation>上限并不是每台主机 65535 条连接：同样的本地端口可以再次用于其他任何目的端。对同一个目的端，客户端先关闭时可持续的速率是 端口数 ÷ 60 秒。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ports and ranges that connect() and bind() to port 0 never pick by themselves; an explicit bind() may still use them.</source>
        <translation>connect() 和 bind() 到 0 端口时绝不会自动选用的端口和范围；显式 bind() 仍然可以使用它们。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Empty.</source>
        <translation>空。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A teaching knob, not a kernel setting: the maximum segment lifetime of the rfc793 profile, whose TIME_WAIT lasts 2·MSL.</source>
        <translation>教学用旋钮，不是内核设置：rfc793 配置下的最大报文段生存时间，该配置的 TIME_WAIT 为 2·MSL。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>30000 ms, so TIME_WAIT is 60 s.</source>
        <translation>30000 毫秒，因此 TIME_WAIT 为 60 秒。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linux has no MSL setting; its TIME_WAIT is a fixed 60 s, not &quot;2 MSL = 4 minutes&quot;.</source>
        <translation>Linux 没有 MSL 设置；它的 TIME_WAIT 固定为 60 秒，并不是“2 MSL = 4 分钟”。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A teaching knob, not a kernel setting: shorten or remove TIME_WAIT to see what it protects against (a lost last ACK, stray segments).</source>
        <translation>教学用旋钮，不是内核设置：缩短或去掉 TIME_WAIT，看看它防范的是什么（丢失的最后一个 ACK、迷途报文）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>−1: the profile&apos;s own rule (60 s on Linux).</source>
        <translation>−1：沿用所选配置自己的规则（Linux 上为 60 秒）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No Linux sysctl can do this: TCP_TIMEWAIT_LEN is compiled in.</source>
        <translation>没有任何 Linux 内核参数能做到这一点：TCP_TIMEWAIT_LEN 是编译进内核的。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{1,0}: close() sends an RST, discards unsent data and leaves no TIME_WAIT. {1,N}: close() blocks until the FIN is acknowledged or N seconds pass; then the close goes on normally.</source>
        <translation>{1,0}：close() 发送 RST，丢弃未发送的数据，不留下 TIME_WAIT。{1,N}：close() 阻塞，直到 FIN 被确认或 N 秒过去；之后关闭过程照常进行。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Off {0,0}: close() returns at once and the kernel still delivers the remaining data and the FIN.</source>
        <translation>关闭 {0,0}：close() 立即返回，内核仍会把剩余数据和 FIN 发送出去。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{1,0} is no cure for TIME_WAIT: data the peer has not yet received is lost and the peer reads ECONNRESET. A non-zero time on Linux discards nothing.</source>
        <translation>{1,0} 不是治 TIME_WAIT 的良药：对方尚未收到的数据会丢失，对方读到 ECONNRESET。在 Linux 上，非零的逗留时间不会丢弃任何数据。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lets a new listener bind a port that still has TIME_WAIT or connection residue, provided the old listener had it set as well. It never lets two listeners share a port.</source>
        <translation>允许新的监听套接字绑定仍有 TIME_WAIT 或残留连接的端口，前提是旧的监听套接字也设置了它。它绝不允许两个监听套接字共用一个端口。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+11"/>
        <source>Off.</source>
        <translation>关闭。</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Setting it only on the restarted server is not enough: the old sockets inherit the old listener&apos;s setting. It does not let connect() reuse TIME_WAIT four-tuples either.</source>
        <translation>只在重启后的服务器上设置是不够的：旧套接字继承的是旧监听套接字的设置。它也不能让 connect() 复用 TIME_WAIT 的四元组。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lets several sockets of the same user bind one port, listeners included, when every one of them sets it.</source>
        <translation>当每个套接字都设置了它时，允许同一用户的多个套接字（包括监听套接字）绑定同一个端口。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It does not combine with SO_REUSEADDR on the other socket: mixing the two fails with EADDRINUSE.</source>
        <translation>它不能与另一个套接字上的 SO_REUSEADDR 搭配：两者混用会以 EADDRINUSE 失败。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A per-socket tcp_fin_timeout for an orphaned FIN_WAIT_2, in seconds, at most 120; −1 aborts with an RST instead.</source>
        <translation>针对单个套接字的孤儿 FIN_WAIT_2 超时（相当于 tcp_fin_timeout），单位为秒，最大 120；−1 表示改为发送 RST 中止。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>0: use tcp_fin_timeout.</source>
        <translation>0：使用 tcp_fin_timeout。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not related to SO_LINGER, and it does not touch TIME_WAIT.</source>
        <translation>它与 SO_LINGER 无关，也不影响 TIME_WAIT。</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Default:</source>
        <translation>默认值：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folklore check:</source>
        <translation>流言辨析：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Source:</source>
        <translation>出处：</translation>
    </message>
</context>
<context>
    <name>closelab::Options</name>
    <message>
        <location filename="../src/core/options.cpp" line="-352"/>
        <source>Let connect() take over a TIME_WAIT of the same 4-tuple: 0 never, 1 always, 2 loopback only (default since 4.18). Needs timestamps.</source>
        <translation>允许 connect() 接管同一四元组的 TIME_WAIT：0 从不，1 总是，2 仅限环回（4.18 起为默认值）。需要时间戳。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>How old a TIME_WAIT must be (ms since it began) before tcp_tw_reuse may take it over.</source>
        <translation>TIME_WAIT 至少存在多久（从开始算起的毫秒数），tcp_tw_reuse 才能接管它。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>RFC 7323 timestamps: 0 off, 1 on with a random offset per connection, 2 on without offsets. PAWS and tcp_tw_reuse depend on them.</source>
        <translation>RFC 7323 时间戳：0 关闭，1 开启且每条连接使用随机偏移，2 开启但不加偏移。PAWS 和 tcp_tw_reuse 都依赖它。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Lifetime of an ORPHANED FIN_WAIT_2 socket. It does not change TIME_WAIT, which is always 60 s on Linux.</source>
        <translation>孤儿 FIN_WAIT_2 套接字的寿命。它不会改变 TIME_WAIT，Linux 上 TIME_WAIT 始终是 60 秒。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Most timewait sockets (TIME_WAIT and orphaned FIN_WAIT_2) a host keeps; beyond it connections skip TIME_WAIT silently (TCPTimeWaitOverflow).</source>
        <translation>一台主机最多保留的 TIME_WAIT 类套接字数（TIME_WAIT 和孤儿 FIN_WAIT_2）；超出后连接会悄悄跳过 TIME_WAIT（TCPTimeWaitOverflow）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>1: ignore an RST that arrives in TIME_WAIT (RFC 1337). 0 (default): the RST ends TIME_WAIT early.</source>
        <translation>1：忽略在 TIME_WAIT 中到达的 RST（RFC 1337）。0（默认）：RST 会提前结束 TIME_WAIT。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Retransmission budget of orphaned sockets (FIN_WAIT_1, LAST_ACK, CLOSING); 0 means 8, about 102 s.</source>
        <translation>孤儿套接字（FIN_WAIT_1、LAST_ACK、CLOSING）的重传预算；0 表示 8 次，约 102 秒。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Retransmission budget of sockets the application still holds; 15 is about 924.6 s.</source>
        <translation>仍被应用程序持有的套接字的重传预算；15 约为 924.6 秒。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>How many times connect() resends a SYN before ETIMEDOUT.</source>
        <translation>connect() 在报 ETIMEDOUT 之前重发 SYN 的次数。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Linux 4.11 and older: shorten TIME_WAIT to 3.5 RTO and drop SYNs whose timestamp is older than the last one seen from that address.</source>
        <translation>Linux 4.11 及更早版本：把 TIME_WAIT 缩短为 3.5 RTO，并丢弃时间戳比该地址上次更旧的 SYN。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Minimum gap between ACKs sent in reply to invalid segments, e.g. by a TIME_WAIT socket.</source>
        <translation>回应无效报文段（例如由 TIME_WAIT 套接字回应）时，两个 ACK 之间的最小间隔。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Ephemeral ports connect() may choose from (both ends included).</source>
        <translation>connect() 可选用的临时端口范围（包含两端）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ports connect() never picks automatically (explicit bind() still can).</source>
        <translation>connect() 绝不会自动选用的端口（显式 bind() 仍然可以）。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>on,seconds. 1,0: close() sends RST and skips TIME_WAIT. 1,N: close() blocks up to N s for the FIN to be acknowledged; nothing is discarded.</source>
        <translation>开关,秒数。1,0：close() 发送 RST 并跳过 TIME_WAIT。1,N：close() 最多阻塞 N 秒等待 FIN 被确认；不会丢弃任何数据。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Allow bind() to a port held by TIME_WAIT or other non-listening sockets, if they set it too (they inherit it from their listener).</source>
        <translation>允许 bind() 到被 TIME_WAIT 或其他非监听套接字占用的端口，前提是它们也设置了该选项（它们从各自的监听套接字继承）。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Allow several sockets, listeners included, to bind the same port if all of them set it.</source>
        <translation>如果所有套接字都设置了它，允许多个套接字（包括监听套接字）绑定同一个端口。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Per-socket tcp_fin_timeout: 0 uses the sysctl, -1 aborts orphaned FIN_WAIT_2 at once, larger values are capped at 120 s.</source>
        <translation>针对单个套接字的 tcp_fin_timeout：0 使用内核参数，-1 立即中止孤儿 FIN_WAIT_2，更大的值最多取 120 秒。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Teaching profile rfc793 only: Maximum Segment Lifetime; TIME_WAIT lasts 2 x MSL.</source>
        <translation>仅用于 rfc793 教学配置：最大报文段生存时间；TIME_WAIT 持续 2 x MSL。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>What-if knob, NOT a kernel setting: force TIME_WAIT to this length (0 removes it) to see what breaks. -1 keeps the kernel&apos;s rule.</source>
        <translation>假设实验旋钮，不是内核设置：强制把 TIME_WAIT 设为这个长度（0 表示去掉它），看看会出什么问题。-1 表示沿用内核的规则。</translation>
    </message>
</context>
<context>
    <name>closelab::Quiz</name>
    <message>
        <location filename="../src/core/quiz/topics.cpp" line="+12"/>
        <source>The close and its states</source>
        <translation>连接关闭及其状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why TIME_WAIT exists</source>
        <translation>TIME_WAIT 为什么存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How long TIME_WAIT lasts on Linux</source>
        <translation>Linux 上 TIME_WAIT 持续多久</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost FIN and lost final ACK</source>
        <translation>FIN 丢失与最后的 ACK 丢失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Old duplicates and PAWS</source>
        <translation>旧的重复报文段与 PAWS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tcp_fin_timeout versus TIME_WAIT</source>
        <translation>tcp_fin_timeout 与 TIME_WAIT 的区别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CLOSE_WAIT leaks and finding them</source>
        <translation>CLOSE_WAIT 泄漏及其排查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tcp_tw_reuse and what it needs</source>
        <translation>tcp_tw_reuse 及其前提条件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tcp_tw_recycle behind NAT</source>
        <translation>NAT 后面的 tcp_tw_recycle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tcp_max_tw_buckets</source>
        <translation>tcp_max_tw_buckets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SO_LINGER {1,0} and {1,N}</source>
        <translation>SO_LINGER {1,0} 与 {1,N}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SO_REUSEADDR and SO_REUSEPORT on restart</source>
        <translation>重启时的 SO_REUSEADDR 与 SO_REUSEPORT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ephemeral ports and client capacity</source>
        <translation>临时端口与客户端容量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server closes first</source>
        <translation>服务器先关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Half-close</source>
        <translation>半关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simultaneous close</source>
        <translation>同时关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resets (RST)</source>
        <translation>重置（RST）</translation>
    </message>
</context>
<context>
    <name>closelab::Reasons</name>
    <message>
        <location filename="../src/models/host_names.cpp" line="-31"/>
        <source>random loss</source>
        <translation>随机丢包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scripted fault</source>
        <translation>脚本故障</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>held by a fault</source>
        <translation>被故障滞留</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PAWS: old timestamp</source>
        <translation>PAWS：时间戳过旧</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tcp_tw_recycle timestamp check</source>
        <translation>tcp_tw_recycle 时间戳检查</translation>
    </message>
</context>
<context>
    <name>closelab::RunDifference</name>
    <message>
        <location filename="../src/models/run_difference.cpp" line="+61"/>
        <source>Sockets entering TIME_WAIT: %1 → %2</source>
        <translation>进入 TIME_WAIT 的套接字：%1 → %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Segments sent: %1 → %2</source>
        <translation>发送的报文段：%1 → %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Segments lost or dropped: %1 → %2</source>
        <translation>丢失或被丢弃的报文段：%1 → %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resets sent: %1 → %2</source>
        <translation>发送的 RST：%1 → %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SYNs dropped: %1 → %2</source>
        <translation>被丢弃的 SYN：%1 → %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Old segments accepted as new data: %1 → %2</source>
        <translation>被当作新数据接收的旧报文段：%1 → %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The run lasts %1 instead of %2</source>
        <translation>运行时长 %1，原为 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Now: %1</source>
        <translation>现在出现：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No longer: %1</source>
        <translation>不再出现：%1</translation>
    </message>
</context>
<context>
    <name>closelab::Step</name>
    <message>
        <location filename="../src/models/current_note.cpp" line="+82"/>
        <source>%1 sends %2 to %3.</source>
        <translation>%1 向 %3 发送 %2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 receives %2 from %3.</source>
        <translation>%1 收到来自 %3 的 %2。</translation>
    </message>
</context>
<context>
    <name>closelab::Time</name>
    <message>
        <location filename="../src/models/time_format.cpp" line="+20"/>
        <location line="+12"/>
        <source>%1 µs</source>
        <translation>%1 微秒</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+12"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+12"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>closelab::Topics</name>
    <message>
        <location filename="../src/models/scenario_list_model.cpp" line="+17"/>
        <source>Basics: the four-way close</source>
        <translation>基础：四次挥手</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TIME_WAIT</source>
        <translation>TIME_WAIT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CLOSE_WAIT</source>
        <translation>CLOSE_WAIT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kernel and socket options</source>
        <translation>内核参数与套接字选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ephemeral ports</source>
        <translation>临时端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NAT and timestamps</source>
        <translation>NAT 与时间戳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resets and aborts</source>
        <translation>复位与中止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened files</source>
        <translation>已打开的文件</translation>
    </message>
</context>
<context>
    <name>closelab::models::CountersModel</name>
    <message>
        <location filename="../src/models/counters_model.cpp" line="+122"/>
        <source>Counter</source>
        <translation>计数器</translation>
    </message>
</context>
<context>
    <name>closelab::models::HandoutContent</name>
    <message>
        <location filename="../src/models/handout_content.cpp" line="+31"/>
        <source>%1: %2 = %3</source>
        <translation>%1：%2 = %3</translation>
    </message>
</context>
<context>
    <name>closelab::models::LanguageManager</name>
    <message>
        <location filename="../src/models/language_manager.cpp" line="+67"/>
        <source>Unknown language &apos;%1&apos;; choose one of: %2.</source>
        <translation>未知语言“%1”；可选：%2。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The translation catalogue %1 is missing from this build.</source>
        <translation>本构建缺少翻译文件 %1。</translation>
    </message>
</context>
<context>
    <name>closelab::models::MistakesModel</name>
    <message>
        <location filename="../src/models/practice_models.cpp" line="+157"/>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>You were sure of this answer, and it was wrong.</source>
        <translation>你对这个答案很有把握，但它是错的。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your answer</source>
        <translation>你的答案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong</source>
        <translation>答错次数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last tried</source>
        <translation>最近一次</translation>
    </message>
</context>
<context>
    <name>closelab::models::NotesModel</name>
    <message>
        <location filename="../src/models/notes_model.cpp" line="+95"/>
        <source>Kernel source: %1</source>
        <translation>内核出处：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
</context>
<context>
    <name>closelab::models::OptionsModel</name>
    <message>
        <location filename="../src/models/options_model.cpp" line="+42"/>
        <source>Kernel parameters (sysctl)</source>
        <translation>内核参数（sysctl）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Socket options</source>
        <translation>套接字选项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Teaching knobs (not real kernel settings)</source>
        <translation>教学旋钮（不是真实的内核设置）</translation>
    </message>
    <message>
        <location line="+172"/>
        <source>Kernel profile</source>
        <translation>内核配置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All hosts</source>
        <translation>所有主机</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>Option</source>
        <translation>选项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>line %1: expected name = value, got &apos;%2&apos;</source>
        <translation>第 %1 行：应为 name = value 形式，实际为“%2”</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>line %1: %2 is not modelled by closelab; skipped</source>
        <translation>第 %1 行：closelab 没有模拟 %2；已跳过</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location line="-229"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>closelab::models::ProgressStore</name>
    <message>
        <location filename="../src/models/progress_store.cpp" line="+116"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The SQLite driver of Qt (QSQLITE) is not installed</source>
        <translation>未安装 Qt 的 SQLite 驱动（QSQLITE）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot open the progress file %1</source>
        <translation>无法打开进度文件 %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+68"/>
        <source>%1 is not a closelab progress file</source>
        <translation>%1 不是 closelab 的进度文件</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>The progress file %1 was written by a newer closelab (schema %2; this version reads up to %3)</source>
        <translation>进度文件 %1 由更新版本的 closelab 写入（结构版本 %2；本版本最多能读 %3）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot update the progress file</source>
        <translation>无法更新进度文件</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+6"/>
        <location line="+3"/>
        <source>Cannot update the progress file to version %1</source>
        <translation>无法把进度文件更新到版本 %1</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>The progress file is not open</source>
        <translation>进度文件未打开</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <location line="+37"/>
        <source>Cannot save the attempt</source>
        <translation>无法保存这次作答</translation>
    </message>
    <message>
        <location line="+139"/>
        <location line="+3"/>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
</context>
<context>
    <name>closelab::models::ScenarioListModel</name>
    <message>
        <location filename="../src/models/scenario_list_model.cpp" line="+204"/>
        <source>Scenario</source>
        <translation>场景</translation>
    </message>
</context>
<context>
    <name>closelab::models::Session</name>
    <message>
        <location filename="../src/models/session.cpp" line="+264"/>
        <source>The simulation failed: %1</source>
        <translation>模拟失败：%1</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Invalid load parameters: %1</source>
        <translation>负载参数无效：%1</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>back to back</source>
        <translation>一个接一个</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>client closes first</source>
        <translation>客户端先关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>server closes first</source>
        <translation>服务器先关闭</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>closes normally</source>
        <translation>正常关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>never closes</source>
        <translation>从不关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>closes after %1 ms</source>
        <translation>%1 毫秒后关闭</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>rate</source>
        <translation>速率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>arrivals</source>
        <translation>到达方式</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>Poisson</source>
        <translation>泊松</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+1"/>
        <source>constant</source>
        <translation>匀速</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>who closes</source>
        <translation>谁先关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>peer application</source>
        <translation>对端应用程序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pool</source>
        <translation>连接池</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>requests per pooled connection</source>
        <translation>每条池化连接的请求数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>clients</source>
        <translation>客户端数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NAT</source>
        <translation>NAT</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+5"/>
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+5"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>server ports</source>
        <translation>服务器端口数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RTT</source>
        <translation>RTT</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss</source>
        <translation>丢包率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loopback</source>
        <translation>环回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: %2 %3 → %4</source>
        <translation>%1：%2 %3 → %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(absent)</source>
        <translation>（不存在）</translation>
    </message>
</context>
<context>
    <name>closelab::models::SocketTableModel</name>
    <message>
        <location filename="../src/models/socket_table_model.cpp" line="+134"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recv-Q</source>
        <translation>接收队列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send-Q</source>
        <translation>发送队列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Local address:port</source>
        <translation>本地地址:端口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peer address:port</source>
        <translation>对端地址:端口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timer</source>
        <translation>定时器</translation>
    </message>
</context>
<context>
    <name>closelab::models::StateSeriesModel</name>
    <message>
        <location filename="../src/models/state_series_model.cpp" line="+84"/>
        <source>Time (ms)</source>
        <translation>时间（毫秒）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ports in use</source>
        <translation>已用端口数（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 connects OK</source>
        <translation>成功连接数（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 connects failed (%2)</source>
        <translation>失败连接数（%1，%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 socket memory (bytes)</source>
        <translation>套接字内存（%1，字节）</translation>
    </message>
</context>
<context>
    <name>closelab::models::TopicProgressModel</name>
    <message>
        <location filename="../src/models/practice_models.cpp" line="-143"/>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Answers you were sure of that were wrong: the misconceptions to fix</source>
        <translation>很有把握却答错的题：需要纠正的误解</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answers</source>
        <translation>作答数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Right</source>
        <translation>正确率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sure but wrong</source>
        <translation>自信却答错</translation>
    </message>
</context>
<context>
    <name>closelab::models::TraceModel</name>
    <message>
        <location filename="../src/models/trace_model.cpp" line="+91"/>
        <location line="+22"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From → To</source>
        <translation>源 → 目的</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flags</source>
        <translation>标志</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seq</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ack</source>
        <translation>确认号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Len</source>
        <translation>长度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fate</source>
        <translation>去向</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Seq (rel.)</source>
        <translation>序列号（相对）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ack (rel.)</source>
        <translation>确认号（相对）</translation>
    </message>
</context>
<context>
    <name>closelab::widgets::ComparePanel</name>
    <message>
        <location filename="../src/widgets/compare_panel.cpp" line="+114"/>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unpin</source>
        <translation>取消固定(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pinned run (dashed) and current run (solid)</source>
        <translation>固定的运行（虚线）与当前运行（实线）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>simulated time (s)</source>
        <translation>模拟时间（秒）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sockets</source>
        <translation>套接字数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed connects by errno</source>
        <translation>按 errno 统计的失败连接</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>connects</source>
        <translation>连接次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none in either run</source>
        <translation>两次运行都没有</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing pinned yet. On the Load tab, run a load and press &lt;b&gt;Pin for compare&lt;/b&gt;; then change options and run again.</source>
        <translation>尚未固定任何运行。在“负载”页运行一次负载并点击&lt;b&gt;固定以比较&lt;/b&gt;，然后修改选项再运行一次。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The two runs use the same parameters and options.</source>
        <translation>两次运行的参数和选项完全相同。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;What differs&lt;/b&gt; (pinned → current): %1</source>
        <translation>&lt;b&gt;差异&lt;/b&gt;（固定 → 当前）：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; </source>
        <comment>separator between the differences of two runs</comment>
        <translation>；</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 (current)</source>
        <translation>%1（当前）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (pinned)</source>
        <translation>%1（固定）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>usable ports: %L1</source>
        <translation>可用端口：%L1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>pinned</source>
        <translation>固定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>current</source>
        <translation>当前</translation>
    </message>
</context>
<context>
    <name>closelab::widgets::ExplanationPanel</name>
    <message>
        <location filename="../src/widgets/explanation_panel.cpp" line="+72"/>
        <source>No glossary entry for this term.</source>
        <translation>术语表中没有这个词条。</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Press Play or step with the arrow keys: each step of the close is explained here.</source>
        <translation>点击播放，或用方向键单步前进：关闭过程的每一步都会在这里解释。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What to notice</source>
        <translation>注意观察</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try: %1</source>
        <translation>试一试：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the scenario again with %1 and say what changed</source>
        <translation>用 %1 重新运行本场景，并说明有哪些变化</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Undo the change</source>
        <translation>撤销这项修改(&amp;U)</translation>
    </message>
</context>
<context>
    <name>closelab::widgets::HandoutWriter</name>
    <message>
        <location filename="../src/widgets/handout_writer.cpp" line="+118"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 — handout</source>
        <translation>%1 — 讲义</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+69"/>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Scenario %1 · kernel profile %2 · %3</source>
        <translation>场景 %1 · 内核配置 %2 · %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What to notice</source>
        <translation>要注意什么</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Options that differ from the defaults</source>
        <translation>与默认值不同的选项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None: every host runs the kernel profile&apos;s defaults.</source>
        <translation>无：每台主机都使用内核配置的默认值。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Beats</source>
        <translation>要点</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1. %2 (t = %3)</source>
        <translation>%1. %2（t = %3）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Beat %1 of %2 · t = %3</source>
        <translation>要点 %1 / %2 · t = %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The whole run</source>
        <translation>整个运行过程</translation>
    </message>
</context>
<context>
    <name>closelab::widgets::LadderView</name>
    <message>
        <location filename="../src/widgets/ladder_view.cpp" line="+83"/>
        <source>Ladder diagram exported by closelab</source>
        <translation>由 closelab 导出的时序图</translation>
    </message>
</context>
<context>
    <name>closelab::widgets::LectureTools</name>
    <message>
        <location filename="../src/widgets/lecture_tools.cpp" line="+45"/>
        <source>&amp;High contrast (projector)</source>
        <translation>高对比度（投影仪）(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Standard</source>
        <translation>标准(&amp;S)</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>&amp;Automatic (the screen without this window)</source>
        <translation>自动（不显示本窗口的屏幕）(&amp;A)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Screen %1: %2 (%3×%4)</source>
        <translation>屏幕 %1：%2（%3×%4）</translation>
    </message>
    <message>
        <location line="+153"/>
        <source>There is no run to write a handout of.</source>
        <translation>没有可以生成讲义的运行结果。</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+12"/>
        <source>Export handout</source>
        <translation>导出讲义</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Start presentation</source>
        <translation>开始演示(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full screen, large type, stepped by lesson beats (F5; Esc leaves)</source>
        <translation>全屏、大字号，按教学要点逐步演示（F5；Esc 退出）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Presenter view</source>
        <translation>演讲者视图(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current and next beat, speaker notes, elapsed time (P)</source>
        <translation>当前和下一个要点、讲稿备注、已用时间（P）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;handout…</source>
        <translation>导出讲义(&amp;H)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A PDF for printing: a title page and one page per beat</source>
        <translation>用于打印的 PDF：一页标题页，每个要点一页</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;resentation</source>
        <translation>演示(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Present on &amp;screen</source>
        <translation>演示所用屏幕(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Presentation &amp;theme</source>
        <translation>演示主题(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ladder &amp;theme</source>
        <translation>时序图主题(&amp;T)</translation>
    </message>
</context>
<context>
    <name>closelab::widgets::LingerEditor</name>
    <message>
        <location filename="../src/widgets/linger_editor.cpp" line="+56"/>
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>l_onoff: close() lingers (or resets when the time is 0)</source>
        <translation>l_onoff：close() 会逗留等待（时间为 0 时直接复位）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>l_linger: seconds close() waits for unsent data; 0 sends RST</source>
        <translation>l_linger：close() 等待未发送数据的秒数；0 表示发送 RST</translation>
    </message>
</context>
<context>
    <name>closelab::widgets::LoadDataBuilder</name>
    <message>
        <location filename="../src/widgets/load_data_builder.cpp" line="+62"/>
        <source>Connects attempted</source>
        <translation>尝试连接次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed with %1</source>
        <translation>以 %1 失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First failure at</source>
        <translation>首次失败时刻</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failure windows</source>
        <translation>失败时段</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Peak TIME_WAIT on %1</source>
        <translation>TIME_WAIT 峰值（%1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Peak CLOSE_WAIT on %1</source>
        <translation>CLOSE_WAIT 峰值（%1）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The ports allow about &lt;b&gt;%1 new connections per second&lt;/b&gt;: %2 × %3, each port held %4 s.</source>
        <translation>端口数量允许每秒约 &lt;b&gt;%1 条新连接&lt;/b&gt;：%2 × %3，每个端口被占用 %4 秒。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln usable port(s)</source>
        <translation>
            <numerusform>%Ln 个可用端口</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln destination(s)</source>
        <translation>
            <numerusform>%Ln 个目的端</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Each client port stays in TIME_WAIT for 60 s after the client closes first.</source>
        <translation>客户端先关闭后，每个客户端端口在 TIME_WAIT 中停留 60 秒。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>tcp_tw_reuse lets connect() take a TIME_WAIT port again after about a second (timestamps on both sides).</source>
        <translation>tcp_tw_reuse 让 connect() 在大约一秒后重新使用处于 TIME_WAIT 的端口（双方都要开启时间戳）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server closes first, so TIME_WAIT sits on the server&apos;s side and uses no client ports.</source>
        <translation>服务器先关闭，所以 TIME_WAIT 落在服务器一侧，不占用客户端端口。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SO_LINGER with 0 s resets the connection: no TIME_WAIT, but data can be lost.</source>
        <translation>SO_LINGER 设为 0 秒会复位连接：没有 TIME_WAIT，但可能丢失数据。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server never closes: the client&apos;s orphaned FIN_WAIT_2 holds each port for tcp_fin_timeout.</source>
        <translation>服务器从不关闭：客户端的孤儿 FIN_WAIT_2 会把每个端口占用 tcp_fin_timeout 的时长。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TIME_WAIT length is 0 in this run, so ports are free at once.</source>
        <translation>本次运行中 TIME_WAIT 长度为 0，端口立即释放。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>tcp_max_tw_buckets is below the port count: extra sockets skip TIME_WAIT (TCPTimeWaitOverflow).</source>
        <translation>tcp_max_tw_buckets 小于端口数：多出的套接字跳过 TIME_WAIT（TCPTimeWaitOverflow）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A keep-alive pool that is never recycled opens only a few connections.</source>
        <translation>从不回收的长连接池只会打开少数几条连接。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The pool carries several requests per connection.</source>
        <translation>连接池让每条连接承载多个请求。</translation>
    </message>
</context>
<context>
    <name>closelab::widgets::LoadForm</name>
    <message>
        <location filename="../src/widgets/load_form.cpp" line="+167"/>
        <source>Rate (conn/s)</source>
        <translation>速率（连接/秒）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New connections per second; 0 with a count: back to back</source>
        <translation>每秒新建连接数；为 0 且设定了数量时：一个接一个连续发起</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Poisson arrivals</source>
        <translation>泊松到达</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Random arrival times with the same average rate</source>
        <translation>平均速率不变，到达时刻随机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop after this many connects (0: no limit)</source>
        <translation>发起这么多次连接后停止（0：不限）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration (s)</source>
        <translation>时长（秒）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Simulated time to run</source>
        <translation>要模拟的时间长度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closes first</source>
        <translation>先关闭的一方</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Which side calls close() first: it gets TIME_WAIT</source>
        <translation>哪一方先调用 close()：TIME_WAIT 就落在那一方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other side</source>
        <translation>另一方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the other application does after the first close()</source>
        <translation>第一次 close() 之后，另一方的应用程序怎么做</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closes at once</source>
        <translation>立即关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never closes (CLOSE_WAIT leak)</source>
        <translation>从不关闭（CLOSE_WAIT 泄漏）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closes after a delay</source>
        <translation>延迟一段时间后关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep-alive pool</source>
        <translation>长连接池</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reuse this many connections (0: one per request)</source>
        <translation>复用这么多条连接（0：每个请求一条新连接）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client hosts</source>
        <translation>客户端主机数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Number of client machines</source>
        <translation>客户端机器的数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Behind one NAT</source>
        <translation>位于同一个 NAT 之后</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All clients share one public address</source>
        <translation>所有客户端共用一个公网地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server ports</source>
        <translation>服务器端口数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Destinations: each one has its own port space</source>
        <translation>目的端：每个目的端都有各自独立的端口空间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RTT (ms)</source>
        <translation>RTT（毫秒）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Round-trip time of the link</source>
        <translation>链路的往返时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss (%)</source>
        <translation>丢包率（%）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share of segments lost on the link</source>
        <translation>链路上丢失的报文段比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loopback</source>
        <translation>环回</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Client and server on 127.0.0.1 of one host</source>
        <translation>客户端和服务器在同一台主机的 127.0.0.1 上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample every (ms)</source>
        <translation>采样间隔（毫秒）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Distance between two samples of the counts</source>
        <translation>两次统计采样之间的间隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Same seed, same run</source>
        <translation>种子相同，运行结果就相同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simulate this load with the current options</source>
        <translation>用当前选项模拟这个负载</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pin for compare</source>
        <translation>固定以比较(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep this run to compare it with the next one</source>
        <translation>保留这次运行，与下一次比较</translation>
    </message>
</context>
<context>
    <name>closelab::widgets::LoadPanel</name>
    <message>
        <location filename="../src/widgets/load_panel.cpp" line="+158"/>
        <source>failed connects</source>
        <translation>失败的连接</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Simulating…</source>
        <translation>正在模拟…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Whose sockets the plot counts</source>
        <translation>图中统计哪台主机的套接字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sockets per state over time</source>
        <translation>各状态套接字数随时间变化</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>simulated time (s)</source>
        <translation>模拟时间（秒）</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <location line="+45"/>
        <source>sockets</source>
        <translation>套接字数</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>States at the cursor</source>
        <translation>光标处的状态分布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed connects by errno</source>
        <translation>按 errno 统计的失败连接</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>connects</source>
        <translation>连接次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run a load to see its summary.</source>
        <translation>运行一次负载即可看到摘要。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>usable ports: %L1</source>
        <translation>可用端口：%L1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>States at t = %1 s</source>
        <translation>t = %1 秒时的状态分布</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>%1 of %2 s simulated</source>
        <translation>已模拟 %1 / %2 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 s simulated, about %3 s left</source>
        <translation>已模拟 %1 / %2 秒，约剩 %3 秒</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancelled: the previous result stays on screen.</source>
        <translation>已取消：屏幕上保留上一次的结果。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop this run (Esc); the previous result stays on screen</source>
        <translation>停止这次运行（Esc）；屏幕上保留上一次的结果</translation>
    </message>
</context>
<context>
    <name>closelab::widgets::MainWindow</name>
    <message>
        <location filename="../src/widgets/main_window.cpp" line="+149"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>Filter segments, e.g. FIN lost</source>
        <translation>过滤报文段，例如 FIN 丢失</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter sockets</source>
        <translation>过滤套接字</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter counters</source>
        <translation>过滤计数器</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>Fate:</source>
        <translation>去向：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Simulating…</source>
        <translation>正在模拟…</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>Unknown kernel profile &apos;%1&apos;; use linux-6, linux-4.9 or rfc793.</source>
        <translation>未知内核配置“%1”；请使用 linux-6、linux-4.9 或 rfc793。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Run a load first; then pin it to compare it with the next run.</source>
        <translation>请先运行一次负载，再把它固定下来，与下一次运行比较。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run pinned. Change options or load parameters and run again to compare.</source>
        <translation>已固定本次运行。修改选项或负载参数后再运行一次即可比较。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Ladder diagram of %1</source>
        <translation>时序图：%1</translation>
    </message>
    <message>
        <location line="+183"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ladder</source>
        <translation>时序图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load</source>
        <translation>负载</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One connection&apos;s close, step by step</source>
        <translation>一条连接的关闭过程，逐步演示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Socket states under load</source>
        <translation>负载下的套接字状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A pinned load run against the current one</source>
        <translation>固定的负载运行与当前运行对比</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scenarios</source>
        <translation>场景</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explanation</source>
        <translation>讲解</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trace</source>
        <translation>报文轨迹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sockets</source>
        <translation>套接字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counters</source>
        <translation>计数器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Playback</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open scenario…</source>
        <translation>打开场景(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load a scenario from a JSON file</source>
        <translation>从 JSON 文件载入场景</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import sysctl.conf…</source>
        <translation>导入 sysctl.conf(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ladder as &amp;PNG…</source>
        <translation>时序图导出为 &amp;PNG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ladder as &amp;SVG…</source>
        <translation>时序图导出为 &amp;SVG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plot as P&amp;NG…</source>
        <translation>曲线图导出为 P&amp;NG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plot as P&amp;DF…</source>
        <translation>曲线图导出为 P&amp;DF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plot data as &amp;CSV…</source>
        <translation>曲线数据导出为 &amp;CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trace as CS&amp;V…</source>
        <translation>报文轨迹导出为 CS&amp;V…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trace as &amp;JSON…</source>
        <translation>报文轨迹导出为 &amp;JSON…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+136"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location line="-136"/>
        <location line="+136"/>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>Play or pause (Space)</source>
        <translation>播放或暂停（空格键）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step &amp;back</source>
        <translation>后退一步(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous event (←)</source>
        <translation>上一个事件（←）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step &amp;forward</source>
        <translation>前进一步(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next event (→)</source>
        <translation>下一个事件（→）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to &amp;start</source>
        <translation>跳到开头(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start of the run (Home)</source>
        <translation>运行开头（Home）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to &amp;end</source>
        <translation>跳到结尾(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End of the run (End)</source>
        <translation>运行结尾（End）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Faster</source>
        <translation>加快(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Slower</source>
        <translation>减慢(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ladder</source>
        <translation>时序图(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&amp;oad</source>
        <translation>负载(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Compare</source>
        <translation>比较(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Run load</source>
        <translation>运行负载(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;in load run for compare</source>
        <translation>固定负载运行以比较(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filter the trace</source>
        <translation>过滤报文轨迹(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reset layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About closelab</source>
        <translation>关于 closelab(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <location line="+91"/>
        <location line="+6"/>
        <source>At %1</source>
        <translation>位于 %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open scenario</source>
        <translation>打开场景</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scenario files (*.json);;All files (*)</source>
        <translation>场景文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import sysctl.conf</source>
        <translation>导入 sysctl.conf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sysctl files (*.conf);;All files (*)</source>
        <translation>sysctl 文件 (*.conf);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：“%2”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Imported every setting.</source>
        <translation>已导入全部设置。</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+2"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>About closelab</source>
        <translation>关于 closelab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;%3&lt;/p&gt;&lt;p&gt;How Linux closes TCP connections: the four-way close, TIME_WAIT and CLOSE_WAIT, and the kernel options around them, simulated step by step and under load.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;%3&lt;/p&gt;&lt;p&gt;Linux 如何关闭 TCP 连接：四次挥手、TIME_WAIT 和 CLOSE_WAIT，以及与之相关的内核参数，逐步演示并在负载下模拟。&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>%Ln connection attempt(s), none failed</source>
        <translation>
            <numerusform>尝试连接 %Ln 次，全部成功</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln connection attempt(s), %L1 failed</source>
        <translation>
            <numerusform>尝试连接 %Ln 次，%L1 次失败</numerusform>
        </translation>
    </message>
    <message>
        <location line="-978"/>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <location line="+723"/>
        <source>Segment &amp;labels</source>
        <translation>报文段标签(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Flags only</source>
        <translation>仅显示标志位(&amp;F)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flags and &amp;seq/ack/len</source>
        <translation>标志位和 seq/ack/len(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flags, seq/ack/len and &amp;options (TSval, TSecr, window)</source>
        <translation>标志位、seq/ack/len 和选项（TSval、TSecr、窗口）(&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;More or less detail</source>
        <translation>切换详细程度(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Absolute sequence numbers</source>
        <translation>绝对序列号(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show seq and ack as on the wire instead of relative to each side&apos;s initial sequence number</source>
        <translation>按线路上的原值显示序列号和确认号，而不是相对于各方初始序列号的值</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Before this, at %1: %2</source>
        <translation>在此之前，%1：%2</translation>
    </message>
    <message>
        <location line="+183"/>
        <source>&lt;b&gt;%1&lt;/b&gt; is already in effect.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 已经生效。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;With %1:&lt;/b&gt;</source>
        <translation>&lt;b&gt;设置 %1 之后：&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the run tells the same story.</source>
        <translation>运行过程没有变化。</translation>
    </message>
    <message>
        <location line="-411"/>
        <source>Ctrl+4</source>
        <translation>Ctrl+4</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Questions the simulator grades, a mock interview, your progress</source>
        <translation>由模拟器判分的题目、模拟面试和你的进度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ractice</source>
        <translation>练习(&amp;R)</translation>
    </message>
</context>
<context>
    <name>closelab::widgets::OptionEditor</name>
    <message>
        <location filename="../src/widgets/option_editor.cpp" line="+166"/>
        <source>&amp;Kernel:</source>
        <translation>内核(&amp;K)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kernel version whose defaults and options the hosts use</source>
        <translation>各主机所用默认值和选项对应的内核版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find an option</source>
        <translation>查找选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reset</source>
        <translation>复位(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the selected option back to the kernel&apos;s default</source>
        <translation>把选中的选项恢复为内核默认值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset &amp;all</source>
        <translation>全部复位(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put every option back to the kernel&apos;s default</source>
        <translation>把所有选项恢复为内核默认值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import sysctl.conf…</source>
        <translation>导入 sysctl.conf(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read net.ipv4 settings from a sysctl.conf file</source>
        <translation>从 sysctl.conf 文件读取 net.ipv4 设置</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Default: %1</source>
        <translation>默认值：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select an option to read what it really does.</source>
        <translation>选中一个选项，查看它实际的作用。</translation>
    </message>
</context>
<context>
    <name>closelab::widgets::PlaybackBar</name>
    <message>
        <location filename="../src/widgets/playback_bar.cpp" line="+106"/>
        <source>Drag to move through the whole run</source>
        <translation>拖动以浏览整个运行过程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Speed:</source>
        <translation>速度(&amp;S)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Playback speed. 1× plays about two steps of the diagram per second of wall time. The time axis is compressed (idle stretches are cut short, microsecond gaps stretched), so a second of wall time shows anything from microseconds to tens of seconds of simulated time; the time beside the slider is the simulated time.</source>
        <translation>播放速度。1× 表示每秒真实时间播放时序图上约两步。时间轴经过压缩（空闲的长时段被截短，微秒级的间隔被拉长），所以一秒真实时间对应的模拟时间可能是几微秒，也可能是几十秒；滑块旁显示的是模拟时间。</translation>
    </message>
</context>
<context>
    <name>closelab::widgets::PortRangeEditor</name>
    <message>
        <location filename="../src/widgets/port_range_editor.cpp" line="+61"/>
        <source>Lowest ephemeral port</source>
        <translation>最小临时端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highest ephemeral port</source>
        <translation>最大临时端口</translation>
    </message>
</context>
<context>
    <name>closelab::widgets::PracticePanel</name>
    <message>
        <location filename="../src/widgets/practice_panel.cpp" line="+449"/>
        <source>There is no question on these topics yet.</source>
        <translation>这些主题下还没有题目。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No review is due. Come back tomorrow, or practise a topic.</source>
        <translation>现在没有到期的复习。明天再来，或者先练习某个主题。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No mistakes to retry: every question you answered is right now.</source>
        <translation>没有要重做的错题：你答过的题目前都是对的。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The question bank is empty.</source>
        <translation>题库是空的。</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Paused at %1. What happens next is hidden until you answer.</source>
        <translation>已暂停在 %1。接下来发生的事在你作答之前不会显示。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Playing on from %1: the answer on the ladder.</source>
        <translation>从 %1 继续播放：答案就在时序图上。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Answer first: %1</source>
        <translation>请先作答：%1</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Right.</source>
        <translation>答对了。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not right.</source>
        <translation>答错了。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The answer: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>正确答案：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>⚠ You were sure of this one: worth a second look, it is marked in your mistakes.</source>
        <translation>⚠ 你对这道题很有把握：值得再看一遍，它已在错题本中标出。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Why:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Mock interview: %1 of %2 right</source>
        <translation>模拟面试：%2 题答对 %1 题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Practice: %1 of %2 right</source>
        <translation>练习：%2 题答对 %1 题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time: %1 (%2 per question)</source>
        <translation>用时：%1（每题 %2）</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>⚠ %n answer(s) you were sure of were wrong.</source>
        <translation>
            <numerusform>⚠ 有 %n 道很有把握的题答错了。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per topic</source>
        <translation>按主题</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of %2</source>
        <translation>%2 题对 %1 题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To retry</source>
        <translation>要重做的题</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2)</source>
        <extracomment>A question to retry and its topic.</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing to retry.</source>
        <translation>没有要重做的题。</translation>
    </message>
    <message>
        <location line="+155"/>
        <source>Time %1</source>
        <translation>用时 %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Review</source>
        <translation>复习</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retry mistakes</source>
        <translation>重做错题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mock interview</source>
        <translation>模拟面试</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · question %2 of %3 · %4</source>
        <translation>%1 · 第 %2 题，共 %3 题 · %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Grading: running the scenario…</source>
        <translation>判分中：正在运行场景……</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter: next question · S: show me on the ladder · Esc: end</source>
        <translation>Enter：下一题 · S：在时序图上演示 · Esc：结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter: next question · Esc: end</source>
        <translation>Enter：下一题 · Esc：结束</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How sure are you? 1 low · 2 medium · 3 high (Esc: change the answer)</source>
        <translation>你有多大把握？1 低 · 2 中 · 3 高（Esc：修改答案）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1–9 or a–i tick a choice (as many as are right), ↑/↓ and Space work too; Enter answers</source>
        <translation>按 1–9 或 a–i 勾选选项（正确的都要选），也可用 ↑/↓ 和空格；Enter 提交</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1–9 or a–i pick a choice, ↑/↓ move; Enter answers</source>
        <translation>按 1–9 或 a–i 选择，↑/↓ 移动；Enter 提交</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>↑/↓ select, Ctrl+↑/↓ move the segment up or down; Enter answers</source>
        <translation>↑/↓ 选择，Ctrl+↑/↓ 把报文段上移或下移；Enter 提交</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type NAME=VALUE settings separated by spaces. You may change: %1. Enter answers</source>
        <translation>输入以空格分隔的 NAME=VALUE 设置。可以修改的有：%1。Enter 提交</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type the next segment&apos;s flags, e.g. FIN,ACK; Enter answers</source>
        <translation>输入下一个报文段的标志，例如 FIN,ACK；Enter 提交</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the state name, e.g. TIME_WAIT; Enter answers</source>
        <translation>输入状态名，例如 TIME_WAIT；Enter 提交</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the timer, e.g. retransmission; Enter answers</source>
        <translation>输入定时器名称，例如 retransmission；Enter 提交</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a value (unit: %1); Enter answers</source>
        <translation>输入一个值（单位：%1）；Enter 提交</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the answer; Enter answers</source>
        <translation>输入答案；Enter 提交</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Due for review (%1)</source>
        <translation>到期复习（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry my mistakes (%1)</source>
        <translation>重做错题（%1）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Progress is not saved: %1</source>
        <translation>进度不会保存：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress is not saved.</source>
        <translation>进度不会保存。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n answer(s) so far; %1 due for review today.</source>
        <translation>
            <numerusform>目前共作答 %n 次；今天有 %1 题到期复习。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export progress</source>
        <translation>导出进度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Practice: questions the simulator grades</source>
        <translation>练习：由模拟器判分的题目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Practise</source>
        <translation>开始练习</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tick topics with Space; none ticked means all</source>
        <translation>用空格勾选主题；不勾选表示全部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Practise the ticked topics</source>
        <translation>练习勾选的主题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mock interview (%1 questions)</source>
        <translation>模拟面试（%1 题）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weighted towards your weak topics, with the follow-up questions interviewers ask</source>
        <translation>偏重你的薄弱主题，并像面试官那样连续追问</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topics, weakest first</source>
        <translation>各主题，最薄弱的在前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mistakes to retry; ⚠ = you were sure</source>
        <translation>错题本；⚠ = 你曾很有把握</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export as CSV…</source>
        <translation>导出为 CSV……</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every answer, for a teacher&apos;s spreadsheet (Excel, WPS)</source>
        <translation>全部作答记录，供老师用电子表格（Excel、WPS）查看</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How sure are you?</source>
        <translation>你有多大把握？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 Low</source>
        <translation>1 低</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2 Medium</source>
        <translation>2 中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3 High</source>
        <translation>3 高</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer (Enter)</source>
        <translation>提交（Enter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show me on the ladder (S)</source>
        <translation>在时序图上演示（S）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next (Enter)</source>
        <translation>下一题（Enter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End (Esc)</source>
        <translation>结束（Esc）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry my mistakes</source>
        <translation>重做错题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to Practice</source>
        <translation>返回练习</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n question file(s) could not be read and are left out (closelab-cli quiz check names the problems):</source>
        <translation>
            <numerusform>有 %n 个题目文件无法读取，未收录（“closelab-cli quiz check”会指出具体问题）：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>closelab::widgets::PresentationWindow</name>
    <message>
        <location filename="../src/widgets/presentation_window.cpp" line="+229"/>
        <source>Go to beat %1…</source>
        <translation>跳到要点 %1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start: → for the first step</source>
        <translation>开始：按 → 进入第一步</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start: → for beat 1</source>
        <translation>开始：按 → 进入要点 1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Beat %1 of %2</source>
        <translation>要点 %1 / %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1   ·   t = %2   ·   %3</source>
        <translation>%1   ·   t = %2   ·   %3</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>Presentation — %1</source>
        <translation>演示 — %1</translation>
    </message>
</context>
<context>
    <name>closelab::widgets::PresenterView</name>
    <message>
        <location filename="../src/widgets/presenter_view.cpp" line="+115"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This scenario has no lesson beats: each step is one event.</source>
        <translation>该场景没有教学要点：每一步是一个事件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(before the first beat)</source>
        <translation>（第一个要点之前）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(the last beat)</source>
        <translation>（最后一个要点）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Beat %1 of %2</source>
        <translation>要点 %1 / %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Presenter view</source>
        <translation>演讲者视图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speaker notes</source>
        <translation>讲稿备注</translation>
    </message>
</context>
<context>
    <name>closelab::widgets::ScenarioBrowser</name>
    <message>
        <location filename="../src/widgets/scenario_browser.cpp" line="+107"/>
        <source>Pick a scenario to read what it teaches; double-click to load it.</source>
        <translation>选择一个场景查看它讲解的内容；双击即可载入。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Double-click or press Enter to load it.</source>
        <translation>双击或按回车键载入。</translation>
    </message>
</context>
<context>
    <name>closelab::widgets::ShortcutsDialog</name>
    <message>
        <location filename="../src/widgets/shortcuts_dialog.cpp" line="+43"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>closelab::widgets::StatePlot</name>
    <message>
        <location filename="../src/widgets/state_plot.cpp" line="+168"/>
        <source>t = %1 s</source>
        <translation>t = %1 秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %L2</source>
        <translation>%1：%L2</translation>
    </message>
</context>
<context>
    <name>closelab::widgets::TablePanel</name>
    <message>
        <location filename="../src/widgets/table_panel.cpp" line="+191"/>
        <location line="+13"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Filter</source>
        <translation>过滤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only rows that contain every word typed here</source>
        <translation>只显示包含这里输入的全部词语的行</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
</TS>
