// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "chat/chattypes.h"
#include "providers/sseparser.h"
#include "providers/upstreamcall.h"

#include <QByteArray>
#include <QList>

#include <memory>
#include <optional>

namespace signalbox {

// The canonical content of one upstream stream event.
struct DecodedEvent {
    QList<StreamEvent> events;
    std::optional<UpstreamError> error; // the event reports an error, or is not readable
    bool done = false;      // the format's explicit end of the stream ([DONE], message_stop)
    bool usageOnly = false; // an OpenAI chunk that carries usage and no choice
    bool keepAlive = false; // a ping with nothing for the client
};

// Reads one provider's stream events. It keeps the usage seen so far, because providers spread
// it over several events (Anthropic) or repeat it cumulatively (Gemini).
class StreamDecoder {
public:
    virtual ~StreamDecoder() = default;

    virtual DecodedEvent decode(const SseEvent &event) = 0;

    const Usage &usage() const { return m_usage; }
    // The provider reported the input tokens, e.g. in Anthropic's message_start.
    bool inputReported() const { return m_inputReported; }
    // The provider reported the final usage of the whole answer.
    bool usageComplete() const { return m_usageComplete; }

protected:
    Usage m_usage;
    bool m_inputReported = false;
    bool m_usageComplete = false;
};

// Writes canonical stream events as a client's SSE frames, ready to send.
class ClientStreamEncoder {
public:
    virtual ~ClientStreamEncoder() = default;

    // Returns the frames for one event; empty when the event produces none yet.
    virtual QByteArray encode(const StreamEvent &event) = 0;

    // Returns the frames that close a complete stream.
    virtual QByteArray finish() = 0;
};

// Creates the encoder for a client format. `includeUsage` is the OpenAI client's
// stream_options.include_usage; `created` the Unix time written into OpenAI chunks.
// `upstreamModel` is the model name written into the stream when the upstream's first event
// names none, as the non-stream reply does (see ProviderCall).
std::unique_ptr<ClientStreamEncoder> createClientStreamEncoder(WireFormat client, bool includeUsage,
                                                               qint64 created,
                                                               const QString &upstreamModel = {});

// Returns a non-stream response body in the client's format.
QByteArray encodeClientResponse(WireFormat client, const ChatResponse &response);

} // namespace signalbox
