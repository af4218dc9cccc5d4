// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// Bodies and stream chunks of OpenAI Chat Completions, written by hand so that the key order
// and the compact framing match what api.openai.com sends.
namespace signalbox::fakeopenai {

// The fields every body or chunk of one completion shares.
struct Completion {
    QByteArray id; // chatcmpl-..., as it appears between the quotes of the JSON string
    qint64 created = 0;
    QString model;
    bool omitModel = false;    // leave "model" out, as some OpenAI-compatible servers do
    bool includeUsage = false; // the request set stream_options.include_usage
    bool obfuscation = false;  // add the "obfuscation" padding key to every chunk
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    qint64 cachedTokens = 0;
    qint64 reasoningTokens = 0;
};

QByteArray jsonString(const QString &text);

QByteArray usageObject(const Completion &completion);
QByteArray nonStreamBody(const Completion &completion, const QString &content,
                         const QByteArray &finishReason);

// Stream chunks: the JSON only, without the "data: " framing.
QByteArray roleChunk(const Completion &completion);
QByteArray contentChunk(const Completion &completion, const QString &piece);
QByteArray closingChunk(const Completion &completion, const QByteArray &finishReason);
QByteArray usageChunk(const Completion &completion);
QByteArray reasoningChunk(const Completion &completion, const QString &piece);
// A content chunk that also carries the usage object.
QByteArray contentChunkWithUsage(const Completion &completion, const QString &piece);
// The first fragment of a tool call: its id and name, with empty arguments.
QByteArray toolCallStartChunk(const Completion &completion, const QByteArray &callId,
                              const QString &name);
QByteArray toolArgumentsChunk(const Completion &completion, const QByteArray &piece);
// A chat.completion body whose message calls a tool.
QByteArray toolCallBody(const Completion &completion, const QByteArray &callId, const QString &name,
                        const QByteArray &arguments);

// Error bodies in the shapes providers use. An empty code is written as null.
QByteArray openAiError(const QByteArray &message, const QByteArray &type, const QByteArray &code);
QByteArray mistralError(const QByteArray &message, const QByteArray &type, const QByteArray &code);
QByteArray openRouterError(int code, const QByteArray &message);

// Splits bytes into `count` pieces of nearly equal length.
QList<QByteArray> splitBytes(const QByteArray &bytes, int count);

// Splits text into `count` pieces of nearly equal length; fewer when the text is shorter.
QStringList splitText(const QString &text, int count);

} // namespace signalbox::fakeopenai
