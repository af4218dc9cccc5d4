// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// Automatic routing: request features, the rules that profile a task, and the ranking of models.
#include "routing/autorouter.h"
#include "routing/classifier.h"
#include "routing/router.h"
#include "routing/taskfeatures.h"
#include "routing/taskrules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace signalbox;

namespace {

QJsonObject message(const QString &role, const QString &content) {
    return {{QLatin1String("role"), role}, {QLatin1String("content"), content}};
}

QJsonObject userBody(const QString &text) {
    return {{QLatin1String("model"), QLatin1String("auto")},
            {QLatin1String("messages"), QJsonArray{message(QStringLiteral("user"), text)}}};
}

RouteInput autoInput(const QJsonObject &body) {
    return routeInputFromRequest(body, {}, {});
}

ModelConfig model(const QString &id, int quality, double input, double output,
                  const QStringList &strengths = {}, const QStringList &capabilities = {}) {
    ModelConfig m;
    m.id = id;
    m.provider = QStringLiteral("p");
    m.upstreamId = id;
    m.price = {input, output, input, input};
    m.contextWindow = 128000;
    m.maxOutputTokens = 16000;
    m.quality = quality;
    m.strengths = strengths;
    m.capabilities = capabilities;
    return m;
}

// Three models on a straight quality-price line, plus one with the "code" strength.
Config scoringConfig(double qualityWeight) {
    Config config;
    config.providers << ProviderConfig{QStringLiteral("p"),
                                       QStringLiteral("openai"),
                                       QStringLiteral("http://127.0.0.1:1/v1"),
                                       false,
                                       {},
                                       {}};
    const QStringList all{QStringLiteral("tools"), QStringLiteral("vision"),
                          QStringLiteral("json")};
    config.models << model(QStringLiteral("small"), 60, 0.1, 0.4, {}, all)
                  << model(QStringLiteral("middle"), 75, 1.0, 4.0, {}, all)
                  << model(QStringLiteral("large"), 90, 10.0, 40.0, {}, all);
    config.routing.autoRouting.qualityWeight = qualityWeight;
    config.routing.autoRouting.minQuality = {0, 0, 0};
    config.routing.fallbackModel = QStringLiteral("small");
    return config;
}

AutoChoice choose(const Config &config, const QJsonObject &body, const StageConfig *stage = nullptr,
                  const std::optional<ClassifierOutcome> &classifier = {}) {
    const RouteInput input = autoInput(body);
    return chooseAutomatically(config, input.features, input.task, stage, classifier);
}

TaskProfile profilePrompt(const QString &prompt) {
    const RouteInput input = autoInput(userBody(prompt));
    return profileTask(input.features, input.task);
}

QString longCodePrompt(int functions) {
    QString text = QStringLiteral("Review this module for bugs:\n```cpp\n");
    for (int i = 0; i < functions; ++i)
        text += QStringLiteral("int f%1(int x) {\n    return x * %1 + 7;\n}\n").arg(i);
    text += QStringLiteral("```\n");
    return text;
}

} // namespace

class AutoRouterTest : public QObject {
    Q_OBJECT

private slots:
    void featuresFindCodeBlocks();
    void featuresGuessUntaggedLanguage();
    void featuresFindErrorTrace();
    void featuresIgnoreKeywordsInCode();
    void featuresMatchCjkKeywords();
    void featuresMatchPhrasesAndInflections();
    void featuresSampleLongMessages();
    void featuresSeeToolResult();
    void featuresSkipMaterialAfterLeadIn();
    void featuresReadPreviousUserMessage();
    void featuresFindErrorLog();
    void featuresCountRequirements_data();
    void featuresCountRequirements();
    void featuresFindChoiceQuestion_data();
    void featuresFindChoiceQuestion();
    void featuresFindCauseAndScope();
    void featuresMatchCompoundWords();
    void featuresFindSubjects_data();
    void featuresFindSubjects();
    void featuresCountSubjectOnce_data();
    void featuresCountSubjectOnce();
    void featuresMatchCjkRulesWithSharedStart();
    void featuresNameErrorTypesInProse();
    void featuresCountCodeLines();
    void featuresReadCodeStructure();
    void featuresCodeStructureIsBounded();

    void rulesCategory_data();
    void rulesCategory();
    void rulesDifficulty_data();
    void rulesDifficulty();
    void rulesNoHitIsUnsure();
    void rulesGreetingInLongMessage();
    void rulesRequiredCapabilities();
    void rulesBuildAndShortRequests();
    void rulesRequestShape_data();
    void rulesRequestShape();
    void rulesUnsureNearBoundary();
    void rulesCodeEvidence_data();
    void rulesCodeEvidence();
    void rulesQuickBeforeLargeBody();
    void rulesUnsureHighWithoutHardWork();
    void rulesUnsureConcurrencyNotHigh();
    void rulesDemandingSubject();
    void rulesRoutineSubjectBeforeLargeBody();

    void weightZeroPicksCheapest();
    void weightOnePicksBest();
    void strengthRaisesScore();
    void minQualityRanksFirst();
    void contextFitExcludes();
    void maxOutputExcludes();
    void capabilitiesExclude();
    void stageAllowedList();
    void candidatesCappedAndOrdered();
    void traceShowsEveryStep();
    void reasoningTokensRaiseExpectedCost();

    void classifierWantedBelowConfidence();
    void classifierNotConfigured();
    void classifierVerdictReplacesProfile();
    void classifierFailureKeepsRules();
    void classifierResponseParsing_data();
    void classifierResponseParsing();
    void classifierRequestIsBounded();
    void classifierCacheKeyAndEviction();
};

void AutoRouterTest::featuresFindCodeBlocks() {
    const TaskFeatures task = analyzeTask(userBody(QStringLiteral(
        "Compare these:\n```py\nprint(1)\n```\nand\n```TypeScript\nlet a: number = 1;\n```\n")));
    QCOMPARE(task.codeBlocks, 2);
    QCOMPARE(task.languages, (QStringList{QStringLiteral("python"), QStringLiteral("typescript")}));
    QVERIFY(task.hasCode());
}

void AutoRouterTest::featuresGuessUntaggedLanguage() {
    const TaskFeatures fenced = analyzeTask(
        userBody(QStringLiteral("What does this do?\n```\n#include <vector>\nint main() {}\n```")));
    QCOMPARE(fenced.languages, QStringList{QStringLiteral("cpp")});

    const TaskFeatures unfenced = analyzeTask(
        userBody(QStringLiteral("def total(items):\n    return sum(items)\nclass Cart:\n    pass\n"
                                "import os\n")));
    QCOMPARE(unfenced.codeBlocks, 0);
    QVERIFY(unfenced.codeLikeLines >= 3);
    QCOMPARE(unfenced.languages, QStringList{QStringLiteral("python")});
}

void AutoRouterTest::featuresFindErrorTrace() {
    const TaskFeatures task =
        analyzeTask(userBody(QStringLiteral("```\nTraceback (most recent call last):\n  File "
                                            "\"app.py\", line 3\nKeyError: 'id'\n```")));
    QVERIFY(task.hasErrorTrace);
    bool debugging = false;
    for (const KeywordHit &hit : task.keywords)
        debugging = debugging || hit.category == TaskCategory::Debugging;
    QVERIFY(debugging);
}

