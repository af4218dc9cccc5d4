// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "config/configloader.h"
#include "config/duplicatekeys.h"
#include "config/redisurl.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <algorithm>

using namespace signalbox;

class TestConfigLoader : public QObject {
    Q_OBJECT

private slots:
    void baseConfigIsValid();
    void invalidField_data();
    void invalidField();
    void invalidJsonNamesLine();
    void endlessFileRejected();
    void topLevelNotObject();
    void duplicateKeyNamed_data();
    void duplicateKeyNamed();
    void sameKeyInOtherObjects();
    void threeMistakesAllReported();
    void wrongTypeNotReportedTwice();
    void duplicateModelId();
    void embeddedDefaultIsValid();
    void embeddedDemoIsValid();
    void priceDefaults();
    void missingFileNamesPath();
    void unknownFieldsSurviveSave();
    void misspelledFieldReported_data();
    void misspelledFieldReported();
    void saveWritesCurrentValues();
    void gateStoreDefaultsAndSave();
    void saveReplacesWholeFile();
    void saveIntoMissingFolderFails();
    void ensureCreatesDefault();
    void ensureKeepsExistingFile();
    void checkReportsEveryProblem();
    void checkValidFile();
    void listenAddress_data();
    void listenAddress();
    void timeoutsReadAndSaved();
};

namespace {

// A small valid config that the data-driven cases break one field at a time.
const QByteArray kBaseConfig = R"({
  "version": 1,
  "server": {"listen": "127.0.0.1:8765", "max_body_mib": 32},
  "providers": {
    "openai": {"kind": "openai", "base_url": "https://api.openai.com/v1",
               "key_env": "OPENAI_API_KEY"},
    "anthropic": {"kind": "anthropic", "base_url": "https://api.anthropic.com"}
  },
  "models": [
    {"id": "gpt-4o-mini", "provider": "openai",
     "price_per_mtok": {"input": 0.15, "output": 0.60},
     "context_window": 128000, "max_output_tokens": 16384, "quality": 62,
     "capabilities": ["tools", "json"]},
    {"id": "claude-sonnet-4-5", "provider": "anthropic", "upstream_id": "claude-sonnet-4-5",
     "price_per_mtok": {"input": 3, "output": 15, "cached_input": 0.3, "cache_write": 3.75},
     "context_window": 200000, "quality": 89}
  ],
  "stages": {
    "code": {"model": "claude-sonnet-4-5", "fallbacks": ["gpt-4o-mini"],
             "allowed": ["claude-sonnet-4-5", "gpt-4o-mini"]},
    "triage": {"model": "auto"}
  },
  "routing": {
    "fallback_model": "gpt-4o-mini",
    "auto": {"quality_weight": 0.6, "classifier_model": "gpt-4o-mini",
             "classifier_min_confidence": 0.6}
  },
  "gates": {
    "daily_budget_usd": 10, "timezone": "local", "warn_at": [0.5, 0.8],
    "stage_budgets_usd": {"code": 2},
    "rate_limits": [{"scope": "global", "rpm": 120, "tpm": 400000}]
  }
})";

QJsonObject baseObject() {
    return QJsonDocument::fromJson(kBaseConfig).object();
}

// Splits "models[0].price_per_mtok" into "models", 0, "price_per_mtok".
QVariantList splitPath(const QString &path) {
    QVariantList parts;
    for (const QString &segment : path.split(QLatin1Char('.'))) {
        const qsizetype bracket = segment.indexOf(QLatin1Char('['));
        parts.append(segment.left(bracket < 0 ? segment.size() : bracket));
        if (bracket >= 0)
            parts.append(segment.mid(bracket + 1, segment.size() - bracket - 2).toInt());
    }
    return parts;
}

// Returns value with the element at parts set to replacement, or removed when it is undefined.
QJsonValue replaced(const QJsonValue &value, QVariantList parts, const QJsonValue &replacement) {
    const QVariant head = parts.takeFirst();
    if (head.typeId() == QMetaType::Int) {
        QJsonArray array = value.toArray();
        const int index = head.toInt();
        if (parts.isEmpty())
            array.replace(index, replacement);
        else
            array.replace(index, replaced(array.at(index), parts, replacement));
        return array;
    }

    QJsonObject object = value.toObject();
    const QString key = head.toString();
    if (!parts.isEmpty())
        object.insert(key, replaced(object.value(key), parts, replacement));
    else if (replacement.isUndefined())
        object.remove(key);
    else
        object.insert(key, replacement);
    return object;
}

// Returns the base config with the field at path set to the JSON text, or removed for "REMOVE".
QByteArray baseWith(const QString &path, const QByteArray &jsonValue) {
    QJsonValue replacement(QJsonValue::Undefined);
    if (jsonValue != "REMOVE")
        replacement = QJsonDocument::fromJson("[" + jsonValue + "]").array().at(0);
    const QJsonValue root = replaced(baseObject(), splitPath(path), replacement);
    return QJsonDocument(root.toObject()).toJson();
}

QString problemList(const QList<ConfigProblem> &problems) {
    QStringList lines;
    for (const ConfigProblem &problem : problems)
        lines.append(problem.toString());
    return lines.join(QLatin1Char('\n'));
}

