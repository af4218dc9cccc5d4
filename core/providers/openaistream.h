// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "providers/streamcodec.h"

namespace signalbox {

// Reads OpenAI chat.completion.chunk events. The first event must be a JSON object; an event with
// an `error` key, or Mistral's flat {"object":"error"}, is an error at any point. Usage may come
// on any chunk: the usage-only chunk, the last content chunk (Gemini's compatible endpoint) or
// an earlier one (xAI). Text in `reasoning_content` or `reasoning` is thinking.
class OpenAiStreamDecoder : public StreamDecoder {
public:
    explicit OpenAiStreamDecoder(QString providerId);

    DecodedEvent decode(const SseEvent &event) override;

private:
    void decodeChoice(const QJsonObject &choice, DecodedEvent &out);

    QString m_providerId;
    bool m_started = false;
};

// Writes canonical events as OpenAI chunks: `data: <json>\n\n`, ending with `data: [DONE]`.
// The usage chunk goes out at the end, and only when the client asked for it.
class OpenAiStreamEncoder : public ClientStreamEncoder {
public:
    OpenAiStreamEncoder(bool includeUsage, qint64 created, const QString &upstreamModel = {});

    QByteArray encode(const StreamEvent &event) override;
    QByteArray finish() override;

private:
    QByteArray chunk(const QByteArray &delta, const QString &finishReason = {}) const;

    bool m_includeUsage;
    qint64 m_created;
    QString m_id = QStringLiteral("chatcmpl-signalbox");
    QString m_model; // the upstream's model name, until its first event names one
    bool m_started = false;
    std::optional<Usage> m_usage;
};

} // namespace signalbox
