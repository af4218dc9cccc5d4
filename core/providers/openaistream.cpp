// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "providers/openaistream.h"

#include "providers/jsonwriter.h"
#include "providers/openaicodec.h"
#include "providers/openaiwire.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace signalbox {

namespace {

QLatin1String key(const char *name) {
    return QLatin1String(name);
}

StreamEvent makeEvent(StreamEvent::Kind kind, int index = 0, const QString &text = {}) {
    StreamEvent event;
    event.kind = kind;
    event.index = index;
    event.text = text;
    return event;
}

QByteArray dataFrame(const QByteArray &json) {
    return "data: " + json + "\n\n";
}

} // namespace

OpenAiStreamDecoder::OpenAiStreamDecoder(QString providerId)
    : m_providerId(std::move(providerId)) {
}

DecodedEvent OpenAiStreamDecoder::decode(const SseEvent &event) {
    DecodedEvent out;
    if (event.data == "[DONE]") {
        out.done = true;
        return out;
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(event.data, &parseError);
    if (!document.isObject()) {
        // Only the first event must parse: later junk is skipped, so one bad line of a
        // long answer does not end it.
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

    const QJsonObject chunk = document.object();
    if (openaiwire::hasError(chunk)) {
        out.error = openaiwire::errorFromObject(chunk, m_providerId);
        return out;
    }
    if (!m_started) {
        m_started = true;
        StreamEvent start = makeEvent(StreamEvent::Kind::MessageStart);
        start.id = chunk.value(key("id")).toString();
        start.name = chunk.value(key("model")).toString();
        out.events << start;
    }

    const QJsonArray choices = chunk.value(key("choices")).toArray();
    if (!choices.isEmpty())
        decodeChoice(choices.first().toObject(), out);

    if (openaiwire::mayCarryUsage(event.data)) {
        if (const std::optional<Usage> usage = openaiwire::parseUsage(chunk)) {
            m_usage = *usage;
            m_inputReported = true;
            m_usageComplete = true;
            StreamEvent usageEvent = makeEvent(StreamEvent::Kind::Usage);
            usageEvent.usage = *usage;
            out.events << usageEvent;
            out.usageOnly = openaiwire::isUsageOnlyChunk(chunk);
        }
    }
    return out;
}

void OpenAiStreamDecoder::decodeChoice(const QJsonObject &choice, DecodedEvent &out) {
    const QJsonObject delta = choice.value(key("delta")).toObject();
    QString reasoning = delta.value(key("reasoning_content")).toString();
    if (reasoning.isEmpty())
        reasoning = delta.value(key("reasoning")).toString();
    if (!reasoning.isEmpty())
        out.events << makeEvent(StreamEvent::Kind::ThinkingDelta, 0, reasoning);

    const QString content = delta.value(key("content")).toString();
    if (!content.isEmpty())
        out.events << makeEvent(StreamEvent::Kind::TextDelta, 0, content);

    for (const QJsonValue &value : delta.value(key("tool_calls")).toArray()) {
        const QJsonObject call = value.toObject();
        const int index = call.value(key("index")).toInt();
        const QJsonObject function = call.value(key("function")).toObject();
        if (call.contains(key("id"))) {
            StreamEvent start = makeEvent(StreamEvent::Kind::ToolCallStart, index);
            start.id = call.value(key("id")).toString();
            start.name = function.value(key("name")).toString();
            out.events << start;
        }
        const QString arguments = function.value(key("arguments")).toString();
        if (!arguments.isEmpty())
            out.events << makeEvent(StreamEvent::Kind::ToolArgumentsDelta, index, arguments);
    }

    const QString finish = choice.value(key("finish_reason")).toString();
    if (!finish.isEmpty()) {
        StreamEvent event = makeEvent(StreamEvent::Kind::Finish);
        event.finishReason = openaicodec::parseFinishReason(finish);
        out.events << event;
    }
}

OpenAiStreamEncoder::OpenAiStreamEncoder(bool includeUsage, qint64 created,
                                         const QString &upstreamModel)
    : m_includeUsage(includeUsage)
    , m_created(created)
    , m_model(upstreamModel) {
}

QByteArray OpenAiStreamEncoder::chunk(const QByteArray &delta, const QString &finishReason) const {
    OrderedJson choice;
    choice.add("index", 0).addRaw("delta", delta).addNull("logprobs");
    if (finishReason.isEmpty())
        choice.addNull("finish_reason");
    else
        choice.add("finish_reason", finishReason);

    OrderedJson json;
    json.add("id", m_id)
        .add("object", QStringLiteral("chat.completion.chunk"))
        .add("created", m_created)
        .add("model", m_model)
        .addRaw("choices", jsonArray({choice.toJson()}));
    if (m_includeUsage)
        json.addNull("usage");
    return dataFrame(json.toJson());
}

QByteArray OpenAiStreamEncoder::encode(const StreamEvent &event) {
    QByteArray frames;
    if (!m_started && event.kind != StreamEvent::Kind::Usage) {
        m_started = true;
        if (event.kind == StreamEvent::Kind::MessageStart) {
            if (!event.id.isEmpty())
                m_id = event.id;
            if (!event.name.isEmpty())
                m_model = event.name;
        }
        frames += chunk(OrderedJson()
                            .add("role", QStringLiteral("assistant"))
                            .add("content", QString())
                            .toJson());
    }

    switch (event.kind) {
    case StreamEvent::Kind::MessageStart:
    case StreamEvent::Kind::SignatureDelta:
        break;
    case StreamEvent::Kind::TextDelta:
        frames += chunk(OrderedJson().add("content", event.text).toJson());
        break;
    case StreamEvent::Kind::ThinkingDelta:
        frames += chunk(OrderedJson().add("reasoning_content", event.text).toJson());
        break;
    case StreamEvent::Kind::ToolCallStart: {
        OrderedJson function;
        function.add("name", event.name).add("arguments", QString());
        const QByteArray call = OrderedJson()
                                    .add("index", event.index)
                                    .add("id", event.id)
                                    .add("type", QStringLiteral("function"))
                                    .add("function", function)
                                    .toJson();
        frames += chunk(OrderedJson().addRaw("tool_calls", jsonArray({call})).toJson());
        break;
    }
    case StreamEvent::Kind::ToolArgumentsDelta: {
        if (event.text.isEmpty())
            break;
        const QByteArray call = OrderedJson()
                                    .add("index", event.index)
                                    .add("function", OrderedJson().add("arguments", event.text))
                                    .toJson();
        frames += chunk(OrderedJson().addRaw("tool_calls", jsonArray({call})).toJson());
        break;
    }
    case StreamEvent::Kind::Finish:
        frames += chunk("{}", openaicodec::finishReasonName(event.finishReason));
        break;
    case StreamEvent::Kind::Usage:
        m_usage = event.usage;
        break;
    }
    return frames;
}

QByteArray OpenAiStreamEncoder::finish() {
    QByteArray frames;
    if (m_includeUsage && m_usage) {
        OrderedJson json;
        json.add("id", m_id)
            .add("object", QStringLiteral("chat.completion.chunk"))
            .add("created", m_created)
            .add("model", m_model)
            .addRaw("choices", "[]")
            .addRaw("usage", openaicodec::usageJson(*m_usage));
        frames += dataFrame(json.toJson());
    }
    return frames + "data: [DONE]\n\n";
}

} // namespace signalbox
