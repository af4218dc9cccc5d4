// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "chat/chattypes.h"
#include "chat/usage.h"
#include "config/config.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

#include <optional>

namespace signalbox {

// Time limits of one upstream call, in milliseconds.
struct UpstreamTimeouts {
    int connectMs = 10000;    // from start until the request has been sent
    int firstByteMs = 120000; // from the sent request until the first response bytes
    int idleMs = 60000;       // between two reads of the response
};

struct UpstreamRequest {
    ProviderConfig provider;
    ModelConfig model;
    WireFormat clientFormat = WireFormat::OpenAiChat; // the format the client speaks
    QByteArray body;                                  // the client's request JSON, in clientFormat
    // The client's request in canonical form. Only a provider whose wire format differs from the
    // client's reads it, so it may stay empty when the two formats match.
    ChatRequest chat;
    bool stream = false;
    bool clientWantsUsage = false; // the client set stream_options.include_usage
    // The output limit to send when the client's request sets none: the output the gates
    // reserved, so that the call cannot cost more than its reservation. 0 sends none.
    qint64 outputLimit = 0;
    // The Anthropic client's anthropic-beta header, passed on when the body passes through to an
    // Anthropic upstream, because beta features change what the body may contain.
    QByteArray anthropicBeta;
    QString apiKey; // empty: no auth header is sent
    UpstreamTimeouts timeouts;
};

struct UpstreamError {
    enum class Kind { None, Connect, Timeout, Http, Protocol, Cancelled };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString type;
    QString code;
    QString message;       // never contains the API key
    QByteArray retryAfter; // whole seconds to wait, rounded up; empty when the upstream sent none
    // The upstream's x-should-retry header when it was "true" or "false". It overrides the
    // status in retryable().
    std::optional<bool> shouldRetry;

    bool isError() const { return kind != Kind::None; }

    // Returns true for connect errors, timeouts, and HTTP errors that another attempt or another
    // provider may not hit: 408, 409, 429 and 5xx. A shouldRetry value overrides the status.
    bool retryable() const;
};

// Returns a retry delay for UpstreamError::retryAfter: whole seconds, rounded up, at most INT_MAX.
// `seconds` must be finite and not negative.
QByteArray wholeRetrySeconds(double seconds);

// Returns the lower-case name of an error kind, for logs and the ledger.
QString upstreamErrorKindName(UpstreamError::Kind kind);

struct UpstreamResult {
    UpstreamError error;
    int httpStatus = 0;
    // Non-stream: the response body in the client's format. On an HTTP error: the upstream's
    // error body.
    QByteArray body;
    Usage usage;
    bool usageReported = false; // the provider reported the usage of the whole answer
    bool inputReported = false; // the provider reported the input tokens (e.g. message_start)
    // Stream: an estimate of the output tokens sent to the client so far, for billing a stream
    // that ends without a usage report.
    qint64 streamedOutputTokens = 0;
    // Non-stream without a usage report: an estimate of the output tokens from the answer's text,
    // without the JSON around it.
    qint64 answerOutputTokens = 0;
    qint64 streamedFrames = 0;                    // stream: writes of client frames so far
    QList<QPair<QByteArray, QByteArray>> headers; // upstream response headers worth passing on
    qint64 ttftMs = -1; // time to the first streamed chunk, or to the first body byte
    bool sawDone = false;
};

// The result of scanning a successful non-stream response without parsing the whole body.
struct ScannedResponse {
    std::optional<Usage> usage; // nothing when the body has no usage object
};

// One call to an upstream provider. Each provider kind implements it in its own wire format.
// The object lives in the thread of the HttpClient it uses and emits finished()
// exactly once, as its last signal.
class UpstreamCall : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    ~UpstreamCall() override = default;

    virtual void start() = 0;

    // Cancels the network request at once and finishes with Kind::Cancelled. Does nothing
    // after finished() has been emitted.
    virtual void abort() = 0;

    // Returns what the call has received so far: the usage reported and the output streamed.
    virtual const UpstreamResult &progress() const = 0;

signals:
    // Stream only: the upstream answered 200 and its first event is valid and no error, so the
    // client's response headers can be sent.
    void streamStarted();

    // Stream only: SSE frames in the client's format, ready to write, emitted as soon as the
    // upstream event behind them is parsed. A complete stream ends with the format's closing
    // frames: `data: [DONE]` for OpenAI clients, message_delta and message_stop for Anthropic
    // clients. An OpenAI usage-only chunk reaches an OpenAI client only when it asked for usage.
    void streamData(const QByteArray &frames);

    void finished(const signalbox::UpstreamResult &result);
};

} // namespace signalbox
