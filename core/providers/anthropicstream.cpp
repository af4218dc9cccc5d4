// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "providers/anthropicstream.h"

#include "providers/anthropiccodec.h"
#include "providers/jsonwriter.h"
#include "providers/openaiwire.h"

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

QByteArray frame(QByteArrayView name, const QByteArray &json) {
    return "event: " + name.toByteArray() + "\ndata: " + json + "\n\n";
}

} // namespace

int anthropicErrorStatus(const QString &type) {
    static const QHash<QString, int> statuses{{QStringLiteral("invalid_request_error"), 400},
                                              {QStringLiteral("authentication_error"), 401},
                                              {QStringLiteral("billing_error"), 402},
                                              {QStringLiteral("permission_error"), 403},
                                              {QStringLiteral("not_found_error"), 404},
                                              {QStringLiteral("request_too_large"), 413},
                                              {QStringLiteral("rate_limit_error"), 429},
                                              {QStringLiteral("api_error"), 500},
                                              {QStringLiteral("timeout_error"), 504},
                                              {QStringLiteral("overloaded_error"), 529}};
    return statuses.value(type, 502);
}

AnthropicStreamDecoder::AnthropicStreamDecoder(QString providerId)
    : m_providerId(std::move(providerId)) {
}

DecodedEvent AnthropicStreamDecoder::decode(const SseEvent &event) {
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

    const QJsonObject data = document.object();
    QString type = data.value(key("type")).toString();
    if (type.isEmpty())
        type = QString::fromUtf8(event.event);

    if (type == QLatin1String("error")) {
        UpstreamError error = openaiwire::errorFromObject(data, m_providerId);
        error.httpStatus = anthropicErrorStatus(error.type);
        out.error = error;
    } else if (type == QLatin1String("message_start")) {
        decodeMessageStart(data, out);
    } else if (type == QLatin1String("content_block_start")) {
        decodeBlockStart(data, out);
    } else if (type == QLatin1String("content_block_delta")) {
        decodeBlockDelta(data, out);
    } else if (type == QLatin1String("message_delta")) {
        decodeMessageDelta(data, out);
    } else if (type == QLatin1String("message_stop")) {
        out.done = true;
    } else {
        // ping, content_block_stop and event types added later carry nothing to translate.
        out.keepAlive = type == QLatin1String("ping");
    }
    return out;
}

void AnthropicStreamDecoder::decodeMessageStart(const QJsonObject &data, DecodedEvent &out) {
    m_started = true;
    const QJsonObject message = data.value(key("message")).toObject();
    StreamEvent start = makeEvent(StreamEvent::Kind::MessageStart);
    start.id = message.value(key("id")).toString();
    start.name = message.value(key("model")).toString();
    out.events << start;

    if (message.value(key("usage")).isObject()) {
        anthropiccodec::readUsage(message.value(key("usage")).toObject(), m_usage);
        m_inputReported = true;
        StreamEvent usage = makeEvent(StreamEvent::Kind::Usage);
        usage.usage = m_usage;
        out.events << usage;
    }
}

void AnthropicStreamDecoder::decodeBlockStart(const QJsonObject &data, DecodedEvent &out) {
    const int blockIndex = data.value(key("index")).toInt();
    const QJsonObject block = data.value(key("content_block")).toObject();
    const QString type = block.value(key("type")).toString();
    if (type == QLatin1String("tool_use")) {
        const int toolIndex = m_toolCalls++;
        m_toolIndexOfBlock.insert(blockIndex, toolIndex);
        StreamEvent start = makeEvent(StreamEvent::Kind::ToolCallStart, toolIndex);
        start.id = block.value(key("id")).toString();
        start.name = block.value(key("name")).toString();
        out.events << start;
    } else if (type == QLatin1String("text") && !block.value(key("text")).toString().isEmpty()) {
        out.events << makeEvent(StreamEvent::Kind::TextDelta, 0,
                                block.value(key("text")).toString());
    } else if (type == QLatin1String("thinking") &&
               !block.value(key("thinking")).toString().isEmpty()) {
        out.events << makeEvent(StreamEvent::Kind::ThinkingDelta, 0,
                                block.value(key("thinking")).toString());
    }
}

