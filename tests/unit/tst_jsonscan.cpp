// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "providers/jsonscan.h"
#include "providers/openaiwire.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace signalbox;

namespace {

// Returns the text of the value of `key` the scan found, or "<absent>", or "<unsure>" when
// the scan returned nothing.
QByteArray scannedValue(const QByteArray &json, const QByteArray &key) {
    const std::optional<jsonscan::ObjectScan> scan = jsonscan::scanObject(json, {key});
    if (!scan)
        return "<unsure>";
    if (!scan->values[0].found())
        return "<absent>";
    return scan->values[0].in(json).toByteArray();
}

QByteArray usageBody(const QByteArray &before, const QByteArray &after) {
    return before + R"("usage":{"prompt_tokens":11,"completion_tokens":7})" + after;
}

} // namespace

class TestJsonScan : public QObject {
    Q_OBJECT

private slots:
    void findsTopLevelValue_data();
    void findsTopLevelValue();
    void rejectsOrDefers_data();
    void rejectsOrDefers();
    void acceptedTextParses();
    void scanUsage_data();
    void scanUsage();
    void scanUsageMatchesParse_data();
    void scanUsageMatchesParse();
    void scanLeavesErrorsToParse_data();
    void scanLeavesErrorsToParse();
    void spliceMatchesRewrite_data();
    void spliceMatchesRewrite();
    void spliceAddsOutputLimit();
    void spliceKeepsOtherBytes();
    void spliceEscapesModel();
    void rawControlCharacterFound_data();
    void rawControlCharacterFound();
    void rawControlCharacterAbsent_data();
    void rawControlCharacterAbsent();
};

void TestJsonScan::findsTopLevelValue_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("first") << QByteArray(R"({"usage":{"a":1},"id":"x"})")
                           << QByteArray(R"({"a":1})");
    QTest::newRow("last") << QByteArray(R"({"id":"x","usage":{"a":1}})")
                          << QByteArray(R"({"a":1})");
    QTest::newRow("only") << QByteArray(R"({"usage":null})") << QByteArray("null");
    QTest::newRow("whitespace") << QByteArray(" \r\n{ \"usage\" :\t[1, 2] } \n")
                                << QByteArray("[1, 2]");
    QTest::newRow("missing") << QByteArray(R"({"id":"x"})") << QByteArray("<absent>");
    QTest::newRow("empty object") << QByteArray("{}") << QByteArray("<absent>");
    QTest::newRow("nested usage key is not top level")
        << QByteArray(R"({"choices":[{"usage":{"b":2}}],"usage":{"a":1}})")
        << QByteArray(R"({"a":1})");
    QTest::newRow("nested only") << QByteArray(R"({"choices":[{"message":{"usage":{"b":2}}}]})")
                                 << QByteArray("<absent>");
    QTest::newRow("usage inside content string")
        << QByteArray(R"({"content":"\"usage\":{\"a\":9}","usage":{"a":1}})")
        << QByteArray(R"({"a":1})");
    QTest::newRow("escaped quote before key")
        << QByteArray(R"({"content":"say \"hi\", then \\","usage":3})") << QByteArray("3");
    QTest::newRow("braces in strings")
        << QByteArray(R"({"a":"}{][","usage":"}"})") << QByteArray(R"("}")");
    QTest::newRow("unicode escapes")
        << QByteArray(R"({"a":"\u00e9\ud83d\ude00","usage":true})") << QByteArray("true");
    QTest::newRow("raw utf-8") << QByteArray("{\"a\":\"caf\xc3\xa9\",\"usage\":-1.5e+10}")
                               << QByteArray("-1.5e+10");
}

void TestJsonScan::findsTopLevelValue() {
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, expected);
    QCOMPARE(scannedValue(json, "usage"), expected);
}

