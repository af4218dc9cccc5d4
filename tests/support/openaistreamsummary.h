// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace signalbox::testing {

// What an OpenAI chat.completion.chunk stream carried, joined across its chunks.
struct OpenAiStreamSummary {
    QString text;          // delta.content
    QString reasoning;     // delta.reasoning_content
    QString toolArguments; // delta.tool_calls[].function.arguments
    QString finishReason;  // the last finish_reason that is set
    QJsonObject usage;     // the last usage object
    int chunks = 0;        // data lines with a JSON object
    int otherObjects = 0;  // of those, objects whose "object" is not chat.completion.chunk
    bool done = false;     // the stream ends with "data: [DONE]"
};

// Reads the data lines of an SSE stream in OpenAI's chunk format.
OpenAiStreamSummary summarizeOpenAiStream(const QByteArray &frames);

} // namespace signalbox::testing
