// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "chat/tokens.h"
#include "chat/usage.h"
#include "config/config.h"
#include "gating/worstcase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace signalbox;

class CostTest : public QObject {
    Q_OBJECT

private slots:
    void cost_data();
    void cost();
    void tokenEstimate_data();
    void tokenEstimate();
    void requestFeatures();
    void reservedOutput_data();
    void reservedOutput();
    void requestFeaturesOutOfRangeMaxTokens_data();
    void requestFeaturesOutOfRangeMaxTokens();
    void plausibleReport_data();
    void plausibleReport();
    void roundedUsd_data();
    void roundedUsd();
};

void CostTest::cost_data() {
    QTest::addColumn<qint64>("input");
    QTest::addColumn<qint64>("cached");
    QTest::addColumn<qint64>("cacheWrite");
    QTest::addColumn<qint64>("output");
    QTest::addColumn<double>("expected");

    // Prices: input 2.50, output 10.00, cache read 1.25, cache write 3.75 per million tokens.
    // clang-format off
    QTest::newRow("nothing")              << qint64(0)       << qint64(0)      << qint64(0)      << qint64(0)       << 0.0;
    QTest::newRow("one million in")       << qint64(1000000) << qint64(0)      << qint64(0)      << qint64(0)       << 2.50;
    QTest::newRow("one million out")      << qint64(0)       << qint64(0)      << qint64(0)      << qint64(1000000) << 10.0;
    QTest::newRow("cached part of input") << qint64(1000000) << qint64(400000) << qint64(0)      << qint64(0)       << 0.6 * 2.50 + 0.4 * 1.25;
    QTest::newRow("cache write")          << qint64(1000000) << qint64(0)      << qint64(200000) << qint64(0)       << 0.8 * 2.50 + 0.2 * 3.75;
    QTest::newRow("typical request")      << qint64(1200)    << qint64(0)      << qint64(0)      << qint64(350)     << (1200 * 2.50 + 350 * 10.0) / 1e6;
    QTest::newRow("cache beyond prompt")  << qint64(100)     << qint64(300)    << qint64(0)      << qint64(0)       << 300 * 1.25 / 1e6;
    // clang-format on
}

void CostTest::cost() {
    QFETCH(qint64, input);
    QFETCH(qint64, cached);
    QFETCH(qint64, cacheWrite);
    QFETCH(qint64, output);
    QFETCH(double, expected);

    const Price price{2.50, 10.00, 1.25, 3.75};
    Usage usage;
    usage.inputTokens = input;
    usage.cachedTokens = cached;
    usage.cacheWriteTokens = cacheWrite;
    usage.outputTokens = output;
    QVERIFY(qAbs(costUsd(usage, price) - expected) < 1e-12);
}

void CostTest::tokenEstimate_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("empty") << QString() << qint64(0);
    // Expected counts are close to what the cl100k tokenizer gives for the same text.
    QTest::newRow("english") << QStringLiteral("Hello, world! How are you?") << qint64(8);
    QTest::newRow("chinese") << QStringLiteral("你好世界，今天天气很好") << qint64(11);
    QTest::newRow("japanese kana") << QStringLiteral("こんにちは") << qint64(5);
    QTest::newRow("code") << QStringLiteral("for (int i = 0; i < n; ++i) { sum += a[i]; }")
                          << qint64(22);
    QTest::newRow("indented code") << QStringLiteral("if (x) {\n    return 1;\n}\n") << qint64(13);
    QTest::newRow("german") << QStringLiteral("Übersetze bitte die Fehlermeldung") << qint64(7);
    QTest::newRow("long number") << QStringLiteral("1234567") << qint64(3);
    QTest::newRow("emoji") << QStringLiteral("ok \U0001F600") << qint64(3);
}

void CostTest::tokenEstimate() {
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    QCOMPARE(estimateTokens(text), expected);
}