void TestJsonScan::rejectsOrDefers_data() {
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("array") << QByteArray("[1]");
    QTest::newRow("unterminated string") << QByteArray(R"({"usage":"abc})");
    QTest::newRow("unterminated object") << QByteArray(R"({"usage":1)");
    QTest::newRow("trailing comma") << QByteArray(R"({"usage":1,})");
    QTest::newRow("garbage after") << QByteArray(R"({"usage":1} x)");
    QTest::newRow("two objects") << QByteArray(R"({"usage":1}{})");
    QTest::newRow("single quotes") << QByteArray("{'usage':1}");
    QTest::newRow("leading zero") << QByteArray(R"({"usage":01})");
    QTest::newRow("bare word") << QByteArray(R"({"usage":nul})");
    QTest::newRow("control char in string") << QByteArray("{\"a\":\"x\ny\"}");
    QTest::newRow("nul in string") << QByteArray("{\"a\":\"x\0y\"}", 11);
    QTest::newRow("nul in key") << QByteArray("{\"a\0\":1}", 8);
    QTest::newRow("bad escape") << QByteArray(R"({"a":"\x"})");
    QTest::newRow("short unicode escape") << QByteArray(R"({"a":"\u12"})");
    QTest::newRow("lone high surrogate") << QByteArray(R"({"a":"\ud83d"})");
    QTest::newRow("lone low surrogate") << QByteArray(R"({"a":"\ude00"})");
    QTest::newRow("invalid utf-8") << QByteArray("{\"a\":\"\xff\"}");
    QTest::newRow("escaped key") << QByteArray(R"({"us\u0061ge":1})");
    QTest::newRow("duplicate key") << QByteArray(R"({"usage":1,"usage":2})");
    QTest::newRow("huge exponent") << QByteArray(R"({"a":1e400})");
    QTest::newRow("too deep") << QByteArray(QByteArray("{\"a\":") + QByteArray(300, '[') +
                                            QByteArray(300, ']') + "}");
}

// Each of these texts is invalid or beyond what the scan decides, so it returns nothing.
void TestJsonScan::rejectsOrDefers() {
    QFETCH(QByteArray, json);
    QCOMPARE(scannedValue(json, "usage"), QByteArray("<unsure>"));
}

// Whatever the scan accepts, QJsonDocument must parse into an object with the same member: the
// fast path may never let through a body the full parse would reject.
void TestJsonScan::acceptedTextParses() {
    const QByteArray alphabet = R"({}[]:,"\ -.0123456789eEtrufalsn u)";
    const QList<QByteArray> seeds = {
        R"({"usage":{"prompt_tokens":1},"choices":[{"message":{"content":"hi \"x\""}}]})",
        R"({"a":[true,false,null,-0.5e-3,"\u00e9"],"usage":[]})",
    };
    QRandomGenerator random(20261204);
    int accepted = 0;
    for (int round = 0; round < 20000; ++round) {
        QByteArray json = seeds[round % seeds.size()];
        const int edits = 1 + int(random.bounded(3));
        for (int i = 0; i < edits; ++i) {
            const qsizetype at = random.bounded(int(json.size()));
            const char c = alphabet[random.bounded(int(alphabet.size()))];
            if (random.bounded(2) == 0)
                json[at] = c;
            else
                json.insert(at, c);
        }
        const std::optional<jsonscan::ObjectScan> scan = jsonscan::scanObject(json, {"usage"});
        if (!scan)
            continue;
        ++accepted;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json, &error);
        QVERIFY2(error.error == QJsonParseError::NoError && document.isObject(), json.constData());
        QCOMPARE(document.object().contains(QLatin1String("usage")), scan->values[0].found());
    }
    QVERIFY2(accepted > 100, "too few mutated texts were valid to check anything");
}

void TestJsonScan::scanUsage_data() {
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("usage first") << usageBody("{", R"(,"id":"c1","choices":[]})");
    QTest::newRow("usage last") << usageBody(R"({"id":"c1","choices":[],)", "}");
    QTest::newRow("usage after content naming usage") << usageBody(
        R"({"choices":[{"message":{"content":"\"usage\":{\"prompt_tokens\":99}"}}],)", "}");
}

void TestJsonScan::scanUsage() {
    QFETCH(QByteArray, body);
    const std::optional<ScannedResponse> scanned = openaiwire::scanResponseBody(body);
    QVERIFY(scanned.has_value());
    QVERIFY(scanned->usage.has_value());
    QCOMPARE(scanned->usage->inputTokens, 11);
    QCOMPARE(scanned->usage->outputTokens, 7);

    // The full parse reads the same counts.
    const std::optional<Usage> parsed =
        openaiwire::parseUsage(QJsonDocument::fromJson(body).object());
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->inputTokens, scanned->usage->inputTokens);
    QCOMPARE(parsed->outputTokens, scanned->usage->outputTokens);
}