void AutoRouterTest::featuresIgnoreKeywordsInCode() {
    // "button", "summary" and "translate" inside code name identifiers, not the task.
    const TaskFeatures task =
        analyzeTask(userBody(QStringLiteral("```js\nconst button = summary.translate(x);\n```")));
    for (const KeywordHit &hit : task.keywords)
        QVERIFY2(hit.category == TaskCategory::Debugging, qPrintable(hit.keyword));
}

void AutoRouterTest::featuresMatchCjkKeywords() {
    const TaskFeatures chinese = analyzeTask(userBody(QStringLiteral("请帮我翻译这段文字成英文")));
    QCOMPARE(chinese.keywords.size(), 1);
    QCOMPARE(chinese.keywords.first().category, TaskCategory::Summarize);

    const TaskFeatures japanese =
        analyzeTask(userBody(QStringLiteral("このボタンを中央揃えにしたい")));
    QVERIFY(!japanese.keywords.isEmpty());
    QCOMPARE(japanese.keywords.first().category, TaskCategory::Ui);
}

void AutoRouterTest::featuresMatchPhrasesAndInflections() {
    const TaskFeatures task = analyzeTask(
        userBody(QStringLiteral("The app crashes and the login doesn't work. Summarizing: bad.")));
    QStringList keywords;
    for (const KeywordHit &hit : task.keywords)
        keywords << hit.keyword;
    QVERIFY2(keywords.contains(QStringLiteral("crashes")), qPrintable(keywords.join(u',')));
    QVERIFY2(keywords.contains(QStringLiteral("doesn't work")), qPrintable(keywords.join(u',')));
    QVERIFY2(keywords.contains(QStringLiteral("summarizing")), qPrintable(keywords.join(u',')));
    // Whole words only: "this" contains "hi", "prefix" contains "fix".
    const TaskFeatures none = analyzeTask(userBody(QStringLiteral("this prefix")));
    QVERIFY(none.keywords.isEmpty());
}

void AutoRouterTest::featuresSampleLongMessages() {
    QString text = QStringLiteral("Please refactor the parser below.\n");
    text += QString(50000, QLatin1Char('x')) + QStringLiteral(" translate ");
    text += QString(50000, QLatin1Char('y')) + QStringLiteral("\nKeep the tests green.");
    const TaskFeatures task = analyzeTask(userBody(text));
    QVERIFY(task.scannedChars < 7000);
    QStringList keywords;
    for (const KeywordHit &hit : task.keywords)
        keywords << hit.keyword;
    QVERIFY(keywords.contains(QStringLiteral("refactor")));
    QVERIFY(keywords.contains(QStringLiteral("tests")));
    QVERIFY(!keywords.contains(QStringLiteral("translate"))); // in the unscanned middle
}

void AutoRouterTest::featuresSeeToolResult() {
    QJsonObject body = userBody(QStringLiteral("Run the tests"));
    QJsonArray messages = body.value(QLatin1String("messages")).toArray();
    messages.append(QJsonObject{{QLatin1String("role"), QLatin1String("tool")},
                                {QLatin1String("tool_call_id"), QLatin1String("c1")},
                                {QLatin1String("content"),
                                 QLatin1String("FAILED test_login - AssertionError: 401 != 200")}});
    body.insert(QLatin1String("messages"), messages);
    const TaskFeatures task = analyzeTask(body);
    QVERIFY(task.lastMessageIsToolResult);
    QVERIFY(task.hasErrorTrace);
}

void AutoRouterTest::featuresSkipMaterialAfterLeadIn() {
    // The crash and the stack trace are what the commit message is about, not the task.
    const TaskFeatures task = analyzeTask(userBody(QStringLiteral(
        "Write a commit message for this diff:\n```diff\n-    raise ValueError('crash')\n"
        "+    return None\n```")));
    QVERIFY(task.materialSkipped);
    QVERIFY(!task.hasErrorTrace);
    for (const KeywordHit &hit : task.keywords)
        QVERIFY2(hit.category != TaskCategory::Debugging, qPrintable(hit.keyword));

    // The system prompt's keywords neither trigger the skip nor hide the lead-in's.
    QJsonObject withSystem = userBody(QStringLiteral("Summarize this: the app crashes on start."));
    QJsonArray messages = withSystem.value(QLatin1String("messages")).toArray();
    messages.prepend(message(QStringLiteral("system"), QStringLiteral("You summarize text.")));
    withSystem.insert(QLatin1String("messages"), messages);
    QVERIFY(analyzeTask(withSystem).materialSkipped);
    QJsonObject reviewer = userBody(QStringLiteral("Fix this: the app crashes on start."));
    messages = reviewer.value(QLatin1String("messages")).toArray();
    messages.prepend(message(QStringLiteral("system"), QStringLiteral("You summarize text.")));
    reviewer.insert(QLatin1String("messages"), messages);
    QVERIFY(!analyzeTask(reviewer).materialSkipped);

    // Without a text task in the lead-in, the whole message is read.
    const TaskFeatures plain = analyzeTask(userBody(QStringLiteral("Why this error:\ncrash")));
    QVERIFY(!plain.materialSkipped);
}

void AutoRouterTest::featuresReadPreviousUserMessage() {
    QJsonObject body = userBody(QStringLiteral("Write a Python function that parses dates."));
    QJsonArray messages = body.value(QLatin1String("messages")).toArray();
    messages.append(message(QStringLiteral("assistant"), QStringLiteral("def parse(s): ...")));
    messages.append(message(QStringLiteral("user"), QStringLiteral("Now make it async.")));
    body.insert(QLatin1String("messages"), messages);

    const TaskFeatures task = analyzeTask(body);
    QCOMPARE(task.userMessages, 2);
    bool found = false;
    for (const KeywordHit &hit : task.keywords) {
        if (hit.keyword == QLatin1String("write a function"))
            found = true;
        if (hit.keyword == QLatin1String("function"))
            QCOMPARE(hit.weight, 0.25); // half weight from the earlier message
    }
    QVERIFY(!found); // "Write a Python function" is not the phrase "write a function"
    QVERIFY(task.buildRequest);
}

void AutoRouterTest::featuresFindErrorLog() {
    const TaskFeatures log = analyzeTask(
        userBody(QStringLiteral("What happened?\n```\n03:06:41 ERROR db pool exhausted\n```")));
    QVERIFY(log.hasErrorLog);
    const TaskFeatures prose =
        analyzeTask(userBody(QStringLiteral("How should errors be shown to users?")));
    QVERIFY(!prose.hasErrorLog);
}

void AutoRouterTest::featuresCountRequirements_data() {
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<int>("asks");

    // clang-format off
    QTest::newRow("one thing") << "Center this div." << 0;
    QTest::newRow("english list") << "Support tokens, theming, accessible primitives and a migration path." << 3;
    QTest::newRow("number is no separator") << "We get 1,200 requests per minute." << 0;
    QTest::newRow("german") << "Doppelbuchungen ausschließen, Kalender synchronisieren und DSGVO einhalten." << 2;
    QTest::newRow("chinese") << "包括连接层、消息路由、离线消息存储和多机房容灾。" << 3;
    QTest::newRow("list lines") << "Requirements:\n- fast\n- small\n1. cheap" << 3;
    QTest::newRow("second question") << "What breaks first? What would you change?" << 1;
    QTest::newRow("code is no requirement") << "Fix this:\n```js\nf(a, b, c);\n```" << 0;
    QTest::newRow("inline code is no requirement") << "Why does `f(a, b, c)` fail" << 0;
    // clang-format on
}

