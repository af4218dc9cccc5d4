// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "translatorfuzz.h"

#include "chat/tokens.h"
#include "fuzzsplit.h"
#include "providers/anthropiccodec.h"
#include "providers/anthropicprovider.h"
#include "providers/geminiprovider.h"
#include "providers/openaicodec.h"
#include "providers/openaiprovider.h"
#include "providers/openaiwire.h"
#include "providers/sseparser.h"
#include "providers/streamcodec.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdlib>
#include <memory>

namespace signalbox::fuzz {

namespace {

// Two keys, so that a call prepared with each can be compared. Only the auth header may differ.
const QString kKeyA = QStringLiteral("sk-fuzz-planted-key-a");
const QString kKeyB = QStringLiteral("sk-fuzz-planted-key-b");

QByteArray payloadBytes(const uint8_t *data, size_t size) {
    const QByteArrayView payload = payloadOf(data, size);
    return QByteArray(payload.data(), payload.size());
}

void requireJsonObject(const QByteArray &json) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        std::abort();
}

// An upstream may echo the key in its error message, so ProviderCall redacts every message.
void requireRedacted(const QString &message) {
    if (openaiwire::redact(message, kKeyA).contains(kKeyA))
        std::abort();
}

Result<ChatRequest> decodeRequest(WireFormat format, const QJsonObject &body) {
    if (format == WireFormat::AnthropicMessages)
        return anthropiccodec::decodeRequest(body);
    return openaicodec::decodeRequest(body);
}

std::unique_ptr<ProviderAdapter> adapterFor(WireFormat format) {
    switch (format) {
    case WireFormat::OpenAiChat:
        return std::make_unique<OpenAiAdapter>();
    case WireFormat::AnthropicMessages:
        return std::make_unique<AnthropicAdapter>();
    case WireFormat::Gemini:
        return std::make_unique<GeminiAdapter>();
    }
    std::abort();
}

int headersCarryingKey(const PreparedCall &call) {
    int count = 0;
    for (const auto &[name, value] : call.headers) {
        if (name.contains(kKeyA.toUtf8()))
            std::abort();
        if (value.contains(kKeyA.toUtf8()))
            ++count;
    }
    return count;
}

void checkPrepared(const ProviderAdapter &adapter, UpstreamRequest request) {
    request.apiKey = kKeyA;
    const Result<PreparedCall> withA = adapter.prepare(request);
    request.apiKey = kKeyB;
    const Result<PreparedCall> withB = adapter.prepare(request);
    if (withA.ok() != withB.ok())
        std::abort();
    if (!withA.ok()) {
        if (withA.error() != withB.error())
            std::abort();
        return;
    }
    const PreparedCall &call = withA.value();
    if (call.body != withB.value().body || call.url != withB.value().url)
        std::abort();
    if (headersCarryingKey(call) != 1)
        std::abort();
    requireJsonObject(call.body);

    // What Signalbox writes in a client format it must also accept in that format.
    if (adapter.wireFormat() == WireFormat::Gemini)
        return;
    const QJsonObject body = QJsonDocument::fromJson(call.body).object();
    if (!decodeRequest(adapter.wireFormat(), body).ok())
        std::abort();
}

void checkRequest(WireFormat client, const uint8_t *data, size_t size) {
    const QByteArray payload = payloadBytes(data, size);
    const QJsonDocument document = QJsonDocument::fromJson(payload);
    if (!document.isObject())
        return;
    const Result<ChatRequest> chat = decodeRequest(client, document.object());
    if (!chat.ok())
        return;
    // ChatRun reads the routing features from the body (OpenAI) or the decoded request.
    (void)analyzeChatRequest(document.object());
    (void)analyzeChatRequest(chat.value());

    UpstreamRequest request;
    request.provider.id = QStringLiteral("fuzz");
    request.provider.baseUrl = QStringLiteral("http://127.0.0.1:9/v1");
    request.model.upstreamId = QStringLiteral("upstream-model");
    request.clientFormat = client;
    request.body = payload;
    request.chat = chat.value();
    request.stream = size > 0 && (data[0] & 0x10) != 0;
    for (WireFormat provider :
         {WireFormat::OpenAiChat, WireFormat::AnthropicMessages, WireFormat::Gemini})
        checkPrepared(*adapterFor(provider), request);
}

void checkResponse(const ProviderAdapter &adapter, const uint8_t *data, size_t size) {
    const QByteArray payload = payloadBytes(data, size);
    const int status = size > 0 ? 400 + data[0] % 200 : 500;
    requireRedacted(adapter.errorFromBody(status, payload, QStringLiteral("fuzz")).message);

    const QJsonDocument document = QJsonDocument::fromJson(payload);
    if (!document.isObject())
        return;
    if (const std::optional<UpstreamError> error =
            adapter.errorInBody(document.object(), QStringLiteral("fuzz"))) {
        if (!error->isError())
            std::abort();
        requireRedacted(error->message);
        return;
    }
    const ChatResponse response = adapter.decodeResponse(document.object());
    requireJsonObject(encodeClientResponse(WireFormat::OpenAiChat, response));
    requireJsonObject(encodeClientResponse(WireFormat::AnthropicMessages, response));
}

QList<SseEvent> parseFrames(const QByteArray &frames) {
    SseParser parser;
    QList<SseEvent> events = parser.feed(frames);
    events += parser.finish();
    return events;
}

void checkOpenAiFrames(const QByteArray &frames, bool complete) {
    const QList<SseEvent> events = parseFrames(frames);
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (events[i].data == "[DONE]") {
            if (i != events.size() - 1)
                std::abort();
            continue;
        }
        requireJsonObject(events[i].data);
    }
    if (complete && (events.isEmpty() || events.last().data != "[DONE]"))
        std::abort();
}