QByteArray readFile(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeFile(const QString &path, const QByteArray &content) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

void TestConfigLoader::baseConfigIsValid() {
    const ConfigLoad load = parseConfig(kBaseConfig);
    QVERIFY2(load.problems.isEmpty(), qPrintable(problemList(load.problems)));
    QVERIFY(load.config);
    QCOMPARE(load.config->models.size(), 2);
}

void TestConfigLoader::invalidField_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("expectedPath");
    QTest::addColumn<QString>("expectedMessage");

    auto row = [](const char *name, const char *field, const char *value, const char *path,
                  const char *message) {
        QTest::newRow(name) << QString::fromUtf8(field) << QByteArray(value)
                            << QString::fromUtf8(path) << QString::fromUtf8(message);
    };

    row("version 2", "version", "2", "version",
        "unsupported version 2; this build reads version 1 only");
    row("version as string", "version", R"("1")", "version", "must be a number, not a string");
    row("version missing", "version", "REMOVE", "version", "missing required field");
    row("listen without port", "server.listen", R"("localhost")", "server.listen",
        R"(invalid address "localhost"; use HOST:PORT such as 127.0.0.1:8765)");
    row("listen port too big", "server.listen", R"("127.0.0.1:70000")", "server.listen",
        R"(invalid address "127.0.0.1:70000"; use HOST:PORT such as 127.0.0.1:8765)");
    row("max body zero", "server.max_body_mib", "0", "server.max_body_mib", "must be > 0, not 0");
    row("max body fraction", "server.max_body_mib", "1.5", "server.max_body_mib",
        "must be a whole number, not 1.5");
    row("providers not object", "providers", R"("openai")", "providers",
        "must be an object, not a string");
    row("unknown kind", "providers.openai.kind", R"("openia")", "providers.openai.kind",
        R"(unknown provider kind "openia"; valid kinds: openai, azure-openai, anthropic, gemini, )"
        "simulated");
    row("kind missing", "providers.openai.kind", "REMOVE", "providers.openai.kind",
        "missing required field");
    row("base url ftp", "providers.openai.base_url", R"("ftp://example.com")",
        "providers.openai.base_url",
        R"(invalid URL "ftp://example.com"; use an http:// or https:// URL with a host, such as )"
        "https://api.openai.com/v1");
    row("base url without scheme", "providers.openai.base_url", R"("api.openai.com/v1")",
        "providers.openai.base_url",
        R"(invalid URL "api.openai.com/v1"; use an http:// or https:// URL with a host, such as )"
        "https://api.openai.com/v1");
    row("needs key as string", "providers.openai.needs_key", R"("no")",
        "providers.openai.needs_key", "must be a boolean, not a string");
    row("bad key variable", "providers.openai.key_env", R"("OPENAI-KEY")",
        "providers.openai.key_env", R"(invalid environment variable name "OPENAI-KEY")");
    row("bad api version", "providers.openai.api_version", R"("latest")",
        "providers.openai.api_version",
        R"(invalid api_version "latest"; use a date such as 2024-10-21, optionally followed by )"
        "-preview");
    row("model not object", "models[0]", R"("gpt-4o")", "models[0]",
        "must be an object, not a string");
    row("model id missing", "models[0].id", "REMOVE", "models[0].id", "missing required field");
    row("model provider missing", "models[0].provider", "REMOVE", "models[0].provider",
        "missing required field");
    row("model provider unknown", "models[0].provider", R"("nope")", "models[0].provider",
        R"(provider "nope" is not defined in providers; defined: anthropic, openai)");
    row("negative output price", "models[0].price_per_mtok.output", "-1",
        "models[0].price_per_mtok.output", "must be >= 0, not -1");
    row("output price past any model's", "models[0].price_per_mtok.output", "5e9",
        "models[0].price_per_mtok.output",
        "must be at most 1000000 USD per million tokens, not 5000000000");
    // The cache prices the file leaves out default to the input price, and are not reported too.
    row("negative input price", "models[0].price_per_mtok.input", "-1",
        "models[0].price_per_mtok.input", "must be >= 0, not -1");
    row("negative cache read price", "models[1].price_per_mtok.cached_input", "-0.5",
        "models[1].price_per_mtok.cached_input", "must be >= 0, not -0.5");
    row("price missing", "models[0].price_per_mtok", "REMOVE", "models[0].price_per_mtok",
        "missing required field");
    row("input price missing", "models[0].price_per_mtok.input", "REMOVE",
        "models[0].price_per_mtok.input", "missing required field");
    row("quality above 100", "models[0].quality", "101", "models[0].quality",
        "must be between 0 and 100, not 101");
    row("quality negative", "models[0].quality", "-1", "models[0].quality",
        "must be between 0 and 100, not -1");
    row("context window zero", "models[0].context_window", "0", "models[0].context_window",
        "must be > 0 tokens, not 0");
    row("context window missing", "models[0].context_window", "REMOVE", "models[0].context_window",
        "missing required field");
    row("max output negative", "models[0].max_output_tokens", "-5", "models[0].max_output_tokens",
        "must be >= 0 tokens, not -5");
    row("reasoning factor negative", "models[0].reasoning_output_factor", "-1",
        "models[0].reasoning_output_factor", "must be between 0 and 100, not -1");
    row("reasoning factor too large", "models[0].reasoning_output_factor", "4000",
        "models[0].reasoning_output_factor", "must be between 0 and 100, not 4000");
    row("reasoning factor not number", "models[0].reasoning_output_factor", R"("high")",
        "models[0].reasoning_output_factor", "must be a number, not a string");
    row("unknown capability", "models[0].capabilities", R"(["tools", "telepathy"])",
        "models[0].capabilities[1]",
        R"(unknown capability "telepathy"; valid capabilities: tools, vision, json, reasoning)");
    row("strengths not array", "models[0].strengths", R"("ui")", "models[0].strengths",
        "must be an array, not a string");
    row("stage model unknown", "stages.code.model", R"("gpt-9")", "stages.code.model",
        R"(unknown model "gpt-9"; use the id of an entry in models or "auto")");
    row("stage model missing", "stages.code.model", "REMOVE", "stages.code.model",
        "missing required field");
    row("stage fallback unknown", "stages.code.fallbacks", R"(["gpt-4o-mini", "gpt-9"])",
        "stages.code.fallbacks[1]", R"(unknown model "gpt-9"; use the id of an entry in models)");
    row("stage allowed unknown", "stages.code.allowed",
        R"(["claude-sonnet-4-5", "gpt-4o-mini", "nope"])", "stages.code.allowed[2]",
        R"(unknown model "nope"; use the id of an entry in models)");
    row("stage fallback not allowed", "stages.code.allowed", R"(["claude-sonnet-4-5"])",
        "stages.code.fallbacks[0]",
        R"(model "gpt-4o-mini" is not in the stage's allowed list; add it to )"
        "stages.code.allowed or pick an allowed model");
    row("fallback model unknown", "routing.fallback_model", R"("gpt-9")", "routing.fallback_model",
        R"(unknown model "gpt-9"; use the id of an entry in models)");
    row("classifier unknown", "routing.auto.classifier_model", R"("gpt-9")",
        "routing.auto.classifier_model",
        R"(unknown model "gpt-9"; use the id of an entry in models)");
    row("quality weight above 1", "routing.auto.quality_weight", "1.5",
        "routing.auto.quality_weight", "must be between 0 and 1, not 1.5");
    row("confidence negative", "routing.auto.classifier_min_confidence", "-0.1",
        "routing.auto.classifier_min_confidence", "must be between 0 and 1, not -0.1");
    row("min quality above 100", "routing.auto.min_quality", R"({"high": 120})",
        "routing.auto.min_quality.high", "must be between 0 and 100, not 120");
    row("min quality negative", "routing.auto.min_quality", R"({"low": -1, "medium": 50})",
        "routing.auto.min_quality.low", "must be between 0 and 100, not -1");
    row("daily budget negative", "gates.daily_budget_usd", "-1", "gates.daily_budget_usd",
        "must be >= 0 USD (0 means no daily budget), not -1");
    row("daily budget past the gates' range", "gates.daily_budget_usd", "1e10",
        "gates.daily_budget_usd",
        "must be at most 1000000000 USD, not 10000000000; use 0 for no budget");
    row("monthly budget past the gates' range", "gates.monthly_budget_usd", "2000000000.5",
        "gates.monthly_budget_usd",
        "must be at most 1000000000 USD, not 2000000000.5; use 0 for no budget");
    row("warn at zero", "gates.warn_at", "[0.5, 0]", "gates.warn_at[1]",
        "must be a fraction of the budget above 0 and at most 1, not 0");
    row("warn at above 1", "gates.warn_at", "[1.2]", "gates.warn_at[0]",
        "must be a fraction of the budget above 0 and at most 1, not 1.2");
    row("warn at string", "gates.warn_at", R"(["half"])", "gates.warn_at[0]",
        "must be a number, not a string");
    row("stage budget negative", "gates.stage_budgets_usd", R"({"code": -2})",
        "gates.stage_budgets_usd.code", "must be >= 0 USD, not -2");
    row("stage budget past the gates' range", "gates.stage_budgets_usd", R"({"code": 1e12})",
        "gates.stage_budgets_usd.code",
        "must be at most 1000000000 USD, not 1000000000000; use 0 for no budget");
    row("stage budget unknown stage", "gates.stage_budgets_usd", R"({"deploy": 1})",
        "gates.stage_budgets_usd.deploy", R"(stage "deploy" is not defined in stages)");
    row("timezone unknown", "gates.timezone", R"("Mars/Olympus")", "gates.timezone",
        R"(unknown time zone "Mars/Olympus"; use "local" or an IANA id such as "Europe/Berlin" )"
        R"(or "UTC")");
    row("scope unknown model", "gates.rate_limits[0].scope", R"("model:gpt-9")",
        "gates.rate_limits[0].scope", R"(model "gpt-9" is not defined in models)");
    row("scope unknown provider", "gates.rate_limits[0].scope", R"("provider:nope")",
        "gates.rate_limits[0].scope", R"(provider "nope" is not defined in providers)");
    row("scope unknown stage", "gates.rate_limits[0].scope", R"("stage:deploy")",
        "gates.rate_limits[0].scope", R"(stage "deploy" is not defined in stages)");
    row("scope unknown kind", "gates.rate_limits[0].scope", R"("planet:earth")",
        "gates.rate_limits[0].scope",
        R"(invalid scope "planet:earth"; use global, provider:ID, model:ID or stage:NAME)");
    row("scope without id", "gates.rate_limits[0].scope", R"("model:")",
        "gates.rate_limits[0].scope",
        R"(invalid scope "model:"; use global, provider:ID, model:ID or stage:NAME)");
    row("rpm negative", "gates.rate_limits[0].rpm", "-1", "gates.rate_limits[0].rpm",
        "must be >= 0 (0 means no limit), not -1");
    row("tpm negative", "gates.rate_limits[0].tpm", "-1", "gates.rate_limits[0].tpm",
        "must be >= 0 (0 means no limit), not -1");
    // Beyond what the console's editors hold, and an int would have wrapped it to a negative.
    row("rpm above range", "gates.rate_limits[0].rpm", "5000000000", "gates.rate_limits[0].rpm",
        "must be at most 2000000000 per minute (0 means no limit), not 5000000000");
    row("tpm above range", "gates.rate_limits[0].tpm", "2000000001", "gates.rate_limits[0].tpm",
        "must be at most 2000000000 per minute (0 means no limit), not 2000000001");
    row("reserve above range", "gates.reserve_output_tokens", "3000000000",
        "gates.reserve_output_tokens", "must be at most 2000000000 tokens, not 3000000000");
    row("rate limit not object", "gates.rate_limits[0]", "5", "gates.rate_limits[0]",
        "must be an object, not a number");
    row("store not object", "gates.store", R"("redis")", "gates.store",
        "must be an object, not a string");
    row("store kind unknown", "gates.store.kind", R"("etcd")", "gates.store.kind",
        R"(unknown store kind "etcd"; use "memory" or "redis")");
    row("store policy unknown", "gates.store.on_failure", R"("maybe")", "gates.store.on_failure",
        R"(unknown policy "maybe"; use "closed" (reject requests while Redis is unreachable) or )"
        R"("open" (admit them on this instance's own counters))");
    row("store url tls", "gates.store.url", R"("rediss://127.0.0.1:6380/0")", "gates.store.url",
        "rediss:// (TLS) is not supported: this build uses Debian's hiredis 0.14, which has no "
        "TLS. Use redis:// to a server on this machine, or reach a remote one through a TLS "
        "tunnel such as stunnel or ssh -L");
    // The message must not repeat the URL, which holds the password.
    row("store url with password", "gates.store.url", R"("redis://:hunter2@127.0.0.1:6379/0")",
        "gates.store.url",
        "the Redis URL contains a password; remove it from the URL and store it with the "
        "console's Gates page or set the environment variable SIGNALBOX_REDIS_PASSWORD");
    row("store url http", "gates.store.url", R"("http://127.0.0.1:6379")", "gates.store.url",
        "invalid Redis URL; use redis://HOST:PORT/DB such as redis://127.0.0.1:6379/0");
    row("store url database", "gates.store.url", R"("redis://127.0.0.1:6379/x")", "gates.store.url",
        "invalid database 'x'; end the URL with /N, where N is a database number such as 0");
    row("store prefix empty", "gates.store.prefix", R"("")", "gates.store.prefix",
        R"(invalid key prefix ""; use letters, digits and . _ : - { }, such as "signalbox:")");
    row("store timeout zero", "gates.store.timeout_ms", "0", "gates.store.timeout_ms",
        "must be from 10 to 60000 milliseconds, not 0");
    row("store ttl zero", "gates.store.reservation_ttl_s", "0", "gates.store.reservation_ttl_s",
        "must be from 1 to 86400 seconds, not 0");
    row("store password in file", "gates.store.password", R"("hunter2")", "gates.store.password",
        "a password does not belong in the config file; remove it and store it with the "
        "console's Gates page or set the environment variable SIGNALBOX_REDIS_PASSWORD");
    row("server idle timeout zero", "server.idle_timeout_ms", "0", "server.idle_timeout_ms",
        "must be > 0 milliseconds, not 0");
    row("request timeout negative", "server.request_timeout_ms", "-5", "server.request_timeout_ms",
        "must be > 0 milliseconds, not -5");
    row("first byte timeout beyond int", "providers.openai.first_byte_timeout_ms", "4294967296",
        "providers.openai.first_byte_timeout_ms",
        "must be 1 to 2147483647 milliseconds, not 4294967296");
    row("connect timeout zero", "providers.openai.connect_timeout_ms", "0",
        "providers.openai.connect_timeout_ms", "must be > 0 milliseconds, not 0");
    row("provider idle timeout as string", "providers.openai.idle_timeout_ms", R"("60s")",
        "providers.openai.idle_timeout_ms", "must be a number, not a string");
}

