// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "providers/streamcodec.h"

#include <QHash>

namespace signalbox {

// Reads Anthropic Messages stream events. message_start reports the input and cache tokens and
// a placeholder output count. Each message_delta reports the output count so far, which
// replaces the earlier one instead of adding to it.
class AnthropicStreamDecoder : public StreamDecoder {
public:
    explicit AnthropicStreamDecoder(QString providerId);

    DecodedEvent decode(const SseEvent &event) override;

private:
    void decodeMessageStart(const QJsonObject &data, DecodedEvent &out);
    void decodeBlockStart(const QJsonObject &data, DecodedEvent &out);
    void decodeBlockDelta(const QJsonObject &data, DecodedEvent &out);
    void decodeMessageDelta(const QJsonObject &data, DecodedEvent &out);

    QString m_providerId;
    bool m_started = false;
    int m_toolCalls = 0;
    QHash<int, int> m_toolIndexOfBlock; // Anthropic block index -> tool call index
};

// Writes canonical events as Anthropic stream events (`event: NAME\ndata: JSON\n\n`): message_start
// and a ping first, every block opened by content_block_start and closed by content_block_stop
// before the next one, then message_delta with the stop reason and the usage, and message_stop.
class AnthropicStreamEncoder : public ClientStreamEncoder {
public:
    // `upstreamModel` goes into message_start when the upstream's first event names no model.
    explicit AnthropicStreamEncoder(const QString &upstreamModel = {})
        : m_upstreamModel(upstreamModel) {}

    QByteArray encode(const StreamEvent &event) override;
    QByteArray finish() override;

private:
    enum class Block { None, Text, Thinking, ToolUse };

    QByteArray start(const StreamEvent &event);
    QByteArray openBlock(Block block, const QByteArray &contentBlock);
    QByteArray closeBlock();
    QByteArray delta(int blockIndex, const QByteArray &delta) const;

    QString m_upstreamModel;
    bool m_started = false;
    Block m_open = Block::None;
    int m_blockIndex = -1;         // the index of the open block, or of the last one closed
    QHash<int, int> m_blockOfTool; // tool call index -> block index
    bool m_sawToolCall = false;
    FinishReason m_finish = FinishReason::None;
    QString m_stopSequence;
    Usage m_usage;
};

// Returns the HTTP status that matches an Anthropic error type, e.g. 529 for overloaded_error.
int anthropicErrorStatus(const QString &type);

} // namespace signalbox