void AutoRouterTest::featuresCountRequirements() {
    QFETCH(QString, prompt);
    QFETCH(int, asks);
    QCOMPARE(analyzeTask(userBody(prompt)).asks, asks);
}

void AutoRouterTest::featuresFindChoiceQuestion_data() {
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<bool>("choice");

    // clang-format off
    QTest::newRow("or") << "Monorepo or polyrepo for six services?" << true;
    QTest::newRow("vs") << "gRPC vs REST between our services?" << true;
    QTest::newRow("german") << "Nehmen wir Kafka oder RabbitMQ?" << true;
    QTest::newRow("chinese") << "消息队列选 Kafka 还是 RabbitMQ？" << true;
    QTest::newRow("quantities") << "Which is bigger, 2^100 or 10^30?" << false;
    QTest::newRow("negation") << "Can you see if it is settled twice or not?" << false;
    QTest::newRow("statement") << "Use Kafka or RabbitMQ." << false;
    // clang-format on
}

void AutoRouterTest::featuresFindChoiceQuestion() {
    QFETCH(QString, prompt);
    QFETCH(bool, choice);
    QCOMPARE(analyzeTask(userBody(prompt)).choiceQuestion, choice);
}

void AutoRouterTest::featuresFindCauseAndScope() {
    for (const char *prompt : {"Why does the build fail on CI?", "Warum bricht der Export ab?",
                               "为什么接口返回 415？", "¿Por qué devuelve 415?"}) {
        const TaskFeatures task = analyzeTask(userBody(QString::fromUtf8(prompt)));
        QVERIFY2(task.causeQuestion, prompt);
    }
    QVERIFY(!analyzeTask(userBody(QStringLiteral("Add a dark mode toggle."))).causeQuestion);

    for (const char *prompt : {"Write docstrings for every function.",
                               "Extrahiere alle Termine als Tabelle.", "翻译所有注释。"}) {
        const TaskFeatures task = analyzeTask(userBody(QString::fromUtf8(prompt)));
        QVERIFY2(task.broadScope, prompt);
    }
    QVERIFY(!analyzeTask(userBody(QStringLiteral("Summarize this email."))).broadScope);
}

void AutoRouterTest::featuresMatchCompoundWords() {
    const auto keywords = [](const QString &prompt) {
        QStringList found;
        for (const KeywordHit &hit : analyzeTask(userBody(prompt)).keywords)
            found << hit.keyword;
        return found;
    };
    // The tail of a German compound and the leading pair of a hyphenated word.
    QVERIFY(keywords(QStringLiteral("Welche Migrationsstrategie?"))
                .contains(QStringLiteral("strategie")));
    QVERIFY(
        analyzeTask(userBody(QStringLiteral("Wie sichern wir die Datenkonsistenz?"))).hardMarkers >
        0);
    QVERIFY(analyzeTask(userBody(QStringLiteral("Wie bekommen wir exactly-once-Verhalten hin?")))
                .hardMarkers > 0);
    // A build verb inside another word is not a request to build: "beschreibe" is "describe".
    QVERIFY(!analyzeTask(userBody(QStringLiteral("Beschreibe kurz den Ablauf."))).buildRequest);
}

void AutoRouterTest::featuresFindSubjects_data() {
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<bool>("hard");
    QTest::addColumn<bool>("easy");

    // clang-format off
    QTest::newRow("seqlock") << "How does a seqlock stay correct when the reader races the writer?" << true << false;
    QTest::newRow("isolation level") << "Which isolation level prevents write skew in Postgres?" << true << false;
    QTest::newRow("german compound") << "Welche Isolationsstufe brauchen wir für die Buchungen?" << true << false;
    QTest::newRow("chinese") << "这个队列改成无锁实现，每个原子操作的内存序怎么选？" << true << false;
    QTest::newRow("japanese") << "この型推論のアルゴリズムを説明してください。" << true << false;
    QTest::newRow("french") << "Quel niveau d'isolation des transactions faut-il ici ?" << true << false;
    QTest::newRow("boilerplate") << "Generate the boilerplate for a new Express app." << false << true;
    QTest::newRow("just list") << "Just list the failed tasks of this run." << false << true;
    QTest::newRow("chinese typo") << "帮我检查这段文字有没有拼写错误。" << false << true;
    QTest::newRow("neither") << "Add a dark mode toggle to the settings page." << false << false;
    // A short English term at the end of a German compound is not a subject.
    QTest::newRow("compound tail") << "Wie steigern wir die Aussagekraft der Metriken?" << false << false;
    QTest::newRow("hyphenated") << "Wie groß sollte unser Raft-Cluster sein?" << true << false;
    QTest::newRow("raft protocol") << "How does a Raft leader step down after a partition?" << true << false;
    // The English word is not the protocol.
    QTest::newRow("raft, the word") << "Here is a raft of small fixes; write the changelog." << false << false;
    QTest::newRow("raft, the name") << "How does Raft guarantee that a new leader has every entry?" << true << false;
    QTest::newRow("hyphenated phrase") << "Wie lange dauert ein Raft-Leader-Wechsel?" << true << false;
    // An abbreviation counts only as written: "WAL" is the log, "Wales" and "Wal" are not.
    QTest::newRow("abbreviation") << "Why does the WAL grow without bound?" << true << false;
    QTest::newRow("a country") << "Write a SQL query that lists customers from Wales." << false << false;
    QTest::newRow("a german school exam") << "Berechne den Durchschnitt meiner Abi-Noten." << false << false;
    QTest::newRow("everyday phrase") << "Is a Python dict lookup constant-time?" << false << false;
    QTest::newRow("chinese, inside a word") << "帮我写一份加强一致性管理的通知。" << false << false;
    QTest::newRow("chinese, a phone setting") << "怎么关闭手机的无锁屏提示？" << false << false;
    QTest::newRow("abbreviation, plural") << "Why do the WALs grow without bound?" << true << false;
    QTest::newRow("abbreviation, possessive") << "Why does the WAL's size keep growing?" << true << false;
    QTest::newRow("name in capitals") << "HOW DOES RAFT ELECT A NEW LEADER?" << true << false;
    // "İ" lower-cases to two characters with QString::toLower(), which shifted every offset.
    QTest::newRow("after a dotted capital I") << "İstanbul team: why does the WAL grow?" << true << false;
    QTest::newRow("negation of something else") << "Why not just list the files?" << false << true;
    QTest::newRow("negation after a comma") << "Not sure, just list the files." << false << true;
    QTest::newRow("should not just list") << "You shouldn't just list the options: compare them." << false << false;
    QTest::newRow("rather than just list") << "Rather than just list the risks, rank them." << false << false;
    QTest::newRow("memory order constant") << "Is memory_order_seq_cst needed on this store?" << true << false;
    QTest::newRow("chinese history") << "拜占庭帝国是哪一年灭亡的？" << false << false;
    QTest::newRow("french door") << "Écris un poème sur une porte sans verrou." << false << false;
    // "Don't just list" requests more than a list.
    QTest::newRow("negated routine subject") << "Don't just list the options: compare them." << false << false;
    QTest::newRow("chinese, negated routine subject") << "不要只列出选项，比较它们。" << false << false;
    QTest::newRow("chinese, short negation") << "别只列出风险，把它们排序。" << false << false;
    QTest::newRow("chinese, why not just list") << "为什么不只列出文件？" << false << true;
    QTest::newRow("chinese, negation before a comma") << "不确定，只列出文件。" << false << true;
    // A question that repeats the verb around the negation ("要不要") negates nothing.
    QTest::newRow("chinese, a yes-no question") << "要不要只列出失败的任务？" << false << true;
    // "Ignore case and punctuation" is a requirement of other work, not the work itself.
    QTest::newRow("requirement, not the work") << "统计单词出现次数，忽略大小写和标点。" << false << false;
    // clang-format on
}