void TestConfigLoader::invalidField() {
    QFETCH(QString, field);
    QFETCH(QByteArray, value);
    QFETCH(QString, expectedPath);
    QFETCH(QString, expectedMessage);

    const ConfigLoad load = parseConfig(baseWith(field, value));

    QVERIFY(!load.config);
    QVERIFY2(!load.problems.isEmpty(), "no problem reported");
    QCOMPARE(load.problems.first().path, expectedPath);
    QCOMPARE(load.problems.first().message, expectedMessage);
    QVERIFY2(load.problems.size() == 1, qPrintable(problemList(load.problems)));
}

void TestConfigLoader::endlessFileRejected() {
#ifdef Q_OS_UNIX
    // /dev/zero never ends: it used to be read until memory ran out.
    const ConfigLoad load = loadConfigFile(QStringLiteral("/dev/zero"));
    QVERIFY(!load.config);
    QCOMPARE(load.problems.size(), 1);
    QVERIFY2(load.problems.first().message.contains(QStringLiteral("larger than 16 MiB")),
             qPrintable(load.problems.first().message));
#else
    QSKIP("needs /dev/zero");
#endif
}

void TestConfigLoader::invalidJsonNamesLine() {
    const ConfigLoad load = parseConfig("{\n  \"version\": 1,\n  oops\n}\n");

    QVERIFY(!load.config);
    QCOMPARE(load.problems.size(), 1);
    QVERIFY(load.problems.first().path.isEmpty());
    QVERIFY2(load.problems.first().message.startsWith(QLatin1String("invalid JSON at line 3,")),
             qPrintable(load.problems.first().message));
}