void CostTest::requestFeatures() {
    const QByteArray body =
        R"({"model":"auto","stream":true,"stream_options":{"include_usage":true},
        "max_completion_tokens":300,"response_format":{"type":"json_object"},
        "tools":[{"type":"function","function":{"name":"f","parameters":{}}}],
        "messages":[{"role":"system","content":"Be brief."},
                    {"role":"user","content":[{"type":"text","text":"What is this?"},
                      {"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}}]}]})";
    const ChatRequestFeatures features = analyzeChatRequest(QJsonDocument::fromJson(body).object());
    QCOMPARE(features.turns, 2);
    QVERIFY(features.usesTools);
    QVERIFY(features.hasImages);
    QVERIFY(features.wantsJson);
    QVERIFY(features.stream);
    QVERIFY(features.includeUsage);
    QCOMPARE(features.requestedMaxOutputTokens, qint64(300));
    QVERIFY(features.estimatedInputTokens > 765);
}

void CostTest::reservedOutput_data() {
    QTest::addColumn<qint64>("requestMax");
    QTest::addColumn<qint64>("modelMax");
    QTest::addColumn<double>("reasoningFactor");
    QTest::addColumn<qint64>("expected");

    // The policy default is 4096 output tokens.
    // clang-format off
    QTest::newRow("default")                    << qint64(0)    << qint64(0)     << 0.0 << qint64(4096);
    QTest::newRow("request's own maximum")      << qint64(1000) << qint64(0)     << 0.0 << qint64(1000);
    QTest::newRow("capped by the model")        << qint64(0)    << qint64(2048)  << 0.0 << qint64(2048);
    QTest::newRow("default with reasoning")     << qint64(0)    << qint64(0)     << 3.0 << qint64(4 * 4096);
    QTest::newRow("reasoning capped by model")  << qint64(0)    << qint64(10000) << 3.0 << qint64(10000);
    QTest::newRow("own maximum bounds reasoning") << qint64(1000) << qint64(0)   << 3.0 << qint64(1000);
    QTest::newRow("fractional factor")          << qint64(0)    << qint64(0)     << 0.5 << qint64(6144);
    // clang-format on
}

void CostTest::reservedOutput() {
    QFETCH(qint64, requestMax);
    QFETCH(qint64, modelMax);
    QFETCH(double, reasoningFactor);
    QFETCH(qint64, expected);
    QCOMPARE(reservedOutputTokens(requestMax, modelMax, 4096, reasoningFactor), expected);
}

void CostTest::requestFeaturesOutOfRangeMaxTokens_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("maxOutputTokens");

    // Converting a limit past the range of qint64 is undefined behaviour, so such a limit reads
    // as none.
    QTest::newRow("huge max_tokens") << QByteArray(R"({"max_tokens":1e300})") << qint64(0);
    QTest::newRow("huge negative max_completion_tokens")
        << QByteArray(R"({"max_completion_tokens":-1e300})") << qint64(0);
    QTest::newRow("largest exact max_tokens")
        << QByteArray(R"({"max_tokens":9007199254740992})") << qint64(9007199254740992);
}

void CostTest::requestFeaturesOutOfRangeMaxTokens() {
    QFETCH(QByteArray, body);
    QFETCH(qint64, maxOutputTokens);
    const ChatRequestFeatures features = analyzeChatRequest(QJsonDocument::fromJson(body).object());
    QCOMPARE(features.requestedMaxOutputTokens, maxOutputTokens);
}

void CostTest::plausibleReport_data() {
    QTest::addColumn<qint64>("input");
    QTest::addColumn<qint64>("output");
    QTest::addColumn<qint64>("reasoning");
    QTest::addColumn<bool>("plausible");

    QTest::newRow("one prompt token") << qint64(1) << qint64(0) << qint64(0) << true;
    QTest::newRow("no prompt tokens") << qint64(0) << qint64(5) << qint64(0) << false;
    QTest::newRow("negative output") << qint64(10) << qint64(-1) << qint64(0) << false;
    QTest::newRow("negative reasoning") << qint64(10) << qint64(5) << qint64(-2) << false;
    QTest::newRow("at the cap") << kMaxTokensPerCall << kMaxTokensPerCall << qint64(0) << true;
    QTest::newRow("over the cap") << qint64(10) << kMaxTokensPerCall + 1 << qint64(0) << false;
}

void CostTest::plausibleReport() {
    QFETCH(qint64, input);
    QFETCH(qint64, output);
    QFETCH(qint64, reasoning);
    QFETCH(bool, plausible);
    Usage usage;
    usage.inputTokens = input;
    usage.outputTokens = output;
    usage.reasoningTokens = reasoning;
    QCOMPARE(isPlausibleReport(usage), plausible);
}

void CostTest::roundedUsd_data() {
    QTest::addColumn<double>("amount");
    QTest::addColumn<QByteArray>("json");

    // clang-format off
    QTest::newRow("binary tail")      << 0.00011999999999999999 << QByteArray("0.00012");
    QTest::newRow("sum with a tail")  << 0.1 + 0.2               << QByteArray("0.3");
    QTest::newRow("whole dollars")    << 125.0                   << QByteArray("125");
    QTest::newRow("tiny")             << 3.0000000000000004e-10  << QByteArray("3e-10");
    QTest::newRow("below the step")   << 4e-11                   << QByteArray("0");
    QTest::newRow("sum of 1,000 rows") << 99.9999999999986       << QByteArray("100");
    QTest::newRow("sum of 50,000 rows") << 63.6226950000002      << QByteArray("63.622695");
    QTest::newRow("negative")         << -0.30000000000000004    << QByteArray("-0.3");
    QTest::newRow("large with a tail") << 900000.6000000001      << QByteArray("900000.6");
    QTest::newRow("large, 15 digits") << 1234567.1234567891      << QByteArray("1234567.12345679");
    // clang-format on
}

void CostTest::roundedUsd() {
    QFETCH(double, amount);
    QFETCH(QByteArray, json);

    const QJsonObject object{{QStringLiteral("usd"), signalbox::roundedUsd(amount)}};
    QCOMPARE(QJsonDocument(object).toJson(QJsonDocument::Compact), "{\"usd\":" + json + "}");
}

QTEST_APPLESS_MAIN(CostTest)
#include "tst_cost.moc"