void checkAnthropicFrames(const QByteArray &frames, bool complete) {
    int openBlocks = 0;
    const QList<SseEvent> events = parseFrames(frames);
    for (const SseEvent &event : events) {
        requireJsonObject(event.data);
        const QJsonObject object = QJsonDocument::fromJson(event.data).object();
        if (object.value(QLatin1String("type")).toString().toUtf8() != event.event)
            std::abort();
        if (event.event == "content_block_start")
            ++openBlocks;
        else if (event.event == "content_block_stop")
            --openBlocks;
        if (openBlocks < 0 || openBlocks > 1)
            std::abort();
    }
    if (complete && (openBlocks != 0 || events.isEmpty() || events.last().event != "message_stop"))
        std::abort();
}

// Mirrors ProviderCall's stream handling. It decodes until the first error, and closes the
// client's stream only when the upstream's stream is complete.
class StreamRun {
public:
    StreamRun(const ProviderAdapter &adapter, bool includeUsage)
        : m_adapter(adapter)
        , m_decoder(adapter.createStreamDecoder(QStringLiteral("fuzz")))
        , m_openAi(createClientStreamEncoder(WireFormat::OpenAiChat, includeUsage, 1700000000))
        , m_anthropic(createClientStreamEncoder(WireFormat::AnthropicMessages, false, 0)) {}

    // Returns false once the stream has failed.
    bool handle(const SseEvent &event) {
        const DecodedEvent decoded = m_decoder->decode(event);
        if (decoded.error) {
            if (!decoded.error->isError())
                std::abort();
            requireRedacted(decoded.error->message);
            m_failed = true;
            return false;
        }
        m_sawDone = m_sawDone || decoded.done;
        m_sawEvents = m_sawEvents || !decoded.events.isEmpty();
        for (const StreamEvent &canonical : decoded.events) {
            m_openAiFrames += m_openAi->encode(canonical);
            m_anthropicFrames += m_anthropic->encode(canonical);
        }
        return true;
    }

    // The parser dropped an event over its size limit, which ends the stream with an error.
    void fail() { m_failed = true; }

    void finish() {
        const bool complete =
            !m_failed && m_sawEvents && (m_sawDone || !m_adapter.streamNeedsEndMarker());
        if (complete) {
            m_openAiFrames += m_openAi->finish();
            m_anthropicFrames += m_anthropic->finish();
        }
        checkOpenAiFrames(m_openAiFrames, complete);
        checkAnthropicFrames(m_anthropicFrames, complete);
    }

private:
    const ProviderAdapter &m_adapter;
    std::unique_ptr<StreamDecoder> m_decoder;
    std::unique_ptr<ClientStreamEncoder> m_openAi;
    std::unique_ptr<ClientStreamEncoder> m_anthropic;
    QByteArray m_openAiFrames;
    QByteArray m_anthropicFrames;
    bool m_failed = false;
    bool m_sawDone = false;
    bool m_sawEvents = false;
};

bool handleAll(StreamRun &run, const QList<SseEvent> &events) {
    for (const SseEvent &event : events) {
        if (!run.handle(event))
            return false;
    }
    return true;
}

void checkStream(const ProviderAdapter &adapter, const uint8_t *data, size_t size) {
    StreamRun run(adapter, size > 0 && (data[0] & 0x10) != 0);
    SseParser parser;
    bool running = true;
    for (QByteArrayView piece : splitInput(data, size)) {
        running = handleAll(run, parser.feed(piece));
        if (!running)
            break;
        if (parser.overflowed()) {
            run.fail();
            running = false;
            break;
        }
    }
    if (running)
        handleAll(run, parser.finish());
    run.finish();
}

} // namespace

void runTranslatorInput(WireFormat format, const uint8_t *data, size_t size) {
    if (size == 0)
        return;
    const std::unique_ptr<ProviderAdapter> adapter = adapterFor(format);
    const bool isClientFormat = format != WireFormat::Gemini;
    const int step = data[0] % (isClientFormat ? 3 : 2);
    if (step == 0)
        checkResponse(*adapter, data, size);
    else if (step == 1)
        checkStream(*adapter, data, size);
    else
        checkRequest(format, data, size);
}

} // namespace signalbox::fuzz