void TestConfigLoader::topLevelNotObject() {
    const ConfigLoad load = parseConfig("[1, 2]");

    QCOMPARE(load.problems.size(), 1);
    QCOMPARE(load.problems.first().message, QStringLiteral("the top level must be a JSON object"));

    // Qt's parser reports a scalar or an empty text as an "illegal value".
    const ConfigLoad scalar = parseConfig(" null\n");
    QCOMPARE(scalar.problems.size(), 1);
    QCOMPARE(scalar.problems.first().message,
             QStringLiteral("the top level must be a JSON object, not \"null\""));

    for (const QByteArray &empty : {QByteArray(), QByteArray(" \n\t\n")}) {
        const ConfigLoad emptyLoad = parseConfig(empty);
        QCOMPARE(emptyLoad.problems.size(), 1);
        QVERIFY2(emptyLoad.problems.first().message.startsWith(QLatin1String("the file is empty;")),
                 qPrintable(emptyLoad.problems.first().message));
    }
}

void TestConfigLoader::duplicateKeyNamed_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");

    QTest::newRow("provider") << QByteArray(R"({"providers": {"p": {"kind": "openai"}, "p": {}}})")
                              << "providers.p";
    QTest::newRow("top level") << QByteArray(R"({"providers": {"p": 1}, "providers": {}})")
                               << "providers";
    QTest::newRow("in an array") << QByteArray(
                                        R"({"models": [{"id": "a"}, {"id": "b", "id": "c"}]})")
                                 << "models[1].id";
    QTest::newRow("escaped spelling")
        << QByteArray(R"({"version": 1, "vers\u0069on": 1})") << "version";
    QTest::newRow("after nested values")
        << QByteArray(R"({"a": [1, "x", {"b": [true, null]}], "c": {"d": 2.5e3}, "a": 0})") << "a";
}

// Qt's parser keeps one of two equal keys without a word, so a second provider of the same id
// would vanish. The loader names the key instead.
void TestConfigLoader::duplicateKeyNamed() {
    QFETCH(QByteArray, json);
    QFETCH(QString, path);

    const ConfigLoad load = parseConfig(json);
    QVERIFY(!load.config);
    QCOMPARE(load.problems.size(), 1);
    QCOMPARE(load.problems.first().path, path);
    QVERIFY2(load.problems.first().message.contains(QLatin1String("is defined twice")),
             qPrintable(load.problems.first().message));
}

