// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "providers/provideradapter.h"

namespace signalbox {

// OpenAI Chat Completions: OpenAI itself and the OpenAI-compatible providers (Mistral, Groq,
// DeepSeek, xAI, OpenRouter, vLLM and others), authenticated with `Authorization: Bearer`.
class OpenAiAdapter : public ProviderAdapter {
public:
    WireFormat wireFormat() const override { return WireFormat::OpenAiChat; }
    Result<PreparedCall> prepare(const UpstreamRequest &request) const override;
    UpstreamError errorFromBody(int httpStatus, QByteArrayView body,
                                const QString &providerId) const override;
    std::optional<UpstreamError> errorInBody(const QJsonObject &body,
                                             const QString &providerId) const override;
    std::unique_ptr<StreamDecoder> createStreamDecoder(const QString &providerId) const override;
    bool streamNeedsEndMarker() const override { return false; }
    ChatResponse decodeResponse(const QJsonObject &body) const override;
    std::optional<ScannedResponse> scanPassedOnResponse(QByteArrayView body) const override;
    bool isPassedOnHeader(const QByteArray &name) const override;

protected:
    // Returns the request body: the client's with the model changed, or the translation.
    Result<QByteArray> requestBody(const UpstreamRequest &request) const;
    virtual QUrl endpointUrl(const UpstreamRequest &request) const;
};

// Azure OpenAI: the OpenAI format at a deployment URL,
// {base_url}/openai/deployments/{upstream_id}/chat/completions?api-version=..., with the key in
// an api-key header. A base_url that ends with /openai/v1 uses Azure's v1 API instead, whose
// paths are OpenAI's and which takes no api-version.
class AzureOpenAiAdapter : public OpenAiAdapter {
public:
    Result<PreparedCall> prepare(const UpstreamRequest &request) const override;
    bool isPassedOnHeader(const QByteArray &name) const override;

protected:
    QUrl endpointUrl(const UpstreamRequest &request) const override;
};

// The api-version sent when a provider of kind azure-openai sets none: the generally available
// version of 2024-10-21.
inline constexpr char kAzureDefaultApiVersion[] = "2024-10-21";

} // namespace signalbox