void TestJsonScan::scanUsageMatchesParse_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("scanned");

    QTest::newRow("details")
        << QByteArray(
               R"({"usage":{"prompt_tokens":100,"completion_tokens":40,"prompt_tokens_details":)"
               R"({"cached_tokens":60,"cache_write_tokens":5},"completion_tokens_details":)"
               R"({"reasoning_tokens":30}}})")
        << true;
    QTest::newRow("deepseek cache hits")
        << QByteArray(R"({"usage":{"prompt_tokens":9,"prompt_cache_hit_tokens":4}})") << true;
    QTest::newRow("details win over cache hits")
        << QByteArray(R"({"usage":{"prompt_tokens_details":{"cached_tokens":2},)"
                      R"("prompt_cache_hit_tokens":4}})")
        << true;
    QTest::newRow("null details")
        << QByteArray(
               R"({"usage":{"prompt_tokens":3,"prompt_tokens_details":null,"completion_tokens":1}})")
        << true;
    QTest::newRow("string count") << QByteArray(R"({"usage":{"prompt_tokens":"7"}})") << true;
    QTest::newRow("negative count") << QByteArray(R"({"usage":{"prompt_tokens":-2}})") << true;
    QTest::newRow("groq") << QByteArray(R"({"x_groq":{"usage":{"prompt_tokens":5}}})") << true;
    QTest::newRow("usage wins over groq")
        << QByteArray(R"({"usage":{"prompt_tokens":1},"x_groq":{"usage":{"prompt_tokens":5}}})")
        << true;
    QTest::newRow("fraction left to parse")
        << QByteArray(R"({"usage":{"prompt_tokens":7.0}})") << false;
    QTest::newRow("exponent left to parse")
        << QByteArray(R"({"usage":{"completion_tokens":1e3}})") << false;
    QTest::newRow("huge count left to parse")
        << QByteArray(R"({"usage":{"prompt_tokens":99999999999999999999}})") << false;
}

// Every count the scan reads equals what parseUsage() reads from the parsed body.
void TestJsonScan::scanUsageMatchesParse() {
    QFETCH(QByteArray, body);
    QFETCH(bool, scanned);
    const std::optional<ScannedResponse> result = openaiwire::scanResponseBody(body);
    QCOMPARE(result.has_value(), scanned);
    if (!result)
        return;

    const std::optional<Usage> parsed =
        openaiwire::parseUsage(QJsonDocument::fromJson(body).object());
    QCOMPARE(result->usage.has_value(), parsed.has_value());
    if (!parsed)
        return;
    QCOMPARE(result->usage->inputTokens, parsed->inputTokens);
    QCOMPARE(result->usage->outputTokens, parsed->outputTokens);
    QCOMPARE(result->usage->cachedTokens, parsed->cachedTokens);
    QCOMPARE(result->usage->cacheWriteTokens, parsed->cacheWriteTokens);
    QCOMPARE(result->usage->reasoningTokens, parsed->reasoningTokens);
}

void TestJsonScan::scanLeavesErrorsToParse_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("scanned");
    QTest::addColumn<bool>("hasUsage");

    QTest::newRow("no usage") << QByteArray(R"({"id":"c1","choices":[]})") << true << false;
    QTest::newRow("usage null") << QByteArray(R"({"usage":null})") << true << false;
    QTest::newRow("groq usage") << QByteArray(R"({"x_groq":{"usage":{"prompt_tokens":3}}})") << true
                                << true;
    QTest::newRow("error null") << QByteArray(R"({"error":null,"usage":{"prompt_tokens":3}})")
                                << true << true;
    QTest::newRow("error object") << QByteArray(R"({"error":{"message":"overloaded"}})") << false
                                  << false;
    QTest::newRow("error string") << QByteArray(R"({"error":"overloaded"})") << false << false;
    QTest::newRow("mistral flat error")
        << QByteArray(R"({"object":"error","message":"bad"})") << false << false;
    QTest::newRow("escaped object name")
        << QByteArray(R"({"object":"\u0065rror","message":"bad"})") << false << false;
    QTest::newRow("completion object")
        << QByteArray(R"({"object":"chat.completion"})") << true << false;
    QTest::newRow("not json") << QByteArray("upstream overloaded") << false << false;
}