// Equal keys in different objects are no duplicates.
void TestConfigLoader::sameKeyInOtherObjects() {
    QVERIFY(!findDuplicateKey(R"({"a": {"id": 1}, "b": {"id": 2}, "c": [{"id": 3}, {"id": 4}]})"));
    QVERIFY(!findDuplicateKey(kBaseConfig));
    QVERIFY(parseConfig(kBaseConfig).config);
}

void TestConfigLoader::threeMistakesAllReported() {
    QJsonObject root = baseObject();
    root =
        replaced(root, splitPath(QStringLiteral("models[0].price_per_mtok.output")), -1).toObject();
    root = replaced(root, splitPath(QStringLiteral("providers.anthropic.kind")),
                    QStringLiteral("claude"))
               .toObject();
    root =
        replaced(root, splitPath(QStringLiteral("gates.warn_at")), QJsonArray{0.5, 2}).toObject();

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("config.json"));
    QVERIFY(writeFile(path, QJsonDocument(root).toJson()));

    const ConfigLoad load = loadConfigFile(path);

    QVERIFY(!load.config);
    QCOMPARE(load.problems.size(), 3);
    QStringList paths;
    for (const ConfigProblem &problem : load.problems)
        paths.append(problem.path);
    QVERIFY(paths.contains(QStringLiteral("models[0].price_per_mtok.output")));
    QVERIFY(paths.contains(QStringLiteral("providers.anthropic.kind")));
    QVERIFY(paths.contains(QStringLiteral("gates.warn_at[1]")));
}

void TestConfigLoader::wrongTypeNotReportedTwice() {
    // A context window of the wrong type falls back to 0, which must not add "must be > 0".
    const ConfigLoad load =
        parseConfig(baseWith(QStringLiteral("models[0].context_window"), R"("big")"));

    QCOMPARE(load.problems.size(), 1);
    QCOMPARE(load.problems.first().toString(),
             QStringLiteral("models[0].context_window: must be a number, not a string"));
}

void TestConfigLoader::duplicateModelId() {
    // Renaming the second model also leaves the stage that names it with an unknown model.
    const ConfigLoad load =
        parseConfig(baseWith(QStringLiteral("models[1].id"), R"("gpt-4o-mini")"));

    QVERIFY(!load.config);
    QVERIFY(load.problems.contains(ConfigProblem{
        QStringLiteral("models[1].id"),
        QStringLiteral(R"(duplicate model id "gpt-4o-mini", first defined at models[0])")}));
    QVERIFY(load.problems.contains(ConfigProblem{
        QStringLiteral("stages.code.model"),
        QStringLiteral(R"(unknown model "claude-sonnet-4-5"; use the id of an entry in models )"
                       R"(or "auto")")}));
}

void TestConfigLoader::embeddedDefaultIsValid() {
    const QByteArray json = defaultConfigJson();
    QVERIFY(!json.isEmpty());

    const ConfigLoad load = parseConfig(json);
    QVERIFY2(load.problems.isEmpty(), qPrintable(problemList(load.problems)));

    const Config &config = *load.config;
    const char *expectedProviders[] = {"openai",   "anthropic", "gemini",  "mistral",
                                       "groq",     "deepseek",  "xai",     "openrouter",
                                       "together", "ollama",    "lmstudio"};
    for (const char *id : expectedProviders)
        QVERIFY2(config.findProvider(QLatin1String(id)), id);
    QCOMPARE(config.findProvider(QStringLiteral("ollama"))->needsKey, false);
    QCOMPARE(config.findProvider(QStringLiteral("openai"))->keyEnv,
             QStringLiteral("OPENAI_API_KEY"));
    QCOMPARE(config.models.size(), 20);
    QCOMPARE(config.routing.fallbackModel, QStringLiteral("gpt-4o-mini"));
    QCOMPARE(config.gates.dailyBudgetUsd, 10.0);
    QCOMPARE(config.findStage(QStringLiteral("triage"))->model, QStringLiteral("auto"));
    QCOMPARE(config.source.value(QStringLiteral("prices_as_of")).toString(),
             QStringLiteral("2026-07-24"));

    // Models that always reason bill hidden tokens as output; the others bill none by default.
    QCOMPARE(config.findModel(QStringLiteral("deepseek-reasoner"))->reasoningOutputFactor, 3.0);
    QCOMPARE(config.findModel(QStringLiteral("o3"))->reasoningOutputFactor, 3.0);
    QCOMPARE(config.findModel(QStringLiteral("gpt-5"))->reasoningOutputFactor, 2.0);
    QCOMPARE(config.findModel(QStringLiteral("deepseek-chat"))->reasoningOutputFactor, 0.0);
    QCOMPARE(config.findModel(QStringLiteral("claude-sonnet-4-5"))->reasoningOutputFactor, 0.0);
}

void TestConfigLoader::embeddedDemoIsValid() {
    const ConfigLoad load = parseConfig(demoConfigJson());
    QVERIFY2(load.problems.isEmpty(), qPrintable(problemList(load.problems)));

    const Config &config = *load.config;
    QCOMPARE(config.providers.size(), 1);
    QCOMPARE(config.providers.first().kind, QStringLiteral("simulated"));
    QCOMPARE(config.providers.first().needsKey, false);
    QVERIFY(config.models.size() >= 5);
    for (const ModelConfig &model : config.models)
        QCOMPARE(model.provider, QStringLiteral("simulated"));
    for (const char *stage : {"architecture", "code", "ui", "triage", "summarize"})
        QVERIFY2(config.findStage(QLatin1String(stage)), stage);
}

void TestConfigLoader::priceDefaults() {
    const ConfigLoad load = parseConfig(kBaseConfig);
    QVERIFY(load.config);

    const ModelConfig *mini = load.config->findModel(QStringLiteral("gpt-4o-mini"));
    QVERIFY(mini);
    QCOMPARE(mini->price.cachedInput, 0.15);
    QCOMPARE(mini->price.cacheWrite, 0.15);
    QCOMPARE(mini->upstreamId, QStringLiteral("gpt-4o-mini"));

    const ModelConfig *sonnet = load.config->findModel(QStringLiteral("claude-sonnet-4-5"));
    QVERIFY(sonnet);
    QCOMPARE(sonnet->price.cachedInput, 0.3);
    QCOMPARE(sonnet->price.cacheWrite, 3.75);
    QCOMPARE(sonnet->maxOutputTokens, 0);
    QCOMPARE(sonnet->reasoningOutputFactor, 0.0);
    QCOMPARE(load.config->findProvider(QStringLiteral("openai"))->needsKey, true);
}