void AutoRouterTest::featuresCountSubjectOnce_data() {
    QTest::addColumn<QString>("prompt");

    QTest::newRow("phrase and its first word") << "How does Raft log replication stay consistent?";
    QTest::newRow("hyphenated pair and its parts") << "Wie lange dauert ein Raft-Leader-Wechsel?";
}

// A subject named by a phrase counts once, not again for a word of the phrase.
void AutoRouterTest::featuresCountSubjectOnce() {
    QFETCH(QString, prompt);
    const TaskFeatures task = analyzeTask(userBody(prompt));
    QCOMPARE(task.hardSubjects, 1.0);
}

void AutoRouterTest::featuresFindSubjects() {
    QFETCH(QString, prompt);
    QFETCH(bool, hard);
    QFETCH(bool, easy);
    const TaskFeatures task = analyzeTask(userBody(prompt));
    QCOMPARE(task.hardSubjects > 0, hard);
    QCOMPARE(task.easySubjects > 0, easy);
}

void AutoRouterTest::featuresMatchCjkRulesWithSharedStart() {
    // "内存模型" and "内存序" start with the same character; both are found, each once.
    const TaskFeatures both =
        analyzeTask(userBody(QStringLiteral("内存序和内存模型有什么关系？再说一次内存序。")));
    QCOMPARE(both.hardSubjects, 2.0);
    // A rule at the very end of the text is found too.
    QCOMPARE(analyzeTask(userBody(QStringLiteral("请解释内存屏障"))).hardSubjects, 1.0);
}

void AutoRouterTest::featuresNameErrorTypesInProse() {
    const TaskFeatures prose = analyzeTask(userBody(
        QStringLiteral("Python says ModuleNotFoundError although requests is installed.")));
    QVERIFY(prose.hasErrorTrace);
    // In code, names ending in "error" are identifiers, not a reported error.
    const TaskFeatures code = analyzeTask(
        userBody(QStringLiteral("Review this:\n```cpp\nvoid handleUpstreamError();\n```")));
    QVERIFY(!code.hasErrorTrace);
}

void AutoRouterTest::featuresCountCodeLines() {
    const TaskFeatures task = analyzeTask(
        userBody(QStringLiteral("Look:\n```py\na = 1\nb = 2\nc = 3\n```\nand\n```\nx\n```")));
    QCOMPARE(task.codeBlocks, 2);
    QCOMPARE(task.codeLines, 4);
    QCOMPARE(analyzeTask(userBody(longCodePrompt(100))).codeLines, 300);
}

void AutoRouterTest::featuresReadCodeStructure() {
    const TaskFeatures task = analyzeTask(userBody(QStringLiteral(
        "Why does this hang?\n```go\n// worker/pool.go\nfunc (p *Pool) Run() {\n"
        "    var mu sync.Mutex\n    var wg sync.WaitGroup\n    go func() { mu.Lock() }()\n}\n"
        "```\n```go\n// worker/job.go\ntype Job struct {\n    ID int\n}\n"
        "func (j Job) Key() string {\n    return fmt.Sprint(j.ID)\n}\n```")));
    QCOMPARE(task.codeDefinitions, 2); // Run and Key, but not the struct declared with "type"
    QCOMPARE(task.codeFiles, 2);
    QCOMPARE(task.concurrencyInCode, 4); // mutex, waitgroup, go func, lock()

    // Control flow at the left margin and calls are not definitions. A comment with prose is no
    // file header.
    const TaskFeatures plain = analyzeTask(userBody(
        QStringLiteral("Review:\n```c\nif (ready) {\n}\nfor (;;) {\n}\n// see the notes.txt file\n"
                       "run(1);\n```")));
    QCOMPARE(plain.codeDefinitions, 0);
    QCOMPARE(plain.codeFiles, 0);
    QCOMPARE(plain.concurrencyInCode, 0);
}

void AutoRouterTest::featuresCodeStructureIsBounded() {
    // 2000 three-line definitions, of which only those in the first kStructureChars characters
    // of code count.
    const TaskFeatures task = analyzeTask(userBody(longCodePrompt(2000)));
    QCOMPARE(task.codeLines, 6000);
    QVERIFY2(task.codeDefinitions > 100, qPrintable(QString::number(task.codeDefinitions)));
    QVERIFY2(task.codeDefinitions < 2000, qPrintable(QString::number(task.codeDefinitions)));
}

void AutoRouterTest::rulesCategory_data() {
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("category");

    // clang-format off
    QTest::newRow("architecture") << "How should I structure the module boundaries of a plugin system? What are the trade-offs?" << "architecture";
    QTest::newRow("math") << "Prove that the sum of the first n odd numbers is n squared." << "reasoning";
    QTest::newRow("debugging") << "The app crashes with a segfault when I close the window." << "debugging";
    QTest::newRow("code") << "Write a function that parses ISO dates and add unit tests." << "code";
    QTest::newRow("ui") << "Make the navbar sticky and add more padding to the buttons." << "ui";
    QTest::newRow("summary") << "Summarize this meeting transcript in five bullet points." << "summarize";
    QTest::newRow("chat") << "hey, thanks a lot!" << "chat";
    QTest::newRow("german debugging") << "Die Anwendung stürzt beim Start ab, die Fehlermeldung ist leer." << "debugging";
    QTest::newRow("german translate") << "Übersetze bitte diesen Absatz ins Englische." << "summarize";
    QTest::newRow("chinese architecture") << "我们的系统应该如何做微服务拆分？请说明架构上的权衡。" << "architecture";
    QTest::newRow("chinese ui") << "把这个按钮居中，并调整一下字体大小" << "ui";
    QTest::newRow("choice question") << "Monorepo or polyrepo for six services and two frontends?" << "architecture";
    QTest::newRow("decision question") << "Sollten wir für unser neues Projekt GraphQL nehmen? Das Team kennt nur REST." << "architecture";
    QTest::newRow("cause question") << "Meine Container erreichen sich nicht. Warum funktioniert das nicht?" << "debugging";
    // clang-format on
}

void AutoRouterTest::rulesCategory() {
    QFETCH(QString, prompt);
    QFETCH(QString, category);
    const RouteInput input = autoInput(userBody(prompt));
    const TaskProfile profile = profileTask(input.features, input.task);
    QCOMPARE(taskCategoryName(profile.category), category);
    QVERIFY2(profile.confidence >= 0.6, qPrintable(profile.ruleHits.join(u'\n')));
}