void TestJsonScan::scanLeavesErrorsToParse() {
    QFETCH(QByteArray, body);
    QFETCH(bool, scanned);
    QFETCH(bool, hasUsage);
    const std::optional<ScannedResponse> result = openaiwire::scanResponseBody(body);
    QCOMPARE(result.has_value(), scanned);
    if (result)
        QCOMPARE(result->usage.has_value(), hasUsage);
}

void TestJsonScan::spliceMatchesRewrite_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<bool>("spliced");

    const QByteArray chat = R"({"model":"alias","messages":[{"role":"user","content":"hi"}]})";
    QTest::newRow("plain") << chat << false << true;
    QTest::newRow("stream") << chat << true << true;
    QTest::newRow("model last")
        << QByteArray(R"({"messages":[{"role":"user","content":"hi"}], "model" : "alias" })")
        << true << true;
    QTest::newRow("model in content")
        << QByteArray(R"({"messages":[{"role":"user","content":"\"model\":\"x\""}],"model":"a"})")
        << false << true;
    QTest::newRow("stream with options")
        << QByteArray(R"({"model":"a","stream_options":{"x":1},"messages":[]})") << true << false;
    QTest::newRow("options without stream")
        << QByteArray(R"({"model":"a","stream_options":{"x":1},"messages":[]})") << false << true;
    QTest::newRow("no model") << QByteArray(R"({"messages":[]})") << false << false;
    QTest::newRow("model null") << QByteArray(R"({"model":null,"messages":[]})") << true << true;
}

// The splice and the parse-and-rewrite path must produce the same JSON object.
void TestJsonScan::spliceMatchesRewrite() {
    QFETCH(QByteArray, body);
    QFETCH(bool, stream);
    QFETCH(bool, spliced);
    const QString model = QStringLiteral("gpt-4o-mini");

    const std::optional<QByteArray> splice = openaiwire::spliceRequestModel(body, model, stream);
    QCOMPARE(splice.has_value(), spliced);

    const Result<QByteArray> rewritten = openaiwire::rewriteRequestBody(body, model, stream);
    QVERIFY(rewritten.ok());
    QJsonObject expected = QJsonDocument::fromJson(body).object();
    expected.insert(QLatin1String("model"), model);
    if (stream) {
        QJsonObject options = expected.value(QLatin1String("stream_options")).toObject();
        options.insert(QLatin1String("include_usage"), true);
        expected.insert(QLatin1String("stream_options"), options);
    }
    QCOMPARE(QJsonDocument::fromJson(rewritten.value()).object(), expected);
    if (splice)
        QCOMPARE(QJsonDocument::fromJson(*splice).object(), expected);
}

// Numbers, key order and spacing reach the upstream as the client wrote them.
// A request without a limit of its own gets the one the gates reserved. A null limit is
// replaced, and a request with a limit keeps it.
void TestJsonScan::spliceAddsOutputLimit() {
    const openaiwire::OutputLimit limit{300, false};
    const QString model = QStringLiteral("m");

    const QByteArray none = R"({"model":"a","messages":[]})";
    const std::optional<QByteArray> added =
        openaiwire::spliceRequestModel(none, model, false, limit);
    QVERIFY(added.has_value());
    QCOMPARE(*added, QByteArray(R"({"model":"m","messages":[],"max_tokens":300})"));

    const openaiwire::OutputLimit completion{300, true};
    const Result<QByteArray> named = openaiwire::rewriteRequestBody(none, model, true, completion);
    QVERIFY(named.ok());
    const QJsonObject namedBody = QJsonDocument::fromJson(named.value()).object();
    QCOMPARE(namedBody.value(QLatin1String("max_completion_tokens")).toInteger(), 300);
    QVERIFY(!namedBody.contains(QLatin1String("max_tokens")));

    const QByteArray null = R"({"model":"a","max_tokens":null,"messages":[]})";
    QVERIFY(!openaiwire::spliceRequestModel(null, model, false, limit).has_value());
    const Result<QByteArray> replaced = openaiwire::rewriteRequestBody(null, model, false, limit);
    QVERIFY(replaced.ok());
    QCOMPARE(QJsonDocument::fromJson(replaced.value()).object().value(QLatin1String("max_tokens")),
             QJsonValue(300));

    // Without a limit to add, a max_tokens member does not stop the splice.
    const QByteArray own = R"({"model":"a","max_tokens":20,"messages":[]})";
    const std::optional<QByteArray> withOwnLimit =
        openaiwire::spliceRequestModel(own, model, false);
    QVERIFY(withOwnLimit.has_value());
    QCOMPARE(*withOwnLimit, QByteArray(R"({"model":"m","max_tokens":20,"messages":[]})"));
}