void TestConfigLoader::missingFileNamesPath() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("absent.json"));

    const ConfigLoad load = loadConfigFile(path);

    QVERIFY(!load.config);
    QCOMPARE(load.problems.size(), 1);
    QVERIFY2(load.problems.first().message.contains(QDir::toNativeSeparators(path)),
             qPrintable(load.problems.first().message));
}

void TestConfigLoader::misspelledFieldReported_data() {
    QTest::addColumn<QString>("removed");
    QTest::addColumn<QString>("added");
    QTest::addColumn<QString>("expected");

    // clang-format off
    QTest::newRow("daily budget") << "gates.daily_budget_usd" << "gates.daily_budegt_usd" << "daily_budget_usd";
    QTest::newRow("monthly budget") << "" << "gates.montly_budget_usd" << "monthly_budget_usd";
    QTest::newRow("listen") << "server.listen" << "server.listne" << "listen";
    QTest::newRow("idle timeout") << "" << "server.idel_timeout_ms" << "idle_timeout_ms";
    QTest::newRow("needs key") << "" << "providers.openai.need_key" << "needs_key";
    QTest::newRow("upstream id") << "" << "models[0].upstrem_id" << "upstream_id";
    QTest::newRow("case") << "" << "models[1].Max_Output_Tokens" << "max_output_tokens";
    QTest::newRow("short key") << "stages.code.model" << "stages.code.modle" << "model";
    // clang-format on
}

// A misspelling of a field that the object lacks is a problem naming the field it resembles,
// because the setting would otherwise be dropped without a word. Other unknown fields stay
// allowed (see unknownFieldsSurviveSave).
void TestConfigLoader::misspelledFieldReported() {
    QFETCH(QString, removed);
    QFETCH(QString, added);
    QFETCH(QString, expected);
    QJsonObject root = baseObject();
    if (!removed.isEmpty())
        root = replaced(root, splitPath(removed), QJsonValue::Undefined).toObject();
    root = replaced(root, splitPath(added), 5).toObject();

    const ConfigLoad load = parseConfig(QJsonDocument(root).toJson());

    QVERIFY(!load.config);
    const auto misspelled =
        std::find_if(load.problems.begin(), load.problems.end(),
                     [&](const ConfigProblem &problem) { return problem.path == added; });
    QVERIFY2(misspelled != load.problems.end(), qPrintable(problemList(load.problems)));
    QVERIFY2(misspelled->message.startsWith(
                 QStringLiteral("unknown field; did you mean '%1'?").arg(expected)),
             qPrintable(misspelled->message));
}

// Unknown fields are allowed and kept on save: keys unlike any field, and a near miss of a field
// that the object has.
void TestConfigLoader::unknownFieldsSurviveSave() {
    QJsonObject root = baseObject();
    const std::pair<const char *, QJsonValue> extras[] = {
        {"x_note", QStringLiteral("top")},
        {"server.x_threads", 4},
        {"server.listne", QStringLiteral("127.0.0.1:1")},
        {"providers.openai.organization", QStringLiteral("org-1")},
        {"models[1].x_tag", QStringLiteral("favourite")},
        {"models[1].price_per_mtok.x_batch_input", 1.5},
        {"stages.code.x_owner", QStringLiteral("me")},
        {"routing.auto.x_mode", QStringLiteral("fast")},
        {"gates.rate_limits[0].burst", 10},
    };
    for (const auto &[path, value] : extras)
        root = replaced(root, splitPath(QLatin1String(path)), value).toObject();

    const ConfigLoad load = parseConfig(QJsonDocument(root).toJson());
    QVERIFY2(load.problems.isEmpty(), qPrintable(problemList(load.problems)));

    // Reorder the models, so entries must be matched by id and not by position.
    Config edited = *load.config;
    std::swap(edited.models[0], edited.models[1]);
    edited.models[0].quality = 70;

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("config.json"));
    const Status saved = saveConfigFile(path, edited);
    QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error()));

    const QJsonObject written = QJsonDocument::fromJson(readFile(path)).object();
    QCOMPARE(written.value(QStringLiteral("x_note")).toString(), QStringLiteral("top"));
    QCOMPARE(written[QStringLiteral("server")][QStringLiteral("x_threads")].toInt(), 4);
    QCOMPARE(written[QStringLiteral("providers")][QStringLiteral("openai")]
                    [QStringLiteral("organization")]
                        .toString(),
             QStringLiteral("org-1"));
    const QJsonObject sonnet = written[QStringLiteral("models")][0].toObject();
    QCOMPARE(sonnet.value(QStringLiteral("id")).toString(), QStringLiteral("claude-sonnet-4-5"));
    QCOMPARE(sonnet.value(QStringLiteral("quality")).toInt(), 70);
    QCOMPARE(sonnet.value(QStringLiteral("x_tag")).toString(), QStringLiteral("favourite"));
    QCOMPARE(sonnet[QStringLiteral("price_per_mtok")][QStringLiteral("x_batch_input")].toDouble(),
             1.5);
    QVERIFY(!written[QStringLiteral("models")][1].toObject().contains(QStringLiteral("x_tag")));
    QCOMPARE(written[QStringLiteral("stages")][QStringLiteral("code")][QStringLiteral("x_owner")]
                 .toString(),
             QStringLiteral("me"));
    QCOMPARE(written[QStringLiteral("routing")][QStringLiteral("auto")][QStringLiteral("x_mode")]
                 .toString(),
             QStringLiteral("fast"));
    QCOMPARE(
        written[QStringLiteral("gates")][QStringLiteral("rate_limits")][0][QStringLiteral("burst")]
            .toInt(),
        10);

    const ConfigLoad reloaded = loadConfigFile(path);
    QVERIFY2(reloaded.problems.isEmpty(), qPrintable(problemList(reloaded.problems)));
    QCOMPARE(reloaded.config->models.first().id, QStringLiteral("claude-sonnet-4-5"));
}