void AutoRouterTest::rulesDifficulty_data() {
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("difficulty");

    // clang-format off
    QTest::newRow("greeting") << "hi there" << "low";
    QTest::newRow("typo") << "Fix the typo in this comment: 'recieve'." << "low";
    QTest::newRow("summary") << "Summarize this paragraph in one sentence." << "low";
    QTest::newRow("function") << "Write a function that parses ISO dates." << "low";
    QTest::newRow("function with requirements") << "Write a function that parses ISO dates, accepts week dates, rejects leap seconds and reports the position of the first invalid character." << "medium";
    QTest::newRow("architecture") << "Design the architecture of a multi-tenant billing system." << "high";
    QTest::newRow("hard debugging") << "We see an intermittent deadlock in production under concurrent writes; debug it." << "high";
    // clang-format on
}

void AutoRouterTest::rulesDifficulty() {
    QFETCH(QString, prompt);
    QFETCH(QString, difficulty);
    const RouteInput input = autoInput(userBody(prompt));
    const TaskProfile profile = profileTask(input.features, input.task);
    QCOMPARE(difficultyName(profile.difficulty), difficulty);
}

void AutoRouterTest::rulesNoHitIsUnsure() {
    const RouteInput input = autoInput(userBody(QStringLiteral("Pineapple on the fourth shelf.")));
    const TaskProfile profile = profileTask(input.features, input.task);
    QCOMPARE(profile.confidence, 0.25);
    QCOMPARE(profile.category, TaskCategory::Chat);
}

void AutoRouterTest::rulesGreetingInLongMessage() {
    const QString prompt = QStringLiteral(
        "Hi! I have a strange problem: after the last deploy the checkout page fails for some "
        "users with a 500, and the log shows an exception in the payment client. It only "
        "happens for orders with a coupon and I cannot find why. Any idea where to start?");
    const RouteInput input = autoInput(userBody(prompt));
    const TaskProfile profile = profileTask(input.features, input.task);
    QCOMPARE(profile.category, TaskCategory::Debugging);
}

void AutoRouterTest::rulesRequiredCapabilities() {
    QJsonObject body = userBody(QStringLiteral("Extract the invoice fields."));
    body.insert(QLatin1String("response_format"),
                QJsonObject{{QLatin1String("type"), QLatin1String("json_object")}});
    body.insert(QLatin1String("tools"),
                QJsonArray{QJsonObject{{QLatin1String("type"), QLatin1String("function")}}});
    body.insert(QLatin1String("max_tokens"), 500);
    const RouteInput input = autoInput(body);
    const TaskProfile profile = profileTask(input.features, input.task);
    QCOMPARE(profile.requiredCapabilities,
             (QStringList{QStringLiteral("tools"), QStringLiteral("json")}));
    QCOMPARE(profile.contextTokens, input.features.estimatedInputTokens + 500);
    QCOMPARE(profile.category, TaskCategory::Summarize);
}

void AutoRouterTest::rulesBuildAndShortRequests() {
    const auto points = [](const QString &prompt) {
        const RouteInput input = autoInput(userBody(prompt));
        return profileTask(input.features, input.task).difficultyPoints;
    };
    // A short how-to question is cheaper work than a request to build the same thing.
    const double question = points(QStringLiteral("How do I center a div with flexbox?"));
    const double build = points(QStringLiteral(
        "Build a responsive pricing table with three cards using CSS grid: stacked on mobile, "
        "three columns on desktop."));
    QVERIFY2(question < build, qPrintable(QStringLiteral("%1 %2").arg(question).arg(build)));
    QVERIFY(question < kMediumDifficultyPoints);

    // A short request with a hard marker is not discounted: proofs are short and hard.
    const RouteInput proof =
        autoInput(userBody(QStringLiteral("Prove that every tree with n nodes has n-1 edges.")));
    const TaskProfile profile = profileTask(proof.features, proof.task);
    QVERIFY(!profile.ruleHits.join(u'\n').contains(QLatin1String("short request")));

    // Nor is a small request on code with a hard marker: a short question can be hard.
    const RouteInput locking = autoInput(userBody(
        QStringLiteral("Is this double-checked locking safe under the C++ memory model?\n```cpp\n"
                       "if (!ready) { std::lock_guard g(m); if (!ready) init(); }\n```")));
    const TaskProfile lockingProfile = profileTask(locking.features, locking.task);
    QVERIFY(lockingProfile.ruleHits.join(u'\n').contains(QLatin1String("hard markers")));
    QVERIFY(!lockingProfile.ruleHits.join(u'\n').contains(QLatin1String("small request")));
}

void AutoRouterTest::rulesRequestShape_data() {
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("difficulty");
    QTest::addColumn<QString>("rule");

    // clang-format off
    QTest::newRow("many requirements") << "We need a design system for three React apps: tokens, theming (two brands, light and dark), accessible primitives, and a migration path. How would you approach it?" << "high" << "requirements";
    QTest::newRow("comments of a whole file") << QStringLiteral("Übersetze alle Kommentare in dieser Datei ins Deutsche:\n```cpp\n%1```").arg(QStringLiteral("// Adds one.\nint next(int x) { return x + 1; }\n").repeated(20)) << "medium" << "repeats over many items";
    QTest::newRow("ui structure question") << "网站要支持深色模式，应该怎么组织 CSS 变量和样式？" << "low" << "a cause or a structure";
    QTest::newRow("ui structure, many requirements") << "Our site needs dark mode, two brand themes, a high-contrast mode and print styles. How should we organize the CSS variables and styles?" << "medium" << "a cause or a structure";
    QTest::newRow("why with evidence and a hard marker") << "Two workers claim the same job, a race we see under load. Why?\n```sql\nSELECT id FROM jobs WHERE status = 'queued' LIMIT 1;\n```" << "high" << "asks why, with evidence";
    QTest::newRow("short build request") << "Write a multi-stage Dockerfile for a Go service." << "low" << "asks to build";
    QTest::newRow("small request") << "Write a regex that matches dates like 2024-03-01." << "low" << "small request";
    // clang-format on
}

void AutoRouterTest::rulesRequestShape() {
    QFETCH(QString, prompt);
    QFETCH(QString, difficulty);
    QFETCH(QString, rule);
    const RouteInput input = autoInput(userBody(prompt));
    const TaskProfile profile = profileTask(input.features, input.task);
    const QString hits = profile.ruleHits.join(u'\n');
    QVERIFY2(hits.contains(rule), qPrintable(hits));
    QVERIFY2(difficultyName(profile.difficulty) == difficulty, qPrintable(hits));
}

void AutoRouterTest::rulesUnsureNearBoundary() {
    // Debugging 1.0 + build 0.3 + hard marker 0.25 sum to 1.55 points: 0.05 below high.
    const auto profileOf = [](const QString &prompt) {
        const RouteInput input = autoInput(userBody(prompt));
        return profileTask(input.features, input.task);
    };
    const TaskProfile near = profileOf(QStringLiteral("Write a fix for this flaky test."));
    const double distance = std::min(std::abs(near.difficultyPoints - kMediumDifficultyPoints),
                                     std::abs(near.difficultyPoints - kHighDifficultyPoints));
    QVERIFY2(distance < 0.1, qPrintable(near.ruleHits.join(u'\n')));
    QVERIFY2(near.confidence < 0.6, qPrintable(near.ruleHits.join(u'\n')));
    QVERIFY(near.ruleHits.join(u'\n').contains(QLatin1String("from a boundary")));

    // Far from a boundary, the category's evidence alone sets the confidence.
    const TaskProfile far = profileOf(QStringLiteral("Translate to German: the build failed."));
    QVERIFY2(far.confidence >= 0.8, qPrintable(far.ruleHits.join(u'\n')));
}