void TestJsonScan::spliceKeepsOtherBytes() {
    const QByteArray body =
        R"({"temperature": 0.70, "model":"alias", "seed":12345678901234567890})";
    const std::optional<QByteArray> splice =
        openaiwire::spliceRequestModel(body, QStringLiteral("m"), false);
    QVERIFY(splice.has_value());
    QCOMPARE(*splice,
             QByteArray(R"({"temperature": 0.70, "model":"m", "seed":12345678901234567890})"));
}

void TestJsonScan::spliceEscapesModel() {
    const QByteArray body = R"({"model":"alias","messages":[]})";
    const QString model = QStringLiteral("org/\"quoted\"\\model-\u00e9");
    const std::optional<QByteArray> splice = openaiwire::spliceRequestModel(body, model, false);
    QVERIFY(splice.has_value());
    QCOMPARE(QJsonDocument::fromJson(*splice).object().value(QLatin1String("model")).toString(),
             model);
}

void TestJsonScan::rawControlCharacterFound_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qsizetype>("offset");

    QTest::newRow("nul in value") << QByteArray("{\"a\":\"x\0y\"}", 11) << qsizetype(7);
    QTest::newRow("nul in key") << QByteArray("{\"a\0\":1}", 8) << qsizetype(3);
    QTest::newRow("newline") << QByteArray("{\"a\":\"x\ny\"}") << qsizetype(7);
    QTest::newRow("tab") << QByteArray("{\"a\":\"\t\"}") << qsizetype(6);
    QTest::newRow("unit separator") << QByteArray("{\"a\":\"\x1f\"}") << qsizetype(6);
    QTest::newRow("after escaped quote") << QByteArray("{\"a\":\"\\\"\x01\"}") << qsizetype(8);
    QTest::newRow("in nested array") << QByteArray("{\"a\":[\"ok\",\"b\x02\"]}") << qsizetype(13);
}

// QJsonDocument (Qt 6.4) accepts these texts, so the request path needs the offset from here.
void TestJsonScan::rawControlCharacterFound() {
    QFETCH(QByteArray, json);
    QFETCH(qsizetype, offset);
    QVERIFY(QJsonDocument::fromJson(json).isObject());
    QCOMPARE(scannedValue(json, "a"), QByteArray("<unsure>"));
    QCOMPARE(jsonscan::findRawControlCharacter(json).value_or(-1), offset);
}

void TestJsonScan::rawControlCharacterAbsent_data() {
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("compact") << QByteArray(R"({"a":"x","b":[1,2]})");
    QTest::newRow("whitespace between tokens") << QByteArray("{\n\t\"a\" :\r\n \"x\"\n}\n");
    QTest::newRow("escaped controls") << QByteArray(R"({"a":"x\n\t\u0000y"})");
    QTest::newRow("escaped backslash before quote") << QByteArray(R"({"a":"x\\","b":"\n"})");
    QTest::newRow("empty") << QByteArray();
}

void TestJsonScan::rawControlCharacterAbsent() {
    QFETCH(QByteArray, json);
    const std::optional<qsizetype> offset = jsonscan::findRawControlCharacter(json);
    QVERIFY2(!offset, qPrintable(QString::number(offset.value_or(-1))));
}

QTEST_APPLESS_MAIN(TestJsonScan)
#include "tst_jsonscan.moc"
