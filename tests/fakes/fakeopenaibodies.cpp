// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "fakes/fakeopenaibodies.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <algorithm>

namespace signalbox::fakeopenai {

namespace {

QByteArray modelMember(const Completion &completion) {
    return completion.omitModel ? QByteArray() : ",\"model\":" + jsonString(completion.model);
}

QByteArray chunk(const Completion &completion, const QByteArray &choices, const QByteArray &usage)
{
    QByteArray json = "{\"id\":\"" + completion.id +
                      "\",\"object\":\"chat.completion.chunk\",\"created\":" +
                      QByteArray::number(completion.created) + modelMember(completion) +
                      ",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_fake01\"" +
                      ",\"choices\":" + choices;
    if (completion.includeUsage)
        json += ",\"usage\":" + usage;
    if (completion.obfuscation)
        json += ",\"obfuscation\":\"" +
                QByteArray::number(QRandomGenerator::global()->generate(), 36) + '"';
    return json + '}';
}

QByteArray choice(const QByteArray &delta, const QByteArray &finishReason)
{
    const QByteArray finish = finishReason.isEmpty() ? QByteArray("null") : '"' + finishReason + '"';
    return "[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":" + finish +
           "}]";
}

QByteArray codeOrNull(const QByteArray &code)
{
    return code.isEmpty() ? QByteArray("null") : jsonString(QString::fromUtf8(code));
}

} // namespace

QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.sliced(1, array.size() - 2);
}

QByteArray usageObject(const Completion &completion)
{
    const QByteArray total =
        QByteArray::number(completion.promptTokens + completion.completionTokens);
    return "{\"prompt_tokens\":" + QByteArray::number(completion.promptTokens) +
           ",\"completion_tokens\":" + QByteArray::number(completion.completionTokens) +
           ",\"total_tokens\":" + total +
           ",\"prompt_tokens_details\":{\"cached_tokens\":" +
           QByteArray::number(completion.cachedTokens) + ",\"audio_tokens\":0}" +
           ",\"completion_tokens_details\":{\"reasoning_tokens\":" +
           QByteArray::number(completion.reasoningTokens) +
           ",\"audio_tokens\":0,\"accepted_prediction_tokens\":0,"
           "\"rejected_prediction_tokens\":0}}";
}

QByteArray nonStreamBody(const Completion &completion, const QString &content,
                         const QByteArray &finishReason)
{
    return "{\"id\":\"" + completion.id + "\",\"object\":\"chat.completion\",\"created\":" +
           QByteArray::number(completion.created) + modelMember(completion) +
           ",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" +
           jsonString(content) +
           ",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,\"finish_reason\":\"" +
           finishReason + "\"}],\"usage\":" + usageObject(completion) +
           ",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_fake01\"}";
}

QByteArray roleChunk(const Completion &completion)
{
    return chunk(completion, choice("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", {}),
                 "null");
}

QByteArray contentChunk(const Completion &completion, const QString &piece)
{
    return chunk(completion, choice("{\"content\":" + jsonString(piece) + '}', {}), "null");
}

QByteArray closingChunk(const Completion &completion, const QByteArray &finishReason)
{
    return chunk(completion, choice("{}", finishReason), "null");
}

QByteArray usageChunk(const Completion &completion)
{
    Completion withUsage = completion;
    withUsage.includeUsage = true;
    return chunk(withUsage, "[]", usageObject(completion));
}

QByteArray reasoningChunk(const Completion &completion, const QString &piece)
{
    return chunk(completion, choice("{\"reasoning_content\":" + jsonString(piece) + '}', {}),
                 "null");
}

QByteArray contentChunkWithUsage(const Completion &completion, const QString &piece)
{
    Completion withUsage = completion;
    withUsage.includeUsage = true;
    return chunk(withUsage, choice("{\"content\":" + jsonString(piece) + '}', "stop"),
                 usageObject(completion));
}

QByteArray toolCallStartChunk(const Completion &completion, const QByteArray &callId,
                              const QString &name)
{
    return chunk(completion,
                 choice("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,"
                        "\"id\":\"" + callId + "\",\"type\":\"function\",\"function\":{\"name\":" +
                            jsonString(name) + ",\"arguments\":\"\"}}],\"refusal\":null}",
                        {}),
                 "null");
}

QByteArray toolArgumentsChunk(const Completion &completion, const QByteArray &piece)
{
    return chunk(completion,
                 choice("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":" +
                            jsonString(QString::fromUtf8(piece)) + "}}]}",
                        {}),
                 "null");
}

QByteArray toolCallBody(const Completion &completion, const QByteArray &callId,
                        const QString &name, const QByteArray &arguments)
{
    return "{\"id\":\"" + completion.id + "\",\"object\":\"chat.completion\",\"created\":" +
           QByteArray::number(completion.created) + modelMember(completion) +
           ",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
           "\"tool_calls\":[{\"id\":\"" +
           callId + "\",\"type\":\"function\",\"function\":{\"name\":" + jsonString(name) +
           ",\"arguments\":" + jsonString(QString::fromUtf8(arguments)) +
           "}}],\"refusal\":null,\"annotations\":[]},\"logprobs\":null,\"finish_reason\":"
           "\"tool_calls\"}],\"usage\":" +
           usageObject(completion) +
           ",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_fake01\"}";
}

QList<QByteArray> splitBytes(const QByteArray &bytes, int count)
{
    QList<QByteArray> pieces;
    const qsizetype parts = std::clamp<qsizetype>(count, 1, std::max<qsizetype>(1, bytes.size()));
    qsizetype start = 0;
    for (qsizetype i = 0; i < parts; ++i) {
        const qsizetype end = bytes.size() * (i + 1) / parts;
        pieces << bytes.mid(start, end - start);
        start = end;
    }
    return pieces;
}

QByteArray openAiError(const QByteArray &message, const QByteArray &type, const QByteArray &code)
{
    return "{\"error\":{\"message\":" + jsonString(QString::fromUtf8(message)) +
           ",\"type\":" + jsonString(QString::fromUtf8(type)) +
           ",\"param\":null,\"code\":" + codeOrNull(code) + "}}";
}

QByteArray mistralError(const QByteArray &message, const QByteArray &type, const QByteArray &code)
{
    return "{\"object\":\"error\",\"message\":" + jsonString(QString::fromUtf8(message)) +
           ",\"type\":" + jsonString(QString::fromUtf8(type)) +
           ",\"param\":null,\"code\":" + codeOrNull(code) + '}';
}

QByteArray openRouterError(int code, const QByteArray &message)
{
    return "{\"error\":{\"code\":" + QByteArray::number(code) +
           ",\"message\":" + jsonString(QString::fromUtf8(message)) + ",\"metadata\":{}}}";
}

QStringList splitText(const QString &text, int count)
{
    QStringList pieces;
    const qsizetype parts = std::clamp<qsizetype>(count, 1, std::max<qsizetype>(1, text.size()));
    qsizetype start = 0;
    for (qsizetype i = 0; i < parts; ++i) {
        const qsizetype end = text.size() * (i + 1) / parts;
        pieces << text.mid(start, end - start);
        start = end;
    }
    return pieces;
}

} // namespace signalbox::fakeopenai