void AutoRouterTest::rulesCodeEvidence_data() {
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("rule");

    const QString locks =
        QStringLiteral("This test fails now and then, what is wrong?\n```java\nclass Counter {\n"
                       "    private final ReentrantLock lock = new ReentrantLock();\n"
                       "    void add() { lock.lock(); n++; lock.unlock(); }\n}\n```");
    QString module = QStringLiteral("Review this module:\n```python\n");
    for (int i = 0; i < 6; ++i)
        module += QStringLiteral("def step%1(x):\n    return x + %1\n").arg(i);
    module += QStringLiteral("```");
    QTest::newRow("locks in code") << locks << "concurrency names in the code";
    QTest::newRow("many definitions") << module << "code of 6 definitions";
}

void AutoRouterTest::rulesCodeEvidence() {
    QFETCH(QString, prompt);
    QFETCH(QString, rule);
    const QString hits = profilePrompt(prompt).ruleHits.join(u'\n');
    QVERIFY2(hits.contains(rule), qPrintable(hits));
}

void AutoRouterTest::rulesQuickBeforeLargeBody() {
    // "quick" lowers the difficulty of a short request...
    const TaskProfile small =
        profilePrompt(QStringLiteral("quick question: how do I rename a branch?"));
    QVERIFY2(small.ruleHits.join(u'\n').contains(QLatin1String("difficulty -")),
             qPrintable(small.ruleHits.join(u'\n')));
    // ...but not of a long body of code, where it describes a hope, not the work.
    const TaskProfile large =
        profilePrompt(QStringLiteral("quick question, why does this hang?\n") + longCodePrompt(12));
    const QString hits = large.ruleHits.join(u'\n');
    QVERIFY2(hits.contains(QLatin1String("ignored: the body is large")), qPrintable(hits));
    QVERIFY2(!hits.contains(QLatin1String("difficulty -")), qPrintable(hits));
}

void AutoRouterTest::rulesUnsureHighWithoutHardWork() {
    // High from the category and a list of requirements alone: one author's high, another's
    // medium, so the confidence is lowered.
    const TaskProfile listed = profilePrompt(QStringLiteral(
        "Design the architecture of our booking app: clubs, courts, prices, bookings, "
        "cancellations and invoices."));
    QCOMPARE(listed.difficulty, Difficulty::High);
    QVERIFY2(listed.ruleHits.join(u'\n').contains(QLatin1String("high without a sign")),
             qPrintable(listed.ruleHits.join(u'\n')));

    // The same with a hard marker keeps its confidence.
    const TaskProfile hard = profilePrompt(QStringLiteral(
        "Design the architecture of our multi-tenant booking app: clubs, courts, prices, "
        "bookings, cancellations and invoices."));
    QCOMPARE(hard.difficulty, Difficulty::High);
    QVERIFY2(!hard.ruleHits.join(u'\n').contains(QLatin1String("high without a sign")),
             qPrintable(hard.ruleHits.join(u'\n')));
    QVERIFY2(hard.confidence > listed.confidence,
             qPrintable(QStringLiteral("%1 %2").arg(hard.confidence).arg(listed.confidence)));
}

void AutoRouterTest::rulesUnsureConcurrencyNotHigh() {
    const TaskProfile profile =
        profilePrompt(QStringLiteral("Rename the field in this struct:\n```rust\nstruct Shared {\n"
                                     "    inner: Mutex<Vec<u8>>,\n}\n```"));
    const QString hits = profile.ruleHits.join(u'\n');
    QVERIFY2(profile.difficulty != Difficulty::High, qPrintable(hits));
    QVERIFY2(hits.contains(QLatin1String("concurrency in the code, not high")), qPrintable(hits));
}

void AutoRouterTest::rulesDemandingSubject() {
    // A short request to build something small is low work, unless its subject is demanding.
    const TaskProfile parser =
        profilePrompt(QStringLiteral("Implement a parser for key=value lines in C++."));
    QCOMPARE(parser.difficulty, Difficulty::Low);

    const TaskProfile seqlock =
        profilePrompt(QStringLiteral("Implement a seqlock for a struct of two ints in C++."));
    const QString hits = seqlock.ruleHits.join(u'\n');
    QVERIFY2(hits.contains(QLatin1String("demanding subjects 1")), qPrintable(hits));
    QVERIFY2(!hits.contains(QLatin1String("small request")), qPrintable(hits));
    QVERIFY2(seqlock.difficulty == Difficulty::High, qPrintable(hits));
}

void AutoRouterTest::rulesRoutineSubjectBeforeLargeBody() {
    QString log = QStringLiteral("```\n");
    for (int i = 0; i < 60; ++i)
        log += QStringLiteral("task :module%1:test PASSED in %1.2s\n").arg(i);
    log += QStringLiteral("task :module7:lint FAILED\ntask :module31:test FAILED\n```");

    // "quick" before a large body is ignored, but "just list the failed tasks" names the work.
    const TaskProfile quick = profilePrompt(QStringLiteral("Quick look at this CI run:\n") + log);
    const TaskProfile list = profilePrompt(
        QStringLiteral("Quick look at this CI run, just list the failed tasks:\n") + log);
    const QString hits = list.ruleHits.join(u'\n');
    QVERIFY2(quick.ruleHits.join(u'\n').contains(QLatin1String("ignored: the body is large")),
             qPrintable(quick.ruleHits.join(u'\n')));
    QVERIFY2(hits.contains(QLatin1String("routine subjects 1")), qPrintable(hits));
    QVERIFY2(list.difficultyPoints < quick.difficultyPoints, qPrintable(hits));
}

void AutoRouterTest::weightZeroPicksCheapest() {
    const AutoChoice choice = choose(scoringConfig(0.0), userBody(QStringLiteral("hello")));
    QCOMPARE(choice.candidates, (QStringList{QStringLiteral("small"), QStringLiteral("middle"),
                                             QStringLiteral("large")}));
    QCOMPARE(choice.scores.first().priceScore, 1.0);
}

void AutoRouterTest::weightOnePicksBest() {
    const AutoChoice choice = choose(scoringConfig(1.0), userBody(QStringLiteral("hello")));
    QCOMPARE(choice.candidates, (QStringList{QStringLiteral("large"), QStringLiteral("middle"),
                                             QStringLiteral("small")}));
    // Quality counts from the floor (0 here) to 100 plus the strength bonus.
    QCOMPARE(choice.scores.first().qualityScore, 90.0 / (100 + kStrengthBonus));
}