void TestConfigLoader::saveWritesCurrentValues() {
    const ConfigLoad load = parseConfig(kBaseConfig);
    QVERIFY(load.config);

    Config edited = *load.config;
    edited.stages.removeIf(
        [](const StageConfig &stage) { return stage.name == QLatin1String("triage"); });
    edited.stages[0].fallbacks.clear();
    edited.gates.dailyBudgetUsd = 25;
    edited.models[0].price.output = 0.7;
    edited.models[0].reasoningOutputFactor = 2.5;
    edited.routing.autoRouting.minQuality = {10, 60, 85};
    edited.providers[0].apiVersion = QStringLiteral("2025-01-01-preview");

    const ConfigLoad reloaded = parseConfig(serializeConfig(edited));
    QVERIFY2(reloaded.problems.isEmpty(), qPrintable(problemList(reloaded.problems)));
    const Config &config = *reloaded.config;
    QCOMPARE(config.routing.autoRouting.minQuality.low, 10);
    QCOMPARE(config.routing.autoRouting.minQuality.medium, 60);
    QCOMPARE(config.routing.autoRouting.minQuality.high, 85);
    QVERIFY(!config.findStage(QStringLiteral("triage")));
    QVERIFY(config.findStage(QStringLiteral("code"))->fallbacks.isEmpty());
    QCOMPARE(config.gates.dailyBudgetUsd, 25.0);
    QCOMPARE(config.models[0].price.output, 0.7);
    QCOMPARE(config.models[0].price.cachedInput, 0.15);
    QCOMPARE(config.models[0].reasoningOutputFactor, 2.5);
    QCOMPARE(config.models[1].reasoningOutputFactor, 0.0);
    QVERIFY(!serializeConfig(*load.config).contains("reasoning_output_factor"));
    QCOMPARE(config.providers[0].apiVersion, QStringLiteral("2025-01-01-preview"));
}

void TestConfigLoader::gateStoreDefaultsAndSave() {
    const ConfigLoad plain = parseConfig(kBaseConfig);
    QVERIFY(plain.config);
    QCOMPARE(plain.config->gates.store.kind, QStringLiteral("memory"));
    QCOMPARE(plain.config->gates.store.onFailure, QStringLiteral("closed"));
    QVERIFY(!QJsonDocument::fromJson(serializeConfig(*plain.config))
                 .object()
                 .value(QLatin1String("gates"))
                 .toObject()
                 .contains(QLatin1String("store")));

    const ConfigLoad shared = parseConfig(baseWith(
        QStringLiteral("gates.store"),
        R"({"kind": "redis", "url": "redis://team@redis.lan:6380/2", "on_failure": "open"})"));
    QVERIFY2(shared.config, qPrintable(problemList(shared.problems)));
    const GateStoreConfig &store = shared.config->gates.store;
    QCOMPARE(store.kind, QStringLiteral("redis"));
    QCOMPARE(store.url, QStringLiteral("redis://team@redis.lan:6380/2"));
    QCOMPARE(store.prefix, QStringLiteral("signalbox:"));
    QCOMPARE(store.onFailure, QStringLiteral("open"));
    QCOMPARE(store.timeoutMs, 1000);
    QCOMPARE(store.reservationTtlSeconds, 300);

    const Result<RedisEndpoint> endpoint = parseRedisUrl(store.url);
    QVERIFY(endpoint.ok());
    QCOMPARE(endpoint->host, QStringLiteral("redis.lan"));
    QCOMPARE(endpoint->port, quint16(6380));
    QCOMPARE(endpoint->database, 2);
    QCOMPARE(endpoint->username, QStringLiteral("team"));

    Config edited = *shared.config;
    edited.gates.store.reservationTtlSeconds = 120;
    const QJsonObject saved = QJsonDocument::fromJson(serializeConfig(edited))
                                  .object()
                                  .value(QLatin1String("gates"))
                                  .toObject()
                                  .value(QLatin1String("store"))
                                  .toObject();
    QCOMPARE(saved.value(QLatin1String("kind")).toString(), QStringLiteral("redis"));
    QCOMPARE(saved.value(QLatin1String("on_failure")).toString(), QStringLiteral("open"));
    QCOMPARE(saved.value(QLatin1String("reservation_ttl_s")).toInt(), 120);
    QVERIFY(!saved.contains(QLatin1String("prefix")));
}

void TestConfigLoader::saveReplacesWholeFile() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("config.json"));
    QVERIFY(writeFile(path, QByteArray(200000, 'x')));

    const ConfigLoad load = parseConfig(kBaseConfig);
    QVERIFY(load.config);
    QVERIFY(saveConfigFile(path, *load.config).ok());

    QCOMPARE(readFile(path), serializeConfig(*load.config));
    const QStringList entries = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
    QCOMPARE(entries, QStringList{QStringLiteral("config.json")});
}

void TestConfigLoader::saveIntoMissingFolderFails() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("plain-file")), "keep"));
    const QString path = dir.filePath(QStringLiteral("plain-file/config.json"));

    const ConfigLoad load = parseConfig(kBaseConfig);
    QVERIFY(load.config);
    const Status saved = saveConfigFile(path, *load.config);

    QVERIFY(!saved.ok());
    QVERIFY2(saved.error().contains(QDir::toNativeSeparators(path)), qPrintable(saved.error()));
    QCOMPARE(readFile(dir.filePath(QStringLiteral("plain-file"))), QByteArray("keep"));
}

void TestConfigLoader::ensureCreatesDefault() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("a/b/config.json"));

    const Status status = ensureConfigFile(path);

    QVERIFY2(status.ok(), status.ok() ? "" : qPrintable(status.error()));
    QCOMPARE(readFile(path), defaultConfigJson());
}

void TestConfigLoader::ensureKeepsExistingFile() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("config.json"));
    QVERIFY(writeFile(path, "{}"));

    QVERIFY(ensureConfigFile(path).ok());
    QCOMPARE(readFile(path), QByteArray("{}"));
    QVERIFY(!ensureConfigFile(dir.path()).ok());
}

