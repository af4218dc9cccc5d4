// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "providers/upstreamfactory.h"

#include "providers/anthropicprovider.h"
#include "providers/geminiprovider.h"
#include "providers/openaiprovider.h"
#include "providers/providercall.h"

namespace signalbox {

std::optional<WireFormat> providerWireFormat(const QString &kind) {
    if (kind == QLatin1String("openai") || kind == QLatin1String("simulated") ||
        kind == QLatin1String("azure-openai"))
        return WireFormat::OpenAiChat;
    if (kind == QLatin1String("anthropic"))
        return WireFormat::AnthropicMessages;
    if (kind == QLatin1String("gemini"))
        return WireFormat::Gemini;
    return std::nullopt;
}

Result<std::unique_ptr<UpstreamCall>>
createUpstreamCall(UpstreamRequest request, HttpClient *client, WarningThrottle *failureWarnings) {
    const QString kind = request.provider.kind;
    std::unique_ptr<ProviderAdapter> adapter;

    // The simulated demo upstream speaks the OpenAI format.
    if (kind == QLatin1String("openai") || kind == QLatin1String("simulated"))
        adapter = std::make_unique<OpenAiAdapter>();
    else if (kind == QLatin1String("anthropic"))
        adapter = std::make_unique<AnthropicAdapter>();
    else if (kind == QLatin1String("gemini"))
        adapter = std::make_unique<GeminiAdapter>();
    else if (kind == QLatin1String("azure-openai"))
        adapter = std::make_unique<AzureOpenAiAdapter>();

    // Every kind the config accepts has an adapter; this guards a kind added to the config
    // before its adapter.
    if (!adapter)
        return Error{
            QStringLiteral("provider \"%1\" has kind \"%2\", which this build cannot "
                           "call; use one of: %3")
                .arg(request.provider.id, kind, providerKinds().join(QStringLiteral(", ")))};
    return std::unique_ptr<UpstreamCall>(
        new ProviderCall(std::move(request), std::move(adapter), client, failureWarnings));
}

} // namespace signalbox