void AutoRouterTest::strengthRaisesScore() {
    Config config = scoringConfig(0.5);
    // Two models alike but for the strength: the one strong in code ranks first for code work.
    config.models << model(
        QStringLiteral("coder"), 75, 1.0, 4.0, {QStringLiteral("code")},
        {QStringLiteral("tools"), QStringLiteral("vision"), QStringLiteral("json")});
    const AutoChoice choice =
        choose(config, userBody(QStringLiteral("Refactor this class and add unit tests.")));
    const int coder = choice.candidates.indexOf(QStringLiteral("coder"));
    const int middle = choice.candidates.indexOf(QStringLiteral("middle"));
    QVERIFY(coder >= 0);
    QVERIFY(middle >= 0);
    QVERIFY(coder < middle);
    QVERIFY(choice.scores.at(coder).strengthMatch);
    QVERIFY(choice.scores.at(coder).score > choice.scores.at(middle).score);
}

void AutoRouterTest::minQualityRanksFirst() {
    Config config = scoringConfig(0.0);
    config.routing.autoRouting.minQuality = {0, 70, 85};
    // Architecture is high difficulty: only "large" reaches 85, so the cheapest comes after it.
    const AutoChoice choice = choose(
        config, userBody(QStringLiteral("Design the architecture of a multi-tenant system.")));
    QCOMPARE(choice.profile.difficulty, Difficulty::High);
    QCOMPARE(choice.candidates.first(), QStringLiteral("large"));
    QVERIFY(!choice.scores.at(1).meetsFloor);
    QCOMPARE(choice.candidates.size(), 3);
}

void AutoRouterTest::contextFitExcludes() {
    Config config = scoringConfig(0.0);
    config.models[0].contextWindow = 2000;
    const AutoChoice choice = choose(config, userBody(longCodePrompt(200)));
    QVERIFY(!choice.candidates.contains(QStringLiteral("small")));
    QVERIFY2(choice.excluded.first().startsWith(QLatin1String("small (context 2000 <")),
             qPrintable(choice.excluded.join(u',')));
    QCOMPARE(choice.candidates.first(), QStringLiteral("middle"));
}

void AutoRouterTest::maxOutputExcludes() {
    Config config = scoringConfig(0.0);
    config.models[0].maxOutputTokens = 1000;
    QJsonObject body = userBody(QStringLiteral("hello"));
    body.insert(QLatin1String("max_tokens"), 4000);
    const AutoChoice choice = choose(config, body);
    QCOMPARE(choice.candidates.first(), QStringLiteral("middle"));
    QVERIFY(choice.excluded.first().contains(QLatin1String("max output 1000 < 4000")));
}

void AutoRouterTest::capabilitiesExclude() {
    Config config = scoringConfig(0.0);
    config.models[0].capabilities = {QStringLiteral("json")};
    config.models[1].capabilities = {QStringLiteral("tools")};
    QJsonObject body = userBody(QStringLiteral("hello"));
    body.insert(QLatin1String("tools"),
                QJsonArray{QJsonObject{{QLatin1String("type"), QLatin1String("function")}}});
    body.insert(QLatin1String("response_format"),
                QJsonObject{{QLatin1String("type"), QLatin1String("json_object")}});
    const AutoChoice choice = choose(config, body);
    QCOMPARE(choice.candidates, QStringList{QStringLiteral("large")});
    QCOMPARE(choice.excluded.size(), 2);
}

void AutoRouterTest::stageAllowedList() {
    Config config = scoringConfig(0.0);
    StageConfig stage{QStringLiteral("review"),
                      QStringLiteral("auto"),
                      {},
                      {QStringLiteral("middle"), QStringLiteral("large")},
                      {}};
    config.stages << stage;
    const AutoChoice choice = choose(config, userBody(QStringLiteral("hello")), &config.stages[0]);
    QCOMPARE(choice.candidates, (QStringList{QStringLiteral("middle"), QStringLiteral("large")}));

    // Through route(): the stage's auto level keeps the global fallback out, as it is not allowed.
    const RouteOutcome outcome = route(config, routeInputFromRequest(userBody(QStringLiteral("hi")),
                                                                     {}, QStringLiteral("review")));
    const RouteDecision decision = std::get<RouteDecision>(outcome);
    QCOMPARE(decision.level, RouteLevel::Auto);
    QCOMPARE(decision.candidates, (QStringList{QStringLiteral("middle"), QStringLiteral("large")}));
}

void AutoRouterTest::candidatesCappedAndOrdered() {
    Config config = scoringConfig(0.6);
    for (int i = 0; i < 5; ++i)
        config.models << model(QStringLiteral("extra%1").arg(i), 70 + i, 0.5 + i, 2.0 + i, {},
                               {QStringLiteral("tools")});
    const AutoChoice choice = choose(config, userBody(QStringLiteral("hello")));
    QCOMPARE(choice.candidates.size(), kMaxAutoCandidates);
    QCOMPARE(choice.scores.size(), 8);
    for (int i = 1; i < choice.scores.size(); ++i)
        QVERIFY(choice.scores[i - 1].score >= choice.scores[i].score);
}

void AutoRouterTest::traceShowsEveryStep() {
    const RouteOutcome outcome =
        route(scoringConfig(0.6),
              autoInput(userBody(QStringLiteral("Prove that sqrt(2) is irrational."))));
    const RouteDecision decision = std::get<RouteDecision>(outcome);
    const QString trace = decision.trace.join(u'\n');
    QVERIFY2(trace.contains(QLatin1String("auto features: about")), qPrintable(trace));
    QVERIFY2(trace.contains(QLatin1String("auto rules: reasoning +2 ('prove')")),
             qPrintable(trace));
    QVERIFY2(trace.contains(QLatin1String("auto classifier: skipped")) ||
                 trace.contains(QLatin1String("auto classifier: not needed")),
             qPrintable(trace));
    QVERIFY2(trace.contains(QLatin1String("auto profile (rules): category reasoning")),
             qPrintable(trace));
    QVERIFY2(trace.contains(QLatin1String("auto scores (0.60 x quality + 0.40 x price): ")),
             qPrintable(trace));
    QVERIFY2(trace.contains(QLatin1String("auto: chose '")), qPrintable(trace));
    QVERIFY(decision.autoChoice.has_value());
}

// Medium work by the rules: a function with several requirements.
const QString kFunctionWithRequirements =
    QStringLiteral("Write a function that parses ISO dates, accepts week dates, rejects leap "
                   "seconds and reports the position of the first invalid character.");

void AutoRouterTest::reasoningTokensRaiseExpectedCost() {
    Config config = scoringConfig(0.5);
    // A reasoning model alike the "middle" one in quality and list price, listed first so that
    // it would win the tie if its hidden reasoning tokens were not counted.
    ModelConfig reasoner =
        model(QStringLiteral("reasoner"), 75, 1.0, 4.0, {},
              {QStringLiteral("tools"), QStringLiteral("vision"), QStringLiteral("json")});
    reasoner.reasoningOutputFactor = 3;
    config.models.prepend(reasoner);

    const RouteOutcome outcome = route(config, autoInput(userBody(kFunctionWithRequirements)));
    const RouteDecision decision = std::get<RouteDecision>(outcome);
    const AutoChoice &choice = *decision.autoChoice;
    QCOMPARE(choice.profile.difficulty, Difficulty::Medium);
    const int reasonerAt = choice.candidates.indexOf(QStringLiteral("reasoner"));
    const int middleAt = choice.candidates.indexOf(QStringLiteral("middle"));
    QVERIFY(reasonerAt >= 0);
    QVERIFY(middleAt >= 0);
    QVERIFY(middleAt < reasonerAt);

    // Medium work expects 1200 output tokens, and the reasoner 3 x 1200 hidden ones on top.
    const CandidateScore &scored = choice.scores.at(reasonerAt);
    QCOMPARE(scored.reasoningTokens, qint64(3600));
    const qint64 prompt =
        autoInput(userBody(kFunctionWithRequirements)).features.estimatedInputTokens;
    QVERIFY(qAbs(scored.expectedCostUsd - (prompt * 1.0 + (1200 + 3600) * 4.0) / 1e6) < 1e-12);
    QCOMPARE(choice.scores.at(middleAt).reasoningTokens, qint64(0));

    const QString trace = decision.trace.join(u'\n');
    QVERIFY2(trace.contains(QLatin1String("with 3600 reasoning tokens")), qPrintable(trace));
}

