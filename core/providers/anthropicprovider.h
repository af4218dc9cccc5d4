// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "providers/provideradapter.h"

namespace signalbox {

// Anthropic Messages: POST {base_url}/v1/messages with x-api-key and anthropic-version headers.
class AnthropicAdapter : public ProviderAdapter {
public:
    WireFormat wireFormat() const override { return WireFormat::AnthropicMessages; }
    Result<PreparedCall> prepare(const UpstreamRequest &request) const override;
    UpstreamError errorFromBody(int httpStatus, QByteArrayView body,
                                const QString &providerId) const override;
    std::optional<UpstreamError> errorInBody(const QJsonObject &body,
                                             const QString &providerId) const override;
    std::unique_ptr<StreamDecoder> createStreamDecoder(const QString &providerId) const override;
    bool streamNeedsEndMarker() const override { return true; }
    ChatResponse decodeResponse(const QJsonObject &body) const override;
    bool isPassedOnHeader(const QByteArray &name) const override;
};

// The max_tokens sent for a request from a client that set none (OpenAI clients may omit it,
// Anthropic requires it): 4096, or the model's maximum when that is lower.
qint64 defaultAnthropicMaxTokens(const ModelConfig &model);

} // namespace signalbox
