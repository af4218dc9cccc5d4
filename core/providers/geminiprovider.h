// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "providers/provideradapter.h"

namespace signalbox {

// Google Gemini (v1beta): POST {base_url}/models/{model}:generateContent, or
// :streamGenerateContent?alt=sse for streams, with the key in x-goog-api-key.
class GeminiAdapter : public ProviderAdapter {
public:
    WireFormat wireFormat() const override { return WireFormat::Gemini; }
    Result<PreparedCall> prepare(const UpstreamRequest &request) const override;
    UpstreamError errorFromBody(int httpStatus, QByteArrayView body,
                                const QString &providerId) const override;
    std::optional<UpstreamError> errorInBody(const QJsonObject &body,
                                             const QString &providerId) const override;
    std::unique_ptr<StreamDecoder> createStreamDecoder(const QString &providerId) const override;
    bool streamNeedsEndMarker() const override { return false; }
    ChatResponse decodeResponse(const QJsonObject &body) const override;
    bool isPassedOnHeader(const QByteArray &name) const override;
};

// Reads Gemini stream events, each a whole GenerateContentResponse. Every event repeats the
// usage so far, and the one with the finishReason has the final counts. A function call arrives
// whole in one part, so its arguments become one delta.
class GeminiStreamDecoder : public StreamDecoder {
public:
    explicit GeminiStreamDecoder(QString providerId);

    DecodedEvent decode(const SseEvent &event) override;

private:
    void decodeParts(const QJsonArray &parts, DecodedEvent &out);

    QString m_providerId;
    QString m_responseId;
    bool m_started = false;
    bool m_finished = false;
    int m_toolCalls = 0;
};

} // namespace signalbox
