// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "support/openaistreamsummary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QList>

namespace signalbox::testing {

namespace {

void addChunk(const QJsonObject &chunk, OpenAiStreamSummary &summary) {
    ++summary.chunks;
    if (chunk.value(QLatin1String("object")).toString() != QLatin1String("chat.completion.chunk"))
        ++summary.otherObjects;
    if (chunk.value(QLatin1String("usage")).isObject())
        summary.usage = chunk.value(QLatin1String("usage")).toObject();

    const QJsonObject choice = chunk.value(QLatin1String("choices")).toArray().at(0).toObject();
    const QJsonObject delta = choice.value(QLatin1String("delta")).toObject();
    summary.text += delta.value(QLatin1String("content")).toString();
    summary.reasoning += delta.value(QLatin1String("reasoning_content")).toString();
    for (const QJsonValue &call : delta.value(QLatin1String("tool_calls")).toArray()) {
        const QJsonObject function = call.toObject().value(QLatin1String("function")).toObject();
        summary.toolArguments += function.value(QLatin1String("arguments")).toString();
    }
    if (choice.value(QLatin1String("finish_reason")).isString())
        summary.finishReason = choice.value(QLatin1String("finish_reason")).toString();
}

} // namespace

OpenAiStreamSummary summarizeOpenAiStream(const QByteArray &frames) {
    OpenAiStreamSummary summary;
    QByteArray lastData;
    for (const QByteArray &line : frames.split('\n')) {
        if (!line.startsWith("data: "))
            continue;
        lastData = line.mid(6);
        if (lastData.startsWith('{'))
            addChunk(QJsonDocument::fromJson(lastData).object(), summary);
    }
    summary.done = lastData == "[DONE]";
    return summary;
}

} // namespace signalbox::testing