void AnthropicStreamDecoder::decodeBlockDelta(const QJsonObject &data, DecodedEvent &out) {
    const QJsonObject delta = data.value(key("delta")).toObject();
    const QString type = delta.value(key("type")).toString();
    if (type == QLatin1String("text_delta")) {
        out.events << makeEvent(StreamEvent::Kind::TextDelta, 0,
                                delta.value(key("text")).toString());
    } else if (type == QLatin1String("input_json_delta")) {
        const int toolIndex = m_toolIndexOfBlock.value(data.value(key("index")).toInt(), -1);
        if (toolIndex >= 0)
            out.events << makeEvent(StreamEvent::Kind::ToolArgumentsDelta, toolIndex,
                                    delta.value(key("partial_json")).toString());
    } else if (type == QLatin1String("thinking_delta")) {
        out.events << makeEvent(StreamEvent::Kind::ThinkingDelta, 0,
                                delta.value(key("thinking")).toString());
    } else if (type == QLatin1String("signature_delta")) {
        out.events << makeEvent(StreamEvent::Kind::SignatureDelta, 0,
                                delta.value(key("signature")).toString());
    }
}

void AnthropicStreamDecoder::decodeMessageDelta(const QJsonObject &data, DecodedEvent &out) {
    const QJsonObject delta = data.value(key("delta")).toObject();
    StreamEvent finish = makeEvent(StreamEvent::Kind::Finish);
    finish.finishReason =
        anthropiccodec::parseStopReason(delta.value(key("stop_reason")).toString());
    finish.stopSequence = delta.value(key("stop_sequence")).toString();
    out.events << finish;

    if (data.value(key("usage")).isObject()) {
        anthropiccodec::readUsage(data.value(key("usage")).toObject(), m_usage);
        m_inputReported = true;
        m_usageComplete = true;
        StreamEvent usage = makeEvent(StreamEvent::Kind::Usage);
        usage.usage = m_usage;
        out.events << usage;
    }
}

QByteArray AnthropicStreamEncoder::start(const StreamEvent &event) {
    m_started = true;
    QString upstreamId;
    QString model = m_upstreamModel;
    if (event.kind == StreamEvent::Kind::MessageStart) {
        upstreamId = event.id;
        if (!event.name.isEmpty())
            model = event.name;
    }
    const QString id = anthropiccodec::messageId(upstreamId);
    // The upstream reports usage at the end, so message_start carries zeros and message_delta
    // the real counts.
    const QByteArray message = OrderedJson()
                                   .add("id", id)
                                   .add("type", QStringLiteral("message"))
                                   .add("role", QStringLiteral("assistant"))
                                   .add("model", model)
                                   .addRaw("content", "[]")
                                   .addNull("stop_reason")
                                   .addNull("stop_sequence")
                                   .addRaw("usage", anthropiccodec::usageJson(Usage{}))
                                   .toJson();
    return frame("message_start", OrderedJson()
                                      .add("type", QStringLiteral("message_start"))
                                      .addRaw("message", message)
                                      .toJson()) +
           frame("ping", QByteArrayLiteral("{\"type\": \"ping\"}"));
}

QByteArray AnthropicStreamEncoder::openBlock(Block block, const QByteArray &contentBlock) {
    QByteArray frames = closeBlock();
    m_open = block;
    ++m_blockIndex;
    frames += frame("content_block_start", OrderedJson()
                                               .add("type", QStringLiteral("content_block_start"))
                                               .add("index", m_blockIndex)
                                               .addRaw("content_block", contentBlock)
                                               .toJson());
    return frames;
}

QByteArray AnthropicStreamEncoder::closeBlock() {
    if (m_open == Block::None)
        return {};
    m_open = Block::None;
    return frame("content_block_stop", OrderedJson()
                                           .add("type", QStringLiteral("content_block_stop"))
                                           .add("index", m_blockIndex)
                                           .toJson());
}

