// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "routing/classifier.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace signalbox {

namespace {

// The excerpt keeps the classification request near 700 tokens whatever the prompt's size.
constexpr qsizetype kSystemExcerptChars = 400;
constexpr qsizetype kUserHeadChars = 1600;
constexpr qsizetype kUserTailChars = 600;
constexpr int kMaxOutputTokens = 60;
constexpr double kDefaultConfidence = 0.8;

const char kInstruction[] =
    "You classify requests sent to a coding assistant so that a router can pick a model. Reply "
    "with one JSON object and nothing else: {\"category\": C, \"difficulty\": D, "
    "\"confidence\": X}. C is one of: \"architecture\" (system or API design, structure, "
    "trade-offs), \"reasoning\" (math, proofs, algorithms, puzzles), \"debugging\" (errors, "
    "crashes, failing tests), \"code\" (writing, reviewing or refactoring code), \"ui\" (CSS, "
    "layout, components, styling), \"summarize\" (summaries, translations, formatting, data "
    "extraction, commit messages), \"chat\" (greetings, small talk). D is \"low\" (a small "
    "model does it well), \"medium\" or \"high\" (needs the strongest model). X is your "
    "confidence from 0 to 1.";

QString contentText(const QJsonValue &content) {
    if (content.isString())
        return content.toString();
    QString text;
    for (const QJsonValue &part : content.toArray()) {
        const QString piece = part.toObject().value(QLatin1String("text")).toString();
        if (!piece.isEmpty())
            text += piece + QLatin1Char('\n');
    }
    return text;
}

QString excerpt(const QString &text, qsizetype head, qsizetype tail) {
    if (text.size() <= head + tail)
        return text;
    return text.left(head) +
           QStringLiteral("\n[... %1 characters left out ...]\n").arg(text.size() - head - tail) +
           text.right(tail);
}

QString promptExcerpt(const QJsonObject &clientBody) {
    QString system;
    QString lastUser;
    int messageCount = 0;
    for (const QJsonValue &value : clientBody.value(QLatin1String("messages")).toArray()) {
        const QJsonObject message = value.toObject();
        const QString role = message.value(QLatin1String("role")).toString();
        ++messageCount;
        if (system.isEmpty() &&
            (role == QLatin1String("system") || role == QLatin1String("developer")))
            system = contentText(message.value(QLatin1String("content")));
        else if (role == QLatin1String("user"))
            lastUser = contentText(message.value(QLatin1String("content")));
    }

    QString text = QStringLiteral("Messages in the conversation: %1. Tools offered: %2.\n")
                       .arg(messageCount)
                       .arg(clientBody.value(QLatin1String("tools")).toArray().size());
    if (!system.isEmpty())
        text += QStringLiteral("System prompt:\n") + excerpt(system, kSystemExcerptChars, 0) +
                QLatin1Char('\n');
    text +=
        QStringLiteral("Last user message:\n") + excerpt(lastUser, kUserHeadChars, kUserTailChars);
    return text;
}

// Returns the text between the first '{' and the last '}', which drops a ``` fence or a
// sentence some models put around the object despite the instruction.
QByteArray jsonObjectIn(const QString &content) {
    const qsizetype open = content.indexOf(QLatin1Char('{'));
    const qsizetype close = content.lastIndexOf(QLatin1Char('}'));
    if (open < 0 || close < open)
        return {};
    return content.mid(open, close - open + 1).toUtf8();
}

} // namespace

QJsonObject classifierRequest(const QJsonObject &clientBody, bool jsonMode) {
    const QJsonArray messages{
        QJsonObject{{QLatin1String("role"), QLatin1String("system")},
                    {QLatin1String("content"), QString::fromUtf8(kInstruction)}},
        QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                    {QLatin1String("content"), promptExcerpt(clientBody)}}};
    QJsonObject request{{QLatin1String("messages"), messages},
                        {QLatin1String("max_tokens"), kMaxOutputTokens},
                        {QLatin1String("temperature"), 0}};
    // Providers reject response_format on models without JSON mode. The instruction alone then
    // requests the object, and the parser tolerates text around it.
    if (jsonMode)
        request.insert(QLatin1String("response_format"),
                       QJsonObject{{QLatin1String("type"), QLatin1String("json_object")}});
    return request;
}

Result<ClassifierVerdict> parseClassifierResponse(const QByteArray &responseBody) {
    const QJsonObject response = QJsonDocument::fromJson(responseBody).object();
    const QString content = response.value(QLatin1String("choices"))
                                .toArray()
                                .first()
                                .toObject()
                                .value(QLatin1String("message"))
                                .toObject()
                                .value(QLatin1String("content"))
                                .toString();
    if (content.isEmpty())
        return Error{QStringLiteral("the classifier's response has no message content")};

    QJsonParseError parseError;
    const QJsonDocument answer = QJsonDocument::fromJson(jsonObjectIn(content), &parseError);
    if (!answer.isObject())
        return Error{QStringLiteral("the classifier's message content is not a JSON object: %1")
                         .arg(content.left(120))};

    const QJsonObject object = answer.object();
    const QString categoryName = object.value(QLatin1String("category")).toString();
    const QString difficultyName = object.value(QLatin1String("difficulty")).toString();
    const std::optional<TaskCategory> category = parseTaskCategory(categoryName);
    const std::optional<Difficulty> difficulty = parseDifficulty(difficultyName);
    if (!category)
        return Error{QStringLiteral("the classifier's verdict has an unknown category \"%1\"")
                         .arg(categoryName.left(40))};
    if (!difficulty)
        return Error{QStringLiteral("the classifier's verdict has an unknown difficulty \"%1\"")
                         .arg(difficultyName.left(40))};

    ClassifierVerdict verdict;
    verdict.category = *category;
    verdict.difficulty = *difficulty;
    const QJsonValue confidence = object.value(QLatin1String("confidence"));
    verdict.confidence =
        confidence.isDouble() ? qBound(0.0, confidence.toDouble(), 1.0) : kDefaultConfidence;
    return verdict;
}

QByteArray classifierCacheKey(const QString &model, const QJsonObject &classifierRequest) {
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(model.toUtf8());
    hash.addData(QByteArrayView("\n", 1));
    hash.addData(QJsonDocument(classifierRequest).toJson(QJsonDocument::Compact));
    return hash.result();
}

ClassifierCache::ClassifierCache(int capacity)
    : m_entries(capacity) {
}

std::optional<ClassifierVerdict> ClassifierCache::find(const QByteArray &key) const {
    const ClassifierVerdict *verdict = m_entries.object(key);
    if (!verdict)
        return std::nullopt;
    return *verdict;
}

void ClassifierCache::insert(const QByteArray &key, const ClassifierVerdict &verdict) {
    m_entries.insert(key, new ClassifierVerdict(verdict));
}

} // namespace signalbox
