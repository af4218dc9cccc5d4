// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "http/httpclient.h"
#include "providers/provideradapter.h"
#include "providers/sseparser.h"
#include "providers/upstreamcall.h"

#include <QElapsedTimer>
#include <QTimer>

#include <memory>

namespace signalbox {

class WarningThrottle;

// A call to an upstream over HTTP in the wire format of its adapter. Streams are read event by
// event and written to the client as they arrive: unchanged when the client speaks the
// provider's format, else translated through the canonical stream events. Either way the usage
// is read from the stream.
class ProviderCall : public UpstreamCall, private HttpClientListener {
    Q_OBJECT

public:
    ProviderCall(UpstreamRequest request, std::unique_ptr<ProviderAdapter> adapter,
                 HttpClient *client, WarningThrottle *failureWarnings = nullptr,
                 QObject *parent = nullptr);
    ~ProviderCall() override;

    void start() override;
    void abort() override;
    const UpstreamResult &progress() const override { return m_result; }

private:
    enum class Phase { Connect, FirstByte, Idle };

    HttpClientRequest buildHttpRequest(PreparedCall prepared) const;
    void armTimer(Phase phase);
    void onTimeout();

    void onRequestSent() override;
    void onResponseHead() override;
    void onResponseBody(const QByteArray &bytes) override;
    void onResponseFinished() override;

    void feedStream(QByteArrayView bytes);
    bool handleEvent(const SseEvent &event); // returns false once the call has finished
    bool flushToClient();                    // returns false once the call has finished
    QByteArray clientFrames(const SseEvent &event, const DecodedEvent &decoded);
    static QString answerText(const ChatResponse &response);
    void countStreamed(const DecodedEvent &decoded);
    void emitFrames(const QByteArray &frames);

    void finishStream();
    void finishBody();
    void finishPassedOnBody(const std::optional<Usage> &usage);
    void setReportedUsage(const std::optional<Usage> &usage);
    void finishNetworkError();
    void finishBrokenBody();
    void finishWith(UpstreamError error);
    void finishOk();

    UpstreamRequest m_request;
    std::unique_ptr<ProviderAdapter> m_adapter;
    bool m_passThrough = false; // the client speaks the provider's format
    std::unique_ptr<StreamDecoder> m_decoder;
    std::unique_ptr<ClientStreamEncoder> m_encoder; // null when passing the stream through
    HttpClient *m_client = nullptr;
    WarningThrottle *m_failureWarnings = nullptr;
    std::unique_ptr<HttpClientReply> m_reply;
    QTimer m_timer;
    Phase m_phase = Phase::Connect;
    QElapsedTimer m_clock;

    SseParser m_parser;
    QByteArray m_body;          // the whole body of a non-stream reply or of an HTTP error
    QString m_streamedText;     // output text sent so far, for the estimate of a broken stream
    QByteArray m_pendingFrames; // client frames held until the answer's first content
    UpstreamResult m_result;
    bool m_gotHead = false;
    bool m_eventStream = false; // the reply is a 2xx text/event-stream
    bool m_streamStarted = false;
    bool m_sawEvents = false; // the stream had at least one event with canonical content
    bool m_sawFinish = false; // an event stated why the answer ended
    bool m_finished = false;
};

} // namespace signalbox
