// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "providers/openaiprovider.h"

#include "providers/openaicodec.h"
#include "providers/openaistream.h"
#include "providers/openaiwire.h"

#include <QJsonDocument>

namespace signalbox {

namespace {

// OpenAI's reasoning models reject max_tokens, but many compatible servers know only that
// field, so the newer one goes to OpenAI's own API and Azure OpenAI alone.
openaicodec::MaxTokensField maxTokensFieldFor(const ProviderConfig &provider) {
    // Parsing the base URL for each request took 2% of the instructions of a pass-through request,
    // so the host of the last one is kept, as in endpointUrl().
    thread_local QString lastBaseUrl;
    thread_local bool lastIsOpenAi = false;
    if (provider.baseUrl != lastBaseUrl || lastBaseUrl.isEmpty()) {
        lastIsOpenAi = QUrl(provider.baseUrl).host() == QLatin1String("api.openai.com");
        lastBaseUrl = provider.baseUrl;
    }
    const bool openAi = lastIsOpenAi || provider.kind == QLatin1String("azure-openai");
    return openAi ? openaicodec::MaxTokensField::MaxCompletionTokens
                  : openaicodec::MaxTokensField::MaxTokens;
}

} // namespace

Result<QByteArray> OpenAiAdapter::requestBody(const UpstreamRequest &request) const {
    if (request.clientFormat == WireFormat::OpenAiChat) {
        const openaiwire::OutputLimit limit{request.outputLimit,
                                            maxTokensFieldFor(request.provider) ==
                                                openaicodec::MaxTokensField::MaxCompletionTokens};
        return openaiwire::rewriteRequestBody(request.body, request.model.upstreamId,
                                              request.stream, limit);
    }
    ChatRequest chat = request.chat;
    chat.stream = request.stream;
    const QJsonObject body = openaicodec::encodeRequest(chat, request.model.upstreamId,
                                                        maxTokensFieldFor(request.provider));
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QUrl OpenAiAdapter::endpointUrl(const UpstreamRequest &request) const {
    // Parsing the URL took about 2% of a pass-through request's CPU time, and calls in a row
    // nearly always go to the same provider. A copy of a QUrl shares its data.
    thread_local QString lastBaseUrl;
    thread_local QUrl lastUrl;
    if (request.provider.baseUrl != lastBaseUrl || lastUrl.isEmpty()) {
        lastUrl =
            QUrl(trimmedBaseUrl(request.provider.baseUrl) + QStringLiteral("/chat/completions"),
                 QUrl::StrictMode);
        lastBaseUrl = request.provider.baseUrl;
    }
    return lastUrl;
}

Result<PreparedCall> OpenAiAdapter::prepare(const UpstreamRequest &request) const {
    Result<QByteArray> body = requestBody(request);
    if (!body)
        return Error{body.error()};
    PreparedCall call;
    call.url = endpointUrl(request);
    call.body = body.value();
    if (!request.apiKey.isEmpty())
        call.headers.append(
            {QByteArrayLiteral("Authorization"), "Bearer " + request.apiKey.toUtf8()});
    return call;
}

UpstreamError OpenAiAdapter::errorFromBody(int httpStatus, QByteArrayView body,
                                           const QString &providerId) const {
    return openaiwire::errorFromBody(httpStatus, body, providerId);
}

std::optional<UpstreamError> OpenAiAdapter::errorInBody(const QJsonObject &body,
                                                        const QString &providerId) const {
    if (!openaiwire::hasError(body))
        return std::nullopt;
    return openaiwire::errorFromObject(body, providerId);
}

std::unique_ptr<StreamDecoder> OpenAiAdapter::createStreamDecoder(const QString &providerId) const {
    return std::make_unique<OpenAiStreamDecoder>(providerId);
}

ChatResponse OpenAiAdapter::decodeResponse(const QJsonObject &body) const {
    return openaicodec::decodeResponse(body);
}

std::optional<ScannedResponse> OpenAiAdapter::scanPassedOnResponse(QByteArrayView body) const {
    return openaiwire::scanResponseBody(body);
}

bool OpenAiAdapter::isPassedOnHeader(const QByteArray &name) const {
    return name == "x-request-id" || name == "openai-processing-ms" || name == "retry-after" ||
           name == "retry-after-ms" || name == "x-generation-id" || name.startsWith("x-ratelimit-");
}

Result<PreparedCall> AzureOpenAiAdapter::prepare(const UpstreamRequest &request) const {
    Result<QByteArray> body = requestBody(request);
    if (!body)
        return Error{body.error()};
    PreparedCall call;
    call.url = endpointUrl(request);
    call.body = body.value();
    if (!request.apiKey.isEmpty())
        call.headers.append({QByteArrayLiteral("api-key"), request.apiKey.toUtf8()});
    return call;
}

QUrl AzureOpenAiAdapter::endpointUrl(const UpstreamRequest &request) const {
    const QString base = trimmedBaseUrl(request.provider.baseUrl);
    if (base.endsWith(QLatin1String("/openai/v1")))
        return QUrl(base + QStringLiteral("/chat/completions"), QUrl::StrictMode);

    QUrl url(base + QStringLiteral("/openai/deployments/") +
                 QString::fromUtf8(QUrl::toPercentEncoding(request.model.upstreamId)) +
                 QStringLiteral("/chat/completions"),
             QUrl::StrictMode);
    const QString version = request.provider.apiVersion.isEmpty()
                                ? QString::fromLatin1(kAzureDefaultApiVersion)
                                : request.provider.apiVersion;
    url.setQuery(QStringLiteral("api-version=") + version);
    return url;
}

bool AzureOpenAiAdapter::isPassedOnHeader(const QByteArray &name) const {
    return OpenAiAdapter::isPassedOnHeader(name) || name == "apim-request-id";
}

} // namespace signalbox