QByteArray AnthropicStreamEncoder::delta(int blockIndex, const QByteArray &delta) const {
    return frame("content_block_delta", OrderedJson()
                                            .add("type", QStringLiteral("content_block_delta"))
                                            .add("index", blockIndex)
                                            .addRaw("delta", delta)
                                            .toJson());
}

QByteArray AnthropicStreamEncoder::encode(const StreamEvent &event) {
    QByteArray frames;
    if (!m_started && event.kind != StreamEvent::Kind::Usage)
        frames += start(event);

    switch (event.kind) {
    case StreamEvent::Kind::MessageStart:
        break;
    case StreamEvent::Kind::TextDelta:
        if (m_open != Block::Text)
            frames += openBlock(Block::Text, R"({"type":"text","text":""})");
        frames += delta(m_blockIndex, OrderedJson()
                                          .add("type", QStringLiteral("text_delta"))
                                          .add("text", event.text)
                                          .toJson());
        break;
    case StreamEvent::Kind::ThinkingDelta:
        if (m_open != Block::Thinking)
            frames +=
                openBlock(Block::Thinking, R"({"type":"thinking","thinking":"","signature":""})");
        frames += delta(m_blockIndex, OrderedJson()
                                          .add("type", QStringLiteral("thinking_delta"))
                                          .add("thinking", event.text)
                                          .toJson());
        break;
    case StreamEvent::Kind::SignatureDelta:
        if (m_open == Block::Thinking)
            frames += delta(m_blockIndex, OrderedJson()
                                              .add("type", QStringLiteral("signature_delta"))
                                              .add("signature", event.text)
                                              .toJson());
        break;
    case StreamEvent::Kind::ToolCallStart:
        frames += openBlock(Block::ToolUse, OrderedJson()
                                                .add("type", QStringLiteral("tool_use"))
                                                .add("id", event.id)
                                                .add("name", event.name)
                                                .addRaw("input", "{}")
                                                .toJson());
        m_blockOfTool.insert(event.index, m_blockIndex);
        m_sawToolCall = true;
        break;
    case StreamEvent::Kind::ToolArgumentsDelta:
        // Every argument piece goes out, to the block of its own tool call.
        if (!event.text.isEmpty() && m_blockOfTool.contains(event.index))
            frames += delta(m_blockOfTool.value(event.index),
                            OrderedJson()
                                .add("type", QStringLiteral("input_json_delta"))
                                .add("partial_json", event.text)
                                .toJson());
        break;
    case StreamEvent::Kind::Finish:
        m_finish = event.finishReason;
        m_stopSequence = event.stopSequence;
        frames += closeBlock();
        break;
    case StreamEvent::Kind::Usage:
        m_usage = event.usage;
        break;
    }
    return frames;
}

QByteArray AnthropicStreamEncoder::finish() {
    QByteArray frames;
    if (!m_started)
        frames += start(StreamEvent{});
    frames += closeBlock();

    // Clients run tools only when the turn ends with tool_use, whatever stop reason the upstream sent.
    FinishReason finish = m_finish == FinishReason::None ? FinishReason::Stop : m_finish;
    if (m_sawToolCall && (finish == FinishReason::Stop || finish == FinishReason::Other))
        finish = FinishReason::ToolUse;

    OrderedJson delta;
    delta.add("stop_reason", anthropiccodec::stopReasonName(finish));
    if (m_stopSequence.isEmpty())
        delta.addNull("stop_sequence");
    else
        delta.add("stop_sequence", m_stopSequence);
    frames += frame("message_delta", OrderedJson()
                                         .add("type", QStringLiteral("message_delta"))
                                         .add("delta", delta)
                                         .addRaw("usage", anthropiccodec::usageJson(m_usage))
                                         .toJson());
    frames += frame("message_stop", R"({"type":"message_stop"})");
    return frames;
}

} // namespace signalbox
