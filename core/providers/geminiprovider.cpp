// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "providers/geminiprovider.h"

#include "providers/geminicodec.h"
#include "providers/openaiwire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace signalbox {

namespace {

QLatin1String key(const char *name) {
    return QLatin1String(name);
}

QUrl modelUrl(const UpstreamRequest &request) {
    // Model names from Google's model list start with "models/".
    QString model = request.model.upstreamId;
    if (model.startsWith(QLatin1String("models/")))
        model = model.mid(7);
    const QString method = request.stream ? QStringLiteral(":streamGenerateContent")
                                          : QStringLiteral(":generateContent");
    QUrl url(trimmedBaseUrl(request.provider.baseUrl) + QStringLiteral("/models/") + model + method,
             QUrl::StrictMode);
    // Without alt=sse the stream is one JSON array instead of server-sent events.
    if (request.stream)
        url.setQuery(QStringLiteral("alt=sse"));
    return url;
}

StreamEvent makeEvent(StreamEvent::Kind kind, int index = 0, const QString &text = {}) {
    StreamEvent event;
    event.kind = kind;
    event.index = index;
    event.text = text;
    return event;
}

} // namespace

Result<PreparedCall> GeminiAdapter::prepare(const UpstreamRequest &request) const {
    Result<QJsonObject> body = geminicodec::encodeRequest(request.chat);
    if (!body)
        return Error{body.error()};
    PreparedCall call;
    call.url = modelUrl(request);
    call.body = QJsonDocument(body.value()).toJson(QJsonDocument::Compact);
    if (!request.apiKey.isEmpty())
        call.headers.append({QByteArrayLiteral("x-goog-api-key"), request.apiKey.toUtf8()});
    return call;
}

UpstreamError GeminiAdapter::errorFromBody(int httpStatus, QByteArrayView body,
                                           const QString &providerId) const {
    const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray());
    if (!document.object().value(QLatin1String("error")).isObject())
        return openaiwire::errorFromBody(httpStatus, body, providerId);
    return geminicodec::errorFromObject(document.object(), httpStatus, providerId);
}

std::optional<UpstreamError> GeminiAdapter::errorInBody(const QJsonObject &body,
                                                        const QString &providerId) const {
    if (!body.value(QLatin1String("error")).isObject())
        return std::nullopt;
    return geminicodec::errorFromObject(body, 200, providerId);
}

std::unique_ptr<StreamDecoder> GeminiAdapter::createStreamDecoder(const QString &providerId) const {
    return std::make_unique<GeminiStreamDecoder>(providerId);
}

ChatResponse GeminiAdapter::decodeResponse(const QJsonObject &body) const {
    return geminicodec::decodeResponse(body);
}

bool GeminiAdapter::isPassedOnHeader(const QByteArray &name) const {
    return name == "retry-after" || name == "x-goog-request-id";
}

GeminiStreamDecoder::GeminiStreamDecoder(QString providerId)
    : m_providerId(std::move(providerId)) {
}

DecodedEvent GeminiStreamDecoder::decode(const SseEvent &event) {
    DecodedEvent out;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(event.data, &parseError);
    if (!document.isObject()) {
        if (!m_started) {
            UpstreamError error;
            error.kind = UpstreamError::Kind::Protocol;
            error.httpStatus = 200;
            error.message = QStringLiteral("upstream provider \"%1\" started its stream with an "
                                           "event that is not a JSON object (%2)")
                                .arg(m_providerId, parseError.errorString());
            out.error = error;
        }
        out.keepAlive = true;
        return out;
    }

    const QJsonObject response = document.object();
    if (response.value(key("error")).isObject()) {
        out.error = geminicodec::errorFromObject(response, 200, m_providerId);
        return out;
    }
    if (!m_started) {
        m_started = true;
        m_responseId = response.value(key("responseId")).toString();
        StreamEvent start = makeEvent(StreamEvent::Kind::MessageStart);
        start.id = m_responseId;
        start.name = response.value(key("modelVersion")).toString();
        out.events << start;
    }

    const QJsonArray candidates = response.value(key("candidates")).toArray();
    const QJsonObject candidate = candidates.at(0).toObject();
    decodeParts(candidate.value(key("content")).toObject().value(key("parts")).toArray(), out);

    FinishReason finish = geminicodec::parseFinishReason(
        candidate.value(key("finishReason")).toString(), m_toolCalls > 0);
    if (candidates.isEmpty() &&
        response.value(key("promptFeedback")).toObject().contains(key("blockReason")))
        finish = FinishReason::ContentFilter;
    if (finish != FinishReason::None) {
        m_finished = true;
        StreamEvent finishEvent = makeEvent(StreamEvent::Kind::Finish);
        finishEvent.finishReason = finish;
        out.events << finishEvent;
    }

    if (response.value(key("usageMetadata")).isObject()) {
        m_usage = geminicodec::parseUsage(response.value(key("usageMetadata")).toObject());
        m_inputReported = true;
        m_usageComplete = m_finished;
        StreamEvent usage = makeEvent(StreamEvent::Kind::Usage);
        usage.usage = m_usage;
        out.events << usage;
    }
    return out;
}

void GeminiStreamDecoder::decodeParts(const QJsonArray &parts, DecodedEvent &out) {
    for (const QJsonValue &value : parts) {
        const QJsonObject part = value.toObject();
        if (part.contains(key("functionCall"))) {
            const QJsonObject call = part.value(key("functionCall")).toObject();
            const int index = m_toolCalls++;
            StreamEvent start = makeEvent(StreamEvent::Kind::ToolCallStart, index);
            // Gemini gives no call ids unless asked, so the id is made from the response's.
            start.id = call.value(key("id")).toString();
            if (start.id.isEmpty())
                start.id = QStringLiteral("call_%1_%2").arg(m_responseId).arg(index);
            start.name = call.value(key("name")).toString();
            out.events << start;
            out.events << makeEvent(
                StreamEvent::Kind::ToolArgumentsDelta, index,
                QString::fromUtf8(QJsonDocument(call.value(key("args")).toObject())
                                      .toJson(QJsonDocument::Compact)));
        } else if (part.value(key("thought")).toBool()) {
            const QString text = part.value(key("text")).toString();
            if (!text.isEmpty())
                out.events << makeEvent(StreamEvent::Kind::ThinkingDelta, 0, text);
        } else {
            const QString text = part.value(key("text")).toString();
            if (!text.isEmpty())
                out.events << makeEvent(StreamEvent::Kind::TextDelta, 0, text);
        }
    }
}

} // namespace signalbox