void TestConfigLoader::checkReportsEveryProblem() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("config.json"));
    QJsonObject root = baseObject();
    root = replaced(root, splitPath(QStringLiteral("version")), 3).toObject();
    root = replaced(root, splitPath(QStringLiteral("models[0].quality")), 300).toObject();
    QVERIFY(writeFile(path, QJsonDocument(root).toJson()));

    QString output;
    QTextStream out(&output);
    const int exitCode = checkConfigFile(path, out);

    QCOMPARE(exitCode, 1);
    const QStringList lines = output.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    const QString prefix = QDir::toNativeSeparators(path) + QStringLiteral(": ");
    QVERIFY(
        lines.contains(prefix + QStringLiteral("version: unsupported version 3; this build reads "
                                               "version 1 only")));
    QVERIFY(lines.contains(
        prefix + QStringLiteral("models[0].quality: must be between 0 and 100, not 300")));
    QCOMPARE(lines.last(), prefix + QStringLiteral("invalid, 2 problems"));
}

void TestConfigLoader::checkValidFile() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("config.json"));
    QVERIFY(writeFile(path, kBaseConfig));

    QString output;
    QTextStream out(&output);

    QCOMPARE(checkConfigFile(path, out), 0);
    QCOMPARE(output, QDir::toNativeSeparators(path) +
                         QStringLiteral(": valid, 2 providers, 2 models, 2 stages\n"));

    // One of each is counted in the singular.
    QJsonObject root = baseObject();
    QJsonObject providers = root.value(QLatin1String("providers")).toObject();
    providers.remove(QLatin1String("anthropic"));
    root.insert(QLatin1String("providers"), providers);
    QJsonArray models = root.value(QLatin1String("models")).toArray();
    models.removeLast();
    root.insert(QLatin1String("models"), models);
    QJsonObject stages = root.value(QLatin1String("stages")).toObject();
    stages.remove(QLatin1String("code"));
    root.insert(QLatin1String("stages"), stages);
    root.insert(QLatin1String("gates"), QJsonObject());
    QVERIFY(writeFile(path, QJsonDocument(root).toJson()));
    output.clear();
    QVERIFY2(checkConfigFile(path, out) == 0, qPrintable(output));
    QCOMPARE(output, QDir::toNativeSeparators(path) +
                         QStringLiteral(": valid, 1 provider, 1 model, 1 stage\n"));
}

void TestConfigLoader::listenAddress_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");

    QTest::newRow("ipv4") << QStringLiteral("127.0.0.1:8765") << true << QStringLiteral("127.0.0.1")
                          << 8765;
    QTest::newRow("port zero") << QStringLiteral("localhost:0") << true
                               << QStringLiteral("localhost") << 0;
    QTest::newRow("ipv6") << QStringLiteral("[::1]:8080") << true << QStringLiteral("::1") << 8080;
    QTest::newRow("ipv6 unbracketed") << QStringLiteral("::1:8080") << false << QString() << 0;
    QTest::newRow("no port") << QStringLiteral("127.0.0.1") << false << QString() << 0;
    QTest::newRow("empty port") << QStringLiteral("127.0.0.1:") << false << QString() << 0;
    QTest::newRow("no host") << QStringLiteral(":8765") << false << QString() << 0;
    QTest::newRow("port too big") << QStringLiteral("a:65536") << false << QString() << 0;
    QTest::newRow("signed port") << QStringLiteral("a:+80") << false << QString() << 0;
}

void TestConfigLoader::listenAddress() {
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, host);
    QFETCH(int, port);

    const std::optional<ListenAddress> address = parseListenAddress(text);

    QCOMPARE(address.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(address->host, host);
    QCOMPARE(int(address->port), port);
}

// Timeouts default to the built-in values, and the ones a file sets survive a save.
void TestConfigLoader::timeoutsReadAndSaved() {
    const ConfigLoad defaults = parseConfig(kBaseConfig);
    QVERIFY(defaults.config);
    QCOMPARE(defaults.config->server.idleTimeoutMs, 60000);
    QCOMPARE(defaults.config->server.requestTimeoutMs, 30000);
    const ProviderConfig *openai = defaults.config->findProvider(QStringLiteral("openai"));
    QVERIFY(openai);
    QCOMPARE(openai->connectTimeoutMs, 10000);
    QCOMPARE(openai->firstByteTimeoutMs, 120000);
    QCOMPARE(openai->idleTimeoutMs, 60000);
    QVERIFY(!serializeConfig(*defaults.config).contains("timeout_ms"));

    QJsonObject root = baseObject();
    QJsonObject server = root.value(QLatin1String("server")).toObject();
    server.insert(QLatin1String("idle_timeout_ms"), 1500);
    server.insert(QLatin1String("request_timeout_ms"), 2500);
    root.insert(QLatin1String("server"), server);
    QJsonObject providers = root.value(QLatin1String("providers")).toObject();
    QJsonObject provider = providers.value(QLatin1String("openai")).toObject();
    provider.insert(QLatin1String("connect_timeout_ms"), 100);
    provider.insert(QLatin1String("first_byte_timeout_ms"), 200);
    provider.insert(QLatin1String("idle_timeout_ms"), 300);
    providers.insert(QLatin1String("openai"), provider);
    root.insert(QLatin1String("providers"), providers);

    const ConfigLoad load = parseConfig(QJsonDocument(root).toJson());
    QVERIFY2(load.config, qPrintable(problemList(load.problems)));
    const ConfigLoad saved = parseConfig(serializeConfig(*load.config));
    QVERIFY2(saved.config, qPrintable(problemList(saved.problems)));
    QCOMPARE(saved.config->server.idleTimeoutMs, 1500);
    QCOMPARE(saved.config->server.requestTimeoutMs, 2500);
    openai = saved.config->findProvider(QStringLiteral("openai"));
    QVERIFY(openai);
    QCOMPARE(openai->connectTimeoutMs, 100);
    QCOMPARE(openai->firstByteTimeoutMs, 200);
    QCOMPARE(openai->idleTimeoutMs, 300);
}

QTEST_GUILESS_MAIN(TestConfigLoader)
#include "tst_configloader.moc"