void AutoRouterTest::classifierWantedBelowConfidence() {
    Config config = scoringConfig(0.6);
    config.routing.autoRouting.classifierModel = QStringLiteral("small");
    const QJsonObject body = userBody(QStringLiteral("Pineapple on the fourth shelf."));
    const RouteDecision decision = std::get<RouteDecision>(route(config, autoInput(body)));
    QVERIFY(decision.wantsClassifier());
    QVERIFY(decision.autoChoice->classifierNote.startsWith(QLatin1String("wanted")));

    // A confident profile does not ask.
    const RouteDecision sure = std::get<RouteDecision>(
        route(config, autoInput(userBody(QStringLiteral("Translate this into German: hello")))));
    QVERIFY(!sure.wantsClassifier());
}

void AutoRouterTest::classifierNotConfigured() {
    const AutoChoice choice =
        choose(scoringConfig(0.6), userBody(QStringLiteral("Pineapple on the fourth shelf.")));
    QVERIFY(!choice.wantsClassifier);
    QVERIFY(choice.classifierNote.contains(QLatin1String("classifier_model is not set")));
}

void AutoRouterTest::classifierVerdictReplacesProfile() {
    Config config = scoringConfig(0.6);
    config.routing.autoRouting.classifierModel = QStringLiteral("small");
    config.routing.autoRouting.minQuality = {0, 70, 85};
    ClassifierVerdict verdict;
    verdict.category = TaskCategory::Architecture;
    verdict.difficulty = Difficulty::High;
    verdict.confidence = 0.9;
    verdict.model = QStringLiteral("small");
    const AutoChoice choice =
        choose(config, userBody(QStringLiteral("Pineapple on the fourth shelf.")), nullptr,
               ClassifierOutcome{verdict, QStringLiteral("in 5 ms")});
    QVERIFY(!choice.wantsClassifier);
    QCOMPARE(choice.profile.source, QStringLiteral("classifier"));
    QCOMPARE(choice.profile.category, TaskCategory::Architecture);
    QCOMPARE(choice.profile.difficulty, Difficulty::High);
    QCOMPARE(choice.candidates.first(), QStringLiteral("large"));
    QVERIFY(choice.classifierNote.contains(QLatin1String("answered architecture/high")));
}

void AutoRouterTest::classifierFailureKeepsRules() {
    Config config = scoringConfig(0.6);
    config.routing.autoRouting.classifierModel = QStringLiteral("small");
    const AutoChoice choice =
        choose(config, userBody(QStringLiteral("Pineapple on the fourth shelf.")), nullptr,
               ClassifierOutcome{std::nullopt, QStringLiteral("failed: timed out after 3000 ms")});
    QVERIFY(!choice.wantsClassifier);
    QCOMPARE(choice.profile.source, QStringLiteral("rules"));
    QCOMPARE(choice.classifierNote,
             QStringLiteral("failed: timed out after 3000 ms; the rules' answer stands"));
}

void AutoRouterTest::classifierResponseParsing_data() {
    QTest::addColumn<QString>("content");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("category");
    QTest::addColumn<double>("confidence");

    // clang-format off
    QTest::newRow("plain") << R"({"category":"ui","difficulty":"low","confidence":0.7})" << true << "ui" << 0.7;
    QTest::newRow("fenced") << "```json\n{\"category\":\"Code\",\"difficulty\":\"HIGH\"}\n```" << true << "code" << 0.8;
    QTest::newRow("unknown category") << R"({"category":"poetry","difficulty":"low"})" << false << "" << 0.0;
    QTest::newRow("missing difficulty") << R"({"category":"code"})" << false << "" << 0.0;
    QTest::newRow("not json") << "It is a coding task." << false << "" << 0.0;
    // clang-format on
}

void AutoRouterTest::classifierResponseParsing() {
    QFETCH(QString, content);
    QFETCH(bool, valid);
    QFETCH(QString, category);
    QFETCH(double, confidence);
    const QJsonObject response{
        {QLatin1String("choices"),
         QJsonArray{QJsonObject{
             {QLatin1String("message"), message(QStringLiteral("assistant"), content)}}}}};
    const Result<ClassifierVerdict> verdict =
        parseClassifierResponse(QJsonDocument(response).toJson());
    QCOMPARE(bool(verdict), valid);
    if (!valid)
        return;
    QCOMPARE(taskCategoryName(verdict.value().category), category);
    QCOMPARE(verdict.value().confidence, confidence);
}

void AutoRouterTest::classifierRequestIsBounded() {
    const QJsonObject request = classifierRequest(userBody(longCodePrompt(3000)));
    const RouteInput input = autoInput(request);
    QVERIFY2(input.features.estimatedInputTokens < 1500,
             qPrintable(QString::number(input.features.estimatedInputTokens)));
    QCOMPARE(request.value(QLatin1String("max_tokens")).toInt(), 60);
    QCOMPARE(request.value(QLatin1String("response_format"))
                 .toObject()
                 .value(QLatin1String("type"))
                 .toString(),
             QStringLiteral("json_object"));

    // A classifier model without JSON mode gets the instruction alone.
    const QJsonObject plain = classifierRequest(userBody(QStringLiteral("hi")), false);
    QVERIFY(!plain.contains(QLatin1String("response_format")));
}

void AutoRouterTest::classifierCacheKeyAndEviction() {
    const QJsonObject a = classifierRequest(userBody(QStringLiteral("one")));
    const QJsonObject b = classifierRequest(userBody(QStringLiteral("two")));
    QCOMPARE(classifierCacheKey(QStringLiteral("m"), a),
             classifierCacheKey(QStringLiteral("m"), a));
    QVERIFY(classifierCacheKey(QStringLiteral("m"), a) !=
            classifierCacheKey(QStringLiteral("m"), b));
    QVERIFY(classifierCacheKey(QStringLiteral("m"), a) !=
            classifierCacheKey(QStringLiteral("n"), a));

    ClassifierCache cache(2);
    ClassifierVerdict verdict;
    cache.insert("k1", verdict);
    cache.insert("k2", verdict);
    QVERIFY(cache.find("k1")); // k1 is now the most recently used
    cache.insert("k3", verdict);
    QCOMPARE(cache.size(), 2);
    QVERIFY(cache.find("k1"));
    QVERIFY(!cache.find("k2"));
    QVERIFY(cache.find("k3"));
}

QTEST_APPLESS_MAIN(AutoRouterTest)
#include "tst_autorouter.moc"
